/*
 * hw/char/pl011.c: PL011 UART ("pl011"). Interface: one 4 KiB MMIO region,
 * one IRQ output (the combined UARTINTR), property "chardev". Registers per
 * ARM DDI 0183 (PrimeCell UART PL011 TRM); docs/devices.md says what is
 * modelled and where it departs from the TRM.
 *
 * Transmission takes no time: a byte written to DR goes to the chardev at
 * once. Only when the chardev takes fewer bytes does the transmit FIFO
 * fill; a chardev watch drains it later, so a vCPU never waits on output.
 * Input is pulled from the chardev only while the receive FIFO has room.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/char/pl011.h"

/* Register offsets. */
#define PL011_DR        0x000
#define PL011_RSR       0x004   /* write: ECR */
#define PL011_FR        0x018
#define PL011_ILPR      0x020
#define PL011_IBRD      0x024
#define PL011_FBRD      0x028
#define PL011_LCR_H     0x02c
#define PL011_CR        0x030
#define PL011_IFLS      0x034
#define PL011_IMSC      0x038
#define PL011_RIS       0x03c
#define PL011_MIS       0x040
#define PL011_ICR       0x044
#define PL011_DMACR     0x048
#define PL011_ITCR      0x080   /* 0x080..0x08c: integration test */
#define PL011_TDR       0x08c
#define PL011_ID_BASE   0xfe0   /* 0xfe0..0xffc: PeriphID0..3, CellID0..3 */
#define PL011_MMIO_SIZE 0x1000

/* DR bits 11:8 and RSR bits 3:0: the error flags of a received char. */
#define DR_FE           (1u << 8)
#define DR_PE           (1u << 9)
#define DR_BE           (1u << 10)
#define DR_OE           (1u << 11)
#define RSR_OE          (1u << 3)

#define FR_BUSY         (1u << 3)
#define FR_RXFE         (1u << 4)
#define FR_TXFF         (1u << 5)
#define FR_RXFF         (1u << 6)
#define FR_TXFE         (1u << 7)

#define LCR_H_BRK       (1u << 0)
#define LCR_H_FEN       (1u << 4)

#define CR_UARTEN       (1u << 0)
#define CR_SIREN        (1u << 1)
#define CR_LBE          (1u << 7)
#define CR_TXE          (1u << 8)
#define CR_RXE          (1u << 9)

/* Interrupt bits, the same in IMSC, RIS, MIS and ICR. */
#define INT_RX          (1u << 4)
#define INT_TX          (1u << 5)
#define INT_RT          (1u << 6)
#define INT_BE          (1u << 9)
#define INT_OE          (1u << 10)
#define INT_ALL         0x7ffu

#define PL011_CR_RESET   0x300  /* TXE | RXE */
#define PL011_IFLS_RESET 0x12   /* both levels at 1/2 */

static const uint8_t pl011_id[8] = {
    0x11, 0x10, 0x14, 0x00,     /* PeriphID0..3: part 0x011, ARM, r1 */
    0x0d, 0xf0, 0x05, 0xb1,     /* CellID0..3: PrimeCell */
};

/*
 * IFLS level select -> FIFO entries: 1/8, 1/4, 1/2, 3/4, 7/8 of 16.
 * The reserved codes 5..7 act as 1/2 (and are logged when written).
 */
static const uint8_t pl011_ifls_entries[8] = { 2, 4, 8, 12, 14, 8, 8, 8 };

/* ------------------------------------------------------------------ */
/* FIFO levels and the interrupt line                                  */

static bool pl011_fifo_enabled(const PL011State *s)
{
    return s->lcr_h & LCR_H_FEN;
}

/* Entries each FIFO holds: one (a holding register) with FEN clear. */
static unsigned pl011_fifo_capacity(const PL011State *s)
{
    return pl011_fifo_enabled(s) ? PL011_FIFO_DEPTH : 1;
}

/* RX is raised once the receive FIFO holds at least this many. */
static unsigned pl011_rx_level(const PL011State *s)
{
    return pl011_fifo_enabled(s) ? pl011_ifls_entries[(s->ifls >> 3) & 7] : 1;
}

/* TX is raised while the transmit FIFO holds at most this many. */
static unsigned pl011_tx_level(const PL011State *s)
{
    return pl011_fifo_enabled(s) ? pl011_ifls_entries[s->ifls & 7] : 0;
}

