/*
 * hw/intc/arm_gic.c: GICv2 ("arm_gic"), ARM IHI 0048B, no Security or
 * Virtualization Extensions. Interface in include/hw/intc/arm_gic.h; the
 * interrupt state and priority logic are in gic-core.c, the shared
 * distributor blocks in gic-dist.c; this file holds the GICv2 register
 * maps: GICD (CTLR, TYPER, IIDR, ITARGETSR, SGIR, C/SPENDSGIR, IDs) and
 * the memory-mapped CPU interface (GICC_*).
 *
 * Banked registers need the accessing CPU. The memory API passes no
 * requester, so the common regions ask which vCPU thread is running
 * (cpus_get_thread_id); per-CPU regions say it outright.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/intc/arm_gic.h"
#include "hw/core/cpu.h"
#include "sysemu/cpus.h"
#include "gic-core.h"

#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IIDR       0x008
#define GICD_ITARGETSR  0x800
#define GICD_ITARGETSR_END 0xc00
#define GICD_SGIR       0xf00
#define GICD_CPENDSGIR  0xf10
#define GICD_SPENDSGIR  0xf20
#define GICD_SGI_END    0xf30
#define GICD_ID_BASE    0xfd0
#define GICD_SIZE       0x1000

#define GICC_CTLR       0x00
#define GICC_PMR        0x04
#define GICC_BPR        0x08
#define GICC_IAR        0x0c
#define GICC_EOIR       0x10
#define GICC_RPR        0x14
#define GICC_HPPIR      0x18
#define GICC_ABPR       0x1c
#define GICC_AIAR       0x20
#define GICC_AEOIR      0x24
#define GICC_AHPPIR     0x28
#define GICC_APR0       0xd0
#define GICC_NSAPR0     0xe0
#define GICC_IIDR       0xfc
#define GICC_DIR        0x1000
#define GICC_SIZE       0x2000

#define GICC_CTLR_GRP0     (1u << 0)
#define GICC_CTLR_GRP1     (1u << 1)
#define GICC_CTLR_ACKCTL   (1u << 2)
#define GICC_CTLR_FIQEN    (1u << 3)
#define GICC_CTLR_CBPR     (1u << 4)
#define GICC_CTLR_EOIMODES (1u << 9)

#define GICD_IIDR_VALUE 0x0000043b  /* ARM as implementer, as QEMU */
#define GICC_IIDR_VALUE 0x0002043b  /* architecture v2, ARM, as QEMU */

/* PIDR4-7, PIDR0-3, CIDR0-3 from 0xfd0, one per word (QEMU's values). */
static const uint8_t gicd_id[12] = {
    0x04, 0x00, 0x00, 0x00, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
};

struct GICv2View {
    GICState *s;
    int cpu;
    MemoryRegion mr;
};

/* ------------------------------------------------------------------ */
/* Which CPU is accessing                                              */

static __thread int gic_thread_tid;

static int gic_current_cpu(GICState *s)
{
    unsigned i;

    if (!gic_thread_tid) {
        gic_thread_tid = gettid();
    }
    for (i = 0; i < s->num_cpu; i++) {
        CPUState *cs = qemu_get_cpu(i);

        if (cs && cpus_get_thread_id(cs) == gic_thread_tid) {
            return i;
        }
    }
    return 0;           /* the monitor, a debugger, tests */
}

/* ------------------------------------------------------------------ */
/* Distributor                                                         */

static uint32_t gic_dist_read_word(GICState *s, int cpu, unsigned off)
{
    GICCore *core = s->core;

    switch (off) {
    case GICD_CTLR:
        return core->dist_grpen[0] | core->dist_grpen[1] << 1;
    case GICD_TYPER:
        return (s->num_irq / 32 - 1) | (s->num_cpu - 1) << 5;
    case GICD_IIDR:
        return GICD_IIDR_VALUE;
    }
    return 0;
}

