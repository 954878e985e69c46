/*
 * The virt board's device tree, written with libfdt (include/hw/arm/virt.h).
 *
 * Nodes, names, properties and phandles follow what QEMU 7.2's virt
 * writes for the same options (compare with `qemu-system-aarch64 -M
 * virt,dumpdtb=f` and `dtc -I dtb -O dts f`). libfdt puts a new node or
 * property before its siblings, so nodes are created here in the reverse
 * of the order they appear in the blob, as QEMU does; the decompiled
 * trees then line up line for line.
 *
 * Left out because Kestrel has no such device: /pcie, /platform-bus, /pmu,
 * the GICv2m and ITS frames. A device whose memory map entry has size 0 is
 * absent and gets no node. See docs/boards/virt-boot.md.
 */
#include "qemu/osdep.h"
#include <libfdt.h>
#include "hw/arm/virt.h"

/* QEMU allocates phandles upwards from here. */
#define VIRT_FDT_PHANDLE_BASE 0x8000
/* Room for the tree; Linux accepts up to 2 MiB. QEMU uses 1 MiB too. */
#define VIRT_FDT_SIZE (1 * MiB)

/* Interrupt specifier cells (GIC binding): type, number, flags. */
#define GIC_FDT_IRQ_TYPE_SPI 0
#define GIC_FDT_IRQ_TYPE_PPI 1
#define GIC_FDT_IRQ_FLAGS_EDGE_LO_HI 1
#define GIC_FDT_IRQ_FLAGS_LEVEL_HI 4
#define GIC_FDT_IRQ_PPI_CPU_SHIFT 8

/* PSCI 0.2+ function ids as QEMU lists them (SMC64 where it has one). */
#define PSCI_FN_CPU_SUSPEND 0xc4000001
#define PSCI_FN_CPU_OFF     0x84000002
#define PSCI_FN_CPU_ON      0xc4000003
#define PSCI_FN_MIGRATE     0xc4000005

#define VIRT_APB_CLOCK_HZ 24000000
#define VIRT_FLASH_BANKS 2
#define KEY_POWER 116

/*
 * One builder pass. The first libfdt error sticks in err and turns every
 * later call into a no-op, so the node builders read as straight lists of
 * properties; virt_fdt_build checks once at the end.
 */
typedef struct VirtFdt {
    VirtMachineState *vms;
    void *fdt;
    int err;
    const char *what;           /* the node or property that failed */
} VirtFdt;

static void fdt_fail(VirtFdt *b, int err, const char *what)
{
    if (err < 0 && !b->err) {
        b->err = err;
        b->what = what;
    }
}

static int fdt_node(VirtFdt *b, const char *path)
{
    int off;

    if (b->err) {
        return -1;
    }
    off = fdt_path_offset(b->fdt, path);
    fdt_fail(b, off, path);
    return off;
}

/* Add parent/name; the parent must exist. Returns the new node's path. */
static char *fdt_add(VirtFdt *b, const char *parent, const char *name)
{
    int poff = fdt_node(b, parent);
    bool root = !strcmp(parent, "/");

    if (poff >= 0) {
        fdt_fail(b, fdt_add_subnode(b->fdt, poff, name), name);
    }
    return g_strdup_printf("%s/%s", root ? "" : parent, name);
}

/* Like fdt_add, for a node named name@addr. */
static char *fdt_add_at(VirtFdt *b, const char *parent, const char *name,
                        hwaddr addr)
{
    g_autofree char *n = g_strdup_printf("%s@%" PRIx64, name,
                                         (uint64_t)addr);

    return fdt_add(b, parent, n);
}

static void fdt_prop(VirtFdt *b, const char *path, const char *name,
                     const void *val, int len)
{
    int off = fdt_node(b, path);

    if (off >= 0) {
        fdt_fail(b, fdt_setprop(b->fdt, off, name, val, len), name);
    }
}

