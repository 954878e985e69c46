/*
 * TCG-lite and the A64 integer interpreter: CPU types, reset, every
 * instruction group, flags, loads/stores, branches and chaining,
 * self-modifying code, the TLB's I/O slow path, UNDEF, exits.
 *
 * How the expected values were obtained: each program below was written in
 * assembly, assembled with Debian's aarch64-linux-gnu-as (the words and
 * their disassembly from aarch64-linux-gnu-objdump are embedded, so the
 * build needs no cross tools), and run as a raw image on Debian's
 * qemu-system-aarch64 7.2:
 *   qemu-system-aarch64 -M virt -cpu cortex-a57 -display none \
 *       -serial null -monitor stdio -kernel prog.bin
 * which loads it at 0x40080000, the address used here too. Each program
 * ends in BRK #0; QEMU then takes the exception (the X registers survive)
 * and the monitor's "info registers" and "xp /Ngx" give the values
 * recorded in exp_* and mem_*. Flags are captured by MRS NZCV in the
 * programs themselves. Tests marked "Kestrel-only" check behaviour QEMU's
 * monitor cannot show (exit reasons, syndromes) against the ARM ARM.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../target/arm/cpu.h"
#include "../../target/arm/translate.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (16 * MiB)
#define CODE_BASE 0x40080000ULL
#define IO_BASE 0x0a000000ULL

typedef struct RegExpect {
    int reg;
    uint64_t val;
} RegExpect;

typedef struct MemExpect {
    uint64_t addr;
    uint64_t val;
} MemExpect;

static MemoryRegion ram;
static CPUState *cs;

/* dp_imm: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_dp_imm[] = {
    0xd2a24680, /* mov x0, #0x12340000 */
    0x12800001, /* mov w1, #0xffffffff */
    0xf29579a0, /* movk x0, #0xabcd */
    0xf2f7dde0, /* movk x0, #0xbeef, lsl #48 */
    0x92800002, /* mov x2, #0xffffffffffffffff */
    0x91000443, /* add x3, x2, #0x1 */
    0x11000844, /* add w4, w2, #0x2 */
    0xd1404065, /* sub x5, x3, #0x10, lsl #12 */
    0x10000006, /* adr x6, 20 <.text+0x20> */
    0x90000007, /* adrp x7, 0 <.text> */
    0x91400408, /* add x8, x0, #0x1, lsl #12 */
    0x92089c49, /* and x9, x2, #0xff00ff00ff00ff00 */
    0x3200f3ea, /* mov w10, #0x55555555 */
    0xd240004b, /* eor x11, x2, #0x1 */
    0xf241004c, /* ands x12, x2, #0x8000000000000000 */
    0xd53b420d, /* mrs x13, nzcv */
    0xd3483c0e, /* ubfx x14, x0, #8, #8 */
    0x93401c2f, /* sxtb x15, w1 */
    0xd37cec10, /* lsl x16, x0, #4 */
    0x13047c31, /* asr w17, w1, #4 */
    0xd2822232, /* mov x18, #0x1111 */
    0xb3603c12, /* bfi x18, x0, #32, #16 */
    0x93c24013, /* extr x19, x0, x2, #16 */
    0x13812014, /* extr w20, w0, w1, #8 */
    0x93407c35, /* sxtw x21, w1 */
    0x53003c56, /* uxth w22, w2 */
    0xb3443c17, /* bfxil x23, x0, #4, #12 */
    0x93440c38, /* sbfiz x24, x1, #60, #4 */
    0x121e0c59, /* and w25, w2, #0x3c */
    0xb2009ffa, /* mov x26, #0xff00ff00ff00ff */
    0x910003fb, /* mov x27, sp */
    0x9100401f, /* add sp, x0, #0x10 */
    0x910003fc, /* mov x28, sp */
    0xd10047ff, /* sub sp, sp, #0x11 */
    0x910003fd, /* mov x29, sp */
    0x9100037f, /* mov sp, x27 */
    0xd37ffc1e, /* lsr x30, x0, #63 */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_dp_imm[] = {
    { 0, 0xbeef00001234abcdULL },
    { 1, 0x00000000ffffffffULL },
    { 2, 0xffffffffffffffffULL },
    { 3, 0x0000000000000000ULL },
    { 4, 0x0000000000000001ULL },
    { 5, 0xffffffffffff0000ULL },
    { 6, 0x0000000040080020ULL },
    { 7, 0x0000000040080000ULL },
    { 8, 0xbeef00001234bbcdULL },
    { 9, 0xff00ff00ff00ff00ULL },
    { 10, 0x0000000055555555ULL },
    { 11, 0xfffffffffffffffeULL },
    { 12, 0x8000000000000000ULL },
    { 13, 0x0000000080000000ULL },
    { 14, 0x00000000000000abULL },
    { 15, 0xffffffffffffffffULL },
    { 16, 0xeef00001234abcd0ULL },
    { 17, 0x00000000ffffffffULL },
    { 18, 0x0000abcd00001111ULL },
    { 19, 0xabcdffffffffffffULL },
    { 20, 0x00000000cdffffffULL },
    { 21, 0xffffffffffffffffULL },
    { 22, 0x000000000000ffffULL },
    { 23, 0x0000000000000abcULL },
    { 24, 0xf000000000000000ULL },
    { 25, 0x000000000000003cULL },
    { 26, 0x00ff00ff00ff00ffULL },
    { 28, 0xbeef00001234abddULL },
    { 29, 0xbeef00001234abccULL },
    { 30, 0x0000000000000001ULL },
    { -1, 0 },
};

/* flags: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_flags[] = {
    0x92f00000, /* mov x0, #0x7fffffffffffffff */
    0xb1000401, /* adds x1, x0, #0x1 */
    0xd53b4202, /* mrs x2, nzcv */
    0x12b00003, /* mov w3, #0x7fffffff */
    0x31000464, /* adds w4, w3, #0x1 */
    0xd53b4205, /* mrs x5, nzcv */
    0x92800006, /* mov x6, #0xffffffffffffffff */
    0xb10004c7, /* adds x7, x6, #0x1 */
    0xd53b4208, /* mrs x8, nzcv */
    0x12800009, /* mov w9, #0xffffffff */
    0x3100052a, /* adds w10, w9, #0x1 */
    0xd53b420b, /* mrs x11, nzcv */
    0xd280000c, /* mov x12, #0x0 */
    0xf100058c, /* subs x12, x12, #0x1 */
    0xd53b420d, /* mrs x13, nzcv */
    0x6b09006e, /* subs w14, w3, w9 */
    0xd53b420f, /* mrs x15, nzcv */
    0xeb00001f, /* cmp x0, x0 */
    0xd53b4210, /* mrs x16, nzcv */
    0xd2f00011, /* mov x17, #0x8000000000000000 */
    0xf1000632, /* subs x18, x17, #0x1 */
    0xd53b4213, /* mrs x19, nzcv */
    0xba1f00d4, /* adcs x20, x6, xzr */
    0xd53b4215, /* mrs x21, nzcv */
    0x7a030136, /* sbcs w22, w9, w3 */
    0xd53b4217, /* mrs x23, nzcv */
    0x9a000018, /* adc x24, x0, x0 */
    0xda060019, /* sbc x25, x0, x6 */
    0x3100047f, /* cmn w3, #0x1 */
    0xd53b421a, /* mrs x26, nzcv */
    0xfa1f03fb, /* ngcs x27, xzr */
    0xd53b421c, /* mrs x28, nzcv */
    0x2b09013d, /* adds w29, w9, w9 */
    0xd53b421e, /* mrs x30, nzcv */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_flags[] = {
    { 0, 0x7fffffffffffffffULL },
    { 1, 0x8000000000000000ULL },
    { 2, 0x0000000090000000ULL },
    { 3, 0x000000007fffffffULL },
    { 4, 0x0000000080000000ULL },
    { 5, 0x0000000090000000ULL },
    { 6, 0xffffffffffffffffULL },
    { 7, 0x0000000000000000ULL },
    { 8, 0x0000000060000000ULL },
    { 9, 0x00000000ffffffffULL },
    { 10, 0x0000000000000000ULL },
    { 11, 0x0000000060000000ULL },
    { 12, 0xffffffffffffffffULL },
    { 13, 0x0000000080000000ULL },
    { 14, 0x0000000080000000ULL },
    { 15, 0x0000000090000000ULL },
    { 16, 0x0000000060000000ULL },
    { 17, 0x8000000000000000ULL },
    { 18, 0x7fffffffffffffffULL },
    { 19, 0x0000000030000000ULL },
    { 20, 0x0000000000000000ULL },
    { 21, 0x0000000060000000ULL },
    { 22, 0x0000000080000000ULL },
    { 23, 0x00000000a0000000ULL },
    { 24, 0xffffffffffffffffULL },
    { 25, 0x8000000000000000ULL },
    { 26, 0x0000000090000000ULL },
    { 27, 0xffffffffffffffffULL },
    { 28, 0x0000000080000000ULL },
    { 29, 0x00000000fffffffeULL },
    { 30, 0x00000000a0000000ULL },
    { -1, 0 },
};

