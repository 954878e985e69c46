/*
 * Softfloat core: formats, unpacking (FPUnpack), rounding (FPRound) and NaN
 * selection (FPProcessNaN*), per the ARM ARM pseudocode. The operations in
 * softfloat-arith.c, softfloat-convert.c and softfloat-arm.c build on these.
 */
#include "softfloat-internal.h"

const FloatFmt float16_fmt = {
    .exp_bits = 5, .frac_bits = 10, .half = true, .bias = 15,
    .default_nan = FLOAT16_DEFAULT_NAN,
};
const FloatFmt float32_fmt = {
    .exp_bits = 8, .frac_bits = 23, .bias = 127,
    .default_nan = FLOAT32_DEFAULT_NAN,
};
const FloatFmt bfloat16_fmt = {
    .exp_bits = 8, .frac_bits = 7, .bias = 127,
    .default_nan = BFLOAT16_DEFAULT_NAN,
};
const FloatFmt float64_fmt = {
    .exp_bits = 11, .frac_bits = 52, .bias = 1023,
    .default_nan = FLOAT64_DEFAULT_NAN,
};

void float_status_set_fpcr(FloatStatus *s, uint32_t fpcr)
{
    s->rounding_mode = (fpcr >> FPCR_RMODE_SHIFT) & 3;
    s->flush_to_zero = (fpcr >> FPCR_FZ_SHIFT) & 1;
    s->flush_to_zero_16 = (fpcr >> FPCR_FZ16_SHIFT) & 1;
    s->default_nan = (fpcr >> FPCR_DN_SHIFT) & 1;
    s->ahp = (fpcr >> FPCR_AHP_SHIFT) & 1;
}

uint32_t float_relation_to_nzcv(FloatRelation r)
{
    switch (r) {
    case FLOAT_RELATION_LESS:
        return 0x8;
    case FLOAT_RELATION_EQUAL:
        return 0x6;
    case FLOAT_RELATION_GREATER:
        return 0x2;
    default:
        return 0x3;
    }
}

/* Where the discarded part lies relative to half an ulp. */
typedef enum { REM_ZERO, REM_BELOW_HALF, REM_HALF, REM_ABOVE_HALF } RemClass;

static RemClass float_classify_rem(uint64_t frac, int shift, uint64_t *kept)
{
    if (shift >= 65) {
        *kept = 0;
        return frac ? REM_BELOW_HALF : REM_ZERO;
    }
    uint64_t rem, half;
    if (shift == 64) {
        *kept = 0;
        rem = frac;
        half = 1ull << 63;
    } else {
        *kept = frac >> shift;
        rem = frac & ((1ull << shift) - 1);
        half = 1ull << (shift - 1);
    }
    if (rem == 0) {
        return REM_ZERO;
    }
    return rem < half ? REM_BELOW_HALF : rem == half ? REM_HALF
                                                      : REM_ABOVE_HALF;
}

static bool float_round_up(FloatRoundMode rm, bool sign, bool odd,
                           RemClass rc)
{
    if (rc == REM_ZERO) {
        return false;
    }
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
        return rc == REM_ABOVE_HALF || (rc == REM_HALF && odd);
    case FLOAT_ROUND_TIES_AWAY:
        return rc >= REM_HALF;
    case FLOAT_ROUND_UP:
        return !sign;
    case FLOAT_ROUND_DOWN:
        return sign;
    default:
        return false;
    }
}

static bool float_overflow_to_inf(FloatRoundMode rm, bool sign)
{
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
    case FLOAT_ROUND_TIES_AWAY:
        return true;
    case FLOAT_ROUND_UP:
        return !sign;
    case FLOAT_ROUND_DOWN:
        return sign;
    default:
        return false;
    }
}

