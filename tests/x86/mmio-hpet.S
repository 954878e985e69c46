/*
 * A multiboot v1 kernel (ELF, linked at 1 MiB) for -kernel on pc that
 * drives the HPET at 0xfed00000 through MMIO, with 32-bit accesses as
 * Linux makes them: prints GCAP_ID, GEN_CONF and each timer's
 * Tn_CONF_CAP; runs the main counter and checks that two reads increase;
 * routes IOAPIC pin 2 to vector 0x30 and lets timer 0 fire once in
 * legacy replacement mode (which puts timer 0 where the PIT was: IOAPIC
 * pin 2); then three interrupts from timer 0 in periodic mode (1 ms,
 * VAL_SET) and one level-triggered interrupt whose handler sees and
 * clears GINTR_STA; writes and reads back timer 2's comparator in 64- and
 * 32-bit mode; writes the halted main counter and reads it back. Exits through
 * isa-debug-exit with 0x2a (process status 85).
 * Long mode with identity-mapped 2 MiB pages over 4 GiB, as
 * multiboot-lm.S. Build: gcc -m64 -c && ld -m elf_x86_64 -Ttext 0x100000
 * && objcopy -O elf32-i386.
 */
#define LAPIC       0xfee00000
#define IOAPIC      0xfec00000
#define HPET        0xfed00000
#define VECTOR      0x30

#define GCAP_ID     0x000
#define GEN_CONF    0x010
#define GINTR_STA   0x020
#define MAIN_CNT    0x0f0
#define TN_CONF(n)  (0x100 + 0x20 * (n))
#define TN_CMP(n)   (0x108 + 0x20 * (n))

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
    /* Identity map 4 GiB with 2 MiB pages: PML4 -> PDPT -> 4 PDs. */
    mov $pd, %edi
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $21, %eax
    or $0x83, %eax                  /* present, writable, 2 MiB */
    mov %eax, (%edi,%ecx,8)
    mov %ecx, %eax
    shr $11, %eax                   /* bits 32+ of the address */
    mov %eax, 4(%edi,%ecx,8)
    inc %ecx
    cmp $2048, %ecx
    jne 1b
    mov $pdpt, %edi
    xor %ecx, %ecx
2:  mov %ecx, %eax
    shl $12, %eax
    add $pd, %eax
    or $3, %eax
    mov %eax, (%edi,%ecx,8)
    inc %ecx
    cmp $4, %ecx
    jne 2b
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

    .code64
long_mode:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $stack_top, %rsp
    mov $LAPIC, %r8                 /* kept in r8/r9/r10 from here on */
    mov $IOAPIC, %r9
    mov $HPET, %r10

    /* Identification: GCAP_ID (high half: the period in fs), GEN_CONF. */
    mov $msg_gcap, %rsi
    mov $GCAP_ID, %rdi
    call print_reg
    mov $msg_conf, %rsi
    mov $GEN_CONF, %rdi
    call print_reg
    mov $msg_t0, %rsi
    mov $TN_CONF(0), %rdi
    call print_reg
    mov $msg_t1, %rsi
    mov $TN_CONF(1), %rdi
    call print_reg
    mov $msg_t2, %rsi
    mov $TN_CONF(2), %rdi
    call print_reg
    mov $msg_cmp0, %rsi
    mov $TN_CMP(0), %rdi
    call print_reg

    /* Run the counter; two reads some time apart must increase. */
    movl $1, GEN_CONF(%r10)
    mov MAIN_CNT(%r10), %ebx
    mov $100000, %ecx
1:  pause
    dec %ecx
    jnz 1b
    mov MAIN_CNT(%r10), %eax
    cmp %ebx, %eax
    mov $msg_cnt_ok, %rsi
    ja 2f
    mov $msg_cnt_bad, %rsi
