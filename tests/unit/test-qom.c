/*
 * Unit tests for qom/: types, classes, interfaces, casts, life cycle,
 * the composition tree, every property kind and user-creatable objects.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "qemu/option.h"

/* A log the type hooks append to, so tests can check call order. */
static GString *hook_log;

static void log_hook(const char *what)
{
    if (!hook_log) {
        hook_log = g_string_new(NULL);
    }
    if (hook_log->len) {
        g_string_append_c(hook_log, ',');
    }
    g_string_append(hook_log, what);
}

static char *log_take(void)
{
    char *s;

    if (!hook_log) {
        return g_strdup("");
    }
    s = g_strdup(hook_log->str);
    g_string_truncate(hook_log, 0);
    return s;
}

static void log_clear(void)
{
    if (hook_log) {
        g_string_truncate(hook_log, 0);
    }
}

static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* ---- A small hierarchy: base <- mid (implements iface) <- leaf ---- */

#define TYPE_TEST_BASE "test-base"
#define TYPE_TEST_MID "test-mid"
#define TYPE_TEST_LEAF "test-leaf"
#define TYPE_TEST_LEAF2 "test-leaf2"
#define TYPE_TEST_ABSTRACT "test-abstract"
#define TYPE_TEST_IFACE "test-iface"
#define TYPE_TEST_IFACE2 "test-iface2"

typedef struct TestBaseClass {
    ObjectClass parent_class;
    int level;
    const char *who;
    int base_init_calls;
} TestBaseClass;

typedef struct TestBase {
    Object parent_obj;
    int init_seq;
} TestBase;

typedef struct TestLeafClass {
    TestBaseClass parent_class;
    int extra;
} TestLeafClass;

typedef struct TestLeaf {
    TestBase parent_obj;
    int leaf_value;
} TestLeaf;

typedef struct TestIfaceClass {
    InterfaceClass parent_class;
    int magic;
} TestIfaceClass;

#define TEST_BASE_CLASS(k) OBJECT_CLASS_CHECK(TestBaseClass, k, TYPE_TEST_BASE)
#define TEST_IFACE_CLASS(k) \
    OBJECT_CLASS_CHECK(TestIfaceClass, k, TYPE_TEST_IFACE)

static void base_class_init(ObjectClass *k, void *data)
{
    TEST_BASE_CLASS(k)->level = 1;
    TEST_BASE_CLASS(k)->who = "base";
    log_hook("ci:base");
}

static void base_class_base_init(ObjectClass *k, void *data)
{
    TEST_BASE_CLASS(k)->base_init_calls++;
    log_hook("bi:base");
}

static void mid_class_init(ObjectClass *k, void *data)
{
    TestBaseClass *bc = TEST_BASE_CLASS(k);

    /* Parent's values arrive copied: level 1 from base_class_init. */
    bc->level = bc->level * 10 + 2;
    bc->who = "mid";
    TEST_IFACE_CLASS(k)->magic = 7;
    log_hook("ci:mid");
}

static void leaf_class_init(ObjectClass *k, void *data)
{
    TestBaseClass *bc = TEST_BASE_CLASS(k);

    bc->level = bc->level * 10 + 3;
    ((TestLeafClass *)k)->extra = GPOINTER_TO_INT(data);
    log_hook("ci:leaf");
}

static void leaf2_class_init(ObjectClass *k, void *data)
{
    TEST_IFACE_CLASS(k)->magic = 9;     /* overrides mid's value */
}

static void base_instance_init(Object *obj)
{
    ((TestBase *)obj)->init_seq = 1;
    log_hook("ii:base");
}

static void mid_instance_init(Object *obj)
{
    ((TestBase *)obj)->init_seq = ((TestBase *)obj)->init_seq * 10 + 2;
    log_hook("ii:mid");
}

static void leaf_instance_init(Object *obj)
{
    ((TestBase *)obj)->init_seq = ((TestBase *)obj)->init_seq * 10 + 3;
    log_hook("ii:leaf");
}

static void leaf_post_init(Object *obj)
{
    log_hook("pi:leaf");
}

static void base_finalize(Object *obj)
{
    log_hook("fi:base");
}

static void mid_finalize(Object *obj)
{
    log_hook("fi:mid");
}

static void leaf_finalize(Object *obj)
{
    log_hook("fi:leaf");
}

static const TypeInfo test_hierarchy_types[] = {
    {
        .name = TYPE_TEST_IFACE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(TestIfaceClass),
    },
    {
        .name = TYPE_TEST_IFACE2,
        .parent = TYPE_INTERFACE,
    },
    {
        .name = TYPE_TEST_BASE,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestBase),
        .class_size = sizeof(TestBaseClass),
        .class_init = base_class_init,
        .class_base_init = base_class_base_init,
        .instance_init = base_instance_init,
        .instance_finalize = base_finalize,
    },
    {
        .name = TYPE_TEST_MID,
        .parent = TYPE_TEST_BASE,
        .class_init = mid_class_init,
        .instance_init = mid_instance_init,
        .instance_finalize = mid_finalize,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_TEST_IFACE },
            { NULL }
        },
    },
    {
        .name = TYPE_TEST_LEAF,
        .parent = TYPE_TEST_MID,
        .instance_size = sizeof(TestLeaf),
        .class_size = sizeof(TestLeafClass),
        .class_init = leaf_class_init,
        .class_data = GINT_TO_POINTER(42),
        .instance_init = leaf_instance_init,
        .instance_post_init = leaf_post_init,
        .instance_finalize = leaf_finalize,
    },
    {
        .name = TYPE_TEST_LEAF2,
        .parent = TYPE_TEST_MID,
        .class_init = leaf2_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_TEST_IFACE },        /* already inherited: no duplicate */
            { TYPE_TEST_IFACE2 },
            { NULL }
        },
    },
    {
        .name = TYPE_TEST_ABSTRACT,
        .parent = TYPE_TEST_BASE,
        .abstract = true,
    },
};

static void test_register_hierarchy(void)
{
    type_register_static_array(test_hierarchy_types,
                               ARRAY_SIZE(test_hierarchy_types));
}

type_init(test_register_hierarchy)

