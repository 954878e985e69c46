/*
 * Unit tests for ACPI: the table and AML encoders (hw/acpi/aml-build.c),
 * the pc tables (hw/acpi/pc-tables.c) and the PIIX4 PM function
 * (hw/acpi/piix4-pm.c) on an i440FX bus, driven through port I/O as a
 * guest drives it. Offsets are written out from the ACPI specification.
 */
#include "qemu/osdep.h"
#include "hw/acpi/aml-build.h"
#include "hw/acpi/pc-tables.h"
#include "hw/acpi/piix4-pm.h"
#include "hw/acpi/pc-acpi.h"
#include "hw/pci-host/i440fx.h"
#include "hw/southbridge/piix.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"
#include "sysemu/runstate.h"

#define BASE 0x07ff0000ULL

static PCIBus *pcibus;
static PIIX4PMState *pm;
static int sci_level;

static void sci_set(void *opaque, int n, int level)
{
    sci_level = level;
}

/* ---- helpers ---- */

static uint32_t le32(const uint8_t *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
    return le32(p) | (uint64_t)le32(p + 4) << 32;
}

static uint16_t le16(const uint8_t *p)
{
    return p[0] | p[1] << 8;
}

static const uint8_t *table_at(const AcpiPcTables *t, uint64_t addr)
{
    g_assert_cmpuint(addr, >=, BASE);
    g_assert_cmpuint(addr - BASE, <, t->blob->len);
    return t->blob->data + (addr - BASE);
}

/* A table's header is sane: signature, length within the blob, sum 0. */
static const uint8_t *check_table(const AcpiPcTables *t, uint64_t addr,
                                  const char *sig)
{
    const uint8_t *p = table_at(t, addr);
    uint32_t len = le32(p + 4);

    g_assert_cmpmem(p, 4, sig, 4);
    g_assert_cmpuint(len, >=, 36);
    g_assert_cmpuint(addr - BASE + len, <=, t->blob->len);
    g_assert_cmpuint(acpi_checksum(p, len), ==, 0);
    g_assert_cmpmem(p + 10, 6, "BOCHS ", 6);
    return p;
}

static void build(unsigned ncpus, AcpiPcTables *t)
{
    uint32_t ids[16];
    AcpiPcConfig cfg = {
        .ncpus = ncpus, .apic_ids = ids, .pm_base = 0x600,
        .gpe0_base = 0xafe0, .sci_irq = 9, .reset_port = 0x64,
        .reset_value = 0xfe, .base = BASE,
    };

    g_assert_cmpuint(ncpus, <=, G_N_ELEMENTS(ids));
    for (unsigned i = 0; i < ncpus; i++) {
        ids[i] = i * 2;         /* non-identity, to see ids travel */
    }
    acpi_pc_build_tables(&cfg, t);
}

/* ---- encoders ---- */

static void test_pkglength(void)
{
    static const struct {
        size_t len;
        uint8_t bytes[4];
        unsigned n;
    } cases[] = {
        { 0, { 0x01 }, 1 },
        { 62, { 0x3f }, 1 },
        { 63, { 0x41, 0x04 }, 2 },          /* 63 + 2 = 65 = 0x041 */
        { 0xffd, { 0x4f, 0xff }, 2 },       /* 0xfff */
        { 0xffe, { 0x81, 0x00, 0x01 }, 3 }, /* 0x1001 */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GByteArray) b = g_byte_array_new();

        aml_append_pkglength(b, cases[i].len);
        g_assert_cmpmem(b->data, b->len, cases[i].bytes, cases[i].n);
    }
}

static void test_aml_int_and_names(void)
{
    static const struct {
        uint64_t v;
        uint8_t bytes[9];
        unsigned n;
    } ints[] = {
        { 0, { 0x00 }, 1 }, { 1, { 0x01 }, 1 }, { 2, { 0x0a, 2 }, 2 },
        { 0x1234, { 0x0b, 0x34, 0x12 }, 3 },
        { 0x12345678, { 0x0c, 0x78, 0x56, 0x34, 0x12 }, 5 },
        { 0x100000000ULL, { 0x0e, 0, 0, 0, 0, 1, 0, 0, 0 }, 9 },
    };
    g_autoptr(GByteArray) n = g_byte_array_new();

    for (size_t i = 0; i < G_N_ELEMENTS(ints); i++) {
        GByteArray *b = aml_int(ints[i].v);

        g_assert_cmpmem(b->data, b->len, ints[i].bytes, ints[i].n);
        g_byte_array_unref(b);
    }
    aml_append_namestring(n, "\\_SB.PCI0.S1");
    g_assert_cmpmem(n->data, n->len,
                    "\\\x2f\x03_SB_PCI0S1__", 15);
    g_byte_array_set_size(n, 0);
    aml_append_namestring(n, "\\_SB.PWRB");
    g_assert_cmpmem(n->data, n->len, "\\\x2e_SB_PWRB", 10);
}

