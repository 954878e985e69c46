/*
 * Unit tests for the accelerator interface (accel/accel.c), the vCPU
 * threads (softmmu/cpus.c), the KVM accelerator (accel/kvm) and the x86
 * CPU (target/i386): small real-mode, protected-mode and long-mode guests
 * run on /dev/kvm with test I/O and MMIO regions, and the selection rules.
 *
 * Every case that needs /dev/kvm calls g_test_skip when it is missing or
 * unusable. The guest programs were assembled with the host's
 * `as --32` (.code16 / .code32 / .code64) and are embedded as bytes, the
 * source beside them.
 */
#include "qemu/osdep.h"
#include "sysemu/accel.h"
#include "sysemu/cpus.h"
#include "sysemu/kvm.h"
#include "sysemu/runstate.h"
#include "exec/memory.h"
#include "qemu/main-loop.h"
#include "qemu/error-report.h"
#include "qemu/thread.h"
#include "../../target/i386/cpu.h"
#include <linux/kvm.h>

/* A guard against hangs, not a performance assertion. */
#define WAIT_UNTIL(cond)                                                \
    do {                                                                \
        gint64 end_ = g_get_monotonic_time() + 30 * G_USEC_PER_SEC;     \
        while (!(cond)) {                                               \
            g_assert_cmpint(g_get_monotonic_time(), <, end_);           \
            g_usleep(1000);                                             \
        }                                                               \
    } while (0)

/* ---- Guest programs ------------------------------------------------------ */

/*
 * io.S (.code16), at the start of the ROM (CS base 0xffff0000):
 *   mov $0x42,%al; out %al,$0xe0         byte OUT
 *   mov $0x1234,%ax; out %ax,$0xe2       word OUT
 *   mov $0xdeadbeef,%eax; out %eax,$0xe4 dword OUT
 *   mov $msg,%si; mov $5,%cx; mov $0xe8,%dx; cld
 *   rep outsb %cs:(%si),(%dx)            string OUT, count 5
 *   in $0xe0,%al; out %al,$0xe1          IN, echoed
 *   mov $0xd000,%ax; mov %ax,%es
 *   movl $0xcafef00d,%es:0x10            MMIO write at 0xd0010
 *   mov %es:0x20,%eax; out %eax,$0xe4    MMIO read at 0xd0020, echoed
 *   cli; hlt
 * msg: .ascii "hello"
 */
static const uint8_t prog_io[] = {
    0xb0, 0x42, 0xe6, 0xe0, 0xb8, 0x34, 0x12, 0xe7, 0xe2, 0x66, 0xb8, 0xef,
    0xbe, 0xad, 0xde, 0x66, 0xe7, 0xe4, 0xbe, 0x3c, 0x00, 0xb9, 0x05, 0x00,
    0xba, 0xe8, 0x00, 0xfc, 0x2e, 0xf3, 0x6e, 0xe4, 0xe0, 0xe6, 0xe1, 0xb8,
    0x00, 0xd0, 0x8e, 0xc0, 0x26, 0x66, 0xc7, 0x06, 0x10, 0x00, 0x0d, 0xf0,
    0xfe, 0xca, 0x26, 0x66, 0xa1, 0x20, 0x00, 0x66, 0xe7, 0xe4, 0xfa, 0xf4,
    0x68, 0x65, 0x6c, 0x6c, 0x6f,
};

/*
 * int3.S (.code32), entered through x86_cpu_set_boot_state at 0x1000:
 * an empty IDT (limit 0 at 0x1010), then an exception: #BP finds no
 * gate, nor do #GP and #DF, so the CPU shuts down (a triple fault). PVM
 * emulates ring-0 code and reports an emulation failure instead.
 *   lidtl 0x1010; int3
 */
static const uint8_t prog_int3[] = {
    0x0f, 0x01, 0x1d, 0x10, 0x10, 0x00, 0x00, 0xcc,
};

/*
 * reset.S (.code32): ask the test's reset port (0xef) for a reset, as a
 * guest does through the i8042 or port 0xcf9.
 *   mov $1,%al; out %al,$0xef; cli; hlt
 */
static const uint8_t prog_reset[] = {
    0xb0, 0x01, 0xe6, 0xef, 0xfa, 0xf4,
};

/*
 * after.S (.code16), the ROM after the reset: mark it and stop.
 *   mov $0x77,%al; out %al,$0xe0; cli; hlt
 */
static const uint8_t prog_after_reset[] = {
    0xb0, 0x77, 0xe6, 0xe0, 0xfa, 0xf4,
};

/*
 * smp.S (.code16): each vCPU writes its initial APIC id (CPUID.01H:EBX
 * bits 31-24) to port 0xf0 + id.
 *   mov $1,%eax; cpuid; shr $24,%ebx; mov %bl,%al
 *   mov $0xf0,%dx; add %bl,%dl; out %al,%dx; cli; hlt
 */
static const uint8_t prog_smp[] = {
    0x66, 0xb8, 0x01, 0x00, 0x00, 0x00, 0x0f, 0xa2, 0x66, 0xc1, 0xeb, 0x18,
    0x88, 0xd8, 0xba, 0xf0, 0x00, 0x00, 0xda, 0xee, 0xfa, 0xf4,
};

/*
 * spin.S (.code16): a counter in guest RAM at 0x700, forever.
 *   xor %eax,%eax; xor %bx,%bx; mov %bx,%ds
 * 1: inc %eax; mov %eax,0x700; jmp 1b
 */
static const uint8_t prog_spin[] = {
    0x66, 0x31, 0xc0, 0x31, 0xdb, 0x8e, 0xdb, 0x66, 0x40, 0x66, 0xa3, 0x00,
    0x07, 0xeb, 0xf8,
};

/*
 * pm32.S (.code32), entered through x86_cpu_set_boot_state:
 *   mov %esi,%eax; out %eax,$0xe4
 *   mov %cs,%ax; out %ax,$0xe2; mov %ds,%ax; out %ax,$0xe2; cli; hlt
 */
static const uint8_t prog_pm32[] = {
    0x89, 0xf0, 0xe7, 0xe4, 0x66, 0x8c, 0xc8, 0x66, 0xe7, 0xe2, 0x66, 0x8c,
    0xd8, 0x66, 0xe7, 0xe2, 0xfa, 0xf4,
};

/*
 * lm64.S (.code64):
 *   mov %rsi,%rax; out %eax,$0xe4; shr $32,%rax; out %eax,$0xe4
 *   mov %cs,%ax; out %ax,$0xe2; cli; hlt
 */
