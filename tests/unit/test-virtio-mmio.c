/*
 * Unit tests for hw/virtio/virtio.c and hw/virtio/virtio-mmio.c: the
 * transport driven the way Linux's virtio_mmio driver does (legacy and
 * modern layouts), with a tiny echo backend defined here that turns each
 * chain's readable bytes into upper case in its writable part. Register
 * offsets and ring layouts are written out from the Virtio 1.1 spec.
 */
#include "qemu/osdep.h"
#include "hw/virtio/virtio-mmio.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

#define LEGACY_BASE 0x0a000000
#define EMPTY_BASE  0x0a000200
#define MODERN_BASE 0x0a000400
#define RAM_BASE    0x40000000
#define RAM_SIZE    0x20000
#define RING        (RAM_BASE + 0x1000)     /* page-aligned ring area */
#define BUF         (RAM_BASE + 0x8000)
#define QSIZE       8
#define ECHO_ID     0x2a

/* Registers. */
#define MAGIC 0x000
#define VERSION 0x004
#define DEVICE_ID 0x008
#define VENDOR_ID 0x00c
#define HOST_FEATURES 0x010
#define HOST_FEATURES_SEL 0x014
#define GUEST_FEATURES 0x020
#define GUEST_FEATURES_SEL 0x024
#define GUEST_PAGE_SIZE 0x028
#define QUEUE_SEL 0x030
#define QUEUE_NUM_MAX 0x034
#define QUEUE_NUM 0x038
#define QUEUE_ALIGN 0x03c
#define QUEUE_PFN 0x040
#define QUEUE_READY 0x044
#define QUEUE_NOTIFY 0x050
#define INTERRUPT_STATUS 0x060
#define INTERRUPT_ACK 0x064
#define STATUS 0x070
#define QUEUE_DESC_LOW 0x080
#define QUEUE_DESC_HIGH 0x084
#define QUEUE_AVAIL_LOW 0x090
#define QUEUE_AVAIL_HIGH 0x094
#define QUEUE_USED_LOW 0x0a0
#define QUEUE_USED_HIGH 0x0a4
#define CONFIG_GENERATION 0x0fc
#define CONFIG 0x100

#define F_NEXT 1
#define F_WRITE 2
#define F_INDIRECT 4

/* ---- the echo backend ---- */

#define TYPE_TEST_ECHO "test-virtio-echo"

typedef struct TestEcho {
    VirtIODevice parent_obj;
    VirtQueue *vq;
    int get_config_calls;
    uint8_t last_set_config[8];
} TestEcho;

#define TEST_ECHO(obj) OBJECT_CHECK(TestEcho, (obj), TYPE_TEST_ECHO)

static void echo_handle(VirtIODevice *vdev, VirtQueue *vq)
{
    VirtQueueElement *e;

    while ((e = virtqueue_pop(vq))) {
        uint8_t buf[256];
        size_t n = virtqueue_elem_read(vq, e, 0, buf, sizeof(buf));

        for (size_t i = 0; i < n; i++) {
            buf[i] = g_ascii_toupper(buf[i]);
        }
        n = virtqueue_elem_write(vq, e, 0, buf, MIN(n, e->in_len));
        virtqueue_push(vq, e, n);
        g_free(e);
    }
    virtio_notify(vdev, vq);
}

static void echo_get_config(VirtIODevice *vdev, uint8_t *config)
{
    TestEcho *t = TEST_ECHO(vdev);

    t->get_config_calls++;
    config[0] = 0x11;
    config[1] = 0x22;
    config[2] = 0x33;
    config[3] = 0x44;
}

static void echo_set_config(VirtIODevice *vdev, const uint8_t *config)
{
    memcpy(TEST_ECHO(vdev)->last_set_config, config, 8);
}

static bool echo_realize(VirtIODevice *vdev, Error **errp)
{
    TestEcho *t = TEST_ECHO(vdev);

    virtio_init(vdev, ECHO_ID, 8);
    vdev->host_features = 1ULL | (1ULL << VIRTIO_RING_F_INDIRECT_DESC) |
                          (1ULL << VIRTIO_RING_F_EVENT_IDX);
    t->vq = virtio_add_queue(vdev, QSIZE, echo_handle);
    return true;
}

static void echo_class_init(ObjectClass *klass, void *data)
{
    VirtioDeviceClass *k = VIRTIO_DEVICE_CLASS(klass);

    k->realize = echo_realize;
    k->get_config = echo_get_config;
    k->set_config = echo_set_config;
}

