/*
 * Monitor objects: an HMP monitor is one more frontend on a chardev (a
 * socket, stdio, or one port of a mux).
 *
 * Input arrives in the main loop and goes byte by byte through the line
 * editor (readline.c); a finished line runs through hmp.c. Output is queued
 * and written without blocking: what the backend does not take now waits
 * for a watch on the chardev, so no thread (least of all a vCPU calling
 * monitor_printf) ever sleeps on a slow peer. While much output is queued
 * the monitor stops taking input, which bounds the queue against a client
 * that types but never reads.
 *
 * Events: OPENED prints the banner and the prompt; CLOSED forgets the
 * half-typed line and pending output; on a mux, MUX_OUT ends the line and
 * MUX_IN shows the prompt again, as QEMU does.
 */
#include "monitor-internal.h"

/* Bytes handed to the backend per write call. */
#define MONITOR_WRITE_CHUNK 4096
/* Bytes taken per read while the output queue is short. */
#define MONITOR_READ_CHUNK 1024

static GSList *monitors;

static void monitor_flush_locked(Monitor *mon);

static gboolean monitor_resume_input(gpointer opaque)
{
    Monitor *mon = opaque;

    g_rec_mutex_lock(&mon->out_lock);
    mon->resume_idle = 0;
    mon->throttled = false;
    g_rec_mutex_unlock(&mon->out_lock);
    qemu_chr_fe_accept_input(&mon->chr);
    return G_SOURCE_REMOVE;
}

static gboolean monitor_unblocked(gpointer opaque)
{
    Monitor *mon = opaque;

    g_rec_mutex_lock(&mon->out_lock);
    mon->out_watch = 0;
    monitor_flush_locked(mon);
    g_rec_mutex_unlock(&mon->out_lock);
    return G_SOURCE_REMOVE;
}

/* Write what the backend takes now; watch for the rest. */
static void monitor_flush_locked(Monitor *mon)
{
    uint8_t chunk[MONITOR_WRITE_CHUNK];

    if (!mon->has_chr) {
        return;                     /* a capture monitor keeps its output */
    }
    while (mon->outbuf->len > 0 && !mon->out_watch) {
        int len = MIN(mon->outbuf->len, sizeof(chunk));
        int rc;

        /* A copy: the backend may call back into us and edit outbuf. */
        memcpy(chunk, mon->outbuf->str, len);
        rc = qemu_chr_fe_write(&mon->chr, chunk, len);
        if (rc < 0) {
            /* Peer gone: nobody will read this. */
            g_string_truncate(mon->outbuf, 0);
            break;
        }
        g_string_erase(mon->outbuf, 0, MIN((gsize)rc, mon->outbuf->len));
        if (rc < len && mon->outbuf->len > 0) {
            mon->out_watch = qemu_chr_fe_add_watch(&mon->chr,
                                                   G_IO_OUT | G_IO_HUP,
                                                   monitor_unblocked, mon);
            if (!mon->out_watch) {
                /* No way to wait for this backend: drop, never spin. */
                g_string_truncate(mon->outbuf, 0);
            }
            break;
        }
    }
    if (mon->throttled && mon->outbuf->len < MONITOR_OUT_HIGH_WATER &&
        !mon->resume_idle) {
        /*
         * Resume input from the main loop, not from here: we may be on a
         * vCPU thread or inside the line editor.
         */
        mon->resume_idle = g_idle_add(monitor_resume_input, mon);
    }
}

static void monitor_drop_output(Monitor *mon)
{
    g_rec_mutex_lock(&mon->out_lock);
    if (mon->out_watch) {
        g_source_remove(mon->out_watch);
        mon->out_watch = 0;
    }
    if (mon->resume_idle) {
        g_source_remove(mon->resume_idle);
        mon->resume_idle = 0;
    }
    mon->throttled = false;
    g_string_truncate(mon->outbuf, 0);
    g_rec_mutex_unlock(&mon->out_lock);
}

/* Append len bytes, "\n" becoming "\r\n" as terminals want. */
static void monitor_write(Monitor *mon, const char *str, size_t len)
{
    size_t i;

    g_rec_mutex_lock(&mon->out_lock);
    for (i = 0; i < len; i++) {
        if (str[i] == '\n') {
            g_string_append_c(mon->outbuf, '\r');
        }
        g_string_append_c(mon->outbuf, str[i]);
    }
    monitor_flush_locked(mon);
    g_rec_mutex_unlock(&mon->out_lock);
}

void monitor_puts(Monitor *mon, const char *str)
{
    if (mon && str) {
        monitor_write(mon, str, strlen(str));
    }
}

void monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    char *s;

    if (!mon) {
        return;
    }
    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    monitor_puts(mon, s);
    g_free(s);
}

static void monitor_readline_out(void *opaque, const char *buf, size_t len)
{
    monitor_write(opaque, buf, len);
}

static void monitor_readline_line(void *opaque, const char *line)
{
    Monitor *mon = opaque;

    hmp_handle_command(mon, line);
    if (!mon->suspended) {
        readline_show_prompt(&mon->rs);
    }
}

