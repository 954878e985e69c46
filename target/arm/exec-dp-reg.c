/*
 * A64 data processing, register (ARM ARM C4.1.88): logical and add/sub
 * (shifted, extended), add/sub with carry, conditional compare and
 * select, 1- and 2-source (bit ops, divide, variable shifts), 3-source
 * (multiply-add, long multiply, multiply high).
 */
#include "qemu/osdep.h"
#include "translate.h"

#define X(i) (env->xregs[(i)])

enum { SHIFT_LSL, SHIFT_LSR, SHIFT_ASR, SHIFT_ROR };

static inline uint64_t shift_reg(uint64_t v, int sf, unsigned type,
                                 unsigned amt)
{
    if (!sf) {
        uint32_t w = v;
        switch (type) {
        case SHIFT_LSL: return (uint32_t)(w << amt);
        case SHIFT_LSR: return w >> amt;
        case SHIFT_ASR: return (uint32_t)((int32_t)w >> amt);
        default: return amt ? (uint32_t)(w >> amt | w << (32 - amt)) : w;
        }
    }
    switch (type) {
    case SHIFT_LSL: return v << amt;
    case SHIFT_LSR: return v >> amt;
    case SHIFT_ASR: return (uint64_t)((int64_t)v >> amt);
    default: return amt ? v >> amt | v << (64 - amt) : v;
    }
}

/* ExtendReg: option 0-7 = UXTB UXTH UXTW UXTX SXTB SXTH SXTW SXTX. */
static inline uint64_t extend_reg(uint64_t v, unsigned option, unsigned shift)
{
    switch (option) {
    case 0: v = (uint8_t)v; break;
    case 1: v = (uint16_t)v; break;
    case 2: v = (uint32_t)v; break;
    case 4: v = (int64_t)(int8_t)v; break;
    case 5: v = (int64_t)(int16_t)v; break;
    case 6: v = (int64_t)(int32_t)v; break;
    default: break;
    }
    return v << shift;
}

/* Logical (shifted register) specialized by width, opc, invert and shift
 * type: [sf][opc][n][type]. */
#define LOGIC_FN(SF, OPC, N, T)                                            \
static int op_logic_##SF##OPC##N##T(CPUState *cs, const TLOp *op)          \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    uint64_t a = X(op->rn), b = shift_reg(X(op->rm), SF, T, op->c);        \
    uint64_t r;                                                            \
                                                                           \
    if (N) {                                                               \
        b = ~b;                                                            \
    }                                                                      \
    r = OPC == 1 ? a | b : OPC == 2 ? a ^ b : a & b;                        \
    r = arm_wreg(SF, r);                                                   \
    if (OPC == 3) {                                                        \
        arm_logic_cc(env, SF, r);                                          \
    }                                                                      \
    X(op->rd) = r;                                                         \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define LOGIC_T(SF, OPC, N) LOGIC_FN(SF, OPC, N, 0) LOGIC_FN(SF, OPC, N, 1) \
    LOGIC_FN(SF, OPC, N, 2) LOGIC_FN(SF, OPC, N, 3)
#define LOGIC_N(SF, OPC) LOGIC_T(SF, OPC, 0) LOGIC_T(SF, OPC, 1)
#define LOGIC_OPC(SF) LOGIC_N(SF, 0) LOGIC_N(SF, 1) LOGIC_N(SF, 2) \
    LOGIC_N(SF, 3)
LOGIC_OPC(0)
LOGIC_OPC(1)

#define LOGIC_ENT_T(SF, OPC, N) { op_logic_##SF##OPC##N##0, \
    op_logic_##SF##OPC##N##1, op_logic_##SF##OPC##N##2, \
    op_logic_##SF##OPC##N##3 }
