/*
 * A64 data processing, immediate (ARM ARM C4.1.86): PC-relative
 * addressing, add/subtract, logical, move wide, bitfield, extract.
 * Constants (ADR/ADRP targets, MOVZ/MOVN values, logical masks) are worked
 * out at decode time; the ops only combine registers.
 */
#include "qemu/osdep.h"
#include "translate.h"

#define X(i) (env->xregs[(i)])

/* Rd = imm (precomputed: ADR, ADRP, MOVZ, MOVN). */
static int op_movi(CPUState *cs, const TLOp *op)
{
    cpu_env(cs)->xregs[op->rd] = op->imm;
    TL_GOTO_NEXT(cs, op);
}

/* MOVK: a = shift of the 16-bit field. */
static int op_movk(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = (X(op->rd) & ~(0xffffULL << op->a)) | op->imm;

    X(op->rd) = arm_wreg(op->sf, v);
    TL_GOTO_NEXT(cs, op);
}

/* ADD/SUB imm without flags: SUB is ADD of the negated immediate. */
static int op_add_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = arm_wreg(op->sf, X(op->rn) + op->imm);
    TL_GOTO_NEXT(cs, op);
}

static int op_adds_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = arm_add_cc(env, op->sf, X(op->rn), op->imm, 0);
    TL_GOTO_NEXT(cs, op);
}

/* SUBS: a + NOT(imm) + 1, so C is NOT(borrow) as the ARM ARM says. */
static int op_subs_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = arm_add_cc(env, op->sf, X(op->rn), ~op->imm, 1);
    TL_GOTO_NEXT(cs, op);
}

static int op_and_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = arm_wreg(op->sf, X(op->rn) & op->imm);
    TL_GOTO_NEXT(cs, op);
}

static int op_orr_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = arm_wreg(op->sf, X(op->rn) | op->imm);
    TL_GOTO_NEXT(cs, op);
}

static int op_eor_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    X(op->rd) = arm_wreg(op->sf, X(op->rn) ^ op->imm);
    TL_GOTO_NEXT(cs, op);
}

static int op_ands_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t r = arm_wreg(op->sf, X(op->rn) & op->imm);

    arm_logic_cc(env, op->sf, r);
    X(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

/*
 * Bitfield moves as "take len bits of Rn at a, put them at c": with
 * imms >= immr the field Rn<imms:immr> goes to bit 0, otherwise
 * Rn<imms:0> goes to bit datasize - immr (ARM ARM: SBFM/UBFM/BFM).
 */
static inline uint64_t field_mask(unsigned len)
{
    return len >= 64 ? ~0ULL : (1ULL << len) - 1;
}

static int op_ubfm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t f = (X(op->rn) >> op->a) & field_mask(op->b);

    X(op->rd) = arm_wreg(op->sf, f << op->c);
    TL_GOTO_NEXT(cs, op);
}

static int op_sbfm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned top = op->a + op->b;       /* field end in Rn, <= 64 */
    int64_t f = (int64_t)(X(op->rn) << (64 - top)) >> (64 - op->b);

    X(op->rd) = arm_wreg(op->sf, (uint64_t)f << op->c);
    TL_GOTO_NEXT(cs, op);
}

static int op_bfm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t m = field_mask(op->b) << op->c;
    uint64_t f = ((X(op->rn) >> op->a) << op->c) & m;

    X(op->rd) = arm_wreg(op->sf, (X(op->rd) & ~m) | f);
    TL_GOTO_NEXT(cs, op);
}

