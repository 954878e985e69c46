/*
 * Unit tests for the monitor's line editor and argument parser. Expected
 * echo bytes were recorded from QEMU 7.2 over a unix socket.
 * (Lives in monitor/ because tests/unit/meson.build has no entry for it.)
 */
#include "../../monitor/monitor-internal.h"

typedef struct RLTest {
    ReadLineState rs;
    GString *out;
    GPtrArray *lines;
} RLTest;

static void rl_out(void *opaque, const char *buf, size_t len)
{
    RLTest *t = opaque;
    g_string_append_len(t->out, buf, len);
}

static void rl_line(void *opaque, const char *line)
{
    RLTest *t = opaque;
    g_ptr_array_add(t->lines, g_strdup(line));
}

static RLTest *rl_new(bool echo)
{
    RLTest *t = g_new0(RLTest, 1);

    t->out = g_string_new(NULL);
    t->lines = g_ptr_array_new_with_free_func(g_free);
    readline_init(&t->rs, "(qemu) ", echo, rl_out, rl_line, t);
    return t;
}

static void rl_free(RLTest *t)
{
    readline_free(&t->rs);
    g_string_free(t->out, TRUE);
    g_ptr_array_free(t->lines, TRUE);
    g_free(t);
}

static void rl_feed(RLTest *t, const char *bytes, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        readline_handle_byte(&t->rs, (uint8_t)bytes[i]);
    }
}

#define rl_type(t, s) rl_feed((t), (s), sizeof(s) - 1)

/* Returns and clears what was echoed. */
static char *rl_take(RLTest *t)
{
    char *s = g_strdup(t->out->str);
    g_string_truncate(t->out, 0);
    return s;
}

static void rl_expect(RLTest *t, const char *want)
{
    g_autofree char *got = rl_take(t);
    g_assert_cmpstr(got, ==, want);
}

static void test_readline_echo(void)
{
    RLTest *t = rl_new(true);

    rl_type(t, "foo\n");
    rl_expect(t, "f\033[K\033[Dfo\033[K\033[D\033[Dfoo\033[K\n");
    g_assert_cmpuint(t->lines->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "foo");
    rl_free(t);
}

static void test_readline_backspace(void)
{
    RLTest *t = rl_new(true);

    /* "ab", DEL, BS, "c": as QEMU echoes it */
    rl_type(t, "ab\x7f\x08" "c\r");
    rl_expect(t, "a\033[K\033[Dab\033[K\033[D\033[Da\033[K\033[D\033[K"
              "c\033[K\n");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "c");
    rl_free(t);
}

static void test_readline_cursor(void)
{
    RLTest *t = rl_new(true);

    rl_type(t, "abc\033[D\033[Dx");
    rl_expect(t, "a\033[K\033[Dab\033[K\033[D\033[Dabc\033[K"
              "\033[D\033[D\033[Daxbc\033[K\033[D\033[D");
    /* Home, End */
    rl_type(t, "\x01\x05");
    rl_expect(t, "\033[D\033[D\033[C\033[C\033[C\033[C");
    /* ESC [ 3 ~ at the end deletes nothing; Home then delete */
    rl_type(t, "\033[3~\033[H\033[3~\n");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "xbc");
    rl_free(t);
}

static void test_readline_history(void)
{
    RLTest *t = rl_new(true);

    rl_type(t, "xp /4x 0\nc\n\n");
    g_assert_cmpuint(t->lines->len, ==, 3);
    g_free(rl_take(t));
    rl_type(t, "\033[A");
    rl_expect(t, "c\033[K");
    rl_type(t, "\033[A");
    rl_expect(t, "\033[Dxp /4x 0\033[K");
    rl_type(t, "\033[A");               /* oldest: stays */
    rl_expect(t, "");
    rl_type(t, "\033[B");
    rl_expect(t, "\033[D\033[D\033[D\033[D\033[D\033[D\033[D\033[Dc\033[K");
    rl_type(t, "\033[B");               /* past the newest: empty line */
    rl_expect(t, "\033[D\033[K");
    /* A repeated line moves to the newest slot. */
    rl_type(t, "xp /4x 0\n");
    g_assert_cmpstr(readline_get_history(&t->rs, 0), ==, "c");
    g_assert_cmpstr(readline_get_history(&t->rs, 1), ==, "xp /4x 0");
    g_assert_null(readline_get_history(&t->rs, 2));
    rl_free(t);
}

