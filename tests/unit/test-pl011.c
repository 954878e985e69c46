/*
 * Unit tests for hw/char/pl011.c: the PL011 UART driven through guest
 * physical accesses, with a pipe chardev whose other ends (P.in, P.out)
 * the test holds. Register facts from ARM DDI 0183, written out here
 * rather than taken from the device's own definitions.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <sys/stat.h>
#include "hw/char/pl011.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

#define UART_BASE 0x09000000

#define DR      0x000
#define RSR     0x004
#define FR      0x018
#define ILPR    0x020
#define IBRD    0x024
#define FBRD    0x028
#define LCR_H   0x02c
#define CR      0x030
#define IFLS    0x034
#define IMSC    0x038
#define RIS     0x03c
#define MIS     0x040
#define ICR     0x044
#define DMACR   0x048

#define FR_BUSY 0x08
#define FR_RXFE 0x10
#define FR_TXFF 0x20
#define FR_RXFF 0x40
#define FR_TXFE 0x80

#define FEN     0x10
#define CR_ON   0x301           /* UARTEN | TXE | RXE */

#define INT_RX  0x10
#define INT_TX  0x20
#define INT_RT  0x40
#define INT_BE  0x200
#define INT_OE  0x400

static char *tmpdir;

/* One UART on a pipe chardev, the test holding the far ends. */
typedef struct Uart {
    DeviceState *dev;
    Chardev *chr;
    qemu_irq irq;
    int level;                  /* last level the UART drove */
    int irq_changes;
    char *base;
    int to_uart;                /* writes reach the UART's input */
    int from_uart;              /* reads see the UART's output */
} Uart;

static void uart_irq_handler(void *opaque, int n, int level)
{
    Uart *u = opaque;

    u->level = level;
    u->irq_changes++;
}

/* A guard against hangs, not a performance assertion. */
#define WAIT_UNTIL(cond)                                                \
    do {                                                                \
        gint64 end_ = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;     \
        while (!(cond)) {                                               \
            g_assert_cmpint(g_get_monotonic_time(), <, end_);           \
            main_loop_wait(true);                                       \
            g_usleep(200);                                              \
        }                                                               \
    } while (0)

static void spin_loop(int n)
{
    for (int i = 0; i < n; i++) {
        main_loop_wait(true);
        g_usleep(200);
    }
}

static Chardev *chr_from(const char *str)
{
    QemuOpts *opts = qemu_opts_parse(str, "backend", &error_abort);
    Chardev *chr = qemu_chr_new_from_opts(opts, &error_abort);

    qemu_opts_free(opts);
    return chr;
}

static void uart_start(Uart *u, bool with_chardev)
{
    static int n;

    memset(u, 0, sizeof(*u));
    u->level = -1;
    u->to_uart = u->from_uart = -1;
    u->dev = qdev_new(TYPE_PL011);
    if (with_chardev) {
        char *in, *out, *opt;

        u->base = g_strdup_printf("%s/uart%d", tmpdir, n++);
        in = g_strdup_printf("%s.in", u->base);
        out = g_strdup_printf("%s.out", u->base);
        g_assert_cmpint(mkfifo(in, 0600), ==, 0);
        g_assert_cmpint(mkfifo(out, 0600), ==, 0);
        opt = g_strdup_printf("pipe,id=ser0,path=%s", u->base);
        u->chr = chr_from(opt);
        u->to_uart = open(in, O_WRONLY | O_NONBLOCK);
        u->from_uart = open(out, O_RDONLY | O_NONBLOCK);
        g_assert_cmpint(u->to_uart, >=, 0);
        g_assert_cmpint(u->from_uart, >=, 0);
        g_assert_true(object_property_parse(OBJECT(u->dev), "chardev",
                                            "ser0", &error_abort));
        g_free(in);
        g_free(out);
        g_free(opt);
    }
    g_assert_true(sysbus_realize_and_unref(SYS_BUS_DEVICE(u->dev),
                                           &error_abort));
    sysbus_mmio_map(SYS_BUS_DEVICE(u->dev), 0, UART_BASE);
    u->irq = qemu_allocate_irq(uart_irq_handler, u, 0);
    sysbus_connect_irq(SYS_BUS_DEVICE(u->dev), 0, u->irq);
}

