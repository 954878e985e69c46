/*
 * Unit tests for hw/nvram/fw_cfg.c: fw_cfg_io through ports 0x510/0x511,
 * the way SeaBIOS and Linux's qemu_fw_cfg driver read it, and fw_cfg_mem
 * (arm virt) through its MMIO registers and DMA, as Linux and EDK2 use
 * them. Key numbers, register offsets and the DMA descriptor layout are
 * written out from QEMU's docs/specs/fw_cfg.txt.
 */
#include "qemu/osdep.h"
#include "hw/nvram/fw_cfg.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

static FWCfgState *fwcfg;
static FWCfgState *fwcfg_mem;

#define MEM_BASE 0x09020000
#define RAM_BASE 0x40000000
#define RAM_SIZE 0x10000

static void select_key(uint16_t key)
{
    uint16_t le = GUINT16_TO_LE(key);

    address_space_write(&address_space_io, 0x510, &le, 2);
}

static uint8_t read_byte(void)
{
    uint8_t v = 0xee;

    address_space_read(&address_space_io, 0x511, &v, 1);
    return v;
}

static void read_bytes(void *buf, size_t len)
{
    uint8_t *p = buf;

    for (size_t i = 0; i < len; i++) {
        p[i] = read_byte();
    }
}

static uint32_t read_le32(uint16_t key)
{
    uint32_t v;

    select_key(key);
    read_bytes(&v, 4);
    return GUINT32_FROM_LE(v);
}

static void test_signature(void)
{
    char sig[5] = { 0 };

    select_key(0x0000);
    read_bytes(sig, 4);
    g_assert_cmpstr(sig, ==, "QEMU");
    /* Past the end: zeros. */
    g_assert_cmphex(read_byte(), ==, 0);
    g_assert_cmphex(read_byte(), ==, 0);
    /* Selecting again starts over. */
    select_key(0x0000);
    g_assert_cmphex(read_byte(), ==, 'Q');
}

static void test_id(void)
{
    /* Traditional interface only: no DMA bit. */
    g_assert_cmphex(read_le32(0x0001), ==, 0x00000001);
}

static void test_numbers(void)
{
    uint64_t ram;

    fw_cfg_add_i16(fwcfg, 0x05, 4);
    fw_cfg_add_i16(fwcfg, 0x0f, 8);
    fw_cfg_add_i64(fwcfg, 0x03, 0x123456789aULL);
    fw_cfg_add_i32(fwcfg, 0x08, 0xdeadbeef);
    select_key(0x05);
    g_assert_cmphex(read_byte(), ==, 4);
    g_assert_cmphex(read_byte(), ==, 0);
    g_assert_cmphex(read_byte(), ==, 0);       /* past the end */
    select_key(0x0f);
    g_assert_cmphex(read_byte(), ==, 8);
    select_key(0x03);
    read_bytes(&ram, 8);
    g_assert_cmphex(GUINT64_FROM_LE(ram), ==, 0x123456789aULL);
    g_assert_cmphex(read_le32(0x08), ==, 0xdeadbeef);
    /* Replacing an item. */
    fw_cfg_add_i32(fwcfg, 0x08, 7);
    g_assert_cmphex(read_le32(0x08), ==, 7);
}

static void test_string_and_bytes(void)
{
    char buf[16] = { 0 };
    uint8_t blob[300];

    fw_cfg_add_string(fwcfg, 0x15, "console=ttyS0");
    select_key(0x15);
    read_bytes(buf, 14);
    g_assert_cmpstr(buf, ==, "console=ttyS0");
    g_assert_cmphex(buf[13], ==, 0);
    /* Sequential reads across a long item. */
    for (int i = 0; i < 300; i++) {
        blob[i] = i * 7;
    }
    fw_cfg_add_bytes(fwcfg, 0x11, blob, sizeof(blob));
    select_key(0x11);
    for (int i = 0; i < 300; i++) {
        g_assert_cmphex(read_byte(), ==, (uint8_t)(i * 7));
    }
    g_assert_cmphex(read_byte(), ==, 0);
    /* Arch-local keys are a separate space. */
    fw_cfg_add_i32(fwcfg, 0x8003, 0x11223344);
    g_assert_cmphex(read_le32(0x8003), ==, 0x11223344);
    g_assert_cmphex(read_le32(0x0003) == 0x11223344, ==, 0);
}

