/*
 * HMP argument parsing: the args_type mini-language of include/monitor/hmp.h,
 * integer expressions and xp's "/fmt". Error texts are QEMU 7.2's, since
 * scripts match on them. Pure string work: no chardev, no QOM, so the unit
 * test drives it directly.
 */
#include "monitor-internal.h"

/* Deeper nesting than this in an expression is refused, not recursed. */
#define HMP_EXPR_MAX_DEPTH 200

typedef struct HMPArg {
    char *key;
    char kind;                  /* 's', 'S', 'l', '/', '-' */
    bool present;
    char *str;
    int64_t num;
    HMPFormat fmt;
} HMPArg;

static HMPRegisterLookup *hmp_register_lookup;

void hmp_set_register_lookup(HMPRegisterLookup *fn)
{
    hmp_register_lookup = fn;
}

static const char *hmp_skip_space(const char *p)
{
    while (*p && g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

/*
 * Expressions, lowest precedence first, as QEMU's HMP:
 *   sum   := prod (('+' | '-') prod)*
 *   prod  := logic (('*' | '/' | '%') logic)*
 *   logic := unary (('&' | '|' | '^') unary)*
 *   unary := ('+' | '-' | '~') unary | '(' sum ')' | 'c' | $reg | number
 */
typedef struct HMPExpr {
    const char *p;
    char *err;
    int depth;
} HMPExpr;

static bool hmp_expr_sum(HMPExpr *e, int64_t *val);

static bool hmp_expr_fail(HMPExpr *e, const char *fmt, ...) QEMU_PRINTF(2, 3);
static bool hmp_expr_fail(HMPExpr *e, const char *fmt, ...)
{
    va_list ap;

    if (!e->err) {
        va_start(ap, fmt);
        e->err = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool hmp_expr_number(HMPExpr *e, int64_t *val)
{
    char *end;
    uint64_t n;

    if (*e->p == '\0') {
        return hmp_expr_fail(e, "unexpected end of expression");
    }
    if (!g_ascii_isdigit(*e->p)) {
        return hmp_expr_fail(e, "invalid char '%c' in expression", *e->p);
    }
    errno = 0;
    n = strtoull(e->p, &end, 0);
    if (errno == ERANGE) {
        return hmp_expr_fail(e, "number too large");
    }
    e->p = end;
    *val = (int64_t)n;
    return true;
}

static bool hmp_expr_char(HMPExpr *e, int64_t *val)
{
    uint8_t c;

    e->p++;                                     /* the opening quote */
    if (*e->p == '\\') {
        e->p++;
    }
    c = *e->p;
    if (c == '\0' || e->p[1] != '\'') {
        return hmp_expr_fail(e, "missing terminating ' character");
    }
    e->p += 2;
    *val = c;
    return true;
}

static bool hmp_expr_register(HMPExpr *e, int64_t *val)
{
    const char *start = ++e->p;
    uint64_t v;
    char *name;
    bool ok;

    while (g_ascii_isalnum(*e->p) || *e->p == '_' || *e->p == '.') {
        e->p++;
    }
    name = g_strndup(start, e->p - start);
    ok = hmp_register_lookup && hmp_register_lookup(name, &v);
    g_free(name);
    if (!ok) {
        return hmp_expr_fail(e, "unknown register");
    }
    *val = (int64_t)v;
    return true;
}

static bool hmp_expr_unary(HMPExpr *e, int64_t *val)
{
    char op;
    bool ok;

    e->p = hmp_skip_space(e->p);
    if (++e->depth > HMP_EXPR_MAX_DEPTH) {
        return hmp_expr_fail(e, "expression too deeply nested");
    }
    op = *e->p;
    switch (op) {
    case '+':
    case '-':
    case '~':
        e->p++;
        ok = hmp_expr_unary(e, val);
        if (ok && op == '-') {
            *val = (int64_t)(0 - (uint64_t)*val);
        } else if (ok && op == '~') {
            *val = ~*val;
        }
        break;
    case '(':
        e->p++;
        ok = hmp_expr_sum(e, val);
        e->p = hmp_skip_space(e->p);
        if (ok && *e->p != ')') {
            ok = hmp_expr_fail(e, "')' expected");
        } else if (ok) {
            e->p++;
        }
        break;
    case '\'':
        ok = hmp_expr_char(e, val);
        break;
    case '$':
        ok = hmp_expr_register(e, val);
        break;
    default:
        ok = hmp_expr_number(e, val);
        break;
    }
    e->depth--;
    return ok;
}

static bool hmp_expr_logic(HMPExpr *e, int64_t *val)
{
    int64_t rhs;
    char op;

    if (!hmp_expr_unary(e, val)) {
        return false;
    }
    for (;;) {
        e->p = hmp_skip_space(e->p);
        op = *e->p;
        if (op != '&' && op != '|' && op != '^') {
            return true;
        }
        e->p++;
        if (!hmp_expr_unary(e, &rhs)) {
            return false;
        }
        *val = op == '&' ? (*val & rhs) : op == '|' ? (*val | rhs)
                                                    : (*val ^ rhs);
    }
}

static bool hmp_expr_prod(HMPExpr *e, int64_t *val)
{
    int64_t rhs;
    char op;

    if (!hmp_expr_logic(e, val)) {
        return false;
    }
    for (;;) {
        e->p = hmp_skip_space(e->p);
        op = *e->p;
        if (op != '*' && op != '/' && op != '%') {
            return true;
        }
        e->p++;
        if (!hmp_expr_logic(e, &rhs)) {
            return false;
        }
        if (op == '*') {
            *val = (int64_t)((uint64_t)*val * (uint64_t)rhs);
        } else if (rhs == 0) {
            return hmp_expr_fail(e, "division by zero");
        } else if (rhs == -1) {
            /* INT64_MIN / -1 would trap: negate in unsigned instead. */
            *val = op == '/' ? (int64_t)(0 - (uint64_t)*val) : 0;
        } else {
            *val = op == '/' ? *val / rhs : *val % rhs;
        }
    }
}

static bool hmp_expr_sum(HMPExpr *e, int64_t *val)
{
    int64_t rhs;
    char op;

    if (!hmp_expr_prod(e, val)) {
        return false;
    }
    for (;;) {
        e->p = hmp_skip_space(e->p);
        op = *e->p;
        if (op != '+' && op != '-') {
            return true;
        }
        e->p++;
        if (!hmp_expr_prod(e, &rhs)) {
            return false;
        }
        *val = (int64_t)(op == '+' ? (uint64_t)*val + (uint64_t)rhs
                                   : (uint64_t)*val - (uint64_t)rhs);
    }
}

bool hmp_expr_parse(const char **pp, int64_t *val, char **errmsg)
{
    HMPExpr e = { .p = *pp };

    if (!hmp_expr_sum(&e, val)) {
        *errmsg = e.err;
        return false;
    }
    *pp = e.p;
    return true;
}

/* "/[count][format letters][size letters]" after the '/'. */
static bool hmp_parse_format(const char **pp, HMPFormat *fmt,
                             HMPFormat *def, char **errmsg)
{
    const char *p = *pp;
    char format = 0;
    int size = 0;

    fmt->count = 1;
    if (g_ascii_isdigit(*p)) {
        char *end;
        uint64_t n = g_ascii_strtoull(p, &end, 10);
        fmt->count = MIN(n, (uint64_t)INT64_MAX);
        p = end;
    }
    for (;; p++) {
        if (strchr("xduoci", *p) && *p) {
            format = *p;
        } else if (*p == 'b') {
            size = 1;
        } else if (*p == 'h') {
            size = 2;
        } else if (*p == 'w') {
            size = 4;
        } else if (*p == 'g' || *p == 'L') {
            size = 8;
        } else {
            break;
        }
    }
    if (*p && !g_ascii_isspace(*p)) {
        *errmsg = g_strdup_printf("invalid char in format: '%c'", *p);
        return false;
    }
    fmt->format = format ? format : def->format;
    if (fmt->format != 'i') {
        fmt->size = size ? size : def->size;
        def->size = fmt->size;
    } else {
        fmt->size = size ? size : -1;
    }
    def->format = fmt->format;
    *pp = p;
    return true;
}

/* One word, or a double-quoted string with C escapes. */
static char *hmp_parse_word(const char **pp)
{
    const char *p = *pp;
    GString *s = g_string_new(NULL);

    if (*p != '"') {
        while (*p && !g_ascii_isspace(*p)) {
            g_string_append_c(s, *p++);
        }
        *pp = p;
        return g_string_free(s, FALSE);
    }
    for (p++; *p && *p != '"'; p++) {
        char c = *p;
        if (c == '\\') {
            static const char esc_in[] = "nr\\'\"";
            static const char esc_out[] = "\n\r\\'\"";
            const char *e = p[1] ? strchr(esc_in, p[1]) : NULL;
            if (!e) {
                break;
            }
            c = esc_out[e - esc_in];
            p++;
        }
        g_string_append_c(s, c);
    }
    if (*p != '"') {
        g_string_free(s, TRUE);
        return NULL;
    }
    *pp = p + 1;
    return g_string_free(s, FALSE);
}

static void hmp_arg_free(gpointer data)
{
    HMPArg *a = data;

    g_free(a->key);
    g_free(a->str);
    g_free(a);
}

void hmp_args_free(HMPArgs *args)
{
    if (args) {
        g_ptr_array_free(args->args, TRUE);
        g_free(args);
    }
}

static const HMPArg *hmp_args_find(const HMPArgs *args, const char *key)
{
    guint i;

    for (i = 0; args && i < args->args->len; i++) {
        const HMPArg *a = g_ptr_array_index(args->args, i);
        if (strcmp(a->key, key) == 0) {
            return a;
        }
    }
    return NULL;
}

bool hmp_arg_has(const HMPArgs *args, const char *key)
{
    const HMPArg *a = hmp_args_find(args, key);
    return a && a->present;
}

const char *hmp_arg_str(const HMPArgs *args, const char *key)
{
    const HMPArg *a = hmp_args_find(args, key);
    return a && a->present ? a->str : NULL;
}

int64_t hmp_arg_int(const HMPArgs *args, const char *key, int64_t def)
{
    const HMPArg *a = hmp_args_find(args, key);
    return a && a->present ? a->num : def;
}

bool hmp_arg_flag(const HMPArgs *args, const char *key)
{
    return hmp_arg_has(args, key);
}

HMPFormat hmp_arg_format(const HMPArgs *args, const char *key)
{
    const HMPArg *a = hmp_args_find(args, key);
    HMPFormat none = { .count = 1, .format = 'x', .size = 4 };

    return a ? a->fmt : none;
}

/* Split "key:kind[?]" entries of spec into a fresh argument list. */
static HMPArgs *hmp_args_from_spec(const char *spec, GPtrArray *optional)
{
    HMPArgs *args = g_new0(HMPArgs, 1);
    char **items = g_strsplit(spec ? spec : "", ",", -1);
    int i;

    args->args = g_ptr_array_new_with_free_func(hmp_arg_free);
    for (i = 0; items[i]; i++) {
        char *colon = strchr(items[i], ':');
        HMPArg *a;
        size_t n;

        if (!colon || !colon[1]) {
            continue;               /* malformed spec: programming error */
        }
        a = g_new0(HMPArg, 1);
        a->key = g_strndup(items[i], colon - items[i]);
        a->kind = colon[1];
        a->str = colon[1] == '-' ? g_strndup(colon + 2, 1) : NULL;
        n = strlen(colon + 1);
        g_ptr_array_add(optional, GINT_TO_POINTER(colon[n] == '?'));
        g_ptr_array_add(args->args, a);
    }
    g_strfreev(items);
    return args;
}

/* A run of "-X" flag specs starting at index i: consume -X tokens. */
static bool hmp_parse_flags(HMPArgs *args, guint *i, const char **pp,
                            const char *name, char **errmsg)
{
    guint first = *i, last = *i;
    const char *p = *pp;

    while (last < args->args->len &&
           ((HMPArg *)g_ptr_array_index(args->args, last))->kind == '-') {
        last++;
    }
    for (;;) {
        guint j;
        bool found = false;

        p = hmp_skip_space(p);
        if (*p != '-') {
            break;
        }
        for (j = first; j < last; j++) {
            HMPArg *a = g_ptr_array_index(args->args, j);
            if (p[1] && a->str[0] == p[1]) {
                a->present = true;
                found = true;
            }
        }
        if (!found) {
            *errmsg = g_strdup_printf("%s: unsupported option -%c", name,
                                      p[1] ? p[1] : ' ');
            return false;
        }
        p += 2;
    }
    *pp = p;
    *i = last;
    return true;
}

static bool hmp_parse_one(HMPArg *a, bool optional, const char **pp,
                          const char *name, HMPFormat *fmt_default,
                          char **errmsg)
{
    const char *p = hmp_skip_space(*pp);
    size_t n;

    switch (a->kind) {
    case 's':
        if (*p == '\0' && optional) {
            break;
        }
        a->str = *p ? hmp_parse_word(&p) : NULL;
        if (!a->str) {
            *errmsg = g_strdup_printf("%s: string expected", name);
            return false;
        }
        a->present = true;
        break;
    case 'S':
        if (*p == '\0' && optional) {
            break;
        }
        if (*p == '\0') {
            *errmsg = g_strdup_printf("%s: string expected", name);
            return false;
        }
        n = strlen(p);
        while (n > 0 && g_ascii_isspace(p[n - 1])) {
            n--;
        }
        a->str = g_strndup(p, n);
        a->present = true;
        p += strlen(p);
        break;
    case 'l':
        if (*p == '\0' && optional) {
            break;
        }
        if (!hmp_expr_parse(&p, &a->num, errmsg)) {
            return false;
        }
        a->present = true;
        break;
    case '/':
        if (*p == '/') {
            p++;
            if (!hmp_parse_format(&p, &a->fmt, fmt_default, errmsg)) {
                return false;
            }
            a->present = true;
        } else {
            a->fmt.count = 1;
            a->fmt.format = fmt_default->format;
            a->fmt.size = a->fmt.format == 'i' ? -1 : fmt_default->size;
        }
        break;
    default:
        break;
    }
    *pp = p;
    return true;
}

HMPArgs *hmp_args_parse(const char *spec, const char *name, const char *p,
                        HMPFormat *fmt_default, char **errmsg)
{
    GPtrArray *optional = g_ptr_array_new();
    HMPArgs *args = hmp_args_from_spec(spec, optional);
    guint i = 0;
    bool ok = true;

    *errmsg = NULL;
    while (ok && i < args->args->len) {
        HMPArg *a = g_ptr_array_index(args->args, i);
        if (a->kind == '-') {
            ok = hmp_parse_flags(args, &i, &p, name, errmsg);
            continue;
        }
        ok = hmp_parse_one(a, GPOINTER_TO_INT(g_ptr_array_index(optional, i)),
                           &p, name, fmt_default, errmsg);
        i++;
    }
    g_ptr_array_free(optional, TRUE);
    if (ok && *hmp_skip_space(p)) {
        *errmsg = g_strdup_printf("%s: extraneous characters at the end of "
                                  "line", name);
        ok = false;
    }
    if (!ok) {
        hmp_args_free(args);
        return NULL;
    }
    return args;
}
