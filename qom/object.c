/*
 * QOM core: the type registry, lazily built classes, interfaces, checked
 * casts, instance life cycle (new, ref, unref, finalize) and the
 * composition tree rooted at "/". Property values live in object-props.c.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qom-internal.h"

struct TypeImpl {
    char *name;
    char *parent_name;
    /* Resolved parent; set directly for interface implementation types,
     * which are not in the registry. */
    struct TypeImpl *parent_type;

    size_t class_size;
    size_t instance_size;

    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;

    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;

    char **interface_names;         /* NULL-terminated */
    ObjectClass *class;             /* NULL until first use */
};

typedef struct TypeImpl TypeImpl;

static GHashTable *type_table;
static bool type_table_filling;

static void qom_register_builtin_types(void);

/*
 * Created on first use: type_init constructors run before main() in no
 * defined order, so whichever registers first creates the table.
 */
static GHashTable *type_table_get(void)
{
    if (!type_table) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
        type_table_filling = true;
        qom_register_builtin_types();
        user_creatable_register_types();
        type_table_filling = false;
    }
    return type_table;
}

static TypeImpl *type_new(const TypeInfo *info)
{
    TypeImpl *ti = g_new0(TypeImpl, 1);
    int n = 0;

    ti->name = g_strdup(info->name);
    ti->parent_name = g_strdup(info->parent);
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;

    while (info->interfaces && info->interfaces[n].type) {
        n++;
    }
    ti->interface_names = g_new0(char *, n + 1);
    for (int i = 0; i < n; i++) {
        ti->interface_names[i] = g_strdup(info->interfaces[i].type);
    }
    return ti;
}

Type type_register_static(const TypeInfo *info)
{
    GHashTable *table = type_table_get();
    TypeImpl *ti;

    g_assert(info->name);
    if (g_hash_table_lookup(table, info->name)) {
        /* Two types with one name is a build error, never user input. */
        fprintf(stderr, "Registering '%s' which already exists\n", info->name);
        abort();
    }
    ti = type_new(info);
    g_hash_table_insert(table, ti->name, ti);
    return ti;
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    for (int i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

static TypeImpl *type_get_by_name(const char *name)
{
    if (!name) {
        return NULL;
    }
    return g_hash_table_lookup(type_table_get(), name);
}

static TypeImpl *type_get_parent(TypeImpl *ti)
{
    if (!ti->parent_type && ti->parent_name) {
        ti->parent_type = type_get_by_name(ti->parent_name);
        if (!ti->parent_type) {
            fprintf(stderr, "Type '%s' has unknown parent '%s'\n",
                    ti->name, ti->parent_name);
            abort();
        }
    }
    return ti->parent_type;
}

static bool type_is_ancestor(TypeImpl *ti, TypeImpl *ancestor)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti == ancestor) {
            return true;
        }
    }
    return false;
}

static bool type_is_interface(TypeImpl *ti)
{
    return type_is_ancestor(ti, type_get_by_name(TYPE_INTERFACE));
}

static size_t type_class_size(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->class_size) {
            return ti->class_size;
        }
    }
    return sizeof(ObjectClass);
}

static size_t type_instance_size(TypeImpl *ti)
{
    for (; ti; ti = type_get_parent(ti)) {
        if (ti->instance_size) {
            return ti->instance_size;
        }
    }
    return sizeof(Object);
}

static void type_initialize(TypeImpl *ti);

/*
 * Give ti->class its own InterfaceClass for iface. The implementation type
 * derives from 'parent' (the interface itself, or the parent class's
 * implementation when inherited) so values a parent class_init stored in
 * its InterfaceClass are copied down like any class field.
 */
