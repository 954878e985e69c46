/*
 * Private to monitor/: the Monitor object, the argument parser and the
 * built-in command tables.
 *
 *   monitor.c     Monitor objects: chardev frontend, events, output queue
 *   readline.c    line editor (readline.h)
 *   hmp-parse.c   argument specs, expressions, /fmt (no chardev, no QOM)
 *   hmp.c         command tables, registration, help, dispatch
 *   hmp-cmds.c    the commands themselves
 */
#ifndef MONITOR_INTERNAL_H
#define MONITOR_INTERNAL_H

#include "monitor/monitor.h"
#include "monitor/hmp.h"
#include "readline.h"

/* Input is refused while this much output waits for the peer to read. */
#define MONITOR_OUT_HIGH_WATER (64 * 1024)

struct Monitor {
    CharBackend chr;
    bool has_chr;             /* false: a capture monitor (tests) */
    bool use_readline;
    ReadLineState rs;

    /* Output queue; monitor_printf may run on any thread. */
    GRecMutex out_lock;
    GString *outbuf;
    guint out_watch;          /* waiting for the backend to drain */
    bool throttled;           /* refused input because of outbuf */
    guint resume_idle;        /* pending accept_input in the main loop */

    bool opened;              /* OPENED seen since the last CLOSED */
    bool mux_seen;            /* a mux gave us the focus since OPENED */
    bool mux_out;             /* a mux took the focus: line ended */
    bool suspended;           /* after quit: no prompt, no input */

    HMPFormat fmt_default;    /* sticky xp format, as QEMU's */
};

/* A monitor without a chardev whose output collects in a buffer. */
Monitor *monitor_new_capture(void);
/* Take (and clear) what a capture monitor printed; g_free() it. */
char *monitor_capture_take(Monitor *mon);
void monitor_free(Monitor *mon);
/* After "quit": stop reading and prompting. */
void monitor_suspend(Monitor *mon);
/* Lines typed so far on mon, oldest first; NULL past the end. */
const char *monitor_get_history(Monitor *mon, int index);

/* hmp-parse.c */
struct HMPArgs {
    GPtrArray *args;          /* HMPArg * */
};
/*
 * Parse p against spec for the command called name. NULL on error with
 * *errmsg set to the message line (no trailing newline). fmt_default is
 * read and updated, as QEMU's /fmt defaults are sticky.
 */
HMPArgs *hmp_args_parse(const char *spec, const char *name, const char *p,
                        HMPFormat *fmt_default, char **errmsg);
void hmp_args_free(HMPArgs *args);
/* An expression at *pp; advances *pp. False with *errmsg on error. */
bool hmp_expr_parse(const char **pp, int64_t *val, char **errmsg);

/* hmp-cmds.c */
extern const HMPCommand hmp_builtin_cmds[];
extern const size_t hmp_builtin_cmds_count;
extern const HMPCommand hmp_builtin_info[];
extern const size_t hmp_builtin_info_count;

/* hmp.c */
void hmp_cmd_help(Monitor *mon, const HMPArgs *args);
void hmp_cmd_info(Monitor *mon, const HMPArgs *args);
/* Tab completion: command names, info subcommands, help's argument. */
void hmp_complete(Monitor *mon, const char *line, GPtrArray *out);

#endif
