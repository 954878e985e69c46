#!/usr/bin/env python3
"""Bare-metal test programs: built with the cross compiler, run on Kestrel's
virt board, stdout compared with output recorded from Debian's QEMU.

  progtest.py [--build-dir B] [NAME...]   run programs (all with NAME.expected)
  progtest.py --record NAME...            write NAME.expected from QEMU

A program is programs/NAME.S or programs/NAME.c, linked with crt0.S and
lib.c (programs/README.md has the contract). Output is TAP, one line per
program; a mismatch lists the first differing lines as TAP comments. The
Kestrel binary is BUILD/kestrel-system-aarch64, where BUILD is --build-dir,
else $KESTREL_BUILD_DIR, else ./build. See docs/devel/tcg-tests.md.
"""

import argparse
import concurrent.futures
import difflib
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, 'programs')
CC = 'aarch64-linux-gnu-gcc'
CFLAGS = ['-O1', '-g', '-nostdlib', '-ffreestanding', '-static',
          '-mcpu=cortex-a57']
RUNTIME = ['crt0.S', 'lib.c']
MACHINE = ['-M', 'virt', '-cpu', 'cortex-a57', '-nographic', '-nodefaults',
           '-serial', 'stdio']
QEMU = 'qemu-system-aarch64'
TIMEOUT = 60

# Programs whose output on Kestrel does not match QEMU yet: name -> why.
# Each entry names the bug (and the file that has it) so it can be fixed.
SKIP = {
}


def program_names():
    """Every program in programs/ (sources that are not the runtime)."""
    names = set()
    for path in glob.glob(os.path.join(PROGRAMS, '*.[Sc]')):
        base = os.path.basename(path)
        if base not in RUNTIME:
            names.add(os.path.splitext(base)[0])
    return sorted(names)


def source_of(name):
    for ext in ('.S', '.c'):
        path = os.path.join(PROGRAMS, name + ext)
        if os.path.exists(path):
            return path
    return None


def build(name, workdir):
    """Returns (elf path, None) or (None, compiler output)."""
    elf = os.path.join(workdir, name + '.elf')
    cmd = ([CC] + CFLAGS +
           ['-T', os.path.join(PROGRAMS, 'link.ld'), '-I', PROGRAMS] +
           [os.path.join(PROGRAMS, f) for f in RUNTIME] +
           [source_of(name), '-o', elf])
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if r.returncode != 0:
        return None, r.stdout
    return elf, None


def run(binary, elf):
    """Returns (stdout, stderr, exit status or 'timeout')."""
    env = dict(os.environ)
    # The emulator exits with live allocations by design (as in the
    # functional tests); a sanitizer report must still fail the run.
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=0')
    env.setdefault('UBSAN_OPTIONS', 'halt_on_error=1:print_stacktrace=1')
    try:
        r = subprocess.run([binary] + MACHINE + ['-kernel', elf],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode(errors='replace')
        err = (e.stderr or b'').decode(errors='replace')
        return out, err, 'timeout'
    return (r.stdout.decode(errors='replace'),
            r.stderr.decode(errors='replace'), r.returncode)


def check(name, binary, workdir):
    """One program: returns (ok, TAP comment lines)."""
    elf, err = build(name, workdir)
    if elf is None:
        return False, ['build failed:'] + err.splitlines()
    expected_path = os.path.join(PROGRAMS, name + '.expected')
    with open(expected_path, errors='replace') as f:
        expected = f.read()
    out, err, status = run(binary, elf)
    notes = []
    if status != 0:
        notes.append('exit status %s (expected 0)' % status)
    if out != expected:
        diff = difflib.unified_diff(expected.splitlines(), out.splitlines(),
                                    'QEMU (' + name + '.expected)',
                                    'Kestrel', lineterm='', n=2)
        notes += list(diff)[:40]
    if notes and err:
        notes += ['stderr:'] + err.splitlines()[:20]
    return not notes, notes


def tap(args):
    names = args.names or [n for n in program_names()
                           if os.path.exists(os.path.join(PROGRAMS,
                                                          n + '.expected'))]
    if shutil.which(CC) is None:
        print('1..0 # SKIP %s not installed' % CC)
        return 0
    binary = os.path.join(args.build_dir, 'kestrel-system-aarch64')
    if not os.path.exists(binary):
        print('1..0 # SKIP %s not built' % binary)
        return 0
    for n in program_names():
        if n not in names:
            print('# %s: no %s.expected, not run' % (n, n))
    workdir = args.workdir or tempfile.mkdtemp(prefix='progtest-')
    os.makedirs(workdir, exist_ok=True)
    print('1..%d' % len(names))
    todo = [n for n in names if n not in SKIP]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = dict(zip(todo, pool.map(
            lambda n: check(n, binary, workdir), todo)))
    failed = 0
    for i, name in enumerate(names, 1):
        if name in SKIP:
            print('ok %d %s # SKIP %s' % (i, name, SKIP[name]))
            continue
        ok, notes = results[name]
        print('%s %d %s' % ('ok' if ok else 'not ok', i, name))
        for line in notes:
            print('#   ' + line)
        failed += not ok
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


def record(args):
    """Write NAME.expected from QEMU's stdout (exit status must be 0)."""
    workdir = tempfile.mkdtemp(prefix='progtest-rec-')
    status = 0
    for name in args.names:
        if source_of(name) is None:
            print('%s: no programs/%s.S or .c' % (name, name), file=sys.stderr)
            status = 1
            continue
        elf, err = build(name, workdir)
        if elf is None:
            print('%s: build failed:\n%s' % (name, err), file=sys.stderr)
            status = 1
            continue
        out, err, rc = run(args.qemu, elf)
        if rc != 0:
            print('%s: QEMU exit status %s, not recorded\n%s'
                  % (name, rc, err), file=sys.stderr)
            status = 1
            continue
        with open(os.path.join(PROGRAMS, name + '.expected'), 'w') as f:
            f.write(out)
        print('%s: recorded %d lines' % (name, len(out.splitlines())))
    shutil.rmtree(workdir, ignore_errors=True)
    return status


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('names', nargs='*', help='programs (default: all)')
    ap.add_argument('--build-dir',
                    default=os.environ.get('KESTREL_BUILD_DIR', 'build'),
                    help='Kestrel build directory')
    ap.add_argument('--record', action='store_true',
                    help='write NAME.expected from QEMU for the NAMEs')
    ap.add_argument('--qemu', default=QEMU, help='QEMU binary for --record')
    ap.add_argument('--workdir', help='keep the built ELF files here')
    ap.add_argument('--jobs', type=int, default=min(4, os.cpu_count() or 2))
    ap.add_argument('--tap', action='store_true',
                    help='accepted for symmetry with difftest.py (always TAP)')
    args = ap.parse_args()
    if args.record:
        if not args.names:
            ap.error('--record needs program names')
        return record(args)
    return tap(args)


if __name__ == '__main__':
    sys.exit(main())
