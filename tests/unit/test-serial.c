/*
 * Unit tests for the ISA bus (hw/isa/isa-bus.c), the 16550A UART
 * (hw/char/serial.c, hw/char/serial-isa.c) and isa-debug-exit
 * (hw/misc/debugexit.c), all driven through the I/O port space the way a
 * guest reaches them. The chardev is a pipe whose far ends the test holds.
 * Register facts are from the PC16550D data sheet, written out here rather
 * than taken from the device's definitions.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "hw/isa/isa.h"
#include "hw/sysbus.h"
#include "hw/misc/debugexit.h"
#include "chardev/char.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"

#define RBR 0
#define THR 0
#define DLL 0
#define IER 1
#define DLM 1
#define IIR 2
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define MSR 6
#define SCR 7

#define LSR_DR   0x01
#define LSR_OE   0x02
#define LSR_BI   0x10
#define LSR_THRE 0x20
#define LSR_TEMT 0x40

#define IER_RDI  0x01
#define IER_THRI 0x02
#define IER_RLSI 0x04
#define IER_MSI  0x08

#define TYPE_TEST_ISA_BRIDGE "test-isa-bridge"

static char *tmpdir;
static ISABus *isabus;
static qemu_irq *pic;            /* what the ISA bus drives */
static int irq_level[ISA_NUM_IRQS];

