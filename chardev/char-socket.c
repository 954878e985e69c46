/*
 * socket: a unix (path=) or TCP (host=, port=) stream, as a client or as a
 * server (server=on) serving one client at a time. A server with wait=on
 * (the default) blocks in open until its first client connects; with
 * wait=off it accepts in the main loop. A disconnect sends CHR_EVENT_CLOSED
 * and a server then accepts again. Writes while disconnected are dropped.
 *
 * A client with reconnect=N connects from the main loop and retries every
 * N seconds while disconnected; the first failure is reported once.
 *
 * Not yet: telnet=, websocket= (refused with a message).
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "char-internal.h"
#include "qemu/error-report.h"

typedef struct SocketChardev {
    bool is_unix;
    bool is_server;
    bool nodelay;
    char *path;               /* unix */
    char *host;               /* tcp, as given */
    char *port;
    char *addr_str;           /* "unix:/p,server=on" / "tcp:h:p,server=on" */
    int family;               /* AF_UNSPEC unless ipv4=/ipv6= */
    guint64 reconnect;        /* client: seconds between attempts, 0: off */
    guint reconnect_timer;
    bool connect_err_reported;
    int listen_fd;
    int fd;                   /* the connection, -1 if none */
    GSource *listen_src;
    GSource *in_src;
} SocketChardev;

static void tcp_chr_disconnect(Chardev *chr);
static void tcp_chr_start_reconnect(Chardev *chr, guint first_ms);

/* "h:p", with brackets for IPv6 as QEMU prints addresses. */
static char *tcp_chr_format_addr(const struct sockaddr *sa, socklen_t len)
{
    char host[NI_MAXHOST], serv[NI_MAXSERV];

    if (getnameinfo(sa, len, host, sizeof(host), serv, sizeof(serv),
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return g_strdup("?:?");
    }
    if (sa->sa_family == AF_INET6) {
        return g_strdup_printf("[%s]:%s", host, serv);
    }
    return g_strdup_printf("%s:%s", host, serv);
}

static void tcp_chr_update_filename(Chardev *chr)
{
    SocketChardev *s = chr->opaque;
    struct sockaddr_storage local, peer;
    socklen_t llen = sizeof(local), plen = sizeof(peer);
    char *l, *p;

    if (s->fd < 0) {
        chr_set_filename(chr, g_strdup_printf("disconnected:%s", s->addr_str));
        return;
    }
    if (s->is_unix) {
        struct sockaddr_un *un = (struct sockaddr_un *)&local;

        memset(&local, 0, sizeof(local));
        getsockname(s->fd, (struct sockaddr *)&local, &llen);
        /* A client's own end has no name: QEMU shows "unix:". */
        chr_set_filename(chr, g_strdup_printf("unix:%.*s%s",
                         (int)sizeof(un->sun_path), un->sun_path,
                         s->is_server ? ",server=on" : ""));
        return;
    }
    getsockname(s->fd, (struct sockaddr *)&local, &llen);
    getpeername(s->fd, (struct sockaddr *)&peer, &plen);
    l = tcp_chr_format_addr((struct sockaddr *)&local, llen);
    p = tcp_chr_format_addr((struct sockaddr *)&peer, plen);
    chr_set_filename(chr, g_strdup_printf("tcp:%s%s <-> %s", l,
                     s->is_server ? ",server=on" : "", p));
    g_free(l);
    g_free(p);
}

static GIOCondition tcp_chr_want(void *opaque)
{
    return chr_fd_want_input(opaque);
}

static void tcp_chr_ready(void *opaque, GIOCondition revents)
{
    Chardev *chr = opaque;
    SocketChardev *s = chr->opaque;
    uint8_t buf[4096];
    int len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    ssize_t n;

    if (len <= 0) {
        return;
    }
    n = recv(s->fd, buf, len, MSG_DONTWAIT);
    if (n > 0) {
        qemu_chr_be_write(chr, buf, n);
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        tcp_chr_disconnect(chr);
    }
}

static void tcp_chr_connected(Chardev *chr, int fd, bool send_event)
{
    SocketChardev *s = chr->opaque;
    int one = 1;

    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (!s->is_unix && s->nodelay) {
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    s->fd = fd;
    tcp_chr_update_filename(chr);
    s->in_src = chr_fd_source_add(fd, tcp_chr_want, tcp_chr_ready, chr);
    if (send_event) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
}

static void tcp_chr_disconnect(Chardev *chr)
{
    SocketChardev *s = chr->opaque;

    if (s->fd < 0) {
        return;
    }
    chr_fd_source_remove(&s->in_src);
    close(s->fd);
    s->fd = -1;
    tcp_chr_update_filename(chr);
    if (s->reconnect) {
        tcp_chr_start_reconnect(chr, s->reconnect * 1000);
    }
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
}

/* -1 on EAGAIN/EINTR or error: the caller keeps waiting. */
static int tcp_chr_accept_one(SocketChardev *s)
{
    return accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
}

static GIOCondition tcp_chr_listen_want(void *opaque)
{
    Chardev *chr = opaque;
    SocketChardev *s = chr->opaque;

    /* One client at a time: later ones wait in the backlog. */
    return s->fd < 0 ? G_IO_IN : 0;
}

static void tcp_chr_listen_ready(void *opaque, GIOCondition revents)
{
    Chardev *chr = opaque;
    SocketChardev *s = chr->opaque;
    int fd = tcp_chr_accept_one(s);

    if (fd >= 0) {
        tcp_chr_connected(chr, fd, true);
    }
}

static bool tcp_chr_resolve(SocketChardev *s, bool passive,
                            struct addrinfo **res, Error **errp)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM };
    const char *host = s->host && *s->host ? s->host : NULL;
    int rc;

    hints.ai_family = s->family;
    if (passive) {
        hints.ai_flags = AI_PASSIVE;
        /* QEMU listens on 0.0.0.0 for an empty host. */
        if (!host && hints.ai_family == AF_UNSPEC) {
            hints.ai_family = AF_INET;
        }
    }
    rc = getaddrinfo(host, s->port, &hints, res);
    if (rc != 0) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   host ? host : "", s->port, gai_strerror(rc));
        return false;
    }
    return true;
}