static bool pl011_rx_enabled(const PL011State *s)
{
    return (s->cr & (CR_UARTEN | CR_RXE)) == (CR_UARTEN | CR_RXE);
}

static void pl011_update_irq(PL011State *s)
{
    qemu_set_irq(s->irq, (s->ris & s->imsc) != 0);
}

/* TX follows the fill of the transmit FIFO after a write or a drain. */
static void pl011_update_tx_int(PL011State *s)
{
    if (s->tx_count <= pl011_tx_level(s)) {
        s->ris |= INT_TX;
    } else {
        s->ris &= ~INT_TX;
    }
}

/* ------------------------------------------------------------------ */
/* Transmit                                                            */

static void pl011_tx_watch_remove(PL011State *s)
{
    if (s->tx_watch) {
        GSource *src = g_main_context_find_source_by_id(NULL, s->tx_watch);

        /* The chardev may have gone first and taken its sources along. */
        if (src) {
            g_source_destroy(src);
        }
        s->tx_watch = 0;
    }
}

static void pl011_tx_drop(PL011State *s)
{
    s->tx_head = 0;
    s->tx_count = 0;
}

static gboolean pl011_tx_watch_cb(void *opaque);

/*
 * Hand the transmit FIFO to the chardev, oldest first, as far as it takes
 * it now. What is left waits for a watch. A chardev that fails, or that
 * cannot tell us when it has room, loses the bytes as a disconnected
 * serial line would.
 */
static void pl011_tx_flush(PL011State *s)
{
    while (s->tx_count) {
        unsigned len = MIN(s->tx_count, PL011_FIFO_DEPTH - s->tx_head);
        int n = qemu_chr_fe_write(&s->chr, &s->tx_fifo[s->tx_head], len);

        if (n < 0) {
            pl011_tx_drop(s);
            return;
        }
        n = MIN((unsigned)n, len);
        s->tx_head = (s->tx_head + n) % PL011_FIFO_DEPTH;
        s->tx_count -= n;
        if ((unsigned)n < len) {
            break;
        }
    }
    if (s->tx_count) {
        s->tx_watch = qemu_chr_fe_add_watch(&s->chr, G_IO_OUT | G_IO_HUP,
                                            pl011_tx_watch_cb, s);
        if (!s->tx_watch) {
            pl011_tx_drop(s);
        }
    }
}

/* The chardev has room again (main loop, BQL held). */
static gboolean pl011_tx_watch_cb(void *opaque)
{
    PL011State *s = opaque;

    s->tx_watch = 0;
    pl011_tx_flush(s);
    pl011_update_tx_int(s);
    pl011_update_irq(s);
    return G_SOURCE_REMOVE;
}

static void pl011_write_dr(PL011State *s, uint32_t val)
{
    unsigned tail;

    /* QEMU sends regardless; bare-metal programs rely on that. */
    if ((s->cr & (CR_UARTEN | CR_TXE)) != (CR_UARTEN | CR_TXE) &&
        !s->tx_disabled_logged) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "pl011: data written with the UART or transmitter "
                      "disabled (sent anyway)\n");
        s->tx_disabled_logged = true;
    }
    if (s->tx_count >= pl011_fifo_capacity(s)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "pl011: write to DR with the transmit FIFO full: "
                      "byte 0x%02x dropped\n", val & 0xff);
        return;
    }
    tail = (s->tx_head + s->tx_count) % PL011_FIFO_DEPTH;
    s->tx_fifo[tail] = val & 0xff;
    s->tx_count++;
    /* With a watch pending the chardev is full: the watch sends it all. */
    if (!s->tx_watch) {
        pl011_tx_flush(s);
    }
    pl011_update_tx_int(s);
    pl011_update_irq(s);
}

/* ------------------------------------------------------------------ */
/* Receive                                                             */

static void pl011_rx_flush(PL011State *s)
{
    s->rx_head = 0;
    s->rx_count = 0;
    s->rx_overrun = false;
    s->ris &= ~(INT_RX | INT_RT);
}

/* One char off the line, with its error bits (DR_*). */
static void pl011_rx_push(PL011State *s, uint8_t c, uint32_t err)
{
    unsigned tail;

    if (s->rx_count >= pl011_fifo_capacity(s)) {
        /* The FIFO keeps its contents; the new char is lost. */
        s->rsr |= RSR_OE;
        s->ris |= INT_OE;
        s->rx_overrun = true;
        return;
    }
    if (s->rx_overrun) {
        err |= DR_OE;
        s->rx_overrun = false;
    }
    if (err & DR_BE) {
        s->ris |= INT_BE;
    }
    tail = (s->rx_head + s->rx_count) % PL011_FIFO_DEPTH;
    s->rx_fifo[tail] = c | err;
    s->rx_count++;
    if (s->rx_count >= pl011_rx_level(s)) {
        s->ris |= INT_RX;
    }
}

