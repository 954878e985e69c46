/*
 * AArch64 CPU models and their architectural reset.
 *
 * cortex-a57: MIDR 0x411FD070 (r1p0) and the A57 TRM's ID registers, with
 * every feature Kestrel does not implement yet cleared, so a guest never
 * sees a feature it cannot use (see docs/devel/tcg-lite.md, "ID registers").
 * max: the same implemented set under QEMU's 'max' MIDR (implementer 0,
 * part 'Q'); it grows as extensions land.
 *
 * Reset: EL1h, DAIF masked, PC = rvbar (the loader sets it later), general
 * registers zero, as QEMU does.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"
#include "debug.h"

static const Property arm_cpu_props[] = {
    PROP_UINT64("rvbar", ARMCPU, rvbar, 0),
    PROP_UINT64("cntfrq", ARMCPU, cntfrq, 62500000),
    PROP_BOOL("start-powered-off", ARMCPU, start_powered_off, false),
    PROP_END,
};

void arm_pstate_write(CPUARMState *env, uint32_t pstate)
{
    int old_el = env->el, new_el = (pstate >> PSTATE_EL_SHIFT) & 3;
    int old_sp = (env->pstate & PSTATE_SP) ? old_el : 0;
    int new_sp = (pstate & PSTATE_SP) ? new_el : 0;

    env->sp_el[old_sp] = env->xregs[ARM_XREG_SP];
    env->xregs[ARM_XREG_SP] = env->sp_el[new_sp];
    arm_nzcv_write(env, pstate & PSTATE_NZCV);
    env->pstate = pstate & ~PSTATE_NZCV;
    env->el = new_el;
    env->mmu_idx = new_el;
}

static void arm_cpu_reset(CPUState *cs)
{
    ARMCPU *cpu = ARM_CPU(cs);
    CPUARMState *env = &cpu->env;

    memset(env, 0, sizeof(*env));
    arm_nzcv_write(env, 0);
    env->exclusive_addr = -1;
    /* EL1 using SP_EL1, all of D, A, I, F masked. */
    env->pstate = PSTATE_DAIF | (1u << PSTATE_EL_SHIFT) | PSTATE_SP;
    env->el = 1;
    env->mmu_idx = 1;
    env->pc = cpu->rvbar;
    arm_sysregs_reset(cpu);
    cpu->power_on = !cpu->start_powered_off;
    cs->halted = !cpu->power_on;
    arm_gt_timer_reset(cpu);
    tlb_flush(cs);
}

static bool arm_fp_enabled(const CPUARMState *env);

/* QEMU's "info registers" layout for AArch64. */
static void arm_cpu_dump_state(CPUState *cs, GString *out)
{
    CPUARMState *env = cpu_env(cs);
    uint32_t psr = pstate_read(env);
    int i;

    g_string_append_printf(out, " PC=%016" PRIx64 " ", env->pc);
    for (i = 0; i < 32; i++) {
        if (i == 31) {
            g_string_append_printf(out, " SP=%016" PRIx64 "\n",
                                   env->xregs[31]);
        } else {
            g_string_append_printf(out, "X%02d=%016" PRIx64 "%s", i,
                                   env->xregs[i], (i + 2) % 3 ? " " : "\n");
        }
    }
    g_string_append_printf(out, "PSTATE=%08x %c%c%c%c EL%d%c", psr,
                           psr & PSTATE_N ? 'N' : '-',
                           psr & PSTATE_Z ? 'Z' : '-',
                           psr & PSTATE_C ? 'C' : '-',
                           psr & PSTATE_V ? 'V' : '-',
                           env->el, psr & PSTATE_SP ? 'h' : 't');
    /* As QEMU: "FPU disabled" while CPACR_EL1 traps FP (as at reset),
     * else FPCR/FPSR and the Q registers. */
    if (!arm_fp_enabled(env)) {
        g_string_append(out, "    FPU disabled\n");
        return;
    }
    g_string_append_printf(out, "     FPCR=%08x FPSR=%08x\n", env->fpcr,
                           env->fpsr);
    for (i = 0; i < 32; i++) {
        g_string_append_printf(out, "Q%02d=%016" PRIx64 ":%016" PRIx64 "%s",
                               i, env->vregs[i].d[1], env->vregs[i].d[0],
                               i % 2 ? "\n" : " ");
    }
}

static uint64_t arm_cpu_get_pc(CPUState *cs)
{
    return cpu_env(cs)->pc;
}

static void arm_cpu_set_pc(CPUState *cs, uint64_t pc)
{
    cpu_env(cs)->pc = pc;
}

/* WFI wakes on a pending interrupt whether or not PSTATE masks it; a
 * powered-off CPU wakes only when CPU_ON powers it (EXITTB is its kick). */
