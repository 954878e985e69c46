/*
 * The HMP commands and "info" subcommands: thin wrappers over the run-state,
 * memory, qdev, QOM and chardev APIs. Output formats are QEMU 7.2's, byte
 * for byte where scripts parse them (xp, info status, qom-get).
 */
#include "monitor-internal.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "exec/memory.h"
#include "hw/qdev.h"
#include "qom/object.h"

/* xp dumps at most this much per command, so a typo cannot flood. */
#define XP_MAX_BYTES (1024 * 1024)

static void hmp_print_gstring(Monitor *mon, GString *out)
{
    monitor_puts(mon, out->str);
    g_string_free(out, TRUE);
}

/* Run control. */

static void hmp_cmd_cont(Monitor *mon, const HMPArgs *args)
{
    if (!runstate_is_running()) {
        vm_start();
    }
}

static void hmp_cmd_stop(Monitor *mon, const HMPArgs *args)
{
    /* In prelaunch QEMU only cancels autostart: the state stays. */
    if (runstate_is_running()) {
        vm_stop(RUN_STATE_PAUSED);
    }
}

static void hmp_cmd_quit(Monitor *mon, const HMPArgs *args)
{
    /* No prompt after this: the process is on its way out. */
    monitor_suspend(mon);
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

static void hmp_cmd_system_reset(Monitor *mon, const HMPArgs *args)
{
    /* runstate.h has no "host monitor reset" cause; the host one fits. */
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

static void hmp_cmd_system_powerdown(Monitor *mon, const HMPArgs *args)
{
    qemu_system_powerdown_request();
}

/* xp: physical memory dump. */

static void hmp_print_char(Monitor *mon, uint8_t c)
{
    static const struct {
        uint8_t c;
        const char *text;
    } escapes[] = {
        { '\'', "\\'" }, { '\\', "\\\\" }, { '\n', "\\n" }, { '\r', "\\r" },
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(escapes); i++) {
        if (escapes[i].c == c) {
            monitor_printf(mon, " '%s'", escapes[i].text);
            return;
        }
    }
    if (c >= 32 && c <= 126) {
        monitor_printf(mon, " '%c'", c);
    } else {
        monitor_printf(mon, " '\\x%02x'", c);
    }
}

static uint64_t hmp_load_le(const uint8_t *buf, int size)
{
    uint64_t v = 0;
    int i;

    for (i = size - 1; i >= 0; i--) {
        v = (v << 8) | buf[i];
    }
    return v;
}

static void hmp_print_value(Monitor *mon, char format, int size, int digits,
                            uint64_t v)
{
    int shift = 64 - size * 8;

    switch (format) {
    case 'o':
        monitor_printf(mon, " %#*" PRIo64, digits, v);
        break;
    case 'u':
        monitor_printf(mon, " %*" PRIu64, digits, v);
        break;
    case 'd':
        /* Sign-extend from the unit size. */
        monitor_printf(mon, " %*" PRId64, digits,
                       (int64_t)(v << shift) >> shift);
        break;
    default:
        monitor_printf(mon, " 0x%0*" PRIx64, digits, v);
        break;
    }
}

/* Columns a value of size bytes needs in each format (QEMU's widths). */
static int hmp_format_digits(char format, int size)
{
    switch (format) {
    case 'o':
        return (size * 8 + 2) / 3;
    case 'u':
    case 'd':
        return (size * 8 * 10 + 32) / 33;
    default:
        return size * 2;
    }
}

static void hmp_memory_dump(Monitor *mon, const HMPFormat *f, hwaddr addr)
{
    int wsize = f->size;
    int line_size = wsize == 1 ? 8 : 16;
    int digits = hmp_format_digits(f->format, wsize);
    uint64_t len;
    uint8_t buf[16];

    if (f->format == 'i') {
        monitor_printf(mon, "xp: disassembly (format 'i') is not supported "
                       "by Kestrel yet\n");
        return;
    }
    if ((uint64_t)f->count > XP_MAX_BYTES / wsize) {
        monitor_printf(mon, "xp: at most %d bytes per dump\n", XP_MAX_BYTES);
        return;
    }
    len = f->count * wsize;
    if (f->format == 'c') {
        wsize = 1;      /* after line_size: QEMU keeps the unit's lines */
    }
    while (len > 0) {
        int l = MIN(len, (uint64_t)line_size);
        int i;

        monitor_printf(mon, "%016" HWADDR_PRIx ":", addr);
        if (address_space_read(&address_space_memory, addr, buf, l)
            != MEMTX_OK) {
            monitor_printf(mon, " Cannot access memory\n");
            return;
        }
        for (i = 0; i < l; i += wsize) {
            if (f->format == 'c') {
                hmp_print_char(mon, buf[i]);
            } else {
                hmp_print_value(mon, f->format, wsize, digits,
                                hmp_load_le(buf + i, MIN(wsize, l - i)));
            }
        }
        monitor_printf(mon, "\n");
        addr += l;
        len -= l;
    }
}

static void hmp_cmd_xp(Monitor *mon, const HMPArgs *args)
{
    HMPFormat f = hmp_arg_format(args, "fmt");

    hmp_memory_dump(mon, &f, (hwaddr)hmp_arg_int(args, "addr", 0));
}

/* QOM. */

static Object *hmp_qom_resolve(Monitor *mon, const char *path)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (!obj) {
        if (ambiguous) {
            monitor_printf(mon, "Error: Path '%s' is ambiguous\n", path);
        } else {
            monitor_printf(mon, "Error: Device '%s' not found\n", path);
        }
    }
    return obj;
}

static void hmp_qom_list_prop(const Property *prop, void *opaque)
{
    Monitor *mon = opaque;
    const char *type = prop->info && prop->info->type_name ?
                       prop->info->type_name : "unknown";

    if (prop->info == &prop_info_link && prop->link_type) {
        monitor_printf(mon, "%s (link<%s>)\n", prop->name, prop->link_type);
        return;
    }
    /* qom-list names QAPI types: -device help's "str" is "string" here. */
    monitor_printf(mon, "%s (%s)\n", prop->name,
                   strcmp(type, "str") == 0 ? "string" : type);
}

static int hmp_qom_list_child(Object *child, void *opaque)
{
    monitor_printf(opaque, "%s (child<%s>)\n",
                   object_get_canonical_path_component(child),
                   object_get_typename(child));
    return 0;
}

static void hmp_cmd_qom_list(Monitor *mon, const HMPArgs *args)
{
    const char *path = hmp_arg_str(args, "path");
    Object *obj;

    if (!path) {
        monitor_printf(mon, "/\n");         /* as QEMU 7.2 */
        return;
    }
    obj = hmp_qom_resolve(mon, path);
    if (!obj) {
        return;
    }
    monitor_printf(mon, "type (string)\n");
    object_class_property_foreach(object_get_class(obj), hmp_qom_list_prop,
                                  mon);
    object_child_foreach(obj, hmp_qom_list_child, mon);
}

/* QEMU prints qom-get values as JSON: strings quoted and escaped. */
static void hmp_print_json_string(Monitor *mon, const char *s)
{
    GString *out = g_string_new("\"");

    for (; *s; s++) {
        uint8_t c = *s;
        if (c == '"' || c == '\\') {
            g_string_append_printf(out, "\\%c", c);
        } else if (c == '\n') {
            g_string_append(out, "\\n");
        } else if (c == '\r') {
            g_string_append(out, "\\r");
        } else if (c == '\t') {
            g_string_append(out, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            g_string_append_printf(out, "\\u%04x", c);
        } else {
            g_string_append_c(out, c);
        }
    }
    g_string_append(out, "\"\n");
    hmp_print_gstring(mon, out);
}

static bool hmp_prop_is_number(Object *obj, const char *name)
{
    const Property *prop = object_class_property_find(object_get_class(obj),
                                                      name);

    return prop && (prop->info == &prop_info_bool ||
                    prop->info == &prop_info_int ||
                    prop->info == &prop_info_uint ||
                    prop->info == &prop_info_size);
}

static void hmp_cmd_qom_get(Monitor *mon, const HMPArgs *args)
{
    const char *name = hmp_arg_str(args, "property");
    Object *obj = hmp_qom_resolve(mon, hmp_arg_str(args, "path"));
    Object *child;
    Error *err = NULL;
    char *value;

    if (!obj) {
        return;
    }
    if (strcmp(name, "type") == 0) {
        hmp_print_json_string(mon, object_get_typename(obj));
        return;
    }
    child = object_resolve_path_component(obj, name);
    if (child && object_get_parent(child) == obj) {
        value = object_get_canonical_path(child);
        hmp_print_json_string(mon, value);
        g_free(value);
        return;
    }
    value = object_property_print(obj, name, &err);
    if (!value && err) {
        monitor_printf(mon, "Error: %s\n", error_get_pretty(err));
        error_free(err);
        return;
    }
    if (hmp_prop_is_number(obj, name)) {
        monitor_printf(mon, "%s\n", value ? value : "null");
    } else {
        hmp_print_json_string(mon, value ? value : "");
    }
    g_free(value);
}

static void hmp_cmd_qom_set(Monitor *mon, const HMPArgs *args)
{
    Object *obj = hmp_qom_resolve(mon, hmp_arg_str(args, "path"));
    Error *err = NULL;

    if (obj && !object_property_parse(obj, hmp_arg_str(args, "property"),
                                      hmp_arg_str(args, "value"), &err)) {
        monitor_printf(mon, "Error: %s\n", error_get_pretty(err));
        error_free(err);
    }
}

/* info subcommands. */

static void hmp_info_version(Monitor *mon, const HMPArgs *args)
{
    monitor_printf(mon, "%s (Kestrel %s)\n", QEMU_COMPAT_VERSION,
                   KESTREL_VERSION);
}

static void hmp_info_status(Monitor *mon, const HMPArgs *args)
{
    monitor_printf(mon, "VM status: %s\n", runstate_status_text());
}

static void hmp_info_name(Monitor *mon, const HMPArgs *args)
{
    if (qemu_name) {
        monitor_printf(mon, "%s\n", qemu_name);
    }
}

static void hmp_info_uuid(Monitor *mon, const HMPArgs *args)
{
    monitor_printf(mon, "%s\n", qemu_uuid_str[0] ? qemu_uuid_str :
                   "00000000-0000-0000-0000-000000000000");
}

static void hmp_info_chardev(Monitor *mon, const HMPArgs *args)
{
    GString *out = g_string_new(NULL);

    qemu_chr_info(out);
    hmp_print_gstring(mon, out);
}

static void hmp_info_mtree(Monitor *mon, const HMPArgs *args)
{
    GString *out = g_string_new(NULL);

    mtree_info(out, hmp_arg_flag(args, "flatview"));
    hmp_print_gstring(mon, out);
}

static void hmp_info_qtree(Monitor *mon, const HMPArgs *args)
{
    GString *out = g_string_new(NULL);

    qdev_tree_info(out);
    hmp_print_gstring(mon, out);
}

static void hmp_info_qom_tree(Monitor *mon, const HMPArgs *args)
{
    const char *path = hmp_arg_str(args, "path");
    GString *out;
    char *canon = NULL;

    if (path) {
        bool ambiguous = false;
        Object *obj = object_resolve_path(path, &ambiguous);

        if (!obj) {
            monitor_printf(mon, "Path '%s' could not be resolved.\n", path);
            return;
        }
        canon = object_get_canonical_path(obj);
    }
    out = g_string_new(NULL);
    object_tree_info(out, canon);
    g_free(canon);
    hmp_print_gstring(mon, out);
}

static void hmp_info_history(Monitor *mon, const HMPArgs *args)
{
    const char *line;
    int i;

    for (i = 0; (line = monitor_get_history(mon, i)); i++) {
        monitor_printf(mon, "%d: '%s'\n", i, line);
    }
}

/* Fallbacks until a CPU module registers the real ones (hmp.h). */
static void hmp_info_no_cpu(Monitor *mon, const HMPArgs *args)
{
    monitor_printf(mon, "No CPU available\n");
}

const HMPCommand hmp_builtin_cmds[] = {
    { "help|?", "name:S?", "[cmd]", "show the help", hmp_cmd_help },
    { "info", "", "[subcommand]",
      "show various information about the system state", hmp_cmd_info },
    { "cont|c", "", "", "resume emulation", hmp_cmd_cont },
    { "stop|s", "", "", "stop emulation", hmp_cmd_stop },
    { "quit|q", "", "", "quit the emulator", hmp_cmd_quit },
    { "system_reset", "", "", "reset the system", hmp_cmd_system_reset },
    { "system_powerdown", "", "", "send system power down event",
      hmp_cmd_system_powerdown },
    { "xp", "fmt:/,addr:l", "/fmt addr",
      "physical memory dump starting at 'addr'", hmp_cmd_xp },
    { "qom-list", "path:s?", "path", "list QOM properties",
      hmp_cmd_qom_list },
    { "qom-get", "path:s,property:s", "path property",
      "print QOM property", hmp_cmd_qom_get },
    { "qom-set", "path:s,property:s,value:S", "path property value",
      "set QOM property.", hmp_cmd_qom_set },
};
const size_t hmp_builtin_cmds_count = ARRAY_SIZE(hmp_builtin_cmds);

const HMPCommand hmp_builtin_info[] = {
    { "version", "", "", "show the version of QEMU", hmp_info_version },
    { "status", "", "", "show the current VM status (running|paused)",
      hmp_info_status },
    { "name", "", "", "show the current VM name", hmp_info_name },
    { "uuid", "", "", "show the current VM UUID", hmp_info_uuid },
    { "chardev", "", "", "show the character devices", hmp_info_chardev },
    { "mtree", "flatview:-f,dispatch_tree:-d,owner:-o,disabled:-D",
      "[-f][-d][-o][-D]",
      "show memory tree (-f: dump flat view for address spaces;"
      "-d: dump dispatch tree, valid with -f only);"
      "-o: dump region owners/parents;-D: dump disabled regions",
      hmp_info_mtree },
    { "qtree", "", "", "show device tree", hmp_info_qtree },
    { "qom-tree", "path:s?", "[path]", "show QOM composition tree",
      hmp_info_qom_tree },
    { "history", "", "", "show the command line history", hmp_info_history },
    { "registers", "cpustate_all:-a,vcpu:l?", "[-a|vcpu]",
      "show the cpu registers (-a: show register info for all cpus; "
      "vcpu: specific vCPU to query; show the current CPU's registers if "
      "no argument is specified)", hmp_info_no_cpu },
    { "cpus", "", "", "show infos for each CPU", hmp_info_no_cpu },
};
const size_t hmp_builtin_info_count = ARRAY_SIZE(hmp_builtin_info);
