/*
 * i440FX host bridge: "i440FX-pcihost" (config mechanism #1 at
 * 0xcf8/0xcfc, root bus "pci.0") and "i440FX" (its PCI function 00:00.0).
 * Interface: see include/hw/pci-host/i440fx.h.
 *
 * CONFIG_ADDRESS (PCI Local Bus Spec 3.0, 3.2.2.3.2): bit 31 enable,
 * 23:16 bus, 15:11 device, 10:8 function, 7:2 register. Data accesses
 * with the enable bit clear, or for a bus other than 0, read all-ones.
 * IDs and register defaults from Intel's 82441FX data sheet (290549).
 */
#include "qemu/osdep.h"
#include "hw/pci-host/i440fx.h"
#include "qemu/log.h"

#define CONFIG_ADDRESS_ENABLE 0x80000000u
#define I440FX_SMRAM_DEFAULT 0x02

static uint64_t i440fx_conf_idx_read(void *opaque, hwaddr addr, unsigned size)
{
    I440FXHostState *s = opaque;

    return s->config_reg >> (8 * addr);
}

static void i440fx_conf_idx_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    I440FXHostState *s = opaque;

    /* Only a dword write is a config address; byte accesses to 0xcf8..
     * 0xcfb belong to other functions on real chipsets (0xcf9 is the
     * PIIX reset control register). */
    if (addr != 0 || size != 4) {
        qemu_log_mask(LOG_GUEST_ERROR, "i440fx: %u-byte write to 0x%"
                      HWADDR_PRIx " ignored\n", size,
                      I440FX_CONFIG_ADDRESS_PORT + addr);
        return;
    }
    /* Bits 1:0 are reserved and read back as 0. */
    s->config_reg = (uint32_t)val & ~3u;
}

