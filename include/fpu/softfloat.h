/*
 * Software floating point with ARMv8 rules (the A64 FP/SIMD helpers call it).
 *
 * Values are plain bit patterns (float16/float32/float64). Every operation
 * follows the ARM ARM pseudocode (FPUnpack, FPRound, FPProcessNaNs, ...):
 * tininess is detected before rounding, FZ/FZ16 flush denormal inputs and
 * tiny outputs, DN replaces NaN results by the default NaN, otherwise the
 * first signalling NaN (quieted) wins over the first quiet NaN in operand
 * order. Exception flags are sticky: they are ORed into FloatStatus.flags,
 * whose bit positions equal FPSR's low bits so the CPU can OR them in as is.
 *
 * Nothing here allocates, locks or touches the host FPU environment.
 */
#ifndef FPU_SOFTFLOAT_H
#define FPU_SOFTFLOAT_H

#include <stdbool.h>
#include <stdint.h>

typedef uint16_t float16;
typedef uint32_t float32;
typedef uint64_t float64;
typedef uint16_t bfloat16;  /* the top half of a float32 */

/* Values 0..3 equal the FPCR.RMode encoding (RN, RP, RM, RZ). */
typedef enum FloatRoundMode {
    FLOAT_ROUND_NEAREST_EVEN = 0,
    FLOAT_ROUND_UP = 1,            /* towards +infinity */
    FLOAT_ROUND_DOWN = 2,          /* towards -infinity */
    FLOAT_ROUND_TO_ZERO = 3,
    FLOAT_ROUND_TIES_AWAY = 4,     /* FCVTA*, FRINTA */
    FLOAT_ROUND_TO_ODD = 5,        /* FCVTXN */
} FloatRoundMode;

/* Exception flags: same bit positions as FPSR (and FPCR's trap enables). */
enum {
    FLOAT_FLAG_INVALID = 1 << 0,          /* IOC */
    FLOAT_FLAG_DIVBYZERO = 1 << 1,        /* DZC */
    FLOAT_FLAG_OVERFLOW = 1 << 2,         /* OFC */
    FLOAT_FLAG_UNDERFLOW = 1 << 3,        /* UFC */
    FLOAT_FLAG_INEXACT = 1 << 4,          /* IXC */
    FLOAT_FLAG_INPUT_DENORMAL = 1 << 7,   /* IDC */
};

typedef struct FloatStatus {
    uint8_t rounding_mode;      /* FloatRoundMode */
    bool flush_to_zero;         /* FPCR.FZ: single and double */
    bool flush_to_zero_16;      /* FPCR.FZ16: half precision arithmetic */
    bool default_nan;           /* FPCR.DN */
    bool ahp;                   /* FPCR.AHP: alternative half precision */
    uint8_t flags;              /* sticky FLOAT_FLAG_* */
} FloatStatus;

/* FPCR bit positions read by float_status_set_fpcr(). */
#define FPCR_AHP_SHIFT   26
#define FPCR_DN_SHIFT    25
#define FPCR_FZ_SHIFT    24
#define FPCR_RMODE_SHIFT 22
#define FPCR_FZ16_SHIFT  19

/* Load mode bits from an FPCR value; flags are left alone. */
void float_status_set_fpcr(FloatStatus *s, uint32_t fpcr);

typedef enum FloatRelation {
    FLOAT_RELATION_LESS = -1,
    FLOAT_RELATION_EQUAL = 0,
    FLOAT_RELATION_GREATER = 1,
    FLOAT_RELATION_UNORDERED = 2,
} FloatRelation;

/* The NZCV nibble FCMP/FCMPE set (N in bit 3 ... V in bit 0). */
uint32_t float_relation_to_nzcv(FloatRelation r);

/* muladd flags: negate an input the way ARM's FPNeg does before FPMulAdd,
 * so a negated NaN input comes out with its sign flipped.
 *   FMADD  d = a + n*m   muladd(n, m, a, 0)
 *   FMSUB  d = a - n*m   muladd(n, m, a, FLOAT_MULADD_NEGATE_PRODUCT)
 *   FNMADD d = -a - n*m  muladd(n, m, a, NEGATE_PRODUCT | NEGATE_ADDEND)
 *   FNMSUB d = -a + n*m  muladd(n, m, a, FLOAT_MULADD_NEGATE_ADDEND)
 * NEGATE_PRODUCT flips the sign of the first multiplicand. */
