/*
 * GICv3 ("arm-gicv3"): distributor and redistributor registers through
 * guest-physical accesses, the ICC_* system registers through target/arm's
 * registry (arm_sysreg_find + arm_sysreg_read/write), with three
 * cortex-a57 CPUs of which the GIC serves two, and catchers on the
 * IRQ/FIQ outputs. Reset values are those Debian's QEMU 7.2 shows for
 * -M virt,gic-version=3 (monitor "xp" on the distributor/redistributor:
 * GICD_CTLR 0x50, IIDR 0x43b, PIDR2 0x3b, GICR_WAKER 0x6, ICFGR0
 * 0xaaaaaaaa), except that LPIs are absent here.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "hw/sysbus.h"
#include "hw/intc/arm_gicv3.h"
#include "sysemu/cpus.h"
#include "target/arm/cpu.h"
#include "target/arm/sysreg.h"
#include "exec/tcg-lite.h"

#define NUM_CPU 2
#define NUM_IRQ 96
#define NSPI (NUM_IRQ - 32)

#define DIST_BASE 0x08000000ULL
#define RAM_BASE 0x40000000ULL
#define CODE_BASE 0x40080000ULL
#define REDIST_BASE 0x080a0000ULL

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IIDR 0x0008
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ISPENDR 0x0200
#define GICD_ISACTIVER 0x0300
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR 0x0800
#define GICD_ICFGR 0x0c00
#define GICD_IROUTER 0x6000

#define GICR_CTLR 0x0000
#define GICR_IIDR 0x0004
#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_PROPBASER 0x0070
#define GICR_SGI 0x10000
#define GICR_IGROUPR0 (GICR_SGI + 0x0080)
#define GICR_ISENABLER0 (GICR_SGI + 0x0100)
#define GICR_ICENABLER0 (GICR_SGI + 0x0180)
#define GICR_ISPENDR0 (GICR_SGI + 0x0200)
#define GICR_ISACTIVER0 (GICR_SGI + 0x0300)
#define GICR_IPRIORITYR (GICR_SGI + 0x0400)
#define GICR_ICFGR0 (GICR_SGI + 0x0c00)

static DeviceState *gic;
static MemoryRegion ram;
static qemu_irq *catchers;     /* the outputs' catchers, kept for the run */
static CPUState *cpus[NUM_CPU + 1];
static int out_level[4 * NUM_CPU];

/* Record each output and, as the virt board does, drive the CPU's line. */
static void catch_irq(void *opaque, int n, int level)
{
    out_level[n] = level;
    if (n < 2 * NUM_CPU) {
        qemu_set_irq(qdev_get_gpio_in(DEVICE(cpus[n % NUM_CPU]),
                                      n < NUM_CPU ? ARM_CPU_IRQ : ARM_CPU_FIQ),
                     level);
    }
}

static int irq_out(int cpu)
{
    return out_level[cpu];
}

static int fiq_out(int cpu)
{
    return out_level[NUM_CPU + cpu];
}

static uint64_t rd(hwaddr addr, unsigned size)
{
    uint64_t v = 0;

    g_assert_cmpint(address_space_read(&address_space_memory, addr, &v,
                                       size), ==, MEMTX_OK);
    return v;
}

static void wr(hwaddr addr, uint64_t v, unsigned size)
{
    g_assert_cmpint(address_space_write(&address_space_memory, addr, &v,
                                        size), ==, MEMTX_OK);
}

static hwaddr redist(int cpu, unsigned off)
{
    return REDIST_BASE + (hwaddr)GICV3_REDIST_SIZE * cpu + off;
}

static void gpio(int n, int level)
{
    qemu_set_irq(qdev_get_gpio_in(gic, n), level);
}

/* ICC_* registers by name: op0 3, op1 0, CRn, CRm, op2. */
typedef struct ICCReg {
    unsigned crn, crm, op2;
} ICCReg;

