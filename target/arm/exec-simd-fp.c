/*
 * Advanced SIMD floating point (ARM ARM C4.1.95, the FP opcodes of the
 * AdvSIMD groups): three same, two-register misc, across lanes, pairwise,
 * shift-by-immediate fixed-point conversions and by-element forms, both
 * vector and scalar. Single and double precision only: the cortex-a57 has
 * no FP16 arithmetic, so every half-precision encoding is refused (UNDEF).
 *
 * Every operation works element by element through one of two function
 * shapes (binary with accumulator, unary with rounding mode and fbits);
 * a decoded op points at a {single, double} pair of them, and a handful of
 * handlers walk the elements in the order each form needs. Results are
 * gathered before the destination is written, since Vd may also be a
 * source; whatever lies above the last element written is zeroed, which
 * is the architecture's rule for scalar and 64-bit vector results.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "vec.h"

/* ---- Element functions --------------------------------------------- */

/* n, m: operands; d: the old destination element (FMLA, FMLS). */
typedef uint64_t FpBinFn(uint64_t n, uint64_t m, uint64_t d, FloatStatus *st);
/* rm: rounding mode (FP_RM_FPCR: FPCR's), fbits: fixed-point fraction. */
typedef uint64_t FpUnFn(uint64_t a, unsigned rm, unsigned fbits,
                        FloatStatus *st);

typedef struct FpBinOp {
    FpBinFn *f32, *f64;
} FpBinOp;

typedef struct FpUnOp {
    FpUnFn *f32, *f64;
} FpUnOp;

#define FP_RM_FPCR 7

static FloatRoundMode fp_rm(unsigned rm, const FloatStatus *st)
{
    return rm == FP_RM_FPCR ? (FloatRoundMode)st->rounding_mode
                            : (FloatRoundMode)rm;
}

static bool rel_ge(FloatRelation r)
{
    return r == FLOAT_RELATION_GREATER || r == FLOAT_RELATION_EQUAL;
}

/*
 * Each body below is written once with W standing for the width (32 or
 * 64); the macro makes the single and double functions and their pair.
 */
#define FP_BIN(name, body)                                                  \
    static uint64_t name##_32(uint64_t n, uint64_t m, uint64_t d,           \
                              FloatStatus *st)                              \
    { (void)d; return body(32); }                                           \
    static uint64_t name##_64(uint64_t n, uint64_t m, uint64_t d,           \
                              FloatStatus *st)                              \
    { (void)d; return body(64); }                                           \
    static const FpBinOp name = { name##_32, name##_64 };

#define B_ADD(W)    float##W##_add(n, m, st)
#define B_SUB(W)    float##W##_sub(n, m, st)
#define B_MUL(W)    float##W##_mul(n, m, st)
#define B_DIV(W)    float##W##_div(n, m, st)
#define B_MAX(W)    float##W##_max(n, m, st)
#define B_MIN(W)    float##W##_min(n, m, st)
#define B_MAXNM(W)  float##W##_maxnum(n, m, st)
#define B_MINNM(W)  float##W##_minnum(n, m, st)
#define B_MULX(W)   float##W##_mulx(n, m, st)
#define B_RECPS(W)  float##W##_recps(n, m, st)
#define B_RSQRTS(W) float##W##_rsqrts(n, m, st)
#define B_ABD(W)    float##W##_abs(float##W##_sub(n, m, st))
#define B_FMLA(W)   float##W##_muladd(n, m, d, 0, st)
#define B_FMLS(W)   float##W##_muladd(n, m, d, FLOAT_MULADD_NEGATE_PRODUCT, st)
/* Comparisons give an all-ones element for true (truncated on write). */
#define B_CMEQ(W)   (float##W##_compare_quiet(n, m, st) ==                  \
                     FLOAT_RELATION_EQUAL ? UINT64_MAX : 0)
