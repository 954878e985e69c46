/*
 * MC146818A real-time clock and CMOS NVRAM. Interface: see
 * include/hw/rtc/mc146818rtc.h.
 *
 * The time registers are not ticked: a read formats the current guest
 * time (host clock + offset), so there is no per-second timer unless the
 * guest enables update-ended or alarm interrupts. With SET (register B
 * bit 7) the registers freeze and the guest writes a new time, taken when
 * SET is cleared. Data sheet facts used: register A divider 010 is the
 * normal 32.768 kHz time base, rate select RS gives 65536 >> RS Hz (RS 1
 * and 2 repeat RS 8 and 9); UIP is high for 244 us before each update;
 * reading register C clears it and drops the IRQ; register D bit 7 (VRT)
 * always reads 1.
 */
#include "qemu/osdep.h"
#include <time.h>
#include "hw/rtc/mc146818rtc.h"
#include "qemu/log.h"

#define NS_PER_SEC 1000000000LL
#define RTC_FREQ 32768
#define UIP_HOLD_NS 244000
#define REG_A_DV_MASK 0x70
#define REG_A_DV_NORMAL 0x20
#define REG_A_RS_MASK 0x0f
#define ALARM_DONT_CARE 0xc0
/* Latest guest time (year 2191): guest ns stay within int64_t. */
#define RTC_MAX_SECS 7000000000LL

static const Property rtc_props[] = {
    PROP_UINT32("iobase", MC146818RtcState, iobase, RTC_ISA_BASE),
    PROP_UINT32("irq", MC146818RtcState, isairq, RTC_ISA_IRQ),
    PROP_INT_RANGE("base_year", MC146818RtcState, base_year, 0, 0, 9999),
    PROP_END,
};

/* ---- time ---- */

static int64_t rtc_muldiv(int64_t a, int64_t mul, int64_t div)
{
    return (int64_t)((__int128)a * mul / div);
}

static int64_t rtc_guest_ns(MC146818RtcState *s)
{
    return qemu_clock_get_ns(QEMU_CLOCK_HOST) + s->offset_ns;
}

static bool rtc_binary(MC146818RtcState *s)
{
    return s->cmos_data[RTC_REG_B] & REG_B_DM;
}

static uint8_t rtc_to_reg(MC146818RtcState *s, int v)
{
    return rtc_binary(s) ? v : ((v / 10) << 4) | (v % 10);
}

static int rtc_from_reg(MC146818RtcState *s, uint8_t v)
{
    return rtc_binary(s) ? v : (v >> 4) * 10 + (v & 0x0f);
}

static uint8_t rtc_hour_to_reg(MC146818RtcState *s, int hour)
{
    bool pm;

    if (s->cmos_data[RTC_REG_B] & REG_B_24H) {
        return rtc_to_reg(s, hour);
    }
    pm = hour >= 12;
    hour %= 12;
    return rtc_to_reg(s, hour ? hour : 12) | (pm ? 0x80 : 0);
}

static int rtc_hour_from_reg(MC146818RtcState *s, uint8_t v)
{
    int hour;

    if (s->cmos_data[RTC_REG_B] & REG_B_24H) {
        return rtc_from_reg(s, v);
    }
    hour = rtc_from_reg(s, v & 0x7f) % 12;
    return (v & 0x80) ? hour + 12 : hour;
}

/* Write the guest time into the time registers and the century byte. */
static void rtc_fill_time_regs(MC146818RtcState *s)
{
    time_t secs = rtc_guest_ns(s) / NS_PER_SEC;
    struct tm tm;
    int year;

    gmtime_r(&secs, &tm);
    year = MAX(tm.tm_year + 1900 - s->base_year, 0);
    s->cmos_data[RTC_SECONDS] = rtc_to_reg(s, tm.tm_sec);
    s->cmos_data[RTC_MINUTES] = rtc_to_reg(s, tm.tm_min);
    s->cmos_data[RTC_HOURS] = rtc_hour_to_reg(s, tm.tm_hour);
    s->cmos_data[RTC_DAY_OF_WEEK] = rtc_to_reg(s, tm.tm_wday + 1);
    s->cmos_data[RTC_DAY_OF_MONTH] = rtc_to_reg(s, tm.tm_mday);
    s->cmos_data[RTC_MONTH] = rtc_to_reg(s, tm.tm_mon + 1);
    s->cmos_data[RTC_YEAR] = rtc_to_reg(s, ((year % 100) + 100) % 100);
    s->cmos_data[RTC_CENTURY] = rtc_to_reg(s, (year / 100) % 100);
}

