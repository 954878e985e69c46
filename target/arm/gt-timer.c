/*
 * The generic timer of an AArch64 CPU without EL2/EL3: the physical and
 * virtual counters, the EL1 physical and virtual timers, CNTKCTL_EL1's
 * EL0 access controls, and one output line per timer ("gt-timer-outputs",
 * GTIMER_PHYS / GTIMER_VIRT) that the board wires to the GIC's PPIs.
 *
 * As QEMU: the count is the virtual clock in units of a whole number of
 * nanoseconds (1e9 / the "cntfrq" property, 16 ns at the default 62.5 MHz),
 * fixed at realize. CNTFRQ_EL0 is only the value firmware tells software:
 * EL1 may write it (there is no EL3 to own it) without changing the rate,
 * and reset restores the property's value.
 *
 * A timer's condition is ISTATUS = (count - offset >= CVAL) while ENABLE
 * is set; the line is ISTATUS && !IMASK. ISTATUS is computed when read; a
 * QEMUTimer on the virtual clock re-evaluates the line when the count
 * crosses CVAL, and every CTL/CVAL/TVAL write re-evaluates it at once.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

#define GT_CTL_ENABLE   (1u << 0)
#define GT_CTL_IMASK    (1u << 1)
#define GT_CTL_ISTATUS  (1u << 2)

/* CNTKCTL_EL1: what EL0 may use. */
#define CNTKCTL_EL0PCTEN (1u << 0)
#define CNTKCTL_EL0VCTEN (1u << 1)
#define CNTKCTL_EL0VTEN  (1u << 8)
#define CNTKCTL_EL0PTEN  (1u << 9)

#define GT_NS_PER_SECOND 1000000000ULL
/* The latest expiry armed: ~146 years of virtual time. */
#define GT_FAR_NS (INT64_MAX / 2)

/*
 * Per timer: the QEMUTimer the CPU points at (cpu->gt_timer[idx]) comes
 * first, so the CPU's pointer leads back here; the tick period is kept
 * with it because CNTFRQ_EL0 (cpu->cntfrq) is guest-writable.
 */
typedef struct GTTimer {
    QEMUTimer timer;
    ARMCPU *cpu;
    int idx;
    int64_t period_ns;
    uint64_t freq_hz;           /* the "cntfrq" property at realize */
} GTTimer;

static int64_t gt_period_from_hz(uint64_t hz)
{
    uint64_t p = hz ? GT_NS_PER_SECOND / hz : 1;

    return p ? p : 1;
}

static GTTimer *gt_timer_of(ARMCPU *cpu, int idx)
{
    return (GTTimer *)cpu->gt_timer[idx];
}

static int64_t gt_period_ns(ARMCPU *cpu)
{
    GTTimer *t = gt_timer_of(cpu, GTIMER_PHYS);

    /* Before realize (unit tests poking registers) use the property. */
    return t ? t->period_ns : gt_period_from_hz(cpu->cntfrq);
}

/* The physical count (CNTPCT_EL0). */
static uint64_t gt_count(ARMCPU *cpu)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) / gt_period_ns(cpu);
}

/* What a timer compares with its CVAL: CNTPCT, or CNTVCT for virtual. */
static uint64_t gt_offset(ARMCPU *cpu, int idx)
{
    return idx == GTIMER_VIRT ? cpu->env.cntvoff_el2 : 0;
}

static bool gt_istatus(ARMCPU *cpu, int idx)
{
    ARMGenericTimer *gt = &cpu->env.gt_timer[idx];

    if (!(gt->ctl & GT_CTL_ENABLE)) {
        return false;
    }
    return gt_count(cpu) - gt_offset(cpu, idx) >= gt->cval;
}

/*
 * Set the output line from the current state and arm the QEMUTimer for
 * the next change: the count reaching CVAL. Once ISTATUS is set it stays
 * set until software changes CTL/CVAL (a 64-bit count does not wrap in
 * practice), so nothing is armed then.
 */
