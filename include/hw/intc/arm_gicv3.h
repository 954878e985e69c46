/*
 * ARM Generic Interrupt Controller v3 ("arm-gicv3", QEMU's type name),
 * ARM IHI 0069: distributor, one redistributor per CPU and the CPU
 * interface as ICC_* system registers. One Security state (GICD_CTLR.DS
 * = 1, ARE always 1, as QEMU's virt without secure=on), no LPIs/ITS, no
 * virtualization. See docs/devel/arm-gic.md.
 *
 * Properties: "num-cpu", "num-irq" (INTIDs including the 32 SGIs/PPIs; a
 * multiple of 32, 64-1020; default 256), "revision" (3 only).
 * Sysbus MMIO: 0 distributor (64 KiB); 1 redistributors (num-cpu x 128
 * KiB: RD_base then SGI_base, 64 KiB each, CPU 0 first).
 * GPIO inputs: SPIs first (input n = INTID 32 + n), then 32 per CPU
 * (input (num-irq - 32) + cpu * 32 + intid, for PPIs).
 * Sysbus IRQ outputs: num-cpu IRQ, num-cpu FIQ, num-cpu VIRQ, num-cpu
 * VFIQ (the virtual ones stay low).
 * Realize needs the CPUs (qemu_get_cpu(0 .. num-cpu - 1)): it points each
 * ARMCPU's gicv3_cpuif at its CPU-interface state, sets the CPU's
 * ID_AA64PFR0_EL1.GIC field as QEMU does, and registers the ICC_*
 * registers (arm_gicv3_cpuif.c).
 */
#ifndef HW_INTC_ARM_GICV3_H
#define HW_INTC_ARM_GICV3_H

#include "hw/sysbus.h"

#define TYPE_ARM_GICV3 "arm-gicv3"
#define GICV3_REDIST_SIZE 0x20000

OBJECT_DECLARE_SIMPLE_TYPE(GICv3State, ARM_GICV3)

struct GICCore;
typedef struct GICv3CPUState GICv3CPUState;

/* Per CPU: its redistributor registers and the link for the ICC_* hooks. */
struct GICv3CPUState {
    GICv3State *gic;
    int index;
    uint32_t affinity;        /* Aff3.Aff2.Aff1.Aff0 from MPIDR_EL1 */
    uint32_t gicr_waker;      /* ProcessorSleep, ChildrenAsleep */
    uint64_t gicr_propbaser;  /* stored only: no LPIs */
    uint64_t gicr_pendbaser;
};

struct GICv3State {
    SysBusDevice parent_obj;
    MemoryRegion iomem_dist;
    MemoryRegion iomem_redist;
    qemu_irq *parent_irq;     /* 4 * num_cpu outputs */
    struct GICCore *core;     /* the interrupt state (hw/intc/gic-core.h) */
    GICv3CPUState *cpu;
    uint64_t *irouter;        /* per SPI, as written */

    uint32_t num_cpu;
    uint32_t num_irq;
    uint32_t revision;
};

/* arm_gicv3_cpuif.c: register the ICC_* system registers (idempotent). */
void gicv3_cpuif_register(void);

#endif
