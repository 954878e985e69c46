/*
 * debug-watch: hardware watchpoints (DBGWVR/DBGWCR with MDSCR_EL1.MDE).
 * Each case arms comparator 0 over part of a 64-byte buffer (BAS bytes
 * or a MASK range; LSC load, store or both; PAC EL0/EL1), makes one
 * access at EL1 or EL0 and prints what the handler saw: EC, ISS (WnR),
 * FAR as an offset into the buffer, ELR as an offset into the routine,
 * and whether a store had already reached memory when the exception was
 * taken. Misaligned accesses show QEMU 7.2's softmmu: a load is checked
 * as the two aligned accesses around it, a store from its page start;
 * accesses that cross a page are checked as their aligned halves (loads)
 * or exactly (stores); the OS double lock masks watchpoints. The handler disables the
 * comparator and returns to ELR, so the access then completes; its
 * result is printed.
 */
#include "lib.h"

static struct {
    unsigned count, vector;
    uint64_t esr, elr, far, mem_at_hit, big_at_hit;
} seen;
static uint64_t el0_stack[512] __attribute__((aligned(16)));
uint8_t buf[128] __attribute__((aligned(64)));
uint8_t big[8192] __attribute__((aligned(4096)));     /* two pages */

static void handler(struct exc_regs *r, unsigned vector)
{
    seen.count++;
    seen.vector = vector;
    seen.esr = r->esr;
    seen.elr = r->elr;
    seen.far = r->far;
    memcpy(&seen.mem_at_hit, buf + 8, 8);
    memcpy(&seen.big_at_hit, big + 4092, 8);
    if (ESR_EC(r->esr) == 0x34 || ESR_EC(r->esr) == 0x35) {
        WRITE_SYSREG(dbgwcr0_el1, 0);
        ISB();
    } else {
        r->elr += 4;
    }
}

#define FUNC(name) ".global " #name "\n.type " #name ", %function\n" #name ":\n"

/* Access routines: x0 = address, x1 = value; result in x0. One access
 * each, at offset +4 from the routine (after a nop). */
uint64_t t_ldr8(uint64_t a);
uint64_t t_ldrb(uint64_t a);
uint64_t t_ldrw(uint64_t a);
uint64_t t_str8(uint64_t a, uint64_t v);
uint64_t t_strb(uint64_t a, uint64_t v);
uint64_t t_strw(uint64_t a, uint64_t v);
uint64_t t_ldp(uint64_t a);
uint64_t t_ldrq(uint64_t a);
void t_el0_load(void);
void t_el0_store(void);
uint64_t el0_addr, el0_result;

__asm__(
    ".text\n"
    ".balign 16\n"
    FUNC(t_ldr8) "nop\n ldr x0, [x0]\n ret\n"
    FUNC(t_ldrb) "nop\n ldrb w0, [x0]\n ret\n"
    FUNC(t_ldrw) "nop\n ldr w0, [x0]\n ret\n"
    FUNC(t_str8) "nop\n str x1, [x0]\n mov x0, #0\n ret\n"
    FUNC(t_strb) "nop\n strb w1, [x0]\n mov x0, #0\n ret\n"
    FUNC(t_strw) "nop\n str w1, [x0]\n mov x0, #0\n ret\n"
    FUNC(t_ldp) "nop\n ldp x2, x3, [x0]\n add x0, x2, x3\n ret\n"
    FUNC(t_ldrq) "nop\n ldr q0, [x0]\n fmov x0, d0\n ret\n"
    FUNC(t_el0_load)
    "    adrp x2, el0_addr\n"
    "    ldr x0, [x2, :lo12:el0_addr]\n"
    "    ldr x0, [x0]\n"
    "    str x0, [x2, :lo12:el0_result]\n"
    "    svc #0xff\n"
    FUNC(t_el0_store)
    "    adrp x2, el0_addr\n"
    "    ldr x0, [x2, :lo12:el0_addr]\n"
    "    mov x1, #0x77\n"
    "    str x1, [x0]\n"
    "    svc #0xff\n"
);

