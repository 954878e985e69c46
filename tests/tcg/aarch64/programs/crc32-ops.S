/*
 * crc32-ops: CRC32B/H/W/X and CRC32CB/H/W/X. The same 32-byte message is
 * folded with each width (the results of one polynomial must agree), and
 * "123456789" gives the standards' check values (0xcbf43926 for CRC-32,
 * 0xe3069283 for CRC-32C) with the usual pre- and post-inversion. Edge
 * operands: WZR as accumulator, XZR as data, and a W result writing the
 * upper half of X as zero.
 */
    .arch armv8-a+crc
    .text

/* w0 = crc(w0, x1 bytes of [x2]) with the instruction chosen by macro. */
.macro CRCLOOP name, insn, step, ld, reg
\name:
    cbz     x1, 2f
1:  \ld     \reg, [x2], #\step
    \insn   w0, w0, \reg
    subs    x1, x1, #\step
    b.ne    1b
2:  ret
.endm

    CRCLOOP crc_b, crc32b, 1, ldrb, w3
    CRCLOOP crc_h, crc32h, 2, ldrh, w3
    CRCLOOP crc_w, crc32w, 4, ldr, w3
    CRCLOOP crc_x, crc32x, 8, ldr, x3
    CRCLOOP crcc_b, crc32cb, 1, ldrb, w3
    CRCLOOP crcc_h, crc32ch, 2, ldrh, w3
    CRCLOOP crcc_w, crc32cw, 4, ldr, w3
    CRCLOOP crcc_x, crc32cx, 8, ldr, x3

/* print(label x0-string, value w1) */
print_val:
    mov     x2, x1
    mov     x1, x0
    adr     x0, fmt
    b       kprintf

/* x19 = routine, x20 = label: fold msg with initial ~0, print. */
run_one:
    stp     x29, x30, [sp, #-16]!
    mov     w0, #-1
    mov     x1, #32
    adr     x2, msg
    blr     x19
    mov     w1, w0
    mov     x0, x20
    bl      print_val
    ldp     x29, x30, [sp], #16
    ret

    .globl  main
main:
    stp     x29, x30, [sp, #-48]!
    stp     x19, x20, [sp, #16]
    str     x21, [sp, #32]
    adr     x21, table
3:  ldp     x19, x20, [x21], #16
    cbz     x19, 4f
    bl      run_one
    b       3b
4:
    /* Check values: ~crc(~0, "123456789"). */
    mov     w0, #-1
    mov     x1, #9
    adr     x2, check
    bl      crc_b
    mvn     w1, w0
    adr     x0, s_check
    bl      print_val
    mov     w0, #-1
    mov     x1, #9
    adr     x2, check
    bl      crcc_b
    mvn     w1, w0
    adr     x0, s_checkc
    bl      print_val
    /* 8 bytes at once, then the ninth. */
    adr     x2, check
    ldr     x3, [x2]
    ldrb    w4, [x2, #8]
    mov     w0, #-1
    crc32x  w0, w0, x3
    crc32b  w0, w0, w4
    mvn     w1, w0
    adr     x0, s_checkx
    bl      print_val
    /* Zero registers and the upper half of the destination. */
    mov     x5, #-1
    movz    x3, #0x1234
    crc32w  w5, wzr, w3
    mov     x1, x5
    adr     x0, s_wzr
    bl      print_val_x
    mov     w6, #0x5a5a
    crc32cx w6, w6, xzr
    mov     x1, x6
    adr     x0, s_xzr
    bl      print_val_x
    ldr     x21, [sp, #32]
    ldp     x19, x20, [sp, #16]
    ldp     x29, x30, [sp], #48
    mov     w0, #0
    ret

print_val_x:
    mov     x2, x1
    mov     x1, x0
    adr     x0, fmtx
    b       kprintf

    .section .rodata
    .balign 8
table:
    .quad   crc_b, s_b, crc_h, s_h, crc_w, s_w, crc_x, s_x
    .quad   crcc_b, s_cb, crcc_h, s_ch, crcc_w, s_cw, crcc_x, s_cx
    .quad   0, 0
msg:
    .ascii  "The quick brown fox jumps over t"
check:
    .ascii  "123456789"
fmt:    .asciz  "%s %08x\n"
fmtx:   .asciz  "%s %016lx\n"
s_b:    .asciz  "crc32b"
s_h:    .asciz  "crc32h"
s_w:    .asciz  "crc32w"
s_x:    .asciz  "crc32x"
s_cb:   .asciz  "crc32cb"
s_ch:   .asciz  "crc32ch"
s_cw:   .asciz  "crc32cw"
s_cx:   .asciz  "crc32cx"
s_check:  .asciz "check crc32"
s_checkc: .asciz "check crc32c"
s_checkx: .asciz "check crc32x+b"
s_wzr:  .asciz  "crc32w wzr"
s_xzr:  .asciz  "crc32cx xzr"
