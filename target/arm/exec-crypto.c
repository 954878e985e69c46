/*
 * The cortex-a57's crypto extension: AES (AESE, AESD, AESMC, AESIMC),
 * SHA1 (SHA1C/P/M/H/SU0/SU1), SHA256 (SHA256H/H2/SU0/SU1), and PMULL /
 * PMULL2 (AdvSIMD three different, opcode 1110: 8B->8H and 1D->1Q).
 *
 * Byte i of a V register is AES state byte i, i.e. row i % 4, column
 * i / 4 (FIPS-197 section 3.4). The SHA instructions follow the ARM ARM
 * pseudocode on 32-bit words, word 0 being bits 31:0.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "translate.h"
#include "vec.h"

/* FIPS-197 figure 7 and figure 14. */
static const uint8_t aes_sbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b,
    0xfe, 0xd7, 0xab, 0x76, 0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0,
    0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0, 0xb7, 0xfd, 0x93, 0x26,
    0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2,
    0xeb, 0x27, 0xb2, 0x75, 0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0,
    0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84, 0x53, 0xd1, 0x00, 0xed,
    0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f,
    0x50, 0x3c, 0x9f, 0xa8, 0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5,
    0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2, 0xcd, 0x0c, 0x13, 0xec,
    0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14,
    0xde, 0x5e, 0x0b, 0xdb, 0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c,
    0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79, 0xe7, 0xc8, 0x37, 0x6d,
    0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f,
    0x4b, 0xbd, 0x8b, 0x8a, 0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e,
    0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e, 0xe1, 0xf8, 0x98, 0x11,
    0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f,
    0xb0, 0x54, 0xbb, 0x16,
};
static const uint8_t aes_inv_sbox[256] = {
    0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e,
    0x81, 0xf3, 0xd7, 0xfb, 0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87,
    0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb, 0x54, 0x7b, 0x94, 0x32,
    0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
    0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49,
    0x6d, 0x8b, 0xd1, 0x25, 0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16,
    0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92, 0x6c, 0x70, 0x48, 0x50,
    0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
    0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05,
    0xb8, 0xb3, 0x45, 0x06, 0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02,
    0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b, 0x3a, 0x91, 0x11, 0x41,
    0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
    0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8,
    0x1c, 0x75, 0xdf, 0x6e, 0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89,
    0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b, 0xfc, 0x56, 0x3e, 0x4b,
    0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
    0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59,
    0x27, 0x80, 0xec, 0x5f, 0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d,
    0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef, 0xa0, 0xe0, 0x3b, 0x4d,
    0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
    0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63,
    0x55, 0x21, 0x0c, 0x7d,
};

/* ---- AES ---------------------------------------------------------------- */

static uint8_t gf_mul2(uint8_t x)
{
    return (uint8_t)(x << 1) ^ ((x & 0x80) ? 0x1b : 0);
}

static uint8_t gf_mul(uint8_t x, uint8_t k)
{
    uint8_t r = 0;

    for (; k; k >>= 1, x = gf_mul2(x)) {
        if (k & 1) {
            r ^= x;
        }
    }
    return r;
}

/* AESE / AESD: AddRoundKey, then (Inv)ShiftRows and (Inv)SubBytes; the
 * two commute, so the bytes are moved and substituted in one pass.
 * ShiftRows: new[r + 4c] = old[r + 4((c + r) % 4)]; InvShiftRows uses
 * c - r. */
static int op_aes_round(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    const uint8_t *box = op->a ? aes_inv_sbox : aes_sbox;
    uint8_t st[16], out[16];
    unsigned i;

    for (i = 0; i < 16; i++) {
        st[i] = vreg_bytes(env, op->rd)[i] ^ vreg_bytes(env, op->rn)[i];
    }
    for (i = 0; i < 16; i++) {
        unsigned r = i % 4, c = i / 4;
        unsigned from = op->a ? (c + 4 - r) % 4 : (c + r) % 4;

        out[i] = box[st[r + 4 * from]];
    }
    memcpy(vreg_bytes(env, op->rd), out, 16);
    TL_GOTO_NEXT(cs, op);
}

/* AESMC / AESIMC: each column times the circulant matrix whose first row
 * is k[0..3] ({2,3,1,1} or {e,b,d,9}). */
