/*
 * Advanced SIMD floating point on TCG-lite (target/arm/exec-simd-fp.c):
 * every FP opcode of the AdvSIMD groups, vector and scalar, on special
 * values under each FPCR mode, compared bit for bit (result and FPSR)
 * with Debian's QEMU; plus the encodings that must stay UNDEF on a
 * cortex-a57 (half precision, the 1D arrangement) and the CPACR trap.
 *
 * How the expected values were obtained: the table below and the
 * bare-metal program tests/tcg/aarch64/programs/simd-fp-ops.c come from
 * the same list of cases (generated from a fixed seed: instruction,
 * V0/V1/V2 and FPCR). The program loads V0-V2 and FPCR, clears FPSR, runs
 * the one instruction and prints V0 and FPSR; its output on
 * qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 is simd-fp-ops.expected,
 * and the words were assembled with aarch64-linux-gnu-as. Here each word
 * runs alone followed by BRK #0 on a CPU without a board.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/translate.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (1 * MiB)
#define CODE_BASE 0x40080000ULL

typedef struct SimdFpCase {
    uint32_t insn;
    uint32_t fpcr;
    uint64_t in[6];         /* V0, V1, V2 as (bits 63:0, bits 127:64) */
    uint64_t out[2];        /* V0 after */
    uint32_t fpsr;
} SimdFpCase;

/* Generated: 742 cases recorded from qemu-system-aarch64 7.2. */
static const SimdFpCase simd_fp_cases[] = {
#include "data/simd-fp-cases.inc"
};

static MemoryRegion ram;
static CPUState *cs;

static CPUARMState *env(void)
{
    return cpu_env(cs);
}

/* Fresh CPU with FP enabled at EL1, the words then BRK #0 at CODE_BASE. */
static void load_words(const uint32_t *w, size_t n)
{
    uint8_t *p = (uint8_t *)memory_region_get_ram_ptr(&ram) +
                 (CODE_BASE - RAM_BASE);
    uint32_t brk = GUINT32_TO_LE(0xd4200000);
    size_t i;

    cpu_reset(cs);
    tb_flush();
    for (i = 0; i < n; i++) {
        uint32_t le = GUINT32_TO_LE(w[i]);
        memcpy(p + 4 * i, &le, 4);
    }
    memcpy(p + 4 * n, &brk, 4);
    /* EL1h with DAIF masked, as after reset; the call also makes the
     * linker keep cpu.c, which registers the CPU types. */
    arm_pstate_write(env(), 0x3c5);
    env()->pc = CODE_BASE;
    env()->cpacr_el1 = 3u << 20;
}

static int run(void)
{
    int r;

    do {
        r = tcg_lite_exec(cs, 1000);
    } while (r == EXCP_INTERRUPT);
    return r;
}

static void set_inputs(const uint64_t *in, uint32_t fpcr)
{
    unsigned r;

    for (r = 0; r < 3; r++) {
        env()->vregs[r].d[0] = in[2 * r];
        env()->vregs[r].d[1] = in[2 * r + 1];
    }
    env()->fpcr = fpcr;
    env()->fpsr = 0;
}

static void test_recorded(void)
{
    size_t i, failed = 0;

    for (i = 0; i < G_N_ELEMENTS(simd_fp_cases); i++) {
        const SimdFpCase *c = &simd_fp_cases[i];
        int r;

        load_words(&c->insn, 1);
        set_inputs(c->in, c->fpcr);
        r = run();
        if (r != EXCP_BKPT || env()->vregs[0].d[0] != c->out[0] ||
            env()->vregs[0].d[1] != c->out[1] || env()->fpsr != c->fpsr) {
            g_test_message("case %zu insn 0x%08x fpcr 0x%08x: exit %d, "
                           "v0 %016" PRIx64 "%016" PRIx64 " fpsr %08x, "
                           "expected %016" PRIx64 "%016" PRIx64 " %08x",
                           i, c->insn, c->fpcr, r, env()->vregs[0].d[1],
                           env()->vregs[0].d[0], env()->fpsr, c->out[1],
                           c->out[0], c->fpsr);
            failed++;
        }
    }
    g_assert_cmpuint(failed, ==, 0);
}

