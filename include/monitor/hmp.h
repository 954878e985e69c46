/*
 * HMP command tables: how modules add monitor commands and "info"
 * subcommands of their own (an accelerator's "info registers", a board's
 * "info pic").
 *
 * A command is a row of data: its names, an argument spec, the help text
 * and a handler. Register it from a type_init() constructor or at board
 * init with hmp_register_command() / hmp_register_info(); a command with
 * the same first name as an existing one replaces it, so a module can
 * supersede the monitor's fallback ("info registers" prints "No CPU
 * available" until a CPU module registers the real one).
 *
 * Argument spec ("args_type"): comma-separated "key:kind", parsed in order
 * from the rest of the line.
 *   s   one word, or a "double quoted" string with \" \\ \n \r escapes
 *   S   the rest of the line (spaces included, trimmed)
 *   l   an integer expression: numbers (C syntax: 0x, 0 octal), 'c',
 *       $register (see hmp_set_register_lookup), + - * / % & | ^ ~ ( )
 *   /   a memory-dump format "/[count][xduoci][bhwg]" (see xp)
 *   -X  a flag: true when "-X" is given (flags may come in any order)
 * A "?" after the kind makes the argument optional.
 * Errors print QEMU's messages ("qom-get: string expected", "unexpected end
 * of expression", "cont|c: extraneous characters at the end of line") and
 * the handler is not called.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include "monitor/monitor.h"

typedef struct HMPArgs HMPArgs;

typedef struct HMPCommand {
    const char *name;        /* "cont|c": name, then aliases, '|'-separated */
    const char *args_type;   /* "path:s,property:s" (spec above), "" none */
    const char *params;      /* as help shows them: "path property" */
    const char *help;        /* one line (may hold "\n\t\t\t" continuations) */
    void (*cmd)(Monitor *mon, const HMPArgs *args);
} HMPCommand;

/* The table row is used in place (keep it static). */
void hmp_register_command(const HMPCommand *cmd);
void hmp_register_info(const HMPCommand *cmd);

/* Argument access inside a handler; key as in args_type. */
bool hmp_arg_has(const HMPArgs *args, const char *key);
const char *hmp_arg_str(const HMPArgs *args, const char *key); /* or NULL */
int64_t hmp_arg_int(const HMPArgs *args, const char *key, int64_t def);
bool hmp_arg_flag(const HMPArgs *args, const char *key);

/* A parsed "/fmt": count, format letter ('x','d','u','o','c','i') and
 * size in bytes (1, 2, 4, 8; -1 for 'i' without a size). */
typedef struct HMPFormat {
    int64_t count;
    char format;
    int size;
} HMPFormat;
/* The format given for key, or the monitor's current default. */
HMPFormat hmp_arg_format(const HMPArgs *args, const char *key);

/*
 * "$name" in expressions: a CPU module installs a lookup for the current
 * vCPU's registers. Without one every register is "unknown register".
 */
typedef bool HMPRegisterLookup(const char *name, uint64_t *value);
void hmp_set_register_lookup(HMPRegisterLookup *fn);

/* Run one command line on mon, as if typed. */
void hmp_handle_command(Monitor *mon, const char *line);

#endif
