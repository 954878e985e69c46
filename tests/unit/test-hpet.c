/*
 * Unit tests for hw/timer/hpet.c: the HPET driven through guest physical
 * accesses, its 32 route lines recorded. Register offsets and bits from
 * the IA-PC HPET specification 1.0a, written out here. Waits for a timer
 * drive the main loop with a hang guard only.
 */
#include "qemu/osdep.h"
#include "hw/timer/hpet.h"
#include "hw/irq.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

#define BASE        0xfed00000
#define GCAP_ID     0x000
#define GEN_CONF    0x010
#define GINTR_STA   0x020
#define MAIN_CNT    0x0f0
#define TN_CONF(n)  (0x100 + 0x20 * (n))
#define TN_CMP(n)   (0x108 + 0x20 * (n))
#define TN_FSB(n)   (0x110 + 0x20 * (n))

#define ENABLE      1u
#define LEG_RT      2u
#define INT_LEVEL   (1u << 1)
#define INT_ENB     (1u << 2)
#define PERIODIC    (1u << 3)
#define VAL_SET     (1u << 6)
#define MODE32      (1u << 8)
#define ROUTE(n)    ((n) << 9)

/* GCAP_ID of QEMU's 3-timer HPET: rev 1, NUM_TIM_CAP 2, 64-bit counter,
 * legacy replacement capable, vendor 8086, 10 ns period. */
#define GCAP_EXPECTED 0x009896808086a201ull

#define WAIT_UNTIL(cond)                                                \
    do {                                                                \
        gint64 end_ = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;     \
        while (!(cond)) {                                               \
            g_assert_cmpint(g_get_monotonic_time(), <, end_);           \
            main_loop_wait(true);                                       \
            g_usleep(100);                                              \
        }                                                               \
    } while (0)

static DeviceState *hpet;
static int line_level[HPET_NUM_IRQ_ROUTES];
static int line_raises[HPET_NUM_IRQ_ROUTES];
static int pit_enabled = -1;

static void line_handler(void *opaque, int n, int level)
{
    if (level && !line_level[n]) {
        line_raises[n]++;
    }
    line_level[n] = level;
}

static void pit_handler(void *opaque, int n, int level)
{
    pit_enabled = level;
}

static uint32_t rd32(hwaddr off)
{
    uint32_t v = 0xdeadbeef;

    address_space_read(&address_space_memory, BASE + off, &v, 4);
    return GUINT32_FROM_LE(v);
}

static uint64_t rd64(hwaddr off)
{
    uint64_t v = 0xdeadbeefdeadbeefull;

    address_space_read(&address_space_memory, BASE + off, &v, 8);
    return GUINT64_FROM_LE(v);
}

static void wr32(hwaddr off, uint32_t val)
{
    uint32_t le = GUINT32_TO_LE(val);

    address_space_write(&address_space_memory, BASE + off, &le, 4);
}

static void wr64(hwaddr off, uint64_t val)
{
    uint64_t le = GUINT64_TO_LE(val);

    address_space_write(&address_space_memory, BASE + off, &le, 8);
}

static void reset(void)
{
    device_cold_reset(hpet);
    memset(line_raises, 0, sizeof(line_raises));
}

static void test_capabilities(void)
{
    reset();
    g_assert_cmphex(rd64(GCAP_ID), ==, GCAP_EXPECTED);
    g_assert_cmphex(rd32(GCAP_ID), ==, 0x8086a201);
    g_assert_cmphex(rd32(GCAP_ID + 4), ==, 10000000);
    /* Every timer: periodic and 64-bit capable, routes = intcap (IRQ 2). */
    for (int i = 0; i < 3; i++) {
        g_assert_cmphex(rd64(TN_CONF(i)), ==, 0x0000000400000030ull);
        g_assert_cmphex(rd64(TN_CMP(i)), ==, UINT64_MAX);
    }
    /* Read only. */
    wr64(GCAP_ID, 0);
    g_assert_cmphex(rd64(GCAP_ID), ==, GCAP_EXPECTED);
    g_assert_cmphex(rd64(GEN_CONF), ==, 0);
    g_assert_cmphex(rd64(GINTR_STA), ==, 0);
    g_assert_cmpint(pit_enabled, ==, 1);
}