static const uint8_t prog_lm64[] = {
    0x48, 0x89, 0xf0, 0xe7, 0xe4, 0x48, 0xc1, 0xe8, 0x20, 0xe7, 0xe4, 0x66,
    0x8c, 0xc8, 0x66, 0xe7, 0xe2, 0xfa, 0xf4,
};

/* At 0xfffffff0: jmp near to offset 0 (IP wraps from 0x10000 to 0). */
static const uint8_t reset_jmp[] = { 0xe9, 0x0d, 0x00 };

/* ---- The test machine ---------------------------------------------------- */

#define RAM_SIZE    (1 * MiB)
#define ROM_BASE    0xffff0000ULL
#define ROM_SIZE    (64 * KiB)
#define MMIO_BASE   0xd0000ULL

typedef struct IoEvent {
    bool mmio;
    bool write;
    uint64_t addr;
    unsigned size;
    uint64_t val;
} IoEvent;

static MemoryRegion ram, rom, ports, mmio;
static GArray *events;          /* IoEvent, guarded by the BQL */
static CPUState *cpus[4];
static int ncpus;

static void event_add(bool is_mmio, bool write, uint64_t addr, unsigned size,
                      uint64_t val)
{
    IoEvent e = { is_mmio, write, addr, size, val };

    g_assert(bql_locked());
    g_array_append_val(events, e);
}

static uint64_t ports_read(void *opaque, hwaddr addr, unsigned size)
{
    event_add(false, false, 0xe0 + addr, size, 0x5a);
    return 0x5a;
}

static void ports_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    event_add(false, true, 0xe0 + addr, size, val);
    if (addr == 0xf) {
        qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
    }
}

static const MemoryRegionOps ports_ops = {
    .read = ports_read, .write = ports_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static uint64_t mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    event_add(true, false, MMIO_BASE + addr, size, 0x11223344);
    return 0x11223344;
}

static void mmio_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    event_add(true, true, MMIO_BASE + addr, size, val);
}

static const MemoryRegionOps mmio_ops = {
    .read = mmio_read, .write = mmio_write,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 1, .max_access_size = 4 },
};

static unsigned events_count(void)
{
    unsigned n;

    bql_lock();
    n = events->len;
    bql_unlock();
    return n;
}

static IoEvent event_at(unsigned i)
{
    IoEvent e;

    bql_lock();
    g_assert_cmpuint(i, <, events->len);
    e = g_array_index(events, IoEvent, i);
    bql_unlock();
    return e;
}

/* Memory: RAM at 0 with the MMIO page over it (splitting its slot), the
 * ROM at the top of 4 GiB with prog at its start and the reset jump. */
static void machine_build(const uint8_t *prog, size_t len)
{
    uint8_t *r;

    events = g_array_new(FALSE, TRUE, sizeof(IoEvent));
    g_assert_true(memory_region_init_ram(&ram, NULL, "test.ram", RAM_SIZE,
                                         &error_abort));
    g_assert_true(memory_region_init_rom(&rom, NULL, "test.rom", ROM_SIZE,
                                         &error_abort));
    r = memory_region_get_ram_ptr(&rom);
    memset(r, 0xf4, ROM_SIZE);              /* hlt everywhere else */
    memcpy(r, prog, len);
    memcpy(r + 0xfff0, reset_jmp, sizeof(reset_jmp));
    memory_region_init_io(&ports, NULL, &ports_ops, NULL, "test.ports", 0x20);
    memory_region_init_io(&mmio, NULL, &mmio_ops, NULL, "test.mmio", 0x1000);
    memory_region_transaction_begin();
    memory_region_add_subregion(get_system_memory(), 0, &ram);
    memory_region_add_subregion_overlap(get_system_memory(), MMIO_BASE, &mmio,
                                        1);
    memory_region_add_subregion(get_system_memory(), ROM_BASE, &rom);
    memory_region_add_subregion(get_system_io(), 0xe0, &ports);
    memory_region_transaction_commit();
}

static void machine_destroy(void)
{
    memory_region_transaction_begin();
    memory_region_del_subregion(get_system_memory(), &ram);
    memory_region_del_subregion(get_system_memory(), &mmio);
    memory_region_del_subregion(get_system_memory(), &rom);
    memory_region_del_subregion(get_system_io(), &ports);
    memory_region_transaction_commit();
    memory_region_finalize(&ram);
    memory_region_finalize(&rom);
    memory_region_finalize(&ports);
    memory_region_finalize(&mmio);
    g_array_free(events, TRUE);
    events = NULL;
}

/* KVM plus n CPUs of a model, threads started and paused; false: skipped. */
static bool vm_start_kvm_model(int n, const char *type)
{
    Error *err = NULL;

    if (!accel_init_machine("kvm", NULL, &err)) {
        g_autofree char *msg = g_strdup_printf("KVM unusable: %s",
                                               error_get_pretty(err));
        error_free(err);
        g_test_skip(msg);
        return false;
    }
    x86_cpu_set_topology(n, 1);
    for (ncpus = 0; ncpus < n; ncpus++) {
        cpus[ncpus] = cpu_create(type, &error_abort);
    }
    g_assert_true(cpus_start_all(&error_abort));
    for (int i = 0; i < n; i++) {
        g_assert_cmpint(cpus_get_state(cpus[i]), ==, VCPU_PAUSED);
    }
    return true;
}

/* For cases that run KVM in a child: skip here when it cannot work. */
static bool kvm_usable(void)
{
    Error *err = NULL;

    if (!accel_init_machine("kvm", NULL, &err)) {
        g_autofree char *msg = g_strdup_printf("KVM unusable: %s",
                                               error_get_pretty(err));
        error_free(err);
        g_test_skip(msg);
        return false;
    }
    accel_reset_current();
    return true;
}

static bool vm_start_kvm(int n)
{
    return vm_start_kvm_model(n, X86_CPU_TYPE_NAME("qemu64"));
}

static void vm_finish(void)
{
    cpus_stop_all();
    accel_reset_current();
    g_assert_false(kvm_enabled());
    runstate_set(RUN_STATE_PRELAUNCH);
    x86_cpu_set_topology(0, 0);
    ncpus = 0;
}

static bool cpu_halted(int i)
{
    return cpus_get_state(cpus[i]) == VCPU_HALTED;
}

/* ---- Cases ---------------------------------------------------------------- */

