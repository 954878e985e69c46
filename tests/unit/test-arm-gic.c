/*
 * GICv2 ("arm_gic"): distributor and CPU interface registers driven
 * through guest-physical accesses, with two cortex-a57 CPUs and catchers
 * on the IRQ/FIQ outputs. Expected values follow ARM IHI 0048B and
 * QEMU's arm_gic (IIDR values, reset state); the per-CPU regions (sysbus
 * MMIO 2 and up) stand in for "the CPU that accesses".
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "hw/sysbus.h"
#include "hw/intc/arm_gic.h"
#include "sysemu/cpus.h"
#include "target/arm/cpu.h"

#define NUM_CPU 2
#define NUM_IRQ 96
#define NSPI (NUM_IRQ - 32)

#define DIST_BASE 0x08000000ULL
#define CPUIF_BASE 0x08010000ULL
#define VIEW_BASE 0x08100000ULL     /* + 0x10000 * region index */

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_IIDR 0x008
#define GICD_IGROUPR 0x080
#define GICD_ISENABLER 0x100
#define GICD_ICENABLER 0x180
#define GICD_ISPENDR 0x200
#define GICD_ICPENDR 0x280
#define GICD_ISACTIVER 0x300
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00
#define GICD_SGIR 0xf00
#define GICD_CPENDSGIR 0xf10
#define GICD_SPENDSGIR 0xf20

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10
#define GICC_RPR 0x14
#define GICC_HPPIR 0x18
#define GICC_AIAR 0x20
#define GICC_APR0 0xd0
#define GICC_NSAPR0 0xe0
#define GICC_IIDR 0xfc
#define GICC_DIR 0x1000

static DeviceState *gic;
static qemu_irq *catchers;     /* the outputs' catchers, kept for the run */
static int out_level[4 * NUM_CPU];

static void catch_irq(void *opaque, int n, int level)
{
    out_level[n] = level;
}

static void catch_level(void *opaque, int n, int level)
{
    *(int *)opaque = level;
}

static int irq_out(int cpu)
{
    return out_level[cpu];
}

static int fiq_out(int cpu)
{
    return out_level[NUM_CPU + cpu];
}

static uint32_t rd(hwaddr addr, unsigned size)
{
    uint32_t v = 0;

    g_assert_cmpint(address_space_read(&address_space_memory, addr, &v,
                                       size), ==, MEMTX_OK);
    return v;
}

static void wr(hwaddr addr, uint32_t v, unsigned size)
{
    g_assert_cmpint(address_space_write(&address_space_memory, addr, &v,
                                        size), ==, MEMTX_OK);
}

/* CPU n's CPU interface is region 2 + n, its distributor 2 + NUM_CPU + n */
static hwaddr cpuif(int cpu, unsigned off)
{
    return VIEW_BASE + 0x10000 * (2 + cpu) + off;
}

static hwaddr dist(int cpu, unsigned off)
{
    return VIEW_BASE + 0x10000 * (2 + NUM_CPU + cpu) + off;
}

static void gpio(int n, int level)
{
    qemu_set_irq(qdev_get_gpio_in(gic, n), level);
}

/* Reset, then enable both interfaces and the distributor for Group 0. */
static void setup_basic(void)
{
    int c;

    device_cold_reset(gic);
    wr(DIST_BASE + GICD_CTLR, 1, 4);
    for (c = 0; c < NUM_CPU; c++) {
        wr(cpuif(c, GICC_CTLR), 1, 4);
        wr(cpuif(c, GICC_PMR), 0xff, 4);
    }
}

/* SPI intid: enabled, priority prio, targeted at the CPUs in mask. */
static void spi_config(unsigned intid, uint8_t prio, uint8_t mask)
{
    wr(DIST_BASE + GICD_ISENABLER + intid / 32 * 4, 1u << (intid % 32), 4);
    wr(DIST_BASE + GICD_IPRIORITYR + intid, prio, 1);
    wr(DIST_BASE + GICD_ITARGETSR + intid, mask, 1);
}

