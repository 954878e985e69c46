/*
 * Where the pc board puts its ACPI tables in guest memory, for the
 * firmware-less boot path (-kernel) and its e820 map.
 *
 *   - The tables (FACS, DSDT, FADT, MADT, RSDT, XSDT) live in the last
 *     PC_ACPI_TABLES_SIZE bytes of RAM below 4 GiB. A kernel loader that
 *     builds an e820 map must mark that range E820 type 3 (ACPI
 *     reclaimable) or 2 (reserved); pc_acpi_reserved_range() says where.
 *   - The RSDP is also written to RAM at PC_ACPI_RSDP_ADDR, where Linux
 *     looks for it (0xe0000-0xfffff). While a BIOS ROM is mapped there
 *     (the "isa-bios" alias) the ROM hides it; a boot without firmware
 *     that unmaps the ROM exposes it.
 *   - fw_cfg carries "etc/acpi/rsdp" (36 bytes) and "etc/acpi/tables" (the
 *     blob) with absolute addresses already filled in. There is no
 *     "etc/table-loader", so SeaBIOS ignores both and builds its own.
 */
#ifndef HW_ACPI_PC_ACPI_H
#define HW_ACPI_PC_ACPI_H

#include "qemu/osdep.h"

#define PC_ACPI_TABLES_SIZE  (64 * KiB)
#define PC_ACPI_RSDP_ADDR    0xe0000

/* The guest-physical range holding the tables; size 0 before
 * pc_acpi_init() ran or when RAM was too small for tables. */
void pc_acpi_reserved_range(uint64_t *base, uint64_t *size);

#endif
