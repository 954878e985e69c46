/* placeholder: to be written (see include/hw/i386/acpi-build.h) */
#include "qemu/osdep.h"
#include "hw/i386/acpi-build.h"

bool pc_acpi_init(PCMachineState *pcms, MachineState *ms, PCIBus *bus,
                  ISABus *isa, Error **errp)
{
    return true;    /* no ACPI yet: the guest finds no tables */
}
