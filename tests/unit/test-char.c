/*
 * Unit tests for chardev/: option handling and errors, the null, file,
 * pipe, pty and socket backends driven through the main loop, the legacy
 * syntax, and the mux's focus and Ctrl-A commands.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "chardev/char.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

static char *tmpdir;

/* A frontend that records what it gets. */
typedef struct TestFe {
    CharBackend be;
    GString *in;
    int room;                     /* what can_read reports */
    int events[CHR_EVENT_CLOSED + 1];
    GString *ev_log;              /* one letter per event, in order */
} TestFe;

static int fe_can_read(void *opaque)
{
    TestFe *fe = opaque;

    return fe->room;
}

static void fe_read(void *opaque, const uint8_t *buf, int size)
{
    TestFe *fe = opaque;

    g_assert_cmpint(size, <=, fe->room);
    g_string_append_len(fe->in, (const char *)buf, size);
}

static void fe_event(void *opaque, QEMUChrEvent event)
{
    TestFe *fe = opaque;

    fe->events[event]++;
    g_string_append_c(fe->ev_log, "BOIXC"[event]);
}

static void fe_attach(TestFe *fe, Chardev *chr)
{
    memset(fe, 0, sizeof(*fe));
    fe->in = g_string_new(NULL);
    fe->ev_log = g_string_new(NULL);
    fe->room = 4096;
    g_assert_true(qemu_chr_fe_init(&fe->be, chr, &error_abort));
    qemu_chr_fe_set_handlers(&fe->be, fe_can_read, fe_read, fe_event, fe,
                             true);
}

static void fe_free(TestFe *fe)
{
    g_string_free(fe->in, TRUE);
    g_string_free(fe->ev_log, TRUE);
}

/* A guard against hangs, not a performance assertion. */
#define WAIT_UNTIL(cond)                                                \
    do {                                                                \
        gint64 end_ = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;     \
        while (!(cond)) {                                               \
            g_assert_cmpint(g_get_monotonic_time(), <, end_);           \
            main_loop_wait(true);                                       \
            g_usleep(500);                                              \
        }                                                               \
    } while (0)

static void spin_loop(int n)
{
    for (int i = 0; i < n; i++) {
        main_loop_wait(true);
        g_usleep(200);
    }
}

static Chardev *chr_from(const char *str, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(str, "backend", &error_abort);
    Chardev *chr = qemu_chr_new_from_opts(opts, errp);

    qemu_opts_free(opts);
    return chr;
}

