/* Tests for util/qemu-timer.c and util/main-loop.c: timer order and
 * re-arming, the virtual clock while disabled, bottom halves, wake-ups
 * from other threads, the BQL around poll, and fd handlers.
 * Waits are loops on main_loop_wait(false): if a wake-up is lost the test
 * hangs and meson's timeout fails it; nothing asserts on durations. */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"

static GString *trace;

static void trace_cb(void *opaque)
{
    g_assert_true(bql_locked());
    g_string_append(trace, opaque);
}

static void trace_reset(void)
{
    g_string_truncate(trace, 0);
}

static void test_order(void)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    QEMUTimer a, b, c, d;

    trace_reset();
    timer_init_full(&a, QEMU_CLOCK_REALTIME, SCALE_NS, trace_cb, "a");
    timer_init_full(&b, QEMU_CLOCK_REALTIME, SCALE_NS, trace_cb, "b");
    timer_init_full(&c, QEMU_CLOCK_REALTIME, SCALE_NS, trace_cb, "c");
    timer_init_full(&d, QEMU_CLOCK_REALTIME, SCALE_NS, trace_cb, "d");
    g_assert_false(timer_pending(&a));
    g_assert_cmpint(timer_expire_time_ns(&a), ==, -1);

    /* All in the past, armed out of order; c and d tie (arming order). */
    timer_mod_ns(&a, now - 1000);
    timer_mod_ns(&b, now - 3000);
    timer_mod_ns(&c, now - 2000);
    timer_mod_ns(&d, now - 2000);
    g_assert_true(timer_pending(&a));
    g_assert_cmpint(timer_expire_time_ns(&a), ==, now - 1000);
    g_assert_cmpint(timerlist_deadline_ns(), ==, 0);
    /* Moving a pending timer re-sorts it. */
    timer_mod_ns(&b, now - 500);
    g_assert_true(timerlist_run_expired());
    g_assert_cmpstr(trace->str, ==, "cdab");
    g_assert_false(timer_pending(&a));
    g_assert_false(timerlist_run_expired());
    g_assert_cmpint(timerlist_deadline_ns(), ==, -1);
}

static void test_scale_and_deadline(void)
{
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, trace_cb, "x");
    int64_t now_ms = qemu_clock_get_ms(QEMU_CLOCK_REALTIME);
    int64_t dl;

    timer_mod(t, now_ms + 3600 * 1000);
    g_assert_cmpint(timer_expire_time_ns(t), ==,
                    (now_ms + 3600 * 1000) * SCALE_MS);
    dl = timerlist_deadline_ns();
    g_assert_cmpint(dl, >, 3500LL * 1000 * SCALE_MS);
    g_assert_cmpint(dl, <=, 3600LL * 1000 * SCALE_MS);
    /* Huge values saturate instead of wrapping into the past. */
    timer_mod(t, INT64_MAX / 2);
    g_assert_cmpint(timer_expire_time_ns(t), ==, INT64_MAX);
    timer_free(t);
    g_assert_cmpint(timerlist_deadline_ns(), ==, -1);
}

static void test_delete(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_REALTIME, trace_cb, "d");

    trace_reset();
    timer_mod_ns(t, 0);
    timer_del(t);
    g_assert_false(timer_pending(t));
    g_assert_false(timerlist_run_expired());
    timer_del(t);                   /* deleting twice is harmless */
    timer_mod_ns(t, 0);
    timer_free(t);                  /* frees a pending timer: unlinks it */
    g_assert_false(timerlist_run_expired());
    g_assert_cmpstr(trace->str, ==, "");
}

typedef struct Rearm {
    QEMUTimer *self;
    QEMUTimer *victim;
    int count;
} Rearm;

static void rearm_cb(void *opaque)
{
    Rearm *r = opaque;

    g_assert_true(bql_locked());
    r->count++;
    timer_del(r->victim);
    if (r->count < 3) {
        timer_mod_ns(r->self, qemu_clock_get_ns(QEMU_CLOCK_REALTIME) +
                     SCALE_MS);
    }
}