static const TypeInfo echo_type = {
    .name = TYPE_TEST_ECHO,
    .parent = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(TestEcho),
    .class_init = echo_class_init,
};

/* ---- the board ---- */

typedef struct Transport {
    hwaddr base;
    DeviceState *proxy;
    VirtIODevice *vdev;
    int irq_level;
    /* The driver's view of its queue 0. */
    uint64_t desc, avail, used;
    uint16_t avail_idx;
    uint16_t used_seen;
} Transport;

static Transport legacy_t = { .base = LEGACY_BASE };
static Transport empty_t = { .base = EMPTY_BASE };
static Transport modern_t = { .base = MODERN_BASE };
static MemoryRegion ram;

static void irq_handler(void *opaque, int n, int level)
{
    ((Transport *)opaque)->irq_level = level;
}

static void transport_create(Transport *t, bool legacy, bool backend)
{
    DeviceState *dev = qdev_new(TYPE_VIRTIO_MMIO);

    g_assert_true(object_property_set_bool(OBJECT(dev), "force-legacy",
                                           legacy, &error_abort));
    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev),
                                           &error_abort));
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, t->base);
    sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0,
                       qemu_allocate_irq(irq_handler, t, 0));
    t->proxy = dev;
    if (backend) {
        DeviceState *be = qdev_new(TYPE_TEST_ECHO);

        g_assert_true(qdev_realize_and_unref(be, virtio_mmio_get_bus(dev),
                                             &error_abort));
        t->vdev = VIRTIO_DEVICE(be);
    }
}

static uint32_t rd(Transport *t, hwaddr off)
{
    uint32_t v = 0xdeadbeef;

    address_space_read(&address_space_memory, t->base + off, &v, 4);
    return GUINT32_FROM_LE(v);
}

static void wr(Transport *t, hwaddr off, uint32_t val)
{
    uint32_t le = GUINT32_TO_LE(val);

    address_space_write(&address_space_memory, t->base + off, &le, 4);
}

static void mem_w16(uint64_t addr, uint16_t v)
{
    v = GUINT16_TO_LE(v);
    address_space_write(&address_space_memory, addr, &v, 2);
}

static void mem_w32(uint64_t addr, uint32_t v)
{
    v = GUINT32_TO_LE(v);
    address_space_write(&address_space_memory, addr, &v, 4);
}

static void mem_w64(uint64_t addr, uint64_t v)
{
    v = GUINT64_TO_LE(v);
    address_space_write(&address_space_memory, addr, &v, 8);
}

static uint16_t mem_r16(uint64_t addr)
{
    uint16_t v;

    address_space_read(&address_space_memory, addr, &v, 2);
    return GUINT16_FROM_LE(v);
}

static uint32_t mem_r32(uint64_t addr)
{
    uint32_t v;

    address_space_read(&address_space_memory, addr, &v, 4);
    return GUINT32_FROM_LE(v);
}

static void clear_ram(void)
{
    memset(memory_region_get_ram_ptr(&ram), 0, RAM_SIZE);
}

/* ---- a minimal driver ---- */

static void set_desc(uint64_t table, unsigned i, uint64_t addr, uint32_t len,
                     uint16_t flags, uint16_t next)
{
    uint64_t d = table + 16 * i;

    mem_w64(d, addr);
    mem_w32(d + 8, len);
    mem_w16(d + 12, flags);
    mem_w16(d + 14, next);
}

/* Publish head in the avail ring and kick queue 0. */
static void kick(Transport *t, uint16_t head)
{
    mem_w16(t->avail + 4 + 2 * (t->avail_idx % QSIZE), head);
    t->avail_idx++;
    mem_w16(t->avail + 2, t->avail_idx);
    wr(t, QUEUE_NOTIFY, 0);
}

static uint16_t used_idx(Transport *t)
{
    return mem_r16(t->used + 2);
}

