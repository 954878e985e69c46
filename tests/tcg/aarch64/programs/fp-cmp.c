/*
 * Scalar FP compares and selects: FCMP and FCMPE (register and #0.0),
 * FCCMP and FCCMPE (condition true and false), FCSEL, and FMOV
 * (immediate) over a range of imm8 encodings, single and double. Prints
 * NZCV and the FPSR flags raised.
 */
#include "lib.h"
#include "fp-common.h"

#define CMP(name, insn, reg, t, gr)                                        \
    static unsigned name(t a, t b)                                         \
    {                                                                      \
        uint64_t nzcv;                                                     \
        __asm__ volatile("fmov " reg "1, %" gr "1\n\t"                     \
                         "fmov " reg "2, %" gr "2\n\t" insn "\n\t"         \
                         "mrs %0, nzcv"                                    \
                         : "=r"(nzcv) : "r"(a), "r"(b)                     \
                         : "v1", "v2", "x9", "cc");                            \
        return (unsigned)(nzcv >> 28);                                     \
    }

CMP(fcmp_s, "fcmp s1, s2", "s", uint32_t, "w")
CMP(fcmpe_s, "fcmpe s1, s2", "s", uint32_t, "w")
CMP(fcmpz_s, "fcmp s1, #0.0", "s", uint32_t, "w")
CMP(fcmpez_s, "fcmpe s1, #0.0", "s", uint32_t, "w")
CMP(fcmp_d, "fcmp d1, d2", "d", uint64_t, "x")
CMP(fcmpe_d, "fcmpe d1, d2", "d", uint64_t, "x")
CMP(fcmpz_d, "fcmp d1, #0.0", "d", uint64_t, "x")
CMP(fcmpez_d, "fcmpe d1, #0.0", "d", uint64_t, "x")
/* Conditional compares after CMP sets Z (EQ holds) or clears it. */
CMP(fccmp_t_s, "mov x9, #0x40000000\n\tmsr nzcv, x9\n\tfccmp s1, s2, #0x5, eq", "s", uint32_t, "w")
CMP(fccmp_f_s, "msr nzcv, xzr\n\tfccmp s1, s2, #0xa, eq", "s", uint32_t, "w")
CMP(fccmpe_t_s, "mov x9, #0x40000000\n\tmsr nzcv, x9\n\tfccmpe s1, s2, #0x3, ge", "s", uint32_t, "w")
CMP(fccmpe_f_s, "msr nzcv, xzr\n\tfccmpe s1, s2, #0xc, hi", "s", uint32_t, "w")
CMP(fccmp_t_d, "mov x9, #0x40000000\n\tmsr nzcv, x9\n\tfccmp d1, d2, #0x5, eq", "d", uint64_t, "x")
CMP(fccmp_f_d, "msr nzcv, xzr\n\tfccmp d1, d2, #0xa, eq", "d", uint64_t, "x")
CMP(fccmpe_t_d, "mov x9, #0x40000000\n\tmsr nzcv, x9\n\tfccmpe d1, d2, #0x3, ge", "d", uint64_t, "x")
CMP(fccmpe_f_d, "msr nzcv, xzr\n\tfccmpe d1, d2, #0xc, hi", "d", uint64_t, "x")

static const struct {
    const char *name;
    unsigned (*s)(uint32_t, uint32_t);
    unsigned (*d)(uint64_t, uint64_t);
} cmps[] = {
    { "fcmp", fcmp_s, fcmp_d }, { "fcmpe", fcmpe_s, fcmpe_d },
    { "fcmp0", fcmpz_s, fcmpz_d }, { "fcmpe0", fcmpez_s, fcmpez_d },
    { "fccmp-t", fccmp_t_s, fccmp_t_d }, { "fccmp-f", fccmp_f_s, fccmp_f_d },
    { "fccmpe-t", fccmpe_t_s, fccmpe_t_d },
    { "fccmpe-f", fccmpe_f_s, fccmpe_f_d },
};

/* FCSEL under each condition, NZCV preset to nzcv. */
static uint64_t fcsel_d(unsigned nzcv, unsigned cond)
{
    uint64_t r = 0;

#define SEL(c) case 0x##c: __asm__ volatile(                               \
        "msr nzcv, %1\n\tfmov d1, #1.0\n\tfmov d2, #-2.0\n\t"              \
        ".inst 0x1e620c20 | (0x" #c " << 12)\n\tfmov %0, d0"               \
        : "=r"(r) : "r"((uint64_t)nzcv << 28) : "v0", "v1", "v2", "cc");   \
        break;
    switch (cond) {
    SEL(0) SEL(1) SEL(2) SEL(3) SEL(4) SEL(5) SEL(6) SEL(7)
    SEL(8) SEL(9) SEL(a) SEL(b) SEL(c) SEL(d) SEL(e) SEL(f)
    }
    return r;
}

static uint32_t fcsel_s(unsigned nzcv)
{
    uint32_t r;

    __asm__ volatile("msr nzcv, %1\n\tfmov s1, #0.5\n\tfmov s2, #31.0\n\t"
                     "fcsel s0, s1, s2, lt\n\tfmov %w0, s0"
                     : "=r"(r) : "r"((uint64_t)nzcv << 28)
                     : "v0", "v1", "v2", "cc");
    return r;
}

/* FMOV (immediate): a sample of imm8 values, S and D. */
#define FIMM(v) do {                                                       \
        uint32_t s_; uint64_t d_;                                          \
        __asm__ volatile("fmov s0, #" #v "\n\tfmov %w0, s0\n\t"            \
                         "fmov d0, #" #v "\n\tfmov %x1, d0"                \
                         : "=r"(s_), "=r"(d_) : : "v0");                   \
        kprintf("fmov #%s: %08x %016lx\n", #v, s_, d_);                    \
    } while (0)

int main(void)
{
    unsigned o, m, i, j, n;

    for (o = 0; o < ARRAY_LEN(cmps); o++) {
        for (m = 0; m < ARRAY_LEN(fp_modes); m += 4) {
            for (i = 0; i < ARRAY_LEN(sval); i++) {
                n = o == 2 || o == 3 ? 1 : ARRAY_LEN(sval);
                kprintf("%s.s %s %08x:", cmps[o].name, fp_mode_names[m],
                        sval[i]);
                for (j = 0; j < n; j++) {
                    unsigned f;
                    fp_begin(fp_modes[m]);
                    f = cmps[o].s(sval[i], sval[j]);
                    kprintf(" %x/%02x", f, fp_flags());
                }
                kprintf("\n%s.d %s %016lx:", cmps[o].name, fp_mode_names[m],
                        dval[i]);
                for (j = 0; j < n; j++) {
                    unsigned f;
                    fp_begin(fp_modes[m]);
                    f = cmps[o].d(dval[i], dval[j]);
                    kprintf(" %x/%02x", f, fp_flags());
                }
                kprintf("\n");
            }
        }
    }
    fp_begin(0);
    for (n = 0; n < 16; n++) {
        kprintf("fcsel nzcv=%x:", n);
        for (i = 0; i < 16; i++) {
            kprintf(" %lx", fcsel_d(n, i) >> 48);
        }
        kprintf(" s.lt %08x\n", fcsel_s(n));
    }
    FIMM(1.0); FIMM(-1.0); FIMM(2.0); FIMM(0.125); FIMM(31.0);
    FIMM(-31.0); FIMM(0.1328125); FIMM(1.9375); FIMM(-0.125); FIMM(16.0);
    FIMM(0.25); FIMM(3.0); FIMM(-15.5); FIMM(0.5);
    return 0;
}
