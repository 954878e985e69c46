/*
 * The command line, turned into objects, then run.
 *
 * Phases, in order (each option is applied in the phase that needs it, with
 * the option named in any error it causes):
 *   1. parse argv into per-option lists; answer "help" requests and exit
 *   2. logging, messages, names
 *   3. main loop, signals, the memory map
 *   4. -object, -chardev, -serial/-monitor/-mon backends and monitors
 *   5. the machine: create, set -M properties, RAM/CPUs, init
 *   6. -device
 *   7. reset, then start (or stay in prelaunch with -S)
 */
#include "qemu/osdep.h"
#include "sysemu/vl.h"
#include "sysemu/sysemu.h"
#include "sysemu/runstate.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "exec/memory.h"
#include "chardev/char.h"
#include "monitor/monitor.h"
#include "sysemu/accel.h"
#include "sysemu/cpus.h"
#ifdef TARGET_X86_64
#include "target/i386/cpu.h"
#endif
#include "vl-options.h"
#include <signal.h>
#include <sys/prctl.h>
#include <fcntl.h>
#include <glib-unix.h>

#define MAX_SERIAL_PORTS 4

const char *qemu_name;
char qemu_uuid_str[37];
bool qemu_uuid_set;
bool rtc_base_localtime;

/* One occurrence of an option that is applied in a later phase. */
typedef struct OptArg {
    const char *opt;        /* "-device" */
    const char *arg;
} OptArg;

static struct {
    const char *progname;
    GArray *machine;        /* OptArg: merged, later keys win */
    GArray *objects;
    GArray *chardevs;
    GArray *devices;
    GArray *serials;
    GArray *monitors;       /* -monitor */
    GArray *mons;           /* -mon */
    GArray *accels;         /* -accel, -enable-kvm */
    OptArg m, smp, cpu, kernel, initrd, append, dtb, bios;
    bool start_paused;
    bool nographic;
    bool nodefaults;
    bool main_loop_started;
} vl;

static int sig_pipe[2] = { -1, -1 };
static const char *log_items;
static const char *log_file;

static void vl_apply_early(int index, const OptArg *oa);

const char *target_name(void)
{
    return TARGET_NAME;
}

static QEMU_NORETURN void vl_exit_error(Error *err)
{
    error_report_err(err);
    exit(1);
}

static void vl_loc(const OptArg *oa)
{
    loc_set_option(oa->opt, oa->arg);
}

static void optlist_add(GArray **list, const char *opt, const char *arg)
{
    OptArg oa = { opt, arg };

    if (!*list) {
        *list = g_array_new(FALSE, FALSE, sizeof(OptArg));
    }
    g_array_append_val(*list, oa);
}

static guint optlist_len(GArray *list)
{
    return list ? list->len : 0;
}

static OptArg *optlist_at(GArray *list, guint i)
{
    return &g_array_index(list, OptArg, i);
}

/* Parse with the option parser; errors name the option and exit. */
static QemuOpts *vl_parse_opts(const OptArg *oa, const char *implied_key)
{
    Error *err = NULL;
    QemuOpts *opts;

    vl_loc(oa);
    opts = qemu_opts_parse(oa->arg, implied_key, &err);
    if (!opts) {
        vl_exit_error(err);
    }
    return opts;
}

static void vl_check_unused(QemuOpts *opts)
{
    Error *err = NULL;

    if (!qemu_opts_check_unused(opts, &err)) {
        vl_exit_error(err);
    }
}

static QEMU_NORETURN void vl_not_supported(const char *what)
{
    error_report("%s: not supported by Kestrel yet", what);
    exit(1);
}

/*
 * Phase 1 helpers: "help" answers, printed to stdout, exit 0.
 */
