/*
 * A 64 KiB reset-vector BIOS for the pc board (loaded with -bios): real
 * mode, port I/O, CMOS, PCI configuration of the host and ISA bridges,
 * the boot-timer port.
 * Reports on COM1, then exits through isa-debug-exit at 0xf4: 0 when every
 * check passed (process status 1), 1 otherwise (status 3).
 * Build: as --32 && ld -m elf_i386 -Ttext 0 && objcopy -O binary.
 */
    .code16
    .text
    .globl _start
_start:
    cli
    xor %ax, %ax
    mov %ax, %ss
    mov $0x7000, %sp
    mov %cs, %ax
    mov %ax, %ds                /* strings live in this segment */
    xor %bp, %bp                /* failure count */

    mov $msg_hello, %si
    call puts

    /* Kestrel's boot-timer port: the host logs the time since start. */
    mov $0x440, %dx
    mov $123, %al
    out %al, %dx

    /* PCI 00:00.0 and 00:01.0 vendor/device through 0xcf8/0xcfc. */
    mov $msg_pci0, %si
    call puts
    mov $0x80000000, %eax
    call pci_read
    call puthex32
    cmp $0x12378086, %eax
    je 1f
    inc %bp
1:  mov $msg_pci1, %si
    call puts
    mov $0x80000800, %eax
    call pci_read
    call puthex32
    cmp $0x70008086, %eax
    je 1f
    inc %bp
1:  /* An empty slot reads all-ones. */
    mov $msg_pci5, %si
    call puts
    mov $0x80002800, %eax
    call pci_read
    call puthex32
    cmp $0xffffffff, %eax
    je 1f
    inc %bp
1:  /* CMOS: seconds in BCD below 0x60, register D says the battery is ok. */
    mov $msg_cmos, %si
    call puts
    mov $0x00, %al
    out %al, $0x70
    in $0x71, %al
    movzbl %al, %eax
    call puthex32
    cmp $0x60, %al
    jb 1f
    inc %bp
1:  mov $0x0d, %al
    out %al, $0x70
    in $0x71, %al
    test $0x80, %al
    jnz 1f
    inc %bp
1:  /* An unassigned port reads all-ones. */
    mov $msg_unassigned, %si
    call puts
    mov $0x2ee, %dx
    in %dx, %al
    movzbl %al, %eax
    call puthex32
    cmp $0xff, %al
    je 1f
    inc %bp
1:  mov $msg_nl, %si
    call puts
    mov $msg_pass, %si
    test %bp, %bp
    jz 1f
    mov $msg_fail, %si
1:  call puts
    mov %bp, %ax
    test %ax, %ax
    jz 2f
    mov $1, %al
2:  out %al, $0xf4
    hlt
    jmp 2b

/* eax = CONFIG_ADDRESS -> eax = dword at it */
pci_read:
    mov $0xcf8, %dx
    out %eax, %dx
    mov $0xcfc, %dx
    in %dx, %eax
    ret

    .include "serial16.inc"

msg_hello:      .asciz "bios-smoke: real mode up\n"
msg_pci0:       .asciz "pci 00:00.0 "
msg_pci1:       .asciz "\npci 00:01.0 "
msg_pci5:       .asciz "\npci 00:05.0 "
msg_cmos:       .asciz "\ncmos seconds "
msg_unassigned: .asciz "\nport 0x2ee "
msg_nl:         .asciz "\n"
msg_pass:       .asciz "bios-smoke: PASS\n"
msg_fail:       .asciz "bios-smoke: FAIL\n"

/* The reset vector: the last 16 bytes of the image, at 0xffff:0xfff0. */
    .org 0xfff0
    ljmp $0xf000, $_start
    .org 0x10000