/* Legacy probe as Linux does it: one queue at RING, page size 4096. */
static void legacy_setup(Transport *t)
{
    clear_ram();
    wr(t, STATUS, 0);
    wr(t, STATUS, 1);
    wr(t, STATUS, 1 | 2);
    wr(t, GUEST_FEATURES_SEL, 0);
    wr(t, GUEST_FEATURES, rd(t, HOST_FEATURES));
    wr(t, GUEST_PAGE_SIZE, 4096);
    wr(t, QUEUE_SEL, 0);
    g_assert_cmpuint(rd(t, QUEUE_PFN), ==, 0);
    g_assert_cmpuint(rd(t, QUEUE_NUM_MAX), ==, QSIZE);
    wr(t, QUEUE_NUM, QSIZE);
    wr(t, QUEUE_ALIGN, 4096);
    wr(t, QUEUE_PFN, RING / 4096);
    wr(t, STATUS, 1 | 2 | 4);
    t->desc = RING;
    t->avail = RING + 16 * QSIZE;
    /* used at the next 4096 boundary after avail (flags, idx, ring, event) */
    t->used = (t->avail + 4 + 2 * QSIZE + 2 + 4095) & ~4095ULL;
    t->avail_idx = 0;
}

static void modern_setup(Transport *t, uint64_t features)
{
    clear_ram();
    wr(t, STATUS, 0);
    wr(t, STATUS, 1 | 2);
    wr(t, GUEST_FEATURES_SEL, 0);
    wr(t, GUEST_FEATURES, (uint32_t)features);
    wr(t, GUEST_FEATURES_SEL, 1);
    wr(t, GUEST_FEATURES, features >> 32);
    wr(t, STATUS, 1 | 2 | 8);
    g_assert_cmpuint(rd(t, STATUS) & 8, ==, 8);
    t->desc = RING;
    t->avail = RING + 0x400;
    t->used = RING + 0x800;
    t->avail_idx = 0;
    wr(t, QUEUE_SEL, 0);
    g_assert_cmpuint(rd(t, QUEUE_READY), ==, 0);
    wr(t, QUEUE_NUM, QSIZE);
    wr(t, QUEUE_DESC_LOW, (uint32_t)t->desc);
    wr(t, QUEUE_DESC_HIGH, t->desc >> 32);
    wr(t, QUEUE_AVAIL_LOW, (uint32_t)t->avail);
    wr(t, QUEUE_AVAIL_HIGH, t->avail >> 32);
    wr(t, QUEUE_USED_LOW, (uint32_t)t->used);
    wr(t, QUEUE_USED_HIGH, t->used >> 32);
    wr(t, QUEUE_READY, 1);
    g_assert_cmpuint(rd(t, QUEUE_READY), ==, 1);
    wr(t, STATUS, 1 | 2 | 8 | 4);
}

/* One echo round trip through descriptors 0 (out) and 1 (in). */
static void echo_once(Transport *t, const char *text)
{
    size_t len = strlen(text);
    uint16_t before = used_idx(t);
    char out[64] = { 0 };
    g_autofree char *upper = g_ascii_strup(text, -1);

    address_space_write(&address_space_memory, BUF, text, len);
    set_desc(t->desc, 0, BUF, len, F_NEXT, 1);
    set_desc(t->desc, 1, BUF + 0x100, 64, F_WRITE, 0);
    kick(t, 0);
    g_assert_cmpuint(used_idx(t), ==, (uint16_t)(before + 1));
    g_assert_cmpuint(mem_r32(t->used + 4 + 8 * (before % QSIZE)), ==, 0);
    g_assert_cmpuint(mem_r32(t->used + 8 + 8 * (before % QSIZE)), ==, len);
    address_space_read(&address_space_memory, BUF + 0x100, out, len);
    g_assert_cmpstr(out, ==, upper);
}

/* ---- tests ---- */

static void test_no_backend(void)
{
    Transport *t = &empty_t;

    g_assert_cmphex(rd(t, MAGIC), ==, 0x74726976);
    g_assert_cmphex(rd(t, VERSION), ==, 1);
    g_assert_cmphex(rd(t, DEVICE_ID), ==, 0);
    g_assert_cmphex(rd(t, VENDOR_ID), ==, 0x554d4551);
    g_assert_cmphex(rd(t, HOST_FEATURES), ==, 0);
    g_assert_cmphex(rd(t, QUEUE_NUM_MAX), ==, 0);
    g_assert_cmphex(rd(t, STATUS), ==, 0);
    /* Writes have nothing to reach. */
    wr(t, STATUS, 7);
    wr(t, QUEUE_NOTIFY, 0);
    wr(t, CONFIG, 1);
    g_assert_cmphex(rd(t, STATUS), ==, 0);
    g_assert_cmphex(rd(t, CONFIG), ==, 0);
    g_assert_cmpint(t->irq_level, ==, 0);
}

