/*
 * Translation blocks: allocation, the cache, chaining, the per-page code
 * tracker and invalidation. Single owner: the thread running the vCPUs
 * (round-robin, see docs/devel/tcg-lite.md); other threads queue their
 * writes through tcg_lite_notify_write.
 *
 * Memory: blocks are bump-allocated from one arena. Invalidated blocks stay
 * there (nothing points at them any more) until the arena fills, then
 * everything is flushed at a block boundary, so an op array is never freed
 * while one of its ops runs.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "disas/disas.h"
#include "internal.h"

#define TB_ARENA_SIZE (32 * MiB)
#define TB_HASH_BITS 15
#define TB_HASH_SIZE (1 << TB_HASH_BITS)

typedef struct PageDesc {
    hwaddr page;              /* key: physical page address */
    TranslationBlock *first;  /* blocks on this page, via page_next */
} PageDesc;

static uint8_t *tb_arena;
static size_t tb_arena_used;
static TranslationBlock *tb_hash[TB_HASH_SIZE];
static GHashTable *tb_pages;  /* &PageDesc.page -> PageDesc */
static bool tb_flush_deferred;   /* under tl_queue_lock */

GPtrArray *tl_cpus;
unsigned tb_flush_count;
__thread bool tl_on_exec_thread;
int tl_pending_work;

/* Writes from other threads, applied by the exec thread. */
static GMutex tl_queue_lock;
static GArray *tl_write_queue;  /* hwaddr pairs [start, end) */

static unsigned tb_hash_func(hwaddr phys_pc, uint64_t pc, uint32_t flags)
{
    uint64_t h = phys_pc * 0x9e3779b97f4a7c15ULL ^ pc ^ (uint64_t)flags << 32;

    return (h ^ h >> 29) & (TB_HASH_SIZE - 1);
}

static PageDesc *page_find(hwaddr addr)
{
    hwaddr page = addr & TL_PAGE_MASK;

    return tb_pages ? g_hash_table_lookup(tb_pages, &page) : NULL;
}

bool tb_page_has_code(hwaddr addr)
{
    return page_find(addr) != NULL;
}

void tl_jmp_cache_clear(TCGLiteCPU *tc)
{
    memset(tc->jmp_cache, 0, sizeof(tc->jmp_cache));
}

/* ---- Chaining ------------------------------------------------------- */

void tb_try_link(TranslationBlock *src, int slot, TranslationBlock *dst)
{
    /* Only within one virtual page: a page's mapping may change, and a
     * chain across pages would outlive it (lookups re-check, chains
     * do not). */
    if (src->invalid || dst->invalid || src->jmp_dest[slot] ||
        src->jmp_pc[slot] != dst->pc || src->flags != dst->flags ||
        (src->pc & TL_PAGE_MASK) != (dst->pc & TL_PAGE_MASK)) {
        return;
    }
    src->jmp_dest[slot] = dst;
    src->jmp_list_next[slot] = dst->jmp_list_head;
    dst->jmp_list_head = (uintptr_t)src | slot;
}

/* Remove (src, slot) from dst's incoming list. */
static void tb_unlink_outgoing(TranslationBlock *src, int slot)
{
    TranslationBlock *dst = src->jmp_dest[slot];
    uintptr_t *link, want = (uintptr_t)src | slot;

    if (!dst) {
        return;
    }
    for (link = &dst->jmp_list_head; *link;) {
        TranslationBlock *t = (TranslationBlock *)(*link & ~(uintptr_t)1);
        int n = *link & 1;
        if (*link == want) {
            *link = t->jmp_list_next[n];
            break;
        }
        link = &t->jmp_list_next[n];
    }
    src->jmp_dest[slot] = NULL;
}

static void tb_unlink_incoming(TranslationBlock *dst)
{
    uintptr_t e = dst->jmp_list_head;

    while (e) {
        TranslationBlock *src = (TranslationBlock *)(e & ~(uintptr_t)1);
        int n = e & 1;
        e = src->jmp_list_next[n];
        src->jmp_dest[n] = NULL;
    }
    dst->jmp_list_head = 0;
}

/* ---- Invalidation --------------------------------------------------- */

static void tb_hash_remove(TranslationBlock *tb)
{
    TranslationBlock **p = &tb_hash[tb_hash_func(tb->phys_pc, tb->pc,
                                                 tb->flags)];

    for (; *p; p = &(*p)->hash_next) {
        if (*p == tb) {
            *p = tb->hash_next;
            return;
        }
    }
}

/* Everything but the page list, which the caller is walking. */
static void tb_invalidate_one(TranslationBlock *tb)
{
    guint i;

    tb->invalid = true;
    tb_hash_remove(tb);
    tb_unlink_incoming(tb);
    tb_unlink_outgoing(tb, 0);
    tb_unlink_outgoing(tb, 1);
    for (i = 0; tl_cpus && i < tl_cpus->len; i++) {
        TCGLiteCPU *tc = g_ptr_array_index(tl_cpus, i);
        unsigned h = tb_jmp_cache_hash(tb->pc);
        if (tc->jmp_cache[h] == tb) {
            tc->jmp_cache[h] = NULL;
        }
    }
}

