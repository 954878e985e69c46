#!/usr/bin/env python3
"""The aarch64 virt board on TCG-lite: tiny bare-metal programs, assembled
here with the aarch64 cross binutils (skipped, counted as skipped, where
they are missing), print on the PL011 and end through PSCI via HVC."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

CROSS = "aarch64-linux-gnu-"
LOAD = "0x40080000"         # RAM base + 0x80000: where a raw image goes

# Prints msg on the PL011 at 0x09000000, then makes the PSCI call FN.
PROG = """
    .text
    .globl _start
_start:
    ldr x1, =0x09000000
    adr x2, msg
1:  ldrb w3, [x2], #1
    cbz w3, 2f
    strb w3, [x1]
    b 1b
2:  ldr x0, =FN
    hvc #0
3:  b 3b
msg: .asciz "hello from aarch64\\n"
"""

# Asks PSCI_VERSION and an unknown function, prints both results as hex
# digits ("v00010001 u-1" style: 8 digits each), then SYSTEM_OFF.
PROG_PSCI = """
    .text
    .globl _start
_start:
    ldr x1, =0x09000000
    ldr x0, =0x84000000
    hvc #0
    bl hex
    ldr x0, =0x8400ffff
    hvc #0
    bl hex
    ldr x0, =0x84000008
    hvc #0
3:  b 3b
hex:                            /* w0 as 8 hex digits and a newline */
    mov w5, #28
4:  lsr w6, w0, w5
    and w6, w6, #0xf
    cmp w6, #10
    add w7, w6, #0x30
    add w8, w6, #0x57
    csel w6, w7, w8, lt
    strb w6, [x1]
    subs w5, w5, #4
    b.ge 4b
    mov w6, #0x0a
    strb w6, [x1]
    ret
"""


def build(src, name, fn="0x84000008"):
    """Assemble src into name.elf and name.bin in a fresh directory."""
    for tool in ("as", "ld", "objcopy"):
        if not shutil.which(CROSS + tool):
            ktest.skip(CROSS + tool + " not installed")
    d = ktest.tmpdir()
    s = os.path.join(d, name + ".S")
    o, elf, bin_ = (os.path.join(d, name + e) for e in (".o", ".elf", ".bin"))
    with open(s, "w") as f:
        f.write(src.replace("FN", fn))
    subprocess.run([CROSS + "as", "-o", o, s], check=True)
    subprocess.run([CROSS + "ld", "-Ttext=" + LOAD, "-o", elf, o],
                   check=True)
    subprocess.run([CROSS + "objcopy", "-O", "binary", elf, bin_],
                   check=True)
    return elf, bin_


def run_virt(kernel, extra=()):
    return ktest.run(["-M", "virt", "-cpu", "cortex-a57", "-accel", "tcg",
                      "-nodefaults", "-serial", "stdio", "-display", "none",
                      "-kernel", kernel] + list(extra),
                     target="aarch64", timeout=30)


def test_raw_hello_poweroff():
    _, bin_ = build(PROG, "hello")
    r = run_virt(bin_)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stdout == "hello from aarch64\n", repr(r.stdout)


def test_elf_hello_poweroff():
    elf, _ = build(PROG, "hello")
    r = run_virt(elf)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stdout == "hello from aarch64\n", repr(r.stdout)


def test_nographic_default_accel():
    # -nographic puts the serial port on stdio (muxed with the monitor);
    # no -accel: tcg is aarch64's default.
    _, bin_ = build(PROG, "hello")
    r = ktest.run(["-M", "virt", "-nographic", "-kernel", bin_],
                  target="aarch64", timeout=30)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert "hello from aarch64\n" in r.stdout, repr(r.stdout)


def test_system_reset_no_reboot():
    _, bin_ = build(PROG, "reset", fn="0x84000009")
    r = run_virt(bin_, ["-no-reboot"])
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stdout == "hello from aarch64\n", repr(r.stdout)


def test_psci_version_and_unknown():
    _, bin_ = build(PROG_PSCI, "psci")
    r = run_virt(bin_)
    assert r.returncode == 0, (r.returncode, r.stderr)
    # QEMU 7.2 reports PSCI 1.1; unknown functions NOT_SUPPORTED (-1).
    assert r.stdout == "00010001\nffffffff\n", repr(r.stdout)


# Takes an SVC through VBAR_EL1 (current EL, SP_ELx: offset 0x200), and
# prints ESR_EL1 and ELR_EL1 minus _start, then powers off. Debian's QEMU
# prints "56000042\n00000014\n" for the same program.
PROG_SVC = """
    .text
    .globl _start
