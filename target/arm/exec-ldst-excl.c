/*
 * A64 load/store exclusive and load-acquire/store-release (ARM ARM
 * C4.1.87, ARMv8.0 forms): LDXR/LDAXR, STXR/STLXR (bytes to doublewords),
 * LDXP/LDAXP, STXP/STLXP, LDAR, STLR. CAS and the ARMv8.1+ forms are
 * UNDEF until advertised.
 *
 * The monitor follows QEMU: LDXR marks the address and keeps the value it
 * read; STXR succeeds only for the marked address and only if memory still
 * holds that value, then clears the mark. vCPUs run round-robin on one
 * thread, so the compare and the store cannot be interleaved with another
 * CPU's accesses. Ordering (acquire/release) needs nothing on one thread.
 *
 * All of them fault on a misaligned address (alignment fault, FSC 0x21).
 *
 * Op fields: sf = log2(element size), rd = Rt, ra = Rt2, rm = Rs (status),
 * rn = base (SP for 31), a = pair.
 */
#include "qemu/osdep.h"
#include "translate.h"

#define X(i) (env->xregs[(i)])

/* Exclusives must be naturally aligned (the whole pair for pairs). */
static int excl_alignment_fault(CPUState *cs, const TLOp *op, uint64_t addr,
                                bool store)
{
    CPUARMState *env = cpu_env(cs);

    env->exception.vaddress = addr;
    return arm_raise(cs, op, EXCP_DATA_ABORT,
                     (uint32_t)EC_DATAABORT << 26 | ARM_EL_IL |
                     (store ? 1u << 6 : 0) | 0x21);
}

static int op_ldxr(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned size = 1u << op->sf, total = size << op->a;
    uint64_t addr = X(op->rn);
    TLLoad lo, hi = { 0, true };

    if (addr & (total - 1)) {
        return excl_alignment_fault(cs, op, addr, false);
    }
    lo = tl_load(cs, addr, size, env->mmu_idx);
    if (lo.ok && op->a) {
        hi = tl_load(cs, addr + size, size, env->mmu_idx);
    }
    if (!lo.ok || !hi.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    env->exclusive_addr = addr;
    env->exclusive_val = lo.val;
    env->exclusive_high = hi.val;
    X(op->rd) = lo.val;
    if (op->a) {
        X(op->ra) = hi.val;
    }
    TL_GOTO_NEXT(cs, op);
}

static int op_stxr(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned size = 1u << op->sf, total = size << op->a;
    uint64_t addr = X(op->rn);
    uint64_t new_lo = X(op->rd), new_hi = op->a ? X(op->ra) : 0;
    TLLoad lo, hi = { 0, true };

    /* As QEMU: an address the monitor does not hold fails without an
     * access (so without an alignment check). */
    if (addr != env->exclusive_addr) {
        env->exclusive_addr = -1;
        X(op->rm) = 1;
        TL_GOTO_NEXT(cs, op);
    }
    if (addr & (total - 1)) {
        return excl_alignment_fault(cs, op, addr, true);
    }
    env->exclusive_addr = -1;
    lo = tl_load(cs, addr, size, env->mmu_idx);
    if (lo.ok && op->a) {
        hi = tl_load(cs, addr + size, size, env->mmu_idx);
    }
    if (!lo.ok || !hi.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    if (lo.val != env->exclusive_val || hi.val != env->exclusive_high) {
        X(op->rm) = 1;
        TL_GOTO_NEXT(cs, op);
    }
    if (!tl_store(cs, addr, size, env->mmu_idx, new_lo) ||
        (op->a && !tl_store(cs, addr + size, size, env->mmu_idx, new_hi))) {
        return tl_stop(cs, op, TL_EXCP);
    }
    X(op->rm) = 0;
    TL_GOTO_NEXT(cs, op);
}

/* LDAR/STLR must be naturally aligned too (ARMv8.0: no LSE2). */
static int op_ldar(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);
    TLLoad v;

    if (addr & ((1u << op->sf) - 1)) {
        return excl_alignment_fault(cs, op, addr, false);
    }
    v = tl_load(cs, addr, 1u << op->sf, env->mmu_idx);
    if (!v.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    X(op->rd) = v.val;
    TL_GOTO_NEXT(cs, op);
}

static int op_stlr(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);

    if (addr & ((1u << op->sf) - 1)) {
        return excl_alignment_fault(cs, op, addr, true);
    }
    if (!tl_store(cs, addr, 1u << op->sf, env->mmu_idx, X(op->rd))) {
        return tl_stop(cs, op, TL_EXCP);
    }
    TL_GOTO_NEXT(cs, op);
}

bool disas_ldst_excl(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned size = extract32(insn, 30, 2);
    bool o2 = extract32(insn, 23, 1), load = extract32(insn, 22, 1);
    bool o1 = extract32(insn, 21, 1), o0 = extract32(insn, 15, 1);
    unsigned rt = insn & 0x1f, rt2 = extract32(insn, 10, 5);

    op->sf = size;
    op->rn = reg_sp(extract32(insn, 5, 5));
    if (!o2) {
        if (o1) {
            if (size < 2) {
                return false;           /* CASP: ARMv8.1 */
            }
            op->a = 1;                  /* pair of W or X registers */
        }
        if (load) {
            op->fn = op_ldxr;
            op->rd = reg_zr_w(rt);
            op->ra = reg_zr_w(rt2);
        } else {
            op->fn = op_stxr;
            op->rd = reg_zr_r(rt);
            op->ra = reg_zr_r(rt2);
            op->rm = reg_zr_w(extract32(insn, 16, 5));
        }
        return true;
    }
    if (o1 || !o0) {
        return false;                   /* CAS, LDLAR/STLLR: ARMv8.1 */
    }
    if (load) {
        op->fn = op_ldar;
        op->rd = reg_zr_w(rt);
    } else {
        op->fn = op_stlr;
        op->rd = reg_zr_r(rt);
    }
    return true;
}
