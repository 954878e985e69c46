/*
 * ldst-simd-common.h: the harness of the ldst-simd-*.c programs. A test
 * is a function that loads V0-V7, V30, V31 with known patterns, sets
 * x0 = the middle of a buffer of known bytes, x2 = 2, x3 = -4, x4 = 8,
 * runs its instructions and stores the registers and x0 back; run_tests
 * prints what each test changed (registers in full, x0 as an offset, the
 * memory bytes that differ), so the output depends on no address.
 */
#ifndef LDST_SIMD_COMMON_H
#define LDST_SIMD_COMMON_H

#include <stdint.h>

#define BUF_SIZE 5120
#define BUF_MID 1024

/* V<n> = (0x<n>0<n>1..., 0x<n>8<n>9...) from x9/x10 */
#define PF(n) "ldr x9, =0x" #n "0" #n "1" #n "2" #n "3" #n "4" #n "5" #n "6" #n "7\n\t" \
              "ldr x10, =0x" #n "8" #n "9" #n "a" #n "b" #n "c" #n "d" #n "e" #n "f\n\t" \
              "fmov d" #n ", x9\n\tfmov v" #n ".d[1], x10\n\t"
#define PF2(n, h) "ldr x9, =0x" h "0" h "1" h "2" h "3" h "4" h "5" h "6" h "7\n\t" \
              "ldr x10, =0x" h "8" h "9" h "a" h "b" h "c" h "d" h "e" h "f\n\t" \
              "fmov d" #n ", x9\n\tfmov v" #n ".d[1], x10\n\t"
#define PREFILL "mov x0, %0\n\tmov x2, #2\n\tmov x3, #-4\n\tmov x4, #8\n\t" \
    PF(1) PF(2) PF(3) PF(4) PF(5) PF(6) PF(7) PF2(0, "f") PF2(30, "c") PF2(31, "d")
#define DV(n, off) "fmov x9, d" #n "\n\tfmov x10, v" #n ".d[1]\n\t" \
                   "stp x9, x10, [%1, #" #off "]\n\t"
#define DUMP DV(0, 0) DV(1, 16) DV(2, 32) DV(3, 48) DV(4, 64) DV(5, 80) \
    DV(6, 96) DV(7, 112) DV(30, 128) DV(31, 144) "str x0, [%1, #160]\n\t"
#define CLOBBERS "x0", "x2", "x3", "x4", "x9", "x10", "v0", "v1", "v2", \
    "v3", "v4", "v5", "v6", "v7", "v30", "v31", "memory"

struct test {
    const char *name;
    void (*fn)(uint8_t *b, uint64_t *o);
};

static uint8_t buf[BUF_SIZE] __attribute__((aligned(64)));

static const unsigned vnum[11] = { 0, 1, 2, 3, 4, 5, 6, 7, 30, 31 };

static uint64_t pattern_half(unsigned n, unsigned half)
{
    /* The value PF(n) gives: nibbles n,0,n,1,... from the top. */
    uint64_t v = 0;
    unsigned i, d = n == 0 ? 15 : n == 30 ? 12 : n == 31 ? 13 : n;

    for (i = 0; i < 8; i++) {
        v = v << 8 | (uint64_t)(d << 4 | (half * 8 + i));
    }
    return v;
}

static int run_tests(const struct test *t, unsigned n)
{
    uint64_t out[21];
    unsigned i, r, j;

    for (i = 0; i < n; i++) {
        for (j = 0; j < BUF_SIZE; j++) {
            buf[j] = (uint8_t)(j * 7 + 3);
        }
        t[i].fn(buf + BUF_MID, out);
        kprintf("%s: x0%c%ld\n", t[i].name,
                out[20] >= (uint64_t)(buf + BUF_MID) ? '+' : '-',
                (long)(out[20] >= (uint64_t)(buf + BUF_MID)
                       ? out[20] - (uint64_t)(buf + BUF_MID)
                       : (uint64_t)(buf + BUF_MID) - out[20]));
        for (r = 0; r < 10; r++) {
            if (out[2 * r] != pattern_half(vnum[r], 0) ||
                out[2 * r + 1] != pattern_half(vnum[r], 1)) {
                kprintf("  v%u = %016lx %016lx\n", vnum[r], out[2 * r + 1],
                        out[2 * r]);
            }
        }
        for (j = 0; j < BUF_SIZE; j++) {
            if (buf[j] != (uint8_t)(j * 7 + 3)) {
                kprintf("  mem[%d] = %02x\n", (int)j - BUF_MID, buf[j]);
            }
        }
    }
    return 0;
}

#endif
