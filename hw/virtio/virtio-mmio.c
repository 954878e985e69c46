/*
 * hw/virtio/virtio-mmio.c: the virtio-mmio transport ("virtio-mmio").
 * Interface: see include/hw/virtio/virtio-mmio.h. Registers per Virtio 1.1
 * section 4.2.2 (modern, Version 2) and 4.2.4 (legacy, Version 1).
 *
 * A register exists in the legacy layout, the modern one, or both; using
 * one the other layout lacks is a guest error (logged, reads 0). Registers
 * other than the config space take 32-bit accesses only.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/virtio/virtio-mmio.h"

#define REG_MAGIC               0x000
#define REG_VERSION             0x004
#define REG_DEVICE_ID           0x008
#define REG_VENDOR_ID           0x00c
#define REG_HOST_FEATURES       0x010
#define REG_HOST_FEATURES_SEL   0x014
#define REG_GUEST_FEATURES      0x020
#define REG_GUEST_FEATURES_SEL  0x024
#define REG_GUEST_PAGE_SIZE     0x028   /* legacy */
#define REG_QUEUE_SEL           0x030
#define REG_QUEUE_NUM_MAX       0x034
#define REG_QUEUE_NUM           0x038
#define REG_QUEUE_ALIGN         0x03c   /* legacy */
#define REG_QUEUE_PFN           0x040   /* legacy */
#define REG_QUEUE_READY         0x044   /* modern */
#define REG_QUEUE_NOTIFY        0x050
#define REG_INTERRUPT_STATUS    0x060
#define REG_INTERRUPT_ACK       0x064
#define REG_STATUS              0x070
#define REG_QUEUE_DESC_LOW      0x080   /* modern, to 0x0a4 */
#define REG_QUEUE_DESC_HIGH     0x084
#define REG_QUEUE_AVAIL_LOW     0x090
#define REG_QUEUE_AVAIL_HIGH    0x094
#define REG_QUEUE_USED_LOW      0x0a0
#define REG_QUEUE_USED_HIGH     0x0a4
#define REG_CONFIG_GENERATION   0x0fc   /* modern */
#define REG_CONFIG              0x100

#define MODE_LEGACY 1
#define MODE_MODERN 2
#define MODE_BOTH   3

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static VirtIODevice *vmmio_vdev(VirtIOMMIOProxy *p)
{
    return virtio_bus_get_device(p->bus);
}

static void vmmio_update_irq(VirtIOMMIOProxy *p)
{
    VirtIODevice *vdev = vmmio_vdev(p);

    qemu_set_irq(p->irq, vdev && vdev->isr);
}

static VirtIOMMIOQueue *vmmio_sel_queue(VirtIOMMIOProxy *p)
{
    return &p->vqs[p->queue_sel];   /* queue_sel < VIRTIO_QUEUE_MAX */
}

static uint64_t vmmio_join(const uint32_t half[2])
{
    return ((uint64_t)half[1] << 32) | half[0];
}

/* ------------------------------------------------------------------ */
/* Reads                                                               */

static uint32_t vmmio_read_magic(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return VIRTIO_MMIO_MAGIC;
}

static uint32_t vmmio_read_version(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return p->legacy ? 1 : 2;
}

static uint32_t vmmio_read_device_id(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return vdev->device_id;
}

static uint32_t vmmio_read_vendor_id(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return VIRTIO_MMIO_VENDOR;
}

static uint32_t vmmio_read_host_features(VirtIOMMIOProxy *p,
                                         VirtIODevice *vdev)
{
    if (p->host_features_sel > 1 || (p->legacy && p->host_features_sel)) {
        return 0;
    }
    return vdev->host_features >> (32 * p->host_features_sel);
}

static uint32_t vmmio_read_queue_num_max(VirtIOMMIOProxy *p,
                                         VirtIODevice *vdev)
{
    return virtio_queue_get_max_num(vdev, p->queue_sel);
}

static uint32_t vmmio_read_queue_pfn(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return p->guest_page_size ?
           virtio_queue_get_desc_addr(vdev, p->queue_sel) /
           p->guest_page_size : 0;
}

static uint32_t vmmio_read_queue_ready(VirtIOMMIOProxy *p,
                                       VirtIODevice *vdev)
{
    return virtio_queue_get_ready(vdev, p->queue_sel);
}

static uint32_t vmmio_read_isr(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return vdev->isr;
}

