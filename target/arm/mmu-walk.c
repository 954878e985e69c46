/*
 * VMSAv8-64 stage 1 translation for the EL1&0 regime (ARM DDI 0487,
 * D5.2-D5.5): TTBR0/TTBR1 selection by VA bit 55, TCR_EL1 (TxSZ, TGx,
 * EPDx, TBIx, IPS), 4K, 16K and 64K granules with every block level a
 * granule allows in ARMv8.0, table attributes (APTable, UXNTable,
 * PXNTable), the access flag (no hardware update: AF = 0 faults) and
 * permissions (AP[2:1], UXN, PXN, WXN, no EL1 execution of EL0-writable
 * memory).
 *
 * Every value here comes from the guest (registers, descriptors): out of
 * range means a fault in the guest, never an assertion.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "mmu-internal.h"

/* Where each half's fields sit in TCR_EL1 (index: VA bit 55). */
static const struct {
    uint8_t tsz, epd, tg, tbi;
} tcr_half[2] = {
    { 0, 7, 14, 37 },       /* TTBR0: T0SZ, EPD0, TG0, TBI0 */
    { 16, 23, 30, 38 },     /* TTBR1: T1SZ, EPD1, TG1, TBI1 */
};

/* TG0 and TG1 encode the granule differently; 0 marks reserved values. */
static const uint8_t tg_bits[2][4] = {
    { 12, 16, 14, 0 },
    { 0, 14, 12, 16 },
};

/* ID_AA64MMFR0.PARange and TCR_EL1.IPS share one encoding. */
static const uint8_t pa_bits[8] = { 32, 36, 40, 42, 44, 48, 52, 52 };

/* Without FEAT_LPA, output addresses stop at 48 bits. */
#define ARM_MMU_OA_MAX 48

static uint64_t mmu_bits(uint64_t v, unsigned lo, unsigned hi)
{
    return (v >> lo) & (~0ULL >> (63 - (hi - lo)));
}

unsigned arm_mmu_pamax(ARMCPU *cpu)
{
    return MIN(pa_bits[mmu_bits(cpu->isar.id_aa64mmfr0, 0, 2)],
               ARM_MMU_OA_MAX);
}

static bool mmu_granule_supported(ARMCPU *cpu, unsigned gbits)
{
    uint64_t mmfr0 = cpu->isar.id_aa64mmfr0;

    switch (gbits) {
    case 12:
        return mmu_bits(mmfr0, 28, 31) != 0xf;      /* TGran4: 0xF absent */
    case 14:
        return mmu_bits(mmfr0, 20, 23) != 0;        /* TGran16: 0 absent */
    case 16:
        return mmu_bits(mmfr0, 24, 27) != 0xf;      /* TGran64: 0xF absent */
    default:
        return false;
    }
}

/* A reserved or unimplemented granule behaves as an implemented one (an
 * IMPLEMENTATION DEFINED choice): the smallest, as QEMU picks. */
static unsigned mmu_granule_bits(ARMCPU *cpu, int select, unsigned tg)
{
    static const uint8_t by_size[] = { 12, 14, 16 };
    unsigned gbits = tg_bits[select][tg & 3];
    size_t i;

    if (mmu_granule_supported(cpu, gbits)) {
        return gbits;
    }
    for (i = 0; i < ARRAY_SIZE(by_size); i++) {
        if (mmu_granule_supported(cpu, by_size[i])) {
            return by_size[i];
        }
    }
    return 12;
}

uint64_t arm_mmu_untag(const CPUARMState *env, uint64_t va)
{
    int select = (va >> 55) & 1;

    if (!((env->tcr_el1 >> tcr_half[select].tbi) & 1)) {
        return va;
    }
    return select ? va | 0xff00000000000000ULL : va & 0x00ffffffffffffffULL;
}

/* One descriptor from guest physical memory: RAM directly, anything else
 * through the memory API (a device that refuses, or nothing mapped, is an
 * external abort on the walk). */
