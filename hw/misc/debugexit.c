/*
 * "isa-debug-exit": how test guests end a run with a status. Interface:
 * iosize I/O ports at iobase (defaults 0x501 and 2), no IRQ. A write of
 * value v (1 to 4 bytes) ends the process with status (v << 1) | 1, so a
 * guest can never make it report plain success (0); reads return 0.
 *
 * This device is the one place besides the main loop that ends the
 * process: like QEMU it calls exit() from the I/O access, after putting
 * the terminal back (qemu_chr_cleanup).
 */
#include "qemu/osdep.h"
#include "hw/isa/isa.h"
#include "hw/misc/debugexit.h"
#include "chardev/char.h"

OBJECT_DECLARE_SIMPLE_TYPE(ISADebugExitState, ISA_DEBUG_EXIT)

struct ISADebugExitState {
    ISADevice parent_obj;
    uint32_t iobase;
    uint32_t iosize;
    MemoryRegion io;
    bool io_initialized;
};

static const Property debug_exit_props[] = {
    PROP_UINT32("iobase", ISADebugExitState, iobase, 0x501),
    PROP_UINT32("iosize", ISADebugExitState, iosize, 0x02),
    PROP_END,
};

static uint64_t debug_exit_read(void *opaque, hwaddr addr, unsigned size)
{
    (void)opaque;
    (void)addr;
    (void)size;
    return 0;
}

static void debug_exit_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    (void)opaque;
    (void)addr;
    (void)size;
    qemu_chr_cleanup();
    exit((int)((val << 1) | 1));
}

static const MemoryRegionOps debug_exit_ops = {
    .read = debug_exit_read,
    .write = debug_exit_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
};

static bool debug_exit_realize(DeviceState *dev, Error **errp)
{
    ISADebugExitState *s = ISA_DEBUG_EXIT(dev);

    /* QEMU maps whatever size it is given; an empty region maps nothing. */
    if (!s->iosize) {
        error_setg(errp, "Property 'isa-debug-exit.iosize' must be at "
                   "least 1");
        return false;
    }
    /* The size is a property, so the region is made here, not at init. */
    if (s->io_initialized) {
        memory_region_finalize(&s->io);
    }
    memory_region_init_io(&s->io, OBJECT(dev), &debug_exit_ops, s,
                          TYPE_ISA_DEBUG_EXIT, s->iosize);
    s->io_initialized = true;
    return isa_register_ioport(ISA_DEVICE(dev), &s->io, s->iobase, errp);
}

static void debug_exit_unrealize(DeviceState *dev)
{
    ISADebugExitState *s = ISA_DEBUG_EXIT(dev);

    isa_unregister_ioport(ISA_DEVICE(dev), &s->io);
}

static void debug_exit_finalize(Object *obj)
{
    ISADebugExitState *s = ISA_DEBUG_EXIT(obj);

    if (s->io_initialized) {
        memory_region_finalize(&s->io);
    }
}

static void debug_exit_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->realize = debug_exit_realize;
    dc->unrealize = debug_exit_unrealize;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, debug_exit_props);
}

static const TypeInfo debug_exit_type = {
    .name = TYPE_ISA_DEBUG_EXIT,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(ISADebugExitState),
    .instance_finalize = debug_exit_finalize,
    .class_init = debug_exit_class_init,
};

static void debug_exit_register_types(void)
{
    type_register_static(&debug_exit_type);
}

type_init(debug_exit_register_types)