static void type_initialize_interface(TypeImpl *ti, TypeImpl *iface,
                                      TypeImpl *parent)
{
    TypeImpl *impl = g_new0(TypeImpl, 1);
    InterfaceClass *ic;

    impl->name = g_strdup_printf("%s::%s", ti->name, iface->name);
    impl->parent_name = g_strdup(parent->name);
    impl->parent_type = parent;
    impl->abstract = true;
    impl->interface_names = g_new0(char *, 1);
    type_initialize(impl);

    ic = (InterfaceClass *)impl->class;
    ic->concrete_class = ti->class;
    ic->interface_type = iface;
    ti->class->interfaces = g_slist_append(ti->class->interfaces, ic);
}

static void type_initialize_interfaces(TypeImpl *ti, TypeImpl *parent)
{
    GSList *e;

    if (parent) {
        for (e = parent->class->interfaces; e; e = e->next) {
            InterfaceClass *ic = e->data;

            type_initialize_interface(ti, ic->interface_type,
                                      ic->parent_class.type);
        }
    }
    for (int i = 0; ti->interface_names[i]; i++) {
        TypeImpl *iface = type_get_by_name(ti->interface_names[i]);

        if (!iface || !type_is_interface(iface)) {
            fprintf(stderr, "Type '%s' implements unknown interface '%s'\n",
                    ti->name, ti->interface_names[i]);
            abort();
        }
        if (object_class_dynamic_cast(ti->class, iface->name)) {
            continue;           /* already inherited */
        }
        type_initialize(iface);
        type_initialize_interface(ti, iface, iface);
    }
}

/* Build the class on first use: copy the parent, then hooks root-first. */
static void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent;

    if (ti->class) {
        return;
    }
    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
    }
    ti->class_size = type_class_size(ti);
    ti->instance_size = type_instance_size(ti);
    ti->class = g_malloc0(ti->class_size);
    if (parent) {
        g_assert(ti->class_size >= parent->class_size);
        memcpy(ti->class, parent->class, parent->class_size);
        ti->class->interfaces = NULL;
    }
    ti->class->props = NULL;
    ti->class->type = ti;

    if (type_is_interface(ti)) {
        ti->abstract = true;    /* interfaces are never instantiated */
    } else {
        type_initialize_interfaces(ti, parent);
    }

    for (TypeImpl *p = parent; p; p = type_get_parent(p)) {
        if (p->class_base_init) {
            p->class_base_init(ti->class, ti->class_data);
        }
    }
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *parent = type_get_parent(klass->type);

    if (!parent) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    TypeImpl *target, *type;
    ObjectClass *found = NULL;

    if (!klass) {
        return NULL;
    }
    type = klass->type;
    if (!strcmp(type->name, typename)) {
        return klass;
    }
    target = type_get_by_name(typename);
    if (!target) {
        return NULL;
    }
    if (type_is_ancestor(type, target)) {
        return klass;
    }
    if (!klass->interfaces || !type_is_interface(target)) {
        return NULL;
    }
    for (GSList *e = klass->interfaces; e; e = e->next) {
        ObjectClass *ic = e->data;

        if (type_is_ancestor(ic->type, target)) {
            if (found) {
                return NULL;    /* ambiguous: two interfaces match */
            }
            found = ic;
        }
    }
    return found;
}

/* A cast of klass to typename that succeeded before (by pointer). */
static bool object_class_cast_cached(ObjectClass *klass, const char *typename)
{
    for (int i = 0; i < OBJECT_CLASS_CAST_CACHE; i++) {
        if (__atomic_load_n(&klass->cast_cache[i], __ATOMIC_RELAXED) ==
            typename) {
            return true;
        }
    }
    return false;
}

/* Remember a successful cast; racing threads may overwrite each other's
 * entries, which only costs a later lookup. Only for casts that return
 * klass itself (not an interface class). */
