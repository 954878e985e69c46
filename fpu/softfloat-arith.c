/*
 * Arithmetic: FPAdd/FPSub, FPMul, FPDiv, FPSqrt, FPMulAdd, FPMin/FPMax,
 * FPMinNum/FPMaxNum and FPCompare, generic over the three formats.
 */
#include "softfloat-internal.h"

static uint64_t float_exact_zero(const FloatFmt *f, FloatStatus *s)
{
    /* An exact zero sum of non-zero terms is -0 only when rounding down. */
    return float_fmt_zero(f, s->rounding_mode == FLOAT_ROUND_DOWN);
}

/* Sum of two signed 128-bit significands, each worth frac * 2^(exp - 127)
 * with its leading bit at 126: exponents then order magnitudes, and the
 * clear bit 127 takes the carry. */
static uint64_t float_wide_add(bool sa, int32_t ea, uint128 fa,
                               bool sb, int32_t eb, uint128 fb,
                               int scale, const FloatFmt *f, FloatStatus *s)
{
    FloatParts r;

    if (ea < eb || (ea == eb && fa < fb)) {
        bool ts = sa;
        int32_t te = ea;
        uint128 tf = fa;
        sa = sb; ea = eb; fa = fb;
        sb = ts; eb = te; fb = tf;
    }
    fb = float_shr_jam128(fb, ea - eb);
    uint128 sum = sa == sb ? fa + fb : fa - fb;
    if (sum == 0) {
        return float_exact_zero(f, s);
    }
    float_parts_from_wide(&r, sa, ea + scale, sum);
    return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
}

/* Sum of two unpacked finite non-zero values in 64 bits: halving both
 * leaves bit 63 for the carry, and even double precision then keeps ten
 * zero bits below its last place, so aligning with a sticky bit still
 * rounds exactly (cancellation beyond one bit only happens when the
 * exponents are within one, where the shift loses nothing). */
static uint64_t float_narrow_add(const FloatParts *pa, const FloatParts *pb,
                                 const FloatFmt *f, FloatStatus *s)
{
    if (pa->exp < pb->exp || (pa->exp == pb->exp && pa->frac < pb->frac)) {
        const FloatParts *t = pa;
        pa = pb;
        pb = t;
    }
    uint64_t fa = pa->frac >> 1;
    uint64_t fb = float_shr_jam64(pb->frac >> 1, pa->exp - pb->exp);
    uint64_t sum = pa->sign == pb->sign ? fa + fb : fa - fb;
    if (sum == 0) {
        return float_exact_zero(f, s);
    }
    int lz = __builtin_clzll(sum);
    FloatParts r = {
        .cls = FLOAT_CLASS_NORMAL, .sign = pa->sign,
        .exp = pa->exp + 1 - lz, .frac = sum << lz,
    };
    return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
}

uint64_t float_generic_addsub(uint64_t a, uint64_t b, bool subtract,
                              const FloatFmt *f, FloatStatus *s)
{
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);

    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb)) {
        return float_process_nans2(&pa, a, &pb, b, f, s);
    }
    pb.sign ^= subtract;
    if (pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_INF &&
        pa.sign != pb.sign) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_default_nan(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_INF) {
        return float_fmt_inf(f, pa.cls == FLOAT_CLASS_INF ? pa.sign
                                                          : pb.sign);
    }
    if (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_ZERO) {
        return pa.sign == pb.sign ? float_fmt_zero(f, pa.sign)
                                  : float_exact_zero(f, s);
    }
    if (pa.cls == FLOAT_CLASS_ZERO) {
        return float_round_pack(&pb, f, s->rounding_mode, FLOAT_USE_ARITH, s);
    }
    if (pb.cls == FLOAT_CLASS_ZERO) {
        return float_round_pack(&pa, f, s->rounding_mode, FLOAT_USE_ARITH, s);
    }
    return float_narrow_add(&pa, &pb, f, s);
}