static void test_legacy_registers(void)
{
    Transport *t = &legacy_t;

    g_assert_cmphex(rd(t, MAGIC), ==, 0x74726976);
    g_assert_cmphex(rd(t, VERSION), ==, 1);
    g_assert_cmphex(rd(t, DEVICE_ID), ==, ECHO_ID);
    g_assert_cmphex(rd(t, VENDOR_ID), ==, 0x554d4551);
    /* Offered: bit 0 and indirect descriptors; never event index, and no
     * VERSION_1 in the legacy layout. */
    wr(t, HOST_FEATURES_SEL, 0);
    g_assert_cmphex(rd(t, HOST_FEATURES), ==, 0x10000001);
    wr(t, HOST_FEATURES_SEL, 1);
    g_assert_cmphex(rd(t, HOST_FEATURES), ==, 0);
    wr(t, HOST_FEATURES_SEL, 0);
    legacy_setup(t);
    g_assert_cmphex(t->vdev->guest_features, ==, 0x10000001);
    g_assert_cmphex(rd(t, STATUS), ==, 7);
    g_assert_cmphex(rd(t, QUEUE_PFN), ==, RING / 4096);
    /* Modern-only registers are refused and read 0. */
    g_assert_cmphex(rd(t, QUEUE_READY), ==, 0);
    g_assert_cmphex(rd(t, CONFIG_GENERATION), ==, 0);
    wr(t, QUEUE_DESC_LOW, 0x1234);
    g_assert_cmphex(rd(t, QUEUE_PFN), ==, RING / 4096);
    /* Queues that do not exist. */
    wr(t, QUEUE_SEL, 1);
    g_assert_cmphex(rd(t, QUEUE_NUM_MAX), ==, 0);
    wr(t, QUEUE_SEL, 5000);     /* out of range: ignored */
    g_assert_cmphex(rd(t, QUEUE_NUM_MAX), ==, 0);
    wr(t, QUEUE_SEL, 0);
    g_assert_cmphex(rd(t, QUEUE_NUM_MAX), ==, QSIZE);
    wr(t, QUEUE_NOTIFY, 1);
    wr(t, QUEUE_NOTIFY, 0xffffffff);
    /* Bad sizes. */
    wr(t, QUEUE_NUM, 0);
    wr(t, QUEUE_NUM, QSIZE * 2);
    g_assert_cmpuint(virtio_queue_get_num(t->vdev, 0), ==, QSIZE);
    /* Unknown offsets and narrow accesses read 0. */
    g_assert_cmphex(rd(t, 0x018), ==, 0);
    g_assert_cmphex(rd(t, 0x0f8), ==, 0);
    {
        uint16_t h = 0xffff;

        address_space_read(&address_space_memory, t->base + MAGIC, &h, 2);
        g_assert_cmphex(h, ==, 0);
    }
}

static void test_legacy_io(void)
{
    Transport *t = &legacy_t;

    legacy_setup(t);
    echo_once(t, "hello");
    g_assert_cmphex(rd(t, INTERRUPT_STATUS), ==, 1);
    g_assert_cmpint(t->irq_level, ==, 1);
    wr(t, INTERRUPT_ACK, 1);
    g_assert_cmphex(rd(t, INTERRUPT_STATUS), ==, 0);
    g_assert_cmpint(t->irq_level, ==, 0);
    /* Round the ring more than once. */
    for (int i = 0; i < 2 * QSIZE + 3; i++) {
        echo_once(t, "abc");
    }
    g_assert_cmpuint(used_idx(t), ==, 2 * QSIZE + 4);
    /* The driver may ask for no interrupts. */
    wr(t, INTERRUPT_ACK, 3);
    mem_w16(t->avail, 1);
    echo_once(t, "quiet");
    g_assert_cmpint(t->irq_level, ==, 0);
    mem_w16(t->avail, 0);
    /* Several segments each way, read and written across boundaries. */
    address_space_write(&address_space_memory, BUF, "ab", 2);
    address_space_write(&address_space_memory, BUF + 0x10, "cde", 3);
    set_desc(t->desc, 2, BUF, 2, F_NEXT, 5);
    set_desc(t->desc, 5, BUF + 0x10, 3, F_NEXT, 7);
    set_desc(t->desc, 7, BUF + 0x200, 1, F_NEXT | F_WRITE, 3);
    set_desc(t->desc, 3, BUF + 0x300, 10, F_WRITE, 0);
    {
        uint16_t before = used_idx(t);
        char a = 0, b[8] = { 0 };

        kick(t, 2);
        g_assert_cmpuint(used_idx(t), ==, (uint16_t)(before + 1));
        g_assert_cmpuint(mem_r32(t->used + 4 + 8 * (before % QSIZE)), ==, 2);
        g_assert_cmpuint(mem_r32(t->used + 8 + 8 * (before % QSIZE)), ==, 5);
        address_space_read(&address_space_memory, BUF + 0x200, &a, 1);
        address_space_read(&address_space_memory, BUF + 0x300, b, 4);
        g_assert_cmpint(a, ==, 'A');
        g_assert_cmpstr(b, ==, "BCDE");
    }
}

