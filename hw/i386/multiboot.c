/*
 * Multiboot v1 (Multiboot Specification 0.6.96) for -kernel on pc: the
 * header (magic 0x1BADB002, flags, checksum) in the file's first 8 KiB;
 * the kernel is an ELF32 file whose PT_LOAD segments go to their physical
 * addresses, or, with flag 16, a raw image placed by the header's a.out
 * kludge addresses. -initrd "a args,b" become modules ("file args" is the
 * module string, ",," a literal comma), -append the command line (after
 * the kernel's file name, as QEMU passes it). Modules, then the GDT and
 * the multiboot information go page-aligned above the kernel. The kernel
 * starts in flat 32-bit protected mode with EAX = 0x2BADB002 and EBX =
 * the information's address.
 */
#include "qemu/osdep.h"
#include "x86-boot-priv.h"

#define MB_MAGIC            0x1badb002u
#define MB_BOOT_MAGIC       0x2badb002u
#define MB_SEARCH           8192
#define MB_HDR_SIZE         12
#define MB_AOUT_HDR_SIZE    32

#define MB_FLAG_PAGE_ALIGN  (1u << 0)
#define MB_FLAG_MEMINFO     (1u << 1)
#define MB_FLAG_VIDEO       (1u << 2)  /* a wish: no video info is given */
#define MB_FLAG_AOUT        (1u << 16)
#define MB_FLAGS_KNOWN      (MB_FLAG_PAGE_ALIGN | MB_FLAG_MEMINFO | \
                             MB_FLAG_VIDEO)

/* multiboot_info fields and flags. */
#define MBI_FLAGS           0
#define MBI_MEM_LOWER       4
#define MBI_MEM_UPPER       8
#define MBI_CMDLINE         16
#define MBI_MODS_COUNT      20
#define MBI_MODS_ADDR       24
#define MBI_MMAP_LENGTH     44
#define MBI_MMAP_ADDR       48
#define MBI_LOADER_NAME     64
#define MBI_SIZE            88
#define MBI_HAS_MEM         (1u << 0)
#define MBI_HAS_CMDLINE     (1u << 2)
#define MBI_HAS_MODS        (1u << 3)
#define MBI_HAS_MMAP        (1u << 6)
#define MBI_HAS_LOADER_NAME (1u << 9)
#define MB_MOD_SIZE         16
#define MB_MMAP_SIZE        24
#define MB_MMAP_MAX         8

/* ELF32 (only what a loader reads). */
#define EI_CLASS            4
#define EI_DATA             5
#define ELFCLASS32          1
#define ELFCLASS64          2
#define ELFDATA2LSB         1
#define EM_386              3
#define PT_LOAD             1
#define ELF32_EHDR_SIZE     52
#define ELF32_PHDR_SIZE     32

#define PAGE_ALIGN(x)       (((x) + 0xfffULL) & ~0xfffULL)

int multiboot_find_header(const uint8_t *file, uint64_t size)
{
    uint64_t end = MIN(size, MB_SEARCH);

    for (uint64_t off = 0; off + MB_HDR_SIZE <= end; off += 4) {
        uint32_t magic = x86_boot_ld32(file + off);
        uint32_t flags = x86_boot_ld32(file + off + 4);
        uint32_t sum = x86_boot_ld32(file + off + 8);
        if (magic == MB_MAGIC && (uint32_t)(magic + flags + sum) == 0) {
            return (int)off;
        }
    }
    return -1;
}

/* The a.out kludge: header_addr, load_addr, load_end_addr, bss_end_addr,
 * entry_addr after the header's first three words. */
