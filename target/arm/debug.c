/*
 * The self-hosted debug registers and exceptions (ARM ARM D2): DBGBVR/
 * DBGBCR (6 breakpoints on the A57), DBGWVR/DBGWCR (4 watchpoints),
 * MDSCR_EL1, the OS lock (OSLAR/OSLSR/OSDLR) and MDCCINT, as Linux sets
 * them up at boot (hw_breakpoint reset, __cpu_setup's OS lock release).
 * The claim tags and DBGAUTHSTATUS are UNDEFINED, as on Debian's QEMU 7.2.
 *
 * The exceptions, for EL0/EL1 without EL2/EL3 (the debug target is EL1):
 * enabled at EL0 always, at EL1 with MDSCR_EL1.KDE and PSTATE.D clear,
 * and nowhere while the OS double lock is set (the OS lock: as in QEMU
 * 7.2, unlike the ARM ARM, it masks nothing).
 *   Breakpoints (MDSCR_EL1.MDE): address match (BT 0, and BT 1 linked to
 *   a context-ID comparator), EC 0x30/0x31, ELR = the instruction, FAR 0.
 *   Watchpoints (MDE): BAS or MASK ranges, LSC, PAC; EC 0x34/0x35 with
 *   WnR, FAR = the first watched byte the access touches.
 *   Software step (MDSCR_EL1.SS): PSTATE.SS set from SPSR.SS by ERET;
 *   one instruction runs, then EC 0x32/0x33 with ISV = 1 (EX for a load
 *   exclusive); with PSTATE.SS clear (active-pending) the exception comes
 *   first, ISV = 0.
 * How each reaches the interpreter: debug.h and docs/devel/arm-debug.md.
 */
#include "qemu/osdep.h"
#include "sysreg.h"
#include "internals.h"
#include "debug.h"

/* The A57's comparators (ID_AA64DFR0: BRPs 5 = 6, WRPs 3 = 4, CTX_CMPs
 * 1 = 2: breakpoints 4 and 5 can match a context ID). */
#define A57_BRPS 6
#define A57_WRPS 4
#define A57_CTX_CMPS 2

/* OSLSR_EL1: OSLM = 0b10 (lock implemented), OSLK = 1 at reset. */
#define OSLSR_OSLM  (1u << 3)
#define OSLSR_OSLK  (1u << 1)
#define OSDLR_DLK   1u

/* DBGBCR/DBGWCR fields. */
#define DBGCR_E(cr)     ((cr) & 1)
#define DBGCR_PAC(cr)   (((cr) >> 1) & 3)
#define DBGCR_SSC(cr)   (((cr) >> 14) & 3)
#define DBGCR_LBN(cr)   ((unsigned)((cr) >> 16) & 0xf)
#define DBGBCR_BAS(cr)  (((cr) >> 5) & 0xf)
#define DBGBCR_BT(cr)   (((cr) >> 20) & 0xf)
#define DBGWCR_LSC(cr)  (((cr) >> 3) & 3)
#define DBGWCR_BAS(cr)  (((cr) >> 5) & 0xff)
#define DBGWCR_WT(cr)   (((cr) >> 20) & 1)
#define DBGWCR_MASK(cr) (((cr) >> 24) & 0x1f)

/* The ISS of every debug exception here: IFSC/DFSC = debug event. */
static uint32_t syn_debug(unsigned ec, uint32_t iss)
{
    return (uint32_t)ec << 26 | ARM_EL_IL | iss | ARM_FSC_DEBUG;
}

/* ---- When debug exceptions are taken -------------------------------- */

/*
 * AArch64.GenerateDebugExceptions() with EL1 the debug target. The OS
 * double lock (OSDLR_EL1.DLK) masks debug exceptions; the OS lock should
 * too, but QEMU 7.2 tests bit 0 of OSLSR_EL1 (OSLM[0], 0 on the A57)
 * instead of OSLK, so a locked OS lock masks nothing there, nor here
 * (both checked with tests/tcg/aarch64/programs/debug-bkpt.c).
 */
