/*
 * The exec loop: find the block for the current state, run its ops, follow
 * chains while nothing asks us to stop. Requests (exit, interrupts, TLB
 * flushes, queued invalidations) are looked at between blocks only.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "internal.h"

static void tl_listener_commit(MemoryListener *l)
{
    TCGLiteCPU *tc = container_of(l, TCGLiteCPU, listener);

    if (tc->registering) {
        return;
    }
    /* The map changed under the TLB: refill from the new flat view at
     * the next block boundary (EXITTB breaks chains, returns nothing). */
    __atomic_store_n(&tc->cpu->tlb.flush_pending, 1, __ATOMIC_SEQ_CST);
    cpu_interrupt(tc->cpu, CPU_INTERRUPT_EXITTB);
}

TCGLiteCPU *tl_cpu_get(CPUState *cpu)
{
    TCGLiteCPU *tc = cpu->tcg;

    if (tc) {
        return tc;
    }
    tc = g_new0(TCGLiteCPU, 1);
    tc->cpu = cpu;
    tc->listener.name = "tcg-lite";
    tc->listener.commit = tl_listener_commit;
    tc->registering = true;
    memory_listener_register(&tc->listener, cpu->as);
    tc->registering = false;
    cpu->tcg = tc;
    if (!tl_cpus) {
        tl_cpus = g_ptr_array_new();
    }
    g_ptr_array_add(tl_cpus, tc);
    tlb_flush(cpu);
    return tc;
}

void tcg_lite_cpu_release(CPUState *cpu)
{
    TCGLiteCPU *tc = cpu->tcg;

    if (!tc) {
        return;
    }
    memory_listener_unregister(&tc->listener);
    g_ptr_array_remove(tl_cpus, tc);
    cpu->tcg = NULL;
    g_free(tc);
}

/* Returns 0 to go on, or the EXCP_* to stop with. */
static int tl_handle_requests(CPUState *cpu, const TCGLiteOps *ops)
{
    uint32_t req;

    if (__atomic_load_n(&cpu->tlb.flush_pending, __ATOMIC_SEQ_CST)) {
        __atomic_store_n(&cpu->tlb.flush_pending, 0, __ATOMIC_SEQ_CST);
        tlb_flush(cpu);
    }
    if (__atomic_load_n(&tl_pending_work, __ATOMIC_SEQ_CST)) {
        tl_do_pending_work();
    }
    req = __atomic_load_n(&cpu->interrupt_request, __ATOMIC_SEQ_CST);
    if (req & CPU_INTERRUPT_EXITTB) {
        cpu_reset_interrupt(cpu, CPU_INTERRUPT_EXITTB);
    }
    if ((req & ~CPU_INTERRUPT_EXITTB) && ops->exec_interrupt) {
        ops->exec_interrupt(cpu, req);
    }
    if (__atomic_exchange_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST)) {
        return EXCP_INTERRUPT;
    }
    return 0;
}

/* -d exec / -d cpu: a line (and the registers) before each block runs.
 * Chaining is off while either is on, so every block passes here. */
static void tl_log_block(CPUState *cpu, const TranslationBlock *tb)
{
    if (qemu_loglevel_mask(CPU_LOG_TB_CPU)) {
        GString *out = g_string_new(NULL);

        cpu_dump_state(cpu, out);
        qemu_log("%s", out->str);
        g_string_free(out, true);
    }
    if (qemu_loglevel_mask(CPU_LOG_EXEC)) {
        qemu_log("Trace %d: %p [%016" PRIx64 "/%08" PRIx32 "]\n",
                 cpu->cpu_index, (const void *)tb, tb->pc, tb->flags);
    }
}

static inline bool tl_wants_exit(CPUState *cpu)
{
    return __atomic_load_n(&cpu->exit_request, __ATOMIC_RELAXED) |
           __atomic_load_n(&cpu->interrupt_request, __ATOMIC_RELAXED) |
           __atomic_load_n(&tl_pending_work, __ATOMIC_RELAXED);
}

static bool tl_log_blocks;
CPUState *tl_exec_cpu;