#define B_CMGE(W)   (rel_ge(float##W##_compare(n, m, st)) ? UINT64_MAX : 0)
#define B_CMGT(W)   (float##W##_compare(n, m, st) ==                        \
                     FLOAT_RELATION_GREATER ? UINT64_MAX : 0)
#define B_ACGE(W)   (rel_ge(float##W##_compare(float##W##_abs(n),           \
                                               float##W##_abs(m), st))      \
                     ? UINT64_MAX : 0)
#define B_ACGT(W)   (float##W##_compare(float##W##_abs(n),                  \
                                        float##W##_abs(m), st) ==           \
                     FLOAT_RELATION_GREATER ? UINT64_MAX : 0)

FP_BIN(fp_add, B_ADD)
FP_BIN(fp_sub, B_SUB)
FP_BIN(fp_mul, B_MUL)
FP_BIN(fp_div, B_DIV)
FP_BIN(fp_max, B_MAX)
FP_BIN(fp_min, B_MIN)
FP_BIN(fp_maxnm, B_MAXNM)
FP_BIN(fp_minnm, B_MINNM)
FP_BIN(fp_mulx, B_MULX)
FP_BIN(fp_recps, B_RECPS)
FP_BIN(fp_rsqrts, B_RSQRTS)
FP_BIN(fp_abd, B_ABD)
FP_BIN(fp_fmla, B_FMLA)
FP_BIN(fp_fmls, B_FMLS)
FP_BIN(fp_cmeq, B_CMEQ)
FP_BIN(fp_cmge, B_CMGE)
FP_BIN(fp_cmgt, B_CMGT)
FP_BIN(fp_acge, B_ACGE)
FP_BIN(fp_acgt, B_ACGT)

#define FP_UN(name, body)                                                   \
    static uint64_t name##_32(uint64_t a, unsigned rm, unsigned fbits,      \
                              FloatStatus *st)                              \
    { (void)rm; (void)fbits; return body(32, 32); }                         \
    static uint64_t name##_64(uint64_t a, unsigned rm, unsigned fbits,      \
                              FloatStatus *st)                              \
    { (void)rm; (void)fbits; return body(64, 64); }                         \
    static const FpUnOp name = { name##_32, name##_64 };

/* W: float width, I: the integer width of the same size. */
#define U_FRINT(W, I)  float##W##_round_to_int(a, fp_rm(rm, st), false, st)
#define U_FRINTX(W, I) float##W##_round_to_int(a, fp_rm(rm, st), true, st)
#define U_FCVTS(W, I)  (uint##I##_t)float##W##_to_int##I(a, fp_rm(rm, st),  \
                                                         fbits, st)
#define U_FCVTU(W, I)  float##W##_to_uint##I(a, fp_rm(rm, st), fbits, st)
#define U_SCVTF(W, I)  int##I##_to_float##W((int##I##_t)a, fbits, st)
#define U_UCVTF(W, I)  uint##I##_to_float##W((uint##I##_t)a, fbits, st)
#define U_CMGT0(W, I)  (float##W##_compare(a, 0, st) ==                     \
                        FLOAT_RELATION_GREATER ? UINT64_MAX : 0)
#define U_CMEQ0(W, I)  (float##W##_compare_quiet(a, 0, st) ==               \
                        FLOAT_RELATION_EQUAL ? UINT64_MAX : 0)
#define U_CMLT0(W, I)  (float##W##_compare(a, 0, st) ==                     \
                        FLOAT_RELATION_LESS ? UINT64_MAX : 0)
#define U_CMGE0(W, I)  (rel_ge(float##W##_compare(a, 0, st)) ? UINT64_MAX : 0)
#define U_CMLE0(W, I)  (rel_ge(float##W##_compare(0, a, st)) ? UINT64_MAX : 0)
#define U_FABS(W, I)   float##W##_abs(a)
#define U_FNEG(W, I)   float##W##_neg(a)
#define U_FSQRT(W, I)  float##W##_sqrt(a, st)
#define U_FRECPE(W, I) float##W##_recip_estimate(a, st)
#define U_FRSQRTE(W, I) float##W##_rsqrt_estimate(a, st)
#define U_FRECPX(W, I) float##W##_recpx(a, st)

