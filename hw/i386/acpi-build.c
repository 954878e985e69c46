/*
 * ACPI for the pc board: creates the PIIX4 PM function at 00:01.3, wires
 * its SCI to ISA IRQ 9 and the power button to system_powerdown, builds
 * the tables from the board's CPUs and devices (hw/acpi/pc-tables.c) and
 * delivers them in guest RAM and through fw_cfg (placement:
 * include/hw/acpi/pc-acpi.h).
 *
 * The HPET is described here, as QEMU's pc does: an "HPET" table and
 * \_SB.HPET (PNP0103) in the DSDT. hw/acpi/pc-tables.c knows nothing
 * of it, so its blob is rebuilt around the additions: the DSDT gets the
 * device appended, the HPET table joins the RSDT and XSDT, and every
 * pointer (FADT -> FACS/DSDT, RSDT/XSDT, RSDP) is rewritten.
 */
#include "qemu/osdep.h"
#include "hw/i386/acpi-build.h"
#include "hw/acpi/pc-acpi.h"
#include "hw/acpi/pc-tables.h"
#include "hw/acpi/piix4-pm.h"
#include "sysemu/runstate.h"
#include "target/i386/cpu.h"
#include "hw/acpi/aml-build.h"
#include "hw/timer/hpet.h"

/* The FADT reset register: the PIIX3's reset control register, with
 * SYS_RST | RST_CPU (a hard reset, what coreboot's chipsets advertise). */
#define PC_RESET_PORT   0xcf9
#define PC_RESET_VALUE  0x06

/* Table offsets the rebuild patches (ACPI 6.x, 5.2.x). */
#define ACPI_HDR_LENGTH         4
#define ACPI_HDR_CHECKSUM       9
#define FADT_FIRMWARE_CTRL      36
#define FADT_DSDT               40
#define FADT_X_FIRMWARE_CTRL    132
#define FADT_X_DSDT             140
#define RSDP_CHECKSUM           8
#define RSDP_RSDT               16
#define RSDP_XSDT               24
#define RSDP_EXT_CHECKSUM       32
#define RSDP_V1_SIZE            20

/* AML opcodes beyond what aml-build.h offers (ACPI 6.x, 20.2). */
#define AML_EXT_PREFIX          0x5b
#define AML_OPREGION_OP         0x80    /* after AML_EXT_PREFIX */
#define AML_FIELD_OP            0x81    /* after AML_EXT_PREFIX */
#define AML_METHOD_OP           0x14
#define AML_BUFFER_OP           0x11
#define AML_STORE_OP            0x70
#define AML_SHIFT_RIGHT_OP      0x7a
#define AML_LOR_OP              0x91
#define AML_LEQUAL_OP           0x93
#define AML_LGREATER_OP         0x94
#define AML_IF_OP               0xa0
#define AML_RETURN_OP           0xa4
#define AML_LOCAL0_OP           0x60
#define AML_REGION_SYSTEM_MEMORY 0x00
/* Field flags: DWordAcc, Lock, Preserve. */
#define AML_FIELD_DWORD_LOCK    0x13
/* _STA's sanity limit on the period: 100 ns (10 MHz) in fs, as QEMU. */
#define HPET_MAX_PERIOD_FS      100000000u

static uint64_t acpi_tables_base, acpi_tables_size;

/* ---- AML for \_SB.HPET ---- */

static GByteArray *aml_bytes(const uint8_t *b, size_t n)
{
    GByteArray *t = g_byte_array_new();

    g_byte_array_append(t, b, n);
    return t;
}

/* op PkgLength body: Method, If, Buffer, Field. */
static GByteArray *aml_pkg(const uint8_t *op, size_t oplen, GByteArray *body)
{
    GByteArray *t = aml_bytes(op, oplen);

    aml_append_pkglength(t, body->len);
    aml_append(t, body);
    return t;
}

static GByteArray *aml_op2(uint8_t op, GByteArray *a, GByteArray *b)
{
    GByteArray *t = aml_bytes(&op, 1);

    aml_append(t, a);
    aml_append(t, b);
    return t;
}

static GByteArray *aml_local(unsigned n)
{
    uint8_t op = AML_LOCAL0_OP + n;

    return aml_bytes(&op, 1);
}

static GByteArray *aml_name_ref(const char *name)
{
    GByteArray *t = g_byte_array_new();

    aml_append_namestring(t, name);
    return t;
}

static GByteArray *aml_return(GByteArray *v)
{
    uint8_t op = AML_RETURN_OP;
    GByteArray *t = aml_bytes(&op, 1);

    aml_append(t, v);
    return t;
}

