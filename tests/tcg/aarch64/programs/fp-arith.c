/*
 * Scalar FP arithmetic: FADD FSUB FMUL FDIV FMAX FMIN FMAXNM FMINNM
 * FNMUL and FMADD FMSUB FNMADD FNMSUB, single and double, on special
 * values (zeros, infinities, quiet and signalling NaNs with payloads,
 * denormals, min/max normals) under each rounding mode and with FZ and
 * DN. Prints each result and the FPSR flags it raised.
 */
#include "lib.h"
#include "fp-common.h"

/* One function per instruction and precision; gr is the general
 * register form (w or x) that holds the value. */
#define BIN(name, insn, reg, fmt_t, gr)                                    \
    static fmt_t name(fmt_t a, fmt_t b)                                    \
    {                                                                      \
        fmt_t r;                                                           \
        __asm__ volatile("fmov " reg "1, %" gr "1\n\t"                     \
                         "fmov " reg "2, %" gr "2\n\t"                     \
                         insn " " reg "0, " reg "1, " reg "2\n\t"          \
                         "fmov %" gr "0, " reg "0"                         \
                         : "=r"(r) : "r"(a), "r"(b) : "v0", "v1", "v2");   \
        return r;                                                          \
    }
#define TRI(name, insn, reg, fmt_t, gr)                                    \
    static fmt_t name(fmt_t a, fmt_t b, fmt_t c)                           \
    {                                                                      \
        fmt_t r;                                                           \
        __asm__ volatile("fmov " reg "1, %" gr "1\n\t"                     \
                         "fmov " reg "2, %" gr "2\n\t"                     \
                         "fmov " reg "3, %" gr "3\n\t"                     \
                         insn " " reg "0, " reg "1, " reg "2, " reg "3\n\t"\
                         "fmov %" gr "0, " reg "0"                         \
                         : "=r"(r) : "r"(a), "r"(b), "r"(c)                \
                         : "v0", "v1", "v2", "v3");                        \
        return r;                                                          \
    }
#define BIN2(n, i) BIN(n##_s, i, "s", uint32_t, "w") \
                   BIN(n##_d, i, "d", uint64_t, "x")
#define TRI2(n, i) TRI(n##_s, i, "s", uint32_t, "w") \
                   TRI(n##_d, i, "d", uint64_t, "x")

BIN2(fadd, "fadd") BIN2(fsub, "fsub") BIN2(fmul, "fmul") BIN2(fdiv, "fdiv")
BIN2(fmax, "fmax") BIN2(fmin, "fmin") BIN2(fmaxnm, "fmaxnm")
BIN2(fminnm, "fminnm") BIN2(fnmul, "fnmul")
TRI2(fmadd, "fmadd") TRI2(fmsub, "fmsub") TRI2(fnmadd, "fnmadd")
TRI2(fnmsub, "fnmsub")

static const struct {
    const char *name;
    uint32_t (*s)(uint32_t, uint32_t);
    uint64_t (*d)(uint64_t, uint64_t);
} bins[] = {
    { "fadd", fadd_s, fadd_d }, { "fsub", fsub_s, fsub_d },
    { "fmul", fmul_s, fmul_d }, { "fdiv", fdiv_s, fdiv_d },
    { "fmax", fmax_s, fmax_d }, { "fmin", fmin_s, fmin_d },
    { "fmaxnm", fmaxnm_s, fmaxnm_d }, { "fminnm", fminnm_s, fminnm_d },
    { "fnmul", fnmul_s, fnmul_d },
};

static const struct {
    const char *name;
    uint32_t (*s)(uint32_t, uint32_t, uint32_t);
    uint64_t (*d)(uint64_t, uint64_t, uint64_t);
} tris[] = {
    { "fmadd", fmadd_s, fmadd_d }, { "fmsub", fmsub_s, fmsub_d },
    { "fnmadd", fnmadd_s, fnmadd_d }, { "fnmsub", fnmsub_s, fnmsub_d },
};

int main(void)
{
    unsigned o, m, i, j, k;

    for (o = 0; o < ARRAY_LEN(bins); o++) {
        for (m = 0; m < ARRAY_LEN(fp_modes); m++) {
            unsigned n = m ? FP_FEW : ARRAY_LEN(sval);
            for (i = 0; i < n; i++) {
                kprintf("%s.s %s %08x:", bins[o].name, fp_mode_names[m],
                        sval[i]);
                for (j = 0; j < n; j++) {
                    uint32_t r;
                    fp_begin(fp_modes[m]);
                    r = bins[o].s(sval[i], sval[j]);
                    kprintf(" %08x/%02x", r, fp_flags());
                }
                kprintf("\n");
                kprintf("%s.d %s %016lx:", bins[o].name, fp_mode_names[m],
                        dval[i]);
                for (j = 0; j < n; j++) {
                    uint64_t r;
                    fp_begin(fp_modes[m]);
                    r = bins[o].d(dval[i], dval[j]);
                    kprintf(" %016lx/%02x", r, fp_flags());
                }
                kprintf("\n");
            }
        }
    }
    for (o = 0; o < ARRAY_LEN(tris); o++) {
        for (m = 0; m < ARRAY_LEN(fp_modes); m += 3) {
            for (i = 0; i < FP_FEW; i++) {
                for (j = 0; j < FP_FEW; j++) {
                    kprintf("%s.s %s %08x %08x:", tris[o].name,
                            fp_mode_names[m], sval[i], sval[j]);
                    for (k = 0; k < FP_FEW; k++) {
                        uint32_t r;
                        fp_begin(fp_modes[m]);
                        r = tris[o].s(sval[i], sval[j], sval[k]);
                        kprintf(" %08x/%02x", r, fp_flags());
                    }
                    kprintf("\n");
                    kprintf("%s.d %s %016lx %016lx:", tris[o].name,
                            fp_mode_names[m], dval[i], dval[j]);
                    for (k = 0; k < FP_FEW; k++) {
                        uint64_t r;
                        fp_begin(fp_modes[m]);
                        r = tris[o].d(dval[i], dval[j], dval[k]);
                        kprintf(" %016lx/%02x", r, fp_flags());
                    }
                    kprintf("\n");
                }
            }
        }
    }
    fp_begin(0);
    return 0;
}
