/*
 * ACPI table bytes and a small AML encoder (see include/hw/acpi/aml-build.h;
 * encodings from ACPI 6.x chapter 20).
 */
#include "qemu/osdep.h"
#include "hw/acpi/aml-build.h"

#define AML_ZERO_OP          0x00
#define AML_ONE_OP           0x01
#define AML_NAME_OP          0x08
#define AML_BYTE_PREFIX      0x0a
#define AML_WORD_PREFIX      0x0b
#define AML_DWORD_PREFIX     0x0c
#define AML_QWORD_PREFIX     0x0e
#define AML_SCOPE_OP         0x10
#define AML_PACKAGE_OP       0x12
#define AML_DUAL_NAME_PREFIX 0x2e
#define AML_MULTI_NAME_PREFIX 0x2f
#define AML_EXT_OP_PREFIX    0x5b
#define AML_DEVICE_OP        0x82      /* after AML_EXT_OP_PREFIX */
#define AML_ROOT_CHAR        '\\'
#define AML_PARENT_CHAR      '^'

uint8_t acpi_checksum(const uint8_t *data, size_t len)
{
    uint8_t sum = 0;

    for (size_t i = 0; i < len; i++) {
        sum += data[i];
    }
    return sum;
}

void acpi_append_u8(GByteArray *out, uint8_t v)
{
    g_byte_array_append(out, &v, 1);
}

void acpi_append_u16(GByteArray *out, uint16_t v)
{
    acpi_append_u8(out, v);
    acpi_append_u8(out, v >> 8);
}

void acpi_append_u32(GByteArray *out, uint32_t v)
{
    acpi_append_u16(out, v);
    acpi_append_u16(out, v >> 16);
}

void acpi_append_u64(GByteArray *out, uint64_t v)
{
    acpi_append_u32(out, v);
    acpi_append_u32(out, v >> 32);
}

void acpi_append_gas(GByteArray *out, uint8_t space, uint8_t bit_width,
                     uint8_t access_size, uint64_t addr)
{
    acpi_append_u8(out, space);
    acpi_append_u8(out, bit_width);
    acpi_append_u8(out, 0);             /* bit offset */
    acpi_append_u8(out, access_size);
    acpi_append_u64(out, addr);
}

void acpi_align(GByteArray *out, size_t align)
{
    while (out->len & (align - 1)) {
        acpi_append_u8(out, 0);
    }
}

size_t acpi_table_begin(GByteArray *out, const char *sig, uint8_t rev)
{
    size_t start = out->len;

    g_assert(strlen(sig) == 4);
    g_byte_array_append(out, (const guint8 *)sig, 4);
    acpi_append_u32(out, 0);            /* length, patched at the end */
    acpi_append_u8(out, rev);
    acpi_append_u8(out, 0);             /* checksum, patched at the end */
    g_byte_array_append(out, (const guint8 *)ACPI_OEM_ID, 6);
    g_byte_array_append(out, (const guint8 *)ACPI_OEM_TABLE_ID, 8);
    acpi_append_u32(out, 1);            /* OEM revision */
    g_byte_array_append(out, (const guint8 *)"BXPC", 4); /* creator id */
    acpi_append_u32(out, 1);            /* creator revision */
    return start;
}

void acpi_table_end(GByteArray *out, size_t start)
{
    uint8_t *t = out->data + start;
    uint32_t len = out->len - start;

    t[4] = len;
    t[5] = len >> 8;
    t[6] = len >> 16;
    t[7] = len >> 24;
    t[9] = 0;
    t[9] = -acpi_checksum(t, len);
}

/* ---- AML ---- */

void aml_append_pkglength(GByteArray *out, size_t len)
{
    /* The length counts its own encoding: one byte holds up to 63 in
     * total, longer forms put 4 bits in the lead byte and 8 per follower. */
    size_t total;
    unsigned extra;

    if (len + 1 <= 0x3f) {
        acpi_append_u8(out, len + 1);
        return;
    }
    for (extra = 1; extra <= 3; extra++) {
        total = len + 1 + extra;
        if (total < (1u << (4 + 8 * extra))) {
            break;
        }
    }
    g_assert(extra <= 3);
    acpi_append_u8(out, (extra << 6) | (total & 0x0f));
    for (unsigned i = 0; i < extra; i++) {
        acpi_append_u8(out, total >> (4 + 8 * i));
    }
}

static void aml_append_nameseg(GByteArray *out, const char *seg, size_t len)
{
    g_assert(len >= 1 && len <= 4);
    for (size_t i = 0; i < 4; i++) {
        acpi_append_u8(out, i < len ? (uint8_t)seg[i] : '_');
    }
}

