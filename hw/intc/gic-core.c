/*
 * The interrupt state shared by the GICv2 and GICv3 models (gic-core.h):
 * what is pending where, which interrupt a CPU would acknowledge, and the
 * IRQ/FIQ levels that follow from it.
 *
 * Pending is kept as a latch (edge, software, GICv2 SGI sources) plus the
 * input level: a level-sensitive interrupt is pending while its line is
 * high, so acknowledging one leaves it active and pending until the device
 * drops the line. Nothing here decides from guest values without a range
 * check; the front ends log what they reject.
 */
#include "qemu/osdep.h"
#include "gic-core.h"

void gic_core_init(GICCore *core, unsigned num_cpu, unsigned num_irq,
                   unsigned pribits, bool v3)
{
    unsigned nspi = num_irq - GIC_INTERNAL, i;

    core->num_cpu = num_cpu;
    core->num_irq = num_irq;
    core->pribits = pribits;
    core->v3 = v3;
    core->spi = g_new0(GICIrq, nspi ? nspi : 1);
    core->spi_targets = g_new0(uint8_t, nspi ? nspi : 1);
    core->spi_route = g_new0(int, nspi ? nspi : 1);
    core->cpu = g_new0(GICCPU, num_cpu);
    for (i = 0; i < num_cpu; i++) {
        core->cpu[i].core = core;
        core->cpu[i].index = i;
    }
    gic_core_reset(core);
}

void gic_core_finalize(GICCore *core)
{
    g_free(core->spi);
    g_free(core->spi_targets);
    g_free(core->spi_route);
    g_free(core->cpu);
    core->spi = NULL;
    core->spi_targets = NULL;
    core->spi_route = NULL;
    core->cpu = NULL;
}

/* Lowest legal BPR per group: fewer priority bits leave less to split. */
static uint8_t gic_core_min_bpr(GICCore *core, int group)
{
    if (!core->v3) {
        return group;                   /* 8 bits: 0 and 1 */
    }
    return 7 - core->pribits + group;   /* 5 bits: 2 and 3 */
}

void gic_core_reset(GICCore *core)
{
    unsigned nspi = core->num_irq - GIC_INTERNAL, i, j;

    core->dist_grpen[0] = core->dist_grpen[1] = false;
    memset(core->spi, 0, sizeof(GICIrq) * nspi);
    memset(core->spi_targets, 0, nspi);
    for (i = 0; i < nspi; i++) {
        core->spi_route[i] = 0;         /* IROUTER resets to affinity 0 */
    }
    for (i = 0; i < core->num_cpu; i++) {
        GICCPU *c = &core->cpu[i];

        memset(c->priv, 0, sizeof(c->priv));
        for (j = 0; j < GIC_NR_SGIS; j++) {
            c->priv[j].edge = true;     /* SGIs are always edge */
            /* GICv2 without SGI enable bits: SGIs are always enabled. */
            c->priv[j].enabled = !core->v3;
        }
        memset(c->sgi_sources, 0, sizeof(c->sgi_sources));
        c->grpen[0] = c->grpen[1] = false;
        c->ackctl = c->fiqen = c->cbpr = false;
        c->eoimode[0] = c->eoimode[1] = false;
        c->pmr = 0;
        c->bpr[0] = gic_core_min_bpr(core, 0);
        c->bpr[1] = gic_core_min_bpr(core, 1);
        c->nactive = 0;
    }
    gic_core_update(core);
}

uint8_t gic_core_prio_mask(GICCore *core)
{
    return (uint8_t)(0xff00 >> core->pribits);
}

GICIrq *gic_core_irq(GICCore *core, int cpu, unsigned intid)
{
    if (intid >= core->num_irq) {
        return NULL;
    }
    if (intid < GIC_INTERNAL) {
        if (cpu < 0 || cpu >= (int)core->num_cpu) {
            return NULL;
        }
        return &core->cpu[cpu].priv[intid];
    }
    return &core->spi[intid - GIC_INTERNAL];
}

static bool gic_core_v2_sgi(GICCore *core, unsigned intid)
{
    return !core->v3 && intid < GIC_NR_SGIS;
}

bool gic_core_is_pending(GICCore *core, int cpu, unsigned intid)
{
    GICIrq *irq = gic_core_irq(core, cpu, intid);

    if (!irq) {
        return false;
    }
    if (gic_core_v2_sgi(core, intid)) {
        return core->cpu[cpu].sgi_sources[intid] != 0;
    }
    return irq->latched || (!irq->edge && irq->level);
}