static bool arm_debug_enabled_here(const CPUARMState *env)
{
    if (env->osdlr_el1 & OSDLR_DLK) {
        return false;
    }
    if (env->el == 0) {
        return true;
    }
    return (env->mdscr_el1 & MDSCR_KDE) && !(env->pstate & PSTATE_D);
}

bool arm_debug_singlestep_active(const CPUARMState *env)
{
    return (env->mdscr_el1 & MDSCR_SS) && arm_debug_enabled_here(env);
}

uint32_t arm_debug_tb_flags(const CPUARMState *env)
{
    uint32_t flags = 0;

    if (!arm_debug_enabled_here(env)) {
        return 0;
    }
    if (env->mdscr_el1 & MDSCR_SS) {
        flags |= ARM_TBFLAG_SS_ACTIVE;
        if (env->pstate & PSTATE_SS) {
            flags |= ARM_TBFLAG_PSTATE_SS;
        }
    }
    if (env->mdscr_el1 & MDSCR_MDE) {
        flags |= ARM_TBFLAG_BKPT;
    }
    return flags;
}

/*
 * The checks breakpoints and watchpoints share: the security state (we
 * are Non-secure, so SSC 0b10 never matches), the privilege the access
 * or instruction has (PAC bit 0: EL1, bit 1: EL0) and, when linked, a
 * context-ID comparator that matches CONTEXTIDR_EL1.
 */
static bool arm_debug_linked_ctx_matches(const CPUARMState *env,
                                         unsigned lbn)
{
    uint64_t bcr;

    /* A link to a comparator that cannot match a context behaves as
     * disabled (the CONSTRAINED UNPREDICTABLE choice QEMU makes). */
    if (lbn >= A57_BRPS || lbn < A57_BRPS - A57_CTX_CMPS) {
        return false;
    }
    bcr = env->dbgbcr[lbn];
    if (!DBGCR_E(bcr) || DBGBCR_BT(bcr) != 3) {
        return false;
    }
    return (uint32_t)env->contextidr_el1 == (uint32_t)env->dbgbvr[lbn];
}

static bool arm_debug_cr_applies(const CPUARMState *env, uint64_t cr,
                                 int access_el, bool linked)
{
    if (DBGCR_SSC(cr) == 2) {
        return false;
    }
    if (!(DBGCR_PAC(cr) & (access_el ? 1 : 2))) {
        return false;
    }
    return !linked || arm_debug_linked_ctx_matches(env, DBGCR_LBN(cr));
}

/* ---- Breakpoints ------------------------------------------------------ */

/*
 * The instruction address comparator n matches, or false if it matches
 * none: disabled, a type other than address match (context-ID and
 * mismatch types raise nothing by themselves), or BAS 0. BAS 0b1100
 * selects the upper halfword, which no A64 instruction starts at.
 */
static bool arm_debug_bp_addr(const CPUARMState *env, unsigned n,
                              uint64_t *addr)
{
    uint64_t bcr = env->dbgbcr[n];
    unsigned bas = DBGBCR_BAS(bcr);

    if (!DBGCR_E(bcr) || DBGBCR_BT(bcr) > 1 || bas == 0 || bas == 0xc) {
        return false;
    }
    *addr = env->dbgbvr[n] & ~3ULL;
    return true;
}

bool arm_debug_bp_at(const CPUARMState *env, uint64_t pc)
{
    uint64_t addr;
    unsigned n;

    for (n = 0; n < A57_BRPS; n++) {
        if (arm_debug_bp_addr(env, n, &addr) && addr == pc) {
            return true;
        }
    }
    return false;
}

/* At run time, about to execute the instruction at pc (env->pc is not
 * kept up to date inside chained blocks): does a breakpoint fire? */
static bool arm_debug_bp_hit(const CPUARMState *env, uint64_t pc)
{
    uint64_t addr;
    unsigned n;

    if (!(env->mdscr_el1 & MDSCR_MDE) || !arm_debug_enabled_here(env)) {
        return false;
    }
    for (n = 0; n < A57_BRPS; n++) {
        uint64_t bcr = env->dbgbcr[n];

        if (arm_debug_bp_addr(env, n, &addr) && addr == pc &&
            arm_debug_cr_applies(env, bcr, env->el, DBGBCR_BT(bcr) == 1)) {
            return true;
        }
    }
    return false;
}

