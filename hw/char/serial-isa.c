/*
 * "isa-serial": a 16550A on the ISA bus. Interface: 8 I/O ports at iobase,
 * one ISA IRQ, properties index (0..3: COM1..COM4), iobase, irq, chardev,
 * baudbase. Unset iobase/irq come from the index; an unset index is the
 * next free COM number, counting isa-serial devices as they are realized
 * (as QEMU does). The resolved values are written back, so info qtree
 * shows them.
 */
#include "qemu/osdep.h"
#include "hw/isa/isa.h"
#include "hw/char/serial.h"

#define TYPE_ISA_SERIAL "isa-serial"
#define ISA_SERIAL_MAX_PORTS 4
#define ISA_SERIAL_UNSET UINT32_MAX

OBJECT_DECLARE_SIMPLE_TYPE(ISASerialState, ISA_SERIAL)

struct ISASerialState {
    ISADevice parent_obj;
    uint32_t index;
    uint32_t iobase;
    uint32_t isairq;
    SerialState state;
};

/* The PC's standard COM ports. */
static const struct {
    uint16_t iobase;
    uint8_t irq;
} isa_serial_ports[ISA_SERIAL_MAX_PORTS] = {
    { 0x3f8, 4 },
    { 0x2f8, 3 },
    { 0x3e8, 4 },
    { 0x2e8, 3 },
};

static unsigned isa_serial_next_index;

static const Property isa_serial_props[] = {
    PROP_UINT32("index", ISASerialState, index, ISA_SERIAL_UNSET),
    PROP_UINT32("iobase", ISASerialState, iobase, ISA_SERIAL_UNSET),
    PROP_UINT32("irq", ISASerialState, isairq, ISA_SERIAL_UNSET),
    PROP_CHARDEV("chardev", ISASerialState, state.chr),
    PROP_UINT32("baudbase", ISASerialState, state.baudbase, 115200),
    PROP_END,
};

static bool isa_serial_realize(DeviceState *dev, Error **errp)
{
    ISASerialState *isa = ISA_SERIAL(dev);
    SerialState *s = &isa->state;
    qemu_irq irq;

    if (isa->index == ISA_SERIAL_UNSET) {
        isa->index = isa_serial_next_index;
    }
    if (isa->index >= ISA_SERIAL_MAX_PORTS) {
        error_setg(errp, "Max. supported number of ISA serial ports is %d.",
                   ISA_SERIAL_MAX_PORTS);
        return false;
    }
    if (isa->iobase == ISA_SERIAL_UNSET) {
        isa->iobase = isa_serial_ports[isa->index].iobase;
    }
    if (isa->isairq == ISA_SERIAL_UNSET) {
        isa->isairq = isa_serial_ports[isa->index].irq;
    }
    irq = isa_get_irq(ISA_DEVICE(dev), isa->isairq, errp);
    if (!irq) {
        return false;
    }
    s->irq = irq;
    if (!serial_realize_core(s, errp)) {
        return false;
    }
    if (!isa_register_ioport(ISA_DEVICE(dev), &s->io, isa->iobase, errp)) {
        serial_unrealize_core(s);
        return false;
    }
    isa_serial_next_index++;
    return true;
}

static void isa_serial_unrealize(DeviceState *dev)
{
    ISASerialState *isa = ISA_SERIAL(dev);

    isa_unregister_ioport(ISA_DEVICE(dev), &isa->state.io);
    serial_unrealize_core(&isa->state);
}

static void isa_serial_reset(DeviceState *dev)
{
    serial_reset(&ISA_SERIAL(dev)->state);
}

static void isa_serial_init(Object *obj)
{
    ISASerialState *isa = ISA_SERIAL(obj);

    serial_init(&isa->state, obj);
}

static void isa_serial_finalize(Object *obj)
{
    ISASerialState *isa = ISA_SERIAL(obj);

    timer_del(&isa->state.rx_timeout);
    memory_region_finalize(&isa->state.io);
}

static void isa_serial_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->realize = isa_serial_realize;
    dc->unrealize = isa_serial_unrealize;
    dc->reset = isa_serial_reset;
    device_class_set_category(dc, DEVICE_CATEGORY_INPUT);
    device_class_set_props(dc, isa_serial_props);
}

static const TypeInfo isa_serial_type = {
    .name = TYPE_ISA_SERIAL,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISASerialState),
    .instance_init = isa_serial_init,
    .instance_finalize = isa_serial_finalize,
    .class_init = isa_serial_class_init,
};

static void isa_serial_register_types(void)
{
    type_register_static(&isa_serial_type);
}

type_init(isa_serial_register_types)
