/*
 * The softmmu TLB: fills, flushes and the slow paths of loads, stores and
 * code fetches. The fast paths are inline in include/exec/tcg-lite.h.
 *
 * Safety: an entry gets a host addend only when the whole guest page lies
 * inside one RAM flat range, so a fast-path access (which never crosses a
 * page) stays inside that RAM block. Anything else (I/O, partial pages,
 * ROM writes, pages holding translated code) is marked TLB_SLOW and goes
 * through the memory API, which bounds-checks by itself. Pages a target
 * watchpoint covers (TCGLiteOps.watch_page) are slow too: the slow path
 * asks check_watchpoint before each access, then goes to RAM directly.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "internal.h"

/* Low bits of CPUTLBEntry.paddr (the page is 4 KiB aligned). */
#define PADDR_ROM 1         /* RAM kind but read-only: never write directly */
#define PADDR_RAM 2         /* the whole page is inside one RAM range */
#define PADDR_WATCH 4       /* a watchpoint covers part of the page */

void tlb_flush(CPUState *cpu)
{
    memset(cpu->tlb.table, 0xff, sizeof(cpu->tlb.table));
    if (cpu->tcg) {
        /* The jump cache is keyed by virtual PC: stale with the map. */
        tl_jmp_cache_clear(cpu->tcg);
    }
}

void tlb_flush_page(CPUState *cpu, uint64_t vaddr)
{
    int m;

    for (m = 0; m < NB_MMU_MODES; m++) {
        CPUTLBEntry *e = tl_tlb_entry(cpu, m, vaddr);
        if ((e->addr_read & TL_PAGE_MASK) == (vaddr & TL_PAGE_MASK) ||
            (e->addr_write & TL_PAGE_MASK) == (vaddr & TL_PAGE_MASK) ||
            (e->addr_code & TL_PAGE_MASK) == (vaddr & TL_PAGE_MASK)) {
            memset(e, 0xff, sizeof(*e));
        }
    }
    if (cpu->tcg) {
        tl_jmp_cache_clear(cpu->tcg);
    }
}

void tlb_protect_code_page(hwaddr paddr)
{
    hwaddr page = paddr & TL_PAGE_MASK;
    guint i;
    int m, j;

    for (i = 0; tl_cpus && i < tl_cpus->len; i++) {
        CPUState *cpu = ((TCGLiteCPU *)g_ptr_array_index(tl_cpus, i))->cpu;
        for (m = 0; m < NB_MMU_MODES; m++) {
            for (j = 0; j < CPU_TLB_SIZE; j++) {
                CPUTLBEntry *e = &cpu->tlb.table[m][j];
                if ((e->paddr & TL_PAGE_MASK) == page &&
                    e->addr_write != TLB_INVALID_ADDR) {
                    e->addr_write |= TLB_SLOW;
                }
            }
        }
    }
}

static uint64_t tlb_comparator(uint64_t page_va, bool allowed, bool slow)
{
    if (!allowed) {
        return TLB_INVALID_ADDR;
    }
    return slow ? page_va | TLB_SLOW : page_va;
}

