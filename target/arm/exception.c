/*
 * AArch64 exception entry and return at EL1 (ARM ARM D1.10, D1.11).
 *
 * Only EL0 and EL1 exist (QEMU's virt without virtualization=on or
 * secure=on), so every exception is taken to EL1. The engine stops a block
 * with exception_index and env->exception filled (syndrome, FAR, target
 * EL); the accelerator then calls arm_cpu_do_interrupt, which saves
 * PSTATE/PC in SPSR_EL1/ELR_EL1, writes ESR_EL1/FAR_EL1 and jumps to the
 * vector: VBAR_EL1 + {0x000 current EL with SP_EL0, 0x200 current EL with
 * SP_EL1, 0x400 lower EL} + {0x000 sync, 0x080 IRQ, 0x100 FIQ, 0x180
 * SError}. IRQs and FIQs are taken between blocks (exec_interrupt) when
 * PSTATE.I/F allow. HVC/SMC that are PSCI calls go to psci.c instead.
 *
 * Like QEMU, entry leaves NZCV clear and DAIF set; ERET clears the
 * exclusive monitor. -d int logs both in QEMU's words.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"
#include "debug.h"

/* QEMU's names for its exception numbers (-d int). */
static const char *const arm_excp_names[] = {
    [EXCP_UDEF] = "Undefined Instruction",
    [EXCP_SWI] = "SVC",
    [EXCP_PREFETCH_ABORT] = "Prefetch Abort",
    [EXCP_DATA_ABORT] = "Data Abort",
    [EXCP_IRQ] = "IRQ",
    [EXCP_FIQ] = "FIQ",
    [EXCP_BKPT] = "Breakpoint",
    [EXCP_HVC] = "Hypervisor Call",
    [EXCP_SMC] = "Secure Monitor Call",
    [EXCP_VIRQ] = "Virtual IRQ",
    [EXCP_VFIQ] = "Virtual FIQ",
    [EXCP_SERROR] = "SError",
};

static const char *arm_excp_name(int excp)
{
    if (excp >= 0 && excp < (int)G_N_ELEMENTS(arm_excp_names) &&
        arm_excp_names[excp]) {
        return arm_excp_names[excp];
    }
    return "unknown";
}

/* ---- Recording faults ------------------------------------------------ */

void arm_record_abort(CPUState *cs, MMUAccessType access, uint64_t va,
                      uint32_t fsc, bool s1ptw)
{
    CPUARMState *env = cpu_env(cs);
    bool fetch = access == MMU_INST_FETCH;
    uint32_t iss = fsc & 0x3f;

    if (s1ptw) {
        iss |= 1u << 7;
    }
    if (access == MMU_DATA_STORE) {
        iss |= 1u << 6;                       /* WnR */
    }
    cs->exception_index = fetch ? EXCP_PREFETCH_ABORT : EXCP_DATA_ABORT;
    /* The lower-EL class; arm_cpu_do_interrupt makes it same-EL. */
    env->exception.syndrome = (uint32_t)(fetch ? EC_INSNABORT : EC_DATAABORT)
                              << 26 | ARM_EL_IL | iss;
    env->exception.vaddress = va;
    env->exception.target_el = 1;
}

/* Nothing at the address, or the device refused: a synchronous external
 * abort, as QEMU's virt reports it. */
void arm_cpu_memory_fault(CPUState *cs, uint64_t va, MMUAccessType access)
{
    arm_record_abort(cs, access, va, ARM_FSC_EXTABORT, false);
}

/* ---- Entry ----------------------------------------------------------- */

/* The classes that have a lower-EL and a same-EL code (EC and EC + 1). */
static bool arm_ec_has_same_el_form(unsigned ec)
{
    switch (ec) {
    case EC_INSNABORT:
    case EC_DATAABORT:
    case EC_BREAKPOINT:
    case EC_SOFTWARESTEP:
    case EC_WATCHPOINT:
        return true;
    default:
        return false;
    }
}

