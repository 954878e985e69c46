/*
 * Advanced SIMD integer instructions (target/arm/exec-simd-int.c,
 * exec-simd-shift.c, exec-simd-perm.c) against Debian's QEMU 7.2.
 *
 * The table below was recorded from qemu-system-aarch64 -M virt -cpu
 * cortex-a57: random words of every integer group (three same, three
 * different, two-register misc, across lanes, copy, modified immediate,
 * shift by immediate, by element, EXT, TBL/TBX, permute; vector and
 * scalar), kept when objdump names an integer mnemonic or calls them
 * unallocated (a sample of those). Each word ran once on QEMU in a
 * bare-metal program with V0-V5, X0 and X1 set from simd_case_inputs()
 * (the same generator is below) and FPSR = 0; the program printed V0, X0
 * and FPSR afterwards, or that the word raised UNDEF (ESR 0x02000000).
 * The recorder is described in docs/devel/arm-simd.md. Register numbers in
 * the words are Vd = 0 and Vn, Vm among 0-5, so aliasing is covered.
 *
 * A second table covers the shift-by-register family (SSHL, USHL, SRSHL,
 * URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL), every size, vector and scalar, at
 * the shift counts around 0, the element sizes and the byte's limits
 * (simd_shift_inputs), recorded the same way.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/translate.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (16 * MiB)
#define CODE_BASE 0x40080000ULL
#define UNDEF 0xffffffffu

typedef struct SimdCase {
    uint32_t insn;
    uint64_t lo, hi, x0;    /* V0 and X0 afterwards */
    uint32_t fpsr;          /* or UNDEF */
    const char *dis;
} SimdCase;

typedef struct SimdShiftCase {
    uint32_t insn;
    uint8_t es;             /* element size of the inputs */
    uint64_t lo, hi;        /* V0 afterwards */
    uint32_t fpsr;
} SimdShiftCase;

static MemoryRegion ram;
static CPUState *cs;

/* Inputs of case idx: V0-V5 (lo, hi), X0, X1. */
static uint64_t simd_rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A 64-bit input: random, or lanes of one size drawn from the values
 * saturation and shifts care about. */
static uint64_t simd_rng_word(uint64_t *s)
{
    uint64_t r = simd_rng_next(s), w = 0;
    unsigned mode = r & 7, es, bits, i;

    if (mode < 3) {
        return simd_rng_next(s);
    }
    es = mode & 3;
    bits = 8u << es;
    for (i = 0; i < 64; i += bits) {
        uint64_t mask = bits == 64 ? ~0ULL : (1ULL << bits) - 1;
        uint64_t v;
        uint64_t c = simd_rng_next(s);

        switch (c % 8) {
        case 0: v = 0; break;
        case 1: v = 1; break;
        case 2: v = mask; break;
        case 3: v = mask >> 1; break;
        case 4: v = (mask >> 1) + 1; break;
        case 5: v = (c >> 8) % 16; break;
        default: v = c >> 3; break;
        }
        w |= (v & mask) << i;
    }
    return w;
}

/* in[0..11] = V0..V5 (lo, hi), in[12] = X0, in[13] = X1. */
static void simd_case_inputs(unsigned idx, uint64_t in[14])
{
    uint64_t s = 0x5eed0000ULL + idx;
    int i;

    for (i = 0; i < 14; i++) {
        in[i] = simd_rng_word(&s);
    }
}

/* Recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57. */
static const SimdCase simd_cases[] = {
#include "data/simd-int-cases.inc"
};

/* Shift-by-register cases: the count is simd_shift_counts[i % 35]. */
/* Inputs of shift case idx: V1 lanes (of the case's size es) cycle over
 * the values that matter at the edges; every V2 lane holds the count. */
static const int8_t simd_shift_counts[] = {
    -128, -127, -66, -65, -64, -63, -62, -33, -32, -31, -17, -16, -15,
    -9, -8, -7, -2, -1, 0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 62,
    63, 64, 65, 127,
};