static void test_rearm_from_callback(void)
{
    Rearm r = { 0 };
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);

    trace_reset();
    r.self = timer_new_ns(QEMU_CLOCK_REALTIME, rearm_cb, &r);
    r.victim = timer_new_ns(QEMU_CLOCK_REALTIME, trace_cb, "victim");
    timer_mod_ns(r.self, now + SCALE_MS);
    timer_mod_ns(r.victim, now + 2 * SCALE_MS);
    while (r.count < 3) {
        main_loop_wait(false);
    }
    g_assert_false(timer_pending(r.self));
    g_assert_false(timer_pending(r.victim));
    g_assert_cmpstr(trace->str, ==, "");
    timer_free(r.self);
    timer_free(r.victim);
}

static void self_free_cb(void *opaque)
{
    QEMUTimer **t = opaque;

    timer_free(*t);
    *t = NULL;
}

static void test_free_from_callback(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_REALTIME, self_free_cb, &t);

    timer_mod_ns(t, 0);
    while (t) {
        main_loop_wait(false);
    }
}

static void test_virtual_frozen(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_VIRTUAL, trace_cb, "v");
    int64_t r0, r1, v0, v1, v2, v3;
    const int64_t pause_ns = 20 * SCALE_MS;

    trace_reset();
    g_assert_true(qemu_clock_is_enabled(QEMU_CLOCK_VIRTUAL));
    r0 = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    v0 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    g_assert_false(qemu_clock_is_enabled(QEMU_CLOCK_VIRTUAL));
    v1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(pause_ns / 1000);
    v2 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(v1, ==, v2);
    g_assert_cmpint(v1, >=, v0);

    /* Expired on a stopped clock: neither due nor run. */
    timer_mod_ns(t, v1);
    g_assert_cmpint(timerlist_deadline_ns(), ==, -1);
    g_assert_false(timerlist_run_expired());
    main_loop_wait(true);
    g_assert_cmpstr(trace->str, ==, "");
    g_assert_true(timer_pending(t));

    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    v3 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    r1 = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    /* It resumed from the frozen value: only the enabled time counts. */
    g_assert_cmpint(v3, >=, v2);
    g_assert_cmpint(v3 - v0, <=, (r1 - r0) - pause_ns);

    while (!trace->len) {
        main_loop_wait(false);
    }
    g_assert_cmpstr(trace->str, ==, "v");
    timer_free(t);
}

/* ---- bottom halves ---- */

static int bh_count;

static void bh_count_cb(void *opaque)
{
    g_assert_true(bql_locked());
    bh_count++;
}

static void drain(void)
{
    int i;

    for (i = 0; i < 5; i++) {
        main_loop_wait(true);
    }
}

static void test_bh_once(void)
{
    QEMUBH *bh = qemu_bh_new(bh_count_cb, NULL);

    bh_count = 0;
    qemu_bh_schedule(bh);
    qemu_bh_schedule(bh);
    while (!bh_count) {
        main_loop_wait(false);
    }
    drain();
    g_assert_cmpint(bh_count, ==, 1);

    qemu_bh_schedule(bh);
    qemu_bh_cancel(bh);
    drain();
    g_assert_cmpint(bh_count, ==, 1);

    qemu_bh_schedule(bh);
    qemu_bh_delete(bh);             /* pending and deleted: never runs */
    drain();
    g_assert_cmpint(bh_count, ==, 1);
}

typedef struct BHSelf {
    QEMUBH *bh;
    QEMUBH *other;
    int runs;
} BHSelf;

static void bh_self_cb(void *opaque)
{
    BHSelf *s = opaque;

    s->runs++;
    if (s->runs == 1) {
        qemu_bh_schedule(s->bh);    /* once more, next iteration */
        qemu_bh_delete(s->other);   /* scheduled in the same batch */
    } else {
        qemu_bh_delete(s->bh);
    }
}

static void test_bh_reschedule_and_delete(void)
{
    BHSelf s = { 0 };

    bh_count = 0;
    s.bh = qemu_bh_new(bh_self_cb, &s);
    s.other = qemu_bh_new(bh_count_cb, NULL);
    qemu_bh_schedule(s.bh);
    qemu_bh_schedule(s.other);
    while (s.runs < 2) {
        main_loop_wait(false);
    }
    drain();
    g_assert_cmpint(s.runs, ==, 2);
    g_assert_cmpint(bh_count, ==, 0);
}

