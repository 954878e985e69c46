/*
 * Machines (boards). A MachineClass names a board, describes it for -M help
 * and builds it in init(). The machine object is /machine; -M/-machine
 * options other than the type are its properties.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "qom/object.h"
#include "exec/memory.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

typedef struct CpuTopology {
    unsigned int cpus;
    unsigned int sockets;
    unsigned int dies;
    unsigned int cores;
    unsigned int threads;
    unsigned int max_cpus;
} CpuTopology;

struct MachineClass {
    ObjectClass parent_class;
    const char *name;                 /* "pc", "virt", "none" */
    const char *alias;                /* "pc" for "pc-i440fx-7.2" */
    const char *desc;                 /* for -M help */
    bool is_default;                  /* the target's default board */
    void (*init)(MachineState *ms);
    void (*reset)(MachineState *ms);
    unsigned max_cpus;
    unsigned min_cpus;
    unsigned default_cpus;
    const char *default_cpu_type;
    const char *const *valid_cpu_types; /* NULL: any */
    uint64_t default_ram_size;        /* 0: no RAM unless -m */
    const char *default_ram_id;       /* "pc.ram", "mach-virt.ram" */
    bool no_serial, no_parallel, no_floppy, no_cdrom, no_sdcard;
    bool default_nic_none;
};

struct MachineState {
    Object parent_obj;
    /* Set from the command line before init. */
    char *kernel_filename;
    char *initrd_filename;
    char *kernel_cmdline;
    char *dtb;
    char *firmware;                   /* -bios */
    char *dumpdtb;
    char *memdev_id;                  /* -machine memory-backend=ID */
    uint64_t ram_size;                /* -m; 0 means none */
    bool ram_size_given;
    CpuTopology smp;
    char *cpu_type;                   /* -cpu model, resolved by the board */
    char *accel;                      /* -machine accel= (vl.c reads it) */
    /* Set by the machine core. */
    MemoryRegion *ram;                /* the board's main RAM, or NULL */
};

MachineClass *find_default_machine(void);
/* By name or alias; NULL if none. */
MachineClass *machine_class_by_name(const char *name);
/* -M help: "Supported machines are:" then "name  desc" lines. */
void machine_print_list(FILE *f);
/* Global machine, set by vl.c once created. */
extern MachineState *current_machine;
/*
 * Create the RAM region for ms->ram_size (or take -machine memory-backend),
 * named after mc->default_ram_id. Boards call this from init.
 */
bool machine_create_ram(MachineState *ms, Error **errp);

#endif
