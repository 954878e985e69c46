/*
 * hw/intc/arm_gicv3.c: GICv3 ("arm-gicv3") distributor and
 * redistributors, ARM IHI 0069. Interface in include/hw/intc/arm_gicv3.h;
 * the interrupt state is gic-core.c, the shared register blocks
 * gic-dist.c, the CPU interface arm_gicv3_cpuif.c.
 *
 * One Security state: GICD_CTLR.DS and ARE read as one and ignore writes
 * (QEMU's reset value 0x50), so SGIs and PPIs are programmed only through
 * each CPU's SGI_base frame and SPIs are routed by GICD_IROUTER<n>.
 * No LPIs: GICD_TYPER.LPIS and GICR_TYPER.PLPIS are 0, PROPBASER and
 * PENDBASER are plain storage.
 *
 * Every register is reached through 32-bit words (64-bit registers are
 * two words), or bytes for the byte-granular blocks; any 1/2/4/8-byte
 * access is composed from those.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/intc/arm_gicv3.h"
#include "target/arm/cpu.h"
#include "gic-core.h"

#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_IIDR       0x0008
#define GICD_TYPER2     0x000c
#define GICD_STATUSR    0x0010
#define GICD_ITARGETSR  0x0800
#define GICD_IGRPMODR   0x0d00
#define GICD_NSACR      0x0e00
#define GICD_SGIR       0x0f00
#define GICD_IROUTER    0x6000      /* + 8 * INTID, INTIDs 32..1019 */
#define GICD_IROUTER_END 0x7fe0
#define GIC_ID_BASE     0xffd0
#define GICD_SIZE       0x10000

#define GICR_CTLR       0x0000
#define GICR_IIDR       0x0004
#define GICR_TYPER      0x0008
#define GICR_STATUSR    0x0010
#define GICR_WAKER      0x0014
#define GICR_PROPBASER  0x0070
#define GICR_PENDBASER  0x0078
#define GICR_IGRPMODR0  0x0d00
#define GICR_NSACR      0x0e00
#define GICR_FRAME      0x10000     /* RD_base, then SGI_base */

#define GICR_CTLR_CES   (1u << 1)   /* as QEMU 7.2 reports */
#define GICD_CTLR_ARE   (1u << 4)
#define GICD_CTLR_DS    (1u << 6)
#define GICR_WAKER_PS   (1u << 1)   /* ProcessorSleep */
#define GICR_WAKER_CA   (1u << 2)   /* ChildrenAsleep */
#define GICR_TYPER_LAST (1u << 4)

#define GICD_IROUTER_IRM (1ull << 31)
#define GICD_IROUTER_MASK ((0xffull << 32) | GICD_IROUTER_IRM | 0xffffff)

#define GICV3_IIDR      0x0000043b  /* ARM as implementer, as QEMU */
/* TYPER: IDbits 15, A3V, No1N (QEMU's fields; LPIS clear). */
#define GICD_TYPER_FIXED ((0xfu << 19) | (1u << 24) | (1u << 25))

/* PIDR4-7, PIDR0-3, CIDR0-3 from 0xffd0 (QEMU's); PIDR0 differs. */
static const uint8_t gicv3_id[12] = {
    0x44, 0x00, 0x00, 0x00, 0x92, 0xb4, 0x3b, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
};

/* ------------------------------------------------------------------ */
/* Routing                                                             */

