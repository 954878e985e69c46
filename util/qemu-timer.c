/*
 * Clocks and timers (include/qemu/timer.h).
 *
 * Each clock has one list of pending timers sorted by expiry, guarded by
 * its own mutex so timer_mod works from vCPU threads. Callbacks run in the
 * main thread (the main loop's timer source calls timerlist_run_expired)
 * with no list lock held, so they may re-arm or delete any timer.
 *
 * The virtual clock is host monotonic time minus the time it spent
 * disabled: disabling freezes it, enabling resumes from the frozen value.
 * It starts at 0 and running; whoever owns the run state disables it while
 * the VM is stopped.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "qemu/main-loop.h"
#include <time.h>

typedef struct TimerList {
    GMutex lock;
    QEMUTimer *head;        /* sorted by expire_time, earliest first */
    bool enabled;
} TimerList;

static TimerList timer_lists[QEMU_CLOCK_MAX] = {
    [QEMU_CLOCK_REALTIME] = { .enabled = true },
    [QEMU_CLOCK_VIRTUAL] = { .enabled = true },
    [QEMU_CLOCK_HOST] = { .enabled = true },
};

/* Virtual clock state, guarded by vm_clock_lock. */
static GMutex vm_clock_lock;
static bool vm_clock_started;
static int64_t vm_clock_offset;     /* virtual = monotonic - offset */
static int64_t vm_clock_frozen;     /* value while disabled */

static int64_t clock_monotonic_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t get_clock_realtime(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Caller holds vm_clock_lock. The first reading defines virtual time 0. */
static int64_t vm_clock_read_locked(void)
{
    int64_t now = clock_monotonic_ns();

    if (!vm_clock_started) {
        vm_clock_started = true;
        vm_clock_offset = now;
    }
    if (!timer_lists[QEMU_CLOCK_VIRTUAL].enabled) {
        return vm_clock_frozen;
    }
    return now - vm_clock_offset;
}

static int64_t vm_clock_read(void)
{
    int64_t v;

    g_mutex_lock(&vm_clock_lock);
    v = vm_clock_read_locked();
    g_mutex_unlock(&vm_clock_lock);
    return v;
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return clock_monotonic_ns();
    case QEMU_CLOCK_VIRTUAL:
        return vm_clock_read();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    default:
        g_assert_not_reached();
    }
}

int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}

void qemu_clock_enable(QEMUClockType type, bool enabled)
{
    TimerList *tl = &timer_lists[type];

    g_assert(type >= 0 && type < QEMU_CLOCK_MAX);
    if (type == QEMU_CLOCK_VIRTUAL) {
        g_mutex_lock(&vm_clock_lock);
        if (tl->enabled && !enabled) {
            vm_clock_frozen = vm_clock_read_locked();
        } else if (!tl->enabled && enabled) {
            vm_clock_offset = clock_monotonic_ns() - vm_clock_frozen;
        }
        tl->enabled = enabled;
        g_mutex_unlock(&vm_clock_lock);
    } else {
        tl->enabled = enabled;
    }
    if (enabled) {
        /* Its timers count again: the main loop must recompute its sleep. */
        qemu_notify_event();
    }
}

bool qemu_clock_is_enabled(QEMUClockType type)
{
    g_assert(type >= 0 && type < QEMU_CLOCK_MAX);
    return timer_lists[type].enabled;
}

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque)
{
    g_assert(type >= 0 && type < QEMU_CLOCK_MAX);
    g_assert(scale > 0);
    memset(ts, 0, sizeof(*ts));
    ts->type = type;
    ts->scale = scale;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->expire_time = -1;
}

QEMUTimer *timer_new(QEMUClockType type, int scale, QEMUTimerCB *cb,
                     void *opaque)
{
    QEMUTimer *ts = g_new(QEMUTimer, 1);

    timer_init_full(ts, type, scale, cb, opaque);
    return ts;
}