/* The page has no code any more: let its writes take the fast path. */
static void tlb_unprotect_code_page(hwaddr page)
{
    guint i;
    int m, j;

    for (i = 0; tl_cpus && i < tl_cpus->len; i++) {
        TCGLiteCPU *tc = g_ptr_array_index(tl_cpus, i);
        for (m = 0; m < NB_MMU_MODES; m++) {
            for (j = 0; j < CPU_TLB_SIZE; j++) {
                CPUTLBEntry *e = &tc->cpu->tlb.table[m][j];
                if ((e->paddr & TL_PAGE_MASK) == page &&
                    (e->addr_write & TLB_SLOW) &&
                    e->addr_write != TLB_INVALID_ADDR) {
                    /* Refill decides afresh (it may be ROM or I/O). */
                    memset(e, 0xff, sizeof(*e));
                }
            }
        }
    }
}

static bool tb_invalidate_page_range(PageDesc *pd, hwaddr start, hwaddr end)
{
    TranslationBlock **p = &pd->first;
    bool hit = false;

    while (*p) {
        TranslationBlock *tb = *p;
        hwaddr tb_end = tb->phys_pc + (hwaddr)tb->icount * tb->insn_size;
        if (tb->phys_pc < end && start < tb_end) {
            *p = tb->page_next;
            tb_invalidate_one(tb);
            hit = true;
        } else {
            p = &tb->page_next;
        }
    }
    if (!pd->first) {
        hwaddr page = pd->page;
        g_hash_table_remove(tb_pages, &page);
        tlb_unprotect_code_page(page);
    }
    return hit;
}

/* Returns true if any block was invalidated. */
static bool tb_invalidate_range_hit(hwaddr start, hwaddr end)
{
    hwaddr page;
    bool hit = false;

    if (!tb_pages || end <= start) {
        return false;
    }
    for (page = start & TL_PAGE_MASK; page < end; page += TL_PAGE_SIZE) {
        PageDesc *pd = page_find(page);
        if (pd) {
            hit |= tb_invalidate_page_range(pd, start, end);
        }
        if (page + TL_PAGE_SIZE < page) {
            break;      /* wrapped at the top of the space */
        }
    }
    return hit;
}

void tb_invalidate_phys_range(hwaddr start, hwaddr end)
{
    tb_invalidate_range_hit(start, end);
}


bool tl_invalidate_for_store(hwaddr start, hwaddr end)
{
    return tb_invalidate_range_hit(start, end);
}

/*
 * From another thread: queue the range. The exec loop looks at the
 * pending-work word before every block (chained or not), so the range is
 * applied before the next block starts; no need to stop the vCPUs.
 */
void tcg_lite_notify_write(hwaddr addr, hwaddr len)
{
    if (tl_on_exec_thread) {
        tb_invalidate_phys_range(addr, addr + len);
        return;
    }
    g_mutex_lock(&tl_queue_lock);
    if (!tl_write_queue) {
        tl_write_queue = g_array_new(false, false, sizeof(hwaddr));
    }
    g_array_append_val(tl_write_queue, addr);
    addr += len;
    g_array_append_val(tl_write_queue, addr);
    g_mutex_unlock(&tl_queue_lock);
    __atomic_store_n(&tl_pending_work, 1, __ATOMIC_SEQ_CST);
    tl_kick_exec_cpu();
}

/* ---- Flush ---------------------------------------------------------- */

static void tb_flush_now(void)
{
    guint i;

    tb_flush_count++;
    tb_arena_used = 0;
    memset(tb_hash, 0, sizeof(tb_hash));
    if (tb_pages) {
        g_hash_table_remove_all(tb_pages);
    }
    for (i = 0; tl_cpus && i < tl_cpus->len; i++) {
        TCGLiteCPU *tc = g_ptr_array_index(tl_cpus, i);
        tl_jmp_cache_clear(tc);
        /* Write-protected code pages are code no more. */
        tlb_flush(tc->cpu);
    }
}

/* Always deferred to the next block boundary of the exec thread: it may
 * be inside an op of a block we would free, or running on another thread
 * (the cache has one owner). */
void tb_flush(void)
{
    g_mutex_lock(&tl_queue_lock);
    tb_flush_deferred = true;
    g_mutex_unlock(&tl_queue_lock);
    __atomic_store_n(&tl_pending_work, 1, __ATOMIC_SEQ_CST);
    if (!tl_on_exec_thread) {
        tl_kick_exec_cpu();
    }
}

void tl_do_pending_work(void)
{
    GArray *q;
    guint i;
    bool flush;

    __atomic_store_n(&tl_pending_work, 0, __ATOMIC_SEQ_CST);
    g_mutex_lock(&tl_queue_lock);
    flush = tb_flush_deferred;
    tb_flush_deferred = false;
    q = tl_write_queue;
    tl_write_queue = NULL;
    g_mutex_unlock(&tl_queue_lock);
    if (flush) {
        tb_flush_now();     /* drops whatever the queue named, too */
        if (q) {
            g_array_free(q, true);
        }
        return;
    }
    if (q) {
        for (i = 0; i + 1 < q->len; i += 2) {
            tb_invalidate_phys_range(g_array_index(q, hwaddr, i),
                                     g_array_index(q, hwaddr, i + 1));
        }
        g_array_free(q, true);
    }
}

