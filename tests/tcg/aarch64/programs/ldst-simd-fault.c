/*
 * SIMD&FP loads and stores that fault part-way: the access runs off the
 * end of RAM (128 MiB at 0x40000000, QEMU's default) into unmapped space,
 * so the data abort comes on a later element or register than the first.
 * Printed: the syndrome, FAR, the base register (unchanged) and, for
 * stores, the bytes written before the fault. The destination registers
 * of a faulting load are UNKNOWN in the ARM ARM and differ: QEMU 7.2
 * writes the elements it loaded before the fault, Kestrel leaves them all
 * unchanged (tests/unit/test-arm-fp.c checks that), so they are not
 * printed. Also accesses that cross a page boundary inside RAM.
 */
#include "lib.h"
#include "ldst-simd-common.h"

#define RAM_END 0x48000000ul

static volatile unsigned faults;
static volatile uint64_t fault_esr, fault_far;

static void handler(struct exc_regs *r, unsigned vector)
{
    faults++;
    fault_esr = r->esr;
    fault_far = r->far;
    r->elr += 4;
}

#define T(name, insn)                                                      \
    static void name(uint8_t *b, uint64_t *o)                              \
    {                                                                      \
        __asm__ volatile(PREFILL insn "\n\t" DUMP                          \
                         : : "r"(b), "r"(o) : CLOBBERS);                   \
    }

T(f_ld4, "ld4 {v1.16b, v2.16b, v3.16b, v4.16b}, [x0], #64")
T(f_ld1x4, "ld1 {v1.2d, v2.2d, v3.2d, v4.2d}, [x0], x2")
T(f_ldpq, "ldp q1, q2, [x0], #32")
T(f_ldpq_pre, "ldp q1, q2, [x0, #-16]!")
T(f_ldrq, "ldr q1, [x0, #8]!")
T(f_ld3r, "ld3r {v1.4s, v2.4s, v3.4s}, [x0], #12")
T(f_ld4lane, "ld4 {v1.s, v2.s, v3.s, v4.s}[2], [x0], #16")
T(f_st1x4, "st1 {v1.16b, v2.16b, v3.16b, v4.16b}, [x0], #64")
T(f_st2, "st2 {v1.4s, v2.4s}, [x0], #32")
T(f_stpq, "stp q1, q2, [x0], #32")
T(f_strq, "str q1, [x0], #16")
T(f_st4lane, "st4 {v1.h, v2.h, v3.h, v4.h}[1], [x0], #8")
T(c_ld4, "ld4 {v1.8h, v2.8h, v3.8h, v4.8h}, [x0], #64")
T(c_st3, "st3 {v1.16b, v2.16b, v3.16b}, [x0], #48")
T(c_ldpq, "ldp q1, q2, [x0]")
T(c_ld1lane, "ld1 {v1.d}[1], [x0]")
T(c_ld1q, "ld1 {v1.16b}, [x0], #16")
T(c_st1q, "st1 {v1.8h}, [x0], x2")
T(f_ld1q, "ld1 {v1.4s}, [x0]")
T(f_st1q, "st1 {v1.2d}, [x0], #16")

static const struct {
    const char *name;
    void (*fn)(uint8_t *, uint64_t *);
    unsigned back;      /* bytes before RAM end, or 0: page test */
} ft[] = {
    { "ld4 16b at end-32", f_ld4, 32 }, { "ld1 x4 2d at end-40", f_ld1x4, 40 },
    { "ldp q at end-16", f_ldpq, 16 }, { "ldp q pre at end-8", f_ldpq_pre, 8 },
    { "ldr q pre at end-12", f_ldrq, 12 }, { "ld3r 4s at end-8", f_ld3r, 8 },
    { "ld4 s lane at end-12", f_ld4lane, 12 },
    { "st1 x4 16b at end-40", f_st1x4, 40 }, { "st2 4s at end-24", f_st2, 24 },
    { "stp q at end-20", f_stpq, 20 }, { "str q at end-8", f_strq, 8 },
    { "st4 h lane at end-6", f_st4lane, 6 },
    { "ld1 4s at end-8", f_ld1q, 8 }, { "st1 2d at end-12", f_st1q, 12 },
};

static const struct {
    const char *name;
    void (*fn)(uint8_t *, uint64_t *);
    unsigned back;
} pt[] = {
    { "ld4 8h across a page", c_ld4, 24 }, { "st3 16b across", c_st3, 5 },
    { "ldp q across", c_ldpq, 17 }, { "ld1 d lane across", c_ld1lane, 3 },
    { "ld1 16b across", c_ld1q, 9 }, { "st1 8h across", c_st1q, 7 },
};

static uint8_t page_buf[8192] __attribute__((aligned(4096)));

static void show(const char *name, uint64_t *out, uint64_t base)
{
    kprintf("%s: faults %u esr %lx far-end %ld x0 %s\n", name, faults,
            fault_esr, (long)(fault_far - RAM_END),
            out[20] == base ? "unchanged" : "moved");
}

int main(void)
{
    uint64_t out[21];
    unsigned i, j;

    set_exc_handler(handler);
    for (i = 0; i < sizeof(ft) / sizeof(ft[0]); i++) {
        uint8_t *p = (uint8_t *)(RAM_END - 64);
        for (j = 0; j < 64; j++) {
            p[j] = (uint8_t)(j + 0x40);
        }
        faults = 0;
        fault_esr = fault_far = 0;
        ft[i].fn((uint8_t *)(RAM_END - ft[i].back), out);
        show(ft[i].name, out, RAM_END - ft[i].back);
        for (j = 0; j < 64; j++) {
            if (p[j] != (uint8_t)(j + 0x40)) {
                kprintf("  mem[end-%u] = %02x\n", 64 - j, p[j]);
            }
        }
    }
    for (i = 0; i < sizeof(pt) / sizeof(pt[0]); i++) {
        uint8_t *b = page_buf + 4096 - pt[i].back;
        for (j = 0; j < sizeof(page_buf); j++) {
            page_buf[j] = (uint8_t)(j * 5 + 1);
        }
        faults = 0;
        pt[i].fn(b, out);
        kprintf("%s: faults %u x0%c%ld\n", pt[i].name, faults,
                out[20] >= (uint64_t)b ? '+' : '-',
                (long)(out[20] >= (uint64_t)b ? out[20] - (uint64_t)b
                                             : (uint64_t)b - out[20]));
        for (j = 0; j < 10; j++) {
            if (out[2 * j] != pattern_half(vnum[j], 0) ||
                out[2 * j + 1] != pattern_half(vnum[j], 1)) {
                kprintf("  v%u = %016lx %016lx\n", vnum[j], out[2 * j + 1],
                        out[2 * j]);
            }
        }
        for (j = 0; j < sizeof(page_buf); j++) {
            if (page_buf[j] != (uint8_t)(j * 5 + 1)) {
                kprintf("  mem[page %d] = %02x\n", (int)j - 4096, page_buf[j]);
            }
        }
    }
    return 0;
}