/* ---- Watchpoints ------------------------------------------------------ */

/*
 * The bytes comparator n watches, [*start, *start + *len), or false if
 * it watches none. MASK wins over BAS (CONSTRAINED UNPREDICTABLE, as
 * QEMU chooses); MASK 1 and 2 are reserved and disable it; a BAS with
 * gaps watches the run of bytes from its first set bit to the first gap
 * (CONSTRAINED UNPREDICTABLE: QEMU 7.2's choice); with DBGWVR[2] set
 * only BAS[3:0] counts.
 */
static bool arm_debug_wp_range(const CPUARMState *env, unsigned n,
                               uint64_t *start, uint64_t *len)
{
    uint64_t wcr = env->dbgwcr[n], wvr = env->dbgwvr[n];
    unsigned mask = DBGWCR_MASK(wcr), bas = DBGWCR_BAS(wcr), first;

    if (!DBGCR_E(wcr) || DBGWCR_LSC(wcr) == 0 || mask == 1 || mask == 2) {
        return false;
    }
    if (mask) {
        *len = 1ULL << mask;
        *start = wvr & ~(*len - 1);
        return true;
    }
    if (wvr & 4) {
        bas &= 0xf;
    }
    if (bas == 0) {
        return false;
    }
    first = __builtin_ctz(bas);
    *start = wvr + first;
    *len = __builtin_ctz(~(bas >> first));
    return true;
}

static bool arm_debug_range_overlaps(uint64_t a, uint64_t alen, uint64_t b,
                                     uint64_t blen)
{
    return a <= b + (blen - 1) && b <= a + (alen - 1);
}

bool arm_debug_watch_page(CPUState *cs, uint64_t page_va)
{
    const CPUARMState *env = cpu_env(cs);
    uint64_t start, len;
    unsigned n;

    for (n = 0; n < A57_WRPS; n++) {
        if (arm_debug_wp_range(env, n, &start, &len) &&
            arm_debug_range_overlaps(start, len, page_va, TL_PAGE_SIZE)) {
            return true;
        }
    }
    return false;
}

/* Does a comparator fire for [va, va + size)? Records the exception,
 * FAR the first watched byte in the range. */
static bool arm_debug_wp_range_hit(CPUState *cs, uint64_t va, uint64_t size,
                                   bool store, int mmu_idx)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t start, len;
    unsigned n;

    for (n = 0; n < A57_WRPS; n++) {
        uint64_t wcr = env->dbgwcr[n];

        if (!arm_debug_wp_range(env, n, &start, &len) ||
            !(DBGWCR_LSC(wcr) & (store ? 2 : 1)) ||
            !arm_debug_range_overlaps(va, size, start, len) ||
            !arm_debug_cr_applies(env, wcr, mmu_idx, DBGWCR_WT(wcr))) {
            continue;
        }
        cs->exception_index = EXCP_DATA_ABORT;
        env->exception.syndrome = syn_debug(EC_WATCHPOINT,
                                            store ? 1u << 6 : 0);
        env->exception.vaddress = MAX(va, start);
        env->exception.target_el = 1;
        return true;
    }
    return false;
}

/*
 * Before a data access of size bytes at va through mmu_idx (0: an EL0
 * or unprivileged access): record the watchpoint exception and return
 * true if a comparator fires; the access then does not happen.
 *
 * An aligned access is checked as itself. A misaligned one is checked
 * as QEMU 7.2's softmmu does it (guests see the difference): a load as
 * the two naturally aligned accesses that cover it, lower one first; a
 * store within a page as the bytes from the start of its 4 KiB page to
 * its end, a store that crosses a page as itself. The engine calls this
 * for the whole access before it splits one that crosses a page.
 */