2:  call puts64

    /* IDT: one interrupt gate, VECTOR -> hpet_handler. */
    mov $hpet_handler, %rax
    mov $idt + VECTOR * 16, %rdi
    mov %ax, (%rdi)
    movw $0x08, 2(%rdi)
    movw $0x8e00, 4(%rdi)
    shr $16, %rax
    mov %ax, 6(%rdi)
    shr $16, %rax
    mov %eax, 8(%rdi)
    lidt idt_desc

    /* Mask the 8259s; enable the LAPIC (SVR) with TPR 0. Stop the PIT:
     * its channel 0 drives GSI 0 too (IOAPIC pin 2, HPET timer 0's pin),
     * and a count it started at reset could pulse that pin mid-test.
     * A control word without a count stops channel 0 (8254: mode 0, the
     * counter waits for its count). */
    mov $0x30, %al
    out %al, $0x43
    mov $0xff, %al
    out %al, $0x21
    out %al, $0xa1
    movl $0x1ff, 0xf0(%r8)
    movl $0, 0x80(%r8)
    /* IOAPIC pin 2: VECTOR, fixed, edge, to APIC id 0. */
    movl $0x15, (%r9)
    movl $0, 0x10(%r9)
    movl $0x14, (%r9)
    movl $VECTOR, 0x10(%r9)

    /* Timer 0, one shot, edge, in legacy replacement: 1 ms from now. */
    movl $0, GEN_CONF(%r10)
    movl $0x4, TN_CONF(0)(%r10)     /* INT_ENB */
    mov MAIN_CNT(%r10), %eax
    add $100000, %eax
    mov %eax, TN_CMP(0)(%r10)
    movl $0, TN_CMP(0)+4(%r10)
    mov %eax, %ebx
    movl $3, GEN_CONF(%r10)         /* ENABLE_CNF | LEG_RT_CNF */
    sti
    /* Wait for the interrupt, giving up 100 ms past the match. */
    add $10000000, %ebx
3:  cmpl $0, ticks
    jne 4f
    pause
    mov MAIN_CNT(%r10), %eax
    cmp %ebx, %eax
    jb 3b
4:  cli
    cmpl $1, ticks
    mov $msg_irq_ok, %rsi
    je 5f
    mov $msg_irq_bad, %rsi
5:  call puts64
    mov $msg_sta, %rsi
    mov $GINTR_STA, %rdi
    call print_reg

    /* Timer 0 periodic, 1 ms, still in legacy replacement: three
     * interrupts (VAL_SET: the first write sets comparator and period,
     * the second the period alone). */
    movl $0, GEN_CONF(%r10)
    movl $0x4c, TN_CONF(0)(%r10)    /* INT_ENB | TYPE periodic | VAL_SET */
    mov MAIN_CNT(%r10), %eax
    add $100000, %eax
    mov %eax, TN_CMP(0)(%r10)
    movl $100000, TN_CMP(0)(%r10)
    mov %eax, first_cmp
    mov %eax, %ebx
    movl $0, ticks
    movl $3, GEN_CONF(%r10)
    sti
    add $30000000, %ebx             /* give up 300 ms past the start */
1:  cmpl $3, ticks
    jae 2f
    pause
    mov MAIN_CNT(%r10), %eax
    cmp %ebx, %eax
    jb 1b
2:  cli
    movl $0, GEN_CONF(%r10)
    cmpl $3, ticks
    mov $msg_per_ok, %rsi
    jae 3f
    mov $msg_per_bad, %rsi
3:  call puts64
    mov $msg_cmp0p, %rsi
    call print_period_check

    /* Timer 0 level triggered, IOAPIC pin 2 level: the handler sees its
     * GINTR_STA bit, clears it (dropping the line) before the EOI. */
    movl $0x14, (%r9)
    movl $(VECTOR | 0x8000), 0x10(%r9)      /* level, active high */
    movl $0x6, TN_CONF(0)(%r10)     /* INT_ENB | INT_TYPE level */
    mov MAIN_CNT(%r10), %eax
    add $100000, %eax
    mov %eax, TN_CMP(0)(%r10)
    movl $0xffffffff, TN_CMP(0)+4(%r10)
    movl $0, TN_CMP(0)+4(%r10)
    mov %eax, %ebx
    movl $0, ticks
    movl $1, level_mode
    movl $3, GEN_CONF(%r10)
    sti
    add $10000000, %ebx
4:  cmpl $0, sta_in_handler         /* the level interrupt, not a stray */
    jne 5f
    pause
    mov MAIN_CNT(%r10), %eax
    cmp %ebx, %eax
    jb 4b
5:  cli
    mov $msg_level, %rsi
    call puts64
    /* The status the handler saw, ORed over its runs, and whether an
     * interrupt came: a stray extra one (a timer-0 tick still pending
     * from the periodic part) happens on QEMU too, so the count itself
     * is not part of the output. */
    mov sta_in_handler, %eax
    call puthex64
    mov $' ', %al
    call putc64
    mov ticks, %eax
    cmp $1, %eax
    jb 6f
    mov $1, %eax