static void test_id_regs(void)
{
    device_cold_reset(gic);
    g_assert_cmphex(rd(DIST_BASE + GICD_TYPER, 4), ==,
                    (NUM_IRQ / 32 - 1) | (NUM_CPU - 1) << 5);
    g_assert_cmphex(rd(DIST_BASE + GICD_IIDR, 4), ==, 0x0000043b);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_IIDR, 4), ==, 0x0002043b);
    g_assert_cmphex(rd(DIST_BASE + 0xfe8, 4), ==, 0x2b);   /* PIDR2 */
    /* SGIs are edge-triggered (read-only), the rest reset to level. */
    g_assert_cmphex(rd(DIST_BASE + GICD_ICFGR, 4), ==, 0xaaaaaaaa);
    wr(DIST_BASE + GICD_ICFGR, 0, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ICFGR, 4), ==, 0xaaaaaaaa);
    g_assert_cmphex(rd(DIST_BASE + GICD_ICFGR + 8, 4), ==, 0);
    /* SGI/PPI targets are banked: each CPU reads its own bit. */
    g_assert_cmphex(rd(dist(0, GICD_ITARGETSR), 4), ==, 0x01010101);
    g_assert_cmphex(rd(dist(1, GICD_ITARGETSR + 28), 4), ==, 0x02020202);
    /* SPI targets: byte access, kept as written (as QEMU). */
    wr(DIST_BASE + GICD_ITARGETSR + 33, 0xff, 1);
    g_assert_cmphex(rd(DIST_BASE + GICD_ITARGETSR + 32, 4), ==, 0xff00);
    /* Priorities: byte and word access agree. */
    wr(DIST_BASE + GICD_IPRIORITYR + 40, 0xa0, 1);
    wr(DIST_BASE + GICD_IPRIORITYR + 41, 0xb0, 1);
    g_assert_cmphex(rd(DIST_BASE + GICD_IPRIORITYR + 40, 4), ==, 0xb0a0);
    g_assert_cmphex(rd(DIST_BASE + GICD_IPRIORITYR + 41, 1), ==, 0xb0);
    /* CPU interface reset: idle running priority, nothing pending. */
    g_assert_cmphex(rd(CPUIF_BASE + GICC_RPR, 4), ==, 0xff);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_IAR, 4), ==, 1023);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_HPPIR, 4), ==, 1023);
}

/* Interfaces off: nothing to acknowledge, as QEMU (IAR/HPPIR 1023). */
static void test_enables(void)
{
    device_cold_reset(gic);
    wr(cpuif(0, GICC_PMR), 0xff, 4);
    wr(dist(0, GICD_SGIR), 2u << 24 | 1, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_HPPIR), 4), ==, 1023);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1023);
    wr(DIST_BASE + GICD_CTLR, 1, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1023);
    wr(DIST_BASE + GICD_CTLR, 0, 4);
    wr(cpuif(0, GICC_CTLR), 1, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1023);
    g_assert_cmpint(irq_out(0), ==, 0);
    wr(DIST_BASE + GICD_CTLR, 1, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(rd(cpuif(0, GICC_HPPIR), 4), ==, 1);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1);
    wr(cpuif(0, GICC_EOIR), 1, 4);
}

static void test_level_spi(void)
{
    setup_basic();
    spi_config(37, 0x80, 1);
    gpio(37 - 32, 1);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmpint(fiq_out(0), ==, 0);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISPENDR + 4, 4), ==, 1u << 5);
    g_assert_cmphex(rd(cpuif(0, GICC_HPPIR), 4), ==, 37);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 37);
    /* Active now: no longer signalled; still pending (line high). */
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 1u << 5);
    g_assert_cmphex(rd(cpuif(0, GICC_RPR), 4), ==, 0x80);
    /* Preemption level 0x80 >> 1 = 64: APR2 bit 0 (QEMU's numbering). */
    g_assert_cmphex(rd(cpuif(0, GICC_APR0), 4), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_APR0 + 8), 4), ==, 1);
    wr(cpuif(0, GICC_EOIR), 37, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 0);
    /* The device still holds its line: signalled again. */
    g_assert_cmpint(irq_out(0), ==, 1);
    gpio(37 - 32, 0);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1023);
    /* Disabled at the distributor: not signalled. */
    wr(DIST_BASE + GICD_ICENABLER + 4, 1u << 5, 4);
    gpio(37 - 32, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    gpio(37 - 32, 0);
}

