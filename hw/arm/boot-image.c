/*
 * -kernel for aarch64 boards, the planning half (hw/arm/boot-image.h):
 * which kind of image, where it and the initrd and device tree go, what
 * /chosen says. Every field of every file is range checked before it is
 * used: the files are untrusted.
 *
 *   ELF64 AArch64: PT_LOAD segments at p_paddr, entry e_entry, x0 = 0;
 *       the tree goes at the start of RAM if it fits below the program.
 *   arm64 Image (Linux's Documentation/arch/arm64/booting.rst: "ARM\x64"
 *       at 0x38, text_offset at 0x08, image_size at 0x10): at RAM base +
 *       text_offset, or + 2 MiB + text_offset when text_offset is under
 *       4 KiB, or + 0x80000 when image_size is 0 (pre-3.17 kernels). That
 *       is where QEMU 7.2 puts it.
 *   gzip (1f 8b): inflated (at most RAM size), then an Image or raw.
 *   anything else: raw, at RAM base + 0x80000.
 * For Image and raw: the initrd at RAM base + min(RAM/2, 128 MiB), or
 * right after the kernel's image_size if that is higher; the tree at the
 * next 2 MiB boundary after the initrd; x0 = the tree.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include <libfdt.h>
#include <zlib.h>
#include "hw/arm/boot-image.h"

/* ELF64 (System V gABI), just the fields used here. */
#define ELF_EHDR_SIZE   64
#define ELF_PHDR_SIZE   56
#define ELFCLASS64      2
#define ELFDATA2LSB     1
#define EM_AARCH64      183
#define PT_LOAD         1
/* Enough for any real program; keeps a hostile header cheap. */
#define ARM_BOOT_MAX_PHDRS 256

/* The arm64 Image header. */
#define ARM64_HDR_SIZE          64
#define ARM64_HDR_TEXT_OFFSET   0x08
#define ARM64_HDR_IMAGE_SIZE    0x10
#define ARM64_HDR_MAGIC         0x38
/* Offsets below this would collide with QEMU's boot stub: moved up. */
#define ARM64_MIN_TEXT_OFFSET   4096

/* Room for the /chosen properties added to a tree. */
#define ARM_BOOT_FDT_SLACK 4096

typedef struct ArmBootLoad {
    const ArmBootInfo *info;
    ArmBootPlan *plan;
    uint8_t *image;             /* the kernel, inflated if it was gzip'd */
    size_t image_len;
    uint64_t kernel_end;        /* offset in RAM past the kernel */
    uint64_t elf_low;           /* lowest ELF segment offset in RAM */
} ArmBootLoad;

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

/* The plan keeps every buffer its blobs point into. */
static uint8_t *arm_boot_keep(ArmBootPlan *plan, uint8_t *buf)
{
    g_ptr_array_add(plan->buffers, buf);
    return buf;
}

static void arm_boot_add_blob(ArmBootPlan *plan, uint64_t offset,
                              const uint8_t *data, uint64_t filesz,
                              uint64_t memsz)
{
    ArmBootBlob b = {
        .offset = offset, .memsz = memsz, .filesz = filesz, .data = data,
    };

    g_array_append_val(plan->blobs, b);
}

