/*
 * target/arm/debug.c: the self-hosted debug exceptions on a CPU driven
 * directly (no board): the block flags that turn them on (and their
 * absence when MDSCR_EL1 enables nothing), hardware breakpoints
 * (including a comparator written after the code was translated, and a
 * context-ID link checked at run time), watchpoints (loads, stores,
 * straddling accesses, the TLB slow path of a watched page and the fast
 * path once disarmed, registers unchanged by a faulting LDP), software
 * step (one instruction then the exception, the ELR of a taken branch,
 * ISS.EX after LDXR, the active-pending state) and ERET's PSTATE.SS.
 *
 * Syndromes and ELR/FAR values are those Debian's QEMU 7.2 reports for
 * the same situations in tests/tcg/aarch64/programs/debug-*.c (recorded
 * there); the words below were assembled with aarch64-linux-gnu-as.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/translate.h"
#include "../../target/arm/sysreg.h"
#include "../../target/arm/internals.h"
#include "../../target/arm/debug.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (4 * MiB)
#define CODE_BASE 0x40080000ULL
#define VBAR 0x40100000ULL
#define DATA 0x40200000ULL

static MemoryRegion ram;
static CPUState *cs;

static const uint32_t prog_straight[] = {
    0xd2800020, /* mov x0, #1 */
    0xd2800041, /* mov x1, #2 */
    0xd2800062, /* mov x2, #3 */
    0xd2800083, /* mov x3, #4 */
    0xd4200000, /* brk #0 */
};

static const uint32_t prog_branchy[] = {
    0xd2800020, /* mov x0, #1 */
    0x14000002, /* b +8 */
    0xd28000e0, /* mov x0, #7 */
    0x91000400, /* add x0, x0, #1 */
    0xd4200000, /* brk #0 */
};

static const uint32_t prog_loads[] = {
    0xf9400141, /* ldr x1, [x10] */
    0xa9400d62, /* ldp x2, x3, [x11] */
    0xf9000184, /* str x4, [x12] */
    0xf94001a5, /* ldr x5, [x13] */
    0xd4200000, /* brk #0 */
};

static const uint32_t prog_excl[] = {
    0xc85f7d41, /* ldxr x1, [x10] */
    0xd4200000, /* brk #0 */
};

static const uint32_t prog_eret[] = {
    0xd69f03e0, /* eret */
};

#define INSN_BRK1 0xd4200020 /* brk #1: every vector, so a taken
                              * exception stops the run */

#define MDSCR_ALL_OFF 0
#define BCR_EL1_EL0 (1u | 3u << 1 | 0xfu << 5)  /* E, PAC both, BAS */
#define WCR(lsc, bas) (1u | 3u << 1 | (lsc) << 3 | (bas) << 5)

/* ---- Harness -------------------------------------------------------- */

static CPUARMState *env(void)
{
    return cpu_env(cs);
}

static uint8_t *ram_ptr(uint64_t addr)
{
    g_assert(addr >= RAM_BASE && addr < RAM_BASE + RAM_SIZE);
    return (uint8_t *)memory_region_get_ram_ptr(&ram) + (addr - RAM_BASE);
}

static void put_words(uint64_t addr, const uint32_t *w, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        uint32_t le = GUINT32_TO_LE(w[i]);
        memcpy(ram_ptr(addr + 4 * i), &le, 4);
    }
}

static uint64_t get64(uint64_t addr)
{
    uint64_t v;

    memcpy(&v, ram_ptr(addr), 8);
    return GUINT64_FROM_LE(v);
}

static void put64(uint64_t addr, uint64_t v)
{
    v = GUINT64_TO_LE(v);
    memcpy(ram_ptr(addr), &v, 8);
}

/* Fresh CPU (EL1h, D masked) and memory, vectors that stop, the program
 * at CODE_BASE. */
static void load(const uint32_t *w, size_t n)
{
    static const unsigned vec[] = { 0x000, 0x200, 0x400 };
    size_t i;

    cpu_reset(cs);
    memset(ram_ptr(RAM_BASE), 0, RAM_SIZE);
    tb_flush();
    put_words(CODE_BASE, w, n);
    for (i = 0; i < ARRAY_SIZE(vec); i++) {
        uint32_t brk = INSN_BRK1;
        put_words(VBAR + vec[i], &brk, 1);
    }
    env()->vbar_el1 = VBAR;
    env()->pc = CODE_BASE;
}