static void gicv3_route_spi(GICv3State *s, unsigned intid)
{
    unsigned n = intid - GIC_INTERNAL, i;
    /* Stored as written (QEMU keeps every bit); routing uses the fields. */
    uint64_t r = s->irouter[n] & GICD_IROUTER_MASK;
    uint32_t aff = (r & 0xffffff) | ((r >> 32) & 0xff) << 24;

    s->core->spi_route[n] = GIC_ROUTE_NONE;
    if (r & GICD_IROUTER_IRM) {
        s->core->spi_route[n] = GIC_ROUTE_ANY;
        return;
    }
    for (i = 0; i < s->num_cpu; i++) {
        if (s->cpu[i].affinity == aff) {
            s->core->spi_route[n] = i;
            return;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Word and byte access, shared by both frames                         */

typedef struct GICv3Frame {
    /* Word registers: true if off is one (value read or written). */
    bool (*read_word)(GICv3State *s, int cpu, unsigned off, uint32_t *v);
    bool (*write_word)(GICv3State *s, int cpu, unsigned off, uint32_t v);
    unsigned lo, hi;          /* INTIDs the byte blocks reach */
    const char *name;
} GICv3Frame;

static uint8_t gicv3_id_byte(unsigned off, uint8_t pidr0)
{
    unsigned i = (off - GIC_ID_BASE) / 4;

    if (off & 3) {
        return 0;
    }
    return i == 4 ? pidr0 : gicv3_id[i];
}

static uint64_t gicv3_frame_read(GICv3State *s, const GICv3Frame *f, int cpu,
                                 unsigned addr, unsigned size)
{
    uint64_t val = 0;
    unsigned i;

    for (i = 0; i < size; i++) {
        unsigned off = addr + i;
        uint32_t word;
        uint8_t b = 0;

        if (f->read_word(s, cpu, off & ~3u, &word)) {
            b = word >> (8 * (off & 3));
        } else if (!gic_dist_readb(s->core, cpu, off, f->lo, f->hi, &b)) {
            if ((off & 3) == 0) {
                qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: read of bad %s "
                              "offset 0x%04x\n", f->name, off);
            }
        }
        val |= (uint64_t)b << (8 * i);
    }
    return val;
}

static void gicv3_frame_write(GICv3State *s, const GICv3Frame *f, int cpu,
                              unsigned addr, uint64_t val, unsigned size)
{
    unsigned i;

    for (i = 0; i < size; i++) {
        unsigned off = addr + i;
        uint32_t word;

        if (f->read_word(s, cpu, off & ~3u, &word)) {
            /* Merge the bytes of this word the access covers. */
            unsigned first = off & 3, n = MIN(4 - first, size - i), k;

            for (k = 0; k < n; k++) {
                word &= ~(0xffu << (8 * (first + k)));
                word |= (uint32_t)((val >> (8 * (i + k))) & 0xff) <<
                        (8 * (first + k));
            }
            if (!f->write_word(s, cpu, off & ~3u, word)) {
                qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to "
                              "read-only %s register 0x%04x\n", f->name,
                              off & ~3u);
            }
            i += n - 1;
        } else if (!gic_dist_writeb(s->core, cpu, off, f->lo, f->hi,
                                    val >> (8 * i))) {
            if ((off & 3) == 0) {
                qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: write to bad %s "
                              "offset 0x%04x\n", f->name, off);
            }
        }
    }
    gic_core_update(s->core);
}

/* ------------------------------------------------------------------ */
/* Distributor                                                         */

static bool gicd_read_word(GICv3State *s, int cpu, unsigned off, uint32_t *v)
{
    GICCore *core = s->core;

    *v = 0;
    if (off >= GICD_IROUTER + 8 * GIC_INTERNAL && off < GICD_IROUTER_END) {
        unsigned intid = (off - GICD_IROUTER) / 8;

        if (intid < s->num_irq) {
            *v = s->irouter[intid - GIC_INTERNAL] >> (off & 4 ? 32 : 0);
        } else if (!(off & 4)) {
            qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: GICD_IROUTER of "
                          "unimplemented INTID %u\n", intid);
        }
        return true;
    }
    if (off >= GIC_ID_BASE) {
        *v = gicv3_id_byte(off, 0x92);
        return true;
    }
    switch (off) {
    case GICD_CTLR:
        *v = GICD_CTLR_DS | GICD_CTLR_ARE | core->dist_grpen[0] |
             core->dist_grpen[1] << 1;
        return true;
    case GICD_TYPER:
        /* ITLinesNumber counts the SPIs only, as QEMU's GICv3 does: with
         * virt's num-irq 288, Linux reports 224 SPIs on both. */
        *v = GICD_TYPER_FIXED | ((s->num_irq - GIC_INTERNAL) / 32 - 1);
        return true;
    case GICD_IIDR:
        *v = GICV3_IIDR;
        return true;
    case GICD_TYPER2:
    case GICD_STATUSR:
    case GICD_SGIR:
        return true;
    }
    /* ARE: ITARGETSR, and with DS: IGRPMODR, NSACR are RAZ/WI. */
    if ((off >= GICD_ITARGETSR && off < GICD_ITARGETSR + 0x400) ||
        (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80) ||
        (off >= GICD_NSACR && off < GICD_NSACR + 0x100)) {
        return true;
    }
    return false;
}