static const MemoryRegionOps i440fx_conf_idx_ops = {
    .read = i440fx_conf_idx_read,
    .write = i440fx_conf_idx_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* Decode CONFIG_ADDRESS for a data access at port offset addr; false when
 * nothing should answer. */
static bool i440fx_conf_target(I440FXHostState *s, hwaddr addr, unsigned size,
                               uint8_t *devfn, uint32_t *reg)
{
    uint32_t a = s->config_reg;

    if (!(a & CONFIG_ADDRESS_ENABLE) || ((a >> 16) & 0xff) != 0 ||
        addr + size > 4) {
        return false;
    }
    *devfn = (a >> 8) & 0xff;
    *reg = (a & 0xfc) | (uint32_t)addr;
    return true;
}

static uint64_t i440fx_conf_data_read(void *opaque, hwaddr addr,
                                      unsigned size)
{
    I440FXHostState *s = opaque;
    uint8_t devfn;
    uint32_t reg;

    if (!i440fx_conf_target(s, addr, size, &devfn, &reg)) {
        return size == 4 ? UINT32_MAX : (1u << (8 * size)) - 1;
    }
    return pci_bus_config_read(s->bus, devfn, reg, size);
}

static void i440fx_conf_data_write(void *opaque, hwaddr addr, uint64_t val,
                                   unsigned size)
{
    I440FXHostState *s = opaque;
    uint8_t devfn;
    uint32_t reg;

    if (i440fx_conf_target(s, addr, size, &devfn, &reg)) {
        pci_bus_config_write(s->bus, devfn, reg, (uint32_t)val, size);
    }
}

static const MemoryRegionOps i440fx_conf_data_ops = {
    .read = i440fx_conf_data_read,
    .write = i440fx_conf_data_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static bool i440fx_host_realize(DeviceState *dev, Error **errp)
{
    I440FXHostState *s = I440FX_PCI_HOST_BRIDGE(dev);

    if (!s->pci_mem) {
        s->pci_mem = get_system_memory();
    }
    if (!s->io) {
        s->io = get_system_io();
    }
    if (!s->bus) {
        s->bus = pci_root_bus_new(dev, "pci.0", s->pci_mem, s->io, 0);
    }
    memory_region_add_subregion(s->io, I440FX_CONFIG_ADDRESS_PORT,
                                &s->conf_idx);
    memory_region_add_subregion(s->io, I440FX_CONFIG_DATA_PORT,
                                &s->conf_data);
    return true;
}

static void i440fx_host_unrealize(DeviceState *dev)
{
    I440FXHostState *s = I440FX_PCI_HOST_BRIDGE(dev);

    memory_region_del_subregion(s->io, &s->conf_idx);
    memory_region_del_subregion(s->io, &s->conf_data);
}

static void i440fx_host_reset(DeviceState *dev)
{
    I440FX_PCI_HOST_BRIDGE(dev)->config_reg = 0;
}

static void i440fx_host_init(Object *obj)
{
    I440FXHostState *s = I440FX_PCI_HOST_BRIDGE(obj);

    memory_region_init_io(&s->conf_idx, obj, &i440fx_conf_idx_ops, s,
                          "pci-conf-idx", 4);
    memory_region_init_io(&s->conf_data, obj, &i440fx_conf_data_ops, s,
                          "pci-conf-data", 4);
}

static void i440fx_host_finalize(Object *obj)
{
    I440FXHostState *s = I440FX_PCI_HOST_BRIDGE(obj);

    memory_region_finalize(&s->conf_idx);
    memory_region_finalize(&s->conf_data);
}

static void i440fx_host_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->realize = i440fx_host_realize;
    dc->unrealize = i440fx_host_unrealize;
    dc->reset = i440fx_host_reset;
    dc->desc = "i440FX PCI host bridge";
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

/* ---- the 00:00.0 function ---- */

static bool ranges_touch(uint32_t a, unsigned alen, uint32_t b, unsigned blen)
{
    return a < b + blen && b < a + alen;
}

static void i440fx_pmc_write_config(PCIDevice *dev, uint32_t addr,
                                    uint32_t val, unsigned len)
{
    pci_default_write_config(dev, addr, val, len);
    if (ranges_touch(addr, len, I440FX_PAM, I440FX_PAM_SIZE)) {
        qemu_log_mask(LOG_UNIMP, "i440fx: PAM registers stored, shadow RAM "
                      "not modelled\n");
    }
    if (ranges_touch(addr, len, I440FX_SMRAM, 1)) {
        qemu_log_mask(LOG_UNIMP, "i440fx: SMRAM register stored, SMRAM not "
                      "modelled\n");
    }
}

static void i440fx_pmc_reset(DeviceState *qdev)
{
    PCIDevice *dev = PCI_DEVICE(qdev);

    pci_device_reset(dev);
    memset(dev->config + I440FX_PAM, 0, I440FX_PAM_SIZE);
    dev->config[I440FX_SMRAM] = I440FX_SMRAM_DEFAULT;
}

static bool i440fx_pmc_realize(PCIDevice *dev, Error **errp)
{
    dev->config[I440FX_SMRAM] = I440FX_SMRAM_DEFAULT;
    return true;
}

static void i440fx_pmc_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    (void)data;
    pc->realize = i440fx_pmc_realize;
    pc->config_write = i440fx_pmc_write_config;
    pc->vendor_id = PCI_VENDOR_ID_INTEL;
    pc->device_id = PCI_DEVICE_ID_INTEL_82441;
    pc->revision = 0x02;
    pc->class_id = PCI_CLASS_BRIDGE_HOST;
    dc->reset = i440fx_pmc_reset;
    dc->desc = "Host bridge";
    /* Part of the board: -device could not create a second one. */
    dc->user_creatable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

PCIBus *i440fx_init(MemoryRegion *pci_mem, MemoryRegion *io,
                    I440FXHostState **host, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_I440FX_PCI_HOST_BRIDGE);
    I440FXHostState *s = I440FX_PCI_HOST_BRIDGE(dev);

    s->pci_mem = pci_mem;
    s->io = io;
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
        return NULL;
    }
    s->pmc = pci_create_simple(s->bus, PCI_DEVFN(0, 0),
                               TYPE_I440FX_PCI_DEVICE);
    if (host) {
        *host = s;
    }
    return s->bus;
}

static const TypeInfo i440fx_types[] = {
    {
        .name = TYPE_I440FX_PCI_HOST_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(I440FXHostState),
        .instance_init = i440fx_host_init,
        .instance_finalize = i440fx_host_finalize,
        .class_init = i440fx_host_class_init,
    },
    {
        .name = TYPE_I440FX_PCI_DEVICE,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCIDevice),
        .class_init = i440fx_pmc_class_init,
    },
};

static void i440fx_register_types(void)
{
    type_register_static_array(i440fx_types, ARRAY_SIZE(i440fx_types));
}

type_init(i440fx_register_types)
