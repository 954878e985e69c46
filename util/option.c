/*
 * QEMU's "driver,key=val,flag,noflag,a=x,,y" option syntax
 * (include/qemu/option.h). Parsing keeps every value as a string in the
 * order given; typed getters interpret them and mark them used so that
 * qemu_opts_check_unused can name a key nobody asked for.
 */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include "qemu/error-report.h"

static void qemu_opt_free(gpointer p)
{
    QemuOpt *opt = p;

    g_free(opt->name);
    g_free(opt->str);
    g_free(opt);
}

static QemuOpts *qemu_opts_new(void)
{
    QemuOpts *opts = g_new0(QemuOpts, 1);

    opts->opts = g_ptr_array_new_with_free_func(qemu_opt_free);
    return opts;
}

void qemu_opts_free(QemuOpts *opts)
{
    if (!opts) {
        return;
    }
    g_ptr_array_free(opts->opts, TRUE);
    g_free(opts);
}

/*
 * Copy one element from *pp into a new string, turning ",," into ','.
 * Leaves *pp after the separating comma (or at the terminating NUL).
 */
static char *opts_next_element(const char **pp)
{
    const char *p = *pp;
    GString *s = g_string_new(NULL);

    while (*p) {
        if (*p == ',') {
            if (p[1] != ',') {
                p++;
                break;
            }
            p++;        /* doubled comma: keep one */
        }
        g_string_append_c(s, *p);
        p++;
    }
    *pp = p;
    return g_string_free(s, FALSE);
}

/* A bare element after the first: QEMU's short-form boolean. */
static void opts_add_flag(QemuOpts *opts, const char *elem)
{
    const char *name = elem;
    const char *value = "on";

    if (g_str_has_prefix(elem, "no") && elem[2]) {
        name = elem + 2;
        value = "off";
    }
    warn_report("short-form boolean option '%s' deprecated", elem);
    error_printf("Please use %s=%s instead\n", name, value);
    qemu_opt_set(opts, name, value);
}

static bool opts_add_element(QemuOpts *opts, char *elem, bool first,
                             const char *implied_key, Error **errp)
{
    char *eq = strchr(elem, '=');

    if (is_help_option(elem)) {
        opts->help = true;
        return true;
    }
    if (!eq) {
        if (first && implied_key) {
            qemu_opt_set(opts, implied_key, elem);
        } else {
            opts_add_flag(opts, elem);
        }
        return true;
    }
    *eq = '\0';
    if (!*elem) {
        error_setg(errp, "Invalid parameter ''");
        return false;
    }
    if (implied_key && !strcmp(elem, implied_key) && is_help_option(eq + 1)) {
        opts->help = true;
        return true;
    }
    qemu_opt_set(opts, elem, eq + 1);
    return true;
}

QemuOpts *qemu_opts_parse(const char *params, const char *implied_key,
                          Error **errp)
{
    QemuOpts *opts = qemu_opts_new();
    const char *p = params ? params : "";
    bool first = true;

    while (*p) {
        char *elem = opts_next_element(&p);
        bool ok = true;

        /* Empty elements ("a=1," or "a=1,,,") carry nothing. */
        if (*elem) {
            ok = opts_add_element(opts, elem, first, implied_key, errp);
        }
        g_free(elem);
        if (!ok) {
            qemu_opts_free(opts);
            return NULL;
        }
        first = false;
    }
    return opts;
}

static void opts_append_escaped(GString *s, const char *text)
{
    for (; *text; text++) {
        if (*text == ',') {
            g_string_append_c(s, ',');
        }
        g_string_append_c(s, *text);
    }
}

char *qemu_opts_to_string(QemuOpts *opts)
{
    GString *s = g_string_new(NULL);
    guint i;

    for (i = 0; i < opts->opts->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i);

        if (i) {
            g_string_append_c(s, ',');
        }
        opts_append_escaped(s, opt->name);
        g_string_append_c(s, '=');
        opts_append_escaped(s, opt->str);
    }
    return g_string_free(s, FALSE);
}

void qemu_opt_set(QemuOpts *opts, const char *name, const char *value)
{
    QemuOpt *opt = g_new0(QemuOpt, 1);

    opt->name = g_strdup(name);
    opt->str = g_strdup(value);
    g_ptr_array_add(opts->opts, opt);
}

/* The last occurrence wins, as in QEMU. */
static QemuOpt *qemu_opt_find(QemuOpts *opts, const char *name)
{
    guint i;

    for (i = opts->opts->len; i > 0; i--) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i - 1);

        if (!strcmp(opt->name, name)) {
            return opt;
        }
    }
    return NULL;
}

/* Reading a key marks every occurrence used: the earlier ones were
 * overridden, not forgotten. */
static void qemu_opt_mark_used(QemuOpts *opts, const char *name)
{
    guint i;

    for (i = 0; i < opts->opts->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i);

        if (!strcmp(opt->name, name)) {
            opt->used = true;
        }
    }
}

bool qemu_opt_has(QemuOpts *opts, const char *name)
{
    return qemu_opt_find(opts, name) != NULL;
}

const char *qemu_opt_get(QemuOpts *opts, const char *name)
{
    QemuOpt *opt = qemu_opt_find(opts, name);

    if (!opt) {
        return NULL;
    }
    qemu_opt_mark_used(opts, name);
    return opt->str;
}

bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval,
                       Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    bool val;

    if (!str || !qapi_bool_parse(name, str, &val, errp)) {
        return defval;
    }
    return val;
}

uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval, Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t val;
    int ret;

    if (!str) {
        return defval;
    }
    ret = qemu_strtou64(str, NULL, 0, &val);
    if (ret == -ERANGE) {
        error_setg(errp, "Value '%s' is out of range for parameter '%s'",
                   str, name);
        return defval;
    }
    if (ret < 0) {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return defval;
    }
    return val;
}

uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name,
                           uint64_t defval, Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t val;
    int ret;

    if (!str) {
        return defval;
    }
    ret = qemu_strtosz(str, NULL, &val);
    if (ret == -ERANGE) {
        error_setg(errp, "Value '%s' is out of range for parameter '%s'",
                   str, name);
        return defval;
    }
    if (ret < 0) {
        /* Built locally: with errp == &error_fatal, error_setg would exit
         * before the hint could be added. */
        Error *local = NULL;

        error_setg(&local, "Parameter '%s' expects a non-negative number "
                   "below 2^64", name);
        error_append_hint(&local, "Optional suffix k, M, G, T, P or E means "
                          "kilo-, mega-, giga-, tera-, peta-\n"
                          "and exabytes, respectively.\n");
        error_propagate(errp, local);
        return defval;
    }
    return val;
}

void qemu_opt_unset(QemuOpts *opts, const char *name)
{
    guint i = 0;

    while (i < opts->opts->len) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i);

        if (!strcmp(opt->name, name)) {
            g_ptr_array_remove_index(opts->opts, i);
        } else {
            i++;
        }
    }
}

int qemu_opt_foreach(QemuOpts *opts,
                     int (*fn)(void *opaque, const char *name,
                               const char *value, Error **errp),
                     void *opaque, Error **errp)
{
    guint i;

    for (i = 0; i < opts->opts->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i);
        int ret = fn(opaque, opt->name, opt->str, errp);

        if (ret) {
            return ret;
        }
    }
    return 0;
}

bool qemu_opts_check_unused(QemuOpts *opts, Error **errp)
{
    guint i;

    for (i = 0; i < opts->opts->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i);

        if (!opt->used) {
            error_setg(errp, "Invalid parameter '%s'", opt->name);
            return false;
        }
    }
    return true;
}