static const ICCReg PMR = { 4, 6, 0 };
static const ICCReg IAR0 = { 12, 8, 0 };
static const ICCReg EOIR0 = { 12, 8, 1 };
static const ICCReg BPR0 = { 12, 8, 3 };
static const ICCReg AP1R0 = { 12, 9, 0 };
static const ICCReg DIR_ = { 12, 11, 1 };
static const ICCReg RPR = { 12, 11, 3 };
static const ICCReg SGI1R = { 12, 11, 5 };
static const ICCReg SGI0R = { 12, 11, 7 };
static const ICCReg IAR1 = { 12, 12, 0 };
static const ICCReg EOIR1 = { 12, 12, 1 };
static const ICCReg HPPIR1 = { 12, 12, 2 };
static const ICCReg BPR1 = { 12, 12, 3 };
static const ICCReg CTLR = { 12, 12, 4 };
static const ICCReg SRE = { 12, 12, 5 };
static const ICCReg IGRPEN0 = { 12, 12, 6 };
static const ICCReg IGRPEN1 = { 12, 12, 7 };

static const ARMSysReg *icc(ICCReg r)
{
    const ARMSysReg *ri = arm_sysreg_find(3, 0, r.crn, r.crm, r.op2);

    g_assert(ri);
    g_assert(ri->needs_bql);
    return ri;
}

static uint64_t icc_rd(int cpu, ICCReg r)
{
    return arm_sysreg_read(cpu_env(cpus[cpu]), icc(r));
}

static void icc_wr(int cpu, ICCReg r, uint64_t v)
{
    arm_sysreg_write(cpu_env(cpus[cpu]), icc(r), v);
}

static uint32_t affinity(int cpu)
{
    uint64_t mp = ARM_CPU(cpus[cpu])->mp_affinity;

    return (mp & 0xffffff) | ((mp >> 32) & 0xff) << 24;
}

/* Reset; distributor and both CPU interfaces on for both groups, as
 * Linux sets them up (all interrupts Group 1). */
static void setup_basic(void)
{
    int c;

    device_cold_reset(gic);
    wr(DIST_BASE + GICD_CTLR, 0x13, 4);
    for (c = 0; c < NUM_CPU; c++) {
        wr(redist(c, GICR_WAKER), 0, 4);
        wr(redist(c, GICR_IGROUPR0), 0xffffffff, 4);
        icc_wr(c, PMR, 0xff);
        icc_wr(c, IGRPEN0, 1);
        icc_wr(c, IGRPEN1, 1);
    }
    wr(DIST_BASE + GICD_IGROUPR + 4, 0xffffffff, 4);
    wr(DIST_BASE + GICD_IGROUPR + 8, 0xffffffff, 4);
}

static void spi_route(unsigned intid, int cpu, uint8_t prio)
{
    wr(DIST_BASE + GICD_IROUTER + 8 * intid, affinity(cpu), 8);
    wr(DIST_BASE + GICD_IPRIORITYR + intid, prio, 1);
    wr(DIST_BASE + GICD_ISENABLER + intid / 32 * 4, 1u << (intid % 32), 4);
}

