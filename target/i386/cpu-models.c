/*
 * x86 CPU models and CPUID feature names: data tables only.
 * Model values follow QEMU's built-in definitions (their documented
 * family/model/feature sets), feature bit positions the Intel SDM and
 * AMD APM CPUID chapters.
 */
#include "qemu/osdep.h"
#include "cpu-internal.h"

/* CPUID.01H:EDX bits */
#define F_FPU (1u << 0)
#define F_DE (1u << 2)
#define F_PSE (1u << 3)
#define F_TSC (1u << 4)
#define F_MSR (1u << 5)
#define F_PAE (1u << 6)
#define F_MCE (1u << 7)
#define F_CX8 (1u << 8)
#define F_APIC (1u << 9)
#define F_SEP (1u << 11)
#define F_MTRR (1u << 12)
#define F_PGE (1u << 13)
#define F_MCA (1u << 14)
#define F_CMOV (1u << 15)
#define F_PAT (1u << 16)
#define F_PSE36 (1u << 17)
#define F_CLFLUSH (1u << 19)
#define F_MMX (1u << 23)
#define F_FXSR (1u << 24)
#define F_SSE (1u << 25)
#define F_SSE2 (1u << 26)

/* QEMU's PPRO_FEATURES: what every 64-bit model has in CPUID.01H:EDX. */
#define PPRO_FEATURES (F_FPU | F_DE | F_PSE | F_TSC | F_MSR | F_PAE | F_MCE | \
    F_CX8 | F_APIC | F_SEP | F_MTRR | F_PGE | F_MCA | F_CMOV | F_PAT |     \
    F_PSE36 | F_CLFLUSH | F_MMX | F_FXSR | F_SSE | F_SSE2)

const X86CPUModel x86_cpu_models[] = {
    {
        .name = "qemu64",
        .desc = "QEMU Virtual CPU version 2.5+",
        .level = 0xd, .xlevel = 0x8000000a,
        .vendor = "AuthenticAMD",
        .family = 15, .model = 107, .stepping = 1,
        .model_id = "QEMU Virtual CPU version 2.5+",
        .features = {
            [FEAT_1_EDX] = PPRO_FEATURES,
            /* sse3 (pni), cx16; hypervisor and x2apic as QEMU on KVM */
            [FEAT_1_ECX] = (1u << 0) | (1u << 13) | (1u << 21) | (1u << 31),
            /* syscall, nx, lm */
            [FEAT_8000_0001_EDX] = (1u << 11) | (1u << 20) | (1u << 29),
            /* lahf_lm (svm is off on KVM, as QEMU) */
            [FEAT_8000_0001_ECX] = (1u << 0),
            /* kvmclock (both bits), nopiodelay, asyncpf, steal-time,
             * pv-eoi, kvmclock-stable-bit: QEMU's KVM defaults */
            [FEAT_KVM] = (1u << 0) | (1u << 1) | (1u << 3) | (1u << 4) |
                         (1u << 5) | (1u << 6) | (1u << 24),
        },
    },
    {
        .name = "max",
        .desc = "Enables all features supported by the accelerator in the "
                "current host",
        .passthrough = true,
    },
    {
        .name = "host",
        .desc = "processor with all supported host features",
        .passthrough = true,
    },
};
const size_t x86_cpu_models_count = ARRAY_SIZE(x86_cpu_models);

