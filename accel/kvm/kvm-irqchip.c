/*
 * KVM in-kernel interrupt controllers (x86: two 8259 PICs, the IOAPIC and
 * the LAPICs), the PIT, GSI routing and KVM_IRQ_LINE.
 *
 * Routing as the pc board wires it: GSI 0-15 reach the PIC pins of the same
 * number and the IOAPIC pin of the same number (GSI 0 -> IOAPIC pin 2: the
 * PIT's output is wired to pin 2 on every PC since the ACPI MADT's
 * interrupt source override), GSI 16-23 reach IOAPIC pins 16-23.
 */
#include "qemu/osdep.h"
#include "kvm-internal.h"
#include "qemu/error-report.h"
#include <sys/ioctl.h>

#define KVM_IOAPIC_PINS 24

static void kvm_route_add(uint32_t gsi, uint32_t chip, uint32_t pin)
{
    struct kvm_irq_routing_entry *e;

    kvm_state.routes = g_renew(struct kvm_irq_routing_entry, kvm_state.routes,
                               kvm_state.nr_routes + 1);
    e = &kvm_state.routes[kvm_state.nr_routes++];
    memset(e, 0, sizeof(*e));
    e->gsi = gsi;
    e->type = KVM_IRQ_ROUTING_IRQCHIP;
    e->u.irqchip.irqchip = chip;
    e->u.irqchip.pin = pin;
}

static bool kvm_irqchip_commit_routes(Error **errp)
{
    size_t sz = sizeof(struct kvm_irq_routing) +
                kvm_state.nr_routes * sizeof(struct kvm_irq_routing_entry);
    g_autofree struct kvm_irq_routing *r = g_malloc0(sz);

    r->nr = kvm_state.nr_routes;
    memcpy(r->entries, kvm_state.routes,
           kvm_state.nr_routes * sizeof(struct kvm_irq_routing_entry));
    if (ioctl(kvm_state.vm_fd, KVM_SET_GSI_ROUTING, r) < 0) {
        error_setg_errno(errp, errno, "KVM_SET_GSI_ROUTING");
        return false;
    }
    return true;
}

bool kvm_irqchip_add_route(unsigned gsi, Error **errp)
{
    if (!kvm_state.irqchip) {
        error_setg(errp, "no in-kernel irqchip");
        return false;
    }
    if (gsi >= KVM_IOAPIC_PINS) {
        error_setg(errp, "GSI %u out of range (IOAPIC has %d pins)", gsi,
                   KVM_IOAPIC_PINS);
        return false;
    }
    for (unsigned i = 0; i < kvm_state.nr_routes; i++) {
        if (kvm_state.routes[i].gsi == gsi) {
            return true;    /* already routed (the defaults cover 0-23) */
        }
    }
    kvm_route_add(gsi, KVM_IRQCHIP_IOAPIC, gsi == 0 ? 2 : gsi);
    return kvm_irqchip_commit_routes(errp);
}

static bool kvm_irqchip_default_routes(Error **errp)
{
    for (unsigned gsi = 0; gsi < KVM_IOAPIC_PINS; gsi++) {
        if (gsi < 16 && gsi != 2) {
            kvm_route_add(gsi, gsi < 8 ? KVM_IRQCHIP_PIC_MASTER
                                       : KVM_IRQCHIP_PIC_SLAVE, gsi % 8);
        }
        if (gsi != 2) {
            kvm_route_add(gsi, KVM_IRQCHIP_IOAPIC, gsi == 0 ? 2 : gsi);
        }
    }
    return kvm_irqchip_commit_routes(errp);
}

bool kvm_irqchip_create(Error **errp)
{
    if (kvm_state.vm_fd < 0) {
        error_setg(errp, "KVM is not initialized");
        return false;
    }
    if (kvm_state.irqchip) {
        return true;
    }
    if (!kvm_check_extension(KVM_CAP_IRQCHIP)) {
        error_setg(errp, "KVM has no in-kernel irqchip (KVM_CAP_IRQCHIP)");
        return false;
    }
    if (ioctl(kvm_state.vm_fd, KVM_CREATE_IRQCHIP, 0) < 0) {
        error_setg_errno(errp, errno, "KVM_CREATE_IRQCHIP");
        return false;
    }
    kvm_state.irqchip = true;
    if (kvm_check_extension(KVM_CAP_IRQ_ROUTING)) {
        return kvm_irqchip_default_routes(errp);
    }
    return true;
}

bool kvm_irqchip_in_kernel(void)
{
    return kvm_state.irqchip;
}

bool kvm_pit_create(Error **errp)
{
    struct kvm_pit_config cfg = { .flags = KVM_PIT_SPEAKER_DUMMY };

    if (!kvm_state.irqchip) {
        error_setg(errp, "the in-kernel PIT needs the in-kernel irqchip");
        return false;
    }
    if (kvm_state.pit) {
        return true;
    }
    if (!kvm_check_extension(KVM_CAP_PIT2)) {
        error_setg(errp, "KVM has no in-kernel PIT (KVM_CAP_PIT2)");
        return false;
    }
    if (ioctl(kvm_state.vm_fd, KVM_CREATE_PIT2, &cfg) < 0) {
        error_setg_errno(errp, errno, "KVM_CREATE_PIT2");
        return false;
    }
    kvm_state.pit = true;
    return true;
}

bool kvm_set_irq(unsigned gsi, int level)
{
    static bool warned;
    struct kvm_irq_level l = { .irq = gsi, .level = level ? 1 : 0 };

    if (!kvm_state.irqchip || ioctl(kvm_state.vm_fd, KVM_IRQ_LINE, &l) < 0) {
        if (!warned) {
            warned = true;
            warn_report("kvm: cannot set GSI %u: %s", gsi,
                        kvm_state.irqchip ? g_strerror(errno)
                                          : "no in-kernel irqchip");
        }
        return false;
    }
    return true;
}
