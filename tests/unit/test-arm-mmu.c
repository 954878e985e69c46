/*
 * The AArch64 MMU (target/arm/mmu.c, mmu-walk.c): page tables built in
 * guest RAM for each granule, arm_cpu_tlb_fill's results (PA, rights per
 * EL) and faults (fault status code and level, FAR, WnR), TBI, TTBR
 * selection, TLBI (by VA, in blocks, with tags, on every vCPU), the ASID
 * flush, AT/PAR_EL1 and the translation registers; and a hostile-guest
 * round of random tables and TCR values that must never crash.
 *
 * Expected values follow the ARM ARM (D5); the PAR_EL1 formats and the
 * SCTLR_EL1 reset value are those Debian's QEMU 7.2 shows for the same
 * operations (tests/tcg/aarch64/programs/mmu-*.expected record them).
 * Instruction words were assembled with aarch64-linux-gnu-as.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/translate.h"
#include "../../target/arm/sysreg.h"
#include "../../target/arm/internals.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (16 * MiB)
#define CODE_BASE 0x40080000ULL
#define TBL_BASE 0x40400000ULL          /* tables: 4 MiB from here */
#define TBL_END 0x40800000ULL
#define DATA_PA 0x40800000ULL           /* 2 MiB aligned data */

#define D_TABLE 3ULL
#define D_PAGE 3ULL
#define D_BLOCK 1ULL
#define AP_EL0 (1ULL << 6)
#define AP_RO (2ULL << 6)
#define SH_IS (3ULL << 8)
#define AF (1ULL << 10)
#define PXN (1ULL << 53)
#define UXN (1ULL << 54)
#define PXN_TABLE (1ULL << 59)
#define UXN_TABLE (1ULL << 60)
#define APT_NO_EL0 (1ULL << 61)
#define APT_RO (1ULL << 62)
#define NORMAL (1ULL << 2 | SH_IS | AF)     /* MAIR index 1 */
#define RWX (PAGE_READ | PAGE_WRITE | PAGE_EXEC)

#define INSN_LDR_X1_X0     0xf9400001
#define INSN_TLBI_VAE1_X2  0xd5088722
#define INSN_TLBI_VAE1IS_X2 0xd5088322
#define INSN_TLBI_VMALLE1  0xd508871f
#define INSN_TLBI_ASIDE1_X2 0xd5088742
#define INSN_MSR_TTBR0_X3  0xd5182003
#define INSN_AT_S1E1R_X0   0xd5087800
#define INSN_AT_S1E0W_X0   0xd5087860
#define INSN_MRS_X4_PAR    0xd5387404
#define INSN_MRS_X5_PAR    0xd5387405
#define INSN_MRS_X0_SCTLR  0xd5381000
#define INSN_BRK0          0xd4200000

static MemoryRegion ram;
static CPUState *cs;
static unsigned gshift;
static uint64_t tbl_next, root0, root1;
static int t0sz, t1sz;

/* ---- Guest memory and tables ---------------------------------------- */

static uint8_t *ram_ptr(uint64_t pa)
{
    g_assert(pa >= RAM_BASE && pa < RAM_BASE + RAM_SIZE);
    return (uint8_t *)memory_region_get_ram_ptr(&ram) + (pa - RAM_BASE);
}

static void wr64(uint64_t pa, uint64_t v)
{
    uint64_t le = GUINT64_TO_LE(v);

    memcpy(ram_ptr(pa), &le, 8);
}

static uint64_t rd64(uint64_t pa)
{
    uint64_t v;

    memcpy(&v, ram_ptr(pa), 8);
    return GUINT64_FROM_LE(v);
}

static CPUARMState *env(void)
{
    return cpu_env(cs);
}

static uint64_t tbl_alloc(void)
{
    uint64_t t = tbl_next;

    tbl_next += 1ULL << gshift;
    g_assert(tbl_next <= TBL_END);
    memset(ram_ptr(t), 0, 1ULL << gshift);
    return t;
}

static int start_level(int inputsize)
{
    int stride = gshift - 3;

    return 4 - (inputsize - (int)gshift + stride - 1) / stride;
}

/* PA of the descriptor for va at level leaf; tables made on the way with
 * the given table attributes. */
static uint64_t slot_tattr(uint64_t va, int leaf, uint64_t tattr)
{
    bool hi = (va >> 55) & 1;
    int in = 64 - (hi ? t1sz : t0sz), stride = gshift - 3, lvl;
    uint64_t t = hi ? root1 : root0;

    for (lvl = start_level(in); ; lvl++) {
        int shift = gshift + stride * (3 - lvl);
        int width = MIN(stride, in - shift);
        uint64_t d = t + ((va >> shift) & ((1ULL << width) - 1)) * 8;

        if (lvl == leaf) {
            return d;
        }
        if (!(rd64(d) & 1)) {
            wr64(d, tbl_alloc() | D_TABLE | tattr);
        }
        t = rd64(d) & 0x0000fffffffff000ULL & ~((1ULL << gshift) - 1);
    }
}

static uint64_t slot(uint64_t va, int leaf)
{
    return slot_tattr(va, leaf, 0);
}

static void map(uint64_t va, int leaf, uint64_t pa, uint64_t attrs)
{
    wr64(slot(va, leaf), pa | (leaf == 3 ? D_PAGE : D_BLOCK) | attrs);
}