static char *tmp_path(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

static char *info_string(void)
{
    GString *s = g_string_new(NULL);

    qemu_chr_info(s);
    return g_string_free(s, FALSE);
}

static void expect_error(const char *str, const char *msg)
{
    Error *err = NULL;

    g_assert_null(chr_from(str, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static int unix_connect(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    if (connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Read what the peer has sent until 'want' bytes arrived. */
static char *sock_read(int fd, size_t want)
{
    GString *s = g_string_new(NULL);

    while (s->len < want) {
        char buf[256];
        ssize_t n;

        WAIT_UNTIL(({
            struct pollfd p = { .fd = fd, .events = POLLIN };
            poll(&p, 1, 0) > 0;
        }));
        n = read(fd, buf, sizeof(buf));
        g_assert_cmpint(n, >, 0);
        g_string_append_len(s, buf, n);
    }
    return g_string_free(s, FALSE);
}

static void test_null(void)
{
    Chardev *chr = chr_from("null,id=n0", &error_abort);
    TestFe fe;
    char *info;

    g_assert_nonnull(chr);
    g_assert_true(qemu_chr_find("n0") == chr);
    fe_attach(&fe, chr);
    g_assert_true(qemu_chr_fe_backend_connected(&fe.be));
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"abc", 3),
                    ==, 3);
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"ab", 2),
                    ==, 2);
    info = info_string();
    g_assert_cmpstr(info, ==, "n0: filename=null\n");
    g_free(info);
    qemu_chr_fe_deinit(&fe.be, true);
    g_assert_null(qemu_chr_find("n0"));
    fe_free(&fe);
}

static void test_errors(void)
{
    Chardev *chr;
    CharBackend be2;
    Error *err = NULL;
    TestFe fe;

    expect_error("foo,id=x", "'foo' is not a valid char driver name");
    expect_error("null", "chardev: no id specified");
    expect_error("null,id=a,bar=1", "Invalid parameter 'bar'");
    expect_error("null,bar=1", "Invalid parameter 'bar'");
    expect_error("null,id=1x", "Parameter 'id' expects an identifier");
    expect_error("null,id=a,mux=maybe",
                 "Parameter 'mux' expects 'on' or 'off'");
    expect_error("null,id=a,logfile=/tmp/x",
                 "chardev option 'logfile' is not supported by Kestrel yet");
    expect_error("file,id=f", "chardev: file: no filename given");
    expect_error("file,id=f,path=/nonexistent/dir/x",
                 "Could not open '/nonexistent/dir/x': "
                 "No such file or directory");
    expect_error("pipe,id=p", "chardev: pipe: no device path given");
    expect_error("socket,id=s,host=127.0.0.1",
                 "chardev: socket: no port given");
    expect_error("socket,id=s,path=/nonexistent/sock",
                 "Failed to connect to '/nonexistent/sock': "
                 "No such file or directory");
    expect_error("socket,id=s,path=/tmp/x,server=on,wait=off,telnet=on",
                 "socket option 'telnet' is not supported by Kestrel yet");
    expect_error("socket,id=s,path=/tmp/x,server=on,reconnect=1",
                 "'reconnect' option is incompatible with socket in server "
                 "listen mode");
    expect_error("mux,id=m", "chardev: mux: no chardev given");
    expect_error("mux,id=m,chardev=zz", "mux: base chardev zz not found");
    g_assert_null(qemu_chr_find("a"));

    chr = chr_from("null,id=a", &error_abort);
    expect_error("null,id=a", "Duplicate ID 'a' for chardev");
    /* A plain chardev takes one frontend. */
    fe_attach(&fe, chr);
    g_assert_false(qemu_chr_fe_init(&be2, chr, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'a' is in use");
    error_free(err);
    err = NULL;

    g_assert_nonnull(chr_from("stdio,id=s1,signal=off", &error_abort));
    expect_error("stdio,id=s2",
                 "cannot use stdio by multiple character devices");
    qemu_chr_cleanup();
    g_assert_null(qemu_chr_find("a"));
    g_assert_false(qemu_chr_fe_backend_connected(&fe.be));
    /* Cleanup released stdio: it can be used again, and cleanup twice. */
    g_assert_nonnull(chr_from("stdio,id=s3", &error_abort));
    qemu_chr_cleanup();
    qemu_chr_cleanup();
    fe_free(&fe);
}

static void test_help(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    qemu_chr_print_help(f);
    fclose(f);
    g_assert_true(g_str_has_prefix(buf, "Available chardev backend types: \n"));
    for (const char *const *n = (const char *const[]){ "null", "stdio",
         "file", "pipe", "pty", "socket", "mux", NULL }; *n; n++) {
        char *line = g_strdup_printf("\n  %s\n", *n);
        g_assert_nonnull(strstr(buf, line));
        g_free(line);
    }
    free(buf);
}

static char *file_contents(const char *path)
{
    char *data = NULL;

    g_assert_true(g_file_get_contents(path, &data, NULL, NULL));
    return data;
}

static void test_file(void)
{
    char *path = tmp_path("out.txt");
    char *opt = g_strdup_printf("file,id=f0,path=%s", path);
    char *opt_app = g_strdup_printf("file,id=f1,path=%s,append=on", path);
    char *data;
    TestFe fe;

    g_file_set_contents(path, "old\n", -1, NULL);
    fe_attach(&fe, chr_from(opt, &error_abort));
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"hello\n", 6),
                    ==, 6);
    spin_loop(3);
    /* Output only: nothing ever comes back. */
    g_assert_cmpuint(fe.in->len, ==, 0);
    qemu_chr_fe_deinit(&fe.be, true);
    data = file_contents(path);
    g_assert_cmpstr(data, ==, "hello\n");
    g_free(data);
    fe_free(&fe);

    fe_attach(&fe, chr_from(opt_app, &error_abort));
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"more\n",
                                          5), ==, 5);
    qemu_chr_cleanup();
    data = file_contents(path);
    g_assert_cmpstr(data, ==, "hello\nmore\n");
    g_free(data);
    fe_free(&fe);

    /* Legacy form. */
    g_free(opt);
    opt = g_strdup_printf("file:%s", path);
    fe_attach(&fe, qemu_chr_new("serial0", opt, &error_abort));
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"legacy", 6);
    data = info_string();
    g_assert_cmpstr(data, ==, "serial0: filename=file\n");
    g_free(data);
    qemu_chr_cleanup();
    data = file_contents(path);
    g_assert_cmpstr(data, ==, "legacy");
    g_free(data);
    fe_free(&fe);
    unlink(path);
    g_free(opt);
    g_free(opt_app);
    g_free(path);
}

