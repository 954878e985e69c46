/*
 * A64 loads and stores of general registers (ARM ARM C4.1.87): register
 * (unsigned offset, unscaled, pre/post-index, register offset, literal),
 * pairs (offset, pre/post-index, non-temporal, LDPSW), and PRFM as a NOP.
 * Exclusives and acquire/release are in exec-ldst-excl.c.
 *
 * Op fields: sf = log2(access size), a = extension (LD_ZEXT, LD_SEXT64,
 * LD_SEXT32), rd = Rt, ra = Rt2 (pairs) or the index shift (register
 * offset), rn = base (31 is SP), rm = index register, c = extend option,
 * imm = the offset, already scaled.
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "internals.h"

#define X(i) (env->xregs[(i)])

enum { LD_ZEXT, LD_SEXT64, LD_SEXT32 };

static inline uint64_t ld_extend(uint64_t v, unsigned size_log2, unsigned ext)
{
    unsigned bits = 8u << size_log2;

    if (ext == LD_ZEXT || bits == 64) {
        return v;
    }
    v = (uint64_t)((int64_t)(v << (64 - bits)) >> (64 - bits));
    return ext == LD_SEXT32 ? (uint32_t)v : v;
}

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

/* Addressing modes of single-register accesses. */
/* AM_UNPRIV: LDTR/STTR, an unscaled offset accessed with EL0's rights. */
enum { AM_IMM, AM_PRE, AM_POST, AM_REG, AM_UNPRIV };

/*
 * One load or store. Instantiated below for every mode, size and
 * extension, so each handler has constants where the decoder knew them
 * (no switch on the size at run time).
 *
 * A store that overwrote translated code has invalidated those blocks, so
 * their next execution sees the new code. The block running now finishes
 * with the code it was translated from, as on QEMU (which has precise SMC
 * for x86 only); the ARM ARM allows either until IC IVAU + ISB.
 */
static inline __attribute__((always_inline))
int ldst_one(CPUState *cs, const TLOp *op, int am, bool is_load,
             unsigned sz, unsigned ext)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t addr = X(op->rn);
    int mmu_idx = am == AM_UNPRIV ? ARM_MMU_IDX_EL0 : env->mmu_idx;

    if (am == AM_IMM || am == AM_PRE || am == AM_UNPRIV) {
        addr += op->imm;
    } else if (am == AM_REG) {
        addr += index_reg(env, op);
    }
    if (is_load) {
        TLLoad v = tl_load(cs, addr, 1u << sz, mmu_idx);
        if (!v.ok) {
            return tl_stop(cs, op, TL_EXCP);
        }
        X(op->rd) = ld_extend(v.val, sz, ext);
    } else if (!tl_store(cs, addr, 1u << sz, mmu_idx, X(op->rd))) {
        return tl_stop(cs, op, TL_EXCP);
    }
    if (am == AM_PRE) {
        X(op->rn) = addr;
    } else if (am == AM_POST) {
        X(op->rn) = addr + op->imm;
    }
    TL_GOTO_NEXT(cs, op);
}

