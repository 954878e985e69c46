#!/usr/bin/env python3
"""Record QEMU's output for difftest seeds (needs qemu-system-aarch64).

  record.py            re-record every committed seed (after a change to
                       the generator, runtime.S or binutils)
  record.py 13 14 ...  record new seeds with the current defaults
                       (--families mix: seed S uses difftest.MIX[S % 7];
                       pass --families F --blocks N to choose)

Same as difftest.py --record-all / --record SEED...; review with
`difftest.py --tap --runner BUILD/tests/tcg/tcg-runner` and commit only
seeds Kestrel passes (list the others in docs/devel/tcg-difftest.md).
"""
import os
import sys

sys.dont_write_bytecode = True
here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
cmd = [sys.executable, os.path.join(here, 'difftest.py')]
# seeds first, then options for difftest.py (--families, --blocks ...)
first_opt = next((i for i, a in enumerate(args) if a.startswith('-')),
                 len(args))
seeds, opts = args[:first_opt], args[first_opt:]
cmd += (['--record'] + seeds if seeds else ['--record-all']) + opts
os.execv(sys.executable, cmd)
