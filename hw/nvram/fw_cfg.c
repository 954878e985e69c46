/*
 * fw_cfg: the item store and both guest interfaces, I/O ports (x86) and
 * MMIO with DMA (arm virt). See include/hw/nvram/fw_cfg.h for the
 * guest-visible protocol (as QEMU's docs/specs/fw_cfg.txt documents it).
 * Every guest value is checked: selectors outside the item space select
 * nothing, reads past an item's end return 0, and a DMA descriptor or
 * buffer outside guest memory ends the transfer with the error bit.
 */
#include "qemu/osdep.h"
#include "hw/nvram/fw_cfg.h"
#include "qemu/log.h"

/* ---- items ---- */

static uint8_t *fw_cfg_copy(const void *data, size_t len)
{
    return len ? memcpy(g_malloc(len), data, len) : NULL;
}

static FWCfgEntry *fw_cfg_entry(FWCfgState *s, uint16_t key)
{
    uint16_t index = key & FW_CFG_ENTRY_MASK;

    if (key == FW_CFG_INVALID || index >= FW_CFG_MAX_ENTRY) {
        return NULL;
    }
    return &s->entries[!!(key & FW_CFG_ARCH_LOCAL)][index];
}

static void fw_cfg_set_entry(FWCfgState *s, uint16_t key, const void *data,
                             size_t len)
{
    FWCfgEntry *e = fw_cfg_entry(s, key);

    g_assert(e && len <= UINT32_MAX);
    g_free(e->data);
    e->data = fw_cfg_copy(data, len);
    e->len = len;
}

void fw_cfg_add_bytes(FWCfgState *s, uint16_t key, const void *data,
                      size_t len)
{
    g_assert(!(key & FW_CFG_WRITE_CHANNEL));
    g_assert((key & FW_CFG_ENTRY_MASK) < FW_CFG_FILE_FIRST ||
             (key & FW_CFG_ARCH_LOCAL));
    fw_cfg_set_entry(s, key, data, len);
}

void fw_cfg_add_string(FWCfgState *s, uint16_t key, const char *value)
{
    fw_cfg_add_bytes(s, key, value, strlen(value) + 1);
}

void fw_cfg_add_i16(FWCfgState *s, uint16_t key, uint16_t value)
{
    uint16_t le = GUINT16_TO_LE(value);

    fw_cfg_add_bytes(s, key, &le, sizeof(le));
}

void fw_cfg_add_i32(FWCfgState *s, uint16_t key, uint32_t value)
{
    uint32_t le = GUINT32_TO_LE(value);

    fw_cfg_add_bytes(s, key, &le, sizeof(le));
}

void fw_cfg_add_i64(FWCfgState *s, uint16_t key, uint64_t value)
{
    uint64_t le = GUINT64_TO_LE(value);

    fw_cfg_add_bytes(s, key, &le, sizeof(le));
}

/* ---- files ---- */

/* One FW_CFG_FILE_DIR record (spec: struct FWCfgFile, big endian). */
typedef struct FWCfgDirRecord {
    uint32_t size;
    uint16_t select;
    uint16_t reserved;
    char name[FW_CFG_MAX_FILE_PATH];
} FWCfgDirRecord;

G_STATIC_ASSERT(sizeof(FWCfgDirRecord) == 64);

/* Keys follow name order: rebuild the directory and the file items. */
static void fw_cfg_rebuild_files(FWCfgState *s)
{
    size_t len = 4 + s->nr_files * sizeof(FWCfgDirRecord);
    uint8_t *dir = g_malloc0(len);
    uint32_t count = GUINT32_TO_BE(s->nr_files);

    memcpy(dir, &count, 4);
    for (unsigned i = 0; i < s->nr_files; i++) {
        FWCfgDirRecord rec = { 0 };
        uint16_t key = FW_CFG_FILE_FIRST + i;

        rec.size = GUINT32_TO_BE(s->files[i].len);
        rec.select = GUINT16_TO_BE(key);
        memcpy(rec.name, s->files[i].name, sizeof(rec.name));
        memcpy(dir + 4 + i * sizeof(rec), &rec, sizeof(rec));
        fw_cfg_set_entry(s, key, s->files[i].data, s->files[i].len);
    }
    fw_cfg_set_entry(s, FW_CFG_FILE_DIR, dir, len);
    g_free(dir);
}

