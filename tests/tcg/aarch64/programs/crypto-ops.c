/*
 * crypto-ops: AES, SHA1, SHA256, PMULL/PMULL2 and CRC32/CRC32C on
 * random operands (fixed seed), plus FIPS-197 appendix B's first round.
 * Each case loads V0-V2 (or X1, X2), runs one instruction and prints the
 * destination (V0, or X3 for CRC32).
 */
#include "lib.h"

struct cr_case {
    uint64_t v[6];          /* V0, V1, V2 in (lo, hi) pairs; X1, X2 */
    uint64_t pad[2];
    uint64_t out[2];
} __attribute__((aligned(16)));

typedef void case_fn(struct cr_case *c);

static const uint64_t inputs[124][6] = {
    { 0xe49bec741188ebbull, 0xcc733c92685315f6ull, 0xf1d3979f1043fae0ull, 0xa41f020c2d4d333full, 0x1d0cfbfb5d8ca6c2ull, 0xaca531aee7ba00c3ull },
    { 0xdaaede080adab7dfull, 0x9626bf792f973c0cull, 0x7c8b1beb0d9320acull, 0x69261bc24a71ade7ull, 0x3b4b76449a53270cull, 0xa82c1e8766b2a4a6ull },
    { 0xd42d3e4cf15982c1ull, 0x7217d7d26f240bf5ull, 0x2bbd3011ea911cb2ull, 0x1b96a66733e47faull, 0x8825bdd51d2a12b3ull, 0x7019f6a527713971ull },
    { 0xbfe023f83bf83840ull, 0xa5e24f10dae78e5bull, 0xfc2dbe2943446578ull, 0xa03345ac96b3cbbeull, 0x35f82486d147bcd2ull, 0x566d86878fb6b5c2ull },
    { 0xa4707de16f437d8bull, 0xd9117f5238393641ull, 0x79c57148993aea1cull, 0x4bd9201331c51f87ull, 0xe033bb9d3bf2b86full, 0x59a7546dca9ff6c9ull },
    { 0x63eb8ba56cadfe2cull, 0x11804b641b8cd606ull, 0x55ebea32c7815ad2ull, 0x9e65861e41bfbb1eull, 0x31c3296931fb5bd1ull, 0x3e845e465804cf4bull },
    { 0x1086a9edafd8f8ebull, 0x4eb8bd82bb8b0132ull, 0xaec35b986527fe9dull, 0xaf90e67e73f069efull, 0xff09418e5f8dc9e8ull, 0xb3dd6ebba857383dull },
    { 0xd8a0c64e6f409bceull, 0x4c91aba01c11f824ull, 0x7b8d192fe68f5692ull, 0x8f17ffe7f91c8b7full, 0xc1150137188ce7abull, 0xd2cc542f173c83f2ull },
    { 0xdcd434acffcecb26ull, 0x4f058a54a084050full, 0xfd740e30b315ed3ull, 0xc185d6f033d3762dull, 0x11d1e300449536f5ull, 0x93646898875ed073ull },
    { 0x650e55ac0d6f913full, 0x6c3c5f378cb91b80ull, 0x87336ad9575e207bull, 0x31967b1d1af81318ull, 0xa36fbe6f30f5a571ull, 0xb51906d5ebc7a6e2ull },
    { 0x4711174b8a2bc3f5ull, 0x10d44ccdcd8d0edfull, 0xab7be997155da3aaull, 0x96bacd34d5e111f0ull, 0x8e3d77f9bd8af66bull, 0xf25e1c8de0183e9cull },
    { 0x728b70c2ce62c7bbull, 0xdc4d0b5a6bef6141ull, 0x955bb3a0d83ad014ull, 0xeac4e114cb838542ull, 0x19d8ddee8f6cb510ull, 0x9ca1ec8d2bb62184ull },
    { 0xbb26093fcff482d2ull, 0xf54b716e655d939ull, 0x6031a52d480c7ca7ull, 0x47aa6c39f084fffaull, 0x8916240c3c2f8718ull, 0x90c831e22301666cull },
    { 0x609c53627bf8615aull, 0xe5a943c3d5de4604ull, 0x5443eac94cf0c9d5ull, 0xdd0c70d3a7ca2fbdull, 0xa59ad15ba74f6f28ull, 0x3029a07d0e8e4380ull },
    { 0xfdf2b38055442774ull, 0x860755d2532db9faull, 0x99af22053708c492ull, 0xfc71479006c80194ull, 0x4aaa2345d41ce377ull, 0xfd87367c67c6b6f1ull },
    { 0x615bd5342e61a7eull, 0xf137186aa1a93205ull, 0xc2b756031f8f75ffull, 0x37a4469d0b6b2fb0ull, 0x34d8388b3a89068eull, 0x8efaa3d65388a204ull },
    { 0x9310329e1c527c7full, 0xc08d74da7fca7d76ull, 0x5349b5a366f276d6ull, 0xb0194441017e1929ull, 0x21e5b45a3999b548ull, 0x93f29a6cce4c8636ull },
    { 0xc991a22a9da9eb3aull, 0x331da1681cf680d7ull, 0x26fd422b1492e683ull, 0x14dbf0a91aa4bfa5ull, 0xcbd0cceb15602873ull, 0x3466f8724aee1efbull },
    { 0xa8bf6160bb61bbd5ull, 0x11d605394c50491full, 0x2b0ead53ca3752e5ull, 0x78949af46ed9c499ull, 0x8b4810a0269f64c4ull, 0xab7e2782b2fa6ee6ull },
    { 0xc6a1a622f0dcc9bfull, 0xdfe02046b3800a78ull, 0x7deb360cedad6ea5ull, 0xe9d11fc115d0f0c0ull, 0x2ab61b64f6c5ae07ull, 0x92bd79d0d5baed98ull },
    { 0xde881cfbe541a3efull, 0x321663abadaf546bull, 0xed2f53b1f5f37912ull, 0xe3cb3cc4c7c68530ull, 0x86a4b941d006546aull, 0xa763d74a1120549cull },
    { 0xc43ca168e29bae22ull, 0x8b059a802a2c10ebull, 0x175de184b735f5adull, 0x195b3a105030c84aull, 0xe33fe97cbad000b1ull, 0x1a29970283c2a47eull },
    { 0x15e4d43858c37e2aull, 0xf085614ba59ec590ull, 0xe05a577b46dabbc0ull, 0x3c06b59d02882bd5ull, 0x5b5346fa8fad8b3dull, 0x6555cf97c1962b9eull },
    { 0x632811d5df97f5eull, 0x4efe768149c6d16full, 0x5db531c414671343ull, 0x29b531d16db49166ull, 0x9231ae6e0fb876baull, 0x50a8750799edcd96ull },
    { 0xb0333c9fd9e4a3dbull, 0x60989dd5e1a7de3eull, 0xbd158f093c26757eull, 0xf047d185dd9d4258ull, 0x57864ab7ec011eefull, 0x4210def267553b82ull },
    { 0xd672693f1ff58fbull, 0x3db778c6cca2762bull, 0xde7995fb05e8174cull, 0x5bbb6bd01fea77c5ull, 0x5e5a660aa42c5161ull, 0xf542c1f22def93ebull },
    { 0x6408db150b482c7cull, 0x290330916dacd338ull, 0x5c229a4464be3f3bull, 0x321509c78c8cbf56ull, 0xc6ab1f72756d357bull, 0x43b4fde4c6ae64ddull },
    { 0x791c731f2d8135dbull, 0x2bf8fe5d369045beull, 0xda544c0986d47ca8ull, 0x641617dad198775dull, 0xae42a7d171952bd9ull, 0x1931f70c16e26981ull },
    { 0xe1fa20df4498f09full, 0xde34e3acd944ad04ull, 0x3e981b3bb344ca09ull, 0x2fa238a3ef1a5809ull, 0xcb942685b610c41aull, 0x96fe43b6e0dfe483ull },
    { 0x9cbfae8a065fc536ull, 0xa612d348e660d784ull, 0x8bd03cddbeb409b0ull, 0x3958342972a4569cull, 0x8a87ccdc0f1179f1ull, 0xcbbd91aae5b30a80ull },
    { 0x203326a26bb37a9full, 0x6121af6ee0797f44ull, 0x51db2fc3d55c442ull, 0xdc2d133aa6f6fd7cull, 0xedd14a35f2df1a4cull, 0x467f47764b07ae2aull },
    { 0xa0d7183284492bcbull, 0xd0532d85e62199cfull, 0x10fb08b208de1716ull, 0xb65036e0c7b26232ull, 0xf4795c09f288d670ull, 0xae7340567e0caf8dull },
    { 0x5ec0bc76b26c6f9dull, 0x49dfe4a927995ddcull, 0x9bde02f1d879b20eull, 0xc863132949c4adaaull, 0x14222299c325bcbcull, 0x9811f1042136f2ffull },
    { 0xd7ba659b9ca00d5cull, 0xfca85a674d428a9ull, 0xdda44f0c9c575192ull, 0xaca22953b07129e0ull, 0x48e52ab9c51f779eull, 0x4cce50dcf62594ebull },
    { 0x2a401d4d183316b2ull, 0x17625600c5d1eb03ull, 0x1f24917ee4be99full, 0xc2f4c07173a14c97ull, 0x1e81f76831401f7dull, 0x99fdf3474240d9faull },
    { 0x21d37047c3f9378ull, 0x73c801f4b531f8d5ull, 0xb19f7ecd2b4686ull, 0xebf21b9c2eae2b48ull, 0x4ab21364224f3a5full, 0x9384b5c1860abfcdull },
    { 0x3d6f5ef3d639c8c3ull, 0xd84725811de33fbcull, 0xe1763acea6353d52ull, 0x52f5c25140724169ull, 0xf716ef044182427bull, 0x28ffbbfb807a93c0ull },
    { 0x54d7f846bf249ad9ull, 0x7255f79793636946ull, 0x6041bb852a3bd83cull, 0xfa67f22fb981e9e8ull, 0xeab036082df93cbull, 0x6ecf21fb8781653cull },
    { 0x369500c6fc72d58cull, 0xd8815072be56c98bull, 0x5d0779db69190a7bull, 0x83013989a1bbff12ull, 0x866d8c89e45c0307ull, 0x277d44965bfd7839ull },
    { 0x6cf5d8878a22afb7ull, 0xa3cab086580196dull, 0xaa22fb756c8e4244ull, 0x335a6ee5fd45a26cull, 0x30f3398abc184488ull, 0x11ebad4a31d539daull },
    { 0x956d84ee76d83993ull, 0xde82e6fc9d818c5bull, 0x10af045f8be15b5eull, 0xd8adf930bad63dd3ull, 0x964f2cc752d9aa22ull, 0x1d05cb0453017948ull },
    { 0x41e9862747453554ull, 0x4b654f9d9025eff9ull, 0x9c25961b1992d1a6ull, 0x4752d7c50ab54cc2ull, 0x9a44c28a1ec93294ull, 0xf9e58981750ccf01ull },
    { 0x8d9b44892c90a17dull, 0x77b49c8fd7683610ull, 0x6e91e76bb0a9c6d0ull, 0x1b63a3b938f3a28bull, 0xbf3efe304ed19a25ull, 0x726b4ec3a4c5ee03ull },
    { 0xbd2134b80ab01da4ull, 0x1058f21345cce515ull, 0xe94710ddb8b88433ull, 0x765020872c15c4a9ull, 0xef227f18c1f09fadull, 0x13b8a45715728f46ull },
    { 0x35a696325b7670daull, 0x75ad87e0679e326ull, 0xc8facfdb44ec1d10ull, 0x7a81ed59ab9323c1ull, 0x9e1c3638f14f4c21ull, 0x4d1c6762c686553ull },
    { 0x9f0f3662acabade3ull, 0x80e02cbb3d45ed8dull, 0x5092e870de94374bull, 0x1a5d489f67342affull, 0x126c5a5e4f335f71ull, 0x268adbffea66b2a1ull },
    { 0xb65172991ad7e6a7ull, 0x221c9ba2bdd2a57bull, 0x7f45ad397cf82d13ull, 0x3a3b8184175e838bull, 0xc377e0b9ef02eca3ull, 0xbd2932d56b0c11afull },
    { 0xfb19501792c36e04ull, 0x357cb5de19cdcca4ull, 0x1f54281d3ee37355ull, 0x43f74de73709d983ull, 0xc4c9ce67c5d0e39dull, 0x5e16d5969931d272ull },
    { 0x97cbd79800d48107ull, 0x49de159361a9b7beull, 0x1fd99cf8ce3e67f4ull, 0xf0060acfa04751aeull, 0x265e685e21457302ull, 0x9ce52434bd17ded8ull },
    { 0xbea6f700e90264d4ull, 0xd2d58246912204c2ull, 0xb60a2c5eb829cd68ull, 0x4af9d1a1c86e04c6ull, 0x99cebc03ff106ee9ull, 0x526c7ba21388cb4ull },
    { 0x175b8304437b9902ull, 0x76bb24c2d73d66a4ull, 0x62464b7b15ac66b4ull, 0x76f7cd10671f6c04ull, 0x253cd566d4db6392ull, 0xfa6dc878892a8989ull },
    { 0xbb9805576d1872cull, 0xb881f2c5d3e9facbull, 0x7247a8a8efec1e5dull, 0x682beaa4bbc858f1ull, 0x3309d27cea38864aull, 0x1ebcaaac6d10c677ull },
    { 0xd5902ac0993e0899ull, 0x7d6f7fed7797a8bfull, 0x31dc8cbd4387e5b1ull, 0xd0d9627f117ff361ull, 0x2f6bd76e8b6d4807ull, 0xaeee19f1766807bfull },
    { 0x26b2106fb1529251ull, 0xa3a5ce4906ef231bull, 0xde7011d76417c24aull, 0x5bd5e1144687a168ull, 0x216c0a7d6254a4dfull, 0xbd454092f4d30e4ull },
    { 0x84a6f1ae8650e274ull, 0x322eefccb024a164ull, 0xa3b648d440102fa9ull, 0x5576712d4bab53c7ull, 0x2204d29137b7b6cbull, 0x42b0db3e5c4daeebull },
    { 0x8ed52ac977954a4dull, 0x4130a34e77b1f001ull, 0x6e426c25fe08b500ull, 0xedebade0294e026full, 0x3dc70b31314b6326ull, 0xf41312dcf7bdbddull },
    { 0x4f24f3b0a74d26d7ull, 0xc5cf4421531dcb87ull, 0xa1e31740f3aaeceull, 0xed7502e167358000ull, 0xfe3f80e4883ea74dull, 0xbd2ae6e17859fabull },
    { 0xf889a90ef89d8f2bull, 0xd183f2b1bcdd36aull, 0x67da67721748c4ecull, 0xb5c7203f1fe55afaull, 0xf612ba2ea510729aull, 0xfae3bf491146382bull },
    { 0x8df3c099d52dd117ull, 0x470f1b071bd4242dull, 0xacf1e8484e4ca733ull, 0xc6b495e642dc70c9ull, 0x4be1730a61fb56a7ull, 0xe8828ec3b88be27dull },
    { 0x9024edeb2d44cb57ull, 0x4628b3f423d124eaull, 0x2a740f6729cf2da8ull, 0x8a005999f543c193ull, 0x603dce90d581f80dull, 0x95a8bb8c6846c31aull },
    { 0x51bb55c0b3302a54ull, 0x8c4d7f1ee67f3818ull, 0x7eae6b9c68cb1f3ull, 0x31280bcdac8c1a3aull, 0xc92af1da08069de9ull, 0x8f198ce406c27561ull },
    { 0x4f4fa5ce8c78ae0full, 0xb1b7b54193b68b93ull, 0x97f6ea19da870aa4ull, 0xe38834d57534df90ull, 0xbf47d763eb1c0d62ull, 0x6df4689ef1e6ddeull },
    { 0x1e3500354fc88a85ull, 0xa8cb3c9fb8305d0ull, 0x8fdd5e1f93529fbcull, 0x6b9fb9f231cb61acull, 0xe957b3b7569ee31ull, 0xf0af08fdcccc524eull },
    { 0xb0f7ca9127eee9d9ull, 0x750566e706f1a339ull, 0x88154d384a8a19bcull, 0x402eee953bf0d997ull, 0x1a2105351a69cba0ull, 0xb3209b56570dab5aull },
    { 0x10663f9309f6a8eeull, 0xb2b132103a959dceull, 0x312a0a5589b868eaull, 0x91d2880064e1e850ull, 0x35cd1b1de0e080d0ull, 0x26976a2c80d28c81ull },
    { 0x32f1c3ca781415eaull, 0x429a57bfa065db61ull, 0x5f6aa36165fa003aull, 0x9cc69aa60b0e1f48ull, 0x8314f631891da37dull, 0x217072baa64adff6ull },
    { 0x5e656796f3e8fc1cull, 0x22c691bd1d2ce46aull, 0x9ebb2f359f4293afull, 0x36e2a86919731349ull, 0x1670e6225675abffull, 0xe944afc04342330dull },
    { 0xbb2635ea009619a4ull, 0x5b64feac000b697cull, 0x1138b3c4cefce72full, 0xc29d13ab69548168ull, 0xbc1d6920eb80d9feull, 0xbd76e1f53ca78159ull },
    { 0x70662cd1ba62e99cull, 0x2d8a87353ca707e6ull, 0xf01e5be16992b740ull, 0xb7283db9c1be7693ull, 0x578057c1abd1931cull, 0x6e06b53c7bd67607ull },
    { 0xf79655fbbcfa704bull, 0x713c478368e1690aull, 0xfff182f0bf88698bull, 0xdea6ca1139d0b49full, 0x32d7b15632245f26ull, 0xdc58064884b6d5bbull },
    { 0x491404f8602d4ed7ull, 0xdc6fba89367c5595ull, 0xd450100960cb4e8aull, 0xdbd71da8b6d845dull, 0xc36e0d8d587e1851ull, 0x1d503346880b29a6ull },
    { 0xcbfc65a03b076f69ull, 0xe3a7c397b1e22a91ull, 0x259ae98278e657c8ull, 0xd75afb51768b4138ull, 0x157a4e8004988536ull, 0x5b57ff75efff68aull },
    { 0x923d2ce6ede04357ull, 0x2fa8be5b3be24306ull, 0x1c7328bc6b01b476ull, 0x6600787682628dabull, 0x1567f64dbb24589bull, 0x591beaad3b3456b1ull },
    { 0xd1af797f935650e8ull, 0x392f109fb5962242ull, 0x825fcb50ad7c8d8full, 0x495b4a7bcc18d8d5ull, 0x5c7dcd2032477298ull, 0xd522d26d442ba715ull },
    { 0x593e4550ab0f3b5full, 0x4e82d1997ab78ed3ull, 0xf556392407bfc14ull, 0x22ca862dee7fd54bull, 0xaec147c72b287a54ull, 0x80a3933ce2a3d1b4ull },
    { 0xef9415e35ab1b2ddull, 0xa752ce3032fad3baull, 0x1495f92dbaec865cull, 0x3dffe5970690c8c6ull, 0xae681d662c7d4985ull, 0x35379e1020182803ull },
    { 0x426cd6a0347c16baull, 0x1b9cc72283100290ull, 0xb3f173e9fd7180feull, 0xe071a8f589fc69b2ull, 0x71b184fd5f993f2eull, 0x32737b82b80b0001ull },
    { 0xb7da9826abb82b6eull, 0xa2624fea352cf49aull, 0xc4ec449a93fc0ff9ull, 0x9e2898af2d298957ull, 0x9675d4c39b691ae6ull, 0x1a0c2d1b717e2b24ull },
    { 0x9697ead88da7a56ull, 0x961514543998f079ull, 0xff32b0751659c283ull, 0xf7356cb0fe4296a8ull, 0x72ccb28393d65106ull, 0xc509710ecd58bb74ull },
    { 0xd5fec13c62bceee4ull, 0xde7e29487d76e488ull, 0xd93aa69c9701818ull, 0xf46e81642653c9f5ull, 0x7ba2a52cb92e4ef2ull, 0x812891c7b5b12aeeull },
    { 0xbdbc6db2fc188d0bull, 0x0ull, 0x91295f2371121271ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xa1408aaa5b9fd60dull, 0x0ull, 0x9e53017e6916aa5eull, 0x0ull, 0x0ull, 0x0ull },
    { 0xf5617d52978dcf61ull, 0x0ull, 0x23e8aed4832074b2ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x4684589f9a7e79fcull, 0x0ull, 0xfc8a674ddf06cacdull, 0x0ull, 0x0ull, 0x0ull },
    { 0x589673a120b087d9ull, 0x0ull, 0x69e6794819f350dfull, 0x0ull, 0x0ull, 0x0ull },
    { 0x3133588e5a71a47cull, 0x0ull, 0xf86c87894cd75248ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x250689a03a1d56fcull, 0x0ull, 0x48d04c286df4f2c8ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x9847a63f2dfc697ull, 0x0ull, 0x1b7d91115fb38263ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x19d3ab114ac9d9efull, 0x0ull, 0x3f43b42f038ededull, 0x0ull, 0x0ull, 0x0ull },
    { 0xb3638b191fdc85beull, 0x0ull, 0xfa4716c53b3ed8fbull, 0x0ull, 0x0ull, 0x0ull },
    { 0x504a6c5c4573654cull, 0x0ull, 0x1ce2fe39f5fdc1b1ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xf7bdc8dde3b4fbc8ull, 0x0ull, 0xb8ec909efbdb4d53ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xe6fd6c5a86551fc9ull, 0x0ull, 0x237d02dab0b0a5daull, 0x0ull, 0x0ull, 0x0ull },
    { 0x8ea2350eb7db5f87ull, 0x0ull, 0x20b0726c40635157ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x3c17a8b8b3a9ad96ull, 0x0ull, 0xc6202c1d9f48f6b4ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xb739e3353a2a4d4ull, 0x0ull, 0xb00ff7b687193ba9ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x2c7ee1f4646214f1ull, 0x0ull, 0x7c4e165d13f04999ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x24a5738cc6afbb1cull, 0x0ull, 0xe5ed506c094d3abcull, 0x0ull, 0x0ull, 0x0ull },
    { 0x171b690abdbcbfabull, 0x0ull, 0x787802c82971bfc5ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xf55ee6dc059c3fd1ull, 0x0ull, 0x42399346b5e64713ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xf7fd8fbacec268baull, 0x0ull, 0xa8a3e5daf2396b5ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xc323968b4c08f8cbull, 0x0ull, 0x5431a687e125fb1dull, 0x0ull, 0x0ull, 0x0ull },
    { 0xc7097f8fa3bf0169ull, 0x0ull, 0x3e471e1f0ace8f39ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x34281b1fb1f6cbf1ull, 0x0ull, 0x63c5c862c2e49e94ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x9f342cd45f81bf2aull, 0x0ull, 0x70ffc5f9bcab992eull, 0x0ull, 0x0ull, 0x0ull },
    { 0x376ce2caf6315040ull, 0x0ull, 0x3db684462fd5243bull, 0x0ull, 0x0ull, 0x0ull },
    { 0xa756f12c46c4d572ull, 0x0ull, 0x129b4cf2adb6b3d1ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xb7b563e1f90677ccull, 0x0ull, 0xcb8d74cb49372adeull, 0x0ull, 0x0ull, 0x0ull },
    { 0xcc32c307b0ea48e4ull, 0x0ull, 0x57234a719ade4a90ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xbe79661d255451afull, 0x0ull, 0x2027eda07fb5a6dbull, 0x0ull, 0x0ull, 0x0ull },
    { 0x1eaba285fee49697ull, 0x0ull, 0x37e8341c19b35abbull, 0x0ull, 0x0ull, 0x0ull },
    { 0x9be3ccdc04ff7216ull, 0x0ull, 0x68b0873438c03c53ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x5ffda5606e22c25full, 0x0ull, 0xc80e6173839e5dd0ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x76a4a458940ba036ull, 0x0ull, 0x278df226ea624f63ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x7168c7fea2ff32a1ull, 0x0ull, 0x4f4331c575696175ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xf120626aa3e32cb7ull, 0x0ull, 0x74235267ee405fe3ull, 0x0ull, 0x0ull, 0x0ull },
    { 0xd72883b08e8b2665ull, 0x0ull, 0x6f78bd14abd3098eull, 0x0ull, 0x0ull, 0x0ull },
    { 0xd62d5b22c185469cull, 0x0ull, 0x6ea34aa29063ff78ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x58161bbebd53160ull, 0x0ull, 0xff136813878b11a5ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x1aab0f2c66f7b4ccull, 0x0ull, 0xd8e5141bc1230dd3ull, 0x0ull, 0x0ull, 0x0ull },
    { 0x8d305a88a8f64332ull, 0x340737e0a2983131ull, 0xa6d2ae2816157e2bull, 0x3c4fcf098815f7abull, 0x0ull, 0x0ull },
    { 0x0ull, 0x0ull, 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull, 0x0ull, 0x0ull },
    { 0x0ull, 0x0ull, 0x9a19cbe0e5816604ull, 0x4c2606287ad3f848ull, 0x0ull, 0x0ull },
    { 0xae52b4e0305dbfd4ull, 0xe598271ef11141b8ull, 0x0ull, 0x0ull, 0x0ull, 0x0ull },
};