uint64_t float_generic_mul(uint64_t a, uint64_t b, const FloatFmt *f,
                           FloatStatus *s)
{
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);
    bool sign = pa.sign ^ pb.sign;
    FloatParts r;

    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb)) {
        return float_process_nans2(&pa, a, &pb, b, f, s);
    }
    if ((pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_ZERO) ||
        (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_INF)) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_default_nan(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_INF) {
        return float_fmt_inf(f, sign);
    }
    if (pa.cls == FLOAT_CLASS_ZERO || pb.cls == FLOAT_CLASS_ZERO) {
        return float_fmt_zero(f, sign);
    }
    /* (fa * 2^(ea-63)) * (fb * 2^(eb-63)) = P * 2^(ea + eb + 1 - 127) */
    float_parts_from_wide(&r, sign, pa.exp + pb.exp + 1,
                          (uint128)pa.frac * pb.frac);
    return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
}

static uint64_t float_generic_div(uint64_t a, uint64_t b, const FloatFmt *f,
                                  FloatStatus *s)
{
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);
    bool sign = pa.sign ^ pb.sign;
    FloatParts r;

    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb)) {
        return float_process_nans2(&pa, a, &pb, b, f, s);
    }
    if ((pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_INF) ||
        (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_ZERO)) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_default_nan(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_ZERO) {
        if (pa.cls != FLOAT_CLASS_INF) {
            float_raise(s, FLOAT_FLAG_DIVBYZERO);
        }
        return float_fmt_inf(f, sign);
    }
    if (pa.cls == FLOAT_CLASS_ZERO || pb.cls == FLOAT_CLASS_INF) {
        return float_fmt_zero(f, sign);
    }
    /* Q = (fa << 64) / fb lies in (2^63, 2^65): 65 quotient bits plus a
     * sticky remainder bit are plenty for any format. Value = Q * 2^(ea -
     * eb - 64); as a wide number shifted left by 62: Q' * 2^(e - 127). */
    uint128 num = (uint128)pa.frac << 64;
    uint128 q = num / pb.frac;
    bool rem = (num % pb.frac) != 0;
    float_parts_from_wide(&r, sign, pa.exp - pb.exp + 1, (q << 62) | rem);
    return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
}

/* floor(sqrt(v)) of a 64-bit value, digit by digit; *exact tells whether
 * the root was exact. */
static uint64_t float_isqrt64(uint64_t v, bool *exact)
{
    uint64_t res = 0;
    uint64_t bit = 1ull << 62;

    while (bit > v) {
        bit >>= 2;
    }
    while (bit) {
        if (v >= res + bit) {
            v -= res + bit;
            res = (res >> 1) + bit;
        } else {
            res >>= 1;
        }
        bit >>= 2;
    }
    *exact = v == 0;
    return res;
}

/* floor(sqrt(v)) for 2^64 <= v < 2^120: a 32-bit root of the top 64 bits,
 * one Newton step (which lands at or just above the root), then an exact
 * correction by squaring. */
static uint64_t float_isqrt128(uint128 v, bool *exact)
{
    int lz = __builtin_clzll((uint64_t)(v >> 64));
    int sh = (65 - lz) & ~1;            /* even, so roots scale by 2^sh/2 */
    bool unused;
    uint64_t r = float_isqrt64((uint64_t)(v >> sh), &unused) << (sh / 2);

    r = (uint64_t)((r + v / r) >> 1);
    while ((uint128)r * r > v) {
        r--;
    }
    while ((uint128)(r + 1) * (r + 1) <= v) {
        r++;
    }
    *exact = (uint128)r * r == v;
    return r;
}

