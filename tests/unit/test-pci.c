/*
 * Unit tests for the PCI core (hw/pci), the i440FX host bridge
 * (hw/pci-host/i440fx.c) and the PIIX3 ISA bridge (hw/isa/piix3.c), driven
 * through configuration mechanism #1 at 0xcf8/0xcfc as a guest drives
 * them. IDs and register offsets are written out from the PCI Local Bus
 * spec and Intel's data sheets rather than taken from the headers.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/pci-host/i440fx.h"
#include "hw/southbridge/piix.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

#define TYPE_TEST_PCI "test-pci-dev"

static PCIBus *pcibus;
static PIIX3State *piix3;
static qemu_irq *pic;             /* what the ISA bus drives */
static int irq_level[ISA_NUM_IRQS];

static void pic_set_irq(void *opaque, int n, int level)
{
    irq_level[n] = level;
}

/* ---- a small test device: I/O BAR0 (16), mem BAR1 (4K), 64-bit BAR2 ---- */

typedef struct TestPCIState {
    PCIDevice dev;
    MemoryRegion io, mmio, mmio64;
    uint8_t last_write;
} TestPCIState;

static uint64_t test_pci_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0xa0 + addr;
}

static void test_pci_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    ((TestPCIState *)opaque)->last_write = val;
}

static const MemoryRegionOps test_pci_ops = {
    .read = test_pci_read,
    .write = test_pci_write,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static bool test_pci_realize(PCIDevice *dev, Error **errp)
{
    TestPCIState *s = (TestPCIState *)dev;

    memory_region_init_io(&s->io, OBJECT(dev), &test_pci_ops, s, "tio", 16);
    memory_region_init_io(&s->mmio, OBJECT(dev), &test_pci_ops, s, "tmem",
                          4096);
    memory_region_init_io(&s->mmio64, OBJECT(dev), &test_pci_ops, s,
                          "tmem64", 4096);
    pci_register_bar(dev, 0, 0x01, &s->io);
    pci_register_bar(dev, 1, 0x00, &s->mmio);
    pci_register_bar(dev, 2, 0x04, &s->mmio64);
    dev->config[0x3d] = 1;        /* INTA# */
    return true;
}

static void test_pci_exit(PCIDevice *dev)
{
    TestPCIState *s = (TestPCIState *)dev;

    memory_region_finalize(&s->io);
    memory_region_finalize(&s->mmio);
    memory_region_finalize(&s->mmio64);
}

static void test_pci_class_init(ObjectClass *klass, void *data)
{
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    pc->realize = test_pci_realize;
    pc->exit = test_pci_exit;
    pc->vendor_id = 0x1234;
    pc->device_id = 0x5678;
    pc->revision = 0x03;
    pc->class_id = 0x0200;
}

static const TypeInfo test_pci_type = {
    .name = TYPE_TEST_PCI,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TestPCIState),
    .class_init = test_pci_class_init,
};

/* ---- guest-side helpers ---- */

static uint32_t inl(uint16_t port)
{
    uint32_t v = 0;

    address_space_read(&address_space_io, port, &v, 4);
    return GUINT32_FROM_LE(v);
}

static uint16_t inw(uint16_t port)
{
    uint16_t v = 0;

    address_space_read(&address_space_io, port, &v, 2);
    return GUINT16_FROM_LE(v);
}

static uint8_t inb(uint16_t port)
{
    uint8_t v = 0;

    address_space_read(&address_space_io, port, &v, 1);
    return v;
}

static void outl(uint16_t port, uint32_t v)
{
    v = GUINT32_TO_LE(v);
    address_space_write(&address_space_io, port, &v, 4);
}

static void outw(uint16_t port, uint16_t v)
{
    v = GUINT16_TO_LE(v);
    address_space_write(&address_space_io, port, &v, 2);
}

static void outb(uint16_t port, uint8_t v)
{
    address_space_write(&address_space_io, port, &v, 1);
}

static uint32_t cfg_addr(int bus, int slot, int fn, int reg)
{
    return 0x80000000u | bus << 16 | slot << 11 | fn << 8 | (reg & 0xfc);
}

static uint32_t cfg_readl(int slot, int fn, int reg)
{
    outl(0xcf8, cfg_addr(0, slot, fn, reg));
    return inl(0xcfc);
}