static void gt_recalc(ARMCPU *cpu, int idx)
{
    ARMGenericTimer *gt = &cpu->env.gt_timer[idx];
    GTTimer *t = gt_timer_of(cpu, idx);
    bool istatus = gt_istatus(cpu, idx);

    qemu_set_irq(cpu->gt_timer_outputs[idx],
                 istatus && !(gt->ctl & GT_CTL_IMASK));
    if (!t) {
        return;
    }
    if ((gt->ctl & GT_CTL_ENABLE) && !istatus) {
        uint64_t tick = gt->cval + gt_offset(cpu, idx);

        /* Beyond what the clock can express: wait a very long time and
         * look again then. Not INT64_MAX as QEMU: the main loop's
         * deadline rounding would overflow on it. */
        if (tick > (uint64_t)GT_FAR_NS / t->period_ns) {
            timer_mod_ns(&t->timer, GT_FAR_NS);
        } else {
            timer_mod_ns(&t->timer, (int64_t)tick * t->period_ns);
        }
    } else {
        timer_del(&t->timer);
    }
}

static void gt_timer_expired(void *opaque)
{
    GTTimer *t = opaque;

    gt_recalc(t->cpu, t->idx);
}

/*
 * Every CPU's timers, so that they stay reachable: cpu.c has no hook to
 * free them when a CPU object is finalized (a CPU is never destroyed
 * while its timers are armed: reset disables them).
 */
static GSList *gt_all_timers;

void arm_gt_timer_realize(ARMCPU *cpu)
{
    int64_t period = gt_period_from_hz(cpu->cntfrq);
    GTTimer *timers = g_new0(GTTimer, 2);

    gt_all_timers = g_slist_prepend(gt_all_timers, timers);
    for (int idx = GTIMER_PHYS; idx <= GTIMER_VIRT; idx++) {
        GTTimer *t = &timers[idx];

        t->cpu = cpu;
        t->idx = idx;
        t->period_ns = period;
        t->freq_hz = cpu->cntfrq;
        timer_init_full(&t->timer, QEMU_CLOCK_VIRTUAL, SCALE_NS,
                        gt_timer_expired, t);
        cpu->gt_timer[idx] = &t->timer;
    }
}

void arm_gt_timer_reset(ARMCPU *cpu)
{
    GTTimer *t = gt_timer_of(cpu, GTIMER_PHYS);

    /* Undo a guest write to CNTFRQ_EL0: the property is the reset value. */
    if (t) {
        cpu->cntfrq = t->freq_hz;
    }
    for (int idx = GTIMER_PHYS; idx <= GTIMER_VIRT; idx++) {
        gt_recalc(cpu, idx);
    }
}

/* ---- register hooks ------------------------------------------------- */

/* CNTP_* are at CRm 2, CNTV_* at CRm 3. */
static int gt_idx_of(const ARMSysReg *ri)
{
    return ri->crm == 3 ? GTIMER_VIRT : GTIMER_PHYS;
}

static uint64_t gt_cntpct_read(CPUARMState *env, const ARMSysReg *ri)
{
    return gt_count(env_archcpu(env));
}

static uint64_t gt_cntvct_read(CPUARMState *env, const ARMSysReg *ri)
{
    return gt_count(env_archcpu(env)) - env->cntvoff_el2;
}

static uint64_t gt_ctl_read(CPUARMState *env, const ARMSysReg *ri)
{
    ARMCPU *cpu = env_archcpu(env);
    int idx = gt_idx_of(ri);
    uint64_t ctl = env->gt_timer[idx].ctl & (GT_CTL_ENABLE | GT_CTL_IMASK);

    return ctl | (gt_istatus(cpu, idx) ? GT_CTL_ISTATUS : 0);
}

static void gt_ctl_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    int idx = gt_idx_of(ri);

    /* ISTATUS is read-only; the rest is RES0. */
    env->gt_timer[idx].ctl = v & (GT_CTL_ENABLE | GT_CTL_IMASK);
    gt_recalc(env_archcpu(env), idx);
}

static uint64_t gt_cval_read(CPUARMState *env, const ARMSysReg *ri)
{
    return env->gt_timer[gt_idx_of(ri)].cval;
}

static void gt_cval_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    int idx = gt_idx_of(ri);

    env->gt_timer[idx].cval = v;
    gt_recalc(env_archcpu(env), idx);
}

