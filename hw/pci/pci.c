/*
 * PCI core: the abstract "pci-device" (config space with write masks,
 * BARs, INTx) and the "addr" property. The bus itself (config cycles,
 * interrupt lines, info qtree lines) is in pci-bus.c.
 *
 * Facts from the PCI Local Bus Specification 3.0: 6.1 (header), 6.2.5
 * (BAR sizing: the guest writes all-ones and reads back the size mask),
 * 6.2.2 (command register decode enables).
 */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "qemu/log.h"

/* ---- the "addr" property: SLOT[.FN] in hex ---- */

static bool pci_prop_devfn_parse(Object *obj, const Property *prop,
                                 const char *str, Error **errp)
{
    int32_t *field = (int32_t *)((char *)obj + prop->offset);
    unsigned long slot, fn = 0;
    char *end;

    errno = 0;
    slot = strtoul(str, &end, 16);
    if (end == str || errno) {
        goto bad;
    }
    if (*end == '.') {
        const char *f = end + 1;

        fn = strtoul(f, &end, 16);
        if (end == f || errno) {
            goto bad;
        }
    }
    if (*end || slot > 0x1f || fn > 7) {
        goto bad;
    }
    *field = PCI_DEVFN(slot, fn);
    return true;
bad:
    error_setg(errp, "Property '%s.%s' doesn't take value '%s'",
               object_get_typename(obj), prop->name, str);
    return false;
}

static char *pci_prop_devfn_print(Object *obj, const Property *prop)
{
    int32_t devfn = *(int32_t *)((char *)obj + prop->offset);

    if (devfn == PCI_DEVFN_AUTO) {
        return g_strdup("<unset>");
    }
    return g_strdup_printf("%02x.%x", PCI_SLOT(devfn), PCI_FUNC(devfn));
}

static void pci_prop_devfn_default(Object *obj, const Property *prop)
{
    *(int32_t *)((char *)obj + prop->offset) = PCI_DEVFN_AUTO;
}

static const PropertyInfo pci_prop_devfn = {
    .type_name = "int32",
    .description = "Slot and optional function number, example: 06.0 or 06",
    .parse = pci_prop_devfn_parse,
    .print = pci_prop_devfn_print,
    .set_default = pci_prop_devfn_default,
};

static const Property pci_device_props[] = {
    { .name = "addr", .info = &pci_prop_devfn, PROP_FIELD_(PCIDevice, devfn),
      .has_default = true, .defval_i = PCI_DEVFN_AUTO },
    PROP_BOOL("multifunction", PCIDevice, multifunction, false),
    PROP_END,
};

/* ---- BARs ---- */

static bool pci_bar_is_64(const PCIIORegion *r)
{
    return !(r->type & PCI_BASE_ADDRESS_SPACE_IO) &&
           (r->type & PCI_BASE_ADDRESS_MEM_TYPE_64);
}

static uint32_t pci_bar_offset(int n)
{
    return PCI_BASE_ADDRESS_0 + 4 * n;
}

/*
 * Where BAR n decodes now, or PCI_BAR_UNMAPPED: decoding disabled in the
 * command register, address 0, or a range that wraps or leaves the space.
 * The all-ones a guest writes to size a BAR lands in that last case, so a
 * BAR being sized is never mapped over the top of the space.
 */
static pcibus_t pci_bar_address(PCIDevice *dev, int n)
{
    PCIIORegion *r = &dev->io_regions[n];
    uint16_t cmd = pci_get_word(dev->config + PCI_COMMAND);
    uint32_t off = pci_bar_offset(n);
    uint64_t space = memory_region_size(r->address_space);
    pcibus_t addr, last;

    if (r->type & PCI_BASE_ADDRESS_SPACE_IO) {
        if (!(cmd & PCI_COMMAND_IO)) {
            return PCI_BAR_UNMAPPED;
        }
        addr = pci_get_long(dev->config + off) & PCI_BASE_ADDRESS_IO_MASK;
    } else {
        if (!(cmd & PCI_COMMAND_MEMORY)) {
            return PCI_BAR_UNMAPPED;
        }
        addr = pci_get_long(dev->config + off) & PCI_BASE_ADDRESS_MEM_MASK;
        if (pci_bar_is_64(r)) {
            addr |= (pcibus_t)pci_get_long(dev->config + off + 4) << 32;
        } else {
            space = MIN(space, (uint64_t)UINT32_MAX);
        }
    }
    addr &= ~(r->size - 1);
    last = addr + r->size - 1;
    if (addr == 0 || last < addr || last >= space) {
        return PCI_BAR_UNMAPPED;
    }
    return addr;
}