static uint16_t cfg_readw(int slot, int fn, int reg)
{
    outl(0xcf8, cfg_addr(0, slot, fn, reg));
    return inw(0xcfc + (reg & 2));
}

static uint8_t cfg_readb(int slot, int fn, int reg)
{
    outl(0xcf8, cfg_addr(0, slot, fn, reg));
    return inb(0xcfc + (reg & 3));
}

static void cfg_writel(int slot, int fn, int reg, uint32_t v)
{
    outl(0xcf8, cfg_addr(0, slot, fn, reg));
    outl(0xcfc, v);
}

static void cfg_writew(int slot, int fn, int reg, uint16_t v)
{
    outl(0xcf8, cfg_addr(0, slot, fn, reg));
    outw(0xcfc + (reg & 2), v);
}

static void cfg_writeb(int slot, int fn, int reg, uint8_t v)
{
    outl(0xcf8, cfg_addr(0, slot, fn, reg));
    outb(0xcfc + (reg & 3), v);
}

static PCIDevice *test_dev_new(const char *addr)
{
    DeviceState *dev = qdev_new(TYPE_TEST_PCI);

    if (addr) {
        g_assert_true(object_property_parse(OBJECT(dev), "addr", addr,
                                            &error_abort));
    }
    g_assert_true(qdev_realize_and_unref(dev, BUS(pcibus), &error_abort));
    return PCI_DEVICE(dev);
}

/* ---- tests ---- */

static void test_host_bridge_ids(void)
{
    g_assert_cmphex(cfg_readl(0, 0, 0x00), ==, 0x12378086);
    /* class 06 00 00, revision 02 */
    g_assert_cmphex(cfg_readl(0, 0, 0x08), ==, 0x06000002);
    g_assert_cmphex(cfg_readb(0, 0, 0x0e), ==, 0x00);
    g_assert_cmphex(cfg_readw(0, 0, 0x2c), ==, 0x1af4);
    g_assert_cmphex(cfg_readw(0, 0, 0x2e), ==, 0x1100);
    /* SMRAM default per the 82441FX data sheet. */
    g_assert_cmphex(cfg_readb(0, 0, 0x72), ==, 0x02);
}

static void test_isa_bridge_ids(void)
{
    g_assert_cmphex(cfg_readl(1, 0, 0x00), ==, 0x70008086);
    g_assert_cmphex(cfg_readw(1, 0, 0x0a), ==, 0x0601);
    /* Multi-function header. */
    g_assert_cmphex(cfg_readb(1, 0, 0x0e), ==, 0x80);
    /* PIRQ route registers reset to "not routed". */
    g_assert_cmphex(cfg_readl(1, 0, 0x60), ==, 0x80808080);
    g_assert_nonnull(piix3_get_isa_bus(piix3));
    g_assert_cmpstr(BUS(piix3_get_isa_bus(piix3))->name, ==, "isa.0");
}

static void test_empty_slot(void)
{
    g_assert_cmphex(cfg_readl(0x1f, 0, 0x00), ==, 0xffffffff);
    g_assert_cmphex(cfg_readw(0x1f, 7, 0x02), ==, 0xffff);
    g_assert_cmphex(cfg_readb(0x1e, 0, 0x0e), ==, 0xff);
    /* Function 1 of the host bridge does not exist. */
    g_assert_cmphex(cfg_readl(0, 1, 0x00), ==, 0xffffffff);
    /* Bus 1 has nothing (no bridges). */
    outl(0xcf8, cfg_addr(1, 0, 0, 0));
    g_assert_cmphex(inl(0xcfc), ==, 0xffffffff);
    /* Enable bit clear: no config cycle at all. */
    outl(0xcf8, 0x00000000);
    g_assert_cmphex(inl(0xcfc), ==, 0xffffffff);
    /* Writes to an empty slot are dropped without harm. */
    cfg_writel(0x1f, 0, 0x04, 0x7);
    g_assert_cmphex(cfg_readl(0x1f, 0, 0x04), ==, 0xffffffff);
}

