/*
 * The "tcg" accelerator (QOM type "tcg-accel"): runs a vCPU on the
 * TCG-lite interpreter inside the generic vCPU thread of softmmu/cpus.c.
 *
 * vcpu_run calls tcg_lite_exec with an instruction budget and turns what
 * it reports into a normalized AccelExit:
 *   budget used up, kick (exit_request) -> ACCEL_EXIT_NONE, so cpus.c
 *       re-checks pause / stop requests between slices;
 *   WFI (EXCP_HLT / EXCP_HALTED), or the CPU powered off by the target's
 *       firmware calls -> ACCEL_EXIT_HLT: cpus.c parks the thread until
 *       cpu_has_work (an interrupt raised, CPU_ON);
 *   a guest exception -> the target takes it (tcg_ops->do_interrupt:
 *       vector to the guest's handler, or a PSCI call) and we go on;
 *   an engine stop with no guest meaning (EXCP_DEBUG) -> ACCEL_EXIT_ERROR.
 *
 * vCPUs run round-robin: each vCPU has its thread (cpus.c), but only the
 * holder of a FIFO ticket lock is inside the engine, so the translation
 * cache and page tracker keep one owner at a time (docs/devel/tcg-lite.md).
 * A vCPU gives the engine up after each slice, when it halts or when it
 * stops for any other reason. Register state lives in the CPU struct
 * itself, so get/put are no-ops.
 */
#include "qemu/osdep.h"
#include "sysemu/accel.h"
#include "sysemu/runstate.h"
#include "exec/tcg-lite.h"

#define TYPE_TCG_ACCEL ACCEL_CLASS_NAME("tcg")

/* Instructions per tcg_lite_exec call: large enough that leaving the
 * interpreter is rare, small enough that pause requests are seen soon
 * even if a kick were missed. With several vCPUs a slice is also the
 * longest another vCPU waits for its turn (an IPI's latency). */
#define TCG_ACCEL_SLICE (8 * 1024 * 1024)
#define TCG_ACCEL_SMP_SLICE (256 * 1024)

/* The round-robin ticket lock. */
static GMutex tcg_rr_lock;
static GCond tcg_rr_cond;
static unsigned tcg_rr_next_ticket, tcg_rr_serving;
static int tcg_rr_vcpus;            /* vCPUs set up on this accelerator */

static void tcg_rr_acquire(void)
{
    unsigned ticket;

    g_mutex_lock(&tcg_rr_lock);
    ticket = tcg_rr_next_ticket++;
    while (tcg_rr_serving != ticket) {
        g_cond_wait(&tcg_rr_cond, &tcg_rr_lock);
    }
    g_mutex_unlock(&tcg_rr_lock);
}

static void tcg_rr_release(void)
{
    g_mutex_lock(&tcg_rr_lock);
    tcg_rr_serving++;
    g_cond_broadcast(&tcg_rr_cond);
    g_mutex_unlock(&tcg_rr_lock);
}

static bool tcg_accel_init_machine(AccelState *accel, MachineState *ms,
                                   Error **errp)
{
    /* Nothing to open: the interpreter needs no host device. */
    return true;
}

static bool tcg_accel_vcpu_init(CPUState *cpu, void **opaque, Error **errp)
{
    if (!CPU_GET_CLASS(cpu)->tcg_ops) {
        error_setg(errp, "CPU type '%s' cannot run on TCG-lite",
                   object_get_typename(OBJECT(cpu)));
        return false;
    }
    /* Per-vCPU engine state is made by the first tcg_lite_exec; cpus.c
     * only needs a non-NULL token to know the vCPU is set up. */
    *opaque = cpu;
    __atomic_fetch_add(&tcg_rr_vcpus, 1, __ATOMIC_SEQ_CST);
    return true;
}

static void tcg_accel_vcpu_destroy(CPUState *cpu, void *opaque)
{
    __atomic_fetch_sub(&tcg_rr_vcpus, 1, __ATOMIC_SEQ_CST);
    tcg_rr_acquire();               /* the engine's CPU list changes */
    tcg_lite_cpu_release(cpu);
    tcg_rr_release();
}

static void tcg_accel_report(CPUState *cpu, int excp, AccelExit *exit)
{
    exit->kind = ACCEL_EXIT_ERROR;
    snprintf(exit->reason, sizeof(exit->reason),
             "tcg: engine stop %d at pc 0x%" PRIx64, excp, cpu_get_pc(cpu));
}

static void tcg_accel_vcpu_run(CPUState *cpu, void *opaque, AccelExit *exit)
{
    const TCGLiteOps *ops = CPU_GET_CLASS(cpu)->tcg_ops;
    int64_t slice = __atomic_load_n(&tcg_rr_vcpus, __ATOMIC_SEQ_CST) > 1 ?
                    TCG_ACCEL_SMP_SLICE : TCG_ACCEL_SLICE;

    memset(exit, 0, sizeof(*exit));
    tcg_rr_acquire();
    for (;;) {
        int r = tcg_lite_exec(cpu, slice);

        if (r == EXCP_BUDGET || r == EXCP_INTERRUPT) {
            exit->kind = ACCEL_EXIT_NONE;
            break;
        }
        if (r == EXCP_HLT || r == EXCP_HALTED) {
            exit->kind = ACCEL_EXIT_HLT;
            break;
        }
        if (r >= EXCP_INTERRUPT || r < 0 || !ops->do_interrupt) {
            tcg_accel_report(cpu, r, exit);
            break;
        }
        ops->do_interrupt(cpu);
        if (cpu->halted) {
            exit->kind = ACCEL_EXIT_HLT;  /* powered off / suspended */
            break;
        }
    }
    tcg_rr_release();
}

static void tcg_accel_vcpu_kick(CPUState *cpu, void *opaque)
{
    /* exit_request is checked at every block boundary and before the
     * first block, so a kick before vcpu_run is not lost either. */
    cpu_exit(cpu);
}

static bool tcg_accel_vcpu_sync(CPUState *cpu, void *opaque, Error **errp)
{
    /* The interpreter works on the CPU struct directly. */
    return true;
}

static void tcg_accel_class_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->name = "tcg";
    ac->thread_suffix = "TCG";
    ac->init_machine = tcg_accel_init_machine;
    ac->vcpu_init = tcg_accel_vcpu_init;
    ac->vcpu_destroy = tcg_accel_vcpu_destroy;
    ac->vcpu_run = tcg_accel_vcpu_run;
    ac->vcpu_kick = tcg_accel_vcpu_kick;
    ac->vcpu_get_state = tcg_accel_vcpu_sync;
    ac->vcpu_put_state = tcg_accel_vcpu_sync;
}

static const TypeInfo tcg_accel_type = {
    .name = TYPE_TCG_ACCEL,
    .parent = TYPE_ACCEL,
    .class_init = tcg_accel_class_init,
};

static void tcg_accel_register_types(void)
{
    type_register_static(&tcg_accel_type);
}

type_init(tcg_accel_register_types)