static void test_counter_halted(void)
{
    reset();
    g_assert_cmphex(rd64(MAIN_CNT), ==, 0);
    wr64(MAIN_CNT, 0x123456789abcdef0ull);
    g_assert_cmphex(rd64(MAIN_CNT), ==, 0x123456789abcdef0ull);
    wr32(MAIN_CNT + 4, 0x11111111);
    g_assert_cmphex(rd64(MAIN_CNT), ==, 0x111111119abcdef0ull);
    wr32(MAIN_CNT, 5);
    g_assert_cmphex(rd32(MAIN_CNT), ==, 5);
    g_assert_cmphex(rd32(MAIN_CNT + 4), ==, 0x11111111);
    /* Halted: the virtual clock moving changes nothing. */
    g_usleep(2000);
    g_assert_cmphex(rd64(MAIN_CNT), ==, 0x1111111100000005ull);
}

static void test_counter_runs(void)
{
    uint64_t a, b, c;

    reset();
    wr64(MAIN_CNT, 1000);
    wr32(GEN_CONF, ENABLE);
    g_assert_cmphex(rd32(GEN_CONF), ==, ENABLE);
    a = rd64(MAIN_CNT);
    g_assert_cmpuint(a, >=, 1000);
    WAIT_UNTIL(rd64(MAIN_CNT) > a + 100);
    /* Writes while running are ignored. */
    wr64(MAIN_CNT, 0);
    g_assert_cmpuint(rd64(MAIN_CNT), >, a);
    /* Halting keeps the value reached. */
    wr32(GEN_CONF, 0);
    b = rd64(MAIN_CNT);
    g_assert_cmpuint(b, >, a);
    g_usleep(1000);
    g_assert_cmpuint(rd64(MAIN_CNT), ==, b);
    /* Running again continues from there. */
    wr32(GEN_CONF, ENABLE);
    c = rd64(MAIN_CNT);
    g_assert_cmpuint(c, >=, b);
    wr32(GEN_CONF, 0);
}

static void test_counter_follows_virtual_clock(void)
{
    uint64_t a;

    reset();
    wr32(GEN_CONF, ENABLE);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    a = rd64(MAIN_CNT);
    g_usleep(2000);
    g_assert_cmpuint(rd64(MAIN_CNT), ==, a);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    WAIT_UNTIL(rd64(MAIN_CNT) > a);
    wr32(GEN_CONF, 0);
}

static void test_comparator(void)
{
    reset();
    /* One-shot, 64-bit: both halves. */
    wr64(TN_CMP(2), 0x123456789ull);
    g_assert_cmphex(rd64(TN_CMP(2)), ==, 0x123456789ull);
    wr32(TN_CMP(2), 0xabcdef01);
    g_assert_cmphex(rd64(TN_CMP(2)), ==, 0x1abcdef01ull);
    wr32(TN_CMP(2) + 4, 7);
    g_assert_cmphex(rd32(TN_CMP(2) + 4), ==, 7);
    /* 32-bit mode truncates and drops high-half writes. */
    wr32(TN_CONF(2), MODE32);
    g_assert_cmphex(rd64(TN_CMP(2)), ==, 0xabcdef01ull);
    wr32(TN_CMP(2) + 4, 9);
    g_assert_cmphex(rd64(TN_CMP(2)), ==, 0xabcdef01ull);
    g_assert_cmphex(rd32(TN_CONF(2)), ==, MODE32 | 0x30);
    /* Periodic: a write sets the period only, unless VAL_SET. */
    wr32(TN_CONF(1), PERIODIC);
    wr32(TN_CMP(1), 500);
    g_assert_cmphex(rd64(TN_CMP(1)), ==, UINT64_MAX);
    wr32(TN_CONF(1), PERIODIC | VAL_SET);
    /* VAL_SET reads back as 0. */
    g_assert_cmphex(rd32(TN_CONF(1)), ==, PERIODIC | 0x30);
    wr64(TN_CMP(1), 800);
    g_assert_cmphex(rd64(TN_CMP(1)), ==, 800);
    /* Consumed by that write. */
    wr32(TN_CMP(1), 900);
    g_assert_cmphex(rd64(TN_CMP(1)), ==, 800);
}