/* Fresh CPU with the MMU on: granule g, TTBR0 region 2^(64-t0), TTBR1
 * 2^(64-t1), IPS 44 bits, the TGx encodings per half. */
static void mmu_setup(unsigned g, int t0, int t1, uint64_t extra_tcr)
{
    static const struct { unsigned g; uint64_t tg0, tg1; } tg[] = {
        { 12, 0, 2 }, { 14, 2, 1 }, { 16, 1, 3 },
    };
    uint64_t tcr = 4ULL << 32 | extra_tcr;
    size_t i;

    cpu_reset(cs);
    tb_flush();
    gshift = g;
    t0sz = t0;
    t1sz = t1;
    tbl_next = TBL_BASE;
    root0 = tbl_alloc();
    root1 = tbl_alloc();
    for (i = 0; i < ARRAY_SIZE(tg); i++) {
        if (tg[i].g == g) {
            tcr |= tg[i].tg0 << 14 | tg[i].tg1 << 30;
        }
    }
    env()->tcr_el1 = tcr | (uint64_t)t0 | (uint64_t)t1 << 16;
    env()->ttbr0_el1 = root0;
    env()->ttbr1_el1 = root1;
    env()->mair_el1 = 0x44ff00;
    env()->sctlr_el1 |= 1;
    tlb_flush(cs);
}

/* ---- Checking fills -------------------------------------------------- */

static void expect_ok(uint64_t va, MMUAccessType acc, int idx,
                      uint64_t want_pa, int want_prot)
{
    hwaddr pa = 0;
    int prot = 0;

    cs->exception_index = -1;
    if (!arm_cpu_tlb_fill(cs, va, acc, idx, &pa, &prot)) {
        g_test_message("va 0x%" PRIx64 " faulted, ESR 0x%x", va,
                       env()->exception.syndrome);
        g_assert_not_reached();
    }
    g_assert_cmphex(pa, ==, want_pa);
    if (want_prot >= 0) {
        g_assert_cmpint(prot, ==, want_prot);
    }
    g_assert_cmpint(cs->exception_index, ==, -1);
}

static void expect_fault(uint64_t va, MMUAccessType acc, int idx,
                         uint32_t fsc)
{
    hwaddr pa;
    int prot;
    uint32_t syn;

    g_assert_false(arm_cpu_tlb_fill(cs, va, acc, idx, &pa, &prot));
    syn = env()->exception.syndrome;
    g_assert_cmphex(syn & 0x3f, ==, fsc);
    g_assert_cmphex(env()->exception.vaddress, ==, va);
    g_assert_cmpint(!!(syn & (1u << 6)), ==, acc == MMU_DATA_STORE);
    g_assert_false(syn & (1u << 7));            /* no stage 2: S1PTW 0 */
    if (acc == MMU_INST_FETCH) {
        g_assert_cmpint(cs->exception_index, ==, EXCP_PREFETCH_ABORT);
        g_assert_cmphex(syn >> 26, ==, EC_INSNABORT);
    } else {
        g_assert_cmpint(cs->exception_index, ==, EXCP_DATA_ABORT);
        g_assert_cmphex(syn >> 26, ==, EC_DATAABORT);
    }
}

/* ---- MMU off --------------------------------------------------------- */

static void test_mmu_off(void)
{
    cpu_reset(cs);
    g_assert_cmphex(env()->sctlr_el1, ==, 0x00c50838);
    expect_ok(0x40081234, MMU_DATA_LOAD, 1, 0x40081234, RWX);
    expect_ok(0x09000000, MMU_INST_FETCH, 0, 0x09000000, RWX);
    expect_ok(0xfffffffffffULL, MMU_DATA_STORE, 1, 0xfffffffffffULL, RWX);
    /* Beyond the A57's 44-bit PA: address size fault, level 0. */
    expect_fault(1ULL << 44, MMU_DATA_LOAD, 1, ARM_FSC_ADDRSIZE(0));
    expect_fault(0x5a00000040000000ULL, MMU_DATA_STORE, 0,
                 ARM_FSC_ADDRSIZE(0));
    /* TBI0 lets the tag through. */
    env()->tcr_el1 = 1ULL << 37;
    expect_ok(0x5a00000040000000ULL, MMU_DATA_LOAD, 1, 0x40000000, RWX);
}

/* ---- Granules: pages and blocks at every level, faults per level ----- */

typedef struct GranuleCase {
    unsigned g;
    int t0, t1;
    int start0;         /* expected start level of the TTBR0 walk */
    int block_levels;   /* bit n: level n blocks allowed */
} GranuleCase;

static const GranuleCase granules[] = {
    { 12, 25, 16, 1, 0x6 },     /* 4K: 39-bit from level 1; blocks L1, L2 */
    { 12, 16, 39, 0, 0x6 },     /* 4K: 48-bit from level 0 */
    { 14, 16, 28, 0, 0x4 },     /* 16K: 48-bit from level 0 (2 entries) */
    { 14, 28, 17, 2, 0x4 },     /* 16K: 36-bit from level 2 */
    { 16, 22, 16, 2, 0x4 },     /* 64K: 42-bit from level 2 */
    { 16, 16, 25, 1, 0x4 },     /* 64K: 48-bit from level 1 */
};

