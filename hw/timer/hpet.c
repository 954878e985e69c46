/*
 * hw/timer/hpet.c: the IA-PC HPET ("hpet"). Interface and properties:
 * include/hw/timer/hpet.h. Registers per the IA-PC HPET specification
 * 1.0a, section 2.3; docs/devices.md says what is modelled.
 *
 * The main counter is not ticked: while it runs, a read computes it from
 * the virtual clock. Each enabled timer arms one virtual-clock timer for
 * the moment the counter reaches its comparator.
 *
 * Accesses are 4 or 8 bytes wide and aligned, as the specification
 * allows; 8-byte writes are applied as the low then the high half, so
 * both widths share one path per register half.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/irq.h"
#include "hw/timer/hpet.h"

/* General registers (byte offsets). */
#define HPET_GCAP_ID        0x000
#define HPET_GEN_CONF       0x010
#define HPET_GINTR_STA      0x020
#define HPET_MAIN_CNT       0x0f0
#define HPET_TIMER_BASE     0x100
#define HPET_TIMER_STRIDE   0x20
/* Per-timer registers, offsets within a timer's block. */
#define HPET_TN_CONF        0x00
#define HPET_TN_CMP         0x08
#define HPET_TN_FSB         0x10

/* GCAP_ID fields. */
#define HPET_CAP_REV_ID         0x01
#define HPET_CAP_NUM_TIM_SHIFT  8
#define HPET_CAP_COUNT_SIZE     (1u << 13)
#define HPET_CAP_LEG_RT         (1u << 15)
#define HPET_CAP_VENDOR_SHIFT   16
#define HPET_VENDOR_INTEL       0x8086u

/* GEN_CONF bits. */
#define HPET_CFG_ENABLE     (1u << 0)
#define HPET_CFG_LEGACY     (1u << 1)
#define HPET_CFG_WRITABLE   (HPET_CFG_ENABLE | HPET_CFG_LEGACY)

/* Tn_CONF_CAP bits. */
#define HPET_TN_LEVEL       (1u << 1)
#define HPET_TN_INT_ENB     (1u << 2)
#define HPET_TN_PERIODIC    (1u << 3)
#define HPET_TN_PER_CAP     (1u << 4)
#define HPET_TN_SIZE_CAP    (1u << 5)
#define HPET_TN_VAL_SET     (1u << 6)
#define HPET_TN_32BIT       (1u << 8)
#define HPET_TN_ROUTE_SHIFT 9
#define HPET_TN_ROUTE_MASK  (0x1fu << HPET_TN_ROUTE_SHIFT)
#define HPET_TN_FSB_EN      (1u << 14)
/* What the guest may change. FSB delivery is not offered (no
 * FSB_INT_DEL_CAP), so FSB_EN stays 0 as the specification asks. */
#define HPET_TN_WRITABLE    (HPET_TN_LEVEL | HPET_TN_INT_ENB | \
                             HPET_TN_PERIODIC | HPET_TN_32BIT | \
                             HPET_TN_ROUTE_MASK)

#define HPET_NS_PER_TICK    (HPET_CLK_PERIOD_FS / 1000000)   /* 10 */
/* Farther than this many ticks ahead (about 29 years) a match is not
 * armed: the virtual clock's ns would overflow. */
#define HPET_MAX_ARM_TICKS  (INT64_MAX / 4 / HPET_NS_PER_TICK)
/* A periodic timer fires at most once per this many ns of virtual time,
 * however small its period: a guest cannot make the main loop spin. */
#define HPET_MIN_PERIOD_NS  10000

#define RTC_ISA_IRQ         8

static bool hpet_enabled(HPETState *s)
{
    return s->config & HPET_CFG_ENABLE;
}

static bool hpet_legacy(HPETState *s)
{
    return s->config & HPET_CFG_LEGACY;
}

uint64_t hpet_get_counter(HPETState *s)
{
    int64_t ns;

    if (!hpet_enabled(s)) {
        return s->counter;
    }
    ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) - s->counter_base_ns;
    return s->counter + (uint64_t)(ns / HPET_NS_PER_TICK);
}

/* ------------------------------------------------------------------ */
/* Interrupts                                                          */

