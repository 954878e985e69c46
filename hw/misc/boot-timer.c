/*
 * "boot-timer": the guest tells the host when it has booted, and Kestrel
 * logs how long that took since the process started (as Firecracker's
 * boot-timer device does). Interface: one I/O port at iobase (default
 * 0x440, free on the pc board), no IRQ. Writing the byte 123 logs once:
 *   info: guest boot time: W ms since start, C ms CPU
 * Other values are ignored (logged under -d guest_errors); reads return 0.
 * From a Linux guest's init: printf '\173' | dd of=/dev/port bs=1 seek=1088
 */
#include "qemu/osdep.h"
#include "hw/isa/isa.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include <sys/resource.h>
#include <time.h>

#define TYPE_BOOT_TIMER "boot-timer"
#define BOOT_TIMER_MAGIC 123

OBJECT_DECLARE_SIMPLE_TYPE(BootTimerState, BOOT_TIMER)

struct BootTimerState {
    ISADevice parent_obj;
    uint32_t iobase;
    MemoryRegion io;
    bool logged;
};

/* Taken as early as a constructor can: the process start, near enough. */
static struct timespec process_start;

static void __attribute__((constructor)) boot_timer_note_start(void)
{
    clock_gettime(CLOCK_MONOTONIC, &process_start);
}

static double timespec_ms(const struct timespec *a, const struct timespec *b)
{
    return (b->tv_sec - a->tv_sec) * 1e3 + (b->tv_nsec - a->tv_nsec) / 1e6;
}

static uint64_t boot_timer_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void boot_timer_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    BootTimerState *s = opaque;
    struct timespec now;
    struct rusage ru;

    if (val != BOOT_TIMER_MAGIC) {
        qemu_log_mask(LOG_GUEST_ERROR, "boot-timer: ignored write 0x%" PRIx64
                      "\n", val);
        return;
    }
    if (s->logged) {
        return;
    }
    s->logged = true;
    clock_gettime(CLOCK_MONOTONIC, &now);
    getrusage(RUSAGE_SELF, &ru);
    info_report("guest boot time: %.1f ms since start, %.1f ms CPU",
                timespec_ms(&process_start, &now),
                (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3);
}

static const MemoryRegionOps boot_timer_ops = {
    .read = boot_timer_read,
    .write = boot_timer_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static const Property boot_timer_props[] = {
    PROP_UINT16("iobase", BootTimerState, iobase, 0x440),
    PROP_END,
};

static void boot_timer_init(Object *obj)
{
    BootTimerState *s = BOOT_TIMER(obj);

    memory_region_init_io(&s->io, obj, &boot_timer_ops, s, TYPE_BOOT_TIMER,
                          1);
}

static bool boot_timer_realize(DeviceState *dev, Error **errp)
{
    BootTimerState *s = BOOT_TIMER(dev);

    return isa_register_ioport(ISA_DEVICE(dev), &s->io, s->iobase, errp);
}

static void boot_timer_unrealize(DeviceState *dev)
{
    isa_unregister_ioport(ISA_DEVICE(dev), &BOOT_TIMER(dev)->io);
}

static void boot_timer_reset(DeviceState *dev)
{
    /* Log again after a reboot: that boot is timed from process start. */
    BOOT_TIMER(dev)->logged = false;
}

static void boot_timer_finalize(Object *obj)
{
    memory_region_finalize(&BOOT_TIMER(obj)->io);
}

static void boot_timer_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "logs the guest's boot time (Firecracker-style)";
    dc->realize = boot_timer_realize;
    dc->unrealize = boot_timer_unrealize;
    dc->reset = boot_timer_reset;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, boot_timer_props);
}

static const TypeInfo boot_timer_type = {
    .name = TYPE_BOOT_TIMER,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(BootTimerState),
    .instance_init = boot_timer_init,
    .instance_finalize = boot_timer_finalize,
    .class_init = boot_timer_class_init,
};

static void boot_timer_register_types(void)
{
    type_register_static(&boot_timer_type);
}

type_init(boot_timer_register_types)
