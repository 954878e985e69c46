/*
 * A reset-vector BIOS that loads AX/BX with known values and counts in
 * ECX forever: the monitor tests read its registers, and check that
 * "stop" really stops it (ECX frozen) and "cont" lets it go on.
 */
    .code16
    .text
    .globl _start
_start:
    mov $0x1234, %ax
    mov $0x5678, %bx
    xor %ecx, %ecx
1:  inc %ecx
    jmp 1b

    .org 0xfff0
    ljmp $0xf000, $_start
    .org 0x10000