static uint64_t float_generic_sqrt(uint64_t a, const FloatFmt *f,
                                   FloatStatus *s)
{
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts r;
    bool exact;

    if (float_parts_is_nan(&pa)) {
        return float_process_nan(&pa, a, f, s);
    }
    if (pa.cls == FLOAT_CLASS_ZERO) {
        return a & float_fmt_sign_bit(f) ? float_fmt_zero(f, true) : 0;
    }
    if (pa.sign) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_default_nan(f, s);
    }
    if (pa.cls == FLOAT_CLASS_INF) {
        return a;
    }
    /* value = (fa / 2^63) * 2^e; make the exponent even so that the root
     * of the significand, scaled by 2^126, has its leading bit at 63. */
    int32_t e = pa.exp;
    int odd = e & 1;
    uint128 m = (uint128)pa.frac << (63 + odd);
    r.cls = FLOAT_CLASS_NORMAL;
    r.sign = false;
    r.exp = (e - odd) / 2;
    /* Only frac_bits + 3 root bits matter (the rest is sticky): drop 2k
     * low bits of m, all zero since the significand is short, so that
     * single and half precision take the 64-bit loop. */
    int k = 61 - f->frac_bits;
    if (128 - 2 * k <= 64) {
        r.frac = float_isqrt64((uint64_t)(m >> (2 * k)), &exact) << k;
    } else {
        r.frac = float_isqrt128(m >> (2 * k), &exact) << k;
    }
    r.frac |= !exact;
    return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
}

uint64_t float_parts_muladd(const FloatParts *pa, const FloatParts *pb,
                            const FloatParts *pc, int scale,
                            const FloatFmt *f, FloatStatus *s)
{
    bool psign = pa->sign ^ pb->sign;
    bool pzero = pa->cls == FLOAT_CLASS_ZERO || pb->cls == FLOAT_CLASS_ZERO;
    FloatParts r;

    if (pzero) {
        if (pc->cls == FLOAT_CLASS_ZERO) {
            return pc->sign == psign ? float_fmt_zero(f, psign)
                                     : float_exact_zero(f, s);
        }
        r = *pc;
        r.exp += scale;
        return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
    }
    /* Product P in [2^126, 2^128): value P * 2^(ea + eb + 1 - 127). Put
     * its leading bit at 126 like the addend's, so exponents order
     * magnitudes and bit 127 stays free for the carry (halving loses
     * nothing: two 53-bit significands leave the low bits clear). */
    uint128 prod = (uint128)pa->frac * pb->frac;
    int32_t pexp = pa->exp + pb->exp + 1;
    if (prod >> 127) {
        prod = float_shr_jam128(prod, 1);
        pexp++;
    }
    if (pc->cls == FLOAT_CLASS_ZERO) {
        float_parts_from_wide(&r, psign, pexp + scale, prod);
        return float_round_pack(&r, f, s->rounding_mode, FLOAT_USE_ARITH, s);
    }
    return float_wide_add(psign, pexp, prod,
                          pc->sign, pc->exp + 1, (uint128)pc->frac << 63,
                          scale, f, s);
}

uint64_t float_generic_muladd(uint64_t a, uint64_t b, uint64_t c, int flags,
                              int scale, const FloatFmt *f, FloatStatus *s)
{
    if (flags & FLOAT_MULADD_NEGATE_PRODUCT) {
        a ^= float_fmt_sign_bit(f);
    }
    if (flags & FLOAT_MULADD_NEGATE_ADDEND) {
        c ^= float_fmt_sign_bit(f);
    }
    FloatParts pc = float_unpack(c, f, FLOAT_USE_ARITH, s);
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);
    bool inf_zero = (pa.cls == FLOAT_CLASS_INF && pb.cls == FLOAT_CLASS_ZERO) ||
                    (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_INF);

    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb) ||
        float_parts_is_nan(&pc)) {
        uint64_t r = float_process_nans3(&pc, c, &pa, a, &pb, b, f, s);
        if (pc.cls == FLOAT_CLASS_QNAN && inf_zero) {
            /* 0 * inf is invalid even when the addend is a quiet NaN. */
            float_raise(s, FLOAT_FLAG_INVALID);
            return float_default_nan(f, s);
        }
        return r;
    }
    bool psign = pa.sign ^ pb.sign;
    bool pinf = pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_INF;
    bool cinf = pc.cls == FLOAT_CLASS_INF;
    if (inf_zero || (pinf && cinf && psign != pc.sign)) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_default_nan(f, s);
    }
    if (pinf || cinf) {
        return float_fmt_inf(f, pinf ? psign : pc.sign);
    }
    return float_parts_muladd(&pa, &pb, &pc, scale, f, s);
}