static void pic_set_irq(void *opaque, int n, int level)
{
    (void)opaque;
    irq_level[n] = level;
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

/* One isa-serial, optionally on a pipe chardev. */
typedef struct Uart {
    DeviceState *dev;
    Chardev *chr;
    uint16_t port;
    int irq;
    char *base;
    int to_uart;                 /* writes reach the UART's input */
    int from_uart;               /* reads see the UART's output */
} Uart;

static Chardev *chr_from(const char *str)
{
    QemuOpts *opts = qemu_opts_parse(str, "backend", &error_abort);
    Chardev *chr = qemu_chr_new_from_opts(opts, &error_abort);

    qemu_opts_free(opts);
    return chr;
}

static void uart_attach_pipe(Uart *u)
{
    static int n;
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
    g_assert_true(object_property_parse(OBJECT(u->dev), "chardev", "ser0",
                                        &error_abort));
    g_free(in);
    g_free(out);
    g_free(opt);
}

/* COM1 (index 0: 0x3f8, IRQ 4) unless index says otherwise. */
static void uart_start_index(Uart *u, unsigned index, bool with_chardev)
{
    memset(u, 0, sizeof(*u));
    u->to_uart = u->from_uart = -1;
    u->dev = qdev_new("isa-serial");
    g_assert_true(object_property_set_uint(OBJECT(u->dev), "index", index,
                                           &error_abort));
    if (with_chardev) {
        uart_attach_pipe(u);
    }
    g_assert_true(qdev_realize_and_unref(u->dev, BUS(isabus),
                                         &error_abort));
    u->port = object_property_get_uint(OBJECT(u->dev), "iobase",
                                       &error_abort);
    u->irq = object_property_get_uint(OBJECT(u->dev), "irq", &error_abort);
}

static void uart_start(Uart *u, bool with_chardev)
{
    uart_start_index(u, 0, with_chardev);
}

static void uart_stop(Uart *u)
{
    qdev_unrealize(u->dev);
    qemu_chr_cleanup();
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

static uint8_t rd(Uart *u, unsigned reg)
{
    uint8_t b = 0;

    g_assert_cmpint(address_space_read(&address_space_io, u->port + reg,
                                       &b, 1), ==, MEMTX_OK);
    return b;
}

static void wr(Uart *u, unsigned reg, uint8_t val)
{
    g_assert_cmpint(address_space_write(&address_space_io, u->port + reg,
                                        &val, 1), ==, MEMTX_OK);
}

static int uart_irq(Uart *u)
{
    return irq_level[u->irq];
}

/* Feed input as a backend does: only what the UART says it can take. */
static int feed(Uart *u, const char *str)
{
    int room = qemu_chr_be_can_write(u->chr);
    int len = MIN(room, (int)strlen(str));

    qemu_chr_be_write(u->chr, (const uint8_t *)str, len);
    return len;
}

static GString *drain_output(Uart *u)
{
    GString *s = g_string_new(NULL);
    char buf[4096];
    ssize_t n;

    while ((n = read(u->from_uart, buf, sizeof(buf))) > 0) {
        g_string_append_len(s, buf, n);
    }
    return s;
}

/* isa-serial: index picks the PC's COM ports; resolved values shown. */
static void test_isa_index(void)
{
    static const struct { uint16_t port; int irq; } com[4] = {
        { 0x3f8, 4 }, { 0x2f8, 3 }, { 0x3e8, 4 }, { 0x2e8, 3 },
    };
    DeviceState *a, *b;

    /* No index: the next COM number, counting realized ports. */
    a = qdev_new("isa-serial");
    b = qdev_new("isa-serial");
    g_assert_true(qdev_realize_and_unref(a, BUS(isabus), &error_abort));
    g_assert_true(qdev_realize_and_unref(b, BUS(isabus), &error_abort));
    g_assert_cmpuint(object_property_get_uint(OBJECT(a), "index", NULL), ==,
                     0);
    g_assert_cmpuint(object_property_get_uint(OBJECT(b), "index", NULL), ==,
                     1);
    g_assert_cmpuint(object_property_get_uint(OBJECT(b), "iobase", NULL), ==,
                     0x2f8);
    qdev_unrealize(a);
    qdev_unrealize(b);

    for (unsigned i = 0; i < 4; i++) {
        Uart u;

        uart_start_index(&u, i, false);
        g_assert_cmpuint(u.port, ==, com[i].port);
        g_assert_cmpint(u.irq, ==, com[i].irq);
        /* The ports answer at that base... */
        wr(&u, SCR, 0x5a + i);
        g_assert_cmpuint(rd(&u, SCR), ==, 0x5a + i);
        /* ...and the interrupt arrives on that ISA line. */
        g_assert_cmpint(uart_irq(&u), ==, 0);
        wr(&u, IER, IER_THRI);
        g_assert_cmpint(uart_irq(&u), ==, 1);
        wr(&u, IER, 0);
        g_assert_cmpint(uart_irq(&u), ==, 0);
        uart_stop(&u);
        /* Unrealized: the ports are gone (unassigned I/O reads 0xff). */
        {
            uint8_t v = 0;

            address_space_read(&address_space_io, com[i].port + SCR, &v, 1);
            g_assert_cmpuint(v, ==, 0xff);
        }
    }
}

/* Explicit iobase and irq beat the index. */
static void test_isa_explicit(void)
{
    DeviceState *dev = qdev_new("isa-serial");
    Uart u = { .dev = dev, .port = 0x1000, .irq = 7 };

    object_property_parse(OBJECT(dev), "index", "1", &error_abort);
    object_property_parse(OBJECT(dev), "iobase", "0x1000", &error_abort);
    object_property_parse(OBJECT(dev), "irq", "7", &error_abort);
    g_assert_true(qdev_realize_and_unref(dev, BUS(isabus), &error_abort));
    wr(&u, SCR, 0x77);
    g_assert_cmpuint(rd(&u, SCR), ==, 0x77);
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(irq_level[7], ==, 1);
    wr(&u, IER, 0);
    g_assert_cmpint(irq_level[7], ==, 0);
    qdev_unrealize(dev);
}

static void check_realize_error(const char *prop, const char *val,
                                const char *msg)
{
    DeviceState *dev = qdev_new("isa-serial");
    Error *err = NULL;

    /* Earlier tests used up the automatic COM numbers. */
    object_property_set_uint(OBJECT(dev), "index", 0, &error_abort);
    g_assert_true(object_property_parse(OBJECT(dev), prop, val,
                                        &error_abort));
    g_assert_false(qdev_realize(dev, BUS(isabus), &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    g_assert_false(dev->realized);
    object_unref(dev);
}

static void test_isa_bad_props(void)
{
    Error *err = NULL;

    check_realize_error("index", "4",
                        "Max. supported number of ISA serial ports is 4.");
    check_realize_error("irq", "16", "ISA IRQ 16 is out of range (0..15)");
    check_realize_error("iobase", "0xfffc",
                        "I/O ports 0xfffc..0x10003 are outside the ISA I/O "
                        "space (0x0..0xffff)");
    check_realize_error("iobase", "0x10000",
                        "I/O ports 0x10000..0x10007 are outside the ISA I/O "
                        "space (0x0..0xffff)");
    /* A failed realize leaves nothing mapped behind. */
    {
        FlatView *fv = address_space_get_flatview(&address_space_io);

        g_assert_true(flatview_lookup(fv, 0xfffc)->mr == get_system_io());
        flatview_unref(fv);
    }

    /* The bus API itself. */
    g_assert_null(isa_bus_new(NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "ISA bus: no I/O address space given");
    error_free(err);
    err = NULL;
    {
        DeviceState *dev = qdev_new("isa-serial");

        /* Not plugged into a bus: no line to hand out. */
        g_assert_null(isa_get_irq(ISA_DEVICE(dev), 3, &err));
        g_assert_cmpstr(error_get_pretty(err), ==,
                        "Device 'isa-serial' is not on an ISA bus");
        error_free(err);
        err = NULL;
        g_assert_null(isa_get_irq(ISA_DEVICE(dev), 99, &err));
        g_assert_cmpstr(error_get_pretty(err), ==,
                        "ISA IRQ 99 is out of range (0..15)");
        error_free(err);
        object_unref(dev);
    }
}

/* -device isa-serial finds the ISA bus below the system bus. */
static void test_isa_device_add(void)
{
    QemuOpts *opts = qemu_opts_parse("isa-serial,index=2,id=com3",
                                     "driver", &error_abort);
    DeviceState *dev = qdev_device_add(opts, &error_abort);
    Uart u = { .dev = dev, .port = 0x3e8, .irq = 4 };

    g_assert_nonnull(dev);
    g_assert_true(dev->parent_bus == BUS(isabus));
    wr(&u, SCR, 0x42);
    g_assert_cmpuint(rd(&u, SCR), ==, 0x42);
    object_unparent(OBJECT(dev));
    qemu_opts_free(opts);
}

/* Reset state per the data sheet (MSR shows the far end's lines). */
static void test_reset_values(void)
{
    Uart u;

    uart_start(&u, false);
    g_assert_cmpuint(rd(&u, IER), ==, 0x00);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x01);
    g_assert_cmpuint(rd(&u, LCR), ==, 0x00);
    g_assert_cmpuint(rd(&u, MCR), ==, 0x00);
    g_assert_cmpuint(rd(&u, LSR), ==, 0x60);
    g_assert_cmpuint(rd(&u, MSR), ==, 0xb0);
    g_assert_cmpuint(rd(&u, SCR), ==, 0x00);
    g_assert_cmpint(uart_irq(&u), ==, 0);

    /* Change everything, reset, and it is all back. */
    wr(&u, SCR, 0x99);
    wr(&u, LCR, 0x03);
    wr(&u, MCR, 0x0b);
    wr(&u, FCR, 0x01);
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(uart_irq(&u), ==, 1);
    device_cold_reset(u.dev);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    g_assert_cmpuint(rd(&u, IER), ==, 0x00);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x01);
    g_assert_cmpuint(rd(&u, LCR), ==, 0x00);
    g_assert_cmpuint(rd(&u, MCR), ==, 0x00);
    g_assert_cmpuint(rd(&u, LSR), ==, 0x60);
    g_assert_cmpuint(rd(&u, SCR), ==, 0x00);
    uart_stop(&u);
}

static void test_scratch_dlab(void)
{
    Uart u;

    uart_start(&u, false);
    for (unsigned v = 0; v < 256; v += 51) {
        wr(&u, SCR, v);
        g_assert_cmpuint(rd(&u, SCR), ==, v);
    }
    /* IER keeps its four defined bits only (Linux checks this). */
    wr(&u, IER, 0xff);
    g_assert_cmpuint(rd(&u, IER), ==, 0x0f);
    wr(&u, IER, 0);

    /* DLAB: offsets 0 and 1 are the divisor latch. */
    wr(&u, LCR, 0x83);
    wr(&u, DLL, 0x34);
    wr(&u, DLM, 0x12);
    g_assert_cmpuint(rd(&u, DLL), ==, 0x34);
    g_assert_cmpuint(rd(&u, DLM), ==, 0x12);
    g_assert_cmpuint(rd(&u, LCR), ==, 0x83);
    wr(&u, LCR, 0x03);
    /* Back to IER (untouched by the DLM write) and RBR. */
    g_assert_cmpuint(rd(&u, IER), ==, 0x00);
    g_assert_cmpuint(rd(&u, LSR) & LSR_DR, ==, 0);
    wr(&u, LCR, 0x80);
    g_assert_cmpuint(rd(&u, DLL), ==, 0x34);
    g_assert_cmpuint(rd(&u, DLM), ==, 0x12);
    wr(&u, LCR, 0x03);
    /* A 16-bit access is two byte cycles on consecutive registers. */
    {
        uint8_t two[2] = { 0x0a, 0x03 };

        g_assert_cmpint(address_space_write(&address_space_io, u.port + MCR,
                                            two, 2), ==, MEMTX_OK);
        g_assert_cmpuint(rd(&u, MCR), ==, 0x0a);
    }
    uart_stop(&u);
}

static void test_tx(void)
{
    Uart u;
    GString *out;

    uart_start(&u, true);
    for (const char *p = "hello, 16550A\n"; *p; p++) {
        wr(&u, THR, *p);
        /* A backend with room takes the byte at once. */
        g_assert_cmpuint(rd(&u, LSR) & (LSR_THRE | LSR_TEMT), ==,
                         LSR_THRE | LSR_TEMT);
    }
    out = drain_output(&u);
    g_assert_cmpstr(out->str, ==, "hello, 16550A\n");
    g_string_free(out, TRUE);

    /* FIFO mode sends the same way. */
    wr(&u, FCR, 0x07);
    wr(&u, THR, 'Z');
    out = drain_output(&u);
    g_assert_cmpstr(out->str, ==, "Z");
    g_string_free(out, TRUE);
    uart_stop(&u);
}

/* A backend that stops reading: bounded FIFO, THRE clear, bytes dropped. */
static void test_tx_backpressure(void)
{
    Uart u;
    GString *sent = g_string_new(NULL);
    GString *got = g_string_new(NULL);
    unsigned before = 0;

    uart_start(&u, true);
    wr(&u, FCR, 0x01);
    /* Fill the pipe until the UART has to hold bytes back. */
    while (rd(&u, LSR) & LSR_THRE) {
        uint8_t b = before % 251;

        g_assert_cmpuint(before, <, 16 << 20);
        wr(&u, THR, b);
        g_string_append_c(sent, b);
        before++;
    }
    g_assert_cmpuint(rd(&u, LSR) & LSR_TEMT, ==, 0);
    /* Keep writing: at most a FIFO's worth more is kept. */
    for (unsigned i = 0; i < 1000; i++) {
        uint8_t b = (before + i) % 251;

        wr(&u, THR, b);
        g_string_append_c(sent, b);
    }
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    /* The reader comes back: the watch drains the FIFO. */
    WAIT_UNTIL(({
        GString *s = drain_output(&u);

        g_string_append_len(got, s->str, s->len);
        g_string_free(s, TRUE);
        rd(&u, LSR) & LSR_TEMT;
    }));
    {
        GString *s = drain_output(&u);

        g_string_append_len(got, s->str, s->len);
        g_string_free(s, TRUE);
    }
    g_assert_cmpuint(got->len, >=, before);
    g_assert_cmpuint(got->len, <=, before + 16);
    g_assert_cmpmem(got->str, got->len, sent->str, got->len);
    /* Emptied: THRE interrupt, cleared by reading IIR. */
    g_assert_cmpint(uart_irq(&u), ==, 1);
    g_assert_cmpuint(rd(&u, IIR), ==, 0xc2);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    g_string_free(sent, TRUE);
    g_string_free(got, TRUE);
    uart_stop(&u);
}

static void test_rx(void)
{
    Uart u;

    uart_start(&u, true);
    /* 16450 mode holds one byte. */
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 1);
    g_assert_cmpint(feed(&u, "AB"), ==, 1);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 0);
    g_assert_cmpuint(rd(&u, LSR) & LSR_DR, ==, LSR_DR);
    g_assert_cmpuint(rd(&u, RBR), ==, 'A');
    g_assert_cmpuint(rd(&u, LSR) & LSR_DR, ==, 0);

    /* Through the pipe and the main loop, 20 bytes at one per read. */
    g_assert_cmpint(write(u.to_uart, "0123456789abcdefghij", 20), ==, 20);
    for (const char *p = "0123456789abcdefghij"; *p; p++) {
        WAIT_UNTIL(rd(&u, LSR) & LSR_DR);
        g_assert_cmpuint(rd(&u, RBR), ==, (uint8_t)*p);
    }
    uart_stop(&u);
}

/* RX FIFO: the data interrupt comes at the trigger level, not before. */
static void test_rx_trigger_levels(void)
{
    static const struct { uint8_t fcr; int level; } levels[] = {
        { 0x01, 1 }, { 0x41, 4 }, { 0x81, 8 }, { 0xc1, 14 },
    };
    Uart u;

    uart_start(&u, true);
    wr(&u, IER, IER_RDI);
    for (size_t i = 0; i < G_N_ELEMENTS(levels); i++) {
        wr(&u, FCR, levels[i].fcr | 0x02);
        g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 16);
        for (int n = 0; n < levels[i].level - 1; n++) {
            g_assert_cmpint(feed(&u, "x"), ==, 1);
        }
        /* No main loop runs here, so no character timeout either. */
        g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
        g_assert_cmpint(uart_irq(&u), ==, 0);
        g_assert_cmpint(feed(&u, "y"), ==, 1);
        g_assert_cmpuint(rd(&u, IIR), ==, 0xc4);
        g_assert_cmpint(uart_irq(&u), ==, 1);
        /* IER masking lowers the line without losing the data. */
        wr(&u, IER, 0);
        g_assert_cmpint(uart_irq(&u), ==, 0);
        g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
        wr(&u, IER, IER_RDI);
        g_assert_cmpint(uart_irq(&u), ==, 1);
        if (levels[i].level > 1) {
            rd(&u, RBR);
            g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
            g_assert_cmpint(uart_irq(&u), ==, 0);
        }
    }
    /* Clearing the RX FIFO drops what it held. */
    wr(&u, FCR, 0x03);
    g_assert_cmpuint(rd(&u, LSR) & LSR_DR, ==, 0);
    /* 16 bytes fill it; the backend is then offered no more. */
    g_assert_cmpint(feed(&u, "0123456789abcdefXYZ"), ==, 16);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 0);
    for (const char *p = "0123456789abcdef"; *p; p++) {
        g_assert_cmpuint(rd(&u, RBR), ==, (uint8_t)*p);
    }
    g_assert_cmpuint(rd(&u, LSR) & LSR_DR, ==, 0);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 16);
    uart_stop(&u);
}

