/*
 * vCPU threads and their state machine (include/sysemu/cpus.h), and the
 * exit switch every accelerator shares.
 *
 * Each vCPU has a lock and a condition variable guarding: its state, what
 * the rest of the machine wants from it (run, exit), a flag saying it
 * stopped itself (after asking for a reset, a shutdown or on an error),
 * whether the CPU struct is newer than the accelerator's registers, and a
 * queue of run_on_cpu work. The thread re-checks all of these every time
 * it comes out of the guest; anyone changing them broadcasts the
 * condition and kicks.
 */
#include "qemu/osdep.h"
#include "sysemu/cpus.h"
#include "sysemu/accel.h"
#include "sysemu/runstate.h"
#include "hw/core/cpu.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/error-report.h"

typedef struct CpuWork {
    RunOnCpuFunc *fn;
    void *data;
    bool done;
} CpuWork;

typedef struct Vcpu {
    CPUState *cpu;
    QemuThread thread;
    bool thread_started;
    GMutex lock;
    GCond cond;
    VcpuState state;
    bool want_run;              /* resume_all: true, pause_all: false */
    bool want_exit;             /* cpus_stop_all */
    bool stopped_self;          /* until the next resume_all */
    bool dirty;                 /* CPU struct newer than the accelerator */
    GQueue work;                /* CpuWork * */
    void *accel_opaque;
    int tid;
    Error *init_err;
} Vcpu;

static GPtrArray *vcpus;        /* Vcpu *, in creation order */
static __thread Vcpu *current_vcpu;

static const char *const vcpu_state_names[] = {
    [VCPU_CREATED] = "created",
    [VCPU_PAUSED] = "paused",
    [VCPU_RUNNING] = "running",
    [VCPU_HALTED] = "halted",
    [VCPU_STOPPED] = "stopped",
    [VCPU_FINISHED] = "finished",
};

const char *cpus_state_name(VcpuState state)
{
    return state < ARRAY_SIZE(vcpu_state_names) ? vcpu_state_names[state]
                                                 : "unknown";
}

static Vcpu *vcpu_of(CPUState *cpu)
{
    if (current_vcpu && current_vcpu->cpu == cpu) {
        return current_vcpu;
    }
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        if (vc->cpu == cpu) {
            return vc;
        }
    }
    return NULL;
}

static void cpus_reset_handler(void *opaque);

CPUState *cpu_create(const char *typename, Error **errp)
{
    static bool reset_registered;
    ObjectClass *oc = object_class_by_name(typename);
    DeviceState *dev;
    Vcpu *vc;

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_CPU)) {
        error_setg(errp, "unable to find CPU model '%s'", typename);
        return NULL;
    }
    dev = DEVICE(object_new(typename));
    if (!qdev_realize(dev, NULL, errp)) {
        object_unref(dev);
        return NULL;
    }
    /*
     * The architectural CPU reset is registered with the first CPU, before
     * the board's own reset handlers (loaders), so those run after it and
     * their start state (e.g. a kernel entry point) is not overwritten.
     */
    if (!reset_registered) {
        reset_registered = true;
        qemu_register_reset(cpus_reset_handler, NULL);
        cpu_set_kick_handler(cpus_kick);
    }
    vc = g_new0(Vcpu, 1);
    vc->cpu = CPU(dev);
    vc->state = VCPU_CREATED;
    vc->dirty = true;           /* the reset state must reach the accel */
    g_mutex_init(&vc->lock);
    g_cond_init(&vc->cond);
    g_queue_init(&vc->work);
    if (!vcpus) {
        vcpus = g_ptr_array_new();
    }
    g_ptr_array_add(vcpus, vc);
    return vc->cpu;
}

/* ---- Waiting without the BQL ------------------------------------------- */

typedef bool VcpuPredicate(Vcpu *vc, void *opaque);

/*
 * Wait on vc's condition until pred holds. A vCPU may need the BQL to
 * finish the access it is in, so the BQL is dropped while waiting.
 */
static void vcpu_wait_for(Vcpu *vc, VcpuPredicate *pred, void *opaque)
{
    bool relock = bql_locked();

    if (relock) {
        bql_unlock();
    }
    g_mutex_lock(&vc->lock);
    while (!pred(vc, opaque)) {
        g_cond_wait(&vc->cond, &vc->lock);
    }
    g_mutex_unlock(&vc->lock);
    if (relock) {
        bql_lock();
    }
}