bool fw_cfg_add_file(FWCfgState *s, const char *name, const void *data,
                     size_t len, Error **errp)
{
    unsigned pos = 0;

    if (strlen(name) >= FW_CFG_MAX_FILE_PATH) {
        error_setg(errp, "fw_cfg file name too long: %s", name);
        return false;
    }
    if (len > UINT32_MAX) {
        error_setg(errp, "fw_cfg file %s too large", name);
        return false;
    }
    if (s->nr_files == FW_CFG_FILE_SLOTS) {
        error_setg(errp, "fw_cfg: no free file slot for %s "
                   "(all %d used)", name, FW_CFG_FILE_SLOTS);
        return false;
    }
    while (pos < s->nr_files && strcmp(s->files[pos].name, name) < 0) {
        pos++;
    }
    if (pos < s->nr_files && !strcmp(s->files[pos].name, name)) {
        error_setg(errp, "duplicate fw_cfg file name: %s", name);
        return false;
    }
    memmove(&s->files[pos + 1], &s->files[pos],
            (s->nr_files - pos) * sizeof(s->files[0]));
    memset(&s->files[pos], 0, sizeof(s->files[0]));
    g_strlcpy(s->files[pos].name, name, FW_CFG_MAX_FILE_PATH);
    s->files[pos].data = fw_cfg_copy(data, len);
    s->files[pos].len = len;
    s->nr_files++;
    fw_cfg_rebuild_files(s);
    return true;
}

uint16_t fw_cfg_file_key(FWCfgState *s, const char *name)
{
    for (unsigned i = 0; i < s->nr_files; i++) {
        if (!strcmp(s->files[i].name, name)) {
            return FW_CFG_FILE_FIRST + i;
        }
    }
    return FW_CFG_INVALID;
}

/* ---- guest interface, both flavours ---- */

static void fw_cfg_select(FWCfgState *s, uint16_t key)
{
    if (key & FW_CFG_WRITE_CHANNEL) {
        qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: write channel (selector "
                      "0x%04x) not supported, selecting for reading\n", key);
        key &= ~FW_CFG_WRITE_CHANNEL;
    }
    s->cur_offset = 0;
    if (!fw_cfg_entry(s, key)) {
        qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: selector 0x%04x out of "
                      "range\n", key);
        s->cur_entry = FW_CFG_INVALID;
        return;
    }
    s->cur_entry = key;
}

static uint8_t fw_cfg_read_byte(FWCfgState *s)
{
    FWCfgEntry *e = fw_cfg_entry(s, s->cur_entry);

    if (!e || s->cur_offset >= e->len) {
        return 0;
    }
    return e->data[s->cur_offset++];
}

/* ---- I/O port interface ---- */

static uint64_t fw_cfg_io_read(void *opaque, hwaddr addr, unsigned size)
{
    FWCfgState *s = opaque;

    if (addr == 1 && size == 1) {
        return fw_cfg_read_byte(s);
    }
    qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: %u-byte read at 0x%" HWADDR_PRIx
                  " not supported\n", size, s->iobase + addr);
    return 0;
}

static void fw_cfg_io_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    FWCfgState *s = opaque;

    if (addr == 0 && size == 2) {
        fw_cfg_select(s, val);
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: %u-byte write 0x%" PRIx64
                  " at 0x%" HWADDR_PRIx " ignored\n", size, val,
                  s->iobase + addr);
}

static const MemoryRegionOps fw_cfg_io_ops = {
    .read = fw_cfg_io_read,
    .write = fw_cfg_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 2 },
    .impl = { .min_access_size = 1, .max_access_size = 2 },
};

/* ---- MMIO interface ---- */

/* n bytes of the stream, the first in the most significant position:
 * with a big-endian region the first lands at the lowest address. */
static uint64_t fw_cfg_mem_data_read(void *opaque, hwaddr addr,
                                     unsigned size)
{
    FWCfgState *s = opaque;
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        v = (v << 8) | fw_cfg_read_byte(s);
    }
    return v;
}

static void fw_cfg_mem_data_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: %u-byte write 0x%" PRIx64
                  " to the data register ignored (use DMA)\n", size, val);
}