static void test_edge_spi(void)
{
    setup_basic();
    spi_config(40, 0x40, 2);
    wr(DIST_BASE + GICD_ICFGR + 8, 2u << 16, 4);    /* INTID 40: edge */
    g_assert_cmphex(rd(DIST_BASE + GICD_ICFGR + 8, 4), ==, 2u << 16);
    gpio(40 - 32, 1);
    gpio(40 - 32, 0);
    /* Latched by the rising edge, for CPU 1 only. */
    g_assert_cmpint(irq_out(1), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(cpuif(1, GICC_IAR), 4), ==, 40);
    wr(cpuif(1, GICC_EOIR), 40, 4);
    g_assert_cmpint(irq_out(1), ==, 0);
    /* Software pending and clearing. */
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 8, 4);
    g_assert_cmpint(irq_out(1), ==, 1);
    wr(DIST_BASE + GICD_ICPENDR + 4, 1u << 8, 4);
    g_assert_cmpint(irq_out(1), ==, 0);
}

static void test_priority(void)
{
    setup_basic();
    spi_config(50, 0x80, 1);
    spi_config(51, 0x40, 1);
    wr(DIST_BASE + GICD_ISPENDR + 4, 3u << 18, 4);
    /* The more urgent one first. */
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 51);
    /* 0x80 cannot preempt 0x40. */
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1023);
    wr(cpuif(0, GICC_EOIR), 51, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 50);
    wr(cpuif(0, GICC_EOIR), 50, 4);
    g_assert_cmpint(irq_out(0), ==, 0);

    /* Preemption: 0x40 preempts a running 0x80 ... */
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 18, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 50);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 19, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 51);
    g_assert_cmphex(rd(cpuif(0, GICC_RPR), 4), ==, 0x40);
    wr(cpuif(0, GICC_EOIR), 51, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_RPR), 4), ==, 0x80);
    wr(cpuif(0, GICC_EOIR), 50, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_RPR), 4), ==, 0xff);

    /* ... unless BPR puts both in one group priority (BPR 7: none). */
    wr(cpuif(0, GICC_BPR), 7, 4);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 18, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 50);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 19, 4);
    g_assert_cmpint(irq_out(0), ==, 0);
    wr(cpuif(0, GICC_EOIR), 50, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 51);
    wr(cpuif(0, GICC_EOIR), 51, 4);

    /* PMR masks priorities not below it. */
    wr(cpuif(0, GICC_BPR), 0, 4);
    wr(cpuif(0, GICC_PMR), 0x40, 4);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 19, 4);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1023);
    wr(cpuif(0, GICC_PMR), 0x41, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 51);
    wr(cpuif(0, GICC_EOIR), 51, 4);
}

static void test_sgi(void)
{
    setup_basic();
    wr(dist(0, GICD_IPRIORITYR + 3), 0x10, 1);
    wr(dist(1, GICD_IPRIORITYR + 3), 0x10, 1);
    /* CPU 0 sends SGI 3 to the list {CPU 1}. */
    wr(dist(0, GICD_SGIR), (1u << 1) << 16 | 3, 4);
    g_assert_cmpint(irq_out(1), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(dist(1, GICD_SPENDSGIR), 4), ==, 1u << 24);
    /* The source CPU is in IAR bits 12:10. */
    g_assert_cmphex(rd(cpuif(1, GICC_IAR), 4), ==, 3);
    wr(cpuif(1, GICC_EOIR), 3, 4);
    g_assert_cmpint(irq_out(1), ==, 0);

    /* CPU 1 sends SGI 3 to all but itself: CPU 0 sees source 1. */
    wr(dist(1, GICD_SGIR), 1u << 24 | 3, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1u << 10 | 3);
    wr(cpuif(0, GICC_EOIR), 1u << 10 | 3, 4);

    /* Both CPUs pend SGI 3 on CPU 0: two acknowledges, one per source. */
    wr(dist(0, GICD_SGIR), 2u << 24 | 3, 4);    /* to itself */
    wr(dist(1, GICD_SGIR), (1u << 0) << 16 | 3, 4);
    g_assert_cmphex(rd(dist(0, GICD_SPENDSGIR), 4), ==, 3u << 24);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 0u << 10 | 3);
    wr(cpuif(0, GICC_EOIR), 3, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1u << 10 | 3);
    wr(cpuif(0, GICC_EOIR), 1u << 10 | 3, 4);
    g_assert_cmpint(irq_out(0), ==, 0);

    /* SPENDSGIR / CPENDSGIR by source bit. */
    wr(dist(1, GICD_SPENDSGIR + 4), 0x01, 1);    /* SGI 4 from CPU 0 */
    g_assert_cmpint(irq_out(1), ==, 1);
    wr(dist(1, GICD_CPENDSGIR + 4), 0x01, 1);
    g_assert_cmpint(irq_out(1), ==, 0);
    g_assert_cmphex(rd(dist(1, GICD_SPENDSGIR + 4), 4), ==, 0);
    /* Reserved filter 3: nothing sent. */
    wr(dist(0, GICD_SGIR), 3u << 24 | 3, 4);
    g_assert_cmpint(irq_out(0) | irq_out(1), ==, 0);
}

