/*
 * The ISA bus (TYPE_ISA_BUS, "ISA") and the abstract ISA device
 * ("isa-device"). Interface: one I/O port space given by the board, 16
 * interrupt lines. Devices raise the bus's own lines; each forwards to the
 * controller input the board connected with isa_bus_irqs(), so the order
 * in which the board wires the controller and realizes devices does not
 * matter.
 */
#include "qemu/osdep.h"
#include "hw/isa/isa.h"

static void isa_bus_forward_irq(void *opaque, int n, int level)
{
    ISABus *bus = opaque;

    /* n comes from qemu_allocate_irqs: always 0..ISA_NUM_IRQS-1. */
    qemu_set_irq(bus->out[n], level);
}

ISABus *isa_bus_new(DeviceState *parent, MemoryRegion *address_space_io,
                    Error **errp)
{
    ISABus *bus;

    if (!address_space_io) {
        error_setg(errp, "ISA bus: no I/O address space given");
        return NULL;
    }
    bus = ISA_BUS(qbus_new(TYPE_ISA_BUS, parent, NULL));
    bus->address_space_io = address_space_io;
    return bus;
}

void isa_bus_irqs(ISABus *bus, qemu_irq *irqs)
{
    for (int i = 0; i < ISA_NUM_IRQS; i++) {
        bus->out[i] = irqs ? irqs[i] : NULL;
    }
}

ISABus *isa_bus_from_device(ISADevice *dev)
{
    BusState *bus = DEVICE(dev)->parent_bus;

    if (!bus || !object_dynamic_cast(OBJECT(bus), TYPE_ISA_BUS)) {
        return NULL;
    }
    return ISA_BUS(bus);
}

qemu_irq isa_get_irq(ISADevice *dev, uint32_t isairq, Error **errp)
{
    ISABus *bus = isa_bus_from_device(dev);

    if (isairq >= ISA_NUM_IRQS) {
        error_setg(errp, "ISA IRQ %" PRIu32 " is out of range (0..%d)",
                   isairq, ISA_NUM_IRQS - 1);
        return NULL;
    }
    if (!bus) {
        error_setg(errp, "Device '%s' is not on an ISA bus",
                   object_get_typename(OBJECT(dev)));
        return NULL;
    }
    return bus->irqs[isairq];
}

bool isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint32_t start,
                         Error **errp)
{
    ISABus *bus = isa_bus_from_device(dev);
    uint64_t space, size = memory_region_size(io);

    if (!bus) {
        error_setg(errp, "Device '%s' is not on an ISA bus",
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    space = memory_region_size(bus->address_space_io);
    if (start >= space || size > space - start) {
        error_setg(errp, "I/O ports 0x%" PRIx32 "..0x%" PRIx64 " are outside "
                   "the ISA I/O space (0x0..0x%" PRIx64 ")", start,
                   (uint64_t)start + size - 1, space - 1);
        return false;
    }
    memory_region_add_subregion(bus->address_space_io, start, io);
    return true;
}

void isa_unregister_ioport(ISADevice *dev, MemoryRegion *io)
{
    (void)dev;
    if (io->container) {
        memory_region_del_subregion(io->container, io);
    }
}

static void isa_bus_instance_init(Object *obj)
{
    ISABus *bus = ISA_BUS(obj);

    for (int i = 0; i < ISA_NUM_IRQS; i++) {
        bus->irqs[i] = qemu_allocate_irq(isa_bus_forward_irq, bus, i);
    }
}

static void isa_bus_instance_finalize(Object *obj)
{
    ISABus *bus = ISA_BUS(obj);

    for (int i = 0; i < ISA_NUM_IRQS; i++) {
        qemu_free_irq(bus->irqs[i]);
    }
}

static void isa_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->bus_type = TYPE_ISA_BUS;
}

static const TypeInfo isa_types[] = {
    {
        .name = TYPE_ISA_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(ISABus),
        .instance_init = isa_bus_instance_init,
        .instance_finalize = isa_bus_instance_finalize,
    },
    {
        .name = TYPE_ISA_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(ISADevice),
        .abstract = true,
        .class_init = isa_device_class_init,
    },
};

static void isa_register_types(void)
{
    type_register_static_array(isa_types, ARRAY_SIZE(isa_types));
}

type_init(isa_register_types)