static bool multiboot_load_aout(X86BootLoader *ld, const uint8_t *file,
                                uint64_t size, int hdr_off, uint64_t *end,
                                Error **errp)
{
    const uint8_t *h = file + hdr_off;
    uint64_t header_addr, load_addr, load_end, bss_end, off, len;

    if (hdr_off + MB_AOUT_HDR_SIZE > size) {
        error_setg(errp, "multiboot kernel '%s' is truncated inside its "
                   "header", ld->kernel);
        return false;
    }
    header_addr = x86_boot_ld32(h + 12);
    load_addr = x86_boot_ld32(h + 16);
    load_end = x86_boot_ld32(h + 20);
    bss_end = x86_boot_ld32(h + 24);
    ld->bs.rip = x86_boot_ld32(h + 28);
    if (header_addr < load_addr || header_addr - load_addr > (uint64_t)hdr_off) {
        error_setg(errp, "multiboot kernel '%s': header_addr 0x%" PRIx64
                   " and load_addr 0x%" PRIx64 " do not match the header's "
                   "place in the file", ld->kernel, header_addr, load_addr);
        return false;
    }
    off = hdr_off - (header_addr - load_addr);
    len = load_end ? load_end - load_addr : size - off;
    if (load_end && load_end < load_addr) {
        error_setg(errp, "multiboot kernel '%s': load_end_addr is below "
                   "load_addr", ld->kernel);
        return false;
    }
    if (len > size - off) {
        error_setg(errp, "multiboot kernel '%s' is truncated: its header "
                   "asks for %" PRIu64 " bytes at file offset %" PRIu64
                   ", the file has %" PRIu64, ld->kernel, len, off, size);
        return false;
    }
    if (bss_end && bss_end < load_addr + len) {
        error_setg(errp, "multiboot kernel '%s': bss_end_addr is below the "
                   "loaded image", ld->kernel);
        return false;
    }
    *end = MAX(load_addr + len, bss_end);
    if (!x86_boot_add_blob(ld, load_addr, (void *)(file + off), len, false,
                           errp)) {
        return false;
    }
    return !bss_end || x86_boot_add_blob(ld, load_addr + len, NULL,
                                         bss_end - load_addr - len, false,
                                         errp);
}

static bool multiboot_load_elf(X86BootLoader *ld, const uint8_t *file,
                               uint64_t size, uint64_t *end, Error **errp)
{
    uint64_t phoff, entry;
    unsigned phnum, phentsize;
    bool entry_found = false;

    if (size < ELF32_EHDR_SIZE || memcmp(file, "\177ELF", 4)) {
        error_setg(errp, "multiboot kernel '%s' is not an ELF file and its "
                   "header has no a.out kludge addresses (flag 16)",
                   ld->kernel);
        return false;
    }
    if (file[EI_CLASS] == ELFCLASS64) {
        error_setg(errp, "multiboot kernel '%s': Cannot load x86-64 image, "
                   "give a 32bit one.", ld->kernel);
        return false;
    }
    if (file[EI_CLASS] != ELFCLASS32 || file[EI_DATA] != ELFDATA2LSB ||
        x86_boot_ld16(file + 18) != EM_386) {
        error_setg(errp, "multiboot kernel '%s' is not a little-endian "
                   "ELF32 i386 file", ld->kernel);
        return false;
    }
    entry = x86_boot_ld32(file + 24);
    phoff = x86_boot_ld32(file + 28);
    phentsize = x86_boot_ld16(file + 42);
    phnum = x86_boot_ld16(file + 44);
    if (phentsize < ELF32_PHDR_SIZE || phoff > size ||
        (uint64_t)phnum * phentsize > size - phoff) {
        error_setg(errp, "multiboot kernel '%s' is truncated: its program "
                   "headers lie outside the file", ld->kernel);
        return false;
    }
    *end = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = file + phoff + (uint64_t)i * phentsize;
        uint64_t off = x86_boot_ld32(ph + 4), vaddr = x86_boot_ld32(ph + 8);
        uint64_t paddr = x86_boot_ld32(ph + 12);
        uint64_t filesz = x86_boot_ld32(ph + 16);
        uint64_t memsz = x86_boot_ld32(ph + 20);

        if (x86_boot_ld32(ph) != PT_LOAD || !memsz) {
            continue;
        }
        if (filesz > memsz || off > size || filesz > size - off) {
            error_setg(errp, "multiboot kernel '%s' is truncated: segment %u "
                       "lies outside the file", ld->kernel, i);
            return false;
        }
        if (!x86_boot_add_blob(ld, paddr, (void *)(file + off), filesz, false,
                               errp) ||
            !x86_boot_add_blob(ld, paddr + filesz, NULL, memsz - filesz,
                               false, errp)) {
            return false;
        }
        /* A kernel linked high names its entry by virtual address. */
        if (!entry_found && entry >= vaddr && entry - vaddr < memsz) {
            ld->bs.rip = entry - vaddr + paddr;
            entry_found = true;
        }
        *end = MAX(*end, paddr + memsz);
    }
    if (!*end) {
        error_setg(errp, "multiboot kernel '%s' has nothing to load",
                   ld->kernel);
        return false;
    }
    if (!entry_found) {
        ld->bs.rip = entry;
    }
    return true;
}