static int tcp_chr_unix_addr(SocketChardev *s, struct sockaddr_un *un,
                             Error **errp)
{
    memset(un, 0, sizeof(*un));
    un->sun_family = AF_UNIX;
    if (strlen(s->path) >= sizeof(un->sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", s->path);
        return -1;
    }
    strcpy(un->sun_path, s->path);
    return 0;
}

static bool tcp_chr_listen(Chardev *chr, Error **errp)
{
    SocketChardev *s = chr->opaque;
    struct addrinfo *res, *ai;
    struct sockaddr_storage ss;
    socklen_t sslen = sizeof(ss);
    int fd = -1, err = 0, one = 1;
    char *a;

    if (s->is_unix) {
        struct sockaddr_un un;

        if (tcp_chr_unix_addr(s, &un, errp) < 0) {
            return false;
        }
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        unlink(s->path);
        if (fd < 0 || bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0 ||
            listen(fd, 1) < 0) {
            error_setg_errno(errp, errno, "Failed to bind socket to %s",
                             s->path);
            if (fd >= 0) {
                close(fd);
            }
            return false;
        }
        s->listen_fd = fd;
        s->addr_str = g_strdup_printf("unix:%s,server=on", s->path);
        return true;
    }
    if (!tcp_chr_resolve(s, true, &res, errp)) {
        return false;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            err = errno;
            continue;
        }
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 1) == 0) {
            break;
        }
        err = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, err, "Failed to bind socket");
        return false;
    }
    s->listen_fd = fd;
    /* The bound address, so port=0 shows the port the kernel chose. */
    getsockname(fd, (struct sockaddr *)&ss, &sslen);
    a = tcp_chr_format_addr((struct sockaddr *)&ss, sslen);
    s->addr_str = g_strdup_printf("tcp:%s,server=on", a);
    g_free(a);
    return true;
}