static void help_machine(const char *arg)
{
    OptArg oa = { "-machine", arg };
    QemuOpts *opts = vl_parse_opts(&oa, "type");
    const char *type = qemu_opt_get(opts, "type");
    MachineClass *mc;
    GString *out;

    if (!opts->help) {
        qemu_opts_free(opts);
        return;
    }
    if (!type || is_help_option(type)) {
        machine_print_list(stdout);
        exit(0);
    }
    mc = machine_class_by_name(type);
    if (!mc) {
        error_report("unsupported machine type: \"%s\"", type);
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    out = g_string_new(NULL);
    object_class_property_help(OBJECT_CLASS(mc), out);
    fputs(out->str, stdout);
    exit(0);
}

static void help_device(const char *arg)
{
    OptArg oa = { "-device", arg };
    QemuOpts *opts = vl_parse_opts(&oa, "driver");
    const char *driver = qemu_opt_get(opts, "driver");
    ObjectClass *oc = driver ? object_class_by_name(driver) : NULL;
    bool known = !driver || is_help_option(driver) ||
                 (oc && object_class_dynamic_cast(oc, TYPE_DEVICE));

    if (qdev_device_help(opts, stdout)) {
        /* "-device nosuch,help" reported an error: fail as QEMU does. */
        exit(known ? 0 : 1);
    }
    qemu_opts_free(opts);
}

/* QEMU refuses a repeated -device id before creating anything. */
static void check_device_id(const char *arg)
{
    static GHashTable *ids;
    OptArg oa = { "-device", arg };
    QemuOpts *opts = vl_parse_opts(&oa, "driver");
    const char *id = qemu_opt_get(opts, "id");

    if (!ids) {
        ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    }
    if (id) {
        if (g_hash_table_contains(ids, id)) {
            error_report("Duplicate ID '%s' for device", id);
            exit(1);
        }
        g_hash_table_add(ids, g_strdup(id));
    }
    qemu_opts_free(opts);
    loc_set_none();
}

static void help_object(const char *arg)
{
    OptArg oa = { "-object", arg };
    QemuOpts *opts = vl_parse_opts(&oa, "qom-type");

    if (user_creatable_print_help(opts)) {
        exit(0);
    }
    qemu_opts_free(opts);
}

static void help_chardev(const char *arg)
{
    OptArg oa = { "-chardev", arg };
    QemuOpts *opts = vl_parse_opts(&oa, "backend");

    if (opts->help) {
        qemu_chr_print_help(stdout);
        exit(0);
    }
    qemu_opts_free(opts);
}

static void help_cpu(const OptArg *oa)
{
    if (is_help_option(oa->arg)) {
#ifdef TARGET_X86_64
        GString *out = g_string_new(NULL);

        x86_cpu_list(out);
        fputs(out->str, stdout);
#else
        /* The 64-bit models Kestrel's virt board runs (hw/arm/virt.c). */
        printf("Available CPUs:\n  cortex-a57\n  max\n");
#endif
        exit(0);
    }
}

/* The accelerators arrive with the KVM and TCG-lite issues. */
static void help_accel(const char *arg)
{
    if (arg && (is_help_option(arg) || g_str_has_prefix(arg, "help,") ||
                strstr(arg, "accel=help") || strstr(arg, "accel=?"))) {
        printf("Accelerators supported in QEMU binary:\n");
        if (accel_available("tcg")) {
            printf("tcg\n");
        }
#ifdef TARGET_X86_64
        if (accel_available("kvm")) {
            printf("kvm\n");
        }
#endif
        exit(0);
    }
}

static void print_version(void)
{
    printf("QEMU emulator version %s (Kestrel %s)\n"
           "Copyright (c) 2026 the Kestrel developers; "
           "command line and monitor follow QEMU %s\n",
           QEMU_COMPAT_VERSION, KESTREL_VERSION, QEMU_COMPAT_VERSION);
}

/*
 * Phase 1: walk argv. Options applied later are queued; the rest act now.
 */
static void parse_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *word = argv[i];
        const char *name;
        const char *arg = NULL;
        const QEMUOption *o;
        bool has_arg;

        if (word[0] != '-') {
            loc_set_none();
            error_report("%s: disk images as arguments (-hda) are not "
                         "supported by Kestrel yet", word);
            exit(1);
        }
        name = word + 1;
        if (name[0] == '-') {          /* --opt is -opt, as in QEMU */
            name++;
        }
        o = qemu_option_find(name);
        if (!o) {
            if (qemu_option_is_qemu_only(name, &has_arg)) {
                error_report("%s: not supported by Kestrel yet", word);
            } else {
                error_report("%s: invalid option", word);
            }
            exit(1);
        }
        if (o->has_arg) {
            if (i + 1 >= argc) {
                error_report("%s: requires an argument", word);
                exit(1);
            }
            arg = argv[++i];
        }
        /* Keep the user's spelling ("-M" vs "-machine") for messages. */
        {
            /* Interned: the queued OptArgs keep it for the process. */
            char buf[64];
            const char *optname;

            snprintf(buf, sizeof(buf), "-%s", name);
            optname = g_intern_string(buf);
            OptArg oa = { optname, arg };

            switch (o->index) {
            case QEMU_OPTION_h:
                qemu_print_help(vl.progname);
                exit(0);
            case QEMU_OPTION_version:
                print_version();
                exit(0);
            case QEMU_OPTION_machine:
                help_machine(arg);
                optlist_add(&vl.machine, optname, arg);
                break;
            case QEMU_OPTION_device:
                help_device(arg);
                check_device_id(arg);
                optlist_add(&vl.devices, optname, arg);
                break;
            case QEMU_OPTION_object:
                help_object(arg);
                optlist_add(&vl.objects, optname, arg);
                break;
            case QEMU_OPTION_chardev:
                help_chardev(arg);
                optlist_add(&vl.chardevs, optname, arg);
                break;
            case QEMU_OPTION_serial:
                optlist_add(&vl.serials, optname, arg);
                break;
            case QEMU_OPTION_monitor:
                optlist_add(&vl.monitors, optname, arg);
                break;
            case QEMU_OPTION_mon:
                optlist_add(&vl.mons, optname, arg);
                break;
            case QEMU_OPTION_accel:
            case QEMU_OPTION_enable_kvm:
                help_accel(arg);
                optlist_add(&vl.accels, optname, arg ? arg : "kvm");
                break;
            case QEMU_OPTION_m: vl.m = oa; break;
            case QEMU_OPTION_smp: vl.smp = oa; break;
            case QEMU_OPTION_cpu:
                help_cpu(&oa);
                vl.cpu = oa;
                break;
            case QEMU_OPTION_kernel: vl.kernel = oa; break;
            case QEMU_OPTION_initrd: vl.initrd = oa; break;
            case QEMU_OPTION_append: vl.append = oa; break;
            case QEMU_OPTION_dtb: vl.dtb = oa; break;
            case QEMU_OPTION_bios: vl.bios = oa; break;
            case QEMU_OPTION_S: vl.start_paused = true; break;
            case QEMU_OPTION_s:
            case QEMU_OPTION_gdb:
                loc_set_option(optname, arg);
                vl_not_supported("the gdb stub");
            case QEMU_OPTION_no_reboot: no_reboot = true; break;
            case QEMU_OPTION_no_shutdown: no_shutdown = true; break;
            case QEMU_OPTION_nodefaults: vl.nodefaults = true; break;
            case QEMU_OPTION_no_user_config: break; /* we read none */
            case QEMU_OPTION_nographic: vl.nographic = true; break;
            default:
                vl_apply_early(o->index, &oa);
                break;
            }
        }
    }
    loc_set_none();
}