static void test_eisaid(void)
{
    GByteArray *b = aml_eisaid("PNP0C0C");
    static const uint8_t want[] = { 0x0c, 0x41, 0xd0, 0x0c, 0x0c };

    g_assert_cmpmem(b->data, b->len, want, sizeof(want));
    g_byte_array_unref(b);
    b = aml_eisaid("PNP0A03");
    g_assert_cmphex(le32(b->data + 1), ==, 0x030ad041);
    g_byte_array_unref(b);
}

static void test_dsdt_power_button(void)
{
    /* Scope (\_SB) { Device (PWRB) { Name (_HID, EisaId ("PNP0C0C"))
     *                                Name (_UID, One) } }
     * Name (\_S5, Package (4) { Zero, Zero, Zero, Zero }) */
    static const uint8_t want[] = {
        0x10, 0x1d, '\\', '_', 'S', 'B', '_',
        0x5b, 0x82, 0x15, 'P', 'W', 'R', 'B',
        0x08, '_', 'H', 'I', 'D', 0x0c, 0x41, 0xd0, 0x0c, 0x0c,
        0x08, '_', 'U', 'I', 'D', 0x01,
        0x08, '\\', '_', 'S', '5', '_', 0x12, 0x06, 0x04,
        0x00, 0x00, 0x00, 0x00,
    };
    g_autoptr(GByteArray) b = acpi_pc_build_dsdt_aml();

    g_assert_cmpmem(b->data, b->len, want, sizeof(want));
}

/* ---- tables ---- */

static void test_rsdp_and_roots(void)
{
    AcpiPcTables t;
    const uint8_t *rsdt, *xsdt;

    build(1, &t);
    g_assert_cmpmem(t.rsdp, 8, "RSD PTR ", 8);
    g_assert_cmpuint(acpi_checksum(t.rsdp, 20), ==, 0);
    g_assert_cmpuint(acpi_checksum(t.rsdp, 36), ==, 0);
    g_assert_cmpuint(t.rsdp[15], ==, 2);
    g_assert_cmpuint(le32(t.rsdp + 20), ==, 36);
    rsdt = check_table(&t, le32(t.rsdp + 16), "RSDT");
    xsdt = check_table(&t, le64(t.rsdp + 24), "XSDT");
    g_assert_cmpuint(le32(rsdt + 4), ==, 36 + 2 * 4);
    g_assert_cmpuint(le32(xsdt + 4), ==, 36 + 2 * 8);
    for (int i = 0; i < 2; i++) {
        g_assert_cmphex(le32(rsdt + 36 + 4 * i), ==,
                        le64(xsdt + 36 + 8 * i));
    }
    check_table(&t, le64(xsdt + 36), "FACP");
    check_table(&t, le64(xsdt + 44), "APIC");
    /* The FACS has no checksum but must be 64-byte aligned. */
    g_assert_cmpuint((BASE + t.facs) % 64, ==, 0);
    g_assert_cmpmem(t.blob->data + t.facs, 4, "FACS", 4);
    g_assert_cmpuint(le32(t.blob->data + t.facs + 4), ==, 64);
    acpi_pc_tables_free(&t);
}

