/*
 * mux: one backend shared by up to four frontends (with -nographic: the
 * serial port and the monitor on stdio). Output from every frontend goes
 * out; input goes to the frontend with the focus. Ctrl-A starts a command:
 * h help, x quit, s (nothing to flush), t timestamps, b break, c next
 * focus, Ctrl-A itself. As in QEMU the focus moves to the frontend that
 * last set its handlers, so the serial port (attached after the monitor)
 * has it at start.
 */
#include "qemu/osdep.h"
#include "char-internal.h"

#define MUX_MAX 4
/* Input a frontend cannot take yet is kept, so commands still work. */
#define MUX_BUFFER_SIZE 32

typedef struct MuxChardev {
    Chardev *base;
    bool owns_base;
    CharBackend base_be;          /* the mux is the base's frontend */
    CharBackend *fes[MUX_MAX];
    GByteArray *pending[MUX_MAX];
    int count;                    /* slots in use: 0..count-1 */
    int focus;
    bool got_escape;
    bool timestamps;
    bool linestart;
    int64_t ts_start;             /* ms; -1: starts with the next line */
} MuxChardev;

typedef struct MuxCmd {
    char key;
    const char *help;
    void (*run)(Chardev *chr);
} MuxCmd;

static void mux_cmd_help(Chardev *chr);
static void mux_cmd_exit(Chardev *chr);
static void mux_cmd_nop(Chardev *chr);
static void mux_cmd_timestamps(Chardev *chr);
static void mux_cmd_break(Chardev *chr);
static void mux_cmd_switch(Chardev *chr);

/* In QEMU's order: the help text lists them so. */
static const MuxCmd mux_cmds[] = {
    { 'h', "print this help", mux_cmd_help },
    { 'x', "exit emulator", mux_cmd_exit },
    { 's', "save disk data back to file (if -snapshot)", mux_cmd_nop },
    { 't', "toggle console timestamps", mux_cmd_timestamps },
    { 'b', "send break (magic sysrq)", mux_cmd_break },
    { 'c', "switch between console and monitor", mux_cmd_switch },
    { '?', NULL, mux_cmd_help },
};

static void mux_chr_print(Chardev *chr, const char *text)
{
    MuxChardev *d = chr->opaque;

    qemu_chr_write(d->base, (const uint8_t *)text, strlen(text), true);
}

static void mux_cmd_help(Chardev *chr)
{
    GString *s = g_string_new("\n\r");
    const char *esc = "C-a";

    /* The escape is fixed at Ctrl-A (QEMU's -echr is not supported). */
    for (size_t i = 0; i < ARRAY_SIZE(mux_cmds); i++) {
        if (mux_cmds[i].help) {
            g_string_append_printf(s, "%s %c    %s\n\r", esc, mux_cmds[i].key,
                                   mux_cmds[i].help);
        }
    }
    g_string_append_printf(s, "%s %s  sends %s\n\r", esc, esc, esc);
    mux_chr_print(chr, s->str);
    g_string_free(s, TRUE);
}

static void mux_cmd_exit(Chardev *chr)
{
    mux_chr_print(chr, "QEMU: Terminated\n\r");
    if (qemu_chr_quit_request) {
        qemu_chr_quit_request();
    }
}

static void mux_cmd_nop(Chardev *chr)
{
    /* Ctrl-A s commits -snapshot disks in QEMU; Kestrel has none. */
}

static void mux_cmd_timestamps(Chardev *chr)
{
    MuxChardev *d = chr->opaque;

    d->timestamps = !d->timestamps;
    d->ts_start = -1;
    d->linestart = false;
}

static CharBackend *mux_chr_focused(MuxChardev *d)
{
    return d->focus >= 0 && d->focus < d->count ? d->fes[d->focus] : NULL;
}

static void mux_cmd_break(Chardev *chr)
{
    CharBackend *fe = mux_chr_focused(chr->opaque);

    if (fe && fe->chr_event) {
        fe->chr_event(fe->opaque, CHR_EVENT_BREAK);
    }
}

static void mux_cmd_switch(Chardev *chr)
{
    MuxChardev *d = chr->opaque;

    if (d->count) {
        mux_chr_set_focus(chr, (d->focus + 1) % d->count);
    }
}

static void mux_chr_send_event(CharBackend *fe, QEMUChrEvent event)
{
    if (fe && fe->chr_event) {
        fe->chr_event(fe->opaque, event);
    }
}

