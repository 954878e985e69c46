/*
 * TCG-lite: the interpreter engine shared by the targets.
 *
 * A guest instruction is decoded once into a TLOp (a handler pointer plus
 * pre-extracted operands). Ops live in TranslationBlocks: straight-line
 * runs of guest code ending at a branch, an exception-generating or
 * context-changing instruction, a page boundary or TL_MAX_INSNS. Blocks are
 * cached by (physical PC, virtual PC, mode flags), chained directly to
 * their successors, and invalidated when their code page is written.
 * Memory accesses go through the per-vCPU softmmu TLB (exec/cpu-tlb.h):
 * a host-pointer fast path for RAM, the memory API for the rest.
 *
 * Entry point: tcg_lite_exec(cpu, budget). Design: docs/devel/tcg-lite.md.
 * Threading: all vCPUs run round-robin on one thread, so the TB cache and
 * page tracker have a single owner; other threads only set exit_request /
 * interrupt_request or call tb_flush / tcg_lite_notify_write, which queue.
 */
#ifndef EXEC_TCG_LITE_H
#define EXEC_TCG_LITE_H

#include "hw/core/cpu.h"

/* Generic stop reasons (targets number theirs below 0x10000). */
#define EXCP_INTERRUPT 0x10000  /* exit_request seen */
#define EXCP_HLT       0x10001  /* WFI: the CPU halted */
#define EXCP_DEBUG     0x10002
#define EXCP_HALTED    0x10003  /* called on a halted CPU with no work */
#define EXCP_BUDGET    0x10004  /* budget instructions executed */

#define PAGE_READ  1
#define PAGE_WRITE 2
#define PAGE_EXEC  4

/*
 * What an op handler returns. Ops are threaded: a handler that goes on
 * tail-calls the next op (TL_GOTO_NEXT), so a block runs as a chain of
 * jumps and only its last op returns to the loop. A handler that stops
 * anywhere but at a branch says where with tl_stop().
 */
enum {
    TL_CHAIN0 = 1,      /* go to the block's jmp_pc[0] (taken branch) */
    TL_CHAIN1,          /* go to the block's jmp_pc[1] (fall-through) */
    TL_LOOKUP,          /* the handler set the PC: look the block up */
    TL_RESUME_NEXT,     /* PC = next insn, look up (state changed) */
    TL_EXCP,            /* stop: cpu->exception_index set, PC = this insn */
};

typedef struct TLOp TLOp;
typedef int (*TLOpFn)(CPUState *cpu, const TLOp *op);

#define TL_GOTO_NEXT(cpu, op) return (op)[1].fn((cpu), (op) + 1)

static inline int tl_stop(CPUState *cpu, const TLOp *op, int code)
{
    cpu->tl_exit_op = op;
    return code;
}

/* 24 bytes: small enough that a block of ops is a few cache lines. */
struct TLOp {
    TLOpFn fn;
    uint8_t rd, rn, rm, ra;     /* register slots (target meaning) */
    uint8_t sf, a, b, c;        /* width and small operands */
    uint64_t imm;               /* immediate, address, or constant */
};

#define TL_MAX_INSNS 128
#define TL_JMP_NONE ((uint64_t)-1)

typedef struct TranslationBlock TranslationBlock;
struct TranslationBlock {
    uint64_t pc;                /* virtual PC of the first instruction */
    uint64_t phys_pc;
    uint32_t flags;             /* target mode flags (EL, SP select, ...) */
    uint16_t icount;            /* guest instructions (one op each) */
    uint16_t n_ops;             /* icount, plus 1 if a trailing goto op */
    uint8_t insn_size;          /* bytes per instruction (4 for A64) */
    bool invalid;
    TranslationBlock *hash_next;
    TranslationBlock *page_next;
    uint64_t jmp_pc[2];         /* static successors or TL_JMP_NONE */
    TranslationBlock *jmp_dest[2]; /* chained successors (NULL: unlinked) */
    /* Incoming chains: list of (tb | slot) through jmp_list_next[slot]. */
    uintptr_t jmp_list_head;
    uintptr_t jmp_list_next[2];
    TLOp ops[];
};

