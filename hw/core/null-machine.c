/*
 * "none": the empty machine. No CPUs, no devices; RAM only when -m (or
 * -machine memory-backend) asks for it, mapped at address 0 as "ram".
 * Useful to probe device models and the monitor without a guest.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"

static void null_machine_init(MachineState *ms)
{
    /* init() has no error channel: a bad -m or backend ends the run,
     * reported the usual way by error_fatal. */
    if (!machine_create_ram(ms, &error_fatal)) {
        return;
    }
    if (ms->ram) {
        memory_region_add_subregion(get_system_memory(), 0, ms->ram);
    }
}

static void null_machine_class_init(ObjectClass *klass, void *data)
{
    MachineClass *mc = MACHINE_CLASS(klass);

    mc->name = "none";
    mc->desc = "empty machine";
    mc->init = null_machine_init;
    mc->max_cpus = 1;
    mc->min_cpus = 0;
    mc->default_cpus = 0;
    mc->default_ram_size = 0;
    mc->default_ram_id = "ram";
    mc->no_serial = true;
    mc->no_parallel = true;
    mc->no_floppy = true;
    mc->no_cdrom = true;
    mc->no_sdcard = true;
    mc->default_nic_none = true;
}

static const TypeInfo null_machine_type_info = {
    .name = MACHINE_TYPE_NAME("none"),
    .parent = TYPE_MACHINE,
    .class_init = null_machine_class_init,
};

static void null_machine_register_types(void)
{
    type_register_static(&null_machine_type_info);
}

type_init(null_machine_register_types)
