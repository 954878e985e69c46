/*
 * The crypto extension and CRC32 on TCG-lite (target/arm/exec-crypto.c,
 * exec-crc32.c): AESE/AESD/AESMC/AESIMC, SHA1C/P/M/H/SU0/SU1,
 * SHA256H/H2/SU0/SU1, PMULL/PMULL2 (8B and 1D), CRC32/CRC32C of each
 * width, compared with Debian's QEMU; FIPS-197 appendix B's first round;
 * the UNDEFs of reserved encodings and of features the CPU model does
 * not advertise in ID_AA64ISAR0.
 *
 * How the expected values were obtained: the table below and the
 * bare-metal program tests/tcg/aarch64/programs/crypto-ops.c come from
 * one list of cases (random operands from a fixed seed, plus FIPS-197
 * appendix B's round 1 state and key). The program loads V0-V2 (X1, X2
 * for CRC32), runs the instruction and prints V0 (X3); its output on
 * qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 is crypto-ops.expected,
 * and the words were assembled with aarch64-linux-gnu-as. The FIPS rows
 * also match the standard's printed intermediate values.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/translate.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (1 * MiB)
#define CODE_BASE 0x40080000ULL

/* What the cortex-a57 has (QEMU's value): AES 2 (with PMULL), SHA1 1,
 * SHA2 1, CRC32 1. */
#define A57_ISAR0 0x0000000000011120ULL

typedef struct CryptoCase {
    uint32_t insn;
    bool xregs;             /* CRC32: X1, X2 in, X3 out */
    uint64_t in[6];         /* V0, V1, V2 as (bits 63:0, 127:64); X1, X2 */
    uint64_t out[2];
} CryptoCase;

