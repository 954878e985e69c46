/*
 * "PIIX4_PM": the PIIX4 power-management function (PCI 8086:7113, class
 * 0x0680) that QEMU's pc puts at 00:01.3, as the pc board models it.
 *
 * Interface:
 *   - PM I/O block, 64 bytes at PMBA (config 0x40, bits 15:6; decoded when
 *     PMREGMISC (config 0x80) bit 0 is set): +0 PM1_STS (write 1 to
 *     clear), +2 PM1_EN, +4 PM1_CNT (SCI_EN, SLP_TYP, SLP_EN), +8 PM_TMR
 *     (24-bit, 3.579545 MHz, from the virtual clock).
 *   - GPE0 block, 4 bytes at 0xafe0: +0 GPE0_STS (write 1 to clear),
 *     +2 GPE0_EN.
 *   - GPIO out "sci": the SCI line (the board wires it to ISA IRQ 9; it is
 *     level: high while an enabled status bit is set).
 *   - piix4_pm_press_power_button(): sets PWRBTN_STS (system_powerdown).
 *
 * Differences from a PIIX4 after QEMU's firmware: there may be no
 * firmware (-kernel), so reset leaves PMBA at 0x600 with decoding on and
 * SCI_EN set (ACPI mode, no SMI_CMD handshake). Writing SLP_EN with
 * SLP_TYP 0 (the \_S5 value) powers off; other sleep types are logged
 * under -d unimp and ignored. The timer overflow event is not generated.
 */
#ifndef HW_ACPI_PIIX4_PM_H
#define HW_ACPI_PIIX4_PM_H

#include "hw/pci/pci.h"
#include "hw/irq.h"

#define TYPE_PIIX4_PM "PIIX4_PM"
OBJECT_DECLARE_SIMPLE_TYPE(PIIX4PMState, PIIX4_PM)

#define PIIX4_PM_DEVFN          PCI_DEVFN(1, 3)
#define PIIX4_PM_BASE           0x600
#define PIIX4_PM_SIZE           64
#define PIIX4_GPE0_BASE         0xafe0
#define PIIX4_GPE0_SIZE         4
#define PIIX4_PM_SCI_IRQ        9
#define PIIX4_PMBA              0x40    /* config: PM base address */
#define PIIX4_PMREGMISC         0x80    /* config: bit 0 enables PMBA */

/* PM1 registers (offsets in the PM block) and bits. */
#define ACPI_PM1_STS            0x00
#define ACPI_PM1_EN             0x02
#define ACPI_PM1_CNT            0x04
#define ACPI_PM_TMR             0x08
#define ACPI_PM1_TMR_STS        (1u << 0)
#define ACPI_PM1_GBL_STS        (1u << 5)
#define ACPI_PM1_PWRBTN_STS     (1u << 8)
#define ACPI_PM1_RTC_STS        (1u << 10)
#define ACPI_PM1_WAK_STS        (1u << 15)
#define ACPI_PM1_CNT_SCI_EN     (1u << 0)
#define ACPI_PM1_CNT_SLP_TYP_SHIFT 10
#define ACPI_PM1_CNT_SLP_TYP_MASK (7u << 10)
#define ACPI_PM1_CNT_SLP_EN     (1u << 13)
#define ACPI_PM_TIMER_HZ        3579545
#define PIIX4_SLP_TYP_S5        0

struct PIIX4PMState {
    PCIDevice dev;
    MemoryRegion io;            /* the PM block, mapped at PMBA */
    MemoryRegion gpe_io;        /* GPE0 at 0xafe0 */
    qemu_irq sci;
    uint16_t pm1_sts, pm1_en, pm1_cnt;
    uint16_t gpe0_sts, gpe0_en;
    bool sci_level;
};

/* The power button: sets PWRBTN_STS (the board's powerdown notifier
 * calls it; the device registers no notifier itself, so it can go away). */
void piix4_pm_press_power_button(PIIX4PMState *s);

#endif
