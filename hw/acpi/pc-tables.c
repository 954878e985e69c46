/*
 * The pc board's ACPI tables (see include/hw/acpi/pc-tables.h). Layouts
 * from the ACPI specification 6.x chapter 5; the values mirror what QEMU's
 * pc machine advertises where Kestrel models the same hardware.
 */
#include "qemu/osdep.h"
#include "hw/acpi/pc-tables.h"
#include "hw/acpi/aml-build.h"

#define APIC_DEFAULT_ADDRESS   0xfee00000u
#define IOAPIC_DEFAULT_ADDRESS 0xfec00000u

/* FADT fixed feature flags (ACPI 6.x table 5.10). */
#define FADT_F_WBINVD          (1u << 0)
#define FADT_F_PROC_C1         (1u << 2)
#define FADT_F_SLP_BUTTON      (1u << 5)   /* no fixed sleep button */
#define FADT_F_RTC_S4          (1u << 7)
#define FADT_F_RESET_REG_SUP   (1u << 10)
/* IA-PC boot architecture flags: legacy devices, 8042. */
#define FADT_IAPC_LEGACY_DEVS  (1u << 0)
#define FADT_IAPC_8042         (1u << 1)

/* MADT structure types. */
#define MADT_LAPIC             0
#define MADT_IOAPIC            1
#define MADT_ISO               2
#define MADT_LAPIC_NMI         4
#define MADT_X2APIC            9
#define MADT_PCAT_COMPAT       1
/* MPS INTI flags: active high (01), level triggered (11 << 2). */
#define MPS_ACTIVE_HIGH_LEVEL  0x000d

/* Interrupt source overrides: ISA IRQ0 (the PIT) arrives on GSI 2, and
 * the PCI-routable IRQs 5, 9 (the SCI), 10 and 11 are level, active high
 * (QEMU's pc: the same list). */
static const struct {
    uint8_t irq;
    uint32_t gsi;
    uint16_t flags;
} madt_overrides[] = {
    { 0, 2, 0 },
    { 5, 5, MPS_ACTIVE_HIGH_LEVEL },
    { 9, 9, MPS_ACTIVE_HIGH_LEVEL },
    { 10, 10, MPS_ACTIVE_HIGH_LEVEL },
    { 11, 11, MPS_ACTIVE_HIGH_LEVEL },
};

static size_t build_facs(GByteArray *b)
{
    size_t start = b->len;

    /* FACS: no checksum; 64 bytes aligned on 64 (blob offset 0). */
    g_byte_array_append(b, (const guint8 *)"FACS", 4);
    acpi_append_u32(b, 64);
    acpi_append_u32(b, 0);              /* hardware signature */
    acpi_append_u32(b, 0);              /* firmware waking vector */
    acpi_append_u32(b, 0);              /* global lock */
    acpi_append_u32(b, 0);              /* flags */
    acpi_append_u64(b, 0);              /* X firmware waking vector */
    acpi_append_u8(b, 2);               /* version */
    while (b->len - start < 64) {
        acpi_append_u8(b, 0);
    }
    return start;
}

GByteArray *acpi_pc_build_dsdt_aml(void)
{
    GByteArray *dev = aml_list();
    GByteArray *sb = aml_list();
    GByteArray *s5 = aml_list();
    GByteArray *dsdt = aml_list();

    /* The power button as a device, besides the fixed-feature button the
     * FADT advertises, so guests that look for PNP0C0C find one. */
    aml_append(dev, aml_name_decl("_HID", aml_eisaid("PNP0C0C")));
    aml_append(dev, aml_name_decl("_UID", aml_int(1)));
    aml_append(sb, aml_device("PWRB", dev));
    aml_append(dsdt, aml_scope("\\_SB", sb));
    /* S5 (soft off): SLP_TYP 0 for PM1a and PM1b, as the PIIX4 PM
     * device decodes it. */
    for (int i = 0; i < 4; i++) {
        aml_append(s5, aml_int(0));
    }
    aml_append(dsdt, aml_name_decl("\\_S5", aml_package(4, s5)));
    return dsdt;
}

static size_t build_dsdt(GByteArray *b)
{
    size_t start = acpi_table_begin(b, "DSDT", 1);

    aml_append(b, acpi_pc_build_dsdt_aml());
    acpi_table_end(b, start);
    return start;
}

