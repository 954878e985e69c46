/*
 * null: swallows output, never produces input (-chardev null, -serial null).
 */
#include "qemu/osdep.h"
#include "char-internal.h"

static bool null_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    /* As QEMU: nothing is ever connected, so no OPENED event. */
    *be_opened = false;
    return true;
}

static int null_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static const ChardevClass null_chardev_class = {
    .name = "null",
    .help = "discard output, no input",
    .open = null_chr_open,
    .write = null_chr_write,
};

static void null_chr_register(void)
{
    register_chardev_class(&null_chardev_class);
}
type_init_chr(null_chr_register)
