/*
 * Advanced SIMD integer arithmetic (ARM ARM C4.1.95-96): three same,
 * three different, two-register misc, across lanes, by element, and
 * their scalar forms; plus the dispatch to the other integer SIMD groups
 * (shift by immediate: exec-simd-shift.c; copy, modified immediate, EXT,
 * TBL/TBX, permute: exec-simd-perm.c). The floating-point, PMULL and
 * crypto encodings of these groups belong to other files: false here.
 *
 * Most operations are one SimdElemFn run by a generic element loop; the
 * operations string and memory routines lean on (logic, ADD/SUB, CMEQ)
 * get handlers that work on 64 bits at a time.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "simd-int.h"

#define V(i) (env->vregs[(i)])

/* ---- Element operations ------------------------------------------------ */

#define S(x) simd_sext((x), es)
#define M(es) simd_mask(es)

static uint64_t e_add(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return n + m; }
static uint64_t e_sub(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return n - m; }
static uint64_t e_mul(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return n * m; }
static uint64_t e_mla(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return d + n * m; }
static uint64_t e_mls(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return d - n * m; }

/* Polynomial (carry-less) multiply of bytes, low 8 bits kept. */
static uint64_t e_pmul(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es)
{
    uint64_t r = 0;
    int i;

    for (i = 0; i < 8; i++) {
        if (m & (1u << i)) {
            r ^= n << i;
        }
    }
    return r;
}

static uint64_t e_shadd(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return (S(n) + S(m)) >> 1; }
static uint64_t e_uhadd(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return (n + m) >> 1; }
static uint64_t e_srhadd(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return (S(n) + S(m) + 1) >> 1; }
static uint64_t e_urhadd(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es) { return (n + m + 1) >> 1; }
static uint64_t e_shsub(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return (S(n) - S(m)) >> 1; }
static uint64_t e_uhsub(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return (uint64_t)((int64_t)(n - m) >> 1); }

static uint64_t e_sqadd(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_s(env, (__int128)S(n) + S(m), es); }
static uint64_t e_uqadd(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_u(env, (__int128)n + m, es); }
static uint64_t e_sqsub(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_s(env, (__int128)S(n) - S(m), es); }
static uint64_t e_uqsub(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_u(env, (__int128)n - m, es); }

static uint64_t e_cmgt(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return S(n) > S(m) ? ~0ULL : 0; }
static uint64_t e_cmge(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return S(n) >= S(m) ? ~0ULL : 0; }
static uint64_t e_cmhi(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n > m ? ~0ULL : 0; }
static uint64_t e_cmhs(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n >= m ? ~0ULL : 0; }
static uint64_t e_cmeq(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n == m ? ~0ULL : 0; }
static uint64_t e_cmtst(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return (n & m) ? ~0ULL : 0; }

static uint64_t e_smax(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return S(n) > S(m) ? n : m; }
static uint64_t e_umax(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n > m ? n : m; }
static uint64_t e_smin(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return S(n) < S(m) ? n : m; }
static uint64_t e_umin(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n < m ? n : m; }

static uint64_t e_sabd(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es)
{ return S(n) > S(m) ? n - m : m - n; }
static uint64_t e_uabd(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n > m ? n - m : m - n; }
static uint64_t e_saba(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return d + e_sabd(env, n, m, d, es); }
static uint64_t e_uaba(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return d + e_uabd(env, n, m, d, es); }

