/*
 * The pc board's ACPI tables as bytes, independent of any machine state so
 * unit tests can check them: FACS, DSDT, FADT (ACPI 2.0 layout, revision
 * 3), MADT, RSDT and XSDT in one blob meant for guest-physical address
 * base, and a separate 36-byte RSDP (revision 2) pointing into it.
 *
 * The blob's pointers (FADT -> FACS/DSDT, RSDT/XSDT -> tables, RSDP ->
 * RSDT/XSDT) are absolute guest-physical addresses computed from base.
 */
#ifndef HW_ACPI_PC_TABLES_H
#define HW_ACPI_PC_TABLES_H

#include "qemu/osdep.h"

#define ACPI_RSDP_SIZE 36

typedef struct AcpiPcConfig {
    unsigned ncpus;
    const uint32_t *apic_ids;   /* ncpus entries: LAPIC id of CPU i */
    uint16_t pm_base;           /* PM1a_EVT (+0), PM1a_CNT (+4), PM_TMR (+8) */
    uint16_t gpe0_base;         /* GPE0 block, 4 bytes */
    uint8_t sci_irq;            /* ISA IRQ = GSI of the SCI */
    uint16_t reset_port;        /* FADT RESET_REG (I/O), 0: none */
    uint8_t reset_value;
    uint64_t base;              /* guest-physical address of the blob */
} AcpiPcConfig;

typedef struct AcpiPcTables {
    GByteArray *blob;           /* the tables, to be placed at base */
    uint8_t rsdp[ACPI_RSDP_SIZE];
    /* Offsets in blob, for tests and for a table-loader. */
    size_t facs, dsdt, fadt, madt, rsdt, xsdt;
} AcpiPcTables;

/* Build every table for cfg. ncpus must be at least 1. */
void acpi_pc_build_tables(const AcpiPcConfig *cfg, AcpiPcTables *out);
void acpi_pc_tables_free(AcpiPcTables *t);

/* The DSDT's AML body (no header): \_SB.PWRB (PNP0C0C) and \_S5. */
GByteArray *acpi_pc_build_dsdt_aml(void);

#endif
