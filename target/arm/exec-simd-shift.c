/*
 * Advanced SIMD shift by immediate, vector and scalar (ARM ARM C4.1.95,
 * "AdvSIMD (scalar) shift by immediate"): right shifts with rounding and
 * accumulation, SHL/SLI/SRI, saturating left shifts, the narrowing right
 * shifts and SSHLL/USHLL. The fixed-point conversions of the same group
 * are floating point: false here.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "simd-int.h"

/* Element operations: m is the shift amount (1..esize for right shifts,
 * 0..esize-1 for left shifts). */
#define S(x) simd_sext((x), es)

static uint64_t e_sshr(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es)
{ return simd_shl_core(env, S(n), -(int)m, es, false, false, false); }
static uint64_t e_ushr(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es)
{ return simd_shl_core(env, n, -(int)m, es, true, false, false); }
static uint64_t e_srshr(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_shl_core(env, S(n), -(int)m, es, false, true, false); }
static uint64_t e_urshr(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_shl_core(env, n, -(int)m, es, true, true, false); }
static uint64_t e_ssra(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return d + e_sshr(env, n, m, d, es); }
static uint64_t e_usra(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return d + e_ushr(env, n, m, d, es); }
static uint64_t e_srsra(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return d + e_srshr(env, n, m, d, es); }
static uint64_t e_ursra(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es) { return d + e_urshr(env, n, m, d, es); }

static uint64_t e_sri(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es)
{
    uint64_t mask;

    if (m >= (8u << es)) {
        return d;
    }
    mask = simd_mask(es) >> m;
    return (d & ~mask) | ((n & simd_mask(es)) >> m);
}

static uint64_t e_shl(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es) { return n << m; }

static uint64_t e_sli(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                      unsigned es)
{
    uint64_t mask = simd_mask(es) << m;

    return (d & ~mask) | (n << m);
}

static uint64_t e_sqshl(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_shl_core(env, S(n), m, es, false, false, true); }
static uint64_t e_uqshl(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return simd_shl_core(env, n, m, es, true, false, true); }
static uint64_t e_sqshlu(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return simd_sat_u(env, (__int128)S(n) * ((__int128)1 << m), es); }

/* Narrowing: n is the wide element, es the narrow size, m the shift. */
#define W(x) simd_sext((x), es + 1)
#define RND(m) ((__int128)1 << ((m) - 1))

