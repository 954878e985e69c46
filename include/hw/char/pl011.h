/*
 * PL011 UART ("pl011"), ARM DDI 0183. Interface: one 4 KiB MMIO region,
 * one IRQ output (UARTINTR), property "chardev". See docs/devices.md.
 */
#ifndef HW_CHAR_PL011_H
#define HW_CHAR_PL011_H

#include "hw/sysbus.h"
#include "chardev/char.h"

#define TYPE_PL011 "pl011"

/* Entries per FIFO with LCR_H.FEN set (r1p1..r1p4 parts; see docs). */
#define PL011_FIFO_DEPTH 16

OBJECT_DECLARE_SIMPLE_TYPE(PL011State, PL011)

struct PL011State {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq irq;
    CharBackend chr;

    /* Registers (reset values in pl011_reset). */
    uint32_t rsr;             /* error status of the last char read */
    uint32_t ilpr;
    uint32_t ibrd;
    uint32_t fbrd;
    uint32_t lcr_h;
    uint32_t cr;
    uint32_t ifls;
    uint32_t imsc;
    uint32_t ris;
    uint32_t dmacr;

    /* Receive FIFO: data in bits 7:0, its error bits (DR 11:8) above. */
    uint16_t rx_fifo[PL011_FIFO_DEPTH];
    unsigned rx_head;         /* oldest entry */
    unsigned rx_count;
    bool rx_overrun;          /* the next char stored carries DR.OE */

    /* Transmit FIFO: bytes the chardev has not taken yet. */
    uint8_t tx_fifo[PL011_FIFO_DEPTH];
    unsigned tx_head;
    unsigned tx_count;
    guint tx_watch;           /* chardev watch retrying the FIFO, or 0 */
    bool tx_disabled_logged;  /* "sent while disabled" logged once */
};

/*
 * Board helper: create, attach chr (NULL: output discarded), realize, map
 * at addr, connect irq. NULL with errp set if chr is already in use.
 */
DeviceState *pl011_create(hwaddr addr, qemu_irq irq, Chardev *chr,
                          Error **errp);

#endif
