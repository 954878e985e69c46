/*
 * The aarch64 "virt" board: QEMU's "virt-7.2" (alias "virt") memory map,
 * interrupt numbers and device tree, so kernels, device trees and scripts
 * behave the same (include/hw/arm/virt.h has the map).
 *
 * Built here: the CPUs (secondaries start powered off and come up through
 * PSCI CPU_ON, target/arm/psci.c), RAM, a GICv2 or GICv3 with every CPU's
 * IRQ/FIQ lines and generic timer PPIs wired as QEMU wires them, PL011
 * (SPI 1), PL031 (SPI 2), fw_cfg, PL061 (SPI 7) with the power button on
 * pin 3, 32 virtio-mmio transports (SPI 16 up), an empty flash window at
 * 0; then the device tree (virt-fdt.c) and the kernel (boot.c).
 *
 * Not modelled: PCIe, the flash contents (-pflash), the GICv3 ITS,
 * secure/virtualization extensions (refused by name).
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "hw/arm/virt.h"
#include "hw/arm/boot.h"
#include "hw/char/pl011.h"
#include "hw/nvram/fw_cfg.h"
#include "hw/sysbus.h"
#include "sysemu/accel.h"
#include "sysemu/cpus.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "target/arm/cpu.h"

static const MemMapEntry virt_memmap[] = {
    [VIRT_FLASH] =      { 0x00000000, 0x08000000 },
    [VIRT_GIC_DIST] =   { 0x08000000, 0x00010000 },
    [VIRT_GIC_CPU] =    { 0x08010000, 0x00010000 },
    [VIRT_GIC_REDIST] = { 0x080a0000, 0x00f60000 },
    [VIRT_UART] =       { 0x09000000, 0x00001000 },
    [VIRT_RTC] =        { 0x09010000, 0x00001000 },
    [VIRT_FW_CFG] =     { 0x09020000, 0x00000018 },
    [VIRT_GPIO] =       { 0x09030000, 0x00001000 },
    [VIRT_MMIO] =       { 0x0a000000, 0x00000200 },
    /* QEMU allows RAM up to 255 GiB here; the size comes from -m. */
    [VIRT_MEM] =        { 0x40000000, 255ULL * GiB },
};

/* GICv3 redistributor frames: RD_base + SGI_base, 64 KiB each. */
#define VIRT_GICV3_REDIST_SIZE 0x20000

/* -cpu names: what Kestrel has, and QEMU models it does not (yet). */
typedef enum {
    VIRT_CPU_OK,
    VIRT_CPU_32BIT,
    VIRT_CPU_MISSING,
} VirtCpuKind;

static const struct {
    const char *name;
    VirtCpuKind kind;
    const char *type;
} virt_cpu_models[] = {
    { "cortex-a57", VIRT_CPU_OK, TYPE_ARM_CPU_CORTEX_A57 },
    { "max", VIRT_CPU_OK, TYPE_ARM_CPU_MAX },
    { "cortex-a7", VIRT_CPU_32BIT, NULL },
    { "cortex-a15", VIRT_CPU_32BIT, NULL },
    { "cortex-a35", VIRT_CPU_MISSING, NULL },
    { "cortex-a53", VIRT_CPU_MISSING, NULL },
    { "cortex-a55", VIRT_CPU_MISSING, NULL },
    { "cortex-a72", VIRT_CPU_MISSING, NULL },
    { "cortex-a76", VIRT_CPU_MISSING, NULL },
    { "a64fx", VIRT_CPU_MISSING, NULL },
    { "neoverse-n1", VIRT_CPU_MISSING, NULL },
    { "host", VIRT_CPU_MISSING, NULL },
};

