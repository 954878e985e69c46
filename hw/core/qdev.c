/*
 * TYPE_DEVICE: the create / configure / realize life cycle. A device is
 * created with qdev_new, configured through its static properties, then
 * realized onto a bus; realize either wires it in completely or fails and
 * leaves it as it was. Once realized its properties are frozen, so nothing
 * can change a device's configuration behind the guest's back.
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "qdev-internal.h"

/* QEMU numbers /machine/unattached/device[N] with one global counter. */
static int unattached_count;

DeviceState *qdev_new(const char *name)
{
    return DEVICE(object_new(name));
}

static bool device_property_set_allowed(Object *obj, const Property *prop,
                                        Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", prop->name,
                   dev->id ? dev->id : "", object_get_typename(obj));
        return false;
    }
    return true;
}

/*
 * A device nobody put in the composition tree still belongs to the machine:
 * QEMU files it under /machine/unattached so "info qom-tree" shows it.
 * Returns true if this call parented it (so a failed realize can undo it).
 */
static bool qdev_attach_unattached(DeviceState *dev)
{
    Object *machine;
    char *name;
    bool ok;

    if (OBJECT(dev)->parent) {
        return false;
    }
    machine = object_resolve_path("/machine", NULL);
    if (!machine) {
        return false;
    }
    name = g_strdup_printf("device[%d]", unattached_count++);
    ok = object_property_add_child(container_get(machine, "unattached"),
                                   name, OBJECT(dev), NULL);
    g_free(name);
    return ok;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    bool attached;

    g_assert(!dev->realized);
    if (bus) {
        if (!qbus_check_plug(bus, dev, errp)) {
            return false;
        }
        qbus_add_child(bus, dev);
    } else if (dc->bus_type) {
        error_setg(errp, "No '%s' bus found for device '%s'", dc->bus_type,
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    /* Keep dev alive across a failure that drops the bus's reference. */
    object_ref(dev);
    attached = qdev_attach_unattached(dev);
    if (dc->realize && !dc->realize(dev, errp)) {
        if (attached) {
            object_unparent(OBJECT(dev));
        }
        if (bus) {
            qbus_remove_child(bus, dev);
        }
        object_unref(dev);
        return false;
    }
    dev->realized = true;
    for (guint i = 0; i < dev->child_buses->len; i++) {
        qbus_set_realized(g_ptr_array_index(dev->child_buses, i), true);
    }
    object_unref(dev);
    return true;
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(dev);
    return ok;
}

/*
 * Undo realize: the devices on our buses go first (they may still talk to
 * us while they shut down), then our own unrealize, then off our bus.
 */
void qdev_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (!dev->realized) {
        return;
    }
    object_ref(dev);
    for (guint i = 0; i < dev->child_buses->len; i++) {
        qbus_set_realized(g_ptr_array_index(dev->child_buses, i), false);
    }
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->realized = false;
    if (dev->parent_bus) {
        qbus_remove_child(dev->parent_bus, dev);
    }
    object_unref(dev);
}

void device_cold_reset(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->reset) {
        dc->reset(dev);
    }
    for (guint i = 0; i < dev->child_buses->len; i++) {
        bus_cold_reset(g_ptr_array_index(dev->child_buses, i));
    }
}

/* Removing a device from the tree (device_del, finalize of its parent)
 * also takes it out of the machine. */
static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_unrealize(dev);
    } else if (dev->parent_bus) {
        object_ref(dev);
        qbus_remove_child(dev->parent_bus, dev);
        object_unref(dev);
    }
}

static void device_instance_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->child_buses = g_ptr_array_new();
    dev->gpios = g_ptr_array_new();
}

static void device_instance_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    /* Child buses are QOM children: the tree releases them after us. */
    g_ptr_array_free(dev->child_buses, true);
    dev->child_buses = NULL;
    qdev_gpio_free_all(dev);
    g_free(dev->id);
    dev->id = NULL;
}

static void device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    klass->property_set_allowed = device_property_set_allowed;
    klass->unparent = device_unparent;
    /* As in QEMU: devices are pluggable unless their class says not. */
    dc->user_creatable = true;
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_init = device_instance_init,
    .instance_finalize = device_instance_finalize,
    .abstract = true,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
};

static void device_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(device_register_types)
