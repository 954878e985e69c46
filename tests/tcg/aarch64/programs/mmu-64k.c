/* The MMU with the 64K granule: TTBR0 42-bit (walk from level 2), TTBR1
 * 48-bit (from level 1). See mmu-common.h. */
#define NAME "mmu-64k"
#define GSHIFT 16
#define T0SZ 22
#define T1SZ 16
#define TG0 1
#define TG1 3
#define GRANULE_SUPPORTED(mmfr0) ((((mmfr0) >> 24) & 0xf) != 0xf)
#include "mmu-common.h"