const X86FeatureName x86_feature_names[] = {
    { "fpu", FEAT_1_EDX, 0 }, { "vme", FEAT_1_EDX, 1 },
    { "de", FEAT_1_EDX, 2 }, { "pse", FEAT_1_EDX, 3 },
    { "tsc", FEAT_1_EDX, 4 }, { "msr", FEAT_1_EDX, 5 },
    { "pae", FEAT_1_EDX, 6 }, { "mce", FEAT_1_EDX, 7 },
    { "cx8", FEAT_1_EDX, 8 }, { "apic", FEAT_1_EDX, 9 },
    { "sep", FEAT_1_EDX, 11 }, { "mtrr", FEAT_1_EDX, 12 },
    { "pge", FEAT_1_EDX, 13 }, { "mca", FEAT_1_EDX, 14 },
    { "cmov", FEAT_1_EDX, 15 }, { "pat", FEAT_1_EDX, 16 },
    { "pse36", FEAT_1_EDX, 17 }, { "clflush", FEAT_1_EDX, 19 },
    { "ds", FEAT_1_EDX, 21 }, { "acpi", FEAT_1_EDX, 22 },
    { "mmx", FEAT_1_EDX, 23 }, { "fxsr", FEAT_1_EDX, 24 },
    { "sse", FEAT_1_EDX, 25 }, { "sse2", FEAT_1_EDX, 26 },
    { "ss", FEAT_1_EDX, 27 }, { "ht", FEAT_1_EDX, 28 },
    { "pni", FEAT_1_ECX, 0 }, { "sse3", FEAT_1_ECX, 0 },
    { "pclmulqdq", FEAT_1_ECX, 1 }, { "monitor", FEAT_1_ECX, 3 },
    { "vmx", FEAT_1_ECX, 5 }, { "ssse3", FEAT_1_ECX, 9 },
    { "fma", FEAT_1_ECX, 12 }, { "cx16", FEAT_1_ECX, 13 },
    { "pdcm", FEAT_1_ECX, 15 }, { "pcid", FEAT_1_ECX, 17 },
    { "sse4.1", FEAT_1_ECX, 19 }, { "sse4.2", FEAT_1_ECX, 20 },
    { "x2apic", FEAT_1_ECX, 21 }, { "movbe", FEAT_1_ECX, 22 },
    { "popcnt", FEAT_1_ECX, 23 }, { "tsc-deadline", FEAT_1_ECX, 24 },
    { "aes", FEAT_1_ECX, 25 }, { "xsave", FEAT_1_ECX, 26 },
    { "avx", FEAT_1_ECX, 28 }, { "f16c", FEAT_1_ECX, 29 },
    { "rdrand", FEAT_1_ECX, 30 }, { "hypervisor", FEAT_1_ECX, 31 },
    { "fsgsbase", FEAT_7_0_EBX, 0 }, { "bmi1", FEAT_7_0_EBX, 3 },
    { "hle", FEAT_7_0_EBX, 4 }, { "avx2", FEAT_7_0_EBX, 5 },
    { "smep", FEAT_7_0_EBX, 7 }, { "bmi2", FEAT_7_0_EBX, 8 },
    { "erms", FEAT_7_0_EBX, 9 }, { "invpcid", FEAT_7_0_EBX, 10 },
    { "rtm", FEAT_7_0_EBX, 11 }, { "avx512f", FEAT_7_0_EBX, 16 },
    { "rdseed", FEAT_7_0_EBX, 18 }, { "adx", FEAT_7_0_EBX, 19 },
    { "smap", FEAT_7_0_EBX, 20 }, { "clflushopt", FEAT_7_0_EBX, 23 },
    { "clwb", FEAT_7_0_EBX, 24 }, { "sha-ni", FEAT_7_0_EBX, 29 },
    { "umip", FEAT_7_0_ECX, 2 }, { "pku", FEAT_7_0_ECX, 3 },
    { "vaes", FEAT_7_0_ECX, 9 }, { "vpclmulqdq", FEAT_7_0_ECX, 10 },
    { "rdpid", FEAT_7_0_ECX, 22 },
    { "md-clear", FEAT_7_0_EDX, 10 }, { "spec-ctrl", FEAT_7_0_EDX, 26 },
    { "stibp", FEAT_7_0_EDX, 27 }, { "arch-capabilities", FEAT_7_0_EDX, 29 },
    { "ssbd", FEAT_7_0_EDX, 31 },
    { "syscall", FEAT_8000_0001_EDX, 11 }, { "nx", FEAT_8000_0001_EDX, 20 },
    { "mmxext", FEAT_8000_0001_EDX, 22 },
    { "fxsr-opt", FEAT_8000_0001_EDX, 25 },
    { "pdpe1gb", FEAT_8000_0001_EDX, 26 },
    { "rdtscp", FEAT_8000_0001_EDX, 27 }, { "lm", FEAT_8000_0001_EDX, 29 },
    { "lahf-lm", FEAT_8000_0001_ECX, 0 }, { "lahf_lm", FEAT_8000_0001_ECX, 0 },
    { "svm", FEAT_8000_0001_ECX, 2 }, { "abm", FEAT_8000_0001_ECX, 5 },
    { "sse4a", FEAT_8000_0001_ECX, 6 },
    { "3dnowprefetch", FEAT_8000_0001_ECX, 8 },
    { "kvmclock", FEAT_KVM, 0 }, { "kvm-nopiodelay", FEAT_KVM, 1 },
    { "kvm-mmu", FEAT_KVM, 2 }, { "kvmclock2", FEAT_KVM, 3 },
    { "kvm-asyncpf", FEAT_KVM, 4 }, { "kvm-steal-time", FEAT_KVM, 5 },
    { "kvm-pv-eoi", FEAT_KVM, 6 }, { "kvm-pv-unhalt", FEAT_KVM, 7 },
    { "kvmclock-stable-bit", FEAT_KVM, 24 },
};
const size_t x86_feature_names_count = ARRAY_SIZE(x86_feature_names);

/* Where each feature word lives, and its name in messages. */
const X86FeatureWordInfo x86_feature_words[FEATURE_WORDS] = {
    [FEAT_1_EDX] = { 1, 0, R_EDX, "CPUID.01H:EDX" },
    [FEAT_1_ECX] = { 1, 0, R_ECX, "CPUID.01H:ECX" },
    [FEAT_7_0_EBX] = { 7, 0, R_EBX, "CPUID.07H:EBX" },
    [FEAT_7_0_ECX] = { 7, 0, R_ECX, "CPUID.07H:ECX" },
    [FEAT_7_0_EDX] = { 7, 0, R_EDX, "CPUID.07H:EDX" },
    [FEAT_8000_0001_EDX] = { 0x80000001, 0, R_EDX, "CPUID.80000001H:EDX" },
    [FEAT_8000_0001_ECX] = { 0x80000001, 0, R_ECX, "CPUID.80000001H:ECX" },
    [FEAT_KVM] = { 0x40000001, 0, R_EAX, "CPUID.40000001H:EAX" },
};
