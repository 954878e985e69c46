/*
 * Unit tests for hw/rtc/pl031.c: the PL031 RTC driven through guest
 * physical accesses. Register offsets from ARM DDI 0224, written out here.
 * Checks against the host clock allow slack; waits for the match
 * interrupt drive the main loop with a hang guard only.
 */
#include "qemu/osdep.h"
#include <time.h>
#include "hw/rtc/pl031.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

bool rtc_base_localtime;

#define RTC_BASE 0x09010000

#define DR      0x00
#define MR      0x04
#define LR      0x08
#define CR      0x0c
#define IMSC    0x10
#define RIS     0x14
#define MIS     0x18
#define ICR     0x1c

#define WAIT_UNTIL(cond)                                                \
    do {                                                                \
        gint64 end_ = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;     \
        while (!(cond)) {                                               \
            g_assert_cmpint(g_get_monotonic_time(), <, end_);           \
            main_loop_wait(true);                                       \
            g_usleep(1000);                                             \
        }                                                               \
    } while (0)

static DeviceState *rtc;
static int irq_level;
static int irq_raises;

static void irq_handler(void *opaque, int n, int level)
{
    if (level && !irq_level) {
        irq_raises++;
    }
    irq_level = level;
}

static uint32_t rd(hwaddr off)
{
    uint32_t v = 0xdeadbeef;

    address_space_read(&address_space_memory, RTC_BASE + off, &v, 4);
    return GUINT32_FROM_LE(v);
}

static void wr(hwaddr off, uint32_t val)
{
    uint32_t le = GUINT32_TO_LE(val);

    address_space_write(&address_space_memory, RTC_BASE + off, &le, 4);
}

static void test_id_registers(void)
{
    static const uint8_t id[8] = { 0x31, 0x10, 0x14, 0x00,
                                   0x0d, 0xf0, 0x05, 0xb1 };

    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(rd(0xfe0 + 4 * i), ==, id[i]);
    }
}

static void test_host_time(void)
{
    int64_t now = time(NULL);
    int64_t dr = rd(DR);

    g_assert_cmpint(dr, >=, now - 2);
    g_assert_cmpint(dr, <=, now + 2);
    g_assert_cmphex(rd(CR), ==, 1);
}

static void test_load(void)
{
    uint32_t dr;

    wr(LR, 1000000);
    g_assert_cmphex(rd(LR), ==, 1000000);
    dr = rd(DR);
    g_assert_cmpuint(dr, >=, 1000000);
    g_assert_cmpuint(dr, <=, 1000002);
    /* DR is read only: a write changes nothing. */
    wr(DR, 5);
    g_assert_cmpuint(rd(DR), >=, 1000000);
    /* Near the top the counter wraps as a 32-bit register. */
    wr(LR, 0xffffffff);
    dr = rd(DR);
    g_assert_true(dr == 0xffffffff || dr <= 2);
    wr(LR, time(NULL));
}

static void test_match_now(void)
{
    /* Retry if a second boundary falls between the load and the match. */
    for (int tries = 0; tries < 10; tries++) {
        wr(ICR, 1);
        wr(IMSC, 0);
        wr(LR, 5000);
        wr(MR, 5000);
        if (rd(DR) == 5000) {
            break;
        }
    }
    g_assert_cmphex(rd(MR), ==, 5000);
    g_assert_cmphex(rd(RIS), ==, 1);
    g_assert_cmphex(rd(MIS), ==, 0);
    g_assert_cmpint(irq_level, ==, 0);
    wr(IMSC, 0xff);                 /* only bit 0 exists */
    g_assert_cmphex(rd(IMSC), ==, 1);
    g_assert_cmphex(rd(MIS), ==, 1);
    g_assert_cmpint(irq_level, ==, 1);
    wr(ICR, 1);
    g_assert_cmphex(rd(RIS), ==, 0);
    g_assert_cmphex(rd(MIS), ==, 0);
    g_assert_cmpint(irq_level, ==, 0);
    wr(IMSC, 0);
}