typedef struct DirEntry {
    uint32_t size;
    uint16_t select;
    char name[57];
} DirEntry;

static unsigned read_dir(DirEntry *out, unsigned max)
{
    uint32_t count;

    select_key(0x19);
    read_bytes(&count, 4);
    count = GUINT32_FROM_BE(count);
    g_assert_cmpuint(count, <=, max);
    for (unsigned i = 0; i < count; i++) {
        uint32_t size;
        uint16_t sel, reserved;

        read_bytes(&size, 4);
        read_bytes(&sel, 2);
        read_bytes(&reserved, 2);
        out[i].size = GUINT32_FROM_BE(size);
        out[i].select = GUINT16_FROM_BE(sel);
        g_assert_cmpuint(reserved, ==, 0);
        memset(out[i].name, 0, sizeof(out[i].name));
        read_bytes(out[i].name, 56);
    }
    return count;
}

static void test_files(void)
{
    static const uint8_t e820[20] = { 0, 0, 0, 0, 0, 0, 0, 0,
                                      0, 0, 0xa, 0, 0, 0, 0, 0, 1, 0, 0, 0 };
    DirEntry dir[FW_CFG_FILE_SLOTS];
    Error *err = NULL;
    unsigned n;
    uint8_t buf[20];

    g_assert_cmpuint(read_dir(dir, FW_CFG_FILE_SLOTS), ==, 0);
    g_assert_true(fw_cfg_add_file(fwcfg, "etc/e820", e820, sizeof(e820),
                                  &error_abort));
    g_assert_true(fw_cfg_add_file(fwcfg, "bootorder", "/pci@i0cf8\n", 12,
                                  &error_abort));
    g_assert_true(fw_cfg_add_file(fwcfg, "etc/acpi/rsdp", "RSD PTR ", 8,
                                  &error_abort));
    n = read_dir(dir, FW_CFG_FILE_SLOTS);
    g_assert_cmpuint(n, ==, 3);
    /* Sorted by name, keys from 0x20 in that order. */
    g_assert_cmpstr(dir[0].name, ==, "bootorder");
    g_assert_cmpstr(dir[1].name, ==, "etc/acpi/rsdp");
    g_assert_cmpstr(dir[2].name, ==, "etc/e820");
    for (unsigned i = 0; i < n; i++) {
        g_assert_cmphex(dir[i].select, ==, 0x20 + i);
        g_assert_cmphex(fw_cfg_file_key(fwcfg, dir[i].name), ==, 0x20 + i);
    }
    g_assert_cmpuint(dir[2].size, ==, 20);
    g_assert_cmpuint(dir[0].size, ==, 12);
    /* Look a file up by name the way firmware does, then read it. */
    select_key(dir[2].select);
    read_bytes(buf, sizeof(buf));
    g_assert_cmpmem(buf, sizeof(buf), e820, sizeof(e820));
    g_assert_cmphex(read_byte(), ==, 0);
    g_assert_cmphex(fw_cfg_file_key(fwcfg, "nope"), ==, 0xffff);

    g_assert_false(fw_cfg_add_file(fwcfg, "etc/e820", e820, 4, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "duplicate fw_cfg file name: etc/e820");
    error_free(err);
    err = NULL;
    {
        char longname[80];

        memset(longname, 'x', sizeof(longname) - 1);
        longname[sizeof(longname) - 1] = 0;
        g_assert_false(fw_cfg_add_file(fwcfg, longname, "", 0, &err));
        error_free(err);
        err = NULL;
    }
    /* Fill every slot; one more fails. */
    for (unsigned i = n; i < FW_CFG_FILE_SLOTS; i++) {
        char name[32];

        snprintf(name, sizeof(name), "opt/f%02u", i);
        g_assert_true(fw_cfg_add_file(fwcfg, name, &i, sizeof(i),
                                      &error_abort));
    }
    g_assert_false(fw_cfg_add_file(fwcfg, "zzz", "", 0, &err));
    error_free(err);
    n = read_dir(dir, FW_CFG_FILE_SLOTS);
    g_assert_cmpuint(n, ==, FW_CFG_FILE_SLOTS);
    for (unsigned i = 1; i < n; i++) {
        g_assert_cmpint(strcmp(dir[i - 1].name, dir[i].name), <, 0);
    }
    /* Keys moved with the sort: etc/e820 is still found by name. */
    select_key(fw_cfg_file_key(fwcfg, "etc/e820"));
    read_bytes(buf, sizeof(buf));
    g_assert_cmpmem(buf, sizeof(buf), e820, sizeof(e820));
}

static void test_bad_selector(void)
{
    /* Beyond the item space, an unused key, the top key: all read 0. */
    select_key(0x3fff);
    g_assert_cmphex(read_byte(), ==, 0);
    select_key(0xffff);
    g_assert_cmphex(read_byte(), ==, 0);
    select_key(0x001f);
    g_assert_cmphex(read_byte(), ==, 0);
    /* Write-channel bit: ignored, the item is selected for reading. */
    select_key(0x4000);
    g_assert_cmphex(read_byte(), ==, 'Q');
    /* A data write changes nothing. */
    {
        uint8_t v = 0x55;

        select_key(0x0000);
        address_space_write(&address_space_io, 0x511, &v, 1);
        g_assert_cmphex(read_byte(), ==, 'Q');
    }
    /* A byte write to the selector is refused: still on the signature. */
    {
        uint8_t v = 0x01;

        address_space_write(&address_space_io, 0x510, &v, 1);
        g_assert_cmphex(read_byte(), ==, 'E');
    }
    /* Reset selects the signature, as QEMU does. */
    select_key(0x0019);
    device_cold_reset(DEVICE(fwcfg));
    g_assert_cmphex(read_byte(), ==, 'Q');
    g_assert_cmphex(read_byte(), ==, 'E');
}

static void test_mtree_name(void)
{
    GString *out = g_string_new(NULL);

    mtree_info(out, false);
    g_assert_nonnull(strstr(out->str, "0000000000000510-0000000000000511 "
                            "(prio 0, i/o): fwcfg"));
    g_string_free(out, true);
}

/* ---- fw_cfg_mem ---- */

static void mem_select(uint16_t key)
{
    uint16_t be = GUINT16_TO_BE(key);

    address_space_write(&address_space_memory, MEM_BASE + 8, &be, 2);
}

static void mem_read(void *buf, unsigned size)
{
    address_space_read(&address_space_memory, MEM_BASE, buf, size);
}

static void test_mem_data(void)
{
    char sig[9] = { 0 };
    uint8_t b[8];
    uint32_t id;

    /* Any width: the bytes come in stream order. */
    mem_select(0x0000);
    mem_read(sig, 4);
    g_assert_cmpstr(sig, ==, "QEMU");
    mem_select(0x0000);
    mem_read(sig, 2);
    mem_read(sig + 2, 1);
    mem_read(sig + 3, 1);
    g_assert_cmpstr(sig, ==, "QEMU");
    mem_select(0x0000);
    memset(b, 0xee, sizeof(b));
    mem_read(b, 8);
    g_assert_cmpmem(b, 8, "QEMU\0\0\0\0", 8);
    /* DMA is offered. */
    mem_select(0x0001);
    mem_read(&id, 4);
    g_assert_cmphex(GUINT32_FROM_LE(id), ==, 0x3);
    /* Items of its own, numbers little endian. */
    fw_cfg_add_i64(fwcfg_mem, 0x03, 0x1122334455667788ULL);
    mem_select(0x0003);
    mem_read(b, 8);
    g_assert_cmphex(GUINT64_FROM_LE(*(uint64_t *)b), ==,
                    0x1122334455667788ULL);
    /* Data writes change nothing. */
    mem_select(0x0000);
    address_space_write(&address_space_memory, MEM_BASE, "xy", 2);
    mem_read(sig, 1);
    g_assert_cmphex(sig[0], ==, 'Q');
    /* The selector takes 16-bit writes only, big endian. */
    {
        uint8_t one = 1;
        uint16_t le = GUINT16_TO_LE(0x0100);

        address_space_write(&address_space_memory, MEM_BASE + 8, &one, 1);
        mem_read(sig, 1);
        g_assert_cmphex(sig[0], ==, 'E');
        /* 0x0100 read as big endian is key 0x0001 (the ID)... */
        address_space_write(&address_space_memory, MEM_BASE + 8, &le, 2);
        mem_read(b, 1);
        g_assert_cmphex(b[0], ==, 0x03);
    }
    /* Bad selectors read 0. */
    mem_select(0x3fff);
    mem_read(b, 4);
    g_assert_cmpmem(b, 4, "\0\0\0\0", 4);
}

static void test_mem_dma_signature(void)
{
    uint8_t b[8];

    address_space_read(&address_space_memory, MEM_BASE + 16, b, 8);
    g_assert_cmpmem(b, 8, "QEMU CFG", 8);
    address_space_read(&address_space_memory, MEM_BASE + 16, b, 4);
    g_assert_cmpmem(b, 4, "QEMU", 4);
    address_space_read(&address_space_memory, MEM_BASE + 20, b, 4);
    g_assert_cmpmem(b, 4, " CFG", 4);
}

typedef struct DmaDesc {
    uint32_t control;
    uint32_t length;
    uint64_t address;
} DmaDesc;

#define DESC_ADDR (RAM_BASE + 0x100)
#define BUF_ADDR (RAM_BASE + 0x1000)

static void put_desc(uint32_t control, uint32_t length, uint64_t address)
{
    DmaDesc d = {
        .control = GUINT32_TO_BE(control),
        .length = GUINT32_TO_BE(length),
        .address = GUINT64_TO_BE(address),
    };

    address_space_write(&address_space_memory, DESC_ADDR, &d, sizeof(d));
}

static uint32_t desc_control(void)
{
    uint32_t v;

    address_space_read(&address_space_memory, DESC_ADDR, &v, 4);
    return GUINT32_FROM_BE(v);
}

static void dma_kick(uint64_t desc)
{
    uint64_t be = GUINT64_TO_BE(desc);

    address_space_write(&address_space_memory, MEM_BASE + 16, &be, 8);
}

static void test_mem_dma(void)
{
    uint8_t blob[100], buf[120];

    for (int i = 0; i < 100; i++) {
        blob[i] = i + 1;
    }
    g_assert_true(fw_cfg_add_file(fwcfg_mem, "etc/blob", blob, sizeof(blob),
                                  &error_abort));
    /* Select and read part of it. */
    put_desc((fw_cfg_file_key(fwcfg_mem, "etc/blob") << 16) | 0x08 | 0x02,
             10, BUF_ADDR);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0);
    address_space_read(&address_space_memory, BUF_ADDR, buf, 10);
    g_assert_cmpmem(buf, 10, blob, 10);
    /* Skip 20, then read on, past the end: zeros follow the item. */
    put_desc(0x04, 20, 0);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0);
    memset(buf, 0xee, sizeof(buf));
    address_space_write(&address_space_memory, BUF_ADDR, buf, sizeof(buf));
    put_desc(0x02, 80, BUF_ADDR);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0);
    address_space_read(&address_space_memory, BUF_ADDR, buf, sizeof(buf));
    g_assert_cmpmem(buf, 70, blob + 30, 70);
    for (int i = 70; i < 80; i++) {
        g_assert_cmphex(buf[i], ==, 0);
    }
    g_assert_cmphex(buf[80], ==, 0xee);
    /* The data register follows the same position. */
    mem_select(fw_cfg_file_key(fwcfg_mem, "etc/blob"));
    put_desc(0x04, 50, 0);
    dma_kick(DESC_ADDR);
    mem_read(buf, 1);
    g_assert_cmphex(buf[0], ==, blob[50]);
    /* The address in two halves, high first; the low half starts it. */
    put_desc(0x08 | 0x02, 4, BUF_ADDR);      /* key 0: the signature */
    {
        uint32_t hi = GUINT32_TO_BE(0), lo = GUINT32_TO_BE(DESC_ADDR);

        address_space_write(&address_space_memory, MEM_BASE + 16, &hi, 4);
        g_assert_cmphex(desc_control(), ==, 0x0a);
        address_space_write(&address_space_memory, MEM_BASE + 20, &lo, 4);
    }
    g_assert_cmphex(desc_control(), ==, 0);
    address_space_read(&address_space_memory, BUF_ADDR, buf, 4);
    g_assert_cmpmem(buf, 4, "QEMU", 4);
}

