/*
 * The virtio-mmio transport ("virtio-mmio"), Virtio 1.1 section 4.2.
 * Interface: one 0x200-byte MMIO region, one IRQ output (level: high while
 * the backend's interrupt status is non-zero), a child bus
 * "virtio-mmio-bus.N" holding at most one backend, property
 * "force-legacy" (default true, as QEMU 7.2's virt: Version 1, the legacy
 * register layout with QueuePFN; false gives Version 2, the modern one);
 * "format_transport_address" and "ioeventfd" are accepted for QEMU's
 * sake and change nothing.
 * With no backend DeviceID reads 0, which drivers take as "no device".
 * See docs/devices.md.
 */
#ifndef HW_VIRTIO_VIRTIO_MMIO_H
#define HW_VIRTIO_VIRTIO_MMIO_H

#include "hw/sysbus.h"
#include "hw/virtio/virtio.h"

#define TYPE_VIRTIO_MMIO "virtio-mmio"
#define TYPE_VIRTIO_MMIO_BUS "virtio-mmio-bus"

#define VIRTIO_MMIO_MAGIC 0x74726976      /* "virt" */
#define VIRTIO_MMIO_VENDOR 0x554d4551     /* "QEMU" */
#define VIRTIO_MMIO_SIZE 0x200

OBJECT_DECLARE_SIMPLE_TYPE(VirtIOMMIOProxy, VIRTIO_MMIO)

/* Per-queue registers latched until QueueReady (modern) or QueuePFN. */
typedef struct VirtIOMMIOQueue {
    uint32_t num;
    uint32_t desc[2];         /* low, high */
    uint32_t avail[2];
    uint32_t used[2];
    uint32_t align;           /* legacy QueueAlign, 0: 4096 */
} VirtIOMMIOQueue;

struct VirtIOMMIOProxy {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq irq;
    BusState *bus;            /* TYPE_VIRTIO_MMIO_BUS */
    bool legacy;              /* property force-legacy */
    bool format_transport_address;  /* accepted, as QEMU's (no effect) */
    bool ioeventfd;           /* accepted, as QEMU's on TCG: false */

    uint32_t host_features_sel;
    uint32_t guest_features_sel;
    uint32_t guest_features[2];
    uint32_t guest_page_size; /* legacy */
    uint32_t queue_sel;
    VirtIOMMIOQueue vqs[VIRTIO_QUEUE_MAX];
};

/* Board helper: create, realize, map at addr, connect irq. */
DeviceState *virtio_mmio_create(hwaddr addr, qemu_irq irq, Error **errp);
/* The transport's bus, where a backend is realized. */
BusState *virtio_mmio_get_bus(DeviceState *proxy);

#endif