static void test_id_regs(void)
{
    uint64_t typer0, typer1;

    device_cold_reset(gic);
    g_assert_cmphex(rd(DIST_BASE + GICD_CTLR, 4), ==, 0x50);
    wr(DIST_BASE + GICD_CTLR, 0, 4);            /* ARE, DS stay set */
    g_assert_cmphex(rd(DIST_BASE + GICD_CTLR, 4), ==, 0x50);
    g_assert_cmphex(rd(DIST_BASE + GICD_TYPER, 4), ==,
                    0x03780000 | (NSPI / 32 - 1));
    g_assert_cmphex(rd(DIST_BASE + GICD_IIDR, 4), ==, 0x43b);
    g_assert_cmphex(rd(DIST_BASE + 0xffe8, 4), ==, 0x3b);
    g_assert_cmphex(rd(redist(1, 0xffe8), 4), ==, 0x3b);
    g_assert_cmphex(rd(redist(0, GICR_IIDR), 4), ==, 0x43b);

    /* GICR_TYPER: affinity, processor number, Last on the final one. */
    typer0 = rd(redist(0, GICR_TYPER), 8);
    typer1 = rd(redist(1, GICR_TYPER), 8);
    g_assert_cmphex(typer0, ==, (uint64_t)affinity(0) << 32 | 1u << 24);
    g_assert_cmphex(typer1, ==, (uint64_t)affinity(1) << 32 | 1u << 24 |
                    1u << 8 | 1u << 4);
    g_assert_cmphex(rd(redist(1, GICR_TYPER + 4), 4), ==, affinity(1));

    /* The wake-up handshake Linux does. */
    g_assert_cmphex(rd(redist(0, GICR_WAKER), 4), ==, 6);
    wr(redist(0, GICR_WAKER), 0, 4);
    g_assert_cmphex(rd(redist(0, GICR_WAKER), 4), ==, 0);
    wr(redist(0, GICR_WAKER), 2, 4);
    g_assert_cmphex(rd(redist(0, GICR_WAKER), 4), ==, 6);

    /* PROPBASER is storage; LPIs stay off. */
    wr(redist(1, GICR_PROPBASER), 0x1234567890ULL, 8);
    g_assert_cmphex(rd(redist(1, GICR_PROPBASER), 8), ==, 0x1234567890ULL);
    wr(redist(1, GICR_CTLR), 1, 4);
    g_assert_cmphex(rd(redist(1, GICR_CTLR), 4), ==, 2);    /* CES */

    g_assert_cmphex(rd(redist(0, GICR_ICFGR0), 4), ==, 0xaaaaaaaa);
    /* Priorities keep all eight bits and IROUTER every bit written, as
     * QEMU shows; the CPU interface masks to its five bits. */
    wr(redist(0, GICR_IPRIORITYR), 0xff, 1);
    g_assert_cmphex(rd(redist(0, GICR_IPRIORITYR), 4), ==, 0xff);
    wr(DIST_BASE + GICD_IROUTER + 8 * 32, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_IROUTER + 8 * 32, 4), ==,
                    0xffffffff);
    /* ARE: GICD registers of INTIDs 0-31 are RAZ/WI, ITARGETSR too. */
    wr(DIST_BASE + GICD_ISENABLER, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISENABLER, 4), ==, 0);
    g_assert_cmphex(rd(redist(0, GICR_ISENABLER0), 4), ==, 0);
    wr(DIST_BASE + GICD_ITARGETSR + 32, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ITARGETSR + 32, 4), ==, 0);
}

static void test_icc_regs(void)
{
    device_cold_reset(gic);
    g_assert_cmphex(icc_rd(0, SRE), ==, 7);
    icc_wr(0, SRE, 0);
    g_assert_cmphex(icc_rd(0, SRE), ==, 7);
    /* A3V, IDbits 1, PRIbits 4 (five bits), as QEMU 7.2. */
    g_assert_cmphex(icc_rd(0, CTLR), ==, 0x8c00);
    icc_wr(0, CTLR, 0xffff);
    g_assert_cmphex(icc_rd(0, CTLR), ==, 0x8c03);
    g_assert_cmphex(icc_rd(0, BPR1), ==, 3);       /* CBPR: BPR0 + 1 */
    g_assert_cmphex(icc_rd(1, CTLR), ==, 0x8c00);   /* per CPU */
    icc_wr(0, CTLR, 0);
    icc_wr(0, PMR, 0xff);
    g_assert_cmphex(icc_rd(0, PMR), ==, 0xf8);
    /* Linux's group-0 probe: the lowest non-zero priority sticks. */
    icc_wr(0, PMR, 1u << (8 - 5));
    g_assert_cmphex(icc_rd(0, PMR), ==, 0x08);
    g_assert_cmphex(icc_rd(0, BPR0), ==, 2);
    g_assert_cmphex(icc_rd(0, BPR1), ==, 3);
    icc_wr(0, BPR1, 0);
    g_assert_cmphex(icc_rd(0, BPR1), ==, 3);
    icc_wr(0, BPR1, 5);
    g_assert_cmphex(icc_rd(0, BPR1), ==, 5);
    g_assert_cmphex(icc_rd(0, RPR), ==, 0xff);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 1023);
    g_assert_cmphex(icc_rd(0, IGRPEN1), ==, 0);
    icc_wr(0, IGRPEN1, 1);
    g_assert_cmphex(icc_rd(0, IGRPEN1), ==, 1);
    g_assert_cmphex(icc_rd(0, IGRPEN0), ==, 0);
    /* The CPU advertises the system register interface. */
    g_assert_cmphex((ARM_CPU(cpus[0])->isar.id_aa64pfr0 >> 24) & 0xf, ==, 1);
}