static void apply_display(const OptArg *oa)
{
    static const char *const qemu_displays[] = {
        "gtk", "sdl", "vnc", "curses", "egl-headless", "spice-app", "dbus",
        "cocoa", NULL,
    };
    QemuOpts *opts = vl_parse_opts(oa, "type");
    const char *type = qemu_opt_get(opts, "type");

    if (opts->help) {
        printf("Available display backend types:\nnone\n");
        exit(0);
    }
    if (!type) {
        error_report("Parameter 'type' is missing");
        exit(1);
    }
    if (g_strv_contains(qemu_displays, type)) {
        error_report("display '%s': not supported by Kestrel yet "
                     "(use -display none or -nographic)", type);
        exit(1);
    }
    if (strcmp(type, "none") != 0) {
        error_report("Parameter 'type' does not accept value '%s'", type);
        exit(1);
    }
    vl_check_unused(opts);
    qemu_opts_free(opts);
}

static void apply_msg(const OptArg *oa)
{
    QemuOpts *opts = vl_parse_opts(oa, NULL);
    Error *err = NULL;
    bool ts = qemu_opt_get_bool(opts, "timestamp", false, &err);

    if (err) {
        vl_exit_error(err);
    }
    if (qemu_opt_has(opts, "guest-name")) {
        vl_not_supported("-msg guest-name");
    }
    vl_check_unused(opts);
    error_set_timestamp(ts);
    qemu_opts_free(opts);
}

static void apply_name(const OptArg *oa)
{
    QemuOpts *opts = vl_parse_opts(oa, "guest");
    Error *err = NULL;
    const char *process;

    if (qemu_opt_get(opts, "guest")) {
        qemu_name = g_strdup(qemu_opt_get(opts, "guest"));
    }
    process = qemu_opt_get(opts, "process");
    if (process) {
        prctl(PR_SET_NAME, process);
    }
    qemu_thread_naming(qemu_opt_get_bool(opts, "debug-threads", false, &err));
    if (err) {
        vl_exit_error(err);
    }
    vl_check_unused(opts);
    qemu_opts_free(opts);
}

static void apply_uuid(const OptArg *oa)
{
    static const int group_len[] = { 8, 4, 4, 4, 12 };
    const char *p = oa->arg;

    vl_loc(oa);
    for (size_t g = 0; g < ARRAY_SIZE(group_len); g++) {
        for (int k = 0; k < group_len[g]; k++, p++) {
            if (!g_ascii_isxdigit(*p)) {
                goto bad;
            }
        }
        if (g + 1 < ARRAY_SIZE(group_len) && *p++ != '-') {
            goto bad;
        }
    }
    if (*p) {
        goto bad;
    }
    g_strlcpy(qemu_uuid_str, oa->arg, sizeof(qemu_uuid_str));
    for (char *c = qemu_uuid_str; *c; c++) {
        *c = g_ascii_tolower(*c);
    }
    qemu_uuid_set = true;
    return;
bad:
    error_report("failed to parse UUID string: wrong format");
    exit(1);
}