/* Translate and fill the entry for va; false if the target faulted. */
static bool tlb_fill_entry(CPUState *cpu, uint64_t va, MMUAccessType access,
                           int mmu_idx)
{
    const TCGLiteOps *ops = CPU_GET_CLASS(cpu)->tcg_ops;
    CPUTLBEntry *e = tl_tlb_entry(cpu, mmu_idx, va);
    uint64_t page_va = va & TL_PAGE_MASK;
    hwaddr pa = va, page_pa;
    int prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
    const FlatRange *fr;
    FlatView *fv;
    bool ram = false, rom = false, watch;

    if (ops->tlb_fill && !ops->tlb_fill(cpu, va, access, mmu_idx, &pa, &prot)) {
        return false;
    }
    page_pa = pa & TL_PAGE_MASK;
    e->addend = 0;
    fv = address_space_get_flatview(cpu->as);
    fr = flatview_lookup(fv, page_pa);
    if (fr && fr->mr->kind == MR_KIND_RAM && fr->mr->ram_ptr &&
        fr->addr <= page_pa &&
        page_pa + TL_PAGE_SIZE - 1 <= fr->addr + (fr->size - 1)) {
        uint8_t *host = (uint8_t *)fr->mr->ram_ptr + fr->offset_in_region +
                        (page_pa - fr->addr);
        e->addend = (uintptr_t)host - (uintptr_t)page_va;
        ram = true;
        rom = fr->readonly || fr->mr->readonly;
    }
    flatview_unref(fv);
    watch = ops->watch_page && ops->watch_page(cpu, page_va);
    e->paddr = page_pa | (rom ? PADDR_ROM : 0) | (ram ? PADDR_RAM : 0) |
               (watch ? PADDR_WATCH : 0);
    e->addr_read = tlb_comparator(page_va, prot & PAGE_READ, !ram || watch);
    e->addr_code = tlb_comparator(page_va, prot & PAGE_EXEC, !ram);
    e->addr_write = tlb_comparator(page_va, prot & PAGE_WRITE,
                                   !ram || rom || watch ||
                                   tb_page_has_code(page_pa));
    return true;
}

static bool tlb_hit(uint64_t cmp, uint64_t va)
{
    return (cmp & ~TLB_SLOW) == (va & TL_PAGE_MASK) &&
           cmp != TLB_INVALID_ADDR;
}

static void tl_memory_fault(CPUState *cpu, uint64_t va, MMUAccessType access)
{
    const TCGLiteOps *ops = CPU_GET_CLASS(cpu)->tcg_ops;

    if (ops->memory_fault) {
        ops->memory_fault(cpu, va, access);
    } else {
        cpu->exception_index = EXCP_DEBUG;
    }
}

/* A watched page: does the target's watchpoint fire for this access? */
static bool tl_watchpoint_hit(CPUState *cpu, uint64_t va, unsigned size,
                              MMUAccessType access, int mmu_idx)
{
    const TCGLiteOps *ops = CPU_GET_CLASS(cpu)->tcg_ops;

    return ops->check_watchpoint &&
           ops->check_watchpoint(cpu, va, size, access, mmu_idx);
}

/* The memory API with the BQL, taken unless this thread has it. */
static MemTxResult tl_io_access(CPUState *cpu, hwaddr pa, void *buf,
                                unsigned size, bool is_write)
{
    bool locked = bql_locked();
    MemTxResult r;

    if (!locked) {
        bql_lock();
    }
    r = address_space_rw(cpu->as, pa, buf, size, is_write);
    if (!locked) {
        bql_unlock();
    }
    return r;
}

TLLoad tl_load_slow(CPUState *cpu, uint64_t va, unsigned size, int mmu_idx)
{
    static const TLLoad fail = { 0, false };
    CPUTLBEntry *e;
    uint8_t buf[8];
    unsigned i;

    if (!tl_in_page(va, size)) {
        /* Crossing a page: byte by byte, each through its own page. A
         * watchpoint sees the whole load first (the target decides how
         * it is split: QEMU 7.2 checks the aligned halves). */
        uint64_t v = 0;

        if (tl_watchpoint_hit(cpu, va, size, MMU_DATA_LOAD, mmu_idx)) {
            return fail;
        }
        for (i = 0; i < size; i++) {
            TLLoad b = tl_load(cpu, va + i, 1, mmu_idx);
            if (!b.ok) {
                return fail;
            }
            v |= b.val << (8 * i);
        }
        return (TLLoad){ v, true };
    }
    e = tl_tlb_entry(cpu, mmu_idx, va);
    if (!tlb_hit(e->addr_read, va)) {
        if (!tlb_fill_entry(cpu, va, MMU_DATA_LOAD, mmu_idx)) {
            return fail;
        }
        if (!tlb_hit(e->addr_read, va)) {
            tl_memory_fault(cpu, va, MMU_DATA_LOAD);
            return fail;
        }
    }
    if ((e->paddr & PADDR_WATCH) &&
        tl_watchpoint_hit(cpu, va, size, MMU_DATA_LOAD, mmu_idx)) {
        return fail;
    }
    if (!(e->addr_read & TLB_SLOW) || (e->paddr & PADDR_RAM)) {
        return (TLLoad){
            tl_host_load((const void *)(e->addend + va), size), true
        };
    }
    if (tl_io_access(cpu, (e->paddr & TL_PAGE_MASK) | (va & ~TL_PAGE_MASK),
                     buf, size, false) != MEMTX_OK) {
        tl_memory_fault(cpu, va, MMU_DATA_LOAD);
        return fail;
    }
    return (TLLoad){ tl_host_load(buf, size), true };
}

