/*
 * The virt board's device tree (hw/arm/virt-fdt.c) and the aarch64 boot
 * planner (hw/arm/boot-image.c): what QEMU 7.2 writes and where it puts
 * things, checked with libfdt on the blob and on the plan. No CPU, no
 * guest memory: the part of -kernel that touches them (hw/arm/boot.c) is
 * covered by the functional tests.
 */
#include "qemu/osdep.h"
#include <libfdt.h>
#include <zlib.h>
#include <glib/gstdio.h>
#include "hw/arm/virt.h"
#include "hw/arm/boot-image.h"

static const MemMapEntry test_memmap[VIRT_MEMMAP_COUNT] = {
    [VIRT_FLASH] = { 0, 0x08000000 },
    [VIRT_GIC_DIST] = { 0x08000000, 0x00010000 },
    [VIRT_GIC_CPU] = { 0x08010000, 0x00010000 },
    [VIRT_GIC_REDIST] = { 0x080a0000, 0x00f60000 },
    [VIRT_UART] = { 0x09000000, 0x00001000 },
    [VIRT_RTC] = { 0x09010000, 0x00001000 },
    [VIRT_FW_CFG] = { 0x09020000, 0x00000018 },
    [VIRT_GPIO] = { 0x09030000, 0x00001000 },
    [VIRT_MMIO] = { 0x0a000000, 0x00000200 },
    [VIRT_MEM] = { 0x40000000, 255ULL * GiB },
};

static VirtMachineState *make_vms(unsigned cpus, int gic,
                                  const MemMapEntry *memmap)
{
    VirtMachineState *vms = g_new0(VirtMachineState, 1);
    Error *err = NULL;

    vms->parent_obj.smp.cpus = cpus;
    vms->parent_obj.smp.sockets = 1;
    vms->parent_obj.smp.cores = cpus;
    vms->parent_obj.smp.threads = 1;
    vms->parent_obj.ram_size = 512 * MiB;
    vms->memmap = memmap ? memmap : test_memmap;
    vms->gic_version = gic;
    g_assert_true(virt_fdt_build(vms, &err));
    g_assert_null(err);
    g_assert_nonnull(vms->fdt);
    g_assert_cmpint(fdt_check_header(vms->fdt), ==, 0);
    g_assert_cmpint(vms->fdt_size, ==, fdt_totalsize(vms->fdt));
    return vms;
}

static void free_vms(VirtMachineState *vms)
{
    g_free(vms->fdt);
    g_free(vms);
}

static int node(const void *fdt, const char *path)
{
    int off = fdt_path_offset(fdt, path);

    if (off < 0) {
        g_test_message("missing node %s", path);
    }
    g_assert_cmpint(off, >=, 0);
    return off;
}

static const void *prop(const void *fdt, const char *path, const char *name,
                        int *len)
{
    const void *p = fdt_getprop(fdt, node(fdt, path), name, len);

    if (!p) {
        g_test_message("missing property %s in %s", name, path);
    }
    g_assert_nonnull(p);
    return p;
}

static void check_str(const void *fdt, const char *path, const char *name,
                      const char *want)
{
    int len;
    const char *p = prop(fdt, path, name, &len);

    g_assert_cmpint(len, ==, strlen(want) + 1);
    g_assert_cmpstr(p, ==, want);
}

/* A string list given as one string with '|' between the entries. */
static void check_strs(const void *fdt, const char *path, const char *name,
                       const char *want)
{
    int len;
    const char *p = prop(fdt, path, name, &len);
    g_autofree char *w = g_strdup(want);

    for (char *c = w; *c; c++) {
        if (*c == '|') {
            *c = 0;
        }
    }
    g_assert_cmpint(len, ==, strlen(want) + 1);
    g_assert_cmpmem(p, len, w, len);
}

static void check_cells(const void *fdt, const char *path, const char *name,
                        const uint32_t *want, int n)
{
    int len;
    const fdt32_t *p = prop(fdt, path, name, &len);

    g_assert_cmpint(len, ==, n * 4);
    for (int i = 0; i < n; i++) {
        g_assert_cmphex(fdt32_to_cpu(p[i]), ==, want[i]);
    }
}

static void check_u32(const void *fdt, const char *path, const char *name,
                      uint32_t want)
{
    check_cells(fdt, path, name, &want, 1);
}

static void check_empty(const void *fdt, const char *path, const char *name)
{
    int len;

    prop(fdt, path, name, &len);
    g_assert_cmpint(len, ==, 0);
}

static void check_absent(const void *fdt, const char *path)
{
    g_assert_cmpint(fdt_path_offset(fdt, path), ==, -FDT_ERR_NOTFOUND);
}

