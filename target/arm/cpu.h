/*
 * The AArch64 CPU: architectural state (CPUARMState) and the QOM types
 * "cortex-a57-arm-cpu" and "max-arm-cpu" (user names cortex-a57, max).
 *
 * Registers. xregs[0..30] are X0-X30; xregs[31] is the current stack
 * pointer (SP_EL0 or SP_ELx per PSTATE.SP; the other one is parked in
 * sp_el[]); xregs[32] always reads zero and xregs[33] is a write sink, so
 * the decoder maps register number 31 to 31 (SP), 32 (XZR read) or 33
 * (XZR write) once and op handlers never test for it.
 *
 * Flags are kept "half-lazily", in the form the operations produce them:
 * N is bit 63 of NF, Z is (ZF == 0), C is CF (0 or 1), V is bit 63 of VF.
 * A 32-bit operation stores its result and overflow sign-extended, so the
 * same tests work for both widths. pstate_read() assembles the real NZCV.
 */
#ifndef TARGET_ARM_CPU_H
#define TARGET_ARM_CPU_H

#include "hw/core/cpu.h"
#include "hw/irq.h"
#include "exec/tcg-lite.h"

#define TYPE_ARM_CPU "arm-cpu"
#define ARM_CPU_TYPE_SUFFIX "-" TYPE_ARM_CPU
#define ARM_CPU_TYPE_NAME(model) model ARM_CPU_TYPE_SUFFIX
#define TYPE_ARM_CPU_CORTEX_A57 ARM_CPU_TYPE_NAME("cortex-a57")
#define TYPE_ARM_CPU_MAX ARM_CPU_TYPE_NAME("max")

OBJECT_DECLARE_TYPE(ARMCPU, ARMCPUClass, ARM_CPU)

/* Exception numbers reported by tcg_lite_exec (QEMU's where it has one). */
#define EXCP_UDEF            1
#define EXCP_SWI             2   /* SVC */
#define EXCP_PREFETCH_ABORT  3
#define EXCP_DATA_ABORT      4
#define EXCP_IRQ             5
#define EXCP_FIQ             6
#define EXCP_BKPT            7   /* BRK */
#define EXCP_HVC            11
#define EXCP_SMC            13
#define EXCP_VIRQ           14
#define EXCP_VFIQ           15
#define EXCP_SERROR         16  /* asynchronous external abort */
#define EXCP_UNALIGNED      22  /* PC or SP alignment fault */
#define EXCP_ILLEGAL_STATE  23  /* ERET to an illegal state */
#define EXCP_HLT_INSN      0x100 /* A64 HLT: a stop for tests (no semihost) */

/* ESR_ELx exception classes used so far. */
#define EC_UNCATEGORIZED      0x00u
#define EC_WFX_TRAP           0x01u
#define EC_ADVSIMDFPACCESSTRAP 0x07u
#define EC_ILLEGALSTATE       0x0eu
#define EC_AA64_SVC           0x15u
#define EC_AA64_HVC           0x16u
#define EC_AA64_SMC           0x17u
#define EC_SYSTEMREGISTERTRAP 0x18u
#define EC_INSNABORT          0x20u  /* from a lower EL; +1: same EL */
#define EC_INSNABORT_SAME_EL  0x21u
#define EC_PCALIGNMENT        0x22u
#define EC_DATAABORT          0x24u  /* from a lower EL; +1: same EL */
#define EC_DATAABORT_SAME_EL  0x25u
#define EC_SPALIGNMENT        0x26u
#define EC_AA64_FPTRAP        0x2cu
#define EC_SERROR             0x2fu
#define EC_BREAKPOINT         0x30u  /* +1: same EL */
#define EC_SOFTWARESTEP       0x32u  /* +1: same EL */
#define EC_WATCHPOINT         0x34u  /* +1: same EL */
#define EC_AA64_BKPT          0x3cu
#define ARM_EL_IL             (1u << 25)

/* Data/instruction abort fault status codes (ISS.DFSC/IFSC), level in
 * the low two bits where the code has one. */
#define ARM_FSC_ADDRSIZE(l)   (0x00 | (l))
#define ARM_FSC_TRANSLATION(l) (0x04 | (l))
#define ARM_FSC_ACCESS(l)     (0x08 | (l))
#define ARM_FSC_PERMISSION(l) (0x0c | (l))
#define ARM_FSC_EXTABORT      0x10
#define ARM_FSC_ALIGNMENT     0x21
#define ARM_FSC_DEBUG         0x22

