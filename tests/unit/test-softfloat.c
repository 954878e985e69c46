/*
 * Tests for fpu/: ARM floating point in software.
 *
 * 1. Special-value tables written from the ARM ARM rules (NaN selection,
 *    DN, FZ/FZ16 flushing with IDC/UFC, overflow per rounding mode, signed
 *    zeros, conversions and their saturation, FRINT, estimates).
 * 2. Random comparison against the host's SSE arithmetic (x86-64 only),
 *    driven through MXCSR directly so no libm/fenv is needed: same IEEE
 *    results except NaN selection/sign (x86 differs; checked in 1) and the
 *    underflow flag for results that are tiny before rounding but not
 *    after (x86 detects tininess after rounding; checked here against the
 *    exact value where the host can compute it exactly), and Invalid for
 *    0 * inf + qNaN in FMA (ARM raises it, x86 does not).
 * 3. Estimate tables recomputed from the pseudocode.
 * The comparison with QEMU's recorded results is test-softfloat-ref.c.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "fpu/softfloat.h"

#define IOC FLOAT_FLAG_INVALID
#define DZC FLOAT_FLAG_DIVBYZERO
#define OFC FLOAT_FLAG_OVERFLOW
#define UFC FLOAT_FLAG_UNDERFLOW
#define IXC FLOAT_FLAG_INEXACT
#define IDC FLOAT_FLAG_INPUT_DENORMAL

#define RN FLOAT_ROUND_NEAREST_EVEN
#define RP FLOAT_ROUND_UP
#define RM FLOAT_ROUND_DOWN
#define RZ FLOAT_ROUND_TO_ZERO
#define TA FLOAT_ROUND_TIES_AWAY

#define F32_ONE   0x3f800000u
#define F32_TWO   0x40000000u
#define F32_HALF  0x3f000000u
#define F32_INF   0x7f800000u
#define F32_MAX   0x7f7fffffu
#define F32_MINN  0x00800000u   /* smallest normal */
#define F32_QNAN1 0x7fc00001u
#define F32_QNAN2 0x7fc00002u
#define F32_QNAN3 0x7fc00003u
#define F32_SNAN1 0x7f800011u
#define F32_SNAN2 0x7f800012u
#define F32_SNAN3 0x7f800013u
#define F64_ONE   0x3ff0000000000000ull
#define F64_INF   0x7ff0000000000000ull

static FloatStatus st(FloatRoundMode rm)
{
    FloatStatus s = { .rounding_mode = rm };
    return s;
}

static float32 f32(float f)
{
    float32 r;
    memcpy(&r, &f, 4);
    return r;
}

static float64 f64(double d)
{
    float64 r;
    memcpy(&r, &d, 8);
    return r;
}

/* ---- 1. Special values ------------------------------------------------ */

typedef float32 (*BinOp32)(float32, float32, FloatStatus *);

typedef struct {
    BinOp32 op;
    float32 a, b;
    bool dn;
    float32 want;
    int flags;
} Bin32Case;

static void run_bin32(const Bin32Case *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        FloatStatus s = st(RN);
        s.default_nan = t[i].dn;
        float32 r = t[i].op(t[i].a, t[i].b, &s);
        if (r != t[i].want || s.flags != t[i].flags) {
            g_error("case %zu: %08x op %08x = %08x flags %02x, want %08x "
                    "flags %02x", i, t[i].a, t[i].b, r, s.flags, t[i].want,
                    t[i].flags);
        }
    }
}

static void test_nan_two_operands(void)
{
    static const Bin32Case t[] = {
        { float32_add, F32_QNAN1, F32_QNAN2, false, F32_QNAN1, 0 },
        { float32_add, F32_QNAN1, F32_SNAN2, false, F32_SNAN2 | 0x400000, IOC },
        { float32_add, F32_SNAN1, F32_SNAN2, false, F32_SNAN1 | 0x400000, IOC },
        { float32_add, F32_ONE, F32_SNAN2, false, F32_SNAN2 | 0x400000, IOC },
        { float32_sub, F32_ONE, F32_QNAN2, false, F32_QNAN2, 0 },
        { float32_mul, 0x80000000u | F32_QNAN1, F32_ONE, false,
          0x80000000u | F32_QNAN1, 0 },
        { float32_div, F32_QNAN2, F32_QNAN1, false, F32_QNAN2, 0 },
        /* DN replaces any NaN result; signalling still raises IOC. */
        { float32_add, F32_QNAN1, F32_ONE, true, FLOAT32_DEFAULT_NAN, 0 },
        { float32_mul, F32_ONE, 0x80000000u | F32_SNAN1, true,
          FLOAT32_DEFAULT_NAN, IOC },
        /* Invalid operations give the default NaN whatever DN says. */
        { float32_add, F32_INF, 0x80000000u | F32_INF, false,
          FLOAT32_DEFAULT_NAN, IOC },
        { float32_mul, 0, F32_INF, false, FLOAT32_DEFAULT_NAN, IOC },
        { float32_div, 0, 0x80000000u, false, FLOAT32_DEFAULT_NAN, IOC },
        { float32_div, F32_INF, F32_INF, false, FLOAT32_DEFAULT_NAN, IOC },
        { float32_div, F32_ONE, 0x80000000u, false, 0x80000000u | F32_INF,
          DZC },
        { float32_div, F32_INF, 0, false, F32_INF, 0 },
        /* FMIN/FMAX propagate; FMINNM/FMAXNM drop a lone quiet NaN. */
        { float32_max, F32_QNAN1, F32_ONE, false, F32_QNAN1, 0 },
        { float32_min, F32_ONE, F32_SNAN1, false, F32_SNAN1 | 0x400000, IOC },
        { float32_maxnum, F32_QNAN1, F32_ONE, false, F32_ONE, 0 },
        { float32_minnum, F32_ONE, F32_QNAN1, false, F32_ONE, 0 },
        { float32_minnum, F32_QNAN1, F32_QNAN2, false, F32_QNAN1, 0 },
        { float32_maxnum, F32_QNAN1, F32_SNAN2, false, F32_SNAN2 | 0x400000,
          IOC },
        { float32_maxnum, F32_QNAN1, 0xff800000u, false, 0xff800000u, 0 },
        { float32_max, 0, 0x80000000u, false, 0, 0 },
        { float32_max, 0x80000000u, 0, false, 0, 0 },
        { float32_min, 0, 0x80000000u, false, 0x80000000u, 0 },
        { float32_min, 0x80000000u, 0, false, 0x80000000u, 0 },
        { float32_max, F32_ONE, F32_TWO, false, F32_TWO, 0 },
        { float32_min, 0xbf800000u, F32_TWO, false, 0xbf800000u, 0 },
        /* FMULX: 0 * inf is 2 with the product's sign. */
        { float32_mulx, 0x80000000u, F32_INF, false, 0xc0000000u, 0 },
        { float32_mulx, F32_INF, 0, false, F32_TWO, 0 },
        { float32_mulx, F32_QNAN1, 0, false, F32_QNAN1, 0 },
        { float32_mulx, F32_TWO, F32_TWO, false, 0x40800000u, 0 },
        /* FRECPS 2 - a*b, FRSQRTS (3 - a*b)/2, with 0*inf special. */
        { float32_recps, 0, F32_INF, false, F32_TWO, 0 },
        { float32_recps, F32_ONE, F32_ONE, false, F32_ONE, 0 },
        { float32_recps, F32_INF, F32_ONE, false, 0xff800000u, 0 },
        { float32_recps, F32_QNAN1, F32_ONE, false, 0x80000000u | F32_QNAN1,
          0 },  /* FPNeg is applied to op1 before NaN processing */
        { float32_recps, F32_ONE, F32_TWO, false, 0, 0 },
        { float32_rsqrts, F32_INF, 0x80000000u, false, 0x3fc00000u, 0 },
        { float32_rsqrts, F32_ONE, F32_ONE, false, F32_ONE, 0 },
        { float32_rsqrts, F32_ONE, 0x40400000u, false, 0, 0 },
        { float32_rsqrts, F32_TWO, F32_TWO, false, 0xbf000000u, 0 },
    };
    run_bin32(t, G_N_ELEMENTS(t));
}

typedef struct {
    float32 a, b, c;
    int flags_in;           /* muladd negation flags */
    bool dn;
    float32 want;
    int flags;
} Fma32Case;

