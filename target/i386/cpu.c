/*
 * x86_64 CPU type: models, -cpu option, topology, CPUID, reset state and
 * the loader start state. Interface: target/i386/cpu.h.
 *
 * Reset state per the Intel SDM, vol. 3, "Processor State After Reset":
 * CS selector 0xf000 with base 0xffff0000, IP 0xfff0 (the first
 * instruction at 0xfffffff0), CR0 0x60000010, EDX the CPUID signature,
 * DR6 0xffff0ff0, DR7 0x400, x87 control word 0x37f, MXCSR 0x1f80.
 */
#include "qemu/osdep.h"
#include "cpu-internal.h"
#include "hw/boards.h"
#include "qemu/error-report.h"
#include "sysemu/cpus.h"

/* -cpu feature changes, applied to every CPU created afterwards. */
static uint32_t feat_plus[FEATURE_WORDS], feat_minus[FEATURE_WORDS];
static unsigned topo_cores, topo_threads;   /* 0: from the machine */

/* ---- Topology ------------------------------------------------------------ */

static unsigned bits_for(unsigned count)
{
    unsigned b = 0;

    while ((1u << b) < count) {
        b++;
    }
    return b;
}

uint32_t x86_apic_id_from_index(unsigned cores, unsigned threads,
                                unsigned index)
{
    unsigned tb = bits_for(threads), cb = bits_for(cores);
    unsigned thread = index % threads;
    unsigned core = (index / threads) % cores;
    unsigned socket = index / (threads * cores);

    return (socket << (cb + tb)) | (core << tb) | thread;
}

void x86_cpu_set_topology(unsigned cores, unsigned threads)
{
    topo_cores = cores;
    topo_threads = threads;
}

static void x86_cpu_get_topology(unsigned *cores, unsigned *threads)
{
    *cores = topo_cores;
    *threads = topo_threads;
    if (!*cores && current_machine) {
        *cores = current_machine->smp.cores;
        *threads = current_machine->smp.threads;
    }
    *cores = *cores ? *cores : 1;
    *threads = *threads ? *threads : 1;
}

/* ---- -cpu MODEL,+feat,-feat ----------------------------------------------- */

static const X86CPUModel *x86_model_find(const char *name)
{
    for (size_t i = 0; i < x86_cpu_models_count; i++) {
        if (strcmp(x86_cpu_models[i].name, name) == 0) {
            return &x86_cpu_models[i];
        }
    }
    return NULL;
}

static const X86FeatureName *x86_feature_find(const char *name)
{
    for (size_t i = 0; i < x86_feature_names_count; i++) {
        if (strcmp(x86_feature_names[i].name, name) == 0) {
            return &x86_feature_names[i];
        }
    }
    return NULL;
}

/* One "+feat", "-feat" or "feat=on|off" item. */
static bool x86_parse_feature(const char *item, Error **errp)
{
    g_autofree char *name = NULL;
    const X86FeatureName *f;
    bool on;

    if (item[0] == '+' || item[0] == '-') {
        on = item[0] == '+';
        name = g_strdup(item + 1);
    } else {
        const char *eq = strchr(item, '=');
        const char *val = eq ? eq + 1 : "on";

        name = eq ? g_strndup(item, eq - item) : g_strdup(item);
        if (!strcmp(val, "on") || !strcmp(val, "true") || !strcmp(val, "yes")) {
            on = true;
        } else if (!strcmp(val, "off") || !strcmp(val, "false") ||
                   !strcmp(val, "no")) {
            on = false;
        } else {
            error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
            return false;
        }
    }
    f = x86_feature_find(name);
    if (!f) {
        error_setg(errp, "Property '%s.%s' not found", TYPE_X86_CPU, name);
        return false;
    }
    if (on) {
        feat_plus[f->word] |= 1u << f->bit;
        feat_minus[f->word] &= ~(1u << f->bit);
    } else {
        feat_minus[f->word] |= 1u << f->bit;
        feat_plus[f->word] &= ~(1u << f->bit);
    }
    return true;
}

bool x86_cpu_parse_option(const char *optarg, char **typename, Error **errp)
{
    g_auto(GStrv) items = g_strsplit(optarg, ",", -1);

    if (!items[0] || !x86_model_find(items[0])) {
        error_setg(errp, "unable to find CPU model '%s'",
                   items[0] ? items[0] : "");
        return false;
    }
    for (int i = 1; items[i]; i++) {
        if (items[i][0] && !x86_parse_feature(items[i], errp)) {
            return false;
        }
    }
    *typename = g_strconcat(items[0], X86_CPU_TYPE_SUFFIX, NULL);
    return true;
}