bool arm_debug_check_watchpoint(CPUState *cs, uint64_t va, unsigned size,
                                MMUAccessType access, int mmu_idx)
{
    CPUARMState *env = cpu_env(cs);
    bool store = access == MMU_DATA_STORE;
    uint64_t lo;

    if (!(env->mdscr_el1 & MDSCR_MDE) || !arm_debug_enabled_here(env)) {
        return false;
    }
    if (!(va & (size - 1))) {
        return arm_debug_wp_range_hit(cs, va, size, store, mmu_idx);
    }
    if (store && !tl_in_page(va, size)) {
        return arm_debug_wp_range_hit(cs, va, size, true, mmu_idx);
    }
    if (store) {
        lo = va & TL_PAGE_MASK;
        return arm_debug_wp_range_hit(cs, lo, va + size - lo, true, mmu_idx);
    }
    lo = va & ~(uint64_t)(size - 1);
    return arm_debug_wp_range_hit(cs, lo, size, false, mmu_idx) ||
           arm_debug_wp_range_hit(cs, lo + size, size, false, mmu_idx);
}

/* ---- Software step and the checked instruction ----------------------- */

/* op->a of op_debug_checked. */
#define DBG_CHECK_BP  1     /* a breakpoint may fire here */
#define DBG_STEP      2     /* step this instruction */

/* What the instruction's successor op returns when it falls through. */
#define TL_DBG_FALLTHROUGH 0x100

static int op_debug_fallthrough(CPUState *cs, const TLOp *op)
{
    return TL_DBG_FALLTHROUGH;
}

/* Active-pending: the step exception before any instruction runs. */
static int op_step_pending(CPUState *cs, const TLOp *op)
{
    return arm_raise(cs, op, EXCP_UDEF, syn_debug(EC_SOFTWARESTEP, 0));
}

/*
 * The stepped instruction completed with the PC at its successor:
 * PSTATE.SS goes to 0 (active-pending) and the step exception is taken
 * at once, so nothing else (an interrupt) comes in between: QEMU's
 * choice too. Taken here rather than by the engine because the ELR may
 * be any branch target, which a stopping op cannot express.
 */
static int arm_debug_step_complete(CPUState *cs, bool ex)
{
    CPUARMState *env = cpu_env(cs);

    env->pstate &= ~PSTATE_SS;
    cs->exception_index = EXCP_UDEF;
    env->exception.syndrome = syn_debug(EC_SOFTWARESTEP,
                                        1u << 24 | (ex ? 1u << 6 : 0));
    env->exception.target_el = 1;
    arm_cpu_do_interrupt(cs);
    return TL_LOOKUP;
}

/* SVC, and HVC/SMC that PSCI answers, complete before their exception:
 * the saved PSTATE.SS is 0. Other exceptions leave it set. */
static bool arm_debug_excp_completes(CPUState *cs)
{
    switch (cs->exception_index) {
    case EXCP_SWI:
        return true;
    case EXCP_HVC:
    case EXCP_SMC:
        return arm_is_psci_call(ARM_CPU(cs), cs->exception_index);
    default:
        return false;
    }
}

/*
 * ops[0] of a checked block; ops[1] is the instruction. It runs on a
 * copy followed by op_debug_fallthrough, so that every way it can end
 * comes back here; a stop it reports is moved to ops[0], which the
 * engine maps to this instruction's PC.
 */