static void object_class_cast_remember(ObjectClass *klass,
                                       const char *typename)
{
    for (int i = OBJECT_CLASS_CAST_CACHE - 1; i > 0; i--) {
        __atomic_store_n(&klass->cast_cache[i],
                         __atomic_load_n(&klass->cast_cache[i - 1],
                                         __ATOMIC_RELAXED),
                         __ATOMIC_RELAXED);
    }
    __atomic_store_n(&klass->cast_cache[0], typename, __ATOMIC_RELAXED);
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (klass && object_class_cast_cached(klass, typename)) {
        return klass;
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (ret == klass && klass) {
        object_class_cast_remember(klass, typename);
    }

    if (!ret && klass) {
        fprintf(stderr, "%s:%d:%s: Object %p is not an instance of type %s"
                " (it is %s)\n", file, line, func, (void *)klass, typename,
                object_class_get_name(klass));
        abort();
    }
    return ret;
}

static gint type_compare_name(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name((ObjectClass *)a),
                  object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    /* Copy first: class_init hooks may look types up while we iterate. */
    GList *types = g_hash_table_get_values(type_table_get());
    GSList *out = NULL;

    for (GList *e = types; e; e = e->next) {
        TypeImpl *ti = e->data;

        type_initialize(ti);
        if (!include_abstract && ti->abstract) {
            continue;
        }
        if (implements_type &&
            !object_class_dynamic_cast(ti->class, implements_type)) {
            continue;
        }
        out = g_slist_prepend(out, ti->class);
    }
    g_list_free(types);
    return g_slist_sort(out, type_compare_name);
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    GSList *list = object_class_get_list_sorted(implements_type,
                                                include_abstract);

    for (GSList *e = list; e; e = e->next) {
        fn(e->data, opaque);
    }
    g_slist_free(list);
}

/* Instances. */

static void object_init_with_type(Object *obj, TypeImpl *ti)
{
    TypeImpl *parent = type_get_parent(ti);

    if (parent) {
        object_init_with_type(obj, parent);
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, TypeImpl *ti)
{
    TypeImpl *parent = type_get_parent(ti);

    if (parent) {
        object_post_init_with_type(obj, parent);
    }
    if (ti->instance_post_init) {
        ti->instance_post_init(obj);
    }
}

static void object_initialize_with_type(Object *obj, size_t size,
                                        TypeImpl *ti)
{
    type_initialize(ti);
    if (ti->abstract) {
        fprintf(stderr, "cannot create object of abstract type '%s'\n",
                ti->name);
        abort();
    }
    g_assert(size >= ti->instance_size);
    memset(obj, 0, size);
    obj->class = ti->class;
    obj->ref = 1;
    obj->children = g_ptr_array_new();
    object_property_set_defaults(obj);
    object_init_with_type(obj, ti);
    object_post_init_with_type(obj, ti);
}

static TypeImpl *type_get_or_die(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        /* Callers pass compile-time names; unknown means a build error. */
        fprintf(stderr, "unknown type '%s'\n", typename);
        abort();
    }
    return ti;
}

void object_initialize(void *obj, size_t size, const char *typename)
{
    object_initialize_with_type(obj, size, type_get_or_die(typename));
}

static Object *object_new_with_type(TypeImpl *ti)
{
    Object *obj;

    type_initialize(ti);
    obj = g_malloc0(ti->instance_size);
    object_initialize_with_type(obj, ti->instance_size, ti);
    obj->free_on_finalize = true;
    return obj;
}

Object *object_new(const char *typename)
{
    return object_new_with_type(type_get_or_die(typename));
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new_with_type(klass->type);
}

static void object_finalize(Object *obj)
{
    for (TypeImpl *ti = obj->class->type; ti; ti = type_get_parent(ti)) {
        if (ti->instance_finalize) {
            ti->instance_finalize(obj);
        }
    }
    object_property_release_all(obj);
    while (obj->children->len) {
        object_unparent(g_ptr_array_index(obj->children,
                                          obj->children->len - 1));
    }
    g_ptr_array_free(obj->children, true);
    obj->children = NULL;
    if (obj->free_on_finalize) {
        g_free(obj);
    }
}

Object *object_ref(void *opaque)
{
    Object *obj = opaque;

    if (obj) {
        g_assert(obj->ref > 0);
        obj->ref++;
    }
    return obj;
}

void object_unref(void *opaque)
{
    Object *obj = opaque;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (--obj->ref == 0) {
        object_finalize(obj);
    }
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj && object_class_cast_cached(obj->class, typename)) {
        return obj;
    }
    if (obj && object_class_dynamic_cast(obj->class, typename) ==
        obj->class) {
        object_class_cast_remember(obj->class, typename);
        return obj;
    }
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d:%s: Object %p is not an instance of type %s"
                " (it is %s)\n", file, line, func, (void *)obj, typename,
                object_get_typename(obj));
        abort();
    }
    return obj;
}

