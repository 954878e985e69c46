/*
 * exc-hvc: HVC and SMC at EL1 on QEMU's virt board without EL2/EL3,
 * where PSCI's conduit is HVC. QEMU hands every HVC to its PSCI
 * firmware: a function ID PSCI does not know (in or out of the PSCI
 * range) returns NOT_SUPPORTED (-1) in x0 with no exception taken, and
 * the HVC immediate does not matter. SMC (no EL3) is UNDEF.
 */
#include "lib.h"

static volatile unsigned count;
static volatile uint64_t esr, elr_off;
static uint64_t base;

static void handler(struct exc_regs *r, unsigned vector)
{
    count++;
    esr = r->esr;
    elr_off = r->elr - base;
    /* Resume after the routine's call. */
    r->elr = r->x[30];
}

/* x0 = function ID in, result out. */
#define HVC_ROUTINE(name, imm)                                           \
    __asm__(".text\n.global " #name "\n.type " #name ", %function\n"     \
            #name ":\n    hvc #" #imm "\n    ret\n");
HVC_ROUTINE(hvc_0, 0)
HVC_ROUTINE(hvc_99, 0x99)
__asm__(".text\n.global smc_0\n.type smc_0, %function\n"
        "smc_0:\n    smc #0\n    ret\n");

#pragma GCC visibility push(hidden)
extern uint64_t hvc_0(uint64_t), hvc_99(uint64_t), smc_0(uint64_t);
#pragma GCC visibility pop

static void try(const char *what, uint64_t (*fn)(uint64_t), uint64_t id)
{
    uint64_t ret;

    count = 0;
    base = (uint64_t)fn;
    ret = fn(id);
    if (count) {
        kprintf("%s x0=0x%lx: exception ec=0x%x iss=0x%x elr=+0x%lx\n",
                what, id, (unsigned)ESR_EC(esr), (unsigned)ESR_ISS(esr),
                elr_off);
    } else {
        kprintf("%s x0=0x%lx: no exception, x0=0x%lx\n", what, id, ret);
    }
}

int main(void)
{
    set_exc_handler(handler);
    try("hvc #0", hvc_0, 0x84000000);       /* PSCI_VERSION */
    try("hvc #0", hvc_0, 0x12345678);       /* not a PSCI function */
    try("hvc #0x99", hvc_99, 0x12345678);
    try("hvc #0", hvc_0, 0x8400ffff);       /* PSCI range, unknown */
    try("hvc #0", hvc_0, 0xc4000099);
    try("smc #0", smc_0, 0x84000000);
    kprintf("done\n");
    return 0;
}
