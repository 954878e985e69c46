/*
 * The distributor register blocks GICv2's GICD, GICv3's GICD (SPIs) and
 * GICv3's GICR_SGI_base (SGIs/PPIs) share, byte by byte: the seven
 * one-bit-per-INTID blocks, the priority bytes and the two-bit
 * configuration fields (see gic-core.h). Each front end composes wider
 * accesses from bytes, so a guest may use any access size the GIC
 * architecture allows for these registers.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "gic-core.h"

#define GIC_BITMAP_BASE 0x080
#define GIC_BITMAP_END  0x400
#define GIC_PRIO_BASE   0x400
#define GIC_PRIO_END    0x800
#define GIC_CFG_BASE    0xc00
#define GIC_CFG_END     0xd00

static bool gic_bit_group(GICCore *core, int cpu, unsigned intid)
{
    return gic_core_irq(core, cpu, intid)->group;
}

static void gic_set_group(GICCore *core, int cpu, unsigned intid, bool v)
{
    gic_core_irq(core, cpu, intid)->group = v;
}

static bool gic_bit_enabled(GICCore *core, int cpu, unsigned intid)
{
    return gic_core_irq(core, cpu, intid)->enabled;
}

static void gic_set_enabled(GICCore *core, int cpu, unsigned intid, bool v)
{
    /* GICv2 SGIs cannot be disabled here (enable bits RAO/WI). */
    if (!core->v3 && intid < GIC_NR_SGIS) {
        return;
    }
    gic_core_irq(core, cpu, intid)->enabled = v;
}

static bool gic_bit_pending(GICCore *core, int cpu, unsigned intid)
{
    return gic_core_is_pending(core, cpu, intid);
}

static void gic_set_pending(GICCore *core, int cpu, unsigned intid, bool v)
{
    /* GICv2 SGIs are pended through SPENDSGIR (one bit per source). */
    if (!core->v3 && intid < GIC_NR_SGIS && v) {
        return;
    }
    gic_core_set_pending(core, cpu, intid, v);
}

static bool gic_bit_active(GICCore *core, int cpu, unsigned intid)
{
    return gic_core_irq(core, cpu, intid)->active;
}

static void gic_set_active(GICCore *core, int cpu, unsigned intid, bool v)
{
    gic_core_irq(core, cpu, intid)->active = v;
}

typedef struct GICBitmapReg {
    bool (*get)(GICCore *core, int cpu, unsigned intid);
    void (*set)(GICCore *core, int cpu, unsigned intid, bool v);
    bool value;               /* what a 1 written stores; IGROUPR stores v */
    bool copy;                /* the written bit itself is the value */
} GICBitmapReg;

/* Indexed by (offset - 0x080) / 0x80. */
static const GICBitmapReg gic_bitmap_regs[7] = {
    { gic_bit_group,   gic_set_group,   true,  true },   /* IGROUPR */
    { gic_bit_enabled, gic_set_enabled, true,  false },  /* ISENABLER */
    { gic_bit_enabled, gic_set_enabled, false, false },  /* ICENABLER */
    { gic_bit_pending, gic_set_pending, true,  false },  /* ISPENDR */
    { gic_bit_pending, gic_set_pending, false, false },  /* ICPENDR */
    { gic_bit_active,  gic_set_active,  true,  false },  /* ISACTIVER */
    { gic_bit_active,  gic_set_active,  false, false },  /* ICACTIVER */
};

static bool gic_dist_in(unsigned intid, unsigned lo, unsigned hi,
                        GICCore *core)
{
    return intid >= lo && intid < hi && intid < core->num_irq;
}

/*
 * INTIDs below lo are architecturally RAZ/WI in this frame (GICv3 GICD
 * for SGIs/PPIs) and not worth a line; past num-irq they are the guest's
 * mistake. Logged once per word, at its first byte.
 */