/*
 * The line a timer drives: in legacy replacement timer 0 takes the PIT's
 * place (route 0, which the board sends to IOAPIC pin 2) and timer 1 the
 * RTC's (route 8); otherwise Tn_INT_ROUTE_CNF, if the timer's
 * INT_ROUTE_CAP allows it. -1: no line.
 */
static int hpet_timer_route(HPETTimer *t)
{
    HPETState *s = t->hpet;
    unsigned route;

    if (t->index <= 1 && hpet_legacy(s)) {
        return t->index == 0 ? 0 : RTC_ISA_IRQ;
    }
    route = (t->config & HPET_TN_ROUTE_MASK) >> HPET_TN_ROUTE_SHIFT;
    if (!((t->config >> 32) & (1ull << route))) {
        qemu_log_mask(LOG_GUEST_ERROR, "hpet: timer %u routed to IRQ %u, "
                      "which INT_ROUTE_CAP does not allow\n", t->index, route);
        return -1;
    }
    return route;
}

static void hpet_timer_set_line(HPETTimer *t, int level)
{
    int route = hpet_timer_route(t);

    if (route >= 0) {
        qemu_set_irq(t->hpet->irqs[route], level);
    }
}

/* The timer's match: a pulse when edge triggered; when level triggered,
 * its GINTR_STA bit and a line held high until the guest clears it. */
static void hpet_timer_fire(HPETTimer *t)
{
    HPETState *s = t->hpet;

    if (!(t->config & HPET_TN_INT_ENB) || !hpet_enabled(s)) {
        return;
    }
    if (t->config & HPET_TN_LEVEL) {
        s->isr |= 1ull << t->index;
        hpet_timer_set_line(t, 1);
    } else {
        hpet_timer_set_line(t, 1);
        hpet_timer_set_line(t, 0);
    }
}

static void hpet_timer_clear(HPETTimer *t)
{
    HPETState *s = t->hpet;
    uint64_t bit = 1ull << t->index;

    if (s->isr & bit) {
        s->isr &= ~bit;
        hpet_timer_set_line(t, 0);
    }
}

/* ------------------------------------------------------------------ */
/* Timers                                                              */

static bool hpet_timer_is_32bit(HPETTimer *t)
{
    return t->config & HPET_TN_32BIT;
}

static bool hpet_timer_is_periodic(HPETTimer *t)
{
    return t->config & HPET_TN_PERIODIC;
}

/*
 * Ticks from now until the counter matches the comparator (modulo the
 * timer's width). After a guest write (catch_up) a comparator at or just
 * behind the counter fires one tick from now, as QEMU does, instead of
 * after a full wrap. A periodic timer's next match is exact: its
 * comparator was just moved ahead, and one that wrapped matches only
 * after the counter wraps too.
 */
static uint64_t hpet_timer_ticks_to_match(HPETTimer *t, uint64_t now,
                                          bool catch_up)
{
    if (hpet_timer_is_32bit(t)) {
        uint32_t d = (uint32_t)t->cmp - (uint32_t)now;

        if (catch_up) {
            return (int32_t)d > 0 ? d : 1;
        }
        return d ? d : 1ull << 32;
    }
    if (catch_up) {
        return (int64_t)(t->cmp - now) > 0 ? t->cmp - now : 1;
    }
    return t->cmp - now ? t->cmp - now : UINT64_MAX;
}

/* Arm for the next match, counting from the counter value now. */
static void hpet_timer_arm(HPETTimer *t, uint64_t now, bool catch_up)
{
    HPETState *s = t->hpet;
    uint64_t ticks = hpet_timer_ticks_to_match(t, now, catch_up);
    int64_t base = s->counter_base_ns +
                   (int64_t)(now - s->counter) * HPET_NS_PER_TICK;

    if (ticks > HPET_MAX_ARM_TICKS) {
        timer_del(&t->qtimer);
        return;
    }
    timer_mod_ns(&t->qtimer, base + (int64_t)ticks * HPET_NS_PER_TICK);
}

/* Arm or disarm after any change to the timer or the HPET. A disabled
 * timer still matches on the hardware, but with nothing to signal there
 * is nothing to wake for. */
