/*
 * Private to target/arm: the A64 decoder's context and the helpers the
 * op handlers share. Decoders (decode-*.c) fill one TLOp per instruction
 * and return false for an unallocated or unimplemented encoding, which
 * decode-a64.c turns into an UNDEF op.
 */
#ifndef TARGET_ARM_TRANSLATE_H
#define TARGET_ARM_TRANSLATE_H

#include "cpu.h"

typedef struct DisasContext {
    uint64_t pc;            /* of the instruction being decoded */
    int el;
    bool spsel;             /* PSTATE.SP: SP_ELx in use */
    bool end_tb;            /* this instruction ends the block */
    TranslationBlock *tb;
} DisasContext;

/* Register number -> xregs[] slot, by the instruction's rule for 31. */
static inline uint8_t reg_sp(unsigned r)
{
    return r;
}

static inline uint8_t reg_zr_r(unsigned r)
{
    return r == 31 ? ARM_XREG_ZR : r;
}

static inline uint8_t reg_zr_w(unsigned r)
{
    return r == 31 ? ARM_XREG_SINK : r;
}

static inline uint32_t extract32(uint32_t v, int pos, int len)
{
    return (v >> pos) & (~0u >> (32 - len));
}

static inline int32_t sextract32(uint32_t v, int pos, int len)
{
    return (int32_t)(v << (32 - pos - len)) >> (32 - len);
}

/* A signed field scaled by 2^shift, as an address offset (no UB shift). */
static inline uint64_t sext_field(uint32_t insn, int pos, int len, int shift)
{
    return (uint64_t)(int64_t)sextract32(insn, pos, len) << shift;
}

/* Decoders by instruction class. */
bool disas_dp_imm(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_dp_reg(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_branch_sys(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_ldst(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_ldst_excl(DisasContext *s, TLOp *op, uint32_t insn);
/* Branches and system (exec-branch.c, exec-sys.c). */
bool disas_branch(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_system(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_exception(DisasContext *s, TLOp *op, uint32_t insn);

/* DecodeBitMasks for logical immediates; false if reserved. */
bool logic_imm_decode_wmask(uint64_t *result, unsigned n, unsigned imms,
                            unsigned immr);

/* ---- Helpers for handlers ------------------------------------------- */

static inline uint64_t arm_wreg(int sf, uint64_t v)
{
    return sf ? v : (uint32_t)v;
}

/* a + b + cin with NZCV, 64- or 32-bit. */
static inline uint64_t arm_add_cc(CPUARMState *env, int sf, uint64_t a,
                                  uint64_t b, uint64_t cin)
{
    if (sf) {
        unsigned __int128 t = (unsigned __int128)a + b + cin;
        uint64_t r = (uint64_t)t;
        env->CF = (uint64_t)(t >> 64);
        env->VF = (r ^ a) & ~(a ^ b);
        env->NF = env->ZF = r;
        return r;
    } else {
        uint32_t a32 = a, b32 = b;
        uint64_t t = (uint64_t)a32 + b32 + cin;
        uint32_t r = (uint32_t)t;
        env->CF = t >> 32;
        env->VF = (uint64_t)(int64_t)(int32_t)((r ^ a32) & ~(a32 ^ b32));
        env->NF = (uint64_t)(int64_t)(int32_t)r;
        env->ZF = r;
        return r;
    }
}

/* N and Z from a logical result, C and V cleared. */
static inline void arm_logic_cc(CPUARMState *env, int sf, uint64_t r)
{
    env->NF = sf ? r : (uint64_t)(int64_t)(int32_t)r;
    env->ZF = sf ? r : (uint32_t)r;
    env->CF = 0;
    env->VF = 0;
}

static inline bool arm_cond_holds(const CPUARMState *env, unsigned cond)
{
    bool n = env->NF >> 63, z = env->ZF == 0, c = env->CF, v = env->VF >> 63;
    bool r;

    switch (cond >> 1) {
    case 0: r = z; break;               /* EQ / NE */
    case 1: r = c; break;               /* CS / CC */
    case 2: r = n; break;               /* MI / PL */
    case 3: r = v; break;               /* VS / VC */
    case 4: r = c && !z; break;         /* HI / LS */
    case 5: r = n == v; break;          /* GE / LT */
    case 6: r = n == v && !z; break;    /* GT / LE */
    default: return true;               /* AL, NV */
    }
    return (cond & 1) ? !r : r;
}

/* Record a synchronous exception raised by op; returns TL_EXCP. */
static inline int arm_raise(CPUState *cs, const TLOp *op, int excp,
                            uint32_t syndrome)
{
    CPUARMState *env = cpu_env(cs);

    cs->exception_index = excp;
    env->exception.syndrome = syndrome;
    env->exception.target_el = env->el ? env->el : 1;
    return tl_stop(cs, op, TL_EXCP);
}

int op_undef(CPUState *cs, const TLOp *op);
int op_nop(CPUState *cs, const TLOp *op);

#endif