static void test_nan_three_operands(void)
{
    /* FPMulAdd(addend, op1, op2): muladd(a, b, c) selects in (c, a, b). */
    static const Fma32Case t[] = {
        { F32_QNAN1, F32_QNAN2, F32_QNAN3, 0, false, F32_QNAN3, 0 },
        { F32_QNAN1, F32_QNAN2, F32_ONE, 0, false, F32_QNAN1, 0 },
        { F32_ONE, F32_QNAN2, F32_ONE, 0, false, F32_QNAN2, 0 },
        { F32_QNAN1, F32_SNAN2, F32_QNAN3, 0, false, F32_SNAN2 | 0x400000,
          IOC },
        { F32_SNAN1, F32_SNAN2, F32_ONE, 0, false, F32_SNAN1 | 0x400000, IOC },
        { F32_SNAN1, F32_SNAN2, F32_SNAN3, 0, false, F32_SNAN3 | 0x400000,
          IOC },
        /* 0 * inf + qNaN: Invalid and the default NaN. */
        { 0, F32_INF, F32_QNAN3, 0, false, FLOAT32_DEFAULT_NAN, IOC },
        { F32_INF, 0x80000000u, F32_QNAN3, 0, false, FLOAT32_DEFAULT_NAN,
          IOC },
        { 0, F32_INF, F32_SNAN3, 0, false, F32_SNAN3 | 0x400000, IOC },
        { 0, F32_INF, F32_ONE, 0, false, FLOAT32_DEFAULT_NAN, IOC },
        { F32_INF, F32_ONE, 0xff800000u, 0, false, FLOAT32_DEFAULT_NAN, IOC },
        { F32_INF, F32_ONE, 0xff800000u, FLOAT_MULADD_NEGATE_PRODUCT, false,
          0xff800000u, 0 },
        { F32_QNAN1, F32_ONE, F32_ONE, 0, true, FLOAT32_DEFAULT_NAN, 0 },
        /* Negations are FPNeg on the inputs: NaN signs flip too. */
        { F32_QNAN1, F32_ONE, F32_ONE, FLOAT_MULADD_NEGATE_PRODUCT, false,
          0x80000000u | F32_QNAN1, 0 },
        { F32_ONE, F32_ONE, F32_QNAN3, FLOAT_MULADD_NEGATE_ADDEND, false,
          0x80000000u | F32_QNAN3, 0 },
        /* Signs of exact zeros. */
        { F32_ONE, F32_ONE, 0xbf800000u, 0, false, 0, 0 },
        { 0, F32_ONE, 0x80000000u, 0, false, 0, 0 },
        { 0x80000000u, F32_ONE, 0x80000000u, 0, false, 0x80000000u, 0 },
        { 0, F32_ONE, 0, FLOAT_MULADD_NEGATE_PRODUCT |
          FLOAT_MULADD_NEGATE_ADDEND, false, 0x80000000u, 0 },
        /* Fused: (1+2^-12)^2 - 1 keeps the 2^-24 term (unfused: 0x3a000000). */
        { 0x3f800800u, 0x3f800800u, 0xbf800000u, 0, false, 0x3a000400u, 0 },
        { 0x3f800800u, 0x3f800800u, 0x3f800000u, FLOAT_MULADD_NEGATE_ADDEND,
          false, 0x3a000400u, 0 },
        { 0x3f800800u, 0x3f800800u, 0x3f800000u, FLOAT_MULADD_NEGATE_PRODUCT,
          false, 0xba000400u, 0 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(t); i++) {
        FloatStatus s = st(RN);
        s.default_nan = t[i].dn;
        float32 r = float32_muladd(t[i].a, t[i].b, t[i].c, t[i].flags_in, &s);
        if (r != t[i].want || s.flags != t[i].flags) {
            g_error("fma case %zu: got %08x flags %02x, want %08x flags %02x",
                    i, r, s.flags, t[i].want, t[i].flags);
        }
    }
}

static void test_muladd_widen(void)
{
    FloatStatus s = st(RN);

    /* FMLAL: a signalling half NaN outranks a quiet single addend. */
    g_assert_cmphex(float16_muladd_widen(0x7c01, 0x3c00, F32_QNAN1, 0, &s),
                    ==, 0x7fc02000u);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    /* 2^-24 * 2^-24 + 1 keeps the product: rounded once, as single. */
    g_assert_cmphex(float16_muladd_widen(0x0001, 0x0001, 0x34000000u, 0, &s),
                    ==, 0x34000000u);
    g_assert_cmphex(s.flags, ==, IXC);
    s.flags = 0;
    g_assert_cmphex(float16_muladd_widen(0x3e00, 0x4000, F32_ONE,
                                         FLOAT_MULADD_NEGATE_PRODUCT, &s),
                    ==, 0xc0000000u);
    g_assert_cmphex(s.flags, ==, 0);
    /* FZ16 flushes the halves without IDC; FZ leaves them alone. */
    s.flush_to_zero_16 = true;
    g_assert_cmphex(float16_muladd_widen(0x0200, 0x7bff, 0, 0, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, 0);
    s = st(RN);
    s.flush_to_zero = true;
    g_assert_cmphex(float16_muladd_widen(0x0200, 0x3c00, 0, 0, &s), ==,
                    f32(0x1p-15f));
    g_assert_cmphex(s.flags, ==, 0);
}

static void test_flush_to_zero(void)
{
    FloatStatus s = st(RN);
    float16 h;

    /* Input flushing: IDC, the denormal acts as a zero of its sign. */
    s.flush_to_zero = true;
    g_assert_cmphex(float32_add(0x00000001u, 0, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, IDC);
    s.flags = 0;
    g_assert_cmphex(float32_mul(0x80000001u, F32_ONE, &s), ==, 0x80000000u);
    g_assert_cmphex(s.flags, ==, IDC);
    s.flags = 0;
    g_assert_cmphex(float64_add(1, F64_ONE, &s), ==, F64_ONE);
    g_assert_cmphex(s.flags, ==, IDC);
    s.flags = 0;
    g_assert_cmpint(float32_compare_quiet(0x00000001u, 0x80000000u, &s), ==,
                    FLOAT_RELATION_EQUAL);
    g_assert_cmphex(s.flags, ==, IDC);
    s.flags = 0;
    g_assert_cmphex(float32_max(0x80000001u, 0x80000000u, &s), ==,
                    0x80000000u);
    g_assert_cmphex(s.flags, ==, IDC);

    /* Output flushing: tiny before rounding gives zero, UFC and no IXC. */
    s.flags = 0;
    g_assert_cmphex(float32_mul(f32(0x1p-100f), f32(0x1p-30f), &s), ==, 0);
    g_assert_cmphex(s.flags, ==, UFC);
    s.flags = 0;
    g_assert_cmphex(float32_mul(0x3f7fffffu, 0x80800000u, &s), ==,
                    0x80000000u);
    g_assert_cmphex(s.flags, ==, UFC);
    s.flags = 0;
    g_assert_cmphex(float64_to_float32(f64(0x1p-140), &s), ==, 0);
    g_assert_cmphex(s.flags, ==, UFC);
    s.flags = 0;
    g_assert_cmphex(float32_to_float64(0x00000001u, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, IDC);

    /* Without FZ: exact denormals raise nothing, inexact ones UFC|IXC;
     * tininess is detected before rounding. */
    s = st(RN);
    g_assert_cmphex(float32_mul(f32(0x1p-100f), f32(0x1p-30f), &s), ==,
                    0x00080000u);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float32_mul(0x00800001u, F32_HALF, &s), ==, 0x00400000u);
    g_assert_cmphex(s.flags, ==, UFC | IXC);
    s.flags = 0;
    g_assert_cmphex(float32_mul(0x3f7fffffu, F32_MINN, &s), ==, F32_MINN);
    g_assert_cmphex(s.flags, ==, UFC | IXC);
    s.flags = 0;
    g_assert_cmphex(float32_add(0x00000001u, 0, &s), ==, 0x00000001u);
    g_assert_cmphex(s.flags, ==, 0);

    /* FZ16 flushes half inputs without IDC, and half outputs with UFC;
     * FZ alone leaves halves alone; conversions ignore FZ16. */
    s = st(RN);
    s.flush_to_zero_16 = true;
    g_assert_cmphex(float16_add(0x0001, 0, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float16_mul(0x0400, 0x3800, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, UFC);
    s.flags = 0;
    g_assert_cmphex(float16_to_float32(0x0001, &s), ==, f32(0x1p-24f));
    g_assert_cmphex(float32_to_float16(f32(0x1p-24f), &s), ==, 0x0001);
    g_assert_cmphex(s.flags, ==, 0);
    s = st(RN);
    s.flush_to_zero = true;
    h = float16_add(0x0001, 0x0001, &s);
    g_assert_cmphex(h, ==, 0x0002);
    g_assert_cmphex(s.flags, ==, 0);
}

static void test_overflow_modes(void)
{
    static const struct {
        FloatRoundMode rm;
        float32 pos, neg;
    } t[] = {
        { RN, F32_INF, 0xff800000u },
        { RP, F32_INF, 0x80000000u | F32_MAX },
        { RM, F32_MAX, 0xff800000u },
        { RZ, F32_MAX, 0x80000000u | F32_MAX },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(t); i++) {
        FloatStatus s = st(t[i].rm);
        g_assert_cmphex(float32_mul(F32_MAX, F32_TWO, &s), ==, t[i].pos);
        g_assert_cmphex(s.flags, ==, OFC | IXC);
        g_assert_cmphex(float32_add(0x80000000u | F32_MAX,
                                    0x80000000u | F32_MAX, &s), ==, t[i].neg);
        s = st(t[i].rm);
        /* max + half an ulp: only RN and RP (positive) overflow. */
        float64 r = float64_add(0x7fefffffffffffffull, 0x7c90000000000000ull,
                                &s);
        bool ovf = t[i].rm == RN || t[i].rm == RP;
        g_assert_cmphex(r, ==, ovf ? F64_INF : 0x7fefffffffffffffull);
        g_assert_cmphex(s.flags, ==, ovf ? OFC | IXC : IXC);
    }
}

static void test_signed_zeros(void)
{
    for (int rm = RN; rm <= RZ; rm++) {
        FloatStatus s = st(rm);
        float32 z = rm == RM ? 0x80000000u : 0;
        g_assert_cmphex(float32_sub(F32_ONE, F32_ONE, &s), ==, z);
        g_assert_cmphex(float32_add(F32_ONE, 0xbf800000u, &s), ==, z);
        g_assert_cmphex(float64_sub(F64_ONE, F64_ONE, &s), ==,
                        rm == RM ? 0x8000000000000000ull : 0);
        g_assert_cmphex(float32_add(0, 0x80000000u, &s), ==, z);
        g_assert_cmphex(float32_add(0x80000000u, 0x80000000u, &s), ==,
                        0x80000000u);
        g_assert_cmphex(float32_sub(0, 0, &s), ==, z);
        g_assert_cmphex(s.flags, ==, 0);
    }
}

static void test_sqrt_specials(void)
{
    FloatStatus s = st(RN);

    g_assert_cmphex(float32_sqrt(0x80000000u, &s), ==, 0x80000000u);
    g_assert_cmphex(float64_sqrt(0x8000000000000000ull, &s), ==,
                    0x8000000000000000ull);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float32_sqrt(0xbf800000u, &s), ==, FLOAT32_DEFAULT_NAN);
    g_assert_cmphex(float64_sqrt(0xbff0000000000000ull, &s), ==,
                    FLOAT64_DEFAULT_NAN);
    g_assert_cmphex(float16_sqrt(0xbc00, &s), ==, FLOAT16_DEFAULT_NAN);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float32_sqrt(0xff800000u, &s), ==, FLOAT32_DEFAULT_NAN);
    g_assert_cmphex(float32_sqrt(F32_INF, &s), ==, F32_INF);
    g_assert_cmphex(float32_sqrt(0x40800000u, &s), ==, F32_TWO);
    g_assert_cmphex(float16_sqrt(0x4400, &s), ==, 0x4000);
    g_assert_cmphex(s.flags, ==, IOC);
    s = st(RN);
    s.flush_to_zero = true;
    g_assert_cmphex(float32_sqrt(0x80000001u, &s), ==, 0x80000000u);
    g_assert_cmphex(s.flags, ==, IDC);
}

typedef struct {
    float64 a;
    FloatRoundMode rm;
    int fbits;
    int64_t want;
    int flags;
} ToIntCase;

static void test_to_int(void)
{
    static const ToIntCase t32[] = {
        { 0x41e65a0bc0000000ull /* 3e9 */, RZ, 0, INT32_MAX, IOC },
        { 0xc1e65a0bc0000000ull /* -3e9 */, RZ, 0, INT32_MIN, IOC },
        { FLOAT64_DEFAULT_NAN, RN, 0, 0, IOC },
        { 0x7ff0000000000001ull, RN, 0, 0, IOC },
        { F64_INF, RZ, 0, INT32_MAX, IOC },
        { 0xfff0000000000000ull, RZ, 0, INT32_MIN, IOC },
        { 0x4004000000000000ull /* 2.5 */, RN, 0, 2, IXC },
        { 0x4004000000000000ull, TA, 0, 3, IXC },
        { 0xc004000000000000ull, TA, 0, -3, IXC },
        { 0xc004000000000000ull, RN, 0, -2, IXC },
        { 0xc004000000000000ull, RP, 0, -2, IXC },
        { 0xc004000000000000ull, RM, 0, -3, IXC },
        { 0xc004000000000000ull, RZ, 0, -2, IXC },
        { 0xc1e0000000000000ull /* -2^31 */, RN, 0, INT32_MIN, 0 },
        { 0x41dfffffffc00000ull /* 2^31-1 */, RN, 0, INT32_MAX, 0 },
        { 0x41dfffffffe00000ull /* 2^31-0.5 */, RN, 0, INT32_MAX, IOC },
        { 0x3ff8000000000000ull /* 1.5 */, RZ, 4, 24, 0 },
        { 0x3ff8000000000000ull, RZ, 31, INT32_MAX, IOC },
        { 0x0000000000000001ull, RP, 0, 1, IXC },
        { 0x8000000000000001ull, RM, 0, -1, IXC },
        { 0x8000000000000000ull, RN, 0, 0, 0 },
    };
    static const ToIntCase tu32[] = {
        { 0xbfe0000000000000ull /* -0.5 */, RN, 0, 0, IXC },
        { 0xbfe0000000000000ull, TA, 0, 0, IOC },
        { 0xbff0000000000000ull, RZ, 0, 0, IOC },
        { 0x41efffffffe00000ull /* 2^32-1 */, RN, 0, UINT32_MAX, 0 },
        { 0x41f0000000000000ull /* 2^32 */, RN, 0, UINT32_MAX, IOC },
        { 0xfff0000000000000ull, RN, 0, 0, IOC },
    };
    static const ToIntCase t64[] = {
        { 0xc3e0000000000000ull /* -2^63 */, RN, 0, INT64_MIN, 0 },
        { 0x43e0000000000000ull /* 2^63 */, RN, 0, INT64_MAX, IOC },
        { 0x43dfffffffffffffull, RN, 0, 0x7ffffffffffffc00ll, 0 },
        { 0x3ff0000000000000ull, RN, 64, INT64_MAX, IOC },
        { 0x3fe0000000000000ull, RN, 62, 1ll << 61, 0 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(t32); i++) {
        FloatStatus s = st(RN);
        int32_t r = float64_to_int32(t32[i].a, t32[i].rm, t32[i].fbits, &s);
        g_assert_cmpint(r, ==, t32[i].want);
        g_assert_cmphex(s.flags, ==, t32[i].flags);
        /* The same value as float32 where it is exact. */
        FloatStatus s2 = st(RN), s3 = st(RN);
        float32 a32 = float64_to_float32(t32[i].a, &s2);
        if (!(s2.flags & (IXC | UFC)) && !float64_is_any_nan(t32[i].a)) {
            r = float32_to_int32(a32, t32[i].rm, t32[i].fbits, &s3);
            g_assert_cmpint(r, ==, t32[i].want);
            g_assert_cmphex(s3.flags, ==, t32[i].flags);
        }
    }
    for (size_t i = 0; i < G_N_ELEMENTS(tu32); i++) {
        FloatStatus s = st(RN);
        uint32_t r = float64_to_uint32(tu32[i].a, tu32[i].rm, tu32[i].fbits,
                                       &s);
        g_assert_cmpuint(r, ==, (uint32_t)tu32[i].want);
        g_assert_cmphex(s.flags, ==, tu32[i].flags);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(t64); i++) {
        FloatStatus s = st(RN);
        int64_t r = float64_to_int64(t64[i].a, t64[i].rm, t64[i].fbits, &s);
        g_assert_cmpint(r, ==, t64[i].want);
        g_assert_cmphex(s.flags, ==, t64[i].flags);
    }
    FloatStatus s = st(RN);
    g_assert_cmpuint(float64_to_uint64(0x43f0000000000000ull, RN, 0, &s), ==,
                     UINT64_MAX);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmpuint(float64_to_uint64(0x43efffffffffffffull, RN, 0, &s), ==,
                     0xfffffffffffff800ull);
    g_assert_cmpint(float16_to_int16(0x7bff /* 65504 */, RN, 0, &s), ==,
                    INT16_MAX);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmpuint(float16_to_uint16(0x7bff, RN, 0, &s), ==, 65504);
    g_assert_cmpint(float16_to_int32(0xc500 /* -5 */, RN, 2, &s), ==, -20);
    g_assert_cmphex(s.flags, ==, 0);
    /* FZ: a denormal is zero, IDC and no inexact. */
    s.flush_to_zero = true;
    g_assert_cmpint(float32_to_int32(0x00000001u, RP, 0, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, IDC);
}

static void test_frint_n_and_js(void)
{
    FloatStatus s = st(RN);
    bool z;

    /* FRINT32/64: out of range, NaN and infinity give the most negative
     * integer with Invalid only. */
    g_assert_cmphex(float32_round_to_int_n(f32(0x1p31f), RZ, 32, &s), ==,
                    0xcf000000u);
    g_assert_cmphex(float32_round_to_int_n(f32(-0x1p31f), RZ, 32, &s), ==,
                    0xcf000000u);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float64_round_to_int_n(FLOAT64_DEFAULT_NAN, RN, 64, &s),
                    ==, 0xc3e0000000000000ull);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float64_round_to_int_n(f64(2147483647.5), RN, 32, &s), ==,
                    0xc1e0000000000000ull);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float64_round_to_int_n(f64(-2.5), RZ, 32, &s), ==,
                    f64(-2.0));
    g_assert_cmphex(s.flags, ==, IXC);
    s.flags = 0;
    g_assert_cmphex(float32_round_to_int_n(0xbe99999au, RN, 64, &s), ==,
                    0x80000000u);
    g_assert_cmphex(s.flags, ==, IXC);

    /* FJCVTZS: modulo 2^32, Z only for exact in-range non-negative-zero. */
    s = st(RP);
    g_assert_cmpint(float64_to_int32_js(f64(-1.5), &z, &s), ==, -1);
    g_assert_false(z);
    g_assert_cmphex(s.flags, ==, IXC);
    s.flags = 0;
    g_assert_cmpint(float64_to_int32_js(f64(4294967301.0), &z, &s), ==, 5);
    g_assert_false(z);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmpint(float64_to_int32_js(f64(-2147483648.0), &z, &s), ==,
                    INT32_MIN);
    g_assert_true(z);
    g_assert_cmpint(float64_to_int32_js(0x8000000000000000ull, &z, &s), ==,
                    0);
    g_assert_false(z);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmpint(float64_to_int32_js(f64(0x1p80 + 0x1p40), &z, &s), ==, 0);
    g_assert_cmpint(float64_to_int32_js(F64_INF, &z, &s), ==, 0);
    g_assert_false(z);
    g_assert_cmphex(s.flags, ==, IOC);

    /* URECPE / URSQRTE lanes. */
    g_assert_cmphex(float_unsigned_recip_estimate(0x7fffffffu), ==,
                    0xffffffffu);
    g_assert_cmphex(float_unsigned_recip_estimate(0x80000000u), ==,
                    511u << 23);
    g_assert_cmphex(float_unsigned_rsqrt_estimate(0x3fffffffu), ==,
                    0xffffffffu);
    g_assert_cmphex(float_unsigned_rsqrt_estimate(0x40000000u), ==,
                    511u << 23);
}

static void test_from_int(void)
{
    FloatStatus s = st(RN);

    g_assert_cmphex(int32_to_float32(16777217, 0, &s), ==, 0x4b800000u);
    g_assert_cmphex(s.flags, ==, IXC);
    s = st(RP);
    g_assert_cmphex(int32_to_float32(16777217, 0, &s), ==, 0x4b800001u);
    s = st(RM);
    g_assert_cmphex(int32_to_float32(-16777217, 0, &s), ==, 0xcb800001u);
    s = st(RN);
    g_assert_cmphex(uint64_to_float64(UINT64_MAX, 0, &s), ==,
                    0x43f0000000000000ull);
    g_assert_cmphex(int64_to_float64(INT64_MIN, 0, &s), ==,
                    0xc3e0000000000000ull);
    g_assert_cmphex(int64_to_float64(3, 1, &s), ==, 0x3ff8000000000000ull);
    g_assert_cmphex(int32_to_float32(0, 5, &s), ==, 0);
    g_assert_cmphex(int32_to_float32(-1, 0, &s), ==, 0xbf800000u);
    g_assert_cmphex(uint32_to_float16(65520, 0, &s), ==, 0x7c00);
    g_assert_cmphex(s.flags, ==, IXC | OFC);
    s = st(RZ);
    g_assert_cmphex(uint32_to_float16(65520, 0, &s), ==, 0x7bff);
    s = st(RN);
    g_assert_cmphex(int16_to_float16(-2048, 0, &s), ==, 0xe800);
    g_assert_cmphex(uint64_to_float32(1, 64, &s), ==, f32(0x1p-64f));
    g_assert_cmphex(uint64_to_float16(1, 25, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, UFC | IXC);
}

static void test_round_to_int(void)
{
    static const struct {
        float32 a;
        FloatRoundMode rm;
        float32 want;
        bool inexact;
    } t[] = {
        { 0x40200000u /* 2.5 */, RN, F32_TWO, true },
        { 0x40200000u, TA, 0x40400000u, true },
        { 0x40200000u, RP, 0x40400000u, true },
        { 0x40200000u, RM, F32_TWO, true },
        { 0x40200000u, RZ, F32_TWO, true },
        { 0xbe99999au /* -0.3 */, RN, 0x80000000u, true },
        { 0xbe99999au, RM, 0xbf800000u, true },
        { 0xbf000000u, RP, 0x80000000u, true },
        { F32_HALF, RP, F32_ONE, true },
        { F32_HALF, RN, 0, true },
        { 0x3fc00000u, RN, F32_TWO, true },
        { 0x4b000001u /* 2^23 + 1 */, RN, 0x4b000001u, false },
        { 0x4affffffu /* 2^23 - 0.5 */, RN, 0x4b000000u, true },
        { 0x80000000u, RP, 0x80000000u, false },
        { F32_INF, RN, F32_INF, false },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(t); i++) {
        FloatStatus s = st(RN);
        g_assert_cmphex(float32_round_to_int(t[i].a, t[i].rm, false, &s), ==,
                        t[i].want);
        g_assert_cmphex(s.flags, ==, 0);
        g_assert_cmphex(float32_round_to_int(t[i].a, t[i].rm, true, &s), ==,
                        t[i].want);
        g_assert_cmphex(s.flags, ==, t[i].inexact ? IXC : 0);
    }
    FloatStatus s = st(RN);
    g_assert_cmphex(float32_round_to_int(F32_SNAN1, RN, true, &s), ==,
                    F32_SNAN1 | 0x400000);
    g_assert_cmphex(s.flags, ==, IOC);
    g_assert_cmphex(float64_round_to_int(0xc00c000000000000ull, TA, true, &s),
                    ==, 0xc010000000000000ull);
    g_assert_cmphex(float16_round_to_int(0x3e00 /* 1.5 */, RN, true, &s), ==,
                    0x4000);
}

static void test_convert(void)
{
    FloatStatus s = st(RN);

    /* NaN payloads keep their top bits; signalling ones are quietened. */
    g_assert_cmphex(float32_to_float64(0x7f800001u, &s), ==,
                    0x7ff8000020000000ull);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float64_to_float32(0xfff4000000000001ull, &s), ==,
                    0xffe00000u);
    g_assert_cmphex(float32_to_float16(0x7fc02000u, &s), ==, 0x7e01);
    g_assert_cmphex(float16_to_float32(0xfe01, &s), ==, 0xffc02000u);
    g_assert_cmphex(s.flags, ==, IOC);
    s = st(RN);
    s.default_nan = true;
    g_assert_cmphex(float16_to_float64(0xfe01, &s), ==, FLOAT64_DEFAULT_NAN);
    g_assert_cmphex(s.flags, ==, 0);

    /* IEEE half: overflow and rounding. */
    s = st(RN);
    g_assert_cmphex(float32_to_float16(f32(65520.0f), &s), ==, 0x7c00);
    g_assert_cmphex(s.flags, ==, OFC | IXC);
    s = st(RN);
    g_assert_cmphex(float32_to_float16(f32(65519.0f), &s), ==, 0x7bff);
    g_assert_cmphex(s.flags, ==, IXC);
    s = st(RN);
    g_assert_cmphex(float64_to_float16(f64(0x1p-25), &s), ==, 0);
    g_assert_cmphex(s.flags, ==, UFC | IXC);

    /* Alternative half precision: no inf/NaN, exponent 31 is normal. */
    s = st(RN);
    s.ahp = true;
    g_assert_cmphex(float32_to_float16(f32(65536.0f), &s), ==, 0x7c00);
    g_assert_cmphex(float16_to_float32(0x7fff, &s), ==, f32(131008.0f));
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float32_to_float16(f32(131072.0f), &s), ==, 0x7fff);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float32_to_float16(0xff800000u, &s), ==, 0xffff);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmphex(float64_to_float16(0xfff8000000000000ull, &s), ==, 0x8000);
    g_assert_cmphex(s.flags, ==, IOC);
    /* AHP does not apply to half arithmetic. */
    s.flags = 0;
    g_assert_cmphex(float16_add(0x7c00, 0x3c00, &s), ==, 0x7c00);
    g_assert_cmphex(s.flags, ==, 0);

    /* bfloat16: ties to even, FZ flushes like single, payloads kept. */
    s = st(RN);
    g_assert_cmphex(float32_to_bfloat16(0x3f808000u, &s), ==, 0x3f80);
    g_assert_cmphex(float32_to_bfloat16(0x3f818000u, &s), ==, 0x3f82);
    g_assert_cmphex(s.flags, ==, IXC);
    s.flags = 0;
    g_assert_cmphex(float32_to_bfloat16(0xff810000u, &s), ==, 0xffc1);
    g_assert_cmphex(s.flags, ==, IOC);
    g_assert_cmphex(bfloat16_to_float32(0xc0a0), ==, f32(-5.0f));
    s = st(RN);
    s.flush_to_zero = true;
    g_assert_cmphex(float32_to_bfloat16(0x00400000u, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, IDC);

    /* Round to odd (FCVTXN). */
    s = st(FLOAT_ROUND_TO_ODD);
    g_assert_cmphex(float64_to_float32(0x3ff0000000000001ull, &s), ==,
                    0x3f800001u);
    g_assert_cmphex(float64_to_float32(0x3ff0000010000000ull, &s), ==,
                    0x3f800001u);
    g_assert_cmphex(float64_to_float32(0x3ff0000020000000ull, &s), ==,
                    0x3f800001u);
    g_assert_cmphex(s.flags, ==, IXC);
    s.flags = 0;
    g_assert_cmphex(float64_to_float32(0x7fefffffffffffffull, &s), ==,
                    F32_MAX);
    g_assert_cmphex(s.flags, ==, OFC | IXC);
}

static void test_compare(void)
{
    FloatStatus s = st(RN);

    g_assert_cmpint(float32_compare_quiet(F32_QNAN1, F32_ONE, &s), ==,
                    FLOAT_RELATION_UNORDERED);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmpint(float32_compare(F32_QNAN1, F32_ONE, &s), ==,
                    FLOAT_RELATION_UNORDERED);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmpint(float64_compare_quiet(F64_ONE, 0x7ff0000000000001ull, &s),
                    ==, FLOAT_RELATION_UNORDERED);
    g_assert_cmphex(s.flags, ==, IOC);
    s.flags = 0;
    g_assert_cmpint(float32_compare(0, 0x80000000u, &s), ==,
                    FLOAT_RELATION_EQUAL);
    g_assert_cmpint(float32_compare(0xbf800000u, 0x80000001u, &s), ==,
                    FLOAT_RELATION_LESS);
    g_assert_cmpint(float32_compare(0xbf800000u, 0xc0000000u, &s), ==,
                    FLOAT_RELATION_GREATER);
    g_assert_cmpint(float32_compare(0xff800000u, 0x80000000u | F32_MAX, &s),
                    ==, FLOAT_RELATION_LESS);
    g_assert_cmpint(float16_compare(0x3c01, 0x3c00, &s), ==,
                    FLOAT_RELATION_GREATER);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float_relation_to_nzcv(FLOAT_RELATION_LESS), ==, 0x8);
    g_assert_cmphex(float_relation_to_nzcv(FLOAT_RELATION_EQUAL), ==, 0x6);
    g_assert_cmphex(float_relation_to_nzcv(FLOAT_RELATION_GREATER), ==, 0x2);
    g_assert_cmphex(float_relation_to_nzcv(FLOAT_RELATION_UNORDERED), ==,
                    0x3);
}

