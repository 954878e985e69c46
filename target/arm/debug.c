/*
 * The self-hosted debug registers (ARM ARM D2): DBGBVR/DBGBCR (6
 * breakpoints on the A57), DBGWVR/DBGWCR (4 watchpoints), MDSCR_EL1, the
 * OS lock (OSLAR/OSLSR/OSDLR) and MDCCINT, as Linux sets them up at boot
 * (hw_breakpoint reset, __cpu_setup's OS lock release). The claim tags
 * and DBGAUTHSTATUS are UNDEFINED, as on Debian's QEMU 7.2.
 *
 * The registers hold their values; the debug exceptions they enable
 * (breakpoint, watchpoint, software step) are not raised yet: see
 * docs/devel/tcg-lite.md, "Debug".
 */
#include "qemu/osdep.h"
#include "sysreg.h"
#include "internals.h"

/* The A57's comparators (ID_AA64DFR0: BRPs 5 = 6, WRPs 3 = 4). */
#define A57_BRPS 6
#define A57_WRPS 4

/* OSLSR_EL1: OSLM = 0b10 (lock implemented), OSLK = 1 at reset. */
#define OSLSR_OSLM  (1u << 3)
#define OSLSR_OSLK  (1u << 1)

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

#define BP(n)                                                           \
    { "DBGBVR" #n "_EL1", 2, 0, 0, n, 4, EL1_RW, ENVF(dbgbvr[n]) },      \
    { "DBGBCR" #n "_EL1", 2, 0, 0, n, 5, EL1_RW, ENVF(dbgbcr[n]) }
#define WP(n)                                                           \
    { "DBGWVR" #n "_EL1", 2, 0, 0, n, 6, EL1_RW, ENVF(dbgwvr[n]) },      \
    { "DBGWCR" #n "_EL1", 2, 0, 0, n, 7, EL1_RW, ENVF(dbgwcr[n]) }

static const ARMSysReg arm_sysregs_debug[] = {
    { "MDSCR_EL1", 2, 0, 0, 2, 2, EL1_RW, read_mdscr, write_mdscr,
      ENVF(mdscr_el1) },
    { "MDCCINT_EL1", 2, 0, 0, 2, 0, EL1_RW, ENVF(mdccint_el1) },
    { "MDCCSR_EL0", 2, 3, 0, 1, 0, EL1_R, read_zero },
    { "OSLAR_EL1", 2, 0, 1, 0, 4, EL1_RW, read_undef_never, write_oslar,
      access_write_only },
    { "OSLSR_EL1", 2, 0, 1, 1, 4, EL1_R, read_oslsr, NULL, NULL,
      ENVF(oslsr_el1), OSLSR_OSLM | OSLSR_OSLK },
    { "OSDLR_EL1", 2, 0, 1, 3, 4, EL1_RW, ENVF(osdlr_el1) },
    { "DBGPRCR_EL1", 2, 0, 1, 4, 4, EL1_RW, read_zero, write_ignore },
    BP(0), BP(1), BP(2), BP(3), BP(4), BP(5),
    WP(0), WP(1), WP(2), WP(3),
};

void arm_sysregs_register_debug(void)
{
    G_STATIC_ASSERT(A57_BRPS <= ARM_MAX_BRPS && A57_WRPS <= ARM_MAX_WRPS);
    arm_sysregs_register(arm_sysregs_debug, ARRAY_SIZE(arm_sysregs_debug));
}
