/* The pc board (hw/i386/pc.c) and its firmware loading (pc-firmware.c). */
#ifndef HW_I386_PC_H
#define HW_I386_PC_H

#include "hw/boards.h"
#include "hw/nvram/fw_cfg.h"

#define TYPE_PC_MACHINE MACHINE_TYPE_NAME("pc-i440fx-7.2")

OBJECT_DECLARE_SIMPLE_TYPE(PCMachineState, PC_MACHINE)

struct PCMachineState {
    MachineState parent_obj;
    uint64_t below_4g, above_4g;      /* RAM split around the PCI hole */
    MemoryRegion ram_below_4g;
    MemoryRegion ram_above_4g;
    MemoryRegion pci_memory;          /* "pci": where PCI BARs map */
    MemoryRegion bios;                /* "pc.bios" at the top of 4 GiB */
    MemoryRegion isa_bios;            /* "isa-bios": its last 128 KiB */
    FWCfgState *fw_cfg;
};

/* The firmware Kestrel uses without -bios (Debian's seabios package). */
#define PC_DEFAULT_BIOS "/usr/share/seabios/bios.bin"

/* Load -bios (or the default) and map it below 4 GiB and at 0xe0000. */
void pc_firmware_init(PCMachineState *pcms, MachineState *ms, Error **errp);

#endif
