/*
 * GPIO lines of a device: per name (NULL for the unnamed set), inputs are
 * qemu_irqs the device allocates and handles; outputs are pointers to the
 * device's own qemu_irq fields, which connecting fills in. So a device
 * raises an output with qemu_set_irq(s->irq, 1) and never knows who
 * listens.
 */
#include "qemu/osdep.h"
#include "hw/qdev.h"
#include "qdev-internal.h"

static NamedGPIOList *qdev_gpio_list_find(DeviceState *dev, const char *name)
{
    for (guint i = 0; i < dev->gpios->len; i++) {
        NamedGPIOList *ngl = g_ptr_array_index(dev->gpios, i);

        if (!g_strcmp0(ngl->name, name)) {
            return ngl;
        }
    }
    return NULL;
}

static NamedGPIOList *qdev_gpio_list_get(DeviceState *dev, const char *name)
{
    NamedGPIOList *ngl = qdev_gpio_list_find(dev, name);

    if (!ngl) {
        ngl = g_new0(NamedGPIOList, 1);
        ngl->name = g_strdup(name);
        g_ptr_array_add(dev->gpios, ngl);
    }
    return ngl;
}

void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n)
{
    NamedGPIOList *ngl = qdev_gpio_list_get(dev, name);

    g_assert(n >= 0);
    ngl->in = g_renew(qemu_irq, ngl->in, ngl->num_in + n);
    /* Line numbers continue across calls, as handler(opaque, n) sees them. */
    for (int i = 0; i < n; i++) {
        ngl->in[ngl->num_in + i] = qemu_allocate_irq(handler, dev,
                                                     ngl->num_in + i);
    }
    ngl->num_in += n;
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *ngl = qdev_gpio_list_get(dev, name);

    g_assert(n >= 0);
    ngl->out = g_renew(qemu_irq *, ngl->out, ngl->num_out + n);
    for (int i = 0; i < n; i++) {
        ngl->out[ngl->num_out + i] = &pins[i];
    }
    ngl->num_out += n;
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *ngl = qdev_gpio_list_find(dev, name);

    /* Boards wire fixed line numbers: a bad one is a board bug. */
    g_assert(ngl && n >= 0 && n < ngl->num_in);
    return ngl->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin)
{
    NamedGPIOList *ngl = qdev_gpio_list_find(dev, name);

    g_assert(ngl && n >= 0 && n < ngl->num_out);
    *ngl->out[n] = pin;
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin)
{
    qdev_connect_gpio_out_named(dev, NULL, n, pin);
}

void qdev_gpio_free_all(DeviceState *dev)
{
    if (!dev->gpios) {
        return;
    }
    for (guint i = 0; i < dev->gpios->len; i++) {
        NamedGPIOList *ngl = g_ptr_array_index(dev->gpios, i);

        qemu_free_irqs(ngl->in, ngl->num_in);
        g_free(ngl->out);
        g_free(ngl->name);
        g_free(ngl);
    }
    g_ptr_array_free(dev->gpios, true);
    dev->gpios = NULL;
}
