/*
 * QEMU's firmware configuration device (QEMU docs/specs/fw_cfg.txt), in
 * two flavours on one abstract type "fw_cfg":
 *
 * "fw_cfg_io" (x86): a 16-bit selector written at iobase (0x510) picks an
 * item, reset to offset 0; 8-bit reads of the data port iobase+1 (0x511)
 * return its bytes in order, then 0 past the end (also for a selector
 * naming no item). The DMA port (0x514) is not implemented and FW_CFG_ID
 * says so (0x01).
 *
 * "fw_cfg_mem" (arm virt, at 0x09020000): three sysbus MMIO regions in
 * QEMU's order: 0 the selector "fwcfg.ctl" (16-bit, big endian; the board
 * maps it at base + 8), 1 the data register "fwcfg.data" (at base; reads
 * of 1 up to data_width bytes take that many bytes of the item, the first
 * at the lowest address), 2 the DMA address "fwcfg.dma" (at base + 16,
 * big endian; an 8-byte write, or 4-byte writes high then low, starts a
 * transfer; a read gives the signature "QEMU CFG"). fw_cfg_init_mem()
 * maps all three. Properties as QEMU's: data_width (1, 2, 4 or 8; default
 * 8), dma_enabled (default true: FW_CFG_ID is 0x03), x-file-slots (only
 * 32), acpi-mr-restore (accepted, no effect). A transfer reads a
 * FWCfgDmaAccess (be32 control, be32 length, be64 address) from guest
 * memory, does select/skip/read and writes control back as 0, or with
 * bit 0 (error) set; writes to items are refused that way.
 *
 * Both: bit 15 of the selector picks the arch-local key space; bit 14
 * (write) is logged and ignored. A reset selects the signature (key 0),
 * as QEMU does.
 *
 * The board fills items with fw_cfg_add_*(); numbers are stored little
 * endian. Named files get keys from FW_CFG_FILE_FIRST in name order and
 * are listed in FW_CFG_FILE_DIR: a big-endian count, then per file a
 * big-endian size, select key, reserved 16 bits and a 56-byte name.
 */
#ifndef HW_NVRAM_FW_CFG_H
#define HW_NVRAM_FW_CFG_H

#include "hw/sysbus.h"

#define TYPE_FW_CFG "fw_cfg"
#define TYPE_FW_CFG_IO "fw_cfg_io"
#define TYPE_FW_CFG_MEM "fw_cfg_mem"
#define FW_CFG_IO_BASE 0x510

/* Where fw_cfg_init_mem() puts fw_cfg_mem's registers (as QEMU's virt). */
#define FW_CFG_MEM_DATA 0x00
#define FW_CFG_MEM_CTL 0x08
#define FW_CFG_MEM_DMA 0x10
#define FW_CFG_MEM_SIZE 0x18      /* the device tree's reg size */

#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_ID 0x01
#define FW_CFG_UUID 0x02
#define FW_CFG_RAM_SIZE 0x03
#define FW_CFG_NOGRAPHIC 0x04
#define FW_CFG_NB_CPUS 0x05
#define FW_CFG_MACHINE_ID 0x06
#define FW_CFG_KERNEL_ADDR 0x07
#define FW_CFG_KERNEL_SIZE 0x08
#define FW_CFG_KERNEL_CMDLINE 0x09
#define FW_CFG_INITRD_ADDR 0x0a
#define FW_CFG_INITRD_SIZE 0x0b
#define FW_CFG_BOOT_DEVICE 0x0c
#define FW_CFG_NUMA 0x0d
#define FW_CFG_BOOT_MENU 0x0e
#define FW_CFG_MAX_CPUS 0x0f
#define FW_CFG_KERNEL_ENTRY 0x10
#define FW_CFG_KERNEL_DATA 0x11
#define FW_CFG_INITRD_DATA 0x12
#define FW_CFG_CMDLINE_ADDR 0x13
#define FW_CFG_CMDLINE_SIZE 0x14
#define FW_CFG_CMDLINE_DATA 0x15
#define FW_CFG_SETUP_ADDR 0x16
#define FW_CFG_SETUP_SIZE 0x17
#define FW_CFG_SETUP_DATA 0x18
#define FW_CFG_FILE_DIR 0x19
#define FW_CFG_FILE_FIRST 0x20
#define FW_CFG_FILE_SLOTS 0x20

