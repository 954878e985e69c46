/*
 * "i8042": the PC keyboard controller (Intel 8042 / PS/2 KBC) on the ISA
 * bus. Interface: data port 0x60, status/command port 0x64, ISA IRQs
 * kbd-irq (1) and mouse-irq (12), gpio-out "a20" (output port bit 1).
 *
 * The controller's own commands are modelled (command byte, self-test,
 * interface tests, output port, A20, loopback of 0xd2/0xd3, pulse reset
 * 0xfe -> guest reset request). No keyboard or mouse is attached yet:
 * bytes for the keyboard get the answers a PS/2 keyboard gives to the
 * commands Linux's probe sends; bytes for the mouse (0xd4) are logged
 * under -d unimp and not answered, as with no mouse plugged in.
 */
#ifndef HW_INPUT_I8042_H
#define HW_INPUT_I8042_H

#include "hw/isa/isa.h"

#define TYPE_I8042 "i8042"
#define I8042_DATA_PORT 0x60
#define I8042_CMD_PORT 0x64
#define I8042_QUEUE_SIZE 16

/* Status register (port 0x64 read). */
#define I8042_STR_OBF 0x01
#define I8042_STR_IBF 0x02
#define I8042_STR_SYS 0x04
#define I8042_STR_CMD 0x08
#define I8042_STR_UNLOCKED 0x10
#define I8042_STR_AUX_OBF 0x20

/* Command byte ("mode"). */
#define I8042_MODE_KBD_INT 0x01
#define I8042_MODE_AUX_INT 0x02
#define I8042_MODE_SYS 0x04
#define I8042_MODE_KBD_DISABLED 0x10
#define I8042_MODE_AUX_DISABLED 0x20
#define I8042_MODE_XLATE 0x40

/* Output port. */
#define I8042_OUT_RESET 0x01       /* active low: 0 resets the CPU */
#define I8042_OUT_A20 0x02

OBJECT_DECLARE_SIMPLE_TYPE(I8042State, I8042)

typedef struct I8042Byte {
    uint8_t data;
    bool aux;
} I8042Byte;

struct I8042State {
    ISADevice parent_obj;
    MemoryRegion io_data;
    MemoryRegion io_cmd;
    uint32_t kbd_irq_num;
    uint32_t aux_irq_num;
    qemu_irq kbd_irq;
    qemu_irq aux_irq;
    qemu_irq a20_out;
    uint8_t status;
    uint8_t mode;
    uint8_t outport;
    uint8_t pending_cmd;          /* controller command awaiting its data */
    uint8_t kbd_pending;          /* keyboard command awaiting its data */
    uint8_t out_data;             /* the output buffer (valid with OBF) */
    I8042Byte queue[I8042_QUEUE_SIZE];
    unsigned q_head, q_count;
};

ISADevice *i8042_init(ISABus *bus, Error **errp);
/* The A20 gate as the output port drives it. */
bool i8042_a20_enabled(ISADevice *dev);

#endif
