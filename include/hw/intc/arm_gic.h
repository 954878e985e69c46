/*
 * ARM Generic Interrupt Controller v2 ("arm_gic", QEMU's type name),
 * ARM IHI 0048B, without the Security or Virtualization Extensions (as
 * QEMU's virt board without secure=on). See docs/devel/arm-gic.md.
 *
 * Properties: "num-cpu" (1-8), "num-irq" (INTIDs including the 32
 * SGIs/PPIs; a multiple of 32, 64-1020; default 256 as on virt),
 * "revision" (only 2).
 * Sysbus MMIO: 0 distributor (4 KiB), 1 CPU interface (8 KiB), both as
 * seen by the CPU whose vCPU thread accesses them (CPU 0 from any other
 * thread); then, as in QEMU, 2 .. 1 + num-cpu: CPU n's interface; and,
 * a Kestrel addition for tests and debuggers, 2 + num-cpu .. 1 +
 * 2 * num-cpu: the distributor as CPU n sees it (banked SGI/PPI state).
 * GPIO inputs: SPIs first (input n = INTID 32 + n), then 32 per CPU
 * (input (num-irq - 32) + cpu * 32 + intid, for PPIs).
 * Sysbus IRQ outputs: num-cpu IRQ, num-cpu FIQ, num-cpu VIRQ, num-cpu
 * VFIQ (the virtual ones stay low).
 */
#ifndef HW_INTC_ARM_GIC_H
#define HW_INTC_ARM_GIC_H

#include "hw/sysbus.h"

#define TYPE_ARM_GIC "arm_gic"
#define GIC_V2_MAX_CPUS 8

OBJECT_DECLARE_SIMPLE_TYPE(GICState, ARM_GIC)

struct GICCore;
typedef struct GICv2View GICv2View;

struct GICState {
    SysBusDevice parent_obj;
    MemoryRegion iomem;       /* distributor */
    MemoryRegion cpuiomem;    /* CPU interface */
    GICv2View *views;         /* 2 * num_cpu per-CPU regions */
    qemu_irq *parent_irq;     /* 4 * num_cpu outputs */
    struct GICCore *core;     /* the interrupt state (hw/intc/gic-core.h) */

    uint32_t num_cpu;
    uint32_t num_irq;
    uint32_t revision;
};

#endif