static void test_reset_vector_io_mmio(void)
{
    static const struct { bool mmio, write; uint64_t addr; unsigned size;
                          uint64_t val; } want[] = {
        { false, true, 0xe0, 1, 0x42 },
        { false, true, 0xe2, 2, 0x1234 },
        { false, true, 0xe4, 4, 0xdeadbeef },
        { false, true, 0xe8, 1, 'h' }, { false, true, 0xe8, 1, 'e' },
        { false, true, 0xe8, 1, 'l' }, { false, true, 0xe8, 1, 'l' },
        { false, true, 0xe8, 1, 'o' },
        { false, false, 0xe0, 1, 0x5a },
        { false, true, 0xe1, 1, 0x5a },
        { true, true, MMIO_BASE + 0x10, 4, 0xcafef00d },
        { true, false, MMIO_BASE + 0x20, 4, 0x11223344 },
        { false, true, 0xe4, 4, 0x11223344 },
    };
    uint64_t start, size;
    bool ro;

    machine_build(prog_io, sizeof(prog_io));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    /* Slots follow the flat view: RAM split around the MMIO page. */
    g_assert_true(kvm_slot_lookup(0x1000, &start, &size, &ro));
    g_assert_cmphex(start, ==, 0);
    g_assert_cmphex(size, ==, MMIO_BASE);
    g_assert_true(kvm_slot_lookup(MMIO_BASE + 0x1000, &start, &size, &ro));
    g_assert_cmphex(start, ==, MMIO_BASE + 0x1000);
    g_assert_cmphex(start + size, ==, RAM_SIZE);
    g_assert_false(kvm_slot_lookup(MMIO_BASE, &start, &size, &ro));
    g_assert_true(kvm_slot_lookup(ROM_BASE, &start, &size, &ro));
    g_assert_cmpint(ro, ==, kvm_check_extension(KVM_CAP_READONLY_MEM) != 0);
    g_assert_cmpuint(kvm_slots_used(), ==, 3);

    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, G_N_ELEMENTS(want));
    for (unsigned i = 0; i < G_N_ELEMENTS(want); i++) {
        IoEvent e = event_at(i);
        g_assert_cmpint(e.mmio, ==, want[i].mmio);
        g_assert_cmpint(e.write, ==, want[i].write);
        g_assert_cmphex(e.addr, ==, want[i].addr);
        g_assert_cmpuint(e.size, ==, want[i].size);
        g_assert_cmphex(e.val, ==, want[i].val);
    }
    /* The registers come back from KVM: halted after the last hlt. */
    cpu_synchronize_state(cpus[0]);
    g_assert_cmphex(x86_env(cpus[0])->segs[R_CS].base, ==, ROM_BASE);
    g_assert_cmphex(x86_env(cpus[0])->rip, ==, 0x3c);
    g_assert_cmphex(x86_env(cpus[0])->regs[R_EAX], ==, 0x11223344);
    /* The FPU reset state went in and came back. */
    g_assert_cmphex(x86_env(cpus[0])->fcw, ==, 0x37f);
    g_assert_cmphex(x86_env(cpus[0])->mxcsr, ==, 0x1f80);
    vm_finish();
    /* Slots go with the VM; region removal after that must be harmless. */
    machine_destroy();
}

static void test_info_registers(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    machine_build(prog_io, sizeof(prog_io));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    /* Paused at reset: QEMU's layout and the SDM's reset values. */
    cpu_synchronize_state(cpus[0]);
    cpu_dump_state(cpus[0], out);
    g_assert_nonnull(strstr(out->str, "EAX=00000000 EBX=00000000 ECX=00000000 "
                                      "EDX=00060fb1\n"));
    g_assert_nonnull(strstr(out->str, "EIP=0000fff0 EFL=00000002 [-------] "
                                      "CPL=0 II=0 A20=1 SMM=0 HLT=0\n"));
    g_assert_nonnull(strstr(out->str, "CS =f000 ffff0000 0000ffff 00009b00\n"));
    g_assert_nonnull(strstr(out->str, "CR0=60000010 CR2=00000000"));
    g_assert_nonnull(strstr(out->str, "DR6=00000000ffff0ff0 "
                                      "DR7=0000000000000400\n"));
    g_assert_nonnull(strstr(out->str, "FCW=037f FSW=0000 [ST=0] FTW=00 "
                                      "MXCSR=00001f80\n"));
    vm_finish();
    machine_destroy();
}

static int resets_seen;

static void count_reset(void *opaque)
{
    resets_seen++;
}

/* One pass of what the main loop does with requests. */
static bool main_loop_pass(int *status)
{
    bool r;

    bql_lock();
    r = main_loop_should_exit(status);
    bql_unlock();
    return r;
}

static void start_at_0x1000(void)
{
    X86BootState bs = { .mode = X86_BOOT_PROTECTED32, .rip = 0x1000 };

    x86_cpu_set_boot_state(X86_CPU(cpus[0]), &bs);
}

/* A guest-requested reset: vCPUs paused, CPU reset state pushed to KVM,
 * the guest starts again at the reset vector. */
static void test_guest_reset(void)
{
    int status = -1;
    int before = resets_seen;

    machine_build(prog_after_reset, sizeof(prog_after_reset));
    memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + 0x1000, prog_reset,
           sizeof(prog_reset));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    no_reboot = false;
    start_at_0x1000();
    bql_lock();
    vm_start();
    bql_unlock();
    WAIT_UNTIL(!main_loop_pass(&status) && resets_seen == before + 1 &&
               cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 2);
    g_assert_cmphex(event_at(0).addr, ==, 0xef);
    g_assert_cmphex(event_at(1).addr, ==, 0xe0);
    g_assert_cmphex(event_at(1).val, ==, 0x77);
    cpu_synchronize_state(cpus[0]);
    g_assert_cmphex(x86_env(cpus[0])->segs[R_CS].base, ==, ROM_BASE);
    g_assert_cmphex(x86_env(cpus[0])->cr[0], ==, 0x60000010);

    /* With -no-reboot a guest reset ends the process with status 0. */
    no_reboot = true;
    bql_lock();
    vm_stop(RUN_STATE_PAUSED);
    bql_unlock();
    start_at_0x1000();
    cpus[0]->halted = false;
    bql_lock();
    vm_start();
    bql_unlock();
    WAIT_UNTIL(main_loop_pass(&status));
    g_assert_cmpint(status, ==, 0);
    g_assert_cmpint(resets_seen, ==, before + 1);
    no_reboot = false;
    vm_finish();
    machine_destroy();
}

/*
 * int3 with no IDT, -no-reboot: a triple fault ends the process with 0
 * (VMX/SVM hosts); PVM's emulation failure prints the reason and the
 * registers and ends it with 1. Either way no hang, and the output says
 * which.
 */