static void test_registration(void)
{
    ObjectClass *k = object_class_by_name(TYPE_TEST_BASE);

    g_assert_nonnull(k);
    g_assert_cmpstr(object_class_get_name(k), ==, TYPE_TEST_BASE);
    g_assert_true(object_class_get_parent(k) ==
                  object_class_by_name(TYPE_OBJECT));
    g_assert_null(object_class_get_parent(object_class_by_name(TYPE_OBJECT)));
    g_assert_null(object_class_by_name("no-such-type"));
    /* Built-in types exist without anyone registering them. */
    g_assert_nonnull(object_class_by_name(TYPE_CONTAINER));
    g_assert_nonnull(object_class_by_name(TYPE_INTERFACE));
    g_assert_nonnull(object_class_by_name(TYPE_USER_CREATABLE));
}

static void test_class_inheritance(void)
{
    TestBaseClass *leaf = TEST_BASE_CLASS(object_class_by_name(TYPE_TEST_LEAF));
    TestBaseClass *mid = TEST_BASE_CLASS(object_class_by_name(TYPE_TEST_MID));
    TestBaseClass *base =
        TEST_BASE_CLASS(object_class_by_name(TYPE_TEST_BASE));

    /* level proves each class_init saw its parent's finished copy. */
    g_assert_cmpint(base->level, ==, 1);
    g_assert_cmpint(mid->level, ==, 12);
    g_assert_cmpint(leaf->level, ==, 123);
    g_assert_cmpstr(leaf->who, ==, "mid");      /* inherited, not reset */
    g_assert_cmpint(((TestLeafClass *)leaf)->extra, ==, 42);
    /* class_base_init runs for subclasses, not for base itself; the copy
     * carries the count down, so leaf saw two calls (mid's and its own). */
    g_assert_cmpint(base->base_init_calls, ==, 0);
    g_assert_cmpint(mid->base_init_calls, ==, 1);
    g_assert_cmpint(leaf->base_init_calls, ==, 2);
    log_clear();
}

static void order_class_init(ObjectClass *k, void *data)
{
    log_hook("ci:order");
}

static void test_class_init_order(void)
{
    /* A fresh type, so its initialisation happens inside this test. */
    static const TypeInfo info = {
        .name = "test-order-leaf",
        .parent = TYPE_TEST_MID,
        .class_init = order_class_init,
    };
    g_autofree char *log = NULL;

    object_class_by_name(TYPE_TEST_MID);        /* parents already built */
    log_clear();
    type_register_static(&info);
    object_class_by_name("test-order-leaf");
    log = log_take();
    g_assert_cmpstr(log, ==, "bi:base,ci:order");
}

static void test_abstract(void)
{
    g_assert_true(object_class_is_abstract(
                      object_class_by_name(TYPE_TEST_ABSTRACT)));
    g_assert_false(object_class_is_abstract(
                       object_class_by_name(TYPE_TEST_LEAF)));
    g_assert_true(object_class_is_abstract(
                      object_class_by_name(TYPE_TEST_IFACE)));
}

static void test_abstract_new_aborts(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_TEST_ABSTRACT);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract*test-abstract*");
}

static void test_cast_assert_aborts(void)
{
    if (g_test_subprocess()) {
        Object *o = object_new(TYPE_TEST_BASE);

        OBJECT_CHECK(TestLeaf, o, TYPE_TEST_LEAF);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*not an instance of type test-leaf*"
                              "(it is test-base)*");
}

