/*
 * Thin pthread wrappers (include/qemu/thread.h). Names are applied only
 * with -name debug-threads=on, as in QEMU; Linux keeps 15 characters.
 */
#include "qemu/osdep.h"
#include "qemu/thread.h"
#include <sys/syscall.h>

static bool thread_naming;

typedef struct ThreadStart {
    void *(*fn)(void *);
    void *arg;
    char *name;
} ThreadStart;

void qemu_thread_naming(bool enable)
{
    thread_naming = enable;
}

static void thread_apply_name(pthread_t thread, const char *name)
{
    char buf[16];

    if (!thread_naming || !name) {
        return;
    }
    g_strlcpy(buf, name, sizeof(buf));
    pthread_setname_np(thread, buf);
}

void qemu_thread_set_name(const char *name)
{
    thread_apply_name(pthread_self(), name);
}

/* Naming from inside the new thread avoids racing with its exit. */
static void *thread_start(void *opaque)
{
    ThreadStart *start = opaque;
    void *(*fn)(void *) = start->fn;
    void *arg = start->arg;

    thread_apply_name(pthread_self(), start->name);
    g_free(start->name);
    g_free(start);
    return fn(arg);
}

void qemu_thread_create(QemuThread *thread, const char *name,
                        void *(*start_routine)(void *), void *arg)
{
    ThreadStart *start = g_new0(ThreadStart, 1);
    int err;

    start->fn = start_routine;
    start->arg = arg;
    start->name = g_strdup(name);
    err = pthread_create(&thread->thread, NULL, thread_start, start);
    if (err) {
        /* No Error ** in the contract: running out of threads is fatal. */
        g_error("qemu_thread_create: %s", g_strerror(err));
    }
}

void *qemu_thread_join(QemuThread *thread)
{
    void *ret = NULL;
    int err = pthread_join(thread->thread, &ret);

    g_assert(err == 0);
    return ret;
}

bool qemu_thread_is_self(const QemuThread *thread)
{
    return pthread_equal(pthread_self(), thread->thread);
}

int qemu_get_thread_id(void)
{
    return (int)syscall(SYS_gettid);
}