static const char *virt_cpu_type(const char *model, Error **errp)
{
    if (strchr(model, ',')) {
        error_setg(errp, "CPU model options ('%s') are not supported by "
                   "Kestrel yet", model);
        return NULL;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(virt_cpu_models); i++) {
        if (strcmp(virt_cpu_models[i].name, model) != 0) {
            continue;
        }
        switch (virt_cpu_models[i].kind) {
        case VIRT_CPU_OK:
            return virt_cpu_models[i].type;
        case VIRT_CPU_32BIT:
            error_setg(errp, "CPU model '%s' is a 32-bit CPU: not supported "
                       "by Kestrel yet (use -cpu cortex-a57 or -cpu max)",
                       model);
            return NULL;
        case VIRT_CPU_MISSING:
            error_setg(errp, "CPU model '%s' is not supported by Kestrel "
                       "yet (use -cpu cortex-a57 or -cpu max)", model);
            return NULL;
        }
    }
    error_setg(errp, "unable to find CPU model '%s'", model);
    return NULL;
}

/* -M virt,gic-version=2|3 ("max" is 3 under TCG, as QEMU; "host" needs
 * KVM), and the extensions Kestrel does not have, refused when on. */
static bool virt_parse_options(VirtMachineState *vms, Error **errp)
{
    const char *v = vms->gic_version_str;

    if (!v || !strcmp(v, "2")) {
        vms->gic_version = 2;       /* QEMU's default for virt */
    } else if (!strcmp(v, "3") || !strcmp(v, "max")) {
        vms->gic_version = 3;
    } else if (!strcmp(v, "host")) {
        error_setg(errp, "gic-version=host requires KVM");
        return false;
    } else {
        error_setg(errp, "Invalid gic-version value");
        error_append_hint(errp, "Valid values are 3, 2, host, max.\n");
        return false;
    }
    if (vms->secure || vms->virtualization || vms->its) {
        error_setg(errp, "-M virt,%s=on is not supported by Kestrel yet",
                   vms->secure ? "secure" :
                   vms->virtualization ? "virtualization" : "its");
        return false;
    }
    return true;
}

static bool virt_check_config(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    uint64_t ram_max = virt_memmap[VIRT_MEM].size;
    unsigned max_cpus = vms->gic_version == 2 ? 8 :
                        virt_memmap[VIRT_GIC_REDIST].size /
                        VIRT_GICV3_REDIST_SIZE;

    if (!current_accel()) {
        error_setg(errp, "the virt machine needs an accelerator: use "
                   "-accel tcg");
        return false;
    }
    if (ms->smp.cpus > max_cpus) {
        /* QEMU's words. */
        error_setg(errp, "Number of SMP CPUs requested (%u) exceeds max "
                   "CPUs supported by machine 'mach-virt' (%u)",
                   ms->smp.cpus, max_cpus);
        return false;
    }
    if (ms->ram_size > ram_max) {
        error_setg(errp, "cannot model more than %" PRIu64 "GB RAM",
                   (uint64_t)(ram_max / GiB));
        return false;
    }
    return true;
}

/* ---- Flash window ---------------------------------------------------- */

/* Nothing behind the flash window (no -pflash yet): reads are zero and
 * writes are dropped, so a CFI probe finds no chip instead of faulting. */
static uint64_t virt_flash_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void virt_flash_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
}

static const MemoryRegionOps virt_flash_ops = {
    .read = virt_flash_read,
    .write = virt_flash_write,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
};

/* ---- Interrupt controller -------------------------------------------- */

