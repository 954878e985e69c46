/*
 * "PIIX4_PM": the ACPI PM function of the pc board (interface and
 * differences from the chip: include/hw/acpi/piix4-pm.h). Register
 * semantics from the ACPI specification 6.x chapter 4.8 (PM1 event and
 * control blocks, PM timer, GPE blocks) and Intel's 82371AB data sheet
 * (PMBA, PMREGMISC).
 */
#include "qemu/osdep.h"
#include "hw/acpi/piix4-pm.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "sysemu/runstate.h"

#define PIIX4_PM_DEVICE_ID      0x7113
#define PIIX4_PM_REVISION       0x03
#define PIIX4_PMBA_MASK         0xffc0u
/* Status bits whose enabled events raise the SCI. */
#define PM1_SCI_EVENTS (ACPI_PM1_TMR_STS | ACPI_PM1_GBL_STS | \
                        ACPI_PM1_PWRBTN_STS | ACPI_PM1_RTC_STS)
#define PM1_STS_WRITABLE (PM1_SCI_EVENTS | ACPI_PM1_WAK_STS)
#define NS_PER_SEC              1000000000ULL

static uint32_t piix4_pm_timer(void)
{
    uint64_t ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    /* Split so the product cannot overflow 64 bits. */
    uint64_t ticks = ns / NS_PER_SEC * ACPI_PM_TIMER_HZ +
                     ns % NS_PER_SEC * ACPI_PM_TIMER_HZ / NS_PER_SEC;

    return ticks & 0xffffff;
}

static void piix4_pm_update_sci(PIIX4PMState *s)
{
    bool level = (s->pm1_sts & s->pm1_en & PM1_SCI_EVENTS) ||
                 (s->gpe0_sts & s->gpe0_en);

    if (level != s->sci_level) {
        s->sci_level = level;
        qemu_set_irq(s->sci, level);
    }
}

static void piix4_pm_sleep(PIIX4PMState *s, unsigned typ)
{
    if (typ == PIIX4_SLP_TYP_S5) {
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    } else {
        qemu_log_mask(LOG_UNIMP, "PIIX4_PM: sleep type %u not supported "
                      "(only S5, type 0)\n", typ);
    }
}

static void piix4_pm_write_cnt(PIIX4PMState *s, uint16_t val)
{
    /* SLP_EN is write-only: it triggers the transition, reads 0. */
    s->pm1_cnt = val & ~ACPI_PM1_CNT_SLP_EN;
    if (val & ACPI_PM1_CNT_SLP_EN) {
        piix4_pm_sleep(s, (val & ACPI_PM1_CNT_SLP_TYP_MASK) >>
                          ACPI_PM1_CNT_SLP_TYP_SHIFT);
    }
}

static uint64_t piix4_pm_read(void *opaque, hwaddr addr, unsigned size)
{
    PIIX4PMState *s = opaque;
    uint8_t regs[12] = { 0 };
    uint64_t val = 0;

    /* One snapshot per access, so a 32-bit timer read is consistent. */
    regs[0] = s->pm1_sts;
    regs[1] = s->pm1_sts >> 8;
    regs[2] = s->pm1_en;
    regs[3] = s->pm1_en >> 8;
    regs[4] = s->pm1_cnt;
    regs[5] = s->pm1_cnt >> 8;
    if (addr + size > ACPI_PM_TMR) {
        uint32_t t = piix4_pm_timer();

        regs[8] = t;
        regs[9] = t >> 8;
        regs[10] = t >> 16;
    }
    for (unsigned i = 0; i < size; i++) {
        if (addr + i < sizeof(regs)) {
            val |= (uint64_t)regs[addr + i] << (8 * i);
        }
    }
    if (addr + size > sizeof(regs)) {
        qemu_log_mask(LOG_UNIMP, "PIIX4_PM: read of unmodelled register "
                      "at +0x%x\n", (unsigned)addr);
    }
    return val;
}