static void test_mem_dma_errors(void)
{
    /* Writes: no item is writable. */
    put_desc(0x08 | 0x10, 4, BUF_ADDR);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0x01);
    /* A buffer outside guest memory. */
    put_desc(0x08 | 0x02, 4, 0x7000000000ULL);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0x01);
    /* A buffer running off the end of RAM. */
    put_desc(0x08 | 0x02, 0x20000, RAM_BASE + RAM_SIZE - 16);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0x01);
    /* A huge skip is only arithmetic. */
    put_desc(0x08 | 0x04, 0xffffffff, 0);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0);
    /* A descriptor outside guest memory, or across its top: no crash. */
    dma_kick(0xfffffffffffffff8ULL);
    dma_kick(0x7000000000ULL);
    /* Nothing asked: control back to 0. */
    put_desc(0, 0, 0);
    dma_kick(DESC_ADDR);
    g_assert_cmphex(desc_control(), ==, 0);
}

static void test_mem_mtree(void)
{
    GString *out = g_string_new(NULL);

    mtree_info(out, false);
    g_assert_nonnull(strstr(out->str, "0000000009020000-0000000009020007 "
                            "(prio 0, i/o): fwcfg.data"));
    g_assert_nonnull(strstr(out->str, "0000000009020008-0000000009020009 "
                            "(prio 0, i/o): fwcfg.ctl"));
    g_assert_nonnull(strstr(out->str, "0000000009020010-0000000009020017 "
                            "(prio 0, i/o): fwcfg.dma"));
    g_string_free(out, true);
}

