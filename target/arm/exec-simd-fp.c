/*
 * STUB, to be replaced by its owner this session: Advanced SIMD floating point (vector and scalar-pairwise / by-element forms).
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

bool disas_simd_fpvec(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}
