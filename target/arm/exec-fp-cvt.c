/*
 * A64 conversions between floating point and general registers (ARM ARM
 * C4.1.95: "Conversion between floating-point and integer" and "... and
 * fixed-point"): FCVT{N,P,M,Z,A}{S,U}, SCVTF, UCVTF (with fbits for the
 * fixed-point forms), and FMOV between general and V registers, the top
 * half of V included. Half precision here is FEAT_FP16: UNDEF.
 *
 * Op fields: rd, rn = registers (V or X by direction), a = rounding mode
 * (FloatRoundMode; FRM_FPCR: the FPCR's), b = fbits.
 */
#include "qemu/osdep.h"
#include "exec-fp.h"

#define X(i) (env->xregs[(i)])
#define FRM_FPCR 0xff

static inline FloatRoundMode cvt_rmode(const TLOp *op, const FloatStatus *st)
{
    return op->a == FRM_FPCR ? st->rounding_mode : op->a;
}

/* FP -> integer: one handler per (source, destination width, sign). */
#define DEF_F2I(name, src_t, fn, dst_t)                                   \
    static int op_##name(CPUState *cs, const TLOp *op)                    \
    {                                                                     \
        CPUARMState *env = cpu_env(cs);                                   \
        FloatStatus st;                                                   \
        arm_fpst_init(env, &st);                                          \
        X(op->rd) = (dst_t)fn((src_t)fp_get(env, op->rn),                 \
                              cvt_rmode(op, &st), op->b, &st);            \
        arm_fpst_commit(env, &st);                                        \
        TL_GOTO_NEXT(cs, op);                                             \
    }

DEF_F2I(fcvt_s_w, float32, float32_to_int32, uint32_t)
DEF_F2I(fcvt_s_x, float32, float32_to_int64, uint64_t)
DEF_F2I(fcvt_s_uw, float32, float32_to_uint32, uint32_t)
DEF_F2I(fcvt_s_ux, float32, float32_to_uint64, uint64_t)
DEF_F2I(fcvt_d_w, float64, float64_to_int32, uint32_t)
DEF_F2I(fcvt_d_x, float64, float64_to_int64, uint64_t)
DEF_F2I(fcvt_d_uw, float64, float64_to_uint32, uint32_t)
DEF_F2I(fcvt_d_ux, float64, float64_to_uint64, uint64_t)

/* [double][unsigned][64-bit] */
static TLOpFn const f2i_fns[2][2][2] = {
    { { op_fcvt_s_w, op_fcvt_s_x }, { op_fcvt_s_uw, op_fcvt_s_ux } },
    { { op_fcvt_d_w, op_fcvt_d_x }, { op_fcvt_d_uw, op_fcvt_d_ux } },
};

/* Integer -> FP. */
#define DEF_I2F(name, src_t, fn)                                          \
    static int op_##name(CPUState *cs, const TLOp *op)                    \
    {                                                                     \
        CPUARMState *env = cpu_env(cs);                                   \
        FloatStatus st;                                                   \
        arm_fpst_init(env, &st);                                          \
        fp_set(env, op->rd, fn((src_t)X(op->rn), op->b, &st));            \
        arm_fpst_commit(env, &st);                                        \
        TL_GOTO_NEXT(cs, op);                                             \
    }

DEF_I2F(scvtf_w_s, int32_t, int32_to_float32)
DEF_I2F(scvtf_x_s, int64_t, int64_to_float32)
DEF_I2F(ucvtf_w_s, uint32_t, uint32_to_float32)
DEF_I2F(ucvtf_x_s, uint64_t, uint64_to_float32)
DEF_I2F(scvtf_w_d, int32_t, int32_to_float64)
DEF_I2F(scvtf_x_d, int64_t, int64_to_float64)
DEF_I2F(ucvtf_w_d, uint32_t, uint32_to_float64)
DEF_I2F(ucvtf_x_d, uint64_t, uint64_to_float64)

/* [double][unsigned][64-bit] */
static TLOpFn const i2f_fns[2][2][2] = {
    { { op_scvtf_w_s, op_scvtf_x_s }, { op_ucvtf_w_s, op_ucvtf_x_s } },
    { { op_scvtf_w_d, op_scvtf_x_d }, { op_ucvtf_w_d, op_ucvtf_x_d } },
};

/* ---- FMOV between general and V registers (no FP status) ----------- */

static int op_fmov_to_w(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = (uint32_t)env->vregs[op->rn].d[0];
    TL_GOTO_NEXT(cs, op);
}

static int op_fmov_to_x(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = env->vregs[op->rn].d[0];
    TL_GOTO_NEXT(cs, op);
}

