/*
 * Chardev core: the backend registry, creation from -chardev options and
 * from the legacy one-string syntax (-serial, -monitor), the list of live
 * chardevs (info chardev, cleanup) and the backend-side delivery of input
 * and events to frontends.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include "char-internal.h"
#include "qemu/error-report.h"

void (*qemu_chr_quit_request)(void);

#define CHR_MAX_CLASSES 16

static const ChardevClass *chr_classes[CHR_MAX_CLASSES];
static int chr_nb_classes;
/* Live chardevs in creation order: info chardev and cleanup walk it. */
static GPtrArray *chr_list;

void register_chardev_class(const ChardevClass *klass)
{
    g_assert(chr_nb_classes < CHR_MAX_CLASSES);
    chr_classes[chr_nb_classes++] = klass;
}

const ChardevClass *chardev_class_by_name(const char *name)
{
    for (int i = 0; i < chr_nb_classes; i++) {
        if (strcmp(chr_classes[i]->name, name) == 0) {
            return chr_classes[i];
        }
    }
    return NULL;
}

void qemu_chr_print_help(FILE *f)
{
    /* QEMU prints a trailing space after the colon; keep it. */
    fprintf(f, "Available chardev backend types: \n");
    for (int i = 0; i < chr_nb_classes; i++) {
        fprintf(f, "  %s\n", chr_classes[i]->name);
    }
}

/* The mux is not a file of its own in the registry: register it here. */
static void chr_register_mux(void)
{
    register_chardev_class(&mux_chardev_class);
}
type_init_chr(chr_register_mux)

Chardev *qemu_chr_find(const char *label)
{
    if (!chr_list) {
        return NULL;
    }
    for (guint i = 0; i < chr_list->len; i++) {
        Chardev *chr = g_ptr_array_index(chr_list, i);
        if (strcmp(chr->label, label) == 0) {
            return chr;
        }
    }
    return NULL;
}

void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque)
{
    if (!chr_list) {
        return;
    }
    for (guint i = 0; i < chr_list->len; i++) {
        fn(g_ptr_array_index(chr_list, i), opaque);
    }
}

void qemu_chr_info(GString *out)
{
    if (!chr_list) {
        return;
    }
    for (guint i = 0; i < chr_list->len; i++) {
        Chardev *chr = g_ptr_array_index(chr_list, i);
        g_string_append_printf(out, "%s: filename=%s\n", chr->label,
                               chr->filename);
    }
}

void chr_set_filename(Chardev *chr, char *filename)
{
    g_free(chr->filename);
    chr->filename = filename;
}

bool chr_check_id(const char *id, Error **errp)
{
    bool ok = id_wellformed(id);

    if (!ok) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                          "'-', '.', '_', starting with a letter.\n");
    }
    return ok;
}

Chardev *chr_create(const ChardevClass *klass, const char *label,
                    QemuOpts *opts, Error **errp)
{
    Chardev *chr = g_new0(Chardev, 1);
    bool be_opened = true;

    chr->label = g_strdup(label);
    chr->filename = g_strdup(klass->name);
    chr->klass = klass;
    chr->opaque = klass->state_size ? g_malloc0(klass->state_size) : NULL;
    chr->is_mux = klass == &mux_chardev_class;
    g_mutex_init(&chr->write_lock);
    if (!klass->open(chr, opts, &be_opened, errp)) {
        g_mutex_clear(&chr->write_lock);
        g_free(chr->opaque);
        g_free(chr->filename);
        g_free(chr->label);
        g_free(chr);
        return NULL;
    }
    chr->be_open = be_opened;
    if (!chr_list) {
        chr_list = g_ptr_array_new();
    }
    g_ptr_array_add(chr_list, chr);
    return chr;
}

void chr_delete(Chardev *chr)
{
    if (chr_list) {
        g_ptr_array_remove(chr_list, chr);
    }
    if (chr->be) {
        chr->be->chr = NULL;
        chr->be = NULL;
    }
    if (chr->klass->close) {
        chr->klass->close(chr);
    }
    g_mutex_clear(&chr->write_lock);
    g_free(chr->opaque);
    g_free(chr->filename);
    g_free(chr->label);
    g_free(chr);
}

void qemu_chr_cleanup(void)
{
    /* Newest first: a mux goes before the base it wraps. */
    while (chr_list && chr_list->len) {
        chr_delete(g_ptr_array_index(chr_list, chr_list->len - 1));
    }
    stdio_chr_restore_term();
}

/* Keys every backend takes; logfile is QEMU's but not ours yet. */
static const char *const chr_common_keys[] = { "backend", "id", "mux", NULL };
static const char *const chr_unsupported_keys[] = {
    "logfile", "logappend", NULL
};

