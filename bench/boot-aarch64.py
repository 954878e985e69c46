#!/usr/bin/env python3
"""bench/boot-aarch64: boot the reference arm64 guest on Kestrel and QEMU.

The reference guest (Debian 12's kernel plus a busybox initramfs,
scripts/fetch-guest.py) on `-M virt -cpu cortex-a57 -m 512 -accel tcg`
under Kestrel and Debian's qemu-system-aarch64 with identical command
lines, alternating (Kestrel, QEMU, Kestrel, ...), 5 runs each by default.

Two measurements (target for both: Kestrel <= 2x QEMU's time):
- boot: wall time from spawn to the guest's BOOT-OK line on the serial
  console and to process exit (the guest powers off right after), with
  -smp 1 and -smp 2;
- cpubench: bench/guest/cpubench.c, a static aarch64 program built here
  with aarch64-linux-gnu-gcc and run by the guest's /init
  (kestrel.run=cpubench); it times its parts itself (integer loop, hash,
  memcpy/strlen, sort) and prints a checksum that must match on both.

The cached initrd is left alone: a second gzip'd cpio archive holding
/bin/cpubench is appended to a temporary copy (Linux unpacks concatenated
archives). Every run uses that copy.

--perf FILE also records one Kestrel boot (-smp 1, no cpubench) with
`perf record -g` into FILE and prints the 15 functions with the most
self time.

Usage: bench/boot-aarch64.py [BUILD_DIR] [--runs N] [--smp 1,2]
                             [--no-cpubench] [--perf FILE] [--qemu BINARY]
"""
import argparse
import gzip
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MARKER = "BOOT-OK"
RUN_TIMEOUT = 900           # seconds; a hung guest is killed, not waited on
PART_RE = re.compile(r"^cpubench: (\S+) ([0-9.]+) s$")
SUM_RE = re.compile(r"^cpubench: checksum ([0-9a-f]+)$")


