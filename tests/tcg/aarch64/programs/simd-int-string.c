/*
 * simd-int-string: the Advanced SIMD idioms of Linux's and glibc's string
 * routines (strlen, memchr, strchr, memcmp), written out in assembly so
 * the compiler cannot pick other instructions: CMEQ against zero and a
 * DUP'd byte, SHRN #4 to a 64-bit nibble syndrome, UMAXP/UMINV/ADDV/ADDP
 * reductions, AND/ORR/BIC with MOVI masks, EXT for misaligned data, TBL
 * byte shuffles, FMOV/UMOV to general registers, RBIT+CLZ to find the
 * first match. Prints each syndrome and the results over all alignments.
 */
#include "lib.h"

static uint8_t buf[256] __attribute__((aligned(16)));

/* 16 bytes at p: nibble syndrome of the zero bytes (glibc strlen). */
static uint64_t nul_syndrome(const uint8_t *p)
{
    uint64_t s;

    __asm__ volatile("ld1 {v0.16b}, [%1]\n\t"
            "cmeq v0.16b, v0.16b, #0\n\t"
            "shrn v0.8b, v0.8h, #4\n\t"
            "fmov %0, d0"
            : "=r"(s) : "r"(p) : "v0", "memory");
    return s;
}

/* Bytes equal to c or zero (strchr), syndrome as above. */
static uint64_t chr_syndrome(const uint8_t *p, unsigned c)
{
    uint64_t s;

    __asm__ volatile("dup v1.16b, %w2\n\t"
            "ld1 {v0.16b}, [%1]\n\t"
            "cmeq v2.16b, v0.16b, v1.16b\n\t"
            "cmeq v3.16b, v0.16b, #0\n\t"
            "orr v2.16b, v2.16b, v3.16b\n\t"
            "shrn v2.8b, v2.8h, #4\n\t"
            "fmov %0, d2"
            : "=r"(s) : "r"(p), "r"(c) : "v0", "v1", "v2", "v3", "memory");
    return s;
}

/* The older glibc syndrome: AND with a repeating 0x01,0x04,0x10,0x40
 * mask, two ADDPs, UMOV. Two bits per byte. */
static uint64_t addp_syndrome(const uint8_t *p, unsigned c)
{
    uint64_t s;

    __asm__ volatile("dup v1.16b, %w2\n\t"
            "movi v4.4s, #0x40, lsl #24\n\t"
            "orr v4.4s, #0x10, lsl #16\n\t"
            "orr v4.4s, #0x04, lsl #8\n\t"
            "orr v4.4s, #0x01\n\t"
            "ld1 {v0.16b}, [%1]\n\t"
            "cmeq v2.16b, v0.16b, v1.16b\n\t"
            "and v2.16b, v2.16b, v4.16b\n\t"
            "addp v2.16b, v2.16b, v2.16b\n\t"
            "addp v2.16b, v2.16b, v2.16b\n\t"
            "umov %w0, v2.s[0]"
            : "=r"(s) : "r"(p), "r"(c) : "v0", "v1", "v2", "v4", "memory");
    return s;
}

/* Any zero byte in 32 bytes: UMINP then UMINV, and UMAXP of CMEQ. */
static unsigned minmax_check(const uint8_t *p, unsigned *maxp)
{
    uint64_t mn, mx;

    __asm__ volatile("ld1 {v0.16b, v1.16b}, [%2]\n\t"
            "uminp v2.16b, v0.16b, v1.16b\n\t"
            "uminv b3, v2.16b\n\t"
            "umov %w0, v3.b[0]\n\t"
            "cmeq v4.16b, v0.16b, #0\n\t"
            "cmeq v5.16b, v1.16b, #0\n\t"
            "umaxp v4.16b, v4.16b, v5.16b\n\t"
            "umaxp v4.16b, v4.16b, v4.16b\n\t"
            "fmov %1, d4"
            : "=r"(mn), "=r"(mx) : "r"(p)
            : "v0", "v1", "v2", "v3", "v4", "v5", "memory");
    *maxp = mx != 0;
    return mn;
}

/* Index of the first set nibble of a syndrome (RBIT + CLZ). */
static unsigned first_nibble(uint64_t s)
{
    uint64_t r;

    __asm__ volatile("rbit %0, %1\n\tclz %0, %0" : "=r"(r) : "r"(s));
    return r >> 2;
}

static unsigned simd_strlen(const uint8_t *s)
{
    const uint8_t *p = (const uint8_t *)((uintptr_t)s & ~15ul);
    uint64_t syn = nul_syndrome(p) >> (((uintptr_t)s & 15) * 4);

    if (syn) {
        return first_nibble(syn);
    }
    for (;;) {
        p += 16;
        syn = nul_syndrome(p);
        if (syn) {
            return p - s + first_nibble(syn);
        }
    }
}

/* strchr: offset of c or of the terminator, and which was found. */
static int simd_strchr(const uint8_t *s, unsigned c)
{
    const uint8_t *p = (const uint8_t *)((uintptr_t)s & ~15ul);
    uint64_t syn = chr_syndrome(p, c) >> (((uintptr_t)s & 15) * 4);
    unsigned off;

    if (!syn) {
        for (;;) {
            p += 16;
            syn = chr_syndrome(p, c);
            if (syn) {
                break;
            }
        }
        off = p - s + first_nibble(syn);
    } else {
        off = first_nibble(syn);
    }
    return s[off] == c ? (int)off : -1;
}

/* EXT joins two aligned loads into the misaligned 16 bytes at p + k
 * (k = 0..15, one case per immediate). Returns the XOR of its halves. */