static void fdt_prop_str(VirtFdt *b, const char *path, const char *name,
                         const char *val)
{
    fdt_prop(b, path, name, val, strlen(val) + 1);
}

/* A string list: the strings back to back, each with its NUL. */
static void fdt_prop_strs(VirtFdt *b, const char *path, const char *name,
                          const char *const *vals, int n)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; i < n; i++) {
        g_string_append_len(s, vals[i], strlen(vals[i]) + 1);
    }
    fdt_prop(b, path, name, s->str, s->len);
    g_string_free(s, TRUE);
}

static void fdt_prop_cells(VirtFdt *b, const char *path, const char *name,
                           const uint32_t *cells, int n)
{
    fdt32_t be[32];

    g_assert(n <= (int)G_N_ELEMENTS(be));
    for (int i = 0; i < n; i++) {
        be[i] = cpu_to_fdt32(cells[i]);
    }
    fdt_prop(b, path, name, be, n * sizeof(fdt32_t));
}

static void fdt_prop_u32(VirtFdt *b, const char *path, const char *name,
                         uint32_t val)
{
    fdt_prop_cells(b, path, name, &val, 1);
}

static void fdt_prop_empty(VirtFdt *b, const char *path, const char *name)
{
    fdt_prop(b, path, name, NULL, 0);
}

/* reg = <base size> pairs, two cells each (the root's #address-cells and
 * #size-cells are 2). */
static void fdt_prop_reg(VirtFdt *b, const char *path, const hwaddr *pairs,
                         int npairs)
{
    uint32_t cells[16];

    g_assert(npairs * 4 <= (int)G_N_ELEMENTS(cells));
    for (int i = 0; i < npairs * 2; i++) {
        cells[i * 2] = (uint64_t)pairs[i] >> 32;
        cells[i * 2 + 1] = (uint32_t)pairs[i];
    }
    fdt_prop_cells(b, path, "reg", cells, npairs * 4);
}

static void fdt_prop_reg1(VirtFdt *b, const char *path, hwaddr base,
                          hwaddr size)
{
    hwaddr pair[2] = { base, size };

    fdt_prop_reg(b, path, pair, 1);
}

static void fdt_prop_spi(VirtFdt *b, const char *path, uint32_t spi,
                         uint32_t flags)
{
    uint32_t cells[3] = { GIC_FDT_IRQ_TYPE_SPI, spi, flags };

    fdt_prop_cells(b, path, "interrupts", cells, 3);
}

static const MemMapEntry *virt_fdt_dev(VirtFdt *b, int idx)
{
    const MemMapEntry *e = &b->vms->memmap[idx];

    return e->size ? e : NULL;
}

static unsigned virt_fdt_ncpus(VirtFdt *b)
{
    unsigned n = b->vms->parent_obj.smp.cpus;

    return n ? n : 1;
}

static void virt_fdt_root(VirtFdt *b)
{
    fdt_prop_str(b, "/", "compatible", "linux,dummy-virt");
    fdt_prop_u32(b, "/", "#address-cells", 2);
    fdt_prop_u32(b, "/", "#size-cells", 2);
    fdt_prop_str(b, "/", "model", "linux,dummy-virt");
}

/* /chosen starts with the seeds QEMU gives every boot: fresh random
 * values, which Linux uses for KASLR and to seed its entropy pool. */
static void virt_fdt_chosen(VirtFdt *b)
{
    uint32_t seed[8];
    g_autofree char *p = fdt_add(b, "/", "chosen");

    for (int i = 0; i < 8; i++) {
        seed[i] = g_random_int();
    }
    fdt_prop_cells(b, p, "kaslr-seed", seed, 2);
    for (int i = 0; i < 8; i++) {
        seed[i] = g_random_int();
    }
    fdt_prop_cells(b, p, "rng-seed", seed, 8);
}