static void hpet_timer_update(HPETTimer *t)
{
    if (hpet_enabled(t->hpet) && (t->config & HPET_TN_INT_ENB)) {
        hpet_timer_arm(t, hpet_get_counter(t->hpet), true);
    } else {
        timer_del(&t->qtimer);
    }
}

/*
 * Periodic mode: add whole periods to the comparator (the specification's
 * "comparator += period" on each match) until it lies past the counter
 * value now; with a period under HPET_MIN_PERIOD_NS, at least that much
 * virtual time past it, so a tiny period cannot make the main loop spin.
 */
static void hpet_timer_advance(HPETTimer *t, uint64_t now)
{
    const uint64_t min_ticks = HPET_MIN_PERIOD_NS / HPET_NS_PER_TICK;
    uint64_t period = t->period, behind, n;

    if (hpet_timer_is_32bit(t)) {
        uint32_t d = (uint32_t)now - (uint32_t)t->cmp;

        behind = (int32_t)d >= 0 ? d : 0;
        period = (uint32_t)period;
    } else {
        behind = (int64_t)(now - t->cmp) >= 0 ? now - t->cmp : 0;
    }
    n = (period < min_ticks ? behind + min_ticks : behind) / period + 1;
    t->cmp += n * period;
    if (hpet_timer_is_32bit(t)) {
        t->cmp = (uint32_t)t->cmp;
    }
}

static void hpet_timer_cb(void *opaque)
{
    HPETTimer *t = opaque;
    uint64_t now = hpet_get_counter(t->hpet);

    /* A zero period fires once, then waits for the counter to wrap. */
    if (hpet_timer_is_periodic(t) && t->period &&
        (!hpet_timer_is_32bit(t) || (uint32_t)t->period)) {
        hpet_timer_advance(t, now);
        hpet_timer_arm(t, now, false);
    }
    hpet_timer_fire(t);
}

/* ------------------------------------------------------------------ */
/* Registers                                                           */

static void hpet_write_gen_conf(HPETState *s, uint32_t val)
{
    uint64_t old = s->config;
    bool started = false, halted = false;

    s->config = val & HPET_CFG_WRITABLE;
    if (!(old & HPET_CFG_ENABLE) && hpet_enabled(s)) {
        s->counter_base_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
        started = true;
    } else if ((old & HPET_CFG_ENABLE) && !hpet_enabled(s)) {
        /* Halt: the counter keeps the value it reached. */
        s->config |= HPET_CFG_ENABLE;
        s->counter = hpet_get_counter(s);
        s->config &= ~(uint64_t)HPET_CFG_ENABLE;
        halted = true;
    }
    if ((old ^ s->config) & HPET_CFG_LEGACY) {
        /* Timers 0 and 1 change lines: drop what the old ones carried. */
        int legacy = hpet_legacy(s);

        qemu_set_irq(s->irqs[0], 0);
        qemu_set_irq(s->irqs[RTC_ISA_IRQ], legacy ? 0 : s->rtc_level);
        qemu_set_irq(s->pit_enable, !legacy);
    }
    /* Only starting or halting the counter moves the timers: rearming
     * on other writes would fire a one-shot timer whose match passed. */
    if (!started && !halted) {
        return;
    }
    for (unsigned i = 0; i < s->num_timers; i++) {
        hpet_timer_update(&s->timers[i]);
    }
}

static void hpet_write_gintr_sta(HPETState *s, uint32_t val)
{
    for (unsigned i = 0; i < s->num_timers; i++) {
        if (val & (1u << i)) {
            hpet_timer_clear(&s->timers[i]);
        }
    }
}

static void hpet_write_counter(HPETState *s, uint64_t val, uint64_t mask)
{
    if (hpet_enabled(s)) {
        /* The specification: software halts the counter first. */
        qemu_log_mask(LOG_GUEST_ERROR, "hpet: main counter written while "
                      "running: ignored\n");
        return;
    }
    s->counter = (s->counter & ~mask) | (val & mask);
}

