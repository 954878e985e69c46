/*
 * "info mtree" in QEMU 7.2's format: each address space's region tree
 * (spaces sharing a root print together), then the trees of regions that
 * aliases point at ("memory-region: NAME"); with -f each flat view.
 * Differences from QEMU are listed in docs/devel/memory.md.
 */
#include "qemu/osdep.h"
#include "exec/memory.h"
#include "memory-internal.h"

#define MTREE_INDENT "  "

typedef struct MtreeState {
    GString *out;
    bool show_disabled;
    GPtrArray *aliased;     /* alias targets still to print, no repeats */
} MtreeState;

/* Last address of a region or range; a 0-byte one prints as one byte. */
static hwaddr mtree_last(hwaddr start, u128 size)
{
    return start + (hwaddr)(size ? size - 1 : 0);
}

static void mtree_indent(GString *out, unsigned level)
{
    unsigned i;

    for (i = 0; i < level; i++) {
        g_string_append(out, MTREE_INDENT);
    }
}

/* QEMU prints children by address, then higher priority first. */
static gint mtree_child_cmp(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = *(MemoryRegion *const *)a;
    const MemoryRegion *y = *(MemoryRegion *const *)b;

    if (x->addr != y->addr) {
        return x->addr < y->addr ? -1 : 1;
    }
    return x->priority > y->priority ? -1 : (x->priority < y->priority);
}

static void mtree_print_region(MtreeState *s, MemoryRegion *mr,
                               unsigned level, hwaddr base)
{
    hwaddr start = base + mr->addr;
    hwaddr last = mtree_last(start, memory_region_size128(mr));
    GPtrArray *children;
    guint i;

    if (mr->kind == MR_KIND_ALIAS && mr->alias &&
        !g_ptr_array_find(s->aliased, mr->alias, NULL)) {
        g_ptr_array_add(s->aliased, mr->alias);
    }
    if (mr->enabled || s->show_disabled) {
        mtree_indent(s->out, level);
        g_string_append_printf(s->out,
                               "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): ",
                               start, last, mr->priority,
                               memory_region_type_name(mr));
        if (mr->kind == MR_KIND_ALIAS && mr->alias) {
            g_string_append_printf(
                s->out, "alias %s @%s %016" PRIx64 "-%016" PRIx64,
                memory_region_name(mr), memory_region_name(mr->alias),
                mr->alias_offset,
                mtree_last(mr->alias_offset, memory_region_size128(mr)));
        } else {
            g_string_append(s->out, memory_region_name(mr));
        }
        g_string_append(s->out, mr->enabled ? "\n" : " [disabled]\n");
    }

    /* As QEMU: children of a hidden disabled region still print. */
    children = g_ptr_array_new();
    for (i = 0; i < mr->subregions->len; i++) {
        g_ptr_array_add(children, g_ptr_array_index(mr->subregions, i));
    }
    /* A stable sort keeps the newest-first order among exact ties. */
    g_ptr_array_sort(children, mtree_child_cmp);
    for (i = 0; i < children->len; i++) {
        mtree_print_region(s, g_ptr_array_index(children, i), level + 1,
                           start);
    }
    g_ptr_array_free(children, true);
}

static gint mtree_as_name_cmp(gconstpointer a, gconstpointer b)
{
    const AddressSpace *x = *(AddressSpace *const *)a;
    const AddressSpace *y = *(AddressSpace *const *)b;

    return strcmp(x->name, y->name);
}

/* Address spaces whose 'key' (a root) equals that of spaces[i]. */
static GPtrArray *mtree_group(GPtrArray *spaces, guint i, bool by_fv_root)
{
    AddressSpace *first = g_ptr_array_index(spaces, i);
    MemoryRegion *key = by_fv_root ? memory_region_flatview_root(first->root)
                                   : first->root;
    GPtrArray *group = g_ptr_array_new();
    guint j;

    for (j = 0; j < spaces->len; j++) {
        AddressSpace *as = g_ptr_array_index(spaces, j);
        MemoryRegion *k = by_fv_root ? memory_region_flatview_root(as->root)
                                     : as->root;
        if (k == key) {
            if (j < i) {
                break;  /* already printed with an earlier space */
            }
            g_ptr_array_add(group, as);
        }
    }
    if (j < spaces->len) {
        g_ptr_array_set_size(group, 0);
    }
    return group;
}

