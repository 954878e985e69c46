/*
 * hw/virtio/virtio.c: the virtio core (see include/hw/virtio/virtio.h):
 * device status and features, config space, and split virtqueues read
 * straight from guest memory with every index and address checked.
 *
 * Ring accesses go through address_space_read/write on the device's DMA
 * address space, so a ring the guest moves or unmaps is an error we see,
 * never a stale host pointer. Buffers are checked to lie in RAM when
 * popped and copied with the same calls when used.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/virtio/virtio.h"

struct VirtQueue {
    VirtIODevice *vdev;
    unsigned index;
    unsigned num_max;         /* 0: the queue does not exist */
    unsigned num;
    uint64_t desc, avail, used;
    bool ready;
    uint16_t last_avail_idx;  /* next avail entry to take */
    uint16_t used_idx;        /* next used entry to fill */
    VirtIOHandleOutput handle;
};

/* One descriptor as the guest laid it out (little endian). */
typedef struct VRingDesc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
} QEMU_PACKED VRingDesc;

G_STATIC_ASSERT(sizeof(VRingDesc) == 16);

/* ------------------------------------------------------------------ */
/* Errors                                                              */

void virtio_error(VirtIODevice *vdev, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *msg = NULL;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_log_mask(LOG_GUEST_ERROR, "%s: %s (device marked broken until "
                  "reset)\n", vdev->name ? vdev->name : "virtio", msg);
    if (vdev->broken) {
        return;
    }
    vdev->broken = true;
    if (vdev->guest_features & (1ULL << VIRTIO_F_VERSION_1)) {
        vdev->status |= VIRTIO_CONFIG_S_NEEDS_RESET;
        virtio_notify_config(vdev);
    }
}

/* ------------------------------------------------------------------ */
/* Guest memory                                                        */

static bool vq_read(VirtQueue *vq, uint64_t addr, void *buf, size_t len)
{
    if (addr + len < addr ||
        address_space_read(vq->vdev->dma_as, addr, buf, len) != MEMTX_OK) {
        virtio_error(vq->vdev, "queue %u: ring at 0x%" PRIx64 " is not in "
                     "guest memory", vq->index, addr);
        return false;
    }
    return true;
}

static bool vq_write(VirtQueue *vq, uint64_t addr, const void *buf,
                     size_t len)
{
    if (addr + len < addr ||
        address_space_write(vq->vdev->dma_as, addr, buf, len) != MEMTX_OK) {
        virtio_error(vq->vdev, "queue %u: ring at 0x%" PRIx64 " is not in "
                     "guest memory", vq->index, addr);
        return false;
    }
    return true;
}