/* A CPU the GIC does not serve has no CPU interface: UNDEF. */
static void test_icc_undef(void)
{
    const ARMSysReg *ri = icc(IAR1);

    g_assert(ri->accessfn);
    g_assert_cmpint(ri->accessfn(cpu_env(cpus[NUM_CPU]), ri, true), ==,
                    ARM_ACCESS_UNDEF);
    g_assert_cmpint(ri->accessfn(cpu_env(cpus[0]), ri, true), ==,
                    ARM_ACCESS_OK);
}

static void test_spi_routing(void)
{
    setup_basic();
    spi_route(40, 1, 0x80);
    g_assert_cmphex(rd(DIST_BASE + GICD_IROUTER + 8 * 40, 8), ==,
                    affinity(1));
    gpio(40 - 32, 1);
    g_assert_cmpint(irq_out(1), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmpint(fiq_out(1), ==, 0);
    g_assert_cmphex(icc_rd(1, HPPIR1), ==, 40);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 1023);
    g_assert_cmphex(icc_rd(1, IAR0), ==, 1023);     /* wrong group */
    g_assert_cmphex(icc_rd(1, IAR1), ==, 40);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmphex(icc_rd(1, RPR), ==, 0x80);
    g_assert_cmphex(icc_rd(1, AP1R0), ==, 1u << (0x80 >> 3));
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 1u << 8);
    gpio(40 - 32, 0);
    icc_wr(1, EOIR1, 40);
    g_assert_cmphex(icc_rd(1, RPR), ==, 0xff);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 0);
    g_assert_cmpint(irq_out(1), ==, 0);

    /* Re-route to CPU 0 while pending (edge this time). */
    wr(DIST_BASE + GICD_ICFGR + 8, 2u << 16, 4);
    gpio(40 - 32, 1);
    gpio(40 - 32, 0);
    g_assert_cmpint(irq_out(1), ==, 1);
    wr(DIST_BASE + GICD_IROUTER + 8 * 40, affinity(0), 8);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmpint(irq_out(0), ==, 1);
    /* IRM: any CPU may take it; the first acknowledge wins. */
    wr(DIST_BASE + GICD_IROUTER + 8 * 40, 1ull << 31, 8);
    g_assert_cmpint(irq_out(0) & irq_out(1), ==, 1);
    g_assert_cmphex(icc_rd(1, IAR1), ==, 40);
    g_assert_cmpint(irq_out(0) | irq_out(1), ==, 0);
    icc_wr(1, EOIR1, 40);
    /* An affinity no CPU has: nobody. */
    wr(DIST_BASE + GICD_IROUTER + 8 * 40, 0x7f0000, 8);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 8, 4);
    g_assert_cmpint(irq_out(0) | irq_out(1), ==, 0);
}

static void test_ppi(void)
{
    int timer = NSPI + 0 * 32 + 27;

    setup_basic();
    wr(redist(0, GICR_IPRIORITYR + 27), 0xa0, 1);
    wr(redist(0, GICR_ISENABLER0), 1u << 27, 4);
    gpio(timer, 1);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmphex(rd(redist(0, GICR_ISPENDR0), 4), ==, 1u << 27);
    g_assert_cmphex(rd(redist(1, GICR_ISPENDR0), 4), ==, 0);
    /* Masked by PMR at the same priority. */
    icc_wr(0, PMR, 0xa0);
    g_assert_cmpint(irq_out(0), ==, 0);
    icc_wr(0, PMR, 0xff);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 27);
    gpio(timer, 0);
    icc_wr(0, EOIR1, 27);
    g_assert_cmpint(irq_out(0), ==, 0);
    wr(redist(0, GICR_ICENABLER0), 1u << 27, 4);
    gpio(timer, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    gpio(timer, 0);
}

