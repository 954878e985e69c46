/*
 * A 64 KiB reset-vector BIOS (loaded with -bios) that checks the pc
 * board's ACPI tables as an OS would, then powers off through ACPI S5.
 *
 * With -bios the 0xe0000 area is this ROM, so the RSDP comes from fw_cfg
 * ("etc/acpi/rsdp", found in the file directory through ports 0x510 and
 * 0x511); its XSDT address points at the tables in RAM. Unreal mode (FS
 * with a 4 GiB limit) reaches them from real mode.
 *
 * Reports on COM1: "xsdt", "cpus" (enabled MADT entries), "pm1a_cnt",
 * "s5" (SLP_TYP from \_S5 in the DSDT), "pm_tmr ok" (the PM timer counts,
 * 24 bits wide). Every checksum is checked. Then:
 *   PWRBTN=0: write SLP_TYP|SLP_EN to PM1a_CNT: the process ends, status 0.
 *   PWRBTN=1: enable the power button event, route IRQ 9 (the SCI) through
 *     the PIC, print "waiting for power button" and halt; the SCI handler
 *     checks PWRBTN_STS, clears it, prints "pwrbtn sci" and powers off.
 * Any failure: "acpi: FAIL" and isa-debug-exit 1 (status 3).
 * Build: as --32 --defsym PWRBTN=0|1, ld -m elf_i386 -Ttext 0, objcopy.
 */
    .code16
    .text
    .globl _start

/* Scratch variables in low RAM (linear addresses, through FS). */
    .equ RSDP_BUF, 0x1000
    .equ DIR_BUF, 0x1100
    .equ V_FADT, 0x1200
    .equ V_MADT, 0x1204
    .equ V_PM1A_CNT, 0x1208
    .equ V_SLP_TYP, 0x120c
    .equ V_PM1A_EVT, 0x1210

_start:
    cli
    cld
    /* Only the bootstrap processor runs the checks (IA32_APIC_BASE.BSP):
     * application processors that start here too just halt. */
    mov $0x1b, %ecx
    rdmsr
    test $0x100, %ax
    jnz 1f
0:  hlt
    jmp 0b
1:
    xor %ax, %ax
    mov %ax, %ss
    mov $0x7000, %sp
    mov %ax, %es
    mov %cs, %ax
    mov %ax, %ds                /* strings live in this segment */
    xor %bp, %bp                /* failure count */
    call unreal
    xor %eax, %eax
    mov %eax, %fs:V_FADT
    mov %eax, %fs:V_MADT
    mov %eax, %fs:V_SLP_TYP

    mov $msg_hello, %si
    call puts
    call load_rsdp
    mov $RSDP_BUF, %esi
    mov $20, %ecx
    call sum32
    call expect_zero
    mov $RSDP_BUF, %esi
    mov $36, %ecx
    call sum32
    call expect_zero

    /* XSDT -> every table; keep the FADT and the MADT. */
    mov %fs:RSDP_BUF + 24, %esi
    mov $msg_xsdt, %si
    call puts
    mov %fs:RSDP_BUF + 24, %eax
    call puthex32
    mov %eax, %esi
    call check_table
    mov %fs:4(%esi), %ecx
    sub $36, %ecx
    shr $3, %ecx
    lea 36(%esi), %edi
walk:
    test %ecx, %ecx
    jz walked
    mov %fs:(%edi), %ebx
    push %esi
    mov %ebx, %esi
    call check_table
    mov %fs:(%esi), %eax
    cmp $0x50434146, %eax       /* "FACP" */
    jne 1f
    mov %esi, %fs:V_FADT
1:  cmp $0x43495041, %eax       /* "APIC" */
    jne 2f
    mov %esi, %fs:V_MADT
2:  pop %esi
    add $8, %edi
    dec %ecx
    jmp walk
walked:
    call check_fadt
    call count_cpus
    call check_pm_timer

    mov $msg_nl, %si
    call puts
.if PWRBTN
    test %bp, %bp
    jnz poweroff
    call wait_power_button
.endif
    jmp poweroff

/* ---- FADT: DSDT (checksum, \_S5), PM1a blocks ---- */
check_fadt:
    mov %fs:V_FADT, %esi
    test %esi, %esi
    jnz 1f
    inc %bp
    ret
1:  mov %fs:64(%esi), %eax
    mov %eax, %fs:V_PM1A_CNT
    mov %fs:56(%esi), %eax
    mov %eax, %fs:V_PM1A_EVT
    mov %fs:40(%esi), %esi      /* DSDT */
    call check_table
    cmpl $0x54445344, %fs:(%esi) /* "DSDT" */
    je 2f
    inc %bp