static void test_config_bits(void)
{
    reset();
    /* Read-only capability bits and FSB_EN (no FSB_INT_DEL_CAP) stay. */
    wr32(TN_CONF(0), 0xffffffff);
    g_assert_cmphex(rd32(TN_CONF(0)), ==, 0x3f3e);
    wr32(TN_CONF(0) + 4, 0xffffffff);
    g_assert_cmphex(rd32(TN_CONF(0) + 4), ==, 4);
    wr32(TN_CONF(0), 0);
    g_assert_cmphex(rd32(TN_CONF(0)), ==, 0x30);
    wr32(GEN_CONF, 0xfffffffc);
    g_assert_cmphex(rd64(GEN_CONF), ==, 0);
    wr64(TN_FSB(0), 0x1122334455667788ull);
    g_assert_cmphex(rd64(TN_FSB(0)), ==, 0x1122334455667788ull);
}

static void test_one_shot_edge(void)
{
    reset();
    wr32(TN_CONF(0), INT_ENB | ROUTE(2));
    wr64(MAIN_CNT, 0);
    wr64(TN_CMP(0), 5000);          /* 50 us */
    wr32(GEN_CONF, ENABLE);
    WAIT_UNTIL(line_raises[2] == 1);
    g_assert_cmpint(line_level[2], ==, 0);      /* a pulse */
    g_assert_cmphex(rd64(GINTR_STA), ==, 0);    /* edge: no status */
    g_assert_cmpuint(rd64(MAIN_CNT), >=, 5000);
    /* One shot: nothing more, comparator unchanged. */
    for (int i = 0; i < 20; i++) {
        main_loop_wait(true);
        g_usleep(200);
    }
    g_assert_cmpint(line_raises[2], ==, 1);
    g_assert_cmphex(rd64(TN_CMP(0)), ==, 5000);
    wr32(GEN_CONF, 0);
}

static void test_level_and_status(void)
{
    uint64_t now;

    reset();
    wr32(GEN_CONF, ENABLE);
    now = rd64(MAIN_CNT);
    wr32(TN_CONF(1), INT_ENB | INT_LEVEL | ROUTE(2));
    wr64(TN_CMP(1), now + 1000);
    WAIT_UNTIL(line_level[2]);
    g_assert_cmphex(rd64(GINTR_STA), ==, 2);
    /* Writing 0 changes nothing; writing 1 clears and lowers. */
    wr32(GINTR_STA, 0);
    g_assert_cmpint(line_level[2], ==, 1);
    wr32(GINTR_STA, 2);
    g_assert_cmphex(rd64(GINTR_STA), ==, 0);
    g_assert_cmpint(line_level[2], ==, 0);
    wr32(GEN_CONF, 0);
}

static void test_periodic(void)
{
    uint64_t cmp;

    reset();
    wr32(TN_CONF(2), INT_ENB | PERIODIC | VAL_SET | ROUTE(2));
    wr64(TN_CMP(2), 2000);          /* first match */
    wr64(TN_CMP(2), 2000);          /* period: 20 us */
    wr32(GEN_CONF, ENABLE);
    WAIT_UNTIL(line_raises[2] >= 3);
    cmp = rd64(TN_CMP(2));
    /* The comparator moved on by whole periods, past the counter. */
    g_assert_cmpuint(cmp % 2000, ==, 0);
    g_assert_cmpuint(cmp, >=, 6000);
    wr32(GEN_CONF, 0);
}

static void test_legacy_replacement(void)
{
    reset();
    /* Outside legacy mode the PIT and RTC inputs pass through. */
    qemu_set_irq(qdev_get_gpio_in(hpet, HPET_LEGACY_RTC_INT), 1);
    g_assert_cmpint(line_level[8], ==, 1);
    qemu_set_irq(qdev_get_gpio_in(hpet, HPET_LEGACY_PIT_INT), 1);
    g_assert_cmpint(line_level[0], ==, 1);
    qemu_set_irq(qdev_get_gpio_in(hpet, HPET_LEGACY_PIT_INT), 0);
    /* Legacy: the PIT is stopped, RTC line released, timers 0/1 own
     * routes 0 and 8 whatever their INT_ROUTE says. */
    wr32(GEN_CONF, LEG_RT);
    g_assert_cmpint(pit_enabled, ==, 0);
    g_assert_cmpint(line_level[8], ==, 0);
    qemu_set_irq(qdev_get_gpio_in(hpet, HPET_LEGACY_RTC_INT), 0);
    qemu_set_irq(qdev_get_gpio_in(hpet, HPET_LEGACY_RTC_INT), 1);
    g_assert_cmpint(line_level[8], ==, 0);
    wr32(TN_CONF(0), INT_ENB | ROUTE(2));
    wr32(TN_CONF(1), INT_ENB | ROUTE(2));
    wr64(TN_CMP(0), 1000);
    wr64(TN_CMP(1), 2000);
    wr32(GEN_CONF, LEG_RT | ENABLE);
    WAIT_UNTIL(line_raises[0] >= 1 && line_raises[8] >= 1);
    g_assert_cmpint(line_raises[2], ==, 0);
    /* Leaving legacy mode restores the RTC's level and the PIT. */
    wr32(GEN_CONF, 0);
    g_assert_cmpint(pit_enabled, ==, 1);
    g_assert_cmpint(line_level[8], ==, 1);
    qemu_set_irq(qdev_get_gpio_in(hpet, HPET_LEGACY_RTC_INT), 0);
}