static void monitor_readline_complete(void *opaque, const char *line,
                                      GPtrArray *out)
{
    hmp_complete(opaque, line, out);
}

static int monitor_can_read(void *opaque)
{
    Monitor *mon = opaque;
    int n;

    if (mon->suspended) {
        return 0;
    }
    g_rec_mutex_lock(&mon->out_lock);
    mon->throttled = mon->outbuf->len >= MONITOR_OUT_HIGH_WATER;
    n = mon->throttled ? 0 : MONITOR_READ_CHUNK;
    g_rec_mutex_unlock(&mon->out_lock);
    return n;
}

static void monitor_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;
    int i;

    for (i = 0; i < size && !mon->suspended; i++) {
        readline_handle_byte(&mon->rs, buf[i]);
    }
}

static void monitor_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        /* Whatever a previous peer left unread is not for this one. */
        monitor_drop_output(mon);
        mon->opened = true;
        mon->mux_out = false;
        mon->mux_seen = false;
        monitor_printf(mon, "QEMU %s monitor - type 'help' for more "
                       "information\n", QEMU_COMPAT_VERSION);
        readline_restart(&mon->rs);
        if (!mon->suspended) {
            readline_show_prompt(&mon->rs);
        }
        break;
    case CHR_EVENT_CLOSED:
        mon->opened = false;
        readline_restart(&mon->rs);
        monitor_drop_output(mon);
        break;
    case CHR_EVENT_MUX_OUT:
        /*
         * As QEMU: the focus leaving before the user ever switched to us
         * (the serial port taking it at start-up) ends no line.
         */
        if (mon->opened && mon->mux_seen && !mon->mux_out &&
            !mon->suspended) {
            monitor_puts(mon, "\n");
            mon->mux_out = true;
        }
        break;
    case CHR_EVENT_MUX_IN:
        if (mon->opened && mon->mux_out && !mon->suspended) {
            readline_restart(&mon->rs);
            readline_show_prompt(&mon->rs);
        }
        mon->mux_out = false;
        mon->mux_seen = mon->opened;
        break;
    case CHR_EVENT_BREAK:
        break;
    }
}

static Monitor *monitor_new(bool use_readline)
{
    Monitor *mon = g_new0(Monitor, 1);

    mon->use_readline = use_readline;
    g_rec_mutex_init(&mon->out_lock);
    mon->outbuf = g_string_new(NULL);
    mon->fmt_default.count = 1;
    mon->fmt_default.format = 'x';
    mon->fmt_default.size = 4;
    readline_init(&mon->rs, "(qemu) ", use_readline, monitor_readline_out,
                  monitor_readline_line, mon);
    mon->rs.complete_fn = monitor_readline_complete;
    return mon;
}

bool monitor_init_hmp(Chardev *chr, bool use_readline, Error **errp)
{
    Monitor *mon;

    if (!chr) {
        error_setg(errp, "monitor needs a character device");
        return false;
    }
    mon = monitor_new(use_readline);
    if (!qemu_chr_fe_init(&mon->chr, chr, errp)) {
        monitor_free(mon);
        return false;
    }
    mon->has_chr = true;
    monitors = g_slist_append(monitors, mon);
    /* set_open: a backend already connected reports OPENED to us now. */
    qemu_chr_fe_set_handlers(&mon->chr, monitor_can_read, monitor_read,
                             monitor_event, mon, true);
    return true;
}

Monitor *monitor_new_capture(void)
{
    return monitor_new(false);
}

char *monitor_capture_take(Monitor *mon)
{
    char *s;

    g_rec_mutex_lock(&mon->out_lock);
    s = g_strdup(mon->outbuf->str);
    g_string_truncate(mon->outbuf, 0);
    g_rec_mutex_unlock(&mon->out_lock);
    return s;
}

void monitor_suspend(Monitor *mon)
{
    mon->suspended = true;
}

const char *monitor_get_history(Monitor *mon, int index)
{
    return readline_get_history(&mon->rs, index);
}

void monitor_free(Monitor *mon)
{
    monitor_drop_output(mon);
    if (mon->has_chr) {
        qemu_chr_fe_deinit(&mon->chr, false);
    }
    readline_free(&mon->rs);
    g_string_free(mon->outbuf, TRUE);
    g_rec_mutex_clear(&mon->out_lock);
    g_free(mon);
}

void monitor_cleanup(void)
{
    GSList *l;

    for (l = monitors; l; l = l->next) {
        Monitor *mon = l->data;

        /* Last chance for pending output ("quit"'s echo), without waiting. */
        g_rec_mutex_lock(&mon->out_lock);
        if (mon->out_watch) {
            g_source_remove(mon->out_watch);
            mon->out_watch = 0;
        }
        monitor_flush_locked(mon);
        if (mon->out_watch) {
            g_source_remove(mon->out_watch);
            mon->out_watch = 0;
        }
        g_rec_mutex_unlock(&mon->out_lock);
        monitor_free(mon);
    }
    g_slist_free(monitors);
    monitors = NULL;
}