/* Apply the bytes of a write that fall in the 16-bit register at reg. */
static uint16_t piix4_pm_merge16(uint16_t old, hwaddr reg, hwaddr addr,
                                 unsigned size, uint64_t val, uint16_t *mask)
{
    uint16_t v = old;

    *mask = 0;
    for (unsigned i = 0; i < size; i++) {
        hwaddr a = addr + i;

        if (a >= reg && a < reg + 2) {
            unsigned sh = 8 * (a - reg);

            v = (v & ~(0xffu << sh)) | (((val >> (8 * i)) & 0xff) << sh);
            *mask |= 0xffu << sh;
        }
    }
    return v;
}

static void piix4_pm_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    PIIX4PMState *s = opaque;
    uint16_t mask, v;

    v = piix4_pm_merge16(0, ACPI_PM1_STS, addr, size, val, &mask);
    s->pm1_sts &= ~(v & PM1_STS_WRITABLE);
    v = piix4_pm_merge16(s->pm1_en, ACPI_PM1_EN, addr, size, val, &mask);
    if (mask) {
        s->pm1_en = v;
        if (v & ACPI_PM1_TMR_STS) {
            qemu_log_mask(LOG_UNIMP, "PIIX4_PM: timer overflow event not "
                          "modelled\n");
        }
    }
    v = piix4_pm_merge16(s->pm1_cnt, ACPI_PM1_CNT, addr, size, val, &mask);
    if (mask) {
        piix4_pm_write_cnt(s, v);
    }
    if (addr + size > ACPI_PM1_CNT + 2) {
        qemu_log_mask(LOG_UNIMP, "PIIX4_PM: write to read-only or "
                      "unmodelled register at +0x%x\n", (unsigned)addr);
    }
    piix4_pm_update_sci(s);
}

static const MemoryRegionOps piix4_pm_ops = {
    .read = piix4_pm_read,
    .write = piix4_pm_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static uint64_t piix4_gpe_read(void *opaque, hwaddr addr, unsigned size)
{
    PIIX4PMState *s = opaque;
    uint32_t regs = s->gpe0_sts | (uint32_t)s->gpe0_en << 16;

    return (regs >> (8 * addr)) & (size == 4 ? UINT32_MAX :
                                   (1u << (8 * size)) - 1);
}

static void piix4_gpe_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    PIIX4PMState *s = opaque;
    uint16_t mask, v;

    v = piix4_pm_merge16(0, 0, addr, size, val, &mask);
    s->gpe0_sts &= ~v;
    v = piix4_pm_merge16(s->gpe0_en, 2, addr, size, val, &mask);
    s->gpe0_en = v;
    piix4_pm_update_sci(s);
}