static void test_pipe(void)
{
    char *base = tmp_path("fifo");
    char *in = g_strdup_printf("%s.in", base);
    char *out = g_strdup_printf("%s.out", base);
    char *opt = g_strdup_printf("pipe,id=p0,path=%s", base);
    int win, rout;
    char buf[16];
    TestFe fe;

    g_assert_cmpint(mkfifo(in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(out, 0600), ==, 0);
    fe_attach(&fe, chr_from(opt, &error_abort));
    win = open(in, O_WRONLY | O_NONBLOCK);
    rout = open(out, O_RDONLY | O_NONBLOCK);
    g_assert_cmpint(win, >=, 0);
    g_assert_cmpint(rout, >=, 0);

    g_assert_cmpint(write(win, "to-guest", 8), ==, 8);
    WAIT_UNTIL(fe.in->len == 8);
    g_assert_cmpstr(fe.in->str, ==, "to-guest");

    /* A full frontend is not read from; it gets the rest later. */
    fe.room = 0;
    g_assert_cmpint(write(win, "xyz", 3), ==, 3);
    spin_loop(5);
    g_assert_cmpuint(fe.in->len, ==, 8);
    fe.room = 2;
    qemu_chr_fe_accept_input(&fe.be);
    WAIT_UNTIL(fe.in->len == 10);
    fe.room = 100;
    WAIT_UNTIL(fe.in->len == 11);
    g_assert_cmpstr(fe.in->str, ==, "to-guestxyz");

    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"to-host",
                                          7), ==, 7);
    g_assert_cmpint(read(rout, buf, sizeof(buf)), ==, 7);
    g_assert_cmpmem(buf, 7, "to-host", 7);
    qemu_chr_cleanup();
    close(win);
    close(rout);
    unlink(in);
    unlink(out);
    fe_free(&fe);

    /* Only path itself: used for both directions. */
    g_assert_cmpint(mkfifo(base, 0600), ==, 0);
    g_assert_nonnull(chr_from(opt, &error_abort));
    qemu_chr_cleanup();
    unlink(base);
    g_free(opt);
    opt = g_strdup_printf("pipe,id=p1,path=%s", in);
    {
        char *msg = g_strdup_printf("Could not open '%s': No such file or "
                                    "directory", in);
        expect_error(opt, msg);
        g_free(msg);
    }
    g_free(opt);
    g_free(in);
    g_free(out);
    g_free(base);
}

static void check_filename(const char *label, const char *expect)
{
    Chardev *chr = qemu_chr_find(label);

    g_assert_nonnull(chr);
    g_assert_cmpstr(chr->filename, ==, expect);
}

static void test_socket_unix_server(void)
{
    char *path = tmp_path("srv.sock");
    char *opt = g_strdup_printf("socket,id=s0,path=%s,server=on,wait=off",
                                path);
    char *disc = g_strdup_printf("disconnected:unix:%s,server=on", path);
    char *conn = g_strdup_printf("unix:%s,server=on", path);
    char *got;
    TestFe fe;
    int c;

    fe_attach(&fe, chr_from(opt, &error_abort));
    check_filename("s0", disc);
    g_assert_cmpint(fe.events[CHR_EVENT_OPENED], ==, 0);
    /* Disconnected: output is dropped, not an error. */
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"lost", 4),
                    ==, 4);

    for (int round = 1; round <= 2; round++) {
        c = unix_connect(path);
        g_assert_cmpint(c, >=, 0);
        WAIT_UNTIL(fe.events[CHR_EVENT_OPENED] == round);
        check_filename("s0", conn);
        g_assert_cmpint(write(c, "ping", 4), ==, 4);
        WAIT_UNTIL(fe.in->len == 4u * round);
        g_assert_cmpint(qemu_chr_fe_write_all(&fe.be,
                        (const uint8_t *)"pong", 4), ==, 4);
        got = sock_read(c, 4);
        g_assert_cmpstr(got, ==, "pong");
        g_free(got);
        close(c);
        WAIT_UNTIL(fe.events[CHR_EVENT_CLOSED] == round);
        check_filename("s0", disc);
    }
    g_assert_cmpstr(fe.in->str, ==, "pingping");
    g_assert_cmpstr(fe.ev_log->str, ==, "OCOC");
    /* After the peer is gone a write must not kill us with SIGPIPE. */
    qemu_chr_cleanup();
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    fe_free(&fe);
    g_free(opt);
    g_free(disc);
    g_free(conn);
    g_free(path);
}

