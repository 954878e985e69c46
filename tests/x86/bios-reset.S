/*
 * A 64 KiB reset-vector BIOS for the pc board (-bios) that resets the
 * machine. Assembled with --defsym MODE=n:
 *   MODE=0  writes 0x06 (SYS_RST | RST_CPU) to the PIIX3's reset control
 *           register 0xcf9; run with -no-reboot the process ends with
 *           status 0. Should the write not reset, it says so and exits
 *           through isa-debug-exit with 1 (status 3).
 *   MODE=1  counts its boots in CMOS NVRAM (byte 0x5b): the first boot
 *           stores a marker, checks that 0xcf9 reads back SYS_RST and
 *           that dword CONFIG_ADDRESS cycles at 0xcf8 still reach the
 *           host bridge, and resets through 0xcf9; the second finds the marker, prints
 *           what 0xcf9 reads after the reset, clears the marker and exits
 *           through isa-debug-exit with 0x2a (status 85).
 * Build: as --32 && ld -m elf_i386 -Ttext 0 && objcopy -O binary.
 */
    .equ RCR, 0xcf9
    .equ CMOS_MARK, 0x5b
    .equ MARKER, 0xa5

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

.if MODE == 0
    mov $msg_reset, %si
    call puts
    mov $RCR, %dx
    mov $0x06, %al
    out %al, %dx
    /* The reset request is handled by the main loop, a moment after
     * the write: spin a little before calling it a failure. */
    mov $0x4000000, %ecx
1:  addr32 loop 1b
    mov $msg_still, %si
    call puts
    mov $1, %al
    out %al, $0xf4
.endif

.if MODE == 1
    mov $CMOS_MARK, %al
    out %al, $0x70
    in $0x71, %al
    cmp $MARKER, %al
    je second_boot
    mov $msg_first, %si
    call puts
    mov $CMOS_MARK, %al
    out %al, $0x70
    mov $MARKER, %al
    out %al, $0x71
    mov $RCR, %dx
    mov $0x02, %al              /* SYS_RST: read back, no reset yet */
    out %al, %dx
    in %dx, %al
    movzbl %al, %eax
    mov $msg_rcr, %si
    call puts
    call puthex32
    mov $msg_nl, %si
    call puts
    /* Dword accesses at 0xcf8 are still the host bridge's
     * CONFIG_ADDRESS: select 00:00.0 register 0, read its IDs. */
    mov $0xcf8, %dx
    mov $0x80000000, %eax
    out %eax, %dx
    in %dx, %eax
    mov $msg_cfgaddr, %si
    call puts
    call puthex32
    mov $0xcfc, %dx
    in %dx, %eax
    mov $msg_ids, %si
    call puts
    call puthex32
    mov $msg_nl, %si
    call puts
    mov $RCR, %dx
    in %dx, %al                 /* the config cycles left it alone */
    movzbl %al, %eax
    mov $msg_rcr, %si
    call puts
    call puthex32
    mov $msg_nl, %si
    call puts
    mov $0x06, %al              /* RST_CPU: reset now */
    out %al, %dx
1:  hlt
    jmp 1b

second_boot:
    mov $msg_second, %si
    call puts
    mov $RCR, %dx
    in %dx, %al
    movzbl %al, %eax
    mov $msg_rcr, %si
    call puts
    call puthex32
    mov $msg_nl, %si
    call puts
    mov $CMOS_MARK, %al
    out %al, $0x70
    xor %al, %al
    out %al, $0x71
    mov $msg_done, %si
    call puts
    mov $0x2a, %al
    out %al, $0xf4
.endif

2:  hlt
    jmp 2b

    .include "serial16.inc"

msg_reset:  .asciz "reset: writing 0x06 to 0xcf9\n"
msg_still:  .asciz "reset: still running after the write\n"
msg_first:  .asciz "reset: first boot, marker stored\n"
msg_second: .asciz "reset: second boot, marker found\n"
msg_rcr:    .asciz "reset: rcr "
msg_nl:     .asciz "\n"
msg_cfgaddr: .asciz "reset: 0xcf8 "
msg_ids:    .asciz " 00:00.0 ids "
msg_done:   .asciz "reset: done\n"

    .org 0xfff0
    ljmp $0xf000, $_start
    .org 0x10000