/* Below the trigger level, data is announced after 4 character times. */
static void test_rx_timeout(void)
{
    Uart u;

    uart_start(&u, true);
    wr(&u, LCR, 0x80);
    wr(&u, DLL, 1);                 /* 115200 baud: a short timeout */
    wr(&u, DLM, 0);
    wr(&u, LCR, 0x03);
    wr(&u, FCR, 0xc1);              /* trigger at 14 */
    wr(&u, IER, IER_RDI);
    g_assert_cmpint(feed(&u, "abc"), ==, 3);
    g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
    WAIT_UNTIL(uart_irq(&u));
    g_assert_cmpuint(rd(&u, IIR), ==, 0xcc);
    /* Reading a byte clears the timeout and restarts the timer. */
    g_assert_cmpuint(rd(&u, RBR), ==, 'a');
    g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    WAIT_UNTIL(uart_irq(&u));
    g_assert_cmpuint(rd(&u, IIR), ==, 0xcc);
    g_assert_cmpuint(rd(&u, RBR), ==, 'b');
    g_assert_cmpuint(rd(&u, RBR), ==, 'c');
    /* Empty: no timeout can follow. */
    g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
    for (int i = 0; i < 20; i++) {
        main_loop_wait(true);
        g_usleep(200);
    }
    g_assert_cmpint(uart_irq(&u), ==, 0);
    uart_stop(&u);
}

