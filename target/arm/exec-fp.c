/*
 * A64 scalar floating point (ARM ARM C4.1.95, the groups with insn[30] = 0
 * and insn[28:24] = 1111x): data processing with 1, 2 and 3 sources,
 * compares, conditional compare and select, FMOV immediate; conversions
 * to and from general registers are in exec-fp-cvt.c. Also FPCR and FPSR
 * as system registers.
 *
 * All arithmetic goes through fpu/softfloat (ARM's NaN, flush-to-zero and
 * rounding rules, bit-exact with QEMU); the host FPU is never used.
 * Half-precision arithmetic is FEAT_FP16 (ARMv8.2), which cortex-a57 does
 * not have: those encodings are UNDEF; FCVT to and from half is ARMv8.0.
 *
 * Op fields: rd, rn, rm, ra = V register numbers; sf = log2 of the
 * element size where one handler serves several; the rest per group.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "exec-fp.h"

/* ---- 2 sources: FMUL FDIV FADD FSUB FMAX FMIN FMAXNM FMINNM FNMUL -- */

static inline float32 f32_nmul(float32 a, float32 b, FloatStatus *st)
{
    return float32_neg(float32_mul(a, b, st));
}

static inline float64 f64_nmul(float64 a, float64 b, FloatStatus *st)
{
    return float64_neg(float64_mul(a, b, st));
}

#define DEF_FP2(name, f32, f64)                                           \
    static int op_##name##_s(CPUState *cs, const TLOp *op)                \
    {                                                                     \
        CPUARMState *env = cpu_env(cs);                                   \
        FloatStatus st;                                                   \
        arm_fpst_init(env, &st);                                          \
        fp_set(env, op->rd, f32((float32)fp_get(env, op->rn),             \
                                (float32)fp_get(env, op->rm), &st));      \
        arm_fpst_commit(env, &st);                                        \
        TL_GOTO_NEXT(cs, op);                                             \
    }                                                                     \
    static int op_##name##_d(CPUState *cs, const TLOp *op)                \
    {                                                                     \
        CPUARMState *env = cpu_env(cs);                                   \
        FloatStatus st;                                                   \
        arm_fpst_init(env, &st);                                          \
        fp_set(env, op->rd, f64(fp_get(env, op->rn), fp_get(env, op->rm), \
                                &st));                                    \
        arm_fpst_commit(env, &st);                                        \
        TL_GOTO_NEXT(cs, op);                                             \
    }

DEF_FP2(fmul, float32_mul, float64_mul)
DEF_FP2(fdiv, float32_div, float64_div)
DEF_FP2(fadd, float32_add, float64_add)
DEF_FP2(fsub, float32_sub, float64_sub)
DEF_FP2(fmax, float32_max, float64_max)
DEF_FP2(fmin, float32_min, float64_min)
DEF_FP2(fmaxnm, float32_maxnum, float64_maxnum)
DEF_FP2(fminnm, float32_minnum, float64_minnum)
DEF_FP2(fnmul, f32_nmul, f64_nmul)

/* [opcode insn[15:12]][0 = single, 1 = double] */
static TLOpFn const fp2_fns[9][2] = {
    { op_fmul_s, op_fmul_d },     { op_fdiv_s, op_fdiv_d },
    { op_fadd_s, op_fadd_d },     { op_fsub_s, op_fsub_d },
    { op_fmax_s, op_fmax_d },     { op_fmin_s, op_fmin_d },
    { op_fmaxnm_s, op_fmaxnm_d }, { op_fminnm_s, op_fminnm_d },
    { op_fnmul_s, op_fnmul_d },
};

/* ---- 3 sources: FMADD FMSUB FNMADD FNMSUB; a = muladd flags -------- */

