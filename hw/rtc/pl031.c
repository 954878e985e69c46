/*
 * hw/rtc/pl031.c: PL031 real-time clock ("pl031"). Interface: one 4 KiB
 * MMIO region, one IRQ output (the match interrupt). Registers per ARM
 * DDI 0224 (PrimeCell RTC PL031 TRM); docs/devices.md says what is
 * modelled.
 *
 * The counter is not ticked: a read computes it from the host's wall
 * clock plus an offset the guest moves by writing RTCLR. A host-clock
 * timer is armed only while the match register lies ahead.
 */
#include "qemu/osdep.h"
#include <time.h>
#include "qemu/log.h"
#include "sysemu/sysemu.h"
#include "hw/rtc/pl031.h"

#define PL031_DR        0x000   /* data (read only) */
#define PL031_MR        0x004   /* match */
#define PL031_LR        0x008   /* load */
#define PL031_CR        0x00c   /* control: the counter always runs */
#define PL031_IMSC      0x010
#define PL031_RIS       0x014
#define PL031_MIS       0x018
#define PL031_ICR       0x01c
#define PL031_ID_BASE   0xfe0   /* 0xfe0..0xffc: PeriphID0..3, CellID0..3 */
#define PL031_MMIO_SIZE 0x1000

#define PL031_INT       1u      /* the only interrupt bit */
#define NS_PER_SEC      1000000000LL

static const uint8_t pl031_id[8] = {
    0x31, 0x10, 0x14, 0x00,     /* PeriphID0..3: part 0x031, ARM, r1 */
    0x0d, 0xf0, 0x05, 0xb1,     /* CellID0..3: PrimeCell */
};

/* ------------------------------------------------------------------ */
/* Time                                                                */

static int64_t pl031_host_ns(void)
{
    return qemu_clock_get_ns(QEMU_CLOCK_HOST);
}

uint32_t pl031_get_count(PL031State *s)
{
    return (uint32_t)(pl031_host_ns() / NS_PER_SEC + s->tick_offset);
}

/* Seconds to add to UTC so the counter shows the -rtc base. */
static int64_t pl031_base_offset(void)
{
    time_t now = time(NULL);
    struct tm tm;

    if (!rtc_base_localtime) {
        return 0;
    }
    localtime_r(&now, &tm);
    return tm.tm_gmtoff;
}

static void pl031_update_irq(PL031State *s)
{
    qemu_set_irq(s->irq, (s->is & s->im) != 0);
}

/*
 * Arm the alarm for the second the counter reaches MR. The counter wraps
 * at 2^32, so "ahead" is modulo 2^32 as on the hardware; a match equal to
 * the count now fires at once.
 */
static void pl031_set_alarm(PL031State *s)
{
    int64_t now_s = pl031_host_ns() / NS_PER_SEC;
    uint32_t ticks = s->mr - (uint32_t)(now_s + s->tick_offset);

    if (ticks == 0) {
        timer_del(&s->alarm);
        s->is |= PL031_INT;
        pl031_update_irq(s);
        return;
    }
    timer_mod_ns(&s->alarm, (now_s + (int64_t)ticks) * NS_PER_SEC);
}

static void pl031_alarm_cb(void *opaque)
{
    PL031State *s = opaque;

    s->is |= PL031_INT;
    pl031_update_irq(s);
}

/* ------------------------------------------------------------------ */
/* Registers                                                           */

static uint64_t pl031_read_dr(PL031State *s)
{
    return pl031_get_count(s);
}

static uint64_t pl031_read_cr(PL031State *s)
{
    return 1;   /* RTCCR.RTCStart: always started */
}

static uint64_t pl031_read_mis(PL031State *s)
{
    return s->is & s->im;
}

static void pl031_write_mr(PL031State *s, uint32_t val)
{
    s->mr = val;
    pl031_set_alarm(s);
}

static void pl031_write_lr(PL031State *s, uint32_t val)
{
    s->lr = val;
    s->tick_offset = (int64_t)val - pl031_host_ns() / NS_PER_SEC;
    pl031_set_alarm(s);
}

static void pl031_write_cr(PL031State *s, uint32_t val)
{
    /* The TRM: once started only a reset stops it; we never stop. */
    if (!(val & 1)) {
        qemu_log_mask(LOG_UNIMP, "pl031: RTCCR write 0x%x: the counter "
                      "cannot be stopped\n", val);
    }
}

static void pl031_write_imsc(PL031State *s, uint32_t val)
{
    s->im = val & PL031_INT;
    pl031_update_irq(s);
}

static void pl031_write_icr(PL031State *s, uint32_t val)
{
    s->is &= ~(val & PL031_INT);
    pl031_update_irq(s);
}

/*
 * The register map: a read goes through 'read' or else 'field'; a write
 * goes through 'write'. No 'write' means read only.
 */
typedef struct PL031Reg {
    const char *name;
    size_t field;             /* offset in PL031State, 0 for none */
    uint64_t (*read)(PL031State *s);
    void (*write)(PL031State *s, uint32_t val);
} PL031Reg;

