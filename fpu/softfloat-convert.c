/*
 * Conversions: FPToFixed (FCVT*S/U), FixedToFP (SCVTF/UCVTF), FPConvert
 * (FCVT between precisions, AHP) and FPRoundInt (FRINT*).
 */
#include "softfloat-internal.h"

/* Split |value| * 2^fbits into an integer part (saturated at 2^64) and a
 * rounding decision; returns the rounded magnitude as 128 bits so that
 * callers can saturate without wrapping. */
static uint128 float_parts_round_int(const FloatParts *p, int fbits,
                                     FloatRoundMode rm, bool *inexact)
{
    int32_t e = p->exp + fbits;     /* value = frac * 2^(e - 63) */
    uint64_t kept, rem, half;
    bool up;

    *inexact = false;
    if (e >= 64) {
        /* At least 2^64: saturates whatever the rounding. */
        return (uint128)1 << 64;
    }
    if (e >= 63) {
        return (uint128)p->frac << (e - 63);
    }
    if (e >= 0) {
        int sh = 63 - e;
        kept = p->frac >> sh;
        rem = p->frac << (64 - sh);     /* fraction, left aligned */
    } else {
        kept = 0;
        rem = e == -1 ? p->frac : (p->frac != 0);   /* below half if e<-1 */
    }
    half = 1ull << 63;
    if (rem == 0) {
        return kept;
    }
    *inexact = true;
    switch (rm) {
    case FLOAT_ROUND_NEAREST_EVEN:
        up = rem > half || (rem == half && (kept & 1));
        break;
    case FLOAT_ROUND_TIES_AWAY:
        up = rem >= half;
        break;
    case FLOAT_ROUND_UP:
        up = !p->sign;
        break;
    case FLOAT_ROUND_DOWN:
        up = p->sign;
        break;
    default:
        up = false;
        break;
    }
    return (uint128)kept + up;
}

/* FPToFixed: the result lies in [min, max] (as a signed 128-bit range). */
static int64_t float_generic_to_int(uint64_t a, const FloatFmt *f,
                                    FloatRoundMode rm, int fbits,
                                    __int128 min, __int128 max,
                                    FloatStatus *s)
{
    FloatParts p = float_unpack(a, f, FLOAT_USE_ARITH, s);
    __int128 v;
    bool inexact = false;

    switch (p.cls) {
    case FLOAT_CLASS_QNAN:
    case FLOAT_CLASS_SNAN:
        float_raise(s, FLOAT_FLAG_INVALID);
        return 0;
    case FLOAT_CLASS_ZERO:
        return 0;
    case FLOAT_CLASS_INF:
        float_raise(s, FLOAT_FLAG_INVALID);
        return p.sign ? (int64_t)min : (int64_t)max;
    default:
        break;
    }
    uint128 mag = float_parts_round_int(&p, fbits, rm, &inexact);
    v = p.sign ? -(__int128)mag : (__int128)mag;
    if (v < min || v > max) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return v < min ? (int64_t)min : (int64_t)max;
    }
    if (inexact) {
        float_raise(s, FLOAT_FLAG_INEXACT);
    }
    return (int64_t)v;
}

/* FixedToFP: (sign, magnitude) / 2^fbits rounded per status. */
static uint64_t float_generic_from_int(bool sign, uint64_t mag, int fbits,
                                       const FloatFmt *f, FloatStatus *s)
{
    FloatParts p;

    if (mag == 0) {
        return 0;
    }
    int lz = __builtin_clzll(mag);
    p.cls = FLOAT_CLASS_NORMAL;
    p.sign = sign;
    p.frac = mag << lz;
    p.exp = 63 - lz - fbits;
    return float_round_pack(&p, f, s->rounding_mode, FLOAT_USE_ARITH, s);
}

static uint64_t float_from_signed(int64_t v, int fbits, const FloatFmt *f,
                                  FloatStatus *s)
{
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    return float_generic_from_int(v < 0, mag, fbits, f, s);
}

#define INT_MIN_OF(bits) (-((__int128)1 << ((bits) - 1)))
#define INT_MAX_OF(bits) (((__int128)1 << ((bits) - 1)) - 1)
#define UINT_MAX_OF(bits) (((__int128)1 << (bits)) - 1)