static void test_casts(void)
{
    Object *leaf = object_new(TYPE_TEST_LEAF);
    Object *base = object_new(TYPE_TEST_BASE);
    ObjectClass *lk = object_get_class(leaf);

    g_assert_true(object_dynamic_cast(leaf, TYPE_TEST_BASE) == leaf);
    g_assert_true(object_dynamic_cast(leaf, TYPE_OBJECT) == leaf);
    g_assert_true(object_dynamic_cast(leaf, TYPE_TEST_LEAF) == leaf);
    g_assert_null(object_dynamic_cast(base, TYPE_TEST_LEAF));
    g_assert_null(object_dynamic_cast(base, "no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_OBJECT));
    g_assert_true(object_class_dynamic_cast(lk, TYPE_TEST_MID) == lk);
    g_assert_null(object_class_dynamic_cast(
                      object_class_by_name(TYPE_TEST_MID), TYPE_TEST_LEAF));
    /* The checked cast passes through a correct cast. */
    g_assert_true(OBJECT_CHECK(TestLeaf, leaf, TYPE_TEST_BASE) ==
                  (TestLeaf *)leaf);
    object_unref(leaf);
    object_unref(base);
}

static void test_interfaces(void)
{
    ObjectClass *mid = object_class_by_name(TYPE_TEST_MID);
    ObjectClass *leaf = object_class_by_name(TYPE_TEST_LEAF);
    ObjectClass *leaf2 = object_class_by_name(TYPE_TEST_LEAF2);
    ObjectClass *base = object_class_by_name(TYPE_TEST_BASE);
    ObjectClass *ic;
    Object *o;

    ic = object_class_dynamic_cast(mid, TYPE_TEST_IFACE);
    g_assert_nonnull(ic);
    g_assert_true(ic != mid);
    g_assert_true(((InterfaceClass *)ic)->concrete_class == mid);
    g_assert_cmpint(((TestIfaceClass *)ic)->magic, ==, 7);
    g_assert_true(object_class_dynamic_cast(ic, TYPE_TEST_IFACE) == ic);
    g_assert_true(object_class_dynamic_cast(ic, TYPE_INTERFACE) == ic);

    /* Inherited: leaf has its own InterfaceClass, with mid's value. */
    ic = object_class_dynamic_cast(leaf, TYPE_TEST_IFACE);
    g_assert_nonnull(ic);
    g_assert_true(((InterfaceClass *)ic)->concrete_class == leaf);
    g_assert_cmpint(((TestIfaceClass *)ic)->magic, ==, 7);
    g_assert_null(object_class_dynamic_cast(leaf, TYPE_TEST_IFACE2));

    /* Listed again plus a new one; override does not leak to mid. */
    ic = object_class_dynamic_cast(leaf2, TYPE_TEST_IFACE);
    g_assert_nonnull(ic);
    g_assert_cmpint(((TestIfaceClass *)ic)->magic, ==, 9);
    g_assert_cmpint(((TestIfaceClass *)object_class_dynamic_cast(
                         mid, TYPE_TEST_IFACE))->magic, ==, 7);
    g_assert_nonnull(object_class_dynamic_cast(leaf2, TYPE_TEST_IFACE2));
    g_assert_cmpint(g_slist_length(leaf2->interfaces), ==, 2);

    g_assert_null(object_class_dynamic_cast(base, TYPE_TEST_IFACE));

    o = object_new(TYPE_TEST_LEAF);
    g_assert_true(object_dynamic_cast(o, TYPE_TEST_IFACE) == o);
    object_unref(o);
    o = object_new(TYPE_TEST_BASE);
    g_assert_null(object_dynamic_cast(o, TYPE_TEST_IFACE));
    object_unref(o);
}

static void test_class_list(void)
{
    GSList *l = object_class_get_list_sorted(TYPE_TEST_BASE, false);
    GSList *all = object_class_get_list_sorted(TYPE_TEST_BASE, true);
    GString *names = g_string_new(NULL);

    for (GSList *e = l; e; e = e->next) {
        g_string_append_printf(names, "%s ", object_class_get_name(e->data));
    }
    /* Sorted by name, concrete subtypes only. */
    g_assert_true(g_str_has_prefix(names->str, "test-base test-counted "
                                   "test-leaf test-leaf2 test-mid "));
    g_assert_null(strstr(names->str, TYPE_TEST_ABSTRACT));
    g_assert_cmpint(g_slist_length(all), ==, g_slist_length(l) + 1);
    g_slist_free(l);
    g_slist_free(all);
    g_string_free(names, true);

    l = object_class_get_list_sorted(TYPE_TEST_IFACE, false);
    /* mid, leaf, leaf2, test-order-leaf: never the interface itself. */
    for (GSList *e = l; e; e = e->next) {
        g_assert_nonnull(object_class_dynamic_cast(e->data, TYPE_TEST_MID));
    }
    g_slist_free(l);
}

static void test_lifecycle(void)
{
    Object *o;
    TestLeaf embedded;
    g_autofree char *log1 = NULL;
    g_autofree char *log2 = NULL;
    g_autofree char *log3 = NULL;

    object_class_by_name(TYPE_TEST_LEAF);
    log_clear();
    o = object_new(TYPE_TEST_LEAF);
    log1 = log_take();
    g_assert_cmpstr(log1, ==, "ii:base,ii:mid,ii:leaf,pi:leaf");
    g_assert_cmpint(((TestBase *)o)->init_seq, ==, 123);
    g_assert_cmpint(o->ref, ==, 1);
    g_assert_true(o->free_on_finalize);
    g_assert_cmpstr(object_get_typename(o), ==, TYPE_TEST_LEAF);

    g_assert_true(object_ref(o) == o);
    g_assert_cmpint(o->ref, ==, 2);
    object_unref(o);
    log2 = log_take();
    g_assert_cmpstr(log2, ==, "");          /* still referenced */
    object_unref(o);
    log3 = log_take();
    g_assert_cmpstr(log3, ==, "fi:leaf,fi:mid,fi:base");

    /* Embedded: initialised in place, finalized, not freed. */
    object_initialize(&embedded, sizeof(embedded), TYPE_TEST_LEAF);
    g_assert_false(OBJECT(&embedded)->free_on_finalize);
    embedded.leaf_value = 5;
    object_unref(&embedded);
    log_clear();
    g_assert_cmpint(embedded.leaf_value, ==, 5);
}

/* ---- Composition tree ---- */

static int unparent_calls;

static void counting_unparent(Object *obj)
{
    unparent_calls++;
}

static void counted_class_init(ObjectClass *k, void *data)
{
    k->unparent = counting_unparent;
}

static const TypeInfo test_counted_type = {
    .name = "test-counted",
    .parent = TYPE_TEST_BASE,
    .class_init = counted_class_init,
};

static void test_register_counted(void)
{
    type_register_static(&test_counted_type);
}

type_init(test_register_counted)

static int collect_names(Object *child, void *opaque)
{
    g_string_append_printf(opaque, "%s;", child->name);
    return 0;
}

static int stop_at_second(Object *child, void *opaque)
{
    return ++*(int *)opaque == 2 ? 7 : 0;
}

static void test_tree_paths(void)
{
    Object *root = object_get_root();
    Object *b = container_get(root, "/tq/a/b");
    Object *a = object_resolve_path("/tq/a", NULL);
    Object *dev = object_new(TYPE_TEST_LEAF);
    g_autofree char *p_root = object_get_canonical_path(root);
    g_autofree char *p_b = object_get_canonical_path(b);
    g_autofree char *p_dev = NULL;
    g_autofree char *p_objs = object_get_canonical_path(
                                  object_get_objects_root());
    GString *names = g_string_new(NULL);
    Error *err = NULL;
    int count = 0;

    g_assert_cmpstr(p_root, ==, "/");
    g_assert_cmpstr(p_b, ==, "/tq/a/b");
    g_assert_cmpstr(p_objs, ==, "/objects");
    g_assert_nonnull(a);
    g_assert_cmpstr(object_get_typename(a), ==, TYPE_CONTAINER);
    g_assert_true(container_get(root, "/tq/a/b") == b);  /* no duplicate */
    g_assert_true(container_get(a, "b") == b);
    g_assert_true(object_get_parent(b) == a);
    g_assert_null(object_get_canonical_path(dev));      /* not attached */

    g_assert_true(object_property_add_child(b, "dev", dev, &err));
    g_assert_null(err);
    g_assert_cmpint(dev->ref, ==, 2);
    object_unref(dev);                  /* the tree keeps it alive */
    p_dev = object_get_canonical_path(dev);
    g_assert_cmpstr(p_dev, ==, "/tq/a/b/dev");
    g_assert_cmpstr(object_get_canonical_path_component(dev), ==, "dev");

    /* Absolute. */
    g_assert_true(object_resolve_path("/tq/a/b/dev", NULL) == dev);
    g_assert_true(object_resolve_path("/", NULL) == root);
    g_assert_null(object_resolve_path("/tq/a/dev", NULL));
    g_assert_null(object_resolve_path("/tq/nosuch/b", NULL));
    g_assert_null(object_resolve_path_type("/tq/a/b/dev", TYPE_CONTAINER,
                                           NULL));
    g_assert_true(object_resolve_path_type("/tq/a/b/dev", TYPE_TEST_IFACE,
                                           NULL) == dev);

    /* Partial. */
    bool ambiguous = true;
    g_assert_true(object_resolve_path("dev", &ambiguous) == dev);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("b/dev", NULL) == dev);
    g_assert_true(object_resolve_path("a/b/dev", NULL) == dev);
    g_assert_null(object_resolve_path("c/dev", &ambiguous));
    g_assert_false(ambiguous);

    /* A second "dev" elsewhere makes the short path ambiguous. */
    Object *dev2 = object_new(TYPE_TEST_BASE);
    g_assert_true(object_property_add_child(a, "dev", dev2, NULL));
    object_unref(dev2);
    g_assert_null(object_resolve_path("dev", &ambiguous));
    g_assert_true(ambiguous);
    g_assert_true(object_resolve_path("b/dev", &ambiguous) == dev);
    g_assert_false(ambiguous);
    /* Filtering by type removes the ambiguity. */
    g_assert_true(object_resolve_path_type("dev", TYPE_TEST_LEAF,
                                           &ambiguous) == dev);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path_component(a, "dev") == dev2);

    /* Duplicate names are refused, nothing changes. */
    Object *dup = object_new(TYPE_TEST_BASE);
    g_assert_false(object_property_add_child(b, "dev", dup, &err));
    assert_error(err, "attempt to add duplicate property 'dev' to object "
                 "(type 'container')");
    err = NULL;
    g_assert_cmpint(dup->ref, ==, 1);
    g_assert_null(dup->parent);
    object_unref(dup);

    /* Insertion order and early stop. */
    g_assert_cmpint(object_child_foreach(a, collect_names, names), ==, 0);
    g_assert_cmpstr(names->str, ==, "b;dev;");
    g_assert_cmpint(object_child_foreach(a, stop_at_second, &count), ==, 7);
    g_string_free(names, true);

    /* Unparenting drops the tree's reference: dev is finalized. */
    log_clear();
    object_unparent(dev);
    g_autofree char *log = log_take();
    g_assert_cmpstr(log, ==, "fi:leaf,fi:mid,fi:base");
    g_assert_null(object_resolve_path("/tq/a/b/dev", NULL));
    g_assert_true(object_resolve_path("dev", NULL) == dev2);

    object_unparent(object_resolve_path("/tq", NULL));
    log_clear();
    g_assert_null(object_resolve_path("/tq/a", NULL));
}