/* The names of the root's children in blob order, joined by ' '. */
static char *root_children(const void *fdt)
{
    GString *s = g_string_new(NULL);
    int child;

    fdt_for_each_subnode(child, fdt, 0) {
        g_string_append_printf(s, "%s%s", s->len ? " " : "",
                               fdt_get_name(fdt, child, NULL));
    }
    return g_string_free(s, FALSE);
}

static void test_fdt_root_and_psci(void)
{
    VirtMachineState *vms = make_vms(2, 2, NULL);
    const void *fdt = vms->fdt;

    check_str(fdt, "/", "compatible", "linux,dummy-virt");
    check_str(fdt, "/", "model", "linux,dummy-virt");
    check_u32(fdt, "/", "#address-cells", 2);
    check_u32(fdt, "/", "#size-cells", 2);
    check_u32(fdt, "/", "interrupt-parent", 0x8003);
    check_strs(fdt, "/psci", "compatible",
               "arm,psci-1.0|arm,psci-0.2|arm,psci");
    check_str(fdt, "/psci", "method", "hvc");
    check_u32(fdt, "/psci", "cpu_on", 0xc4000003);
    check_u32(fdt, "/psci", "cpu_off", 0x84000002);
    check_u32(fdt, "/psci", "cpu_suspend", 0xc4000001);
    check_u32(fdt, "/psci", "migrate", 0xc4000005);
    check_str(fdt, "/memory@40000000", "device_type", "memory");
    check_cells(fdt, "/memory@40000000", "reg",
                (const uint32_t[]){ 0, 0x40000000, 0, 0x20000000 }, 4);
    check_str(fdt, "/chosen", "stdout-path", "/pl011@9000000");
    check_cells(fdt, "/apb-pclk", "clock-frequency",
                (const uint32_t[]){ 24000000 }, 1);
    check_str(fdt, "/apb-pclk", "compatible", "fixed-clock");
    check_str(fdt, "/apb-pclk", "clock-output-names", "clk24mhz");
    check_u32(fdt, "/apb-pclk", "phandle", 0x8000);
    /* Fresh seeds, as QEMU gives every boot. */
    prop(fdt, "/chosen", "kaslr-seed", NULL);
    prop(fdt, "/chosen", "rng-seed", NULL);
    free_vms(vms);
}

/* The order QEMU 7.2 writes (pcie, platform-bus and pmu left out). */
static void test_fdt_node_order(void)
{
    VirtMachineState *vms = make_vms(2, 2, NULL);
    g_autofree char *got = root_children(vms->fdt);
    GString *want = g_string_new("psci memory@40000000 fw-cfg@9020000");

    for (int i = 0; i < VIRT_NUM_VIRTIO_TRANSPORTS; i++) {
        g_string_append_printf(want, " virtio_mmio@%x", 0x0a000000 + i * 0x200);
    }
    g_string_append(want, " gpio-keys pl061@9030000 pl031@9010000 "
                    "pl011@9000000 intc@8000000 flash@0 cpus timer "
                    "apb-pclk chosen");
    g_assert_cmpstr(got, ==, want->str);
    g_string_free(want, TRUE);
    free_vms(vms);
}

static void test_fdt_gicv2(void)
{
    VirtMachineState *vms = make_vms(2, 2, NULL);
    const void *fdt = vms->fdt;
    const char *gic = "/intc@8000000";
    uint32_t timer[12];

    check_str(fdt, gic, "compatible", "arm,cortex-a15-gic");
    check_cells(fdt, gic, "reg", (const uint32_t[]){
        0, 0x08000000, 0, 0x10000, 0, 0x08010000, 0, 0x10000 }, 8);
    check_u32(fdt, gic, "#interrupt-cells", 3);
    check_empty(fdt, gic, "interrupt-controller");
    check_empty(fdt, gic, "ranges");
    check_u32(fdt, gic, "phandle", 0x8003);
    g_assert_cmpuint(vms->gic_phandle, ==, 0x8003);
    g_assert_cmpuint(vms->clock_phandle, ==, 0x8000);
    g_assert_cmpuint(vms->gpio_phandle, ==, 0x8005);
    /* Timer PPIs reach both CPUs: mask 0b11 in bits 8-15, level high. */
    for (int i = 0; i < 4; i++) {
        static const uint32_t ppi[] = { 13, 14, 11, 10 };

        timer[i * 3] = 1;
        timer[i * 3 + 1] = ppi[i];
        timer[i * 3 + 2] = 0x304;
    }
    check_cells(fdt, "/timer", "interrupts", timer, 12);
    check_strs(fdt, "/timer", "compatible",
               "arm,armv8-timer|arm,armv7-timer");
    check_empty(fdt, "/timer", "always-on");
    free_vms(vms);
}

