/*
 * The fd plumbing every chardev backend shares: a GSource that polls an fd
 * only while someone wants it, non-blocking writes, and the FDChardev
 * helper the stdio, file and pipe backends are built from.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <fcntl.h>
#include "char-internal.h"

typedef struct ChrFdSource {
    GSource source;
    GPollFD pfd;
    bool polling;             /* pfd currently added to the source */
    GIOCondition cond;        /* fixed condition when want is NULL */
    ChrFdWantFunc *want;
    ChrFdReadyFunc *ready;    /* NULL: call the GSourceFunc callback */
    void *opaque;
} ChrFdSource;

static gboolean chr_fd_source_prepare(GSource *source, gint *timeout)
{
    ChrFdSource *s = (ChrFdSource *)source;
    GIOCondition cond = s->want ? s->want(s->opaque) : s->cond;

    /*
     * Adding and removing the poll record (rather than polling with no
     * events) matters: poll() reports HUP even for events == 0, which
     * would wake the loop forever while the frontend is full.
     */
    if (cond && !s->polling) {
        s->pfd.revents = 0;
        g_source_add_poll(source, &s->pfd);
        s->polling = true;
    } else if (!cond && s->polling) {
        g_source_remove_poll(source, &s->pfd);
        s->polling = false;
    }
    s->pfd.events = cond;
    *timeout = -1;
    return FALSE;
}

static gboolean chr_fd_source_check(GSource *source)
{
    ChrFdSource *s = (ChrFdSource *)source;

    return s->polling &&
           (s->pfd.revents & (s->pfd.events | G_IO_HUP | G_IO_ERR | G_IO_NVAL));
}

static gboolean chr_fd_source_dispatch(GSource *source, GSourceFunc callback,
                                       gpointer user_data)
{
    ChrFdSource *s = (ChrFdSource *)source;
    GIOCondition revents = s->pfd.revents;

    s->pfd.revents = 0;
    if (s->ready) {
        s->ready(s->opaque, revents);
        return G_SOURCE_CONTINUE;
    }
    if (!callback) {
        return G_SOURCE_REMOVE;
    }
    return callback(user_data);
}

static GSourceFuncs chr_fd_source_funcs = {
    .prepare = chr_fd_source_prepare,
    .check = chr_fd_source_check,
    .dispatch = chr_fd_source_dispatch,
};

static ChrFdSource *chr_fd_source_new(int fd)
{
    GSource *src = g_source_new(&chr_fd_source_funcs, sizeof(ChrFdSource));
    ChrFdSource *s = (ChrFdSource *)src;

    s->pfd.fd = fd;
    g_source_set_name(src, "chardev-fd");
    return s;
}

GSource *chr_fd_source_add(int fd, ChrFdWantFunc *want, ChrFdReadyFunc *ready,
                           void *opaque)
{
    ChrFdSource *s = chr_fd_source_new(fd);

    s->want = want;
    s->ready = ready;
    s->opaque = opaque;
    g_source_attach(&s->source, NULL);
    return &s->source;
}

GSource *chr_fd_watch_new(int fd, GIOCondition cond)
{
    ChrFdSource *s = chr_fd_source_new(fd);

    s->cond = cond;
    return &s->source;
}

int chr_fd_source_get_fd(GSource *src)
{
    if (!src || src->source_funcs != &chr_fd_source_funcs) {
        return -1;
    }
    return ((ChrFdSource *)src)->pfd.fd;
}

void chr_fd_source_remove(GSource **psrc)
{
    if (*psrc) {
        g_source_destroy(*psrc);
        g_source_unref(*psrc);
        *psrc = NULL;
    }
}

/*
 * Write without blocking even on fds we must not make O_NONBLOCK (stdout
 * shares its file description with stderr): ask poll() first and write at
 * most PIPE_BUF at a time, which a writable pipe or tty takes whole.
 */
int chr_fd_write_nonblock(int fd, const uint8_t *buf, int len)
{
    int done = 0;

    while (done < len) {
        struct pollfd pfd = { .fd = fd, .events = POLLOUT };
        int chunk = MIN(len - done, PIPE_BUF);
        ssize_t n;

        if (poll(&pfd, 1, 0) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (!(pfd.revents & (POLLOUT | POLLERR | POLLHUP))) {
            break;
        }
        n = write(fd, buf + done, chunk);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                break;
            }
            return done ? done : -1;
        }
        done += n;
        if (n < chunk) {
            break;
        }
    }
    return done;
}

GIOCondition chr_fd_want_input(Chardev *chr)
{
    return qemu_chr_be_can_write(chr) > 0 ? G_IO_IN : 0;
}

/* FDChardev */

static GIOCondition fd_chr_want(void *opaque)
{
    Chardev *chr = opaque;
    FDChardev *s = chr->opaque;

    return s->eof ? 0 : chr_fd_want_input(chr);
}

static void fd_chr_ready(void *opaque, GIOCondition revents)
{
    Chardev *chr = opaque;
    FDChardev *s = chr->opaque;
    uint8_t buf[4096];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (len <= 0) {
        return;
    }
    n = read(s->fd_in, buf, len);
    if (n > 0) {
        qemu_chr_be_write(chr, buf, n);
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        /* Input ended (stdin at EOF, a pipe writer gone): stop polling. */
        s->eof = true;
    }
}

void fd_chr_start(Chardev *chr, int fd_in, int fd_out, bool close_fds)
{
    FDChardev *s = chr->opaque;

    s->fd_in = fd_in;
    s->fd_out = fd_out;
    s->close_fds = close_fds;
    if (fd_in >= 0) {
        s->in_src = chr_fd_source_add(fd_in, fd_chr_want, fd_chr_ready, chr);
    }
}

int fd_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    FDChardev *s = chr->opaque;

    return chr_fd_write_nonblock(s->fd_out, buf, len);
}

GSource *fd_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    FDChardev *s = chr->opaque;

    return chr_fd_watch_new(s->fd_out, cond);
}

void fd_chr_close(Chardev *chr)
{
    FDChardev *s = chr->opaque;

    chr_fd_source_remove(&s->in_src);
    if (s->close_fds) {
        if (s->fd_in >= 0 && s->fd_in != s->fd_out) {
            close(s->fd_in);
        }
        if (s->fd_out >= 0) {
            close(s->fd_out);
        }
    }
    s->fd_in = s->fd_out = -1;
}
