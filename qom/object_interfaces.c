/*
 * User-creatable objects: the interface -object and object_add accept,
 * creation from parsed options into /objects/<id>, deletion, and the
 * "-object help" / "-object TYPE,help" listings. Messages follow QEMU 7.2.
 */
#include "qemu/osdep.h"
#include "qom/object_interfaces.h"
#include "qom-internal.h"

static ObjectClass *user_creatable_class(const char *type)
{
    ObjectClass *klass = object_class_by_name(type);

    if (!klass || object_class_is_abstract(klass) ||
        !object_class_dynamic_cast(klass, TYPE_USER_CREATABLE)) {
        return NULL;
    }
    return klass;
}

typedef struct {
    Object *obj;
} UserCreatableSetState;

static int user_creatable_set_one(void *opaque, const char *name,
                                  const char *value, Error **errp)
{
    UserCreatableSetState *s = opaque;

    if (!strcmp(name, "qom-type") || !strcmp(name, "id")) {
        return 0;
    }
    if (!object_class_property_find(object_get_class(s->obj), name)) {
        error_setg(errp, "Invalid parameter '%s'", name);
        return -1;
    }
    return object_property_parse(s->obj, name, value, errp) ? 0 : -1;
}

static bool user_creatable_complete(Object *obj, Error **errp)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(object_get_class(obj));

    return !ucc->complete || ucc->complete(obj, errp);
}

/*
 * Checks run in QEMU's order: type given, id well-formed, type known and
 * creatable, id given, id free; then properties in command-line order and
 * complete(). The returned object is owned by the tree (borrowed pointer).
 */
Object *user_creatable_add_opts(QemuOpts *opts, Error **errp)
{
    const char *type = qemu_opt_get(opts, "qom-type");
    const char *id = qemu_opt_get(opts, "id");
    Object *root = object_get_objects_root();
    UserCreatableSetState s;
    ObjectClass *klass;
    Error *err = NULL;

    if (!type) {
        error_setg(errp, "Parameter 'qom-type' is missing");
        return NULL;
    }
    if (id && !id_wellformed(id)) {
        error_setg(&err, "Parameter 'id' expects an identifier");
        error_append_hint(&err, "Identifiers consist of letters, digits, "
                          "'-', '.', '_', starting with a letter.\n");
        error_propagate(errp, err);
        return NULL;
    }
    klass = user_creatable_class(type);
    if (!klass) {
        error_setg(errp, "Parameter 'qom-type' does not accept value '%s'",
                   type);
        return NULL;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return NULL;
    }
    if (object_resolve_path_component(root, id)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", id, object_get_typename(root));
        return NULL;
    }

    s.obj = object_new_with_class(klass);
    if (qemu_opt_foreach(opts, user_creatable_set_one, &s, errp) ||
        !user_creatable_complete(s.obj, errp) ||
        !object_property_add_child(root, id, s.obj, errp)) {
        object_unref(s.obj);
        return NULL;
    }
    object_unref(s.obj);
    return s.obj;
}

static void user_creatable_list_types(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_USER_CREATABLE, false);

    printf("List of user creatable objects:\n");
    for (GSList *e = list; e; e = e->next) {
        printf("  %s\n", object_class_get_name(e->data));
    }
    g_slist_free(list);
}

bool user_creatable_print_help(QemuOpts *opts)
{
    const char *type = qemu_opt_get(opts, "qom-type");
    ObjectClass *klass;
    GString *out;

    if (!type || is_help_option(type)) {
        if (!opts->help && !is_help_option(type)) {
            return false;
        }
        user_creatable_list_types();
        return true;
    }
    if (!opts->help) {
        return false;
    }
    /* An unknown type falls through to add_opts, which names the error. */
    klass = user_creatable_class(type);
    if (!klass) {
        return false;
    }
    out = g_string_new(NULL);
    object_class_property_help(klass, out);
    fputs(out->str, stdout);
    g_string_free(out, true);
    return true;
}

bool user_creatable_del(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                id);

    if (!obj || !object_dynamic_cast(obj, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object '%s' not found", id);
        return false;
    }
    object_unparent(obj);
    return true;
}

static const TypeInfo user_creatable_info = {
    .name = TYPE_USER_CREATABLE,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(UserCreatableClass),
};

void user_creatable_register_types(void)
{
    type_register_static(&user_creatable_info);
}
