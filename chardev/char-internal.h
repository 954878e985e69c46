/*
 * Private interfaces shared by the files of chardev/: the fd polling
 * source, the fd backend helper, the mux hooks used by the frontend API and
 * the legacy-syntax helpers. Not for use outside chardev/.
 */
#ifndef CHARDEV_CHAR_INTERNAL_H
#define CHARDEV_CHAR_INTERNAL_H

#include "chardev/char.h"

/*
 * ChrFdSource: a GSource polling one fd. The wanted condition is asked
 * again before every poll (want()), so reading stops while the frontend is
 * full and resumes by itself once it can take input; with no condition the
 * fd is not polled at all (a hung-up peer cannot make the loop spin).
 */
typedef GIOCondition ChrFdWantFunc(void *opaque);
typedef void ChrFdReadyFunc(void *opaque, GIOCondition revents);

/* Attached to the default context; remove with chr_fd_source_remove. */
GSource *chr_fd_source_add(int fd, ChrFdWantFunc *want, ChrFdReadyFunc *ready,
                           void *opaque);
/* Not attached: a watch for 'cond' whose g_source callback is a
 * GSourceFunc (what qemu_chr_fe_add_watch installs). */
GSource *chr_fd_watch_new(int fd, GIOCondition cond);
/* The fd of a source made above, or -1 for any other GSource. */
int chr_fd_source_get_fd(GSource *src);
void chr_fd_source_remove(GSource **psrc);

/* Write what the fd takes now without blocking; see ChardevClass.write. */
int chr_fd_write_nonblock(int fd, const uint8_t *buf, int len);
/* Input from fd is read when the frontend can take it. */
GIOCondition chr_fd_want_input(Chardev *chr);

/*
 * FDChardev: state prefix of the simple fd backends (stdio, file, pipe).
 * Their state struct starts with it so chr->opaque is an FDChardev.
 */
typedef struct FDChardev {
    int fd_in;                /* -1: no input */
    int fd_out;
    bool close_fds;           /* we opened them (not stdio) */
    bool eof;                 /* input ended: stop polling */
    GSource *in_src;
} FDChardev;

void fd_chr_start(Chardev *chr, int fd_in, int fd_out, bool close_fds);
int fd_chr_write(Chardev *chr, const uint8_t *buf, int len);
GSource *fd_chr_add_watch(Chardev *chr, GIOCondition cond);
void fd_chr_close(Chardev *chr);

/* Register a backend at program start, as type_init does for QOM. */
#define type_init_chr(fn)                                              \
    static void __attribute__((constructor)) chr_init_##fn(void)       \
    {                                                                  \
        fn();                                                          \
    }

/* chardev/char.c */
Chardev *chr_create(const ChardevClass *klass, const char *label,
                    QemuOpts *opts, Error **errp);
void chr_delete(Chardev *chr);
void chr_set_filename(Chardev *chr, char *filename); /* takes ownership */
bool chr_check_id(const char *id, Error **errp);

/* chardev/char-mux.c */
extern const ChardevClass mux_chardev_class;
/* Wrap base in a new mux labelled label; the mux owns base. */
Chardev *mux_chr_new(const char *label, Chardev *base, Error **errp);
bool mux_chr_attach_fe(Chardev *chr, CharBackend *be, Error **errp);
void mux_chr_detach_fe(Chardev *chr, CharBackend *be);
/* A frontend of the mux changed its handlers. */
void mux_chr_fe_handlers_changed(Chardev *chr, CharBackend *be);
/* Frontends of a mux, for cleanup. */
void mux_chr_forget_fes(Chardev *chr);

/* Copy the ",key,key=val" suffix of a legacy string into opts, allowing
 * only the keys in 'allowed' (NULL-terminated). */
bool chr_legacy_parse_suffix(QemuOpts *opts, const char *suffix,
                             const char *const *allowed, Error **errp);

/* chardev/char-stdio.c: restore the terminal (atexit, cleanup). */
void stdio_chr_restore_term(void);

#endif
