/*
 * The aarch64 "virt" board, minimal: QEMU's "virt-7.2" (alias "virt")
 * memory map, enough to run bare-metal programs on TCG-lite.
 *
 * Memory map (guest-physical, as QEMU's virt):
 *   0x09000000 - 0x09000fff  PL011 UART ("pl011"), first -serial
 *   0x40000000 -             RAM ("mach-virt.ram", default 128 MiB)
 *
 * Not yet: GIC (the UART's interrupt goes nowhere), generic timer
 * interrupts, PSCI CPU_ON (one vCPU only), the device tree, virtio-mmio,
 * PCIe, flash. PSCI SYSTEM_OFF / SYSTEM_RESET / PSCI_VERSION through HVC
 * are answered by the tcg accelerator (accel/tcg-lite/tcg-accel.c).
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "hw/arm/virt.h"
#include "hw/arm/boot.h"
#include "hw/char/pl011.h"
#include "sysemu/accel.h"
#include "sysemu/cpus.h"
#include "sysemu/sysemu.h"
#include "target/arm/cpu.h"

static const MemMapEntry virt_memmap[] = {
    [VIRT_UART] = { 0x09000000, 0x00001000 },
    /* QEMU allows RAM up to 255 GiB here; the size comes from -m. */
    [VIRT_MEM] = { 0x40000000, 255ULL * GiB },
};

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

static bool virt_check_config(MachineState *ms, Error **errp)
{
    uint64_t ram_max = virt_memmap[VIRT_MEM].size;

    if (!current_accel()) {
        error_setg(errp, "the virt machine needs an accelerator: use "
                   "-accel tcg");
        return false;
    }
    if (ms->smp.cpus > 1) {
        error_setg(errp, "the virt machine with %u CPUs: more than one "
                   "vCPU is not supported by Kestrel yet", ms->smp.cpus);
        return false;
    }
    if (ms->ram_size > ram_max) {
        error_setg(errp, "cannot model more than %" PRIu64 "GB RAM",
                   (uint64_t)(ram_max / GiB));
        return false;
    }
    return true;
}

static void virt_init(MachineState *ms)
{
    VirtMachineState *vms = VIRT_MACHINE(ms);
    const char *cpu_type;
    CPUState *cpu;
    Error *err = NULL;

    vms->memmap = virt_memmap;
    if (!virt_check_config(ms, &err)) {
        goto fail;
    }
    cpu_type = virt_cpu_type(ms->cpu_type ? ms->cpu_type : "cortex-a57",
                             &err);
    if (!cpu_type) {
        goto fail;
    }
    cpu = cpu_create(cpu_type, &err);
    if (!cpu) {
        goto fail;
    }

    memory_region_transaction_begin();
    if (machine_create_ram(ms, &err)) {
        memory_region_add_subregion(get_system_memory(),
                                    vms->memmap[VIRT_MEM].base, ms->ram);
    }
    memory_region_transaction_commit();
    if (err) {
        goto fail;
    }

    /* No GIC yet: the UART's interrupt line is left unconnected. */
    if (!pl011_create(vms->memmap[VIRT_UART].base, NULL, serial_hd(0),
                      &err)) {
        goto fail;
    }

    if (ms->kernel_filename) {
        ArmBootInfo info = {
            .kernel_filename = ms->kernel_filename,
            .ram_base = vms->memmap[VIRT_MEM].base,
            .ram = ms->ram,
            .cpu = cpu,
        };
        if (!arm_load_kernel(&info, &err)) {
            goto fail;
        }
    }
    return;
fail:
    error_report_err(err);
    exit(1);
}

static void virt_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "virt-7.2";
    mc->alias = "virt";
    mc->desc = "QEMU 7.2 ARM Virtual Machine";
    mc->is_default = false;     /* QEMU has no default aarch64 board */
    mc->init = virt_init;
    /* QEMU's limit with GICv2; virt_init refuses more than 1 for now. */
    mc->max_cpus = 8;
    mc->min_cpus = 1;
    mc->default_cpus = 1;
    mc->default_cpu_type = TYPE_ARM_CPU_CORTEX_A57;
    mc->default_ram_size = 128 * MiB;
    mc->default_ram_id = "mach-virt.ram";
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
