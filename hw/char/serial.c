/*
 * 16550A UART core (PC16550D data sheet). Interface: see
 * include/hw/char/serial.h. Eight byte registers, one level IRQ, one
 * chardev.
 *
 * Interrupts are not latched in a register: the IIR is computed from the
 * state each time, in the data sheet's priority order (line status, then
 * received data / character timeout, then THR empty, then modem status),
 * and the IRQ line is high exactly when that computation finds something.
 * Only two conditions need a latch because reading IIR or time clears
 * them: THR empty and the RX character timeout.
 *
 * Transmit is not paced to the baud rate (QEMU does not either): a byte
 * leaves as soon as the chardev takes it. The virtual clock is used for
 * the RX FIFO character timeout (4 character times at the programmed
 * divisor and frame format).
 */
#include "qemu/osdep.h"
#include "hw/char/serial.h"
#include "qemu/log.h"

#define LSR_DR      0x01
#define LSR_OE      0x02
#define LSR_PE      0x04
#define LSR_FE      0x08
#define LSR_BI      0x10
#define LSR_THRE    0x20
#define LSR_TEMT    0x40
#define LSR_RXF_ERR 0x80
#define LSR_ERRORS  (LSR_OE | LSR_PE | LSR_FE | LSR_BI)

#define IER_RDI     0x01
#define IER_THRI    0x02
#define IER_RLSI    0x04
#define IER_MSI     0x08

#define IIR_NO_INT  0x01
#define IIR_MSI     0x00
#define IIR_THRI    0x02
#define IIR_RDI     0x04
#define IIR_RLSI    0x06
#define IIR_CTI     0x0c
#define IIR_FIFO    0xc0

#define FCR_FE      0x01
#define FCR_RFR     0x02
#define FCR_XFR     0x04
#define FCR_KEEP    0xc9      /* FIFO enable, DMA mode, trigger level */

#define LCR_BREAK   0x40
#define LCR_DLAB    0x80

#define MCR_DTR     0x01
#define MCR_RTS     0x02
#define MCR_OUT1    0x04
#define MCR_OUT2    0x08
#define MCR_LOOP    0x10
#define MCR_MASK    0x1f

#define MSR_DCTS    0x01
#define MSR_DDSR    0x02
#define MSR_TERI    0x04
#define MSR_DDCD    0x08
#define MSR_CTS     0x10
#define MSR_DSR     0x20
#define MSR_RI      0x40
#define MSR_DCD     0x80
#define MSR_DELTAS  0x0f
/* What the far end "asserts" when not in loopback, as QEMU reports. */
#define MSR_EXTERNAL (MSR_DCD | MSR_DSR | MSR_CTS)

#define SERIAL_RESET_DIVIDER 12   /* 9600 baud; the data sheet leaves it open */

static const uint8_t serial_rx_trigger[4] = { 1, 4, 8, 14 };

/* Loopback wiring of the modem outputs to the inputs (data sheet 8.6.4). */
static const struct {
    uint8_t mcr;
    uint8_t msr;
} serial_loop_map[] = {
    { MCR_DTR, MSR_DSR },
    { MCR_RTS, MSR_CTS },
    { MCR_OUT1, MSR_RI },
    { MCR_OUT2, MSR_DCD },
};

/* FIFOs. */

static bool serial_fifo_mode(const SerialState *s)
{
    return s->fcr & FCR_FE;
}

static unsigned serial_fifo_capacity(const SerialState *s)
{
    return serial_fifo_mode(s) ? SERIAL_FIFO_LEN : 1;
}

static void serial_fifo_push(SerialFifo *f, uint8_t b)
{
    g_assert(f->count < SERIAL_FIFO_LEN);
    f->data[(f->head + f->count) % SERIAL_FIFO_LEN] = b;
    f->count++;
}

static uint8_t serial_fifo_pop(SerialFifo *f)
{
    uint8_t b = f->data[f->head];

    g_assert(f->count > 0);
    f->head = (f->head + 1) % SERIAL_FIFO_LEN;
    f->count--;
    return b;
}

static void serial_fifo_clear(SerialFifo *f)
{
    f->head = 0;
    f->count = 0;
}