static int op_aes_mix(CPUState *cs, const TLOp *op)
{
    static const uint8_t mix[2][4] = { { 2, 3, 1, 1 }, { 14, 11, 13, 9 } };
    CPUARMState *env = cpu_env(cs);
    const uint8_t *k = mix[op->a];
    uint8_t in[16], out[16];
    unsigned c, r, j;

    memcpy(in, vreg_bytes(env, op->rn), 16);
    for (c = 0; c < 4; c++) {
        for (r = 0; r < 4; r++) {
            uint8_t v = 0;

            for (j = 0; j < 4; j++) {
                v ^= gf_mul(in[4 * c + j], k[(j + 4 - r) % 4]);
            }
            out[4 * c + r] = v;
        }
    }
    memcpy(vreg_bytes(env, op->rd), out, 16);
    TL_GOTO_NEXT(cs, op);
}

/* ---- SHA ---------------------------------------------------------------- */

static uint32_t rol32(uint32_t x, unsigned n)
{
    return n ? x << n | x >> (32 - n) : x;
}

static uint32_t ror32(uint32_t x, unsigned n)
{
    return rol32(x, (32 - n) & 31);
}

static void vreg_get_words(CPUARMState *env, unsigned r, uint32_t *w)
{
    memcpy(w, vreg_bytes(env, r), 16);
}

static void vreg_set_words(CPUARMState *env, unsigned r, const uint32_t *w)
{
    memcpy(vreg_bytes(env, r), w, 16);
}

static uint32_t sha1_choose(uint32_t x, uint32_t y, uint32_t z)
{
    return ((y ^ z) & x) ^ z;
}

static uint32_t sha1_parity(uint32_t x, uint32_t y, uint32_t z)
{
    return x ^ y ^ z;
}

static uint32_t sha1_majority(uint32_t x, uint32_t y, uint32_t z)
{
    return (x & y) | ((x | y) & z);
}

typedef uint32_t Sha1Fn(uint32_t x, uint32_t y, uint32_t z);

/* SHA1C (a = 0), SHA1P (1), SHA1M (2): four rounds on X = Vd (a, b, c,
 * d in words 0..3), Y = Sn (e), W = Vm. Each round rotates Y:X right by
 * one word, so Y takes word 3 and the new e lands in word 0. */
static int op_sha1_hash(CPUState *cs, const TLOp *op)
{
    static Sha1Fn *const fns[3] = { sha1_choose, sha1_parity, sha1_majority };
    CPUARMState *env = cpu_env(cs);
    Sha1Fn *fn = fns[op->a];
    uint32_t x[4], w[4], y = vreg_get(env, op->rn, 0, 2);
    unsigned e;

    vreg_get_words(env, op->rd, x);
    vreg_get_words(env, op->rm, w);
    for (e = 0; e < 4; e++) {
        uint32_t t = fn(x[1], x[2], x[3]);
        uint32_t ny;

        y += rol32(x[0], 5) + t + w[e];
        x[1] = rol32(x[1], 30);
        ny = x[3];
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = y;
        y = ny;
    }
    vreg_set_words(env, op->rd, x);
    TL_GOTO_NEXT(cs, op);
}

/* SHA1SU0: Vd = (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm. */
static int op_sha1su0(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t d0 = env->vregs[op->rd].d[0], d1 = env->vregs[op->rd].d[1];
    uint64_t n0 = env->vregs[op->rn].d[0];

    env->vregs[op->rd].d[0] = d1 ^ d0 ^ env->vregs[op->rm].d[0];
    env->vregs[op->rd].d[1] = n0 ^ d1 ^ env->vregs[op->rm].d[1];
    TL_GOTO_NEXT(cs, op);
}

/* SHA1H: Sd = ROL(Sn, 30). */
static int op_sha1h(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);

    vreg_set_scalar(env, op->rd, 2, rol32(vreg_get(env, op->rn, 0, 2), 30));
    TL_GOTO_NEXT(cs, op);
}

/* SHA1SU1: T = Vd ^ (Vn >> 32); each word rotated left by one, and word
 * 3 also takes ROL(T[0], 2). */
static int op_sha1su1(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint32_t d[4], n[4], t[4], r[4];
    unsigned i;

    vreg_get_words(env, op->rd, d);
    vreg_get_words(env, op->rn, n);
    for (i = 0; i < 4; i++) {
        t[i] = d[i] ^ (i < 3 ? n[i + 1] : 0);
        r[i] = rol32(t[i], 1);
    }
    r[3] ^= rol32(t[0], 2);
    vreg_set_words(env, op->rd, r);
    TL_GOTO_NEXT(cs, op);
}

static uint32_t sha256_sigma0(uint32_t x)
{
    return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22);
}

static uint32_t sha256_sigma1(uint32_t x)
{
    return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25);
}

/* SHA256hash(X, Y, W): four rounds; X holds a..d, Y e..h (word 0 first);
 * each round rotates Y:X right by one word across the pair. a = 1 for
 * SHA256H2, which returns Y with the roles of Vd and Vn swapped. */