/*
 * The end of a burst of input: with no clock to count idle bit times,
 * the receive timeout stands for "data is waiting and nothing more came".
 */
static void pl011_rx_burst_done(PL011State *s)
{
    if (s->rx_count) {
        s->ris |= INT_RT;
    }
    pl011_update_irq(s);
}

static int pl011_can_receive(void *opaque)
{
    PL011State *s = opaque;
    unsigned cap = pl011_fifo_capacity(s);

    if (!pl011_rx_enabled(s) || s->rx_count >= cap) {
        return 0;
    }
    return cap - s->rx_count;
}

static void pl011_receive(void *opaque, const uint8_t *buf, int size)
{
    PL011State *s = opaque;

    if (!pl011_rx_enabled(s)) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl011: %d byte(s) of input dropped: "
                      "the UART or receiver is disabled\n", size);
        return;
    }
    for (int i = 0; i < size; i++) {
        pl011_rx_push(s, buf[i], 0);
    }
    pl011_rx_burst_done(s);
}

static void pl011_event(void *opaque, QEMUChrEvent event)
{
    PL011State *s = opaque;

    if (event == CHR_EVENT_BREAK && pl011_rx_enabled(s)) {
        pl011_rx_push(s, 0, DR_BE);
        pl011_rx_burst_done(s);
    }
}

static uint64_t pl011_read_dr(PL011State *s)
{
    unsigned cap = pl011_fifo_capacity(s);
    uint16_t c;

    if (!s->rx_count) {
        return 0;
    }
    c = s->rx_fifo[s->rx_head];
    s->rx_head = (s->rx_head + 1) % PL011_FIFO_DEPTH;
    s->rx_count--;
    /* RSR holds the errors of the char just read; OE stays until ECR. */
    s->rsr = ((c >> 8) & 0xf) | (s->rsr & RSR_OE);
    if (s->rx_count < pl011_rx_level(s)) {
        s->ris &= ~INT_RX;
    }
    if (!s->rx_count) {
        s->ris &= ~INT_RT;
    }
    pl011_update_irq(s);
    if (s->rx_count + 1 >= cap) {
        qemu_chr_fe_accept_input(&s->chr);
    }
    return c;
}

/* ------------------------------------------------------------------ */
/* The other registers                                                 */

static uint64_t pl011_read_fr(PL011State *s)
{
    unsigned cap = pl011_fifo_capacity(s);
    uint32_t fr = 0;

    fr |= s->tx_count ? FR_BUSY : FR_TXFE;
    fr |= s->tx_count >= cap ? FR_TXFF : 0;
    fr |= s->rx_count ? 0 : FR_RXFE;
    fr |= s->rx_count >= cap ? FR_RXFF : 0;
    return fr;
}

static uint64_t pl011_read_mis(PL011State *s)
{
    return s->ris & s->imsc;
}

static void pl011_write_ecr(PL011State *s, uint32_t val)
{
    s->rsr = 0;
}

