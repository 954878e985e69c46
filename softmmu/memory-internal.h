/*
 * Private to softmmu/memory*.c and tests/unit/test-memory.c: helpers shared
 * between the tree code, dispatch and "info mtree", and test hooks.
 */
#ifndef SOFTMMU_MEMORY_INTERNAL_H
#define SOFTMMU_MEMORY_INTERNAL_H

#include "exec/memory.h"

/* Region sizes and addresses may reach 2^64: compute them in 128 bits. */
typedef unsigned __int128 u128;

static inline u128 memory_region_size128(const MemoryRegion *mr)
{
    return mr->size_is_2_64 ? (u128)1 << 64 : (u128)mr->size;
}

/*
 * Index of the last range starting at or below addr, or -1 when every
 * range starts above addr (the range may still end before addr).
 */
int flatview_find_index(const FlatView *fv, hwaddr addr);

/* The address spaces in creation order (AddressSpace *). */
GPtrArray *memory_address_spaces(void);

/*
 * QEMU's region kind names for "info mtree": "ram", "rom" or "i/o"
 * (containers print as "i/o"; an alias prints its target's kind).
 */
const char *memory_region_type_name(const MemoryRegion *mr);

/*
 * The region a flat view is "rooted" at for "info mtree -f": the root with
 * single full-size children and whole aliases stripped off, NULL when
 * nothing is enabled under it.
 */
MemoryRegion *memory_region_flatview_root(MemoryRegion *mr);

/* "info mtree [-f] [-D]": show_disabled also prints disabled regions. */
void mtree_info_full(GString *out, bool flatview, bool show_disabled);

/* Test hook: how many flat views have been rendered since start-up. */
unsigned memory_test_render_count(void);

#endif
