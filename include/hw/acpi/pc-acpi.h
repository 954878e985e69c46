/*
 * Where the pc board puts its ACPI tables in guest memory.
 *
 *   - RAM 0xe0000-0xeffff (pc_acpi_reserved_range()) holds them: the RSDP
 *     at PC_ACPI_RSDP_ADDR, where Linux scans for it (0xe0000-0xfffff),
 *     and the other tables (FACS, DSDT, FADT, MADT, RSDT, XSDT) from
 *     PC_ACPI_TABLES_ADDR. That range is already E820 "reserved" in the
 *     -kernel loader's map (0xa0000-0xfffff), so the OS keeps it; a map
 *     that ever splits this area must keep the range reserved (type 2) or
 *     mark it ACPI (type 3).
 *   - Without firmware (-kernel) that RAM is what the guest sees. A -bios
 *     image maps its last 128 KiB (or all of a 64 KiB image, at 0xf0000)
 *     over 0xe0000-0xfffff: a 64 KiB image leaves the tables visible, a
 *     larger one hides them.
 *   - fw_cfg carries "etc/acpi/rsdp" (36 bytes) and "etc/acpi/tables" (the
 *     blob from PC_ACPI_TABLES_ADDR) with absolute addresses already
 *     filled in. There is no "etc/table-loader", so SeaBIOS ignores both
 *     and builds its own tables.
 */
#ifndef HW_ACPI_PC_ACPI_H
#define HW_ACPI_PC_ACPI_H

#include "qemu/osdep.h"

#define PC_ACPI_AREA_BASE    0xe0000
#define PC_ACPI_AREA_SIZE    (64 * KiB)
#define PC_ACPI_RSDP_ADDR    0xe0000
#define PC_ACPI_TABLES_ADDR  0xe1000
#define PC_ACPI_TABLES_MAX   (PC_ACPI_AREA_BASE + PC_ACPI_AREA_SIZE - \
                              PC_ACPI_TABLES_ADDR)

/* The guest-physical range holding the RSDP and the tables; size 0
 * before pc_acpi_init() ran or when RAM was too small for tables. */
void pc_acpi_reserved_range(uint64_t *base, uint64_t *size);

#endif
