#!/usr/bin/env python3
"""Small x86 guests of our own (tests/x86/*.S, built here with the host's
binutils) on the pc board under KVM. Each reports on COM1 and ends through
isa-debug-exit. Skipped, counted as skipped, where /dev/kvm is missing."""
import os
import re
import subprocess
import sys
import time

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


def _ecx(h):
    m = re.search(r"ECX=([0-9a-f]{8})", h.cmd("info registers"))
    assert m, "no ECX in info registers"
    return int(m.group(1), 16)


def test_monitor_cpus_registers_stop_cont():
    need_kvm()
    d = ktest.tmpdir()
    mon = os.path.join(d, "m.sock")
    p = ktest.start(["-M", "pc", "-accel", "kvm", "-smp", "2", "-S",
                     "-bios", build_bios("bios-spin"), "-nodefaults",
                     "-monitor", "unix:%s,server=on,wait=off" % mon])
    try:
        ktest.wait_for_path(mon, p)
        h = ktest.Hmp(mon)
        assert h.cmd("info status") == "VM status: paused (prelaunch)"
        cpus = h.cmd("info cpus").splitlines()
        assert len(cpus) == 2, cpus
        assert re.match(r"^\* CPU #0: thread_id=\d+$", cpus[0]), cpus
        assert re.match(r"^  CPU #1: thread_id=\d+$", cpus[1]), cpus
        # -S: nothing has run yet; the reset state is visible.
        regs = h.cmd("info registers")
        assert "EIP=0000fff0" in regs and "CS =f000 ffff0000" in regs, regs
        h.cmd("cont")
        end = time.monotonic() + 10
        while _ecx(h) == 0 and time.monotonic() < end:
            time.sleep(0.05)
        regs = h.cmd("info registers")
        assert "EAX=00001234 EBX=00005678" in regs, regs
        h.cmd("stop")
        a = _ecx(h)
        time.sleep(0.3)
        assert _ecx(h) == a, "vCPU still running while stopped"
        h.cmd("cont")
        time.sleep(0.3)
        assert _ecx(h) != a, "vCPU did not resume"
        h.send("quit")
        p.wait(timeout=10)
        assert p.returncode == 0
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


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
