/*
 * Unit tests for the i8042 keyboard controller (hw/input/i8042.c) through
 * ports 0x60/0x64, as a BIOS or Linux's i8042 driver drives it. Command
 * codes and status bits are written out from the 8042 command set.
 */
#include "qemu/osdep.h"
#include "hw/input/i8042.h"
#include "hw/sysbus.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"
#include "sysemu/runstate.h"

#define TYPE_TEST_ISA_BRIDGE "test-isa-bridge"

#define STR_OBF 0x01
#define STR_SYS 0x04
#define STR_CMD 0x08
#define STR_UNLOCKED 0x10
#define STR_AUX 0x20

static ISABus *isabus;
static ISADevice *kbc;
static qemu_irq *pic;             /* what the ISA bus drives */
static int irq_level[ISA_NUM_IRQS];
static int a20_level = -1;
static int resets;
static int resets_dummy;

static void pic_set_irq(void *opaque, int n, int level)
{
    irq_level[n] = level;
}

static void a20_set(void *opaque, int n, int level)
{
    a20_level = level;
}

static void count_reset(void *opaque)
{
    resets++;
}

static uint8_t inb(uint16_t port)
{
    uint8_t v = 0;

    address_space_read(&address_space_io, port, &v, 1);
    return v;
}

static void outb(uint16_t port, uint8_t v)
{
    address_space_write(&address_space_io, port, &v, 1);
}

/* The next byte the controller has for us, or -1. */
static int kbc_read(void)
{
    if (!(inb(0x64) & STR_OBF)) {
        return -1;
    }
    return inb(0x60);
}

static void kbc_flush(void)
{
    while (kbc_read() >= 0) {
    }
}

static void test_reset_state(void)
{
    device_cold_reset(DEVICE(kbc));
    g_assert_cmphex(inb(0x64), ==, STR_CMD | STR_UNLOCKED);
    outb(0x64, 0x20);
    g_assert_cmphex(inb(0x64) & STR_OBF, ==, STR_OBF);
    g_assert_cmphex(kbc_read(), ==, 0x03);
    g_assert_cmpint(kbc_read(), ==, -1);
}

static void test_self_test(void)
{
    device_cold_reset(DEVICE(kbc));
    outb(0x64, 0xaa);
    /* Command byte has KBD_INT: the answer raises IRQ 1. */
    g_assert_cmpint(irq_level[1], ==, 1);
    g_assert_cmphex(inb(0x64) & (STR_OBF | STR_SYS), ==, STR_OBF | STR_SYS);
    g_assert_cmphex(inb(0x60), ==, 0x55);
    g_assert_cmpint(irq_level[1], ==, 0);
    g_assert_cmphex(inb(0x64) & STR_OBF, ==, 0);
    /* Interface tests: 0 means no error. */
    outb(0x64, 0xab);
    g_assert_cmpint(kbc_read(), ==, 0x00);
    outb(0x64, 0xa9);
    g_assert_cmpint(kbc_read(), ==, 0x00);
}

static void test_command_byte(void)
{
    device_cold_reset(DEVICE(kbc));
    outb(0x64, 0x60);
    outb(0x60, 0x44);               /* SYS, XLATE, no interrupts */
    g_assert_cmphex(inb(0x64) & (STR_SYS | STR_CMD), ==, STR_SYS);
    outb(0x64, 0x20);
    g_assert_cmpint(irq_level[1], ==, 0);   /* KBD_INT off */
    g_assert_cmpint(kbc_read(), ==, 0x44);
    /* Disable / enable keyboard and aux show in the command byte. */
    outb(0x64, 0xad);
    outb(0x64, 0xa7);
    outb(0x64, 0x20);
    g_assert_cmpint(kbc_read(), ==, 0x74);
    outb(0x64, 0xae);
    outb(0x64, 0xa8);
    outb(0x64, 0x20);
    g_assert_cmpint(kbc_read(), ==, 0x44);
}

static void test_loopback(void)
{
    device_cold_reset(DEVICE(kbc));
    /* 0xd3: as if from the mouse: AUX bit and IRQ 12. */
    outb(0x64, 0xd3);
    outb(0x60, 0x5a);
    g_assert_cmphex(inb(0x64) & (STR_OBF | STR_AUX), ==, STR_OBF | STR_AUX);
    g_assert_cmpint(irq_level[12], ==, 1);
    g_assert_cmpint(irq_level[1], ==, 0);
    g_assert_cmpint(inb(0x60), ==, 0x5a);
    g_assert_cmpint(irq_level[12], ==, 0);
    /* 0xd2: as if from the keyboard. */
    outb(0x64, 0xd2);
    outb(0x60, 0xa5);
    g_assert_cmphex(inb(0x64) & (STR_OBF | STR_AUX), ==, STR_OBF);
    g_assert_cmpint(irq_level[1], ==, 1);
    g_assert_cmpint(inb(0x60), ==, 0xa5);
    /* Bytes for the absent mouse get no answer. */
    outb(0x64, 0xd4);
    outb(0x60, 0xf2);
    g_assert_cmpint(kbc_read(), ==, -1);
}

