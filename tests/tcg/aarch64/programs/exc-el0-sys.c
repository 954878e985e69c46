/*
 * exc-el0-sys: EL0 system instructions that SCTLR_EL1 controls. With
 * the reset value (printed), UMA, UCT, UCI, DZE are 0, so EL0 access to
 * DAIF, CTR_EL0, DC CVAU / IC IVAU and DC ZVA traps to EL1 as a system
 * register/instruction trap (EC 0x18, ISS naming the access); NZCV, FPCR,
 * TPIDR_EL0 and TPIDRRO_EL0 (read) are EL0's own.
 */
#include "lib.h"

static uint64_t el0_stack[512] __attribute__((aligned(16)));
static uint64_t buf[8] __attribute__((aligned(64)));

static void handler(struct exc_regs *r, unsigned vector)
{
    kprintf("  trap vector=0x%x esr=0x%lx\n", vector, r->esr);
    r->elr += 4;
}

/*
 * x0 (x1 for cache maintenance) is the transfer register: part of ISS.
 * The MMU is off, so EL0 prints through the UART itself.
 */
#define EL0_DO(label, insn)                                              \
    do {                                                                 \
        kprintf("%s\n", label);                                          \
        __asm__ volatile("adr x1, %0\n" insn                             \
                         : : "S"(buf) : "x0", "x1", "memory");           \
    } while (0)

static void el0_body(void)
{
    EL0_DO("mrs daif", "mrs x0, daif");
    EL0_DO("msr daifset", "msr daifset, #2");
    EL0_DO("msr daifclr", "msr daifclr, #2");
    EL0_DO("msr daif", "mov x0, xzr\nmsr daif, x0");
    EL0_DO("mrs ctr", "mrs x0, ctr_el0");
    EL0_DO("dc cvau", "dc cvau, x1");
    EL0_DO("ic ivau", "ic ivau, x1");
    EL0_DO("dc civac", "dc civac, x1");
    EL0_DO("mrs nzcv", "mrs x0, nzcv");
    EL0_DO("mrs fpcr", "mrs x0, fpcr");
    EL0_DO("mrs tpidr", "mrs x0, tpidr_el0");
    EL0_DO("mrs tpidrro", "mrs x0, tpidrro_el0");
    EL0_DO("msr tpidrro", "msr tpidrro_el0, x0");
    __asm__ volatile("svc #0xff");
}

int main(void)
{
    set_exc_handler(handler);
    kprintf("sctlr_el1 at reset: 0x%lx\n", READ_SYSREG(sctlr_el1));
    kprintf("el0 accesses:\n");
    run_at_el0(el0_body, el0_stack + 512);
    kprintf("done\n");
    return 0;
}