static void pci_update_mappings(PCIDevice *dev)
{
    memory_region_transaction_begin();
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        PCIIORegion *r = &dev->io_regions[n];
        pcibus_t addr;

        if (!r->size) {
            continue;
        }
        addr = pci_bar_address(dev, n);
        if (addr == r->addr) {
            continue;
        }
        if (r->addr != PCI_BAR_UNMAPPED) {
            memory_region_del_subregion(r->address_space, r->memory);
        }
        r->addr = addr;
        if (addr != PCI_BAR_UNMAPPED) {
            /* Above RAM and ROM in the same space, as on real chipsets. */
            memory_region_add_subregion_overlap(r->address_space, addr,
                                                r->memory, 1);
        }
    }
    memory_region_transaction_commit();
}

void pci_register_bar(PCIDevice *dev, int n, uint8_t type, MemoryRegion *mr)
{
    PCIIORegion *r;
    uint64_t size = memory_region_size(mr);
    uint32_t off;
    bool io = type & PCI_BASE_ADDRESS_SPACE_IO;

    g_assert(n >= 0 && n < PCI_NUM_BARS);
    g_assert(size && !(size & (size - 1)));
    g_assert(size >= (io ? 4u : 16u));
    g_assert(!(type & PCI_BASE_ADDRESS_MEM_TYPE_64) || n < PCI_NUM_BARS - 1);
    r = &dev->io_regions[n];
    r->size = size;
    r->type = type;
    r->memory = mr;
    r->addr = PCI_BAR_UNMAPPED;
    r->address_space = io ? dev->bus->address_space_io
                          : dev->bus->address_space_mem;
    off = pci_bar_offset(n);
    pci_set_long(dev->config + off, type);
    pci_set_long(dev->wmask + off, (uint32_t)~(size - 1) &
                 (io ? PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK));
    if (pci_bar_is_64(r)) {
        pci_set_long(dev->config + off + 4, 0);
        pci_set_long(dev->wmask + off + 4, (uint32_t)(~(size - 1) >> 32));
    }
}

pcibus_t pci_get_bar_addr(PCIDevice *dev, int n)
{
    if (n < 0 || n >= PCI_NUM_BARS) {
        return PCI_BAR_UNMAPPED;
    }
    return dev->io_regions[n].addr;
}

/* ---- INTx ---- */

static bool pci_irq_disabled(PCIDevice *dev)
{
    return pci_get_word(dev->config + PCI_COMMAND) & PCI_COMMAND_INTX_DISABLE;
}

/* Tell the bus about what the device now drives onto its line. */
static void pci_irq_sync(PCIDevice *dev)
{
    bool level = dev->irq_state && !pci_irq_disabled(dev);
    uint8_t pin = dev->config[PCI_INTERRUPT_PIN];
    PCIBus *bus = dev->bus;
    int line;

    if (level == dev->irq_forwarded || !bus || !bus->set_irq ||
        pin < 1 || pin > PCI_NUM_PINS) {
        return;
    }
    dev->irq_forwarded = level;
    line = bus->map_irq ? bus->map_irq(dev, pin - 1)
                        : (PCI_SLOT(dev->devfn) + pin - 1) % bus->nirq;
    g_assert(line >= 0 && line < bus->nirq);
    bus->irq_count[line] += level ? 1 : -1;
    bus->set_irq(bus->irq_opaque, line, bus->irq_count[line] != 0);
}

void pci_set_irq(PCIDevice *dev, int level)
{
    uint16_t status = pci_get_word(dev->config + PCI_STATUS);

    dev->irq_state = level != 0;
    /* The status bit shows the device's request even while disabled. */
    status = level ? status | PCI_STATUS_INTERRUPT
                   : status & ~PCI_STATUS_INTERRUPT;
    pci_set_word(dev->config + PCI_STATUS, status);
    pci_irq_sync(dev);
}

/* ---- config space ---- */

static bool ranges_overlap(uint32_t a, uint32_t alen, uint32_t b,
                           uint32_t blen)
{
    return a < b + blen && b < a + alen;
}

