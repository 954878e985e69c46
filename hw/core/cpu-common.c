/*
 * TYPE_CPU: the target-independent vCPU. Abstract; it owns the index, the
 * address space, the run-state flags and the wrappers that call the
 * target's CPUClass hooks. Interface: include/hw/core/cpu.h.
 */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"

/* Every realized CPU, by index (vCPUs are few; an array is enough). */
static GPtrArray *cpu_list;
static int cpu_next_index;

void cpu_reset(CPUState *cpu)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    cpu->halted = false;
    cpu->exception_index = -1;
    __atomic_store_n(&cpu->interrupt_request, 0, __ATOMIC_SEQ_CST);
    if (cc->reset) {
        cc->reset(cpu);
    }
}

void cpu_dump_state(CPUState *cpu, GString *out)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    if (cc->dump_state) {
        cc->dump_state(cpu, out);
    }
}

uint64_t cpu_get_pc(CPUState *cpu)
{
    return CPU_GET_CLASS(cpu)->get_pc(cpu);
}

void cpu_set_pc(CPUState *cpu, uint64_t pc)
{
    CPU_GET_CLASS(cpu)->set_pc(cpu, pc);
}

bool cpu_has_work(CPUState *cpu)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    return cc->has_work ? cc->has_work(cpu) : false;
}

void cpu_exit(CPUState *cpu)
{
    __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_SEQ_CST);
}

static void (*cpu_kick_handler)(CPUState *cpu);

void cpu_set_kick_handler(void (*fn)(CPUState *cpu))
{
    cpu_kick_handler = fn;
}

void cpu_interrupt(CPUState *cpu, uint32_t mask)
{
    __atomic_fetch_or(&cpu->interrupt_request, mask, __ATOMIC_SEQ_CST);
    if (cpu_kick_handler) {
        cpu_kick_handler(cpu);
    }
}

void cpu_reset_interrupt(CPUState *cpu, uint32_t mask)
{
    __atomic_fetch_and(&cpu->interrupt_request, ~mask, __ATOMIC_SEQ_CST);
}

CPUState *qemu_get_cpu(int index)
{
    guint i;

    for (i = 0; cpu_list && i < cpu_list->len; i++) {
        CPUState *cpu = g_ptr_array_index(cpu_list, i);
        if (cpu->cpu_index == index) {
            return cpu;
        }
    }
    return NULL;
}

static bool cpu_common_realize(DeviceState *dev, Error **errp)
{
    CPUState *cpu = CPU(dev);

    if (!cpu->as) {
        cpu->as = &address_space_memory;
    }
    if (!cpu_list) {
        cpu_list = g_ptr_array_new();
    }
    g_ptr_array_add(cpu_list, cpu);
    cpu_reset(cpu);
    return true;
}

static void cpu_common_unrealize(DeviceState *dev)
{
    g_ptr_array_remove(cpu_list, dev);
}

static void cpu_common_device_reset(DeviceState *dev)
{
    cpu_reset(CPU(dev));
}

static void cpu_common_init(Object *obj)
{
    CPUState *cpu = CPU(obj);

    cpu->cpu_index = cpu_next_index++;
    cpu->exception_index = -1;
    memset(cpu->tlb.table, 0xff, sizeof(cpu->tlb.table));
}

static void cpu_common_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = cpu_common_realize;
    dc->unrealize = cpu_common_unrealize;
    dc->reset = cpu_common_device_reset;
    device_class_set_category(dc, DEVICE_CATEGORY_CPU);
    dc->user_creatable = false;
}

static const TypeInfo cpu_type_info = {
    .name = TYPE_CPU,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(CPUState),
    .instance_init = cpu_common_init,
    .abstract = true,
    .class_size = sizeof(CPUClass),
    .class_init = cpu_common_class_init,
};

static void cpu_register_types(void)
{
    type_register_static(&cpu_type_info);
}

type_init(cpu_register_types)