#define FW_CFG_WRITE_CHANNEL 0x4000
#define FW_CFG_ARCH_LOCAL 0x8000
#define FW_CFG_ENTRY_MASK 0x3fff
#define FW_CFG_MAX_ENTRY (FW_CFG_FILE_FIRST + FW_CFG_FILE_SLOTS)
#define FW_CFG_INVALID 0xffff
#define FW_CFG_MAX_FILE_PATH 56

/* FW_CFG_ID feature bits. */
#define FW_CFG_VERSION 0x01
#define FW_CFG_VERSION_DMA 0x02

/* FWCfgDmaAccess control bits. */
#define FW_CFG_DMA_CTL_ERROR 0x01
#define FW_CFG_DMA_CTL_READ 0x02
#define FW_CFG_DMA_CTL_SKIP 0x04
#define FW_CFG_DMA_CTL_SELECT 0x08
#define FW_CFG_DMA_CTL_WRITE 0x10
/* What a read of the DMA address register returns: "QEMU CFG". */
#define FW_CFG_DMA_SIGNATURE 0x51454d5520434647ULL

/* One state for both flavours: FW_CFG() casts either. */
OBJECT_DECLARE_SIMPLE_TYPE(FWCfgState, FW_CFG)
OBJECT_DECLARE_SIMPLE_TYPE(FWCfgState, FW_CFG_IO)
OBJECT_DECLARE_SIMPLE_TYPE(FWCfgState, FW_CFG_MEM)

typedef struct FWCfgEntry {
    uint32_t len;
    uint8_t *data;                /* owned (a copy of what was added) */
} FWCfgEntry;

typedef struct FWCfgFile {
    char name[FW_CFG_MAX_FILE_PATH];
    uint8_t *data;                /* owned */
    uint32_t len;
} FWCfgFile;

struct FWCfgState {
    SysBusDevice parent_obj;
    MemoryRegion io;              /* fw_cfg_io: "fwcfg", 2 bytes at iobase */
    uint32_t iobase;
    MemoryRegion mem_ctl;         /* fw_cfg_mem: "fwcfg.ctl", 2 bytes */
    MemoryRegion mem_data;        /* "fwcfg.data", data_width bytes */
    MemoryRegion mem_dma;         /* "fwcfg.dma", 8 bytes */
    bool mem_regions_init;        /* the three above exist (after realize) */
    uint32_t data_width;          /* properties (fw_cfg_mem) */
    bool dma_enabled;             /* FW_CFG_ID has FW_CFG_VERSION_DMA */
    uint16_t file_slots;
    bool acpi_mr_restore;
    uint64_t dma_addr;            /* high half latched by a 4-byte write */
    AddressSpace *dma_as;         /* guest memory for transfers */
    FWCfgEntry entries[2][FW_CFG_MAX_ENTRY]; /* [arch-local][key] */
    FWCfgFile files[FW_CFG_FILE_SLOTS];      /* sorted by name */
    unsigned nr_files;
    uint16_t cur_entry;           /* selected key, FW_CFG_INVALID if none */
    uint32_t cur_offset;
};

/* Create, realize, map at iobase in the system I/O space. */
FWCfgState *fw_cfg_init_io(uint16_t iobase, Error **errp);
/* Create "fw_cfg_mem", realize, map data at base, the selector at base + 8
 * and DMA at base + 16 in system memory; transfers go to
 * address_space_memory. */
FWCfgState *fw_cfg_init_mem(hwaddr base, Error **errp);

/* Items by key (may include FW_CFG_ARCH_LOCAL); replaces an older item.
 * Keys outside the item space or in the file range are a board bug. */
void fw_cfg_add_bytes(FWCfgState *s, uint16_t key, const void *data,
                      size_t len);
void fw_cfg_add_string(FWCfgState *s, uint16_t key, const char *value);
void fw_cfg_add_i16(FWCfgState *s, uint16_t key, uint16_t value);
void fw_cfg_add_i32(FWCfgState *s, uint16_t key, uint32_t value);
void fw_cfg_add_i64(FWCfgState *s, uint16_t key, uint64_t value);
/* A named file ("etc/e820"); fails on a duplicate name, a name too long,
 * or when all FW_CFG_FILE_SLOTS are used. */
bool fw_cfg_add_file(FWCfgState *s, const char *name, const void *data,
                     size_t len, Error **errp);
/* The key a file got (it changes as files are added), or FW_CFG_INVALID. */
uint16_t fw_cfg_file_key(FWCfgState *s, const char *name);

#endif