void arm_cpu_do_interrupt(CPUState *cs)
{
    ARMCPU *cpu = ARM_CPU(cs);
    CPUARMState *env = &cpu->env;
    int excp = cs->exception_index;
    int from_el = env->el;
    uint32_t syndrome = env->exception.syndrome;
    uint32_t old_pstate = pstate_read(env);
    uint64_t offset, ret_pc = env->pc;

    if ((excp == EXCP_HVC || excp == EXCP_SMC) &&
        arm_is_psci_call(cpu, excp)) {
        arm_handle_psci_call(cpu);
        cs->exception_index = -1;
        return;
    }

    switch (excp) {
    case EXCP_IRQ:
    case EXCP_VIRQ:
        offset = 0x80;
        break;
    case EXCP_FIQ:
    case EXCP_VFIQ:
        offset = 0x100;
        break;
    case EXCP_SERROR:
        offset = 0x180;
        break;
    case EXCP_HVC:
    case EXCP_SMC:
        /* Not PSCI, and EL2/EL3 do not exist: UNDEFINED at EL1, as QEMU
         * treats them; the syndrome becomes an unknown reason. */
        excp = EXCP_UDEF;
        syndrome = EC_UNCATEGORIZED << 26 | ARM_EL_IL;
        offset = 0;
        break;
    case EXCP_SWI:
        /* The preferred return address of SVC is the next instruction;
         * the engine reported the PC at the SVC. */
        ret_pc += 4;
        offset = 0;
        break;
    case EXCP_HLT_INSN:
        /* HLT without halting debug is UNDEFINED. */
        excp = EXCP_UDEF;
        syndrome = EC_UNCATEGORIZED << 26 | ARM_EL_IL;
        offset = 0;
        break;
    default:
        offset = 0;
        break;
    }

    if (offset == 0) {
        unsigned ec = syndrome >> 26;

        if (from_el == 1 && arm_ec_has_same_el_form(ec)) {
            syndrome += 1u << 26;
        }
        env->esr_el1 = syndrome;
        if (excp == EXCP_PREFETCH_ABORT || excp == EXCP_DATA_ABORT ||
            ec == EC_PCALIGNMENT || ec == EC_WATCHPOINT) {
            env->far_el1 = env->exception.vaddress;
        }
    }

    if (from_el == 0) {
        offset += 0x400;
    } else if (old_pstate & PSTATE_SP) {
        offset += 0x200;
    }

    env->spsr_el[1] = old_pstate;
    env->elr_el[1] = ret_pc;
    arm_pstate_write(env, PSTATE_DAIF | 1u << PSTATE_EL_SHIFT | PSTATE_SP);
    env->pc = env->vbar_el1 + offset;
    cs->exception_index = -1;

    if (qemu_loglevel_mask(CPU_LOG_INT)) {
        qemu_log("Taking exception %d [%s] on CPU %d\n"
                 "...from EL%d to EL1\n", excp, arm_excp_name(excp),
                 cs->cpu_index, from_el);
        if (offset % 0x200 == 0) {
            qemu_log("...with ESR 0x%x/0x%" PRIx32 "\n", syndrome >> 26,
                     syndrome);
        }
        if (excp == EXCP_PREFETCH_ABORT || excp == EXCP_DATA_ABORT) {
            qemu_log("...with FAR 0x%" PRIx64 "\n", env->far_el1);
        }
        qemu_log("...with ELR 0x%" PRIx64 "\n"
                 "...to EL1 PC 0x%" PRIx64 " PSTATE 0x%x\n",
                 env->elr_el[1], env->pc, pstate_read(env));
    }
}

/* Between blocks: take an IRQ or FIQ that PSTATE does not mask. FIQ
 * first, as it has the higher priority. */
bool arm_cpu_exec_interrupt(CPUState *cs, uint32_t request)
{
    CPUARMState *env = cpu_env(cs);

    if ((request & CPU_INTERRUPT_FIQ) && !(env->pstate & PSTATE_F)) {
        cs->exception_index = EXCP_FIQ;
    } else if ((request & CPU_INTERRUPT_HARD) &&
               !(env->pstate & PSTATE_I)) {
        cs->exception_index = EXCP_IRQ;
    } else {
        return false;
    }
    arm_cpu_do_interrupt(cs);
    return true;
}

/* ---- Return ---------------------------------------------------------- */