static void test_fadt(void)
{
    AcpiPcTables t;
    const uint8_t *f;

    build(1, &t);
    f = check_table(&t, BASE + t.fadt, "FACP");
    g_assert_cmpuint(le32(f + 4), ==, 244);
    g_assert_cmpuint(f[8], ==, 3);
    g_assert_cmphex(le32(f + 36), ==, BASE + t.facs);
    g_assert_cmphex(le32(f + 40), ==, BASE + t.dsdt);
    check_table(&t, le32(f + 40), "DSDT");
    g_assert_cmpuint(le16(f + 46), ==, 9);          /* SCI_INT */
    g_assert_cmphex(le32(f + 48), ==, 0);           /* SMI_CMD */
    g_assert_cmphex(le32(f + 56), ==, 0x600);       /* PM1a_EVT_BLK */
    g_assert_cmphex(le32(f + 64), ==, 0x604);       /* PM1a_CNT_BLK */
    g_assert_cmphex(le32(f + 76), ==, 0x608);       /* PM_TMR_BLK */
    g_assert_cmphex(le32(f + 80), ==, 0xafe0);      /* GPE0_BLK */
    g_assert_cmpuint(f[88], ==, 4);
    g_assert_cmpuint(f[89], ==, 2);
    g_assert_cmpuint(f[91], ==, 4);
    g_assert_cmpuint(f[92], ==, 4);
    /* Flags: no TMR_VAL_EXT (24-bit timer), reset register supported. */
    g_assert_cmphex(le32(f + 112) & (1u << 8), ==, 0);
    g_assert_cmphex(le32(f + 112) & (1u << 10), !=, 0);
    g_assert_cmpuint(f[116], ==, 1);                /* RESET_REG: I/O */
    g_assert_cmphex(le64(f + 120), ==, 0x64);
    g_assert_cmphex(f[128], ==, 0xfe);
    g_assert_cmphex(le64(f + 132), ==, BASE + t.facs);
    g_assert_cmphex(le64(f + 140), ==, BASE + t.dsdt);
    /* X_PM1a_CNT_BLK: I/O, 16 bits, at 0x604; X_PM_TMR_BLK 32 bits. */
    g_assert_cmpuint(f[172], ==, 1);
    g_assert_cmpuint(f[173], ==, 16);
    g_assert_cmphex(le64(f + 176), ==, 0x604);
    g_assert_cmpuint(f[209], ==, 32);
    g_assert_cmphex(le64(f + 212), ==, 0x608);
    acpi_pc_tables_free(&t);
}

/* Walk the MADT; check the structures and count the enabled CPUs. */
static void check_madt(unsigned ncpus)
{
    AcpiPcTables t;
    const uint8_t *m, *e, *end;
    unsigned cpus = 0, ioapics = 0, isos = 0, nmis = 0;

    build(ncpus, &t);
    m = check_table(&t, BASE + t.madt, "APIC");
    g_assert_cmphex(le32(m + 36), ==, 0xfee00000);
    g_assert_cmphex(le32(m + 40), ==, 1);           /* PCAT_COMPAT */
    end = m + le32(m + 4);
    for (e = m + 44; e < end; e += e[1]) {
        g_assert_cmpuint(e[1], >=, 2);
        g_assert_true(e + e[1] <= end);
        switch (e[0]) {
        case 0:
            g_assert_cmpuint(e[1], ==, 8);
            g_assert_cmpuint(e[2], ==, cpus);       /* ACPI id */
            g_assert_cmpuint(e[3], ==, cpus * 2);   /* APIC id */
            g_assert_cmphex(le32(e + 4), ==, 1);
            cpus++;
            break;
        case 1:
            g_assert_cmpuint(e[1], ==, 12);
            g_assert_cmpuint(e[2], ==, 0);
            g_assert_cmphex(le32(e + 4), ==, 0xfec00000);
            g_assert_cmpuint(le32(e + 8), ==, 0);
            ioapics++;
            break;
        case 2:
            g_assert_cmpuint(e[1], ==, 10);
            if (e[3] == 0) {
                g_assert_cmpuint(le32(e + 4), ==, 2);
                g_assert_cmphex(le16(e + 8), ==, 0);
            } else {
                g_assert_cmpuint(le32(e + 4), ==, e[3]);
                g_assert_cmphex(le16(e + 8), ==, 0x000d);
            }
            if (e[3] == 9 || e[3] == 0) {
                isos++;
            }
            break;
        case 4:
            g_assert_cmpuint(e[1], ==, 6);
            g_assert_cmpuint(e[5], ==, 1);
            nmis++;
            break;
        default:
            g_assert_not_reached();
        }
    }
    g_assert_true(e == end);
    g_assert_cmpuint(cpus, ==, ncpus);
    g_assert_cmpuint(ioapics, ==, 1);
    g_assert_cmpuint(isos, ==, 2);
    g_assert_cmpuint(nmis, ==, 1);
    acpi_pc_tables_free(&t);
}