/* THRE: raised on enable while empty, cleared by an IIR read. */
static void test_thre_irq(void)
{
    Uart u;

    uart_start(&u, true);
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(uart_irq(&u), ==, 1);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x02);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x01);
    /* Each byte sent empties THR again: a new interrupt. */
    wr(&u, THR, 'q');
    g_assert_cmpint(uart_irq(&u), ==, 1);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x02);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    /* Re-enabling re-arms it (Linux's THRE probe relies on this). */
    wr(&u, IER, 0);
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(uart_irq(&u), ==, 1);
    /* Masked: the line drops, the latch stays. */
    wr(&u, IER, 0);
    g_assert_cmpint(uart_irq(&u), ==, 0);
    uart_stop(&u);
}

/* Loopback: TX feeds RX; MCR outputs drive MSR inputs. */
static void test_loopback(void)
{
    Uart u;
    GString *out;

    uart_start(&u, true);
    /* Linux's probe: RTS and OUT2 in loopback read back as CTS and DCD. */
    wr(&u, MCR, 0x10 | 0x0a);
    g_assert_cmpuint(rd(&u, MSR) & 0xf0, ==, 0x90);
    wr(&u, MCR, 0x1f);
    g_assert_cmpuint(rd(&u, MSR) & 0xf0, ==, 0xf0);
    wr(&u, MCR, 0x10);
    /* All four fell: deltas for CTS, DSR, DCD and RI's trailing edge. */
    g_assert_cmpuint(rd(&u, MSR), ==, 0x0f);
    g_assert_cmpuint(rd(&u, MSR), ==, 0x00);
    wr(&u, MCR, 0x11);              /* DTR -> DSR */
    g_assert_cmpuint(rd(&u, MSR), ==, 0x22);
    wr(&u, MCR, 0x14);              /* OUT1 -> RI; DSR drops */
    g_assert_cmpuint(rd(&u, MSR), ==, 0x42);
    wr(&u, MCR, 0x10);              /* RI off: trailing edge */
    g_assert_cmpuint(rd(&u, MSR), ==, 0x04);

    /* The external line is not heard in loopback. */
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 0);
    wr(&u, THR, 'L');
    g_assert_cmpuint(rd(&u, LSR) & (LSR_DR | LSR_THRE), ==,
                     LSR_DR | LSR_THRE);
    g_assert_cmpuint(rd(&u, RBR), ==, 'L');
    out = drain_output(&u);
    g_assert_cmpuint(out->len, ==, 0);
    g_string_free(out, TRUE);
    /* FIFO mode loops back into the RX FIFO. */
    wr(&u, FCR, 0x01);
    for (const char *p = "fifo"; *p; p++) {
        wr(&u, THR, *p);
    }
    for (const char *p = "fifo"; *p; p++) {
        g_assert_cmpuint(rd(&u, RBR), ==, (uint8_t)*p);
    }
    wr(&u, FCR, 0x00);

    /* Out of loopback: the far end's lines again, with deltas. */
    wr(&u, MCR, 0x00);
    g_assert_cmpuint(rd(&u, MSR), ==, 0xb0 | 0x0b);
    g_assert_cmpint(qemu_chr_be_can_write(u.chr), ==, 1);
    uart_stop(&u);
}

