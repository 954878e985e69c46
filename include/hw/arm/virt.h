/*
 * The aarch64 "virt" board (QEMU's "virt-7.2", alias "virt"): QEMU's
 * memory map and interrupt numbers, so kernels, device trees and scripts
 * behave the same. hw/arm/virt.c builds it; hw/arm/virt-fdt.c writes its
 * device tree. See docs/boards/virt.md.
 */
#ifndef HW_ARM_VIRT_H
#define HW_ARM_VIRT_H

#include "hw/boards.h"
#include "hw/irq.h"
#include "hw/qdev.h"

#define TYPE_VIRT_MACHINE MACHINE_TYPE_NAME("virt-7.2")

/* Index into the memory map (QEMU's names and order where it has them). */
enum {
    VIRT_FLASH,
    VIRT_GIC_DIST,
    VIRT_GIC_CPU,           /* GICv2 CPU interface */
    VIRT_GIC_REDIST,        /* GICv3 redistributors */
    VIRT_UART,
    VIRT_RTC,
    VIRT_FW_CFG,
    VIRT_GPIO,
    VIRT_MMIO,              /* the first virtio-mmio transport */
    VIRT_MEM,
    VIRT_MEMMAP_COUNT,
};

/* SPI numbers (the GIC's INTID minus 32) of the board's devices. */
enum {
    VIRT_IRQ_UART = 1,
    VIRT_IRQ_RTC = 2,
    VIRT_IRQ_GPIO = 7,
    VIRT_IRQ_MMIO = 16,     /* transports 0..31: SPIs 16..47 */
};

#define VIRT_NUM_VIRTIO_TRANSPORTS 32
#define VIRT_VIRTIO_TRANSPORT_SIZE 0x200
/* Generic timer PPIs as the device tree numbers them (INTID - 16). */
#define VIRT_ARCH_TIMER_S_EL1_IRQ  13
#define VIRT_ARCH_TIMER_NS_EL1_IRQ 14
#define VIRT_ARCH_TIMER_VIRT_IRQ   11
#define VIRT_ARCH_TIMER_NS_EL2_IRQ 10
/* SPIs the GIC models: QEMU's virt asks for 256 SPIs (num-irq 288). */
#define VIRT_NUM_SPIS 256
/* The PL061 line the power button drives (gpio-keys, KEY_POWER). */
#define VIRT_GPIO_POWER_PIN 3

typedef struct MemMapEntry {
    hwaddr base;
    hwaddr size;
} MemMapEntry;

typedef struct VirtMachineState {
    MachineState parent_obj;
    const MemMapEntry *memmap;
    int gic_version;            /* 2 or 3, from gic_version_str */
    char *gic_version_str;      /* -M virt,gic-version= */
    bool highmem;               /* -M virt,highmem= (accepted, see docs) */
    bool secure, virtualization, its;   /* refused when on */
    DeviceState *gic;
    qemu_irq spi[VIRT_NUM_SPIS];    /* GIC inputs by SPI number */
    /* The flattened device tree (libfdt), built by virt_fdt_build. */
    void *fdt;
    int fdt_size;
    uint32_t clock_phandle, gic_phandle, gpio_phandle;
} VirtMachineState;

#define VIRT_MACHINE(obj) \
    OBJECT_CHECK(VirtMachineState, (obj), TYPE_VIRT_MACHINE)

/*
 * hw/arm/virt-fdt.c: build vms->fdt for the board as created (CPUs from
 * the machine's smp count, RAM size, gic_version, every device in the
 * memory map), nodes and properties as QEMU 7.2 writes them for the same
 * options. /chosen gets stdout-path only; the boot code adds bootargs and
 * the initrd range. False with errp set on a libfdt error.
 */
bool virt_fdt_build(VirtMachineState *vms, Error **errp);

#endif