static void test_tree_unparent_hook_and_auto_names(void)
{
    Object *c = container_get(object_get_root(), "/tu");
    Object *o1 = object_new("test-counted");
    Object *o2 = object_new("test-counted");
    Object *o3 = object_new("test-counted");

    g_assert_true(object_property_add_child(c, "dev[*]", o1, NULL));
    g_assert_true(object_property_add_child(c, "dev[*]", o2, NULL));
    g_assert_cmpstr(o1->name, ==, "dev[0]");
    g_assert_cmpstr(o2->name, ==, "dev[1]");
    object_unparent(o1);
    g_assert_cmpint(unparent_calls, ==, 1);
    /* The first free index is reused. */
    g_assert_true(object_property_add_child(c, "dev[*]", o3, NULL));
    g_assert_cmpstr(o3->name, ==, "dev[0]");
    object_unref(o1);
    object_unref(o2);
    object_unref(o3);

    /* Finalizing a parent unparents its children (hook included). */
    unparent_calls = 0;
    object_unparent(c);
    g_assert_cmpint(unparent_calls, ==, 2);
    log_clear();
}

static void test_tree_info(void)
{
    Object *t = container_get(object_get_root(), "/ti");
    Object *leaf = object_new(TYPE_TEST_LEAF);
    GString *out = g_string_new(NULL);

    container_get(t, "zeta/inner");
    container_get(t, "alpha");
    object_property_add_child(t, "mid", leaf, NULL);
    object_unref(leaf);

    object_tree_info(out, "/ti");
    g_assert_cmpstr(out->str, ==,
                    "/ti (container)\n"
                    "  /alpha (container)\n"
                    "  /mid (test-leaf)\n"
                    "  /zeta (container)\n"
                    "    /inner (container)\n");
    g_string_truncate(out, 0);
    object_tree_info(out, "/ti/nosuch");
    g_assert_cmpstr(out->str, ==, "Path '/ti/nosuch' could not be resolved.\n");
    g_string_truncate(out, 0);
    object_tree_info(out, "zeta");      /* partial path, as QEMU accepts */
    g_assert_cmpstr(out->str, ==, "/zeta (container)\n  /inner (container)\n");
    g_string_truncate(out, 0);
    object_tree_info(out, "/");
    g_assert_true(g_str_has_prefix(out->str, "/ (container)\n"));
    g_assert_nonnull(strstr(out->str, "\n  /ti (container)\n"));
    g_string_free(out, true);

    object_unparent(t);
    log_clear();
}

/* ---- Properties ---- */

#define TYPE_TEST_PROPS "test-props"
#define TYPE_TEST_PROPS_CHILD "test-props-child"

typedef struct TestProps {
    Object parent_obj;
    bool b;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    int32_t iranged;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    uint32_t uranged;
    uint64_t sz;
    char *str;
    int mode;
    Object *link;
    int u32_seen_in_init;
    bool frozen;
    int extra;
    int completes;
} TestProps;

static const char *const test_modes[] = { "none", "fast", "slow", NULL };

