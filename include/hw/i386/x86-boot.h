/*
 * Loading a kernel on the pc board without firmware (-kernel): a bzImage
 * per the x86 boot protocol, or a multiboot v1 kernel. The loader places
 * the image, boot_params / multiboot info, command line and initrd in
 * guest RAM and sets CPU 0's start state (x86_cpu_set_boot_state).
 * hw/i386/x86-boot.c (bzImage, dispatch), hw/i386/multiboot.c.
 */
#ifndef HW_I386_X86_BOOT_H
#define HW_I386_X86_BOOT_H

#include "hw/i386/pc.h"

/* Load ms->kernel_filename (with initrd and cmdline). One clear error
 * (QEMU's words where QEMU has them) on a missing, truncated or
 * unrecognised file. */
bool x86_load_kernel(PCMachineState *pcms, MachineState *ms, Error **errp);

#endif