static void test_socket_write_after_peer_gone(void)
{
    char *path = tmp_path("gone.sock");
    char *opt = g_strdup_printf("socket,id=g0,path=%s,server=on,wait=off",
                                path);
    TestFe fe;
    int c;

    fe_attach(&fe, chr_from(opt, &error_abort));
    c = unix_connect(path);
    WAIT_UNTIL(fe.events[CHR_EVENT_OPENED] == 1);
    close(c);
    /* Nobody reads the CLOSED yet (frontend full): writes hit EPIPE. */
    fe.room = 0;
    for (int i = 0; i < 4; i++) {
        qemu_chr_fe_write(&fe.be, (const uint8_t *)"x", 1);
        g_usleep(1000);
    }
    fe.room = 10;
    WAIT_UNTIL(fe.events[CHR_EVENT_CLOSED] == 1);
    qemu_chr_cleanup();
    fe_free(&fe);
    g_free(opt);
    g_free(path);
}

static int tcp_listener(int *port)
{
    struct sockaddr_in sin = { .sin_family = AF_INET };
    socklen_t len = sizeof(sin);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), ==, 0);
    g_assert_cmpint(listen(fd, 1), ==, 0);
    getsockname(fd, (struct sockaddr *)&sin, &len);
    *port = ntohs(sin.sin_port);
    return fd;
}

static void test_socket_clients(void)
{
    char *path = tmp_path("cli.sock");
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    int port, tl, c;
    char *opt, *got, *prefix;
    TestFe fe, fe2;

    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    g_assert_cmpint(bind(l, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    g_assert_cmpint(listen(l, 1), ==, 0);
    opt = g_strdup_printf("socket,id=c0,path=%s", path);
    fe_attach(&fe, chr_from(opt, &error_abort));
    /* Connected at creation: the frontend hears OPENED on attach. */
    g_assert_cmpint(fe.events[CHR_EVENT_OPENED], ==, 1);
    check_filename("c0", "unix:");
    c = accept(l, NULL, NULL);
    g_assert_cmpint(c, >=, 0);
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"hi", 2);
    got = sock_read(c, 2);
    g_assert_cmpstr(got, ==, "hi");
    g_free(got);
    g_assert_cmpint(write(c, "yo", 2), ==, 2);
    WAIT_UNTIL(fe.in->len == 2);
    close(c);
    WAIT_UNTIL(fe.events[CHR_EVENT_CLOSED] == 1);
    {
        char *d = g_strdup_printf("disconnected:unix:%s", path);
        check_filename("c0", d);
        g_free(d);
    }
    close(l);
    g_free(opt);

    tl = tcp_listener(&port);
    opt = g_strdup_printf("socket,id=c1,host=127.0.0.1,port=%d,nodelay=on",
                          port);
    fe_attach(&fe2, chr_from(opt, &error_abort));
    c = accept(tl, NULL, NULL);
    g_assert_cmpint(c, >=, 0);
    prefix = g_strdup_printf(" <-> 127.0.0.1:%d", port);
    g_assert_true(g_str_has_prefix(qemu_chr_find("c1")->filename,
                                   "tcp:127.0.0.1:"));
    g_assert_true(g_str_has_suffix(qemu_chr_find("c1")->filename, prefix));
    g_assert_cmpint(write(c, "tcp!", 4), ==, 4);
    WAIT_UNTIL(fe2.in->len == 4);
    g_assert_cmpstr(fe2.in->str, ==, "tcp!");
    close(c);
    close(tl);
    g_free(opt);
    /* Nothing listens there now. */
    opt = g_strdup_printf("socket,id=c2,host=127.0.0.1,port=%d", port);
    got = g_strdup_printf("Failed to connect to '127.0.0.1:%d': "
                          "Connection refused", port);
    expect_error(opt, got);
    g_free(got);
    g_free(prefix);
    g_free(opt);
    qemu_chr_cleanup();
    unlink(path);
    fe_free(&fe);
    fe_free(&fe2);
    g_free(path);
}

/* reconnect=1: connects from the loop, retries, reconnects after a drop. */
static void test_socket_reconnect(void)
{
    char *path = tmp_path("rc.sock");
    char *opt = g_strdup_printf("socket,id=r0,path=%s,reconnect=1", path);

    if (g_test_subprocess()) {
        struct sockaddr_un un = { .sun_family = AF_UNIX };
        char *disc = g_strdup_printf("disconnected:unix:%s", path);
        Chardev *chr;
        TestFe fe;
        int l, c;

        unlink(path);
        chr = chr_from(opt, &error_abort);
        g_assert_false(chr->be_open);
        check_filename("r0", disc);
        fe_attach(&fe, chr);
        spin_loop(20);
        g_assert_cmpint(fe.events[CHR_EVENT_OPENED], ==, 0);

        l = socket(AF_UNIX, SOCK_STREAM, 0);
        g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
        g_assert_cmpint(bind(l, (struct sockaddr *)&un, sizeof(un)), ==, 0);
        g_assert_cmpint(listen(l, 1), ==, 0);
        WAIT_UNTIL(fe.events[CHR_EVENT_OPENED] == 1);
        check_filename("r0", "unix:");
        c = accept(l, NULL, NULL);
        close(c);
        WAIT_UNTIL(fe.events[CHR_EVENT_CLOSED] == 1);
        WAIT_UNTIL(fe.events[CHR_EVENT_OPENED] == 2);
        c = accept(l, NULL, NULL);
        g_assert_cmpint(write(c, "again", 5), ==, 5);
        WAIT_UNTIL(fe.in->len == 5);
        close(c);
        close(l);
        qemu_chr_cleanup();
        unlink(path);
        fe_free(&fe);
        g_free(disc);
        g_free(opt);
        g_free(path);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    /* Reported once, however many attempts failed. */
    g_test_trap_assert_stderr("*Unable to connect character device r0: "
                              "Failed to connect to '*rc.sock': "
                              "No such file or directory\n");
    g_test_trap_assert_stderr_unmatched("*Unable*Unable*");
    g_free(opt);
    g_free(path);
}

/* Port a chardev listens on, from its "...:PORT,server=on" filename. */
static int filename_port(Chardev *chr)
{
    const char *end = strstr(chr->filename, ",server=on");
    const char *p = end;

    while (p > chr->filename && g_ascii_isdigit(p[-1])) {
        p--;
    }
    return atoi(p);
}

static int tcp_connect(int port)
{
    struct sockaddr_in sin = { .sin_family = AF_INET };
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons(port);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), ==, 0);
    return fd;
}