uint64_t float_round_pack(const FloatParts *p, const FloatFmt *f,
                          FloatRoundMode rm, FloatUse use, FloatStatus *s)
{
    int fb = f->frac_bits;
    int32_t min_exp = 1 - f->bias;
    uint64_t sign = float_fmt_zero(f, p->sign);
    uint64_t kept;
    int64_t biased;
    int shift;

    if (p->exp < min_exp) {
        if (float_flushes(f, use, s)) {
            /* Flushing never raises Inexact, only Underflow. */
            float_raise(s, FLOAT_FLAG_UNDERFLOW);
            return sign;
        }
        biased = 0;
        shift = 63 - fb + (min_exp - p->exp);
    } else {
        biased = (int64_t)p->exp - min_exp + 1;
        shift = 63 - fb;
    }
    RemClass rc = float_classify_rem(p->frac, shift, &kept);
    if (biased == 0 && rc != REM_ZERO) {
        float_raise(s, FLOAT_FLAG_UNDERFLOW);
    }
    if (float_round_up(rm, p->sign, kept & 1, rc)) {
        kept++;
    }
    if (rm == FLOAT_ROUND_TO_ODD && rc != REM_ZERO) {
        kept |= 1;
    }
    /* kept holds the leading bit (bit fb) for normals, so adding it to the
     * exponent field minus one carries a rounding overflow naturally; a
     * denormal that rounds up to 2^fb becomes the smallest normal. */
    int64_t exp_max = (1 << f->exp_bits) - 1;
    bool alt_half = f->half && use == FLOAT_USE_CONVERT && s->ahp;
    if (biased > exp_max + 1) {
        biased = exp_max + 1;
    }
    uint64_t mag = ((uint64_t)(biased > 0 ? biased - 1 : 0) << fb) + kept;
    int64_t final_exp = mag >> fb;

    if (alt_half) {
        if (final_exp > exp_max) {
            float_raise(s, FLOAT_FLAG_INVALID);
            return sign | 0x7fff;
        }
    } else if (final_exp >= exp_max) {
        float_raise(s, FLOAT_FLAG_OVERFLOW | FLOAT_FLAG_INEXACT);
        if (float_overflow_to_inf(rm, p->sign)) {
            return float_fmt_inf(f, p->sign);
        }
        return float_fmt_max_normal(f, p->sign);
    }
    if (rc != REM_ZERO) {
        float_raise(s, FLOAT_FLAG_INEXACT);
    }
    return sign | mag;
}

uint64_t float_default_nan(const FloatFmt *f, FloatStatus *s)
{
    return f->default_nan;
}

uint64_t float_process_nan(const FloatParts *p, uint64_t bits,
                           const FloatFmt *f, FloatStatus *s)
{
    if (p->cls == FLOAT_CLASS_SNAN) {
        float_raise(s, FLOAT_FLAG_INVALID);
    }
    if (s->default_nan) {
        return f->default_nan;
    }
    return bits | (1ull << (f->frac_bits - 1));
}

uint64_t float_process_nans2(const FloatParts *pa, uint64_t a,
                             const FloatParts *pb, uint64_t b,
                             const FloatFmt *f, FloatStatus *s)
{
    if (pa->cls == FLOAT_CLASS_SNAN) {
        return float_process_nan(pa, a, f, s);
    }
    if (pb->cls == FLOAT_CLASS_SNAN) {
        return float_process_nan(pb, b, f, s);
    }
    if (pa->cls == FLOAT_CLASS_QNAN) {
        return float_process_nan(pa, a, f, s);
    }
    return float_process_nan(pb, b, f, s);
}

uint64_t float_process_nans3(const FloatParts *pa, uint64_t a,
                             const FloatParts *pb, uint64_t b,
                             const FloatParts *pc, uint64_t c,
                             const FloatFmt *f, FloatStatus *s)
{
    if (pa->cls == FLOAT_CLASS_SNAN) {
        return float_process_nan(pa, a, f, s);
    }
    if (pb->cls == FLOAT_CLASS_SNAN) {
        return float_process_nan(pb, b, f, s);
    }
    if (pc->cls == FLOAT_CLASS_SNAN) {
        return float_process_nan(pc, c, f, s);
    }
    if (pa->cls == FLOAT_CLASS_QNAN) {
        return float_process_nan(pa, a, f, s);
    }
    if (pb->cls == FLOAT_CLASS_QNAN) {
        return float_process_nan(pb, b, f, s);
    }
    return float_process_nan(pc, c, f, s);
}

void float_parts_from_wide(FloatParts *p, bool sign, int32_t exp, uint128 v)
{
    int lz = v >> 64 ? __builtin_clzll((uint64_t)(v >> 64))
                     : 64 + __builtin_clzll((uint64_t)v);
    v <<= lz;
    p->cls = FLOAT_CLASS_NORMAL;
    p->sign = sign;
    p->exp = exp - lz;
    p->frac = (uint64_t)(v >> 64) | ((uint64_t)v != 0);
}
