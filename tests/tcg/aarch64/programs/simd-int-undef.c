/*
 * simd-int-undef: encodings of the Advanced SIMD integer groups that are
 * reserved, or belong to later architecture versions than cortex-a57's
 * ARMv8.0 (SQRDMLAH, SDOT, FP16 FMOV), must be UNDEF (EC 0x00), leaving
 * V0 unchanged; valid neighbours of each run normally. Then the
 * CPACR_EL1.FPEN trap (EC 0x07) for SIMD integer instructions at EL1
 * (FPEN = 0) and at EL0 (FPEN = 0b01), and SIMD integer code running at
 * EL0 with FPEN = 0b11.
 */
#include "lib.h"

static struct {
    unsigned count, vector;
    uint64_t esr;
} seen;
static uint64_t el0_stack[512] __attribute__((aligned(16)));
static volatile uint64_t el0_result;

static void handler(struct exc_regs *r, unsigned vector)
{
    seen.count++;
    seen.vector = vector;
    seen.esr = r->esr;
    r->elr += 4;
}

/* Run one word with V0 = 0x1111..., V1/V2 set; returns V0's low half. */
#define WORD(fn, w)                                                        \
static uint64_t fn(void)                                                   \
{                                                                          \
    uint64_t r;                                                            \
    __asm__ volatile("mov x9, #0x1111111111111111\n\t"                     \
                     "dup v0.2d, x9\n\t"                                   \
                     "ldr x9, =0x8070605040302010\n\t"                     \
                     "dup v1.2d, x9\n\t"                                   \
                     "movi v2.16b, #0x3\n\t"                               \
                     ".inst " #w "\n\t"                                    \
                     "fmov %0, d0"                                         \
                     : "=r"(r) : : "x9", "v0", "v1", "v2", "memory");      \
    return r;                                                              \
}

/* Reserved encodings, each followed by a valid neighbour. */
WORD(w0, 0x4ee26420)    /* smax v0.2d (size 3): reserved */
WORD(w1, 0x4ea26420)    /* smax v0.4s */
WORD(w2, 0x0ee28420)    /* add v0.1d (size 3, Q 0): reserved */
WORD(w3, 0x4ee28420)    /* add v0.2d */
WORD(w4, 0x2e024020)    /* ext .8b #8: reserved */
WORD(w5, 0x2e023820)    /* ext v0.8b, v1.8b, v2.8b, #7 */
WORD(w6, 0x0eb1b820)    /* addv s0, v1.2s: reserved */
WORD(w7, 0x4eb1b820)    /* addv s0, v1.4s */
WORD(w8, 0x0e22b420)    /* sqdmulh .8b: reserved */
WORD(w9, 0x0e62b420)    /* sqdmulh v0.4h */
WORD(w10, 0x0ee12820)   /* xtn size 3: reserved */
WORD(w11, 0x0ea12820)   /* xtn v0.2s, v1.2d */
WORD(w12, 0x0f408420)   /* shrn immh 1xxx: reserved */
WORD(w13, 0x0f208420)   /* shrn v0.2s, v1.2d, #32 */
WORD(w14, 0x5f0c5420)   /* scalar shl, B size: reserved */
WORD(w15, 0x5f4c5420)   /* shl d0, d1, #12 */
WORD(w16, 0x0e180420)   /* dup .1d: reserved */
WORD(w17, 0x4e180420)   /* dup v0.2d, v1.d[1] */
WORD(w18, 0x0e420020)   /* tbl with op2 = 01: reserved */
WORD(w19, 0x0e020020)   /* tbl v0.8b, {v1.16b}, v2.8b */
WORD(w20, 0x2e629c20)   /* pmul .4h: reserved */
WORD(w21, 0x2e229c20)   /* pmul v0.8b */
WORD(w22, 0x0e605820)   /* cnt .4h: reserved */
WORD(w23, 0x0e205820)   /* cnt v0.8b */
WORD(w24, 0x5ea28420)   /* add s0 (scalar size 2): reserved */
WORD(w25, 0x2e31b820)   /* addv with U = 1: reserved */
WORD(w26, 0x0e020820)   /* permute opcode 000: reserved */
WORD(w27, 0x0e823820)   /* zip1 v0.2s, v1.2s, v2.2s */
WORD(w28, 0x6e828420)   /* sqrdmlah v0.4s (v8.1) */
WORD(w29, 0x4e829420)   /* sdot v0.4s (v8.2) */
WORD(w30, 0x0f00fc00)   /* fmov v0.4h, #2.0 (FP16) */
WORD(w31, 0x0f00f400)   /* fmov v0.2s, #2.0 */
WORD(w32, 0x2f00e400)   /* movi d0, #0 */
WORD(w33, 0x0f00ec00)   /* o2 = 1 with cmode 1110: reserved */
WORD(w34, 0x5e300820)   /* scalar pairwise addp, size 0: reserved */
WORD(w35, 0x5ef1b820)   /* addp d0, v1.2d */

static uint64_t (*const words[])(void) = {
    w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15,
    w16, w17, w18, w19, w20, w21, w22, w23, w24, w25, w26, w27, w28, w29,
    w30, w31, w32, w33, w34, w35,
};

static void el0_simd(void)
{
    uint64_t r;

    __asm__ volatile("movi v3.16b, #0x7f\n\t"
                     "movi v4.16b, #0x02\n\t"
                     "sqadd v3.16b, v3.16b, v4.16b\n\t"
                     "addv b3, v3.16b\n\t"
                     "umov %w0, v3.b[0]"
                     : "=r"(r) : : "v3", "v4");
    el0_result = r;
    __asm__ volatile("svc #0xff");
}

static void report(const char *what)
{
    kprintf("%s: count %u vector 0x%x esr 0x%lx\n", what, seen.count,
            seen.vector, seen.esr);
    seen.count = 0;
    seen.esr = 0;
}

int main(void)
{
    unsigned i;
    uint64_t cpacr = READ_SYSREG(cpacr_el1);

    set_exc_handler(handler);
    for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        uint64_t v = words[i]();

        kprintf("%d: v0 %016lx %s esr 0x%lx\n", i, v,
                seen.count ? "UNDEF" : "ok", seen.esr);
        seen.count = 0;
        seen.esr = 0;
    }

    WRITE_SYSREG(cpacr_el1, 0);
    ISB();
    words[3]();
    report("EL1 FPEN=0");
    WRITE_SYSREG(cpacr_el1, 1u << 20);
    ISB();
    words[3]();
    report("EL1 FPEN=01");
    el0_result = 0;
    run_at_el0(el0_simd, el0_stack + 512);
    /* Every SIMD instruction trapped and was skipped: no result. */
    report("EL0 FPEN=01");
    WRITE_SYSREG(cpacr_el1, cpacr);
    ISB();
    run_at_el0(el0_simd, el0_stack + 512);
    report("EL0 FPEN=11");
    kprintf("  result 0x%lx\n", el0_result);
    return 0;
}
