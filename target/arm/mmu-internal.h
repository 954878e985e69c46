/*
 * Private to target/arm/mmu*.c: the VMSAv8-64 stage 1 walk for the EL1&0
 * regime (mmu-walk.c) and what mmu.c needs from it.
 */
#ifndef TARGET_ARM_MMU_INTERNAL_H
#define TARGET_ARM_MMU_INTERNAL_H

#include "cpu.h"

/* SCTLR_EL1 bits the walk and the registers look at. */
#define SCTLR_M     (1ULL << 0)
#define SCTLR_WXN   (1ULL << 19)
#define SCTLR_EE    (1ULL << 25)

/* What a successful translation gives. */
typedef struct ARMMMUResult {
    hwaddr pa;
    int prot;               /* PAGE_* for the EL asked about */
    uint8_t attrs;          /* MAIR_EL1 attribute byte (0: Device-nGnRnE) */
    uint8_t sh;             /* shareability, descriptor SH[1:0] */
    uint8_t page_shift;     /* log2 of the page or block size */
    bool mmu_on;
} ARMMMUResult;

/* Why a translation failed: ISS fault status, and whether the walk itself
 * faulted (an external abort reading a descriptor). */
typedef struct ARMMMUFault {
    uint32_t fsc;           /* ARM_FSC_* or 0x14 | level (walk abort) */
    bool on_walk;
} ARMMMUFault;

/* Synchronous external abort on a translation table walk, level l. */
#define ARM_FSC_EXTABORT_WALK(l) (0x14 | (l))

/*
 * Translate va for an access of type access from EL el (0 or 1) in the
 * EL1&0 regime, with the current SCTLR/TCR/TTBR/MAIR of env. Reads
 * descriptors from cs->as. On success fills *res and returns true; on a
 * fault fills *fault (nothing recorded in the CPU) and returns false.
 */
bool arm_mmu_translate(CPUState *cs, uint64_t va, MMUAccessType access,
                       int el, ARMMMUResult *res, ARMMMUFault *fault);

/* The physical address size in bits the CPU implements (ID_AA64MMFR0). */
unsigned arm_mmu_pamax(ARMCPU *cpu);

/* The VA with the top byte replaced by copies of bit 55 when TBI applies
 * to its half (TCR_EL1.TBI0/TBI1); va itself otherwise. */
uint64_t arm_mmu_untag(const CPUARMState *env, uint64_t va);

#endif
