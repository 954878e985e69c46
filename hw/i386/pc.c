/*
 * The pc board: i440FX host bridge + PIIX3, as QEMU's "pc-i440fx-7.2"
 * (alias "pc").
 *
 * Memory map (guest-physical):
 *   0x00000000 - below_4g    RAM ("ram-below-4g", alias of pc.ram)
 *   below_4g   - 0xffffffff  PCI hole (the "pci" container, priority -1)
 *   0x000e0000 - 0x000fffff  last 128 KiB of the BIOS ("isa-bios")
 *   4G - bios size - 4G      the BIOS ROM ("pc.bios")
 *   0x100000000 -            RAM above 4 GiB ("ram-above-4g")
 * below_4g is all of RAM up to 3.5 GiB; larger guests get 3 GiB below and
 * the rest above 4 GiB (QEMU 7.2's gigabyte alignment).
 *
 *   0xfed00000 - 0xfed003ff  HPET ("hpet", hw/timer/hpet.c)
 *
 * I/O ports: 0x70 RTC, 0x60/0x64 i8042, 0x80 (PIIX3), 0x3f8.. COM1-4 for
 * each -serial, 0x440 boot-timer, 0x510 fw_cfg, 0xcf8/0xcfc PCI
 * configuration, 0xcf9 the PIIX3's reset control register.
 *
 * Interrupts: ISA IRQ n is GSI n. With KVM's in-kernel irqchip (PIC,
 * IOAPIC, PIT) device lines go straight to KVM_IRQ_LINE; GSI 0 reaches
 * IOAPIC pin 2, as on every PC. The HPET's route n is GSI n (its
 * INT_ROUTE_CAP offers IRQ 2 only, as QEMU's i440FX board); in legacy
 * replacement its timer 0 drives GSI 0 (IOAPIC pin 2) in the PIT's place
 * and timer 1 GSI 8 in the RTC's, whose line goes through the HPET.
 */
#include "qemu/osdep.h"
#include "hw/i386/pc.h"
#include "hw/i386/x86-boot.h"
#include "hw/i386/acpi-build.h"
#include "hw/boards.h"
#include "hw/qdev.h"
#include "hw/pci-host/i440fx.h"
#include "hw/southbridge/piix.h"
#include "hw/isa/isa.h"
#include "hw/rtc/mc146818rtc.h"
#include "hw/input/i8042.h"
#include "hw/nvram/fw_cfg.h"
#include "hw/timer/hpet.h"
#include "hw/irq.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"
#include "sysemu/kvm.h"
#include "sysemu/cpus.h"
#include "sysemu/accel.h"
#include "chardev/char.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "target/i386/cpu.h"
#include <sys/ioctl.h>
#include <linux/kvm.h>

#define PC_LOWMEM_MAX       0xe0000000ULL   /* max RAM below 4 GiB */
#define PC_LOWMEM_ALIGNED   0xc0000000ULL   /* when RAM >= PC_LOWMEM_MAX */
#define PC_RAM_ABOVE_4G     0x100000000ULL
#define PC_MAX_SERIAL       4
#define FW_CFG_IO_BASE      0x510
#define PC_GSI_NUM          24              /* IOAPIC pins */
/* The HPET's INT_ROUTE_CAP on i440FX: IRQ 2 only (QEMU's pc-i440fx). */
#define PC_HPET_INTCAP      0x4

/*
 * PIIX3 reset control register (Intel 290550): bit 1 SYS_RST picks a
 * hard reset, bit 2 RST_CPU starts the reset. As QEMU's PIIX3, any write
 * with RST_CPU set resets the whole system; otherwise SYS_RST is kept
 * and read back. Bit 3 (a full reset on later chipsets) is not a PIIX3
 * bit and is dropped.
 */
#define PC_RCR_PORT         0xcf9
#define PC_RCR_SYS_RST      0x02
#define PC_RCR_RST_CPU      0x04

/* fw_cfg keys the board fills (QEMU's fw_cfg interface). */
#define FW_CFG_RAM_SIZE     0x03
#define FW_CFG_NB_CPUS      0x05
#define FW_CFG_MAX_CPUS     0x0f

/* An e820 entry as "etc/e820" carries it (little endian, packed). */
typedef struct QEMU_PACKED E820Entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
} E820Entry;