static void run_granule(const GranuleCase *c)
{
    uint64_t gsize = 1ULL << c->g, va, pa;
    int lvl;

    mmu_setup(c->g, c->t0, c->t1, 0);
    g_assert_cmpint(start_level(64 - c->t0), ==, c->start0);

    /* A page at level 3, read at an offset. */
    va = 0x10000000;
    map(va, 3, DATA_PA, NORMAL);
    expect_ok(va + gsize - 8, MMU_DATA_LOAD, 1, DATA_PA + gsize - 8,
              PAGE_READ | PAGE_WRITE | PAGE_EXEC);
    /* The next page is not mapped: translation fault at level 3. */
    expect_fault(va + gsize, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(3));
    /* Level 3 descriptor with bit 1 clear is reserved. */
    wr64(slot(va + 2 * gsize, 3), DATA_PA | 1 | NORMAL);
    expect_fault(va + 2 * gsize, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(3));

    /* Blocks where allowed, translation faults where not. */
    for (lvl = c->start0; lvl < 3; lvl++) {
        unsigned bshift = c->g + (c->g - 3) * (3 - lvl);
        uint64_t bva, bpa;

        if (bshift >= (unsigned)(64 - c->t0)) {
            continue;
        }
        bva = 3ULL << bshift;                   /* its own top entry */
        if (bva >> (64 - c->t0)) {
            continue;
        }
        bpa = bshift <= 31 ? 1ULL << 31 : 0;    /* aligned, inside 44 bits */
        wr64(slot(bva, lvl), bpa | D_BLOCK | NORMAL);
        if (c->block_levels & (1 << lvl)) {
            pa = bpa + (1ULL << bshift) - 0x1000;
            expect_ok(bva + (1ULL << bshift) - 0x1000, MMU_DATA_STORE, 1,
                      pa, -1);
        } else {
            expect_fault(bva + 0x40, MMU_DATA_LOAD, 1,
                         ARM_FSC_TRANSLATION(lvl));
        }
    }

    /* An empty entry at the start level: translation fault there. */
    va = 1ULL << (63 - c->t0);              /* half-way up the region */
    expect_fault(va, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(c->start0));

    /* TTBR1: a page at the top of the high region. */
    va = ~0ULL - gsize + 1;
    map(va, 3, DATA_PA + gsize, NORMAL | AP_EL0);
    expect_ok(va + 0x10, MMU_DATA_LOAD, 0, DATA_PA + gsize + 0x10,
              PAGE_READ | PAGE_WRITE | PAGE_EXEC);
    expect_ok(va + 0x10, MMU_DATA_LOAD, 1, DATA_PA + gsize + 0x10,
              PAGE_READ | PAGE_WRITE);     /* EL0-writable: PXN implied */
    /* Just below the high region, and above the low one: the gap. */
    expect_fault((~0ULL << (64 - c->t1)) - 8, MMU_DATA_LOAD, 1,
                 ARM_FSC_TRANSLATION(0));
    expect_fault(1ULL << (64 - c->t0), MMU_DATA_LOAD, 1,
                 ARM_FSC_TRANSLATION(0));
}

static void test_granule_4k(void)
{
    run_granule(&granules[0]);
    run_granule(&granules[1]);
}

static void test_granule_16k(void)
{
    ARMCPU *cpu = ARM_CPU(cs);
    uint64_t saved = cpu->isar.id_aa64mmfr0;

    /* cortex-a57 has no 16K granule: asking for it gets 4K (the smallest
     * implemented), as on QEMU. */
    mmu_setup(12, 25, 25, 0);
    env()->tcr_el1 = (env()->tcr_el1 & ~(3ULL << 14)) | 2ULL << 14;
    map(0x10000000, 3, DATA_PA, NORMAL);
    expect_ok(0x10000008, MMU_DATA_LOAD, 1, DATA_PA + 8, -1);

    /* With TGran16 advertised (as max will), 16K works. */
    cpu->isar.id_aa64mmfr0 |= 1ULL << 20;
    run_granule(&granules[2]);
    run_granule(&granules[3]);
    cpu->isar.id_aa64mmfr0 = saved;
}

static void test_granule_64k(void)
{
    run_granule(&granules[4]);
    run_granule(&granules[5]);
}

/* ---- Permissions ----------------------------------------------------- */

typedef struct PermCase {
    uint64_t attrs;         /* AP, UXN, PXN of the page */
    uint64_t tattr;         /* table attributes on the way */
    bool wxn;
    int el1, el0;           /* expected rights */
} PermCase;

/* EL0 may execute what it cannot read (UXN alone decides); EL1 may not
 * execute what EL0 may write. */
