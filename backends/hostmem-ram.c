/*
 * memory-backend-ram: anonymous host memory, private to this process.
 * -object memory-backend-ram,id=m0,size=1G
 */
#include "qemu/osdep.h"
#include "sysemu/hostmem.h"

static bool ram_backend_alloc(HostMemoryBackend *backend, const char *name,
                              Error **errp)
{
    return memory_region_init_ram(&backend->mr, OBJECT(backend), name,
                                  backend->size, errp);
}

static void ram_backend_class_init(ObjectClass *klass, void *data)
{
    MEMORY_BACKEND_CLASS(klass)->alloc = ram_backend_alloc;
}

static const TypeInfo ram_backend_type_info = {
    .name = TYPE_MEMORY_BACKEND_RAM,
    .parent = TYPE_MEMORY_BACKEND,
    .class_init = ram_backend_class_init,
};

static void ram_backend_register_types(void)
{
    type_register_static(&ram_backend_type_info);
}

type_init(ram_backend_register_types)