/* Composition tree. */

Object *object_get_root(void)
{
    static Object *root;

    if (!root) {
        root = object_new(TYPE_CONTAINER);
    }
    return root;
}

Object *object_get_objects_root(void)
{
    return container_get(object_get_root(), "/objects");
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    for (guint i = 0; i < parent->children->len; i++) {
        Object *child = g_ptr_array_index(parent->children, i);

        if (!strcmp(child->name, part)) {
            return child;
        }
    }
    return NULL;
}

Object *container_get(Object *root, const char *path)
{
    char **parts = g_strsplit(path, "/", 0);
    Object *obj = root;

    for (int i = 0; parts[i]; i++) {
        Object *child;

        if (!parts[i][0]) {
            continue;
        }
        child = object_resolve_path_component(obj, parts[i]);
        if (!child) {
            child = object_new(TYPE_CONTAINER);
            object_property_add_child(obj, parts[i], child, NULL);
            object_unref(child);
        }
        obj = child;
    }
    g_strfreev(parts);
    return obj;
}

/* "name[*]" asks for the first free "name[N]", as QEMU's tree does. */
static char *object_child_name_expand(Object *parent, const char *name)
{
    size_t len = strlen(name);
    g_autofree char *stem = NULL;

    if (len < 3 || strcmp(name + len - 3, "[*]") != 0) {
        return g_strdup(name);
    }
    stem = g_strndup(name, len - 3);
    for (unsigned n = 0;; n++) {
        char *cand = g_strdup_printf("%s[%u]", stem, n);

        if (!object_resolve_path_component(parent, cand)) {
            return cand;
        }
        g_free(cand);
    }
}

bool object_property_add_child(Object *parent, const char *name,
                               Object *child, Error **errp)
{
    char *full = object_child_name_expand(parent, name);

    g_assert(!child->parent);
    if (object_resolve_path_component(parent, full)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", full, object_get_typename(parent));
        g_free(full);
        return false;
    }
    object_ref(child);
    child->parent = parent;
    child->name = full;
    g_ptr_array_add(parent->children, child);
    return true;
}

void object_unparent(Object *obj)
{
    Object *parent = obj->parent;

    if (!parent) {
        return;
    }
    if (obj->class->unparent) {
        obj->class->unparent(obj);
    }
    g_ptr_array_remove(parent->children, obj);
    obj->parent = NULL;
    g_free(obj->name);
    obj->name = NULL;
    object_unref(obj);
}

Object *object_get_parent(Object *obj)
{
    return obj->parent;
}

const char *object_get_canonical_path_component(const Object *obj)
{
    return obj->name;
}

char *object_get_canonical_path(const Object *obj)
{
    const Object *root = object_get_root();
    GPtrArray *names = g_ptr_array_new();
    GString *path;

    if (obj == root) {
        g_ptr_array_free(names, true);
        return g_strdup("/");
    }
    for (; obj && obj != root; obj = obj->parent) {
        if (!obj->name) {
            g_ptr_array_free(names, true);
            return NULL;        /* not attached under the root */
        }
        g_ptr_array_add(names, obj->name);
    }
    path = g_string_new(NULL);
    for (guint i = names->len; i > 0; i--) {
        g_string_append_printf(path, "/%s",
                               (char *)g_ptr_array_index(names, i - 1));
    }
    g_ptr_array_free(names, true);
    return g_string_free(path, false);
}

