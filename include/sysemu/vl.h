/* The emulator's top level (softmmu/vl.c). */
#ifndef SYSEMU_VL_H
#define SYSEMU_VL_H

#include "qemu/osdep.h"

/* Parse the command line and build the machine; exits 1 on bad input. */
void qemu_init(int argc, char **argv);
/* Run until shutdown; returns the process exit status. */
int qemu_main_loop_run(void);

#endif
