/*
 * Device properties that refer to host-side backends by id. "chardev":
 * the field is a CharBackend; the value names a -chardev id, and setting it
 * attaches the device as that chardev's frontend.
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "chardev/char.h"

static CharBackend *prop_chardev_field(Object *obj, const Property *prop)
{
    return (CharBackend *)((char *)obj + prop->offset);
}

static bool prop_chardev_parse(Object *obj, const Property *prop,
                               const char *str, Error **errp)
{
    CharBackend *be = prop_chardev_field(obj, prop);
    Chardev *chr;

    /* An empty value means "no backend", as in QEMU. */
    if (!*str) {
        if (be->chr) {
            qemu_chr_fe_deinit(be, false);
        }
        return true;
    }
    chr = qemu_chr_find(str);
    if (!chr) {
        error_setg(errp, "Property '%s.%s' can't find value '%s'",
                   object_get_typename(obj), prop->name, str);
        return false;
    }
    if (be->chr == chr) {
        return true;
    }
    if (be->chr) {
        qemu_chr_fe_deinit(be, false);
    }
    return qemu_chr_fe_init(be, chr, errp);
}

static char *prop_chardev_print(Object *obj, const Property *prop)
{
    CharBackend *be = prop_chardev_field(obj, prop);

    return g_strdup(be->chr && be->chr->label ? be->chr->label : "");
}

static void prop_chardev_release(Object *obj, const Property *prop)
{
    CharBackend *be = prop_chardev_field(obj, prop);

    if (be->chr) {
        qemu_chr_fe_deinit(be, false);
    }
}

const PropertyInfo prop_info_chardev = {
    .type_name = "str",
    .description = "ID of a chardev to use as a backend",
    .parse = prop_chardev_parse,
    .print = prop_chardev_print,
    .release = prop_chardev_release,
};
