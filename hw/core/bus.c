/*
 * TYPE_BUS: where devices plug in. A bus is a QOM child of the device that
 * provides it (or, for the main system bus, of /machine/unattached) and
 * holds a reference on every device plugged into it, in plug order.
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "hw/sysbus.h"
#include "qdev-internal.h"

/* "<bus type in lower case>.N" names count per bus type, as QEMU does. */
static GHashTable *bus_auto_ids;

static char *qbus_auto_name(const char *typename, DeviceState *parent)
{
    char *lower;
    char *name;
    gpointer n;

    if (parent && parent->id) {
        return g_strdup_printf("%s.%u", parent->id, parent->child_buses->len);
    }
    if (!bus_auto_ids) {
        bus_auto_ids = g_hash_table_new_full(g_str_hash, g_str_equal,
                                             g_free, NULL);
    }
    n = g_hash_table_lookup(bus_auto_ids, typename);
    g_hash_table_insert(bus_auto_ids, g_strdup(typename),
                        GINT_TO_POINTER(GPOINTER_TO_INT(n) + 1));
    lower = g_ascii_strdown(typename, -1);
    name = g_strdup_printf("%s.%d", lower, GPOINTER_TO_INT(n));
    g_free(lower);
    return name;
}

BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name)
{
    BusState *bus = BUS(object_new(typename));

    bus->parent = parent;
    bus->name = name ? g_strdup(name) : qbus_auto_name(typename, parent);
    if (!parent) {
        /* The main system bus: sysbus_get_default() files it in the tree. */
        bus->realized = true;
        return bus;
    }
    if (!object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus),
                                   NULL)) {
        /* Same name twice on one device is a board bug. */
        g_error("bus '%s' already exists on '%s'", bus->name,
                object_get_typename(OBJECT(parent)));
    }
    object_unref(bus);
    g_ptr_array_add(parent->child_buses, bus);
    bus->realized = parent->realized;
    return bus;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    for (guint i = 0; i < dev->child_buses->len; i++) {
        BusState *bus = g_ptr_array_index(dev->child_buses, i);

        if (!strcmp(bus->name, name)) {
            return bus;
        }
    }
    return NULL;
}

bool qbus_check_plug(BusState *bus, DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusClass *bc = BUS_GET_CLASS(bus);

    if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
        error_setg(errp, "Device '%s' can't go on %s bus",
                   object_get_typename(OBJECT(dev)),
                   object_get_typename(OBJECT(bus)));
        return false;
    }
    if (bc->max_dev && bus->children->len >= (guint)bc->max_dev) {
        error_setg(errp, "Bus '%s' is full", bus->name);
        return false;
    }
    return true;
}

void qbus_add_child(BusState *bus, DeviceState *dev)
{
    g_assert(!dev->parent_bus);
    object_ref(dev);
    dev->parent_bus = bus;
    g_ptr_array_add(bus->children, dev);
}

void qbus_remove_child(BusState *bus, DeviceState *dev)
{
    if (dev->parent_bus != bus || !g_ptr_array_remove(bus->children, dev)) {
        return;
    }
    dev->parent_bus = NULL;
    object_unref(dev);
}

void qbus_set_realized(BusState *bus, bool realized)
{
    if (!realized) {
        /* Newest first, the reverse of how they were wired in. */
        for (guint i = bus->children->len; i > 0; i--) {
            DeviceState *dev = g_ptr_array_index(bus->children, i - 1);

            qdev_unrealize(dev);
        }
    }
    bus->realized = realized;
}

void bus_cold_reset(BusState *bus)
{
    for (guint i = 0; i < bus->children->len; i++) {
        device_cold_reset(g_ptr_array_index(bus->children, i));
    }
}

void qdev_reset_all(void)
{
    bus_cold_reset(sysbus_get_default());
}

/* Depth-first from bus, in plug order: the first bus named 'name', or the
 * only bus of a device whose id is 'name'. */
static BusState *qbus_find_recursive(BusState *bus, const char *name)
{
    if (!strcmp(bus->name, name)) {
        return bus;
    }
    for (guint i = 0; i < bus->children->len; i++) {
        DeviceState *dev = g_ptr_array_index(bus->children, i);

        if (dev->id && !strcmp(dev->id, name) && dev->child_buses->len) {
            return g_ptr_array_index(dev->child_buses, 0);
        }
        for (guint j = 0; j < dev->child_buses->len; j++) {
            BusState *found = qbus_find_recursive(
                g_ptr_array_index(dev->child_buses, j), name);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

/*
 * "pci.0" or a device id finds the bus anywhere in the tree; a path
 * "/a/b/pci.0" is resolved by its last element, which QEMU also requires to
 * be unique in practice.
 */
BusState *qbus_find(const char *path, Error **errp)
{
    const char *name = strrchr(path, '/');
    BusState *bus;

    name = name ? name + 1 : path;
    bus = *name ? qbus_find_recursive(sysbus_get_default(), name) : NULL;
    if (!bus && (!*name || !strcmp(path, "/"))) {
        bus = sysbus_get_default();
    }
    if (!bus) {
        error_setg(errp, "Bus '%s' not found", path);
    }
    return bus;
}

DeviceState *qdev_find_recursive(BusState *bus, const char *id)
{
    for (guint i = 0; i < bus->children->len; i++) {
        DeviceState *dev = g_ptr_array_index(bus->children, i);

        if (dev->id && !strcmp(dev->id, id)) {
            return dev;
        }
        for (guint j = 0; j < dev->child_buses->len; j++) {
            DeviceState *found = qdev_find_recursive(
                g_ptr_array_index(dev->child_buses, j), id);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

static void bus_instance_init(Object *obj)
{
    BUS(obj)->children = g_ptr_array_new();
}

static void bus_instance_finalize(Object *obj)
{
    BusState *bus = BUS(obj);

    while (bus->children->len) {
        qbus_remove_child(bus, g_ptr_array_index(bus->children,
                                                 bus->children->len - 1));
    }
    g_ptr_array_free(bus->children, true);
    g_free(bus->name);
}

static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);

    /* Devices leave with their bus (device_del of a bridge). */
    qbus_set_realized(bus, false);
    if (bus->parent && bus->parent->child_buses) {
        g_ptr_array_remove(bus->parent->child_buses, bus);
    }
}

static void bus_class_init(ObjectClass *klass, void *data)
{
    klass->unparent = bus_unparent;
}

static const TypeInfo bus_type_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .instance_init = bus_instance_init,
    .instance_finalize = bus_instance_finalize,
    .abstract = true,
    .class_size = sizeof(BusClass),
    .class_init = bus_class_init,
};

static void bus_register_types(void)
{
    type_register_static(&bus_type_info);
}

type_init(bus_register_types)
