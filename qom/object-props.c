/*
 * Static property tables: lookup along the class chain, the basic kinds
 * (bool, int, uint, size, string, enum, link) parsed from and printed to
 * strings, defaults, release at finalize, typed accessors and the
 * "-device TYPE,help" listing. Error words follow QEMU 7.2.
 */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "qemu/option.h"
#include "qom-internal.h"

static void *prop_ptr(Object *obj, const Property *prop)
{
    return (char *)obj + prop->offset;
}

/* Integer fields of any width, sign-extended or zero-extended. */
static int64_t prop_read_int(Object *obj, const Property *prop)
{
    void *p = prop_ptr(obj, prop);

    switch (prop->size) {
    case 1: return *(int8_t *)p;
    case 2: return *(int16_t *)p;
    case 4: return *(int32_t *)p;
    default: return *(int64_t *)p;
    }
}

static uint64_t prop_read_uint(Object *obj, const Property *prop)
{
    void *p = prop_ptr(obj, prop);

    switch (prop->size) {
    case 1: return *(uint8_t *)p;
    case 2: return *(uint16_t *)p;
    case 4: return *(uint32_t *)p;
    default: return *(uint64_t *)p;
    }
}

static void prop_write_uint(Object *obj, const Property *prop, uint64_t v)
{
    void *p = prop_ptr(obj, prop);

    switch (prop->size) {
    case 1: *(uint8_t *)p = v; break;
    case 2: *(uint16_t *)p = v; break;
    case 4: *(uint32_t *)p = v; break;
    default: *(uint64_t *)p = v; break;
    }
}

static void prop_write_int(Object *obj, const Property *prop, int64_t v)
{
    prop_write_uint(obj, prop, (uint64_t)v);
}

static unsigned prop_bits(const Property *prop)
{
    return (prop->size ? prop->size : 8) * 8;
}

static int64_t prop_int_type_min(const Property *prop)
{
    return prop_bits(prop) == 64 ? INT64_MIN
                                 : -(INT64_C(1) << (prop_bits(prop) - 1));
}

static int64_t prop_int_type_max(const Property *prop)
{
    return prop_bits(prop) == 64 ? INT64_MAX
                                 : (INT64_C(1) << (prop_bits(prop) - 1)) - 1;
}

static uint64_t prop_uint_type_max(const Property *prop)
{
    return prop_bits(prop) == 64 ? UINT64_MAX
                                 : (UINT64_C(1) << prop_bits(prop)) - 1;
}

static const char *prop_type_owner(Object *obj)
{
    return object_get_typename(obj);
}

/* bool */

static bool prop_bool_parse(Object *obj, const Property *prop,
                            const char *str, Error **errp)
{
    return qapi_bool_parse(prop->name, str, (bool *)prop_ptr(obj, prop),
                           errp);
}

static char *prop_bool_print(Object *obj, const Property *prop)
{
    return g_strdup(*(bool *)prop_ptr(obj, prop) ? "on" : "off");
}

static void prop_bool_set_default(Object *obj, const Property *prop)
{
    if (prop->has_default) {
        *(bool *)prop_ptr(obj, prop) = prop->defval_i != 0;
    }
}

const PropertyInfo prop_info_bool = {
    .type_name = "bool",
    .parse = prop_bool_parse,
    .print = prop_bool_print,
    .set_default = prop_bool_set_default,
};

/* int */

/* Store v after the field-width check and the property's own range. */
static bool prop_int_store(Object *obj, const Property *prop, int64_t v,
                           Error **errp)
{
    if (v < prop_int_type_min(prop) || v > prop_int_type_max(prop)) {
        error_setg(errp, "Parameter '%s' expects int%u_t", prop->name,
                   prop_bits(prop));
        return false;
    }
    if (v < prop->min || v > prop->max) {
        error_setg(errp, "Property %s.%s doesn't take value %" PRId64
                   " (minimum: %" PRId64 ", maximum: %" PRId64 ")",
                   prop_type_owner(obj), prop->name, v, prop->min, prop->max);
        return false;
    }
    prop_write_int(obj, prop, v);
    return true;
}

static bool prop_int_parse(Object *obj, const Property *prop,
                           const char *str, Error **errp)
{
    int64_t v;

    if (qemu_strtoi64(str, NULL, 0, &v) < 0) {
        error_setg(errp, "Parameter '%s' expects integer", prop->name);
        return false;
    }
    return prop_int_store(obj, prop, v, errp);
}

