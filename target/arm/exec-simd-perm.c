/*
 * Advanced SIMD data movement (ARM ARM C4.1.95): copy (DUP, INS, SMOV,
 * UMOV, and scalar DUP), modified immediate (MOVI, MVNI, ORR, BIC, FMOV
 * vector), EXT, TBL/TBX and the permutes (UZP, TRN, ZIP).
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "simd-int.h"

#define V(i) (env->vregs[(i)])
#define X(i) (env->xregs[(i)])

/* x replicated across 64 bits, for elements of size es. */
static inline uint64_t dup64(uint64_t x, unsigned es)
{
    static const uint64_t rep[4] = {
        0x0101010101010101ULL, 0x0001000100010001ULL,
        0x0000000100000001ULL, 1,
    };
    return (x & simd_mask(es)) * rep[es];
}

/* ---- Copy --------------------------------------------------------------- */

/* DUP (element): a = es, c = index, b = Q. */
static int op_dup_elem(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = dup64(velt(&V(op->rn), op->c, op->a), op->a);

    V(op->rd).d[0] = v;
    V(op->rd).d[1] = op->b ? v : 0;
    TL_GOTO_NEXT(cs, op);
}

/* DUP (scalar) = MOV Vd.<T>[0] to a scalar: a = es, c = index. */
static int op_dup_scalar(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = velt(&V(op->rn), op->c, op->a);

    V(op->rd).d[0] = v;
    V(op->rd).d[1] = 0;
    TL_GOTO_NEXT(cs, op);
}

/* DUP (general): rn is an X slot (31 = XZR). */
static int op_dup_gen(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = dup64(X(op->rn), op->a);

    V(op->rd).d[0] = v;
    V(op->rd).d[1] = op->b ? v : 0;
    TL_GOTO_NEXT(cs, op);
}

/* INS (general): element c of Vd = X(rn); the others are kept. */
static int op_ins_gen(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    velt_set(&V(op->rd), op->c, op->a, X(op->rn));
    TL_GOTO_NEXT(cs, op);
}

/* INS (element): Vd[c] = Vn[ra]. */
static int op_ins_elem(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    velt_set(&V(op->rd), op->c, op->a, velt(&V(op->rn), op->ra, op->a));
    TL_GOTO_NEXT(cs, op);
}

/* UMOV / SMOV: rd is an X slot; ra = signed, sf = 64-bit result. */
static int op_mov_to_gen(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t v = velt(&V(op->rn), op->c, op->a);

    if (op->ra) {
        v = simd_sext(v, op->a);
    }
    X(op->rd) = op->sf ? v : (uint32_t)v;
    TL_GOTO_NEXT(cs, op);
}

bool disas_simd_copy(DisasContext *s, TLOp *op, uint32_t insn)
{
    bool scalar = extract32(insn, 28, 1);
    unsigned q = extract32(insn, 30, 1), opbit = extract32(insn, 29, 1);
    unsigned imm5 = extract32(insn, 16, 5), imm4 = extract32(insn, 11, 4);
    unsigned rd = extract32(insn, 0, 5), rn = extract32(insn, 5, 5), es;

    if (!(imm5 & 0xf)) {
        return false;
    }
    es = __builtin_ctz(imm5);
    op->a = es;
    op->c = imm5 >> (es + 1);
    op->b = q;
    op->rd = rd;
    op->rn = rn;
    if (scalar) {
        if (opbit || imm4) {
            return false;
        }
        op->fn = op_dup_scalar;
    } else if (opbit) {
        if (!q) {
            return false;
        }
        op->fn = op_ins_elem;
        op->ra = imm4 >> es;
    } else {
        switch (imm4) {
        case 0:
            if (es == 3 && !q) {
                return false;
            }
            op->fn = op_dup_elem;
            break;
        case 1:
            if (es == 3 && !q) {
                return false;
            }
            op->fn = op_dup_gen;
            op->rn = reg_zr_r(rn);
            break;
        case 3:
            if (!q) {
                return false;
            }
            op->fn = op_ins_gen;
            op->rn = reg_zr_r(rn);
            break;
        case 5:                 /* SMOV */
            if (es >= 2 + q) {
                return false;
            }
            op->fn = op_mov_to_gen;
            op->rd = reg_zr_w(rd);
            op->ra = 1;
            op->sf = q;
            break;
        case 7:                 /* UMOV */
            if (q ? es != 3 : es == 3) {
                return false;
            }
            op->fn = op_mov_to_gen;
            op->rd = reg_zr_w(rd);
            op->sf = q;
            break;
        default:
            return false;
        }
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    return true;
}

/* ---- Modified immediate ---------------------------------------------------- */

/* MOVI/MVNI/FMOV: the vector is imm (twice for Q, b). */
static int op_movi(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    V(op->rd).d[0] = op->imm;
    V(op->rd).d[1] = op->b ? op->imm : 0;
    TL_GOTO_NEXT(cs, op);
}

static int op_orr_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    V(op->rd).d[0] |= op->imm;
    V(op->rd).d[1] = op->b ? V(op->rd).d[1] | op->imm : 0;
    TL_GOTO_NEXT(cs, op);
}

/* BIC: imm is already inverted. */
static int op_and_imm(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    V(op->rd).d[0] &= op->imm;
    V(op->rd).d[1] = op->b ? V(op->rd).d[1] & op->imm : 0;
    TL_GOTO_NEXT(cs, op);
}

