#!/usr/bin/env python3
"""Small x86 guests of our own (tests/x86/*.S, built here with the host's
binutils) on the pc board under KVM. Each reports on COM1 and ends through
isa-debug-exit. Skipped, counted as skipped, where /dev/kvm is missing."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))), "x86")
EXIT_DEV = "isa-debug-exit,iobase=0xf4,iosize=0x04"


def need_kvm():
    try:
        fd = os.open("/dev/kvm", os.O_RDWR)
        os.close(fd)
    except OSError as e:
        ktest.skip("/dev/kvm unusable: %s" % e.strerror)


def build_bios(name):
    """Assemble tests/x86/NAME.S into a flat 64 KiB image."""
    d = ktest.tmpdir()
    obj, elf, out = (os.path.join(d, name + ext)
                     for ext in (".o", ".elf", ".bin"))
    for cmd in (["as", "--32", "-o", obj, os.path.join(SRC, name + ".S")],
                ["ld", "-m", "elf_i386", "-Ttext", "0", "-o", elf, obj],
                ["objcopy", "-O", "binary", elf, out]):
        subprocess.run(cmd, check=True)
    assert os.path.getsize(out) == 65536
    return out


def run_bios(image, extra=()):
    return ktest.run(["-M", "pc", "-accel", "kvm", "-bios", image,
                      "-nographic", "-nodefaults", "-serial", "stdio",
                      "-device", EXIT_DEV] + list(extra), timeout=20)


def test_bios_reset_vector_smoke():
    need_kvm()
    r = run_bios(build_bios("bios-smoke"))
    out = r.stdout
    assert re.search(r"^pci 00:00\.0 12378086$", out, re.M), out
    assert re.search(r"^pci 00:01\.0 70008086$", out, re.M), out
    assert re.search(r"^pci 00:05\.0 ffffffff$", out, re.M), out
    assert re.search(r"^cmos seconds 000000[0-5][0-9]$", out, re.M), out
    assert re.search(r"^port 0x2ee 000000ff$", out, re.M), out
    assert "bios-smoke: PASS" in out, out
    # isa-debug-exit: (0 << 1) | 1
    assert r.returncode == 1, (r.returncode, r.stderr)


def test_bios_file_errors():
    r = ktest.run(["-M", "pc", "-accel", "kvm", "-bios", "/nonexistent.bin"])
    if "failed to initialize kvm" in r.stderr:
        ktest.skip("no usable KVM")
    assert r.returncode == 1
    assert "could not load PC BIOS '/nonexistent.bin'" in r.stderr, r.stderr
    d = ktest.tmpdir()
    odd = os.path.join(d, "odd.bin")
    with open(odd, "wb") as f:
        f.write(b"\0" * 1000)
    r = ktest.run(["-M", "pc", "-accel", "kvm", "-bios", odd])
    assert r.returncode == 1
    assert "multiple of 64 KiB" in r.stderr, r.stderr


if __name__ == "__main__":
    ktest.main(globals())