/* The whole of a regular file; NULL with *reason set (strerror text). */
static uint8_t *arm_boot_read(const char *name, size_t *len,
                              const char **reason)
{
    FILE *f = fopen(name, "rb");
    struct stat st;
    uint8_t *buf;

    if (!f) {
        *reason = strerror(errno);
        return NULL;
    }
    errno = 0;
    if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
        *reason = errno ? strerror(errno) : "not a regular file";
        fclose(f);
        return NULL;
    }
    *len = st.st_size;
    buf = g_malloc(*len ? *len : 1);
    if (fread(buf, 1, *len, f) != *len) {
        *reason = "read error";
        g_free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

static bool arm_boot_read_kernel(ArmBootLoad *ld, Error **errp)
{
    const char *reason = NULL;

    ld->image = arm_boot_read(ld->info->kernel_filename, &ld->image_len,
                              &reason);
    if (!ld->image) {
        error_setg(errp, "could not open kernel file '%s': %s",
                   ld->info->kernel_filename, reason);
        return false;
    }
    arm_boot_keep(ld->plan, ld->image);
    return true;
}

static void arm_boot_error_too_large(ArmBootLoad *ld, uint64_t size,
                                     Error **errp)
{
    error_setg(errp, "kernel '%s' is too large to fit in RAM (kernel size "
               "%" PRIu64 ", RAM size %" PRIu64 ")",
               ld->info->kernel_filename, size, ld->info->ram_size);
}

/*
 * Inflate a gzip'd kernel into a buffer that grows up to the RAM size:
 * a stream that is cut short or corrupt, or that would not fit, is an
 * error rather than a half-loaded kernel.
 */
static bool arm_boot_gunzip(ArmBootLoad *ld, Error **errp)
{
    uint64_t limit = ld->info->ram_size;
    size_t cap = MIN(MAX(ld->image_len * 4, 1 * MiB), limit + 1);
    uint8_t *out = g_malloc(cap);
    z_stream zs = { 0 };
    int ret;

    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        g_free(out);
        error_setg(errp, "kernel file '%s': zlib initialisation failed",
                   ld->info->kernel_filename);
        return false;
    }
    zs.next_in = ld->image;
    zs.avail_in = MIN(ld->image_len, UINT_MAX);
    do {
        if (zs.total_out == cap) {
            if (cap > limit) {
                break;          /* one byte more than RAM: too large */
            }
            cap = MIN((uint64_t)cap * 2, limit + 1);
            out = g_realloc(out, cap);
        }
        zs.next_out = out + zs.total_out;
        zs.avail_out = MIN(cap - zs.total_out, UINT_MAX);
        ret = inflate(&zs, Z_NO_FLUSH);
    } while (ret == Z_OK);
    inflateEnd(&zs);

    if (zs.total_out > limit) {
        g_free(out);
        error_setg(errp, "kernel '%s' is too large to fit in RAM (it "
                   "inflates to more than the RAM size, %" PRIu64 ")",
                   ld->info->kernel_filename, limit);
        return false;
    }
    if (ret != Z_STREAM_END) {
        g_free(out);
        error_setg(errp, "kernel file '%s': unable to decompress gzipped "
                   "kernel file (%s)", ld->info->kernel_filename,
                   ret == Z_BUF_ERROR ? "truncated data"
                   : zs.msg ? zs.msg : "corrupt data");
        return false;
    }
    ld->image = arm_boot_keep(ld->plan, out);
    ld->image_len = zs.total_out;
    return true;
}

/* [offset, offset + size) inside RAM. */
static bool arm_boot_fits(const ArmBootInfo *info, uint64_t offset,
                          uint64_t size)
{
    return offset <= info->ram_size && size <= info->ram_size - offset;
}

static bool arm_boot_add_phdr(ArmBootLoad *ld, const uint8_t *ph,
                              Error **errp)
{
    const ArmBootInfo *info = ld->info;
    uint64_t offset = rd64(ph + 8), paddr = rd64(ph + 24);
    uint64_t filesz = rd64(ph + 32), memsz = rd64(ph + 40);
    uint64_t ram_off = paddr - info->ram_base;

    if (rd32(ph) != PT_LOAD || memsz == 0) {
        return true;
    }
    if (filesz > memsz || offset > ld->image_len ||
        filesz > ld->image_len - offset) {
        error_setg(errp, "kernel file '%s': ELF segment at 0x%" PRIx64
                   " lies outside the file", info->kernel_filename, paddr);
        return false;
    }
    if (paddr < info->ram_base || !arm_boot_fits(info, ram_off, memsz)) {
        error_setg(errp, "kernel file '%s': ELF segment 0x%" PRIx64
                   "-0x%" PRIx64 " is not in RAM (0x%" PRIx64 "-0x%" PRIx64
                   ")", info->kernel_filename, paddr, paddr + memsz - 1,
                   (uint64_t)info->ram_base,
                   (uint64_t)(info->ram_base + info->ram_size - 1));
        return false;
    }
    arm_boot_add_blob(ld->plan, ram_off, ld->image + offset, filesz, memsz);
    ld->elf_low = MIN(ld->elf_low, ram_off);
    return true;
}

