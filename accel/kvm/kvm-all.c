/*
 * KVM: the device, the VM and its memory slots.
 *
 * Memory slots follow the flat view of address_space_memory through a
 * MemoryListener: each RAM (or ROM) flat range becomes one slot, so RAM
 * split around the PCI hole, aliases and ROMs need no special case here:
 * the flat view already cut them. I/O ranges get no slot; the guest's
 * accesses there exit as KVM_EXIT_MMIO. The listener sees removals before
 * additions, so a re-rendered view never asks for overlapping slots.
 * Interface: include/sysemu/kvm.h.
 */
#include "qemu/osdep.h"
#include "kvm-internal.h"
#include "qemu/error-report.h"
#include <fcntl.h>
#include <sys/ioctl.h>

KVMState kvm_state = { .dev_fd = -1, .vm_fd = -1 };
static char *kvm_device_path;
static bool kvm_no_immediate_exit;

void kvm_set_immediate_exit_allowed(bool allowed)
{
    kvm_no_immediate_exit = !allowed;
}

void kvm_set_device_path(const char *path)
{
    g_free(kvm_device_path);
    kvm_device_path = g_strdup(path);
}

static const char *kvm_get_device_path(void)
{
    const char *env = getenv("KESTREL_KVM_DEVICE");

    if (kvm_device_path) {
        return kvm_device_path;
    }
    return env && *env ? env : "/dev/kvm";
}

bool kvm_enabled(void)
{
    return kvm_state.vm_fd >= 0;
}

int kvm_vm_fd(void)
{
    return kvm_state.vm_fd;
}

int kvm_dev_fd(void)
{
    return kvm_state.dev_fd;
}

int kvm_check_extension(unsigned int cap)
{
    int fd = kvm_state.vm_fd >= 0 ? kvm_state.vm_fd : kvm_state.dev_fd;
    int r;

    if (fd < 0) {
        return 0;
    }
    r = ioctl(fd, KVM_CHECK_EXTENSION, cap);
    return r < 0 ? 0 : r;
}

/* ---- Memory slots ----------------------------------------------------- */

static KVMSlot *kvm_slot_find(uint64_t start, uint64_t size)
{
    for (unsigned i = 0; i < kvm_state.nr_slots; i++) {
        KVMSlot *s = &kvm_state.slots[i];
        if (s->used && s->start == start && s->size == size) {
            return s;
        }
    }
    return NULL;
}

static KVMSlot *kvm_slot_alloc(void)
{
    for (unsigned i = 0; i < kvm_state.nr_slots; i++) {
        if (!kvm_state.slots[i].used) {
            return &kvm_state.slots[i];
        }
    }
    return NULL;
}

static int kvm_slot_apply(const KVMSlot *s, uint64_t size)
{
    struct kvm_userspace_memory_region r = {
        .slot = s->id,
        .flags = s->readonly ? KVM_MEM_READONLY : 0,
        .guest_phys_addr = s->start,
        .memory_size = size,
        .userspace_addr = (uintptr_t)s->host,
    };

    return ioctl(kvm_state.vm_fd, KVM_SET_USER_MEMORY_REGION, &r) < 0
           ? -errno : 0;
}

/*
 * The page-aligned part of a RAM section: KVM takes only whole pages, so
 * a section that starts or ends inside a page (possible at any offset)
 * keeps its odd edges out of the slot; accesses there exit as MMIO and
 * the memory core serves them from the same RAM.
 */
static bool kvm_section_to_slot(MemoryRegionSection *sec, uint64_t *start,
                                uint64_t *size, uint8_t **host)
{
    uint64_t page = kvm_state.page_size;
    uint64_t s = QEMU_ALIGN_UP(sec->offset_within_address_space, page);
    uint64_t end = sec->offset_within_address_space + sec->size;
    uint8_t *ram;

    if (!memory_region_is_ram(sec->mr)) {
        return false;
    }
    ram = memory_region_get_ram_ptr(sec->mr);
    if (!ram || end < s) {
        return false;
    }
    end = QEMU_ALIGN_DOWN(end, page);
    if (end <= s) {
        return false;
    }
    *start = s;
    *size = end - s;
    *host = ram + sec->offset_within_region +
            (s - sec->offset_within_address_space);
    /* The host address must be page aligned as well. */
    return ((uintptr_t)*host & (page - 1)) == 0;
}

static void kvm_region_add(MemoryListener *l, MemoryRegionSection *sec)
{
    uint64_t start, size;
    uint8_t *host;
    KVMSlot *s;
    int r;

    if (!kvm_section_to_slot(sec, &start, &size, &host)) {
        return;
    }
    s = kvm_slot_alloc();
    if (!s) {
        error_report("kvm: no free memory slot for %s at 0x%" PRIx64,
                     memory_region_name(sec->mr), start);
        return;
    }
    s->start = start;
    s->size = size;
    s->host = host;
    /* Without KVM_CAP_READONLY_MEM a ROM is mapped writable, as QEMU. */
    s->readonly = sec->readonly && kvm_state.readonly_mem;
    r = kvm_slot_apply(s, size);
    if (r < 0) {
        error_report("kvm: set memory slot 0x%" PRIx64 "+0x%" PRIx64
                     " (%s): %s", start, size, memory_region_name(sec->mr),
                     g_strerror(-r));
        return;
    }
    s->used = true;
    kvm_state.slots_used++;
}

