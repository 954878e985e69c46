/*
 * runtime.S: the fixed part of every difftest program (the template).
 * The generated program .includes this file first, so _start is the first
 * word of the image (loaded and entered at 0x40080000 by QEMU's virt and
 * by tcg-runner alike). _start enables FP/SIMD at EL1 (CPACR_EL1.FPEN =
 * 0b11), then the program lays out its blocks:
 *
 *     LOAD_STATE st_K      X0-X30, SP, NZCV, FPCR, FPSR, V0-V31 from a table
 *     <generated block K>  x28 holds scratch + 256 and is never written
 *     SAVE_STATE K         all of it to save_area, then dump_block
 *
 * and ends with "b finish". State table and save_area layout (800 bytes,
 * 16-aligned): x0-x30 at 0, sp 248, nzcv 256, fpcr 264, fpsr 272, V0-V31
 * at 288 (16 bytes each, low doubleword first).
 *
 * Output goes to the PL011 data register as text:
 *     B <block, 4 hex digits>
 *     <name> <16 hex digits>     x0..x30, sp, nzcv, fpcr, fpsr
 *     <name> <32 hex digits>     v0..v31 (bits 127:0)
 *     mem <16 hex digits>        a hash of the 512-byte scratch window
 *     END
 *     m<offset> <16 hex digits>  the scratch window, one doubleword a line
 * and the program powers off with PSCI SYSTEM_OFF (HVC #0). Nothing here
 * uses the stack: SP is part of the random state under test.
 *
 * The generated file defines: body (first block), st_K (state tables),
 * scratch (the 512-byte window, 4 KiB aligned) and save_area (800 bytes).
 */
    .equ UART_DR, 0x09000000
    .equ SCRATCH_SIZE, 512

    .equ ST_FPCR, 264
    .equ ST_V, 288
    .equ STATE_SIZE, 800

    .macro LOAD_STATE st
    adr     x0, \st
    ldr     x1, [x0, #248]
    mov     sp, x1
    ldr     x1, [x0, #256]
    msr     nzcv, x1
    ldr     x1, [x0, #ST_FPCR]
    msr     fpcr, x1
    ldr     x1, [x0, #ST_FPCR + 8]
    msr     fpsr, x1
    ldp     q0, q1, [x0, #ST_V + 0]
    ldp     q2, q3, [x0, #ST_V + 32]
    ldp     q4, q5, [x0, #ST_V + 64]
    ldp     q6, q7, [x0, #ST_V + 96]
    ldp     q8, q9, [x0, #ST_V + 128]
    ldp     q10, q11, [x0, #ST_V + 160]
    ldp     q12, q13, [x0, #ST_V + 192]
    ldp     q14, q15, [x0, #ST_V + 224]
    ldp     q16, q17, [x0, #ST_V + 256]
    ldp     q18, q19, [x0, #ST_V + 288]
    ldp     q20, q21, [x0, #ST_V + 320]
    ldp     q22, q23, [x0, #ST_V + 352]
    ldp     q24, q25, [x0, #ST_V + 384]
    ldp     q26, q27, [x0, #ST_V + 416]
    ldp     q28, q29, [x0, #ST_V + 448]
    ldp     q30, q31, [x0, #ST_V + 480]
    ldp     x1, x2, [x0, #8]
    ldp     x3, x4, [x0, #24]
    ldp     x5, x6, [x0, #40]
    ldp     x7, x8, [x0, #56]
    ldp     x9, x10, [x0, #72]
    ldp     x11, x12, [x0, #88]
    ldp     x13, x14, [x0, #104]
    ldp     x15, x16, [x0, #120]
    ldp     x17, x18, [x0, #136]
    ldp     x19, x20, [x0, #152]
    ldp     x21, x22, [x0, #168]
    ldp     x23, x24, [x0, #184]
    ldp     x25, x26, [x0, #200]
    ldp     x27, x28, [x0, #216]
    ldp     x29, x30, [x0, #232]
    ldr     x0, [x0]
    .endm

    /* x0 goes through TPIDR_EL1 so that no register is lost. */
    .macro SAVE_STATE k
    msr     tpidr_el1, x0
    adr     x0, save_area
    stp     x1, x2, [x0, #8]
    stp     x3, x4, [x0, #24]
    stp     x5, x6, [x0, #40]
    stp     x7, x8, [x0, #56]
    stp     x9, x10, [x0, #72]
    stp     x11, x12, [x0, #88]
    stp     x13, x14, [x0, #104]
    stp     x15, x16, [x0, #120]
    stp     x17, x18, [x0, #136]
    stp     x19, x20, [x0, #152]
    stp     x21, x22, [x0, #168]
    stp     x23, x24, [x0, #184]
    stp     x25, x26, [x0, #200]
    stp     x27, x28, [x0, #216]
    stp     x29, x30, [x0, #232]
    mrs     x1, tpidr_el1
    str     x1, [x0]
    mov     x1, sp
    str     x1, [x0, #248]
    mrs     x1, nzcv
    str     x1, [x0, #256]
    mrs     x1, fpcr
    str     x1, [x0, #ST_FPCR]
    mrs     x1, fpsr
    str     x1, [x0, #ST_FPCR + 8]
    stp     q0, q1, [x0, #ST_V + 0]
    stp     q2, q3, [x0, #ST_V + 32]
    stp     q4, q5, [x0, #ST_V + 64]
    stp     q6, q7, [x0, #ST_V + 96]
    stp     q8, q9, [x0, #ST_V + 128]
    stp     q10, q11, [x0, #ST_V + 160]
    stp     q12, q13, [x0, #ST_V + 192]
    stp     q14, q15, [x0, #ST_V + 224]
    stp     q16, q17, [x0, #ST_V + 256]
    stp     q18, q19, [x0, #ST_V + 288]
    stp     q20, q21, [x0, #ST_V + 320]
    stp     q22, q23, [x0, #ST_V + 352]
    stp     q24, q25, [x0, #ST_V + 384]
    stp     q26, q27, [x0, #ST_V + 416]
    stp     q28, q29, [x0, #ST_V + 448]
    stp     q30, q31, [x0, #ST_V + 480]
    mov     x1, #\k
    bl      dump_block
    .endm

    .text
    .global _start
_start:
    /* FP/SIMD on at EL1 (it traps at reset), before the first block. */
    mov     x0, #(3 << 20)
    msr     cpacr_el1, x0
    isb
    b       body

/* Print x1 as x2 / 4 hex digits (x2 a multiple of 4) to the UART at x9.
 * Clobbers x0, x2, x3, x4. */
put_hex:
    sub     x2, x2, #4
1:  lsr     x3, x1, x2
    and     x3, x3, #15
    add     x0, x3, #'0'
    add     x4, x3, #('a' - 10)
    cmp     x3, #10
    csel    x0, x4, x0, hs
    strb    w0, [x9]
    subs    x2, x2, #4
    b.ge    1b
    ret

/* Print the NUL-padded 4-byte name at x21 (advanced by 4) and a space. */
put_name:
    mov     x3, #4
1:  ldrb    w0, [x21], #1
    cbz     w0, 2f
    strb    w0, [x9]
2:  subs    x3, x3, #1
    b.ne    1b
    mov     w0, #' '
    strb    w0, [x9]
    ret

/* Dump block x1's saved registers and the scratch hash. */
dump_block:
    mov     x25, x30
    mov     x9, #UART_DR
    mov     w0, #'B'
    strb    w0, [x9]
    mov     w0, #' '
    strb    w0, [x9]
    mov     x2, #16
    bl      put_hex
    mov     w0, #'\n'
    strb    w0, [x9]
    adr     x20, save_area
    adr     x21, reg_names
    mov     x22, #35
1:  bl      put_name
    ldr     x1, [x20], #8
    mov     x2, #64
    bl      put_hex
    mov     w0, #'\n'
    strb    w0, [x9]
    subs    x22, x22, #1
    b.ne    1b
    /* V0-V31, most significant doubleword first. */
    add     x20, x20, #(ST_V - 280)
    mov     x22, #32
3:  bl      put_name
    ldr     x1, [x20, #8]
    mov     x2, #64
    bl      put_hex
    ldr     x1, [x20], #16
    mov     x2, #64
    bl      put_hex
    mov     w0, #'\n'
    strb    w0, [x9]
    subs    x22, x22, #1
    b.ne    3b
    /* A rotate-xor hash: any single changed doubleword changes it. */
    adr     x20, scratch
    mov     x22, #(SCRATCH_SIZE / 8)
    mov     x1, #0
2:  ldr     x3, [x20], #8
    eor     x1, x3, x1, ror #59
    subs    x22, x22, #1
    b.ne    2b
    bl      put_name
    mov     x2, #64
    bl      put_hex
    mov     w0, #'\n'
    strb    w0, [x9]
    ret     x25

/* The whole scratch window, then power off. */
finish:
    mov     x9, #UART_DR
    adr     x21, end_name
    bl      put_name
    mov     w0, #'\n'
    strb    w0, [x9]
    adr     x20, scratch
    mov     x22, #0
1:  mov     w0, #'m'
    strb    w0, [x9]
    mov     x1, x22
    mov     x2, #12
    bl      put_hex
    mov     w0, #' '
    strb    w0, [x9]
    ldr     x1, [x20, x22]
    mov     x2, #64
    bl      put_hex
    mov     w0, #'\n'
    strb    w0, [x9]
    add     x22, x22, #8
    cmp     x22, #SCRATCH_SIZE
    b.ne    1b
    /* PSCI SYSTEM_OFF through HVC: QEMU's virt conduit at EL1. */
    movz    x0, #0x0008
    movk    x0, #0x8400, lsl #16
    hvc     #0
    b       .

    .balign 4
reg_names:
    .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
    .asciz  "x\n"
    .byte   0
    .endr
    .irp    n, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
    .ascii  "x\n"
    .byte   0
    .endr
    .asciz  "sp\0"
    .ascii  "nzcv"
    .ascii  "fpcr"
    .ascii  "fpsr"
    .irp    n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
    .asciz  "v\n"
    .byte   0
    .endr
    .irp    n, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .asciz  "v\n"
    .endr
    .ascii  "mem\0"
end_name:
    .ascii  "END\0"
    .balign 4
