/*
 * PCI configuration space layout (type 0 header), per the PCI Local Bus
 * Specification 3.0, chapter 6.
 */
#ifndef HW_PCI_REGS_H
#define HW_PCI_REGS_H

#define PCI_CONFIG_SPACE_SIZE       0x100
#define PCI_CONFIG_HEADER_SIZE      0x40

#define PCI_VENDOR_ID               0x00    /* 16 bits */
#define PCI_DEVICE_ID               0x02    /* 16 bits */
#define PCI_COMMAND                 0x04    /* 16 bits */
#define  PCI_COMMAND_IO             0x0001
#define  PCI_COMMAND_MEMORY         0x0002
#define  PCI_COMMAND_MASTER         0x0004
#define  PCI_COMMAND_PARITY         0x0040
#define  PCI_COMMAND_SERR           0x0100
#define  PCI_COMMAND_INTX_DISABLE   0x0400
#define PCI_STATUS                  0x06    /* 16 bits */
#define  PCI_STATUS_INTERRUPT       0x0008
#define  PCI_STATUS_FAST_BACK       0x0080
#define  PCI_STATUS_DEVSEL_MEDIUM   0x0200
/* Error bits the guest clears by writing 1 (bits 8 and 11..15). */
#define  PCI_STATUS_W1C_MASK        0xf900
#define PCI_REVISION_ID             0x08
#define PCI_CLASS_PROG              0x09
#define PCI_CLASS_DEVICE            0x0a    /* 16 bits: base class, sub */
#define PCI_CACHE_LINE_SIZE         0x0c
#define PCI_LATENCY_TIMER           0x0d
#define PCI_HEADER_TYPE             0x0e
#define  PCI_HEADER_TYPE_NORMAL     0x00
#define  PCI_HEADER_TYPE_MULTI_FUNCTION 0x80
#define PCI_BIST                    0x0f
#define PCI_BASE_ADDRESS_0          0x10
#define PCI_BASE_ADDRESS_5          0x24
#define  PCI_BASE_ADDRESS_SPACE_IO  0x01
#define  PCI_BASE_ADDRESS_SPACE_MEMORY 0x00
#define  PCI_BASE_ADDRESS_MEM_TYPE_64 0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH 0x08
#define  PCI_BASE_ADDRESS_IO_MASK   (~0x03u)
#define  PCI_BASE_ADDRESS_MEM_MASK  (~0x0fu)
#define PCI_SUBSYSTEM_VENDOR_ID     0x2c
#define PCI_SUBSYSTEM_ID            0x2e
#define PCI_ROM_ADDRESS             0x30
#define PCI_INTERRUPT_LINE          0x3c
#define PCI_INTERRUPT_PIN           0x3d    /* 1 = INTA# .. 4 = INTD# */
#define PCI_MIN_GNT                 0x3e
#define PCI_MAX_LAT                 0x3f

#endif
