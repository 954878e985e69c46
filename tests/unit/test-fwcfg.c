/*
 * Unit tests for fw_cfg_io (hw/nvram/fw_cfg.c) through ports 0x510/0x511,
 * the way SeaBIOS and Linux's qemu_fw_cfg driver read it. Key numbers and
 * the directory layout are written out from QEMU's docs/specs/fw_cfg.txt.
 */
#include "qemu/osdep.h"
#include "hw/nvram/fw_cfg.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

static FWCfgState *fwcfg;

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
    /* Reset deselects. */
    device_cold_reset(DEVICE(fwcfg));
    g_assert_cmphex(read_byte(), ==, 0);
}

static void test_mtree_name(void)
{
    GString *out = g_string_new(NULL);

    mtree_info(out, false);
    g_assert_nonnull(strstr(out->str, "0000000000000510-0000000000000511 "
                            "(prio 0, i/o): fwcfg"));
    g_string_free(out, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    fwcfg = fw_cfg_init_io(0x510, &error_abort);

    g_test_add_func("/fwcfg/signature", test_signature);
    g_test_add_func("/fwcfg/id", test_id);
    g_test_add_func("/fwcfg/numbers", test_numbers);
    g_test_add_func("/fwcfg/string-bytes", test_string_and_bytes);
    g_test_add_func("/fwcfg/files", test_files);
    g_test_add_func("/fwcfg/bad-selector", test_bad_selector);
    g_test_add_func("/fwcfg/mtree", test_mtree_name);
    return g_test_run();
}
