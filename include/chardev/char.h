/*
 * Character devices: the backends (null, stdio, file, pipe, pty, socket,
 * mux) that serial ports, consoles and monitors attach to.
 *
 * A Chardev is created from -chardev options (qemu_chr_new_from_opts) or
 * from the legacy one-string syntax of -serial/-monitor (qemu_chr_new).
 * Each backend lives in its own file chardev/char-<name>.c and registers a
 * ChardevClass. All I/O happens in the main loop (glib), never by blocking
 * a vCPU thread: frontends that cannot write now get a watch and retry.
 * See docs/devel/chardev.md.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"

typedef struct Chardev Chardev;
typedef struct CharBackend CharBackend;

typedef enum QEMUChrEvent {
    CHR_EVENT_BREAK,      /* serial break char */
    CHR_EVENT_OPENED,     /* new connection established */
    CHR_EVENT_MUX_IN,     /* mux-focus was set to this terminal */
    CHR_EVENT_MUX_OUT,    /* mux-focus will move on */
    CHR_EVENT_CLOSED,     /* connection closed */
} QEMUChrEvent;

typedef struct ChardevClass {
    const char *name;                 /* backend name: "socket" */
    const char *help;                 /* one line for -chardev help */
    /*
     * Keys this backend accepts besides "backend" and "id" (and "mux");
     * NULL-terminated. Other keys are refused: "Invalid parameter 'x'".
     */
    const char *const *opt_names;
    /*
     * Parse the legacy string after "name:" (e.g. "unix:/p,server,nowait")
     * into opts. NULL: this backend has no legacy form.
     */
    bool (*parse_legacy)(QemuOpts *opts, const char *rest, Error **errp);
    /*
     * Open. *be_opened: set false if the backend is not yet connected
     * (a socket server waiting, a pty without a reader).
     */
    bool (*open)(Chardev *chr, QemuOpts *opts, bool *be_opened, Error **errp);
    /* Write what can be written now without blocking; -1 with errno on
     * error, 0 if nothing could go (EAGAIN). */
    int (*write)(Chardev *chr, const uint8_t *buf, int len);
    /* Watch for writability (cond usually G_IO_OUT | G_IO_HUP). */
    GSource *(*add_watch)(Chardev *chr, GIOCondition cond);
    /* The frontend can take input again. */
    void (*accept_input)(Chardev *chr);
    /* Frontends attached or detached (start/stop reading). */
    void (*update_read_handler)(Chardev *chr);
    void (*close)(Chardev *chr);
    size_t state_size;                /* backend private state (chr->opaque) */
} ChardevClass;

struct Chardev {
    char *label;                      /* the id */
    char *filename;                   /* as info chardev shows it */
    const ChardevClass *klass;
    void *opaque;                     /* backend state, state_size bytes */
    CharBackend *be;                  /* attached frontend (not mux) */
    bool be_open;                     /* backend connected */
    bool is_mux;
    GMutex write_lock;
};

typedef int IOCanReadHandler(void *opaque);
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);

/* The frontend's end: a device or monitor attached to a Chardev. */
struct CharBackend {
    Chardev *chr;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    IOEventHandler *chr_event;
    void *opaque;
    int tag;                          /* index in a mux, -1 otherwise */
    bool fe_open;
};

void register_chardev_class(const ChardevClass *klass);
const ChardevClass *chardev_class_by_name(const char *name);
/* "Available chardev backend types:" list, as -chardev help prints. */
void qemu_chr_print_help(FILE *f);

/* -chardev BACKEND,id=ID,...; "mux=on" wraps it in a mux. */
Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp);
/*
 * Legacy syntax used by -serial, -monitor, -parallel: "stdio", "null",
 * "none" (returns NULL without error), "pty", "file:F", "pipe:P",
 * "unix:PATH[,server][,nowait]", "tcp:HOST:PORT[,server][,nowait]",
 * "telnet:...", "mon:DEV" (mux with a monitor), "chardev:ID" (existing).
 * label names the new chardev ("serial0", "compat_monitor0").
 */
Chardev *qemu_chr_new(const char *label, const char *filename, Error **errp);
/* As qemu_chr_new but a mux even without "mon:" (for -nographic stdio). */
Chardev *qemu_chr_new_mux(const char *label, const char *filename,
                          Error **errp);
Chardev *qemu_chr_find(const char *label);
void qemu_chr_foreach(void (*fn)(Chardev *chr, void *opaque), void *opaque);
/* info chardev: "label: filename=..." lines. */
void qemu_chr_info(GString *out);
/* Close every chardev, restore the terminal. Safe to call twice. */
void qemu_chr_cleanup(void);

/* Backend side: deliver input or events to the frontend(s). */
int qemu_chr_be_can_write(Chardev *chr);
void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len);
void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event);
/* Write to the backend (used by mux and frontends). */
int qemu_chr_write(Chardev *chr, const uint8_t *buf, int len, bool write_all);

/*
 * Frontend API.
 */
/* Attach. A non-mux chardev takes one frontend; a second gets
 * "Device 'ID' is in use". */
bool qemu_chr_fe_init(CharBackend *be, Chardev *chr, Error **errp);
void qemu_chr_fe_deinit(CharBackend *be, bool del);
void qemu_chr_fe_set_handlers(CharBackend *be,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              void *opaque, bool set_open);
bool qemu_chr_fe_backend_connected(CharBackend *be);
/* Non-blocking write: bytes taken (0..len), or -1. */
int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len);
/* Blocking write of everything (the monitor's output; never a vCPU). */
int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len);
/* Call func when the backend can take more; returns the source id. */
guint qemu_chr_fe_add_watch(CharBackend *be, GIOCondition cond,
                            GSourceFunc func, void *user_data);
void qemu_chr_fe_accept_input(CharBackend *be);
Chardev *qemu_chr_fe_get_driver(CharBackend *be);

/* Mux (chardev/char-mux.c): Ctrl-A h/x/c/s/b/t as QEMU. */
#define MUX_ESCAPE_DEFAULT 0x01       /* Ctrl-A */
/* Switch the focus to frontend index 'focus' (for tests and -nographic). */
void mux_chr_set_focus(Chardev *chr, int focus);
int mux_chr_get_focus(Chardev *chr);

/* Called by the mux on Ctrl-A x and by signal handling to quit. */
extern void (*qemu_chr_quit_request)(void);

#endif