#define E820_RAM 1

static qemu_irq pc_gsi[PC_GSI_NUM];

static void pc_gsi_set(void *opaque, int n, int level)
{
    static bool warned;

    if (kvm_irqchip_in_kernel()) {
        kvm_set_irq(n, level);
    } else if (!warned) {
        warned = true;
        qemu_log_mask(LOG_UNIMP, "pc: no interrupt controller: GSI %d "
                      "dropped\n", n);
    }
}

static void pc_memory_init(PCMachineState *pcms, MachineState *ms,
                           Error **errp)
{
    MemoryRegion *sysmem = get_system_memory();
    uint64_t lowmem = PC_LOWMEM_MAX;

    if (!machine_create_ram(ms, errp)) {
        return;
    }
    if (ms->ram_size >= PC_LOWMEM_MAX) {
        lowmem = PC_LOWMEM_ALIGNED;
    }
    pcms->below_4g = MIN(ms->ram_size, lowmem);
    pcms->above_4g = ms->ram_size - pcms->below_4g;

    memory_region_init_alias(&pcms->ram_below_4g, OBJECT(ms), "ram-below-4g",
                             ms->ram, 0, pcms->below_4g);
    memory_region_add_subregion(sysmem, 0, &pcms->ram_below_4g);
    if (pcms->above_4g) {
        memory_region_init_alias(&pcms->ram_above_4g, OBJECT(ms),
                                 "ram-above-4g", ms->ram, pcms->below_4g,
                                 pcms->above_4g);
        memory_region_add_subregion(sysmem, PC_RAM_ABOVE_4G,
                                    &pcms->ram_above_4g);
    }
    /* The PCI hole: below RAM in priority, so RAM wins where they meet. */
    memory_region_init(&pcms->pci_memory, OBJECT(ms), "pci", UINT64_MAX);
    memory_region_add_subregion_overlap(sysmem, 0, &pcms->pci_memory, -1);
    pc_firmware_init(pcms, ms, errp);
}

static bool pc_cpus_init(MachineState *ms, Error **errp)
{
    char *typename = NULL;
    const char *model = ms->cpu_type ? ms->cpu_type : "qemu64";

    if (!x86_cpu_parse_option(model, &typename, errp)) {
        return false;
    }
    x86_cpu_set_topology(ms->smp.cores, ms->smp.threads);
    for (unsigned i = 0; i < ms->smp.cpus; i++) {
        if (!cpu_create(typename, errp)) {
            g_free(typename);
            return false;
        }
    }
    g_free(typename);
    return true;
}

static void pc_fw_cfg_init(PCMachineState *pcms, MachineState *ms,
                           Error **errp)
{
    E820Entry e820[2];
    int n = 0;

    pcms->fw_cfg = fw_cfg_init_io(FW_CFG_IO_BASE, errp);
    if (!pcms->fw_cfg) {
        return;
    }
    fw_cfg_add_i64(pcms->fw_cfg, FW_CFG_RAM_SIZE, ms->ram_size);
    fw_cfg_add_i16(pcms->fw_cfg, FW_CFG_NB_CPUS, ms->smp.cpus);
    fw_cfg_add_i16(pcms->fw_cfg, FW_CFG_MAX_CPUS, ms->smp.max_cpus);
    e820[n++] = (E820Entry) {
        .addr = GUINT64_TO_LE(0), .size = GUINT64_TO_LE(pcms->below_4g),
        .type = GUINT32_TO_LE(E820_RAM),
    };
    if (pcms->above_4g) {
        e820[n++] = (E820Entry) {
            .addr = GUINT64_TO_LE(PC_RAM_ABOVE_4G),
            .size = GUINT64_TO_LE(pcms->above_4g),
            .type = GUINT32_TO_LE(E820_RAM),
        };
    }
    fw_cfg_add_file(pcms->fw_cfg, "etc/e820", e820, n * sizeof(e820[0]), errp);
}

