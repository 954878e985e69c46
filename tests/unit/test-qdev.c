/*
 * Unit tests for hw/core and backends/: device life cycle, property freeze,
 * buses, reset order, GPIO and IRQ lines, sysbus MMIO, -device, the generic
 * loader, memory backends, machines and "info qtree".
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "hw/sysbus.h"
#include "hw/boards.h"
#include "qom/object_interfaces.h"
#include "sysemu/hostmem.h"
#include "sysemu/runstate.h"
#include "chardev/char.h"
#include "qemu/option.h"

/* Reset and IRQ hooks append here so tests can check order. */
static GString *test_log;

static void log_add(const char *fmt, ...) QEMU_PRINTF(1, 2);
static void log_add(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_string_append_vprintf(test_log, fmt, ap);
    va_end(ap);
}

static void log_clear(void)
{
    g_string_truncate(test_log, 0);
}

/*
 * test-sysdev: a sysbus device with one MMIO register (reads 0x1234abcd
 * plus the last value written), one sysbus IRQ, GPIO in 2 + "ctl" 1,
 * GPIO out 2, and properties num / fail / label.
 */
#define TYPE_TEST_SYSDEV "test-sysdev"
#define TYPE_TEST_BRIDGE "test-bridge"
#define TYPE_TEST_BUS "test-bus"
#define TYPE_TEST_BUSDEV "test-busdev"

OBJECT_DECLARE_SIMPLE_TYPE(TestSysDev, TEST_SYSDEV)
struct TestSysDev {
    SysBusDevice parent_obj;
    MemoryRegion mmio;
    qemu_irq irq;
    qemu_irq out[2];
    uint32_t num;
    bool fail;
    char *label;
    uint64_t reg;
};

OBJECT_DECLARE_SIMPLE_TYPE(TestBusDev, TEST_BUSDEV)
struct TestBusDev {
    DeviceState parent_obj;
    uint8_t level;
    CharBackend chr;
};

static const char *test_dev_name(DeviceState *dev)
{
    if (!dev) {
        return "?";
    }
    return dev->id ? dev->id : object_get_typename(OBJECT(dev));
}

static uint64_t test_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0x1234abcd + TEST_SYSDEV(opaque)->reg;
}

static void test_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    TEST_SYSDEV(opaque)->reg = val;
}

static const MemoryRegionOps test_mmio_ops = {
    .read = test_mmio_read,
    .write = test_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
};

static void test_gpio_in(void *opaque, int n, int level)
{
    log_add("%s.in%d=%d;", test_dev_name(opaque), n, level);
}

static void test_gpio_ctl(void *opaque, int n, int level)
{
    log_add("%s.ctl%d=%d;", test_dev_name(opaque), n, level);
}

static void test_sysdev_init(Object *obj)
{
    TestSysDev *s = TEST_SYSDEV(obj);
    DeviceState *dev = DEVICE(obj);

    memory_region_init_io(&s->mmio, obj, &test_mmio_ops, s, "test-mmio",
                          0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(dev, test_gpio_in, 2);
    qdev_init_gpio_out(dev, s->out, 2);
    qdev_init_gpio_in_named(dev, test_gpio_ctl, "ctl", 1);
}

static void test_sysdev_finalize(Object *obj)
{
    memory_region_finalize(&TEST_SYSDEV(obj)->mmio);
}

static bool test_sysdev_realize(DeviceState *dev, Error **errp)
{
    if (TEST_SYSDEV(dev)->fail) {
        error_setg(errp, "test: realize refused");
        return false;
    }
    log_add("realize %s;", test_dev_name(dev));
    return true;
}

static void test_sysdev_unrealize(DeviceState *dev)
{
    log_add("unrealize %s;", test_dev_name(dev));
}

static void test_dev_reset(DeviceState *dev)
{
    log_add("reset %s;", test_dev_name(dev));
}

static const Property test_sysdev_props[] = {
    PROP_UINT32("num", TestSysDev, num, 7),
    PROP_BOOL("fail", TestSysDev, fail, false),
    PROP_STRING("label", TestSysDev, label),
    PROP_END,
};

static void test_sysdev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = test_sysdev_realize;
    dc->unrealize = test_sysdev_unrealize;
    dc->reset = test_dev_reset;
    device_class_set_props(dc, test_sysdev_props);
}