static bool arm_cpu_has_work(CPUState *cs)
{
    uint32_t req = __atomic_load_n(&cs->interrupt_request, __ATOMIC_SEQ_CST);

    if (!__atomic_load_n(&ARM_CPU(cs)->power_on, __ATOMIC_SEQ_CST)) {
        return false;
    }
    return req & (CPU_INTERRUPT_HARD | CPU_INTERRUPT_FIQ |
                  CPU_INTERRUPT_VIRQ | CPU_INTERRUPT_VFIQ |
                  CPU_INTERRUPT_EXITTB);
}

/* GPIO inputs ARM_CPU_IRQ..VFIQ: a level per line. */
static void arm_cpu_set_irq(void *opaque, int line, int level)
{
    static const uint32_t mask[] = {
        [ARM_CPU_IRQ] = CPU_INTERRUPT_HARD,
        [ARM_CPU_FIQ] = CPU_INTERRUPT_FIQ,
        [ARM_CPU_VIRQ] = CPU_INTERRUPT_VIRQ,
        [ARM_CPU_VFIQ] = CPU_INTERRUPT_VFIQ,
    };
    CPUState *cs = opaque;

    if (line < 0 || line >= (int)G_N_ELEMENTS(mask)) {
        return;
    }
    if (level) {
        cpu_interrupt(cs, mask[line]);
    } else {
        cpu_reset_interrupt(cs, mask[line]);
    }
}

/* ---- The interpreter's view ---------------------------------------- */

/* CPACR_EL1.FPEN: 0b11 enables FP at EL0 and EL1, 0b01 at EL1 only. */
static bool arm_fp_enabled(const CPUARMState *env)
{
    unsigned fpen = (env->cpacr_el1 >> 20) & 3;

    return fpen == 3 || (fpen == 1 && env->el == 1);
}

/* Block key: see ARM_TBFLAG_* in translate.h. */
static void arm_get_tb_state(CPUState *cs, uint64_t *pc, uint32_t *flags)
{
    CPUARMState *env = cpu_env(cs);

    *pc = env->pc;
    *flags = env->el | (env->pstate & PSTATE_SP ? ARM_TBFLAG_SPSEL : 0) |
             (arm_fp_enabled(env) ? ARM_TBFLAG_FPEN : 0) |
             (env->pstate & PSTATE_IL ? ARM_TBFLAG_IL : 0) |
             (env->pc & 3 ? ARM_TBFLAG_PCALIGN : 0);
    /* One test when no debug exception is enabled (the usual case). */
    if (__builtin_expect(env->mdscr_el1 & (MDSCR_SS | MDSCR_MDE), 0)) {
        *flags |= arm_debug_tb_flags(env);
    }
}

static int arm_mmu_index(CPUState *cs)
{
    return cpu_env(cs)->mmu_idx;
}

/*
 * SCTLR_EL1.A: every misaligned data access faults (alignment fault,
 * FSC 0x21). The engine's watched-page mechanism carries it: with A set
 * every page takes the slow path, whose check runs before the access
 * (and before a page-crossing one is split). SCTLR writes flush the TLB.
 */
#define SCTLR_A (1ULL << 1)

static bool arm_watch_page(CPUState *cs, uint64_t page_va)
{
    return (cpu_env(cs)->sctlr_el1 & SCTLR_A) ||
           arm_debug_watch_page(cs, page_va);
}

static bool arm_check_access(CPUState *cs, uint64_t va, unsigned size,
                             MMUAccessType access, int mmu_idx)
{
    if ((cpu_env(cs)->sctlr_el1 & SCTLR_A) && access != MMU_INST_FETCH &&
        (va & (size - 1))) {
        arm_record_abort(cs, access, va, ARM_FSC_ALIGNMENT, false);
        return true;
    }
    return arm_debug_check_watchpoint(cs, va, size, access, mmu_idx);
}

static const TCGLiteOps arm_tcg_ops = {
    .get_tb_state = arm_get_tb_state,
    .translate = a64_translate,
    .tlb_fill = arm_cpu_tlb_fill,
    .mmu_index = arm_mmu_index,
    .exec_interrupt = arm_cpu_exec_interrupt,
    .memory_fault = arm_cpu_memory_fault,
    .do_interrupt = arm_cpu_do_interrupt,
    .watch_page = arm_watch_page,
    .check_watchpoint = arm_check_access,
    .disas_arch = "aarch64",
};

/* ---- QOM ------------------------------------------------------------ */

static bool arm_cpu_realize(DeviceState *dev, Error **errp)
{
    ARMCPU *cpu = ARM_CPU(dev);
    int idx = CPU(dev)->cpu_index;

    /* QEMU's virt layout: 8 CPUs per cluster (Aff1), index in Aff0. */
    cpu->mp_affinity = (uint64_t)(idx / 8) << 8 | (idx % 8);
    arm_gt_timer_realize(cpu);
    return ARM_CPU_GET_CLASS(dev)->parent_realize(dev, errp);
}