/* dp_reg: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_dp_reg[] = {
    0xd28acf00, /* mov x0, #0x5678 */
    0xf2a24680, /* movk x0, #0x1234, lsl #16 */
    0xf2d35780, /* movk x0, #0x9abc, lsl #32 */
    0xf2fbde00, /* movk x0, #0xdef0, lsl #48 */
    0x92800081, /* mov x1, #0xfffffffffffffffb */
    0xd28000e2, /* mov x2, #0x7 */
    0x8b011003, /* add x3, x0, x1, lsl #4 */
    0x4b420404, /* sub w4, w0, w2, lsr #1 */
    0xab820425, /* adds x5, x1, x2, asr #1 */
    0xd53b4206, /* mrs x6, nzcv */
    0x8b21c807, /* add x7, x0, w1, sxtw #2 */
    0xcb210008, /* sub x8, x0, w1, uxtb */
    0x910003e9, /* mov x9, sp */
    0x8b226fff, /* add sp, sp, x2, lsl #3 */
    0x910003ea, /* mov x10, sp */
    0x9100013f, /* mov sp, x9 */
    0x8ac1200b, /* and x11, x0, x1, ror #8 */
    0x8a21000c, /* bic x12, x0, x1 */
    0x2a200c4d, /* orn w13, w2, w0, lsl #3 */
    0xca62080e, /* eon x14, x0, x2, lsr #2 */
    0x6a01000f, /* ands w15, w0, w1 */
    0xd53b4210, /* mrs x16, nzcv */
    0xea220051, /* bics x17, x2, x2 */
    0xd53b4212, /* mrs x18, nzcv */
    0xeb02003f, /* cmp x1, x2 */
    0xfa47b842, /* ccmp x2, #0x7, #0x2, lt */
    0xd53b4213, /* mrs x19, nzcv */
    0xba45a824, /* ccmn x1, #0x5, #0x4, ge */
    0xd53b4214, /* mrs x20, nzcv */
    0x7a42102f, /* ccmp w1, w2, #0xf, ne */
    0xd53b4215, /* mrs x21, nzcv */
    0xeb02003f, /* cmp x1, x2 */
    0x9a81b016, /* csel x22, x0, x1, lt */
    0x9a81c417, /* csinc x23, x0, x1, gt */
    0x5a81a018, /* csinv w24, w0, w1, ge */
    0xda810419, /* csneg x25, x0, x1, eq */
    0x9a9fa7fa, /* cset x26, lt */
    0x5a9fb3fb, /* csetm w27, ge */
    0xda82a45c, /* cneg x28, x2, lt */
    0xdac0001d, /* rbit x29, x0 */
    0x5ac0081e, /* rev w30, w0 */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_dp_reg[] = {
    { 0, 0xdef09abc12345678ULL },
    { 1, 0xfffffffffffffffbULL },
    { 2, 0x0000000000000007ULL },
    { 3, 0xdef09abc12345628ULL },
    { 4, 0x0000000012345675ULL },
    { 5, 0xfffffffffffffffeULL },
    { 6, 0x0000000080000000ULL },
    { 7, 0xdef09abc12345664ULL },
    { 8, 0xdef09abc1234557dULL },
    { 9, 0x0000000000000000ULL },
    { 10, 0x0000000000000038ULL },
    { 11, 0xdaf09abc12345678ULL },
    { 12, 0x0000000000000000ULL },
    { 13, 0x000000006e5d4c3fULL },
    { 14, 0x210f6543edcba986ULL },
    { 15, 0x0000000012345678ULL },
    { 16, 0x0000000000000000ULL },
    { 17, 0x0000000000000000ULL },
    { 18, 0x0000000040000000ULL },
    { 19, 0x0000000060000000ULL },
    { 20, 0x0000000060000000ULL },
    { 21, 0x00000000f0000000ULL },
    { 22, 0xdef09abc12345678ULL },
    { 23, 0xfffffffffffffffcULL },
    { 24, 0x0000000000000004ULL },
    { 25, 0x0000000000000005ULL },
    { 26, 0x0000000000000001ULL },
    { 27, 0x0000000000000000ULL },
    { 28, 0xfffffffffffffff9ULL },
    { 29, 0x1e6a2c483d590f7bULL },
    { 30, 0x0000000078563412ULL },
    { -1, 0 },
};

/* dp_reg2: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_dp_reg2[] = {
    0xd28acf00, /* mov x0, #0x5678 */
    0xf2a24680, /* movk x0, #0x1234, lsl #16 */
    0xf2d35780, /* movk x0, #0x9abc, lsl #32 */
    0xf2fbde00, /* movk x0, #0xdef0, lsl #48 */
    0x92800081, /* mov x1, #0xfffffffffffffffb */
    0xd28000e2, /* mov x2, #0x7 */
    0xdac00c03, /* rev x3, x0 */
    0xdac00404, /* rev16 x4, x0 */
    0xdac00805, /* rev32 x5, x0 */
    0x5ac00006, /* rbit w6, w0 */
    0xdac01047, /* clz x7, x2 */
    0x5ac013e8, /* clz w8, wzr */
    0xdac01429, /* cls x9, x1 */
    0x5ac0144a, /* cls w10, w2 */
    0x9ac2080b, /* udiv x11, x0, x2 */
    0x9ac20c2c, /* sdiv x12, x1, x2 */
    0x1adf080d, /* udiv w13, w0, wzr */
    0xd2f0000e, /* mov x14, #0x8000000000000000 */
    0x9280000f, /* mov x15, #0xffffffffffffffff */
    0x9acf0dd0, /* sdiv x16, x14, x15 */
    0x52b00011, /* mov w17, #0x80000000 */
    0x1acf0e32, /* sdiv w18, w17, w15 */
    0x9ac12013, /* lsl x19, x0, x1 */
    0x1ac22414, /* lsr w20, w0, w2 */
    0x9ac22835, /* asr x21, x1, x2 */
    0x9ac22c16, /* ror x22, x0, x2 */
    0x1ac12c17, /* ror w23, w0, w1 */
    0x9b020418, /* madd x24, x0, x2, x1 */
    0x1b028419, /* msub w25, w0, w2, w1 */
    0x9b22003a, /* smaddl x26, w1, w2, x0 */
    0x9ba2803b, /* umsubl x27, w1, w2, x0 */
    0x9b417c1c, /* smulh x28, x0, x1 */
    0x9bc17c1d, /* umulh x29, x0, x1 */
    0x9b017c3e, /* mul x30, x1, x1 */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_dp_reg2[] = {
    { 3, 0x78563412bc9af0deULL },
    { 4, 0xf0debc9a34127856ULL },
    { 5, 0xbc9af0de78563412ULL },
    { 6, 0x000000001e6a2c48ULL },
    { 7, 0x000000000000003dULL },
    { 8, 0x0000000000000020ULL },
    { 9, 0x000000000000003cULL },
    { 10, 0x000000000000001cULL },
    { 11, 0x1fd93aad272c0c5aULL },
    { 12, 0x0000000000000000ULL },
    { 13, 0x0000000000000000ULL },
    { 14, 0x8000000000000000ULL },
    { 15, 0xffffffffffffffffULL },
    { 16, 0x8000000000000000ULL },
    { 17, 0x0000000080000000ULL },
    { 18, 0x0000000080000000ULL },
    { 19, 0xc000000000000000ULL },
    { 20, 0x00000000002468acULL },
    { 21, 0xffffffffffffffffULL },
    { 22, 0xf1bde135782468acULL },
    { 23, 0x00000000468acf02ULL },
    { 24, 0x18943b247f6e5d43ULL },
    { 25, 0x000000008091a2b3ULL },
    { 26, 0xdef09abc12345655ULL },
    { 27, 0xdef09ab51234569bULL },
    { 28, 0x0000000000000000ULL },
    { 29, 0xdef09abc12345673ULL },
    { 30, 0x0000000000000019ULL },
    { -1, 0 },
};

