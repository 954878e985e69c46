/*
 * x86 KVM glue: VM setup (TSS and identity-map pages for VMX hosts), per
 * vCPU CPUID, MSRs and FPU, and register transfer between CPUX86State and
 * KVM (KVM_{GET,SET}_{REGS,SREGS,FPU,MSRS}).
 *
 * An MSR that KVM refuses is reported once with a warning and skipped;
 * it never stops the VM (this host's PVM refuses IA32_ARCH_CAPABILITIES,
 * MSR 0x10a, on which Debian's QEMU aborts with -cpu host).
 */
#include "qemu/osdep.h"
#include "cpu.h"
#include "sysemu/kvm.h"
#include "qemu/error-report.h"
#include <linux/kvm.h>
#include <sys/ioctl.h>

#define MSR_IA32_TSC                0x10
#define MSR_IA32_ARCH_CAPABILITIES  0x10a
#define MSR_IA32_MISC_ENABLE        0x1a0
#define MSR_IA32_CR_PAT             0x277
#define MSR_MISC_ENABLE_FAST_STRING 1

/* Below 4 GiB, under the BIOS, where QEMU puts them too. */
#define KVM_X86_IDENTITY_MAP_ADDR   0xfeffc000ULL
#define KVM_X86_TSS_ADDR            0xfeffd000ULL

#define KVM_MAX_CPUID_ENTRIES       256

static struct kvm_cpuid2 *supported_cpuid;

/* One call in the common case: each KVM_GET_SUPPORTED_CPUID makes the
 * kernel run CPUID for every leaf, which is slow under a hypervisor
 * (about 0.3 ms here), so start big enough for today's hosts. */
static struct kvm_cpuid2 *kvm_x86_get_supported_cpuid(void)
{
    int n = KVM_MAX_CPUID_ENTRIES;

    if (supported_cpuid || kvm_dev_fd() < 0) {
        return supported_cpuid;
    }
    for (;;) {
        struct kvm_cpuid2 *c = g_malloc0(sizeof(*c) +
                                         n * sizeof(struct kvm_cpuid_entry2));
        c->nent = n;
        if (ioctl(kvm_dev_fd(), KVM_GET_SUPPORTED_CPUID, c) == 0) {
            supported_cpuid = c;
            return c;
        }
        g_free(c);
        if (errno != E2BIG || n >= 4096) {
            return NULL;
        }
        n *= 2;
    }
}

static bool kvm_x86_host_cpuid(uint32_t leaf, uint32_t sub, uint32_t *eax,
                               uint32_t *ebx, uint32_t *ecx, uint32_t *edx)
{
    struct kvm_cpuid2 *c = kvm_x86_get_supported_cpuid();

    *eax = *ebx = *ecx = *edx = 0;
    for (uint32_t i = 0; c && i < c->nent; i++) {
        struct kvm_cpuid_entry2 *e = &c->entries[i];
        if (e->function == leaf &&
            (!(e->flags & KVM_CPUID_FLAG_SIGNIFCANT_INDEX) ||
             e->index == sub)) {
            *eax = e->eax;
            *ebx = e->ebx;
            *ecx = e->ecx;
            *edx = e->edx;
            return true;
        }
    }
    return false;
}

/* Used by target/i386/cpu.c at realize to filter the model's features. */
X86HostCpuidFn *x86_accel_host_cpuid(void);
X86HostCpuidFn *x86_accel_host_cpuid(void)
{
    return kvm_enabled() && kvm_x86_get_supported_cpuid() ? kvm_x86_host_cpuid
                                                          : NULL;
}

bool kvm_arch_init_vm(Error **errp)
{
    uint64_t idmap = KVM_X86_IDENTITY_MAP_ADDR;

    /* VMX needs both pages set before the first vCPU; SVM and PVM ignore
     * them. A failure here is not fatal on hosts that do not use them. */
    if (kvm_check_extension(KVM_CAP_SET_IDENTITY_MAP_ADDR) &&
        ioctl(kvm_vm_fd(), KVM_SET_IDENTITY_MAP_ADDR, &idmap) < 0) {
        warn_report("kvm: KVM_SET_IDENTITY_MAP_ADDR: %s", g_strerror(errno));
    }
    if (ioctl(kvm_vm_fd(), KVM_SET_TSS_ADDR, KVM_X86_TSS_ADDR) < 0) {
        warn_report("kvm: KVM_SET_TSS_ADDR: %s", g_strerror(errno));
    }
    return true;
}

