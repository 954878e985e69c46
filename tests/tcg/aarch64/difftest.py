#!/usr/bin/env python3
"""Differential random-instruction test: Kestrel's TCG-lite against QEMU.

Each seed makes a bare-metal program (a64gen.py + runtime.S): blocks of
random A64 instructions, each starting from random register state and
ending in a dump of X0-X30, SP, NZCV, FPCR, FPSR, V0-V31 and a hash of
the scratch memory. The
program runs on tcg-runner (Kestrel) and on qemu-system-aarch64 (-M virt
-cpu cortex-a57), and the dumps are compared block by block.

  difftest.py --tap --runner R            recorded sample (make check)
  difftest.py --live --seeds N --runner R  N fresh seeds against live QEMU
  difftest.py --record SEED...            (re)record seeds from live QEMU
  difftest.py --record-all                re-record every committed seed

Output is TAP: one line per seed and block, and one per seed for the final
memory and a clean end. A difference names the first differing register
and the last instruction in the block that writes it. See
docs/devel/tcg-difftest.md.
"""

import argparse
import concurrent.futures
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # keep the source tree clean
import a64gen  # noqa: E402

RECORDED = os.path.join(HERE, 'recorded')
CROSS = 'aarch64-linux-gnu-'
LOAD_ADDR = 0x40080000
QEMU = ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
        '-nographic', '-nodefaults', '-serial', 'stdio', '-kernel']
DEFAULT = {'blocks': 24, 'insns': 32, 'families': 'mix'}
# '--families mix' (the default): seed S uses MIX[S % len(MIX)], so any
# run of consecutive seeds covers every family.
MIX = ['int,ldst,branch',
       'fp,fpctl,branch',
       'simdint,branch',
       'simdfp,fpctl',
       'crypto,simdint',
       'fpldst,ldst',
       'fp,simdint,simdfp,crypto,fpldst,fpctl,int,ldst,branch']
FIELDS = (['x%d' % i for i in range(31)] + ['sp', 'nzcv', 'fpcr', 'fpsr'] +
          ['v%d' % i for i in range(32)] + ['mem'])
MARCH = a64gen.MARCH

MAX_ROUNDS = 30


class Failure(Exception):
    pass


def tool(name):
    return shutil.which(CROSS + name)


def missing_tools():
    return [CROSS + t for t in ('as', 'ld', 'objcopy', 'objdump')
            if not tool(t)]


# ---- building ------------------------------------------------------------

def assemble(src_path, obj_path):
    """Run as; returns (ok, [(line, message)]) for the generated file."""
    p = subprocess.run([tool('as'), MARCH, '--fatal-warnings',
                        '-g', '-I', HERE, '-o', obj_path, src_path],
                       capture_output=True, text=True)
    bad = []
    name = re.escape(os.path.basename(src_path))
    for line in p.stderr.splitlines():
        m = re.match(r'^(?:.*/)?' + name + r':(\d+): (Error|Warning): (.*)',
                     line)
        if m:
            bad.append((int(m.group(1)), m.group(3)))
    if p.returncode and not bad:
        raise Failure('as failed: ' + p.stderr.strip())
    return p.returncode == 0, bad


def build(seed, params, workdir):
    """Generate, validate with the assembler, link. Returns (program,
    binary path, elf path, source hash)."""
    prog = a64gen.Program(seed, params['blocks'], params['insns'],
                          params['families'].split(','))
    base = os.path.join(workdir, 'seed-%d' % seed)
    src, obj = base + '.S', base + '.o'
    for _ in range(MAX_ROUNDS):
        text, owner = prog.render()
        with open(src, 'w') as f:
            f.write(text)
        ok, bad = assemble(src, obj)
        if ok:
            break
        for line, msg in bad:
            who = owner[line - 1] if line <= len(owner) else None
            if who is None:
                raise Failure('as rejected a fixed line %d: %s' % (line, msg))
            prog.regenerate(*who)
    else:
        raise Failure('seed %d: the assembler still refuses lines after '
                      '%d rounds' % (seed, MAX_ROUNDS))
    elf, binary = base + '.elf', base + '.bin'
    subprocess.run([tool('ld'), '-Ttext=0x%x' % LOAD_ADDR, '-e', '_start',
                    '-o', elf, obj], check=True)
    subprocess.run([tool('objcopy'), '-O', 'binary', elf, binary],
                   check=True)
    with open(os.path.join(HERE, 'runtime.S'), 'rb') as f:
        runtime = f.read()
    digest = hashlib.sha256(text.encode() + runtime).hexdigest()
    return prog, binary, elf, digest


# ---- running -------------------------------------------------------------

def run_kestrel(runner, binary):
    p = subprocess.run([runner, binary], capture_output=True, timeout=120)
    return (p.stdout.decode(errors='replace'),
            p.stderr.decode(errors='replace'), p.returncode)