/*
 * Encodings a cortex-a57 does not have, each verified to take an
 * Unknown-reason exception (ESR 0x02000000) on QEMU 7.2, and valid
 * neighbours that must not. Disassembly by aarch64-linux-gnu-objdump
 * with every later extension enabled ("undefined": reserved everywhere).
 */
static const uint32_t undef_words[] = {
    0x0e421420, /* fadd v0.4h, v1.4h, v2.4h (FP16) */
    0x0e62d420, /* fadd with the 1D arrangement: reserved */
    0x0ef8f820, /* fabs v0.4h, v1.4h (FP16) */
    0x0e30c820, /* fmaxnmv h0, v1.4h (FP16) */
    0x2e30c820, /* fmaxnmv with Q = 0: reserved */
    0x6e70c820, /* fmaxnmv with sz = 1: reserved */
    0x4e21e820, /* frint32z v0.4s, v1.4s (v8.5) */
    0x6e82c420, /* fcmla v0.4s, v1.4s, v2.4s, #0 (v8.3) */
    0x0f001020, /* fmla v0.4h, v1.4h, v0.h[0] (FP16) */
    0x4fe01820, /* fmla by element, double with L = 1: reserved */
    0x0fc01020, /* fmla by element, double with Q = 0: reserved */
    0x2f1be420, /* ucvtf v0.4h, v1.4h, #5 (FP16) */
    0x0f7fe420, /* scvtf fixed, double with Q = 0: reserved */
    0x7e216820, /* fcvtxn with sz = 0: reserved */
    0x5ee0f820, /* scalar two-reg misc opcode 01111: reserved */
    0x6ee1c820, /* ursqrte with sz = 1: reserved */
    0x4e22ec20, /* fmlal v0.4s, v1.4h, v2.4h (v8.2 FHM) */
    0x6e60c820, /* across lanes, U = 1, size 01: reserved */
    0x5e30d820, /* faddp h0, v1.2h (FP16) */
};

static const uint32_t valid_words[] = {
    0x4e62d420, /* fadd v0.2d, v1.2d, v2.2d */
    0x2ea1c820, /* ursqrte v0.2s, v1.2s */
    0x0e22cc20, /* fmla v0.2s, v1.2s, v2.2s */
};

static int run_word(uint32_t w)
{
    load_words(&w, 1);
    return run();
}

static void test_undef(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(undef_words); i++) {
        int r = run_word(undef_words[i]);

        if (r != EXCP_UDEF) {
            g_test_message("0x%08x should be UNDEF", undef_words[i]);
        }
        g_assert_cmpint(r, ==, EXCP_UDEF);
        g_assert_cmphex(env()->exception.syndrome, ==, 0x02000000);
    }
    for (i = 0; i < G_N_ELEMENTS(valid_words); i++) {
        g_assert_cmpint(run_word(valid_words[i]), ==, EXCP_BKPT);
    }
}

/* CPACR_EL1.FPEN = 0: the FP access trap (EC 0x07, ESR 0x1fe00000 as
 * QEMU reports it), and V0 untouched. */
static void test_fp_trap(void)
{
    static const uint32_t w = 0x4e22d420;   /* fadd v0.4s, v1.4s, v2.4s */

    load_words(&w, 1);
    env()->cpacr_el1 = 0;
    env()->vregs[0].d[0] = 0x1234;
    g_assert_cmpint(run(), ==, EXCP_UDEF);
    g_assert_cmphex(env()->exception.syndrome, ==, 0x1fe00000);
    g_assert_cmphex(env()->vregs[0].d[0], ==, 0x1234);
}

