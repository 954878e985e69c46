/*
 * PL061 GPIO controller ("pl061"), ARM DDI 0190. Interface: one 4 KiB MMIO
 * region; one IRQ output (the combined GPIOINTR); 8 unnamed GPIO inputs
 * (what drives each pin from outside: the virt board's power button is
 * input 3); 8 unnamed GPIO outputs (each pin's level as seen from outside:
 * DATA for pins set as outputs, the pull level for inputs); properties
 * "pullups" (default 0xff) and "pulldowns" (default 0), as QEMU's.
 * See docs/devices.md.
 */
#ifndef HW_GPIO_PL061_H
#define HW_GPIO_PL061_H

#include "hw/sysbus.h"

#define TYPE_PL061 "pl061"
#define PL061_NUM_GPIOS 8

OBJECT_DECLARE_SIMPLE_TYPE(PL061State, PL061)

struct PL061State {
    SysBusDevice parent_obj;
    MemoryRegion iomem;
    qemu_irq irq;
    qemu_irq out[PL061_NUM_GPIOS];

    /* Registers (all 8 bits wide; reset values are 0). */
    uint32_t data;            /* output latch: only DIR=1 bits are kept */
    uint32_t dir;
    uint32_t is;              /* 1: level sensitive */
    uint32_t ibe;             /* 1: both edges */
    uint32_t iev;             /* 1: rising edge / high level */
    uint32_t ie;
    uint32_t ris;             /* latched interrupts, cleared by IC */
    uint32_t afsel;

    /* Pins. */
    uint32_t in_level;        /* what the GPIO inputs drive */
    uint32_t old_level;       /* pin levels at the last update (edges) */
    uint32_t old_out;         /* levels last driven on the outputs */
    bool out_valid;           /* old_out has been driven once */
    uint32_t pullups;         /* properties */
    uint32_t pulldowns;
};

/*
 * Board helper: create, realize, map at addr, connect irq. The caller
 * drives pins with qdev_get_gpio_in(dev, n). NULL with errp set.
 */
DeviceState *pl061_create(hwaddr addr, qemu_irq irq, Error **errp);

#endif