static void apply_rtc(const OptArg *oa)
{
    QemuOpts *opts = vl_parse_opts(oa, NULL);
    const char *base = qemu_opt_get(opts, "base");
    const char *clock = qemu_opt_get(opts, "clock");

    if (base && strcmp(base, "utc") == 0) {
        rtc_base_localtime = false;
    } else if (base && strcmp(base, "localtime") == 0) {
        rtc_base_localtime = true;
    } else if (base) {
        vl_not_supported("-rtc base=DATETIME");
    }
    if (clock && strcmp(clock, "host") != 0) {
        vl_not_supported("-rtc clock other than host");
    }
    if (qemu_opt_has(opts, "driftfix")) {
        vl_not_supported("-rtc driftfix");
    }
    vl_check_unused(opts);
    qemu_opts_free(opts);
}

static void vl_apply_early(int index, const OptArg *oa)
{
    switch (index) {
    case QEMU_OPTION_display:
        apply_display(oa);
        break;
    case QEMU_OPTION_d:
        if (is_help_option(oa->arg)) {
            qemu_print_log_usage(stdout);
            exit(0);
        }
        log_items = oa->arg;
        break;
    case QEMU_OPTION_D:
        log_file = oa->arg;
        break;
    case QEMU_OPTION_msg:
        apply_msg(oa);
        break;
    case QEMU_OPTION_name:
        apply_name(oa);
        break;
    case QEMU_OPTION_uuid:
        apply_uuid(oa);
        break;
    case QEMU_OPTION_rtc:
        apply_rtc(oa);
        break;
    default:
        g_assert_not_reached();
    }
    loc_set_none();
}

/* Phase 2: logging (after parsing, so -D applies whatever its position). */
static void setup_logging(void)
{
    Error *err = NULL;

    if (log_file) {
        loc_set_option("-D", log_file);
        if (!qemu_set_log_filename(log_file, &err)) {
            vl_exit_error(err);
        }
    }
    if (log_items) {
        loc_set_option("-d", log_items);
        if (!qemu_set_log_items(log_items, &err)) {
            vl_exit_error(err);
        }
    }
    loc_set_none();
}

/*
 * Phase 3: signals. The handler only records the request and writes a byte
 * to a pipe that the main loop watches; no SA_RESTART, so a blocking wait
 * (a socket chardev waiting for its client) returns EINTR and can quit.
 */
static void vl_signal_handler(int sig, siginfo_t *info, void *ctx)
{
    int saved_errno = errno;
    ssize_t r;

    qemu_system_killed(sig, info ? info->si_pid : 0);
    if (sig_pipe[1] >= 0) {
        r = write(sig_pipe[1], "", 1);
        (void)r;
    }
    errno = saved_errno;
}

static void vl_signal_pipe_read(void *opaque)
{
    char buf[64];

    while (read(sig_pipe[0], buf, sizeof(buf)) > 0) {
        /* drained: main_loop_should_exit() acts on the recorded request */
    }
}

static void setup_signals(void)
{
    struct sigaction sa = { 0 };

    if (g_unix_open_pipe(sig_pipe, FD_CLOEXEC, NULL)) {
        g_unix_set_fd_nonblocking(sig_pipe[0], TRUE, NULL);
        g_unix_set_fd_nonblocking(sig_pipe[1], TRUE, NULL);
        qemu_set_fd_handler(sig_pipe[0], vl_signal_pipe_read, NULL, NULL);
    }
    sa.sa_sigaction = vl_signal_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* Ctrl-A x on a mux, or a signal while a chardev blocks before the loop. */
static void vl_quit_request(void)
{
    int status = 0;

    if (!vl.main_loop_started) {
        if (main_loop_should_exit(&status)) {
            exit(status);
        }
        return;
    }
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_UI);
}

static void vl_atexit(void)
{
    qemu_chr_cleanup();
}

/*
 * Phase 4: backends and monitors.
 */
static void create_objects(void)
{
    for (guint i = 0; i < optlist_len(vl.objects); i++) {
        OptArg *oa = optlist_at(vl.objects, i);
        QemuOpts *opts = vl_parse_opts(oa, "qom-type");
        Error *err = NULL;

        if (!user_creatable_add_opts(opts, &err)) {
            vl_exit_error(err);
        }
        qemu_opts_free(opts);
    }
    loc_set_none();
}

static void create_chardevs(void)
{
    for (guint i = 0; i < optlist_len(vl.chardevs); i++) {
        OptArg *oa = optlist_at(vl.chardevs, i);
        QemuOpts *opts = vl_parse_opts(oa, "backend");
        Error *err = NULL;

        if (!qemu_chr_new_from_opts(opts, &err)) {
            vl_exit_error(err);
        }
        qemu_opts_free(opts);
    }
    loc_set_none();
}

static Chardev *serial_chardevs[MAX_SERIAL_PORTS];

Chardev *serial_hd(int i)
{
    return (i >= 0 && i < MAX_SERIAL_PORTS) ? serial_chardevs[i] : NULL;
}