/* PSTATE bits other than NZCV. */
#define PSTATE_SP   (1u << 0)
#define PSTATE_EL_SHIFT 2
#define PSTATE_F    (1u << 6)
#define PSTATE_I    (1u << 7)
#define PSTATE_A    (1u << 8)
#define PSTATE_D    (1u << 9)
#define PSTATE_DAIF (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F)
#define PSTATE_N    (1u << 31)
#define PSTATE_Z    (1u << 30)
#define PSTATE_C    (1u << 29)
#define PSTATE_V    (1u << 28)
#define PSTATE_NZCV (PSTATE_N | PSTATE_Z | PSTATE_C | PSTATE_V)

#define ARM_XREG_SP   31
#define ARM_XREG_ZR   32  /* reads as zero */
#define ARM_XREG_SINK 33  /* writes vanish */

/* One 128-bit SIMD&FP register: d[0] holds bits 63:0 (host order). */
typedef struct ARMVectorReg {
    uint64_t d[2];
} ARMVectorReg;

/* Generic timer indexes (QEMU's numbering, also of the CPU's
 * "gt-timer-outputs" GPIO lines). */
#define GTIMER_PHYS 0
#define GTIMER_VIRT 1
#define GTIMER_HYP  2
#define GTIMER_SEC  3
#define NUM_GTIMERS 4

typedef struct ARMGenericTimer {
    uint64_t cval;            /* CNTx_CVAL */
    uint64_t ctl;             /* CNTx_CTL: ENABLE, IMASK (ISTATUS computed) */
} ARMGenericTimer;

/* Debug comparators: the A57 has 6 breakpoints and 4 watchpoints; the
 * arrays have the architectural maximum of 16. */
#define ARM_MAX_BRPS 16
#define ARM_MAX_WRPS 16

typedef struct CPUARMState {
    uint64_t xregs[34];
    uint64_t pc;
    uint64_t NF, ZF, CF, VF;  /* see the header comment */
    uint32_t pstate;          /* DAIF, EL, SP; NZCV lives in the above */
    int el;                   /* cached PSTATE.EL */
    int mmu_idx;              /* TLB table for data accesses (= el) */
    uint64_t sp_el[4];        /* banked stack pointers (not the live one) */
    uint64_t elr_el[4];       /* slots for exception entry/return (later) */
    uint64_t spsr_el[4];
    uint64_t tpidr_el[4];     /* TPIDR_EL0, TPIDR_EL1, ... */
    uint64_t tpidrro_el0;
    /* The exclusive monitor: address marked by LDXR (-1: none) and the
     * value(s) read, compared again by STXR as QEMU does. */
    uint64_t exclusive_addr;
    uint64_t exclusive_val;
    uint64_t exclusive_high;
    struct {
        uint32_t syndrome;    /* ESR value of the pending exception */
        uint64_t vaddress;    /* FAR value for aborts */
        int target_el;
    } exception;

    /* Advanced SIMD and floating point (exec-fp*.c, exec-simd*.c). */
    ARMVectorReg vregs[32];
    uint32_t fpcr;            /* AHP, DN, FZ, RMode, ... */
    uint32_t fpsr;            /* QC and the cumulative exception flags */

    /* EL1 system registers (owners: mmu.c for the translation ones,
     * exception.c for VBAR/ESR/FAR, exec-sys.c for the rest). Reset
     * values come from the sysreg tables (sysreg.c). */
    uint64_t sctlr_el1;
    uint64_t cpacr_el1;
    uint64_t tcr_el1;
    uint64_t ttbr0_el1, ttbr1_el1;
    uint64_t mair_el1, amair_el1;
    uint64_t contextidr_el1;
    uint64_t par_el1;
    uint64_t vbar_el1;
    uint64_t esr_el1, far_el1;
    uint64_t afsr0_el1, afsr1_el1;
    uint64_t csselr_el1;      /* cache level selected for CCSIDR_EL1 */

    /* Generic timer (gt-timer.c). */
    ARMGenericTimer gt_timer[NUM_GTIMERS];
    uint64_t cntkctl_el1;
    uint64_t cntvoff_el2;     /* 0 without EL2 */

    /* Debug (debug.c). */
    uint64_t mdscr_el1;
    uint64_t oslsr_el1;       /* OS lock status */
    uint64_t osdlr_el1;
    uint64_t mdccint_el1;
    uint64_t dbgbvr[ARM_MAX_BRPS], dbgbcr[ARM_MAX_BRPS];
    uint64_t dbgwvr[ARM_MAX_WRPS], dbgwcr[ARM_MAX_WRPS];
} CPUARMState;