/* Make the guest time what the registers say, from this instant. */
static void rtc_take_time_regs(MC146818RtcState *s)
{
    struct tm tm = { 0 };
    time_t secs;

    tm.tm_sec = rtc_from_reg(s, s->cmos_data[RTC_SECONDS]);
    tm.tm_min = rtc_from_reg(s, s->cmos_data[RTC_MINUTES]);
    tm.tm_hour = rtc_hour_from_reg(s, s->cmos_data[RTC_HOURS]);
    tm.tm_mday = rtc_from_reg(s, s->cmos_data[RTC_DAY_OF_MONTH]);
    tm.tm_mon = rtc_from_reg(s, s->cmos_data[RTC_MONTH]) - 1;
    tm.tm_year = rtc_from_reg(s, s->cmos_data[RTC_YEAR]) +
                 rtc_from_reg(s, s->cmos_data[RTC_CENTURY]) * 100 +
                 s->base_year - 1900;
    /* timegm normalises out-of-range fields the guest may write; the
     * result is kept where nanosecond arithmetic cannot overflow. */
    secs = timegm(&tm);
    if (secs < 0 || secs > RTC_MAX_SECS) {
        qemu_log_mask(LOG_GUEST_ERROR, "mc146818rtc: time out of range, "
                      "clamped\n");
        secs = secs < 0 ? 0 : RTC_MAX_SECS;
    }
    s->offset_ns = (int64_t)secs * NS_PER_SEC -
                   qemu_clock_get_ns(QEMU_CLOCK_HOST);
    s->last_uf_sec = secs;
}

static bool rtc_running(MC146818RtcState *s)
{
    return (s->cmos_data[RTC_REG_A] & REG_A_DV_MASK) == REG_A_DV_NORMAL &&
           !(s->cmos_data[RTC_REG_B] & REG_B_SET);
}

static bool rtc_update_in_progress(MC146818RtcState *s)
{
    return rtc_running(s) &&
           rtc_guest_ns(s) % NS_PER_SEC >= NS_PER_SEC - UIP_HOLD_NS;
}

/* ---- interrupts ---- */

static void rtc_update_irq(MC146818RtcState *s)
{
    uint8_t c = s->cmos_data[RTC_REG_C] & (REG_C_PF | REG_C_AF | REG_C_UF);
    uint8_t enabled = s->cmos_data[RTC_REG_B] &
                      (REG_B_PIE | REG_B_AIE | REG_B_UIE);

    /* The enable bits in B line up with the flags in C. */
    if (c & enabled) {
        s->cmos_data[RTC_REG_C] |= REG_C_IRQF;
        qemu_irq_raise(s->irq);
    } else {
        s->cmos_data[RTC_REG_C] &= ~REG_C_IRQF;
        qemu_irq_lower(s->irq);
    }
}

/* Periodic rate in 32.768 kHz ticks, 0 when off. */
static int rtc_periodic_ticks(MC146818RtcState *s)
{
    int rs = s->cmos_data[RTC_REG_A] & REG_A_RS_MASK;

    if (!rs || (s->cmos_data[RTC_REG_A] & REG_A_DV_MASK) != REG_A_DV_NORMAL) {
        return 0;
    }
    if (rs <= 2) {
        rs += 7;
    }
    return 1 << (rs - 1);
}

static void rtc_periodic_schedule(MC146818RtcState *s)
{
    int ticks = rtc_periodic_ticks(s);
    int64_t now, now_ticks, next_ticks;

    if (!ticks || !(s->cmos_data[RTC_REG_B] & REG_B_PIE)) {
        timer_del(&s->periodic_timer);
        return;
    }
    now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    now_ticks = rtc_muldiv(now, RTC_FREQ, NS_PER_SEC);
    next_ticks = (now_ticks / ticks + 1) * ticks;
    timer_mod_ns(&s->periodic_timer,
                 rtc_muldiv(next_ticks, NS_PER_SEC, RTC_FREQ) + 1);
}