void aml_append_namestring(GByteArray *out, const char *path)
{
    g_auto(GStrv) segs = NULL;
    unsigned n;

    while (*path == AML_ROOT_CHAR || *path == AML_PARENT_CHAR) {
        acpi_append_u8(out, *path++);
    }
    segs = g_strsplit(path, ".", -1);
    n = g_strv_length(segs);
    if (n == 0 || !*segs[0]) {
        acpi_append_u8(out, 0);         /* NullName */
        return;
    }
    if (n == 2) {
        acpi_append_u8(out, AML_DUAL_NAME_PREFIX);
    } else if (n > 2) {
        acpi_append_u8(out, AML_MULTI_NAME_PREFIX);
        acpi_append_u8(out, n);
    }
    for (unsigned i = 0; i < n; i++) {
        aml_append_nameseg(out, segs[i], strlen(segs[i]));
    }
}

GByteArray *aml_list(void)
{
    return g_byte_array_new();
}

void aml_append(GByteArray *list, GByteArray *term)
{
    g_byte_array_append(list, term->data, term->len);
    g_byte_array_unref(term);
}

GByteArray *aml_int(uint64_t v)
{
    GByteArray *t = g_byte_array_new();

    if (v == 0) {
        acpi_append_u8(t, AML_ZERO_OP);
    } else if (v == 1) {
        acpi_append_u8(t, AML_ONE_OP);
    } else if (v <= UINT8_MAX) {
        acpi_append_u8(t, AML_BYTE_PREFIX);
        acpi_append_u8(t, v);
    } else if (v <= UINT16_MAX) {
        acpi_append_u8(t, AML_WORD_PREFIX);
        acpi_append_u16(t, v);
    } else if (v <= UINT32_MAX) {
        acpi_append_u8(t, AML_DWORD_PREFIX);
        acpi_append_u32(t, v);
    } else {
        acpi_append_u8(t, AML_QWORD_PREFIX);
        acpi_append_u64(t, v);
    }
    return t;
}

GByteArray *aml_eisaid(const char *id)
{
    /* Three letters packed 5 bits each, then four hex digits; stored so
     * the bytes read in order vendor-high, vendor-low, product-high/low. */
    GByteArray *t = g_byte_array_new();
    uint16_t vendor, product;

    g_assert(strlen(id) == 7);
    vendor = ((id[0] - '@') & 0x1f) << 10 | ((id[1] - '@') & 0x1f) << 5 |
             ((id[2] - '@') & 0x1f);
    product = g_ascii_strtoull(id + 3, NULL, 16);
    acpi_append_u8(t, AML_DWORD_PREFIX);
    acpi_append_u8(t, vendor >> 8);
    acpi_append_u8(t, vendor);
    acpi_append_u8(t, product >> 8);
    acpi_append_u8(t, product);
    return t;
}

GByteArray *aml_package(unsigned n, GByteArray *elements)
{
    GByteArray *t = g_byte_array_new();

    g_assert(n <= UINT8_MAX);
    acpi_append_u8(t, AML_PACKAGE_OP);
    aml_append_pkglength(t, 1 + elements->len);
    acpi_append_u8(t, n);
    aml_append(t, elements);
    return t;
}

GByteArray *aml_name_decl(const char *name, GByteArray *value)
{
    GByteArray *t = g_byte_array_new();

    acpi_append_u8(t, AML_NAME_OP);
    aml_append_namestring(t, name);
    aml_append(t, value);
    return t;
}

/* Op PkgLength NameString TermList: the shape of Scope and Device. */
static GByteArray *aml_named_block(const uint8_t *op, size_t oplen,
                                   const char *name, GByteArray *body)
{
    GByteArray *t = g_byte_array_new();
    GByteArray *inner = g_byte_array_new();

    g_byte_array_append(t, op, oplen);
    aml_append_namestring(inner, name);
    aml_append(inner, body);
    aml_append_pkglength(t, inner->len);
    aml_append(t, inner);
    return t;
}

GByteArray *aml_scope(const char *name, GByteArray *body)
{
    static const uint8_t op[] = { AML_SCOPE_OP };

    return aml_named_block(op, sizeof(op), name, body);
}

GByteArray *aml_device(const char *name, GByteArray *body)
{
    static const uint8_t op[] = { AML_EXT_OP_PREFIX, AML_DEVICE_OP };

    return aml_named_block(op, sizeof(op), name, body);
}
