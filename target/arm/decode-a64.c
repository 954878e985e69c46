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

void a64_translate(CPUState *cs, TranslationBlock *tb, const uint8_t *code,
                   unsigned max_insns)
{
    DisasContext s = {
        .el = tb->flags & ARM_TBFLAG_EL_MASK,
        .spsel = tb->flags & ARM_TBFLAG_SPSEL,
        .fp_enabled = tb->flags & ARM_TBFLAG_FPEN,
        .tb = tb,
    };
    unsigned i;

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
        uint32_t insn;

        memcpy(&insn, code + 4 * i, 4);
        insn = GUINT32_FROM_LE(insn);
        memset(op, 0, sizeof(*op));
        s.pc = tb->pc + 4 * i;
        if (!a64_class_table[(insn >> 25) & 0xf](&s, op, insn)) {
            memset(op, 0, sizeof(*op));
            op->fn = op_undef;
            op->rd = insn;
            op->rn = insn >> 8;
            op->rm = insn >> 16;
            op->ra = insn >> 24;
            op->imm = s.pc;
            s.end_tb = true;
        }
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
