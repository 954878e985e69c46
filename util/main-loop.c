/*
 * The main loop (include/qemu/main-loop.h, docs/devel/main-loop.md):
 * glib's default GMainContext, run one iteration at a time by
 * main_loop_wait() in the main thread, with three kinds of sources:
 *   - a timer source that sleeps until the earliest enabled timer,
 *   - a bottom-half source that runs scheduled BHs,
 *   - one source per fd handler.
 * The main thread holds the BQL all the time except inside poll(): our
 * poll function drops it around the sleep so vCPU threads can get in.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"

/* ---- The big lock ---------------------------------------------------- */

static GMutex bql;
static __thread bool bql_held;

void bql_lock(void)
{
    g_assert(!bql_held);        /* not recursive: a double lock is a bug */
    g_mutex_lock(&bql);
    bql_held = true;
}

void bql_unlock(void)
{
    g_assert(bql_held);
    bql_held = false;
    g_mutex_unlock(&bql);
}

bool bql_locked(void)
{
    return bql_held;
}

/* ---- Poll without the lock ------------------------------------------ */

static GPollFunc main_loop_orig_poll;

static gint main_loop_poll(GPollFD *fds, guint nfds, gint timeout)
{
    bool unlock = timeout != 0 && bql_held;
    gint ret;

    if (unlock) {
        bql_unlock();
    }
    ret = main_loop_orig_poll(fds, nfds, timeout);
    if (unlock) {
        bql_lock();
    }
    return ret;
}

/* ---- Timers ---------------------------------------------------------- */

static gboolean timer_source_prepare(GSource *source, gint *timeout)
{
    int64_t ns = timerlist_deadline_ns();

    if (ns == 0) {
        *timeout = 0;
        return TRUE;
    }
    if (ns < 0) {
        *timeout = -1;
    } else {
        /* Round up: waking a little early would only spin. */
        int64_t ms = (ns + SCALE_MS - 1) / SCALE_MS;

        *timeout = ms > INT_MAX ? INT_MAX : (gint)ms;
    }
    return FALSE;
}

static gboolean timer_source_check(GSource *source)
{
    return timerlist_deadline_ns() == 0;
}

static gboolean timer_source_dispatch(GSource *source, GSourceFunc cb,
                                      gpointer data)
{
    timerlist_run_expired();
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs timer_source_funcs = {
    .prepare = timer_source_prepare,
    .check = timer_source_check,
    .dispatch = timer_source_dispatch,
};

/* ---- Bottom halves --------------------------------------------------- */

struct QEMUBH {
    QEMUBHFunc *cb;
    void *opaque;
    gint refcount;      /* creator + scheduled queue / running dispatch */
    bool scheduled;     /* in bh_queue; guarded by bh_lock */
    bool deleted;       /* guarded by bh_lock */
};

static GMutex bh_lock;
static GQueue bh_queue = G_QUEUE_INIT;  /* scheduled, in order */

static void bh_unref(QEMUBH *bh)
{
    if (g_atomic_int_dec_and_test(&bh->refcount)) {
        g_free(bh);
    }
}

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = g_new0(QEMUBH, 1);

    bh->cb = cb;
    bh->opaque = opaque;
    bh->refcount = 1;
    return bh;
}

void qemu_bh_schedule(QEMUBH *bh)
{
    bool wake = false;

    g_mutex_lock(&bh_lock);
    if (!bh->scheduled && !bh->deleted) {
        bh->scheduled = true;
        g_atomic_int_inc(&bh->refcount);
        g_queue_push_tail(&bh_queue, bh);
        wake = true;
    }
    g_mutex_unlock(&bh_lock);
    if (wake) {
        qemu_notify_event();
    }
}

/* Caller holds bh_lock. */
static bool bh_unqueue_locked(QEMUBH *bh)
{
    if (!bh->scheduled) {
        return false;
    }
    bh->scheduled = false;
    g_queue_remove(&bh_queue, bh);
    return true;
}

void qemu_bh_cancel(QEMUBH *bh)
{
    bool dropped;

    g_mutex_lock(&bh_lock);
    dropped = bh_unqueue_locked(bh);
    g_mutex_unlock(&bh_lock);
    if (dropped) {
        bh_unref(bh);
    }
}

void qemu_bh_delete(QEMUBH *bh)
{
    bool dropped;

    if (!bh) {
        return;
    }
    g_mutex_lock(&bh_lock);
    bh->deleted = true;
    dropped = bh_unqueue_locked(bh);
    g_mutex_unlock(&bh_lock);
    if (dropped) {
        bh_unref(bh);
    }
    bh_unref(bh);
}

static bool bh_any_scheduled(void)
{
    bool any;

    g_mutex_lock(&bh_lock);
    any = !g_queue_is_empty(&bh_queue);
    g_mutex_unlock(&bh_lock);
    return any;
}

static gboolean bh_source_prepare(GSource *source, gint *timeout)
{
    *timeout = -1;
    if (bh_any_scheduled()) {
        *timeout = 0;
        return TRUE;
    }
    return FALSE;
}