static void uart_stop(Uart *u)
{
    qdev_unrealize(u->dev);
    qemu_chr_cleanup();
    qemu_free_irq(u->irq);
    if (u->base) {
        char *in = g_strdup_printf("%s.in", u->base);
        char *out = g_strdup_printf("%s.out", u->base);

        close(u->to_uart);
        close(u->from_uart);
        unlink(in);
        unlink(out);
        g_free(in);
        g_free(out);
        g_free(u->base);
    }
}

static uint32_t rd(hwaddr off)
{
    uint8_t b[4];

    g_assert_cmpint(address_space_read(&address_space_memory,
                                       UART_BASE + off, b, 4), ==, MEMTX_OK);
    return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
}

static void wr(hwaddr off, uint32_t val)
{
    uint8_t b[4] = { val, val >> 8, val >> 16, val >> 24 };

    g_assert_cmpint(address_space_write(&address_space_memory,
                                        UART_BASE + off, b, 4), ==, MEMTX_OK);
}

static void wr8(hwaddr off, uint8_t val)
{
    g_assert_cmpint(address_space_write(&address_space_memory,
                                        UART_BASE + off, &val, 1), ==,
                    MEMTX_OK);
}

/* Feed input as a backend does: only what the UART says it can take. */
static int feed(Uart *u, const char *str)
{
    int room = qemu_chr_be_can_write(u->chr);
    int len = MIN(room, (int)strlen(str));

    qemu_chr_be_write(u->chr, (const uint8_t *)str, len);
    return len;
}

/* Everything the UART has sent so far. */
static GString *drain_output(Uart *u)
{
    GString *s = g_string_new(NULL);
    char buf[256];
    ssize_t n;

    while ((n = read(u->from_uart, buf, sizeof(buf))) > 0) {
        g_string_append_len(s, buf, n);
    }
    return s;
}

static void assert_output(Uart *u, const char *expect)
{
    GString *s = drain_output(u);

    g_assert_cmpstr(s->str, ==, expect);
    g_string_free(s, TRUE);
}

static void test_id_registers(void)
{
    static const uint8_t id[8] = {
        0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1,
    };
    Uart u;
    uint8_t b;

    uart_start(&u, false);
    for (int i = 0; i < 8; i++) {
        g_assert_cmphex(rd(0xfe0 + 4 * i), ==, id[i]);
    }
    /* A byte read, as some probes do. */
    address_space_read(&address_space_memory, UART_BASE + 0xffc, &b, 1);
    g_assert_cmphex(b, ==, 0xb1);
    uart_stop(&u);
}