static void test_sgi(void)
{
    uint64_t aff1 = affinity(1);
    int c;

    setup_basic();
    for (c = 0; c < NUM_CPU; c++) {
        wr(redist(c, GICR_ISENABLER0), 0xffff, 4);
    }
    /* CPU 0 -> CPU 1 by target list: SGI 5. */
    icc_wr(0, SGI1R, 5ull << 24 | ((aff1 >> 8) & 0xff) << 16 |
           1u << (aff1 & 0xf));
    g_assert_cmpint(irq_out(1), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(icc_rd(1, IAR1), ==, 5);
    icc_wr(1, EOIR1, 5);
    g_assert_cmpint(irq_out(1), ==, 0);
    /* A list naming no CPU (other Aff1): nothing. */
    icc_wr(0, SGI1R, 5ull << 24 | 0x42u << 16 | 0xffff);
    g_assert_cmpint(irq_out(0) | irq_out(1), ==, 0);
    /* IRM: every CPU but the sender. */
    icc_wr(1, SGI1R, 1ull << 40 | 2ull << 24);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 2);
    icc_wr(0, EOIR1, 2);
    /* SGI0R pends only Group 0 SGIs: SGI 1 is Group 1 here... */
    icc_wr(1, SGI0R, 1ull << 40 | 1ull << 24);
    g_assert_cmpint(irq_out(0) | fiq_out(0), ==, 0);
    /* ... make it Group 0 and it arrives as an FIQ. */
    wr(redist(0, GICR_IGROUPR0), 0xfffffffd, 4);
    icc_wr(1, SGI0R, 1ull << 40 | 1ull << 24);
    g_assert_cmpint(fiq_out(0), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 1023);
    g_assert_cmphex(icc_rd(0, IAR0), ==, 1);
    g_assert_cmpint(fiq_out(0), ==, 0);
    icc_wr(0, EOIR0, 1);
    g_assert_cmphex(icc_rd(0, RPR), ==, 0xff);
}

static void test_preemption(void)
{
    setup_basic();
    spi_route(50, 0, 0x80);
    spi_route(51, 0, 0x40);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 18, 4);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 50);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 19, 4);
    /* BPR1 3: group priority bits 7:3, so 0x40 preempts 0x80. */
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 51);
    g_assert_cmphex(icc_rd(0, RPR), ==, 0x40);
    icc_wr(0, EOIR1, 51);
    g_assert_cmphex(icc_rd(0, RPR), ==, 0x80);
    icc_wr(0, EOIR1, 50);
    /* BPR1 7: one group priority (bit 7); 0x40 and 0x80 differ there... */
    icc_wr(0, BPR1, 7);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 18, 4);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 50);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 19, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 51);
    icc_wr(0, EOIR1, 51);
    icc_wr(0, EOIR1, 50);
    /* ... but 0x40 and 0x60 do not. */
    wr(DIST_BASE + GICD_IPRIORITYR + 50, 0x60, 1);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 18, 4);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 50);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 19, 4);
    g_assert_cmpint(irq_out(0), ==, 0);
    icc_wr(0, EOIR1, 50);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 51);
    icc_wr(0, EOIR1, 51);
    g_assert_cmpint(irq_out(0), ==, 0);
}

static void test_eoimode(void)
{
    setup_basic();
    icc_wr(0, CTLR, 2);                             /* EOImode 1 */
    spi_route(60, 0, 0x80);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 28, 4);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 60);
    icc_wr(0, EOIR1, 60);
    g_assert_cmphex(icc_rd(0, RPR), ==, 0xff);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 1u << 28);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 28, 4);
    g_assert_cmpint(irq_out(0), ==, 0);
    icc_wr(0, DIR_, 60);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 0);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(icc_rd(0, IAR1), ==, 60);
    icc_wr(0, EOIR1, 60);
    icc_wr(0, DIR_, 60);
    g_assert_cmpint(irq_out(0), ==, 0);
    /* EOImode 0: DIR_ is ignored. */
    icc_wr(0, CTLR, 0);
    wr(DIST_BASE + GICD_ISACTIVER + 4, 1u << 28, 4);
    icc_wr(0, DIR_, 60);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 1u << 28);
}

/* Guest errors go to a log file for the duration of one test. */
static char *log_path;

static void log_capture_start(void)
{
    int fd = g_file_open_tmp("test-gic-XXXXXX.log", &log_path, NULL);

    g_assert_cmpint(fd, >=, 0);
    close(fd);
    g_assert(qemu_set_log_filename(log_path, NULL));
    qemu_loglevel = LOG_GUEST_ERROR;
}

/* Stop capturing; the text logged, to be freed by the caller. */
static char *log_capture_end(void)
{
    char *text = NULL;

    qemu_loglevel = 0;
    g_assert(qemu_set_log_filename(NULL, NULL));
    g_assert(g_file_get_contents(log_path, &text, NULL, NULL));
    unlink(log_path);
    g_free(log_path);
    log_path = NULL;
    return text;
}