static void rtc_periodic_expired(void *opaque)
{
    MC146818RtcState *s = opaque;

    s->cmos_data[RTC_REG_C] |= REG_C_PF;
    rtc_update_irq(s);
    rtc_periodic_schedule(s);
}

static bool rtc_alarm_matches(MC146818RtcState *s)
{
    static const struct {
        uint8_t alarm, time;
    } pairs[] = {
        { RTC_SECONDS_ALARM, RTC_SECONDS },
        { RTC_MINUTES_ALARM, RTC_MINUTES },
        { RTC_HOURS_ALARM, RTC_HOURS },
    };

    for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
        uint8_t a = s->cmos_data[pairs[i].alarm];

        if ((a & ALARM_DONT_CARE) != ALARM_DONT_CARE &&
            a != s->cmos_data[pairs[i].time]) {
            return false;
        }
    }
    return true;
}

/* The end of an update cycle: UF, and AF when the alarm matches. */
static void rtc_second_tick(MC146818RtcState *s)
{
    s->cmos_data[RTC_REG_C] |= REG_C_UF;
    rtc_fill_time_regs(s);
    if (rtc_alarm_matches(s)) {
        s->cmos_data[RTC_REG_C] |= REG_C_AF;
    }
    rtc_update_irq(s);
}

static void rtc_second_schedule(MC146818RtcState *s)
{
    int64_t into_sec;

    if (!rtc_running(s) ||
        !(s->cmos_data[RTC_REG_B] & (REG_B_UIE | REG_B_AIE))) {
        timer_del(&s->second_timer);
        return;
    }
    into_sec = rtc_guest_ns(s) % NS_PER_SEC;
    if (into_sec < 0) {
        into_sec += NS_PER_SEC;
    }
    timer_mod_ns(&s->second_timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                 NS_PER_SEC - into_sec);
}

static void rtc_second_expired(void *opaque)
{
    MC146818RtcState *s = opaque;

    s->last_uf_sec = rtc_guest_ns(s) / NS_PER_SEC;
    rtc_second_tick(s);
    rtc_second_schedule(s);
}

/* Without the per-second timer, UF is still due once per second: note it
 * when the guest looks. */
static void rtc_catch_up_uf(MC146818RtcState *s)
{
    int64_t sec = rtc_guest_ns(s) / NS_PER_SEC;

    if (rtc_running(s) && sec != s->last_uf_sec) {
        s->last_uf_sec = sec;
        s->cmos_data[RTC_REG_C] |= REG_C_UF;
    }
}

/* ---- registers ---- */

static bool rtc_is_time_reg(uint8_t index)
{
    return index <= RTC_YEAR && index != RTC_SECONDS_ALARM &&
           index != RTC_MINUTES_ALARM && index != RTC_HOURS_ALARM;
}

static uint8_t rtc_read_data(MC146818RtcState *s)
{
    uint8_t index = s->cmos_index;
    uint8_t val;

    if (rtc_is_time_reg(index) || index == RTC_CENTURY) {
        if (rtc_running(s)) {
            rtc_fill_time_regs(s);
        }
        return s->cmos_data[index];
    }
    switch (index) {
    case RTC_REG_A:
        val = s->cmos_data[RTC_REG_A] & ~REG_A_UIP;
        return rtc_update_in_progress(s) ? val | REG_A_UIP : val;
    case RTC_REG_C:
        rtc_catch_up_uf(s);
        val = s->cmos_data[RTC_REG_C];
        s->cmos_data[RTC_REG_C] = 0;
        qemu_irq_lower(s->irq);
        return val;
    case RTC_REG_D:
        return REG_D_VRT;
    default:
        return s->cmos_data[index];
    }
}