static int op_debug_checked(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const TranslationBlock *tb = (const TranslationBlock *)
        ((const char *)op - offsetof(TranslationBlock, ops));
    bool step = op->a & DBG_STEP;
    TLOp insn[2];
    int r;

    if ((op->a & DBG_CHECK_BP) && arm_debug_bp_hit(env, op->imm)) {
        /* FAR is UNKNOWN: QEMU writes 0. */
        env->exception.vaddress = 0;
        return arm_raise(cs, op, EXCP_PREFETCH_ABORT,
                         syn_debug(EC_BREAKPOINT, 0));
    }
    insn[0] = op[1];
    insn[1] = (TLOp){ .fn = op_debug_fallthrough };
    r = insn[0].fn(cs, insn);
    switch (r) {
    case TL_DBG_FALLTHROUGH:
        env->pc = tb->pc + 4;
        break;
    case TL_CHAIN0:
    case TL_CHAIN1:
        env->pc = tb->jmp_pc[r - TL_CHAIN0];
        break;
    case TL_LOOKUP:
        break;
    case TL_RESUME_NEXT:
        cs->tl_exit_op = op;
        if (!step || (cs->exception_index >= 0 &&
                      cs->exception_index != EXCP_HLT)) {
            return r;
        }
        /* A stepped WFI does not wait (as in QEMU). */
        cs->halted = false;
        cs->exception_index = -1;
        env->pc = tb->pc + 4;
        break;
    default:
        /* The instruction took an exception. */
        cs->tl_exit_op = op;
        if (step && arm_debug_excp_completes(cs)) {
            env->pstate &= ~PSTATE_SS;
        }
        return r;
    }
    /* The PC is set: a checked block is never chained, so that only
     * this op decides where execution goes after it. */
    if (!step) {
        return TL_LOOKUP;
    }
    return arm_debug_step_complete(cs, op->b);
}

void arm_debug_gen_step_pending(TranslationBlock *tb)
{
    tb->ops[0] = (TLOp){ .fn = op_step_pending, .imm = tb->pc };
    tb->icount = tb->n_ops = 1;
}

void arm_debug_gen_checked(TranslationBlock *tb, bool ex)
{
    bool step = tb->flags & ARM_TBFLAG_SS_ACTIVE;

    tb->ops[0] = (TLOp){
        .fn = op_debug_checked,
        .a = (step ? DBG_STEP : 0) |
             ((tb->flags & ARM_TBFLAG_BKPT) ? DBG_CHECK_BP : 0),
        .b = ex,
        .imm = tb->pc,
    };
    tb->icount = 1;
    tb->n_ops = 2;
}

/* ---- Registers -------------------------------------------------------- */

static CPUState *env_cpu(CPUARMState *env)
{
    return &env_archcpu(env)->parent_obj;
}

static void write_oslar(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->oslsr_el1 = (env->oslsr_el1 & ~OSLSR_OSLK) |
                     ((v & 1) ? OSLSR_OSLK : 0);
}

static uint64_t read_oslsr(CPUARMState *env, const ARMSysReg *ri)
{
    return env->oslsr_el1;
}

/* OSLAR_EL1 is write-only: reads are UNDEFINED (no read hook). */
static uint64_t read_undef_never(CPUARMState *env, const ARMSysReg *ri)
{
    return 0;
}

static ARMAccessResult access_write_only(CPUARMState *env,
                                         const ARMSysReg *ri, bool isread)
{
    return isread ? ARM_ACCESS_UNDEF : ARM_ACCESS_OK;
}

/* MDSCR_EL1: the writable bits of ARMv8.0 (SS, KDE, MDE, TDCC, ...). */
static void write_mdscr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->mdscr_el1 = v & 0x000000007800f001ULL;
}

static uint64_t read_mdscr(CPUARMState *env, const ARMSysReg *ri)
{
    return env->mdscr_el1;
}

static uint64_t read_zero(CPUARMState *env, const ARMSysReg *ri)
{
    return 0;
}

/* DBGPRCR_EL1.CORENPDRQ: no power-down to hold off; writes ignored. */
static void write_ignore(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
}

/*
 * Breakpoint comparators are matched when code is translated: a change
 * to what comparator n matches drops the translated blocks (the write
 * also ends the block, so the flush is seen before the next one).
 */
static void arm_debug_bp_update(CPUARMState *env, unsigned n, uint64_t bvr,
                                uint64_t bcr)
{
    uint64_t old_addr = 0, new_addr = 0;
    bool was = arm_debug_bp_addr(env, n, &old_addr), is;

    env->dbgbvr[n] = bvr;
    env->dbgbcr[n] = bcr;
    is = arm_debug_bp_addr(env, n, &new_addr);
    if (was != is || old_addr != new_addr) {
        tb_flush();
    }
}

/* The comparator number is the encoding's CRm. */
static void write_dbgbvr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    arm_debug_bp_update(env, ri->crm, v, env->dbgbcr[ri->crm]);
}