enum {
    FLOAT_MULADD_NEGATE_PRODUCT = 1 << 0,
    FLOAT_MULADD_NEGATE_ADDEND = 1 << 1,
};

#define FLOAT16_DEFAULT_NAN 0x7e00u
#define FLOAT32_DEFAULT_NAN 0x7fc00000u
#define FLOAT64_DEFAULT_NAN 0x7ff8000000000000ull
#define BFLOAT16_DEFAULT_NAN 0x7fc0u

/* Classification (pure bit tests, no flags). */
static inline bool float16_is_any_nan(float16 a)
{
    return (a & 0x7fffu) > 0x7c00u;
}
static inline bool float32_is_any_nan(float32 a)
{
    return (a & 0x7fffffffu) > 0x7f800000u;
}
static inline bool float64_is_any_nan(float64 a)
{
    return (a & 0x7fffffffffffffffull) > 0x7ff0000000000000ull;
}
static inline bool float16_is_signaling_nan(float16 a)
{
    return float16_is_any_nan(a) && !(a & 0x0200u);
}
static inline bool float32_is_signaling_nan(float32 a)
{
    return float32_is_any_nan(a) && !(a & 0x00400000u);
}
static inline bool float64_is_signaling_nan(float64 a)
{
    return float64_is_any_nan(a) && !(a & 0x0008000000000000ull);
}
static inline bool float16_is_zero(float16 a) { return !(a & 0x7fffu); }
static inline bool float32_is_zero(float32 a) { return !(a & 0x7fffffffu); }
static inline bool float64_is_zero(float64 a)
{
    return !(a & 0x7fffffffffffffffull);
}
static inline bool float16_is_infinity(float16 a)
{
    return (a & 0x7fffu) == 0x7c00u;
}
static inline bool float32_is_infinity(float32 a)
{
    return (a & 0x7fffffffu) == 0x7f800000u;
}
static inline bool float64_is_infinity(float64 a)
{
    return (a & 0x7fffffffffffffffull) == 0x7ff0000000000000ull;
}

/* FABS / FNEG: bit operations, never any flag, NaNs included. */
static inline float16 float16_abs(float16 a) { return a & 0x7fffu; }
static inline float32 float32_abs(float32 a) { return a & 0x7fffffffu; }
static inline float64 float64_abs(float64 a)
{
    return a & 0x7fffffffffffffffull;
}
static inline float16 float16_neg(float16 a) { return a ^ 0x8000u; }
static inline float32 float32_neg(float32 a) { return a ^ 0x80000000u; }
static inline float64 float64_neg(float64 a)
{
    return a ^ 0x8000000000000000ull;
}

/* Arithmetic: FADD FSUB FMUL FDIV FSQRT, FMADD family (fused). */
float16 float16_add(float16 a, float16 b, FloatStatus *s);
float32 float32_add(float32 a, float32 b, FloatStatus *s);
float64 float64_add(float64 a, float64 b, FloatStatus *s);
float16 float16_sub(float16 a, float16 b, FloatStatus *s);
float32 float32_sub(float32 a, float32 b, FloatStatus *s);
float64 float64_sub(float64 a, float64 b, FloatStatus *s);
float16 float16_mul(float16 a, float16 b, FloatStatus *s);
float32 float32_mul(float32 a, float32 b, FloatStatus *s);
float64 float64_mul(float64 a, float64 b, FloatStatus *s);
float16 float16_div(float16 a, float16 b, FloatStatus *s);
float32 float32_div(float32 a, float32 b, FloatStatus *s);
float64 float64_div(float64 a, float64 b, FloatStatus *s);
float16 float16_sqrt(float16 a, FloatStatus *s);
float32 float32_sqrt(float32 a, FloatStatus *s);
float64 float64_sqrt(float64 a, FloatStatus *s);
/* a * b + c rounded once; NaN selection order is (c, a, b) as FPMulAdd. */
float16 float16_muladd(float16 a, float16 b, float16 c, int flags,
                       FloatStatus *s);
float32 float32_muladd(float32 a, float32 b, float32 c, int flags,
                       FloatStatus *s);
float64 float64_muladd(float64 a, float64 b, float64 c, int flags,
                       FloatStatus *s);