/* Caller holds tl->lock. */
static void timerlist_remove_locked(TimerList *tl, QEMUTimer *ts)
{
    QEMUTimer **pp;

    for (pp = &tl->head; *pp; pp = &(*pp)->next) {
        if (*pp == ts) {
            *pp = ts->next;
            break;
        }
    }
    ts->next = NULL;
    ts->expire_time = -1;
}

/* Caller holds tl->lock. Equal expiries keep arming order. Returns true
 * if ts became the earliest timer of its clock. */
static bool timerlist_insert_locked(TimerList *tl, QEMUTimer *ts,
                                    int64_t expire_ns)
{
    QEMUTimer **pp = &tl->head;

    while (*pp && (*pp)->expire_time <= expire_ns) {
        pp = &(*pp)->next;
    }
    ts->expire_time = expire_ns;
    ts->next = *pp;
    *pp = ts;
    return pp == &tl->head;
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns)
{
    TimerList *tl = &timer_lists[ts->type];
    bool earliest;

    /* -1 means "not pending", so the past is clamped to 0 (fires now). */
    if (expire_time_ns < 0) {
        expire_time_ns = 0;
    }
    g_mutex_lock(&tl->lock);
    if (ts->expire_time >= 0) {
        timerlist_remove_locked(tl, ts);
    }
    earliest = timerlist_insert_locked(tl, ts, expire_time_ns);
    g_mutex_unlock(&tl->lock);
    if (earliest) {
        qemu_notify_event();
    }
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    int64_t ns;

    if (expire_time > INT64_MAX / ts->scale) {
        ns = INT64_MAX;
    } else if (expire_time < 0) {
        ns = 0;
    } else {
        ns = expire_time * ts->scale;
    }
    timer_mod_ns(ts, ns);
}

void timer_del(QEMUTimer *ts)
{
    TimerList *tl = &timer_lists[ts->type];

    g_mutex_lock(&tl->lock);
    if (ts->expire_time >= 0) {
        timerlist_remove_locked(tl, ts);
    }
    g_mutex_unlock(&tl->lock);
}

void timer_free(QEMUTimer *ts)
{
    if (!ts) {
        return;
    }
    timer_del(ts);
    g_free(ts);
}

bool timer_pending(const QEMUTimer *ts)
{
    return ts->expire_time >= 0;
}

int64_t timer_expire_time_ns(const QEMUTimer *ts)
{
    return ts->expire_time;
}

int64_t timerlist_deadline_ns(void)
{
    int64_t deadline = -1;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        TimerList *tl = &timer_lists[type];
        int64_t expire, delta;

        if (!tl->enabled) {
            continue;
        }
        g_mutex_lock(&tl->lock);
        expire = tl->head ? tl->head->expire_time : -1;
        g_mutex_unlock(&tl->lock);
        if (expire < 0) {
            continue;
        }
        delta = expire - qemu_clock_get_ns(type);
        if (delta < 0) {
            delta = 0;
        }
        if (deadline < 0 || delta < deadline) {
            deadline = delta;
        }
    }
    return deadline;
}

/* Pop the earliest timer if it expired by now; NULL otherwise. */
static QEMUTimer *timerlist_pop_expired(TimerList *tl, int64_t now)
{
    QEMUTimer *ts;

    g_mutex_lock(&tl->lock);
    ts = tl->head;
    if (ts && ts->expire_time <= now) {
        timerlist_remove_locked(tl, ts);
    } else {
        ts = NULL;
    }
    g_mutex_unlock(&tl->lock);
    return ts;
}

static bool timerlist_run_clock(QEMUClockType type)
{
    TimerList *tl = &timer_lists[type];
    /* One reading per pass: a timer re-armed for "now + period" waits for
     * the next pass instead of looping here. */
    int64_t now = qemu_clock_get_ns(type);
    bool ran = false;
    QEMUTimer *ts;

    /* A callback may stop the clock (e.g. vm_stop): check every time. */
    while (tl->enabled && (ts = timerlist_pop_expired(tl, now))) {
        ts->cb(ts->opaque);
        ran = true;
    }
    return ran;
}

bool timerlist_run_expired(void)
{
    bool ran = false;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        ran |= timerlist_run_clock(type);
    }
    return ran;
}
