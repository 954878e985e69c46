/*
 * hw/gpio/pl061.c: PL061 GPIO controller ("pl061"). Interface: see
 * include/hw/gpio/pl061.h. Registers per ARM DDI 0190 (PrimeCell GPIO
 * PL061 TRM); docs/devices.md says what is modelled.
 *
 * A pin's level is the output latch for pins set as outputs and what the
 * GPIO input drives for the others. RIS bits latch until GPIOIC clears
 * them: an edge on an input pin sets its bit; a level-sensitive pin (input
 * or output, as QEMU) sets it whenever the level is active, so clearing
 * it while the level lasts does nothing.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/gpio/pl061.h"

#define PL061_DATA_END  0x400   /* 0x000..0x3fc: DATA, bits 9:2 mask */
#define PL061_DIR       0x400
#define PL061_IS        0x404
#define PL061_IBE       0x408
#define PL061_IEV       0x40c
#define PL061_IE        0x410
#define PL061_RIS       0x414
#define PL061_MIS       0x418
#define PL061_IC        0x41c
#define PL061_AFSEL     0x420
#define PL061_ID_BASE   0xfe0   /* 0xfe0..0xffc: PeriphID0..3, CellID0..3 */
#define PL061_MMIO_SIZE 0x1000

#define PL061_PINS      0xffu

static const uint8_t pl061_id[8] = {
    0x61, 0x10, 0x04, 0x00,     /* PeriphID0..3: part 0x061, ARM, r0 */
    0x0d, 0xf0, 0x05, 0xb1,     /* CellID0..3: PrimeCell */
};

/* ------------------------------------------------------------------ */
/* Pins and interrupts                                                 */

static uint32_t pl061_levels(const PL061State *s)
{
    return (s->data & s->dir) | (s->in_level & ~s->dir & PL061_PINS);
}

/*
 * Level-sensitive pins at their active level. As in QEMU this counts
 * output pins too (their latch is their level).
 */
static uint32_t pl061_level_match(const PL061State *s)
{
    return s->is & ~(pl061_levels(s) ^ s->iev) & PL061_PINS;
}

/* What each GPIO output line shows: the latch, or the input's pull. */
static uint32_t pl061_out_levels(const PL061State *s)
{
    uint32_t pulled = s->pullups & ~s->pulldowns;

    return ((s->data & s->dir) | (pulled & ~s->dir)) & PL061_PINS;
}

/* Edges on input pins, as IBE and IEV select, latch their RIS bit. */
static void pl061_latch_edges(PL061State *s, uint32_t levels)
{
    uint32_t changed = (levels ^ s->old_level) & ~s->dir & ~s->is &
                       PL061_PINS;
    uint32_t wanted = s->ibe | ~(levels ^ s->iev);

    s->ris |= changed & wanted;
    s->old_level = levels;
}

static void pl061_drive_outputs(PL061State *s)
{
    uint32_t out = pl061_out_levels(s);
    uint32_t changed = s->out_valid ? out ^ s->old_out : PL061_PINS;

    s->old_out = out;
    s->out_valid = true;
    for (int i = 0; i < PL061_NUM_GPIOS; i++) {
        if (changed & (1u << i)) {
            qemu_set_irq(s->out[i], (out >> i) & 1);
        }
    }
}

/* After anything that moves a pin or the interrupt configuration. */
static void pl061_update(PL061State *s)
{
    pl061_latch_edges(s, pl061_levels(s));
    /* An active level sets RIS again at once, even right after IC. */
    s->ris |= pl061_level_match(s);
    pl061_drive_outputs(s);
    qemu_set_irq(s->irq, (s->ris & s->ie) != 0);
}

static void pl061_set_input(void *opaque, int n, int level)
{
    PL061State *s = opaque;

    if (n < 0 || n >= PL061_NUM_GPIOS) {
        return;
    }
    if (level) {
        s->in_level |= 1u << n;
    } else {
        s->in_level &= ~(1u << n);
    }
    pl061_update(s);
}

