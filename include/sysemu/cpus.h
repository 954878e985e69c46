/*
 * vCPU threads: one per CPU, driven by the chosen accelerator
 * (include/sysemu/accel.h), as a small explicit state machine:
 *
 *   CREATED --thread up--> PAUSED <--pause/resume--> RUNNING <--> HALTED
 *                            ^                          |
 *                            +--- STOPPED <-------------+ (reset/shutdown
 *                                 (waits for resume)       requested, error)
 *   any state --cpus_stop_all--> FINISHED (thread ended)
 *
 * vCPUs start paused; vm_start() resumes them through the run-state hooks
 * (include/sysemu/runstate.h) that cpus_start_all installs. A vCPU leaves
 * the guest when kicked (the accelerator's kick: a signal plus
 * kvm_run->immediate_exit on KVM, so no kick is lost).
 *
 * Locking: each vCPU has its own small lock for its state and work queue.
 * The BQL is taken by a vCPU thread only to dispatch I/O and MMIO exits and
 * run requests. Functions that wait for vCPUs (pause, run_on_cpu) drop the
 * BQL while they wait if the caller holds it, as a vCPU may need it to
 * finish an access.
 */
#ifndef SYSEMU_CPUS_H
#define SYSEMU_CPUS_H

#include "qemu/osdep.h"
#include "qapi/error.h"

typedef struct CPUState CPUState;
typedef struct AccelExit AccelExit;

typedef enum VcpuState {
    VCPU_CREATED,
    VCPU_PAUSED,
    VCPU_RUNNING,
    VCPU_HALTED,        /* waiting for an interrupt (no in-kernel irqchip) */
    VCPU_STOPPED,       /* stopped itself (reset/shutdown/error requested) */
    VCPU_FINISHED,
} VcpuState;

/* Create and realize a CPU of typename ("qemu64-x86_64-cpu"). Main thread,
 * before cpus_start_all. */
CPUState *cpu_create(const char *typename, Error **errp);

/* One thread per created CPU, named "CPU n/KVM"; each sets its vCPU up in
 * the accelerator and waits, paused. Installs the run-state hooks and the
 * CPU reset handler. An error in any vCPU's setup fails the call. */
bool cpus_start_all(Error **errp);
/* End every vCPU thread and join it (tests; process exit). */
void cpus_stop_all(void);

/* Stop every vCPU and wait until none is in the guest / resume them. */
void pause_all_vcpus(void);
void resume_all_vcpus(void);
bool all_vcpus_paused(void);

VcpuState cpus_get_state(CPUState *cpu);
const char *cpus_state_name(VcpuState state);
/* Kernel thread id of the vCPU's thread (info cpus), 0 before start. */
int cpus_get_thread_id(CPUState *cpu);

/* Make the vCPU leave the guest and re-check its state; also wakes a
 * halted vCPU (call after raising an interrupt). Any thread. */
void cpus_kick(CPUState *cpu);

/* Run fn(cpu, data) in the vCPU's thread, outside the guest, and wait. */
typedef void RunOnCpuFunc(CPUState *cpu, void *data);
void run_on_cpu(CPUState *cpu, RunOnCpuFunc *fn, void *data);

/*
 * Register state: the target's CPU struct vs the accelerator's copy.
 * cpu_synchronize_state: fetch registers from the accelerator into the
 * CPU struct (before info registers, gdb reads). cpu_state_changed: the
 * CPU struct was written (reset, loader start state) and must be pushed
 * to the accelerator before the vCPU next runs; call it only while the
 * vCPU is paused or not started.
 */
void cpu_synchronize_state(CPUState *cpu);
void cpu_state_changed(CPUState *cpu);

/*
 * The one exit switch shared by every accelerator: I/O and MMIO go to the
 * address spaces under the BQL, halt waits, reset/shutdown/panic become
 * run-state requests, errors print the reason and the registers and end
 * the process through the shutdown path (status 1). Returns the state the
 * vCPU moves to (RUNNING, HALTED or STOPPED). vCPU thread.
 */
VcpuState cpus_dispatch_exit(CPUState *cpu, AccelExit *exit);

#endif
