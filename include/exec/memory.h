/*
 * The memory API: a tree of MemoryRegions (RAM, I/O callbacks, aliases,
 * containers with priorities) flattened per AddressSpace into a sorted list
 * of ranges. Dispatch and accelerators only ever see the flat view, which is
 * re-rendered only when the tree changes (at the end of a transaction).
 *
 * Locking: changing the tree and dispatching to I/O callbacks happen with
 * the big lock held (bql_lock). The host pointer of a RAM region is stable
 * for the region's life, so accelerators may use it without the lock.
 *
 * See docs/devel/memory.md. Implemented in softmmu/memory.c (tree, flat
 * views, listeners, info mtree) and softmmu/memory-dispatch.c (reads and
 * writes with access-size rules).
 */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include "qemu/osdep.h"
#include "qapi/error.h"

typedef uint64_t hwaddr;
#define HWADDR_PRIx PRIx64

typedef struct Object Object;
typedef struct MemoryRegion MemoryRegion;
typedef struct AddressSpace AddressSpace;
typedef struct FlatView FlatView;
typedef struct MemoryListener MemoryListener;

typedef enum MemTxResult {
    MEMTX_OK = 0,
    MEMTX_ERROR = 1,          /* the device signalled an error */
    MEMTX_DECODE_ERROR = 2,   /* nothing mapped there / access not valid */
} MemTxResult;

typedef enum device_endian {
    DEVICE_NATIVE_ENDIAN,     /* the guest's; little for both our targets */
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
} device_endian;

typedef struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    device_endian endianness;
    /*
     * Guest-visible rules: an access outside them is refused
     * (MEMTX_DECODE_ERROR, logged under -d guest_errors). 0 means 1..8.
     */
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } valid;
    /*
     * What the callbacks implement; the core splits wider accesses and
     * widens narrower ones (read-modify for reads, shifted data for writes)
     * to fit. 0 means 1..4, as in QEMU.
     */
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } impl;
} MemoryRegionOps;

typedef enum MemoryRegionKind {
    MR_KIND_CONTAINER,
    MR_KIND_RAM,              /* host memory (RAM or ROM when readonly) */
    MR_KIND_IO,               /* callbacks */
    MR_KIND_ALIAS,            /* a window onto part of another region */
} MemoryRegionKind;

struct MemoryRegion {
    char *name;
    Object *owner;            /* for naming only; no reference held */
    MemoryRegionKind kind;
    uint64_t size;            /* UINT64_MAX at init means the full 2^64 */
    bool size_is_2_64;
    bool readonly;            /* RAM kind: a ROM */
    bool enabled;
    bool is_mapped_ram_owned; /* ram_ptr was allocated here (freed here) */
    void *ram_ptr;
    const MemoryRegionOps *ops;
    void *opaque;
    MemoryRegion *alias;
    hwaddr alias_offset;
    /* Position in the tree. */
    MemoryRegion *container;
    hwaddr addr;
    int priority;
    GPtrArray *subregions;    /* MemoryRegion *, highest priority first */
};

/* Init. 'owner' may be NULL. The region is not mapped until added. */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);
/* Anonymous host memory, zeroed; fails cleanly when the host has none. */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp);
bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp);
/* RAM backed by caller-owned host memory. */
void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr);
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);
/* Unmaps if mapped, frees owned RAM and subregion list. */
void memory_region_finalize(MemoryRegion *mr);

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);

const char *memory_region_name(const MemoryRegion *mr);
uint64_t memory_region_size(const MemoryRegion *mr); /* UINT64_MAX for 2^64 */
bool memory_region_is_ram(const MemoryRegion *mr);  /* RAM kind or alias of */
bool memory_region_is_rom(const MemoryRegion *mr);
/* Host pointer of a RAM region (follows aliases), NULL otherwise. */
void *memory_region_get_ram_ptr(MemoryRegion *mr);

/* Batch tree changes; the flat views are re-rendered once, at the end. */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* Flat views. */
typedef struct FlatRange {
    MemoryRegion *mr;         /* a RAM or IO region (never alias/container) */
    hwaddr offset_in_region;
    hwaddr addr;              /* start in the address space */
    uint64_t size;            /* never 0; a 2^64 range is split at the top */
    bool readonly;
} FlatRange;

struct FlatView {
    unsigned ref;
    FlatRange *ranges;        /* sorted by addr, non-overlapping */
    unsigned nr;
    MemoryRegion *root;
};

struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    GPtrArray *listeners;     /* MemoryListener * */
};

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
void address_space_destroy(AddressSpace *as);
/* The current view with a reference taken; flatview_unref when done. */
FlatView *address_space_get_flatview(AddressSpace *as);
void flatview_ref(FlatView *fv);
void flatview_unref(FlatView *fv);
/* The range containing addr, or NULL if nothing is mapped there. */
const FlatRange *flatview_lookup(const FlatView *fv, hwaddr addr);

/*
 * Guest-physical access. buf holds len bytes in guest order (little
 * endian). Accesses crossing ranges are split; I/O ranges get accesses of
 * the region's valid sizes. Reads of unmapped space return all-ones (and
 * MEMTX_DECODE_ERROR); writes there are dropped. Callers hold the BQL.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, void *buf,
                             hwaddr len, bool is_write);
MemTxResult address_space_read(AddressSpace *as, hwaddr addr, void *buf,
                               hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                const void *buf, hwaddr len);
/* Writes even to ROM (for loaders). */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    const void *buf, hwaddr len);

/* Listeners: told about every range added to or removed from a view. */
typedef struct MemoryRegionSection {
    MemoryRegion *mr;
    AddressSpace *as;
    hwaddr offset_within_region;
    hwaddr offset_within_address_space;
    uint64_t size;
    bool readonly;
} MemoryRegionSection;

struct MemoryListener {
    const char *name;
    void (*begin)(MemoryListener *listener);
    void (*commit)(MemoryListener *listener);
    void (*region_add)(MemoryListener *listener, MemoryRegionSection *section);
    void (*region_del)(MemoryListener *listener, MemoryRegionSection *section);
    /* A range present before and after a change. */
    void (*region_nop)(MemoryListener *listener, MemoryRegionSection *section);
    int priority;
    AddressSpace *address_space;  /* set by register */
};

/* Replays region_add for every range already in the view. */
void memory_listener_register(MemoryListener *listener, AddressSpace *as);
void memory_listener_unregister(MemoryListener *listener);

/* The board-wide spaces (created by the machine core). */
MemoryRegion *get_system_memory(void);
MemoryRegion *get_system_io(void);
extern AddressSpace address_space_memory;
extern AddressSpace address_space_io;
/* Creates "system" (2^64, i/o) and "io" (64 KiB) roots and their spaces. */
void memory_map_init(void);

/*
 * "info mtree": address spaces, then the memory-region trees of aliased
 * regions, in QEMU's format; with flatview, each space's flat view.
 */
void mtree_info(GString *out, bool flatview);

#endif
