/*
 * KVM accelerator ("kvm-accel", -accel kvm): the VM, its memory slots, the
 * in-kernel interrupt controllers and the vCPU run loop. The generic
 * accelerator contract is include/sysemu/accel.h; this header is what
 * boards and the target's register glue need on top.
 *
 * Boards: after accel_init_machine chose KVM, the pc board calls
 * kvm_irqchip_create() (PIC + IOAPIC + LAPICs in the kernel, default GSI
 * routing: GSI 0-15 -> both PICs and IOAPIC pins, 16-23 -> IOAPIC) and
 * kvm_pit_create(), then raises device lines with kvm_set_irq(gsi, level).
 */
#ifndef SYSEMU_KVM_H
#define SYSEMU_KVM_H

#include "qemu/osdep.h"
#include "qapi/error.h"

#define TYPE_KVM_ACCEL "kvm-accel"

typedef struct CPUState CPUState;
struct kvm_run;

/* True once KVM is the accelerator in use. */
bool kvm_enabled(void);
/* Device node; tests point it elsewhere to simulate a missing /dev/kvm.
 * NULL restores the default (KESTREL_KVM_DEVICE in the environment, else
 * "/dev/kvm"). */
void kvm_set_device_path(const char *path);
/* Tests: pretend KVM_CAP_IMMEDIATE_EXIT is missing so kicks go through
 * the KVM_SET_SIGNAL_MASK path (takes effect at the next kvm_init_vm). */
void kvm_set_immediate_exit_allowed(bool allowed);
/* Open the device, check the API version and create the VM (what
 * "kvm-accel"'s init_machine does; for tests without a machine). */
bool kvm_init_vm(Error **errp);
/* Close the VM (tests): every vCPU must be stopped first. */
void kvm_cleanup_vm(void);

int kvm_vm_fd(void);
int kvm_dev_fd(void);
/* KVM_CHECK_EXTENSION on the VM, 0 when absent. */
int kvm_check_extension(unsigned int cap);

/* In-kernel irqchip (KVM_CREATE_IRQCHIP) with default routing; the PIT. */
bool kvm_irqchip_create(Error **errp);
bool kvm_irqchip_in_kernel(void);
bool kvm_pit_create(Error **errp);
/* Route gsi to an IOAPIC pin (and PIC pin for gsi < 16); commit applies
 * the routing table. */
bool kvm_irqchip_add_route(unsigned gsi, Error **errp);
/* KVM_IRQ_LINE. Any thread. Returns false and warns once on failure. */
bool kvm_set_irq(unsigned gsi, int level);

/* Memory slots in use (tests), and a slot's view of guest-physical addr:
 * true with the slot's start and size when addr is in a slot. */
unsigned kvm_slots_used(void);
bool kvm_slot_lookup(uint64_t gpa, uint64_t *start, uint64_t *size,
                     bool *readonly);

/* Per-vCPU data, shared with the target's register glue. */
typedef struct KVMVcpu {
    CPUState *cpu;
    int fd;
    struct kvm_run *run;
    size_t run_size;
} KVMVcpu;

/* Turn the exit in v->run into an AccelExit, checking every field read
 * from the shared page (the vCPU loop's step; public for tests, which feed
 * it crafted pages). */
typedef struct AccelExit AccelExit;
void kvm_vcpu_decode_exit(KVMVcpu *v, AccelExit *e);

/* target/<arch>/kvm.c: VM-wide setup (x86: TSS and identity map), then
 * per vCPU: CPUID, MSRs, FPU; register transfer for the CPU struct. */
bool kvm_arch_init_vm(Error **errp);
/* The KVM vCPU id (x86: the initial APIC id from the topology). */
unsigned long kvm_arch_vcpu_id(CPUState *cpu);
bool kvm_arch_init_vcpu(KVMVcpu *v, Error **errp);
bool kvm_arch_put_registers(KVMVcpu *v, Error **errp);
bool kvm_arch_get_registers(KVMVcpu *v, Error **errp);

#endif