/* IIR reports the highest-priority source; each clears its own way. */
static void test_iir_priority(void)
{
    Uart u;

    uart_start(&u, true);
    /* Loopback overrun in 16450 mode: OE with data ready. */
    wr(&u, MCR, 0x10);
    wr(&u, THR, '1');
    wr(&u, THR, '2');
    wr(&u, MCR, 0x11);              /* DSR rises: a modem status change */
    wr(&u, IER, 0x0f);
    g_assert_cmpint(uart_irq(&u), ==, 1);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x06);        /* line status */
    g_assert_cmpuint(rd(&u, LSR) & (LSR_OE | LSR_DR), ==, LSR_OE | LSR_DR);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x04);        /* data ready */
    g_assert_cmpuint(rd(&u, RBR), ==, '2');         /* 16450: overwritten */
    g_assert_cmpuint(rd(&u, IIR), ==, 0x02);        /* THR empty */
    g_assert_cmpuint(rd(&u, IIR), ==, 0x00);        /* modem status */
    /* Entering loopback dropped CTS and DCD as well (DDSR once). */
    g_assert_cmpuint(rd(&u, MSR) & 0x0f, ==, 0x0b);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x01);
    g_assert_cmpint(uart_irq(&u), ==, 0);

    /* With FIFOs the top bits say so (Linux: "16550A"). */
    wr(&u, FCR, 0x01);
    g_assert_cmpuint(rd(&u, IIR), ==, 0xc1);
    /* ...and the 64-byte FIFO bit of a 16750 never shows. */
    wr(&u, FCR, 0x21);
    g_assert_cmpuint(rd(&u, IIR) & 0x20, ==, 0);
    wr(&u, FCR, 0x00);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x01);

    /* A FIFO overrun keeps the FIFO and loses the new byte. */
    wr(&u, IER, 0);
    wr(&u, FCR, 0x01);
    for (int i = 0; i < 17; i++) {
        wr(&u, THR, 'a' + i);
    }
    g_assert_cmpuint(rd(&u, LSR) & LSR_OE, ==, LSR_OE);
    g_assert_cmpuint(rd(&u, LSR) & LSR_OE, ==, 0);  /* read clears it */
    for (int i = 0; i < 16; i++) {
        g_assert_cmpuint(rd(&u, RBR), ==, 'a' + i);
    }
    g_assert_cmpuint(rd(&u, LSR) & LSR_DR, ==, 0);
    uart_stop(&u);
}

