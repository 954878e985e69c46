/* Tests for util/option.c and util/cutils.c: QEMU's option syntax and the
 * number parsers behind -m, sizes and properties. */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include "qapi/error.h"
#include "qemu/log.h"

static QemuOpts *parse_ok(const char *params, const char *implied)
{
    Error *err = NULL;
    QemuOpts *opts = qemu_opts_parse(params, implied, &err);

    g_assert_null(err);
    g_assert_nonnull(opts);
    return opts;
}

static void test_implied_key(void)
{
    QemuOpts *opts = parse_ok("pc,accel=kvm", "type");

    g_assert_cmpstr(qemu_opt_get(opts, "type"), ==, "pc");
    g_assert_cmpstr(qemu_opt_get(opts, "accel"), ==, "kvm");
    g_assert_false(opts->help);
    qemu_opts_free(opts);

    opts = parse_ok("socket,id=x", "backend");
    g_assert_cmpstr(qemu_opt_get(opts, "backend"), ==, "socket");
    g_assert_cmpstr(qemu_opt_get(opts, "id"), ==, "x");
    qemu_opts_free(opts);

    /* Only the first element can be the implied key. */
    opts = parse_ok("id=x,socket", "backend");
    g_assert_null(qemu_opt_get(opts, "backend"));
    g_assert_cmpstr(qemu_opt_get(opts, "socket"), ==, "on");
    qemu_opts_free(opts);

    /* Explicit form of the implied key works too. */
    opts = parse_ok("type=q35", "type");
    g_assert_cmpstr(qemu_opt_get(opts, "type"), ==, "q35");
    qemu_opts_free(opts);

    /* Without an implied key, a bare first element is a flag. */
    opts = parse_ok("server", NULL);
    g_assert_cmpstr(qemu_opt_get(opts, "server"), ==, "on");
    qemu_opts_free(opts);
}

static void test_help(void)
{
    static const char *const cases[] = {
        "help", "?", "e1000,help", "e1000,?", "driver=help", "a=1,help,b=2",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        QemuOpts *opts = parse_ok(cases[i], "driver");

        g_assert_true(opts->help);
        g_assert_false(qemu_opt_has(opts, "help"));
        g_assert_false(qemu_opt_has(opts, "?"));
        qemu_opts_free(opts);
    }
    {
        QemuOpts *opts = parse_ok("e1000,help", "driver");

        g_assert_cmpstr(qemu_opt_get(opts, "driver"), ==, "e1000");
        qemu_opts_free(opts);
    }
    /* "help" as the value of some other key is just a value. */
    {
        QemuOpts *opts = parse_ok("e1000,id=help", "driver");

        g_assert_false(opts->help);
        g_assert_cmpstr(qemu_opt_get(opts, "id"), ==, "help");
        qemu_opts_free(opts);
    }
}

static void test_doubled_commas(void)
{
    QemuOpts *opts = parse_ok("file,path=/tmp/a,,b,,,,c,id=x", "backend");
    char *s;

    g_assert_cmpstr(qemu_opt_get(opts, "path"), ==, "/tmp/a,b,,c");
    g_assert_cmpstr(qemu_opt_get(opts, "id"), ==, "x");
    s = qemu_opts_to_string(opts);
    g_assert_cmpstr(s, ==, "backend=file,path=/tmp/a,,b,,,,c,id=x");
    g_free(s);
    qemu_opts_free(opts);

    /* A doubled comma in the implied value and a trailing escaped one. */
    opts = parse_ok("a,,b,x=y,,", "k");
    g_assert_cmpstr(qemu_opt_get(opts, "k"), ==, "a,b");
    g_assert_cmpstr(qemu_opt_get(opts, "x"), ==, "y,");
    qemu_opts_free(opts);

    /* Round trip: the serialised form parses to the same values. */
    opts = parse_ok("n,,m,key,,1=v,,2", "k");
    s = qemu_opts_to_string(opts);
    qemu_opts_free(opts);
    opts = parse_ok(s, NULL);
    g_free(s);
    g_assert_cmpstr(qemu_opt_get(opts, "k"), ==, "n,m");
    g_assert_cmpstr(qemu_opt_get(opts, "key,1"), ==, "v,2");
    qemu_opts_free(opts);
}