static void test_ppi(void)
{
    int ppi_input = NSPI + 1 * 32 + 27;     /* CPU 1's virtual timer */

    setup_basic();
    wr(dist(1, GICD_ISENABLER), 1u << 27, 4);
    wr(dist(1, GICD_IPRIORITYR + 27), 0x20, 1);
    gpio(ppi_input, 1);
    g_assert_cmpint(irq_out(1), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    /* Banked: CPU 0's view shows nothing pending or enabled. */
    g_assert_cmphex(rd(dist(0, GICD_ISPENDR), 4), ==, 0);
    g_assert_cmphex(rd(dist(1, GICD_ISPENDR), 4), ==, 1u << 27);
    g_assert_cmphex(rd(dist(0, GICD_ISENABLER), 4), ==, 0xffff);
    g_assert_cmphex(rd(cpuif(1, GICC_IAR), 4), ==, 27);
    gpio(ppi_input, 0);
    wr(cpuif(1, GICC_EOIR), 27, 4);
    g_assert_cmpint(irq_out(1), ==, 0);
}

static void test_eoimode(void)
{
    setup_basic();
    wr(cpuif(0, GICC_CTLR), 1 | 1u << 9, 4);    /* EOImodeS: split */
    g_assert_cmphex(rd(cpuif(0, GICC_CTLR), 4), ==, 1 | 1u << 9);
    spi_config(60, 0x80, 1);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 28, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 60);
    wr(cpuif(0, GICC_EOIR), 60, 4);
    /* Priority dropped but still active. */
    g_assert_cmphex(rd(cpuif(0, GICC_RPR), 4), ==, 0xff);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 1u << 28);
    wr(DIST_BASE + GICD_ISPENDR + 4, 1u << 28, 4);
    g_assert_cmpint(irq_out(0), ==, 0);          /* active: not again */
    wr(cpuif(0, GICC_DIR), 60, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 4, 4), ==, 0);
    g_assert_cmpint(irq_out(0), ==, 1);
}

