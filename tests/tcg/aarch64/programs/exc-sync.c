/*
 * exc-sync: synchronous exceptions taken to EL1 and what the handler
 * sees: the vector used (EL1t, EL1h, EL0), ESR_EL1 (EC, IL, ISS), ELR_EL1
 * (printed as an offset into the test routine), SPSR_EL1 (mode, DAIF and
 * NZCV of the interrupted code), FAR_EL1 for aborts and PC alignment, and
 * the state on entry (EL1h, DAIF all masked). Cases: SVC from EL1h, EL1t
 * and EL0, BRK, UDF and an unallocated encoding, loads and stores to an
 * unmapped address, a BR to a misaligned address, EL0 touching EL1
 * state, ERET at EL0 (UNDEF), an illegal exception
 * return (SPSR.M = EL2h) and the Illegal Execution State exception it
 * leads to, and SPSel/SP_EL0 handling.
 *
 * Each case is a leaf routine in assembly (below) that sets NZCV first so
 * SPSR is deterministic; the handler resumes at the routine's return
 * address (x30) unless the case says otherwise.
 */
#include "lib.h"

/*
 * The routines load from 0x0e000000: nothing is mapped there on QEMU's
 * virt board (between the platform bus and the PCIe window, where secure
 * memory would be), so accesses take a synchronous external abort.
 */

enum resume { RESUME_LR, RESUME_NEXT, RESUME_ELR };

static struct {
    unsigned count;
    unsigned vector;
    uint64_t esr, elr, far, spsr;
    uint64_t daif, spsel, currentel;     /* read inside the handler */
} seen;
static enum resume resume_mode;
static uint64_t el0_stack[512] __attribute__((aligned(16)));
static uint64_t el1t_stack[512] __attribute__((aligned(16)));

static void handler(struct exc_regs *r, unsigned vector)
{
    seen.count++;
    seen.vector = vector;
    seen.esr = r->esr;
    seen.elr = r->elr;
    seen.far = r->far;
    seen.spsr = r->spsr;
    seen.daif = READ_SYSREG(daif);
    seen.spsel = READ_SYSREG(spsel);
    seen.currentel = READ_SYSREG(currentel);
    switch (resume_mode) {
    case RESUME_LR:
        r->elr = r->x[30];
        break;
    case RESUME_NEXT:
        r->elr += 4;
        break;
    case RESUME_ELR:
        break;
    }
    /* The illegal-state case returns with IL clear. */
    r->spsr &= ~(1UL << 20);
}

/* Test routines: each sets NZCV, then raises its exception. */
#define FUNC(name) ".global " #name "\n.type " #name ", %function\n" #name ":\n"

__asm__(
    ".text\n"
    ".balign 16\n"
    FUNC(t_svc)
    "    mov x9, #0x60000000\n"         /* Z C */
    "    msr nzcv, x9\n"
    "    svc #0x123\n"
    "    ret\n"

    FUNC(t_svc_el1t)
    "    mov x9, #0x80000000\n"         /* N */
    "    msr nzcv, x9\n"
    "    msr spsel, #0\n"
    "    mov x10, sp\n"                 /* = SP_EL0 now */
    "    svc #0x7\n"
    "    mov x11, sp\n"
    "    msr spsel, #1\n"
    "    mov x0, x10\n"
    "    sub x0, x0, x11\n"             /* 0: SP_EL0 kept */
    "    ret\n"

    FUNC(t_svc_daif)
    "    msr daifclr, #0xf\n"
    "    msr daifset, #0x5\n"           /* A, F */
    "    mov x9, #0x10000000\n"         /* V */
    "    msr nzcv, x9\n"
    "    svc #0xffff\n"
    "    mrs x0, daif\n"
    "    msr daifset, #0xf\n"
    "    ret\n"

    FUNC(t_brk)
    "    mov x9, #0x40000000\n"
    "    msr nzcv, x9\n"
    "    nop\n"
    "    brk #0x77\n"
    "    ret\n"

    FUNC(t_udf)
    "    msr nzcv, xzr\n"
    "    udf #0x1234\n"
    "    ret\n"

    FUNC(t_unalloc)
    "    msr nzcv, xzr\n"
    "    .inst 0x04a00000\n"            /* SVE: not on a Cortex-A57 */
    "    ret\n"

    FUNC(t_ldr_unmapped)
    "    msr nzcv, xzr\n"
    "    mov x1, #0x0e000000\n"
    "    ldr w2, [x1, #0x10]\n"
    "    ret\n"

    FUNC(t_str_unmapped)
    "    msr nzcv, xzr\n"
    "    mov x1, #0x0e000000\n"
    "    strb w2, [x1, #0x3]\n"
    "    ret\n"

    FUNC(t_pc_align)
    "    msr nzcv, xzr\n"
    "    adr x1, 1f\n"
    "    add x1, x1, #2\n"
    "    br x1\n"
    "1:  ret\n"

    FUNC(t_illegal_eret)
    "    msr nzcv, xzr\n"
    "    adr x1, 1f\n"
    "    msr elr_el1, x1\n"
    "    mov x2, #0x3c9\n"              /* EL2h, DAIF masked */
    "    movk x2, #0x2000, lsl #16\n"   /* C */
    "    msr spsr_el1, x2\n"
    "    eret\n"
    "1:  nop\n"
    "    ret\n"

    FUNC(t_sp_el0_at_el1t)
    "    msr nzcv, xzr\n"
    "    msr spsel, #0\n"
    "    msr sp_el0, x0\n"              /* UNDEF while SPSel is 0 */
    "    msr spsel, #1\n"
    "    ret\n"

    /* EL0 routines end with SVC #0xff (back to run_at_el0's caller). */
    FUNC(el0_svc)
    "    mov x9, #0x20000000\n"
    "    msr nzcv, x9\n"
    "    svc #0x42\n"
    "    svc #0xff\n"

    FUNC(el0_brk)
    "    msr nzcv, xzr\n"
    "    brk #0x3\n"
    "    svc #0xff\n"

    FUNC(el0_currentel)
    "    msr nzcv, xzr\n"
    "    mrs x0, currentel\n"           /* EL1 and up only */
    "    svc #0xff\n"

    FUNC(el0_sctlr)
    "    msr nzcv, xzr\n"
    "    msr sctlr_el1, xzr\n"
    "    svc #0xff\n"

    FUNC(el0_ldr_unmapped)
    "    msr nzcv, xzr\n"
    "    mov x1, #0x0e000000\n"
    "    ldr x2, [x1, #0x8]\n"
    "    svc #0xff\n"

    FUNC(el0_eret)
    "    msr nzcv, xzr\n"
    "    eret\n"
    "    svc #0xff\n"
);

