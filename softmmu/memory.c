/*
 * The memory region tree (include/exec/memory.h): regions, transactions,
 * flat view rendering, listeners, address spaces and the board-wide roots.
 *
 * A tree change marks the views stale; the outermost transaction commit
 * re-renders every address space's flat view, diffs it against the old one
 * and tells the listeners what went away (region_del), what stayed
 * (region_nop) and what appeared (region_add).
 */
#include "qemu/osdep.h"
#include "exec/memory.h"
#include "memory-internal.h"

#include <sys/mman.h>

typedef __int128 s128;

static unsigned transaction_depth;
static bool transaction_pending;
static unsigned render_count;
static GPtrArray *address_spaces;   /* AddressSpace *, creation order */

GPtrArray *memory_address_spaces(void)
{
    if (!address_spaces) {
        address_spaces = g_ptr_array_new();
    }
    return address_spaces;
}

unsigned memory_test_render_count(void)
{
    return render_count;
}

/* ------------------------------------------------------------------ */
/* Regions                                                             */

static void memory_tree_changed(void);

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    memset(mr, 0, sizeof(*mr));
    mr->name = g_strdup(name);
    mr->owner = owner;
    mr->kind = MR_KIND_CONTAINER;
    mr->size = size;
    mr->size_is_2_64 = (size == UINT64_MAX);
    mr->enabled = true;
    mr->subregions = g_ptr_array_new();
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_IO;
    mr->ops = ops;
    mr->opaque = opaque;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp)
{
    void *ptr = NULL;

    /*
     * On failure the region stays a plain (empty) region of that size, so
     * memory_region_finalize() is still the one way to tear it down.
     */
    memory_region_init(mr, owner, name, size);
    if (mr->size_is_2_64) {
        ptr = MAP_FAILED;
    } else if (size) {
        ptr = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    }
    if (ptr == MAP_FAILED) {
        /* QEMU reports the host's refusal this way whatever errno says. */
        error_setg(errp, "cannot set up guest memory '%s': "
                   "Cannot allocate memory", memory_region_name(mr));
        return false;
    }
    mr->kind = MR_KIND_RAM;
    mr->ram_ptr = ptr;
    mr->is_mapped_ram_owned = (ptr != NULL);
    return true;
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp)
{
    if (!memory_region_init_ram(mr, owner, name, size, errp)) {
        return false;
    }
    mr->readonly = true;
    return true;
}

void memory_region_init_ram_ptr(MemoryRegion *mr, Object *owner,
                                const char *name, uint64_t size, void *ptr)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_RAM;
    mr->ram_ptr = ptr;
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    memory_region_init(mr, owner, name, size);
    mr->kind = MR_KIND_ALIAS;
    mr->alias = orig;
    mr->alias_offset = offset;
}

void memory_region_finalize(MemoryRegion *mr)
{
    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    while (mr->subregions && mr->subregions->len) {
        memory_region_del_subregion(mr, g_ptr_array_index(mr->subregions, 0));
    }
    memory_region_transaction_commit();

    if (mr->is_mapped_ram_owned && mr->ram_ptr) {
        munmap(mr->ram_ptr, mr->size);
    }
    mr->ram_ptr = NULL;
    mr->is_mapped_ram_owned = false;
    g_free(mr->name);
    mr->name = NULL;
    if (mr->subregions) {
        g_ptr_array_free(mr->subregions, true);
        mr->subregions = NULL;
    }
}