__asm__(".arch armv8-a+crypto+crc\n.text\n"
    "case_0:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aese v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_1:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aese v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_2:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aese v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_3:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aese v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_4:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesd v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_5:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesd v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_6:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesd v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_7:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesd v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_8:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_9:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_10:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_11:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_12:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesimc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_13:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesimc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_14:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesimc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_15:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesimc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_16:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v0.16b\n str q0, [x0, #64]\n ret\n"
    "case_17:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v0.16b\n str q0, [x0, #64]\n ret\n"
    "case_18:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v0.16b\n str q0, [x0, #64]\n ret\n"
    "case_19:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v0.16b\n str q0, [x0, #64]\n ret\n"
    "case_20:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1c q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_21:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1c q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_22:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1c q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_23:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1c q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_24:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1p q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_25:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1p q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_26:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1p q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_27:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1p q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_28:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1m q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_29:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1m q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_30:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1m q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_31:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1m q0, s1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_32:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su0 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_33:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su0 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_34:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su0 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_35:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su0 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_36:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1h s0, s1\n str q0, [x0, #64]\n ret\n"
    "case_37:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1h s0, s1\n str q0, [x0, #64]\n ret\n"
    "case_38:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1h s0, s1\n str q0, [x0, #64]\n ret\n"
    "case_39:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1h s0, s1\n str q0, [x0, #64]\n ret\n"
    "case_40:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su1 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_41:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su1 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_42:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su1 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_43:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha1su1 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_44:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_45:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_46:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_47:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_48:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h2 q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_49:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h2 q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_50:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h2 q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_51:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256h2 q0, q1, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_52:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su0 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_53:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su0 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_54:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su0 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_55:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su0 v0.4s, v1.4s\n str q0, [x0, #64]\n ret\n"
    "case_56:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su1 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_57:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su1 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_58:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su1 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_59:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n sha256su1 v0.4s, v1.4s, v2.4s\n str q0, [x0, #64]\n ret\n"
    "case_60:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.8h, v1.8b, v2.8b\n str q0, [x0, #64]\n ret\n"
    "case_61:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.8h, v1.8b, v2.8b\n str q0, [x0, #64]\n ret\n"
    "case_62:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.8h, v1.8b, v2.8b\n str q0, [x0, #64]\n ret\n"
    "case_63:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.8h, v1.8b, v2.8b\n str q0, [x0, #64]\n ret\n"
    "case_64:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.8h, v1.16b, v2.16b\n str q0, [x0, #64]\n ret\n"
    "case_65:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.8h, v1.16b, v2.16b\n str q0, [x0, #64]\n ret\n"
    "case_66:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.8h, v1.16b, v2.16b\n str q0, [x0, #64]\n ret\n"
    "case_67:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.8h, v1.16b, v2.16b\n str q0, [x0, #64]\n ret\n"
    "case_68:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v1.1d, v2.1d\n str q0, [x0, #64]\n ret\n"
    "case_69:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v1.1d, v2.1d\n str q0, [x0, #64]\n ret\n"
    "case_70:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v1.1d, v2.1d\n str q0, [x0, #64]\n ret\n"
    "case_71:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v1.1d, v2.1d\n str q0, [x0, #64]\n ret\n"
    "case_72:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.1q, v1.2d, v2.2d\n str q0, [x0, #64]\n ret\n"
    "case_73:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.1q, v1.2d, v2.2d\n str q0, [x0, #64]\n ret\n"
    "case_74:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.1q, v1.2d, v2.2d\n str q0, [x0, #64]\n ret\n"
    "case_75:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull2 v0.1q, v1.2d, v2.2d\n str q0, [x0, #64]\n ret\n"
    "case_76:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v0.1d, v0.1d\n str q0, [x0, #64]\n ret\n"
    "case_77:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v0.1d, v0.1d\n str q0, [x0, #64]\n ret\n"
    "case_78:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v0.1d, v0.1d\n str q0, [x0, #64]\n ret\n"
    "case_79:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n pmull v0.1q, v0.1d, v0.1d\n str q0, [x0, #64]\n ret\n"
    "case_80:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_81:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_82:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_83:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_84:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32h w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_85:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32h w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_86:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32h w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_87:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32h w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_88:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32w w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_89:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32w w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_90:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32w w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_91:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32w w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_92:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32x w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_93:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32x w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_94:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32x w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_95:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32x w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_96:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cb w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_97:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cb w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_98:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cb w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_99:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cb w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_100:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32ch w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_101:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32ch w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_102:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32ch w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_103:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32ch w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_104:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cw w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_105:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cw w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_106:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cw w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_107:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cw w3, w1, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_108:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_109:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_110:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_111:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, x2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_112:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, wzr, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_113:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, wzr, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_114:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, wzr, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_115:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32b w3, wzr, w2\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_116:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, xzr\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_117:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, xzr\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_118:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, xzr\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_119:\n"
    "ldr x1, [x0]\n ldr x2, [x0, #16]\n crc32cx w3, w1, xzr\n stp x3, xzr, [x0, #64]\n ret\n"
    "case_120:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aese v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_121:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesmc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_122:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesimc v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
    "case_123:\n"
    "ldp q0, q1, [x0]\n ldr q2, [x0, #32]\n aesd v0.16b, v1.16b\n str q0, [x0, #64]\n ret\n"
);

