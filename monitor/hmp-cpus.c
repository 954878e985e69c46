/*
 * Monitor commands about vCPUs: "info cpus" and "info registers", in
 * QEMU's formats. They replace the monitor's "No CPU available" fallbacks
 * when this file is linked (with the vCPU layer, softmmu/cpus.c).
 */
#include "qemu/osdep.h"
#include "monitor/hmp.h"
#include "hw/core/cpu.h"
#include "sysemu/cpus.h"

/* The monitor's current CPU: QEMU's default is the first one. */
#define HMP_CURRENT_CPU 0

static void hmp_info_cpus(Monitor *mon, const HMPArgs *args)
{
    CPUState *cpu;

    if (!qemu_get_cpu(0)) {
        monitor_printf(mon, "No CPU available\n");
        return;
    }
    for (int i = 0; (cpu = qemu_get_cpu(i)) != NULL; i++) {
        monitor_printf(mon, "%c CPU #%d: thread_id=%d\n",
                       i == HMP_CURRENT_CPU ? '*' : ' ', i,
                       cpus_get_thread_id(cpu));
    }
}

static void hmp_dump_cpu(Monitor *mon, CPUState *cpu)
{
    GString *out = g_string_new(NULL);

    cpu_synchronize_state(cpu);
    cpu_dump_state(cpu, out);
    monitor_puts(mon, out->str);
    g_string_free(out, TRUE);
}

static void hmp_info_registers(Monitor *mon, const HMPArgs *args)
{
    CPUState *cpu;
    int64_t index = hmp_arg_int(args, "vcpu", HMP_CURRENT_CPU);

    if (hmp_arg_flag(args, "a")) {
        for (int i = 0; (cpu = qemu_get_cpu(i)) != NULL; i++) {
            monitor_printf(mon, "\nCPU#%d\n", i);
            hmp_dump_cpu(mon, cpu);
        }
        return;
    }
    cpu = (index >= 0 && index <= INT_MAX) ? qemu_get_cpu(index) : NULL;
    if (!cpu) {
        monitor_printf(mon, hmp_arg_has(args, "vcpu") ?
                       "CPU#%" PRId64 " not available\n" :
                       "No CPU available\n", index);
        return;
    }
    hmp_dump_cpu(mon, cpu);
}

static const HMPCommand hmp_cpus_info[] = {
    { "cpus", "", "", "show infos for each CPU", hmp_info_cpus },
    { "registers", "a:-a,vcpu:l?", "[-a|vcpu]",
      "show the cpu registers (-a: all - this is the default if no CPU "
      "is selected)", hmp_info_registers },
};

static void hmp_cpus_register(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(hmp_cpus_info); i++) {
        hmp_register_info(&hmp_cpus_info[i]);
    }
}

type_init(hmp_cpus_register)