/* If (LOr (LEqual (x, a), cmp (x, b))) { Return (Zero) } */
static GByteArray *aml_hpet_reject(unsigned local, uint64_t a, uint8_t cmp,
                                   uint64_t b)
{
    static const uint8_t if_op = AML_IF_OP;
    GByteArray *body = aml_op2(AML_LOR_OP,
                               aml_op2(AML_LEQUAL_OP, aml_local(local),
                                       aml_int(a)),
                               aml_op2(cmp, aml_local(local), aml_int(b)));

    aml_append(body, aml_return(aml_int(0)));
    return aml_pkg(&if_op, 1, body);
}

/* _STA: present only when the vendor id and the period look like an
 * HPET's (what QEMU's DSDT checks). */
static GByteArray *aml_hpet_sta(void)
{
    static const uint8_t method_op = AML_METHOD_OP;
    static const uint8_t shr = AML_SHIFT_RIGHT_OP;
    GByteArray *body = g_byte_array_new();
    GByteArray *t;

    aml_append_namestring(body, "_STA");
    acpi_append_u8(body, 0);                /* no args, not serialized */
    aml_append(body, aml_op2(AML_STORE_OP, aml_name_ref("VEND"),
                             aml_local(0)));
    aml_append(body, aml_op2(AML_STORE_OP, aml_name_ref("PRD"),
                             aml_local(1)));
    t = aml_bytes(&shr, 1);
    aml_append(t, aml_local(0));
    aml_append(t, aml_int(16));
    aml_append(t, aml_local(0));
    aml_append(body, t);
    aml_append(body, aml_hpet_reject(0, 0, AML_LEQUAL_OP, 0xffff));
    aml_append(body, aml_hpet_reject(1, 0, AML_LGREATER_OP,
                                     HPET_MAX_PERIOD_FS));
    aml_append(body, aml_return(aml_int(0x0f)));
    return aml_pkg(&method_op, 1, body);
}

/* HPTM: the first 8 bytes of the block, VEND (GCAP_ID low: vendor in
 * its top half) and PRD (the period). */
static GByteArray *aml_hpet_region(void)
{
    static const uint8_t region_op[] = { AML_EXT_PREFIX, AML_OPREGION_OP };
    static const uint8_t field_op[] = { AML_EXT_PREFIX, AML_FIELD_OP };
    GByteArray *t = aml_bytes(region_op, sizeof(region_op));
    GByteArray *field = g_byte_array_new();

    aml_append_namestring(t, "HPTM");
    acpi_append_u8(t, AML_REGION_SYSTEM_MEMORY);
    aml_append(t, aml_int(HPET_BASE));
    aml_append(t, aml_int(HPET_MMIO_SIZE));
    aml_append_namestring(field, "HPTM");
    acpi_append_u8(field, AML_FIELD_DWORD_LOCK);
    g_byte_array_append(field, (const guint8 *)"VEND", 4);
    acpi_append_u8(field, 32);              /* bits */
    g_byte_array_append(field, (const guint8 *)"PRD_", 4);
    acpi_append_u8(field, 32);
    aml_append(t, aml_pkg(field_op, sizeof(field_op), field));
    return t;
}

/* ResourceTemplate () { Memory32Fixed (ReadOnly, HPET_BASE, 0x400) } */
static GByteArray *aml_hpet_crs(void)
{
    static const uint8_t buffer_op = AML_BUFFER_OP;
    GByteArray *res = g_byte_array_new();
    GByteArray *body = g_byte_array_new();

    acpi_append_u8(res, 0x86);              /* large item: Memory32Fixed */
    acpi_append_u16(res, 9);
    acpi_append_u8(res, 0);                 /* read only */
    acpi_append_u32(res, HPET_BASE);
    acpi_append_u32(res, HPET_MMIO_SIZE);
    acpi_append_u8(res, 0x79);              /* end tag */
    acpi_append_u8(res, 0);                 /* checksum: none */
    aml_append(body, aml_int(res->len));
    aml_append(body, res);
    return aml_pkg(&buffer_op, 1, body);
}

static GByteArray *pc_acpi_hpet_aml(void)
{
    GByteArray *dev = aml_list();
    GByteArray *sb = aml_list();

    aml_append(dev, aml_name_decl("_HID", aml_eisaid("PNP0103")));
    aml_append(dev, aml_name_decl("_UID", aml_int(0)));
    aml_append(dev, aml_hpet_region());
    aml_append(dev, aml_hpet_sta());
    aml_append(dev, aml_name_decl("_CRS", aml_hpet_crs()));
    aml_append(sb, aml_device("HPET", dev));
    return aml_scope("\\_SB", sb);
}