uint32_t pci_default_read_config(PCIDevice *dev, uint32_t addr, unsigned len)
{
    uint32_t val = 0;

    g_assert(len <= 4 && addr + len <= PCI_CONFIG_SPACE_SIZE);
    for (unsigned i = 0; i < len; i++) {
        val |= (uint32_t)dev->config[addr + i] << (8 * i);
    }
    return val;
}

void pci_default_write_config(PCIDevice *dev, uint32_t addr, uint32_t val,
                              unsigned len)
{
    g_assert(len <= 4 && addr + len <= PCI_CONFIG_SPACE_SIZE);
    for (unsigned i = 0; i < len; i++) {
        uint8_t b = val >> (8 * i);
        uint8_t wm = dev->wmask[addr + i];
        uint8_t w1c = dev->w1cmask[addr + i];

        dev->config[addr + i] = (dev->config[addr + i] & ~wm) | (b & wm);
        dev->config[addr + i] &= ~(b & w1c);
    }
    if (ranges_overlap(addr, len, PCI_BASE_ADDRESS_0, 24) ||
        ranges_overlap(addr, len, PCI_COMMAND, 2)) {
        pci_update_mappings(dev);
    }
    if (ranges_overlap(addr, len, PCI_COMMAND, 2)) {
        pci_irq_sync(dev);
    }
}

/* The header fields every device has, from its class; writable bits per
 * the spec's type 0 header. */
static void pci_config_init(PCIDevice *dev, PCIDeviceClass *pc)
{
    uint16_t sub_vendor = pc->subsystem_vendor_id;
    uint16_t sub_id = pc->subsystem_id;

    memset(dev->config, 0, sizeof(dev->config));
    memset(dev->wmask, 0, sizeof(dev->wmask));
    memset(dev->w1cmask, 0, sizeof(dev->w1cmask));
    if (!sub_vendor) {
        sub_vendor = PCI_SUBVENDOR_ID_REDHAT_QUMRANET;
        sub_id = PCI_SUBDEVICE_ID_QEMU;
    }
    pci_set_word(dev->config + PCI_VENDOR_ID, pc->vendor_id);
    pci_set_word(dev->config + PCI_DEVICE_ID, pc->device_id);
    dev->config[PCI_REVISION_ID] = pc->revision;
    pci_set_word(dev->config + PCI_CLASS_DEVICE, pc->class_id);
    dev->config[PCI_HEADER_TYPE] = PCI_HEADER_TYPE_NORMAL |
        (dev->multifunction ? PCI_HEADER_TYPE_MULTI_FUNCTION : 0);
    pci_set_word(dev->config + PCI_SUBSYSTEM_VENDOR_ID, sub_vendor);
    pci_set_word(dev->config + PCI_SUBSYSTEM_ID, sub_id);

    pci_set_word(dev->wmask + PCI_COMMAND, PCI_COMMAND_IO |
                 PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
                 PCI_COMMAND_PARITY | PCI_COMMAND_SERR |
                 PCI_COMMAND_INTX_DISABLE);
    pci_set_word(dev->w1cmask + PCI_STATUS, PCI_STATUS_W1C_MASK);
    dev->wmask[PCI_CACHE_LINE_SIZE] = 0xff;
    dev->wmask[PCI_LATENCY_TIMER] = 0xff;
    dev->wmask[PCI_INTERRUPT_LINE] = 0xff;
    memset(dev->wmask + PCI_CONFIG_HEADER_SIZE, 0xff,
           PCI_CONFIG_SPACE_SIZE - PCI_CONFIG_HEADER_SIZE);
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        dev->io_regions[n] = (PCIIORegion){ .addr = PCI_BAR_UNMAPPED };
    }
}

/* ---- device life cycle ---- */