/* EXTR: (Rn:Rm) >> lsb, lsb in a. */
static int op_extr(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned lsb = op->a, width = op->sf ? 64 : 32;
    uint64_t lo = arm_wreg(op->sf, X(op->rm)), hi = arm_wreg(op->sf, X(op->rn));
    uint64_t r = lsb ? (lo >> lsb) | (hi << (width - lsb)) : lo;

    X(op->rd) = arm_wreg(op->sf, r);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders -------------------------------------------------------- */

static bool disas_pc_rel(DisasContext *s, TLOp *op, uint32_t insn)
{
    uint64_t imm = sext_field(insn, 5, 19, 2) | extract32(insn, 29, 2);

    op->fn = op_movi;
    op->rd = reg_zr_w(insn & 0x1f);
    if (insn >> 31) {                   /* ADRP */
        op->imm = (s->pc & ~0xfffULL) + (imm << 12);
    } else {
        op->imm = s->pc + imm;
    }
    return true;
}

static bool disas_add_sub_imm(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31, sub = extract32(insn, 30, 1), setflags =
        extract32(insn, 29, 1);
    uint64_t imm = extract32(insn, 10, 12);

    if (extract32(insn, 22, 1)) {
        imm <<= 12;
    }
    op->sf = sf;
    op->rn = reg_sp(extract32(insn, 5, 5));
    if (setflags) {
        op->rd = reg_zr_w(insn & 0x1f);
        op->fn = sub ? op_subs_imm : op_adds_imm;
        op->imm = imm;
    } else {
        op->rd = reg_sp(insn & 0x1f);
        op->fn = op_add_imm;
        op->imm = sub ? -imm : imm;
    }
    return true;
}

static bool disas_logic_imm(DisasContext *s, TLOp *op, uint32_t insn)
{
    static TLOpFn const fns[4] = {
        op_and_imm, op_orr_imm, op_eor_imm, op_ands_imm
    };
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2), n = extract32(insn, 22, 1);
    uint64_t wmask;

    if (!sf && n) {
        return false;
    }
    if (!logic_imm_decode_wmask(&wmask, n, extract32(insn, 10, 6),
                                extract32(insn, 16, 6))) {
        return false;
    }
    op->fn = fns[opc];
    op->sf = sf;
    op->imm = sf ? wmask : (uint32_t)wmask;
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    /* ANDS writes XZR; the others may write SP. */
    op->rd = opc == 3 ? reg_zr_w(insn & 0x1f) : reg_sp(insn & 0x1f);
    return true;
}

static bool disas_movw(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2), hw = extract32(insn, 21, 2);
    uint64_t imm = (uint64_t)extract32(insn, 5, 16) << (16 * hw);

    if (opc == 1 || (!sf && hw >= 2)) {
        return false;
    }
    op->sf = sf;
    op->rd = reg_zr_w(insn & 0x1f);
    switch (opc) {
    case 0:                             /* MOVN */
        op->fn = op_movi;
        op->imm = arm_wreg(sf, ~imm);
        break;
    case 2:                             /* MOVZ */
        op->fn = op_movi;
        op->imm = imm;
        break;
    default:                            /* MOVK reads Rd too */
        op->fn = op_movk;
        op->rd = insn & 0x1f;
        if (op->rd == 31) {
            op->rd = ARM_XREG_SINK;
        }
        op->a = 16 * hw;
        op->imm = imm;
        break;
    }
    return true;
}

static bool disas_bitfield(DisasContext *s, TLOp *op, uint32_t insn)
{
    static TLOpFn const fns[3] = { op_sbfm, op_bfm, op_ubfm };
    bool sf = insn >> 31;
    unsigned opc = extract32(insn, 29, 2), n = extract32(insn, 22, 1);
    unsigned immr = extract32(insn, 16, 6), imms = extract32(insn, 10, 6);
    unsigned width = sf ? 64 : 32;

    if (opc == 3 || n != sf || (!sf && (immr >= 32 || imms >= 32))) {
        return false;
    }
    op->fn = fns[opc];
    op->sf = sf;
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    op->rd = reg_zr_w(insn & 0x1f);
    if (imms >= immr) {
        op->a = immr;
        op->b = imms - immr + 1;
        op->c = 0;
    } else {
        op->a = 0;
        op->b = imms + 1;
        op->c = width - immr;
    }
    /* BFM merges into Rd: it must read the real register. */
    if (opc == 1 && op->rd != ARM_XREG_SINK) {
        op->rd = insn & 0x1f;
    }
    return true;
}

static bool disas_extract(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool sf = insn >> 31;
    unsigned n = extract32(insn, 22, 1), imms = extract32(insn, 10, 6);

    if (extract32(insn, 29, 2) || extract32(insn, 21, 1) || n != sf ||
        (!sf && imms >= 32)) {
        return false;
    }
    op->fn = op_extr;
    op->sf = sf;
    op->a = imms;
    op->rm = reg_zr_r(extract32(insn, 16, 5));
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    op->rd = reg_zr_w(insn & 0x1f);
    return true;
}

bool disas_dp_imm(DisasContext *s, TLOp *op, uint32_t insn)
{
    switch (extract32(insn, 23, 3)) {
    case 0: case 1: return disas_pc_rel(s, op, insn);
    case 2: return disas_add_sub_imm(s, op, insn);
    case 4: return disas_logic_imm(s, op, insn);
    case 5: return disas_movw(s, op, insn);
    case 6: return disas_bitfield(s, op, insn);
    case 7: return disas_extract(s, op, insn);
    default: return false;              /* add/sub with tags (MTE) */
    }
}
