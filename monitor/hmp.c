/*
 * HMP command tables and dispatch: find the command named by the first
 * word (or "info" and the second word), parse its arguments against its
 * spec (hmp-parse.c), run it. Also "help" and "info" without arguments,
 * which print the tables. Lines and errors are QEMU 7.2's.
 */
#include "monitor-internal.h"

/* const HMPCommand *, built-ins first, then registered ones. */
static GPtrArray *hmp_cmds;
static GPtrArray *hmp_infos;

static bool hmp_name_matches(const char *names, const char *word)
{
    size_t n = strlen(word);
    const char *p = names;

    for (;;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);

        if (len == n && strncmp(p, word, n) == 0) {
            return true;
        }
        if (!bar) {
            return false;
        }
        p = bar + 1;
    }
}

/* The first name: what a replacing registration must match. */
static bool hmp_same_command(const HMPCommand *a, const HMPCommand *b)
{
    size_t la = strcspn(a->name, "|"), lb = strcspn(b->name, "|");

    return la == lb && strncmp(a->name, b->name, la) == 0;
}

static void hmp_table_add(GPtrArray *table, const HMPCommand *cmd)
{
    guint i;

    for (i = 0; i < table->len; i++) {
        if (hmp_same_command(g_ptr_array_index(table, i), cmd)) {
            table->pdata[i] = (gpointer)cmd;
            return;
        }
    }
    g_ptr_array_add(table, (gpointer)cmd);
}

static void hmp_tables_init(void)
{
    size_t i;

    if (hmp_cmds) {
        return;
    }
    hmp_cmds = g_ptr_array_new();
    hmp_infos = g_ptr_array_new();
    for (i = 0; i < hmp_builtin_cmds_count; i++) {
        g_ptr_array_add(hmp_cmds, (gpointer)&hmp_builtin_cmds[i]);
    }
    for (i = 0; i < hmp_builtin_info_count; i++) {
        g_ptr_array_add(hmp_infos, (gpointer)&hmp_builtin_info[i]);
    }
}

void hmp_register_command(const HMPCommand *cmd)
{
    hmp_tables_init();
    hmp_table_add(hmp_cmds, cmd);
}

void hmp_register_info(const HMPCommand *cmd)
{
    hmp_tables_init();
    hmp_table_add(hmp_infos, cmd);
}

static const HMPCommand *hmp_table_find(GPtrArray *table, const char *word)
{
    guint i;

    for (i = 0; i < table->len; i++) {
        const HMPCommand *c = g_ptr_array_index(table, i);
        if (hmp_name_matches(c->name, word)) {
            return c;
        }
    }
    return NULL;
}

static gint hmp_cmd_compare(gconstpointer a, gconstpointer b)
{
    const HMPCommand *ca = *(const HMPCommand *const *)a;
    const HMPCommand *cb = *(const HMPCommand *const *)b;

    return strcmp(ca->name, cb->name);
}

static void hmp_help_line(Monitor *mon, const char *prefix,
                          const HMPCommand *c)
{
    monitor_printf(mon, "%s%s %s -- %s\n", prefix, c->name,
                   c->params ? c->params : "", c->help ? c->help : "");
}

/* The table sorted by name, as QEMU lists it. */
static void hmp_help_table(Monitor *mon, const char *prefix, GPtrArray *table)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new(table->len);
    guint i;

    for (i = 0; i < table->len; i++) {
        g_ptr_array_add(sorted, g_ptr_array_index(table, i));
    }
    g_ptr_array_sort(sorted, hmp_cmd_compare);
    for (i = 0; i < sorted->len; i++) {
        hmp_help_line(mon, prefix, g_ptr_array_index(sorted, i));
    }
}

void hmp_cmd_help(Monitor *mon, const HMPArgs *args)
{
    const char *what = hmp_arg_str(args, "name");
    g_auto(GStrv) words = NULL;
    const HMPCommand *c;

    hmp_tables_init();
    if (!what) {
        hmp_help_table(mon, "", hmp_cmds);
        return;
    }
    words = g_strsplit_set(what, " \t", 3);
    c = hmp_table_find(hmp_cmds, words[0]);
    if (!c) {
        monitor_printf(mon, "unknown command: '%s'\n", words[0]);
        return;
    }
    if (c->cmd != hmp_cmd_info) {
        hmp_help_line(mon, "", c);
        return;
    }
    if (!words[1] || !words[1][0]) {
        hmp_help_table(mon, "info ", hmp_infos);
        return;
    }
    c = hmp_table_find(hmp_infos, words[1]);
    if (!c) {
        monitor_printf(mon, "unknown command: 'info %s'\n", words[1]);
        return;
    }
    hmp_help_line(mon, "info ", c);
}

