/*
 * ARM-specific operations: FRECPE and FRSQRTE (the 8-bit estimate tables of
 * RecipEstimate / RecipSqrtEstimate), FRECPS and FRSQRTS (fused steps),
 * FRECPX and FMULX.
 */
#include "softfloat-internal.h"

/* Tables generated from the ARM ARM's RecipEstimate and RecipSqrtEstimate
 * (the unit test recomputes every entry from the pseudocode). Entries hold
 * the estimate minus 256, indexed by the input minus 256 (resp. 128). */
static const uint8_t recip_estimate_table[256] = {
    0xff, 0xfd, 0xfb, 0xf9, 0xf7, 0xf5, 0xf3, 0xf1, 0xf0, 0xee, 0xec, 0xea,
    0xe8, 0xe6, 0xe5, 0xe3, 0xe1, 0xdf, 0xdd, 0xdc, 0xda, 0xd8, 0xd7, 0xd5,
    0xd3, 0xd2, 0xd0, 0xce, 0xcd, 0xcb, 0xc9, 0xc8, 0xc6, 0xc5, 0xc3, 0xc2,
    0xc0, 0xbf, 0xbd, 0xbc, 0xba, 0xb9, 0xb7, 0xb6, 0xb4, 0xb3, 0xb1, 0xb0,
    0xae, 0xad, 0xac, 0xaa, 0xa9, 0xa7, 0xa6, 0xa5, 0xa3, 0xa2, 0xa1, 0x9f,
    0x9e, 0x9d, 0x9c, 0x9a, 0x99, 0x98, 0x96, 0x95, 0x94, 0x93, 0x91, 0x90,
    0x8f, 0x8e, 0x8d, 0x8b, 0x8a, 0x89, 0x88, 0x87, 0x86, 0x84, 0x83, 0x82,
    0x81, 0x80, 0x7f, 0x7e, 0x7c, 0x7b, 0x7a, 0x79, 0x78, 0x77, 0x76, 0x75,
    0x74, 0x73, 0x72, 0x71, 0x70, 0x6f, 0x6e, 0x6d, 0x6c, 0x6b, 0x6a, 0x69,
    0x68, 0x67, 0x66, 0x65, 0x64, 0x63, 0x62, 0x61, 0x60, 0x5f, 0x5e, 0x5d,
    0x5c, 0x5b, 0x5a, 0x59, 0x58, 0x58, 0x57, 0x56, 0x55, 0x54, 0x53, 0x52,
    0x51, 0x51, 0x50, 0x4f, 0x4e, 0x4d, 0x4c, 0x4b, 0x4b, 0x4a, 0x49, 0x48,
    0x47, 0x46, 0x46, 0x45, 0x44, 0x43, 0x42, 0x42, 0x41, 0x40, 0x3f, 0x3f,
    0x3e, 0x3d, 0x3c, 0x3b, 0x3b, 0x3a, 0x39, 0x38, 0x38, 0x37, 0x36, 0x35,
    0x35, 0x34, 0x33, 0x33, 0x32, 0x31, 0x30, 0x30, 0x2f, 0x2e, 0x2e, 0x2d,
    0x2c, 0x2c, 0x2b, 0x2a, 0x2a, 0x29, 0x28, 0x28, 0x27, 0x26, 0x26, 0x25,
    0x24, 0x24, 0x23, 0x22, 0x22, 0x21, 0x20, 0x20, 0x1f, 0x1e, 0x1e, 0x1d,
    0x1d, 0x1c, 0x1b, 0x1b, 0x1a, 0x1a, 0x19, 0x18, 0x18, 0x17, 0x17, 0x16,
    0x15, 0x15, 0x14, 0x14, 0x13, 0x12, 0x12, 0x11, 0x11, 0x10, 0x10, 0x0f,
    0x0f, 0x0e, 0x0d, 0x0d, 0x0c, 0x0c, 0x0b, 0x0b, 0x0a, 0x0a, 0x09, 0x09,
    0x08, 0x07, 0x07, 0x06, 0x06, 0x05, 0x05, 0x04, 0x04, 0x03, 0x03, 0x02,
    0x02, 0x01, 0x01, 0x00,
};
static const uint8_t rsqrt_estimate_table[384] = {
    0xff, 0xfd, 0xfb, 0xf9, 0xf7, 0xf5, 0xf3, 0xf2, 0xf0, 0xee, 0xec, 0xea,
    0xe9, 0xe7, 0xe5, 0xe4, 0xe2, 0xe0, 0xdf, 0xdd, 0xdb, 0xda, 0xd8, 0xd7,
    0xd5, 0xd4, 0xd2, 0xd1, 0xcf, 0xce, 0xcc, 0xcb, 0xc9, 0xc8, 0xc6, 0xc5,
    0xc4, 0xc2, 0xc1, 0xc0, 0xbe, 0xbd, 0xbc, 0xba, 0xb9, 0xb8, 0xb7, 0xb5,
    0xb4, 0xb3, 0xb2, 0xb0, 0xaf, 0xae, 0xad, 0xac, 0xaa, 0xa9, 0xa8, 0xa7,
    0xa6, 0xa5, 0xa4, 0xa3, 0xa2, 0xa0, 0x9f, 0x9e, 0x9d, 0x9c, 0x9b, 0x9a,
    0x99, 0x98, 0x97, 0x96, 0x95, 0x94, 0x93, 0x92, 0x91, 0x90, 0x8f, 0x8e,
    0x8d, 0x8c, 0x8c, 0x8b, 0x8a, 0x89, 0x88, 0x87, 0x86, 0x85, 0x84, 0x83,
    0x83, 0x82, 0x81, 0x80, 0x7f, 0x7e, 0x7e, 0x7d, 0x7c, 0x7b, 0x7a, 0x79,
    0x79, 0x78, 0x77, 0x76, 0x76, 0x75, 0x74, 0x73, 0x72, 0x72, 0x71, 0x70,
    0x6f, 0x6f, 0x6e, 0x6d, 0x6d, 0x6c, 0x6b, 0x6a, 0x69, 0x69, 0x68, 0x68,
    0x67, 0x67, 0x65, 0x65, 0x64, 0x64, 0x63, 0x63, 0x61, 0x61, 0x60, 0x60,
    0x5f, 0x5f, 0x5d, 0x5d, 0x5c, 0x5c, 0x5b, 0x5b, 0x5a, 0x5a, 0x58, 0x58,
    0x57, 0x57, 0x56, 0x56, 0x55, 0x55, 0x54, 0x54, 0x52, 0x52, 0x51, 0x51,
    0x50, 0x50, 0x4f, 0x4f, 0x4e, 0x4e, 0x4d, 0x4d, 0x4c, 0x4c, 0x4b, 0x4b,
    0x4a, 0x4a, 0x48, 0x48, 0x47, 0x47, 0x46, 0x46, 0x45, 0x45, 0x44, 0x44,
    0x43, 0x43, 0x42, 0x42, 0x41, 0x41, 0x40, 0x40, 0x3f, 0x3f, 0x3e, 0x3e,
    0x3d, 0x3d, 0x3c, 0x3c, 0x3c, 0x3c, 0x3b, 0x3b, 0x3a, 0x3a, 0x39, 0x39,
    0x38, 0x38, 0x37, 0x37, 0x36, 0x36, 0x35, 0x35, 0x34, 0x34, 0x33, 0x33,
    0x33, 0x33, 0x32, 0x32, 0x31, 0x31, 0x30, 0x30, 0x2f, 0x2f, 0x2e, 0x2e,
    0x2e, 0x2e, 0x2d, 0x2d, 0x2c, 0x2c, 0x2b, 0x2b, 0x2a, 0x2a, 0x2a, 0x2a,
    0x29, 0x29, 0x28, 0x28, 0x27, 0x27, 0x26, 0x26, 0x26, 0x26, 0x25, 0x25,
    0x24, 0x24, 0x23, 0x23, 0x23, 0x23, 0x22, 0x22, 0x21, 0x21, 0x21, 0x21,
    0x20, 0x20, 0x1f, 0x1f, 0x1e, 0x1e, 0x1e, 0x1e, 0x1d, 0x1d, 0x1c, 0x1c,
    0x1c, 0x1c, 0x1b, 0x1b, 0x1a, 0x1a, 0x1a, 0x1a, 0x19, 0x19, 0x18, 0x18,
    0x18, 0x18, 0x17, 0x17, 0x16, 0x16, 0x16, 0x16, 0x15, 0x15, 0x14, 0x14,
    0x14, 0x14, 0x13, 0x13, 0x13, 0x13, 0x12, 0x12, 0x11, 0x11, 0x11, 0x11,
    0x10, 0x10, 0x10, 0x10, 0x0f, 0x0f, 0x0e, 0x0e, 0x0e, 0x0e, 0x0d, 0x0d,
    0x0d, 0x0d, 0x0c, 0x0c, 0x0b, 0x0b, 0x0b, 0x0b, 0x0a, 0x0a, 0x0a, 0x0a,
    0x09, 0x09, 0x09, 0x09, 0x08, 0x08, 0x08, 0x08, 0x07, 0x07, 0x06, 0x06,
    0x06, 0x06, 0x05, 0x05, 0x05, 0x05, 0x04, 0x04, 0x04, 0x04, 0x03, 0x03,
    0x03, 0x03, 0x02, 0x02, 0x02, 0x02, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00,
};