void case_0(struct cr_case *c);
void case_1(struct cr_case *c);
void case_2(struct cr_case *c);
void case_3(struct cr_case *c);
void case_4(struct cr_case *c);
void case_5(struct cr_case *c);
void case_6(struct cr_case *c);
void case_7(struct cr_case *c);
void case_8(struct cr_case *c);
void case_9(struct cr_case *c);
void case_10(struct cr_case *c);
void case_11(struct cr_case *c);
void case_12(struct cr_case *c);
void case_13(struct cr_case *c);
void case_14(struct cr_case *c);
void case_15(struct cr_case *c);
void case_16(struct cr_case *c);
void case_17(struct cr_case *c);
void case_18(struct cr_case *c);
void case_19(struct cr_case *c);
void case_20(struct cr_case *c);
void case_21(struct cr_case *c);
void case_22(struct cr_case *c);
void case_23(struct cr_case *c);
void case_24(struct cr_case *c);
void case_25(struct cr_case *c);
void case_26(struct cr_case *c);
void case_27(struct cr_case *c);
void case_28(struct cr_case *c);
void case_29(struct cr_case *c);
void case_30(struct cr_case *c);
void case_31(struct cr_case *c);
void case_32(struct cr_case *c);
void case_33(struct cr_case *c);
void case_34(struct cr_case *c);
void case_35(struct cr_case *c);
void case_36(struct cr_case *c);
void case_37(struct cr_case *c);
void case_38(struct cr_case *c);
void case_39(struct cr_case *c);
void case_40(struct cr_case *c);
void case_41(struct cr_case *c);
void case_42(struct cr_case *c);
void case_43(struct cr_case *c);
void case_44(struct cr_case *c);
void case_45(struct cr_case *c);
void case_46(struct cr_case *c);
void case_47(struct cr_case *c);
void case_48(struct cr_case *c);
void case_49(struct cr_case *c);
void case_50(struct cr_case *c);
void case_51(struct cr_case *c);
void case_52(struct cr_case *c);
void case_53(struct cr_case *c);
void case_54(struct cr_case *c);
void case_55(struct cr_case *c);
void case_56(struct cr_case *c);
void case_57(struct cr_case *c);
void case_58(struct cr_case *c);
void case_59(struct cr_case *c);
void case_60(struct cr_case *c);
void case_61(struct cr_case *c);
void case_62(struct cr_case *c);
void case_63(struct cr_case *c);
void case_64(struct cr_case *c);
void case_65(struct cr_case *c);
void case_66(struct cr_case *c);
void case_67(struct cr_case *c);
void case_68(struct cr_case *c);
void case_69(struct cr_case *c);
void case_70(struct cr_case *c);
void case_71(struct cr_case *c);
void case_72(struct cr_case *c);
void case_73(struct cr_case *c);
void case_74(struct cr_case *c);
void case_75(struct cr_case *c);
void case_76(struct cr_case *c);
void case_77(struct cr_case *c);
void case_78(struct cr_case *c);
void case_79(struct cr_case *c);
void case_80(struct cr_case *c);
void case_81(struct cr_case *c);
void case_82(struct cr_case *c);
void case_83(struct cr_case *c);
void case_84(struct cr_case *c);
void case_85(struct cr_case *c);
void case_86(struct cr_case *c);
void case_87(struct cr_case *c);
void case_88(struct cr_case *c);
void case_89(struct cr_case *c);
void case_90(struct cr_case *c);
void case_91(struct cr_case *c);
void case_92(struct cr_case *c);
void case_93(struct cr_case *c);
void case_94(struct cr_case *c);
void case_95(struct cr_case *c);
void case_96(struct cr_case *c);
void case_97(struct cr_case *c);
void case_98(struct cr_case *c);
void case_99(struct cr_case *c);
void case_100(struct cr_case *c);
void case_101(struct cr_case *c);
void case_102(struct cr_case *c);
void case_103(struct cr_case *c);
void case_104(struct cr_case *c);
void case_105(struct cr_case *c);
void case_106(struct cr_case *c);
void case_107(struct cr_case *c);
void case_108(struct cr_case *c);
void case_109(struct cr_case *c);
void case_110(struct cr_case *c);
void case_111(struct cr_case *c);
void case_112(struct cr_case *c);
void case_113(struct cr_case *c);
void case_114(struct cr_case *c);
void case_115(struct cr_case *c);
void case_116(struct cr_case *c);
void case_117(struct cr_case *c);
void case_118(struct cr_case *c);
void case_119(struct cr_case *c);
void case_120(struct cr_case *c);
void case_121(struct cr_case *c);
void case_122(struct cr_case *c);
void case_123(struct cr_case *c);