static void test_fdt_gicv3(void)
{
    VirtMachineState *vms = make_vms(1, 3, NULL);
    const void *fdt = vms->fdt;
    const char *gic = "/intc@8000000";
    int len;
    const fdt32_t *t;

    check_str(fdt, gic, "compatible", "arm,gic-v3");
    check_cells(fdt, gic, "reg", (const uint32_t[]){
        0, 0x08000000, 0, 0x10000, 0, 0x080a0000, 0, 0x00f60000 }, 8);
    check_u32(fdt, gic, "#redistributor-regions", 1);
    check_u32(fdt, gic, "phandle", 0x8002);
    check_u32(fdt, "/", "interrupt-parent", 0x8002);
    /* GICv3 PPIs carry no CPU mask. */
    t = prop(fdt, "/timer", "interrupts", &len);
    g_assert_cmpint(len, ==, 48);
    for (int i = 0; i < 4; i++) {
        g_assert_cmphex(fdt32_to_cpu(t[i * 3 + 2]), ==, 4);
    }
    free_vms(vms);
}

static void test_fdt_cpus(void)
{
    VirtMachineState *vms = make_vms(1, 2, NULL);
    const void *fdt = vms->fdt;

    check_u32(fdt, "/cpus", "#address-cells", 1);
    check_u32(fdt, "/cpus", "#size-cells", 0);
    check_str(fdt, "/cpus/cpu@0", "device_type", "cpu");
    check_str(fdt, "/cpus/cpu@0", "compatible", "arm,cortex-a57");
    check_u32(fdt, "/cpus/cpu@0", "reg", 0);
    check_u32(fdt, "/cpus/cpu@0", "phandle", 0x8001);
    /* One CPU: QEMU leaves out enable-method. */
    g_assert_null(fdt_getprop(fdt, node(fdt, "/cpus/cpu@0"),
                              "enable-method", NULL));
    check_absent(fdt, "/cpus/cpu@1");
    check_u32(fdt, "/cpus/cpu-map/socket0/cluster0/core0", "cpu", 0x8001);
    check_cells(fdt, "/timer", "interrupts", (const uint32_t[]){
        1, 13, 0x104, 1, 14, 0x104, 1, 11, 0x104, 1, 10, 0x104 }, 12);
    free_vms(vms);

    vms = make_vms(4, 2, NULL);
    fdt = vms->fdt;
    for (unsigned i = 0; i < 4; i++) {
        g_autofree char *p = g_strdup_printf("/cpus/cpu@%u", i);
        g_autofree char *m = g_strdup_printf(
            "/cpus/cpu-map/socket0/cluster0/core%u", i);

        check_str(fdt, p, "enable-method", "psci");
        check_u32(fdt, p, "reg", i);
        /* QEMU numbers the CPUs' phandles from the last CPU down. */
        check_u32(fdt, p, "phandle", 0x8004 - i);
        check_u32(fdt, m, "cpu", 0x8004 - i);
    }
    g_assert_cmpuint(vms->gic_phandle, ==, 0x8005);
    free_vms(vms);
}

/* Past 16 CPUs on GICv3 the affinity moves to Aff1, as on QEMU. */
static void test_fdt_cpu_affinity(void)
{
    VirtMachineState *vms = make_vms(20, 3, NULL);

    check_u32(vms->fdt, "/cpus/cpu@15", "reg", 0x00f);
    check_u32(vms->fdt, "/cpus/cpu@16", "reg", 0x100);
    check_u32(vms->fdt, "/cpus/cpu@19", "reg", 0x103);
    free_vms(vms);
}

static void test_fdt_cpu_map_threads(void)
{
    VirtMachineState *vms = g_new0(VirtMachineState, 1);
    Error *err = NULL;

    vms->parent_obj.smp = (CpuTopology){
        .cpus = 4, .sockets = 2, .cores = 1, .threads = 2,
    };
    vms->parent_obj.ram_size = 128 * MiB;
    vms->memmap = test_memmap;
    vms->gic_version = 3;
    g_assert_true(virt_fdt_build(vms, &err));
    check_u32(vms->fdt, "/cpus/cpu-map/socket0/cluster0/core0/thread0",
              "cpu", 0x8004);
    check_u32(vms->fdt, "/cpus/cpu-map/socket0/cluster0/core0/thread1",
              "cpu", 0x8003);
    check_u32(vms->fdt, "/cpus/cpu-map/socket1/cluster0/core0/thread1",
              "cpu", 0x8001);
    free_vms(vms);
}