int float_recip_estimate_table(int a)
{
    return 256 + recip_estimate_table[a - 256];
}

int float_rsqrt_estimate_table(int a)
{
    return 256 + rsqrt_estimate_table[a - 128];
}

uint32_t float_unsigned_recip_estimate(uint32_t a)
{
    if (!(a >> 31)) {
        return UINT32_MAX;
    }
    return (uint32_t)float_recip_estimate_table(a >> 23) << 23;
}

uint32_t float_unsigned_rsqrt_estimate(uint32_t a)
{
    if (!(a >> 30)) {
        return UINT32_MAX;
    }
    return (uint32_t)float_rsqrt_estimate_table(a >> 23) << 23;
}

/* sign * (1 + top/2) * 2^exp as a bit pattern. */
static uint64_t float_fmt_make(const FloatFmt *f, bool sign, int exp,
                               bool half_frac)
{
    return float_fmt_zero(f, sign) |
           ((uint64_t)(exp + f->bias) << f->frac_bits) |
           ((uint64_t)half_frac << (f->frac_bits - 1));
}

static uint64_t float_generic_recip_estimate(uint64_t a, const FloatFmt *f,
                                             FloatStatus *s)
{
    FloatParts p = float_unpack(a, f, FLOAT_USE_ARITH, s);
    int fb = f->frac_bits;
    const uint64_t mask52 = (1ull << 52) - 1;

    switch (p.cls) {
    case FLOAT_CLASS_QNAN:
    case FLOAT_CLASS_SNAN:
        return float_process_nan(&p, a, f, s);
    case FLOAT_CLASS_INF:
        return float_fmt_zero(f, p.sign);
    case FLOAT_CLASS_ZERO:
        float_raise(s, FLOAT_FLAG_DIVBYZERO);
        return float_fmt_inf(f, p.sign);
    default:
        break;
    }
    if (p.exp < -(f->bias + 1)) {
        /* The reciprocal overflows. */
        bool to_inf;
        switch (s->rounding_mode) {
        case FLOAT_ROUND_UP:
            to_inf = !p.sign;
            break;
        case FLOAT_ROUND_DOWN:
            to_inf = p.sign;
            break;
        case FLOAT_ROUND_TO_ZERO:
            to_inf = false;
            break;
        default:
            to_inf = true;
            break;
        }
        float_raise(s, FLOAT_FLAG_OVERFLOW | FLOAT_FLAG_INEXACT);
        return to_inf ? float_fmt_inf(f, p.sign)
                      : float_fmt_max_normal(f, p.sign);
    }
    if (p.exp >= f->bias - 1 &&
        (f->half ? s->flush_to_zero_16 : s->flush_to_zero)) {
        /* The reciprocal would be denormal: flushed, Underflow only. */
        float_raise(s, FLOAT_FLAG_UNDERFLOW);
        return float_fmt_zero(f, p.sign);
    }
    uint64_t frac = (a & ((1ull << fb) - 1)) << (52 - fb);
    int exp = (a >> fb) & ((1 << f->exp_bits) - 1);
    if (exp == 0) {
        if (!(frac >> 51)) {
            exp = -1;
            frac = (frac << 2) & mask52;
        } else {
            frac = (frac << 1) & mask52;
        }
    }
    int estimate = float_recip_estimate_table(256 | (int)(frac >> 44));
    int result_exp = 2 * f->bias - 1 - exp;
    frac = (uint64_t)(estimate & 0xff) << 44;
    if (result_exp == 0) {
        frac = (1ull << 51) | (frac >> 1);
    } else if (result_exp == -1) {
        frac = (1ull << 50) | (frac >> 2);
        result_exp = 0;
    }
    return float_fmt_zero(f, p.sign) | ((uint64_t)result_exp << fb) |
           (frac >> (52 - fb));
}

