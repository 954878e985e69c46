/*
 * Unit tests for hw/gpio/pl061.c: the PL061 GPIO controller driven through
 * guest physical accesses and its GPIO lines. Register offsets from ARM
 * DDI 0190, written out here.
 */
#include "qemu/osdep.h"
#include "hw/gpio/pl061.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

#define GPIO_BASE 0x09030000

#define DATA    0x000           /* + (mask << 2) */
#define DIR     0x400
#define IS      0x404
#define IBE     0x408
#define IEV     0x40c
#define IE      0x410
#define RIS     0x414
#define MIS     0x418
#define IC      0x41c
#define AFSEL   0x420

static DeviceState *gpio;
static int irq_level;
static int out_level[8];
static int out_changes[8];

static void irq_handler(void *opaque, int n, int level)
{
    irq_level = level;
}

static void out_handler(void *opaque, int n, int level)
{
    out_level[n] = level;
    out_changes[n]++;
}

static uint32_t rd(hwaddr off)
{
    uint32_t v = 0xdeadbeef;

    address_space_read(&address_space_memory, GPIO_BASE + off, &v, 4);
    return GUINT32_FROM_LE(v);
}

static void wr(hwaddr off, uint32_t val)
{
    uint32_t le = GUINT32_TO_LE(val);

    address_space_write(&address_space_memory, GPIO_BASE + off, &le, 4);
}

static void pin(int n, int level)
{
    qemu_set_irq(qdev_get_gpio_in(gpio, n), level);
}

static void setup(void)
{
    device_cold_reset(gpio);
    for (int i = 0; i < 8; i++) {
        pin(i, 0);
    }
    wr(IC, 0xff);
}

static void test_id_registers(void)
{
    /* PeriphID2 is 0x04 (r0), as QEMU reports. */
    static const uint8_t id[8] = { 0x61, 0x10, 0x04, 0x00,
                                   0x0d, 0xf0, 0x05, 0xb1 };

    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(rd(0xfe0 + 4 * i), ==, id[i]);
    }
}

static void test_reset_values(void)
{
    static const hwaddr regs[] = { DIR, IS, IBE, IEV, IE, RIS, MIS, AFSEL };

    setup();
    for (size_t i = 0; i < G_N_ELEMENTS(regs); i++) {
        g_assert_cmphex(rd(regs[i]), ==, 0);
    }
    g_assert_cmphex(rd(DATA + (0xff << 2)), ==, 0);
    /* Inputs float up by default ("pullups" 0xff). */
    for (int i = 0; i < 8; i++) {
        g_assert_cmpint(out_level[i], ==, 1);
    }
}

static void test_data_masking(void)
{
    setup();
    wr(DIR, 0x0f);              /* pins 0..3 out, 4..7 in */
    g_assert_cmphex(rd(DIR), ==, 0x0f);
    wr(DATA + (0xff << 2), 0xff);
    /* Input pins ignore the write; the undriven inputs read 0. */
    g_assert_cmphex(rd(DATA + (0xff << 2)), ==, 0x0f);
    g_assert_cmpint(out_level[0], ==, 1);
    /* Address bits 9:2 mask the write: only pin 1 goes low. */
    wr(DATA + (0x02 << 2), 0x00);
    g_assert_cmphex(rd(DATA + (0xff << 2)), ==, 0x0d);
    g_assert_cmpint(out_level[1], ==, 0);
    g_assert_cmpint(out_level[0], ==, 1);
    /* ...and the read. */
    g_assert_cmphex(rd(DATA + (0x0c << 2)), ==, 0x0c);
    g_assert_cmphex(rd(DATA + (0x00 << 2)), ==, 0);
    /* Inputs show what drives them. */
    pin(5, 1);
    g_assert_cmphex(rd(DATA + (0xff << 2)), ==, 0x2d);
    g_assert_cmphex(rd(DATA + (0x20 << 2)), ==, 0x20);
    /* A pin turned to input shows its input; its output line its pull. */
    wr(DIR, 0x0e);
    g_assert_cmphex(rd(DATA + (0x01 << 2)), ==, 0);
    g_assert_cmpint(out_level[0], ==, 1);
    /* Driving an output pin from outside changes nothing visible. */
    pin(2, 0);
    g_assert_cmphex(rd(DATA + (0x04 << 2)), ==, 0x04);
}