static const PermCase perms[] = {
    { 0, 0, false, RWX, PAGE_EXEC },
    { AP_EL0, 0, false, PAGE_READ | PAGE_WRITE, RWX },
    { AP_RO, 0, false, PAGE_READ | PAGE_EXEC, PAGE_EXEC },
    { AP_RO | AP_EL0, 0, false, PAGE_READ | PAGE_EXEC, PAGE_READ | PAGE_EXEC },
    { UXN, 0, false, RWX, 0 },
    { PXN, 0, false, PAGE_READ | PAGE_WRITE, PAGE_EXEC },
    { AP_RO | AP_EL0 | UXN, 0, false, PAGE_READ | PAGE_EXEC, PAGE_READ },
    { AP_RO | AP_EL0 | PXN, 0, false, PAGE_READ, PAGE_READ | PAGE_EXEC },
    /* Table attributes restrict what is below (no EL0 access: EL1 may
     * execute again). */
    { AP_EL0, APT_NO_EL0, false, RWX, PAGE_EXEC },
    { AP_EL0, APT_RO, false, PAGE_READ | PAGE_EXEC, PAGE_READ | PAGE_EXEC },
    { 0, PXN_TABLE, false, PAGE_READ | PAGE_WRITE, PAGE_EXEC },
    { AP_RO | AP_EL0, UXN_TABLE, false, PAGE_READ | PAGE_EXEC, PAGE_READ },
    { AP_EL0 | UXN, PXN_TABLE | APT_RO, false, PAGE_READ, PAGE_READ },
    /* WXN: writable at an EL means not executable there. */
    { 0, 0, true, PAGE_READ | PAGE_WRITE, PAGE_EXEC },
    { AP_RO, 0, true, PAGE_READ | PAGE_EXEC, PAGE_EXEC },
    { AP_EL0, 0, true, PAGE_READ | PAGE_WRITE, PAGE_READ | PAGE_WRITE },
    { AP_RO | AP_EL0, 0, true, PAGE_READ | PAGE_EXEC, PAGE_READ | PAGE_EXEC },
};

static void check_rights(uint64_t va, uint64_t pa, int idx, int want)
{
    static const struct { MMUAccessType acc; int right; } acc[] = {
        { MMU_DATA_LOAD, PAGE_READ },
        { MMU_DATA_STORE, PAGE_WRITE },
        { MMU_INST_FETCH, PAGE_EXEC },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(acc); i++) {
        if (want & acc[i].right) {
            expect_ok(va, acc[i].acc, idx, pa, want);
        } else {
            expect_fault(va, acc[i].acc, idx, ARM_FSC_PERMISSION(3));
        }
    }
}

static void test_permissions(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(perms); i++) {
        uint64_t va = 0x10000000 + (i << 21);   /* own level 2 table each */
        uint64_t pa = DATA_PA + (i << 12);

        mmu_setup(12, 25, 25, 0);
        if (perms[i].wxn) {
            env()->sctlr_el1 |= 1ULL << 19;
        }
        wr64(slot_tattr(va, 3, perms[i].tattr), pa | D_PAGE | NORMAL |
             perms[i].attrs);
        g_test_message("permission case %zu", i);
        check_rights(va, pa, 1, perms[i].el1);
        check_rights(va, pa, 0, perms[i].el0);
    }
}

/* ---- Access flag, address size, walk aborts, TxSZ, EPD --------------- */

static void test_access_flag(void)
{
    mmu_setup(12, 25, 25, 0);
    map(0x10000000, 3, DATA_PA, NORMAL & ~AF);
    map(0x10200000, 2, DATA_PA, NORMAL & ~AF);
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_ACCESS(3));
    expect_fault(0x10000ff8, MMU_DATA_STORE, 0, ARM_FSC_ACCESS(3));
    expect_fault(0x10200000, MMU_INST_FETCH, 1, ARM_FSC_ACCESS(2));
    /* Not updated by hardware (no FEAT_HAFDBS): still clear. */
    g_assert_false(rd64(slot(0x10000000, 3)) & AF);
    /* The access flag is checked before permissions. */
    map(0x10001000, 3, DATA_PA, (NORMAL & ~AF) | AP_RO);
    expect_fault(0x10001000, MMU_DATA_STORE, 1, ARM_FSC_ACCESS(3));
}

static void test_address_size(void)
{
    /* IPS 32 bits: an OA or a table at 4 GiB is out of range. */
    mmu_setup(12, 25, 25, 0);
    env()->tcr_el1 &= ~(7ULL << 32);
    map(0x10000000, 3, 1ULL << 32, NORMAL);
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_ADDRSIZE(3));
    wr64(slot(0x20000000, 2), (1ULL << 32) | D_TABLE);
    expect_fault(0x20000000, MMU_DATA_LOAD, 1, ARM_FSC_ADDRSIZE(2));
    map(0x10001000, 3, DATA_PA, NORMAL);
    expect_ok(0x10001000, MMU_DATA_LOAD, 1, DATA_PA, -1);

    /* IPS above the CPU's PARange is limited to it (44 bits). */
    mmu_setup(12, 25, 25, 0);
    env()->tcr_el1 |= 7ULL << 32;
    map(0x10000000, 3, 1ULL << 44, NORMAL);
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_ADDRSIZE(3));
    map(0x10001000, 3, (1ULL << 44) - 0x1000, NORMAL);
    expect_ok(0x10001000, MMU_DATA_LOAD, 1, (1ULL << 44) - 0x1000, -1);

    /* A TTBR beyond the output size: level 0. */
    mmu_setup(12, 25, 25, 0);
    env()->ttbr0_el1 = 1ULL << 45;
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_ADDRSIZE(0));
}

