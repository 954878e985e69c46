/*
 * The virtio core: a backend device ("virtio-device" subtypes such as a
 * future virtio-blk-device) sits on a "virtio-bus" that a transport
 * (virtio-mmio, later virtio-pci) provides. The core owns what every
 * backend shares: status, feature negotiation, the config space and the
 * split virtqueues in guest memory (Virtio 1.1 section 2.6; legacy layout
 * section 2.6.2 of the 0.9.5 draft for QueuePFN transports).
 *
 * The guest is hostile: every ring index, descriptor index, length and
 * address is range checked. A guest that breaks the rules gets its device
 * marked broken (logged under -d guest_errors, status NEEDS_RESET): it
 * then pops nothing until the driver resets it. Nothing asserts on a guest
 * value.
 *
 * A backend: in its VirtioDeviceClass.realize, virtio_init() with its
 * device ID and config size, then virtio_add_queue() per queue with an
 * output handler; the handler pops elements, reads and writes them with
 * virtqueue_elem_read/_write, pushes them back and calls virtio_notify.
 */
#ifndef HW_VIRTIO_VIRTIO_H
#define HW_VIRTIO_VIRTIO_H

#include "hw/qdev.h"
#include "exec/memory.h"

#define TYPE_VIRTIO_DEVICE "virtio-device"
#define TYPE_VIRTIO_BUS "virtio-bus"

#define VIRTIO_QUEUE_MAX 1024     /* queues per device */
#define VIRTQUEUE_MAX_SIZE 1024   /* descriptors per queue */

/* Device status bits. */
#define VIRTIO_CONFIG_S_ACKNOWLEDGE 0x01
#define VIRTIO_CONFIG_S_DRIVER 0x02
#define VIRTIO_CONFIG_S_DRIVER_OK 0x04
#define VIRTIO_CONFIG_S_FEATURES_OK 0x08
#define VIRTIO_CONFIG_S_NEEDS_RESET 0x40
#define VIRTIO_CONFIG_S_FAILED 0x80

/* Transport-level feature bits. */
#define VIRTIO_F_NOTIFY_ON_EMPTY 24
#define VIRTIO_F_ANY_LAYOUT 27
#define VIRTIO_RING_F_INDIRECT_DESC 28
#define VIRTIO_RING_F_EVENT_IDX 29   /* not offered: the core lacks it */
#define VIRTIO_F_VERSION_1 32

/* Interrupt status (ISR) bits. */
#define VIRTIO_ISR_QUEUE 0x1
#define VIRTIO_ISR_CONFIG 0x2

/* Split ring layout. */
#define VRING_DESC_F_NEXT 1
#define VRING_DESC_F_WRITE 2
#define VRING_DESC_F_INDIRECT 4
#define VRING_AVAIL_F_NO_INTERRUPT 1
#define VIRTIO_LEGACY_QUEUE_ALIGN 4096

typedef struct VirtQueue VirtQueue;

OBJECT_DECLARE_TYPE(VirtIODevice, VirtioDeviceClass, VIRTIO_DEVICE)

typedef void (*VirtIOHandleOutput)(VirtIODevice *vdev, VirtQueue *vq);

struct VirtioDeviceClass {
    DeviceClass parent_class;
    /* Backend realize/unrealize (the core's DeviceClass ones wrap them). */
    bool (*realize)(VirtIODevice *vdev, Error **errp);
    void (*unrealize)(VirtIODevice *vdev);
    /* Optional: config space refresh before a guest read, and after a
     * guest write; the backend's own reset; features the driver took. */
    void (*get_config)(VirtIODevice *vdev, uint8_t *config);
    void (*set_config)(VirtIODevice *vdev, const uint8_t *config);
    void (*reset)(VirtIODevice *vdev);
    void (*set_features)(VirtIODevice *vdev, uint64_t features);
    void (*set_status)(VirtIODevice *vdev, uint8_t status);
};

struct VirtIODevice {
    DeviceState parent_obj;
    const char *name;
    uint16_t device_id;
    uint8_t status;
    uint8_t isr;
    uint64_t host_features;   /* offered (the backend sets them) */
    uint64_t guest_features;  /* accepted by the driver */
    size_t config_len;
    uint8_t *config;
    uint32_t generation;      /* bumped on each config change */
    VirtQueue *vq;            /* VIRTIO_QUEUE_MAX entries */
    bool broken;              /* the guest broke the rules: until reset */
    AddressSpace *dma_as;     /* guest memory (address_space_memory) */
};

/* The bus a transport gives its backend; hooks the transport implements. */
OBJECT_DECLARE_TYPE(VirtioBusState, VirtioBusClass, VIRTIO_BUS)

