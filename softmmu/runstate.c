/*
 * Run states and the requests that change them.
 *
 * Requests (shutdown, reset, powerdown) may come from any thread, including
 * a signal handler for shutdown; they only set flags and wake the main loop,
 * which acts on them in main_loop_should_exit() with the BQL held.
 */
#include "qemu/osdep.h"
#include "sysemu/runstate.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "qemu/error-report.h"
#include <signal.h>

bool no_reboot;
bool no_shutdown;

static RunState current_run_state = RUN_STATE_PRELAUNCH;
static const RunStateHooks *run_state_hooks;

static volatile sig_atomic_t shutdown_requested;   /* a ShutdownCause */
static volatile sig_atomic_t shutdown_signal;
static volatile sig_atomic_t shutdown_pid;
static volatile sig_atomic_t reset_requested;      /* a ShutdownCause */
static volatile sig_atomic_t powerdown_requested;

typedef struct Notifier {
    void (*fn)(void *opaque);
    void *opaque;
} Notifier;

static GArray *reset_handlers;      /* Notifier */
static GArray *powerdown_notifiers; /* Notifier */

static const char *const run_state_names[RUN_STATE__MAX] = {
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_SHUTDOWN] = "shutdown",
};

RunState runstate_get(void)
{
    return current_run_state;
}

void runstate_set(RunState state)
{
    g_assert(state < RUN_STATE__MAX);
    current_run_state = state;
}

bool runstate_is_running(void)
{
    return current_run_state == RUN_STATE_RUNNING;
}

const char *runstate_name(RunState state)
{
    return state < RUN_STATE__MAX ? run_state_names[state] : "unknown";
}

/* QEMU prints "running" for the running state and "paused (<state>)" for
 * every stopped state other than plain paused. */
const char *runstate_status_text(void)
{
    static char buf[64];

    switch (current_run_state) {
    case RUN_STATE_RUNNING:
        return "running";
    case RUN_STATE_PAUSED:
        return "paused";
    default:
        snprintf(buf, sizeof(buf), "paused (%s)",
                 runstate_name(current_run_state));
        return buf;
    }
}

void runstate_set_hooks(const RunStateHooks *hooks)
{
    run_state_hooks = hooks;
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    runstate_set(RUN_STATE_RUNNING);
    if (run_state_hooks && run_state_hooks->resume_all_vcpus) {
        run_state_hooks->resume_all_vcpus();
    }
}

void vm_stop(RunState state)
{
    if (run_state_hooks && run_state_hooks->pause_all_vcpus &&
        runstate_is_running()) {
        run_state_hooks->pause_all_vcpus();
    }
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    runstate_set(state);
}

void qemu_system_shutdown_request(ShutdownCause cause)
{
    shutdown_requested = cause;
    qemu_notify_event();
}

void qemu_system_reset_request(ShutdownCause cause)
{
    if (no_reboot && cause != SHUTDOWN_CAUSE_NONE) {
        /* -no-reboot: a guest reset ends the process, as in QEMU. */
        shutdown_requested = cause;
    } else {
        reset_requested = cause;
    }
    qemu_notify_event();
}

void qemu_system_powerdown_request(void)
{
    powerdown_requested = 1;
    qemu_notify_event();
}

/* Called from a signal handler: only async-signal-safe work. */
void qemu_system_killed(int signal, pid_t pid)
{
    shutdown_signal = signal;
    shutdown_pid = pid;
    shutdown_requested = SHUTDOWN_CAUSE_HOST_SIGNAL;
    /* Waking glib from a handler is not safe; the main loop polls with a
     * bounded timeout (see vl.c), and EINTR ends the current poll. */
}

static void notifiers_add(GArray **list, void (*fn)(void *), void *opaque)
{
    Notifier n = { fn, opaque };

    if (!*list) {
        *list = g_array_new(FALSE, FALSE, sizeof(Notifier));
    }
    g_array_append_val(*list, n);
}

static void notifiers_run(GArray *list)
{
    for (guint i = 0; list && i < list->len; i++) {
        Notifier *n = &g_array_index(list, Notifier, i);
        n->fn(n->opaque);
    }
}

void qemu_register_powerdown_notifier(void (*fn)(void *opaque), void *opaque)
{
    notifiers_add(&powerdown_notifiers, fn, opaque);
}

void qemu_register_reset(void (*fn)(void *opaque), void *opaque)
{
    notifiers_add(&reset_handlers, fn, opaque);
}

void qemu_devices_reset(void)
{
    notifiers_run(reset_handlers);
}

static bool shutdown_should_exit(int *exit_status)
{
    ShutdownCause cause = shutdown_requested;

    shutdown_requested = SHUTDOWN_CAUSE_NONE;
    if (cause == SHUTDOWN_CAUSE_HOST_SIGNAL) {
        if (shutdown_pid > 0) {
            error_report("terminating on signal %d from pid %d",
                         (int)shutdown_signal, (int)shutdown_pid);
        } else {
            error_report("terminating on signal %d", (int)shutdown_signal);
        }
    }
    if (no_shutdown && cause == SHUTDOWN_CAUSE_GUEST_SHUTDOWN) {
        /* -no-shutdown: stop the guest, keep the process (and monitor). */
        vm_stop(RUN_STATE_SHUTDOWN);
        return false;
    }
    *exit_status = (cause == SHUTDOWN_CAUSE_GUEST_PANIC ||
                    cause == SHUTDOWN_CAUSE_HOST_ERROR) ? 1 : 0;
    return true;
}

bool main_loop_should_exit(int *exit_status)
{
    if (shutdown_requested != SHUTDOWN_CAUSE_NONE) {
        if (shutdown_should_exit(exit_status)) {
            return true;
        }
    }
    if (reset_requested != SHUTDOWN_CAUSE_NONE) {
        bool running = runstate_is_running();
        bool hooks = run_state_hooks && running;

        reset_requested = SHUTDOWN_CAUSE_NONE;
        if (hooks && run_state_hooks->pause_all_vcpus) {
            run_state_hooks->pause_all_vcpus();
        }
        qemu_devices_reset();
        if (hooks && run_state_hooks->resume_all_vcpus) {
            run_state_hooks->resume_all_vcpus();
        }
        /* As QEMU: a machine reset while stopped waits in prelaunch. */
        if (!running) {
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }
    if (powerdown_requested) {
        powerdown_requested = 0;
        notifiers_run(powerdown_notifiers);
    }
    return false;
}