/* Caller holds vc->lock. */
static void vcpu_kick_locked(Vcpu *vc)
{
    AccelClass *ac = current_accel_class();

    g_cond_broadcast(&vc->cond);
    if (vc->accel_opaque && ac && ac->vcpu_kick) {
        ac->vcpu_kick(vc->cpu, vc->accel_opaque);
    }
}

void cpus_kick(CPUState *cpu)
{
    Vcpu *vc = vcpu_of(cpu);

    if (vc) {
        g_mutex_lock(&vc->lock);
        vcpu_kick_locked(vc);
        g_mutex_unlock(&vc->lock);
    }
}

/* ---- run_on_cpu and register sync ------------------------------------ */

static bool vcpu_work_done(Vcpu *vc, void *opaque)
{
    return ((CpuWork *)opaque)->done;
}

void run_on_cpu(CPUState *cpu, RunOnCpuFunc *fn, void *data)
{
    Vcpu *vc = vcpu_of(cpu);
    CpuWork w = { .fn = fn, .data = data };
    bool direct;

    if (!vc || vc == current_vcpu) {
        fn(cpu, data);
        return;
    }
    g_mutex_lock(&vc->lock);
    /* No thread (yet or any more): nobody else touches the vCPU. */
    direct = !vc->thread_started || vc->state == VCPU_FINISHED;
    if (!direct) {
        g_queue_push_tail(&vc->work, &w);
        vcpu_kick_locked(vc);
    }
    g_mutex_unlock(&vc->lock);
    if (direct) {
        fn(cpu, data);
        return;
    }
    vcpu_wait_for(vc, vcpu_work_done, &w);
}

/* Called with vc->lock held; drops it around each item. */
static void vcpu_process_work_locked(Vcpu *vc)
{
    CpuWork *w;

    while ((w = g_queue_pop_head(&vc->work))) {
        g_mutex_unlock(&vc->lock);
        w->fn(vc->cpu, w->data);
        g_mutex_lock(&vc->lock);
        w->done = true;
        g_cond_broadcast(&vc->cond);
    }
}

static void vcpu_do_sync(CPUState *cpu, void *data)
{
    Vcpu *vc = data;
    AccelClass *ac = current_accel_class();
    Error *err = NULL;

    /* A dirty CPU struct is already the newest copy. */
    if (vc->dirty || !vc->accel_opaque || !ac || !ac->vcpu_get_state) {
        return;
    }
    if (!ac->vcpu_get_state(cpu, vc->accel_opaque, &err)) {
        warn_report_err(err);
    }
}

void cpu_synchronize_state(CPUState *cpu)
{
    Vcpu *vc = vcpu_of(cpu);

    if (vc) {
        run_on_cpu(cpu, vcpu_do_sync, vc);
    }
}

void cpu_state_changed(CPUState *cpu)
{
    Vcpu *vc = vcpu_of(cpu);

    if (vc) {
        g_mutex_lock(&vc->lock);
        vc->dirty = true;
        g_mutex_unlock(&vc->lock);
    }
}

/* ---- The exit switch ------------------------------------------------- */

static void cpus_dispatch_pio(AccelExit *e)
{
    for (uint32_t i = 0; i < e->count; i++) {
        address_space_rw(&address_space_io, e->addr,
                         e->data + (size_t)i * e->size, e->size, e->is_write);
    }
}

/* Fatal: the reason, the registers, then the shutdown path (status 1). */
static void cpus_report_fatal(CPUState *cpu, AccelExit *e)
{
    Vcpu *vc = vcpu_of(cpu);
    AccelClass *ac = current_accel_class();
    g_autoptr(GString) regs = g_string_new(NULL);

    error_printf("%s\n", e->reason);
    if (vc && vc->accel_opaque && ac && ac->vcpu_get_state &&
        ac->vcpu_get_state(cpu, vc->accel_opaque, NULL)) {
        cpu_dump_state(cpu, regs);
        error_printf("%s", regs->str);
    }
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_ERROR);
}

VcpuState cpus_dispatch_exit(CPUState *cpu, AccelExit *e)
{
    switch (e->kind) {
    case ACCEL_EXIT_NONE:
        return VCPU_RUNNING;
    case ACCEL_EXIT_IO:
        bql_lock();
        cpus_dispatch_pio(e);
        bql_unlock();
        return VCPU_RUNNING;
    case ACCEL_EXIT_MMIO:
        bql_lock();
        address_space_rw(&address_space_memory, e->addr, e->data, e->size,
                         e->is_write);
        bql_unlock();
        return VCPU_RUNNING;
    case ACCEL_EXIT_HLT:
        cpu->halted = true;
        return VCPU_HALTED;
    case ACCEL_EXIT_RESET:
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        return VCPU_STOPPED;
    case ACCEL_EXIT_SHUTDOWN:
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        return VCPU_STOPPED;
    case ACCEL_EXIT_PANIC:
        error_report("Guest crashed");
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_PANIC);
        return VCPU_STOPPED;
    case ACCEL_EXIT_ERROR:
        cpus_report_fatal(cpu, e);
        return VCPU_STOPPED;
    }
    g_assert_not_reached();
}

