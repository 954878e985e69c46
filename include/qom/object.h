/*
 * QOM-like object model: types with parents, abstract types, interfaces,
 * class_init / instance_init / finalize, reference counting, checked casts,
 * static property tables per class, and the composition tree
 * (/machine, /machine/peripheral/<id>, /machine/unattached/..., /objects/<id>).
 *
 * See docs/devel/qom.md. Implemented in qom/object.c (types, objects, tree),
 * qom/object-props.c (property tables and the basic property kinds) and
 * qom/object_interfaces.c (user-creatable objects for -object).
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include "qemu/osdep.h"
#include "qapi/error.h"

typedef struct TypeImpl *Type;
typedef struct ObjectClass ObjectClass;
typedef struct Object Object;
typedef struct InterfaceClass InterfaceClass;
typedef struct Property Property;
typedef struct PropertyInfo PropertyInfo;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"
#define TYPE_CONTAINER "container"

typedef struct InterfaceInfo {
    const char *type;
} InterfaceInfo;

typedef struct TypeInfo {
    const char *name;
    const char *parent;             /* NULL only for TYPE_OBJECT/TYPE_INTERFACE */

    size_t instance_size;           /* 0: inherit the parent's */
    void (*instance_init)(Object *obj);      /* parents' run first */
    void (*instance_post_init)(Object *obj); /* after all instance_init */
    void (*instance_finalize)(Object *obj);  /* children's run first */

    bool abstract;                  /* object_new() refuses it */
    size_t class_size;              /* 0: inherit the parent's */
    /* The class struct starts as a copy of the parent class. */
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;

    const InterfaceInfo *interfaces; /* terminated by { NULL } */
} TypeInfo;

#define OBJECT_CLASS_CAST_CACHE 4

struct ObjectClass {
    Type type;
    GSList *interfaces;             /* InterfaceClass *, private */
    /* Type name pointers (call sites' literals) this class was last cast
     * to successfully: the checked casts on hot paths (ARM_CPU(cs),
     * CPU_GET_CLASS) then cost a pointer compare, not a hash lookup. */
    const char *cast_cache[OBJECT_CLASS_CAST_CACHE];
    const Property *props;          /* this class's own table (not parents') */
    void (*unparent)(Object *obj);
    /*
     * Called before a property is set; lets a subclass refuse (e.g. devices
     * refuse changes after realize). NULL: always allowed.
     */
    bool (*property_set_allowed)(Object *obj, const Property *prop,
                                 Error **errp);
};

struct Object {
    ObjectClass *class;
    uint32_t ref;
    Object *parent;                 /* in the composition tree, or NULL */
    char *name;                     /* child name within parent, or NULL */
    GPtrArray *children;            /* Object *, in insertion order */
    bool free_on_finalize;          /* allocated by object_new() */
};

struct InterfaceClass {
    ObjectClass parent_class;
    ObjectClass *concrete_class;    /* the class implementing it */
    Type interface_type;
};

/* Registration. type_init(fn) runs fn at program start (constructor). */
Type type_register_static(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);
#define type_init(function)                                           \
    static void __attribute__((constructor)) do_qemu_init_##function(void) \
    {                                                                 \
        function();                                                   \
    }

/* Classes. */
ObjectClass *object_class_by_name(const char *typename);  /* NULL if none */
const char *object_class_get_name(ObjectClass *klass);
ObjectClass *object_class_get_parent(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);
/* NULL if klass is not typename nor a subtype nor implements it. */
ObjectClass *object_class_dynamic_cast(ObjectClass *klass, const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);
/* All classes implementing 'implements_type' (NULL: all), sorted by name. */
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);

/* Objects. */
Object *object_new(const char *typename);   /* aborts on unknown/abstract */
Object *object_new_with_class(ObjectClass *klass);
/* For embedded objects (no free on finalize). */
void object_initialize(void *obj, size_t size, const char *typename);
Object *object_ref(void *obj);
void object_unref(void *obj);
const char *object_get_typename(const Object *obj);
ObjectClass *object_get_class(Object *obj);

/* Casts. object_dynamic_cast returns NULL on mismatch; the _assert form is
 * for programming errors only (never for user or guest input). */
Object *object_dynamic_cast(Object *obj, const char *typename);
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(klass) ((ObjectClass *)(klass))
#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), \
                                        __FILE__, __LINE__, __func__))
