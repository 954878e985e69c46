#!/usr/bin/env python3
"""bench/boot-aarch64: boot the reference arm64 guest on Kestrel and QEMU.

The reference guest (Debian 12's kernel plus a busybox initramfs,
scripts/fetch-guest.py) on `-M virt -cpu cortex-a57 -m 512 -accel tcg`
under Kestrel and Debian's qemu-system-aarch64 with identical command
lines, alternating (Kestrel, QEMU, Kestrel, ...), 5 runs each by default.

Two measurements (target for both: Kestrel <= 2x QEMU's time):
- boot: wall time from spawn to the guest's BOOT-OK line on the serial
  console and to process exit (the guest powers off right after), with
  -smp 1 and -smp 2, and the process's CPU time;
- cpubench: bench/guest/cpubench.c, a static aarch64 program built here
  with aarch64-linux-gnu-gcc and run by the guest's /init
  (kestrel.run=cpubench); it times its parts itself (integer loop, hash,
  memcpy/strlen, sort) and prints a checksum that must match on both.
  The emulator's host CPU time per part is read as each line arrives:
  on a busy host it is steadier than the guest's own (wall) timing.

The cached initrd is left alone: a second gzip'd cpio archive holding
/bin/cpubench is appended to a temporary copy (Linux unpacks concatenated
archives). Every run uses that copy.

--perf FILE also records one Kestrel boot (-smp 1, no cpubench) with
`perf record -g` into FILE, and cpubench's parts (perf attached when the
program starts) into FILE.cpubench, and prints the 15 functions with the
most self time in each.

Usage: bench/boot-aarch64.py [BUILD_DIR] [--runs N] [--smp 1,2]
                             [--no-cpubench] [--perf FILE] [--qemu BINARY]
"""
import argparse
import gzip
import importlib.util
import os
import re
import shutil
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
PERF_RE = re.compile(r"^\s*([0-9.]+)%\s+\[.\]\s+(\S+)")


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


def cpu_seconds(pid):
    """CPU time used so far by all threads of a live process, from the
    scheduler's nanosecond counters (/proc/PID/task/*/schedstat)."""
    total = 0
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                total += int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total / 1e9


def run_once(argv):
    """Spawn, read the console line by line with host timestamps. Returns
    (seconds to the marker, seconds to exit, CPU seconds (user + system),
    [(seconds, line, emulator CPU seconds or None)]). The CPU clock is read
    only for cpubench's lines: it is what stays fair on a busy host."""
    # stderr goes to a file: a pipe nobody reads could fill and stall the
    # emulator while the console is being read.
    errf = tempfile.TemporaryFile()
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=errf)
    watchdog = threading.Timer(RUN_TIMEOUT, p.kill)
    watchdog.start()
    lines, marker = [], None
    try:
        for raw in p.stdout:
            t = time.monotonic() - t0
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            cpu = (cpu_seconds(p.pid) if line.startswith("cpubench: ")
                   else None)
            lines.append((t, line, cpu))
            if marker is None and line.strip() == MARKER:
                marker = t
        # wait4 rather than wait: the child's own CPU time, steadier than
        # wall time on a busy machine.
        _, status, ru = os.wait4(p.pid, 0)
        t_exit = time.monotonic() - t0
        code = p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        watchdog.cancel()
        p.stdout.close()
    errf.seek(0)
    err = errf.read().decode("utf-8", "replace")
    errf.close()
    if code != 0 or marker is None:
        tail = "\n".join(l[1] for l in lines[-10:])
        sys.exit("%s: status %d, marker %s\n--- console tail:\n%s\n"
                 "--- stderr:\n%s" % (argv[0], code,
                                      "seen" if marker else "not seen",
                                      tail, err.strip()))
    return marker, t_exit, ru.ru_utime + ru.ru_stime, lines


def parse_cpubench(argv, lines):
    """From cpubench's lines: the guest's own time per part, the emulator's
    host CPU time per part (between the line before and the part's line),
    the host's wall time from "start" to the last part (to compare with the
    guest's total: a guest clock running at the wrong rate shows there) and
    the checksum."""
    guest, cpu, checksum = {}, {}, None
    t_start = t_last = cpu_start = cpu_prev = None
    for t, line, c in lines:
        line = line.strip()
        m = PART_RE.match(line)
        if line == "cpubench: start":
            t_start, cpu_start, cpu_prev = t, c, c
        elif m and m.group(1) == "total":
            guest["total"] = float(m.group(2))
            if None not in (cpu_prev, cpu_start):
                cpu["total"] = cpu_prev - cpu_start
        elif m:
            guest[m.group(1)] = float(m.group(2))
            if None not in (c, cpu_prev):
                cpu[m.group(1)] = c - cpu_prev
            cpu_prev, t_last = c, t
        m = SUM_RE.match(line)
        if m:
            checksum = m.group(1)
    if checksum is None or "total" not in guest or t_start is None:
        sys.exit("%s: cpubench printed no start/total/checksum" % argv[0])
    return {"parts": guest, "cpu_parts": cpu, "checksum": checksum,
            "host": t_last - t_start}


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
                marker, t_exit, cpu, lines = run_once(argv)
                r = {"marker": marker, "exit": t_exit, "cpu": cpu}
                if run:
                    r.update(parse_cpubench(argv, lines))
                res[(label, emu)].append(r)
                print("  run %d %-15s %-7s marker %7.3f s  exit %7.3f s"
                      "  cpu %7.3f s" % (i + 1, label, emu, marker, t_exit,
                                         cpu),
                      file=sys.stderr, flush=True)
    return configs, res