/* ---- other threads ---- */

static void *thread_schedule_bh(void *opaque)
{
    g_usleep(10 * 1000);    /* let the main thread block in poll first */
    qemu_bh_schedule(opaque);
    return NULL;
}

static void test_bh_from_thread(void)
{
    QEMUBH *bh = qemu_bh_new(bh_count_cb, NULL);
    QemuThread th;

    bh_count = 0;
    qemu_thread_create(&th, "bh-test", thread_schedule_bh, bh);
    while (!bh_count) {
        main_loop_wait(false);      /* nothing else can wake it */
    }
    qemu_thread_join(&th);
    qemu_bh_delete(bh);
    g_assert_cmpint(bh_count, ==, 1);
}

static volatile int vcpu_done;
static volatile int vcpu_saw_bql;

/* A "vCPU" takes the BQL: possible only while the main thread polls. */
static void *thread_take_bql(void *opaque)
{
    g_usleep(10 * 1000);
    g_assert_false(bql_locked());
    bql_lock();
    vcpu_saw_bql = bql_locked();
    g_atomic_int_set(&vcpu_done, 1);
    bql_unlock();
    qemu_notify_event();
    return NULL;
}

static void test_bql_released_in_poll(void)
{
    QemuThread th;

    g_assert_true(bql_locked());
    qemu_thread_create(&th, "vcpu-test", thread_take_bql, NULL);
    while (!g_atomic_int_get(&vcpu_done)) {
        main_loop_wait(false);
    }
    qemu_thread_join(&th);
    g_assert_true(vcpu_saw_bql);
    g_assert_true(bql_locked());
}

static int thread_timer_fired;

static void thread_timer_cb(void *opaque)
{
    thread_timer_fired = 1;
}

/* Arms a timer from another thread (holding the BQL, as the header asks)
 * while the main loop sleeps with no deadline: it must be woken. */
static void *thread_arm_timer(void *opaque)
{
    g_usleep(10 * 1000);
    bql_lock();
    timer_mod_ns(opaque, qemu_clock_get_ns(QEMU_CLOCK_REALTIME));
    bql_unlock();
    return NULL;
}

static void test_timer_from_thread(void)
{
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_REALTIME, thread_timer_cb, NULL);
    QemuThread th;

    g_assert_cmpint(timerlist_deadline_ns(), ==, -1);
    qemu_thread_create(&th, "timer-test", thread_arm_timer, t);
    while (!thread_timer_fired) {
        main_loop_wait(false);
    }
    qemu_thread_join(&th);
    timer_free(t);
}

/* ---- fd handlers ---- */

typedef struct FdTest {
    int rfd, wfd;
    int reads_a, reads_b, writes;
    bool remove_on_read;
} FdTest;

static void fd_read_a(void *opaque)
{
    FdTest *f = opaque;
    char c;

    g_assert_true(bql_locked());
    g_assert_cmpint(read(f->rfd, &c, 1), ==, 1);
    f->reads_a++;
}

static void fd_read_b(void *opaque)
{
    FdTest *f = opaque;
    char c;

    g_assert_cmpint(read(f->rfd, &c, 1), ==, 1);
    f->reads_b++;
    if (f->remove_on_read) {
        qemu_set_fd_handler(f->rfd, NULL, NULL, NULL);
    }
}

static void fd_write_once(void *opaque)
{
    FdTest *f = opaque;

    f->writes++;
    qemu_set_fd_handler(f->wfd, NULL, NULL, NULL);
}