static const Property test_props_props[] = {
    PROP_BOOL("b", TestProps, b, true),
    PROP_INT_RANGE("i8", TestProps, i8, -1, INT8_MIN, INT8_MAX),
    PROP_INT_RANGE("i16", TestProps, i16, 0, INT16_MIN, INT16_MAX),
    PROP_INT32("i32", TestProps, i32, -7),
    PROP_INT64("i64", TestProps, i64, 0),
    PROP_INT_RANGE("iranged", TestProps, iranged, 0, -5, 5),
    PROP_UINT8("u8", TestProps, u8, 0),
    PROP_UINT16("u16", TestProps, u16, 0),
    PROP_UINT32("u32", TestProps, u32, 4294967295u),
    PROP_UINT64("u64", TestProps, u64, 0),
    PROP_UINT_RANGE("uranged", TestProps, uranged, 10, 10, 20),
    PROP_SIZE("size", TestProps, sz, 64 * KiB),
    PROP_STRING("str", TestProps, str),
    PROP_ENUM("mode", TestProps, mode, 1, test_modes),
    PROP_LINK("link", TestProps, link, TYPE_TEST_BASE),
    PROP_END,
};

static void test_props_init(Object *obj)
{
    TestProps *s = (TestProps *)obj;

    /* Defaults are in place before instance_init runs. */
    s->u32_seen_in_init = s->u32 == 4294967295u;
}

static bool test_props_set_allowed(Object *obj, const Property *prop,
                                   Error **errp)
{
    if (((TestProps *)obj)->frozen) {
        error_setg(errp, "Property '%s' can't be set now", prop->name);
        return false;
    }
    return true;
}

static bool test_props_complete(Object *obj, Error **errp)
{
    ((TestProps *)obj)->completes++;
    return true;
}

static void test_props_class_init(ObjectClass *k, void *data)
{
    object_class_set_props(k, test_props_props);
    k->property_set_allowed = test_props_set_allowed;
    USER_CREATABLE_CLASS(k)->complete = test_props_complete;
}

static const Property test_props_child_props[] = {
    {
        .name = "extra", .info = &prop_info_int,
        .offset = offsetof(TestProps, extra), .size = sizeof(int),
        .has_default = true, .defval_i = 3, .min = 0, .max = 100,
        .description = "An extra knob",
    },
    PROP_END,
};

static bool test_props_child_complete(Object *obj, Error **errp)
{
    if (!((TestProps *)obj)->str) {
        error_setg(errp, "Parameter 'str' is missing");
        return false;
    }
    return true;
}

static void test_props_child_class_init(ObjectClass *k, void *data)
{
    object_class_set_props(k, test_props_child_props);
    USER_CREATABLE_CLASS(k)->complete = test_props_child_complete;
}

static const TypeInfo test_props_types[] = {
    {
        .name = TYPE_TEST_PROPS,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TestProps),
        .instance_init = test_props_init,
        .class_init = test_props_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE },
            { NULL }
        },
    },
    {
        .name = TYPE_TEST_PROPS_CHILD,
        .parent = TYPE_TEST_PROPS,
        .class_init = test_props_child_class_init,
    },
};

static void test_register_props(void)
{
    type_register_static_array(test_props_types,
                               ARRAY_SIZE(test_props_types));
}

type_init(test_register_props)

/* Parse then print back; NULL expect_err means success. */
static void check_parse(Object *obj, const char *name, const char *value,
                        const char *expect_print, const char *expect_err)
{
    Error *err = NULL;
    bool ok = object_property_parse(obj, name, value, &err);

    if (expect_err) {
        g_assert_false(ok);
        assert_error(err, expect_err);
    } else {
        g_autofree char *s = NULL;

        g_assert_null(err);
        g_assert_true(ok);
        s = object_property_print(obj, name, &error_abort);
        g_assert_cmpstr(s, ==, expect_print);
    }
}

static void test_props_defaults(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);
    TestProps *s = (TestProps *)o;
    Object *c = object_new(TYPE_TEST_PROPS_CHILD);

    g_assert_true(s->b);
    g_assert_cmpint(s->i8, ==, -1);
    g_assert_cmpint(s->i32, ==, -7);
    g_assert_cmpuint(s->u32, ==, 4294967295u);
    g_assert_cmpuint(s->uranged, ==, 10);
    g_assert_cmpuint(s->sz, ==, 65536);
    g_assert_null(s->str);
    g_assert_cmpint(s->mode, ==, 1);
    g_assert_null(s->link);
    g_assert_cmpint(s->u32_seen_in_init, ==, 1);
    /* Subclass gets its own and its parent's defaults. */
    g_assert_cmpint(((TestProps *)c)->extra, ==, 3);
    g_assert_cmpint(((TestProps *)c)->i32, ==, -7);
    g_assert_nonnull(object_class_property_find(object_get_class(c), "b"));
    g_assert_null(object_class_property_find(object_get_class(o), "extra"));
    object_unref(o);
    object_unref(c);
}

static void test_props_bool(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);
    static const char *const on[] = { "on", "yes", "true" };
    static const char *const off[] = { "off", "no", "false" };

    for (size_t i = 0; i < ARRAY_SIZE(on); i++) {
        check_parse(o, "b", off[i], "off", NULL);
        g_assert_false(((TestProps *)o)->b);
        check_parse(o, "b", on[i], "on", NULL);
        g_assert_true(((TestProps *)o)->b);
    }
    check_parse(o, "b", "maybe", NULL, "Parameter 'b' expects 'on' or 'off'");
    check_parse(o, "nosuch", "1", NULL,
                "Property 'test-props.nosuch' not found");
    object_unref(o);
}

