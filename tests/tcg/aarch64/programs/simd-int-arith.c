/*
 * simd-int-arith: one Advanced SIMD integer instruction of each form
 * (three same, three different, two-register misc, across lanes, copy,
 * modified immediate, shifts by immediate, by element, EXT, TBL/TBX,
 * permutes; vector and scalar) run on 16 sets of operands from a fixed
 * pseudo-random sequence with saturation-prone lanes (0, 1, -1, the
 * signed limits). Each line prints a hash of V0 and X0 over the sets and
 * how many sets raised FPSR.QC, so a difference names the instruction.
 */
#include "lib.h"

struct op_regs {
    uint64_t v[10];         /* V0-V4 (lo, hi) */
    uint64_t x1, pad;
    uint64_t out[4];        /* V0 lo, hi, X0, FPSR */
} __attribute__((aligned(16)));

typedef void op_fn(struct op_regs *r);

#define OP(fn, insn)                                                       \
static void fn(struct op_regs *r)                                          \
{                                                                          \
    __asm__ volatile("ld1 {v0.2d, v1.2d, v2.2d, v3.2d}, [%0]\n\t"         \
                     "add x9, %0, #64\n\t"                                 \
                     "ld1 {v4.2d}, [x9]\n\t"                               \
                     "ldr x1, [%0, #80]\n\t"                               \
                     "mov x0, x1\n\t"                                       \
                     "msr fpsr, xzr\n\t"                                    \
                     insn "\n\t"                                            \
                     "mrs x10, fpsr\n\t"                                    \
                     "str q0, [%0, #96]\n\t"                                \
                     "stp x0, x10, [%0, #112]"                               \
                     : : "r"(r)                                            \
                     : "x0", "x1", "x9", "x10", "v0", "v1", "v2", "v3",    \
                       "v4", "memory");                                    \
}