static void attach_monitor(Chardev *chr)
{
    Error *err = NULL;

    if (!monitor_init_hmp(chr, true, &err)) {
        vl_exit_error(err);
    }
}

/* -serial DEV: "mon:DEV" also puts a monitor on it, as in QEMU. */
static void create_serial(const OptArg *oa, int index)
{
    char *label = g_strdup_printf("serial%d", index);
    Error *err = NULL;
    Chardev *chr;

    vl_loc(oa);
    if (index >= MAX_SERIAL_PORTS) {
        error_report("too many serial ports");
        exit(1);
    }
    chr = qemu_chr_new(label, oa->arg, &err);
    if (err) {
        vl_exit_error(err);
    }
    serial_chardevs[index] = chr;
    if (chr && g_str_has_prefix(oa->arg, "mon:")) {
        attach_monitor(chr);
    }
    g_free(label);
}

static void create_monitor_legacy(const OptArg *oa, int index)
{
    char *label = g_strdup_printf("compat_monitor%d", index);
    Error *err = NULL;
    Chardev *chr;

    vl_loc(oa);
    chr = qemu_chr_new(label, oa->arg, &err);
    if (err) {
        vl_exit_error(err);
    }
    if (chr) {
        attach_monitor(chr);
    }
    g_free(label);
}

static void create_mon(const OptArg *oa)
{
    QemuOpts *opts = vl_parse_opts(oa, "chardev");
    const char *id = qemu_opt_get(opts, "chardev");
    const char *mode = qemu_opt_get(opts, "mode");
    Chardev *chr;

    if (!id) {
        error_report("-mon: Parameter 'chardev' is missing");
        exit(1);
    }
    if (mode && strcmp(mode, "control") == 0) {
        vl_not_supported("QMP (-mon mode=control)");
    }
    if (mode && strcmp(mode, "readline") != 0) {
        error_report("unknown monitor mode \"%s\"", mode);
        exit(1);
    }
    if (qemu_opt_has(opts, "pretty")) {
        vl_not_supported("-mon pretty (a QMP option)");
    }
    qemu_opt_get(opts, "id");
    vl_check_unused(opts);
    chr = qemu_chr_find(id);
    if (!chr) {
        error_report("chardev \"%s\" not found", id);
        exit(1);
    }
    attach_monitor(chr);
    qemu_opts_free(opts);
}

/*
 * QEMU's defaults: with -nographic the first serial port and the monitor
 * share stdio through a mux. Without -nographic QEMU would use a graphical
 * console, which Kestrel does not have: it behaves as with -display none.
 */
static void create_serials_and_monitors(void)
{
    bool default_serial = !vl.nodefaults && optlist_len(vl.serials) == 0;
    bool default_monitor = !vl.nodefaults && optlist_len(vl.monitors) == 0 &&
                           optlist_len(vl.mons) == 0;
    OptArg stdio_serial = { "-nographic", "mon:stdio" };
    OptArg stdio_plain = { "-nographic", "stdio" };

    if (vl.nographic && default_serial && default_monitor) {
        create_serial(&stdio_serial, 0);
        default_monitor = false;
    } else if (vl.nographic && default_serial) {
        create_serial(&stdio_plain, 0);
    }
    for (guint i = 0; i < optlist_len(vl.serials); i++) {
        create_serial(optlist_at(vl.serials, i), i);
    }
    for (guint i = 0; i < optlist_len(vl.monitors); i++) {
        create_monitor_legacy(optlist_at(vl.monitors, i), i);
    }
    if (vl.nographic && default_monitor) {
        create_monitor_legacy(&stdio_plain, optlist_len(vl.monitors));
    }
    for (guint i = 0; i < optlist_len(vl.mons); i++) {
        create_mon(optlist_at(vl.mons, i));
    }
    loc_set_none();
}

/*
 * Phase 5: the machine.
 */
static QemuOpts *merge_machine_opts(void)
{
    QemuOpts *merged = qemu_opts_parse("", NULL, &error_abort);

    for (guint i = 0; i < optlist_len(vl.machine); i++) {
        OptArg *oa = optlist_at(vl.machine, i);
        QemuOpts *opts = vl_parse_opts(oa, "type");

        for (guint k = 0; k < opts->opts->len; k++) {
            QemuOpt *o = g_ptr_array_index(opts->opts, k);
            qemu_opt_set(merged, o->name, o->str);
        }
        qemu_opts_free(opts);
    }
    loc_set_none();
    return merged;
}