static bool chr_key_in(const char *const *list, const char *key)
{
    for (; list && *list; list++) {
        if (strcmp(*list, key) == 0) {
            return true;
        }
    }
    return false;
}

static bool chr_check_keys(const ChardevClass *klass, QemuOpts *opts,
                           Error **errp)
{
    for (guint i = 0; i < opts->opts->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->opts, i);

        if (chr_key_in(chr_common_keys, opt->name) ||
            chr_key_in(klass->opt_names, opt->name)) {
            continue;
        }
        if (chr_key_in(chr_unsupported_keys, opt->name)) {
            error_setg(errp, "chardev option '%s' is not supported by "
                       "Kestrel yet", opt->name);
        } else {
            error_setg(errp, "Invalid parameter '%s'", opt->name);
        }
        return false;
    }
    return true;
}

Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp)
{
    const char *backend = qemu_opt_get(opts, "backend");
    const char *id = qemu_opt_get(opts, "id");
    const ChardevClass *klass;
    Error *local_err = NULL;
    Chardev *base, *mux;
    bool want_mux;
    char *base_label;

    if (opts->help) {
        qemu_chr_print_help(stdout);
        return NULL;
    }
    if (!backend) {
        error_setg(errp, "chardev: \"%s\" missing backend", id ? id : "");
        return NULL;
    }
    klass = chardev_class_by_name(backend);
    if (!klass) {
        error_setg(errp, "'%s' is not a valid char driver name", backend);
        return NULL;
    }
    if (!chr_check_keys(klass, opts, errp)) {
        return NULL;
    }
    if (!id) {
        error_setg(errp, "chardev: no id specified");
        return NULL;
    }
    if (!chr_check_id(id, errp)) {
        return NULL;
    }
    want_mux = qemu_opt_get_bool(opts, "mux", false, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return NULL;
    }
    if (qemu_chr_find(id)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", id);
        return NULL;
    }
    if (!want_mux) {
        return chr_create(klass, id, opts, errp);
    }
    base_label = g_strdup_printf("%s-base", id);
    if (qemu_chr_find(base_label)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", base_label);
        g_free(base_label);
        return NULL;
    }
    base = chr_create(klass, base_label, opts, errp);
    g_free(base_label);
    if (!base) {
        return NULL;
    }
    mux = mux_chr_new(id, base, errp);
    if (!mux) {
        chr_delete(base);
    }
    return mux;
}

/*
 * Legacy syntax. Each prefix names the backend whose parse_legacy gets the
 * whole string; a bare name ("stdio") takes no arguments.
 */
typedef struct ChrLegacy {
    const char *prefix;       /* "unix:" or a bare name */
    const char *backend;      /* NULL: refused, see 'why' */
    const char *why;
} ChrLegacy;

static const ChrLegacy chr_legacy_table[] = {
    { "null", "null", NULL },
    { "stdio", "stdio", NULL },
    { "pty", "pty", NULL },
    { "file:", "file", NULL },
    { "pipe:", "pipe", NULL },
    { "unix:", "socket", NULL },
    { "tcp:", "socket", NULL },
    { "telnet:", NULL, "telnet" },
    { "tn3270:", NULL, "tn3270" },
    { "websocket:", NULL, "websocket" },
    { "vc", NULL, "vc (no graphical console)" },
    { "udp:", NULL, "udp" },
    { "msmouse", NULL, "msmouse" },
    { "braille", NULL, "braille" },
    { "/dev/", NULL, "host serial/parallel devices" },
};

static const ChrLegacy *chr_legacy_lookup(const char *str)
{
    for (size_t i = 0; i < ARRAY_SIZE(chr_legacy_table); i++) {
        const ChrLegacy *l = &chr_legacy_table[i];
        size_t n = strlen(l->prefix);

        if (strncmp(str, l->prefix, n) != 0) {
            continue;
        }
        /* A bare name must be the whole string ("vc" also as "vc:...") */
        if (l->prefix[n - 1] == ':' || l->prefix[n - 1] == '/' ||
            str[n] == '\0' || str[n] == ':') {
            return l;
        }
    }
    return NULL;
}

/*
 * The ",server,nowait" tail of a legacy string. Parsed here rather than by
 * qemu_opts_parse: QEMU takes these bare flags silently in legacy strings
 * while it warns about short-form booleans in -chardev.
 */
