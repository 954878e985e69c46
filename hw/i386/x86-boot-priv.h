/*
 * Private to the -kernel loaders (x86-boot.c, multiboot.c): the images a
 * loader places in guest RAM below 4 GiB, kept so that a system reset
 * puts them back, and CPU 0's start state, re-applied on every reset.
 */
#ifndef HW_I386_X86_BOOT_PRIV_H
#define HW_I386_X86_BOOT_PRIV_H

#include "hw/i386/pc.h"
#include "target/i386/cpu.h"

#define X86_BOOT_GDT_SIZE   32      /* null, null, 0x10 code, 0x18 data */

typedef struct X86BootLoader {
    MachineState *ms;
    const char *kernel;         /* ms->kernel_filename */
    uint8_t *ram;               /* host pointer of guest-physical 0 */
    uint64_t ram_top;           /* end of RAM below 4 GiB */
    GArray *blobs;              /* X86BootBlob */
    X86BootState bs;
} X86BootLoader;

/* Little-endian fields of a file or a table (unaligned). */
static inline uint16_t x86_boot_ld16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t x86_boot_ld32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static inline void x86_boot_st16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static inline void x86_boot_st32(uint8_t *p, uint32_t v)
{
    p[0] = v;
    p[1] = v >> 8;
    p[2] = v >> 16;
    p[3] = v >> 24;
}

static inline void x86_boot_st64(uint8_t *p, uint64_t v)
{
    x86_boot_st32(p, (uint32_t)v);
    x86_boot_st32(p + 4, (uint32_t)(v >> 32));
}

/*
 * Place size bytes at guest-physical addr: data (size bytes) or zeros when
 * data is NULL. With take, the loader keeps data (g_malloc'ed) instead of
 * a copy. Fails when the range is not all inside RAM below 4 GiB.
 */
bool x86_boot_add_blob(X86BootLoader *ld, uint64_t addr, void *data,
                       uint64_t size, bool take, Error **errp);

/* Read a whole file of at most max bytes (checked before reading). what
 * names it in errors ("initrd", "multiboot module"). */
bool x86_boot_read_file(const char *path, const char *what, uint64_t max,
                        uint8_t **data, uint64_t *size, Error **errp);

/* The GDT a 32-bit entry needs (flat 0x10 code / 0x18 data), at addr. */
bool x86_boot_add_gdt(X86BootLoader *ld, uint64_t addr, Error **errp);

/*
 * The memory map the board gives a kernel: RAM below 640 KiB, the legacy
 * hole up to 1 MiB reserved, RAM up to below_4g and above 4 GiB. Fills up
 * to max entries of (addr, size, type); returns how many.
 */
typedef struct X86BootE820 {
    uint64_t addr, size;
    uint32_t type;
} X86BootE820;
#define X86_E820_RAM        1
#define X86_E820_RESERVED   2
int x86_boot_e820(const X86BootLoader *ld, X86BootE820 *e, int max);

/* Multiboot v1 (multiboot.c): offset of a valid header in the first
 * 8 KiB, or -1; and the loader once one was found. */
int multiboot_find_header(const uint8_t *file, uint64_t size);
bool multiboot_load(X86BootLoader *ld, const uint8_t *file, uint64_t size,
                    int hdr_off, Error **errp);

#endif
