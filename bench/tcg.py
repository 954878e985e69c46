#!/usr/bin/env python3
"""bench/tcg: TCG-lite vs QEMU's TCG on a CPU-bound bare-metal A64 program.

bench/tcg-loop.S (integer, load/store, branch-heavy; SIMD joins when the
interpreter has it) runs as a raw -kernel on
`-M virt -cpu cortex-a57 -accel tcg` under Kestrel and Debian's
qemu-system-aarch64, alternating, 5 runs each by default. Prints median
wall and CPU time, guest instructions per second, and the ratio
Kestrel/QEMU (target: <= 2x QEMU's time). Both must print the same
checksum.

Usage: bench/tcg.py [BUILD_DIR] [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GUEST_INSNS = 16 * 20000000     # loop body x ITERS in tcg-loop.S


def build(d):
    src = os.path.join(HERE, "tcg-loop.S")
    obj, elf, out = (os.path.join(d, "t" + e) for e in (".o", ".elf", ".bin"))
    subprocess.run(["aarch64-linux-gnu-as", "-o", obj, src], check=True)
    subprocess.run(["aarch64-linux-gnu-ld", "-Ttext", "0x40080000", "-o", elf,
                    obj], check=True)
    subprocess.run(["aarch64-linux-gnu-objcopy", "-O", "binary", elf, out],
                   check=True)
    measure = os.path.join(d, "measure")
    subprocess.run(["gcc", "-O2", "-o", measure,
                    os.path.join(HERE, "measure.c")], check=True)
    return out, measure


def run_once(measure, argv):
    p = subprocess.run([measure] + argv, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=600)
    wall, cpu, _rss, code = p.stderr.decode().strip().splitlines()[-1].split()
    out = p.stdout.decode()
    if int(code) != 0 or "tcg-bench done" not in out:
        sys.exit("%s: unexpected result: status %s, output %r"
                 % (argv[0], code, out))
    return float(wall), float(cpu), out.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        image, measure = build(d)
        common = ["-M", "virt", "-cpu", "cortex-a57", "-accel", "tcg",
                  "-nographic", "-nodefaults", "-serial", "stdio",
                  "-kernel", image]
        cmds = {
            "kestrel": [os.path.join(args.build, "kestrel-system-aarch64")]
            + common,
            "qemu": ["qemu-system-aarch64"] + common,
        }
        res = {k: [] for k in cmds}
        for _ in range(args.runs):
            for name, argv in cmds.items():
                res[name].append(run_once(measure, argv))
    outs = {r[2] for v in res.values() for r in v}
    if len(outs) != 1:
        sys.exit("outputs differ: %r" % outs)
    print("bench/tcg: %d alternating runs each, medians; %s"
          % (args.runs, outs.pop()))
    print("%-8s %10s %10s %14s" % ("", "wall s", "cpu s", "guest Minsn/s"))
    med = {}
    for name, v in res.items():
        wall = statistics.median(r[0] for r in v)
        cpu = statistics.median(r[1] for r in v)
        med[name] = wall
        print("%-8s %10.3f %10.3f %14.0f" % (name, wall, cpu,
                                             GUEST_INSNS / wall / 1e6))
    print("ratio    %10.2f   (kestrel / qemu time; target <= 2)"
          % (med["kestrel"] / med["qemu"]))


if __name__ == "__main__":
    main()