#define FLOAT_TO_INT_WRAPPERS(T, FMT)                                        \
int32_t T##_to_int32(T a, FloatRoundMode rm, int fbits, FloatStatus *s)      \
{                                                                            \
    return float_generic_to_int(a, &FMT, rm, fbits, INT_MIN_OF(32),          \
                                INT_MAX_OF(32), s);                          \
}                                                                            \
int64_t T##_to_int64(T a, FloatRoundMode rm, int fbits, FloatStatus *s)      \
{                                                                            \
    return float_generic_to_int(a, &FMT, rm, fbits, INT_MIN_OF(64),          \
                                INT_MAX_OF(64), s);                          \
}                                                                            \
uint32_t T##_to_uint32(T a, FloatRoundMode rm, int fbits, FloatStatus *s)    \
{                                                                            \
    return float_generic_to_int(a, &FMT, rm, fbits, 0, UINT_MAX_OF(32), s);  \
}                                                                            \
uint64_t T##_to_uint64(T a, FloatRoundMode rm, int fbits, FloatStatus *s)    \
{                                                                            \
    return float_generic_to_int(a, &FMT, rm, fbits, 0, UINT_MAX_OF(64), s);  \
}                                                                            \
T int32_to_##T(int32_t v, int fbits, FloatStatus *s)                         \
{                                                                            \
    return float_from_signed(v, fbits, &FMT, s);                             \
}                                                                            \
T int64_to_##T(int64_t v, int fbits, FloatStatus *s)                         \
{                                                                            \
    return float_from_signed(v, fbits, &FMT, s);                             \
}                                                                            \
T uint32_to_##T(uint32_t v, int fbits, FloatStatus *s)                       \
{                                                                            \
    return float_generic_from_int(false, v, fbits, &FMT, s);                 \
}                                                                            \
T uint64_to_##T(uint64_t v, int fbits, FloatStatus *s)                       \
{                                                                            \
    return float_generic_from_int(false, v, fbits, &FMT, s);                 \
}

FLOAT_TO_INT_WRAPPERS(float16, float16_fmt)
FLOAT_TO_INT_WRAPPERS(float32, float32_fmt)
FLOAT_TO_INT_WRAPPERS(float64, float64_fmt)

int16_t float16_to_int16(float16 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s)
{
    return float_generic_to_int(a, &float16_fmt, rm, fbits, INT_MIN_OF(16),
                                INT_MAX_OF(16), s);
}

uint16_t float16_to_uint16(float16 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s)
{
    return float_generic_to_int(a, &float16_fmt, rm, fbits, 0,
                                UINT_MAX_OF(16), s);
}

float16 int16_to_float16(int16_t v, int fbits, FloatStatus *s)
{
    return float_from_signed(v, fbits, &float16_fmt, s);
}

float16 uint16_to_float16(uint16_t v, int fbits, FloatStatus *s)
{
    return float_generic_from_int(false, v, fbits, &float16_fmt, s);
}

/* FPConvertNaN: quieten, keep the payload's top bits. */
static uint64_t float_convert_nan(uint64_t a, const FloatFmt *from,
                                  const FloatFmt *to)
{
    uint64_t payload = a & ((1ull << (from->frac_bits - 1)) - 1);
    bool sign = (a >> (from->exp_bits + from->frac_bits)) & 1;

    if (to->frac_bits > from->frac_bits) {
        payload <<= to->frac_bits - from->frac_bits;
    } else {
        payload >>= from->frac_bits - to->frac_bits;
    }
    return float_fmt_inf(to, sign) | (1ull << (to->frac_bits - 1)) | payload;
}

/* FPConvert between two formats. */
static uint64_t float_generic_convert(uint64_t a, const FloatFmt *from,
                                      const FloatFmt *to, FloatStatus *s)
{
    FloatParts p = float_unpack(a, from, FLOAT_USE_CONVERT, s);
    bool alt = to->half && s->ahp;

    switch (p.cls) {
    case FLOAT_CLASS_QNAN:
    case FLOAT_CLASS_SNAN:
        if (p.cls == FLOAT_CLASS_SNAN || alt) {
            float_raise(s, FLOAT_FLAG_INVALID);
        }
        if (alt) {
            return float_fmt_zero(to, p.sign);
        }
        if (s->default_nan) {
            return to->default_nan;
        }
        return float_convert_nan(a, from, to);
    case FLOAT_CLASS_INF:
        if (alt) {
            float_raise(s, FLOAT_FLAG_INVALID);
            return float_fmt_zero(to, p.sign) | 0x7fff;
        }
        return float_fmt_inf(to, p.sign);
    case FLOAT_CLASS_ZERO:
        return float_fmt_zero(to, p.sign);
    default:
        return float_round_pack(&p, to, s->rounding_mode, FLOAT_USE_CONVERT, s);
    }
}

float32 float16_to_float32(float16 a, FloatStatus *s)
{
    return float_generic_convert(a, &float16_fmt, &float32_fmt, s);
}

float64 float16_to_float64(float16 a, FloatStatus *s)
{
    return float_generic_convert(a, &float16_fmt, &float64_fmt, s);
}

float16 float32_to_float16(float32 a, FloatStatus *s)
{
    return float_generic_convert(a, &float32_fmt, &float16_fmt, s);
}

float64 float32_to_float64(float32 a, FloatStatus *s)
{
    return float_generic_convert(a, &float32_fmt, &float64_fmt, s);
}

float16 float64_to_float16(float64 a, FloatStatus *s)
{
    return float_generic_convert(a, &float64_fmt, &float16_fmt, s);
}

float32 float64_to_float32(float64 a, FloatStatus *s)
{
    return float_generic_convert(a, &float64_fmt, &float32_fmt, s);
}

bfloat16 float32_to_bfloat16(float32 a, FloatStatus *s)
{
    return float_generic_convert(a, &float32_fmt, &bfloat16_fmt, s);
}

