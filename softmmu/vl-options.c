/*
 * The command-line option table: every option Kestrel accepts, and the
 * QEMU options it knows but does not implement yet (refused by name, never
 * silently accepted). Also the -h text, generated from the same table.
 */
#include "qemu/osdep.h"
#include "vl-options.h"

#define OPT(n, a, i, h) { .name = (n), .has_arg = (a), .index = (i), \
                          .help = (h) }

static const QEMUOption kestrel_options[] = {
    OPT("h", false, QEMU_OPTION_h, "display this help and exit"),
    OPT("help", false, QEMU_OPTION_h, NULL),
    OPT("version", false, QEMU_OPTION_version, "display version information and exit"),
    OPT("machine", true, QEMU_OPTION_machine,
        "[type=]name[,prop=value...] select the board (-machine help lists them)"),
    OPT("M", true, QEMU_OPTION_machine, NULL),
    OPT("cpu", true, QEMU_OPTION_cpu, "cpu select CPU ('-cpu help' for list)"),
    OPT("accel", true, QEMU_OPTION_accel,
        "[accel=]name[,prop=value] select accelerator ('-accel help' for list)"),
    OPT("enable-kvm", false, QEMU_OPTION_enable_kvm, "enable KVM full virtualization support"),
    OPT("smp", true, QEMU_OPTION_smp,
        "[cpus=]n[,maxcpus=m][,sockets=s][,dies=d][,cores=c][,threads=t] set the CPU topology"),
    OPT("m", true, QEMU_OPTION_m, "[size=]megs[,slots=n,maxmem=size] configure guest RAM"),
    OPT("name", true, QEMU_OPTION_name,
        "[guest=]name[,process=name][,debug-threads=on|off] set the guest name"),
    OPT("uuid", true, QEMU_OPTION_uuid, "%08x-%04x-%04x-%04x-%012x specify machine UUID"),
    OPT("kernel", true, QEMU_OPTION_kernel, "bzImage use 'bzImage' as kernel image"),
    OPT("initrd", true, QEMU_OPTION_initrd, "file use 'file' as initial ram disk"),
    OPT("append", true, QEMU_OPTION_append, "cmdline use 'cmdline' as kernel command line"),
    OPT("dtb", true, QEMU_OPTION_dtb, "file use 'file' as device tree image"),
    OPT("bios", true, QEMU_OPTION_bios, "file set the filename for the BIOS"),
    OPT("S", false, QEMU_OPTION_S, "freeze CPU at startup (use 'c' to start execution)"),
    OPT("s", false, QEMU_OPTION_s, "shorthand for -gdb tcp::1234"),
    OPT("gdb", true, QEMU_OPTION_gdb, "dev accept gdb connection on 'dev'"),
    OPT("no-reboot", false, QEMU_OPTION_no_reboot, "exit instead of rebooting"),
    OPT("no-shutdown", false, QEMU_OPTION_no_shutdown, "stop before shutdown"),
    OPT("nodefaults", false, QEMU_OPTION_nodefaults, "don't create default devices"),
    OPT("no-user-config", false, QEMU_OPTION_no_user_config,
        "do not load default user-provided config files"),
    OPT("device", true, QEMU_OPTION_device,
        "driver[,prop[=value][,...]] add device driver ('-device help' lists them)"),
    OPT("object", true, QEMU_OPTION_object,
        "TYPENAME[,PROP1=VALUE1,...] create a new object ('-object help' lists them)"),
    OPT("chardev", true, QEMU_OPTION_chardev,
        "backend,id=id[,...] create a character device ('-chardev help' lists backends)"),
    OPT("serial", true, QEMU_OPTION_serial, "dev redirect the serial port to char device 'dev'"),
    OPT("monitor", true, QEMU_OPTION_monitor, "dev redirect the monitor to char device 'dev'"),
    OPT("mon", true, QEMU_OPTION_mon, "[chardev=]name[,mode=readline|control] attach a monitor"),
    OPT("nographic", false, QEMU_OPTION_nographic,
        "no graphics: serial and monitor share stdio (Ctrl-A h for help)"),
    OPT("display", true, QEMU_OPTION_display, "none select the display (only 'none')"),
    OPT("d", true, QEMU_OPTION_d, "item1,... enable logging of specified items (use '-d help' for a list)"),
    OPT("D", true, QEMU_OPTION_D, "logfile output log to logfile (default stderr)"),
    OPT("msg", true, QEMU_OPTION_msg, "[timestamp=on|off] prefix messages with a timestamp"),
    OPT("rtc", true, QEMU_OPTION_rtc, NULL),
    { .name = NULL },
};