static bool mmu_read_desc(CPUState *cs, hwaddr pa, bool big_endian,
                          uint64_t *desc)
{
    FlatView *fv = address_space_get_flatview(cs->as);
    const FlatRange *fr = flatview_lookup(fv, pa);
    uint64_t v = 0;
    bool done = false, ok = true;

    if (fr && fr->mr->kind == MR_KIND_RAM && fr->mr->ram_ptr &&
        pa >= fr->addr && fr->size >= 8 && pa - fr->addr <= fr->size - 8) {
        memcpy(&v, (uint8_t *)fr->mr->ram_ptr + fr->offset_in_region +
               (pa - fr->addr), 8);
        done = true;
    }
    flatview_unref(fv);
    if (!done) {
        bool locked = bql_locked();

        if (!locked) {
            bql_lock();
        }
        ok = address_space_read(cs->as, pa, &v, 8) == MEMTX_OK;
        if (!locked) {
            bql_unlock();
        }
    }
    *desc = big_endian ? GUINT64_FROM_BE(v) : GUINT64_FROM_LE(v);
    return ok;
}

static bool mmu_fault(ARMMMUFault *fault, uint32_t fsc, bool on_walk)
{
    fault->fsc = fsc;
    fault->on_walk = on_walk;
    return false;
}

/* MMU off: flat mapping, Device-nGnRnE data, every right; an address
 * beyond the PA size is an address size fault at level 0. */
static bool mmu_translate_off(CPUState *cs, uint64_t va, ARMMMUResult *res,
                              ARMMMUFault *fault)
{
    CPUARMState *env = cpu_env(cs);
    unsigned pamax = arm_mmu_pamax(env_archcpu(env));
    int select = (va >> 55) & 1;
    unsigned addrtop = (env->tcr_el1 >> tcr_half[select].tbi) & 1 ? 55 : 63;

    if (mmu_bits(va, pamax, addrtop) != 0) {
        return mmu_fault(fault, ARM_FSC_ADDRSIZE(0), false);
    }
    res->pa = mmu_bits(va, 0, pamax - 1);
    res->prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
    res->page_shift = 12;
    return true;
}

/* Block descriptors ARMv8.0 allows: 4K at levels 1 and 2, 16K and 64K at
 * level 2 only (their level 1 blocks need 52-bit addresses). */
static bool mmu_block_allowed(unsigned gbits, unsigned level)
{
    return level == 2 || (gbits == 12 && level == 1);
}

/* Rights at el from the final descriptor and the table attributes
 * collected on the way (tattr: bit 0 PXNTable, 1 UXNTable, 2-3 APTable). */
static int mmu_prot(const CPUARMState *env, uint64_t desc, unsigned tattr,
                    int el)
{
    unsigned ap = mmu_bits(desc, 6, 7);     /* bit 0: AP[1], bit 1: AP[2] */
    bool uxn = (desc >> 54 & 1) || (tattr & 2);
    bool pxn = (desc >> 53 & 1) || (tattr & 1);
    bool wxn = env->sctlr_el1 & SCTLR_WXN;
    bool xn;
    int rw;

    if (tattr & 4) {
        ap &= ~1u;                  /* APTable[0]: no access from EL0 */
    }
    if (tattr & 8) {
        ap |= 2;                    /* APTable[1]: read-only */
    }
    if (el == 0) {
        rw = (ap & 1) ? PAGE_READ | ((ap & 2) ? 0 : PAGE_WRITE) : 0;
        xn = uxn;
    } else {
        rw = PAGE_READ | ((ap & 2) ? 0 : PAGE_WRITE);
        /* EL1 never executes what EL0 may write. */
        xn = pxn || ap == 1;
    }
    if (xn || (wxn && (rw & PAGE_WRITE))) {
        return rw;
    }
    return rw | PAGE_EXEC;
}

static int mmu_access_right(MMUAccessType access)
{
    static const int right[] = {
        [MMU_DATA_LOAD] = PAGE_READ,
        [MMU_DATA_STORE] = PAGE_WRITE,
        [MMU_INST_FETCH] = PAGE_EXEC,
    };

    return right[access];
}