/* Vd as a source and destination of a by-element multiply-add: the
 * element read from Vm = Vd must be the old one for every lane. */
static void test_alias(void)
{
    static const uint32_t w = 0x4f801000;   /* fmla v0.4s, v0.4s, v0.s[0] */
    const uint32_t two = 0x40000000;

    load_words(&w, 1);
    env()->vregs[0].d[0] = (uint64_t)two << 32 | two;
    env()->vregs[0].d[1] = (uint64_t)two << 32 | two;
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    /* 2 + 2 * 2 = 6 in every lane. */
    g_assert_cmphex(env()->vregs[0].d[0], ==, 0x40c0000040c00000ULL);
    g_assert_cmphex(env()->vregs[0].d[1], ==, 0x40c0000040c00000ULL);
}

/*
 * Register fields beyond V0-V2: Vm's M bit in the by-element forms
 * (V17, V19), a scalar double by element, pairwise, fixed point, FCVTL2
 * and across lanes on high registers, run as one block. Recorded from
 * QEMU 7.2 (a bare-metal program storing V31, V29, V23, V25, V27, V16).
 */
static void test_registers(void)
{
    static const uint32_t prog[] = {
        0x4fb19bdf, /* fmul v31.4s, v30.4s, v17.s[3] */
        0x5fd31b9d, /* fmla d29, d28, v19.d[1] */
        0x7e30db17, /* faddp s23, v24.2s */
        0x4f76ff59, /* fcvtzs v25.2d, v26.2d, #10 */
        0x4e617bfb, /* fcvtl2 v27.2d, v31.4s */
        0x6eb0fbf0, /* fminv s16, v31.4s */
    };
    static const struct {
        unsigned reg;
        uint64_t lo, hi;
    } in[] = {
        { 30, 0x400000003f800000ULL, 0x4080000040400000ULL },
        { 17, 0, 0x3f00000000000000ULL },
        { 28, 0x4008000000000000ULL, 0 },
        { 19, 0, 0x3fd0000000000000ULL },
        { 29, 0x3ff0000000000000ULL, 0x1234 },
        { 24, 0x401000003fc00000ULL, 0xffff },
        { 26, 0x3ff8000000000000ULL, 0xc006000000000000ULL },
    }, out[] = {
        { 31, 0x3f8000003f000000ULL, 0x400000003fc00000ULL },
        { 29, 0x3ffc000000000000ULL, 0 },
        { 23, 0x0000000040700000ULL, 0 },
        { 25, 0x0000000000000600ULL, 0xfffffffffffff500ULL },
        { 27, 0x3ff8000000000000ULL, 0x4000000000000000ULL },
        { 16, 0x000000003f000000ULL, 0 },
    };
    size_t i;

    load_words(prog, G_N_ELEMENTS(prog));
    for (i = 0; i < G_N_ELEMENTS(in); i++) {
        env()->vregs[in[i].reg].d[0] = in[i].lo;
        env()->vregs[in[i].reg].d[1] = in[i].hi;
    }
    env()->vregs[16].d[1] = 0x5555;     /* cleared by the scalar write */
    g_assert_cmpint(run(), ==, EXCP_BKPT);
    for (i = 0; i < G_N_ELEMENTS(out); i++) {
        g_assert_cmphex(env()->vregs[out[i].reg].d[0], ==, out[i].lo);
        g_assert_cmphex(env()->vregs[out[i].reg].d[1], ==, out[i].hi);
    }
    g_assert_cmphex(env()->fpsr, ==, 0);
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

    g_test_add_func("/arm-simd-fp/recorded", test_recorded);
    g_test_add_func("/arm-simd-fp/undef", test_undef);
    g_test_add_func("/arm-simd-fp/fp-trap", test_fp_trap);
    g_test_add_func("/arm-simd-fp/alias", test_alias);
    g_test_add_func("/arm-simd-fp/registers", test_registers);
    return g_test_run();
}
