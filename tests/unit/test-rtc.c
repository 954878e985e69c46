/*
 * Unit tests for the MC146818 RTC and CMOS (hw/rtc/mc146818rtc.c) through
 * ports 0x70/0x71. Register layout written out from the MC146818A data
 * sheet. Time checks allow a couple of seconds of slack; waits for
 * interrupts drive the main loop with a hang guard only.
 */
#include "qemu/osdep.h"
#include <time.h>
#include "hw/rtc/mc146818rtc.h"
#include "hw/sysbus.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

bool rtc_base_localtime;

#define TYPE_TEST_ISA_BRIDGE "test-isa-bridge"

static ISABus *isabus;
static qemu_irq *pic;             /* what the ISA bus drives */
static int irq_level[ISA_NUM_IRQS];
static int irq_raises[ISA_NUM_IRQS];
static ISADevice *rtc;

#define WAIT_UNTIL(cond)                                                \
    do {                                                                \
        gint64 end_ = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;     \
        while (!(cond)) {                                               \
            g_assert_cmpint(g_get_monotonic_time(), <, end_);           \
            main_loop_wait(true);                                       \
            g_usleep(100);                                              \
        }                                                               \
    } while (0)

static void pic_set_irq(void *opaque, int n, int level)
{
    if (level && !irq_level[n]) {
        irq_raises[n]++;
    }
    irq_level[n] = level;
}

static uint8_t cmos_read_at(uint16_t base, uint8_t index)
{
    uint8_t v = index;

    address_space_write(&address_space_io, base, &v, 1);
    address_space_read(&address_space_io, base + 1, &v, 1);
    return v;
}

static void cmos_write_at(uint16_t base, uint8_t index, uint8_t val)
{
    address_space_write(&address_space_io, base, &index, 1);
    address_space_write(&address_space_io, base + 1, &val, 1);
}

static uint8_t cmos_read(uint8_t index)
{
    return cmos_read_at(0x70, index);
}

static void cmos_write(uint8_t index, uint8_t val)
{
    cmos_write_at(0x70, index, val);
}

static int from_bcd(uint8_t v)
{
    return (v >> 4) * 10 + (v & 0xf);
}

/* Guest time from the registers, read outside an update cycle. */
static time_t rtc_read_time_at(uint16_t base)
{
    bool binary, h24;
    struct tm tm = { 0 };
    uint8_t hour;
    int (*conv)(uint8_t);

    while (cmos_read_at(base, 0x0a) & 0x80) {
        /* UIP: the registers are about to change. */
    }
    binary = cmos_read_at(base, 0x0b) & 0x04;
    h24 = cmos_read_at(base, 0x0b) & 0x02;
    conv = binary ? NULL : from_bcd;
#define CV(x) (conv ? conv(x) : (x))
    tm.tm_sec = CV(cmos_read_at(base, 0x00));
    tm.tm_min = CV(cmos_read_at(base, 0x02));
    hour = cmos_read_at(base, 0x04);
    if (h24) {
        tm.tm_hour = CV(hour);
    } else {
        tm.tm_hour = CV(hour & 0x7f) % 12 + ((hour & 0x80) ? 12 : 0);
    }
    tm.tm_mday = CV(cmos_read_at(base, 0x07));
    tm.tm_mon = CV(cmos_read_at(base, 0x08)) - 1;
    tm.tm_year = CV(cmos_read_at(base, 0x09)) +
                 CV(cmos_read_at(base, 0x32)) * 100 - 1900;
#undef CV
    return timegm(&tm);
}

static void assert_near(time_t a, time_t b)
{
    if (llabs((long long)a - (long long)b) > 2) {
        g_test_message("rtc %lld expected %lld", (long long)a, (long long)b);
    }
    g_assert_cmpint(llabs((long long)a - (long long)b), <=, 2);
}

static void test_defaults(void)
{
    /* Divider 010, rate 0110 (1024 Hz); 24-hour BCD; VRT. */
    g_assert_cmphex(cmos_read(0x0a) & 0x7f, ==, 0x26);
    g_assert_cmphex(cmos_read(0x0b), ==, 0x02);
    g_assert_cmphex(cmos_read(0x0d), ==, 0x80);
    /* The index register is write-only. */
    {
        uint8_t v;

        address_space_read(&address_space_io, 0x70, &v, 1);
        g_assert_cmphex(v, ==, 0xff);
    }
}