static char *prop_int_print(Object *obj, const Property *prop)
{
    return g_strdup_printf("%" PRId64, prop_read_int(obj, prop));
}

static void prop_int_set_default(Object *obj, const Property *prop)
{
    if (prop->has_default) {
        prop_write_int(obj, prop, prop->defval_i);
    }
}

const PropertyInfo prop_info_int = {
    .type_name = "int",
    .parse = prop_int_parse,
    .print = prop_int_print,
    .set_default = prop_int_set_default,
};

/* uint and size share the range check. */

static bool prop_uint_store(Object *obj, const Property *prop, uint64_t v,
                            Error **errp)
{
    if (v > prop_uint_type_max(prop)) {
        error_setg(errp, "Parameter '%s' expects uint%u_t", prop->name,
                   prop_bits(prop));
        return false;
    }
    if (v < prop->umin || v > prop->umax) {
        error_setg(errp, "Property %s.%s doesn't take value %" PRIu64
                   " (minimum: %" PRIu64 ", maximum: %" PRIu64 ")",
                   prop_type_owner(obj), prop->name, v, prop->umin,
                   prop->umax);
        return false;
    }
    prop_write_uint(obj, prop, v);
    return true;
}

static bool prop_uint_parse(Object *obj, const Property *prop,
                            const char *str, Error **errp)
{
    uint64_t v;

    /* A leading '-' would wrap around in strtoull; refuse it outright. */
    if (str[strspn(str, " \t")] == '-') {
        error_setg(errp, "Parameter '%s' expects uint%u_t", prop->name,
                   prop_bits(prop));
        return false;
    }
    if (qemu_strtou64(str, NULL, 0, &v) < 0) {
        error_setg(errp, "Parameter '%s' expects integer", prop->name);
        return false;
    }
    return prop_uint_store(obj, prop, v, errp);
}

static char *prop_uint_print(Object *obj, const Property *prop)
{
    return g_strdup_printf("%" PRIu64, prop_read_uint(obj, prop));
}

static void prop_uint_set_default(Object *obj, const Property *prop)
{
    if (prop->has_default) {
        prop_write_uint(obj, prop, prop->defval_u);
    }
}

const PropertyInfo prop_info_uint = {
    .type_name = "uint",
    .parse = prop_uint_parse,
    .print = prop_uint_print,
    .set_default = prop_uint_set_default,
};

static bool prop_size_parse(Object *obj, const Property *prop,
                            const char *str, Error **errp)
{
    uint64_t v;

    if (str[strspn(str, " \t")] == '-' || qemu_strtosz(str, NULL, &v) < 0) {
        error_setg(errp, "Parameter '%s' expects a size value", prop->name);
        return false;
    }
    return prop_uint_store(obj, prop, v, errp);
}

const PropertyInfo prop_info_size = {
    .type_name = "size",
    .parse = prop_size_parse,
    .print = prop_uint_print,
    .set_default = prop_uint_set_default,
};

/* string */

static bool prop_string_parse(Object *obj, const Property *prop,
                              const char *str, Error **errp)
{
    char **p = prop_ptr(obj, prop);

    g_free(*p);
    *p = g_strdup(str);
    return true;
}

static char *prop_string_print(Object *obj, const Property *prop)
{
    char *s = *(char **)prop_ptr(obj, prop);

    return g_strdup(s ? s : "");
}

static void prop_string_release(Object *obj, const Property *prop)
{
    char **p = prop_ptr(obj, prop);

    g_free(*p);
    *p = NULL;
}

const PropertyInfo prop_info_string = {
    .type_name = "str",
    .parse = prop_string_parse,
    .print = prop_string_print,
    .release = prop_string_release,
};

/* enum: the field holds the index into enum_names. */

static bool prop_enum_parse(Object *obj, const Property *prop,
                            const char *str, Error **errp)
{
    Error *err = NULL;

    for (int i = 0; prop->enum_names[i]; i++) {
        if (!strcmp(str, prop->enum_names[i])) {
            prop_write_int(obj, prop, i);
            return true;
        }
    }
    error_setg(&err, "Parameter '%s' does not accept value '%s'",
               prop->name, str);
    {
        g_autofree char *valid = g_strjoinv(", ",
                                            (char **)prop->enum_names);

        error_append_hint(&err, "Valid values are %s.\n", valid);
    }
    error_propagate(errp, err);
    return false;
}