/* branch: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_branch[] = {
    0xd2800000, /* mov x0, #0x0 */
    0xd2800c81, /* mov x1, #0x64 */
    0x8b010000, /* add x0, x0, x1 */
    0xf1000421, /* subs x1, x1, #0x1 */
    0x54ffffc1, /* b.ne 8 <func-0xa0> */
    0xd2800002, /* mov x2, #0x0 */
    0xd2800143, /* mov x3, #0xa */
    0x91000c42, /* add x2, x2, #0x3 */
    0xd1000463, /* sub x3, x3, #0x1 */
    0xb5ffffc3, /* cbnz x3, 1c <func-0x8c> */
    0xd2800004, /* mov x4, #0x0 */
    0xb4000044, /* cbz x4, 34 <func-0x74> */
    0xd2800c64, /* mov x4, #0x63 */
    0xd2800145, /* mov x5, #0xa */
    0x36000045, /* tbz w5, #0, 40 <func-0x68> */
    0xd2800c65, /* mov x5, #0x63 */
    0x37180045, /* tbnz w5, #3, 48 <func-0x60> */
    0xd2800c45, /* mov x5, #0x62 */
    0x37100045, /* tbnz w5, #2, 50 <func-0x58> */
    0xd2800026, /* mov x6, #0x1 */
    0x94000016, /* bl a8 <func> */
    0xaa1e03e8, /* mov x8, x30 */
    0x100002c9, /* adr x9, b0 <func2> */
    0xd63f0120, /* blr x9 */
    0x1000006a, /* adr x10, 6c <func-0x3c> */
    0xd61f0140, /* br x10 */
    0xd2800c6b, /* mov x11, #0x63 */
    0xd280054b, /* mov x11, #0x2a */
    0xd280000c, /* mov x12, #0x0 */
    0xd2f0000d, /* mov x13, #0x8000000000000000 */
    0xb7f8004d, /* tbnz x13, #63, 80 <func-0x28> */
    0xd2800c6c, /* mov x12, #0x63 */
    0xf100019f, /* cmp x12, #0x0 */
    0x54000040, /* b.eq 8c <func-0x1c> */
    0xd28009ac, /* mov x12, #0x4d */
    0xf100043f, /* cmp x1, #0x1 */
    0x5400004a, /* b.ge 98 <func-0x10> */
    0xd28000ae, /* mov x14, #0x5 */
    0xf100059f, /* cmp x12, #0x1 */
    0x54000048, /* b.hi a4 <func-0x4> */
    0xd28000cf, /* mov x15, #0x6 */
    0x14000006, /* b bc <func2+0xc> */
    0xd28000e7, /* mov x7, #0x7 */
    0xd65f03c0, /* ret */
    0xaa1e03f0, /* mov x16, x30 */
    0xd2800231, /* mov x17, #0x11 */
    0xd65f0200, /* ret x16 */
    0xd2800012, /* mov x18, #0x0 */
    0xd2807d13, /* mov x19, #0x3e8 */
    0x91000652, /* add x18, x18, #0x1 */
    0x36200052, /* tbz w18, #4, d0 <func2+0x20> */
    0x91000252, /* add x18, x18, #0x0 */
    0xd1000673, /* sub x19, x19, #0x1 */
    0xb5ffff93, /* cbnz x19, c4 <func2+0x14> */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_branch[] = {
    { 0, 0x00000000000013baULL },
    { 1, 0x0000000000000000ULL },
    { 2, 0x000000000000001eULL },
    { 3, 0x0000000000000000ULL },
    { 4, 0x0000000000000000ULL },
    { 5, 0x000000000000000aULL },
    { 6, 0x0000000000000001ULL },
    { 7, 0x0000000000000007ULL },
    { 8, 0x0000000040080054ULL },
    { 11, 0x000000000000002aULL },
    { 12, 0x0000000000000000ULL },
    { 14, 0x0000000000000005ULL },
    { 15, 0x0000000000000006ULL },
    { 16, 0x0000000040080060ULL },
    { 17, 0x0000000000000011ULL },
    { 18, 0x00000000000003e8ULL },
    { 19, 0x0000000000000000ULL },
    { 16, 0x0000000040080060ULL },
    { -1, 0 },
};

/* ldst: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_ldst[] = {
    0xd2a80120, /* mov x0, #0x40090000 */
    0xd2903041, /* mov x1, #0x8182 */
    0xf2b07081, /* movk x1, #0x8384, lsl #16 */
    0xf2d0b0c1, /* movk x1, #0x8586, lsl #32 */
    0xf2f0f101, /* movk x1, #0x8788, lsl #48 */
    0xf9000001, /* str x1, [x0] */
    0x39002001, /* strb w1, [x0, #8] */
    0x79001401, /* strh w1, [x0, #10] */
    0xb9000c01, /* str w1, [x0, #12] */
    0x39400002, /* ldrb w2, [x0] */
    0x39800003, /* ldrsb x3, [x0] */
    0x39c00004, /* ldrsb w4, [x0] */
    0x79400005, /* ldrh w5, [x0] */
    0x79800006, /* ldrsh x6, [x0] */
    0x79c00007, /* ldrsh w7, [x0] */
    0xb9400408, /* ldr w8, [x0, #4] */
    0xb9800409, /* ldrsw x9, [x0, #4] */
    0xf940040a, /* ldr x10, [x0, #8] */
    0xf840100b, /* ldur x11, [x0, #1] */
    0x9100800c, /* add x12, x0, #0x20 */
    0xf8008d81, /* str x1, [x12, #8]! */
    0x28be0981, /* stp w1, w2, [x12], #-16 */
    0xd280006d, /* mov x13, #0x3 */
    0xf82d7801, /* str x1, [x0, x13, lsl #3] */
    0x928000ee, /* mov x14, #0xfffffffffffffff8 */
    0xf86ec80f, /* ldr x15, [x0, w14, sxtw] */
    0xf86d7810, /* ldr x16, [x0, x13, lsl #3] */
    0x58000211, /* ldr x17, ac <lit> */
    0x980001f2, /* ldrsw x18, ac <lit> */
    0x180001d3, /* ldr w19, ac <lit> */
    0x91040014, /* add x20, x0, #0x100 */
    0xa9010281, /* stp x1, x0, [x20, #16] */
    0xa9415a95, /* ldp x21, x22, [x20, #16] */
    0x69426297, /* ldpsw x23, x24, [x20, #16] */
    0x29c26a99, /* ldp w25, w26, [x20, #16]! */
    0xf840869b, /* ldr x27, [x20], #8 */
    0xb8081001, /* stur w1, [x0, #129] */
    0x7848101c, /* ldurh w28, [x0, #129] */
    0xf9800000, /* prfm pldl1keep, [x0] */
    0x386d481d, /* ldrb w29, [x0, w13, uxtw] */
    0xa904041f, /* stp xzr, x1, [x0, #64] */
    0xf940201e, /* ldr x30, [x0, #64] */
    0xd4200000, /* brk #0x0 */
    0x76543210, /* .word 0x76543210 */
    0xfedcba98, /* .word 0xfedcba98 */
};
static const RegExpect exp_ldst[] = {
    { 1, 0x8788858683848182ULL },
    { 2, 0x0000000000000082ULL },
    { 3, 0xffffffffffffff82ULL },
    { 4, 0x00000000ffffff82ULL },
    { 5, 0x0000000000008182ULL },
    { 6, 0xffffffffffff8182ULL },
    { 7, 0x00000000ffff8182ULL },
    { 8, 0x0000000087888586ULL },
    { 9, 0xffffffff87888586ULL },
    { 10, 0x8384818281820082ULL },
    { 11, 0x8287888586838481ULL },
    { 12, 0x0000000040090018ULL },
    { 13, 0x0000000000000003ULL },
    { 14, 0xfffffffffffffff8ULL },
    { 15, 0x0000000000000000ULL },
    { 16, 0x8788858683848182ULL },
    { 17, 0xfedcba9876543210ULL },
    { 18, 0x0000000076543210ULL },
    { 19, 0x0000000076543210ULL },
    { 20, 0x0000000040090118ULL },
    { 21, 0x8788858683848182ULL },
    { 22, 0x0000000040090000ULL },
    { 23, 0xffffffff83848182ULL },
    { 24, 0xffffffff87888586ULL },
    { 25, 0x0000000083848182ULL },
    { 26, 0x0000000087888586ULL },
    { 27, 0x8788858683848182ULL },
    { 28, 0x0000000000008182ULL },
    { 29, 0x0000000000000083ULL },
    { 30, 0x0000000000000000ULL },
    { -1, 0 },
};
static const MemExpect mem_ldst[] = {
    { 0x40090000, 0x8788858683848182ULL },
    { 0x40090008, 0x8384818281820082ULL },
    { 0x40090010, 0x0000000000000000ULL },
    { 0x40090018, 0x8788858683848182ULL },
    { 0x40090020, 0x0000000000000000ULL },
    { 0x40090028, 0x0000008283848182ULL },
    { 0x40090030, 0x0000000000000000ULL },
    { 0x40090038, 0x0000000000000000ULL },
    { 0x40090040, 0x0000000000000000ULL },
    { 0x40090048, 0x8788858683848182ULL },
    { 0x40090100, 0x0000000000000000ULL },
    { 0x40090108, 0x0000000000000000ULL },
    { 0x40090110, 0x8788858683848182ULL },
    { 0x40090118, 0x0000000040090000ULL },
    { 0, 0 },
};

/* smc: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_smc[] = {
    0x100001a0, /* adr x0, 34 <func> */
    0x180001c1, /* ldr w1, 3c <newinsn> */
    0xd2800005, /* mov x5, #0x0 */
    0x9400000a, /* bl 34 <func> */
    0x8b0400a5, /* add x5, x5, x4 */
    0xb9000001, /* str w1, [x0] */
    0x94000007, /* bl 34 <func> */
    0x8b0400a5, /* add x5, x5, x4 */
    0x10000066, /* adr x6, 2c <func-0x8> */
    0x180000e7, /* ldr w7, 40 <newinsn2> */
    0xb90000c7, /* str w7, [x6] */
    0xd2800028, /* mov x8, #0x1 */
    0xd4200000, /* brk #0x0 */
    0xd2800024, /* mov x4, #0x1 */
    0xd65f03c0, /* ret */
    0xd2800544, /* mov x4, #0x2a */
    0xd28009a8, /* mov x8, #0x4d */
};
static const RegExpect exp_smc[] = {
    { 4, 0x000000000000002aULL },
    { 5, 0x000000000000002bULL },
    { 8, 0x0000000000000001ULL },
    { -1, 0 },
};

/* sys: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_sys[] = {
    0xd5380000, /* mrs x0, midr_el1 */
    0xd53800a1, /* mrs x1, mpidr_el1 */
    0xd5384242, /* mrs x2, currentel */
    0xd2824683, /* mov x3, #0x1234 */
    0xd51bd043, /* msr tpidr_el0, x3 */
    0xd53bd044, /* mrs x4, tpidr_el0 */
    0xd53b4225, /* mrs x5, daif */
    0xd5034fff, /* msr daifclr, #0xf */
    0xd53b4226, /* mrs x6, daif */
    0xd50342df, /* msr daifset, #0x2 */
    0xd53b4227, /* mrs x7, daif */
    0xd53be008, /* mrs x8, cntfrq_el0 */
    0xd2be0009, /* mov x9, #0xf0000000 */
    0xd51b4209, /* msr nzcv, x9 */
    0xd53b420a, /* mrs x10, nzcv */
    0xd503201f, /* nop */
    0xd503203f, /* yield */
    0xd5033bbf, /* dmb ish */
    0xd5033f9f, /* dsb sy */
    0xd5033fdf, /* isb */
    0xd538420b, /* mrs x11, spsel */
    0xd28a000c, /* mov x12, #0x5000 */
    0xd50040bf, /* msr spsel, #0x0 */
    0x9100019f, /* mov sp, x12 */
    0xd538420d, /* mrs x13, spsel */
    0xd50041bf, /* msr spsel, #0x1 */
    0xd538410e, /* mrs x14, sp_el0 */
    0x910003ef, /* mov x15, sp */
    0xd518d083, /* msr tpidr_el1, x3 */
    0xd538d090, /* mrs x16, tpidr_el1 */
    0xd508751f, /* ic iallu */
    0xd50b752c, /* ic ivau, x12 */
    0xd50b7e2c, /* dc civac, x12 */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_sys[] = {
    { 0, 0x00000000411fd070ULL },
    { 1, 0x0000000080000000ULL },
    { 2, 0x0000000000000004ULL },
    { 3, 0x0000000000001234ULL },
    { 4, 0x0000000000001234ULL },
    { 5, 0x00000000000003c0ULL },
    { 6, 0x0000000000000000ULL },
    { 7, 0x0000000000000080ULL },
    { 8, 0x0000000003b9aca0ULL },
    { 9, 0x00000000f0000000ULL },
    { 10, 0x00000000f0000000ULL },
    { 11, 0x0000000000000001ULL },
    { 12, 0x0000000000005000ULL },
    { 13, 0x0000000000000000ULL },
    { 14, 0x0000000000005000ULL },
    { 15, 0x0000000000000000ULL },
    { 16, 0x0000000000001234ULL },
    { -1, 0 },
};
/* smc_chain: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_smc_chain[] = {
    0xd2800063, /* mov x3, #0x3 */
    0xd2800005, /* mov x5, #0x0 */
    0x10000120, /* adr x0, 2c <func> */
    0x18000141, /* ldr w1, 34 <newinsn> */
    0x94000007, /* bl 2c <func> */
    0x8b0400a5, /* add x5, x5, x4 */
    0xb9000001, /* str w1, [x0] */
    0x11008021, /* add w1, w1, #0x20 */
    0xf1000463, /* subs x3, x3, #0x1 */
    0x54ffff61, /* b.ne 10 <loop> */
    0xd4200000, /* brk #0x0 */
    0xd2800024, /* mov x4, #0x1 */
    0xd65f03c0, /* ret */
    0xd2800544, /* mov x4, #0x2a */
};
static const RegExpect exp_smc_chain[] = {
    { 3, 0x0000000000000000ULL },
    { 4, 0x000000000000002bULL },
    { 5, 0x0000000000000056ULL },
    { -1, 0 },
};
/* edge: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_edge[] = {
    0xd2f00000, /* mov x0, #0x8000000000000000 */
    0x52b00001, /* mov w1, #0x80000000 */
    0xd2800802, /* mov x2, #0x40 */
    0x9ac22003, /* lsl x3, x0, x2 */
    0x937ffc04, /* asr x4, x0, #63 */
    0x93c00005, /* ror x5, x0, #0 */
    0x531f7c26, /* lsr w6, w1, #31 */
    0xdac017e7, /* cls x7, xzr */
    0x5ac01428, /* cls w8, w1 */
    0xaa3f03e9, /* mvn x9, xzr */
    0xdac0152a, /* cls x10, x9 */
    0x5ac0102b, /* clz w11, w1 */
    0xeb0003ec, /* negs x12, x0 */
    0xd53b420d, /* mrs x13, nzcv */
    0x6b0103ee, /* negs w14, w1 */
    0xd53b420f, /* mrs x15, nzcv */
    0xfa1f03f0, /* ngcs x16, xzr */
    0xd53b4211, /* mrs x17, nzcv */
    0x7201003f, /* tst w1, #0x80000000 */
    0xd53b4212, /* mrs x18, nzcv */
    0x5a811433, /* cneg w19, w1, eq */
    0x9b407c14, /* smulh x20, x0, x0 */
    0x9bc97d35, /* umulh x21, x9, x9 */
    0x1b010436, /* madd w22, w1, w1, w1 */
    0x937ffc17, /* asr x23, x0, #63 */
    0x531f7c38, /* lsr w24, w1, #31 */
    0x13007c39, /* asr w25, w1, #0 */
    0x93c0fd3a, /* extr x26, x9, x0, #63 */
    0x928000db, /* mov x27, #0xfffffffffffffff9 */
    0x1ac20f7c, /* sdiv w28, w27, w2 */
    0x1ac20b7d, /* udiv w29, w27, w2 */
    0xb378bffe, /* bfc x30, #8, #48 */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_edge[] = {
    { 3, 0x8000000000000000ULL },
    { 4, 0xffffffffffffffffULL },
    { 5, 0x8000000000000000ULL },
    { 6, 0x0000000000000001ULL },
    { 7, 0x000000000000003fULL },
    { 8, 0x0000000000000000ULL },
    { 9, 0xffffffffffffffffULL },
    { 10, 0x000000000000003fULL },
    { 11, 0x0000000000000000ULL },
    { 12, 0x8000000000000000ULL },
    { 13, 0x0000000090000000ULL },
    { 14, 0x0000000080000000ULL },
    { 15, 0x0000000090000000ULL },
    { 16, 0xffffffffffffffffULL },
    { 17, 0x0000000080000000ULL },
    { 18, 0x0000000080000000ULL },
    { 19, 0x0000000080000000ULL },
    { 20, 0x4000000000000000ULL },
    { 21, 0xfffffffffffffffeULL },
    { 22, 0x0000000080000000ULL },
    { 23, 0xffffffffffffffffULL },
    { 24, 0x0000000000000001ULL },
    { 25, 0x0000000080000000ULL },
    { 26, 0xffffffffffffffffULL },
    { 28, 0x0000000000000000ULL },
    { 29, 0x0000000003ffffffULL },
    { 30, 0x0000000000000000ULL },
    { -1, 0 },
};

/* ldst_wb: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_ldst_wb[] = {
    0xd2a80120, /* mov x0, #0x40090000 */
    0x910003e1, /* mov x1, sp */
    0x9108001f, /* add sp, x0, #0x200 */
    0xd2822442, /* mov x2, #0x1122 */
    0xa9bf0be2, /* stp x2, x2, [sp, #-16]! */
    0xf81f8fe2, /* str x2, [sp, #-8]! */
    0x910003e3, /* mov x3, sp */
    0xf84187e4, /* ldr x4, [sp], #24 */
    0x910003e5, /* mov x5, sp */
    0xd2801006, /* mov x6, #0x80 */
    0x390c0006, /* strb w6, [x0, #768] */
    0x39cc0007, /* ldrsb w7, [x0, #768] */
    0x398c0008, /* ldrsb x8, [x0, #768] */
    0x394c0009, /* ldrb w9, [x0, #768] */
    0x910c400a, /* add x10, x0, #0x310 */
    0xb81fcd46, /* str w6, [x10, #-4]! */
    0xb89fc54b, /* ldrsw x11, [x10], #-4 */
    0x9280000c, /* mov x12, #0xffffffffffffffff */
    0x7906400c, /* strh w12, [x0, #800] */
    0x7986400d, /* ldrsh x13, [x0, #800] */
    0x7946400e, /* ldrh w14, [x0, #800] */
    0xd280680f, /* mov x15, #0x340 */
    0xf82f6802, /* str x2, [x0, x15] */
    0x52800d10, /* mov w16, #0x68 */
    0xf8705811, /* ldr x17, [x0, w16, uxtw #3] */
    0xb86f6812, /* ldr w18, [x0, x15] */
    0x295f5013, /* ldp w19, w20, [x0, #248] */
    0x910c8015, /* add x21, x0, #0x320 */
    0x69405ab5, /* ldpsw x21, x22, [x21] */
    0xd1002017, /* sub x23, x0, #0x8 */
    0xa9009ae2, /* stp x2, x6, [x23, #8] */
    0xa8406418, /* ldnp x24, x25, [x0] */
    0xa8186019, /* stnp x25, x24, [x0, #384] */
    0xf940c41a, /* ldr x26, [x0, #392] */
    0x9100003f, /* mov sp, x1 */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_ldst_wb[] = {
    { 3, 0x00000000400901e8ULL },
    { 4, 0x0000000000001122ULL },
    { 5, 0x0000000040090200ULL },
    { 6, 0x0000000000000080ULL },
    { 7, 0x00000000ffffff80ULL },
    { 8, 0xffffffffffffff80ULL },
    { 9, 0x0000000000000080ULL },
    { 11, 0x0000000000000080ULL },
    { 12, 0xffffffffffffffffULL },
    { 13, 0xffffffffffffffffULL },
    { 14, 0x000000000000ffffULL },
    { 15, 0x0000000000000340ULL },
    { 16, 0x0000000000000068ULL },
    { 17, 0x0000000000001122ULL },
    { 18, 0x0000000000001122ULL },
    { 19, 0x0000000000000000ULL },
    { 20, 0x0000000000000000ULL },
    { 21, 0x000000000000ffffULL },
    { 22, 0x0000000000000000ULL },
    { 24, 0x0000000000001122ULL },
    { 25, 0x0000000000000080ULL },
    { 26, 0x0000000000001122ULL },
    { -1, 0 },
};
static const MemExpect mem_ldst_wb[] = {
    { 0x400901e0, 0x0000000000000000ULL },
    { 0x400901e8, 0x0000000000001122ULL },
    { 0x400901f0, 0x0000000000001122ULL },
    { 0x400901f8, 0x0000000000001122ULL },
    { 0x40090200, 0x0000000000000000ULL },
    { 0x40090208, 0x0000000000000000ULL },
    { 0x40090210, 0x0000000000000000ULL },
    { 0x40090218, 0x0000000000000000ULL },
    { 0x40090180, 0x0000000000000080ULL },
    { 0x40090188, 0x0000000000001122ULL },
    { 0, 0 },
};
/* excl: recorded from qemu-system-aarch64 7.2 -M virt -cpu cortex-a57 */
static const uint32_t prog_excl[] = {
    0xd2a80120, /* mov x0, #0x40090000 */
    0xd28000a1, /* mov x1, #0x5 */
    0xf9000001, /* str x1, [x0] */
    0xc85f7c02, /* ldxr x2, [x0] */
    0x91000442, /* add x2, x2, #0x1 */
    0xc8037c02, /* stxr w3, x2, [x0] */
    0xf9400004, /* ldr x4, [x0] */
    0xc8057c02, /* stxr w5, x2, [x0] */
    0x885ffc06, /* ldaxr w6, [x0] */
    0xd5033f5f, /* clrex */
    0x8807fc06, /* stlxr w7, w6, [x0] */
    0xc87f2408, /* ldxp x8, x9, [x0] */
    0xc82a2009, /* stxp w10, x9, x8, [x0] */
    0xa940300b, /* ldp x11, x12, [x0] */
    0xd2800eed, /* mov x13, #0x77 */
    0xc89ffc0d, /* stlr x13, [x0] */
    0xc8dffc0e, /* ldar x14, [x0] */
    0x08dffc0f, /* ldarb w15, [x0] */
    0xd2803ff0, /* mov x16, #0x1ff */
    0x489ffc10, /* stlrh w16, [x0] */
    0x085f7c11, /* ldxrb w17, [x0] */
    0x08127c01, /* stxrb w18, w1, [x0] */
    0xf9400013, /* ldr x19, [x0] */
    0xc85f7c14, /* ldxr x20, [x0] */
    0xf900000d, /* str x13, [x0] */
    0xc8157c01, /* stxr w21, x1, [x0] */
    0x887f5c16, /* ldxp w22, w23, [x0] */
    0x8838d817, /* stlxp w24, w23, w22, [x0] */
    0xf9400019, /* ldr x25, [x0] */
    0x885f7c1a, /* ldxr w26, [x0] */
    0x9100201b, /* add x27, x0, #0x8 */
    0x881c7f61, /* stxr w28, w1, [x27] */
    0xd4200000, /* brk #0x0 */
};
static const RegExpect exp_excl[] = {
    { 1, 0x0000000000000005ULL },
    { 2, 0x0000000000000006ULL },
    { 3, 0x0000000000000000ULL },
    { 4, 0x0000000000000006ULL },
    { 5, 0x0000000000000001ULL },
    { 6, 0x0000000000000006ULL },
    { 7, 0x0000000000000001ULL },
    { 8, 0x0000000000000006ULL },
    { 9, 0x0000000000000000ULL },
    { 10, 0x0000000000000000ULL },
    { 11, 0x0000000000000000ULL },
    { 12, 0x0000000000000006ULL },
    { 13, 0x0000000000000077ULL },
    { 14, 0x0000000000000077ULL },
    { 15, 0x0000000000000077ULL },
    { 16, 0x00000000000001ffULL },
    { 17, 0x00000000000000ffULL },
    { 18, 0x0000000000000000ULL },
    { 19, 0x0000000000000105ULL },
    { 20, 0x0000000000000105ULL },
    { 21, 0x0000000000000001ULL },
    { 22, 0x0000000000000077ULL },
    { 23, 0x0000000000000000ULL },
    { 24, 0x0000000000000000ULL },
    { 25, 0x0000007700000000ULL },
    { 26, 0x0000000000000000ULL },
    { 28, 0x0000000000000001ULL },
    { -1, 0 },
};
static const MemExpect mem_excl[] = {
    { 0x40090000, 0x0000007700000000ULL },
    { 0x40090008, 0x0000000000000006ULL },
    { 0, 0 },
};

/* ---- Harness -------------------------------------------------------- */

static uint8_t *ram_ptr(uint64_t addr)
{
    g_assert(addr >= RAM_BASE && addr < RAM_BASE + RAM_SIZE);
    return (uint8_t *)memory_region_get_ram_ptr(&ram) + (addr - RAM_BASE);
}

static void put_words(uint64_t addr, const uint32_t *w, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        uint32_t le = GUINT32_TO_LE(w[i]);
        memcpy(ram_ptr(addr + 4 * i), &le, 4);
    }
}

static uint64_t get64(uint64_t addr)
{
    uint64_t v;

    memcpy(&v, ram_ptr(addr), 8);
    return GUINT64_FROM_LE(v);
}

static CPUARMState *env(void)
{
    return cpu_env(cs);
}

/* Fresh CPU state and memory, the program at addr, PC there. Code is
 * written behind the engine's back, so drop all blocks first. */
static void load_at(uint64_t addr, const uint32_t *w, size_t n)
{
    cpu_reset(cs);
    memset(ram_ptr(RAM_BASE), 0, RAM_SIZE);
    tb_flush();
    put_words(addr, w, n);
    env()->pc = addr;
}

static int run(int64_t budget)
{
    int r;

    do {
        r = tcg_lite_exec(cs, budget);
    } while (r == EXCP_INTERRUPT);
    return r;
}

static void check_regs(const RegExpect *e)
{
    for (; e->reg >= 0; e++) {
        if (env()->xregs[e->reg] != e->val) {
            g_test_message("x%d = 0x%016" PRIx64 ", expected 0x%016" PRIx64,
                           e->reg, env()->xregs[e->reg], e->val);
        }
        g_assert_cmphex(env()->xregs[e->reg], ==, e->val);
    }
}

static void check_mem(const MemExpect *m)
{
    for (; m && m->addr; m++) {
        g_assert_cmphex(get64(m->addr), ==, m->val);
    }
}

/* Run a recorded program to its final BRK #0 and compare with QEMU. */
static void run_recorded(const uint32_t *w, size_t n, const RegExpect *e,
                         const MemExpect *m)
{
    load_at(CODE_BASE, w, n);
    g_assert_cmpint(run(1000000), ==, EXCP_BKPT);
    g_assert_cmphex(env()->exception.syndrome, ==, 0xf2000000);
    check_regs(e);
    check_mem(m);
}

#define RUN_RECORDED(name, mem) \
    run_recorded(prog_##name, ARRAY_SIZE(prog_##name), exp_##name, mem)

/* ---- CPU object ----------------------------------------------------- */

static void test_cpu_types(void)
{
    Object *obj;
    ARMCPU *cpu;
    GString *s = g_string_new("");

    g_assert(object_class_is_abstract(object_class_by_name(TYPE_CPU)));
    g_assert(object_class_is_abstract(object_class_by_name(TYPE_ARM_CPU)));
    g_assert(object_class_by_name("cortex-a57-arm-cpu"));

    obj = object_new("max-arm-cpu");
    g_assert(object_property_set_uint(obj, "rvbar", 0x40001000, NULL));
    g_assert(qdev_realize(DEVICE(obj), NULL, NULL));
    cpu = ARM_CPU(obj);
    g_assert_cmphex(cpu->midr, ==, 0x000f0510);
    /* Reset: EL1h, DAIF masked, PC from rvbar. */
    g_assert_cmphex(pstate_read(&cpu->env), ==, 0x3c5);
    g_assert_cmphex(cpu->env.pc, ==, 0x40001000);
    g_assert_cmpint(CPU(obj)->cpu_index, !=, cs->cpu_index);
    g_assert(qemu_get_cpu(CPU(obj)->cpu_index) == CPU(obj));
    cpu_dump_state(CPU(obj), s);
    g_assert(strstr(s->str, " PC=0000000040001000 X00=0000000000000000 "));
    /* As QEMU 7.2's "info registers" prints it at reset. */
    g_assert(strstr(s->str, "PSTATE=000003c5 ---- EL1h    FPU disabled\n"));
    g_string_free(s, true);
    qdev_unrealize(DEVICE(obj));
    object_unref(obj);

    cpu = ARM_CPU(cs);
    g_assert_cmphex(cpu->midr, ==, 0x411fd070);
    /* Nothing advertised that is not implemented (docs/devel/tcg-lite.md). */
    g_assert_cmphex(cpu->isar.id_aa64isar0, ==, 0x11120);
    g_assert_cmphex(cpu->isar.id_aa64pfr0, ==, 0x00000011);
}

/* ---- Recorded programs ---------------------------------------------- */

static void test_dp_imm(void) { RUN_RECORDED(dp_imm, NULL); }
static void test_flags(void) { RUN_RECORDED(flags, NULL); }
static void test_dp_reg(void) { RUN_RECORDED(dp_reg, NULL); }
static void test_dp_reg2(void) { RUN_RECORDED(dp_reg2, NULL); }
static void test_branch(void) { RUN_RECORDED(branch, NULL); }
static void test_ldst(void) { RUN_RECORDED(ldst, mem_ldst); }
static void test_smc(void) { RUN_RECORDED(smc, NULL); }
/* A chained block (loop head -> func) must be unlinked when func is
 * overwritten, or the second call would run stale code. */
static void test_smc_chain(void) { RUN_RECORDED(smc_chain, NULL); }
static void test_sys(void) { RUN_RECORDED(sys, NULL); }
static void test_edge(void) { RUN_RECORDED(edge, NULL); }
static void test_excl(void) { RUN_RECORDED(excl, mem_excl); }

/* Exclusives must be aligned: an alignment fault (DFSC 0x21). */
static void test_excl_align(void)
{
    static const uint32_t prog[] = {
        0xd2a80120, /* mov x0, #0x40090000 */
        0x91000400, /* add x0, x0, #1 */
        0xc85f7c02, /* ldxr x2, [x0] */
    };

    load_at(CODE_BASE, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run(100), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 8);
    g_assert_cmphex(env()->exception.syndrome, ==, 0x92000021);
    g_assert_cmphex(env()->exception.vaddress, ==, 0x40090001);
}
static void test_ldst_wb(void) { RUN_RECORDED(ldst_wb, mem_ldst_wb); }

/* A straight run longer than a block: split at the cap, chained on. */
static void test_long_block(void)
{
    enum { N = 3 * TL_MAX_INSNS + 5 };
    uint32_t prog[N + 1];
    int i;

    for (i = 0; i < N; i++) {
        prog[i] = 0x91000400;       /* add x0, x0, #1 */
    }
    prog[N] = 0xd4200000;           /* brk #0 */
    load_at(CODE_BASE, prog, N + 1);
    g_assert_cmpint(run(100000), ==, EXCP_BKPT);
    g_assert_cmpuint(env()->xregs[0], ==, N);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4 * N);
}

/* ---- Kestrel-only ---------------------------------------------------- */

/* DecodeBitMasks against the assembler's encodings, and its reserved
 * cases. */
static void test_bitmask(void)
{
    uint64_t m;
    static const uint32_t reserved[] = {
        0x9240fc00, /* AND X0, X0, #<N=1, imms=111111>: all-ones element */
        0x92003c00 | 0x3f << 10, /* N=0, imms=111111: no element size */
        0x12400000, /* AND W0, W0 with N=1: 64-bit element in 32 bits */
        0x1200f400, /* 32-bit, imms=111101: 2-bit element, all ones */
    };
    size_t i;

    g_assert(logic_imm_decode_wmask(&m, 0, 0x27, 8));   /* from 0x92089c49 */
    g_assert_cmphex(m, ==, 0xff00ff00ff00ff00ULL);
    g_assert(logic_imm_decode_wmask(&m, 0, 0x3c, 0));   /* 0x3200f3ea */
    g_assert_cmphex(m, ==, 0x5555555555555555ULL);
    g_assert(logic_imm_decode_wmask(&m, 1, 0, 1));      /* 0x8000... */
    g_assert_cmphex(m, ==, 0x8000000000000000ULL);
    g_assert(!logic_imm_decode_wmask(&m, 1, 0x3f, 0));
    g_assert(!logic_imm_decode_wmask(&m, 0, 0x3d, 0));

    for (i = 0; i < ARRAY_SIZE(reserved); i++) {
        uint32_t prog[2] = { reserved[i], 0xd4200000 };
        load_at(CODE_BASE, prog, 2);
        g_assert_cmpint(run(100), ==, EXCP_UDEF);
        g_assert_cmphex(env()->pc, ==, CODE_BASE);
    }
}

/* Unallocated and not-yet-implemented encodings raise UNDEF at their own
 * address after everything before them ran; never a skip. */
static void test_undef(void)
{
    static const uint32_t words[] = {
        0x00000000, /* UDF #0 */
        0xf8200041, /* LDADD X0, X1, [X2]: ARMv8.1, not advertised */
        0xc8a07c41, /* CAS X0, X1, [X2]: ARMv8.1, not advertised */
        0x1ee22820, /* FADD H0, H1, H2: FP16 is ARMv8.2 */
        0xd503201f | 0x1 << 21, /* hint space with L=1: SYSL, unallocated */
        0x13000000 | 1 << 22, /* SBFM W with N=1 */
        0xd50b7520 | 1, /* SYS #3, C7, C5, #1 with Rt=1 is IC IVAU: valid */
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(words) - 1; i++) {
        uint32_t prog[3] = { 0xd28000a0 /* mov x0, #5 */, words[i],
                             0xd4200000 /* brk #0 */ };
        load_at(CODE_BASE, prog, 3);
        g_assert_cmpint(run(100), ==, EXCP_UDEF);
        g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
        g_assert_cmphex(env()->exception.syndrome, ==, 0x02000000);
        g_assert_cmphex(env()->xregs[0], ==, 5);
    }
    {
        uint32_t prog[2] = { words[i], 0xd4200000 };
        load_at(CODE_BASE, prog, 2);
        g_assert_cmpint(run(100), ==, EXCP_BKPT);
    }
}

/* Exception-generating instructions stop the loop with their syndrome and
 * the PC at the instruction. */
static void test_exceptions(void)
{
    static const struct {
        uint32_t insn;
        int excp;
        uint32_t syndrome;
    } cases[] = {
        { 0xd4200240, EXCP_BKPT, 0xf2000012 },      /* brk #0x12 */
        { 0xd44000e0, EXCP_HLT_INSN, 0x02000007 },  /* hlt #7 */
        { 0xd40000a1, EXCP_SWI, 0x56000005 },       /* svc #5 */
        { 0xd4000062, EXCP_HVC, 0x5a000003 },       /* hvc #3 */
        { 0xd4000023, EXCP_SMC, 0x5e000001 },       /* smc #1 */
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        uint32_t prog[2] = { 0xd503201f /* nop */, cases[i].insn };
        load_at(CODE_BASE, prog, 2);
        g_assert_cmpint(run(100), ==, cases[i].excp);
        g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
        g_assert_cmphex(env()->exception.syndrome, ==, cases[i].syndrome);
    }
    /* At EL0, HVC is UNDEFINED, and so are MSR DAIFSet and MRS MIDR. */
    {
        static const uint32_t el0_undef[] = {
            0xd4000062, 0xd50342df, 0xd5380000,
        };
        for (i = 0; i < ARRAY_SIZE(el0_undef); i++) {
            uint32_t prog[1] = { el0_undef[i] };
            load_at(CODE_BASE, prog, 1);
            arm_pstate_write(env(), 0);     /* EL0t */
            g_assert_cmpint(run(100), ==, EXCP_UDEF);
        }
    }
}

/* Device registers for the I/O slow path test. */
static uint64_t io_last_addr, io_last_data;
static unsigned io_last_size, io_writes;
static bool io_bql_held;

static uint64_t io_read(void *opaque, hwaddr addr, unsigned size)
{
    io_bql_held = bql_locked();
    return 0xa5a5a5a5a5a5a500ULL | addr;
}

static void io_write(void *opaque, hwaddr addr, uint64_t data, unsigned size)
{
    io_bql_held = bql_locked();
    io_last_addr = addr;
    io_last_data = data;
    io_last_size = size;
    io_writes++;
}