void x86_cpu_clear_feature_changes(void)
{
    memset(feat_plus, 0, sizeof(feat_plus));
    memset(feat_minus, 0, sizeof(feat_minus));
}

static gint x86_str_compare(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* QEMU's layout: models sorted, then the flags sorted and wrapped at 75
 * columns with a two-space indent. */
void x86_cpu_list(GString *out)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    size_t col = 0;

    g_string_append(out, "Available CPUs:\n");
    for (size_t i = 0; i < x86_cpu_models_count; i++) {
        g_ptr_array_add(names, (gpointer)x86_cpu_models[i].name);
    }
    g_ptr_array_sort(names, x86_str_compare);
    for (guint i = 0; i < names->len; i++) {
        const X86CPUModel *m = x86_model_find(g_ptr_array_index(names, i));
        g_string_append_printf(out, "x86 %-20s  %s\n", m->name, m->desc);
    }
    g_string_append(out, "\nRecognized CPUID flags:\n");
    g_ptr_array_set_size(names, 0);
    for (size_t i = 0; i < x86_feature_names_count; i++) {
        g_ptr_array_add(names, (gpointer)x86_feature_names[i].name);
    }
    g_ptr_array_sort(names, x86_str_compare);
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        if (col && col + 1 + strlen(n) > 75) {
            g_string_append_c(out, '\n');
            col = 0;
        }
        g_string_append_printf(out, "%s%s", col ? " " : "  ", n);
        col += (col ? 1 : 2) + strlen(n);
    }
    g_string_append_c(out, '\n');
}

/* ---- CPUID ----------------------------------------------------------------- */

static uint32_t x86_signature(const X86CPUModel *m)
{
    uint32_t fam = m->family, eax;

    eax = m->stepping | (m->model & 0xf) << 4 | (m->model >> 4) << 16;
    eax |= (fam > 0xf ? 0xf : fam) << 8;
    eax |= (fam > 0xf ? fam - 0xf : 0) << 20;
    return eax;
}

static void x86_str_regs(const char *s, size_t off, uint32_t *r4[4])
{
    char buf[48] = { 0 };

    memcpy(buf, s, strnlen(s, sizeof(buf)));
    for (int i = 0; i < 4; i++) {
        memcpy(r4[i], buf + off + 4 * i, 4);
    }
}

static void x86_vendor_regs(const char *v, uint32_t *ebx, uint32_t *ecx,
                            uint32_t *edx)
{
    char buf[12] = { 0 };

    memcpy(buf, v, MIN(strlen(v), sizeof(buf)));
    memcpy(ebx, buf, 4);
    memcpy(edx, buf + 4, 4);
    memcpy(ecx, buf + 8, 4);
}

/* Model-defined leaves (non-passthrough models). */
static void x86_model_leaf(X86CPU *cpu, const X86CPUModel *m, uint32_t leaf,
                           uint32_t sub, uint32_t r[4])
{
    static const uint32_t cache4[3][4] = {
        /* L1d 32 KiB 8-way, L1i 32 KiB 8-way, L2 4 MiB 16-way; 64-byte
         * lines (QEMU's legacy cache model). */
        { 0x121, 0x01c0003f, 0x3f, 0x1 },
        { 0x122, 0x01c0003f, 0x3f, 0x1 },
        { 0x143, 0x03c0003f, 0xfff, 0x1 },
    };
    uint32_t *regs[4] = { &r[R_EAX], &r[R_EBX], &r[R_ECX], &r[R_EDX] };

    switch (leaf) {
    case 0:
        r[R_EAX] = cpu->level;
        x86_vendor_regs(m->vendor, &r[R_EBX], &r[R_ECX], &r[R_EDX]);
        break;
    case 1:
        r[R_EAX] = x86_signature(m);
        break;
    case 2:
        r[R_EAX] = 1;
        r[R_ECX] = 0x4d;
        r[R_EDX] = 0x002c307d;
        break;
    case 4:
        if (sub < 3) {
            memcpy(r, cache4[sub], sizeof(cache4[sub]));
        }
        break;
    case 0x40000000:
        r[R_EAX] = 0x40000001;
        x86_vendor_regs("KVMKVMKVM\0\0\0", &r[R_EBX], &r[R_ECX], &r[R_EDX]);
        break;
    case 0x80000000:
        r[R_EAX] = cpu->xlevel;
        x86_vendor_regs(m->vendor, &r[R_EBX], &r[R_ECX], &r[R_EDX]);
        break;
    case 0x80000001:
        r[R_EAX] = x86_signature(m);
        break;
    case 0x80000002 ... 0x80000004:
        x86_str_regs(m->model_id, (leaf - 0x80000002) * 16, regs);
        /* x86_str_regs fills eax, ebx, ecx, edx in that order */
        break;
    case 0x80000005:
        r[R_EAX] = r[R_EBX] = 0x01ff01ff;
        r[R_ECX] = r[R_EDX] = 0x40020140;
        break;
    case 0x80000006:
        r[R_ECX] = 0x02008140;
        break;
    case 0x80000008:
        r[R_EAX] = 0x00003028;      /* 40-bit physical, 48-bit virtual */
        break;
    default:
        break;
    }
}