static void test_match_later(void)
{
    PL031State *s = PL031(rtc);
    int raises = irq_raises;
    uint32_t dr;

    wr(ICR, 1);
    wr(IMSC, 1);
    dr = rd(DR);
    wr(MR, dr + 1);
    g_assert_true(timer_pending(&s->alarm) || rd(RIS));
    WAIT_UNTIL(irq_level);
    g_assert_cmpint(irq_raises, ==, raises + 1);
    g_assert_cmpuint(rd(DR), >=, dr + 1);
    g_assert_cmphex(rd(RIS), ==, 1);
    wr(ICR, 1);
    g_assert_cmpint(irq_level, ==, 0);
    /* A match far ahead leaves the alarm pending at that second. */
    dr = rd(DR);
    wr(MR, dr + 3600);
    g_assert_true(timer_pending(&s->alarm));
    g_assert_cmpint(timer_expire_time_ns(&s->alarm) / 1000000000LL, >=,
                    time(NULL) + 3590);
    wr(IMSC, 0);
}

static void test_bad_offsets(void)
{
    g_assert_cmphex(rd(0x20), ==, 0);
    g_assert_cmphex(rd(0x800), ==, 0);
    g_assert_cmphex(rd(0xfdc), ==, 0);
    wr(0x20, 1);
    wr(0xfe0, 1);
    g_assert_cmphex(rd(0xfe0), ==, 0x31);
    /* Read-only and write-only registers. */
    wr(RIS, 1);
    wr(MIS, 1);
    g_assert_cmphex(rd(ICR), ==, 0);
    /* Byte accesses reach the 32-bit register. */
    {
        uint8_t b = 0;

        address_space_read(&address_space_memory, RTC_BASE + 0xfe4, &b, 1);
        g_assert_cmphex(b, ==, 0x10);
    }
}

static void test_reset(void)
{
    PL031State *s = PL031(rtc);
    uint32_t dr;

    wr(LR, 7777);
    wr(MR, 7777 + 100);
    wr(IMSC, 1);
    /* Like QEMU's, the RTC keeps everything over a system reset. */
    device_cold_reset(rtc);
    g_assert_true(timer_pending(&s->alarm));
    g_assert_cmphex(rd(MR), ==, 7777 + 100);
    g_assert_cmphex(rd(LR), ==, 7777);
    g_assert_cmphex(rd(IMSC), ==, 1);
    dr = rd(DR);
    g_assert_cmpuint(dr, >=, 7777);
    g_assert_cmpuint(dr, <=, 7780);
    wr(IMSC, 0);
    wr(MR, 0);
}

static void test_localtime(void)
{
    DeviceState *dev;
    PL031State *s;
    time_t now = time(NULL);
    struct tm tm;
    int64_t dr;

    localtime_r(&now, &tm);
    rtc_base_localtime = true;
    dev = pl031_create(RTC_BASE + 0x10000, NULL, &error_abort);
    rtc_base_localtime = false;
    s = PL031(dev);
    dr = pl031_get_count(s);
    g_assert_cmpint(dr, >=, now + tm.tm_gmtoff - 2);
    g_assert_cmpint(dr, <=, now + tm.tm_gmtoff + 2);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    rtc = pl031_create(RTC_BASE, qemu_allocate_irq(irq_handler, NULL, 0),
                       &error_abort);

    g_test_add_func("/pl031/id-registers", test_id_registers);
    g_test_add_func("/pl031/host-time", test_host_time);
    g_test_add_func("/pl031/load", test_load);
    g_test_add_func("/pl031/match-now", test_match_now);
    g_test_add_func("/pl031/match-later", test_match_later);
    g_test_add_func("/pl031/bad-offsets", test_bad_offsets);
    g_test_add_func("/pl031/reset", test_reset);
    g_test_add_func("/pl031/localtime", test_localtime);
    return g_test_run();
}
