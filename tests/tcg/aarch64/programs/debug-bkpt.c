/*
 * debug-bkpt: hardware breakpoints (DBGBVR/DBGBCR, MDSCR_EL1.MDE/KDE).
 * What the registers read back (BAS copies, OSLSR), then one case per
 * line: a breakpoint on an instruction at EL1 and at EL0, the first or a
 * middle instruction of a routine, and the conditions that keep it from
 * firing (MDE clear, KDE clear or PSTATE.D set at EL1, the
 * privilege bits PAC, BAS 0, a context-ID link that does not match).
 * The handler prints EC/ISS, ELR (as an offset into the routine), FAR
 * and the vector, disables comparator 0/1 and resumes at ELR, so the
 * instruction then runs: the routine's result is printed too.
 */
#include "lib.h"

static struct {
    unsigned count, vector;
    uint64_t esr, elr, far;
} seen;
static uint64_t el0_stack[512] __attribute__((aligned(16)));

static void handler(struct exc_regs *r, unsigned vector)
{
    seen.count++;
    seen.vector = vector;
    seen.esr = r->esr;
    seen.elr = r->elr;
    seen.far = r->far;
    if (ESR_EC(r->esr) == 0x30 || ESR_EC(r->esr) == 0x31) {
        WRITE_SYSREG(dbgbcr0_el1, 0);
        WRITE_SYSREG(dbgbcr1_el1, 0);
        ISB();
    } else {
        r->elr += 4;
    }
}

#define FUNC(name) ".global " #name "\n.type " #name ", %function\n" #name ":\n"

/* t_add: x0 = 1 + 2 + 3 (the breakpoint goes on insn 0 or 2). */
uint64_t t_add(void);
void t_el0(void);
uint64_t el0_result;

__asm__(
    ".text\n"
    ".balign 16\n"
    FUNC(t_add)
    "    mov x0, #1\n"
    "    add x0, x0, #2\n"
    "    add x0, x0, #3\n"
    "    ret\n"
    FUNC(t_el0)
    "    mov x0, #5\n"
    "    add x0, x0, #6\n"
    "    adrp x1, el0_result\n"
    "    str x0, [x1, :lo12:el0_result]\n"
    "    svc #0xff\n"
);

static void mdscr(uint64_t v)
{
    WRITE_SYSREG(mdscr_el1, v);
    ISB();
}

#define MDE (1u << 15)
#define KDE (1u << 13)
/* DBGBCR: E, PAC (bit 1: EL1, bit 2: EL0), BAS 0xf, BT, LBN. */
#define BCR(pac, bas) (1u | (pac) << 1 | (bas) << 5)

static void report(const char *name, uint64_t base, uint64_t result)
{
    kprintf("%s: hits=%u", name, seen.count);
    if (seen.count) {
        kprintf(" ec=0x%x iss=0x%x il=%u elr=+%lu far=0x%lx vec=0x%x",
                (unsigned)ESR_EC(seen.esr), (unsigned)ESR_ISS(seen.esr),
                (unsigned)(seen.esr >> 25) & 1,
                (unsigned long)(seen.elr - base), (unsigned long)seen.far,
                seen.vector);
    }
    kprintf(" result=%lu\n", (unsigned long)result);
    memset(&seen, 0, sizeof(seen));
}

static void el1_case(const char *name, unsigned insn, uint64_t bcr,
                     uint64_t md, int mask_d)
{
    uint64_t r;

    WRITE_SYSREG(dbgbvr0_el1, (uint64_t)t_add + 4 * insn);
    WRITE_SYSREG(dbgbcr0_el1, bcr);
    mdscr(md);
    if (mask_d) {
        __asm__ volatile("msr daifset, #8");
    } else {
        __asm__ volatile("msr daifclr, #8");
    }
    r = t_add();
    __asm__ volatile("msr daifset, #8");
    mdscr(0);
    WRITE_SYSREG(dbgbcr0_el1, 0);
    ISB();
    report(name, (uint64_t)t_add, r);
}

static void el0_case(const char *name, uint64_t bcr, uint64_t md)
{
    WRITE_SYSREG(dbgbvr0_el1, (uint64_t)t_el0 + 4);
    WRITE_SYSREG(dbgbcr0_el1, bcr);
    mdscr(md);
    el0_result = 0;
    run_at_el0(t_el0, el0_stack + 512);
    mdscr(0);
    WRITE_SYSREG(dbgbcr0_el1, 0);
    ISB();
    report(name, (uint64_t)t_el0, el0_result);
}

