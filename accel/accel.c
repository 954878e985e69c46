/*
 * Accelerator registry and selection: TYPE_ACCEL, the "kvm:tcg" list rule
 * and the current accelerator. Interface: include/sysemu/accel.h.
 */
#include "qemu/osdep.h"
#include "sysemu/accel.h"
#include "qemu/error-report.h"

static AccelState *accel_current;

static AccelClass *accel_find(const char *name)
{
    g_autofree char *type = g_strconcat(name, ACCEL_CLASS_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(type);

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_ACCEL)) {
        return NULL;
    }
    return ACCEL_CLASS(oc);
}

bool accel_available(const char *name)
{
    return name && accel_find(name) != NULL;
}

AccelState *current_accel(void)
{
    return accel_current;
}

AccelClass *current_accel_class(void)
{
    return accel_current ? ACCEL_GET_CLASS(accel_current) : NULL;
}

const char *current_accel_name(void)
{
    return accel_current ? ACCEL_GET_CLASS(accel_current)->name : "none";
}

bool accel_check_list(const char *list, Error **errp)
{
    g_auto(GStrv) names = g_strsplit(list ? list : "", ":", -1);

    if (!names[0]) {
        error_setg(errp, "invalid accelerator %s", list ? list : "");
        return false;
    }
    for (int i = 0; names[i]; i++) {
        if (!accel_available(names[i])) {
            error_setg(errp, "invalid accelerator %s", names[i]);
            return false;
        }
    }
    return true;
}

/* One attempt; on failure the object is dropped and errp says why. */
static bool accel_try(AccelClass *ac, MachineState *ms, Error **errp)
{
    AccelState *accel = ACCEL(object_new_with_class(OBJECT_CLASS(ac)));

    if (ac->init_machine && !ac->init_machine(accel, ms, errp)) {
        object_unref(accel);
        return false;
    }
    accel_current = accel;
    return true;
}

bool accel_init_machine(const char *list, MachineState *ms, Error **errp)
{
    g_auto(GStrv) names = NULL;
    Error *last = NULL;
    bool failed_before = false;

    g_assert(!accel_current);
    if (!accel_check_list(list ? list : "kvm", errp)) {
        return false;
    }
    names = g_strsplit(list ? list : "kvm", ":", -1);
    for (int i = 0; names[i]; i++) {
        AccelClass *ac = accel_find(names[i]);
        Error *err = NULL;

        if (last) {
            /* Not the last one tried: say why it was skipped, as QEMU. */
            error_report_err(last);
            last = NULL;
            failed_before = true;
        }
        if (accel_try(ac, ms, &err)) {
            if (failed_before) {
                error_report("falling back to %s", ac->name);
            }
            return true;
        }
        error_prepend(&err, "failed to initialize %s: ", ac->name);
        last = err;
    }
    error_propagate(errp, last);
    return false;
}

void accel_reset_current(void)
{
    AccelState *accel = accel_current;

    if (!accel) {
        return;
    }
    accel_current = NULL;
    if (ACCEL_GET_CLASS(accel)->cleanup) {
        ACCEL_GET_CLASS(accel)->cleanup(accel);
    }
    object_unref(accel);
}

static const TypeInfo accel_type = {
    .name = TYPE_ACCEL,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(AccelState),
    .class_size = sizeof(AccelClass),
    .abstract = true,
};

static void accel_register_types(void)
{
    type_register_static(&accel_type);
}

type_init(accel_register_types)
