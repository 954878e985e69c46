/*
 * -kernel on the pc board: recognise the file (bzImage, else multiboot v1)
 * and place it in guest RAM without firmware, then start CPU 0 at the
 * kernel's 32-bit entry. The bzImage part follows the x86 boot protocol
 * (Documentation/arch/x86/boot.rst); multiboot.c has the other format.
 * Images are remembered and written again on every system reset, with
 * CPU 0's start state. docs/boot-x86.md has the memory layout.
 */
#include "qemu/osdep.h"
#include "hw/i386/x86-boot.h"
#include "sysemu/runstate.h"
#include "x86-boot-priv.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

/* Where the bzImage loader puts things (guest-physical). */
#define BZ_GDT_ADDR         0x6000
#define BZ_PARAMS_ADDR      0x7000      /* boot_params, "the zero page" */
#define BZ_PARAMS_SIZE      0x1000
#define BZ_SETUP_ADDR       0x10000     /* setup sectors, up to 128 KiB */
#define BZ_CMDLINE_ADDR     0x30000
#define BZ_CMDLINE_MAX      0x6ffff     /* up to 0xa0000 */
#define BZ_KERNEL_ADDR      0x100000

/* Setup header fields (offsets in the file and in boot_params). */
#define HDR_START           0x1f1
#define HDR_SETUP_SECTS     0x1f1
#define HDR_JUMP            0x200       /* 0xeb, then the header length */
#define HDR_MAGIC           0x202       /* "HdrS" */
#define HDR_VERSION         0x206
#define HDR_TYPE_OF_LOADER  0x210
#define HDR_LOADFLAGS       0x211
#define HDR_CODE32_START    0x214
#define HDR_RAMDISK_IMAGE   0x218
#define HDR_RAMDISK_SIZE    0x21c
#define HDR_CMD_LINE_PTR    0x228
#define HDR_INITRD_ADDR_MAX 0x22c
#define HDR_RELOCATABLE     0x234
#define HDR_CMDLINE_SIZE    0x238
#define HDR_PREF_ADDRESS    0x258
#define HDR_INIT_SIZE       0x260
#define HDR_END_MAX         0x290       /* boot_params' header area ends */
#define BP_E820_ENTRIES     0x1e8
#define BP_E820_TABLE       0x2d0
#define BP_E820_MAX         128

#define LOADED_HIGH         0x01

typedef struct X86BootBlob {
    uint64_t addr, size;
    void *data;                 /* NULL: zeros */
} X86BootBlob;

static X86BootLoader x86_boot;

/* ---- Placing images ----------------------------------------------------- */

bool x86_boot_add_blob(X86BootLoader *ld, uint64_t addr, void *data,
                       uint64_t size, bool take, Error **errp)
{
    X86BootBlob b = { .addr = addr, .size = size };

    if (addr > ld->ram_top || size > ld->ram_top - addr) {
        error_setg(errp, "kernel '%s': [0x%" PRIx64 ", 0x%" PRIx64 ") is "
                   "outside RAM below 4 GiB (0x%" PRIx64 " bytes; try a "
                   "larger -m)", ld->kernel, addr, addr + size, ld->ram_top);
        if (take) {
            g_free(data);
        }
        return false;
    }
    if (data) {
        b.data = take ? data : g_memdup2(data, size);
    }
    g_array_append_val(ld->blobs, b);
    return true;
}

bool x86_boot_read_file(const char *path, const char *what, uint64_t max,
                        uint8_t **data, uint64_t *size, Error **errp)
{
    g_autoptr(GError) gerr = NULL;
    struct stat st;
    gchar *buf = NULL;
    gsize len = 0;

    if (stat(path, &st) < 0) {
        error_setg(errp, "error reading %s %s: %s", what, path,
                   g_strerror(errno));
        return false;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
        error_setg(errp, "%s is too large, cannot support.(max: %" PRIu64
                   ", need %" PRIu64 ")", what, max, (uint64_t)st.st_size);
        return false;
    }
    if (!g_file_get_contents(path, &buf, &len, &gerr)) {
        error_setg(errp, "error reading %s %s: %s", what, path,
                   gerr->message);
        return false;
    }
    if (len > max) {
        g_free(buf);
        error_setg(errp, "%s is too large, cannot support.(max: %" PRIu64
                   ", need %" PRIu64 ")", what, max, (uint64_t)len);
        return false;
    }
    *data = (uint8_t *)buf;
    *size = len;
    return true;
}