static int op_sha256_hash(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint32_t x[4], y[4], w[4];
    unsigned e;

    vreg_get_words(env, op->a ? op->rn : op->rd, x);
    vreg_get_words(env, op->a ? op->rd : op->rn, y);
    vreg_get_words(env, op->rm, w);
    for (e = 0; e < 4; e++) {
        uint32_t chs = sha1_choose(y[0], y[1], y[2]);
        uint32_t maj = sha1_majority(x[0], x[1], x[2]);
        uint32_t t = y[3] + sha256_sigma1(y[0]) + chs + w[e];
        uint32_t x3, y3;

        x[3] += t;
        y[3] = t + sha256_sigma0(x[0]) + maj;
        /* ROL(Y:X, 32): X's top word moves into Y, Y's top into X. */
        x3 = x[3];
        y3 = y[3];
        x[3] = x[2]; x[2] = x[1]; x[1] = x[0]; x[0] = y3;
        y[3] = y[2]; y[2] = y[1]; y[1] = y[0]; y[0] = x3;
    }
    vreg_set_words(env, op->rd, op->a ? y : x);
    TL_GOTO_NEXT(cs, op);
}

static uint32_t sha256_s0(uint32_t x)
{
    return ror32(x, 7) ^ ror32(x, 18) ^ (x >> 3);
}

static uint32_t sha256_s1(uint32_t x)
{
    return ror32(x, 17) ^ ror32(x, 19) ^ (x >> 10);
}

/* SHA256SU0: T = Vn<31:0> : Vd<127:32>; Vd[e] += s0(T[e]). */
static int op_sha256su0(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint32_t d[4], n[4], r[4];
    unsigned e;

    vreg_get_words(env, op->rd, d);
    vreg_get_words(env, op->rn, n);
    for (e = 0; e < 4; e++) {
        r[e] = d[e] + sha256_s0(e < 3 ? d[e + 1] : n[0]);
    }
    vreg_set_words(env, op->rd, r);
    TL_GOTO_NEXT(cs, op);
}

/* SHA256SU1: T0 = Vm<31:0> : Vn<127:32>; the two upper results use the
 * two lower ones just computed (message schedule W[t-2]). */
static int op_sha256su1(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint32_t d[4], n[4], m[4], t0[4], r[4];
    unsigned e;

    vreg_get_words(env, op->rd, d);
    vreg_get_words(env, op->rn, n);
    vreg_get_words(env, op->rm, m);
    for (e = 0; e < 4; e++) {
        t0[e] = e < 3 ? n[e + 1] : m[0];
    }
    for (e = 0; e < 4; e++) {
        uint32_t src = e < 2 ? m[e + 2] : r[e - 2];

        r[e] = sha256_s1(src) + d[e] + t0[e];
    }
    vreg_set_words(env, op->rd, r);
    TL_GOTO_NEXT(cs, op);
}

/* ---- PMULL ---------------------------------------------------------------- */

static uint64_t clmul64_lo(uint64_t a, uint64_t b, uint64_t *hi)
{
    uint64_t lo = 0, h = 0;
    unsigned i;

    for (i = 0; i < 64; i++) {
        if ((b >> i) & 1) {
            lo ^= a << i;
            h ^= i ? a >> (64 - i) : 0;
        }
    }
    *hi = h;
    return lo;
}

/* b: PMULL2 (upper halves); a: 1D->1Q (size 11), else 8B->8H. */
static int op_pmull(CPUState *cs, const TLOp *op)
{
    CPUARMState *env = cpu_env(cs);
    uint64_t n = env->vregs[op->rn].d[op->b], m = env->vregs[op->rm].d[op->b];
    uint64_t lo, hi;
    unsigned i;

    if (op->a) {
        lo = clmul64_lo(n, m, &hi);
        env->vregs[op->rd].d[0] = lo;
        env->vregs[op->rd].d[1] = hi;
    } else {
        uint16_t r[8];

        for (i = 0; i < 8; i++) {
            uint64_t h;

            r[i] = clmul64_lo((n >> (8 * i)) & 0xff, (m >> (8 * i)) & 0xff,
                              &h);
        }
        memcpy(vreg_bytes(env, op->rd), r, 16);
    }
    TL_GOTO_NEXT(cs, op);
}

/* ---- Decoder ---------------------------------------------------------- */

/*
 * ID_AA64ISAR0 fields: the instructions exist only while the CPU model
 * advertises them (QEMU tests the same fields at decode time; our
 * decoder has no CPU at hand, so the gate runs first, then the handler
 * kept in imm). Not advertised: the Unknown-reason UNDEF of any
 * unallocated encoding.
 */