static void test_madt_smp1(void)
{
    check_madt(1);
}

static void test_madt_smp4(void)
{
    check_madt(4);
}

static void test_madt_smp8(void)
{
    check_madt(8);
}

static void test_madt_x2apic(void)
{
    uint32_t ids[2] = { 0, 300 };
    AcpiPcConfig cfg = { .ncpus = 2, .apic_ids = ids, .pm_base = 0x600,
                         .gpe0_base = 0xafe0, .sci_irq = 9, .base = BASE };
    AcpiPcTables t;
    const uint8_t *m;

    acpi_pc_build_tables(&cfg, &t);
    m = check_table(&t, BASE + t.madt, "APIC");
    /* LAPIC (8 bytes) for id 0, then x2APIC (16 bytes) for id 300. */
    g_assert_cmpuint(m[44], ==, 0);
    g_assert_cmpuint(m[52], ==, 9);
    g_assert_cmpuint(m[53], ==, 16);
    g_assert_cmpuint(le32(m + 56), ==, 300);
    g_assert_cmpuint(le32(m + 64), ==, 1);      /* ACPI uid */
    /* No reset port: no RESET_REG_SUP. */
    m = table_at(&t, BASE + t.fadt);
    g_assert_cmphex(le32(m + 112) & (1u << 10), ==, 0);
    acpi_pc_tables_free(&t);
}

/* The largest machine (255 CPUs, all needing x2APIC entries) still fits
 * the area the board reserves for the tables. */
static void test_tables_fit_area(void)
{
    uint32_t ids[255];
    AcpiPcConfig cfg = { .ncpus = 255, .apic_ids = ids, .pm_base = 0x600,
                         .gpe0_base = 0xafe0, .sci_irq = 9,
                         .base = PC_ACPI_TABLES_ADDR };
    AcpiPcTables t;
    const uint8_t *m;

    for (unsigned i = 0; i < 255; i++) {
        ids[i] = 0x100 + i;
    }
    acpi_pc_build_tables(&cfg, &t);
    g_assert_cmpuint(t.blob->len, <=, PC_ACPI_TABLES_MAX);
    m = t.blob->data + t.madt;
    g_assert_cmpuint(le32(m + 4), ==, 44 + 255 * 16 + 12 + 5 * 10 + 6);
    g_assert_cmpuint(acpi_checksum(m, le32(m + 4)), ==, 0);
    acpi_pc_tables_free(&t);
}

/* ---- the PM device ---- */

static uint32_t in(uint16_t port, unsigned size)
{
    uint32_t v = 0;

    address_space_read(&address_space_io, port, &v, size);
    return GUINT32_FROM_LE(v);
}

static void out(uint16_t port, uint32_t val, unsigned size)
{
    uint32_t v = GUINT32_TO_LE(val);

    address_space_write(&address_space_io, port, &v, size);
}

static uint32_t cfg_read(uint32_t off, unsigned len)
{
    return pci_bus_config_read(pcibus, PIIX4_PM_DEVFN, off, len);
}

static void test_pm_ids(void)
{
    g_assert_cmphex(cfg_read(0x00, 4), ==, 0x71138086);
    g_assert_cmphex(cfg_read(0x08, 4), ==, 0x06800003);
    g_assert_cmphex(cfg_read(0x3c, 2), ==, 0x0109);   /* IRQ 9, INTA */
    g_assert_cmphex(cfg_read(0x40, 4), ==, 0x00000601);
    g_assert_cmphex(cfg_read(0x80, 1), ==, 0x01);
}

static void test_pm_cnt_and_timer(void)
{
    uint32_t t1, t2;

    device_cold_reset(DEVICE(pm));
    g_assert_cmphex(in(0x604, 2), ==, 0x0001);        /* SCI_EN */
    /* SLP_TYP of a type we do not model: kept, no shutdown; SLP_EN
     * reads back 0. */
    out(0x604, 0x0401 | 0x2000, 2);
    g_assert_cmphex(in(0x604, 2), ==, 0x0401);
    g_assert_false(main_loop_should_exit(&(int){0}));
    t1 = in(0x608, 4);
    g_assert_cmphex(t1 & 0xff000000, ==, 0);
    g_usleep(2000);
    t2 = in(0x608, 4);
    g_assert_cmphex(t2 & 0xff000000, ==, 0);
    g_assert_cmphex(t1, !=, t2);
    /* The timer is read-only. */
    out(0x608, 0, 4);
    g_assert_cmphex(in(0x608, 4), !=, 0);
}