static uint64_t ext_load(const uint8_t *p, unsigned k)
{
    uint64_t r = 0;

#define EXT_CASE(n) case n: __asm__ volatile("ld1 {v0.16b, v1.16b}, [%1]\n\t"       \
        "ext v2.16b, v0.16b, v1.16b, #" #n "\n\t"                           \
        "mov x9, v2.d[0]\n\tmov x10, v2.d[1]\n\teor %0, x9, x10"            \
        : "=r"(r) : "r"(p) : "v0", "v1", "v2", "x9", "x10", "memory"); break;
    switch (k) {
    EXT_CASE(0) EXT_CASE(1) EXT_CASE(2) EXT_CASE(3) EXT_CASE(4)
    EXT_CASE(5) EXT_CASE(6) EXT_CASE(7) EXT_CASE(8) EXT_CASE(9)
    EXT_CASE(10) EXT_CASE(11) EXT_CASE(12) EXT_CASE(13) EXT_CASE(14)
    EXT_CASE(15)
    }
    return r;
}

/* TBL: reverse 16 bytes, and a 2-register table with out-of-range
 * indices (zero) and TBX keeping the destination. */
static void tbl_demo(const uint8_t *p, uint64_t out[4])
{
    static const uint8_t rev_idx[16] __attribute__((aligned(16))) = {
        15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    };
    static const uint8_t wide_idx[16] __attribute__((aligned(16))) = {
        0, 31, 16, 32, 255, 5, 17, 200, 30, 1, 64, 15, 14, 33, 2, 18,
    };

    __asm__ volatile("ld1 {v0.16b, v1.16b}, [%1]\n\t"
            "ld1 {v2.16b}, [%2]\n\t"
            "ld1 {v3.16b}, [%3]\n\t"
            "tbl v4.16b, {v0.16b}, v2.16b\n\t"
            "tbl v5.16b, {v0.16b, v1.16b}, v3.16b\n\t"
            "movi v6.16b, #0xee\n\t"
            "tbx v6.16b, {v0.16b, v1.16b}, v3.16b\n\t"
            "st1 {v4.16b, v5.16b}, [%0], #32\n\t"
            "st1 {v6.16b}, [%0]"
            : "+r"(out) : "r"(p), "r"(rev_idx), "r"(wide_idx)
            : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "memory");
}

/* memcmp-style: first differing byte of two 16-byte blocks via EOR,
 * CMEQ #0, NOT, SHRN; then ADDV of the equal bytes. */
static void diff16(const uint8_t *a, const uint8_t *b, uint64_t *syn,
                   unsigned *nsame)
{
    uint64_t s, n;

    __asm__ volatile("ld1 {v0.16b}, [%2]\n\t"
            "ld1 {v1.16b}, [%3]\n\t"
            "eor v2.16b, v0.16b, v1.16b\n\t"
            "cmeq v3.16b, v2.16b, #0\n\t"
            "not v4.16b, v3.16b\n\t"
            "shrn v4.8b, v4.8h, #4\n\t"
            "fmov %0, d4\n\t"
            "movi v5.16b, #1\n\t"
            "and v3.16b, v3.16b, v5.16b\n\t"
            "addv b6, v3.16b\n\t"
            "umov %w1, v6.b[0]"
            : "=r"(s), "=r"(n) : "r"(a), "r"(b)
            : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "memory");
    *syn = s;
    *nsame = n;
}

int main(void)
{
    uint64_t out[6];
    unsigned i, k;

    for (i = 0; i < sizeof(buf); i++) {
        buf[i] = (uint8_t)(i * 37 + 11) | 1;        /* no zero bytes */
    }
    buf[45] = 0;
    buf[130] = 0;
    buf[200] = 'x';
    buf[201] = 0;

    kprintf("nul syndromes:\n");
    for (i = 0; i < 64; i += 16) {
        kprintf("  %d: %016lx\n", i, nul_syndrome(buf + i));
    }
    kprintf("strlen:");
    for (k = 0; k < 40; k += 3) {
        kprintf(" %d", simd_strlen(buf + k));
    }
    kprintf("\nstrlen from 46:");
    for (k = 46; k < 64; k++) {
        kprintf(" %d", simd_strlen(buf + k));
    }
    kprintf("\nstrchr:");
    for (k = 0; k < 16; k++) {
        kprintf(" %d", simd_strchr(buf + 131 + k, 'x'));
        kprintf("/%d", simd_strchr(buf + k, buf[20]));
    }
    kprintf("\naddp syndromes:");
    for (i = 0; i < 64; i += 16) {
        kprintf(" %08x", (unsigned)addp_syndrome(buf + i, buf[i + 3]));
    }
    kprintf("\nmin/max:");
    for (i = 0; i < 192; i += 32) {
        unsigned mx, mn = minmax_check(buf + i, &mx);
        kprintf(" %u:%u", mn, mx);
    }
    kprintf("\next:");
    for (k = 0; k < 16; k++) {
        kprintf(" %016lx", ext_load(buf + 64, k));
        if (k % 4 == 3) {
            kprintf(k == 15 ? "\n" : "\n   ");
        }
    }
    tbl_demo(buf + 96, out);
    kprintf("tbl: %016lx%016lx\n     %016lx%016lx\n     %016lx%016lx\n",
            out[1], out[0], out[3], out[2], out[5], out[4]);
    memcpy(buf + 224, buf + 160, 16);
    for (k = 0; k < 4; k++) {
        uint64_t syn;
        unsigned same;

        diff16(buf + 160, buf + 224, &syn, &same);
        kprintf("diff %d: %016lx same %d first %d\n", k, syn, same,
                syn ? first_nibble(syn) : 16);
        buf[224 + 15 - 5 * k] ^= 0x40;
    }
    return 0;
}