/* Interrupts. */

static bool serial_rls_pending(const SerialState *s)
{
    return (s->ier & IER_RLSI) && (s->lsr & LSR_ERRORS);
}

static bool serial_rdi_pending(const SerialState *s)
{
    if (!(s->ier & IER_RDI) || !s->rx.count) {
        return false;
    }
    return !serial_fifo_mode(s) ||
           s->rx.count >= serial_rx_trigger[s->fcr >> 6];
}

static bool serial_cti_pending(const SerialState *s)
{
    return (s->ier & IER_RDI) && s->timeout_ipending;
}

static bool serial_thri_pending(const SerialState *s)
{
    return (s->ier & IER_THRI) && s->thr_ipending;
}

static bool serial_msi_pending(const SerialState *s)
{
    return (s->ier & IER_MSI) && (s->msr & MSR_DELTAS);
}

/* Highest priority first. */
static const struct {
    uint8_t iir;
    bool (*pending)(const SerialState *s);
} serial_irq_sources[] = {
    { IIR_RLSI, serial_rls_pending },
    { IIR_RDI, serial_rdi_pending },
    { IIR_CTI, serial_cti_pending },
    { IIR_THRI, serial_thri_pending },
    { IIR_MSI, serial_msi_pending },
};

static uint8_t serial_iir_id(const SerialState *s)
{
    for (size_t i = 0; i < ARRAY_SIZE(serial_irq_sources); i++) {
        if (serial_irq_sources[i].pending(s)) {
            return serial_irq_sources[i].iir;
        }
    }
    return IIR_NO_INT;
}

static void serial_update_irq(SerialState *s)
{
    qemu_set_irq(s->irq, serial_iir_id(s) != IIR_NO_INT);
}

/* Timing. */

/* One frame: start bit, 5..8 data bits, optional parity, 1 or 2 stop. */
static int64_t serial_char_time_ns(const SerialState *s)
{
    unsigned bits = 1 + 5 + (s->lcr & 3) + ((s->lcr & 0x08) ? 1 : 0) +
                    ((s->lcr & 0x04) ? 2 : 1);
    uint64_t divider = s->divider ? s->divider : 1;
    uint64_t baudbase = s->baudbase ? s->baudbase : 115200;

    return (int64_t)(bits * divider * 1000000000ULL / baudbase);
}

static void serial_rx_timeout_arm(SerialState *s)
{
    timer_mod_ns(&s->rx_timeout, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                 4 * serial_char_time_ns(s));
}

static void serial_rx_timeout_cb(void *opaque)
{
    SerialState *s = opaque;

    if (serial_fifo_mode(s) && s->rx.count) {
        s->timeout_ipending = true;
        serial_update_irq(s);
    }
}

/* Transmit. */

static gboolean serial_tx_watch_cb(gpointer opaque);

static void serial_tx_done(SerialState *s)
{
    s->lsr |= LSR_THRE | LSR_TEMT;
    s->thr_ipending = true;
}

/* Hand the TX FIFO to the chardev; wait on a watch for what it refuses. */
static void serial_tx_flush(SerialState *s)
{
    while (s->tx.count) {
        unsigned chunk = MIN(s->tx.count, SERIAL_FIFO_LEN - s->tx.head);
        int n = qemu_chr_fe_write(&s->chr, &s->tx.data[s->tx.head], chunk);

        if (n == 0) {
            if (!s->watch_tag) {
                s->watch_tag = qemu_chr_fe_add_watch(
                    &s->chr, G_IO_OUT | G_IO_HUP, serial_tx_watch_cb, s);
            }
            if (s->watch_tag) {
                return;
            }
            /* A backend that cannot say when: the bytes are lost. */
            n = -1;
        }
        if (n < 0) {
            serial_fifo_clear(&s->tx);
            break;
        }
        for (int i = 0; i < n; i++) {
            serial_fifo_pop(&s->tx);
        }
    }
    serial_tx_done(s);
}

/* The chardev's watches call back with our pointer only. */
static gboolean serial_tx_watch_cb(gpointer opaque)
{
    SerialState *s = opaque;

    s->watch_tag = 0;
    /* A reset or FIFO clear may have emptied it meanwhile. */
    if (s->tx.count) {
        serial_tx_flush(s);
        serial_update_irq(s);
    }
    return G_SOURCE_REMOVE;
}

