/*
 * Functions target/arm's files share (exceptions, MMU, timer, debug,
 * PSCI). Not for the engine or boards: they use cpu.h.
 */
#ifndef TARGET_ARM_INTERNALS_H
#define TARGET_ARM_INTERNALS_H

#include "cpu.h"

/* PSTATE bits beyond cpu.h's. */
#define PSTATE_SS   (1u << 21)    /* software step */
#define PSTATE_IL   (1u << 20)    /* illegal execution state */

/* ---- exception.c ---------------------------------------------------- */

/* TCGLiteOps.exec_interrupt: take an unmasked IRQ/FIQ; true if taken. */
bool arm_cpu_exec_interrupt(CPUState *cs, uint32_t request);
/* TCGLiteOps.memory_fault: a bus error (external abort) at va. */
void arm_cpu_memory_fault(CPUState *cs, uint64_t va, MMUAccessType access);
/*
 * Record an instruction abort (access == MMU_INST_FETCH) or data abort
 * for va with fault status fsc (ARM_FSC_*); s1ptw when the fault was on a
 * translation table walk. Sets exception_index, ESR (EC lower/same EL is
 * chosen when the exception is taken), FAR and the target EL. The caller
 * returns false from tlb_fill / stops its op with TL_EXCP.
 */
void arm_record_abort(CPUState *cs, MMUAccessType access, uint64_t va,
                      uint32_t fsc, bool s1ptw);
/* ERET at EL1: restore PSTATE from SPSR_EL1 and PC from ELR_EL1, or set
 * PSTATE.IL for an illegal return. */
void arm_exception_return(CPUARMState *env);

/* ---- mmu.c ---------------------------------------------------------- */

/* TCGLiteOps.tlb_fill: stage 1 EL1&0 translation (identity with the MMU
 * off). mmu_idx: ARM_MMU_IDX_EL0 or ARM_MMU_IDX_EL1. */
#define ARM_MMU_IDX_EL0 0
#define ARM_MMU_IDX_EL1 1
bool arm_cpu_tlb_fill(CPUState *cs, uint64_t va, MMUAccessType access,
                      int mmu_idx, hwaddr *pa, int *prot);
/* Translate va as a load at EL1 would, without faulting or touching the
 * TLB (monitor, gdb). False if unmapped. */
bool arm_cpu_get_phys_page_debug(CPUState *cs, uint64_t va, hwaddr *pa);

/* ---- gt-timer.c ----------------------------------------------------- */

/* Create the timers of cpu (realize) and re-evaluate the output lines
 * (after reset). */
void arm_gt_timer_realize(ARMCPU *cpu);
void arm_gt_timer_reset(ARMCPU *cpu);

/* ---- psci.c --------------------------------------------------------- */

/* Is this HVC/SMC (exception_index) a PSCI call the board's firmware
 * answers? If so arm_handle_psci_call does it (PC past the call). */
bool arm_is_psci_call(ARMCPU *cpu, int excp);
void arm_handle_psci_call(ARMCPU *cpu);

#endif