static void test_edge_irq(void)
{
    setup();
    wr(IE, 0x08);
    /* IEV 0: the falling edge. */
    pin(3, 1);
    g_assert_cmphex(rd(RIS), ==, 0);
    pin(3, 0);
    g_assert_cmphex(rd(RIS), ==, 0x08);
    g_assert_cmphex(rd(MIS), ==, 0x08);
    g_assert_cmpint(irq_level, ==, 1);
    /* Latched until cleared. */
    pin(3, 1);
    g_assert_cmphex(rd(RIS), ==, 0x08);
    wr(IC, 0x08);
    g_assert_cmphex(rd(RIS), ==, 0);
    g_assert_cmpint(irq_level, ==, 0);
    /* Rising edge. */
    wr(IEV, 0x08);
    pin(3, 0);
    g_assert_cmphex(rd(RIS), ==, 0);
    pin(3, 1);
    g_assert_cmphex(rd(RIS), ==, 0x08);
    g_assert_cmpint(irq_level, ==, 1);
    wr(IC, 0xff);
    /* Both edges, as gpio-keys sets up the power button. */
    wr(IBE, 0x08);
    pin(3, 0);
    g_assert_cmphex(rd(RIS), ==, 0x08);
    wr(IC, 0x08);
    pin(3, 1);
    g_assert_cmphex(rd(RIS), ==, 0x08);
    wr(IC, 0x08);
    /* No change, no edge. */
    pin(3, 1);
    g_assert_cmphex(rd(RIS), ==, 0);
    /* Masked: RIS only. */
    pin(4, 1);
    pin(4, 0);
    g_assert_cmphex(rd(RIS), ==, 0x10);
    g_assert_cmphex(rd(MIS), ==, 0);
    g_assert_cmpint(irq_level, ==, 0);
    /* Enabling a pending interrupt raises the line. */
    wr(IE, 0x18);
    g_assert_cmpint(irq_level, ==, 1);
    wr(IC, 0x10);
    g_assert_cmpint(irq_level, ==, 0);
    /* Output pins raise nothing. */
    wr(IC, 0xff);
    wr(DIR, 0x80);
    wr(IE, 0xff);
    wr(DATA + (0x80 << 2), 0x80);
    wr(DATA + (0x80 << 2), 0x00);
    g_assert_cmphex(rd(RIS), ==, 0);
}

static void test_level_irq(void)
{
    setup();
    wr(IEV, 0x01);              /* high level */
    wr(IS, 0x01);
    wr(IE, 0x01);
    g_assert_cmphex(rd(RIS), ==, 0);
    pin(0, 1);
    g_assert_cmphex(rd(RIS), ==, 0x01);
    g_assert_cmpint(irq_level, ==, 1);
    /* While the level lasts, IC cannot clear it. */
    wr(IC, 0x01);
    g_assert_cmphex(rd(RIS), ==, 0x01);
    g_assert_cmpint(irq_level, ==, 1);
    /* As in QEMU, RIS stays latched after the level goes, until IC. */
    pin(0, 0);
    g_assert_cmphex(rd(RIS), ==, 0x01);
    wr(IC, 0x01);
    g_assert_cmphex(rd(RIS), ==, 0);
    g_assert_cmpint(irq_level, ==, 0);
    /* Low level: active at once. */
    wr(IEV, 0x00);
    g_assert_cmphex(rd(RIS), ==, 0x01);
    g_assert_cmpint(irq_level, ==, 1);
    wr(IE, 0);
    g_assert_cmpint(irq_level, ==, 0);
    /* Choosing level sensitivity on low pins with IEV 0 asserts them all,
     * outputs included (what QEMU does). */
    wr(IC, 0xff);
    wr(IS, 0xff);
    g_assert_cmphex(rd(RIS), ==, 0xff);
    wr(IEV, 0xff);
    wr(IC, 0xff);
    g_assert_cmphex(rd(RIS), ==, 0);
    wr(DIR, 0x02);
    wr(DATA + (0x02 << 2), 0x02);
    g_assert_cmphex(rd(RIS), ==, 0x02);
}