void x86_cpu_cpuid(X86CPU *cpu, X86HostCpuidFn *host, uint32_t leaf,
                   uint32_t sub, uint32_t *eax, uint32_t *ebx, uint32_t *ecx,
                   uint32_t *edx)
{
    const X86CPUModel *m = X86_CPU_GET_CLASS(cpu)->model;
    unsigned cores = cpu->nr_cores, threads = cpu->nr_threads;
    uint32_t r[4] = { 0 };

    if (m->passthrough) {
        if (host) {
            host(leaf, sub, &r[R_EAX], &r[R_EBX], &r[R_ECX], &r[R_EDX]);
        } else {
            x86_model_leaf(cpu, &x86_cpu_models[0], leaf, sub, r);
        }
    } else if ((leaf <= cpu->level) ||
               (leaf >= 0x40000000 && leaf <= 0x40000001) ||
               (leaf >= 0x80000000 && leaf <= cpu->xlevel)) {
        x86_model_leaf(cpu, m, leaf, sub, r);
    }
    /* Feature words: the model's after -cpu changes and filtering. */
    for (int w = 0; w < FEATURE_WORDS; w++) {
        const X86FeatureWordInfo *fi = &x86_feature_words[w];
        if (fi->leaf == leaf && fi->sub == sub) {
            r[fi->reg] = cpu->features[w];
        }
    }
    /* Topology from -smp. */
    switch (leaf) {
    case 1:
        r[R_EBX] = (cpu->apic_id << 24) | ((cores * threads) << 16) |
                   (8 << 8);
        if (cores * threads > 1) {
            r[R_EDX] |= 1u << 28;           /* HTT */
        }
        break;
    case 4:
        if (r[R_EAX] & 0x1f) {
            unsigned share = (r[R_EAX] >> 5 & 7) >= 2 ? threads : 1;
            r[R_EAX] &= 0x3ff;
            r[R_EAX] |= ((cores - 1) << 26) | ((share - 1) << 14);
        }
        break;
    case 0xb:
        r[R_EDX] = cpu->apic_id;
        if (sub == 0) {
            r[R_EAX] = bits_for(threads);
            r[R_EBX] = threads;
            r[R_ECX] = 0x100;
        } else if (sub == 1) {
            r[R_EAX] = bits_for(threads) + bits_for(cores);
            r[R_EBX] = threads * cores;
            r[R_ECX] = 0x200 | 1;
        } else {
            r[R_EAX] = r[R_EBX] = 0;
            r[R_ECX] = sub & 0xff;
        }
        break;
    }
    *eax = r[R_EAX];
    *ebx = r[R_EBX];
    *ecx = r[R_ECX];
    *edx = r[R_EDX];
}

