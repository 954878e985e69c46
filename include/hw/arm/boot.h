/*
 * -kernel for aarch64 boards, as QEMU 7.2's virt does it without firmware.
 *
 *   ELF (64-bit, little endian, EM_AARCH64): each PT_LOAD segment is
 *       copied to its physical address (p_paddr), which must lie inside
 *       RAM; the bytes between p_filesz and p_memsz are zeroed; the CPU
 *       starts at e_entry with x0 = 0. The device tree goes at the start
 *       of RAM if it fits below the program; -initrd is ignored.
 *   arm64 Image (Linux's booting.rst header, "ARM\x64" at 0x38): at RAM
 *       base + text_offset (+ 2 MiB when text_offset < 4 KiB; + 0x80000
 *       when image_size is 0).
 *   gzip'd Image (1f 8b): inflated with zlib (at most RAM size), then as
 *       above.
 *   anything else: a raw image at RAM base + 0x80000.
 *
 * Image and raw are Linux: the initrd goes at RAM base + min(RAM/2,
 * 128 MiB) (or after the kernel's image_size if higher), the device tree
 * at the next 2 MiB boundary after it, with /chosen bootargs (-append)
 * and linux,initrd-start/end; x0 = the tree. The tree is the board's
 * (info->fdt) or the -dtb file's, copied and patched; the board's stays
 * as it was.
 *
 * CPU 0 starts at EL1h with the MMU off and DAIF masked (its reset
 * state), x1-x3 = 0. The images are written again and the start state set
 * again at every system reset, after the CPU reset. See
 * docs/boards/virt-boot.md.
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
 * register the reset handler that does both again. info->ram_size 0
 * means the size of info->ram. Errors (one line each): "could not open
 * kernel file 'X': REASON", an ELF that is not AArch64 or whose segments
 * leave RAM, "kernel 'X' is too large to fit in RAM (...)", a gzip'd
 * kernel that does not inflate, "could not load initrd 'X': REASON",
 * "Couldn't open dtb file X: REASON" (missing or not a valid tree), no
 * room for the tree after the initrd.
 */
bool arm_load_kernel(const ArmBootInfo *info, Error **errp);

/*
 * The device tree the last successful arm_load_kernel placed in RAM, with
 * /chosen filled in (what QEMU's -M virt,dumpdtb= writes when there is a
 * -kernel), and its size; NULL if it placed none.
 */
const void *arm_boot_loaded_dtb(uint32_t *size);

#endif
