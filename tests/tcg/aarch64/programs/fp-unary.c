/*
 * Scalar FP with one source: FMOV, FABS, FNEG, FSQRT, FRINTN/P/M/Z/A/X/I
 * and FCVT between half, single and double (half with and without
 * FPCR.AHP), on special values and rounding edge cases under each FPCR
 * mode. Prints each result and the FPSR flags it raised.
 */
#include "lib.h"
#include "fp-common.h"

#define UN(name, insn, rd, rn, td, tn, gd, gn)                             \
    static td name(tn a)                                                   \
    {                                                                      \
        td r;                                                              \
        __asm__ volatile("fmov " rn "1, %" gn "1\n\t"                      \
                         insn " " rd "0, " rn "1\n\t"                      \
                         "fmov %" gd "0, " rd "0"                          \
                         : "=r"(r) : "r"(a) : "v0", "v1");                 \
        return r;                                                          \
    }
#define UN2(n, i) UN(n##_s, i, "s", "s", uint32_t, uint32_t, "w", "w") \
                  UN(n##_d, i, "d", "d", uint64_t, uint64_t, "x", "x")

UN2(fmov, "fmov") UN2(fabs, "fabs") UN2(fneg, "fneg") UN2(fsqrt, "fsqrt")
UN2(frintn, "frintn") UN2(frintp, "frintp") UN2(frintm, "frintm")
UN2(frintz, "frintz") UN2(frinta, "frinta") UN2(frintx, "frintx")
UN2(frinti, "frinti")
UN(fcvt_sd, "fcvt", "d", "s", uint64_t, uint32_t, "x", "w")
UN(fcvt_ds, "fcvt", "s", "d", uint32_t, uint64_t, "w", "x")

/* Half values travel through W registers: FMOV Hn, Wn is FP16, so move
 * them through S (the upper bits of Sn are ignored by FCVT from half). */
#define HF(name, rd, td, gd)                                               \
    static td name(uint32_t a)                                             \
    {                                                                      \
        td r;                                                              \
        __asm__ volatile("fmov s1, %w1\n\tfcvt " rd "0, h1\n\t"            \
                         "fmov %" gd "0, " rd "0"                          \
                         : "=r"(r) : "r"(a) : "v0", "v1");                 \
        return r;                                                          \
    }
#define TOH(name, rn, tn, gn)                                              \
    static uint32_t name(tn a)                                             \
    {                                                                      \
        uint32_t r;                                                        \
        __asm__ volatile("fmov " rn "1, %" gn "1\n\tfcvt h0, " rn "1\n\t"  \
                         "fmov %w0, s0"                                    \
                         : "=r"(r) : "r"(a) : "v0", "v1");                 \
        return r;                                                          \
    }
HF(fcvt_hs, "s", uint32_t, "w")
HF(fcvt_hd, "d", uint64_t, "x")
TOH(fcvt_sh, "s", uint32_t, "w")
TOH(fcvt_dh, "d", uint64_t, "x")

static const uint32_t sround[] = {
    0x3f000000, 0x3fc00000, 0xbfc00000, 0x40200000, 0xbf000001,
    0x4b000001, 0x4effffff, 0x3f7fffff, 0x38000000, 0x477fe000,
    0x477ff000, 0x33000001, 0x387fc000,
};
static const uint64_t dround[] = {
    0x3fe0000000000000ull, 0x3ff8000000000000ull, 0xbff8000000000000ull,
    0x4004000000000000ull, 0xbfe0000000000001ull, 0x4330000000000001ull,
    0x41dfffffffc00000ull, 0x36a0000000000000ull, 0x47efffffe0000000ull,
    0x3810000000000000ull, 0x380fffffffffffffull, 0x40effc0000000000ull,
    0x3e60000000000001ull,
};
static const uint16_t hval[] = {
    0x0000, 0x8000, 0x7c00, 0xfc00, 0x7e01, 0xfc05, 0x0001, 0x83ff, 0x0400,
    0x7bff, 0x3c00, 0x3555, 0xfd00,
};

static const struct {
    const char *name;
    uint32_t (*s)(uint32_t);
    uint64_t (*d)(uint64_t);
} uns[] = {
    { "fmov", fmov_s, fmov_d }, { "fabs", fabs_s, fabs_d },
    { "fneg", fneg_s, fneg_d }, { "fsqrt", fsqrt_s, fsqrt_d },
    { "frintn", frintn_s, frintn_d }, { "frintp", frintp_s, frintp_d },
    { "frintm", frintm_s, frintm_d }, { "frintz", frintz_s, frintz_d },
    { "frinta", frinta_s, frinta_d }, { "frintx", frintx_s, frintx_d },
    { "frinti", frinti_s, frinti_d },
};

/* Modes plus AHP (alternative half precision) for the half conversions. */
static const uint64_t cvt_modes[] = {
    0, 1u << 22, 2u << 22, 3u << 22, 1u << 24, 1u << 25, 1u << 26,
    (1u << 26) | (1u << 25) | (3u << 22),
};

int main(void)
{
    unsigned o, m, i;

    for (o = 0; o < ARRAY_LEN(uns); o++) {
        for (m = 0; m < ARRAY_LEN(fp_modes); m++) {
            kprintf("%s.s %s:", uns[o].name, fp_mode_names[m]);
            for (i = 0; i < ARRAY_LEN(sval) + ARRAY_LEN(sround); i++) {
                uint32_t a = i < ARRAY_LEN(sval) ? sval[i]
                                                 : sround[i - ARRAY_LEN(sval)];
                uint32_t r;
                fp_begin(fp_modes[m]);
                r = uns[o].s(a);
                kprintf(" %08x/%02x", r, fp_flags());
            }
            kprintf("\n%s.d %s:", uns[o].name, fp_mode_names[m]);
            for (i = 0; i < ARRAY_LEN(dval) + ARRAY_LEN(dround); i++) {
                uint64_t a = i < ARRAY_LEN(dval) ? dval[i]
                                                 : dround[i - ARRAY_LEN(dval)];
                uint64_t r;
                fp_begin(fp_modes[m]);
                r = uns[o].d(a);
                kprintf(" %016lx/%02x", r, fp_flags());
            }
            kprintf("\n");
        }
    }
    for (m = 0; m < ARRAY_LEN(cvt_modes); m++) {
        kprintf("fpcr %08lx\n", cvt_modes[m]);
        for (i = 0; i < ARRAY_LEN(sval) + ARRAY_LEN(sround); i++) {
            uint32_t a = i < ARRAY_LEN(sval) ? sval[i]
                                             : sround[i - ARRAY_LEN(sval)];
            uint64_t d;
            unsigned f1, f2;
            uint32_t h;
            fp_begin(cvt_modes[m]);
            d = fcvt_sd(a);
            f1 = fp_flags();
            fp_begin(cvt_modes[m]);
            h = fcvt_sh(a);
            f2 = fp_flags();
            kprintf(" s %08x: d %016lx/%02x h %08x/%02x\n", a, d, f1, h, f2);
        }
        for (i = 0; i < ARRAY_LEN(dval) + ARRAY_LEN(dround); i++) {
            uint64_t a = i < ARRAY_LEN(dval) ? dval[i]
                                             : dround[i - ARRAY_LEN(dval)];
            uint32_t s, h;
            unsigned f1, f2;
            fp_begin(cvt_modes[m]);
            s = fcvt_ds(a);
            f1 = fp_flags();
            fp_begin(cvt_modes[m]);
            h = fcvt_dh(a);
            f2 = fp_flags();
            kprintf(" d %016lx: s %08x/%02x h %08x/%02x\n", a, s, f1, h, f2);
        }
        for (i = 0; i < ARRAY_LEN(hval); i++) {
            uint32_t s;
            uint64_t d;
            unsigned f1, f2;
            fp_begin(cvt_modes[m]);
            s = fcvt_hs(0xabcd0000u | hval[i]);
            f1 = fp_flags();
            fp_begin(cvt_modes[m]);
            d = fcvt_hd(hval[i]);
            f2 = fp_flags();
            kprintf(" h %04x: s %08x/%02x d %016lx/%02x\n", hval[i], s, f1,
                    d, f2);
        }
    }
    fp_begin(0);
    return 0;
}