def load_fetch_guest():
    """scripts/fetch-guest.py as a module (its name has a dash): the guest
    cache and the cpio writer are shared with it."""
    path = os.path.join(ROOT, "scripts", "fetch-guest.py")
    spec = importlib.util.spec_from_file_location("fetch_guest", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_cpubench(d):
    out = os.path.join(d, "cpubench")
    subprocess.run(["aarch64-linux-gnu-gcc", "-static", "-O2", "-o", out,
                    os.path.join(HERE, "guest", "cpubench.c")], check=True)
    return out


def build_initrd(fg, guest_dir, cpubench, d):
    """The cached initrd.gz followed by a gzip'd newc archive with
    /bin/cpubench."""
    with open(cpubench, "rb") as f:
        extra = fg.cpio_newc([("bin", 0o40755, None),
                              ("bin/cpubench", 0o100755, f.read())])
    with open(os.path.join(guest_dir, "initrd.gz"), "rb") as f:
        base = f.read()
    out = os.path.join(d, "initrd-cpubench.gz")
    with open(out, "wb") as f:
        f.write(base)
        f.write(gzip.compress(extra, 6))
    return out


def command_line(binary, kernel, initrd, smp, run):
    append = "console=ttyAMA0 panic=-1"
    if run:
        append += " kestrel.run=" + run
    return [binary, "-M", "virt", "-cpu", "cortex-a57", "-m", "512",
            "-smp", str(smp), "-kernel", kernel, "-initrd", initrd,
            "-append", append, "-display", "none", "-nodefaults",
            "-serial", "stdio", "-no-reboot", "-accel", "tcg"]


def run_once(argv):
    """Spawn, read the console line by line with host timestamps. Returns
    (seconds to the marker, seconds to exit, [(seconds, line)])."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watchdog = threading.Timer(RUN_TIMEOUT, p.kill)
    watchdog.start()
    lines, marker = [], None
    try:
        for raw in p.stdout:
            t = time.monotonic() - t0
            line = raw.decode("utf-8", "replace").rstrip("\r\n").rstrip("\r")
            lines.append((t, line))
            if marker is None and line.strip() == MARKER:
                marker = t
        err = p.stderr.read().decode("utf-8", "replace")
        code = p.wait()
        t_exit = time.monotonic() - t0
    finally:
        watchdog.cancel()
    if code != 0 or marker is None:
        tail = "\n".join(l for _, l in lines[-10:])
        sys.exit("%s: status %d, marker %s\n--- console tail:\n%s\n"
                 "--- stderr:\n%s" % (argv[0], code,
                                      "seen" if marker else "not seen",
                                      tail, err.strip()))
    return marker, t_exit, lines


def parse_cpubench(argv, lines):
    """The guest's per-part times, its checksum and the host's view of the
    same span (first part line back to the date line before it, up to the
    total line), which catches a guest clock that runs at the wrong rate."""
    parts, checksum, t_start, t_total = {}, None, None, None
    for t, line in lines:
        m = PART_RE.match(line.strip())
        if line.startswith("date: "):
            t_start = t
        if m:
            parts[m.group(1)] = float(m.group(2))
            if m.group(1) == "total":
                t_total = t
        m = SUM_RE.match(line.strip())
        if m:
            checksum = m.group(1)
    if checksum is None or "total" not in parts:
        sys.exit("%s: cpubench printed no checksum/total" % argv[0])
    host = t_total - t_start if t_start is not None else float("nan")
    return parts, checksum, host


def bench(args, kernel, initrd):
    binaries = {"kestrel": os.path.join(args.build, "kestrel-system-aarch64"),
                "qemu": args.qemu}
    configs = [("boot smp=%d" % s, s, None) for s in args.smp]
    if not args.no_cpubench:
        configs.append(("cpubench smp=1", 1, "cpubench"))
    res = {(c[0], e): [] for c in configs for e in binaries}
    for i in range(args.runs):
        for label, smp, run in configs:
            for emu, binary in binaries.items():
                argv = command_line(binary, kernel, initrd, smp, run)
                marker, t_exit, lines = run_once(argv)
                r = {"marker": marker, "exit": t_exit}
                if run:
                    r["parts"], r["checksum"], r["host"] = \
                        parse_cpubench(argv, lines)
                res[(label, emu)].append(r)
                print("  run %d %-15s %-7s marker %7.3f s  exit %7.3f s"
                      % (i + 1, label, emu, marker, t_exit),
                      file=sys.stderr, flush=True)
    return configs, res


def med(rs, key):
    return statistics.median(r[key] for r in rs)


def report(args, configs, res):
    print("bench/boot-aarch64: %d alternating runs each, medians, wall "
          "seconds from spawn" % args.runs)
    print("%-15s %9s %9s %6s   %9s %9s %6s"
          % ("", "K marker", "Q marker", "ratio", "K exit", "Q exit",
             "ratio"))
    for label, _, _ in configs:
        k, q = res[(label, "kestrel")], res[(label, "qemu")]
        km, qm = med(k, "marker"), med(q, "marker")
        ke, qe = med(k, "exit"), med(q, "exit")
        print("%-15s %9.3f %9.3f %6.2f   %9.3f %9.3f %6.2f"
              % (label, km, qm, km / qm, ke, qe, ke / qe))
    cb = [c for c in configs if c[2]]
    if not cb:
        return
    k, q = res[(cb[0][0], "kestrel")], res[(cb[0][0], "qemu")]
    sums = {r["checksum"] for r in k + q}
    if len(sums) != 1:
        sys.exit("cpubench checksums differ: kestrel %s, qemu %s"
                 % (sorted({r["checksum"] for r in k}),
                    sorted({r["checksum"] for r in q})))
    print("cpubench (timed in the guest, -smp 1), checksum %s on both"
          % sums.pop())
    print("%-15s %9s %9s %6s" % ("part", "kestrel", "qemu", "ratio"))
    for part in k[0]["parts"]:
        kp = statistics.median(r["parts"][part] for r in k)
        qp = statistics.median(r["parts"][part] for r in q)
        print("%-15s %9.3f %9.3f %6.2f" % (part, kp, qp, kp / qp))
    print("%-15s %9.3f %9.3f %6s   (host's view of the same span)"
          % ("host-seen", med(k, "host"), med(q, "host"), ""))
    print("targets: ratio <= 2 for time to marker/exit and for cpubench")


def profile(args, kernel, initrd, out):
    """One Kestrel boot under perf record -g; the top 15 by self time."""
    argv = command_line(os.path.join(args.build, "kestrel-system-aarch64"),
                        kernel, initrd, 1, None)
    rec = subprocess.run(["perf", "record", "-g", "-o", out, "--"] + argv,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    if rec.returncode != 0:
        sys.exit("perf record failed:\n" + rec.stderr.decode()[-2000:])
    rep = subprocess.run(["perf", "report", "-i", out, "--no-children",
                          "--sort", "symbol", "--stdio", "-g", "none",
                          "--percent-limit", "0.5"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, check=True)
    rows = [l for l in rep.stdout.splitlines()
            if l.strip() and not l.lstrip().startswith("#")]
    print("perf (Kestrel, boot -smp 1, self time, top 15; data in %s):"
          % out)
    for l in rows[:15]:
        print("  " + l.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--smp", default="1,2",
                    help="comma-separated -smp values for the boot runs")
    ap.add_argument("--no-cpubench", action="store_true")
    ap.add_argument("--perf", metavar="FILE",
                    help="also profile one Kestrel boot into FILE")
    ap.add_argument("--qemu", default="qemu-system-aarch64")
    args = ap.parse_args()
    args.smp = [int(s) for s in args.smp.split(",") if s]
    if args.runs < 1:
        sys.exit("--runs must be at least 1")

    fg = load_fetch_guest()
    guest_dir = fg.fetch_aarch64(fg.cache_dir(None))
    kernel = os.path.join(guest_dir, "Image")
    with tempfile.TemporaryDirectory() as d:
        initrd = build_initrd(fg, guest_dir, build_cpubench(d), d)
        configs, res = bench(args, kernel, initrd)
        report(args, configs, res)
        if args.perf:
            profile(args, kernel, initrd, args.perf)


if __name__ == "__main__":
    main()