/* ---- Allocation, lookup, translation -------------------------------- */

static TranslationBlock *tb_alloc(unsigned max_ops)
{
    size_t need = sizeof(TranslationBlock) + max_ops * sizeof(TLOp);

    if (!tb_arena) {
        tb_arena = g_malloc(TB_ARENA_SIZE);
    }
    if (tb_arena_used + need > TB_ARENA_SIZE) {
        return NULL;
    }
    return (TranslationBlock *)(tb_arena + tb_arena_used);
}

static void tb_commit(TranslationBlock *tb)
{
    size_t size = sizeof(TranslationBlock) + tb->n_ops * sizeof(TLOp);

    tb_arena_used += QEMU_ALIGN_UP(size, 16);
}

static void tb_page_add(TranslationBlock *tb)
{
    PageDesc *pd = page_find(tb->phys_pc);

    if (!tb_pages) {
        tb_pages = g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL,
                                         g_free);
    }
    if (!pd) {
        pd = g_new0(PageDesc, 1);
        pd->page = tb->phys_pc & TL_PAGE_MASK;
        g_hash_table_insert(tb_pages, &pd->page, pd);
        /* From now on stores to this page must see the code. */
        tlb_protect_code_page(pd->page);
    }
    tb->page_next = pd->first;
    pd->first = tb;
}

/* -d in_asm: the guest code of a new block, as QEMU logs it. */
static void tb_log_in_asm(const TCGLiteOps *ops, const TranslationBlock *tb,
                          const uint8_t *code)
{
    GString *out = g_string_new("----------------\nIN: \n");
    /* A block that only raises (misaligned PC) has no code to show. */
    size_t size = (tb->pc & (tb->insn_size - 1)) ? 0 :
                  (size_t)tb->icount * tb->insn_size;

    disas_append(out, ops->disas_arch ? ops->disas_arch : "",
                 tb->pc, code, size);
    g_string_append_c(out, '\n');
    qemu_log("%s", out->str);
    g_string_free(out, true);
}

static TranslationBlock *tb_gen_code(CPUState *cpu, uint64_t pc,
                                     hwaddr phys_pc, uint32_t flags,
                                     const uint8_t *code)
{
    const TCGLiteOps *ops = CPU_GET_CLASS(cpu)->tcg_ops;
    /* A block never crosses a page, so it has one page to watch. */
    unsigned max = (TL_PAGE_SIZE - (pc & ~TL_PAGE_MASK)) / 4;
    TranslationBlock *tb;
    unsigned h;

    if (max > TL_MAX_INSNS) {
        max = TL_MAX_INSNS;
    }
    tb = tb_alloc(max + 1);
    if (!tb) {
        tb_flush_now();
        tb = tb_alloc(max + 1);
    }
    g_assert(tb);   /* an empty arena holds any block */
    memset(tb, 0, sizeof(*tb));
    tb->pc = pc;
    tb->phys_pc = phys_pc;
    tb->flags = flags;
    tb->insn_size = 4;
    tb->jmp_pc[0] = tb->jmp_pc[1] = TL_JMP_NONE;
    ops->translate(cpu, tb, code, max);
    g_assert(tb->icount >= 1 && tb->n_ops <= max + 1);
    if (qemu_loglevel_mask(CPU_LOG_TB_IN_ASM)) {
        tb_log_in_asm(ops, tb, code);
    }
    tb_commit(tb);

    h = tb_hash_func(phys_pc, pc, flags);
    tb->hash_next = tb_hash[h];
    tb_hash[h] = tb;
    tb_page_add(tb);
    return tb;
}

TranslationBlock *tb_lookup(CPUState *cpu, TCGLiteCPU *tc, uint64_t pc,
                            uint32_t flags)
{
    const TCGLiteOps *ops = CPU_GET_CLASS(cpu)->tcg_ops;
    unsigned jh = tb_jmp_cache_hash(pc);
    TranslationBlock *tb = tc->jmp_cache[jh];
    const uint8_t *code;
    hwaddr phys;

    if (tb && tb->pc == pc && tb->flags == flags) {
        return tb;
    }
    code = tl_get_code(cpu, pc, ops->mmu_index(cpu), &phys);
    if (!code) {
        return NULL;
    }
    for (tb = tb_hash[tb_hash_func(phys, pc, flags)]; tb; tb = tb->hash_next) {
        if (tb->pc == pc && tb->phys_pc == phys && tb->flags == flags) {
            break;
        }
    }
    if (!tb) {
        tb = tb_gen_code(cpu, pc, phys, flags, code);
    }
    tc->jmp_cache[jh] = tb;
    return tb;
}
