/*
 * A64 branches (ARM ARM C4.1.84): B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ,
 * BR, BLR, RET, ERET. Every branch ends its block. Direct branches report a
 * chain slot (0 taken, 1 not taken) whose target the block records, so
 * the engine can jump to the next block without a lookup; register
 * branches set the PC and ask for a lookup.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "internals.h"

#define X(i) (env->xregs[(i)])

static int op_b(CPUState *cs, const TLOp *op)
{
    return TL_CHAIN0;
}

/* BL: imm is the return address. */
static int op_bl(CPUState *cs, const TLOp *op)
{
    cpu_env(cs)->xregs[30] = op->imm;
    return TL_CHAIN0;
}

/* B.cond, one handler per condition so the test folds to flag checks. */
#define BCOND_FN(C)                                                        \
static int op_bcond_##C(CPUState *cs, const TLOp *op)                      \
{                                                                          \
    return arm_cond_holds(cpu_env(cs), C) ? TL_CHAIN0 : TL_CHAIN1;          \
}
BCOND_FN(0) BCOND_FN(1) BCOND_FN(2) BCOND_FN(3) BCOND_FN(4) BCOND_FN(5)
BCOND_FN(6) BCOND_FN(7) BCOND_FN(8) BCOND_FN(9) BCOND_FN(10) BCOND_FN(11)
BCOND_FN(12) BCOND_FN(13) BCOND_FN(14) BCOND_FN(15)

static TLOpFn const bcond_fns[16] = {
    op_bcond_0, op_bcond_1, op_bcond_2, op_bcond_3, op_bcond_4, op_bcond_5,
    op_bcond_6, op_bcond_7, op_bcond_8, op_bcond_9, op_bcond_10,
    op_bcond_11, op_bcond_12, op_bcond_13, op_bcond_14, op_bcond_15,
};

/* CBZ (a = 0) / CBNZ (a = 1). */
static int op_cbz(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    bool zero = arm_wreg(op->sf, X(op->rn)) == 0;

    return zero != op->a ? TL_CHAIN0 : TL_CHAIN1;
}

/* TBZ (a = 0) / TBNZ (a = 1) of bit b. */
static int op_tbz(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    bool set = (X(op->rn) >> op->b) & 1;

    return set == op->a ? TL_CHAIN0 : TL_CHAIN1;
}

static int op_br(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    env->pc = X(op->rn);
    return TL_LOOKUP;
}

/* BLR: the target is read before X30 is written (BLR X30 works). */
static int op_blr(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t target = X(op->rn);

    X(30) = op->imm;
    env->pc = target;
    return TL_LOOKUP;
}

/* ERET (EL1 only): PSTATE and PC from SPSR_EL1 / ELR_EL1. */
static int op_eret(CPUState *cs, const TLOp *op)
{
    arm_exception_return(cpu_env(cs));
    return TL_LOOKUP;
}

static void set_jumps(DisasContext *s, uint64_t taken, bool conditional)
{
    s->tb->jmp_pc[0] = taken;
    if (conditional) {
        s->tb->jmp_pc[1] = s->pc + 4;
    }
    s->end_tb = true;
}

bool disas_branch(DisasContext *s, TLOp *op, uint32_t insn)
{
    if ((insn & 0x7c000000) == 0x14000000) {            /* B, BL */
        op->fn = (insn >> 31) ? op_bl : op_b;
        op->imm = s->pc + 4;
        set_jumps(s, s->pc + sext_field(insn, 0, 26, 2), false);
        return true;
    }
    if ((insn & 0x7e000000) == 0x34000000) {            /* CBZ, CBNZ */
        op->fn = op_cbz;
        op->sf = insn >> 31;
        op->a = extract32(insn, 24, 1);
        op->rn = reg_zr_r(insn & 0x1f);
        set_jumps(s, s->pc + sext_field(insn, 5, 19, 2), true);
        return true;
    }
    if ((insn & 0x7e000000) == 0x36000000) {            /* TBZ, TBNZ */
        op->fn = op_tbz;
        op->a = extract32(insn, 24, 1);
        op->b = extract32(insn, 31, 1) << 5 | extract32(insn, 19, 5);
        op->rn = reg_zr_r(insn & 0x1f);
        set_jumps(s, s->pc + sext_field(insn, 5, 14, 2), true);
        return true;
    }
    if ((insn & 0xff000010) == 0x54000000) {            /* B.cond */
        op->a = insn & 0xf;
        op->fn = bcond_fns[op->a];
        set_jumps(s, s->pc + sext_field(insn, 5, 19, 2), true);
        return true;
    }
    if (insn == 0xd69f03e0) {                           /* ERET */
        if (s->el == 0) {
            return false;
        }
        op->fn = op_eret;
        s->end_tb = true;
        return true;
    }
    if ((insn & 0xfe000000) == 0xd6000000) {            /* BR, BLR, RET */
        unsigned opc = extract32(insn, 21, 4);
        /* op2 = 11111, op3 = 000000, op4 = 00000; PAC forms are not here. */
        if (extract32(insn, 16, 5) != 0x1f || extract32(insn, 10, 6) ||
            (insn & 0x1f) || opc > 2) {
            return false;
        }
        op->fn = opc == 1 ? op_blr : op_br;
        op->rn = reg_zr_r(extract32(insn, 5, 5));
        op->imm = s->pc + 4;
        s->end_tb = true;
        return true;
    }
    return false;
}
