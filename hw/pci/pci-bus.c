/*
 * The PCI bus ("PCI"): 256 device/function slots, guest config cycles
 * routed by devfn, INTx lines counted per bus line, and the "info qtree"
 * lines of a PCI device. An empty devfn does not answer a config read
 * (master abort), so the host bridge sees all-ones.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "qemu/log.h"

PCIBus *pci_root_bus_new(DeviceState *parent, const char *name,
                         MemoryRegion *mem, MemoryRegion *io,
                         uint8_t devfn_min)
{
    PCIBus *bus = PCI_BUS(qbus_new(TYPE_PCI_BUS, parent, name));

    bus->address_space_mem = mem;
    bus->address_space_io = io;
    bus->devfn_min = devfn_min;
    return bus;
}

void pci_bus_irqs(PCIBus *bus, pci_set_irq_fn set_irq, pci_map_irq_fn map_irq,
                  void *opaque, int nirq)
{
    g_assert(nirq > 0);
    bus->set_irq = set_irq;
    bus->map_irq = map_irq;
    bus->irq_opaque = opaque;
    bus->nirq = nirq;
    g_free(bus->irq_count);
    bus->irq_count = g_new0(int, nirq);
}

int pci_bus_get_irq_level(PCIBus *bus, int n)
{
    if (n < 0 || n >= bus->nirq) {
        return 0;
    }
    return bus->irq_count[n] != 0;
}

PCIDevice *pci_bus_find_device(PCIBus *bus, uint8_t devfn)
{
    return bus->devices[devfn];
}

static bool pci_config_access_ok(uint32_t offset, unsigned len)
{
    return (len == 1 || len == 2 || len == 4) &&
           offset < PCI_CONFIG_SPACE_SIZE &&
           len <= PCI_CONFIG_SPACE_SIZE - offset;
}

uint32_t pci_bus_config_read(PCIBus *bus, uint8_t devfn, uint32_t offset,
                             unsigned len)
{
    PCIDevice *dev = bus->devices[devfn];
    PCIDeviceClass *pc;
    uint32_t ones;

    if (!pci_config_access_ok(offset, len)) {
        qemu_log_mask(LOG_GUEST_ERROR, "pci: bad config read of %u bytes at "
                      "0x%" PRIx32 "\n", len, offset);
        return UINT32_MAX;
    }
    ones = len == 4 ? UINT32_MAX : (1u << (8 * len)) - 1;
    if (!dev) {
        return ones;
    }
    pc = PCI_DEVICE_GET_CLASS(dev);
    if (pc->config_read) {
        return pc->config_read(dev, offset, len) & ones;
    }
    return pci_default_read_config(dev, offset, len);
}

void pci_bus_config_write(PCIBus *bus, uint8_t devfn, uint32_t offset,
                          uint32_t val, unsigned len)
{
    PCIDevice *dev = bus->devices[devfn];
    PCIDeviceClass *pc;

    if (!pci_config_access_ok(offset, len)) {
        qemu_log_mask(LOG_GUEST_ERROR, "pci: bad config write of %u bytes at "
                      "0x%" PRIx32 "\n", len, offset);
        return;
    }
    if (!dev) {
        return;
    }
    pc = PCI_DEVICE_GET_CLASS(dev);
    if (len < 4) {
        val &= (1u << (8 * len)) - 1;
    }
    if (pc->config_write) {
        pc->config_write(dev, offset, val, len);
    } else {
        pci_default_write_config(dev, offset, val, len);
    }
}

/* Class names as QEMU prints them; a sub-class missing here falls back to
 * its base class (the low byte 0x80 "other" entries). */
static const struct {
    uint16_t class_id;
    const char *name;
} pci_class_names[] = {
    { 0x0001, "VGA compatible device" },
    { 0x0100, "SCSI controller" },
    { 0x0101, "IDE controller" },
    { 0x0106, "SATA controller" },
    { 0x0108, "NVMe controller" },
    { 0x0180, "Storage controller" },
    { 0x0200, "Ethernet controller" },
    { 0x0280, "Network controller" },
    { 0x0300, "VGA controller" },
    { 0x0380, "Display controller" },
    { 0x0401, "Audio controller" },
    { 0x0403, "Audio controller" },
    { 0x0500, "RAM controller" },
    { 0x0600, "Host bridge" },
    { 0x0601, "ISA bridge" },
    { 0x0604, "PCI bridge" },
    { 0x0680, "Bridge" },
    { 0x0700, "Serial port" },
    { 0x0c03, "USB controller" },
    { 0x0c05, "SMBus" },
    { 0xff00, "Class ff00" },
};

const char *pci_class_name(uint16_t class_id)
{
    for (size_t i = 0; i < ARRAY_SIZE(pci_class_names); i++) {
        if (pci_class_names[i].class_id == class_id) {
            return pci_class_names[i].name;
        }
    }
    return NULL;
}

static void pci_bus_print_dev(GString *out, DeviceState *qdev, int indent)
{
    PCIDevice *dev = PCI_DEVICE(qdev);
    uint16_t class_id = pci_get_word(dev->config + PCI_CLASS_DEVICE);
    const char *cname = pci_class_name(class_id);

    g_string_append_printf(out, "%*sclass ", indent, "");
    if (cname) {
        g_string_append(out, cname);
    } else {
        g_string_append_printf(out, "Class %04x", class_id);
    }
    g_string_append_printf(out, ", addr 00:%02x.%x, pci id %04x:%04x "
                           "(sub %04x:%04x)\n",
                           PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn),
                           pci_get_word(dev->config + PCI_VENDOR_ID),
                           pci_get_word(dev->config + PCI_DEVICE_ID),
                           pci_get_word(dev->config + PCI_SUBSYSTEM_VENDOR_ID),
                           pci_get_word(dev->config + PCI_SUBSYSTEM_ID));
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        const PCIIORegion *r = &dev->io_regions[n];

        if (!r->size) {
            continue;
        }
        g_string_append_printf(out, "%*sbar %d: %s at 0x%" PRIx64
                               " [0x%" PRIx64 "]\n", indent, "", n,
                               r->type & PCI_BASE_ADDRESS_SPACE_IO ? "i/o"
                                                                   : "mem",
                               r->addr, r->addr + r->size - 1);
    }
}

static void pci_bus_instance_finalize(Object *obj)
{
    g_free(PCI_BUS(obj)->irq_count);
}

static void pci_bus_class_init(ObjectClass *klass, void *data)
{
    (void)data;
    BUS_CLASS(klass)->print_dev = pci_bus_print_dev;
}

static const TypeInfo pci_bus_type = {
    .name = TYPE_PCI_BUS,
    .parent = TYPE_BUS,
    .instance_size = sizeof(PCIBus),
    .instance_finalize = pci_bus_instance_finalize,
    .class_init = pci_bus_class_init,
};

static void pci_bus_register_types(void)
{
    type_register_static(&pci_bus_type);
}

type_init(pci_bus_register_types)
