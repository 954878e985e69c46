/*
 * file: output appended or truncated into a host file; reads nothing.
 * Options: path=F (required), append=on|off (default off: truncate).
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include "char-internal.h"

typedef struct FileChardev {
    FDChardev fd;
} FileChardev;

static bool file_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    const char *path = qemu_opt_get(opts, "path");
    Error *local_err = NULL;
    bool append = qemu_opt_get_bool(opts, "append", false, &local_err);
    int fd;

    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    if (!path) {
        error_setg(errp, "chardev: file: no filename given");
        return false;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
              (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return false;
    }
    fd_chr_start(chr, -1, fd, true);
    return true;
}

static bool file_chr_parse_legacy(QemuOpts *opts, const char *str,
                                  Error **errp)
{
    /* "file:F": everything after the prefix is the path, commas included. */
    qemu_opt_set(opts, "path", str + strlen("file:"));
    return true;
}

static const char *const file_opt_names[] = { "path", "append", NULL };

static const ChardevClass file_chardev_class = {
    .name = "file",
    .help = "write output to a host file",
    .opt_names = file_opt_names,
    .parse_legacy = file_chr_parse_legacy,
    .open = file_chr_open,
    .write = fd_chr_write,
    .add_watch = fd_chr_add_watch,
    .close = fd_chr_close,
    .state_size = sizeof(FileChardev),
};

static void file_chr_register(void)
{
    register_chardev_class(&file_chardev_class);
}
type_init_chr(file_chr_register)