/* [addr, addr + len) lies in RAM (writable RAM if for_write). */
static bool virtio_range_is_ram(AddressSpace *as, uint64_t addr,
                                uint64_t len, bool for_write)
{
    FlatView *fv;
    bool ok = true;

    if (addr + len < addr) {
        return false;
    }
    fv = address_space_get_flatview(as);
    while (len) {
        const FlatRange *fr = flatview_lookup(fv, addr);
        uint64_t in_range;

        if (!fr || !memory_region_is_ram(fr->mr) ||
            (for_write && fr->readonly)) {
            ok = false;
            break;
        }
        in_range = fr->addr + fr->size - addr;  /* 0 means to 2^64 */
        if (!in_range || in_range >= len) {
            break;
        }
        addr += in_range;
        len -= in_range;
    }
    flatview_unref(fv);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Rings                                                               */

static bool vq_avail_idx(VirtQueue *vq, uint16_t *idx)
{
    uint16_t le;

    if (!vq_read(vq, vq->avail + 2, &le, 2)) {
        return false;
    }
    *idx = GUINT16_FROM_LE(le);
    /* Entries are read after the index that published them. */
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return true;
}

static bool vq_avail_ring(VirtQueue *vq, unsigned i, uint16_t *head)
{
    uint16_t le;

    if (!vq_read(vq, vq->avail + 4 + 2 * (uint64_t)i, &le, 2)) {
        return false;
    }
    *head = GUINT16_FROM_LE(le);
    return true;
}

static bool vq_avail_flags(VirtQueue *vq, uint16_t *flags)
{
    uint16_t le;

    if (!vq_read(vq, vq->avail, &le, 2)) {
        return false;
    }
    *flags = GUINT16_FROM_LE(le);
    return true;
}

static bool vq_read_desc(VirtQueue *vq, uint64_t table, unsigned i,
                         VRingDesc *d)
{
    if (!vq_read(vq, table + 16 * (uint64_t)i, d, sizeof(*d))) {
        return false;
    }
    d->addr = GUINT64_FROM_LE(d->addr);
    d->len = GUINT32_FROM_LE(d->len);
    d->flags = GUINT16_FROM_LE(d->flags);
    d->next = GUINT16_FROM_LE(d->next);
    return true;
}

static bool vq_usable(VirtQueue *vq)
{
    return vq->num_max && vq->num && vq->ready && vq->desc &&
           !vq->vdev->broken;
}

/* Segments collected while walking one chain. */
typedef struct ChainWalk {
    VirtQueueSeg seg[VIRTQUEUE_MAX_SIZE];
    bool is_write[VIRTQUEUE_MAX_SIZE];
    unsigned count;
    unsigned in_count;
} ChainWalk;

static bool vq_add_seg(VirtQueue *vq, ChainWalk *w, const VRingDesc *d)
{
    bool is_write = d->flags & VRING_DESC_F_WRITE;

    if (w->count == VIRTQUEUE_MAX_SIZE) {
        virtio_error(vq->vdev, "queue %u: chain longer than %u descriptors",
                     vq->index, VIRTQUEUE_MAX_SIZE);
        return false;
    }
    if (!is_write && w->in_count) {
        virtio_error(vq->vdev, "queue %u: a readable descriptor follows a "
                     "writable one", vq->index);
        return false;
    }
    if (!virtio_range_is_ram(vq->vdev->dma_as, d->addr, d->len, is_write)) {
        virtio_error(vq->vdev, "queue %u: buffer 0x%" PRIx64 "+0x%x is not "
                     "in guest RAM", vq->index, d->addr, d->len);
        return false;
    }
    w->seg[w->count].addr = d->addr;
    w->seg[w->count].len = d->len;
    w->is_write[w->count] = is_write;
    w->count++;
    w->in_count += is_write;
    return true;
}

/*
 * Walk a descriptor chain in a table of 'size' entries starting at i.
 * At most 'size' steps: a loop in the chain runs out of steps.
 */
static bool vq_walk_table(VirtQueue *vq, ChainWalk *w, uint64_t table,
                          unsigned size, unsigned i, bool indirect)
{
    for (unsigned steps = 0;; steps++) {
        VRingDesc d;

        if (steps == size) {
            virtio_error(vq->vdev, "queue %u: descriptor chain loops",
                         vq->index);
            return false;
        }
        if (i >= size) {
            virtio_error(vq->vdev, "queue %u: descriptor index %u out of "
                         "range (%u)", vq->index, i, size);
            return false;
        }
        if (!vq_read_desc(vq, table, i, &d)) {
            return false;
        }
        if (d.flags & VRING_DESC_F_INDIRECT) {
            if (indirect || !(vq->vdev->guest_features &
                              (1ULL << VIRTIO_RING_F_INDIRECT_DESC))) {
                virtio_error(vq->vdev, "queue %u: %s indirect descriptor",
                             vq->index, indirect ? "nested" : "unnegotiated");
                return false;
            }
            if ((d.flags & VRING_DESC_F_NEXT) || !d.len || d.len % 16 ||
                d.len / 16 > VIRTQUEUE_MAX_SIZE) {
                virtio_error(vq->vdev, "queue %u: bad indirect table "
                             "(length %u, flags 0x%x)", vq->index, d.len,
                             d.flags);
                return false;
            }
            return vq_walk_table(vq, w, d.addr, d.len / 16, 0, true);
        }
        if (!vq_add_seg(vq, w, &d)) {
            return false;
        }
        if (!(d.flags & VRING_DESC_F_NEXT)) {
            return true;
        }
        i = d.next;
    }
}

static VirtQueueElement *vq_make_elem(const ChainWalk *w, unsigned head)
{
    VirtQueueElement *e = g_malloc0(sizeof(*e) +
                                    w->count * sizeof(VirtQueueSeg));
    VirtQueueSeg *segs = (VirtQueueSeg *)(e + 1);

    e->index = head;
    e->out_num = w->count - w->in_count;
    e->in_num = w->in_count;
    e->out_sg = segs;
    e->in_sg = segs + e->out_num;
    /* Readable ones come first: vq_add_seg enforced the order. */
    for (unsigned i = 0; i < w->count; i++) {
        segs[i] = w->seg[i];
        if (w->is_write[i]) {
            e->in_len += w->seg[i].len;
        } else {
            e->out_len += w->seg[i].len;
        }
    }
    return e;
}

VirtQueueElement *virtqueue_pop(VirtQueue *vq)
{
    g_autofree ChainWalk *w = NULL;
    uint16_t avail_idx, head;

    if (!vq_usable(vq) || !vq_avail_idx(vq, &avail_idx)) {
        return NULL;
    }
    if ((uint16_t)(avail_idx - vq->last_avail_idx) > vq->num) {
        virtio_error(vq->vdev, "queue %u: avail index %u is %u ahead of "
                     "ours (queue size %u)", vq->index, avail_idx,
                     (uint16_t)(avail_idx - vq->last_avail_idx), vq->num);
        return NULL;
    }
    if (avail_idx == vq->last_avail_idx ||
        !vq_avail_ring(vq, vq->last_avail_idx % vq->num, &head)) {
        return NULL;
    }
    /* Heap, not stack (17 KiB); only the counters need clearing. */
    w = g_new(ChainWalk, 1);
    w->count = 0;
    w->in_count = 0;
    if (!vq_walk_table(vq, w, vq->desc, vq->num, head, false)) {
        return NULL;
    }
    vq->last_avail_idx++;
    return vq_make_elem(w, head);
}

/* Copy between buf and the segments, from byte offset; bytes moved. */
static size_t vq_elem_copy(VirtQueue *vq, const VirtQueueSeg *sg,
                           unsigned num, size_t offset, void *buf,
                           size_t len, bool to_guest)
{
    size_t done = 0;

    for (unsigned i = 0; i < num && done < len; i++) {
        size_t n;
        MemTxResult r;

        if (offset >= sg[i].len) {
            offset -= sg[i].len;
            continue;
        }
        n = MIN(sg[i].len - offset, len - done);
        r = to_guest ?
            address_space_write(vq->vdev->dma_as, sg[i].addr + offset,
                                (uint8_t *)buf + done, n) :
            address_space_read(vq->vdev->dma_as, sg[i].addr + offset,
                               (uint8_t *)buf + done, n);
        if (r != MEMTX_OK) {
            virtio_error(vq->vdev, "queue %u: buffer 0x%" PRIx64 " left "
                         "guest memory", vq->index, sg[i].addr);
            break;
        }
        done += n;
        offset = 0;
    }
    return done;
}

size_t virtqueue_elem_read(VirtQueue *vq, const VirtQueueElement *elem,
                           size_t offset, void *buf, size_t len)
{
    return vq_elem_copy(vq, elem->out_sg, elem->out_num, offset, buf, len,
                        false);
}

size_t virtqueue_elem_write(VirtQueue *vq, const VirtQueueElement *elem,
                            size_t offset, const void *buf, size_t len)
{
    return vq_elem_copy(vq, elem->in_sg, elem->in_num, offset, (void *)buf,
                        len, true);
}

void virtqueue_push(VirtQueue *vq, const VirtQueueElement *elem,
                    uint32_t len)
{
    struct {
        uint32_t id;
        uint32_t len;
    } QEMU_PACKED ue = { GUINT32_TO_LE(elem->index), GUINT32_TO_LE(len) };
    uint16_t idx;

    if (!vq_usable(vq)) {
        return;
    }
    if (!vq_write(vq, vq->used + 4 + 8 * (uint64_t)(vq->used_idx % vq->num),
                  &ue, sizeof(ue))) {
        return;
    }
    /* The entry is visible before the index that publishes it. */
    __atomic_thread_fence(__ATOMIC_RELEASE);
    vq->used_idx++;
    idx = GUINT16_TO_LE(vq->used_idx);
    vq_write(vq, vq->used + 2, &idx, 2);
}

/* ------------------------------------------------------------------ */
/* Interrupts                                                          */

static void virtio_bus_notify(VirtIODevice *vdev)
{
    BusState *bus = DEVICE(vdev)->parent_bus;

    if (bus && object_dynamic_cast(OBJECT(bus), TYPE_VIRTIO_BUS)) {
        VirtioBusClass *k = VIRTIO_BUS_GET_CLASS(bus);

        if (k->notify && bus->parent) {
            k->notify(bus->parent);
        }
    }
}

void virtio_notify(VirtIODevice *vdev, VirtQueue *vq)
{
    uint16_t flags = 0;

    if (!vq_usable(vq)) {
        return;
    }
    if (!vq_avail_flags(vq, &flags)) {
        return;
    }
    if (flags & VRING_AVAIL_F_NO_INTERRUPT) {
        return;
    }
    vdev->isr |= VIRTIO_ISR_QUEUE;
    virtio_bus_notify(vdev);
}

void virtio_notify_config(VirtIODevice *vdev)
{
    if (!(vdev->status & VIRTIO_CONFIG_S_DRIVER_OK)) {
        return;
    }
    vdev->generation++;
    vdev->isr |= VIRTIO_ISR_CONFIG;
    virtio_bus_notify(vdev);
}

/* ------------------------------------------------------------------ */
/* Queues                                                              */

VirtQueue *virtio_add_queue(VirtIODevice *vdev, unsigned queue_size,
                            VirtIOHandleOutput handle)
{
    unsigned i;

    g_assert(queue_size && queue_size <= VIRTQUEUE_MAX_SIZE);
    for (i = 0; i < VIRTIO_QUEUE_MAX && vdev->vq[i].num_max; i++) {
        /* find the first free slot */
    }
    g_assert(i < VIRTIO_QUEUE_MAX);
    vdev->vq[i].num_max = queue_size;
    vdev->vq[i].num = queue_size;
    vdev->vq[i].handle = handle;
    return &vdev->vq[i];
}

VirtQueue *virtio_get_queue(VirtIODevice *vdev, unsigned n)
{
    return n < VIRTIO_QUEUE_MAX && vdev->vq[n].num_max ? &vdev->vq[n] : NULL;
}

unsigned virtio_get_queue_index(VirtQueue *vq)
{
    return vq->index;
}

/* The queue the guest named, if it exists. */
static VirtQueue *virtio_guest_queue(VirtIODevice *vdev, uint32_t n)
{
    if (!vdev->vq || n >= VIRTIO_QUEUE_MAX || !vdev->vq[n].num_max) {
        return NULL;
    }
    return &vdev->vq[n];
}

void virtio_queue_reset(VirtIODevice *vdev, uint32_t n)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    if (!vq) {
        return;
    }
    vq->num = vq->num_max;
    vq->desc = vq->avail = vq->used = 0;
    vq->ready = false;
    vq->last_avail_idx = 0;
    vq->used_idx = 0;
}

