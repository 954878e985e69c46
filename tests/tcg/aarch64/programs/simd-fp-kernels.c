/*
 * simd-fp-kernels: Advanced SIMD floating point as real code uses it
 * (arm_neon.h intrinsics): a 4x4 single-precision matrix product with
 * FMLA by element, Newton-Raphson reciprocal and reciprocal square root
 * (FRECPE/FRECPS, FRSQRTE/FRSQRTS), pairwise and across-lanes reductions,
 * double-precision polynomial evaluation with FMLA, and conversions
 * through fixed point and between precisions. Each kernel runs under the
 * four FPCR rounding modes, then with FZ and with DN; it prints the bit
 * patterns of its results and the FPSR flags it raised.
 */
#include <arm_neon.h>
#include "lib.h"

static const uint32_t fpcr_modes[] = {
    0,                      /* RN */
    1u << 22,               /* RP */
    2u << 22,               /* RM */
    3u << 22,               /* RZ */
    1u << 24,               /* FZ */
    1u << 25,               /* DN */
};

static void set_fpcr(uint32_t v)
{
    WRITE_SYSREG(fpcr, v);
    WRITE_SYSREG(fpsr, 0);
}

static uint32_t fpsr(void)
{
    return (uint32_t)READ_SYSREG(fpsr);
}

static void print_f32x4(const char *name, float32x4_t v)
{
    uint32x4_t u = vreinterpretq_u32_f32(v);

    kprintf("  %s %08x %08x %08x %08x\n", name, vgetq_lane_u32(u, 0),
            vgetq_lane_u32(u, 1), vgetq_lane_u32(u, 2), vgetq_lane_u32(u, 3));
}

static void print_f64x2(const char *name, float64x2_t v)
{
    uint64x2_t u = vreinterpretq_u64_f64(v);

    kprintf("  %s %016lx %016lx\n", name, vgetq_lane_u64(u, 0),
            vgetq_lane_u64(u, 1));
}

static const float mat_a[16] __attribute__((aligned(16))) = {
    1.1f, 2.2f, 3.3f, 4.4f, -0.5f, 0.25f, 1e-3f, 7.0f,
    1e30f, -1e30f, 3.0e-39f, 1.0f, 0.1f, 0.2f, 0.3f, 0.4f,
};
static const float mat_b[16] __attribute__((aligned(16))) = {
    0.3f, -0.7f, 1.9f, 2.0f, 1e10f, 1e-10f, -5.5f, 0.125f,
    3.0f, 1e9f, 1e-9f, -2.0f, 6.0e-39f, 1.5f, 2.5f, 3.5f,
};

/* C = A * B, one row of C per FMLA-by-element chain. */
static void kernel_matmul(void)
{
    float32x4_t b0 = vld1q_f32(mat_b), b1 = vld1q_f32(mat_b + 4);
    float32x4_t b2 = vld1q_f32(mat_b + 8), b3 = vld1q_f32(mat_b + 12);
    int r;

    for (r = 0; r < 4; r++) {
        float32x4_t a = vld1q_f32(mat_a + 4 * r);
        float32x4_t c = vmulq_laneq_f32(b0, a, 0);

        c = vfmaq_laneq_f32(c, b1, a, 1);
        c = vfmaq_laneq_f32(c, b2, a, 2);
        c = vfmsq_laneq_f32(c, b3, a, 3);
        print_f32x4("row", c);
    }
}

/* 1/x and 1/sqrt(x) refined twice. */
static void kernel_newton(void)
{
    static const float xs[4] __attribute__((aligned(16))) = {
        3.0f, 0.1f, 1e-38f, 12345.678f,
    };
    float32x4_t x = vld1q_f32(xs);
    float32x4_t r = vrecpeq_f32(x);
    float32x4_t s = vrsqrteq_f32(x);
    float64x2_t xd = vcvt_f64_f32(vget_low_f32(x));
    float64x2_t rd = vrecpeq_f64(xd);
    int i;

    for (i = 0; i < 2; i++) {
        r = vmulq_f32(r, vrecpsq_f32(x, r));
        s = vmulq_f32(s, vrsqrtsq_f32(vmulq_f32(x, s), s));
        rd = vmulq_f64(rd, vrecpsq_f64(xd, rd));
    }
    print_f32x4("recip", r);
    print_f32x4("rsqrt", s);
    print_f64x2("recip.d", rd);
    print_f32x4("sqrt", vsqrtq_f32(x));
    print_f32x4("div", vdivq_f32(vdupq_n_f32(1.0f), x));
}

