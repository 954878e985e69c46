/*
 * KVM vCPUs and the "kvm-accel" class: create a vCPU, run KVM_RUN once and
 * turn its exit into an AccelExit, kick from any thread.
 *
 * Everything read from the shared kvm_run page is checked before use: the
 * guest cannot change it, but a host kernel bug or a PVM quirk must not
 * make us read outside the mapping.
 *
 * Kick: run->immediate_exit = 1, then SIG_IPI to the thread. The flag
 * covers the window before KVM_RUN is entered, the signal the time inside
 * it; the vCPU clears the flag only after KVM_RUN returned and before it
 * re-checks its state, so no kick is lost.
 */
#include "qemu/osdep.h"
#include "kvm-internal.h"
#include "sysemu/accel.h"
#include "hw/core/cpu.h"
#include "qemu/error-report.h"
#include <pthread.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#define SIG_IPI SIGUSR1

typedef struct KVMVcpuPriv {
    KVMVcpu v;
    pthread_t thread;
} KVMVcpuPriv;

static void kvm_ipi_handler(int sig)
{
    /* Nothing to do: the signal only makes KVM_RUN return EINTR. */
}

static void kvm_ipi_install(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        struct sigaction sa = { .sa_handler = kvm_ipi_handler };

        sigemptyset(&sa.sa_mask);
        /* SA_RESTART: device code interrupted by a kick restarts its
         * syscalls; KVM_RUN itself never restarts (it returns -EINTR). */
        sa.sa_flags = SA_RESTART;
        sigaction(SIG_IPI, &sa, NULL);
        g_once_init_leave(&done, 1);
    }
}

/*
 * With KVM_CAP_IMMEDIATE_EXIT the signal may arrive at any time: unblock
 * it. Without, a signal landing just before KVM_RUN would be lost: keep it
 * blocked in the thread and let KVM unblock it only inside KVM_RUN
 * (KVM_SET_SIGNAL_MASK), so a pending kick makes KVM_RUN return at once.
 */
static bool kvm_ipi_setup_thread(KVMVcpuPriv *p, Error **errp)
{
    sigset_t set;
    struct {
        struct kvm_signal_mask h;
        uint8_t mask[8];        /* the kernel's sigset: 64 bits */
    } km;

    sigemptyset(&set);
    sigaddset(&set, SIG_IPI);
    if (kvm_state.immediate_exit) {
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
        return true;
    }
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_sigmask(SIG_BLOCK, NULL, &set);
    sigdelset(&set, SIG_IPI);
    km.h.len = 8;
    memcpy(km.mask, &set, 8);
    if (ioctl(p->v.fd, KVM_SET_SIGNAL_MASK, &km) < 0) {
        error_setg_errno(errp, errno, "KVM_SET_SIGNAL_MASK");
        return false;
    }
    return true;
}

static bool kvm_vcpu_init(CPUState *cpu, void **opaque, Error **errp)
{
    KVMVcpuPriv *p = g_new0(KVMVcpuPriv, 1);
    void *run;

    p->v.cpu = cpu;
    p->v.fd = ioctl(kvm_state.vm_fd, KVM_CREATE_VCPU, kvm_arch_vcpu_id(cpu));
    if (p->v.fd < 0) {
        error_setg_errno(errp, errno, "KVM_CREATE_VCPU %d", cpu->cpu_index);
        g_free(p);
        return false;
    }
    run = mmap(NULL, kvm_state.run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
               p->v.fd, 0);
    if (run == MAP_FAILED) {
        error_setg_errno(errp, errno, "mmap of kvm_run for vCPU %d",
                         cpu->cpu_index);
        close(p->v.fd);
        g_free(p);
        return false;
    }
    p->v.run = run;
    p->v.run_size = kvm_state.run_size;
    p->thread = pthread_self();
    if (!kvm_arch_init_vcpu(&p->v, errp)) {
        munmap(run, p->v.run_size);
        close(p->v.fd);
        g_free(p);
        return false;
    }
    kvm_ipi_install();
    if (!kvm_ipi_setup_thread(p, errp)) {
        munmap(run, p->v.run_size);
        close(p->v.fd);
        g_free(p);
        return false;
    }
    *opaque = p;
    return true;
}

static void kvm_vcpu_destroy(CPUState *cpu, void *opaque)
{
    KVMVcpuPriv *p = opaque;

    munmap(p->v.run, p->v.run_size);
    close(p->v.fd);
    g_free(p);
}