static void test_break(void)
{
    Uart u;

    uart_start(&u, true);
    wr(&u, IER, IER_RLSI | IER_RDI);
    qemu_chr_be_event(u.chr, CHR_EVENT_BREAK);
    g_assert_cmpint(uart_irq(&u), ==, 1);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x06);
    g_assert_cmpuint(rd(&u, LSR) & (LSR_BI | LSR_DR), ==, LSR_BI | LSR_DR);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x04);
    g_assert_cmpuint(rd(&u, RBR), ==, 0);
    g_assert_cmpuint(rd(&u, IIR), ==, 0x01);
    /* Guest writes to read-only registers change nothing. */
    wr(&u, LSR, 0xff);
    wr(&u, MSR, 0xff);
    g_assert_cmpuint(rd(&u, LSR), ==, 0x60);
    g_assert_cmpuint(rd(&u, MSR), ==, 0xb0);
    uart_stop(&u);
}

/* No chardev: output vanishes, the guest is never stuck. */
static void test_no_chardev(void)
{
    Uart u;

    uart_start(&u, false);
    wr(&u, FCR, 0x01);
    for (int i = 0; i < 100; i++) {
        wr(&u, THR, 'n');
    }
    g_assert_cmpuint(rd(&u, LSR), ==, 0x60);
    uart_stop(&u);
}