2:  call find_s5
    mov $msg_pm1a, %si
    call puts
    mov %fs:V_PM1A_CNT, %eax
    call puthex32
    mov $msg_s5, %si
    call puts
    mov %fs:V_SLP_TYP, %eax
    call puthex32
    ret

/* esi = DSDT: find "_S5_" then PackageOp PkgLength(1) NumElements and
 * take the first element (Zero, One or BytePrefix n) as SLP_TYP. */
find_s5:
    mov %fs:4(%esi), %ecx
    sub $8, %ecx
    lea 36(%esi), %edi
1:  cmpl $0x5f35535f, %fs:(%edi) /* "_S5_" */
    je 2f
    inc %edi
    dec %ecx
    jnz 1b
    inc %bp                     /* no \_S5 */
    ret
2:  cmpb $0x12, %fs:4(%edi)     /* PackageOp */
    je 3f
    inc %bp
    ret
3:  movzbl %fs:7(%edi), %eax
    cmp $0x0a, %al
    jne 4f
    movzbl %fs:8(%edi), %eax
4:  mov %eax, %fs:V_SLP_TYP
    ret

/* ---- MADT: count enabled processors ---- */
count_cpus:
    mov %fs:V_MADT, %esi
    test %esi, %esi
    jnz 1f
    inc %bp
    ret
1:  mov %fs:4(%esi), %edx
    add %esi, %edx              /* end */
    lea 44(%esi), %edi
    xor %ebx, %ebx
2:  cmp %edx, %edi
    jae 5f
    movzbl %fs:1(%edi), %ecx
    test %ecx, %ecx
    jz 6f
    cmpb $0, %fs:(%edi)         /* processor local APIC */
    jne 3f
    testb $1, %fs:4(%edi)
    jz 4f
    inc %ebx
    jmp 4f
3:  cmpb $9, %fs:(%edi)         /* processor local x2APIC */
    jne 4f
    testb $1, %fs:8(%edi)
    jz 4f
    inc %ebx
4:  add %ecx, %edi
    jmp 2b
6:  inc %bp                     /* zero-length entry */
5:  mov $msg_cpus, %si
    call puts
    mov %ebx, %eax
    call puthex32
    ret

/* ---- PM timer: 24 bits, and it moves ---- */
check_pm_timer:
    mov %fs:V_FADT, %esi
    test %esi, %esi
    jz 3f
    mov %fs:76(%esi), %edx      /* PM_TMR_BLK */
    in %dx, %eax
    mov %eax, %ebx
    mov $0x1000000, %ecx        /* a bound, not a time: ~16M reads */
1:  in %dx, %eax
    test $0xff000000, %eax
    jnz 3f
    cmp %eax, %ebx
    jne 2f
    dec %ecx
    jnz 1b
    jmp 3f
2:  mov $msg_tmr, %si
    call puts
    ret
3:  inc %bp
    ret

/* ---- power button ---- */
.if PWRBTN
wait_power_button:
    /* PIC: master at 0x08, slave at 0x70, only IRQ 2 and IRQ 9 open. */
    mov $0x11, %al
    out %al, $0x20
    out %al, $0xa0
    mov $0x08, %al
    out %al, $0x21
    mov $0x70, %al
    out %al, $0xa1
    mov $0x04, %al
    out %al, $0x21
    mov $0x02, %al
    out %al, $0xa1
    mov $0x01, %al
    out %al, $0x21
    out %al, $0xa1
    mov $0xfb, %al
    out %al, $0x21
    mov $0xfd, %al
    out %al, $0xa1
    /* Local APIC: software-enabled, LINT0 as ExtINT, so the PIC's
     * output reaches this CPU (what a BIOS sets up). */
    mov $0xfee00000, %edi
    movl $0x1ff, %fs:0xf0(%edi)
    movl $0x700, %fs:0x350(%edi)
    movw $sci_handler, %es:0x71 * 4
    mov %cs, %ax
    mov %ax, %es:0x71 * 4 + 2
    /* PWRBTN_EN in PM1_EN (PM1a_EVT + 2). */
    mov %fs:V_PM1A_EVT, %edx
    add $2, %dx
    mov $0x0100, %ax
    out %ax, %dx
    mov $msg_wait, %si
    call puts
    sti
1:  hlt
    jmp 1b

sci_handler:
    mov %fs:V_PM1A_EVT, %edx
    in %dx, %ax
    movzwl %ax, %eax
    mov $msg_sci, %si
    call puts
    call puthex32
    mov $msg_nl, %si
    call puts
    test $0x0100, %ax
    jnz 1f
    inc %bp
1:  out %ax, %dx                /* write the status back: clears it */
    in %dx, %ax
    test $0x0100, %ax
    jz 2f
    inc %bp