static void virt_fdt_clock(VirtFdt *b)
{
    g_autofree char *p = fdt_add(b, "/", "apb-pclk");

    fdt_prop_str(b, p, "compatible", "fixed-clock");
    fdt_prop_u32(b, p, "#clock-cells", 0);
    fdt_prop_u32(b, p, "clock-frequency", VIRT_APB_CLOCK_HZ);
    fdt_prop_str(b, p, "clock-output-names", "clk24mhz");
    fdt_prop_u32(b, p, "phandle", b->vms->clock_phandle);
}

/* The four generic timer PPIs; GICv2 needs the mask of CPUs they reach
 * (at most 8), GICv3 has no such field. */
static void virt_fdt_timer(VirtFdt *b)
{
    static const char *const compat[] = {
        "arm,armv8-timer", "arm,armv7-timer",
    };
    static const uint32_t ppis[] = {
        VIRT_ARCH_TIMER_S_EL1_IRQ, VIRT_ARCH_TIMER_NS_EL1_IRQ,
        VIRT_ARCH_TIMER_VIRT_IRQ, VIRT_ARCH_TIMER_NS_EL2_IRQ,
    };
    uint32_t flags = GIC_FDT_IRQ_FLAGS_LEVEL_HI, cells[12];
    g_autofree char *p = fdt_add(b, "/", "timer");

    if (b->vms->gic_version == 2) {
        unsigned n = MIN(virt_fdt_ncpus(b), 8);

        flags |= ((1u << n) - 1) << GIC_FDT_IRQ_PPI_CPU_SHIFT;
    }
    for (int i = 0; i < 4; i++) {
        cells[i * 3] = GIC_FDT_IRQ_TYPE_PPI;
        cells[i * 3 + 1] = ppis[i];
        cells[i * 3 + 2] = flags;
    }
    fdt_prop_strs(b, p, "compatible", compat, 2);
    fdt_prop_empty(b, p, "always-on");
    fdt_prop_cells(b, p, "interrupts", cells, 12);
}

/*
 * MPIDR affinity of CPU idx as QEMU's virt assigns it: Aff0 counts CPUs
 * within a cluster of 8 (GICv2's target list) or 16 (GICv3's), Aff1 the
 * cluster. The board must give its CPUs the same mp_affinity.
 */
static uint32_t virt_fdt_cpu_affinity(VirtFdt *b, unsigned idx)
{
    unsigned per = b->vms->gic_version == 3 ? 16 : 8;

    return ((idx / per) << 8) | (idx % per);
}

/* cpu-map/socketS/cluster0/coreC[/threadT] -> &cpu; creates the path. */
static void virt_fdt_cpu_map(VirtFdt *b, unsigned idx, uint32_t phandle)
{
    const CpuTopology *t = &b->vms->parent_obj.smp;
    unsigned threads = MAX(t->threads, 1), cores = MAX(t->cores, 1);
    char names[4][24];
    int depth = 0;
    g_autofree char *path = g_strdup("/cpus/cpu-map");

    snprintf(names[depth++], 24, "socket%u", idx / (cores * threads));
    snprintf(names[depth++], 24, "cluster0");
    snprintf(names[depth++], 24, "core%u", (idx / threads) % cores);
    if (threads > 1) {
        snprintf(names[depth++], 24, "thread%u", idx % threads);
    }
    for (int i = 0; i < depth; i++) {
        char *next = g_strdup_printf("%s/%s", path, names[i]);

        if (!b->err && fdt_path_offset(b->fdt, next) < 0) {
            g_free(fdt_add(b, path, names[i]));
        }
        g_free(path);
        path = next;
    }
    fdt_prop_u32(b, path, "cpu", phandle);
}

/* QEMU 7.2 calls both of Kestrel's CPU models (cortex-a57 and max, which
 * starts from the A57) "arm,cortex-a57". */