/* Higher priority first; among equals the newest first (it wins). */
static void memory_region_insert_subregion(MemoryRegion *mr,
                                           MemoryRegion *sub)
{
    guint i;

    for (i = 0; i < mr->subregions->len; i++) {
        MemoryRegion *other = g_ptr_array_index(mr->subregions, i);
        if (sub->priority >= other->priority) {
            break;
        }
    }
    g_ptr_array_insert(mr->subregions, i, sub);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion,
                                         int priority)
{
    g_assert(subregion != mr);
    g_assert(!subregion->container);
    subregion->container = mr;
    subregion->addr = offset;
    subregion->priority = priority;
    memory_region_insert_subregion(mr, subregion);
    memory_tree_changed();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    memory_region_add_subregion_overlap(mr, offset, subregion, 0);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    g_assert(subregion->container == mr);
    g_ptr_array_remove(mr->subregions, subregion);
    subregion->container = NULL;
    memory_tree_changed();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled == enabled) {
        return;
    }
    mr->enabled = enabled;
    memory_tree_changed();
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    MemoryRegion *container = mr->container;

    if (mr->addr == addr) {
        return;
    }
    if (!container) {
        mr->addr = addr;
        return;
    }
    /* Moving re-adds, so the region becomes the newest of its priority. */
    memory_region_transaction_begin();
    memory_region_del_subregion(container, mr);
    memory_region_add_subregion_overlap(container, addr, mr, mr->priority);
    memory_region_transaction_commit();
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    if (mr->alias_offset == offset) {
        return;
    }
    mr->alias_offset = offset;
    memory_tree_changed();
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly == readonly) {
        return;
    }
    mr->readonly = readonly;
    memory_tree_changed();
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "";
}

uint64_t memory_region_size(const MemoryRegion *mr)
{
    return mr->size_is_2_64 ? UINT64_MAX : mr->size;
}

static const MemoryRegion *memory_region_resolve_alias(const MemoryRegion *mr)
{
    while (mr->kind == MR_KIND_ALIAS && mr->alias) {
        mr = mr->alias;
    }
    return mr;
}

bool memory_region_is_ram(const MemoryRegion *mr)
{
    return memory_region_resolve_alias(mr)->kind == MR_KIND_RAM;
}

bool memory_region_is_rom(const MemoryRegion *mr)
{
    const MemoryRegion *target = memory_region_resolve_alias(mr);

    return target->kind == MR_KIND_RAM && target->readonly;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->kind == MR_KIND_ALIAS && mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (mr->kind != MR_KIND_RAM || !mr->ram_ptr) {
        return NULL;
    }
    return (uint8_t *)mr->ram_ptr + offset;
}

const char *memory_region_type_name(const MemoryRegion *mr)
{
    if (memory_region_is_rom(mr)) {
        return "rom";
    }
    return memory_region_is_ram(mr) ? "ram" : "i/o";
}