static void build_fadt_blocks(GByteArray *b, const AcpiPcConfig *cfg)
{
    acpi_append_u32(b, cfg->pm_base);       /* PM1a_EVT_BLK */
    acpi_append_u32(b, 0);                  /* PM1b_EVT_BLK */
    acpi_append_u32(b, cfg->pm_base + 4);   /* PM1a_CNT_BLK */
    acpi_append_u32(b, 0);                  /* PM1b_CNT_BLK */
    acpi_append_u32(b, 0);                  /* PM2_CNT_BLK */
    acpi_append_u32(b, cfg->pm_base + 8);   /* PM_TMR_BLK */
    acpi_append_u32(b, cfg->gpe0_base);     /* GPE0_BLK */
    acpi_append_u32(b, 0);                  /* GPE1_BLK */
    acpi_append_u8(b, 4);                   /* PM1_EVT_LEN */
    acpi_append_u8(b, 2);                   /* PM1_CNT_LEN */
    acpi_append_u8(b, 0);                   /* PM2_CNT_LEN */
    acpi_append_u8(b, 4);                   /* PM_TMR_LEN */
    acpi_append_u8(b, 4);                   /* GPE0_BLK_LEN */
    acpi_append_u8(b, 0);                   /* GPE1_BLK_LEN */
    acpi_append_u8(b, 0);                   /* GPE1_BASE */
    acpi_append_u8(b, 0);                   /* CST_CNT */
}

static size_t build_fadt(GByteArray *b, const AcpiPcConfig *cfg,
                         uint64_t facs, uint64_t dsdt)
{
    size_t start = acpi_table_begin(b, "FACP", 3);
    uint32_t flags = FADT_F_WBINVD | FADT_F_PROC_C1 | FADT_F_SLP_BUTTON |
                     FADT_F_RTC_S4;

    acpi_append_u32(b, facs);               /* FIRMWARE_CTRL */
    acpi_append_u32(b, dsdt);               /* DSDT */
    acpi_append_u8(b, 0);                   /* reserved */
    acpi_append_u8(b, 0);                   /* preferred PM profile */
    acpi_append_u16(b, cfg->sci_irq);       /* SCI_INT */
    /* SMI_CMD 0: no SMI mode transitions; the PM device starts with
     * SCI_EN set, so the OS finds ACPI already enabled. */
    acpi_append_u32(b, 0);
    acpi_append_u8(b, 0);                   /* ACPI_ENABLE */
    acpi_append_u8(b, 0);                   /* ACPI_DISABLE */
    acpi_append_u8(b, 0);                   /* S4BIOS_REQ */
    acpi_append_u8(b, 0);                   /* PSTATE_CNT */
    build_fadt_blocks(b, cfg);
    acpi_append_u16(b, 0x0fff);             /* P_LVL2_LAT: no C2 */
    acpi_append_u16(b, 0x03e9);             /* P_LVL3_LAT: no C3 */
    acpi_append_u16(b, 0);                  /* FLUSH_SIZE */
    acpi_append_u16(b, 0);                  /* FLUSH_STRIDE */
    acpi_append_u8(b, 0);                   /* DUTY_OFFSET */
    acpi_append_u8(b, 0);                   /* DUTY_WIDTH */
    acpi_append_u8(b, 0);                   /* DAY_ALRM */
    acpi_append_u8(b, 0);                   /* MON_ALRM */
    acpi_append_u8(b, 0x32);                /* CENTURY: CMOS 0x32 */
    acpi_append_u16(b, FADT_IAPC_LEGACY_DEVS | FADT_IAPC_8042);
    acpi_append_u8(b, 0);                   /* reserved */
    if (cfg->reset_port) {
        flags |= FADT_F_RESET_REG_SUP;
    }
    acpi_append_u32(b, flags);
    acpi_append_gas(b, cfg->reset_port ? ACPI_GAS_IO : 0,
                    cfg->reset_port ? 8 : 0, 0, cfg->reset_port);
    acpi_append_u8(b, cfg->reset_value);    /* RESET_VALUE */
    acpi_append_u16(b, 0);                  /* ARM boot flags (reserved) */
    acpi_append_u8(b, 0);                   /* FADT minor version */
    acpi_append_u64(b, facs);               /* X_FIRMWARE_CTRL */
    acpi_append_u64(b, dsdt);               /* X_DSDT */
    acpi_append_gas(b, ACPI_GAS_IO, 32, 0, cfg->pm_base);
    acpi_append_gas(b, 0, 0, 0, 0);
    acpi_append_gas(b, ACPI_GAS_IO, 16, 0, cfg->pm_base + 4);
    acpi_append_gas(b, 0, 0, 0, 0);
    acpi_append_gas(b, 0, 0, 0, 0);         /* X_PM2_CNT_BLK */
    acpi_append_gas(b, ACPI_GAS_IO, 32, 0, cfg->pm_base + 8);
    acpi_append_gas(b, ACPI_GAS_IO, 32, 0, cfg->gpe0_base);
    acpi_append_gas(b, 0, 0, 0, 0);         /* X_GPE1_BLK */
    acpi_table_end(b, start);
    return start;
}