OP(op0, "add v0.16b, v1.16b, v2.16b")
OP(op1, "sub v0.8h, v1.8h, v2.8h")
OP(op2, "add d0, d1, d2")
OP(op3, "mul v0.4s, v1.4s, v2.4s")
OP(op4, "mla v0.8h, v1.8h, v2.8h")
OP(op5, "mls v0.16b, v1.16b, v2.16b")
OP(op6, "pmul v0.16b, v1.16b, v2.16b")
OP(op7, "bsl v0.16b, v1.16b, v2.16b")
OP(op8, "bit v0.8b, v1.8b, v2.8b")
OP(op9, "bif v0.16b, v1.16b, v2.16b")
OP(op10, "orn v0.16b, v1.16b, v2.16b")
OP(op11, "bic v0.8b, v1.8b, v2.8b")
OP(op12, "eor v0.16b, v1.16b, v2.16b")
OP(op13, "cmeq v0.8h, v1.8h, v2.8h")
OP(op14, "cmge v0.4s, v1.4s, v2.4s")
OP(op15, "cmgt v0.2d, v1.2d, v2.2d")
OP(op16, "cmhi v0.16b, v1.16b, v2.16b")
OP(op17, "cmhs d0, d1, d2")
OP(op18, "cmtst v0.4h, v1.4h, v2.4h")
OP(op19, "shadd v0.16b, v1.16b, v2.16b")
OP(op20, "urhadd v0.4s, v1.4s, v2.4s")
OP(op21, "srhadd v0.8h, v1.8h, v2.8h")
OP(op22, "uhsub v0.8b, v1.8b, v2.8b")
OP(op23, "sqadd v0.16b, v1.16b, v2.16b")
OP(op24, "uqadd v0.2d, v1.2d, v2.2d")
OP(op25, "sqsub s0, s1, s2")
OP(op26, "uqsub h0, h1, h2")
OP(op27, "sshl v0.16b, v1.16b, v2.16b")
OP(op28, "ushl v0.2d, v1.2d, v2.2d")
OP(op29, "srshl v0.4s, v1.4s, v2.4s")
OP(op30, "urshl d0, d1, d2")
OP(op31, "sqshl v0.8h, v1.8h, v2.8h")
OP(op32, "uqshl b0, b1, b2")
OP(op33, "sqrshl v0.2d, v1.2d, v2.2d")
OP(op34, "uqrshl v0.4s, v1.4s, v2.4s")
OP(op35, "smax v0.8h, v1.8h, v2.8h")
OP(op36, "uminp v0.16b, v1.16b, v2.16b")
OP(op37, "smaxp v0.4s, v1.4s, v2.4s")
OP(op38, "sabd v0.16b, v1.16b, v2.16b")
OP(op39, "uaba v0.8h, v1.8h, v2.8h")
OP(op40, "addp v0.2d, v1.2d, v2.2d")
OP(op41, "addp d0, v1.2d")
OP(op42, "sqdmulh v0.8h, v1.8h, v2.8h")
OP(op43, "sqrdmulh s0, s1, s2")
OP(op44, "saddl v0.8h, v1.8b, v2.8b")
OP(op45, "uaddl2 v0.2d, v1.4s, v2.4s")
OP(op46, "ssubw v0.4s, v1.4s, v2.4h")
OP(op47, "usubw2 v0.8h, v1.8h, v2.16b")
OP(op48, "addhn v0.8b, v1.8h, v2.8h")
OP(op49, "raddhn2 v0.4s, v1.2d, v2.2d")
OP(op50, "rsubhn v0.4h, v1.4s, v2.4s")
OP(op51, "sabal v0.2d, v1.2s, v2.2s")
OP(op52, "uabdl2 v0.8h, v1.16b, v2.16b")
OP(op53, "smlal v0.4s, v1.4h, v2.4h")
OP(op54, "umlsl2 v0.2d, v1.4s, v2.4s")
OP(op55, "smull v0.8h, v1.8b, v2.8b")
OP(op56, "sqdmull v0.4s, v1.4h, v2.4h")
OP(op57, "sqdmlal2 v0.2d, v1.4s, v2.4s")
OP(op58, "sqdmlsl s0, h1, h2")
OP(op59, "sqdmull d0, s1, s2")
OP(op60, "rev64 v0.16b, v1.16b")
OP(op61, "rev32 v0.8h, v1.8h")
OP(op62, "rev16 v0.8b, v1.8b")
OP(op63, "saddlp v0.4s, v1.8h")
OP(op64, "uadalp v0.1d, v1.2s")
OP(op65, "cls v0.4s, v1.4s")
OP(op66, "clz v0.16b, v1.16b")
OP(op67, "cnt v0.8b, v1.8b")
OP(op68, "not v0.16b, v1.16b")
OP(op69, "rbit v0.16b, v1.16b")
OP(op70, "suqadd v0.8h, v1.8h")
OP(op71, "usqadd d0, d1")
OP(op72, "sqabs v0.16b, v1.16b")
OP(op73, "sqneg s0, s1")
OP(op74, "abs v0.2d, v1.2d")
OP(op75, "neg d0, d1")
OP(op76, "cmgt v0.4s, v1.4s, #0")
OP(op77, "cmle v0.8h, v1.8h, #0")
OP(op78, "cmlt d0, d1, #0")
OP(op79, "cmeq v0.16b, v1.16b, #0")
OP(op80, "xtn2 v0.16b, v1.8h")
OP(op81, "sqxtn v0.4h, v1.4s")
OP(op82, "uqxtn2 v0.4s, v1.2d")
OP(op83, "sqxtun b0, h1")
OP(op84, "shll2 v0.4s, v1.8h, #16")
OP(op85, "addv b0, v1.16b")
OP(op86, "smaxv h0, v1.8h")
OP(op87, "uminv s0, v1.4s")
OP(op88, "saddlv d0, v1.4s")
OP(op89, "uaddlv h0, v1.8b")
OP(op90, "dup v0.8h, v1.h[5]")
OP(op91, "dup v0.2d, x1")
OP(op92, "mov v0.s[3], w1")
OP(op93, "mov v0.b[9], v1.b[14]")
OP(op94, "smov x0, v1.h[6]")
OP(op95, "umov w0, v1.b[3]")
OP(op96, "mov x0, v1.d[1]")
OP(op97, "mov s0, v1.s[3]")
OP(op98, "movi v0.4s, #0x5a, lsl #16")
OP(op99, "mvni v0.8h, #0x33, lsl #8")
OP(op100, "movi v0.2d, #0xff00ff0000ffff00")
OP(op101, "orr v0.4s, #0x80, lsl #24")
OP(op102, "bic v0.8h, #0x7f")
OP(op103, "movi v0.4s, #0x12, msl #16")
OP(op104, "fmov v0.4s, #-1.25")
OP(op105, "fmov v0.2d, #31.0")
OP(op106, "sshr v0.16b, v1.16b, #3")
OP(op107, "ushr d0, d1, #64")
OP(op108, "ssra v0.8h, v1.8h, #16")
OP(op109, "ursra v0.4s, v1.4s, #7")
OP(op110, "srshr v0.2d, v1.2d, #33")
OP(op111, "shl v0.8h, v1.8h, #5")
OP(op112, "sli v0.4s, v1.4s, #9")
OP(op113, "sri d0, d1, #12")
OP(op114, "sqshlu v0.16b, v1.16b, #3")
OP(op115, "sqshl s0, s1, #20")
OP(op116, "uqshl v0.2d, v1.2d, #40")
OP(op117, "shrn v0.8b, v1.8h, #4")
OP(op118, "rshrn2 v0.8h, v1.4s, #11")
OP(op119, "sqshrn s0, d1, #17")
OP(op120, "uqrshrn2 v0.16b, v1.8h, #1")
OP(op121, "sqrshrun v0.4h, v1.4s, #16")
OP(op122, "sshll2 v0.2d, v1.4s, #31")
OP(op123, "uxtl v0.8h, v1.8b")
OP(op124, "mul v0.8h, v1.8h, v2.h[7]")
OP(op125, "mla v0.4s, v1.4s, v2.s[3]")
OP(op126, "mls v0.4h, v1.4h, v2.h[2]")
OP(op127, "smull2 v0.4s, v1.8h, v2.h[1]")
OP(op128, "umlal v0.2d, v1.2s, v2.s[1]")
OP(op129, "sqdmlal v0.4s, v1.4h, v2.h[6]")
OP(op130, "sqdmulh v0.4s, v1.4s, v2.s[2]")
OP(op131, "sqrdmulh h0, h1, v2.h[3]")
OP(op132, "sqdmull d0, s1, v2.s[0]")
OP(op133, "ext v0.16b, v1.16b, v2.16b, #11")
OP(op134, "ext v0.8b, v1.8b, v2.8b, #3")
OP(op135, "tbl v0.16b, {v1.16b, v2.16b, v3.16b}, v2.16b")
OP(op136, "tbx v0.8b, {v1.16b, v2.16b, v3.16b, v4.16b}, v3.8b")
OP(op137, "uzp1 v0.8h, v1.8h, v2.8h")
OP(op138, "uzp2 v0.16b, v1.16b, v2.16b")
OP(op139, "trn1 v0.4s, v1.4s, v2.4s")
OP(op140, "trn2 v0.8b, v1.8b, v2.8b")
OP(op141, "zip1 v0.2d, v1.2d, v2.2d")
OP(op142, "zip2 v0.4h, v1.4h, v2.4h")

