/*
 * A64 exception generation and system instructions (ARM ARM C4.1.85):
 * SVC/HVC/SMC/BRK/HLT, hints, barriers, PSTATE writes (DAIFSet/Clr,
 * SPSel), cache maintenance that matters to translated code (IC IALLU,
 * IC IVAU), and MRS/MSR through the system register table below.
 *
 * Exceptions are not taken here (exception.c comes later): the op records
 * exception_index and the syndrome, and tcg_lite_exec returns with the PC
 * at the instruction. For SVC/HVC/SMC the preferred return is PC + 4.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"
#include "qemu/main-loop.h"

#define X(i) (env->xregs[(i)])

/* ---- Exception generation ------------------------------------------- */

/* a = exception number, imm = syndrome. */
static int op_exception(CPUState *cs, const TLOp *op)
{
    return arm_raise(cs, op, op->a == 0xff ? EXCP_HLT_INSN : op->a,
                     (uint32_t)op->imm);
}

bool disas_exception(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opc = extract32(insn, 21, 3), ll = insn & 3;
    uint32_t imm16 = extract32(insn, 5, 16);
    unsigned ec;

    if (extract32(insn, 2, 3)) {
        return false;
    }
    switch (opc << 2 | ll) {
    case 0x1: op->a = EXCP_SWI; ec = EC_AA64_SVC; break;
    case 0x2: op->a = EXCP_HVC; ec = EC_AA64_HVC; break;
    case 0x3: op->a = EXCP_SMC; ec = EC_AA64_SMC; break;
    case 0x4: op->a = EXCP_BKPT; ec = EC_AA64_BKPT; break;
    case 0x8: op->a = 0xff; ec = EC_UNCATEGORIZED; break;   /* HLT */
    default: return false;                                  /* DCPSx */
    }
    if ((op->a == EXCP_HVC || op->a == EXCP_SMC) && s->el == 0) {
        return false;                   /* UNDEFINED at EL0 */
    }
    op->fn = op_exception;
    op->imm = ec << 26 | ARM_EL_IL | imm16;
    s->end_tb = true;
    return true;
}

/* SCTLR_EL1 bits that open system instructions to EL0. */
#define SCTLR_UMA (1u << 9)       /* DAIF access */
#define SCTLR_UCT (1u << 15)      /* CTR_EL0 */
#define SCTLR_UCI (1u << 26)      /* cache maintenance by VA */

/* EC 0x18 syndrome (ARM ARM D17.2.37). */
static uint32_t syn_sysreg_trap(unsigned op0, unsigned op1, unsigned crn,
                                unsigned crm, unsigned op2, unsigned rt,
                                bool isread)
{
    return EC_SYSTEMREGISTERTRAP << 26 | ARM_EL_IL | (uint32_t)op0 << 20 |
           (uint32_t)op2 << 17 | (uint32_t)op1 << 14 | (uint32_t)crn << 10 |
           (uint32_t)rt << 5 | (uint32_t)crm << 1 | isread;
}

/* ---- Hints, barriers, PSTATE ---------------------------------------- */

