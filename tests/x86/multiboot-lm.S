/*
 * A multiboot v1 kernel (ELF, linked at 1 MiB) for -kernel on pc. In
 * 32-bit mode it prints the multiboot information it got (magic, flags,
 * mem_upper, command line, modules); then it builds identity page tables
 * for the low 4 GiB, enters long mode, enables its LAPIC, routes IOAPIC
 * pin 2 (the PIT, ISA IRQ0 -> GSI 2 as in QEMU's MADT) to vector 0x30 and
 * waits for one PIT tick; then starts the other vCPUs with INIT/SIPI (a
 * real-mode trampoline at 0x8000 that counts itself) and prints how many
 * CPUs run (fw_cfg's CPU count bounds the wait). Exits through
 * isa-debug-exit with 0x2a (process status 85).
 * Build: gcc -m64 -c && ld -m elf_x86_64 -Ttext 0x100000 &&
 * objcopy -O elf32-i386 (64-bit relocations cannot go in an ELF32 object).
 */
#define COM1        0x3f8
#define LAPIC       0xfee00000
#define IOAPIC      0xfec00000
#define AP_COUNT    0x7ff0
#define TRAMPOLINE  0x8000
#define PIT_VECTOR  0x30

    .code32
    .text
    .globl _start
_start:
    jmp entry
    .align 4
mb_header:
    .long 0x1badb002, 0, -0x1badb002

entry:
    cli
    mov $stack_top, %esp
    mov %ebx, mbi
    mov $msg_magic, %esi
    call puts
    call puthex32                   /* EAX: 0x2badb002 */
    call newline
    mov mbi, %ebx
    mov $msg_flags, %esi
    call puts
    mov (%ebx), %eax
    call puthex32
    call newline
    mov $msg_mem, %esi
    call puts
    mov 4(%ebx), %eax
    call puthex32
    call space
    mov 8(%ebx), %eax
    call puthex32
    call newline
    mov $msg_cmdline, %esi
    call puts
    mov 16(%ebx), %esi
    call puts
    mov $msg_close, %esi
    call puts
    mov $msg_mods, %esi
    call puts
    mov 20(%ebx), %ecx
    mov %ecx, %eax
    call puthex32
    call newline
    mov 24(%ebx), %edi
1:  test %ecx, %ecx
    jz 2f
    mov $msg_mod, %esi
    call puts
    mov 4(%edi), %eax
    sub 0(%edi), %eax
    call puthex32
    call space
    mov $'[', %al
    call putc
    mov 8(%edi), %esi
    call puts
    mov $msg_close, %esi
    call puts
    add $16, %edi
    dec %ecx
    jmp 1b

2:  /* Identity map 4 GiB with 2 MiB pages: PML4 -> PDPT -> 4 PDs. */
    mov $pd, %edi
    xor %ecx, %ecx
3:  mov %ecx, %eax
    shl $21, %eax
    or $0x83, %eax                  /* present, writable, 2 MiB */
    mov %eax, (%edi,%ecx,8)
    mov %ecx, %eax
    shr $11, %eax                   /* bits 32+ of the address */
    mov %eax, 4(%edi,%ecx,8)
    inc %ecx
    cmp $2048, %ecx
    jne 3b
    mov $pdpt, %edi
    xor %ecx, %ecx
4:  mov %ecx, %eax
    shl $12, %eax
    add $pd, %eax
    or $3, %eax
    mov %eax, (%edi,%ecx,8)
    inc %ecx
    cmp $4, %ecx
    jne 4b
    mov $pdpt, %eax
    or $3, %eax
    mov %eax, pml4

    lgdt gdt_desc
    mov %cr4, %eax
    or $0x20, %eax                  /* PAE */
    mov %eax, %cr4
    mov $pml4, %eax
    mov %eax, %cr3
    mov $0xc0000080, %ecx
    rdmsr
    or $0x100, %eax                 /* EFER.LME */
    wrmsr
    mov %cr0, %eax
    or $0x80000001, %eax
    mov %eax, %cr0
    ljmp $0x08, $long_mode

/* 32-bit output helpers. */
putc:
    push %edx
    mov $COM1, %dx
    out %al, %dx
    pop %edx
    ret
puts:
    push %eax
1:  lodsb
    test %al, %al
    jz 2f
    call putc
    jmp 1b
2:  pop %eax
    ret
puthex32:
    push %eax
    push %ecx
    push %edx
    mov %eax, %edx
    mov $8, %ecx
1:  rol $4, %edx
    mov %edx, %eax
    and $0xf, %eax
    add $'0', %al
    cmp $'9', %al
    jbe 2f
    add $('a' - '0' - 10), %al
2:  call putc
    dec %ecx
    jnz 1b
    pop %edx
    pop %ecx
    pop %eax
    ret
space:
    push %eax
    mov $' ', %al
    call putc
    pop %eax
    ret