/* ------------------------------------------------------------------ */
/* Registers                                                           */

static uint64_t pl061_read_mis(PL061State *s)
{
    return s->ris & s->ie;
}

static void pl061_write_ic(PL061State *s, uint32_t val)
{
    s->ris &= ~val;
}

static void pl061_write_afsel(PL061State *s, uint32_t val)
{
    if (val) {
        qemu_log_mask(LOG_UNIMP, "pl061: hardware control (AFSEL 0x%02x) "
                      "is not modelled: pins stay software driven\n", val);
    }
    s->afsel = val;
}

/*
 * The control registers from 0x400: a read goes through 'read' or else
 * 'field'; a write through 'write' or else into 'field'. A register with
 * neither write path is read only.
 */
typedef struct PL061Reg {
    const char *name;
    size_t field;             /* offset in PL061State, 0 for none */
    uint64_t (*read)(PL061State *s);
    void (*write)(PL061State *s, uint32_t val);
    bool ro;
} PL061Reg;

#define REG_FIELD(f) offsetof(PL061State, f)

static const PL061Reg pl061_regs[(PL061_AFSEL - PL061_DIR) / 4 + 1] = {
    [(PL061_DIR - PL061_DIR) / 4] = { "GPIODIR", REG_FIELD(dir) },
    [(PL061_IS - PL061_DIR) / 4] = { "GPIOIS", REG_FIELD(is) },
    [(PL061_IBE - PL061_DIR) / 4] = { "GPIOIBE", REG_FIELD(ibe) },
    [(PL061_IEV - PL061_DIR) / 4] = { "GPIOIEV", REG_FIELD(iev) },
    [(PL061_IE - PL061_DIR) / 4] = { "GPIOIE", REG_FIELD(ie) },
    [(PL061_RIS - PL061_DIR) / 4] = { "GPIORIS", REG_FIELD(ris), NULL, NULL,
                                      true },
    [(PL061_MIS - PL061_DIR) / 4] = { "GPIOMIS", 0, pl061_read_mis, NULL,
                                      true },
    [(PL061_IC - PL061_DIR) / 4] = { "GPIOIC", 0, NULL, pl061_write_ic },
    [(PL061_AFSEL - PL061_DIR) / 4] = { "GPIOAFSEL", REG_FIELD(afsel), NULL,
                                        pl061_write_afsel },
};

static const PL061Reg *pl061_reg_find(hwaddr offset)
{
    hwaddr idx;

    if ((offset & 3) || offset < PL061_DIR) {
        return NULL;
    }
    idx = (offset - PL061_DIR) / 4;
    return idx < ARRAY_SIZE(pl061_regs) ? &pl061_regs[idx] : NULL;
}

static uint32_t *pl061_reg_field(PL061State *s, const PL061Reg *r)
{
    return (uint32_t *)((char *)s + r->field);
}

static uint64_t pl061_mmio_read(void *opaque, hwaddr offset, unsigned size)
{
    PL061State *s = opaque;
    const PL061Reg *r;

    if (offset < PL061_DATA_END) {
        /* Address bits 9:2 select which pins the access sees. */
        return pl061_levels(s) & (offset >> 2) & PL061_PINS;
    }
    r = pl061_reg_find(offset);
    if (r && r->read) {
        return r->read(s);
    }
    if (r && r->field) {
        return *pl061_reg_field(s, r);
    }
    if (r) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl061: read of write-only register "
                      "%s\n", r->name);
        return 0;
    }
    if (offset >= PL061_ID_BASE && offset < PL061_MMIO_SIZE &&
        !(offset & 3)) {
        return pl061_id[(offset - PL061_ID_BASE) / 4];
    }
    qemu_log_mask(LOG_GUEST_ERROR, "pl061: read of bad offset 0x%"
                  HWADDR_PRIx "\n", offset);
    return 0;
}

