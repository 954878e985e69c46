/*
 * Private to exec-fp.c and exec-fp-cvt.c: the scalar FP decoders share
 * these small accessors for S/D/H values held in V registers.
 */
#ifndef TARGET_ARM_EXEC_FP_H
#define TARGET_ARM_EXEC_FP_H

#include "translate.h"
#include "vec.h"

/* ftype (insn[23:22]) -> log2 of the element size; -1 for reserved. */
static inline int fp_type_size(unsigned ftype)
{
    static const int8_t sizes[4] = { 2, 3, -1, 1 };

    return sizes[ftype & 3];
}

static inline uint64_t fp_get(CPUARMState *env, unsigned r)
{
    return env->vregs[r].d[0];
}

/* A scalar result: the rest of the 128-bit register becomes zero. */
static inline void fp_set(CPUARMState *env, unsigned r, uint64_t v)
{
    env->vregs[r].d[0] = v;
    env->vregs[r].d[1] = 0;
}

/* Conversions between FP and general registers (exec-fp-cvt.c):
 * insn[21] = 1 with insn[15:10] = 0, and insn[21] = 0 (fixed point). */
bool disas_fp_int_conv(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_fp_fixed_conv(DisasContext *s, TLOp *op, uint32_t insn);

#endif