static void test_reset_values(void)
{
    Uart u;

    uart_start(&u, true);
    g_assert_cmphex(rd(FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(rd(CR), ==, 0x300);
    g_assert_cmphex(rd(IFLS), ==, 0x12);
    g_assert_cmphex(rd(RSR), ==, 0);
    g_assert_cmphex(rd(ILPR), ==, 0);
    g_assert_cmphex(rd(IBRD), ==, 0);
    g_assert_cmphex(rd(FBRD), ==, 0);
    g_assert_cmphex(rd(LCR_H), ==, 0);
    g_assert_cmphex(rd(IMSC), ==, 0);
    g_assert_cmphex(rd(RIS), ==, 0);
    g_assert_cmphex(rd(MIS), ==, 0);
    g_assert_cmphex(rd(DMACR), ==, 0);
    uart_stop(&u);
}

static void test_plain_registers(void)
{
    Uart u;

    uart_start(&u, false);
    /* Writable bits only: ILPR 8, IBRD 16, FBRD 6, LCR_H 8, IFLS 6. */
    wr(ILPR, 0xffffffff);
    wr(IBRD, 0xffffffff);
    wr(FBRD, 0xffffffff);
    wr(LCR_H, 0x7e);
    wr(IFLS, 0xffffffff);
    wr(IMSC, 0xffffffff);
    g_assert_cmphex(rd(ILPR), ==, 0xff);
    g_assert_cmphex(rd(IBRD), ==, 0xffff);
    g_assert_cmphex(rd(FBRD), ==, 0x3f);
    g_assert_cmphex(rd(LCR_H), ==, 0x7e);
    g_assert_cmphex(rd(IFLS), ==, 0x3f);
    g_assert_cmphex(rd(IMSC), ==, 0x7ff);
    /* 16-bit access, as Linux's amba-pl011 makes them. */
    {
        uint16_t v = 0;

        address_space_read(&address_space_memory, UART_BASE + CR, &v, 2);
        g_assert_cmphex(v, ==, 0x300);
        v = 0x0b01;
        address_space_write(&address_space_memory, UART_BASE + CR, &v, 2);
        g_assert_cmphex(rd(CR), ==, 0x0b01);
    }
    uart_stop(&u);
}

static void test_tx(void)
{
    Uart u;
    const char *msg = "hello, world\n";

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(LCR_H, FEN | 0x60);
    for (const char *p = msg; *p; p++) {
        /* Mixed widths: earlycon writes bytes, the driver words. */
        if ((p - msg) & 1) {
            wr8(DR, *p);
        } else {
            wr(DR, 0xf00 | (uint8_t)*p);    /* bits above 7 ignored */
        }
        g_assert_cmphex(rd(FR) & (FR_TXFE | FR_BUSY | FR_TXFF), ==, FR_TXFE);
    }
    assert_output(&u, msg);

    /* TX: raised by a write that leaves the FIFO at/below its level. */
    g_assert_cmphex(rd(RIS), ==, INT_TX);
    g_assert_cmpint(u.level, !=, 1);
    wr(IMSC, INT_TX);
    g_assert_cmpint(u.level, ==, 1);
    g_assert_cmphex(rd(MIS), ==, INT_TX);
    wr(ICR, INT_TX);
    g_assert_cmpint(u.level, ==, 0);
    g_assert_cmphex(rd(RIS), ==, 0);
    wr(DR, 'x');
    g_assert_cmpint(u.level, ==, 1);
    assert_output(&u, "x");

    /* Sent even while disabled, as QEMU does. */
    wr(CR, 0);
    wr(DR, 'y');
    assert_output(&u, "y");
    uart_stop(&u);
}

/* Fill the pipe behind the UART's output so the chardev takes nothing. */
static size_t clog_output(Uart *u)
{
    char *out = g_strdup_printf("%s.out", u->base);
    int fd = open(out, O_WRONLY | O_NONBLOCK);
    char junk[512];
    size_t total = 0;
    ssize_t n;

    g_assert_cmpint(fd, >=, 0);
    fcntl(fd, F_SETPIPE_SZ, 4096);
    memset(junk, '.', sizeof(junk));
    while ((n = write(fd, junk, sizeof(junk))) > 0) {
        total += n;
    }
    g_assert_cmpint(errno, ==, EAGAIN);
    close(fd);
    g_free(out);
    return total;
}

/* Read exactly n bytes of output, letting the main loop run meanwhile. */
static GString *collect_output(Uart *u, size_t n)
{
    GString *s = g_string_new(NULL);

    WAIT_UNTIL(({
        GString *more = drain_output(u);
        g_string_append_len(s, more->str, more->len);
        g_string_free(more, TRUE);
        s->len >= n;
    }));
    return s;
}

static void test_tx_backpressure(void)
{
    Uart u;
    size_t junk;
    GString *s;
    char expect[17];

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(LCR_H, FEN);
    wr(IMSC, INT_TX);
    junk = clog_output(&u);

    /* Held in the FIFO: busy, not empty; TX stays up to the level (8). */
    for (int i = 0; i < 8; i++) {
        wr(DR, 'a' + i);
        g_assert_cmphex(rd(FR) & (FR_TXFE | FR_BUSY | FR_TXFF), ==, FR_BUSY);
        g_assert_cmphex(rd(RIS) & INT_TX, ==, INT_TX);
    }
    wr(DR, 'a' + 8);
    g_assert_cmphex(rd(RIS) & INT_TX, ==, 0);
    g_assert_cmpint(u.level, ==, 0);
    for (int i = 9; i < 16; i++) {
        g_assert_cmphex(rd(FR) & FR_TXFF, ==, 0);
        wr(DR, 'a' + i);
    }
    g_assert_cmphex(rd(FR) & (FR_TXFE | FR_BUSY | FR_TXFF), ==,
                    FR_BUSY | FR_TXFF);
    wr(DR, '!');                  /* full: dropped */

    /* The reader catches up: the watch sends the FIFO, TX comes back. */
    s = collect_output(&u, junk + 16);
    for (int i = 0; i < 16; i++) {
        expect[i] = 'a' + i;
    }
    expect[16] = 0;
    g_assert_cmpuint(s->len, ==, junk + 16);
    g_assert_cmpstr(s->str + junk, ==, expect);
    g_string_free(s, TRUE);
    WAIT_UNTIL(rd(FR) & FR_TXFE);
    g_assert_cmphex(rd(FR) & (FR_TXFE | FR_BUSY | FR_TXFF), ==, FR_TXFE);
    g_assert_cmphex(rd(RIS) & INT_TX, ==, INT_TX);
    g_assert_cmpint(u.level, ==, 1);

    /* Without FIFOs the holding register is full after one byte. */
    wr(LCR_H, 0);
    junk = clog_output(&u);
    wr(DR, 'z');
    g_assert_cmphex(rd(FR) & (FR_TXFE | FR_BUSY | FR_TXFF), ==,
                    FR_BUSY | FR_TXFF);
    g_assert_cmphex(rd(RIS) & INT_TX, ==, 0);
    s = collect_output(&u, junk + 1);
    g_assert_cmpstr(s->str + junk, ==, "z");
    g_string_free(s, TRUE);
    WAIT_UNTIL(rd(FR) & FR_TXFE);
    g_assert_cmphex(rd(RIS) & INT_TX, ==, INT_TX);
    uart_stop(&u);
}

static void test_rx_fifo(void)
{
    Uart u;
    const char *in = "0123456789abcdefXYZ";

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(LCR_H, FEN);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 16);
    g_assert_cmpint(feed(&u, in), ==, 16);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 0);
    g_assert_cmphex(rd(FR) & (FR_RXFE | FR_RXFF), ==, FR_RXFF);
    for (int i = 0; i < 16; i++) {
        g_assert_cmphex(rd(DR), ==, (uint8_t)in[i]);
        g_assert_cmphex(rd(RSR), ==, 0);
    }
    g_assert_cmphex(rd(FR) & (FR_RXFE | FR_RXFF), ==, FR_RXFE);
    g_assert_cmphex(rd(RIS) & INT_OE, ==, 0);
    /* Reading an empty FIFO is harmless. */
    g_assert_cmphex(rd(DR), ==, 0);

    /* A backend ignoring can_read overruns: the FIFO keeps its bytes. */
    qemu_chr_be_write(u.chr, (const uint8_t *)in, 18);
    g_assert_cmphex(rd(RIS) & INT_OE, ==, INT_OE);
    g_assert_cmphex(rd(RSR), ==, 0x8);
    for (int i = 0; i < 16; i++) {
        g_assert_cmphex(rd(DR), ==, (uint8_t)in[i]);
    }
    /* The next char stored carries OE (DR bit 11); ECR clears RSR. */
    feed(&u, "n");
    g_assert_cmphex(rd(DR), ==, 0x800 | 'n');
    g_assert_cmphex(rd(RSR), ==, 0x8);
    wr(RSR, 0);
    g_assert_cmphex(rd(RSR), ==, 0);
    wr(ICR, INT_OE);
    g_assert_cmphex(rd(RIS) & INT_OE, ==, 0);

    /* FIFOs off: one entry. */
    wr(LCR_H, 0);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 1);
    g_assert_cmpint(feed(&u, "pq"), ==, 1);
    g_assert_cmphex(rd(FR) & (FR_RXFE | FR_RXFF), ==, FR_RXFF);
    g_assert_cmphex(rd(DR), ==, 'p');
    g_assert_cmphex(rd(FR) & (FR_RXFE | FR_RXFF), ==, FR_RXFE);

    /* Turning the FIFOs on or off empties the receive side. */
    feed(&u, "r");
    wr(LCR_H, FEN);
    g_assert_cmphex(rd(FR) & FR_RXFE, ==, FR_RXFE);
    feed(&u, "st");
    wr(LCR_H, FEN | 0x60);        /* FEN unchanged: kept */
    g_assert_cmphex(rd(DR), ==, 's');
    uart_stop(&u);
}