/* Generated: 124 cases recorded from qemu-system-aarch64 7.2. */
static const CryptoCase crypto_cases[] = {
    { 0x4e284820, 0, /* aese v0.16b, v1.16b */
      { 0x0e49bec741188ebbull, 0xcc733c92685315f6ull, 0xf1d3979f1043fae0ull, 0xa41f020c2d4d333full, 0x1d0cfbfb5d8ca6c2ull, 0xaca531aee7ba00c3ull },
      { 0xd150f76a4572a539ull, 0x6eb8920b1639b2ddull } },
    { 0x4e284820, 0, /* aese v0.16b, v1.16b */
      { 0xdaaede080adab7dfull, 0x9626bf792f973c0cull, 0x7c8b1beb0d9320acull, 0x69261bc24a71ade7ull, 0x3b4b76449a53270cull, 0xa82c1e8766b2a4a6ull },
      { 0xc5638111168ea68full, 0x4d3f88ea243b49e9ull } },
    { 0x4e284820, 0, /* aese v0.16b, v1.16b */
      { 0xd42d3e4cf15982c1ull, 0x7217d7d26f240bf5ull, 0x2bbd3011ea911cb2ull, 0x01b96a66733e47faull, 0x8825bdd51d2a12b3ull, 0x7019f6a527713971ull },
      { 0xafe4294c8fa2ab8full, 0x9c600b8d16e87a76ull } },
    { 0x4e284820, 0, /* aese v0.16b, v1.16b */
      { 0xbfe023f83bf83840ull, 0xa5e24f10dae78e5bull, 0xfc2dbe2943446578ull, 0xa03345ac96b3cbbeull, 0x35f82486d147bcd2ull, 0x566d86878fb6b5c2ull },
      { 0xbc3e6e3e6b205e07ull, 0x29bd4c651a6567d9ull } },
    { 0x4e285820, 0, /* aesd v0.16b, v1.16b */
      { 0xa4707de16f437d8bull, 0xd9117f5238393641ull, 0x79c57148993aea1cull, 0x4bd9201331c51f87ull, 0xe033bb9d3bf2b86full, 0x59a7546dca9ff6c9ull },
      { 0x40b185b7c9558485ull, 0xd6d24cf874af81c7ull } },
    { 0x4e285820, 0, /* aesd v0.16b, v1.16b */
      { 0x63eb8ba56cadfe2cull, 0x11804b641b8cd606ull, 0x55ebea32c7815ad2ull, 0x9e65861e41bfbb1eull, 0x31c3296931fb5bd1ull, 0x3e845e465804cf4bull },
      { 0x462a1d852466800cull, 0x0e52b3bd7342d834ull } },
    { 0x4e285820, 0, /* aesd v0.16b, v1.16b */
      { 0x1086a9edafd8f8ebull, 0x4eb8bd82bb8b0132ull, 0xaec35b986527fe9dull, 0xaf90e67e73f069efull, 0xff09418e5f8dc9e8ull, 0xb3dd6ebba857383dull },
      { 0xb1eea53f5a03570full, 0x1068f755e07d04c9ull } },
    { 0x4e285820, 0, /* aesd v0.16b, v1.16b */
      { 0xd8a0c64e6f409bceull, 0x4c91aba01c11f824ull, 0x7b8d192fe68f5692ull, 0x8f17ffe7f91c8b7full, 0xc1150137188ce7abull, 0xd2cc542f173c83f2ull },
      { 0x2adc80d871f3fda7ull, 0xf2fa8f16335fef57ull } },
    { 0x4e286820, 0, /* aesmc v0.16b, v1.16b */
      { 0xdcd434acffcecb26ull, 0x4f058a54a084050full, 0x0fd740e30b315ed3ull, 0xc185d6f033d3762dull, 0x11d1e300449536f5ull, 0x93646898875ed073ull },
      { 0xb7070ec517f23765ull, 0xc16f12deb4b39c20ull } },
    { 0x4e286820, 0, /* aesmc v0.16b, v1.16b */
      { 0x650e55ac0d6f913full, 0x6c3c5f378cb91b80ull, 0x87336ad9575e207bull, 0x31967b1d1af81318ull, 0xa36fbe6f30f5a571ull, 0xb51906d5ebc7a6e2ull },
      { 0x3c47dfa35d1e8e9full, 0xa8027b10f7ce37e7ull } },
    { 0x4e286820, 0, /* aesmc v0.16b, v1.16b */
      { 0x4711174b8a2bc3f5ull, 0x10d44ccdcd8d0edfull, 0xab7be997155da3aaull, 0x96bacd34d5e111f0ull, 0x8e3d77f9bd8af66bull, 0xf25e1c8de0183e9cull },
      { 0x7d6e78c5318c05f9ull, 0x1c37f6084a5c3ffcull } },
    { 0x4e286820, 0, /* aesmc v0.16b, v1.16b */
      { 0x728b70c2ce62c7bbull, 0xdc4d0b5a6bef6141ull, 0x955bb3a0d83ad014ull, 0xeac4e114cb838542ull, 0x19d8ddee8f6cb510ull, 0x9ca1ec8d2bb62184ull },
      { 0x2201a55b7dc339a1ull, 0xd643703e4d9c0658ull } },
    { 0x4e287820, 0, /* aesimc v0.16b, v1.16b */
      { 0xbb26093fcff482d2ull, 0x0f54b716e655d939ull, 0x6031a52d480c7ca7ull, 0x47aa6c39f084fffaull, 0x8916240c3c2f8718ull, 0x90c831e22301666cull },
      { 0x88a8e41d5615479bull, 0x181e58e60c5be1c7ull } },
    { 0x4e287820, 0, /* aesimc v0.16b, v1.16b */
      { 0x609c53627bf8615aull, 0xe5a943c3d5de4604ull, 0x5443eac94cf0c9d5ull, 0xdd0c70d3a7ca2fbdull, 0xa59ad15ba74f6f28ull, 0x3029a07d0e8e4380ull },
      { 0x34fce21e90d04eaeull, 0x8c2bc510c391ae03ull } },
    { 0x4e287820, 0, /* aesimc v0.16b, v1.16b */
      { 0xfdf2b38055442774ull, 0x860755d2532db9faull, 0x99af22053708c492ull, 0xfc71479006c80194ull, 0x4aaa2345d41ce377ull, 0xfd87367c67c6b6f1ull },
      { 0xf9c4604c8b24aa6cull, 0x42654d309091217bull } },
    { 0x4e287820, 0, /* aesimc v0.16b, v1.16b */
      { 0x0615bd5342e61a7eull, 0xf137186aa1a93205ull, 0xc2b756031f8f75ffull, 0x37a4469d0b6b2fb0ull, 0x34d8388b3a89068eull, 0x8efaa3d65388a204ull },
      { 0x0680d274bda5e3e1ull, 0x994378eab0ac7192ull } },
    { 0x4e286800, 0, /* aesmc v0.16b, v0.16b */
      { 0x9310329e1c527c7full, 0xc08d74da7fca7d76ull, 0x5349b5a366f276d6ull, 0xb0194441017e1929ull, 0x21e5b45a3999b548ull, 0x93f29a6cce4c8636ull },
      { 0xa62259f297836d34ull, 0x17f47e7ed305b6deull } },
    { 0x4e286800, 0, /* aesmc v0.16b, v0.16b */
      { 0xc991a22a9da9eb3aull, 0x331da1681cf680d7ull, 0x26fd422b1492e683ull, 0x14dbf0a91aa4bfa5ull, 0xcbd0cceb15602873ull, 0x3466f8724aee1efbull },
      { 0xc4f114f12d248a66ull, 0x62a625062c84d1c4ull } },
    { 0x4e286800, 0, /* aesmc v0.16b, v0.16b */
      { 0xa8bf6160bb61bbd5ull, 0x11d605394c50491full, 0x2b0ead53ca3752e5ull, 0x78949af46ed9c499ull, 0x8b4810a0269f64c4ull, 0xab7e2782b2fa6ee6ull },
      { 0x3587d074d37aa0bdull, 0xbab843baa02231f9ull } },
    { 0x4e286800, 0, /* aesmc v0.16b, v0.16b */
      { 0xc6a1a622f0dcc9bfull, 0xdfe02046b3800a78ull, 0x7deb360cedad6ea5ull, 0xe9d11fc115d0f0c0ull, 0x2ab61b64f6c5ae07ull, 0x92bd79d0d5baed98ull },
      { 0xf68c4bd234deb909ull, 0xafc7e2d37fa744ddull } },
    { 0x5e020020, 0, /* sha1c q0, s1, v2.4s */
      { 0xde881cfbe541a3efull, 0x321663abadaf546bull, 0xed2f53b1f5f37912ull, 0xe3cb3cc4c7c68530ull, 0x86a4b941d006546aull, 0xa763d74a1120549cull },
      { 0xbc6bfea625d6ec19ull, 0xc6b330b84000741full } },
    { 0x5e020020, 0, /* sha1c q0, s1, v2.4s */
      { 0xc43ca168e29bae22ull, 0x8b059a802a2c10ebull, 0x175de184b735f5adull, 0x195b3a105030c84aull, 0xe33fe97cbad000b1ull, 0x1a29970283c2a47eull },
      { 0xd184c3762bfbe9deull, 0xb42a35686ae3dc48ull } },
    { 0x5e020020, 0, /* sha1c q0, s1, v2.4s */
      { 0x15e4d43858c37e2aull, 0xf085614ba59ec590ull, 0xe05a577b46dabbc0ull, 0x3c06b59d02882bd5ull, 0x5b5346fa8fad8b3dull, 0x6555cf97c1962b9eull },
      { 0x1af7f1ec5fe1a0eaull, 0xf51f7c66603d2456ull } },
    { 0x5e020020, 0, /* sha1c q0, s1, v2.4s */
      { 0x0632811d5df97f5eull, 0x4efe768149c6d16full, 0x5db531c414671343ull, 0x29b531d16db49166ull, 0x9231ae6e0fb876baull, 0x50a8750799edcd96ull },
      { 0xfae16bd001d8aac2ull, 0x4b079b55e9a31bfeull } },
    { 0x5e021020, 0, /* sha1p q0, s1, v2.4s */
      { 0xb0333c9fd9e4a3dbull, 0x60989dd5e1a7de3eull, 0xbd158f093c26757eull, 0xf047d185dd9d4258ull, 0x57864ab7ec011eefull, 0x4210def267553b82ull },
      { 0x88cb5e55de15068bull, 0x257223d7116021b8ull } },
    { 0x5e021020, 0, /* sha1p q0, s1, v2.4s */
      { 0x0d672693f1ff58fbull, 0x3db778c6cca2762bull, 0xde7995fb05e8174cull, 0x5bbb6bd01fea77c5ull, 0x5e5a660aa42c5161ull, 0xf542c1f22def93ebull },
      { 0xdd85295656f11805ull, 0x799c6c2a1a1336e0ull } },
    { 0x5e021020, 0, /* sha1p q0, s1, v2.4s */
      { 0x6408db150b482c7cull, 0x290330916dacd338ull, 0x5c229a4464be3f3bull, 0x321509c78c8cbf56ull, 0xc6ab1f72756d357bull, 0x43b4fde4c6ae64ddull },
      { 0xbffa37530cb6d2f3ull, 0xd8f60f3c2aa72dfcull } },
    { 0x5e021020, 0, /* sha1p q0, s1, v2.4s */
      { 0x791c731f2d8135dbull, 0x2bf8fe5d369045beull, 0xda544c0986d47ca8ull, 0x641617dad198775dull, 0xae42a7d171952bd9ull, 0x1931f70c16e26981ull },
      { 0x6c8b0eba90f1947full, 0x83414b38500debc4ull } },
    { 0x5e022020, 0, /* sha1m q0, s1, v2.4s */
      { 0xe1fa20df4498f09full, 0xde34e3acd944ad04ull, 0x3e981b3bb344ca09ull, 0x2fa238a3ef1a5809ull, 0xcb942685b610c41aull, 0x96fe43b6e0dfe483ull },
      { 0x71574205af934102ull, 0xf57a10e58fcb8950ull } },
    { 0x5e022020, 0, /* sha1m q0, s1, v2.4s */
      { 0x9cbfae8a065fc536ull, 0xa612d348e660d784ull, 0x8bd03cddbeb409b0ull, 0x3958342972a4569cull, 0x8a87ccdc0f1179f1ull, 0xcbbd91aae5b30a80ull },
      { 0x192062275cb8a2a8ull, 0x4ffc407a754aa93cull } },
    { 0x5e022020, 0, /* sha1m q0, s1, v2.4s */
      { 0x203326a26bb37a9full, 0x6121af6ee0797f44ull, 0x051db2fc3d55c442ull, 0xdc2d133aa6f6fd7cull, 0xedd14a35f2df1a4cull, 0x467f47764b07ae2aull },
      { 0xf16420f14d0d07cbull, 0x41b55878c4762c53ull } },
    { 0x5e022020, 0, /* sha1m q0, s1, v2.4s */
      { 0xa0d7183284492bcbull, 0xd0532d85e62199cfull, 0x10fb08b208de1716ull, 0xb65036e0c7b26232ull, 0xf4795c09f288d670ull, 0xae7340567e0caf8dull },
      { 0xe00aacf899150599ull, 0x5937e01f41378942ull } },
    { 0x5e023020, 0, /* sha1su0 v0.4s, v1.4s, v2.4s */
      { 0x5ec0bc76b26c6f9dull, 0x49dfe4a927995ddcull, 0x9bde02f1d879b20eull, 0xc863132949c4adaaull, 0x14222299c325bcbcull, 0x9811f1042136f2ffull },
      { 0x033d7a4656d08efdull, 0x4a10175cded61d2dull } },
    { 0x5e023020, 0, /* sha1su0 v0.4s, v1.4s, v2.4s */
      { 0xd7ba659b9ca00d5cull, 0x0fca85a674d428a9ull, 0xdda44f0c9c575192ull, 0xaca22953b07129e0ull, 0x48e52ab9c51f779eull, 0x4cce50dcf62594ebull },
      { 0x9095ca842d6b526bull, 0x9ea09a761ea6edd0ull } },
    { 0x5e023020, 0, /* sha1su0 v0.4s, v1.4s, v2.4s */
      { 0x2a401d4d183316b2ull, 0x17625600c5d1eb03ull, 0x01f24917ee4be99full, 0xc2f4c07173a14c97ull, 0x1e81f76831401f7dull, 0x99fdf3474240d9faull },
      { 0x23a3bc25eca2e2ccull, 0x8f6dec5069dadb66ull } },
    { 0x5e023020, 0, /* sha1su0 v0.4s, v1.4s, v2.4s */
      { 0x021d37047c3f9378ull, 0x73c801f4b531f8d5ull, 0x00b19f7ecd2b4686ull, 0xebf21b9c2eae2b48ull, 0x4ab21364224f3a5full, 0x9384b5c1860abfcdull },
      { 0x3b672594eb4151f2ull, 0xe0fd2b4bfe10019eull } },
    { 0x5e280820, 0, /* sha1h s0, s1 */
      { 0x3d6f5ef3d639c8c3ull, 0xd84725811de33fbcull, 0xe1763acea6353d52ull, 0x52f5c25140724169ull, 0xf716ef044182427bull, 0x28ffbbfb807a93c0ull },
      { 0x00000000a98d4f54ull, 0x0000000000000000ull } },
    { 0x5e280820, 0, /* sha1h s0, s1 */
      { 0x54d7f846bf249ad9ull, 0x7255f79793636946ull, 0x6041bb852a3bd83cull, 0xfa67f22fb981e9e8ull, 0x0eab036082df93cbull, 0x6ecf21fb8781653cull },
      { 0x000000000a8ef60full, 0x0000000000000000ull } },
    { 0x5e280820, 0, /* sha1h s0, s1 */
      { 0x369500c6fc72d58cull, 0xd8815072be56c98bull, 0x5d0779db69190a7bull, 0x83013989a1bbff12ull, 0x866d8c89e45c0307ull, 0x277d44965bfd7839ull },
      { 0x00000000da46429eull, 0x0000000000000000ull } },
    { 0x5e280820, 0, /* sha1h s0, s1 */
      { 0x6cf5d8878a22afb7ull, 0x0a3cab086580196dull, 0xaa22fb756c8e4244ull, 0x335a6ee5fd45a26cull, 0x30f3398abc184488ull, 0x11ebad4a31d539daull },
      { 0x000000001b239091ull, 0x0000000000000000ull } },
    { 0x5e281820, 0, /* sha1su1 v0.4s, v1.4s */
      { 0x956d84ee76d83993ull, 0xde82e6fc9d818c5bull, 0x10af045f8be15b5eull, 0xd8adf930bad63dd3ull, 0x964f2cc752d9aa22ull, 0x1d05cb0453017948ull },
      { 0x5f77727accee7b98ull, 0x24d93ac88a58ead6ull } },
    { 0x5e281820, 0, /* sha1su1 v0.4s, v1.4s */
      { 0x41e9862747453554ull, 0x4b654f9d9025eff9ull, 0x9c25961b1992d1a6ull, 0x4752d7c50ab54cc2ull, 0x9a44c28a1ec93294ull, 0xf9e58981750ccf01ull },
      { 0x96b995cab6c1469full, 0xfb481205aeee7079ull } },
    { 0x5e281820, 0, /* sha1su1 v0.4s, v1.4s */
      { 0x8d9b44892c90a17dull, 0x77b49c8fd7683610ull, 0x6e91e76bb0a9c6d0ull, 0x1b63a3b938f3a28bull, 0xbf3efe304ed19a25ull, 0x726b4ec3a4c5ee03ull },
      { 0x6ad1cc0584028c2cull, 0xe76c214798172b53ull } },
    { 0x5e281820, 0, /* sha1su1 v0.4s, v1.4s */
      { 0xbd2134b80ab01da4ull, 0x1058f21345cce515ull, 0xe94710ddb8b88433ull, 0x765020872c15c4a9ull, 0xef227f18c1f09fadull, 0x13b8a45715728f46ull },
      { 0x2269e023c7ee1af3ull, 0xaf6dd1c167398b24ull } },
    { 0x5e024020, 0, /* sha256h q0, q1, v2.4s */
      { 0x35a696325b7670daull, 0x075ad87e0679e326ull, 0xc8facfdb44ec1d10ull, 0x7a81ed59ab9323c1ull, 0x9e1c3638f14f4c21ull, 0x04d1c6762c686553ull },
      { 0x9c550712ebc57f37ull, 0xce25303a32e1291bull } },
    { 0x5e024020, 0, /* sha256h q0, q1, v2.4s */
      { 0x9f0f3662acabade3ull, 0x80e02cbb3d45ed8dull, 0x5092e870de94374bull, 0x1a5d489f67342affull, 0x126c5a5e4f335f71ull, 0x268adbffea66b2a1ull },
      { 0x996a4de31b76cfc5ull, 0x4eeaa7325de083a9ull } },
    { 0x5e024020, 0, /* sha256h q0, q1, v2.4s */
      { 0xb65172991ad7e6a7ull, 0x221c9ba2bdd2a57bull, 0x7f45ad397cf82d13ull, 0x3a3b8184175e838bull, 0xc377e0b9ef02eca3ull, 0xbd2932d56b0c11afull },
      { 0xdaa680d1d0590220ull, 0xa6fbae07c3540a32ull } },
    { 0x5e024020, 0, /* sha256h q0, q1, v2.4s */
      { 0xfb19501792c36e04ull, 0x357cb5de19cdcca4ull, 0x1f54281d3ee37355ull, 0x43f74de73709d983ull, 0xc4c9ce67c5d0e39dull, 0x5e16d5969931d272ull },
      { 0x947e866eb61af480ull, 0x6dec812c60eaa42dull } },
    { 0x5e025020, 0, /* sha256h2 q0, q1, v2.4s */
      { 0x97cbd79800d48107ull, 0x49de159361a9b7beull, 0x1fd99cf8ce3e67f4ull, 0xf0060acfa04751aeull, 0x265e685e21457302ull, 0x9ce52434bd17ded8ull },
      { 0x26dded8b72f56cf8ull, 0x13b716308af3e605ull } },
    { 0x5e025020, 0, /* sha256h2 q0, q1, v2.4s */
      { 0xbea6f700e90264d4ull, 0xd2d58246912204c2ull, 0xb60a2c5eb829cd68ull, 0x4af9d1a1c86e04c6ull, 0x99cebc03ff106ee9ull, 0x0526c7ba21388cb4ull },
      { 0x0b68bb068f69a86dull, 0x1d0d6a7ddc646569ull } },
    { 0x5e025020, 0, /* sha256h2 q0, q1, v2.4s */
      { 0x175b8304437b9902ull, 0x76bb24c2d73d66a4ull, 0x62464b7b15ac66b4ull, 0x76f7cd10671f6c04ull, 0x253cd566d4db6392ull, 0xfa6dc878892a8989ull },
      { 0xaa5b55f2fb1c2012ull, 0xee773d3e1f0fd074ull } },
    { 0x5e025020, 0, /* sha256h2 q0, q1, v2.4s */
      { 0x0bb9805576d1872cull, 0xb881f2c5d3e9facbull, 0x7247a8a8efec1e5dull, 0x682beaa4bbc858f1ull, 0x3309d27cea38864aull, 0x1ebcaaac6d10c677ull },
      { 0xdac4a102e2520245ull, 0xcb366691137ca42full } },
    { 0x5e282820, 0, /* sha256su0 v0.4s, v1.4s */
      { 0xd5902ac0993e0899ull, 0x7d6f7fed7797a8bfull, 0x31dc8cbd4387e5b1ull, 0xd0d9627f117ff361ull, 0x2f6bd76e8b6d4807ull, 0xaeee19f1766807bfull },
      { 0x6fc232632ae71902ull, 0x110b238982441718ull } },
    { 0x5e282820, 0, /* sha256su0 v0.4s, v1.4s */
      { 0x26b2106fb1529251ull, 0xa3a5ce4906ef231bull, 0xde7011d76417c24aull, 0x5bd5e1144687a168ull, 0x216c0a7d6254a4dfull, 0x0bd454092f4d30e4ull },
      { 0x24c90c0d0fd381d2ull, 0x0c7e1d11fb90bdd7ull } },
    { 0x5e282820, 0, /* sha256su0 v0.4s, v1.4s */
      { 0x84a6f1ae8650e274ull, 0x322eefccb024a164ull, 0xa3b648d440102fa9ull, 0x5576712d4bab53c7ull, 0x2204d29137b7b6cbull, 0x42b0db3e5c4daeebull },
      { 0x7be4e31578471573ull, 0x8397657ad5f72e11ull } },
    { 0x5e282820, 0, /* sha256su0 v0.4s, v1.4s */
      { 0x8ed52ac977954a4dull, 0x4130a34e77b1f001ull, 0x6e426c25fe08b500ull, 0xedebade0294e026full, 0x3dc70b31314b6326ull, 0x0f41312dcf7bdbddull },
      { 0xfeee2ad5400ab706ull, 0x74addb963429d564ull } },
    { 0x5e026020, 0, /* sha256su1 v0.4s, v1.4s, v2.4s */
      { 0x4f24f3b0a74d26d7ull, 0xc5cf4421531dcb87ull, 0x0a1e31740f3aaeceull, 0xed7502e167358000ull, 0xfe3f80e4883ea74dull, 0x0bd2ae6e17859fabull },
      { 0xb952a3e82d9060a0ull, 0x53b50a997ce245caull } },
    { 0x5e026020, 0, /* sha256su1 v0.4s, v1.4s, v2.4s */
      { 0xf889a90ef89d8f2bull, 0x0d183f2b1bcdd36aull, 0x67da67721748c4ecull, 0xb5c7203f1fe55afaull, 0xf612ba2ea510729aull, 0xfae3bf491146382bull },
      { 0xc0e27eca3b8cb1a2ull, 0x22b4b2b7a080ad44ull } },
    { 0x5e026020, 0, /* sha256su1 v0.4s, v1.4s, v2.4s */
      { 0x8df3c099d52dd117ull, 0x470f1b071bd4242dull, 0xacf1e8484e4ca733ull, 0xc6b495e642dc70c9ull, 0x4be1730a61fb56a7ull, 0xe8828ec3b88be27dull },
      { 0xe753db540f7f030bull, 0x4003ad63446ff3a3ull } },
    { 0x5e026020, 0, /* sha256su1 v0.4s, v1.4s, v2.4s */
      { 0x9024edeb2d44cb57ull, 0x4628b3f423d124eaull, 0x2a740f6729cf2da8ull, 0x8a005999f543c193ull, 0x603dce90d581f80dull, 0x95a8bb8c6846c31aull },
      { 0xcffb61cd11ad4359ull, 0xf8974cdbb7954036ull } },
    { 0x0e22e020, 0, /* pmull v0.8h, v1.8b, v2.8b */
      { 0x51bb55c0b3302a54ull, 0x8c4d7f1ee67f3818ull, 0x07eae6b9c68cb1f3ull, 0x31280bcdac8c1a3aull, 0xc92af1da08069de9ull, 0x8f198ce406c27561ull },
      { 0x06300328546d5c4bull, 0x027f1bc458c67deaull } },
    { 0x0e22e020, 0, /* pmull v0.8h, v1.8b, v2.8b */
      { 0x4f4fa5ce8c78ae0full, 0xb1b7b54193b68b93ull, 0x97f6ea19da870aa4ull, 0xe38834d57534df90ull, 0xbf47d763eb1c0d62ull, 0x06df4689ef1e6ddeull },
      { 0x477e0e5400723cc8ull, 0x574d3f4243b6054bull } },
    { 0x0e22e020, 0, /* pmull v0.8h, v1.8b, v2.8b */
      { 0x1e3500354fc88a85ull, 0x0a8cb3c9fb8305d0ull, 0x8fdd5e1f93529fbcull, 0x6b9fb9f231cb61acull, 0x0e957b3b7569ee31ull, 0xf0af08fdcccc524eull },
      { 0x3d4f1c027c1a1cfcull, 0x075a60f91bb202c9ull } },
    { 0x0e22e020, 0, /* pmull v0.8h, v1.8b, v2.8b */
      { 0xb0f7ca9127eee9d9ull, 0x750566e706f1a339ull, 0x88154d384a8a19bcull, 0x402eee953bf0d997ull, 0x1a2105351a69cba0ull, 0xb3209b56570dab5aull },
      { 0x0664371a0a234980ull, 0x0dd002b501790458ull } },
    { 0x4e22e020, 0, /* pmull2 v0.8h, v1.16b, v2.16b */
      { 0x10663f9309f6a8eeull, 0xb2b132103a959dceull, 0x312a0a5589b868eaull, 0x91d2880064e1e850ull, 0x35cd1b1de0e080d0ull, 0x26976a2c80d28c81ull },
      { 0x3200471270e02850ull, 0x1146661e36500000ull } },
    { 0x4e22e020, 0, /* pmull2 v0.8h, v1.16b, v2.16b */
      { 0x32f1c3ca781415eaull, 0x429a57bfa065db61ull, 0x5f6aa36165fa003aull, 0x9cc69aa60b0e1f48ull, 0x8314f631891da37dull, 0x217072baa64adff6ull },
      { 0x04da03ec09153a30ull, 0x131c25203d5449dcull } },
    { 0x4e22e020, 0, /* pmull2 v0.8h, v1.16b, v2.16b */
      { 0x5e656796f3e8fc1cull, 0x22c691bd1d2ce46aull, 0x9ebb2f359f4293afull, 0x36e2a86919731349ull, 0x1670e6225675abffull, 0xe944afc04342330dull },
      { 0x066b1c2603650325ull, 0x11c63b0847182ec0ull } },
    { 0x4e22e020, 0, /* pmull2 v0.8h, v1.16b, v2.16b */
      { 0xbb2635ea009619a4ull, 0x5b64feac000b697cull, 0x1138b3c4cefce72full, 0xc29d13ab69548168ull, 0xbc1d6920eb80d9feull, 0xbd76e1f53ca78159ull },
      { 0x095c212c40011fa8ull, 0x70ba3e7e0f336297ull } },
    { 0x0ee2e020, 0, /* pmull v0.1q, v1.1d, v2.1d */
      { 0x70662cd1ba62e99cull, 0x2d8a87353ca707e6ull, 0xf01e5be16992b740ull, 0xb7283db9c1be7693ull, 0x578057c1abd1931cull, 0x6e06b53c7bd67607ull },
      { 0x281cfa56c7b9d300ull, 0x31ae167aaae2b2ffull } },
    { 0x0ee2e020, 0, /* pmull v0.1q, v1.1d, v2.1d */
      { 0xf79655fbbcfa704bull, 0x713c478368e1690aull, 0xfff182f0bf88698bull, 0xdea6ca1139d0b49full, 0x32d7b15632245f26ull, 0xdc58064884b6d5bbull },
      { 0x3f57e2f047dadd5aull, 0x11b3a02d90eaaa82ull } },
    { 0x0ee2e020, 0, /* pmull v0.1q, v1.1d, v2.1d */
      { 0x491404f8602d4ed7ull, 0xdc6fba89367c5595ull, 0xd450100960cb4e8aull, 0x0dbd71da8b6d845dull, 0xc36e0d8d587e1851ull, 0x1d503346880b29a6ull },
      { 0xe0c426ee883cf4aaull, 0x5e6b3c18b163fb67ull } },
    { 0x0ee2e020, 0, /* pmull v0.1q, v1.1d, v2.1d */
      { 0xcbfc65a03b076f69ull, 0xe3a7c397b1e22a91ull, 0x259ae98278e657c8ull, 0xd75afb51768b4138ull, 0x157a4e8004988536ull, 0x05b57ff75efff68aull },
      { 0x210fddaed2d69d30ull, 0x02e4bcf9055e07b3ull } },
    { 0x4ee2e020, 0, /* pmull2 v0.1q, v1.2d, v2.2d */
      { 0x923d2ce6ede04357ull, 0x2fa8be5b3be24306ull, 0x1c7328bc6b01b476ull, 0x6600787682628dabull, 0x1567f64dbb24589bull, 0x591beaad3b3456b1ull },
      { 0x03a004e431bcbdfbull, 0x1cb3c5a4ef7364f6ull } },
    { 0x4ee2e020, 0, /* pmull2 v0.1q, v1.2d, v2.2d */
      { 0xd1af797f935650e8ull, 0x392f109fb5962242ull, 0x825fcb50ad7c8d8full, 0x495b4a7bcc18d8d5ull, 0x5c7dcd2032477298ull, 0xd522d26d442ba715ull },
      { 0x2ee3b2a8a1fb3dd1ull, 0x330b7e5cdb062144ull } },
    { 0x4ee2e020, 0, /* pmull2 v0.1q, v1.2d, v2.2d */
      { 0x593e4550ab0f3b5full, 0x4e82d1997ab78ed3ull, 0x0f556392407bfc14ull, 0x22ca862dee7fd54bull, 0xaec147c72b287a54ull, 0x80a3933ce2a3d1b4ull },
      { 0xaed2e14af659b67cull, 0x11700b73efa59eb2ull } },
    { 0x4ee2e020, 0, /* pmull2 v0.1q, v1.2d, v2.2d */
      { 0xef9415e35ab1b2ddull, 0xa752ce3032fad3baull, 0x1495f92dbaec865cull, 0x3dffe5970690c8c6ull, 0xae681d662c7d4985ull, 0x35379e1020182803ull },
      { 0xa5617aad9ebfa94aull, 0x04aecf252372c609ull } },
    { 0x0ee0e000, 0, /* pmull v0.1q, v0.1d, v0.1d */
      { 0x426cd6a0347c16baull, 0x1b9cc72283100290ull, 0xb3f173e9fd7180feull, 0xe071a8f589fc69b2ull, 0x71b184fd5f993f2eull, 0x32737b82b80b0001ull },
      { 0x0510155001144544ull, 0x1004145051144400ull } },
    { 0x0ee0e000, 0, /* pmull v0.1q, v0.1d, v0.1d */
      { 0xb7da9826abb82b6eull, 0xa2624fea352cf49aull, 0xc4ec449a93fc0ff9ull, 0x9e2898af2d298957ull, 0x9675d4c39b691ae6ull, 0x1a0c2d1b717e2b24ull },
      { 0x4445454004451454ull, 0x4515514441400414ull } },
    { 0x0ee0e000, 0, /* pmull v0.1q, v0.1d, v0.1d */
      { 0x09697ead88da7a56ull, 0x961514543998f079ull, 0xff32b0751659c283ull, 0xf7356cb0fe4296a8ull, 0x72ccb28393d65106ull, 0xc509710ecd58bb74ull },
      { 0x4040514415441114ull, 0x0041144115544451ull } },
    { 0x0ee0e000, 0, /* pmull v0.1q, v0.1d, v0.1d */
      { 0xd5fec13c62bceee4ull, 0xde7e29487d76e488ull, 0x0d93aa69c9701818ull, 0xf46e81642653c9f5ull, 0x7ba2a52cb92e4ef2ull, 0x812891c7b5b12aeeull },
      { 0x1404455054545410ull, 0x5111555450010550ull } },
    { 0x1ac24023, 1, /* crc32b w3, w1, w2 */
      { 0xbdbc6db2fc188d0bull, 0x0000000000000000ull, 0x91295f2371121271ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000b02c80afull, 0x0000000000000000ull } },
    { 0x1ac24023, 1, /* crc32b w3, w1, w2 */
      { 0xa1408aaa5b9fd60dull, 0x0000000000000000ull, 0x9e53017e6916aa5eull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000f2399f98ull, 0x0000000000000000ull } },
    { 0x1ac24023, 1, /* crc32b w3, w1, w2 */
      { 0xf5617d52978dcf61ull, 0x0000000000000000ull, 0x23e8aed4832074b2ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000001f4d0ea1ull, 0x0000000000000000ull } },
    { 0x1ac24023, 1, /* crc32b w3, w1, w2 */
      { 0x4684589f9a7e79fcull, 0x0000000000000000ull, 0xfc8a674ddf06cacdull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x0000000051447e43ull, 0x0000000000000000ull } },
    { 0x1ac24423, 1, /* crc32h w3, w1, w2 */
      { 0x589673a120b087d9ull, 0x0000000000000000ull, 0x69e6794819f350dfull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000004eedc041ull, 0x0000000000000000ull } },
    { 0x1ac24423, 1, /* crc32h w3, w1, w2 */
      { 0x3133588e5a71a47cull, 0x0000000000000000ull, 0xf86c87894cd75248ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000eff4feafull, 0x0000000000000000ull } },
    { 0x1ac24423, 1, /* crc32h w3, w1, w2 */
      { 0x250689a03a1d56fcull, 0x0000000000000000ull, 0x48d04c286df4f2c8ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000006a91ae1bull, 0x0000000000000000ull } },
    { 0x1ac24423, 1, /* crc32h w3, w1, w2 */
      { 0x09847a63f2dfc697ull, 0x0000000000000000ull, 0x1b7d91115fb38263ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000016153efull, 0x0000000000000000ull } },
    { 0x1ac24823, 1, /* crc32w w3, w1, w2 */
      { 0x19d3ab114ac9d9efull, 0x0000000000000000ull, 0x03f43b42f038ededull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000af780fa9ull, 0x0000000000000000ull } },
    { 0x1ac24823, 1, /* crc32w w3, w1, w2 */
      { 0xb3638b191fdc85beull, 0x0000000000000000ull, 0xfa4716c53b3ed8fbull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x0000000098e56053ull, 0x0000000000000000ull } },
    { 0x1ac24823, 1, /* crc32w w3, w1, w2 */
      { 0x504a6c5c4573654cull, 0x0000000000000000ull, 0x1ce2fe39f5fdc1b1ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000c41c3d8full, 0x0000000000000000ull } },
    { 0x1ac24823, 1, /* crc32w w3, w1, w2 */
      { 0xf7bdc8dde3b4fbc8ull, 0x0000000000000000ull, 0xb8ec909efbdb4d53ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000005a9b0b39ull, 0x0000000000000000ull } },
    { 0x9ac24c23, 1, /* crc32x w3, w1, x2 */
      { 0xe6fd6c5a86551fc9ull, 0x0000000000000000ull, 0x237d02dab0b0a5daull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000006c421a6bull, 0x0000000000000000ull } },
    { 0x9ac24c23, 1, /* crc32x w3, w1, x2 */
      { 0x8ea2350eb7db5f87ull, 0x0000000000000000ull, 0x20b0726c40635157ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000a3816ae1ull, 0x0000000000000000ull } },
    { 0x9ac24c23, 1, /* crc32x w3, w1, x2 */
      { 0x3c17a8b8b3a9ad96ull, 0x0000000000000000ull, 0xc6202c1d9f48f6b4ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000370fa1a5ull, 0x0000000000000000ull } },
    { 0x9ac24c23, 1, /* crc32x w3, w1, x2 */
      { 0x0b739e3353a2a4d4ull, 0x0000000000000000ull, 0xb00ff7b687193ba9ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000e6c663ebull, 0x0000000000000000ull } },
    { 0x1ac25023, 1, /* crc32cb w3, w1, w2 */
      { 0x2c7ee1f4646214f1ull, 0x0000000000000000ull, 0x7c4e165d13f04999ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000eb7ba9b9ull, 0x0000000000000000ull } },
    { 0x1ac25023, 1, /* crc32cb w3, w1, w2 */
      { 0x24a5738cc6afbb1cull, 0x0000000000000000ull, 0xe5ed506c094d3abcull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000a28d1a1dull, 0x0000000000000000ull } },
    { 0x1ac25023, 1, /* crc32cb w3, w1, w2 */
      { 0x171b690abdbcbfabull, 0x0000000000000000ull, 0x787802c82971bfc5ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000cd0390faull, 0x0000000000000000ull } },
    { 0x1ac25023, 1, /* crc32cb w3, w1, w2 */
      { 0xf55ee6dc059c3fd1ull, 0x0000000000000000ull, 0x42399346b5e64713ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x0000000022b3ca0cull, 0x0000000000000000ull } },
    { 0x1ac25423, 1, /* crc32ch w3, w1, w2 */
      { 0xf7fd8fbacec268baull, 0x0000000000000000ull, 0x0a8a3e5daf2396b5ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000b86f146dull, 0x0000000000000000ull } },
    { 0x1ac25423, 1, /* crc32ch w3, w1, w2 */
      { 0xc323968b4c08f8cbull, 0x0000000000000000ull, 0x5431a687e125fb1dull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000418e23b2ull, 0x0000000000000000ull } },
    { 0x1ac25423, 1, /* crc32ch w3, w1, w2 */
      { 0xc7097f8fa3bf0169ull, 0x0000000000000000ull, 0x3e471e1f0ace8f39ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000ee5c1065ull, 0x0000000000000000ull } },
    { 0x1ac25423, 1, /* crc32ch w3, w1, w2 */
      { 0x34281b1fb1f6cbf1ull, 0x0000000000000000ull, 0x63c5c862c2e49e94ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000b960a394ull, 0x0000000000000000ull } },
    { 0x1ac25823, 1, /* crc32cw w3, w1, w2 */
      { 0x9f342cd45f81bf2aull, 0x0000000000000000ull, 0x70ffc5f9bcab992eull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000007e6d774aull, 0x0000000000000000ull } },
    { 0x1ac25823, 1, /* crc32cw w3, w1, w2 */
      { 0x376ce2caf6315040ull, 0x0000000000000000ull, 0x3db684462fd5243bull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x0000000057683697ull, 0x0000000000000000ull } },
    { 0x1ac25823, 1, /* crc32cw w3, w1, w2 */
      { 0xa756f12c46c4d572ull, 0x0000000000000000ull, 0x129b4cf2adb6b3d1ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000f2923e1full, 0x0000000000000000ull } },
    { 0x1ac25823, 1, /* crc32cw w3, w1, w2 */
      { 0xb7b563e1f90677ccull, 0x0000000000000000ull, 0xcb8d74cb49372adeull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x0000000003f39f73ull, 0x0000000000000000ull } },
    { 0x9ac25c23, 1, /* crc32cx w3, w1, x2 */
      { 0xcc32c307b0ea48e4ull, 0x0000000000000000ull, 0x57234a719ade4a90ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000000df745e3ull, 0x0000000000000000ull } },
    { 0x9ac25c23, 1, /* crc32cx w3, w1, x2 */
      { 0xbe79661d255451afull, 0x0000000000000000ull, 0x2027eda07fb5a6dbull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000fabfd671ull, 0x0000000000000000ull } },
    { 0x9ac25c23, 1, /* crc32cx w3, w1, x2 */
      { 0x1eaba285fee49697ull, 0x0000000000000000ull, 0x37e8341c19b35abbull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000c106b10aull, 0x0000000000000000ull } },
    { 0x9ac25c23, 1, /* crc32cx w3, w1, x2 */
      { 0x9be3ccdc04ff7216ull, 0x0000000000000000ull, 0x68b0873438c03c53ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000cb64550cull, 0x0000000000000000ull } },
    { 0x1ac243e3, 1, /* crc32b w3, wzr, w2 */
      { 0x5ffda5606e22c25full, 0x0000000000000000ull, 0xc80e6173839e5dd0ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x0000000086d3d2d4ull, 0x0000000000000000ull } },
    { 0x1ac243e3, 1, /* crc32b w3, wzr, w2 */
      { 0x76a4a458940ba036ull, 0x0000000000000000ull, 0x278df226ea624f63ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000d4bb30e2ull, 0x0000000000000000ull } },
    { 0x1ac243e3, 1, /* crc32b w3, wzr, w2 */
      { 0x7168c7fea2ff32a1ull, 0x0000000000000000ull, 0x4f4331c575696175ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000206f85b3ull, 0x0000000000000000ull } },
    { 0x1ac243e3, 1, /* crc32b w3, wzr, w2 */
      { 0xf120626aa3e32cb7ull, 0x0000000000000000ull, 0x74235267ee405fe3ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000003903b3c2ull, 0x0000000000000000ull } },
    { 0x9adf5c23, 1, /* crc32cx w3, w1, xzr */
      { 0xd72883b08e8b2665ull, 0x0000000000000000ull, 0x6f78bd14abd3098eull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000448c952bull, 0x0000000000000000ull } },
    { 0x9adf5c23, 1, /* crc32cx w3, w1, xzr */
      { 0xd62d5b22c185469cull, 0x0000000000000000ull, 0x6ea34aa29063ff78ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000fc2fb9baull, 0x0000000000000000ull } },
    { 0x9adf5c23, 1, /* crc32cx w3, w1, xzr */
      { 0x058161bbebd53160ull, 0x0000000000000000ull, 0xff136813878b11a5ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x000000009ec9cad5ull, 0x0000000000000000ull } },
    { 0x9adf5c23, 1, /* crc32cx w3, w1, xzr */
      { 0x1aab0f2c66f7b4ccull, 0x0000000000000000ull, 0xd8e5141bc1230dd3ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x00000000d18ae1edull, 0x0000000000000000ull } },
    { 0x4e284820, 0, /* aese v0.16b, v1.16b */
      { 0x8d305a88a8f64332ull, 0x340737e0a2983131ull, 0xa6d2ae2816157e2bull, 0x3c4fcf098815f7abull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull } },
    { 0x4e286820, 0, /* aesmc v0.16b, v1.16b */
      { 0x0000000000000000ull, 0x0000000000000000ull, 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x9a19cbe0e5816604ull, 0x4c2606287ad3f848ull } },
    { 0x4e287820, 0, /* aesimc v0.16b, v1.16b */
      { 0x0000000000000000ull, 0x0000000000000000ull, 0x9a19cbe0e5816604ull, 0x4c2606287ad3f848ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull } },
    { 0x4e285820, 0, /* aesd v0.16b, v1.16b */
      { 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull, 0x0000000000000000ull },
      { 0x2be2f4a0bee33d19ull, 0x0848f8e92a8dc69aull } },
};

