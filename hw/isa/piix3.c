/*
 * PIIX3 function 0 ("PIIX3"): PCI-to-ISA bridge, PCI interrupt router and
 * the POST port 0x80. Interface: see include/hw/southbridge/piix.h.
 * Register facts from Intel's 82371FB/SB data sheet (290550): PIRQRC[A:D]
 * at 0x60..0x63, reset value 0x80, bits 3:0 the ISA IRQ; IRQs 0..2, 8 and
 * 13 are reserved and not routed.
 */
#include "qemu/osdep.h"
#include "hw/southbridge/piix.h"
#include "qemu/log.h"

/* ISA IRQs a PIRQ may be steered to (data sheet: 3..7, 9..12, 14, 15). */
#define PIIX_PIRQ_ROUTABLE 0xdef8u

static int piix3_pirq_route(PIIX3State *s, int pirq)
{
    uint8_t r = s->dev.config[PIIX_PIRQC + pirq];

    if (r & PIIX_PIRQ_DISABLE || !(PIIX_PIRQ_ROUTABLE & (1u << (r & 0x0f)))) {
        return -1;
    }
    return r & 0x0f;
}

/* Drive every ISA line from the PIRQ levels and the current routing. */
static void piix3_update_isa_irqs(PIIX3State *s)
{
    uint16_t levels = 0;

    for (int p = 0; p < PIIX_NUM_PIRQS; p++) {
        int irq = piix3_pirq_route(s, p);

        if (irq >= 0 && s->pirq_level[p]) {
            levels |= 1u << irq;
        }
    }
    for (int irq = 0; irq < ISA_NUM_IRQS; irq++) {
        uint16_t bit = 1u << irq;

        if ((levels ^ s->isa_levels) & bit) {
            qemu_set_irq(s->isa_bus->irqs[irq], !!(levels & bit));
        }
    }
    s->isa_levels = levels;
}

static void piix3_set_pirq(void *opaque, int pirq, int level)
{
    PIIX3State *s = opaque;

    s->pirq_level[pirq] = level != 0;
    piix3_update_isa_irqs(s);
}

static void piix3_write_config(PCIDevice *dev, uint32_t addr, uint32_t val,
                               unsigned len)
{
    PIIX3State *s = PIIX3_DEVICE(dev);

    pci_default_write_config(dev, addr, val, len);
    if (addr < PIIX_PIRQC + PIIX_NUM_PIRQS && addr + len > PIIX_PIRQC) {
        piix3_update_isa_irqs(s);
    }
}

static uint64_t piix3_ioport80_read(void *opaque, hwaddr addr, unsigned size)
{
    return UINT64_MAX;
}

static void piix3_ioport80_write(void *opaque, hwaddr addr, uint64_t val,
                                 unsigned size)
{
    /* POST codes: nothing listens. */
}

static const MemoryRegionOps piix3_ioport80_ops = {
    .read = piix3_ioport80_read,
    .write = piix3_ioport80_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

ISABus *piix3_get_isa_bus(PIIX3State *s)
{
    return s->isa_bus;
}

static void piix3_reset_routing(PIIX3State *s)
{
    memset(s->dev.config + PIIX_PIRQC, PIIX_PIRQ_DISABLE, PIIX_NUM_PIRQS);
    piix3_update_isa_irqs(s);
}

static bool piix3_realize(PCIDevice *dev, Error **errp)
{
    PIIX3State *s = PIIX3_DEVICE(dev);
    MemoryRegion *io = dev->bus->address_space_io;

    s->isa_bus = isa_bus_new(DEVICE(dev), io, errp);
    if (!s->isa_bus) {
        return false;
    }
    s->isa_levels = 0;
    memset(s->pirq_level, 0, sizeof(s->pirq_level));
    memset(s->dev.config + PIIX_PIRQC, PIIX_PIRQ_DISABLE, PIIX_NUM_PIRQS);
    pci_bus_irqs(dev->bus, piix3_set_pirq, NULL, s, PIIX_NUM_PIRQS);
    memory_region_add_subregion(io, PIIX_IOPORT80, &s->ioport80);
    return true;
}

static void piix3_exit(PCIDevice *dev)
{
    PIIX3State *s = PIIX3_DEVICE(dev);

    /* The bus must not call a router that is going away. */
    dev->bus->set_irq = NULL;
    if (s->ioport80.container) {
        memory_region_del_subregion(s->ioport80.container, &s->ioport80);
    }
}

static void piix3_reset(DeviceState *qdev)
{
    PIIX3State *s = PIIX3_DEVICE(qdev);

    pci_device_reset(&s->dev);
    piix3_reset_routing(s);
}

static void piix3_init(Object *obj)
{
    PIIX3State *s = PIIX3_DEVICE(obj);

    memory_region_init_io(&s->ioport80, obj, &piix3_ioport80_ops, s,
                          "ioport80", 1);
}

static void piix3_finalize(Object *obj)
{
    memory_region_finalize(&PIIX3_DEVICE(obj)->ioport80);
}

static void piix3_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    (void)data;
    pc->realize = piix3_realize;
    pc->exit = piix3_exit;
    pc->config_write = piix3_write_config;
    pc->vendor_id = PCI_VENDOR_ID_INTEL;
    pc->device_id = PCI_DEVICE_ID_INTEL_82371SB_0;
    pc->class_id = PCI_CLASS_BRIDGE_ISA;
    dc->reset = piix3_reset;
    dc->desc = "ISA bridge";
    /* Part of the pc board, as in QEMU. */
    dc->user_creatable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

static const TypeInfo piix3_type = {
    .name = TYPE_PIIX3_DEVICE,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PIIX3State),
    .instance_init = piix3_init,
    .instance_finalize = piix3_finalize,
    .class_init = piix3_class_init,
};

static void piix3_register_types(void)
{
    type_register_static(&piix3_type);
}

type_init(piix3_register_types)