/* test-bridge: a test-sysdev providing a one-slot test-bus "tb". */
static void test_bridge_init(Object *obj)
{
    qbus_new(TYPE_TEST_BUS, DEVICE(obj), "tb");
}

static void test_bus_class_init(ObjectClass *klass, void *data)
{
    BUS_CLASS(klass)->max_dev = 1;
}

static const Property test_busdev_props[] = {
    PROP_UINT8("level", TestBusDev, level, 3),
    PROP_CHARDEV("chardev", TestBusDev, chr),
    PROP_END,
};

static void test_busdev_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_TEST_BUS;
    dc->reset = test_dev_reset;
    dc->desc = "Test bus device";
    device_class_set_props(dc, test_busdev_props);
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_SYSDEV,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TestSysDev),
        .instance_init = test_sysdev_init,
        .instance_finalize = test_sysdev_finalize,
        .class_init = test_sysdev_class_init,
    },
    {
        .name = TYPE_TEST_BRIDGE,
        .parent = TYPE_TEST_SYSDEV,
        .instance_init = test_bridge_init,
    },
    {
        .name = TYPE_TEST_BUS,
        .parent = TYPE_BUS,
        .class_init = test_bus_class_init,
    },
    {
        .name = TYPE_TEST_BUSDEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestBusDev),
        .class_init = test_busdev_class_init,
    },
};

static DeviceState *test_sysdev_new(const char *type, const char *id)
{
    DeviceState *dev = qdev_new(type);

    dev->id = g_strdup(id);
    return dev;
}

static QemuOpts *parse_opts(const char *str, const char *implied)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(str, implied, &err);

    g_assert_null(err);
    g_assert_nonnull(opts);
    return opts;
}