FP_UN(fp_frint, U_FRINT)
FP_UN(fp_frintx, U_FRINTX)
FP_UN(fp_fcvts, U_FCVTS)
FP_UN(fp_fcvtu, U_FCVTU)
FP_UN(fp_scvtf, U_SCVTF)
FP_UN(fp_ucvtf, U_UCVTF)
FP_UN(fp_cmgt0, U_CMGT0)
FP_UN(fp_cmeq0, U_CMEQ0)
FP_UN(fp_cmlt0, U_CMLT0)
FP_UN(fp_cmge0, U_CMGE0)
FP_UN(fp_cmle0, U_CMLE0)
FP_UN(fp_fabs, U_FABS)
FP_UN(fp_fneg, U_FNEG)
FP_UN(fp_fsqrt, U_FSQRT)
FP_UN(fp_frecpe, U_FRECPE)
FP_UN(fp_frsqrte, U_FRSQRTE)
FP_UN(fp_frecpx, U_FRECPX)

/* URECPE / URSQRTE: 32-bit lanes only, no flags. */
static uint64_t fp_urecpe_32(uint64_t a, unsigned rm, unsigned fbits,
                             FloatStatus *st)
{
    return float_unsigned_recip_estimate(a);
}

static uint64_t fp_ursqrte_32(uint64_t a, unsigned rm, unsigned fbits,
                              FloatStatus *st)
{
    return float_unsigned_rsqrt_estimate(a);
}

static const FpUnOp fp_urecpe = { fp_urecpe_32, NULL };
static const FpUnOp fp_ursqrte = { fp_ursqrte_32, NULL };

/* ---- Handlers --------------------------------------------------------- */

/*
 * Write n elements of size 1 << es from r[] to V[rd] starting at element
 * `first`; elements below `first` are kept from V[rd] (the "2" forms that
 * fill the upper half), everything above the last one is zeroed.
 */
static void vec_write(CPUARMState *env, unsigned rd, const uint64_t *r,
                      unsigned first, unsigned n, unsigned es)
{
    ARMVectorReg v = { { 0, 0 } };
    unsigned i;

    if (first) {
        v.d[0] = env->vregs[rd].d[0];
    }
    env->vregs[rd] = v;
    for (i = 0; i < n; i++) {
        vreg_set(env, rd, first + i, es, r[i]);
    }
}

static const void *op_table(const TLOp *op)
{
    return (const void *)(uintptr_t)op->imm;
}

#define FP_ES(op) ((op)->sf ? 3u : 2u)
#define IDX_LANE 0xff

/*
 * Element-wise binary: V[rd][i] = f(V[rn][i], V[rm][j], V[rd][i]) for
 * i < c, j = i, or j = b for the by-element forms (b != IDX_LANE).
 * sf: double precision. imm: the FpBinOp.
 */
static int op_fp_bin(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const FpBinOp *f = op_table(op);
    FpBinFn *fn = op->sf ? f->f64 : f->f32;
    unsigned es = FP_ES(op), i;
    uint64_t r[4];
    FloatStatus st;

    arm_fpst_init(env, &st);
    for (i = 0; i < op->c; i++) {
        uint64_t m = vreg_get(env, op->rm, op->b == IDX_LANE ? i : op->b, es);

        r[i] = fn(vreg_get(env, op->rn, i, es), m,
                  vreg_get(env, op->rd, i, es), &st);
    }
    arm_fpst_commit(env, &st);
    vec_write(env, op->rd, r, 0, op->c, es);
    TL_GOTO_NEXT(cs, op);
}