/* A hostile guest: nothing out of range changes state or crashes. */
static void test_hostile(void)
{
    char *log;

    setup_basic();
    log_capture_start();
    /* IROUTER of INTIDs past num-irq, and of SGIs/PPIs: RAZ/WI. */
    wr(DIST_BASE + GICD_IROUTER + 8 * 200, 0xffffffffffffffffULL, 8);
    g_assert_cmphex(rd(DIST_BASE + GICD_IROUTER + 8 * 200, 8), ==, 0);
    wr(DIST_BASE + GICD_IROUTER + 8 * 5, 0xff, 8);
    g_assert_cmphex(rd(DIST_BASE + GICD_IROUTER + 8 * 5, 8), ==, 0);
    wr(DIST_BASE + GICD_ISENABLER + 0x7c, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISENABLER + 0x7c, 4), ==, 0);
    wr(DIST_BASE + 0x3000, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + 0x3000, 4), ==, 0);
    wr(redist(1, GICR_SGI + 0x104), 0xffffffff, 4);
    g_assert_cmphex(rd(redist(1, GICR_SGI + 0x104), 4), ==, 0);
    wr(redist(1, GICR_ICFGR0), 0, 4);
    g_assert_cmphex(rd(redist(1, GICR_ICFGR0), 4), ==, 0xaaaaaaaa);
    wr(redist(0, GICR_TYPER), 0, 8);
    g_assert_cmphex(rd(redist(0, GICR_TYPER), 8) >> 32, ==, affinity(0));
    /* EOIs of nothing, INTIDs out of range, huge values. */
    icc_wr(0, EOIR1, 5000);
    icc_wr(0, EOIR1, 0xffffffffffffffffULL);
    icc_wr(0, CTLR, 2);
    icc_wr(0, DIR_, 900);
    icc_wr(0, CTLR, 0);
    icc_wr(0, BPR0, 0xffffffff);
    g_assert_cmphex(icc_rd(0, BPR0), ==, 7);
    icc_wr(0, SGI1R, 0xffffffffffffffffULL);
    g_assert_cmphex(icc_rd(0, RPR), ==, 0xff);
    g_assert_cmpint(fiq_out(0) | fiq_out(1), ==, 0);
    log = log_capture_end();
    /* Each rejected access left a line under -d guest_errors. */
    g_assert(strstr(log, "is not implemented"));
    g_assert(strstr(log, "EOI"));
    g_free(log);
}

/*
 * The whole path on TCG-lite: CPU 0 programs its interface with MSR, sends
 * itself SGI 7 through ICC_SGI1R_EL1, unmasks IRQs and waits in WFI; the
 * GIC raises its IRQ line, the CPU takes the exception to VBAR + 0x280,
 * where IAR1 gives 7, EOIR1 drops the priority (RPR back to 0xff) and a
 * second IAR1 finds nothing. Words assembled with aarch64-linux-gnu-as:
 */
static const uint32_t prog_sgi_self[] = {
    0xd2a80101, /* mov x1, #0x40080000 */
    0x91200021, /* add x1, x1, #0x800 */
    0xd518c001, /* msr vbar_el1, x1 */
    0xd5033fdf, /* isb */
    0xd2801fe0, /* mov x0, #0xff */
    0xd5184600, /* msr icc_pmr_el1, x0 */
    0xd2800020, /* mov x0, #0x1 */
    0xd518cce0, /* msr icc_igrpen1_el1, x0 */
    0xd2a0e000, /* mov x0, #0x7000000 */
    0xb2400000, /* orr x0, x0, #0x1 */
    0xd518cba0, /* msr icc_sgi1r_el1, x0 */
    0xd50342ff, /* msr daifclr, #0x2 */
    0xd5033fdf, /* isb */
    0xd503207f, /* wfi */
    0x17ffffff, /* b <wfi> */
};
static const uint32_t prog_irq_vector[] = {     /* at 0x40080a80 */
    0xd538cc02, /* mrs x2, icc_iar1_el1 */
    0xd518cc22, /* msr icc_eoir1_el1, x2 */
    0xd538cb63, /* mrs x3, icc_rpr_el1 */
    0xd538cc04, /* mrs x4, icc_iar1_el1 */
    0xd4200000, /* brk #0 */
};