static const struct {
    const char *name;
    op_fn *fn;
} ops[] = {
    { "add v0.16b, v1.16b, v2.16b", op0 },
    { "sub v0.8h, v1.8h, v2.8h", op1 },
    { "add d0, d1, d2", op2 },
    { "mul v0.4s, v1.4s, v2.4s", op3 },
    { "mla v0.8h, v1.8h, v2.8h", op4 },
    { "mls v0.16b, v1.16b, v2.16b", op5 },
    { "pmul v0.16b, v1.16b, v2.16b", op6 },
    { "bsl v0.16b, v1.16b, v2.16b", op7 },
    { "bit v0.8b, v1.8b, v2.8b", op8 },
    { "bif v0.16b, v1.16b, v2.16b", op9 },
    { "orn v0.16b, v1.16b, v2.16b", op10 },
    { "bic v0.8b, v1.8b, v2.8b", op11 },
    { "eor v0.16b, v1.16b, v2.16b", op12 },
    { "cmeq v0.8h, v1.8h, v2.8h", op13 },
    { "cmge v0.4s, v1.4s, v2.4s", op14 },
    { "cmgt v0.2d, v1.2d, v2.2d", op15 },
    { "cmhi v0.16b, v1.16b, v2.16b", op16 },
    { "cmhs d0, d1, d2", op17 },
    { "cmtst v0.4h, v1.4h, v2.4h", op18 },
    { "shadd v0.16b, v1.16b, v2.16b", op19 },
    { "urhadd v0.4s, v1.4s, v2.4s", op20 },
    { "srhadd v0.8h, v1.8h, v2.8h", op21 },
    { "uhsub v0.8b, v1.8b, v2.8b", op22 },
    { "sqadd v0.16b, v1.16b, v2.16b", op23 },
    { "uqadd v0.2d, v1.2d, v2.2d", op24 },
    { "sqsub s0, s1, s2", op25 },
    { "uqsub h0, h1, h2", op26 },
    { "sshl v0.16b, v1.16b, v2.16b", op27 },
    { "ushl v0.2d, v1.2d, v2.2d", op28 },
    { "srshl v0.4s, v1.4s, v2.4s", op29 },
    { "urshl d0, d1, d2", op30 },
    { "sqshl v0.8h, v1.8h, v2.8h", op31 },
    { "uqshl b0, b1, b2", op32 },
    { "sqrshl v0.2d, v1.2d, v2.2d", op33 },
    { "uqrshl v0.4s, v1.4s, v2.4s", op34 },
    { "smax v0.8h, v1.8h, v2.8h", op35 },
    { "uminp v0.16b, v1.16b, v2.16b", op36 },
    { "smaxp v0.4s, v1.4s, v2.4s", op37 },
    { "sabd v0.16b, v1.16b, v2.16b", op38 },
    { "uaba v0.8h, v1.8h, v2.8h", op39 },
    { "addp v0.2d, v1.2d, v2.2d", op40 },
    { "addp d0, v1.2d", op41 },
    { "sqdmulh v0.8h, v1.8h, v2.8h", op42 },
    { "sqrdmulh s0, s1, s2", op43 },
    { "saddl v0.8h, v1.8b, v2.8b", op44 },
    { "uaddl2 v0.2d, v1.4s, v2.4s", op45 },
    { "ssubw v0.4s, v1.4s, v2.4h", op46 },
    { "usubw2 v0.8h, v1.8h, v2.16b", op47 },
    { "addhn v0.8b, v1.8h, v2.8h", op48 },
    { "raddhn2 v0.4s, v1.2d, v2.2d", op49 },
    { "rsubhn v0.4h, v1.4s, v2.4s", op50 },
    { "sabal v0.2d, v1.2s, v2.2s", op51 },
    { "uabdl2 v0.8h, v1.16b, v2.16b", op52 },
    { "smlal v0.4s, v1.4h, v2.4h", op53 },
    { "umlsl2 v0.2d, v1.4s, v2.4s", op54 },
    { "smull v0.8h, v1.8b, v2.8b", op55 },
    { "sqdmull v0.4s, v1.4h, v2.4h", op56 },
    { "sqdmlal2 v0.2d, v1.4s, v2.4s", op57 },
    { "sqdmlsl s0, h1, h2", op58 },
    { "sqdmull d0, s1, s2", op59 },
    { "rev64 v0.16b, v1.16b", op60 },
    { "rev32 v0.8h, v1.8h", op61 },
    { "rev16 v0.8b, v1.8b", op62 },
    { "saddlp v0.4s, v1.8h", op63 },
    { "uadalp v0.1d, v1.2s", op64 },
    { "cls v0.4s, v1.4s", op65 },
    { "clz v0.16b, v1.16b", op66 },
    { "cnt v0.8b, v1.8b", op67 },
    { "not v0.16b, v1.16b", op68 },
    { "rbit v0.16b, v1.16b", op69 },
    { "suqadd v0.8h, v1.8h", op70 },
    { "usqadd d0, d1", op71 },
    { "sqabs v0.16b, v1.16b", op72 },
    { "sqneg s0, s1", op73 },
    { "abs v0.2d, v1.2d", op74 },
    { "neg d0, d1", op75 },
    { "cmgt v0.4s, v1.4s, #0", op76 },
    { "cmle v0.8h, v1.8h, #0", op77 },
    { "cmlt d0, d1, #0", op78 },
    { "cmeq v0.16b, v1.16b, #0", op79 },
    { "xtn2 v0.16b, v1.8h", op80 },
    { "sqxtn v0.4h, v1.4s", op81 },
    { "uqxtn2 v0.4s, v1.2d", op82 },
    { "sqxtun b0, h1", op83 },
    { "shll2 v0.4s, v1.8h, #16", op84 },
    { "addv b0, v1.16b", op85 },
    { "smaxv h0, v1.8h", op86 },
    { "uminv s0, v1.4s", op87 },
    { "saddlv d0, v1.4s", op88 },
    { "uaddlv h0, v1.8b", op89 },
    { "dup v0.8h, v1.h[5]", op90 },
    { "dup v0.2d, x1", op91 },
    { "mov v0.s[3], w1", op92 },
    { "mov v0.b[9], v1.b[14]", op93 },
    { "smov x0, v1.h[6]", op94 },
    { "umov w0, v1.b[3]", op95 },
    { "mov x0, v1.d[1]", op96 },
    { "mov s0, v1.s[3]", op97 },
    { "movi v0.4s, #0x5a, lsl #16", op98 },
    { "mvni v0.8h, #0x33, lsl #8", op99 },
    { "movi v0.2d, #0xff00ff0000ffff00", op100 },
    { "orr v0.4s, #0x80, lsl #24", op101 },
    { "bic v0.8h, #0x7f", op102 },
    { "movi v0.4s, #0x12, msl #16", op103 },
    { "fmov v0.4s, #-1.25", op104 },
    { "fmov v0.2d, #31.0", op105 },
    { "sshr v0.16b, v1.16b, #3", op106 },
    { "ushr d0, d1, #64", op107 },
    { "ssra v0.8h, v1.8h, #16", op108 },
    { "ursra v0.4s, v1.4s, #7", op109 },
    { "srshr v0.2d, v1.2d, #33", op110 },
    { "shl v0.8h, v1.8h, #5", op111 },
    { "sli v0.4s, v1.4s, #9", op112 },
    { "sri d0, d1, #12", op113 },
    { "sqshlu v0.16b, v1.16b, #3", op114 },
    { "sqshl s0, s1, #20", op115 },
    { "uqshl v0.2d, v1.2d, #40", op116 },
    { "shrn v0.8b, v1.8h, #4", op117 },
    { "rshrn2 v0.8h, v1.4s, #11", op118 },
    { "sqshrn s0, d1, #17", op119 },
    { "uqrshrn2 v0.16b, v1.8h, #1", op120 },
    { "sqrshrun v0.4h, v1.4s, #16", op121 },
    { "sshll2 v0.2d, v1.4s, #31", op122 },
    { "uxtl v0.8h, v1.8b", op123 },
    { "mul v0.8h, v1.8h, v2.h[7]", op124 },
    { "mla v0.4s, v1.4s, v2.s[3]", op125 },
    { "mls v0.4h, v1.4h, v2.h[2]", op126 },
    { "smull2 v0.4s, v1.8h, v2.h[1]", op127 },
    { "umlal v0.2d, v1.2s, v2.s[1]", op128 },
    { "sqdmlal v0.4s, v1.4h, v2.h[6]", op129 },
    { "sqdmulh v0.4s, v1.4s, v2.s[2]", op130 },
    { "sqrdmulh h0, h1, v2.h[3]", op131 },
    { "sqdmull d0, s1, v2.s[0]", op132 },
    { "ext v0.16b, v1.16b, v2.16b, #11", op133 },
    { "ext v0.8b, v1.8b, v2.8b, #3", op134 },
    { "tbl v0.16b, {v1.16b, v2.16b, v3.16b}, v2.16b", op135 },
    { "tbx v0.8b, {v1.16b, v2.16b, v3.16b, v4.16b}, v3.8b", op136 },
    { "uzp1 v0.8h, v1.8h, v2.8h", op137 },
    { "uzp2 v0.16b, v1.16b, v2.16b", op138 },
    { "trn1 v0.4s, v1.4s, v2.4s", op139 },
    { "trn2 v0.8b, v1.8b, v2.8b", op140 },
    { "zip1 v0.2d, v1.2d, v2.2d", op141 },
    { "zip2 v0.4h, v1.4h, v2.4h", op142 },
};

static uint64_t rng_state = 0x0123456789abcdefull;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Random, or lanes of one size from the values saturation cares about. */
static uint64_t rng_word(void)
{
    uint64_t r = rng_next(), w = 0;
    unsigned mode = r & 7, bits, i;

    if (mode < 3) {
        return rng_next();
    }
    bits = 8u << (mode & 3);
    for (i = 0; i < 64; i += bits) {
        uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1, v;
        uint64_t c = rng_next();

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

int main(void)
{
    static struct op_regs sets[16];
    unsigned i, j, k;

    for (j = 0; j < 16; j++) {
        for (k = 0; k < 10; k++) {
            sets[j].v[k] = rng_word();
        }
        sets[j].x1 = rng_word();
    }
    for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        uint64_t h = 0xcbf29ce484222325ull;
        unsigned qc = 0;

        for (j = 0; j < 16; j++) {
            struct op_regs r = sets[j];

            ops[i].fn(&r);
            for (k = 0; k < 3; k++) {
                h = (h ^ r.out[k]) * 0x100000001b3ull;
                h ^= h >> 29;
            }
            qc += (r.out[3] >> 27) & 1;
        }
        kprintf("%016lx %d %s\n", h, qc, ops[i].name);
    }
    return 0;
}