bool arm_mmu_translate(CPUState *cs, uint64_t va, MMUAccessType access,
                       int el, ARMMMUResult *res, ARMMMUFault *fault)
{
    CPUARMState *env = cpu_env(cs);
    ARMCPU *cpu = env_archcpu(env);
    uint64_t tcr = env->tcr_el1;
    int select = (va >> 55) & 1;
    bool tbi = (tcr >> tcr_half[select].tbi) & 1;
    bool be = env->sctlr_el1 & SCTLR_EE;
    unsigned addrtop = tbi ? 55 : 63;
    unsigned tsz, max_tsz, gbits, stride, inputsize, outputsize, level;
    unsigned shift, tattr = 0;
    uint64_t top, base, desc, oa;

    memset(res, 0, sizeof(*res));
    if (!(env->sctlr_el1 & SCTLR_M)) {
        return mmu_translate_off(cs, va, res, fault);
    }
    res->mmu_on = true;

    gbits = mmu_granule_bits(cpu, select, mmu_bits(tcr, tcr_half[select].tg,
                                                   tcr_half[select].tg + 1));
    stride = gbits - 3;
    /* FEAT_TTST (ID_AA64MMFR2.ST) allows smaller regions. */
    max_tsz = mmu_bits(cpu->isar.id_aa64mmfr2, 28, 31) ?
              48 - (gbits == 16) : 39;
    tsz = mmu_bits(tcr, tcr_half[select].tsz, tcr_half[select].tsz + 5);
    /* A TxSZ out of range may fault or be clamped (IMPLEMENTATION
     * DEFINED): like QEMU, fault. */
    if (tsz < 16 || tsz > max_tsz) {
        return mmu_fault(fault, ARM_FSC_TRANSLATION(0), false);
    }
    inputsize = 64 - tsz;
    /* The bits above the region must all equal the half's select bit. */
    top = mmu_bits(va, inputsize, addrtop);
    if (top != (select ? mmu_bits(~0ULL, inputsize, addrtop) : 0)) {
        return mmu_fault(fault, ARM_FSC_TRANSLATION(0), false);
    }
    if ((tcr >> tcr_half[select].epd) & 1) {
        return mmu_fault(fault, ARM_FSC_TRANSLATION(0), false);
    }
    outputsize = MIN(pa_bits[mmu_bits(tcr, 32, 34)], arm_mmu_pamax(cpu));

    level = 4 - (inputsize - gbits + stride - 1) / stride;
    shift = gbits + stride * (3 - level);
    /* BADDR is bits 47:1; the bits below the start table's size are RES0
     * and ignored here. */
    base = mmu_bits(select ? env->ttbr1_el1 : env->ttbr0_el1, 0, 47) &
           ~((8ULL << (inputsize - shift)) - 1);
    if (base >> outputsize) {
        return mmu_fault(fault, ARM_FSC_ADDRSIZE(0), false);
    }

    for (;;) {
        unsigned width = MIN(stride, inputsize - shift);
        hwaddr daddr = base | mmu_bits(va, shift, shift + width - 1) << 3;

        if (!mmu_read_desc(cs, daddr, be, &desc)) {
            return mmu_fault(fault, ARM_FSC_EXTABORT_WALK(level), true);
        }
        if (!(desc & 1)) {
            return mmu_fault(fault, ARM_FSC_TRANSLATION(level), false);
        }
        if (level == 3) {
            if (!(desc & 2)) {          /* level 3 "block": reserved */
                return mmu_fault(fault, ARM_FSC_TRANSLATION(3), false);
            }
            break;
        }
        if (!(desc & 2)) {
            if (!mmu_block_allowed(gbits, level)) {
                return mmu_fault(fault, ARM_FSC_TRANSLATION(level), false);
            }
            break;
        }
        /* Table descriptor: next table at bits 47:granule. */
        base = mmu_bits(desc, gbits, 47) << gbits;
        if (base >> outputsize) {
            return mmu_fault(fault, ARM_FSC_ADDRSIZE(level), false);
        }
        tattr |= desc >> 59;
        level++;
        shift -= stride;
    }

    oa = mmu_bits(desc, shift, 47) << shift;
    if (oa >> outputsize) {
        return mmu_fault(fault, ARM_FSC_ADDRSIZE(level), false);
    }
    if (!(desc & (1u << 10))) {
        return mmu_fault(fault, ARM_FSC_ACCESS(level), false);
    }
    res->prot = mmu_prot(env, desc, tattr, el);
    if (!(res->prot & mmu_access_right(access))) {
        return mmu_fault(fault, ARM_FSC_PERMISSION(level), false);
    }
    res->pa = oa | mmu_bits(va, 0, shift - 1);
    res->attrs = env->mair_el1 >> (8 * mmu_bits(desc, 2, 4));
    res->sh = mmu_bits(desc, 8, 9);
    res->page_shift = shift;
    return true;
}