static uint64_t float_generic_rsqrt_estimate(uint64_t a, const FloatFmt *f,
                                             FloatStatus *s)
{
    FloatParts p = float_unpack(a, f, FLOAT_USE_ARITH, s);
    int fb = f->frac_bits;
    const uint64_t mask52 = (1ull << 52) - 1;
    int scaled;

    switch (p.cls) {
    case FLOAT_CLASS_QNAN:
    case FLOAT_CLASS_SNAN:
        return float_process_nan(&p, a, f, s);
    case FLOAT_CLASS_ZERO:
        float_raise(s, FLOAT_FLAG_DIVBYZERO);
        return float_fmt_inf(f, p.sign);
    default:
        break;
    }
    if (p.sign) {
        float_raise(s, FLOAT_FLAG_INVALID);
        return float_default_nan(f, s);
    }
    if (p.cls == FLOAT_CLASS_INF) {
        return 0;
    }
    uint64_t frac = (a & ((1ull << fb) - 1)) << (52 - fb);
    int exp = (a >> fb) & ((1 << f->exp_bits) - 1);
    if (exp == 0) {
        while (!(frac >> 51)) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & mask52;
    }
    if (!(exp & 1)) {
        scaled = 256 | (int)(frac >> 44);
    } else {
        scaled = 128 | (int)(frac >> 45);
    }
    int result_exp = (3 * f->bias - 1 - exp) / 2;
    int estimate = float_rsqrt_estimate_table(scaled);
    return ((uint64_t)result_exp << fb) |
           ((uint64_t)(estimate & 0xff) << (fb - 8));
}