static void rtc_write_reg_b(MC146818RtcState *s, uint8_t val)
{
    uint8_t old = s->cmos_data[RTC_REG_B];

    if (val & REG_B_SET) {
        if (!(old & REG_B_SET) && rtc_running(s)) {
            rtc_fill_time_regs(s);      /* freeze what the guest sees */
        }
        val &= ~REG_B_UIE;              /* data sheet: SET clears UIE */
    }
    s->cmos_data[RTC_REG_B] = val;
    if ((old & REG_B_SET) && !(val & REG_B_SET)) {
        rtc_take_time_regs(s);
    }
    rtc_update_irq(s);
    rtc_periodic_schedule(s);
    rtc_second_schedule(s);
}

static void rtc_write_data(MC146818RtcState *s, uint8_t val)
{
    uint8_t index = s->cmos_index;

    if (rtc_is_time_reg(index) || index == RTC_CENTURY) {
        if (rtc_running(s)) {
            /* Change one field of the running time, keep the others. */
            rtc_fill_time_regs(s);
            s->cmos_data[index] = val;
            rtc_take_time_regs(s);
            rtc_second_schedule(s);
        } else {
            s->cmos_data[index] = val;
        }
        return;
    }
    switch (index) {
    case RTC_REG_A:
        s->cmos_data[RTC_REG_A] = val & ~REG_A_UIP;
        if ((val & REG_A_DV_MASK) != REG_A_DV_NORMAL) {
            qemu_log_mask(LOG_UNIMP, "mc146818rtc: divider 0x%x: time "
                          "base other than 32.768 kHz stops the clock\n",
                          (val & REG_A_DV_MASK) >> 4);
        }
        rtc_periodic_schedule(s);
        rtc_second_schedule(s);
        break;
    case RTC_REG_B:
        rtc_write_reg_b(s, val);
        break;
    case RTC_REG_C:
    case RTC_REG_D:
        qemu_log_mask(LOG_GUEST_ERROR, "mc146818rtc: write 0x%02x to "
                      "read-only register %c\n", val, 'A' + index - RTC_REG_A);
        break;
    default:
        s->cmos_data[index] = val;
        break;
    }
}

static uint64_t rtc_io_read(void *opaque, hwaddr addr, unsigned size)
{
    MC146818RtcState *s = opaque;

    /* The index register is write-only. */
    return addr == 0 ? 0xff : rtc_read_data(s);
}

static void rtc_io_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    MC146818RtcState *s = opaque;

    if (addr == 0) {
        s->cmos_index = val & 0x7f;
        s->nmi_masked = val & 0x80;
    } else {
        rtc_write_data(s, val);
    }
}

static const MemoryRegionOps rtc_io_ops = {
    .read = rtc_io_read,
    .write = rtc_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

/* ---- board API ---- */

void mc146818rtc_set_cmos(ISADevice *rtc, int addr, int val)
{
    if (addr >= 0 && addr < RTC_CMOS_SIZE) {
        MC146818_RTC(rtc)->cmos_data[addr] = val;
    }
}

int mc146818rtc_get_cmos(ISADevice *rtc, int addr)
{
    if (addr < 0 || addr >= RTC_CMOS_SIZE) {
        return 0;
    }
    return MC146818_RTC(rtc)->cmos_data[addr];
}

static void rtc_set_word(ISADevice *rtc, int addr, uint64_t v)
{
    v = MIN(v, 0xffff);
    mc146818rtc_set_cmos(rtc, addr, v & 0xff);
    mc146818rtc_set_cmos(rtc, addr + 1, v >> 8);
}

void mc146818rtc_set_memory_size(ISADevice *rtc, uint64_t below_4g,
                                 uint64_t above_4g)
{
    uint64_t ext_kib = below_4g > MiB ? (below_4g - MiB) / KiB : 0;
    uint64_t above_16m = below_4g > 16 * MiB ?
                         (below_4g - 16 * MiB) / (64 * KiB) : 0;
    uint64_t high = above_4g / (64 * KiB);

    rtc_set_word(rtc, 0x15, 640);
    rtc_set_word(rtc, 0x17, ext_kib);
    rtc_set_word(rtc, 0x30, ext_kib);
    rtc_set_word(rtc, 0x34, above_16m);
    high = MIN(high, 0xffffff);
    mc146818rtc_set_cmos(rtc, 0x5b, high & 0xff);
    mc146818rtc_set_cmos(rtc, 0x5c, (high >> 8) & 0xff);
    mc146818rtc_set_cmos(rtc, 0x5d, (high >> 16) & 0xff);
}

ISADevice *mc146818_rtc_init(ISABus *bus, int base_year, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_MC146818_RTC);

    object_property_set_int(OBJECT(dev), "base_year", base_year, &error_abort);
    if (!qdev_realize_and_unref(dev, BUS(bus), errp)) {
        return NULL;
    }
    return ISA_DEVICE(dev);
}

