#!/usr/bin/env python3
"""Debian 12's stock arm64 kernel on -M virt under TCG-lite (issue 4).

The reference guest (scripts/fetch-guest.py: the kernel package and a
busybox initramfs whose /init prints BOOT-OK, the CPU count and the date,
then powers off) is fetched into the guest cache on first use; without
apt-get or the network every case skips, counted as skipped."""
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FETCH = os.path.join(HERE, "..", "..", "scripts", "fetch-guest.py")
BOOT_TIMEOUT = 600          # seconds: a generous bound, not a benchmark
_guest = None


def guest():
    """The directory with Image, Image.gz and initrd.gz (fetched once)."""
    global _guest
    if _guest is None:
        if not shutil.which("apt-get"):
            ktest.skip("apt-get not available to fetch the reference guest")
        r = subprocess.run([sys.executable, FETCH, "aarch64", "--print"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=600)
        if r.returncode != 0:
            ktest.skip("reference guest not available: " +
                       r.stderr.strip().splitlines()[-1:][0]
                       if r.stderr.strip() else "fetch failed")
        _guest = r.stdout.strip()
    return _guest


def boot_args(kernel="Image", smp=2, extra_append=""):
    d = guest()
    return ["-M", "virt", "-cpu", "cortex-a57", "-accel", "tcg",
            "-m", "512", "-smp", str(smp),
            "-kernel", os.path.join(d, kernel),
            "-initrd", os.path.join(d, "initrd.gz"),
            "-append", ("console=ttyAMA0 panic=-1 " + extra_append).strip(),
            "-display", "none", "-nodefaults", "-serial", "stdio",
            "-no-reboot"]


def check_boot(r, cpus, took):
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:],
                               r.stdout[-3000:])
    assert "BOOT-OK" in r.stdout, r.stdout[-3000:]
    m = re.search(r"^cpus: (\d+)", r.stdout, re.M)
    assert m and int(m.group(1)) == cpus, r.stdout[-3000:]
    # The guest's clock comes from the PL031: the host's time (the guest
    # printed it during the boot, which took less than `took` seconds).
    m = re.search(r"^date: (\d+)", r.stdout, re.M)
    assert m and -5 <= time.time() - int(m.group(1)) <= took + 5, \
        (m and m.group(1), time.time(), took)


def boot(args):
    start = time.time()
    r = ktest.run(args, target="aarch64", timeout=BOOT_TIMEOUT)
    return r, time.time() - start


def test_image_smp2_boots_and_powers_off():
    r, took = boot(boot_args())
    check_boot(r, 2, took)


def test_image_gz_smp1():
    r, took = boot(boot_args("Image.gz", smp=1))
    check_boot(r, 1, took)


def test_system_powerdown_power_button():
    d = ktest.tmpdir()
    mon = os.path.join(d, "mon.sock")
    args = boot_args(extra_append="kestrel.run=wait", smp=1)
    args += ["-monitor", "unix:%s,server=on,wait=off" % mon]
    p = ktest.start(args, target="aarch64")
    try:
        ktest.wait_for_path(mon, p)
        out = ""
        end = time.monotonic() + BOOT_TIMEOUT
        while "POWER-BUTTON-READY" not in out and time.monotonic() < end:
            line = p.stdout.readline()
            if not line:
                break
            out += line
        # /init prints it once it listens on the input devices.
        assert "POWER-BUTTON-READY" in out, out[-3000:]
        time.sleep(0.5)
        h = ktest.Hmp(mon)
        h.send("system_powerdown")
        rest, err = p.communicate(timeout=120)
        assert p.returncode == 0, (p.returncode, err[-2000:])
        assert "POWER-BUTTON" in rest, rest[-3000:]
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_dumpdtb_decompiles():
    if not shutil.which("dtc"):
        ktest.skip("dtc not installed")
    d = ktest.tmpdir()
    f = os.path.join(d, "virt.dtb")
    r = ktest.run(["-M", "virt,dumpdtb=" + f, "-cpu", "cortex-a57",
                   "-smp", "2", "-m", "512", "-display", "none"],
                  target="aarch64")
    assert r.returncode == 0, r.stderr
    dts = subprocess.run(["dtc", "-I", "dtb", "-O", "dts", f],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    assert dts.returncode == 0, dts.stderr
    for node in ("pl011@9000000", "pl031@9010000", "pl061@9030000",
                 "intc@8000000", "psci", "timer", "cpu@1",
                 "memory@40000000", "virtio_mmio@a000000"):
        assert node in dts.stdout, (node, dts.stdout)


if __name__ == "__main__":
    ktest.main(globals())