static void test_readline_history_bounded(void)
{
    RLTest *t = rl_new(false);
    int i;

    for (i = 0; i < READLINE_HIST_MAX + 10; i++) {
        g_autofree char *line = g_strdup_printf("cmd%d\n", i);
        rl_feed(t, line, strlen(line));
    }
    g_assert_cmpstr(readline_get_history(&t->rs, 0), ==, "cmd10");
    g_assert_null(readline_get_history(&t->rs, READLINE_HIST_MAX));
    rl_free(t);
}

static void test_readline_escapes(void)
{
    RLTest *t = rl_new(true);

    /* Unknown sequences are dropped whole, even split across reads. */
    rl_type(t, "a\033[1;5C\033OQ\033[99~\033");
    rl_type(t, "Zb\033[");
    rl_type(t, "12;3Hc\n");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "abc");
    /* Ctrl-W erases a word, Ctrl-U the line before the cursor. */
    rl_type(t, "ab cd\x17" "ef\n");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 1), ==, "ab ef");
    rl_type(t, "junk\x15ok\n");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 2), ==, "ok");
    rl_free(t);
}

static void test_readline_hostile(void)
{
    RLTest *t = rl_new(true);
    g_autofree char *big = g_malloc(100 * 1024);
    size_t i;

    /* Every byte value, NULs included, then a 100 KB line. */
    for (i = 0; i < 100 * 1024; i++) {
        big[i] = (char)(i * 7 + 3);
    }
    rl_feed(t, big, 100 * 1024);
    memset(big, 'x', 100 * 1024);
    rl_feed(t, big, 100 * 1024);
    rl_type(t, "\n");
    for (i = 0; i < t->lines->len; i++) {
        g_assert_cmpuint(strlen(g_ptr_array_index(t->lines, i)), <=,
                         READLINE_CMD_MAX);
    }
    g_assert_cmpuint(strlen(g_ptr_array_index(t->lines, t->lines->len - 1)),
                     ==, READLINE_CMD_MAX);
    rl_free(t);
}

/* Completes "info" and, after "info ", "stats" and "status". */
static void rl_complete(void *opaque, const char *line, GPtrArray *out)
{
    static const char *const words[] = { "info", "stats", "status" };
    const char *sp = strrchr(line, ' ');
    const char *cur = sp ? sp + 1 : line;
    size_t i;

    for (i = sp ? 1 : 0; i < (sp ? ARRAY_SIZE(words) : 1); i++) {
        if (g_str_has_prefix(words[i], cur)) {
            g_ptr_array_add(out, g_strdup(words[i]));
        }
    }
}

static void test_readline_tab(void)
{
    RLTest *t = rl_new(true);

    t->rs.complete_fn = rl_complete;
    rl_type(t, "inf");
    g_free(rl_take(t));
    rl_type(t, "\t");
    rl_expect(t, "\033[D\033[D\033[Dinfo \033[K");
    rl_type(t, "st");
    g_free(rl_take(t));
    /* Several: the common prefix, the list, the prompt and the line. */
    rl_type(t, "\t");
    rl_expect(t, "\nstats     status    \n(qemu) info stat\033[K");
    rl_type(t, "u\t\n");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "info status ");
    /* Nothing matches: nothing happens. */
    rl_type(t, "x");
    g_free(rl_take(t));
    rl_type(t, "\t");
    rl_expect(t, "");
    rl_free(t);
}

static void test_readline_no_echo(void)
{
    RLTest *t = rl_new(false);

    readline_show_prompt(&t->rs);
    rl_type(t, "info status\n");
    g_assert_cmpstr(t->out->str, ==, "");
    g_assert_cmpstr(g_ptr_array_index(t->lines, 0), ==, "info status");
    rl_free(t);
}

/* Expressions. */

static void expect_expr(const char *s, int64_t want, const char *rest)
{
    const char *p = s;
    char *err = NULL;
    int64_t v = 0;

    g_assert_true(hmp_expr_parse(&p, &v, &err));
    g_assert_null(err);
    g_assert_cmpint(v, ==, want);
    g_assert_cmpstr(p, ==, rest);
}