static bool pci_qdev_realize(DeviceState *qdev, Error **errp)
{
    PCIDevice *dev = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);
    PCIBus *bus = PCI_BUS(qdev->parent_bus);
    const char *name = object_get_typename(OBJECT(dev));
    int32_t devfn = dev->devfn;

    if (devfn == PCI_DEVFN_AUTO) {
        for (devfn = bus->devfn_min; devfn < PCI_DEVFN_MAX; devfn += 8) {
            if (!bus->devices[devfn]) {
                break;
            }
        }
        if (devfn >= PCI_DEVFN_MAX) {
            error_setg(errp, "PCI: no slot/function available for %s, "
                       "all in use or reserved", name);
            return false;
        }
    } else if (bus->devices[devfn]) {
        PCIDevice *other = bus->devices[devfn];

        error_setg(errp, "PCI: slot %d function %d not available for %s, "
                   "in use by %s,id=%s", PCI_SLOT(devfn), PCI_FUNC(devfn),
                   name, object_get_typename(OBJECT(other)),
                   DEVICE(other)->id ? DEVICE(other)->id : "(null)");
        return false;
    }
    dev->devfn = devfn;
    dev->bus = bus;
    dev->irq_state = 0;
    dev->irq_forwarded = false;
    pci_config_init(dev, pc);
    bus->devices[devfn] = dev;
    if (pc->realize && !pc->realize(dev, errp)) {
        bus->devices[devfn] = NULL;
        dev->bus = NULL;
        return false;
    }
    return true;
}

static void pci_unmap_bars(PCIDevice *dev)
{
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        PCIIORegion *r = &dev->io_regions[n];

        if (r->size && r->addr != PCI_BAR_UNMAPPED) {
            memory_region_del_subregion(r->address_space, r->memory);
            r->addr = PCI_BAR_UNMAPPED;
        }
    }
}

static void pci_qdev_unrealize(DeviceState *qdev)
{
    PCIDevice *dev = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(dev);

    pci_set_irq(dev, 0);
    pci_unmap_bars(dev);
    if (pc->exit) {
        pc->exit(dev);
    }
    if (dev->bus && dev->bus->devices[dev->devfn] == dev) {
        dev->bus->devices[dev->devfn] = NULL;
    }
    dev->bus = NULL;
}

void pci_device_reset(PCIDevice *dev)
{
    uint16_t cmd = pci_get_word(dev->config + PCI_COMMAND);

    cmd &= ~pci_get_word(dev->wmask + PCI_COMMAND);
    pci_set_word(dev->config + PCI_COMMAND, cmd);
    dev->config[PCI_CACHE_LINE_SIZE] = 0;
    dev->config[PCI_LATENCY_TIMER] = 0;
    dev->config[PCI_INTERRUPT_LINE] = 0;
    for (int n = 0; n < PCI_NUM_BARS; n++) {
        PCIIORegion *r = &dev->io_regions[n];
        uint32_t off = pci_bar_offset(n);

        if (!r->size) {
            continue;
        }
        pci_set_long(dev->config + off, r->type);
        if (pci_bar_is_64(r)) {
            pci_set_long(dev->config + off + 4, 0);
        }
    }
    pci_update_mappings(dev);
    pci_set_irq(dev, 0);
}

static void pci_qdev_reset(DeviceState *qdev)
{
    pci_device_reset(PCI_DEVICE(qdev));
}

PCIDevice *pci_create_simple_multifunction(PCIBus *bus, int devfn,
                                           bool multifunction,
                                           const char *name)
{
    DeviceState *dev = qdev_new(name);

    object_property_set_bool(OBJECT(dev), "multifunction", multifunction,
                             &error_abort);
    if (devfn != PCI_DEVFN_AUTO) {
        char *s = g_strdup_printf("%02x.%x", PCI_SLOT(devfn),
                                  PCI_FUNC(devfn));

        object_property_parse(OBJECT(dev), "addr", s, &error_abort);
        g_free(s);
    }
    qdev_realize_and_unref(dev, BUS(bus), &error_abort);
    return PCI_DEVICE(dev);
}

PCIDevice *pci_create_simple(PCIBus *bus, int devfn, const char *name)
{
    return pci_create_simple_multifunction(bus, devfn, false, name);
}

static void pci_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->bus_type = TYPE_PCI_BUS;
    dc->realize = pci_qdev_realize;
    dc->unrealize = pci_qdev_unrealize;
    dc->reset = pci_qdev_reset;
    device_class_set_props(dc, pci_device_props);
}

static const TypeInfo pci_device_type = {
    .name = TYPE_PCI_DEVICE,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(PCIDevice),
    .abstract = true,
    .class_size = sizeof(PCIDeviceClass),
    .class_init = pci_device_class_init,
};

static void pci_register_types(void)
{
    type_register_static(&pci_device_type);
}

type_init(pci_register_types)
