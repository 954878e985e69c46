/*
 * timer-regs: the generic timer's registers from EL1, values that do not
 * depend on timing: CNTFRQ_EL0 (writable at EL1 without EL3), CNTKCTL_EL1,
 * CTL (ENABLE/IMASK kept, ISTATUS computed and read-only, disabled reads
 * ISTATUS 0), CVAL (64 bits), TVAL (CVAL - count, signed 32 bits written,
 * zero-extended when read). Distances that include elapsed time are
 * printed as "within" checks with a wide margin.
 */
#include "lib.h"

#define SLACK 0x1000000     /* ticks: 0.27 s at 62.5 MHz */

#define TIMER_REGS(p)                                                     \
static uint64_t p##_ctl(void) { return READ_SYSREG(cnt##p##_ctl_el0); }   \
static void p##_set_ctl(uint64_t v) { WRITE_SYSREG(cnt##p##_ctl_el0, v); }\
static uint64_t p##_cval(void) { return READ_SYSREG(cnt##p##_cval_el0); } \
static void p##_set_cval(uint64_t v) { WRITE_SYSREG(cnt##p##_cval_el0, v); }\
static uint64_t p##_tval(void) { return READ_SYSREG(cnt##p##_tval_el0); } \
static void p##_set_tval(uint64_t v) { WRITE_SYSREG(cnt##p##_tval_el0, v); }

TIMER_REGS(p)
TIMER_REGS(v)

static uint64_t count(void)
{
    ISB();
    return READ_SYSREG(cntvct_el0);
}

static const char *within(int64_t got, int64_t lo, int64_t hi)
{
    return got >= lo && got <= hi ? "yes" : "NO";
}

struct timer_ops {
    const char *name;
    uint64_t (*ctl)(void);
    void (*set_ctl)(uint64_t);
    uint64_t (*cval)(void);
    void (*set_cval)(uint64_t);
    uint64_t (*tval)(void);
    void (*set_tval)(uint64_t);
};

static const struct timer_ops timers[] = {
    { "p", p_ctl, p_set_ctl, p_cval, p_set_cval, p_tval, p_set_tval },
    { "v", v_ctl, v_set_ctl, v_cval, v_set_cval, v_tval, v_set_tval },
};

static void test_timer(const struct timer_ops *t)
{
    uint64_t c, cv;

    kprintf("[%s] ctl at reset %lx\n", t->name, t->ctl());
    t->set_cval(0x123456789abcdef0UL);
    kprintf("[%s] cval %016lx\n", t->name, t->cval());
    /* Disabled: ISTATUS reads 0 even with CVAL in the past. */
    t->set_cval(0);
    kprintf("[%s] disabled, cval 0: ctl %lx\n", t->name, t->ctl());
    t->set_ctl(~0UL);
    kprintf("[%s] ctl ~0 written, cval 0: ctl %lx\n", t->name, t->ctl());
    t->set_ctl(4);
    kprintf("[%s] ctl 4 written: ctl %lx\n", t->name, t->ctl());
    t->set_ctl(1);
    kprintf("[%s] enabled, cval 0: ctl %lx\n", t->name, t->ctl());
    t->set_cval(~0UL);
    kprintf("[%s] enabled, cval ~0: ctl %lx\n", t->name, t->ctl());
    t->set_ctl(3);
    kprintf("[%s] enabled+imask, cval ~0: ctl %lx\n", t->name, t->ctl());
    t->set_cval(1);
    kprintf("[%s] enabled+imask, cval 1: ctl %lx\n", t->name, t->ctl());

    /* TVAL written: CVAL = count + sign-extended low 32 bits. */
    t->set_tval(0x7fffffff);
    cv = t->cval();
    c = count();
    kprintf("[%s] tval 0x7fffffff: cval - count within range: %s\n", t->name,
            within(cv - c, 0x7fffffff - SLACK, 0x7fffffff));
    kprintf("[%s] not yet: ctl %lx\n", t->name, t->ctl());
    t->set_tval(0xabcdef0080000000UL);
    cv = t->cval();
    c = count();
    kprintf("[%s] tval 0x80000000: cval - count within range: %s\n",
            t->name, within(cv - c, -0x80000000L - SLACK, -0x80000000L));
    /* Soon after boot the count is below 2^31: CVAL wrapped to near
     * 2^64, so the unsigned comparison says not yet. */
    kprintf("[%s] cval wrapped below 0: ctl %lx\n", t->name, t->ctl());

    /* TVAL read: low 32 bits of CVAL - count, zero-extended. */
    c = count();
    t->set_cval(c + 0x100000000UL + 0x1000);
    kprintf("[%s] tval read upper bits %lx, low within range: %s\n", t->name,
            t->tval() >> 32,
            within((int32_t)t->tval(), 0x1000 - SLACK, 0x1000));
    t->set_cval(c - 0x10);
    kprintf("[%s] cval in the past: tval upper bits %lx, negative %s\n",
            t->name, t->tval() >> 32, (int32_t)t->tval() <= -0x10 ?
            "yes" : "NO");
    t->set_ctl(0);
    kprintf("[%s] disabled: ctl %lx\n", t->name, t->ctl());
}

int main(void)
{
    uint64_t frq = READ_SYSREG(cntfrq_el0);

    kprintf("cntfrq %lu\n", frq);
    WRITE_SYSREG(cntfrq_el0, 1000000);
    kprintf("cntfrq after writing 1000000 at EL1: %lu\n",
            READ_SYSREG(cntfrq_el0));
    WRITE_SYSREG(cntfrq_el0, frq);
    kprintf("cntkctl at reset %lx\n", READ_SYSREG(cntkctl_el1));
    WRITE_SYSREG(cntkctl_el1, ~0UL);
    kprintf("cntkctl after writing ~0: %lx\n", READ_SYSREG(cntkctl_el1));
    WRITE_SYSREG(cntkctl_el1, 0);
    for (unsigned i = 0; i < 2; i++) {
        test_timer(&timers[i]);
    }
    kprintf("done\n");
    return 0;
}