static void test_walk_abort(void)
{
    hwaddr pa;

    /* Tables where nothing is mapped: external abort on the walk, with
     * the level of the descriptor read. */
    mmu_setup(12, 25, 25, 0);
    env()->ttbr0_el1 = 0x100000000ULL;
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, 0x14 | 1);
    mmu_setup(12, 25, 25, 0);
    wr64(slot(0x10000000, 2), 0x200000000ULL | D_TABLE);
    expect_fault(0x10000000, MMU_INST_FETCH, 0, 0x14 | 3);
    g_assert_false(arm_cpu_get_phys_page_debug(cs, 0x10000000, &pa));
}

static void test_tsz_epd(void)
{
    /* cortex-a57: TxSZ must be 16..39, else a level 0 fault. */
    mmu_setup(12, 40, 25, 0);
    map(0x10000000, 3, DATA_PA, NORMAL);
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(0));
    mmu_setup(12, 15, 25, 0);
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(0));
    /* EPD0 / EPD1: no walk for that half. */
    mmu_setup(12, 25, 25, 1ULL << 7);
    map(0x10000000, 3, DATA_PA, NORMAL);
    expect_fault(0x10000000, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(0));
    mmu_setup(12, 25, 25, 1ULL << 23);
    map(~0ULL << 39, 3, DATA_PA, NORMAL);
    map(0x10000000, 3, DATA_PA, NORMAL);
    expect_fault(~0ULL << 39, MMU_DATA_LOAD, 1, ARM_FSC_TRANSLATION(0));
    expect_ok(0x10000000, MMU_DATA_LOAD, 1, DATA_PA, -1);
}

static void test_tbi(void)
{
    uint64_t hi = ~0ULL << 39;

    mmu_setup(12, 25, 25, 0);
    map(0x10000000, 3, DATA_PA, NORMAL);
    map(hi, 3, DATA_PA + 0x1000, NORMAL);
    expect_fault(0x5a00000010000000ULL, MMU_DATA_LOAD, 1,
                 ARM_FSC_TRANSLATION(0));
    expect_fault(0x00ffff8000000000ULL, MMU_DATA_LOAD, 1,
                 ARM_FSC_TRANSLATION(0));
    env()->tcr_el1 |= 1ULL << 37;                       /* TBI0 */
    expect_ok(0x5a00000010000010ULL, MMU_DATA_LOAD, 1, DATA_PA + 0x10, -1);
    /* The tag of a high address still has to pass without TBI1. */
    expect_fault(0x00ffff8000000000ULL, MMU_DATA_LOAD, 1,
                 ARM_FSC_TRANSLATION(0));
    env()->tcr_el1 |= 1ULL << 38;                       /* TBI1 */
    expect_ok(0x00ffff8000000020ULL, MMU_DATA_LOAD, 1, DATA_PA + 0x1020, -1);
    /* Bit 55, not the tag, selects the half. */
    expect_ok(0xff00000010000000ULL, MMU_DATA_LOAD, 1, DATA_PA, -1);
}

static void test_phys_debug(void)
{
    hwaddr pa = 0;

    mmu_setup(12, 25, 25, 0);
    map(0x10000000, 3, DATA_PA, NORMAL | AP_RO | PXN | UXN);
    cs->exception_index = -1;
    g_assert_true(arm_cpu_get_phys_page_debug(cs, 0x10000123, &pa));
    g_assert_cmphex(pa, ==, DATA_PA + 0x123);
    g_assert_false(arm_cpu_get_phys_page_debug(cs, 0x10001000, &pa));
    g_assert_cmpint(cs->exception_index, ==, -1);       /* nothing raised */
}

/* ---- Programs: TLBI, ASID, AT ---------------------------------------- */

static void put_prog(uint64_t pa, const uint32_t *w, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        uint32_t le = GUINT32_TO_LE(w[i]);
        memcpy(ram_ptr(pa + 4 * i), &le, 4);
    }
}

/* Run from pc to a BRK #0 without resetting (the TLB keeps its state). */
static void run_at(uint64_t pc)
{
    int r;

    env()->pc = pc;
    do {
        r = tcg_lite_exec(cs, 1000);
    } while (r == EXCP_INTERRUPT);
    g_assert_cmpint(r, ==, EXCP_BKPT);
}

/* 4K tables with RAM's first 2 MiB identity mapped for the code. */
static void prog_setup(void)
{
    static const uint32_t load[] = { INSN_LDR_X1_X0, INSN_BRK0 };
    static const uint32_t tlbi_va[] = { INSN_TLBI_VAE1_X2, INSN_LDR_X1_X0,
                                        INSN_BRK0 };
    static const uint32_t tlbi_va_is[] = { INSN_TLBI_VAE1IS_X2,
                                           INSN_LDR_X1_X0, INSN_BRK0 };
    static const uint32_t tlbi_all[] = { INSN_TLBI_VMALLE1, INSN_LDR_X1_X0,
                                         INSN_BRK0 };
    static const uint32_t tlbi_asid[] = { INSN_TLBI_ASIDE1_X2,
                                          INSN_LDR_X1_X0, INSN_BRK0 };
    static const uint32_t ttbr[] = { INSN_MSR_TTBR0_X3, INSN_LDR_X1_X0,
                                     INSN_BRK0 };

    mmu_setup(12, 25, 25, 0);
    map(RAM_BASE, 2, RAM_BASE, NORMAL);
    put_prog(CODE_BASE, load, ARRAY_SIZE(load));
    put_prog(CODE_BASE + 0x100, tlbi_va, ARRAY_SIZE(tlbi_va));
    put_prog(CODE_BASE + 0x200, tlbi_all, ARRAY_SIZE(tlbi_all));
    put_prog(CODE_BASE + 0x300, tlbi_asid, ARRAY_SIZE(tlbi_asid));
    put_prog(CODE_BASE + 0x400, ttbr, ARRAY_SIZE(ttbr));
    put_prog(CODE_BASE + 0x500, tlbi_va_is, ARRAY_SIZE(tlbi_va_is));
    wr64(DATA_PA, 0x1111);
    wr64(DATA_PA + 0x1000, 0x2222);
    wr64(DATA_PA + 0x200000, 0x3333);
    wr64(DATA_PA + 0x201000, 0x4444);
}