unsigned virtio_queue_get_max_num(VirtIODevice *vdev, uint32_t n)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    return vq ? vq->num_max : 0;
}

unsigned virtio_queue_get_num(VirtIODevice *vdev, uint32_t n)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    return vq ? vq->num : 0;
}

bool virtio_queue_set_num(VirtIODevice *vdev, uint32_t n, uint32_t num)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    if (!vq || !num || num > vq->num_max) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: queue %u: size %u refused "
                      "(maximum %u)\n", vdev->name, n, num,
                      vq ? vq->num_max : 0);
        return false;
    }
    vq->num = num;
    return true;
}

void virtio_queue_set_rings(VirtIODevice *vdev, uint32_t n, uint64_t desc,
                            uint64_t avail, uint64_t used)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    if (vq) {
        vq->desc = desc;
        vq->avail = avail;
        vq->used = used;
    }
}

void virtio_queue_set_ready(VirtIODevice *vdev, uint32_t n, bool ready)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    if (vq) {
        vq->ready = ready;
    }
}

bool virtio_queue_get_ready(VirtIODevice *vdev, uint32_t n)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    return vq && vq->ready;
}

void virtio_queue_set_legacy_addr(VirtIODevice *vdev, uint32_t n,
                                  uint64_t addr, uint32_t align)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);
    uint64_t avail, used;

    if (!vq) {
        return;
    }
    if (!addr) {
        virtio_queue_reset(vdev, n);
        return;
    }
    if (!align || (align & (align - 1))) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: queue %u: alignment %u is not "
                      "a power of 2; using 4096\n", vdev->name, n, align);
        align = VIRTIO_LEGACY_QUEUE_ALIGN;
    }
    avail = addr + 16 * (uint64_t)vq->num;
    used = avail + 4 + 2 * (uint64_t)vq->num + 2;  /* + used_event */
    used = (used + align - 1) & ~(uint64_t)(align - 1);
    virtio_queue_set_rings(vdev, n, addr, avail, used);
    vq->ready = true;
}

