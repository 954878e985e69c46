/*
 * Loads and stores of SIMD&FP registers with the general addressing
 * modes: LDR/STR/LDUR/STUR of B, H, S, D and Q (unsigned offset, pre- and
 * post-index, unscaled, register offset with LSL/UXTW/SXTW/SXTX), LDR
 * literal S/D/Q, LDP/STP/LDNP/STNP S/D/Q. Each test starts from known
 * registers and memory and prints V0-V7, V30, V31, the base register's
 * offset and the bytes of memory that changed.
 */
#include "lib.h"
#include "ldst-simd-common.h"

static void t0(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr b1, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t1(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr h1, [x0, #2]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t2(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr s1, [x0, #4]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t3(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr d1, [x0, #8]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t4(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, [x0, #16]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t5(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr b1, [x0, #4095]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t6(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, [x0, #-64]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t7(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr b1, [x0, #1]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t8(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr h1, [x0], #-6\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t9(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr s1, [x0, #-12]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t10(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr d1, [x0], #8\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t11(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, [x0], #-48\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t12(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldur q1, [x0, #-3]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t13(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldur s1, [x0, #1]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t14(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldur h1, [x0, #-1]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t15(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldur b1, [x0, #-64]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t16(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldur d1, [x0, #255]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t17(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr b1, [x0, x2]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t18(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr h1, [x0, x2, lsl #1]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t19(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr s1, [x0, w3, sxtw #2]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t20(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr d1, [x0, w4, uxtw #3]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t21(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, [x0, x2, lsl #4]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t22(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, [x0, w3, sxtw]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t23(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr d1, [x0, x3, sxtx]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t24(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, [x0, x3, sxtx #4]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t25(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str b1, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t26(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str h1, [x0, #2]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t27(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str s1, [x0, #4]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t28(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str d1, [x0, #8]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t29(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str q1, [x0, #16]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t30(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str q1, [x0, #-32]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t31(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str b1, [x0], #3\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t32(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str h1, [x0, #-2]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t33(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str s1, [x0], #-4\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t34(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str d1, [x0, #8]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t35(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str q1, [x0], #16\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t36(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stur q1, [x0, #-7]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t37(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stur d1, [x0, #3]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t38(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stur s1, [x0, #-1]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t39(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stur h1, [x0, #1]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t40(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stur b1, [x0, #-64]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t41(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str b1, [x0, x2]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t42(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str h1, [x0, x3, lsl #1]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t43(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str s1, [x0, w3, sxtw #2]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t44(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str d1, [x0, w4, uxtw]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t45(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "str q1, [x0, x2, lsl #4]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t46(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr s1, 1f\n\t"
                     "b 2f\n\t"
                     ".balign 16\n\t"
                     "1: .quad 0x0123456789abcdef, 0xfedcba9876543210\n\t"
                     "2:\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t47(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr d1, 1f\n\t"
                     "b 2f\n\t"
                     ".balign 16\n\t"
                     "1: .quad 0x0123456789abcdef, 0xfedcba9876543210\n\t"
                     "2:\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t48(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldr q1, 1f\n\t"
                     "b 2f\n\t"
                     ".balign 16\n\t"
                     "1: .quad 0x0123456789abcdef, 0xfedcba9876543210\n\t"
                     "2:\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t49(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldp s1, s2, [x0, #-8]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t50(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldp d1, d2, [x0, #16]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t51(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldp q1, q2, [x0], #-32\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t52(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldnp q1, q2, [x0, #-64]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t53(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldnp s1, s2, [x0, #4]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t54(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldp q30, q31, [x0, #32]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t55(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     ".inst 0x6d400c03\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t56(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldp s5, s6, [x0], #252\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t57(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "ldp q1, q2, [x0, #-1024]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t58(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stp s1, s2, [x0, #-8]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t59(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stp d1, d2, [x0, #16]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t60(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stp q1, q2, [x0], #-32\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t61(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stnp q1, q2, [x0, #-64]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t62(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stnp d1, d2, [x0, #8]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t63(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stp q30, q31, [x0, #-32]!\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t64(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "stnp s7, s0, [x0]\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static void t65(uint8_t *b, uint64_t *o)
{
    __asm__ volatile(PREFILL
                     "sub sp, sp, #32\n\t"
                     "str q1, [sp, #16]\n\t"
                     "ldr q2, [sp, #16]\n\t"
                     "stp d3, d4, [sp, #-16]!\n\t"
                     "ldp q5, q6, [sp], #48\n\t"
                     DUMP : : "r"(b), "r"(o) : CLOBBERS);
}

static const struct test tests[] = {
    { "ldr b1, [x0]", t0 },
    { "ldr h1, [x0, #2]", t1 },
    { "ldr s1, [x0, #4]", t2 },
    { "ldr d1, [x0, #8]", t3 },
    { "ldr q1, [x0, #16]", t4 },
    { "ldr b1, [x0, #4095]", t5 },
    { "ldr q1, [x0, #-64]!", t6 },
    { "ldr b1, [x0, #1]!", t7 },
    { "ldr h1, [x0], #-6", t8 },
    { "ldr s1, [x0, #-12]!", t9 },
    { "ldr d1, [x0], #8", t10 },
    { "ldr q1, [x0], #-48", t11 },
    { "ldur q1, [x0, #-3]", t12 },
    { "ldur s1, [x0, #1]", t13 },
    { "ldur h1, [x0, #-1]", t14 },
    { "ldur b1, [x0, #-64]", t15 },
    { "ldur d1, [x0, #255]", t16 },
    { "ldr b1, [x0, x2]", t17 },
    { "ldr h1, [x0, x2, lsl #1]", t18 },
    { "ldr s1, [x0, w3, sxtw #2]", t19 },
    { "ldr d1, [x0, w4, uxtw #3]", t20 },
    { "ldr q1, [x0, x2, lsl #4]", t21 },
    { "ldr q1, [x0, w3, sxtw]", t22 },
    { "ldr d1, [x0, x3, sxtx]", t23 },
    { "ldr q1, [x0, x3, sxtx #4]", t24 },
    { "str b1, [x0]", t25 },
    { "str h1, [x0, #2]", t26 },
    { "str s1, [x0, #4]", t27 },
    { "str d1, [x0, #8]", t28 },
    { "str q1, [x0, #16]", t29 },
    { "str q1, [x0, #-32]!", t30 },
    { "str b1, [x0], #3", t31 },
    { "str h1, [x0, #-2]!", t32 },
    { "str s1, [x0], #-4", t33 },
    { "str d1, [x0, #8]!", t34 },
    { "str q1, [x0], #16", t35 },
    { "stur q1, [x0, #-7]", t36 },
    { "stur d1, [x0, #3]", t37 },
    { "stur s1, [x0, #-1]", t38 },
    { "stur h1, [x0, #1]", t39 },
    { "stur b1, [x0, #-64]", t40 },
    { "str b1, [x0, x2]", t41 },
    { "str h1, [x0, x3, lsl #1]", t42 },
    { "str s1, [x0, w3, sxtw #2]", t43 },
    { "str d1, [x0, w4, uxtw]", t44 },
    { "str q1, [x0, x2, lsl #4]", t45 },
    { "2:", t46 },
    { "2:", t47 },
    { "2:", t48 },
    { "ldp s1, s2, [x0, #-8]", t49 },
    { "ldp d1, d2, [x0, #16]!", t50 },
    { "ldp q1, q2, [x0], #-32", t51 },
    { "ldnp q1, q2, [x0, #-64]", t52 },
    { "ldnp s1, s2, [x0, #4]", t53 },
    { "ldp q30, q31, [x0, #32]", t54 },
    { "ldp d3, d3, [x0] (as .inst)", t55 },
    { "ldp s5, s6, [x0], #252", t56 },
    { "ldp q1, q2, [x0, #-1024]!", t57 },
    { "stp s1, s2, [x0, #-8]", t58 },
    { "stp d1, d2, [x0, #16]!", t59 },
    { "stp q1, q2, [x0], #-32", t60 },
    { "stnp q1, q2, [x0, #-64]", t61 },
    { "stnp d1, d2, [x0, #8]", t62 },
    { "stp q30, q31, [x0, #-32]!", t63 },
    { "stnp s7, s0, [x0]", t64 },
    { "ldp q5, q6, [sp], #48", t65 },
};

int main(void)
{
    return run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
