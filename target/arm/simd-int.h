/*
 * Private to the Advanced SIMD integer files (exec-simd-int.c,
 * exec-simd-shift.c, exec-simd-perm.c): element access on a whole
 * ARMVectorReg value, saturation, and the generic element-loop handlers.
 *
 * Generic handlers read their sources into locals first and write the
 * destination last, so Vd may equal Vn or Vm. Elements beyond the op's
 * count start as zero, which gives the architectural clearing of bits
 * 127:64 for 64-bit vectors and of everything above a scalar.
 */
#ifndef TARGET_ARM_SIMD_INT_H
#define TARGET_ARM_SIMD_INT_H

#include "translate.h"
#include "vec.h"

/*
 * One element operation: n, m and d are the zero-extended elements of
 * size 1 << es bytes (d is the destination's old element, for the
 * accumulating forms); the result's bits above the element are ignored.
 * Saturating operations set FPSR.QC in env.
 */
typedef uint64_t SimdElemFn(CPUARMState *env, uint64_t n, uint64_t m,
                            uint64_t d, unsigned es);

static inline uint64_t velt(const ARMVectorReg *v, unsigned i, unsigned es)
{
    const uint8_t *p = (const uint8_t *)v->d + ((i << es) & 15);

    switch (es) {
    case 0: return *p;
    case 1: { uint16_t x; memcpy(&x, p, 2); return x; }
    case 2: { uint32_t x; memcpy(&x, p, 4); return x; }
    default: { uint64_t x; memcpy(&x, p, 8); return x; }
    }
}

static inline void velt_set(ARMVectorReg *v, unsigned i, unsigned es,
                            uint64_t x)
{
    uint8_t *p = (uint8_t *)v->d + ((i << es) & 15);

    switch (es) {
    case 0: *p = x; break;
    case 1: { uint16_t t = x; memcpy(p, &t, 2); break; }
    case 2: { uint32_t t = x; memcpy(p, &t, 4); break; }
    default: memcpy(p, &x, 8); break;
    }
}

static inline uint64_t simd_mask(unsigned es)
{
    return es >= 3 ? ~0ULL : (1ULL << (8u << es)) - 1;
}

static inline int64_t simd_sext(uint64_t v, unsigned es)
{
    unsigned sh = 64 - (8u << es);

    return (int64_t)(v << sh) >> sh;
}

/* Saturate x to a signed / unsigned element of size es, noting QC. */
static inline uint64_t simd_sat_s(CPUARMState *env, __int128 x, unsigned es)
{
    __int128 max = ((__int128)1 << ((8 << es) - 1)) - 1;

    if (x > max) {
        env->fpsr |= FPSR_QC;
        x = max;
    } else if (x < -max - 1) {
        env->fpsr |= FPSR_QC;
        x = -max - 1;
    }
    return (uint64_t)x & simd_mask(es);
}

static inline uint64_t simd_sat_u(CPUARMState *env, __int128 x, unsigned es)
{
    __int128 max = simd_mask(es);

    if (x > max) {
        env->fpsr |= FPSR_QC;
        x = max;
    } else if (x < 0) {
        env->fpsr |= FPSR_QC;
        x = 0;
    }
    return (uint64_t)x;
}

/*
 * The shift-by-register core (SSHL family): v shifted left by sh (right
 * if negative), with infinite precision as the ARM ARM states it, then
 * rounding, saturating or truncating to the element size.
 */
uint64_t simd_shl_core(CPUARMState *env, __int128 v, int sh, unsigned es,
                       bool is_unsigned, bool round, bool sat);

/* Generic handlers (exec-simd-int.c), fields:
 *   op_simd_elem:     a = es, b = element count, imm = SimdElemFn *;
 *                     m is Vm, or the constant c when ra = 1 (shifts).
 *   op_simd_narrow:   a = narrow es, b = count, sf = write the upper half
 *                     ("2" forms), c = passed as m, imm = fn(wide n).
 *   op_simd_widen:    a = narrow es, sf = upper half source, c = left
 *                     shift, ra = signed (SSHLL/USHLL/SHLL).
 */
int op_simd_elem(CPUState *cs, const TLOp *op);
int op_simd_narrow(CPUState *cs, const TLOp *op);
int op_simd_widen(CPUState *cs, const TLOp *op);
/* op_simd_narrow's fields, for XTN and SHRN: no element function. */
int op_simd_shrn(CPUState *cs, const TLOp *op);

/* Class decoders in the other files. */
bool disas_simd_shift_imm(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_simd_copy(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_simd_mod_imm(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_simd_ext(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_simd_tbl(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_simd_permute(DisasContext *s, TLOp *op, uint32_t insn);

#endif