#define LOGIC_ENT_N(SF, OPC) { LOGIC_ENT_T(SF, OPC, 0), LOGIC_ENT_T(SF, OPC, 1) }
#define LOGIC_ENT_OPC(SF) { LOGIC_ENT_N(SF, 0), LOGIC_ENT_N(SF, 1), \
    LOGIC_ENT_N(SF, 2), LOGIC_ENT_N(SF, 3) }

static TLOpFn const logic_reg_fns[2][4][2][4] = {
    LOGIC_ENT_OPC(0), LOGIC_ENT_OPC(1),
};

/* ---- Add/sub: operand 2 worked out, then one of four adders. a = sub,
 * ra = set flags. Shifted: b = type, c = amount. Extended: b = option,
 * c = shift. */
static inline void add_sub_finish(CPUARMState *env, const TLOp *op,
                                  uint64_t a, uint64_t b)
{
    uint64_t r;

    if (op->ra) {
        r = op->a ? arm_add_cc(env, op->sf, a, ~b, 1)
                  : arm_add_cc(env, op->sf, a, b, 0);
    } else {
        r = arm_wreg(op->sf, op->a ? a - b : a + b);
    }
    X(op->rd) = r;
}

/*
 * Specialized add/sub (shifted register) handlers, one per width, add/sub,
 * flag setting and shift type, so the hot path has no run-time choice but
 * the shift amount (c). Generic op_addsub_shift stays for reference.
 */
#define ADDSUB_SHIFT_FN(SF, SUB, S, T)                                     \
static int op_addsub_##SF##SUB##S##T(CPUState *cs, const TLOp *op)         \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    uint64_t a = X(op->rn), b = shift_reg(X(op->rm), SF, T, op->c);        \
                                                                           \
    if (S) {                                                               \
        X(op->rd) = SUB ? arm_add_cc(env, SF, a, ~b, 1)                    \
                        : arm_add_cc(env, SF, a, b, 0);                    \
    } else {                                                               \
        X(op->rd) = arm_wreg(SF, SUB ? a - b : a + b);                     \
    }                                                                      \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define ADDSUB_SHIFT_T(SF, SUB, S) \
    ADDSUB_SHIFT_FN(SF, SUB, S, 0) ADDSUB_SHIFT_FN(SF, SUB, S, 1) \
    ADDSUB_SHIFT_FN(SF, SUB, S, 2)
#define ADDSUB_SHIFT_S(SF, SUB) ADDSUB_SHIFT_T(SF, SUB, 0) \
    ADDSUB_SHIFT_T(SF, SUB, 1)
#define ADDSUB_SHIFT_SUB(SF) ADDSUB_SHIFT_S(SF, 0) ADDSUB_SHIFT_S(SF, 1)
ADDSUB_SHIFT_SUB(0)
ADDSUB_SHIFT_SUB(1)