static void test_rx_irq_levels(void)
{
    static const int level[5] = { 2, 4, 8, 12, 14 };
    Uart u;

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(LCR_H, FEN);
    for (int sel = 0; sel < 5; sel++) {
        wr(IFLS, sel << 3 | 2);
        wr(ICR, 0x7ff);
        wr(IMSC, INT_RX);
        g_assert_cmpint(u.level, ==, 0);
        for (int i = 0; i < level[sel] - 1; i++) {
            g_assert_cmpint(feed(&u, "x"), ==, 1);
            g_assert_cmphex(rd(RIS) & INT_RX, ==, 0);
            g_assert_cmpint(u.level, ==, 0);
        }
        feed(&u, "y");
        g_assert_cmphex(rd(RIS) & INT_RX, ==, INT_RX);
        g_assert_cmphex(rd(MIS), ==, INT_RX);
        g_assert_cmpint(u.level, ==, 1);

        /* Masked: still raw, not on the line. */
        wr(IMSC, 0);
        g_assert_cmpint(u.level, ==, 0);
        g_assert_cmphex(rd(MIS), ==, 0);
        g_assert_cmphex(rd(RIS) & INT_RX, ==, INT_RX);
        wr(IMSC, INT_RX);
        g_assert_cmpint(u.level, ==, 1);

        /* One read takes the FIFO below the level. */
        g_assert_cmphex(rd(DR), ==, 'x');
        g_assert_cmphex(rd(RIS) & INT_RX, ==, 0);
        g_assert_cmpint(u.level, ==, 0);

        /* Back at the level; ICR clears it with the data still there. */
        feed(&u, "z");
        g_assert_cmpint(u.level, ==, 1);
        wr(ICR, INT_RX);
        g_assert_cmpint(u.level, ==, 0);
        g_assert_cmphex(rd(FR) & FR_RXFE, ==, 0);
        while (!(rd(FR) & FR_RXFE)) {
            rd(DR);
        }
    }

    /* FIFOs off: every char raises RX. */
    wr(LCR_H, 0);
    wr(ICR, 0x7ff);
    feed(&u, "a");
    g_assert_cmphex(rd(RIS) & INT_RX, ==, INT_RX);
    g_assert_cmpint(u.level, ==, 1);
    rd(DR);
    g_assert_cmpint(u.level, ==, 0);
    uart_stop(&u);
}