static bool virt_create_gic(VirtMachineState *vms, Error **errp)
{
    MachineState *ms = MACHINE(vms);
    unsigned ncpu = ms->smp.cpus, i;
    /* The timers' PPIs, indexed by GTIMER_*: the device tree numbers. */
    static const int timer_ppi[NUM_GTIMERS] = {
        [GTIMER_PHYS] = VIRT_ARCH_TIMER_NS_EL1_IRQ,
        [GTIMER_VIRT] = VIRT_ARCH_TIMER_VIRT_IRQ,
        [GTIMER_HYP] = VIRT_ARCH_TIMER_NS_EL2_IRQ,
        [GTIMER_SEC] = VIRT_ARCH_TIMER_S_EL1_IRQ,
    };
    DeviceState *gic;
    SysBusDevice *sbd;

    const char *type = vms->gic_version == 3 ? "arm-gicv3" : "arm_gic";

    if (!object_class_by_name(type)) {
        error_setg(errp, "GICv%d is not available in this build",
                   vms->gic_version);
        return false;
    }
    gic = qdev_new(type);
    if (!object_property_set_uint(OBJECT(gic), "num-cpu", ncpu, errp) ||
        !object_property_set_uint(OBJECT(gic), "num-irq",
                                  VIRT_NUM_SPIS + 32, errp) ||
        (vms->gic_version == 2 &&
         !object_property_set_uint(OBJECT(gic), "revision", 2, errp))) {
        object_unref(OBJECT(gic));
        return false;
    }
    sbd = SYS_BUS_DEVICE(gic);
    if (!sysbus_realize_and_unref(sbd, errp)) {
        return false;
    }
    vms->gic = gic;
    sysbus_mmio_map(sbd, 0, vms->memmap[VIRT_GIC_DIST].base);
    sysbus_mmio_map(sbd, 1, vms->memmap[vms->gic_version == 3 ?
                                        VIRT_GIC_REDIST : VIRT_GIC_CPU].base);

    for (i = 0; i < ncpu; i++) {
        DeviceState *cpudev = DEVICE(qemu_get_cpu(i));
        int ppibase = VIRT_NUM_SPIS + i * 32 + 16;
        int t;

        for (t = 0; t < NUM_GTIMERS; t++) {
            qdev_connect_gpio_out_named(cpudev, "gt-timer-outputs", t,
                                        qdev_get_gpio_in(gic, ppibase +
                                                         timer_ppi[t]));
        }
        sysbus_connect_irq(sbd, i, qdev_get_gpio_in(cpudev, ARM_CPU_IRQ));
        sysbus_connect_irq(sbd, i + ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_FIQ));
        sysbus_connect_irq(sbd, i + 2 * ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VIRQ));
        sysbus_connect_irq(sbd, i + 3 * ncpu,
                           qdev_get_gpio_in(cpudev, ARM_CPU_VFIQ));
    }
    for (i = 0; i < VIRT_NUM_SPIS; i++) {
        vms->spi[i] = qdev_get_gpio_in(gic, i);
    }
    return true;
}

/* ---- Devices --------------------------------------------------------- */

/* A sysbus device by type name, region 0 at base, IRQ 0 to an SPI. */
static DeviceState *virt_create_simple(VirtMachineState *vms,
                                       const char *type, int map, int spi,
                                       Error **errp)
{
    DeviceState *dev;

    if (!object_class_by_name(type)) {
        error_setg(errp, "device '%s' is not available in this build", type);
        return NULL;
    }
    dev = qdev_new(type);
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
        return NULL;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, vms->memmap[map].base);
    if (spi >= 0) {
        sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0, vms->spi[spi]);
    }
    return dev;
}

/* The power button: pin 3 of the PL061 high for 100 ms (a key press the
 * guest's gpio-keys driver sees as KEY_POWER), as QEMU's gpio-key does. */
static QEMUTimer *virt_power_release;
static qemu_irq virt_power_pin;

static void virt_power_button_release(void *opaque)
{
    qemu_set_irq(virt_power_pin, 0);
}

static void virt_powerdown_req(void *opaque)
{
    qemu_set_irq(virt_power_pin, 1);
    timer_mod(virt_power_release,
              qemu_clock_get_ms(QEMU_CLOCK_VIRTUAL) + 100);
}

