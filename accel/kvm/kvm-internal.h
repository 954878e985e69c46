/* KVM accelerator internals shared by the files of accel/kvm (private). */
#ifndef ACCEL_KVM_INTERNAL_H
#define ACCEL_KVM_INTERNAL_H

#include "qemu/osdep.h"
#include "sysemu/kvm.h"
#include "exec/memory.h"
#include <linux/kvm.h>

#define KVM_MAX_SLOTS 512

typedef struct KVMSlot {
    unsigned id;
    bool used;
    bool readonly;
    uint64_t start;             /* guest-physical, page aligned */
    uint64_t size;
    uint8_t *host;
} KVMSlot;

typedef struct KVMState {
    int dev_fd;
    int vm_fd;
    long page_size;
    size_t run_size;            /* mmap size of struct kvm_run + pages */
    bool immediate_exit;
    bool readonly_mem;
    bool irqchip;
    bool pit;
    KVMSlot *slots;
    unsigned nr_slots;
    unsigned slots_used;
    MemoryListener listener;
    bool listening;
    struct kvm_irq_routing_entry *routes;
    unsigned nr_routes;
} KVMState;

extern KVMState kvm_state;

#endif