static MemoryRegion ram;
static CPUState *cs;

static CPUARMState *env(void)
{
    return cpu_env(cs);
}

/* Fresh CPU with FP enabled at EL1, the word then BRK #0 at CODE_BASE. */
static void load_word(uint32_t w, uint64_t isar0)
{
    uint8_t *p = (uint8_t *)memory_region_get_ram_ptr(&ram) +
                 (CODE_BASE - RAM_BASE);
    uint32_t words[2] = { GUINT32_TO_LE(w), GUINT32_TO_LE(0xd4200000) };

    cpu_reset(cs);
    tb_flush();
    memcpy(p, words, sizeof(words));
    /* EL1h with DAIF masked, as after reset; the call also makes the
     * linker keep cpu.c, which registers the CPU types. */
    arm_pstate_write(env(), 0x3c5);
    env()->pc = CODE_BASE;
    env()->cpacr_el1 = 3u << 20;
    ARM_CPU(cs)->isar.id_aa64isar0 = isar0;
}

static int run(void)
{
    int r;

    do {
        r = tcg_lite_exec(cs, 1000);
    } while (r == EXCP_INTERRUPT);
    return r;
}

static void set_inputs(const CryptoCase *c)
{
    unsigned r;

    if (c->xregs) {
        env()->xregs[1] = c->in[0];
        env()->xregs[2] = c->in[2];
        return;
    }
    for (r = 0; r < 3; r++) {
        env()->vregs[r].d[0] = c->in[2 * r];
        env()->vregs[r].d[1] = c->in[2 * r + 1];
    }
}