static void hpet_write_tn_conf(HPETTimer *t, uint32_t val)
{
    uint64_t old = t->config;

    if (val & ~(HPET_TN_WRITABLE | HPET_TN_VAL_SET | HPET_TN_FSB_EN |
                HPET_TN_PER_CAP | HPET_TN_SIZE_CAP | (1u << 15))) {
        qemu_log_mask(LOG_GUEST_ERROR, "hpet: timer %u config 0x%x sets "
                      "reserved bits\n", t->index, val);
    }
    if (val & HPET_TN_FSB_EN) {
        qemu_log_mask(LOG_UNIMP, "hpet: timer %u: FSB delivery is not "
                      "offered\n", t->index);
    }
    t->config = (old & ~(uint64_t)HPET_TN_WRITABLE) |
                (val & HPET_TN_WRITABLE);
    /* VAL_SET is write-only: it lets the next comparator write set the
     * comparator (not only the period) of a periodic timer. */
    if (val & HPET_TN_VAL_SET) {
        t->config |= HPET_TN_VAL_SET;
    }
    if (hpet_timer_is_32bit(t)) {
        t->cmp = (uint32_t)t->cmp;
        t->period = (uint32_t)t->period;
    }
    if ((old & HPET_TN_LEVEL) && !(t->config & HPET_TN_LEVEL)) {
        hpet_timer_clear(t);
    }
    if (((old ^ t->config) & HPET_TN_ROUTE_MASK) ||
        ((old & HPET_TN_INT_ENB) && !(t->config & HPET_TN_INT_ENB))) {
        /* The old line must not stay asserted. */
        uint64_t now_cfg = t->config;

        t->config = old;
        hpet_timer_clear(t);
        t->config = now_cfg;
    }
    hpet_timer_update(t);
}

/* The comparator bits in mask (a half, or all 64 for one 8-byte write,
 * so VAL_SET covers both halves of it). */
static void hpet_write_tn_cmp(HPETTimer *t, uint64_t val, uint64_t mask)
{
    if (hpet_timer_is_32bit(t)) {
        mask &= 0xffffffffull;     /* no high half in 32-bit mode */
        if (!mask) {
            return;
        }
    }
    if (!hpet_timer_is_periodic(t) || (t->config & HPET_TN_VAL_SET)) {
        t->cmp = (t->cmp & ~mask) | (val & mask);
    }
    if (hpet_timer_is_periodic(t)) {
        t->period = (t->period & ~mask) | (val & mask);
    }
    t->config &= ~(uint64_t)HPET_TN_VAL_SET;
    hpet_timer_update(t);
}

static HPETTimer *hpet_timer_at(HPETState *s, hwaddr addr, unsigned *reg)
{
    unsigned idx;

    if (addr < HPET_TIMER_BASE) {
        return NULL;
    }
    idx = (addr - HPET_TIMER_BASE) / HPET_TIMER_STRIDE;
    if (idx >= s->num_timers) {
        return NULL;
    }
    *reg = (addr - HPET_TIMER_BASE) % HPET_TIMER_STRIDE;
    return &s->timers[idx];
}

/* The 64-bit register holding byte offset addr (8-aligned); false for an
 * offset with no register. */
static bool hpet_read_reg(HPETState *s, hwaddr addr, uint64_t *val)
{
    HPETTimer *t;
    unsigned reg;

    switch (addr) {
    case HPET_GCAP_ID:
        *val = s->capability;
        return true;
    case HPET_GEN_CONF:
        *val = s->config;
        return true;
    case HPET_GINTR_STA:
        *val = s->isr;
        return true;
    case HPET_MAIN_CNT:
        *val = hpet_get_counter(s);
        return true;
    }
    t = hpet_timer_at(s, addr, &reg);
    if (!t) {
        return false;
    }
    switch (reg) {
    case HPET_TN_CONF:
        *val = t->config & ~(uint64_t)HPET_TN_VAL_SET;
        return true;
    case HPET_TN_CMP:
        *val = t->cmp;
        return true;
    case HPET_TN_FSB:
        *val = t->fsb;
        return true;
    }
    return false;
}