static bool virt_create_devices(VirtMachineState *vms, Error **errp)
{
    FWCfgState *fw_cfg;
    DeviceState *gpio;
    int i;

    if (!pl011_create(vms->memmap[VIRT_UART].base, vms->spi[VIRT_IRQ_UART],
                      serial_hd(0), errp)) {
        return false;
    }
    if (!virt_create_simple(vms, "pl031", VIRT_RTC, VIRT_IRQ_RTC, errp)) {
        return false;
    }
    fw_cfg = fw_cfg_init_mem(vms->memmap[VIRT_FW_CFG].base, errp);
    if (!fw_cfg) {
        return false;
    }
    /* As QEMU's virt: the CPU count (firmware reads it). */
    fw_cfg_add_i16(fw_cfg, FW_CFG_NB_CPUS, MACHINE(vms)->smp.cpus);

    /* QEMU's virt pulls the GPIO lines down (pullups 0, pulldowns 0xff). */
    gpio = qdev_new("pl061");
    if (!object_property_set_uint(OBJECT(gpio), "pullups", 0, errp) ||
        !object_property_set_uint(OBJECT(gpio), "pulldowns", 0xff, errp)) {
        object_unref(OBJECT(gpio));
        return false;
    }
    if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(gpio), errp)) {
        return false;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(gpio), 0, vms->memmap[VIRT_GPIO].base);
    sysbus_connect_irq(SYS_BUS_DEVICE(gpio), 0, vms->spi[VIRT_IRQ_GPIO]);
    virt_power_pin = qdev_get_gpio_in(gpio, VIRT_GPIO_POWER_PIN);
    virt_power_release = timer_new_ms(QEMU_CLOCK_VIRTUAL,
                                      virt_power_button_release, NULL);
    qemu_register_powerdown_notifier(virt_powerdown_req, vms);

    /* QEMU creates the transports from the top down so that the first
     * -device virtio-*-device lands in the highest slot; same here. */
    for (i = VIRT_NUM_VIRTIO_TRANSPORTS - 1; i >= 0; i--) {
        DeviceState *dev;

        if (!object_class_by_name("virtio-mmio")) {
            error_setg(errp, "device 'virtio-mmio' is not available in "
                       "this build");
            return false;
        }
        dev = qdev_new("virtio-mmio");
        if (!sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
            return false;
        }
        sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0,
                        vms->memmap[VIRT_MMIO].base +
                        (hwaddr)i * VIRT_VIRTIO_TRANSPORT_SIZE);
        sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0,
                           vms->spi[VIRT_IRQ_MMIO + i]);
    }
    return true;
}

/* ---- Device tree ----------------------------------------------------- */

/* -M virt,dumpdtb=FILE: write the tree the guest would get and exit 0,
 * as QEMU does. */
static bool virt_dump_dtb(const void *dtb, uint32_t size, const char *file,
                          Error **errp)
{
    GError *gerr = NULL;

    if (!dtb || !g_file_set_contents(file, dtb, size, &gerr)) {
        error_setg(errp, "Failed to write dtb to %s: %s", file,
                   gerr ? gerr->message : "no device tree");
        if (gerr) {
            g_error_free(gerr);
        }
        return false;
    }
    return true;
}

/* ---- Board ----------------------------------------------------------- */