static void test_fdt_devices(void)
{
    VirtMachineState *vms = make_vms(2, 2, NULL);
    const void *fdt = vms->fdt;
    int off, n = 0;

    check_strs(fdt, "/pl011@9000000", "compatible", "arm,pl011|arm,primecell");
    check_cells(fdt, "/pl011@9000000", "reg",
                (const uint32_t[]){ 0, 0x09000000, 0, 0x1000 }, 4);
    check_cells(fdt, "/pl011@9000000", "interrupts",
                (const uint32_t[]){ 0, 1, 4 }, 3);
    check_cells(fdt, "/pl011@9000000", "clocks",
                (const uint32_t[]){ 0x8000, 0x8000 }, 2);
    check_strs(fdt, "/pl011@9000000", "clock-names", "uartclk|apb_pclk");
    check_strs(fdt, "/pl031@9010000", "compatible", "arm,pl031|arm,primecell");
    check_cells(fdt, "/pl031@9010000", "interrupts",
                (const uint32_t[]){ 0, 2, 4 }, 3);
    check_str(fdt, "/pl031@9010000", "clock-names", "apb_pclk");
    check_strs(fdt, "/pl061@9030000", "compatible", "arm,pl061|arm,primecell");
    check_cells(fdt, "/pl061@9030000", "interrupts",
                (const uint32_t[]){ 0, 7, 4 }, 3);
    check_empty(fdt, "/pl061@9030000", "gpio-controller");
    check_u32(fdt, "/pl061@9030000", "#gpio-cells", 2);
    check_u32(fdt, "/pl061@9030000", "phandle", 0x8005);
    check_str(fdt, "/gpio-keys", "compatible", "gpio-keys");
    check_u32(fdt, "/gpio-keys/poweroff", "linux,code", 116);
    check_str(fdt, "/gpio-keys/poweroff", "label", "GPIO Key Poweroff");
    check_cells(fdt, "/gpio-keys/poweroff", "gpios",
                (const uint32_t[]){ 0x8005, 3, 0 }, 3);
    check_str(fdt, "/fw-cfg@9020000", "compatible", "qemu,fw-cfg-mmio");
    check_cells(fdt, "/fw-cfg@9020000", "reg",
                (const uint32_t[]){ 0, 0x09020000, 0, 0x18 }, 4);
    check_empty(fdt, "/fw-cfg@9020000", "dma-coherent");
    check_str(fdt, "/flash@0", "compatible", "cfi-flash");
    check_u32(fdt, "/flash@0", "bank-width", 4);
    check_cells(fdt, "/flash@0", "reg", (const uint32_t[]){
        0, 0, 0, 0x04000000, 0, 0x04000000, 0, 0x04000000 }, 8);
    check_cells(fdt, "/virtio_mmio@a003e00", "interrupts",
                (const uint32_t[]){ 0, 47, 1 }, 3);
    check_cells(fdt, "/virtio_mmio@a000200", "reg",
                (const uint32_t[]){ 0, 0x0a000200, 0, 0x200 }, 4);
    off = -1;
    while ((off = fdt_node_offset_by_compatible(fdt, off,
                                                "virtio,mmio")) >= 0) {
        n++;
    }
    g_assert_cmpint(n, ==, 32);
    free_vms(vms);
}

/* A device the board leaves out (size 0 in its memory map) has no node. */
static void test_fdt_absent_devices(void)
{
    MemMapEntry mm[VIRT_MEMMAP_COUNT];
    VirtMachineState *vms;

    memcpy(mm, test_memmap, sizeof(mm));
    mm[VIRT_FLASH].size = 0;
    mm[VIRT_GPIO].size = 0;
    mm[VIRT_MMIO].size = 0;
    vms = make_vms(1, 2, mm);
    check_absent(vms->fdt, "/flash@0");
    check_absent(vms->fdt, "/pl061@9030000");
    check_absent(vms->fdt, "/gpio-keys");
    check_absent(vms->fdt, "/virtio_mmio@a000000");
    node(vms->fdt, "/pl011@9000000");
    free_vms(vms);
}

/* ---- the boot planner ---- */

static char *tmpdir;

static char *tmp_file(const char *name, const void *data, size_t len)
{
    char *path = g_build_filename(tmpdir, name, NULL);

    g_assert_true(g_file_set_contents(path, data, len, NULL));
    return path;
}

/* An arm64 Image of len bytes with the given header fields. */
static uint8_t *make_image(size_t len, uint64_t text_offset,
                           uint64_t image_size)
{
    uint8_t *img = g_malloc0(len);
    uint64_t le;

    for (size_t i = 64; i < len; i++) {
        img[i] = i * 7;
    }
    le = GUINT64_TO_LE(text_offset);
    memcpy(img + 8, &le, 8);
    le = GUINT64_TO_LE(image_size);
    memcpy(img + 16, &le, 8);
    memcpy(img + 0x38, "ARM\x64", 4);
    return img;
}