int main(void)
{
    set_exc_handler(handler);

    kprintf("oslsr at reset: 0x%lx\n", (unsigned long)READ_SYSREG(oslsr_el1));
    WRITE_SYSREG(dbgbcr2_el1, 0x0a1);       /* BAS 0b0101 */
    WRITE_SYSREG(dbgbvr2_el1, 0x1003);
    WRITE_SYSREG(dbgwvr2_el1, 0x2007);
    WRITE_SYSREG(dbgwcr2_el1, 0xff0001f7);
    kprintf("dbgbcr2=0x%lx dbgbvr2=0x%lx dbgwvr2=0x%lx dbgwcr2=0x%lx\n",
            (unsigned long)READ_SYSREG(dbgbcr2_el1),
            (unsigned long)READ_SYSREG(dbgbvr2_el1),
            (unsigned long)READ_SYSREG(dbgwvr2_el1),
            (unsigned long)READ_SYSREG(dbgwcr2_el1));
    WRITE_SYSREG(dbgbcr2_el1, 0);
    WRITE_SYSREG(dbgwcr2_el1, 0);

    /* The OS lock is set at reset: the ARM ARM masks debug exceptions
     * then, QEMU 7.2 does not. */
    el1_case("el1 oslock", 0, BCR(3, 0xf), MDE | KDE, 0);
    el0_case("el0 oslock", BCR(3, 0xf), MDE);
    WRITE_SYSREG(oslar_el1, 0);
    ISB();
    kprintf("oslsr after unlock: 0x%lx\n",
            (unsigned long)READ_SYSREG(oslsr_el1));

    el1_case("el1 first", 0, BCR(3, 0xf), MDE | KDE, 0);
    el1_case("el1 middle", 2, BCR(3, 0xf), MDE | KDE, 0);
    el1_case("el1 pac=el1", 1, BCR(1, 0xf), MDE | KDE, 0);
    el1_case("el1 pac=el0", 1, BCR(2, 0xf), MDE | KDE, 0);
    el1_case("el1 bas=3", 1, BCR(3, 0x3), MDE | KDE, 0);
    el1_case("el1 bas=0", 1, BCR(3, 0x0), MDE | KDE, 0);
    el1_case("el1 no kde", 0, BCR(3, 0xf), MDE, 0);
    el1_case("el1 D set", 0, BCR(3, 0xf), MDE | KDE, 1);
    el1_case("el1 no mde", 0, BCR(3, 0xf), KDE, 0);
    el1_case("el1 ssc=2", 0, BCR(3, 0xf) | 2u << 14, MDE | KDE, 0);

    /* Comparator 1 linked (BT 1) to context comparator 4 (BT 3). */
    WRITE_SYSREG(contextidr_el1, 0x55);
    WRITE_SYSREG(dbgbvr4_el1, 0x55);
    WRITE_SYSREG(dbgbcr4_el1, BCR(3, 0xf) | 3u << 20);
    WRITE_SYSREG(dbgbvr1_el1, (uint64_t)t_add + 4);
    WRITE_SYSREG(dbgbcr1_el1, BCR(3, 0xf) | 1u << 20 | 4u << 16);
    el1_case("el1 linked match", 0, 0, MDE | KDE, 0);
    WRITE_SYSREG(dbgbcr1_el1, BCR(3, 0xf) | 1u << 20 | 4u << 16);
    WRITE_SYSREG(contextidr_el1, 0x56);
    el1_case("el1 linked mismatch", 0, 0, MDE | KDE, 0);
    WRITE_SYSREG(dbgbcr1_el1, 0);
    WRITE_SYSREG(dbgbcr4_el1, 0);

    el0_case("el0 pac=el0", BCR(2, 0xf), MDE);
    el0_case("el0 pac=el1", BCR(1, 0xf), MDE);
    el0_case("el0 kde", BCR(3, 0xf), MDE | KDE);
    el0_case("el0 no mde", BCR(3, 0xf), KDE);

    /* The OS lock again (QEMU 7.2 still takes the breakpoint). */
    WRITE_SYSREG(oslar_el1, 1);
    ISB();
    el0_case("el0 relocked", BCR(3, 0xf), MDE);
    kprintf("done\n");
    return 0;
}
