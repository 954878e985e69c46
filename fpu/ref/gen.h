/*
 * Inputs for the QEMU comparison (see ops.def): one deterministic sequence,
 * built with no library so that the bare-metal program and the unit test
 * produce the very same operands, and a hash of each operation's results.
 */
#ifndef FPU_REF_GEN_H
#define FPU_REF_GEN_H

#include <stdint.h>

/* FPCR values under test: rounding modes, FZ, DN, FZ16, AHP. */
static const uint32_t ref_fpcr[] = {
    0, 1u << 22, 2u << 22, 3u << 22,
    1u << 24, 1u << 25, (1u << 24) | (1u << 25) | (2u << 22),
    (1u << 19) | (1u << 26),
    (1u << 19) | (1u << 24) | (3u << 22) | (1u << 26) | (1u << 25),
    (1u << 19) | (1u << 22),
};
#define REF_NFPCR (sizeof(ref_fpcr) / sizeof(ref_fpcr[0]))
#ifndef REF_CASES
#define REF_CASES 1000
#endif

typedef struct RefRng {
    uint64_t state;
} RefRng;

static inline uint64_t ref_rng(RefRng *r)
{
    uint64_t x = r->state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->state = x;
    return x * 0x2545f4914f6cdd1dull;
}

static inline int ref_range(RefRng *r, int lo, int hi)
{
    return lo + (int)(ref_rng(r) % (uint64_t)(hi - lo));
}

/* A float of ebits/fbits, biased towards specials, denormals, both ends of
 * the exponent range, integers and halfway points, and values near 1. */
static inline uint64_t ref_operand(RefRng *r, int ebits, int fbits)
{
    uint64_t fmask = (1ull << fbits) - 1, emax = (1ull << ebits) - 1;
    uint64_t bias = emax >> 1;
    uint64_t frac = ref_rng(r) & fmask;
    uint64_t sign = (ref_rng(r) & 1) ? 1ull << (ebits + fbits) : 0;
    uint64_t exp;

    switch (ref_range(r, 0, 16)) {
    case 0:
        exp = (ref_rng(r) & 1) ? 0 : emax;
        frac = ref_range(r, 0, 3) == 0 ? 0 : frac;
        break;
    case 1:
    case 2:
        exp = 0;
        break;
    case 3:
        exp = ref_range(r, 1, 3);
        break;
    case 4:
        exp = emax - ref_range(r, 1, 3);
        break;
    case 5:
        frac &= ~(fmask >> ref_range(r, 1, 6));
        exp = bias + ref_range(r, -4, 5);
        break;
    case 6:
    case 7:
        exp = ref_range(r, 1, (int)emax);
        break;
    case 8:
        exp = bias / 2 + ref_range(r, -8, 8);
        break;
    case 9:
        exp = bias + fbits + ref_range(r, -3, 3);
        break;
    case 10:
        exp = bias + ref_range(r, 28, 66);
        if (exp >= emax) {
            exp = emax - 1;
        }
        break;
    default:
        exp = bias + ref_range(r, -3, 4);
        break;
    }
    return sign | (exp << fbits) | frac;
}

static inline uint64_t ref_int(RefRng *r)
{
    uint64_t v = ref_rng(r);
    return (uint64_t)((int64_t)v >> ref_range(r, 0, 64));
}

/* FNV-1a over the result's 8 bytes and the FPSR flags byte. */
static inline uint64_t ref_hash(uint64_t h, uint64_t result, uint32_t flags)
{
    for (int i = 0; i < 9; i++) {
        h ^= i < 8 ? (result >> (8 * i)) & 0xff : flags & 0xff;
        h *= 0x100000001b3ull;
    }
    return h;
}

#define REF_HASH_INIT 0xcbf29ce484222325ull

/* Each operation draws from its own sequence, seeded by its name, so that
 * adding a line to ops.def leaves the other hashes alone. */
static inline RefRng ref_seed(const char *name)
{
    RefRng r = { REF_HASH_INIT };
    while (*name) {
        r.state = ref_hash(r.state, (uint8_t)*name++, 0);
    }
    return r;
}

#define REF_S_E 8
#define REF_S_F 23
#define REF_D_E 11
#define REF_D_F 52
#define REF_H_E 5
#define REF_H_F 10

#endif
