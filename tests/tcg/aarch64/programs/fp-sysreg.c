/*
 * FPCR and FPSR as system registers: which bits stick when all ones are
 * written, that FP arithmetic sets FPSR's cumulative flags, the CPACR_EL1
 * FPEN trap (EC 0x07) of FP instructions and of MRS/MSR FPCR at EL1 and
 * EL0, and UNDEF for encodings cortex-a57 lacks (FP16 arithmetic, FMOV
 * with half, FJCVTZS, FRINT32Z).
 */
#include "lib.h"

static volatile unsigned n_exc;

static void handler(struct exc_regs *r, unsigned vector)
{
    kprintf("  exception vector=0x%x ec=0x%x iss=0x%x\n", vector,
            (unsigned)ESR_EC(r->esr), (unsigned)ESR_ISS(r->esr));
    n_exc++;
    r->elr += 4;
}

static void set_fpen(unsigned fpen)
{
    uint64_t c = READ_SYSREG(cpacr_el1);

    WRITE_SYSREG(cpacr_el1, (c & ~(3ull << 20)) | (uint64_t)fpen << 20);
    ISB();
}

static void el0_body(void)
{
    __asm__ volatile("fmov d0, xzr\n\tmrs x1, fpcr\n\tmsr fpsr, xzr\n\t"
                     "svc #0xff" : : : "x1", "v0", "memory");
}

static uint64_t el0_stack[256] __attribute__((aligned(16)));

#define TRY(label, asm_text)                                              \
    do {                                                                  \
        kprintf("%s\n", label);                                           \
        __asm__ volatile(asm_text : : : "x1", "x2", "v0", "v1", "v2",     \
                         "memory");                                       \
    } while (0)

int main(void)
{
    uint64_t v;

    set_exc_handler(handler);
    WRITE_SYSREG(fpcr, 0xffffffffull);
    kprintf("fpcr after ~0: %08lx\n", READ_SYSREG(fpcr));
    WRITE_SYSREG(fpsr, 0xffffffffull);
    kprintf("fpsr after ~0: %08lx\n", READ_SYSREG(fpsr));
    WRITE_SYSREG(fpcr, 0);
    WRITE_SYSREG(fpsr, 0);
    kprintf("fpcr, fpsr after 0: %08lx %08lx\n", READ_SYSREG(fpcr),
            READ_SYSREG(fpsr));
    /* Cumulative: flags from two operations add up. */
    __asm__ volatile("fmov s1, #1.0\n\tfmov s2, wzr\n\t"
                     "fdiv s0, s1, s2\n\tfsqrt s0, s2\n\t"
                     "fmov s1, #-1.0\n\tfsqrt s0, s1" : : : "v0", "v1", "v2");
    v = READ_SYSREG(fpsr);
    kprintf("fpsr after 1/0, sqrt(-1): %08lx\n", v);
    WRITE_SYSREG(fpsr, 0);

    TRY("fadd h0, h1, h2 (FP16)", ".inst 0x1ee22820");
    TRY("fmov h0, w1 (FP16)", ".inst 0x1ee70020");
    TRY("fcvtzs w0, h1 (FP16)", ".inst 0x1ef80020");
    TRY("fjcvtzs w0, d1 (v8.3)", ".inst 0x1e7e0020");
    TRY("frint32z s0, s1 (v8.5)", ".inst 0x1e28c020");
    TRY("fmov h0, #1.0 (FP16)", ".inst 0x1eee1000");
    TRY("fcvt s0, s1 (reserved)", ".inst 0x1e224020");
    TRY("fcmp s0, #0.0 with opc2<2:0> != 0", ".inst 0x1e202009");
    TRY("fadd (type 10, reserved)", ".inst 0x1ea22820");

    set_fpen(0);
    TRY("fpen=0: fmov d0, xzr", "fmov d0, xzr");
    TRY("fpen=0: mrs x1, fpcr", "mrs x1, fpcr");
    TRY("fpen=0: msr fpsr, xzr", "msr fpsr, xzr");
    TRY("fpen=0: ldr q0, [sp]", "ldr q0, [sp]");
    TRY("fpen=0: ld1 {v0.16b}, [sp]", "ld1 {v0.16b}, [sp]");
    set_fpen(1);
    TRY("fpen=1: fmov d0, xzr at EL1", "fmov d0, xzr");
    kprintf("fpen=1: at EL0\n");
    run_at_el0(el0_body, el0_stack + 256);
    set_fpen(2);
    TRY("fpen=2: fmov d0, xzr at EL1", "fmov d0, xzr");
    set_fpen(3);
    kprintf("fpen=3: at EL0\n");
    run_at_el0(el0_body, el0_stack + 256);
    kprintf("exceptions: %u\n", n_exc);
    return 0;
}