def run_qemu(binary):
    try:
        p = subprocess.run(QEMU + [binary], capture_output=True, timeout=60,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode(errors='replace')
        return out.replace('\r', ''), 'QEMU timed out (a guest exception?)'
    return p.stdout.decode(errors='replace').replace('\r', ''), ''


def qemu_version():
    p = subprocess.run(['qemu-system-aarch64', '--version'],
                       capture_output=True, text=True)
    return p.stdout.splitlines()[0].strip() if p.stdout else 'unknown'


def parse_dump(text):
    """{block: {field: value}} plus 'final': {offset: value}."""
    blocks, cur = {}, None
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'B':
            cur = blocks.setdefault(int(parts[1], 16), {})
        elif parts == ['END']:
            cur = blocks.setdefault('final', {})
        elif len(parts) == 2 and cur is not None:
            try:
                cur[parts[0]] = int(parts[1], 16)
            except ValueError:
                pass
    return blocks


# ---- comparing -----------------------------------------------------------

def where(elf, pc):
    """Source line of pc in the generated program, via addr2line."""
    if not tool('addr2line') or pc is None:
        return ''
    p = subprocess.run([tool('addr2line'), '-e', elf, '0x%x' % pc],
                       capture_output=True, text=True)
    m = re.match(r'(.*):(\d+)', p.stdout.strip())
    if not m or not os.path.exists(m.group(1)):
        return ''
    with open(m.group(1)) as f:
        lines = f.read().splitlines()
    n = int(m.group(2))
    return lines[n - 1].strip() if 0 < n <= len(lines) else ''


def stop_note(err, elf):
    m = re.search(r'at pc 0x([0-9a-f]+)', err)
    src = where(elf, int(m.group(1), 16)) if m else ''
    return err.strip() + (' [%s]' % src if src else '')


def hexval(field, v):
    if v is None:
        return '(none)'
    return '0x%0*x' % (32 if field.startswith('v') else 16, v)


def compare(seed, prog, elf, expected, got, err, rc):
    """Yield (ok, description, diagnostics) per block, then the end."""
    exp, act = parse_dump(expected), parse_dump(got)
    for b in range(prog.nblocks):
        name = 'seed %d block %d' % (seed, b)
        if b not in exp:
            yield False, name + ': missing from the QEMU output', []
            continue
        if b not in act:
            yield False, name + ': no Kestrel output', [stop_note(err, elf)]
            continue
        diff = [f for f in FIELDS if exp[b].get(f) != act[b].get(f)]
        if not diff:
            yield True, name, []
            continue
        f = diff[0]
        writers = prog.writers(b, f)
        insn = ('`%s` (%s)' % (' ; '.join(writers[0].lines), writers[0].cls)
                if writers else 'no instruction in the block writes it '
                '(its starting state)')
        diag = ['%s: expected %s, got %s' % (g, hexval(g, exp[b].get(g)),
                                             hexval(g, act[b].get(g)))
                for g in diff]
        diag.append('block %d items:' % b)
        for i, it in enumerate(prog.blocks[b].items):
            br = prog.blocks[b].branches.get(i)
            if br:
                diag.append('  ' + br[0].format('item %d' % br[1]))
            diag.append('  %2d: %s' % (i, ' ; '.join(it.lines)))
        yield False, '%s: %s differs, last written by %s' % (name, f,
                                                              insn), diag
    name = 'seed %d end' % seed
    if exp.get('final') != act.get('final'):
        yield False, name + ': final scratch memory differs', []
    elif rc != 0:
        yield False, name + ': runner exit %d' % rc, [stop_note(err, elf)]
    else:
        yield True, name, []


# ---- recorded files --------------------------------------------------------

def recorded_path(seed):
    return os.path.join(RECORDED, 'seed-%d.txt' % seed)


def read_recorded(path):
    header, body = {}, []
    with open(path) as f:
        for line in f:
            if line.startswith('# ') and not body and '=' in line:
                for kv in line[2:].split():
                    k, _, v = kv.partition('=')
                    header[k] = v
            else:
                body.append(line)
    return header, ''.join(body)


def write_recorded(seed, params, digest, output):
    os.makedirs(RECORDED, exist_ok=True)
    with open(recorded_path(seed), 'w') as f:
        f.write('# seed=%d blocks=%d insns=%d families=%s\n' % (
            seed, params['blocks'], params['insns'], params['families']))
        f.write('# source-sha256=%s\n' % digest)
        f.write('# qemu=%s\n' % qemu_version().replace(' ', '_'))
        f.write(output)


# ---- modes ---------------------------------------------------------------

class Tap:
    def __init__(self, verbose):
        self.n, self.failed, self.verbose = 0, [], verbose

    def line(self, ok, desc, diag=()):
        self.n += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, desc))
        if not ok:
            self.failed.append(desc)
            for d in diag[:60]:
                print('# ' + d)
        sys.stdout.flush()

    def finish(self):
        print('1..%d' % self.n)


