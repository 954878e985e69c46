/*
 * -d items and -D file (include/qemu/log.h). Log output goes to stderr
 * unless -D named a file. A recursive lock keeps multi-line dumps taken
 * with qemu_log_trylock whole while qemu_log is called inside them.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"

int qemu_loglevel;

static GRecMutex log_lock;
static FILE *log_file;          /* NULL: stderr */

typedef struct LogItem {
    const char *name;
    int mask;                   /* 0: QEMU has it, Kestrel does not yet */
    const char *help;
} LogItem;

/* In QEMU's order, so "-d help" reads the same; items with mask 0 are not
 * listed but are refused by name rather than called unknown. */
static const LogItem log_items[] = {
    { "out_asm", 0, NULL },
    { "in_asm", CPU_LOG_TB_IN_ASM,
      "show target assembly code for each compiled TB" },
    { "op", 0, NULL },
    { "op_opt", 0, NULL },
    { "op_ind", 0, NULL },
    { "op_plugin", 0, NULL },
    { "int", CPU_LOG_INT, "show interrupts/exceptions in short format" },
    { "exec", CPU_LOG_EXEC, "show trace before each executed TB (lots of logs)" },
    { "cpu", CPU_LOG_TB_CPU,
      "show CPU registers before entering a TB (lots of logs)" },
    { "fpu", 0, NULL },
    { "mmu", CPU_LOG_MMU, "log MMU-related activities" },
    { "pcall", 0, NULL },
    { "cpu_reset", CPU_LOG_RESET, "show CPU state before CPU resets" },
    { "unimp", LOG_UNIMP, "log unimplemented functionality" },
    { "guest_errors", LOG_GUEST_ERROR,
      "log when the guest OS does something invalid (eg accessing a\n"
      "non-existent register)" },
    { "page", 0, NULL },
    { "nochain", 0, NULL },
    { "plugin", 0, NULL },
    { "strace", 0, NULL },
    { "tid", 0, NULL },
    { "vpu", 0, NULL },
    { "invalid_mem", 0, NULL },
};

/* Kestrel's own short name for cpu_reset, accepted but not listed. */
static const struct {
    const char *alias;
    const char *name;
} log_aliases[] = {
    { "reset", "cpu_reset" },
};

static const LogItem *log_item_find(const char *name)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(log_aliases); i++) {
        if (!strcmp(name, log_aliases[i].alias)) {
            name = log_aliases[i].name;
        }
    }
    for (i = 0; i < ARRAY_SIZE(log_items); i++) {
        if (!strcmp(name, log_items[i].name)) {
            return &log_items[i];
        }
    }
    return NULL;
}

static int log_all_mask(void)
{
    int mask = 0;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(log_items); i++) {
        mask |= log_items[i].mask;
    }
    return mask;
}

static bool log_item_to_mask(const char *name, int *mask, Error **errp)
{
    const LogItem *item;

    if (!strcmp(name, "all")) {
        *mask |= log_all_mask();
        return true;
    }
    item = log_item_find(name);
    if (item && item->mask) {
        *mask |= item->mask;
        return true;
    }
    if (item || g_str_has_prefix(name, "trace:")) {
        error_setg(errp, "log item '%s' is not supported by Kestrel yet",
                   name);
        return false;
    }
    {
        /* Local first, so the hint survives errp == &error_fatal. */
        Error *local = NULL;

        error_setg(&local, "Invalid -d option '%s'", name);
        error_append_hint(&local,
                          "Try \"-d help\" for a list of log items.\n");
        error_propagate(errp, local);
    }
    return false;
}

bool qemu_set_log_items(const char *str, Error **errp)
{
    char **names = g_strsplit(str ? str : "", ",", -1);
    int mask = 0;
    bool ok = true;
    size_t i;

    for (i = 0; ok && names[i]; i++) {
        if (*names[i]) {
            ok = log_item_to_mask(names[i], &mask, errp);
        }
    }
    g_strfreev(names);
    if (ok) {
        qemu_loglevel = mask;
    }
    return ok;
}

void qemu_print_log_usage(FILE *f)
{
    size_t i;

    fprintf(f, "Log items (comma separated):\n");
    for (i = 0; i < ARRAY_SIZE(log_items); i++) {
        if (log_items[i].mask) {
            fprintf(f, "%-15s %s\n", log_items[i].name, log_items[i].help);
        }
    }
}

/* -D accepts one "%d", replaced by the process id, as QEMU does. */
static char *log_expand_filename(const char *filename, Error **errp)
{
    const char *pct = strchr(filename, '%');

    if (!pct) {
        return g_strdup(filename);
    }
    if (pct[1] != 'd' || strchr(pct + 1, '%')) {
        error_setg(errp, "Bad logfile format: %s", filename);
        return NULL;
    }
    return g_strdup_printf("%.*s%d%s", (int)(pct - filename), filename,
                           (int)getpid(), pct + 2);
}

bool qemu_set_log_filename(const char *filename, Error **errp)
{
    FILE *f = NULL;

    if (filename) {
        char *path = log_expand_filename(filename, errp);

        if (!path) {
            return false;
        }
        f = fopen(path, "w");
        if (!f) {
            error_setg_errno(errp, errno, "Error opening logfile %s", path);
            g_free(path);
            return false;
        }
        g_free(path);
        /* Whole lines reach the file even if we crash later. */
        setvbuf(f, NULL, _IOLBF, 0);
    }
    g_rec_mutex_lock(&log_lock);
    if (log_file) {
        fclose(log_file);
    }
    log_file = f;
    g_rec_mutex_unlock(&log_lock);
    return true;
}

FILE *qemu_log_trylock(void)
{
    g_rec_mutex_lock(&log_lock);
    return log_file ? log_file : stderr;
}

void qemu_log_unlock(FILE *f)
{
    g_rec_mutex_unlock(&log_lock);
}

void qemu_log(const char *fmt, ...)
{
    FILE *f = qemu_log_trylock();
    va_list ap;

    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    qemu_log_unlock(f);
}
