/*
 * The frontend API: how a serial port, console or monitor attaches to a
 * Chardev, sets its handlers and writes. A mux takes up to four frontends;
 * any other chardev takes one.
 */
#include "qemu/osdep.h"
#include "char-internal.h"

bool qemu_chr_fe_init(CharBackend *be, Chardev *chr, Error **errp)
{
    be->tag = -1;
    be->fe_open = false;
    be->chr = NULL;
    if (chr) {
        if (chr->is_mux) {
            if (!mux_chr_attach_fe(chr, be, errp)) {
                return false;
            }
        } else if (chr->be) {
            error_setg(errp, "Device '%s' is in use", chr->label);
            return false;
        } else {
            chr->be = be;
        }
    }
    be->chr = chr;
    return true;
}

void qemu_chr_fe_deinit(CharBackend *be, bool del)
{
    Chardev *chr = be->chr;

    if (!chr) {
        return;
    }
    qemu_chr_fe_set_handlers(be, NULL, NULL, NULL, NULL, false);
    if (chr->is_mux) {
        mux_chr_detach_fe(chr, be);
    } else if (chr->be == be) {
        chr->be = NULL;
    }
    be->chr = NULL;
    if (del) {
        chr_delete(chr);
    }
}

void qemu_chr_fe_set_handlers(CharBackend *be,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              void *opaque, bool set_open)
{
    Chardev *chr = be->chr;
    bool was_open = be->fe_open;

    be->chr_can_read = fd_can_read;
    be->chr_read = fd_read;
    be->chr_event = fd_event;
    be->opaque = opaque;
    /* As QEMU: set_open marks the frontend open; handlers alone don't. */
    be->fe_open = (fd_can_read || fd_read || fd_event) && (set_open || was_open);
    if (!chr) {
        return;
    }
    if (chr->is_mux) {
        mux_chr_fe_handlers_changed(chr, be);
    }
    if (chr->klass->update_read_handler) {
        chr->klass->update_read_handler(chr);
    }
    /* A frontend arriving on a connected backend learns it at once. */
    if ((fd_can_read || fd_read || fd_event) && chr->be_open && fd_event) {
        fd_event(opaque, CHR_EVENT_OPENED);
    }
    /* The loop may sleep with our fd unpolled: let it look again. */
    g_main_context_wakeup(NULL);
}

bool qemu_chr_fe_backend_connected(CharBackend *be)
{
    return be->chr != NULL;
}

int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return len;
    }
    return qemu_chr_write(be->chr, buf, len, false);
}

int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return len;
    }
    return qemu_chr_write(be->chr, buf, len, true);
}

guint qemu_chr_fe_add_watch(CharBackend *be, GIOCondition cond,
                            GSourceFunc func, void *user_data)
{
    Chardev *chr = be->chr;
    GSource *src;
    guint id;

    if (!chr || !chr->klass->add_watch) {
        return 0;
    }
    src = chr->klass->add_watch(chr, cond);
    if (!src) {
        return 0;
    }
    g_source_set_callback(src, func, user_data, NULL);
    id = g_source_attach(src, NULL);
    g_source_unref(src);
    return id;
}

void qemu_chr_fe_accept_input(CharBackend *be)
{
    Chardev *chr = be->chr;

    if (!chr) {
        return;
    }
    if (chr->klass->accept_input) {
        chr->klass->accept_input(chr);
    }
    g_main_context_wakeup(NULL);
}

Chardev *qemu_chr_fe_get_driver(CharBackend *be)
{
    return be->chr;
}