static void test_rx_timeout(void)
{
    Uart u;

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(LCR_H, FEN);
    wr(IMSC, INT_RT);
    /* Below the RX level, the timeout tells the driver data waits. */
    feed(&u, "ab");
    g_assert_cmphex(rd(RIS) & (INT_RX | INT_RT), ==, INT_RT);
    g_assert_cmpint(u.level, ==, 1);
    rd(DR);
    g_assert_cmpint(u.level, ==, 1);
    rd(DR);
    g_assert_cmphex(rd(RIS) & INT_RT, ==, 0);
    g_assert_cmpint(u.level, ==, 0);

    /* ICR clears it; the next input raises it again. */
    feed(&u, "c");
    wr(ICR, INT_RT);
    g_assert_cmpint(u.level, ==, 0);
    feed(&u, "d");
    g_assert_cmpint(u.level, ==, 1);
    uart_stop(&u);
}

static void test_rx_enable(void)
{
    Uart u;

    uart_start(&u, true);
    /* After reset UARTEN is clear: input waits in the chardev. */
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 0);
    g_assert_cmpint(write(u.to_uart, "hi", 2), ==, 2);
    spin_loop(20);
    g_assert_cmphex(rd(FR) & FR_RXFE, ==, FR_RXFE);
    wr(CR, 0x201);                /* UARTEN | RXE */
    WAIT_UNTIL(!(rd(FR) & FR_RXFE));
    g_assert_cmphex(rd(DR), ==, 'h');

    /* Receiver off (UART on): nothing more is taken. */
    wr(CR, 0x101);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 0);
    g_assert_cmphex(rd(FR) & FR_RXFE, ==, FR_RXFE);
    /* What a backend pushes anyway is dropped, not stored. */
    qemu_chr_be_write(u.chr, (const uint8_t *)"!", 1);
    g_assert_cmphex(rd(FR) & FR_RXFE, ==, FR_RXFE);
    wr(CR, CR_ON);
    WAIT_UNTIL(!(rd(FR) & FR_RXFE));
    g_assert_cmphex(rd(DR), ==, 'i');
    uart_stop(&u);
}