#define MDE (1u << 15)
#define KDE (1u << 13)
#define LD 1u
#define ST 2u
/* DBGWCR: E, PAC (bit 1: EL1, bit 2: EL0), LSC, BAS, MASK. */
#define WCR(pac, lsc, bas, mask) \
    (1u | (pac) << 1 | (lsc) << 3 | (bas) << 5 | (uint32_t)(mask) << 24)

static void fill(void)
{
    unsigned i;

    for (i = 0; i < sizeof(buf); i++) {
        buf[i] = i;
    }
}

static void arm(unsigned wvr_off, uint32_t wcr, uint64_t md)
{
    fill();
    WRITE_SYSREG(dbgwvr0_el1, (uint64_t)buf + wvr_off);
    WRITE_SYSREG(dbgwcr0_el1, wcr);
    WRITE_SYSREG(mdscr_el1, md);
    ISB();
}

static void disarm(void)
{
    WRITE_SYSREG(mdscr_el1, 0);
    WRITE_SYSREG(dbgwcr0_el1, 0);
    ISB();
}

static void report(const char *name, uint64_t base, uint64_t result)
{
    kprintf("%s: hits=%u", name, seen.count);
    if (seen.count) {
        kprintf(" ec=0x%x iss=0x%x far=+%ld elr=+%lu vec=0x%x mem=%016lx",
                (unsigned)ESR_EC(seen.esr), (unsigned)ESR_ISS(seen.esr),
                (long)(seen.far - (uint64_t)buf),
                (unsigned long)(seen.elr - base), seen.vector,
                (unsigned long)seen.mem_at_hit);
    }
    kprintf(" result=%016lx\n", (unsigned long)result);
    memset(&seen, 0, sizeof(seen));
}

typedef uint64_t access_fn(uint64_t a, uint64_t v);

static void el1_case(const char *name, unsigned wvr_off, uint32_t wcr,
                     uint64_t md, void *fn, unsigned off, int mask_d)
{
    uint64_t r;

    arm(wvr_off, wcr, md);
    if (mask_d) {
        __asm__ volatile("msr daifset, #8");
    } else {
        __asm__ volatile("msr daifclr, #8");
    }
    r = ((access_fn *)fn)((uint64_t)buf + off, 0xa5a5a5a5a5a5a5a5ULL);
    __asm__ volatile("msr daifset, #8");
    disarm();
    if (r == 0) {
        memcpy(&r, buf + 8, 8);     /* stores: what landed */
    }
    report(name, (uint64_t)fn, r);
}

static void el0_case(const char *name, unsigned wvr_off, uint32_t wcr,
                     uint64_t md, void (*fn)(void), unsigned off)
{
    arm(wvr_off, wcr, md);
    el0_addr = (uint64_t)buf + off;
    el0_result = 0;
    run_at_el0(fn, el0_stack + 512);
    disarm();
    if (el0_result == 0) {
        memcpy(&el0_result, buf + 8, 8);
    }
    report(name, (uint64_t)fn, el0_result);
}

/* An access that crosses from big's first page into its second. */
static void cross_case(const char *name, unsigned wvr_off, uint32_t wcr,
                       void *fn, unsigned off)
{
    uint64_t r;

    memset(big, 0x5a, sizeof(big));
    WRITE_SYSREG(dbgwvr0_el1, (uint64_t)big + wvr_off);
    WRITE_SYSREG(dbgwcr0_el1, wcr);
    WRITE_SYSREG(mdscr_el1, MDE | KDE);
    ISB();
    __asm__ volatile("msr daifclr, #8");
    r = ((access_fn *)fn)((uint64_t)big + off, 0x1122334455667788ULL);
    __asm__ volatile("msr daifset, #8");
    disarm();
    kprintf("%s: hits=%u", name, seen.count);
    if (seen.count) {
        kprintf(" ec=0x%x iss=0x%x far=+%ld", (unsigned)ESR_EC(seen.esr),
                (unsigned)ESR_ISS(seen.esr),
                (long)(seen.far - (uint64_t)big));
    }
    if (seen.count) {
        kprintf(" mem=%016lx", (unsigned long)seen.big_at_hit);
    }
    if (r == 0) {
        memcpy(&r, big + off, 8);
    }
    kprintf(" result=%016lx\n", (unsigned long)r);
    memset(&seen, 0, sizeof(seen));
}

