/*
 * -d item,... and -D file. Logging goes to stderr unless -D names a file.
 * qemu_log_mask(LOG_GUEST_ERROR, ...) is how devices report guest misuse.
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

#include "qemu/osdep.h"
#include "qapi/error.h"

#define CPU_LOG_TB_OUT_ASM (1 << 0)
#define CPU_LOG_TB_IN_ASM  (1 << 1)
#define CPU_LOG_TB_OP      (1 << 2)
#define CPU_LOG_INT        (1 << 4)
#define CPU_LOG_EXEC       (1 << 5)
#define CPU_LOG_TB_CPU     (1 << 8)
#define CPU_LOG_RESET      (1 << 9)
#define LOG_UNIMP          (1 << 10)
#define LOG_GUEST_ERROR    (1 << 11)
#define CPU_LOG_MMU        (1 << 12)
#define CPU_LOG_PAGE       (1 << 14)
#define LOG_STRACE         (1 << 19)

extern int qemu_loglevel;

static inline bool qemu_loglevel_mask(int mask)
{
    return (qemu_loglevel & mask) != 0;
}

void qemu_log(const char *fmt, ...) QEMU_PRINTF(1, 2);
#define qemu_log_mask(MASK, FMT, ...)                 \
    do {                                              \
        if (qemu_loglevel_mask(MASK)) {               \
            qemu_log(FMT, ##__VA_ARGS__);             \
        }                                             \
    } while (0)

/* Parse "-d" items: sets the mask or fails naming the bad item. Items QEMU
 * has but Kestrel does not are refused as not supported yet. */
bool qemu_set_log_items(const char *str, Error **errp);
/* The "-d help" text. */
void qemu_print_log_usage(FILE *f);
/* -D file: opened when logging starts; NULL means stderr. */
bool qemu_set_log_filename(const char *filename, Error **errp);
/* Lock/unlock the log file around multi-line output. */
FILE *qemu_log_trylock(void);
void qemu_log_unlock(FILE *f);

#endif
