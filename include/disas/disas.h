/*
 * Guest code disassembly for -d in_asm and the monitor, through capstone.
 * The architecture is named as the target knows it ("aarch64",
 * "x86_64"); an unknown name or a capstone failure prints the raw words.
 */
#ifndef DISAS_DISAS_H
#define DISAS_DISAS_H

#include "qemu/osdep.h"

/*
 * Append one line per instruction of code[0..size) (guest address pc) to
 * out, in QEMU's -d in_asm layout: "0x%016x:  %08x      mnemonic ops".
 */
void disas_append(GString *out, const char *arch, uint64_t pc,
                  const uint8_t *code, size_t size);

#endif