static uint64_t e_shrn(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                       unsigned es) { return n >> m; }
static uint64_t e_rshrn(CPUARMState *env, uint64_t n, uint64_t m, uint64_t d,
                        unsigned es)
{ return (uint64_t)(((__int128)n + RND(m)) >> m); }
static uint64_t e_sqshrn(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return simd_sat_s(env, (__int128)W(n) >> m, es); }
static uint64_t e_sqrshrn(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{ return simd_sat_s(env, ((__int128)W(n) + RND(m)) >> m, es); }
static uint64_t e_uqshrn(CPUARMState *env, uint64_t n, uint64_t m,
                         uint64_t d, unsigned es)
{ return simd_sat_u(env, (__int128)n >> m, es); }
static uint64_t e_uqrshrn(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{ return simd_sat_u(env, ((__int128)n + RND(m)) >> m, es); }
static uint64_t e_sqshrun(CPUARMState *env, uint64_t n, uint64_t m,
                          uint64_t d, unsigned es)
{ return simd_sat_u(env, (__int128)W(n) >> m, es); }
static uint64_t e_sqrshrun(CPUARMState *env, uint64_t n, uint64_t m,
                           uint64_t d, unsigned es)
{ return simd_sat_u(env, ((__int128)W(n) + RND(m)) >> m, es); }

/*
 * Typed vector handlers for SHL, SSHR, USHR: c = shift, b = element count
 * (8 bytes' worth: the upper half cleared). A right shift by the element
 * size is done as size - 1 (signed) or gives 0 (unsigned).
 */
#define V(i) (env->vregs[(i)])
#define VSHIFT_OP(name, T, expr)                                           \
static int name(CPUState *cs, const TLOp *op)                              \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    T n[16 / sizeof(T)];                                                   \
    unsigned i, sh = op->c, bits = 8 * sizeof(T);                          \
                                                                           \
    memcpy(n, V(op->rn).d, 16);                                            \
    for (i = 0; i < 16 / sizeof(T); i++) {                                 \
        T a = n[i];                                                        \
        n[i] = (expr);                                                     \
    }                                                                      \
    memcpy(V(op->rd).d, n, 16);                                            \
    if (op->b * sizeof(T) == 8) {                                          \
        V(op->rd).d[1] = 0;                                                \
    }                                                                      \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define VSHIFT_OPS(pfx, U, S)                                              \
VSHIFT_OP(op_vshl_##pfx, U, (uint64_t)a << (sh & (bits - 1)))                             \
VSHIFT_OP(op_vushr_##pfx, U, sh < bits ? a >> sh : 0)                      \
VSHIFT_OP(op_vsshr_##pfx, S, a >> (sh < bits ? sh : bits - 1))
VSHIFT_OPS(b, uint8_t, int8_t)
VSHIFT_OPS(h, uint16_t, int16_t)
VSHIFT_OPS(s, uint32_t, int32_t)
VSHIFT_OPS(d, uint64_t, int64_t)

static const TLOpFn vshift_ops[3][4] = {
    { op_vshl_b, op_vshl_h, op_vshl_s, op_vshl_d },
    { op_vushr_b, op_vushr_h, op_vushr_s, op_vushr_d },
    { op_vsshr_b, op_vsshr_h, op_vsshr_s, op_vsshr_d },
};

enum { SH_RIGHT, SH_LEFT, SH_NARROW, SH_LONG };

/* By opcode (15:11) and U. scalar: allowed in the scalar form (for
 * SH_RIGHT/SH_LEFT rows without sat, only the D size is). */
typedef struct ShiftImm {
    SimdElemFn *fn[2];
    uint8_t kind;
    bool scalar_any_size;   /* saturating: B/H/S/D scalars */
    bool scalar_d_only;
} ShiftImm;

static const ShiftImm shift_imm[0x15] = {
    [0x00] = { { e_sshr, e_ushr }, SH_RIGHT, false, true },
    [0x02] = { { e_ssra, e_usra }, SH_RIGHT, false, true },
    [0x04] = { { e_srshr, e_urshr }, SH_RIGHT, false, true },
    [0x06] = { { e_srsra, e_ursra }, SH_RIGHT, false, true },
    [0x08] = { { NULL, e_sri }, SH_RIGHT, false, true },
    [0x0a] = { { e_shl, e_sli }, SH_LEFT, false, true },
    [0x0c] = { { NULL, e_sqshlu }, SH_LEFT, true },
    [0x0e] = { { e_sqshl, e_uqshl }, SH_LEFT, true },
    [0x10] = { { e_shrn, e_sqshrun }, SH_NARROW },
    [0x11] = { { e_rshrn, e_sqrshrun }, SH_NARROW },
    [0x12] = { { e_sqshrn, e_uqshrn }, SH_NARROW, true },
    [0x13] = { { e_sqrshrn, e_uqrshrn }, SH_NARROW, true },
    [0x14] = { { e_shrn, e_shrn }, SH_LONG },
};

bool disas_simd_shift_imm(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool scalar = extract32(insn, 28, 1);
    unsigned q = extract32(insn, 30, 1), u = extract32(insn, 29, 1);
    unsigned immh = extract32(insn, 19, 4), immhb = extract32(insn, 16, 7);
    unsigned opc = extract32(insn, 11, 5), es;
    const ShiftImm *t;
    bool scalar_ok;

    if (!immh || opc >= ARRAY_SIZE(shift_imm)) {
        return false;
    }
    t = &shift_imm[opc];
    if (!t->fn[u]) {
        return false;
    }
    es = 31 - __builtin_clz(immh);
    /* SQSHRUN/SQRSHRUN have scalar forms, SHRN/RSHRN do not. */
    scalar_ok = t->scalar_any_size || (t->kind == SH_NARROW && u) ||
                (t->scalar_d_only && es == 3);
    if (scalar ? !scalar_ok
               : (t->kind >= SH_NARROW ? es == 3 : (es == 3 && !q))) {
        return false;
    }
    if (t->kind >= SH_NARROW && es == 3) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->a = es;
    op->imm = (uintptr_t)t->fn[u];
    switch (t->kind) {
    case SH_RIGHT:
    case SH_LEFT:
        op->fn = op_simd_elem;
        op->b = scalar ? 1 : (8u << q) >> es;
        op->ra = 1;     /* m is the constant c */
        op->c = t->kind == SH_RIGHT ? (16u << es) - immhb
                                    : immhb - (8u << es);
        if (!scalar && (t->fn[u] == e_shl || t->fn[u] == e_ushr ||
                        t->fn[u] == e_sshr)) {
            op->fn = vshift_ops[t->fn[u] == e_shl ? 0 :
                                t->fn[u] == e_ushr ? 1 : 2][es];
        }
        break;
    case SH_NARROW:
        op->fn = t->fn[u] == e_shrn ? op_simd_shrn : op_simd_narrow;
        op->b = scalar ? 1 : 8u >> es;
        op->sf = scalar ? 0 : q;
        op->c = (16u << es) - immhb;
        break;
    default:
        op->fn = op_simd_widen;
        op->sf = q;
        op->ra = !u;
        op->c = immhb - (8u << es);
        break;
    }
    return true;
}