void x86_cpu_filter_features(X86CPU *cpu, X86HostCpuidFn *host)
{
    const X86CPUModel *m = X86_CPU_GET_CLASS(cpu)->model;

    for (int w = 0; w < FEATURE_WORDS; w++) {
        const X86FeatureWordInfo *fi = &x86_feature_words[w];
        uint32_t r[4] = { 0 }, have, missing;

        if (!host(fi->leaf, fi->sub, &r[R_EAX], &r[R_EBX], &r[R_ECX],
                  &r[R_EDX])) {
            memset(r, 0, sizeof(r));
        }
        have = r[fi->reg];
        if (w == FEAT_1_ECX) {
            have |= 1u << 31;       /* the hypervisor bit is ours to set */
        }
        if (m->passthrough) {
            cpu->features[w] = (have | feat_plus[w]) & ~feat_minus[w];
        }
        missing = cpu->features[w] & ~have;
        for (unsigned bit = 0; missing && bit < 32; bit++) {
            if (missing & (1u << bit)) {
                const char *name = "?";
                for (size_t i = 0; i < x86_feature_names_count; i++) {
                    if (x86_feature_names[i].word == (FeatureWord)w &&
                        x86_feature_names[i].bit == bit) {
                        name = x86_feature_names[i].name;
                        break;
                    }
                }
                warn_report("host doesn't support requested feature: "
                            "%s.%s [bit %u]", fi->text, name, bit);
            }
        }
        cpu->features[w] &= have;
    }
    if (m->passthrough) {
        uint32_t a, b, c, d;
        cpu->level = host(0, 0, &a, &b, &c, &d) ? a : cpu->level;
        cpu->xlevel = host(0x80000000, 0, &a, &b, &c, &d) ? a : cpu->xlevel;
    }
}

/* ---- Registers -------------------------------------------------------------- */

static void x86_seg_set(SegmentCache *s, uint32_t sel, uint64_t base,
                        uint32_t limit, uint32_t flags)
{
    s->selector = sel;
    s->base = base;
    s->limit = limit;
    s->flags = flags;
}

static void x86_cpu_reset(CPUState *cs)
{
    X86CPU *cpu = X86_CPU(cs);
    CPUX86State *env = &cpu->env;
    const X86CPUModel *m = X86_CPU_GET_CLASS(cpu)->model;
    uint32_t a, b, c, d;

    memset(env, 0, sizeof(*env));
    env->rflags = 0x2;
    env->rip = 0xfff0;
    env->cr[0] = CR0_CD_MASK | CR0_NW_MASK | CR0_ET_MASK;
    /* EDX: the processor signature, as CPUID.01H:EAX. */
    x86_cpu_cpuid(cpu, NULL, 1, 0, &a, &b, &c, &d);
    env->regs[R_EDX] = m->passthrough ? x86_signature(&x86_cpu_models[0]) : a;
    x86_seg_set(&env->segs[R_CS], 0xf000, 0xffff0000, 0xffff,
                DESC_P_MASK | DESC_S_MASK | (0xb << DESC_TYPE_SHIFT));
    for (int i = 0; i < 6; i++) {
        if (i != R_CS) {
            x86_seg_set(&env->segs[i], 0, 0, 0xffff,
                        DESC_P_MASK | DESC_S_MASK | (0x3 << DESC_TYPE_SHIFT));
        }
    }
    x86_seg_set(&env->ldt, 0, 0, 0xffff, DESC_P_MASK | (2 << DESC_TYPE_SHIFT));
    x86_seg_set(&env->tr, 0, 0, 0xffff, DESC_P_MASK | (11 << DESC_TYPE_SHIFT));
    env->gdt.limit = env->idt.limit = 0xffff;
    env->dr[6] = 0xffff0ff0;
    env->dr[7] = 0x400;
    env->fcw = 0x37f;
    env->mxcsr = 0x1f80;
    env->pat = 0x0007040600070406ULL;
    env->apic_base = 0xfee00000 | (1u << 11) | (cs->cpu_index == 0 ? 1u << 8
                                                                    : 0);
    cpu->reset_pending = true;
}

