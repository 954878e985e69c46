/*
 * The AArch64 MMU as TCG-lite sees it: the TLB fill hook, the debug
 * translation, TLBI and AT, and the EL1 translation registers (SCTLR_EL1,
 * TCR_EL1, TTBR0/1_EL1, MAIR_EL1, AMAIR_EL1, PAR_EL1). The walk itself is
 * in mmu-walk.c. Design notes: docs/devel/arm-mmu.md.
 *
 * The engine's TLB has no ASID tag, so any write that may change what a
 * VA maps to (SCTLR_EL1, TCR_EL1, TTBRx_EL1) drops the whole TLB, and
 * TLBI by ASID drops everything: more invalidation than the architecture
 * asks for, which is always allowed. The TLB holds 4 KiB pieces of larger
 * pages and blocks; a TLBI by VA that falls in a large mapping, or with
 * tagged (TBI) aliases around, flushes the whole TLB, since those pieces
 * are not all at the VA's own slot.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"
#include "mmu-internal.h"

#define X(i) (env->xregs[(i)])

/* ---- What each vCPU's TLB may hold beyond 4 KiB pages --------------- */

/* Since this file last flushed a CPU's TLB: the VA range covered by
 * fills from blocks or pages larger than 4 KiB, and whether a tagged VA
 * was filled. CPUs past the table are always flushed whole. */
#define MMU_TRACK_CPUS 256

typedef struct MMUTrack {
    uint64_t large_lo, large_hi;
    bool large;
    bool tagged;
} MMUTrack;

static MMUTrack mmu_track[MMU_TRACK_CPUS];

static MMUTrack *mmu_track_of(CPUState *cs)
{
    if (cs->cpu_index < 0 || cs->cpu_index >= MMU_TRACK_CPUS) {
        return NULL;
    }
    return &mmu_track[cs->cpu_index];
}

static void mmu_flush_all(CPUState *cs)
{
    MMUTrack *t = mmu_track_of(cs);

    tlb_flush(cs);
    if (t) {
        memset(t, 0, sizeof(*t));
    }
}

static void mmu_note_fill(CPUState *cs, uint64_t va, const ARMMMUResult *r)
{
    MMUTrack *t = mmu_track_of(cs);
    uint64_t clean = arm_mmu_untag(cpu_env(cs), va);

    if (!t) {
        return;
    }
    if (clean != va) {
        t->tagged = true;
    }
    if (r->page_shift > TL_PAGE_BITS) {
        uint64_t lo = clean & ~((1ULL << r->page_shift) - 1);
        uint64_t hi = lo + ((1ULL << r->page_shift) - 1);

        t->large_lo = t->large ? MIN(t->large_lo, lo) : lo;
        t->large_hi = t->large ? MAX(t->large_hi, hi) : hi;
        t->large = true;
    }
}

/* Drop what maps va (an untagged VA) on cs. */
static void mmu_flush_va(CPUState *cs, uint64_t va)
{
    MMUTrack *t = mmu_track_of(cs);

    if (!t || t->tagged ||
        (t->large && va >= t->large_lo && va <= t->large_hi)) {
        mmu_flush_all(cs);
    } else {
        tlb_flush_page(cs, va);
    }
}

/* ---- Engine hooks ---------------------------------------------------- */

bool arm_cpu_tlb_fill(CPUState *cs, uint64_t va, MMUAccessType access,
                      int mmu_idx, hwaddr *pa, int *prot)
{
    int el = mmu_idx == ARM_MMU_IDX_EL0 ? 0 : 1;
    ARMMMUResult res;
    ARMMMUFault fault;

    if (!arm_mmu_translate(cs, va, access, el, &res, &fault)) {
        qemu_log_mask(CPU_LOG_MMU, "mmu: EL%d %s of 0x%016" PRIx64
                      " faults, FSC 0x%02x\n", el,
                      access == MMU_INST_FETCH ? "fetch" :
                      access == MMU_DATA_STORE ? "store" : "load",
                      va, fault.fsc);
        /* S1PTW is for stage 2 faults on a stage 1 walk: there is no
         * stage 2, so an abort on the walk is told by its FSC alone. */
        arm_record_abort(cs, access, va, fault.fsc, false);
        return false;
    }
    *pa = res.pa;
    *prot = res.prot;
    mmu_note_fill(cs, va, &res);
    return true;
}

