/*
 * The system bus: memory-mapped devices. A SysBusDevice declares its MMIO
 * regions and IRQ outputs in init; the board maps the regions into system
 * memory and connects the IRQs. Interface per device: mmio[0..n),
 * the "sysbus-irq" output GPIO list.
 */
#include "qemu/osdep.h"
#include "hw/sysbus.h"

static BusState *main_system_bus;

/* Lazily, and filed under /machine/unattached/sysbus once /machine exists,
 * where QEMU keeps it. */
BusState *sysbus_get_default(void)
{
    Object *machine;

    if (!main_system_bus) {
        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
    }
    if (!OBJECT(main_system_bus)->parent) {
        machine = object_resolve_path("/machine", NULL);
        if (machine &&
            object_property_add_child(container_get(machine, "unattached"),
                                      "sysbus", OBJECT(main_system_bus),
                                      NULL)) {
            /* The tree holds it now; our pointer stays valid with it. */
            object_unref(main_system_bus);
        }
    }
    return main_system_bus;
}

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory)
{
    int n = dev->num_mmio++;

    g_assert(n < QDEV_MAX_MMIO);
    dev->mmio[n].addr = (hwaddr)-1;
    dev->mmio[n].memory = memory;
}

void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, "sysbus-irq", 1);
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(DEVICE(dev), "sysbus-irq", n, irq);
}

static void sysbus_mmio_map_common(SysBusDevice *dev, int n, hwaddr addr,
                                   bool may_overlap, int priority)
{
    MemoryRegion *mr;

    g_assert(n >= 0 && n < dev->num_mmio);
    mr = dev->mmio[n].memory;
    if (dev->mmio[n].addr == addr && mr->container) {
        return;
    }
    if (mr->container) {
        memory_region_del_subregion(get_system_memory(), mr);
    }
    dev->mmio[n].addr = addr;
    if (may_overlap) {
        memory_region_add_subregion_overlap(get_system_memory(), addr, mr,
                                            priority);
    } else {
        memory_region_add_subregion(get_system_memory(), addr, mr);
    }
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    sysbus_mmio_map_common(dev, n, addr, false, 0);
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    sysbus_mmio_map_common(dev, n, addr, true, priority);
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    return dev->mmio[n].memory;
}

bool sysbus_realize(SysBusDevice *dev, Error **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

/* Boards create built-in devices with fixed settings: failing is a bug. */
DeviceState *sysbus_create_simple(const char *name, hwaddr addr, qemu_irq irq)
{
    DeviceState *dev = qdev_new(name);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);

    sysbus_realize_and_unref(s, &error_abort);
    if (addr != (hwaddr)-1) {
        sysbus_mmio_map(s, 0, addr);
    }
    if (irq) {
        sysbus_connect_irq(s, 0, irq);
    }
    return dev;
}

/* "info qtree": one "mmio ADDR/SIZE" line per region, unmapped as -1. */
static void sysbus_print_dev(GString *out, DeviceState *dev, int indent)
{
    SysBusDevice *s = SYS_BUS_DEVICE(dev);

    for (int i = 0; i < s->num_mmio; i++) {
        g_string_append_printf(out, "%*smmio %016" HWADDR_PRIx "/%016"
                               PRIx64 "\n", indent, "", s->mmio[i].addr,
                               memory_region_size(s->mmio[i].memory));
    }
}

static void system_bus_class_init(ObjectClass *klass, void *data)
{
    BUS_CLASS(klass)->print_dev = sysbus_print_dev;
}

static void sysbus_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_SYSTEM_BUS;
    /* Boards map and wire these; -device could do neither. */
    dc->user_creatable = false;
}

static const TypeInfo sysbus_types[] = {
    {
        .name = TYPE_SYSTEM_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_init = system_bus_class_init,
    },
    {
        .name = TYPE_SYS_BUS_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .abstract = true,
        .class_init = sysbus_device_class_init,
    },
};

static void sysbus_register_types(void)
{
    type_register_static_array(sysbus_types, ARRAY_SIZE(sysbus_types));
}

type_init(sysbus_register_types)
