/*
 * Advanced SIMD structure loads and stores: LD1-LD4/ST1-ST4 multiple
 * structures (1-4 registers, every arrangement), single structure to and
 * from one lane, LD1R-LD4R, with post-index by immediate and by register,
 * register lists wrapping from V31 to V0, and SP as the base. Each test
 * starts from known registers and memory and prints V0-V7, V30, V31, the
 * base register's offset and the bytes of memory that changed.
 */
#include "lib.h"
#include "ldst-simd-common.h"

static void t0(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.8b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t1(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.16b, v2.16b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t2(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.4h, v2.4h, v3.4h}, [x0], #24\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t3(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.2d, v2.2d, v3.2d, v4.2d}, [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t4(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.1d}, [x0], #8\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t5(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.2s, v2.2s, v3.2s, v4.2s}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t6(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v30.16b, v31.16b, v0.16b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t7(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2 {v1.8h, v2.8h}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t8(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2 {v1.2s, v2.2s}, [x0], #16\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t9(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2 {v1.2d, v2.2d}, [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t10(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2 {v31.16b, v0.16b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t11(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3 {v1.16b, v2.16b, v3.16b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t12(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3 {v1.4h, v2.4h, v3.4h}, [x0], #24\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t13(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3 {v1.4s, v2.4s, v3.4s}, [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t14(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3 {v5.2d, v6.2d, v7.2d}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t15(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v1.4s, v2.4s, v3.4s, v4.4s}, [x0], #64\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t16(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t17(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v30.8h, v31.8h, v0.8h, v1.8h}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t18(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t19(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st1 {v1.8b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t20(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st1 {v1.16b, v2.16b}, [x0], #32\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t21(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st1 {v1.4h, v2.4h, v3.4h}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t22(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st1 {v30.2d, v31.2d, v0.2d, v1.2d}, [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t23(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st2 {v1.8h, v2.8h}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t24(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st2 {v1.2s, v2.2s}, [x0], #16\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t25(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st2 {v6.2d, v7.2d}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t26(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st3 {v1.16b, v2.16b, v3.16b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t27(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st3 {v1.4h, v2.4h, v3.4h}, [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t28(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st3 {v31.2s, v0.2s, v1.2s}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t29(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st4 {v1.4s, v2.4s, v3.4s, v4.4s}, [x0], #64\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t30(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t31(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st4 {v4.2d, v5.2d, v6.2d, v7.2d}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t32(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.b}[15], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t33(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.h}[3], [x0], #2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t34(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.s}[2], [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t35(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1 {v1.d}[1], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t36(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2 {v1.s, v2.s}[1], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t37(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2 {v1.b, v2.b}[12], [x0], #2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t38(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3 {v1.d, v2.d, v3.d}[1], [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t39(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3 {v1.h, v2.h, v3.h}[5], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t40(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v1.b, v2.b, v3.b, v4.b}[9], [x0], #4\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t41(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v30.h, v31.h, v0.h, v1.h}[7], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t42(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4 {v1.s, v2.s, v3.s, v4.s}[0], [x0], #16\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t43(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st1 {v1.b}[5], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t44(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st1 {v1.d}[1], [x0], #8\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t45(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st2 {v1.h, v2.h}[6], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t46(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st3 {v1.s, v2.s, v3.s}[3], [x0], #12\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t47(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st4 {v1.d, v2.d, v3.d, v4.d}[0], [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t48(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "st4 {v31.b, v0.b, v1.b, v2.b}[13], [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t49(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1r {v1.8b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t50(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1r {v1.2d}, [x0], #8\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t51(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2r {v1.4h, v2.4h}, [x0], #4\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t52(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld3r {v1.4s, v2.4s, v3.4s}, [x0], x2\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t53(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4r {v1.16b, v2.16b, v3.16b, v4.16b}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t54(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld4r {v1.1d, v2.1d, v3.1d, v4.1d}, [x0], #32\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t55(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld1r {v31.2s}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t56(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ld2r {v31.8h, v0.8h}, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t57(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "sub sp, sp, #64\n\t"
                     "st1 {v1.16b, v2.16b}, [sp]\n\t"
                     "ld2 {v3.16b, v4.16b}, [sp], #32\n\t"
                     "ld1 {v5.2d}, [sp]\n\t"
                     "add sp, sp, #32\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static const struct test tests[] = {
    { "ld1 {v1.8b}, [x0]", t0 },
    { "ld1 {v1.16b, v2.16b}, [x0]", t1 },
    { "ld1 {v1.4h, v2.4h, v3.4h}, [x0], #24", t2 },
    { "ld1 {v1.2d, v2.2d, v3.2d, v4.2d}, [x0], x2", t3 },
    { "ld1 {v1.1d}, [x0], #8", t4 },
    { "ld1 {v1.2s, v2.2s, v3.2s, v4.2s}, [x0]", t5 },
    { "ld1 {v30.16b, v31.16b, v0.16b}, [x0]", t6 },
    { "ld2 {v1.8h, v2.8h}, [x0]", t7 },
    { "ld2 {v1.2s, v2.2s}, [x0], #16", t8 },
    { "ld2 {v1.2d, v2.2d}, [x0], x2", t9 },
    { "ld2 {v31.16b, v0.16b}, [x0]", t10 },
    { "ld3 {v1.16b, v2.16b, v3.16b}, [x0]", t11 },
    { "ld3 {v1.4h, v2.4h, v3.4h}, [x0], #24", t12 },
    { "ld3 {v1.4s, v2.4s, v3.4s}, [x0], x2", t13 },
    { "ld3 {v5.2d, v6.2d, v7.2d}, [x0]", t14 },
    { "ld4 {v1.4s, v2.4s, v3.4s, v4.4s}, [x0], #64", t15 },
    { "ld4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x0]", t16 },
    { "ld4 {v30.8h, v31.8h, v0.8h, v1.8h}, [x0]", t17 },
    { "ld4 {v1.2d, v2.2d, v3.2d, v4.2d}, [x0]", t18 },
    { "st1 {v1.8b}, [x0]", t19 },
    { "st1 {v1.16b, v2.16b}, [x0], #32", t20 },
    { "st1 {v1.4h, v2.4h, v3.4h}, [x0]", t21 },
    { "st1 {v30.2d, v31.2d, v0.2d, v1.2d}, [x0], x2", t22 },
    { "st2 {v1.8h, v2.8h}, [x0]", t23 },
    { "st2 {v1.2s, v2.2s}, [x0], #16", t24 },
    { "st2 {v6.2d, v7.2d}, [x0]", t25 },
    { "st3 {v1.16b, v2.16b, v3.16b}, [x0]", t26 },
    { "st3 {v1.4h, v2.4h, v3.4h}, [x0], x2", t27 },
    { "st3 {v31.2s, v0.2s, v1.2s}, [x0]", t28 },
    { "st4 {v1.4s, v2.4s, v3.4s, v4.4s}, [x0], #64", t29 },
    { "st4 {v1.8b, v2.8b, v3.8b, v4.8b}, [x0]", t30 },
    { "st4 {v4.2d, v5.2d, v6.2d, v7.2d}, [x0]", t31 },
    { "ld1 {v1.b}[15], [x0]", t32 },
    { "ld1 {v1.h}[3], [x0], #2", t33 },
    { "ld1 {v1.s}[2], [x0], x2", t34 },
    { "ld1 {v1.d}[1], [x0]", t35 },
    { "ld2 {v1.s, v2.s}[1], [x0]", t36 },
    { "ld2 {v1.b, v2.b}[12], [x0], #2", t37 },
    { "ld3 {v1.d, v2.d, v3.d}[1], [x0], x2", t38 },
    { "ld3 {v1.h, v2.h, v3.h}[5], [x0]", t39 },
    { "ld4 {v1.b, v2.b, v3.b, v4.b}[9], [x0], #4", t40 },
    { "ld4 {v30.h, v31.h, v0.h, v1.h}[7], [x0]", t41 },
    { "ld4 {v1.s, v2.s, v3.s, v4.s}[0], [x0], #16", t42 },
    { "st1 {v1.b}[5], [x0]", t43 },
    { "st1 {v1.d}[1], [x0], #8", t44 },
    { "st2 {v1.h, v2.h}[6], [x0]", t45 },
    { "st3 {v1.s, v2.s, v3.s}[3], [x0], #12", t46 },
    { "st4 {v1.d, v2.d, v3.d, v4.d}[0], [x0], x2", t47 },
    { "st4 {v31.b, v0.b, v1.b, v2.b}[13], [x0]", t48 },
    { "ld1r {v1.8b}, [x0]", t49 },
    { "ld1r {v1.2d}, [x0], #8", t50 },
    { "ld2r {v1.4h, v2.4h}, [x0], #4", t51 },
    { "ld3r {v1.4s, v2.4s, v3.4s}, [x0], x2", t52 },
    { "ld4r {v1.16b, v2.16b, v3.16b, v4.16b}, [x0]", t53 },
    { "ld4r {v1.1d, v2.1d, v3.1d, v4.1d}, [x0], #32", t54 },
    { "ld1r {v31.2s}, [x0]", t55 },
    { "ld2r {v31.8h, v0.8h}, [x0]", t56 },
    { "ld1 {v5.2d}, [sp]", t57 },
};

int main(void)
{
    return run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
