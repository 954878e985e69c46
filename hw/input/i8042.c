/*
 * i8042 keyboard controller. Interface: see include/hw/input/i8042.h.
 *
 * Facts from the IBM PC/AT technical reference and the 8042 keyboard
 * controller command set: status register bits, command byte layout,
 * self-test (0xaa -> 0x55), interface tests (0xab, 0xa9 -> 0x00 = no
 * error), output port (bit 0 CPU reset, active low; bit 1 A20 gate),
 * commands 0xf0..0xff pulse the output lines whose bit is 0.
 * PS/2 keyboard replies: 0xfa ACK, 0xfe resend, 0xaa self-test passed,
 * ID 0xab 0x83 (0xab 0x41 through the controller's translation).
 *
 * Bytes for the guest wait in a small queue and enter the output buffer
 * one at a time as the guest reads port 0x60.
 */
#include "qemu/osdep.h"
#include "hw/input/i8042.h"
#include "qemu/log.h"
#include "sysemu/runstate.h"

#define KBD_ACK 0xfa
#define KBD_RESEND 0xfe
#define KBD_BAT_OK 0xaa
#define I8042_SELFTEST_OK 0x55
#define I8042_INPORT 0x80          /* keyboard not inhibited */
#define I8042_OUT_DEFAULT 0xcf     /* reset high, A20 on, unused bits 1 */

static const Property i8042_props[] = {
    PROP_UINT32("kbd-irq", I8042State, kbd_irq_num, 1),
    PROP_UINT32("mouse-irq", I8042State, aux_irq_num, 12),
    PROP_END,
};

/* ---- output buffer ---- */

static void i8042_update_irq(I8042State *s)
{
    bool obf = s->status & I8042_STR_OBF;
    bool aux = s->status & I8042_STR_AUX_OBF;

    qemu_set_irq(s->kbd_irq, obf && !aux && (s->mode & I8042_MODE_KBD_INT));
    qemu_set_irq(s->aux_irq, obf && aux && (s->mode & I8042_MODE_AUX_INT));
}

/* Move the next queued byte into the empty output buffer. */
static void i8042_refill(I8042State *s)
{
    I8042Byte *b;

    if ((s->status & I8042_STR_OBF) || !s->q_count) {
        i8042_update_irq(s);
        return;
    }
    b = &s->queue[s->q_head];
    s->q_head = (s->q_head + 1) % I8042_QUEUE_SIZE;
    s->q_count--;
    s->out_data = b->data;
    s->status |= I8042_STR_OBF;
    s->status = b->aux ? s->status | I8042_STR_AUX_OBF
                       : s->status & ~I8042_STR_AUX_OBF;
    i8042_update_irq(s);
}

static void i8042_queue(I8042State *s, uint8_t data, bool aux)
{
    if (s->q_count == I8042_QUEUE_SIZE) {
        qemu_log_mask(LOG_GUEST_ERROR, "i8042: output queue full, byte "
                      "0x%02x dropped\n", data);
        return;
    }
    s->queue[(s->q_head + s->q_count) % I8042_QUEUE_SIZE] =
        (I8042Byte){ .data = data, .aux = aux };
    s->q_count++;
    i8042_refill(s);
}

/* ---- output port ---- */

static void i8042_write_outport(I8042State *s, uint8_t val)
{
    uint8_t changed = s->outport ^ val;

    s->outport = val;
    if (changed & I8042_OUT_A20) {
        qemu_set_irq(s->a20_out, !!(val & I8042_OUT_A20));
    }
    if (!(val & I8042_OUT_RESET)) {
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
    }
}

/* ---- controller commands (port 0x64) ---- */

typedef void I8042CmdFn(I8042State *s, uint8_t cmd);

static void i8042_cmd_read_mode(I8042State *s, uint8_t cmd)
{
    i8042_queue(s, s->mode, false);
}

static void i8042_cmd_await_data(I8042State *s, uint8_t cmd)
{
    s->pending_cmd = cmd;
}

static void i8042_cmd_aux_disable(I8042State *s, uint8_t cmd)
{
    s->mode |= I8042_MODE_AUX_DISABLED;
}

static void i8042_cmd_aux_enable(I8042State *s, uint8_t cmd)
{
    s->mode &= ~I8042_MODE_AUX_DISABLED;
}

static void i8042_cmd_kbd_disable(I8042State *s, uint8_t cmd)
{
    s->mode |= I8042_MODE_KBD_DISABLED;
    i8042_update_irq(s);
}

static void i8042_cmd_kbd_enable(I8042State *s, uint8_t cmd)
{
    s->mode &= ~I8042_MODE_KBD_DISABLED;
    i8042_update_irq(s);
}

static void i8042_cmd_test_ok(I8042State *s, uint8_t cmd)
{
    i8042_queue(s, 0x00, false);
}

static void i8042_cmd_self_test(I8042State *s, uint8_t cmd)
{
    s->status |= I8042_STR_SYS;
    i8042_queue(s, I8042_SELFTEST_OK, false);
}

static void i8042_cmd_read_inport(I8042State *s, uint8_t cmd)
{
    i8042_queue(s, I8042_INPORT, false);
}