static void pl061_mmio_write(void *opaque, hwaddr offset, uint64_t value,
                             unsigned size)
{
    PL061State *s = opaque;
    uint32_t val = (uint32_t)value & PL061_PINS;
    const PL061Reg *r;

    if (offset < PL061_DATA_END) {
        /* Only masked pins set as outputs take the new value. */
        uint32_t mask = (offset >> 2) & s->dir & PL061_PINS;

        s->data = (s->data & ~mask) | (val & mask);
        pl061_update(s);
        return;
    }
    r = pl061_reg_find(offset);
    if (!r) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl061: write of bad offset 0x%"
                      HWADDR_PRIx " (value 0x%" PRIx64 ")\n", offset, value);
        return;
    }
    if (r->ro) {
        qemu_log_mask(LOG_GUEST_ERROR, "pl061: write to read-only register "
                      "%s (value 0x%" PRIx64 ")\n", r->name, value);
        return;
    }
    if (r->write) {
        r->write(s, val);
    } else {
        *pl061_reg_field(s, r) = val;
    }
    pl061_update(s);
}

/* The core widens byte and halfword accesses to the 32-bit register. */
static const MemoryRegionOps pl061_ops = {
    .read = pl061_mmio_read,
    .write = pl061_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* ------------------------------------------------------------------ */
/* Device                                                              */

static void pl061_reset(DeviceState *dev)
{
    PL061State *s = PL061(dev);

    s->data = 0;
    s->dir = 0;
    s->is = 0;
    s->ibe = 0;
    s->iev = 0;
    s->ie = 0;
    s->ris = 0;
    s->afsel = 0;
    /* The inputs keep what drives them; no edge comes from a reset. */
    s->old_level = pl061_levels(s);
    pl061_update(s);
}

static void pl061_init(Object *obj)
{
    PL061State *s = PL061(obj);
    DeviceState *dev = DEVICE(obj);

    memory_region_init_io(&s->iomem, obj, &pl061_ops, s, "pl061",
                          PL061_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(dev, pl061_set_input, PL061_NUM_GPIOS);
    qdev_init_gpio_out(dev, s->out, PL061_NUM_GPIOS);
}

static void pl061_finalize(Object *obj)
{
    PL061State *s = PL061(obj);

    memory_region_finalize(&s->iomem);
}

static bool pl061_realize(DeviceState *dev, Error **errp)
{
    PL061State *s = PL061(dev);

    if (s->pullups > PL061_PINS) {
        error_setg(errp, "pullups property must be between 0 and 0xff");
        return false;
    }
    if (s->pulldowns > PL061_PINS) {
        error_setg(errp, "pulldowns property must be between 0 and 0xff");
        return false;
    }
    if (s->pullups & s->pulldowns) {
        error_setg(errp, "no bit may be set both in pullups and pulldowns");
        return false;
    }
    return true;
}

DeviceState *pl061_create(hwaddr addr, qemu_irq irq, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_PL061);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (!sysbus_realize_and_unref(sbd, errp)) {
        return NULL;
    }
    sysbus_mmio_map(sbd, 0, addr);
    sysbus_connect_irq(sbd, 0, irq);
    return dev;
}

static const Property pl061_props[] = {
    PROP_UINT32("pullups", PL061State, pullups, 0xff),
    PROP_UINT32("pulldowns", PL061State, pulldowns, 0x0),
    PROP_END,
};

static void pl061_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pl061_realize;
    dc->reset = pl061_reset;
    dc->desc = "ARM PL061 GPIO controller";
    /* A board maps it and wires its lines. */
    dc->user_creatable = false;
    device_class_set_props(dc, pl061_props);
}

static const TypeInfo pl061_type = {
    .name = TYPE_PL061,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PL061State),
    .instance_init = pl061_init,
    .instance_finalize = pl061_finalize,
    .class_init = pl061_class_init,
};

static void pl061_register(void)
{
    type_register_static(&pl061_type);
}

type_init(pl061_register)
