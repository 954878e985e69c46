/*
 * A multiboot v1 kernel (ELF, linked at 1 MiB) that triple-faults, for
 * the board's reset path: in long mode it loads an IDT with limit 0 and
 * executes ud2. #UD, then the #GP for its missing gate, then the #DF
 * all miss the IDT: the CPU shuts down, KVM reports KVM_EXIT_SHUTDOWN
 * and the board resets (with -no-reboot the process ends, status 0).
 * Boots are counted in CMOS NVRAM byte 0x5c: the first boot stores a
 * marker and faults; the one after the reset finds it, clears it and
 * exits through isa-debug-exit with 0x2a (status 85).
 * ud2, not int3: on this machine's PVM a ring-0 int3 without a gate is
 * a KVM emulation failure, not a shutdown (docs/boot-x86.md, Resets).
 * Build: gcc -m64 -c && ld -m elf_x86_64 -Ttext 0x100000 &&
 * objcopy -O elf32-i386.
 */
#define COM1        0x3f8
#define CMOS_MARK   0x5c
#define MARKER      0xa5

    .code32
    .text
    .globl _start
_start:
    jmp entry
    .align 4
mb_header:
    .long 0x1badb002, 0, -0x1badb002

entry:
    cli
    mov $stack_top, %esp
    /* Identity map the first 1 GiB with 2 MiB pages. */
    mov $pd, %edi
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $21, %eax
    or $0x83, %eax                  /* present, writable, 2 MiB */
    mov %eax, (%edi,%ecx,8)
    movl $0, 4(%edi,%ecx,8)
    inc %ecx
    cmp $512, %ecx
    jne 1b
    mov $pd, %eax
    or $3, %eax
    mov %eax, pdpt
    mov $pdpt, %eax
    or $3, %eax
    mov %eax, pml4
    lgdt gdt_desc
    mov %cr4, %eax
    or $0x20, %eax                  /* PAE */
    mov %eax, %cr4
    mov $pml4, %eax
    mov %eax, %cr3
    mov $0xc0000080, %ecx
    rdmsr
    or $0x100, %eax                 /* EFER.LME */
    wrmsr
    mov %cr0, %eax
    or $0x80000001, %eax
    mov %eax, %cr0
    ljmp $0x08, $long_mode

    .code64
long_mode:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $stack_top, %rsp
    mov $CMOS_MARK, %al
    out %al, $0x70
    in $0x71, %al
    cmp $MARKER, %al
    je second_boot

    mov $CMOS_MARK, %al
    out %al, $0x70
    mov $MARKER, %al
    out %al, $0x71
    mov $msg_first, %rsi
    call puts64
    lidt idt_empty
    ud2
    /* Not reached when the fault shuts the CPU down. */
    mov $msg_survived, %rsi
    call puts64
    mov $1, %al
    out %al, $0xf4
    jmp halt

second_boot:
    mov $CMOS_MARK, %al
    out %al, $0x70
    xor %al, %al
    out %al, $0x71
    mov $msg_second, %rsi
    call puts64
    mov $0x2a, %al
    out %al, $0xf4
halt:
    hlt
    jmp halt

puts64:
    push %rax
    push %rdx
    mov $COM1, %dx
1:  lodsb
    test %al, %al
    jz 2f
    out %al, %dx
    jmp 1b
2:  pop %rdx
    pop %rax
    ret

    .data
    .align 8
gdt:
    .quad 0
    .quad 0x00af9a000000ffff        /* 0x08: 64-bit code */
    .quad 0x00cf92000000ffff        /* 0x10: data */
gdt_end:
gdt_desc:
    .word gdt_end - gdt - 1
    .quad gdt
idt_empty:
    .word 0
    .quad 0

msg_first:    .asciz "triple-fault: first boot, ud2 with an empty IDT\n"
msg_second:   .asciz "triple-fault: second boot after the reset\n"
msg_survived: .asciz "triple-fault: still running after ud2\n"

    .bss
    .align 4096
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4096
        .skip 8192
stack_top:
