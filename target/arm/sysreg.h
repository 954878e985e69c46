/*
 * AArch64 system registers: one descriptor per register (MRS/MSR
 * encoding, static EL0/EL1 permissions, storage or accessors, reset
 * value), kept in a registry that each owner fills with its own table
 * (exec-sys.c the core ones, mmu.c the translation ones, gt-timer.c the
 * timer, debug.c the debug ones, exec-fp.c FPCR/FPSR, exception.c
 * VBAR/ESR/FAR, hw/intc the GICv3 ICC_* ones). The decoder looks a
 * register up once per translation; the op keeps the descriptor.
 *
 * A register without a read hook is a uint64_t at 'offset' in ARMCPU
 * (ENVF/CPUF below); one without a write hook but with a read hook is
 * read-only. Fields inside CPUARMState are set to 'resetvalue' at CPU
 * reset (env is zeroed first, so only non-zero values matter).
 */
#ifndef TARGET_ARM_SYSREG_H
#define TARGET_ARM_SYSREG_H

#include "cpu.h"

/* Static permissions: what the decoder checks from the EL alone. */
#define EL0_R 0x1
#define EL0_W 0x2
#define EL1_R 0x4
#define EL1_W 0x8
#define EL0_RW (EL0_R | EL0_W)
#define EL1_RW (EL1_R | EL1_W)
#define ALL_RW (EL0_RW | EL1_RW)

/* Run-time check result (accessfn), for what depends on state. */
typedef enum ARMAccessResult {
    ARM_ACCESS_OK,
    ARM_ACCESS_UNDEF,           /* EC 0x00 */
    ARM_ACCESS_TRAP_SYSREG,     /* EC 0x18 to EL1, ISS names the register */
    ARM_ACCESS_TRAP_FP,         /* EC 0x07 (CPACR_EL1.FPEN) */
} ARMAccessResult;

typedef struct ARMSysReg ARMSysReg;
struct ARMSysReg {
    const char *name;
    uint8_t op0, op1, crn, crm, op2;
    uint8_t access;             /* EL0_R | ... */
    uint64_t (*read)(CPUARMState *env, const ARMSysReg *ri);
    void (*write)(CPUARMState *env, const ARMSysReg *ri, uint64_t v);
    /* NULL: always allowed once 'access' passed. Called at run time. */
    ARMAccessResult (*accessfn)(CPUARMState *env, const ARMSysReg *ri,
                                bool isread);
    size_t offset;              /* storage in ARMCPU (ENVF / CPUF) */
    uint64_t resetvalue;
    bool end_tb;                /* a write changes block state (flags) */
    bool needs_bql;             /* hooks touch devices or timers */
};

#define CPUF(f) .offset = offsetof(ARMCPU, f)
#define ENVF(f) .offset = offsetof(ARMCPU, env) + offsetof(CPUARMState, f)

/* The storage of a field-backed register. */
static inline uint64_t *arm_sysreg_field(CPUARMState *env,
                                         const ARMSysReg *ri)
{
    return (uint64_t *)((char *)env_archcpu(env) + ri->offset);
}

/* Add a table (any thread before the vCPUs run; duplicates are a
 * programming error). The table must outlive the program. */
void arm_sysregs_register(const ARMSysReg *regs, size_t n);
/* The descriptor for an encoding, or NULL (the ID space reads as zero). */
const ARMSysReg *arm_sysreg_find(unsigned op0, unsigned op1, unsigned crn,
                                 unsigned crm, unsigned op2);
/* Registers the target's own tables once (called by the CPU class). */
void arm_sysregs_init(void);
/* Reset every registered env-backed register of cpu to its resetvalue. */
void arm_sysregs_reset(ARMCPU *cpu);
/* Value through the hooks or the field (monitor, gdb, tests). */
uint64_t arm_sysreg_read(CPUARMState *env, const ARMSysReg *ri);
void arm_sysreg_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v);

/* Each owner's table, registered by arm_sysregs_init. */
void arm_sysregs_register_core(void);       /* exec-sys.c */
void arm_sysregs_register_exception(void);  /* exception.c */
void arm_sysregs_register_mmu(void);        /* mmu.c */
void arm_sysregs_register_timer(void);      /* gt-timer.c */
void arm_sysregs_register_debug(void);      /* debug.c */
void arm_sysregs_register_fp(void);         /* exec-fp.c */

#endif
