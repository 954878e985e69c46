/* PCI vendor, device and class codes used by Kestrel's devices. */
#ifndef HW_PCI_IDS_H
#define HW_PCI_IDS_H

/* Base class << 8 | sub-class, as in config bytes 0x0b:0x0a. */
#define PCI_CLASS_STORAGE_IDE       0x0101
#define PCI_CLASS_NETWORK_ETHERNET  0x0200
#define PCI_CLASS_DISPLAY_VGA       0x0300
#define PCI_CLASS_BRIDGE_HOST       0x0600
#define PCI_CLASS_BRIDGE_ISA        0x0601
#define PCI_CLASS_BRIDGE_OTHER      0x0680
#define PCI_CLASS_OTHERS            0xff00

#define PCI_VENDOR_ID_INTEL         0x8086
#define PCI_DEVICE_ID_INTEL_82441   0x1237  /* i440FX PMC */
#define PCI_DEVICE_ID_INTEL_82371SB_0 0x7000 /* PIIX3 ISA bridge */

/* What QEMU puts in every device's subsystem IDs. */
#define PCI_SUBVENDOR_ID_REDHAT_QUMRANET 0x1af4
#define PCI_SUBDEVICE_ID_QEMU       0x1100

#endif