static bool pc_isa_devices_init(PCMachineState *pcms, MachineState *ms,
                                ISABus *isa, Error **errp)
{
    ISADevice *rtc = mc146818_rtc_init(isa, 2000, errp);
    DeviceState *dev;

    if (!rtc) {
        return false;
    }
    mc146818rtc_set_memory_size(rtc, pcms->below_4g, pcms->above_4g);
    if (!i8042_init(isa, errp)) {
        return false;
    }
    /* Kestrel's boot-timer port (0x440): a guest write of 123 logs the
     * time since process start. */
    dev = qdev_new("boot-timer");
    if (!qdev_realize_and_unref(dev, BUS(isa), errp)) {
        return false;
    }
    for (int i = 0; i < PC_MAX_SERIAL; i++) {
        Chardev *chr = serial_hd(i);

        if (!chr) {
            continue;
        }
        dev = qdev_new("isa-serial");
        if (!object_property_set_uint(OBJECT(dev), "index", i, errp) ||
            !object_property_set_str(OBJECT(dev), "chardev", chr->label,
                                     errp) ||
            !qdev_realize_and_unref(dev, BUS(isa), errp)) {
            return false;
        }
    }
    return true;
}

/*
 * 0xcf9 sits inside the host bridge's CONFIG_ADDRESS port (0xcf8-0xcfb).
 * Kestrel's dispatch splits an access at region edges, so a 1-byte
 * region at 0xcf9 would cut every dword CONFIG_ADDRESS write in pieces.
 * Instead one region covers the whole port: a byte at 0xcf9 is the RCR,
 * everything else goes on to the host bridge as before (QEMU's overlap
 * sends each access to the region holding its first byte: same result).
 */
typedef struct PCResetControl {
    MemoryRegion io;
    MemoryRegion *conf_idx;     /* the i440FX's CONFIG_ADDRESS region */
    uint8_t rcr;
} PCResetControl;

static PCResetControl pc_rcr;

static uint64_t pc_rcr_read(void *opaque, hwaddr addr, unsigned size)
{
    PCResetControl *r = opaque;

    if (addr == 1 && size == 1) {
        return r->rcr;
    }
    return r->conf_idx->ops->read(r->conf_idx->opaque, addr, size);
}

static void pc_rcr_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    PCResetControl *r = opaque;

    if (addr != 1 || size != 1) {
        r->conf_idx->ops->write(r->conf_idx->opaque, addr, val, size);
        return;
    }
    if (val & PC_RCR_RST_CPU) {
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
        return;
    }
    r->rcr = val & PC_RCR_SYS_RST;
}