static Object *object_resolve_abs_path(Object *obj, char **parts,
                                       const char *typename)
{
    for (; obj && *parts; parts++) {
        if (**parts) {
            obj = object_resolve_path_component(obj, *parts);
        }
    }
    return obj ? object_dynamic_cast(obj, typename) : NULL;
}

/* Every node where the parts resolve counts; more than one is ambiguous. */
static Object *object_resolve_partial_path(Object *parent, char **parts,
                                           const char *typename,
                                           bool *ambiguous)
{
    Object *found = object_resolve_abs_path(parent, parts, typename);

    for (guint i = 0; i < parent->children->len && !*ambiguous; i++) {
        Object *child = g_ptr_array_index(parent->children, i);
        Object *obj = object_resolve_partial_path(child, parts, typename,
                                                  ambiguous);

        if (*ambiguous) {
            return NULL;
        }
        if (obj) {
            if (found) {
                *ambiguous = true;
                return NULL;
            }
            found = obj;
        }
    }
    return *ambiguous ? NULL : found;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous)
{
    bool ambig = false;
    char **parts;
    Object *obj;

    if (!typename) {
        typename = TYPE_OBJECT;
    }
    if (!path || !path[0]) {
        if (ambiguous) {
            *ambiguous = false;
        }
        return NULL;
    }
    parts = g_strsplit(path, "/", 0);
    if (path[0] == '/') {
        obj = object_resolve_abs_path(object_get_root(), parts + 1, typename);
    } else {
        obj = object_resolve_partial_path(object_get_root(), parts, typename,
                                          &ambig);
    }
    g_strfreev(parts);
    if (ambiguous) {
        *ambiguous = ambig;
    }
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    /* Iterate a copy so fn may unparent the child it is given. */
    GPtrArray *copy = g_ptr_array_copy(obj->children, NULL, NULL);
    int ret = 0;

    for (guint i = 0; i < copy->len && !ret; i++) {
        ret = fn(g_ptr_array_index(copy, i), opaque);
    }
    g_ptr_array_free(copy, true);
    return ret;
}

static gint object_compare_name(gconstpointer a, gconstpointer b)
{
    const Object *oa = *(Object *const *)a;
    const Object *ob = *(Object *const *)b;

    return g_strcmp0(oa->name, ob->name);
}

/* One line per object, children sorted by name as QEMU's monitor does. */
static void object_tree_print(GString *out, Object *obj, int indent)
{
    GPtrArray *sorted = g_ptr_array_copy(obj->children, NULL, NULL);
    const char *name = obj == object_get_root() ? "" : obj->name;

    g_string_append_printf(out, "%*s/%s (%s)\n", indent, "", name ? name : "",
                           object_get_typename(obj));
    g_ptr_array_sort(sorted, object_compare_name);
    for (guint i = 0; i < sorted->len; i++) {
        object_tree_print(out, g_ptr_array_index(sorted, i), indent + 2);
    }
    g_ptr_array_free(sorted, true);
}

void object_tree_info(GString *out, const char *path)
{
    Object *obj;

    if (!path) {
        path = "/machine";
    }
    obj = object_resolve_path(path, NULL);
    if (!obj) {
        g_string_append_printf(out, "Path '%s' could not be resolved.\n",
                               path);
        return;
    }
    object_tree_print(out, obj, 0);
}

/* Built-in types. */

static const TypeInfo qom_builtin_types[] = {
    {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_size = sizeof(ObjectClass),
        .abstract = true,
    },
    {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    },
    {
        .name = TYPE_CONTAINER,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
    },
};

static void qom_register_builtin_types(void)
{
    g_assert(type_table_filling);
    type_register_static_array(qom_builtin_types,
                               ARRAY_SIZE(qom_builtin_types));
}
