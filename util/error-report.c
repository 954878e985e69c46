/*
 * User-facing messages on stderr (include/qemu/error-report.h):
 *   [<timestamp> ]<prog>: [<location>: ][warning: |info: ]<message>
 * The location is the command-line option being processed, so an error
 * names what the user typed ("-m foo"), as QEMU does.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include <time.h>

/* Serialises whole lines from several threads and guards the state below. */
static GMutex report_lock;
static char *progname;
static char *loc_text;          /* "-device foo,bar=1" or NULL */
static bool report_timestamp;

typedef enum {
    REPORT_ERROR,
    REPORT_WARNING,
    REPORT_INFO,
} ReportKind;

static const char *const report_kind_prefix[] = {
    [REPORT_ERROR] = "",
    [REPORT_WARNING] = "warning: ",
    [REPORT_INFO] = "info: ",
};

void error_init(const char *argv0)
{
    g_mutex_lock(&report_lock);
    g_free(progname);
    progname = argv0 ? g_path_get_basename(argv0) : NULL;
    g_mutex_unlock(&report_lock);
}

const char *error_get_progname(void)
{
    return progname ? progname : "kestrel";
}

void error_set_timestamp(bool on)
{
    report_timestamp = on;
}

void loc_set_option(const char *opt, const char *arg)
{
    char *text = arg ? g_strdup_printf("%s %s", opt, arg) : g_strdup(opt);

    g_mutex_lock(&report_lock);
    g_free(loc_text);
    loc_text = text;
    g_mutex_unlock(&report_lock);
}

void loc_set_none(void)
{
    g_mutex_lock(&report_lock);
    g_free(loc_text);
    loc_text = NULL;
    g_mutex_unlock(&report_lock);
}

/* ISO-8601 UTC with microseconds, the layout of QEMU's -msg timestamp=on. */
static void report_print_timestamp(FILE *f)
{
    struct timespec ts;
    struct tm tm;
    char buf[32];

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
    fprintf(f, "%s.%06ldZ ", buf, (long)(ts.tv_nsec / 1000));
}

static void report_vprint(ReportKind kind, const char *fmt, va_list ap)
    QEMU_PRINTF(2, 0);

static void report_vprint(ReportKind kind, const char *fmt, va_list ap)
{
    g_mutex_lock(&report_lock);
    flockfile(stderr);
    if (report_timestamp) {
        report_print_timestamp(stderr);
    }
    fprintf(stderr, "%s: ", error_get_progname());
    if (loc_text) {
        fprintf(stderr, "%s: ", loc_text);
    }
    fputs(report_kind_prefix[kind], stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    fflush(stderr);
    funlockfile(stderr);
    g_mutex_unlock(&report_lock);
}

void error_vreport(const char *fmt, va_list ap)
{
    report_vprint(REPORT_ERROR, fmt, ap);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report_vprint(REPORT_ERROR, fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report_vprint(REPORT_WARNING, fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report_vprint(REPORT_INFO, fmt, ap);
    va_end(ap);
}

void error_printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
}