static void test_bad_accesses(void)
{
    setup();
    g_assert_cmphex(rd(0x424), ==, 0);
    g_assert_cmphex(rd(0x800), ==, 0);
    g_assert_cmphex(rd(IC), ==, 0);
    wr(0x424, 0xff);
    wr(0xfe0, 0);
    g_assert_cmphex(rd(0xfe0), ==, 0x61);
    wr(RIS, 0xff);
    wr(MIS, 0xff);
    g_assert_cmphex(rd(RIS), ==, 0);
    /* Register values keep to 8 bits. */
    wr(DIR, 0xffffff01);
    g_assert_cmphex(rd(DIR), ==, 0x01);
    wr(AFSEL, 0x3);
    g_assert_cmphex(rd(AFSEL), ==, 0x3);
    /* The last input pin is the top bit of DATA. */
    pin(7, 1);
    g_assert_cmphex(rd(DATA + (0xff << 2)), ==, 0x80);
}

static void test_pull_props(void)
{
    DeviceState *dev = qdev_new(TYPE_PL061);
    Error *err = NULL;

    object_property_set_uint(OBJECT(dev), "pullups", 0x0f, &error_abort);
    object_property_set_uint(OBJECT(dev), "pulldowns", 0x1f, &error_abort);
    /* A failed realize drops the reference too. */
    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;

    dev = qdev_new(TYPE_PL061);
    object_property_set_uint(OBJECT(dev), "pullups", 0x100, &error_abort);
    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    error_free(err);

    dev = qdev_new(TYPE_PL061);
    object_property_set_uint(OBJECT(dev), "pullups", 0x0f, &error_abort);
    object_property_set_uint(OBJECT(dev), "pulldowns", 0xf0, &error_abort);
    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev),
                                           &error_abort));
    {
        int lv[8] = { 0 };
        PL061State *s = PL061(dev);

        for (int i = 0; i < 8; i++) {
            qdev_connect_gpio_out(dev, i, qemu_allocate_irq(out_handler,
                                                             NULL, i));
        }
        memset(out_changes, 0, sizeof(out_changes));
        device_cold_reset(dev);
        for (int i = 0; i < 8; i++) {
            lv[i] = out_level[i];
        }
        g_assert_cmpint(lv[0], ==, 1);
        g_assert_cmpint(lv[7], ==, 0);
        g_assert_true(s->out_valid);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    gpio = pl061_create(GPIO_BASE, qemu_allocate_irq(irq_handler, NULL, 0),
                        &error_abort);
    for (int i = 0; i < 8; i++) {
        qdev_connect_gpio_out(gpio, i, qemu_allocate_irq(out_handler, NULL,
                                                          i));
    }

    g_test_add_func("/pl061/id-registers", test_id_registers);
    g_test_add_func("/pl061/reset-values", test_reset_values);
    g_test_add_func("/pl061/data-masking", test_data_masking);
    g_test_add_func("/pl061/edge-irq", test_edge_irq);
    g_test_add_func("/pl061/level-irq", test_level_irq);
    g_test_add_func("/pl061/bad-accesses", test_bad_accesses);
    g_test_add_func("/pl061/pull-props", test_pull_props);
    return g_test_run();
}