_start:
    ldr x1, =0x09000000
    adr x0, vectors
    msr vbar_el1, x0
    isb
    svc #0x42
3:  b 3b
hex:                            /* w0 as 8 hex digits and a newline */
    mov w5, #28
4:  lsr w6, w0, w5
    and w6, w6, #0xf
    cmp w6, #10
    add w7, w6, #0x30
    add w8, w6, #0x57
    csel w6, w7, w8, lt
    strb w6, [x1]
    subs w5, w5, #4
    b.ge 4b
    mov w6, #0x0a
    strb w6, [x1]
    ret
    .balign 2048
vectors:
    .skip 0x200
    mrs x0, esr_el1
    bl hex
    mrs x0, elr_el1
    adr x2, _start
    sub x0, x0, x2
    bl hex
    ldr x0, =0x84000008
    hvc #0
5:  b 5b
"""


def test_svc_taken_to_vector():
    _, bin_ = build(PROG_SVC, "svc")
    r = run_virt(bin_)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stdout == "56000042\n00000014\n", repr(r.stdout)


def test_missing_kernel():
    r = ktest.run(["-M", "virt", "-display", "none", "-kernel",
                   "/nonexistent/kernel"], target="aarch64")
    assert r.returncode == 1
    assert ("could not open kernel file '/nonexistent/kernel': "
            "No such file or directory") in r.stderr, r.stderr


def test_kernel_elf_outside_ram():
    for tool in ("as", "ld"):
        if not shutil.which(CROSS + tool):
            ktest.skip(CROSS + tool + " not installed")
    d = ktest.tmpdir()
    s, o, elf = (os.path.join(d, "low" + e) for e in (".S", ".o", ".elf"))
    with open(s, "w") as f:
        f.write(".text\n.globl _start\n_start: b _start\n")
    subprocess.run([CROSS + "as", "-o", o, s], check=True)
    subprocess.run([CROSS + "ld", "-Ttext=0x1000", "-o", elf, o], check=True)
    r = ktest.run(["-M", "virt", "-display", "none", "-kernel", elf],
                  target="aarch64")
    assert r.returncode == 1
    assert "is not in RAM" in r.stderr, r.stderr


def test_cortex_a15_refused():
    r = ktest.run(["-M", "virt", "-cpu", "cortex-a15", "-display", "none"],
                  target="aarch64")
    assert r.returncode == 1
    assert "'cortex-a15' is a 32-bit CPU" in r.stderr, r.stderr


def test_unknown_cpu():
    r = ktest.run(["-M", "virt", "-cpu", "foo", "-display", "none"],
                  target="aarch64")
    assert r.returncode == 1
    assert "unable to find CPU model 'foo'" in r.stderr, r.stderr


def test_board_options_refused():
    # QEMU's words for too many CPUs on GICv2 and a bad gic-version; the
    # extensions Kestrel lacks are refused by name.
    cases = [
        (["-M", "virt", "-smp", "9"],
         "Number of SMP CPUs requested (9) exceeds max CPUs supported by "
         "machine 'mach-virt' (8)"),
        (["-M", "virt,gic-version=foo"], "Invalid gic-version value"),
        (["-M", "virt,secure=on"],
         "-M virt,secure=on is not supported by Kestrel yet"),
        (["-M", "virt,virtualization=on"],
         "-M virt,virtualization=on is not supported by Kestrel yet"),
    ]
    for args, msg in cases:
        r = ktest.run(args + ["-display", "none"], target="aarch64")
        assert r.returncode == 1, (args, r.returncode)
        assert msg in r.stderr, (args, r.stderr)


def test_machine_help_lists_virt():
    r = ktest.run(["-M", "help"], target="aarch64")
    assert r.returncode == 0
    assert ("virt                 QEMU 7.2 ARM Virtual Machine "
            "(alias of virt-7.2)") in r.stdout, r.stdout


def test_accel_kvm_refused():
    r = ktest.run(["-M", "virt", "-accel", "kvm", "-display", "none"],
                  target="aarch64")
    assert r.returncode == 1
    assert "an aarch64 guest needs an aarch64 host" in r.stderr, r.stderr


ktest.main(globals())