static uint8_t gic_dist_read_byte(GICState *s, int cpu, unsigned off)
{
    GICCore *core = s->core;
    uint8_t val;

    if (off < 0x00c) {
        return gic_dist_read_word(s, cpu, off & ~3u) >> (8 * (off & 3));
    }
    if (gic_dist_readb(core, cpu, off, 0, GIC_MAX_IRQ, &val)) {
        return val;
    }
    if (off >= GICD_ITARGETSR && off < GICD_ITARGETSR_END) {
        unsigned intid = off - GICD_ITARGETSR;

        if (s->num_cpu == 1) {
            return 0;                   /* uniprocessor: RAZ/WI */
        }
        if (intid < GIC_INTERNAL) {
            return 1u << cpu;           /* banked: this CPU only */
        }
        if (intid >= s->num_irq) {
            if (!(off & 3)) {
                qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: ITARGETSR read of "
                              "unimplemented INTID %u\n", intid);
            }
            return 0;
        }
        return core->spi_targets[intid - GIC_INTERNAL];
    }
    if (off >= GICD_CPENDSGIR && off < GICD_SGI_END) {
        return core->cpu[cpu].sgi_sources[(off - GICD_CPENDSGIR) & 0xf];
    }
    if (off >= GICD_ID_BASE) {
        return (off & 3) ? 0 : gicd_id[(off - GICD_ID_BASE) / 4];
    }
    if (off < 0x080) {
        return 0;                       /* reserved words below IGROUPR */
    }
    qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: read of bad distributor "
                  "offset 0x%03x\n", off);
    return 0;
}

/* GICD_SGIR: TargetListFilter, CPUTargetList, SGIINTID (IHI 0048B 4.3.15) */
static void gic_dist_write_sgir(GICState *s, int cpu, uint32_t v)
{
    GICCore *core = s->core;
    unsigned sgi = v & 0xf, filter = (v >> 24) & 3, i;
    uint32_t targets = (v >> 16) & 0xff;

    switch (filter) {
    case 0:
        break;
    case 1:
        targets = ((1u << s->num_cpu) - 1) & ~(1u << cpu);
        break;
    case 2:
        targets = 1u << cpu;
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: SGIR with reserved target "
                      "filter 3\n");
        return;
    }
    for (i = 0; i < s->num_cpu; i++) {
        if (targets & (1u << i)) {
            core->cpu[i].sgi_sources[sgi] |= 1u << cpu;
        }
    }
    gic_core_update(core);
}

static void gic_dist_write_byte(GICState *s, int cpu, unsigned off,
                                uint8_t val)
{
    GICCore *core = s->core;

    if (gic_dist_writeb(core, cpu, off, 0, GIC_MAX_IRQ, val)) {
        return;
    }
    if (off >= GICD_ITARGETSR && off < GICD_ITARGETSR_END) {
        unsigned intid = off - GICD_ITARGETSR;

        if (intid >= s->num_irq) {
            if (!(off & 3)) {
                qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: ITARGETSR write of "
                              "unimplemented INTID %u\n", intid);
            }
        } else if (intid >= GIC_INTERNAL && s->num_cpu > 1) {
            /* Kept as written (QEMU too); absent CPUs never match. */
            core->spi_targets[intid - GIC_INTERNAL] = val;
        }
        return;                         /* SGI/PPI targets are read-only */
    }
    if (off >= GICD_CPENDSGIR && off < GICD_SGI_END) {
        uint8_t *src = &core->cpu[cpu].sgi_sources[(off - GICD_CPENDSGIR) &
                                                   0xf];
        uint8_t mask = (1u << s->num_cpu) - 1;

        if (off < GICD_SPENDSGIR) {
            *src &= ~val;
        } else {
            *src |= val & mask;
        }
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: write to bad or read-only "
                  "distributor offset 0x%03x\n", off);
}

static uint64_t gic_dist_access_read(GICState *s, int cpu, hwaddr addr,
                                     unsigned size)
{
    uint64_t val = 0;
    unsigned i;

    for (i = 0; i < size; i++) {
        val |= (uint64_t)gic_dist_read_byte(s, cpu, addr + i) << (8 * i);
    }
    return val;
}

static void gic_dist_access_write(GICState *s, int cpu, hwaddr addr,
                                  uint64_t val, unsigned size)
{
    GICCore *core = s->core;
    unsigned i;

    if (addr < 0x00c || addr == GICD_SGIR) {
        /* Word registers: only whole-word writes mean anything. */
        if (size != 4 || (addr & 3)) {
            qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: %u-byte write to "
                          "word register 0x%03x\n", size, (unsigned)addr);
            return;
        }
        if (addr == GICD_CTLR) {
            core->dist_grpen[0] = val & 1;
            core->dist_grpen[1] = (val >> 1) & 1;
        } else if (addr == GICD_SGIR) {
            gic_dist_write_sgir(s, cpu, val);
        } else {
            qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: write to read-only "
                          "register 0x%03x\n", (unsigned)addr);
        }
    } else {
        for (i = 0; i < size; i++) {
            gic_dist_write_byte(s, cpu, addr + i, val >> (8 * i));
        }
    }
    gic_core_update(core);
}

static uint64_t gic_dist_read(void *opaque, hwaddr addr, unsigned size)
{
    GICState *s = opaque;

    return gic_dist_access_read(s, gic_current_cpu(s), addr, size);
}