static void test_legacy_resize(void)
{
    Transport *t = &legacy_t;

    /* A smaller queue set after QueuePFN moves avail and used with it. */
    legacy_setup(t);
    wr(t, QUEUE_NUM, 4);
    g_assert_cmphex(rd(t, QUEUE_PFN), ==, RING / 4096);
    t->avail = RING + 16 * 4;
    t->used = (t->avail + 4 + 2 * 4 + 2 + 4095) & ~4095ULL;
    address_space_write(&address_space_memory, BUF, "q", 1);
    set_desc(t->desc, 0, BUF, 1, F_NEXT, 1);
    set_desc(t->desc, 1, BUF + 0x100, 4, F_WRITE, 0);
    mem_w16(t->avail + 4, 0);
    mem_w16(t->avail + 2, 1);
    wr(t, QUEUE_NOTIFY, 0);
    g_assert_cmpuint(mem_r16(t->used + 2), ==, 1);
    g_assert_cmpuint(mem_r32(t->used + 8), ==, 1);
    g_assert_false(t->vdev->broken);
}

static void test_indirect(void)
{
    Transport *t = &legacy_t;
    uint64_t table = RAM_BASE + 0x6000;
    char out[8] = { 0 };

    legacy_setup(t);
    address_space_write(&address_space_memory, BUF, "xyz", 3);
    set_desc(table, 0, BUF, 3, F_NEXT, 1);
    set_desc(table, 1, BUF + 0x100, 8, F_WRITE, 0);
    set_desc(t->desc, 4, table, 32, F_INDIRECT, 0);
    kick(t, 4);
    g_assert_cmpuint(used_idx(t), ==, 1);
    g_assert_cmpuint(mem_r32(t->used + 4), ==, 4);
    address_space_read(&address_space_memory, BUF + 0x100, out, 3);
    g_assert_cmpstr(out, ==, "XYZ");
    g_assert_false(t->vdev->broken);

    /* Nested indirect tables are refused. */
    set_desc(table, 0, table, 16, F_INDIRECT, 0);
    kick(t, 4);
    g_assert_true(t->vdev->broken);
    g_assert_cmpuint(used_idx(t), ==, 1);
    /* A table whose length is not whole descriptors. */
    legacy_setup(t);
    set_desc(t->desc, 0, table, 17, F_INDIRECT, 0);
    kick(t, 0);
    g_assert_true(t->vdev->broken);
    /* Not negotiated: refused. */
    legacy_setup(t);
    wr(t, GUEST_FEATURES, 1);
    set_desc(table, 0, BUF, 3, 0, 0);
    set_desc(t->desc, 0, table, 16, F_INDIRECT, 0);
    kick(t, 0);
    g_assert_true(t->vdev->broken);
}

typedef void (*BreakFn)(Transport *t);

static void break_head_range(Transport *t)
{
    kick(t, QSIZE);                         /* head beyond the table */
}

static void break_avail_jump(Transport *t)
{
    set_desc(t->desc, 0, BUF, 4, 0, 0);
    mem_w16(t->avail + 2, QSIZE + 1);       /* more than the ring holds */
    wr(t, QUEUE_NOTIFY, 0);
}

static void break_loop(Transport *t)
{
    set_desc(t->desc, 0, BUF, 4, F_NEXT, 1);
    set_desc(t->desc, 1, BUF, 4, F_NEXT, 0);
    kick(t, 0);
}

static void break_next_range(Transport *t)
{
    set_desc(t->desc, 0, BUF, 4, F_NEXT, 0xffff);
    kick(t, 0);
}

static void break_buffer_outside(Transport *t)
{
    set_desc(t->desc, 0, 0x7000000000ULL, 4, 0, 0);
    kick(t, 0);
}