static void test_socket_tcp_server(void)
{
    Chardev *chr = chr_from("socket,id=t0,host=127.0.0.1,port=0,server=on,"
                            "wait=off", &error_abort);
    int port = filename_port(chr);
    char *expect = g_strdup_printf("disconnected:tcp:127.0.0.1:%d,server=on",
                                   port);
    char *prefix = g_strdup_printf("tcp:127.0.0.1:%d,server=on <-> "
                                   "127.0.0.1:", port);
    TestFe fe;
    int c;

    g_assert_cmpint(port, >, 0);
    check_filename("t0", expect);
    fe_attach(&fe, chr);
    c = tcp_connect(port);
    WAIT_UNTIL(fe.events[CHR_EVENT_OPENED] == 1);
    g_assert_true(g_str_has_prefix(chr->filename, prefix));
    g_assert_cmpint(write(c, "abc", 3), ==, 3);
    WAIT_UNTIL(fe.in->len == 3);
    close(c);
    WAIT_UNTIL(fe.events[CHR_EVENT_CLOSED] == 1);
    check_filename("t0", expect);
    qemu_chr_cleanup();
    fe_free(&fe);
    g_free(expect);
    g_free(prefix);
}

static gpointer connect_thread(gpointer opaque)
{
    const char *path = opaque;
    int fd;

    /* Retry until the chardev under test listens. */
    while ((fd = unix_connect(path)) < 0) {
        g_usleep(10000);
    }
    g_assert_cmpint(write(fd, "early", 5), ==, 5);
    return GINT_TO_POINTER(fd);
}

static void test_socket_wait(void)
{
    char *path = tmp_path("wait.sock");
    char *opt = g_strdup_printf("socket,id=w0,path=%s,server=on", path);
    GThread *t = g_thread_new("client", connect_thread, path);
    Chardev *chr;
    TestFe fe;
    int c;

    unlink(path);
    /* Blocks until the thread's client is in. */
    chr = chr_from(opt, &error_abort);
    c = GPOINTER_TO_INT(g_thread_join(t));
    g_assert_true(chr->be_open);
    fe_attach(&fe, chr);
    g_assert_cmpint(fe.events[CHR_EVENT_OPENED], ==, 1);
    WAIT_UNTIL(fe.in->len == 5);
    g_assert_cmpstr(fe.in->str, ==, "early");
    close(c);
    qemu_chr_cleanup();
    fe_free(&fe);
    g_free(opt);
    g_free(path);
}

static void alarm_handler(int sig)
{
}

static int quit_calls;

static void test_quit_exit(void)
{
    quit_calls++;
    printf("quit requested\n");
    fflush(stdout);
    _exit(0);
}