#define DEF_LD(am, sz, ext)                                               \
    static int op_ld_##am##_##sz##_##ext(CPUState *cs, const TLOp *op)    \
    {                                                                     \
        return ldst_one(cs, op, AM_##am, true, sz, ext);                  \
    }
#define DEF_ST(am, sz)                                                    \
    static int op_st_##am##_##sz(CPUState *cs, const TLOp *op)            \
    {                                                                     \
        return ldst_one(cs, op, AM_##am, false, sz, 0);                   \
    }
#define DEF_MODE(am)                                                      \
    DEF_LD(am, 0, 0) DEF_LD(am, 0, 1) DEF_LD(am, 0, 2)                    \
    DEF_LD(am, 1, 0) DEF_LD(am, 1, 1) DEF_LD(am, 1, 2)                    \
    DEF_LD(am, 2, 0) DEF_LD(am, 2, 1) DEF_LD(am, 3, 0)                    \
    DEF_ST(am, 0) DEF_ST(am, 1) DEF_ST(am, 2) DEF_ST(am, 3)

DEF_MODE(IMM)
DEF_MODE(PRE)
DEF_MODE(POST)
DEF_MODE(REG)
DEF_MODE(UNPRIV)

#define MODE_TABLE(am) {                                                  \
    { { op_st_##am##_0 }, { op_st_##am##_1 },                             \
      { op_st_##am##_2 }, { op_st_##am##_3 } },                           \
    { { op_ld_##am##_0_0, op_ld_##am##_0_1, op_ld_##am##_0_2 },           \
      { op_ld_##am##_1_0, op_ld_##am##_1_1, op_ld_##am##_1_2 },           \
      { op_ld_##am##_2_0, op_ld_##am##_2_1, NULL },                       \
      { op_ld_##am##_3_0, NULL, NULL } } }

/* [mode][is_load][log2 size][extension] */
static TLOpFn const ldst_fns[5][2][4][3] = {
    MODE_TABLE(IMM), MODE_TABLE(PRE), MODE_TABLE(POST), MODE_TABLE(REG),
    MODE_TABLE(UNPRIV),
};

static TLOpFn ldst_fn(int am, bool is_load, unsigned sz, unsigned ext)
{
    TLOpFn fn = ldst_fns[am][is_load][sz][is_load ? ext : 0];

    g_assert(fn);       /* the decoder only asks for valid combinations */
    return fn;
}

/* ---- Pairs: b = mode (0 offset, 1 pre, 2 post), ra = Rt2. ---------- */

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

static int op_ldp(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned size = 1u << op->sf;
    uint64_t addr = pair_addr(env, op);
    TLLoad v1 = tl_load(cs, addr, size, env->mmu_idx), v2;

    if (!v1.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    v2 = tl_load(cs, addr + size, size, env->mmu_idx);
    if (!v2.ok) {
        return tl_stop(cs, op, TL_EXCP);
    }
    X(op->rd) = ld_extend(v1.val, op->sf, op->a);
    X(op->ra) = ld_extend(v2.val, op->sf, op->a);
    pair_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

static int op_stp(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    unsigned size = 1u << op->sf;
    uint64_t addr = pair_addr(env, op);
    uint64_t v1 = X(op->rd), v2 = X(op->ra);

    if (!tl_store(cs, addr, size, env->mmu_idx, v1) ||
        !tl_store(cs, addr + size, size, env->mmu_idx, v2)) {
        return tl_stop(cs, op, TL_EXCP);
    }
    pair_writeback(env, op, addr);
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoders ------------------------------------------------------- */

/* size:opc -> load extension, or -1 for a store, -2 PRFM, -3 UNDEF. */
static int ldst_kind(unsigned size, unsigned opc)
{
    switch (opc) {
    case 0: return -1;
    case 1: return LD_ZEXT;
    case 2:
        return size == 3 ? -2 : LD_SEXT64;
    default:
        return size >= 2 ? -3 : LD_SEXT32;
    }
}

static bool disas_ld_lit(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opc = extract32(insn, 30, 2);

    if (extract32(insn, 26, 1)) {
        return false;                   /* FP/SIMD literal: later */
    }
    if (opc == 3) {
        op->fn = op_nop;                /* PRFM (literal) */
        return true;
    }
    /* The address is a constant: base = the zero register. */
    op->rn = ARM_XREG_ZR;
    op->imm = s->pc + sext_field(insn, 5, 19, 2);
    op->sf = opc == 1 ? 3 : 2;
    op->a = opc == 2 ? LD_SEXT64 : LD_ZEXT;
    op->fn = ldst_fn(AM_IMM, true, op->sf, op->a);
    op->rd = reg_zr_w(insn & 0x1f);
    return true;
}

static bool disas_ldst_pair(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opc = extract32(insn, 30, 2), mode = extract32(insn, 23, 2);
    bool load = extract32(insn, 22, 1);
    static const uint8_t modes[4] = { 0, 2, 0, 1 };  /* NP, post, off, pre */

    if (extract32(insn, 26, 1) || opc == 3) {
        return false;                   /* FP/SIMD pairs: later */
    }
    if (opc == 1 && (!load || mode == 0)) {
        return false;                   /* STGP (MTE), LDNP of opc 01 */
    }
    op->sf = opc == 2 ? 3 : 2;
    op->a = opc == 1 ? LD_SEXT64 : LD_ZEXT;
    op->b = modes[mode];
    op->imm = sext_field(insn, 15, 7, op->sf);
    op->rn = reg_sp(extract32(insn, 5, 5));
    if (load) {
        op->fn = op_ldp;
        op->rd = reg_zr_w(insn & 0x1f);
        op->ra = reg_zr_w(extract32(insn, 10, 5));
    } else {
        op->fn = op_stp;
        op->rd = reg_zr_r(insn & 0x1f);
        op->ra = reg_zr_r(extract32(insn, 10, 5));
    }
    return true;
}

static bool disas_ldst_reg(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* imm9 forms by insn[11:10]: unscaled, post, unprivileged, pre. */
    static const int imm9_modes[4] = { AM_IMM, AM_POST, AM_UNPRIV, AM_PRE };
    unsigned size = extract32(insn, 30, 2), opc = extract32(insn, 22, 2);
    int kind = ldst_kind(size, opc);
    unsigned rt = insn & 0x1f;

    if (extract32(insn, 26, 1) || kind == -3) {
        return false;                   /* FP/SIMD registers: later */
    }
    op->sf = size;
    op->a = kind < 0 ? 0 : kind;
    op->rn = reg_sp(extract32(insn, 5, 5));
    op->rd = kind == -1 ? reg_zr_r(rt) : reg_zr_w(rt);
    if (extract32(insn, 24, 1)) {                   /* unsigned offset */
        op->fn = ldst_fn(AM_IMM, kind != -1, size, op->a);
        op->imm = (uint64_t)extract32(insn, 10, 12) << size;
    } else if (!extract32(insn, 21, 1)) {           /* imm9 forms */
        unsigned mode = extract32(insn, 10, 2);
        if (kind == -2 && mode != 0) {
            return false;               /* PRFM only as PRFUM */
        }
        op->fn = ldst_fn(imm9_modes[mode], kind != -1, size, op->a);
        op->imm = (uint64_t)(int64_t)sextract32(insn, 12, 9);
    } else if (extract32(insn, 10, 2) == 2) {       /* register offset */
        unsigned option = extract32(insn, 13, 3);
        if (!(option & 2)) {
            return false;
        }
        op->fn = ldst_fn(AM_REG, kind != -1, size, op->a);
        op->rm = reg_zr_r(extract32(insn, 16, 5));
        op->c = option;
        op->ra = extract32(insn, 12, 1) ? size : 0;
    } else {
        return false;                   /* atomics, LDRA: not yet */
    }
    if (kind == -2) {
        memset(op, 0, sizeof(*op));
        op->fn = op_nop;                /* PRFM: a hint, no access */
    }
    return true;
}

bool disas_ldst(DisasContext *s, TLOp *op, uint32_t insn)
{
    /* V = 1 (SIMD&FP registers, including the structure loads/stores
     * whose class has bit 26 set): exec-ldst-simd.c. */
    if (extract32(insn, 26, 1)) {
        return disas_ldst_simd(s, op, insn);
    }
    if ((insn & 0x3b000000) == 0x18000000) {
        return disas_ld_lit(s, op, insn);
    }
    if ((insn & 0x3a000000) == 0x28000000) {
        return disas_ldst_pair(s, op, insn);
    }
    if ((insn & 0x3a000000) == 0x38000000) {
        return disas_ldst_reg(s, op, insn);
    }
    if ((insn & 0x3f000000) == 0x08000000) {
        return disas_ldst_excl(s, op, insn);
    }
    return false;                       /* SIMD structures, atomics... */
}
