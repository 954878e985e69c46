/*
 * The interrupt state both GIC models share (private to hw/intc): per
 * INTID enable/pending/active/priority/group/trigger, SPI targets, the
 * per-CPU interface (PMR, BPRs, control bits, the active-priority stack),
 * and the one function that decides what each CPU's IRQ/FIQ lines show.
 * arm_gic.c (GICv2) and arm_gicv3*.c (GICv3) are register front ends
 * over it. INTIDs 0-15 are SGIs, 16-31 PPIs (both banked per CPU), 32 up
 * SPIs. Callers hold the BQL.
 */
#ifndef HW_INTC_GIC_CORE_H
#define HW_INTC_GIC_CORE_H

#include "hw/irq.h"

#define GIC_NR_SGIS 16
#define GIC_INTERNAL 32           /* SGIs + PPIs */
#define GIC_MAX_IRQ 1020          /* INTIDs 1020-1023 are special */
#define GIC_SPURIOUS 1023
#define GIC_SPURIOUS_GRP 1022     /* GICv2: pending Group 1, AckCtl clear */
#define GIC_IDLE_PRIORITY 0x100   /* running priority with nothing active */
/* Group priorities nest strictly, so 8 priority bits give at most 128
 * levels (BPR 0 leaves 7 group bits) and a stack of 129 never overflows. */
#define GIC_MAX_ACTIVE 129

#define GIC_ROUTE_NONE (-1)       /* GICv3 IROUTER names no CPU */
#define GIC_ROUTE_ANY  (-2)       /* GICv3 IRM = 1: any participating CPU */

typedef struct GICIrq {
    uint8_t priority;
    uint8_t group;            /* 0 or 1 */
    bool enabled;
    bool latched;             /* pending by edge or by software */
    bool active;
    bool level;               /* the input line */
    bool edge;                /* ICFGR: edge-triggered */
} GICIrq;

typedef struct GICActive {
    uint16_t prio;            /* group priority it runs at */
    uint16_t intid;
    uint8_t group;
} GICActive;

typedef struct GICCore GICCore;

typedef struct GICCPU {
    GICCore *core;
    int index;
    GICIrq priv[GIC_INTERNAL];
    /* GICv2 SGIs: pending per source CPU (bit n = from CPU n). */
    uint8_t sgi_sources[GIC_NR_SGIS];

    /* CPU interface. */
    bool grpen[2];
    bool ackctl;              /* GICv2: IAR may acknowledge Group 1 */
    bool fiqen;               /* GICv2: Group 0 signalled as FIQ */
    bool cbpr;                /* Group 1 uses BPR0 */
    bool eoimode[2];          /* per path: GICv2 EOImodeS/NS, GICv3 both */
    uint8_t pmr;
    uint8_t bpr[2];
    int nactive;
    GICActive active[GIC_MAX_ACTIVE];

    /* Outputs: the device's sysbus IRQ fields, and what they show. */
    qemu_irq *out_irq;
    qemu_irq *out_fiq;
    int irq_level;
    int fiq_level;
} GICCPU;

struct GICCore {
    unsigned num_cpu;
    unsigned num_irq;         /* INTIDs 0 .. num_irq - 1 */
    unsigned pribits;         /* implemented priority bits (8 or 5) */
    bool v3;                  /* Group 0 -> FIQ, Group 1 -> IRQ; SGIs latch */
    bool dist_grpen[2];       /* GICD_CTLR group enables */
    GICIrq *spi;              /* num_irq - 32 */
    uint8_t *spi_targets;     /* GICv2 ITARGETSR bytes */
    int *spi_route;           /* GICv3: CPU index or GIC_ROUTE_* */
    GICCPU *cpu;
};

/* Allocate for num_cpu / num_irq (validated by the caller) and reset. */
void gic_core_init(GICCore *core, unsigned num_cpu, unsigned num_irq,
                   unsigned pribits, bool v3);
void gic_core_finalize(GICCore *core);
void gic_core_reset(GICCore *core);

/* The state of intid as seen by cpu (banked below 32); NULL if out of
 * range. */
GICIrq *gic_core_irq(GICCore *core, int cpu, unsigned intid);
bool gic_core_is_pending(GICCore *core, int cpu, unsigned intid);
void gic_core_set_pending(GICCore *core, int cpu, unsigned intid,
                          bool pending);
/* A device line changed: level stored, an edge latches pending. */
void gic_core_set_level(GICCore *core, int cpu, unsigned intid, int level);
/* The priority mask of implemented bits (0xff or 0xf8). */
uint8_t gic_core_prio_mask(GICCore *core);

/* CPU interface operations. group_sel: which acknowledge/EOI path. */
typedef struct GICPending {
    int intid;                /* GIC_SPURIOUS: none */
    int src;                  /* GICv2 SGI source CPU */
    uint8_t prio;
    uint8_t group;
} GICPending;

GICPending gic_core_best_pending(GICCore *core, int cpu);
uint8_t gic_core_group_prio(GICCPU *c, uint8_t prio, int group);
int gic_core_running_prio(GICCPU *c);
/* True if p may be signalled now (PMR and preemption). */
bool gic_core_can_preempt(GICCPU *c, const GICPending *p);
/* Mark p active and no longer pending, push its priority. */
void gic_core_activate(GICCore *core, int cpu, const GICPending *p);
/* Priority drop for the given group (-1: any); false if nothing active. */
bool gic_core_drop_priority(GICCPU *c, int group);
void gic_core_deactivate(GICCore *core, int cpu, unsigned intid);
/* Active priorities of a group as APR register n (see gic-core.c). */
uint32_t gic_core_read_apr(GICCPU *c, int group, unsigned n);
void gic_core_write_apr(GICCPU *c, int group, unsigned n, uint32_t bits);

/* Recompute every CPU's IRQ/FIQ outputs (after any state change). */
void gic_core_update(GICCore *core);

/*
 * gic-dist.c: the register blocks GICD and GICR_SGI_base share, one byte
 * at a time: IGROUPR, IS/ICENABLER, IS/ICPENDR, IS/ICACTIVER (0x080-0x3ff),
 * IPRIORITYR (0x400-0x7ff), ICFGR (0xc00-0xcff). Only INTIDs in [lo, hi)
 * are reachable through this frame; others read as zero and ignore
 * writes. False if off is not in those blocks. The caller updates.
 */
bool gic_dist_readb(GICCore *core, int cpu, unsigned off, unsigned lo,
                    unsigned hi, uint8_t *val);
bool gic_dist_writeb(GICCore *core, int cpu, unsigned off, unsigned lo,
                     unsigned hi, uint8_t val);

#endif
