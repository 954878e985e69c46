/*
 * tcg-runner: run a bare-metal A64 raw image on TCG-lite, the way
 *   qemu-system-aarch64 -M virt -cpu cortex-a57 -nographic -nodefaults \
 *       -serial stdio -kernel prog.bin
 * runs it, until Kestrel has its own virt board and -accel tcg.
 *
 * Machine: one cortex-a57 at EL1 with the MMU off, RAM at 0x40000000, the
 * image loaded and entered at RAM + 0x80000 (QEMU's raw -kernel address),
 * and the transmit side of a PL011 at 0x09000000: bytes written to the
 * data register go to stdout, the flag register reads "transmit FIFO
 * empty". The program ends with PSCI SYSTEM_OFF (HVC #0 with
 * x0 = 0x84000008, what QEMU's virt offers at EL1), BRK or HLT; that
 * exits 0. Any other exception stops the run with a message on stderr
 * naming it, the PC and the instruction word (exception entry does not
 * exist yet, so there is no vector to take it to), and exit status 3;
 * running out of the instruction budget exits 4; usage errors exit 2.
 */
#include "qemu/osdep.h"
#include "exec/memory.h"
#include "exec/tcg-lite.h"
#include "../../../target/arm/cpu.h"

#define RAM_BASE      0x40000000ULL
#define LOAD_OFFSET   0x80000ULL
#define UART_BASE     0x09000000ULL
#define UART_DR       0x00
#define UART_FR       0x18
#define UART_FR_TXFE  0x80
#define PSCI_SYSTEM_OFF 0x84000008ULL
#define SLICE         (1 << 20)   /* instructions per tcg_lite_exec call */

typedef struct RunnerOpts {
    uint64_t ram_mib;
    int64_t budget;
    const char *image;
} RunnerOpts;

/* Names for the exits a bare-metal test can hit. */
static const struct {
    int excp;
    const char *name;
} excp_names[] = {
    { EXCP_UDEF, "UDEF" },
    { EXCP_SWI, "SVC" },
    { EXCP_PREFETCH_ABORT, "prefetch abort" },
    { EXCP_DATA_ABORT, "data abort" },
    { EXCP_BKPT, "BRK" },
    { EXCP_HVC, "HVC" },
    { EXCP_SMC, "SMC" },
    { EXCP_HLT_INSN, "HLT" },
    { EXCP_HLT, "WFI" },
    { EXCP_HALTED, "halted" },
};

static const char *runner_excp_name(int excp)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(excp_names); i++) {
        if (excp_names[i].excp == excp) {
            return excp_names[i].name;
        }
    }
    return "unknown";
}

static uint64_t uart_read(void *opaque, hwaddr addr, unsigned size)
{
    /* Only the flag register matters: always ready to transmit. */
    return addr == UART_FR ? UART_FR_TXFE : 0;
}

static void uart_write(void *opaque, hwaddr addr, uint64_t data,
                       unsigned size)
{
    if (addr == UART_DR) {
        putchar((int)(data & 0xff));
    }
}

static const MemoryRegionOps uart_ops = {
    .read = uart_read,
    .write = uart_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static bool runner_parse_args(int argc, char **argv, RunnerOpts *o)
{
    int i;

    o->ram_mib = 128;
    o->budget = 200 * 1000 * 1000;
    o->image = NULL;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            o->ram_mib = g_ascii_strtoull(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "-b") && i + 1 < argc) {
            o->budget = g_ascii_strtoll(argv[++i], NULL, 0);
        } else if (argv[i][0] != '-' && !o->image) {
            o->image = argv[i];
        } else {
            return false;
        }
    }
    return o->image && o->ram_mib >= 1 && o->ram_mib <= 2048 &&
           o->budget > 0;
}

/* The instruction word at pc, for the stop message (0 outside RAM). */
static uint32_t runner_insn_at(MemoryRegion *ram, uint64_t pc)
{
    uint32_t w = 0;

    if (pc >= RAM_BASE && pc + 4 <= RAM_BASE + memory_region_size(ram)) {
        memcpy(&w, (uint8_t *)memory_region_get_ram_ptr(ram) +
               (pc - RAM_BASE), 4);
    }
    return GUINT32_FROM_LE(w);
}

/* Run to the end of the program; returns the process exit status. */
static int runner_run(CPUState *cs, MemoryRegion *ram, int64_t budget)
{
    CPUARMState *env = cpu_env(cs);
    int r;

    while (budget > 0) {
        r = tcg_lite_exec(cs, MIN(budget, SLICE));
        if (r == EXCP_BUDGET) {
            budget -= MIN(budget, SLICE);
            continue;
        }
        if (r == EXCP_INTERRUPT) {
            continue;
        }
        if (r == EXCP_HVC && env->xregs[0] == PSCI_SYSTEM_OFF) {
            return 0;
        }
        if (r == EXCP_BKPT || r == EXCP_HLT_INSN) {
            return 0;
        }
        fflush(stdout);
        fprintf(stderr, "tcg-runner: stopped by %s (%d) at pc 0x%" PRIx64
                " insn 0x%08" PRIx32 " syndrome 0x%08" PRIx32
                " far 0x%" PRIx64 "\n", runner_excp_name(r), r, env->pc,
                runner_insn_at(ram, env->pc), env->exception.syndrome,
                env->exception.vaddress);
        return 3;
    }
    fflush(stdout);
    fprintf(stderr, "tcg-runner: instruction budget used up at pc 0x%"
            PRIx64 "\n", env->pc);
    return 4;
}

int main(int argc, char **argv)
{
    static MemoryRegion ram, uart;
    RunnerOpts opts;
    g_autoptr(GError) gerr = NULL;
    g_autofree gchar *image = NULL;
    gsize len;
    Object *obj;
    CPUState *cs;
    int status;

    if (!runner_parse_args(argc, argv, &opts)) {
        fprintf(stderr, "usage: tcg-runner [-m RAM_MiB] [-b INSN_BUDGET] "
                "prog.bin\n");
        return 2;
    }
    if (!g_file_get_contents(opts.image, &image, &len, &gerr)) {
        fprintf(stderr, "tcg-runner: %s\n", gerr->message);
        return 2;
    }
    if (len > opts.ram_mib * MiB - LOAD_OFFSET) {
        fprintf(stderr, "tcg-runner: %s does not fit in RAM\n", opts.image);
        return 2;
    }

    memory_map_init();
    if (!memory_region_init_ram(&ram, NULL, "ram", opts.ram_mib * MiB,
                                NULL)) {
        fprintf(stderr, "tcg-runner: cannot allocate RAM\n");
        return 2;
    }
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);
    memory_region_init_io(&uart, NULL, &uart_ops, NULL, "uart", 0x1000);
    memory_region_add_subregion(get_system_memory(), UART_BASE, &uart);
    memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + LOAD_OFFSET,
           image, len);

    obj = object_new(TYPE_ARM_CPU_CORTEX_A57);
    if (!qdev_realize(DEVICE(obj), NULL, NULL)) {
        fprintf(stderr, "tcg-runner: cannot realize the CPU\n");
        return 2;
    }
    cs = CPU(obj);
    cpu_reset(cs);
    cpu_env(cs)->pc = RAM_BASE + LOAD_OFFSET;

    status = runner_run(cs, &ram, opts.budget);
    fflush(stdout);
    return status;
}