static case_fn *const cases[124] = {
    case_0, case_1, case_2, case_3, case_4, case_5,
    case_6, case_7, case_8, case_9, case_10, case_11,
    case_12, case_13, case_14, case_15, case_16, case_17,
    case_18, case_19, case_20, case_21, case_22, case_23,
    case_24, case_25, case_26, case_27, case_28, case_29,
    case_30, case_31, case_32, case_33, case_34, case_35,
    case_36, case_37, case_38, case_39, case_40, case_41,
    case_42, case_43, case_44, case_45, case_46, case_47,
    case_48, case_49, case_50, case_51, case_52, case_53,
    case_54, case_55, case_56, case_57, case_58, case_59,
    case_60, case_61, case_62, case_63, case_64, case_65,
    case_66, case_67, case_68, case_69, case_70, case_71,
    case_72, case_73, case_74, case_75, case_76, case_77,
    case_78, case_79, case_80, case_81, case_82, case_83,
    case_84, case_85, case_86, case_87, case_88, case_89,
    case_90, case_91, case_92, case_93, case_94, case_95,
    case_96, case_97, case_98, case_99, case_100, case_101,
    case_102, case_103, case_104, case_105, case_106, case_107,
    case_108, case_109, case_110, case_111, case_112, case_113,
    case_114, case_115, case_116, case_117, case_118, case_119,
    case_120, case_121, case_122, case_123,
};

int main(void)
{
    static struct cr_case c;
    unsigned i, k;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        for (k = 0; k < 6; k++) {
            c.v[k] = inputs[i][k];
        }
        cases[i](&c);
        kprintf("%u %016lx%016lx\n", i, c.out[1], c.out[0]);
    }
    kprintf("done\n");
    return 0;
}