#define OBJECT_CLASS_CHECK(class_type, klass, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(klass), \
                                        (name), __FILE__, __LINE__, __func__))
#define OBJECT_GET_CLASS(class_type, obj, name) \
    OBJECT_CLASS_CHECK(class_type, object_get_class(OBJECT(obj)), name)

/*
 * One declare macro per type: typedefs plus checked casts.
 *   OBJECT_DECLARE_TYPE(PL011State, PL011Class, PL011)
 * gives PL011(obj), PL011_CLASS(klass), PL011_GET_CLASS(obj), using
 * TYPE_PL011 for the name.
 */
#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME)       \
    typedef struct InstanceType InstanceType;                              \
    typedef struct ClassType ClassType;                                    \
    static inline QEMU_UNUSED InstanceType *MODULE_OBJ_NAME(const void *obj) \
    { return OBJECT_CHECK(InstanceType, obj, TYPE_##MODULE_OBJ_NAME); }    \
    static inline QEMU_UNUSED ClassType *                                  \
    MODULE_OBJ_NAME##_GET_CLASS(const void *obj)                           \
    { return OBJECT_GET_CLASS(ClassType, obj, TYPE_##MODULE_OBJ_NAME); }   \
    static inline QEMU_UNUSED ClassType *                                  \
    MODULE_OBJ_NAME##_CLASS(const void *klass)                             \
    { return OBJECT_CLASS_CHECK(ClassType, klass, TYPE_##MODULE_OBJ_NAME); }

/* For a type whose class struct is its parent's. */
#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME)           \
    typedef struct InstanceType InstanceType;                              \
    static inline QEMU_UNUSED InstanceType *MODULE_OBJ_NAME(const void *obj) \
    { return OBJECT_CHECK(InstanceType, obj, TYPE_##MODULE_OBJ_NAME); }

/* Composition tree. */
Object *object_get_root(void);
Object *object_get_objects_root(void);          /* /objects */
/* Get or create the container at a path such as "/machine/peripheral". */
Object *container_get(Object *root, const char *path);
/* Adds child under parent as 'name'; takes a reference. False if the name
 * is taken (errp says "attempt to add duplicate property 'x' to object"). */
bool object_property_add_child(Object *parent, const char *name,
                               Object *child, Error **errp);
void object_unparent(Object *obj);              /* drops the tree's ref */
Object *object_get_parent(Object *obj);
const char *object_get_canonical_path_component(const Object *obj);
char *object_get_canonical_path(const Object *obj);  /* g_free() it */
Object *object_resolve_path_component(Object *parent, const char *part);
/*
 * Absolute path ("/machine/peripheral/foo") or partial path ("foo"), as
 * QEMU resolves them: a partial path matches any unique object in the tree
 * whose path ends with it. *ambiguous is set when several match.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
/* Children in insertion order; stops early when fn returns non-zero. */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);

/* "info qom-tree": the tree under path (NULL: "/machine") in QEMU's form:
 *   /machine (none-machine)
 *     /peripheral (container)   (indented two spaces a level) */
void object_tree_info(GString *out, const char *path);

/*
 * Static properties.
 *
 * Each class declares a table terminated by PROP_END and installs it in
 * class_init with object_class_set_props(). Lookup walks the class chain.
 * Values are parsed from and printed to strings, which is all the command
 * line and the monitor need. Errors use QEMU's words:
 *   Property 'loader.foo' not found
 *   Parameter 'addr' expects integer
 */
struct PropertyInfo {
    const char *type_name;          /* as -device x,help prints: "uint32" */
    const char *description;
    /* Parse str and store into the field. */
    bool (*parse)(Object *obj, const Property *prop, const char *str,
                  Error **errp);
    /* Current value as a string (g_free() it). */
    char *(*print)(Object *obj, const Property *prop);
    /* Store the default (called at instance init before instance_init). */
    void (*set_default)(Object *obj, const Property *prop);
    /* Free what the field owns (strings, references) at finalize. */
    void (*release)(Object *obj, const Property *prop);
};

struct Property {
    const char *name;
    const PropertyInfo *info;
    size_t offset;                  /* of the field in the instance */
    uint8_t size;                   /* field width in bytes (ints) */
    bool has_default;
    int64_t defval_i;               /* bool / int / enum index */
    uint64_t defval_u;              /* uint / size */
    int64_t min, max;               /* int range */
    uint64_t umin, umax;            /* uint / size range */
    const char *const *enum_names;  /* NULL-terminated, enum kinds */
    const char *link_type;          /* link kinds: required type */
    const char *description;
};

extern const PropertyInfo prop_info_bool;
extern const PropertyInfo prop_info_int;     /* int8..int64 by size */
extern const PropertyInfo prop_info_uint;    /* uint8..uint64 by size */
extern const PropertyInfo prop_info_size;    /* uint64, K/M/G/T suffixes */
extern const PropertyInfo prop_info_string;  /* char *, g_strdup'd */
extern const PropertyInfo prop_info_enum;    /* int field, names table */
extern const PropertyInfo prop_info_link;    /* Object * field, ref held */

#define PROP_FIELD_(State, field) \
    .offset = offsetof(State, field), \
    .size = sizeof(((State *)0)->field)

#define PROP_BOOL(_name, State, field, _def)                          \
    { .name = (_name), .info = &prop_info_bool, PROP_FIELD_(State, field), \
      .has_default = true, .defval_i = (_def) }
#define PROP_INT_RANGE(_name, State, field, _def, _min, _max)         \
    { .name = (_name), .info = &prop_info_int, PROP_FIELD_(State, field), \
      .has_default = true, .defval_i = (_def), .min = (_min), .max = (_max) }
#define PROP_UINT_RANGE(_name, State, field, _def, _min, _max)        \
    { .name = (_name), .info = &prop_info_uint, PROP_FIELD_(State, field), \
      .has_default = true, .defval_u = (_def), .umin = (_min), .umax = (_max) }
#define PROP_INT32(n, S, f, d) PROP_INT_RANGE(n, S, f, d, INT32_MIN, INT32_MAX)
#define PROP_INT64(n, S, f, d) PROP_INT_RANGE(n, S, f, d, INT64_MIN, INT64_MAX)
#define PROP_UINT8(n, S, f, d) PROP_UINT_RANGE(n, S, f, d, 0, UINT8_MAX)
#define PROP_UINT16(n, S, f, d) PROP_UINT_RANGE(n, S, f, d, 0, UINT16_MAX)
#define PROP_UINT32(n, S, f, d) PROP_UINT_RANGE(n, S, f, d, 0, UINT32_MAX)
#define PROP_UINT64(n, S, f, d) PROP_UINT_RANGE(n, S, f, d, 0, UINT64_MAX)
#define PROP_SIZE(_name, State, field, _def)                          \
    { .name = (_name), .info = &prop_info_size, PROP_FIELD_(State, field), \
      .has_default = true, .defval_u = (_def), .umin = 0, .umax = UINT64_MAX }
#define PROP_STRING(_name, State, field)                              \
    { .name = (_name), .info = &prop_info_string, PROP_FIELD_(State, field) }
#define PROP_ENUM(_name, State, field, _def, _names)                  \
    { .name = (_name), .info = &prop_info_enum, PROP_FIELD_(State, field), \
      .has_default = true, .defval_i = (_def), .enum_names = (_names) }
#define PROP_LINK(_name, State, field, _type)                         \
    { .name = (_name), .info = &prop_info_link, PROP_FIELD_(State, field), \
      .link_type = (_type) }
#define PROP_END { .name = NULL }

void object_class_set_props(ObjectClass *klass, const Property *props);
/* Find a property by name in the class chain; NULL if none. */
const Property *object_class_property_find(ObjectClass *klass,
                                           const char *name);
/* Every property of the class chain, own class's table first. */
void object_class_property_foreach(ObjectClass *klass,
                                   void (*fn)(const Property *prop,
                                              void *opaque),
                                   void *opaque);
/*
 * "<type> options:\n  name=<kind>  - description (default: x)\n" lines,
 * sorted by name, as QEMU prints for -device TYPE,help / -object TYPE,help.
 */
void object_class_property_help(ObjectClass *klass, GString *out);

bool object_property_parse(Object *obj, const char *name, const char *value,
                           Error **errp);
char *object_property_print(Object *obj, const char *name, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
bool object_property_set_str(Object *obj, const char *name, const char *value,
                             Error **errp);
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp);
char *object_property_get_str(Object *obj, const char *name, Error **errp);
Object *object_property_get_link(Object *obj, const char *name, Error **errp);

#endif
