/*
 * The AArch64 generic timer (target/arm/gt-timer.c): counters, CNTFRQ,
 * CTL/CVAL/TVAL of the physical and virtual timers, the output lines
 * ("gt-timer-outputs") and their re-arming on the virtual clock,
 * CNTKCTL_EL1's EL0 controls and reset.
 *
 * Most checks freeze the virtual clock (qemu_clock_enable false) so the
 * count is exact; the expiry test lets it run and waits for the line in
 * main_loop_wait, with no bound on how long that takes.
 *
 * Expected values follow QEMU 7.2 (checked with a bare-metal program on
 * qemu-system-aarch64 -M virt -cpu cortex-a57, see
 * tests/tcg/aarch64/programs/timer-regs.c): 62.5 MHz (16 ns a tick),
 * EL1 may write CNTFRQ_EL0, CNTKCTL_EL1 keeps every bit, TVAL reads as
 * the zero-extended low 32 bits of CVAL - count, EL0 refusals are system
 * register traps (EC 0x18).
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "hw/irq.h"
#include "hw/qdev.h"
#include "exec/memory.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/sysreg.h"

#define CTL_ENABLE  1
#define CTL_IMASK   2
#define CTL_ISTATUS 4

static ARMCPU *cpu;
static int line_level[NUM_GTIMERS];
static int line_changes[NUM_GTIMERS];

static void line_set(void *opaque, int n, int level)
{
    line_level[n] = level;
    line_changes[n]++;
}

static const ARMSysReg *reg(unsigned op1, unsigned crm, unsigned op2)
{
    const ARMSysReg *ri = arm_sysreg_find(3, op1, 14, crm, op2);

    g_assert_nonnull(ri);
    return ri;
}

#define R_CNTFRQ   reg(3, 0, 0)
#define R_CNTPCT   reg(3, 0, 1)
#define R_CNTVCT   reg(3, 0, 2)
#define R_CNTKCTL  reg(0, 1, 0)
/* Timer t (GTIMER_PHYS / GTIMER_VIRT): CRm 2 / 3. */
#define R_TVAL(t)  reg(3, 2 + (t), 0)
#define R_CTL(t)   reg(3, 2 + (t), 1)
#define R_CVAL(t)  reg(3, 2 + (t), 2)

static uint64_t rd(const ARMSysReg *ri)
{
    return arm_sysreg_read(&cpu->env, ri);
}

static void wr(const ARMSysReg *ri, uint64_t v)
{
    arm_sysreg_write(&cpu->env, ri, v);
}

/* The count at the frozen virtual clock. */
static uint64_t frozen_count(void)
{
    g_assert_false(qemu_clock_is_enabled(QEMU_CLOCK_VIRTUAL));
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) / 16;
}

static void setup(void)
{
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    cpu_reset(CPU(cpu));
    memset(line_changes, 0, sizeof(line_changes));
}

static void test_counters(void)
{
    uint64_t c, a, b;

    setup();
    g_assert_cmpuint(rd(R_CNTFRQ), ==, 62500000);
    c = frozen_count();
    g_assert_cmpuint(rd(R_CNTPCT), ==, c);
    g_assert_cmpuint(rd(R_CNTVCT), ==, c);
    cpu->env.cntvoff_el2 = 100;
    g_assert_cmpuint(rd(R_CNTVCT), ==, c - 100);
    cpu->env.cntvoff_el2 = 0;

    /* Running: the counters only go up, and do go up. */
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    a = rd(R_CNTPCT);
    do {
        b = rd(R_CNTVCT);
        g_assert_cmpuint(b, >=, a);
    } while (b == a);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
}