bool x86_boot_add_gdt(X86BootLoader *ld, uint64_t addr, Error **errp)
{
    uint8_t gdt[X86_BOOT_GDT_SIZE] = { 0 };

    /* Flat 4 GiB, ring 0: 0x10 execute/read code, 0x18 read/write data. */
    x86_boot_st64(gdt + 0x10, 0x00cf9b000000ffffULL);
    x86_boot_st64(gdt + 0x18, 0x00cf93000000ffffULL);
    ld->bs.gdt_base = addr;
    ld->bs.gdt_limit = X86_BOOT_GDT_SIZE - 1;
    return x86_boot_add_blob(ld, addr, gdt, sizeof(gdt), false, errp);
}

int x86_boot_e820(const X86BootLoader *ld, X86BootE820 *e, int max)
{
    PCMachineState *pcms = PC_MACHINE(ld->ms);
    X86BootE820 map[4] = {
        { 0, 0xa0000, X86_E820_RAM },
        { 0xa0000, 0x60000, X86_E820_RESERVED },
        { 0x100000, pcms->below_4g - 0x100000, X86_E820_RAM },
        { 0x100000000ULL, pcms->above_4g, X86_E820_RAM },
    };
    int n = pcms->above_4g ? 4 : 3;

    n = MIN(n, max);
    memcpy(e, map, n * sizeof(map[0]));
    return n;
}

/* Write every image into RAM and set CPU 0 going at the entry. */
static void x86_boot_apply(X86BootLoader *ld)
{
    CPUState *cpu0 = qemu_get_cpu(0);

    for (guint i = 0; i < ld->blobs->len; i++) {
        X86BootBlob *b = &g_array_index(ld->blobs, X86BootBlob, i);
        if (b->data) {
            memcpy(ld->ram + b->addr, b->data, b->size);
        } else {
            memset(ld->ram + b->addr, 0, b->size);
        }
    }
    if (cpu0) {
        x86_cpu_set_boot_state(X86_CPU(cpu0), &ld->bs);
    }
}

/* Runs after the CPU reset (registered with the first CPU, before the
 * board's handlers), so the start state survives every system reset. */
static void x86_boot_reset(void *opaque)
{
    x86_boot_apply(opaque);
}

/* ---- bzImage ------------------------------------------------------------ */

static bool bzimage_add_initrd(X86BootLoader *ld, const uint8_t *file,
                               uint8_t *params, uint16_t version, uint64_t kernel_end,
                               Error **errp)
{
    uint64_t addr_max = 0x37ffffff, top, size = 0;
    uint8_t *data = NULL;

    if (version >= 0x203) {
        addr_max = x86_boot_ld32(file + HDR_INITRD_ADDR_MAX);
    }
    top = MIN(addr_max + 1, ld->ram_top);
    if (!x86_boot_read_file(ld->ms->initrd_filename, "initrd",
                            top > kernel_end ? top - kernel_end : 0,
                            &data, &size, errp)) {
        return false;
    }
    /* At the top of what the kernel can reach, page-aligned. */
    uint64_t addr = (top - size) & ~0xfffULL;
    if (addr < kernel_end) {
        error_setg(errp, "initrd is too large, cannot support.(max: %" PRIu64
                   ", need %" PRIu64 ")", top - kernel_end, size);
        g_free(data);
        return false;
    }
    x86_boot_st32(params + HDR_RAMDISK_IMAGE, (uint32_t)addr);
    x86_boot_st32(params + HDR_RAMDISK_SIZE, (uint32_t)size);
    return x86_boot_add_blob(ld, addr, data, size, true, errp);
}

