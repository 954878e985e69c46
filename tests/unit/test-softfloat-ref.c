/*
 * fpu/ against QEMU: 135 instruction forms x 10 FPCR settings x 1000
 * operands, hashed and compared with the same run recorded on QEMU's A64
 * emulation (fpu/ref/, docs/devel/fpu.md). The hand-written rule tables
 * and the host comparison are test-softfloat.c.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include "fpu/softfloat.h"

/*
 * Every line of fpu/ref/ops.def run under each FPCR of fpu/ref/gen.h on
 * Debian's QEMU 7.2 (qemu-system-aarch64 -M virt -cpu max) by the
 * bare-metal program fpu/ref/arm-ref.c; one hash of all (result, FPSR)
 * pairs per operation is recorded below. docs/devel/fpu.md tells how to
 * re-record them and how to list the differing cases
 * (SOFTFLOAT_REF_VERBOSE=1 prints ours in arm-ref's verbose format). */
#include "../../fpu/ref/gen.h"

static float32 ref_fcvtxn(float64 a, FloatStatus *s)
{
    uint8_t old = s->rounding_mode;
    s->rounding_mode = FLOAT_ROUND_TO_ODD;
    float32 r = float64_to_float32(a, s);
    s->rounding_mode = old;
    return r;
}

/* FJCVTZS as the recorder sees it: W result, NZCV above (Z only). */
static uint64_t fjcvtzs_nzcv(float64 a, FloatStatus *s)
{
    bool z;
    uint32_t r = float64_to_int32_js(a, &z, s);
    return r | (uint64_t)(z ? 0x4 : 0) << 32;
}

#define BIN(n, F, insn, host)                                                \
static uint64_t ref_##n(uint64_t a, uint64_t b, uint64_t c, FloatStatus *s) \
{                                                                            \
    (void)a; (void)b; (void)c;                                               \
    return (host);                                                           \
}
#define UN BIN
#define TER BIN
#define CMP BIN
#define TOI(n, F, G, insn, host) BIN(n, F, insn, host)
#define TOIF(n, F, G, insn, fb, host) BIN(n, F, insn, host)
#define FROMI(n, F, G, insn, host) BIN(n, F, insn, host)
#define FROMIF(n, F, G, insn, fb, host) BIN(n, F, insn, host)
#define CVT(n, F, T, insn, host) BIN(n, F, insn, host)
#define JS BIN
#define UNV BIN
#define W16 BIN
#include "../../fpu/ref/ops.def"
#undef BIN
#undef TOI
#undef TOIF
#undef FROMI
#undef FROMIF
#undef CVT

typedef struct RefOp {
    const char *name;
    uint64_t (*fn)(uint64_t, uint64_t, uint64_t, FloatStatus *);
    int ebits, fbits;           /* 0: integer operand */
} RefOp;

#define BIN(n, F, insn, host) { #n, ref_##n, REF_##F##_E, REF_##F##_F },
#define TOI(n, F, G, insn, host) BIN(n, F, insn, host)
#define TOIF(n, F, G, insn, fb, host) BIN(n, F, insn, host)
#define FROMI(n, F, G, insn, host) { #n, ref_##n, 0, 0 },
#define FROMIF(n, F, G, insn, fb, host) { #n, ref_##n, 0, 0 },
#define CVT(n, F, T, insn, host) BIN(n, F, insn, host)
static const RefOp ref_ops[] = {
#include "../../fpu/ref/ops.def"
};
#undef BIN
#undef UN
#undef TER
#undef CMP
#undef TOI
#undef TOIF
#undef FROMI
#undef FROMIF
#undef CVT
#undef JS
#undef UNV
#undef W16