static void test_cpu_takes_sgi(void)
{
    CPUState *cs = cpus[0];
    CPUARMState *env = cpu_env(cs);
    int r = EXCP_INTERRUPT, i;

    setup_basic();
    icc_wr(0, IGRPEN1, 0);
    icc_wr(0, PMR, 0);
    wr(redist(0, GICR_IPRIORITYR + 7), 0x80, 1);
    wr(redist(0, GICR_ISENABLER0), 1u << 7, 4);
    cpu_reset(cs);
    g_assert_cmpint(address_space_write(&address_space_memory, CODE_BASE,
                                        prog_sgi_self,
                                        sizeof(prog_sgi_self)), ==, MEMTX_OK);
    g_assert_cmpint(address_space_write(&address_space_memory,
                                        CODE_BASE + 0xa80, prog_irq_vector,
                                        sizeof(prog_irq_vector)), ==,
                    MEMTX_OK);
    env->pc = CODE_BASE;
    for (i = 0; i < 100 && r != EXCP_BKPT; i++) {
        r = tcg_lite_exec(cs, 100000);
        g_assert_cmpint(r, !=, EXCP_HALTED);    /* WFI with no interrupt */
        if (r != EXCP_BKPT && r < EXCP_INTERRUPT && r != EXCP_HLT) {
            arm_cpu_do_interrupt(cs);
        }
    }
    g_assert_cmpint(r, ==, EXCP_BKPT);
    g_assert_cmphex(env->xregs[2], ==, 7);
    g_assert_cmphex(env->xregs[3], ==, 0xff);
    g_assert_cmphex(env->xregs[4], ==, 1023);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(redist(0, GICR_ISACTIVER0), 4), ==, 0);
}

static void test_realize_errors(void)
{
    static const struct {
        const char *prop;
        unsigned val;
    } bad[] = {
        { "num-cpu", 0 }, { "num-cpu", 5 }, { "num-irq", 100 },
        { "num-irq", 1056 }, { "revision", 2 },
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        DeviceState *dev = qdev_new(TYPE_ARM_GICV3);
        Error *err = NULL;

        g_assert(object_property_set_uint(OBJECT(dev), bad[i].prop,
                                          bad[i].val, NULL));
        g_assert_false(sysbus_realize(SYS_BUS_DEVICE(dev), &err));
        g_assert(err);
        error_free(err);
        object_unref(OBJECT(dev));
    }
}

int main(int argc, char **argv)
{
    SysBusDevice *sbd;
    int i;

    g_test_init(&argc, &argv, NULL);
    memory_map_init();
    g_assert(memory_region_init_ram(&ram, NULL, "ram", 16 * MiB, NULL));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);
    for (i = 0; i < NUM_CPU + 1; i++) {
        cpus[i] = cpu_create(TYPE_ARM_CPU_CORTEX_A57, &error_abort);
    }
    gic = qdev_new(TYPE_ARM_GICV3);
    object_property_set_uint(OBJECT(gic), "num-cpu", NUM_CPU, &error_abort);
    object_property_set_uint(OBJECT(gic), "num-irq", NUM_IRQ, &error_abort);
    sbd = SYS_BUS_DEVICE(gic);
    g_assert(sysbus_realize(sbd, &error_abort));
    sysbus_mmio_map(sbd, 0, DIST_BASE);
    sysbus_mmio_map(sbd, 1, REDIST_BASE);
    catchers = qemu_allocate_irqs(catch_irq, NULL, 4 * NUM_CPU);
    for (i = 0; i < 4 * NUM_CPU; i++) {
        sysbus_connect_irq(sbd, i, catchers[i]);
    }

    g_test_add_func("/arm-gicv3/id-regs", test_id_regs);
    g_test_add_func("/arm-gicv3/icc-regs", test_icc_regs);
    g_test_add_func("/arm-gicv3/icc-undef", test_icc_undef);
    g_test_add_func("/arm-gicv3/spi-routing", test_spi_routing);
    g_test_add_func("/arm-gicv3/ppi", test_ppi);
    g_test_add_func("/arm-gicv3/sgi", test_sgi);
    g_test_add_func("/arm-gicv3/preemption", test_preemption);
    g_test_add_func("/arm-gicv3/eoimode", test_eoimode);
    g_test_add_func("/arm-gicv3/hostile", test_hostile);
    g_test_add_func("/arm-gicv3/cpu-takes-sgi", test_cpu_takes_sgi);
    g_test_add_func("/arm-gicv3/realize-errors", test_realize_errors);
    return g_test_run();
}