static uint64_t float_generic_recpx(uint64_t a, const FloatFmt *f,
                                    FloatStatus *s)
{
    FloatParts p = float_unpack(a, f, FLOAT_USE_ARITH, s);
    uint64_t emask = (1ull << f->exp_bits) - 1;
    uint64_t exp = (a >> f->frac_bits) & emask;

    if (float_parts_is_nan(&p)) {
        return float_process_nan(&p, a, f, s);
    }
    if (exp == 0) {
        exp = emask - 1;
    } else {
        exp = ~exp & emask;
    }
    return float_fmt_zero(f, p.sign) | (exp << f->frac_bits);
}

static bool float_parts_inf_zero(const FloatParts *a, const FloatParts *b)
{
    return (a->cls == FLOAT_CLASS_INF && b->cls == FLOAT_CLASS_ZERO) ||
           (a->cls == FLOAT_CLASS_ZERO && b->cls == FLOAT_CLASS_INF);
}

static uint64_t float_generic_mulx(uint64_t a, uint64_t b, const FloatFmt *f,
                                   FloatStatus *s)
{
    FloatStatus probe = *s;
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, &probe);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, &probe);

    if (!float_parts_is_nan(&pa) && !float_parts_is_nan(&pb) &&
        float_parts_inf_zero(&pa, &pb)) {
        s->flags = probe.flags;
        return float_fmt_make(f, pa.sign ^ pb.sign, 1, false);
    }
    return float_generic_mul(a, b, f, s);
}

