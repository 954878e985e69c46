/*
 * The user-creatable interface: types that -object can create.
 * A type implementing it may define complete() to check its properties
 * once all are set (QEMU's UserCreatableClass).
 */
#ifndef QOM_OBJECT_INTERFACES_H
#define QOM_OBJECT_INTERFACES_H

#include "qom/object.h"
#include "qemu/option.h"

#define TYPE_USER_CREATABLE "user-creatable"

typedef struct UserCreatableClass {
    InterfaceClass parent_class;
    bool (*complete)(Object *obj, Error **errp);
} UserCreatableClass;

#define USER_CREATABLE_CLASS(klass) \
    OBJECT_CLASS_CHECK(UserCreatableClass, klass, TYPE_USER_CREATABLE)

/*
 * Create an object from -object options: "qom-type" (the implied key) names
 * the type, "id" is required, every other key is a property. The object is
 * added as /objects/<id>. Errors name the offending key or value.
 * Returns NULL on error; help (qom-type=help or TYPE,help) is handled by
 * user_creatable_print_help().
 */
Object *user_creatable_add_opts(QemuOpts *opts, Error **errp);
/* True if opts asked for help (and it was printed to stdout). */
bool user_creatable_print_help(QemuOpts *opts);
/* Remove /objects/<id>. */
bool user_creatable_del(const char *id, Error **errp);

#endif
