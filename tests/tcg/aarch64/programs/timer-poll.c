/*
 * timer-poll: the counters run and the timers fire, seen by polling (no
 * interrupt controller yet, so IMASK stays set): CNTVCT and CNTPCT
 * increase and agree (CNTVOFF is 0 without EL2); each timer, armed a
 * little ahead with TVAL, shows ISTATUS 0 then 1 once the count passes
 * CVAL, with TVAL turned negative. Only orderings are printed.
 */
#include "lib.h"

#define AHEAD 625000UL         /* 10 ms at 62.5 MHz */

static uint64_t pct(void)
{
    ISB();
    return READ_SYSREG(cntpct_el0);
}

static uint64_t vct(void)
{
    ISB();
    return READ_SYSREG(cntvct_el0);
}

static const char *yn(int b)
{
    return b ? "yes" : "NO";
}

static void check_counters(void)
{
    uint64_t a = vct(), b, p0, v, p1;
    unsigned long spins = 0;

    do {
        b = vct();
        spins++;
    } while (b == a && spins < 100000000UL);
    kprintf("cntvct increases: %s\n", yn(b > a));
    p0 = pct();
    v = vct();
    p1 = pct();
    kprintf("cntpct <= cntvct <= later cntpct: %s\n", yn(p0 <= v && v <= p1));
}

/* Poll a timer armed AHEAD ticks in the future until ISTATUS. */
#define POLL_TIMER(name, ctl, tval, cval, now)                              \
    do {                                                                    \
        uint64_t c0, cv, c1, st;                                            \
        WRITE_SYSREG(ctl, 3);                      /* ENABLE | IMASK */     \
        c0 = now();                                                         \
        WRITE_SYSREG(tval, AHEAD);                                          \
        ISB();                                                              \
        cv = READ_SYSREG(cval);                                             \
        st = READ_SYSREG(ctl);                                              \
        kprintf("[%s] cval - count before arming >= %lu: %s\n", name,      \
                AHEAD, yn(cv - c0 >= AHEAD));                               \
        kprintf("[%s] armed: ctl %lx\n", name, st);                        \
        while (!(READ_SYSREG(ctl) & 4)) {                                   \
        }                                                                   \
        c1 = now();                                                         \
        kprintf("[%s] fired: ctl %lx\n", name, READ_SYSREG(ctl));          \
        kprintf("[%s] count >= cval: %s\n", name, yn(c1 >= cv));           \
        kprintf("[%s] tval negative: %s\n", name,                           \
                yn((int32_t)READ_SYSREG(tval) <= 0));                       \
        WRITE_SYSREG(ctl, 2);                                               \
        kprintf("[%s] disabled: ctl %lx\n", name, READ_SYSREG(ctl));       \
    } while (0)

int main(void)
{
    check_counters();
    POLL_TIMER("v", cntv_ctl_el0, cntv_tval_el0, cntv_cval_el0, vct);
    POLL_TIMER("p", cntp_ctl_el0, cntp_tval_el0, cntp_cval_el0, pct);
    kprintf("done\n");
    return 0;
}