/* ---- device ---- */

static bool rtc_realize(DeviceState *dev, Error **errp)
{
    MC146818RtcState *s = MC146818_RTC(dev);
    time_t now = time(NULL);

    s->irq = isa_get_irq(ISA_DEVICE(dev), s->isairq, errp);
    if (!s->irq) {
        return false;
    }
    if (s->iobase > 0xfffe) {
        error_setg(errp, "Property 'mc146818rtc.iobase' out of range");
        return false;
    }
    s->offset_ns = 0;
    if (rtc_base_localtime) {
        struct tm tm;

        localtime_r(&now, &tm);
        s->offset_ns = (int64_t)tm.tm_gmtoff * NS_PER_SEC;
    }
    s->cmos_data[RTC_REG_A] = REG_A_DV_NORMAL | 0x06;
    s->cmos_data[RTC_REG_B] = REG_B_24H;
    s->cmos_data[RTC_REG_C] = 0;
    s->cmos_data[RTC_REG_D] = REG_D_VRT;
    s->last_uf_sec = rtc_guest_ns(s) / NS_PER_SEC;
    rtc_fill_time_regs(s);
    return isa_register_ioport(ISA_DEVICE(dev), &s->io, s->iobase, errp);
}

static void rtc_unrealize(DeviceState *dev)
{
    MC146818RtcState *s = MC146818_RTC(dev);

    timer_del(&s->periodic_timer);
    timer_del(&s->second_timer);
    isa_unregister_ioport(ISA_DEVICE(dev), &s->io);
}

/* Data sheet: RESET clears PIE, AIE, UIE, SQWE and the flags; the time
 * and the NVRAM are kept. */
static void rtc_reset(DeviceState *dev)
{
    MC146818RtcState *s = MC146818_RTC(dev);

    s->cmos_data[RTC_REG_B] &= ~(REG_B_PIE | REG_B_AIE | REG_B_UIE |
                                 REG_B_SQWE);
    s->cmos_data[RTC_REG_C] = 0;
    qemu_irq_lower(s->irq);
    timer_del(&s->periodic_timer);
    timer_del(&s->second_timer);
}

static void rtc_init(Object *obj)
{
    MC146818RtcState *s = MC146818_RTC(obj);

    memory_region_init_io(&s->io, obj, &rtc_io_ops, s, "rtc", 2);
    timer_init_full(&s->periodic_timer, QEMU_CLOCK_VIRTUAL, SCALE_NS,
                    rtc_periodic_expired, s);
    timer_init_full(&s->second_timer, QEMU_CLOCK_VIRTUAL, SCALE_NS,
                    rtc_second_expired, s);
}

static void rtc_finalize(Object *obj)
{
    MC146818RtcState *s = MC146818_RTC(obj);

    timer_del(&s->periodic_timer);
    timer_del(&s->second_timer);
    memory_region_finalize(&s->io);
}

static void rtc_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->realize = rtc_realize;
    dc->unrealize = rtc_unrealize;
    dc->reset = rtc_reset;
    dc->desc = "MC146818 real-time clock";
    /* One per board, created by it (as in QEMU). */
    dc->user_creatable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, rtc_props);
}

static const TypeInfo rtc_type = {
    .name = TYPE_MC146818_RTC,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(MC146818RtcState),
    .instance_init = rtc_init,
    .instance_finalize = rtc_finalize,
    .class_init = rtc_class_init,
};

static void rtc_register_types(void)
{
    type_register_static(&rtc_type);
}

type_init(rtc_register_types)