static void kvm_vcpu_kick(CPUState *cpu, void *opaque)
{
    KVMVcpuPriv *p = opaque;

    if (kvm_state.immediate_exit) {
        __atomic_store_n(&p->v.run->immediate_exit, 1, __ATOMIC_SEQ_CST);
    }
    pthread_kill(p->thread, SIG_IPI);
}

/* ---- Exit normalisation, one small function per exit kind ------------- */

static void kvm_exit_error(AccelExit *e, const char *fmt, ...)
    QEMU_PRINTF(2, 3);

static void kvm_exit_error(AccelExit *e, const char *fmt, ...)
{
    va_list ap;

    e->kind = ACCEL_EXIT_ERROR;
    va_start(ap, fmt);
    vsnprintf(e->reason, sizeof(e->reason), fmt, ap);
    va_end(ap);
}

static void kvm_exit_io(KVMVcpu *v, AccelExit *e)
{
    struct kvm_run *run = v->run;
    uint64_t size = run->io.size, count = run->io.count;
    uint64_t off = run->io.data_offset;

    if ((size != 1 && size != 2 && size != 4) || count == 0 ||
        off > v->run_size || size * count > v->run_size - off) {
        kvm_exit_error(e, "KVM: bad I/O exit (port 0x%x size %" PRIu64
                       " count %" PRIu64 " offset 0x%" PRIx64 ")",
                       run->io.port, size, count, off);
        return;
    }
    e->kind = ACCEL_EXIT_IO;
    e->is_write = run->io.direction == KVM_EXIT_IO_OUT;
    e->addr = run->io.port;
    e->size = size;
    e->count = count;
    e->data = (uint8_t *)run + off;
}

static void kvm_exit_mmio(KVMVcpu *v, AccelExit *e)
{
    struct kvm_run *run = v->run;
    uint32_t len = run->mmio.len;

    if (len == 0 || len > sizeof(run->mmio.data)) {
        kvm_exit_error(e, "KVM: bad MMIO exit (addr 0x%llx len %u)",
                       (unsigned long long)run->mmio.phys_addr, len);
        return;
    }
    e->kind = ACCEL_EXIT_MMIO;
    e->is_write = run->mmio.is_write;
    e->addr = run->mmio.phys_addr;
    e->size = len;
    e->count = 1;
    e->data = run->mmio.data;
}

static void kvm_exit_system_event(KVMVcpu *v, AccelExit *e)
{
    switch (v->run->system_event.type) {
    case KVM_SYSTEM_EVENT_SHUTDOWN:
        e->kind = ACCEL_EXIT_SHUTDOWN;
        break;
    case KVM_SYSTEM_EVENT_RESET:
        e->kind = ACCEL_EXIT_RESET;
        break;
    case KVM_SYSTEM_EVENT_CRASH:
        e->kind = ACCEL_EXIT_PANIC;
        break;
    default:
        warn_report("KVM: unknown system event %u, ignored",
                    v->run->system_event.type);
        e->kind = ACCEL_EXIT_NONE;
        break;
    }
}

static void kvm_exit_internal_error(KVMVcpu *v, AccelExit *e)
{
    struct kvm_run *run = v->run;
    uint32_t n = MIN(run->internal.ndata, (uint32_t)ARRAY_SIZE(run->internal.data));
    int len;

    len = snprintf(e->reason, sizeof(e->reason),
                   "KVM internal error. Suberror: %u", run->internal.suberror);
    for (uint32_t i = 0; i < n && len > 0 && len < (int)sizeof(e->reason);
         i++) {
        len += snprintf(e->reason + len, sizeof(e->reason) - len,
                        "%sextra data[%u]: 0x%016llx", i ? ", " : "\n", i,
                        (unsigned long long)run->internal.data[i]);
    }
    if (run->internal.suberror == KVM_INTERNAL_ERROR_EMULATION &&
        len > 0 && len < (int)sizeof(e->reason)) {
        snprintf(e->reason + len, sizeof(e->reason) - len,
                 "\nemulation failure");
    }
    e->kind = ACCEL_EXIT_ERROR;
}

