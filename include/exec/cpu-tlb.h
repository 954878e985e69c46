/*
 * The per-vCPU softmmu TLB of TCG-lite, embedded in CPUState so the load
 * and store fast path is one index, one compare and one host access.
 *
 * One direct-mapped table per MMU index (translation regime plus privilege,
 * chosen by the target). An entry maps one guest virtual page; each of the
 * three comparators holds the page address when that access type may take
 * the RAM fast path, or the page address with TLB_SLOW set when the access
 * must go through the slow path (I/O, ROM writes, pages holding translated
 * code, partial pages), or TLB_INVALID_ADDR when the type is not filled.
 * See accel/tcg-lite/cputlb.c and docs/devel/tcg-lite.md.
 */
#ifndef EXEC_CPU_TLB_H
#define EXEC_CPU_TLB_H

#include "qemu/osdep.h"

typedef uint64_t hwaddr;

#define TL_PAGE_BITS 12
#define TL_PAGE_SIZE (1ULL << TL_PAGE_BITS)
#define TL_PAGE_MASK (~(TL_PAGE_SIZE - 1))

#define CPU_TLB_BITS 8
#define CPU_TLB_SIZE (1 << CPU_TLB_BITS)
#define NB_MMU_MODES 4

/* Low bits of a comparator (pages are 4 KiB aligned so they are free). */
#define TLB_SLOW         (1ULL << 0)   /* matches the page, but slow path */
#define TLB_INVALID_ADDR (~0ULL)

typedef enum MMUAccessType {
    MMU_DATA_LOAD = 0,
    MMU_DATA_STORE = 1,
    MMU_INST_FETCH = 2,
} MMUAccessType;

typedef struct CPUTLBEntry {
    uint64_t addr_read;
    uint64_t addr_write;
    uint64_t addr_code;
    uintptr_t addend;         /* host = addend + vaddr, fast path only */
    hwaddr paddr;             /* physical page; low bits: cputlb.c flags */
} CPUTLBEntry;

typedef struct CPUTLB {
    CPUTLBEntry table[NB_MMU_MODES][CPU_TLB_SIZE];
    int flush_pending;        /* set from any thread (memory map changed) */
} CPUTLB;

#endif