static void test_status_fpcr(void)
{
    FloatStatus s = { .flags = IXC };

    float_status_set_fpcr(&s, (1u << 26) | (1u << 25) | (1u << 24) |
                              (2u << 22) | (1u << 19));
    g_assert_true(s.ahp && s.default_nan && s.flush_to_zero &&
                  s.flush_to_zero_16);
    g_assert_cmpint(s.rounding_mode, ==, RM);
    g_assert_cmphex(s.flags, ==, IXC);
    float_status_set_fpcr(&s, 3u << 22);
    g_assert_true(!s.ahp && !s.default_nan && !s.flush_to_zero &&
                  !s.flush_to_zero_16);
    g_assert_cmpint(s.rounding_mode, ==, RZ);
}

/* ---- 3. Estimates ----------------------------------------------------- */

static int ref_recip_estimate(int a)
{
    a = a * 2 + 1;
    int b = (1 << 19) / a;
    return (b + 1) / 2;
}

static int ref_rsqrt_estimate(int a)
{
    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = (a >> 1) << 1;
        a = (a + 1) * 2;
    }
    int64_t b = 512;
    while (a * (b + 1) * (b + 1) < (1 << 28)) {
        b++;
    }
    return (b + 1) / 2;
}

static void test_estimate_tables(void)
{
    for (int a = 256; a < 512; a++) {
        g_assert_cmpint(float_recip_estimate_table(a), ==,
                        ref_recip_estimate(a));
    }
    for (int a = 128; a < 512; a++) {
        g_assert_cmpint(float_rsqrt_estimate_table(a), ==,
                        ref_rsqrt_estimate(a));
    }
}

