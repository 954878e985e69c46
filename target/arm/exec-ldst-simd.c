/*
 * STUB, to be replaced by its owner this session: loads and stores of SIMD&FP registers.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

bool disas_ldst_simd(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}