static void pl011_write_lcr_h(PL011State *s, uint32_t val)
{
    uint32_t old = s->lcr_h;

    s->lcr_h = val;
    if (val & LCR_H_BRK) {
        qemu_log_mask(LOG_UNIMP, "pl011: sending a break is not "
                      "implemented\n");
    }
    if ((old ^ val) & LCR_H_FEN) {
        /* Keeps rx_count within the capacity of the new FIFO size. */
        pl011_rx_flush(s);
        pl011_update_irq(s);
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void pl011_write_cr(PL011State *s, uint32_t val)
{
    if (val & CR_SIREN) {
        qemu_log_mask(LOG_UNIMP, "pl011: IrDA SIR mode is not implemented\n");
    }
    if (val & CR_LBE) {
        qemu_log_mask(LOG_UNIMP, "pl011: loopback is not implemented\n");
    }
    s->cr = val;
    if (pl011_rx_enabled(s)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void pl011_write_ifls(PL011State *s, uint32_t val)
{
    if ((val & 7) > 4 || ((val >> 3) & 7) > 4) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl011: reserved IFLS level in 0x%x "
                      "(taken as 1/2)\n", val);
    }
    s->ifls = val;
}

static void pl011_write_imsc(PL011State *s, uint32_t val)
{
    s->imsc = val;
    pl011_update_irq(s);
}

static void pl011_write_icr(PL011State *s, uint32_t val)
{
    s->ris &= ~val;
    pl011_update_irq(s);
}

static void pl011_write_dmacr(PL011State *s, uint32_t val)
{
    if (val) {
        qemu_log_mask(LOG_UNIMP, "pl011: DMA is not implemented (DMACR "
                      "0x%x)\n", val);
    }
    s->dmacr = val;
}

/*
 * The register map. A register reads through 'read' or else its 'field';
 * a write goes through 'write' or else into 'field' (masked). 'ro' and a
 * missing read path are what the guest may not do.
 */
typedef struct PL011Reg {
    const char *name;
    size_t field;             /* offset in PL011State, 0 for none */
    uint32_t mask;            /* writable bits */
    bool ro;
    uint64_t (*read)(PL011State *s);
    void (*write)(PL011State *s, uint32_t val);
} PL011Reg;

#define REG_FIELD(f) offsetof(PL011State, f)

static const PL011Reg pl011_regs[PL011_DMACR / 4 + 1] = {
    [PL011_DR / 4] = { "DR", 0, 0xff, false, pl011_read_dr, pl011_write_dr },
    [PL011_RSR / 4] = { "RSR", REG_FIELD(rsr), 0xff, false, NULL,
                        pl011_write_ecr },
    [PL011_FR / 4] = { "FR", 0, 0, true, pl011_read_fr, NULL },
    [PL011_ILPR / 4] = { "ILPR", REG_FIELD(ilpr), 0xff, false, NULL, NULL },
    [PL011_IBRD / 4] = { "IBRD", REG_FIELD(ibrd), 0xffff, false, NULL, NULL },
    [PL011_FBRD / 4] = { "FBRD", REG_FIELD(fbrd), 0x3f, false, NULL, NULL },
    [PL011_LCR_H / 4] = { "LCR_H", REG_FIELD(lcr_h), 0xff, false, NULL,
                          pl011_write_lcr_h },
    [PL011_CR / 4] = { "CR", REG_FIELD(cr), 0xff87, false, NULL,
                       pl011_write_cr },
    [PL011_IFLS / 4] = { "IFLS", REG_FIELD(ifls), 0x3f, false, NULL,
                         pl011_write_ifls },
    [PL011_IMSC / 4] = { "IMSC", REG_FIELD(imsc), INT_ALL, false, NULL,
                         pl011_write_imsc },
    [PL011_RIS / 4] = { "RIS", REG_FIELD(ris), 0, true, NULL, NULL },
    [PL011_MIS / 4] = { "MIS", 0, 0, true, pl011_read_mis, NULL },
    [PL011_ICR / 4] = { "ICR", 0, INT_ALL, false, NULL, pl011_write_icr },
    [PL011_DMACR / 4] = { "DMACR", REG_FIELD(dmacr), 0x7, false, NULL,
                          pl011_write_dmacr },
};

static uint32_t *pl011_reg_field(PL011State *s, const PL011Reg *r)
{
    return (uint32_t *)((char *)s + r->field);
}

/* The entry for offset, or NULL for a reserved or out-of-map offset. */
static const PL011Reg *pl011_reg_find(hwaddr offset)
{
    hwaddr idx = offset / 4;

    if ((offset & 3) || idx >= ARRAY_SIZE(pl011_regs) ||
        !pl011_regs[idx].name) {
        return NULL;
    }
    return &pl011_regs[idx];
}

static bool pl011_is_test_reg(hwaddr offset)
{
    return offset >= PL011_ITCR && offset <= PL011_TDR;
}

static uint64_t pl011_mmio_read(void *opaque, hwaddr offset, unsigned size)
{
    PL011State *s = opaque;
    const PL011Reg *r = pl011_reg_find(offset);

    if (r && r->read) {
        return r->read(s);
    }
    if (r && r->field) {
        return *pl011_reg_field(s, r);
    }
    if (r) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl011: read of write-only register "
                      "%s\n", r->name);
        return 0;
    }
    if (offset >= PL011_ID_BASE && offset < PL011_MMIO_SIZE &&
        !(offset & 3)) {
        return pl011_id[(offset - PL011_ID_BASE) / 4];
    }
    if (pl011_is_test_reg(offset)) {
        qemu_log_mask(LOG_UNIMP, "pl011: integration test register 0x%03"
                      HWADDR_PRIx " is not implemented\n", offset);
        return 0;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "pl011: read of bad offset 0x%"
                  HWADDR_PRIx "\n", offset);
    return 0;
}

