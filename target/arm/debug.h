/*
 * Private to target/arm: the self-hosted debug exceptions of debug.c
 * (ARM ARM D2) as the CPU, the decoder and the exception code use them.
 *
 * Breakpoints are matched at translation (an instruction whose address an
 * enabled comparator holds is translated as a checked, one-instruction
 * block) and confirmed at run time; watchpoints are checked in the TLB
 * slow path of pages a comparator covers; software step translates one
 * instruction per block and takes the step exception after it. With no
 * debug feature enabled none of this runs: see docs/devel/arm-debug.md.
 */
#ifndef TARGET_ARM_DEBUG_H
#define TARGET_ARM_DEBUG_H

#include "translate.h"

/* MDSCR_EL1 bits that enable debug exceptions. */
#define MDSCR_SS    (1u << 0)
#define MDSCR_KDE   (1u << 13)
#define MDSCR_MDE   (1u << 15)

/* ARM_TBFLAG_SS_ACTIVE / _PSTATE_SS / _BKPT for the current state; call
 * only when MDSCR_EL1 has SS or MDE set (the caller's fast test). */
uint32_t arm_debug_tb_flags(const CPUARMState *env);

/* Software step is active: MDSCR_EL1.SS and debug exceptions enabled at
 * the current EL (arm_exception_return keeps PSTATE.SS only then). */
bool arm_debug_singlestep_active(const CPUARMState *env);

/* Could an enabled breakpoint comparator match an instruction at pc?
 * (Address only: the rest is checked when the instruction runs.) */
bool arm_debug_bp_at(const CPUARMState *env, uint64_t pc);

/*
 * Translation helpers for a64_translate.
 * arm_debug_gen_step_pending: tb is in the active-pending step state:
 *   its one op takes the step exception (ISS.ISV = 0) before anything.
 * arm_debug_gen_checked: tb->ops[1] holds the decoded first instruction;
 *   fills ops[0] with the op that checks the breakpoints and/or steps it
 *   (ex: the instruction is a load exclusive, for ISS.EX) and finishes tb
 *   as a one-instruction block.
 */
void arm_debug_gen_step_pending(TranslationBlock *tb);
void arm_debug_gen_checked(TranslationBlock *tb, bool ex);

/* TCGLiteOps.watch_page / check_watchpoint (see exec/tcg-lite.h). */
bool arm_debug_watch_page(CPUState *cs, uint64_t page_va);
bool arm_debug_check_watchpoint(CPUState *cs, uint64_t va, unsigned size,
                                MMUAccessType access, int mmu_idx);

#endif