/*
 * What a target gives the engine (CPUClass.tcg_ops).
 *   get_tb_state: the PC and mode flags a block is keyed by;
 *   translate:    decode up to max_insns instructions at tb->pc from the
 *                 host copy of the code into tb->ops; sets tb->icount,
 *                 tb->jmp_pc[]. Never fails: undecodable words become ops
 *                 that raise the target's UNDEF.
 *   tlb_fill:     translate vaddr for an access (NULL: VA == PA, all
 *                 permissions); *prot gets the PAGE_* rights of the page;
 *                 false means a fault whose exception the hook recorded.
 *   mmu_index:    the TLB table the current mode fetches with.
 *   exec_interrupt: take a pending interrupt if unmasked; true if taken.
 *   fetch_fault / memory_fault: record the exception for a failed fetch /
 *                 data access (bus error) and set exception_index.
 *   do_interrupt: take the exception tcg_lite_exec reported (vector to the
 *                 guest's handler); the accelerator calls it and goes on.
 *   watch_page:   optional; true if a watchpoint covers part of the
 *                 virtual page at page_va: its data accesses then take
 *                 the slow path, which calls check_watchpoint first. Asked
 *                 when the TLB entry is filled: the target flushes the TLB
 *                 when its watchpoints change.
 *   check_watchpoint: optional; before an access of size bytes at va in
 *                 a watched page, and before any access that crosses a
 *                 page (then split into bytes, each checked again if its
 *                 page is watched): true if a watchpoint fires, with the
 *                 exception recorded (the access is not done, ok false).
 */
typedef struct TCGLiteOps {
    void (*get_tb_state)(CPUState *cpu, uint64_t *pc, uint32_t *flags);
    void (*translate)(CPUState *cpu, TranslationBlock *tb,
                      const uint8_t *code, unsigned max_insns);
    bool (*tlb_fill)(CPUState *cpu, uint64_t vaddr, MMUAccessType access,
                     int mmu_idx, hwaddr *paddr, int *prot);
    int (*mmu_index)(CPUState *cpu);
    bool (*exec_interrupt)(CPUState *cpu, uint32_t request);
    void (*memory_fault)(CPUState *cpu, uint64_t vaddr,
                         MMUAccessType access);
    void (*do_interrupt)(CPUState *cpu);
    bool (*watch_page)(CPUState *cpu, uint64_t page_va);
    bool (*check_watchpoint)(CPUState *cpu, uint64_t va, unsigned size,
                             MMUAccessType access, int mmu_idx);
    const char *disas_arch;     /* for -d in_asm (disas/disas.h) */
} TCGLiteOps;

/*
 * Run cpu until budget guest instructions have executed (counted per
 * block, so deterministic) or something stops it. Returns EXCP_BUDGET,
 * EXCP_INTERRUPT, EXCP_HLT, EXCP_HALTED, or a target exception number
 * with the PC at the instruction that raised it.
 */
int tcg_lite_exec(CPUState *cpu, int64_t budget);

/* Per-vCPU engine state is made on the first tcg_lite_exec; the target
 * calls this when the CPU object goes away. */
void tcg_lite_cpu_release(CPUState *cpu);

/* Drop every translated block (IC IALLU, tests). Takes effect at the exec
 * thread's next block boundary; callable from any thread. */
void tb_flush(void);
/* Invalidate the blocks whose code intersects [start, end). */
void tb_invalidate_phys_range(hwaddr start, hwaddr end);
/* True if the physical page holding addr has translated code. */
bool tb_page_has_code(hwaddr addr);
/* Hook for writes that bypass the CPU (DMA, loaders), any thread: applied
 * at once on the exec thread, else before the next block starts. */
