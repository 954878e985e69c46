/*
 * STUB, to be replaced by its owner this session: Advanced SIMD integer, permute, copy and table instructions.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

bool disas_simd_int(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}