void x86_cpu_set_boot_state(X86CPU *cpu, const X86BootState *bs)
{
    CPUX86State *env = &cpu->env;
    uint16_t cs = bs->code_sel ? bs->code_sel : 0x10;
    uint16_t ds = bs->data_sel ? bs->data_sel : 0x18;
    /* Accessed, present, ring 0: code execute/read, data read/write. */
    uint32_t code = DESC_P_MASK | DESC_S_MASK | (0xb << DESC_TYPE_SHIFT) |
                    DESC_G_MASK;
    uint32_t data = DESC_P_MASK | DESC_S_MASK | (0x3 << DESC_TYPE_SHIFT) |
                    DESC_G_MASK | DESC_B_MASK;

    memcpy(env->regs, bs->regs, sizeof(env->regs));
    env->rip = bs->rip;
    env->rflags = 0x2;
    if (bs->mode == X86_BOOT_REAL16) {
        uint32_t f = DESC_P_MASK | DESC_S_MASK;
        x86_seg_set(&env->segs[R_CS], bs->real_cs, (uint64_t)bs->real_cs << 4,
                    0xffff, f | (0xb << DESC_TYPE_SHIFT));
        for (int i = 0; i < 6; i++) {
            if (i != R_CS) {
                x86_seg_set(&env->segs[i], bs->real_cs,
                            (uint64_t)bs->real_cs << 4, 0xffff,
                            f | (0x3 << DESC_TYPE_SHIFT));
            }
        }
        env->cr[0] &= ~(uint64_t)(CR0_PE_MASK | CR0_PG_MASK);
        env->efer = 0;
    } else {
        bool lm = bs->mode == X86_BOOT_LONG64;
        x86_seg_set(&env->segs[R_CS], cs, 0, 0xffffffff,
                    lm ? code | DESC_L_MASK : code | DESC_B_MASK);
        for (int i = 0; i < 6; i++) {
            if (i != R_CS) {
                x86_seg_set(&env->segs[i], ds, 0, 0xffffffff, data);
            }
        }
        /* A task register the CPU accepts in protected mode: busy TSS. */
        x86_seg_set(&env->tr, 0, 0, 0xffff, DESC_P_MASK |
                    (11 << DESC_TYPE_SHIFT));
        env->cr[0] = CR0_PE_MASK | CR0_ET_MASK | CR0_NE_MASK;
        env->cr[4] = 0;
        env->efer = 0;
        if (lm) {
            env->cr[0] |= CR0_PG_MASK;
            env->cr[3] = bs->cr3;
            env->cr[4] = CR4_PAE_MASK;
            env->efer = EFER_LME | EFER_LMA;
        }
    }
    if (bs->gdt_base) {
        env->gdt.base = bs->gdt_base;
        env->gdt.limit = bs->gdt_limit;
    }
    cpu_state_changed(CPU(cpu));
}

/* ---- info registers ------------------------------------------------------ */

static const char *const seg_names[6] = { "ES", "CS", "SS", "DS", "FS", "GS" };
static const char *const sys_type_legacy[16] = {
    "Reserved", "TSS16-avl", "LDT", "TSS16-busy", "CallGate16", "TaskGate",
    "IntGate16", "TrapGate16", "Reserved", "TSS32-avl", "Reserved",
    "TSS32-busy", "CallGate32", "Reserved", "IntGate32", "TrapGate32",
};
static const char *const sys_type_64[16] = {
    "Reserved", "Reserved", "LDT", "Reserved", "Reserved", "Reserved",
    "Reserved", "Reserved", "Reserved", "TSS64-avl", "Reserved", "TSS64-busy",
    "CallGate64", "Reserved", "IntGate64", "TrapGate64",
};

static void x86_dump_seg(GString *out, const CPUX86State *env,
                         const char *name, const SegmentCache *s)
{
    bool lma = env->efer & EFER_LMA;
    uint32_t f = s->flags;

    if (lma) {
        g_string_append_printf(out, "%-3s=%04x %016" PRIx64 " %08x %08x",
                               name, s->selector, s->base, s->limit, f);
    } else {
        g_string_append_printf(out, "%-3s=%04x %08x %08x %08x", name,
                               s->selector, (uint32_t)s->base, s->limit, f);
    }
    if ((env->cr[0] & CR0_PE_MASK) && (f & DESC_P_MASK)) {
        g_string_append_printf(out, " DPL=%u ", (f >> DESC_DPL_SHIFT) & 3);
        if (f & DESC_S_MASK) {
            if (f & (1u << 11)) {
                g_string_append_printf(out, "%s [%c%c",
                    (f & DESC_L_MASK) ? "CS64" : (f & DESC_B_MASK) ? "CS32"
                                                                   : "CS16",
                    (f & (1u << 10)) ? 'C' : '-', (f & (1u << 9)) ? 'R' : '-');
            } else {
                g_string_append_printf(out, "%s [%c%c",
                    ((f & DESC_B_MASK) || lma) ? "DS  " : "DS16",
                    (f & (1u << 10)) ? 'E' : '-', (f & (1u << 9)) ? 'W' : '-');
            }
            g_string_append_printf(out, "%c]", (f & (1u << 8)) ? 'A' : '-');
        } else {
            g_string_append(out, (lma ? sys_type_64 : sys_type_legacy)
                                 [(f >> DESC_TYPE_SHIFT) & 15]);
        }
    }
    g_string_append_c(out, '\n');
}

