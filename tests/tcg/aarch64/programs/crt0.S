/*
 * crt0.S: entry, exception vectors and the EL0 trampoline of the
 * bare-metal test programs (see README.md and lib.h).
 *
 * _start runs at EL1h with the MMU off: stack, FP/SIMD enabled at EL1 and
 * EL0 (CPACR_EL1.FPEN = 0b11), VBAR_EL1, .bss cleared, then main(); when
 * main returns the machine powers off without printing anything.
 *
 * Every vector entry builds a struct exc_regs (lib.h) on SP_EL1, calls
 * exc_dispatch(regs, vector) in lib.c, restores what the handler may have
 * changed and ERETs. FP/SIMD registers are not saved: lib.c uses only
 * general registers, and a handler written in C may clobber v0-v7 and
 * v16-v31 like any C function.
 */
    .equ FRAME_SIZE, 288        /* 36 doublewords, see struct exc_regs */
    .equ STACK_SIZE, 0x10000

    .section .text.boot, "ax"
    .global _start
_start:
    ldr     x0, =stack_top
    mov     sp, x0
    mov     x0, #(3 << 20)
    msr     cpacr_el1, x0
    isb
    ldr     x0, =exc_vectors
    msr     vbar_el1, x0
    isb
    ldr     x0, =__bss_start
    ldr     x1, =__bss_end
1:  cmp     x0, x1
    b.hs    2f
    str     xzr, [x0], #8
    b       1b
2:  bl      main
    bl      psci_off

    /* Entry K saves x0/x1, passes its offset in x1 and joins exc_common. */
    .macro VECTOR off
    .balign 0x80
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp]
    mov     x1, #\off
    b       exc_common
    .endm

    .text
    .balign 0x800
    .global exc_vectors
exc_vectors:
    VECTOR 0x000
    VECTOR 0x080
    VECTOR 0x100
    VECTOR 0x180
    VECTOR 0x200
    VECTOR 0x280
    VECTOR 0x300
    VECTOR 0x380
    VECTOR 0x400
    VECTOR 0x480
    VECTOR 0x500
    VECTOR 0x580
    VECTOR 0x600
    VECTOR 0x680
    VECTOR 0x700
    VECTOR 0x780

exc_common:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    mrs     x2, sp_el0
    stp     x30, x2, [sp, #240]
    mrs     x2, elr_el1
    mrs     x3, spsr_el1
    stp     x2, x3, [sp, #256]
    mrs     x2, esr_el1
    mrs     x3, far_el1
    stp     x2, x3, [sp, #272]
    mov     x0, sp
    bl      exc_dispatch
    ldp     x30, x2, [sp, #240]
    msr     sp_el0, x2
    ldp     x2, x3, [sp, #256]
    msr     elr_el1, x2
    msr     spsr_el1, x3
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldp     x0, x1, [sp]
    add     sp, sp, #FRAME_SIZE
    eret

/*
 * run_at_el0(fn, stack_top): keep the callee-saved state, SP_EL1 and DAIF
 * in el0_ctx, then ERET to fn at EL0t with everything unmasked.
 * el0_return (called by exc_dispatch on SVC #0xff from EL0) reloads them
 * and returns from run_at_el0, dropping the exception frame.
 */
    .global run_at_el0
run_at_el0:
    ldr     x9, =el0_ctx
    stp     x19, x20, [x9, #0]
    stp     x21, x22, [x9, #16]
    stp     x23, x24, [x9, #32]
    stp     x25, x26, [x9, #48]
    stp     x27, x28, [x9, #64]
    stp     x29, x30, [x9, #80]
    mov     x10, sp
    mrs     x11, daif
    stp     x10, x11, [x9, #96]
    msr     sp_el0, x1
    msr     elr_el1, x0
    msr     spsr_el1, xzr
    isb
    eret

    .global el0_return
el0_return:
    ldr     x9, =el0_ctx
    ldp     x19, x20, [x9, #0]
    ldp     x21, x22, [x9, #16]
    ldp     x23, x24, [x9, #32]
    ldp     x25, x26, [x9, #48]
    ldp     x27, x28, [x9, #64]
    ldp     x29, x30, [x9, #80]
    ldp     x10, x11, [x9, #96]
    mov     sp, x10
    msr     daif, x11
    ret

    .global psci_off
psci_off:
    ldr     x0, =0x84000008
    hvc     #0
1:  wfi
    b       1b

    .ltorg

    .bss
    .balign 16
el0_ctx:
    .skip   112
    .balign 16
stack_bottom:
    .skip   STACK_SIZE
stack_top:
