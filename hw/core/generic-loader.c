/*
 * "loader": QEMU's generic loader, a bus-less device that puts bytes into
 * guest memory at every system reset. Two modes:
 *   data:  -device loader,addr=A,data=D,data-len=N[,data-be=on]
 *          writes the N low bytes of D (1..8; little endian unless
 *          data-be) at A;
 *   file:  -device loader,file=F[,addr=A][,force-raw=on]
 *          copies the raw image F to A (ELF images are not handled yet).
 * Setting a CPU's program counter (addr + cpu-num without data or file)
 * needs CPUs, which Kestrel does not have yet.
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "hw/boards.h"
#include "exec/memory.h"
#include "sysemu/runstate.h"

#define TYPE_GENERIC_LOADER "loader"
#define GENERIC_LOADER_CPU_NONE 0xffffffffu

OBJECT_DECLARE_SIMPLE_TYPE(GenericLoaderState, GENERIC_LOADER)

struct GenericLoaderState {
    DeviceState parent_obj;
    uint64_t addr;
    uint64_t data;
    uint8_t data_len;
    bool data_be;
    uint32_t cpu_num;
    char *file;
    bool force_raw;
    /* What reset writes: data bytes or the file's contents. */
    uint8_t *image;
    size_t image_size;
    bool is_file;
};

static const Property generic_loader_props[] = {
    PROP_UINT64("addr", GenericLoaderState, addr, 0),
    PROP_UINT64("data", GenericLoaderState, data, 0),
    PROP_UINT8("data-len", GenericLoaderState, data_len, 0),
    PROP_BOOL("data-be", GenericLoaderState, data_be, false),
    PROP_UINT32("cpu-num", GenericLoaderState, cpu_num,
                GENERIC_LOADER_CPU_NONE),
    PROP_BOOL("force-raw", GenericLoaderState, force_raw, false),
    PROP_STRING("file", GenericLoaderState, file),
    PROP_END,
};

/* Registered once per realize; an unrealized loader writes nothing. */
static void generic_loader_reset(void *opaque)
{
    GenericLoaderState *s = opaque;

    if (!s->parent_obj.realized || !s->image) {
        return;
    }
    if (s->is_file) {
        address_space_write_rom(&address_space_memory, s->addr, s->image,
                                s->image_size);
    } else {
        address_space_write(&address_space_memory, s->addr, s->image,
                            s->image_size);
    }
}

/* QEMU's checks, in QEMU's order and words. */
static bool generic_loader_check(GenericLoaderState *s, Error **errp)
{
    if (s->data || s->data_len || s->data_be) {
        if (s->file) {
            error_setg(errp, "Specifying a file is not supported when "
                       "loading memory values");
            return false;
        }
        if (s->force_raw) {
            error_setg(errp, "Specifying force-raw is not supported when "
                       "loading memory values");
            return false;
        }
        if (!s->data_len) {
            error_setg(errp, "Both data and data-len must be specified");
            return false;
        }
        if (s->data_len > 8) {
            error_setg(errp, "data-len cannot be greater then 8 bytes");
            return false;
        }
    } else if (!s->file && !s->force_raw) {
        if (!s->addr) {
            error_setg(errp, "please include valid arguments");
            return false;
        }
        if (s->cpu_num == GENERIC_LOADER_CPU_NONE) {
            error_setg(errp, "cpu_num must be specified when setting a "
                       "program counter");
            return false;
        }
    }
    if (s->cpu_num != GENERIC_LOADER_CPU_NONE) {
        error_setg(errp, "cpu-num: no CPUs yet: not supported by Kestrel yet");
        return false;
    }
    return true;
}

static void generic_loader_set_data(GenericLoaderState *s)
{
    s->image_size = s->data_len;
    s->image = g_malloc(s->image_size);
    for (unsigned i = 0; i < s->data_len; i++) {
        unsigned shift = s->data_be ? 8 * (s->data_len - 1 - i) : 8 * i;

        s->image[i] = s->data >> shift;
    }
}

static bool generic_loader_load_file(GenericLoaderState *s, Error **errp)
{
    static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };
    gchar *contents = NULL;
    gsize len = 0;

    if (!g_file_get_contents(s->file, &contents, &len, NULL)) {
        error_setg(errp, "Cannot load specified image %s", s->file);
        return false;
    }
    if (!s->force_raw && len >= 4 && !memcmp(contents, elf_magic, 4)) {
        g_free(contents);
        error_setg(errp, "loader: ELF files are not supported by Kestrel "
                   "yet");
        return false;
    }
    /* QEMU caps a raw image at the machine's RAM size. */
    if (current_machine && len > current_machine->ram_size) {
        g_free(contents);
        error_setg(errp, "Cannot load specified image %s", s->file);
        return false;
    }
    s->image = (uint8_t *)contents;
    s->image_size = len;
    s->is_file = true;
    return true;
}

static bool generic_loader_realize(DeviceState *dev, Error **errp)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    if (!generic_loader_check(s, errp)) {
        return false;
    }
    g_free(s->image);
    s->image = NULL;
    s->image_size = 0;
    s->is_file = false;
    if (s->data_len) {
        generic_loader_set_data(s);
    } else if (s->file && !generic_loader_load_file(s, errp)) {
        return false;
    }
    /*
     * Bus-less devices are not reached by the bus walk, so the loader
     * resets through the reset handler list as in QEMU. There is no way to
     * unregister a handler: the list keeps a reference on the device.
     */
    object_ref(dev);
    qemu_register_reset(generic_loader_reset, s);
    return true;
}

static void generic_loader_unrealize(DeviceState *dev)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    g_free(s->image);
    s->image = NULL;
    s->image_size = 0;
}

static void generic_loader_finalize(Object *obj)
{
    g_free(GENERIC_LOADER(obj)->image);
}

static void generic_loader_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "Generic Loader";
    dc->realize = generic_loader_realize;
    dc->unrealize = generic_loader_unrealize;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, generic_loader_props);
}

static const TypeInfo generic_loader_type_info = {
    .name = TYPE_GENERIC_LOADER,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(GenericLoaderState),
    .instance_finalize = generic_loader_finalize,
    .class_init = generic_loader_class_init,
};

static void generic_loader_register_types(void)
{
    type_register_static(&generic_loader_type_info);
}

type_init(generic_loader_register_types)
