/*
 * Bare-metal AArch64 program that records the reference hashes for the
 * softfloat unit test: it runs every line of ops.def as a real instruction
 * under each FPCR of gen.h and prints one "{ name, hash }" line per
 * operation on the PL011 of QEMU's virt board. How to run it is in
 * docs/devel/fpu.md. -DREF_VERBOSE prints every case instead of hashes.
 */
#include <stdint.h>
#include "gen.h"

__asm__(".global _start\n"
        "_start:\n"
        "    ldr x0, =0x48000000\n"
        "    mov sp, x0\n"
        "    mov x0, #(3 << 20)\n"          /* CPACR_EL1.FPEN: no FP traps */
        "    msr cpacr_el1, x0\n"
        "    isb\n"
        "    bl ref_main\n"
        "    adr x1, 2f\n"                  /* semihosting SYS_EXIT */
        "    mov w0, #0x18\n"
        "    hlt #0xf000\n"
        "1:  b 1b\n"
        "    .align 3\n"
        "2:  .quad 0x20026, 0\n");

#define S_V "s"
#define S_G "w"
#define D_V "d"
#define D_G "x"
#define H_V "h"
#define H_G "w"

static void ref_putc(char c)
{
    *(volatile uint32_t *)0x09000000 = (uint8_t)c;
}

static void ref_puts(const char *s)
{
    while (*s) {
        ref_putc(*s++);
    }
}

static void ref_puthex(uint64_t v)
{
    char buf[17];
    int n = 0;
    do {
        buf[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    while (n) {
        ref_putc(buf[--n]);
    }
}

#define UNUSED __attribute__((unused))
#define FN(n) static uint64_t arm_##n(uint64_t a, UNUSED uint64_t b,        \
                                      UNUSED uint64_t c)
#define BIN(n, F, insn, host) FN(n) { uint64_t r; __asm__ volatile(         \
    "fmov " F##_V "0, %" F##_G "1\n fmov " F##_V "1, %" F##_G "2\n "        \
    insn " " F##_V "0, " F##_V "0, " F##_V "1\n fmov %" F##_G "0, " F##_V   \
    "0" : "=&r"(r) : "r"(a), "r"(b) : "v0", "v1"); return r; }
#define UN(n, F, insn, host) FN(n) { uint64_t r; __asm__ volatile(          \
    "fmov " F##_V "0, %" F##_G "1\n " insn " " F##_V "0, " F##_V "0\n "     \
    "fmov %" F##_G "0, " F##_V "0" : "=&r"(r) : "r"(a) : "v0"); return r; }
#define TER(n, F, insn, host) FN(n) { uint64_t r; __asm__ volatile(         \
    "fmov " F##_V "0, %" F##_G "1\n fmov " F##_V "1, %" F##_G "2\n "        \
    "fmov " F##_V "2, %" F##_G "3\n " insn " " F##_V "0, " F##_V "0, "      \
    F##_V "1, " F##_V "2\n fmov %" F##_G "0, " F##_V "0" : "=&r"(r)         \
    : "r"(a), "r"(b), "r"(c) : "v0", "v1", "v2"); return r; }
#define CMP(n, F, insn, host) FN(n) { uint64_t r; __asm__ volatile(         \
    "fmov " F##_V "0, %" F##_G "1\n fmov " F##_V "1, %" F##_G "2\n "        \
    insn " " F##_V "0, " F##_V "1\n mrs %0, nzcv" : "=&r"(r)                \
    : "r"(a), "r"(b) : "v0", "v1", "cc"); return r >> 28; }
#define TOI(n, F, G, insn, host) FN(n) { uint64_t r; __asm__ volatile(      \
    "fmov " F##_V "0, %" F##_G "1\n " insn " %" #G "0, " F##_V "0"          \
    : "=&r"(r) : "r"(a) : "v0"); return r; }
#define TOIF(n, F, G, insn, fb, host) FN(n) { uint64_t r; __asm__ volatile( \
    "fmov " F##_V "0, %" F##_G "1\n " insn " %" #G "0, " F##_V "0, #" #fb   \
    : "=&r"(r) : "r"(a) : "v0"); return r; }
#define FROMI(n, F, G, insn, host) FN(n) { uint64_t r; __asm__ volatile(    \
    insn " " F##_V "0, %" #G "1\n fmov %" F##_G "0, " F##_V "0"             \
    : "=&r"(r) : "r"(a) : "v0"); return r; }
