/*
 * Fallbacks for targets without KVM register glue (aarch64 for now): weak,
 * so target/<arch>/kvm.c replaces them where it exists. With them the KVM
 * library links into every binary and "-accel kvm" fails with one clear
 * line instead of a link error.
 */
#include "qemu/osdep.h"
#include "sysemu/kvm.h"

__attribute__((weak)) bool kvm_arch_init_vm(Error **errp)
{
    error_setg(errp, "KVM is not supported for this target yet");
    return false;
}

__attribute__((weak)) unsigned long kvm_arch_vcpu_id(CPUState *cpu)
{
    return 0;
}

__attribute__((weak)) bool kvm_arch_init_vcpu(KVMVcpu *v, Error **errp)
{
    error_setg(errp, "KVM is not supported for this target yet");
    return false;
}

__attribute__((weak)) bool kvm_arch_put_registers(KVMVcpu *v, Error **errp)
{
    error_setg(errp, "KVM is not supported for this target yet");
    return false;
}

__attribute__((weak)) bool kvm_arch_get_registers(KVMVcpu *v, Error **errp)
{
    error_setg(errp, "KVM is not supported for this target yet");
    return false;
}
