/*
 * -kernel for aarch64 boards: ELF64 or raw images straight into RAM, the
 * CPU started at the entry point (include/hw/arm/boot.h). Every field of
 * the file is range checked before it is used: the file is untrusted.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "hw/arm/boot.h"
#include "hw/core/cpu.h"
#include "sysemu/cpus.h"
#include "sysemu/runstate.h"
#include "exec/tcg-lite.h"
#include "target/arm/cpu.h"

/* ELF64 (System V gABI), just the fields used here. */
#define ELF_EHDR_SIZE   64
#define ELF_PHDR_SIZE   56
#define ELFCLASS64      2
#define ELFDATA2LSB     1
#define EM_AARCH64      183
#define PT_LOAD         1
/* Enough for any real program; keeps a hostile header cheap. */
#define ARM_BOOT_MAX_PHDRS 256

/* One piece of RAM content: copied at load and at every reset. */
typedef struct ArmBootBlob {
    uint64_t offset;            /* from the start of RAM */
    uint64_t memsz;             /* bytes written; past filesz: zeros */
    uint64_t filesz;
    const uint8_t *data;        /* inside the image */
} ArmBootBlob;

typedef struct ArmBootLoader {
    ArmBootInfo info;
    uint8_t *image;
    gsize image_len;
    GArray *blobs;              /* ArmBootBlob */
    uint64_t entry;
} ArmBootLoader;

static uint64_t rd64(const uint8_t *p)
{
    uint64_t v;

    memcpy(&v, p, 8);
    return GUINT64_FROM_LE(v);
}

static uint32_t rd32(const uint8_t *p)
{
    uint32_t v;

    memcpy(&v, p, 4);
    return GUINT32_FROM_LE(v);
}

static uint16_t rd16(const uint8_t *p)
{
    uint16_t v;

    memcpy(&v, p, 2);
    return GUINT16_FROM_LE(v);
}

static bool arm_boot_read_file(ArmBootLoader *ld, Error **errp)
{
    const char *name = ld->info.kernel_filename;
    FILE *f = fopen(name, "rb");
    struct stat st;
    size_t got;

    if (!f) {
        error_setg(errp, "could not open kernel file '%s': %s", name,
                   strerror(errno));
        return false;
    }
    errno = 0;
    if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
        error_setg(errp, "could not open kernel file '%s': %s", name,
                   errno ? strerror(errno) : "not a regular file");
        fclose(f);
        return false;
    }
    ld->image_len = st.st_size;
    ld->image = g_malloc(ld->image_len ? ld->image_len : 1);
    got = fread(ld->image, 1, ld->image_len, f);
    fclose(f);
    if (got != ld->image_len) {
        error_setg(errp, "could not read kernel file '%s'", name);
        return false;
    }
    return true;
}

/* [addr, addr + size) inside RAM: its offset in *off. */
static bool arm_boot_in_ram(ArmBootLoader *ld, uint64_t addr, uint64_t size,
                            uint64_t *off)
{
    uint64_t ram_size = memory_region_size(ld->info.ram);

    if (addr < ld->info.ram_base) {
        return false;
    }
    *off = addr - ld->info.ram_base;
    return *off <= ram_size && size <= ram_size - *off;
}

static bool arm_boot_add_phdr(ArmBootLoader *ld, const uint8_t *ph,
                              Error **errp)
{
    uint64_t offset = rd64(ph + 8), paddr = rd64(ph + 24);
    uint64_t filesz = rd64(ph + 32), memsz = rd64(ph + 40);
    ArmBootBlob b;

    if (rd32(ph) != PT_LOAD || memsz == 0) {
        return true;
    }
    if (filesz > memsz || offset > ld->image_len ||
        filesz > ld->image_len - offset) {
        error_setg(errp, "kernel file '%s': ELF segment at 0x%" PRIx64
                   " lies outside the file", ld->info.kernel_filename,
                   paddr);
        return false;
    }
    if (!arm_boot_in_ram(ld, paddr, memsz, &b.offset)) {
        error_setg(errp, "kernel file '%s': ELF segment 0x%" PRIx64
                   "-0x%" PRIx64 " is not in RAM (0x%" PRIx64 "-0x%" PRIx64
                   ")", ld->info.kernel_filename, paddr,
                   paddr + memsz - 1, (uint64_t)ld->info.ram_base,
                   (uint64_t)(ld->info.ram_base +
                              memory_region_size(ld->info.ram) - 1));
        return false;
    }
    b.memsz = memsz;
    b.filesz = filesz;
    b.data = ld->image + offset;
    g_array_append_val(ld->blobs, b);
    return true;
}