/*
 * QEMU 7.2 options that Kestrel does not have yet. Listed so users get
 * "not supported by Kestrel yet" rather than "invalid option".
 */
static const char *const qemu_only_options[][2] = {
    /* name, takes an argument ("1") or not ("0") */
    { "fda", "1" }, { "fdb", "1" }, { "hda", "1" }, { "hdb", "1" },
    { "hdc", "1" }, { "hdd", "1" }, { "cdrom", "1" }, { "drive", "1" },
    { "blockdev", "1" }, { "mtdblock", "1" }, { "sd", "1" }, { "pflash", "1" },
    { "snapshot", "0" }, { "fsdev", "1" }, { "virtfs", "1" },
    { "usb", "0" }, { "usbdevice", "1" }, { "global", "1" }, { "boot", "1" },
    { "numa", "1" }, { "add-fd", "1" }, { "set", "1" }, { "k", "1" },
    { "audio-help", "0" }, { "audiodev", "1" }, { "soundhw", "1" },
    { "vga", "1" }, { "full-screen", "0" }, { "g", "1" }, { "vnc", "1" },
    { "spice", "1" }, { "portrait", "0" }, { "rotate", "1" },
    { "win2k-hack", "0" }, { "no-fd-bootchk", "0" }, { "acpitable", "1" },
    { "smbios", "1" }, { "netdev", "1" }, { "nic", "1" }, { "net", "1" },
    { "parallel", "1" }, { "debugcon", "1" }, { "pidfile", "1" },
    { "singlestep", "0" }, { "L", "1" }, { "option-rom", "1" },
    { "icount", "1" }, { "watchdog", "1" }, { "watchdog-action", "1" },
    { "echr", "1" }, { "incoming", "1" }, { "only-migratable", "0" },
    { "chroot", "1" }, { "runas", "1" }, { "daemonize", "0" },
    { "semihosting", "0" }, { "semihosting-config", "1" },
    { "readconfig", "1" }, { "trace", "1" }, { "plugin", "1" },
    { "qmp", "1" }, { "qmp-pretty", "1" }, { "mem-path", "1" },
    { "mem-prealloc", "0" }, { "realtime", "1" }, { "overcommit", "1" },
    { "sandbox", "1" }, { "iscsi", "1" }, { "tpmdev", "1" },
    { "fw_cfg", "1" }, { "prom-env", "1" }, { "xen-domid", "1" },
    { "action", "1" }, { "preconfig", "0" }, { "compat", "1" },
    { "async-teardown", "0" }, { "device-tree", "1" }, { "iothread", "1" },
    { "alt-grab", "0" }, { "ctrl-grab", "0" }, { "no-quit", "0" },
    { "sdl", "0" }, { "curses", "0" }, { "show-cursor", "0" },
    { "tb-size", "1" }, { "msg-timestamp", "0" }, { "dump-vmstate", "1" },
    { "enable-sync-profile", "0" }, { "no-acpi", "0" }, { "no-hpet", "0" },
    { "machine-help", "0" }, { "cpu-help", "0" }, { "nouserconfig", "0" },
};

const QEMUOption *qemu_option_find(const char *name)
{
    for (const QEMUOption *o = kestrel_options; o->name; o++) {
        if (strcmp(o->name, name) == 0) {
            return o;
        }
    }
    return NULL;
}

bool qemu_option_is_qemu_only(const char *name, bool *has_arg)
{
    for (size_t i = 0; i < ARRAY_SIZE(qemu_only_options); i++) {
        if (strcmp(qemu_only_options[i][0], name) == 0) {
            *has_arg = qemu_only_options[i][1][0] == '1';
            return true;
        }
    }
    return false;
}

void qemu_print_help(const char *progname)
{
    printf("QEMU emulator version %s (Kestrel %s)\n"
           "usage: %s [options]\n\n"
           "Kestrel accepts QEMU's command line. Supported options:\n",
           QEMU_COMPAT_VERSION, KESTREL_VERSION, progname);
    for (const QEMUOption *o = kestrel_options; o->name; o++) {
        if (!o->help) {
            continue;
        }
        if (o->has_arg) {
            /* The help text starts with the argument's shape. */
            printf("-%s %s\n", o->name, o->help);
        } else {
            printf("-%-24s %s\n", o->name, o->help);
        }
    }
    printf("\nDuring emulation with -nographic: Ctrl-A h prints the "
           "multiplexer's keys.\n"
           "QEMU options not listed here are refused with "
           "\"not supported by Kestrel yet\".\n"
           "Documentation: README.md and docs/ in the source tree.\n");
}
