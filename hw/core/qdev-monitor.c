/*
 * The user's view of devices: -device (qdev_device_add), -device help,
 * -device TYPE,help and "info qtree". Messages and listings follow
 * QEMU 7.2 word for word so scripts written for QEMU keep working.
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "hw/sysbus.h"
#include "qemu/error-report.h"

/* QEMU numbers /machine/peripheral-anon/device[N] with one counter. */
static int peripheral_anon_count;

static const char *const device_category_names[DEVICE_CATEGORY_MAX] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
    [DEVICE_CATEGORY_USB] = "USB",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_SOUND] = "Sound",
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
};

/* The class -device may instantiate, or NULL with QEMU's error. */
static DeviceClass *qdev_get_device_class(const char *driver, Error **errp)
{
    ObjectClass *oc = object_class_by_name(driver);
    DeviceClass *dc;

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'driver' expects a non-abstract device "
                   "type");
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device "
                   "type");
        return NULL;
    }
    return dc;
}

/* Depth first in plug order: the first bus of 'type' with room left. */
static BusState *qbus_find_by_type(BusState *bus, const char *type)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    if (object_dynamic_cast(OBJECT(bus), type) &&
        (!bc->max_dev || bus->children->len < (guint)bc->max_dev)) {
        return bus;
    }
    for (guint i = 0; i < bus->children->len; i++) {
        DeviceState *dev = g_ptr_array_index(bus->children, i);

        for (guint j = 0; j < dev->child_buses->len; j++) {
            BusState *found = qbus_find_by_type(
                g_ptr_array_index(dev->child_buses, j), type);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

static BusState *qdev_device_pick_bus(QemuOpts *opts, DeviceClass *dc,
                                      const char *driver, Error **errp)
{
    const char *path = qemu_opt_get(opts, "bus");
    BusState *bus;

    if (path) {
        bus = qbus_find(path, errp);
        if (bus && (!dc->bus_type ||
                    !object_dynamic_cast(OBJECT(bus), dc->bus_type))) {
            error_setg(errp, "Device '%s' can't go on %s bus", driver,
                       object_get_typename(OBJECT(bus)));
            return NULL;
        }
        return bus;
    }
    if (!dc->bus_type) {
        return NULL;
    }
    bus = qbus_find_by_type(sysbus_get_default(), dc->bus_type);
    if (!bus) {
        error_setg(errp, "No '%s' bus found for device '%s'", dc->bus_type,
                   driver);
    }
    return bus;
}

static int qdev_device_set_one(void *opaque, const char *name,
                               const char *value, Error **errp)
{
    if (!strcmp(name, "driver") || !strcmp(name, "bus") ||
        !strcmp(name, "id")) {
        return 0;
    }
    return object_property_parse(OBJECT(opaque), name, value, errp) ? 0 : -1;
}

static bool qdev_device_add_to_tree(DeviceState *dev, const char *id,
                                    Error **errp)
{
    Object *root = object_get_root();
    char *name;
    bool ok;

    if (id) {
        return object_property_add_child(
            container_get(root, "/machine/peripheral"), id, OBJECT(dev),
            errp);
    }
    name = g_strdup_printf("device[%d]", peripheral_anon_count++);
    ok = object_property_add_child(
        container_get(root, "/machine/peripheral-anon"), name, OBJECT(dev),
        errp);
    g_free(name);
    return ok;
}

DeviceState *qdev_device_add(QemuOpts *opts, Error **errp)
{
    const char *driver = qemu_opt_get(opts, "driver");
    const char *id = qemu_opt_get(opts, "id");
    DeviceClass *dc;
    DeviceState *dev;
    BusState *bus;
    Error *err = NULL;

    /* QEMU checks the id while parsing the option, before anything else. */
    if (id) {
        Object *peripheral = object_resolve_path("/machine/peripheral",
                                                 NULL);

        if (!id_wellformed(id)) {
            error_setg(&err, "Parameter 'id' expects an identifier");
            error_append_hint(&err, "Identifiers consist of letters, "
                              "digits, '-', '.', '_', starting with a "
                              "letter.\n");
            error_propagate(errp, err);
            return NULL;
        }
        if (peripheral && object_resolve_path_component(peripheral, id)) {
            error_setg(errp, "Duplicate ID '%s' for device", id);
            return NULL;
        }
    }
    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    dc = qdev_get_device_class(driver, errp);
    if (!dc) {
        return NULL;
    }
    bus = qdev_device_pick_bus(opts, dc, driver, &err);
    if (err) {
        error_propagate(errp, err);
        return NULL;
    }

    dev = DEVICE(object_new(driver));
    dev->id = g_strdup(id);
    if (qemu_opt_foreach(opts, qdev_device_set_one, dev, errp) ||
        !qdev_device_add_to_tree(dev, id, errp)) {
        object_unref(dev);
        return NULL;
    }
    if (!qdev_realize(dev, bus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(dev);
        return NULL;
    }
    /* The tree and the bus hold it now. */
    object_unref(dev);
    return dev;
}

static gint qdev_class_compare(gconstpointer a, gconstpointer b)
{
    return g_ascii_strcasecmp(object_class_get_name((ObjectClass *)a),
                              object_class_get_name((ObjectClass *)b));
}

static void qdev_print_device_line(FILE *f, DeviceClass *dc)
{
    fprintf(f, "name \"%s\"", object_class_get_name(OBJECT_CLASS(dc)));
    if (dc->bus_type) {
        fprintf(f, ", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        fprintf(f, ", desc \"%s\"", dc->desc);
    }
    fprintf(f, "\n");
}

/*
 * One group per category in enum order, a device in every category it
 * names; devices with none come last under "Uncategorized". Groups with no
 * device are left out; a blank line separates groups.
 */
void qdev_print_device_list(FILE *f)
{
    GSList *list = object_class_get_list_sorted(TYPE_DEVICE, false);
    bool first = true;

    list = g_slist_sort(list, qdev_class_compare);
    for (int cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool header = false;

        for (GSList *e = list; e; e = e->next) {
            DeviceClass *dc = DEVICE_CLASS(e->data);
            bool in_cat = cat < DEVICE_CATEGORY_MAX
                ? (dc->categories & (1UL << cat)) != 0
                : dc->categories == 0;

            if (!dc->user_creatable || !in_cat) {
                continue;
            }
            if (!header) {
                fprintf(f, "%s%s devices:\n", first ? "" : "\n",
                        cat < DEVICE_CATEGORY_MAX
                            ? device_category_names[cat] : "Uncategorized");
                header = true;
                first = false;
            }
            qdev_print_device_line(f, dc);
        }
    }
    g_slist_free(list);
}

bool qdev_device_help(QemuOpts *opts, FILE *f)
{
    const char *driver = qemu_opt_get(opts, "driver");
    Error *err = NULL;
    DeviceClass *dc;
    GString *out;

    if (driver && is_help_option(driver)) {
        qdev_print_device_list(f);
        return true;
    }
    if (!opts->help) {
        return false;
    }
    if (!driver) {
        qdev_print_device_list(f);
        return true;
    }
    dc = qdev_get_device_class(driver, &err);
    if (!dc) {
        error_report_err(err);
        return true;
    }
    out = g_string_new(NULL);
    object_class_property_help(OBJECT_CLASS(dc), out);
    fputs(out->str, f);
    g_string_free(out, true);
    return true;
}

/* "info qtree" value: integers with their hex, strings and enums quoted. */
static char *qdev_tree_prop_value(Object *obj, const Property *prop)
{
    const void *field = (const char *)obj + prop->offset;
    char *s;
    char *v;

    if (prop->info == &prop_info_uint || prop->info == &prop_info_size ||
        prop->info == &prop_info_int) {
        uint64_t u = 0;

        switch (prop->size) {
        case 1: u = *(const uint8_t *)field; break;
        case 2: u = *(const uint16_t *)field; break;
        case 4: u = *(const uint32_t *)field; break;
        default: u = *(const uint64_t *)field; break;
        }
        s = object_property_print(obj, prop->name, NULL);
        v = g_strdup_printf("%s (0x%" PRIx64 ")", s ? s : "", u);
        g_free(s);
        return v;
    }
    if (prop->info == &prop_info_bool) {
        /* qtree says true/false where -device help says on/off. */
        return g_strdup(*(const bool *)field ? "true" : "false");
    }
    s = object_property_print(obj, prop->name, NULL);
    v = g_strdup_printf("\"%s\"", s ? s : "");
    g_free(s);
    return v;
}

typedef struct QtreePropState {
    GString *out;
    Object *obj;
    int indent;
} QtreePropState;

static void qdev_tree_print_prop(const Property *prop, void *opaque)
{
    QtreePropState *s = opaque;
    char *v;

    if (prop->info == &prop_info_link) {
        return;
    }
    v = qdev_tree_prop_value(s->obj, prop);
    g_string_append_printf(s->out, "%*s%s = %s\n", s->indent, "",
                           prop->name, v);
    g_free(v);
}

static void qdev_tree_print_bus(GString *out, BusState *bus, int indent);

static void qdev_tree_print_dev(GString *out, DeviceState *dev, int indent)
{
    BusClass *bc = BUS_GET_CLASS(dev->parent_bus);
    QtreePropState ps = { out, OBJECT(dev), indent + 2 };

    g_string_append_printf(out, "%*sdev: %s, id \"%s\"\n", indent, "",
                           object_get_typename(OBJECT(dev)),
                           dev->id ? dev->id : "");
    /* QEMU keeps GPIO lists newest first. */
    for (guint i = dev->gpios->len; i > 0; i--) {
        NamedGPIOList *ngl = g_ptr_array_index(dev->gpios, i - 1);
        const char *name = ngl->name ? ngl->name : "";

        if (ngl->num_in) {
            g_string_append_printf(out, "%*sgpio-in \"%s\" %d\n",
                                   indent + 2, "", name, ngl->num_in);
        }
        if (ngl->num_out) {
            g_string_append_printf(out, "%*sgpio-out \"%s\" %d\n",
                                   indent + 2, "", name, ngl->num_out);
        }
    }
    object_class_property_foreach(object_get_class(OBJECT(dev)),
                                  qdev_tree_print_prop, &ps);
    if (bc->print_dev) {
        bc->print_dev(out, dev, indent + 2);
    }
    for (guint i = 0; i < dev->child_buses->len; i++) {
        qdev_tree_print_bus(out, g_ptr_array_index(dev->child_buses, i),
                            indent + 2);
    }
}

static void qdev_tree_print_bus(GString *out, BusState *bus, int indent)
{
    g_string_append_printf(out, "%*sbus: %s\n", indent, "", bus->name);
    g_string_append_printf(out, "%*stype %s\n", indent + 2, "",
                           object_get_typename(OBJECT(bus)));
    /* QEMU lists a bus's devices newest first. */
    for (guint i = bus->children->len; i > 0; i--) {
        qdev_tree_print_dev(out, g_ptr_array_index(bus->children, i - 1),
                            indent + 2);
    }
}

void qdev_tree_info(GString *out)
{
    qdev_tree_print_bus(out, sysbus_get_default(), 0);
}