static uint32_t vmmio_read_status(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return vdev->status;
}

static uint32_t vmmio_read_generation(VirtIOMMIOProxy *p, VirtIODevice *vdev)
{
    return vdev->generation;
}

/* ------------------------------------------------------------------ */
/* Writes                                                              */

static void vmmio_write_host_features_sel(VirtIOMMIOProxy *p,
                                          VirtIODevice *vdev, uint32_t v)
{
    p->host_features_sel = v;
}

static void vmmio_write_guest_features(VirtIOMMIOProxy *p,
                                       VirtIODevice *vdev, uint32_t v)
{
    if (p->legacy) {
        /* Legacy drivers write the low word, which takes effect now. */
        if (p->guest_features_sel) {
            qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: guest features "
                          "word %u written in legacy mode (ignored)\n",
                          p->guest_features_sel);
            return;
        }
        virtio_set_features(vdev, v);
        return;
    }
    if (p->guest_features_sel > 1) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: guest features word %u "
                      "does not exist\n", p->guest_features_sel);
        return;
    }
    p->guest_features[p->guest_features_sel] = v;
}

static void vmmio_write_guest_features_sel(VirtIOMMIOProxy *p,
                                           VirtIODevice *vdev, uint32_t v)
{
    p->guest_features_sel = v;
}

static void vmmio_write_guest_page_size(VirtIOMMIOProxy *p,
                                        VirtIODevice *vdev, uint32_t v)
{
    if (!v || (v & (v - 1))) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: guest page size %u is "
                      "not a power of 2 (ignored)\n", v);
        return;
    }
    p->guest_page_size = v;
}

static void vmmio_write_queue_sel(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                  uint32_t v)
{
    if (v >= VIRTIO_QUEUE_MAX) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: queue %u out of range "
                      "(ignored)\n", v);
        return;
    }
    p->queue_sel = v;
}

static void vmmio_write_queue_num(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                  uint32_t v)
{
    uint64_t desc = virtio_queue_get_desc_addr(vdev, p->queue_sel);
    uint32_t align = vmmio_sel_queue(p)->align;

    if (!virtio_queue_set_num(vdev, p->queue_sel, v)) {
        return;
    }
    vmmio_sel_queue(p)->num = v;
    /* Legacy rings follow from the size: move them if already placed. */
    if (p->legacy && desc) {
        virtio_queue_set_legacy_addr(vdev, p->queue_sel, desc,
                                     align ? align : VIRTIO_LEGACY_QUEUE_ALIGN);
    }
}

static void vmmio_write_queue_align(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                    uint32_t v)
{
    /* The next QueuePFN write of this queue uses it. */
    if (!v || (v & (v - 1))) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: queue align %u is not "
                      "a power of 2 (ignored)\n", v);
        return;
    }
    vmmio_sel_queue(p)->align = v;
}

static void vmmio_write_queue_pfn(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                  uint32_t v)
{
    uint32_t align = vmmio_sel_queue(p)->align;

    if (v && !p->guest_page_size) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: QueuePFN written "
                      "before GuestPageSize (ignored)\n");
        return;
    }
    virtio_queue_set_legacy_addr(vdev, p->queue_sel,
                                 (uint64_t)v * p->guest_page_size,
                                 align ? align : VIRTIO_LEGACY_QUEUE_ALIGN);
}

static void vmmio_write_queue_ready(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                    uint32_t v)
{
    VirtIOMMIOQueue *q = vmmio_sel_queue(p);

    if (v & 1) {
        virtio_queue_set_rings(vdev, p->queue_sel, vmmio_join(q->desc),
                               vmmio_join(q->avail), vmmio_join(q->used));
        virtio_queue_set_ready(vdev, p->queue_sel, true);
    } else {
        virtio_queue_reset(vdev, p->queue_sel);
        memset(q, 0, sizeof(*q));
    }
}

static void vmmio_write_queue_notify(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                     uint32_t v)
{
    virtio_queue_notify(vdev, v);
}

static void vmmio_write_interrupt_ack(VirtIOMMIOProxy *p,
                                      VirtIODevice *vdev, uint32_t v)
{
    vdev->isr &= ~v;
    vmmio_update_irq(p);
}

static void vmmio_reset_regs(VirtIOMMIOProxy *p)
{
    p->host_features_sel = 0;
    p->guest_features_sel = 0;
    p->guest_features[0] = p->guest_features[1] = 0;
    p->queue_sel = 0;
    memset(p->vqs, 0, sizeof(p->vqs));
    /* guest_page_size survives: Linux writes it once at probe. */
}