static void test_recorded(void)
{
    size_t i, failed = 0;

    for (i = 0; i < G_N_ELEMENTS(crypto_cases); i++) {
        const CryptoCase *c = &crypto_cases[i];
        uint64_t lo, hi;
        int r;

        load_word(c->insn, A57_ISAR0);
        set_inputs(c);
        r = run();
        lo = c->xregs ? env()->xregs[3] : env()->vregs[0].d[0];
        hi = c->xregs ? 0 : env()->vregs[0].d[1];
        if (r != EXCP_BKPT || lo != c->out[0] || hi != c->out[1]) {
            g_test_message("case %zu insn 0x%08x: exit %d, %016" PRIx64
                           "%016" PRIx64 ", expected %016" PRIx64 "%016"
                           PRIx64, i, c->insn, r, hi, lo, c->out[1],
                           c->out[0]);
            failed++;
        }
    }
    g_assert_cmpuint(failed, ==, 0);
}

static void assert_undef(uint32_t w, uint64_t isar0)
{
    load_word(w, isar0);
    if (run() != EXCP_UDEF) {
        g_test_message("0x%08x with ISAR0 0x%" PRIx64 " should be UNDEF",
                       w, isar0);
        g_assert_not_reached();
    }
    g_assert_cmphex(env()->exception.syndrome, ==, 0x02000000);
}