static void test_props_int(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);

    check_parse(o, "i8", "-128", "-128", NULL);
    check_parse(o, "i8", "127", "127", NULL);
    check_parse(o, "i8", "128", NULL, "Parameter 'i8' expects int8_t");
    check_parse(o, "i8", "-129", NULL, "Parameter 'i8' expects int8_t");
    g_assert_cmpint(((TestProps *)o)->i8, ==, 127);  /* unchanged */
    check_parse(o, "i16", "-32768", "-32768", NULL);
    check_parse(o, "i16", "32768", NULL, "Parameter 'i16' expects int16_t");
    check_parse(o, "i32", "0x10", "16", NULL);
    check_parse(o, "i32", "2147483647", "2147483647", NULL);
    check_parse(o, "i32", "2147483648", NULL,
                "Parameter 'i32' expects int32_t");
    check_parse(o, "i64", "-9223372036854775808", "-9223372036854775808",
                NULL);
    check_parse(o, "i64", "9223372036854775807", "9223372036854775807", NULL);
    check_parse(o, "i64", "9223372036854775808", NULL,
                "Parameter 'i64' expects integer");
    check_parse(o, "i32", "abc", NULL, "Parameter 'i32' expects integer");
    check_parse(o, "i32", "12abc", NULL, "Parameter 'i32' expects integer");
    check_parse(o, "i32", "", NULL, "Parameter 'i32' expects integer");
    check_parse(o, "iranged", "-5", "-5", NULL);
    check_parse(o, "iranged", "5", "5", NULL);
    check_parse(o, "iranged", "6", NULL, "Property test-props.iranged doesn't "
                "take value 6 (minimum: -5, maximum: 5)");
    check_parse(o, "iranged", "-6", NULL, "Property test-props.iranged doesn't"
                " take value -6 (minimum: -5, maximum: 5)");
    object_unref(o);
}

static void test_props_uint(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);

    check_parse(o, "u8", "0", "0", NULL);
    check_parse(o, "u8", "255", "255", NULL);
    check_parse(o, "u8", "0x1f", "31", NULL);
    check_parse(o, "u8", "256", NULL, "Parameter 'u8' expects uint8_t");
    check_parse(o, "u8", "-1", NULL, "Parameter 'u8' expects uint8_t");
    check_parse(o, "u8", "x", NULL, "Parameter 'u8' expects integer");
    check_parse(o, "u16", "65535", "65535", NULL);
    check_parse(o, "u16", "65536", NULL, "Parameter 'u16' expects uint16_t");
    check_parse(o, "u32", "4294967295", "4294967295", NULL);
    check_parse(o, "u32", "4294967296", NULL,
                "Parameter 'u32' expects uint32_t");
    check_parse(o, "u64", "18446744073709551615", "18446744073709551615",
                NULL);
    check_parse(o, "u64", "0xffffffffffffffff", "18446744073709551615", NULL);
    check_parse(o, "u64", "18446744073709551616", NULL,
                "Parameter 'u64' expects integer");
    check_parse(o, "uranged", "10", "10", NULL);
    check_parse(o, "uranged", "20", "20", NULL);
    check_parse(o, "uranged", "9", NULL, "Property test-props.uranged doesn't "
                "take value 9 (minimum: 10, maximum: 20)");
    check_parse(o, "uranged", "21", NULL, "Property test-props.uranged doesn't"
                " take value 21 (minimum: 10, maximum: 20)");
    object_unref(o);
}

static void test_props_size(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);

    check_parse(o, "size", "512", "512", NULL);
    check_parse(o, "size", "4K", "4096", NULL);
    check_parse(o, "size", "4k", "4096", NULL);
    check_parse(o, "size", "2M", "2097152", NULL);
    check_parse(o, "size", "3G", "3221225472", NULL);
    check_parse(o, "size", "1T", "1099511627776", NULL);
    check_parse(o, "size", "1.5K", "1536", NULL);
    check_parse(o, "size", "1Q", NULL, "Parameter 'size' expects a size value");
    check_parse(o, "size", "-1", NULL, "Parameter 'size' expects a size value");
    check_parse(o, "size", "", NULL, "Parameter 'size' expects a size value");
    check_parse(o, "size", "16E", NULL,
                "Parameter 'size' expects a size value");
    object_unref(o);
}

static void test_props_string_enum(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);
    Error *err = NULL;
    g_autofree char *empty = object_property_print(o, "str", &error_abort);

    g_assert_cmpstr(empty, ==, "");
    /* The second set frees the first; ASan's leak check proves it. */
    check_parse(o, "str", "first", "first", NULL);
    check_parse(o, "str", "second, with comma", "second, with comma", NULL);

    check_parse(o, "mode", "slow", "slow", NULL);
    g_assert_cmpint(((TestProps *)o)->mode, ==, 2);
    check_parse(o, "mode", "none", "none", NULL);
    check_parse(o, "mode", "warp", NULL,
                "Parameter 'mode' does not accept value 'warp'");
    g_assert_cmpint(object_property_get_int(o, "mode", &error_abort), ==, 0);
    g_assert_true(object_property_set_str(o, "mode", "fast", &error_abort));
    g_assert_cmpint(((TestProps *)o)->mode, ==, 1);
    g_assert_false(object_property_set_str(o, "mode", "x", &err));
    assert_error(err, "Parameter 'mode' does not accept value 'x'");
    object_unref(o);                    /* releases "second, with comma" */
}

static void test_props_link(void)
{
    Object *c = container_get(object_get_root(), "/tl");
    Object *target = object_new(TYPE_TEST_LEAF);
    Object *other = object_new(TYPE_TEST_LEAF);
    Object *o = object_new(TYPE_TEST_PROPS);
    Object *objs = object_get_objects_root();
    Error *err = NULL;

    object_property_add_child(c, "target", target, NULL);
    object_unref(target);
    object_property_add_child(objs, "linkid", other, NULL);
    object_unref(other);

    check_parse(o, "link", "/tl/target", "/tl/target", NULL);
    g_assert_true(((TestProps *)o)->link == target);
    g_assert_cmpint(target->ref, ==, 2);
    g_assert_true(object_property_get_link(o, "link", &error_abort) == target);

    /* An id (partial path); the old target's reference is dropped. */
    check_parse(o, "link", "linkid", "/objects/linkid", NULL);
    g_assert_cmpint(target->ref, ==, 1);
    g_assert_cmpint(other->ref, ==, 2);

    check_parse(o, "link", "/tl", NULL,
                "Invalid parameter type for 'link', expected: test-base");
    check_parse(o, "link", "nosuch", NULL, "Device 'nosuch' not found");
    check_parse(o, "link", "/tl/nosuch", NULL,
                "Device '/tl/nosuch' not found");
    g_assert_true(((TestProps *)o)->link == other);     /* unchanged */

    /* Two objects named the same: the partial path is ambiguous. */
    Object *twin = object_new(TYPE_TEST_BASE);
    object_property_add_child(c, "linkid", twin, NULL);
    object_unref(twin);
    check_parse(o, "link", "linkid", NULL,
                "Path 'linkid' does not uniquely identify an object");
    object_unparent(twin);

    check_parse(o, "link", "", "", NULL);
    g_assert_null(((TestProps *)o)->link);
    g_assert_cmpint(other->ref, ==, 1);

    g_assert_true(object_property_set_link(o, "link", target, &error_abort));
    g_assert_cmpint(target->ref, ==, 2);
    g_assert_false(object_property_set_link(o, "link", c, &err));
    assert_error(err, "Invalid parameter type for 'link', expected: test-base");
    err = NULL;
    g_assert_false(object_property_set_link(o, "str", target, &err));
    assert_error(err, "Invalid parameter type for 'str', expected: str");

    /* Finalize releases the link's reference. */
    object_unref(o);
    g_assert_cmpint(target->ref, ==, 1);

    object_unparent(other);
    object_unparent(c);
    log_clear();
}