static void test_time_bcd(void)
{
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    cmos_write(0x0b, 0x02);
    assert_near(rtc_read_time_at(0x70), time(NULL));
    /* BCD: every nibble of the seconds is a decimal digit. */
    g_assert_cmpint(cmos_read(0x00) & 0x0f, <=, 9);
    g_assert_cmphex(cmos_read(0x32), ==, ((tm.tm_year + 1900) / 1000) << 4 |
                    ((tm.tm_year + 1900) / 100 % 10));
    /* Day of week, 1 = Sunday. */
    g_assert_cmpint(from_bcd(cmos_read(0x06)), ==, tm.tm_wday + 1);
}

static void test_time_binary(void)
{
    time_t now;
    struct tm tm;

    cmos_write(0x0b, 0x06);
    now = time(NULL);
    gmtime_r(&now, &tm);
    assert_near(rtc_read_time_at(0x70), time(NULL));
    g_assert_cmpint(cmos_read(0x32), ==, (tm.tm_year + 1900) / 100);
    g_assert_cmpint(cmos_read(0x08), ==, tm.tm_mon + 1);
    cmos_write(0x0b, 0x02);
}

static void test_time_12h(void)
{
    time_t now;
    struct tm tm;
    uint8_t hour;

    cmos_write(0x0b, 0x04);              /* binary, 12-hour */
    do {
        now = time(NULL);
        gmtime_r(&now, &tm);
        hour = cmos_read(0x04);
    } while (time(NULL) != now);
    g_assert_cmpint(!!(hour & 0x80), ==, tm.tm_hour >= 12);
    g_assert_cmpint(hour & 0x7f, ==, tm.tm_hour % 12 ? tm.tm_hour % 12 : 12);
    assert_near(rtc_read_time_at(0x70), time(NULL));
    cmos_write(0x0b, 0x02);
}

/* Put the host's UTC time back into the RTC, in binary. */
static void rtc_set_host_time(void)
{
    time_t now = time(NULL);
    struct tm h;

    gmtime_r(&now, &h);
    cmos_write(0x0b, 0x86);
    cmos_write(0x00, h.tm_sec);
    cmos_write(0x02, h.tm_min);
    cmos_write(0x04, h.tm_hour);
    cmos_write(0x07, h.tm_mday);
    cmos_write(0x08, h.tm_mon + 1);
    cmos_write(0x09, h.tm_year % 100);
    cmos_write(0x32, (h.tm_year + 1900) / 100);
    /* The time is taken in the mode in force when SET clears. */
    cmos_write(0x0b, 0x06);
    cmos_write(0x0b, 0x02);
}

static void test_set_time(void)
{
    struct tm tm = { .tm_year = 99, .tm_mon = 11, .tm_mday = 31,
                     .tm_hour = 23, .tm_min = 59, .tm_sec = 58 };

    cmos_write(0x0b, 0x82);              /* SET, 24h, BCD */
    cmos_write(0x00, 0x58);
    cmos_write(0x02, 0x59);
    cmos_write(0x04, 0x23);
    cmos_write(0x07, 0x31);
    cmos_write(0x08, 0x12);
    cmos_write(0x09, 0x99);
    cmos_write(0x32, 0x19);
    /* Frozen while SET. */
    g_assert_cmphex(cmos_read(0x00), ==, 0x58);
    cmos_write(0x0b, 0x02);
    assert_near(rtc_read_time_at(0x70), timegm(&tm));
    /* And it keeps running into the new century. */
    WAIT_UNTIL(cmos_read(0x09) == 0x00);
    g_assert_cmphex(cmos_read(0x32), ==, 0x20);
    g_assert_cmphex(cmos_read(0x08), ==, 0x01);
    rtc_set_host_time();
    assert_near(rtc_read_time_at(0x70), time(NULL));
}

static void test_set_time_out_of_range(void)
{
    /* Binary century 255, month 0, BCD garbage: clamped, no overflow. */
    cmos_write(0x0b, 0x86);
    cmos_write(0x32, 0xff);
    cmos_write(0x09, 0xff);
    cmos_write(0x08, 0x00);
    cmos_write(0x0b, 0x06);
    g_assert_cmpint(cmos_read(0x32), ==, 21);   /* year 2191 at most */
    cmos_write(0x0b, 0x82);
    cmos_write(0x09, 0xaa);
    cmos_write(0x0b, 0x02);
    rtc_set_host_time();
    assert_near(rtc_read_time_at(0x70), time(NULL));
}