static void i8042_cmd_read_outport(I8042State *s, uint8_t cmd)
{
    i8042_queue(s, s->outport, false);
}

static void i8042_cmd_a20_off(I8042State *s, uint8_t cmd)
{
    i8042_write_outport(s, s->outport & ~I8042_OUT_A20);
}

static void i8042_cmd_a20_on(I8042State *s, uint8_t cmd)
{
    i8042_write_outport(s, s->outport | I8042_OUT_A20);
}

static void i8042_cmd_pulse(I8042State *s, uint8_t cmd)
{
    /* Bits 3:0 low pulse the matching output lines; only bit 0 (reset)
     * is wired to anything. */
    if (!(cmd & I8042_OUT_RESET)) {
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
    }
}

static const struct {
    uint8_t first, last;
    I8042CmdFn *fn;
} i8042_commands[] = {
    { 0x20, 0x20, i8042_cmd_read_mode },
    { 0x60, 0x60, i8042_cmd_await_data },     /* write command byte */
    { 0xa7, 0xa7, i8042_cmd_aux_disable },
    { 0xa8, 0xa8, i8042_cmd_aux_enable },
    { 0xa9, 0xa9, i8042_cmd_test_ok },        /* aux interface test */
    { 0xaa, 0xaa, i8042_cmd_self_test },
    { 0xab, 0xab, i8042_cmd_test_ok },        /* kbd interface test */
    { 0xad, 0xad, i8042_cmd_kbd_disable },
    { 0xae, 0xae, i8042_cmd_kbd_enable },
    { 0xc0, 0xc0, i8042_cmd_read_inport },
    { 0xd0, 0xd0, i8042_cmd_read_outport },
    { 0xd1, 0xd4, i8042_cmd_await_data },     /* outport, kbd/aux buffer,
                                                 to aux */
    { 0xdd, 0xdd, i8042_cmd_a20_off },
    { 0xdf, 0xdf, i8042_cmd_a20_on },
    { 0xf0, 0xff, i8042_cmd_pulse },
};

static void i8042_write_command(I8042State *s, uint8_t cmd)
{
    s->status |= I8042_STR_CMD;
    s->pending_cmd = 0;
    for (size_t i = 0; i < ARRAY_SIZE(i8042_commands); i++) {
        if (cmd >= i8042_commands[i].first && cmd <= i8042_commands[i].last) {
            i8042_commands[i].fn(s, cmd);
            return;
        }
    }
    qemu_log_mask(LOG_UNIMP, "i8042: controller command 0x%02x not "
                  "implemented\n", cmd);
}

/* ---- the keyboard behind the controller ---- */

/* Commands whose reply is fixed. A command taking an argument is ACKed,
 * then its argument is ACKed too. */
static const struct {
    uint8_t cmd;
    bool takes_arg;
    uint8_t nreply;
    uint8_t reply[3];
} kbd_commands[] = {
    { 0xed, true, 1, { KBD_ACK } },                  /* set LEDs */
    { 0xee, false, 1, { 0xee } },                    /* echo */
    { 0xf0, true, 1, { KBD_ACK } },                  /* scan code set */
    { 0xf3, true, 1, { KBD_ACK } },                  /* typematic rate */
    { 0xf4, false, 1, { KBD_ACK } },                 /* enable */
    { 0xf5, false, 1, { KBD_ACK } },                 /* disable */
    { 0xf6, false, 1, { KBD_ACK } },                 /* set defaults */
    { 0xff, false, 2, { KBD_ACK, KBD_BAT_OK } },     /* reset */
};

static void kbd_write(I8042State *s, uint8_t val)
{
    if (s->kbd_pending) {
        uint8_t cmd = s->kbd_pending;

        s->kbd_pending = 0;
        i8042_queue(s, KBD_ACK, false);
        if (cmd == 0xf0 && val == 0) {
            /* Query the set: 2, seen as 0x41 through translation. */
            i8042_queue(s, (s->mode & I8042_MODE_XLATE) ? 0x41 : 0x02, false);
        }
        return;
    }
    if (val == 0xf2) {                               /* read ID */
        i8042_queue(s, KBD_ACK, false);
        i8042_queue(s, 0xab, false);
        i8042_queue(s, (s->mode & I8042_MODE_XLATE) ? 0x41 : 0x83, false);
        return;
    }
    for (size_t i = 0; i < ARRAY_SIZE(kbd_commands); i++) {
        if (kbd_commands[i].cmd == val) {
            for (int r = 0; r < kbd_commands[i].nreply; r++) {
                i8042_queue(s, kbd_commands[i].reply[r], false);
            }
            if (kbd_commands[i].takes_arg) {
                s->kbd_pending = val;
            }
            return;
        }
    }
    qemu_log_mask(LOG_UNIMP, "i8042: keyboard command 0x%02x not "
                  "implemented\n", val);
    i8042_queue(s, KBD_RESEND, false);
}

/* ---- ports ---- */