/* WFI: halt until has_work; the PC moves past it first. */
static int op_wfi(CPUState *cs, const TLOp *op)
{
    cs->halted = true;
    cs->exception_index = EXCP_HLT;
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

static int op_clrex(CPUState *cs, const TLOp *op)
{
    cpu_env(cs)->exclusive_addr = -1;
    TL_GOTO_NEXT(cs, op);
}

/* ISB and anything else that must refetch: end the block here. */
static int op_end_block(CPUState *cs, const TLOp *op)
{
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

/* DAIFSet (a = 1) / DAIFClr (a = 0) of imm (already at bit 6). A newly
 * unmasked interrupt must be seen: leave the block. */
static int op_msr_daif(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    if (env->el == 0 && !(env->sctlr_el1 & SCTLR_UMA)) {
        /* QEMU 7.2 reports this trap with op1 and op2 swapped in the
         * ISS (op1 = 3 lands in Op2); matched so guests see the same. */
        return arm_raise(cs, op, EXCP_UDEF,
                         syn_sysreg_trap(0, op->a ? 6 : 7, 4,
                                         (unsigned)(op->imm >> 6), 3, 31,
                                         false));
    }

    if (op->a) {
        env->pstate |= (uint32_t)op->imm;
    } else {
        env->pstate &= ~(uint32_t)op->imm;
    }
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

/* SPSel: the stack pointer bank and the block flags change. */
static int op_msr_spsel(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    arm_pstate_write(env, (pstate_read(env) & ~PSTATE_SP) |
                          (uint32_t)(op->imm & 1));
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

static int op_ic_iallu(CPUState *cs, const TLOp *op)
{
    tb_flush();
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

/* IC IVAU: the 64-byte line at Xt. VA == PA until mmu.c exists. */
/* DC/IC by VA at EL0 (a = Rt, imm = the SYS key): SCTLR_EL1.UCI. */
static int op_cache_el0_check(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned key = (unsigned)op->imm;

    if (!(env->sctlr_el1 & SCTLR_UCI)) {
        return arm_raise(cs, op, EXCP_UDEF,
                         syn_sysreg_trap(1, key >> 12, (key >> 8) & 15,
                                         (key >> 4) & 15, key & 7, op->a,
                                         false));
    }
    TL_GOTO_NEXT(cs, op);
}

/* IC IVAU: drop the blocks of the 64-byte line at Xt (by its physical
 * address: the MMU may be on). At EL0 it needs SCTLR_EL1.UCI. */
static int op_ic_ivau(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t va = X(op->rn) & ~63ULL;
    hwaddr pa;

    if (env->el == 0 && !(env->sctlr_el1 & SCTLR_UCI)) {
        return arm_raise(cs, op, EXCP_UDEF,
                         syn_sysreg_trap(1, 3, 7, 5, 1, op->a, false));
    }
    if (arm_cpu_get_phys_page_debug(cs, va, &pa)) {
        tb_invalidate_phys_range(pa, pa + 64);
    }
    return tl_stop(cs, op, TL_RESUME_NEXT);
}

static bool disas_hint_barrier_pstate(DisasContext *s, TLOp *op,
                                      uint32_t insn)
{
    unsigned op1 = extract32(insn, 16, 3), crn = extract32(insn, 12, 4);
    unsigned crm = extract32(insn, 8, 4), op2 = extract32(insn, 5, 3);

    if ((insn & 0x1f) != 0x1f) {
        return false;
    }
    if (crn == 2 && op1 == 3) {
        /* Hints: WFI halts; WFE/YIELD/SEV/SEVL and the unallocated hint
         * space are NOPs, as the architecture defines for a CPU without
         * those features. */
        op->fn = (crm == 0 && op2 == 3) ? op_wfi : op_nop;
        if (op->fn == op_wfi) {
            s->end_tb = true;
        }
        return true;
    }
    if (crn == 3 && op1 == 3) {
        switch (op2) {
        case 2:                         /* CLREX */
            op->fn = op_clrex;
            return true;
        case 4:                         /* DSB */
        case 5:                         /* DMB */
            op->fn = op_nop;
            return true;
        case 6:                         /* ISB */
            op->fn = op_end_block;
            s->end_tb = true;
            return true;
        default:
            return false;
        }
    }
    if (crn == 4) {
        if (op1 == 3 && (op2 == 6 || op2 == 7)) {
            op->fn = op_msr_daif;
            op->a = op2 == 6;
            op->imm = (uint64_t)crm << 6;
            s->end_tb = true;
            return true;
        }
        if (op1 == 0 && op2 == 5 && s->el > 0) {
            op->fn = op_msr_spsel;
            op->imm = crm & 1;
            s->end_tb = true;
            return true;
        }
    }
    return false;
}

/* SYS: the cache maintenance translated code cares about. */
static bool disas_sys(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned op1 = extract32(insn, 16, 3), crn = extract32(insn, 12, 4);
    unsigned crm = extract32(insn, 8, 4), op2 = extract32(insn, 5, 3);
    unsigned key = op1 << 12 | crn << 8 | crm << 4 | op2;

    if (crn == 8) {
        return disas_tlbi(s, op, insn);         /* mmu.c */
    }
    if (crn == 7 && crm == 8) {
        return disas_at(s, op, insn);           /* mmu.c */
    }
    if (crn != 7) {
        return false;
    }
    switch (key) {
    case 0x0710:                        /* IC IALLUIS */
    case 0x0750:                        /* IC IALLU */
        if (s->el == 0) {
            return false;
        }
        op->fn = op_ic_iallu;
        s->end_tb = true;
        return true;
    case 0x3751:                        /* IC IVAU */
        op->fn = op_ic_ivau;
        op->rn = reg_zr_r(insn & 0x1f);
        op->a = insn & 0x1f;
        s->end_tb = true;
        return true;
    case 0x37a1: case 0x37b1: case 0x37e1: case 0x37c1: /* DC C*VA* */
        /* No caches to clean; EL0 may still trap (SCTLR_EL1.UCI). */
        op->fn = s->el == 0 ? op_cache_el0_check : op_nop;
        op->a = insn & 0x1f;
        op->imm = key;
        return true;
    case 0x0761: case 0x0762: case 0x07a2: case 0x07e2: /* DC IVAC, *SW */
        if (s->el == 0) {
            return false;
        }
        op->fn = op_nop;
        return true;
    default:
        return false;
    }
}

/* ---- System registers ----------------------------------------------- */

static uint64_t read_nzcv(CPUARMState *env, const ARMSysReg *ri)
{
    return arm_nzcv_read(env);
}

static void write_nzcv(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    arm_nzcv_write(env, v);
}

/* DAIF at EL0 needs SCTLR_EL1.UMA; CTR_EL0 at EL0 needs UCT. */
static ARMAccessResult access_daif(CPUARMState *env, const ARMSysReg *ri,
                                   bool isread)
{
    return env->el == 0 && !(env->sctlr_el1 & SCTLR_UMA) ?
           ARM_ACCESS_TRAP_SYSREG : ARM_ACCESS_OK;
}

static ARMAccessResult access_ctr(CPUARMState *env, const ARMSysReg *ri,
                                  bool isread)
{
    return env->el == 0 && !(env->sctlr_el1 & SCTLR_UCT) ?
           ARM_ACCESS_TRAP_SYSREG : ARM_ACCESS_OK;
}

static uint64_t read_daif(CPUARMState *env, const ARMSysReg *ri)
{
    return env->pstate & PSTATE_DAIF;
}

static void write_daif(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->pstate = (env->pstate & ~PSTATE_DAIF) | (v & PSTATE_DAIF);
}

static uint64_t read_currentel(CPUARMState *env, const ARMSysReg *ri)
{
    return (uint64_t)env->el << 2;
}

static uint64_t read_spsel(CPUARMState *env, const ARMSysReg *ri)
{
    return env->pstate & PSTATE_SP;
}

static void write_spsel(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    arm_pstate_write(env, (pstate_read(env) & ~PSTATE_SP) | (v & 1));
}

/* Only reachable with SPSel = 1, so SP_EL0 is the parked one. */
static uint64_t read_sp_el0(CPUARMState *env, const ARMSysReg *ri)
{
    return env->sp_el[0];
}

static void write_sp_el0(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->sp_el[0] = v;
}

static uint64_t read_cpacr(CPUARMState *env, const ARMSysReg *ri)
{
    return env->cpacr_el1;
}

/* Only FPEN (bits 21:20) exists without SVE/SME; the rest is RES0. The
 * block flags hold the FP access state, so the write ends the block. */
static void write_cpacr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->cpacr_el1 = v & (3u << 20);
}

/* CCSIDR_EL1 of the cache CSSELR_EL1 selects (Level, InD); caches the
 * model does not have read as zero. */
static uint64_t read_ccsidr(CPUARMState *env, const ARMSysReg *ri)
{
    unsigned sel = env->csselr_el1 & 0xf;

    return sel < 4 ? env_archcpu(env)->ccsidr[sel] : 0;
}

static void write_csselr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->csselr_el1 = v & 0xf;
}

static uint64_t read_csselr(CPUARMState *env, const ARMSysReg *ri)
{
    return env->csselr_el1;
}

static uint64_t read_aidr(CPUARMState *env, const ARMSysReg *ri)
{
    return 0;
}

static uint64_t read_mpidr(CPUARMState *env, const ARMSysReg *ri)
{
    /* Bit 31 RES1; U (bit 30) clear: a multiprocessor system. */
    return 1ULL << 31 | env_archcpu(env)->mp_affinity;
}

static const ARMSysReg arm_sysregs_core[] = {
    { "NZCV", 3, 3, 4, 2, 0, ALL_RW, read_nzcv, write_nzcv },
    { "DAIF", 3, 3, 4, 2, 1, ALL_RW, read_daif, write_daif, access_daif,
      .end_tb = true },
    { "CurrentEL", 3, 0, 4, 2, 2, EL1_R, read_currentel },
    { "SPSel", 3, 0, 4, 2, 0, EL1_RW, read_spsel, write_spsel,
      .end_tb = true },
    { "SP_EL0", 3, 0, 4, 1, 0, EL1_RW, read_sp_el0, write_sp_el0 },
    { "SPSR_EL1", 3, 0, 4, 0, 0, EL1_RW, ENVF(spsr_el[1]) },
    { "ELR_EL1", 3, 0, 4, 0, 1, EL1_RW, ENVF(elr_el[1]) },
    { "CPACR_EL1", 3, 0, 1, 0, 2, EL1_RW, read_cpacr, write_cpacr,
      ENVF(cpacr_el1), .end_tb = true },
    { "CONTEXTIDR_EL1", 3, 0, 13, 0, 1, EL1_RW, ENVF(contextidr_el1) },
    { "TPIDR_EL0", 3, 3, 13, 0, 2, ALL_RW, ENVF(tpidr_el[0]) },
    { "TPIDRRO_EL0", 3, 3, 13, 0, 3, EL0_R | EL1_RW, ENVF(tpidrro_el0) },
    { "TPIDR_EL1", 3, 0, 13, 0, 4, EL1_RW, ENVF(tpidr_el[1]) },
    { "MIDR_EL1", 3, 0, 0, 0, 0, EL1_R, CPUF(midr) },
    { "MPIDR_EL1", 3, 0, 0, 0, 5, EL1_R, read_mpidr },
    { "REVIDR_EL1", 3, 0, 0, 0, 6, EL1_R, CPUF(revidr) },
    { "ID_AA64PFR0_EL1", 3, 0, 0, 4, 0, EL1_R, CPUF(isar.id_aa64pfr0) },
    { "ID_AA64PFR1_EL1", 3, 0, 0, 4, 1, EL1_R, CPUF(isar.id_aa64pfr1) },
    { "ID_AA64DFR0_EL1", 3, 0, 0, 5, 0, EL1_R, CPUF(isar.id_aa64dfr0) },
    { "ID_AA64DFR1_EL1", 3, 0, 0, 5, 1, EL1_R, CPUF(isar.id_aa64dfr1) },
    { "ID_AA64AFR0_EL1", 3, 0, 0, 5, 4, EL1_R, CPUF(isar.id_aa64afr0) },
    { "ID_AA64AFR1_EL1", 3, 0, 0, 5, 5, EL1_R, CPUF(isar.id_aa64afr1) },
    { "ID_AA64ISAR0_EL1", 3, 0, 0, 6, 0, EL1_R, CPUF(isar.id_aa64isar0) },
    { "ID_AA64ISAR1_EL1", 3, 0, 0, 6, 1, EL1_R, CPUF(isar.id_aa64isar1) },
    { "ID_AA64MMFR0_EL1", 3, 0, 0, 7, 0, EL1_R, CPUF(isar.id_aa64mmfr0) },
    { "ID_AA64MMFR1_EL1", 3, 0, 0, 7, 1, EL1_R, CPUF(isar.id_aa64mmfr1) },
    { "ID_AA64MMFR2_EL1", 3, 0, 0, 7, 2, EL1_R, CPUF(isar.id_aa64mmfr2) },
    { "CTR_EL0", 3, 3, 0, 0, 1, EL0_R | EL1_R, NULL, NULL, access_ctr,
      CPUF(ctr) },
    { "CLIDR_EL1", 3, 1, 0, 0, 1, EL1_R, CPUF(clidr) },
    { "CCSIDR_EL1", 3, 1, 0, 0, 0, EL1_R, read_ccsidr },
    { "CSSELR_EL1", 3, 2, 0, 0, 0, EL1_RW, read_csselr, write_csselr,
      ENVF(csselr_el1) },
    { "AIDR_EL1", 3, 1, 0, 0, 7, EL1_R, read_aidr },
    { "DCZID_EL0", 3, 3, 0, 0, 7, EL0_R | EL1_R, CPUF(dczid) },
};

void arm_sysregs_register_core(void)
{
    arm_sysregs_register(arm_sysregs_core, ARRAY_SIZE(arm_sysregs_core));
}

/* Run-time checks: an accessfn that refuses raises the exception it
 * names. */
static int sysreg_refuse(CPUState *cs, const TLOp *op, const ARMSysReg *ri,
                         ARMAccessResult r, bool isread)
{
    uint32_t syn;

    switch (r) {
    case ARM_ACCESS_TRAP_FP:
        syn = arm_syn_fp_access_trap();
        break;
    case ARM_ACCESS_TRAP_SYSREG:
        syn = syn_sysreg_trap(ri->op0, ri->op1, ri->crn, ri->crm, ri->op2,
                              op->c & 0x1f, isread);
        break;
    default:
        syn = EC_UNCATEGORIZED << 26 | ARM_EL_IL;
        break;
    }
    return arm_raise(cs, op, EXCP_UDEF, syn);
}

/* op->c = Rt (for a trap's ISS); imm = the descriptor. */
static int op_mrs(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const ARMSysReg *ri = (const ARMSysReg *)(uintptr_t)op->imm;
    bool locked = false;
    uint64_t v;

    if (ri->accessfn) {
        ARMAccessResult r = ri->accessfn(env, ri, true);
        if (r != ARM_ACCESS_OK) {
            return sysreg_refuse(cs, op, ri, r, true);
        }
    }
    if (ri->needs_bql && !bql_locked()) {
        bql_lock();
        locked = true;
    }
    v = arm_sysreg_read(env, ri);
    if (locked) {
        bql_unlock();
    }
    X(op->rd) = v;
    TL_GOTO_NEXT(cs, op);
}

static int op_msr(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const ARMSysReg *ri = (const ARMSysReg *)(uintptr_t)op->imm;
    bool locked = false;

    if (ri->accessfn) {
        ARMAccessResult r = ri->accessfn(env, ri, false);
        if (r != ARM_ACCESS_OK) {
            return sysreg_refuse(cs, op, ri, r, false);
        }
    }
    if (ri->needs_bql && !bql_locked()) {
        bql_lock();
        locked = true;
    }
    arm_sysreg_write(env, ri, X(op->rn));
    if (locked) {
        bql_unlock();
    }
    if (ri->end_tb) {
        return tl_stop(cs, op, TL_RESUME_NEXT);
    }
    TL_GOTO_NEXT(cs, op);
}

static bool disas_mrs_msr(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool is_read = extract32(insn, 21, 1);
    unsigned rt = insn & 0x1f;
    const ARMSysReg *ri = arm_sysreg_find(extract32(insn, 19, 2),
                                      extract32(insn, 16, 3),
                                      extract32(insn, 12, 4),
                                      extract32(insn, 8, 4),
                                      extract32(insn, 5, 3));
    unsigned need = (is_read ? EL0_R : EL0_W) << (s->el ? 2 : 0);

    if (!ri || !(ri->access & need)) {
        return false;
    }
    if ((ri->read == read_sp_el0) && !s->spsel) {
        return false;                   /* SP_EL0 while using SP_EL0 */
    }
    if (!is_read && !ri->write && ri->read) {
        return false;                   /* computed, read-only */
    }
    op->imm = (uintptr_t)ri;
    op->c = rt;
    if (is_read) {
        op->fn = op_mrs;
        op->rd = reg_zr_w(rt);
    } else {
        op->fn = op_msr;
        op->rn = reg_zr_r(rt);
        if (ri->end_tb) {
            s->end_tb = true;
        }
    }
    return true;
}

bool disas_system(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool l = extract32(insn, 21, 1);
    unsigned op0 = extract32(insn, 19, 2);

    if (op0 == 0) {
        return !l && disas_hint_barrier_pstate(s, op, insn);
    }
    if (op0 == 1) {
        return !l && disas_sys(s, op, insn);
    }
    return disas_mrs_msr(s, op, insn);
}