static void test_groups(void)
{
    setup_basic();
    spi_config(70, 0x80, 1);
    wr(DIST_BASE + GICD_IGROUPR + 8, 1u << 6, 4);   /* INTID 70: Group 1 */
    wr(DIST_BASE + GICD_ISPENDR + 8, 1u << 6, 4);
    /* Group 1 not enabled anywhere. */
    g_assert_cmpint(irq_out(0), ==, 0);
    wr(DIST_BASE + GICD_CTLR, 3, 4);
    g_assert_cmpint(irq_out(0), ==, 0);
    wr(cpuif(0, GICC_CTLR), 3, 4);
    g_assert_cmpint(irq_out(0), ==, 1);
    /* IAR without AckCtl: 1022; the Secure-world aliases are RAZ/WI. */
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1022);
    g_assert_cmphex(rd(cpuif(0, GICC_AIAR), 4), ==, 0);
    g_assert_cmpint(irq_out(0), ==, 1);
    wr(cpuif(0, GICC_CTLR), 3 | 1u << 2, 4);     /* AckCtl */
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 70);
    g_assert_cmphex(rd(cpuif(0, GICC_NSAPR0 + 8), 4), ==, 1);
    wr(cpuif(0, GICC_EOIR), 70, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISACTIVER + 8, 4), ==, 0);
    /* A pending Group 1 interrupt with Group 1 off at the CPU interface
     * is still what IAR reports (1022), as on QEMU. */
    wr(cpuif(0, GICC_CTLR), 1, 4);
    wr(DIST_BASE + GICD_ISPENDR + 8, 1u << 6, 4);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 1022);
    wr(DIST_BASE + GICD_ICPENDR + 8, 1u << 6, 4);

    /* FIQEn: Group 0 goes to FIQ. */
    wr(DIST_BASE + GICD_IGROUPR + 8, 0, 4);
    wr(cpuif(0, GICC_CTLR), 3 | 1u << 3, 4);
    g_assert_cmphex(rd(cpuif(0, GICC_CTLR), 4), ==, 0xb);
    wr(DIST_BASE + GICD_ISPENDR + 8, 1u << 6, 4);
    g_assert_cmpint(fiq_out(0), ==, 1);
    g_assert_cmpint(irq_out(0), ==, 0);
    g_assert_cmphex(rd(cpuif(0, GICC_IAR), 4), ==, 70);
    g_assert_cmpint(fiq_out(0), ==, 0);
    wr(cpuif(0, GICC_EOIR), 70, 4);
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

/* A hostile guest: offsets and INTIDs past the end change nothing. */
static void test_hostile(void)
{
    char *log;

    setup_basic();
    log_capture_start();
    wr(DIST_BASE + GICD_ISENABLER + 0x7c, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_ISENABLER + 0x7c, 4), ==, 0);
    wr(DIST_BASE + GICD_IPRIORITYR + 0x3f8, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_IPRIORITYR + 0x3f8, 4), ==, 0);
    wr(DIST_BASE + GICD_ITARGETSR + 0x3f8, 0xffffffff, 4);
    wr(DIST_BASE + 0xe00, 0xffffffff, 4);
    g_assert_cmphex(rd(DIST_BASE + 0xe00, 4), ==, 0);
    wr(DIST_BASE + GICD_TYPER, 0, 4);
    g_assert_cmphex(rd(DIST_BASE + GICD_TYPER, 4), ==, 0x22);
    /* EOI / DIR of unimplemented or special INTIDs, nothing active. */
    wr(CPUIF_BASE + GICC_EOIR, 1000, 4);
    wr(CPUIF_BASE + GICC_EOIR, 1023, 4);
    wr(CPUIF_BASE + GICC_DIR, 999, 4);
    wr(CPUIF_BASE + 0x40, 1, 4);
    g_assert_cmphex(rd(CPUIF_BASE + 0x40, 4), ==, 0);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_RPR, 4), ==, 0xff);
    /* An APR restore rebuilds the running priority (level 4: 0x08). */
    wr(CPUIF_BASE + GICC_APR0, 1u << 4, 4);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_RPR, 4), ==, 0x08);
    wr(CPUIF_BASE + GICC_APR0 + 4, 1u << 4, 4);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_RPR, 4), ==, 0x08);
    wr(CPUIF_BASE + GICC_APR0, 0, 4);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_RPR, 4), ==, 0x48);
    wr(CPUIF_BASE + GICC_APR0 + 4, 0, 4);
    g_assert_cmphex(rd(CPUIF_BASE + GICC_RPR, 4), ==, 0xff);
    g_assert_cmpint(irq_out(0) | irq_out(1) | fiq_out(0) | fiq_out(1), ==,
                    0);
    log = log_capture_end();
    /* Each rejected access left a line under -d guest_errors. */
    g_assert(strstr(log, "is not implemented"));
    g_assert(strstr(log, "EOI"));
    g_free(log);
}