/* FMLAL/FMLSL (FPMulAddH): c + a*b for half a, b and single c, rounded
 * once as single. FZ16 flushes a and b (no IDC), FZ the addend; NaN order
 * and flags as muladd (FMLSL: FLOAT_MULADD_NEGATE_PRODUCT). */
float32 float16_muladd_widen(float16 a, float16 b, float32 c, int flags,
                             FloatStatus *s);

/* FMIN/FMAX (any NaN propagates) and FMINNM/FMAXNM (one quiet NaN loses). */
float16 float16_min(float16 a, float16 b, FloatStatus *s);
float32 float32_min(float32 a, float32 b, FloatStatus *s);
float64 float64_min(float64 a, float64 b, FloatStatus *s);
float16 float16_max(float16 a, float16 b, FloatStatus *s);
float32 float32_max(float32 a, float32 b, FloatStatus *s);
float64 float64_max(float64 a, float64 b, FloatStatus *s);
float16 float16_minnum(float16 a, float16 b, FloatStatus *s);
float32 float32_minnum(float32 a, float32 b, FloatStatus *s);
float64 float64_minnum(float64 a, float64 b, FloatStatus *s);
float16 float16_maxnum(float16 a, float16 b, FloatStatus *s);
float32 float32_maxnum(float32 a, float32 b, FloatStatus *s);
float64 float64_maxnum(float64 a, float64 b, FloatStatus *s);

/* compare: any NaN raises Invalid (FCMPE, FCMGE, FCMGT);
 * compare_quiet: only signalling NaNs do (FCMP, FCMEQ). */
FloatRelation float16_compare(float16 a, float16 b, FloatStatus *s);
FloatRelation float32_compare(float32 a, float32 b, FloatStatus *s);
FloatRelation float64_compare(float64 a, float64 b, FloatStatus *s);
FloatRelation float16_compare_quiet(float16 a, float16 b, FloatStatus *s);
FloatRelation float32_compare_quiet(float32 a, float32 b, FloatStatus *s);
FloatRelation float64_compare_quiet(float64 a, float64 b, FloatStatus *s);

/* FRINT*: round to an integral value in mode rm; exact=true (FRINTX)
 * raises Inexact when the value changed, the others never do. */
float16 float16_round_to_int(float16 a, FloatRoundMode rm, bool exact,
                             FloatStatus *s);
float32 float32_round_to_int(float32 a, FloatRoundMode rm, bool exact,
                             FloatStatus *s);
float64 float64_round_to_int(float64 a, FloatRoundMode rm, bool exact,
                             FloatStatus *s);

/* FRINT32Z/FRINT32X/FRINT64Z/FRINT64X (FPRoundIntN): round to an integral
 * value that fits a signed `bits`-bit integer (32 or 64); NaN, infinity and
 * out-of-range values give -2^(bits-1) with Invalid; Inexact otherwise
 * when the value changed (both Z and X forms). */
float32 float32_round_to_int_n(float32 a, FloatRoundMode rm, int bits,
                               FloatStatus *s);
float64 float64_round_to_int_n(float64 a, FloatRoundMode rm, int bits,
                               FloatStatus *s);

/* FJCVTZS: truncate to an integer and keep its low 32 bits (JavaScript
 * ToInt32). *z receives PSTATE.Z: true when the conversion was exact and in
 * int32 range (and the input was not -0). */
int32_t float64_to_int32_js(float64 a, bool *z, FloatStatus *s);

/* FCVT[NPMZA][SU] and FCVTZ[SU] (fixed): value * 2^fbits rounded in mode rm,
 * saturated; NaN gives 0. Invalid on NaN or saturation, else Inexact when
 * rounding changed the value. fbits is 0..64. */