/* The EL an SPSR value returns to, or -1 if that return is illegal. */
static int arm_spsr_target_el(uint32_t spsr, int cur_el)
{
    int el = (spsr >> PSTATE_EL_SHIFT) & 3;

    if (spsr & 0x10) {
        return -1;                  /* AArch32: not implemented */
    }
    if (spsr & 0x2) {
        return -1;                  /* M[1] reserved */
    }
    if (el > cur_el || el > 1) {
        return -1;                  /* higher, or EL2/EL3 absent */
    }
    if (el == 0 && (spsr & PSTATE_SP)) {
        return -1;                  /* EL0 has only SP_EL0 */
    }
    return el;
}

void arm_exception_return(CPUARMState *env)
{
    int cur_el = env->el;
    uint32_t spsr = (uint32_t)env->spsr_el[cur_el];
    uint64_t new_pc = env->elr_el[cur_el];
    /* ARMv8.0's PSTATE: NZCV, SS, IL, DAIF, EL, SP. */
    const uint32_t valid = PSTATE_NZCV | PSTATE_SS | PSTATE_IL |
                           PSTATE_DAIF | 0xf;
    int new_el = arm_spsr_target_el(spsr, cur_el);

    env->exclusive_addr = -1;
    if (new_el < 0) {
        /* Illegal return: stay at this EL with PSTATE.IL set, so the
         * next instruction takes an Illegal Execution state exception. */
        uint32_t ps = pstate_read(env);

        ps = (ps & ~(PSTATE_NZCV | PSTATE_DAIF)) |
             (spsr & (PSTATE_NZCV | PSTATE_DAIF)) | PSTATE_IL;
        arm_pstate_write(env, ps);
        if (!arm_debug_singlestep_active(env)) {
            env->pstate &= ~PSTATE_SS;
        }
        env->pc = new_pc;
        qemu_log_mask(LOG_GUEST_ERROR, "Illegal exception return at EL%d: "
                      "resuming execution at 0x%" PRIx64 "\n", cur_el,
                      env->pc);
        return;
    }
    /* SPSR.SS becomes PSTATE.SS only where software step is active at
     * the new EL (debug.c); elsewhere it is cleared. */
    arm_pstate_write(env, spsr & valid);
    if (!arm_debug_singlestep_active(env)) {
        env->pstate &= ~PSTATE_SS;
    }
    env->pc = new_pc;
    qemu_log_mask(CPU_LOG_INT, "Exception return from AArch64 EL%d to "
                  "AArch64 EL%d PC 0x%" PRIx64 "\n", cur_el, new_el,
                  env->pc);
}

/* ---- Registers ------------------------------------------------------- */

/* VBAR_EL1 bits 10:0 are RES0. */
static void write_vbar(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    env->vbar_el1 = v & ~0x7ffULL;
}

static uint64_t read_vbar(CPUARMState *env, const ARMSysReg *ri)
{
    return env->vbar_el1;
}

/* ISR_EL1: the pending physical interrupts (I = bit 7, F = bit 6). */
static uint64_t read_isr(CPUARMState *env, const ARMSysReg *ri)
{
    uint32_t req = __atomic_load_n(&env_archcpu(env)->parent_obj.
                                   interrupt_request, __ATOMIC_SEQ_CST);

    return (req & CPU_INTERRUPT_HARD ? 1u << 7 : 0) |
           (req & CPU_INTERRUPT_FIQ ? 1u << 6 : 0);
}

static const ARMSysReg arm_sysregs_exception[] = {
    { "VBAR_EL1", 3, 0, 12, 0, 0, EL1_RW, read_vbar, write_vbar,
      ENVF(vbar_el1) },
    { "ESR_EL1", 3, 0, 5, 2, 0, EL1_RW, ENVF(esr_el1) },
    { "FAR_EL1", 3, 0, 6, 0, 0, EL1_RW, ENVF(far_el1) },
    { "AFSR0_EL1", 3, 0, 5, 1, 0, EL1_RW, ENVF(afsr0_el1) },
    { "AFSR1_EL1", 3, 0, 5, 1, 1, EL1_RW, ENVF(afsr1_el1) },
    { "ISR_EL1", 3, 0, 12, 1, 0, EL1_R, read_isr },
};

void arm_sysregs_register_exception(void)
{
    arm_sysregs_register(arm_sysregs_exception,
                         ARRAY_SIZE(arm_sysregs_exception));
}