static void test_hostile(void)
{
    uint8_t b = 0x55;
    uint16_t w = 0x5555;

    reset();
    /* Routes outside INT_ROUTE_CAP drive nothing. */
    wr32(TN_CONF(0), INT_ENB | ROUTE(5));
    g_assert_cmphex(rd32(TN_CONF(0)), ==, INT_ENB | ROUTE(5) | 0x30);
    wr64(TN_CMP(0), 100);
    wr32(GEN_CONF, ENABLE);
    WAIT_UNTIL(rd64(MAIN_CNT) > 1000);
    for (int i = 0; i < 10; i++) {
        main_loop_wait(true);
    }
    for (int i = 0; i < HPET_NUM_IRQ_ROUTES; i++) {
        g_assert_cmpint(line_raises[i], ==, 0);
    }
    /* Periodic with a zero period or the smallest one: no hang. */
    wr32(TN_CONF(1), INT_ENB | PERIODIC | VAL_SET | ROUTE(2));
    wr32(TN_CMP(1), 0);
    wr32(TN_CONF(2), INT_ENB | PERIODIC | MODE32 | VAL_SET | ROUTE(2));
    wr32(TN_CMP(2), 1);
    wr32(TN_CMP(2), 1);
    WAIT_UNTIL(line_raises[2] >= 5);
    wr32(GEN_CONF, 0);
    /* Timers past the third, gaps, misaligned and narrow accesses. */
    g_assert_cmphex(rd64(TN_CONF(3)), ==, 0);
    wr64(TN_CONF(3), UINT64_MAX);
    g_assert_cmphex(rd64(0x3f8), ==, 0);
    g_assert_cmphex(rd32(0x008), ==, 0);
    g_assert_cmphex(rd32(0x118), ==, 0);
    g_assert_cmphex(rd32(0x002), ==, 0xffffffff);
    wr32(0x3fc, 1);
    address_space_write(&address_space_memory, BASE + GEN_CONF, &b, 1);
    address_space_write(&address_space_memory, BASE + GEN_CONF, &w, 2);
    g_assert_cmphex(rd64(GEN_CONF), ==, 0);
    address_space_read(&address_space_memory, BASE, &b, 1);
    g_assert_cmphex(b, ==, 0xff);
    wr64(0x004, UINT64_MAX);
    g_assert_cmphex(rd64(GCAP_ID), ==, GCAP_EXPECTED);
}

static void test_no_refire(void)
{
    reset();
    wr32(TN_CONF(0), INT_ENB | ROUTE(2));
    wr64(TN_CMP(0), 100);
    wr32(GEN_CONF, ENABLE);
    WAIT_UNTIL(line_raises[2] == 1);
    /* GEN_CONF writes that neither start nor halt the counter leave a
     * one-shot timer whose match has passed alone. */
    wr32(GEN_CONF, ENABLE | LEG_RT);
    wr32(GEN_CONF, ENABLE);
    for (int i = 0; i < 20; i++) {
        main_loop_wait(true);
        g_usleep(200);
    }
    g_assert_cmpint(line_raises[2], ==, 1);
    g_assert_cmpint(line_raises[0], ==, 0);
    wr32(GEN_CONF, 0);
}

static void test_huge_period(void)
{
    reset();
    /* A periodic timer with a period near 2^64: the match after the
     * first lies decades ahead; nothing overflows or spins. */
    wr32(TN_CONF(2), INT_ENB | PERIODIC | VAL_SET | ROUTE(2));
    wr64(TN_CMP(2), 50);
    wr64(TN_CMP(2), UINT64_MAX - 5);
    wr32(GEN_CONF, ENABLE);
    WAIT_UNTIL(line_raises[2] == 1);
    g_assert_cmphex(rd64(TN_CMP(2)), ==, 50 + UINT64_MAX - 5);
    for (int i = 0; i < 10; i++) {
        main_loop_wait(true);
    }
    g_assert_cmpint(line_raises[2], ==, 1);
    wr32(GEN_CONF, 0);
}