static void break_buffer_wraps(Transport *t)
{
    set_desc(t->desc, 0, 0xfffffffffffffff0ULL, 0x100, 0, 0);
    kick(t, 0);
}

static void break_buffer_past_ram(Transport *t)
{
    set_desc(t->desc, 0, RAM_BASE + RAM_SIZE - 8, 16, F_WRITE, 0);
    kick(t, 0);
}

static void break_buffer_mmio(Transport *t)
{
    /* Device registers are not RAM: no DMA into them. */
    set_desc(t->desc, 0, LEGACY_BASE, 4, F_WRITE, 0);
    kick(t, 0);
}

static void break_order(Transport *t)
{
    set_desc(t->desc, 0, BUF, 4, F_WRITE | F_NEXT, 1);
    set_desc(t->desc, 1, BUF + 0x10, 4, 0, 0);
    kick(t, 0);
}

static void test_hostile_guest(void)
{
    static const BreakFn breakers[] = {
        break_head_range, break_avail_jump, break_loop, break_next_range,
        break_buffer_outside, break_buffer_wraps, break_buffer_past_ram,
        break_buffer_mmio, break_order,
    };
    Transport *t = &legacy_t;

    for (size_t i = 0; i < G_N_ELEMENTS(breakers); i++) {
        legacy_setup(t);
        breakers[i](t);
        g_assert_true(t->vdev->broken);
        g_assert_cmpuint(used_idx(t), ==, 0);
        /* Broken: nothing more is popped, even a good chain. */
        set_desc(t->desc, 2, BUF, 1, 0, 0);
        kick(t, 2);
        g_assert_cmpuint(used_idx(t), ==, 0);
        /* A reset (status 0) mends it. */
        legacy_setup(t);
        g_assert_false(t->vdev->broken);
        echo_once(t, "ok");
    }
    /* A ring outside guest memory. */
    legacy_setup(t);
    wr(t, QUEUE_PFN, 0x7000000);                /* 0x7000000000 */
    wr(t, QUEUE_NOTIFY, 0);
    g_assert_true(t->vdev->broken);
    /* Config space out of range reads 0; a write changes nothing. */
    legacy_setup(t);
    g_assert_cmphex(rd(t, CONFIG + 8), ==, 0);
    g_assert_cmphex(rd(t, CONFIG + 0x100 - 4), ==, 0);
    wr(t, CONFIG + 8, 0xffffffff);
    wr(t, CONFIG + 0x80, 0xffffffff);
    g_assert_cmphex(rd(t, CONFIG + 4), ==, 0);
    /* Status 0 turned the queue off: notifies do nothing. */
    wr(t, STATUS, 0);
    g_assert_cmphex(rd(t, QUEUE_PFN), ==, 0);
    wr(t, QUEUE_NOTIFY, 0);
    g_assert_false(t->vdev->broken);
    /* QueuePFN before GuestPageSize is refused after a reset. */
    device_cold_reset(t->proxy);
    wr(t, QUEUE_PFN, RING / 4096);
    g_assert_cmphex(rd(t, QUEUE_PFN), ==, 0);
}

static void test_config(void)
{
    Transport *t = &legacy_t;
    TestEcho *e = TEST_ECHO(t->vdev);
    int calls = e->get_config_calls;
    uint8_t b;
    uint16_t h;

    legacy_setup(t);
    g_assert_cmphex(rd(t, CONFIG), ==, 0x44332211);
    g_assert_cmpint(e->get_config_calls, ==, calls + 1);
    address_space_read(&address_space_memory, t->base + CONFIG + 1, &b, 1);
    g_assert_cmphex(b, ==, 0x22);
    address_space_read(&address_space_memory, t->base + CONFIG + 2, &h, 2);
    g_assert_cmphex(GUINT16_FROM_LE(h), ==, 0x4433);
    wr(t, CONFIG + 4, 0xa1b2c3d4);
    g_assert_cmphex(e->last_set_config[4], ==, 0xd4);
    g_assert_cmphex(e->last_set_config[7], ==, 0xa1);
    g_assert_cmphex(rd(t, CONFIG + 4), ==, 0xa1b2c3d4);
}

