/*
 * HPET ("hpet"): the IA-PC High Precision Event Timer, per Intel's IA-PC
 * HPET specification 1.0a, as QEMU models it on the pc board.
 *
 * Interface: one 1 KiB MMIO region (the pc board maps it at
 * HPET_BASE); HPET_NUM_IRQ_ROUTES sysbus IRQ outputs, line n being
 * interrupt route n (the board wires line n to GSI n); two GPIO inputs
 * (HPET_LEGACY_PIT_INT, HPET_LEGACY_RTC_INT) that pass an interrupt
 * through to route 0 / 8 while legacy replacement is off; one unnamed GPIO
 * output (0: "PIT enable"), low while legacy replacement is on (the board
 * stops the PIT's interrupt then). Lines and properties appear in
 * "info qtree" as QEMU's.
 *
 * Properties: "timers" (3..32, default 3), "msi" (FSB delivery: only
 * false is supported), "hpet-intcap" (the INT_ROUTE_CAP bitmap every
 * timer reports; the pc board sets 0x4, IRQ 2 only, as QEMU's i440FX
 * board does), "hpet-offset-saved" (QEMU's migration knob: accepted, no
 * effect).
 *
 * The 64-bit main counter runs at 100 MHz (period 10,000,000 fs) on the
 * virtual clock: it stops while the VM is stopped.
 */
#ifndef HW_TIMER_HPET_H
#define HW_TIMER_HPET_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_HPET "hpet"

#define HPET_BASE           0xfed00000
#define HPET_MMIO_SIZE      0x400
#define HPET_MIN_TIMERS     3
#define HPET_MAX_TIMERS     32
#define HPET_NUM_IRQ_ROUTES 32
#define HPET_CLK_PERIOD_FS  10000000ULL     /* 10 ns: 100 MHz */

#define HPET_LEGACY_PIT_INT 0               /* GPIO inputs */
#define HPET_LEGACY_RTC_INT 1
#define HPET_PIT_ENABLE_OUT 0               /* GPIO output */

OBJECT_DECLARE_SIMPLE_TYPE(HPETState, HPET)

typedef struct HPETTimer {
    HPETState *hpet;
    unsigned index;
    QEMUTimer qtimer;         /* QEMU_CLOCK_VIRTUAL: the next match */
    uint64_t config;          /* Tn_CONF_CAP */
    uint64_t cmp;             /* Tn_COMPARATOR as the guest reads it */
    uint64_t period;          /* periodic mode: the last value written */
    uint64_t fsb;             /* Tn_FSB_INT_ROUTE (stored only) */
} HPETTimer;

struct HPETState {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq irqs[HPET_NUM_IRQ_ROUTES];
    qemu_irq pit_enable;

    uint8_t num_timers;       /* property "timers" */
    bool msi;                 /* property "msi" */
    uint32_t intcap;          /* property "hpet-intcap" */
    bool offset_saved;        /* property "hpet-offset-saved" */
    uint64_t capability;      /* GCAP_ID */
    uint64_t config;          /* GEN_CONF */
    uint64_t isr;             /* GINTR_STA */
    uint64_t counter;         /* MAIN_CNT while halted */
    int64_t counter_base_ns;  /* running: counter = ticks since this */
    int rtc_level;            /* the RTC's line, for leaving legacy mode */
    HPETTimer timers[HPET_MAX_TIMERS];
};

/* The main counter as the guest would read it now. */
uint64_t hpet_get_counter(HPETState *s);

/* Board helper: create with intcap, realize, map at base. The caller
 * connects the lines. NULL with errp set on failure. */
DeviceState *hpet_create(hwaddr base, uint32_t intcap, Error **errp);

#endif