/* Only reached for "info" alone; subcommands are dispatched below. */
void hmp_cmd_info(Monitor *mon, const HMPArgs *args)
{
    hmp_tables_init();
    hmp_help_table(mon, "info ", hmp_infos);
}

static void hmp_run(Monitor *mon, const HMPCommand *c, const char *rest,
                    const char *typed)
{
    char *err = NULL;
    HMPArgs *args;

    args = hmp_args_parse(c->args_type, c->name, rest, &mon->fmt_default,
                          &err);
    if (!args) {
        monitor_printf(mon, "%s\n", err);
        monitor_printf(mon, "Try \"help %s\" for more information\n", typed);
        g_free(err);
        return;
    }
    c->cmd(mon, args);
    hmp_args_free(args);
}

/* The next whitespace-delimited word at *pp; advances *pp past it. */
static char *hmp_next_word(const char **pp)
{
    const char *p = *pp, *start;

    while (*p && g_ascii_isspace(*p)) {
        p++;
    }
    start = p;
    while (*p && !g_ascii_isspace(*p)) {
        p++;
    }
    *pp = p;
    return g_strndup(start, p - start);
}

void hmp_handle_command(Monitor *mon, const char *line)
{
    const char *p = line;
    g_autofree char *word = hmp_next_word(&p);
    g_autofree char *sub = NULL;
    g_autofree char *typed = NULL;
    const HMPCommand *c;

    hmp_tables_init();
    if (!word[0]) {
        return;
    }
    c = hmp_table_find(hmp_cmds, word);
    if (!c) {
        monitor_printf(mon, "unknown command: '%s'\n", word);
        return;
    }
    if (c->cmd != hmp_cmd_info) {
        hmp_run(mon, c, p, word);
        return;
    }
    sub = hmp_next_word(&p);
    if (!sub[0]) {
        hmp_run(mon, c, p, word);
        return;
    }
    typed = g_strdup_printf("%s %s", word, sub);
    c = hmp_table_find(hmp_infos, sub);
    if (!c) {
        monitor_printf(mon, "unknown command: '%s'\n", typed);
        return;
    }
    hmp_run(mon, c, p, typed);
}

/* Every name and alias in table starting with prefix. */
static void hmp_complete_names(GPtrArray *table, const char *prefix,
                               GPtrArray *out)
{
    size_t n = strlen(prefix);
    guint i;
    int j;

    for (i = 0; i < table->len; i++) {
        const HMPCommand *c = g_ptr_array_index(table, i);
        g_auto(GStrv) names = g_strsplit(c->name, "|", -1);

        for (j = 0; names[j]; j++) {
            if (strncmp(names[j], prefix, n) == 0) {
                g_ptr_array_add(out, g_strdup(names[j]));
            }
        }
    }
}

void hmp_complete(Monitor *mon, const char *line, GPtrArray *out)
{
    g_auto(GStrv) words = g_strsplit_set(line, " \t", -1);
    const char *argv[2] = { NULL, NULL };
    const char *cur = "";
    const HMPCommand *c;
    int argc = 0, i;

    hmp_tables_init();
    /* Non-empty words; an empty last one means a new word has begun. */
    for (i = 0; words[i]; i++) {
        if (words[i][0] && argc < 2) {
            argv[argc++] = words[i];
        } else if (words[i][0]) {
            return;                 /* third word: nothing to offer */
        }
    }
    if (argc > 0 && !g_ascii_isspace(line[strlen(line) - 1])) {
        cur = argv[--argc];
    }
    if (argc == 0) {
        hmp_complete_names(hmp_cmds, cur, out);
        return;
    }
    c = argc == 1 ? hmp_table_find(hmp_cmds, argv[0]) : NULL;
    if (c && c->cmd == hmp_cmd_info) {
        hmp_complete_names(hmp_infos, cur, out);
    } else if (c && c->cmd == hmp_cmd_help) {
        hmp_complete_names(hmp_cmds, cur, out);
    }
}