static bool gicd_write_word(GICv3State *s, int cpu, unsigned off, uint32_t v)
{
    GICCore *core = s->core;

    if (off >= GICD_IROUTER + 8 * GIC_INTERNAL && off < GICD_IROUTER_END) {
        unsigned intid = (off - GICD_IROUTER) / 8;
        uint64_t *r;

        if (intid >= s->num_irq) {
            qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: GICD_IROUTER write "
                          "of unimplemented INTID %u\n", intid);
            return true;
        }
        r = &s->irouter[intid - GIC_INTERNAL];
        if (off & 4) {
            *r = (*r & 0xffffffffull) | (uint64_t)v << 32;
        } else {
            *r = (*r & ~0xffffffffull) | v;
        }
        gicv3_route_spi(s, intid);
        return true;
    }
    switch (off) {
    case GICD_CTLR:
        core->dist_grpen[0] = v & 1;
        core->dist_grpen[1] = (v >> 1) & 1;
        return true;
    case GICD_STATUSR:
        return true;
    case GICD_SGIR:
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: GICD_SGIR write with "
                      "affinity routing on (use ICC_SGI1R_EL1)\n");
        return true;
    case GICD_TYPER:
    case GICD_IIDR:
    case GICD_TYPER2:
        return false;
    }
    if (off >= GIC_ID_BASE) {
        return false;
    }
    return true;                        /* the RAZ/WI blocks */
}

static const GICv3Frame gicd_frame = {
    gicd_read_word, gicd_write_word, GIC_INTERNAL, GIC_MAX_IRQ,
    "distributor",
};

static uint64_t gicd_read(void *opaque, hwaddr addr, unsigned size)
{
    return gicv3_frame_read(opaque, &gicd_frame, 0, addr, size);
}

static void gicd_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    gicv3_frame_write(opaque, &gicd_frame, 0, addr, val, size);
}

static const MemoryRegionOps gicd_ops = {
    .read = gicd_read,
    .write = gicd_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ------------------------------------------------------------------ */
/* Redistributors                                                      */

static uint64_t gicr_typer(GICv3State *s, int cpu)
{
    uint64_t v = (uint64_t)s->cpu[cpu].affinity << 32 |
                 (uint64_t)cpu << 8 | 1u << 24;   /* CommonLPIAff as QEMU */

    if (cpu == (int)s->num_cpu - 1) {
        v |= GICR_TYPER_LAST;
    }
    return v;
}

static bool gicr_read_word(GICv3State *s, int cpu, unsigned off, uint32_t *v)
{
    GICv3CPUState *c = &s->cpu[cpu];

    *v = 0;
    if (off >= GIC_ID_BASE) {
        *v = gicv3_id_byte(off, 0x93);
        return true;
    }
    switch (off) {
    case GICR_CTLR:
        *v = GICR_CTLR_CES;
        return true;
    case GICR_STATUSR:
        return true;
    case GICR_IIDR:
        *v = GICV3_IIDR;
        return true;
    case GICR_TYPER:
    case GICR_TYPER + 4:
        *v = gicr_typer(s, cpu) >> (off & 4 ? 32 : 0);
        return true;
    case GICR_WAKER:
        *v = c->gicr_waker;
        return true;
    case GICR_PROPBASER:
    case GICR_PROPBASER + 4:
        *v = c->gicr_propbaser >> (off & 4 ? 32 : 0);
        return true;
    case GICR_PENDBASER:
    case GICR_PENDBASER + 4:
        *v = c->gicr_pendbaser >> (off & 4 ? 32 : 0);
        return true;
    }
    return false;
}

static void gicr_set_half(uint64_t *r, unsigned off, uint32_t v)
{
    if (off & 4) {
        *r = (*r & 0xffffffffull) | (uint64_t)v << 32;
    } else {
        *r = (*r & ~0xffffffffull) | v;
    }
}

static bool gicr_write_word(GICv3State *s, int cpu, unsigned off, uint32_t v)
{
    GICv3CPUState *c = &s->cpu[cpu];

    switch (off) {
    case GICR_CTLR:
        if (v & 1) {
            qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: GICR_CTLR.EnableLPIs "
                          "set but LPIs are not implemented\n");
        }
        return true;
    case GICR_STATUSR:
        return true;
    case GICR_WAKER:
        /* Sleep handshake: ChildrenAsleep follows ProcessorSleep at once. */
        c->gicr_waker = (v & GICR_WAKER_PS) ? GICR_WAKER_PS | GICR_WAKER_CA
                                            : 0;
        return true;
    case GICR_PROPBASER:
    case GICR_PROPBASER + 4:
        gicr_set_half(&c->gicr_propbaser, off, v);
        return true;
    case GICR_PENDBASER:
    case GICR_PENDBASER + 4:
        gicr_set_half(&c->gicr_pendbaser, off, v);
        return true;
    }
    return false;
}