/* ID register values a model advertises (see cpu.c for each field). */
typedef struct ARMISARegisters {
    uint64_t id_aa64pfr0, id_aa64pfr1;
    uint64_t id_aa64dfr0, id_aa64dfr1;
    uint64_t id_aa64afr0, id_aa64afr1;
    uint64_t id_aa64isar0, id_aa64isar1;
    uint64_t id_aa64mmfr0, id_aa64mmfr1, id_aa64mmfr2;
} ARMISARegisters;

struct ARMCPU {
    CPUState parent_obj;
    CPUARMState env;
    uint64_t midr;
    uint64_t revidr;
    uint64_t mp_affinity;     /* MPIDR_EL1 Aff fields */
    uint64_t ctr;
    uint64_t dczid;
    uint64_t clidr;           /* CLIDR_EL1 */
    uint64_t ccsidr[4];       /* CCSIDR_EL1 by CSSELR (Level << 1 | InD) */
    uint64_t cntfrq;          /* CNTFRQ_EL0, Hz */
    uint64_t rvbar;           /* reset PC (property "rvbar") */
    ARMISARegisters isar;

    /* Generic timer: one QEMUTimer per timer, and the outputs the board
     * wires to the interrupt controller's PPIs ("gt-timer-outputs"). */
    struct QEMUTimer *gt_timer[NUM_GTIMERS];
    qemu_irq gt_timer_outputs[NUM_GTIMERS];
    /* GICv3 CPU interface state, owned by hw/intc (its ICC_* registers
     * find it here); NULL with GICv2 or no GIC. */
    void *gicv3_cpuif;
    /* PSCI: false while the CPU is off (CPU_OFF, or a secondary before
     * CPU_ON; property "start-powered-off"). */
    bool power_on;
    bool start_powered_off;
};

struct ARMCPUClass {
    CPUClass parent_class;
    bool (*parent_realize)(DeviceState *dev, Error **errp);
};

static inline CPUARMState *cpu_env(CPUState *cs)
{
    /* Unchecked: on the hot path, cs is always an ARMCPU here. */
    return &((ARMCPU *)cs)->env;
}

static inline ARMCPU *env_archcpu(CPUARMState *env)
{
    return container_of(env, ARMCPU, env);
}

/* NZCV from the flag fields, and back. */
static inline uint32_t arm_nzcv_read(const CPUARMState *env)
{
    return (uint32_t)(env->NF >> 63) << 31 | (uint32_t)(env->ZF == 0) << 30 |
           (uint32_t)env->CF << 29 | (uint32_t)(env->VF >> 63) << 28;
}

static inline void arm_nzcv_write(CPUARMState *env, uint32_t nzcv)
{
    env->NF = (nzcv & PSTATE_N) ? ~0ULL : 0;
    env->ZF = (nzcv & PSTATE_Z) ? 0 : 1;
    env->CF = (nzcv & PSTATE_C) ? 1 : 0;
    env->VF = (nzcv & PSTATE_V) ? ~0ULL : 0;
}

static inline uint32_t pstate_read(const CPUARMState *env)
{
    return env->pstate | arm_nzcv_read(env);
}

/* Switch EL / SP selection, banking the stack pointer. */
void arm_pstate_write(CPUARMState *env, uint32_t pstate);

/*
 * CPU input lines (GPIO in, for the interrupt controller):
 * ARM_CPU_IRQ, ARM_CPU_FIQ, ARM_CPU_VIRQ, ARM_CPU_VFIQ; level-sensitive.
 */
#define ARM_CPU_IRQ  0
#define ARM_CPU_FIQ  1
#define ARM_CPU_VIRQ 2
#define ARM_CPU_VFIQ 3

/* Take the exception recorded in cs->exception_index / env->exception
 * (exception.c): vectors through VBAR_ELx of the target EL. */
void arm_cpu_do_interrupt(CPUState *cs);

/* tcg_ops entry (decode-a64.c). */
void a64_translate(CPUState *cs, TranslationBlock *tb, const uint8_t *code,
                   unsigned max_insns);

#endif