/* EL1 may write CNTFRQ_EL0 (as QEMU); the rate stays; reset restores. */
static void test_cntfrq(void)
{
    uint64_t c;

    setup();
    c = frozen_count();
    wr(R_CNTFRQ, 1000000);
    g_assert_cmpuint(rd(R_CNTFRQ), ==, 1000000);
    g_assert_cmpuint(rd(R_CNTPCT), ==, c);
    cpu_reset(CPU(cpu));
    g_assert_cmpuint(rd(R_CNTFRQ), ==, 62500000);
    g_assert_cmpuint(R_CNTFRQ->access, ==, 0x1 | 0x4 | 0x8);
}

static void check_timer_cval(int t)
{
    uint64_t c = frozen_count();

    /* Disabled: ISTATUS reads 0 whatever CVAL says; the line is low. */
    wr(R_CVAL(t), 0);
    g_assert_cmpuint(rd(R_CTL(t)), ==, 0);
    g_assert_cmpint(line_level[t], ==, 0);

    /* Future CVAL: not firing, the QEMUTimer armed for the crossing. */
    wr(R_CVAL(t), c + 1000);
    wr(R_CTL(t), CTL_ENABLE);
    g_assert_cmpuint(rd(R_CTL(t)), ==, CTL_ENABLE);
    g_assert_cmpint(line_level[t], ==, 0);
    g_assert_true(timer_pending(cpu->gt_timer[t]));
    g_assert_cmpint(timer_expire_time_ns(cpu->gt_timer[t]), ==,
                    (int64_t)(c + 1000) * 16);
    g_assert_cmpuint(rd(R_TVAL(t)), ==, 1000);

    /* CVAL reached: ISTATUS and the line, nothing left to arm. */
    wr(R_CVAL(t), c);
    g_assert_cmpuint(rd(R_CTL(t)), ==, CTL_ENABLE | CTL_ISTATUS);
    g_assert_cmpint(line_level[t], ==, 1);
    g_assert_false(timer_pending(cpu->gt_timer[t]));

    /* IMASK keeps ISTATUS but lowers the line. */
    wr(R_CTL(t), CTL_ENABLE | CTL_IMASK);
    g_assert_cmpuint(rd(R_CTL(t)), ==, CTL_ENABLE | CTL_IMASK | CTL_ISTATUS);
    g_assert_cmpint(line_level[t], ==, 0);
    wr(R_CTL(t), CTL_ENABLE);
    g_assert_cmpint(line_level[t], ==, 1);

    /* ISTATUS is read-only, bits above IMASK are RES0. */
    wr(R_CTL(t), ~(uint64_t)0);
    g_assert_cmpuint(rd(R_CTL(t)), ==, 7);
    wr(R_CTL(t), CTL_ISTATUS | 0xff0);
    g_assert_cmpuint(rd(R_CTL(t)), ==, 0);
    g_assert_cmpint(line_level[t], ==, 0);
    g_assert_false(timer_pending(cpu->gt_timer[t]));

    /* The other timer was left alone. */
    g_assert_cmpint(line_changes[!t], ==, 0);
}

static void test_phys_cval(void)
{
    setup();
    check_timer_cval(GTIMER_PHYS);
}

static void test_virt_cval(void)
{
    setup();
    check_timer_cval(GTIMER_VIRT);
}

/* The virtual timer compares CVAL with CNTVCT = CNTPCT - CNTVOFF. */
static void test_virt_offset(void)
{
    uint64_t c;

    setup();
    c = frozen_count();
    cpu->env.cntvoff_el2 = 500;
    wr(R_CVAL(GTIMER_VIRT), c - 400);
    wr(R_CTL(GTIMER_VIRT), CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);
    /* Due when the physical count reaches CVAL + CNTVOFF. */
    g_assert_cmpint(timer_expire_time_ns(cpu->gt_timer[GTIMER_VIRT]), ==,
                    (int64_t)(c + 100) * 16);
    g_assert_cmpuint(rd(R_TVAL(GTIMER_VIRT)), ==, 100);
    wr(R_TVAL(GTIMER_VIRT), 0);
    g_assert_cmpuint(rd(R_CVAL(GTIMER_VIRT)), ==, c - 500);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 1);
    cpu->env.cntvoff_el2 = 0;
}

