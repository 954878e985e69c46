/* Tests for util/error.c and util/error-report.c: Error objects and the
 * "<prog>: <location>: <message>" lines users see. Output checks run in
 * subprocesses (g_test_trap_subprocess) and match their stderr. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

static void fail_with(Error **errp, const char *what)
{
    error_setg(errp, "cannot %s", what);
}

static void test_setg_and_null(void)
{
    Error *err = NULL;

    fail_with(NULL, "ignore");          /* NULL errp: silently dropped */
    fail_with(&err, "open");
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "cannot open");
    error_free(err);
    error_free(NULL);
}

static void test_setg_errno(void)
{
    Error *err = NULL;

    error_setg_errno(&err, ENOENT, "Could not open '%s'", "/x");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Could not open '/x': No such file or directory");
    error_free(err);
}

static void test_propagate(void)
{
    Error *local = NULL, *dst = NULL;

    error_propagate(&dst, NULL);        /* nothing to move */
    g_assert_null(dst);

    fail_with(&local, "first");
    error_propagate(&dst, local);
    g_assert_cmpstr(error_get_pretty(dst), ==, "cannot first");

    /* A second error does not replace the first (and is freed: ASan). */
    local = NULL;
    fail_with(&local, "second");
    error_propagate(&dst, local);
    g_assert_cmpstr(error_get_pretty(dst), ==, "cannot first");
    error_free(dst);

    local = NULL;
    fail_with(&local, "dropped");
    error_propagate(NULL, local);
}

static void test_prepend(void)
{
    Error *err = NULL;

    error_prepend(&err, "ignored: ");   /* no error yet: no-op */
    g_assert_null(err);
    fail_with(&err, "map");
    error_prepend(&err, "device '%s': ", "serial0");
    g_assert_cmpstr(error_get_pretty(err), ==, "device 'serial0': cannot map");
    error_free(err);
    error_prepend(NULL, "x");
}

static void test_double_set_asserts(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        fail_with(&err, "one");
        fail_with(&err, "two");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
}

static void test_report_hint(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        error_init("/usr/bin/kestrel-system-x86_64");
        loc_set_option("-m", "foo");
        error_setg(&err, "Parameter 'size' expects a number");
        error_append_hint(&err, "Optional suffix k, M, G%s\n", ".");
        error_append_hint(&err, "second line\n");
        error_report_err(err);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "kestrel-system-x86_64: -m foo: Parameter 'size' expects a number\n"
        "Optional suffix k, M, G.\nsecond line\n");
}

static void test_report_location(void)
{
    if (g_test_subprocess()) {
        error_report("no program name set");
        error_init("./kestrel-system-aarch64");
        loc_set_option("-device", "foo,bar=1");
        error_report("'%s' is not a valid device model name", "foo");
        warn_report("careful");
        info_report("fyi");
        loc_set_option("-nodefaults", NULL);
        error_report("flag");
        loc_set_none();
        error_report("bare");
        error_printf("continued %d\n", 7);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "kestrel: no program name set\n"
        "kestrel-system-aarch64: -device foo,bar=1: 'foo' is not a valid "
        "device model name\n"
        "kestrel-system-aarch64: -device foo,bar=1: warning: careful\n"
        "kestrel-system-aarch64: -device foo,bar=1: info: fyi\n"
        "kestrel-system-aarch64: -nodefaults: flag\n"
        "kestrel-system-aarch64: bare\n"
        "continued 7\n");
}

static void test_report_timestamp(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        error_init("kestrel");
        error_set_timestamp(true);
        loc_set_option("-m", "foo");
        error_setg(&err, "bad size");
        error_append_hint(&err, "hint line\n");
        error_report_err(err);
        warn_report("w");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    /* Shape of QEMU's -msg timestamp=on; the hint line has no stamp. */
    g_test_trap_assert_stderr(
        "2*-*-*T*:*:*.*Z kestrel: -m foo: bad size\n"
        "hint line\n"
        "2*-*-*T*:*:*.*Z kestrel: -m foo: warning: w\n");
    g_test_trap_assert_stderr_unmatched("*Z hint line*");
}

/* Run fn with stderr redirected into a pipe; return what it printed. */
static char *capture_stderr(void (*fn)(void))
{
    int fds[2], saved;
    char buf[4096];
    ssize_t n;

    g_assert_cmpint(pipe(fds), ==, 0);
    fflush(stderr);
    saved = dup(STDERR_FILENO);
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    fn();
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    n = read(fds[0], buf, sizeof(buf) - 1);
    close(fds[0]);
    g_assert_cmpint(n, >, 0);
    buf[n] = '\0';
    return g_strdup(buf);
}

static void report_stamped(void)
{
    error_set_timestamp(true);
    loc_set_none();
    error_report("x");
    error_set_timestamp(false);
}

/* The stamp is UTC and current: it lies between two clock readings. */
static void test_timestamp_value(void)
{
    GDateTime *before = g_date_time_new_now_utc();
    char *out = capture_stderr(report_stamped);
    GDateTime *after = g_date_time_new_now_utc();
    char *space = strchr(out, ' ');
    GDateTime *stamp;

    g_assert_nonnull(space);
    *space = '\0';
    g_assert_cmpuint(strlen(out), ==, strlen("2026-11-22T03:12:55.123456Z"));
    stamp = g_date_time_new_from_iso8601(out, NULL);
    g_assert_nonnull(stamp);
    g_assert_cmpint(g_date_time_compare(before, stamp), <=, 0);
    g_assert_cmpint(g_date_time_compare(stamp, after), <=, 0);
    g_assert_cmpint(g_date_time_get_utc_offset(stamp), ==, 0);
    g_assert_true(g_str_has_suffix(space + 1, ": x\n"));
    g_date_time_unref(stamp);
    g_date_time_unref(before);
    g_date_time_unref(after);
    g_free(out);
}

static void test_fatal(void)
{
    if (g_test_subprocess()) {
        error_init("kestrel");
        fail_with(&error_fatal, "boot");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("kestrel: cannot boot\n");
}

static void test_fatal_propagate(void)
{
    if (g_test_subprocess()) {
        Error *local = NULL;

        error_init("kestrel");
        fail_with(&local, "propagate");
        error_propagate(&error_fatal, local);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("kestrel: cannot propagate\n");
}

static void test_abort(void)
{
    if (g_test_subprocess()) {
        fail_with(&error_abort, "continue");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*cannot continue\n*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/error/setg", test_setg_and_null);
    g_test_add_func("/error/setg-errno", test_setg_errno);
    g_test_add_func("/error/propagate", test_propagate);
    g_test_add_func("/error/prepend", test_prepend);
    g_test_add_func("/error/double-set", test_double_set_asserts);
    g_test_add_func("/error/fatal", test_fatal);
    g_test_add_func("/error/fatal-propagate", test_fatal_propagate);
    g_test_add_func("/error/abort", test_abort);
    g_test_add_func("/report/hint", test_report_hint);
    g_test_add_func("/report/location", test_report_location);
    g_test_add_func("/report/timestamp", test_report_timestamp);
    g_test_add_func("/report/timestamp-value", test_timestamp_value);
    return g_test_run();
}