static uint64_t load_via(uint64_t pc, uint64_t va)
{
    env()->xregs[0] = va;
    env()->xregs[1] = 0;
    env()->xregs[2] = (arm_wreg(1, va) >> 12) & 0xfffffffffffULL;
    run_at(pc);
    return env()->xregs[1];
}

static void test_tlbi(void)
{
    static const uint64_t forms[] = { 0x100, 0x200, 0x300, 0x500 };
    uint64_t va = 0x10000000;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(forms); i++) {
        prog_setup();
        map(va, 3, DATA_PA, NORMAL);
        g_assert_cmphex(load_via(CODE_BASE, va), ==, 0x1111);
        /* Changed behind the TLB's back: the cached entry still wins. */
        map(va, 3, DATA_PA + 0x1000, NORMAL);
        g_assert_cmphex(load_via(CODE_BASE, va), ==, 0x1111);
        /* Until a TLBI drops it. */
        g_assert_cmphex(load_via(CODE_BASE + forms[i], va), ==, 0x2222);
    }
}

/* LDTR at EL1 uses EL0's rights: an EL1-only page faults (permission,
 * level 3), one EL0 may read is read; a plain LDR reads both. */
static void test_ldtr_el0_rights(void)
{
    static const uint32_t ldtr[] = { 0xf8400801 /* ldtr x1, [x0] */,
                                     INSN_BRK0 };
    uint64_t va = 0x10000000, va0 = 0x10001000;
    int r;

    prog_setup();
    put_prog(CODE_BASE + 0x600, ldtr, ARRAY_SIZE(ldtr));
    map(va, 3, DATA_PA, NORMAL);                    /* EL1 only */
    map(va0, 3, DATA_PA + 0x1000, NORMAL | AP_EL0); /* EL0 too */
    g_assert_cmphex(load_via(CODE_BASE, va), ==, 0x1111);
    g_assert_cmphex(load_via(CODE_BASE + 0x600, va0), ==, 0x2222);

    env()->xregs[0] = va;
    env()->pc = CODE_BASE + 0x600;
    do {
        r = tcg_lite_exec(cs, 1000);
    } while (r == EXCP_INTERRUPT);
    g_assert_cmpint(r, ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->exception.syndrome & 0x3f, ==,
                    ARM_FSC_PERMISSION(3));
    g_assert_cmphex(env()->exception.vaddress, ==, va);
}

static void test_tlbi_block_and_tag(void)
{
    uint64_t va = 0x10200000;

    /* A 2 MiB block is cached 4 KiB at a time; a TLBI by any VA inside
     * it must drop every piece. */
    prog_setup();
    map(va, 2, DATA_PA, NORMAL);
    g_assert_cmphex(load_via(CODE_BASE, va), ==, 0x1111);
    g_assert_cmphex(load_via(CODE_BASE, va + 0x1000), ==, 0x2222);
    map(va, 2, DATA_PA + 0x200000, NORMAL);
    load_via(CODE_BASE + 0x100, va);                    /* TLBI VAE1 va */
    g_assert_cmphex(load_via(CODE_BASE, va + 0x1000), ==, 0x4444);

    /* A tagged VA is cached under its tag; TLBI by the plain VA drops it. */
    prog_setup();
    env()->tcr_el1 |= 1ULL << 37;
    map(0x10000000, 3, DATA_PA, NORMAL);
    g_assert_cmphex(load_via(CODE_BASE, 0x7700000010000000ULL), ==, 0x1111);
    map(0x10000000, 3, DATA_PA + 0x1000, NORMAL);
    env()->xregs[2] = 0x10000;
    env()->xregs[0] = 0x10000000;
    run_at(CODE_BASE + 0x100);
    g_assert_cmphex(load_via(CODE_BASE, 0x7700000010000000ULL), ==, 0x2222);
}

static void test_asid_flush(void)
{
    uint64_t va = 0x10000000;

    prog_setup();
    env()->ttbr0_el1 |= 1ULL << 48;
    map(va, 3, DATA_PA, NORMAL);
    g_assert_cmphex(load_via(CODE_BASE, va), ==, 0x1111);
    map(va, 3, DATA_PA + 0x1000, NORMAL);
    g_assert_cmphex(load_via(CODE_BASE, va), ==, 0x1111);
    /* A new ASID in TTBR0: nothing of the old one may be used. */
    env()->xregs[3] = root0 | 2ULL << 48;
    g_assert_cmphex(load_via(CODE_BASE + 0x400, va), ==, 0x2222);
    g_assert_cmphex(env()->ttbr0_el1, ==, root0 | 2ULL << 48);
}