void mux_chr_set_focus(Chardev *chr, int focus)
{
    MuxChardev *d = chr->opaque;

    if (!chr->is_mux || focus < 0 || focus >= d->count) {
        return;
    }
    if (d->focus >= 0) {
        mux_chr_send_event(mux_chr_focused(d), CHR_EVENT_MUX_OUT);
    }
    d->focus = focus;
    mux_chr_send_event(mux_chr_focused(d), CHR_EVENT_MUX_IN);
}

int mux_chr_get_focus(Chardev *chr)
{
    MuxChardev *d = chr->opaque;

    return chr->is_mux ? d->focus : -1;
}

/* true: the byte is input for the focused frontend. */
static bool mux_chr_proc_byte(Chardev *chr, uint8_t ch)
{
    MuxChardev *d = chr->opaque;

    if (!d->got_escape) {
        if (ch == MUX_ESCAPE_DEFAULT) {
            d->got_escape = true;
            return false;
        }
        return true;
    }
    d->got_escape = false;
    if (ch == MUX_ESCAPE_DEFAULT) {
        return true;
    }
    for (size_t i = 0; i < ARRAY_SIZE(mux_cmds); i++) {
        if (mux_cmds[i].key == ch) {
            mux_cmds[i].run(chr);
            break;
        }
    }
    return false;
}

static void mux_chr_flush(MuxChardev *d, int tag)
{
    CharBackend *fe = d->fes[tag];
    GByteArray *p = d->pending[tag];

    while (p->len && fe && fe->chr_can_read && fe->chr_read) {
        int n = MIN(fe->chr_can_read(fe->opaque), (int)p->len);

        if (n <= 0) {
            break;
        }
        fe->chr_read(fe->opaque, p->data, n);
        g_byte_array_remove_range(p, 0, n);
        /* The read handler may have detached the frontend. */
        fe = d->fes[tag];
    }
}

static void mux_chr_flush_all(MuxChardev *d)
{
    for (int i = 0; i < d->count; i++) {
        mux_chr_flush(d, i);
    }
}

static int mux_chr_can_read(void *opaque)
{
    Chardev *chr = opaque;
    MuxChardev *d = chr->opaque;
    CharBackend *fe = mux_chr_focused(d);
    int pending = fe ? (int)d->pending[d->focus]->len : 0;
    int fe_room = 0;

    if (!fe) {
        return 0;
    }
    if (fe->chr_can_read) {
        fe_room = fe->chr_can_read(fe->opaque) - pending;
    }
    return MAX(MAX(fe_room, MUX_BUFFER_SIZE - pending), 0);
}

static void mux_chr_read(void *opaque, const uint8_t *buf, int size)
{
    Chardev *chr = opaque;
    MuxChardev *d = chr->opaque;

    for (int i = 0; i < size; i++) {
        if (mux_chr_proc_byte(chr, buf[i]) && mux_chr_focused(d)) {
            g_byte_array_append(d->pending[d->focus], &buf[i], 1);
        }
    }
    mux_chr_flush_all(d);
}

static void mux_chr_event(void *opaque, QEMUChrEvent event)
{
    Chardev *chr = opaque;
    MuxChardev *d = chr->opaque;

    if (event == CHR_EVENT_OPENED) {
        chr->be_open = true;
    } else if (event == CHR_EVENT_CLOSED) {
        chr->be_open = false;
    }
    for (int i = 0; i < d->count; i++) {
        mux_chr_send_event(d->fes[i], event);
    }
}

static bool mux_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    MuxChardev *d = chr->opaque;
    const char *name = qemu_opt_get(opts, "chardev");
    Chardev *base;

    if (!name) {
        error_setg(errp, "chardev: mux: no chardev given");
        return false;
    }
    base = qemu_chr_find(name);
    if (!base) {
        error_setg(errp, "mux: base chardev %s not found", name);
        return false;
    }
    if (!qemu_chr_fe_init(&d->base_be, base, errp)) {
        return false;
    }
    d->base = base;
    d->ts_start = -1;
    d->focus = -1;                /* nobody until a frontend sets handlers */
    for (int i = 0; i < MUX_MAX; i++) {
        d->pending[i] = g_byte_array_new();
    }
    qemu_chr_fe_set_handlers(&d->base_be, mux_chr_can_read, mux_chr_read,
                             mux_chr_event, chr, true);
    chr_set_filename(chr, g_strdup("mux"));
    *be_opened = base->be_open;
    return true;
}

