/*
 * mmu-common.h: the body of the mmu-4k, mmu-16k and mmu-64k programs,
 * which define GSHIFT (granule: 12, 14 or 16), T0SZ, T1SZ, TG0, TG1 and
 * NAME, then include this file.
 *
 * The program builds stage 1 tables for the EL1&0 regime: RAM identity
 * mapped with level 2 blocks, the PL011 as a Device page, test pages at
 * 0x10000000 (read/write, read-only, EL0, AF clear, unmapped, PXN, an
 * output address beyond the PA size, EL0 read-only) and one page at a high
 * VA through TTBR1. With the MMU on it prints AT results (PAR_EL1), and
 * the ESR/FAR of translation, access flag, permission, address size and
 * walk faults, from EL1 and EL0, and checks TLBI and TBI. Everything
 * printed is a link-time address or a constant, so the output is stable.
 */
#include "lib.h"

#define GSIZE (1UL << GSHIFT)
#define STRIDE (GSHIFT - 3)
#define IN0 (64 - T0SZ)
#define IN1 (64 - T1SZ)
#define START_LEVEL(in) (4 - ((in) - GSHIFT + STRIDE - 1) / STRIDE)

#define D_VALID  1UL
#define D_TABLE  3UL
#define D_PAGE   3UL
#define D_BLOCK  1UL
#define ATTR(i)  ((uint64_t)(i) << 2)
#define AP_EL0   (1UL << 6)             /* AP[1]: EL0 access */
#define AP_RO    (2UL << 6)             /* AP[2]: read-only */
#define SH_IS    (3UL << 8)
#define AF       (1UL << 10)
#define NG       (1UL << 11)
#define PXN      (1UL << 53)
#define UXN      (1UL << 54)

#define MAIR_VAL 0x0000000000044ff00UL  /* 0: Device-nGnRnE, 1: WB, 2: NC */
#define NORMAL   (ATTR(1) | SH_IS | AF)

#define TVA(k)   (0x10000000UL + (uint64_t)(k) * GSIZE)
#define GAP_VA   0x0010000000000000UL
#define HVA      ((~0UL << IN1) + 3 * GSIZE)
#define ASID     0x2aUL

#define NTABLES 10
static uint64_t pool[NTABLES][GSIZE / 8] __attribute__((aligned(GSIZE)));
static int pool_used;
static uint8_t pages[6][GSIZE] __attribute__((aligned(GSIZE)));
static uint64_t *root0, *root1;

static uint64_t *table_alloc(void)
{
    return pool[pool_used++];
}

/* The descriptor slot for va at level leaf, making tables on the way. */
static uint64_t *slot(uint64_t *root, int in, uint64_t va, int leaf)
{
    uint64_t *t = root;
    int lvl;

    for (lvl = START_LEVEL(in); ; lvl++) {
        int shift = GSHIFT + STRIDE * (3 - lvl);
        int width = in - shift < STRIDE ? in - shift : STRIDE;
        uint64_t idx = (va >> shift) & ((1UL << width) - 1);

        if (lvl == leaf) {
            return &t[idx];
        }
        if (!(t[idx] & D_VALID)) {
            t[idx] = (uint64_t)table_alloc() | D_TABLE;
        }
        t = (uint64_t *)(t[idx] & 0x0000fffffffff000UL & ~(GSIZE - 1));
    }
}

static void map_page(uint64_t va, uint64_t pa, uint64_t attrs)
{
    uint64_t *root = (va >> 55) ? root1 : root0;
    int in = (va >> 55) ? IN1 : IN0;

    *slot(root, in, va, 3) = pa | D_PAGE | attrs;
}

static void dsb_isb(void)
{
    __asm__ volatile("dsb ish\n\tisb" : : : "memory");
}

static uint64_t at(int op, uint64_t va)
{
    switch (op) {
    case 0: __asm__ volatile("at s1e1r, %0" : : "r"(va)); break;
    case 1: __asm__ volatile("at s1e1w, %0" : : "r"(va)); break;
    case 2: __asm__ volatile("at s1e0r, %0" : : "r"(va)); break;
    default: __asm__ volatile("at s1e0w, %0" : : "r"(va)); break;
    }
    ISB();
    return READ_SYSREG(par_el1);
}

static void print_at(const char *what, int op, uint64_t va)
{
    static const char *const names[] = { "s1e1r", "s1e1w", "s1e0r",
                                         "s1e0w" };

    kprintf("  at %s %s: par=%016lx\n", names[op], what, at(op, va));
}

/* Faults print their syndrome and are skipped (data) or return to the
 * caller (instruction aborts from a BLR). */
static void on_fault(struct exc_regs *r, unsigned vector)
{
    unsigned ec = ESR_EC(r->esr);

    kprintf("  exception: vector=0x%x esr=0x%lx far=0x%lx\n", vector,
            r->esr, r->far);
    if (ec == EC_INSN_ABORT || ec == EC_INSN_ABORT_LOW) {
        r->elr = r->x[30];
    } else {
        r->elr += 4;
    }
}