static void test_props_typed_accessors(void)
{
    Object *o = object_new(TYPE_TEST_PROPS);
    TestProps *s = (TestProps *)o;
    Error *err = NULL;
    g_autofree char *str = NULL;

    g_assert_true(object_property_set_bool(o, "b", false, &error_abort));
    g_assert_false(object_property_get_bool(o, "b", &error_abort));
    g_assert_false(object_property_set_bool(o, "i32", true, &err));
    assert_error(err, "Invalid parameter type for 'i32', expected: int32");
    err = NULL;

    g_assert_true(object_property_set_int(o, "i16", -300, &error_abort));
    g_assert_cmpint(s->i16, ==, -300);
    g_assert_cmpint(object_property_get_int(o, "i16", &error_abort), ==, -300);
    g_assert_false(object_property_set_int(o, "i8", 200, &err));
    assert_error(err, "Parameter 'i8' expects int8_t");
    err = NULL;
    g_assert_false(object_property_set_int(o, "iranged", 9, &err));
    assert_error(err, "Property test-props.iranged doesn't take value 9 "
                 "(minimum: -5, maximum: 5)");
    err = NULL;
    g_assert_true(object_property_set_int(o, "u16", 500, &error_abort));
    g_assert_cmpuint(s->u16, ==, 500);
    g_assert_false(object_property_set_int(o, "u16", -1, &err));
    assert_error(err, "Parameter 'u16' expects uint16_t");
    err = NULL;

    g_assert_true(object_property_set_uint(o, "u64", UINT64_MAX,
                                           &error_abort));
    g_assert_cmpuint(object_property_get_uint(o, "u64", &error_abort), ==,
                     UINT64_MAX);
    g_assert_false(object_property_set_uint(o, "u32", 1ull << 32, &err));
    assert_error(err, "Parameter 'u32' expects uint32_t");
    err = NULL;
    g_assert_true(object_property_set_uint(o, "size", 1 * MiB, &error_abort));
    g_assert_cmpuint(s->sz, ==, MiB);
    g_assert_false(object_property_set_uint(o, "str", 1, &err));
    assert_error(err, "Invalid parameter type for 'str', expected: str");
    err = NULL;

    g_assert_true(object_property_set_str(o, "str", "hello", &error_abort));
    str = object_property_get_str(o, "str", &error_abort);
    g_assert_cmpstr(str, ==, "hello");
    g_assert_false(object_property_set_str(o, "u8", "1", &err));
    assert_error(err, "Invalid parameter type for 'u8', expected: uint8");
    err = NULL;
    g_assert_null(object_property_get_str(o, "b", &err));
    assert_error(err, "Invalid parameter type for 'b', expected: bool");
    err = NULL;
    g_assert_false(object_property_get_bool(o, "nosuch", &err));
    assert_error(err, "Property 'test-props.nosuch' not found");
    err = NULL;

    /* property_set_allowed guards every way in. */
    s->frozen = true;
    g_assert_false(object_property_parse(o, "u8", "1", &err));
    assert_error(err, "Property 'u8' can't be set now");
    err = NULL;
    g_assert_false(object_property_set_int(o, "i32", 1, &err));
    assert_error(err, "Property 'i32' can't be set now");
    err = NULL;
    g_assert_false(object_property_set_str(o, "str", "x", &err));
    assert_error(err, "Property 'str' can't be set now");
    err = NULL;
    g_assert_false(object_property_set_bool(o, "b", true, &err));
    assert_error(err, "Property 'b' can't be set now");
    g_assert_false(s->b);
    s->frozen = false;
    object_unref(o);
}

static void test_props_help(void)
{
    GString *out = g_string_new(NULL);

    object_class_property_help(object_class_by_name(TYPE_TEST_PROPS_CHILD),
                               out);
    g_assert_cmpstr(out->str, ==,
        "test-props-child options:\n"
        "  b=<bool>               -  (default: true)\n"
        "  extra=<int32>          - An extra knob (default: 3)\n"
        "  i16=<int16>            -  (default: 0)\n"
        "  i32=<int32>            -  (default: -7)\n"
        "  i64=<int64>            -  (default: 0)\n"
        "  i8=<int8>              -  (default: -1)\n"
        "  iranged=<int32>        -  (default: 0)\n"
        "  link=<link<test-base>>\n"
        "  mode=<enum>            -  (default: \"fast\")\n"
        "  size=<size>            -  (default: 65536)\n"
        "  str=<str>\n"
        "  u16=<uint16>           -  (default: 0)\n"
        "  u32=<uint32>           -  (default: 4294967295)\n"
        "  u64=<uint64>           -  (default: 0)\n"
        "  u8=<uint8>             -  (default: 0)\n"
        "  uranged=<uint32>       -  (default: 10)\n");
    g_string_truncate(out, 0);
    object_class_property_help(object_class_by_name(TYPE_TEST_BASE), out);
    g_assert_cmpstr(out->str, ==, "There are no options for test-base.\n");
    g_string_free(out, true);
}

/* ---- User-creatable objects ---- */

static Object *add_opts(const char *params, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(params, "qom-type", &error_abort);
    Object *obj = user_creatable_add_opts(opts, errp);

    qemu_opts_free(opts);
    return obj;
}

