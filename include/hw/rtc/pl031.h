/*
 * PL031 real-time clock ("pl031"), ARM DDI 0224. Interface: one 4 KiB MMIO
 * region, one IRQ output (RTCINTR, the match interrupt), property
 * "migrate-tick-offset" (accepted as QEMU's, no effect).
 * The counter is the host's wall clock in seconds since the epoch (local
 * time with -rtc base=localtime), shifted by what the guest loads into
 * RTCLR. See docs/devices.md.
 */
#ifndef HW_RTC_PL031_H
#define HW_RTC_PL031_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_PL031 "pl031"

OBJECT_DECLARE_SIMPLE_TYPE(PL031State, PL031)

struct PL031State {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq irq;
    QEMUTimer alarm;          /* QEMU_CLOCK_HOST: when the count hits MR */

    int64_t tick_offset;      /* counter = host seconds + tick_offset */
    uint32_t mr;              /* match register */
    uint32_t lr;              /* last value loaded */
    uint32_t im;              /* RTCIMSC: bit 0 */
    uint32_t is;              /* RTCRIS: bit 0, latched until RTCICR */
    bool migrate_tick_offset; /* QEMU's property; no migration here */
};

/* The counter value the guest reads now from RTCDR. */
uint32_t pl031_get_count(PL031State *s);

/*
 * Board helper: create, realize, map at addr, connect irq.
 * NULL with errp set on failure.
 */
DeviceState *pl031_create(hwaddr addr, qemu_irq irq, Error **errp);

#endif