static void i8042_write_data(I8042State *s, uint8_t val)
{
    uint8_t cmd = s->pending_cmd;

    s->status &= ~I8042_STR_CMD;
    s->pending_cmd = 0;
    switch (cmd) {
    case 0x60:
        s->mode = val;
        s->status = (val & I8042_MODE_SYS) ? s->status | I8042_STR_SYS
                                           : s->status & ~I8042_STR_SYS;
        i8042_update_irq(s);
        break;
    case 0xd1:
        i8042_write_outport(s, val);
        break;
    case 0xd2:
        i8042_queue(s, val, false);
        break;
    case 0xd3:
        i8042_queue(s, val, true);
        break;
    case 0xd4:
        qemu_log_mask(LOG_UNIMP, "i8042: no mouse: byte 0x%02x for it "
                      "dropped\n", val);
        break;
    default:
        kbd_write(s, val);
        break;
    }
}

static uint64_t i8042_data_read(void *opaque, hwaddr addr, unsigned size)
{
    I8042State *s = opaque;
    uint8_t val = s->out_data;

    /* With the buffer empty a real controller returns the last byte. */
    s->status &= ~(I8042_STR_OBF | I8042_STR_AUX_OBF);
    i8042_refill(s);
    return val;
}

static void i8042_data_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    i8042_write_data(opaque, val);
}

static uint64_t i8042_cmd_read(void *opaque, hwaddr addr, unsigned size)
{
    I8042State *s = opaque;

    return s->status;
}

static void i8042_cmd_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    i8042_write_command(opaque, val);
}

static const MemoryRegionOps i8042_data_ops = {
    .read = i8042_data_read,
    .write = i8042_data_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

static const MemoryRegionOps i8042_cmd_ops = {
    .read = i8042_cmd_read,
    .write = i8042_cmd_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 1 },
};

/* ---- device ---- */

ISADevice *i8042_init(ISABus *bus, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_I8042);

    if (!qdev_realize_and_unref(dev, BUS(bus), errp)) {
        return NULL;
    }
    return ISA_DEVICE(dev);
}

bool i8042_a20_enabled(ISADevice *dev)
{
    return I8042(dev)->outport & I8042_OUT_A20;
}

static void i8042_reset(DeviceState *dev)
{
    I8042State *s = I8042(dev);

    s->mode = I8042_MODE_KBD_INT | I8042_MODE_AUX_INT;
    s->status = I8042_STR_CMD | I8042_STR_UNLOCKED;
    s->outport = I8042_OUT_DEFAULT;
    s->pending_cmd = 0;
    s->kbd_pending = 0;
    s->out_data = 0;
    s->q_head = s->q_count = 0;
    i8042_update_irq(s);
}

static bool i8042_realize(DeviceState *dev, Error **errp)
{
    I8042State *s = I8042(dev);
    ISADevice *isa = ISA_DEVICE(dev);

    s->kbd_irq = isa_get_irq(isa, s->kbd_irq_num, errp);
    if (!s->kbd_irq) {
        return false;
    }
    s->aux_irq = isa_get_irq(isa, s->aux_irq_num, errp);
    if (!s->aux_irq) {
        return false;
    }
    i8042_reset(dev);
    if (!isa_register_ioport(isa, &s->io_data, I8042_DATA_PORT, errp)) {
        return false;
    }
    if (!isa_register_ioport(isa, &s->io_cmd, I8042_CMD_PORT, errp)) {
        isa_unregister_ioport(isa, &s->io_data);
        return false;
    }
    return true;
}

static void i8042_unrealize(DeviceState *dev)
{
    I8042State *s = I8042(dev);

    isa_unregister_ioport(ISA_DEVICE(dev), &s->io_data);
    isa_unregister_ioport(ISA_DEVICE(dev), &s->io_cmd);
}

static void i8042_instance_init(Object *obj)
{
    I8042State *s = I8042(obj);

    memory_region_init_io(&s->io_data, obj, &i8042_data_ops, s,
                          "i8042-data", 1);
    memory_region_init_io(&s->io_cmd, obj, &i8042_cmd_ops, s,
                          "i8042-cmd", 1);
    qdev_init_gpio_out_named(DEVICE(obj), &s->a20_out, "a20", 1);
}

static void i8042_instance_finalize(Object *obj)
{
    I8042State *s = I8042(obj);

    memory_region_finalize(&s->io_data);
    memory_region_finalize(&s->io_cmd);
}

static void i8042_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    (void)data;
    dc->realize = i8042_realize;
    dc->unrealize = i8042_unrealize;
    dc->reset = i8042_reset;
    dc->desc = "i8042 keyboard controller";
    device_class_set_category(dc, DEVICE_CATEGORY_INPUT);
    device_class_set_props(dc, i8042_props);
}

static const TypeInfo i8042_type = {
    .name = TYPE_I8042,
    .parent = TYPE_ISA_DEVICE,
    .instance_size = sizeof(I8042State),
    .instance_init = i8042_instance_init,
    .instance_finalize = i8042_instance_finalize,
    .class_init = i8042_class_init,
};

static void i8042_register_types(void)
{
    type_register_static(&i8042_type);
}

type_init(i8042_register_types)