static void check_add_fails(const char *params, const char *msg)
{
    Error *err = NULL;

    g_assert_null(add_opts(params, &err));
    assert_error(err, msg);
}

static void test_user_creatable(void)
{
    Object *obj = add_opts("test-props,id=obj1,u8=5,str=a,,b,mode=slow",
                           &error_abort);
    TestProps *s = (TestProps *)obj;
    Error *err = NULL;

    g_assert_nonnull(obj);
    g_assert_true(object_resolve_path("/objects/obj1", NULL) == obj);
    g_assert_cmpint(obj->ref, ==, 1);           /* the tree's reference */
    g_assert_cmpuint(s->u8, ==, 5);
    g_assert_cmpstr(s->str, ==, "a,b");
    g_assert_cmpint(s->mode, ==, 2);
    g_assert_cmpint(s->completes, ==, 1);

    check_add_fails("id=x", "Parameter 'qom-type' is missing");
    check_add_fails("no-such-type,id=x",
                    "Parameter 'qom-type' does not accept value "
                    "'no-such-type'");
    check_add_fails("test-base,id=x",
                    "Parameter 'qom-type' does not accept value 'test-base'");
    check_add_fails("container,id=x",
                    "Parameter 'qom-type' does not accept value 'container'");
    check_add_fails("test-props", "Parameter 'id' is missing");
    check_add_fails("no-such-type", "Parameter 'qom-type' does not accept "
                    "value 'no-such-type'");
    check_add_fails("test-props,id=1x", "Parameter 'id' expects an "
                    "identifier");
    check_add_fails("no-such-type,id=-x", "Parameter 'id' expects an "
                    "identifier");
    check_add_fails("test-props,id=a b", "Parameter 'id' expects an "
                    "identifier");
    check_add_fails("test-props,id=obj1",
                    "attempt to add duplicate property 'obj1' to object "
                    "(type 'container')");
    check_add_fails("test-props,id=y,nosuch=1", "Invalid parameter 'nosuch'");
    check_add_fails("test-props,id=y,u8=300", "Parameter 'u8' expects uint8_t");
    check_add_fails("test-props-child,id=y", "Parameter 'str' is missing");
    g_assert_null(object_resolve_path("/objects/y", NULL));

    /* Subclass inherits the interface and its parent's complete hook
     * is replaced by its own. */
    obj = add_opts("test-props-child,id=c.1_x-y,str=s,extra=9", &error_abort);
    g_assert_cmpint(((TestProps *)obj)->extra, ==, 9);
    g_assert_cmpint(((TestProps *)obj)->completes, ==, 0);

    /* A bad link value fails the whole creation. */
    obj = add_opts("test-props,id=obj2,link=/tq-none", &err);
    g_assert_null(obj);
    assert_error(err, "Device '/tq-none' not found");

    g_assert_true(user_creatable_del("obj1", &error_abort));
    g_assert_null(object_resolve_path("/objects/obj1", NULL));
    g_assert_true(user_creatable_del("c.1_x-y", &error_abort));
    err = NULL;
    g_assert_false(user_creatable_del("obj1", &err));
    assert_error(err, "object 'obj1' not found");
}

static void run_help(const char *params)
{
    QemuOpts *opts = qemu_opts_parse(params, "qom-type", &error_abort);
    bool printed = user_creatable_print_help(opts);

    qemu_opts_free(opts);
    fflush(stdout);
    exit(printed ? 0 : 3);
}

static void test_user_creatable_help(void)
{
    if (g_test_subprocess()) {
        run_help(getenv("QOM_TEST_HELP"));
        return;
    }
    g_setenv("QOM_TEST_HELP", "help", true);
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("List of user creatable objects:\n"
                              "*  test-props\n  test-props-child\n*");
    g_test_trap_assert_stdout_unmatched("*test-base*");

    g_setenv("QOM_TEST_HELP", "qom-type=help", true);
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("List of user creatable objects:\n*");

    g_setenv("QOM_TEST_HELP", "test-props,help", true);
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("test-props options:\n"
                              "  b=<bool>               -  (default: true)\n"
                              "*  uranged=<uint32>       -  (default: 10)\n");

    /* Not help, or an unknown type: nothing printed, caller reports. */
    g_setenv("QOM_TEST_HELP", "test-props,id=x", true);
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_setenv("QOM_TEST_HELP", "nosuch,help", true);
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stdout("");
    g_unsetenv("QOM_TEST_HELP");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/qom/type/registration", test_registration);
    g_test_add_func("/qom/type/inheritance", test_class_inheritance);
    g_test_add_func("/qom/type/class-init-order", test_class_init_order);
    g_test_add_func("/qom/type/abstract", test_abstract);
    g_test_add_func("/qom/type/abstract-new-aborts", test_abstract_new_aborts);
    g_test_add_func("/qom/type/list", test_class_list);
    g_test_add_func("/qom/cast/basic", test_casts);
    g_test_add_func("/qom/cast/assert-aborts", test_cast_assert_aborts);
    g_test_add_func("/qom/cast/interfaces", test_interfaces);
    g_test_add_func("/qom/object/lifecycle", test_lifecycle);
    g_test_add_func("/qom/tree/paths", test_tree_paths);
    g_test_add_func("/qom/tree/unparent", test_tree_unparent_hook_and_auto_names);
    g_test_add_func("/qom/tree/info", test_tree_info);
    g_test_add_func("/qom/props/defaults", test_props_defaults);
    g_test_add_func("/qom/props/bool", test_props_bool);
    g_test_add_func("/qom/props/int", test_props_int);
    g_test_add_func("/qom/props/uint", test_props_uint);
    g_test_add_func("/qom/props/size", test_props_size);
    g_test_add_func("/qom/props/string-enum", test_props_string_enum);
    g_test_add_func("/qom/props/link", test_props_link);
    g_test_add_func("/qom/props/typed", test_props_typed_accessors);
    g_test_add_func("/qom/props/help", test_props_help);
    g_test_add_func("/qom/user-creatable/add", test_user_creatable);
    g_test_add_func("/qom/user-creatable/help", test_user_creatable_help);

    return g_test_run();
}