/*
 * Pairwise: result i combines elements 2i and 2i + 1 of the
 * concatenation V[rm]:V[rn], each register contributing a elements
 * (vector: a = c; scalar: a = 2 from V[rn] alone, c = 1).
 */
static int op_fp_pair(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const FpBinOp *f = op_table(op);
    FpBinFn *fn = op->sf ? f->f64 : f->f32;
    unsigned es = FP_ES(op), i, k;
    uint64_t src[8], r[4];
    FloatStatus st;

    for (k = 0; k < 2u * op->c; k++) {
        src[k] = k < op->a ? vreg_get(env, op->rn, k, es)
                           : vreg_get(env, op->rm, k - op->a, es);
    }
    arm_fpst_init(env, &st);
    for (i = 0; i < op->c; i++) {
        r[i] = fn(src[2 * i], src[2 * i + 1], 0, &st);
    }
    arm_fpst_commit(env, &st);
    vec_write(env, op->rd, r, 0, op->c, es);
    TL_GOTO_NEXT(cs, op);
}

/* Across lanes (4S only): the ARM ARM's Reduce halves the vector, so the
 * result is f(f(e0, e1), f(e2, e3)). */
static int op_fp_reduce(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const FpBinOp *f = op_table(op);
    uint64_t e[4], r;
    FloatStatus st;
    unsigned i;

    for (i = 0; i < 4; i++) {
        e[i] = vreg_get(env, op->rn, i, 2);
    }
    arm_fpst_init(env, &st);
    r = f->f32(e[0], e[1], 0, &st);
    r = f->f32(r, f->f32(e[2], e[3], 0, &st), 0, &st);
    arm_fpst_commit(env, &st);
    vreg_set_scalar(env, op->rd, 2, r);
    TL_GOTO_NEXT(cs, op);
}

/* Element-wise unary: b = rounding mode, a = fbits, c = elements. */
static int op_fp_un(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const FpUnOp *f = op_table(op);
    FpUnFn *fn = op->sf ? f->f64 : f->f32;
    unsigned es = FP_ES(op), i;
    uint64_t r[4];
    FloatStatus st;

    arm_fpst_init(env, &st);
    for (i = 0; i < op->c; i++) {
        r[i] = fn(vreg_get(env, op->rn, i, es), op->b, op->a, &st);
    }
    arm_fpst_commit(env, &st);
    vec_write(env, op->rd, r, 0, op->c, es);
    TL_GOTO_NEXT(cs, op);
}

/*
 * FCVTN/FCVTN2/FCVTXN/FCVTXN2: narrow c elements (sf: from double, else
 * from single to half); a: round to odd; b: write the upper half.
 */
static int op_fp_narrow(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned es = FP_ES(op), i;
    uint64_t r[4];
    FloatStatus st;

    arm_fpst_init(env, &st);
    if (op->a) {
        st.rounding_mode = FLOAT_ROUND_TO_ODD;
    }
    for (i = 0; i < op->c; i++) {
        uint64_t v = vreg_get(env, op->rn, i, es);

        r[i] = op->sf ? float64_to_float32(v, &st)
                      : float32_to_float16(v, &st);
    }
    arm_fpst_commit(env, &st);
    vec_write(env, op->rd, r, op->b ? op->c : 0, op->c, es - 1);
    TL_GOTO_NEXT(cs, op);
}

/* FCVTL/FCVTL2: widen c elements (sf: to double, else half to single)
 * from the lower half, or the upper one when b is set. */