/* A half as a single, exactly and by bits: a signalling NaN stays
 * signalling so that muladd still ranks it first. */
static float32 float16_widen_bits(float16 h, bool flush)
{
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f;
    uint32_t frac = h & 0x3ff;

    if (exp == 0x1f) {
        return sign | 0x7f800000u | frac << 13;
    }
    if (exp == 0) {
        if (frac == 0 || flush) {
            return sign;
        }
        int shift = __builtin_clz(frac) - 21;   /* leading bit to bit 10 */
        return sign | (uint32_t)(127 - 15 + 1 - shift) << 23 |
               ((frac << shift) & 0x3ff) << 13;
    }
    return sign | (exp - 15 + 127) << 23 | frac << 13;
}

float32 float16_muladd_widen(float16 a, float16 b, float32 c, int flags,
                             FloatStatus *s)
{
    bool fz16 = s->flush_to_zero_16;
    return float_generic_muladd(float16_widen_bits(a, fz16),
                                float16_widen_bits(b, fz16), c, flags, 0,
                                &float32_fmt, s);
}

typedef enum { MINMAX_MIN, MINMAX_MAX } MinMax;

static int float_parts_cmp(const FloatParts *a, const FloatParts *b);

static uint64_t float_generic_minmax(uint64_t a, uint64_t b, MinMax op,
                                     bool num, const FloatFmt *f,
                                     FloatStatus *s)
{
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);

    if (num) {
        /* FPMinNum/FPMaxNum: a lone quiet NaN acts as the infinity that
         * loses, so the other operand is returned. */
        bool qa = pa.cls == FLOAT_CLASS_QNAN, qb = pb.cls == FLOAT_CLASS_QNAN;
        if (qa != qb) {
            FloatParts *q = qa ? &pa : &pb;
            uint64_t *qbits = qa ? &a : &b;
            q->cls = FLOAT_CLASS_INF;
            q->sign = op == MINMAX_MAX;
            *qbits = float_fmt_inf(f, q->sign);
        }
    }
    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb)) {
        return float_process_nans2(&pa, a, &pb, b, f, s);
    }
    if (pa.cls == FLOAT_CLASS_ZERO && pb.cls == FLOAT_CLASS_ZERO) {
        bool sign = op == MINMAX_MAX ? pa.sign & pb.sign : pa.sign | pb.sign;
        return float_fmt_zero(f, sign);
    }
    int c = float_parts_cmp(&pa, &pb);
    bool pick_a = op == MINMAX_MAX ? c > 0 : c < 0;
    FloatParts *p = pick_a ? &pa : &pb;
    uint64_t bits = pick_a ? a : b;
    /* A flushed denormal is a zero of its own sign; others are exact. */
    if (p->cls == FLOAT_CLASS_ZERO) {
        return float_fmt_zero(f, p->sign);
    }
    return bits;
}