#define ADDSUB_SHIFT_ENT_T(SF, SUB, S) \
    { op_addsub_##SF##SUB##S##0, op_addsub_##SF##SUB##S##1, \
      op_addsub_##SF##SUB##S##2 }
#define ADDSUB_SHIFT_ENT_S(SF, SUB) \
    { ADDSUB_SHIFT_ENT_T(SF, SUB, 0), ADDSUB_SHIFT_ENT_T(SF, SUB, 1) }
#define ADDSUB_SHIFT_ENT_SUB(SF) \
    { ADDSUB_SHIFT_ENT_S(SF, 0), ADDSUB_SHIFT_ENT_S(SF, 1) }

/* [sf][sub][setflags][shift type] */
static TLOpFn const addsub_shift_fns[2][2][2][3] = {
    ADDSUB_SHIFT_ENT_SUB(0), ADDSUB_SHIFT_ENT_SUB(1),
};

static int op_addsub_ext(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    add_sub_finish(env, op, X(op->rn), extend_reg(X(op->rm), op->b, op->c));
    TL_GOTO_NEXT(cs, op);
}

/* ADC/SBC(S): a = sub, ra = set flags. */
static int op_adc(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t b = op->a ? ~X(op->rm) : X(op->rm);

    if (op->ra) {
        X(op->rd) = arm_add_cc(env, op->sf, X(op->rn), b, env->CF);
    } else {
        X(op->rd) = arm_wreg(op->sf, X(op->rn) + b + env->CF);
    }
    TL_GOTO_NEXT(cs, op);
}

/* CCMP/CCMN: a = cond, b = nzcv if false, c = sub; operand 2 is X(rm)
 * plus imm (rm is the zero slot for the immediate form). */
static int op_ccmp(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t b = X(op->rm) + op->imm;

    if (!arm_cond_holds(env, op->a)) {
        arm_nzcv_write(env, (uint32_t)op->b << 28);
    } else if (op->c) {
        arm_add_cc(env, op->sf, X(op->rn), ~b, 1);
    } else {
        arm_add_cc(env, op->sf, X(op->rn), b, 0);
    }
    TL_GOTO_NEXT(cs, op);
}

/* CSEL/CSINC/CSINV/CSNEG: a = cond, b = which. */
/* CSEL/CSINC/CSINV/CSNEG specialized by width, kind and condition: the
 * condition folds to a couple of flag tests. */
#define CSEL_FN(SF, K, C)                                                  \
static int op_csel_##SF##K##_##C(CPUState *cs, const TLOp *op)             \
{                                                                          \
    CPUARMState *env = cpu_env(cs);                                        \
    uint64_t m = X(op->rm);                                                \
                                                                           \
    m = K == 1 ? m + 1 : K == 2 ? ~m : K == 3 ? -m : m;                     \
    X(op->rd) = arm_wreg(SF, arm_cond_holds(env, C) ? X(op->rn) : m);      \
    TL_GOTO_NEXT(cs, op);                                                  \
}
#define CSEL_C(SF, K) \
    CSEL_FN(SF, K, 0) CSEL_FN(SF, K, 1) CSEL_FN(SF, K, 2) CSEL_FN(SF, K, 3) \
    CSEL_FN(SF, K, 4) CSEL_FN(SF, K, 5) CSEL_FN(SF, K, 6) CSEL_FN(SF, K, 7) \
    CSEL_FN(SF, K, 8) CSEL_FN(SF, K, 9) CSEL_FN(SF, K, 10) \
    CSEL_FN(SF, K, 11) CSEL_FN(SF, K, 12) CSEL_FN(SF, K, 13) \
    CSEL_FN(SF, K, 14) CSEL_FN(SF, K, 15)
#define CSEL_K(SF) CSEL_C(SF, 0) CSEL_C(SF, 1) CSEL_C(SF, 2) CSEL_C(SF, 3)
CSEL_K(0)
CSEL_K(1)

#define CSEL_ENT_C(SF, K) { \
    op_csel_##SF##K##_0, op_csel_##SF##K##_1, op_csel_##SF##K##_2, \
    op_csel_##SF##K##_3, op_csel_##SF##K##_4, op_csel_##SF##K##_5, \
    op_csel_##SF##K##_6, op_csel_##SF##K##_7, op_csel_##SF##K##_8, \
    op_csel_##SF##K##_9, op_csel_##SF##K##_10, op_csel_##SF##K##_11, \
    op_csel_##SF##K##_12, op_csel_##SF##K##_13, op_csel_##SF##K##_14, \
    op_csel_##SF##K##_15 }
#define CSEL_ENT_K(SF) { CSEL_ENT_C(SF, 0), CSEL_ENT_C(SF, 1), \
                         CSEL_ENT_C(SF, 2), CSEL_ENT_C(SF, 3) }

/* [sf][kind: CSEL, CSINC, CSINV, CSNEG][cond] */
static TLOpFn const csel_fns[2][4][16] = { CSEL_ENT_K(0), CSEL_ENT_K(1) };

/* ---- 1-source ---------------------------------------------------------- */