static void virt_fdt_cpus(VirtFdt *b)
{
    unsigned n = virt_fdt_ncpus(b);
    g_autofree char *p = fdt_add(b, "/", "cpus");

    fdt_prop_u32(b, p, "#address-cells", 1);
    fdt_prop_u32(b, p, "#size-cells", 0);
    for (unsigned i = n; i-- > 0;) {
        g_autofree char *name = g_strdup_printf("cpu@%u", i);
        g_autofree char *c = fdt_add(b, p, name);

        fdt_prop_str(b, c, "device_type", "cpu");
        fdt_prop_str(b, c, "compatible", "arm,cortex-a57");
        if (n > 1) {
            fdt_prop_str(b, c, "enable-method", "psci");
        }
        fdt_prop_u32(b, c, "reg", virt_fdt_cpu_affinity(b, i));
        fdt_prop_u32(b, c, "phandle", VIRT_FDT_PHANDLE_BASE + n - i);
    }
    g_free(fdt_add(b, p, "cpu-map"));
    for (unsigned i = n; i-- > 0;) {
        virt_fdt_cpu_map(b, i, VIRT_FDT_PHANDLE_BASE + n - i);
    }
}

/* Two CFI banks of half the flash region each, written even with no
 * -pflash (the banks then read as erased flash). */
static void virt_fdt_flash(VirtFdt *b)
{
    const MemMapEntry *e = virt_fdt_dev(b, VIRT_FLASH);
    hwaddr bank = e ? e->size / VIRT_FLASH_BANKS : 0;
    hwaddr regs[4] = { 0, bank, bank, bank };
    g_autofree char *p = NULL;

    if (!e) {
        return;
    }
    regs[0] = e->base;
    regs[2] = e->base + bank;
    p = fdt_add_at(b, "/", "flash", e->base);
    fdt_prop_str(b, p, "compatible", "cfi-flash");
    fdt_prop_reg(b, p, regs, VIRT_FLASH_BANKS);
    fdt_prop_u32(b, p, "bank-width", 4);
}

static void virt_fdt_gic(VirtFdt *b)
{
    const MemMapEntry *dist = &b->vms->memmap[VIRT_GIC_DIST];
    const MemMapEntry *second = &b->vms->memmap[
        b->vms->gic_version == 3 ? VIRT_GIC_REDIST : VIRT_GIC_CPU];
    hwaddr regs[4] = { dist->base, dist->size, second->base, second->size };
    g_autofree char *p = fdt_add_at(b, "/", "intc", dist->base);

    fdt_prop_u32(b, p, "#interrupt-cells", 3);
    fdt_prop_empty(b, p, "interrupt-controller");
    fdt_prop_u32(b, p, "#address-cells", 2);
    fdt_prop_u32(b, p, "#size-cells", 2);
    fdt_prop_empty(b, p, "ranges");
    if (b->vms->gic_version == 3) {
        fdt_prop_str(b, p, "compatible", "arm,gic-v3");
        fdt_prop_u32(b, p, "#redistributor-regions", 1);
    } else {
        fdt_prop_str(b, p, "compatible", "arm,cortex-a15-gic");
    }
    fdt_prop_reg(b, p, regs, 2);
    fdt_prop_u32(b, p, "phandle", b->vms->gic_phandle);
    fdt_prop_u32(b, "/", "interrupt-parent", b->vms->gic_phandle);
}