static void test_config_address_reg(void)
{
    outl(0xcf8, 0x80000a47);
    /* Bits 1:0 are reserved. */
    g_assert_cmphex(inl(0xcf8), ==, 0x80000a44);
    /* A byte write to 0xcf8..0xcfb is not a config address. */
    outb(0xcf9, 0x12);
    g_assert_cmphex(inl(0xcf8), ==, 0x80000a44);
    outl(0xcf8, 0);
    g_assert_cmphex(inl(0xcf8), ==, 0);
}

static void test_sub_dword_access(void)
{
    outl(0xcf8, cfg_addr(0, 1, 0, 0));
    g_assert_cmphex(inw(0xcfc), ==, 0x8086);
    g_assert_cmphex(inw(0xcfe), ==, 0x7000);
    g_assert_cmphex(inb(0xcfd), ==, 0x80);
    g_assert_cmphex(inb(0xcff), ==, 0x70);
    /* IDs are read-only. */
    outw(0xcfc, 0x1111);
    g_assert_cmphex(inl(0xcfc), ==, 0x70008086);
    /* Interrupt line (0x3c) is writable, pin (0x3d) is not. */
    cfg_writeb(1, 0, 0x3c, 0x0b);
    cfg_writeb(1, 0, 0x3d, 0x04);
    g_assert_cmphex(cfg_readw(1, 0, 0x3c), ==, 0x000b);
    cfg_writeb(1, 0, 0x3c, 0x00);
    /* Latency timer by byte at offset 1 of the dword. */
    cfg_writeb(0, 0, 0x0d, 0x40);
    g_assert_cmphex(cfg_readl(0, 0, 0x0c), ==, 0x00004000);
    cfg_writeb(0, 0, 0x0d, 0x00);
}

static void test_bar_sizing(void)
{
    PCIDevice *d = test_dev_new("0x3");

    g_assert_cmpint(d->devfn, ==, PCI_DEVFN(3, 0));
    g_assert_cmphex(cfg_readl(3, 0, 0x00), ==, 0x56781234);
    g_assert_cmphex(cfg_readl(3, 0, 0x10), ==, 0x00000001);
    g_assert_cmphex(cfg_readl(3, 0, 0x14), ==, 0x00000000);
    g_assert_cmphex(cfg_readl(3, 0, 0x18), ==, 0x00000004);
    for (int bar = 0x10; bar <= 0x24; bar += 4) {
        cfg_writel(3, 0, bar, 0xffffffff);
    }
    g_assert_cmphex(cfg_readl(3, 0, 0x10), ==, 0xfffffff1);
    g_assert_cmphex(cfg_readl(3, 0, 0x14), ==, 0xfffff000);
    g_assert_cmphex(cfg_readl(3, 0, 0x18), ==, 0xfffff004);
    g_assert_cmphex(cfg_readl(3, 0, 0x1c), ==, 0xffffffff);
    /* Unimplemented BARs read 0. */
    g_assert_cmphex(cfg_readl(3, 0, 0x20), ==, 0);
    g_assert_cmphex(cfg_readl(3, 0, 0x24), ==, 0);
    /* Sizing with decoding on must not map anything. */
    cfg_writew(3, 0, 0x04, 0x0003);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, PCI_BAR_UNMAPPED);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);
    cfg_writew(3, 0, 0x04, 0x0000);
    qdev_unrealize(DEVICE(d));
    g_assert_cmphex(cfg_readl(3, 0, 0x00), ==, 0xffffffff);
}