static bool bzimage_add_cmdline(X86BootLoader *ld, const uint8_t *file,
                                uint8_t *params, uint16_t version, Error **errp)
{
    const char *cmdline = ld->ms->kernel_cmdline ? ld->ms->kernel_cmdline
                                                 : "";
    uint64_t max = version >= 0x206
                   ? x86_boot_ld32(file + HDR_CMDLINE_SIZE) : 255;
    size_t len = strlen(cmdline);

    max = MIN(max, BZ_CMDLINE_MAX);
    if (len > max) {
        error_setg(errp, "kernel command line too long for '%s' (%zu "
                   "bytes, its cmdline_size is %" PRIu64 ")", ld->kernel, len,
                   max);
        return false;
    }
    x86_boot_st32(params + HDR_CMD_LINE_PTR, BZ_CMDLINE_ADDR);
    return x86_boot_add_blob(ld, BZ_CMDLINE_ADDR, (void *)cmdline, len + 1,
                             false, errp);
}

static void bzimage_fill_e820(X86BootLoader *ld, uint8_t *params)
{
    X86BootE820 e[BP_E820_MAX];
    int n = x86_boot_e820(ld, e, BP_E820_MAX);

    params[BP_E820_ENTRIES] = n;
    for (int i = 0; i < n; i++) {
        uint8_t *p = params + BP_E820_TABLE + 20 * i;
        x86_boot_st64(p, e[i].addr);
        x86_boot_st64(p + 8, e[i].size);
        x86_boot_st32(p + 16, e[i].type);
    }
}

/* Where the protected-mode kernel goes: 1 MiB, or its preferred address
 * when it is relocatable and that fits in RAM. */
static uint64_t bzimage_load_addr(X86BootLoader *ld, const uint8_t *file,
                                  uint16_t version, uint64_t need)
{
    uint64_t pref;

    if (version < 0x20a || !file[HDR_RELOCATABLE]) {
        return BZ_KERNEL_ADDR;
    }
    pref = (uint64_t)x86_boot_ld32(file + HDR_PREF_ADDRESS) |
           (uint64_t)x86_boot_ld32(file + HDR_PREF_ADDRESS + 4) << 32;
    if (pref < BZ_KERNEL_ADDR || pref & 0xfff || pref > ld->ram_top ||
        need > ld->ram_top - pref) {
        return BZ_KERNEL_ADDR;
    }
    return pref;
}

