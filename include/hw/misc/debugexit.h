/*
 * "isa-debug-exit": a guest write of v ends the process with exit status
 * (v << 1) | 1. See hw/misc/debugexit.c.
 */
#ifndef HW_MISC_DEBUGEXIT_H
#define HW_MISC_DEBUGEXIT_H

#define TYPE_ISA_DEBUG_EXIT "isa-debug-exit"

#endif