static void gic_dist_check_range(GICCore *core, unsigned off,
                                 unsigned intid, unsigned lo, unsigned hi,
                                 bool is_write)
{
    if ((off & 3) == 0 && intid >= core->num_irq && intid < hi &&
        intid >= lo) {
        qemu_log_mask(LOG_GUEST_ERROR, "gic: %s of offset 0x%03x: INTID %u "
                      "is not implemented (num-irq %u)\n",
                      is_write ? "write" : "read", off, intid,
                      core->num_irq);
    }
}

bool gic_dist_readb(GICCore *core, int cpu, unsigned off, unsigned lo,
                    unsigned hi, uint8_t *val)
{
    unsigned i, intid;

    *val = 0;
    if (off >= GIC_BITMAP_BASE && off < GIC_BITMAP_END) {
        const GICBitmapReg *r = &gic_bitmap_regs[(off - GIC_BITMAP_BASE) /
                                                 0x80];

        intid = (off & 0x7f) * 8;
        gic_dist_check_range(core, off, intid, lo, hi, false);
        for (i = 0; i < 8; i++) {
            if (gic_dist_in(intid + i, lo, hi, core) &&
                r->get(core, cpu, intid + i)) {
                *val |= 1u << i;
            }
        }
        return true;
    }
    if (off >= GIC_PRIO_BASE && off < GIC_PRIO_END) {
        intid = off - GIC_PRIO_BASE;
        gic_dist_check_range(core, off, intid, lo, hi, false);
        if (gic_dist_in(intid, lo, hi, core)) {
            *val = gic_core_irq(core, cpu, intid)->priority;
        }
        return true;
    }
    if (off >= GIC_CFG_BASE && off < GIC_CFG_END) {
        intid = (off - GIC_CFG_BASE) * 4;
        gic_dist_check_range(core, off, intid, lo, hi, false);
        for (i = 0; i < 4; i++) {
            if (gic_dist_in(intid + i, lo, hi, core) &&
                gic_core_irq(core, cpu, intid + i)->edge) {
                *val |= 2u << (2 * i);
            }
        }
        return true;
    }
    return false;
}

bool gic_dist_writeb(GICCore *core, int cpu, unsigned off, unsigned lo,
                     unsigned hi, uint8_t val)
{
    unsigned i, intid;

    if (off >= GIC_BITMAP_BASE && off < GIC_BITMAP_END) {
        const GICBitmapReg *r = &gic_bitmap_regs[(off - GIC_BITMAP_BASE) /
                                                 0x80];

        intid = (off & 0x7f) * 8;
        gic_dist_check_range(core, off, intid, lo, hi, true);
        for (i = 0; i < 8; i++) {
            bool bit = val & (1u << i);

            if (!gic_dist_in(intid + i, lo, hi, core)) {
                continue;
            }
            if (r->copy) {
                r->set(core, cpu, intid + i, bit);
            } else if (bit) {
                r->set(core, cpu, intid + i, r->value);
            }
        }
        return true;
    }
    if (off >= GIC_PRIO_BASE && off < GIC_PRIO_END) {
        intid = off - GIC_PRIO_BASE;
        gic_dist_check_range(core, off, intid, lo, hi, true);
        if (gic_dist_in(intid, lo, hi, core)) {
            /* All eight bits are kept, as QEMU does; the CPU interface
             * compares them with its PMR and BPR masks. */
            gic_core_irq(core, cpu, intid)->priority = val;
        }
        return true;
    }
    if (off >= GIC_CFG_BASE && off < GIC_CFG_END) {
        intid = (off - GIC_CFG_BASE) * 4;
        gic_dist_check_range(core, off, intid, lo, hi, true);
        for (i = 0; i < 4; i++) {
            /* SGIs are edge-triggered only: their fields are read-only. */
            if (gic_dist_in(intid + i, lo, hi, core) &&
                intid + i >= GIC_NR_SGIS) {
                gic_core_irq(core, cpu, intid + i)->edge =
                    val & (2u << (2 * i));
            }
        }
        return true;
    }
    return false;
}