/*
 * wait=on: block until the first client. A signal (SIGINT/SIGTERM, whose
 * handlers vl.c installs without SA_RESTART) interrupts poll(); the quit
 * hook then decides whether the process ends.
 */
static bool tcp_chr_wait_client(Chardev *chr, Error **errp)
{
    SocketChardev *s = chr->opaque;

    info_report("QEMU waiting for connection on: %s", chr->filename);
    for (;;) {
        struct pollfd pfd = { .fd = s->listen_fd, .events = POLLIN };
        int fd;

        if (poll(&pfd, 1, -1) < 0) {
            if (errno != EINTR) {
                error_setg_errno(errp, errno, "poll on listening socket");
                return false;
            }
            if (!qemu_chr_quit_request) {
                error_setg(errp, "interrupted while waiting for connection");
                return false;
            }
            qemu_chr_quit_request();
            continue;
        }
        fd = tcp_chr_accept_one(s);
        if (fd >= 0) {
            tcp_chr_connected(chr, fd, false);
            return true;
        }
    }
}

/* A connected fd, or -1 with errp set. Blocks for the connect itself. */
static int tcp_chr_connect_fd(SocketChardev *s, Error **errp)
{
    struct addrinfo *res, *ai;
    int fd = -1, err = 0;

    if (s->is_unix) {
        struct sockaddr_un un;

        if (tcp_chr_unix_addr(s, &un, errp) < 0) {
            return -1;
        }
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
            error_setg_errno(errp, errno, "Failed to connect to '%s'", s->path);
            if (fd >= 0) {
                close(fd);
            }
            return -1;
        }
        return fd;
    }
    if (!tcp_chr_resolve(s, false, &res, errp)) {
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        err = errno;
        if (fd >= 0) {
            close(fd);
        }
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, err, "Failed to connect to '%s:%s'",
                         s->host ? s->host : "", s->port);
    }
    return fd;
}

static gboolean tcp_chr_reconnect_timer(gpointer opaque)
{
    Chardev *chr = opaque;
    SocketChardev *s = chr->opaque;
    Error *err = NULL;
    int fd = tcp_chr_connect_fd(s, &err);

    if (fd < 0) {
        /* As QEMU: say it once, then keep trying quietly. */
        if (!s->connect_err_reported) {
            error_report("Unable to connect character device %s: %s",
                         chr->label, error_get_pretty(err));
            s->connect_err_reported = true;
        }
        error_free(err);
        return G_SOURCE_CONTINUE;
    }
    s->reconnect_timer = 0;
    s->connect_err_reported = false;
    tcp_chr_connected(chr, fd, true);
    return G_SOURCE_REMOVE;
}

static void tcp_chr_start_reconnect(Chardev *chr, guint first_ms)
{
    SocketChardev *s = chr->opaque;

    if (!s->reconnect_timer) {
        /* The first try comes from the loop; later ones every N seconds. */
        s->reconnect_timer = g_timeout_add(first_ms, tcp_chr_reconnect_timer,
                                           chr);
    }
}

static gboolean tcp_chr_reconnect_first(gpointer opaque)
{
    Chardev *chr = opaque;
    SocketChardev *s = chr->opaque;

    s->reconnect_timer = 0;
    if (tcp_chr_reconnect_timer(chr) == G_SOURCE_CONTINUE) {
        tcp_chr_start_reconnect(chr, s->reconnect * 1000);
    }
    return G_SOURCE_REMOVE;
}