/* (SQ)(R)DMULH: the high half of 2 * n * m, saturated. */
static uint64_t e_sqdmulh(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{
    __int128 p = (__int128)S(n) * S(m) * 2;

    return simd_sat_s(env, p >> (8 << es), es);
}

static uint64_t e_sqrdmulh(CPUARMState *env, uint64_t n, uint64_t m,
                           uint64_t d, unsigned es)
{
    __int128 p = (__int128)S(n) * S(m) * 2 + ((__int128)1 << ((8 << es) - 1));

    return simd_sat_s(env, p >> (8 << es), es);
}

uint64_t simd_shl_core(CPUARMState *env, __int128 v, int sh, unsigned es,
                       bool is_unsigned, bool round, bool sat)
{
    __int128 r;

    if (sh >= 0) {
        if (sh >= (8 << es)) {
            if (!sat || v == 0) {
                return 0;
            }
            r = v < 0 ? -((__int128)1 << 100) : ((__int128)1 << 100);
        } else {
            r = v * ((__int128)1 << sh);
        }
    } else if (round) {
        r = -sh > 64 ? 0 : (v + ((__int128)1 << (-sh - 1))) >> -sh;
    } else {
        r = -sh >= 64 ? (v < 0 ? -1 : 0) : v >> -sh;
    }
    if (!sat) {
        return (uint64_t)r;
    }
    return is_unsigned ? simd_sat_u(env, r, es) : simd_sat_s(env, r, es);
}

/* The shift count is the signed bottom byte of the m element. */
#define SHL_FN(name, uns, rnd, sat)                                        \
static uint64_t name(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d, \
                     unsigned es)                                          \
{                                                                          \
    __int128 v = uns ? (__int128)n : (__int128)S(n);                       \
    return simd_shl_core(env, v, (int8_t)m, es, uns, rnd, sat);            \
}
SHL_FN(e_sshl, false, false, false)
SHL_FN(e_ushl, true, false, false)
SHL_FN(e_srshl, false, true, false)
SHL_FN(e_urshl, true, true, false)
SHL_FN(e_sqshl, false, false, true)
SHL_FN(e_uqshl, true, false, true)
SHL_FN(e_sqrshl, false, true, true)
SHL_FN(e_uqrshl, true, true, true)

/* Two-register misc: n is the source, d the old destination. */
static uint64_t e_cls(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es)
{
    uint64_t x = (uint64_t)S(n) ^ (uint64_t)(S(n) >> 63);

    x &= M(es);
    return (x ? __builtin_clzll(x) - (64 - (8 << es)) : (8 << es)) - 1;
}
static uint64_t e_clz(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es)
{ return n ? __builtin_clzll(n) - (64 - (8 << es)) : (8 << es); }
static uint64_t e_cnt(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return __builtin_popcountll(n); }
static uint64_t e_not(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return ~n; }
static uint64_t e_rbit(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es)
{
    n = (n >> 1 & 0x55) | (n & 0x55) << 1;
    n = (n >> 2 & 0x33) | (n & 0x33) << 2;
    return (n >> 4 & 0x0f) | (n & 0x0f) << 4;
}
static uint64_t e_suqadd(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return simd_sat_s(env, (__int128)S(d) + n, es); }
static uint64_t e_usqadd(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return simd_sat_u(env, (__int128)d + S(n), es); }
static uint64_t e_sqabs(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_s(env, S(n) < 0 ? -(__int128)S(n) : S(n), es); }
static uint64_t e_sqneg(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_s(env, -(__int128)S(n), es); }
static uint64_t e_abs(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return S(n) < 0 ? -n : n; }
static uint64_t e_neg(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return -n; }
static uint64_t e_cmgt0(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return S(n) > 0 ? ~0ULL : 0; }
static uint64_t e_cmge0(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return S(n) >= 0 ? ~0ULL : 0; }
static uint64_t e_cmeq0(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return n == 0 ? ~0ULL : 0; }
static uint64_t e_cmle0(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return S(n) <= 0 ? ~0ULL : 0; }
static uint64_t e_cmlt0(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return S(n) < 0 ? ~0ULL : 0; }

/* Narrowing (es is the narrow size, n the wide element). */
static uint64_t e_xtn(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return n; }
static uint64_t e_sqxtn(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_sat_s(env, simd_sext(n, es + 1), es); }
static uint64_t e_uqxtn(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return simd_sat_u(env, n, es); }
static uint64_t e_sqxtun(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return simd_sat_u(env, simd_sext(n, es + 1), es); }

/* Long (three different): n and m already extended to 64 bits, es is
 * the wide size. */
static uint64_t e_abd64(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return (int64_t)n > (int64_t)m ? n - m : m - n; }
static uint64_t e_aba64(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return d + e_abd64(env, n, m, d, es); }
static uint64_t e_sqdmull(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{ return simd_sat_s(env, (__int128)(int64_t)n * (int64_t)m * 2, es); }
static uint64_t e_sqdmlal(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{
    uint64_t p = e_sqdmull(env, n, m, d, es);

    return simd_sat_s(env, (__int128)S(d) + S(p), es);
}
static uint64_t e_sqdmlsl(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{
    uint64_t p = e_sqdmull(env, n, m, d, es);

    return simd_sat_s(env, (__int128)S(d) - S(p), es);
}

/* ---- Generic handlers ------------------------------------------------- */

static inline void simd_elem_loop(CPUARMState *env, const TLOp *op,
                                  const ARMVectorReg *m, bool m_const)
{
    SimdElemFn *fn = (SimdElemFn *)(uintptr_t)op->imm;
    ARMVectorReg n = V(op->rn), d = V(op->rd), r = { { 0, 0 } };
    unsigned es = op->a, i;

    for (i = 0; i < op->b; i++) {
        uint64_t mv = m_const ? op->c : velt(m, i, es);

        velt_set(&r, i, es, fn(env, velt(&n, i, es), mv, velt(&d, i, es), es));
    }
    V(op->rd) = r;
}

int op_simd_elem(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg m = V(op->rm);

    simd_elem_loop(env, op, &m, op->ra);
    TL_GOTO_NEXT(cs, op);
}

/* By element: ra = index of the Vm element used for every lane. */
static int op_simd_elem_idx(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg m;
    uint64_t x = velt(&V(op->rm), op->ra, op->a);
    unsigned i;

    for (i = 0; i < (16u >> op->a); i++) {
        velt_set(&m, i, op->a, x);
    }
    simd_elem_loop(env, op, &m, false);
    TL_GOTO_NEXT(cs, op);
}

/*
 * Pairwise (ADDP, [SU]MAXP, [SU]MINP): result i combines elements 2i,
 * 2i+1 of Vm:Vn; b = element count. One handler per operation and
 * element type, so the loops have no calls.
 */
#define PAIR_OP(name, T, expr)                                             \
static int name(CPUState *cs, const TLOp *op)                              \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    T n[16 / sizeof(T)], m[16 / sizeof(T)], r[16 / sizeof(T)];             \
    unsigned half = op->b / 2, i;                                          \
                                                                           \
    memcpy(n, V(op->rn).d, 16);                                            \
    memcpy(m, V(op->rm).d, 16);                                            \
    memset(r, 0, 16);                                                      \
    for (i = 0; i < half; i++) {                                           \
        T a = n[2 * i], b = n[2 * i + 1];                                  \
        r[i] = (expr);                                                     \
    }                                                                      \
    for (i = 0; i < half; i++) {                                           \
        T a = m[2 * i], b = m[2 * i + 1];                                  \
        r[half + i] = (expr);                                              \
    }                                                                      \
    memcpy(V(op->rd).d, r, 16);                                            \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define PAIR_OPS(sfx, U, S)                                                \
PAIR_OP(op_addp_##sfx, U, a + b)                                           \
PAIR_OP(op_umaxp_##sfx, U, a > b ? a : b)                                  \
PAIR_OP(op_uminp_##sfx, U, a < b ? a : b)                                  \
PAIR_OP(op_smaxp_##sfx, S, a > b ? a : b)                                  \
PAIR_OP(op_sminp_##sfx, S, a < b ? a : b)
PAIR_OP(op_smaxp_b, int8_t, a > b ? a : b)
PAIR_OP(op_sminp_b, int8_t, a < b ? a : b)
PAIR_OPS(h, uint16_t, int16_t)
PAIR_OPS(s, uint32_t, int32_t)
PAIR_OP(op_addp_d, uint64_t, a + b)

/* The four 16-bit lanes of x packed into 4 bytes (low 8 bits of each). */
static inline uint64_t swar_pack_h_to_b(uint64_t x)
{
    x &= 0x00ff00ff00ff00ffULL;
    x = (x | x >> 8) & 0x0000ffff0000ffffULL;
    return (x | x >> 16) & 0xffffffffULL;
}

/* Byte pairs of x combined into 4 bytes: kind 0 add, 1 max, 2 min. The
 * unsigned bytes sit in 16-bit lanes, so lo - hi cannot borrow across. */
static inline uint64_t swar_pair_b(uint64_t x, int kind)
{
    const uint64_t lanes = 0x00ff00ff00ff00ffULL, bit8 = 0x0100010001000100ULL;
    uint64_t lo = x & lanes, hi = (x >> 8) & lanes, ge, m;

    if (kind == 0) {
        return swar_pack_h_to_b(lo + hi);
    }
    ge = ((lo | bit8) - hi) & bit8;     /* lo >= hi */
    m = (ge >> 8) * 0xff;
    if (kind == 2) {
        m = ~m;
    }
    return swar_pack_h_to_b((lo & m) | (hi & ~m));
}

#define PAIR_OP_B(name, kind)                                              \
static int name(CPUState *cs, const TLOp *op)                              \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    const ARMVectorReg *n = &V(op->rn), *m = &V(op->rm);                   \
    uint64_t r0, r1;                                                       \
                                                                           \
    if (op->b == 16) {                                                     \
        r0 = swar_pair_b(n->d[0], kind) | swar_pair_b(n->d[1], kind) << 32;\
        r1 = swar_pair_b(m->d[0], kind) | swar_pair_b(m->d[1], kind) << 32;\
    } else {                                                               \
        r0 = swar_pair_b(n->d[0], kind) | swar_pair_b(m->d[0], kind) << 32;\
        r1 = 0;                                                            \
    }                                                                      \
    V(op->rd).d[0] = r0;                                                   \
    V(op->rd).d[1] = r1;                                                   \
    TL_GOTO_NEXT(cs, op);                                                  \
}
PAIR_OP_B(op_addp_b, 0)
PAIR_OP_B(op_umaxp_b, 1)
PAIR_OP_B(op_uminp_b, 2)

enum { PAIR_ADD, PAIR_UMAX, PAIR_UMIN, PAIR_SMAX, PAIR_SMIN };

static const TLOpFn pair_ops[5][4] = {
    { op_addp_b, op_addp_h, op_addp_s, op_addp_d },
    { op_umaxp_b, op_umaxp_h, op_umaxp_s },
    { op_uminp_b, op_uminp_h, op_uminp_s },
    { op_smaxp_b, op_smaxp_h, op_smaxp_s },
    { op_sminp_b, op_sminp_h, op_sminp_s },
};

/* Scalar ADDP: the two D elements of Vn. */
static int op_addp_scalar(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    V(op->rd).d[0] = V(op->rn).d[0] + V(op->rn).d[1];
    V(op->rd).d[1] = 0;
    TL_GOTO_NEXT(cs, op);
}

/*
 * Long and wide (three different): a = narrow es, b = result count,
 * sf = narrow sources from the upper half, c bit 0 = signed, bit 1 = n
 * is already wide (the W forms); ra = by-element index + 1, or 0.
 */
#define LONG_SIGNED 1
#define LONG_WIDE_N 2

static inline void simd_long_loop(CPUARMState *env, const TLOp *op,
                                  const ARMVectorReg *m)
{
    SimdElemFn *fn = (SimdElemFn *)(uintptr_t)op->imm;
    ARMVectorReg n = V(op->rn), d = V(op->rd), r = { { 0, 0 } };
    unsigned es = op->a, i, base = op->sf ? op->b : 0;
    bool sgn = op->c & LONG_SIGNED;

    for (i = 0; i < op->b; i++) {
        uint64_t nv, mv = velt(m, i + base, es);

        if (op->c & LONG_WIDE_N) {
            nv = velt(&n, i, es + 1);
        } else {
            nv = velt(&n, i + base, es);
            nv = sgn ? (uint64_t)simd_sext(nv, es) : nv;
        }
        mv = sgn ? (uint64_t)simd_sext(mv, es) : mv;
        velt_set(&r, i, es + 1, fn(env, nv, mv, velt(&d, i, es + 1), es + 1));
    }
    V(op->rd) = r;
}

static int op_simd_long(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg m = V(op->rm);

    simd_long_loop(env, op, &m);
    TL_GOTO_NEXT(cs, op);
}

static int op_simd_long_idx(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg m;
    uint64_t x = velt(&V(op->rm), op->ra, op->a);
    unsigned i;

    for (i = 0; i < (16u >> op->a); i++) {
        velt_set(&m, i, op->a, x);
    }
    simd_long_loop(env, op, &m);
    TL_GOTO_NEXT(cs, op);
}

/* Write narrow results into the lower half (upper cleared) or, for the
 * "2" forms, into the upper half keeping the lower. */
static inline void simd_write_half(CPUARMState *env, unsigned rd, bool upper,
                                   uint64_t res)
{
    if (upper) {
        V(rd).d[1] = res;
    } else {
        V(rd).d[0] = res;
        V(rd).d[1] = 0;
    }
}

int op_simd_narrow(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    SimdElemFn *fn = (SimdElemFn *)(uintptr_t)op->imm;
    ARMVectorReg n = V(op->rn), r = { { 0, 0 } };
    unsigned es = op->a, i;

    for (i = 0; i < op->b; i++) {
        velt_set(&r, i, es, fn(env, velt(&n, i, es + 1), op->c, 0, es));
    }
    simd_write_half(env, op->rd, op->sf, r.d[0]);
    TL_GOTO_NEXT(cs, op);
}

/* XTN and SHRN (a plain shift and truncation): the fields of
 * op_simd_narrow without the element function. */
int op_simd_shrn(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const ARMVectorReg *n = &V(op->rn);
    unsigned es = op->a, bits = 8u << es, i;
    uint64_t r = 0, mask = simd_mask(es);

    if (es == 0) {
        /* Shifting the whole word keeps each lane's bits c..c+7 within
         * the lane (c <= 8). */
        r = swar_pack_h_to_b(n->d[0] >> op->c) |
            swar_pack_h_to_b(n->d[1] >> op->c) << 32;
    } else {
        for (i = 0; i < op->b; i++) {
            r |= ((velt(n, i, es + 1) >> op->c) & mask) << (i * bits);
        }
    }
    simd_write_half(env, op->rd, op->sf, r);
    TL_GOTO_NEXT(cs, op);
}

/* ADDHN/SUBHN/RADDHN/RSUBHN: a = narrow es, sf = upper, c bit 0 = sub,
 * bit 1 = round. */
static int op_simd_hn(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg n = V(op->rn), m = V(op->rm), r = { { 0, 0 } };
    unsigned es = op->a, bits = 8 << es, i;

    for (i = 0; i < (8u >> es); i++) {
        unsigned __int128 a = velt(&n, i, es + 1), b = velt(&m, i, es + 1);
        unsigned __int128 x = (op->c & 1) ? a - b : a + b;

        if (op->c & 2) {
            x += (unsigned __int128)1 << (bits - 1);
        }
        velt_set(&r, i, es, (uint64_t)(x >> bits));
    }
    simd_write_half(env, op->rd, op->sf, r.d[0]);
    TL_GOTO_NEXT(cs, op);
}

int op_simd_widen(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg n = V(op->rn), r;
    unsigned es = op->a, cnt = 8u >> es, i;

    for (i = 0; i < cnt; i++) {
        uint64_t x = velt(&n, i + (op->sf ? cnt : 0), es);

        if (op->ra) {
            x = simd_sext(x, es);
        }
        velt_set(&r, i, es + 1, x << op->c);
    }
    V(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

/* SADDLP/UADDLP/SADALP/UADALP: a = narrow es, b = result count, c bit 0
 * = signed, bit 1 = accumulate. */
static int op_simd_addlp(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg n = V(op->rn), d = V(op->rd), r = { { 0, 0 } };
    unsigned es = op->a, i;

    for (i = 0; i < op->b; i++) {
        uint64_t x = velt(&n, 2 * i, es), y = velt(&n, 2 * i + 1, es);
        uint64_t s;

        if (op->c & 1) {
            s = simd_sext(x, es) + simd_sext(y, es);
        } else {
            s = x + y;
        }
        if (op->c & 2) {
            s += velt(&d, i, es + 1);
        }
        velt_set(&r, i, es + 1, s);
    }
    V(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

/* REV16/32/64: a = es, c = container es; b = element count. */
static int op_simd_rev(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg n = V(op->rn), r = { { 0, 0 } };
    unsigned flip = (1u << (op->c - op->a)) - 1, i;

    for (i = 0; i < op->b; i++) {
        velt_set(&r, i, op->a, velt(&n, i ^ flip, op->a));
    }
    V(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

/*
 * Across lanes: b = element count; the result is a scalar of the element
 * size (twice it for the long sums). One handler per operation and type.
 */
#define REDUCE_OP(name, T, AccT, expr)                                     \
static int name(CPUState *cs, const TLOp *op)                              \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    T n[16 / sizeof(T)];                                                   \
    AccT acc;                                                              \
    unsigned i;                                                            \
                                                                           \
    memcpy(n, V(op->rn).d, 16);                                            \
    acc = n[0];                                                            \
    for (i = 1; i < op->b; i++) {                                          \
        T b = n[i];                                                        \
        acc = (expr);                                                      \
    }                                                                      \
    V(op->rd).d[0] = (uint64_t)acc & simd_mask(sizeof(AccT) == 8 ? 3 :     \
                                               __builtin_ctz(sizeof(AccT)));\
    V(op->rd).d[1] = 0;                                                    \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define REDUCE_OPS(sfx, U, S, UW, SW)                                      \
REDUCE_OP(op_addv_##sfx, U, U, acc + b)                                    \
REDUCE_OP(op_umaxv_##sfx, U, U, b > acc ? b : acc)                         \
REDUCE_OP(op_uminv_##sfx, U, U, b < acc ? b : acc)                         \
REDUCE_OP(op_smaxv_##sfx, S, S, b > acc ? b : acc)                         \
REDUCE_OP(op_sminv_##sfx, S, S, b < acc ? b : acc)                         \
REDUCE_OP(op_saddlv_##sfx, S, SW, acc + b)                                 \
REDUCE_OP(op_uaddlv_##sfx, U, UW, acc + b)
REDUCE_OPS(b, uint8_t, int8_t, uint16_t, int16_t)
REDUCE_OPS(h, uint16_t, int16_t, uint32_t, int32_t)
REDUCE_OPS(s, uint32_t, int32_t, uint64_t, int64_t)

enum { RED_ADD, RED_UMAX, RED_UMIN, RED_SMAX, RED_SMIN, RED_SADDL, RED_UADDL };

static const TLOpFn reduce_ops[7][3] = {
    { op_addv_b, op_addv_h, op_addv_s },
    { op_umaxv_b, op_umaxv_h, op_umaxv_s },
    { op_uminv_b, op_uminv_h, op_uminv_s },
    { op_smaxv_b, op_smaxv_h, op_smaxv_s },
    { op_sminv_b, op_sminv_h, op_sminv_s },
    { op_saddlv_b, op_saddlv_h, op_saddlv_s },
    { op_uaddlv_b, op_uaddlv_h, op_uaddlv_s },
};

/* ---- Fast paths: 64 bits at a time ------------------------------------ */

/* b = Q: a 64-bit vector clears the upper half. */
#define LOGIC_OP(name, expr)                                               \
static int name(CPUState *cs, const TLOp *op)                              \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    uint64_t r0, r1;                                                       \
    {                                                                      \
        uint64_t n = V(op->rn).d[0], m = V(op->rm).d[0], d = V(op->rd).d[0];\
        r0 = (expr);                                                       \
        (void)d;                                                           \
    }                                                                      \
    {                                                                      \
        uint64_t n = V(op->rn).d[1], m = V(op->rm).d[1], d = V(op->rd).d[1];\
        r1 = op->b ? (expr) : 0;                                           \
        (void)d;                                                           \
    }                                                                      \
    V(op->rd).d[0] = r0;                                                   \
    V(op->rd).d[1] = r1;                                                   \
    TL_GOTO_NEXT(cs, op);                                                  \
}
LOGIC_OP(op_simd_and, n & m)
LOGIC_OP(op_simd_bic, n & ~m)
LOGIC_OP(op_simd_orr, n | m)
LOGIC_OP(op_simd_orn, n | ~m)
LOGIC_OP(op_simd_eor, n ^ m)
LOGIC_OP(op_simd_bsl, (d & n) | (~d & m))
LOGIC_OP(op_simd_bit, (n & m) | (d & ~m))
LOGIC_OP(op_simd_bif, (d & m) | (n & ~m))

static const TLOpFn logic_ops[8] = {
    op_simd_and, op_simd_bic, op_simd_orr, op_simd_orn,
    op_simd_eor, op_simd_bsl, op_simd_bit, op_simd_bif,
};

/* Lane-wise add/sub without carries across lanes; imm = the mask of each
 * lane's top bit. */
static inline uint64_t swar_add(uint64_t a, uint64_t b, uint64_t h)
{
    return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
}

static inline uint64_t swar_sub(uint64_t a, uint64_t b, uint64_t h)
{
    return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
}

static int op_simd_add(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t r0 = swar_add(V(op->rn).d[0], V(op->rm).d[0], op->imm);
    uint64_t r1 = op->b ? swar_add(V(op->rn).d[1], V(op->rm).d[1], op->imm)
                        : 0;

    V(op->rd).d[0] = r0;
    V(op->rd).d[1] = r1;
    TL_GOTO_NEXT(cs, op);
}

static int op_simd_sub(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t r0 = swar_sub(V(op->rn).d[0], V(op->rm).d[0], op->imm);
    uint64_t r1 = op->b ? swar_sub(V(op->rn).d[1], V(op->rm).d[1], op->imm)
                        : 0;

    V(op->rd).d[0] = r0;
    V(op->rd).d[1] = r1;
    TL_GOTO_NEXT(cs, op);
}

/* All-ones in each lane of x that is zero; imm = lane top bits, a = es. */
static inline uint64_t swar_eqz(uint64_t x, uint64_t h, unsigned es)
{
    uint64_t nz = (((x & ~h) + ~h) | x) & h;

    if (es == 3) {
        return x ? 0 : ~0ULL;
    }
    return ~((nz >> ((8 << es) - 1)) * simd_mask(es));
}

static int op_simd_cmeq(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t r0 = swar_eqz(V(op->rn).d[0] ^ V(op->rm).d[0], op->imm, op->a);
    uint64_t r1 = op->b ? swar_eqz(V(op->rn).d[1] ^ V(op->rm).d[1], op->imm,
                                   op->a) : 0;

    V(op->rd).d[0] = r0;
    V(op->rd).d[1] = r1;
    TL_GOTO_NEXT(cs, op);
}

static int op_simd_cmeq0(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t r0 = swar_eqz(V(op->rn).d[0], op->imm, op->a);
    uint64_t r1 = op->b ? swar_eqz(V(op->rn).d[1], op->imm, op->a) : 0;

    V(op->rd).d[0] = r0;
    V(op->rd).d[1] = r1;
    TL_GOTO_NEXT(cs, op);
}

static uint64_t lane_top_bits(unsigned es)
{
    static const uint64_t h[4] = {
        0x8080808080808080ULL, 0x8000800080008000ULL,
        0x8000000080000000ULL, 0x8000000000000000ULL,
    };
    return h[es];
}

/*
 * Typed vector handlers for frequent three-same operations: every lane of
 * the 128-bit register computed inline, the upper half dropped for a
 * 64-bit vector (b = element count, as for op_simd_elem).
 */
#define VEC_OP(name, T, expr)                                              \
static int name(CPUState *cs, const TLOp *op)                              \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    T n[16 / sizeof(T)], m[16 / sizeof(T)], r[16 / sizeof(T)];             \
    unsigned i;                                                            \
                                                                           \
    memcpy(n, V(op->rn).d, 16);                                            \
    memcpy(m, V(op->rm).d, 16);                                            \
    for (i = 0; i < 16 / sizeof(T); i++) {                                 \
        T a = n[i], b = m[i];                                              \
        r[i] = (expr);                                                     \
    }                                                                      \
    memcpy(V(op->rd).d, r, 16);                                            \
    if (op->b * sizeof(T) == 8) {                                          \
        V(op->rd).d[1] = 0;                                                \
    }                                                                      \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define VEC_OPS(pfx, expr)                                                 \
VEC_OP(pfx##_b, uint8_t, expr)                                             \
VEC_OP(pfx##_h, uint16_t, expr)                                            \
VEC_OP(pfx##_s, uint32_t, expr)                                            \
VEC_OP(pfx##_d, uint64_t, expr)
#define VEC_SOPS(pfx, expr)                                                \
VEC_OP(pfx##_b, int8_t, expr)                                              \
VEC_OP(pfx##_h, int16_t, expr)                                             \
VEC_OP(pfx##_s, int32_t, expr)                                             \
VEC_OP(pfx##_d, int64_t, expr)

VEC_SOPS(op_vcmgt, a > b ? -1 : 0)
VEC_SOPS(op_vcmge, a >= b ? -1 : 0)
VEC_OPS(op_vcmhi, a > b ? -1 : 0)
VEC_OPS(op_vcmhs, a >= b ? -1 : 0)
VEC_SOPS(op_vsmax, a > b ? a : b)
VEC_SOPS(op_vsmin, a < b ? a : b)
VEC_OPS(op_vumax, a > b ? a : b)
VEC_OPS(op_vumin, a < b ? a : b)
VEC_OPS(op_vmul, (uint64_t)a * b)
VEC_OPS(op_vcmtst, (a & b) ? -1 : 0)

/* By three-same opcode - 6 and U; sizes beyond the row's are rejected
 * by the decoder before this is used. */
static const TLOpFn vec_typed_ops[14][2][4] = {
    [0x06 - 6] = {
        { op_vcmgt_b, op_vcmgt_h, op_vcmgt_s, op_vcmgt_d },
        { op_vcmhi_b, op_vcmhi_h, op_vcmhi_s, op_vcmhi_d },
    },
    [0x07 - 6] = {
        { op_vcmge_b, op_vcmge_h, op_vcmge_s, op_vcmge_d },
        { op_vcmhs_b, op_vcmhs_h, op_vcmhs_s, op_vcmhs_d },
    },
    [0x0c - 6] = {
        { op_vsmax_b, op_vsmax_h, op_vsmax_s, op_vsmax_d },
        { op_vumax_b, op_vumax_h, op_vumax_s, op_vumax_d },
    },
    [0x0d - 6] = {
        { op_vsmin_b, op_vsmin_h, op_vsmin_s, op_vsmin_d },
        { op_vumin_b, op_vumin_h, op_vumin_s, op_vumin_d },
    },
    [0x11 - 6] = {
        { op_vcmtst_b, op_vcmtst_h, op_vcmtst_s, op_vcmtst_d },
    },
    [0x13 - 6] = {
        { op_vmul_b, op_vmul_h, op_vmul_s, op_vmul_d },
    },
};

/* ---- Decoders ------------------------------------------------------- */

static void set_elem(TLOp *op, uint32_t insn, SimdElemFn *fn, unsigned es,
                     unsigned count)
{
    op->fn = op_simd_elem;
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
    op->a = es;
    op->b = count;
    op->imm = (uintptr_t)fn;
}

/* Three same, indexed by opcode (15:11) and U; NULL = not integer or not
 * allocated. Size rules per row: mask of allowed sizes for the vector
 * form (size 3 also needs Q), and for the scalar form. */
typedef struct ThreeSame {
    SimdElemFn *fn[2];
    uint8_t vec_sizes, scalar_sizes;
    bool pair;
} ThreeSame;

static const ThreeSame three_same[24] = {
    [0x00] = { { e_shadd, e_uhadd }, 0x7, 0 },
    [0x01] = { { e_sqadd, e_uqadd }, 0xf, 0xf },
    [0x02] = { { e_srhadd, e_urhadd }, 0x7, 0 },
    [0x04] = { { e_shsub, e_uhsub }, 0x7, 0 },
    [0x05] = { { e_sqsub, e_uqsub }, 0xf, 0xf },
    [0x06] = { { e_cmgt, e_cmhi }, 0xf, 0x8 },
    [0x07] = { { e_cmge, e_cmhs }, 0xf, 0x8 },
    [0x08] = { { e_sshl, e_ushl }, 0xf, 0x8 },
    [0x09] = { { e_sqshl, e_uqshl }, 0xf, 0xf },
    [0x0a] = { { e_srshl, e_urshl }, 0xf, 0x8 },
    [0x0b] = { { e_sqrshl, e_uqrshl }, 0xf, 0xf },
    [0x0c] = { { e_smax, e_umax }, 0x7, 0 },
    [0x0d] = { { e_smin, e_umin }, 0x7, 0 },
    [0x0e] = { { e_sabd, e_uabd }, 0x7, 0 },
    [0x0f] = { { e_saba, e_uaba }, 0x7, 0 },
    [0x10] = { { e_add, e_sub }, 0xf, 0x8 },
    [0x11] = { { e_cmtst, e_cmeq }, 0xf, 0x8 },
    [0x12] = { { e_mla, e_mls }, 0x7, 0 },
    [0x13] = { { e_mul, e_pmul }, 0x7, 0 },
    [0x14] = { { e_smax, e_umax }, 0x7, 0, true },
    [0x15] = { { e_smin, e_umin }, 0x7, 0, true },
    [0x16] = { { e_sqdmulh, e_sqrdmulh }, 0x6, 0x6 },
    [0x17] = { { e_add, NULL }, 0xf, 0, true },
};

static bool disas_three_same(DisasContext *s, TLOp *op, uint32_t insn,
                             bool scalar)
{
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2), opc = extract32(insn, 11, 5);
    const ThreeSame *t;

    if (opc == 0x03) {
        if (scalar) {
            return false;
        }
        if (!arm_fp_access_check(s, op)) {
            return true;
        }
        op->fn = logic_ops[u * 4 + size];
        op->rd = extract32(insn, 0, 5);
        op->rn = extract32(insn, 5, 5);
        op->rm = extract32(insn, 16, 5);
        op->b = q;
        return true;
    }
    if (opc >= ARRAY_SIZE(three_same)) {
        return false;
    }
    t = &three_same[opc];
    if (!t->fn[u]) {
        return false;
    }
    if (scalar) {
        if (!(t->scalar_sizes & (1u << size))) {
            return false;
        }
    } else if (!(t->vec_sizes & (1u << size)) || (size == 3 && !q) ||
               (opc == 0x13 && u && size != 0)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_elem(op, insn, t->fn[u], size, scalar ? 1 : (8u << q) >> size);
    if (t->pair) {
        op->fn = pair_ops[opc == 0x17 ? PAIR_ADD :
                          (opc == 0x14 ? PAIR_UMAX : PAIR_UMIN) +
                          (u ? 0 : 2)][size];
    } else if (!scalar && opc == 0x10) {
        op->fn = u ? op_simd_sub : op_simd_add;
        op->imm = lane_top_bits(size);
        op->b = q;
    } else if (!scalar && opc == 0x11 && u) {
        op->fn = op_simd_cmeq;
        op->imm = lane_top_bits(size);
        op->b = q;
    } else if (!scalar && opc >= 6 && opc - 6 < ARRAY_SIZE(vec_typed_ops) &&
               vec_typed_ops[opc - 6][u][size]) {
        op->fn = vec_typed_ops[opc - 6][u][size];
    }
    return true;
}

/* Three different, by opcode (15:12): fn, signed/unsigned variant. */
typedef struct ThreeDiff {
    SimdElemFn *fn[2];
    uint8_t flags;      /* LONG_WIDE_N; for the narrowing rows, 1 = sub */
    bool hn, sq;
} ThreeDiff;

static const ThreeDiff three_diff[14] = {
    [0x0] = { { e_add, e_add } },
    [0x1] = { { e_add, e_add }, LONG_WIDE_N },
    [0x2] = { { e_sub, e_sub } },
    [0x3] = { { e_sub, e_sub }, LONG_WIDE_N },
    [0x4] = { { NULL, NULL }, 0, true },
    [0x5] = { { e_aba64, e_aba64 } },
    [0x6] = { { NULL, NULL }, 1, true },
    [0x7] = { { e_abd64, e_abd64 } },
    [0x8] = { { e_mla, e_mla } },
    [0x9] = { { e_sqdmlal, NULL }, 0, false, true },
    [0xa] = { { e_mls, e_mls } },
    [0xb] = { { e_sqdmlsl, NULL }, 0, false, true },
    [0xc] = { { e_mul, e_mul } },
    [0xd] = { { e_sqdmull, NULL }, 0, false, true },
};

static bool disas_three_diff(DisasContext *s, TLOp *op, uint32_t insn,
                             bool scalar)
{
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2), opc = extract32(insn, 12, 4);
    const ThreeDiff *t;

    if (opc >= ARRAY_SIZE(three_diff) || size == 3) {
        return false;
    }
    t = &three_diff[opc];
    if (t->hn) {
        if (scalar) {
            return false;
        }
        if (!arm_fp_access_check(s, op)) {
            return true;
        }
        set_elem(op, insn, NULL, size, 0);
        op->fn = op_simd_hn;
        op->sf = q;
        op->c = t->flags | u << 1;
        return true;
    }
    if (!t->fn[u] || (scalar && !t->sq) || (t->sq && size == 0)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_elem(op, insn, t->fn[u], size, scalar ? 1 : 8u >> size);
    op->fn = op_simd_long;
    op->sf = scalar ? 0 : q;
    op->c = t->flags | (u ? 0 : LONG_SIGNED);
    return true;
}

/* Two-register misc, by opcode (16:12) and U. */
typedef struct TwoMisc {
    SimdElemFn *fn[2];
    uint8_t sizes[2];       /* allowed vector sizes for U = 0, 1 */
    uint8_t scalar_sizes[2];
} TwoMisc;

static const TwoMisc two_misc[0x15] = {
    [0x03] = { { e_suqadd, e_usqadd }, { 0xf, 0xf }, { 0xf, 0xf } },
    [0x04] = { { e_cls, e_clz }, { 0x7, 0x7 } },
    [0x07] = { { e_sqabs, e_sqneg }, { 0xf, 0xf }, { 0xf, 0xf } },
    [0x08] = { { e_cmgt0, e_cmge0 }, { 0xf, 0xf }, { 0x8, 0x8 } },
    [0x09] = { { e_cmeq0, e_cmle0 }, { 0xf, 0xf }, { 0x8, 0x8 } },
    [0x0a] = { { e_cmlt0, NULL }, { 0xf, 0 }, { 0x8, 0 } },
    [0x0b] = { { e_abs, e_neg }, { 0xf, 0xf }, { 0x8, 0x8 } },
    [0x12] = { { e_xtn, e_sqxtun }, { 0x7, 0x7 }, { 0, 0x7 } },
    [0x14] = { { e_sqxtn, e_uqxtn }, { 0x7, 0x7 }, { 0x7, 0x7 } },
};

static bool disas_two_misc_special(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2), opc = extract32(insn, 12, 5);

    set_elem(op, insn, NULL, size, (8u << q) >> size);
    switch (opc) {
    case 0x00: case 0x01:       /* REV64/REV32, REV16 */
        op->c = opc ? 1 : 3 - u;
        if (size >= op->c || (opc && u)) {
            return false;
        }
        op->fn = op_simd_rev;
        break;
    case 0x02: case 0x06:       /* (S|U)ADDLP, (S|U)ADALP */
        if (size == 3) {
            return false;
        }
        op->fn = op_simd_addlp;
        op->b = (4u << q) >> size;
        op->c = (u ? 0 : 1) | (opc == 6) << 1;
        break;
    case 0x05:                  /* CNT, NOT, RBIT */
        if (size > u) {
            return false;
        }
        op->imm = (uintptr_t)(!u ? e_cnt : size ? e_rbit : e_not);
        op->a = 0;
        op->b = 8u << q;
        break;
    case 0x13:                  /* SHLL */
        if (!u || size == 3) {
            return false;
        }
        op->fn = op_simd_widen;
        op->sf = q;
        op->c = 8 << size;
        break;
    default:
        return false;
    }
    /* The op is complete, or turned into the access trap. */
    arm_fp_access_check(s, op);
    return true;
}

static bool disas_two_misc(DisasContext *s, TLOp *op, uint32_t insn,
                           bool scalar)
{
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2), opc = extract32(insn, 12, 5);
    const TwoMisc *t = opc < ARRAY_SIZE(two_misc) ? &two_misc[opc] : NULL;
    bool narrow = opc == 0x12 || opc == 0x14;

    if (!t || !t->fn[u]) {
        return scalar ? false : disas_two_misc_special(s, op, insn);
    }
    if (scalar ? !(t->scalar_sizes[u] & (1u << size))
               : (!(t->sizes[u] & (1u << size)) || (size == 3 && !q))) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_elem(op, insn, t->fn[u], size, scalar ? 1 : (8u << q) >> size);
    if (narrow) {
        op->fn = t->fn[u] == e_xtn ? op_simd_shrn : op_simd_narrow;
        op->b = scalar ? 1 : 8u >> size;
        op->sf = scalar ? 0 : q;
    } else if (!scalar && opc == 0x09 && !u) {
        op->fn = op_simd_cmeq0;
        op->imm = lane_top_bits(size);
        op->b = q;
    }
    return true;
}

static bool disas_across_lanes(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2), opc = extract32(insn, 12, 5);
    int kind;

    switch (opc) {
    case 0x03: kind = u ? RED_UADDL : RED_SADDL; break;
    case 0x0a: kind = u ? RED_UMAX : RED_SMAX; break;
    case 0x1a: kind = u ? RED_UMIN : RED_SMIN; break;
    case 0x1b: kind = u ? -1 : RED_ADD; break;
    default: return false;
    }
    if (kind < 0 || size == 3 || (size == 2 && !q)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_elem(op, insn, NULL, size, (8u << q) >> size);
    op->fn = reduce_ops[kind][size];
    return true;
}

static bool disas_scalar_pairwise(DisasContext *s, TLOp *op, uint32_t insn)
{
    if (extract32(insn, 29, 1) || extract32(insn, 12, 5) != 0x1b ||
        extract32(insn, 22, 2) != 3) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_elem(op, insn, NULL, 3, 1);
    op->fn = op_addp_scalar;
    return true;
}

/* By element, integer opcodes (15:12) x U. long = the SMLAL-like rows. */
typedef struct IndexedOp {
    SimdElemFn *fn;
    bool is_long, is_signed, scalar_ok;
} IndexedOp;

static const IndexedOp indexed_ops[2][14] = {
    [0] = {
        [0x2] = { e_mla, true, true },
        [0x3] = { e_sqdmlal, true, true, true },
        [0x6] = { e_mls, true, true },
        [0x7] = { e_sqdmlsl, true, true, true },
        [0x8] = { e_mul },
        [0xa] = { e_mul, true, true },
        [0xb] = { e_sqdmull, true, true, true },
        [0xc] = { e_sqdmulh, false, true, true },
        [0xd] = { e_sqrdmulh, false, true, true },
    },
    [1] = {
        [0x0] = { e_mla },
        [0x2] = { e_mla, true },
        [0x4] = { e_mls },
        [0x6] = { e_mls, true },
        [0xa] = { e_mul, true },
    },
};

static bool disas_indexed(DisasContext *s, TLOp *op, uint32_t insn,
                          bool scalar)
{
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2), opc = extract32(insn, 12, 4);
    unsigned h = extract32(insn, 11, 1), l = extract32(insn, 21, 1);
    unsigned m = extract32(insn, 20, 1), rm = extract32(insn, 16, 4), idx;
    const IndexedOp *t;

    if (opc >= 14) {
        return false;
    }
    t = &indexed_ops[u][opc];
    if (!t->fn || (scalar && !t->scalar_ok)) {
        return false;
    }
    if (size == 1) {
        idx = h << 2 | l << 1 | m;
    } else if (size == 2) {
        idx = h << 1 | l;
        rm |= m << 4;
    } else {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_elem(op, insn, t->fn, size, scalar ? 1 : (8u << q) >> size);
    op->rm = rm;
    op->ra = idx;
    if (t->is_long) {
        op->fn = op_simd_long_idx;
        op->b = scalar ? 1 : 8u >> size;
        op->sf = scalar ? 0 : q;
        op->c = t->is_signed ? LONG_SIGNED : 0;
    } else {
        op->fn = op_simd_elem_idx;
    }
    return true;
}

/* The data-processing groups by their fixed bits (scalar bit 28 set). */
bool disas_simd_int(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool scalar = extract32(insn, 28, 1);

    if (extract32(insn, 31, 1) || (scalar && !extract32(insn, 30, 1))) {
        return false;
    }
    if (!scalar) {
        if ((insn & 0xbfe08400) == 0x2e000000) {
            return disas_simd_ext(s, op, insn);
        }
        if ((insn & 0xbf208c00) == 0x0e000000) {
            return disas_simd_tbl(s, op, insn);
        }
        if ((insn & 0xbf208c00) == 0x0e000800) {
            return disas_simd_permute(s, op, insn);
        }
    } else if (!extract32(insn, 30, 1)) {
        return false;
    }
    insn &= ~(1u << 28);
    if ((insn & 0x9f200400) == 0x0e200400) {
        return disas_three_same(s, op, insn, scalar);
    }
    if ((insn & 0x9f200c00) == 0x0e200000) {
        return disas_three_diff(s, op, insn, scalar);
    }
    if ((insn & 0x9f3e0c00) == 0x0e200800) {
        return disas_two_misc(s, op, insn, scalar);
    }
    if ((insn & 0x9f3e0c00) == 0x0e300800) {
        return scalar ? disas_scalar_pairwise(s, op, insn)
                      : disas_across_lanes(s, op, insn);
    }
    if ((insn & 0x9fe08400) == 0x0e000400) {
        return disas_simd_copy(s, op, insn | (uint32_t)scalar << 28);
    }
    if ((insn & 0x9ff80400) == 0x0f000400 && !scalar) {
        return disas_simd_mod_imm(s, op, insn);
    }
    if ((insn & 0x9f800400) == 0x0f000400) {
        return disas_simd_shift_imm(s, op, insn | (uint32_t)scalar << 28);
    }
    if ((insn & 0x9f000400) == 0x0f000000) {
        return disas_indexed(s, op, insn, scalar);
    }
    return false;
}