static void x86_dump_gprs(GString *out, const CPUX86State *env, bool lma)
{
    static const char *const n64[16] = {
        "RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RBP", "RSP",
        "R8 ", "R9 ", "R10", "R11", "R12", "R13", "R14", "R15",
    };
    static const int idx[16] = {
        R_EAX, R_EBX, R_ECX, R_EDX, R_ESI, R_EDI, R_EBP, R_ESP,
        8, 9, 10, 11, 12, 13, 14, 15,
    };

    for (int i = 0; i < (lma ? 16 : 8); i++) {
        if (lma) {
            g_string_append_printf(out, "%s=%016" PRIx64, n64[i],
                                   env->regs[idx[i]]);
        } else {
            g_string_append_printf(out, "E%c%c=%08x", n64[i][1], n64[i][2],
                                   (uint32_t)env->regs[idx[i]]);
        }
        g_string_append_c(out, (i % 4 == 3) ? '\n' : ' ');
    }
}

static void x86_cpu_dump_state(CPUState *cs, GString *out)
{
    CPUX86State *env = x86_env(cs);
    bool lma = env->efer & EFER_LMA;
    uint32_t fl = env->rflags;

    x86_dump_gprs(out, env, lma);
    g_string_append_printf(out, lma ? "RIP=%016" PRIx64 " RFL=%08x"
                                    : "EIP=%08" PRIx64 " EFL=%08x",
                           lma ? env->rip : (uint32_t)env->rip, fl);
    g_string_append_printf(out,
        " [%c%c%c%c%c%c%c] CPL=%u II=0 A20=1 SMM=0 HLT=%d\n",
        fl & 0x400 ? 'D' : '-', fl & 0x800 ? 'O' : '-', fl & 0x80 ? 'S' : '-',
        fl & 0x40 ? 'Z' : '-', fl & 0x10 ? 'A' : '-', fl & 0x4 ? 'P' : '-',
        fl & 0x1 ? 'C' : '-', (env->segs[R_SS].flags >> DESC_DPL_SHIFT) & 3,
        cs->halted);
    for (int i = 0; i < 6; i++) {
        x86_dump_seg(out, env, seg_names[i], &env->segs[i]);
    }
    x86_dump_seg(out, env, "LDT", &env->ldt);
    x86_dump_seg(out, env, "TR", &env->tr);
    if (lma) {
        g_string_append_printf(out, "GDT=     %016" PRIx64 " %08x\n"
                               "IDT=     %016" PRIx64 " %08x\n"
                               "CR0=%08x CR2=%016" PRIx64 " CR3=%016" PRIx64
                               " CR4=%08x\n", env->gdt.base, env->gdt.limit,
                               env->idt.base, env->idt.limit,
                               (uint32_t)env->cr[0], env->cr[2], env->cr[3],
                               (uint32_t)env->cr[4]);
    } else {
        g_string_append_printf(out, "GDT=     %08x %08x\nIDT=     %08x %08x\n"
                               "CR0=%08x CR2=%08x CR3=%08x CR4=%08x\n",
                               (uint32_t)env->gdt.base, env->gdt.limit,
                               (uint32_t)env->idt.base, env->idt.limit,
                               (uint32_t)env->cr[0], (uint32_t)env->cr[2],
                               (uint32_t)env->cr[3], (uint32_t)env->cr[4]);
    }
    for (int i = 0; i < 4; i++) {
        g_string_append_printf(out, "DR%d=%016" PRIx64 " ", i, env->dr[i]);
    }
    g_string_append_printf(out, "\nDR6=%016" PRIx64 " DR7=%016" PRIx64 "\n"
                           "EFER=%016" PRIx64 "\n", env->dr[6], env->dr[7],
                           env->efer);
    g_string_append_printf(out, "FCW=%04x FSW=%04x [ST=%d] FTW=%02x "
                           "MXCSR=%08x\n", env->fcw, env->fsw,
                           (env->fsw >> 11) & 7, env->ftw, env->mxcsr);
    for (int i = 0; i < 8; i++) {
        uint64_t mant;
        uint16_t exp;
        memcpy(&mant, env->fpregs[i], 8);
        memcpy(&exp, env->fpregs[i] + 8, 2);
        g_string_append_printf(out, "FPR%d=%016" PRIx64 " %04x%c", i, mant,
                               exp, (i & 1) ? '\n' : ' ');
    }
    for (int i = 0; i < (lma ? 16 : 8); i++) {
        uint64_t lo, hi;
        memcpy(&lo, env->xmm[i], 8);
        memcpy(&hi, env->xmm[i] + 8, 8);
        g_string_append_printf(out, "XMM%02d=%016" PRIx64 " %016" PRIx64 "%c",
                               i, hi, lo, (i & 1) ? '\n' : ' ');
    }
}