/* Order two non-NaN values: -1, 0, 1. Zeros compare equal. */
static int float_parts_cmp(const FloatParts *a, const FloatParts *b)
{
    int ka, kb;

    if (a->cls == FLOAT_CLASS_ZERO && b->cls == FLOAT_CLASS_ZERO) {
        return 0;
    }
    if (a->sign != b->sign) {
        if (a->cls == FLOAT_CLASS_ZERO) {
            return b->sign ? 1 : -1;
        }
        return a->sign ? -1 : 1;
    }
    /* Same sign: compare magnitudes, then flip for negatives. */
    if (a->cls != b->cls) {
        ka = a->cls == FLOAT_CLASS_ZERO ? 0 : a->cls == FLOAT_CLASS_INF ? 2 : 1;
        kb = b->cls == FLOAT_CLASS_ZERO ? 0 : b->cls == FLOAT_CLASS_INF ? 2 : 1;
    } else if (a->cls != FLOAT_CLASS_NORMAL) {
        return 0;
    } else if (a->exp != b->exp) {
        ka = a->exp; kb = b->exp;
    } else {
        if (a->frac == b->frac) {
            return 0;
        }
        ka = a->frac > b->frac; kb = !ka;
    }
    int r = ka < kb ? -1 : ka > kb ? 1 : 0;
    return a->sign ? -r : r;
}

static FloatRelation float_generic_compare(uint64_t a, uint64_t b,
                                           bool signal, const FloatFmt *f,
                                           FloatStatus *s)
{
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);

    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb)) {
        if (signal || pa.cls == FLOAT_CLASS_SNAN ||
            pb.cls == FLOAT_CLASS_SNAN) {
            float_raise(s, FLOAT_FLAG_INVALID);
        }
        return FLOAT_RELATION_UNORDERED;
    }
    return (FloatRelation)float_parts_cmp(&pa, &pb);
}

/* Per-format entry points: thin casts around the generic code. */
#define FLOAT_ARITH_WRAPPERS(T, FMT)                                         \
T T##_add(T a, T b, FloatStatus *s)                                          \
{                                                                            \
    return float_generic_addsub(a, b, false, &FMT, s);                       \
}                                                                            \
T T##_sub(T a, T b, FloatStatus *s)                                          \
{                                                                            \
    return float_generic_addsub(a, b, true, &FMT, s);                        \
}                                                                            \
T T##_mul(T a, T b, FloatStatus *s)                                          \
{                                                                            \
    return float_generic_mul(a, b, &FMT, s);                                 \
}                                                                            \
T T##_div(T a, T b, FloatStatus *s)                                          \
{                                                                            \
    return float_generic_div(a, b, &FMT, s);                                 \
}                                                                            \
T T##_sqrt(T a, FloatStatus *s)                                              \
{                                                                            \
    return float_generic_sqrt(a, &FMT, s);                                   \
}                                                                            \
T T##_muladd(T a, T b, T c, int flags, FloatStatus *s)                       \
{                                                                            \
    return float_generic_muladd(a, b, c, flags, 0, &FMT, s);                 \
}                                                                            \
T T##_min(T a, T b, FloatStatus *s)                                          \
{                                                                            \
    return float_generic_minmax(a, b, MINMAX_MIN, false, &FMT, s);           \
}                                                                            \
T T##_max(T a, T b, FloatStatus *s)                                          \
{                                                                            \
    return float_generic_minmax(a, b, MINMAX_MAX, false, &FMT, s);           \
}                                                                            \
T T##_minnum(T a, T b, FloatStatus *s)                                       \
{                                                                            \
    return float_generic_minmax(a, b, MINMAX_MIN, true, &FMT, s);            \
}                                                                            \
T T##_maxnum(T a, T b, FloatStatus *s)                                       \
{                                                                            \
    return float_generic_minmax(a, b, MINMAX_MAX, true, &FMT, s);            \
}                                                                            \
FloatRelation T##_compare(T a, T b, FloatStatus *s)                          \
{                                                                            \
    return float_generic_compare(a, b, true, &FMT, s);                       \
}                                                                            \
FloatRelation T##_compare_quiet(T a, T b, FloatStatus *s)                    \
{                                                                            \
    return float_generic_compare(a, b, false, &FMT, s);                      \
}

FLOAT_ARITH_WRAPPERS(float16, float16_fmt)
FLOAT_ARITH_WRAPPERS(float32, float32_fmt)
FLOAT_ARITH_WRAPPERS(float64, float64_fmt)
