/*
 * QEMU's option syntax: "driver,key=val,flag,noflag,key2=a,,b".
 *   - the first element without '=' is the value of the implied key
 *     ("-M pc", "-device e1000", "-chardev socket,...", "-accel kvm")
 *   - a bare "key" means key=on; a bare "nokey" means key=off (QEMU's
 *     short-form booleans, still used as "server,nowait")
 *   - ",," is a literal comma inside a value
 *   - "help" or "?" anywhere (as a bare element or as a value of the implied
 *     key) sets QemuOpts.help
 * Values stay strings; typed getters parse them. Keys keep their order;
 * a repeated key keeps every occurrence and qemu_opt_get returns the last.
 */
#ifndef QEMU_OPTION_H
#define QEMU_OPTION_H

#include "qemu/osdep.h"
#include "qapi/error.h"

typedef struct QemuOpt {
    char *name;
    char *str;
    bool used;          /* set by the getters; see qemu_opts_check_unused */
} QemuOpt;

typedef struct QemuOpts {
    GPtrArray *opts;    /* QemuOpt * */
    bool help;          /* "help" or "?" was given */
} QemuOpts;

QemuOpts *qemu_opts_parse(const char *params, const char *implied_key,
                          Error **errp);
void qemu_opts_free(QemuOpts *opts);
/* Serialise back (commas doubled), for messages and info chardev. */
char *qemu_opts_to_string(QemuOpts *opts);

void qemu_opt_set(QemuOpts *opts, const char *name, const char *value);
bool qemu_opt_has(QemuOpts *opts, const char *name);
const char *qemu_opt_get(QemuOpts *opts, const char *name); /* NULL if absent */
/* Typed getters: absent -> defval; malformed -> errp set, returns defval.
 * Error words follow QEMU: "Parameter 'size' expects a size value". */
bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool defval,
                       Error **errp);
uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name,
                             uint64_t defval, Error **errp);
uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name,
                           uint64_t defval, Error **errp);
void qemu_opt_unset(QemuOpts *opts, const char *name);
/* Call fn for every key=value in order; stop early on non-zero. */
int qemu_opt_foreach(QemuOpts *opts,
                     int (*fn)(void *opaque, const char *name,
                               const char *value, Error **errp),
                     void *opaque, Error **errp);
/* Fail naming the first key never read: "Invalid parameter 'foo'". */
bool qemu_opts_check_unused(QemuOpts *opts, Error **errp);

/* Number parsing shared by options and properties. */
/* Bytes with optional suffix B/k/K/M/G/T/P/E (powers of 1024). */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);
/* As qemu_strtosz but a bare number means MiB (-m 512). */
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);
/* Whole string, base auto (0x.., 0.., decimal); -EINVAL / -ERANGE. */
int qemu_strtou64(const char *nptr, const char **end, int base,
                  uint64_t *result);
int qemu_strtoi64(const char *nptr, const char **end, int base,
                  int64_t *result);
/* on/off/yes/no/true/false/y/n. */
bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp);
/* QEMU's identifier rule for ids: a letter, then letters, digits, '-',
 * '.', '_'. */
bool id_wellformed(const char *id);
/* "help" or "?" */
bool is_help_option(const char *s);

#endif