/* qdev_device_add must fail with exactly this message. */
static void check_device_add_error(const char *str, const char *msg)
{
    QemuOpts *opts = parse_opts(str, "driver");
    Error *err = NULL;

    g_assert_null(qdev_device_add(opts, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    qemu_opts_free(opts);
}

static void test_irq(void)
{
    qemu_irq *irqs = qemu_allocate_irqs(test_gpio_ctl, NULL, 3);
    qemu_irq one;

    log_clear();
    qemu_set_irq(NULL, 1);  /* unconnected: nothing happens */
    qemu_irq_raise(irqs[2]);
    qemu_irq_lower(irqs[0]);
    qemu_irq_pulse(irqs[1]);
    g_assert_cmpstr(test_log->str, ==,
                    "?.ctl2=1;?.ctl0=0;?.ctl1=1;?.ctl1=0;");
    qemu_free_irqs(irqs, 3);

    log_clear();
    one = qemu_allocate_irq(test_gpio_ctl, NULL, 5);
    qemu_set_irq(one, 42);
    g_assert_cmpstr(test_log->str, ==, "?.ctl5=42;");
    qemu_free_irq(one);
}

static void test_realize_unrealize(void)
{
    DeviceState *dev = test_sysdev_new(TYPE_TEST_SYSDEV, "d1");
    BusState *sysbus = sysbus_get_default();
    Error *err = NULL;

    g_assert_cmpstr(sysbus->name, ==, "main-system-bus");
    g_assert_false(dev->realized);
    g_assert_true(object_property_set_uint(OBJECT(dev), "num", 9, NULL));
    log_clear();
    g_assert_true(qdev_realize(dev, sysbus, &error_abort));
    g_assert_true(dev->realized);
    g_assert_true(dev->parent_bus == sysbus);
    g_assert_cmpuint(sysbus->children->len, ==, 1);
    g_assert_cmpstr(test_log->str, ==, "realize d1;");
    /* No machine yet: nothing to file it under. */
    if (!object_resolve_path("/machine", NULL)) {
        g_assert_null(object_get_parent(OBJECT(dev)));
    }

    /* Frozen after realize, with QEMU's message; value unchanged. */
    g_assert_false(object_property_parse(OBJECT(dev), "num", "10", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Attempt to set property 'num' on device 'd1' "
                    "(type 'test-sysdev') after it was realized");
    error_free(err);
    err = NULL;
    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "num", NULL),
                     ==, 9);

    log_clear();
    qdev_unrealize(dev);
    g_assert_false(dev->realized);
    g_assert_null(dev->parent_bus);
    g_assert_cmpuint(sysbus->children->len, ==, 0);
    g_assert_cmpstr(test_log->str, ==, "unrealize d1;");
    /* Settable again once unrealized. */
    g_assert_true(object_property_parse(OBJECT(dev), "num", "10", NULL));
    object_unref(dev);
}

static void test_realize_failure(void)
{
    DeviceState *dev = test_sysdev_new(TYPE_TEST_SYSDEV, "bad");
    BusState *sysbus = sysbus_get_default();
    Error *err = NULL;

    object_property_set_bool(OBJECT(dev), "fail", true, &error_abort);
    g_assert_false(qdev_realize(dev, sysbus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "test: realize refused");
    error_free(err);
    g_assert_false(dev->realized);
    g_assert_null(dev->parent_bus);
    g_assert_cmpuint(sysbus->children->len, ==, 0);
    /* Still ours and still configurable: fix it and retry. */
    object_property_set_bool(OBJECT(dev), "fail", false, &error_abort);
    g_assert_true(qdev_realize(dev, sysbus, &error_abort));
    qdev_unrealize(dev);
    object_unref(dev);
}

static void test_bus_plug(void)
{
    DeviceState *br = test_sysdev_new(TYPE_TEST_BRIDGE, "br");
    DeviceState *c1 = test_sysdev_new(TYPE_TEST_BUSDEV, "c1");
    DeviceState *c2 = test_sysdev_new(TYPE_TEST_BUSDEV, "c2");
    BusState *tb = qdev_get_child_bus(br, "tb");
    Error *err = NULL;

    g_assert_nonnull(tb);
    g_assert_true(tb->parent == br);
    g_assert_false(tb->realized);
    /* A test-bus device cannot sit on the system bus. */
    g_assert_false(qdev_realize(c1, sysbus_get_default(), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Device 'test-busdev' can't go on System bus");
    error_free(err);
    err = NULL;
    g_assert_false(c1->realized);

    g_assert_true(sysbus_realize(SYS_BUS_DEVICE(br), &error_abort));
    g_assert_true(tb->realized);
    g_assert_true(qbus_find("tb", &error_abort) == tb);
    g_assert_null(qbus_find("nosuch", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Bus 'nosuch' not found");
    error_free(err);
    err = NULL;

    g_assert_true(qdev_realize_and_unref(c1, tb, &error_abort));
    g_assert_true(qdev_find_recursive(sysbus_get_default(), "c1") == c1);
    /* max_dev 1: the bus is full. */
    g_assert_false(qdev_realize(c2, tb, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Bus 'tb' is full");
    error_free(err);
    object_unref(c2);

    /* Unrealizing the bridge unrealizes and unplugs what is on its bus. */
    qdev_unrealize(br);
    g_assert_cmpuint(tb->children->len, ==, 0);
    g_assert_false(tb->realized);
    object_unref(br);
}

static void test_reset_order(void)
{
    DeviceState *a = test_sysdev_new(TYPE_TEST_SYSDEV, "a");
    DeviceState *br = test_sysdev_new(TYPE_TEST_BRIDGE, "br");
    DeviceState *c1 = test_sysdev_new(TYPE_TEST_BUSDEV, "c1");
    DeviceState *z = test_sysdev_new(TYPE_TEST_SYSDEV, "z");

    sysbus_realize(SYS_BUS_DEVICE(a), &error_abort);
    sysbus_realize(SYS_BUS_DEVICE(br), &error_abort);
    qdev_realize(c1, qdev_get_child_bus(br, "tb"), &error_abort);
    sysbus_realize(SYS_BUS_DEVICE(z), &error_abort);

    log_clear();
    qdev_reset_all();
    g_assert_cmpstr(test_log->str, ==,
                    "reset a;reset br;reset c1;reset z;");
    log_clear();
    device_cold_reset(br);
    g_assert_cmpstr(test_log->str, ==, "reset br;reset c1;");

    qdev_unrealize(z);
    qdev_unrealize(br);
    qdev_unrealize(a);
    object_unref(z);
    object_unref(c1);
    object_unref(br);
    object_unref(a);
}

static void test_gpio(void)
{
    DeviceState *src = test_sysdev_new(TYPE_TEST_SYSDEV, "src");
    DeviceState *dst = test_sysdev_new(TYPE_TEST_SYSDEV, "dst");
    TestSysDev *s = TEST_SYSDEV(src);
    NamedGPIOList *ngl;

    /* Unconnected outputs are NULL lines: raising them is harmless. */
    qemu_irq_raise(s->out[0]);
    qemu_irq_raise(s->irq);

    qdev_connect_gpio_out(src, 0, qdev_get_gpio_in(dst, 1));
    qdev_connect_gpio_out(src, 1, qdev_get_gpio_in_named(dst, "ctl", 0));
    sysbus_connect_irq(SYS_BUS_DEVICE(src), 0, qdev_get_gpio_in(dst, 0));
    g_assert_true(s->out[0] == qdev_get_gpio_in(dst, 1));

    log_clear();
    qemu_irq_raise(s->out[0]);
    qemu_irq_lower(s->out[1]);
    qemu_irq_pulse(s->irq);
    g_assert_cmpstr(test_log->str, ==,
                    "dst.in1=1;dst.ctl0=0;dst.in0=1;dst.in0=0;");

    /* Lists: sysbus-irq (out 1), unnamed (in 2, out 2), ctl (in 1). */
    g_assert_cmpuint(src->gpios->len, ==, 3);
    ngl = g_ptr_array_index(src->gpios, 0);
    g_assert_cmpstr(ngl->name, ==, "sysbus-irq");
    g_assert_cmpint(ngl->num_out, ==, 1);
    ngl = g_ptr_array_index(src->gpios, 1);
    g_assert_null(ngl->name);
    g_assert_cmpint(ngl->num_in, ==, 2);
    g_assert_cmpint(ngl->num_out, ==, 2);

    object_unref(src);
    object_unref(dst);
}

static void test_sysbus_mmio(void)
{
    DeviceState *dev = test_sysdev_new(TYPE_TEST_SYSDEV, "m");
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    uint32_t val = 0;

    sysbus_realize(sbd, &error_abort);
    g_assert_true(sysbus_mmio_get_region(sbd, 0) == &TEST_SYSDEV(dev)->mmio);
    g_assert_cmpuint(sbd->mmio[0].addr, ==, (hwaddr)-1);
    g_assert_cmpint(address_space_read(&address_space_memory, 0x10000000,
                                       &val, 4), ==, MEMTX_DECODE_ERROR);

    sysbus_mmio_map(sbd, 0, 0x10000000);
    g_assert_cmpint(address_space_read(&address_space_memory, 0x10000000,
                                       &val, 4), ==, MEMTX_OK);
    g_assert_cmphex(val, ==, 0x1234abcd);
    val = 1;
    address_space_write(&address_space_memory, 0x10000000, &val, 4);
    g_assert_cmphex(TEST_SYSDEV(dev)->reg, ==, 1);

    /* Remapping moves it. */
    sysbus_mmio_map(sbd, 0, 0x20000000);
    g_assert_cmpint(address_space_read(&address_space_memory, 0x10000000,
                                       &val, 4), ==, MEMTX_DECODE_ERROR);
    address_space_read(&address_space_memory, 0x20000000, &val, 4);
    g_assert_cmphex(val, ==, 0x1234abce);

    memory_region_del_subregion(get_system_memory(), &TEST_SYSDEV(dev)->mmio);
    qdev_unrealize(dev);
    object_unref(dev);
}

static void test_device_add(void)
{
    QemuOpts *opts = parse_opts("loader,id=ld1,addr=0x100,data=0x5,"
                                "data-len=1", "driver");
    DeviceState *dev = qdev_device_add(opts, &error_abort);
    DeviceState *anon;

    g_assert_nonnull(dev);
    g_assert_true(dev->realized);
    g_assert_cmpstr(dev->id, ==, "ld1");
    g_assert_true(object_resolve_path("/machine/peripheral/ld1", NULL) ==
                  OBJECT(dev));
    qemu_opts_free(opts);

    opts = parse_opts("loader,addr=0x100,data=0x6,data-len=1", "driver");
    anon = qdev_device_add(opts, &error_abort);
    g_assert_nonnull(anon);
    g_assert_null(anon->id);
    g_assert_true(object_get_parent(OBJECT(anon)) ==
                  object_resolve_path("/machine/peripheral-anon", NULL));
    qemu_opts_free(opts);

    check_device_add_error("id=x", "Parameter 'driver' is missing");
    check_device_add_error("nosuch", "'nosuch' is not a valid device model "
                           "name");
    check_device_add_error("device", "Parameter 'driver' expects a "
                           "non-abstract device type");
    check_device_add_error("sys-bus-device", "Parameter 'driver' expects a "
                           "non-abstract device type");
    check_device_add_error("test-sysdev", "Parameter 'driver' expects a "
                           "pluggable device type");
    check_device_add_error("loader,foo=1", "Property 'loader.foo' not found");
    check_device_add_error("loader,addr=x", "Parameter 'addr' expects "
                           "integer");
    check_device_add_error("loader,id=ld1,data=1,data-len=1",
                           "Duplicate ID 'ld1' for device");
    check_device_add_error("loader,id=1x", "Parameter 'id' expects an "
                           "identifier");
    check_device_add_error("loader,bus=nosuch", "Bus 'nosuch' not found");
    check_device_add_error("loader,bus=main-system-bus,data=1,data-len=1",
                           "Device 'loader' can't go on System bus");
    check_device_add_error("test-busdev", "No 'test-bus' bus found for "
                           "device 'test-busdev'");
    /* A failed realize leaves nothing behind: the id is free again. */
    check_device_add_error("loader,id=ld2", "please include valid "
                           "arguments");
    g_assert_null(object_resolve_path("/machine/peripheral/ld2", NULL));

    object_unparent(OBJECT(dev));
    object_unparent(OBJECT(anon));
}

static void test_device_add_bus(void)
{
    DeviceState *br = test_sysdev_new(TYPE_TEST_BRIDGE, "br");
    QemuOpts *opts;
    DeviceState *dev;

    sysbus_realize(SYS_BUS_DEVICE(br), &error_abort);
    /* No bus= given: the first test-bus in the tree. */
    opts = parse_opts("test-busdev,id=b1,level=9", "driver");
    dev = qdev_device_add(opts, &error_abort);
    qemu_opts_free(opts);
    g_assert_true(dev->parent_bus == qdev_get_child_bus(br, "tb"));
    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "level", NULL),
                     ==, 9);
    /* Full now, so no test-bus with room remains. */
    check_device_add_error("test-busdev,bus=tb", "Bus 'tb' is full");
    check_device_add_error("test-busdev", "No 'test-bus' bus found for "
                           "device 'test-busdev'");

    /* device_del: unparenting unrealizes and unplugs. */
    object_unparent(OBJECT(dev));
    g_assert_cmpuint(qdev_get_child_bus(br, "tb")->children->len, ==, 0);
    qdev_unrealize(br);
    object_unref(br);
}

static void test_loader_errors(void)
{
    check_device_add_error("loader", "please include valid arguments");
    check_device_add_error("loader,data=1", "Both data and data-len must be "
                           "specified");
    check_device_add_error("loader,data-be=on", "Both data and data-len "
                           "must be specified");
    check_device_add_error("loader,data=1,data-len=9", "data-len cannot be "
                           "greater then 8 bytes");
    check_device_add_error("loader,data=1,data-len=4,file=/nonexistent",
                           "Specifying a file is not supported when loading "
                           "memory values");
    check_device_add_error("loader,data=1,data-len=4,force-raw=on",
                           "Specifying force-raw is not supported when "
                           "loading memory values");
    check_device_add_error("loader,addr=0x1000", "cpu_num must be specified "
                           "when setting a program counter");
    check_device_add_error("loader,addr=0x1000,cpu-num=0", "cpu-num: no CPUs "
                           "yet: not supported by Kestrel yet");
    check_device_add_error("loader,file=/nonexistent/x", "Cannot load "
                           "specified image /nonexistent/x");
}

static MemoryRegion *test_ram;

static void test_loader_reset(void)
{
    const char *img = "hello";
    char *path = g_build_filename(g_get_tmp_dir(), "test-qdev-XXXXXX", NULL);
    uint8_t buf[8];
    DeviceState *le, *be, *file;
    QemuOpts *opts;
    char *str;
    int fd;

    fd = g_mkstemp(path);
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, img, 5), ==, 5);
    close(fd);

    opts = parse_opts("loader,addr=0x100,data=0x11223344,data-len=4",
                      "driver");
    le = qdev_device_add(opts, &error_abort);
    qemu_opts_free(opts);
    opts = parse_opts("loader,addr=0x200,data=0x11223344,data-len=3,"
                      "data-be=on", "driver");
    be = qdev_device_add(opts, &error_abort);
    qemu_opts_free(opts);
    str = g_strdup_printf("loader,addr=0x300,file=%s", path);
    opts = parse_opts(str, "driver");
    file = qdev_device_add(opts, &error_abort);
    qemu_opts_free(opts);
    g_free(str);

    /* Nothing is written until the system resets. */
    address_space_read(&address_space_memory, 0x100, buf, 4);
    g_assert_cmpmem(buf, 4, "\0\0\0\0", 4);
    qemu_devices_reset();
    address_space_read(&address_space_memory, 0x100, buf, 5);
    g_assert_cmpmem(buf, 5, "\x44\x33\x22\x11\0", 5);
    address_space_read(&address_space_memory, 0x200, buf, 4);
    g_assert_cmpmem(buf, 4, "\x22\x33\x44\0", 4);
    address_space_read(&address_space_memory, 0x300, buf, 6);
    g_assert_cmpmem(buf, 6, "hello\0", 6);

    /* And again at the next reset, over whatever the guest wrote. */
    memset(buf, 0xff, sizeof(buf));
    address_space_write(&address_space_memory, 0x100, buf, 4);
    qemu_devices_reset();
    address_space_read(&address_space_memory, 0x100, buf, 4);
    g_assert_cmpmem(buf, 4, "\x44\x33\x22\x11", 4);

    object_unparent(OBJECT(le));
    object_unparent(OBJECT(be));
    object_unparent(OBJECT(file));
    unlink(path);
    g_free(path);
}

static void test_loader_elf(void)
{
    static const uint8_t elf[8] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
    char *path = g_build_filename(g_get_tmp_dir(), "test-qdev-XXXXXX", NULL);
    char *str;
    int fd = g_mkstemp(path);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, elf, sizeof(elf)), ==, sizeof(elf));
    close(fd);
    str = g_strdup_printf("loader,file=%s", path);
    check_device_add_error(str, "loader: ELF files are not supported by "
                           "Kestrel yet");
    g_free(str);
    unlink(path);
    g_free(path);
}

static Object *backend_add(const char *str, Error **errp)
{
    QemuOpts *opts = parse_opts(str, "qom-type");
    Object *obj = user_creatable_add_opts(opts, errp);

    qemu_opts_free(opts);
    return obj;
}

static void check_backend_error(const char *str, const char *msg)
{
    Error *err = NULL;

    g_assert_null(backend_add(str, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_memory_backend(void)
{
    Object *obj = backend_add("memory-backend-ram,id=mb0,size=1M,"
                              "prealloc=on,dump=off", &error_abort);
    HostMemoryBackend *b = MEMORY_BACKEND(obj);
    MemoryRegion *mr = host_memory_backend_get_memory(b);
    Error *err = NULL;

    g_assert_nonnull(mr);
    g_assert_cmpstr(memory_region_name(mr), ==, "mb0");
    g_assert_cmpuint(memory_region_size(mr), ==, 1 * MiB);
    g_assert_true(memory_region_is_ram(mr));
    g_assert_nonnull(memory_region_get_ram_ptr(mr));
    g_assert_true(object_class_is_abstract(
        object_class_by_name(TYPE_MEMORY_BACKEND)));
    /* Fixed once created. */
    g_assert_false(object_property_parse(obj, "size", "2M", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot change property 'size' of memory-backend-ram");
    error_free(err);

    check_backend_error("memory-backend-ram,id=mb1",
                        "Parameter 'size' is missing");
    check_backend_error("memory-backend-ram,id=mb1,size=0",
                        "property 'size' of memory-backend-ram doesn't "
                        "take value '0'");
    check_backend_error("memory-backend-ram,id=mb1,size=1M,share=on",
                        "share=on: not supported by Kestrel yet");
    g_assert_null(object_resolve_path("/objects/mb1", NULL));
    g_assert_true(user_creatable_del("mb0", &error_abort));
}

static void test_machine(void)
{
    MachineClass *mc = machine_class_by_name("none");
    MachineState *ms;
    Object *backend;
    Error *err = NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *f;

    g_assert_nonnull(mc);
    g_assert_cmpstr(mc->name, ==, "none");
    g_assert_null(machine_class_by_name("nosuch"));
    g_assert_true(object_class_dynamic_cast(OBJECT_CLASS(mc), TYPE_MACHINE));

    f = open_memstream(&buf, &len);
    machine_print_list(f);
    fclose(f);
    g_assert_true(g_str_has_prefix(buf, "Supported machines are:\n"));
    g_assert_nonnull(strstr(buf, "\nnone                 empty machine\n"));
    free(buf);

    /* -m 64K: a "ram" region of that size. */
    ms = MACHINE(object_new(MACHINE_TYPE_NAME("none")));
    ms->ram_size = 64 * KiB;
    ms->ram_size_given = true;
    g_assert_true(machine_create_ram(ms, &error_abort));
    g_assert_cmpstr(memory_region_name(ms->ram), ==, "ram");
    g_assert_cmpuint(memory_region_size(ms->ram), ==, 64 * KiB);
    object_unref(ms);

    /* -machine memory-backend=mm0: the backend's region and size. */
    backend = backend_add("memory-backend-ram,id=mm0,size=2M",
                          &error_abort);
    ms = MACHINE(object_new(MACHINE_TYPE_NAME("none")));
    g_assert_true(object_property_parse(OBJECT(ms), "memory-backend", "mm0",
                                        &error_abort));
    ms->ram_size = 1 * MiB;
    ms->ram_size_given = true;
    g_assert_false(machine_create_ram(ms, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Machine memory size does "
                    "not match the size of the memory backend");
    error_free(err);
    err = NULL;
    ms->ram_size_given = false;
    g_assert_true(machine_create_ram(ms, &error_abort));
    g_assert_true(ms->ram ==
                  host_memory_backend_get_memory(MEMORY_BACKEND(backend)));
    g_assert_cmpuint(ms->ram_size, ==, 2 * MiB);
    object_unref(ms);

    ms = MACHINE(object_new(MACHINE_TYPE_NAME("none")));
    object_property_parse(OBJECT(ms), "memory-backend", "nosuch",
                          &error_abort);
    g_assert_false(machine_create_ram(ms, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Memory backend 'nosuch' not found");
    error_free(err);
    object_unref(ms);
    user_creatable_del("mm0", &error_abort);
}

static void test_device_help(void)
{
    QemuOpts *opts;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    qdev_print_device_list(f);
    fclose(f);
    g_assert_nonnull(strstr(buf, "Misc devices:\nname \"loader\", desc "
                            "\"Generic Loader\"\n"));
    g_assert_nonnull(strstr(buf, "Uncategorized devices:\nname "
                            "\"test-busdev\", bus test-bus, desc \"Test bus "
                            "device\"\n"));
    /* Not user creatable: not listed. */
    g_assert_null(strstr(buf, "test-sysdev"));
    free(buf);

    opts = parse_opts("loader,help", "driver");
    buf = NULL;
    f = open_memstream(&buf, &len);
    g_assert_true(qdev_device_help(opts, f));
    fclose(f);
    g_assert_true(g_str_has_prefix(buf, "loader options:\n  addr=<uint64>"));
    g_assert_nonnull(strstr(buf, "cpu-num=<uint32>       -  (default: "
                            "4294967295)\n"));
    free(buf);
    qemu_opts_free(opts);

    opts = parse_opts("loader,data=1", "driver");
    g_assert_false(qdev_device_help(opts, stdout));
    qemu_opts_free(opts);
}

static void test_qtree(void)
{
    DeviceState *br = test_sysdev_new(TYPE_TEST_BRIDGE, "br");
    DeviceState *c1 = test_sysdev_new(TYPE_TEST_BUSDEV, "c1");
    DeviceState *plain = test_sysdev_new(TYPE_TEST_SYSDEV, NULL);
    GString *out = g_string_new(NULL);
    Error *err = NULL;

    g_assert_nonnull(qemu_chr_new("tc0", "null", &error_abort));
    g_assert_false(object_property_parse(OBJECT(c1), "chardev", "nosuch",
                                         &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-busdev.chardev' can't find value "
                    "'nosuch'");
    error_free(err);
    object_property_parse(OBJECT(c1), "chardev", "tc0", &error_abort);

    sysbus_realize(SYS_BUS_DEVICE(plain), &error_abort);
    object_property_parse(OBJECT(br), "label", "x", &error_abort);
    sysbus_realize(SYS_BUS_DEVICE(br), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(br), 0, 0x30000000);
    qdev_realize(c1, qdev_get_child_bus(br, "tb"), &error_abort);

    qdev_tree_info(out);
    g_assert_cmpstr(out->str, ==,
        "bus: main-system-bus\n"
        "  type System\n"
        "  dev: test-bridge, id \"br\"\n"
        "    gpio-in \"ctl\" 1\n"
        "    gpio-in \"\" 2\n"
        "    gpio-out \"\" 2\n"
        "    gpio-out \"sysbus-irq\" 1\n"
        "    num = 7 (0x7)\n"
        "    fail = false\n"
        "    label = \"x\"\n"
        "    mmio 0000000030000000/0000000000001000\n"
        "    bus: tb\n"
        "      type test-bus\n"
        "      dev: test-busdev, id \"c1\"\n"
        "        level = 3 (0x3)\n"
        "        chardev = \"tc0\"\n"
        "  dev: test-sysdev, id \"\"\n"
        "    gpio-in \"ctl\" 1\n"
        "    gpio-in \"\" 2\n"
        "    gpio-out \"\" 2\n"
        "    gpio-out \"sysbus-irq\" 1\n"
        "    num = 7 (0x7)\n"
        "    fail = false\n"
        "    label = \"\"\n"
        "    mmio ffffffffffffffff/0000000000001000\n");
    g_string_free(out, true);

    memory_region_del_subregion(get_system_memory(), &TEST_SYSDEV(br)->mmio);
    qdev_unrealize(br);
    qdev_unrealize(plain);
    object_unref(c1);   /* releases the chardev */
    object_unref(br);
    object_unref(plain);
    g_assert_nonnull(qemu_chr_find("tc0"));
}

/*
 * Parentless devices land in /machine/unattached once /machine exists
 * (-device already made the /machine container in an earlier test).
 */
static void test_unattached(void)
{
    DeviceState *dev = test_sysdev_new(TYPE_TEST_SYSDEV, NULL);
    Object *parent;

    container_get(object_get_root(), "/machine");
    sysbus_realize(SYS_BUS_DEVICE(dev), &error_abort);
    parent = object_get_parent(OBJECT(dev));
    g_assert_nonnull(parent);
    g_assert_true(parent == object_resolve_path("/machine/unattached",
                                                NULL));
    g_assert_true(g_str_has_prefix(
        object_get_canonical_path_component(OBJECT(dev)), "device["));
    g_assert_true(object_resolve_path("/machine/unattached/sysbus", NULL) ==
                  OBJECT(sysbus_get_default()));
    qdev_unrealize(dev);
    object_unref(dev);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    test_log = g_string_new(NULL);
    type_register_static_array(test_types, ARRAY_SIZE(test_types));
    memory_map_init();
    /* Guest RAM for the loader tests. */
    test_ram = g_new0(MemoryRegion, 1);
    memory_region_init_ram(test_ram, NULL, "test-ram", 64 * KiB,
                           &error_abort);
    memory_region_add_subregion(get_system_memory(), 0, test_ram);

    g_test_add_func("/qdev/irq", test_irq);
    g_test_add_func("/qdev/realize-unrealize", test_realize_unrealize);
    g_test_add_func("/qdev/realize-failure", test_realize_failure);
    g_test_add_func("/qdev/bus-plug", test_bus_plug);
    g_test_add_func("/qdev/reset-order", test_reset_order);
    g_test_add_func("/qdev/gpio", test_gpio);
    g_test_add_func("/qdev/sysbus-mmio", test_sysbus_mmio);
    g_test_add_func("/qdev/device-add", test_device_add);
    g_test_add_func("/qdev/device-add-bus", test_device_add_bus);
    g_test_add_func("/qdev/loader-errors", test_loader_errors);
    g_test_add_func("/qdev/loader-reset", test_loader_reset);
    g_test_add_func("/qdev/loader-elf", test_loader_elf);
    g_test_add_func("/qdev/memory-backend", test_memory_backend);
    g_test_add_func("/qdev/machine", test_machine);
    g_test_add_func("/qdev/device-help", test_device_help);
    g_test_add_func("/qdev/qtree", test_qtree);
    g_test_add_func("/qdev/unattached", test_unattached);
    return g_test_run();
}
