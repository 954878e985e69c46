/* placeholder: to be written (see include/hw/i386/x86-boot.h) */
#include "qemu/osdep.h"
#include "hw/i386/x86-boot.h"

bool x86_load_kernel(PCMachineState *pcms, MachineState *ms, Error **errp)
{
    error_setg(errp, "-kernel: not supported by Kestrel yet on the pc board");
    return false;
}