static uint64_t fw_cfg_mem_ctl_read(void *opaque, hwaddr addr,
                                    unsigned size)
{
    qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: read of the selector register "
                  "(write only)\n");
    return 0;
}

static void fw_cfg_mem_ctl_write(void *opaque, hwaddr addr, uint64_t val,
                                 unsigned size)
{
    fw_cfg_select(opaque, val);
}

/* ---- DMA ---- */

typedef struct FWCfgDmaAccess {
    uint32_t control;
    uint32_t length;
    uint64_t address;
} QEMU_PACKED FWCfgDmaAccess;

G_STATIC_ASSERT(sizeof(FWCfgDmaAccess) == 16);

#define FW_CFG_DMA_CHUNK 4096

/*
 * Move len bytes of the selected item to guest memory at addr (read) or
 * just past them (skip). Past the item's end a read gives zeros. False on
 * a guest memory error.
 */
static bool fw_cfg_dma_transfer(FWCfgState *s, uint64_t addr, uint32_t len,
                                bool read)
{
    FWCfgEntry *e = fw_cfg_entry(s, s->cur_entry);
    uint8_t zeros[FW_CFG_DMA_CHUNK] = { 0 };

    while (len) {
        uint32_t avail = e && s->cur_offset < e->len ?
                         e->len - s->cur_offset : 0;
        uint32_t n = avail ? MIN(len, avail) : MIN(len, FW_CFG_DMA_CHUNK);
        const void *src = avail ? e->data + s->cur_offset : zeros;

        if (!avail && !read) {
            break;      /* skipping past the end moves nothing */
        }
        if (read && address_space_write(s->dma_as, addr, src, n) !=
            MEMTX_OK) {
            return false;
        }
        if (avail) {
            s->cur_offset += n;
        }
        addr += n;
        len -= n;
    }
    return true;
}

static void fw_cfg_dma_run(FWCfgState *s)
{
    uint64_t desc = s->dma_addr;
    FWCfgDmaAccess dma;
    uint32_t control, result = 0;

    s->dma_addr = 0;
    if (address_space_read(s->dma_as, desc, &dma, sizeof(dma)) != MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: DMA descriptor at 0x%" PRIx64
                      " is not in guest memory\n", desc);
        result = FW_CFG_DMA_CTL_ERROR;
        goto done;
    }
    control = GUINT32_FROM_BE(dma.control);
    if (control & FW_CFG_DMA_CTL_SELECT) {
        fw_cfg_select(s, control >> 16);
    }
    if (control & FW_CFG_DMA_CTL_WRITE) {
        /* No item is writable. */
        qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: DMA write to item 0x%04x "
                      "refused (read only)\n", s->cur_entry);
        result = FW_CFG_DMA_CTL_ERROR;
    } else if (control & (FW_CFG_DMA_CTL_READ | FW_CFG_DMA_CTL_SKIP)) {
        bool read = control & FW_CFG_DMA_CTL_READ;

        if (!fw_cfg_dma_transfer(s, GUINT64_FROM_BE(dma.address),
                                 GUINT32_FROM_BE(dma.length), read)) {
            qemu_log_mask(LOG_GUEST_ERROR, "fw_cfg: DMA buffer at 0x%" PRIx64
                          " (length %u) is not in guest memory\n",
                          (uint64_t)GUINT64_FROM_BE(dma.address),
                          GUINT32_FROM_BE(dma.length));
            result = FW_CFG_DMA_CTL_ERROR;
        }
    }
done:
    result = GUINT32_TO_BE(result);
    /* A descriptor outside memory gets nothing back: nowhere to put it. */
    address_space_write(s->dma_as, desc, &result, sizeof(result));
}

static uint64_t fw_cfg_mem_dma_read(void *opaque, hwaddr addr,
                                    unsigned size)
{
    /* addr 0 size 8, addr 0 size 4 (high half), addr 4 size 4 (low). */
    return size == 8 ? FW_CFG_DMA_SIGNATURE :
           (uint32_t)(FW_CFG_DMA_SIGNATURE >> (addr ? 0 : 32));
}