def med(rs, key):
    return statistics.median(r[key] for r in rs)


def ratio_row(label, kv, qv):
    """One table row: Kestrel, QEMU and their ratio for each pair."""
    cells = []
    for k, q in zip(kv, qv):
        if k is None or q is None:
            cells.append("%9s %9s %6s" % ("-", "-", "-"))
        else:
            cells.append("%9.3f %9.3f %6.2f" % (k, q, k / q if q else 0))
    return "%-15s " % label + "   ".join(cells)


def median_of(rs, key, part):
    vals = [r[key][part] for r in rs if part in r[key]]
    return statistics.median(vals) if len(vals) == len(rs) else None


def report(args, configs, res):
    print("bench/boot-aarch64: %d alternating runs each, medians, seconds "
          "(marker/exit: wall from spawn; cpu: user+system)" % args.runs)
    print("%-15s %9s %9s %6s   %9s %9s %6s   %9s %9s %6s"
          % ("", "K marker", "Q marker", "ratio", "K exit", "Q exit",
             "ratio", "K cpu", "Q cpu", "ratio"))
    for label, _, _ in configs:
        k, q = res[(label, "kestrel")], res[(label, "qemu")]
        keys = ("marker", "exit", "cpu")
        print(ratio_row(label, [med(k, x) for x in keys],
                        [med(q, x) for x in keys]))
    cb = [c for c in configs if c[2]]
    if not cb:
        return
    k, q = res[(cb[0][0], "kestrel")], res[(cb[0][0], "qemu")]
    sums = {r["checksum"] for r in k + q}
    if len(sums) != 1:
        sys.exit("cpubench checksums differ: kestrel %s, qemu %s"
                 % (sorted({r["checksum"] for r in k}),
                    sorted({r["checksum"] for r in q})))
    print("cpubench (-smp 1), checksum %s on both; guest: timed by the "
          "guest; cpu: the emulator's host CPU time" % sums.pop())
    print("%-15s %9s %9s %6s   %9s %9s %6s"
          % ("part", "K guest", "Q guest", "ratio", "K cpu", "Q cpu",
             "ratio"))
    for part in k[0]["parts"]:
        print(ratio_row(part, [median_of(k, "parts", part),
                               median_of(k, "cpu_parts", part)],
                        [median_of(q, "parts", part),
                         median_of(q, "cpu_parts", part)]))
    print(ratio_row("host wall", [med(k, "host")], [med(q, "host")])
          + "   (start to last part, host clock)")
    print("targets: ratio <= 2 for time to marker/exit and for cpubench")


def perf_top(data, title):
    """The 15 functions with the most self time in a perf data file."""
    rep = subprocess.run(["perf", "report", "-i", data, "--no-children",
                          "--sort", "symbol", "--stdio", "-g", "none",
                          "--percent-limit", "0.5"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, check=True)
    rows = [m.groups() for m in map(PERF_RE.match, rep.stdout.splitlines())
            if m]
    print("perf (Kestrel, %s, self time, top 15; data in %s):"
          % (title, data))
    for pct, sym in rows[:15]:
        print("  %6s%%  %s" % (pct, sym))


def profile_boot(argv, data):
    rec = subprocess.run(["perf", "record", "-g", "-o", data, "--"] + argv,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    if rec.returncode != 0:
        sys.exit("perf record failed:\n" + rec.stderr.decode()[-2000:])


def profile_cpubench(argv, data):
    """perf attaches when cpubench says "start", so the profile holds the
    four parts and not the boot before them."""
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    rec = None
    for raw in p.stdout:
        if rec is None and raw.startswith(b"cpubench: start"):
            rec = subprocess.Popen(["perf", "record", "-g", "-o", data,
                                    "-p", str(p.pid)],
                                   stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
    p.stdout.close()
    p.wait()
    if rec is None or rec.wait() != 0:
        sys.exit("perf record of cpubench failed")


def profile(args, kernel, initrd, out):
    """One Kestrel boot (-smp 1, no program) under perf record -g into OUT,
    and one cpubench run's four parts into OUT.cpubench."""
    kestrel = os.path.join(args.build, "kestrel-system-aarch64")
    profile_boot(command_line(kestrel, kernel, initrd, 1, None), out)
    perf_top(out, "boot -smp 1")
    if args.no_cpubench:
        return
    data = out + ".cpubench"
    profile_cpubench(command_line(kestrel, kernel, initrd, 1, "cpubench"),
                     data)
    perf_top(data, "cpubench's parts")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--smp", default="1,2",
                    help="comma-separated -smp values for the boot runs")
    ap.add_argument("--no-cpubench", action="store_true")
    ap.add_argument("--perf", metavar="FILE",
                    help="also profile a Kestrel boot into FILE and "
                    "cpubench into FILE.cpubench")
    ap.add_argument("--qemu", default="qemu-system-aarch64")
    args = ap.parse_args()
    args.smp = [int(s) for s in args.smp.split(",") if s]
    if args.runs < 1:
        sys.exit("--runs must be at least 1")

    kestrel = os.path.join(args.build, "kestrel-system-aarch64")
    if not os.access(kestrel, os.X_OK):
        sys.exit("%s not found: build it first (make, or ninja -C %s)"
                 % (kestrel, args.build))
    if not shutil.which(args.qemu):
        sys.exit("%s not found: scripts/install-deps.sh --reference installs "
                 "Debian's QEMU" % args.qemu)
    if args.perf and not shutil.which("perf"):
        sys.exit("--perf needs perf (Debian: linux-perf)")
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