newline:
    push %eax
    mov $'\n', %al
    call putc
    pop %eax
    ret

    .code64
long_mode:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $stack_top, %rsp
    mov $LAPIC, %r8                 /* kept in r8/r9 from here on */
    mov $IOAPIC, %r9
    mov $msg_long, %rsi
    call puts64

    /* IDT: one interrupt gate, vector PIT_VECTOR -> pit_handler. */
    mov $pit_handler, %rax
    mov $idt + PIT_VECTOR * 16, %rdi
    mov %ax, (%rdi)
    movw $0x08, 2(%rdi)
    movw $0x8e00, 4(%rdi)
    shr $16, %rax
    mov %ax, 6(%rdi)
    shr $16, %rax
    mov %eax, 8(%rdi)
    lidt idt_desc

    /* Mask the 8259s; enable the LAPIC (SVR) with TPR 0. */
    mov $0xff, %al
    out %al, $0x21
    out %al, $0xa1
    movl $0x1ff, 0xf0(%r8)
    movl $0, 0x80(%r8)

    /* IOAPIC pin 2: vector PIT_VECTOR, fixed, edge, to APIC id 0. */
    movl $0x15, (%r9)
    movl $0, 0x10(%r9)
    movl $0x14, (%r9)
    movl $PIT_VECTOR, 0x10(%r9)

    /* PIT channel 0, mode 2, about 1 ms. */
    mov $0x34, %al
    out %al, $0x43
    mov $(1193 & 0xff), %al
    out %al, $0x40
    mov $(1193 >> 8), %al
    out %al, $0x40
    sti
1:  hlt
    cmpl $0, ticks
    je 1b
    cli
    movl $0x14, (%r9)
    movl $(PIT_VECTOR | 0x10000), 0x10(%r9)     /* masked again */
    mov $msg_pit, %rsi
    call puts64

    /* The APs' trampoline at TRAMPOLINE, the counter at AP_COUNT. */
    movl $0, AP_COUNT
    mov $trampoline, %rsi
    mov $TRAMPOLINE, %rdi
    mov $(trampoline_end - trampoline), %rcx
    rep movsb
    /* The number of CPUs from fw_cfg (key 0x05, 16 bits). */
    mov $0x05, %ax
    mov $0x510, %dx
    out %ax, %dx
    mov $0x511, %dx
    in %dx, %al
    movzbl %al, %ebx
    in %dx, %al
    movzbl %al, %eax
    shl $8, %eax
    or %eax, %ebx
    dec %ebx                        /* APs expected */

    movl $0, 0x310(%r8)
    movl $0x000c4500, 0x300(%r8) /* INIT to all but self */
    mov $100000, %ecx
2:  pause
    dec %ecx
    jnz 2b
    movl $0, 0x310(%r8)
    movl $(0x000c4600 | (TRAMPOLINE >> 12)), 0x300(%r8)  /* SIPI */
    mov $200000000, %ecx
3:  cmp AP_COUNT, %ebx
    jbe 4f
    pause
    dec %ecx
    jnz 3b
4:  mov $msg_cpus, %rsi
    call puts64
    mov AP_COUNT, %eax
    inc %eax
    call puthex64
    mov $'\n', %al
    call putc64
    mov $msg_done, %rsi
    call puts64
    mov $0x2a, %al
    out %al, $0xf4
5:  hlt
    jmp 5b

pit_handler:
    push %rax
    incl ticks
    movl $0, 0xb0(%r8)           /* EOI */
    pop %rax
    iretq

#include "serial64.inc"

/* Real-mode AP start-up code, copied to TRAMPOLINE: count, then halt. */
    .code16
trampoline:
    cli
    xor %ax, %ax
    mov %ax, %ds
    lock incl AP_COUNT
1:  hlt
    jmp 1b
trampoline_end:

    .data
    .align 8
gdt:
    .quad 0
    .quad 0x00af9a000000ffff        /* 0x08: 64-bit code */
    .quad 0x00cf92000000ffff        /* 0x10: data */
gdt_end:
gdt_desc:
    .word gdt_end - gdt - 1
    .quad gdt
idt_desc:
    .word 256 * 16 - 1
    .quad idt
mbi:    .long 0
ticks:  .long 0

msg_magic:   .asciz "mb: eax "
msg_flags:   .asciz "mb: flags "
msg_mem:     .asciz "mb: mem_lower mem_upper "
msg_cmdline: .asciz "mb: cmdline ["
msg_close:   .asciz "]\n"
msg_mods:    .asciz "mb: mods_count "
msg_mod:     .asciz "mb: mod "
msg_long:    .asciz "mb: long mode\n"
msg_pit:     .asciz "mb: pit irq via ioapic ok\n"
msg_cpus:    .asciz "mb: cpus "
msg_done:    .asciz "mb: done\n"

    .bss
    .align 4096
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4 * 4096
idt:    .skip 256 * 16
        .skip 8192
stack_top:
