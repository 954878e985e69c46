/*
 * crypto-fips: the crypto instructions doing whole standard computations,
 * checked against the standards' published results:
 *   FIPS-197 appendix C.1: AES-128 of 00112233..eeff under key 00..0f is
 *   69c4e0d86a7b0430d8cdb78070b4c55a (AESE/AESMC), and back (AESD/AESIMC);
 *   FIPS 180-4 examples: SHA-1("abc") = a9993e36 4706816a ba3e2571
 *   7850c26c 9cd0d89d (SHA1C/P/M/H/SU0/SU1), SHA-256("abc") = ba7816bf
 *   8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
 *   (SHA256H/H2/SU0/SU1);
 * and a GHASH-style 128x128 carry-less product from PMULL/PMULL2.
 * The AES round keys were expanded offline (FIPS-197 appendix A.1); the
 * decryption keys are AESIMC of them, for the equivalent inverse cipher.
 */
#include "lib.h"

__asm__(".arch armv8-a+crypto\n"
    ".section .rodata\n"
    ".balign 16\n"
    "rk:\n"
    "    .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f\n"
    "    .byte 0xd6, 0xaa, 0x74, 0xfd, 0xd2, 0xaf, 0x72, 0xfa, 0xda, 0xa6, 0x78, 0xf1, 0xd6, 0xab, 0x76, 0xfe\n"
    "    .byte 0xb6, 0x92, 0xcf, 0x0b, 0x64, 0x3d, 0xbd, 0xf1, 0xbe, 0x9b, 0xc5, 0x00, 0x68, 0x30, 0xb3, 0xfe\n"
    "    .byte 0xb6, 0xff, 0x74, 0x4e, 0xd2, 0xc2, 0xc9, 0xbf, 0x6c, 0x59, 0x0c, 0xbf, 0x04, 0x69, 0xbf, 0x41\n"
    "    .byte 0x47, 0xf7, 0xf7, 0xbc, 0x95, 0x35, 0x3e, 0x03, 0xf9, 0x6c, 0x32, 0xbc, 0xfd, 0x05, 0x8d, 0xfd\n"
    "    .byte 0x3c, 0xaa, 0xa3, 0xe8, 0xa9, 0x9f, 0x9d, 0xeb, 0x50, 0xf3, 0xaf, 0x57, 0xad, 0xf6, 0x22, 0xaa\n"
    "    .byte 0x5e, 0x39, 0x0f, 0x7d, 0xf7, 0xa6, 0x92, 0x96, 0xa7, 0x55, 0x3d, 0xc1, 0x0a, 0xa3, 0x1f, 0x6b\n"
    "    .byte 0x14, 0xf9, 0x70, 0x1a, 0xe3, 0x5f, 0xe2, 0x8c, 0x44, 0x0a, 0xdf, 0x4d, 0x4e, 0xa9, 0xc0, 0x26\n"
    "    .byte 0x47, 0x43, 0x87, 0x35, 0xa4, 0x1c, 0x65, 0xb9, 0xe0, 0x16, 0xba, 0xf4, 0xae, 0xbf, 0x7a, 0xd2\n"
    "    .byte 0x54, 0x99, 0x32, 0xd1, 0xf0, 0x85, 0x57, 0x68, 0x10, 0x93, 0xed, 0x9c, 0xbe, 0x2c, 0x97, 0x4e\n"
    "    .byte 0x13, 0x11, 0x1d, 0x7f, 0xe3, 0x94, 0x4a, 0x17, 0xf3, 0x07, 0xa7, 0x8b, 0x4d, 0x2b, 0x30, 0xc5\n"
    "rk_dec:\n"
    "    .byte 0x13, 0x11, 0x1d, 0x7f, 0xe3, 0x94, 0x4a, 0x17, 0xf3, 0x07, 0xa7, 0x8b, 0x4d, 0x2b, 0x30, 0xc5\n"
    "    .byte 0x13, 0xaa, 0x29, 0xbe, 0x9c, 0x8f, 0xaf, 0xf6, 0xf7, 0x70, 0xf5, 0x80, 0x00, 0xf7, 0xbf, 0x03\n"
    "    .byte 0x13, 0x62, 0xa4, 0x63, 0x8f, 0x25, 0x86, 0x48, 0x6b, 0xff, 0x5a, 0x76, 0xf7, 0x87, 0x4a, 0x83\n"
    "    .byte 0x8d, 0x82, 0xfc, 0x74, 0x9c, 0x47, 0x22, 0x2b, 0xe4, 0xda, 0xdc, 0x3e, 0x9c, 0x78, 0x10, 0xf5\n"
    "    .byte 0x72, 0xe3, 0x09, 0x8d, 0x11, 0xc5, 0xde, 0x5f, 0x78, 0x9d, 0xfe, 0x15, 0x78, 0xa2, 0xcc, 0xcb\n"
    "    .byte 0x2e, 0xc4, 0x10, 0x27, 0x63, 0x26, 0xd7, 0xd2, 0x69, 0x58, 0x20, 0x4a, 0x00, 0x3f, 0x32, 0xde\n"
    "    .byte 0xa8, 0xa2, 0xf5, 0x04, 0x4d, 0xe2, 0xc7, 0xf5, 0x0a, 0x7e, 0xf7, 0x98, 0x69, 0x67, 0x12, 0x94\n"
    "    .byte 0xc7, 0xc6, 0xe3, 0x91, 0xe5, 0x40, 0x32, 0xf1, 0x47, 0x9c, 0x30, 0x6d, 0x63, 0x19, 0xe5, 0x0c\n"
    "    .byte 0xa0, 0xdb, 0x02, 0x99, 0x22, 0x86, 0xd1, 0x60, 0xa2, 0xdc, 0x02, 0x9c, 0x24, 0x85, 0xd5, 0x61\n"
    "    .byte 0x8c, 0x56, 0xdf, 0xf0, 0x82, 0x5d, 0xd3, 0xf9, 0x80, 0x5a, 0xd3, 0xfc, 0x86, 0x59, 0xd7, 0xfd\n"
    "    .byte 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f\n"
    ".text\n"
    /* aes128_encrypt(out x0, in x1) */
    ".globl aes128_encrypt\n"
    "aes128_encrypt:\n"
    "adrp x2, rk\n add x2, x2, :lo12:rk\n"
    "ldr q0, [x1]\n"
    "mov x3, #9\n"
    "1: ldr q1, [x2], #16\n aese v0.16b, v1.16b\n aesmc v0.16b, v0.16b\n"
    "subs x3, x3, #1\n b.ne 1b\n"
    "ldr q1, [x2], #16\n aese v0.16b, v1.16b\n"
    "ldr q1, [x2]\n eor v0.16b, v0.16b, v1.16b\n"
    "str q0, [x0]\n ret\n"
    /* aes128_decrypt(out x0, in x1) */
    ".globl aes128_decrypt\n"
    "aes128_decrypt:\n"
    "adrp x2, rk_dec\n add x2, x2, :lo12:rk_dec\n"
    "ldr q0, [x1]\n"
    "mov x3, #9\n"
    "1: ldr q1, [x2], #16\n aesd v0.16b, v1.16b\n aesimc v0.16b, v0.16b\n"
    "subs x3, x3, #1\n b.ne 1b\n"
    "ldr q1, [x2], #16\n aesd v0.16b, v1.16b\n"
    "ldr q1, [x2]\n eor v0.16b, v0.16b, v1.16b\n"
    "str q0, [x0]\n ret\n"
    /* sha1_block(state x0 (5 words), block x1, k x2 (4 words)) */
    ".globl sha1_block\n"
    "sha1_block:\n"
    "ldr q0, [x0]\n ldr s20, [x0, #16]\n"
    "ld1 {v4.16b-v7.16b}, [x1]\n"
    "rev32 v4.16b, v4.16b\n rev32 v5.16b, v5.16b\n"
    "rev32 v6.16b, v6.16b\n rev32 v7.16b, v7.16b\n"
    "ld4r {v16.4s-v19.4s}, [x2]\n"
    "mov v22.16b, v0.16b\n mov v23.16b, v20.16b\n"
    "add v24.4s, v4.4s, v16.4s\n"
    "sha1h s21, s0\n"
    "sha1c q0, s20, v24.4s\n"
    "sha1su0 v4.4s, v5.4s, v6.4s\n"
    "sha1su1 v4.4s, v7.4s\n"
    "add v24.4s, v5.4s, v16.4s\n"
    "sha1h s20, s0\n"
    "sha1c q0, s21, v24.4s\n"
    "sha1su0 v5.4s, v6.4s, v7.4s\n"
    "sha1su1 v5.4s, v4.4s\n"
    "add v24.4s, v6.4s, v16.4s\n"
    "sha1h s21, s0\n"
    "sha1c q0, s20, v24.4s\n"
    "sha1su0 v6.4s, v7.4s, v4.4s\n"
    "sha1su1 v6.4s, v5.4s\n"
    "add v24.4s, v7.4s, v16.4s\n"
    "sha1h s20, s0\n"
    "sha1c q0, s21, v24.4s\n"
    "sha1su0 v7.4s, v4.4s, v5.4s\n"
    "sha1su1 v7.4s, v6.4s\n"
    "add v24.4s, v4.4s, v16.4s\n"
    "sha1h s21, s0\n"
    "sha1c q0, s20, v24.4s\n"
    "sha1su0 v4.4s, v5.4s, v6.4s\n"
    "sha1su1 v4.4s, v7.4s\n"
    "add v24.4s, v5.4s, v17.4s\n"
    "sha1h s20, s0\n"
    "sha1p q0, s21, v24.4s\n"
    "sha1su0 v5.4s, v6.4s, v7.4s\n"
    "sha1su1 v5.4s, v4.4s\n"
    "add v24.4s, v6.4s, v17.4s\n"
    "sha1h s21, s0\n"
    "sha1p q0, s20, v24.4s\n"
    "sha1su0 v6.4s, v7.4s, v4.4s\n"
    "sha1su1 v6.4s, v5.4s\n"
    "add v24.4s, v7.4s, v17.4s\n"
    "sha1h s20, s0\n"
    "sha1p q0, s21, v24.4s\n"
    "sha1su0 v7.4s, v4.4s, v5.4s\n"
    "sha1su1 v7.4s, v6.4s\n"
    "add v24.4s, v4.4s, v17.4s\n"
    "sha1h s21, s0\n"
    "sha1p q0, s20, v24.4s\n"
    "sha1su0 v4.4s, v5.4s, v6.4s\n"
    "sha1su1 v4.4s, v7.4s\n"
    "add v24.4s, v5.4s, v17.4s\n"
    "sha1h s20, s0\n"
    "sha1p q0, s21, v24.4s\n"
    "sha1su0 v5.4s, v6.4s, v7.4s\n"
    "sha1su1 v5.4s, v4.4s\n"
    "add v24.4s, v6.4s, v18.4s\n"
    "sha1h s21, s0\n"
    "sha1m q0, s20, v24.4s\n"
    "sha1su0 v6.4s, v7.4s, v4.4s\n"
    "sha1su1 v6.4s, v5.4s\n"
    "add v24.4s, v7.4s, v18.4s\n"
    "sha1h s20, s0\n"
    "sha1m q0, s21, v24.4s\n"
    "sha1su0 v7.4s, v4.4s, v5.4s\n"
    "sha1su1 v7.4s, v6.4s\n"
    "add v24.4s, v4.4s, v18.4s\n"
    "sha1h s21, s0\n"
    "sha1m q0, s20, v24.4s\n"
    "sha1su0 v4.4s, v5.4s, v6.4s\n"
    "sha1su1 v4.4s, v7.4s\n"
    "add v24.4s, v5.4s, v18.4s\n"
    "sha1h s20, s0\n"
    "sha1m q0, s21, v24.4s\n"
    "sha1su0 v5.4s, v6.4s, v7.4s\n"
    "sha1su1 v5.4s, v4.4s\n"
    "add v24.4s, v6.4s, v18.4s\n"
    "sha1h s21, s0\n"
    "sha1m q0, s20, v24.4s\n"
    "sha1su0 v6.4s, v7.4s, v4.4s\n"
    "sha1su1 v6.4s, v5.4s\n"
    "add v24.4s, v7.4s, v19.4s\n"
    "sha1h s20, s0\n"
    "sha1p q0, s21, v24.4s\n"
    "sha1su0 v7.4s, v4.4s, v5.4s\n"
    "sha1su1 v7.4s, v6.4s\n"
    "add v24.4s, v4.4s, v19.4s\n"
    "sha1h s21, s0\n"
    "sha1p q0, s20, v24.4s\n"
    "add v24.4s, v5.4s, v19.4s\n"
    "sha1h s20, s0\n"
    "sha1p q0, s21, v24.4s\n"
    "add v24.4s, v6.4s, v19.4s\n"
    "sha1h s21, s0\n"
    "sha1p q0, s20, v24.4s\n"
    "add v24.4s, v7.4s, v19.4s\n"
    "sha1h s20, s0\n"
    "sha1p q0, s21, v24.4s\n"
    "add v0.4s, v0.4s, v22.4s\n add v20.4s, v20.4s, v23.4s\n"
    "str q0, [x0]\n str s20, [x0, #16]\n ret\n"
    /* sha256_block(state x0 (8 words), block x1, k x2 (64 words)) */
    ".globl sha256_block\n"
    "sha256_block:\n"
    "ld1 {v0.4s, v1.4s}, [x0]\n"
    "ld1 {v4.16b-v7.16b}, [x1]\n"
    "rev32 v4.16b, v4.16b\n rev32 v5.16b, v5.16b\n"
    "rev32 v6.16b, v6.16b\n rev32 v7.16b, v7.16b\n"
    "mov v18.16b, v0.16b\n mov v19.16b, v1.16b\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v4.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v4.4s, v5.4s\n"
    "sha256su1 v4.4s, v6.4s, v7.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v5.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v5.4s, v6.4s\n"
    "sha256su1 v5.4s, v7.4s, v4.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v6.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v6.4s, v7.4s\n"
    "sha256su1 v6.4s, v4.4s, v5.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v7.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v7.4s, v4.4s\n"
    "sha256su1 v7.4s, v5.4s, v6.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v4.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v4.4s, v5.4s\n"
    "sha256su1 v4.4s, v6.4s, v7.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v5.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v5.4s, v6.4s\n"
    "sha256su1 v5.4s, v7.4s, v4.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v6.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v6.4s, v7.4s\n"
    "sha256su1 v6.4s, v4.4s, v5.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v7.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v7.4s, v4.4s\n"
    "sha256su1 v7.4s, v5.4s, v6.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v4.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v4.4s, v5.4s\n"
    "sha256su1 v4.4s, v6.4s, v7.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v5.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v5.4s, v6.4s\n"
    "sha256su1 v5.4s, v7.4s, v4.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v6.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v6.4s, v7.4s\n"
    "sha256su1 v6.4s, v4.4s, v5.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v7.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "sha256su0 v7.4s, v4.4s\n"
    "sha256su1 v7.4s, v5.4s, v6.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v4.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v5.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v6.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "ld1 {v16.4s}, [x2], #16\n"
    "add v16.4s, v16.4s, v7.4s\n"
    "mov v2.16b, v0.16b\n"
    "sha256h q0, q1, v16.4s\n"
    "sha256h2 q1, q2, v16.4s\n"
    "add v0.4s, v0.4s, v18.4s\n add v1.4s, v1.4s, v19.4s\n"
    "st1 {v0.4s, v1.4s}, [x0]\n ret\n"
    /* clmul128(out x0 (4 words), a x1, b x2): 256-bit product */
    ".globl clmul128\n"
    "clmul128:\n"
    "ldr q1, [x1]\n ldr q2, [x2]\n"
    "pmull v3.1q, v1.1d, v2.1d\n"
    "pmull2 v4.1q, v1.2d, v2.2d\n"
    "ext v5.16b, v2.16b, v2.16b, #8\n"
    "pmull v6.1q, v1.1d, v5.1d\n"
    "pmull2 v7.1q, v1.2d, v5.2d\n"
    "eor v6.16b, v6.16b, v7.16b\n"
    "movi v0.2d, #0\n"
    "ext v7.16b, v0.16b, v6.16b, #8\n"
    "ext v6.16b, v6.16b, v0.16b, #8\n"
    "eor v3.16b, v3.16b, v7.16b\n"
    "eor v4.16b, v4.16b, v6.16b\n"
    "stp q3, q4, [x0]\n ret\n"
);