unsigned long kvm_arch_vcpu_id(CPUState *cpu)
{
    return X86_CPU(cpu)->apic_id;
}

/* Which leaves have sub-leaves (KVM_CPUID_FLAG_SIGNIFCANT_INDEX). */
static unsigned kvm_x86_subleaves(uint32_t leaf)
{
    switch (leaf) {
    case 4:
        return 4;
    case 7:
    case 0xb:
        return 2;
    case 0xd:
        return 3;
    default:
        return 0;
    }
}

static void kvm_x86_add_leaf(X86CPU *cpu, struct kvm_cpuid2 *c, uint32_t leaf,
                             X86HostCpuidFn *host)
{
    unsigned subs = kvm_x86_subleaves(leaf);

    for (unsigned s = 0; s < (subs ? subs : 1); s++) {
        struct kvm_cpuid_entry2 *e;

        if (c->nent >= KVM_MAX_CPUID_ENTRIES) {
            return;
        }
        e = &c->entries[c->nent++];
        memset(e, 0, sizeof(*e));
        e->function = leaf;
        e->index = s;
        e->flags = subs ? KVM_CPUID_FLAG_SIGNIFCANT_INDEX : 0;
        x86_cpu_cpuid(cpu, host, leaf, s, &e->eax, &e->ebx, &e->ecx, &e->edx);
    }
}

static bool kvm_x86_set_cpuid(X86CPU *cpu, int fd, Error **errp)
{
    X86HostCpuidFn *host = kvm_x86_get_supported_cpuid() ? kvm_x86_host_cpuid
                                                         : NULL;
    g_autofree struct kvm_cpuid2 *c =
        g_malloc0(sizeof(*c) +
                  KVM_MAX_CPUID_ENTRIES * sizeof(struct kvm_cpuid_entry2));

    for (uint32_t l = 0; l <= MIN(cpu->level, 0x1fu); l++) {
        kvm_x86_add_leaf(cpu, c, l, host);
    }
    kvm_x86_add_leaf(cpu, c, 0x40000000, host);
    kvm_x86_add_leaf(cpu, c, 0x40000001, host);
    for (uint32_t l = 0x80000000; l <= MIN(cpu->xlevel, 0x80000021u); l++) {
        kvm_x86_add_leaf(cpu, c, l, host);
    }
    if (ioctl(fd, KVM_SET_CPUID2, c) < 0) {
        error_setg_errno(errp, errno, "KVM_SET_CPUID2");
        return false;
    }
    return true;
}

/*
 * Write MSRs one batch at a time; KVM stops at the first it refuses and
 * returns how many it took, so skip that one with a warning and go on.
 */
static void kvm_x86_set_msrs(int fd, const struct kvm_msr_entry *list,
                             unsigned n)
{
    g_autofree struct kvm_msrs *m =
        g_malloc0(sizeof(*m) + n * sizeof(struct kvm_msr_entry));
    unsigned done = 0;

    while (done < n) {
        int r;

        m->nmsrs = n - done;
        memcpy(m->entries, list + done, m->nmsrs * sizeof(list[0]));
        r = ioctl(fd, KVM_SET_MSRS, m);
        if (r < 0) {
            warn_report("kvm: KVM_SET_MSRS: %s", g_strerror(errno));
            return;
        }
        done += r;
        if (done < n) {
            warn_report("kvm: MSR 0x%x refused by KVM, continuing without it",
                        list[done].index);
            done++;
        }
    }
}

/* A feature MSR's value as KVM reports it on /dev/kvm, if it does. */
static bool kvm_x86_feature_msr(uint32_t index, uint64_t *value)
{
    struct {
        struct kvm_msrs h;
        struct kvm_msr_entry e;
    } m = { .h.nmsrs = 1, .e.index = index };

    if (!kvm_check_extension(KVM_CAP_GET_MSR_FEATURES) ||
        ioctl(kvm_dev_fd(), KVM_GET_MSRS, &m) != 1) {
        return false;
    }
    *value = m.e.data;
    return true;
}