static bool arm_boot_parse_elf(ArmBootLoad *ld, Error **errp)
{
    const uint8_t *eh = ld->image;
    uint64_t phoff;
    unsigned phentsize, phnum;

    if (ld->image_len < ELF_EHDR_SIZE || eh[4] != ELFCLASS64 ||
        eh[5] != ELFDATA2LSB || rd16(eh + 18) != EM_AARCH64) {
        error_setg(errp, "kernel file '%s': not a 64-bit little-endian "
                   "AArch64 ELF file", ld->info->kernel_filename);
        return false;
    }
    phoff = rd64(eh + 32);
    phentsize = rd16(eh + 54);
    phnum = rd16(eh + 56);
    if (phentsize < ELF_PHDR_SIZE || phnum == 0 ||
        phnum > ARM_BOOT_MAX_PHDRS || phoff > ld->image_len ||
        (uint64_t)phentsize * phnum > ld->image_len - phoff) {
        error_setg(errp, "kernel file '%s': bad ELF program headers",
                   ld->info->kernel_filename);
        return false;
    }
    ld->elf_low = UINT64_MAX;
    for (unsigned i = 0; i < phnum; i++) {
        if (!arm_boot_add_phdr(ld, eh + phoff + (uint64_t)i * phentsize,
                               errp)) {
            return false;
        }
    }
    if (ld->plan->blobs->len == 0) {
        error_setg(errp, "kernel file '%s': ELF file has nothing to load",
                   ld->info->kernel_filename);
        return false;
    }
    ld->plan->kind = ARM_BOOT_ELF;
    ld->plan->entry = rd64(eh + 24);
    return true;
}

static bool arm_boot_is_image(const uint8_t *p, size_t len)
{
    static const uint8_t magic[4] = { 'A', 'R', 'M', 0x64 };

    return len >= ARM64_HDR_SIZE &&
           !memcmp(p + ARM64_HDR_MAGIC, magic, sizeof(magic));
}

/* Image or raw: one blob at offset, image_size bytes (0: the file). */
static bool arm_boot_place_kernel(ArmBootLoad *ld, uint64_t offset,
                                  uint64_t image_size, Error **errp)
{
    uint64_t memsz = MAX(image_size, ld->image_len);

    if (!arm_boot_fits(ld->info, offset, ld->image_len)) {
        arm_boot_error_too_large(ld, ld->image_len, errp);
        return false;
    }
    if (!arm_boot_fits(ld->info, offset, memsz)) {
        error_setg(errp, "kernel '%s' is too large to fit in RAM (its "
                   "header asks for %" PRIu64 " bytes at 0x%" PRIx64
                   ", RAM ends at 0x%" PRIx64 ")", ld->info->kernel_filename,
                   image_size, (uint64_t)(ld->info->ram_base + offset),
                   (uint64_t)(ld->info->ram_base + ld->info->ram_size));
        return false;
    }
    /* Only the file is copied: the kernel clears its own BSS. */
    arm_boot_add_blob(ld->plan, offset, ld->image, ld->image_len,
                      ld->image_len);
    ld->plan->kernel_addr = ld->info->ram_base + offset;
    ld->plan->entry = ld->plan->kernel_addr;
    ld->kernel_end = offset + memsz;
    return true;
}

static bool arm_boot_parse_image(ArmBootLoad *ld, Error **errp)
{
    uint64_t text_offset = rd64(ld->image + ARM64_HDR_TEXT_OFFSET);
    uint64_t image_size = rd64(ld->image + ARM64_HDR_IMAGE_SIZE);
    uint64_t offset = ARM_BOOT_RAW_OFFSET;

    if (image_size != 0) {
        offset = text_offset;
        if (offset < ARM64_MIN_TEXT_OFFSET) {
            offset += ARM_BOOT_IMAGE_BASE_OFFSET;
        }
    }
    ld->plan->kind = ARM_BOOT_IMAGE;
    return arm_boot_place_kernel(ld, offset, image_size, errp);
}

