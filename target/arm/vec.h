/*
 * Helpers the FP and Advanced SIMD files share: element access to the
 * 128-bit V registers and the FloatStatus that FPCR/FPSR stand for.
 *
 * Layout: vregs[r].d[0] is bits 63:0 and d[1] bits 127:64, so on a little
 * endian host (the only kind Kestrel builds for: checked below) byte i of
 * the register is ((uint8_t *)vregs[r].d)[i] and element i of size 2^es
 * bytes starts at byte i << es, as the ARM ARM numbers them.
 *
 * Writes follow the architecture: a scalar or 64-bit vector result clears
 * the rest of the 128-bit register (vreg_clear_high), which the op must do
 * after writing its elements.
 */
#ifndef TARGET_ARM_VEC_H
#define TARGET_ARM_VEC_H

#include "cpu.h"
#include "fpu/softfloat.h"

#if G_BYTE_ORDER != G_LITTLE_ENDIAN
#error "the V register layout assumes a little-endian host"
#endif

static inline uint8_t *vreg_bytes(CPUARMState *env, unsigned r)
{
    return (uint8_t *)env->vregs[r & 31].d;
}

/* Element idx of size 1 << es bytes (es 0..3), zero-extended. */
static inline uint64_t vreg_get(CPUARMState *env, unsigned r, unsigned idx,
                                unsigned es)
{
    const uint8_t *p = vreg_bytes(env, r) + ((idx << es) & 15);

    switch (es) {
    case 0: return *p;
    case 1: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 2: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
    }
}

/* Sign-extended element. */
static inline int64_t vreg_gets(CPUARMState *env, unsigned r, unsigned idx,
                                unsigned es)
{
    uint64_t v = vreg_get(env, r, idx, es);
    unsigned sh = 64 - (8u << es);

    return sh ? (int64_t)(v << sh) >> sh : (int64_t)v;
}

static inline void vreg_set(CPUARMState *env, unsigned r, unsigned idx,
                            unsigned es, uint64_t v)
{
    uint8_t *p = vreg_bytes(env, r) + ((idx << es) & 15);

    switch (es) {
    case 0: *p = v; break;
    case 1: { uint16_t t = v; memcpy(p, &t, 2); break; }
    case 2: { uint32_t t = v; memcpy(p, &t, 4); break; }
    default: memcpy(p, &v, 8); break;
    }
}

/* Zero bits 127:64 (a 64-bit vector or a D-sized scalar write). */
static inline void vreg_clear_high(CPUARMState *env, unsigned r)
{
    env->vregs[r & 31].d[1] = 0;
}

/* Write a scalar of size 1 << es to V[r], zeroing the rest. */
static inline void vreg_set_scalar(CPUARMState *env, unsigned r, unsigned es,
                                   uint64_t v)
{
    env->vregs[r & 31].d[0] = 0;
    env->vregs[r & 31].d[1] = 0;
    vreg_set(env, r, 0, es, v);
}

/* FloatStatus for an FP operation under the current FPCR, flags clear. */
static inline void arm_fpst_init(CPUARMState *env, FloatStatus *st)
{
    memset(st, 0, sizeof(*st));
    float_status_set_fpcr(st, env->fpcr);
}

/* Fold an operation's exception flags into FPSR's cumulative bits. */
static inline void arm_fpst_commit(CPUARMState *env, const FloatStatus *st)
{
    env->fpsr |= st->flags;
}

/* FPSR.QC: saturation happened (saturating SIMD integer ops). */
#define FPSR_QC (1u << 27)

#endif
