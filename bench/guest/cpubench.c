/*
 * bench/guest/cpubench: a CPU-bound program timed by the guest itself.
 *
 * Built by bench/boot-aarch64.py as a static aarch64 Linux binary
 * (aarch64-linux-gnu-gcc -static -O2) and run as /bin/cpubench by the
 * reference guest's /init (kestrel.run=cpubench). Four parts, each timed
 * with clock_gettime(CLOCK_MONOTONIC) inside the guest, so the figures are
 * the emulated CPU's speed and leave out boot and host start-up:
 *
 *   int-loop   integer multiply/add/xor/shift/divide chain (ALU, branches)
 *   hash       FNV-1a, byte at a time, over a 1 MiB buffer (loads)
 *   memcpy     glibc memcpy and strlen over varying sizes and offsets
 *   sort       qsort of 256 Ki pseudo-random 32-bit integers (calls)
 *
 * Output: a start line once the input data is ready, one line per part,
 * then the total and the checksum (the host reads its own CPU clock for the
 * emulator as each line arrives, so the lines are flushed at once):
 *   cpubench: start
 *   cpubench: int-loop 0.123456 s
 *   ...
 *   cpubench: total 1.234567 s
 *   cpubench: checksum 0123456789abcdef
 * All data comes from a fixed-seed generator, so the checksum is the same
 * on every correct emulator; a different one means a wrong result, and the
 * timing is then meaningless.
 *
 * Sizes are chosen so each part takes a few tenths of a second on QEMU's
 * TCG; "cpubench N" scales every part by N (default 1).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUF_SIZE (1u << 20)
#define SORT_COUNT (256u * 1024u)

static uint8_t buf_a[BUF_SIZE];
static uint8_t buf_b[BUF_SIZE + 64];
static uint32_t sort_data[SORT_COUNT];

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

/* xorshift64*: cheap, deterministic, good enough to defeat the compiler. */
static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t part_int_loop(unsigned scale)
{
    uint64_t x = 1, y = 0x12345678;
    uint64_t n = 30000000ull * scale;

    for (uint64_t i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + i;
        y ^= x >> 17;
        y = (y << 5) | (y >> 59);
        if (x & 0x100) {
            y += x / ((i & 0xff) + 3);
        } else {
            y -= x >> 3;
        }
    }
    return x ^ y;
}

static uint64_t part_hash(unsigned scale)
{
    uint64_t h = 0xcbf29ce484222325ull;
    unsigned passes = 48 * scale;

    for (unsigned p = 0; p < passes; p++) {
        for (size_t i = 0; i < BUF_SIZE; i++) {
            h ^= buf_a[i];
            h *= 0x100000001b3ull;
        }
        /* A different buffer each pass keeps every pass honest. */
        buf_a[p % BUF_SIZE] ^= (uint8_t)h;
    }
    return h;
}

static uint64_t part_memcpy(unsigned scale)
{
    uint64_t sum = 0;
    unsigned rounds = 3000 * scale;

    for (unsigned r = 0; r < rounds; r++) {
        size_t len = 1024 + (rng_next() % (64 * 1024));
        size_t src = rng_next() % (BUF_SIZE - len);
        size_t dst = rng_next() % 64;

        memcpy(buf_b + dst, buf_a + src, len);
        /* The buffer holds no zero bytes (see main), so strlen stops at
         * the terminator written here. */
        buf_b[dst + len - 1] = 0;
        sum += strlen((char *)buf_b + dst) * (r + 1);
        sum ^= buf_b[dst + len / 2];
    }
    return sum;
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

    return (x > y) - (x < y);
}

static uint64_t part_sort(unsigned scale)
{
    uint64_t sum = 0;

    for (unsigned r = 0; r < scale; r++) {
        for (size_t i = 0; i < SORT_COUNT; i++) {
            sort_data[i] = (uint32_t)rng_next();
        }
        qsort(sort_data, SORT_COUNT, sizeof(sort_data[0]), compare_u32);
        for (size_t i = 0; i < SORT_COUNT; i += 97) {
            sum = sum * 31 + sort_data[i];
        }
    }
    return sum;
}

static const struct {
    const char *name;
    uint64_t (*run)(unsigned scale);
} parts[] = {
    { "int-loop", part_int_loop },
    { "hash", part_hash },
    { "memcpy", part_memcpy },
    { "sort", part_sort },
};

int main(int argc, char **argv)
{
    unsigned scale = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 1;
    uint64_t checksum = 0;
    double total = 0;

    if (scale == 0) {
        scale = 1;
    }
    for (size_t i = 0; i < BUF_SIZE; i++) {
        buf_a[i] = (uint8_t)(rng_next() % 255 + 1);
    }
    printf("cpubench: start\n");
    fflush(stdout);
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        double t0 = now();
        uint64_t r = parts[i].run(scale);
        double t = now() - t0;

        total += t;
        checksum = (checksum ^ r) * 0x100000001b3ull;
        printf("cpubench: %s %.6f s\n", parts[i].name, t);
        fflush(stdout);
    }
    printf("cpubench: total %.6f s\n", total);
    printf("cpubench: checksum %016" PRIx64 "\n", checksum);
    return 0;
}
