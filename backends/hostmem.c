/*
 * The abstract memory backend: the properties every backend shares and the
 * complete() step that turns them into a RAM region. Concrete backends
 * (hostmem-ram.c) only say how the host memory is obtained.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "sysemu/hostmem.h"
#include "qom/object_interfaces.h"

/*
 * "size" is a size property that refuses 0 with QEMU's words; the rest of
 * its behaviour is the plain size kind's.
 */
static bool hostmem_prop_size_parse(Object *obj, const Property *prop,
                                    const char *str, Error **errp)
{
    uint64_t old = MEMORY_BACKEND(obj)->size;

    if (!prop_info_size.parse(obj, prop, str, errp)) {
        return false;
    }
    if (!MEMORY_BACKEND(obj)->size) {
        MEMORY_BACKEND(obj)->size = old;
        error_setg(errp, "property '%s' of %s doesn't take value '%s'",
                   prop->name, object_get_typename(obj), str);
        return false;
    }
    return true;
}

static char *hostmem_prop_size_print(Object *obj, const Property *prop)
{
    return prop_info_size.print(obj, prop);
}

static void hostmem_prop_size_set_default(Object *obj, const Property *prop)
{
    prop_info_size.set_default(obj, prop);
}

static const PropertyInfo hostmem_prop_info_size = {
    .type_name = "size",
    .description = "Size of the memory region (ex: 500M)",
    .parse = hostmem_prop_size_parse,
    .print = hostmem_prop_size_print,
    .set_default = hostmem_prop_size_set_default,
};

static const Property hostmem_props[] = {
    { .name = "size", .info = &hostmem_prop_info_size,
      PROP_FIELD_(HostMemoryBackend, size), .has_default = true,
      .defval_u = 0, .umax = UINT64_MAX,
      .description = "Size of the memory region (ex: 500M)" },
    { .name = "prealloc", .info = &prop_info_bool,
      PROP_FIELD_(HostMemoryBackend, prealloc), .has_default = true,
      .defval_i = false, .description = "Preallocate memory" },
    { .name = "share", .info = &prop_info_bool,
      PROP_FIELD_(HostMemoryBackend, share), .has_default = true,
      .defval_i = false,
      .description = "Mark the memory as private to QEMU or shared" },
    { .name = "merge", .info = &prop_info_bool,
      PROP_FIELD_(HostMemoryBackend, merge), .has_default = true,
      .defval_i = true, .description = "Mark memory as mergeable" },
    { .name = "dump", .info = &prop_info_bool,
      PROP_FIELD_(HostMemoryBackend, dump), .has_default = true,
      .defval_i = true,
      .description = "Set to 'off' to exclude from core dump" },
    PROP_END,
};

MemoryRegion *host_memory_backend_get_memory(HostMemoryBackend *backend)
{
    const char *id = object_get_canonical_path_component(OBJECT(backend));

    if (!backend->mr_ready) {
        return NULL;
    }
    /*
     * complete() runs before the object is filed under /objects/<id>, so
     * the region may still carry the type name: give it the id now.
     */
    if (id && g_strcmp0(backend->mr.name, id)) {
        g_free(backend->mr.name);
        backend->mr.name = g_strdup(id);
    }
    return &backend->mr;
}

uint64_t host_memory_backend_get_size(HostMemoryBackend *backend)
{
    return backend->size;
}

/* Advice the host may not support (no KSM, old kernel) is only advice. */
static void hostmem_apply_advice(HostMemoryBackend *backend)
{
    void *ptr = memory_region_get_ram_ptr(&backend->mr);
    long page = sysconf(_SC_PAGESIZE);

    if (!ptr) {
        return;
    }
#ifdef MADV_MERGEABLE
    if (backend->merge) {
        (void)madvise(ptr, backend->size, MADV_MERGEABLE);
    }
#endif
#ifdef MADV_DONTDUMP
    if (!backend->dump) {
        (void)madvise(ptr, backend->size, MADV_DONTDUMP);
    }
#endif
    if (backend->prealloc) {
        /* Touch every page now so the guest never waits for the host. */
        for (uint64_t off = 0; off < backend->size; off += page) {
            ((volatile uint8_t *)ptr)[off] = 0;
        }
    }
}

static bool hostmem_complete(Object *obj, Error **errp)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(obj);
    HostMemoryBackendClass *bc = MEMORY_BACKEND_GET_CLASS(obj);
    const char *id = object_get_canonical_path_component(obj);

    if (!backend->size) {
        error_setg(errp, "Parameter 'size' is missing");
        return false;
    }
    if (backend->share) {
        error_setg(errp, "share=on: not supported by Kestrel yet");
        return false;
    }
    if (!bc->alloc(backend, id ? id : object_get_typename(obj), errp)) {
        memory_region_finalize(&backend->mr);
        return false;
    }
    backend->mr_ready = true;
    hostmem_apply_advice(backend);
    return true;
}

/* The region's size and layout are fixed once it exists. */
static bool hostmem_property_set_allowed(Object *obj, const Property *prop,
                                         Error **errp)
{
    if (MEMORY_BACKEND(obj)->mr_ready) {
        error_setg(errp, "cannot change property '%s' of %s", prop->name,
                   object_get_typename(obj));
        return false;
    }
    return true;
}

static void hostmem_instance_finalize(Object *obj)
{
    HostMemoryBackend *backend = MEMORY_BACKEND(obj);

    if (backend->mr_ready) {
        memory_region_finalize(&backend->mr);
        backend->mr_ready = false;
    }
}

static void hostmem_class_init(ObjectClass *klass, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(klass);

    ucc->complete = hostmem_complete;
    klass->property_set_allowed = hostmem_property_set_allowed;
    object_class_set_props(klass, hostmem_props);
}

static const TypeInfo hostmem_type_info = {
    .name = TYPE_MEMORY_BACKEND,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(HostMemoryBackend),
    .instance_finalize = hostmem_instance_finalize,
    .abstract = true,
    .class_size = sizeof(HostMemoryBackendClass),
    .class_init = hostmem_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_USER_CREATABLE },
        { NULL },
    },
};

static void hostmem_register_types(void)
{
    type_register_static(&hostmem_type_info);
}

type_init(hostmem_register_types)