uint64_t virtio_queue_get_desc_addr(VirtIODevice *vdev, uint32_t n)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    return vq ? vq->desc : 0;
}

void virtio_queue_notify(VirtIODevice *vdev, uint32_t n)
{
    VirtQueue *vq = virtio_guest_queue(vdev, n);

    if (!vq) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: notify of queue %u, which does "
                      "not exist\n", vdev->name, n);
        return;
    }
    if (vq_usable(vq) && vq->handle) {
        vq->handle(vdev, vq);
    }
}

/* ------------------------------------------------------------------ */
/* Status, features, config                                            */

void virtio_reset(VirtIODevice *vdev)
{
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (k->reset) {
        k->reset(vdev);
    }
    vdev->status = 0;
    vdev->isr = 0;
    vdev->guest_features = 0;
    vdev->broken = false;
    for (unsigned i = 0; vdev->vq && i < VIRTIO_QUEUE_MAX; i++) {
        virtio_queue_reset(vdev, i);
    }
    virtio_bus_notify(vdev);
}

void virtio_set_status(VirtIODevice *vdev, uint8_t status)
{
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (!status) {
        virtio_reset(vdev);
        return;
    }
    vdev->status = status;
    if (k->set_status) {
        k->set_status(vdev, status);
    }
}

void virtio_set_features(VirtIODevice *vdev, uint64_t features)
{
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(vdev);
    uint64_t bad = features & ~vdev->host_features;

    if (bad) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: driver accepted features not "
                      "offered: 0x%" PRIx64 " (ignored)\n", vdev->name, bad);
    }
    vdev->guest_features = features & vdev->host_features;
    if (k->set_features) {
        k->set_features(vdev, vdev->guest_features);
    }
}