static void test_int3_without_idt(void)
{
    if (!g_test_subprocess() && !kvm_usable()) {
        return;
    }
    if (g_test_subprocess()) {
        int status = -1;

        machine_build(prog_after_reset, sizeof(prog_after_reset));
        memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + 0x1000,
               prog_int3, sizeof(prog_int3));
        if (!vm_start_kvm(1)) {
            exit(77);
        }
        no_reboot = true;
        start_at_0x1000();
        bql_lock();
        vm_start();
        bql_unlock();
        WAIT_UNTIL(main_loop_pass(&status));
        fprintf(stderr, "status %d\n", status);
        exit(status);
    }
    g_test_trap_subprocess(NULL, 0, 0);
    if (g_test_trap_has_passed()) {
        g_test_trap_assert_stderr("*status 0\n");
        g_test_message("triple fault: reset with -no-reboot, status 0");
    } else {
        g_test_trap_assert_stderr("*KVM internal error. Suberror: *\n*"
                                  "EIP=00001007 *"
                                  "CS =0010 00000000 ffffffff 00c09b00 *"
                                  "status 1\n");
    }
}

/* Crafted kvm_run pages: every field is checked before it is used. */
static void test_exit_decode(void)
{
    size_t size = 4096;
    g_autofree uint8_t *page = g_malloc0(size);
    struct kvm_run *run = (struct kvm_run *)page;
    KVMVcpu v = { .run = run, .run_size = size };
    AccelExit e;

    run->exit_reason = KVM_EXIT_IO;
    run->io.direction = KVM_EXIT_IO_OUT;
    run->io.size = 2;
    run->io.port = 0x3f8;
    run->io.count = 3;
    run->io.data_offset = 4096 - 6;
    memset(&e, 0, sizeof(e));
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_IO);
    g_assert_true(e.is_write);
    g_assert_cmphex(e.addr, ==, 0x3f8);
    g_assert_cmpuint(e.count, ==, 3);
    g_assert_true(e.data == page + 4096 - 6);
    /* One byte past the page. */
    run->io.data_offset = 4096 - 5;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);
    /* A count whose product wraps 32 bits. */
    run->io.data_offset = 64;
    run->io.size = 4;
    run->io.count = 0x40000001;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);
    run->io.count = 1;
    run->io.size = 3;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);

    memset(page, 0, size);
    run->exit_reason = KVM_EXIT_MMIO;
    run->mmio.phys_addr = 0xfee00000;
    run->mmio.len = 9;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);
    run->mmio.len = 8;
    run->mmio.is_write = 0;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_MMIO);
    g_assert_true(e.data == run->mmio.data);
    g_assert_false(e.is_write);

    run->exit_reason = KVM_EXIT_SHUTDOWN;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_RESET);
    run->exit_reason = KVM_EXIT_HLT;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_HLT);
    run->exit_reason = KVM_EXIT_SYSTEM_EVENT;
    run->system_event.type = KVM_SYSTEM_EVENT_SHUTDOWN;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_SHUTDOWN);
    run->system_event.type = KVM_SYSTEM_EVENT_CRASH;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_PANIC);

    memset(page, 0, size);
    run->exit_reason = KVM_EXIT_INTERNAL_ERROR;
    run->internal.suberror = KVM_INTERNAL_ERROR_EMULATION;
    run->internal.ndata = 1000;                 /* more than there is */
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);
    g_assert_true(g_str_has_prefix(e.reason,
                                   "KVM internal error. Suberror: 1"));
    run->exit_reason = KVM_EXIT_FAIL_ENTRY;
    run->fail_entry.hardware_entry_failure_reason = 0x21;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);
    g_assert_cmpstr(e.reason, ==, "KVM: entry failed, hardware error 0x21");
    run->exit_reason = KVM_EXIT_INTR;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_NONE);
    run->exit_reason = 12345;
    kvm_vcpu_decode_exit(&v, &e);
    g_assert_cmpint(e.kind, ==, ACCEL_EXIT_ERROR);
}

static void test_smp_two_vcpus(void)
{
    machine_build(prog_smp, sizeof(prog_smp));
    if (!vm_start_kvm(2)) {
        machine_destroy();
        return;
    }
    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0) && cpu_halted(1));
    g_assert_cmpuint(events_count(), ==, 2);
    for (int c = 0; c < 2; c++) {
        uint32_t id = X86_CPU(cpus[c])->apic_id;
        bool seen = false;
        for (unsigned i = 0; i < 2; i++) {
            IoEvent e = event_at(i);
            if (e.addr == 0xe0 + 0x10 + id) {
                g_assert_cmphex(e.val, ==, id);
                seen = true;
            }
        }
        g_assert_true(seen);
    }
    g_assert_cmpuint(X86_CPU(cpus[0])->apic_id, !=, X86_CPU(cpus[1])->apic_id);
    g_assert_cmpint(cpus_get_thread_id(cpus[0]), !=,
                    cpus_get_thread_id(cpus[1]));
    vm_finish();
    machine_destroy();
}

static uint32_t guest_counter(void)
{
    uint32_t v;

    __atomic_load((uint32_t *)((uint8_t *)memory_region_get_ram_ptr(&ram) +
                               0x700), &v, __ATOMIC_SEQ_CST);
    return v;
}

static void test_pause_resume(void)
{
    uint32_t a, b;

    machine_build(prog_spin, sizeof(prog_spin));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    g_assert_true(all_vcpus_paused());
    resume_all_vcpus();
    WAIT_UNTIL(guest_counter() > 1000);
    g_assert_cmpint(cpus_get_state(cpus[0]), ==, VCPU_RUNNING);

    pause_all_vcpus();
    g_assert_true(all_vcpus_paused());
    g_assert_cmpint(cpus_get_state(cpus[0]), ==, VCPU_PAUSED);
    a = guest_counter();
    g_usleep(50 * 1000);
    b = guest_counter();
    /* Paused means out of KVM_RUN: not one more increment. */
    g_assert_cmpuint(a, ==, b);

    resume_all_vcpus();
    WAIT_UNTIL(guest_counter() != b);
    /* Pause through the run-state hooks as the monitor's stop does. */
    bql_lock();
    runstate_set(RUN_STATE_RUNNING);
    vm_stop(RUN_STATE_PAUSED);
    bql_unlock();
    a = guest_counter();
    g_usleep(20 * 1000);
    g_assert_cmpuint(guest_counter(), ==, a);
    bql_lock();
    vm_start();
    bql_unlock();
    WAIT_UNTIL(guest_counter() != a);
    vm_finish();
    machine_destroy();
}

/* The same without KVM_CAP_IMMEDIATE_EXIT: SIG_IPI is blocked outside
 * KVM_RUN and unblocked inside it, so no kick is lost either. */