/* ---- The vCPU thread ---------------------------------------------------- */

/* With vc->lock held: the state to wait in, or RUNNING to enter the guest. */
static VcpuState vcpu_next_state(Vcpu *vc)
{
    if (!vc->want_run) {
        return VCPU_PAUSED;
    }
    if (vc->stopped_self) {
        return VCPU_STOPPED;
    }
    if (vc->cpu->halted) {
        if (!cpu_has_work(vc->cpu)) {
            return VCPU_HALTED;
        }
        vc->cpu->halted = false;
    }
    return VCPU_RUNNING;
}

/* With vc->lock held: push the CPU struct to the accelerator if newer. */
static bool vcpu_put_if_dirty(Vcpu *vc, AccelClass *ac)
{
    Error *err = NULL;

    if (!vc->dirty || !ac->vcpu_put_state) {
        vc->dirty = false;
        return true;
    }
    vc->dirty = false;
    if (!ac->vcpu_put_state(vc->cpu, vc->accel_opaque, &err)) {
        error_report_err(err);
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_ERROR);
        return false;
    }
    return true;
}

static void vcpu_loop(Vcpu *vc, AccelClass *ac)
{
    AccelExit exit;
    VcpuState next;

    g_mutex_lock(&vc->lock);
    for (;;) {
        vcpu_process_work_locked(vc);
        if (vc->want_exit) {
            break;
        }
        next = vcpu_next_state(vc);
        if (next != VCPU_RUNNING) {
            if (vc->state != next) {
                vc->state = next;
                g_cond_broadcast(&vc->cond);
            }
            g_cond_wait(&vc->cond, &vc->lock);
            continue;
        }
        vc->state = VCPU_RUNNING;
        if (!vcpu_put_if_dirty(vc, ac)) {
            vc->stopped_self = true;
            continue;
        }
        g_mutex_unlock(&vc->lock);
        ac->vcpu_run(vc->cpu, vc->accel_opaque, &exit);
        next = cpus_dispatch_exit(vc->cpu, &exit);
        g_mutex_lock(&vc->lock);
        if (next == VCPU_STOPPED) {
            vc->stopped_self = true;
        }
    }
    g_mutex_unlock(&vc->lock);
}

static void *vcpu_thread_fn(void *arg)
{
    Vcpu *vc = arg;
    AccelClass *ac = current_accel_class();
    void *opaque = NULL;
    Error *err = NULL;
    bool ok;

    current_vcpu = vc;
    vc->tid = qemu_get_thread_id();
    ok = ac->vcpu_init(vc->cpu, &opaque, &err);
    g_mutex_lock(&vc->lock);
    if (!ok) {
        vc->init_err = err;
    } else {
        vc->accel_opaque = opaque;
        vc->state = VCPU_PAUSED;
    }
    g_cond_broadcast(&vc->cond);
    g_mutex_unlock(&vc->lock);
    if (ok) {
        vcpu_loop(vc, ac);
    }
    g_mutex_lock(&vc->lock);
    vc->accel_opaque = NULL;    /* no kick reaches us past this point */
    vc->state = VCPU_FINISHED;  /* from now on run_on_cpu runs directly */
    vcpu_process_work_locked(vc);   /* what was queued before */
    g_cond_broadcast(&vc->cond);
    g_mutex_unlock(&vc->lock);
    if (ok && ac->vcpu_destroy) {
        ac->vcpu_destroy(vc->cpu, opaque);
    }
    return NULL;
}

/* ---- All vCPUs ----------------------------------------------------------- */

static bool vcpu_out_of_guest(Vcpu *vc, void *opaque)
{
    return vc->state == VCPU_PAUSED || vc->state == VCPU_STOPPED ||
           vc->state == VCPU_FINISHED || !vc->thread_started;
}

static bool vcpu_set_up(Vcpu *vc, void *opaque)
{
    return vc->state != VCPU_CREATED || vc->init_err;
}