/* A signal while blocked waiting for the client: error, or quit hook. */
static void test_socket_wait_signal(void)
{
    char *path = tmp_path("sig.sock");
    char *opt = g_strdup_printf("socket,id=w1,path=%s,server=on", path);

    if (g_test_subprocess()) {
        struct sigaction sa = { .sa_handler = alarm_handler };
        Error *err = NULL;

        sigaction(SIGALRM, &sa, NULL);     /* no SA_RESTART */
        qemu_chr_quit_request = NULL;
        alarm(1);
        g_assert_null(chr_from(opt, &err));
        printf("%s\n", error_get_pretty(err));
        fflush(stdout);
        error_free(err);
        qemu_chr_quit_request = test_quit_exit;
        alarm(1);
        chr_from(opt, &err);
        exit(1);
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("interrupted while waiting for connection\n"
                              "quit requested\n");
    g_test_trap_assert_stderr("*info: QEMU waiting for connection on: "
                              "disconnected:unix:*sig.sock,server=on*");
    g_free(opt);
    g_free(path);
}

static void test_legacy(void)
{
    char *path = tmp_path("leg.sock");
    char *spec = g_strdup_printf("unix:%s,server,nowait", path);
    char *expect = g_strdup_printf("disconnected:unix:%s,server=on", path);
    Error *err = NULL;
    Chardev *chr, *tcp;
    char *info;

    chr = qemu_chr_new("serial0", spec, &error_abort);
    g_assert_nonnull(chr);
    check_filename("serial0", expect);

    tcp = qemu_chr_new("serial1", "tcp::0,server,nowait", &error_abort);
    g_assert_true(g_str_has_prefix(tcp->filename,
                                   "disconnected:tcp:0.0.0.0:"));
    g_assert_true(g_str_has_suffix(tcp->filename, ",server=on"));
    g_assert_cmpint(filename_port(tcp), >, 0);

    g_assert_null(qemu_chr_new("serial2", "none", &err));
    g_assert_null(err);
    g_assert_true(qemu_chr_new("serial3", "chardev:serial0", &error_abort)
                  == chr);
    g_assert_nonnull(qemu_chr_new("parallel0", "null", &error_abort));

    g_assert_null(qemu_chr_new("x1", "chardev:nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "chardev 'nope' not found");
    error_free(err);
    err = NULL;
    g_assert_null(qemu_chr_new("x1", "foo", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "'foo' is not a valid char driver");
    error_free(err);
    err = NULL;
    g_assert_null(qemu_chr_new("x1", "telnet::4444,server,nowait", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "not supported"));
    error_free(err);
    err = NULL;
    g_assert_null(qemu_chr_new("x1", "vc", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "not supported"));
    error_free(err);
    err = NULL;
    g_assert_null(qemu_chr_new("x1", "unix:/tmp/x,server,bogus", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Invalid parameter 'bogus'");
    error_free(err);
    err = NULL;

    /* mon:DEV is a mux around DEV, labelled DEV-base. */
    g_assert_true(qemu_chr_new("compat_monitor0", "mon:null",
                               &error_abort)->is_mux);
    check_filename("compat_monitor0", "mux");
    check_filename("compat_monitor0-base", "null");
    g_assert_true(qemu_chr_new_mux("serial4", "null", &error_abort)->is_mux);

    info = info_string();
    g_assert_nonnull(strstr(info, "parallel0: filename=null\n"));
    g_assert_nonnull(strstr(info, "compat_monitor0: filename=mux\n"));
    g_free(info);
    qemu_chr_cleanup();
    g_assert_null(qemu_chr_find("serial0"));
    g_free(spec);
    g_free(expect);
    g_free(path);
}

/* Mux tests run over a unix socket so the test can type and read. */
typedef struct MuxRig {
    Chardev *chr;
    TestFe mon, ser;
    int c;
    char *path;
} MuxRig;

static void mux_rig_init(MuxRig *r)
{
    char *opt;

    r->path = tmp_path("mux.sock");
    opt = g_strdup_printf("socket,id=m0,path=%s,server=on,wait=off,mux=on",
                          r->path);
    r->chr = chr_from(opt, &error_abort);
    g_free(opt);
    g_assert_true(r->chr->is_mux);
    /* As vl.c: the monitor attaches first, the serial port later. */
    fe_attach(&r->mon, r->chr);
    fe_attach(&r->ser, r->chr);
    g_assert_cmpint(r->mon.be.tag, ==, 0);
    g_assert_cmpint(r->ser.be.tag, ==, 1);
    r->c = unix_connect(r->path);
    WAIT_UNTIL(r->ser.events[CHR_EVENT_OPENED] == 1 &&
               r->mon.events[CHR_EVENT_OPENED] == 1);
}

static void mux_rig_free(MuxRig *r)
{
    close(r->c);
    qemu_chr_cleanup();
    fe_free(&r->mon);
    fe_free(&r->ser);
    g_free(r->path);
}

static void mux_type(MuxRig *r, const char *s)
{
    g_assert_cmpint(write(r->c, s, strlen(s)), ==, (ssize_t)strlen(s));
}

static int quit_count;

static void count_quit(void)
{
    quit_count++;
}

static void test_mux_focus(void)
{
    MuxRig r;
    char *info;

    mux_rig_init(&r);
    info = info_string();
    g_assert_nonnull(strstr(info, "m0: filename=mux\n"));
    g_assert_nonnull(strstr(info, "m0-base: filename=unix:"));
    g_free(info);
    /* The last to set handlers (the serial port) has the focus. */
    g_assert_cmpint(mux_chr_get_focus(r.chr), ==, 1);
    g_assert_cmpstr(r.mon.ev_log->str, ==, "IXO");
    g_assert_cmpstr(r.ser.ev_log->str, ==, "IO");

    mux_type(&r, "abc");
    WAIT_UNTIL(r.ser.in->len == 3);
    g_assert_cmpstr(r.ser.in->str, ==, "abc");
    g_assert_cmpuint(r.mon.in->len, ==, 0);

    /* Ctrl-A c: focus to the monitor, MUX_OUT then MUX_IN. */
    mux_type(&r, "\001cinfo");
    WAIT_UNTIL(r.mon.in->len == 4);
    g_assert_cmpstr(r.mon.in->str, ==, "info");
    g_assert_cmpstr(r.ser.in->str, ==, "abc");
    g_assert_cmpint(mux_chr_get_focus(r.chr), ==, 0);
    g_assert_cmpstr(r.ser.ev_log->str, ==, "IOX");
    g_assert_cmpstr(r.mon.ev_log->str, ==, "IXOI");

    /* And round again to the serial port. */
    mux_type(&r, "\001cx");
    WAIT_UNTIL(r.ser.in->len == 4);
    g_assert_cmpstr(r.ser.in->str, ==, "abcx");
    g_assert_cmpint(mux_chr_get_focus(r.chr), ==, 1);

    /* Ctrl-A Ctrl-A: one Ctrl-A to the focused frontend. */
    mux_type(&r, "\001\001y");
    WAIT_UNTIL(r.ser.in->len == 6);
    g_assert_cmpstr(r.ser.in->str, ==, "abcx\001y");

    /* Ctrl-A b: a break for the focused frontend only. */
    mux_type(&r, "\001b");
    WAIT_UNTIL(r.ser.events[CHR_EVENT_BREAK] == 1);
    g_assert_cmpint(r.mon.events[CHR_EVENT_BREAK], ==, 0);

    /* The API. */
    mux_chr_set_focus(r.chr, 0);
    g_assert_cmpint(mux_chr_get_focus(r.chr), ==, 0);
    mux_chr_set_focus(r.chr, 7);
    g_assert_cmpint(mux_chr_get_focus(r.chr), ==, 0);
    g_assert_cmpuint(r.mon.in->len, ==, 4);
    mux_rig_free(&r);
}

static void test_mux_commands(void)
{
    MuxRig r;
    char *got;
    const char *help =
        "\n\r"
        "C-a h    print this help\n\r"
        "C-a x    exit emulator\n\r"
        "C-a s    save disk data back to file (if -snapshot)\n\r"
        "C-a t    toggle console timestamps\n\r"
        "C-a b    send break (magic sysrq)\n\r"
        "C-a c    switch between console and monitor\n\r"
        "C-a C-a  sends C-a\n\r";

    mux_rig_init(&r);
    mux_type(&r, "\001h");
    got = sock_read(r.c, strlen(help));
    g_assert_cmpstr(got, ==, help);
    g_free(got);

    /* Output from both frontends goes out. */
    qemu_chr_fe_write_all(&r.ser.be, (const uint8_t *)"S", 1);
    qemu_chr_fe_write_all(&r.mon.be, (const uint8_t *)"M", 1);
    got = sock_read(r.c, 2);
    g_assert_cmpstr(got, ==, "SM");
    g_free(got);

    /* Ctrl-A t: timestamps at the start of each following line. */
    mux_type(&r, "\001t");
    mux_type(&r, "\001s");
    spin_loop(5);
    qemu_chr_fe_write_all(&r.ser.be, (const uint8_t *)"a\nb", 3);
    got = sock_read(r.c, 3 + 15);
    g_assert_true(g_regex_match_simple(
        "^a\n\\[\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d\\] b$", got, 0, 0));
    g_free(got);
    mux_type(&r, "\001t");
    spin_loop(5);

    /* Ctrl-A x */
    quit_count = 0;
    qemu_chr_quit_request = count_quit;
    mux_type(&r, "\001x");
    got = sock_read(r.c, 18);
    g_assert_cmpstr(got, ==, "QEMU: Terminated\n\r");
    g_free(got);
    g_assert_cmpint(quit_count, ==, 1);
    qemu_chr_quit_request = NULL;
    /* Commands never reach a frontend. */
    g_assert_cmpuint(r.ser.in->len, ==, 0);
    g_assert_cmpuint(r.mon.in->len, ==, 0);
    mux_rig_free(&r);
}

static void test_mux_buffering(void)
{
    MuxRig r;

    mux_rig_init(&r);
    /* The guest is not reading: input waits, commands still work. */
    r.ser.room = 0;
    mux_type(&r, "12345");
    spin_loop(10);
    g_assert_cmpuint(r.ser.in->len, ==, 0);
    mux_type(&r, "\001cm");
    WAIT_UNTIL(r.mon.in->len == 1);
    g_assert_cmpuint(r.ser.in->len, ==, 0);
    r.ser.room = 100;
    qemu_chr_fe_accept_input(&r.ser.be);
    WAIT_UNTIL(r.ser.in->len == 5);
    g_assert_cmpstr(r.ser.in->str, ==, "12345");
    g_assert_cmpstr(r.mon.in->str, ==, "m");

    /* A fifth frontend does not fit. */
    {
        TestFe extra[2];
        CharBackend fifth;
        Error *err = NULL;

        fe_attach(&extra[0], r.chr);
        fe_attach(&extra[1], r.chr);
        g_assert_false(qemu_chr_fe_init(&fifth, r.chr, &err));
        g_assert_cmpstr(error_get_pretty(err), ==,
                        "too many uses of multiplexed chardev 'm0'");
        error_free(err);
        qemu_chr_fe_deinit(&extra[1].be, false);
        g_assert_true(qemu_chr_fe_init(&fifth, r.chr, &error_abort));
        qemu_chr_fe_deinit(&fifth, false);
        qemu_chr_fe_deinit(&extra[0].be, false);
        fe_free(&extra[0]);
        fe_free(&extra[1]);
    }
    mux_rig_free(&r);
}

static void test_pty(void)
{
    int saved = dup(1), devnull = open("/dev/null", O_WRONLY);
    Chardev *chr;
    TestFe fe;
    char buf[16];
    int slave;

    /* Keep the "char device redirected" line out of the TAP stream. */
    fflush(stdout);
    dup2(devnull, 1);
    chr = chr_from("pty,id=pt0", &error_abort);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    close(devnull);
    g_assert_true(g_str_has_prefix(chr->filename, "pty:/dev/pts/"));
    g_assert_false(chr->be_open);
    fe_attach(&fe, chr);
    /* Nobody reads yet: output is dropped. */
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"zz", 2),
                    ==, 2);

    slave = open(chr->filename + 4, O_RDWR | O_NOCTTY);
    g_assert_cmpint(slave, >=, 0);
    WAIT_UNTIL(fe.events[CHR_EVENT_OPENED] == 1);
    g_assert_cmpint(write(slave, "in", 2), ==, 2);
    WAIT_UNTIL(fe.in->len == 2);
    g_assert_cmpstr(fe.in->str, ==, "in");
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"out\n",
                                          4), ==, 4);
    {
        struct pollfd p = { .fd = slave, .events = POLLIN };
        g_assert_cmpint(poll(&p, 1, 5000), ==, 1);
    }
    /* Raw mode: no "\r\n" translation, no echo. */
    g_assert_cmpint(read(slave, buf, sizeof(buf)), ==, 4);
    g_assert_cmpmem(buf, 4, "out\n", 4);
    close(slave);
    WAIT_UNTIL(fe.events[CHR_EVENT_CLOSED] == 1);
    qemu_chr_cleanup();
    fe_free(&fe);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    /* SIGPIPE stays fatal: the socket backend must never raise it. */
    qemu_init_main_loop();
    tmpdir = g_dir_make_tmp("test-char-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);

    g_test_add_func("/char/null", test_null);
    g_test_add_func("/char/errors", test_errors);
    g_test_add_func("/char/help", test_help);
    g_test_add_func("/char/file", test_file);
    g_test_add_func("/char/pipe", test_pipe);
    g_test_add_func("/char/socket/unix-server", test_socket_unix_server);
    g_test_add_func("/char/socket/peer-gone", test_socket_write_after_peer_gone);
    g_test_add_func("/char/socket/clients", test_socket_clients);
    g_test_add_func("/char/socket/tcp-server", test_socket_tcp_server);
    g_test_add_func("/char/socket/reconnect", test_socket_reconnect);
    g_test_add_func("/char/socket/wait", test_socket_wait);
    g_test_add_func("/char/socket/wait-signal", test_socket_wait_signal);
    g_test_add_func("/char/legacy", test_legacy);
    g_test_add_func("/char/mux/focus", test_mux_focus);
    g_test_add_func("/char/mux/commands", test_mux_commands);
    g_test_add_func("/char/mux/buffering", test_mux_buffering);
    g_test_add_func("/char/pty", test_pty);
    ret = g_test_run();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
