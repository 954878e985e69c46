/*
 * A64 translation: split a block's instructions by their top-level class
 * (ARM ARM C4.1, bits 28:25) and let each class decoder fill one op per
 * instruction. Anything a decoder refuses becomes an UNDEF op, which
 * raises EXCP_UDEF when executed and logs under -d unimp: never a silent
 * skip.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "translate.h"
#include "debug.h"

typedef bool DisasFn(DisasContext *s, TLOp *op, uint32_t insn);

static bool disas_unallocated(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}

/*
 * Scalar FP and Advanced SIMD (op0 = x111): each file's decoder accepts
 * only its own encodings, so the order only matters for speed.
 */
static bool disas_simd_fp(DisasContext *s, TLOp *op, uint32_t insn)
{
    return disas_fp_scalar(s, op, insn) || disas_simd_int(s, op, insn) ||
           disas_simd_fpvec(s, op, insn) || disas_crypto(s, op, insn);
}

/* CPACR_EL1.FPEN disables FP here: the trap, taken to EL1. */
static int op_fp_access_trap(CPUState *cs, const TLOp *op)
{
    return arm_raise(cs, op, EXCP_UDEF, arm_syn_fp_access_trap());
}

bool arm_fp_access_check(DisasContext *s, TLOp *op)
{
    if (s->fp_enabled) {
        return true;
    }
    memset(op, 0, sizeof(*op));
    op->fn = op_fp_access_trap;
    s->end_tb = true;
    return false;
}

/* Indexed by op0 = insn[28:25]. */
static DisasFn *const a64_class_table[16] = {
    disas_unallocated, disas_unallocated,  /* 0000 reserved/SME, 0001 */
    disas_unallocated, disas_unallocated,  /* 0010 SVE, 0011 */
    disas_ldst,        disas_dp_reg,       /* 0100, 0101 */
    disas_ldst,        disas_simd_fp,      /* 0110, 0111 */
    disas_dp_imm,      disas_dp_imm,       /* 1000, 1001 */
    disas_branch_sys,  disas_branch_sys,   /* 1010, 1011 */
    disas_ldst,        disas_dp_reg,       /* 1100, 1101 */
    disas_ldst,        disas_simd_fp,      /* 1110, 1111 */
};

bool disas_branch_sys(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* insn[31:29] and [25:22] pick branch, exception or system. */
    if ((insn & 0xff000000) == 0xd4000000) {
        return disas_exception(s, op, insn);
    }
    if ((insn & 0xffc00000) == 0xd5000000) {
        return disas_system(s, op, insn);
    }
    return disas_branch(s, op, insn);
}

/* The word is kept in rd..ra, its address in imm, for the log. */
int op_undef(CPUState *cs, const TLOp *op)
{
    uint32_t insn = op->rd | op->rn << 8 | op->rm << 16 |
                    (uint32_t)op->ra << 24;

    qemu_log_mask(LOG_UNIMP, "tcg-lite: unallocated or unimplemented A64 "
                  "instruction 0x%08" PRIx32 " at 0x%016" PRIx64 "\n",
                  insn, op->imm);
    return arm_raise(cs, op, EXCP_UDEF, EC_UNCATEGORIZED << 26 | ARM_EL_IL);
}

int op_nop(CPUState *cs, const TLOp *op)
{
    TL_GOTO_NEXT(cs, op);
}

/* Block ended by the size cap or the page end: continue at the next. */
static int op_goto_next(CPUState *cs, const TLOp *op)
{
    return TL_CHAIN1;
}

/* PC alignment fault at a misaligned PC (FAR = the PC). */
static int op_pc_alignment(CPUState *cs, const TLOp *op)
{
    cpu_env(cs)->exception.vaddress = op->imm;
    return arm_raise(cs, op, EXCP_UDEF, EC_PCALIGNMENT << 26 | ARM_EL_IL);
}

/* PSTATE.IL after an illegal exception return. */
static int op_illegal_state(CPUState *cs, const TLOp *op)
{
    return arm_raise(cs, op, EXCP_UDEF, EC_ILLEGALSTATE << 26 | ARM_EL_IL);
}

/* Decode insn (at s->pc) into op: an UNDEF op if no decoder takes it. */
static void a64_disas_insn(DisasContext *s, TLOp *op, uint32_t insn)
{
    memset(op, 0, sizeof(*op));
    if (!a64_class_table[(insn >> 25) & 0xf](s, op, insn)) {
        memset(op, 0, sizeof(*op));
        op->fn = op_undef;
        op->rd = insn;
        op->rn = insn >> 8;
        op->rm = insn >> 16;
        op->ra = insn >> 24;
        op->imm = s->pc;
        s->end_tb = true;
    }
}

static uint32_t a64_insn_at(const uint8_t *code, unsigned i)
{
    uint32_t insn;

    memcpy(&insn, code + 4 * i, 4);
    return GUINT32_FROM_LE(insn);
}