static void gic_dist_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    GICState *s = opaque;

    gic_dist_access_write(s, gic_current_cpu(s), addr, val, size);
}

static const MemoryRegionOps gic_dist_ops = {
    .read = gic_dist_read,
    .write = gic_dist_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ------------------------------------------------------------------ */
/* CPU interface                                                       */

static bool gic_intid_valid(GICState *s, unsigned intid, const char *what)
{
    if (intid < s->num_irq) {
        return true;
    }
    if (intid < GIC_MAX_IRQ) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: %s of INTID %u (only %u "
                      "implemented)\n", what, intid, s->num_irq);
    }
    return false;
}

/* IAR: acknowledge and return the INTID (and an SGI's source CPU). */
static uint32_t gic_cpu_ack(GICState *s, int cpu)
{
    GICCore *core = s->core;
    GICCPU *c = &core->cpu[cpu];
    GICPending p = gic_core_best_pending(core, cpu);

    if (!gic_core_can_preempt(c, &p)) {
        return GIC_SPURIOUS;
    }
    if (p.group == 1 && !c->ackctl) {
        return GIC_SPURIOUS_GRP;
    }
    gic_core_activate(core, cpu, &p);
    return p.intid | (p.intid < GIC_NR_SGIS ? p.src << 10 : 0);
}

static uint32_t gic_cpu_hppir(GICState *s, int cpu)
{
    GICCore *core = s->core;
    GICPending p = gic_core_best_pending(core, cpu);

    if (p.intid == GIC_SPURIOUS) {
        return GIC_SPURIOUS;
    }
    if (p.group == 1 && !core->cpu[cpu].ackctl) {
        return GIC_SPURIOUS_GRP;
    }
    return p.intid | (p.intid < GIC_NR_SGIS ? p.src << 10 : 0);
}

/* EOIR: priority drop, and deactivation unless EOImode splits them. */
static void gic_cpu_eoi(GICState *s, int cpu, uint32_t v)
{
    GICCore *core = s->core;
    GICCPU *c = &core->cpu[cpu];
    unsigned intid = v & 0x3ff;

    if (intid >= GIC_MAX_IRQ) {
        return;                         /* spurious IDs: no effect */
    }
    if (!gic_core_drop_priority(c, -1)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: CPU %d EOI of INTID %u "
                      "with no active interrupt\n", cpu, intid);
        return;
    }
    if (!c->eoimode[0] && gic_intid_valid(s, intid, "EOI")) {
        gic_core_deactivate(core, cpu, intid);
    }
}

static void gic_cpu_dir(GICState *s, int cpu, uint32_t v)
{
    GICCPU *c = &s->core->cpu[cpu];
    unsigned intid = v & 0x3ff;

    if (!c->eoimode[0]) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: GICC_DIR write with "
                      "EOImode clear ignored\n");
        return;
    }
    if (gic_intid_valid(s, intid, "DIR")) {
        gic_core_deactivate(s->core, cpu, intid);
    }
}

/* Without Security Extensions only these bits exist (QEMU: 0x21f); the
 * bypass-disable bits read as zero as no bypass is modelled. */
static uint32_t gic_cpu_read_ctlr(GICState *s, int cpu)
{
    GICCPU *c = &s->core->cpu[cpu];

    return c->grpen[0] | c->grpen[1] << 1 | c->ackctl << 2 | c->fiqen << 3 |
           c->cbpr << 4 | c->eoimode[0] << 9;
}

static void gic_cpu_write_ctlr(GICState *s, int cpu, uint32_t v)
{
    GICCPU *c = &s->core->cpu[cpu];

    c->grpen[0] = v & GICC_CTLR_GRP0;
    c->grpen[1] = v & GICC_CTLR_GRP1;
    c->ackctl = v & GICC_CTLR_ACKCTL;
    c->fiqen = v & GICC_CTLR_FIQEN;
    c->cbpr = v & GICC_CTLR_CBPR;
    c->eoimode[0] = c->eoimode[1] = v & GICC_CTLR_EOIMODES;
}

