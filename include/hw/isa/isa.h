/*
 * The ISA bus: legacy PC devices (serial ports, debug-exit, RTC, PIT...).
 *
 * A board (or a PCI-ISA bridge) creates the bus with isa_bus_new() over an
 * I/O port space (normally get_system_io()) and hands it the 16 interrupt
 * controller inputs with isa_bus_irqs(). ISA devices map their port
 * regions with isa_register_ioport() and take their line with
 * isa_get_irq(). The bus owns 16 forwarding lines of its own, so devices
 * may be realized before or after the board sets the controller's lines.
 *
 * See docs/devel/isa.md.
 */
#ifndef HW_ISA_H
#define HW_ISA_H

#include "hw/qdev.h"
#include "exec/memory.h"

#define TYPE_ISA_BUS "ISA"
#define TYPE_ISA_DEVICE "isa-device"
#define ISA_NUM_IRQS 16

OBJECT_DECLARE_SIMPLE_TYPE(ISABus, ISA_BUS)
OBJECT_DECLARE_SIMPLE_TYPE(ISADevice, ISA_DEVICE)

struct ISABus {
    BusState parent_obj;
    MemoryRegion *address_space_io;   /* where ports are mapped */
    qemu_irq irqs[ISA_NUM_IRQS];      /* what devices raise (ours) */
    qemu_irq out[ISA_NUM_IRQS];       /* the controller's inputs, or NULL */
};

/* Abstract base of every ISA device: user creatable, bus type "ISA". */
struct ISADevice {
    DeviceState parent_obj;
};

/*
 * A new ISA bus named "isa.N" (or "<parent id>.0") on parent; parent may
 * be NULL for a bus outside the device tree (tests). Fails without an I/O
 * space.
 */
ISABus *isa_bus_new(DeviceState *parent, MemoryRegion *address_space_io,
                    Error **errp);
/* Connect the bus's 16 lines to the interrupt controller (irqs[0..15]);
 * NULL entries leave a line unconnected. May be called again. */
void isa_bus_irqs(ISABus *bus, qemu_irq *irqs);
/* The bus the device sits on (NULL before it is plugged). */
ISABus *isa_bus_from_device(ISADevice *dev);
/*
 * ISA line isairq (0..15) of the device's bus, never NULL on success.
 * Out of range or no bus: NULL and "ISA IRQ N is out of range (0..15)".
 */
qemu_irq isa_get_irq(ISADevice *dev, uint32_t isairq, Error **errp);
/*
 * Map io at port start in the bus's I/O space. Fails when the range does
 * not fit in that space ("I/O ports 0x10000..0x10007 are outside the ISA
 * I/O space (0x0..0xffff)").
 */
bool isa_register_ioport(ISADevice *dev, MemoryRegion *io, uint32_t start,
                         Error **errp);
/* Undo isa_register_ioport (unrealize); harmless if io is not mapped. */
void isa_unregister_ioport(ISADevice *dev, MemoryRegion *io);

#endif
