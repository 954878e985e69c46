/*
 * A64 loads and stores of SIMD&FP registers (V = 1; ARM ARM C4.1.87 and
 * C4.1.86): LDR/STR of B/H/S/D/Q (unsigned offset, unscaled, pre/post-
 * index, register offset), LDR literal, LDP/STP/LDNP/STNP of S/D/Q, and
 * the Advanced SIMD structure accesses: LD1-LD4/ST1-ST4 multiple
 * structures, single structure (one lane), LD1R-LD4R, each with optional
 * post-index by immediate or register.
 *
 * Every load reads all its memory before writing any register, so a fault
 * part-way leaves the registers as they were. Q accesses are two 8-byte
 * accesses, low address first.
 *
 * Op fields (register forms): sf = log2 of the access size (0..4), rd =
 * Vt, ra = Vt2 (pairs) or the index shift (register offset), rn = base
 * (31 is SP), rm = index register, c = extend option, b = pair mode, imm =
 * the offset, already scaled.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "vec.h"

#define X(i) (env->xregs[(i)])

/* ExtendReg(Rm, option, shift): UXTW 2, LSL/UXTX 3, SXTW 6, SXTX 7. */
static inline uint64_t index_reg(CPUARMState *env, const TLOp *op)
{
    uint64_t m = X(op->rm);

    switch (op->c) {
    case 2: m = (uint32_t)m; break;
    case 6: m = (uint64_t)(int64_t)(int32_t)m; break;
    default: break;
    }
    return m << op->ra;
}

/* Load 1 << sz bytes (sz 0..4) into lo/hi; false on a fault. */
static inline bool ld_vec(CPUState *cs, uint64_t addr, unsigned sz,
                          uint64_t *lo, uint64_t *hi)
{
    int idx = cpu_env(cs)->mmu_idx;
    TLLoad v = tl_load(cs, addr, sz == 4 ? 8 : 1u << sz, idx);

    if (!v.ok) {
        return false;
    }
    *lo = v.val;
    *hi = 0;
    if (sz == 4) {
        v = tl_load(cs, addr + 8, 8, idx);
        if (!v.ok) {
            return false;
        }
        *hi = v.val;
    }
    return true;
}

static inline bool st_vec(CPUState *cs, uint64_t addr, unsigned sz,
                          const ARMVectorReg *r)
{
    int idx = cpu_env(cs)->mmu_idx;

    if (sz == 4) {
        return tl_store(cs, addr, 8, idx, r->d[0]) &&
               tl_store(cs, addr + 8, 8, idx, r->d[1]);
    }
    return tl_store(cs, addr, 1u << sz, idx, r->d[0]);
}

/* Addressing modes of single-register accesses. */
enum { AM_IMM, AM_PRE, AM_POST, AM_REG };

static inline __attribute__((always_inline))
int ldst_v(CPUState *cs, const TLOp *op, int am, bool is_load, unsigned sz)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);

    if (am == AM_IMM || am == AM_PRE) {
        addr += op->imm;
    } else if (am == AM_REG) {
        addr += index_reg(env, op);
    }
    if (is_load) {
        uint64_t lo, hi;
        if (!ld_vec(cs, addr, sz, &lo, &hi)) {
            return tl_stop(cs, op, TL_EXCP);
        }
        env->vregs[op->rd].d[0] = lo;
        env->vregs[op->rd].d[1] = hi;
    } else if (!st_vec(cs, addr, sz, &env->vregs[op->rd])) {
        return tl_stop(cs, op, TL_EXCP);
    }
    if (am == AM_PRE) {
        X(op->rn) = addr;
    } else if (am == AM_POST) {
        X(op->rn) = addr + op->imm;
    }
    TL_GOTO_NEXT(cs, op);
}

