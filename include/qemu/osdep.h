/* Common includes and helpers every Kestrel source file starts with. */
#ifndef QEMU_OSDEP_H
#define QEMU_OSDEP_H

#define _GNU_SOURCE 1
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <glib.h>

#define KESTREL_VERSION "0.1.0"
/* The QEMU release whose command line and monitor Kestrel follows. */
#define QEMU_COMPAT_VERSION "7.2.0"

#ifndef container_of
#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define QEMU_ALIGN_DOWN(n, m) ((n) / (m) * (m))
#define QEMU_ALIGN_UP(n, m) QEMU_ALIGN_DOWN((n) + (m) - 1, (m))
#define QEMU_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define QEMU_NORETURN __attribute__((noreturn))
#define QEMU_UNUSED __attribute__((unused))
#define QEMU_PACKED __attribute__((packed))

#define KiB (1ULL << 10)
#define MiB (1ULL << 20)
#define GiB (1ULL << 30)
#define TiB (1ULL << 40)

#endif