/* One 32-bit half (shift 0 or 32) of the register at addr (8-aligned). */
static bool hpet_write_half(HPETState *s, hwaddr addr, uint32_t val,
                            unsigned shift)
{
    HPETTimer *t;
    unsigned reg;

    switch (addr) {
    case HPET_GCAP_ID:
        return true;    /* read only: writes are ignored */
    case HPET_GEN_CONF:
        if (!shift) {
            hpet_write_gen_conf(s, val);
        }
        return true;
    case HPET_GINTR_STA:
        if (!shift) {
            hpet_write_gintr_sta(s, val);
        }
        return true;
    case HPET_MAIN_CNT:
        hpet_write_counter(s, (uint64_t)val << shift, 0xffffffffull << shift);
        return true;
    }
    t = hpet_timer_at(s, addr, &reg);
    if (!t) {
        return false;
    }
    switch (reg) {
    case HPET_TN_CONF:
        if (!shift) {
            hpet_write_tn_conf(t, val);
        }
        return true;
    case HPET_TN_CMP:
        hpet_write_tn_cmp(t, (uint64_t)val << shift, 0xffffffffull << shift);
        return true;
    case HPET_TN_FSB:
        t->fsb = (t->fsb & ~(0xffffffffull << shift)) |
                 ((uint64_t)val << shift);
        return true;
    }
    return false;
}

static uint64_t hpet_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    HPETState *s = opaque;
    uint64_t val;

    if ((addr & (size - 1)) || !hpet_read_reg(s, addr & ~7ull, &val)) {
        qemu_log_mask(LOG_GUEST_ERROR, "hpet: %u-byte read of bad offset 0x%"
                      HWADDR_PRIx "\n", size, addr);
        return 0;
    }
    if (size == 4) {
        return (uint32_t)(val >> ((addr & 4) * 8));
    }
    return val;
}

static void hpet_mmio_write(void *opaque, hwaddr addr, uint64_t value,
                            unsigned size)
{
    HPETState *s = opaque;
    hwaddr reg = addr & ~7ull;
    HPETTimer *t;
    unsigned tn_reg;
    bool ok;

    if (addr & (size - 1)) {
        ok = false;
    } else if (reg == HPET_MAIN_CNT && size == 8) {
        /* One step, so a running check sees the whole value. */
        hpet_write_counter(s, value, UINT64_MAX);
        ok = true;
    } else if (size == 8 && (t = hpet_timer_at(s, reg, &tn_reg)) &&
               tn_reg == HPET_TN_CMP) {
        hpet_write_tn_cmp(t, value, UINT64_MAX);
        ok = true;
    } else if (size == 8) {
        ok = hpet_write_half(s, reg, (uint32_t)value, 0) &&
             hpet_write_half(s, reg, (uint32_t)(value >> 32), 32);
    } else {
        ok = hpet_write_half(s, reg, (uint32_t)value, (addr & 4) * 8);
    }
    if (!ok) {
        qemu_log_mask(LOG_GUEST_ERROR, "hpet: %u-byte write of bad offset 0x%"
                      HWADDR_PRIx " (value 0x%" PRIx64 ")\n", size, addr,
                      value);
    }
}

/* Byte and word accesses are refused (logged, reads all-ones) by the
 * core: the specification allows only 32- and 64-bit accesses. */
static const MemoryRegionOps hpet_ops = {
    .read = hpet_mmio_read,
    .write = hpet_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
    .impl = { .min_access_size = 4, .max_access_size = 8 },
};

/* ------------------------------------------------------------------ */
/* Device                                                              */

/* The PIT's and the RTC's lines: theirs while legacy replacement is
 * off; timers 0 and 1 own routes 0 and 8 while it is on. */
static void hpet_legacy_in(void *opaque, int n, int level)
{
    HPETState *s = opaque;

    if (n == HPET_LEGACY_RTC_INT) {
        s->rtc_level = level;
    }
    if (!hpet_legacy(s)) {
        qemu_set_irq(s->irqs[n == HPET_LEGACY_PIT_INT ? 0 : RTC_ISA_IRQ],
                     level);
    }
}

static void hpet_init(Object *obj)
{
    HPETState *s = HPET(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &hpet_ops, s, "hpet",
                          HPET_MMIO_SIZE);
    sysbus_init_mmio(sbd, &s->iomem);
    /* Registered in QEMU's order, so "info qtree" lists them alike. */
    for (int i = 0; i < HPET_NUM_IRQ_ROUTES; i++) {
        sysbus_init_irq(sbd, &s->irqs[i]);
    }
    qdev_init_gpio_out(DEVICE(obj), &s->pit_enable, 1);
    qdev_init_gpio_in(DEVICE(obj), hpet_legacy_in, 2);
    for (int i = 0; i < HPET_MAX_TIMERS; i++) {
        s->timers[i].hpet = s;
        s->timers[i].index = i;
        timer_init_full(&s->timers[i].qtimer, QEMU_CLOCK_VIRTUAL, SCALE_NS,
                        hpet_timer_cb, &s->timers[i]);
    }
}