void tl_kick_exec_cpu(void)
{
    CPUState *cpu = __atomic_load_n(&tl_exec_cpu, __ATOMIC_SEQ_CST);

    if (cpu) {
        cpu_exit(cpu);
    }
}

/* Chained blocks only look at the CPU's own request words (work queued
 * by other threads kicks through exit_request). */
static inline bool tl_chain_ok(CPUState *cpu)
{
    return !(__atomic_load_n(&cpu->exit_request, __ATOMIC_RELAXED) |
             __atomic_load_n(&cpu->interrupt_request, __ATOMIC_RELAXED)) &&
           !tl_log_blocks;
}

int tcg_lite_exec(CPUState *cpu, int64_t budget)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);
    const TCGLiteOps *ops = cc->tcg_ops;
    TCGLiteCPU *tc = tl_cpu_get(cpu);
    TranslationBlock *tb, *last = NULL;
    int last_slot = 0, ret;

    if (cpu->halted) {
        if (!cpu_has_work(cpu)) {
            return EXCP_HALTED;
        }
        cpu->halted = false;
    }
    cpu->exception_index = -1;
    tl_on_exec_thread = true;
    __atomic_store_n(&tl_exec_cpu, cpu, __ATOMIC_SEQ_CST);
    tl_log_blocks = qemu_loglevel_mask(CPU_LOG_EXEC | CPU_LOG_TB_CPU);
    for (;;) {
        const TLOp *op;
        uint64_t pc, insn_pc;
        uint32_t flags;
        unsigned flushes;
        int r;

        if (tl_wants_exit(cpu) || cpu->tlb.flush_pending) {
            last = NULL;
            ret = tl_handle_requests(cpu, ops);
            if (ret) {
                break;
            }
        }
        if (budget <= 0) {
            ret = EXCP_BUDGET;
            break;
        }
        ops->get_tb_state(cpu, &pc, &flags);
        flushes = tb_flush_count;
        tb = tb_lookup(cpu, tc, pc, flags);
        if (!tb) {
            ret = cpu->exception_index;     /* fetch fault */
            break;
        }
        if (flushes != tb_flush_count) {
            last = NULL;        /* the arena was full: last is gone */
        }
        if (last) {
            tb_try_link(last, last_slot, tb);
            last = NULL;
        }
    run:
        if (__builtin_expect(tl_log_blocks, 0)) {
            tl_log_block(cpu, tb);
        }
        budget -= tb->icount;
        r = tb->ops[0].fn(cpu, tb->ops);
        if (r == TL_CHAIN0 || r == TL_CHAIN1) {
            int slot = r - TL_CHAIN0;
            TranslationBlock *next = tb->jmp_dest[slot];
            if (next && budget > 0 && tl_chain_ok(cpu)) {
                tb = next;
                goto run;
            }
            cc->set_pc(cpu, tb->jmp_pc[slot]);
            last = tb;
            last_slot = slot;
            continue;
        }
        if (r == TL_LOOKUP) {
            /* An indirect branch (BR, RET): probe the jump cache here,
             * without the loop top's full request check. */
            if (budget > 0 && tl_chain_ok(cpu)) {
                TranslationBlock *n;

                ops->get_tb_state(cpu, &pc, &flags);
                n = tc->jmp_cache[tb_jmp_cache_hash(pc)];
                if (n && n->pc == pc && n->flags == flags) {
                    tb = n;
                    goto run;
                }
            }
            continue;
        }
        op = cpu->tl_exit_op;
        g_assert(op >= tb->ops && op < tb->ops + tb->n_ops);
        insn_pc = tb->pc + (uint64_t)(op - tb->ops) * tb->insn_size;
        if (r == TL_RESUME_NEXT) {
            cc->set_pc(cpu, insn_pc + tb->insn_size);
            if (cpu->exception_index >= 0) {
                ret = cpu->exception_index;     /* WFI and friends */
                break;
            }
            continue;
        }
        g_assert(r == TL_EXCP);
        cc->set_pc(cpu, insn_pc);
        ret = cpu->exception_index;
        break;
    }
    __atomic_store_n(&tl_exec_cpu, NULL, __ATOMIC_SEQ_CST);
    tl_on_exec_thread = false;
    return ret;
}