/* TVAL is CVAL - count as a signed 32-bit view; it reads zero-extended. */
static uint64_t gt_tval_read(CPUARMState *env, const ARMSysReg *ri)
{
    ARMCPU *cpu = env_archcpu(env);
    int idx = gt_idx_of(ri);
    uint64_t count = gt_count(cpu) - gt_offset(cpu, idx);

    return (uint32_t)(env->gt_timer[idx].cval - count);
}

static void gt_tval_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    ARMCPU *cpu = env_archcpu(env);
    int idx = gt_idx_of(ri);
    uint64_t count = gt_count(cpu) - gt_offset(cpu, idx);

    env->gt_timer[idx].cval = count + (uint64_t)(int64_t)(int32_t)v;
    gt_recalc(cpu, idx);
}

/* ---- EL0 access (CNTKCTL_EL1); a refusal traps to EL1 as EC 0x18 ----- */

static ARMAccessResult gt_el0_check(CPUARMState *env, uint64_t enable_bits)
{
    if (env->el == 0 && !(env->cntkctl_el1 & enable_bits)) {
        return ARM_ACCESS_TRAP_SYSREG;
    }
    return ARM_ACCESS_OK;
}

static ARMAccessResult gt_cntfrq_access(CPUARMState *env,
                                        const ARMSysReg *ri, bool isread)
{
    return gt_el0_check(env, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN);
}

static ARMAccessResult gt_pct_access(CPUARMState *env, const ARMSysReg *ri,
                                     bool isread)
{
    return gt_el0_check(env, CNTKCTL_EL0PCTEN);
}

static ARMAccessResult gt_vct_access(CPUARMState *env, const ARMSysReg *ri,
                                     bool isread)
{
    return gt_el0_check(env, CNTKCTL_EL0VCTEN);
}

static ARMAccessResult gt_timer_access(CPUARMState *env, const ARMSysReg *ri,
                                       bool isread)
{
    return gt_el0_check(env, gt_idx_of(ri) == GTIMER_VIRT ?
                             CNTKCTL_EL0VTEN : CNTKCTL_EL0PTEN);
}

#define GT_TIMER_REGS(P, crm)                                              \
    { "CNT" P "_TVAL_EL0", 3, 3, 14, crm, 0, ALL_RW,                       \
      .read = gt_tval_read, .write = gt_tval_write,                        \
      .accessfn = gt_timer_access, .needs_bql = true },                    \
    { "CNT" P "_CTL_EL0", 3, 3, 14, crm, 1, ALL_RW,                        \
      .read = gt_ctl_read, .write = gt_ctl_write,                          \
      .accessfn = gt_timer_access, .needs_bql = true },                    \
    { "CNT" P "_CVAL_EL0", 3, 3, 14, crm, 2, ALL_RW,                       \
      .read = gt_cval_read, .write = gt_cval_write,                        \
      .accessfn = gt_timer_access, .needs_bql = true }

static const ARMSysReg arm_sysregs_timer[] = {
    /* Written by EL1 as on QEMU (no EL3 here); EL0 may only read it. */
    { "CNTFRQ_EL0", 3, 3, 14, 0, 0, EL0_R | EL1_RW,
      .accessfn = gt_cntfrq_access, CPUF(cntfrq) },
    /* The counters read the clock only: no BQL needed. */
    { "CNTPCT_EL0", 3, 3, 14, 0, 1, EL0_R | EL1_R,
      .read = gt_cntpct_read, .accessfn = gt_pct_access },
    { "CNTVCT_EL0", 3, 3, 14, 0, 2, EL0_R | EL1_R,
      .read = gt_cntvct_read, .accessfn = gt_vct_access },
    GT_TIMER_REGS("P", 2),
    GT_TIMER_REGS("V", 3),
    /* QEMU keeps every bit written. */
    { "CNTKCTL_EL1", 3, 0, 14, 1, 0, EL1_RW, ENVF(cntkctl_el1) },
};

void arm_sysregs_register_timer(void)
{
    arm_sysregs_register(arm_sysregs_timer, ARRAY_SIZE(arm_sysregs_timer));
}