void gic_core_set_pending(GICCore *core, int cpu, unsigned intid,
                          bool pending)
{
    GICIrq *irq = gic_core_irq(core, cpu, intid);

    if (!irq) {
        return;
    }
    if (gic_core_v2_sgi(core, intid)) {
        /* Callers set sources themselves; clearing drops them all. */
        if (!pending) {
            core->cpu[cpu].sgi_sources[intid] = 0;
        }
        return;
    }
    irq->latched = pending;
}

void gic_core_set_level(GICCore *core, int cpu, unsigned intid, int level)
{
    GICIrq *irq = gic_core_irq(core, cpu, intid);

    if (!irq) {
        return;
    }
    if (irq->edge && level && !irq->level) {
        irq->latched = true;
    }
    irq->level = level != 0;
    gic_core_update(core);
}

/* Does SPI intid go to this CPU? */
static bool gic_core_spi_targets(GICCore *core, unsigned intid, int cpu)
{
    unsigned n = intid - GIC_INTERNAL;

    if (core->v3) {
        return core->spi_route[n] == cpu ||
               core->spi_route[n] == GIC_ROUTE_ANY;
    }
    if (core->num_cpu == 1) {
        return true;        /* uniprocessor: ITARGETSR is RAZ/WI */
    }
    return cpu < 8 && (core->spi_targets[n] & (1u << cpu));
}

static void gic_core_consider(GICCore *core, int cpu, unsigned intid,
                              GICPending *best)
{
    GICCPU *c = &core->cpu[cpu];
    GICIrq *irq = gic_core_irq(core, cpu, intid);

    if (!irq->enabled || irq->active ||
        !gic_core_is_pending(core, cpu, intid)) {
        return;
    }
    /* GICv3 looks only at enabled groups; GICv2 (as QEMU's) picks the
     * best interrupt of either group and signals it only if its group is
     * enabled, so IAR can answer 1022 for a disabled Group 1. */
    if (core->v3 && (!core->dist_grpen[irq->group] || !c->grpen[irq->group])) {
        return;
    }
    if (best->intid == GIC_SPURIOUS || irq->priority < best->prio) {
        best->intid = intid;
        best->prio = irq->priority;
        best->group = irq->group;
        best->src = 0;
        if (gic_core_v2_sgi(core, intid)) {
            best->src = __builtin_ctz(c->sgi_sources[intid]);
        }
    }
}

GICPending gic_core_best_pending(GICCore *core, int cpu)
{
    GICPending best = { .intid = GIC_SPURIOUS, .prio = 0xff };
    GICCPU *c = &core->cpu[cpu];
    unsigned i;

    /* GICv2: nothing is pending for a CPU while the distributor or its
     * interface has no group enabled (QEMU: IAR/HPPIR read 1023). */
    if (!core->v3 && (!(core->dist_grpen[0] || core->dist_grpen[1]) ||
                      !(c->grpen[0] || c->grpen[1]))) {
        return best;
    }

    for (i = 0; i < core->num_irq; i++) {
        if (i >= GIC_INTERNAL && !gic_core_spi_targets(core, i, cpu)) {
            continue;
        }
        gic_core_consider(core, cpu, i, &best);
    }
    return best;
}

uint8_t gic_core_group_prio(GICCPU *c, uint8_t prio, int group)
{
    unsigned bpr = c->bpr[0] + 1;       /* Group 0: BPR n splits at n+1 */

    if (group == 1 && !c->cbpr) {
        bpr = c->bpr[1];                /* Group 1: BPR n splits at n */
    }
    /* Group 0 with BPR 7 has no group priority bits: no preemption. */
    return prio & (0xff << bpr) & 0xff;
}

int gic_core_running_prio(GICCPU *c)
{
    return c->nactive ? c->active[c->nactive - 1].prio : GIC_IDLE_PRIORITY;
}

bool gic_core_can_preempt(GICCPU *c, const GICPending *p)
{
    if (p->intid == GIC_SPURIOUS || p->prio >= c->pmr) {
        return false;
    }
    return gic_core_group_prio(c, p->prio, p->group) <
           gic_core_running_prio(c);
}

