/*
 * ACPI for the pc board: the PM device (PM1 event/control blocks and PM
 * timer) and the tables (RSDP, RSDT/XSDT, FADT, MADT, DSDT, ...) built
 * from the board's device list, so a guest finds its CPUs, powers off and
 * reboots. hw/i386/acpi-build.c (tables), hw/acpi/ (the PM device).
 */
#ifndef HW_I386_ACPI_BUILD_H
#define HW_I386_ACPI_BUILD_H

#include "hw/i386/pc.h"
#include "hw/pci/pci.h"
#include "hw/isa/isa.h"

/* Create the ACPI PM function and build the tables into guest memory /
 * fw_cfg. Called at the end of the board's init. */
bool pc_acpi_init(PCMachineState *pcms, MachineState *ms, PCIBus *bus,
                  ISABus *isa, Error **errp);

#endif