static void test_estimates(void)
{
    FloatStatus s = st(RN);

    /* FRECPE: scaled 256 -> 511, so 1.0 -> 511/512. */
    g_assert_cmphex(float32_recip_estimate(F32_ONE, &s), ==, 0x3f7f8000u);
    g_assert_cmphex(float32_recip_estimate(0xc0000000u, &s), ==, 0xbeff8000u);
    g_assert_cmphex(float64_recip_estimate(F64_ONE, &s), ==,
                    0x3feff00000000000ull);
    g_assert_cmphex(float16_recip_estimate(0x3c00, &s), ==, 0x3bfc);
    /* 3.0: fraction 0x400000 -> scaled 384, estimate 341 (0x55). */
    g_assert_cmphex(float32_recip_estimate(0x40400000u, &s), ==, 0x3eaa8000u);
    /* Denormal input 2^-127 and a denormal result for 2^127. */
    g_assert_cmphex(float32_recip_estimate(0x00400000u, &s), ==, 0x7eff8000u);
    g_assert_cmphex(float32_recip_estimate(0x7f000000u, &s), ==, 0x003fe000u);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float32_recip_estimate(0, &s), ==, F32_INF);
    g_assert_cmphex(s.flags, ==, DZC);
    s.flags = 0;
    g_assert_cmphex(float32_recip_estimate(0xff800000u, &s), ==, 0x80000000u);
    g_assert_cmphex(float32_recip_estimate(F32_SNAN1, &s), ==,
                    F32_SNAN1 | 0x400000);
    g_assert_cmphex(s.flags, ==, IOC);
    /* Too small: overflow, to inf or max normal per rounding mode. */
    s = st(RN);
    g_assert_cmphex(float32_recip_estimate(0x00100000u, &s), ==, F32_INF);
    g_assert_cmphex(s.flags, ==, OFC | IXC);
    s = st(RZ);
    g_assert_cmphex(float32_recip_estimate(0x80100000u, &s), ==,
                    0x80000000u | F32_MAX);
    s = st(RM);
    g_assert_cmphex(float32_recip_estimate(0x80100000u, &s), ==, 0xff800000u);
    /* FZ: a result that would be denormal flushes with UFC. */
    s = st(RN);
    s.flush_to_zero = true;
    g_assert_cmphex(float32_recip_estimate(0x7f000000u, &s), ==, 0);
    g_assert_cmphex(s.flags, ==, UFC);

    /* FRSQRTE: odd exponent uses '001' scaling, even '01'. */
    s = st(RN);
    g_assert_cmphex(float32_rsqrt_estimate(F32_ONE, &s), ==, 0x3f7f8000u);
    g_assert_cmphex(float32_rsqrt_estimate(0x40800000u, &s), ==, 0x3eff8000u);
    g_assert_cmphex(float32_rsqrt_estimate(F32_TWO, &s), ==, 0x3f348000u);
    g_assert_cmphex(float64_rsqrt_estimate(0x4000000000000000ull, &s), ==,
                    0x3fe6900000000000ull);
    g_assert_cmphex(float16_rsqrt_estimate(0x4000, &s), ==, 0x39a4);
    /* 2^-149: normalised denormal, exponent -22 (even): 2^74 * 361/256. */
    g_assert_cmphex(float32_rsqrt_estimate(0x00000001u, &s), ==, 0x64b48000u);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float32_rsqrt_estimate(F32_INF, &s), ==, 0);
    g_assert_cmphex(float32_rsqrt_estimate(0x80000000u, &s), ==, 0xff800000u);
    g_assert_cmphex(s.flags, ==, DZC);
    s.flags = 0;
    g_assert_cmphex(float32_rsqrt_estimate(0xbf800000u, &s), ==,
                    FLOAT32_DEFAULT_NAN);
    g_assert_cmphex(s.flags, ==, IOC);

    /* FRECPX: exponent field inverted (NOT 128 = 127), fraction cleared. */
    s = st(RN);
    g_assert_cmphex(float32_recpx(F32_TWO, &s), ==, F32_ONE);
    g_assert_cmphex(float32_recpx(0x40ffffffu, &s), ==, F32_HALF);
    g_assert_cmphex(float32_recpx(0, &s), ==, 0x7f000000u);
    g_assert_cmphex(float32_recpx(0x80000001u, &s), ==, 0xff000000u);
    g_assert_cmphex(float32_recpx(F32_INF, &s), ==, 0);
    g_assert_cmphex(float64_recpx(F64_ONE, &s), ==, 0x4000000000000000ull);
    g_assert_cmphex(float16_recpx(0x3c00, &s), ==, 0x4000);
    g_assert_cmphex(s.flags, ==, 0);
    g_assert_cmphex(float32_recpx(F32_SNAN1, &s), ==, F32_SNAN1 | 0x400000);
    g_assert_cmphex(s.flags, ==, IOC);
}