static void test_pm_power_button_sci(void)
{
    device_cold_reset(DEVICE(pm));
    g_assert_cmpint(sci_level, ==, 0);
    piix4_pm_press_power_button(pm);
    g_assert_cmphex(in(0x600, 2) & 0x100, ==, 0x100); /* PWRBTN_STS */
    g_assert_cmpint(sci_level, ==, 0);                /* not enabled */
    out(0x602, 0x0100, 2);                            /* PWRBTN_EN */
    g_assert_cmpint(sci_level, ==, 1);
    /* A 32-bit access covers status and enable: status reads back. */
    g_assert_cmphex(in(0x600, 4), ==, 0x01000100);
    out(0x600, 0x0100, 2);                            /* clear status */
    g_assert_cmphex(in(0x600, 2), ==, 0);
    g_assert_cmpint(sci_level, ==, 0);
    /* GPE0: status cannot be set by writing, only cleared. */
    out(0xafe2, 0x0001, 2);
    g_assert_cmphex(in(0xafe0, 4), ==, 0x00010000);
    g_assert_cmpint(sci_level, ==, 0);
}

static void test_pm_pmba_remap(void)
{
    device_cold_reset(DEVICE(pm));
    pci_bus_config_write(pcibus, PIIX4_PM_DEVFN, 0x40, 0xb001, 4);
    g_assert_cmphex(in(0x604, 2), ==, 0xffff);
    g_assert_cmphex(in(0xb004, 2), ==, 0x0001);
    pci_bus_config_write(pcibus, PIIX4_PM_DEVFN, 0x80, 0, 1);
    g_assert_cmphex(in(0xb004, 2), ==, 0xffff);
    device_cold_reset(DEVICE(pm));
    g_assert_cmphex(in(0x604, 2), ==, 0x0001);
}

static void test_pm_s5_shutdown(void)
{
    int status = -1;

    device_cold_reset(DEVICE(pm));
    g_assert_false(main_loop_should_exit(&status));
    out(0x604, 0x2001, 2);                            /* SLP_TYP 0, SLP_EN */
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 0);
}

int main(int argc, char **argv)
{
    I440FXHostState *host;
    PIIX3State *piix3;
    qemu_irq sci;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();

    pcibus = i440fx_init(NULL, NULL, &host, &error_abort);
    piix3 = PIIX3_DEVICE(pci_create_simple_multifunction(pcibus,
                         PCI_DEVFN(1, 0), true, TYPE_PIIX3_DEVICE));
    (void)piix3;
    pm = PIIX4_PM(pci_create_simple_multifunction(pcibus, PIIX4_PM_DEVFN,
                                                  false, TYPE_PIIX4_PM));
    sci = qemu_allocate_irq(sci_set, NULL, 0);
    qdev_connect_gpio_out_named(DEVICE(pm), "sci", 0, sci);

    g_test_add_func("/acpi/aml/pkglength", test_pkglength);
    g_test_add_func("/acpi/aml/int-names", test_aml_int_and_names);
    g_test_add_func("/acpi/aml/eisaid", test_eisaid);
    g_test_add_func("/acpi/aml/dsdt-power-button", test_dsdt_power_button);
    g_test_add_func("/acpi/tables/rsdp-roots", test_rsdp_and_roots);
    g_test_add_func("/acpi/tables/fadt", test_fadt);
    g_test_add_func("/acpi/tables/madt-smp1", test_madt_smp1);
    g_test_add_func("/acpi/tables/madt-smp4", test_madt_smp4);
    g_test_add_func("/acpi/tables/madt-smp8", test_madt_smp8);
    g_test_add_func("/acpi/tables/madt-x2apic", test_madt_x2apic);
    g_test_add_func("/acpi/tables/fit-area", test_tables_fit_area);
    g_test_add_func("/acpi/pm/ids", test_pm_ids);
    g_test_add_func("/acpi/pm/cnt-timer", test_pm_cnt_and_timer);
    g_test_add_func("/acpi/pm/power-button-sci", test_pm_power_button_sci);
    g_test_add_func("/acpi/pm/pmba-remap", test_pm_pmba_remap);
    g_test_add_func("/acpi/pm/s5-shutdown", test_pm_s5_shutdown);
    return g_test_run();
}
