/*
 * The pc board's firmware: the -bios image is mapped as ROM so that it
 * ends at 4 GiB (the reset vector is its last 16 bytes), and its last
 * 128 KiB (or all of it, if smaller) also appear at 0xe0000-0xfffff, where
 * real-mode code expects the BIOS. This is QEMU's layout.
 *
 * With -kernel and no -bios there is no firmware at all: the kernel
 * loader (x86-boot.c) starts CPU 0 at the kernel's entry, as kvmtool and
 * Firecracker do, where QEMU would run SeaBIOS and an option ROM. An
 * explicit -bios is still mapped (docs/boot-x86.md).
 */
#include "qemu/osdep.h"
#include "hw/i386/pc.h"
#include "qemu/error-report.h"

#define BIOS_ALIGN      (64 * KiB)
#define BIOS_MAX        (16 * MiB)
#define ISA_BIOS_MAX    (128 * KiB)

void pc_firmware_init(PCMachineState *pcms, MachineState *ms, Error **errp)
{
    const char *path = ms->firmware ? ms->firmware : PC_DEFAULT_BIOS;
    g_autofree char *data = NULL;
    g_autoptr(GError) gerr = NULL;
    gsize size = 0;
    uint64_t isa_size;

    if (ms->kernel_filename && !ms->firmware) {
        return;
    }
    if (!g_file_get_contents(path, &data, &size, &gerr)) {
        error_setg(errp, "could not load PC BIOS '%s': %s", path,
                   gerr->message);
        if (!ms->firmware) {
            error_append_hint(errp, "Give -bios FILE, or install Debian's "
                              "seabios package for the default.\n");
        }
        return;
    }
    if (size == 0 || size % BIOS_ALIGN || size > BIOS_MAX) {
        error_setg(errp, "could not load PC BIOS '%s': its size (%zu bytes) "
                   "must be a non-zero multiple of 64 KiB up to 16 MiB",
                   path, (size_t)size);
        return;
    }
    if (!memory_region_init_rom(&pcms->bios, OBJECT(ms), "pc.bios", size,
                                errp)) {
        return;
    }
    memcpy(memory_region_get_ram_ptr(&pcms->bios), data, size);
    memory_region_add_subregion(get_system_memory(), 0x100000000ULL - size,
                                &pcms->bios);

    isa_size = MIN(size, ISA_BIOS_MAX);
    memory_region_init_alias(&pcms->isa_bios, OBJECT(ms), "isa-bios",
                             &pcms->bios, size - isa_size, isa_size);
    /* Above RAM: the i440FX's PAM registers, which would route these
     * addresses between RAM and ROM, are not modelled yet. */
    memory_region_add_subregion_overlap(get_system_memory(),
                                        0x100000 - isa_size,
                                        &pcms->isa_bios, 1);
}
