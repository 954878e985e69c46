/* The command-line option table (softmmu/vl-options.c). */
#ifndef SOFTMMU_VL_OPTIONS_H
#define SOFTMMU_VL_OPTIONS_H

#include "qemu/osdep.h"

enum {
    QEMU_OPTION_h,
    QEMU_OPTION_version,
    QEMU_OPTION_machine,
    QEMU_OPTION_cpu,
    QEMU_OPTION_accel,
    QEMU_OPTION_enable_kvm,
    QEMU_OPTION_smp,
    QEMU_OPTION_m,
    QEMU_OPTION_name,
    QEMU_OPTION_uuid,
    QEMU_OPTION_kernel,
    QEMU_OPTION_initrd,
    QEMU_OPTION_append,
    QEMU_OPTION_dtb,
    QEMU_OPTION_bios,
    QEMU_OPTION_S,
    QEMU_OPTION_s,
    QEMU_OPTION_gdb,
    QEMU_OPTION_no_reboot,
    QEMU_OPTION_no_shutdown,
    QEMU_OPTION_nodefaults,
    QEMU_OPTION_no_user_config,
    QEMU_OPTION_device,
    QEMU_OPTION_object,
    QEMU_OPTION_chardev,
    QEMU_OPTION_serial,
    QEMU_OPTION_monitor,
    QEMU_OPTION_mon,
    QEMU_OPTION_nographic,
    QEMU_OPTION_display,
    QEMU_OPTION_d,
    QEMU_OPTION_D,
    QEMU_OPTION_msg,
    QEMU_OPTION_rtc,
};

typedef struct QEMUOption {
    const char *name;
    bool has_arg;
    int index;
    const char *help;       /* NULL: not listed by -h */
} QEMUOption;

const QEMUOption *qemu_option_find(const char *name);
/* A QEMU option Kestrel does not implement yet. */
bool qemu_option_is_qemu_only(const char *name, bool *has_arg);
void qemu_print_help(const char *progname);

#endif