static void test_bar_mapping(void)
{
    PCIDevice *d = test_dev_new("04.0");
    TestPCIState *t = (TestPCIState *)d;
    uint8_t v = 0;

    cfg_writel(4, 0, 0x10, 0xc000);
    cfg_writel(4, 0, 0x14, 0xfebf0000);
    cfg_writel(4, 0, 0x18, 0x00000000);
    cfg_writel(4, 0, 0x1c, 0x00000001);   /* 4 GiB: 0x1_0000_0000 */
    /* Decoding off: nothing there yet. */
    g_assert_cmphex(inb(0xc004), ==, 0xff);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, PCI_BAR_UNMAPPED);

    cfg_writew(4, 0, 0x04, 0x0001);       /* I/O only */
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, 0xc000);
    g_assert_cmphex(inb(0xc004), ==, 0xa4);
    outb(0xc00f, 0x5a);
    g_assert_cmphex(t->last_write, ==, 0x5a);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);

    cfg_writew(4, 0, 0x04, 0x0003);       /* and memory */
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, 0xfebf0000);
    g_assert_cmphex(pci_get_bar_addr(d, 2), ==, 0x100000000ULL);
    address_space_read(&address_space_memory, 0xfebf0010, &v, 1);
    g_assert_cmphex(v, ==, 0xb0);
    address_space_read(&address_space_memory, 0x100000001ULL, &v, 1);
    g_assert_cmphex(v, ==, 0xa1);

    /* Moving the BAR moves the decode. */
    cfg_writel(4, 0, 0x10, 0xd000);
    g_assert_cmphex(inb(0xc004), ==, 0xff);
    g_assert_cmphex(inb(0xd004), ==, 0xa4);

    /* Reset turns decoding off and clears the BARs. */
    device_cold_reset(DEVICE(d));
    g_assert_cmphex(inb(0xd004), ==, 0xff);
    g_assert_cmphex(cfg_readw(4, 0, 0x04), ==, 0);
    g_assert_cmphex(cfg_readl(4, 0, 0x10), ==, 0x00000001);

    /* info qtree shows the device and its BARs. */
    cfg_writel(4, 0, 0x10, 0xe000);
    cfg_writew(4, 0, 0x04, 0x0001);
    {
        GString *out = g_string_new(NULL);

        qdev_tree_info(out);
        g_assert_nonnull(strstr(out->str, "class Ethernet controller, addr "
                                "00:04.0, pci id 1234:5678 (sub 1af4:1100)"));
        g_assert_nonnull(strstr(out->str, "bar 0: i/o at 0xe000 [0xe00f]"));
        g_assert_nonnull(strstr(out->str, "bar 1: mem at 0xffffffffffffffff "
                                "[0xffe]"));
        g_assert_nonnull(strstr(out->str, "class ISA bridge, addr 00:01.0, "
                                "pci id 8086:7000 (sub 1af4:1100)"));
        g_assert_nonnull(strstr(out->str, "class Host bridge, addr 00:00.0, "
                                "pci id 8086:1237 (sub 1af4:1100)"));
        g_assert_nonnull(strstr(out->str, "dev: i440FX-pcihost"));
        g_assert_nonnull(strstr(out->str,
                                "    bus: pci.0\n      type PCI\n"));
        g_assert_nonnull(strstr(out->str, "bus: isa.0"));
        g_string_free(out, true);
    }
    qdev_unrealize(DEVICE(d));
    g_assert_cmphex(inb(0xe004), ==, 0xff);
}

static void test_status_w1c(void)
{
    PCIDevice *d = test_dev_new("05.0");

    /* Error bits are cleared by writing 1, others are read-only. */
    d->config[0x07] = 0x80;                 /* detected parity error */
    cfg_writew(5, 0, 0x06, 0x0000);
    g_assert_cmphex(cfg_readw(5, 0, 0x06), ==, 0x8000);
    cfg_writew(5, 0, 0x06, 0x8000);
    g_assert_cmphex(cfg_readw(5, 0, 0x06), ==, 0x0000);
    qdev_unrealize(DEVICE(d));
}

static void test_intx_routing(void)
{
    PCIDevice *d = test_dev_new("03.0");

    /* Slot 3, INTA#: PIRQ (3 + 0) % 4 = PIRQD, register 0x63. */
    pci_set_irq(d, 1);
    g_assert_cmpint(irq_level[11], ==, 0);      /* not routed yet */
    g_assert_cmphex(cfg_readw(3, 0, 0x06) & 0x08, ==, 0x08);
    cfg_writeb(1, 0, 0x63, 11);
    g_assert_cmpint(irq_level[11], ==, 1);
    /* Re-routing moves the level. */
    cfg_writeb(1, 0, 0x63, 10);
    g_assert_cmpint(irq_level[11], ==, 0);
    g_assert_cmpint(irq_level[10], ==, 1);
    /* Command register INTx disable masks it, status still shows it. */
    cfg_writew(3, 0, 0x04, 0x0400);
    g_assert_cmpint(irq_level[10], ==, 0);
    g_assert_cmphex(cfg_readw(3, 0, 0x06) & 0x08, ==, 0x08);
    cfg_writew(3, 0, 0x04, 0x0000);
    g_assert_cmpint(irq_level[10], ==, 1);
    pci_set_irq(d, 0);
    g_assert_cmpint(irq_level[10], ==, 0);
    /* Reserved ISA IRQ 2 is never driven. */
    pci_set_irq(d, 1);
    cfg_writeb(1, 0, 0x63, 2);
    g_assert_cmpint(irq_level[2], ==, 0);
    pci_set_irq(d, 0);
    cfg_writeb(1, 0, 0x63, 0x80);
    qdev_unrealize(DEVICE(d));
}