static int op_fmov_to_x_top(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = env->vregs[op->rn].d[1];
    TL_GOTO_NEXT(cs, op);
}

static int op_fmov_from_w(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    fp_set(env, op->rd, (uint32_t)X(op->rn));
    TL_GOTO_NEXT(cs, op);
}

static int op_fmov_from_x(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    fp_set(env, op->rd, X(op->rn));
    TL_GOTO_NEXT(cs, op);
}

/* FMOV Vd.D[1], Xn: the low half stays. */
static int op_fmov_from_x_top(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    env->vregs[op->rd].d[1] = X(op->rn);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders ------------------------------------------------------- */

/* FCVT{N,P,M,Z} by rmode insn[20:19]. */
static const uint8_t fcvt_rmodes[4] = {
    FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP, FLOAT_ROUND_DOWN,
    FLOAT_ROUND_TO_ZERO,
};

/* Fill op as FP -> int (to_int) or int -> FP for ftype S/D, sf. */
static void cvt_setup(TLOp *op, uint32_t insn, bool to_int, bool is_unsigned,
                      unsigned rmode_fn, unsigned fbits)
{
    bool sf = extract32(insn, 31, 1), dbl = extract32(insn, 22, 2) == 1;
    unsigned rd = insn & 0x1f, rn = extract32(insn, 5, 5);

    if (to_int) {
        op->fn = f2i_fns[dbl][is_unsigned][sf];
        op->rd = reg_zr_w(rd);
        op->rn = rn;
        op->a = rmode_fn;
    } else {
        op->fn = i2f_fns[dbl][is_unsigned][sf];
        op->rd = rd;
        op->rn = reg_zr_r(rn);
    }
    op->b = fbits;
}

static bool disas_fmov_gen(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* sf:type:rmode:opcode<0>; opcode<0> = 1 is general -> V. */
    unsigned key = extract32(insn, 31, 1) << 5 | extract32(insn, 22, 2) << 3 |
                   extract32(insn, 19, 2) << 1 | extract32(insn, 16, 1);
    unsigned rd = insn & 0x1f, rn = extract32(insn, 5, 5);

    switch (key) {
    case 0x00: op->fn = op_fmov_to_w; break;          /* sf0 S */
    case 0x01: op->fn = op_fmov_from_w; break;
    case 0x28: op->fn = op_fmov_to_x; break;          /* sf1 D */
    case 0x29: op->fn = op_fmov_from_x; break;
    case 0x32: op->fn = op_fmov_to_x_top; break;      /* sf1 type 10 rm 01 */
    case 0x33: op->fn = op_fmov_from_x_top; break;
    default: return false;              /* half (FP16), reserved */
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    if (key & 1) {
        op->rd = rd;
        op->rn = reg_zr_r(rn);
    } else {
        op->rd = reg_zr_w(rd);
        op->rn = rn;
    }
    return true;
}

bool disas_fp_int_conv(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned ftype = extract32(insn, 22, 2), rmode = extract32(insn, 19, 2);
    unsigned opcode = extract32(insn, 16, 3);

    if (extract32(insn, 29, 1)) {
        return false;
    }
    if (opcode >= 6) {
        return disas_fmov_gen(s, op, insn);
    }
    if (ftype >= 2) {
        return false;                   /* reserved, FP16 */
    }
    if (opcode <= 1) {
        cvt_setup(op, insn, true, opcode, fcvt_rmodes[rmode], 0);
    } else if (rmode != 0) {
        return false;
    } else if (opcode <= 3) {
        cvt_setup(op, insn, false, opcode & 1, 0, 0);
    } else {
        cvt_setup(op, insn, true, opcode & 1, FLOAT_ROUND_TIES_AWAY, 0);
    }
    /* A trapped access replaces op with the trap: complete either way. */
    arm_fp_access_check(s, op);
    return true;
}

bool disas_fp_fixed_conv(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned ftype = extract32(insn, 22, 2), rmode = extract32(insn, 19, 2);
    unsigned opcode = extract32(insn, 16, 3), scale = extract32(insn, 10, 6);
    bool sf = extract32(insn, 31, 1);

    if (extract32(insn, 29, 1) || ftype >= 2 || (!sf && scale < 32)) {
        return false;
    }
    if (rmode == 0 && (opcode == 2 || opcode == 3)) {
        cvt_setup(op, insn, false, opcode & 1, 0, 64 - scale);
    } else if (rmode == 3 && opcode <= 1) {
        cvt_setup(op, insn, true, opcode, FLOAT_ROUND_TO_ZERO, 64 - scale);
    } else {
        return false;
    }
    /* A trapped access replaces op with the trap: complete either way. */
    arm_fp_access_check(s, op);
    return true;
}
