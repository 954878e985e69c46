/* The MMU with the 16K granule: TTBR0 48-bit (walk from level 0, a
 * two-entry table), TTBR1 36-bit (from level 2). cortex-a57 has no 16K
 * granule (ID_AA64MMFR0.TGran16 = 0): the program then says so and stops;
 * run it with -cpu max for the full test. See mmu-common.h. */
#define NAME "mmu-16k"
#define GSHIFT 14
#define T0SZ 16
#define T1SZ 28
#define TG0 2
#define TG1 1
#define GRANULE_SUPPORTED(mmfr0) ((((mmfr0) >> 20) & 0xf) != 0)
#include "mmu-common.h"