static void test_fd_handler(void)
{
    FdTest f = { 0 };
    int fds[2];

    g_assert_cmpint(pipe(fds), ==, 0);
    f.rfd = fds[0];
    f.wfd = fds[1];

    qemu_set_fd_handler(f.rfd, fd_read_a, NULL, &f);
    g_assert_cmpint(write(f.wfd, "x", 1), ==, 1);
    while (!f.reads_a) {
        main_loop_wait(false);
    }

    /* Replace: only the new handler sees the next byte. */
    qemu_set_fd_handler(f.rfd, fd_read_b, NULL, &f);
    f.remove_on_read = true;
    g_assert_cmpint(write(f.wfd, "y", 1), ==, 1);
    while (!f.reads_b) {
        main_loop_wait(false);
    }
    /* It removed itself from inside its callback: a new byte stays. */
    g_assert_cmpint(write(f.wfd, "z", 1), ==, 1);
    drain();
    g_assert_cmpint(f.reads_a, ==, 1);
    g_assert_cmpint(f.reads_b, ==, 1);

    /* A write handler on a pipe with room fires at once. */
    qemu_set_fd_handler(f.wfd, NULL, fd_write_once, &f);
    while (!f.writes) {
        main_loop_wait(false);
    }
    drain();
    g_assert_cmpint(f.writes, ==, 1);

    qemu_set_fd_handler(f.rfd, NULL, NULL, NULL);   /* absent: no-op */
    close(f.rfd);
    close(f.wfd);
}

/* ---- threads (util/thread.c) ---- */

typedef struct ThreadInfo {
    char name[32];
    int tid;
    bool is_self;
    QemuThread *me;
} ThreadInfo;

static void *thread_report(void *opaque)
{
    ThreadInfo *info = opaque;

    pthread_getname_np(pthread_self(), info->name, sizeof(info->name));
    info->tid = qemu_get_thread_id();
    info->is_self = qemu_thread_is_self(info->me);
    return info;
}

static void test_thread_names(void)
{
    ThreadInfo info = { 0 };
    QemuThread th;
    char main_name[32];

    info.me = &th;
    qemu_thread_naming(true);
    qemu_thread_create(&th, "CPU 0/KVM with a long tail", thread_report,
                       &info);
    g_assert_true(qemu_thread_join(&th) == &info);
    g_assert_cmpstr(info.name, ==, "CPU 0/KVM with ");  /* 15 chars */
    g_assert_true(info.is_self);
    g_assert_false(qemu_thread_is_self(&th));
    g_assert_cmpint(info.tid, >, 0);
    g_assert_cmpint(info.tid, !=, qemu_get_thread_id());
    g_assert_cmpint(qemu_get_thread_id(), ==, getpid());

    /* Naming off (the default): threads keep the inherited name. */
    pthread_getname_np(pthread_self(), main_name, sizeof(main_name));
    qemu_thread_naming(false);
    qemu_thread_create(&th, "unnamed", thread_report, &info);
    qemu_thread_join(&th);
    g_assert_cmpstr(info.name, ==, main_name);
    qemu_thread_set_name("ignored");
    pthread_getname_np(pthread_self(), info.name, sizeof(info.name));
    g_assert_cmpstr(info.name, ==, main_name);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    trace = g_string_new(NULL);
    qemu_init_main_loop();
    g_assert_true(bql_locked());

    g_test_add_func("/timer/order", test_order);
    g_test_add_func("/timer/scale-and-deadline", test_scale_and_deadline);
    g_test_add_func("/timer/delete", test_delete);
    g_test_add_func("/timer/rearm-from-callback", test_rearm_from_callback);
    g_test_add_func("/timer/free-from-callback", test_free_from_callback);
    g_test_add_func("/timer/virtual-frozen", test_virtual_frozen);
    g_test_add_func("/timer/from-thread", test_timer_from_thread);
    g_test_add_func("/main-loop/bh-once", test_bh_once);
    g_test_add_func("/main-loop/bh-reschedule-delete",
                    test_bh_reschedule_and_delete);
    g_test_add_func("/main-loop/bh-from-thread", test_bh_from_thread);
    g_test_add_func("/main-loop/bql-released-in-poll",
                    test_bql_released_in_poll);
    g_test_add_func("/main-loop/fd-handler", test_fd_handler);
    g_test_add_func("/thread/names", test_thread_names);
    ret = g_test_run();
    g_string_free(trace, TRUE);
    return ret;
}