bool tl_store_slow(CPUState *cpu, uint64_t va, unsigned size, int mmu_idx,
                   uint64_t val)
{
    CPUTLBEntry *e;
    uint8_t buf[8];
    hwaddr pa;
    unsigned i;

    if (!tl_in_page(va, size)) {
        /* As for loads: the watchpoints see the whole store, before any
         * byte of it is written. */
        if (tl_watchpoint_hit(cpu, va, size, MMU_DATA_STORE, mmu_idx)) {
            return false;
        }
        for (i = 0; i < size; i++) {
            if (!tl_store(cpu, va + i, 1, mmu_idx, val >> (8 * i))) {
                return false;
            }
        }
        return true;
    }
    e = tl_tlb_entry(cpu, mmu_idx, va);
    if (!tlb_hit(e->addr_write, va)) {
        if (!tlb_fill_entry(cpu, va, MMU_DATA_STORE, mmu_idx)) {
            return false;
        }
        if (!tlb_hit(e->addr_write, va)) {
            tl_memory_fault(cpu, va, MMU_DATA_STORE);
            return false;
        }
    }
    if ((e->paddr & PADDR_WATCH) &&
        tl_watchpoint_hit(cpu, va, size, MMU_DATA_STORE, mmu_idx)) {
        return false;
    }
    if (!(e->addr_write & TLB_SLOW)) {
        tl_host_store((void *)(e->addend + va), size, val);
        return true;
    }
    pa = (e->paddr & TL_PAGE_MASK) | (va & ~TL_PAGE_MASK);
    if ((e->paddr & (PADDR_RAM | PADDR_ROM)) == PADDR_RAM) {
        /* RAM (watched, or holding code): store, then drop the blocks
         * it overwrote. */
        tl_host_store((void *)(e->addend + va), size, val);
        if (tb_page_has_code(pa)) {
            tl_invalidate_for_store(pa, pa + size);
        }
        return true;
    }
    tl_host_store(buf, size, val);
    /* ROM writes are dropped by the memory API, as on the board. */
    if (tl_io_access(cpu, pa, buf, size, true) != MEMTX_OK) {
        tl_memory_fault(cpu, va, MMU_DATA_STORE);
        return false;
    }
    return true;
}

const uint8_t *tl_get_code(CPUState *cpu, uint64_t va, int mmu_idx,
                           hwaddr *paddr)
{
    CPUTLBEntry *e = tl_tlb_entry(cpu, mmu_idx, va);

    if (!tlb_hit(e->addr_code, va)) {
        if (!tlb_fill_entry(cpu, va, MMU_INST_FETCH, mmu_idx)) {
            return NULL;
        }
    }
    if (!tlb_hit(e->addr_code, va) || (e->addr_code & TLB_SLOW)) {
        /* Executing from I/O (or an unmapped address): a fetch abort. */
        tl_memory_fault(cpu, va, MMU_INST_FETCH);
        return NULL;
    }
    *paddr = (e->paddr & TL_PAGE_MASK) | (va & ~TL_PAGE_MASK);
    return (const uint8_t *)(e->addend + va);
}
