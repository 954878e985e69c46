/*
 * STUB, to be replaced by its owner this session: VMSAv8-64 stage 1 translation, TLBI, AT and the translation registers.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

/* MMU off: VA == PA, every right. */
bool arm_cpu_tlb_fill(CPUState *cs, uint64_t va, MMUAccessType access,
                      int mmu_idx, hwaddr *pa, int *prot)
{
    *pa = va;
    *prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
    return true;
}

bool arm_cpu_get_phys_page_debug(CPUState *cs, uint64_t va, hwaddr *pa)
{
    *pa = va;
    return true;
}

bool disas_tlbi(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}

bool disas_at(DisasContext *s, TLOp *op, uint32_t insn)
{
    return false;
}

void arm_sysregs_register_mmu(void)
{
}