static char *prop_enum_print(Object *obj, const Property *prop)
{
    int64_t i = prop_read_int(obj, prop);

    for (int64_t n = 0; prop->enum_names[n]; n++) {
        if (n == i) {
            return g_strdup(prop->enum_names[n]);
        }
    }
    return g_strdup_printf("%" PRId64, i);
}

const PropertyInfo prop_info_enum = {
    .type_name = "enum",
    .parse = prop_enum_parse,
    .print = prop_enum_print,
    .set_default = prop_int_set_default,
};

/* link: the field holds a reference to the target, or NULL. */

static bool prop_link_store(Object *obj, const Property *prop, Object *target,
                            Error **errp)
{
    Object **p = prop_ptr(obj, prop);
    const char *type = prop->link_type ? prop->link_type : TYPE_OBJECT;
    Object *old = *p;

    if (target && !object_dynamic_cast(target, type)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   prop->name, type);
        return false;
    }
    *p = object_ref(target);
    object_unref(old);
    return true;
}

static bool prop_link_parse(Object *obj, const Property *prop,
                            const char *str, Error **errp)
{
    const char *type = prop->link_type ? prop->link_type : TYPE_OBJECT;
    bool ambiguous = false;
    Object *target;

    if (!str[0]) {
        return prop_link_store(obj, prop, NULL, errp);
    }
    target = object_resolve_path_type(str, type, &ambiguous);
    if (target) {
        return prop_link_store(obj, prop, target, errp);
    }
    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   str);
        return false;
    }
    /* Found but of another type: say so rather than "not found". */
    target = object_resolve_path_type(str, TYPE_OBJECT, &ambiguous);
    if (target) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   prop->name, type);
    } else {
        error_setg(errp, "Device '%s' not found", str);
    }
    return false;
}

static char *prop_link_print(Object *obj, const Property *prop)
{
    Object *target = *(Object **)prop_ptr(obj, prop);
    char *path = target ? object_get_canonical_path(target) : NULL;

    return path ? path : g_strdup("");
}

static void prop_link_release(Object *obj, const Property *prop)
{
    Object **p = prop_ptr(obj, prop);
    Object *old = *p;

    *p = NULL;
    object_unref(old);
}

const PropertyInfo prop_info_link = {
    .type_name = "link",
    .parse = prop_link_parse,
    .print = prop_link_print,
    .release = prop_link_release,
};

/*
 * Kinds are recognised by their parse function, so a subsystem may declare
 * its own PropertyInfo (say "OnOffAuto") that reuses prop_info_enum's
 * functions and still gets the typed accessors and help text.
 */
typedef enum {
    PROP_KIND_OTHER,
    PROP_KIND_BOOL,
    PROP_KIND_INT,
    PROP_KIND_UINT,
    PROP_KIND_SIZE,
    PROP_KIND_STRING,
    PROP_KIND_ENUM,
    PROP_KIND_LINK,
} PropKind;

static PropKind prop_kind(const Property *prop)
{
    static const struct {
        const PropertyInfo *info;
        PropKind kind;
    } kinds[] = {
        { &prop_info_bool, PROP_KIND_BOOL },
        { &prop_info_int, PROP_KIND_INT },
        { &prop_info_uint, PROP_KIND_UINT },
        { &prop_info_size, PROP_KIND_SIZE },
        { &prop_info_string, PROP_KIND_STRING },
        { &prop_info_enum, PROP_KIND_ENUM },
        { &prop_info_link, PROP_KIND_LINK },
    };

    for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
        if (prop->info->parse == kinds[i].info->parse) {
            return kinds[i].kind;
        }
    }
    return PROP_KIND_OTHER;
}

/* The type as help and errors show it: "uint32", "link<iothread>". */
static char *prop_type_name(const Property *prop)
{
    const PropertyInfo *info = prop->info;

    switch (prop_kind(prop)) {
    case PROP_KIND_INT:
        if (info == &prop_info_int) {
            return g_strdup_printf("int%u", prop_bits(prop));
        }
        break;
    case PROP_KIND_UINT:
        if (info == &prop_info_uint) {
            return g_strdup_printf("uint%u", prop_bits(prop));
        }
        break;
    case PROP_KIND_LINK:
        return g_strdup_printf("link<%s>",
                               prop->link_type ? prop->link_type
                                               : TYPE_OBJECT);
    default:
        break;
    }
    return g_strdup(info->type_name ? info->type_name : "str");
}