/* ---- 2. Random comparison against the host ------------------------------ */

#if defined(__x86_64__)

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA, OP_COUNT };
static const char *const op_names[OP_COUNT] = {
    "add", "sub", "mul", "div", "sqrt", "fma",
};

/* MXCSR.RC for FloatRoundMode 0..3 (RN, RP, RM, RZ). */
static const uint32_t mxcsr_rc[4] = { 0u << 13, 2u << 13, 1u << 13, 3u << 13 };
#define MXCSR_DEFAULT 0x1f80u

static void host_set_mxcsr(uint32_t v)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory");
}

static uint32_t host_get_mxcsr(void)
{
    uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}

/* MXCSR flags (IE DE ZE OE UE PE) as FPSR bits; DE has no FPSR twin. */
static int host_flags(uint32_t mxcsr)
{
    return ((mxcsr & 1) ? IOC : 0) | ((mxcsr & 4) ? DZC : 0) |
           ((mxcsr & 8) ? OFC : 0) | ((mxcsr & 16) ? UFC : 0) |
           ((mxcsr & 32) ? IXC : 0);
}

static uint32_t host_op32(int op, int rm, uint32_t ua, uint32_t ub,
                          uint32_t uc, int *flags)
{
    float a, b, c;
    memcpy(&a, &ua, 4);
    memcpy(&b, &ub, 4);
    memcpy(&c, &uc, 4);
    host_set_mxcsr(MXCSR_DEFAULT | mxcsr_rc[rm]);
    switch (op) {
    case OP_ADD:
        __asm__ volatile("addss %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_SUB:
        __asm__ volatile("subss %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_MUL:
        __asm__ volatile("mulss %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_DIV:
        __asm__ volatile("divss %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_SQRT:
        __asm__ volatile("sqrtss %0, %0" : "+x"(a));
        break;
    default:
        __asm__ volatile("vfmadd231ss %2, %1, %0" : "+x"(c) : "x"(a), "x"(b));
        a = c;
        break;
    }
    *flags = host_flags(host_get_mxcsr());
    host_set_mxcsr(MXCSR_DEFAULT);
    uint32_t r;
    memcpy(&r, &a, 4);
    return r;
}

static uint64_t host_op64(int op, int rm, uint64_t ua, uint64_t ub,
                          uint64_t uc, int *flags)
{
    double a, b, c;
    memcpy(&a, &ua, 8);
    memcpy(&b, &ub, 8);
    memcpy(&c, &uc, 8);
    host_set_mxcsr(MXCSR_DEFAULT | mxcsr_rc[rm]);
    switch (op) {
    case OP_ADD:
        __asm__ volatile("addsd %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_SUB:
        __asm__ volatile("subsd %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_MUL:
        __asm__ volatile("mulsd %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_DIV:
        __asm__ volatile("divsd %1, %0" : "+x"(a) : "x"(b));
        break;
    case OP_SQRT:
        __asm__ volatile("sqrtsd %0, %0" : "+x"(a));
        break;
    default:
        __asm__ volatile("vfmadd231sd %2, %1, %0" : "+x"(c) : "x"(a), "x"(b));
        a = c;
        break;
    }
    *flags = host_flags(host_get_mxcsr());
    host_set_mxcsr(MXCSR_DEFAULT);
    uint64_t r;
    memcpy(&r, &a, 8);
    return r;
}

static uint32_t my_op32(int op, uint32_t a, uint32_t b, uint32_t c,
                        FloatStatus *s)
{
    switch (op) {
    case OP_ADD:
        return float32_add(a, b, s);
    case OP_SUB:
        return float32_sub(a, b, s);
    case OP_MUL:
        return float32_mul(a, b, s);
    case OP_DIV:
        return float32_div(a, b, s);
    case OP_SQRT:
        return float32_sqrt(a, s);
    default:
        return float32_muladd(a, b, c, 0, s);
    }
}

static uint64_t my_op64(int op, uint64_t a, uint64_t b, uint64_t c,
                        FloatStatus *s)
{
    switch (op) {
    case OP_ADD:
        return float64_add(a, b, s);
    case OP_SUB:
        return float64_sub(a, b, s);
    case OP_MUL:
        return float64_mul(a, b, s);
    case OP_DIV:
        return float64_div(a, b, s);
    case OP_SQRT:
        return float64_sqrt(a, s);
    default:
        return float64_muladd(a, b, c, 0, s);
    }
}

/* Random operands biased towards the interesting places: specials, the
 * denormal range and its boundary, overflow, and nearby exponents (for
 * cancellation). Exponent and fraction widths are parameters so one
 * generator serves both formats. */
static uint64_t rand_operand(GRand *r, int ebits, int fbits)
{
    uint64_t fmask = (1ull << fbits) - 1, emax = (1ull << ebits) - 1;
    uint64_t bias = emax >> 1;
    uint64_t frac = (((uint64_t)g_rand_int(r) << 32) | g_rand_int(r)) & fmask;
    uint64_t sign = g_rand_boolean(r) ? 1ull << (ebits + fbits) : 0;
    uint64_t exp;

    switch (g_rand_int_range(r, 0, 16)) {
    case 0:
        exp = g_rand_boolean(r) ? 0 : emax;
        frac = g_rand_int_range(r, 0, 3) == 0 ? 0 : frac;
        break;
    case 1:
    case 2:
        exp = 0;
        break;
    case 3:
        exp = g_rand_int_range(r, 1, 3);
        break;
    case 4:
        exp = emax - g_rand_int_range(r, 1, 3);
        break;
    case 5:
        /* few significant bits: exact results and ties */
        frac &= ~(fmask >> g_rand_int_range(r, 1, 6));
        exp = bias + g_rand_int_range(r, -4, 5);
        break;
    case 6:
    case 7:
        exp = g_rand_int_range(r, 1, (int)emax);
        break;
    case 8:
        /* halfway to the denormal range, so products land near it */
        exp = bias / 2 + g_rand_int_range(r, -8, 8);
        break;
    default:
        exp = bias + g_rand_int_range(r, -3, 4);
        break;
    }
    return sign | (exp << fbits) | frac;
}

typedef struct {
    unsigned checked, ambiguous_ufc, exact_ufc_checked;
} CompareStats;

/* Compare one result: bits and flags equal, except (a) NaN results,
 * where only "is a NaN" and the flags are compared, and (b) the underflow
 * flag for results that rounded to the smallest normal, returned to the
 * caller to check separately. */
static bool compare_result(const char *what, uint64_t mine, int my_flags,
                           uint64_t host, int host_flags, bool mine_nan,
                           bool host_nan, uint64_t min_normal_mag,
                           uint64_t abs_mask, uint64_t a, uint64_t b,
                           uint64_t c, int rm)
{
    bool ambiguous = (mine & abs_mask) == min_normal_mag &&
                     (my_flags & IXC);
    int mask = ambiguous ? ~UFC : ~0;

    if (mine_nan || host_nan) {
        if (mine_nan != host_nan || my_flags != host_flags) {
            g_error("%s rm%d %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER "x "
                    "%" G_GINT64_MODIFIER "x: NaN mismatch mine %"
                    G_GINT64_MODIFIER "x/%02x host %" G_GINT64_MODIFIER
                    "x/%02x", what, rm, a, b, c, mine, my_flags, host,
                    host_flags);
        }
        return false;
    }
    if (mine != host || (my_flags & mask) != (host_flags & mask)) {
        g_error("%s rm%d %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER "x %"
                G_GINT64_MODIFIER "x: mine %" G_GINT64_MODIFIER "x/%02x host %"
                G_GINT64_MODIFIER "x/%02x", what, rm, a, b, c, mine, my_flags,
                host, host_flags);
    }
    return ambiguous;
}

/* For float32 add/sub/mul the double result is exact, so ARM's
 * tininess-before-rounding can be decided directly. */
static void check_exact_ufc32(int op, uint32_t ua, uint32_t ub, int my_flags)
{
    float a, b;
    memcpy(&a, &ua, 4);
    memcpy(&b, &ub, 4);
    double exact = op == OP_ADD ? (double)a + b
                 : op == OP_SUB ? (double)a - b : (double)a * b;
    bool tiny = fabs(exact) < 0x1p-126;
    g_assert_cmpint(!!(my_flags & UFC), ==, tiny);
}

/* 0 * inf + qNaN: IEEE leaves Invalid to the implementation; ARM raises
 * it (and returns the default NaN, checked in the tables), x86 does not. */
static bool fma_qnan_inf_zero(uint64_t a, uint64_t b, uint64_t c, int ebits,
                              int fbits)
{
    uint64_t abs = (1ull << (ebits + fbits)) - 1;
    uint64_t inf = ((1ull << ebits) - 1) << fbits;
    uint64_t quiet = 1ull << (fbits - 1);
    bool inf_zero = ((a & abs) == inf && (b & abs) == 0) ||
                    ((a & abs) == 0 && (b & abs) == inf);
    /* Denormals are not zeros here: FZ is off in the random tests. */
    return inf_zero && (c & abs) > inf && (c & quiet);
}

#define RANDOM_CASES 40000

static void test_random_float32(void)
{
    GRand *r = g_rand_new_with_seed(0x5eed32);
    CompareStats st32 = { 0 };

    for (int op = 0; op < OP_COUNT; op++) {
        for (int rm = 0; rm < 4; rm++) {
            for (int i = 0; i < RANDOM_CASES; i++) {
                uint32_t a = rand_operand(r, 8, 23);
                uint32_t b = rand_operand(r, 8, 23);
                uint32_t c = rand_operand(r, 8, 23);
                int hf;
                if (op == OP_FMA && g_rand_boolean(r)) {
                    /* addend near -a*b: deep cancellation */
                    uint32_t p = host_op32(OP_MUL, RN, a, b, 0, &hf);
                    c = (p ^ 0x80000000u) + g_rand_int_range(r, -2, 3);
                }
                if ((op == OP_MUL || op == OP_DIV || op == OP_FMA) &&
                    g_rand_int_range(r, 0, 4) == 0) {
                    /* aim at the smallest normal from either side */
                    uint32_t q = op == OP_DIV
                        ? host_op32(OP_DIV, RN, a, 0x00800000u, 0, &hf)
                        : host_op32(OP_DIV, RN, 0x00800000u, a, 0, &hf);
                    b = (q & 0x7fffffffu) + g_rand_int_range(r, -3, 4);
                    b |= g_rand_boolean(r) ? 0x80000000u : 0;
                    c &= 0x807fffffu;
                }
                if (op == OP_FMA && fma_qnan_inf_zero(a, b, c, 8, 23)) {
                    continue;   /* x86 leaves Invalid clear: see header */
                }
                uint32_t h = host_op32(op, rm, a, b, c, &hf);
                FloatStatus s = { .rounding_mode = rm };
                uint32_t m = my_op32(op, a, b, c, &s);
                if (compare_result(op_names[op], m, s.flags, h, hf,
                                   float32_is_any_nan(m),
                                   float32_is_any_nan(h), 0x00800000u,
                                   0x7fffffffu, a, b, c, rm)) {
                    st32.ambiguous_ufc++;
                    if (op == OP_MUL) {
                        check_exact_ufc32(op, a, b, s.flags);
                        st32.exact_ufc_checked++;
                    }
                }
                st32.checked++;
            }
        }
    }
    g_test_message("float32: %u cases, %u rounded to min normal (%u checked "
                   "exactly)", st32.checked, st32.ambiguous_ufc,
                   st32.exact_ufc_checked);
    /* The generator must reach the interesting boundary at all. */
    g_assert_cmpuint(st32.ambiguous_ufc, >, 0);
    g_rand_free(r);
}

static void test_random_float64(void)
{
    GRand *r = g_rand_new_with_seed(0x5eed64);
    unsigned ambiguous = 0;

    for (int op = 0; op < OP_COUNT; op++) {
        for (int rm = 0; rm < 4; rm++) {
            for (int i = 0; i < RANDOM_CASES; i++) {
                uint64_t a = rand_operand(r, 11, 52);
                uint64_t b = rand_operand(r, 11, 52);
                uint64_t c = rand_operand(r, 11, 52);
                int hf;
                if (op == OP_FMA && g_rand_boolean(r)) {
                    uint64_t p = host_op64(OP_MUL, RN, a, b, 0, &hf);
                    c = (p ^ 0x8000000000000000ull) +
                        g_rand_int_range(r, -2, 3);
                }
                if ((op == OP_MUL || op == OP_DIV || op == OP_FMA) &&
                    g_rand_int_range(r, 0, 4) == 0) {
                    uint64_t mn = 0x0010000000000000ull;
                    uint64_t q = op == OP_DIV
                        ? host_op64(OP_DIV, RN, a, mn, 0, &hf)
                        : host_op64(OP_DIV, RN, mn, a, 0, &hf);
                    b = (q & 0x7fffffffffffffffull) +
                        g_rand_int_range(r, -3, 4);
                    b |= g_rand_boolean(r) ? 0x8000000000000000ull : 0;
                    c &= 0x800fffffffffffffull;
                }
                if (op == OP_FMA && fma_qnan_inf_zero(a, b, c, 11, 52)) {
                    continue;
                }
                uint64_t h = host_op64(op, rm, a, b, c, &hf);
                FloatStatus s = { .rounding_mode = rm };
                uint64_t m = my_op64(op, a, b, c, &s);
                ambiguous += compare_result(op_names[op], m, s.flags, h, hf,
                                            float64_is_any_nan(m),
                                            float64_is_any_nan(h),
                                            0x0010000000000000ull,
                                            0x7fffffffffffffffull, a, b, c,
                                            rm);
            }
        }
    }
    g_test_message("float64: %u rounded to min normal", ambiguous);
    g_assert_cmpuint(ambiguous, >, 0);
    g_rand_free(r);
}

/* Conversions with a host twin: f64->f32 (cvtsd2ss), int64->f64/f32
 * (cvtsi2sd/ss) and FRINTX/FRINTI-style rounding (roundsd/roundss). */
static void test_random_convert(void)
{
    GRand *r = g_rand_new_with_seed(0xc0ffee);

    for (int rm = 0; rm < 4; rm++) {
        for (int i = 0; i < RANDOM_CASES; i++) {
            uint64_t a = rand_operand(r, 11, 52);
            /* land in float32's range half of the time */
            if (g_rand_boolean(r)) {
                a = (a & 0x800fffffffffffffull) |
                    ((uint64_t)g_rand_int_range(r, 1023 - 160, 1023 + 130)
                     << 52);
            }
            double d;
            float f;
            memcpy(&d, &a, 8);
            host_set_mxcsr(MXCSR_DEFAULT | mxcsr_rc[rm]);
            __asm__ volatile("cvtsd2ss %1, %0" : "=x"(f) : "x"(d));
            int hf = host_flags(host_get_mxcsr());
            host_set_mxcsr(MXCSR_DEFAULT);
            uint32_t h;
            memcpy(&h, &f, 4);
            FloatStatus s = { .rounding_mode = rm };
            uint32_t m = float64_to_float32(a, &s);
            compare_result("f64->f32", m, s.flags, h, hf,
                           float32_is_any_nan(m), float32_is_any_nan(h),
                           0x00800000u, 0x7fffffffu, a, 0, 0, rm);

            /* FRINTX in the status mode vs roundsd $4 (MXCSR mode). */
            host_set_mxcsr(MXCSR_DEFAULT | mxcsr_rc[rm]);
            __asm__ volatile("roundsd $4, %1, %0" : "=x"(d) : "x"(d));
            hf = host_flags(host_get_mxcsr());
            host_set_mxcsr(MXCSR_DEFAULT);
            uint64_t h64;
            memcpy(&h64, &d, 8);
            s = (FloatStatus){ .rounding_mode = rm };
            uint64_t m64 = float64_round_to_int(a, rm, true, &s);
            compare_result("frintx", m64, s.flags, h64, hf,
                           float64_is_any_nan(m64), float64_is_any_nan(h64),
                           1, 0, a, 0, 0, rm);

            int64_t v = (int64_t)(((uint64_t)g_rand_int(r) << 32) |
                                  g_rand_int(r));
            v >>= g_rand_int_range(r, 0, 63);
            host_set_mxcsr(MXCSR_DEFAULT | mxcsr_rc[rm]);
            __asm__ volatile("cvtsi2sdq %1, %0" : "=x"(d) : "r"(v));
            __asm__ volatile("cvtsi2ssq %1, %0" : "=x"(f) : "r"(v));
            hf = host_flags(host_get_mxcsr());
            host_set_mxcsr(MXCSR_DEFAULT);
            memcpy(&h64, &d, 8);
            memcpy(&h, &f, 4);
            s = (FloatStatus){ .rounding_mode = rm };
            g_assert_cmphex(int64_to_float64(v, 0, &s), ==, h64);
            g_assert_cmphex(int64_to_float32(v, 0, &s), ==, h);
            g_assert_cmphex(s.flags, ==, hf);
        }
    }
    g_rand_free(r);
}

/* Half precision has no host arithmetic: compute in double (exact for
 * add/sub/mul, and double rounding from 53 bits is innocuous for div and
 * sqrt) and narrow with our float64_to_float16, which test_convert and the
 * f64->f32 comparison above pin down. */
static void test_random_float16(void)
{
    GRand *r = g_rand_new_with_seed(0xf16);

    for (int op = 0; op < OP_FMA; op++) {
        for (int rm = 0; rm < 4; rm++) {
            for (int i = 0; i < RANDOM_CASES / 2; i++) {
                float16 a = rand_operand(r, 5, 10);
                float16 b = rand_operand(r, 5, 10);
                FloatStatus s = { .rounding_mode = rm };
                float16 m;
                switch (op) {
                case OP_ADD:
                    m = float16_add(a, b, &s);
                    break;
                case OP_SUB:
                    m = float16_sub(a, b, &s);
                    break;
                case OP_MUL:
                    m = float16_mul(a, b, &s);
                    break;
                case OP_DIV:
                    m = float16_div(a, b, &s);
                    break;
                default:
                    m = float16_sqrt(a, &s);
                    break;
                }
                /* Widening is exact; it quietens signalling NaNs (IOC). */
                FloatStatus w = { .rounding_mode = RN };
                float64 da = float16_to_float64(a, &w);
                float64 db = op == OP_SQRT ? 0 : float16_to_float64(b, &w);
                int hf;
                uint64_t d = host_op64(op, rm, da, db, 0, &hf);
                hf |= w.flags;
                w = (FloatStatus){ .rounding_mode = rm };
                float16 h = float64_to_float16(d, &w);
                hf |= w.flags;
                if (float16_is_any_nan(h) || float16_is_any_nan(m)) {
                    g_assert_true(float16_is_any_nan(h) &&
                                  float16_is_any_nan(m));
                    g_assert_cmphex(hf, ==, s.flags);
                    continue;
                }
                /* The double step can hide tininess right at 2^-14. */
                int mask = (m & 0x7fff) == 0x0400 ? ~UFC : ~0;
                if (h != m || (hf & mask) != (s.flags & mask)) {
                    g_error("f16 %s rm%d %04x %04x: mine %04x/%02x want "
                            "%04x/%02x", op_names[op], rm, a, b, m, s.flags,
                            h, hf);
                }
            }
        }
    }
    g_rand_free(r);
}

static bool host_has_fma(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("fma") && __builtin_cpu_supports("sse4.1");
}
#endif

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/softfloat/nan/two-operands", test_nan_two_operands);
    g_test_add_func("/softfloat/nan/three-operands", test_nan_three_operands);
    g_test_add_func("/softfloat/muladd-widen", test_muladd_widen);
    g_test_add_func("/softfloat/flush-to-zero", test_flush_to_zero);
    g_test_add_func("/softfloat/overflow-modes", test_overflow_modes);
    g_test_add_func("/softfloat/signed-zeros", test_signed_zeros);
    g_test_add_func("/softfloat/sqrt", test_sqrt_specials);
    g_test_add_func("/softfloat/to-int", test_to_int);
    g_test_add_func("/softfloat/from-int", test_from_int);
    g_test_add_func("/softfloat/frint-n-and-js", test_frint_n_and_js);
    g_test_add_func("/softfloat/round-to-int", test_round_to_int);
    g_test_add_func("/softfloat/convert", test_convert);
    g_test_add_func("/softfloat/compare", test_compare);
    g_test_add_func("/softfloat/status-fpcr", test_status_fpcr);
    g_test_add_func("/softfloat/estimate-tables", test_estimate_tables);
    g_test_add_func("/softfloat/estimates", test_estimates);
#if defined(__x86_64__)
    if (host_has_fma()) {
        g_test_add_func("/softfloat/random/float32", test_random_float32);
        g_test_add_func("/softfloat/random/float64", test_random_float64);
        g_test_add_func("/softfloat/random/convert", test_random_convert);
        g_test_add_func("/softfloat/random/float16", test_random_float16);
    }
#endif
    return g_test_run();
}