static void test_tlbi_other_cpu(void)
{
    Object *obj = object_new(TYPE_ARM_CPU_CORTEX_A57);
    CPUState *cs2;
    CPUTLBEntry *e;

    g_assert(qdev_realize(DEVICE(obj), NULL, NULL));
    cs2 = CPU(obj);
    cpu_reset(cs2);
    g_assert_true(tl_load(cs2, RAM_BASE + 0x3000, 8, 1).ok);
    e = tl_tlb_entry(cs2, 1, RAM_BASE + 0x3000);
    g_assert_cmphex(e->addr_read & TL_PAGE_MASK, ==, RAM_BASE + 0x3000);

    prog_setup();
    load_via(CODE_BASE + 0x200, RAM_BASE);              /* TLBI VMALLE1 */
    g_assert_cmphex(e->addr_read, ==, TLB_INVALID_ADDR);
    g_assert_true(tl_load(cs2, RAM_BASE + 0x3000, 8, 1).ok);
    prog_setup();
    load_via(CODE_BASE + 0x500, RAM_BASE + 0x3000);     /* TLBI VAE1IS */
    g_assert_cmphex(e->addr_read, ==, TLB_INVALID_ADDR);
    qdev_unrealize(DEVICE(obj));
    object_unref(obj);
}

static void test_at(void)
{
    static const uint32_t at[] = { INSN_AT_S1E1R_X0, INSN_MRS_X4_PAR,
                                   INSN_AT_S1E0W_X0, INSN_MRS_X5_PAR,
                                   INSN_BRK0 };
    uint64_t va = 0x10000000;

    prog_setup();
    put_prog(CODE_BASE + 0x600, at, ARRAY_SIZE(at));
    map(va, 3, DATA_PA, NORMAL);
    map(va + 0x1000, 3, DATA_PA + 0x1000, 2ULL << 2 | AF | AP_EL0);
    env()->xregs[0] = va + 0x123;
    run_at(CODE_BASE + 0x600);
    /* WB (0xff) inner shareable, NS, bit 11; EL0 may not write. */
    g_assert_cmphex(env()->xregs[4], ==, 0xff00000000000b80ULL | DATA_PA);
    g_assert_cmphex(env()->xregs[5], ==, 0x81f);
    env()->xregs[0] = va + 0x1000;
    run_at(CODE_BASE + 0x600);
    g_assert_cmphex(env()->xregs[4], ==, 0x4400000000000a00ULL |
                    (DATA_PA + 0x1000));
    g_assert_cmphex(env()->xregs[5], ==, 0x4400000000000a00ULL |
                    (DATA_PA + 0x1000));
    env()->xregs[0] = va + 0x2000;                      /* unmapped */
    run_at(CODE_BASE + 0x600);
    g_assert_cmphex(env()->xregs[4], ==, 0x80f);
    /* MMU off: flat, Device-nGnRnE. */
    env()->sctlr_el1 &= ~1ULL;
    tlb_flush(cs);
    env()->xregs[0] = 0x40081234;
    run_at(CODE_BASE + 0x600);
    g_assert_cmphex(env()->xregs[4], ==, 0x40081a00);

    /* An external abort on the walk is taken: data abort, CM and WnR. */
    prog_setup();
    put_prog(CODE_BASE + 0x600, at, ARRAY_SIZE(at));
    wr64(slot(va, 2), 0x200000000ULL | D_TABLE);
    env()->xregs[0] = va;
    env()->pc = CODE_BASE + 0x600;
    g_assert_cmpint(tcg_lite_exec(cs, 100), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->exception.syndrome, ==, 0x92000157);
    g_assert_cmphex(env()->exception.vaddress, ==, va);
}

static void test_el0_undef(void)
{
    static const uint32_t words[] = { INSN_TLBI_VMALLE1, INSN_AT_S1E1R_X0,
                                      INSN_MRS_X0_SCTLR };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(words); i++) {
        uint32_t prog[2] = { words[i], INSN_BRK0 };

        cpu_reset(cs);
        tb_flush();
        put_prog(CODE_BASE, prog, 2);
        arm_pstate_write(env(), 0);                     /* EL0t */
        env()->pc = CODE_BASE;
        g_assert_cmpint(tcg_lite_exec(cs, 100), ==, EXCP_UDEF);
        g_assert_cmphex(env()->pc, ==, CODE_BASE);
    }
}

/* ---- Registers ------------------------------------------------------- */

