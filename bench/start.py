#!/usr/bin/env python3
"""bench/start: start-up cost of Kestrel vs Debian's QEMU on KVM.

Both run the same 64 KiB reset-vector BIOS (tests/x86/bios-hello.S) that
writes one byte to COM1 and exits through isa-debug-exit, on
`-M pc -accel kvm`. Runs alternate (Kestrel, QEMU, Kestrel, ...), 20 each by
default; prints the median wall time, CPU time (user + system) and peak RSS
of each, and the ratios Kestrel/QEMU.

Usage: bench/start.py [BUILD_DIR] [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def build_bios(d):
    src = os.path.join(ROOT, "tests", "x86", "bios-hello.S")
    obj, elf, out = (os.path.join(d, "bios" + e) for e in (".o", ".elf", ".bin"))
    subprocess.run(["as", "--32", "-o", obj, src], check=True)
    subprocess.run(["ld", "-m", "elf_i386", "-Ttext", "0", "-o", elf, obj],
                   check=True)
    subprocess.run(["objcopy", "-O", "binary", elf, out], check=True)
    return out


def build_measure(d):
    out = os.path.join(d, "measure")
    subprocess.run(["gcc", "-O2", "-o", out, os.path.join(HERE, "measure.c")],
                   check=True)
    return out


def run_once(measure, argv):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run, measured by
    bench/measure.c (a small launcher: see why there)."""
    p = subprocess.run([measure] + argv, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # The launcher's line is the last one on stderr; the emulator's own
    # warnings come before it.
    wall, cpu, rss, code = p.stderr.decode().strip().splitlines()[-1].split()
    if int(code) != 0x21 or p.stdout != b"K":
        sys.exit("%s: unexpected result: status %s, output %r"
                 % (argv[0], code, p.stdout))
    return float(wall), float(cpu), int(rss)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    try:
        os.close(os.open("/dev/kvm", os.O_RDWR))
    except OSError as e:
        sys.exit("bench/start needs /dev/kvm: %s" % e.strerror)

    with tempfile.TemporaryDirectory() as d:
        bios = build_bios(d)
        measure = build_measure(d)
        common = ["-M", "pc", "-accel", "kvm", "-bios", bios, "-nographic",
                  "-nodefaults", "-serial", "stdio", "-device",
                  "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        cmds = {
            "kestrel": [os.path.join(args.build, "kestrel-system-x86_64")]
            + common,
            "qemu": ["qemu-system-x86_64"] + common,
        }
        res = {k: [] for k in cmds}
        for _ in range(args.runs):
            for name, argv in cmds.items():
                res[name].append(run_once(measure, argv))

    med = {k: [statistics.median(col) for col in zip(*v)]
           for k, v in res.items()}
    print("bench/start: %d alternating runs each, medians" % args.runs)
    print("%-8s %10s %10s %12s" % ("", "wall ms", "cpu ms", "peak RSS KiB"))
    for name in cmds:
        w, c, r = med[name]
        print("%-8s %10.1f %10.1f %12d" % (name, w * 1e3, c * 1e3, r))
    k, q = med["kestrel"], med["qemu"]
    print("ratio    %10.3f %10.3f %12.3f   (kestrel / qemu)"
          % (k[0] / q[0], k[1] / q[1] if q[1] else float("nan"), k[2] / q[2]))
    print("targets: wall <= 0.2x qemu, cpu <= 8 ms, peak RSS <= 6 MiB")


if __name__ == "__main__":
    main()