static int op_fp_widen(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned es = FP_ES(op), i;
    unsigned first = op->b ? op->c : 0;
    uint64_t r[4];
    FloatStatus st;

    arm_fpst_init(env, &st);
    for (i = 0; i < op->c; i++) {
        uint64_t v = vreg_get(env, op->rn, first + i, es - 1);

        r[i] = op->sf ? float32_to_float64(v, &st)
                      : float16_to_float32(v, &st);
    }
    arm_fpst_commit(env, &st);
    vec_write(env, op->rd, r, 0, op->c, es);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders --------------------------------------------------------- */

static void set_rd_rn_rm(TLOp *op, uint32_t insn)
{
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
}

/* Vector shape from Q and sz; false for the reserved 1D arrangement. */
static bool fp_vec_shape(TLOp *op, bool q, bool sz)
{
    if (sz && !q) {
        return false;
    }
    op->sf = sz;
    op->c = (q ? 16 : 8) >> (sz ? 3 : 2);
    return true;
}

/* Three same FP, indexed by U:a:opcode<2:0> (opcode 11xxx). */
enum { S_VEC = 1, S_SCALAR = 2, S_PAIR = 4 };

typedef struct FpSameEntry {
    const FpBinOp *op;
    uint8_t forms;
} FpSameEntry;

static const FpSameEntry fp_3same[32] = {
    [0x00] = { &fp_maxnm, S_VEC },
    [0x01] = { &fp_fmla, S_VEC },
    [0x02] = { &fp_add, S_VEC },
    [0x03] = { &fp_mulx, S_VEC | S_SCALAR },
    [0x04] = { &fp_cmeq, S_VEC | S_SCALAR },
    [0x06] = { &fp_max, S_VEC },
    [0x07] = { &fp_recps, S_VEC | S_SCALAR },
    [0x08] = { &fp_minnm, S_VEC },
    [0x09] = { &fp_fmls, S_VEC },
    [0x0a] = { &fp_sub, S_VEC },
    [0x0e] = { &fp_min, S_VEC },
    [0x0f] = { &fp_rsqrts, S_VEC | S_SCALAR },
    [0x10] = { &fp_maxnm, S_PAIR },
    [0x12] = { &fp_add, S_PAIR },
    [0x13] = { &fp_mul, S_VEC },
    [0x14] = { &fp_cmge, S_VEC | S_SCALAR },
    [0x15] = { &fp_acge, S_VEC | S_SCALAR },
    [0x16] = { &fp_max, S_PAIR },
    [0x17] = { &fp_div, S_VEC },
    [0x18] = { &fp_minnm, S_PAIR },
    [0x1a] = { &fp_abd, S_VEC | S_SCALAR },
    [0x1c] = { &fp_cmgt, S_VEC | S_SCALAR },
    [0x1d] = { &fp_acgt, S_VEC | S_SCALAR },
    [0x1e] = { &fp_min, S_PAIR },
};

/* [Q|U] 0 1110 a sz 1 Rm 11xxx 1 Rn Rd (vector), 01 U 11110 ... (scalar) */
static bool disas_fp_3same(DisasContext *s, TLOp *op, uint32_t insn,
                           bool scalar)
{
    unsigned opcode = extract32(insn, 11, 5);
    unsigned u = extract32(insn, 29, 1), a = extract32(insn, 23, 1);
    const FpSameEntry *e;

    if (opcode < 0x18) {
        return false;
    }
    e = &fp_3same[u << 4 | a << 3 | (opcode & 7)];
    if (scalar) {
        if (!(e->forms & S_SCALAR)) {
            return false;
        }
        op->sf = extract32(insn, 22, 1);
        op->c = 1;
    } else {
        if (!e->forms || !fp_vec_shape(op, extract32(insn, 30, 1),
                                       extract32(insn, 22, 1))) {
            return false;
        }
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_rd_rn_rm(op, insn);
    op->imm = (uintptr_t)e->op;
    if (e->forms & S_PAIR) {
        op->fn = op_fp_pair;
        op->a = op->c;
    } else {
        op->fn = op_fp_bin;
        op->b = IDX_LANE;
    }
    return true;
}

/* Two-register misc FP, indexed by U:a:opcode. rm: FPCR or a fixed mode
 * for FRINT* / FCVT*. */
typedef struct FpMiscEntry {
    const FpUnOp *op;
    uint8_t rm;
    uint8_t forms;      /* S_VEC, S_SCALAR, M_SINGLE */
} FpMiscEntry;

enum { M_SINGLE = 8 };      /* 32-bit lanes only */

#define MISC(u, a, opc) [(u) << 6 | (a) << 5 | (opc)]
#define RN FLOAT_ROUND_NEAREST_EVEN
#define RP FLOAT_ROUND_UP
#define RM FLOAT_ROUND_DOWN
#define RZ FLOAT_ROUND_TO_ZERO
#define RA FLOAT_ROUND_TIES_AWAY
#define VS (S_VEC | S_SCALAR)

static const FpMiscEntry fp_misc[128] = {
    MISC(0, 0, 0x18) = { &fp_frint, RN, S_VEC },
    MISC(0, 0, 0x19) = { &fp_frint, RM, S_VEC },
    MISC(0, 0, 0x1a) = { &fp_fcvts, RN, VS },
    MISC(0, 0, 0x1b) = { &fp_fcvts, RM, VS },
    MISC(0, 0, 0x1c) = { &fp_fcvts, RA, VS },
    MISC(0, 0, 0x1d) = { &fp_scvtf, FP_RM_FPCR, VS },
    MISC(0, 1, 0x0c) = { &fp_cmgt0, FP_RM_FPCR, VS },
    MISC(0, 1, 0x0d) = { &fp_cmeq0, FP_RM_FPCR, VS },
    MISC(0, 1, 0x0e) = { &fp_cmlt0, FP_RM_FPCR, VS },
    MISC(0, 1, 0x0f) = { &fp_fabs, FP_RM_FPCR, S_VEC },
    MISC(0, 1, 0x18) = { &fp_frint, RP, S_VEC },
    MISC(0, 1, 0x19) = { &fp_frint, RZ, S_VEC },
    MISC(0, 1, 0x1a) = { &fp_fcvts, RP, VS },
    MISC(0, 1, 0x1b) = { &fp_fcvts, RZ, VS },
    MISC(0, 1, 0x1c) = { &fp_urecpe, FP_RM_FPCR, S_VEC | M_SINGLE },
    MISC(0, 1, 0x1d) = { &fp_frecpe, FP_RM_FPCR, VS },
    MISC(0, 1, 0x1f) = { &fp_frecpx, FP_RM_FPCR, S_SCALAR },
    MISC(1, 0, 0x18) = { &fp_frint, RA, S_VEC },
    MISC(1, 0, 0x19) = { &fp_frintx, FP_RM_FPCR, S_VEC },
    MISC(1, 0, 0x1a) = { &fp_fcvtu, RN, VS },
    MISC(1, 0, 0x1b) = { &fp_fcvtu, RM, VS },
    MISC(1, 0, 0x1c) = { &fp_fcvtu, RA, VS },
    MISC(1, 0, 0x1d) = { &fp_ucvtf, FP_RM_FPCR, VS },
    MISC(1, 1, 0x0c) = { &fp_cmge0, FP_RM_FPCR, VS },
    MISC(1, 1, 0x0d) = { &fp_cmle0, FP_RM_FPCR, VS },
    MISC(1, 1, 0x0f) = { &fp_fneg, FP_RM_FPCR, S_VEC },
    MISC(1, 1, 0x19) = { &fp_frint, FP_RM_FPCR, S_VEC },
    MISC(1, 1, 0x1a) = { &fp_fcvtu, RP, VS },
    MISC(1, 1, 0x1b) = { &fp_fcvtu, RZ, VS },
    MISC(1, 1, 0x1c) = { &fp_ursqrte, FP_RM_FPCR, S_VEC | M_SINGLE },
    MISC(1, 1, 0x1d) = { &fp_frsqrte, FP_RM_FPCR, VS },
    MISC(1, 1, 0x1f) = { &fp_fsqrt, FP_RM_FPCR, S_VEC },
};

#undef MISC
#undef RN
#undef RP
#undef RM
#undef RZ
#undef RA
#undef VS

/* FCVTN, FCVTXN (U = 1, double only) and FCVTL: opcode 1011x, a = 0. */
static bool disas_fp_cvt_width(DisasContext *s, TLOp *op, uint32_t insn,
                               bool scalar)
{
    unsigned u = extract32(insn, 29, 1), opcode = extract32(insn, 12, 5);
    bool q = extract32(insn, 30, 1), sz = extract32(insn, 22, 1);

    if (extract32(insn, 23, 1) || (u && (!sz || opcode != 0x16))) {
        return false;
    }
    if (scalar && !u) {
        return false;       /* only FCVTXN has a scalar form */
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->sf = sz;
    op->a = u;
    op->b = scalar ? 0 : q;
    op->c = scalar ? 1 : (sz ? 2 : 4);
    op->fn = opcode == 0x16 ? op_fp_narrow : op_fp_widen;
    return true;
}

/* 0 Q U 01110 a sz 10000 opcode 10 Rn Rd, and 01 U 11110 ... scalar. */
static bool disas_fp_misc(DisasContext *s, TLOp *op, uint32_t insn,
                          bool scalar)
{
    unsigned u = extract32(insn, 29, 1), a = extract32(insn, 23, 1);
    unsigned opcode = extract32(insn, 12, 5);
    bool sz = extract32(insn, 22, 1);
    const FpMiscEntry *e;

    if (opcode == 0x16 || opcode == 0x17) {
        return disas_fp_cvt_width(s, op, insn, scalar);
    }
    e = &fp_misc[u << 6 | a << 5 | opcode];
    if (!e->op || !(e->forms & (scalar ? S_SCALAR : S_VEC)) ||
        (sz && (e->forms & M_SINGLE))) {
        return false;
    }
    if (scalar) {
        op->sf = sz;
        op->c = 1;
    } else if (!fp_vec_shape(op, extract32(insn, 30, 1), sz)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->b = e->rm;
    op->imm = (uintptr_t)e->op;
    op->fn = op_fp_un;
    return true;
}

/* Across lanes FMAXNMV/FMINNMV/FMAXV/FMINV: 0 1 1 01110 a 0 11000 opc 10. */
static bool disas_fp_across(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opcode = extract32(insn, 12, 5);
    bool a = extract32(insn, 23, 1);

    if (!extract32(insn, 29, 1) || !extract32(insn, 30, 1) ||
        extract32(insn, 22, 1) || (opcode != 0x0c && opcode != 0x0f)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->imm = (uintptr_t)(opcode == 0x0c ? (a ? &fp_minnm : &fp_maxnm)
                                         : (a ? &fp_min : &fp_max));
    op->fn = op_fp_reduce;
    return true;
}

/* Scalar pairwise FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP: 01 1 11110 a sz
 * 11000 opcode 10 Rn Rd (U = 0 is the FP16 form). */
static bool disas_fp_scalar_pair(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opcode = extract32(insn, 12, 5);
    bool a = extract32(insn, 23, 1);
    const FpBinOp *f;

    if (!extract32(insn, 29, 1)) {
        return false;
    }
    switch (opcode) {
    case 0x0c: f = a ? &fp_minnm : &fp_maxnm; break;
    case 0x0d: f = a ? NULL : &fp_add; break;
    case 0x0f: f = a ? &fp_min : &fp_max; break;
    default: f = NULL; break;
    }
    if (!f) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->sf = extract32(insn, 22, 1);
    op->c = 1;
    op->a = 2;
    op->imm = (uintptr_t)f;
    op->fn = op_fp_pair;
    return true;
}

/*
 * Fixed-point conversions by immediate: SCVTF/UCVTF (opcode 11100) and
 * FCVTZS/FCVTZU (11111); immh 01xx is single, 1xxx double, fbits =
 * 2 * esize - immh:immb.
 */
static bool disas_fp_shift_imm(DisasContext *s, TLOp *op, uint32_t insn,
                               bool scalar)
{
    unsigned opcode = extract32(insn, 11, 5), u = extract32(insn, 29, 1);
    unsigned immh = extract32(insn, 19, 4), immhb = extract32(insn, 16, 7);
    bool dbl = immh & 8;

    if ((opcode != 0x1c && opcode != 0x1f) || !(immh & 0xc)) {
        return false;
    }
    if (scalar) {
        op->sf = dbl;
        op->c = 1;
    } else if (!fp_vec_shape(op, extract32(insn, 30, 1), dbl)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->a = (dbl ? 128 : 64) - immhb;
    if (opcode == 0x1c) {
        op->b = FP_RM_FPCR;
        op->imm = (uintptr_t)(u ? &fp_ucvtf : &fp_scvtf);
    } else {
        op->b = FLOAT_ROUND_TO_ZERO;
        op->imm = (uintptr_t)(u ? &fp_fcvtu : &fp_fcvts);
    }
    op->fn = op_fp_un;
    return true;
}

/* By element FMLA (0001), FMLS (0101), FMUL (1001, U = 0), FMULX (1001,
 * U = 1); size 10 single (index H:L), 11 double (index H, L = 0). */
static bool disas_fp_elem(DisasContext *s, TLOp *op, uint32_t insn,
                          bool scalar)
{
    unsigned opcode = extract32(insn, 12, 4), u = extract32(insn, 29, 1);
    unsigned size = extract32(insn, 22, 2);
    unsigned h = extract32(insn, 11, 1), l = extract32(insn, 21, 1);
    bool dbl = size == 3;
    const FpBinOp *f;

    switch (opcode) {
    case 0x1: f = u ? NULL : &fp_fmla; break;
    case 0x5: f = u ? NULL : &fp_fmls; break;
    case 0x9: f = u ? &fp_mulx : &fp_mul; break;
    default: f = NULL; break;
    }
    if (!f || size < 2 || (dbl && l)) {
        return false;
    }
    if (scalar) {
        op->sf = dbl;
        op->c = 1;
    } else if (!fp_vec_shape(op, extract32(insn, 30, 1), dbl)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    set_rd_rn_rm(op, insn);
    op->b = dbl ? h : (h << 1 | l);
    op->imm = (uintptr_t)f;
    op->fn = op_fp_bin;
    return true;
}

bool disas_simd_fpvec(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* The decoders tried before this one may have left fields set. */
    memset(op, 0, sizeof(*op));

    if ((insn & 0x9f200400) == 0x0e200400) {
        return disas_fp_3same(s, op, insn, false);
    }
    if ((insn & 0xdf200400) == 0x5e200400) {
        return disas_fp_3same(s, op, insn, true);
    }
    if ((insn & 0x9f3e0c00) == 0x0e200800) {
        return disas_fp_misc(s, op, insn, false);
    }
    if ((insn & 0xdf3e0c00) == 0x5e200800) {
        return disas_fp_misc(s, op, insn, true);
    }
    if ((insn & 0x9f3e0c00) == 0x0e300800) {
        return disas_fp_across(s, op, insn);
    }
    if ((insn & 0xdf3e0c00) == 0x5e300800) {
        return disas_fp_scalar_pair(s, op, insn);
    }
    if ((insn & 0x9f800400) == 0x0f000400) {
        return disas_fp_shift_imm(s, op, insn, false);
    }
    if ((insn & 0xdf800400) == 0x5f000400) {
        return disas_fp_shift_imm(s, op, insn, true);
    }
    if ((insn & 0x9f000400) == 0x0f000000) {
        return disas_fp_elem(s, op, insn, false);
    }
    if ((insn & 0xdf000400) == 0x5f000000) {
        return disas_fp_elem(s, op, insn, true);
    }
    return false;
}
