/*
 * lib.c: output, formatting and exception dispatch for the bare-metal
 * test programs (see lib.h). Only general registers are used here, so
 * these functions are safe in handlers and with FP/SIMD trapped.
 */
#pragma GCC target("general-regs-only")

#include "lib.h"

#define UART_DR ((volatile uint32_t *)0x09000000)

void kputc(char c)
{
    /* QEMU's PL011 never reports a full FIFO: no need to poll FR. */
    *UART_DR = (uint8_t)c;
}

void kputs(const char *s)
{
    while (*s) {
        kputc(*s++);
    }
}

static void put_num(uint64_t v, unsigned base, int neg, int width, char pad)
{
    char buf[24];
    int n = 0;

    do {
        buf[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (neg) {
        if (pad == '0') {
            kputc('-');
        } else {
            buf[n++] = '-';
        }
        width--;
    }
    for (int i = n; i < width; i++) {
        kputc(pad);
    }
    while (n) {
        kputc(buf[--n]);
    }
}

void kprintf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        char pad = ' ';
        int width = 0, lng = 0;

        if (*fmt != '%') {
            kputc(*fmt);
            continue;
        }
        fmt++;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        while (*fmt == 'l') {
            lng = 1;
            fmt++;
        }
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            int len = (int)strlen(s);
            for (int i = len; i < width; i++) {
                kputc(' ');
            }
            kputs(s);
            break;
        }
        case 'c':
            kputc((char)va_arg(ap, int));
            break;
        case 'd': {
            int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
            put_num(v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
            put_num(lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned),
                    10, 0, width, pad);
            break;
        case 'x':
            put_num(lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned),
                    16, 0, width, pad);
            break;
        case 'p':
            kputs("0x");
            put_num((uintptr_t)va_arg(ap, void *), 16, 0, width, pad);
            break;
        case '%':
            kputc('%');
            break;
        case '\0':
            fmt--;
            break;
        default:
            /* Unknown conversions are printed as written. */
            kputc('%');
            kputc(*fmt);
            break;
        }
    }
    va_end(ap);
}

static exc_handler_fn *exc_handler;

void set_exc_handler(exc_handler_fn *fn)
{
    exc_handler = fn;
}

void exc_dispatch(struct exc_regs *r, unsigned vector);
void el0_return(void) __attribute__((noreturn));

/* Called by every vector entry in crt0.S with the saved state. */
void exc_dispatch(struct exc_regs *r, unsigned vector)
{
    if (vector == 0x400 && ESR_EC(r->esr) == EC_SVC64 &&
        (r->esr & 0xffff) == 0xff) {
        el0_return();
    }
    if (exc_handler) {
        exc_handler(r, vector);
        return;
    }
    kprintf("unexpected exception vector=0x%x esr=0x%lx elr=0x%lx far=0x%lx\n",
            vector, r->esr, r->elr, r->far);
    psci_off();
}

void *memset(void *d, int c, size_t n)
{
    volatile unsigned char *p = d;

    while (n--) {
        *p++ = (unsigned char)c;
    }
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    volatile unsigned char *p = d;
    const unsigned char *q = s;

    while (n--) {
        *p++ = *q++;
    }
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    volatile unsigned char *p = d;
    const unsigned char *q = s;

    if (p <= q) {
        return memcpy(d, s, n);
    }
    while (n--) {
        p[n] = q[n];
    }
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n; n--, p++, q++) {
        if (*p != *q) {
            return *p - *q;
        }
    }
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;

    while (s[n]) {
        n++;
    }
    return n;
}