int16_t float16_to_int16(float16 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
uint16_t float16_to_uint16(float16 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);
int32_t float16_to_int32(float16 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
int64_t float16_to_int64(float16 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
uint32_t float16_to_uint32(float16 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);
uint64_t float16_to_uint64(float16 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);
int32_t float32_to_int32(float32 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
int64_t float32_to_int64(float32 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
uint32_t float32_to_uint32(float32 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);
uint64_t float32_to_uint64(float32 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);
int32_t float64_to_int32(float64 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
int64_t float64_to_int64(float64 a, FloatRoundMode rm, int fbits,
                         FloatStatus *s);
uint32_t float64_to_uint32(float64 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);
uint64_t float64_to_uint64(float64 a, FloatRoundMode rm, int fbits,
                           FloatStatus *s);

/* SCVTF/UCVTF (fixed when fbits > 0): v / 2^fbits rounded per status. */
float16 int16_to_float16(int16_t v, int fbits, FloatStatus *s);
float16 uint16_to_float16(uint16_t v, int fbits, FloatStatus *s);
float16 int32_to_float16(int32_t v, int fbits, FloatStatus *s);
float16 int64_to_float16(int64_t v, int fbits, FloatStatus *s);
float16 uint32_to_float16(uint32_t v, int fbits, FloatStatus *s);
float16 uint64_to_float16(uint64_t v, int fbits, FloatStatus *s);
float32 int32_to_float32(int32_t v, int fbits, FloatStatus *s);
float32 int64_to_float32(int64_t v, int fbits, FloatStatus *s);
float32 uint32_to_float32(uint32_t v, int fbits, FloatStatus *s);
float32 uint64_to_float32(uint64_t v, int fbits, FloatStatus *s);
float64 int32_to_float64(int32_t v, int fbits, FloatStatus *s);
float64 int64_to_float64(int64_t v, int fbits, FloatStatus *s);
float64 uint32_to_float64(uint32_t v, int fbits, FloatStatus *s);
float64 uint64_to_float64(uint64_t v, int fbits, FloatStatus *s);

/* FCVT between precisions (FPConvert): rounding per status (set
 * FLOAT_ROUND_TO_ODD for FCVTXN); half formats honour status->ahp; FZ16
 * does not apply to conversions, FZ does. */
float32 float16_to_float32(float16 a, FloatStatus *s);
float64 float16_to_float64(float16 a, FloatStatus *s);
float16 float32_to_float16(float32 a, FloatStatus *s);
float64 float32_to_float64(float32 a, FloatStatus *s);
float16 float64_to_float16(float64 a, FloatStatus *s);
float32 float64_to_float32(float64 a, FloatStatus *s);

/* BFCVT: float32 to bfloat16 rounded per status (FZ and DN apply as for
 * single precision); the other way is exact. */
bfloat16 float32_to_bfloat16(float32 a, FloatStatus *s);
static inline float32 bfloat16_to_float32(bfloat16 a)
{
    return (float32)a << 16;
}

/* ARM estimates and steps: FRECPE, FRSQRTE, FRECPS (2 - a*b, fused),
 * FRSQRTS ((3 - a*b) / 2, fused), FRECPX, FMULX (0 * inf = +-2). */
float16 float16_recip_estimate(float16 a, FloatStatus *s);
float32 float32_recip_estimate(float32 a, FloatStatus *s);
float64 float64_recip_estimate(float64 a, FloatStatus *s);
float16 float16_rsqrt_estimate(float16 a, FloatStatus *s);
float32 float32_rsqrt_estimate(float32 a, FloatStatus *s);
float64 float64_rsqrt_estimate(float64 a, FloatStatus *s);
float16 float16_recps(float16 a, float16 b, FloatStatus *s);
float32 float32_recps(float32 a, float32 b, FloatStatus *s);
float64 float64_recps(float64 a, float64 b, FloatStatus *s);
float16 float16_rsqrts(float16 a, float16 b, FloatStatus *s);
float32 float32_rsqrts(float32 a, float32 b, FloatStatus *s);
float64 float64_rsqrts(float64 a, float64 b, FloatStatus *s);
float16 float16_recpx(float16 a, FloatStatus *s);
float32 float32_recpx(float32 a, FloatStatus *s);
float64 float64_recpx(float64 a, FloatStatus *s);
float16 float16_mulx(float16 a, float16 b, FloatStatus *s);
float32 float32_mulx(float32 a, float32 b, FloatStatus *s);
float64 float64_mulx(float64 a, float64 b, FloatStatus *s);

/* The 8-bit estimate tables of RecipEstimate / RecipSqrtEstimate:
 * input 256..511 (recip) or 128..511 (rsqrt), result 256..511. */
int float_recip_estimate_table(int a);
int float_rsqrt_estimate_table(int a);

/* URECPE / URSQRTE on one 32-bit lane (no flags). */
uint32_t float_unsigned_recip_estimate(uint32_t a);
uint32_t float_unsigned_rsqrt_estimate(uint32_t a);

#endif
