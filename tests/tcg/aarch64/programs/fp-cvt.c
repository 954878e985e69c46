/*
 * Conversions between scalar FP and general registers:
 * FCVT{N,P,M,Z,A}{S,U} to W and X, SCVTF/UCVTF from W and X, their
 * fixed-point forms (several fbits), under each FPCR mode; and FMOV
 * between general and V registers (S, D and the top half D[1]) with the
 * zeroing of the rest of the V register.
 */
#include "lib.h"
#include "fp-common.h"

/* FP -> int: fn(a) with a in S or D, result in W or X. */
#define F2I(name, insn, rn, tn, gn, rd, fix)                               \
    static uint64_t name(tn a)                                             \
    {                                                                      \
        uint64_t r;                                                        \
        __asm__ volatile("mov x0, #-1\n\tfmov " rn "1, %" gn "1\n\t"       \
                         insn " " rd "0, " rn "1" fix "\n\tmov %0, x0"     \
                         : "=r"(r) : "r"(a) : "x0", "v1");                 \
        return r;                                                          \
    }
#define F2I4(n, i) F2I(n##_sw, i, "s", uint32_t, "w", "w", "")             \
                   F2I(n##_sx, i, "s", uint32_t, "w", "x", "")             \
                   F2I(n##_dw, i, "d", uint64_t, "x", "w", "")             \
                   F2I(n##_dx, i, "d", uint64_t, "x", "x", "")

F2I4(fcvtns, "fcvtns") F2I4(fcvtnu, "fcvtnu") F2I4(fcvtps, "fcvtps")
F2I4(fcvtpu, "fcvtpu") F2I4(fcvtms, "fcvtms") F2I4(fcvtmu, "fcvtmu")
F2I4(fcvtzs, "fcvtzs") F2I4(fcvtzu, "fcvtzu") F2I4(fcvtas, "fcvtas")
F2I4(fcvtau, "fcvtau")
F2I(fcvtzs1_sw, "fcvtzs", "s", uint32_t, "w", "w", ", #1")
F2I(fcvtzu16_sx, "fcvtzu", "s", uint32_t, "w", "x", ", #16")
F2I(fcvtzs32_dw, "fcvtzs", "d", uint64_t, "x", "w", ", #32")
F2I(fcvtzu64_dx, "fcvtzu", "d", uint64_t, "x", "x", ", #64")
F2I(fcvtzs64_sx, "fcvtzs", "s", uint32_t, "w", "x", ", #64")
F2I(fcvtzu7_dw, "fcvtzu", "d", uint64_t, "x", "w", ", #7")

static const struct {
    const char *name;
    uint64_t (*sw)(uint32_t), (*sx)(uint32_t);
    uint64_t (*dw)(uint64_t), (*dx)(uint64_t);
} f2is[] = {
#define E(n) { #n, n##_sw, n##_sx, n##_dw, n##_dx }
    E(fcvtns), E(fcvtnu), E(fcvtps), E(fcvtpu), E(fcvtms), E(fcvtmu),
    E(fcvtzs), E(fcvtzu), E(fcvtas), E(fcvtau),
    { "fcvtz#fix", fcvtzs1_sw, fcvtzu16_sx, fcvtzs32_dw, fcvtzu64_dx },
    { "fcvtz#fix2", fcvtzs1_sw, fcvtzs64_sx, fcvtzu7_dw, fcvtzu64_dx },
#undef E
};

/* int -> FP; the V register is prefilled to show the zeroing. */
#define I2F(name, insn, rd, td, gd, rn)                                    \
    static td name(uint64_t a)                                             \
    {                                                                      \
        td r;                                                              \
        __asm__ volatile(insn " " rd "0, " rn "\n\t"                       \
                         "fmov %" gd "0, " rd "0"                          \
                         : "=r"(r) : "r"(a) : "v0");                       \
        return r;                                                          \
    }
I2F(scvtf_ws, "scvtf", "s", uint32_t, "w", "%w1")
I2F(scvtf_xs, "scvtf", "s", uint32_t, "w", "%x1")
I2F(ucvtf_ws, "ucvtf", "s", uint32_t, "w", "%w1")
I2F(ucvtf_xs, "ucvtf", "s", uint32_t, "w", "%x1")
I2F(scvtf_wd, "scvtf", "d", uint64_t, "x", "%w1")
I2F(scvtf_xd, "scvtf", "d", uint64_t, "x", "%x1")
I2F(ucvtf_wd, "ucvtf", "d", uint64_t, "x", "%w1")
I2F(ucvtf_xd, "ucvtf", "d", uint64_t, "x", "%x1")
I2F(scvtf_ws5, "scvtf", "s", uint32_t, "w", "%w1, #5")
I2F(ucvtf_xs64, "ucvtf", "s", uint32_t, "w", "%x1, #64")
I2F(scvtf_wd32, "scvtf", "d", uint64_t, "x", "%w1, #32")
I2F(ucvtf_xd17, "ucvtf", "d", uint64_t, "x", "%x1, #17")

static const uint32_t scvt[] = {
    0x4f000000, 0xcf000000, 0x4f800000, 0x5f000000, 0x5f800000, 0xdf000000,
    0x3f000000, 0x3fc00000, 0x40200000, 0xbfc00000, 0x4effffff, 0xbf7fffff,
    0xcf000001, 0x4e800001,
};
static const uint64_t dcvt[] = {
    0x41e0000000000000ull, 0xc1e0000000000000ull, 0x41f0000000000000ull,
    0x43e0000000000000ull, 0x43f0000000000000ull, 0xc3e0000000000000ull,
    0x3fe0000000000000ull, 0x3ff8000000000000ull, 0x4004000000000000ull,
    0xbff8000000000000ull, 0x41dfffffffc00000ull, 0xc1e0000000200000ull,
    0x41efffffffffffffull, 0xc3e0000000000001ull,
};
static const uint64_t ival[] = {
    0, 1, 0xffffffffffffffffull, 0x7fffffff, 0x80000000, 0xffffffff,
    0x1000001, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0x20000000000001ull, 0x123456789abcdefull, 0xfffffffffffffc01ull,
    0x8000000000000401ull, 0x3ff,
};

int main(void)
{
    unsigned o, m, i;

    for (o = 0; o < ARRAY_LEN(f2is); o++) {
        for (m = 0; m < ARRAY_LEN(fp_modes); m += 3) {
            kprintf("%s %s s:", f2is[o].name, fp_mode_names[m]);
            for (i = 0; i < ARRAY_LEN(sval) + ARRAY_LEN(scvt); i++) {
                uint32_t a = i < ARRAY_LEN(sval) ? sval[i]
                                                 : scvt[i - ARRAY_LEN(sval)];
                uint64_t w, x;
                unsigned f1, f2;
                fp_begin(fp_modes[m]);
                w = f2is[o].sw(a);
                f1 = fp_flags();
                fp_begin(fp_modes[m]);
                x = f2is[o].sx(a);
                f2 = fp_flags();
                kprintf(" %lx/%x,%lx/%x", w, f1, x, f2);
            }
            kprintf("\n%s %s d:", f2is[o].name, fp_mode_names[m]);
            for (i = 0; i < ARRAY_LEN(dval) + ARRAY_LEN(dcvt); i++) {
                uint64_t a = i < ARRAY_LEN(dval) ? dval[i]
                                                 : dcvt[i - ARRAY_LEN(dval)];
                uint64_t w, x;
                unsigned f1, f2;
                fp_begin(fp_modes[m]);
                w = f2is[o].dw(a);
                f1 = fp_flags();
                fp_begin(fp_modes[m]);
                x = f2is[o].dx(a);
                f2 = fp_flags();
                kprintf(" %lx/%x,%lx/%x", w, f1, x, f2);
            }
            kprintf("\n");
        }
    }
    for (m = 0; m < ARRAY_LEN(fp_modes); m++) {
        for (i = 0; i < ARRAY_LEN(ival); i++) {
            uint64_t a = ival[i];
            fp_begin(fp_modes[m]);
            kprintf("%s %016lx: s %08x %08x %08x %08x", fp_mode_names[m], a,
                    scvtf_ws(a), scvtf_xs(a), ucvtf_ws(a), ucvtf_xs(a));
            kprintf(" d %016lx %016lx %016lx %016lx", scvtf_wd(a),
                    scvtf_xd(a), ucvtf_wd(a), ucvtf_xd(a));
            kprintf(" fix %08x %08x %016lx %016lx fpsr %02x\n", scvtf_ws5(a),
                    ucvtf_xs64(a), scvtf_wd32(a), ucvtf_xd17(a), fp_flags());
        }
    }
    {
        /* FMOV general <-> V: what each form leaves in the V register. */
        uint64_t lo, hi, w, x, top;
        fp_begin(0);
        __asm__ volatile(
            "ldr x9, =0x1122334455667788\n\tldr x10, =0x99aabbccddeeff00\n\t"
            "fmov d0, x9\n\tfmov v0.d[1], x10\n\t"
            "fmov %w2, s0\n\tfmov %3, d0\n\tfmov %4, v0.d[1]\n\t"
            "fmov s0, w10\n\tfmov %0, d0\n\tfmov %1, v0.d[1]"
            : "=r"(lo), "=r"(hi), "=r"(w), "=r"(x), "=r"(top)
            : : "x9", "x10", "v0");
        kprintf("fmov: w %lx x %lx top %lx; after fmov s0, w10: %lx %lx\n",
                w, x, top, lo, hi);
        __asm__ volatile(
            "ldr x9, =0x0123456789abcdef\n\tfmov d0, x9\n\tfmov v0.d[1], x9\n\t"
            "fmov d0, xzr\n\tfmov %0, d0\n\tfmov %1, v0.d[1]\n\t"
            "fmov v0.d[1], x9\n\tfmov %2, d0\n\tfmov %3, v0.d[1]"
            : "=r"(lo), "=r"(hi), "=r"(w), "=r"(x) : : "x9", "v0");
        kprintf("fmov d0, xzr: %lx %lx; then v0.d[1] = x9: %lx %lx\n", lo, hi,
                w, x);
    }
    return 0;
}
