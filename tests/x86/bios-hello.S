/*
 * The smallest guest: a 64 KiB reset-vector BIOS that writes one byte to
 * COM1 and exits through isa-debug-exit at 0xf4 (status (0x10 << 1) | 1).
 * bench/start.py times Kestrel and QEMU on it.
 */
    .code16
    .text
    .globl _start
_start:
    mov $0x3f8, %dx
    mov $'K', %al
    out %al, %dx
    mov $0x10, %al
    out %al, $0xf4
1:  hlt
    jmp 1b

    .org 0xfff0
    ljmp $0xf000, $_start
    .org 0x10000