static bool tcp_chr_connect(Chardev *chr, bool *be_opened, Error **errp)
{
    SocketChardev *s = chr->opaque;
    int fd;

    s->addr_str = s->is_unix ? g_strdup_printf("unix:%s", s->path)
                             : g_strdup_printf("tcp:%s:%s",
                                               s->host ? s->host : "",
                                               s->port);
    if (s->reconnect) {
        /* Connect from the main loop, as QEMU does with reconnect=. */
        tcp_chr_update_filename(chr);
        s->reconnect_timer = g_idle_add(tcp_chr_reconnect_first, chr);
        *be_opened = false;
        return true;
    }
    fd = tcp_chr_connect_fd(s, errp);
    if (fd < 0) {
        return false;
    }
    tcp_chr_connected(chr, fd, false);
    return true;
}

/* Options QEMU has that Kestrel refuses rather than ignores. */
static bool tcp_chr_check_unsupported(QemuOpts *opts, bool is_server,
                                      Error **errp)
{
    static const char *const later[] = { "telnet", "websocket" };
    Error *local_err = NULL;

    for (size_t i = 0; i < ARRAY_SIZE(later); i++) {
        if (qemu_opt_get_bool(opts, later[i], false, &local_err)) {
            error_setg(errp, "socket option '%s' is not supported by "
                       "Kestrel yet", later[i]);
            return false;
        }
        if (local_err) {
            error_propagate(errp, local_err);
            return false;
        }
    }
    if (qemu_opt_get_number(opts, "reconnect", 0, &local_err) && is_server) {
        error_setg(errp, "'reconnect' option is incompatible with socket "
                   "in server listen mode");
        return false;
    }
    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    return true;
}

static bool tcp_chr_open_inner(Chardev *chr, QemuOpts *opts, bool *be_opened,
                               Error **errp)
{
    SocketChardev *s = chr->opaque;
    const char *path = qemu_opt_get(opts, "path");
    const char *host = qemu_opt_get(opts, "host");
    const char *port = qemu_opt_get(opts, "port");
    Error *local_err = NULL;
    bool wait = true, v4 = false, v6 = false;

    s->is_server = qemu_opt_get_bool(opts, "server", false, &local_err);
    if (!local_err) {
        wait = qemu_opt_get_bool(opts, "wait", true, &local_err);
    }
    if (!local_err) {
        s->nodelay = qemu_opt_get_bool(opts, "nodelay", false, &local_err);
    }
    if (!local_err) {
        v4 = qemu_opt_get_bool(opts, "ipv4", false, &local_err);
    }
    if (!local_err) {
        v6 = qemu_opt_get_bool(opts, "ipv6", false, &local_err);
    }
    if (!local_err) {
        s->reconnect = qemu_opt_get_number(opts, "reconnect", 0, &local_err);
    }
    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    if (!tcp_chr_check_unsupported(opts, s->is_server, errp)) {
        return false;
    }
    if ((path && host) || (!path && !host)) {
        error_setg(errp, "chardev: socket: exactly one of 'path' or 'host' "
                   "is required");
        return false;
    }
    if (host && !port) {
        error_setg(errp, "chardev: socket: no port given");
        return false;
    }
    s->family = v4 && !v6 ? AF_INET : v6 && !v4 ? AF_INET6 : AF_UNSPEC;
    s->is_unix = path != NULL;
    s->path = g_strdup(path);
    s->host = g_strdup(host);
    s->port = g_strdup(port);
    if (!s->is_server) {
        return tcp_chr_connect(chr, be_opened, errp);
    }
    if (!tcp_chr_listen(chr, errp)) {
        return false;
    }
    tcp_chr_update_filename(chr);
    if (wait && !tcp_chr_wait_client(chr, errp)) {
        return false;
    }
    *be_opened = s->fd >= 0;
    s->listen_src = chr_fd_source_add(s->listen_fd, tcp_chr_listen_want,
                                      tcp_chr_listen_ready, chr);
    return true;
}

