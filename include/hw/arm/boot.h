/*
 * -kernel for aarch64 boards: what QEMU's virt does with a bare-metal
 * program, without firmware.
 *
 *   ELF (64-bit, little endian, EM_AARCH64): each PT_LOAD segment is
 *       copied to its physical address (p_paddr), which must lie inside
 *       RAM; the bytes between p_filesz and p_memsz are zeroed; the CPU
 *       starts at e_entry.
 *   anything else: a raw image, copied to RAM base + 0x80000 (QEMU's
 *       address for a 64-bit kernel) and entered there.
 *
 * CPU 0 starts at EL1h with the MMU off and DAIF masked (its reset
 * state), x0-x3 = 0. There is no device tree yet, so x0 does not point at
 * one (QEMU passes the DTB address there). The images are written again
 * and the start state set again at every system reset, after the CPU
 * reset. See docs/boards/virt.md.
 */
#ifndef HW_ARM_BOOT_H
#define HW_ARM_BOOT_H

#include "qapi/error.h"
#include "exec/memory.h"

typedef struct CPUState CPUState;

/* Raw images go this far above the start of RAM. */
#define ARM_BOOT_RAW_OFFSET 0x80000ULL

typedef struct ArmBootInfo {
    const char *kernel_filename;
    const char *initrd_filename;    /* -initrd, or NULL */
    const char *kernel_cmdline;     /* -append, or NULL */
    const char *dtb_filename;       /* -dtb: replaces the board's tree */
    hwaddr ram_base;            /* guest-physical start of ram */
    uint64_t ram_size;
    MemoryRegion *ram;          /* the board's main RAM */
    CPUState *cpu;              /* the CPU that starts the image */
    /* The board's device tree (libfdt blob, fdt_totalsize bytes), or
     * NULL for a board without one. The loader adds /chosen bootargs and
     * the initrd range to a copy and places it in RAM. */
    const void *fdt;
} ArmBootInfo;

/*
 * Load info->kernel_filename into RAM, set the CPU's start state and
 * register the reset handler that does both again. Errors: "could not
 * open kernel file 'X': REASON", an ELF that is not AArch64 or whose
 * segments leave RAM, an image larger than RAM.
 */
bool arm_load_kernel(const ArmBootInfo *info, Error **errp);

#endif
