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
    bool fp_enabled;        /* CPACR_EL1.FPEN lets this EL use FP/SIMD */
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

/* Block flags (arm_get_tb_state): what decoding depends on. */
#define ARM_TBFLAG_EL_MASK   0x3
#define ARM_TBFLAG_SPSEL     0x4
#define ARM_TBFLAG_FPEN      0x8
#define ARM_TBFLAG_IL        0x10   /* PSTATE.IL: every insn traps */
#define ARM_TBFLAG_PCALIGN   0x20   /* PC not 4-aligned: alignment fault */
/* Self-hosted debug (debug.h): set only while MDSCR_EL1 enables it. */
#define ARM_TBFLAG_SS_ACTIVE 0x40   /* software step active */
#define ARM_TBFLAG_PSTATE_SS 0x80   /* PSTATE.SS: step one, then trap */
#define ARM_TBFLAG_BKPT      0x100  /* breakpoints can fire here */

/* Decoders by instruction class. */
bool disas_dp_imm(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_dp_reg(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_branch_sys(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_ldst(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_ldst_excl(DisasContext *s, TLOp *op, uint32_t insn);
/* Advanced SIMD and FP (decode-a64.c dispatches to these in turn; each
 * accepts only the encodings its file implements, false otherwise). */
bool disas_fp_scalar(DisasContext *s, TLOp *op, uint32_t insn); /* exec-fp.c */
bool disas_simd_int(DisasContext *s, TLOp *op, uint32_t insn); /* exec-simd-int.c */
bool disas_simd_fpvec(DisasContext *s, TLOp *op, uint32_t insn); /* exec-simd-fp.c */
bool disas_crypto(DisasContext *s, TLOp *op, uint32_t insn);  /* exec-crypto.c */
/* Loads and stores of SIMD&FP registers (V = 1): exec-ldst-simd.c. */
bool disas_ldst_simd(DisasContext *s, TLOp *op, uint32_t insn);
/* CRC32/CRC32C (data-processing 2-source): exec-crc32.c. */
bool disas_crc32(DisasContext *s, TLOp *op, uint32_t insn);
/* SYS encodings of the MMU: TLBI (CRn 8) and AT (CRn 7, CRm 8): mmu.c. */
bool disas_tlbi(DisasContext *s, TLOp *op, uint32_t insn);
bool disas_at(DisasContext *s, TLOp *op, uint32_t insn);
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

/* ESR of an FP/SIMD access trapped by CPACR_EL1.FPEN (cv = 1, cond AL,
 * as QEMU reports it). */
static inline uint32_t arm_syn_fp_access_trap(void)
{
    return EC_ADVSIMDFPACCESSTRAP << 26 | ARM_EL_IL | 1u << 24 | 0xeu << 20;
}

/*
 * Call first in every FP/SIMD decoder once the encoding is known to be
 * valid: if FP is disabled at this EL, turns op into the access trap and
 * returns false; the decoder then returns true (the op is complete).
 */
bool arm_fp_access_check(DisasContext *s, TLOp *op);

int op_undef(CPUState *cs, const TLOp *op);
int op_nop(CPUState *cs, const TLOp *op);

#endif
