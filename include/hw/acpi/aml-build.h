/*
 * ACPI table bytes: the common 36-byte table header with its checksum,
 * Generic Address Structures, and a small AML encoder for the DSDT (ACPI
 * 6.x chapter 5 "ACPI Software Programming Model" for the tables,
 * chapter 20 "ACPI Machine Language (AML) Specification" for the grammar).
 *
 * The AML encoder builds terms bottom-up as GByteArrays: each aml_*()
 * constructor returns a new term and consumes (frees) the terms given to
 * it, so a DSDT reads as one nested expression. Only what Kestrel's
 * boards need: Scope, Device, Name, Package, integers and EISA ids.
 */
#ifndef HW_ACPI_AML_BUILD_H
#define HW_ACPI_AML_BUILD_H

#include "qemu/osdep.h"

#define ACPI_TABLE_HEADER_SIZE 36
#define ACPI_OEM_ID "BOCHS "           /* 6 bytes, as QEMU's tables */
#define ACPI_OEM_TABLE_ID "BXPC    "   /* 8 bytes */

/* Generic Address Structure address space ids. */
#define ACPI_GAS_MEMORY 0
#define ACPI_GAS_IO     1

/* 8-bit sum of len bytes. A table is valid when its bytes sum to 0. */
uint8_t acpi_checksum(const uint8_t *data, size_t len);

/* Append a table header (length and checksum left 0); returns the offset
 * of the table in out, for acpi_table_end(). */
size_t acpi_table_begin(GByteArray *out, const char *sig, uint8_t rev);
/* Patch the length of the table at offset start (to the end of out) and
 * set its checksum. */
void acpi_table_end(GByteArray *out, size_t start);

/* Little-endian appends, and a 12-byte Generic Address Structure. */
void acpi_append_u8(GByteArray *out, uint8_t v);
void acpi_append_u16(GByteArray *out, uint16_t v);
void acpi_append_u32(GByteArray *out, uint32_t v);
void acpi_append_u64(GByteArray *out, uint64_t v);
void acpi_append_gas(GByteArray *out, uint8_t space, uint8_t bit_width,
                     uint8_t access_size, uint64_t addr);
/* Pad out with zeroes to a multiple of align (a power of two). */
void acpi_align(GByteArray *out, size_t align);

/* ---- AML ---- */

/* PkgLength of a body of len bytes (the encoding counts itself). */
void aml_append_pkglength(GByteArray *out, size_t len);
/* NameString: "\\_SB.PWRB", "_HID", "^FOO"; segments shorter than four
 * characters are padded with '_'. */
void aml_append_namestring(GByteArray *out, const char *path);

/* A term list: start empty, then aml_append() terms (consumed) to it. */
GByteArray *aml_list(void);
void aml_append(GByteArray *list, GByteArray *term);

/* Data objects. */
GByteArray *aml_int(uint64_t v);              /* Zero/One/Byte..QWord */
GByteArray *aml_eisaid(const char *id);       /* "PNP0C0C" -> DWord */
/* Package with the elements of list (one term each), n of them. */
GByteArray *aml_package(unsigned n, GByteArray *elements);

/* Named objects (children consumed). */
GByteArray *aml_name_decl(const char *name, GByteArray *value);
GByteArray *aml_scope(const char *name, GByteArray *body);
GByteArray *aml_device(const char *name, GByteArray *body);

#endif