static uint64_t gic_cpu_access_read(GICState *s, int cpu, hwaddr addr)
{
    GICCPU *c = &s->core->cpu[cpu];
    int rpr;

    switch (addr) {
    case GICC_CTLR:
        return gic_cpu_read_ctlr(s, cpu);
    case GICC_PMR:
        return c->pmr;
    case GICC_BPR:
        return c->bpr[0];
    case GICC_IAR:
        return gic_cpu_ack(s, cpu);
    case GICC_RPR:
        rpr = gic_core_running_prio(c);
        return rpr == GIC_IDLE_PRIORITY ? 0xff : rpr;
    case GICC_HPPIR:
        return gic_cpu_hppir(s, cpu);
    case GICC_ABPR:
        return c->cbpr ? MIN(c->bpr[0] + 1, 7) : c->bpr[1];
    case GICC_AIAR:
    case GICC_AEOIR:
    case GICC_AHPPIR:
        return 0;       /* aliases for a Secure world we do not have */
    case GICC_APR0 ... GICC_APR0 + 0xc:
        return gic_core_read_apr(c, 0, (addr - GICC_APR0) / 4);
    case GICC_NSAPR0 ... GICC_NSAPR0 + 0xc:
        return gic_core_read_apr(c, 1, (addr - GICC_NSAPR0) / 4);
    case GICC_IIDR:
        return GICC_IIDR_VALUE;
    case GICC_EOIR:
    case GICC_DIR:
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: read of write-only CPU "
                      "interface register 0x%03x\n", (unsigned)addr);
        return 0;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: read of bad CPU interface "
                  "offset 0x%03x\n", (unsigned)addr);
    return 0;
}

static void gic_cpu_access_write(GICState *s, int cpu, hwaddr addr,
                                 uint32_t v)
{
    GICCPU *c = &s->core->cpu[cpu];

    switch (addr) {
    case GICC_CTLR:
        gic_cpu_write_ctlr(s, cpu, v);
        break;
    case GICC_PMR:
        c->pmr = v & 0xff;
        break;
    case GICC_BPR:
        c->bpr[0] = v & 7;
        break;
    case GICC_ABPR:
        if (!c->cbpr) {
            c->bpr[1] = MAX(v & 7, 1);
        }
        break;
    case GICC_EOIR:
        gic_cpu_eoi(s, cpu, v);
        break;
    case GICC_AEOIR:
        break;          /* Secure-world alias: write-ignored, as QEMU */
    case GICC_DIR:
        gic_cpu_dir(s, cpu, v);
        break;
    case GICC_APR0 ... GICC_APR0 + 0xc:
        gic_core_write_apr(c, 0, (addr - GICC_APR0) / 4, v);
        break;
    case GICC_NSAPR0 ... GICC_NSAPR0 + 0xc:
        gic_core_write_apr(c, 1, (addr - GICC_NSAPR0) / 4, v);
        break;
    case GICC_IAR:
    case GICC_RPR:
    case GICC_HPPIR:
    case GICC_AIAR:
    case GICC_AHPPIR:
    case GICC_IIDR:
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: write to read-only CPU "
                      "interface register 0x%03x\n", (unsigned)addr);
        return;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "arm_gic: write to bad CPU "
                      "interface offset 0x%03x\n", (unsigned)addr);
        return;
    }
    gic_core_update(s->core);
}

static uint64_t gic_cpu_read(void *opaque, hwaddr addr, unsigned size)
{
    GICState *s = opaque;

    return gic_cpu_access_read(s, gic_current_cpu(s), addr);
}

static void gic_cpu_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    GICState *s = opaque;

    gic_cpu_access_write(s, gic_current_cpu(s), addr, val);
}

/* The CPU interface is word-accessed only (IHI 0048B 4.1.4). */
static const MemoryRegionOps gic_cpu_ops = {
    .read = gic_cpu_read,
    .write = gic_cpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* Per-CPU views: the CPU comes from the region. */
static uint64_t gic_view_cpu_read(void *opaque, hwaddr addr, unsigned size)
{
    GICv2View *v = opaque;

    return gic_cpu_access_read(v->s, v->cpu, addr);
}

static void gic_view_cpu_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
    GICv2View *v = opaque;

    gic_cpu_access_write(v->s, v->cpu, addr, val);
}

static const MemoryRegionOps gic_view_cpu_ops = {
    .read = gic_view_cpu_read,
    .write = gic_view_cpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static uint64_t gic_view_dist_read(void *opaque, hwaddr addr, unsigned size)
{
    GICv2View *v = opaque;

    return gic_dist_access_read(v->s, v->cpu, addr, size);
}

static void gic_view_dist_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
    GICv2View *v = opaque;

    gic_dist_access_write(v->s, v->cpu, addr, val, size);
}

