/*
 * exc-align: alignment exceptions with the MMU off. Exclusive and
 * acquire/release accesses fault when misaligned whatever SCTLR_EL1.A
 * says (data abort, DFSC 0x21) -- except a STXR with no exclusive monitor
 * set, which QEMU fails without accessing memory; SCTLR_EL1.A = 1 makes
 * misaligned plain loads and stores fault too. SP alignment checking
 * (SCTLR_EL1.SA/SA0, set at reset) is not modelled by QEMU 7.2: a load
 * through a misaligned SP does not fault there.
 * The handler prints ESR, FAR and ELR as an offset into the routine and
 * skips the faulting instruction.
 */
#include "lib.h"

static uint64_t el0_stack[512] __attribute__((aligned(16)));
static uint64_t el1t_stack[512] __attribute__((aligned(16)));
static uint64_t data[8] __attribute__((aligned(64)));
static uint64_t base;
static volatile unsigned count;

static void handler(struct exc_regs *r, unsigned vector)
{
    count++;
    kprintf("  vector=0x%03x esr=0x%lx elr=+0x%lx", vector, r->esr,
            r->elr - base);
    if (ESR_EC(r->esr) == EC_DATA_ABORT || ESR_EC(r->esr) == EC_DATA_ABORT_LOW) {
        kprintf(" far=data+0x%lx", r->far - (uint64_t)data);
    }
    kprintf("\n");
    r->elr += 4;
}

#define FUNC(name) ".global " #name "\n.type " #name ", %function\n" #name ":\n"

/* x1 = an address inside data, passed by the caller. */
__asm__(
    ".text\n"
    /* EL1t so the handler's own stack (SP_EL1) stays aligned. */
    FUNC(sp_el1t)
    "    msr spsel, #0\n"
    "    mov x9, sp\n"
    "    sub x10, x9, #4\n"
    "    mov sp, x10\n"
    "    ldr x0, [sp]\n"
    "    mov sp, x9\n"
    "    msr spsel, #1\n"
    "    ret\n"

    FUNC(sp_el0)
    "    mov x9, sp\n"
    "    sub x10, x9, #8\n"            /* 8-aligned, not 16: faults */
    "    mov sp, x10\n"
    "    str x0, [sp]\n"
    "    mov sp, x9\n"
    "    svc #0xff\n"

    FUNC(excl_ldxr)
    "    ldxr x0, [x1]\n"
    "    clrex\n"
    "    ret\n"
    FUNC(excl_stxr)
    "    stxr w2, x0, [x1]\n"
    "    ret\n"
    FUNC(excl_ldaxr_w)
    "    ldaxr w0, [x1]\n"
    "    clrex\n"
    "    ret\n"
    FUNC(excl_ldxp)
    "    ldxp x2, x3, [x1]\n"
    "    clrex\n"
    "    ret\n"
    FUNC(acq_ldar)
    "    ldar x0, [x1]\n"
    "    ret\n"
    FUNC(rel_stlrh)
    "    stlrh w0, [x1]\n"
    "    ret\n"
    FUNC(plain_ldr)
    "    ldr x0, [x1]\n"
    "    ret\n"
    FUNC(plain_ldrh)
    "    ldrh w0, [x1]\n"
    "    ret\n"
    FUNC(plain_ldrb)
    "    ldrb w0, [x1]\n"
    "    ret\n"
    FUNC(plain_stp)
    "    stp w2, w3, [x1]\n"
    "    ret\n"
);

#pragma GCC visibility push(hidden)
extern char sp_el1t[], sp_el0[], excl_ldxr[], excl_stxr[], excl_ldaxr_w[];
extern char excl_ldxp[], acq_ldar[], rel_stlrh[], plain_ldr[], plain_ldrh[];
extern char plain_ldrb[], plain_stp[];
#pragma GCC visibility pop

static void run(const char *name, char *fn, unsigned offset)
{
    uint64_t addr = (uint64_t)data + offset;

    kprintf("%s at data+%u:\n", name, offset);
    count = 0;
    base = (uint64_t)fn;
    __asm__ volatile("mov x1, %0\n blr %1"
                     : : "r"(addr), "r"(fn)
                     : "x0", "x1", "x2", "x3", "x9", "x10", "x30", "memory",
                       "cc");
    if (!count) {
        kprintf("  no exception\n");
    }
}

static void accesses(void)
{
    run("ldxr", excl_ldxr, 4);
    run("ldxr", excl_ldxr, 8);
    run("stxr", excl_stxr, 1);
    run("ldaxr w", excl_ldaxr_w, 2);
    run("ldaxr w", excl_ldaxr_w, 4);
    run("ldxp", excl_ldxp, 8);
    run("ldxp", excl_ldxp, 16);
    run("ldar", acq_ldar, 12);
    run("stlrh", rel_stlrh, 3);
    run("stlrh", rel_stlrh, 2);
    run("ldr", plain_ldr, 4);
    run("ldrh", plain_ldrh, 1);
    run("ldrb", plain_ldrb, 1);
    run("stp w", plain_stp, 4);
    run("stp w", plain_stp, 2);
}

int main(void)
{
    uint64_t sctlr = READ_SYSREG(sctlr_el1);

    set_exc_handler(handler);
    kprintf("sctlr_el1 SA=%lu SA0=%lu A=%lu\n", (sctlr >> 3) & 1,
            (sctlr >> 4) & 1, (sctlr >> 1) & 1);

    kprintf("misaligned SP load at EL1t:\n");
    WRITE_SYSREG(sp_el0, (uint64_t)(el1t_stack + 512));
    count = 0;
    base = (uint64_t)sp_el1t;
    ((void (*)(void))sp_el1t)();
    if (!count) {
        kprintf("  no exception\n");
    }
    kprintf("misaligned SP store at EL0:\n");
    count = 0;
    base = (uint64_t)sp_el0;
    run_at_el0((void (*)(void))sp_el0, el0_stack + 512);
    if (!count) {
        kprintf("  no exception\n");
    }

    kprintf("-- SCTLR_EL1.A = 0\n");
    accesses();
    WRITE_SYSREG(sctlr_el1, sctlr | 2);
    ISB();
    kprintf("-- SCTLR_EL1.A = 1\n");
    accesses();
    WRITE_SYSREG(sctlr_el1, sctlr);
    ISB();
    kprintf("done\n");
    return 0;
}
