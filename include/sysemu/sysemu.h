/* Process-wide settings from the command line. */
#ifndef SYSEMU_SYSEMU_H
#define SYSEMU_SYSEMU_H

#include "qemu/osdep.h"

extern const char *qemu_name;        /* -name guest=X */
extern char qemu_uuid_str[37];        /* -uuid, "" when none */
extern bool qemu_uuid_set;
struct Chardev;
/* The chardev behind -serial number i (NULL if none): boards read it. */
struct Chardev *serial_hd(int i);
/* -rtc base=localtime */
extern bool rtc_base_localtime;

/* The target this binary emulates: "x86_64" or "aarch64". */
const char *target_name(void);

#endif