MemoryRegion *memory_region_flatview_root(MemoryRegion *mr)
{
    while (mr && mr->enabled) {
        if (mr->kind == MR_KIND_ALIAS) {
            /* A whole target behind an alias renders like the target. */
            if (mr->alias && !mr->alias_offset &&
                memory_region_size128(mr) >=
                memory_region_size128(mr->alias)) {
                mr = mr->alias;
                continue;
            }
            return mr;
        }
        if (mr->kind == MR_KIND_CONTAINER) {
            MemoryRegion *only = NULL;
            unsigned found = 0;
            guint i;

            for (i = 0; i < mr->subregions->len; i++) {
                MemoryRegion *child = g_ptr_array_index(mr->subregions, i);
                if (!child->enabled) {
                    continue;
                }
                found++;
                if (found == 1 && !child->addr &&
                    memory_region_size128(mr) >=
                    memory_region_size128(child)) {
                    only = child;
                }
            }
            if (found == 0) {
                return NULL;
            }
            if (found == 1 && only) {
                mr = only;
                continue;
            }
        }
        return mr;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Flat view rendering                                                 */

/* A range while rendering: 128-bit so a 2^64 range needs no special case. */
typedef struct RenderRange {
    MemoryRegion *mr;
    u128 offset;
    u128 start;
    u128 end;         /* exclusive */
    bool readonly;
} RenderRange;

/* Fill the parts of [start, end) not yet claimed by higher priorities. */
static void render_fill_gaps(GArray *view, MemoryRegion *mr, s128 origin,
                             u128 start, u128 end, bool readonly)
{
    u128 pos = start;
    guint i;

    for (i = 0; i < view->len && pos < end; i++) {
        RenderRange *r = &g_array_index(view, RenderRange, i);
        if (r->end <= pos) {
            continue;
        }
        if (r->start >= end) {
            break;
        }
        if (r->start > pos) {
            RenderRange nr = {
                .mr = mr, .offset = (u128)((s128)pos - origin),
                .start = pos, .end = r->start, .readonly = readonly,
            };
            g_array_insert_val(view, i, nr);
            i++;
            r = &g_array_index(view, RenderRange, i);
        }
        pos = r->end;
    }
    if (pos < end) {
        RenderRange nr = {
            .mr = mr, .offset = (u128)((s128)pos - origin),
            .start = pos, .end = end, .readonly = readonly,
        };
        g_array_insert_val(view, i, nr);
    }
}

/*
 * Render mr, whose offset 0 sits at address 'origin' (may be negative for
 * aliases into the middle of a target), limited to [clip_start, clip_end).
 * Higher-priority children render first; the region's own content (RAM or
 * I/O) fills only what they left.
 */
static void render_region(GArray *view, MemoryRegion *mr, s128 origin,
                          u128 clip_start, u128 clip_end, bool readonly)
{
    s128 lo, hi;
    u128 start, end;
    guint i;

    if (!mr->enabled) {
        return;
    }
    lo = origin;
    hi = origin + (s128)memory_region_size128(mr);
    start = lo > (s128)clip_start ? (u128)lo : clip_start;
    if (hi <= 0) {
        return;
    }
    end = (u128)hi < clip_end ? (u128)hi : clip_end;
    if (start >= end) {
        return;
    }
    readonly |= mr->readonly;

    if (mr->kind == MR_KIND_ALIAS) {
        if (mr->alias) {
            render_region(view, mr->alias, origin - (s128)mr->alias_offset,
                          start, end, readonly);
        }
        return;
    }
    for (i = 0; i < mr->subregions->len; i++) {
        MemoryRegion *sub = g_ptr_array_index(mr->subregions, i);
        render_region(view, sub, origin + (s128)sub->addr, start, end,
                      readonly);
    }
    if (mr->kind == MR_KIND_CONTAINER) {
        return;
    }
    render_fill_gaps(view, mr, origin, start, end, readonly);
}

static bool render_can_merge(const RenderRange *a, const RenderRange *b)
{
    return a->mr == b->mr && a->end == b->start && a->readonly == b->readonly
        && a->offset + (a->end - a->start) == b->offset;
}

static void flatview_append(FlatView *fv, guint *cap, MemoryRegion *mr,
                            u128 offset, u128 start, u128 size, bool ro)
{
    if (fv->nr == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        fv->ranges = g_renew(FlatRange, fv->ranges, *cap);
    }
    fv->ranges[fv->nr++] = (FlatRange) {
        .mr = mr, .offset_in_region = (hwaddr)offset,
        .addr = (hwaddr)start, .size = (uint64_t)size, .readonly = ro,
    };
}

static FlatView *flatview_render(MemoryRegion *root)
{
    GArray *view = g_array_new(false, false, sizeof(RenderRange));
    FlatView *fv = g_new0(FlatView, 1);
    guint i, cap = 0;

    fv->ref = 1;
    fv->root = root;
    render_count++;
    if (root) {
        render_region(view, root, 0, 0, (u128)1 << 64, false);
    }

    for (i = 0; i < view->len; i++) {
        RenderRange r = g_array_index(view, RenderRange, i);
        u128 size;

        while (i + 1 < view->len &&
               render_can_merge(&r, &g_array_index(view, RenderRange, i + 1))) {
            r.end = g_array_index(view, RenderRange, i + 1).end;
            i++;
        }
        size = r.end - r.start;
        if (size > UINT64_MAX) {
            /* Only [0, 2^64) gets here: split it into two halves. */
            u128 half = size / 2;
            flatview_append(fv, &cap, r.mr, r.offset, r.start, half,
                            r.readonly);
            flatview_append(fv, &cap, r.mr, r.offset + half, r.start + half,
                            half, r.readonly);
        } else {
            flatview_append(fv, &cap, r.mr, r.offset, r.start, size,
                            r.readonly);
        }
    }
    g_array_free(view, true);
    return fv;
}

void flatview_ref(FlatView *fv)
{
    fv->ref++;
}

void flatview_unref(FlatView *fv)
{
    if (!fv) {
        return;
    }
    g_assert(fv->ref > 0);
    if (--fv->ref == 0) {
        g_free(fv->ranges);
        g_free(fv);
    }
}

int flatview_find_index(const FlatView *fv, hwaddr addr)
{
    int lo = 0, hi = (int)fv->nr - 1, found = -1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (fv->ranges[mid].addr <= addr) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

const FlatRange *flatview_lookup(const FlatView *fv, hwaddr addr)
{
    int i = flatview_find_index(fv, addr);

    if (i < 0 || addr - fv->ranges[i].addr >= fv->ranges[i].size) {
        return NULL;
    }
    return &fv->ranges[i];
}

/* ------------------------------------------------------------------ */
/* Listeners and address spaces                                        */

typedef void (*ListenerSectionFn)(MemoryListener *l, MemoryRegionSection *s);

static MemoryRegionSection section_from_range(AddressSpace *as,
                                              const FlatRange *fr)
{
    return (MemoryRegionSection) {
        .mr = fr->mr, .as = as,
        .offset_within_region = fr->offset_in_region,
        .offset_within_address_space = fr->addr,
        .size = fr->size, .readonly = fr->readonly,
    };
}

static void listener_call_begin(MemoryListener *l)
{
    if (l->begin) {
        l->begin(l);
    }
}

static void listener_call_commit(MemoryListener *l)
{
    if (l->commit) {
        l->commit(l);
    }
}

static void listener_call_section(MemoryListener *l, ListenerSectionFn fn,
                                  AddressSpace *as, const FlatRange *fr)
{
    MemoryRegionSection section = section_from_range(as, fr);

    if (fn) {
        fn(l, &section);
    }
}

static bool flatrange_equal(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr && a->offset_in_region == b->offset_in_region &&
           a->addr == b->addr && a->size == b->size &&
           a->readonly == b->readonly;
}

/*
 * One pass over old and new views, both sorted: with adding false report
 * the ranges that went away (listeners in reverse order, as QEMU), with
 * adding true the ones that stayed and the ones that appeared.
 */
static void address_space_diff_pass(AddressSpace *as, const FlatView *old,
                                    const FlatView *new, bool adding)
{
    unsigned iold = 0, inew = 0;
    guint n = as->listeners->len, k;

    while (iold < old->nr || inew < new->nr) {
        const FlatRange *fo = iold < old->nr ? &old->ranges[iold] : NULL;
        const FlatRange *fn = inew < new->nr ? &new->ranges[inew] : NULL;

        if (fo && (!fn || fo->addr < fn->addr ||
                   (fo->addr == fn->addr && !flatrange_equal(fo, fn)))) {
            for (k = n; !adding && k > 0; k--) {
                MemoryListener *l = g_ptr_array_index(as->listeners, k - 1);
                listener_call_section(l, l->region_del, as, fo);
            }
            iold++;
        } else if (fo && fn && flatrange_equal(fo, fn)) {
            for (k = 0; adding && k < n; k++) {
                MemoryListener *l = g_ptr_array_index(as->listeners, k);
                listener_call_section(l, l->region_nop, as, fn);
            }
            iold++;
            inew++;
        } else {
            for (k = 0; adding && k < n; k++) {
                MemoryListener *l = g_ptr_array_index(as->listeners, k);
                listener_call_section(l, l->region_add, as, fn);
            }
            inew++;
        }
    }
}

static void address_space_update_view(AddressSpace *as)
{
    FlatView *old = as->current_map;
    FlatView *new = flatview_render(as->root);
    guint k;

    as->current_map = new;
    if (old) {
        for (k = 0; k < as->listeners->len; k++) {
            listener_call_begin(g_ptr_array_index(as->listeners, k));
        }
        address_space_diff_pass(as, old, new, false);
        address_space_diff_pass(as, old, new, true);
        for (k = 0; k < as->listeners->len; k++) {
            listener_call_commit(g_ptr_array_index(as->listeners, k));
        }
        flatview_unref(old);
    }
}

void memory_region_transaction_begin(void)
{
    transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    GPtrArray *spaces = memory_address_spaces();
    guint i;

    g_assert(transaction_depth > 0);
    if (--transaction_depth || !transaction_pending) {
        return;
    }
    transaction_pending = false;
    for (i = 0; i < spaces->len; i++) {
        address_space_update_view(g_ptr_array_index(spaces, i));
    }
}

/* A change outside any transaction is a transaction of its own. */
static void memory_tree_changed(void)
{
    memory_region_transaction_begin();
    transaction_pending = true;
    memory_region_transaction_commit();
}

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    as->name = g_strdup(name);
    as->root = root;
    as->listeners = g_ptr_array_new();
    as->current_map = flatview_render(root);
    g_ptr_array_add(memory_address_spaces(), as);
}

void address_space_destroy(AddressSpace *as)
{
    while (as->listeners->len) {
        memory_listener_unregister(g_ptr_array_index(as->listeners, 0));
    }
    g_ptr_array_remove(memory_address_spaces(), as);
    flatview_unref(as->current_map);
    as->current_map = NULL;
    g_ptr_array_free(as->listeners, true);
    as->listeners = NULL;
    g_free(as->name);
    as->name = NULL;
    as->root = NULL;
}

FlatView *address_space_get_flatview(AddressSpace *as)
{
    flatview_ref(as->current_map);
    return as->current_map;
}

void memory_listener_register(MemoryListener *listener, AddressSpace *as)
{
    FlatView *fv = as->current_map;
    guint i;

    g_assert(!listener->address_space);
    listener->address_space = as;
    /* Ascending priority; equal priorities keep registration order. */
    for (i = 0; i < as->listeners->len; i++) {
        MemoryListener *other = g_ptr_array_index(as->listeners, i);
        if (listener->priority < other->priority) {
            break;
        }
    }
    g_ptr_array_insert(as->listeners, i, listener);

    listener_call_begin(listener);
    for (i = 0; fv && i < fv->nr; i++) {
        listener_call_section(listener, listener->region_add, as,
                              &fv->ranges[i]);
    }
    listener_call_commit(listener);
}

void memory_listener_unregister(MemoryListener *listener)
{
    AddressSpace *as = listener->address_space;
    FlatView *fv;
    guint i;

    if (!as) {
        return;
    }
    fv = as->current_map;
    listener_call_begin(listener);
    for (i = 0; fv && i < fv->nr; i++) {
        listener_call_section(listener, listener->region_del, as,
                              &fv->ranges[i]);
    }
    listener_call_commit(listener);
    g_ptr_array_remove(as->listeners, listener);
    listener->address_space = NULL;
}

/* ------------------------------------------------------------------ */
/* The board-wide address spaces                                       */

static MemoryRegion *system_memory;
static MemoryRegion *system_io;
AddressSpace address_space_memory;
AddressSpace address_space_io;

/* Port I/O nobody claimed: reads float high, writes vanish (as on a PC). */
static uint64_t unassigned_io_read(void *opaque, hwaddr addr, unsigned size)
{
    return UINT64_MAX;
}

static void unassigned_io_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size)
{
}

static const MemoryRegionOps unassigned_io_ops = {
    .read = unassigned_io_read,
    .write = unassigned_io_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

MemoryRegion *get_system_memory(void)
{
    return system_memory;
}

MemoryRegion *get_system_io(void)
{
    return system_io;
}

void memory_map_init(void)
{
    if (system_memory) {
        return;
    }
    system_memory = g_new0(MemoryRegion, 1);
    memory_region_init(system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&address_space_memory, system_memory, "memory");

    system_io = g_new0(MemoryRegion, 1);
    memory_region_init_io(system_io, NULL, &unassigned_io_ops, NULL, "io",
                          64 * KiB);
    address_space_init(&address_space_io, system_io, "I/O");
}