static void test_reset_state(void)
{
    wr32(TN_CONF(0), INT_ENB | INT_LEVEL | ROUTE(2));
    wr64(TN_CMP(0), 10);
    wr32(GEN_CONF, ENABLE | LEG_RT);
    WAIT_UNTIL(rd64(GINTR_STA) & 1);
    g_assert_cmpint(line_level[0], ==, 1);
    reset();
    g_assert_cmpint(line_level[0], ==, 0);
    g_assert_cmphex(rd64(GEN_CONF), ==, 0);
    g_assert_cmphex(rd64(GINTR_STA), ==, 0);
    g_assert_cmphex(rd64(MAIN_CNT), ==, 0);
    g_assert_cmphex(rd64(TN_CONF(0)), ==, 0x0000000400000030ull);
    g_assert_cmphex(rd64(TN_CMP(0)), ==, UINT64_MAX);
    g_assert_cmpint(pit_enabled, ==, 1);
}

static void test_properties(void)
{
    DeviceState *dev = qdev_new(TYPE_HPET);
    Error *err = NULL;

    object_property_set_uint(OBJECT(dev), "timers", 2, &error_abort);
    g_assert_false(qdev_realize(dev, NULL, &err));
    g_assert_nonnull(err);
    error_free(err);
    object_unref(OBJECT(dev));

    /* FSB delivery is refused rather than silently not done. */
    dev = qdev_new(TYPE_HPET);
    err = NULL;
    object_property_set_bool(OBJECT(dev), "msi", true, &error_abort);
    g_assert_false(qdev_realize(dev, NULL, &err));
    g_assert_nonnull(err);
    error_free(err);
    object_unref(OBJECT(dev));

    /* 32 timers: NUM_TIM_CAP 31, the last timer's registers answer. */
    dev = qdev_new(TYPE_HPET);
    object_property_set_uint(OBJECT(dev), "timers", 32, &error_abort);
    object_property_set_uint(OBJECT(dev), "hpet-intcap", 0x10, &error_abort);
    /* Realized on the system bus, which keeps it; it is never mapped. */
    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev),
                                           &error_abort));
    g_assert_cmphex(HPET(dev)->capability & 0xffffffff, ==, 0x8086bf01);
    g_assert_cmphex(HPET(dev)->timers[31].config, ==,
                    0x0000001000000030ull);
}

int main(int argc, char **argv)
{
    SysBusDevice *sbd;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    hpet = hpet_create(BASE, 0x4, &error_abort);
    sbd = SYS_BUS_DEVICE(hpet);
    for (int i = 0; i < HPET_NUM_IRQ_ROUTES; i++) {
        sysbus_connect_irq(sbd, i, qemu_allocate_irq(line_handler, NULL, i));
    }
    qdev_connect_gpio_out(hpet, HPET_PIT_ENABLE_OUT,
                          qemu_allocate_irq(pit_handler, NULL, 0));

    g_test_add_func("/hpet/capabilities", test_capabilities);
    g_test_add_func("/hpet/counter-halted", test_counter_halted);
    g_test_add_func("/hpet/counter-runs", test_counter_runs);
    g_test_add_func("/hpet/counter-virtual-clock",
                    test_counter_follows_virtual_clock);
    g_test_add_func("/hpet/comparator", test_comparator);
    g_test_add_func("/hpet/config-bits", test_config_bits);
    g_test_add_func("/hpet/one-shot-edge", test_one_shot_edge);
    g_test_add_func("/hpet/level-status", test_level_and_status);
    g_test_add_func("/hpet/periodic", test_periodic);
    g_test_add_func("/hpet/legacy-replacement", test_legacy_replacement);
    g_test_add_func("/hpet/hostile", test_hostile);
    g_test_add_func("/hpet/no-refire", test_no_refire);
    g_test_add_func("/hpet/huge-period", test_huge_period);
    g_test_add_func("/hpet/reset", test_reset_state);
    g_test_add_func("/hpet/properties", test_properties);
    return g_test_run();
}
