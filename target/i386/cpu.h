/*
 * x86_64 CPU: TYPE_X86_CPU and its models "qemu64" (the default, QEMU's
 * x86_64 default model), "max" and "host" (everything the accelerator
 * supports), as QOM types "<model>-x86_64-cpu".
 *
 * The register state (CPUX86State) is the accelerator-neutral copy: KVM
 * moves it in and out (target/i386/kvm.c), the monitor prints it.
 * Segment flags use the descriptor's high-word layout (0x9b00 for a
 * present, accessed ring-0 code segment), as QEMU's info registers shows.
 */
#ifndef TARGET_I386_CPU_H
#define TARGET_I386_CPU_H

#include "qemu/osdep.h"
#include "hw/core/cpu.h"

#define TYPE_X86_CPU "x86_64-cpu"
#define X86_CPU_TYPE_SUFFIX "-" TYPE_X86_CPU
#define X86_CPU_TYPE_NAME(name) (name X86_CPU_TYPE_SUFFIX)

OBJECT_DECLARE_TYPE(X86CPU, X86CPUClass, X86_CPU)

enum { R_EAX, R_ECX, R_EDX, R_EBX, R_ESP, R_EBP, R_ESI, R_EDI };
enum { R_ES, R_CS, R_SS, R_DS, R_FS, R_GS };

/* Segment descriptor flags (bits of the descriptor's high dword). */
#define DESC_TYPE_SHIFT 8
#define DESC_S_MASK     (1u << 12)
#define DESC_DPL_SHIFT  13
#define DESC_P_MASK     (1u << 15)
#define DESC_AVL_MASK   (1u << 20)
#define DESC_L_MASK     (1u << 21)
#define DESC_B_MASK     (1u << 22)
#define DESC_G_MASK     (1u << 23)

#define CR0_PE_MASK     (1u << 0)
#define CR0_ET_MASK     (1u << 4)
#define CR0_NE_MASK     (1u << 5)
#define CR0_NW_MASK     (1u << 29)
#define CR0_CD_MASK     (1u << 30)
#define CR0_PG_MASK     (1u << 31)
#define CR4_PAE_MASK    (1u << 5)
#define EFER_LME        (1u << 8)
#define EFER_LMA        (1u << 10)
#define RFLAGS_IF       (1u << 9)

typedef struct SegmentCache {
    uint32_t selector;
    uint64_t base;
    uint32_t limit;             /* in bytes (granularity applied) */
    uint32_t flags;
} SegmentCache;

typedef struct DescTable {
    uint64_t base;
    uint32_t limit;
} DescTable;

typedef struct CPUX86State {
    uint64_t regs[16];
    uint64_t rip;
    uint64_t rflags;
    SegmentCache segs[6];
    SegmentCache ldt, tr;
    DescTable gdt, idt;
    uint64_t cr[5];             /* cr0, (cr1 unused), cr2, cr3, cr4 */
    uint64_t cr8;
    uint64_t efer;
    uint64_t apic_base;
    uint64_t dr[8];
    /* x87 / SSE */
    uint16_t fcw, fsw;
    uint8_t ftw;                /* abridged: 1 bit per register, 1 = valid */
    uint32_t mxcsr;
    uint8_t fpregs[8][16];
    uint8_t xmm[16][16];
    uint64_t tsc, pat;
} CPUX86State;

/* CPUID feature words a model sets and -cpu +feat/-feat changes. */
typedef enum FeatureWord {
    FEAT_1_EDX,
    FEAT_1_ECX,
    FEAT_7_0_EBX,
    FEAT_7_0_ECX,
    FEAT_7_0_EDX,
    FEAT_8000_0001_EDX,
    FEAT_8000_0001_ECX,
    FEAT_KVM,                   /* CPUID 0x40000001 EAX */
    FEATURE_WORDS,
} FeatureWord;

typedef struct X86CPUModel {
    const char *name;
    const char *desc;
    bool passthrough;           /* host/max: the accelerator's whole set */
    uint32_t level, xlevel;
    const char *vendor;         /* 12 characters */
    int family, model, stepping;
    const char *model_id;       /* brand string, up to 48 characters */
    uint32_t features[FEATURE_WORDS];
} X86CPUModel;