static bool virtio_config_range_ok(VirtIODevice *vdev, uint32_t addr,
                                   unsigned size)
{
    if ((size != 1 && size != 2 && size != 4) ||
        (uint64_t)addr + size > vdev->config_len) {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: config access at 0x%x size %u "
                      "outside its %zu bytes\n", vdev->name, addr, size,
                      vdev->config_len);
        return false;
    }
    return true;
}

uint32_t virtio_config_read(VirtIODevice *vdev, uint32_t addr, unsigned size)
{
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(vdev);
    uint32_t v = 0;

    if (!virtio_config_range_ok(vdev, addr, size)) {
        return 0;
    }
    if (k->get_config) {
        k->get_config(vdev, vdev->config);
    }
    for (unsigned i = 0; i < size; i++) {
        v |= (uint32_t)vdev->config[addr + i] << (8 * i);
    }
    return v;
}

void virtio_config_write(VirtIODevice *vdev, uint32_t addr, uint32_t val,
                         unsigned size)
{
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(vdev);

    if (!virtio_config_range_ok(vdev, addr, size)) {
        return;
    }
    for (unsigned i = 0; i < size; i++) {
        vdev->config[addr + i] = val >> (8 * i);
    }
    if (k->set_config) {
        k->set_config(vdev, vdev->config);
    }
}

/* ------------------------------------------------------------------ */
/* Device                                                              */