static uint8_t *gzip_buf(const uint8_t *data, size_t len, size_t *out_len)
{
    z_stream zs = { 0 };
    size_t cap = len + len / 100 + 1024;
    uint8_t *out = g_malloc(cap);

    g_assert_cmpint(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
                                 Z_DEFAULT_STRATEGY), ==, Z_OK);
    zs.next_in = (uint8_t *)data;
    zs.avail_in = len;
    zs.next_out = out;
    zs.avail_out = cap;
    g_assert_cmpint(deflate(&zs, Z_FINISH), ==, Z_STREAM_END);
    *out_len = zs.total_out;
    deflateEnd(&zs);
    return out;
}

typedef struct BootCase {
    ArmBootInfo info;
    VirtMachineState *vms;
} BootCase;

static void boot_case_init(BootCase *c, const char *kernel, uint64_t ram)
{
    memset(c, 0, sizeof(*c));
    c->vms = make_vms(1, 2, NULL);
    c->info.kernel_filename = kernel;
    c->info.ram_base = 0x40000000;
    c->info.ram_size = ram;
    c->info.fdt = c->vms->fdt;
}

static const ArmBootBlob *find_blob(const ArmBootPlan *plan,
                                    uint64_t offset)
{
    for (guint i = 0; i < plan->blobs->len; i++) {
        const ArmBootBlob *b = &g_array_index(plan->blobs, ArmBootBlob, i);

        if (b->offset == offset) {
            return b;
        }
    }
    g_test_message("no blob at RAM offset 0x%" PRIx64, offset);
    g_assert_not_reached();
}