static const MemoryRegionOps gic_view_dist_ops = {
    .read = gic_view_dist_read,
    .write = gic_view_dist_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* ------------------------------------------------------------------ */
/* Device                                                              */

/* GPIO input n: an SPI, or (past the SPIs) a CPU's private INTID. */
static void gic_set_irq(void *opaque, int n, int level)
{
    GICState *s = opaque;
    unsigned nspi = s->num_irq - GIC_INTERNAL;

    if (n < 0) {
        return;
    }
    if ((unsigned)n < nspi) {
        gic_core_set_level(s->core, 0, GIC_INTERNAL + n, level);
    } else {
        n -= nspi;
        gic_core_set_level(s->core, n / GIC_INTERNAL, n % GIC_INTERNAL,
                           level);
    }
}

static bool gic_realize(DeviceState *dev, Error **errp)
{
    GICState *s = ARM_GIC(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    unsigned i, n;

    if (s->num_cpu < 1 || s->num_cpu > GIC_V2_MAX_CPUS) {
        error_setg(errp, "requested %u CPUs exceeds GIC maximum %d",
                   s->num_cpu, GIC_V2_MAX_CPUS);
        return false;
    }
    if (s->num_irq < 64 || s->num_irq > GIC_MAX_IRQ || s->num_irq % 32) {
        error_setg(errp, "num-irq %u is not a multiple of 32 between 64 "
                   "and %d", s->num_irq, GIC_MAX_IRQ);
        return false;
    }
    if (s->revision != 2) {
        error_setg(errp, "arm_gic: revision %u is not supported (only 2)",
                   s->revision);
        return false;
    }
    s->core = g_new0(GICCore, 1);
    gic_core_init(s->core, s->num_cpu, s->num_irq, 8, false);

    n = 4 * s->num_cpu;
    s->parent_irq = g_new0(qemu_irq, n);
    for (i = 0; i < n; i++) {
        sysbus_init_irq(sbd, &s->parent_irq[i]);
    }
    for (i = 0; i < s->num_cpu; i++) {
        s->core->cpu[i].out_irq = &s->parent_irq[i];
        s->core->cpu[i].out_fiq = &s->parent_irq[s->num_cpu + i];
    }
    qdev_init_gpio_in(dev, gic_set_irq,
                      s->num_irq - GIC_INTERNAL + GIC_INTERNAL * s->num_cpu);

    memory_region_init_io(&s->iomem, OBJECT(s), &gic_dist_ops, s,
                          "gic_dist", GICD_SIZE);
    sysbus_init_mmio(sbd, &s->iomem);
    memory_region_init_io(&s->cpuiomem, OBJECT(s), &gic_cpu_ops, s,
                          "gic_cpu", GICC_SIZE);
    sysbus_init_mmio(sbd, &s->cpuiomem);
    s->views = g_new0(GICv2View, 2 * s->num_cpu);
    for (i = 0; i < 2 * s->num_cpu; i++) {
        GICv2View *v = &s->views[i];
        bool dist = i >= s->num_cpu;

        v->s = s;
        v->cpu = i % s->num_cpu;
        memory_region_init_io(&v->mr, OBJECT(s),
                              dist ? &gic_view_dist_ops : &gic_view_cpu_ops,
                              v, dist ? "gic_dist" : "gic_cpu",
                              dist ? GICD_SIZE : GICC_SIZE);
        sysbus_init_mmio(sbd, &v->mr);
    }
    return true;
}

static void gic_finalize(Object *obj)
{
    GICState *s = ARM_GIC(obj);
    unsigned i;

    if (!s->core) {
        return;
    }
    memory_region_finalize(&s->iomem);
    memory_region_finalize(&s->cpuiomem);
    for (i = 0; i < 2 * s->num_cpu; i++) {
        memory_region_finalize(&s->views[i].mr);
    }
    gic_core_finalize(s->core);
    g_free(s->core);
    g_free(s->views);
    g_free(s->parent_irq);
}

static void gic_reset(DeviceState *dev)
{
    GICState *s = ARM_GIC(dev);

    if (s->core) {
        gic_core_reset(s->core);
    }
}

static const Property gic_props[] = {
    PROP_UINT32("num-cpu", GICState, num_cpu, 1),
    PROP_UINT32("num-irq", GICState, num_irq, 256),
    PROP_UINT32("revision", GICState, revision, 2),
    PROP_END,
};

static void gic_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "ARM Generic Interrupt Controller v2";
    dc->realize = gic_realize;
    dc->reset = gic_reset;
    dc->user_creatable = false;     /* the board wires it to the CPUs */
    device_class_set_props(dc, gic_props);
}

static const TypeInfo gic_type = {
    .name = TYPE_ARM_GIC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GICState),
    .instance_finalize = gic_finalize,
    .class_init = gic_class_init,
};

static void gic_register(void)
{
    type_register_static(&gic_type);
}

type_init(gic_register)
