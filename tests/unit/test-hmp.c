/*
 * Unit tests for HMP dispatch, help, registration and the commands that
 * need no running machine, on a capture monitor (no chardev). Links the
 * real QOM, memory, run-state and qdev modules.
 */
#include "../../monitor/monitor-internal.h"
#include "exec/memory.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"

/* vl.c's settings, which this program stands in for. */
const char *qemu_name;
char qemu_uuid_str[37];
bool qemu_uuid_set;

static Monitor *mon;

/* Run line; return what it printed ("\r\n" back to "\n"). */
static char *run(const char *line)
{
    g_autofree char *out = NULL;
    GString *s;
    size_t i;

    hmp_handle_command(mon, line);
    out = monitor_capture_take(mon);
    s = g_string_new(NULL);
    for (i = 0; out[i]; i++) {
        if (!(out[i] == '\r' && out[i + 1] == '\n')) {
            g_string_append_c(s, out[i]);
        }
    }
    return g_string_free(s, FALSE);
}

static void expect(const char *line, const char *want)
{
    g_autofree char *got = run(line);
    g_assert_cmpstr(got, ==, want);
}

static void test_crlf(void)
{
    g_autofree char *raw = NULL;

    monitor_printf(mon, "a\nb\n");
    raw = monitor_capture_take(mon);
    g_assert_cmpstr(raw, ==, "a\r\nb\r\n");
    monitor_printf(NULL, "ignored\n");
}

static void test_errors(void)
{
    expect("", "");
    expect("   ", "");
    expect("foo", "unknown command: 'foo'\n");
    expect("info foo", "unknown command: 'info foo'\n");
    expect("help foo", "unknown command: 'foo'\n");
    expect("help info foo", "unknown command: 'info foo'\n");
    expect("xp", "unexpected end of expression\n"
           "Try \"help xp\" for more information\n");
    expect("c extra", "cont|c: extraneous characters at the end of line\n"
           "Try \"help c\" for more information\n");
    expect("info status x", "status: extraneous characters at the end of "
           "line\nTry \"help info status\" for more information\n");
    expect("info mtree -x", "mtree: unsupported option -x\n"
           "Try \"help info mtree\" for more information\n");
    expect("qom-get /machine", "qom-get: string expected\n"
           "Try \"help qom-get\" for more information\n");
}

static void test_help(void)
{
    g_autofree char *all = run("help");
    g_auto(GStrv) lines = g_strsplit(all, "\n", -1);
    int i;

    g_assert_nonnull(strstr(all, "cont|c  -- resume emulation\n"));
    g_assert_nonnull(strstr(all, "help|? [cmd] -- show the help\n"));
    for (i = 1; lines[i] && lines[i][0]; i++) {
        g_assert_cmpint(strcmp(lines[i - 1], lines[i]), <, 0);
    }
    expect("? xp", "xp /fmt addr -- physical memory dump starting at "
           "'addr'\n");
    expect("help c", "cont|c  -- resume emulation\n");
    expect("help info status",
           "info status  -- show the current VM status (running|paused)\n");
    g_autofree char *info = run("info");
    g_autofree char *help_info = run("help info");
    g_assert_cmpstr(info, ==, help_info);
    g_assert_nonnull(strstr(info, "info version  -- show the version of "
                            "QEMU\n"));
}

static void test_info_simple(void)
{
    expect("info version", "7.2.0 (Kestrel 0.1.0)\n");
    expect("info name", "");
    qemu_name = "guest1";
    expect("info name", "guest1\n");
    qemu_name = NULL;
    expect("info uuid", "00000000-0000-0000-0000-000000000000\n");
    strcpy(qemu_uuid_str, "12345678-1234-1234-1234-123456789abc");
    expect("info uuid", "12345678-1234-1234-1234-123456789abc\n");
    qemu_uuid_str[0] = '\0';
    expect("info registers", "No CPU available\n");
    expect("info cpus", "No CPU available\n");
}

static void test_status(void)
{
    runstate_set(RUN_STATE_PRELAUNCH);
    expect("info status", "VM status: paused (prelaunch)\n");
    runstate_set(RUN_STATE_PAUSED);
    expect("info status", "VM status: paused\n");
}

