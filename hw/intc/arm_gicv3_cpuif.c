/*
 * hw/intc/arm_gicv3_cpuif.c: the GICv3 CPU interface, the ICC_*_EL1
 * system registers (ARM IHI 0069, chapter 12), for one Security state.
 * Registered once in target/arm's registry; each hook finds its CPU's
 * state through ARMCPU.gicv3_cpuif, set by the GICv3 at realize (a CPU
 * without a GICv3 gets UNDEF, as on hardware without the interface).
 * Hooks touch device state, so all of them run under the BQL.
 *
 * Five priority bits (ICC_CTLR_EL1.PRIbits = 4), IDbits 1, A3V, as
 * QEMU 7.2 shows (0x8c00).
 * Group 0 interrupts signal FIQ, Group 1 IRQ.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/intc/arm_gicv3.h"
#include "target/arm/cpu.h"
#include "target/arm/sysreg.h"
#include "gic-core.h"

#define ICC_CTLR_CBPR     (1u << 0)
#define ICC_CTLR_EOIMODE  (1u << 1)
#define ICC_CTLR_PRIBITS  (4u << 8)     /* five bits */
#define ICC_CTLR_IDBITS   (1u << 11)    /* 24-bit INTIDs, as QEMU */
#define ICC_CTLR_A3V      (1u << 15)
#define ICC_SRE_VALUE     0x7           /* SRE, DFB, DIB: fixed */

/* ICC_SGI*R_EL1 fields. */
#define SGIR_TARGETS(v)   ((v) & 0xffff)
#define SGIR_AFF1(v)      (((v) >> 16) & 0xff)
#define SGIR_INTID(v)     (((v) >> 24) & 0xf)
#define SGIR_AFF2(v)      (((v) >> 32) & 0xff)
#define SGIR_IRM          (1ull << 40)
#define SGIR_RS(v)        (((v) >> 44) & 0xf)
#define SGIR_AFF3(v)      (((v) >> 48) & 0xff)

static GICv3CPUState *icc_state(CPUARMState *env)
{
    return env_archcpu(env)->gicv3_cpuif;
}

static GICCPU *icc_cpu(CPUARMState *env)
{
    GICv3CPUState *cs = icc_state(env);

    return &cs->gic->core->cpu[cs->index];
}

static ARMAccessResult icc_access(CPUARMState *env, const ARMSysReg *ri,
                                  bool isread)
{
    return icc_state(env) ? ARM_ACCESS_OK : ARM_ACCESS_UNDEF;
}

/* The group a register serves: op2 / CRm tell IAR0 from IAR1 etc. */
static int icc_group(const ARMSysReg *ri)
{
    return ri->crm == 12 ? 1 : 0;
}

static uint64_t icc_read_zero(CPUARMState *env, const ARMSysReg *ri)
{
    return 0;
}

static uint64_t icc_sre_read(CPUARMState *env, const ARMSysReg *ri)
{
    return ICC_SRE_VALUE;
}

static void icc_sre_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    /* SRE, DFB and DIB are fixed at one: nothing to store. */
}

static uint64_t icc_pmr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return icc_cpu(env)->pmr;
}

static void icc_pmr_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    GICCPU *c = icc_cpu(env);

    c->pmr = v & gic_core_prio_mask(c->core);
    gic_core_update(c->core);
}

static uint64_t icc_iar_read(CPUARMState *env, const ARMSysReg *ri)
{
    GICCPU *c = icc_cpu(env);
    GICPending p = gic_core_best_pending(c->core, c->index);

    if (p.intid == GIC_SPURIOUS || p.group != icc_group(ri) ||
        !gic_core_can_preempt(c, &p)) {
        return GIC_SPURIOUS;
    }
    gic_core_activate(c->core, c->index, &p);
    return p.intid;
}

static uint64_t icc_hppir_read(CPUARMState *env, const ARMSysReg *ri)
{
    GICCPU *c = icc_cpu(env);
    GICPending p = gic_core_best_pending(c->core, c->index);

    return p.group == icc_group(ri) ? p.intid : GIC_SPURIOUS;
}

static bool icc_intid_valid(GICCPU *c, uint64_t intid, const char *what)
{
    if (intid < c->core->num_irq) {
        return true;
    }
    if (intid < GIC_MAX_IRQ || intid > GIC_SPURIOUS) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: %s of INTID %" PRIu64
                      " (only %u implemented)\n", what, intid,
                      c->core->num_irq);
    }
    return false;
}

static void icc_eoir_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    GICCPU *c = icc_cpu(env);
    uint64_t intid = v & 0xffffff;

    if (intid >= GIC_MAX_IRQ && intid <= GIC_SPURIOUS) {
        return;                         /* special INTIDs: no effect */
    }
    if (!gic_core_drop_priority(c, icc_group(ri))) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: CPU %d EOI of INTID %"
                      PRIu64 " with no active Group %d interrupt\n",
                      c->index, intid, icc_group(ri));
        return;
    }
    if (!c->eoimode[0] && icc_intid_valid(c, intid, "EOI")) {
        gic_core_deactivate(c->core, c->index, intid);
    }
}

static void icc_dir_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    GICCPU *c = icc_cpu(env);
    uint64_t intid = v & 0xffffff;

    if (!c->eoimode[0]) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3: ICC_DIR_EL1 write with "
                      "EOImode clear ignored\n");
        return;
    }
    if (icc_intid_valid(c, intid, "DIR")) {
        gic_core_deactivate(c->core, c->index, intid);
    }
}

static uint64_t icc_rpr_read(CPUARMState *env, const ARMSysReg *ri)
{
    int rpr = gic_core_running_prio(icc_cpu(env));

    return rpr == GIC_IDLE_PRIORITY ? 0xff : rpr;
}

static uint64_t icc_bpr_read(CPUARMState *env, const ARMSysReg *ri)
{
    GICCPU *c = icc_cpu(env);

    if (icc_group(ri) == 1 && c->cbpr) {
        return MIN(c->bpr[0] + 1, 7);
    }
    return c->bpr[icc_group(ri)];
}

static void icc_bpr_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    GICCPU *c = icc_cpu(env);
    int group = icc_group(ri);
    /* Below the minimum the BPR reads as the minimum (5 priority bits). */
    unsigned min = 7 - c->core->pribits + group;

    if (group == 1 && c->cbpr) {
        return;                         /* BPR0 rules Group 1 too */
    }
    c->bpr[group] = MAX(v & 7, min);
    gic_core_update(c->core);
}

static uint64_t icc_ctlr_read(CPUARMState *env, const ARMSysReg *ri)
{
    GICCPU *c = icc_cpu(env);

    return ICC_CTLR_A3V | ICC_CTLR_IDBITS | ICC_CTLR_PRIBITS |
           (c->eoimode[0] ? ICC_CTLR_EOIMODE : 0) |
           (c->cbpr ? ICC_CTLR_CBPR : 0);
}

static void icc_ctlr_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    GICCPU *c = icc_cpu(env);

    c->cbpr = v & ICC_CTLR_CBPR;
    c->eoimode[0] = c->eoimode[1] = v & ICC_CTLR_EOIMODE;
    gic_core_update(c->core);
}

static uint64_t icc_igrpen_read(CPUARMState *env, const ARMSysReg *ri)
{
    return icc_cpu(env)->grpen[ri->op2 == 7];
}

static void icc_igrpen_write(CPUARMState *env, const ARMSysReg *ri,
                             uint64_t v)
{
    GICCPU *c = icc_cpu(env);

    c->grpen[ri->op2 == 7] = v & 1;
    gic_core_update(c->core);
}

/* AP0R<n> at CRm 8 op2 4-7, AP1R<n> at CRm 9 op2 0-3; n = 0 holds all
 * 32 levels of five priority bits, the others are RAZ/WI. */
static int icc_apr_index(const ARMSysReg *ri)
{
    return ri->crm == 8 ? ri->op2 - 4 : ri->op2;
}

static uint64_t icc_apr_read(CPUARMState *env, const ARMSysReg *ri)
{
    return gic_core_read_apr(icc_cpu(env), ri->crm == 9, icc_apr_index(ri));
}

static void icc_apr_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    gic_core_write_apr(icc_cpu(env), ri->crm == 9, icc_apr_index(ri), v);
}

/*
 * SGI generation: to every CPU in the target list at Aff3.Aff2.Aff1 with
 * Aff0 = RS * 16 + bit, or with IRM to every CPU but this one. The SGI is
 * pended only where its group matches the register (SGI0R: Group 0,
 * SGI1R and, with one Security state, ASGI1R: Group 1).
 */
static void icc_sgi_write(CPUARMState *env, const ARMSysReg *ri, uint64_t v)
{
    GICv3CPUState *self = icc_state(env);
    GICv3State *s = self->gic;
    unsigned sgi = SGIR_INTID(v), i;
    int group = ri->op2 == 7 ? 0 : 1;
    uint32_t aff_hi = SGIR_AFF3(v) << 16 | SGIR_AFF2(v) << 8 | SGIR_AFF1(v);

    for (i = 0; i < s->num_cpu; i++) {
        uint32_t aff = s->cpu[i].affinity;
        unsigned aff0 = aff & 0xff;
        GICIrq *irq = &s->core->cpu[i].priv[sgi];

        if (v & SGIR_IRM) {
            if ((int)i == self->index) {
                continue;
            }
        } else if ((aff >> 8) != aff_hi || aff0 / 16 != SGIR_RS(v) ||
                   !(SGIR_TARGETS(v) & (1u << (aff0 % 16)))) {
            continue;
        }
        if (irq->group == group) {
            irq->latched = true;
        }
    }
    gic_core_update(s->core);
}

#define ICC_REG(nm, crn_, crm_, op2_, acc, rd, wr)                         \
    { .name = nm, .op0 = 3, .op1 = 0, .crn = crn_, .crm = crm_,             \
      .op2 = op2_, .access = acc, .read = rd, .write = wr,                  \
      .accessfn = icc_access, .needs_bql = true }

static const ARMSysReg icc_regs[] = {
    ICC_REG("ICC_PMR_EL1", 4, 6, 0, EL1_RW, icc_pmr_read, icc_pmr_write),
    ICC_REG("ICC_IAR0_EL1", 12, 8, 0, EL1_R, icc_iar_read, NULL),
    ICC_REG("ICC_EOIR0_EL1", 12, 8, 1, EL1_W, icc_read_zero, icc_eoir_write),
    ICC_REG("ICC_HPPIR0_EL1", 12, 8, 2, EL1_R, icc_hppir_read, NULL),
    ICC_REG("ICC_BPR0_EL1", 12, 8, 3, EL1_RW, icc_bpr_read, icc_bpr_write),
    ICC_REG("ICC_AP0R0_EL1", 12, 8, 4, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP0R1_EL1", 12, 8, 5, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP0R2_EL1", 12, 8, 6, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP0R3_EL1", 12, 8, 7, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP1R0_EL1", 12, 9, 0, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP1R1_EL1", 12, 9, 1, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP1R2_EL1", 12, 9, 2, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_AP1R3_EL1", 12, 9, 3, EL1_RW, icc_apr_read, icc_apr_write),
    ICC_REG("ICC_DIR_EL1", 12, 11, 1, EL1_W, icc_read_zero, icc_dir_write),
    ICC_REG("ICC_RPR_EL1", 12, 11, 3, EL1_R, icc_rpr_read, NULL),
    ICC_REG("ICC_SGI1R_EL1", 12, 11, 5, EL1_W, icc_read_zero, icc_sgi_write),
    ICC_REG("ICC_ASGI1R_EL1", 12, 11, 6, EL1_W, icc_read_zero,
            icc_sgi_write),
    ICC_REG("ICC_SGI0R_EL1", 12, 11, 7, EL1_W, icc_read_zero, icc_sgi_write),
    ICC_REG("ICC_IAR1_EL1", 12, 12, 0, EL1_R, icc_iar_read, NULL),
    ICC_REG("ICC_EOIR1_EL1", 12, 12, 1, EL1_W, icc_read_zero,
            icc_eoir_write),
    ICC_REG("ICC_HPPIR1_EL1", 12, 12, 2, EL1_R, icc_hppir_read, NULL),
    ICC_REG("ICC_BPR1_EL1", 12, 12, 3, EL1_RW, icc_bpr_read, icc_bpr_write),
    ICC_REG("ICC_CTLR_EL1", 12, 12, 4, EL1_RW, icc_ctlr_read,
            icc_ctlr_write),
    ICC_REG("ICC_SRE_EL1", 12, 12, 5, EL1_RW, icc_sre_read, icc_sre_write),
    ICC_REG("ICC_IGRPEN0_EL1", 12, 12, 6, EL1_RW, icc_igrpen_read,
            icc_igrpen_write),
    ICC_REG("ICC_IGRPEN1_EL1", 12, 12, 7, EL1_RW, icc_igrpen_read,
            icc_igrpen_write),
};

void gicv3_cpuif_register(void)
{
    arm_sysregs_register(icc_regs, G_N_ELEMENTS(icc_regs));
}