static void kvm_region_del(MemoryListener *l, MemoryRegionSection *sec)
{
    uint64_t start, size;
    uint8_t *host;
    KVMSlot *s;

    if (!kvm_section_to_slot(sec, &start, &size, &host)) {
        return;
    }
    s = kvm_slot_find(start, size);
    if (!s) {
        return;
    }
    if (kvm_slot_apply(s, 0) < 0) {
        error_report("kvm: remove memory slot 0x%" PRIx64 ": %s", start,
                     g_strerror(errno));
    }
    s->used = false;
    kvm_state.slots_used--;
}

unsigned kvm_slots_used(void)
{
    return kvm_state.slots_used;
}

bool kvm_slot_lookup(uint64_t gpa, uint64_t *start, uint64_t *size,
                     bool *readonly)
{
    for (unsigned i = 0; i < kvm_state.nr_slots; i++) {
        KVMSlot *s = &kvm_state.slots[i];
        if (s->used && gpa >= s->start && gpa - s->start < s->size) {
            *start = s->start;
            *size = s->size;
            *readonly = s->readonly;
            return true;
        }
    }
    return false;
}

/* ---- VM ------------------------------------------------------------------ */

static bool kvm_open_device(Error **errp)
{
    const char *path = kvm_get_device_path();
    int fd = open(path, O_RDWR | O_CLOEXEC);
    int version;

    if (fd < 0) {
        int err = errno;
        /* QEMU's exact first line, before "failed to initialize kvm". */
        error_printf("Could not access KVM kernel module: %s\n",
                     g_strerror(err));
        error_setg(errp, "%s", g_strerror(err));
        return false;
    }
    version = ioctl(fd, KVM_GET_API_VERSION, 0);
    if (version != KVM_API_VERSION) {
        error_printf("kvm version %s, expected %d\n",
                     version < 0 ? g_strerror(errno) : "unknown",
                     KVM_API_VERSION);
        error_setg(errp, "%s", g_strerror(version < 0 ? errno : EINVAL));
        close(fd);
        return false;
    }
    kvm_state.dev_fd = fd;
    return true;
}

bool kvm_init_vm(Error **errp)
{
    int fd, nr;

    if (kvm_state.vm_fd >= 0) {
        return true;
    }
    if (!kvm_open_device(errp)) {
        return false;
    }
    do {
        fd = ioctl(kvm_state.dev_fd, KVM_CREATE_VM, 0);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        int err = errno;
        error_printf("ioctl(KVM_CREATE_VM) failed: %d %s\n", err,
                     g_strerror(err));
        error_setg(errp, "%s", g_strerror(err));
        close(kvm_state.dev_fd);
        kvm_state.dev_fd = -1;
        return false;
    }
    kvm_state.vm_fd = fd;
    kvm_state.page_size = sysconf(_SC_PAGESIZE);
    kvm_state.run_size = ioctl(kvm_state.dev_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
    if ((long)kvm_state.run_size < (long)sizeof(struct kvm_run)) {
        error_setg(errp, "KVM_GET_VCPU_MMAP_SIZE: unusable size");
        kvm_cleanup_vm();
        return false;
    }
    if (!kvm_check_extension(KVM_CAP_USER_MEMORY)) {
        error_setg(errp, "KVM lacks KVM_CAP_USER_MEMORY");
        kvm_cleanup_vm();
        return false;
    }
    kvm_state.immediate_exit = !kvm_no_immediate_exit &&
                               kvm_check_extension(KVM_CAP_IMMEDIATE_EXIT);
    kvm_state.readonly_mem = kvm_check_extension(KVM_CAP_READONLY_MEM);
    nr = kvm_check_extension(KVM_CAP_NR_MEMSLOTS);
    kvm_state.nr_slots = nr > 0 ? MIN(nr, KVM_MAX_SLOTS) : 32;
    kvm_state.slots = g_new0(KVMSlot, kvm_state.nr_slots);
    for (unsigned i = 0; i < kvm_state.nr_slots; i++) {
        kvm_state.slots[i].id = i;
    }
    if (!kvm_arch_init_vm(errp)) {
        kvm_cleanup_vm();
        return false;
    }
    kvm_state.listener = (MemoryListener) {
        .name = "kvm-memory",
        .region_add = kvm_region_add,
        .region_del = kvm_region_del,
        .priority = 10,
    };
    memory_listener_register(&kvm_state.listener, &address_space_memory);
    kvm_state.listening = true;
    return true;
}

void kvm_cleanup_vm(void)
{
    if (kvm_state.listening) {
        memory_listener_unregister(&kvm_state.listener);
        kvm_state.listening = false;
    }
    g_free(kvm_state.slots);
    g_free(kvm_state.routes);
    kvm_state.slots = NULL;
    kvm_state.routes = NULL;
    kvm_state.nr_routes = 0;
    kvm_state.slots_used = 0;
    kvm_state.nr_slots = 0;
    kvm_state.irqchip = false;
    kvm_state.pit = false;
    if (kvm_state.vm_fd >= 0) {
        close(kvm_state.vm_fd);
    }
    if (kvm_state.dev_fd >= 0) {
        close(kvm_state.dev_fd);
    }
    kvm_state.vm_fd = kvm_state.dev_fd = -1;
}