static void serial_rx_byte(SerialState *s, uint8_t b);

static void serial_write_thr(SerialState *s, uint8_t b)
{
    if (s->mcr & MCR_LOOP) {
        /* The shift register feeds the receiver; nothing leaves the chip. */
        s->thr_ipending = false;
        serial_rx_byte(s, b);
        serial_tx_done(s);
        return;
    }
    if (s->tx.count >= serial_fifo_capacity(s)) {
        if (!s->tx_overrun_logged) {
            qemu_log_mask(LOG_GUEST_ERROR, "serial: THR written while the "
                          "transmit FIFO is full: byte dropped\n");
            s->tx_overrun_logged = true;
        }
        return;
    }
    serial_fifo_push(&s->tx, b);
    s->lsr &= ~(LSR_THRE | LSR_TEMT);
    s->thr_ipending = false;
    serial_tx_flush(s);
}

/* Receive. */

static void serial_rx_byte(SerialState *s, uint8_t b)
{
    if (s->rx.count >= serial_fifo_capacity(s)) {
        s->lsr |= LSR_OE;
        if (!serial_fifo_mode(s)) {
            /* 16450 mode: the new byte overwrites RBR. */
            s->rx.data[s->rx.head] = b;
        }
    } else {
        serial_fifo_push(&s->rx, b);
    }
    s->lsr |= LSR_DR;
    if (serial_fifo_mode(s)) {
        s->timeout_ipending = false;
        serial_rx_timeout_arm(s);
    }
}

static int serial_can_receive(void *opaque)
{
    SerialState *s = opaque;

    /* In loopback the receiver hears only the transmitter. */
    if (s->mcr & MCR_LOOP) {
        return 0;
    }
    return serial_fifo_capacity(s) - s->rx.count;
}

static void serial_receive(void *opaque, const uint8_t *buf, int size)
{
    SerialState *s = opaque;

    for (int i = 0; i < size; i++) {
        serial_rx_byte(s, buf[i]);
    }
    serial_update_irq(s);
}

static void serial_event(void *opaque, QEMUChrEvent event)
{
    SerialState *s = opaque;

    if (event != CHR_EVENT_BREAK) {
        return;
    }
    /* A break arrives as a zero byte with BI set. */
    serial_rx_byte(s, 0);
    s->lsr |= LSR_BI;
    if (serial_fifo_mode(s)) {
        s->lsr |= LSR_RXF_ERR;
    }
    serial_update_irq(s);
}

/* Register reads. */

static uint8_t serial_read_rbr(SerialState *s)
{
    uint8_t b = 0;

    if (s->lcr & LCR_DLAB) {
        return s->divider & 0xff;
    }
    if (s->rx.count) {
        bool was_full = s->rx.count >= serial_fifo_capacity(s);

        b = serial_fifo_pop(&s->rx);
        /* Only a full FIFO made the backend stop offering input. */
        if (was_full) {
            qemu_chr_fe_accept_input(&s->chr);
        }
    }
    s->timeout_ipending = false;
    if (s->rx.count) {
        if (serial_fifo_mode(s)) {
            serial_rx_timeout_arm(s);
        }
    } else {
        s->lsr &= ~(LSR_DR | LSR_RXF_ERR);
        timer_del(&s->rx_timeout);
    }
    serial_update_irq(s);
    return b;
}

static uint8_t serial_read_ier(SerialState *s)
{
    return (s->lcr & LCR_DLAB) ? s->divider >> 8 : s->ier;
}

static uint8_t serial_read_iir(SerialState *s)
{
    uint8_t id = serial_iir_id(s);

    /* Reading IIR acknowledges a THR-empty interrupt it reports. */
    if (id == IIR_THRI) {
        s->thr_ipending = false;
        serial_update_irq(s);
    }
    return id | (serial_fifo_mode(s) ? IIR_FIFO : 0);
}

static uint8_t serial_read_lcr(SerialState *s)
{
    return s->lcr;
}

