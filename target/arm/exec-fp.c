/*
 * STUB, to be replaced by its owner this session: scalar floating point (data processing, conversions, compares, FMOV) and FPCR/FPSR.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

bool disas_fp_scalar(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}

void arm_sysregs_register_fp(void)
{
}