static gboolean bh_source_check(GSource *source)
{
    return bh_any_scheduled();
}

/* Runs the BHs scheduled so far; one rescheduled by its own callback
 * waits for the next iteration, so a BH runs once per schedule. */
static gboolean bh_source_dispatch(GSource *source, GSourceFunc cb,
                                   gpointer data)
{
    GQueue batch = G_QUEUE_INIT;
    QEMUBH *bh;

    g_mutex_lock(&bh_lock);
    while ((bh = g_queue_pop_head(&bh_queue))) {
        bh->scheduled = false;
        g_queue_push_tail(&batch, bh);  /* the queue's ref moves along */
    }
    g_mutex_unlock(&bh_lock);

    while ((bh = g_queue_pop_head(&batch))) {
        bool run;

        g_mutex_lock(&bh_lock);
        run = !bh->deleted;     /* an earlier callback may delete it */
        g_mutex_unlock(&bh_lock);
        if (run) {
            bh->cb(bh->opaque);
        }
        bh_unref(bh);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs bh_source_funcs = {
    .prepare = bh_source_prepare,
    .check = bh_source_check,
    .dispatch = bh_source_dispatch,
};

/* ---- fd handlers ----------------------------------------------------- */

typedef struct FdSource {
    GSource source;
    gpointer tag;
    int fd;
    IOHandler *fd_read;
    IOHandler *fd_write;
    void *opaque;
} FdSource;

#define FD_READ_COND  (G_IO_IN | G_IO_HUP | G_IO_ERR)
#define FD_WRITE_COND (G_IO_OUT | G_IO_ERR)

static GHashTable *fd_sources;  /* fd -> FdSource *; main thread only */

static gboolean fd_source_dispatch(GSource *source, GSourceFunc cb,
                                   gpointer data)
{
    FdSource *fs = (FdSource *)source;
    GIOCondition revents = g_source_query_unix_fd(source, fs->tag);

    /* Fields are re-read after each call: a handler may replace or remove
     * itself (the source stays referenced while it dispatches). */
    if ((revents & FD_READ_COND) && fs->fd_read) {
        fs->fd_read(fs->opaque);
    }
    if (!g_source_is_destroyed(source) && (revents & FD_WRITE_COND) &&
        fs->fd_write) {
        fs->fd_write(fs->opaque);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs fd_source_funcs = {
    .dispatch = fd_source_dispatch,
};

static GIOCondition fd_source_events(IOHandler *fd_read, IOHandler *fd_write)
{
    return (fd_read ? G_IO_IN : 0) | (fd_write ? G_IO_OUT : 0);
}

void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque)
{
    FdSource *fs;

    if (!fd_sources) {
        fd_sources = g_hash_table_new(g_direct_hash, g_direct_equal);
    }
    fs = g_hash_table_lookup(fd_sources, GINT_TO_POINTER(fd));
    if (!fd_read && !fd_write) {
        if (fs) {
            g_hash_table_remove(fd_sources, GINT_TO_POINTER(fd));
            g_source_destroy(&fs->source);
            g_source_unref(&fs->source);
        }
        return;
    }
    if (!fs) {
        fs = (FdSource *)g_source_new(&fd_source_funcs, sizeof(FdSource));
        fs->fd = fd;
        fs->tag = g_source_add_unix_fd(&fs->source, fd, 0);
        g_source_attach(&fs->source, NULL);
        g_hash_table_insert(fd_sources, GINT_TO_POINTER(fd), fs);
    }
    fs->fd_read = fd_read;
    fs->fd_write = fd_write;
    fs->opaque = opaque;
    g_source_modify_unix_fd(&fs->source, fs->tag,
                            fd_source_events(fd_read, fd_write));
}

/* ---- The loop -------------------------------------------------------- */

static bool main_loop_ready;

static void main_loop_add_source(GSourceFuncs *funcs, const char *name)
{
    GSource *src = g_source_new(funcs, sizeof(GSource));

    g_source_set_name(src, name);
    g_source_attach(src, NULL);
    g_source_unref(src);
}

void qemu_init_main_loop(void)
{
    GMainContext *ctx = g_main_context_default();

    if (main_loop_ready) {
        if (!bql_held) {
            bql_lock();
        }
        return;
    }
    main_loop_ready = true;
    main_loop_orig_poll = g_main_context_get_poll_func(ctx);
    g_main_context_set_poll_func(ctx, main_loop_poll);
    main_loop_add_source(&timer_source_funcs, "kestrel-timers");
    main_loop_add_source(&bh_source_funcs, "kestrel-bh");
    bql_lock();
}

void main_loop_wait(bool nonblocking)
{
    if (!main_loop_ready) {
        qemu_init_main_loop();
    }
    /* Devices run from here assume the lock; poll() alone drops it. */
    g_assert(bql_held);
    g_main_context_iteration(NULL, !nonblocking);
}

void qemu_notify_event(void)
{
    g_main_context_wakeup(NULL);
}
