/*
 * lib.h: the runtime of the bare-metal test programs (crt0.S + lib.c).
 * Output goes to the virt board's PL011; the program ends with PSCI
 * SYSTEM_OFF. See README.md for the build and run commands.
 */
#ifndef PROGTEST_LIB_H
#define PROGTEST_LIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void kputc(char c);
void kputs(const char *s);     /* no newline added */
/* %s %c %d %u %x %lx %lu %ld %016lx %08x %p %% (flags: '0', width, 'l') */
void kprintf(const char *fmt, ...);
void psci_off(void) __attribute__((noreturn));

/* What the vector entry saved; a handler may change any of it. */
struct exc_regs {
    uint64_t x[31];
    uint64_t sp_el0, elr, spsr, esr, far;
};

/*
 * vector: the entry's offset in the table: 0x000 sync, 0x080 IRQ,
 * 0x100 FIQ, 0x180 SError, plus 0x000 (current EL, SP_EL0), 0x200
 * (current EL, SP_ELx), 0x400 (lower EL, AArch64) or 0x600 (AArch32).
 */
typedef void exc_handler_fn(struct exc_regs *r, unsigned vector);
/* NULL restores the default: print the exception and power off. */
void set_exc_handler(exc_handler_fn *fn);

/*
 * ERET to fn at EL0 (EL0t, DAIF clear) with SP_EL0 = stack_top; fn ends
 * with SVC #0xff, which returns here at EL1 (DAIF as before the call).
 */
void run_at_el0(void (*fn)(void), void *stack_top);

/* Exception classes (ESR_EL1.EC) the programs meet most. */
#define ESR_EC(esr)         (((esr) >> 26) & 0x3f)
#define ESR_ISS(esr)        ((esr) & 0x1ffffff)
#define EC_UNKNOWN          0x00
#define EC_SVC64            0x15
#define EC_HVC64            0x16
#define EC_SYSREG           0x18
#define EC_INSN_ABORT_LOW   0x20
#define EC_INSN_ABORT       0x21
#define EC_PC_ALIGN         0x22
#define EC_DATA_ABORT_LOW   0x24
#define EC_DATA_ABORT       0x25
#define EC_SP_ALIGN         0x26
#define EC_ILLEGAL_STATE    0x0e
#define EC_BRK64            0x3c

/* GCC may emit calls to these even in freestanding code. */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#define READ_SYSREG(name) ({ uint64_t v_; \
    __asm__ volatile("mrs %0, " #name : "=r"(v_)); v_; })
#define WRITE_SYSREG(name, v) \
    __asm__ volatile("msr " #name ", %0" : : "r"((uint64_t)(v)) : "memory")
#define ISB() __asm__ volatile("isb" : : : "memory")

#endif
