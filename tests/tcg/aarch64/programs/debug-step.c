/*
 * debug-step: software step (MDSCR_EL1.SS) of EL0 routines. run_at_el0
 * enters with SPSR.SS = 0, so the first exception is the active-pending
 * one (ISV = 0, ELR = the first instruction); from then on the handler
 * returns with SPSR.SS = 1 and each ERET runs one instruction before the
 * next step exception (ISV = 1; EX = 1 after a load exclusive). The
 * routines cross a taken branch, a not-taken one, BL/RET, BR, an SVC
 * (whose SPSR.SS is 0 and is returned to as is: the step exception after
 * it is active-pending again, ISV = 0), a BRK and a
 * load that faults (both leave SPSR.SS = 1), an MSR to DAIF and a WFI
 * (which does not wait when stepped). Each
 * line: the exception class, ISS, ELR as an offset into the routine and
 * SPSR.SS. With KDE clear the EL1 handler itself is never stepped. Then
 * a breakpoint on a stepped instruction (taken first, SPSR.SS = 1), and
 * EL1 code stepped with KDE and PSTATE.D clear (EC 0x33, EL1h vector).
 */
#include "lib.h"

static uint64_t el0_stack[512] __attribute__((aligned(16)));
static unsigned steps, limit;
static uint64_t base;

static void handler(struct exc_regs *r, unsigned vector)
{
    unsigned ec = ESR_EC(r->esr);

    kprintf("  ec=0x%x iss=0x%x elr=+%lu spsr.ss=%u vec=0x%x\n", ec,
            (unsigned)ESR_ISS(r->esr), (unsigned long)(r->elr - base),
            (unsigned)(r->spsr >> 21) & 1, vector);
    if (ec == EC_BRK64 || ec == EC_DATA_ABORT_LOW) {
        r->elr += 4;
    }
    if (ec == 0x30) {
        WRITE_SYSREG(dbgbcr0_el1, 0);   /* then step the instruction */
    }
    if (ec == EC_SVC64 && (r->esr & 0xffff) == 2) {
        /* From EL1: start stepping the caller (KDE, D clear). */
        WRITE_SYSREG(mdscr_el1, 1u | 1u << 13);
        r->spsr = (r->spsr & ~(1UL << 9)) | 1UL << 21;
        return;
    }
    if (ec == EC_SVC64) {
        return;         /* SPSR.SS stays 0: active-pending on return */
    }
    if ((ec == 0x32 || ec == 0x33) && ++steps >= limit) {
        /* Enough: let the routine run to its end. */
        WRITE_SYSREG(mdscr_el1, 0);
        r->spsr &= ~(1UL << 21);
        return;
    }
    r->spsr |= 1UL << 21;
}

#define FUNC(name) ".global " #name "\n.type " #name ", %function\n" #name ":\n"

void t_three(void);
void t_branches(void);
void t_excl(void);
void t_exc(void);
void t_el1(void);
uint64_t word;

__asm__(
    ".text\n"
    ".balign 16\n"
    FUNC(t_three)
    "    mov x0, #1\n"
    "    add x0, x0, #2\n"
    "    add x0, x0, #3\n"
    "    svc #0xff\n"
    FUNC(t_branches)
    "    mov x0, #0\n"
    "    cbz x0, 1f\n"
    "    nop\n"
    "1:  cbnz x0, 2f\n"
    "    bl 3f\n"
    "2:  svc #0xff\n"
    "3:  adr x1, 4f\n"
    "    br x1\n"
    "    nop\n"
    "4:  ret\n"
    FUNC(t_excl)
    "    adrp x1, word\n"
    "    add x1, x1, :lo12:word\n"
    "    ldxr x0, [x1]\n"
    "    stxr w2, x0, [x1]\n"
    "    ldaxr w3, [x1]\n"
    "    clrex\n"
    "    svc #0xff\n"
    FUNC(t_el1)
    "    msr daifclr, #8\n"
    "    svc #2\n"
    "    mov x0, #1\n"
    "    add x0, x0, #1\n"
    "    b 1f\n"
    "    nop\n"
    "1:  add x0, x0, #1\n"
    "    msr daifset, #8\n"
    "    ret\n"
    FUNC(t_exc)
    "    svc #1\n"
    "    mov x0, #1\n"
    "    brk #2\n"
    "    mov x0, #2\n"
    "    mov x1, #0x0e000000\n"
    "    ldr x2, [x1]\n"
    "    msr daifset, #2\n"
    "    wfi\n"
    "    svc #0xff\n"
);

static void run(const char *name, void (*fn)(void), unsigned n)
{
    kprintf("%s:\n", name);
    steps = 0;
    limit = n;
    base = (uint64_t)fn;
    WRITE_SYSREG(mdscr_el1, 1);       /* SS; KDE clear */
    ISB();
    run_at_el0(fn, el0_stack + 512);
    WRITE_SYSREG(mdscr_el1, 0);
    ISB();
    kprintf("  back at EL1 after %u steps\n", steps);
}

int main(void)
{
    set_exc_handler(handler);
    WRITE_SYSREG(oslar_el1, 0);
    WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | 1u << 9);  /* UMA */
    ISB();
    run("three", t_three, 4);
    run("branches", t_branches, 20);
    run("exclusive", t_excl, 20);
    run("exceptions", t_exc, 20);
    /* A breakpoint on a stepped instruction: taken first, SPSR.SS = 1. */
    WRITE_SYSREG(dbgbvr0_el1, (uint64_t)t_three + 8);
    WRITE_SYSREG(dbgbcr0_el1, 1u | 3u << 1 | 0xfu << 5);
    ISB();
    kprintf("with a breakpoint at +8 (MDE):\n");
    steps = 0;
    limit = 20;
    base = (uint64_t)t_three;
    WRITE_SYSREG(mdscr_el1, 1u | 1u << 15);
    ISB();
    run_at_el0(t_three, el0_stack + 512);
    WRITE_SYSREG(mdscr_el1, 0);
    WRITE_SYSREG(dbgbcr0_el1, 0);
    ISB();
    kprintf("  back at EL1 after %u steps\n", steps);

    /* Stepping EL1 itself: same-EL class, EL1h vector. */
    kprintf("el1:\n");
    steps = 0;
    limit = 20;         /* MSR DAIFSet ends it: D masks debug at EL1 */
    base = (uint64_t)t_el1;
    t_el1();
    WRITE_SYSREG(mdscr_el1, 0);
    ISB();
    kprintf("  el1 after %u steps\n", steps);

    /* MDSCR.SS with KDE at EL1 and PSTATE.D set: nothing is stepped. */
    WRITE_SYSREG(mdscr_el1, 1u | 1u << 13);
    ISB();
    kprintf("el1 with D set: still here\n");
    WRITE_SYSREG(mdscr_el1, 0);
    ISB();
    kprintf("done\n");
    return 0;
}