void aes128_encrypt(uint8_t *out, const uint8_t *in);
void aes128_decrypt(uint8_t *out, const uint8_t *in);
void sha1_block(uint32_t *state, const uint8_t *block, const uint32_t *k);
void sha256_block(uint32_t *state, const uint8_t *block, const uint32_t *k);
void clmul128(uint64_t *out, const uint64_t *a, const uint64_t *b);

static const uint32_t sha1_k[4] = {
    0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6,
};

static const uint32_t sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void print_bytes(const char *label, const uint8_t *b, unsigned n)
{
    unsigned i;

    kprintf("%s ", label);
    for (i = 0; i < n; i++) {
        kprintf("%02x", b[i]);
    }
    kprintf("\n");
}

static void print_words(const char *label, const uint32_t *w, unsigned n)
{
    unsigned i;

    kprintf("%s", label);
    for (i = 0; i < n; i++) {
        kprintf(" %08x", w[i]);
    }
    kprintf("\n");
}

/* One padded block holding "abc" (FIPS 180-4 section 5.1.1). */
static void pad_abc(uint8_t *block)
{
    memset(block, 0, 64);
    block[0] = 'a';
    block[1] = 'b';
    block[2] = 'c';
    block[3] = 0x80;
    block[63] = 24;
}

int main(void)
{
    static uint8_t pt[16] __attribute__((aligned(16))) = {
        0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
        0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
    };
    static uint8_t ct[16] __attribute__((aligned(16)));
    static uint8_t back[16] __attribute__((aligned(16)));
    static uint8_t block[64] __attribute__((aligned(16)));
    static uint32_t h1[5] __attribute__((aligned(16)));
    static uint32_t h256[8] __attribute__((aligned(16)));
    static const uint32_t h1_init[5] = {
        0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
    };
    static const uint32_t h256_init[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    static const uint64_t a[2] __attribute__((aligned(16))) = {
        0x0123456789abcdefULL, 0xfedcba9876543210ULL,
    };
    static const uint64_t b[2] __attribute__((aligned(16))) = {
        0x8000000000000001ULL, 0xf0f0f0f00f0f0f0fULL,
    };
    static uint64_t prod[4] __attribute__((aligned(16)));

    aes128_encrypt(ct, pt);
    print_bytes("aes128 encrypt", ct, 16);
    aes128_decrypt(back, ct);
    print_bytes("aes128 decrypt", back, 16);

    pad_abc(block);
    memcpy(h1, h1_init, sizeof(h1));
    sha1_block(h1, block, sha1_k);
    print_words("sha1(abc)", h1, 5);

    memcpy(h256, h256_init, sizeof(h256));
    sha256_block(h256, block, sha256_k);
    print_words("sha256(abc)", h256, 8);

    clmul128(prod, a, b);
    kprintf("clmul128 %016lx %016lx %016lx %016lx\n",
            prod[3], prod[2], prod[1], prod[0]);
    return 0;
}