static const MemoryRegionOps piix4_gpe_ops = {
    .read = piix4_gpe_read,
    .write = piix4_gpe_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

void piix4_pm_press_power_button(PIIX4PMState *s)
{
    s->pm1_sts |= ACPI_PM1_PWRBTN_STS;
    piix4_pm_update_sci(s);
}

/* Map the PM block where PMBA says, when PMREGMISC enables it. */
static void piix4_pm_map_io(PIIX4PMState *s)
{
    MemoryRegion *io = s->dev.bus->address_space_io;
    uint32_t base = pci_get_long(s->dev.config + PIIX4_PMBA) &
                    PIIX4_PMBA_MASK;
    bool on = s->dev.config[PIIX4_PMREGMISC] & 1;

    if (s->io.container) {
        memory_region_del_subregion(s->io.container, &s->io);
    }
    if (on && io) {
        memory_region_add_subregion(io, base, &s->io);
    }
}

static void piix4_pm_config_write(PCIDevice *dev, uint32_t addr,
                                  uint32_t val, unsigned len)
{
    pci_default_write_config(dev, addr, val, len);
    if ((addr < PIIX4_PMBA + 4 && addr + len > PIIX4_PMBA) ||
        (addr <= PIIX4_PMREGMISC && addr + len > PIIX4_PMREGMISC)) {
        piix4_pm_map_io(PIIX4_PM(dev));
    }
}

static void piix4_pm_reset(DeviceState *qdev)
{
    PIIX4PMState *s = PIIX4_PM(qdev);
    uint8_t *c = s->dev.config;

    pci_device_reset(&s->dev);
    s->pm1_sts = s->pm1_en = 0;
    s->pm1_cnt = ACPI_PM1_CNT_SCI_EN;
    s->gpe0_sts = s->gpe0_en = 0;
    pci_set_long(c + PIIX4_PMBA, PIIX4_PM_BASE | PCI_BASE_ADDRESS_SPACE_IO);
    c[PIIX4_PMREGMISC] = 1;
    c[PCI_INTERRUPT_LINE] = PIIX4_PM_SCI_IRQ;
    piix4_pm_map_io(s);
    piix4_pm_update_sci(s);
}

static bool piix4_pm_realize(PCIDevice *dev, Error **errp)
{
    PIIX4PMState *s = PIIX4_PM(dev);
    MemoryRegion *io = dev->bus->address_space_io;

    dev->config[PCI_INTERRUPT_PIN] = 1;
    /* PMBA bits 15:6 and PMREGMISC bit 0 are the guest's to move. */
    memset(dev->wmask + PIIX4_PMBA, 0, 4);
    pci_set_word(dev->wmask + PIIX4_PMBA, PIIX4_PMBA_MASK);
    dev->wmask[PIIX4_PMREGMISC] = 1;
    if (io) {
        memory_region_add_subregion(io, PIIX4_GPE0_BASE, &s->gpe_io);
    }
    piix4_pm_reset(DEVICE(dev));
    return true;
}

static void piix4_pm_exit(PCIDevice *dev)
{
    PIIX4PMState *s = PIIX4_PM(dev);

    if (s->io.container) {
        memory_region_del_subregion(s->io.container, &s->io);
    }
    if (s->gpe_io.container) {
        memory_region_del_subregion(s->gpe_io.container, &s->gpe_io);
    }
}

static void piix4_pm_init(Object *obj)
{
    PIIX4PMState *s = PIIX4_PM(obj);

    memory_region_init_io(&s->io, obj, &piix4_pm_ops, s, "piix4-pm",
                          PIIX4_PM_SIZE);
    memory_region_init_io(&s->gpe_io, obj, &piix4_gpe_ops, s, "acpi-gpe0",
                          PIIX4_GPE0_SIZE);
    qdev_init_gpio_out_named(DEVICE(obj), &s->sci, "sci", 1);
}

static void piix4_pm_finalize(Object *obj)
{
    PIIX4PMState *s = PIIX4_PM(obj);

    memory_region_finalize(&s->io);
    memory_region_finalize(&s->gpe_io);
}

static void piix4_pm_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    (void)data;
    pc->realize = piix4_pm_realize;
    pc->exit = piix4_pm_exit;
    pc->config_write = piix4_pm_config_write;
    pc->vendor_id = PCI_VENDOR_ID_INTEL;
    pc->device_id = PIIX4_PM_DEVICE_ID;
    pc->revision = PIIX4_PM_REVISION;
    pc->class_id = PCI_CLASS_BRIDGE_OTHER;
    dc->reset = piix4_pm_reset;
    dc->desc = "PM";
    /* Part of the pc board, as in QEMU. */
    dc->user_creatable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

static const TypeInfo piix4_pm_type = {
    .name = TYPE_PIIX4_PM,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PIIX4PMState),
    .instance_init = piix4_pm_init,
    .instance_finalize = piix4_pm_finalize,
    .class_init = piix4_pm_class_init,
};

static void piix4_pm_register_types(void)
{
    type_register_static(&piix4_pm_type);
}

type_init(piix4_pm_register_types)
