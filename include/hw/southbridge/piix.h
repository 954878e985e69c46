/*
 * Intel 82371SB (PIIX3) function 0: the PCI-to-ISA bridge of the pc board.
 *
 * "PIIX3" (PCI, normally 00:01.0, multifunction): 8086:7000, class 0601.
 * Realize creates the ISA bus "isa.0" over its PCI bus's I/O space and
 * installs the PCI interrupt routing: PCI INTx lines PIRQA..D (slot +
 * pin) % 4 go to the ISA IRQ named in config registers 0x60..0x63 (bit 7
 * set: not routed; reset value 0x80). The board connects the ISA bus's
 * lines to the interrupt controller with isa_bus_irqs().
 * Also maps "ioport80" (the POST code port 0x80: writes ignored, reads
 * all-ones, as QEMU's pc).
 * The reset control register at 0xcf9 is the pc board's
 * ("piix3-reset-control" in hw/i386/pc.c, beside the PCI config ports).
 * Not modelled: APIC base, top of memory, SMI registers (stored, not
 * acted on).
 */
#ifndef HW_SOUTHBRIDGE_PIIX_H
#define HW_SOUTHBRIDGE_PIIX_H

#include "hw/pci/pci.h"
#include "hw/isa/isa.h"

#define TYPE_PIIX3_DEVICE "PIIX3"

#define PIIX_NUM_PIRQS 4
#define PIIX_PIRQC 0x60             /* PIRQA..D route control, 4 bytes */
#define PIIX_PIRQ_DISABLE 0x80
#define PIIX_IOPORT80 0x80

OBJECT_DECLARE_SIMPLE_TYPE(PIIX3State, PIIX3_DEVICE)

struct PIIX3State {
    PCIDevice dev;
    ISABus *isa_bus;
    MemoryRegion ioport80;
    int pirq_level[PIIX_NUM_PIRQS];
    uint16_t isa_levels;            /* ISA IRQs we drive high (bitmap) */
};

/* The ISA bus of a realized PIIX3. */
ISABus *piix3_get_isa_bus(PIIX3State *s);

#endif
