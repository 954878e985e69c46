/*
 * STUB, to be replaced by its owner this session: the generic timer.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

void arm_gt_timer_realize(ARMCPU *cpu)
{
}

void arm_gt_timer_reset(ARMCPU *cpu)
{
}

static const ARMSysReg arm_sysregs_timer[] = {
    /* Read-only, as before the timer existed (keeps test-tcg-arm's
     * recorded programs running until the owner replaces this file). */
    { "CNTFRQ_EL0", 3, 3, 14, 0, 0, EL0_R | EL1_R, CPUF(cntfrq) },
};

void arm_sysregs_register_timer(void)
{
    arm_sysregs_register(arm_sysregs_timer, ARRAY_SIZE(arm_sysregs_timer));
}