void virtio_init(VirtIODevice *vdev, uint16_t device_id, size_t config_len)
{
    vdev->device_id = device_id;
    vdev->name = object_get_typename(OBJECT(vdev));
    vdev->config_len = config_len;
    vdev->config = config_len ? g_malloc0(config_len) : NULL;
    vdev->vq = g_new0(VirtQueue, VIRTIO_QUEUE_MAX);
    for (unsigned i = 0; i < VIRTIO_QUEUE_MAX; i++) {
        vdev->vq[i].vdev = vdev;
        vdev->vq[i].index = i;
    }
    /* The core has no event-index support: never offer it. */
    vdev->host_features &= ~(1ULL << VIRTIO_RING_F_EVENT_IDX);
}

void virtio_cleanup(VirtIODevice *vdev)
{
    g_free(vdev->config);
    vdev->config = NULL;
    vdev->config_len = 0;
    g_free(vdev->vq);
    vdev->vq = NULL;
}

VirtIODevice *virtio_bus_get_device(BusState *bus)
{
    if (!bus || !bus->children->len) {
        return NULL;
    }
    return VIRTIO_DEVICE(g_ptr_array_index(bus->children, 0));
}

static bool virtio_device_realize(DeviceState *dev, Error **errp)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(dev);
    BusState *bus = dev->parent_bus;
    VirtioBusClass *bk;

    if (k->realize && !k->realize(vdev, errp)) {
        return false;
    }
    if (!vdev->vq) {
        virtio_init(vdev, vdev->device_id, vdev->config_len);
    }
    vdev->host_features &= ~(1ULL << VIRTIO_RING_F_EVENT_IDX);
    bk = VIRTIO_BUS_GET_CLASS(bus);
    if (bk->device_plugged && !bk->device_plugged(bus->parent, errp)) {
        if (k->unrealize) {
            k->unrealize(vdev);
        }
        virtio_cleanup(vdev);
        return false;
    }
    return true;
}

static void virtio_device_unrealize(DeviceState *dev)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(dev);
    VirtioDeviceClass *k = VIRTIO_DEVICE_GET_CLASS(dev);
    BusState *bus = dev->parent_bus;
    VirtioBusClass *bk = VIRTIO_BUS_GET_CLASS(bus);

    if (bk->device_unplugged) {
        bk->device_unplugged(bus->parent);
    }
    if (k->unrealize) {
        k->unrealize(vdev);
    }
    virtio_cleanup(vdev);
}

static void virtio_device_reset(DeviceState *dev)
{
    virtio_reset(VIRTIO_DEVICE(dev));
}

static void virtio_device_instance_init(Object *obj)
{
    VirtIODevice *vdev = VIRTIO_DEVICE(obj);

    vdev->dma_as = &address_space_memory;
    vdev->name = object_get_typename(obj);
}

static void virtio_device_instance_finalize(Object *obj)
{
    virtio_cleanup(VIRTIO_DEVICE(obj));
}

static void virtio_device_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = virtio_device_realize;
    dc->unrealize = virtio_device_unrealize;
    dc->reset = virtio_device_reset;
    dc->bus_type = TYPE_VIRTIO_BUS;
}

static void virtio_bus_class_init(ObjectClass *klass, void *data)
{
    /* One backend per transport. */
    BUS_CLASS(klass)->max_dev = 1;
}

static const TypeInfo virtio_types[] = {
    {
        .name = TYPE_VIRTIO_DEVICE,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(VirtIODevice),
        .instance_init = virtio_device_instance_init,
        .instance_finalize = virtio_device_instance_finalize,
        .class_size = sizeof(VirtioDeviceClass),
        .class_init = virtio_device_class_init,
    }, {
        .name = TYPE_VIRTIO_BUS,
        .parent = TYPE_BUS,
        .abstract = true,
        .instance_size = sizeof(VirtioBusState),
        .class_size = sizeof(VirtioBusClass),
        .class_init = virtio_bus_class_init,
    },
};

static void virtio_register_types(void)
{
    type_register_static_array(virtio_types, G_N_ELEMENTS(virtio_types));
}

type_init(virtio_register_types)