static int op_fmadd_s(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    FloatStatus st;

    arm_fpst_init(env, &st);
    fp_set(env, op->rd, float32_muladd((float32)fp_get(env, op->rn),
                                       (float32)fp_get(env, op->rm),
                                       (float32)fp_get(env, op->ra),
                                       op->a, &st));
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

static int op_fmadd_d(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    FloatStatus st;

    arm_fpst_init(env, &st);
    fp_set(env, op->rd, float64_muladd(fp_get(env, op->rn),
                                       fp_get(env, op->rm),
                                       fp_get(env, op->ra), op->a, &st));
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

/* ---- 1 source ------------------------------------------------------- */

/* FMOV, FABS, FNEG: bit operations, no flags. imm = the mask of the
 * value's bits, c = the sign bit position (FABS clears, FNEG flips). */
static int op_fmov_reg(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    fp_set(env, op->rd, fp_get(env, op->rn) & op->imm);
    TL_GOTO_NEXT(cs, op);
}

static int op_fabs(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    fp_set(env, op->rd,
           fp_get(env, op->rn) & op->imm & ~(1ULL << op->c));
    TL_GOTO_NEXT(cs, op);
}

static int op_fneg(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    fp_set(env, op->rd, (fp_get(env, op->rn) & op->imm) ^ (1ULL << op->c));
    TL_GOTO_NEXT(cs, op);
}

static int op_fsqrt_s(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    FloatStatus st;

    arm_fpst_init(env, &st);
    fp_set(env, op->rd, float32_sqrt((float32)fp_get(env, op->rn), &st));
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

static int op_fsqrt_d(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    FloatStatus st;

    arm_fpst_init(env, &st);
    fp_set(env, op->rd, float64_sqrt(fp_get(env, op->rn), &st));
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

/* FRINT*: a = rounding mode (FRM_FPCR: FPCR.RMode), b = exact (FRINTX). */
#define FRM_FPCR 0xff

static int op_frint_s(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    FloatStatus st;

    arm_fpst_init(env, &st);
    fp_set(env, op->rd, float32_round_to_int(
               (float32)fp_get(env, op->rn),
               op->a == FRM_FPCR ? st.rounding_mode : op->a, op->b, &st));
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

static int op_frint_d(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    FloatStatus st;

    arm_fpst_init(env, &st);
    fp_set(env, op->rd, float64_round_to_int(
               fp_get(env, op->rn),
               op->a == FRM_FPCR ? st.rounding_mode : op->a, op->b, &st));
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

/* FCVT between precisions, one handler per (from, to). */
#define DEF_FCVT(name, from_t, fn)                                        \
    static int op_fcvt_##name(CPUState *cs, const TLOp *op)               \
    {                                                                     \
        CPUARMState *env = cpu_env(cs);                                   \
        FloatStatus st;                                                   \
        arm_fpst_init(env, &st);                                          \
        fp_set(env, op->rd, fn((from_t)fp_get(env, op->rn), &st));        \
        arm_fpst_commit(env, &st);                                        \
        TL_GOTO_NEXT(cs, op);                                             \
    }

DEF_FCVT(sd, float32, float32_to_float64)
DEF_FCVT(sh, float32, float32_to_float16)
DEF_FCVT(ds, float64, float64_to_float32)
DEF_FCVT(dh, float64, float64_to_float16)
DEF_FCVT(hs, float16, float16_to_float32)
DEF_FCVT(hd, float16, float16_to_float64)

/* [from log2 size - 1][to log2 size - 1]: H = 0, S = 1, D = 2. */
static TLOpFn const fcvt_fns[3][3] = {
    { NULL, op_fcvt_hs, op_fcvt_hd },
    { op_fcvt_sh, NULL, op_fcvt_sd },
    { op_fcvt_dh, op_fcvt_ds, NULL },
};

/* ---- Compares: b = signalling (FCMPE), c = against +0.0 ------------- */

static int op_fcmp_s(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    float32 a = fp_get(env, op->rn), b = op->c ? 0 : fp_get(env, op->rm);
    FloatStatus st;
    FloatRelation r;

    arm_fpst_init(env, &st);
    r = op->b ? float32_compare(a, b, &st)
              : float32_compare_quiet(a, b, &st);
    arm_nzcv_write(env, float_relation_to_nzcv(r) << 28);
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

static int op_fcmp_d(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    float64 a = fp_get(env, op->rn), b = op->c ? 0 : fp_get(env, op->rm);
    FloatStatus st;
    FloatRelation r;

    arm_fpst_init(env, &st);
    r = op->b ? float64_compare(a, b, &st)
              : float64_compare_quiet(a, b, &st);
    arm_nzcv_write(env, float_relation_to_nzcv(r) << 28);
    arm_fpst_commit(env, &st);
    TL_GOTO_NEXT(cs, op);
}

/* FCCMP/FCCMPE: a = cond, imm = NZCV (at bit 28) when it fails. */
static int op_fccmp(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    if (!arm_cond_holds(env, op->a)) {
        arm_nzcv_write(env, (uint32_t)op->imm);
        TL_GOTO_NEXT(cs, op);
    }
    return op->sf == 2 ? op_fcmp_s(cs, op) : op_fcmp_d(cs, op);
}

/* FCSEL: a = cond, imm = the value mask. */
static int op_fcsel(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned r = arm_cond_holds(env, op->a) ? op->rn : op->rm;

    fp_set(env, op->rd, fp_get(env, r) & op->imm);
    TL_GOTO_NEXT(cs, op);
}

/* FMOV (immediate): imm = the expanded constant. */
static int op_fmov_imm(CPUState *cs, const TLOp *op)
{
    fp_set(cpu_env(cs), op->rd, op->imm);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders ------------------------------------------------------- */

static inline uint64_t fp_mask(int size)
{
    return size == 3 ? ~0ULL : (1ULL << (8 << size)) - 1;
}

static void fp_regs(TLOp *op, uint32_t insn)
{
    op->rd = insn & 0x1f;
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
    op->ra = extract32(insn, 10, 5);
}

static bool disas_fp_2src(DisasContext *s, TLOp *op, uint32_t insn)
{
    int size = fp_type_size(extract32(insn, 22, 2));
    unsigned opcode = extract32(insn, 12, 4);

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || opcode > 8 ||
        size < 2) {
        return false;                   /* M, S, reserved, FP16 */
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    fp_regs(op, insn);
    op->fn = fp2_fns[opcode][size - 2];
    return true;
}

static bool disas_fp_3src(DisasContext *s, TLOp *op, uint32_t insn)
{
    static const uint8_t flags[4] = {
        0,                                                       /* FMADD */
        FLOAT_MULADD_NEGATE_PRODUCT,                             /* FMSUB */
        FLOAT_MULADD_NEGATE_PRODUCT | FLOAT_MULADD_NEGATE_ADDEND,/* FNMADD */
        FLOAT_MULADD_NEGATE_ADDEND,                              /* FNMSUB */
    };
    int size = fp_type_size(extract32(insn, 22, 2));

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || size < 2) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    fp_regs(op, insn);
    op->a = flags[extract32(insn, 21, 1) << 1 | extract32(insn, 15, 1)];
    op->fn = size == 2 ? op_fmadd_s : op_fmadd_d;
    return true;
}

/* FRINTN P M Z A (reserved) X I: the rounding mode of opcode 8..15. */
static const uint8_t frint_modes[8] = {
    FLOAT_ROUND_NEAREST_EVEN, FLOAT_ROUND_UP, FLOAT_ROUND_DOWN,
    FLOAT_ROUND_TO_ZERO, FLOAT_ROUND_TIES_AWAY, 0, FRM_FPCR, FRM_FPCR,
};

static bool disas_fp_1src(DisasContext *s, TLOp *op, uint32_t insn)
{
    int size = fp_type_size(extract32(insn, 22, 2));
    unsigned opcode = extract32(insn, 15, 6);

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || size < 0) {
        return false;
    }
    if (opcode >= 4 && opcode <= 7) {               /* FCVT */
        int to = fp_type_size(opcode & 3);
        if (to < 0 || to == size) {
            return false;
        }
        op->fn = fcvt_fns[size - 1][to - 1];
    } else if (size == 1) {
        return false;                   /* half arithmetic: FEAT_FP16 */
    } else if (opcode <= 2) {
        static TLOpFn const bitops[3] = { op_fmov_reg, op_fabs, op_fneg };
        op->fn = bitops[opcode];
        op->imm = fp_mask(size);
        op->c = (8 << size) - 1;
    } else if (opcode == 3) {
        op->fn = size == 2 ? op_fsqrt_s : op_fsqrt_d;
    } else if (opcode >= 8 && opcode <= 15 && opcode != 13) {
        op->fn = size == 2 ? op_frint_s : op_frint_d;
        op->a = frint_modes[opcode - 8];
        op->b = opcode == 14;           /* FRINTX */
    } else {
        return false;                   /* FRINT32/64 (v8.5), BFCVT */
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    fp_regs(op, insn);
    return true;
}

static bool disas_fp_compare(DisasContext *s, TLOp *op, uint32_t insn)
{
    int size = fp_type_size(extract32(insn, 22, 2));

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || size < 2 ||
        extract32(insn, 14, 2) || extract32(insn, 0, 3)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    fp_regs(op, insn);
    op->fn = size == 2 ? op_fcmp_s : op_fcmp_d;
    op->b = extract32(insn, 4, 1);
    op->c = extract32(insn, 3, 1);
    return true;
}

static bool disas_fp_ccmp(DisasContext *s, TLOp *op, uint32_t insn)
{
    int size = fp_type_size(extract32(insn, 22, 2));

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || size < 2) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    fp_regs(op, insn);
    op->fn = op_fccmp;
    op->sf = size;
    op->a = extract32(insn, 12, 4);
    op->b = extract32(insn, 4, 1);
    op->imm = (uint64_t)extract32(insn, 0, 4) << 28;
    return true;
}

static bool disas_fp_csel(DisasContext *s, TLOp *op, uint32_t insn)
{
    int size = fp_type_size(extract32(insn, 22, 2));

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || size < 2) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    fp_regs(op, insn);
    op->fn = op_fcsel;
    op->a = extract32(insn, 12, 4);
    op->imm = fp_mask(size);
    return true;
}

/* VFPExpandImm: imm8 = a:b:cdefgh -> sign a, exponent NOT(b):b..b:cd,
 * fraction efgh followed by zeros. */
static uint64_t fp_expand_imm(unsigned imm8, int size)
{
    uint64_t sign = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;

    if (size == 2) {
        return sign << 31 | (b ? 0x3e000000ULL : 0x40000000ULL) |
               cdefgh << 19;
    }
    return sign << 63 | (b ? 0x3fc0000000000000ULL : 0x4000000000000000ULL) |
           cdefgh << 48;
}

static bool disas_fp_imm(DisasContext *s, TLOp *op, uint32_t insn)
{
    int size = fp_type_size(extract32(insn, 22, 2));

    if (extract32(insn, 31, 1) || extract32(insn, 29, 1) || size < 2 ||
        extract32(insn, 5, 5)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->fn = op_fmov_imm;
    op->rd = insn & 0x1f;
    op->imm = fp_expand_imm(extract32(insn, 13, 8), size);
    return true;
}

bool disas_fp_scalar(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* insn[30] = 0, insn[28:25] = 1111: the scalar FP groups. */
    if ((insn & 0x5e000000) != 0x1e000000) {
        return false;
    }
    if (extract32(insn, 24, 1)) {
        return disas_fp_3src(s, op, insn);
    }
    if (!extract32(insn, 21, 1)) {
        return disas_fp_fixed_conv(s, op, insn);
    }
    switch (extract32(insn, 10, 2)) {
    case 1:
        return disas_fp_ccmp(s, op, insn);
    case 2:
        return disas_fp_2src(s, op, insn);
    case 3:
        return disas_fp_csel(s, op, insn);
    default:
        break;
    }
    if (extract32(insn, 12, 1)) {
        return disas_fp_imm(s, op, insn);
    }
    if (extract32(insn, 13, 1)) {
        return disas_fp_compare(s, op, insn);
    }
    if (extract32(insn, 14, 1)) {
        return disas_fp_1src(s, op, insn);
    }
    if (!extract32(insn, 15, 1)) {
        return disas_fp_int_conv(s, op, insn);
    }
    return false;
}

/* ---- FPCR and FPSR --------------------------------------------------- */

/*
 * Writable bits as QEMU 7.2 keeps them for cortex-a57: FPCR AHP, DN, FZ,
 * RMode (and Len/Stride, kept for AArch32); the trap enables read as zero
 * since trapped exceptions are not implemented. FPSR: the AArch32 NZCV,
 * QC, and the cumulative flags.
 */
#define FPCR_WRITABLE 0x07f70000u
#define FPSR_WRITABLE 0xf800009fu

/* CPACR_EL1.FPEN: 0b11 enables FP at EL0 and EL1, 0b01 at EL1 only. */
static ARMAccessResult fp_access(CPUARMState *env, const ARMSysReg *ri,
                                 bool isread)
{
    unsigned fpen = extract32(env->cpacr_el1, 20, 2);

    if (fpen == 3 || (fpen == 1 && env->el == 1)) {
        return ARM_ACCESS_OK;
    }
    return ARM_ACCESS_TRAP_FP;
}

static uint64_t fpcr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->fpcr;
}

static void fpcr_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->fpcr = (uint32_t)v & FPCR_WRITABLE;
}

static uint64_t fpsr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->fpsr;
}

static void fpsr_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->fpsr = (uint32_t)v & FPSR_WRITABLE;
}

static const ARMSysReg arm_sysregs_fp[] = {
    { "FPCR", 3, 3, 4, 4, 0, ALL_RW, .read = fpcr_read, .write = fpcr_write,
      .accessfn = fp_access },
    { "FPSR", 3, 3, 4, 4, 1, ALL_RW, .read = fpsr_read, .write = fpsr_write,
      .accessfn = fp_access },
};

void arm_sysregs_register_fp(void)
{
    arm_sysregs_register(arm_sysregs_fp, ARRAY_SIZE(arm_sysregs_fp));
}