static void test_pause_resume_signal_mask(void)
{
    kvm_set_immediate_exit_allowed(false);
    test_pause_resume();
    kvm_set_immediate_exit_allowed(true);
}

static void test_protected_mode_start(void)
{
    X86BootState bs = { .mode = X86_BOOT_PROTECTED32, .rip = 0x1000 };

    machine_build(prog_io, sizeof(prog_io));
    memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + 0x1000, prog_pm32,
           sizeof(prog_pm32));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    bs.regs[R_ESI] = 0x90000;               /* boot_params, as a bzImage */
    x86_cpu_set_boot_state(X86_CPU(cpus[0]), &bs);
    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 3);
    g_assert_cmphex(event_at(0).val, ==, 0x90000);
    g_assert_cmphex(event_at(1).val, ==, 0x10);
    g_assert_cmphex(event_at(2).val, ==, 0x18);
    cpu_synchronize_state(cpus[0]);
    g_assert_cmphex(x86_env(cpus[0])->cr[0] & CR0_PE_MASK, ==, CR0_PE_MASK);
    vm_finish();
    machine_destroy();
}

static void test_long_mode_start(void)
{
    X86BootState bs = { .mode = X86_BOOT_LONG64, .rip = 0x1000,
                        .cr3 = 0x10000 };
    uint8_t *r;
    uint64_t e;

    machine_build(prog_io, sizeof(prog_io));
    r = memory_region_get_ram_ptr(&ram);
    memcpy(r + 0x1000, prog_lm64, sizeof(prog_lm64));
    /* Identity map of the first 1 GiB with 2 MiB pages: PML4 at 0x10000,
     * PDPT at 0x11000, PD at 0x12000. */
    e = 0x11000 | 3;
    memcpy(r + 0x10000, &e, 8);
    e = 0x12000 | 3;
    memcpy(r + 0x11000, &e, 8);
    for (uint64_t i = 0; i < 512; i++) {
        e = (i << 21) | 0x83;
        memcpy(r + 0x12000 + i * 8, &e, 8);
    }
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    bs.regs[R_ESI] = 0x123456789abcULL;
    x86_cpu_set_boot_state(X86_CPU(cpus[0]), &bs);
    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 3);
    g_assert_cmphex(event_at(0).val, ==, 0x56789abc);
    g_assert_cmphex(event_at(1).val, ==, 0x1234);
    g_assert_cmphex(event_at(2).val, ==, 0x10);
    vm_finish();
    machine_destroy();
}

/* real.S (.code16) at 0x1000 = 0x0100:0000: mov $0x42,%al; out %al,$0xe0;
 * mov %cs,%ax; out %ax,$0xe2; cli; hlt */
static const uint8_t prog_real[] = {
    0xb0, 0x42, 0xe6, 0xe0, 0x8c, 0xc8, 0xe7, 0xe2, 0xfa, 0xf4,
};

static void test_real_mode_start(void)
{
    X86BootState bs = { .mode = X86_BOOT_REAL16, .real_cs = 0x100,
                        .rip = 0 };

    machine_build(prog_io, sizeof(prog_io));
    memcpy((uint8_t *)memory_region_get_ram_ptr(&ram) + 0x1000, prog_real,
           sizeof(prog_real));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    x86_cpu_set_boot_state(X86_CPU(cpus[0]), &bs);
    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 2);
    g_assert_cmphex(event_at(0).val, ==, 0x42);
    g_assert_cmphex(event_at(1).val, ==, 0x100);
    vm_finish();
    machine_destroy();
}

/* RAM split as the pc board splits it: one block, its first part below
 * the PCI hole and the rest above 4 GiB, both through aliases. */
static void test_slots_above_4g(void)
{
    MemoryRegion big, below, above;
    uint64_t start, size;
    bool ro;

    machine_build(prog_io, sizeof(prog_io));
    g_assert_true(memory_region_init_ram(&big, NULL, "test.big", 4 * MiB,
                                         &error_abort));
    memory_region_init_alias(&below, NULL, "test.below", &big, 0, 3 * MiB);
    memory_region_init_alias(&above, NULL, "test.above", &big, 3 * MiB,
                             1 * MiB);
    if (!vm_start_kvm(0)) {
        memory_region_finalize(&below);
        memory_region_finalize(&above);
        memory_region_finalize(&big);
        machine_destroy();
        return;
    }
    bql_lock();
    memory_region_transaction_begin();
    memory_region_add_subregion(get_system_memory(), 0x40000000, &below);
    memory_region_add_subregion(get_system_memory(), 4 * GiB, &above);
    memory_region_transaction_commit();
    bql_unlock();
    g_assert_true(kvm_slot_lookup(0x40000000 + 2 * MiB, &start, &size, &ro));
    g_assert_cmphex(start, ==, 0x40000000);
    g_assert_cmphex(size, ==, 3 * MiB);
    g_assert_true(kvm_slot_lookup(4 * GiB, &start, &size, &ro));
    g_assert_cmphex(start, ==, 4 * GiB);
    g_assert_cmphex(size, ==, 1 * MiB);
    g_assert_false(ro);
    bql_lock();
    memory_region_transaction_begin();
    memory_region_del_subregion(get_system_memory(), &below);
    memory_region_del_subregion(get_system_memory(), &above);
    memory_region_transaction_commit();
    bql_unlock();
    g_assert_false(kvm_slot_lookup(4 * GiB, &start, &size, &ro));
    vm_finish();
    memory_region_finalize(&below);
    memory_region_finalize(&above);
    memory_region_finalize(&big);
    machine_destroy();
}

/* -cpu host: KVM's CPUID passed through; the guest reads it. */
static void test_host_cpu(void)
{
    g_autofree char *type = NULL;
    uint32_t a, b, c, d;
    X86CPU *cpu;

    machine_build(prog_smp, sizeof(prog_smp));
    g_assert_true(x86_cpu_parse_option("host,-avx", &type, &error_abort));
    if (!vm_start_kvm_model(1, type)) {
        machine_destroy();
        return;
    }
    cpu = X86_CPU(cpus[0]);
    /* What KVM supports, minus -avx; vendor from the host. */
    g_assert_true(cpu->features[FEAT_8000_0001_EDX] & (1u << 29));  /* lm */
    g_assert_false(cpu->features[FEAT_1_ECX] & (1u << 28));
    g_assert_true(cpu->features[FEAT_1_ECX] & (1u << 31));
    x86_cpu_cpuid(cpu, NULL, 0, 0, &a, &b, &c, &d);
    g_assert_true(!memcmp(&b, "Genu", 4) || !memcmp(&b, "Auth", 4) ||
                  !memcmp(&b, "Hygo", 4));
    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 1);
    g_assert_cmphex(event_at(0).addr, ==, 0xf0 + cpu->apic_id);
    vm_finish();
    machine_destroy();
    x86_cpu_clear_feature_changes();
}