static void expect_expr_error(const char *s, const char *want)
{
    const char *p = s;
    g_autofree char *err = NULL;
    int64_t v;

    g_assert_false(hmp_expr_parse(&p, &v, &err));
    g_assert_cmpstr(err, ==, want);
}

static bool test_regs(const char *name, uint64_t *value)
{
    if (strcmp(name, "pc") == 0) {
        *value = 0xfff0;
        return true;
    }
    return false;
}

static void test_expr(void)
{
    expect_expr("0x1000", 0x1000, "");
    expect_expr("1+2*3", 7, "");
    expect_expr("(1+2)*3", 9, "");
    expect_expr(" 10 % 3", 1, "");
    expect_expr("6|1", 7, "");
    expect_expr("6^3", 5, "");
    expect_expr("-1", -1, "");
    expect_expr("~0", -1, "");
    expect_expr("--1", 1, "");
    expect_expr("'a'", 0x61, "");
    expect_expr("010", 8, "");
    expect_expr("08", 0, "8");
    expect_expr("1<<4", 1, "<<4");
    expect_expr("0x1000 extra", 0x1000, "extra");
    expect_expr("-9223372036854775807-1", INT64_MIN, "");
    expect_expr("(-9223372036854775807-1)/-1", INT64_MIN, "");
    expect_expr_error("", "unexpected end of expression");
    expect_expr_error("0x1&", "unexpected end of expression");
    expect_expr_error("foo", "invalid char 'f' in expression");
    expect_expr_error("99999999999999999999", "number too large");
    expect_expr_error("0x10/0", "division by zero");
    expect_expr_error("5%0", "division by zero");
    expect_expr_error("(1", "')' expected");
    expect_expr_error("'ab'", "missing terminating ' character");
    expect_expr_error("''", "missing terminating ' character");
    expect_expr_error("$pc", "unknown register");
    hmp_set_register_lookup(test_regs);
    expect_expr("$pc+0x10", 0x10000, "");
    expect_expr_error("$foo", "unknown register");
    hmp_set_register_lookup(NULL);
}

static void test_expr_deep(void)
{
    g_autofree char *deep = g_strnfill(5000, '(');
    g_autofree char *neg = g_strnfill(5000, '-');

    expect_expr_error(deep, "expression too deeply nested");
    expect_expr_error(neg, "expression too deeply nested");
}

/* Argument specs. */

static HMPArgs *parse_ok(const char *spec, const char *line, HMPFormat *def)
{
    g_autofree char *err = NULL;
    HMPArgs *args = hmp_args_parse(spec, "cmd", line, def, &err);

    g_assert_null(err);
    g_assert_nonnull(args);
    return args;
}

static void parse_error(const char *spec, const char *line, const char *want)
{
    HMPFormat def = { 1, 'x', 4 };
    g_autofree char *err = NULL;

    g_assert_null(hmp_args_parse(spec, "cmd", line, &def, &err));
    g_assert_cmpstr(err, ==, want);
}

static void test_args_strings(void)
{
    HMPFormat def = { 1, 'x', 4 };
    HMPArgs *a;

    a = parse_ok("path:s,property:s", " /machine  type ", &def);
    g_assert_cmpstr(hmp_arg_str(a, "path"), ==, "/machine");
    g_assert_cmpstr(hmp_arg_str(a, "property"), ==, "type");
    hmp_args_free(a);

    a = parse_ok("path:s,property:s", "\"a \\\"b\\\\\" x", &def);
    g_assert_cmpstr(hmp_arg_str(a, "path"), ==, "a \"b\\");
    hmp_args_free(a);

    a = parse_ok("path:s?", "", &def);
    g_assert_false(hmp_arg_has(a, "path"));
    g_assert_null(hmp_arg_str(a, "path"));
    hmp_args_free(a);

    a = parse_ok("name:S?", " info  status  ", &def);
    g_assert_cmpstr(hmp_arg_str(a, "name"), ==, "info  status");
    hmp_args_free(a);

    parse_error("path:s,property:s", "/machine", "cmd: string expected");
    parse_error("path:s", "\"open", "cmd: string expected");
    parse_error("", "x", "cmd: extraneous characters at the end of line");
    parse_error("path:s", "a b", "cmd: extraneous characters at the end of "
                "line");
}