6:  call puthex64
    mov $'\n', %al
    call putc64
    mov $msg_sta, %rsi
    mov $GINTR_STA, %rdi
    call print_reg
    movl $0, GEN_CONF(%r10)
    movl $0x14, (%r9)
    movl $(VECTOR | 0x10000), 0x10(%r9)     /* masked again */

    /* Comparator of timer 2 (not enabled): 64-bit, then 32-bit mode. */
    movl $0x89abcdef, TN_CMP(2)(%r10)
    movl $0x01234567, TN_CMP(2)+4(%r10)
    mov $msg_cmp2, %rsi
    mov $TN_CMP(2), %rdi
    call print_reg
    movl $0x100, TN_CONF(2)(%r10)   /* 32MODE_CNF */
    mov $msg_t2, %rsi
    mov $TN_CONF(2), %rdi
    call print_reg
    mov $msg_cmp2, %rsi
    mov $TN_CMP(2), %rdi
    call print_reg

    /* The main counter, halted: written and read back. */
    movl $0, GEN_CONF(%r10)
    movl $0x12345678, MAIN_CNT(%r10)
    movl $0x9abcdef0, MAIN_CNT+4(%r10)
    mov $msg_cnt, %rsi
    mov $MAIN_CNT, %rdi
    call print_reg

    mov $msg_done, %rsi
    call puts64
    mov $0x2a, %al
    out %al, $0xf4
6:  hlt
    jmp 6b

hpet_handler:
    push %rax
    incl ticks
    cmpl $0, level_mode
    je 1f
    mov GINTR_STA(%r10), %eax
    or %eax, sta_in_handler         /* over all handler runs: see below */
    movl $1, GINTR_STA(%r10)        /* clear timer 0: the line drops */
1:  movl $0, 0xb0(%r8)              /* EOI */
    pop %rax
    iretq

/* Timer 0's comparator after the periodic run: a whole number of 1 ms
 * periods past the first match (prints "ok" or the raw value). */
print_period_check:
    call puts64
    mov TN_CMP(0)(%r10), %eax
    sub first_cmp, %eax
    xor %edx, %edx
    mov $100000, %ecx
    div %ecx
    test %edx, %edx
    jnz 1f
    mov $msg_ok, %rsi
    call puts64
    ret
1:  mov TN_CMP(0)(%r10), %eax
    call puthex64
    mov $'\n', %al
    call putc64
    ret

/* Print the label at RSI and the 64-bit HPET register at offset RDI as
 * high then low 32-bit reads, 16 hex digits. */
print_reg:
    call puts64
    mov 4(%r10,%rdi), %eax
    call puthex64
    mov (%r10,%rdi), %eax
    call puthex64
    mov $'\n', %al
    call putc64
    ret

#include "serial64.inc"

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
ticks:  .long 0
level_mode:     .long 0
sta_in_handler: .long 0
first_cmp:      .long 0

msg_gcap:    .asciz "hpet: gcap_id "
msg_conf:    .asciz "hpet: gen_conf "
msg_t0:      .asciz "hpet: t0 conf "
msg_t1:      .asciz "hpet: t1 conf "
msg_t2:      .asciz "hpet: t2 conf "
msg_cmp0:    .asciz "hpet: t0 cmp "
msg_cmp0p:   .asciz "hpet: t0 cmp moved by whole periods: "
msg_cmp2:    .asciz "hpet: t2 cmp "
msg_cnt_ok:  .asciz "hpet: counter increases\n"
msg_cnt_bad: .asciz "hpet: counter does not increase\n"
msg_irq_ok:  .asciz "hpet: timer 0 irq via ioapic pin 2 ok\n"
msg_irq_bad: .asciz "hpet: timer 0 irq missing\n"
msg_sta:     .asciz "hpet: gintr_sta "
msg_cnt:     .asciz "hpet: halted counter "
msg_done:    .asciz "hpet: done\n"
msg_per_ok:  .asciz "hpet: periodic timer 0: 3 irqs\n"
msg_per_bad: .asciz "hpet: periodic timer 0: missing irqs\n"
msg_level:   .asciz "hpet: level irq: gintr_sta in handler, irq seen "
msg_ok:      .asciz "ok\n"

    .bss
    .align 4096
pml4:   .skip 4096
pdpt:   .skip 4096
pd:     .skip 4 * 4096
idt:    .skip 256 * 16
        .skip 8192
stack_top:
