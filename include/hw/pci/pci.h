/*
 * The PCI bus ("PCI") and the abstract PCI device ("pci-device").
 *
 * A host bridge creates a root bus with pci_root_bus_new() over the memory
 * and I/O spaces that BARs map into, and forwards the guest's configuration
 * cycles to pci_bus_config_read/write (bus number 0 only: there are no
 * PCI-PCI bridges yet). A device subclass fills its IDs in PCIDeviceClass,
 * registers BARs with pci_register_bar() from its realize, and raises its
 * INTx pin with pci_set_irq(). The owner of the interrupt routing (the
 * PIIX3 on a pc) installs it with pci_bus_irqs().
 *
 * Config space: 256 bytes; wmask says which bits the guest may write,
 * w1cmask which it clears by writing 1 (status errors). Bytes 0x40..0xff
 * are writable unless the device says otherwise. BARs are sized the usual
 * way (write all-ones, read back the mask) and mapped when the command
 * register enables I/O or memory decoding.
 *
 * -device X,addr=SLOT[.FN] (hex, as QEMU: addr=0x3, addr=03.1) picks the
 * slot; without it the first free slot is used.
 *
 * See docs/devel/pci.md.
 */
#ifndef HW_PCI_H
#define HW_PCI_H

#include "hw/qdev.h"
#include "exec/memory.h"
#include "hw/pci/pci_regs.h"
#include "hw/pci/pci_ids.h"

#define TYPE_PCI_BUS "PCI"
#define TYPE_PCI_DEVICE "pci-device"

typedef uint64_t pcibus_t;
#define PCI_BAR_UNMAPPED ((pcibus_t)-1)
#define PCI_NUM_BARS 6
#define PCI_NUM_PINS 4
#define PCI_DEVFN_MAX 256

#define PCI_DEVFN(slot, fn) ((((slot) & 0x1f) << 3) | ((fn) & 0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)
/* The "addr" property before it is set: pick the first free slot. */
#define PCI_DEVFN_AUTO (-1)

typedef struct PCIBus PCIBus;

OBJECT_DECLARE_TYPE(PCIDevice, PCIDeviceClass, PCI_DEVICE)

/* Interrupt routing: map_irq picks the bus line of a device's pin (0..3),
 * set_irq is told the line's level (any device asserting it). */
typedef int (*pci_map_irq_fn)(PCIDevice *dev, int pin);
typedef void (*pci_set_irq_fn)(void *opaque, int line, int level);

typedef struct PCIIORegion {
    pcibus_t addr;            /* where it is mapped, or PCI_BAR_UNMAPPED */
    pcibus_t size;            /* 0: BAR not implemented */
    uint8_t type;             /* PCI_BASE_ADDRESS_SPACE_IO or MEM flags */
    MemoryRegion *memory;
    MemoryRegion *address_space;
} PCIIORegion;

struct PCIDeviceClass {
    DeviceClass parent_class;
    /* The subclass's own realize/exit; the PCI core does the rest. */
    bool (*realize)(PCIDevice *dev, Error **errp);
    void (*exit)(PCIDevice *dev);
    /* Config accesses (already range-checked). NULL: the defaults. */
    uint32_t (*config_read)(PCIDevice *dev, uint32_t addr, unsigned len);
    void (*config_write)(PCIDevice *dev, uint32_t addr, uint32_t val,
                         unsigned len);
    uint16_t vendor_id;
    uint16_t device_id;
    uint8_t revision;
    uint16_t class_id;        /* base class << 8 | sub-class */
    uint16_t subsystem_vendor_id;   /* 0: QEMU's 1af4:1100 */
    uint16_t subsystem_id;
};

struct PCIDevice {
    DeviceState qdev;
    uint8_t config[PCI_CONFIG_SPACE_SIZE];
    uint8_t wmask[PCI_CONFIG_SPACE_SIZE];
    uint8_t w1cmask[PCI_CONFIG_SPACE_SIZE];
    int32_t devfn;            /* property "addr" */
    bool multifunction;       /* property "multifunction" */
    PCIBus *bus;
    PCIIORegion io_regions[PCI_NUM_BARS];
    int irq_state;            /* INTx level the device asserts */
    bool irq_forwarded;       /* counted on its bus line (not disabled) */
};