static void kvm_x86_init_msrs(X86CPU *cpu, int fd)
{
    struct kvm_msr_entry list[8];
    unsigned n = 0;
    uint64_t v;

    list[n++] = (struct kvm_msr_entry) { .index = MSR_IA32_MISC_ENABLE,
                                         .data = MSR_MISC_ENABLE_FAST_STRING };
    list[n++] = (struct kvm_msr_entry) { .index = MSR_IA32_CR_PAT,
                                         .data = cpu->env.pat };
    list[n++] = (struct kvm_msr_entry) { .index = MSR_IA32_TSC, .data = 0 };
    /* -cpu host/max: pass the host's mitigation report through. */
    if ((cpu->features[FEAT_7_0_EDX] & (1u << 29)) &&
        kvm_x86_feature_msr(MSR_IA32_ARCH_CAPABILITIES, &v)) {
        list[n++] = (struct kvm_msr_entry) {
            .index = MSR_IA32_ARCH_CAPABILITIES, .data = v };
    }
    kvm_x86_set_msrs(fd, list, n);
}

bool kvm_arch_init_vcpu(KVMVcpu *v, Error **errp)
{
    X86CPU *cpu = X86_CPU(v->cpu);

    if (!kvm_x86_set_cpuid(cpu, v->fd, errp)) {
        return false;
    }
    kvm_x86_init_msrs(cpu, v->fd);
    return true;
}

/* ---- Registers ---------------------------------------------------------- */

static void seg_to_kvm(struct kvm_segment *k, const SegmentCache *s)
{
    uint32_t f = s->flags;

    memset(k, 0, sizeof(*k));
    k->base = s->base;
    k->limit = s->limit;
    k->selector = s->selector;
    k->type = (f >> DESC_TYPE_SHIFT) & 15;
    k->present = !!(f & DESC_P_MASK);
    k->dpl = (f >> DESC_DPL_SHIFT) & 3;
    k->db = !!(f & DESC_B_MASK);
    k->s = !!(f & DESC_S_MASK);
    k->l = !!(f & DESC_L_MASK);
    k->g = !!(f & DESC_G_MASK);
    k->avl = !!(f & DESC_AVL_MASK);
    k->unusable = !k->present;
}

static void seg_from_kvm(SegmentCache *s, const struct kvm_segment *k)
{
    s->base = k->base;
    s->limit = k->limit;
    s->selector = k->selector;
    s->flags = (uint32_t)k->type << DESC_TYPE_SHIFT |
               (k->present && !k->unusable ? DESC_P_MASK : 0) |
               (uint32_t)k->dpl << DESC_DPL_SHIFT |
               (k->db ? DESC_B_MASK : 0) | (k->s ? DESC_S_MASK : 0) |
               (k->l ? DESC_L_MASK : 0) | (k->g ? DESC_G_MASK : 0) |
               (k->avl ? DESC_AVL_MASK : 0);
}

/* struct kvm_regs field by field: its order is not the encoding order. */
#define KVM_GPRS(X) \
    X(rax, R_EAX) X(rbx, R_EBX) X(rcx, R_ECX) X(rdx, R_EDX)     \
    X(rsi, R_ESI) X(rdi, R_EDI) X(rsp, R_ESP) X(rbp, R_EBP)     \
    X(r8, 8) X(r9, 9) X(r10, 10) X(r11, 11)                     \
    X(r12, 12) X(r13, 13) X(r14, 14) X(r15, 15)

static void regs_to_kvm(struct kvm_regs *k, const CPUX86State *env)
{
#define TO_KVM(f, i) k->f = env->regs[i];
    KVM_GPRS(TO_KVM)
#undef TO_KVM
    k->rip = env->rip;
    k->rflags = env->rflags;
}

static void regs_from_kvm(CPUX86State *env, const struct kvm_regs *k)
{
#define FROM_KVM(f, i) env->regs[i] = k->f;
    KVM_GPRS(FROM_KVM)
#undef FROM_KVM
    env->rip = k->rip;
    env->rflags = k->rflags;
}