/* Table lookup along the class chain. */

void object_class_set_props(ObjectClass *klass, const Property *props)
{
    klass->props = props;
}

const Property *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        for (const Property *p = klass->props; p && p->name; p++) {
            if (!strcmp(p->name, name)) {
                return p;
            }
        }
    }
    return NULL;
}

void object_class_property_foreach(ObjectClass *klass,
                                   void (*fn)(const Property *prop,
                                              void *opaque),
                                   void *opaque)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        for (const Property *p = klass->props; p && p->name; p++) {
            fn(p, opaque);
        }
    }
}

static void prop_set_default_one(const Property *prop, void *opaque)
{
    if (prop->info->set_default) {
        prop->info->set_default(opaque, prop);
    }
}

void object_property_set_defaults(Object *obj)
{
    object_class_property_foreach(obj->class, prop_set_default_one, obj);
}

static void prop_release_one(const Property *prop, void *opaque)
{
    if (prop->info->release) {
        prop->info->release(opaque, prop);
    }
}

void object_property_release_all(Object *obj)
{
    object_class_property_foreach(obj->class, prop_release_one, obj);
}

/* Help text. */

static char *prop_default_text(const Property *prop)
{
    if (!prop->has_default) {
        return NULL;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_BOOL:
        return g_strdup(prop->defval_i ? "true" : "false");
    case PROP_KIND_INT:
        return g_strdup_printf("%" PRId64, prop->defval_i);
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return g_strdup_printf("%" PRIu64, prop->defval_u);
    case PROP_KIND_ENUM:
        for (int64_t i = 0; prop->enum_names[i]; i++) {
            if (i == prop->defval_i) {
                return g_strdup_printf("\"%s\"", prop->enum_names[i]);
            }
        }
        return NULL;
    default:
        return NULL;
    }
}

static void prop_help_line(const Property *prop, void *opaque)
{
    GPtrArray *lines = opaque;
    g_autofree char *type = prop_type_name(prop);
    g_autofree char *def = prop_default_text(prop);
    const char *desc = prop->description ? prop->description
                                         : prop->info->description;
    GString *line = g_string_new(NULL);

    g_string_append_printf(line, "  %s=<%s>", prop->name, type);
    if (desc || def) {
        /* QEMU aligns the dash at column 24 unless the name is longer. */
        if (line->len < 24) {
            g_string_append_printf(line, "%*s", 24 - (int)line->len, "");
        }
        g_string_append_printf(line, " - %s", desc ? desc : "");
        if (def) {
            g_string_append_printf(line, " (default: %s)", def);
        }
    }
    g_ptr_array_add(lines, g_string_free(line, false));
}

static gint prop_help_compare(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void object_class_property_help(ObjectClass *klass, GString *out)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    const char *type = object_class_get_name(klass);

    object_class_property_foreach(klass, prop_help_line, lines);
    if (!lines->len) {
        g_string_append_printf(out, "There are no options for %s.\n", type);
    } else {
        g_string_append_printf(out, "%s options:\n", type);
        g_ptr_array_sort(lines, prop_help_compare);
        for (guint i = 0; i < lines->len; i++) {
            g_string_append_printf(out, "%s\n",
                                   (char *)g_ptr_array_index(lines, i));
        }
    }
    g_ptr_array_free(lines, true);
}

/* Generic access by name. */

static const Property *prop_find_settable(Object *obj, const char *name,
                                          Error **errp)
{
    const Property *prop = object_class_property_find(obj->class, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
        return NULL;
    }
    if (obj->class->property_set_allowed &&
        !obj->class->property_set_allowed(obj, prop, errp)) {
        return NULL;
    }
    return prop;
}