/*
 * The probe Linux's 8250 driver runs (autoconfig): it must conclude
 * "16550A", not 8250/16450/16550/16750, and see no THRE bug.
 */
static void test_linux_probe(void)
{
    Uart u;

    uart_start(&u, true);
    /* IER holds exactly four bits. */
    wr(&u, IER, 0x00);
    g_assert_cmpuint(rd(&u, IER) & 0x0f, ==, 0x00);
    wr(&u, IER, 0x0f);
    g_assert_cmpuint(rd(&u, IER) & 0x0f, ==, 0x0f);
    wr(&u, IER, 0x00);
    /* Loopback: RTS|OUT2 read back as CTS|DCD. */
    wr(&u, MCR, 0x1a);
    g_assert_cmpuint(rd(&u, MSR) & 0xf0, ==, 0x90);
    wr(&u, MCR, 0x00);
    /* FIFO enable shows in IIR bits 7:6 = 3: a 16550A. */
    wr(&u, FCR, 0x01);
    g_assert_cmpuint(rd(&u, IIR) >> 6, ==, 3);
    /* No EFR behind LCR=0xBF (offset 2 still reads the non-zero IIR). */
    wr(&u, LCR, 0xbf);
    g_assert_cmpuint(rd(&u, IIR), !=, 0);
    /* Not a 16750: IIR bit 5 never follows FCR bit 5, DLAB or not. */
    wr(&u, LCR, 0x00);
    wr(&u, FCR, 0x21);
    g_assert_cmpuint(rd(&u, IIR) >> 5, ==, 6);
    wr(&u, LCR, 0x80);
    wr(&u, FCR, 0x21);
    g_assert_cmpuint(rd(&u, IIR) >> 5, ==, 6);
    wr(&u, LCR, 0x03);
    /* Startup's THRE check: enabling THRI while empty interrupts, twice. */
    wr(&u, FCR, 0x07);
    wr(&u, IER, IER_THRI);
    g_assert_cmpuint(rd(&u, IIR) & 0x01, ==, 0);
    wr(&u, IER, 0);
    wr(&u, IER, IER_THRI);
    g_assert_cmpuint(rd(&u, IIR) & 0x0f, ==, 0x02);
    wr(&u, IER, 0);
    g_assert_cmpuint(rd(&u, LSR), !=, 0xff);
    uart_stop(&u);
}

/* isa-debug-exit: status (v << 1) | 1, checked in a child process. */
static int debug_exit_child(const char *props, uint16_t port,
                            const void *val, unsigned size)
{
    pid_t pid;
    int status;

    fflush(NULL);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        QemuOpts *opts = qemu_opts_parse(props, "driver", &error_abort);

        qdev_device_add(opts, &error_abort);
        /* Nothing may leak: the sanitizer's exit check would change the
         * status. */
        qemu_opts_free(opts);
        address_space_write(&address_space_io, port, val, size);
        _exit(99);                  /* the write did not exit */
    }
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void test_debug_exit(void)
{
    uint8_t b = 0x10;
    uint32_t l = 0x31;
    uint8_t zero = 0;

    g_assert_cmpint(debug_exit_child("isa-debug-exit,iobase=0xf4,iosize=4",
                                     0xf4, &b, 1), ==, 0x21);
    g_assert_cmpint(debug_exit_child("isa-debug-exit,iobase=0xf4,iosize=4",
                                     0xf4, &l, 4), ==, 0x63);
    /* 0 still says "failed" to the shell: status 1. */
    g_assert_cmpint(debug_exit_child("isa-debug-exit,iobase=0xf4,iosize=4",
                                     0xf7, &zero, 1), ==, 1);
    /* Defaults: 0x501, two ports. */
    g_assert_cmpint(debug_exit_child("isa-debug-exit", 0x502, &b, 1), ==,
                    0x21);
}