/* ---- The HPET table and the rebuilt blob ---- */

static uint32_t get_le32(const uint8_t *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le(uint8_t *p, uint64_t v, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++) {
        p[i] = v >> (8 * i);
    }
}

static uint32_t blob_u32(const GByteArray *b, size_t off)
{
    return get_le32(b->data + off);
}

static void blob_set_u32(GByteArray *b, size_t off, uint32_t v)
{
    put_le(b->data + off, v, 4);
}

static void blob_set_u64(GByteArray *b, size_t off, uint64_t v)
{
    put_le(b->data + off, v, 8);
}

static void blob_fix_checksum(GByteArray *b, size_t start)
{
    uint32_t len = blob_u32(b, start + ACPI_HDR_LENGTH);

    b->data[start + ACPI_HDR_CHECKSUM] = 0;
    b->data[start + ACPI_HDR_CHECKSUM] = -acpi_checksum(b->data + start, len);
}

/* IA-PC HPET specification 1.0a, 3.2.4: the event timer block. */
static void build_hpet_table(GByteArray *b)
{
    size_t start = acpi_table_begin(b, "HPET", 1);

    /* Event timer block id: GCAP_ID's low half (rev 1, 3 timers, 64-bit,
     * legacy capable, vendor 8086). */
    acpi_append_u32(b, 0x8086a201);
    acpi_append_gas(b, ACPI_GAS_MEMORY, 0, 0, HPET_BASE);
    acpi_append_u8(b, 0);                   /* HPET number */
    acpi_append_u16(b, 0);                  /* minimum clock tick */
    acpi_append_u8(b, 0);                   /* page protection: none */
    acpi_table_end(b, start);
}

/* Copy the table at old offset off into b (8-aligned); its new offset. */
static size_t blob_copy_table(GByteArray *b, const GByteArray *old, size_t off)
{
    size_t start;

    acpi_align(b, 8);
    start = b->len;
    g_byte_array_append(b, old->data + off, blob_u32(old, off + 4));
    return start;
}

static void build_root_table(GByteArray *b, const char *sig, unsigned width,
                             const uint64_t *tables, unsigned n)
{
    size_t start;

    acpi_align(b, 8);
    start = acpi_table_begin(b, sig, 1);
    for (unsigned i = 0; i < n; i++) {
        if (width == 4) {
            acpi_append_u32(b, tables[i]);
        } else {
            acpi_append_u64(b, tables[i]);
        }
    }
    acpi_table_end(b, start);
}

/*
 * t's blob (meant for base) plus the HPET: FACS first (its 64-byte
 * alignment kept), the DSDT with \_SB.HPET, the tables the RSDT lists
 * (the FADT repointed), HPET, RSDT, XSDT; t's offsets and RSDP follow.
 */
static void pc_acpi_add_hpet(AcpiPcTables *t, uint64_t base)
{
    GByteArray *old = t->blob;
    GByteArray *b = g_byte_array_new();
    uint32_t rsdt_len = blob_u32(old, t->rsdt + 4);
    unsigned n = (rsdt_len - ACPI_TABLE_HEADER_SIZE) / 4;
    g_autofree uint64_t *list = g_new(uint64_t, n + 1);
    size_t facs, dsdt;

    g_assert(t->facs == 0);
    facs = blob_copy_table(b, old, t->facs);
    acpi_align(b, 8);
    dsdt = b->len;
    g_byte_array_append(b, old->data + t->dsdt, ACPI_TABLE_HEADER_SIZE);
    g_byte_array_append(b, old->data + t->dsdt + ACPI_TABLE_HEADER_SIZE,
                        blob_u32(old, t->dsdt + 4) - ACPI_TABLE_HEADER_SIZE);
    aml_append(b, pc_acpi_hpet_aml());
    acpi_table_end(b, dsdt);
    t->facs = facs;
    t->dsdt = dsdt;
    for (unsigned i = 0; i < n; i++) {
        size_t off = blob_u32(old, t->rsdt + ACPI_TABLE_HEADER_SIZE + 4 * i) -
                     base;
        size_t at = blob_copy_table(b, old, off);

        if (!memcmp(b->data + at, "FACP", 4)) {
            blob_set_u32(b, at + FADT_FIRMWARE_CTRL, base + facs);
            blob_set_u32(b, at + FADT_DSDT, base + dsdt);
            if (blob_u32(b, at + 4) >= FADT_X_DSDT + 8) {
                blob_set_u64(b, at + FADT_X_FIRMWARE_CTRL, base + facs);
                blob_set_u64(b, at + FADT_X_DSDT, base + dsdt);
            }
            blob_fix_checksum(b, at);
            t->fadt = at;
        } else if (!memcmp(b->data + at, "APIC", 4)) {
            t->madt = at;
        }
        list[i] = base + at;
    }
    acpi_align(b, 8);
    list[n] = base + b->len;
    build_hpet_table(b);
    acpi_align(b, 8);
    t->rsdt = b->len;
    build_root_table(b, "RSDT", 4, list, n + 1);
    acpi_align(b, 8);
    t->xsdt = b->len;
    build_root_table(b, "XSDT", 8, list, n + 1);
    g_byte_array_unref(old);
    t->blob = b;

    put_le(t->rsdp + RSDP_RSDT, base + t->rsdt, 4);
    put_le(t->rsdp + RSDP_XSDT, base + t->xsdt, 8);
    t->rsdp[RSDP_CHECKSUM] = 0;
    t->rsdp[RSDP_CHECKSUM] = -acpi_checksum(t->rsdp, RSDP_V1_SIZE);
    t->rsdp[RSDP_EXT_CHECKSUM] = 0;
    t->rsdp[RSDP_EXT_CHECKSUM] = -acpi_checksum(t->rsdp, ACPI_RSDP_SIZE);
}