/* A PrimeCell: compatible "arm,<model>", "arm,primecell"; level SPI. */
static char *virt_fdt_primecell(VirtFdt *b, const char *model, int idx,
                                uint32_t spi)
{
    const MemMapEntry *e = virt_fdt_dev(b, idx);
    g_autofree char *compat0 = g_strdup_printf("arm,%s", model);
    const char *compat[] = { compat0, "arm,primecell" };
    char *p = fdt_add_at(b, "/", model, e->base);

    if (idx == VIRT_GPIO) {
        /* QEMU writes the PL061's reg first. */
        fdt_prop_reg1(b, p, e->base, e->size);
        fdt_prop_strs(b, p, "compatible", compat, 2);
        return p;
    }
    fdt_prop_strs(b, p, "compatible", compat, 2);
    fdt_prop_reg1(b, p, e->base, e->size);
    fdt_prop_spi(b, p, spi, GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    return p;
}

static void virt_fdt_uart(VirtFdt *b)
{
    static const char *const clock_names[] = { "uartclk", "apb_pclk" };
    uint32_t clocks[2] = { b->vms->clock_phandle, b->vms->clock_phandle };
    g_autofree char *p = NULL;

    if (!virt_fdt_dev(b, VIRT_UART)) {
        return;
    }
    p = virt_fdt_primecell(b, "pl011", VIRT_UART, VIRT_IRQ_UART);
    fdt_prop_cells(b, p, "clocks", clocks, 2);
    fdt_prop_strs(b, p, "clock-names", clock_names, 2);
    fdt_prop_str(b, "/chosen", "stdout-path", p);
}

static void virt_fdt_rtc(VirtFdt *b)
{
    g_autofree char *p = NULL;

    if (!virt_fdt_dev(b, VIRT_RTC)) {
        return;
    }
    p = virt_fdt_primecell(b, "pl031", VIRT_RTC, VIRT_IRQ_RTC);
    fdt_prop_u32(b, p, "clocks", b->vms->clock_phandle);
    fdt_prop_str(b, p, "clock-names", "apb_pclk");
}

/* The PL061 and the power button on its line 3 (gpio-keys, KEY_POWER). */
static void virt_fdt_gpio(VirtFdt *b)
{
    uint32_t gpios[3] = { b->vms->gpio_phandle, VIRT_GPIO_POWER_PIN, 0 };
    g_autofree char *p = NULL, *keys = NULL, *key = NULL;

    if (!virt_fdt_dev(b, VIRT_GPIO)) {
        return;
    }
    p = virt_fdt_primecell(b, "pl061", VIRT_GPIO, VIRT_IRQ_GPIO);
    fdt_prop_u32(b, p, "#gpio-cells", 2);
    fdt_prop_empty(b, p, "gpio-controller");
    fdt_prop_spi(b, p, VIRT_IRQ_GPIO, GIC_FDT_IRQ_FLAGS_LEVEL_HI);
    fdt_prop_u32(b, p, "clocks", b->vms->clock_phandle);
    fdt_prop_str(b, p, "clock-names", "apb_pclk");
    fdt_prop_u32(b, p, "phandle", b->vms->gpio_phandle);

    keys = fdt_add(b, "/", "gpio-keys");
    fdt_prop_str(b, keys, "compatible", "gpio-keys");
    key = fdt_add(b, keys, "poweroff");
    fdt_prop_str(b, key, "label", "GPIO Key Poweroff");
    fdt_prop_u32(b, key, "linux,code", KEY_POWER);
    fdt_prop_cells(b, key, "gpios", gpios, 3);
}

/* Highest address first, so that the blob lists transport 0 first: Linux
 * numbers the virtio devices in that order (QEMU does the same). */
static void virt_fdt_virtio(VirtFdt *b)
{
    const MemMapEntry *e = virt_fdt_dev(b, VIRT_MMIO);

    if (!e) {
        return;
    }
    for (int i = VIRT_NUM_VIRTIO_TRANSPORTS - 1; i >= 0; i--) {
        hwaddr base = e->base + (hwaddr)i * VIRT_VIRTIO_TRANSPORT_SIZE;
        g_autofree char *p = fdt_add_at(b, "/", "virtio_mmio", base);

        fdt_prop_str(b, p, "compatible", "virtio,mmio");
        fdt_prop_reg1(b, p, base, VIRT_VIRTIO_TRANSPORT_SIZE);
        fdt_prop_spi(b, p, VIRT_IRQ_MMIO + i, GIC_FDT_IRQ_FLAGS_EDGE_LO_HI);
        fdt_prop_empty(b, p, "dma-coherent");
    }
}

static void virt_fdt_fw_cfg(VirtFdt *b)
{
    const MemMapEntry *e = virt_fdt_dev(b, VIRT_FW_CFG);
    g_autofree char *p = NULL;

    if (!e) {
        return;
    }
    p = fdt_add_at(b, "/", "fw-cfg", e->base);
    fdt_prop_str(b, p, "compatible", "qemu,fw-cfg-mmio");
    fdt_prop_reg1(b, p, e->base, e->size);
    fdt_prop_empty(b, p, "dma-coherent");
}

static void virt_fdt_memory(VirtFdt *b)
{
    hwaddr base = b->vms->memmap[VIRT_MEM].base;
    g_autofree char *p = fdt_add_at(b, "/", "memory", base);

    fdt_prop_str(b, p, "device_type", "memory");
    fdt_prop_reg1(b, p, base, b->vms->parent_obj.ram_size);
}

static void virt_fdt_psci(VirtFdt *b)
{
    static const char *const compat[] = {
        "arm,psci-1.0", "arm,psci-0.2", "arm,psci",
    };
    g_autofree char *p = fdt_add(b, "/", "psci");

    fdt_prop_strs(b, p, "compatible", compat, 3);
    fdt_prop_str(b, p, "method", "hvc");
    fdt_prop_u32(b, p, "cpu_suspend", PSCI_FN_CPU_SUSPEND);
    fdt_prop_u32(b, p, "cpu_off", PSCI_FN_CPU_OFF);
    fdt_prop_u32(b, p, "cpu_on", PSCI_FN_CPU_ON);
    fdt_prop_u32(b, p, "migrate", PSCI_FN_MIGRATE);
}

/* QEMU's phandle order: the clock, the CPUs (highest index first), the
 * GIC, its MSI frame (not modelled: the number stays unused), the PL061. */
static void virt_fdt_alloc_phandles(VirtMachineState *vms, unsigned ncpus)
{
    vms->clock_phandle = VIRT_FDT_PHANDLE_BASE;
    vms->gic_phandle = VIRT_FDT_PHANDLE_BASE + ncpus + 1;
    vms->gpio_phandle = VIRT_FDT_PHANDLE_BASE + ncpus + 3;
}

bool virt_fdt_build(VirtMachineState *vms, Error **errp)
{
    VirtFdt b = { .vms = vms };
    int err;

    g_assert(vms->memmap && (vms->gic_version == 2 ||
                             vms->gic_version == 3));
    g_free(vms->fdt);
    vms->fdt = NULL;
    vms->fdt_size = 0;
    b.fdt = g_malloc0(VIRT_FDT_SIZE);
    err = fdt_create_empty_tree(b.fdt, VIRT_FDT_SIZE);
    fdt_fail(&b, err, "the empty tree");
    virt_fdt_alloc_phandles(vms, virt_fdt_ncpus(&b));

    /* Reverse blob order: see the header comment. */
    virt_fdt_root(&b);
    virt_fdt_chosen(&b);
    virt_fdt_clock(&b);
    virt_fdt_timer(&b);
    virt_fdt_cpus(&b);
    virt_fdt_flash(&b);
    virt_fdt_gic(&b);
    virt_fdt_uart(&b);
    virt_fdt_rtc(&b);
    virt_fdt_gpio(&b);
    virt_fdt_virtio(&b);
    virt_fdt_fw_cfg(&b);
    virt_fdt_memory(&b);
    virt_fdt_psci(&b);

    if (b.err) {
        error_setg(errp, "virt: cannot build the device tree: %s: %s",
                   b.what, fdt_strerror(b.err));
        g_free(b.fdt);
        return false;
    }
    vms->fdt = b.fdt;
    vms->fdt_size = fdt_totalsize(b.fdt);
    return true;
}