static void test_debug_exit_props(void)
{
    DeviceState *dev = qdev_new(TYPE_ISA_DEBUG_EXIT);
    Error *err = NULL;
    uint8_t v = 0xaa;

    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "iobase", NULL),
                     ==, 0x501);
    g_assert_cmpuint(object_property_get_uint(OBJECT(dev), "iosize", NULL),
                     ==, 2);
    object_property_set_uint(OBJECT(dev), "iosize", 0, &error_abort);
    g_assert_false(qdev_realize(dev, BUS(isabus), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'isa-debug-exit.iosize' must be at least 1");
    error_free(err);
    err = NULL;
    object_property_set_uint(OBJECT(dev), "iobase", 0xffff, &error_abort);
    object_property_set_uint(OBJECT(dev), "iosize", 4, &error_abort);
    g_assert_false(qdev_realize(dev, BUS(isabus), &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "I/O ports 0xffff..0x10002 are outside the ISA I/O "
                    "space (0x0..0xffff)");
    error_free(err);
    /* Realized properly, reads return 0 and do not exit. */
    object_property_set_uint(OBJECT(dev), "iobase", 0xf4, &error_abort);
    g_assert_true(qdev_realize_and_unref(dev, BUS(isabus), &error_abort));
    g_assert_cmpint(address_space_read(&address_space_io, 0xf4, &v, 1), ==,
                    MEMTX_OK);
    g_assert_cmpuint(v, ==, 0);
    qdev_unrealize(dev);
}

/* The ISA bus forwards its lines to whatever the board connects later. */
static void test_isa_irq_rewire(void)
{
    qemu_irq *lines;
    Uart u;

    uart_start(&u, false);
    lines = qemu_allocate_irqs(pic_set_irq, NULL, ISA_NUM_IRQS);
    /* Disconnected: the UART raises, nobody hears. */
    isa_bus_irqs(isabus, NULL);
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(irq_level[4], ==, 0);
    wr(&u, IER, 0);
    isa_bus_irqs(isabus, lines);
    wr(&u, IER, IER_THRI);
    g_assert_cmpint(irq_level[4], ==, 1);
    wr(&u, IER, 0);
    g_assert_cmpint(irq_level[4], ==, 0);
    isa_bus_irqs(isabus, pic);
    qemu_free_irqs(lines, ISA_NUM_IRQS);
    uart_stop(&u);
}

static const TypeInfo test_bridge_type = {
    .name = TYPE_TEST_ISA_BRIDGE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SysBusDevice),
};

int main(int argc, char **argv)
{
    DeviceState *bridge;
    int ret;

    g_test_init(&argc, &argv, NULL);
    error_init(argv[0]);
    qemu_init_main_loop();
    memory_map_init();
    tmpdir = g_dir_make_tmp("test-serial-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);

    /* A bridge on the system bus owns the ISA bus, as a board's would. */
    type_register_static(&test_bridge_type);
    bridge = qdev_new(TYPE_TEST_ISA_BRIDGE);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(bridge), &error_abort);
    isabus = isa_bus_new(bridge, get_system_io(), &error_abort);
    g_assert_cmpstr(BUS(isabus)->name, ==, "isa.0");
    pic = qemu_allocate_irqs(pic_set_irq, NULL, ISA_NUM_IRQS);
    isa_bus_irqs(isabus, pic);

    /* First: the automatic index counts every realized isa-serial. */
    g_test_add_func("/serial/isa-index", test_isa_index);
    g_test_add_func("/serial/isa-explicit", test_isa_explicit);
    g_test_add_func("/serial/isa-bad-props", test_isa_bad_props);
    g_test_add_func("/serial/isa-device-add", test_isa_device_add);
    g_test_add_func("/serial/isa-irq-rewire", test_isa_irq_rewire);
    g_test_add_func("/serial/reset-values", test_reset_values);
    g_test_add_func("/serial/scratch-dlab", test_scratch_dlab);
    g_test_add_func("/serial/tx", test_tx);
    g_test_add_func("/serial/tx-backpressure", test_tx_backpressure);
    g_test_add_func("/serial/rx", test_rx);
    g_test_add_func("/serial/rx-trigger-levels", test_rx_trigger_levels);
    g_test_add_func("/serial/rx-timeout", test_rx_timeout);
    g_test_add_func("/serial/thre-irq", test_thre_irq);
    g_test_add_func("/serial/loopback", test_loopback);
    g_test_add_func("/serial/iir-priority", test_iir_priority);
    g_test_add_func("/serial/break", test_break);
    g_test_add_func("/serial/no-chardev", test_no_chardev);
    g_test_add_func("/serial/linux-probe", test_linux_probe);
    g_test_add_func("/debug-exit/exit-status", test_debug_exit);
    g_test_add_func("/debug-exit/props", test_debug_exit_props);
    ret = g_test_run();
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