static const Property *prop_find(Object *obj, const char *name, Error **errp)
{
    const Property *prop = object_class_property_find(obj->class, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

static void prop_type_mismatch(const Property *prop, Error **errp)
{
    g_autofree char *type = prop_type_name(prop);

    error_setg(errp, "Invalid parameter type for '%s', expected: %s",
               prop->name, type);
}

bool object_property_parse(Object *obj, const char *name, const char *value,
                           Error **errp)
{
    const Property *prop = prop_find_settable(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (!prop->info->parse) {
        error_setg(errp, "Property '%s.%s' is read-only",
                   object_get_typename(obj), name);
        return false;
    }
    return prop->info->parse(obj, prop, value ? value : "", errp);
}

char *object_property_print(Object *obj, const char *name, Error **errp)
{
    const Property *prop = prop_find(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    if (!prop->info->print) {
        error_setg(errp, "Property '%s.%s' is write-only",
                   object_get_typename(obj), name);
        return NULL;
    }
    return prop->info->print(obj, prop);
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    const Property *prop = prop_find_settable(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (prop_kind(prop) != PROP_KIND_BOOL) {
        prop_type_mismatch(prop, errp);
        return false;
    }
    *(bool *)prop_ptr(obj, prop) = value;
    return true;
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    const Property *prop = prop_find_settable(obj, name, errp);

    if (!prop) {
        return false;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_INT:
        return prop_int_store(obj, prop, value, errp);
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        if (value < 0) {
            error_setg(errp, "Parameter '%s' expects uint%u_t", prop->name,
                       prop_bits(prop));
            return false;
        }
        return prop_uint_store(obj, prop, value, errp);
    default:
        prop_type_mismatch(prop, errp);
        return false;
    }
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    const Property *prop = prop_find_settable(obj, name, errp);

    if (!prop) {
        return false;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return prop_uint_store(obj, prop, value, errp);
    case PROP_KIND_INT:
        if (value > INT64_MAX) {
            error_setg(errp, "Parameter '%s' expects int%u_t", prop->name,
                       prop_bits(prop));
            return false;
        }
        return prop_int_store(obj, prop, value, errp);
    default:
        prop_type_mismatch(prop, errp);
        return false;
    }
}

bool object_property_set_str(Object *obj, const char *name, const char *value,
                             Error **errp)
{
    const Property *prop = prop_find_settable(obj, name, errp);

    if (!prop) {
        return false;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_BOOL:
    case PROP_KIND_INT:
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        prop_type_mismatch(prop, errp);
        return false;
    default:
        /* Strings, enum names, link paths and custom kinds (chardev ids). */
        if (!prop->info->parse) {
            prop_type_mismatch(prop, errp);
            return false;
        }
        return prop->info->parse(obj, prop, value ? value : "", errp);
    }
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    const Property *prop = prop_find_settable(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (prop_kind(prop) != PROP_KIND_LINK) {
        prop_type_mismatch(prop, errp);
        return false;
    }
    return prop_link_store(obj, prop, value, errp);
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    const Property *prop = prop_find(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (prop_kind(prop) != PROP_KIND_BOOL) {
        prop_type_mismatch(prop, errp);
        return false;
    }
    return *(bool *)prop_ptr(obj, prop);
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    const Property *prop = prop_find(obj, name, errp);

    if (!prop) {
        return -1;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_INT:
    case PROP_KIND_ENUM:
        return prop_read_int(obj, prop);
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return (int64_t)prop_read_uint(obj, prop);
    default:
        prop_type_mismatch(prop, errp);
        return -1;
    }
}

uint64_t object_property_get_uint(Object *obj, const char *name, Error **errp)
{
    const Property *prop = prop_find(obj, name, errp);

    if (!prop) {
        return 0;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        return prop_read_uint(obj, prop);
    case PROP_KIND_INT:
        return (uint64_t)prop_read_int(obj, prop);
    default:
        prop_type_mismatch(prop, errp);
        return 0;
    }
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    const Property *prop = prop_find(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    switch (prop_kind(prop)) {
    case PROP_KIND_BOOL:
    case PROP_KIND_INT:
    case PROP_KIND_UINT:
    case PROP_KIND_SIZE:
        prop_type_mismatch(prop, errp);
        return NULL;
    default:
        return object_property_print(obj, name, errp);
    }
}

Object *object_property_get_link(Object *obj, const char *name, Error **errp)
{
    const Property *prop = prop_find(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    if (prop_kind(prop) != PROP_KIND_LINK) {
        prop_type_mismatch(prop, errp);
        return NULL;
    }
    return *(Object **)prop_ptr(obj, prop);
}