static uint8_t serial_read_mcr(SerialState *s)
{
    return s->mcr;
}

static uint8_t serial_read_lsr(SerialState *s)
{
    uint8_t v = s->lsr;

    s->lsr &= ~(LSR_ERRORS | LSR_RXF_ERR);
    serial_update_irq(s);
    return v;
}

static uint8_t serial_read_msr(SerialState *s)
{
    uint8_t v = s->msr;

    s->msr &= ~MSR_DELTAS;
    serial_update_irq(s);
    return v;
}

static uint8_t serial_read_scr(SerialState *s)
{
    return s->scr;
}

static uint8_t (*const serial_readers[8])(SerialState *s) = {
    [SERIAL_RBR] = serial_read_rbr,
    [SERIAL_IER] = serial_read_ier,
    [SERIAL_IIR] = serial_read_iir,
    [SERIAL_LCR] = serial_read_lcr,
    [SERIAL_MCR] = serial_read_mcr,
    [SERIAL_LSR] = serial_read_lsr,
    [SERIAL_MSR] = serial_read_msr,
    [SERIAL_SCR] = serial_read_scr,
};

uint8_t serial_reg_read(SerialState *s, unsigned reg)
{
    return serial_readers[reg & 7](s);
}

/* Register writes. */

static void serial_write_data(SerialState *s, uint8_t val)
{
    if (s->lcr & LCR_DLAB) {
        s->divider = (s->divider & 0xff00) | val;
        return;
    }
    serial_write_thr(s, val);
}

static void serial_write_ier(SerialState *s, uint8_t val)
{
    uint8_t old = s->ier;

    if (s->lcr & LCR_DLAB) {
        s->divider = (s->divider & 0x00ff) | (val << 8);
        return;
    }
    s->ier = val & 0x0f;
    /* Enabling the THRE interrupt while THR is empty raises it at once. */
    if (!(old & IER_THRI) && (s->ier & IER_THRI) && (s->lsr & LSR_THRE)) {
        s->thr_ipending = true;
    }
}

static void serial_clear_rx(SerialState *s)
{
    serial_fifo_clear(&s->rx);
    s->lsr &= ~(LSR_DR | LSR_RXF_ERR);
    s->timeout_ipending = false;
    timer_del(&s->rx_timeout);
}

/* Only a THR that had something in it becomes "empty" (an interrupt). */
static void serial_clear_tx(SerialState *s)
{
    if (s->tx.count) {
        serial_fifo_clear(&s->tx);
        serial_tx_done(s);
    }
}

static void serial_write_fcr(SerialState *s, uint8_t val)
{
    bool was_fifo = serial_fifo_mode(s);

    /* Changing the FIFO enable bit empties both FIFOs. */
    if (was_fifo != !!(val & FCR_FE)) {
        serial_clear_rx(s);
        serial_clear_tx(s);
    }
    if (!(val & FCR_FE)) {
        /* The other bits only take effect with FIFOs enabled. */
        s->fcr = 0;
        return;
    }
    if (val & FCR_RFR) {
        serial_clear_rx(s);
    }
    if (val & FCR_XFR) {
        serial_clear_tx(s);
    }
    s->fcr = val & FCR_KEEP;
    qemu_chr_fe_accept_input(&s->chr);
}

static void serial_write_lcr(SerialState *s, uint8_t val)
{
    s->lcr = val;
    if ((val & LCR_BREAK) && !s->break_logged) {
        qemu_log_mask(LOG_UNIMP, "serial: sending a break is not "
                      "implemented\n");
        s->break_logged = true;
    }
}

/* The modem inputs: the far end's, or our own outputs in loopback. */
static uint8_t serial_msr_inputs(const SerialState *s)
{
    uint8_t in = 0;

    if (!(s->mcr & MCR_LOOP)) {
        return MSR_EXTERNAL;
    }
    for (size_t i = 0; i < ARRAY_SIZE(serial_loop_map); i++) {
        if (s->mcr & serial_loop_map[i].mcr) {
            in |= serial_loop_map[i].msr;
        }
    }
    return in;
}

