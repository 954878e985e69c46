/*
 * -kernel for aarch64 boards, the applying half: the plan from
 * boot-image.c (what goes where in RAM, the entry point, x0) copied into
 * RAM and the CPU pointed at it, at load and again at every system reset
 * (include/hw/arm/boot.h).
 */
#include "qemu/osdep.h"
#include "hw/arm/boot.h"
#include "hw/arm/boot-image.h"
#include "hw/core/cpu.h"
#include "sysemu/cpus.h"
#include "sysemu/runstate.h"
#include "exec/tcg-lite.h"
#include "target/arm/cpu.h"

typedef struct ArmBootLoader {
    ArmBootInfo info;
    ArmBootPlan *plan;
} ArmBootLoader;

/* One machine per process: the last loader, for arm_boot_loaded_dtb. */
static ArmBootLoader *arm_boot_last;

/* Images into RAM, CPU at the entry. After the CPU reset. */
static void arm_boot_apply(ArmBootLoader *ld)
{
    uint8_t *ram = memory_region_get_ram_ptr(ld->info.ram);
    CPUARMState *env = cpu_env(ld->info.cpu);
    ArmBootPlan *plan = ld->plan;

    for (guint i = 0; i < plan->blobs->len; i++) {
        ArmBootBlob *b = &g_array_index(plan->blobs, ArmBootBlob, i);

        memcpy(ram + b->offset, b->data, b->filesz);
        memset(ram + b->offset + b->filesz, 0, b->memsz - b->filesz);
        /* Code translated from the old contents must go. */
        tcg_lite_notify_write(ld->info.ram_base + b->offset, b->memsz);
    }
    /* Reset state is EL1h, MMU off, DAIF masked; the boot protocol adds
     * x0 = the device tree (0 for an ELF program), x1-x3 = 0. */
    for (int i = 0; i < 4; i++) {
        env->xregs[i] = 0;
    }
    env->xregs[0] = plan->x0;
    env->pc = plan->entry;
    cpu_state_changed(ld->info.cpu);
}

static void arm_boot_reset(void *opaque)
{
    arm_boot_apply(opaque);
}

bool arm_load_kernel(const ArmBootInfo *info, Error **errp)
{
    ArmBootLoader *ld = g_new0(ArmBootLoader, 1);

    g_assert(info->ram && info->cpu && info->kernel_filename);
    ld->info = *info;
    if (!ld->info.ram_size) {
        ld->info.ram_size = memory_region_size(info->ram);
    }
    ld->plan = arm_boot_plan_new(&ld->info, errp);
    if (!ld->plan) {
        g_free(ld);
        return false;
    }
    arm_boot_apply(ld);
    /* The loader lives as long as the machine: every reset needs it. */
    qemu_register_reset(arm_boot_reset, ld);
    arm_boot_last = ld;
    return true;
}

const void *arm_boot_loaded_dtb(uint32_t *size)
{
    const ArmBootPlan *plan = arm_boot_last ? arm_boot_last->plan : NULL;

    *size = plan && plan->dtb_addr ? plan->dtb_size : 0;
    return *size ? plan->dtb : NULL;
}
