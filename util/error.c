/*
 * Error objects (include/qapi/error.h). An Error carries a message and an
 * optional hint; it travels up through Error ** parameters to the one
 * caller that reports it. The addresses of error_fatal and error_abort are
 * sentinels meaning "report and exit(1)" and "report and abort()".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

struct Error {
    char *msg;
    GString *hint;      /* NULL until error_append_hint */
};

Error *error_fatal;
Error *error_abort;

/* Reached only through the sentinels: the error ends the process here. */
static void error_handle_sentinel(Error **errp, Error *err)
{
    if (errp == &error_abort) {
        error_report_err(err);
        abort();
    }
    if (errp == &error_fatal) {
        error_report_err(err);
        exit(1);
    }
}

static void error_install(Error **errp, Error *err)
{
    if (!errp) {
        error_free(err);
        return;
    }
    error_handle_sentinel(errp, err);
    /* Setting a second error would lose the first: a programming error. */
    g_assert(*errp == NULL);
    *errp = err;
}

static void error_vsetg(Error **errp, const char *suffix,
                        const char *fmt, va_list ap) QEMU_PRINTF(3, 0);

static void error_vsetg(Error **errp, const char *suffix,
                        const char *fmt, va_list ap)
{
    Error *err;
    char *msg;

    if (!errp) {
        return;
    }
    msg = g_strdup_vprintf(fmt, ap);
    err = g_new0(Error, 1);
    if (suffix) {
        err->msg = g_strconcat(msg, ": ", suffix, NULL);
        g_free(msg);
    } else {
        err->msg = msg;
    }
    error_install(errp, err);
}

void error_setg(Error **errp, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vsetg(errp, NULL, fmt, ap);
    va_end(ap);
}

void error_setg_errno(Error **errp, int os_errno, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_vsetg(errp, os_errno ? g_strerror(os_errno) : NULL, fmt, ap);
    va_end(ap);
}

void error_append_hint(Error **errp, const char *fmt, ...)
{
    va_list ap;
    Error *err;

    /* The sentinels never hold an error (setting one ends the process). */
    if (!errp || errp == &error_fatal || errp == &error_abort || !*errp) {
        return;
    }
    err = *errp;
    if (!err->hint) {
        err->hint = g_string_new(NULL);
    }
    va_start(ap, fmt);
    g_string_append_vprintf(err->hint, fmt, ap);
    va_end(ap);
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    va_list ap;
    Error *err;
    char *prefix, *msg;

    if (!errp || !*errp) {
        return;
    }
    err = *errp;
    va_start(ap, fmt);
    prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    msg = g_strconcat(prefix, err->msg, NULL);
    g_free(prefix);
    g_free(err->msg);
    err->msg = msg;
}

void error_propagate(Error **dst_errp, Error *local_err)
{
    if (!local_err) {
        return;
    }
    error_handle_sentinel(dst_errp, local_err);
    if (!dst_errp || *dst_errp) {
        /* Ignored, or the caller already has an error: keep the first. */
        error_free(local_err);
        return;
    }
    *dst_errp = local_err;
}

const char *error_get_pretty(const Error *err)
{
    return err->msg;
}

void error_free(Error *err)
{
    if (!err) {
        return;
    }
    g_free(err->msg);
    if (err->hint) {
        g_string_free(err->hint, TRUE);
    }
    g_free(err);
}

void error_report_err(Error *err)
{
    error_report("%s", err->msg);
    if (err->hint) {
        error_printf("%s", err->hint->str);
    }
    error_free(err);
}

void warn_report_err(Error *err)
{
    warn_report("%s", err->msg);
    if (err->hint) {
        error_printf("%s", err->hint->str);
    }
    error_free(err);
}