static void assert_runs(uint32_t w, uint64_t isar0)
{
    load_word(w, isar0);
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

/*
 * Reserved encodings (each verified UNDEF on QEMU 7.2, ESR 0x02000000):
 * PMULL with size 01 and 10, the AES group with a non-zero size or
 * opcode, SHA three-register opcode 111, SHA two-register opcode 00011,
 * CRC32X with sf = 0 and CRC32W with sf = 1. And RAX1 (SHA3, v8.2).
 */
static const uint32_t reserved_words[] = {
    0x4e62e020, 0x4ea2e020, 0x4e685820, 0x4e283820, 0x5e027020,
    0x5e283820, 0x1ac24c23, 0x9ac24823, 0xce608c20,
};

static void test_undef(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(reserved_words); i++) {
        assert_undef(reserved_words[i], A57_ISAR0);
    }
}

/* Each feature follows its ID_AA64ISAR0 field: with the field clear the
 * instruction is UNDEF, as in QEMU for a CPU without it; PMULL of 1D
 * needs AES = 2, the 8B form is plain AdvSIMD. */
static void test_id_gating(void)
{
    static const struct {
        uint32_t insn;
        uint64_t need;      /* ISAR0 without this field value: UNDEF */
    } gates[] = {
        { 0x4e284820, 0x10 },       /* aese v0.16b, v1.16b: AES 1 */
        { 0x4e287820, 0x10 },       /* aesimc v0.16b, v1.16b */
        { 0x0ee2e020, 0x20 },       /* pmull v0.1q, v1.1d, v2.1d: AES 2 */
        { 0x5e020020, 0x100 },      /* sha1c q0, s1, v2.4s: SHA1 */
        { 0x5e280820, 0x100 },      /* sha1h s0, s1 */
        { 0x5e024020, 0x1000 },     /* sha256h q0, q1, v2.4s: SHA2 */
        { 0x5e282820, 0x1000 },     /* sha256su0 v0.4s, v1.4s */
        { 0x1ac24023, 0x10000 },    /* crc32b w3, w1, w2: CRC32 */
        { 0x9ac25c23, 0x10000 },    /* crc32cx w3, w1, x2 */
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(gates); i++) {
        assert_runs(gates[i].insn, gates[i].need);
        assert_undef(gates[i].insn, 0);
    }
    assert_undef(0x0ee2e020, 0x10);          /* PMULL 1Q with AES 1 */
    assert_runs(0x0e22e020, 0);               /* pmull v0.8h: always */
}