void gic_core_activate(GICCore *core, int cpu, const GICPending *p)
{
    GICCPU *c = &core->cpu[cpu];
    GICIrq *irq = gic_core_irq(core, cpu, p->intid);

    if (!irq) {
        return;
    }
    if (gic_core_v2_sgi(core, p->intid)) {
        c->sgi_sources[p->intid] &= ~(1u << p->src);
    } else {
        irq->latched = false;
    }
    irq->active = true;
    if (c->nactive < GIC_MAX_ACTIVE) {
        GICActive *a = &c->active[c->nactive++];

        a->prio = gic_core_group_prio(c, p->prio, p->group);
        a->intid = p->intid;
        a->group = p->group;
    }
    gic_core_update(core);
}

bool gic_core_drop_priority(GICCPU *c, int group)
{
    if (!c->nactive) {
        return false;
    }
    if (group >= 0 && c->active[c->nactive - 1].group != group) {
        return false;
    }
    c->nactive--;
    gic_core_update(c->core);
    return true;
}

void gic_core_deactivate(GICCore *core, int cpu, unsigned intid)
{
    GICIrq *irq = gic_core_irq(core, cpu, intid);

    if (irq) {
        irq->active = false;
        gic_core_update(core);
    }
}

/*
 * APR bits: one per preemption level, level = group priority >> shift
 * (GICv3, five bits: >> 3, all in AP<n>R0; GICv2, eight bits with BPR 0:
 * >> 1, 128 levels over APR0-3 as QEMU numbers them); register n holds
 * levels 32n .. 32n + 31.
 */
static unsigned gic_core_apr_shift(GICCore *core)
{
    return core->v3 ? 3 : 1;
}

static unsigned gic_core_num_aprs(GICCore *core)
{
    return (256u >> gic_core_apr_shift(core)) / 32;
}

uint32_t gic_core_read_apr(GICCPU *c, int group, unsigned n)
{
    unsigned shift = gic_core_apr_shift(c->core);
    uint32_t bits = 0;
    int i;

    for (i = 0; i < c->nactive; i++) {
        unsigned level = c->active[i].prio >> shift;

        if (c->active[i].group == group && level / 32 == n) {
            bits |= 1u << (level % 32);
        }
    }
    return bits;
}

/*
 * Software restores APRs only to values it saved (or zero): rebuild that
 * part of the group's stack from the bits, highest priority (lowest
 * level) on top. The INTIDs behind restored entries are unknown (1023).
 */
void gic_core_write_apr(GICCPU *c, int group, unsigned n, uint32_t bits)
{
    unsigned shift = gic_core_apr_shift(c->core);
    GICActive keep[GIC_MAX_ACTIVE];
    int i, j, k = 0, b;

    if (n >= gic_core_num_aprs(c->core)) {
        return;
    }
    for (i = 0; i < c->nactive; i++) {
        if (c->active[i].group != group ||
            (c->active[i].prio >> shift) / 32 != n) {
            keep[k++] = c->active[i];
        }
    }
    for (b = 31; b >= 0 && k < GIC_MAX_ACTIVE; b--) {
        if (bits & (1u << b)) {
            keep[k].prio = (n * 32 + b) << shift;
            keep[k].intid = GIC_SPURIOUS;
            keep[k].group = group;
            k++;
        }
    }
    /* Keep the stack ordered: lower (more urgent) priorities on top. */
    for (i = 1; i < k; i++) {
        GICActive a = keep[i];

        for (j = i - 1; j >= 0 && keep[j].prio < a.prio; j--) {
            keep[j + 1] = keep[j];
        }
        keep[j + 1] = a;
    }
    memcpy(c->active, keep, sizeof(GICActive) * k);
    c->nactive = k;
    gic_core_update(c->core);
}

static void gic_core_update_cpu(GICCore *core, int cpu)
{
    GICCPU *c = &core->cpu[cpu];
    GICPending p = gic_core_best_pending(core, cpu);
    int irq = 0, fiq = 0;

    if (gic_core_can_preempt(c, &p) && core->dist_grpen[p.group] &&
        c->grpen[p.group]) {
        bool to_fiq = p.group == 0 && (core->v3 || c->fiqen);

        if (to_fiq) {
            fiq = 1;
        } else {
            irq = 1;
        }
    }
    if (c->out_irq && irq != c->irq_level) {
        c->irq_level = irq;
        qemu_set_irq(*c->out_irq, irq);
    }
    if (c->out_fiq && fiq != c->fiq_level) {
        c->fiq_level = fiq;
        qemu_set_irq(*c->out_fiq, fiq);
    }
}

void gic_core_update(GICCore *core)
{
    unsigned i;

    for (i = 0; i < core->num_cpu; i++) {
        gic_core_update_cpu(core, i);
    }
}