/* Split -initrd at commas (",," is a literal comma). */
static GPtrArray *multiboot_split_modules(const char *arg)
{
    GPtrArray *mods = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);

    for (const char *p = arg; ; p++) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(cur, ',');
            p++;
        } else if (*p == ',' || !*p) {
            g_ptr_array_add(mods, g_string_free(cur, FALSE));
            if (!*p) {
                break;
            }
            cur = g_string_new(NULL);
        } else {
            g_string_append_c(cur, *p);
        }
    }
    return mods;
}

/* Strings for the information area, with their offsets in it. */
static uint32_t multiboot_add_string(GByteArray *area, const char *s)
{
    uint32_t off = area->len;

    g_byte_array_append(area, (const guint8 *)s, strlen(s) + 1);
    return off;
}

static bool multiboot_add_modules(X86BootLoader *ld, uint64_t *cursor,
                                  GPtrArray *mods, uint64_t *starts,
                                  uint64_t *ends, Error **errp)
{
    for (guint i = 0; i < mods->len; i++) {
        const char *spec = g_ptr_array_index(mods, i);
        g_autofree char *path = g_strndup(spec, strcspn(spec, " "));
        uint8_t *data = NULL;
        uint64_t size = 0;
        uint64_t room = ld->ram_top > *cursor ? ld->ram_top - *cursor : 0;

        if (!*path) {
            error_setg(errp, "-initrd: empty multiboot module name in '%s'",
                       ld->ms->initrd_filename);
            return false;
        }
        if (!x86_boot_read_file(path, "multiboot module", room, &data, &size,
                                errp)) {
            return false;
        }
        starts[i] = *cursor;
        ends[i] = *cursor + size;
        if (!x86_boot_add_blob(ld, *cursor, data, size, true, errp)) {
            return false;
        }
        *cursor = PAGE_ALIGN(*cursor + size);
    }
    return true;
}

/* The information area at addr: GDT, multiboot_info, then its tables and
 * strings. */