/* BAS[3] reads as BAS[2] and BAS[1] as BAS[0] (A32 halfwords), as QEMU
 * stores them. */
static void write_dbgbcr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    v = (v & ~0x140ULL) | (v & 0x20) << 1 | (v & 0x80) << 1;
    arm_debug_bp_update(env, ri->crm, env->dbgbvr[ri->crm], v);
}

/* Watched pages take the TLB slow path: refill when a range changes. */
static void arm_debug_wp_update(CPUARMState *env, unsigned n, uint64_t wvr,
                                uint64_t wcr)
{
    uint64_t os = 0, ol = 0, ns = 0, nl = 0;
    bool was = arm_debug_wp_range(env, n, &os, &ol), is;

    env->dbgwvr[n] = wvr;
    env->dbgwcr[n] = wcr;
    is = arm_debug_wp_range(env, n, &ns, &nl);
    if (was != is || os != ns || ol != nl) {
        tlb_flush(env_cpu(env));
    }
}

/* DBGWVR bits 1:0 are RES0. */
static void write_dbgwvr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    arm_debug_wp_update(env, ri->crm, v & ~3ULL, env->dbgwcr[ri->crm]);
}

static void write_dbgwcr(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    arm_debug_wp_update(env, ri->crm, env->dbgwvr[ri->crm], v);
}

static uint64_t read_field(CPUARMState *env, const ARMSysReg *ri)
{
    return *arm_sysreg_field(env, ri);
}

#define BP(n)                                                           \
    { "DBGBVR" #n "_EL1", 2, 0, 0, n, 4, EL1_RW, read_field,            \
      write_dbgbvr, ENVF(dbgbvr[n]), .end_tb = true },                  \
    { "DBGBCR" #n "_EL1", 2, 0, 0, n, 5, EL1_RW, read_field,            \
      write_dbgbcr, ENVF(dbgbcr[n]), .end_tb = true }
#define WP(n)                                                           \
    { "DBGWVR" #n "_EL1", 2, 0, 0, n, 6, EL1_RW, read_field,            \
      write_dbgwvr, ENVF(dbgwvr[n]) },                                  \
    { "DBGWCR" #n "_EL1", 2, 0, 0, n, 7, EL1_RW, read_field,            \
      write_dbgwcr, ENVF(dbgwcr[n]) }

/* MDSCR, OSLAR and OSDLR change what the block flags say (debug.h). */
static const ARMSysReg arm_sysregs_debug[] = {
    { "MDSCR_EL1", 2, 0, 0, 2, 2, EL1_RW, read_mdscr, write_mdscr,
      ENVF(mdscr_el1), .end_tb = true },
    { "MDCCINT_EL1", 2, 0, 0, 2, 0, EL1_RW, ENVF(mdccint_el1) },
    { "MDCCSR_EL0", 2, 3, 0, 1, 0, EL1_R, read_zero },
    { "OSLAR_EL1", 2, 0, 1, 0, 4, EL1_RW, read_undef_never, write_oslar,
      access_write_only, .end_tb = true },
    { "OSLSR_EL1", 2, 0, 1, 1, 4, EL1_R, read_oslsr, NULL, NULL,
      ENVF(oslsr_el1), OSLSR_OSLM | OSLSR_OSLK },
    { "OSDLR_EL1", 2, 0, 1, 3, 4, EL1_RW, ENVF(osdlr_el1),
      .end_tb = true },
    { "DBGPRCR_EL1", 2, 0, 1, 4, 4, EL1_RW, read_zero, write_ignore },
    BP(0), BP(1), BP(2), BP(3), BP(4), BP(5),
    WP(0), WP(1), WP(2), WP(3),
};

void arm_sysregs_register_debug(void)
{
    G_STATIC_ASSERT(A57_BRPS <= ARM_MAX_BRPS && A57_WRPS <= ARM_MAX_WRPS);
    arm_sysregs_register(arm_sysregs_debug, ARRAY_SIZE(arm_sysregs_debug));
}
