/*
 * PSCI firmware calls (ARM DEN 0022), answered by the emulator as QEMU's
 * virt does when it boots a kernel without firmware: the conduit is HVC
 * (EL2 and EL3 do not exist), so every HVC is a call to it (ids it does
 * not know answer NOT_SUPPORTED, as QEMU 7.2 does), x0 holds the result. PSCI_VERSION answers 1.1, as Debian's QEMU 7.2 does.
 *
 * CPU_ON resets the target CPU, starts it at EL1h with x0 = context_id at
 * the entry point and wakes its thread; CPU_OFF and SYSTEM_OFF park the
 * caller (halted, powered off). SYSTEM_OFF / SYSTEM_RESET ask the main
 * loop to end or reset the machine.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "sysemu/runstate.h"
#include "internals.h"

#define PSCI_FN_BASE            0x84000000u
#define PSCI_FN64_BIT           0x40000000u
#define PSCI_FN_VERSION         0x84000000u
#define PSCI_FN_CPU_SUSPEND     0x84000001u
#define PSCI_FN_CPU_OFF         0x84000002u
#define PSCI_FN_CPU_ON          0x84000003u
#define PSCI_FN_AFFINITY_INFO   0x84000004u
#define PSCI_FN_MIGRATE         0x84000005u
#define PSCI_FN_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_FN_MIGRATE_INFO_UP_CPU 0x84000007u
#define PSCI_FN_SYSTEM_OFF      0x84000008u
#define PSCI_FN_SYSTEM_RESET    0x84000009u
#define PSCI_FN_FEATURES        0x8400000au

#define PSCI_RET_SUCCESS            0
#define PSCI_RET_NOT_SUPPORTED      (-1)
#define PSCI_RET_INVALID_PARAMS     (-2)
#define PSCI_RET_ALREADY_ON         (-4)
#define PSCI_VERSION_1_1            0x10001

/* AFFINITY_INFO states. */
#define PSCI_AFF_ON  0
#define PSCI_AFF_OFF 1

/* MPIDR affinity fields a CPU_ON / AFFINITY_INFO argument may name. */
#define PSCI_MPIDR_MASK 0xff00ffffffULL

bool arm_is_psci_call(ARMCPU *cpu, int excp)
{
    if (excp != EXCP_HVC) {
        return false;               /* conduit: HVC only */
    }
    /* As QEMU 7.2 with the HVC conduit and no EL2: every HVC is a
     * firmware call; ids PSCI does not know answer NOT_SUPPORTED. */
    return true;
}

static ARMCPU *psci_find_cpu(uint64_t mpidr)
{
    CPUState *cs;
    int i;

    for (i = 0; (cs = qemu_get_cpu(i)) != NULL; i++) {
        ARMCPU *c = ARM_CPU(cs);
        if (c->mp_affinity == (mpidr & PSCI_MPIDR_MASK)) {
            return c;
        }
    }
    return NULL;
}

/* Power the caller off: it parks until a CPU_ON. */
static void psci_cpu_off(ARMCPU *cpu)
{
    CPUState *cs = CPU(cpu);

    cpu->power_on = false;
    cs->halted = true;
    cs->exception_index = EXCP_HLT;
}

static int64_t psci_cpu_on(ARMCPU *cpu, uint64_t mpidr, uint64_t entry,
                           uint64_t context)
{
    ARMCPU *target = psci_find_cpu(mpidr);
    CPUARMState *tenv;

    if (!target) {
        return PSCI_RET_INVALID_PARAMS;
    }
    if (__atomic_load_n(&target->power_on, __ATOMIC_SEQ_CST)) {
        return PSCI_RET_ALREADY_ON;
    }
    /* The target is parked (powered off), so its state is ours to set. */
    cpu_reset(CPU(target));
    tenv = &target->env;
    tenv->pc = entry;
    tenv->xregs[0] = context;
    __atomic_store_n(&target->power_on, true, __ATOMIC_SEQ_CST);
    /* Wake its thread: has_work is true for a CPU just powered on. */
    cpu_interrupt(CPU(target), CPU_INTERRUPT_EXITTB);
    return PSCI_RET_SUCCESS;
}

static int64_t psci_features(uint64_t fn)
{
    switch (fn) {
    case PSCI_FN_VERSION:
    case PSCI_FN_CPU_SUSPEND:
    case PSCI_FN_CPU_SUSPEND | PSCI_FN64_BIT:
    case PSCI_FN_CPU_OFF:
    case PSCI_FN_CPU_ON:
    case PSCI_FN_CPU_ON | PSCI_FN64_BIT:
    case PSCI_FN_AFFINITY_INFO:
    case PSCI_FN_AFFINITY_INFO | PSCI_FN64_BIT:
    case PSCI_FN_MIGRATE_INFO_TYPE:
    case PSCI_FN_SYSTEM_OFF:
    case PSCI_FN_SYSTEM_RESET:
    case PSCI_FN_FEATURES:
        return PSCI_RET_SUCCESS;
    default:
        return PSCI_RET_NOT_SUPPORTED;
    }
}

void arm_handle_psci_call(ARMCPU *cpu)
{
    CPUARMState *env = &cpu->env;
    uint32_t fn = (uint32_t)env->xregs[0];
    bool is64 = fn & PSCI_FN64_BIT;
    uint64_t a1 = env->xregs[1], a2 = env->xregs[2], a3 = env->xregs[3];
    int64_t ret;
    ARMCPU *t;

    if (!is64) {
        a1 = (uint32_t)a1;
        a2 = (uint32_t)a2;
        a3 = (uint32_t)a3;
    }
    env->pc += 4;                   /* the preferred return of HVC */
    switch (fn & ~PSCI_FN64_BIT) {
    case PSCI_FN_VERSION:
        ret = PSCI_VERSION_1_1;
        break;
    case PSCI_FN_CPU_ON:
        ret = psci_cpu_on(cpu, a1, a2, a3);
        break;
    case PSCI_FN_CPU_OFF:
        psci_cpu_off(cpu);
        return;
    case PSCI_FN_CPU_SUSPEND:
        /* Standby and power-down both wait for an interrupt here, as a
         * WFI would; the caller resumes after the call. */
        CPU(cpu)->halted = true;
        CPU(cpu)->exception_index = EXCP_HLT;
        ret = PSCI_RET_SUCCESS;
        break;
    case PSCI_FN_AFFINITY_INFO:
        if (a2 != 0) {
            ret = PSCI_RET_INVALID_PARAMS;      /* only level 0 */
            break;
        }
        t = psci_find_cpu(a1);
        ret = !t ? PSCI_RET_INVALID_PARAMS :
              __atomic_load_n(&t->power_on, __ATOMIC_SEQ_CST) ?
              PSCI_AFF_ON : PSCI_AFF_OFF;
        break;
    case PSCI_FN_MIGRATE_INFO_TYPE:
        ret = 2;                    /* no Trusted OS to migrate */
        break;
    case PSCI_FN_SYSTEM_OFF:
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        psci_cpu_off(cpu);
        return;
    case PSCI_FN_SYSTEM_RESET:
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        psci_cpu_off(cpu);
        return;
    case PSCI_FN_FEATURES:
        ret = psci_features(a1);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "psci: function 0x%08x not supported\n",
                      fn);
        ret = PSCI_RET_NOT_SUPPORTED;
        break;
    }
    env->xregs[0] = (uint64_t)ret;
}
