/*
 * Private to fpu/: one generic engine for all three formats.
 *
 * A format is described by FloatFmt; bit patterns travel as uint64_t.
 * Finite non-zero values are unpacked into FloatParts with the leading
 * significand bit at bit 63: value = frac * 2^(exp - 63). Low bits below
 * the format's precision are zero after unpacking; an operation folds any
 * discarded non-zero bits into bit 0 ("sticky") before rounding.
 */
#ifndef FPU_SOFTFLOAT_INTERNAL_H
#define FPU_SOFTFLOAT_INTERNAL_H

#include "fpu/softfloat.h"

typedef unsigned __int128 uint128;

typedef struct FloatFmt {
    uint8_t exp_bits;
    uint8_t frac_bits;
    bool half;              /* FZ16 / AHP apply */
    int32_t bias;
    uint64_t default_nan;
} FloatFmt;

extern const FloatFmt float16_fmt;
extern const FloatFmt float32_fmt;
extern const FloatFmt float64_fmt;
extern const FloatFmt bfloat16_fmt;

typedef enum FloatClass {
    FLOAT_CLASS_ZERO,
    FLOAT_CLASS_NORMAL,     /* normal or (unflushed) denormal */
    FLOAT_CLASS_INF,
    FLOAT_CLASS_QNAN,
    FLOAT_CLASS_SNAN,
} FloatClass;

typedef struct FloatParts {
    uint64_t frac;
    int32_t exp;
    bool sign;
    uint8_t cls;
} FloatParts;

/* How a value is read and written: arithmetic (FPUnpack/FPRound: FZ16 for
 * half, no AHP) or conversion (FPUnpackCV/FPRoundCV: AHP, no FZ16). */
typedef enum FloatUse {
    FLOAT_USE_ARITH,
    FLOAT_USE_CONVERT,
} FloatUse;

static inline bool float_parts_is_nan(const FloatParts *p)
{
    return p->cls >= FLOAT_CLASS_QNAN;
}

static inline uint64_t float_fmt_sign_bit(const FloatFmt *f)
{
    return 1ull << (f->exp_bits + f->frac_bits);
}

static inline uint64_t float_fmt_zero(const FloatFmt *f, bool sign)
{
    return sign ? float_fmt_sign_bit(f) : 0;
}

static inline uint64_t float_fmt_inf(const FloatFmt *f, bool sign)
{
    return float_fmt_zero(f, sign) |
           (((1ull << f->exp_bits) - 1) << f->frac_bits);
}

static inline uint64_t float_fmt_max_normal(const FloatFmt *f, bool sign)
{
    return float_fmt_inf(f, sign) - 1;
}

static inline void float_raise(FloatStatus *s, int flags)
{
    s->flags |= flags;
}

/* Does FZ (or FZ16) flush values of this format in this use? */
static inline bool float_flushes(const FloatFmt *f, FloatUse use,
                          const FloatStatus *s)
{
    if (f->half) {
        return use == FLOAT_USE_ARITH && s->flush_to_zero_16;
    }
    return s->flush_to_zero;
}

/* FPUnpack (use ARITH) or FPUnpackCV (use CONVERT). Inline: every
 * operation starts here. */