#pragma GCC visibility push(hidden)
extern char t_svc[], t_svc_el1t[], t_svc_daif[], t_brk[], t_udf[];
extern char t_unalloc[], t_ldr_unmapped[], t_str_unmapped[];
extern char t_pc_align[], t_illegal_eret[], t_sp_el0_at_el1t[];
extern char el0_svc[], el0_brk[], el0_currentel[], el0_sctlr[];
extern char el0_ldr_unmapped[], el0_eret[];
#pragma GCC visibility pop

static void report(const char *name, const char *fn, int with_far)
{
    if (!seen.count) {
        kprintf("%s: no exception\n", name);
        return;
    }
    kprintf("%s: vector=0x%03x ec=0x%02x il=%d iss=0x%07x elr=+0x%lx "
            "spsr=0x%08lx", name, seen.vector, (unsigned)ESR_EC(seen.esr),
            (int)((seen.esr >> 25) & 1), (unsigned)ESR_ISS(seen.esr),
            seen.elr - (uint64_t)fn, seen.spsr);
    if (with_far) {
        kprintf(" far=0x%lx", seen.far);
    }
    kprintf("\n");
    kprintf("  in handler: currentel=0x%lx spsel=%lu daif=0x%lx\n",
            seen.currentel, seen.spsel, seen.daif);
}

static uint64_t call(char *fn, enum resume mode)
{
    uint64_t ret;

    memset(&seen, 0, sizeof(seen));
    resume_mode = mode;
    ret = ((uint64_t (*)(void))fn)();
    return ret;
}

static void el0(const char *name, char *fn, enum resume mode, int with_far)
{
    memset(&seen, 0, sizeof(seen));
    resume_mode = mode;
    run_at_el0((void (*)(void))fn, el0_stack + 512);
    report(name, fn, with_far);
    kprintf("  back at EL1: currentel=0x%lx spsel=%lu daif=0x%lx\n",
            READ_SYSREG(currentel), READ_SYSREG(spsel), READ_SYSREG(daif));
}

int main(void)
{
    uint64_t v;

    set_exc_handler(handler);
    kprintf("start: currentel=0x%lx spsel=%lu daif=0x%lx\n",
            READ_SYSREG(currentel), READ_SYSREG(spsel), READ_SYSREG(daif));

    call(t_svc, RESUME_ELR);
    report("svc el1h", t_svc, 0);

    WRITE_SYSREG(sp_el0, (uint64_t)(el1t_stack + 512));
    v = call(t_svc_el1t, RESUME_ELR);
    report("svc el1t", t_svc_el1t, 0);
    kprintf("  sp unchanged across it: %s\n", v == 0 ? "yes" : "NO");
    kprintf("  sp_el0 - stack top = %ld\n",
            (int64_t)(READ_SYSREG(sp_el0) - (uint64_t)(el1t_stack + 512)));

    v = call(t_svc_daif, RESUME_ELR);
    report("svc with daif=AF", t_svc_daif, 0);
    kprintf("  daif after return: 0x%lx\n", v);

    call(t_brk, RESUME_NEXT);
    report("brk", t_brk, 0);
    call(t_udf, RESUME_NEXT);
    report("udf", t_udf, 0);
    call(t_unalloc, RESUME_NEXT);
    report("unallocated", t_unalloc, 0);
    call(t_ldr_unmapped, RESUME_NEXT);
    report("ldr unmapped", t_ldr_unmapped, 1);
    call(t_str_unmapped, RESUME_NEXT);
    report("strb unmapped", t_str_unmapped, 1);
    call(t_pc_align, RESUME_LR);
    report("br misaligned", t_pc_align, 1);
    call(t_illegal_eret, RESUME_LR);
    report("illegal eret to el2", t_illegal_eret, 0);
    kprintf("  after: currentel=0x%lx spsel=%lu\n", READ_SYSREG(currentel),
            READ_SYSREG(spsel));
    call(t_sp_el0_at_el1t, RESUME_NEXT);
    report("msr sp_el0 with spsel 0", t_sp_el0_at_el1t, 0);
    kprintf("  sp_el0 - stack top = %ld\n",
            (int64_t)(READ_SYSREG(sp_el0) - (uint64_t)(el1t_stack + 512)));

    el0("el0 svc", el0_svc, RESUME_ELR, 0);
    el0("el0 brk", el0_brk, RESUME_NEXT, 0);
    el0("el0 mrs currentel", el0_currentel, RESUME_NEXT, 0);
    el0("el0 msr sctlr_el1", el0_sctlr, RESUME_NEXT, 0);
    el0("el0 ldr unmapped", el0_ldr_unmapped, RESUME_NEXT, 1);
    el0("el0 eret", el0_eret, RESUME_NEXT, 0);
    kprintf("done\n");
    return 0;
}