#define ISAR0_AES_SHIFT  4      /* 1: AES, 2: AES and PMULL */
#define ISAR0_SHA1_SHIFT 8
#define ISAR0_SHA2_SHIFT 12

static int op_crypto_gate(CPUState *cs, const TLOp *op)
{
    uint64_t isar0 = env_archcpu(cpu_env(cs))->isar.id_aa64isar0;

    if (((isar0 >> op->c) & 0xf) < op->ra) {
        qemu_log_mask(LOG_UNIMP, "tcg-lite: crypto instruction not "
                      "advertised by ID_AA64ISAR0: UNDEF\n");
        return arm_raise(cs, op, EXCP_UDEF,
                         EC_UNCATEGORIZED << 26 | ARM_EL_IL);
    }
    return ((TLOpFn)(uintptr_t)op->imm)(cs, op);
}

typedef struct CryptoEntry {
    TLOpFn fn;
    uint8_t a;
    uint8_t field;          /* ISAR0 shift */
    uint8_t min;            /* least field value */
} CryptoEntry;

/* AES: 0100 1110 0010 1000 0 01xx 10 Rn Rd, by opcode<1:0>. */
#define AES ISAR0_AES_SHIFT, 1
#define SHA1 ISAR0_SHA1_SHIFT, 1
#define SHA2 ISAR0_SHA2_SHIFT, 1

static const CryptoEntry crypto_aes[4] = {
    { op_aes_round, 0, AES }, { op_aes_round, 1, AES },
    { op_aes_mix, 0, AES }, { op_aes_mix, 1, AES },
};

/* Three-register SHA: 0101 1110 000 Rm 0 opcode 00 Rn Rd. */
static const CryptoEntry crypto_sha3[7] = {
    { op_sha1_hash, 0, SHA1 }, { op_sha1_hash, 1, SHA1 },
    { op_sha1_hash, 2, SHA1 }, { op_sha1su0, 0, SHA1 },
    { op_sha256_hash, 0, SHA2 }, { op_sha256_hash, 1, SHA2 },
    { op_sha256su1, 0, SHA2 },
};

/* Two-register SHA: 0101 1110 0010 1000 opcode 10 Rn Rd. */
static const CryptoEntry crypto_sha2[3] = {
    { op_sha1h, 0, SHA1 }, { op_sha1su1, 0, SHA1 },
    { op_sha256su0, 0, SHA2 },
};

static bool crypto_fill(DisasContext *s, TLOp *op, uint32_t insn,
                        const CryptoEntry *e)
{
    if (!arm_fp_access_check(s, op)) {
        return true;
    }
    op->rd = extract32(insn, 0, 5);
    op->rn = extract32(insn, 5, 5);
    op->rm = extract32(insn, 16, 5);
    op->a = e->a;
    op->c = e->field;
    op->ra = e->min;
    op->imm = (uintptr_t)e->fn;
    op->fn = op_crypto_gate;
    return true;
}

/* PMULL/PMULL2: 0 Q 0 01110 size 1 Rm 1110 00 Rn Rd, size 00 or 11. */
static bool disas_pmull(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned size = extract32(insn, 22, 2);
    /* PMULL of 64-bit elements needs AES = 2; the 8-bit form is base
     * AdvSIMD. */
    static const CryptoEntry pmull_64 = { op_pmull, 1, ISAR0_AES_SHIFT, 2 };
    static const CryptoEntry pmull_8 = { op_pmull, 0, 0, 0 };

    if (size == 1 || size == 2) {
        return false;
    }
    crypto_fill(s, op, insn, size == 3 ? &pmull_64 : &pmull_8);
    op->b = extract32(insn, 30, 1);
    return true;
}

bool disas_crypto(DisasContext *s, TLOp *op, uint32_t insn)
{
    unsigned opcode;

    /* The decoders tried before this one may have left fields set. */
    memset(op, 0, sizeof(*op));

    if ((insn & 0xfffe0c00) == 0x4e280800) {
        opcode = extract32(insn, 12, 5);
        return opcode >= 4 && opcode < 8 &&
               crypto_fill(s, op, insn, &crypto_aes[opcode - 4]);
    }
    if ((insn & 0xffe08c00) == 0x5e000000) {
        opcode = extract32(insn, 12, 3);
        return opcode < 7 && crypto_fill(s, op, insn, &crypto_sha3[opcode]);
    }
    if ((insn & 0xfffe0c00) == 0x5e280800) {
        opcode = extract32(insn, 12, 5);
        return opcode < 3 && crypto_fill(s, op, insn, &crypto_sha2[opcode]);
    }
    if ((insn & 0xbf20fc00) == 0x0e20e000) {
        return disas_pmull(s, op, insn);
    }
    return false;
}