static inline FloatParts float_unpack(uint64_t bits, const FloatFmt *f,
                                      FloatUse use, FloatStatus *s)
{
    int fb = f->frac_bits;
    uint64_t frac = bits & ((1ull << fb) - 1);
    uint32_t expf = (bits >> fb) & ((1u << f->exp_bits) - 1);
    uint32_t exp_max = (1u << f->exp_bits) - 1;
    bool ahp = f->half && use == FLOAT_USE_CONVERT && s->ahp;
    FloatParts p = { .sign = (bits >> (fb + f->exp_bits)) & 1 };

    if (expf == exp_max && !ahp) {
        if (frac == 0) {
            p.cls = FLOAT_CLASS_INF;
        } else if (frac >> (fb - 1)) {
            p.cls = FLOAT_CLASS_QNAN;
        } else {
            p.cls = FLOAT_CLASS_SNAN;
        }
        p.frac = frac;
        return p;
    }
    if (expf == 0) {
        if (frac == 0) {
            p.cls = FLOAT_CLASS_ZERO;
            return p;
        }
        if (float_flushes(f, use, s)) {
            /* FZ16 flushes half inputs without signalling IDC. */
            if (!f->half) {
                float_raise(s, FLOAT_FLAG_INPUT_DENORMAL);
            }
            p.cls = FLOAT_CLASS_ZERO;
            return p;
        }
        int shift = __builtin_clzll(frac);
        p.cls = FLOAT_CLASS_NORMAL;
        p.frac = frac << shift;
        /* frac * 2^(1 - bias - fb) with the leading bit moved to 63. */
        p.exp = 1 - f->bias - fb + 63 - shift;
        return p;
    }
    p.cls = FLOAT_CLASS_NORMAL;
    p.frac = ((1ull << fb) | frac) << (63 - fb);
    p.exp = (int32_t)expf - f->bias;
    return p;
}


/* FPRound: p is a finite non-zero value (leading bit at 63, sticky in bit 0)
 * rounded in mode rm; flushes per FZ/FZ16, raises UFC/OFC/IXC (or IOC for
 * AHP overflow). */
uint64_t float_round_pack(const FloatParts *p, const FloatFmt *f,
                          FloatRoundMode rm, FloatUse use, FloatStatus *s);

/* FPProcessNaN and the two/three operand selections. */
uint64_t float_process_nan(const FloatParts *p, uint64_t bits,
                           const FloatFmt *f, FloatStatus *s);
uint64_t float_process_nans2(const FloatParts *pa, uint64_t a,
                             const FloatParts *pb, uint64_t b,
                             const FloatFmt *f, FloatStatus *s);
uint64_t float_process_nans3(const FloatParts *pa, uint64_t a,
                             const FloatParts *pb, uint64_t b,
                             const FloatParts *pc, uint64_t c,
                             const FloatFmt *f, FloatStatus *s);
uint64_t float_default_nan(const FloatFmt *f, FloatStatus *s);

/* Shift right, ORing anything shifted out into bit 0. */
static inline uint64_t float_shr_jam64(uint64_t v, int n)
{
    if (n <= 0) {
        return v;
    }
    if (n >= 64) {
        return v != 0;
    }
    return (v >> n) | ((v & ((1ull << n) - 1)) != 0);
}

static inline uint128 float_shr_jam128(uint128 v, int n)
{
    if (n <= 0) {
        return v;
    }
    if (n >= 128) {
        return v != 0;
    }
    return (v >> n) | ((v & (((uint128)1 << n) - 1)) != 0);
}

/* Normalise a non-zero 128-bit significand to 64 bits with sticky:
 * value = v * 2^(exp - 127) becomes p->frac * 2^(p->exp - 63). */
void float_parts_from_wide(FloatParts *p, bool sign, int32_t exp, uint128 v);

/* Generic operations on bit patterns (fpu/softfloat-arith.c). */
uint64_t float_generic_addsub(uint64_t a, uint64_t b, bool subtract,
                              const FloatFmt *f, FloatStatus *s);
uint64_t float_generic_mul(uint64_t a, uint64_t b, const FloatFmt *f,
                           FloatStatus *s);
uint64_t float_generic_muladd(uint64_t a, uint64_t b, uint64_t c, int flags,
                              int scale, const FloatFmt *f, FloatStatus *s);

/* Exact a*b + c on unpacked finite operands (no special cases), the sum
 * scaled by 2^scale, then rounded; shared by FMADD, FRECPS and FRSQRTS. */
uint64_t float_parts_muladd(const FloatParts *pa, const FloatParts *pb,
                            const FloatParts *pc, int scale,
                            const FloatFmt *f, FloatStatus *s);

#endif