int main(void)
{
    set_exc_handler(handler);
    WRITE_SYSREG(oslar_el1, 0);
    ISB();

    el1_case("ld bytes 8-11, ldr x @8", 8, WCR(3, LD, 0x0f, 0), MDE | KDE,
             t_ldr8, 8, 0);
    el1_case("ld bytes 8-11, ldr x @0 (straddle)", 8, WCR(3, LD, 0x0f, 0),
             MDE | KDE, t_ldr8, 0, 0);
    el1_case("ld bytes 8-11, ldr w @6 (straddle)", 8, WCR(3, LD, 0x0f, 0),
             MDE | KDE, t_ldrw, 6, 0);
    el1_case("ld bytes 8-11, ldrb @12", 8, WCR(3, LD, 0x0f, 0), MDE | KDE,
             t_ldrb, 12, 0);
    el1_case("ld bytes 12-15, ldrb @13", 8, WCR(3, LD, 0xf0, 0), MDE | KDE,
             t_ldrb, 13, 0);
    el1_case("ld bytes 10-11, ldrb @9", 8, WCR(3, LD, 0x0c, 0), MDE | KDE,
             t_ldrb, 9, 0);
    el1_case("ld bas gap 0x81, ldrb @11", 8, WCR(3, LD, 0x81, 0), MDE | KDE,
             t_ldrb, 11, 0);
    el1_case("ld bas gap 0x81, ldrb @8", 8, WCR(3, LD, 0x81, 0), MDE | KDE,
             t_ldrb, 8, 0);
    el1_case("ld wvr[2] bas 0xf0", 12, WCR(3, LD, 0xf0, 0), MDE | KDE,
             t_ldrb, 12, 0);
    el1_case("ld wvr[2] bas 0x03", 12, WCR(3, LD, 0x03, 0), MDE | KDE,
             t_ldrb, 13, 0);
    el1_case("ld watch, store", 8, WCR(3, LD, 0x0f, 0), MDE | KDE,
             t_str8, 8, 0);
    el1_case("st watch, store", 8, WCR(3, ST, 0x0f, 0), MDE | KDE,
             t_str8, 8, 0);
    el1_case("st watch, strb @11", 8, WCR(3, ST, 0x0f, 0), MDE | KDE,
             t_strb, 11, 0);
    el1_case("st watch, load", 8, WCR(3, ST, 0x0f, 0), MDE | KDE,
             t_ldr8, 8, 0);
    el1_case("ldst watch, store", 8, WCR(3, LD | ST, 0x0f, 0), MDE | KDE,
             t_str8, 8, 0);
    el1_case("lsc 0", 8, WCR(3, 0, 0x0f, 0), MDE | KDE, t_ldr8, 8, 0);
    el1_case("mask 32 @32, ldrb @60", 40, WCR(3, LD, 0, 5), MDE | KDE,
             t_ldrb, 60, 0);
    el1_case("mask 32 @32, ldrb @64", 40, WCR(3, LD, 0, 5), MDE | KDE,
             t_ldrb, 64, 0);
    el1_case("mask 1 (reserved)", 8, WCR(3, LD, 0, 1), MDE | KDE,
             t_ldrb, 8, 0);
    el1_case("mask wins over bas", 0, WCR(3, LD, 0x01, 4), MDE | KDE,
             t_ldrb, 15, 0);
    el1_case("ldp over bytes 8-11", 8, WCR(3, LD, 0x0f, 0), MDE | KDE,
             t_ldp, 0, 0);
    el1_case("ldp second half", 16, WCR(3, LD, 0x01, 0), MDE | KDE,
             t_ldp, 8, 0);
    el1_case("ldr q high half", 16, WCR(3, LD, 0x80, 0), MDE | KDE,
             t_ldrq, 16, 0);
    el1_case("pac el0 only, el1 load", 8, WCR(2, LD, 0x0f, 0), MDE | KDE,
             t_ldr8, 8, 0);
    el1_case("no kde", 8, WCR(3, LD, 0x0f, 0), MDE, t_ldr8, 8, 0);
    el1_case("D set", 8, WCR(3, LD, 0x0f, 0), MDE | KDE, t_ldr8, 8, 1);
    el1_case("no mde", 8, WCR(3, LD, 0x0f, 0), KDE, t_ldr8, 8, 0);
    el1_case("ssc 2", 8, WCR(3, LD, 0x0f, 0) | 2u << 14, MDE | KDE,
             t_ldr8, 8, 0);

    el1_case("unaligned: bytes 4-5, ldr w @6",
             4, WCR(3, LD, 0x03, 0), MDE | KDE,
             t_ldrw, 6, 0);
    el1_case("unaligned: bytes 12-13, ldr x @2",
             8, WCR(3, LD, 0x30, 0), MDE | KDE,
             t_ldr8, 2, 0);
    el1_case("unaligned: bytes 16, ldr x @2",
             16, WCR(3, LD, 0x01, 0), MDE | KDE,
             t_ldr8, 2, 0);
    el1_case("unaligned: st bytes 0-1, strw @6",
             0, WCR(3, ST, 0x03, 0), MDE | KDE,
             t_strw, 6, 0);
    el1_case("unaligned: st bytes 32-33, strw @6",
             32, WCR(3, ST, 0x03, 0), MDE | KDE,
             t_strw, 6, 0);
    el1_case("unaligned: st bytes 4-5, strw @6",
             0, WCR(3, ST, 0x30, 0), MDE | KDE,
             t_strw, 6, 0);
    el1_case("unaligned: st bytes 10-11, strw @6",
             8, WCR(3, ST, 0x0c, 0), MDE | KDE,
             t_strw, 6, 0);
    el1_case("unaligned: ld bytes 32-33, ldrw @6",
             32, WCR(3, LD, 0x03, 0), MDE | KDE,
             t_ldrw, 6, 0);
    WRITE_SYSREG(osdlr_el1, 1);
    el1_case("OS double lock set", 8, WCR(3, LD, 0x0f, 0), MDE | KDE,
             t_ldr8, 8, 0);
    WRITE_SYSREG(osdlr_el1, 0);
    cross_case("cross: ldr x @4092, bytes 4088-4089", 4088,
               WCR(3, LD, 0x03, 0), t_ldr8, 4092);
    cross_case("cross: ldr x @4092, bytes 4100-4101", 4096,
               WCR(3, LD, 0x30, 0), t_ldr8, 4092);
    cross_case("cross: ldr x @4092, byte 4104", 4104,
               WCR(3, LD, 0x01, 0), t_ldr8, 4092);
    cross_case("cross: str x @4092, bytes 4088-4089", 4088,
               WCR(3, ST, 0x03, 0), t_str8, 4092);
    cross_case("cross: str x @4092, byte 4097", 4096,
               WCR(3, ST, 0x02, 0), t_str8, 4092);
    cross_case("cross: str x @4092, byte 4094", 4088,
               WCR(3, ST, 0x40, 0), t_str8, 4092);

    el0_case("el0 load", 8, WCR(2, LD, 0x0f, 0), MDE, t_el0_load, 8);
    el0_case("el0 load pac el1", 8, WCR(1, LD, 0x0f, 0), MDE, t_el0_load, 8);
    el0_case("el0 store", 8, WCR(3, ST, 0xff, 0), MDE, t_el0_store, 8);
    el0_case("el0 store miss", 8, WCR(3, ST, 0x0f, 0), MDE, t_el0_store, 16);
    kprintf("done\n");
    return 0;
}
