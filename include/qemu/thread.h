/* Threads with names (-name x,debug-threads=on shows them in ps -L, gdb). */
#ifndef QEMU_THREAD_H
#define QEMU_THREAD_H

#include "qemu/osdep.h"
#include <pthread.h>

typedef struct QemuThread {
    pthread_t thread;
} QemuThread;

/* Whether new threads get their names (debug-threads=on). */
void qemu_thread_naming(bool enable);
/* Name the calling thread (when naming is on); e.g. "main". */
void qemu_thread_set_name(const char *name);
void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *), void *arg);
void *qemu_thread_join(QemuThread *thread);
bool qemu_thread_is_self(const QemuThread *thread);
/* Kernel thread id of the caller (info cpus shows it). */
int qemu_get_thread_id(void);

#endif