static void test_modern(void)
{
    Transport *t = &modern_t;

    g_assert_cmphex(rd(t, VERSION), ==, 2);
    g_assert_cmphex(rd(t, DEVICE_ID), ==, ECHO_ID);
    wr(t, HOST_FEATURES_SEL, 1);
    g_assert_cmphex(rd(t, HOST_FEATURES), ==, 1);       /* VERSION_1 */
    wr(t, HOST_FEATURES_SEL, 0);
    g_assert_cmphex(rd(t, HOST_FEATURES), ==, 0x10000001);
    wr(t, HOST_FEATURES_SEL, 2);
    g_assert_cmphex(rd(t, HOST_FEATURES), ==, 0);
    /* Legacy-only registers are refused. */
    wr(t, GUEST_PAGE_SIZE, 4096);
    g_assert_cmphex(rd(t, QUEUE_PFN), ==, 0);

    /* Features take effect at FEATURES_OK, masked to what was offered. */
    modern_setup(t, (1ULL << 32) | (1ULL << 28) | 1 | (1ULL << 29));
    g_assert_cmphex(t->vdev->guest_features, ==,
                    (1ULL << 32) | (1ULL << 28) | 1);
    echo_once(t, "modern");
    g_assert_cmpint(t->irq_level, ==, 1);
    wr(t, INTERRUPT_ACK, 1);
    g_assert_cmpint(t->irq_level, ==, 0);

    /* With VERSION_1 a broken device says NEEDS_RESET and interrupts. */
    {
        uint32_t gen = rd(t, CONFIG_GENERATION);

        kick(t, 0x100);
        g_assert_true(t->vdev->broken);
        g_assert_cmphex(rd(t, STATUS) & 0x40, ==, 0x40);
        g_assert_cmphex(rd(t, INTERRUPT_STATUS) & 2, ==, 2);
        g_assert_cmpint(t->irq_level, ==, 1);
        g_assert_cmpuint(rd(t, CONFIG_GENERATION), !=, gen);
    }
    /* Reset: all back to the start. */
    wr(t, STATUS, 0);
    g_assert_cmphex(rd(t, STATUS), ==, 0);
    g_assert_cmphex(rd(t, INTERRUPT_STATUS), ==, 0);
    g_assert_cmpint(t->irq_level, ==, 0);
    g_assert_cmphex(rd(t, QUEUE_READY), ==, 0);
    g_assert_false(t->vdev->broken);
    modern_setup(t, 1ULL << 32);
    echo_once(t, "again");
    /* QueueReady 0 turns the queue off. */
    wr(t, QUEUE_READY, 0);
    g_assert_cmphex(rd(t, QUEUE_READY), ==, 0);
    kick(t, 0);
    g_assert_cmpuint(used_idx(t), ==, 1);
}

static void test_bus(void)
{
    DeviceState *extra = qdev_new(TYPE_TEST_ECHO);
    Error *err = NULL;

    /* One backend per transport. */
    g_assert_false(qdev_realize_and_unref(extra,
                                          virtio_mmio_get_bus(legacy_t.proxy),
                                          &err));
    g_assert_nonnull(err);
    error_free(err);
    g_assert_true(virtio_bus_get_device(virtio_mmio_get_bus(empty_t.proxy))
                  == NULL);
    g_assert_true(virtio_bus_get_device(virtio_mmio_get_bus(legacy_t.proxy))
                  == legacy_t.vdev);
    /* The create helper maps and wires one. */
    {
        DeviceState *d = virtio_mmio_create(0x0a000600, NULL, &error_abort);

        g_assert_nonnull(d);
        g_assert_cmphex(rd(&(Transport){ .base = 0x0a000600 }, MAGIC), ==,
                        0x74726976);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    type_register_static(&echo_type);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);
    transport_create(&legacy_t, true, true);
    transport_create(&empty_t, true, false);
    transport_create(&modern_t, false, true);

    g_test_add_func("/virtio-mmio/no-backend", test_no_backend);
    g_test_add_func("/virtio-mmio/legacy-registers", test_legacy_registers);
    g_test_add_func("/virtio-mmio/legacy-io", test_legacy_io);
    g_test_add_func("/virtio-mmio/legacy-resize", test_legacy_resize);
    g_test_add_func("/virtio-mmio/indirect", test_indirect);
    g_test_add_func("/virtio-mmio/hostile-guest", test_hostile_guest);
    g_test_add_func("/virtio-mmio/config", test_config);
    g_test_add_func("/virtio-mmio/modern", test_modern);
    g_test_add_func("/virtio-mmio/bus", test_bus);
    return g_test_run();
}