static const GICv3Frame gicr_rd_frame = {
    gicr_read_word, gicr_write_word, 0, 0, "redistributor",
};

/* SGI_base: the byte blocks for INTIDs 0-31, plus RAZ/WI words. */
static bool gicr_sgi_read_word(GICv3State *s, int cpu, unsigned off,
                               uint32_t *v)
{
    *v = 0;
    if (off >= GIC_ID_BASE) {
        *v = gicv3_id_byte(off, 0x93);
        return true;
    }
    return off == GICR_IGRPMODR0 || off == GICR_NSACR;
}

static bool gicr_sgi_write_word(GICv3State *s, int cpu, unsigned off,
                                uint32_t v)
{
    return off < GIC_ID_BASE;
}

static const GICv3Frame gicr_sgi_frame = {
    gicr_sgi_read_word, gicr_sgi_write_word, 0, GIC_INTERNAL,
    "redistributor SGI",
};

static const GICv3Frame *gicr_frame(hwaddr addr)
{
    return (addr & GICR_FRAME) ? &gicr_sgi_frame : &gicr_rd_frame;
}

static uint64_t gicr_read(void *opaque, hwaddr addr, unsigned size)
{
    return gicv3_frame_read(opaque, gicr_frame(addr),
                            addr / GICV3_REDIST_SIZE, addr & 0xffff, size);
}

static void gicr_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    gicv3_frame_write(opaque, gicr_frame(addr), addr / GICV3_REDIST_SIZE,
                      addr & 0xffff, val, size);
}