void pc_acpi_reserved_range(uint64_t *base, uint64_t *size)
{
    *base = acpi_tables_base;
    *size = acpi_tables_size;
}

static void pc_acpi_powerdown(void *opaque)
{
    piix4_pm_press_power_button(opaque);
}

static PIIX4PMState *pc_acpi_create_pm(PCIBus *bus, ISABus *isa)
{
    PIIX4PMState *pm = PIIX4_PM(pci_create_simple_multifunction(
                                bus, PIIX4_PM_DEVFN, false, TYPE_PIIX4_PM));

    qdev_connect_gpio_out_named(DEVICE(pm), "sci", 0,
                                isa->irqs[PIIX4_PM_SCI_IRQ]);
    qemu_register_powerdown_notifier(pc_acpi_powerdown, pm);
    return pm;
}

static bool pc_acpi_publish(PCMachineState *pcms, MachineState *ms,
                            const AcpiPcTables *t, uint64_t base,
                            Error **errp)
{
    uint8_t *ram = memory_region_get_ram_ptr(ms->ram);

    /* The low RAM alias maps pc.ram from offset 0, so guest-physical
     * addresses below below_4g are offsets into it. */
    memcpy(ram + base, t->blob->data, t->blob->len);
    memcpy(ram + PC_ACPI_RSDP_ADDR, t->rsdp, ACPI_RSDP_SIZE);
    if (!pcms->fw_cfg) {
        return true;
    }
    return fw_cfg_add_file(pcms->fw_cfg, "etc/acpi/rsdp", t->rsdp,
                           ACPI_RSDP_SIZE, errp) &&
           fw_cfg_add_file(pcms->fw_cfg, "etc/acpi/tables", t->blob->data,
                           t->blob->len, errp);
}

bool pc_acpi_init(PCMachineState *pcms, MachineState *ms, PCIBus *bus,
                  ISABus *isa, Error **errp)
{
    g_autofree uint32_t *apic_ids = g_new(uint32_t, ms->smp.cpus);
    AcpiPcConfig cfg = {
        .ncpus = ms->smp.cpus,
        .apic_ids = apic_ids,
        .pm_base = PIIX4_PM_BASE,
        .gpe0_base = PIIX4_GPE0_BASE,
        .sci_irq = PIIX4_PM_SCI_IRQ,
        .reset_port = PC_RESET_PORT,
        .reset_value = PC_RESET_VALUE,
    };
    AcpiPcTables t;
    bool ok;

    pc_acpi_create_pm(bus, isa);
    if (pcms->below_4g < PC_ACPI_AREA_BASE + PC_ACPI_AREA_SIZE) {
        return true;    /* no RAM there: the guest finds no tables */
    }
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        apic_ids[i] = x86_apic_id_from_index(ms->smp.cores, ms->smp.threads,
                                             i);
    }
    cfg.base = PC_ACPI_TABLES_ADDR;
    acpi_pc_build_tables(&cfg, &t);
    pc_acpi_add_hpet(&t, cfg.base);
    /* 255 CPUs as x2APIC entries still need under 5 KiB. */
    g_assert(t.blob->len <= PC_ACPI_TABLES_MAX);
    ok = pc_acpi_publish(pcms, ms, &t, cfg.base, errp);
    if (ok) {
        acpi_tables_base = PC_ACPI_AREA_BASE;
        acpi_tables_size = PC_ACPI_AREA_SIZE;
    }
    acpi_pc_tables_free(&t);
    return ok;
}