/* AdvSIMDExpandImm for the integer cmodes (0-13, 14). */
static uint64_t simd_expand_imm(unsigned opbit, unsigned cmode, uint64_t i8)
{
    uint64_t r;
    int b;

    switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:
        return dup64(i8 << (8 * (cmode >> 1)), 2);
    case 4: case 5:
        return dup64(i8 << (8 * (cmode >> 1 & 1)), 1);
    case 6:
        return dup64(cmode & 1 ? (i8 << 16) | 0xffff : (i8 << 8) | 0xff, 2);
    default:
        if (!opbit) {
            return dup64(i8, 0);
        }
        for (r = 0, b = 0; b < 8; b++) {
            if (i8 & (1u << b)) {
                r |= 0xffULL << (8 * b);
            }
        }
        return r;
    }
}

/* VFPExpandImm for FMOV (vector, immediate): single (sz 0) or double. */
static uint64_t simd_fp_expand_imm(uint64_t i8, bool dbl)
{
    uint64_t sign = i8 >> 7, b6 = i8 >> 6 & 1, low = i8 & 0x3f;

    if (dbl) {
        return sign << 63 | (b6 ? 0xffULL : 0x100ULL) << 54 | low << 48;
    }
    return dup64(sign << 31 | (b6 ? 0x1fULL : 0x20ULL) << 25 | low << 19, 2);
}

bool disas_simd_mod_imm(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned q = extract32(insn, 30, 1), opbit = extract32(insn, 29, 1);
    unsigned cmode = extract32(insn, 12, 4), o2 = extract32(insn, 11, 1);
    uint64_t i8 = extract32(insn, 16, 3) << 5 | extract32(insn, 5, 5);
    uint64_t imm;
    bool logic;

    if (o2) {
        return false;
    }
    if (cmode == 15) {
        if (opbit && !q) {
            return false;
        }
        imm = simd_fp_expand_imm(i8, opbit);
        logic = false;
    } else {
        imm = simd_expand_imm(opbit, cmode, i8);
        /* ORR/BIC: cmode 0xx1 and 10x1. */
        logic = (cmode & 1) && cmode < 12;
        if (opbit && cmode < 14 && !logic) {
            imm = ~imm;                 /* MVNI */
        }
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->b = q;
    op->imm = imm;
    if (!logic) {
        op->fn = op_movi;
    } else if (opbit) {
        op->fn = op_and_imm;
        op->imm = ~imm;
    } else {
        op->fn = op_orr_imm;
    }
    return true;
}

/* ---- EXT ---------------------------------------------------------------- */

/* a = first byte; b = Q. Bytes a.. of Vm:Vn (16 or 8 bytes each). */
static int op_ext(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint8_t buf[32];
    ARMVectorReg r = { { 0, 0 } };
    unsigned len = op->b ? 16 : 8;

    memcpy(buf, V(op->rn).d, len);
    memcpy(buf + len, V(op->rm).d, len);
    memcpy(r.d, buf + op->a, len);
    V(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

bool disas_simd_ext(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned q = extract32(insn, 30, 1), imm4 = extract32(insn, 11, 4);

    if (!q && imm4 >= 8) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->fn = op_ext;
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
    op->a = imm4;
    op->b = q;
    return true;
}

/* ---- TBL / TBX ------------------------------------------------------------ */

/* rn = first table register, a = count (1-4), c = TBX, b = Q. */
static int op_tbl(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint8_t table[64];
    ARMVectorReg idx = V(op->rm), r;
    unsigned len = 16 * op->a, n = op->b ? 16 : 8, i;

    for (i = 0; i < op->a; i++) {
        memcpy(table + 16 * i, V((op->rn + i) & 31).d, 16);
    }
    r = op->c ? V(op->rd) : (ARMVectorReg){ { 0, 0 } };
    for (i = 0; i < n; i++) {
        unsigned x = ((uint8_t *)idx.d)[i];

        if (x < len) {
            ((uint8_t *)r.d)[i] = table[x];
        }
    }
    if (!op->b) {
        r.d[1] = 0;
    }
    V(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

bool disas_simd_tbl(DisasContext *s, TLOp *op, uint32_t insn)
{
    if (extract32(insn, 22, 2)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->fn = op_tbl;
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
    op->a = extract32(insn, 13, 2) + 1;
    op->c = extract32(insn, 12, 1);
    op->b = extract32(insn, 30, 1);
    return true;
}

/* ---- Permute -------------------------------------------------------------- */

/* a = es, b = element count, c = opcode (1 UZP1, 2 TRN1, 3 ZIP1, +4 for
 * the "2" forms). */
static int op_permute(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    ARMVectorReg n = V(op->rn), m = V(op->rm), r = { { 0, 0 } };
    unsigned es = op->a, cnt = op->b, part = op->c >> 2, i;

    for (i = 0; i < cnt; i++) {
        uint64_t x;

        switch (op->c & 3) {
        case 1: {               /* UZP: even (odd) elements of Vm:Vn */
            unsigned j = 2 * i + part;
            x = j < cnt ? velt(&n, j, es) : velt(&m, j - cnt, es);
            break;
        }
        case 2: {               /* TRN */
            unsigned j = (i & ~1u) + part;
            x = (i & 1) ? velt(&m, j, es) : velt(&n, j, es);
            break;
        }
        default: {              /* ZIP */
            unsigned j = part * cnt / 2 + i / 2;
            x = (i & 1) ? velt(&m, j, es) : velt(&n, j, es);
            break;
        }
        }
        velt_set(&r, i, es, x);
    }
    V(op->rd) = r;
    TL_GOTO_NEXT(cs, op);
}

bool disas_simd_permute(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned q = extract32(insn, 30, 1), size = extract32(insn, 22, 2);
    unsigned opc = extract32(insn, 12, 3);

    if (!(opc & 3) || (size == 3 && !q)) {
        return false;
    }
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->fn = op_permute;
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
    op->a = size;
    op->b = (8u << q) >> size;
    op->c = opc;
    return true;
}
