/*
 * User-facing messages. error_report() prints one line to stderr:
 *   "<prog>: [<location>: ]<message>"
 * prefixed by an ISO timestamp when -msg timestamp=on. The location is the
 * command-line option being processed (set by vl.c with loc_push_option),
 * so errors name the option the user typed, as QEMU does.
 */
#ifndef QEMU_ERROR_REPORT_H
#define QEMU_ERROR_REPORT_H

#include "qemu/osdep.h"

void error_init(const char *argv0);     /* sets the program name */
const char *error_get_progname(void);
void error_set_timestamp(bool on);      /* -msg timestamp=on */

/* Location: the option being processed, e.g. "-device foo,bar=1". */
void loc_set_option(const char *opt, const char *arg); /* arg may be NULL */
void loc_set_none(void);

void error_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void warn_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void info_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void error_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
/* Print to stderr with no prefix (continuation / help lines). */
void error_printf(const char *fmt, ...) QEMU_PRINTF(1, 2);

#endif