2:  mov $0x20, %al
    out %al, $0xa0
    out %al, $0x20
    jmp poweroff
.endif

/* ---- the end: S5 through PM1a_CNT, or isa-debug-exit on failure ---- */
poweroff:
    cli
    mov $msg_pass, %si
    test %bp, %bp
    jz 1f
    mov $msg_fail, %si
1:  call puts
    test %bp, %bp
    jnz 3f
    mov %fs:V_SLP_TYP, %eax
    shl $10, %ax
    or $0x2000, %ax             /* SLP_EN */
    mov %fs:V_PM1A_CNT, %edx
    out %ax, %dx
    /* Powered off: the host ends the process. If S5 did nothing, the
     * test's timeout reports it. */
2:  hlt
    jmp 2b
3:  mov $1, %al
    out %al, $0xf4
4:  hlt
    jmp 4b

/* ---- helpers ---- */

/* FS gets base 0 and a 4 GiB limit, kept back in real mode. */
unreal:
    lgdtl %cs:gdt_desc
    mov %cr0, %eax
    or $1, %al
    mov %eax, %cr0
    jmp 1f
1:  mov $0x08, %bx
    mov %bx, %fs
    and $0xfe, %al
    mov %eax, %cr0
    jmp 2f
2:  ret

/* Read cx bytes of the selected fw_cfg item to es:di. */
fw_read:
    mov $0x511, %dx
1:  in %dx, %al
    stosb
    loop 1b
    ret

/* Find "etc/acpi/rsdp" in the fw_cfg directory and read it to RSDP_BUF. */
load_rsdp:
    mov $0x19, %ax
    mov $0x510, %dx
    out %ax, %dx
    mov $DIR_BUF, %di
    mov $4, %cx
    call fw_read
    mov %es:DIR_BUF + 2, %bx
    xchg %bl, %bh               /* count (big endian; < 64K files) */
1:  test %bx, %bx
    jz 3f
    mov $DIR_BUF, %di
    mov $64, %cx
    call fw_read
    mov $name_rsdp, %si
    mov $DIR_BUF + 8, %di
    mov $14, %cx
    repe cmpsb
    je 2f
    dec %bx
    jmp 1b
2:  mov %es:DIR_BUF + 4, %ax
    xchg %al, %ah
    mov $0x510, %dx
    out %ax, %dx
    mov $RSDP_BUF, %di
    mov $36, %cx
    call fw_read
    cmpl $0x20445352, %es:RSDP_BUF  /* "RSD " */
    je 4f
3:  mov $msg_norsdp, %si
    call puts
    inc %bp
    mov $msg_fail, %si
    call puts
    jmp poweroff
4:  ret

/* al = 8-bit sum of ecx bytes at linear esi (esi, ecx clobbered). */
sum32:
    xor %al, %al
    test %ecx, %ecx
    jz 2f
1:  add %fs:(%esi), %al
    inc %esi
    dec %ecx
    jnz 1b
2:  ret

expect_zero:
    test %al, %al
    jz 1f
    inc %bp
    push %si
    mov $msg_badsum, %si
    call puts
    pop %si
1:  ret

/* esi = a table: its length must be sane and its bytes sum to 0. */
check_table:
    push %esi
    push %ecx
    push %eax
    mov %fs:4(%esi), %ecx
    cmp $36, %ecx
    jae 1f
    inc %bp
    jmp 2f
1:  call sum32
    call expect_zero
2:  pop %eax
    pop %ecx
    pop %esi
    ret

    .include "serial16.inc"

    .align 8
gdt:
    .quad 0
    .quad 0x00cf93000000ffff    /* data: base 0, 4 GiB, read/write */
gdt_desc:
    .word 15
    .long 0xf0000 + gdt

name_rsdp:  .asciz "etc/acpi/rsdp"
msg_hello:  .asciz "bios-acpi\n"
msg_xsdt:   .asciz "xsdt "
msg_pm1a:   .asciz "\npm1a_cnt "
msg_s5:     .asciz "\ns5 "
msg_cpus:   .asciz "\ncpus "
msg_nl:     .asciz "\n"
msg_tmr:    .asciz "\npm_tmr ok"
msg_wait:   .asciz "waiting for power button\n"
msg_sci:    .asciz "pwrbtn sci "
msg_badsum: .asciz "bad checksum\n"
msg_norsdp: .asciz "no etc/acpi/rsdp in fw_cfg\n"
msg_pass:   .asciz "acpi: PASS\n"
msg_fail:   .asciz "acpi: FAIL\n"

    .org 0xfff0
    ljmp $0xf000, $_start
    .org 0x10000