static void test_xp(void)
{
    static const uint8_t data[] = { 0x78, 0x56, 0x34, 0x12, 'A', '\n' };

    address_space_write(&address_space_memory, 0x1000, data, sizeof(data));
    expect("xp /x 0x1000", "0000000000001000: 0x12345678\n");
    expect("xp /4xb 0x1000", "0000000000001000: 0x78 0x56 0x34 0x12\n");
    expect("xp /2xh 0x1000", "0000000000001000: 0x5678 0x1234\n");
    expect("xp /xg 0x1000", "0000000000001000: 0x00000a4112345678\n");
    expect("xp /2dg 0x1000", "0000000000001000:       11274594571896"
           "                    0\n");
    expect("xp /2dh 0x1000", "0000000000001000: 22136  4660\n");
    expect("xp /1dh 0x1002+2", "0000000000001004:  2625\n");
    expect("xp /2ob 0x1000", "0000000000001000: 0170 0126\n");
    expect("xp /6c 0x1000",
           "0000000000001000: 'x' 'V' '4' '\\x12' 'A' '\\n'\n");
    expect("xp /x 0x10000", "0000000000010000: Cannot access memory\n");
    expect("xp /0x 0", "");
    expect("xp /i 0", "xp: disassembly (format 'i') is not supported by "
           "Kestrel yet\n");
}

static void test_history(void)
{
    hmp_handle_command(mon, "info version");
    g_free(monitor_capture_take(mon));
    /* A capture monitor has no line editor input: no history. */
    expect("info history", "");
}

/* Registration. */

static void hmp_info_test_regs(Monitor *m, const HMPArgs *args)
{
    monitor_printf(m, "regs all=%d vcpu=%" PRId64 "\n",
                   hmp_arg_flag(args, "all"), hmp_arg_int(args, "vcpu", -1));
}

static void hmp_cmd_test_echo(Monitor *m, const HMPArgs *args)
{
    monitor_printf(m, "[%s]\n", hmp_arg_str(args, "text"));
}

static const HMPCommand test_regs_cmd = {
    "registers", "all:-a,vcpu:l?", "[-a|vcpu]", "test registers",
    hmp_info_test_regs,
};
static const HMPCommand test_echo_cmd = {
    "aaa-echo|ae", "text:S", "text", "echo the text", hmp_cmd_test_echo,
};

static void test_register(void)
{
    g_autofree char *help = NULL;
    g_autofree char *info = NULL;
    g_autoptr(GPtrArray) comp = g_ptr_array_new_with_free_func(g_free);

    hmp_register_info(&test_regs_cmd);
    hmp_register_command(&test_echo_cmd);
    expect("info registers", "regs all=0 vcpu=-1\n");
    expect("info registers -a", "regs all=1 vcpu=-1\n");
    expect("info registers 1+2", "regs all=0 vcpu=3\n");
    expect("ae  two  words ", "[two  words]\n");
    expect("aaa-echo", "aaa-echo|ae: string expected\n"
           "Try \"help aaa-echo\" for more information\n");
    help = run("help");
    g_assert_true(g_str_has_prefix(help, "aaa-echo|ae text -- echo the "
                                   "text\n"));
    info = run("info");
    g_assert_nonnull(strstr(info, "info registers [-a|vcpu] -- test "
                            "registers\n"));
    g_assert_null(strstr(info, "show the cpu registers"));

    hmp_complete(mon, "a", comp);
    g_assert_cmpuint(comp->len, ==, 2);
    g_ptr_array_set_size(comp, 0);
    hmp_complete(mon, "info reg", comp);
    g_assert_cmpuint(comp->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(comp, 0), ==, "registers");
    g_ptr_array_set_size(comp, 0);
    hmp_complete(mon, "help qom-l", comp);
    g_assert_cmpuint(comp->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(comp, 0), ==, "qom-list");
    g_ptr_array_set_size(comp, 0);
    hmp_complete(mon, "info status x", comp);
    hmp_complete(mon, "xp ", comp);
    hmp_complete(mon, "", comp);
    g_assert_cmpuint(comp->len, >, 10);
}

int main(int argc, char **argv)
{
    MemoryRegion *ram;
    int ret;

    g_test_init(&argc, &argv, NULL);
    memory_map_init();
    ram = g_new0(MemoryRegion, 1);
    memory_region_init_ram(ram, NULL, "test-ram", 64 * KiB, &error_abort);
    memory_region_add_subregion(get_system_memory(), 0, ram);
    mon = monitor_new_capture();

    g_test_add_func("/hmp/crlf", test_crlf);
    g_test_add_func("/hmp/errors", test_errors);
    g_test_add_func("/hmp/help", test_help);
    g_test_add_func("/hmp/info-simple", test_info_simple);
    g_test_add_func("/hmp/status", test_status);
    g_test_add_func("/hmp/xp", test_xp);
    g_test_add_func("/hmp/history", test_history);
    g_test_add_func("/hmp/register", test_register);
    ret = g_test_run();
    monitor_free(mon);
    memory_region_del_subregion(get_system_memory(), ram);
    memory_region_finalize(ram);
    g_free(ram);
    return ret;
}