static void serial_update_msr(SerialState *s)
{
    uint8_t old = s->msr & ~MSR_DELTAS;
    uint8_t in = serial_msr_inputs(s);
    uint8_t changed = old ^ in;
    uint8_t deltas = s->msr & MSR_DELTAS;

    if (changed & MSR_CTS) {
        deltas |= MSR_DCTS;
    }
    if (changed & MSR_DSR) {
        deltas |= MSR_DDSR;
    }
    if (changed & MSR_DCD) {
        deltas |= MSR_DDCD;
    }
    /* Trailing edge only: RI went from on to off. */
    if ((old & MSR_RI) && !(in & MSR_RI)) {
        deltas |= MSR_TERI;
    }
    s->msr = in | deltas;
}

static void serial_write_mcr(SerialState *s, uint8_t val)
{
    bool was_loop = s->mcr & MCR_LOOP;

    s->mcr = val & MCR_MASK;
    serial_update_msr(s);
    if (was_loop && !(s->mcr & MCR_LOOP)) {
        /* The receiver listens to the chardev again. */
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void serial_write_lsr(SerialState *s, uint8_t val)
{
    (void)s;
    qemu_log_mask(LOG_GUEST_ERROR, "serial: write 0x%02x to the read-only "
                  "LSR ignored\n", val);
}

static void serial_write_msr(SerialState *s, uint8_t val)
{
    (void)s;
    qemu_log_mask(LOG_GUEST_ERROR, "serial: write 0x%02x to the read-only "
                  "MSR ignored\n", val);
}

static void serial_write_scr(SerialState *s, uint8_t val)
{
    s->scr = val;
}

static void (*const serial_writers[8])(SerialState *s, uint8_t val) = {
    [SERIAL_RBR] = serial_write_data,
    [SERIAL_IER] = serial_write_ier,
    [SERIAL_IIR] = serial_write_fcr,
    [SERIAL_LCR] = serial_write_lcr,
    [SERIAL_MCR] = serial_write_mcr,
    [SERIAL_LSR] = serial_write_lsr,
    [SERIAL_MSR] = serial_write_msr,
    [SERIAL_SCR] = serial_write_scr,
};

void serial_reg_write(SerialState *s, unsigned reg, uint8_t val)
{
    serial_writers[reg & 7](s, val);
    serial_update_irq(s);
}

/* The 8-port region. */

static uint64_t serial_io_read(void *opaque, hwaddr addr, unsigned size)
{
    (void)size;
    return serial_reg_read(opaque, addr & 7);
}

static void serial_io_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    (void)size;
    serial_reg_write(opaque, addr & 7, val & 0xff);
}

/* Byte registers; a wider access is split as the ISA bus would. */
static const MemoryRegionOps serial_io_ops = {
    .read = serial_io_read,
    .write = serial_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 1 },
};

void serial_init(SerialState *s, Object *owner)
{
    memory_region_init_io(&s->io, owner, &serial_io_ops, s, "serial",
                          SERIAL_IO_SIZE);
    timer_init_full(&s->rx_timeout, QEMU_CLOCK_VIRTUAL, SCALE_NS,
                    serial_rx_timeout_cb, s);
}

void serial_reset(SerialState *s)
{
    timer_del(&s->rx_timeout);
    serial_fifo_clear(&s->rx);
    serial_fifo_clear(&s->tx);
    s->divider = SERIAL_RESET_DIVIDER;
    s->ier = 0;
    s->fcr = 0;
    s->lcr = 0;
    s->mcr = 0;
    s->lsr = LSR_THRE | LSR_TEMT;
    s->msr = MSR_EXTERNAL;
    s->scr = 0;
    s->thr_ipending = false;
    s->timeout_ipending = false;
    serial_update_irq(s);
}

bool serial_realize_core(SerialState *s, Error **errp)
{
    (void)errp;
    serial_reset(s);
    qemu_chr_fe_set_handlers(&s->chr, serial_can_receive, serial_receive,
                             serial_event, s, true);
    return true;
}

void serial_unrealize_core(SerialState *s)
{
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, false);
    timer_del(&s->rx_timeout);
    if (s->watch_tag) {
        g_source_remove(s->watch_tag);
        s->watch_tag = 0;
    }
}