void pause_all_vcpus(void)
{
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        g_mutex_lock(&vc->lock);
        vc->want_run = false;
        vcpu_kick_locked(vc);
        g_mutex_unlock(&vc->lock);
    }
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        /* A vCPU pausing the machine from its own thread is out of the
         * guest already. */
        if (vc != current_vcpu) {
            vcpu_wait_for(vc, vcpu_out_of_guest, NULL);
        }
    }
}

static void vcpu_do_put(CPUState *cpu, void *data)
{
    Vcpu *vc = data;
    AccelClass *ac = current_accel_class();

    g_mutex_lock(&vc->lock);
    if (vc->accel_opaque && !vcpu_put_if_dirty(vc, ac)) {
        vc->stopped_self = true;
    }
    g_mutex_unlock(&vc->lock);
}

/*
 * Every vCPU's new state (reset, loader start) reaches the accelerator
 * before any vCPU runs: otherwise a slow AP thread would load its reset
 * state over the SIPI the BSP already sent it.
 */
static void vcpus_put_dirty(void)
{
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        bool put;

        g_mutex_lock(&vc->lock);
        put = vc->dirty && vc->accel_opaque && vc != current_vcpu;
        g_mutex_unlock(&vc->lock);
        if (put) {
            run_on_cpu(vc->cpu, vcpu_do_put, vc);
        }
    }
}

void resume_all_vcpus(void)
{
    vcpus_put_dirty();
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        g_mutex_lock(&vc->lock);
        vc->want_run = true;
        vc->stopped_self = false;
        g_cond_broadcast(&vc->cond);
        g_mutex_unlock(&vc->lock);
    }
}

bool all_vcpus_paused(void)
{
    bool paused = true;

    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        g_mutex_lock(&vc->lock);
        paused &= vcpu_out_of_guest(vc, NULL);
        g_mutex_unlock(&vc->lock);
    }
    return paused;
}

VcpuState cpus_get_state(CPUState *cpu)
{
    Vcpu *vc = vcpu_of(cpu);
    VcpuState s;

    if (!vc) {
        return VCPU_FINISHED;
    }
    g_mutex_lock(&vc->lock);
    s = vc->state;
    g_mutex_unlock(&vc->lock);
    return s;
}

int cpus_get_thread_id(CPUState *cpu)
{
    Vcpu *vc = vcpu_of(cpu);

    return vc ? vc->tid : 0;
}

/* System reset (vCPUs paused): architectural reset, pushed before the
 * next run. */
static void cpus_reset_handler(void *opaque)
{
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        g_mutex_lock(&vc->lock);
        cpu_reset(vc->cpu);
        vc->dirty = true;
        g_mutex_unlock(&vc->lock);
    }
}

static const RunStateHooks cpus_runstate_hooks = {
    .pause_all_vcpus = pause_all_vcpus,
    .resume_all_vcpus = resume_all_vcpus,
};

bool cpus_start_all(Error **errp)
{
    AccelClass *ac = current_accel_class();
    Error *err = NULL;

    if (!ac || !ac->vcpu_init || !ac->vcpu_run) {
        error_setg(errp, "no accelerator to run the vCPUs");
        return false;
    }
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        g_autofree char *name = NULL;

        if (vc->thread_started) {
            continue;
        }
        name = g_strdup_printf("CPU %d/%s", vc->cpu->cpu_index,
                               ac->thread_suffix ? ac->thread_suffix : "?");
        vc->thread_started = true;
        qemu_thread_create(&vc->thread, name, vcpu_thread_fn, vc);
    }
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        vcpu_wait_for(vc, vcpu_set_up, NULL);
        if (vc->init_err && !err) {
            err = vc->init_err;
            vc->init_err = NULL;
        }
    }
    runstate_set_hooks(&cpus_runstate_hooks);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

void cpus_stop_all(void)
{
    bool relock = bql_locked();

    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        g_mutex_lock(&vc->lock);
        vc->want_exit = true;
        vcpu_kick_locked(vc);
        g_mutex_unlock(&vc->lock);
    }
    if (relock) {
        bql_unlock();
    }
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        if (vc->thread_started) {
            qemu_thread_join(&vc->thread);
        }
    }
    if (relock) {
        bql_lock();
    }
    runstate_set_hooks(NULL);
    for (guint i = 0; vcpus && i < vcpus->len; i++) {
        Vcpu *vc = g_ptr_array_index(vcpus, i);
        qdev_unrealize(DEVICE(vc->cpu));
        object_unref(vc->cpu);
        error_free(vc->init_err);
        g_mutex_clear(&vc->lock);
        g_cond_clear(&vc->cond);
        g_free(vc);
    }
    if (vcpus) {
        g_ptr_array_free(vcpus, true);
        vcpus = NULL;
    }
}