static void test_localtime(void)
{
    DeviceState *dev;
    time_t now;
    struct tm lt;

    /* A zone far from UTC, so the test tells the two apart. */
    g_setenv("TZ", "EST5", true);
    tzset();
    rtc_base_localtime = true;
    dev = qdev_new(TYPE_MC146818_RTC);
    object_property_set_uint(OBJECT(dev), "iobase", 0x170, &error_abort);
    g_assert_true(qdev_realize_and_unref(dev, BUS(isabus), &error_abort));
    rtc_base_localtime = false;
    now = time(NULL);
    localtime_r(&now, &lt);
    g_assert_cmpint(lt.tm_gmtoff, ==, -5 * 3600);
    assert_near(rtc_read_time_at(0x170), now + lt.tm_gmtoff);
    /* The UTC one is unaffected. */
    assert_near(rtc_read_time_at(0x70), time(NULL));
    qdev_unrealize(dev);
    g_unsetenv("TZ");
    tzset();
}

static void test_uip(void)
{
    gint64 end = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;

    /* UIP is high for 244 us each second: polling finds it. */
    while (!(cmos_read(0x0a) & 0x80)) {
        g_assert_cmpint(g_get_monotonic_time(), <, end);
    }
    /* And it is read-only. */
    cmos_write(0x0a, 0xa6);
    g_assert_cmphex(cmos_read(0x0a) & 0x7f, ==, 0x26);
}

static void test_nvram(void)
{
    for (int i = 0x0e; i < 0x80; i++) {
        if (i == 0x32) {
            continue;
        }
        cmos_write(i, i ^ 0x5a);
    }
    for (int i = 0x0e; i < 0x80; i++) {
        if (i == 0x32) {
            continue;
        }
        g_assert_cmphex(cmos_read(i), ==, i ^ 0x5a);
        g_assert_cmphex(mc146818rtc_get_cmos(rtc, i), ==, i ^ 0x5a);
    }
    /* Bit 7 of the index is the NMI mask, not part of the index. */
    cmos_write(0x80 | 0x20, 0x77);
    g_assert_cmphex(cmos_read(0x20), ==, 0x77);
    mc146818rtc_set_cmos(rtc, 0x40, 0x12);
    g_assert_cmphex(cmos_read(0x40), ==, 0x12);
    /* Out-of-range board accesses are ignored. */
    mc146818rtc_set_cmos(rtc, 128, 1);
    mc146818rtc_set_cmos(rtc, -1, 1);
    g_assert_cmpint(mc146818rtc_get_cmos(rtc, 200), ==, 0);
}

static void test_memory_size(void)
{
    /* 3 GiB below 4 GiB, 2 GiB above. */
    mc146818rtc_set_memory_size(rtc, 3 * GiB, 2 * GiB);
    g_assert_cmphex(cmos_read(0x15) | cmos_read(0x16) << 8, ==, 640);
    g_assert_cmphex(cmos_read(0x17) | cmos_read(0x18) << 8, ==, 0xffff);
    g_assert_cmphex(cmos_read(0x30) | cmos_read(0x31) << 8, ==, 0xffff);
    g_assert_cmphex(cmos_read(0x34) | cmos_read(0x35) << 8, ==,
                    (3 * GiB - 16 * MiB) / (64 * KiB));
    g_assert_cmphex(cmos_read(0x5b) | cmos_read(0x5c) << 8 |
                    cmos_read(0x5d) << 16, ==, 2 * GiB / (64 * KiB));
    /* 8 MiB: extended memory 7 MiB, nothing above 16 MiB. */
    mc146818rtc_set_memory_size(rtc, 8 * MiB, 0);
    g_assert_cmphex(cmos_read(0x17) | cmos_read(0x18) << 8, ==, 7 * 1024);
    g_assert_cmphex(cmos_read(0x34) | cmos_read(0x35) << 8, ==, 0);
}

