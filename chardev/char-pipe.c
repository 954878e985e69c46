/*
 * pipe: host FIFOs. path=P opens P.in (input) and P.out (output) when both
 * exist, else P for both directions, as QEMU does.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include "char-internal.h"

typedef struct PipeChardev {
    FDChardev fd;
} PipeChardev;

/*
 * O_RDWR keeps a FIFO open without waiting for the other end and means
 * our own end never sees EOF when the peer goes away, as in QEMU.
 */
static int pipe_chr_open_one(const char *path)
{
    return open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK);
}

static bool pipe_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    char *in_path, *out_path;
    int fd_in, fd_out;

    if (!path) {
        error_setg(errp, "chardev: pipe: no device path given");
        return false;
    }
    in_path = g_strdup_printf("%s.in", path);
    out_path = g_strdup_printf("%s.out", path);
    fd_in = pipe_chr_open_one(in_path);
    fd_out = pipe_chr_open_one(out_path);
    g_free(in_path);
    g_free(out_path);
    if (fd_in < 0 || fd_out < 0) {
        if (fd_in >= 0) {
            close(fd_in);
        }
        if (fd_out >= 0) {
            close(fd_out);
        }
        fd_in = fd_out = pipe_chr_open_one(path);
        if (fd_in < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", path);
            return false;
        }
    }
    fd_chr_start(chr, fd_in, fd_out, true);
    return true;
}

static bool pipe_chr_parse_legacy(QemuOpts *opts, const char *str,
                                  Error **errp)
{
    qemu_opt_set(opts, "path", str + strlen("pipe:"));
    return true;
}

static const char *const pipe_opt_names[] = { "path", NULL };

static const ChardevClass pipe_chardev_class = {
    .name = "pipe",
    .help = "host FIFOs path.in/path.out, or path",
    .opt_names = pipe_opt_names,
    .parse_legacy = pipe_chr_parse_legacy,
    .open = pipe_chr_open,
    .write = fd_chr_write,
    .add_watch = fd_chr_add_watch,
    .close = fd_chr_close,
    .state_size = sizeof(PipeChardev),
};

static void pipe_chr_register(void)
{
    register_chardev_class(&pipe_chardev_class);
}
type_init_chr(pipe_chr_register)
