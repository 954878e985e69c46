/*
 * fp-common.h: what the fp-*.c programs share: the special values they
 * feed every operation (the first FP_FEW are also used under every FPCR
 * mode), the FPCR modes, and FPSR handling.
 */
#ifndef FP_COMMON_H
#define FP_COMMON_H

#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define FP_FEW 7

static const uint32_t sval[] = {
    0x80000000, /* -0 */
    0x7f800000, /* +inf */
    0x7fc00001, /* qNaN, payload 1 */
    0xff800005, /* -sNaN, payload 5 */
    0x00000003, /* tiny denormal */
    0x3f800001, /* 1 + ulp */
    0xc0200000, /* -2.5 */
    0x00000000, /* +0 */
    0xff800000, /* -inf */
    0x807fffff, /* -max denormal */
    0x00800000, /* min normal */
    0x7f7fffff, /* max normal */
    0x3eaaaaab, /* 1/3 */
    0x1e000001, /* small: products underflow */
};

static const uint64_t dval[] = {
    0x8000000000000000ull, /* -0 */
    0x7ff0000000000000ull, /* +inf */
    0x7ff8000000000001ull, /* qNaN, payload 1 */
    0xfff0000000000005ull, /* -sNaN, payload 5 */
    0x0000000000000003ull, /* tiny denormal */
    0x3ff0000000000001ull, /* 1 + ulp */
    0xc004000000000000ull, /* -2.5 */
    0x0000000000000000ull, /* +0 */
    0xfff0000000000000ull, /* -inf */
    0x800fffffffffffffull, /* -max denormal */
    0x0010000000000000ull, /* min normal */
    0x7fefffffffffffffull, /* max normal */
    0x3fd5555555555555ull, /* 1/3 */
    0x1e00000000000001ull, /* small: products underflow */
};

/* FPCR: RN, RP, RM, RZ, FZ, DN, FZ+DN+RP. */
static const uint64_t fp_modes[] = {
    0, 1u << 22, 2u << 22, 3u << 22, 1u << 24, 1u << 25,
    (1u << 24) | (1u << 25) | (1u << 22),
};
static const char *const fp_mode_names[] = {
    "rn", "rp", "rm", "rz", "fz", "dn", "fzdnrp",
};

static inline void fp_begin(uint64_t fpcr)
{
    __asm__ volatile("msr fpcr, %0\n\tmsr fpsr, xzr" : : "r"(fpcr));
}

static inline unsigned fp_flags(void)
{
    uint64_t v;

    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return (unsigned)v;
}

#endif