static void test_boot_image_initrd(void)
{
    g_autofree uint8_t *img = make_image(0x30000, 0, 0x400000);
    g_autofree char *k = tmp_file("Image", img, 0x30000);
    g_autofree char *rd = tmp_file("initrd", "INITRD-DATA", 11);
    BootCase c;
    ArmBootPlan *plan;
    Error *err = NULL;
    const ArmBootBlob *b;
    int len;
    const char *args;

    boot_case_init(&c, k, 512 * MiB);
    c.info.initrd_filename = rd;
    c.info.kernel_cmdline = "console=ttyAMA0 panic=-1";
    plan = arm_boot_plan_new(&c.info, &err);
    g_assert_null(err);
    g_assert_cmpint(plan->kind, ==, ARM_BOOT_IMAGE);
    /* text_offset 0: 2 MiB up, as QEMU. */
    g_assert_cmphex(plan->kernel_addr, ==, 0x40200000);
    g_assert_cmphex(plan->entry, ==, 0x40200000);
    b = find_blob(plan, 0x200000);
    g_assert_cmpmem(b->data, b->filesz, img, 0x30000);
    g_assert_cmphex(plan->initrd_start, ==, 0x48000000);
    g_assert_cmphex(plan->initrd_end, ==, 0x4800000b);
    b = find_blob(plan, 0x08000000);
    g_assert_cmpmem(b->data, b->filesz, "INITRD-DATA", 11);
    /* The tree on the next 2 MiB after the initrd; x0 points at it. */
    g_assert_cmphex(plan->dtb_addr, ==, 0x48200000);
    g_assert_cmphex(plan->x0, ==, 0x48200000);
    b = find_blob(plan, 0x08200000);
    g_assert_true(b->data == plan->dtb);
    g_assert_cmpint(fdt_check_header(plan->dtb), ==, 0);
    args = fdt_getprop(plan->dtb, node(plan->dtb, "/chosen"), "bootargs",
                       &len);
    g_assert_cmpstr(args, ==, "console=ttyAMA0 panic=-1");
    check_u32(plan->dtb, "/chosen", "linux,initrd-start", 0x48000000);
    check_u32(plan->dtb, "/chosen", "linux,initrd-end", 0x4800000b);
    check_str(plan->dtb, "/chosen", "stdout-path", "/pl011@9000000");
    /* The board's own tree is left as it was. */
    g_assert_null(fdt_getprop(c.vms->fdt, node(c.vms->fdt, "/chosen"),
                              "bootargs", NULL));
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

static void test_boot_image_text_offset(void)
{
    g_autofree uint8_t *img = make_image(0x1000, 0x80000, 0x400000);
    g_autofree char *k = tmp_file("Image80", img, 0x1000);
    BootCase c;
    ArmBootPlan *plan;

    boot_case_init(&c, k, 512 * MiB);
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmphex(plan->kernel_addr, ==, 0x40080000);
    g_assert_cmphex(plan->initrd_end, ==, 0);
    /* No initrd: the tree where the initrd would have started. */
    g_assert_cmphex(plan->dtb_addr, ==, 0x48000000);
    g_assert_cmphex(plan->x0, ==, 0x48000000);
    g_assert_null(fdt_getprop(plan->dtb, node(plan->dtb, "/chosen"),
                              "linux,initrd-start", NULL));
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

/* 128 MiB: the initrd at half of RAM; a kernel whose image_size reaches
 * past that pushes the initrd up behind it. */
static void test_boot_placement_small_ram(void)
{
    g_autofree uint8_t *img = make_image(0x1000, 0, 0x400000);
    g_autofree uint8_t *big = make_image(0x1000, 0, 0x5000000);
    g_autofree char *k = tmp_file("ImageS", img, 0x1000);
    g_autofree char *kb = tmp_file("ImageB", big, 0x1000);
    g_autofree char *rd = tmp_file("initrd", "I", 1);
    BootCase c;
    ArmBootPlan *plan;

    boot_case_init(&c, k, 128 * MiB);
    c.info.initrd_filename = rd;
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmphex(plan->initrd_start, ==, 0x44000000);
    g_assert_cmphex(plan->dtb_addr, ==, 0x44200000);
    arm_boot_plan_free(plan);

    c.info.kernel_filename = kb;
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmphex(plan->initrd_start, ==, 0x40200000 + 0x5000000);
    g_assert_cmphex(plan->dtb_addr, ==, 0x45400000);
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

static void test_boot_gzip(void)
{
    size_t len = 3 * MiB, zlen;
    g_autofree uint8_t *img = make_image(len, 0, 0x400000);
    g_autofree uint8_t *gz = gzip_buf(img, len, &zlen);
    g_autofree char *k = tmp_file("Image.gz", gz, zlen);
    BootCase c;
    ArmBootPlan *plan;
    const ArmBootBlob *b;

    boot_case_init(&c, k, 512 * MiB);
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmpint(plan->kind, ==, ARM_BOOT_IMAGE);
    g_assert_cmphex(plan->entry, ==, 0x40200000);
    b = find_blob(plan, 0x200000);
    g_assert_cmpuint(b->filesz, ==, len);
    g_assert_cmpmem(b->data, b->filesz, img, len);
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

static void test_boot_raw(void)
{
    g_autofree char *k = tmp_file("raw.bin", "\x00\x00\x00\x14", 4);
    BootCase c;
    ArmBootPlan *plan;

    boot_case_init(&c, k, 128 * MiB);
    c.info.kernel_cmdline = "quiet";
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmpint(plan->kind, ==, ARM_BOOT_RAW);
    g_assert_cmphex(plan->entry, ==, 0x40080000);
    g_assert_cmphex(plan->x0, ==, 0x44000000);
    check_str(plan->dtb, "/chosen", "bootargs", "quiet");
    arm_boot_plan_free(plan);

    /* A board without a tree: nothing placed, x0 = 0. */
    c.info.fdt = NULL;
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmphex(plan->x0, ==, 0);
    g_assert_cmphex(plan->dtb_addr, ==, 0);
    g_assert_cmpuint(plan->blobs->len, ==, 1);
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

/* A one-segment AArch64 ELF loaded at paddr. */
static uint8_t *make_elf(uint64_t paddr, size_t *len)
{
    uint8_t *e = g_malloc0(64 + 56 + 4);
    uint64_t v;
    uint32_t w;
    uint16_t h;

    memcpy(e, "\x7f" "ELF", 4);
    e[4] = 2;
    e[5] = 1;
    e[6] = 1;
    h = GUINT16_TO_LE(183);
    memcpy(e + 18, &h, 2);
    v = GUINT64_TO_LE(paddr);
    memcpy(e + 24, &v, 8);              /* e_entry */
    v = GUINT64_TO_LE(64);
    memcpy(e + 32, &v, 8);              /* e_phoff */
    h = GUINT16_TO_LE(56);
    memcpy(e + 54, &h, 2);
    h = GUINT16_TO_LE(1);
    memcpy(e + 56, &h, 2);
    w = GUINT32_TO_LE(1);
    memcpy(e + 64, &w, 4);              /* PT_LOAD */
    v = GUINT64_TO_LE(120);
    memcpy(e + 64 + 8, &v, 8);          /* p_offset */
    v = GUINT64_TO_LE(paddr);
    memcpy(e + 64 + 16, &v, 8);
    memcpy(e + 64 + 24, &v, 8);
    v = GUINT64_TO_LE(4);
    memcpy(e + 64 + 32, &v, 8);
    v = GUINT64_TO_LE(0x100);
    memcpy(e + 64 + 40, &v, 8);
    memcpy(e + 120, "\x00\x00\x00\x14", 4);
    *len = 124;
    return e;
}

/* ELF: the tree at the start of RAM when it fits below the program, none
 * when the program starts there; x0 = 0 either way; no initrd. */
static void test_boot_elf(void)
{
    size_t len;
    g_autofree uint8_t *high = make_elf(0x40100000, &len);
    g_autofree char *kh = tmp_file("high.elf", high, len);
    g_autofree uint8_t *low = make_elf(0x40000000, &len);
    g_autofree char *kl = tmp_file("low.elf", low, len);
    BootCase c;
    ArmBootPlan *plan;

    boot_case_init(&c, kh, 128 * MiB);
    c.info.initrd_filename = "/nonexistent/initrd";
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmpint(plan->kind, ==, ARM_BOOT_ELF);
    g_assert_cmphex(plan->entry, ==, 0x40100000);
    g_assert_cmphex(plan->dtb_addr, ==, 0x40000000);
    g_assert_cmphex(plan->x0, ==, 0);
    g_assert_cmphex(plan->initrd_end, ==, 0);
    g_assert_cmpuint(find_blob(plan, 0x100000)->memsz, ==, 0x100);
    find_blob(plan, 0);
    arm_boot_plan_free(plan);

    c.info.kernel_filename = kl;
    plan = arm_boot_plan_new(&c.info, &error_abort);
    g_assert_cmphex(plan->dtb_addr, ==, 0);
    g_assert_cmpuint(plan->blobs->len, ==, 1);
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

/* -dtb: the user's tree, with /chosen added when it has none. */
static void test_boot_user_dtb(void)
{
    uint8_t tree[512];
    g_autofree uint8_t *img = make_image(0x1000, 0, 0x400000);
    g_autofree char *k = tmp_file("ImageD", img, 0x1000);
    g_autofree char *d = NULL;
    BootCase c;
    ArmBootPlan *plan;

    g_assert_cmpint(fdt_create_empty_tree(tree, sizeof(tree)), ==, 0);
    g_assert_cmpint(fdt_setprop_string(tree, 0, "model", "mine"), ==, 0);
    d = tmp_file("user.dtb", tree, fdt_totalsize(tree));
    boot_case_init(&c, k, 512 * MiB);
    c.info.dtb_filename = d;
    c.info.kernel_cmdline = "root=/dev/vda";
    plan = arm_boot_plan_new(&c.info, &error_abort);
    check_str(plan->dtb, "/", "model", "mine");
    check_str(plan->dtb, "/chosen", "bootargs", "root=/dev/vda");
    check_absent(plan->dtb, "/pl011@9000000");
    g_assert_cmphex(plan->x0, ==, 0x48000000);
    arm_boot_plan_free(plan);
    free_vms(c.vms);
}

/* Each error: no plan, one line, the words given. */
static void expect_error(BootCase *c, const char *want)
{
    Error *err = NULL;
    const char *msg;

    g_assert_null(arm_boot_plan_new(&c->info, &err));
    g_assert_nonnull(err);
    msg = error_get_pretty(err);
    if (!strstr(msg, want)) {
        g_test_message("got: %s\nwant: %s", msg, want);
    }
    g_assert_nonnull(strstr(msg, want));
    g_assert_null(strchr(msg, '\n'));
    error_free(err);
}

static void test_boot_errors(void)
{
    size_t zlen, len = 2 * MiB;
    g_autofree uint8_t *img = make_image(len, 0, 0x400000);
    g_autofree uint8_t *gz = gzip_buf(img, len, &zlen);
    g_autofree char *k = tmp_file("ImageE", img, 0x1000);
    g_autofree char *kbig = tmp_file("ImageBig", img, len);
    g_autofree char *trunc = tmp_file("trunc.gz", gz, zlen / 2);
    g_autofree char *bad = NULL;
    g_autofree char *notdtb = tmp_file("bad.dtb", "not a tree at all", 17);
    g_autofree char *halfdtb = NULL;
    g_autofree uint8_t *small = make_image(4 * MiB + 1, 0, 0x1000);
    g_autofree char *ksmall = tmp_file("ImageSm", small, 0x1000);
    g_autofree char *rdbig = tmp_file("initrd.big", small, 4 * MiB + 1);
    BootCase c;

    gz[zlen / 2] ^= 0xff;
    gz[zlen / 2 + 1] ^= 0xff;
    bad = tmp_file("bad.gz", gz, zlen);
    boot_case_init(&c, "/nonexistent/kernel", 128 * MiB);

    expect_error(&c, "could not open kernel file '/nonexistent/kernel': "
                 "No such file or directory");
    c.info.kernel_filename = trunc;
    expect_error(&c, "unable to decompress gzipped kernel file");
    c.info.kernel_filename = bad;
    expect_error(&c, "unable to decompress gzipped kernel file");

    /* 2 MiB of RAM: a 2 MiB image at +2 MiB does not fit; neither does
     * its inflated copy (the gzip bound is the RAM size). */
    c.info.ram_size = 2 * MiB;
    c.info.kernel_filename = kbig;
    expect_error(&c, "is too large to fit in RAM");
    g_free(gz);
    gz = gzip_buf(img, len, &zlen);
    g_free(bad);
    bad = tmp_file("big.gz", gz, zlen);
    c.info.kernel_filename = bad;
    c.info.ram_size = 1 * MiB;
    expect_error(&c, "is too large to fit in RAM");
    /* image_size beyond RAM. */
    c.info.kernel_filename = k;
    c.info.ram_size = 4 * MiB;
    expect_error(&c, "is too large to fit in RAM");

    c.info.ram_size = 128 * MiB;
    c.info.initrd_filename = "/nonexistent/initrd";
    expect_error(&c, "could not load initrd '/nonexistent/initrd': "
                 "No such file or directory");
    /* 8 MiB: the initrd goes at 4 MiB, and 4 MiB + 1 byte is too many. */
    c.info.kernel_filename = ksmall;
    c.info.ram_size = 8 * MiB;
    c.info.initrd_filename = rdbig;
    expect_error(&c, "could not load initrd '");
    c.info.kernel_filename = k;
    c.info.initrd_filename = NULL;
    c.info.ram_size = 128 * MiB;
    c.info.dtb_filename = "/nonexistent/x.dtb";
    expect_error(&c, "Couldn't open dtb file /nonexistent/x.dtb: No such "
                 "file or directory");
    c.info.dtb_filename = notdtb;
    expect_error(&c, "not a valid device tree");
    halfdtb = tmp_file("half.dtb", c.vms->fdt, 100);
    c.info.dtb_filename = halfdtb;
    expect_error(&c, "not a valid device tree");
    free_vms(c.vms);
}

/* No room for the tree after the initrd. */
static void test_boot_no_room_for_dtb(void)
{
    g_autofree uint8_t *img = make_image(0x1000, 0, 0x1000);
    g_autofree char *k = tmp_file("ImageR", img, 0x1000);
    g_autofree uint8_t *rdbuf = g_malloc0(0x3ff000);
    g_autofree char *rd = NULL;
    BootCase c;

    boot_case_init(&c, k, 8 * MiB);
    /* Initrd at 4 MiB, ending 4 KiB below the top of RAM; the tree would
     * start at 8 MiB. */
    rd = tmp_file("initrd.fill", rdbuf, 0x3ff000);
    c.info.initrd_filename = rd;
    expect_error(&c, "Not enough space for DTB");
    free_vms(c.vms);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("test-arm-boot-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    g_test_add_func("/arm-boot/fdt/root-psci", test_fdt_root_and_psci);
    g_test_add_func("/arm-boot/fdt/node-order", test_fdt_node_order);
    g_test_add_func("/arm-boot/fdt/gicv2", test_fdt_gicv2);
    g_test_add_func("/arm-boot/fdt/gicv3", test_fdt_gicv3);
    g_test_add_func("/arm-boot/fdt/cpus", test_fdt_cpus);
    g_test_add_func("/arm-boot/fdt/cpu-affinity", test_fdt_cpu_affinity);
    g_test_add_func("/arm-boot/fdt/cpu-map-threads",
                    test_fdt_cpu_map_threads);
    g_test_add_func("/arm-boot/fdt/devices", test_fdt_devices);
    g_test_add_func("/arm-boot/fdt/absent-devices", test_fdt_absent_devices);
    g_test_add_func("/arm-boot/plan/image-initrd", test_boot_image_initrd);
    g_test_add_func("/arm-boot/plan/text-offset",
                    test_boot_image_text_offset);
    g_test_add_func("/arm-boot/plan/small-ram",
                    test_boot_placement_small_ram);
    g_test_add_func("/arm-boot/plan/gzip", test_boot_gzip);
    g_test_add_func("/arm-boot/plan/raw", test_boot_raw);
    g_test_add_func("/arm-boot/plan/elf", test_boot_elf);
    g_test_add_func("/arm-boot/plan/user-dtb", test_boot_user_dtb);
    g_test_add_func("/arm-boot/plan/errors", test_boot_errors);
    g_test_add_func("/arm-boot/plan/no-room-for-dtb",
                    test_boot_no_room_for_dtb);
    ret = g_test_run();
    /* Best effort: the files are small and in a private directory. */
    {
        GDir *d = g_dir_open(tmpdir, 0, NULL);
        const char *name;

        while (d && (name = g_dir_read_name(d))) {
            g_autofree char *p = g_build_filename(tmpdir, name, NULL);

            g_unlink(p);
        }
        if (d) {
            g_dir_close(d);
        }
        g_rmdir(tmpdir);
        g_free(tmpdir);
    }
    return ret;
}