def check_one(seed, params, workdir, runner, expected, want_digest):
    """All TAP lines for one seed, as a list (runs in a worker thread)."""
    try:
        prog, binary, elf, digest = build(seed, params, workdir)
    except (Failure, subprocess.CalledProcessError) as e:
        return [(False, 'seed %d: build failed: %s' % (seed, e), [])]
    if want_digest and digest != want_digest:
        return [(False, 'seed %d: recording is stale (generator, runtime.S '
                 'or binutils changed); re-record it' % seed, [])]
    if expected is None:
        expected, qerr = run_qemu(binary)
        if qerr:
            expected += ''
    out, err, rc = run_kestrel(runner, binary)
    return list(compare(seed, prog, elf, expected, out, err, rc))


def mode_check(args, tap):
    files = sorted(glob.glob(os.path.join(RECORDED, 'seed-*.txt')),
                   key=lambda p: int(re.findall(r'\d+', p)[-1]))
    jobs = []
    for path in files:
        header, body = read_recorded(path)
        params = {'blocks': int(header['blocks']),
                  'insns': int(header['insns']),
                  'families': header['families']}
        jobs.append((int(header['seed']), params, body,
                     header.get('source-sha256')))
    run_jobs(args, tap, jobs)


def mode_live(args, tap):
    jobs = [(s, params_from(args, s), None, None)
            for s in range(args.first_seed, args.first_seed + args.seeds)]
    run_jobs(args, tap, jobs)


def run_jobs(args, tap, jobs):
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = [ex.submit(check_one, s, p, args.workdir, args.runner, body,
                          dig) for s, p, body, dig in jobs]
        for fut in futs:
            for ok, desc, diag in fut.result():
                tap.line(ok, desc, diag)


def mode_record(args, seeds, params_for):
    for seed in seeds:
        params = params_for(seed)
        prog, binary, elf, digest = build(seed, params, args.workdir)
        out, qerr = run_qemu(binary)
        if qerr or 'END' not in out:
            print('seed %d: QEMU did not finish (%s); not recorded' % (
                seed, qerr or 'no END'))
            continue
        write_recorded(seed, params, digest, out)
        print('recorded seed %d (%d blocks)' % (seed, prog.nblocks))


def params_from(args, seed=None):
    fam = args.families
    if fam == 'mix':
        fam = MIX[(seed or 0) % len(MIX)]
    return {'blocks': args.blocks, 'insns': args.insns, 'families': fam}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runner', help='path to the built tcg-runner')
    ap.add_argument('--tap', action='store_true',
                    help='check the recorded sample (default mode)')
    ap.add_argument('--live', action='store_true',
                    help='compare fresh seeds against live QEMU')
    ap.add_argument('--record', type=int, nargs='+', metavar='SEED')
    ap.add_argument('--record-all', action='store_true')
    ap.add_argument('--seeds', type=int, default=100)
    ap.add_argument('--first-seed', type=int, default=1000)
    ap.add_argument('--blocks', type=int, default=DEFAULT['blocks'])
    ap.add_argument('--insns', type=int, default=DEFAULT['insns'])
    ap.add_argument('--families', default=DEFAULT['families'])
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--workdir')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()

    missing = missing_tools()
    if missing:
        print('1..0 # SKIP %s not installed (binutils-aarch64-linux-gnu)'
              % ', '.join(missing))
        return 0
    if args.workdir:
        os.makedirs(args.workdir, exist_ok=True)
    else:
        args.workdir = tempfile.mkdtemp(prefix='difftest-')
    if (args.live or args.record or args.record_all) and \
            not shutil.which('qemu-system-aarch64'):
        print('1..0 # SKIP qemu-system-aarch64 not installed')
        return 0

    if args.record or args.record_all:
        if args.record_all:
            seeds = sorted(int(re.findall(r'\d+', p)[-1]) for p in
                           glob.glob(os.path.join(RECORDED, 'seed-*.txt')))

            def params_for(seed):
                h, _ = read_recorded(recorded_path(seed))
                return {'blocks': int(h['blocks']), 'insns': int(h['insns']),
                        'families': h['families']}
        else:
            seeds = args.record

            def params_for(seed):
                return params_from(args, seed)
        mode_record(args, seeds, params_for)
        return 0

    if not args.runner:
        ap.error('--runner is required to check')
    tap = Tap(args.verbose)
    if args.live:
        mode_live(args, tap)
    else:
        mode_check(args, tap)
    tap.finish()
    if tap.failed:
        seeds = sorted({int(d.split()[1].rstrip(':')) for d in tap.failed})
        print('# %d of %d differ; seeds: %s' % (
            len(tap.failed), tap.n, ' '.join(map(str, seeds))))
    return 1 if tap.failed and args.live else 0


if __name__ == '__main__':
    sys.exit(main())