/* LDXR, LDAXR, LDXP, LDAXP: a step over one reports ISS.EX. */
static bool a64_is_load_exclusive(uint32_t insn)
{
    return (insn & 0x3fc00000) == 0x08400000;
}

/*
 * Self-hosted debug (debug.h): a step-pending block takes the step
 * exception; a stepped instruction, or one a breakpoint may match, is a
 * block of its own behind the op that checks it.
 */
static bool a64_translate_debug(CPUState *cs, DisasContext *s,
                                TranslationBlock *tb, const uint8_t *code)
{
    uint32_t insn;

    if ((tb->flags & (ARM_TBFLAG_SS_ACTIVE | ARM_TBFLAG_PSTATE_SS)) ==
        ARM_TBFLAG_SS_ACTIVE) {
        arm_debug_gen_step_pending(tb);
        return true;
    }
    if (tb->flags & ARM_TBFLAG_PCALIGN) {
        return false;
    }
    if (!(tb->flags & ARM_TBFLAG_SS_ACTIVE) &&
        !arm_debug_bp_at(cpu_env(cs), tb->pc)) {
        return false;
    }
    s->pc = tb->pc;
    if (tb->flags & ARM_TBFLAG_IL) {
        tb->ops[1] = (TLOp){ .fn = op_illegal_state, .imm = tb->pc };
        arm_debug_gen_checked(tb, false);
        return true;
    }
    insn = a64_insn_at(code, 0);
    a64_disas_insn(s, &tb->ops[1], insn);
    arm_debug_gen_checked(tb, a64_is_load_exclusive(insn));
    return true;
}

void a64_translate(CPUState *cs, TranslationBlock *tb, const uint8_t *code,
                   unsigned max_insns)
{
    DisasContext s = {
        .el = tb->flags & ARM_TBFLAG_EL_MASK,
        .spsel = tb->flags & ARM_TBFLAG_SPSEL,
        .fp_enabled = tb->flags & ARM_TBFLAG_FPEN,
        .tb = tb,
    };
    bool bkpt = tb->flags & ARM_TBFLAG_BKPT;
    unsigned i;

    if ((tb->flags & (ARM_TBFLAG_SS_ACTIVE | ARM_TBFLAG_BKPT)) &&
        a64_translate_debug(cs, &s, tb, code)) {
        return;
    }
    if (tb->flags & (ARM_TBFLAG_PCALIGN | ARM_TBFLAG_IL)) {
        /* One op, and the code is not read: the PC may be misaligned. */
        tb->ops[0] = (TLOp){
            .fn = (tb->flags & ARM_TBFLAG_PCALIGN) ? op_pc_alignment
                                                   : op_illegal_state,
            .imm = tb->pc,
        };
        tb->icount = tb->n_ops = 1;
        return;
    }
    for (i = 0; i < max_insns; i++) {
        TLOp *op = &tb->ops[i];

        s.pc = tb->pc + 4 * i;
        if (bkpt && i > 0 && arm_debug_bp_at(cpu_env(cs), s.pc)) {
            /* A breakpoint address starts its own (checked) block. */
            max_insns = i;
            break;
        }
        a64_disas_insn(&s, op, a64_insn_at(code, i));
        if (s.end_tb) {
            tb->icount = tb->n_ops = i + 1;
            return;
        }
    }
    tb->ops[max_insns] = (TLOp){ .fn = op_goto_next };
    tb->jmp_pc[1] = tb->pc + 4 * max_insns;
    tb->icount = max_insns;
    tb->n_ops = max_insns + 1;
}

/*
 * DecodeBitMasks(N, imms, immr, immediate=TRUE) from the ARM ARM: the
 * element size is the highest set bit of N:NOT(imms); an all-ones element
 * (S == esize - 1) is reserved.
 */
bool logic_imm_decode_wmask(uint64_t *result, unsigned n, unsigned imms,
                            unsigned immr)
{
    unsigned len, e, levels, s, r;
    uint64_t mask;

    if ((n << 6 | (~imms & 0x3f)) == 0) {
        return false;
    }
    len = 31 - __builtin_clz((n << 6) | (~imms & 0x3f));
    e = 1u << len;
    levels = e - 1;
    s = imms & levels;
    r = immr & levels;
    if (len < 1 || s == levels) {
        return false;
    }
    mask = (s + 1 == 64) ? ~0ULL : (1ULL << (s + 1)) - 1;
    if (r) {
        mask = (mask >> r) | (mask << (e - r));
        if (e < 64) {
            mask &= (1ULL << e) - 1;
        }
    }
    /* Replicate the element across 64 bits. */
    while (e < 64) {
        mask |= mask << e;
        e *= 2;
    }
    *result = mask;
    return true;
}
