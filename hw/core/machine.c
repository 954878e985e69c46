/*
 * TYPE_MACHINE: the board object at /machine. Its class names the board
 * for -M and describes it for -M help; -M options other than the type are
 * properties of the instance; machine_create_ram gives the board its main
 * RAM, from -m or from -machine memory-backend=ID.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
#include "sysemu/hostmem.h"

MachineState *current_machine;

static const Property machine_props[] = {
    PROP_STRING("kernel", MachineState, kernel_filename),
    PROP_STRING("initrd", MachineState, initrd_filename),
    PROP_STRING("append", MachineState, kernel_cmdline),
    PROP_STRING("dtb", MachineState, dtb),
    PROP_STRING("dumpdtb", MachineState, dumpdtb),
    PROP_STRING("firmware", MachineState, firmware),
    PROP_STRING("memory-backend", MachineState, memdev_id),
    PROP_STRING("accel", MachineState, accel),
    PROP_END,
};

/*
 * A board that sets no name is known by its type name without the
 * "-machine" suffix (QEMU's rule). Filled in on first listing; the string
 * lives as long as the class.
 */
static void machine_class_fill_name(MachineClass *mc)
{
    const char *type = object_class_get_name(OBJECT_CLASS(mc));
    size_t len = strlen(type);
    size_t slen = strlen(TYPE_MACHINE_SUFFIX);

    if (mc->name) {
        return;
    }
    if (len > slen && !strcmp(type + len - slen, TYPE_MACHINE_SUFFIX)) {
        mc->name = g_strndup(type, len - slen);
    } else {
        mc->name = type;
    }
}

static gint machine_class_compare(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a;
    const MachineClass *mb = b;

    return g_strcmp0(ma->name, mb->name);
}

/* Concrete boards sorted by name. g_slist_free() the result. */
static GSList *machine_class_list(void)
{
    GSList *list = object_class_get_list_sorted(TYPE_MACHINE, false);

    for (GSList *e = list; e; e = e->next) {
        machine_class_fill_name(MACHINE_CLASS(e->data));
    }
    return g_slist_sort(list, machine_class_compare);
}

MachineClass *machine_class_by_name(const char *name)
{
    GSList *list = machine_class_list();
    MachineClass *found = NULL;

    for (GSList *e = list; e && !found; e = e->next) {
        MachineClass *mc = MACHINE_CLASS(e->data);

        if (!g_strcmp0(mc->name, name) || !g_strcmp0(mc->alias, name)) {
            found = mc;
        }
    }
    g_slist_free(list);
    return found;
}

MachineClass *find_default_machine(void)
{
    GSList *list = machine_class_list();
    MachineClass *found = NULL;

    for (GSList *e = list; e && !found; e = e->next) {
        if (MACHINE_CLASS(e->data)->is_default) {
            found = MACHINE_CLASS(e->data);
        }
    }
    g_slist_free(list);
    return found;
}

/* An alias gets its own line right before the board it names. */
void machine_print_list(FILE *f)
{
    GSList *list = machine_class_list();

    fprintf(f, "Supported machines are:\n");
    for (GSList *e = list; e; e = e->next) {
        MachineClass *mc = MACHINE_CLASS(e->data);
        const char *desc = mc->desc ? mc->desc : "";

        if (mc->alias) {
            fprintf(f, "%-20s %s (alias of %s)\n", mc->alias, desc,
                    mc->name);
        }
        fprintf(f, "%-20s %s%s\n", mc->name, desc,
                mc->is_default ? " (default)" : "");
    }
    g_slist_free(list);
}

static bool machine_use_memory_backend(MachineState *ms, Error **errp)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                ms->memdev_id);
    HostMemoryBackend *backend;
    uint64_t size;

    obj = obj ? object_dynamic_cast(obj, TYPE_MEMORY_BACKEND) : NULL;
    if (!obj) {
        error_setg(errp, "Memory backend '%s' not found", ms->memdev_id);
        return false;
    }
    backend = MEMORY_BACKEND(obj);
    size = host_memory_backend_get_size(backend);
    if (ms->ram_size_given && ms->ram_size != size) {
        error_setg(errp, "Machine memory size does not match the size of "
                   "the memory backend");
        return false;
    }
    if (backend->mapped) {
        error_setg(errp, "memory backend '%s' can't be used multiple times.",
                   ms->memdev_id);
        return false;
    }
    ms->ram = host_memory_backend_get_memory(backend);
    if (!ms->ram) {
        error_setg(errp, "Memory backend '%s' not found", ms->memdev_id);
        return false;
    }
    backend->mapped = true;
    ms->ram_size = size;
    return true;
}

bool machine_create_ram(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);
    MemoryRegion *mr;

    if (ms->memdev_id) {
        return machine_use_memory_backend(ms, errp);
    }
    if (!ms->ram_size) {
        return true;
    }
    mr = g_new0(MemoryRegion, 1);
    if (!memory_region_init_ram(mr, OBJECT(ms),
                                mc->default_ram_id ? mc->default_ram_id
                                                   : "ram",
                                ms->ram_size, errp)) {
        memory_region_finalize(mr);
        g_free(mr);
        return false;
    }
    ms->ram = mr;
    return true;
}

static void machine_instance_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    /* A backend's region belongs to the backend; ours we free. */
    if (ms->ram && !ms->memdev_id) {
        memory_region_finalize(ms->ram);
        g_free(ms->ram);
    }
    ms->ram = NULL;
    g_free(ms->cpu_type);
    if (current_machine == ms) {
        current_machine = NULL;
    }
}

static void machine_class_init(ObjectClass *klass, void *data)
{
    object_class_set_props(klass, machine_props);
}

static const TypeInfo machine_type_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MachineState),
    .instance_finalize = machine_instance_finalize,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_init = machine_class_init,
};

static void machine_register_types(void)
{
    type_register_static(&machine_type_info);
}

type_init(machine_register_types)
