/*
 * hw/arm/boot-image.c: the part of -kernel that needs no CPU and no guest
 * memory. It reads the kernel, initrd and -dtb files, decides where each
 * goes in RAM, patches /chosen, and returns the plan; boot.c copies the
 * plan into RAM and sets the CPU's registers (at load and at every reset).
 * Private to hw/arm (and its unit test).
 */
#ifndef HW_ARM_BOOT_IMAGE_H
#define HW_ARM_BOOT_IMAGE_H

#include "hw/arm/boot.h"

/* Where an Image with text_offset 0 goes: QEMU keeps the first 2 MiB for
 * its boot stub and we keep its addresses. */
#define ARM_BOOT_IMAGE_BASE_OFFSET (2 * MiB)
/* The initrd goes at least this far up, or half of RAM if less. */
#define ARM_BOOT_INITRD_OFFSET_MAX (128 * MiB)
/* The device tree starts on the next boundary after the initrd. */
#define ARM_BOOT_DTB_ALIGN (2 * MiB)

typedef enum ArmBootKind {
    ARM_BOOT_ELF,
    ARM_BOOT_IMAGE,             /* arm64 Image (maybe gzip'd) */
    ARM_BOOT_RAW,
} ArmBootKind;

/* One piece of RAM content: copied at load and at every reset. */
typedef struct ArmBootBlob {
    uint64_t offset;            /* from the start of RAM */
    uint64_t memsz;             /* bytes written; past filesz: zeros */
    uint64_t filesz;
    const uint8_t *data;        /* owned by the plan */
} ArmBootBlob;

typedef struct ArmBootPlan {
    ArmBootKind kind;
    GArray *blobs;              /* ArmBootBlob */
    GPtrArray *buffers;         /* what the blobs point into */
    uint64_t entry;             /* CPU 0's PC */
    uint64_t x0;                /* the DTB for Linux, else 0 */
    hwaddr kernel_addr;         /* Image/raw: load address */
    hwaddr initrd_start, initrd_end;    /* 0, 0 without -initrd */
    hwaddr dtb_addr;            /* 0 if no tree is loaded */
    uint8_t *dtb;               /* the tree as placed (or NULL) */
    uint32_t dtb_size;
} ArmBootPlan;

/*
 * Plan the boot of info (which needs kernel_filename, ram_base, ram_size;
 * ram and cpu are not used). NULL with errp set on any error: one line,
 * naming the file.
 */
ArmBootPlan *arm_boot_plan_new(const ArmBootInfo *info, Error **errp);
void arm_boot_plan_free(ArmBootPlan *plan);

#endif
