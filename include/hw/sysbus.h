/*
 * System bus devices: memory-mapped devices with MMIO regions, I/O port
 * regions and IRQ outputs, mapped by the board.
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "hw/qdev.h"
#include "exec/memory.h"

#define TYPE_SYSTEM_BUS "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"
#define QDEV_MAX_MMIO 32
#define QDEV_MAX_PIO 32

OBJECT_DECLARE_SIMPLE_TYPE(SysBusDevice, SYS_BUS_DEVICE)

struct SysBusDevice {
    DeviceState parent_obj;
    int num_mmio;
    struct {
        hwaddr addr;          /* -1 while unmapped */
        MemoryRegion *memory;
    } mmio[QDEV_MAX_MMIO];
    int num_pio;
    uint32_t pio[QDEV_MAX_PIO];
};

BusState *sysbus_get_default(void);   /* "main-system-bus" */
void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory);
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p);
/* Map region n into system memory at addr. */
void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr);
void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority);
MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n);
void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq);
/* Create, realize on the main system bus, map region 0 at addr. */
DeviceState *sysbus_create_simple(const char *name, hwaddr addr, qemu_irq irq);
bool sysbus_realize(SysBusDevice *dev, Error **errp);
bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp);

#endif