static void test_sysregs(void)
{
    const ARMSysReg *sctlr = arm_sysreg_find(3, 0, 1, 0, 0);
    const ARMSysReg *ttbr0 = arm_sysreg_find(3, 0, 2, 0, 0);
    const ARMSysReg *amair = arm_sysreg_find(3, 0, 10, 3, 0);
    const ARMSysReg *par = arm_sysreg_find(3, 0, 7, 4, 0);
    CPUTLBEntry *e;

    g_assert(sctlr && ttbr0 && amair && par);
    g_assert(arm_sysreg_find(3, 0, 2, 0, 1) && arm_sysreg_find(3, 0, 2, 0, 2));
    g_assert(arm_sysreg_find(3, 0, 10, 2, 0));
    cpu_reset(cs);
    g_assert_cmphex(arm_sysreg_read(env(), sctlr), ==, 0x00c50838);
    /* As QEMU's cortex-a57: without MTE, bits 43:37 stay clear. */
    arm_sysreg_write(env(), sctlr, 0xfffffffffcfffff4ULL);
    g_assert_cmphex(arm_sysreg_read(env(), sctlr), ==, 0xfffff01ffcfffff4ULL);
    arm_sysreg_write(env(), amair, ~0ULL);
    g_assert_cmphex(arm_sysreg_read(env(), amair), ==, 0);
    arm_sysreg_write(env(), par, ~0ULL);
    g_assert_cmphex(arm_sysreg_read(env(), par), ==, ~0ULL);

    /* Writing a TTBR drops the TLB. */
    cpu_reset(cs);
    g_assert_true(tl_load(cs, RAM_BASE + 0x5000, 8, 1).ok);
    e = tl_tlb_entry(cs, 1, RAM_BASE + 0x5000);
    g_assert_cmphex(e->addr_read & TL_PAGE_MASK, ==, RAM_BASE + 0x5000);
    arm_sysreg_write(env(), ttbr0, 0x1234000);
    g_assert_cmphex(e->addr_read, ==, TLB_INVALID_ADDR);
    g_assert_cmphex(arm_sysreg_read(env(), ttbr0), ==, 0x1234000);
}

/* ---- Hostile guest ---------------------------------------------------- */

/* Random tables, TCR, TTBR and addresses: every fill ends in a PA inside
 * the PA size or a recorded fault; nothing else (ASan/UBSan watch). */
static void test_hostile(void)
{
    GRand *r = g_rand_new_with_seed(0x4d4d55);
    ARMCPU *cpu = ARM_CPU(cs);
    uint64_t saved = cpu->isar.id_aa64mmfr0;
    int i, j;

    cpu_reset(cs);
    for (i = 0; i < 3000; i++) {
        hwaddr pa;
        int prot;
        uint64_t va;

        if (i % 100 == 0) {
            /* Descriptors that mostly point back into the table area. */
            for (j = 0; j < 0x8000; j++) {
                uint64_t d = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
                if (g_rand_boolean(r)) {
                    d = (d & 0xfff0000000000fffULL) |
                        ((TBL_BASE + (d & 0x3ff000)) & 0xfffffffff000ULL);
                }
                wr64(TBL_BASE + 8 * j, d);
            }
            cpu->isar.id_aa64mmfr0 = saved | (g_rand_boolean(r) ? 1 << 20 : 0);
        }
        env()->tcr_el1 = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
        env()->ttbr0_el1 = g_rand_boolean(r) ?
            TBL_BASE + (g_rand_int(r) & 0x3ffff8) :
            (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
        env()->ttbr1_el1 = TBL_BASE + (g_rand_int(r) & 0x3ffff8);
        env()->sctlr_el1 = g_rand_int(r) | 1;
        env()->sctlr_el1 &= ~(1ULL << 25);
        va = (uint64_t)g_rand_int(r) << 32 | g_rand_int(r);
        if (g_rand_boolean(r)) {
            va = (va & 0x3fffffffffULL) |
                 (g_rand_boolean(r) ? 0xffffff8000000000ULL : 0);
        }
        cs->exception_index = -1;
        if (arm_cpu_tlb_fill(cs, va, g_rand_int_range(r, 0, 3),
                             g_rand_int_range(r, 0, 2), &pa, &prot)) {
            g_assert_cmphex(pa >> 44, ==, 0);
            g_assert_cmpint(prot & ~RWX, ==, 0);
        } else {
            g_assert(cs->exception_index == EXCP_DATA_ABORT ||
                     cs->exception_index == EXCP_PREFETCH_ABORT);
        }
    }
    cpu->isar.id_aa64mmfr0 = saved;
    g_rand_free(r);
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

    g_test_add_func("/arm-mmu/off", test_mmu_off);
    g_test_add_func("/arm-mmu/granule/4k", test_granule_4k);
    g_test_add_func("/arm-mmu/granule/16k", test_granule_16k);
    g_test_add_func("/arm-mmu/granule/64k", test_granule_64k);
    g_test_add_func("/arm-mmu/permissions", test_permissions);
    g_test_add_func("/arm-mmu/ldtr-el0-rights", test_ldtr_el0_rights);
    g_test_add_func("/arm-mmu/access-flag", test_access_flag);
    g_test_add_func("/arm-mmu/address-size", test_address_size);
    g_test_add_func("/arm-mmu/walk-abort", test_walk_abort);
    g_test_add_func("/arm-mmu/tsz-epd", test_tsz_epd);
    g_test_add_func("/arm-mmu/tbi", test_tbi);
    g_test_add_func("/arm-mmu/phys-debug", test_phys_debug);
    g_test_add_func("/arm-mmu/tlbi", test_tlbi);
    g_test_add_func("/arm-mmu/tlbi-block-tag", test_tlbi_block_and_tag);
    g_test_add_func("/arm-mmu/tlbi-other-cpu", test_tlbi_other_cpu);
    g_test_add_func("/arm-mmu/asid-flush", test_asid_flush);
    g_test_add_func("/arm-mmu/at", test_at);
    g_test_add_func("/arm-mmu/el0-undef", test_el0_undef);
    g_test_add_func("/arm-mmu/sysregs", test_sysregs);
    g_test_add_func("/arm-mmu/hostile", test_hostile);
    return g_test_run();
}