static uint64_t bitrev64(uint64_t v)
{
    v = (v >> 1 & 0x5555555555555555ULL) | (v & 0x5555555555555555ULL) << 1;
    v = (v >> 2 & 0x3333333333333333ULL) | (v & 0x3333333333333333ULL) << 2;
    v = (v >> 4 & 0x0f0f0f0f0f0f0f0fULL) | (v & 0x0f0f0f0f0f0f0f0fULL) << 4;
    return __builtin_bswap64(v);
}

static int op_rbit(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t r = bitrev64(X(op->rn));

    X(op->rd) = op->sf ? r : r >> 32;
    TL_GOTO_NEXT(cs, op);
}

/* REV16: bytes swapped within each halfword. */
static int op_rev16(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = X(op->rn);
    uint64_t r = (v >> 8 & 0x00ff00ff00ff00ffULL) |
                 (v & 0x00ff00ff00ff00ffULL) << 8;

    X(op->rd) = arm_wreg(op->sf, r);
    TL_GOTO_NEXT(cs, op);
}

/* REV32 (and 32-bit REV): bytes swapped within each word. */
static int op_rev32(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = X(op->rn);
    uint64_t r = (uint64_t)__builtin_bswap32(v >> 32) << 32 |
                 __builtin_bswap32((uint32_t)v);

    X(op->rd) = arm_wreg(op->sf, r);
    TL_GOTO_NEXT(cs, op);
}

static int op_rev64(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = __builtin_bswap64(X(op->rn));
    TL_GOTO_NEXT(cs, op);
}

static int op_clz(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = X(op->rn);

    if (op->sf) {
        X(op->rd) = v ? __builtin_clzll(v) : 64;
    } else {
        X(op->rd) = (uint32_t)v ? __builtin_clz((uint32_t)v) : 32;
    }
    TL_GOTO_NEXT(cs, op);
}

/* CLS: leading bits equal to the sign bit, not counting it. */
static int op_cls(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = X(op->rn);

    if (op->sf) {
        uint64_t t = v ^ (uint64_t)((int64_t)v >> 63);
        X(op->rd) = (t ? __builtin_clzll(t) : 64) - 1;
    } else {
        uint32_t w = v, t = w ^ (uint32_t)((int32_t)w >> 31);
        X(op->rd) = (t ? __builtin_clz(t) : 32) - 1;
    }
    TL_GOTO_NEXT(cs, op);
}

/* ---- 2-source ---------------------------------------------------------- */

/* Division by zero gives 0; INT_MIN / -1 gives INT_MIN (no trap). */
static int op_udiv(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t n = arm_wreg(op->sf, X(op->rn)), m = arm_wreg(op->sf, X(op->rm));

    X(op->rd) = m ? n / m : 0;
    TL_GOTO_NEXT(cs, op);
}

static int op_sdiv(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    int64_t n, m, r;

    if (op->sf) {
        n = X(op->rn);
        m = X(op->rm);
        if (m == 0) {
            r = 0;
        } else if (m == -1) {
            r = (int64_t)(0 - (uint64_t)n);
        } else {
            r = n / m;
        }
    } else {
        n = (int32_t)X(op->rn);
        m = (int32_t)X(op->rm);
        r = m ? n / m : 0;          /* in 64 bits INT32_MIN / -1 is fine */
    }
    X(op->rd) = arm_wreg(op->sf, r);
    TL_GOTO_NEXT(cs, op);
}

/* LSLV/LSRV/ASRV/RORV: amount is Rm modulo the width; b = type. */
static int op_shiftv(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned amt = X(op->rm) & (op->sf ? 63 : 31);

    X(op->rd) = shift_reg(X(op->rn), op->sf, op->b, amt);
    TL_GOTO_NEXT(cs, op);
}

/* ---- 3-source ---------------------------------------------------------- */