#define REG_FIELD(f) offsetof(PL031State, f)

static const PL031Reg pl031_regs[PL031_ICR / 4 + 1] = {
    [PL031_DR / 4] = { "RTCDR", 0, pl031_read_dr, NULL },
    [PL031_MR / 4] = { "RTCMR", REG_FIELD(mr), NULL, pl031_write_mr },
    [PL031_LR / 4] = { "RTCLR", REG_FIELD(lr), NULL, pl031_write_lr },
    [PL031_CR / 4] = { "RTCCR", 0, pl031_read_cr, pl031_write_cr },
    [PL031_IMSC / 4] = { "RTCIMSC", REG_FIELD(im), NULL, pl031_write_imsc },
    [PL031_RIS / 4] = { "RTCRIS", REG_FIELD(is), NULL, NULL },
    [PL031_MIS / 4] = { "RTCMIS", 0, pl031_read_mis, NULL },
    [PL031_ICR / 4] = { "RTCICR", 0, NULL, pl031_write_icr },
};

static const PL031Reg *pl031_reg_find(hwaddr offset)
{
    if ((offset & 3) || offset / 4 >= ARRAY_SIZE(pl031_regs)) {
        return NULL;
    }
    return &pl031_regs[offset / 4];
}

static uint64_t pl031_mmio_read(void *opaque, hwaddr offset, unsigned size)
{
    PL031State *s = opaque;
    const PL031Reg *r = pl031_reg_find(offset);

    if (r && r->read) {
        return r->read(s);
    }
    if (r && r->field) {
        return *(uint32_t *)((char *)s + r->field);
    }
    if (r) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl031: read of write-only register "
                      "%s\n", r->name);
        return 0;
    }
    if (offset >= PL031_ID_BASE && offset < PL031_MMIO_SIZE &&
        !(offset & 3)) {
        return pl031_id[(offset - PL031_ID_BASE) / 4];
    }
    qemu_log_mask(LOG_GUEST_ERROR, "pl031: read of bad offset 0x%"
                  HWADDR_PRIx "\n", offset);
    return 0;
}

static void pl031_mmio_write(void *opaque, hwaddr offset, uint64_t value,
                             unsigned size)
{
    PL031State *s = opaque;
    const PL031Reg *r = pl031_reg_find(offset);

    if (!r) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl031: write of bad offset 0x%"
                      HWADDR_PRIx " (value 0x%" PRIx64 ")\n", offset, value);
        return;
    }
    if (!r->write) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl031: write to read-only register "
                      "%s (value 0x%" PRIx64 ")\n", r->name, value);
        return;
    }
    r->write(s, (uint32_t)value);
}

/* The core widens byte and halfword accesses to the 32-bit register. */
static const MemoryRegionOps pl031_ops = {
    .read = pl031_mmio_read,
    .write = pl031_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ------------------------------------------------------------------ */
/* Device                                                              */

static void pl031_init(Object *obj)
{
    PL031State *s = PL031(obj);

    memory_region_init_io(&s->iomem, obj, &pl031_ops, s, "pl031",
                          PL031_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    timer_init_full(&s->alarm, QEMU_CLOCK_HOST, SCALE_NS, pl031_alarm_cb, s);
}

static void pl031_finalize(Object *obj)
{
    PL031State *s = PL031(obj);

    timer_del(&s->alarm);
    memory_region_finalize(&s->iomem);
}

static bool pl031_realize(DeviceState *dev, Error **errp)
{
    PL031State *s = PL031(dev);

    s->tick_offset = pl031_base_offset();
    return true;
}

static void pl031_unrealize(DeviceState *dev)
{
    PL031State *s = PL031(dev);

    timer_del(&s->alarm);
}

DeviceState *pl031_create(hwaddr addr, qemu_irq irq, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_PL031);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (!sysbus_realize_and_unref(sbd, errp)) {
        return NULL;
    }
    sysbus_mmio_map(sbd, 0, addr);
    sysbus_connect_irq(sbd, 0, irq);
    return dev;
}

/* QEMU's one property: its migration knob, accepted for "info qtree". */
static const Property pl031_props[] = {
    PROP_BOOL("migrate-tick-offset", PL031State, migrate_tick_offset, true),
    PROP_END,
};

static void pl031_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pl031_realize;
    dc->unrealize = pl031_unrealize;
    /* No reset: as on QEMU, the clock and its registers survive a system
     * reset (a battery-backed part; checked against QEMU 7.2). */
    dc->desc = "ARM PL031 real-time clock";
    /* A board maps it and wires its line. */
    dc->user_creatable = false;
    device_class_set_props(dc, pl031_props);
}

static const TypeInfo pl031_type = {
    .name = TYPE_PL031,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PL031State),
    .instance_init = pl031_init,
    .instance_finalize = pl031_finalize,
    .class_init = pl031_class_init,
};

static void pl031_register(void)
{
    type_register_static(&pl031_type);
}

type_init(pl031_register)