/* Recorded with fpu/ref/arm-ref.c on QEMU 7.2.22 (Debian 1:7.2+dfsg-7). */
static const struct {
    const char *name;
    uint64_t hash;
} ref_hashes[] = {
    { "fadd_s", 0xde505a94307c10f0ull },
    { "fadd_d", 0x99bd55437901442dull },
    { "fadd_h", 0xd80008b451bf040cull },
    { "fsub_s", 0x242f30c97a3498bbull },
    { "fsub_d", 0x728d3820ae16510aull },
    { "fsub_h", 0xa2d41fe6a5dae9c0ull },
    { "fmul_s", 0x3950677263e9f1c4ull },
    { "fmul_d", 0xeac274246964a2bfull },
    { "fmul_h", 0x10bbecf21bab2c7dull },
    { "fdiv_s", 0x7254c6205f939247ull },
    { "fdiv_d", 0x407315eeb74e4b4full },
    { "fdiv_h", 0x410a88905d6fcd0full },
    { "fsqrt_s", 0x4ea15fd23fc6c9adull },
    { "fsqrt_d", 0x832e16f8a7066688ull },
    { "fsqrt_h", 0xeed07d39627f96c5ull },
    { "fmadd_s", 0xf22d53f3832058d2ull },
    { "fmadd_d", 0xc02100fac6e7cf8dull },
    { "fmadd_h", 0xa5c754c82d7fdddfull },
    { "fmsub_s", 0x4ba7c585ec0834ebull },
    { "fmsub_d", 0x23f23780146c60f5ull },
    { "fmsub_h", 0xba55a59ec660faf2ull },
    { "fnmadd_s", 0x44460f9be209f839ull },
    { "fnmadd_d", 0xb5a2a61c002b911aull },
    { "fnmadd_h", 0x7b41134acb19951bull },
    { "fnmsub_s", 0xa2de6111be846659ull },
    { "fnmsub_d", 0x8e15186e1f0e3ab6ull },
    { "fnmsub_h", 0xefd9390e7d3e627full },
    { "fmin_s", 0x7fa1b82e5523ef61ull },
    { "fmin_d", 0x21b78b988485f342ull },
    { "fmin_h", 0xa773ed2f6b9f27c2ull },
    { "fmax_s", 0x9b742d7e58f90f2ull },
    { "fmax_d", 0x95b0134771f62291ull },
    { "fmax_h", 0x81552c34900b5205ull },
    { "fminnm_s", 0x9f9c283bc4061253ull },
    { "fminnm_d", 0x3093255a6b238b83ull },
    { "fminnm_h", 0x22035b58dcfd032full },
    { "fmaxnm_s", 0xca07726331e12271ull },
    { "fmaxnm_d", 0xe91ac432748ce175ull },
    { "fmaxnm_h", 0x9c078a42f2df1c07ull },
    { "fcmp_s", 0x81e346053ab2232full },
    { "fcmp_d", 0xb8e9b6ffe0fe3f1aull },
    { "fcmp_h", 0x44d9fa11353b620aull },
    { "fcmpe_s", 0x2f3cb911b8d0e011ull },
    { "fcmpe_d", 0x8610c05d597514afull },
    { "fcmpe_h", 0x88a73f84fa4c8473ull },
    { "fmulx_s", 0x1966fa1bc1e7e4b8ull },
    { "fmulx_d", 0x64371748b06f6b0cull },
    { "fmulx_h", 0xc310b0a1c6dd4d4bull },
    { "frecps_s", 0x74fce637d9eadd0aull },
    { "frecps_d", 0xeb27a17356ee14ccull },
    { "frecps_h", 0xd668dfa262605650ull },
    { "frsqrts_s", 0x777d2f3ee39750f0ull },
    { "frsqrts_d", 0x9cc46e3625018bbcull },
    { "frsqrts_h", 0xe4f4653a956e967full },
    { "frecpe_s", 0xe676df34389036a3ull },
    { "frecpe_d", 0x20f374c10a99773eull },
    { "frecpe_h", 0x729cc18a98fcc019ull },
    { "frsqrte_s", 0x16129184b2da3577ull },
    { "frsqrte_d", 0x1b7cc441bba063d0ull },
    { "frsqrte_h", 0xb0fc3daea4e0f52eull },
    { "frecpx_s", 0x9de754e8cfd6d5b8ull },
    { "frecpx_d", 0x276999f73a36be8bull },
    { "frecpx_h", 0x6d97af31bac08825ull },
    { "frintn_s", 0xb0eccebb3f96f67cull },
    { "frintn_h", 0xa7efd53ecb990d59ull },
    { "frinta_d", 0xbe0f7524cea6d883ull },
    { "frinta_h", 0xa905ef3c26804d10ull },
    { "frintp_s", 0x2d249c4e521e2af6ull },
    { "frintp_d", 0x15c24dd083e1f22aull },
    { "frintm_s", 0xbd28b7274e497eaeull },
    { "frintm_h", 0x10abfc220f3be0c1ull },
    { "frintz_s", 0x77209edca0874bf2ull },
    { "frintz_d", 0x584b98c0cef777f8ull },
    { "frintx_s", 0x5ccaaab9f6463dedull },
    { "frintx_d", 0xd3f156c731b38f78ull },
    { "frintx_h", 0xb66a1d5be393fb9cull },
    { "frinti_s", 0xd85a983e8ee21907ull },
    { "frinti_d", 0xfe5e03bc81970b81ull },
    { "fcvtzs_ws", 0x4d576ae8e1edb48eull },
    { "fcvtzs_xd", 0xd599630ef03df8b7ull },
    { "fcvtzs_wh", 0x2968a5d815f681eeull },
    { "fcvtzu_wd", 0xbf0a1cfd0ad95bbull },
    { "fcvtzu_xs", 0x264b358b56b7c663ull },
    { "fcvtns_ws", 0xb05e2bd0ad084dc6ull },
    { "fcvtnu_xd", 0x842d2397e8f48838ull },
    { "fcvtas_xd", 0x6604487614e09841ull },
    { "fcvtau_wh", 0x5e451ef4019d5351ull },
    { "fcvtps_wd", 0x9c9215fae4ce2304ull },
    { "fcvtpu_ws", 0xb0c74b09de6bb784ull },
    { "fcvtms_xh", 0x78888b94d1677a76ull },
    { "fcvtmu_xs", 0x1bc3e361176c6253ull },
    { "fcvtzs_ws5", 0x6f9bf41707ce9fbdull },
    { "fcvtzu_xd40", 0x442da6f8c86e005full },
    { "fcvtzs_xd64", 0x621aba8d1f722bf2ull },
    { "fcvtzs_wh3", 0xdf8e90f01548e84dull },
    { "scvtf_sw", 0xbd15b8bf9c46451dull },
    { "scvtf_dx", 0x6c75c0cc44798b04ull },
    { "scvtf_dw", 0xeb69a5c4251d9e71ull },
    { "ucvtf_sx", 0xcae0cb0cf3e7c4c3ull },
    { "ucvtf_dx", 0xc1e2dc256aa71655ull },
    { "scvtf_hx", 0x952358b13ed904c4ull },
    { "ucvtf_hw", 0xb30c8dc404857b6dull },
    { "scvtf_sx7", 0xb95be68c18876211ull },
    { "ucvtf_dw31", 0x2908500f76fc5ce2ull },
    { "scvtf_hw20", 0x43a819366ebca1afull },
    { "ucvtf_hx64", 0x6c19df430aeb7596ull },
    { "fcvt_ds", 0x9efe3c8647be4589ull },
    { "fcvt_sd", 0x556b3413b77b90eaull },
    { "fcvt_hs", 0x2e8c39eff86df16dull },
    { "fcvt_sh", 0x5ee43da78a46f42aull },
    { "fcvt_hd", 0x8e447108a22fedaaull },
    { "fcvt_dh", 0x3d7dd0b77923e1f9ull },
    { "fcvtxn_sd", 0x84882659816c45c6ull },
    { "fcvtzs_hh", 0xfb1ceccefbe5a2dull },
    { "fcvtnu_hh", 0xe4bb5ddd696ed0a7ull },
    { "fcvtzs_ss", 0xe5bb6157a8f986dull },
    { "fcvtau_dd", 0x8241fc1d417eae6full },
    { "scvtf_hh", 0x47c411b49e9d2fa7ull },
    { "ucvtf_hh", 0xdf6a5653acf19586ull },
    { "fcmeq_s", 0xab256eb286d67d34ull },
    { "fcmge_h", 0x10509e70f747f772ull },
    { "fcmgt_d", 0x79cac923f129ecbfull },
    { "facgt_s", 0x7a622004029e24c2ull },
    { "fabd_s", 0xa9f5e081f93655f0ull },
    { "fabd_d", 0x9e232a1f3ab24cc8ull },
    { "frint32z_s", 0x475f0d16f5c7fe3eull },
    { "frint32x_d", 0x5937bf1175ade13eull },
    { "frint64z_d", 0x57a7d6b3430136aeull },
    { "frint64x_s", 0x4e29b1e152e8c99eull },
    { "fjcvtzs", 0x89e41462fdf70d3ull },
    { "urecpe", 0x1215df79bf2e6bf6ull },
    { "ursqrte", 0x23b8f9456f9f7106ull },
    { "bfcvt_hs", 0x609f2c89610f856eull },
    { "fmlal", 0x1429f9b9863aecd3ull },
    { "fmlsl", 0x6944687a0eb7ae1dull },
};