static void hpet_stop_timers(HPETState *s)
{
    for (int i = 0; i < HPET_MAX_TIMERS; i++) {
        timer_del(&s->timers[i].qtimer);
    }
}

static void hpet_finalize(Object *obj)
{
    HPETState *s = HPET(obj);

    hpet_stop_timers(s);
    memory_region_finalize(&s->iomem);
}

static void hpet_reset(DeviceState *dev)
{
    HPETState *s = HPET(dev);
    bool was_legacy = hpet_legacy(s);

    hpet_stop_timers(s);
    for (unsigned i = 0; i < s->num_timers; i++) {
        HPETTimer *t = &s->timers[i];

        hpet_timer_clear(t);
        t->config = HPET_TN_PER_CAP | HPET_TN_SIZE_CAP |
                    ((uint64_t)s->intcap << 32);
        t->cmp = UINT64_MAX;
        t->period = 0;
        t->fsb = 0;
    }
    s->config = 0;
    s->isr = 0;
    s->counter = 0;
    s->counter_base_ns = 0;
    if (was_legacy) {
        qemu_set_irq(s->irqs[0], 0);
        qemu_set_irq(s->irqs[RTC_ISA_IRQ], s->rtc_level);
    }
    qemu_set_irq(s->pit_enable, 1);
}

static bool hpet_realize(DeviceState *dev, Error **errp)
{
    HPETState *s = HPET(dev);

    if (s->num_timers < HPET_MIN_TIMERS || s->num_timers > HPET_MAX_TIMERS) {
        error_setg(errp, "hpet: timers must be %d..%d", HPET_MIN_TIMERS,
                   HPET_MAX_TIMERS);
        return false;
    }
    if (s->msi) {
        error_setg(errp, "hpet: msi=on (FSB interrupt delivery) is not "
                   "supported by Kestrel");
        return false;
    }
    s->capability = HPET_CAP_REV_ID |
                    ((uint64_t)(s->num_timers - 1) << HPET_CAP_NUM_TIM_SHIFT) |
                    HPET_CAP_COUNT_SIZE | HPET_CAP_LEG_RT |
                    ((uint64_t)HPET_VENDOR_INTEL << HPET_CAP_VENDOR_SHIFT) |
                    (HPET_CLK_PERIOD_FS << 32);
    hpet_reset(dev);
    return true;
}

static void hpet_unrealize(DeviceState *dev)
{
    hpet_stop_timers(HPET(dev));
}

DeviceState *hpet_create(hwaddr base, uint32_t intcap, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_HPET);

    if (!object_property_set_uint(OBJECT(dev), "hpet-intcap", intcap, errp) ||
        !sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), errp)) {
        return NULL;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, base);
    return dev;
}

static const Property hpet_props[] = {
    PROP_UINT8("timers", HPETState, num_timers, HPET_MIN_TIMERS),
    PROP_BOOL("msi", HPETState, msi, false),
    PROP_UINT32("hpet-intcap", HPETState, intcap, 0),
    PROP_BOOL("hpet-offset-saved", HPETState, offset_saved, true),
    PROP_END,
};

static void hpet_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = hpet_realize;
    dc->unrealize = hpet_unrealize;
    dc->reset = hpet_reset;
    dc->desc = "HPET";
    /* The pc board creates it (QEMU's -machine hpet=on). */
    dc->user_creatable = false;
    device_class_set_props(dc, hpet_props);
}

static const TypeInfo hpet_type = {
    .name = TYPE_HPET,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(HPETState),
    .instance_init = hpet_init,
    .instance_finalize = hpet_finalize,
    .class_init = hpet_class_init,
};

static void hpet_register(void)
{
    type_register_static(&hpet_type);
}

type_init(hpet_register)