/* CPACR_EL1.FPEN = 0: crypto instructions take the FP access trap;
 * CRC32 (general registers) does not. */
static void test_fp_trap(void)
{
    load_word(0x4e284820, A57_ISAR0);
    env()->cpacr_el1 = 0;
    g_assert_cmpint(run(), ==, EXCP_UDEF);
    g_assert_cmphex(env()->exception.syndrome, ==, 0x1fe00000);

    load_word(0x1ac24023, A57_ISAR0);
    env()->cpacr_el1 = 0;
    g_assert_cmpint(run(), ==, EXCP_BKPT);
}

/* CRC-32 and CRC-32C of "123456789" with the usual inversions: the check
 * values 0xcbf43926 and 0xe3069283 of the two standards. The words:
 * crc32x w0, w0, x1; crc32b w0, w0, w2 (and crc32cx, crc32cb). */
static void test_crc_check_value(void)
{
    static const uint32_t prog[2][2] = {
        { 0x9ac14c00, 0x1ac24000 },
        { 0x9ac15c00, 0x1ac25000 },
    };
    static const uint32_t check[2] = { 0xcbf43926, 0xe3069283 };
    unsigned k;

    for (k = 0; k < 2; k++) {
        uint8_t *p = (uint8_t *)memory_region_get_ram_ptr(&ram) +
                     (CODE_BASE - RAM_BASE);
        uint32_t w[3] = { GUINT32_TO_LE(prog[k][0]),
                          GUINT32_TO_LE(prog[k][1]),
                          GUINT32_TO_LE(0xd4200000) };

        load_word(0, A57_ISAR0);
        memcpy(p, w, sizeof(w));
        env()->xregs[0] = 0xffffffff;
        env()->xregs[1] = 0x3837363534333231ULL;   /* "12345678" */
        env()->xregs[2] = '9';
        g_assert_cmpint(run(), ==, EXCP_BKPT);
        g_assert_cmphex(env()->xregs[0] ^ 0xffffffff, ==, check[k]);
    }
}

int main(int argc, char **argv)
{
    Object *obj;

    g_test_init(&argc, &argv, NULL);
    memory_map_init();
    g_assert(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, NULL));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);
    obj = object_new(TYPE_ARM_CPU_CORTEX_A57);
    g_assert(qdev_realize(DEVICE(obj), NULL, NULL));
    cs = CPU(obj);

    g_test_add_func("/arm-crypto/recorded", test_recorded);
    g_test_add_func("/arm-crypto/undef", test_undef);
    g_test_add_func("/arm-crypto/id-gating", test_id_gating);
    g_test_add_func("/arm-crypto/fp-trap", test_fp_trap);
    g_test_add_func("/arm-crypto/crc-check-value", test_crc_check_value);
    return g_test_run();
}