struct PCIBus {
    BusState qbus;
    PCIDevice *devices[PCI_DEVFN_MAX];
    MemoryRegion *address_space_mem;
    MemoryRegion *address_space_io;
    uint8_t devfn_min;
    pci_map_irq_fn map_irq;
    pci_set_irq_fn set_irq;
    void *irq_opaque;
    int nirq;
    int *irq_count;           /* devices asserting each line */
};

OBJECT_DECLARE_SIMPLE_TYPE(PCIBus, PCI_BUS)

/* A root bus named name ("pci.0") on parent, BARs mapped into mem / io. */
PCIBus *pci_root_bus_new(DeviceState *parent, const char *name,
                         MemoryRegion *mem, MemoryRegion *io,
                         uint8_t devfn_min);
/* Install INTx routing for nirq bus lines. map_irq may be NULL: the
 * standard swizzle (slot + pin) % nirq. */
void pci_bus_irqs(PCIBus *bus, pci_set_irq_fn set_irq, pci_map_irq_fn map_irq,
                  void *opaque, int nirq);
/* Level of bus line n (0 if out of range). */
int pci_bus_get_irq_level(PCIBus *bus, int n);

/* Guest config cycles: len 1, 2 or 4; offset+len within 256; reads of an
 * empty devfn, a bad size or range return all-ones, writes are dropped. */
uint32_t pci_bus_config_read(PCIBus *bus, uint8_t devfn, uint32_t offset,
                             unsigned len);
void pci_bus_config_write(PCIBus *bus, uint8_t devfn, uint32_t offset,
                          uint32_t val, unsigned len);
PCIDevice *pci_bus_find_device(PCIBus *bus, uint8_t devfn);

/* Default config behaviour, for subclasses that wrap it. */
uint32_t pci_default_read_config(PCIDevice *dev, uint32_t addr, unsigned len);
void pci_default_write_config(PCIDevice *dev, uint32_t addr, uint32_t val,
                              unsigned len);

/* BAR n (0..5) of a power-of-two size; type is SPACE_IO or MEMORY flags
 * (MEM_TYPE_64 uses BAR n+1 as the upper half). Call from realize. */
void pci_register_bar(PCIDevice *dev, int n, uint8_t type, MemoryRegion *mr);
pcibus_t pci_get_bar_addr(PCIDevice *dev, int n);

/* The PCI part of a reset: decoding off, BARs cleared, INTx dropped.
 * The default device reset; subclasses with their own call it first. */
void pci_device_reset(PCIDevice *dev);

/* INTx: pin from PCI_INTERRUPT_PIN (set it in realize). */
void pci_set_irq(PCIDevice *dev, int level);

/* Board helpers: create, set addr (PCI_DEVFN_AUTO for any) and realize;
 * failure is a board bug (&error_abort). */
PCIDevice *pci_create_simple(PCIBus *bus, int devfn, const char *name);
PCIDevice *pci_create_simple_multifunction(PCIBus *bus, int devfn,
                                           bool multifunction,
                                           const char *name);

/* "class ISA bridge" wording of "info qtree" / "info pci". */
const char *pci_class_name(uint16_t class_id);

static inline void pci_set_byte(uint8_t *p, uint8_t v) { p[0] = v; }
static inline uint8_t pci_get_byte(const uint8_t *p) { return p[0]; }
static inline void pci_set_word(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}
static inline uint16_t pci_get_word(const uint8_t *p)
{
    return p[0] | (uint16_t)p[1] << 8;
}
static inline void pci_set_long(uint8_t *p, uint32_t v)
{
    pci_set_word(p, v);
    pci_set_word(p + 2, v >> 16);
}
static inline uint32_t pci_get_long(const uint8_t *p)
{
    return pci_get_word(p) | (uint32_t)pci_get_word(p + 2) << 16;
}

#endif