static void test_addr_property(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_PCI);
    Error *err = NULL;
    char *s;

    g_assert_false(object_property_parse(OBJECT(dev), "addr", "zz", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'test-pci-dev.addr' doesn't take value 'zz'");
    error_free(err);
    err = NULL;
    g_assert_false(object_property_parse(OBJECT(dev), "addr", "0x20", NULL));
    g_assert_false(object_property_parse(OBJECT(dev), "addr", "3.9", NULL));
    g_assert_true(object_property_parse(OBJECT(dev), "addr", "1f.7", NULL));
    s = object_property_print(OBJECT(dev), "addr", &error_abort);
    g_assert_cmpstr(s, ==, "1f.7");
    g_free(s);
    /* Slot 1 is the PIIX3's. */
    g_assert_true(object_property_parse(OBJECT(dev), "addr", "0x1", NULL));
    g_assert_false(qdev_realize(dev, BUS(pcibus), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "PCI: slot 1 function 0 not available for test-pci-dev, "
                    "in use by PIIX3,id=(null)");
    error_free(err);
    object_unref(dev);
}

static void test_auto_slot(void)
{
    PCIDevice *d = test_dev_new(NULL);

    /* Slots 0 and 1 are taken: the first free one is 2. */
    g_assert_cmpint(d->devfn, ==, PCI_DEVFN(2, 0));
    qdev_unrealize(DEVICE(d));
}

static void test_port80_and_unassigned(void)
{
    g_assert_cmphex(inb(0x80), ==, 0xff);
    outb(0x80, 0x12);
    g_assert_cmphex(inb(0x80), ==, 0xff);
    /* Nothing lives at 0x1234. */
    g_assert_cmphex(inb(0x1234), ==, 0xff);
    g_assert_cmphex(inw(0x1234), ==, 0xffff);
    g_assert_cmphex(inl(0x1234), ==, 0xffffffff);
}

int main(int argc, char **argv)
{
    I440FXHostState *host;
    int ret;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    type_register_static(&test_pci_type);

    pcibus = i440fx_init(NULL, NULL, &host, &error_abort);
    g_assert_nonnull(pcibus);
    g_assert_cmpstr(BUS(pcibus)->name, ==, "pci.0");
    piix3 = PIIX3_DEVICE(pci_create_simple_multifunction(pcibus,
                         PCI_DEVFN(1, 0), true, TYPE_PIIX3_DEVICE));
    pic = qemu_allocate_irqs(pic_set_irq, NULL, ISA_NUM_IRQS);
    isa_bus_irqs(piix3_get_isa_bus(piix3), pic);

    g_test_add_func("/pci/host-bridge-ids", test_host_bridge_ids);
    g_test_add_func("/pci/isa-bridge-ids", test_isa_bridge_ids);
    g_test_add_func("/pci/empty-slot", test_empty_slot);
    g_test_add_func("/pci/config-address", test_config_address_reg);
    g_test_add_func("/pci/sub-dword", test_sub_dword_access);
    g_test_add_func("/pci/bar-sizing", test_bar_sizing);
    g_test_add_func("/pci/bar-mapping", test_bar_mapping);
    g_test_add_func("/pci/status-w1c", test_status_w1c);
    g_test_add_func("/pci/intx-routing", test_intx_routing);
    g_test_add_func("/pci/addr-property", test_addr_property);
    g_test_add_func("/pci/auto-slot", test_auto_slot);
    g_test_add_func("/pci/port80-unassigned", test_port80_and_unassigned);
    ret = g_test_run();
    /* The lines stay connected; only the array is ours. */
    g_free(pic);
    return ret;
}
