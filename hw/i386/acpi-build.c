/*
 * ACPI for the pc board: creates the PIIX4 PM function at 00:01.3, wires
 * its SCI to ISA IRQ 9 and the power button to system_powerdown, builds
 * the tables from the board's CPUs and devices (hw/acpi/pc-tables.c) and
 * delivers them in guest RAM and through fw_cfg (placement:
 * include/hw/acpi/pc-acpi.h).
 */
#include "qemu/osdep.h"
#include "hw/i386/acpi-build.h"
#include "hw/acpi/pc-acpi.h"
#include "hw/acpi/pc-tables.h"
#include "hw/acpi/piix4-pm.h"
#include "sysemu/runstate.h"
#include "target/i386/cpu.h"

/* The i8042's pulse-reset command: the FADT reset register, since the
 * board has no 0xcf9 reset control register. */
#define PC_RESET_PORT   0x64
#define PC_RESET_VALUE  0xfe

static uint64_t acpi_tables_base, acpi_tables_size;

void pc_acpi_reserved_range(uint64_t *base, uint64_t *size)
{
    *base = acpi_tables_base;
    *size = acpi_tables_size;
}

static void pc_acpi_powerdown(void *opaque)
{
    piix4_pm_press_power_button(opaque);
}

static PIIX4PMState *pc_acpi_create_pm(PCIBus *bus, ISABus *isa)
{
    PIIX4PMState *pm = PIIX4_PM(pci_create_simple_multifunction(
                                bus, PIIX4_PM_DEVFN, false, TYPE_PIIX4_PM));

    qdev_connect_gpio_out_named(DEVICE(pm), "sci", 0,
                                isa->irqs[PIIX4_PM_SCI_IRQ]);
    qemu_register_powerdown_notifier(pc_acpi_powerdown, pm);
    return pm;
}

static bool pc_acpi_publish(PCMachineState *pcms, MachineState *ms,
                            const AcpiPcTables *t, uint64_t base,
                            Error **errp)
{
    uint8_t *ram = memory_region_get_ram_ptr(ms->ram);

    /* The low RAM alias maps pc.ram from offset 0, so guest-physical
     * addresses below below_4g are offsets into it. */
    memcpy(ram + base, t->blob->data, t->blob->len);
    memcpy(ram + PC_ACPI_RSDP_ADDR, t->rsdp, ACPI_RSDP_SIZE);
    if (!pcms->fw_cfg) {
        return true;
    }
    return fw_cfg_add_file(pcms->fw_cfg, "etc/acpi/rsdp", t->rsdp,
                           ACPI_RSDP_SIZE, errp) &&
           fw_cfg_add_file(pcms->fw_cfg, "etc/acpi/tables", t->blob->data,
                           t->blob->len, errp);
}

bool pc_acpi_init(PCMachineState *pcms, MachineState *ms, PCIBus *bus,
                  ISABus *isa, Error **errp)
{
    g_autofree uint32_t *apic_ids = g_new(uint32_t, ms->smp.cpus);
    AcpiPcConfig cfg = {
        .ncpus = ms->smp.cpus,
        .apic_ids = apic_ids,
        .pm_base = PIIX4_PM_BASE,
        .gpe0_base = PIIX4_GPE0_BASE,
        .sci_irq = PIIX4_PM_SCI_IRQ,
        .reset_port = PC_RESET_PORT,
        .reset_value = PC_RESET_VALUE,
    };
    AcpiPcTables t;
    bool ok;

    pc_acpi_create_pm(bus, isa);
    if (pcms->below_4g < PC_ACPI_AREA_BASE + PC_ACPI_AREA_SIZE) {
        return true;    /* no RAM there: the guest finds no tables */
    }
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        apic_ids[i] = x86_apic_id_from_index(ms->smp.cores, ms->smp.threads,
                                             i);
    }
    cfg.base = PC_ACPI_TABLES_ADDR;
    acpi_pc_build_tables(&cfg, &t);
    /* 255 CPUs as x2APIC entries still need under 5 KiB. */
    g_assert(t.blob->len <= PC_ACPI_TABLES_MAX);
    ok = pc_acpi_publish(pcms, ms, &t, cfg.base, errp);
    if (ok) {
        acpi_tables_base = PC_ACPI_AREA_BASE;
        acpi_tables_size = PC_ACPI_AREA_SIZE;
    }
    acpi_pc_tables_free(&t);
    return ok;
}
