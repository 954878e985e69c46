/*
 * Number and word parsing shared by options, properties and the monitor
 * (declared in include/qemu/option.h). Everything parses a whole string
 * unless the caller asks for the end pointer.
 *
 * qemu_strtou64 deliberately rejects a leading '-' with -ERANGE, where
 * QEMU's version wraps "-1" to UINT64_MAX: a negative count or address
 * typed by a user is a mistake we would rather report.
 */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include <ctype.h>

/* Shared tail of the strto* wrappers: decides -EINVAL for junk. */
static int strto_finish(const char *nptr, const char *ep, const char **end,
                        int err)
{
    if (ep == nptr) {
        if (end) {
            *end = nptr;
        }
        return -EINVAL;
    }
    if (end) {
        *end = ep;
    } else if (*ep != '\0') {
        return -EINVAL;
    }
    return err ? -err : 0;
}

static bool str_starts_negative(const char *s)
{
    while (isspace((unsigned char)*s)) {
        s++;
    }
    return *s == '-';
}

int qemu_strtou64(const char *nptr, const char **end, int base,
                  uint64_t *result)
{
    char *ep;
    unsigned long long val;
    int ret;

    if (!nptr) {
        if (end) {
            *end = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    val = strtoull(nptr, &ep, base);
    ret = strto_finish(nptr, ep, end, errno == ERANGE ? ERANGE : 0);
    if (ret == 0 && str_starts_negative(nptr)) {
        ret = -ERANGE;
    }
    if (ret == 0) {
        *result = val;
    }
    return ret;
}

int qemu_strtoi64(const char *nptr, const char **end, int base,
                  int64_t *result)
{
    char *ep;
    long long val;
    int ret;

    if (!nptr) {
        if (end) {
            *end = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    val = strtoll(nptr, &ep, base);
    ret = strto_finish(nptr, ep, end, errno == ERANGE ? ERANGE : 0);
    if (ret == 0) {
        *result = val;
    }
    return ret;
}

/* Size suffixes: letters are case-insensitive, as in QEMU. */
static const struct {
    char suffix;
    uint64_t mul;
} size_suffixes[] = {
    { 'B', 1 },
    { 'K', 1ULL << 10 },
    { 'M', 1ULL << 20 },
    { 'G', 1ULL << 30 },
    { 'T', 1ULL << 40 },
    { 'P', 1ULL << 50 },
    { 'E', 1ULL << 60 },
};

static uint64_t size_suffix_mul(char c)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(size_suffixes); i++) {
        if (toupper((unsigned char)c) == size_suffixes[i].suffix) {
            return size_suffixes[i].mul;
        }
    }
    return 0;
}

/* Digits after the decimal point, read by hand: strtod would also take an
 * exponent ("1.5e3") and swallow the 'E' (exabyte) suffix. */
static const char *size_parse_fraction(const char *p, double *frac)
{
    double scale = 0.1;

    *frac = 0;
    while (isdigit((unsigned char)*p)) {
        *frac += (*p - '0') * scale;
        scale /= 10;
        p++;
    }
    return p;
}

static int do_strtosz(const char *nptr, const char **end,
                      uint64_t default_mul, uint64_t *result)
{
    const char *p = nptr;
    char *ep;
    unsigned long long val;
    double frac = 0;
    bool hex = false;
    uint64_t mul, total, frac_bytes;

    if (end) {
        *end = nptr;
    }
    if (!p) {
        return -EINVAL;
    }
    while (isspace((unsigned char)*p)) {
        p++;
    }
    if (!isdigit((unsigned char)*p)) {
        return -EINVAL;         /* also rejects a sign */
    }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
        isxdigit((unsigned char)p[2])) {
        hex = true;
    }
    errno = 0;
    val = strtoull(p, &ep, hex ? 16 : 10);
    if (errno == ERANGE) {
        return -ERANGE;
    }
    if (!hex && *ep == '.') {
        if (!isdigit((unsigned char)ep[1])) {
            return -EINVAL;
        }
        ep = (char *)size_parse_fraction(ep + 1, &frac);
    }
    mul = size_suffix_mul(*ep);
    if (mul) {
        ep++;
    } else {
        mul = default_mul;
    }
    /* A fraction of a byte means nothing. */
    if (frac != 0 && mul == 1) {
        return -EINVAL;
    }
    if (!end && *ep != '\0') {
        return -EINVAL;
    }
    if (val > UINT64_MAX / mul) {
        return -ERANGE;
    }
    total = val * mul;
    frac_bytes = (uint64_t)(frac * (double)mul);
    if (total + frac_bytes < total) {
        return -ERANGE;
    }
    if (end) {
        *end = ep;
    }
    *result = total + frac_bytes;
    return 0;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 1, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, MiB, result);
}

static const struct {
    const char *word;
    bool value;
} bool_words[] = {
    { "on", true }, { "yes", true }, { "true", true }, { "y", true },
    { "off", false }, { "no", false }, { "false", false }, { "n", false },
};

bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp)
{
    size_t i;

    for (i = 0; value && i < ARRAY_SIZE(bool_words); i++) {
        if (!strcmp(value, bool_words[i].word)) {
            *obj = bool_words[i].value;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
    return false;
}

bool is_help_option(const char *s)
{
    return s && (!strcmp(s, "help") || !strcmp(s, "?"));
}

bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}
