/*
 * Memory backends: -object memory-backend-ram,id=m0,size=512M gives a RAM
 * region a board uses as its main memory (-machine memory-backend=m0).
 * The region is named after the backend id, as QEMU names it.
 *
 * Properties: size (required), prealloc, share (off only), merge, dump.
 * Implemented in backends/hostmem.c (abstract "memory-backend") and
 * backends/hostmem-ram.c ("memory-backend-ram").
 */
#ifndef SYSEMU_HOSTMEM_H
#define SYSEMU_HOSTMEM_H

#include "qom/object.h"
#include "exec/memory.h"

#define TYPE_MEMORY_BACKEND "memory-backend"
#define TYPE_MEMORY_BACKEND_RAM "memory-backend-ram"

OBJECT_DECLARE_TYPE(HostMemoryBackend, HostMemoryBackendClass,
                    MEMORY_BACKEND)

struct HostMemoryBackendClass {
    ObjectClass parent_class;
    /* Create backend->mr of backend->size bytes named 'name'. */
    bool (*alloc)(HostMemoryBackend *backend, const char *name,
                  Error **errp);
};

struct HostMemoryBackend {
    Object parent_obj;
    uint64_t size;
    bool prealloc;
    bool share;
    bool merge;
    bool dump;
    bool mr_ready;            /* complete() succeeded: mr is initialized */
    bool mapped;              /* a machine uses it */
    MemoryRegion mr;
};

/* The backend's region (named after its id), or NULL before complete. */
MemoryRegion *host_memory_backend_get_memory(HostMemoryBackend *backend);
uint64_t host_memory_backend_get_size(HostMemoryBackend *backend);

#endif