bool chr_legacy_parse_suffix(QemuOpts *opts, const char *suffix,
                             const char *const *allowed, Error **errp)
{
    char **elems;
    bool ok = true;

    if (!suffix || !*suffix) {
        return true;
    }
    elems = g_strsplit(suffix, ",", -1);
    for (char **e = elems; ok && *e; e++) {
        char *eq = strchr(*e, '=');
        const char *name = *e, *value = "on";

        if (!**e) {
            continue;
        }
        if (eq) {
            *eq = '\0';
            value = eq + 1;
        } else if (!chr_key_in(allowed, name) && g_str_has_prefix(name, "no")) {
            name += 2;
            value = "off";
        }
        if (!chr_key_in(allowed, name)) {
            error_setg(errp, "Invalid parameter '%s'", name);
            ok = false;
            break;
        }
        qemu_opt_set(opts, name, value);
    }
    g_strfreev(elems);
    return ok;
}

static Chardev *chr_new_legacy(const char *label, const char *filename,
                               bool force_mux, Error **errp)
{
    const ChrLegacy *l;
    const ChardevClass *klass;
    QemuOpts *opts;
    Chardev *chr;
    bool mux = force_mux;
    const char *p;

    if (g_str_has_prefix(filename, "mon:")) {
        filename += 4;
        mux = true;
    }
    if (strcmp(filename, "none") == 0) {
        return NULL;
    }
    if (g_str_has_prefix(filename, "chardev:")) {
        chr = qemu_chr_find(filename + 8);
        if (!chr) {
            error_setg(errp, "chardev '%s' not found", filename + 8);
        }
        return chr;
    }
    l = chr_legacy_lookup(filename);
    if (!l) {
        p = strchr(filename, ':');
        error_setg(errp, "'%.*s' is not a valid char driver",
                   p ? (int)(p - filename) : (int)strlen(filename), filename);
        return NULL;
    }
    if (!l->backend) {
        error_setg(errp, "character device '%s' is not supported by "
                   "Kestrel yet", l->why);
        return NULL;
    }
    klass = chardev_class_by_name(l->backend);
    g_assert(klass);
    opts = qemu_opts_parse("", NULL, errp);
    if (!opts) {
        return NULL;
    }
    qemu_opt_set(opts, "backend", l->backend);
    qemu_opt_set(opts, "id", label);
    if (mux) {
        qemu_opt_set(opts, "mux", "on");
        /* Muxed with the monitor, Ctrl-C goes to the guest (as QEMU). */
        if (strcmp(l->backend, "stdio") == 0) {
            qemu_opt_set(opts, "signal", "off");
        }
    }
    if (klass->parse_legacy) {
        if (!klass->parse_legacy(opts, filename, errp)) {
            qemu_opts_free(opts);
            return NULL;
        }
    } else if (strcmp(filename, l->prefix) != 0) {
        error_setg(errp, "'%s' takes no arguments", l->prefix);
        qemu_opts_free(opts);
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, errp);
    qemu_opts_free(opts);
    return chr;
}

Chardev *qemu_chr_new(const char *label, const char *filename, Error **errp)
{
    return chr_new_legacy(label, filename, false, errp);
}

Chardev *qemu_chr_new_mux(const char *label, const char *filename,
                          Error **errp)
{
    return chr_new_legacy(label, filename, true, errp);
}

/* Backend side */

int qemu_chr_be_can_write(Chardev *chr)
{
    CharBackend *be = chr->be;

    if (!be || !be->chr_can_read) {
        return 0;
    }
    return be->chr_can_read(be->opaque);
}

void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len)
{
    CharBackend *be = chr->be;

    if (be && be->chr_read && len > 0) {
        be->chr_read(be->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    CharBackend *be = chr->be;

    if (event == CHR_EVENT_OPENED) {
        chr->be_open = true;
    } else if (event == CHR_EVENT_CLOSED) {
        chr->be_open = false;
    }
    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

/* Block until the backend can take more (write_all only). */
static void chr_wait_writable(Chardev *chr)
{
    GSource *src = chr->klass->add_watch ?
                   chr->klass->add_watch(chr, G_IO_OUT | G_IO_HUP) : NULL;
    int fd = chr_fd_source_get_fd(src);

    if (fd >= 0) {
        struct pollfd pfd = { .fd = fd, .events = POLLOUT };
        poll(&pfd, 1, 100);
    } else {
        g_usleep(1000);
    }
    if (src) {
        g_source_unref(src);
    }
}

int qemu_chr_write(Chardev *chr, const uint8_t *buf, int len, bool write_all)
{
    int done = 0;

    if (!chr->klass->write) {
        return len;
    }
    g_mutex_lock(&chr->write_lock);
    while (done < len) {
        int n = chr->klass->write(chr, buf + done, len - done);

        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (!done) {
                done = -1;
            }
            break;
        }
        done += n;
        if (!write_all) {
            break;
        }
        if (n == 0) {
            chr_wait_writable(chr);
        }
    }
    g_mutex_unlock(&chr->write_lock);
    return done;
}