/* A full FIFO holds the chardev back; reads let the rest in, in order. */
static void test_rx_flow(void)
{
    const char *in = "The quick brown fox jumps over the lazy dog";
    GString *got = g_string_new(NULL);
    Uart u;

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(LCR_H, FEN);
    g_assert_cmpint(write(u.to_uart, in, strlen(in)), ==, strlen(in));
    WAIT_UNTIL(rd(FR) & FR_RXFF);
    spin_loop(10);
    g_assert_cmphex(rd(RIS) & INT_OE, ==, 0);
    WAIT_UNTIL(({
        while (!(rd(FR) & FR_RXFE)) {
            uint32_t c = rd(DR);

            g_assert_cmphex(c & 0xf00, ==, 0);
            g_string_append_c(got, c);
        }
        got->len >= strlen(in);
    }));
    g_assert_cmpstr(got->str, ==, in);
    g_assert_cmphex(rd(RIS) & INT_OE, ==, 0);
    g_string_free(got, TRUE);
    uart_stop(&u);
}

static void test_break(void)
{
    Uart u;

    uart_start(&u, true);
    wr(CR, CR_ON);
    wr(IMSC, INT_BE);
    qemu_chr_be_event(u.chr, CHR_EVENT_BREAK);
    g_assert_cmpint(u.level, ==, 1);
    g_assert_cmphex(rd(DR), ==, 0x400);
    g_assert_cmphex(rd(RSR), ==, 0x4);
    wr(RSR, 0xff);
    g_assert_cmphex(rd(RSR), ==, 0);
    wr(ICR, INT_BE);
    g_assert_cmpint(u.level, ==, 0);
    uart_stop(&u);
}

static void test_bad_offsets(void)
{
    static const hwaddr reserved[] = {
        0x008, 0x00c, 0x010, 0x014, 0x01c, 0x04c, 0x07c, 0x080, 0x08c,
        0x090, 0x100, 0x800, 0xfdc,
    };
    Uart u;
    uint64_t q;
    uint32_t v;

    uart_start(&u, true);
    for (size_t i = 0; i < ARRAY_SIZE(reserved); i++) {
        wr(reserved[i], 0xffffffff);
        g_assert_cmphex(rd(reserved[i]), ==, 0);
    }
    /* Nothing above changed a register. */
    g_assert_cmphex(rd(CR), ==, 0x300);
    g_assert_cmphex(rd(IMSC), ==, 0);
    assert_output(&u, "");

    /* Read-only registers ignore writes; ICR reads 0. */
    wr(FR, 0);
    g_assert_cmphex(rd(FR), ==, FR_TXFE | FR_RXFE);
    wr(RIS, 0x7ff);
    wr(MIS, 0x7ff);
    g_assert_cmphex(rd(RIS), ==, 0);
    g_assert_cmphex(rd(MIS), ==, 0);
    g_assert_cmpint(u.level, !=, 1);
    g_assert_cmphex(rd(ICR), ==, 0);

    /* Misaligned: the core splits it into aligned pieces. */
    g_assert_cmpint(address_space_read(&address_space_memory,
                                       UART_BASE + CR + 2, &v, 4), ==,
                    MEMTX_OK);
    g_assert_cmphex(v, ==, 0x00120000);
    /* 8 bytes: two register reads (CR, IFLS). */
    g_assert_cmpint(address_space_read(&address_space_memory,
                                       UART_BASE + CR, &q, 8), ==, MEMTX_OK);
    g_assert_cmphex(q, ==, 0x0000001200000300ull);
    /* Past the 4 KiB region nothing is mapped. */
    g_assert_cmpint(address_space_read(&address_space_memory,
                                       UART_BASE + 0x1000, &v, 4), ==,
                    MEMTX_DECODE_ERROR);
    uart_stop(&u);
}