static void pl011_mmio_write(void *opaque, hwaddr offset, uint64_t value,
                             unsigned size)
{
    PL011State *s = opaque;
    const PL011Reg *r = pl011_reg_find(offset);
    uint32_t val;

    if (!r) {
        if (pl011_is_test_reg(offset)) {
            qemu_log_mask(LOG_UNIMP, "pl011: integration test register 0x%03"
                          HWADDR_PRIx " is not implemented\n", offset);
        } else {
            qemu_log_mask(LOG_GUEST_ERROR, "pl011: write of bad offset 0x%"
                          HWADDR_PRIx " (value 0x%" PRIx64 ")\n", offset,
                          value);
        }
        return;
    }
    if (r->ro) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl011: write to read-only register "
                      "%s (value 0x%" PRIx64 ")\n", r->name, value);
        return;
    }
    val = (uint32_t)value & r->mask;
    if (r->write) {
        r->write(s, val);
    } else {
        *pl011_reg_field(s, r) = val;
    }
}

/*
 * Linux's amba-pl011 uses 16-bit accesses and earlycon 8-bit ones; the
 * core widens them to the 32-bit register (a byte written to DR is the
 * whole DR write, as on the APB bus).
 */
static const MemoryRegionOps pl011_ops = {
    .read = pl011_mmio_read,
    .write = pl011_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ------------------------------------------------------------------ */
/* Device                                                              */

static void pl011_reset_state(PL011State *s)
{
    pl011_tx_watch_remove(s);
    pl011_tx_drop(s);
    pl011_rx_flush(s);
    s->rsr = 0;
    s->ilpr = 0;
    s->ibrd = 0;
    s->fbrd = 0;
    s->lcr_h = 0;
    s->cr = PL011_CR_RESET;
    s->ifls = PL011_IFLS_RESET;
    s->imsc = 0;
    s->ris = 0;
    s->dmacr = 0;
    s->tx_disabled_logged = false;
}

static void pl011_reset(DeviceState *dev)
{
    PL011State *s = PL011(dev);

    pl011_reset_state(s);
    pl011_update_irq(s);
}

static void pl011_init(Object *obj)
{
    PL011State *s = PL011(obj);

    memory_region_init_io(&s->iomem, obj, &pl011_ops, s, "pl011",
                          PL011_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    /* A device is usable before the first system reset. */
    pl011_reset_state(s);
}

static void pl011_finalize(Object *obj)
{
    PL011State *s = PL011(obj);

    pl011_tx_watch_remove(s);
    memory_region_finalize(&s->iomem);
}

static bool pl011_realize(DeviceState *dev, Error **errp)
{
    PL011State *s = PL011(dev);

    qemu_chr_fe_set_handlers(&s->chr, pl011_can_receive, pl011_receive,
                             pl011_event, s, true);
    return true;
}

static void pl011_unrealize(DeviceState *dev)
{
    PL011State *s = PL011(dev);

    pl011_tx_watch_remove(s);
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, false);
}

DeviceState *pl011_create(hwaddr addr, qemu_irq irq, Chardev *chr,
                          Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_PL011);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (chr && !object_property_parse(OBJECT(dev), "chardev", chr->label,
                                      errp)) {
        object_unref(dev);
        return NULL;
    }
    if (!sysbus_realize_and_unref(sbd, errp)) {
        return NULL;
    }
    sysbus_mmio_map(sbd, 0, addr);
    sysbus_connect_irq(sbd, 0, irq);
    return dev;
}

static const Property pl011_props[] = {
    PROP_CHARDEV("chardev", PL011State, chr),
    PROP_END,
};

static void pl011_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pl011_realize;
    dc->unrealize = pl011_unrealize;
    dc->reset = pl011_reset;
    /* A board maps it and wires its line. */
    dc->user_creatable = false;
    device_class_set_props(dc, pl011_props);
}

static const TypeInfo pl011_type = {
    .name = TYPE_PL011,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PL011State),
    .instance_init = pl011_init,
    .instance_finalize = pl011_finalize,
    .class_init = pl011_class_init,
};

static void pl011_register(void)
{
    type_register_static(&pl011_type);
}

type_init(pl011_register)
