/*
 * TYPE_CPU "cpu": the target-independent part of a vCPU. Abstract; each
 * target derives its models from it (target/arm/cpu.c: cortex-a57, max).
 *
 * What lives here is what the accelerators and the monitor need without
 * knowing the target: an index, the address space the CPU sees, run-state
 * flags, and the per-vCPU softmmu TLB of TCG-lite (include/exec/cpu-tlb.h).
 * Registers live in the target's state struct; reach them through the
 * CPUClass hooks.
 *
 * Threading: exit_request and interrupt_request may be set from any thread
 * (qatomic-style, via __atomic builtins in cpu_exit / cpu_interrupt); the
 * rest belongs to the thread that runs the vCPU.
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include "hw/qdev.h"
#include "exec/memory.h"
#include "exec/cpu-tlb.h"

#define TYPE_CPU "cpu"

OBJECT_DECLARE_TYPE(CPUState, CPUClass, CPU)

struct TCGLiteOps;
struct TLOp;

/* interrupt_request bits (the target decides what they mean to it). */
#define CPU_INTERRUPT_HARD      0x0002  /* IRQ line */
#define CPU_INTERRUPT_FIQ       0x0010
#define CPU_INTERRUPT_VIRQ      0x0020
#define CPU_INTERRUPT_VFIQ      0x0040
#define CPU_INTERRUPT_EXITTB    0x0004  /* leave the block, re-check state */

struct CPUClass {
    DeviceClass parent_class;
    /* Architectural reset of the registers (not of the TLB/TB state). */
    void (*reset)(CPUState *cpu);
    /* "info registers" / -d cpu text, appended to out. */
    void (*dump_state)(CPUState *cpu, GString *out);
    uint64_t (*get_pc)(CPUState *cpu);
    void (*set_pc)(CPUState *cpu, uint64_t pc);
    /* True if a halted CPU should wake (an unmasked interrupt is pending). */
    bool (*has_work)(CPUState *cpu);
    /* The interpreter's view of the target; NULL if the target has none. */
    const struct TCGLiteOps *tcg_ops;
};

struct CPUState {
    DeviceState parent_obj;
    int cpu_index;
    AddressSpace *as;         /* NULL until realize: then system memory */
    bool halted;
    int exit_request;         /* set from any thread: leave the exec loop */
    uint32_t interrupt_request; /* CPU_INTERRUPT_* */
    int exception_index;      /* -1 or the EXCP_* being reported */

    /* TCG-lite per-vCPU state (accel/tcg-lite). */
    CPUTLB tlb;
    struct TCGLiteCPU *tcg;   /* jump cache, listener; NULL until first run */
    const struct TLOp *tl_exit_op; /* the op that stopped a block (tl_stop) */
};

/* Reset the architectural state (calls CPUClass.reset). */
void cpu_reset(CPUState *cpu);
/* The register dump, as "info registers" prints it. */
void cpu_dump_state(CPUState *cpu, GString *out);
uint64_t cpu_get_pc(CPUState *cpu);
void cpu_set_pc(CPUState *cpu, uint64_t pc);
bool cpu_has_work(CPUState *cpu);
/* Ask the vCPU to leave its exec loop at the next block boundary. */
void cpu_exit(CPUState *cpu);
/* Raise / lower interrupt_request bits; raising also kicks the loop. */
void cpu_interrupt(CPUState *cpu, uint32_t mask);
void cpu_reset_interrupt(CPUState *cpu, uint32_t mask);
/* How cpu_interrupt wakes a vCPU (softmmu/cpus.c registers cpus_kick;
 * without one, as in unit tests, raising only sets the bits). The handler
 * may be called with the BQL held, from any thread. */
void cpu_set_kick_handler(void (*fn)(CPUState *cpu));
/* The CPU with that index, or NULL. */
CPUState *qemu_get_cpu(int index);

#endif
