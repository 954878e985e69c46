/*
 * Clocks and timers.
 *   QEMU_CLOCK_REALTIME: host monotonic time; always runs.
 *   QEMU_CLOCK_VIRTUAL:  guest time; stops while the VM is stopped
 *                        (qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false)).
 *   QEMU_CLOCK_HOST:     host wall-clock time (for RTCs).
 * Timer callbacks run in the main thread with the BQL held. timer_mod and
 * timer_del are safe from any thread that holds the BQL.
 */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

#include "qemu/osdep.h"

typedef enum QEMUClockType {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_MAX
} QEMUClockType;

#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

typedef void QEMUTimerCB(void *opaque);

typedef struct QEMUTimer {
    int64_t expire_time;      /* in the clock's ns; -1 when not pending */
    QEMUClockType type;
    int scale;
    QEMUTimerCB *cb;
    void *opaque;
    struct QEMUTimer *next;
} QEMUTimer;

int64_t qemu_clock_get_ns(QEMUClockType type);
int64_t qemu_clock_get_ms(QEMUClockType type);
int64_t get_clock_realtime(void);     /* ns since the epoch */
void qemu_clock_enable(QEMUClockType type, bool enabled);
bool qemu_clock_is_enabled(QEMUClockType type);

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque);
QEMUTimer *timer_new(QEMUClockType type, int scale, QEMUTimerCB *cb,
                     void *opaque);
#define timer_new_ns(type, cb, opaque) timer_new(type, SCALE_NS, cb, opaque)
#define timer_new_ms(type, cb, opaque) timer_new(type, SCALE_MS, cb, opaque)
/* Expire at expire_time (in the timer's scale) on its clock. */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns);
void timer_del(QEMUTimer *ts);
void timer_free(QEMUTimer *ts);       /* deletes first */
bool timer_pending(const QEMUTimer *ts);
int64_t timer_expire_time_ns(const QEMUTimer *ts); /* -1 if not pending */

/* For the main loop: ns until the earliest enabled timer (-1: none). */
int64_t timerlist_deadline_ns(void);
/* Run every expired timer; true if any ran. */
bool timerlist_run_expired(void);

#endif