static void simd_shift_inputs(unsigned idx, unsigned es, uint64_t in[14])
{
    static const uint64_t vals[8] = {
        0x8000000000000000ULL, 0x7fffffffffffffffULL, 1, ~0ULL,
        0x5555555555555555ULL, 0xc3a5968778695a3cULL, 0x4000000000000001ULL,
        0xfffffffffffffffeULL,
    };
    unsigned bits = 8u << es, lanes = 128 / bits, i;
    uint64_t mask = bits == 64 ? ~0ULL : (1ULL << bits) - 1;
    uint8_t count = (uint8_t)simd_shift_counts[idx % sizeof(simd_shift_counts)];
    int j;

    memset(in, 0, 14 * sizeof(uint64_t));
    for (i = 0; i < lanes; i++) {
        uint64_t v = vals[(i + idx) % 8], c = count;
        unsigned w = (i * bits) / 64, sh = (i * bits) % 64;

        /* The top bit pattern of v, as a lane of this size. */
        v = bits == 64 ? v : (v >> (64 - bits)) | (v & 1);
        in[2 + w] |= (v & mask) << sh;
        in[4 + w] |= (c & mask) << sh;
    }
    for (j = 0; j < 2; j++) {
        in[j] = 0x1111111111111111ULL;
    }
}

/* Recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57. */
static const SimdShiftCase simd_shift_cases[] = {
#include "data/simd-int-shift-cases.inc"
};

/* ---- Harness ------------------------------------------------------------ */

static CPUARMState *env(void)
{
    return cpu_env(cs);
}

static uint8_t *ram_ptr(uint64_t addr)
{
    g_assert(addr >= RAM_BASE && addr < RAM_BASE + RAM_SIZE);
    return (uint8_t *)memory_region_get_ram_ptr(&ram) + (addr - RAM_BASE);
}

static void put_word(uint64_t addr, uint32_t w)
{
    uint32_t le = GUINT32_TO_LE(w);

    memcpy(ram_ptr(addr), &le, 4);
}

static int run(void)
{
    int r;

    do {
        r = tcg_lite_exec(cs, 100);
    } while (r == EXCP_INTERRUPT);
    return r;
}

/* CPU reset, FP enabled at EL1, the case's inputs, PC at addr. */
static void setup_case(unsigned idx, uint64_t addr)
{
    uint64_t in[14];
    int i;

    simd_case_inputs(idx, in);
    cpu_reset(cs);
    /* EL1h with DAIF masked, as reset leaves it (and cpu.c linked in). */
    arm_pstate_write(env(), 0x3c5);
    env()->cpacr_el1 = 3u << 20;
    for (i = 0; i < 6; i++) {
        env()->vregs[i].d[0] = in[2 * i];
        env()->vregs[i].d[1] = in[2 * i + 1];
    }
    env()->xregs[0] = in[12];
    env()->xregs[1] = in[13];
    env()->fpsr = 0;
    env()->pc = addr;
}

/* Every recorded word: "insn; brk #0" at CODE_BASE + 8 * i. */
static void test_recorded(void)
{
    unsigned i, fails = 0;

    tb_flush();
    for (i = 0; i < ARRAY_SIZE(simd_cases); i++) {
        put_word(CODE_BASE + 8 * i, simd_cases[i].insn);
        put_word(CODE_BASE + 8 * i + 4, 0xd4200000);
    }
    for (i = 0; i < ARRAY_SIZE(simd_cases); i++) {
        const SimdCase *c = &simd_cases[i];
        uint64_t addr = CODE_BASE + 8 * i;
        int r;

        setup_case(i, addr);
        r = run();
        if (c->fpsr == UNDEF) {
            if (r != EXCP_UDEF || env()->pc != addr) {
                g_test_message("case %u %08x (%s): expected UNDEF, got %d",
                               i, c->insn, c->dis, r);
                fails++;
            }
            continue;
        }
        if (r != EXCP_BKPT || env()->vregs[0].d[0] != c->lo ||
            env()->vregs[0].d[1] != c->hi || env()->xregs[0] != c->x0 ||
            env()->fpsr != c->fpsr) {
            g_test_message("case %u %08x (%s): exit %d, v0 %016" PRIx64
                           "%016" PRIx64 " x0 %016" PRIx64 " fpsr %08x; "
                           "expected %016" PRIx64 "%016" PRIx64 " %016"
                           PRIx64 " %08x", i, c->insn, c->dis, r,
                           env()->vregs[0].d[1], env()->vregs[0].d[0],
                           env()->xregs[0], env()->fpsr, c->hi, c->lo,
                           c->x0, c->fpsr);
            fails++;
        }
    }
    g_assert_cmpuint(fails, ==, 0);
}

