/*
 * STUB, to be replaced by its owner this session: AES, SHA1, SHA256 and PMULL.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

bool disas_crypto(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}
