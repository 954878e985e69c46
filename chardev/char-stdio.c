/*
 * stdio: the process's stdin/stdout. When stdin is a terminal it is put in
 * raw mode (no echo, no line editing, Ctrl-C raises SIGINT only with
 * signal=on) and the saved settings come back on every exit path:
 * qemu_chr_cleanup, the chardev's close, and an atexit hook.
 * Only one stdio chardev may exist.
 */
#include "qemu/osdep.h"
#include <termios.h>
#include "char-internal.h"

typedef struct StdioChardev {
    FDChardev fd;
} StdioChardev;

static bool stdio_in_use;
static bool stdio_term_saved;
static struct termios stdio_saved_tty;

void stdio_chr_restore_term(void)
{
    if (stdio_term_saved) {
        tcsetattr(0, TCSANOW, &stdio_saved_tty);
        stdio_term_saved = false;
    }
}

static void stdio_chr_atexit(void)
{
    stdio_chr_restore_term();
}

static void stdio_chr_set_raw(bool allow_signal)
{
    static bool atexit_done;
    struct termios tty;

    if (!isatty(0) || tcgetattr(0, &stdio_saved_tty) < 0) {
        return;
    }
    stdio_term_saved = true;
    if (!atexit_done) {
        atexit(stdio_chr_atexit);
        atexit_done = true;
    }
    tty = stdio_saved_tty;
    tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    /* Output keeps OPOST: "\n" still becomes "\r\n" on the terminal. */
    tty.c_oflag |= OPOST;
    tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
    if (!allow_signal) {
        tty.c_lflag &= ~ISIG;
    }
    tty.c_cflag &= ~(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &tty);
}

static bool stdio_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                           Error **errp)
{
    Error *local_err = NULL;
    bool allow_signal = qemu_opt_get_bool(opts, "signal", true, &local_err);

    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    stdio_in_use = true;
    stdio_chr_set_raw(allow_signal);
    /* stdin stays blocking: it may share its file description with
     * stderr, and we only read after poll() says there is data. */
    fd_chr_start(chr, 0, 1, false);
    return true;
}

static void stdio_chr_close(Chardev *chr)
{
    fd_chr_close(chr);
    stdio_chr_restore_term();
    stdio_in_use = false;
}

static const char *const stdio_opt_names[] = { "signal", NULL };

static const ChardevClass stdio_chardev_class = {
    .name = "stdio",
    .help = "standard input/output (raw mode on a terminal)",
    .opt_names = stdio_opt_names,
    .open = stdio_chr_open,
    .write = fd_chr_write,
    .add_watch = fd_chr_add_watch,
    .close = stdio_chr_close,
    .state_size = sizeof(StdioChardev),
};

static void stdio_chr_register(void)
{
    register_chardev_class(&stdio_chardev_class);
}
type_init_chr(stdio_chr_register)
