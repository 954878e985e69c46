/*
 * Private glue between the three qom/ files: object.c owns types and
 * instances, object-props.c owns property values, object_interfaces.c
 * owns the user-creatable interface.
 */
#ifndef QOM_INTERNAL_H
#define QOM_INTERNAL_H

#include "qom/object.h"

/* object-props.c: store every default of the class chain into obj. */
void object_property_set_defaults(Object *obj);
/* object-props.c: free what every property of the chain owns. */
void object_property_release_all(Object *obj);

/*
 * object_interfaces.c: registers TYPE_USER_CREATABLE. Called by object.c
 * when the type table is created, so the type exists even when nothing
 * else pulls object_interfaces.o out of the static library.
 */
void user_creatable_register_types(void);

#endif
