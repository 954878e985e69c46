/*
 * The human monitor (HMP) over any chardev: "(qemu) " prompt, line editing,
 * a command table (monitor/hmp-cmds.c) and "info" subcommands.
 * QMP (-mon mode=control, -qmp) arrives in a later issue.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"

typedef struct Monitor Monitor;

/* Attach an HMP monitor to chr (a mux gets it as one more frontend). */
bool monitor_init_hmp(Chardev *chr, bool use_readline, Error **errp);
void monitor_printf(Monitor *mon, const char *fmt, ...) QEMU_PRINTF(2, 3);
void monitor_puts(Monitor *mon, const char *str);
/* Detach and free every monitor (at exit). */
void monitor_cleanup(void);

#endif