static const MemoryRegionOps io_ops = {
    .read = io_read,
    .write = io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static void test_io(void)
{
    static const uint32_t prog[] = {
        0xd2a14000, /* mov x0, #0xa000000 */
        0xf9400801, /* ldr x1, [x0, #16] */
        0x39400c02, /* ldrb w2, [x0, #3] */
        0x79c01003, /* ldrsh w3, [x0, #8] */
        0xd2824684, /* mov x4, #0x1234 */
        0x79000c04, /* strh w4, [x0, #6] */
        0xb9402005, /* ldr w5, [x0, #32] */
        0xd4200000, /* brk #0 */
    };

    load_at(CODE_BASE, prog, ARRAY_SIZE(prog));
    io_writes = 0;
    g_assert_cmpint(run(100), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[1], ==, 0xa5a5a5a5a5a5a510ULL);
    g_assert_cmphex(env()->xregs[2], ==, 0x03);
    g_assert_cmphex(env()->xregs[3], ==, 0xffffa508);
    g_assert_cmphex(env()->xregs[5], ==, 0xa5a5a520);
    g_assert_cmpuint(io_writes, ==, 1);
    g_assert_cmphex(io_last_addr, ==, 6);
    g_assert_cmphex(io_last_data, ==, 0x1234);
    g_assert_cmpuint(io_last_size, ==, 2);
    g_assert(io_bql_held);          /* devices run under the BQL */
    g_assert(!bql_locked());        /* and it was given back */
}

/* Nothing mapped: a synchronous external abort with FAR and WnR. */
static void test_bus_error(void)
{
    static const uint32_t load[] = {
        0xd2a20000, /* mov x0, #0x10000000 */
        0xf9400401, /* ldr x1, [x0, #8] */
    };
    static const uint32_t store[] = {
        0xd2a20000, /* mov x0, #0x10000000 */
        0xf9000401, /* str x1, [x0, #8] */
    };

    load_at(CODE_BASE, load, 2);
    g_assert_cmpint(run(100), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
    g_assert_cmphex(env()->exception.vaddress, ==, 0x10000008);
    g_assert_cmphex(env()->exception.syndrome, ==, 0x92000010);

    load_at(CODE_BASE, store, 2);
    g_assert_cmpint(run(100), ==, EXCP_DATA_ABORT);
    g_assert_cmphex(env()->exception.syndrome, ==, 0x92000050);

    /* Jumping into I/O space: a prefetch abort at the target. */
    load_at(CODE_BASE, load, 2);
    env()->pc = IO_BASE;
    g_assert_cmpint(run(100), ==, EXCP_PREFETCH_ABORT);
    g_assert_cmphex(env()->exception.vaddress, ==, IO_BASE);
    g_assert_cmphex(env()->exception.syndrome >> 26, ==, EC_INSNABORT);
}

/* Unaligned accesses across a page boundary, and code across one. */
static void test_page_cross(void)
{
    static const uint32_t prog[] = {
        0xd2800021, /* mov x1, #1 */
        0xd2800042, /* mov x2, #2 */
        0xf9400003, /* ldr x3, [x0] */
        0xf8002004, /* stur x4, [x0, #2] */
        0xd2800065, /* mov x5, #3 */
        0xd4200000, /* brk #0 */
    };
    uint64_t at = CODE_BASE + TL_PAGE_SIZE - 8;    /* straddles a page */
    uint64_t data = RAM_BASE + 0x20000 - 4;
    size_t i;

    load_at(at, prog, ARRAY_SIZE(prog));
    for (i = 0; i < 8; i++) {
        *ram_ptr(data + i) = 0x11 * (i + 1);
    }
    env()->xregs[0] = data;
    env()->xregs[4] = 0x0102030405060708ULL;
    g_assert_cmpint(run(100), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[3], ==, 0x8877665544332211ULL);
    g_assert_cmphex(get64(data + 2) , ==, 0x0102030405060708ULL);
    g_assert_cmphex(env()->xregs[5], ==, 3);
    g_assert_cmphex(env()->pc, ==, at + 20);
}

/* The budget is counted per block: same program, same stop, every run. */
static void test_budget(void)
{
    static const uint32_t prog[] = {
        0x91000400, /* 1: add x0, x0, #1 */
        0x17ffffff, /* b 1b */
    };
    int k;

    for (k = 0; k < 2; k++) {
        load_at(CODE_BASE, prog, 2);
        g_assert_cmpint(tcg_lite_exec(cs, 1000), ==, EXCP_BUDGET);
        g_assert_cmpuint(env()->xregs[0], ==, 500);
        g_assert_cmphex(env()->pc, ==, CODE_BASE);
    }
    /* exit_request stops before any block runs, and is consumed. */
    cpu_exit(cs);
    g_assert_cmpint(tcg_lite_exec(cs, 1000), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->xregs[0], ==, 500);
    g_assert_cmpint(tcg_lite_exec(cs, 10), ==, EXCP_BUDGET);
    g_assert_cmpuint(env()->xregs[0], ==, 505);
}

/* WFI halts with the PC after it; only work wakes the CPU. */
static void test_wfi(void)
{
    static const uint32_t prog[] = {
        0xd503207f, /* wfi */
        0xd2800540, /* mov x0, #42 */
        0xd4200000, /* brk #0 */
    };

    load_at(CODE_BASE, prog, 3);
    g_assert_cmpint(tcg_lite_exec(cs, 100), ==, EXCP_HLT);
    g_assert(cs->halted);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 4);
    g_assert_cmpint(tcg_lite_exec(cs, 100), ==, EXCP_HALTED);
    cpu_interrupt(cs, CPU_INTERRUPT_HARD);
    g_assert_cmpint(run(100), ==, EXCP_BKPT);
    cpu_reset_interrupt(cs, CPU_INTERRUPT_HARD);
    g_assert_cmphex(env()->xregs[0], ==, 42);
}

/* A write from outside the CPU (DMA, loader) reported through the hook:
 * the next run sees the new code. */
static void test_notify_write(void)
{
    static const uint32_t prog[] = {
        0xd2800020, /* mov x0, #1 */
        0xd4200000, /* brk #0 */
    };
    uint32_t patch = 0xd2800540; /* mov x0, #42 */

    load_at(CODE_BASE, prog, 2);
    g_assert_cmpint(run(100), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[0], ==, 1);
    g_assert(tb_page_has_code(CODE_BASE));

    put_words(CODE_BASE, &patch, 1);
    tcg_lite_notify_write(CODE_BASE, 4);
    env()->pc = CODE_BASE;
    g_assert_cmpint(run(100), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[0], ==, 42);

    /* IC IALLU flushes blocks even without a hook. */
    {
        static const uint32_t prog2[] = {
            0xd2800020, /* mov x0, #1 */
            0xd4200000, /* brk #0 */
            0xd508751f, /* ic iallu */
            0xd2800020, /* mov x0, #1 (patched to #7) */
            0xd4200000, /* brk #0 */
        };
        uint32_t p7 = 0xd28000e0;   /* mov x0, #7 */
        load_at(CODE_BASE, prog2, ARRAY_SIZE(prog2));
        env()->pc = CODE_BASE + 12;
        g_assert_cmpint(run(100), ==, EXCP_BKPT);
        g_assert_cmphex(env()->xregs[0], ==, 1);
        put_words(CODE_BASE + 12, &p7, 1);      /* no hook called */
        env()->pc = CODE_BASE + 8;
        g_assert_cmpint(run(100), ==, EXCP_BKPT);
        g_assert_cmphex(env()->xregs[0], ==, 7);
    }
}

/* A memory map change reaches the TLB: RAM swapped for a device at the
 * same address is seen by the next access. */
static void test_map_change(void)
{
    static const uint32_t prog[] = {
        0xd2aa0000, /* mov x0, #0x50000000 */
        0xf9400801, /* ldr x1, [x0, #16] */
        0xd4200000, /* brk #0 */
    };
    static MemoryRegion ram2, io2;
    uint64_t v = 0x1122334455667788ULL;

    g_assert(memory_region_init_ram(&ram2, NULL, "ram2", 0x1000, NULL));
    memcpy((uint8_t *)memory_region_get_ram_ptr(&ram2) + 16, &v, 8);
    memory_region_add_subregion(get_system_memory(), 0x50000000, &ram2);
    load_at(CODE_BASE, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run(100), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[1], ==, v);

    memory_region_del_subregion(get_system_memory(), &ram2);
    memory_region_init_io(&io2, NULL, &io_ops, NULL, "io2", 0x1000);
    memory_region_add_subregion(get_system_memory(), 0x50000000, &io2);
    env()->pc = CODE_BASE;
    g_assert_cmpint(tcg_lite_exec(cs, 100), ==, EXCP_BKPT);
    g_assert_cmphex(env()->xregs[1], ==, 0xa5a5a5a5a5a5a510ULL);
    memory_region_del_subregion(get_system_memory(), &io2);
}

/* UNDEF is logged under -d unimp with the word and its address. */
static void test_undef_log(void)
{
    static const uint32_t prog[] = { 0xf8200041 /* ldadd x0, x1, [x2] */ };
    char *path = g_build_filename(g_get_tmp_dir(), "test-tcg-arm-XXXXXX",
                                  NULL);
    int fd = g_mkstemp(path);
    char *text = NULL;

    g_assert(fd >= 0);
    close(fd);
    g_assert(qemu_set_log_filename(path, NULL));
    g_assert(qemu_set_log_items("unimp", NULL));
    load_at(CODE_BASE, prog, 1);
    g_assert_cmpint(run(100), ==, EXCP_UDEF);
    g_assert(qemu_set_log_items("", NULL));
    g_assert(qemu_set_log_filename(NULL, NULL));
    g_assert(g_file_get_contents(path, &text, NULL, NULL));
    g_assert(strstr(text, "0xf8200041"));
    g_assert(strstr(text, "0x0000000040080000"));
    g_free(text);
    unlink(path);
    g_free(path);
}

/* A device asking the CPU to stop (cpu_exit from its callback) is seen at
 * the next block boundary, even inside a chained loop. */
static void kick_write(void *opaque, hwaddr addr, uint64_t data,
                       unsigned size)
{
    cpu_exit(cs);
}

static const MemoryRegionOps kick_ops = {
    .read = io_read,
    .write = kick_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void test_exit_between_blocks(void)
{
    static const uint32_t prog[] = {
        0xd2aa2000, /* mov x0, #0x51000000 */
        0x91000421, /* 1: add x1, x1, #1 */
        0xf100283f, /* cmp x1, #10 */
        0x54ffffc1, /* b.ne 1b */
        0xb900001f, /* str wzr, [x0] */
        0x91000442, /* add x2, x2, #1 */
        0x14000001, /* b 2f */
        0x91000463, /* 2: add x3, x3, #1 */
        0xd4200000, /* brk #0 */
    };
    static MemoryRegion kick;

    memory_region_init_io(&kick, NULL, &kick_ops, NULL, "kick", 0x1000);
    memory_region_add_subregion(get_system_memory(), 0x51000000, &kick);
    load_at(CODE_BASE, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(tcg_lite_exec(cs, 1000), ==, EXCP_INTERRUPT);
    /* The block with the store ran to its end, then the loop stopped. */
    g_assert_cmpuint(env()->xregs[1], ==, 10);
    g_assert_cmpuint(env()->xregs[2], ==, 1);
    g_assert_cmpuint(env()->xregs[3], ==, 0);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 28);
    g_assert_cmpint(tcg_lite_exec(cs, 1000), ==, EXCP_BKPT);
    g_assert_cmpuint(env()->xregs[3], ==, 1);
    /* EXITTB breaks chains but is not a reason to return. */
    load_at(CODE_BASE, prog, 4);
    cpu_interrupt(cs, CPU_INTERRUPT_EXITTB);
    g_assert_cmpint(tcg_lite_exec(cs, 29), ==, EXCP_BUDGET);
    g_assert_cmpuint(env()->xregs[1], ==, 10);
    g_assert_cmpuint(cs->interrupt_request, ==, 0);
    memory_region_del_subregion(get_system_memory(), &kick);
}

/* More blocks than the arena holds: it is flushed mid-run, and the block
 * that was about to be chained from must not be touched afterwards. */
static void test_arena_full(void)
{
    enum { PAIRS = 300000 };        /* ~45 MiB of blocks for a 32 MiB arena */
    uint32_t *prog = g_new(uint32_t, 2 * PAIRS + 1);
    int i;

    for (i = 0; i < PAIRS; i++) {
        prog[2 * i] = 0x91000400;       /* add x0, x0, #1 */
        prog[2 * i + 1] = 0x14000001;   /* b .+4 */
    }
    prog[2 * PAIRS] = 0xd4200000;       /* brk #0 */
    load_at(CODE_BASE, prog, 2 * PAIRS + 1);
    g_assert_cmpint(run(INT64_MAX), ==, EXCP_BKPT);
    g_assert_cmpuint(env()->xregs[0], ==, PAIRS);
    g_assert_cmphex(env()->pc, ==, CODE_BASE + 8 * PAIRS);
    g_free(prog);
}

int main(int argc, char **argv)
{
    static MemoryRegion io;
    Object *obj;

    g_test_init(&argc, &argv, NULL);
    memory_map_init();
    g_assert(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, NULL));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);
    memory_region_init_io(&io, NULL, &io_ops, NULL, "test-io", 0x1000);
    memory_region_add_subregion(get_system_memory(), IO_BASE, &io);

    obj = object_new(TYPE_ARM_CPU_CORTEX_A57);
    g_assert(qdev_realize(DEVICE(obj), NULL, NULL));
    cs = CPU(obj);

    g_test_add_func("/tcg-arm/cpu/types", test_cpu_types);
    g_test_add_func("/tcg-arm/recorded/dp-imm", test_dp_imm);
    g_test_add_func("/tcg-arm/recorded/flags", test_flags);
    g_test_add_func("/tcg-arm/recorded/dp-reg", test_dp_reg);
    g_test_add_func("/tcg-arm/recorded/dp-reg2", test_dp_reg2);
    g_test_add_func("/tcg-arm/recorded/branch", test_branch);
    g_test_add_func("/tcg-arm/recorded/ldst", test_ldst);
    g_test_add_func("/tcg-arm/recorded/smc", test_smc);
    g_test_add_func("/tcg-arm/recorded/smc-chain", test_smc_chain);
    g_test_add_func("/tcg-arm/recorded/sys", test_sys);
    g_test_add_func("/tcg-arm/recorded/edge", test_edge);
    g_test_add_func("/tcg-arm/recorded/excl", test_excl);
    g_test_add_func("/tcg-arm/excl-align", test_excl_align);
    g_test_add_func("/tcg-arm/recorded/ldst-wb", test_ldst_wb);
    g_test_add_func("/tcg-arm/long-block", test_long_block);
    g_test_add_func("/tcg-arm/bitmask", test_bitmask);
    g_test_add_func("/tcg-arm/undef", test_undef);
    g_test_add_func("/tcg-arm/exceptions", test_exceptions);
    g_test_add_func("/tcg-arm/io", test_io);
    g_test_add_func("/tcg-arm/bus-error", test_bus_error);
    g_test_add_func("/tcg-arm/page-cross", test_page_cross);
    g_test_add_func("/tcg-arm/budget", test_budget);
    g_test_add_func("/tcg-arm/wfi", test_wfi);
    g_test_add_func("/tcg-arm/notify-write", test_notify_write);
    g_test_add_func("/tcg-arm/map-change", test_map_change);
    g_test_add_func("/tcg-arm/arena-full", test_arena_full);
    g_test_add_func("/tcg-arm/undef-log", test_undef_log);
    g_test_add_func("/tcg-arm/exit-between-blocks", test_exit_between_blocks);
    return g_test_run();
}
