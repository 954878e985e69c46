/*
 * Capstone behind disas_append (include/disas/disas.h). One handle per
 * architecture and thread, opened on first use: callers are the vCPU
 * thread logging its blocks and the monitor.
 */
#include "qemu/osdep.h"
#include "disas/disas.h"
#include <capstone/capstone.h>

typedef struct DisasArch {
    const char *name;
    cs_arch arch;
    cs_mode mode;
    unsigned insn_size;         /* fixed size for the raw fallback, or 1 */
} DisasArch;

static const DisasArch disas_arches[] = {
    { "aarch64", CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, 4 },
    { "x86_64", CS_ARCH_X86, CS_MODE_64, 1 },
};

static __thread csh disas_handle[G_N_ELEMENTS(disas_arches)];
static __thread bool disas_opened[G_N_ELEMENTS(disas_arches)];

static const DisasArch *disas_find(const char *arch, size_t *idx)
{
    for (size_t i = 0; i < G_N_ELEMENTS(disas_arches); i++) {
        if (!strcmp(disas_arches[i].name, arch)) {
            *idx = i;
            return &disas_arches[i];
        }
    }
    return NULL;
}

static void disas_raw(GString *out, uint64_t pc, const uint8_t *code,
                      size_t size, unsigned step)
{
    for (size_t off = 0; off < size; off += step) {
        g_string_append_printf(out, "0x%016" PRIx64 ":  ", pc + off);
        for (size_t i = 0; i < step && off + i < size; i++) {
            g_string_append_printf(out, "%02x", code[off + step - 1 - i]);
        }
        g_string_append(out, "      (unknown)\n");
    }
}

void disas_append(GString *out, const char *arch, uint64_t pc,
                  const uint8_t *code, size_t size)
{
    size_t idx = 0;
    const DisasArch *a = disas_find(arch, &idx);
    cs_insn *insn;
    size_t n, i, done = 0;

    if (!a) {
        disas_raw(out, pc, code, size, 1);
        return;
    }
    if (!disas_opened[idx]) {
        if (cs_open(a->arch, a->mode, &disas_handle[idx]) != CS_ERR_OK) {
            disas_raw(out, pc, code, size, a->insn_size);
            return;
        }
        disas_opened[idx] = true;
    }
    n = cs_disasm(disas_handle[idx], code, size, pc, 0, &insn);
    for (i = 0; i < n; i++) {
        g_string_append_printf(out, "0x%016" PRIx64 ":  ", insn[i].address);
        for (int b = insn[i].size - 1; b >= 0; b--) {
            g_string_append_printf(out, "%02x", insn[i].bytes[b]);
        }
        g_string_append_printf(out, "      %-8s %s\n", insn[i].mnemonic,
                               insn[i].op_str);
        done += insn[i].size;
    }
    if (n) {
        cs_free(insn, n);
    }
    if (done < size) {
        /* Words capstone does not know (unallocated encodings). */
        disas_raw(out, pc + done, code + done, size - done, a->insn_size);
    }
}