static const MemoryRegionOps pc_rcr_ops = {
    .read = pc_rcr_read,
    .write = pc_rcr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static void pc_rcr_reset(void *opaque)
{
    PCResetControl *r = opaque;

    r->rcr = 0;
}

static void pc_rcr_init(I440FXHostState *host, Object *owner)
{
    pc_rcr.conf_idx = &host->conf_idx;
    memory_region_init_io(&pc_rcr.io, owner, &pc_rcr_ops, &pc_rcr,
                          "piix3-reset-control", 4);
    memory_region_add_subregion_overlap(get_system_io(), PC_RCR_PORT - 1,
                                        &pc_rcr.io, 1);
    qemu_register_reset(pc_rcr_reset, &pc_rcr);
}

/*
 * The HPET's PIT-enable output: legacy replacement silences the PIT. The
 * in-kernel PIT has a flag for exactly that (KVM_PIT_FLAGS_HPET_LEGACY),
 * set through KVM_GET_PIT2/KVM_SET_PIT2 as QEMU's kvm PIT does.
 */
static void pc_pit_enable(void *opaque, int n, int level)
{
    struct kvm_pit_state2 st;
    uint32_t flags;

    if (!kvm_irqchip_in_kernel() ||
        ioctl(kvm_vm_fd(), KVM_GET_PIT2, &st) < 0) {
        return;
    }
    flags = level ? st.flags & ~KVM_PIT_FLAGS_HPET_LEGACY
                  : st.flags | KVM_PIT_FLAGS_HPET_LEGACY;
    if (flags != st.flags) {
        st.flags = flags;
        if (ioctl(kvm_vm_fd(), KVM_SET_PIT2, &st) < 0) {
            warn_report("KVM_SET_PIT2: %s", strerror(errno));
        }
    }
}

/* The HPET at HPET_BASE, its route n on GSI n; returns the ISA lines
 * with IRQ 8 (the RTC) passing through it. */
static DeviceState *pc_hpet_init(qemu_irq *isa_irqs, Error **errp)
{
    DeviceState *hpet = hpet_create(HPET_BASE, PC_HPET_INTCAP, errp);

    if (!hpet) {
        return NULL;
    }
    for (int i = 0; i < PC_GSI_NUM; i++) {
        sysbus_connect_irq(SYS_BUS_DEVICE(hpet), i, pc_gsi[i]);
    }
    qdev_connect_gpio_out(hpet, HPET_PIT_ENABLE_OUT,
                          qemu_allocate_irq(pc_pit_enable, NULL, 0));
    memcpy(isa_irqs, pc_gsi, ISA_NUM_IRQS * sizeof(qemu_irq));
    isa_irqs[8] = qdev_get_gpio_in(hpet, HPET_LEGACY_RTC_INT);
    return hpet;
}

static void pc_init(MachineState *ms)
{
    PCMachineState *pcms = PC_MACHINE(ms);
    Error *err = NULL;
    I440FXHostState *host;
    PCIBus *pci_bus;
    PCIDevice *piix3;
    ISABus *isa;
    static qemu_irq isa_irqs[ISA_NUM_IRQS];

    if (!current_accel()) {
        error_report("the pc machine needs an accelerator: use -accel kvm "
                     "(x86 emulation without KVM is not in Kestrel yet)");
        exit(1);
    }
    /* One transaction: the accelerator sees the final map once (slot
     * changes are expensive on KVM), not each step of building it. */
    memory_region_transaction_begin();
    pc_memory_init(pcms, ms, &err);
    memory_region_transaction_commit();
    if (err) {
        goto fail;
    }
    /* KVM's in-kernel PIC, IOAPIC, LAPICs and PIT: before the vCPUs are
     * created (cpus_start_all), so APs wait for INIT/SIPI; after the
     * memory slots, because a first slot added to a VM that already has
     * an irqchip costs 4-8 ms on this machine's KVM (measured: see
     * docs/performance.md, bench/start). */
    if (kvm_enabled() &&
        (!kvm_irqchip_create(&err) || !kvm_pit_create(&err))) {
        goto fail;
    }
    if (!pc_cpus_init(ms, &err)) {
        goto fail;
    }
    pci_bus = i440fx_init(&pcms->pci_memory, get_system_io(), &host, &err);
    if (!pci_bus) {
        goto fail;
    }
    piix3 = pci_create_simple_multifunction(pci_bus, PCI_DEVFN(1, 0), true,
                                            TYPE_PIIX3_DEVICE);
    isa = piix3_get_isa_bus(PIIX3_DEVICE(piix3));
    pc_rcr_init(host, OBJECT(piix3));
    for (int i = 0; i < PC_GSI_NUM; i++) {
        pc_gsi[i] = qemu_allocate_irq(pc_gsi_set, pcms, i);
    }
    if (!pc_hpet_init(isa_irqs, &err)) {
        goto fail;
    }
    isa_bus_irqs(isa, isa_irqs);
    if (!pc_isa_devices_init(pcms, ms, isa, &err)) {
        goto fail;
    }
    pc_fw_cfg_init(pcms, ms, &err);
    if (err) {
        goto fail;
    }
    if (!pc_acpi_init(pcms, ms, pci_bus, isa, &err)) {
        goto fail;
    }
    if (ms->kernel_filename && !x86_load_kernel(pcms, ms, &err)) {
        goto fail;
    }
    return;
fail:
    error_report_err(err);
    exit(1);
}

static void pc_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->name = "pc-i440fx-7.2";
    mc->alias = "pc";
    mc->desc = "Standard PC (i440FX + PIIX, 1996)";
    mc->is_default = true;
    mc->init = pc_init;
    mc->max_cpus = 255;
    mc->min_cpus = 1;
    mc->default_cpus = 1;
    mc->default_ram_size = 128 * MiB;
    mc->default_ram_id = "pc.ram";
}

static const TypeInfo pc_machine_type = {
    .name = MACHINE_TYPE_NAME("pc-i440fx-7.2"),
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(PCMachineState),
    .class_init = pc_machine_class_init,
};

static void pc_machine_register(void)
{
    type_register_static(&pc_machine_type);
}

type_init(pc_machine_register)
