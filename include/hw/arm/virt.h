/*
 * The aarch64 "virt" board (QEMU's "virt-7.2", alias "virt"), minimal:
 * RAM at 0x40000000, a PL011 at 0x09000000, PSCI through HVC (answered
 * by the tcg accelerator), -kernel ELF or raw. One vCPU, cortex-a57
 * (default) or max. See docs/boards/virt.md.
 */
#ifndef HW_ARM_VIRT_H
#define HW_ARM_VIRT_H

#include "hw/boards.h"

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt-7.2")

/* Index into the memory map (hw/arm/virt.c). */
enum {
    VIRT_UART,
    VIRT_MEM,
};

typedef struct MemMapEntry {
    hwaddr base;
    hwaddr size;
} MemMapEntry;

typedef struct VirtMachineState {
    MachineState parent_obj;
    const MemMapEntry *memmap;
} VirtMachineState;

#define VIRT_MACHINE(obj) \
    OBJECT_CHECK(VirtMachineState, (obj), TYPE_VIRT_MACHINE)

#endif