static bool arm_boot_parse_kernel(ArmBootLoad *ld, Error **errp)
{
    static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

    if (ld->image_len >= 4 && !memcmp(ld->image, elf_magic, 4)) {
        return arm_boot_parse_elf(ld, errp);
    }
    if (ld->image_len >= 2 && ld->image[0] == 0x1f && ld->image[1] == 0x8b &&
        !arm_boot_gunzip(ld, errp)) {
        return false;
    }
    if (arm_boot_is_image(ld->image, ld->image_len)) {
        return arm_boot_parse_image(ld, errp);
    }
    ld->plan->kind = ARM_BOOT_RAW;
    return arm_boot_place_kernel(ld, ARM_BOOT_RAW_OFFSET, 0, errp);
}

static bool arm_boot_load_initrd(ArmBootLoad *ld, Error **errp)
{
    const ArmBootInfo *info = ld->info;
    uint64_t offset = MIN(info->ram_size / 2, ARM_BOOT_INITRD_OFFSET_MAX);
    const char *reason = NULL;
    uint8_t *data;
    size_t len;

    offset = MAX(offset, ld->kernel_end);
    data = arm_boot_read(info->initrd_filename, &len, &reason);
    if (!data) {
        error_setg(errp, "could not load initrd '%s': %s",
                   info->initrd_filename, reason);
        return false;
    }
    arm_boot_keep(ld->plan, data);
    if (!arm_boot_fits(info, offset, len)) {
        error_setg(errp, "could not load initrd '%s': %zu bytes do not fit "
                   "in RAM at 0x%" PRIx64, info->initrd_filename, len,
                   (uint64_t)(info->ram_base + offset));
        return false;
    }
    arm_boot_add_blob(ld->plan, offset, data, len, len);
    ld->plan->initrd_start = info->ram_base + offset;
    ld->plan->initrd_end = ld->plan->initrd_start + len;
    return true;
}

/* The user's -dtb, checked to be a flattened device tree. */
static uint8_t *arm_boot_read_dtb(const char *name, size_t *len,
                                  Error **errp)
{
    const char *reason = NULL;
    uint8_t *dtb = arm_boot_read(name, len, &reason);
    int err;

    if (!dtb) {
        error_setg(errp, "Couldn't open dtb file %s: %s", name, reason);
        return NULL;
    }
    err = *len >= sizeof(struct fdt_header) ? fdt_check_header(dtb)
                                            : -FDT_ERR_TRUNCATED;
    if (!err && fdt_totalsize(dtb) > *len) {
        err = -FDT_ERR_TRUNCATED;
    }
    if (err) {
        error_setg(errp, "Couldn't open dtb file %s: not a valid device "
                   "tree (%s)", name, fdt_strerror(err));
        g_free(dtb);
        return NULL;
    }
    return dtb;
}

/* An address cell for /chosen: one cell as QEMU writes it, two above
 * 4 GiB (Linux reads either). */
static int arm_boot_setprop_addr(void *fdt, int node, const char *name,
                                 uint64_t addr)
{
    if (addr <= UINT32_MAX) {
        return fdt_setprop_u32(fdt, node, name, addr);
    }
    return fdt_setprop_u64(fdt, node, name, addr);
}

static int arm_boot_patch_chosen(const ArmBootInfo *info,
                                 const ArmBootPlan *plan, void *fdt)
{
    int node = fdt_path_offset(fdt, "/chosen");
    int err = 0;

    if (node == -FDT_ERR_NOTFOUND) {
        node = fdt_add_subnode(fdt, 0, "chosen");
    }
    if (node < 0) {
        return node;
    }
    if (info->kernel_cmdline && *info->kernel_cmdline) {
        err = fdt_setprop_string(fdt, node, "bootargs", info->kernel_cmdline);
    }
    if (!err && plan->initrd_end) {
        err = arm_boot_setprop_addr(fdt, node, "linux,initrd-start",
                                    plan->initrd_start);
        if (!err) {
            err = arm_boot_setprop_addr(fdt, node, "linux,initrd-end",
                                        plan->initrd_end);
        }
    }
    return err;
}