/* String IN with a count: each element read from the port in turn. */
/*
 * ins.S (.code16):
 *   xor %ax,%ax; mov %ax,%es; mov $0x800,%di; mov $4,%cx
 *   mov $0xe0,%dx; cld; rep insb (%dx),%es:(%di); cli; hlt
 */
static const uint8_t prog_ins[] = {
    0x31, 0xc0, 0x8e, 0xc0, 0xbf, 0x00, 0x08, 0xb9, 0x04, 0x00, 0xba, 0xe0,
    0x00, 0xfc, 0xf3, 0x6c, 0xfa, 0xf4,
};

static void test_string_in(void)
{
    uint8_t *r;

    machine_build(prog_ins, sizeof(prog_ins));
    if (!vm_start_kvm(1)) {
        machine_destroy();
        return;
    }
    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 4);
    for (unsigned i = 0; i < 4; i++) {
        g_assert_false(event_at(i).write);
        g_assert_cmphex(event_at(i).addr, ==, 0xe0);
    }
    r = memory_region_get_ram_ptr(&ram);
    g_assert_cmphex(r[0x800], ==, 0x5a);
    g_assert_cmphex(r[0x803], ==, 0x5a);
    g_assert_cmphex(r[0x804], ==, 0);
    vm_finish();
    machine_destroy();
}

/*
 * wake.S (.code16): halt; once woken, report and halt again.
 *   hlt; out %al,$0xe0; cli; hlt
 */
static const uint8_t prog_wake[] = { 0xf4, 0xe6, 0xe0, 0xfa, 0xf4 };

static void test_halt_wakeup_and_names(void)
{
    char path[64], comm[32] = "";
    g_autofree char *want = NULL;
    FILE *f;

    machine_build(prog_wake, sizeof(prog_wake));
    qemu_thread_naming(true);
    if (!vm_start_kvm(1)) {
        qemu_thread_naming(false);
        machine_destroy();
        return;
    }
    qemu_thread_naming(false);
    /* "CPU n/KVM", as QEMU names them with debug-threads=on. */
    snprintf(path, sizeof(path), "/proc/self/task/%d/comm",
             cpus_get_thread_id(cpus[0]));
    f = fopen(path, "r");
    g_assert_nonnull(f);
    g_assert_nonnull(fgets(comm, sizeof(comm), f));
    fclose(f);
    want = g_strdup_printf("CPU %d/KVM\n", cpus[0]->cpu_index);
    g_assert_cmpstr(comm, ==, want);

    resume_all_vcpus();
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmpuint(events_count(), ==, 0);
    cpu_interrupt(cpus[0], CPU_INTERRUPT_HARD);
    cpus_kick(cpus[0]);
    WAIT_UNTIL(events_count() == 1);
    cpu_reset_interrupt(cpus[0], CPU_INTERRUPT_HARD);
    WAIT_UNTIL(cpu_halted(0));
    g_assert_cmphex(event_at(0).addr, ==, 0xe0);
    vm_finish();
    machine_destroy();
}

/* Slots follow tree changes: pages merge back when the MMIO page goes,
 * and a section starting inside a page keeps only its whole pages. */
static void test_slots_follow_changes(void)
{
    MemoryRegion small;
    uint64_t start, size;
    bool ro;

    machine_build(prog_io, sizeof(prog_io));
    if (!vm_start_kvm(0)) {
        machine_destroy();
        return;
    }
    bql_lock();
    memory_region_set_enabled(&mmio, false);
    bql_unlock();
    g_assert_true(kvm_slot_lookup(MMIO_BASE, &start, &size, &ro));
    g_assert_cmphex(start, ==, 0);
    g_assert_cmphex(size, ==, RAM_SIZE);
    g_assert_cmpuint(kvm_slots_used(), ==, 2);

    memory_region_init_io(&small, NULL, &ports_ops, NULL, "test.small",
                          0x10);
    bql_lock();
    memory_region_add_subregion_overlap(get_system_memory(), 0x2500, &small,
                                        1);
    bql_unlock();
    g_assert_true(kvm_slot_lookup(0x1000, &start, &size, &ro));
    g_assert_cmphex(start, ==, 0);
    g_assert_cmphex(size, ==, 0x2000);
    g_assert_false(kvm_slot_lookup(0x2000, &start, &size, &ro));
    g_assert_true(kvm_slot_lookup(0x3000, &start, &size, &ro));
    g_assert_cmphex(start, ==, 0x3000);
    g_assert_cmphex(start + size, ==, RAM_SIZE);

    bql_lock();
    memory_region_del_subregion(get_system_memory(), &small);
    memory_region_set_enabled(&mmio, true);
    bql_unlock();
    memory_region_finalize(&small);
    g_assert_cmpuint(kvm_slots_used(), ==, 3);
    vm_finish();
    machine_destroy();
}

/*
 * sipi.S (.code32), the BSP at 0x1000: INIT then SIPI (vector 8: the AP
 * starts in real mode at 0x8000) to APIC id 1 through the in-kernel
 * LAPIC's ICR, then report. The LAPIC is software-enabled first (SVR),
 * as SeaBIOS does before it starts the APs.
 *   movl $0x1ff,0xfee000f0
 *   mov $0xfee00310,%edi
 *   movl $0x01000000,(%edi); movl $0x00004500,-0x10(%edi)   INIT
 *   movl $0x01000000,(%edi); movl $0x00004608,-0x10(%edi)   SIPI
 *   mov $0,%al; out %al,$0xf0; cli; hlt
 */
static const uint8_t prog_sipi[] = {
    0xc7, 0x05, 0xf0, 0x00, 0xe0, 0xfe, 0xff, 0x01, 0x00, 0x00, 0xbf, 0x10,
    0x03, 0xe0, 0xfe, 0xc7, 0x07, 0x00, 0x00, 0x00, 0x01, 0xc7, 0x47, 0xf0,
    0x00, 0x45, 0x00, 0x00, 0xc7, 0x07, 0x00, 0x00, 0x00, 0x01, 0xc7, 0x47,
    0xf0, 0x08, 0x46, 0x00, 0x00, 0xb0, 0x00, 0xe6, 0xf0, 0xfa, 0xf4,
};

