/*
 * CRC32B/H/W/X and CRC32CB/H/W/X (data-processing 2-source, opcodes
 * 010Csz): fold the low 1 << sz bytes of Rm into the 32-bit accumulator
 * Wn, bit-reflected, with no pre- or post-inversion (the guest does that).
 * CRC32 uses the ISO-HDLC polynomial 0x04c11db7, CRC32C Castagnoli's
 * 0x1edc6f41; both are applied in their reflected forms below.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "translate.h"

#define CRC32_POLY_REFLECTED  0xedb88320u
#define CRC32C_POLY_REFLECTED 0x82f63b78u

/* One nibble at a time: 16-entry tables are small enough to write down
 * and four times faster than the bit loop. */
static uint32_t crc32_nibble_table(uint32_t poly, unsigned n)
{
    uint32_t c = n;
    int k;

    for (k = 0; k < 4; k++) {
        c = (c >> 1) ^ (poly & -(c & 1));
    }
    return c;
}

typedef struct CrcTables {
    uint32_t t[2][16];      /* [0] CRC32, [1] CRC32C */
} CrcTables;

static const CrcTables *crc_tables(void)
{
    static CrcTables tables;
    static gsize done;

    if (g_once_init_enter(&done)) {
        unsigned n;

        for (n = 0; n < 16; n++) {
            tables.t[0][n] = crc32_nibble_table(CRC32_POLY_REFLECTED, n);
            tables.t[1][n] = crc32_nibble_table(CRC32C_POLY_REFLECTED, n);
        }
        g_once_init_leave(&done, 1);
    }
    return &tables;
}

/* ID_AA64ISAR0.CRC32: the instructions exist only while the model
 * advertises them, as QEMU decides at decode time (our decoder has no CPU
 * at hand, so the op checks). */
#define ISAR0_CRC32_SHIFT 16

/* a = 1 for CRC32C; b = log2 of the byte count. */
static int op_crc32(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const uint32_t *t = (const uint32_t *)(uintptr_t)op->imm;
    uint32_t crc = env->xregs[op->rn];
    uint64_t val = env->xregs[op->rm];
    unsigned i, nibbles = 2u << op->b;

    if (!((env_archcpu(env)->isar.id_aa64isar0 >> ISAR0_CRC32_SHIFT) & 0xf)) {
        qemu_log_mask(LOG_UNIMP, "tcg-lite: CRC32 not advertised by "
                      "ID_AA64ISAR0: UNDEF\n");
        return arm_raise(cs, op, EXCP_UDEF,
                         EC_UNCATEGORIZED << 26 | ARM_EL_IL);
    }
    for (i = 0; i < nibbles; i++) {
        crc ^= val & 0xf;
        crc = (crc >> 4) ^ t[crc & 0xf];
        val >>= 4;
    }
    env->xregs[op->rd] = crc;
    TL_GOTO_NEXT(cs, op);
}

bool disas_crc32(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned sz = extract32(insn, 10, 2), c = extract32(insn, 12, 1);
    bool sf = extract32(insn, 31, 1);

    /* The decoders tried before this one may have left fields set. */
    memset(op, 0, sizeof(*op));
    if (extract32(insn, 13, 3) != 2 || sf != (sz == 3) ||
        extract32(insn, 29, 1)) {
        return false;
    }
    op->rd = reg_zr_w(extract32(insn, 0, 5));
    op->rn = reg_zr_r(extract32(insn, 5, 5));
    op->rm = reg_zr_r(extract32(insn, 16, 5));
    op->a = c;
    op->b = sz;
    op->imm = (uintptr_t)crc_tables()->t[c];
    op->fn = op_crc32;
    return true;
}