void kvm_vcpu_decode_exit(KVMVcpu *v, AccelExit *e)
{
    struct kvm_run *run = v->run;

    switch (run->exit_reason) {
    case KVM_EXIT_IO:
        kvm_exit_io(v, e);
        break;
    case KVM_EXIT_MMIO:
        kvm_exit_mmio(v, e);
        break;
    case KVM_EXIT_HLT:
        e->kind = ACCEL_EXIT_HLT;
        break;
    case KVM_EXIT_SHUTDOWN:
        /* A triple fault: the machine resets, as on a real PC. */
        e->kind = ACCEL_EXIT_RESET;
        break;
    case KVM_EXIT_SYSTEM_EVENT:
        kvm_exit_system_event(v, e);
        break;
    case KVM_EXIT_INTERNAL_ERROR:
        kvm_exit_internal_error(v, e);
        break;
    case KVM_EXIT_FAIL_ENTRY:
        kvm_exit_error(e, "KVM: entry failed, hardware error 0x%llx",
                       (unsigned long long)
                       run->fail_entry.hardware_entry_failure_reason);
        break;
    case KVM_EXIT_INTR:
    case KVM_EXIT_IRQ_WINDOW_OPEN:
        e->kind = ACCEL_EXIT_NONE;
        break;
    default:
        kvm_exit_error(e, "KVM: unhandled exit reason %u", run->exit_reason);
        break;
    }
}

/*
 * Signal-mask mode: KVM blocks SIG_IPI again when KVM_RUN returns, so a
 * kick that ended it is still pending and would end every later KVM_RUN
 * at once. Consume it.
 */
static void kvm_ipi_eat_pending(void)
{
    struct timespec zero = { 0, 0 };
    sigset_t set, pending;

    sigemptyset(&set);
    sigaddset(&set, SIG_IPI);
    for (;;) {
        sigpending(&pending);
        if (!sigismember(&pending, SIG_IPI) ||
            (sigtimedwait(&set, NULL, &zero) < 0 && errno != EINTR)) {
            return;
        }
    }
}

static void kvm_vcpu_run(CPUState *cpu, void *opaque, AccelExit *e)
{
    KVMVcpuPriv *p = opaque;
    int r, err;

    memset(e, 0, sizeof(*e));
    r = ioctl(p->v.fd, KVM_RUN, 0);
    err = errno;
    __atomic_store_n(&p->v.run->immediate_exit, 0, __ATOMIC_SEQ_CST);
    if (!kvm_state.immediate_exit) {
        kvm_ipi_eat_pending();
    }
    if (r < 0) {
        if (err == EINTR || err == EAGAIN) {
            e->kind = ACCEL_EXIT_NONE;
        } else {
            kvm_exit_error(e, "error: kvm run failed %s", g_strerror(err));
        }
        return;
    }
    kvm_vcpu_decode_exit(&p->v, e);
}

static bool kvm_vcpu_get_state(CPUState *cpu, void *opaque, Error **errp)
{
    return kvm_arch_get_registers(&((KVMVcpuPriv *)opaque)->v, errp);
}

static bool kvm_vcpu_put_state(CPUState *cpu, void *opaque, Error **errp)
{
    return kvm_arch_put_registers(&((KVMVcpuPriv *)opaque)->v, errp);
}

static bool kvm_accel_init_machine(AccelState *accel, MachineState *ms,
                                   Error **errp)
{
    return kvm_init_vm(errp);
}

static void kvm_accel_cleanup(AccelState *accel)
{
    kvm_cleanup_vm();
}

static void kvm_accel_class_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->name = "kvm";
    ac->thread_suffix = "KVM";
    ac->init_machine = kvm_accel_init_machine;
    ac->vcpu_init = kvm_vcpu_init;
    ac->vcpu_destroy = kvm_vcpu_destroy;
    ac->vcpu_run = kvm_vcpu_run;
    ac->vcpu_kick = kvm_vcpu_kick;
    ac->vcpu_get_state = kvm_vcpu_get_state;
    ac->vcpu_put_state = kvm_vcpu_put_state;
    ac->halt_in_kernel = kvm_irqchip_in_kernel;
    ac->cleanup = kvm_accel_cleanup;
}

static const TypeInfo kvm_accel_type = {
    .name = TYPE_KVM_ACCEL,
    .parent = TYPE_ACCEL,
    .class_init = kvm_accel_class_init,
};

static void kvm_accel_register_types(void)
{
    type_register_static(&kvm_accel_type);
}

type_init(kvm_accel_register_types)