static int run(void)
{
    int r;

    do {
        r = tcg_lite_exec(cs, 10000);
    } while (r == EXCP_INTERRUPT);
    return r;
}

static void sysreg_write(unsigned crn, unsigned crm, unsigned op2,
                         uint64_t v)
{
    const ARMSysReg *ri = arm_sysreg_find(2, 0, crn, crm, op2);

    g_assert(ri);
    arm_sysreg_write(env(), ri, v);
}

static uint64_t sysreg_read(unsigned crn, unsigned crm, unsigned op2)
{
    const ARMSysReg *ri = arm_sysreg_find(2, 0, crn, crm, op2);

    g_assert(ri);
    return arm_sysreg_read(env(), ri);
}

#define WRITE_MDSCR(v) sysreg_write(0, 2, 2, (v))
#define WRITE_BVR(n, v) sysreg_write(0, (n), 4, (v))
#define WRITE_BCR(n, v) sysreg_write(0, (n), 5, (v))
#define WRITE_WVR(n, v) sysreg_write(0, (n), 6, (v))
#define WRITE_WCR(n, v) sysreg_write(0, (n), 7, (v))

/* EL1h with PSTATE.D clear, debug enabled from EL1 (KDE). */
static void el1_debug(uint32_t mdscr)
{
    env()->pstate &= ~PSTATE_D;
    WRITE_MDSCR(mdscr);
}

static void to_el0(uint32_t extra)
{
    arm_pstate_write(env(), extra);     /* EL0t, DAIF clear */
}

static uint32_t tb_flags(void)
{
    uint64_t pc;
    uint32_t flags;

    CPU_GET_CLASS(cs)->tcg_ops->get_tb_state(cs, &pc, &flags);
    return flags;
}

/* ---- Block flags ---------------------------------------------------- */

static void test_flags(void)
{
    const uint32_t dbg = ARM_TBFLAG_SS_ACTIVE | ARM_TBFLAG_PSTATE_SS |
                         ARM_TBFLAG_BKPT;

    load(prog_straight, ARRAY_SIZE(prog_straight));
    /* Breakpoints armed but MDSCR enables nothing: no flag. */
    WRITE_BVR(0, CODE_BASE);
    WRITE_BCR(0, BCR_EL1_EL0);
    g_assert_cmphex(tb_flags() & dbg, ==, 0);
    /* KDE without clearing PSTATE.D: still nothing at EL1. */
    WRITE_MDSCR(MDSCR_MDE | MDSCR_KDE | MDSCR_SS);
    g_assert_cmphex(tb_flags() & dbg, ==, 0);
    env()->pstate &= ~PSTATE_D;
    g_assert_cmphex(tb_flags() & dbg, ==,
                    ARM_TBFLAG_BKPT | ARM_TBFLAG_SS_ACTIVE);
    /* EL0 needs no KDE; PSTATE.SS shows. */
    WRITE_MDSCR(MDSCR_MDE | MDSCR_SS);
    to_el0(PSTATE_SS | PSTATE_D);
    g_assert_cmphex(tb_flags() & dbg, ==, dbg);
    WRITE_MDSCR(MDSCR_SS);
    g_assert_cmphex(tb_flags() & dbg, ==,
                    ARM_TBFLAG_SS_ACTIVE | ARM_TBFLAG_PSTATE_SS);
    g_assert(arm_debug_singlestep_active(env()));
    WRITE_MDSCR(MDSCR_ALL_OFF);
    g_assert_cmphex(tb_flags() & dbg, ==, 0);
}

/* DBGBCR's BAS copies and DBGWVR's RES0 bits, as QEMU stores them. */
static void test_registers(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    WRITE_BCR(2, 0x0a1);
    g_assert_cmphex(sysreg_read(0, 2, 5), ==, 0x1e1);
    WRITE_WVR(2, 0x2007);
    g_assert_cmphex(sysreg_read(0, 2, 6), ==, 0x2004);
    WRITE_BVR(2, 0x1003);
    g_assert_cmphex(sysreg_read(0, 2, 4), ==, 0x1003);
}