static MachineClass *select_machine(QemuOpts *mopts)
{
    const char *type = qemu_opt_get(mopts, "type");
    MachineClass *mc;

    if (!type) {
        mc = find_default_machine();
        if (!mc) {
            error_report("No machine specified, and there is no default");
            error_printf("Use -machine help to list supported machines\n");
            exit(1);
        }
        return mc;
    }
    mc = machine_class_by_name(type);
    if (!mc) {
        loc_set_option("-machine", type);
        error_report("unsupported machine type: \"%s\"", type);
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    return mc;
}

/*
 * Accelerators: -accel NAME (repeatable: alternatives in order),
 * -enable-kvm (= -accel kvm) or -machine accel=A:B. Names are checked while
 * the machine is being created; accel_init_machine tries them in order.
 */
static char *accel_list;
/* Names QEMU has and Kestrel does not have yet ("tcg" on x86): dropped
 * from the list so "kvm:tcg" still works where KVM does. */
static char *accel_missing;

/* False if the name is one Kestrel does not have yet. */
static bool check_accel_name(const char *name)
{
    static const char *const qemu_only[] = {
        "hvf", "xen", "whpx", "nvmm", "qtest", "hax", NULL,
    };

    if (strcmp(name, "kvm") == 0 && strcmp(target_name(), "aarch64") == 0) {
        /* KVM runs guests of the host's own architecture only. */
#if !defined(__aarch64__)
        error_report("accelerator 'kvm': an aarch64 guest needs an aarch64 "
                     "host (use -accel tcg)");
#else
        error_report("accelerator 'kvm': not supported by Kestrel yet for "
                     "aarch64 guests (use -accel tcg)");
#endif
        exit(1);
    }
    if (accel_available(name)) {
        return true;
    }
    if (strcmp(name, "tcg") == 0) {
        return false;
    }
    if (g_strv_contains(qemu_only, name)) {
        error_report("accelerator '%s': not supported by Kestrel", name);
        exit(1);
    }
    error_report("invalid accelerator %s", name);
    exit(1);
}

static void str_join(char **list, const char *name)
{
    char *joined = *list ? g_strconcat(*list, ":", name, NULL)
                         : g_strdup(name);

    g_free(*list);
    *list = joined;
}

static void accel_list_add(const char *opt, const char *list)
{
    gchar **names = g_strsplit(list, ":", -1);

    loc_set_option(opt, list);
    for (int i = 0; names[i]; i++) {
        str_join(check_accel_name(names[i]) ? &accel_list : &accel_missing,
                 names[i]);
    }
    if (!accel_list && accel_missing) {
        error_report("accelerator '%s': not supported by Kestrel yet",
                     accel_missing);
        exit(1);
    }
    g_strfreev(names);
    loc_set_none();
}

static void apply_accels(QemuOpts *mopts)
{
    const char *maccel = qemu_opt_get(mopts, "accel");

    if (maccel && optlist_len(vl.accels)) {
        error_report("The -accel and \"-machine accel=\" options are "
                     "incompatible");
        exit(1);
    }
    for (guint i = 0; i < optlist_len(vl.accels); i++) {
        OptArg *oa = optlist_at(vl.accels, i);
        QemuOpts *opts = vl_parse_opts(oa, "accel");
        const char *name = qemu_opt_get(opts, "accel");

        if (!name) {
            error_report("Parameter 'accel' is missing");
            exit(1);
        }
        vl_check_unused(opts);
        accel_list_add(oa->opt, name);
        qemu_opts_free(opts);
    }
    if (maccel) {
        accel_list_add("-machine", maccel);
    }
}

/*
 * After the machine object exists and before the board builds itself:
 * the board's CPUs need the VM. The 'none' machine runs without one
 * unless an accelerator was asked for.
 */
static void init_accel(MachineState *ms)
{
    Error *err = NULL;

    if (!accel_list && strcmp(MACHINE_GET_CLASS(ms)->name, "none") == 0) {
        return;
    }
    /* The target's default: TCG-lite for aarch64; KVM for x86_64 (Kestrel
     * has no x86 interpreter). */
    if (!accel_init_machine(accel_list ? accel_list :
                            strcmp(target_name(), "aarch64") == 0 ? "tcg"
                                                                  : NULL,
                            ms, &err)) {
        if (accel_missing) {
            error_append_hint(&err, "accelerator '%s': not supported by "
                              "Kestrel yet\n", accel_missing);
        }
        vl_exit_error(err);
    }
}

static void start_vcpus(void)
{
    Error *err = NULL;

    if (current_accel() && !cpus_start_all(&err)) {
        vl_exit_error(err);
    }
}

static void apply_ram_size(MachineState *ms, MachineClass *mc)
{
    QemuOpts *opts;
    const char *size;
    uint64_t sz;

    ms->ram_size = mc->default_ram_size;
    if (!vl.m.arg) {
        return;
    }
    opts = vl_parse_opts(&vl.m, "size");
    size = qemu_opt_get(opts, "size");
    if (qemu_opt_has(opts, "slots") || qemu_opt_has(opts, "maxmem")) {
        vl_not_supported("memory hotplug (-m slots=, maxmem=)");
    }
    vl_check_unused(opts);
    if (size) {
        if (qemu_strtosz_MiB(size, NULL, &sz) < 0) {
            error_report("Parameter 'size' expects a non-negative number "
                         "below 2^64");
            error_printf("Optional suffix k, M, G, T, P or E means kilo-, "
                         "mega-, giga-, tera-, peta-\n"
                         "and exabytes, respectively.\n");
            exit(1);
        }
        /* QEMU rounds the size up to 8 KiB. */
        if (sz > UINT64_MAX - 8191) {
            error_report("ram size too large");
            exit(1);
        }
        sz = QEMU_ALIGN_UP(sz, 8192);
        if (sz == 0) {
            error_report("ram size can't be 0");
            exit(1);
        }
        ms->ram_size = sz;
        ms->ram_size_given = true;
    }
    qemu_opts_free(opts);
    loc_set_none();
}

static unsigned smp_get(QemuOpts *opts, const char *key)
{
    Error *err = NULL;
    uint64_t v = qemu_opt_get_number(opts, key, 0, &err);

    if (err) {
        error_free(err);
        error_report("Parameter 'smp.%s' expects integer", key);
        exit(1);
    }
    if (qemu_opt_has(opts, key) && v == 0) {
        error_report("Invalid CPU topology: CPU topology parameters must "
                     "be greater than zero");
        exit(1);
    }
    if (v > 4096) {
        error_report("Invalid SMP %s %" PRIu64 ": too large", key, v);
        exit(1);
    }
    return v;
}

/* QEMU 7.2's rules: missing values are derived, preferring cores. */
static void apply_smp(MachineState *ms, MachineClass *mc)
{
    CpuTopology *t = &ms->smp;
    unsigned cpus, maxcpus;

    t->cpus = mc->default_cpus ? mc->default_cpus : 1;
    t->sockets = t->dies = t->cores = t->threads = 1;
    t->max_cpus = t->cpus;
    if (vl.smp.arg) {
        QemuOpts *opts = vl_parse_opts(&vl.smp, "cpus");

        cpus = smp_get(opts, "cpus");
        maxcpus = smp_get(opts, "maxcpus");
        t->sockets = smp_get(opts, "sockets");
        t->dies = smp_get(opts, "dies");
        t->cores = smp_get(opts, "cores");
        t->threads = smp_get(opts, "threads");
        if (qemu_opt_has(opts, "clusters") || qemu_opt_has(opts, "books") ||
            qemu_opt_has(opts, "drawers")) {
            vl_not_supported("-smp clusters/books/drawers");
        }
        vl_check_unused(opts);
        qemu_opts_free(opts);

        t->dies = t->dies ? t->dies : 1;
        t->sockets = t->sockets ? t->sockets : 1;
        t->threads = t->threads ? t->threads : 1;
        maxcpus = maxcpus ? maxcpus : cpus;
        if (!t->cores) {
            unsigned per = t->sockets * t->dies * t->threads;
            t->cores = maxcpus ? (maxcpus + per - 1) / per : 1;
        }
        if (!maxcpus) {
            maxcpus = t->sockets * t->dies * t->cores * t->threads;
        }
        cpus = cpus ? cpus : maxcpus;
        if ((uint64_t)t->sockets * t->dies * t->cores * t->threads !=
            maxcpus) {
            error_report("Invalid CPU topology: product of the hierarchy "
                         "must match maxcpus: sockets (%u) * dies (%u) * "
                         "cores (%u) * threads (%u) != maxcpus (%u)",
                         t->sockets, t->dies, t->cores, t->threads, maxcpus);
            exit(1);
        }
        if (maxcpus < cpus) {
            error_report("Invalid CPU topology: maxcpus must be equal to or "
                         "greater than smp: sockets (%u) * dies (%u) * "
                         "cores (%u) * threads (%u) == maxcpus (%u) < "
                         "smp_cpus (%u)", t->sockets, t->dies, t->cores,
                         t->threads, maxcpus, cpus);
            exit(1);
        }
        t->cpus = cpus;
        t->max_cpus = maxcpus;
    }
    if (t->cpus < mc->min_cpus) {
        error_report("Invalid SMP CPUs %u. The min CPUs supported by "
                     "machine '%s' is %u", t->cpus, mc->name, mc->min_cpus);
        exit(1);
    }
    if (t->max_cpus > (mc->max_cpus ? mc->max_cpus : 1)) {
        error_report("Invalid SMP CPUs %u. The max CPUs supported by "
                     "machine '%s' is %u", t->max_cpus, mc->name,
                     mc->max_cpus ? mc->max_cpus : 1);
        exit(1);
    }
    loc_set_none();
}

static void set_machine_str(MachineState *ms, const char *prop,
                            const OptArg *oa)
{
    Error *err = NULL;

    if (!oa->arg) {
        return;
    }
    vl_loc(oa);
    if (!object_property_set_str(OBJECT(ms), prop, oa->arg, &err)) {
        vl_exit_error(err);
    }
    loc_set_none();
}

static int set_machine_prop(void *opaque, const char *name,
                            const char *value, Error **errp)
{
    MachineState *ms = opaque;

    if (strcmp(name, "type") == 0 || strcmp(name, "accel") == 0) {
        return 0;
    }
    return object_property_parse(OBJECT(ms), name, value, errp) ? 0 : -1;
}

/* Boot options the board cannot honour are refused, as QEMU does. */
static void check_boot_options(MachineState *ms, MachineClass *mc)
{
    if (ms->initrd_filename && !ms->kernel_filename) {
        error_report("-initrd only allowed with -kernel option");
        exit(1);
    }
    if (ms->kernel_cmdline && *ms->kernel_cmdline && !ms->kernel_filename) {
        error_report("-append only allowed with -kernel option");
        exit(1);
    }
    if (ms->dtb && !ms->kernel_filename) {
        error_report("-dtb only allowed with -kernel option");
        exit(1);
    }
    if (strcmp(mc->name, "none") == 0) {
        if (ms->kernel_filename) {
            error_report("The -kernel parameter is not supported (use the "
                         "generic 'loader' device instead).");
            exit(1);
        }
        if (ms->firmware) {
            error_report("The -bios parameter is not supported by the "
                         "'none' machine (use the generic 'loader' device "
                         "instead).");
            exit(1);
        }
    }
}

static MachineState *create_machine(void)
{
    QemuOpts *mopts = merge_machine_opts();
    MachineClass *mc = select_machine(mopts);
    MachineState *ms;
    Error *err = NULL;

    apply_accels(mopts);
    ms = MACHINE(object_new(object_class_get_name(OBJECT_CLASS(mc))));
    if (!object_property_add_child(object_get_root(), "machine", OBJECT(ms),
                                   &err)) {
        vl_exit_error(err);
    }
    object_unref(ms);
    current_machine = ms;
    container_get(OBJECT(ms), "/peripheral");
    container_get(OBJECT(ms), "/peripheral-anon");
    container_get(OBJECT(ms), "/unattached");

    if (optlist_len(vl.machine)) {
        loc_set_option("-machine",
                       optlist_at(vl.machine, optlist_len(vl.machine) - 1)->arg);
    }
    if (qemu_opt_foreach(mopts, set_machine_prop, ms, &err)) {
        vl_exit_error(err);
    }
    loc_set_none();
    qemu_opts_free(mopts);

    set_machine_str(ms, "kernel", &vl.kernel);
    set_machine_str(ms, "initrd", &vl.initrd);
    set_machine_str(ms, "append", &vl.append);
    set_machine_str(ms, "dtb", &vl.dtb);
    set_machine_str(ms, "firmware", &vl.bios);
    check_boot_options(ms, mc);

    apply_ram_size(ms, mc);
    apply_smp(ms, mc);
    if (vl.cpu.arg) {
        if (strcmp(mc->name, "none") == 0) {
            vl_loc(&vl.cpu);
            vl_not_supported("a CPU on the 'none' machine (-cpu)");
        }
        ms->cpu_type = g_strdup(vl.cpu.arg);
    }
    return ms;
}

static void init_machine(MachineState *ms)
{
    MACHINE_GET_CLASS(ms)->init(ms);
}

/* Phase 6: -device. */
static void create_devices(void)
{
    for (guint i = 0; i < optlist_len(vl.devices); i++) {
        OptArg *oa = optlist_at(vl.devices, i);
        QemuOpts *opts = vl_parse_opts(oa, "driver");
        Error *err = NULL;

        if (!qdev_device_add(opts, &err)) {
            vl_exit_error(err);
        }
        qemu_opts_free(opts);
    }
    loc_set_none();
}

static void vl_reset_buses(void *opaque)
{
    qdev_reset_all();
}

void qemu_init(int argc, char **argv)
{
    MachineState *ms;

    error_init(argv[0]);
    vl.progname = error_get_progname();
    parse_args(argc, argv);
    setup_logging();

    qemu_init_main_loop();
    setup_signals();
    qemu_chr_quit_request = vl_quit_request;
    atexit(vl_atexit);
    memory_map_init();

    /* A system reset resets the bus tree first, then other handlers. */
    qemu_register_reset(vl_reset_buses, NULL);
    create_objects();
    ms = create_machine();
    create_chardevs();
    create_serials_and_monitors();
    init_accel(ms);
    init_machine(ms);
    create_devices();
    start_vcpus();

    qemu_devices_reset();
    if (vl.start_paused) {
        qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
        runstate_set(RUN_STATE_PRELAUNCH);
    } else {
        vm_start();
    }
}

int qemu_main_loop_run(void)
{
    int status = 0;

    vl.main_loop_started = true;
    while (!main_loop_should_exit(&status)) {
        main_loop_wait(false);
    }
    monitor_cleanup();
    qemu_chr_cleanup();
    return status;
}