static bool multiboot_add_info(X86BootLoader *ld, uint64_t addr,
                               GPtrArray *mods, const uint64_t *starts,
                               const uint64_t *ends, Error **errp)
{
    PCMachineState *pcms = PC_MACHINE(ld->ms);
    g_autoptr(GByteArray) area = g_byte_array_new();
    g_autofree char *cmdline = NULL;
    X86BootE820 e[MB_MMAP_MAX];
    uint32_t info = X86_BOOT_GDT_SIZE, flags;
    uint32_t mods_off, mmap_off, cmd_off, name_off;
    g_autofree uint32_t *mod_str = g_new0(uint32_t, mods->len + 1);
    int n;

    g_byte_array_set_size(area, X86_BOOT_GDT_SIZE + MBI_SIZE);
    memset(area->data, 0, area->len);
    cmdline = g_strdup_printf("%s%s%s", ld->kernel,
                              ld->ms->kernel_cmdline &&
                              *ld->ms->kernel_cmdline ? " " : "",
                              ld->ms->kernel_cmdline ?
                              ld->ms->kernel_cmdline : "");
    cmd_off = multiboot_add_string(area, cmdline);
    name_off = multiboot_add_string(area, "Kestrel");
    for (guint i = 0; i < mods->len; i++) {
        mod_str[i] = multiboot_add_string(area,
                                          g_ptr_array_index(mods, i));
    }
    g_byte_array_set_size(area, (area->len + 3) & ~3u);
    mods_off = area->len;
    g_byte_array_set_size(area, mods_off + mods->len * MB_MOD_SIZE);
    for (guint i = 0; i < mods->len; i++) {
        uint8_t *m = area->data + mods_off + i * MB_MOD_SIZE;
        x86_boot_st32(m, (uint32_t)starts[i]);
        x86_boot_st32(m + 4, (uint32_t)ends[i]);
        x86_boot_st32(m + 8, (uint32_t)(addr + mod_str[i]));
        x86_boot_st32(m + 12, 0);
    }
    n = x86_boot_e820(ld, e, MB_MMAP_MAX);
    mmap_off = area->len;
    g_byte_array_set_size(area, mmap_off + n * MB_MMAP_SIZE);
    for (int i = 0; i < n; i++) {
        uint8_t *m = area->data + mmap_off + i * MB_MMAP_SIZE;
        x86_boot_st32(m, MB_MMAP_SIZE - 4);
        x86_boot_st64(m + 4, e[i].addr);
        x86_boot_st64(m + 12, e[i].size);
        x86_boot_st32(m + 20, e[i].type);
    }

    flags = MBI_HAS_MEM | MBI_HAS_CMDLINE | MBI_HAS_MODS | MBI_HAS_MMAP |
            MBI_HAS_LOADER_NAME;
    x86_boot_st32(area->data + info + MBI_FLAGS, flags);
    x86_boot_st32(area->data + info + MBI_MEM_LOWER, 640);
    x86_boot_st32(area->data + info + MBI_MEM_UPPER,
                  (uint32_t)((pcms->below_4g - 0x100000) / KiB));
    x86_boot_st32(area->data + info + MBI_CMDLINE, (uint32_t)(addr + cmd_off));
    x86_boot_st32(area->data + info + MBI_MODS_COUNT, mods->len);
    x86_boot_st32(area->data + info + MBI_MODS_ADDR,
                  (uint32_t)(addr + mods_off));
    x86_boot_st32(area->data + info + MBI_MMAP_LENGTH, n * MB_MMAP_SIZE);
    x86_boot_st32(area->data + info + MBI_MMAP_ADDR,
                  (uint32_t)(addr + mmap_off));
    x86_boot_st32(area->data + info + MBI_LOADER_NAME,
                  (uint32_t)(addr + name_off));

    if (!x86_boot_add_gdt(ld, addr, errp) ||
        !x86_boot_add_blob(ld, addr + X86_BOOT_GDT_SIZE,
                           area->data + X86_BOOT_GDT_SIZE,
                           area->len - X86_BOOT_GDT_SIZE, false, errp)) {
        return false;
    }
    ld->bs.regs[R_EBX] = addr + info;
    return true;
}

bool multiboot_load(X86BootLoader *ld, const uint8_t *file, uint64_t size,
                    int hdr_off, Error **errp)
{
    uint32_t flags = x86_boot_ld32(file + hdr_off + 4);
    g_autoptr(GPtrArray) mods = NULL;
    g_autofree uint64_t *starts = NULL, *ends = NULL;
    uint64_t end = 0, cursor;
    bool ok;

    if (flags & 0xffff & ~MB_FLAGS_KNOWN) {
        error_setg(errp, "multiboot kernel '%s' requires features Kestrel "
                   "does not provide (header flags 0x%x)", ld->kernel, flags);
        return false;
    }
    ok = flags & MB_FLAG_AOUT
         ? multiboot_load_aout(ld, file, size, hdr_off, &end, errp)
         : multiboot_load_elf(ld, file, size, &end, errp);
    if (!ok) {
        return false;
    }
    mods = ld->ms->initrd_filename
           ? multiboot_split_modules(ld->ms->initrd_filename)
           : g_ptr_array_new_with_free_func(g_free);
    starts = g_new0(uint64_t, mods->len + 1);
    ends = g_new0(uint64_t, mods->len + 1);
    cursor = PAGE_ALIGN(end);
    if (!multiboot_add_modules(ld, &cursor, mods, starts, ends, errp) ||
        !multiboot_add_info(ld, cursor, mods, starts, ends, errp)) {
        return false;
    }
    ld->bs.mode = X86_BOOT_PROTECTED32;
    ld->bs.regs[R_EAX] = MB_BOOT_MAGIC;
    return true;
}