void tcg_lite_notify_write(hwaddr addr, hwaddr len);

/* TLB maintenance. */
void tlb_flush(CPUState *cpu);
void tlb_flush_page(CPUState *cpu, uint64_t vaddr);
/* Drop the write fast path of every vCPU's entries mapping this page. */
void tlb_protect_code_page(hwaddr paddr);

/*
 * Guest memory access for op handlers. Values are little endian guest
 * order; size is 1, 2, 4 or 8. On failure (ok false) the target's
 * memory_fault hook has recorded the exception and the handler stops with
 * TL_EXCP. Results come back by value, not through pointers, so that
 * handlers can tail-call the next op. A store that hits translated code
 * invalidates it (the running block still finishes: see the docs).
 */
typedef struct TLLoad {
    uint64_t val;
    bool ok;
} TLLoad;

TLLoad tl_load_slow(CPUState *cpu, uint64_t va, unsigned size, int mmu_idx);
bool tl_store_slow(CPUState *cpu, uint64_t va, unsigned size, int mmu_idx,
                   uint64_t val);
/* The host pointer of code at va (RAM only), filling the TLB; NULL and
 * the fault recorded on failure. *paddr gets the physical address. */
const uint8_t *tl_get_code(CPUState *cpu, uint64_t va, int mmu_idx,
                           hwaddr *paddr);

static inline CPUTLBEntry *tl_tlb_entry(CPUState *cpu, int mmu_idx,
                                        uint64_t va)
{
    return &cpu->tlb.table[mmu_idx][(va >> TL_PAGE_BITS) &
                                    (CPU_TLB_SIZE - 1)];
}

static inline bool tl_in_page(uint64_t va, unsigned size)
{
    return (va & ~TL_PAGE_MASK) <= TL_PAGE_SIZE - size;
}

static inline uint64_t tl_host_load(const void *p, unsigned size)
{
    switch (size) {
    case 1: return *(const uint8_t *)p;
    case 2: { uint16_t v; memcpy(&v, p, 2); return GUINT16_FROM_LE(v); }
    case 4: { uint32_t v; memcpy(&v, p, 4); return GUINT32_FROM_LE(v); }
    default: { uint64_t v; memcpy(&v, p, 8); return GUINT64_FROM_LE(v); }
    }
}

static inline void tl_host_store(void *p, unsigned size, uint64_t val)
{
    switch (size) {
    case 1: *(uint8_t *)p = val; break;
    case 2: { uint16_t v = GUINT16_TO_LE(val); memcpy(p, &v, 2); break; }
    case 4: { uint32_t v = GUINT32_TO_LE(val); memcpy(p, &v, 4); break; }
    default: { uint64_t v = GUINT64_TO_LE(val); memcpy(p, &v, 8); break; }
    }
}

static inline TLLoad tl_load(CPUState *cpu, uint64_t va, unsigned size,
                             int mmu_idx)
{
    CPUTLBEntry *e = tl_tlb_entry(cpu, mmu_idx, va);

    if (__builtin_expect(e->addr_read == (va & TL_PAGE_MASK) &&
                         tl_in_page(va, size), 1)) {
        return (TLLoad){
            tl_host_load((const void *)(e->addend + va), size), true
        };
    }
    return tl_load_slow(cpu, va, size, mmu_idx);
}

static inline bool tl_store(CPUState *cpu, uint64_t va, unsigned size,
                            int mmu_idx, uint64_t val)
{
    CPUTLBEntry *e = tl_tlb_entry(cpu, mmu_idx, va);

    if (__builtin_expect(e->addr_write == (va & TL_PAGE_MASK) &&
                         tl_in_page(va, size), 1)) {
        tl_host_store((void *)(e->addend + va), size, val);
        return true;
    }
    return tl_store_slow(cpu, va, size, mmu_idx, val);
}

#endif