/* FPRoundInt. */
static uint64_t float_generic_round_to_int(uint64_t a, const FloatFmt *f,
                                           FloatRoundMode rm, bool exact,
                                           FloatStatus *s)
{
    FloatParts p = float_unpack(a, f, FLOAT_USE_ARITH, s);
    bool inexact;

    switch (p.cls) {
    case FLOAT_CLASS_QNAN:
    case FLOAT_CLASS_SNAN:
        return float_process_nan(&p, a, f, s);
    case FLOAT_CLASS_ZERO:
        return float_fmt_zero(f, p.sign);
    case FLOAT_CLASS_INF:
        return a;
    default:
        break;
    }
    if (p.exp >= f->frac_bits) {
        return a;   /* already integral */
    }
    uint64_t mag = float_parts_round_int(&p, 0, rm, &inexact);
    if (inexact && exact) {
        float_raise(s, FLOAT_FLAG_INEXACT);
    }
    if (mag == 0) {
        return float_fmt_zero(f, p.sign);
    }
    /* An integer of at most frac_bits + 1 bits: packing it is exact. */
    return float_generic_from_int(p.sign, mag, 0, f, s);
}

float16 float16_round_to_int(float16 a, FloatRoundMode rm, bool exact,
                             FloatStatus *s)
{
    return float_generic_round_to_int(a, &float16_fmt, rm, exact, s);
}

float32 float32_round_to_int(float32 a, FloatRoundMode rm, bool exact,
                             FloatStatus *s)
{
    return float_generic_round_to_int(a, &float32_fmt, rm, exact, s);
}

float64 float64_round_to_int(float64 a, FloatRoundMode rm, bool exact,
                             FloatStatus *s)
{
    return float_generic_round_to_int(a, &float64_fmt, rm, exact, s);
}

/* FPRoundIntN: -2^(bits-1) as a float of format f. */
static uint64_t float_fmt_int_min(const FloatFmt *f, int bits)
{
    return float_fmt_zero(f, true) |
           ((uint64_t)(f->bias + bits - 1) << f->frac_bits);
}

static uint64_t float_generic_round_to_int_n(uint64_t a, const FloatFmt *f,
                                             FloatRoundMode rm, int bits,
                                             FloatStatus *s)
{
    FloatParts p = float_unpack(a, f, FLOAT_USE_ARITH, s);
    bool inexact;

    switch (p.cls) {
    case FLOAT_CLASS_ZERO:
        return float_fmt_zero(f, p.sign);
    case FLOAT_CLASS_NORMAL:
        break;
    default:
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_fmt_int_min(f, bits);
    }
    uint128 mag = float_parts_round_int(&p, 0, rm, &inexact);
    uint128 limit = (uint128)1 << (bits - 1);
    if (p.sign ? mag > limit : mag >= limit) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_fmt_int_min(f, bits);
    }
    if (inexact) {
        float_raise(s, FLOAT_FLAG_INEXACT);
    }
    if (mag == 0) {
        return float_fmt_zero(f, p.sign);
    }
    if (p.exp >= f->frac_bits) {
        return a;   /* already integral (and in range) */
    }
    return float_generic_from_int(p.sign, (uint64_t)mag, 0, f, s);
}

float32 float32_round_to_int_n(float32 a, FloatRoundMode rm, int bits,
                               FloatStatus *s)
{
    return float_generic_round_to_int_n(a, &float32_fmt, rm, bits, s);
}

float64 float64_round_to_int_n(float64 a, FloatRoundMode rm, int bits,
                               FloatStatus *s)
{
    return float_generic_round_to_int_n(a, &float64_fmt, rm, bits, s);
}

int32_t float64_to_int32_js(float64 a, bool *z, FloatStatus *s)
{
    FloatParts p = float_unpack(a, &float64_fmt, FLOAT_USE_ARITH, s);
    bool inexact;

    switch (p.cls) {
    case FLOAT_CLASS_ZERO:
        /* -0 is not an exact int32 for JavaScript; a flushed denormal is
         * simply zero. */
        *z = !p.sign;
        return 0;
    case FLOAT_CLASS_NORMAL:
        break;
    default:
        float_raise(s, FLOAT_FLAG_INVALID);
        *z = false;
        return 0;
    }
    uint128 mag = float_parts_round_int(&p, 0, FLOAT_ROUND_TO_ZERO,
                                        &inexact);
    uint64_t low = (uint64_t)mag;
    if (p.exp >= 64 + 32) {
        low = 0;            /* every bit of the integer is above bit 31 */
    } else if (p.exp >= 64) {
        low = (uint64_t)(p.frac << (p.exp - 63));
    }
    uint32_t result = (uint32_t)(p.sign ? -low : low);
    if (p.sign ? mag > ((uint128)1 << 31) : mag >= ((uint128)1 << 31)) {
        float_raise(s, FLOAT_FLAG_INVALID);
        *z = false;
    } else if (inexact) {
        float_raise(s, FLOAT_FLAG_INEXACT);
        *z = false;
    } else {
        *z = true;
    }
    return (int32_t)result;
}