Chardev *mux_chr_new(const char *label, Chardev *base, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse("", NULL, errp);
    Chardev *chr;

    if (!opts) {
        return NULL;
    }
    qemu_opt_set(opts, "chardev", base->label);
    chr = chr_create(&mux_chardev_class, label, opts, errp);
    qemu_opts_free(opts);
    if (chr) {
        ((MuxChardev *)chr->opaque)->owns_base = true;
    }
    return chr;
}

bool mux_chr_attach_fe(Chardev *chr, CharBackend *be, Error **errp)
{
    MuxChardev *d = chr->opaque;
    int slot;

    for (slot = 0; slot < MUX_MAX && d->fes[slot]; slot++) {
        /* find a free slot */
    }
    if (slot == MUX_MAX) {
        error_setg(errp, "too many uses of multiplexed chardev '%s'",
                   chr->label);
        return false;
    }
    d->fes[slot] = be;
    be->tag = slot;
    d->count = MAX(d->count, slot + 1);
    return true;
}

void mux_chr_detach_fe(Chardev *chr, CharBackend *be)
{
    MuxChardev *d = chr->opaque;

    if (be->tag >= 0 && be->tag < MUX_MAX && d->fes[be->tag] == be) {
        d->fes[be->tag] = NULL;
        g_byte_array_set_size(d->pending[be->tag], 0);
    }
    be->tag = -1;
}

void mux_chr_fe_handlers_changed(Chardev *chr, CharBackend *be)
{
    /* As QEMU: a frontend that installs handlers takes the focus. */
    if (be->chr_can_read || be->chr_read || be->chr_event) {
        mux_chr_set_focus(chr, be->tag);
    }
}

void mux_chr_forget_fes(Chardev *chr)
{
    MuxChardev *d = chr->opaque;

    for (int i = 0; i < MUX_MAX; i++) {
        if (d->fes[i]) {
            d->fes[i]->chr = NULL;
            d->fes[i] = NULL;
        }
    }
}

/* Output of every frontend, with "[hh:mm:ss.mmm] " per line after C-a t. */
static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = chr->opaque;

    if (!d->timestamps) {
        return qemu_chr_write(d->base, buf, len, false);
    }
    for (int i = 0; i < len; i++) {
        int n;

        if (d->linestart) {
            int64_t now = g_get_monotonic_time() / 1000;
            int64_t secs;
            char ts[64];

            if (d->ts_start == -1) {
                d->ts_start = now;
            }
            now -= d->ts_start;
            secs = now / 1000;
            snprintf(ts, sizeof(ts), "[%02d:%02d:%02d.%03d] ",
                     (int)(secs / 3600), (int)((secs / 60) % 60),
                     (int)(secs % 60), (int)(now % 1000));
            qemu_chr_write(d->base, (const uint8_t *)ts, strlen(ts), true);
            d->linestart = false;
        }
        n = qemu_chr_write(d->base, &buf[i], 1, false);
        if (n <= 0) {
            return i ? i : n;
        }
        if (buf[i] == '\n') {
            d->linestart = true;
        }
    }
    return len;
}

static GSource *mux_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    MuxChardev *d = chr->opaque;

    if (!d->base->klass->add_watch) {
        return NULL;
    }
    return d->base->klass->add_watch(d->base, cond);
}

static void mux_chr_accept_input(Chardev *chr)
{
    MuxChardev *d = chr->opaque;

    mux_chr_flush_all(d);
    qemu_chr_fe_accept_input(&d->base_be);
}

static void mux_chr_close(Chardev *chr)
{
    MuxChardev *d = chr->opaque;
    /* NULL if the base went first (its deletion detaches us). */
    Chardev *base = d->base_be.chr;

    mux_chr_forget_fes(chr);
    qemu_chr_fe_deinit(&d->base_be, false);
    for (int i = 0; i < MUX_MAX; i++) {
        if (d->pending[i]) {
            g_byte_array_unref(d->pending[i]);
        }
    }
    if (base && d->owns_base) {
        chr_delete(base);
    }
}

static const char *const mux_opt_names[] = { "chardev", NULL };

const ChardevClass mux_chardev_class = {
    .name = "mux",
    .help = "share a chardev between frontends (Ctrl-A c switches)",
    .opt_names = mux_opt_names,
    .open = mux_chr_open,
    .write = mux_chr_write,
    .add_watch = mux_chr_add_watch,
    .accept_input = mux_chr_accept_input,
    .close = mux_chr_close,
    .state_size = sizeof(MuxChardev),
};