static void sregs_to_kvm(struct kvm_sregs *k, const CPUX86State *env)
{
    struct kvm_segment *segs[6] = { &k->es, &k->cs, &k->ss, &k->ds, &k->fs,
                                    &k->gs };

    memset(k, 0, sizeof(*k));
    for (int i = 0; i < 6; i++) {
        seg_to_kvm(segs[i], &env->segs[i]);
    }
    seg_to_kvm(&k->ldt, &env->ldt);
    seg_to_kvm(&k->tr, &env->tr);
    /* The task register must stay usable even when "not present". */
    k->tr.unusable = 0;
    k->ldt.unusable = 0;
    k->gdt.base = env->gdt.base;
    k->gdt.limit = env->gdt.limit;
    k->idt.base = env->idt.base;
    k->idt.limit = env->idt.limit;
    k->cr0 = env->cr[0];
    k->cr2 = env->cr[2];
    k->cr3 = env->cr[3];
    k->cr4 = env->cr[4];
    k->cr8 = env->cr8;
    k->efer = env->efer;
    k->apic_base = env->apic_base;
}

static void sregs_from_kvm(CPUX86State *env, const struct kvm_sregs *k)
{
    const struct kvm_segment *segs[6] = { &k->es, &k->cs, &k->ss, &k->ds,
                                          &k->fs, &k->gs };

    for (int i = 0; i < 6; i++) {
        seg_from_kvm(&env->segs[i], segs[i]);
    }
    seg_from_kvm(&env->ldt, &k->ldt);
    seg_from_kvm(&env->tr, &k->tr);
    env->gdt.base = k->gdt.base;
    env->gdt.limit = k->gdt.limit;
    env->idt.base = k->idt.base;
    env->idt.limit = k->idt.limit;
    env->cr[0] = k->cr0;
    env->cr[2] = k->cr2;
    env->cr[3] = k->cr3;
    env->cr[4] = k->cr4;
    env->cr8 = k->cr8;
    env->efer = k->efer;
    env->apic_base = k->apic_base;
}

static void fpu_to_kvm(struct kvm_fpu *f, const CPUX86State *env)
{
    memset(f, 0, sizeof(*f));
    f->fcw = env->fcw;
    f->fsw = env->fsw;
    f->ftwx = env->ftw;
    f->mxcsr = env->mxcsr;
    memcpy(f->fpr, env->fpregs, sizeof(f->fpr));
    memcpy(f->xmm, env->xmm, sizeof(f->xmm));
}

static void fpu_from_kvm(CPUX86State *env, const struct kvm_fpu *f)
{
    env->fcw = f->fcw;
    env->fsw = f->fsw;
    env->ftw = f->ftwx;
    env->mxcsr = f->mxcsr;
    memcpy(env->fpregs, f->fpr, sizeof(env->fpregs));
    memcpy(env->xmm, f->xmm, sizeof(env->xmm));
}

static void debugregs_to_kvm(struct kvm_debugregs *d, const CPUX86State *env)
{
    memset(d, 0, sizeof(*d));
    memcpy(d->db, env->dr, sizeof(d->db));
    d->dr6 = env->dr[6];
    d->dr7 = env->dr[7];
}

/*
 * The XSAVE image with x87 and SSE from the CPU struct and every other
 * component in its init state (XSTATE_BV = x87|SSE), so AVX and later
 * state is cleared on reset and loader starts too. Offsets per the SDM's
 * "XSAVE Area" (legacy region, then the header at 512).
 */
static void xsave_to_kvm(struct kvm_xsave *x, const CPUX86State *env)
{
    uint8_t *b = (uint8_t *)x->region;
    uint64_t bv = 3;

    memset(x, 0, sizeof(*x));
    memcpy(b + 0, &env->fcw, 2);
    memcpy(b + 2, &env->fsw, 2);
    b[4] = env->ftw;
    memcpy(b + 24, &env->mxcsr, 4);
    memcpy(b + 32, env->fpregs, sizeof(env->fpregs));
    memcpy(b + 160, env->xmm, sizeof(env->xmm));
    memcpy(b + 512, &bv, 8);
}

static void xsave_from_kvm(CPUX86State *env, const struct kvm_xsave *x)
{
    const uint8_t *b = (const uint8_t *)x->region;

    memcpy(&env->fcw, b + 0, 2);
    memcpy(&env->fsw, b + 2, 2);
    env->ftw = b[4];
    memcpy(&env->mxcsr, b + 24, 4);
    memcpy(env->fpregs, b + 32, sizeof(env->fpregs));
    memcpy(env->xmm, b + 160, sizeof(env->xmm));
}

/* What a reset also resets inside KVM: the MP state (with the in-kernel
 * LAPIC, APs wait for INIT/SIPI) and XCR0 (x87 only). */
