/*
 * A fake bzImage for -kernel on pc: a real setup header (boot protocol
 * 2.15, one setup sector) and a protected-mode part whose 32-bit entry
 * prints the boot_params it was handed (ESI) on COM1: type_of_loader, the
 * e820 table, the command line, ramdisk_image/size, its own entry, then
 * exits through isa-debug-exit at 0xf4 with 0x2a (process status 85).
 * Build: as --32 && ld -m elf_i386 -Ttext 0 && objcopy -O binary.
 */
#define PM_BASE 0x100000
#define PM(x)   ((x) - pm_start + PM_BASE)

    .code32
    .text
    .globl _start
_start:
    .org 0x1f1
    .byte 1                     /* setup_sects */
    .word 0                     /* root_flags */
    .long 0                     /* syssize (unused here) */
    .word 0, 0, 0               /* ram_size, vid_mode, root_dev */
    .word 0xaa55                /* boot_flag */
    .byte 0xeb, hdr_end - 0x202 /* jump over the header */
    .ascii "HdrS"               /* 0x202 */
    .word 0x020f                /* 0x206 version 2.15 */
    .long 0                     /* realmode_swtch */
    .word 0, 0                  /* start_sys_seg, kernel_version */
    .byte 0                     /* 0x210 type_of_loader */
    .byte 0x01                  /* loadflags: LOADED_HIGH */
    .word 0                     /* setup_move_size */
    .long PM_BASE               /* 0x214 code32_start */
    .long 0, 0                  /* ramdisk_image, ramdisk_size */
    .long 0                     /* bootsect_kludge */
    .word 0, 0                  /* heap_end_ptr, ext_loader_ver/type */
    .long 0                     /* 0x228 cmd_line_ptr */
    .long 0x7fffffff            /* 0x22c initrd_addr_max */
    .long 0x200000              /* 0x230 kernel_alignment */
    .byte 0                     /* 0x234 relocatable_kernel */
    .byte 0                     /* min_alignment */
    .word 0                     /* xloadflags */
    .long 2048                  /* 0x238 cmdline_size */
    .long 0, 0                  /* hardware_subarch(+data) */
    .long 0                     /* hardware_subarch_data high */
    .long 0, 0                  /* payload_offset, payload_length */
    .quad 0                     /* setup_data */
    .quad PM_BASE               /* 0x258 pref_address */
    .long 0x10000               /* 0x260 init_size */
    .long 0                     /* handover_offset */
    .long 0                     /* kernel_info_offset */
hdr_end:
    .org 1024

/* ---- Protected-mode part, loaded at PM_BASE ----------------------------- */
pm_start:
    cli
    mov $0x90000, %esp
    mov %esi, %ebp              /* boot_params */

    mov $PM(msg_loader), %esi
    call puts
    movzbl 0x210(%ebp), %eax
    call puthex32
    call newline

    movzbl 0x1e8(%ebp), %ecx    /* e820_entries */
    mov $PM(msg_e820n), %esi
    call puts
    mov %ecx, %eax
    call puthex32
    call newline
    lea 0x2d0(%ebp), %ebx
1:  test %ecx, %ecx
    jz 2f
    mov $PM(msg_e820), %esi
    call puts
    mov 4(%ebx), %eax
    call puthex32
    mov 0(%ebx), %eax
    call puthex32
    call space
    mov 12(%ebx), %eax
    call puthex32
    mov 8(%ebx), %eax
    call puthex32
    call space
    mov 16(%ebx), %eax
    call puthex32
    call newline
    add $20, %ebx
    dec %ecx
    jmp 1b

2:  mov $PM(msg_cmdline), %esi
    call puts
    mov 0x228(%ebp), %esi       /* cmd_line_ptr */
    call puts
    mov $PM(msg_end), %esi
    call puts

    mov $PM(msg_initrd), %esi
    call puts
    mov 0x218(%ebp), %eax
    call puthex32
    call space
    mov 0x21c(%ebp), %eax
    call puthex32
    call newline

    mov $PM(msg_entry), %esi
    call puts
    mov 0x214(%ebp), %eax
    call puthex32
    call space
    mov %cs, %eax
    call puthex32
    call space
    mov %ds, %eax
    call puthex32
    call newline

    mov $PM(msg_done), %esi
    call puts
    mov $0x2a, %al
    out %al, $0xf4
3:  hlt
    jmp 3b

/* puts: NUL-terminated string at ESI to COM1. */
puts:
    push %eax
    push %edx
    mov $0x3f8, %dx
1:  lodsb
    test %al, %al
    jz 2f
    out %al, %dx
    jmp 1b
2:  pop %edx
    pop %eax
    ret

/* puthex32: EAX as 8 hex digits. */
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
2:  push %edx
    mov $0x3f8, %dx
    out %al, %dx
    pop %edx
    dec %ecx
    jnz 1b
    pop %edx
    pop %ecx
    pop %eax
    ret

space:
    push %eax
    push %edx
    mov $' ', %al
    mov $0x3f8, %dx
    out %al, %dx
    pop %edx
    pop %eax
    ret

newline:
    push %eax
    push %edx
    mov $'\n', %al
    mov $0x3f8, %dx
    out %al, %dx
    pop %edx
    pop %eax
    ret

msg_loader:  .asciz "bz: type_of_loader "
msg_e820n:   .asciz "bz: e820_entries "
msg_e820:    .asciz "bz: e820 "
msg_cmdline: .asciz "bz: cmdline ["
msg_end:     .asciz "]\n"
msg_initrd:  .asciz "bz: initrd "
msg_entry:   .asciz "bz: code32_start cs ds "
msg_done:    .asciz "bz: done\n"
