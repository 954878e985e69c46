/*
 * bench/tcg: a CPU-bound bare-metal A64 program for -M virt (raw image at
 * 0x40080000). Integer arithmetic, loads/stores over a 4 KiB buffer, and
 * data-dependent branches; the loop body is 16 instructions and runs
 * ITERS times. Prints "tcg-bench done <checksum>" on the PL011 and powers
 * off through PSCI SYSTEM_OFF (hvc #0).
 */
    .equ UART, 0x09000000
    .equ ITERS, 20000000
    .text
    .globl _start
_start:
    adr x10, buffer
    ldr x11, =ITERS
    mov x0, #1
    mov x1, #0x9e37
    mov x2, #0
1:  add x0, x0, x1              /* 16 instructions per iteration */
    eor x1, x1, x0, lsr #7
    and x3, x0, #0xff8
    ldr x4, [x10, x3]
    add x4, x4, x0
    str x4, [x10, x3]
    mul x5, x4, x1
    add x2, x2, x5, lsr #3
    tbz x0, #3, 2f
    sub x2, x2, #1
2:  ror x1, x1, #13
    cmp x2, x0
    csel x6, x2, x0, hi
    add x2, x2, x6, lsr #60
    subs x11, x11, #1
    b.ne 1b
    /* print the message and the checksum (x2) in hex */
    ldr x12, =UART
    adr x13, msg
3:  ldrb w14, [x13], #1
    cbz w14, 4f
    strb w14, [x12]
    b 3b
4:  mov x15, #60
5:  lsr x14, x2, x15
    and x14, x14, #0xf
    cmp x14, #10
    add x16, x14, #'0'
    add x17, x14, #('a' - 10)
    csel x14, x16, x17, lo
    strb w14, [x12]
    subs x15, x15, #4
    b.pl 5b
    mov w14, #'\n'
    strb w14, [x12]
    ldr x0, =0x84000008
    hvc #0
6:  b 6b

msg: .asciz "tcg-bench done "
    .balign 16
    .ltorg
    .balign 4096
buffer: .skip 4096