static const MemoryRegionOps gicr_ops = {
    .read = gicr_read,
    .write = gicr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

/* ------------------------------------------------------------------ */
/* Device                                                              */

static void gicv3_set_irq(void *opaque, int n, int level)
{
    GICv3State *s = opaque;
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

static void gicv3_reset_state(GICv3State *s)
{
    unsigned i;

    gic_core_reset(s->core);
    memset(s->irouter, 0, sizeof(uint64_t) * (s->num_irq - GIC_INTERNAL));
    for (i = GIC_INTERNAL; i < s->num_irq; i++) {
        gicv3_route_spi(s, i);
    }
    for (i = 0; i < s->num_cpu; i++) {
        s->cpu[i].gicr_waker = GICR_WAKER_PS | GICR_WAKER_CA;
        s->cpu[i].gicr_propbaser = 0;
        s->cpu[i].gicr_pendbaser = 0;
    }
    gic_core_update(s->core);
}

/* Aff3.Aff2.Aff1.Aff0 of MPIDR (Aff3 sits at bits 39:32). */
static uint32_t gicv3_cpu_affinity(ARMCPU *cpu)
{
    uint64_t mp = cpu->mp_affinity;

    return (mp & 0xffffff) | ((mp >> 32) & 0xff) << 24;
}

static bool gicv3_connect_cpus(GICv3State *s, Error **errp)
{
    unsigned i;

    /* Check every CPU first, so a failure leaves none of them changed. */
    for (i = 0; i < s->num_cpu; i++) {
        CPUState *cs = qemu_get_cpu(i);

        if (!cs || !object_dynamic_cast(OBJECT(cs), TYPE_ARM_CPU)) {
            error_setg(errp, "arm-gicv3: num-cpu is %u but there is no ARM "
                       "CPU %u", s->num_cpu, i);
            return false;
        }
    }
    for (i = 0; i < s->num_cpu; i++) {
        ARMCPU *cpu = ARM_CPU(qemu_get_cpu(i));

        s->cpu[i].gic = s;
        s->cpu[i].index = i;
        s->cpu[i].affinity = gicv3_cpu_affinity(cpu);
        cpu->gicv3_cpuif = &s->cpu[i];
        /* ID_AA64PFR0_EL1.GIC = 1: the system register interface exists
         * (QEMU derives it from the GIC's presence the same way). */
        cpu->isar.id_aa64pfr0 = (cpu->isar.id_aa64pfr0 & ~(0xfull << 24)) |
                                (1ull << 24);
    }
    return true;
}

static bool gicv3_realize(DeviceState *dev, Error **errp)
{
    GICv3State *s = ARM_GICV3(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    unsigned i, n;

    if (s->num_cpu < 1) {
        error_setg(errp, "arm-gicv3: num-cpu must be at least 1");
        return false;
    }
    if (s->num_irq < 64 || s->num_irq > GIC_MAX_IRQ || s->num_irq % 32) {
        error_setg(errp, "num-irq %u is not a multiple of 32 between 64 "
                   "and %d", s->num_irq, GIC_MAX_IRQ);
        return false;
    }
    if (s->revision != 3) {
        error_setg(errp, "arm-gicv3: revision %u is not supported (only 3)",
                   s->revision);
        return false;
    }
    s->cpu = g_new0(GICv3CPUState, s->num_cpu);
    if (!gicv3_connect_cpus(s, errp)) {
        g_free(s->cpu);
        s->cpu = NULL;
        return false;
    }
    s->core = g_new0(GICCore, 1);
    gic_core_init(s->core, s->num_cpu, s->num_irq, 5, true);
    s->irouter = g_new0(uint64_t, s->num_irq - GIC_INTERNAL);

    n = 4 * s->num_cpu;
    s->parent_irq = g_new0(qemu_irq, n);
    for (i = 0; i < n; i++) {
        sysbus_init_irq(sbd, &s->parent_irq[i]);
    }
    for (i = 0; i < s->num_cpu; i++) {
        s->core->cpu[i].out_irq = &s->parent_irq[i];
        s->core->cpu[i].out_fiq = &s->parent_irq[s->num_cpu + i];
    }
    qdev_init_gpio_in(dev, gicv3_set_irq,
                      s->num_irq - GIC_INTERNAL + GIC_INTERNAL * s->num_cpu);

    memory_region_init_io(&s->iomem_dist, OBJECT(s), &gicd_ops, s,
                          "gicv3_dist", GICD_SIZE);
    sysbus_init_mmio(sbd, &s->iomem_dist);
    memory_region_init_io(&s->iomem_redist, OBJECT(s), &gicr_ops, s,
                          "gicv3_redist_region[0]",
                          (uint64_t)GICV3_REDIST_SIZE * s->num_cpu);
    sysbus_init_mmio(sbd, &s->iomem_redist);

    gicv3_reset_state(s);
    gicv3_cpuif_register();
    return true;
}

static void gicv3_finalize(Object *obj)
{
    GICv3State *s = ARM_GICV3(obj);
    unsigned i;

    if (!s->core) {
        return;
    }
    for (i = 0; i < s->num_cpu; i++) {
        CPUState *cs = qemu_get_cpu(i);

        if (cs && ARM_CPU(cs)->gicv3_cpuif == &s->cpu[i]) {
            ARM_CPU(cs)->gicv3_cpuif = NULL;
        }
    }
    memory_region_finalize(&s->iomem_dist);
    memory_region_finalize(&s->iomem_redist);
    gic_core_finalize(s->core);
    g_free(s->core);
    g_free(s->cpu);
    g_free(s->irouter);
    g_free(s->parent_irq);
}

static void gicv3_reset(DeviceState *dev)
{
    GICv3State *s = ARM_GICV3(dev);

    if (s->core) {
        gicv3_reset_state(s);
    }
}

static const Property gicv3_props[] = {
    PROP_UINT32("num-cpu", GICv3State, num_cpu, 1),
    PROP_UINT32("num-irq", GICv3State, num_irq, 256),
    PROP_UINT32("revision", GICv3State, revision, 3),
    PROP_END,
};

static void gicv3_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "ARM Generic Interrupt Controller v3";
    dc->realize = gicv3_realize;
    dc->reset = gicv3_reset;
    dc->user_creatable = false;     /* the board wires it to the CPUs */
    device_class_set_props(dc, gicv3_props);
}

static const TypeInfo gicv3_type = {
    .name = TYPE_ARM_GICV3,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GICv3State),
    .instance_finalize = gicv3_finalize,
    .class_init = gicv3_class_init,
};

static void gicv3_register(void)
{
    type_register_static(&gicv3_type);
}

type_init(gicv3_register)