static void fw_cfg_mem_dma_write(void *opaque, hwaddr addr, uint64_t val,
                                 unsigned size)
{
    FWCfgState *s = opaque;

    if (size == 8) {
        s->dma_addr = val;
    } else if (addr == 0) {
        /* The high half waits for the low half, which starts it. */
        s->dma_addr = val << 32;
        return;
    } else {
        s->dma_addr |= (uint32_t)val;
    }
    fw_cfg_dma_run(s);
}

/* The data register's ops by data_width: guests may read 1..width. */
#define FW_CFG_MEM_DATA_OPS(w) {                                        \
        .read = fw_cfg_mem_data_read,                                   \
        .write = fw_cfg_mem_data_write,                                 \
        .endianness = DEVICE_BIG_ENDIAN,                                \
        .valid = { .min_access_size = 1, .max_access_size = (w) },      \
        .impl = { .min_access_size = 1, .max_access_size = (w) },       \
    }

static const MemoryRegionOps fw_cfg_mem_data_ops[4] = {
    FW_CFG_MEM_DATA_OPS(1), FW_CFG_MEM_DATA_OPS(2),
    FW_CFG_MEM_DATA_OPS(4), FW_CFG_MEM_DATA_OPS(8),
};

static const MemoryRegionOps fw_cfg_mem_ctl_ops = {
    .read = fw_cfg_mem_ctl_read,
    .write = fw_cfg_mem_ctl_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 2 },
    .impl = { .min_access_size = 2, .max_access_size = 2 },
};

static const MemoryRegionOps fw_cfg_mem_dma_ops = {
    .read = fw_cfg_mem_dma_read,
    .write = fw_cfg_mem_dma_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

/* ---- devices ---- */

FWCfgState *fw_cfg_init_io(uint16_t iobase, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_FW_CFG_IO);
    FWCfgState *s = FW_CFG(dev);

    s->iobase = iobase;
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
        return NULL;
    }
    memory_region_add_subregion(get_system_io(), iobase, &s->io);
    return s;
}

FWCfgState *fw_cfg_init_mem(hwaddr base, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_FW_CFG_MEM);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (!sysbus_realize_and_unref(sbd, errp)) {
        return NULL;
    }
    sysbus_mmio_map(sbd, 0, base + FW_CFG_MEM_CTL);
    sysbus_mmio_map(sbd, 1, base + FW_CFG_MEM_DATA);
    sysbus_mmio_map(sbd, 2, base + FW_CFG_MEM_DMA);
    return FW_CFG(dev);
}

static bool fw_cfg_realize(DeviceState *dev, Error **errp)
{
    FWCfgState *s = FW_CFG(dev);

    fw_cfg_add_bytes(s, FW_CFG_SIGNATURE, "QEMU", 4);
    fw_cfg_add_i32(s, FW_CFG_ID, FW_CFG_VERSION |
                   (s->dma_enabled ? FW_CFG_VERSION_DMA : 0));
    fw_cfg_rebuild_files(s);
    return true;
}

static void fw_cfg_reset(DeviceState *dev)
{
    FWCfgState *s = FW_CFG(dev);

    /* QEMU selects the signature at reset: reads give "QEMU" at once. */
    s->cur_entry = FW_CFG_SIGNATURE;
    s->cur_offset = 0;
    s->dma_addr = 0;
}

static void fw_cfg_instance_init(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    s->cur_entry = FW_CFG_SIGNATURE;   /* as after a reset */
}

static void fw_cfg_instance_finalize(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    for (int a = 0; a < 2; a++) {
        for (int k = 0; k < FW_CFG_MAX_ENTRY; k++) {
            g_free(s->entries[a][k].data);
        }
    }
    for (unsigned i = 0; i < s->nr_files; i++) {
        g_free(s->files[i].data);
    }
}

static void fw_cfg_io_instance_init(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    s->iobase = FW_CFG_IO_BASE;
    memory_region_init_io(&s->io, obj, &fw_cfg_io_ops, s, "fwcfg", 2);
}

static void fw_cfg_io_instance_finalize(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    if (s->io.container) {
        memory_region_del_subregion(s->io.container, &s->io);
    }
    memory_region_finalize(&s->io);
}

static void fw_cfg_mem_instance_init(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    s->dma_as = &address_space_memory;
}