static void test_keyboard_replies(void)
{
    device_cold_reset(DEVICE(kbc));
    outb(0x60, 0xff);                       /* reset */
    g_assert_cmpint(kbc_read(), ==, 0xfa);
    g_assert_cmpint(kbc_read(), ==, 0xaa);
    g_assert_cmpint(kbc_read(), ==, -1);
    outb(0x60, 0xf2);                       /* ID, untranslated */
    g_assert_cmpint(kbc_read(), ==, 0xfa);
    g_assert_cmpint(kbc_read(), ==, 0xab);
    g_assert_cmpint(kbc_read(), ==, 0x83);
    outb(0x64, 0x60);
    outb(0x60, 0x47);                       /* translation on */
    outb(0x60, 0xf2);
    g_assert_cmpint(kbc_read(), ==, 0xfa);
    g_assert_cmpint(kbc_read(), ==, 0xab);
    g_assert_cmpint(kbc_read(), ==, 0x41);
    outb(0x60, 0xed);                       /* LEDs + argument */
    g_assert_cmpint(kbc_read(), ==, 0xfa);
    outb(0x60, 0x02);
    g_assert_cmpint(kbc_read(), ==, 0xfa);
    g_assert_cmpint(kbc_read(), ==, -1);
    outb(0x60, 0xee);                       /* echo */
    g_assert_cmpint(kbc_read(), ==, 0xee);
    outb(0x60, 0xf4);
    g_assert_cmpint(kbc_read(), ==, 0xfa);
    outb(0x60, 0x01);                       /* nonsense: resend */
    g_assert_cmpint(kbc_read(), ==, 0xfe);
}

static void test_a20_outport(void)
{
    device_cold_reset(DEVICE(kbc));
    kbc_flush();
    outb(0x64, 0xd0);
    g_assert_cmphex(kbc_read(), ==, 0xcf);
    g_assert_true(i8042_a20_enabled(kbc));
    outb(0x64, 0xd1);
    outb(0x60, 0xcd);                       /* A20 off, reset high */
    g_assert_false(i8042_a20_enabled(kbc));
    g_assert_cmpint(a20_level, ==, 0);
    outb(0x64, 0xd0);
    g_assert_cmphex(kbc_read(), ==, 0xcd);
    outb(0x64, 0xdf);
    g_assert_true(i8042_a20_enabled(kbc));
    g_assert_cmpint(a20_level, ==, 1);
    outb(0x64, 0xdd);
    g_assert_cmpint(a20_level, ==, 0);
    outb(0x64, 0xdf);
    g_assert_cmpint(main_loop_should_exit(&resets_dummy), ==, false);
    g_assert_cmpint(resets, ==, 0);
}

static void test_pulse_reset(void)
{
    int status = -1;

    resets = 0;
    /* 0xff pulses nothing (every bit high). */
    outb(0x64, 0xff);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 0);
    /* 0xfe pulses the reset line. */
    outb(0x64, 0xfe);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 1);
    /* Writing the output port with bit 0 low resets too. */
    outb(0x64, 0xd1);
    outb(0x60, 0xce);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 2);
    /* With -no-reboot a reset request ends the run. */
    no_reboot = true;
    outb(0x64, 0xfe);
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 0);
    no_reboot = false;
}

static void test_bad_irq(void)
{
    DeviceState *dev = qdev_new(TYPE_I8042);
    Error *err = NULL;

    object_property_set_uint(OBJECT(dev), "kbd-irq", 16, &error_abort);
    g_assert_false(qdev_realize(dev, BUS(isabus), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "ISA IRQ 16 is out of range (0..15)");
    error_free(err);
    object_unref(dev);
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
    kbc = i8042_init(isabus, &error_abort);
    qdev_connect_gpio_out_named(DEVICE(kbc), "a20", 0,
                                qemu_allocate_irq(a20_set, NULL, 0));
    qemu_register_reset(count_reset, NULL);

    g_test_add_func("/i8042/reset-state", test_reset_state);
    g_test_add_func("/i8042/self-test", test_self_test);
    g_test_add_func("/i8042/command-byte", test_command_byte);
    g_test_add_func("/i8042/loopback", test_loopback);
    g_test_add_func("/i8042/keyboard-replies", test_keyboard_replies);
    g_test_add_func("/i8042/a20-outport", test_a20_outport);
    g_test_add_func("/i8042/pulse-reset", test_pulse_reset);
    g_test_add_func("/i8042/bad-irq", test_bad_irq);
    ret = g_test_run();
    /* The lines stay connected; only the array is ours. */
    g_free(pic);
    return ret;
}
