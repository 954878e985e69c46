/*
 * Run states, as "info status" shows them:
 *   prelaunch (-S) -> running <-> paused; shutdown on guest poweroff with
 *   -no-shutdown. Requests (shutdown, reset, powerdown) may come from any
 *   thread; the main loop acts on them.
 */
#ifndef SYSEMU_RUNSTATE_H
#define SYSEMU_RUNSTATE_H

#include "qemu/osdep.h"

typedef enum RunState {
    RUN_STATE_PRELAUNCH,
    RUN_STATE_RUNNING,
    RUN_STATE_PAUSED,
    RUN_STATE_DEBUG,
    RUN_STATE_INTERNAL_ERROR,
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE_SHUTDOWN,
    RUN_STATE__MAX
} RunState;

typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,   /* monitor "quit" */
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET, /* monitor "system_reset" */
    SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_HOST_UI,         /* Ctrl-A x */
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,  /* guest poweroff */
    SHUTDOWN_CAUSE_GUEST_RESET,
    SHUTDOWN_CAUSE_GUEST_PANIC,
} ShutdownCause;

RunState runstate_get(void);
void runstate_set(RunState state);
bool runstate_is_running(void);
const char *runstate_name(RunState state);    /* "running", "prelaunch" */
/* "running", "paused (prelaunch)", "paused", "paused (shutdown)" ... */
const char *runstate_status_text(void);

/* vm_start: prelaunch/paused -> running (resumes vCPUs, virtual clock).
 * vm_stop: running -> state (pauses vCPUs, virtual clock). */
void vm_start(void);
void vm_stop(RunState state);

/* Hooks the accelerator installs to pause and resume its vCPUs. */
typedef struct RunStateHooks {
    void (*pause_all_vcpus)(void);
    void (*resume_all_vcpus)(void);
} RunStateHooks;
void runstate_set_hooks(const RunStateHooks *hooks);

void qemu_system_shutdown_request(ShutdownCause cause);
void qemu_system_reset_request(ShutdownCause cause);
void qemu_system_powerdown_request(void);
/* Signal-handler safe: records the signal for "terminating on signal". */
void qemu_system_killed(int signal, pid_t pid);
/* Main loop: handles pending requests; true when the process should end. */
bool main_loop_should_exit(int *exit_status);

/* -no-reboot, -no-shutdown. */
extern bool no_reboot;
extern bool no_shutdown;

/* Notifiers for "powerdown" (the board's power button). */
void qemu_register_powerdown_notifier(void (*fn)(void *opaque), void *opaque);
/* Reset handlers, run in registration order on system reset. */
void qemu_register_reset(void (*fn)(void *opaque), void *opaque);
void qemu_devices_reset(void);

#endif