static void kvm_x86_reset_kernel_state(KVMVcpu *v, X86CPU *cpu)
{
    if (kvm_irqchip_in_kernel()) {
        struct kvm_mp_state mp = {
            .mp_state = (cpu->env.apic_base & (1u << 8))
                        ? KVM_MP_STATE_RUNNABLE : KVM_MP_STATE_UNINITIALIZED,
        };
        if (ioctl(v->fd, KVM_SET_MP_STATE, &mp) < 0) {
            warn_report("kvm: KVM_SET_MP_STATE: %s", g_strerror(errno));
        }
    }
    if (kvm_check_extension(KVM_CAP_XCRS)) {
        struct kvm_xcrs xcrs = { .nr_xcrs = 1, .xcrs[0] = { 0, 0, 1 } };
        if (ioctl(v->fd, KVM_SET_XCRS, &xcrs) < 0) {
            warn_report("kvm: KVM_SET_XCRS: %s", g_strerror(errno));
        }
    }
}

bool kvm_arch_put_registers(KVMVcpu *v, Error **errp)
{
    CPUX86State *env = x86_env(v->cpu);
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    struct kvm_debugregs dbg;

    regs_to_kvm(&regs, env);
    sregs_to_kvm(&sregs, env);
    fpu_to_kvm(&fpu, env);
    if (ioctl(v->fd, KVM_SET_SREGS, &sregs) < 0) {
        error_setg_errno(errp, errno, "KVM_SET_SREGS");
        return false;
    }
    if (ioctl(v->fd, KVM_SET_REGS, &regs) < 0) {
        error_setg_errno(errp, errno, "KVM_SET_REGS");
        return false;
    }
    if (X86_CPU(v->cpu)->reset_pending) {
        kvm_x86_reset_kernel_state(v, X86_CPU(v->cpu));
        X86_CPU(v->cpu)->reset_pending = false;
    }
    if (kvm_check_extension(KVM_CAP_XSAVE)) {
        g_autofree struct kvm_xsave *x = g_new(struct kvm_xsave, 1);
        xsave_to_kvm(x, env);
        if (ioctl(v->fd, KVM_SET_XSAVE, x) < 0) {
            error_setg_errno(errp, errno, "KVM_SET_XSAVE");
            return false;
        }
    } else if (ioctl(v->fd, KVM_SET_FPU, &fpu) < 0) {
        error_setg_errno(errp, errno, "KVM_SET_FPU");
        return false;
    }
    if (kvm_check_extension(KVM_CAP_DEBUGREGS)) {
        debugregs_to_kvm(&dbg, env);
        if (ioctl(v->fd, KVM_SET_DEBUGREGS, &dbg) < 0) {
            warn_report("kvm: KVM_SET_DEBUGREGS: %s", g_strerror(errno));
        }
    }
    return true;
}

bool kvm_arch_get_registers(KVMVcpu *v, Error **errp)
{
    CPUX86State *env = x86_env(v->cpu);
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    struct kvm_debugregs dbg;

    if (ioctl(v->fd, KVM_GET_REGS, &regs) < 0) {
        error_setg_errno(errp, errno, "KVM_GET_REGS");
        return false;
    }
    if (ioctl(v->fd, KVM_GET_SREGS, &sregs) < 0) {
        error_setg_errno(errp, errno, "KVM_GET_SREGS");
        return false;
    }
    regs_from_kvm(env, &regs);
    sregs_from_kvm(env, &sregs);
    if (kvm_check_extension(KVM_CAP_XSAVE)) {
        g_autofree struct kvm_xsave *x = g_new0(struct kvm_xsave, 1);
        if (ioctl(v->fd, KVM_GET_XSAVE, x) == 0) {
            xsave_from_kvm(env, x);
        }
    } else if (ioctl(v->fd, KVM_GET_FPU, &fpu) == 0) {
        fpu_from_kvm(env, &fpu);
    }
    if (kvm_check_extension(KVM_CAP_DEBUGREGS) &&
        ioctl(v->fd, KVM_GET_DEBUGREGS, &dbg) == 0) {
        memcpy(env->dr, dbg.db, sizeof(dbg.db));
        env->dr[6] = dbg.dr6;
        env->dr[7] = dbg.dr7;
    }
    return true;
}