/* MADD/MSUB: a = sub. */
static int op_madd(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t p = X(op->rn) * X(op->rm);

    X(op->rd) = arm_wreg(op->sf, op->a ? X(op->ra) - p : X(op->ra) + p);
    TL_GOTO_NEXT(cs, op);
}

/* SMADDL/SMSUBL (b = 1) and UMADDL/UMSUBL (b = 0): 32x32 -> 64. */
static int op_maddl(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t p;

    if (op->b) {
        p = (uint64_t)((int64_t)(int32_t)X(op->rn) *
                       (int64_t)(int32_t)X(op->rm));
    } else {
        p = (uint64_t)(uint32_t)X(op->rn) * (uint32_t)X(op->rm);
    }
    X(op->rd) = op->a ? X(op->ra) - p : X(op->ra) + p;
    TL_GOTO_NEXT(cs, op);
}

static int op_smulh(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    __int128 p = (__int128)(int64_t)X(op->rn) * (int64_t)X(op->rm);

    X(op->rd) = (uint64_t)(p >> 64);
    TL_GOTO_NEXT(cs, op);
}

static int op_umulh(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned __int128 p = (unsigned __int128)X(op->rn) * X(op->rm);

    X(op->rd) = (uint64_t)(p >> 64);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders ------------------------------------------------------------ */

static void set_rd_rn_rm(TLOp *op, uint32_t insn)
{
    op->rd = reg_zr_w(insn & 0x1f);
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    op->rm = reg_zr_r(extract32(insn, 16, 5));
}

static bool disas_logic_reg(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned amt = extract32(insn, 10, 6);

    if (!sf && amt >= 32) {
        return false;
    }
    op->sf = sf;
    op->a = extract32(insn, 29, 2);
    op->b = extract32(insn, 22, 2);
    op->c = amt;
    op->ra = extract32(insn, 21, 1);
    op->fn = logic_reg_fns[sf][op->a][op->ra][op->b];
    set_rd_rn_rm(op, insn);
    return true;
}

static bool disas_add_sub_shift(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned type = extract32(insn, 22, 2), amt = extract32(insn, 10, 6);

    if (type == SHIFT_ROR || (!sf && amt >= 32)) {
        return false;
    }
    op->sf = sf;
    op->a = extract32(insn, 30, 1);
    op->ra = extract32(insn, 29, 1);
    op->b = type;
    op->fn = addsub_shift_fns[sf][op->a][op->ra][type];
    op->c = amt;
    set_rd_rn_rm(op, insn);
    return true;
}

static bool disas_add_sub_ext(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31, setflags = extract32(insn, 29, 1);
    unsigned shift = extract32(insn, 10, 3);

    if (shift > 4 || extract32(insn, 22, 2)) {
        return false;
    }
    op->fn = op_addsub_ext;
    op->sf = sf;
    op->a = extract32(insn, 30, 1);
    op->ra = setflags;
    op->b = extract32(insn, 13, 3);
    op->c = shift;
    op->rm = reg_zr_r(extract32(insn, 16, 5));
    op->rn = reg_sp(extract32(insn, 5, 5));
    op->rd = setflags ? reg_zr_w(insn & 0x1f) : reg_sp(insn & 0x1f);
    return true;
}

static bool disas_adc(DisasContext *s, TLOp *op, uint32_t insn)
{
    if (extract32(insn, 10, 6)) {
        return false;
    }
    op->fn = op_adc;
    op->sf = insn >> 31;
    op->a = extract32(insn, 30, 1);
    op->ra = extract32(insn, 29, 1);
    set_rd_rn_rm(op, insn);
    return true;
}

static bool disas_cond_cmp(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* S must be 1; o2 (bit 10) and o3 (bit 4) must be 0. */
    if (!extract32(insn, 29, 1) || extract32(insn, 10, 1) ||
        extract32(insn, 4, 1)) {
        return false;
    }
    op->fn = op_ccmp;
    op->sf = insn >> 31;
    op->c = extract32(insn, 30, 1);
    op->a = extract32(insn, 12, 4);
    op->b = insn & 0xf;
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    if (extract32(insn, 11, 1)) {
        op->rm = ARM_XREG_ZR;
        op->imm = extract32(insn, 16, 5);
    } else {
        op->rm = reg_zr_r(extract32(insn, 16, 5));
    }
    return true;
}

static bool disas_cond_sel(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned op2 = extract32(insn, 10, 2);

    if (extract32(insn, 29, 1) || op2 > 1) {
        return false;
    }
    op->sf = insn >> 31;
    op->a = extract32(insn, 12, 4);
    op->b = extract32(insn, 30, 1) << 1 | op2;
    op->fn = csel_fns[op->sf][op->b][op->a];
    set_rd_rn_rm(op, insn);
    return true;
}

static bool disas_dp_1src(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opcode = extract32(insn, 10, 6);

    if (extract32(insn, 29, 1) || extract32(insn, 16, 5)) {
        return false;
    }
    switch (opcode) {
    case 0: op->fn = op_rbit; break;
    case 1: op->fn = op_rev16; break;
    case 2: op->fn = op_rev32; break;   /* REV32, or REV of a W register */
    case 3:
        if (!sf) {
            return false;
        }
        op->fn = op_rev64;
        break;
    case 4: op->fn = op_clz; break;
    case 5: op->fn = op_cls; break;
    default: return false;              /* PAC and friends */
    }
    op->sf = sf;
    op->rd = reg_zr_w(insn & 0x1f);
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    return true;
}

static bool disas_dp_2src(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opcode = extract32(insn, 10, 6);

    if (extract32(insn, 29, 1)) {
        return false;
    }
    switch (opcode) {
    case 2: op->fn = op_udiv; break;
    case 3: op->fn = op_sdiv; break;
    case 8: case 9: case 10: case 11:
        op->fn = op_shiftv;
        op->b = opcode - 8;
        break;
    case 16: case 17: case 18: case 19: case 20: case 21: case 22: case 23:
        return disas_crc32(s, op, insn);        /* exec-crc32.c */
    default: return false;
    }
    op->sf = insn >> 31;
    set_rd_rn_rm(op, insn);
    return true;
}

static bool disas_dp_3src(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned op31 = extract32(insn, 21, 3), o0 = extract32(insn, 15, 1);

    if (extract32(insn, 29, 2)) {
        return false;
    }
    op->a = o0;
    switch (op31) {
    case 0: op->fn = op_madd; break;
    case 1: op->fn = op_maddl; op->b = 1; break;
    case 5: op->fn = op_maddl; op->b = 0; break;
    case 2: op->fn = o0 ? NULL : op_smulh; break;
    case 6: op->fn = o0 ? NULL : op_umulh; break;
    default: return false;
    }
    if (!op->fn || (op31 && !sf)) {
        return false;
    }
    op->sf = sf;
    set_rd_rn_rm(op, insn);
    op->ra = reg_zr_r(extract32(insn, 10, 5));
    return true;
}

bool disas_dp_reg(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool op1 = extract32(insn, 28, 1);
    unsigned op2 = extract32(insn, 21, 4);

    if (!op1) {
        if (!(op2 & 8)) {
            return disas_logic_reg(s, op, insn);
        }
        return (op2 & 1) ? disas_add_sub_ext(s, op, insn)
                         : disas_add_sub_shift(s, op, insn);
    }
    if (op2 & 8) {
        return disas_dp_3src(s, op, insn);
    }
    switch (op2) {
    case 0: return disas_adc(s, op, insn);
    case 2: return disas_cond_cmp(s, op, insn);
    case 4: return disas_cond_sel(s, op, insn);
    case 6:
        return extract32(insn, 30, 1) ? disas_dp_1src(s, op, insn)
                                      : disas_dp_2src(s, op, insn);
    default: return false;
    }
}