static void mtree_print_trees(MtreeState *s)
{
    GPtrArray *spaces = memory_address_spaces();
    guint i, j;

    for (i = 0; i < spaces->len; i++) {
        GPtrArray *group = mtree_group(spaces, i, false);
        AddressSpace *as;

        if (!group->len) {
            g_ptr_array_free(group, true);
            continue;
        }
        g_ptr_array_sort(group, mtree_as_name_cmp);
        for (j = 0; j < group->len; j++) {
            as = g_ptr_array_index(group, j);
            g_string_append_printf(s->out, "address-space: %s\n", as->name);
        }
        as = g_ptr_array_index(group, 0);
        if (as->root) {
            mtree_print_region(s, as->root, 1, 0);
        }
        g_string_append(s->out, "\n");
        g_ptr_array_free(group, true);
    }

    /* The queue grows while it is printed: aliases inside aliased trees. */
    for (i = 0; i < s->aliased->len; i++) {
        MemoryRegion *mr = g_ptr_array_index(s->aliased, i);
        g_string_append_printf(s->out, "memory-region: %s\n",
                               memory_region_name(mr));
        mtree_print_region(s, mr, 1, 0);
        g_string_append(s->out, "\n");
    }
}

static void mtree_print_flatview(MtreeState *s, unsigned n, GPtrArray *group)
{
    AddressSpace *first = g_ptr_array_index(group, 0);
    MemoryRegion *root = memory_region_flatview_root(first->root);
    FlatView *fv = address_space_get_flatview(first);
    guint i;

    g_string_append_printf(s->out, "FlatView #%u\n", n);
    for (i = 0; i < group->len; i++) {
        AddressSpace *as = g_ptr_array_index(group, i);
        g_string_append_printf(s->out, " AS \"%s\", root: %s\n", as->name,
                               as->root ? memory_region_name(as->root) : "");
    }
    g_string_append_printf(s->out, " Root memory region: %s\n",
                           root ? memory_region_name(root) : "(none)");
    if (!fv->nr) {
        g_string_append(s->out, MTREE_INDENT "No rendered FlatView\n");
    }
    for (i = 0; i < fv->nr; i++) {
        const FlatRange *fr = &fv->ranges[i];
        g_string_append_printf(s->out,
                               MTREE_INDENT "%016" PRIx64 "-%016" PRIx64
                               " (prio %d, %s): %s",
                               fr->addr, mtree_last(fr->addr, fr->size),
                               fr->mr->priority,
                               fr->readonly ? "rom"
                                            : memory_region_type_name(fr->mr),
                               memory_region_name(fr->mr));
        if (fr->offset_in_region) {
            g_string_append_printf(s->out, " @%016" PRIx64,
                                   fr->offset_in_region);
        }
        g_string_append(s->out, "\n");
    }
    g_string_append(s->out, "\n");
    flatview_unref(fv);
}

static void mtree_print_flatviews(MtreeState *s)
{
    GPtrArray *spaces = memory_address_spaces();
    unsigned n = 0;
    guint i;

    for (i = 0; i < spaces->len; i++) {
        GPtrArray *group = mtree_group(spaces, i, true);
        if (group->len) {
            mtree_print_flatview(s, n++, group);
        }
        g_ptr_array_free(group, true);
    }
}

void mtree_info_full(GString *out, bool flatview, bool show_disabled)
{
    MtreeState s = {
        .out = out, .show_disabled = show_disabled,
        .aliased = g_ptr_array_new(),
    };

    if (flatview) {
        mtree_print_flatviews(&s);
    } else {
        mtree_print_trees(&s);
    }
    g_ptr_array_free(s.aliased, true);
}

void mtree_info(GString *out, bool flatview)
{
    mtree_info_full(out, flatview, false);
}