static void vmmio_write_status(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                               uint32_t v)
{
    uint8_t status = v & 0xff;

    if (!p->legacy && (status & VIRTIO_CONFIG_S_FEATURES_OK) &&
        !(vdev->status & VIRTIO_CONFIG_S_FEATURES_OK)) {
        virtio_set_features(vdev, vmmio_join(p->guest_features));
    }
    virtio_set_status(vdev, status);
    if (!status) {
        vmmio_reset_regs(p);
    }
    vmmio_update_irq(p);
}

/* The modern address registers: each stores one half of one address. */
static void vmmio_write_queue_addr(VirtIOMMIOProxy *p, hwaddr offset,
                                   uint32_t v)
{
    VirtIOMMIOQueue *q = vmmio_sel_queue(p);
    unsigned half = (offset >> 2) & 1;

    switch (offset & ~(hwaddr)4) {
    case REG_QUEUE_DESC_LOW:
        q->desc[half] = v;
        break;
    case REG_QUEUE_AVAIL_LOW:
        q->avail[half] = v;
        break;
    default:
        q->used[half] = v;
        break;
    }
}

static void vmmio_write_desc_low(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                 uint32_t v)
{
    vmmio_write_queue_addr(p, REG_QUEUE_DESC_LOW, v);
}
static void vmmio_write_desc_high(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                  uint32_t v)
{
    vmmio_write_queue_addr(p, REG_QUEUE_DESC_HIGH, v);
}
static void vmmio_write_avail_low(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                  uint32_t v)
{
    vmmio_write_queue_addr(p, REG_QUEUE_AVAIL_LOW, v);
}
static void vmmio_write_avail_high(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                   uint32_t v)
{
    vmmio_write_queue_addr(p, REG_QUEUE_AVAIL_HIGH, v);
}
static void vmmio_write_used_low(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                 uint32_t v)
{
    vmmio_write_queue_addr(p, REG_QUEUE_USED_LOW, v);
}
static void vmmio_write_used_high(VirtIOMMIOProxy *p, VirtIODevice *vdev,
                                  uint32_t v)
{
    vmmio_write_queue_addr(p, REG_QUEUE_USED_HIGH, v);
}

/* ------------------------------------------------------------------ */
/* The register map                                                    */

typedef struct VirtIOMMIOReg {
    hwaddr offset;
    const char *name;
    unsigned modes;           /* MODE_* it exists in */
    bool without_device;      /* answers with no backend plugged */
    uint32_t (*read)(VirtIOMMIOProxy *p, VirtIODevice *vdev);
    void (*write)(VirtIOMMIOProxy *p, VirtIODevice *vdev, uint32_t v);
} VirtIOMMIOReg;

