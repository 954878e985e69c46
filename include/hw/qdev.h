/*
 * Devices and buses. A device is created (qdev_new), configured through
 * properties, then realized (qdev_realize) onto a bus; realize wires it in
 * and may fail with an error. After realize its properties are frozen.
 *
 * -device TYPE,... is handled by qdev_device_add (hw/core/qdev-monitor.c).
 * See docs/devel/qom.md.
 */
#ifndef HW_QDEV_H
#define HW_QDEV_H

#include "qom/object.h"
#include "hw/irq.h"
#include "qemu/option.h"

#define TYPE_DEVICE "device"
#define TYPE_BUS "bus"

typedef struct BusState BusState;

typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

typedef struct NamedGPIOList {
    char *name;               /* NULL for the unnamed list */
    qemu_irq *in;             /* inputs (allocated by the device) */
    int num_in;
    qemu_irq **out;           /* outputs: pointers to the device's fields */
    int num_out;
} NamedGPIOList;

OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)

struct DeviceClass {
    ObjectClass parent_class;
    const char *desc;
    unsigned long categories; /* 1 << DeviceCategory */
    bool user_creatable;      /* -device may create it */
    const char *bus_type;     /* the bus it sits on, NULL for none */
    bool (*realize)(DeviceState *dev, Error **errp);
    void (*unrealize)(DeviceState *dev);
    void (*reset)(DeviceState *dev);
};

struct DeviceState {
    Object parent_obj;
    char *id;                 /* -device ...,id=X, or NULL */
    bool realized;
    BusState *parent_bus;
    GPtrArray *child_buses;   /* BusState * */
    GPtrArray *gpios;         /* NamedGPIOList * */
};

OBJECT_DECLARE_TYPE(BusState, BusClass, BUS)

struct BusClass {
    ObjectClass parent_class;
    /* Extra "info qtree" lines for a device on this bus (indented). */
    void (*print_dev)(GString *out, DeviceState *dev, int indent);
    int max_dev;              /* 0: unlimited */
};

struct BusState {
    Object parent_obj;
    DeviceState *parent;      /* NULL for the main system bus */
    char *name;
    GPtrArray *children;      /* DeviceState *, in plug order */
    bool realized;
};

static inline void device_class_set_props(DeviceClass *dc,
                                          const Property *props)
{
    object_class_set_props(OBJECT_CLASS(dc), props);
}
static inline void device_class_set_category(DeviceClass *dc,
                                             DeviceCategory cat)
{
    dc->categories |= 1UL << cat;
}

DeviceState *qdev_new(const char *name);
/* Plug into bus (may be NULL for bus-less devices) and realize. */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);
/* As qdev_realize, then drop the caller's reference (the bus holds one). */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);
void qdev_unrealize(DeviceState *dev);
/* Reset a device and everything on its child buses. */
void device_cold_reset(DeviceState *dev);
void bus_cold_reset(BusState *bus);
/* The whole machine, from the main system bus down. */
void qdev_reset_all(void);

BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name);
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);
/* The bus device 'id' (or bus name) refers to: -device x,bus=pci.1 */
BusState *qbus_find(const char *path, Error **errp);
DeviceState *qdev_find_recursive(BusState *bus, const char *id);

/* GPIO lines (unnamed when name is NULL). */
void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);
void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n);
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);
qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin);
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin);

/*
 * -device: create, configure, plug and realize from options. The implied
 * key is "driver"; "id" and "bus" are handled here; every other key is a
 * property. The device is added as /machine/peripheral/<id> or
 * /machine/peripheral-anon/device[N]. Errors use QEMU's words:
 *   'nosuch' is not a valid device model name
 *   Property 'loader.foo' not found
 */
DeviceState *qdev_device_add(QemuOpts *opts, Error **errp);
/* -device help / -device ?: list user-creatable devices by category. */
void qdev_print_device_list(FILE *f);
/* -device TYPE,help: its properties. True if opts asked for help. */
bool qdev_device_help(QemuOpts *opts, FILE *f);
/* "info qtree" in QEMU's format, from the main system bus. */
void qdev_tree_info(GString *out);

/* The chardev property (hw/core/qdev-properties-system.c). */
struct Chardev;
extern const PropertyInfo prop_info_chardev;
#define PROP_CHARDEV(_name, State, field)                              \
    { .name = (_name), .info = &prop_info_chardev, PROP_FIELD_(State, field) }

#endif
