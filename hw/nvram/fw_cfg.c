/*
 * fw_cfg, I/O port interface. See include/hw/nvram/fw_cfg.h for the
 * guest-visible protocol (as QEMU's docs/specs/fw_cfg.txt documents it).
 * Every guest value is checked: selectors outside the item space select
 * nothing, and reads past an item's end return 0.
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

/* ---- guest interface ---- */

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

/* ---- device ---- */

FWCfgState *fw_cfg_init_io(uint16_t iobase, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_FW_CFG_IO);
    FWCfgState *s = FW_CFG_IO(dev);

    s->iobase = iobase;
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
        return NULL;
    }
    memory_region_add_subregion(get_system_io(), iobase, &s->io);
    return s;
}

static bool fw_cfg_realize(DeviceState *dev, Error **errp)
{
    FWCfgState *s = FW_CFG_IO(dev);

    fw_cfg_add_bytes(s, FW_CFG_SIGNATURE, "QEMU", 4);
    fw_cfg_add_i32(s, FW_CFG_ID, FW_CFG_VERSION);
    fw_cfg_rebuild_files(s);
    return true;
}

static void fw_cfg_reset(DeviceState *dev)
{
    FWCfgState *s = FW_CFG_IO(dev);

    s->cur_entry = FW_CFG_INVALID;
    s->cur_offset = 0;
}

static void fw_cfg_instance_init(Object *obj)
{
    FWCfgState *s = FW_CFG_IO(obj);

    s->iobase = FW_CFG_IO_BASE;
    s->cur_entry = FW_CFG_INVALID;
    memory_region_init_io(&s->io, obj, &fw_cfg_io_ops, s, "fwcfg", 2);
}

static void fw_cfg_instance_finalize(Object *obj)
{
    FWCfgState *s = FW_CFG_IO(obj);

    if (s->io.container) {
        memory_region_del_subregion(s->io.container, &s->io);
    }
    memory_region_finalize(&s->io);
    for (int a = 0; a < 2; a++) {
        for (int k = 0; k < FW_CFG_MAX_ENTRY; k++) {
            g_free(s->entries[a][k].data);
        }
    }
    for (unsigned i = 0; i < s->nr_files; i++) {
        g_free(s->files[i].data);
    }
}

static void fw_cfg_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->realize = fw_cfg_realize;
    dc->reset = fw_cfg_reset;
    dc->desc = "QEMU firmware configuration (I/O ports)";
}

static const TypeInfo fw_cfg_io_type = {
    .name = TYPE_FW_CFG_IO,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(FWCfgState),
    .instance_init = fw_cfg_instance_init,
    .instance_finalize = fw_cfg_instance_finalize,
    .class_init = fw_cfg_class_init,
};

static void fw_cfg_register_types(void)
{
    type_register_static(&fw_cfg_io_type);
}

type_init(fw_cfg_register_types)