/* FPRecipStepFused (c = 2, scale 0) and FPRSqrtStepFused (c = 3, scale -1):
 * -a * b + c rounded once; 0 * inf gives special. */
static uint64_t float_generic_step(uint64_t a, uint64_t b, int c_exp,
                                   bool c_half_frac, int scale,
                                   uint64_t special, const FloatFmt *f,
                                   FloatStatus *s)
{
    a ^= float_fmt_sign_bit(f);
    FloatParts pa = float_unpack(a, f, FLOAT_USE_ARITH, s);
    FloatParts pb = float_unpack(b, f, FLOAT_USE_ARITH, s);

    if (float_parts_is_nan(&pa) || float_parts_is_nan(&pb)) {
        return float_process_nans2(&pa, a, &pb, b, f, s);
    }
    if (float_parts_inf_zero(&pa, &pb)) {
        return special;
    }
    if (pa.cls == FLOAT_CLASS_INF || pb.cls == FLOAT_CLASS_INF) {
        return float_fmt_inf(f, pa.sign ^ pb.sign);
    }
    FloatStatus dummy = { 0 };
    FloatParts pc = float_unpack(float_fmt_make(f, false, c_exp, c_half_frac),
                                 f, FLOAT_USE_ARITH, &dummy);
    return float_parts_muladd(&pa, &pb, &pc, scale, f, s);
}

static uint64_t float_generic_recps(uint64_t a, uint64_t b, const FloatFmt *f,
                                    FloatStatus *s)
{
    return float_generic_step(a, b, 1, false, 0,
                              float_fmt_make(f, false, 1, false), f, s);
}

static uint64_t float_generic_rsqrts(uint64_t a, uint64_t b,
                                     const FloatFmt *f, FloatStatus *s)
{
    return float_generic_step(a, b, 1, true, -1,
                              float_fmt_make(f, false, 0, true), f, s);
}

#define FLOAT_ARM_WRAPPERS(T, FMT)                                           \
T T##_recip_estimate(T a, FloatStatus *s)                                    \
{                                                                            \
    return float_generic_recip_estimate(a, &FMT, s);                         \
}                                                                            \
T T##_rsqrt_estimate(T a, FloatStatus *s)                                    \
{                                                                            \
    return float_generic_rsqrt_estimate(a, &FMT, s);                         \
}                                                                            \
T T##_recps(T a, T b, FloatStatus *s)                                        \
{                                                                            \
    return float_generic_recps(a, b, &FMT, s);                               \
}                                                                            \
T T##_rsqrts(T a, T b, FloatStatus *s)                                       \
{                                                                            \
    return float_generic_rsqrts(a, b, &FMT, s);                              \
}                                                                            \
T T##_recpx(T a, FloatStatus *s)                                             \
{                                                                            \
    return float_generic_recpx(a, &FMT, s);                                  \
}                                                                            \
T T##_mulx(T a, T b, FloatStatus *s)                                         \
{                                                                            \
    return float_generic_mulx(a, b, &FMT, s);                                \
}

FLOAT_ARM_WRAPPERS(float16, float16_fmt)
FLOAT_ARM_WRAPPERS(float32, float32_fmt)
FLOAT_ARM_WRAPPERS(float64, float64_fmt)
