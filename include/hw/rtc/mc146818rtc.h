/*
 * "mc146818rtc": the PC's CMOS real-time clock (Motorola MC146818A and
 * compatibles) on the ISA bus. Interface: two I/O ports at iobase (0x70
 * index, bit 7 = NMI mask, stored only; 0x71 data), one ISA IRQ (8),
 * properties iobase, irq, base_year.
 *
 * Time of day follows the host clock (QEMU_CLOCK_HOST), in UTC unless
 * rtc_base_localtime (-rtc base=localtime); the guest may set it, which
 * keeps an offset. Periodic, alarm and update-ended interrupts run on
 * QEMU_CLOCK_VIRTUAL, so they stop while the VM is stopped.
 * The 128 CMOS bytes (0x0e..0x7f are NVRAM) are set by the board with
 * mc146818rtc_set_cmos(); 0x32 holds the century.
 */
#ifndef HW_RTC_MC146818RTC_H
#define HW_RTC_MC146818RTC_H

#include "hw/isa/isa.h"
#include "qemu/timer.h"

#define TYPE_MC146818_RTC "mc146818rtc"
#define RTC_ISA_BASE 0x70
#define RTC_ISA_IRQ 8
#define RTC_CMOS_SIZE 128

/* Register indexes (MC146818A data sheet). */
#define RTC_SECONDS 0x00
#define RTC_SECONDS_ALARM 0x01
#define RTC_MINUTES 0x02
#define RTC_MINUTES_ALARM 0x03
#define RTC_HOURS 0x04
#define RTC_HOURS_ALARM 0x05
#define RTC_DAY_OF_WEEK 0x06
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_REG_B 0x0b
#define RTC_REG_C 0x0c
#define RTC_REG_D 0x0d
#define RTC_CENTURY 0x32

#define REG_A_UIP 0x80
#define REG_B_SET 0x80
#define REG_B_PIE 0x40
#define REG_B_AIE 0x20
#define REG_B_UIE 0x10
#define REG_B_SQWE 0x08
#define REG_B_DM 0x04      /* 1: binary, 0: BCD */
#define REG_B_24H 0x02
#define REG_C_IRQF 0x80
#define REG_C_PF 0x40
#define REG_C_AF 0x20
#define REG_C_UF 0x10
#define REG_D_VRT 0x80

/* -rtc base=localtime (defined in softmmu/vl.c; tests define their own). */
extern bool rtc_base_localtime;

OBJECT_DECLARE_SIMPLE_TYPE(MC146818RtcState, MC146818_RTC)

struct MC146818RtcState {
    ISADevice parent_obj;
    MemoryRegion io;
    uint32_t iobase;
    uint32_t isairq;
    int32_t base_year;
    qemu_irq irq;
    uint8_t cmos_data[RTC_CMOS_SIZE];
    uint8_t cmos_index;
    bool nmi_masked;
    int64_t offset_ns;             /* guest time - host time */
    int64_t last_uf_sec;           /* guest second when UF was last due */
    QEMUTimer periodic_timer;      /* virtual clock */
    QEMUTimer second_timer;        /* virtual clock: update-ended, alarm */
};

/* Create and realize on bus at 0x70, IRQ 8. */
ISADevice *mc146818_rtc_init(ISABus *bus, int base_year, Error **errp);
/* CMOS bytes for the board (addr 0..127; others are ignored / read 0). */
void mc146818rtc_set_cmos(ISADevice *rtc, int addr, int val);
int mc146818rtc_get_cmos(ISADevice *rtc, int addr);
/*
 * The memory-size bytes SeaBIOS and old OSes read: 0x15/0x16 base memory
 * (640 KiB), 0x17/0x18 and 0x30/0x31 KiB above 1 MiB (up to 0xffff),
 * 0x34/0x35 64 KiB units above 16 MiB (below 4 GiB, up to 0xffff),
 * 0x5b..0x5d 64 KiB units above 4 GiB.
 */
void mc146818rtc_set_memory_size(ISADevice *rtc, uint64_t below_4g,
                                 uint64_t above_4g);

#endif