static bool arm_boot_parse_elf(ArmBootLoader *ld, Error **errp)
{
    const uint8_t *eh = ld->image;
    uint64_t phoff;
    unsigned phentsize, phnum;

    if (ld->image_len < ELF_EHDR_SIZE || eh[4] != ELFCLASS64 ||
        eh[5] != ELFDATA2LSB || rd16(eh + 18) != EM_AARCH64) {
        error_setg(errp, "kernel file '%s': not a 64-bit little-endian "
                   "AArch64 ELF file", ld->info.kernel_filename);
        return false;
    }
    phoff = rd64(eh + 32);
    phentsize = rd16(eh + 54);
    phnum = rd16(eh + 56);
    if (phentsize < ELF_PHDR_SIZE || phnum == 0 ||
        phnum > ARM_BOOT_MAX_PHDRS || phoff > ld->image_len ||
        (uint64_t)phentsize * phnum > ld->image_len - phoff) {
        error_setg(errp, "kernel file '%s': bad ELF program headers",
                   ld->info.kernel_filename);
        return false;
    }
    for (unsigned i = 0; i < phnum; i++) {
        if (!arm_boot_add_phdr(ld, eh + phoff + (uint64_t)i * phentsize,
                               errp)) {
            return false;
        }
    }
    if (ld->blobs->len == 0) {
        error_setg(errp, "kernel file '%s': ELF file has nothing to load",
                   ld->info.kernel_filename);
        return false;
    }
    ld->entry = rd64(eh + 24);
    return true;
}

static bool arm_boot_parse_raw(ArmBootLoader *ld, Error **errp)
{
    ArmBootBlob b = {
        .memsz = ld->image_len, .filesz = ld->image_len, .data = ld->image,
    };

    if (!arm_boot_in_ram(ld, ld->info.ram_base + ARM_BOOT_RAW_OFFSET,
                         ld->image_len, &b.offset)) {
        error_setg(errp, "kernel file '%s' (%zu bytes) does not fit in RAM "
                   "above 0x%" PRIx64, ld->info.kernel_filename,
                   (size_t)ld->image_len,
                   (uint64_t)(ld->info.ram_base + ARM_BOOT_RAW_OFFSET));
        return false;
    }
    g_array_append_val(ld->blobs, b);
    ld->entry = ld->info.ram_base + ARM_BOOT_RAW_OFFSET;
    return true;
}

/* Images into RAM, CPU at the entry. After the CPU reset. */
static void arm_boot_apply(ArmBootLoader *ld)
{
    uint8_t *ram = memory_region_get_ram_ptr(ld->info.ram);
    CPUARMState *env = cpu_env(ld->info.cpu);

    for (guint i = 0; i < ld->blobs->len; i++) {
        ArmBootBlob *b = &g_array_index(ld->blobs, ArmBootBlob, i);

        memcpy(ram + b->offset, b->data, b->filesz);
        memset(ram + b->offset + b->filesz, 0, b->memsz - b->filesz);
        /* Code translated from the old contents must go. */
        tcg_lite_notify_write(ld->info.ram_base + b->offset, b->memsz);
    }
    /* Reset state is EL1h, MMU off, DAIF masked; the boot protocol adds
     * x0-x3 = 0 (x0 would be the DTB, which does not exist yet). */
    for (int i = 0; i < 4; i++) {
        env->xregs[i] = 0;
    }
    env->pc = ld->entry;
    cpu_state_changed(ld->info.cpu);
}

static void arm_boot_reset(void *opaque)
{
    arm_boot_apply(opaque);
}

static void arm_boot_free(ArmBootLoader *ld)
{
    g_array_free(ld->blobs, TRUE);
    g_free(ld->image);
    g_free(ld);
}

bool arm_load_kernel(const ArmBootInfo *info, Error **errp)
{
    static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };
    ArmBootLoader *ld = g_new0(ArmBootLoader, 1);
    bool ok;

    g_assert(info->ram && info->cpu && info->kernel_filename);
    ld->info = *info;
    ld->blobs = g_array_new(FALSE, FALSE, sizeof(ArmBootBlob));
    ok = arm_boot_read_file(ld, errp);
    if (ok) {
        ok = ld->image_len >= 4 && !memcmp(ld->image, elf_magic, 4)
             ? arm_boot_parse_elf(ld, errp) : arm_boot_parse_raw(ld, errp);
    }
    if (!ok) {
        arm_boot_free(ld);
        return false;
    }
    arm_boot_apply(ld);
    /* The loader lives as long as the machine: every reset needs it. */
    qemu_register_reset(arm_boot_reset, ld);
    return true;
}