static const VirtIOMMIOReg vmmio_regs[] = {
    { REG_MAGIC, "MagicValue", MODE_BOTH, true, vmmio_read_magic },
    { REG_VERSION, "Version", MODE_BOTH, true, vmmio_read_version },
    { REG_DEVICE_ID, "DeviceID", MODE_BOTH, false, vmmio_read_device_id },
    { REG_VENDOR_ID, "VendorID", MODE_BOTH, true, vmmio_read_vendor_id },
    { REG_HOST_FEATURES, "DeviceFeatures", MODE_BOTH, false,
      vmmio_read_host_features },
    { REG_HOST_FEATURES_SEL, "DeviceFeaturesSel", MODE_BOTH, false, NULL,
      vmmio_write_host_features_sel },
    { REG_GUEST_FEATURES, "DriverFeatures", MODE_BOTH, false, NULL,
      vmmio_write_guest_features },
    { REG_GUEST_FEATURES_SEL, "DriverFeaturesSel", MODE_BOTH, false, NULL,
      vmmio_write_guest_features_sel },
    { REG_GUEST_PAGE_SIZE, "GuestPageSize", MODE_LEGACY, false, NULL,
      vmmio_write_guest_page_size },
    { REG_QUEUE_SEL, "QueueSel", MODE_BOTH, false, NULL,
      vmmio_write_queue_sel },
    { REG_QUEUE_NUM_MAX, "QueueNumMax", MODE_BOTH, false,
      vmmio_read_queue_num_max },
    { REG_QUEUE_NUM, "QueueNum", MODE_BOTH, false, NULL,
      vmmio_write_queue_num },
    { REG_QUEUE_ALIGN, "QueueAlign", MODE_LEGACY, false, NULL,
      vmmio_write_queue_align },
    { REG_QUEUE_PFN, "QueuePFN", MODE_LEGACY, false, vmmio_read_queue_pfn,
      vmmio_write_queue_pfn },
    { REG_QUEUE_READY, "QueueReady", MODE_MODERN, false,
      vmmio_read_queue_ready, vmmio_write_queue_ready },
    { REG_QUEUE_NOTIFY, "QueueNotify", MODE_BOTH, false, NULL,
      vmmio_write_queue_notify },
    { REG_INTERRUPT_STATUS, "InterruptStatus", MODE_BOTH, false,
      vmmio_read_isr },
    { REG_INTERRUPT_ACK, "InterruptACK", MODE_BOTH, false, NULL,
      vmmio_write_interrupt_ack },
    { REG_STATUS, "Status", MODE_BOTH, false, vmmio_read_status,
      vmmio_write_status },
    { REG_QUEUE_DESC_LOW, "QueueDescLow", MODE_MODERN, false, NULL,
      vmmio_write_desc_low },
    { REG_QUEUE_DESC_HIGH, "QueueDescHigh", MODE_MODERN, false, NULL,
      vmmio_write_desc_high },
    { REG_QUEUE_AVAIL_LOW, "QueueDriverLow", MODE_MODERN, false, NULL,
      vmmio_write_avail_low },
    { REG_QUEUE_AVAIL_HIGH, "QueueDriverHigh", MODE_MODERN, false, NULL,
      vmmio_write_avail_high },
    { REG_QUEUE_USED_LOW, "QueueDeviceLow", MODE_MODERN, false, NULL,
      vmmio_write_used_low },
    { REG_QUEUE_USED_HIGH, "QueueDeviceHigh", MODE_MODERN, false, NULL,
      vmmio_write_used_high },
    { REG_CONFIG_GENERATION, "ConfigGeneration", MODE_MODERN, false,
      vmmio_read_generation },
};

static const VirtIOMMIOReg *vmmio_reg_find(hwaddr offset)
{
    for (size_t i = 0; i < G_N_ELEMENTS(vmmio_regs); i++) {
        if (vmmio_regs[i].offset == offset) {
            return &vmmio_regs[i];
        }
    }
    return NULL;
}

/* The register for a 32-bit access in this mode, or NULL (logged). */
static const VirtIOMMIOReg *vmmio_reg_check(VirtIOMMIOProxy *p,
                                            hwaddr offset, unsigned size,
                                            bool is_write)
{
    const VirtIOMMIOReg *r = vmmio_reg_find(offset);
    const char *what = is_write ? "write" : "read";

    if (!r) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: %s of bad offset 0x%"
                      HWADDR_PRIx "\n", what, offset);
        return NULL;
    }
    if (size != 4) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: %u-byte %s of %s "
                      "(32-bit only)\n", size, what, r->name);
        return NULL;
    }
    if (!(r->modes & (p->legacy ? MODE_LEGACY : MODE_MODERN))) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: %s of %s, which the "
                      "%s layout lacks\n", what, r->name,
                      p->legacy ? "legacy" : "modern");
        return NULL;
    }
    if (is_write ? !r->write : !r->read) {
        qemu_log_mask(LOG_GUEST_ERROR, "virtio-mmio: %s of %s-only register "
                      "%s\n", what, is_write ? "read" : "write", r->name);
        return NULL;
    }
    return r;
}

static uint64_t vmmio_read(void *opaque, hwaddr offset, unsigned size)
{
    VirtIOMMIOProxy *p = opaque;
    VirtIODevice *vdev = vmmio_vdev(p);
    const VirtIOMMIOReg *r;

    if (offset >= REG_CONFIG) {
        return vdev ? virtio_config_read(vdev, offset - REG_CONFIG, size) : 0;
    }
    r = vmmio_reg_check(p, offset, size, false);
    if (!r || (!vdev && !r->without_device)) {
        return 0;
    }
    return r->read(p, vdev);
}