struct X86CPUClass {
    CPUClass parent_class;
    const X86CPUModel *model;
    bool (*parent_realize)(DeviceState *dev, Error **errp);
};

typedef struct X86CPU {
    CPUState parent_obj;
    CPUX86State env;
    uint32_t apic_id;
    /* Topology (from -smp): threads per core, cores per socket. */
    unsigned nr_threads, nr_cores;
    /* Model features after +feat/-feat and the accelerator's mask. */
    uint32_t features[FEATURE_WORDS];
    uint32_t level, xlevel;
    /* Set by reset: the accelerator resets what only it keeps (KVM: MP
     * state, XCR0, extended FPU state) when it next loads the registers. */
    bool reset_pending;
} X86CPU;

static inline CPUX86State *x86_env(CPUState *cs)
{
    return &X86_CPU(cs)->env;
}

/*
 * "-cpu MODEL,+feat,-feat,feat=on|off": check the model and the feature
 * names and keep the changes for every CPU created afterwards. Sets
 * *typename to the QOM type (g_free it). "help" is left to the caller
 * (x86_cpu_list).
 */
bool x86_cpu_parse_option(const char *optarg, char **typename, Error **errp);
/* Forget -cpu feature changes (tests). */
void x86_cpu_clear_feature_changes(void);
/* "-cpu help": "x86 NAME  DESCRIPTION" lines as QEMU prints them. */
void x86_cpu_list(GString *out);
/* Topology used by CPUs created from now on (the board passes -smp;
 * without a call the machine's -smp, else 1 socket, 1 core, 1 thread). */
void x86_cpu_set_topology(unsigned cores, unsigned threads);
/* APIC id of the CPU with that index under the topology. */
uint32_t x86_apic_id_from_index(unsigned cores, unsigned threads,
                                unsigned index);

/*
 * CPUID as this CPU reports it. host_cpuid, when not NULL, answers for the
 * accelerator: what it supports for a leaf (the KVM glue passes
 * KVM_GET_SUPPORTED_CPUID); passthrough models take everything from it.
 */
typedef bool X86HostCpuidFn(uint32_t leaf, uint32_t sub, uint32_t *eax,
                            uint32_t *ebx, uint32_t *ecx, uint32_t *edx);
void x86_cpu_cpuid(X86CPU *cpu, X86HostCpuidFn *host, uint32_t leaf,
                   uint32_t sub, uint32_t *eax, uint32_t *ebx, uint32_t *ecx,
                   uint32_t *edx);
/* Mask the features by what the accelerator supports, warning about each
 * missing one as QEMU does ("host doesn't support requested feature:
 * CPUID.01H:ECX.pni [bit 0]"). */
void x86_cpu_filter_features(X86CPU *cpu, X86HostCpuidFn *host);

/*
 * Start state for loaders: a CPU entering a kernel directly, in 16-bit
 * real mode at CS:IP, in flat 32-bit protected mode (paging off) or in
 * 64-bit long mode (identity paging at cr3, set up by the loader).
 * Registers not named are zero; interrupts are off. Segments are flat
 * 4 GiB with selectors code_sel/data_sel (0 means 0x10/0x18, the x86 boot
 * protocol's __BOOT_CS/__BOOT_DS). The loader's GDT, if the kernel reloads
 * segments, is the loader's to place in guest memory.
 */
typedef enum X86BootMode {
    X86_BOOT_REAL16,
    X86_BOOT_PROTECTED32,
    X86_BOOT_LONG64,
} X86BootMode;

typedef struct X86BootState {
    X86BootMode mode;
    uint64_t rip;               /* REAL16: IP, with cs_base = segment << 4 */
    uint16_t real_cs;           /* REAL16 only */
    uint64_t regs[16];          /* by R_EAX.. index: ESI = boot_params */
    uint64_t cr3;               /* LONG64: page tables */
    uint16_t code_sel, data_sel;
    uint64_t gdt_base;          /* 0: none */
    uint16_t gdt_limit;
} X86BootState;

/* Write the start state into cpu's registers (call with the vCPU paused
 * or not started; it marks the state for the accelerator). */
void x86_cpu_set_boot_state(X86CPU *cpu, const X86BootState *bs);

#endif