/* TVAL: a signed 32-bit distance written, zero-extended when read. */
static void test_tval(void)
{
    uint64_t c;

    setup();
    c = frozen_count();
    wr(R_TVAL(GTIMER_PHYS), (uint64_t)-5);
    g_assert_cmpuint(rd(R_CVAL(GTIMER_PHYS)), ==, c - 5);
    g_assert_cmpuint(rd(R_TVAL(GTIMER_PHYS)), ==, 0xfffffffb);
    /* Only the low 32 bits count, sign-extended. */
    wr(R_TVAL(GTIMER_PHYS), 0x1234567880000000ULL);
    g_assert_cmpuint(rd(R_CVAL(GTIMER_PHYS)), ==, c - 0x80000000ULL);
    wr(R_TVAL(GTIMER_PHYS), 0x7fffffff);
    g_assert_cmpuint(rd(R_CVAL(GTIMER_PHYS)), ==, c + 0x7fffffff);
    /* CVAL far away: TVAL keeps the low 32 bits of the difference. */
    wr(R_CVAL(GTIMER_PHYS), c + 0x100000005ULL);
    g_assert_cmpuint(rd(R_TVAL(GTIMER_PHYS)), ==, 5);
    /* With the timer enabled, a negative TVAL fires at once. */
    wr(R_CTL(GTIMER_PHYS), CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    wr(R_TVAL(GTIMER_PHYS), (uint64_t)-1);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
}

/* A CVAL beyond what the clock can express arms as far as it can. */
static void test_far_cval(void)
{
    setup();
    wr(R_CVAL(GTIMER_PHYS), ~(uint64_t)0);
    wr(R_CTL(GTIMER_PHYS), CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    g_assert_cmpint(timer_expire_time_ns(cpu->gt_timer[GTIMER_PHYS]), ==,
                    INT64_MAX / 2);
    /* The main loop can wait for it (its deadline must not overflow). */
    main_loop_wait(true);
}

/* The QEMUTimer raises the line when the running count crosses CVAL. */
static void test_expiry(void)
{
    setup();
    wr(R_TVAL(GTIMER_VIRT), 2000);              /* 32 us ahead */
    wr(R_CTL(GTIMER_VIRT), CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);
    g_assert_cmpuint(rd(R_CTL(GTIMER_VIRT)), ==, CTL_ENABLE);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    while (!line_level[GTIMER_VIRT]) {
        main_loop_wait(false);
    }
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    g_assert_cmpuint(rd(R_CTL(GTIMER_VIRT)), ==, CTL_ENABLE | CTL_ISTATUS);
    g_assert_cmpuint(rd(R_CNTVCT), >=, rd(R_CVAL(GTIMER_VIRT)));
    g_assert_false(timer_pending(cpu->gt_timer[GTIMER_VIRT]));
    g_assert_cmpint(line_changes[GTIMER_PHYS], ==, 0);
}

/* Reset: timers disabled, lines low, nothing armed. */
static void test_reset(void)
{
    setup();
    wr(R_TVAL(GTIMER_PHYS), 0);
    wr(R_CTL(GTIMER_PHYS), CTL_ENABLE);
    wr(R_TVAL(GTIMER_VIRT), 1000);
    wr(R_CTL(GTIMER_VIRT), CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
    g_assert_true(timer_pending(cpu->gt_timer[GTIMER_VIRT]));
    cpu_reset(CPU(cpu));
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    g_assert_cmpuint(rd(R_CTL(GTIMER_PHYS)), ==, 0);
    g_assert_false(timer_pending(cpu->gt_timer[GTIMER_VIRT]));
    g_assert_cmpuint(rd(R_CNTKCTL), ==, 0);
}

/* CNTKCTL_EL1 keeps every bit (QEMU 7.2) and gates EL0 access. */
static void test_el0_access(void)
{
    static const struct {
        const char *name;
        uint64_t enable;        /* CNTKCTL bits that allow EL0 access */
    } regs[] = {
        { "CNTFRQ_EL0", 0x3 },
        { "CNTPCT_EL0", 0x1 },
        { "CNTVCT_EL0", 0x2 },
        { "CNTP_TVAL_EL0", 0x200 },
        { "CNTP_CTL_EL0", 0x200 },
        { "CNTP_CVAL_EL0", 0x200 },
        { "CNTV_TVAL_EL0", 0x100 },
        { "CNTV_CTL_EL0", 0x100 },
        { "CNTV_CVAL_EL0", 0x100 },
    };
    CPUARMState *env = &cpu->env;

    setup();
    wr(R_CNTKCTL, ~(uint64_t)0);
    g_assert_cmphex(rd(R_CNTKCTL), ==, ~(uint64_t)0);
    for (size_t i = 0; i < ARRAY_SIZE(regs); i++) {
        const ARMSysReg *ri = NULL;

        for (unsigned crm = 0; crm < 4 && !ri; crm++) {
            for (unsigned op2 = 0; op2 < 3; op2++) {
                const ARMSysReg *r = arm_sysreg_find(3, 3, 14, crm, op2);
                if (r && !strcmp(r->name, regs[i].name)) {
                    ri = r;
                    break;
                }
            }
        }
        g_assert_nonnull(ri);
        g_assert_nonnull(ri->accessfn);
        g_assert_true(ri->access & 0x1);        /* EL0 may read */
        for (uint64_t bit = 1; bit < 0x10000; bit <<= 1) {
            bool allowed = bit & regs[i].enable;

            env->cntkctl_el1 = bit;
            env->el = 0;
            g_assert_cmpint(ri->accessfn(env, ri, true), ==,
                            allowed ? ARM_ACCESS_OK : ARM_ACCESS_TRAP_SYSREG);
            /* EL1 is never refused. */
            env->el = 1;
            g_assert_cmpint(ri->accessfn(env, ri, true), ==, ARM_ACCESS_OK);
        }
        /* Writable at EL0 exactly when the register is a timer's. */
        g_assert_cmpint(!!(ri->access & 0x2), ==, regs[i].enable >= 0x100);
    }
    env->cntkctl_el1 = 0;
    /* CNTKCTL_EL1 itself is EL1-only. */
    g_assert_cmpuint(R_CNTKCTL->access & 0x3, ==, 0);
}

int main(int argc, char **argv)
{
    Object *obj;

    g_test_init(&argc, &argv, NULL);
    qemu_init_main_loop();
    memory_map_init();

    obj = object_new(TYPE_ARM_CPU_CORTEX_A57);
    g_assert(qdev_realize(DEVICE(obj), NULL, NULL));
    cpu = ARM_CPU(obj);
    for (int n = 0; n < NUM_GTIMERS; n++) {
        qdev_connect_gpio_out_named(DEVICE(obj), "gt-timer-outputs", n,
                                    qemu_allocate_irq(line_set, NULL, n));
    }

    g_test_add_func("/arm-timer/counters", test_counters);
    g_test_add_func("/arm-timer/cntfrq", test_cntfrq);
    g_test_add_func("/arm-timer/phys-cval", test_phys_cval);
    g_test_add_func("/arm-timer/virt-cval", test_virt_cval);
    g_test_add_func("/arm-timer/virt-offset", test_virt_offset);
    g_test_add_func("/arm-timer/tval", test_tval);
    g_test_add_func("/arm-timer/far-cval", test_far_cval);
    g_test_add_func("/arm-timer/expiry", test_expiry);
    g_test_add_func("/arm-timer/reset", test_reset);
    g_test_add_func("/arm-timer/el0-access", test_el0_access);
    return g_test_run();
}