static bool fw_cfg_mem_realize(DeviceState *dev, Error **errp)
{
    FWCfgState *s = FW_CFG(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    int ops;

    switch (s->data_width) {
    case 1: ops = 0; break;
    case 2: ops = 1; break;
    case 4: ops = 2; break;
    case 8: ops = 3; break;
    default:
        error_setg(errp, "fw_cfg_mem: data_width must be 1, 2, 4 or 8");
        return false;
    }
    if (s->file_slots != FW_CFG_FILE_SLOTS) {
        error_setg(errp, "fw_cfg_mem: x-file-slots other than %d is not "
                   "supported", FW_CFG_FILE_SLOTS);
        return false;
    }
    memory_region_init_io(&s->mem_ctl, OBJECT(dev), &fw_cfg_mem_ctl_ops, s,
                          "fwcfg.ctl", 2);
    memory_region_init_io(&s->mem_data, OBJECT(dev), &fw_cfg_mem_data_ops[ops],
                          s, "fwcfg.data", s->data_width);
    sysbus_init_mmio(sbd, &s->mem_ctl);
    sysbus_init_mmio(sbd, &s->mem_data);
    if (s->dma_enabled) {
        memory_region_init_io(&s->mem_dma, OBJECT(dev), &fw_cfg_mem_dma_ops,
                              s, "fwcfg.dma", 8);
        sysbus_init_mmio(sbd, &s->mem_dma);
    }
    s->mem_regions_init = true;
    return fw_cfg_realize(dev, errp);
}

static void fw_cfg_mem_region_free(MemoryRegion *mr)
{
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    memory_region_finalize(mr);
}

static void fw_cfg_mem_instance_finalize(Object *obj)
{
    FWCfgState *s = FW_CFG(obj);

    if (!s->mem_regions_init) {
        return;
    }
    fw_cfg_mem_region_free(&s->mem_ctl);
    fw_cfg_mem_region_free(&s->mem_data);
    if (s->dma_enabled) {
        fw_cfg_mem_region_free(&s->mem_dma);
    }
}

static const Property fw_cfg_mem_props[] = {
    PROP_UINT32("data_width", FWCfgState, data_width, 8),
    PROP_BOOL("dma_enabled", FWCfgState, dma_enabled, true),
    PROP_UINT16("x-file-slots", FWCfgState, file_slots, FW_CFG_FILE_SLOTS),
    PROP_BOOL("acpi-mr-restore", FWCfgState, acpi_mr_restore, true),
    PROP_END,
};

static void fw_cfg_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = fw_cfg_realize;
    dc->reset = fw_cfg_reset;
    /* Boards create it and fill its items. */
    dc->user_creatable = false;
}

static void fw_cfg_io_class_init(ObjectClass *klass, void *data)
{
    DEVICE_CLASS(klass)->desc = "QEMU firmware configuration (I/O ports)";
}

static void fw_cfg_mem_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "QEMU firmware configuration (MMIO, DMA)";
    dc->realize = fw_cfg_mem_realize;
    device_class_set_props(dc, fw_cfg_mem_props);
}

static const TypeInfo fw_cfg_types[] = {
    {
        .name = TYPE_FW_CFG,
        .parent = TYPE_SYS_BUS_DEVICE,
        .abstract = true,
        .instance_size = sizeof(FWCfgState),
        .instance_init = fw_cfg_instance_init,
        .instance_finalize = fw_cfg_instance_finalize,
        .class_init = fw_cfg_class_init,
    }, {
        .name = TYPE_FW_CFG_IO,
        .parent = TYPE_FW_CFG,
        .instance_init = fw_cfg_io_instance_init,
        .instance_finalize = fw_cfg_io_instance_finalize,
        .class_init = fw_cfg_io_class_init,
    }, {
        .name = TYPE_FW_CFG_MEM,
        .parent = TYPE_FW_CFG,
        .instance_init = fw_cfg_mem_instance_init,
        .instance_finalize = fw_cfg_mem_instance_finalize,
        .class_init = fw_cfg_mem_class_init,
    },
};

static void fw_cfg_register_types(void)
{
    type_register_static_array(fw_cfg_types, G_N_ELEMENTS(fw_cfg_types));
}

type_init(fw_cfg_register_types)