/* Sums, maxima and minima of a vector with NaN-free and NaN lanes. */
static void kernel_reduce(void)
{
    static const float v[8] __attribute__((aligned(16))) = {
        1.5f, -2.25f, 1e-40f, 3.0f, 0.0f, -0.0f, 1e38f, 1e38f,
    };
    float32x4_t a = vld1q_f32(v), b = vld1q_f32(v + 4);
    float32x4_t p = vpaddq_f32(a, b);
    union { float f; uint32_t u; } m[5];

    print_f32x4("faddp", p);
    print_f32x4("fmaxp", vpmaxq_f32(a, b));
    print_f32x4("fminnmp", vpminnmq_f32(a, b));
    m[0].f = vmaxvq_f32(a);
    m[1].f = vminvq_f32(b);
    m[2].f = vmaxnmvq_f32(p);
    m[3].f = vminnmvq_f32(a);
    m[4].f = vpadds_f32(vget_low_f32(b));
    kprintf("  across %08x %08x %08x %08x %08x\n", m[0].u, m[1].u, m[2].u,
            m[3].u, m[4].u);
}

/* Horner's rule for exp(x) ~ sum x^k / k!, k <= 6, on two doubles. */
static void kernel_poly(void)
{
    static const double coef[7] = {
        1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1.0, 1.0,
    };
    static const double xs[2] __attribute__((aligned(16))) = {
        0.6931471805599453, -2.5,
    };
    float64x2_t x = vld1q_f64(xs), y = vdupq_n_f64(coef[0]);
    int k;

    for (k = 1; k < 7; k++) {
        y = vfmaq_f64(vdupq_n_f64(coef[k]), y, x);
    }
    print_f64x2("exp", y);
    print_f64x2("abd", vabdq_f64(y, x));
}

/* Fixed point and precision changes. */
static void kernel_convert(void)
{
    static const float v[4] __attribute__((aligned(16))) = {
        2.71828f, -1.5f, 70000.0f, -0.000123f,
    };
    static const int32_t q[4] __attribute__((aligned(16))) = {
        1, -3, 0x7fffffff, -65536,
    };
    float32x4_t a = vld1q_f32(v);
    int32x4_t fx = vcvtq_n_s32_f32(a, 16);
    uint32x4_t ux = vcvtq_n_u32_f32(a, 8);
    float32x4_t back = vcvtq_n_f32_s32(vld1q_s32(q), 12);
    float64x2_t wide = vcvt_high_f64_f32(a);
    float32x2_t narrow = vcvt_f32_f64(wide);
    float16x4_t half = vcvt_f16_f32(a);
    float32x2_t odd = vcvtx_f32_f64(vdupq_n_f64(1.0000000000000002));
    int32x4_t rn = vcvtnq_s32_f32(a), ra = vcvtaq_s32_f32(a);

    kprintf("  fcvtzs#16 %08x %08x %08x %08x\n", vgetq_lane_s32(fx, 0),
            vgetq_lane_s32(fx, 1), vgetq_lane_s32(fx, 2),
            vgetq_lane_s32(fx, 3));
    kprintf("  fcvtzu#8 %08x %08x %08x %08x\n", vgetq_lane_u32(ux, 0),
            vgetq_lane_u32(ux, 1), vgetq_lane_u32(ux, 2),
            vgetq_lane_u32(ux, 3));
    print_f32x4("scvtf#12", back);
    print_f64x2("fcvtl2", wide);
    kprintf("  fcvtn %08x %08x\n",
            vget_lane_u32(vreinterpret_u32_f32(narrow), 0),
            vget_lane_u32(vreinterpret_u32_f32(narrow), 1));
    kprintf("  fcvtn.h %016lx\n",
            vget_lane_u64(vreinterpret_u64_f16(half), 0));
    kprintf("  fcvtxn %08x\n", vget_lane_u32(vreinterpret_u32_f32(odd), 0));
    kprintf("  fcvtns %08x %08x %08x %08x\n", vgetq_lane_s32(rn, 0),
            vgetq_lane_s32(rn, 1), vgetq_lane_s32(rn, 2),
            vgetq_lane_s32(rn, 3));
    kprintf("  fcvtas %08x %08x %08x %08x\n", vgetq_lane_s32(ra, 0),
            vgetq_lane_s32(ra, 1), vgetq_lane_s32(ra, 2),
            vgetq_lane_s32(ra, 3));
    print_f32x4("frinti", vrndiq_f32(a));
    print_f32x4("frintx", vrndxq_f32(a));
}

static const struct {
    const char *name;
    void (*fn)(void);
} kernels[] = {
    { "matmul", kernel_matmul },
    { "newton", kernel_newton },
    { "reduce", kernel_reduce },
    { "poly", kernel_poly },
    { "convert", kernel_convert },
};

int main(void)
{
    unsigned k, m;

    for (k = 0; k < sizeof(kernels) / sizeof(kernels[0]); k++) {
        for (m = 0; m < sizeof(fpcr_modes) / sizeof(fpcr_modes[0]); m++) {
            kprintf("%s fpcr=%08x\n", kernels[k].name, fpcr_modes[m]);
            set_fpcr(fpcr_modes[m]);
            kernels[k].fn();
            kprintf("  fpsr %08x\n", fpsr());
        }
    }
    set_fpcr(0);
    return 0;
}