/* Copy of the board's (or the user's) tree with /chosen filled in. */
static bool arm_boot_make_dtb(ArmBootLoad *ld, Error **errp)
{
    const ArmBootInfo *info = ld->info;
    g_autofree uint8_t *user = NULL;
    const void *src = info->fdt;
    size_t len = 0, size;
    uint8_t *fdt;
    int err;

    if (info->dtb_filename) {
        user = arm_boot_read_dtb(info->dtb_filename, &len, errp);
        if (!user) {
            return false;
        }
        src = user;
    }
    if (!src) {
        return true;            /* a board without a tree */
    }
    size = fdt_totalsize(src) + ARM_BOOT_FDT_SLACK +
           (info->kernel_cmdline ? strlen(info->kernel_cmdline) : 0);
    fdt = arm_boot_keep(ld->plan, g_malloc0(size));
    err = fdt_open_into(src, fdt, size);
    if (!err) {
        err = arm_boot_patch_chosen(info, ld->plan, fdt);
    }
    if (!err) {
        err = fdt_pack(fdt);
    }
    if (err) {
        error_setg(errp, "cannot set /chosen in the device tree: %s",
                   fdt_strerror(err));
        return false;
    }
    ld->plan->dtb = fdt;
    ld->plan->dtb_size = fdt_totalsize(fdt);
    return true;
}

/* Linux: after the initrd (or where it would be). An ELF: at the start of
 * RAM if the tree fits below the program, else nowhere (as QEMU). */
static bool arm_boot_place_dtb(ArmBootLoad *ld, Error **errp)
{
    const ArmBootInfo *info = ld->info;
    ArmBootPlan *plan = ld->plan;
    uint64_t offset;

    if (!plan->dtb) {
        return true;
    }
    if (plan->kind == ARM_BOOT_ELF) {
        if (ld->elf_low < plan->dtb_size) {
            return true;
        }
        offset = 0;
    } else {
        uint64_t after = plan->initrd_end
            ? plan->initrd_end - info->ram_base
            : MAX(MIN(info->ram_size / 2, ARM_BOOT_INITRD_OFFSET_MAX),
                  ld->kernel_end);

        offset = QEMU_ALIGN_UP(after, ARM_BOOT_DTB_ALIGN);
        if (!arm_boot_fits(info, offset, plan->dtb_size)) {
            error_setg(errp, "Not enough space for DTB after kernel/initrd "
                       "(RAM ends at 0x%" PRIx64 ")",
                       (uint64_t)(info->ram_base + info->ram_size));
            return false;
        }
        plan->x0 = info->ram_base + offset;
    }
    plan->dtb_addr = info->ram_base + offset;
    arm_boot_add_blob(plan, offset, plan->dtb, plan->dtb_size,
                      plan->dtb_size);
    return true;
}

void arm_boot_plan_free(ArmBootPlan *plan)
{
    if (plan) {
        g_array_free(plan->blobs, TRUE);
        g_ptr_array_free(plan->buffers, TRUE);
        g_free(plan);
    }
}

ArmBootPlan *arm_boot_plan_new(const ArmBootInfo *info, Error **errp)
{
    ArmBootPlan *plan = g_new0(ArmBootPlan, 1);
    ArmBootLoad ld = { .info = info, .plan = plan };
    bool ok;

    g_assert(info->kernel_filename && info->ram_size);
    plan->blobs = g_array_new(FALSE, FALSE, sizeof(ArmBootBlob));
    plan->buffers = g_ptr_array_new_with_free_func(g_free);
    ok = arm_boot_read_kernel(&ld, errp) && arm_boot_parse_kernel(&ld, errp);
    /* QEMU loads the initrd for Linux-style images only. */
    if (ok && plan->kind != ARM_BOOT_ELF && info->initrd_filename) {
        ok = arm_boot_load_initrd(&ld, errp);
    }
    ok = ok && arm_boot_make_dtb(&ld, errp) && arm_boot_place_dtb(&ld, errp);
    if (!ok) {
        arm_boot_plan_free(plan);
        return NULL;
    }
    return plan;
}