static void arm_cpu_finalize(Object *obj)
{
    tcg_lite_cpu_release(CPU(obj));
}

/*
 * ID registers. Each value is the model's (A57 TRM / QEMU's model) with
 * what is not implemented yet taken out; the comments say what changed.
 */
static void arm_cpu_set_implemented_ids(ARMCPU *cpu)
{
    /* EL0, EL1: AArch64 only (no AArch32 yet); EL2, EL3 absent as on
     * QEMU's virt without virtualization=on/secure=on; FP and AdvSIMD
     * implemented (0), no FP16. The board sets GIC (bits 27:24) when it
     * gives the CPU a GICv3 system register interface. */
    cpu->isar.id_aa64pfr0 = 0x00000011;
    cpu->isar.id_aa64pfr1 = 0;
    /* Debug v8 with the A57's 6 breakpoints / 4 watchpoints / 2 context
     * comparators; PMU absent. */
    cpu->isar.id_aa64dfr0 = 0x10305006;
    /* A57: AES+PMULL 2, SHA1 1, SHA2 1, CRC32 1. */
    cpu->isar.id_aa64isar0 = 0x11120;
    cpu->isar.id_aa64isar1 = 0;
    /* 44-bit PA, 16-bit ASID, 4K and 64K granules; no mixed endian. */
    cpu->isar.id_aa64mmfr0 = 0x00001024;
    cpu->isar.id_aa64mmfr1 = 0;
    cpu->isar.id_aa64mmfr2 = 0;
    cpu->ctr = 0x8444c004;
    /* The A57's caches: L1 I 48 KiB, L1 D 32 KiB, L2 2 MiB (TRM). */
    cpu->clidr = 0x0a200023;
    cpu->ccsidr[0] = 0x701fe00a;        /* L1 data */
    cpu->ccsidr[1] = 0x201fe012;        /* L1 instruction */
    cpu->ccsidr[2] = 0x70ffe07a;        /* L2 unified */
    /* DC ZVA is not implemented yet: DZP = 1 (the A57 says 4, 64 bytes). */
    cpu->dczid = 0x14;
    cpu->revidr = 0;
}

/* Lines every model has: interrupt inputs, timer outputs. */
static void arm_cpu_initfn(Object *obj)
{
    ARMCPU *cpu = ARM_CPU(obj);

    qdev_init_gpio_in(DEVICE(obj), arm_cpu_set_irq, 4);
    qdev_init_gpio_out_named(DEVICE(obj), cpu->gt_timer_outputs,
                             "gt-timer-outputs", NUM_GTIMERS);
}

static void arm_cpu_a57_init(Object *obj)
{
    ARMCPU *cpu = ARM_CPU(obj);

    cpu->midr = 0x411fd070;
    arm_cpu_set_implemented_ids(cpu);
}

static void arm_cpu_max_init(Object *obj)
{
    ARMCPU *cpu = ARM_CPU(obj);

    /* Implementer 0 (software), architecture 0xF, part 'Q', as QEMU. */
    cpu->midr = 0x000f0510;
    arm_cpu_set_implemented_ids(cpu);
    /* The 16K granule (TGran16 = 1: no 52-bit addresses). */
    cpu->isar.id_aa64mmfr0 |= 1ULL << 20;
}

static void arm_cpu_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    CPUClass *cc = CPU_CLASS(klass);
    ARMCPUClass *acc = ARM_CPU_CLASS(klass);

    arm_sysregs_init();
    acc->parent_realize = dc->realize;
    dc->realize = arm_cpu_realize;
    device_class_set_props(dc, arm_cpu_props);
    cc->reset = arm_cpu_reset;
    cc->dump_state = arm_cpu_dump_state;
    cc->get_pc = arm_cpu_get_pc;
    cc->set_pc = arm_cpu_set_pc;
    cc->has_work = arm_cpu_has_work;
    cc->tcg_ops = &arm_tcg_ops;
}

static const TypeInfo arm_cpu_types[] = {
    {
        .name = TYPE_ARM_CPU,
        .parent = TYPE_CPU,
        .instance_size = sizeof(ARMCPU),
        .instance_init = arm_cpu_initfn,
        .instance_finalize = arm_cpu_finalize,
        .abstract = true,
        .class_size = sizeof(ARMCPUClass),
        .class_init = arm_cpu_class_init,
    },
    {
        .name = TYPE_ARM_CPU_CORTEX_A57,
        .parent = TYPE_ARM_CPU,
        .instance_init = arm_cpu_a57_init,
    },
    {
        .name = TYPE_ARM_CPU_MAX,
        .parent = TYPE_ARM_CPU,
        .instance_init = arm_cpu_max_init,
    },
};

static void arm_cpu_register_types(void)
{
    type_register_static_array(arm_cpu_types, ARRAY_SIZE(arm_cpu_types));
}

type_init(arm_cpu_register_types)
