/* target/i386 private tables (cpu-models.c) shared with cpu.c. */
#ifndef TARGET_I386_CPU_INTERNAL_H
#define TARGET_I386_CPU_INTERNAL_H

#include "cpu.h"

typedef struct X86FeatureName {
    const char *name;
    FeatureWord word;
    unsigned bit;
} X86FeatureName;

typedef struct X86FeatureWordInfo {
    uint32_t leaf, sub;
    int reg;                    /* R_EAX, R_EBX, R_ECX, R_EDX */
    const char *text;           /* "CPUID.01H:ECX" */
} X86FeatureWordInfo;

extern const X86CPUModel x86_cpu_models[];
extern const size_t x86_cpu_models_count;
extern const X86FeatureName x86_feature_names[];
extern const size_t x86_feature_names_count;
extern const X86FeatureWordInfo x86_feature_words[FEATURE_WORDS];

#endif
