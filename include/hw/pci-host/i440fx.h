/*
 * The Intel 82441FX (i440FX) PCI host bridge of the pc board.
 *
 * "i440FX-pcihost" (sysbus): owns the root PCI bus "pci.0" and the
 * configuration mechanism #1 ports: CONFIG_ADDRESS at 0xcf8 (32-bit
 * accesses only) and CONFIG_DATA at 0xcfc..0xcff (1, 2 or 4 bytes at
 * any offset that stays inside the dword).
 * "i440FX" (PCI, 00:00.0): 8086:1237 rev 02, class 0600 (host bridge).
 * PAM (0x59..0x5f) and SMRAM (0x72) are stored but not acted on yet
 * (logged under -d unimp).
 */
#ifndef HW_PCI_HOST_I440FX_H
#define HW_PCI_HOST_I440FX_H

#include "hw/sysbus.h"
#include "hw/pci/pci.h"

#define TYPE_I440FX_PCI_HOST_BRIDGE "i440FX-pcihost"
#define TYPE_I440FX_PCI_DEVICE "i440FX"

#define I440FX_CONFIG_ADDRESS_PORT 0xcf8
#define I440FX_CONFIG_DATA_PORT 0xcfc
#define I440FX_PAM 0x59
#define I440FX_PAM_SIZE 7
#define I440FX_SMRAM 0x72

OBJECT_DECLARE_SIMPLE_TYPE(I440FXHostState, I440FX_PCI_HOST_BRIDGE)

struct I440FXHostState {
    SysBusDevice parent_obj;
    MemoryRegion conf_idx;        /* "pci-conf-idx", 4 bytes at 0xcf8 */
    MemoryRegion conf_data;       /* "pci-conf-data", 4 bytes at 0xcfc */
    uint32_t config_reg;          /* CONFIG_ADDRESS as last written */
    MemoryRegion *pci_mem;        /* where memory BARs go */
    MemoryRegion *io;             /* system I/O: config ports and I/O BARs */
    PCIBus *bus;
    PCIDevice *pmc;               /* the "i440FX" function at 00:00.0 */
};

/*
 * Create and realize the host bridge and its 00:00.0 function; map the
 * config ports into io. pci_mem / io may be NULL for the system memory
 * and the system I/O space. Returns the root bus "pci.0".
 */
PCIBus *i440fx_init(MemoryRegion *pci_mem, MemoryRegion *io,
                    I440FXHostState **host, Error **errp);

#endif
