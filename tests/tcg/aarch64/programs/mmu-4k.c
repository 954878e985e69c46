/* The MMU with the 4K granule: TTBR0 39-bit (walk from level 1), TTBR1
 * 48-bit (from level 0). See mmu-common.h. */
#define NAME "mmu-4k"
#define GSHIFT 12
#define T0SZ 25
#define T1SZ 16
#define TG0 0
#define TG1 2
#define GRANULE_SUPPORTED(mmfr0) ((((mmfr0) >> 28) & 0xf) != 0xf)
#include "mmu-common.h"