static void test_mem_props(void)
{
    DeviceState *dev = qdev_new(TYPE_FW_CFG_MEM);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    hwaddr base = 0x09100000;
    Error *err = NULL;
    uint32_t id = 0;
    uint64_t wide = 0x1234;

    object_property_set_uint(OBJECT(dev), "data_width", 4, &error_abort);
    object_property_set_bool(OBJECT(dev), "dma_enabled", false,
                             &error_abort);
    g_assert_true(sysbus_realize_and_unref(sbd, &error_abort));
    /* Only two regions: no DMA register. */
    g_assert_cmpint(sbd->num_mmio, ==, 2);
    sysbus_mmio_map(sbd, 0, base + 8);
    sysbus_mmio_map(sbd, 1, base);
    {
        uint16_t be = GUINT16_TO_BE(0x0001);

        address_space_write(&address_space_memory, base + 8, &be, 2);
    }
    address_space_read(&address_space_memory, base, &id, 4);
    g_assert_cmphex(GUINT32_FROM_LE(id), ==, 0x1);     /* no DMA bit */
    /* Wider than data_width: refused (all ones, nothing consumed). */
    g_assert_cmpint(address_space_read(&address_space_memory, base, &wide,
                                       8), !=, MEMTX_OK);

    dev = qdev_new(TYPE_FW_CFG_MEM);
    object_property_set_uint(OBJECT(dev), "data_width", 3, &error_abort);
    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(err);
    error_free(err);
    err = NULL;
    dev = qdev_new(TYPE_FW_CFG_MEM);
    object_property_set_uint(OBJECT(dev), "x-file-slots", 64, &error_abort);
    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    error_free(err);
}

/* Static: the region lives as long as the program. */
static MemoryRegion ram;

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    fwcfg = fw_cfg_init_io(0x510, &error_abort);
    fwcfg_mem = fw_cfg_init_mem(MEM_BASE, &error_abort);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);

    g_test_add_func("/fwcfg/signature", test_signature);
    g_test_add_func("/fwcfg/id", test_id);
    g_test_add_func("/fwcfg/numbers", test_numbers);
    g_test_add_func("/fwcfg/string-bytes", test_string_and_bytes);
    g_test_add_func("/fwcfg/files", test_files);
    g_test_add_func("/fwcfg/bad-selector", test_bad_selector);
    g_test_add_func("/fwcfg/mtree", test_mtree_name);
    g_test_add_func("/fwcfg/mem/data", test_mem_data);
    g_test_add_func("/fwcfg/mem/dma-signature", test_mem_dma_signature);
    g_test_add_func("/fwcfg/mem/dma", test_mem_dma);
    g_test_add_func("/fwcfg/mem/dma-errors", test_mem_dma_errors);
    g_test_add_func("/fwcfg/mem/mtree", test_mem_mtree);
    g_test_add_func("/fwcfg/mem/props", test_mem_props);
    return g_test_run();
}