/* The shift-by-register table: V0 = 0x11..., V1 values, V2 counts. */
static void test_shift_counts(void)
{
    unsigned i, fails = 0;
    uint64_t base = CODE_BASE + 0x20000;

    tb_flush();
    for (i = 0; i < ARRAY_SIZE(simd_shift_cases); i++) {
        put_word(base + 8 * i, simd_shift_cases[i].insn);
        put_word(base + 8 * i + 4, 0xd4200000);
    }
    for (i = 0; i < ARRAY_SIZE(simd_shift_cases); i++) {
        const SimdShiftCase *c = &simd_shift_cases[i];
        uint64_t in[14];
        int j, r;

        setup_case(0, base + 8 * i);
        simd_shift_inputs(i, c->es, in);
        for (j = 0; j < 6; j++) {
            env()->vregs[j].d[0] = in[2 * j];
            env()->vregs[j].d[1] = in[2 * j + 1];
        }
        env()->xregs[0] = in[12];
        env()->xregs[1] = in[13];
        r = run();
        if (r != EXCP_BKPT || env()->vregs[0].d[0] != c->lo ||
            env()->vregs[0].d[1] != c->hi || env()->fpsr != c->fpsr) {
            g_test_message("shift case %u %08x count %d: exit %d, v0 %016"
                           PRIx64 "%016" PRIx64 " fpsr %08x; expected %016"
                           PRIx64 "%016" PRIx64 " %08x", i, c->insn,
                           simd_shift_counts[i % ARRAY_SIZE(simd_shift_counts)],
                           r, env()->vregs[0].d[1], env()->vregs[0].d[0],
                           env()->fpsr, c->hi, c->lo, c->fpsr);
            fails++;
        }
    }
    g_assert_cmpuint(fails, ==, 0);
}

/* CPACR_EL1.FPEN = 0 at EL1: every group traps with EC 0x07 (Kestrel-
 * only: the syndrome is the ARM ARM's, as QEMU reports it). */
static void test_fp_trap(void)
{
    static const uint32_t words[] = {
        0x4e221c20,     /* and v0.16b, v1.16b, v2.16b */
        0x6e228c20,     /* cmeq v0.16b, v1.16b, v2.16b */
        0x4f000400,     /* movi v0.4s, #0x0 */
        0x0e010c20,     /* dup v0.8b, w1 */
        0x4e020020,     /* tbl v0.16b, {v1.16b}, v2.16b */
        0x0f0c8420,     /* shrn v0.8b, v1.8h, #4 */
    };
    unsigned i;

    tb_flush();
    for (i = 0; i < ARRAY_SIZE(words); i++) {
        uint64_t addr = CODE_BASE + 0x10000 + 8 * i;

        put_word(addr, words[i]);
        setup_case(0, addr);
        env()->cpacr_el1 = 0;
        env()->vregs[0].d[0] = 0x1234;
        g_assert_cmpint(run(), ==, EXCP_UDEF);
        g_assert_cmphex(env()->exception.syndrome, ==,
                        arm_syn_fp_access_trap());
        g_assert_cmphex(env()->pc, ==, addr);
        g_assert_cmphex(env()->vregs[0].d[0], ==, 0x1234);
    }
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

    g_test_add_func("/arm-simd-int/recorded", test_recorded);
    g_test_add_func("/arm-simd-int/shift-counts", test_shift_counts);
    g_test_add_func("/arm-simd-int/fp-trap", test_fp_trap);
    return g_test_run();
}