static uint64_t x86_cpu_get_pc(CPUState *cs)
{
    CPUX86State *env = x86_env(cs);

    return env->segs[R_CS].base + env->rip;
}

static void x86_cpu_set_pc(CPUState *cs, uint64_t pc)
{
    CPUX86State *env = x86_env(cs);

    env->rip = pc - env->segs[R_CS].base;
}

static bool x86_cpu_has_work(CPUState *cs)
{
    return __atomic_load_n(&cs->interrupt_request, __ATOMIC_SEQ_CST) &
           CPU_INTERRUPT_HARD;
}

/* ---- QOM ---------------------------------------------------------------------- */

/* The KVM glue's answer for what the host supports (weak: absent when the
 * binary has no KVM). */
X86HostCpuidFn *x86_accel_host_cpuid(void) __attribute__((weak));

static bool x86_cpu_realize(DeviceState *dev, Error **errp)
{
    X86CPU *cpu = X86_CPU(dev);
    CPUState *cs = CPU(dev);
    X86HostCpuidFn *host = x86_accel_host_cpuid ? x86_accel_host_cpuid()
                                                : NULL;

    x86_cpu_get_topology(&cpu->nr_cores, &cpu->nr_threads);
    cpu->apic_id = x86_apic_id_from_index(cpu->nr_cores, cpu->nr_threads,
                                          cs->cpu_index);
    if (host) {
        x86_cpu_filter_features(cpu, host);
    }
    return X86_CPU_GET_CLASS(dev)->parent_realize(dev, errp);
}

static void x86_cpu_instance_init(Object *obj)
{
    X86CPU *cpu = X86_CPU(obj);
    const X86CPUModel *m = X86_CPU_GET_CLASS(obj)->model;

    /* Passthrough models start from qemu64's set until the accelerator
     * says what the host has (x86_cpu_filter_features). */
    if (m->passthrough) {
        m = &x86_cpu_models[0];
    }
    cpu->level = m->level;
    cpu->xlevel = m->xlevel;
    for (int w = 0; w < FEATURE_WORDS; w++) {
        cpu->features[w] = (m->features[w] | feat_plus[w]) & ~feat_minus[w];
    }
    cpu->nr_cores = cpu->nr_threads = 1;
}

static void x86_cpu_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    CPUClass *cc = CPU_CLASS(klass);
    X86CPUClass *xcc = X86_CPU_CLASS(klass);

    xcc->parent_realize = dc->realize;
    dc->realize = x86_cpu_realize;
    cc->reset = x86_cpu_reset;
    cc->dump_state = x86_cpu_dump_state;
    cc->get_pc = x86_cpu_get_pc;
    cc->set_pc = x86_cpu_set_pc;
    cc->has_work = x86_cpu_has_work;
}

static void x86_cpu_model_class_init(ObjectClass *klass, void *data)
{
    X86_CPU_CLASS(klass)->model = data;
}

static const TypeInfo x86_cpu_type = {
    .name = TYPE_X86_CPU,
    .parent = TYPE_CPU,
    .instance_size = sizeof(X86CPU),
    .instance_init = x86_cpu_instance_init,
    .abstract = true,
    .class_size = sizeof(X86CPUClass),
    .class_init = x86_cpu_class_init,
};

static void x86_cpu_register_types(void)
{
    type_register_static(&x86_cpu_type);
    for (size_t i = 0; i < x86_cpu_models_count; i++) {
        g_autofree char *name = g_strconcat(x86_cpu_models[i].name,
                                            X86_CPU_TYPE_SUFFIX, NULL);
        TypeInfo ti = {
            .name = name,
            .parent = TYPE_X86_CPU,
            .class_init = x86_cpu_model_class_init,
            .class_data = (void *)&x86_cpu_models[i],
        };
        type_register_static(&ti);
    }
}

type_init(x86_cpu_register_types)