static void test_args_flags(void)
{
    HMPFormat def = { 1, 'x', 4 };
    const char *spec = "flatview:-f,dispatch_tree:-d,owner:-o";
    HMPArgs *a;

    a = parse_ok(spec, "-d -f", &def);
    g_assert_true(hmp_arg_flag(a, "flatview"));
    g_assert_true(hmp_arg_flag(a, "dispatch_tree"));
    g_assert_false(hmp_arg_flag(a, "owner"));
    hmp_args_free(a);

    parse_error(spec, "-x", "cmd: unsupported option -x");
    parse_error(spec, "-fd", "cmd: extraneous characters at the end of line");
    parse_error(spec, "x", "cmd: extraneous characters at the end of line");
}

static void test_args_format(void)
{
    HMPFormat def = { 1, 'x', 4 };
    HMPFormat f;
    HMPArgs *a;

    a = parse_ok("fmt:/,addr:l", "/4xb 0x1000", &def);
    f = hmp_arg_format(a, "fmt");
    g_assert_cmpint(f.count, ==, 4);
    g_assert_cmpint(f.format, ==, 'x');
    g_assert_cmpint(f.size, ==, 1);
    g_assert_cmpint(hmp_arg_int(a, "addr", -1), ==, 0x1000);
    hmp_args_free(a);

    /* Sticky: the size and format carry over, as in QEMU. */
    a = parse_ok("fmt:/,addr:l", "/5d 0", &def);
    f = hmp_arg_format(a, "fmt");
    g_assert_cmpint(f.count, ==, 5);
    g_assert_cmpint(f.format, ==, 'd');
    g_assert_cmpint(f.size, ==, 1);
    hmp_args_free(a);

    a = parse_ok("fmt:/,addr:l", "0", &def);
    f = hmp_arg_format(a, "fmt");
    g_assert_cmpint(f.count, ==, 1);
    g_assert_cmpint(f.format, ==, 'd');
    g_assert_cmpint(f.size, ==, 1);
    hmp_args_free(a);

    a = parse_ok("fmt:/,addr:l", "/2i 0", &def);
    f = hmp_arg_format(a, "fmt");
    g_assert_cmpint(f.format, ==, 'i');
    g_assert_cmpint(f.size, ==, -1);
    g_assert_cmpint(def.size, ==, 1);
    hmp_args_free(a);

    parse_error("fmt:/,addr:l", "/z 0", "invalid char in format: 'z'");
    parse_error("fmt:/,addr:l", "/4q 0", "invalid char in format: 'q'");
    parse_error("fmt:/,addr:l", "/-1x 0", "invalid char in format: '-'");
    parse_error("fmt:/,addr:l", "/x", "unexpected end of expression");
    parse_error("fmt:/,addr:l", "", "unexpected end of expression");
    parse_error("fmt:/,addr:l", "/x 0 1",
                "cmd: extraneous characters at the end of line");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/monitor/readline/echo", test_readline_echo);
    g_test_add_func("/monitor/readline/backspace", test_readline_backspace);
    g_test_add_func("/monitor/readline/cursor", test_readline_cursor);
    g_test_add_func("/monitor/readline/history", test_readline_history);
    g_test_add_func("/monitor/readline/history-bounded",
                    test_readline_history_bounded);
    g_test_add_func("/monitor/readline/escapes", test_readline_escapes);
    g_test_add_func("/monitor/readline/hostile", test_readline_hostile);
    g_test_add_func("/monitor/readline/no-echo", test_readline_no_echo);
    g_test_add_func("/monitor/readline/tab", test_readline_tab);
    g_test_add_func("/monitor/expr/basic", test_expr);
    g_test_add_func("/monitor/expr/deep", test_expr_deep);
    g_test_add_func("/monitor/args/strings", test_args_strings);
    g_test_add_func("/monitor/args/flags", test_args_flags);
    g_test_add_func("/monitor/args/format", test_args_format);
    return g_test_run();
}