static uint64_t load(uint64_t va)
{
    uint64_t v = 0xdead;

    __asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(va) : "memory");
    return v;
}

static void store(uint64_t va, uint64_t v)
{
    __asm__ volatile("str %0, [%1]" : : "r"(v), "r"(va) : "memory");
}

static void tlbi_all(void)
{
    __asm__ volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb"
                     : : : "memory");
}

static void put_ret(uint8_t *p)
{
    *(volatile uint32_t *)p = 0xd65f03c0;       /* ret */
    __asm__ volatile("dsb ish\n\tic iallu\n\tdsb ish\n\tisb" : : : "memory");
}

static void call(uint64_t va)
{
    ((void (*)(void))va)();
}

/* Runs at EL0 with SP_EL0 at the end of the EL0 page (TVA 2). */
static void el0_entry(void)
{
    store(TVA(2) + 8, load(TVA(7)));        /* EL0 read-only page: fine */
    store(TVA(2) + 16, load(TVA(0)));       /* EL1-only: permission fault */
    store(TVA(7), 1);                       /* read-only: permission fault */
    store(TVA(2) + 24, 0xe10);
    __asm__ volatile("svc #0xff");
}

static void setup_tables(void)
{
    uint64_t blk = 1UL << (GSHIFT + STRIDE), va;
    int k;

    root0 = table_alloc();
    root1 = table_alloc();
    for (va = 0x40000000; va < 0x40400000; va += blk) {
        *slot(root0, IN0, va, 2) = va | D_BLOCK | NORMAL;
    }
    map_page(0x09000000, 0x09000000, ATTR(0) | AF | PXN | UXN);
    for (k = 0; k < 6; k++) {
        *(uint64_t *)pages[k] = 0x1111111111111111UL * (k + 1);
    }
    map_page(TVA(0), (uint64_t)pages[0], NORMAL | UXN);
    map_page(TVA(1), (uint64_t)pages[1], NORMAL | AP_RO | UXN);
    map_page(TVA(2), (uint64_t)pages[2], NORMAL | AP_EL0 | UXN);
    map_page(TVA(3), (uint64_t)pages[3], (NORMAL & ~AF) | UXN);
    map_page(TVA(5), (uint64_t)pages[4], NORMAL | PXN | UXN | NG);
    map_page(TVA(6), 1UL << 44, NORMAL);
    map_page(TVA(7), (uint64_t)pages[5], ATTR(2) | AF | AP_EL0 | AP_RO | UXN);
    map_page(HVA, (uint64_t)pages[0], NORMAL | UXN);
}

static uint64_t tcr_value(int tbi0, int epd1)
{
    return (uint64_t)T0SZ | (uint64_t)TG0 << 14 | (uint64_t)epd1 << 23 |
           (uint64_t)T1SZ << 16 | (uint64_t)TG1 << 30 |
           4UL << 32 |                          /* IPS: 44 bits */
           (uint64_t)tbi0 << 37 | 3UL << 12 | 1UL << 8 | 1UL << 10 |
           3UL << 28 | 1UL << 24 | 1UL << 26;   /* SH, ORGN, IRGN: WB IS */
}

static void mmu_on(void)
{
    WRITE_SYSREG(mair_el1, MAIR_VAL);
    WRITE_SYSREG(tcr_el1, tcr_value(1, 0));
    WRITE_SYSREG(ttbr0_el1, (uint64_t)root0 | ASID << 48);
    WRITE_SYSREG(ttbr1_el1, (uint64_t)root1);
    dsb_isb();
    WRITE_SYSREG(sctlr_el1, READ_SYSREG(sctlr_el1) | 1);
    ISB();
}

static void test_at(void)
{
    kprintf("AT:\n");
    print_at("ram", 0, 0x40080000);
    print_at("uart", 1, 0x09000000);
    print_at("rw", 1, TVA(0) + 0x18);
    print_at("rw el0", 2, TVA(0));
    print_at("ro", 0, TVA(1));
    print_at("ro", 1, TVA(1));
    print_at("el0", 3, TVA(2));
    print_at("no af", 0, TVA(3));
    print_at("unmapped", 0, TVA(4));
    print_at("big oa", 0, TVA(6));
    print_at("el0 ro", 2, TVA(7));
    print_at("el0 ro", 3, TVA(7));
    print_at("high", 0, HVA + 0x40);
    print_at("gap", 0, GAP_VA);
    print_at("level 2 hole", 0, 0x30000000);
    print_at("level 1 hole", 0, 0xc0000000);
}

static void test_faults(void)
{
    kprintf("data faults:\n");
    load(TVA(4));
    store(TVA(1), 5);
    load(TVA(3));
    load(TVA(6));
    load(GAP_VA + 8);
    load(0x30000010);
    kprintf("instruction faults:\n");
    put_ret(pages[4]);
    call(TVA(5));
    put_ret(pages[2] + 0x100);
    call(TVA(2) + 0x100);
    map_page(TVA(5), (uint64_t)pages[4], NORMAL | UXN);
    __asm__ volatile("dsb ishst\n\ttlbi vae1, %0\n\tdsb ish\n\tisb"
                     : : "r"(TVA(5) >> 12 | ASID << 48) : "memory");
    call(TVA(5));
    kprintf("  exec after remap: ok\n");
}