bool arm_cpu_get_phys_page_debug(CPUState *cs, uint64_t va, hwaddr *pa)
{
    ARMMMUResult res;
    ARMMMUFault fault;

    if (!arm_mmu_translate(cs, va, MMU_DATA_LOAD, 1, &res, &fault)) {
        return false;
    }
    *pa = res.pa;
    return true;
}

/* ---- TLBI ------------------------------------------------------------ */

/* Inner Shareable and local forms alike act on every vCPU: they all run
 * on one thread, so this is exact and cheap. */
static int op_tlbi_all(CPUState *cs, const TLOp *op)
{
    CPUState *c;
    int i;

    for (i = 0; (c = qemu_get_cpu(i)) != NULL; i++) {
        mmu_flush_all(c);
    }
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

/* Xt holds VA[55:12] in bits 43:0 (and an ASID the TLB does not keep). */
static int op_tlbi_va(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t va = (uint64_t)((int64_t)(X(op->rn) << 20) >> 8);
    CPUState *c;
    int i;

    va &= TL_PAGE_MASK;
    for (i = 0; (c = qemu_get_cpu(i)) != NULL; i++) {
        mmu_flush_va(c, va);
    }
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

/* The EL1 forms (op1 0, CRn 8): CRm 3 is Inner Shareable, CRm 7 local. */
static const struct {
    uint8_t op2;
    TLOpFn fn;
} tlbi_el1_ops[] = {
    { 0, op_tlbi_all },     /* VMALLE1 */
    { 1, op_tlbi_va },      /* VAE1 */
    { 2, op_tlbi_all },     /* ASIDE1 */
    { 3, op_tlbi_va },      /* VAAE1 */
    { 5, op_tlbi_va },      /* VALE1 */
    { 7, op_tlbi_va },      /* VAALE1 */
};

bool disas_tlbi(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned op1 = extract32(insn, 16, 3), crm = extract32(insn, 8, 4);
    unsigned op2 = extract32(insn, 5, 3);
    size_t i;

    if (s->el == 0 || op1 != 0 || (crm != 3 && crm != 7)) {
        return false;
    }
    for (i = 0; i < ARRAY_SIZE(tlbi_el1_ops); i++) {
        if (tlbi_el1_ops[i].op2 == op2) {
            op->fn = tlbi_el1_ops[i].fn;
            op->rn = reg_zr_r(insn & 0x1f);
            /* Later instructions of this block were fetched through the
             * old mapping: continue with a fresh lookup. */
            s->end_tb = true;
            return true;
        }
    }
    return false;
}

/* ---- AT -------------------------------------------------------------- */

#define PAR_F       (1ULL << 0)
#define PAR_NS      (1ULL << 9)
#define PAR_RES1    (1ULL << 11)

/* PAR_EL1 after a successful AT: PA[47:12], ATTR, SH, NS (EL1&0 is
 * Non-secure here), and bit 11, which QEMU always sets. */
static uint64_t at_par_ok(const ARMMMUResult *r)
{
    return (r->pa & 0x0000fffffffff000ULL) | (uint64_t)r->attrs << 56 |
           (uint64_t)(r->sh & 3) << 7 | PAR_NS | PAR_RES1;
}

/* a = the EL whose permissions apply, b = write. */
static int op_at(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t va = X(op->rn);
    ARMMMUResult res;
    ARMMMUFault fault;

    if (arm_mmu_translate(cs, va, op->b ? MMU_DATA_STORE : MMU_DATA_LOAD,
                          op->a, &res, &fault)) {
        env->par_el1 = at_par_ok(&res);
    } else if (fault.on_walk) {
        /* An external abort on the walk is taken, not reported in PAR:
         * a data abort with CM = 1 and WnR = 1 (cache maintenance). */
        arm_record_abort(cs, MMU_DATA_STORE, va, fault.fsc, false);
        env->exception.syndrome |= 1u << 8;
        return tl_stop(cs, op, TL_EXCP);
    } else {
        env->par_el1 = PAR_RES1 | (uint64_t)(fault.fsc & 0x3f) << 1 | PAR_F;
    }
    TL_GOTO_NEXT(cs, op);
}

/* AT S1E1R, S1E1W, S1E0R, S1E0W (op1 0, CRn 7, CRm 8, op2 0-3). */
bool disas_at(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned op1 = extract32(insn, 16, 3), op2 = extract32(insn, 5, 3);

    if (s->el == 0 || op1 != 0 || op2 > 3) {
        return false;
    }
    op->fn = op_at;
    op->a = op2 < 2 ? 1 : 0;
    op->b = op2 & 1;
    op->rn = reg_zr_r(insn & 0x1f);
    return true;
}

/* ---- Registers ------------------------------------------------------- */

/* Without FEAT_MTE, SCTLR_EL1 bits 43:37 (ATA, ATA0, TCF, TCF0, ITFSB)
 * read as zero, as on QEMU's cortex-a57; the rest is kept as written. */
#define SCTLR_MTE_BITS (0x7fULL << 37)

static void write_sctlr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->sctlr_el1 = v & ~SCTLR_MTE_BITS;
    if (v & SCTLR_EE) {
        qemu_log_mask(LOG_UNIMP, "SCTLR_EL1.EE: big-endian data accesses "
                      "are not modelled (table walks are)\n");
    }
    mmu_flush_all(&env_archcpu(env)->parent_obj);
}

static uint64_t read_sctlr(CPUARMState *env, const ARMSysReg *ri)
{
    return env->sctlr_el1;
}

/* TCR_EL1 and TTBRx_EL1 are kept as written (QEMU does so too); any
 * change may remap, so the TLB goes. */
static void write_flushing(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    *arm_sysreg_field(env, ri) = v;
    mmu_flush_all(&env_archcpu(env)->parent_obj);
}

static uint64_t read_field(CPUARMState *env, const ARMSysReg *ri)
{
    return *arm_sysreg_field(env, ri);
}

/* AMAIR_EL1: no IMPLEMENTATION DEFINED attributes; RAZ/WI as QEMU. */
static uint64_t read_zero(CPUARMState *env, const ARMSysReg *ri)
{
    return 0;
}

static void write_ignore(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
}

static const ARMSysReg arm_sysregs_mmu[] = {
    /* Reset value as MRS reads it on QEMU 7.2's cortex-a57 (and max):
     * MMU and caches off, the RES1 bits and SA/SA0 set. */
    { "SCTLR_EL1", 3, 0, 1, 0, 0, EL1_RW, read_sctlr, write_sctlr,
      ENVF(sctlr_el1), .resetvalue = 0x00c50838, .end_tb = true },
    { "TTBR0_EL1", 3, 0, 2, 0, 0, EL1_RW, read_field, write_flushing,
      ENVF(ttbr0_el1), .end_tb = true },
    { "TTBR1_EL1", 3, 0, 2, 0, 1, EL1_RW, read_field, write_flushing,
      ENVF(ttbr1_el1), .end_tb = true },
    { "TCR_EL1", 3, 0, 2, 0, 2, EL1_RW, read_field, write_flushing,
      ENVF(tcr_el1), .end_tb = true },
    { "PAR_EL1", 3, 0, 7, 4, 0, EL1_RW, ENVF(par_el1) },
    { "MAIR_EL1", 3, 0, 10, 2, 0, EL1_RW, ENVF(mair_el1) },
    { "AMAIR_EL1", 3, 0, 10, 3, 0, EL1_RW, read_zero, write_ignore },
};

void arm_sysregs_register_mmu(void)
{
    arm_sysregs_register(arm_sysregs_mmu, ARRAY_SIZE(arm_sysregs_mmu));
}
