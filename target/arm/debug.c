/*
 * STUB, to be replaced by its owner this session: the debug architecture (breakpoints, watchpoints, software step).
 */
#include "qemu/osdep.h"
#include "translate.h"
#include "sysreg.h"
#include "internals.h"

void arm_sysregs_register_debug(void)
{
}
