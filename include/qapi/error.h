/*
 * Error objects travel through `Error **errp` to the one place that reports
 * them. Library code never calls exit(); only &error_fatal does, at top level.
 *
 * Rules (as in QEMU): a function taking errp sets at most one error; callers
 * may pass NULL (ignore), &error_fatal (report and exit 1) or &error_abort
 * (programming error: abort). Never use error_abort for user or guest input.
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

#include "qemu/osdep.h"

typedef struct Error Error;

extern Error *error_fatal;
extern Error *error_abort;

void error_setg(Error **errp, const char *fmt, ...) QEMU_PRINTF(2, 3);
/* Like error_setg, appending ": strerror(os_errno)". */
void error_setg_errno(Error **errp, int os_errno, const char *fmt, ...)
    QEMU_PRINTF(3, 4);
/* Extra lines printed after the message (QEMU's error_append_hint). */
void error_append_hint(Error **errp, const char *fmt, ...) QEMU_PRINTF(2, 3);
/* Prefix the message of *errp (if set) with the formatted text. */
void error_prepend(Error **errp, const char *fmt, ...) QEMU_PRINTF(2, 3);
/* Move local_err into *dst_errp (or report/free it as dst demands). */
void error_propagate(Error **dst_errp, Error *local_err);
const char *error_get_pretty(const Error *err);
void error_free(Error *err);
/* Report with error_report() (program-name prefix, hint) and free. */
void error_report_err(Error *err);
/* As error_report_err but as a warning. */
void warn_report_err(Error *err);

#endif
