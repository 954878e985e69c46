/*
 * TCG-lite private state shared by tb.c, cputlb.c and cpu-exec.c.
 */
#ifndef ACCEL_TCG_LITE_INTERNAL_H
#define ACCEL_TCG_LITE_INTERNAL_H

#include "exec/tcg-lite.h"

#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1 << TB_JMP_CACHE_BITS)

typedef struct TCGLiteCPU {
    CPUState *cpu;
    MemoryListener listener;  /* flushes the TLB when the map changes */
    bool registering;         /* the listener's replay: nothing changed */
    TranslationBlock *jmp_cache[TB_JMP_CACHE_SIZE]; /* by virtual PC */
} TCGLiteCPU;

/* Every vCPU the engine has seen (TLB protection walks them all). */
extern GPtrArray *tl_cpus;
/* True on the thread running tcg_lite_exec, while it runs. */
extern __thread bool tl_on_exec_thread;
/* Work queued for the next block boundary (deferred flush, DMA writes). */
extern int tl_pending_work;
/* The CPU inside tcg_lite_exec (NULL between runs): work queued from
 * another thread kicks it, since chained blocks do not look at the
 * queue. */
extern CPUState *tl_exec_cpu;
/* After queueing work from another thread: make the running CPU look. */
void tl_kick_exec_cpu(void);
/* Bumped by every flush: block pointers from before it are dangling. */
extern unsigned tb_flush_count;

static inline unsigned tb_jmp_cache_hash(uint64_t pc)
{
    return (pc >> 2 ^ pc >> (2 + TB_JMP_CACHE_BITS)) & (TB_JMP_CACHE_SIZE - 1);
}

TCGLiteCPU *tl_cpu_get(CPUState *cpu);
TranslationBlock *tb_lookup(CPUState *cpu, TCGLiteCPU *tc, uint64_t pc,
                            uint32_t flags);
void tb_try_link(TranslationBlock *src, int slot, TranslationBlock *dst);
void tl_do_pending_work(void);
void tl_jmp_cache_clear(TCGLiteCPU *tc);
/* Invalidate blocks in [start, end) after a CPU store; true if any. */
bool tl_invalidate_for_store(hwaddr start, hwaddr end);

#endif