static void virt_init(MachineState *ms)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);
    const char *cpu_type;
    MemoryRegion *flash;
    Error *err = NULL;
    unsigned i;

    vms->memmap = virt_memmap;
    if (!virt_parse_options(vms, &err) || !virt_check_config(vms, &err)) {
        goto fail;
    }
    cpu_type = virt_cpu_type(ms->cpu_type ? ms->cpu_type : "cortex-a57",
                             &err);
    if (!cpu_type) {
        goto fail;
    }
    for (i = 0; i < ms->smp.cpus; i++) {
        CPUState *cpu = cpu_create(cpu_type, &err);
        /* QEMU's MPIDR layout: 16 CPUs per Aff1 cluster with GICv3 (its
         * SGI target lists are 16 wide), 8 with GICv2. */
        unsigned cl = vms->gic_version == 3 ? 16 : 8;

        if (!cpu) {
            goto fail;
        }
        ARM_CPU(cpu)->mp_affinity = (uint64_t)(i / cl) << 8 | (i % cl);
        /* The GICv3 CPU interface is in system registers (PFR0.GIC). */
        if (vms->gic_version == 3) {
            ARM_CPU(cpu)->isar.id_aa64pfr0 |= 1ULL << 24;
        }
        /* Secondaries wait for PSCI CPU_ON (read at every reset). */
        ARM_CPU(cpu)->start_powered_off = i > 0;
    }

    memory_region_transaction_begin();
    flash = g_new0(MemoryRegion, 1);
    memory_region_init_io(flash, NULL, &virt_flash_ops, vms, "virt.flash",
                          vms->memmap[VIRT_FLASH].size);
    memory_region_add_subregion(get_system_memory(),
                                vms->memmap[VIRT_FLASH].base, flash);
    if (machine_create_ram(ms, &err)) {
        memory_region_add_subregion(get_system_memory(),
                                    vms->memmap[VIRT_MEM].base, ms->ram);
    }
    memory_region_transaction_commit();
    if (err) {
        goto fail;
    }

    if (!virt_create_gic(vms, &err) || !virt_create_devices(vms, &err)) {
        goto fail;
    }
    if (!virt_fdt_build(vms, &err)) {
        goto fail;
    }

    if (ms->kernel_filename) {
        ArmBootInfo info = {
            .kernel_filename = ms->kernel_filename,
            .initrd_filename = ms->initrd_filename,
            .kernel_cmdline = ms->kernel_cmdline,
            .dtb_filename = ms->dtb,
            .ram_base = vms->memmap[VIRT_MEM].base,
            .ram_size = ms->ram_size,
            .ram = ms->ram,
            .cpu = qemu_get_cpu(0),
            .fdt = vms->fdt,
        };
        if (!arm_load_kernel(&info, &err)) {
            goto fail;
        }
    }
    if (ms->dumpdtb) {
        /* With a kernel, the tree as loaded (bootargs, initrd range). */
        const void *dtb = vms->fdt;
        uint32_t size = vms->fdt_size;

        if (ms->kernel_filename) {
            dtb = arm_boot_loaded_dtb(&size);
        }
        if (!virt_dump_dtb(dtb, size, ms->dumpdtb, &err)) {
            goto fail;
        }
        exit(0);
    }
    return;
fail:
    error_report_err(err);
    exit(1);
}

static const Property virt_props[] = {
    PROP_STRING("gic-version", VirtMachineState, gic_version_str),
    PROP_BOOL("highmem", VirtMachineState, highmem, true),
    PROP_BOOL("secure", VirtMachineState, secure, false),
    PROP_BOOL("virtualization", VirtMachineState, virtualization, false),
    PROP_BOOL("its", VirtMachineState, its, false),
    PROP_END,
};

static void virt_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "virt-7.2";
    mc->alias = "virt";
    mc->desc = "QEMU 7.2 ARM Virtual Machine";
    mc->is_default = false;     /* QEMU has no default aarch64 board */
    mc->init = virt_init;
    /* GICv3's redistributor window holds 123 CPUs; GICv2 stops at 8
     * (virt_check_config). */
    mc->max_cpus = 123;
    mc->min_cpus = 1;
    mc->default_cpus = 1;
    mc->default_cpu_type = TYPE_ARM_CPU_CORTEX_A57;
    mc->default_ram_size = 128 * MiB;
    mc->default_ram_id = "mach-virt.ram";

    object_class_set_props(oc, virt_props);
}

static const TypeInfo virt_machine_type = {
    .name = TYPE_VIRT_MACHINE,
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(VirtMachineState),
    .class_init = virt_machine_class_init,
};

static void virt_machine_register(void)
{
    type_register_static(&virt_machine_type);
}

type_init(virt_machine_register)
