/*
 * The main loop: glib's default GMainContext run by the main thread. It
 * services fd handlers (chardevs, monitor), timers and bottom halves.
 *
 * The big lock (BQL) guards device state. The main thread holds it except
 * while it sleeps in poll(); vCPU threads take it only to dispatch an access
 * to a device. See docs/devel/main-loop.md.
 */
#ifndef QEMU_MAIN_LOOP_H
#define QEMU_MAIN_LOOP_H

#include "qemu/osdep.h"
#include "qapi/error.h"

/* Sets up the context, the timer source and the BQL; takes the BQL. */
void qemu_init_main_loop(void);
/* One iteration: poll (blocking unless nonblocking) and dispatch. */
void main_loop_wait(bool nonblocking);
/* Wake the main loop from any thread (e.g. after a vCPU changed state). */
void qemu_notify_event(void);

void bql_lock(void);
void bql_unlock(void);
bool bql_locked(void);  /* by the calling thread */

/* fd handlers: called in the main thread with the BQL held. Passing NULL
 * for both removes the handler. */
typedef void IOHandler(void *opaque);
void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque);

/* Bottom halves: run once, soon, in the main thread with the BQL held.
 * qemu_bh_schedule is safe from any thread. */
typedef struct QEMUBH QEMUBH;
typedef void QEMUBHFunc(void *opaque);
QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque);
void qemu_bh_schedule(QEMUBH *bh);
void qemu_bh_cancel(QEMUBH *bh);
void qemu_bh_delete(QEMUBH *bh);

#endif