static bool bzimage_load(X86BootLoader *ld, const uint8_t *file,
                         uint64_t size, Error **errp)
{
    unsigned setup_sects = file[HDR_SETUP_SECTS] ? file[HDR_SETUP_SECTS] : 4;
    uint64_t setup_size = (setup_sects + 1) * 512ULL;
    uint16_t version = x86_boot_ld16(file + HDR_VERSION);
    uint8_t params[BZ_PARAMS_SIZE] = { 0 };
    uint64_t pm_size, need, load, hdr_end;

    if (size <= setup_size) {
        error_setg(errp, "kernel file '%s' is truncated: %" PRIu64 " bytes, "
                   "but its setup header announces %" PRIu64 " bytes of "
                   "setup and a kernel after them", ld->kernel, size,
                   setup_size);
        return false;
    }
    if (version < 0x202) {
        error_setg(errp, "kernel file '%s': boot protocol %u.%02u is too old "
                   "(protocol too old: 2.02 or later needed)", ld->kernel,
                   version >> 8, version & 0xff);
        return false;
    }
    if (!(file[HDR_LOADFLAGS] & LOADED_HIGH)) {
        error_setg(errp, "kernel file '%s' is a zImage (not loaded high): "
                   "only bzImage kernels are supported", ld->kernel);
        return false;
    }
    pm_size = size - setup_size;
    need = pm_size;
    if (version >= 0x20a) {
        need = MAX(need, x86_boot_ld32(file + HDR_INIT_SIZE));
    }
    if (need > ld->ram_top || BZ_KERNEL_ADDR > ld->ram_top - need) {
        error_setg(errp, "kernel '%s' needs %" PRIu64 " bytes from 1 MiB: "
                   "more than the RAM below 4 GiB (try a larger -m)",
                   ld->kernel, need);
        return false;
    }
    load = bzimage_load_addr(ld, file, version, need);

    /* boot_params: the file's setup header, then what the loader adds. */
    /* The header's length is in its leading short jump; without one,
     * copy the whole area (the rest is padding in boot_params). */
    hdr_end = HDR_END_MAX;
    if (file[HDR_JUMP] == 0xeb) {
        hdr_end = MIN(HDR_MAGIC + file[HDR_JUMP + 1], HDR_END_MAX);
    }
    memcpy(params + HDR_START, file + HDR_START, hdr_end - HDR_START);
    params[HDR_TYPE_OF_LOADER] = 0xff;
    x86_boot_st32(params + HDR_CODE32_START, (uint32_t)load);
    bzimage_fill_e820(ld, params);
    if (!bzimage_add_cmdline(ld, file, params, version, errp)) {
        return false;
    }
    if (ld->ms->initrd_filename &&
        !bzimage_add_initrd(ld, file, params, version, load + need, errp)) {
        return false;
    }
    if (!x86_boot_add_gdt(ld, BZ_GDT_ADDR, errp) ||
        !x86_boot_add_blob(ld, BZ_SETUP_ADDR, (void *)file, setup_size,
                           false, errp) ||
        !x86_boot_add_blob(ld, BZ_PARAMS_ADDR, params, sizeof(params), false,
                           errp) ||
        !x86_boot_add_blob(ld, load, (void *)(file + setup_size), pm_size,
                           false, errp)) {
        return false;
    }
    ld->bs.mode = X86_BOOT_PROTECTED32;
    ld->bs.rip = load;
    ld->bs.regs[R_ESI] = BZ_PARAMS_ADDR;
    return true;
}

/* ---- Dispatch ----------------------------------------------------------- */

static bool x86_is_bzimage(const uint8_t *file, uint64_t size)
{
    return size >= HDR_MAGIC + 4 && !memcmp(file + HDR_MAGIC, "HdrS", 4);
}

static bool x86_boot_load_file(X86BootLoader *ld, Error **errp)
{
    g_autoptr(GError) gerr = NULL;
    g_autofree gchar *file = NULL;
    gsize size = 0;
    int fd, mb;

    fd = open(ld->kernel, O_RDONLY);
    if (fd < 0) {
        error_setg(errp, "could not open kernel file '%s': %s", ld->kernel,
                   g_strerror(errno));
        return false;
    }
    close(fd);
    if (!g_file_get_contents(ld->kernel, &file, &size, &gerr)) {
        error_setg(errp, "could not open kernel file '%s': %s", ld->kernel,
                   gerr->message);
        return false;
    }
    if (x86_is_bzimage((uint8_t *)file, size)) {
        return bzimage_load(ld, (uint8_t *)file, size, errp);
    }
    mb = multiboot_find_header((uint8_t *)file, size);
    if (mb >= 0) {
        return multiboot_load(ld, (uint8_t *)file, size, mb, errp);
    }
    error_setg(errp, "kernel file '%s' is not a bzImage or multiboot kernel "
               "(no \"HdrS\" setup header, no multiboot header in its first "
               "8 KiB)", ld->kernel);
    return false;
}

bool x86_load_kernel(PCMachineState *pcms, MachineState *ms, Error **errp)
{
    X86BootLoader *ld = &x86_boot;

    g_assert(!ld->blobs);
    ld->ms = ms;
    ld->kernel = ms->kernel_filename;
    ld->ram = memory_region_get_ram_ptr(ms->ram);
    ld->ram_top = pcms->below_4g;
    ld->blobs = g_array_new(FALSE, FALSE, sizeof(X86BootBlob));
    g_assert(ld->ram);
    if (!x86_boot_load_file(ld, errp)) {
        return false;
    }
    x86_boot_apply(ld);
    qemu_register_reset(x86_boot_reset, ld);
    return true;
}