static void test_high_and_tbi(void)
{
    kprintf("TTBR1 and TBI:\n");
    store(HVA + 8, 0x4848);
    kprintf("  high va -> ram: %lx\n", *(volatile uint64_t *)(pages[0] + 8));
    kprintf("  tagged load: %lx\n", load(TVA(0) | 0x5aUL << 56));
    WRITE_SYSREG(tcr_el1, tcr_value(0, 0));
    ISB();
    load(TVA(0) | 0x5aUL << 56);
    WRITE_SYSREG(tcr_el1, tcr_value(0, 1));
    ISB();
    load(HVA);
    print_at("high epd1", 0, HVA);
    WRITE_SYSREG(tcr_el1, tcr_value(1, 0));
    ISB();
    kprintf("  tagged store then load: ");
    store(TVA(0) | 0xa5UL << 56, 0x7a9);
    kprintf("%lx\n", load(TVA(0)));
}

static void test_tlbi(void)
{
    uint64_t *s = slot(root0, IN0, TVA(0), 3);

    kprintf("TLBI:\n");
    kprintf("  before: %lx\n", load(TVA(0)));
    *s = (uint64_t)pages[1] | D_PAGE | NORMAL;
    __asm__ volatile("dsb ishst\n\ttlbi vae1is, %0\n\tdsb ish\n\tisb"
                     : : "r"(TVA(0) >> 12 | ASID << 48) : "memory");
    kprintf("  vae1is: %lx\n", load(TVA(0)));
    *s = (uint64_t)pages[2] | D_PAGE | NORMAL;
    __asm__ volatile("dsb ishst\n\ttlbi vaae1, %0\n\tdsb ish\n\tisb"
                     : : "r"(TVA(0) >> 12) : "memory");
    kprintf("  vaae1: %lx\n", load(TVA(0)));
    *s = (uint64_t)pages[3] | D_PAGE | NORMAL;
    __asm__ volatile("dsb ishst\n\ttlbi vale1is, %0\n\tdsb ish\n\tisb"
                     : : "r"(TVA(0) >> 12 | ASID << 48) : "memory");
    kprintf("  vale1is: %lx\n", load(TVA(0)));
    *s = (uint64_t)pages[5] | D_PAGE | NORMAL;
    __asm__ volatile("dsb ishst\n\ttlbi vaale1, %0\n\tdsb ish\n\tisb"
                     : : "r"(TVA(0) >> 12) : "memory");
    kprintf("  vaale1: %lx\n", load(TVA(0)));
    *s = (uint64_t)pages[1] | D_PAGE | NORMAL;
    __asm__ volatile("dsb ishst\n\ttlbi aside1is, %0\n\tdsb ish\n\tisb"
                     : : "r"(ASID << 48) : "memory");
    kprintf("  aside1is: %lx\n", load(TVA(0)));
    *s = (uint64_t)pages[0] | D_PAGE | NORMAL | UXN;
    tlbi_all();
    kprintf("  vmalle1is: %lx\n", load(TVA(0)));
    WRITE_SYSREG(ttbr0_el1, (uint64_t)root0 | (ASID + 1) << 48);
    ISB();
    kprintf("  new asid: %lx\n", load(TVA(0)));
}

static void test_el0(void)
{
    kprintf("EL0:\n");
    run_at_el0(el0_entry, (void *)(TVA(2) + GSIZE));
    kprintf("  el0 wrote: %lx %lx %lx\n", *(uint64_t *)(pages[2] + 8),
            *(uint64_t *)(pages[2] + 24), *(uint64_t *)pages[5]);
}

static void test_walk_abort(void)
{
    kprintf("walk abort:\n");
    WRITE_SYSREG(ttbr1_el1, 0x10000000000UL);
    ISB();
    tlbi_all();
    load(HVA);
    at(0, HVA);
    WRITE_SYSREG(ttbr1_el1, (uint64_t)root1);
    ISB();
    kprintf("  high va again: %lx\n", load(HVA + 8));
}

int main(void)
{
    uint64_t mmfr0 = READ_SYSREG(id_aa64mmfr0_el1);

    kprintf("%s: %luK granule\n", NAME, GSIZE / 1024);
    if (!GRANULE_SUPPORTED(mmfr0)) {
        kprintf("granule not implemented by this CPU\n");
        return 0;
    }
    print_at("mmu off", 0, 0x40081234);
    setup_tables();
    set_exc_handler(on_fault);
    mmu_on();
    kprintf("MMU on: sctlr=%lx tables=%d\n", READ_SYSREG(sctlr_el1),
            pool_used);
    test_at();
    test_faults();
    test_high_and_tbi();
    test_tlbi();
    test_el0();
    test_walk_abort();
    kprintf("done\n");
    return 0;
}
