/*
 * STUB, to be replaced by its owner this session: CRC32 and CRC32C.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

bool disas_crc32(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}
