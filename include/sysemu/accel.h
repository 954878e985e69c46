/*
 * Accelerators: what runs the guest's instructions (KVM, later TCG-lite).
 *
 * An accelerator is a QOM class "<name>-accel" (TYPE_KVM_ACCEL = "kvm-accel")
 * derived from TYPE_ACCEL. Its class hooks are the whole contract with the
 * generic vCPU code in softmmu/cpus.c: create the VM for a machine, set up
 * a vCPU in its own thread, run it until something needs user space and
 * report that as a normalized exit (AccelExit), kick it out of the guest
 * from any thread, and move register state between the accelerator and the
 * target's CPU struct. KVM and the interpreter therefore share one dispatch
 * function for I/O, MMIO, halt, reset and errors (cpus_dispatch_exit).
 *
 * Start-up order (vl.c):
 *   1. create the machine object;
 *   2. accel_init_machine("kvm:tcg", ms, errp): try each name in order;
 *      one that fails prints why ("failed to initialize kvm: ...") and the
 *      next is tried ("falling back to tcg"); false if none worked;
 *   3. the board's init creates its CPUs (cpu_create(), include/sysemu/
 *      cpus.h) and memory;
 *   4. cpus_start_all(errp): one thread per vCPU, all paused;
 *   5. vm_start() (unless -S) resumes them.
 *
 * See docs/devel/accel.md.
 */
#ifndef SYSEMU_ACCEL_H
#define SYSEMU_ACCEL_H

#include "qom/object.h"
#include "exec/memory.h"

#define TYPE_ACCEL "accel"
#define ACCEL_CLASS_SUFFIX "-accel"
#define ACCEL_CLASS_NAME(a) (a ACCEL_CLASS_SUFFIX)

typedef struct MachineState MachineState;
typedef struct CPUState CPUState;

OBJECT_DECLARE_TYPE(AccelState, AccelClass, ACCEL)

/*
 * A normalized vCPU exit: why the guest stopped and what user space must
 * do about it. Filled by AccelClass.vcpu_run; every field has been range
 * checked by the accelerator, so the dispatcher may trust it.
 */
typedef enum AccelExitKind {
    ACCEL_EXIT_NONE,            /* kicked / interrupted: re-check state */
    ACCEL_EXIT_IO,              /* port I/O: addr = port */
    ACCEL_EXIT_MMIO,            /* guest-physical access to an I/O region */
    ACCEL_EXIT_HLT,             /* HLT with no in-kernel irqchip */
    ACCEL_EXIT_RESET,           /* triple fault or guest-requested reset */
    ACCEL_EXIT_SHUTDOWN,        /* guest-requested power off */
    ACCEL_EXIT_PANIC,           /* guest crash (system event) */
    ACCEL_EXIT_ERROR,           /* internal error / failed entry: fatal */
} AccelExitKind;

typedef struct AccelExit {
    AccelExitKind kind;
    bool is_write;
    uint64_t addr;              /* port (IO) or guest-physical (MMIO) */
    unsigned size;              /* bytes per element: 1, 2, 4 (8 MMIO) */
    uint32_t count;             /* elements (string I/O), >= 1 */
    uint8_t *data;              /* size * count bytes, in the accel's buffer */
    char reason[160];           /* ACCEL_EXIT_ERROR: what went wrong */
} AccelExit;

struct AccelState {
    Object parent_obj;
};

struct AccelClass {
    ObjectClass parent_class;
    const char *name;           /* "kvm", "tcg": the -accel name */
    /* Suffix of vCPU thread names: "CPU 0/KVM". */
    const char *thread_suffix;
    /* Open the host side and create the VM for ms (ms may be NULL for
     * tests that build memory by hand). The message in errp is printed
     * after "failed to initialize <name>: ". */
    bool (*init_machine)(AccelState *accel, MachineState *ms, Error **errp);
    /* In the vCPU's own thread, before it first runs. *opaque is the
     * accelerator's per-vCPU data, handed back to the hooks below. */
    bool (*vcpu_init)(CPUState *cpu, void **opaque, Error **errp);
    void (*vcpu_destroy)(CPUState *cpu, void *opaque);
    /* Enter the guest; return when user space has work. vCPU thread. */
    void (*vcpu_run)(CPUState *cpu, void *opaque, AccelExit *exit);
    /* Make vcpu_run return soon, or at once if it is about to start.
     * Any thread; must not take locks the vCPU thread holds while in the
     * guest. */
    void (*vcpu_kick)(CPUState *cpu, void *opaque);
    /* Registers: accelerator -> CPU struct (get) and back (put). vCPU
     * thread, guest not running. */
    bool (*vcpu_get_state)(CPUState *cpu, void *opaque, Error **errp);
    bool (*vcpu_put_state)(CPUState *cpu, void *opaque, Error **errp);
    /* True when HLT is handled by the accelerator (in-kernel irqchip). */
    bool (*halt_in_kernel)(void);
    /* Undo init_machine (tests; every vCPU stopped first). */
    void (*cleanup)(AccelState *accel);
};

/* Is there an accelerator class with that name ("kvm")? Availability on
 * this host is known only once accel_init_machine tried it. */
bool accel_available(const char *name);
/* The accelerator accel_init_machine chose, or NULL. */
AccelState *current_accel(void);
AccelClass *current_accel_class(void);
/* Its name, "kvm", or "none" before one is chosen. */
const char *current_accel_name(void);

/*
 * Check a "kvm:tcg" list without trying it: every name must be a known
 * accelerator ("invalid accelerator foo" otherwise). Empty names are
 * refused too.
 */
bool accel_check_list(const char *list, Error **errp);
/*
 * Try each accelerator of list in order ("kvm", "kvm:tcg"; NULL means the
 * target's default, "kvm" here). A failure is reported with
 * error_report("failed to initialize NAME: REASON") when another name
 * follows, then "falling back to NEXT" once one works. If none works,
 * errp gets the last failure ("failed to initialize kvm: ..."), and the
 * caller exits 1.
 */
bool accel_init_machine(const char *list, MachineState *ms, Error **errp);
/* Tests: drop the chosen accelerator (its cleanup hook runs) so another
 * case can choose again. Stop the vCPUs first (cpus_stop_all). */
void accel_reset_current(void);

#endif