static void test_short_booleans(void)
{
    QemuOpts *opts;
    Error *err = NULL;

    /* The flags warn (deprecated, as in QEMU); run in a subprocess so the
     * warning does not clutter the test log, and check it. */
    if (g_test_subprocess()) {
        opts = parse_ok("socket,id=x,server,nowait,noreboot", "backend");
        g_assert_cmpstr(qemu_opt_get(opts, "server"), ==, "on");
        g_assert_cmpstr(qemu_opt_get(opts, "wait"), ==, "off");
        g_assert_cmpstr(qemu_opt_get(opts, "reboot"), ==, "off");
        g_assert_true(qemu_opt_get_bool(opts, "server", false, &err));
        g_assert_false(qemu_opt_get_bool(opts, "wait", true, &err));
        g_assert_null(err);
        /* "no" alone is a flag named "no", not an empty key. */
        qemu_opts_free(opts);
        opts = parse_ok("x,no", "k");
        g_assert_cmpstr(qemu_opt_get(opts, "no"), ==, "on");
        qemu_opts_free(opts);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*warning: short-form boolean option 'nowait' "
                              "deprecated\nPlease use wait=off instead\n*");
}

static void test_bool_words(void)
{
    static const struct {
        const char *word;
        bool value;
    } cases[] = {
        { "on", true }, { "yes", true }, { "true", true }, { "y", true },
        { "off", false }, { "no", false }, { "false", false }, { "n", false },
    };
    Error *err = NULL;
    size_t i;
    bool b;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        b = !cases[i].value;
        g_assert_true(qapi_bool_parse("x", cases[i].word, &b, &err));
        g_assert_null(err);
        g_assert_cmpint(b, ==, cases[i].value);
    }
    g_assert_false(qapi_bool_parse("server", "maybe", &b, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'server' expects 'on' or 'off'");
    error_free(err);
    err = NULL;
    g_assert_false(qapi_bool_parse("server", "ON", &b, NULL));

    g_assert_true(is_help_option("help"));
    g_assert_true(is_help_option("?"));
    g_assert_false(is_help_option("helpme"));
    g_assert_false(is_help_option(NULL));
}

static void test_empty_and_repeated(void)
{
    QemuOpts *opts = parse_ok("a=1,,", NULL);
    Error *err = NULL;

    /* ",," is a literal comma, not an empty element */
    g_assert_cmpstr(qemu_opt_get(opts, "a"), ==, "1,");
    qemu_opts_free(opts);

    opts = parse_ok("a=1,", NULL);
    g_assert_cmpuint(opts->opts->len, ==, 1);
    qemu_opts_free(opts);

    opts = parse_ok("", "k");
    g_assert_cmpuint(opts->opts->len, ==, 0);
    qemu_opts_free(opts);

    opts = parse_ok("a=1,b=,a=2", NULL);
    g_assert_cmpstr(qemu_opt_get(opts, "a"), ==, "2");
    g_assert_cmpstr(qemu_opt_get(opts, "b"), ==, "");
    g_assert_cmpuint(opts->opts->len, ==, 3);
    qemu_opt_unset(opts, "a");
    g_assert_false(qemu_opt_has(opts, "a"));
    g_assert_cmpuint(opts->opts->len, ==, 1);
    qemu_opts_free(opts);

    g_assert_null(qemu_opts_parse("a=1,=b", NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter ''");
    error_free(err);
}

static void test_getters(void)
{
    QemuOpts *opts = parse_ok("n=0x10,o=010,d=42,bad=4x,neg=-1,"
                              "big=18446744073709551616,s=2M,ss=1X,b=maybe",
                              NULL);
    Error *err = NULL;

    g_assert_cmpuint(qemu_opt_get_number(opts, "n", 0, &error_abort), ==, 16);
    g_assert_cmpuint(qemu_opt_get_number(opts, "o", 0, &error_abort), ==, 8);
    g_assert_cmpuint(qemu_opt_get_number(opts, "d", 0, &error_abort), ==, 42);
    g_assert_cmpuint(qemu_opt_get_number(opts, "absent", 7, &error_abort),
                     ==, 7);
    g_assert_cmpuint(qemu_opt_get_number(opts, "bad", 5, &err), ==, 5);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'bad' expects a number");
    error_free(err);
    err = NULL;
    qemu_opt_get_number(opts, "neg", 0, &err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Value '-1' is out of range for parameter 'neg'");
    error_free(err);
    err = NULL;
    qemu_opt_get_number(opts, "big", 0, &err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Value '18446744073709551616' is out of range for "
                    "parameter 'big'");
    error_free(err);
    err = NULL;

    g_assert_cmpuint(qemu_opt_get_size(opts, "s", 0, &error_abort), ==,
                     2 * MiB);
    g_assert_cmpuint(qemu_opt_get_size(opts, "ss", 3, &err), ==, 3);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'ss' expects a non-negative number below 2^64");
    error_free(err);
    err = NULL;

    g_assert_true(qemu_opt_get_bool(opts, "b", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'b' expects 'on' or 'off'");
    error_free(err);
    qemu_opts_free(opts);
}

/* Still reachable at exit(1), so LeakSanitizer stays quiet. */
static QemuOpts *volatile fatal_opts;

/* The -m path: a bad size through &error_fatal keeps QEMU's hint. */
static void test_size_fatal_hint(void)
{
    if (g_test_subprocess()) {
        fatal_opts = parse_ok("foo", "size");
        qemu_opt_get_size(fatal_opts, "size", 0, &error_fatal);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr(
        "kestrel: Parameter 'size' expects a non-negative number below 2^64\n"
        "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, "
        "peta-\nand exabytes, respectively.\n");
}

static int count_cb(void *opaque, const char *name, const char *value,
                    Error **errp)
{
    GString *s = opaque;

    g_string_append_printf(s, "%s:%s;", name, value);
    return !strcmp(name, "stop") ? 9 : 0;
}

static void test_foreach(void)
{
    QemuOpts *opts = parse_ok("a=1,b=2,stop=x,c=3", NULL);
    GString *s = g_string_new(NULL);

    g_assert_cmpint(qemu_opt_foreach(opts, count_cb, s, NULL), ==, 9);
    g_assert_cmpstr(s->str, ==, "a:1;b:2;stop:x;");
    g_string_free(s, TRUE);
    qemu_opts_free(opts);
}

static void test_check_unused(void)
{
    QemuOpts *opts = parse_ok("null,id=x,foo=1", "backend");
    Error *err = NULL;

    qemu_opt_get(opts, "backend");
    qemu_opt_get(opts, "id");
    g_assert_false(qemu_opts_check_unused(opts, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'foo'");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_opt_get_bool(opts, "foo", false, &err));
    g_assert_nonnull(err);      /* "1" is not a boolean word */
    error_free(err);
    g_assert_true(qemu_opts_check_unused(opts, &error_abort));
    qemu_opts_free(opts);

    /* Reading a repeated key uses all of its occurrences. */
    opts = parse_ok("a=1,a=2", NULL);
    qemu_opt_get(opts, "a");
    g_assert_true(qemu_opts_check_unused(opts, &error_abort));
    qemu_opts_free(opts);
}

static void test_strtosz_suffixes(void)
{
    static const struct {
        const char *str;
        uint64_t val;
    } cases[] = {
        { "0", 0 }, { "42", 42 }, { "12B", 12 }, { "1b", 1 },
        { "1k", KiB }, { "1K", KiB }, { "3M", 3 * MiB }, { "3m", 3 * MiB },
        { "2G", 2 * GiB }, { "2g", 2 * GiB }, { "5T", 5 * TiB },
        { "1P", 1ULL << 50 }, { "7E", 7ULL << 60 }, { "15E", 15ULL << 60 },
        { "1.5G", GiB + GiB / 2 }, { "0.5k", 512 }, { "1.25M", 1310720 },
        { "0x10", 16 }, { "0x10k", 16 * KiB }, { "  8k", 8 * KiB },
        { "18446744073709551615", UINT64_MAX },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        uint64_t v = 1234;
        int ret = qemu_strtosz(cases[i].str, NULL, &v);

        if (ret || v != cases[i].val) {
            g_test_message("'%s': ret %d val %" PRIu64, cases[i].str, ret, v);
        }
        g_assert_cmpint(ret, ==, 0);
        g_assert_cmpuint(v, ==, cases[i].val);
    }
}

static void test_strtosz_errors(void)
{
    static const struct {
        const char *str;
        int ret;
    } cases[] = {
        { "", -EINVAL }, { "k", -EINVAL }, { "-1", -EINVAL },
        { "-1k", -EINVAL }, { "1X", -EINVAL }, { "1kB", -EINVAL },
        { "1.5", -EINVAL }, { "1.5B", -EINVAL }, { "1.k", -EINVAL },
        { ".5k", -EINVAL }, { "1 k", -EINVAL }, { "foo", -EINVAL },
        { "16E", -ERANGE }, { "17179869184G", -ERANGE },
        { "18446744073709551616", -ERANGE },
        { "99999999999999999999k", -ERANGE },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        uint64_t v = 1234;
        int ret = qemu_strtosz(cases[i].str, NULL, &v);

        if (ret != cases[i].ret) {
            g_test_message("'%s': ret %d", cases[i].str, ret);
        }
        g_assert_cmpint(ret, ==, cases[i].ret);
        g_assert_cmpuint(v, ==, 1234);      /* untouched on error */
    }
}

static void test_strtosz_end_and_mib(void)
{
    const char *end = NULL;
    const char *s = "4k,rest";
    uint64_t v = 0;

    g_assert_cmpint(qemu_strtosz(s, &end, &v), ==, 0);
    g_assert_cmpuint(v, ==, 4 * KiB);
    g_assert_true(end == s + 2);

    g_assert_cmpint(qemu_strtosz_MiB("512", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 512 * MiB);
    g_assert_cmpint(qemu_strtosz_MiB("1.5", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, MiB + MiB / 2);
    g_assert_cmpint(qemu_strtosz_MiB("2G", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 2 * GiB);
    g_assert_cmpint(qemu_strtosz_MiB("100B", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 100);
    g_assert_cmpint(qemu_strtosz_MiB("17592186044416", NULL, &v), ==,
                    -ERANGE);
}

static void test_strtou64(void)
{
    const char *end;
    uint64_t v = 0;
    int64_t i = 0;

    g_assert_cmpint(qemu_strtou64("0", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 0);
    g_assert_cmpint(qemu_strtou64("0x1F", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 31);
    g_assert_cmpint(qemu_strtou64("017", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 15);
    g_assert_cmpint(qemu_strtou64("017", NULL, 10, &v), ==, 0);
    g_assert_cmpuint(v, ==, 17);
    g_assert_cmpint(qemu_strtou64("18446744073709551615", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("0xffffffffffffffff", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);

    v = 77;
    g_assert_cmpint(qemu_strtou64("18446744073709551616", NULL, 0, &v), ==,
                    -ERANGE);
    g_assert_cmpint(qemu_strtou64("-1", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpint(qemu_strtou64(" -0", NULL, 0, &v), ==, -ERANGE);
    g_assert_cmpint(qemu_strtou64("", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("x", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("-x", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("12abc", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("0x", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("08", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64(NULL, NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpuint(v, ==, 77);

    g_assert_cmpint(qemu_strtou64("12abc", &end, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, 12);
    g_assert_cmpstr(end, ==, "abc");

    g_assert_cmpint(qemu_strtoi64("-0x10", NULL, 0, &i), ==, 0);
    g_assert_cmpint(i, ==, -16);
    g_assert_cmpint(qemu_strtoi64("9223372036854775807", NULL, 0, &i), ==, 0);
    g_assert_cmpint(i, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775808", NULL, 0, &i), ==, 0);
    g_assert_cmpint(i, ==, INT64_MIN);
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", NULL, 0, &i), ==,
                    -ERANGE);
    g_assert_cmpint(qemu_strtoi64("1 ", NULL, 0, &i), ==, -EINVAL);
}

/* ---- -d items and -D file (util/log.c) ---- */

static void test_log_items(void)
{
    Error *err = NULL;

    g_assert_true(qemu_set_log_items("in_asm,int,,guest_errors", &err));
    g_assert_null(err);
    g_assert_cmpint(qemu_loglevel, ==,
                    CPU_LOG_TB_IN_ASM | CPU_LOG_INT | LOG_GUEST_ERROR);
    g_assert_true(qemu_loglevel_mask(LOG_GUEST_ERROR));
    g_assert_false(qemu_loglevel_mask(LOG_UNIMP));

    g_assert_true(qemu_set_log_items("cpu_reset,exec,cpu,mmu,unimp", NULL));
    g_assert_cmpint(qemu_loglevel, ==, CPU_LOG_RESET | CPU_LOG_EXEC |
                    CPU_LOG_TB_CPU | CPU_LOG_MMU | LOG_UNIMP);
    g_assert_true(qemu_set_log_items("reset", NULL));
    g_assert_cmpint(qemu_loglevel, ==, CPU_LOG_RESET);

    /* A refused list leaves the previous mask alone. */
    g_assert_false(qemu_set_log_items("int,out_asm", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "log item 'out_asm' is not supported by Kestrel yet");
    g_assert_cmpint(qemu_loglevel, ==, CPU_LOG_RESET);
    error_free(err);
    err = NULL;
    g_assert_false(qemu_set_log_items("trace:kvm_*", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "log item 'trace:kvm_*' is not supported by Kestrel yet");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_set_log_items("int,bogus", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid -d option 'bogus'");
    error_free(err);

    g_assert_true(qemu_set_log_items("all", NULL));
    g_assert_true(qemu_loglevel_mask(CPU_LOG_TB_IN_ASM));
    g_assert_true(qemu_loglevel_mask(LOG_GUEST_ERROR));
    g_assert_false(qemu_loglevel_mask(CPU_LOG_TB_OUT_ASM));
    g_assert_true(qemu_set_log_items("", NULL));
    g_assert_cmpint(qemu_loglevel, ==, 0);
}

static void test_log_usage(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    qemu_print_log_usage(f);
    fclose(f);
    g_assert_true(g_str_has_prefix(buf, "Log items (comma separated):\n"
                                   "in_asm          show target assembly "
                                   "code for each compiled TB\n"));
    g_assert_nonnull(strstr(buf, "\nguest_errors    log when the guest"));
    g_assert_nonnull(strstr(buf, "\ncpu_reset       "));
    g_assert_null(strstr(buf, "out_asm"));
    g_assert_null(strstr(buf, "strace"));
    free(buf);
}

static void test_log_file(void)
{
    char *dir = g_dir_make_tmp("kestrel-log-XXXXXX", NULL);
    char *path = g_build_filename(dir, "log.txt", NULL);
    char *pattern = g_build_filename(dir, "log-%d.txt", NULL);
    char *pid_path = g_strdup_printf("%s/log-%d.txt", dir, (int)getpid());
    char *text = NULL;
    Error *err = NULL;
    FILE *f;

    g_assert_true(qemu_set_log_filename(path, &err));
    g_assert_null(err);
    g_assert_true(qemu_set_log_items("guest_errors", NULL));
    qemu_log("line %d\n", 1);
    qemu_log_mask(LOG_GUEST_ERROR, "bad write at 0x%x\n", 0x10);
    qemu_log_mask(LOG_UNIMP, "not logged\n");
    f = qemu_log_trylock();
    g_assert_nonnull(f);
    fprintf(f, "a ");
    qemu_log("b\n");                /* nested inside the lock */
    qemu_log_unlock(f);

    /* Switching files closes (and so flushes) the previous one. */
    g_assert_true(qemu_set_log_filename(pattern, NULL));
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "line 1\nbad write at 0x10\na b\n");
    g_free(text);
    g_assert_true(g_file_test(pid_path, G_FILE_TEST_EXISTS));

    g_assert_false(qemu_set_log_filename("/nonexistent-dir/x.log", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Error opening logfile "
                    "/nonexistent-dir/x.log: No such file or directory");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_set_log_filename("/tmp/x-%s.log", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Bad logfile format: /tmp/x-%s.log");
    error_free(err);

    g_assert_true(qemu_set_log_filename(NULL, NULL));
    g_assert_true(qemu_set_log_items("", NULL));
    unlink(path);
    unlink(pid_path);
    rmdir(dir);
    g_free(pid_path);
    g_free(pattern);
    g_free(path);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/option/implied-key", test_implied_key);
    g_test_add_func("/option/help", test_help);
    g_test_add_func("/option/doubled-commas", test_doubled_commas);
    g_test_add_func("/option/short-booleans", test_short_booleans);
    g_test_add_func("/option/bool-words", test_bool_words);
    g_test_add_func("/option/empty-and-repeated", test_empty_and_repeated);
    g_test_add_func("/option/getters", test_getters);
    g_test_add_func("/option/size-fatal-hint", test_size_fatal_hint);
    g_test_add_func("/option/foreach", test_foreach);
    g_test_add_func("/option/check-unused", test_check_unused);
    g_test_add_func("/cutils/strtosz/suffixes", test_strtosz_suffixes);
    g_test_add_func("/cutils/strtosz/errors", test_strtosz_errors);
    g_test_add_func("/cutils/strtosz/end-and-mib", test_strtosz_end_and_mib);
    g_test_add_func("/cutils/strtou64", test_strtou64);
    g_test_add_func("/log/items", test_log_items);
    g_test_add_func("/log/usage", test_log_usage);
    g_test_add_func("/log/file", test_log_file);
    return g_test_run();
}
