/*
 * timer-el0: CNTKCTL_EL1 decides what EL0 may read and program. For a
 * few settings, EL0 reads each counter/timer register and writes the
 * timer ones (and CNTFRQ_EL0, which EL0 may never write); each refused
 * access is reported with its ESR (EC 0x18 system register trap, or EC 0
 * for the write EL0 never has).
 */
#include "lib.h"

static uint64_t el0_stack[512] __attribute__((aligned(16)));
static volatile unsigned traps;

static void handler(struct exc_regs *r, unsigned vector)
{
    kprintf("  trap vector=0x%x esr=0x%lx\n", vector, r->esr);
    traps++;
    r->elr += 4;
}

/* x0 is the transfer register: it is part of the ISS. */
#define EL0_ACCESS(insn) \
    __asm__ volatile("mov x0, xzr\n" insn : : : "x0", "memory")

static void el0_accesses(void)
{
    EL0_ACCESS("mrs x0, cntfrq_el0");
    EL0_ACCESS("mrs x0, cntpct_el0");
    EL0_ACCESS("mrs x0, cntvct_el0");
    EL0_ACCESS("mrs x0, cntp_ctl_el0");
    EL0_ACCESS("mrs x0, cntp_cval_el0");
    EL0_ACCESS("mrs x0, cntp_tval_el0");
    EL0_ACCESS("mrs x0, cntv_ctl_el0");
    EL0_ACCESS("mrs x0, cntv_cval_el0");
    EL0_ACCESS("mrs x0, cntv_tval_el0");
    /* Timers stay disabled: CTL is written 0, CVAL/TVAL any value. */
    EL0_ACCESS("msr cntp_ctl_el0, x0");
    EL0_ACCESS("msr cntp_cval_el0, x0");
    EL0_ACCESS("msr cntv_ctl_el0, x0");
    EL0_ACCESS("msr cntv_tval_el0, x0");
    EL0_ACCESS("msr cntfrq_el0, x0");
    __asm__ volatile("svc #0xff");
}

int main(void)
{
    static const uint64_t settings[] = {
        0, 0x1, 0x2, 0x100, 0x200, 0x303, 0xfc,
    };

    set_exc_handler(handler);
    for (unsigned i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
        WRITE_SYSREG(cntkctl_el1, settings[i]);
        ISB();
        kprintf("cntkctl_el1 = 0x%lx\n", settings[i]);
        traps = 0;
        run_at_el0(el0_accesses, el0_stack + 512);
        kprintf("  %u traps\n", traps);
    }
    kprintf("cntp_ctl %lx cntv_ctl %lx\n", READ_SYSREG(cntp_ctl_el0),
            READ_SYSREG(cntv_ctl_el0));
    kprintf("done\n");
    return 0;
}