#define FROMIF(n, F, G, insn, fb, host) FN(n) { uint64_t r;                 \
    __asm__ volatile(insn " " F##_V "0, %" #G "1, #" #fb "\n fmov %"        \
    F##_G "0, " F##_V "0" : "=&r"(r) : "r"(a) : "v0"); return r; }
#define CVT(n, F, T, insn, host) FN(n) { uint64_t r; __asm__ volatile(      \
    "fmov " F##_V "0, %" F##_G "1\n " insn " " T##_V "1, " F##_V "0\n "     \
    "fmov %" T##_G "0, " T##_V "1" : "=&r"(r) : "r"(a) : "v0", "v1");       \
    return r; }
#define JS(n, F, insn, host) FN(n) { uint64_t r, z; __asm__ volatile(     \
    "fmov d0, %2\n " insn " %w0, d0\n mrs %1, nzcv" : "=&r"(r), "=&r"(z)   \
    : "r"(a) : "v0", "cc"); return r | (z >> 28) << 32; }
#define UNV(n, F, insn, host) FN(n) { uint64_t r; __asm__ volatile(         \
    "fmov " F##_V "0, %" F##_G "1\n " insn "\n fmov %" F##_G "0, " F##_V   \
    "0" : "=&r"(r) : "r"(a) : "v0"); return r; }
#define W16(n, F, insn, host) FN(n) { uint64_t r; __asm__ volatile(         \
    "fmov s0, %w3\n fmov h1, %w1\n fmov h2, %w2\n " insn "\n fmov %w0, s0" \
    : "=&r"(r) : "r"(a), "r"(b), "r"(c) : "v0", "v1", "v2"); return r; }
#include "ops.def"
#undef BIN
#undef UN
#undef TER
#undef CMP
#undef TOI
#undef TOIF
#undef FROMI
#undef FROMIF
#undef CVT
#undef JS
#undef UNV
#undef W16

typedef struct RefOp {
    const char *name;
    uint64_t (*fn)(uint64_t, uint64_t, uint64_t);
    int ebits, fbits;           /* 0: integer operand */
} RefOp;

#define BIN(n, F, insn, host) { #n, arm_##n, REF_##F##_E, REF_##F##_F },
#define UN BIN
#define TER BIN
#define CMP BIN
#define TOI(n, F, G, insn, host) BIN(n, F, insn, host)
#define TOIF(n, F, G, insn, fb, host) BIN(n, F, insn, host)
#define FROMI(n, F, G, insn, host) { #n, arm_##n, 0, 0 },
#define FROMIF(n, F, G, insn, fb, host) { #n, arm_##n, 0, 0 },
#define CVT(n, F, T, insn, host) BIN(n, F, insn, host)
#define JS BIN
#define UNV BIN
#define W16 BIN
static const RefOp ref_ops[] = {
#include "ops.def"
};

void ref_main(void);
void ref_main(void)
{
    for (unsigned o = 0; o < sizeof(ref_ops) / sizeof(ref_ops[0]); o++) {
        const RefOp *op = &ref_ops[o];
        RefRng rng = ref_seed(op->name);
        uint64_t h = REF_HASH_INIT;

        for (unsigned k = 0; k < REF_NFPCR; k++) {
            for (int i = 0; i < REF_CASES; i++) {
                uint64_t a, b = 0, c = 0, r, fpsr;
                if (op->ebits) {
                    a = ref_operand(&rng, op->ebits, op->fbits);
                    b = ref_operand(&rng, op->ebits, op->fbits);
                    c = ref_operand(&rng, op->ebits, op->fbits);
                } else {
                    a = ref_int(&rng);
                }
                __asm__ volatile("msr fpcr, %0\n msr fpsr, xzr"
                                 : : "r"((uint64_t)ref_fpcr[k]) : "memory");
                r = op->fn(a, b, c);
                __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr) : : "memory");
                h = ref_hash(h, r, fpsr & 0x9f);
#ifdef REF_VERBOSE
                ref_puts(op->name);
                ref_putc(' ');
                ref_puthex(k);
                ref_putc(' ');
                ref_puthex(a);
                ref_putc(' ');
                ref_puthex(b);
                ref_putc(' ');
                ref_puthex(c);
                ref_putc(' ');
                ref_puthex(r);
                ref_putc(' ');
                ref_puthex(fpsr & 0x9f);
                ref_putc('\n');
#endif
            }
        }
        ref_puts("    { \"");
        ref_puts(op->name);
        ref_puts("\", 0x");
        ref_puthex(h);
        ref_puts("ull },\n");
    }
}
