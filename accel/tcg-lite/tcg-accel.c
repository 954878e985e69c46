/*
 * The "tcg" accelerator (QOM type "tcg-accel"): runs a vCPU on the
 * TCG-lite interpreter inside the generic vCPU thread of softmmu/cpus.c.
 *
 * vcpu_run calls tcg_lite_exec with an instruction budget and turns what
 * it reports into a normalized AccelExit:
 *   budget used up, kick (exit_request) -> ACCEL_EXIT_NONE, so cpus.c
 *       re-checks pause / stop requests between slices;
 *   WFI (EXCP_HLT / EXCP_HALTED) -> ACCEL_EXIT_HLT: cpus.c parks the thread
 *       until cpu_has_work (an interrupt raised + cpus_kick);
 *   HVC / SMC -> the PSCI firmware calls a bare-metal guest or a kernel
 *       makes (SMC Calling Convention, function id in x0, result in x0):
 *       SYSTEM_OFF and SYSTEM_RESET leave through the shutdown / reset
 *       exits, PSCI_VERSION answers 1.1 as QEMU 7.2, anything else
 *       NOT_SUPPORTED;
 *   any other exception -> ACCEL_EXIT_ERROR (status 1): exception entry
 *       does not exist in the interpreter yet, so there is no vector to
 *       take it to.
 *
 * For now this is one thread per vCPU (cpus.c); the virt board refuses
 * -smp > 1 because the TCG-lite engine wants a single exec thread.
 * Register state lives in the CPU struct itself, so get/put are no-ops.
 */
#include "qemu/osdep.h"
#include "sysemu/accel.h"
#include "sysemu/runstate.h"
#include "exec/tcg-lite.h"
#include "target/arm/cpu.h"

#define TYPE_TCG_ACCEL ACCEL_CLASS_NAME("tcg")

/* Instructions per tcg_lite_exec call: large enough that leaving the
 * interpreter is rare, small enough that pause requests are seen soon
 * even if a kick were missed. */
#define TCG_ACCEL_SLICE (8 * 1024 * 1024)

/* PSCI function ids (ARM DEN 0022D) and return codes. */
#define PSCI_0_2_FN_PSCI_VERSION  0x84000000ULL
#define PSCI_0_2_FN_SYSTEM_OFF    0x84000008ULL
#define PSCI_0_2_FN_SYSTEM_RESET  0x84000009ULL
/* QEMU 7.2 answers 1.1 (checked against Debian's build). */
#define PSCI_VERSION_1_1          0x10001ULL
#define PSCI_RET_NOT_SUPPORTED    ((uint64_t)-1)

static const struct {
    int excp;
    const char *name;
} tcg_accel_excp_names[] = {
    { EXCP_UDEF, "UNDEF" },
    { EXCP_SWI, "SVC" },
    { EXCP_PREFETCH_ABORT, "prefetch abort" },
    { EXCP_DATA_ABORT, "data abort" },
    { EXCP_IRQ, "IRQ" },
    { EXCP_FIQ, "FIQ" },
    { EXCP_BKPT, "BRK" },
    { EXCP_HVC, "HVC" },
    { EXCP_SMC, "SMC" },
    { EXCP_HLT_INSN, "HLT" },
    { EXCP_DEBUG, "debug" },
};

static const char *tcg_accel_excp_name(int excp)
{
    for (size_t i = 0; i < G_N_ELEMENTS(tcg_accel_excp_names); i++) {
        if (tcg_accel_excp_names[i].excp == excp) {
            return tcg_accel_excp_names[i].name;
        }
    }
    return "unknown exception";
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
    return true;
}

static void tcg_accel_vcpu_destroy(CPUState *cpu, void *opaque)
{
    tcg_lite_cpu_release(cpu);
}

/*
 * HVC/SMC with the PC at the instruction: answer a PSCI call. Returns
 * true if the guest goes on (x0 holds the result, PC past the call).
 */
static bool tcg_accel_psci_call(CPUState *cpu, AccelExit *exit)
{
    CPUARMState *env = cpu_env(cpu);

    switch (env->xregs[0]) {
    case PSCI_0_2_FN_SYSTEM_OFF:
        exit->kind = ACCEL_EXIT_SHUTDOWN;
        return false;
    case PSCI_0_2_FN_SYSTEM_RESET:
        exit->kind = ACCEL_EXIT_RESET;
        return false;
    case PSCI_0_2_FN_PSCI_VERSION:
        env->xregs[0] = PSCI_VERSION_1_1;
        break;
    default:
        env->xregs[0] = PSCI_RET_NOT_SUPPORTED;
        break;
    }
    env->pc += 4;               /* preferred return of HVC/SMC */
    return true;
}

static void tcg_accel_report(CPUState *cpu, int excp, AccelExit *exit)
{
    CPUARMState *env = cpu_env(cpu);

    exit->kind = ACCEL_EXIT_ERROR;
    snprintf(exit->reason, sizeof(exit->reason),
             "tcg: guest exception %s (%d) at pc 0x%" PRIx64
             " syndrome 0x%08" PRIx32 " far 0x%" PRIx64
             ": exception entry is not supported by Kestrel yet",
             tcg_accel_excp_name(excp), excp, env->pc,
             env->exception.syndrome, env->exception.vaddress);
}

static void tcg_accel_vcpu_run(CPUState *cpu, void *opaque, AccelExit *exit)
{
    memset(exit, 0, sizeof(*exit));
    for (;;) {
        int r = tcg_lite_exec(cpu, TCG_ACCEL_SLICE);

        switch (r) {
        case EXCP_BUDGET:
        case EXCP_INTERRUPT:
            exit->kind = ACCEL_EXIT_NONE;
            return;
        case EXCP_HLT:
        case EXCP_HALTED:
            exit->kind = ACCEL_EXIT_HLT;
            return;
        case EXCP_HVC:
        case EXCP_SMC:
            if (tcg_accel_psci_call(cpu, exit)) {
                continue;
            }
            return;
        default:
            tcg_accel_report(cpu, r, exit);
            return;
        }
    }
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
