/*
 * Private glue between the hw/core files: plugging a device into a bus and
 * the GPIO list teardown. Not part of the device API.
 */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

#include "hw/qdev.h"

/* Checks type and capacity; the bus takes a reference on success. */
bool qbus_check_plug(BusState *bus, DeviceState *dev, Error **errp);
void qbus_add_child(BusState *bus, DeviceState *dev);
/* Drops the bus's reference: the caller must hold its own if it needs dev. */
void qbus_remove_child(BusState *bus, DeviceState *dev);
/* Mark a bus (and what sits on it) as realized or not with its parent. */
void qbus_set_realized(BusState *bus, bool realized);
void qdev_gpio_free_all(DeviceState *dev);

#endif