/* ap.S (.code16) at 0x8000: mov $1,%al; out %al,$0xf1; cli; hlt */
static const uint8_t prog_ap[] = { 0xb0, 0x01, 0xe6, 0xf1, 0xfa, 0xf4 };

/*
 * In-kernel irqchip: the AP waits for INIT/SIPI (MP state from the reset
 * state: only the CPU with index 0 is the BSP), the BSP starts it. Runs
 * in a child so the CPUs get indexes 0 and 1.
 */
static void test_irqchip_sipi(void)
{
    if (g_test_subprocess()) {
        X86BootState bs = { .mode = X86_BOOT_PROTECTED32, .rip = 0x1000 };
        uint8_t *r;
        Error *err = NULL;

        machine_build(prog_after_reset, sizeof(prog_after_reset));
        r = memory_region_get_ram_ptr(&ram);
        memcpy(r + 0x1000, prog_sipi, sizeof(prog_sipi));
        memcpy(r + 0x8000, prog_ap, sizeof(prog_ap));
        g_assert_true(accel_init_machine("kvm", NULL, &err));
        g_assert_true(kvm_irqchip_create(&error_abort));
        x86_cpu_set_topology(2, 1);
        cpus[0] = cpu_create(X86_CPU_TYPE_NAME("qemu64"), &error_abort);
        cpus[1] = cpu_create(X86_CPU_TYPE_NAME("qemu64"), &error_abort);
        ncpus = 2;
        g_assert_cmpint(cpus[0]->cpu_index, ==, 0);
        g_assert_true(cpus_start_all(&error_abort));
        x86_cpu_set_boot_state(X86_CPU(cpus[0]), &bs);
        resume_all_vcpus();
        WAIT_UNTIL(events_count() == 2);
        /* One report each, in either order. Had the AP run from its reset
         * vector instead of waiting for the SIPI, the ROM would have
         * written 0x77 to port 0xe0. */
        g_assert_cmphex(event_at(0).addr + event_at(1).addr, ==,
                        0xf0 + 0xf1);
        g_assert_cmphex(event_at(0).val + event_at(1).val, ==, 1);
        g_usleep(20 * 1000);
        g_assert_cmpuint(events_count(), ==, 2);
        vm_finish();
        machine_destroy();
        return;
    }
    if (!kvm_usable()) {
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
}

static void test_irqchip(void)
{
    machine_build(prog_io, sizeof(prog_io));
    if (!vm_start_kvm(0)) {
        machine_destroy();
        return;
    }
    g_assert_false(kvm_irqchip_in_kernel());
    g_assert_false(kvm_set_irq(4, 1));      /* no irqchip yet: refused */
    if (!kvm_irqchip_create(NULL)) {
        g_test_skip("KVM_CREATE_IRQCHIP unsupported");
        vm_finish();
        machine_destroy();
        return;
    }
    g_assert_true(kvm_irqchip_in_kernel());
    g_assert_true(kvm_pit_create(&error_abort));
    g_assert_true(kvm_irqchip_add_route(20, &error_abort));
    g_assert_false(kvm_irqchip_add_route(24, NULL));
    g_assert_true(kvm_set_irq(4, 1));
    g_assert_true(kvm_set_irq(4, 0));
    g_assert_true(kvm_set_irq(20, 1));
    g_assert_true(kvm_set_irq(20, 0));
    vm_finish();
    machine_destroy();
}

/* ---- Without KVM ---------------------------------------------------------- */

/* A second accelerator so "kvm:fake" can fall back (TCG-lite's arrives
 * later). */
static bool fake_init_machine(AccelState *a, MachineState *ms, Error **errp)
{
    return true;
}

static void fake_accel_class_init(ObjectClass *oc, void *data)
{
    ACCEL_CLASS(oc)->name = "fake";
    ACCEL_CLASS(oc)->init_machine = fake_init_machine;
}

static const TypeInfo fake_accel_type = {
    .name = ACCEL_CLASS_NAME("fake"),
    .parent = TYPE_ACCEL,
    .class_init = fake_accel_class_init,
};

static void test_accel_list_rules(void)
{
    Error *err = NULL;

    g_assert_true(accel_available("kvm"));
    g_assert_true(accel_available("fake"));
    g_assert_false(accel_available("hvf"));
    g_assert_true(accel_check_list("kvm:fake", &error_abort));
    g_assert_false(accel_check_list("kvm:foo", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "invalid accelerator foo");
    error_free(err);
    err = NULL;
    g_assert_false(accel_check_list("kvm::fake", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "invalid accelerator ");
    error_free(err);
    err = NULL;
    g_assert_false(accel_init_machine("bogus", NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "invalid accelerator bogus");
    error_free(err);
    g_assert_null(current_accel());
    g_assert_cmpstr(current_accel_name(), ==, "none");
}

static void test_accel_missing_device(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        kvm_set_device_path("/nonexistent/kvm");
        g_assert_false(accel_init_machine("kvm", NULL, &err));
        error_report_err(err);
        g_assert_null(current_accel());
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("Could not access KVM kernel module: No such "
                              "file or directory\n*failed to initialize kvm: "
                              "No such file or directory\n");
}

static void test_accel_fallback(void)
{
    if (g_test_subprocess()) {
        kvm_set_device_path("/nonexistent/kvm");
        g_assert_true(accel_init_machine("kvm:fake", NULL, &error_abort));
        g_assert_cmpstr(current_accel_name(), ==, "fake");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("Could not access KVM kernel module: No such "
                              "file or directory\n*failed to initialize kvm: "
                              "No such file or directory\n*"
                              "falling back to fake\n");
}

static void test_fatal_exit_ends_with_status_1(void)
{
    if (g_test_subprocess()) {
        AccelExit e = { .kind = ACCEL_EXIT_ERROR };
        CPUState *cpu = CPU(object_new(X86_CPU_TYPE_NAME("qemu64")));
        int status = -1;

        g_strlcpy(e.reason, "KVM internal error. Suberror: 1",
                  sizeof(e.reason));
        g_assert_cmpint(cpus_dispatch_exit(cpu, &e), ==, VCPU_STOPPED);
        g_assert_true(main_loop_should_exit(&status));
        g_assert_cmpint(status, ==, 1);
        object_unref(cpu);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*KVM internal error. Suberror: 1\n*");
}

static void test_cpu_option_parsing(void)
{
    g_autofree char *type = NULL;
    Error *err = NULL;
    X86CPU *cpu;
    uint32_t a, b, c, d;

    g_assert_true(x86_cpu_parse_option("qemu64,-nx,+avx,sse4.2=on,lm=off",
                                       &type, &error_abort));
    g_assert_cmpstr(type, ==, "qemu64-x86_64-cpu");
    cpu = X86_CPU(object_new(type));
    g_assert_false(cpu->features[FEAT_8000_0001_EDX] & (1u << 20));
    g_assert_false(cpu->features[FEAT_8000_0001_EDX] & (1u << 29));
    g_assert_true(cpu->features[FEAT_1_ECX] & (1u << 28));
    g_assert_true(cpu->features[FEAT_1_ECX] & (1u << 20));
    g_assert_true(cpu->features[FEAT_1_EDX] & (1u << 26));      /* sse2 */
    x86_cpu_cpuid(cpu, NULL, 0, 0, &a, &b, &c, &d);
    g_assert_cmphex(a, ==, 0xd);
    g_assert_true(!memcmp(&b, "Auth", 4) && !memcmp(&d, "enti", 4) &&
                  !memcmp(&c, "cAMD", 4));
    x86_cpu_cpuid(cpu, NULL, 1, 0, &a, &b, &c, &d);
    g_assert_cmphex(a, ==, 0x60fb1);
    object_unref(cpu);
    x86_cpu_clear_feature_changes();

    g_assert_false(x86_cpu_parse_option("pentium9", &type, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "unable to find CPU model 'pentium9'");
    error_free(err);
    err = NULL;
    g_assert_false(x86_cpu_parse_option("qemu64,+nosuch", &type, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'x86_64-cpu.nosuch' not found");
    error_free(err);
    err = NULL;
    g_assert_false(x86_cpu_parse_option("max,avx=maybe", &type, &err));
    error_free(err);
    x86_cpu_clear_feature_changes();
}

static void test_cpu_list(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    g_auto(GStrv) lines = NULL;

    x86_cpu_list(out);
    g_assert_true(g_str_has_prefix(out->str,
        "Available CPUs:\n"
        "x86 host                  processor with all supported host "
        "features\n"
        "x86 max                   Enables all features supported by the "
        "accelerator in the current host\n"
        "x86 qemu64                QEMU Virtual CPU version 2.5+\n"
        "\nRecognized CPUID flags:\n  3dnowprefetch abm "));
    /* The flags wrap at 75 columns, as QEMU's. */
    lines = g_strsplit(strstr(out->str, "Recognized"), "\n", -1);
    for (int i = 0; lines[i]; i++) {
        g_assert_cmpuint(strlen(lines[i]), <=, 75);
    }
    g_assert_nonnull(strstr(out->str, " x2apic"));
}

static void test_topology_leaves(void)
{
    X86CPU *cpu;
    uint32_t a, b, c, d;

    /* -smp 8,sockets=2,cores=2,threads=2: thread bits 1, core bits 1. */
    g_assert_cmpuint(x86_apic_id_from_index(2, 2, 5), ==, 5);
    /* 3 cores need 2 bits: index 3 is socket 0 core 1 thread 1? no:
     * threads=1: core 0 of socket 1 -> apic id 4. */
    g_assert_cmpuint(x86_apic_id_from_index(3, 1, 3), ==, 4);
    x86_cpu_set_topology(2, 2);
    cpu = X86_CPU(cpu_create(X86_CPU_TYPE_NAME("qemu64"), &error_abort));
    x86_cpu_cpuid(cpu, NULL, 1, 0, &a, &b, &c, &d);
    g_assert_cmpuint((b >> 16) & 0xff, ==, 4);
    g_assert_cmpuint(b >> 24, ==, cpu->apic_id);
    g_assert_true(d & (1u << 28));                  /* HTT */
    x86_cpu_cpuid(cpu, NULL, 0xb, 0, &a, &b, &c, &d);
    g_assert_cmpuint(a, ==, 1);
    g_assert_cmpuint(b, ==, 2);
    g_assert_cmphex(c, ==, 0x100);
    x86_cpu_cpuid(cpu, NULL, 0xb, 1, &a, &b, &c, &d);
    g_assert_cmpuint(a, ==, 2);
    g_assert_cmpuint(b, ==, 4);
    g_assert_cmphex(c, ==, 0x201);
    x86_cpu_cpuid(cpu, NULL, 4, 0, &a, &b, &c, &d);
    g_assert_cmpuint(a >> 26, ==, 1);               /* cores - 1 */
    g_assert_cmpuint((a >> 14) & 0xfff, ==, 0);     /* L1: one thread */
    x86_cpu_set_topology(0, 0);
    cpus_stop_all();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    type_register_static(&fake_accel_type);
    memory_map_init();
    qemu_init_main_loop();
    bql_unlock();       /* the tests take it where a main loop would */
    qemu_register_reset(count_reset, NULL);

    g_test_add_func("/accel/list-rules", test_accel_list_rules);
    g_test_add_func("/accel/missing-device", test_accel_missing_device);
    g_test_add_func("/accel/fallback", test_accel_fallback);
    g_test_add_func("/cpus/fatal-exit", test_fatal_exit_ends_with_status_1);
    g_test_add_func("/x86/cpu-option", test_cpu_option_parsing);
    g_test_add_func("/x86/topology", test_topology_leaves);
    g_test_add_func("/x86/cpu-list", test_cpu_list);
    g_test_add_func("/kvm/reset-vector-io-mmio", test_reset_vector_io_mmio);
    g_test_add_func("/kvm/info-registers", test_info_registers);
    g_test_add_func("/kvm/exit-decode", test_exit_decode);
    g_test_add_func("/kvm/guest-reset", test_guest_reset);
    g_test_add_func("/kvm/int3-without-idt", test_int3_without_idt);
    g_test_add_func("/kvm/smp", test_smp_two_vcpus);
    g_test_add_func("/kvm/pause-resume", test_pause_resume);
    g_test_add_func("/kvm/pause-resume-signal-mask",
                    test_pause_resume_signal_mask);
    g_test_add_func("/kvm/protected-mode-start", test_protected_mode_start);
    g_test_add_func("/kvm/long-mode-start", test_long_mode_start);
    g_test_add_func("/kvm/real-mode-start", test_real_mode_start);
    g_test_add_func("/kvm/slots-above-4g", test_slots_above_4g);
    g_test_add_func("/kvm/irqchip", test_irqchip);
    g_test_add_func("/kvm/irqchip-sipi", test_irqchip_sipi);
    g_test_add_func("/kvm/host-cpu", test_host_cpu);
    g_test_add_func("/kvm/string-in", test_string_in);
    g_test_add_func("/kvm/halt-wakeup-thread-names",
                    test_halt_wakeup_and_names);
    g_test_add_func("/kvm/slots-follow-changes", test_slots_follow_changes);
    return g_test_run();
}