struct VirtioBusClass {
    BusClass parent_class;
    /* A backend finished its realize on this bus (the transport looks at
     * it now: DeviceID, queues). False with errp set refuses it. */
    bool (*device_plugged)(DeviceState *proxy, Error **errp);
    void (*device_unplugged)(DeviceState *proxy);
    /* vdev->isr changed: update the interrupt line. */
    void (*notify)(DeviceState *proxy);
};

struct VirtioBusState {
    BusState parent_obj;
};

/* The backend on a transport's bus, or NULL. */
VirtIODevice *virtio_bus_get_device(BusState *bus);

/* ---- backend side ---- */

void virtio_init(VirtIODevice *vdev, uint16_t device_id, size_t config_len);
void virtio_cleanup(VirtIODevice *vdev);
VirtQueue *virtio_add_queue(VirtIODevice *vdev, unsigned queue_size,
                            VirtIOHandleOutput handle);
VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned n);
unsigned virtio_get_queue_index(VirtQueue *vq);

/* One guest buffer chain: device-readable (out) then writable (in). */
typedef struct VirtQueueSeg {
    hwaddr addr;
    uint32_t len;
} VirtQueueSeg;

typedef struct VirtQueueElement {
    unsigned index;           /* head descriptor: what the used ring gets */
    unsigned out_num;
    unsigned in_num;
    uint64_t out_len;         /* total bytes of out_sg / in_sg */
    uint64_t in_len;
    VirtQueueSeg *out_sg;     /* point into this allocation */
    VirtQueueSeg *in_sg;
} VirtQueueElement;

/* The next available chain (g_free() it), or NULL when there is none or
 * the device is broken (a malformed chain breaks it). */
VirtQueueElement *virtqueue_pop(VirtQueue *vq);
/* Copy from the out segments starting at byte offset; bytes copied. */
size_t virtqueue_elem_read(VirtQueue *vq, const VirtQueueElement *elem,
                           size_t offset, void *buf, size_t len);
/* Copy into the in segments starting at byte offset; bytes copied. */
size_t virtqueue_elem_write(VirtQueue *vq, const VirtQueueElement *elem,
                            size_t offset, const void *buf, size_t len);
/* Give a chain back with len bytes written into it. */
void virtqueue_push(VirtQueue *vq, const VirtQueueElement *elem,
                    uint32_t len);
/* Raise the queue interrupt unless the driver asked not to. */
void virtio_notify(VirtIODevice *vdev, VirtQueue *vq);
void virtio_notify_config(VirtIODevice *vdev);
/* Mark the device broken: log, set NEEDS_RESET, tell the driver. */
void virtio_error(VirtIODevice *vdev, const char *fmt, ...) QEMU_PRINTF(2, 3);

/* ---- transport side ---- */

void virtio_reset(VirtIODevice *vdev);
void virtio_set_status(VirtIODevice *vdev, uint8_t status);
/* Accept what the driver wrote, masked to what was offered. */
void virtio_set_features(VirtIODevice *vdev, uint64_t features);
/* Config space, little endian, size 1, 2 or 4. Out of range reads give
 * 0 and writes are dropped (logged). */
uint32_t virtio_config_read(VirtIODevice *vdev, uint32_t addr,
                            unsigned size);
void virtio_config_write(VirtIODevice *vdev, uint32_t addr, uint32_t val,
                         unsigned size);
/* The guest kicked queue n (any value: checked here). */
void virtio_queue_notify(VirtIODevice *vdev, uint32_t n);

/* Queue configuration, n checked by the callee (bad n: 0 / ignored). */
unsigned virtio_queue_get_max_num(VirtIODevice *vdev, uint32_t n);
unsigned virtio_queue_get_num(VirtIODevice *vdev, uint32_t n);
/* False (and logged) when num is 0, above the maximum, or n is bad. */
bool virtio_queue_set_num(VirtIODevice *vdev, uint32_t n, uint32_t num);
/* Modern layout: the three areas where the driver put them. */
void virtio_queue_set_rings(VirtIODevice *vdev, uint32_t n, uint64_t desc,
                            uint64_t avail, uint64_t used);
void virtio_queue_set_ready(VirtIODevice *vdev, uint32_t n, bool ready);
bool virtio_queue_get_ready(VirtIODevice *vdev, uint32_t n);
/* Legacy layout: one area at addr (0: disable), avail after the
 * descriptors, used at the next 'align' boundary. */
void virtio_queue_set_legacy_addr(VirtIODevice *vdev, uint32_t n,
                                  uint64_t addr, uint32_t align);
uint64_t virtio_queue_get_desc_addr(VirtIODevice *vdev, uint32_t n);
void virtio_queue_reset(VirtIODevice *vdev, uint32_t n);

#endif