/* One CPU: ITARGETSR is RAZ/WI and every SPI goes to CPU 0 (as QEMU). */
static void test_uniprocessor(void)
{
    DeviceState *up = qdev_new(TYPE_ARM_GIC);
    SysBusDevice *sbd = SYS_BUS_DEVICE(up);
    hwaddr d = 0x09000000, c = 0x09010000;
    static int level;
    qemu_irq out = qemu_allocate_irq(catch_level, &level, 0);

    object_property_set_uint(OBJECT(up), "num-irq", 64, &error_abort);
    g_assert(sysbus_realize(sbd, &error_abort));
    sysbus_mmio_map(sbd, 0, d);
    sysbus_mmio_map(sbd, 1, c);
    sysbus_connect_irq(sbd, 0, out);
    g_assert_cmphex(rd(d + GICD_TYPER, 4), ==, 1);
    g_assert_cmphex(rd(d + GICD_ITARGETSR, 4), ==, 0);
    wr(d + GICD_ITARGETSR + 40, 0xffffffff, 4);
    g_assert_cmphex(rd(d + GICD_ITARGETSR + 40, 4), ==, 0);
    wr(d + GICD_CTLR, 1, 4);
    wr(c + GICC_CTLR, 1, 4);
    wr(c + GICC_PMR, 0xff, 4);
    wr(d + GICD_ISENABLER + 4, 1u << 10, 4);
    qemu_set_irq(qdev_get_gpio_in(up, 10), 1);
    g_assert_cmpint(level, ==, 1);
    g_assert_cmphex(rd(c + GICC_IAR, 4), ==, 42);
    qemu_set_irq(qdev_get_gpio_in(up, 10), 0);
    wr(c + GICC_EOIR, 42, 4);
    g_assert_cmpint(level, ==, 0);
    sysbus_connect_irq(sbd, 0, NULL);
    qemu_free_irq(out);
}

static void test_realize_errors(void)
{
    static const struct {
        const char *prop;
        unsigned val;
    } bad[] = {
        { "num-cpu", 9 }, { "num-cpu", 0 }, { "num-irq", 100 },
        { "num-irq", 32 }, { "num-irq", 1024 }, { "revision", 1 },
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        DeviceState *dev = qdev_new(TYPE_ARM_GIC);
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
    for (i = 0; i < NUM_CPU; i++) {
        g_assert(cpu_create(TYPE_ARM_CPU_CORTEX_A57, &error_abort));
    }
    gic = qdev_new(TYPE_ARM_GIC);
    object_property_set_uint(OBJECT(gic), "num-cpu", NUM_CPU, &error_abort);
    object_property_set_uint(OBJECT(gic), "num-irq", NUM_IRQ, &error_abort);
    sbd = SYS_BUS_DEVICE(gic);
    g_assert(sysbus_realize(sbd, &error_abort));
    sysbus_mmio_map(sbd, 0, DIST_BASE);
    sysbus_mmio_map(sbd, 1, CPUIF_BASE);
    for (i = 2; i < 2 + 2 * NUM_CPU; i++) {
        sysbus_mmio_map(sbd, i, VIEW_BASE + 0x10000 * i);
    }
    catchers = qemu_allocate_irqs(catch_irq, NULL, 4 * NUM_CPU);
    for (i = 0; i < 4 * NUM_CPU; i++) {
        sysbus_connect_irq(sbd, i, catchers[i]);
    }

    g_test_add_func("/arm-gic/id-regs", test_id_regs);
    g_test_add_func("/arm-gic/enables", test_enables);
    g_test_add_func("/arm-gic/level-spi", test_level_spi);
    g_test_add_func("/arm-gic/edge-spi", test_edge_spi);
    g_test_add_func("/arm-gic/priority", test_priority);
    g_test_add_func("/arm-gic/sgi", test_sgi);
    g_test_add_func("/arm-gic/ppi", test_ppi);
    g_test_add_func("/arm-gic/eoimode", test_eoimode);
    g_test_add_func("/arm-gic/groups", test_groups);
    g_test_add_func("/arm-gic/hostile", test_hostile);
    g_test_add_func("/arm-gic/uniprocessor", test_uniprocessor);
    g_test_add_func("/arm-gic/realize-errors", test_realize_errors);
    return g_test_run();
}