static void tcp_chr_close(Chardev *chr);

static bool tcp_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    SocketChardev *s = chr->opaque;

    s->listen_fd = s->fd = -1;
    if (!tcp_chr_open_inner(chr, opts, be_opened, errp)) {
        tcp_chr_close(chr);
        return false;
    }
    return true;
}

static int tcp_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = chr->opaque;
    ssize_t n;

    if (s->fd < 0) {
        return len;
    }
    /* MSG_NOSIGNAL: a vanished peer must not raise SIGPIPE. */
    n = send(s->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return 0;
    }
    return n;
}

static GSource *tcp_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    SocketChardev *s = chr->opaque;

    if (s->fd < 0) {
        /* Nothing to wait for: writes are dropped until a client comes. */
        return g_idle_source_new();
    }
    return chr_fd_watch_new(s->fd, cond);
}

static void tcp_chr_close(Chardev *chr)
{
    SocketChardev *s = chr->opaque;

    chr_fd_source_remove(&s->in_src);
    chr_fd_source_remove(&s->listen_src);
    if (s->reconnect_timer) {
        g_source_remove(s->reconnect_timer);
        s->reconnect_timer = 0;
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
        if (s->is_unix) {
            unlink(s->path);
        }
    }
    g_free(s->path);
    g_free(s->host);
    g_free(s->port);
    g_free(s->addr_str);
}

static const char *const tcp_legacy_keys[] = {
    "server", "wait", "nodelay", "reconnect", "ipv4", "ipv6", NULL
};

/* "HOST:PORT" or "[V6HOST]:PORT" (HOST may be empty) into opts. */
static bool tcp_chr_parse_host_port(QemuOpts *opts, const char *addr,
                                    Error **errp)
{
    const char *colon = strrchr(addr, ':');
    char *host;
    size_t hl;

    if (!colon) {
        error_setg(errp, "tcp: expected [HOST]:PORT, got '%s'", addr);
        return false;
    }
    host = g_strndup(addr, colon - addr);
    hl = strlen(host);
    if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') {
        host[hl - 1] = '\0';
        memmove(host, host + 1, hl - 1);
    }
    qemu_opt_set(opts, "host", host);
    qemu_opt_set(opts, "port", colon + 1);
    g_free(host);
    return true;
}

/* "unix:PATH[,opts]" and "tcp:[HOST]:PORT[,opts]" */
static bool tcp_chr_parse_legacy(QemuOpts *opts, const char *str,
                                 Error **errp)
{
    bool is_unix = g_str_has_prefix(str, "unix:");
    const char *rest = strchr(str, ':') + 1;
    const char *comma = strchr(rest, ',');
    char *addr = g_strndup(rest, comma ? comma - rest : (long)strlen(rest));
    bool ok = true;

    if (is_unix) {
        qemu_opt_set(opts, "path", addr);
    } else {
        ok = tcp_chr_parse_host_port(opts, addr, errp);
    }
    g_free(addr);
    if (ok && comma) {
        ok = chr_legacy_parse_suffix(opts, comma + 1, tcp_legacy_keys, errp);
    }
    return ok;
}

static const char *const tcp_opt_names[] = {
    "path", "host", "port", "server", "wait", "nodelay", "reconnect",
    "telnet", "websocket", "ipv4", "ipv6", NULL
};

static const ChardevClass socket_chardev_class = {
    .name = "socket",
    .help = "unix or TCP stream socket, client or server",
    .opt_names = tcp_opt_names,
    .parse_legacy = tcp_chr_parse_legacy,
    .open = tcp_chr_open,
    .write = tcp_chr_write,
    .add_watch = tcp_chr_add_watch,
    .close = tcp_chr_close,
    .state_size = sizeof(SocketChardev),
};

static void tcp_chr_register(void)
{
    register_chardev_class(&socket_chardev_class);
}
type_init_chr(tcp_chr_register)