#define DEF_LDST(am, sz)                                                  \
    static int op_ldv_##am##_##sz(CPUState *cs, const TLOp *op)           \
    {                                                                     \
        return ldst_v(cs, op, AM_##am, true, sz);                         \
    }                                                                     \
    static int op_stv_##am##_##sz(CPUState *cs, const TLOp *op)           \
    {                                                                     \
        return ldst_v(cs, op, AM_##am, false, sz);                        \
    }
#define DEF_MODE(am)                                                      \
    DEF_LDST(am, 0) DEF_LDST(am, 1) DEF_LDST(am, 2) DEF_LDST(am, 3)       \
    DEF_LDST(am, 4)

DEF_MODE(IMM)
DEF_MODE(PRE)
DEF_MODE(POST)
DEF_MODE(REG)

#define MODE_TABLE(am) {                                                  \
    { op_stv_##am##_0, op_stv_##am##_1, op_stv_##am##_2,                  \
      op_stv_##am##_3, op_stv_##am##_4 },                                 \
    { op_ldv_##am##_0, op_ldv_##am##_1, op_ldv_##am##_2,                  \
      op_ldv_##am##_3, op_ldv_##am##_4 } }

/* [mode][is_load][log2 size] */
static TLOpFn const ldst_v_fns[4][2][5] = {
    MODE_TABLE(IMM), MODE_TABLE(PRE), MODE_TABLE(POST), MODE_TABLE(REG),
};

/* ---- Pairs: b = mode (0 offset, 1 pre, 2 post), ra = Vt2 ----------- */

static inline uint64_t pair_addr(CPUARMState *env, const TLOp *op)
{
    return op->b == 2 ? X(op->rn) : X(op->rn) + op->imm;
}

static inline void pair_writeback(CPUARMState *env, const TLOp *op,
                                  uint64_t addr)
{
    if (op->b == 1) {
        X(op->rn) = addr;
    } else if (op->b == 2) {
        X(op->rn) = addr + op->imm;
    }
}

static inline __attribute__((always_inline))
int ldp_v(CPUState *cs, const TLOp *op, unsigned sz)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = pair_addr(env, op);
    uint64_t lo1, hi1, lo2, hi2;

    if (!ld_vec(cs, addr, sz, &lo1, &hi1) ||
        !ld_vec(cs, addr + (1u << sz), sz, &lo2, &hi2)) {
        return tl_stop(cs, op, TL_EXCP);
    }
    env->vregs[op->rd].d[0] = lo1;
    env->vregs[op->rd].d[1] = hi1;
    env->vregs[op->ra].d[0] = lo2;
    env->vregs[op->ra].d[1] = hi2;
    pair_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

static inline __attribute__((always_inline))
int stp_v(CPUState *cs, const TLOp *op, unsigned sz)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = pair_addr(env, op);

    if (!st_vec(cs, addr, sz, &env->vregs[op->rd]) ||
        !st_vec(cs, addr + (1u << sz), sz, &env->vregs[op->ra])) {
        return tl_stop(cs, op, TL_EXCP);
    }
    pair_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

static int op_ldp_s(CPUState *cs, const TLOp *op) { return ldp_v(cs, op, 2); }
static int op_ldp_d(CPUState *cs, const TLOp *op) { return ldp_v(cs, op, 3); }
static int op_ldp_q(CPUState *cs, const TLOp *op) { return ldp_v(cs, op, 4); }
static int op_stp_s(CPUState *cs, const TLOp *op) { return stp_v(cs, op, 2); }
static int op_stp_d(CPUState *cs, const TLOp *op) { return stp_v(cs, op, 3); }
static int op_stp_q(CPUState *cs, const TLOp *op) { return stp_v(cs, op, 4); }

/* ---- Structures ----------------------------------------------------- */

/*
 * Multiple structures: rd = Vt, rn = base, rm = post-index register
 * (ARM_XREG_ZR: none), sf = log2 element size, a = selem (elements per
 * structure), b = number of registers, c = bytes per register (8 or 16),
 * imm = immediate post-index (0: none; with rm, the register's value is
 * added instead).
 *
 * Memory goes through a buffer: loaded whole (8-byte accesses while in
 * one page, element accesses across a page so a fault names the element's
 * address), then spread over the registers; stores the other way round.
 */
#define STRUCT_WB_NONE 0
#define STRUCT_WB_IMM  1
#define STRUCT_WB_REG  2

static inline void struct_writeback(CPUARMState *env, const TLOp *op,
                                    uint64_t addr)
{
    if (op->ra == STRUCT_WB_IMM) {
        X(op->rn) = addr + op->imm;
    } else if (op->ra == STRUCT_WB_REG) {
        X(op->rn) = addr + X(op->rm);
    }
}

static bool struct_load_bytes(CPUState *cs, uint64_t addr, uint8_t *buf,
                              unsigned len, unsigned es)
{
    int idx = cpu_env(cs)->mmu_idx;
    unsigned step = tl_in_page(addr, len) ? 8 : 1u << es, i;

    if (len < step) {
        step = len;
    }
    for (i = 0; i < len; i += step) {
        TLLoad v = tl_load(cs, addr + i, step, idx);
        if (!v.ok) {
            return false;
        }
        tl_host_store(buf + i, step, v.val);
    }
    return true;
}

static bool struct_store_bytes(CPUState *cs, uint64_t addr,
                               const uint8_t *buf, unsigned len, unsigned es)
{
    int idx = cpu_env(cs)->mmu_idx;
    unsigned step = tl_in_page(addr, len) ? 8 : 1u << es, i;

    if (len < step) {
        step = len;
    }
    for (i = 0; i < len; i += step) {
        if (!tl_store(cs, addr + i, step, idx,
                      tl_host_load(buf + i, step))) {
            return false;
        }
    }
    return true;
}

static int op_ld_multiple(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);
    unsigned selem = op->a, nregs = op->b, rbytes = op->c, es = op->sf;
    unsigned len = nregs * rbytes, r, e, s;
    uint8_t buf[64];

    if (!struct_load_bytes(cs, addr, buf, len, es)) {
        return tl_stop(cs, op, TL_EXCP);
    }
    if (selem == 1) {
        for (r = 0; r < nregs; r++) {
            uint8_t *v = vreg_bytes(env, op->rd + r);
            memcpy(v, buf + r * rbytes, rbytes);  /* V31 wraps to V0 */
            memset(v + rbytes, 0, 16 - rbytes);
        }
    } else {
        unsigned nelem = rbytes >> es, eb = 1u << es;
        for (e = 0; e < nelem; e++) {
            for (s = 0; s < selem; s++) {
                memcpy(vreg_bytes(env, op->rd + s) + e * eb,
                       buf + (e * selem + s) * eb, eb);
            }
        }
        if (rbytes == 8) {
            for (s = 0; s < selem; s++) {
                vreg_clear_high(env, op->rd + s);
            }
        }
    }
    struct_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

static int op_st_multiple(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);
    unsigned selem = op->a, nregs = op->b, rbytes = op->c, es = op->sf;
    unsigned len = nregs * rbytes, r, e, s;
    uint8_t buf[64];

    if (selem == 1) {
        for (r = 0; r < nregs; r++) {
            memcpy(buf + r * rbytes, vreg_bytes(env, op->rd + r), rbytes);
        }
    } else {
        unsigned nelem = rbytes >> es, eb = 1u << es;
        for (e = 0; e < nelem; e++) {
            for (s = 0; s < selem; s++) {
                memcpy(buf + (e * selem + s) * eb,
                       vreg_bytes(env, op->rd + s) + e * eb, eb);
            }
        }
    }
    if (!struct_store_bytes(cs, addr, buf, len, es)) {
        return tl_stop(cs, op, TL_EXCP);
    }
    struct_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

/*
 * LD1/ST1 of one 128-bit register ({Vt.16b} and the other Q = 1
 * arrangements): the common case in string and copy routines. Inside a
 * page the element size does not matter (no alignment checks), so two
 * 8-byte accesses do; across a page, the generic path.
 */
static int op_ld1_q(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);
    TLLoad lo, hi;

    if (!tl_in_page(addr, 16)) {
        return op_ld_multiple(cs, op);
    }
    lo = tl_load(cs, addr, 8, env->mmu_idx);
    if (!lo.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    hi = tl_load(cs, addr + 8, 8, env->mmu_idx);
    if (!hi.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    env->vregs[op->rd].d[0] = lo.val;
    env->vregs[op->rd].d[1] = hi.val;
    struct_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

static int op_st1_q(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);

    if (!tl_in_page(addr, 16)) {
        return op_st_multiple(cs, op);
    }
    if (!tl_store(cs, addr, 8, env->mmu_idx, env->vregs[op->rd].d[0]) ||
        !tl_store(cs, addr + 8, 8, env->mmu_idx, env->vregs[op->rd].d[1])) {
        return tl_stop(cs, op, TL_EXCP);
    }
    struct_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

/*
 * Single structure: sf = log2 element size, a = selem, b = lane index,
 * c = replicate (LDnR) bytes per register (8 or 16), else 0; imm, rm and
 * ra as for multiple structures.
 */
static int op_ld_single(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn), vals[4];
    unsigned selem = op->a, es = op->sf, s;

    for (s = 0; s < selem; s++) {
        TLLoad v = tl_load(cs, addr + (s << es), 1u << es, env->mmu_idx);
        if (!v.ok) {
            return tl_stop(cs, op, TL_EXCP);
        }
        vals[s] = v.val;
    }
    for (s = 0; s < selem; s++) {
        unsigned r = (op->rd + s) & 31;
        if (op->c) {
            unsigned e, n = op->c >> es;
            for (e = 0; e < n; e++) {
                vreg_set(env, r, e, es, vals[s]);
            }
            if (op->c == 8) {
                vreg_clear_high(env, r);
            }
        } else {
            vreg_set(env, r, op->b, es, vals[s]);
        }
    }
    struct_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

static int op_st_single(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);
    unsigned selem = op->a, es = op->sf, s;

    for (s = 0; s < selem; s++) {
        uint64_t v = vreg_get(env, (op->rd + s) & 31, op->b, es);
        if (!tl_store(cs, addr + (s << es), 1u << es, env->mmu_idx, v)) {
            return tl_stop(cs, op, TL_EXCP);
        }
    }
    struct_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders ------------------------------------------------------- */

static bool disas_ld_lit_v(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opc = extract32(insn, 30, 2);

    if (opc == 3) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->sf = opc + 2;
    op->fn = ldst_v_fns[AM_IMM][1][op->sf];
    op->rn = ARM_XREG_ZR;
    op->imm = s->pc + sext_field(insn, 5, 19, 2);
    op->rd = insn & 0x1f;
    return true;
}

static bool disas_ldst_pair_v(DisasContext *s, TLOp *op, uint32_t insn)
{
    static const uint8_t modes[4] = { 0, 2, 0, 1 };  /* NP, post, off, pre */
    static TLOpFn const fns[2][3] = {
        { op_stp_s, op_stp_d, op_stp_q }, { op_ldp_s, op_ldp_d, op_ldp_q },
    };
    unsigned opc = extract32(insn, 30, 2);
    bool load = extract32(insn, 22, 1);

    if (opc == 3) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->sf = opc + 2;
    op->fn = fns[load][opc];
    op->b = modes[extract32(insn, 23, 2)];
    op->imm = sext_field(insn, 15, 7, op->sf);
    op->rn = reg_sp(extract32(insn, 5, 5));
    op->rd = insn & 0x1f;
    op->ra = extract32(insn, 10, 5);
    return true;
}

static bool disas_ldst_reg_v(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* imm9 forms by insn[11:10]: unscaled, post, (unprivileged), pre. */
    static const int imm9_modes[4] = { AM_IMM, AM_POST, -1, AM_PRE };
    unsigned size = extract32(insn, 30, 2), opc = extract32(insn, 22, 2);
    unsigned sz = (opc & 2) << 1 | size;    /* opc<1> selects Q (size 0) */
    bool load = opc & 1;
    int am;

    if (sz > 4) {
        return false;
    }
    if (extract32(insn, 24, 1)) {                   /* unsigned offset */
        am = AM_IMM;
        op->imm = (uint64_t)extract32(insn, 10, 12) << sz;
    } else if (!extract32(insn, 21, 1)) {           /* imm9 forms */
        am = imm9_modes[extract32(insn, 10, 2)];
        if (am < 0) {
            return false;
        }
        op->imm = (uint64_t)(int64_t)sextract32(insn, 12, 9);
    } else if (extract32(insn, 10, 2) == 2) {       /* register offset */
        unsigned option = extract32(insn, 13, 3);
        if (!(option & 2)) {
            return false;
        }
        am = AM_REG;
        op->rm = reg_zr_r(extract32(insn, 16, 5));
        op->c = option;
        op->ra = extract32(insn, 12, 1) ? sz : 0;
    } else {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->sf = sz;
    op->fn = ldst_v_fns[am][load][sz];
    op->rn = reg_sp(extract32(insn, 5, 5));
    op->rd = insn & 0x1f;
    return true;
}

/* Post-index: Rm = 31 adds the access size, else X[Rm]. */
static void struct_post_index(TLOp *op, uint32_t insn, unsigned bytes)
{
    unsigned rm = extract32(insn, 16, 5);

    if (!extract32(insn, 23, 1)) {
        op->ra = STRUCT_WB_NONE;
    } else if (rm == 31) {
        op->ra = STRUCT_WB_IMM;
        op->imm = bytes;
    } else {
        op->ra = STRUCT_WB_REG;
        op->rm = rm;
    }
}

static bool disas_ldst_multiple(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* opcode insn[15:12] -> registers and elements per structure
     * (0: unallocated). */
    static const uint8_t rpt[16] = { 1, 0, 4, 0, 1, 0, 3, 1, 1, 0, 2 };
    static const uint8_t selem[16] = { 4, 0, 1, 0, 3, 0, 1, 1, 2, 0, 1 };
    unsigned opcode = extract32(insn, 12, 4), es = extract32(insn, 10, 2);
    bool q = extract32(insn, 30, 1), load = extract32(insn, 22, 1);

    if (!rpt[opcode] || (es == 3 && !q && selem[opcode] > 1) ||
        extract32(insn, 21, 1) ||
        (!extract32(insn, 23, 1) && extract32(insn, 16, 5))) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->fn = load ? op_ld_multiple : op_st_multiple;
    op->rd = insn & 0x1f;
    op->rn = reg_sp(extract32(insn, 5, 5));
    op->sf = es;
    op->a = selem[opcode];
    op->b = rpt[opcode] * selem[opcode];
    op->c = q ? 16 : 8;
    struct_post_index(op, insn, op->b * op->c);
    if (op->b == 1 && q) {
        op->fn = load ? op_ld1_q : op_st1_q;
    }
    return true;
}

static bool disas_ldst_single(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opcode = extract32(insn, 13, 3), size = extract32(insn, 10, 2);
    bool q = extract32(insn, 30, 1), load = extract32(insn, 22, 1);
    bool bit_s = extract32(insn, 12, 1);
    unsigned selem = ((opcode & 1) << 1 | extract32(insn, 21, 1)) + 1;
    unsigned scale = opcode >> 1, index = 0;
    bool replicate = false;

    switch (scale) {
    case 3:
        if (!load || bit_s) {
            return false;
        }
        scale = size;
        replicate = true;
        break;
    case 0:
        index = q << 3 | bit_s << 2 | size;
        break;
    case 1:
        if (size & 1) {
            return false;
        }
        index = q << 2 | bit_s << 1 | size >> 1;
        break;
    case 2:
        if (size & 2) {
            return false;
        }
        if (size & 1) {
            if (bit_s) {
                return false;
            }
            scale = 3;
            index = q;
        } else {
            index = q << 1 | bit_s;
        }
        break;
    }
    if (!extract32(insn, 23, 1) && extract32(insn, 16, 5)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->fn = load ? op_ld_single : op_st_single;
    op->rd = insn & 0x1f;
    op->rn = reg_sp(extract32(insn, 5, 5));
    op->sf = scale;
    op->a = selem;
    op->b = index;
    op->c = replicate ? (q ? 16 : 8) : 0;
    struct_post_index(op, insn, selem << scale);
    return true;
}

bool disas_ldst_simd(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* Structures: insn[31] = 0, insn[29:24] = 00110x; insn[23] is
     * post-index. */
    if ((insn & 0xbf000000) == 0x0c000000) {
        return disas_ldst_multiple(s, op, insn);
    }
    if ((insn & 0xbf000000) == 0x0d000000) {
        return disas_ldst_single(s, op, insn);
    }
    if ((insn & 0x3f000000) == 0x1c000000) {
        return disas_ld_lit_v(s, op, insn);
    }
    if ((insn & 0x3e000000) == 0x2c000000) {
        return disas_ldst_pair_v(s, op, insn);
    }
    if ((insn & 0x3e000000) == 0x3c000000) {
        return disas_ldst_reg_v(s, op, insn);
    }
    return false;
}