/* ---- Breakpoints ---------------------------------------------------- */

static void test_bp_el1(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    el1_debug(MDSCR_MDE | MDSCR_KDE);
    WRITE_BVR(0, CODE_BASE + 8);
    WRITE_BCR(0, BCR_EL1_EL0);
    g_assert_cmpint(run(), ==, EXCP_PREFETCH_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 8);
    g_assert_cmphex(env()->exception.syndrome, ==, 0xc2000022);
    g_assert_cmphex(env()->xregs[1], ==, 2);
    g_assert_cmphex(env()->xregs[2], ==, 0);    /* not executed */
    /* Taken: same-EL class, FAR 0, ELR the instruction. */
    env()->far_el1 = 0x1234;
    arm_cpu_do_interrupt(cs);
    g_assert_cmphex(env()->esr_el1, ==, 0xc6000022);
    g_assert_cmphex(env()->elr_el[1], ==, CODE_BASE + 8);
    g_assert_cmphex(env()->far_el1, ==, 0);
    g_assert_cmphex(env()->pc, ==, VBAR + 0x200);
}

/* With PSTATE.D set (the state at reset) or MDE clear, nothing fires. */
static void test_bp_disabled(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    WRITE_MDSCR(MDSCR_MDE | MDSCR_KDE);
    WRITE_BVR(0, CODE_BASE + 8);
    WRITE_BCR(0, BCR_EL1_EL0);
    g_assert_cmpint(run(), ==, EXCP_BKPT);      /* the final BRK #0 */
    g_assert_cmphex(env()->xregs[3], ==, 4);

    load(prog_straight, ARRAY_SIZE(prog_straight));
    el1_debug(MDSCR_KDE);
    WRITE_BVR(0, CODE_BASE + 8);
    WRITE_BCR(0, BCR_EL1_EL0);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    /* PAC = EL0 only, at EL1. */
    load(prog_straight, ARRAY_SIZE(prog_straight));
    el1_debug(MDSCR_MDE | MDSCR_KDE);
    WRITE_BVR(0, CODE_BASE + 8);
    WRITE_BCR(0, 1u | 2u << 1 | 0xfu << 5);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

/* A comparator written after the code was translated still fires. */
static void test_bp_retranslate(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    el1_debug(MDSCR_MDE | MDSCR_KDE);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    env()->pc = CODE_BASE;
    WRITE_BVR(1, CODE_BASE + 4);
    WRITE_BCR(1, BCR_EL1_EL0);
    g_assert_cmpint(run(), ==, EXCP_PREFETCH_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
    /* Disarmed: the same code runs through. */
    WRITE_BCR(1, 0);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 16);
}

/* BT 1 linked to context comparator 4: CONTEXTIDR_EL1 decides at run
 * time, with no new translation. */
static void test_bp_linked(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    el1_debug(MDSCR_MDE | MDSCR_KDE);
    WRITE_BVR(4, 0x55);
    WRITE_BCR(4, BCR_EL1_EL0 | 3u << 20);
    WRITE_BVR(1, CODE_BASE + 4);
    WRITE_BCR(1, BCR_EL1_EL0 | 1u << 20 | 4u << 16);
    env()->contextidr_el1 = 0x56;
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    env()->pc = CODE_BASE;
    env()->contextidr_el1 = 0x55;
    g_assert_cmpint(run(), ==, EXCP_PREFETCH_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
    /* A link to a comparator that is not context-aware: never. */
    WRITE_BCR(1, BCR_EL1_EL0 | 1u << 20 | 0u << 16);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

static void test_bp_el0(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    WRITE_MDSCR(MDSCR_MDE);                     /* no KDE needed */
    WRITE_BVR(0, CODE_BASE);
    WRITE_BCR(0, 1u | 2u << 1 | 0xfu << 5);     /* EL0 only */
    to_el0(0);
    g_assert_cmpint(run(), ==, EXCP_PREFETCH_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE);
    arm_cpu_do_interrupt(cs);
    g_assert_cmphex(env()->esr_el1, ==, 0xc2000022);
    g_assert_cmphex(env()->pc, ==, VBAR + 0x400);
}

/* ---- Watchpoints ---------------------------------------------------- */

static void loads_setup(void)
{
    unsigned i;

    load(prog_loads, ARRAY_SIZE(prog_loads));
    for (i = 0; i < 8; i++) {
        put64(DATA + 8 * i, 0x1111111111111111ULL * (i + 1));
    }
    env()->xregs[10] = DATA + 0x20;
    env()->xregs[11] = DATA + 0x4;      /* LDP: bytes 4..19 */
    env()->xregs[12] = DATA + 0x30;
    env()->xregs[13] = DATA + 0x38;
    env()->xregs[4] = 0xabcdefULL;
    el1_debug(MDSCR_MDE | MDSCR_KDE);
}

static void test_wp_load(void)
{
    CPUTLBEntry *e;

    loads_setup();
    WRITE_WVR(0, DATA + 0x10);
    WRITE_WCR(0, WCR(1, 0x0f));             /* loads of bytes 16..19 */
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
    /* The LDP straddles: FAR is the first watched byte. */
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
    g_assert_cmphex(env()->exception.syndrome, ==, 0xd2000022);
    g_assert_cmphex(env()->exception.vaddress, ==, DATA + 0x10);
    g_assert_cmphex(env()->xregs[1], ==, 0x5555555555555555ULL);
    g_assert_cmphex(env()->xregs[2], ==, 0);     /* LDP wrote nothing */
    g_assert_cmphex(env()->xregs[3], ==, 0);
    /* The page is on the slow path while watched... */
    e = tl_tlb_entry(cs, ARM_MMU_IDX_EL1, DATA);
    g_assert(e->addr_read & TLB_SLOW);
    arm_cpu_do_interrupt(cs);
    g_assert_cmphex(env()->esr_el1, ==, 0xd6000022);
    g_assert_cmphex(env()->far_el1, ==, DATA + 0x10);
    /* ...and back on the fast path once disarmed. */
    WRITE_WCR(0, 0);
    env()->pc = CODE_BASE + 4;
    env()->pstate &= ~PSTATE_D;
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[2], ==, 0x1111111111111111ULL >> 32 |
                    0x2222222222222222ULL << 32);
    g_assert_cmphex(get64(DATA + 0x30), ==, 0xabcdef);
    e = tl_tlb_entry(cs, ARM_MMU_IDX_EL1, DATA);
    g_assert(!(e->addr_read & TLB_SLOW));
}

static void test_wp_store(void)
{
    loads_setup();
    WRITE_WVR(0, DATA + 0x30);
    WRITE_WCR(0, WCR(2, 0xff));             /* stores to bytes 48..55 */
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 8);
    g_assert_cmphex(env()->exception.syndrome, ==, 0xd2000062);
    g_assert_cmphex(env()->exception.vaddress, ==, DATA + 0x30);
    /* Before the access: memory unchanged. Unwatched neighbours on the
     * same (slow) page were read correctly. */
    g_assert_cmphex(get64(DATA + 0x30), ==, 0x7777777777777777ULL);
    g_assert_cmphex(env()->xregs[3], ==, 0x3333333333333333ULL << 32 |
                    0x2222222222222222ULL >> 32);
}

/* A load-only watchpoint ignores stores; debug masked at EL1 by D. */
static void test_wp_filters(void)
{
    loads_setup();
    WRITE_WVR(0, DATA + 0x30);
    WRITE_WCR(0, WCR(1, 0xff));
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    g_assert_cmphex(get64(DATA + 0x30), ==, 0xabcdef);

    loads_setup();
    env()->pstate |= PSTATE_D;
    WRITE_WVR(0, DATA + 0x20);
    WRITE_WCR(0, WCR(3, 0xff));
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

/* MASK: a 2^MASK-byte aligned range; 1 and 2 are reserved (disabled). */
static void test_wp_mask(void)
{
    loads_setup();
    WRITE_WVR(0, DATA + 0x38);              /* aligned down to DATA+0x20 */
    WRITE_WCR(0, WCR(1, 0) | 5u << 24);
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE);
    g_assert_cmphex(env()->exception.vaddress, ==, DATA + 0x20);

    loads_setup();
    WRITE_WVR(0, DATA + 0x20);
    WRITE_WCR(0, WCR(1, 0) | 2u << 24);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

/* Misaligned: a load is checked as the aligned accesses around it, a
 * store from the start of its page (QEMU 7.2's softmmu). */
static void test_wp_misaligned(void)
{
    static const uint32_t prog[] = {
        0xb9400141, /* ldr w1, [x10] */
        0xb9000142, /* str w2, [x10] */
        0xd4200000, /* brk #0 */
    };

    load(prog, ARRAY_SIZE(prog));
    el1_debug(MDSCR_MDE | MDSCR_KDE);
    env()->xregs[10] = DATA + 6;                /* bytes 6..9 */
    WRITE_WVR(0, DATA);
    WRITE_WCR(0, WCR(1, 0x30));                 /* load, bytes 4..5 */
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE);
    g_assert_cmphex(env()->exception.vaddress, ==, DATA + 4);

    WRITE_WCR(0, WCR(2, 0x03));                 /* store, bytes 0..1 */
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
    g_assert_cmphex(env()->exception.vaddress, ==, DATA);
    g_assert_cmphex(env()->exception.syndrome, ==, 0xd2000062);

    WRITE_WVR(0, DATA + 8);
    WRITE_WCR(0, WCR(2, 0x0c));                 /* store, bytes 10..11 */
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

/* The OS double lock masks debug exceptions; the OS lock does not (QEMU
 * 7.2). */
static void test_locks(void)
{
    loads_setup();
    WRITE_WVR(0, DATA + 0x20);
    WRITE_WCR(0, WCR(1, 0xff));
    sysreg_write(1, 3, 4, 1);                   /* OSDLR_EL1.DLK */
    g_assert_cmphex(tb_flags() & ARM_TBFLAG_BKPT, ==, 0);
    g_assert_cmpint(run(), ==, EXCP_BKPT);

    loads_setup();
    g_assert(env()->oslsr_el1 & 2);             /* locked at reset */
    WRITE_WVR(0, DATA + 0x20);
    WRITE_WCR(0, WCR(1, 0xff));
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
}

/* ---- Software step -------------------------------------------------- */

/* EL0 with PSTATE.SS = 1: one instruction, then the exception (taken at
 * once), ELR at the next instruction and SPSR.SS = 0. */
static void test_step_one(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    WRITE_MDSCR(MDSCR_SS);
    to_el0(PSTATE_SS);
    g_assert_cmpint(run(), ==, EXCP_BKPT);      /* the vector's BRK #1 */
    g_assert_cmphex(env()->pc, ==, VBAR + 0x400);
    g_assert_cmphex(env()->esr_el1, ==, 0xcb000022);
    g_assert_cmphex(env()->elr_el[1], ==, CODE_BASE + 4);
    g_assert_cmphex(env()->spsr_el[1] & PSTATE_SS, ==, 0);
    g_assert_cmphex(env()->xregs[0], ==, 1);
    g_assert_cmphex(env()->xregs[1], ==, 0);
}

/* Active-pending (PSTATE.SS = 0): the exception before anything runs,
 * ISV = 0, reported by the engine with the PC at the instruction. */
static void test_step_pending(void)
{
    load(prog_straight, ARRAY_SIZE(prog_straight));
    WRITE_MDSCR(MDSCR_SS);
    to_el0(0);
    g_assert_cmpint(run(), ==, EXCP_UDEF);
    g_assert_cmphex(env()->pc, ==, CODE_BASE);
    g_assert_cmphex(env()->exception.syndrome, ==, 0xca000022);
    g_assert_cmphex(env()->xregs[0], ==, 0);
}

/* A taken branch: ELR is its target. */
static void test_step_branch(void)
{
    load(prog_branchy, ARRAY_SIZE(prog_branchy));
    WRITE_MDSCR(MDSCR_SS);
    to_el0(PSTATE_SS);
    env()->pc = CODE_BASE + 4;
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    g_assert_cmphex(env()->esr_el1, ==, 0xcb000022);
    g_assert_cmphex(env()->elr_el[1], ==, CODE_BASE + 12);
}

static void test_step_excl(void)
{
    load(prog_excl, ARRAY_SIZE(prog_excl));
    env()->xregs[10] = DATA;
    WRITE_MDSCR(MDSCR_SS);
    to_el0(PSTATE_SS);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    g_assert_cmphex(env()->esr_el1, ==, 0xcb000062);
    g_assert_cmphex(env()->elr_el[1], ==, CODE_BASE + 4);
}

/* An instruction that faults does not complete: PSTATE.SS stays set
 * (the saved SPSR.SS is 1); BRK likewise. */
static void test_step_fault(void)
{
    load(prog_loads, ARRAY_SIZE(prog_loads));
    env()->xregs[10] = 0x0e000000;              /* nothing there */
    WRITE_MDSCR(MDSCR_SS);
    to_el0(PSTATE_SS);
    g_assert_cmpint(run(), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE);
    g_assert(env()->pstate & PSTATE_SS);
}

/* ERET keeps SPSR.SS only where stepping is active at the target EL. */
static void test_eret_ss(void)
{
    load(prog_eret, ARRAY_SIZE(prog_eret));
    env()->spsr_el[1] = PSTATE_SS;              /* EL0t, SS */
    env()->elr_el[1] = CODE_BASE + 0x100;
    g_assert_cmpint(tcg_lite_exec(cs, 1), ==, EXCP_BUDGET);
    g_assert_cmpint(env()->el, ==, 0);
    g_assert_cmphex(env()->pstate & PSTATE_SS, ==, 0);

    load(prog_eret, ARRAY_SIZE(prog_eret));
    WRITE_MDSCR(MDSCR_SS);
    env()->spsr_el[1] = PSTATE_SS;
    env()->elr_el[1] = CODE_BASE + 0x100;
    g_assert_cmpint(tcg_lite_exec(cs, 1), ==, EXCP_BUDGET);
    g_assert_cmpint(env()->el, ==, 0);
    g_assert_cmphex(env()->pstate & PSTATE_SS, ==, PSTATE_SS);
}

int main(int argc, char **argv)
{
    Object *obj;

    g_test_init(&argc, &argv, NULL);
    memory_map_init();
    g_assert(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, NULL));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);

    obj = object_new(TYPE_ARM_CPU_CORTEX_A57);
    g_assert(qdev_realize(DEVICE(obj), NULL, NULL));
    cs = CPU(obj);

    g_test_add_func("/arm-debug/flags", test_flags);
    g_test_add_func("/arm-debug/registers", test_registers);
    g_test_add_func("/arm-debug/bp/el1", test_bp_el1);
    g_test_add_func("/arm-debug/bp/disabled", test_bp_disabled);
    g_test_add_func("/arm-debug/bp/retranslate", test_bp_retranslate);
    g_test_add_func("/arm-debug/bp/linked", test_bp_linked);
    g_test_add_func("/arm-debug/bp/el0", test_bp_el0);
    g_test_add_func("/arm-debug/wp/load", test_wp_load);
    g_test_add_func("/arm-debug/wp/store", test_wp_store);
    g_test_add_func("/arm-debug/wp/filters", test_wp_filters);
    g_test_add_func("/arm-debug/wp/mask", test_wp_mask);
    g_test_add_func("/arm-debug/wp/misaligned", test_wp_misaligned);
    g_test_add_func("/arm-debug/locks", test_locks);
    g_test_add_func("/arm-debug/step/one", test_step_one);
    g_test_add_func("/arm-debug/step/pending", test_step_pending);
    g_test_add_func("/arm-debug/step/branch", test_step_branch);
    g_test_add_func("/arm-debug/step/excl", test_step_excl);
    g_test_add_func("/arm-debug/step/fault", test_step_fault);
    g_test_add_func("/arm-debug/eret-ss", test_eret_ss);
    return g_test_run();
}
