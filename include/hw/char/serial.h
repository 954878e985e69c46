/*
 * The 16550A UART core, shared by the bus wrappers ("isa-serial" today; a
 * PCI or MMIO serial later). Datasheet: TI/National PC16550D.
 *
 * Interface: eight byte-wide registers (serial_reg_read/serial_reg_write,
 * or the ready-made 8-port I/O region of serial_init), one level interrupt
 * line (s->irq, set by the wrapper), one chardev frontend (s->chr, a
 * "chardev" property of the wrapper).
 *
 * Transmit never blocks: bytes go to the chardev at once; what it cannot
 * take waits in the 16-byte TX FIFO and drains from a chardev watch, and
 * LSR.THRE/TEMT stay clear until it is empty. A guest that keeps writing
 * into a full FIFO loses bytes, as real hardware would. Receive fills a
 * 16-byte FIFO; the chardev is only offered as many bytes as fit.
 */
#ifndef HW_SERIAL_H
#define HW_SERIAL_H

#include "hw/irq.h"
#include "exec/memory.h"
#include "chardev/char.h"
#include "qemu/timer.h"

#define SERIAL_FIFO_LEN 16
#define SERIAL_IO_SIZE 8

/* Register offsets (DLAB selects DLL/DLM at 0 and 1). */
enum {
    SERIAL_RBR = 0,   /* read: receive buffer; write: THR; DLAB: DLL */
    SERIAL_IER = 1,   /* DLAB: DLM */
    SERIAL_IIR = 2,   /* read: IIR; write: FCR */
    SERIAL_LCR = 3,
    SERIAL_MCR = 4,
    SERIAL_LSR = 5,
    SERIAL_MSR = 6,
    SERIAL_SCR = 7,
};

typedef struct SerialFifo {
    uint8_t data[SERIAL_FIFO_LEN];
    unsigned head;    /* next byte out */
    unsigned count;
} SerialFifo;

typedef struct SerialState {
    /* Registers. */
    uint16_t divider;         /* DLM:DLL */
    uint8_t ier;
    uint8_t fcr;              /* as written (bit 0: FIFOs enabled) */
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;
    /*
     * With FIFOs off (16450 mode) both hold one byte: the receive and
     * transmit holding registers.
     */
    SerialFifo rx;
    SerialFifo tx;
    bool thr_ipending;        /* THRE interrupt latched (cleared by IIR read) */
    bool timeout_ipending;    /* RX FIFO character timeout */
    bool tx_overrun_logged;   /* report a flooding guest once */
    bool break_logged;
    guint watch_tag;          /* chardev watch while the backend is busy */
    QEMUTimer rx_timeout;     /* QEMU_CLOCK_VIRTUAL, 4 character times */

    /* Configuration, from the wrapper. */
    uint32_t baudbase;        /* 115200: divisor 1 */
    CharBackend chr;
    qemu_irq irq;
    MemoryRegion io;          /* 8 ports, made by serial_init */
} SerialState;

/* Once, from the wrapper's instance_init: the "serial" I/O region. */
void serial_init(SerialState *s, Object *owner);
/* Realize: connect the chardev handlers. */
bool serial_realize_core(SerialState *s, Error **errp);
void serial_unrealize_core(SerialState *s);
/* Power-on state per the datasheet: IER=0, IIR=0x01, LSR=0x60... */
void serial_reset(SerialState *s);

/* One register access; reg is taken modulo 8 by callers' regions. */
uint8_t serial_reg_read(SerialState *s, unsigned reg);
void serial_reg_write(SerialState *s, unsigned reg, uint8_t val);

#endif