static void test_reset(void)
{
    Uart u;

    uart_start(&u, true);
    wr(CR, CR_ON | 0xc00);
    wr(LCR_H, FEN | 0x60);
    wr(IFLS, 0x00);
    wr(IMSC, 0x7ff);
    wr(IBRD, 13);
    wr(FBRD, 1);
    wr(ILPR, 5);
    feed(&u, "abc");
    qemu_chr_be_write(u.chr, (const uint8_t *)"0123456789abcdefgh", 18);
    clog_output(&u);
    wr(DR, 'x');
    g_assert_cmpint(u.level, ==, 1);
    g_assert_cmphex(rd(RSR), ==, 0x8);
    g_assert_cmphex(rd(FR) & FR_BUSY, ==, FR_BUSY);

    device_cold_reset(u.dev);
    g_assert_cmpint(u.level, ==, 0);
    g_assert_cmphex(rd(FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(rd(CR), ==, 0x300);
    g_assert_cmphex(rd(LCR_H), ==, 0);
    g_assert_cmphex(rd(IFLS), ==, 0x12);
    g_assert_cmphex(rd(IMSC), ==, 0);
    g_assert_cmphex(rd(RIS), ==, 0);
    g_assert_cmphex(rd(RSR), ==, 0);
    g_assert_cmphex(rd(IBRD), ==, 0);
    g_assert_cmphex(rd(FBRD), ==, 0);
    g_assert_cmphex(rd(ILPR), ==, 0);
    /* The held byte is gone: draining the pipe shows only the junk. */
    spin_loop(5);
    {
        GString *s = drain_output(&u);

        g_assert_null(strchr(s->str, 'x'));
        g_string_free(s, TRUE);
    }
    spin_loop(5);
    assert_output(&u, "");
    /* And it works again from scratch. */
    wr(CR, CR_ON);
    feed(&u, "k");
    g_assert_cmphex(rd(DR), ==, 'k');
    wr(DR, 'm');
    assert_output(&u, "m");
    uart_stop(&u);
}

static void test_no_chardev(void)
{
    Uart u;

    uart_start(&u, false);
    wr(CR, CR_ON);
    wr(DR, 'a');
    g_assert_cmphex(rd(FR), ==, FR_TXFE | FR_RXFE);
    g_assert_cmphex(rd(RIS), ==, INT_TX);
    uart_stop(&u);
}

static void test_create_helper(void)
{
    Chardev *chr = chr_from("null,id=n0");
    Error *err = NULL;
    DeviceState *dev;
    GString *qtree = g_string_new(NULL);

    dev = pl011_create(UART_BASE, NULL, chr, &error_abort);
    g_assert_nonnull(dev);
    g_assert_cmphex(rd(0xfe0), ==, 0x11);
    g_assert_false(DEVICE_GET_CLASS(dev)->user_creatable);
    qdev_tree_info(qtree);
    g_assert_nonnull(strstr(qtree->str, "dev: pl011"));
    g_assert_nonnull(strstr(qtree->str, "chardev = \"n0\""));
    g_string_free(qtree, TRUE);

    /* A chardev takes one frontend. */
    g_assert_null(pl011_create(UART_BASE + 0x1000, NULL, chr, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'n0' is in use");
    error_free(err);
    qdev_unrealize(dev);
    qemu_chr_cleanup();
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    tmpdir = g_dir_make_tmp("test-pl011-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);

    g_test_add_func("/pl011/id-registers", test_id_registers);
    g_test_add_func("/pl011/reset-values", test_reset_values);
    g_test_add_func("/pl011/plain-registers", test_plain_registers);
    g_test_add_func("/pl011/tx", test_tx);
    g_test_add_func("/pl011/tx-backpressure", test_tx_backpressure);
    g_test_add_func("/pl011/rx-fifo", test_rx_fifo);
    g_test_add_func("/pl011/rx-irq-levels", test_rx_irq_levels);
    g_test_add_func("/pl011/rx-timeout", test_rx_timeout);
    g_test_add_func("/pl011/rx-enable", test_rx_enable);
    g_test_add_func("/pl011/rx-flow", test_rx_flow);
    g_test_add_func("/pl011/break", test_break);
    g_test_add_func("/pl011/bad-offsets", test_bad_offsets);
    g_test_add_func("/pl011/reset", test_reset);
    g_test_add_func("/pl011/no-chardev", test_no_chardev);
    g_test_add_func("/pl011/create-helper", test_create_helper);
    ret = g_test_run();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
