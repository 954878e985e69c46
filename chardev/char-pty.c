/*
 * pty: a new pseudo-terminal; the guest side is ours (the master), a user
 * attaches with screen/minicom to the printed /dev/pts/N. Until someone
 * opens that slave the master reports HUP; we look once a second and count
 * the backend connected only once a reader is there (output before that
 * is dropped, as QEMU does).
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include "char-internal.h"

#define PTY_POLL_MS 1000

typedef struct PtyChardev {
    int fd;                   /* master */
    bool connected;
    GSource *in_src;
    guint timer;
} PtyChardev;

static void pty_chr_set_connected(Chardev *chr, bool connected);

static bool pty_chr_peer_present(PtyChardev *s)
{
    struct pollfd pfd = { .fd = s->fd, .events = POLLOUT };

    return poll(&pfd, 1, 0) >= 0 && !(pfd.revents & POLLHUP);
}

static gboolean pty_chr_timer(gpointer opaque)
{
    Chardev *chr = opaque;
    PtyChardev *s = chr->opaque;

    if (!pty_chr_peer_present(s)) {
        return G_SOURCE_CONTINUE;
    }
    s->timer = 0;
    pty_chr_set_connected(chr, true);
    return G_SOURCE_REMOVE;
}

static GIOCondition pty_chr_want(void *opaque)
{
    Chardev *chr = opaque;
    PtyChardev *s = chr->opaque;

    return s->connected ? chr_fd_want_input(chr) : 0;
}

static void pty_chr_ready(void *opaque, GIOCondition revents)
{
    Chardev *chr = opaque;
    PtyChardev *s = chr->opaque;
    uint8_t buf[4096];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (len <= 0) {
        return;
    }
    n = read(s->fd, buf, len);
    if (n > 0) {
        qemu_chr_be_write(chr, buf, n);
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        /* EIO: the last reader closed the slave. */
        pty_chr_set_connected(chr, false);
    }
}

static void pty_chr_set_connected(Chardev *chr, bool connected)
{
    PtyChardev *s = chr->opaque;

    if (s->connected == connected) {
        return;
    }
    s->connected = connected;
    if (!connected && !s->timer) {
        s->timer = g_timeout_add(PTY_POLL_MS, pty_chr_timer, chr);
    }
    qemu_chr_be_event(chr, connected ? CHR_EVENT_OPENED : CHR_EVENT_CLOSED);
}

static bool pty_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    PtyChardev *s = chr->opaque;
    struct termios tty;
    int master, slave;
    char *name;

    if (openpty(&master, &slave, NULL, NULL, NULL) < 0) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        return false;
    }
    /* Raw on the guest's behalf; the user's program may change it. */
    if (tcgetattr(slave, &tty) == 0) {
        cfmakeraw(&tty);
        tcsetattr(slave, TCSAFLUSH, &tty);
    }
    name = g_strdup(ptsname(master));
    close(slave);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    s->fd = master;
    chr_set_filename(chr, g_strdup_printf("pty:%s", name));
    /* QEMU prints this line on stdout (qemu_printf), not stderr. */
    printf("char device redirected to %s (label %s)\n", name, chr->label);
    fflush(stdout);
    g_free(name);
    s->in_src = chr_fd_source_add(master, pty_chr_want, pty_chr_ready, chr);
    s->timer = g_timeout_add(PTY_POLL_MS, pty_chr_timer, chr);
    *be_opened = false;
    return true;
}

static int pty_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    PtyChardev *s = chr->opaque;

    if (!s->connected) {
        /* Nobody reads: drop it rather than fill the pty buffer. */
        return len;
    }
    return chr_fd_write_nonblock(s->fd, buf, len);
}

static GSource *pty_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    PtyChardev *s = chr->opaque;

    return chr_fd_watch_new(s->fd, cond);
}

static void pty_chr_close(Chardev *chr)
{
    PtyChardev *s = chr->opaque;

    chr_fd_source_remove(&s->in_src);
    if (s->timer) {
        g_source_remove(s->timer);
        s->timer = 0;
    }
    close(s->fd);
}

static const ChardevClass pty_chardev_class = {
    .name = "pty",
    .help = "a new pseudo-terminal (/dev/pts/N)",
    .open = pty_chr_open,
    .write = pty_chr_write,
    .add_watch = pty_chr_add_watch,
    .close = pty_chr_close,
    .state_size = sizeof(PtyChardev),
};

static void pty_chr_register(void)
{
    register_chardev_class(&pty_chardev_class);
}
type_init_chr(pty_chr_register)