static void test_qemu_reference(void)
{
    bool verbose = g_getenv("SOFTFLOAT_REF_VERBOSE") != NULL;
    unsigned bad = 0;

    g_assert_cmpuint(G_N_ELEMENTS(ref_hashes), ==, G_N_ELEMENTS(ref_ops));
    for (size_t o = 0; o < G_N_ELEMENTS(ref_ops); o++) {
        const RefOp *op = &ref_ops[o];
        RefRng rng = ref_seed(op->name);
        uint64_t h = REF_HASH_INIT;

        g_assert_cmpstr(op->name, ==, ref_hashes[o].name);
        for (unsigned k = 0; k < REF_NFPCR; k++) {
            for (int i = 0; i < REF_CASES; i++) {
                uint64_t a, b = 0, c = 0;
                if (op->ebits) {
                    a = ref_operand(&rng, op->ebits, op->fbits);
                    b = ref_operand(&rng, op->ebits, op->fbits);
                    c = ref_operand(&rng, op->ebits, op->fbits);
                } else {
                    a = ref_int(&rng);
                }
                FloatStatus s = { 0 };
                float_status_set_fpcr(&s, ref_fpcr[k]);
                uint64_t r = op->fn(a, b, c, &s);
                h = ref_hash(h, r, s.flags);
                if (verbose) {
                    printf("%s %x %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER
                           "x %" G_GINT64_MODIFIER "x %" G_GINT64_MODIFIER
                           "x %x\n", op->name, k, a, b, c, r, s.flags);
                }
            }
        }
        if (h != ref_hashes[o].hash) {
            g_test_message("%s differs from QEMU: hash 0x%" G_GINT64_MODIFIER
                           "x", op->name, h);
            bad++;
        }
    }
    g_assert_cmpuint(bad, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/softfloat/qemu-reference", test_qemu_reference);
    return g_test_run();
}