static void build_madt_cpu(GByteArray *b, unsigned uid, uint32_t apic_id)
{
    if (apic_id < 0xff) {
        acpi_append_u8(b, MADT_LAPIC);
        acpi_append_u8(b, 8);
        acpi_append_u8(b, uid);
        acpi_append_u8(b, apic_id);
        acpi_append_u32(b, 1);              /* enabled */
    } else {
        /* 0xff is the broadcast id: larger ids need the x2APIC entry. */
        acpi_append_u8(b, MADT_X2APIC);
        acpi_append_u8(b, 16);
        acpi_append_u16(b, 0);
        acpi_append_u32(b, apic_id);
        acpi_append_u32(b, 1);
        acpi_append_u32(b, uid);
    }
}

static size_t build_madt(GByteArray *b, const AcpiPcConfig *cfg)
{
    size_t start = acpi_table_begin(b, "APIC", 1);

    acpi_append_u32(b, APIC_DEFAULT_ADDRESS);
    acpi_append_u32(b, MADT_PCAT_COMPAT);
    for (unsigned i = 0; i < cfg->ncpus; i++) {
        build_madt_cpu(b, i, cfg->apic_ids[i]);
    }
    acpi_append_u8(b, MADT_IOAPIC);
    acpi_append_u8(b, 12);
    acpi_append_u8(b, 0);                   /* IOAPIC id */
    acpi_append_u8(b, 0);
    acpi_append_u32(b, IOAPIC_DEFAULT_ADDRESS);
    acpi_append_u32(b, 0);                  /* GSI base */
    for (size_t i = 0; i < G_N_ELEMENTS(madt_overrides); i++) {
        acpi_append_u8(b, MADT_ISO);
        acpi_append_u8(b, 10);
        acpi_append_u8(b, 0);               /* bus: ISA */
        acpi_append_u8(b, madt_overrides[i].irq);
        acpi_append_u32(b, madt_overrides[i].gsi);
        acpi_append_u16(b, madt_overrides[i].flags);
    }
    /* LINT1 of every local APIC is the NMI line. */
    acpi_append_u8(b, MADT_LAPIC_NMI);
    acpi_append_u8(b, 6);
    acpi_append_u8(b, 0xff);                /* all processors */
    acpi_append_u16(b, 0);
    acpi_append_u8(b, 1);                   /* LINT1 */
    acpi_table_end(b, start);
    return start;
}

static size_t build_rsdt(GByteArray *b, const char *sig, unsigned width,
                         const uint64_t *tables, unsigned n)
{
    size_t start = acpi_table_begin(b, sig, 1);

    for (unsigned i = 0; i < n; i++) {
        if (width == 4) {
            acpi_append_u32(b, tables[i]);
        } else {
            acpi_append_u64(b, tables[i]);
        }
    }
    acpi_table_end(b, start);
    return start;
}

static void build_rsdp(uint8_t *p, uint64_t rsdt, uint64_t xsdt)
{
    GByteArray *b = g_byte_array_new();

    g_byte_array_append(b, (const guint8 *)"RSD PTR ", 8);
    acpi_append_u8(b, 0);                   /* checksum of bytes 0..19 */
    g_byte_array_append(b, (const guint8 *)ACPI_OEM_ID, 6);
    acpi_append_u8(b, 2);                   /* revision: ACPI 2.0+ */
    acpi_append_u32(b, rsdt);
    acpi_append_u32(b, ACPI_RSDP_SIZE);
    acpi_append_u64(b, xsdt);
    acpi_append_u8(b, 0);                   /* extended checksum */
    acpi_append_u8(b, 0);
    acpi_append_u16(b, 0);
    g_assert(b->len == ACPI_RSDP_SIZE);
    b->data[8] = -acpi_checksum(b->data, 20);
    b->data[32] = -acpi_checksum(b->data, ACPI_RSDP_SIZE);
    memcpy(p, b->data, ACPI_RSDP_SIZE);
    g_byte_array_unref(b);
}

void acpi_pc_build_tables(const AcpiPcConfig *cfg, AcpiPcTables *out)
{
    GByteArray *b = g_byte_array_new();
    uint64_t list[2];

    g_assert(cfg->ncpus >= 1);
    memset(out, 0, sizeof(*out));
    out->facs = build_facs(b);
    out->dsdt = build_dsdt(b);
    acpi_align(b, 8);
    out->fadt = build_fadt(b, cfg, cfg->base + out->facs,
                           cfg->base + out->dsdt);
    acpi_align(b, 8);
    out->madt = build_madt(b, cfg);
    acpi_align(b, 8);
    list[0] = cfg->base + out->fadt;
    list[1] = cfg->base + out->madt;
    out->rsdt = build_rsdt(b, "RSDT", 4, list, 2);
    acpi_align(b, 8);
    out->xsdt = build_rsdt(b, "XSDT", 8, list, 2);
    out->blob = b;
    build_rsdp(out->rsdp, cfg->base + out->rsdt, cfg->base + out->xsdt);
}

void acpi_pc_tables_free(AcpiPcTables *t)
{
    if (t->blob) {
        g_byte_array_unref(t->blob);
        t->blob = NULL;
    }
}