static void vmmio_write(void *opaque, hwaddr offset, uint64_t value,
                        unsigned size)
{
    VirtIOMMIOProxy *p = opaque;
    VirtIODevice *vdev = vmmio_vdev(p);
    const VirtIOMMIOReg *r;

    if (offset >= REG_CONFIG) {
        if (vdev) {
            virtio_config_write(vdev, offset - REG_CONFIG, value, size);
        }
        return;
    }
    r = vmmio_reg_check(p, offset, size, true);
    if (!r || !vdev) {
        return;     /* nothing to configure: drivers never get this far */
    }
    r->write(p, vdev, value);
}

static const MemoryRegionOps vmmio_ops = {
    .read = vmmio_read,
    .write = vmmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ------------------------------------------------------------------ */
/* The bus hooks                                                       */

static bool vmmio_device_plugged(DeviceState *proxy, Error **errp)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(proxy);
    VirtIODevice *vdev = vmmio_vdev(p);

    /* VERSION_1 is the transport's to offer: the modern layout only. */
    if (p->legacy) {
        vdev->host_features &= ~(1ULL << VIRTIO_F_VERSION_1);
    } else {
        vdev->host_features |= 1ULL << VIRTIO_F_VERSION_1;
    }
    vmmio_reset_regs(p);
    vmmio_update_irq(p);
    return true;
}

static void vmmio_device_unplugged(DeviceState *proxy)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(proxy);

    vmmio_reset_regs(p);
    qemu_set_irq(p->irq, 0);
}

static void vmmio_notify(DeviceState *proxy)
{
    vmmio_update_irq(VIRTIO_MMIO(proxy));
}

static void vmmio_bus_class_init(ObjectClass *klass, void *data)
{
    VirtioBusClass *k = VIRTIO_BUS_CLASS(klass);

    k->device_plugged = vmmio_device_plugged;
    k->device_unplugged = vmmio_device_unplugged;
    k->notify = vmmio_notify;
}

/* ------------------------------------------------------------------ */
/* Device                                                              */

static void vmmio_reset(DeviceState *dev)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(dev);

    /* The backend is reset through the bus, after us. */
    vmmio_reset_regs(p);
    p->guest_page_size = 0;
    qemu_set_irq(p->irq, 0);
}

static void vmmio_init(Object *obj)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(obj);

    memory_region_init_io(&p->iomem, obj, &vmmio_ops, p, "virtio-mmio",
                          VIRTIO_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &p->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &p->irq);
    p->bus = qbus_new(TYPE_VIRTIO_MMIO_BUS, DEVICE(obj), NULL);
}

static void vmmio_finalize(Object *obj)
{
    VirtIOMMIOProxy *p = VIRTIO_MMIO(obj);

    memory_region_finalize(&p->iomem);
}

DeviceState *virtio_mmio_create(hwaddr addr, qemu_irq irq, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_VIRTIO_MMIO);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (!sysbus_realize_and_unref(sbd, errp)) {
        return NULL;
    }
    sysbus_mmio_map(sbd, 0, addr);
    sysbus_connect_irq(sbd, 0, irq);
    return dev;
}

BusState *virtio_mmio_get_bus(DeviceState *proxy)
{
    return VIRTIO_MMIO(proxy)->bus;
}

/* QEMU's three, in its order; the other two change nothing here (no
 * ioeventfd without KVM, which is where QEMU turns it off too). */
static const Property vmmio_props[] = {
    PROP_BOOL("format_transport_address", VirtIOMMIOProxy,
              format_transport_address, true),
    PROP_BOOL("force-legacy", VirtIOMMIOProxy, legacy, true),
    PROP_BOOL("ioeventfd", VirtIOMMIOProxy, ioeventfd, false),
    PROP_END,
};

static void vmmio_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->reset = vmmio_reset;
    dc->desc = "virtio-mmio transport";
    /* A board maps them and wires their lines. */
    dc->user_creatable = false;
    device_class_set_props(dc, vmmio_props);
}

static const TypeInfo vmmio_types[] = {
    {
        .name = TYPE_VIRTIO_MMIO,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(VirtIOMMIOProxy),
        .instance_init = vmmio_init,
        .instance_finalize = vmmio_finalize,
        .class_init = vmmio_class_init,
    }, {
        .name = TYPE_VIRTIO_MMIO_BUS,
        .parent = TYPE_VIRTIO_BUS,
        .class_init = vmmio_bus_class_init,
    },
};

static void vmmio_register_types(void)
{
    type_register_static_array(vmmio_types, G_N_ELEMENTS(vmmio_types));
}

type_init(vmmio_register_types)