static void test_periodic_irq(void)
{
    uint8_t c;

    cmos_read(0x0c);
    irq_raises[8] = 0;
    cmos_write(0x0a, 0x2f);              /* 2 Hz */
    cmos_write(0x0b, 0x42);              /* PIE */
    WAIT_UNTIL(irq_level[8]);
    c = cmos_read(0x0c);
    g_assert_cmphex(c & 0xc0, ==, 0xc0); /* IRQF | PF */
    /* Reading C cleared the flags and dropped the line. */
    g_assert_cmpint(irq_level[8], ==, 0);
    g_assert_cmphex(cmos_read(0x0c) & 0xc0, ==, 0);
    /* It keeps firing. */
    WAIT_UNTIL(irq_raises[8] >= 2);
    cmos_write(0x0b, 0x02);
    cmos_read(0x0c);
    g_assert_cmpint(irq_level[8], ==, 0);
    cmos_write(0x0a, 0x26);
}

static void test_update_irq(void)
{
    cmos_read(0x0c);
    cmos_write(0x0b, 0x12);              /* UIE */
    WAIT_UNTIL(irq_level[8]);
    g_assert_cmphex(cmos_read(0x0c) & 0x90, ==, 0x90);  /* IRQF | UF */
    cmos_write(0x0b, 0x02);
    cmos_read(0x0c);
}

static void test_alarm_irq(void)
{
    uint8_t c;

    /* Don't-care in all three alarm bytes: every second. */
    cmos_write(0x01, 0xff);
    cmos_write(0x03, 0xff);
    cmos_write(0x05, 0xff);
    cmos_read(0x0c);
    cmos_write(0x0b, 0x22);              /* AIE */
    WAIT_UNTIL(irq_level[8]);
    c = cmos_read(0x0c);
    g_assert_cmphex(c & 0xa0, ==, 0xa0); /* IRQF | AF */
    /* An alarm hour that never matches (25) gives no AF. */
    cmos_write(0x05, 0x25);
    cmos_read(0x0c);
    cmos_write(0x0b, 0x12 | 0x20);       /* UIE too, to see seconds pass */
    WAIT_UNTIL(irq_level[8]);
    c = cmos_read(0x0c);
    g_assert_cmphex(c & 0x30, ==, 0x10);
    cmos_write(0x0b, 0x02);
    cmos_read(0x0c);
}

static void test_reset(void)
{
    cmos_write(0x0b, 0x72);              /* PIE AIE UIE */
    device_cold_reset(DEVICE(rtc));
    g_assert_cmphex(cmos_read(0x0b), ==, 0x02);
    g_assert_cmphex(cmos_read(0x0c), ==, 0);
    g_assert_cmpint(irq_level[8], ==, 0);
    /* The time survives reset. */
    assert_near(rtc_read_time_at(0x70), time(NULL));
}

static const TypeInfo test_bridge_type = {
    .name = TYPE_TEST_ISA_BRIDGE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SysBusDevice),
};

int main(int argc, char **argv)
{
    DeviceState *bridge;
    int ret;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    type_register_static(&test_bridge_type);
    bridge = qdev_new(TYPE_TEST_ISA_BRIDGE);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(bridge), &error_abort);
    isabus = isa_bus_new(bridge, get_system_io(), &error_abort);
    pic = qemu_allocate_irqs(pic_set_irq, NULL, ISA_NUM_IRQS);
    isa_bus_irqs(isabus, pic);
    rtc = mc146818_rtc_init(isabus, 0, &error_abort);

    g_test_add_func("/rtc/defaults", test_defaults);
    g_test_add_func("/rtc/time-bcd", test_time_bcd);
    g_test_add_func("/rtc/time-binary", test_time_binary);
    g_test_add_func("/rtc/time-12h", test_time_12h);
    g_test_add_func("/rtc/set-time", test_set_time);
    g_test_add_func("/rtc/set-time-out-of-range",
                    test_set_time_out_of_range);
    g_test_add_func("/rtc/localtime", test_localtime);
    g_test_add_func("/rtc/uip", test_uip);
    g_test_add_func("/rtc/nvram", test_nvram);
    g_test_add_func("/rtc/memory-size", test_memory_size);
    g_test_add_func("/rtc/periodic-irq", test_periodic_irq);
    g_test_add_func("/rtc/update-irq", test_update_irq);
    g_test_add_func("/rtc/alarm-irq", test_alarm_irq);
    g_test_add_func("/rtc/reset", test_reset);
    ret = g_test_run();
    /* The lines stay connected; only the array is ours. */
    g_free(pic);
    return ret;
}
