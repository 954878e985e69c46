"""Random A64 instruction generator for the differential test.

Deterministic from a seed (and the binutils version): Program(seed, ...)
renders the assembly text of a whole program (runtime.S included first)
and keeps, per block, the generated items with what each one writes, so
that a difference can be traced to an instruction. Instruction classes are
a table (CLASSES): each entry has a family and a weight; callers choose the
families:

  int, ldst, branch   integer data processing, loads/stores of X/W
                      registers, forward branches inside a block
  fp                  scalar FP (WORD_GROUPS 'fp_*')
  simdint, simdfp     Advanced SIMD integer / floating point, vector and
                      scalar (the same encoding groups, split by mnemonic)
  crypto              AES, SHA1, SHA256, PMULL, CRC32
  fpldst              loads and stores of SIMD&FP registers (FpGen)
  fpctl               FPCR/FPSR writes and reads inside a block

Data-processing FP/SIMD classes draw random words in their group's
encoding space (WORD_GROUPS); objdump names each word and the assembler
(ARMv8.0 + AES/SHA1/SHA2/CRC32) refuses the later extensions, and the
refused words are drawn again, so only allocated v8.0 encodings remain.
Everything else is written as text by a method of Gen/FpGen. The
assembler validates every line again (difftest.py): items it rejects or
warns about (UNPREDICTABLE combinations) are generated again.

Register conventions inside a block: x28 holds scratch + 256 and is never
written, so every load and store lands in the 512-byte window
[x28 - 256, x28 + 256). Writeback, structure and exclusive forms first
copy x28 plus an offset into another register and use that as the base.
See docs/devel/tcg-difftest.md.
"""

import random
import re
import shutil
import struct
import subprocess
import tempfile

RESERVED = 28                      # scratch base register
WRITABLE = [r for r in range(31) if r != RESERVED]
WINDOW_LO, WINDOW_HI = -256, 256   # scratch window around x28
CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc',
         'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al', 'nv']
FLAG_WRITE = 'nzcv'

SPECIAL64 = [0, 1, 2, 3, 0x3f, 0x40, 0x7fffffff, 0x80000000, 0xffffffff,
             0x100000000, 0x7fffffffffffffff, 0x8000000000000000,
             0xffffffffffffffff, 0xfffffffffffffffe, 0x8000000000000001,
             0xffffffff80000000, 0x00000000ffff0000, 0x5555555555555555]


def rname(r, sf, sp=False):
    """Register r (0-30, or 31 = zr / sp per sp) at width sf (1 = 64)."""
    if r == 31:
        if sp:
            return 'sp' if sf else 'wsp'
        return 'xzr' if sf else 'wzr'
    return ('x%d' if sf else 'w%d') % r


def wname(r):
    """Name of what writing register slot r changes (None for zr)."""
    return None if r is None or r == 31 else 'x%d' % r


def imm_text(v):
    return '#%d' % v if v < 0 else '#0x%x' % v


class Item:
    """One generated unit: setup lines and the instruction under test."""
    def __init__(self, lines, writes=(), cls=''):
        self.lines = list(lines)
        self.writes = set(w for w in writes if w)
        self.cls = cls

    @property
    def insn(self):
        return self.lines[-1]


class Gen:
    def __init__(self, rng):
        self.r = rng

    # ---- operand helpers -------------------------------------------------
    def dst(self, zr=0.05):
        return 31 if self.r.random() < zr else self.r.choice(WRITABLE)

    def src(self, zr=0.05):
        return 31 if self.r.random() < zr else self.r.randrange(31)

    def special(self):
        r = self.r.random()
        if r < 0.4:
            return self.r.choice(SPECIAL64)
        if r < 0.6:
            return self.r.randrange(-64, 65) & (2**64 - 1)
        if r < 0.75:
            return self.r.getrandbits(32)
        return self.r.getrandbits(64)

    def bitmask(self, sf):
        """A valid logical immediate: a rotated run of ones, replicated."""
        size = 64 if sf else 32
        e = self.r.choice([s for s in (2, 4, 8, 16, 32, 64) if s <= size])
        ones = self.r.randrange(1, e)
        rot = self.r.randrange(e)
        elem = (1 << ones) - 1
        elem = ((elem >> rot) | (elem << (e - rot))) & ((1 << e) - 1)
        v = 0
        for i in range(0, size, e):
            v |= elem << i
        return v

    # ---- integer data processing ----------------------------------------
    def addsub_imm(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['add', 'adds', 'sub', 'subs'])
        flags = op.endswith('s')
        rd = self.dst(0.1) if flags else (31 if self.r.random() < 0.1
                                         else self.dst(0))
        rn = 31 if self.r.random() < 0.1 else self.src(0)
        imm = self.r.choice([0, 1, 4095, self.r.randrange(4096)])
        sh = ', lsl #12' if self.r.random() < 0.3 else ''
        text = '%s %s, %s, #%d%s' % (op, rname(rd, sf, not flags),
                                     rname(rn, sf, True), imm, sh)
        w = [FLAG_WRITE] if flags else []
        w.append('sp' if rd == 31 and not flags else
                 (wname(rd) if rd != 31 else None))
        return Item([text], w)

    def logic_imm(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['and', 'orr', 'eor', 'ands'])
        flags = op == 'ands'
        rd = 31 if self.r.random() < 0.08 else self.dst(0)
        rn = self.src()
        text = '%s %s, %s, #0x%x' % (op, rname(rd, sf, not flags),
                                     rname(rn, sf), self.bitmask(sf))
        w = [FLAG_WRITE] if flags else []
        w.append(('sp' if not flags else None) if rd == 31 else wname(rd))
        return Item([text], w)

    def movwide(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['movz', 'movn', 'movk'])
        rd = self.dst()
        hw = self.r.randrange(4 if sf else 2)
        imm = self.r.choice([0, 0xffff, 0x8000, self.r.getrandbits(16)])
        return Item(['%s %s, #0x%x, lsl #%d' % (op, rname(rd, sf), imm,
                                              16 * hw)],
                    [wname(rd) if rd != 31 else None])

    def adr(self):
        rd = self.dst(0)
        if self.r.random() < 0.5:
            off = self.r.randrange(-4096, 4096)
            return Item(['adr x%d, . + %d' % (rd, off)], [wname(rd)])
        off = self.r.randrange(-16, 16) * 4096
        return Item(['adrp x%d, . + %d' % (rd, off)], [wname(rd)])

    def bitfield(self):
        sf = self.r.randrange(2)
        size = 64 if sf else 32
        op = self.r.choice(['sbfm', 'bfm', 'ubfm'])
        rd, rn = self.dst(), self.src()
        immr = self.r.choice([0, size - 1, self.r.randrange(size)])
        imms = self.r.choice([0, size - 1, self.r.randrange(size)])
        return Item(['%s %s, %s, #%d, #%d' % (op, rname(rd, sf),
                                             rname(rn, sf), immr, imms)],
                    [wname(rd) if rd != 31 else None])

    def extr(self):
        sf = self.r.randrange(2)
        size = 64 if sf else 32
        rd, rn, rm = self.dst(), self.src(), self.src()
        return Item(['extr %s, %s, %s, #%d' % (
            rname(rd, sf), rname(rn, sf), rname(rm, sf),
            self.r.randrange(size))], [wname(rd) if rd != 31 else None])

    def logic_reg(self):
        sf = self.r.randrange(2)
        size = 64 if sf else 32
        op = self.r.choice(['and', 'bic', 'orr', 'orn', 'eor', 'eon',
                            'ands', 'bics'])
        flags = op in ('ands', 'bics')
        rd, rn, rm = self.dst(0.1), self.src(), self.src()
        sh = self.r.choice(['lsl', 'lsr', 'asr', 'ror'])
        amt = self.r.choice([0, 1, size - 1, self.r.randrange(size)])
        text = '%s %s, %s, %s, %s #%d' % (op, rname(rd, sf), rname(rn, sf),
                                          rname(rm, sf), sh, amt)
        return Item([text], [FLAG_WRITE if flags else None,
                             wname(rd) if rd != 31 else None])

    def addsub_shift(self):
        sf = self.r.randrange(2)
        size = 64 if sf else 32
        op = self.r.choice(['add', 'adds', 'sub', 'subs'])
        flags = op.endswith('s')
        rd, rn, rm = self.dst(0.1), self.src(0.1), self.src()
        sh = self.r.choice(['lsl', 'lsr', 'asr'])
        amt = self.r.choice([0, 1, size - 1, self.r.randrange(size)])
        text = '%s %s, %s, %s, %s #%d' % (op, rname(rd, sf), rname(rn, sf),
                                          rname(rm, sf), sh, amt)
        return Item([text], [FLAG_WRITE if flags else None,
                             wname(rd) if rd != 31 else None])

    def addsub_ext(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['add', 'adds', 'sub', 'subs'])
        flags = op.endswith('s')
        rd = self.dst(0.1) if flags else (31 if self.r.random() < 0.1
                                         else self.dst(0))
        rn = 31 if self.r.random() < 0.15 else self.src(0)
        ext = self.r.choice(['uxtb', 'uxth', 'uxtw', 'uxtx',
                             'sxtb', 'sxth', 'sxtw', 'sxtx'])
        rm = self.src()
        msf = 1 if sf and ext.endswith('x') else 0
        amt = self.r.randrange(5)
        text = '%s %s, %s, %s, %s #%d' % (op, rname(rd, sf, not flags),
                                          rname(rn, sf, True),
                                          rname(rm, msf), ext, amt)
        w = [FLAG_WRITE] if flags else []
        w.append('sp' if rd == 31 and not flags else
                 (wname(rd) if rd != 31 else None))
        return Item([text], w)

    def adc(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['adc', 'adcs', 'sbc', 'sbcs'])
        rd, rn, rm = self.dst(), self.src(), self.src()
        return Item(['%s %s, %s, %s' % (op, rname(rd, sf), rname(rn, sf),
                                        rname(rm, sf))],
                    [FLAG_WRITE if op.endswith('s') else None,
                     wname(rd) if rd != 31 else None])

    def ccmp(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['ccmp', 'ccmn'])
        rn = self.src()
        if self.r.random() < 0.5:
            b = rname(self.src(), sf)
        else:
            b = '#%d' % self.r.randrange(32)
        return Item(['%s %s, %s, #%d, %s' % (op, rname(rn, sf), b,
                                             self.r.randrange(16),
                                             self.r.choice(CONDS))],
                    [FLAG_WRITE])

    def csel(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['csel', 'csinc', 'csinv', 'csneg'])
        rd, rn, rm = self.dst(), self.src(), self.src()
        return Item(['%s %s, %s, %s, %s' % (op, rname(rd, sf), rname(rn, sf),
                                            rname(rm, sf),
                                            self.r.choice(CONDS))],
                    [wname(rd) if rd != 31 else None])

    def dp1(self):
        sf = self.r.randrange(2)
        ops = ['rbit', 'rev16', 'rev', 'clz', 'cls'] + (['rev32'] if sf
                                                        else [])
        op = self.r.choice(ops)
        rd, rn = self.dst(), self.src()
        return Item(['%s %s, %s' % (op, rname(rd, sf), rname(rn, sf))],
                    [wname(rd) if rd != 31 else None])

    def dp2(self):
        sf = self.r.randrange(2)
        op = self.r.choice(['udiv', 'sdiv', 'lslv', 'lsrv', 'asrv', 'rorv'])
        rd, rn, rm = self.dst(), self.src(), self.src()
        return Item(['%s %s, %s, %s' % (op, rname(rd, sf), rname(rn, sf),
                                        rname(rm, sf))],
                    [wname(rd) if rd != 31 else None])

    def div_special(self):
        """Division by zero and INT_MIN / -1, which random state rarely
        produces on its own."""
        sf = self.r.randrange(2)
        op = self.r.choice(['udiv', 'sdiv'])
        rd, rn, rm = self.dst(0), self.dst(0), self.dst(0)
        while rm == rn:
            rm = self.dst(0)
        num = self.r.choice([1 << (63 if sf else 31), 0, 1, -1])
        den = self.r.choice([0, -1, 1])
        lines = ['mov %s, %s' % (rname(rn, sf), imm_text(num)),
                 'mov %s, %s' % (rname(rm, sf), imm_text(den)),
                 '%s %s, %s, %s' % (op, rname(rd, sf), rname(rn, sf),
                                    rname(rm, sf))]
        return Item(lines, [wname(rd), wname(rn), wname(rm)])

    def dp3(self):
        k = self.r.randrange(3)
        rd, rn, rm, ra = self.dst(), self.src(), self.src(), self.src()
        if k == 0:
            sf = self.r.randrange(2)
            op = self.r.choice(['madd', 'msub'])
            text = '%s %s, %s, %s, %s' % (op, rname(rd, sf), rname(rn, sf),
                                          rname(rm, sf), rname(ra, sf))
        elif k == 1:
            op = self.r.choice(['smaddl', 'smsubl', 'umaddl', 'umsubl'])
            text = '%s %s, %s, %s, %s' % (op, rname(rd, 1), rname(rn, 0),
                                          rname(rm, 0), rname(ra, 1))
        else:
            op = self.r.choice(['smulh', 'umulh'])
            text = '%s %s, %s, %s' % (op, rname(rd, 1), rname(rn, 1),
                                      rname(rm, 1))
        return Item([text], [wname(rd) if rd != 31 else None])

    def nzcv(self):
        if self.r.random() < 0.5:
            rd = self.dst(0)
            return Item(['mrs x%d, nzcv' % rd], [wname(rd)])
        return Item(['msr nzcv, %s' % rname(self.src(), 1)], [FLAG_WRITE])

    # ---- loads and stores -----------------------------------------------
    LDST = [  # mnemonic, access size, Rt width (1 = X), is load
        ('strb', 1, 0, False), ('strh', 2, 0, False), ('str', 4, 0, False),
        ('str', 8, 1, False), ('ldrb', 1, 0, True), ('ldrh', 2, 0, True),
        ('ldr', 4, 0, True), ('ldr', 8, 1, True), ('ldrsb', 1, 0, True),
        ('ldrsb', 1, 1, True), ('ldrsh', 2, 0, True), ('ldrsh', 2, 1, True),
        ('ldrsw', 4, 1, True),
    ]

    def pick_ldst(self):
        return self.r.choice(self.LDST)

    def rt_for(self, load, sf, avoid=()):
        """Transfer register: loads write it, stores read any register."""
        while True:
            rt = self.dst(0.05) if load else self.src(0.1)
            if rt not in avoid:
                return rt

    def window_off(self, size, align):
        """An offset from x28 whose access stays inside the window."""
        lo, hi = WINDOW_LO, WINDOW_HI - size
        off = self.r.randrange(lo, hi + 1)
        return off - (off % align)

    def ldst_offset(self):
        """Unsigned scaled offset, unscaled (LDUR) and unprivileged forms."""
        mn, size, sf, load = self.pick_ldst()
        rt = self.rt_for(load, sf)
        k = self.r.randrange(3)
        if k == 0:
            off = self.r.randrange(0, WINDOW_HI - size + 1, size)
            text = '%s %s, [x28, #%d]' % (mn, rname(rt, sf), off)
        else:
            off = self.r.randrange(-256, WINDOW_HI - size + 1)
            mn2 = mn.replace('ldr', 'ldur' if k == 1 else 'ldtr')
            mn2 = mn2.replace('str', 'stur' if k == 1 else 'sttr')
            text = '%s %s, [x28, #%d]' % (mn2, rname(rt, sf), off)
        return Item([text], [wname(rt) if load and rt != 31 else None,
                             None if load else 'mem'])

    def ldst_regoff(self):
        mn, size, sf, load = self.pick_ldst()
        rm = self.dst(0)
        rt = self.rt_for(load, sf)
        scale = {1: 0, 2: 1, 4: 2, 8: 3}[size]
        ext = self.r.choice(['lsl', 'uxtw', 'sxtw', 'sxtx'])
        s = self.r.choice([0, scale]) if size > 1 else 0
        lo = 0 if ext == 'uxtw' else WINDOW_LO
        off = self.r.randrange(lo, WINDOW_HI - size + 1)
        off -= off % (1 << s)
        idx = off >> s
        if ext in ('uxtw', 'sxtw'):
            lines = ['mov w%d, #%d' % (rm, idx),
                     'movk x%d, #0x%x, lsl #%d' % (rm, self.r.getrandbits(16),
                                                   self.r.choice([32, 48]))]
            mreg = 'w%d' % rm
        else:
            lines = ['mov x%d, #%d' % (rm, idx)]
            mreg = 'x%d' % rm
        if ext == 'lsl':
            amt = ', lsl #%d' % s if s or self.r.random() < 0.5 else ''
        else:
            amt = ', %s' % ext + (' #%d' % s if s or self.r.random() < 0.5
                                  else '')
        lines.append('%s %s, [x28, %s%s]' % (mn, rname(rt, sf), mreg, amt))
        return Item(lines, [wname(rm), wname(rt) if load and rt != 31
                            else None, None if load else 'mem'])

    def base_reg(self, avoid=()):
        while True:
            rb = self.r.choice(WRITABLE)
            if rb not in avoid:
                return rb

    def set_base(self, rb, off):
        if off >= 0:
            return 'add x%d, x28, #%d' % (rb, off)
        return 'sub x%d, x28, #%d' % (rb, -off)

    def ldst_wb(self):
        """Pre- and post-index with writeback."""
        mn, size, sf, load = self.pick_ldst()
        rb = self.base_reg()
        rt = self.rt_for(load, sf, avoid=(rb,))
        imm = self.r.randrange(-256, 256)
        if self.r.random() < 0.5:   # pre-index: access at base + imm
            acc = self.window_off(size, 1)
            base = acc - imm
            text = '%s %s, [x%d, #%d]!' % (mn, rname(rt, sf), rb, imm)
        else:                       # post-index: access at base
            base = self.window_off(size, 1)
            text = '%s %s, [x%d], #%d' % (mn, rname(rt, sf), rb, imm)
        return Item([self.set_base(rb, base), text],
                    [wname(rb), wname(rt) if load and rt != 31 else None,
                     None if load else 'mem'])

    PAIRS = [  # mnemonic, element size, Rt width, is load
        ('stp', 4, 0, False), ('stp', 8, 1, False), ('ldp', 4, 0, True),
        ('ldp', 8, 1, True), ('ldpsw', 4, 1, True), ('stnp', 4, 0, False),
        ('stnp', 8, 1, False), ('ldnp', 4, 0, True), ('ldnp', 8, 1, True),
    ]

    def ldst_pair(self):
        mn, esz, sf, load = self.r.choice(self.PAIRS)
        mode = 0 if 'np' in mn else self.r.randrange(3)
        rb = 28 if mode == 0 and self.r.random() < 0.5 else self.base_reg()
        rt = self.rt_for(load, sf, avoid=(rb,) if mode else ())
        rt2 = self.rt_for(load, sf, avoid=(rt, rb) if mode or load
                          else ())
        if load:
            while rt2 == rt:
                rt2 = self.rt_for(load, sf, avoid=(rb,))
        imm = self.r.randrange(-64, 64) * esz
        acc = self.window_off(2 * esz, 1)
        lines = []
        if mode == 0:
            if rb == 28:
                acc = self.window_off(2 * esz, esz)
                imm = acc
            else:
                lines.append(self.set_base(rb, acc - imm))
            text = '%s %s, %s, [x%d, #%d]' % (mn, rname(rt, sf),
                                              rname(rt2, sf), rb, imm)
        elif mode == 1:
            lines.append(self.set_base(rb, acc - imm))
            text = '%s %s, %s, [x%d, #%d]!' % (mn, rname(rt, sf),
                                               rname(rt2, sf), rb, imm)
        else:
            lines.append(self.set_base(rb, acc))
            text = '%s %s, %s, [x%d], #%d' % (mn, rname(rt, sf),
                                              rname(rt2, sf), rb, imm)
        lines.append(text)
        w = [wname(rb) if rb != 28 else None]
        if load:
            w += [wname(rt) if rt != 31 else None,
                  wname(rt2) if rt2 != 31 else None]
        else:
            w.append('mem')
        return Item(lines, w)

    def ldst_literal(self):
        k = self.r.randrange(4)
        lab = 'lit_%d' % self.r.randrange(16)
        rt = self.dst(0)
        if k == 0:
            return Item(['ldr x%d, %s' % (rt, lab)], [wname(rt)])
        if k == 1:
            return Item(['ldr w%d, %s' % (rt, lab)], [wname(rt)])
        if k == 2:
            return Item(['ldrsw x%d, %s' % (rt, lab)], [wname(rt)])
        return Item(['prfm pldl1keep, %s' % lab], [])

    def prfm(self):
        op = self.r.choice(['pldl1keep', 'pldl2strm', 'pstl1keep',
                            'plil3strm'])
        if self.r.random() < 0.5:
            return Item(['prfm %s, [x28, #%d]' % (
                op, self.r.randrange(0, 256, 8))], [])
        return Item(['prfum %s, [x28, #%d]' % (
            op, self.r.randrange(-256, 256))], [])

    EXCL = [  # load, store, size, Rt width
        ('ldxrb', 'stxrb', 1, 0), ('ldxrh', 'stxrh', 2, 0),
        ('ldxr', 'stxr', 4, 0), ('ldxr', 'stxr', 8, 1),
        ('ldaxrb', 'stlxrb', 1, 0), ('ldaxrh', 'stlxrh', 2, 0),
        ('ldaxr', 'stlxr', 4, 0), ('ldaxr', 'stlxr', 8, 1),
    ]

    def excl(self):
        """LDXR/STXR on one aligned address (the store may be left out or
        aimed elsewhere, making it fail), plain or paired."""
        ld, st, size, sf = self.r.choice(self.EXCL)
        pair = size >= 4 and self.r.random() < 0.3
        if pair:
            ld, st = ld.replace('xr', 'xp'), st.replace('xr', 'xp')
        span = size * (2 if pair else 1)
        rb = self.base_reg()
        off = self.window_off(span, span)
        lines = [self.set_base(rb, off)]
        w = [wname(rb)]
        rt = self.rt_for(True, sf, avoid=(rb,))
        if pair:
            rt2 = self.rt_for(True, sf, avoid=(rb, rt))
            lines.append('%s %s, %s, [x%d]' % (ld, rname(rt, sf),
                                               rname(rt2, sf), rb))
            w += [wname(rt), wname(rt2)]
        else:
            lines.append('%s %s, [x%d]' % (ld, rname(rt, sf), rb))
            w.append(wname(rt))
        k = self.r.random()
        if k < 0.15:
            lines.append('clrex')
        if k < 0.9:
            rs = self.base_reg(avoid=(rb,))
            vals = [self.src(0.1) for _ in range(2 if pair else 1)]
            while rs in vals:
                rs = self.base_reg(avoid=(rb,))
            if k > 0.8:
                lines.append(self.set_base(rb, self.window_off(span, span)))
            lines.append('%s w%d, %s, [x%d]' % (
                st, rs, ', '.join(rname(v, sf) for v in vals), rb))
            w += [wname(rs), 'mem']
        return Item(lines, w)

    def ldst_sp(self):
        """SP as the base: offset, pre/post-index and pairs, SP 16-aligned
        (set from x28 first; SP is random state otherwise)."""
        mn, size, sf, load = self.pick_ldst()
        base = self.r.randrange(-256, 256, 16)
        setup = ('add sp, x28, #%d' % base if base >= 0
                 else 'sub sp, x28, #%d' % -base)
        k = self.r.randrange(4)
        rt = self.rt_for(load, sf)
        if k == 0:
            off = self.r.randrange(0, WINDOW_HI - base - size + 1, size) \
                if WINDOW_HI - base - size >= 0 else 0
            text = '%s %s, [sp, #%d]' % (mn, rname(rt, sf), off)
        elif k == 1:
            imm = self.window_off(size, 1) - base
            imm = max(-256, min(255, imm))
            text = '%s %s, [sp, #%d]!' % (mn, rname(rt, sf), imm)
        elif k == 2:
            text = '%s %s, [sp], #%d' % (mn, rname(rt, sf),
                                         self.r.randrange(-256, 256))
        else:
            esz = 8 if self.r.random() < 0.5 else 4
            rt2 = self.rt_for(load, esz == 8, avoid=(rt,))
            acc = self.window_off(2 * esz, esz) - base
            text = '%s %s, %s, [sp, #%d]!' % (
                'ldp' if load else 'stp', rname(rt, esz == 8),
                rname(rt2, esz == 8), acc)
            return Item([setup, text], ['sp', None if load else 'mem'] +
                        ([wname(rt), wname(rt2)] if load else []))
        return Item([setup, text], ['sp', wname(rt) if load else 'mem'])

    ACQREL = [('ldarb', 1, 0, True), ('ldarh', 2, 0, True),
              ('ldar', 4, 0, True), ('ldar', 8, 1, True),
              ('stlrb', 1, 0, False), ('stlrh', 2, 0, False),
              ('stlr', 4, 0, False), ('stlr', 8, 1, False)]

    def acqrel(self):
        mn, size, sf, load = self.r.choice(self.ACQREL)
        lines = []
        if self.r.random() < 0.3:
            rb = 28
            w = []
        else:
            rb = self.base_reg()
            lines.append(self.set_base(rb, self.window_off(size, size)))
            w = [wname(rb)]
        rt = self.rt_for(load, sf)
        lines.append('%s %s, [x%d]' % (mn, rname(rt, sf), rb))
        w += [wname(rt) if load and rt != 31 else None,
              None if load else 'mem']
        return Item(lines, w)



# ---- FP and SIMD ---------------------------------------------------------

# Special values per element size (bits): signed zeros, infinities, quiet
# and signalling NaNs with payloads, denormals, the normal limits, 1.0,
# and values at the integer conversion limits.
FP_SPECIAL = {
    16: [0x0000, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0xfe01, 0x7d55, 0x7c01,
         0xfdff, 0x0001, 0x83ff, 0x0400, 0x8400, 0x7bff, 0xfbff, 0x3c00,
         0xbc00, 0x3800, 0x7800, 0x5bff],
    32: [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000,
         0xffc00001, 0x7fd55555, 0x7f800001, 0xffbfffff, 0x7fa00000,
         0x00000001, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff,
         0xff7fffff, 0x3f800000, 0xbf800000, 0x3f000000, 0x4effffff,
         0x4f000000, 0xcf000000, 0x4f800000, 0x5f000000, 0x3fc00000,
         0x40490fdb],
    64: [0x0000000000000000, 0x8000000000000000, 0x7ff0000000000000,
         0xfff0000000000000, 0x7ff8000000000000, 0xfff8000000000001,
         0x7ff5555555555555, 0x7ff0000000000001, 0xfff7ffffffffffff,
         0x0000000000000001, 0x800fffffffffffff, 0x0010000000000000,
         0x8010000000000000, 0x7fefffffffffffff, 0xffefffffffffffff,
         0x3ff0000000000000, 0xbff0000000000000, 0x3fe0000000000000,
         0x41dfffffffc00000, 0x41e0000000000000, 0xc1e0000000000000,
         0x43e0000000000000, 0x43f0000000000000, 0x3ff8000000000000,
         0x36a0000000000000, 0x47efffffe0000000],
}
# ARMv8.0 with what cortex-a57 advertises (AES, SHA1, SHA2, CRC32).
MARCH = '-march=armv8-a+aes+sha2+crc'
# FPCR bits the test varies: AHP (26), DN (25), FZ (24), RMode (23:22).
FPCR_MODE_BITS = 0x07c00000
# FPSR bits a block may start with: QC and the cumulative flags.
FPSR_BITS = 0x0800009f

# Encoding spaces of the data-processing groups (ARM ARM C4.1): a word is
# (random & ~mask) | value. objdump names what was drawn and the assembler
# (ARMv8.0 + AES/SHA1/SHA2/CRC) refuses the later extensions, so only
# allocated v8.0 encodings are kept; 'want' keeps the FP or the integer
# mnemonics of the shared SIMD groups.
WORD_GROUPS = {
    # name: (family, weight, value, mask, want)
    'fp_fixed':     ('fp', 2, 0x1e000000, 0x7f200000, 'any'),
    'fp_int':       ('fp', 4, 0x1e200000, 0x7f20fc00, 'any'),
    'fp_dp1':       ('fp', 4, 0x1e204000, 0xff207c00, 'any'),
    'fp_cmp':       ('fp', 2, 0x1e202000, 0xff203c07, 'any'),
    'fp_imm':       ('fp', 1, 0x1e201000, 0xff201fe0, 'any'),
    'fp_ccmp':      ('fp', 2, 0x1e200400, 0xff200c00, 'any'),
    'fp_dp2':       ('fp', 5, 0x1e200800, 0xff200c00, 'any'),
    'fp_csel':      ('fp', 1, 0x1e200c00, 0xff200c00, 'any'),
    'fp_dp3':       ('fp', 4, 0x1f000000, 0xff000000, 'any'),
    'si_3same':     ('simdint', 8, 0x0e200400, 0x9f200400, 'int'),
    'si_3same_s':   ('simdint', 3, 0x5e200400, 0xdf200400, 'int'),
    'si_3diff':     ('simdint', 5, 0x0e200000, 0x9f200c00, 'int'),
    'si_3diff_s':   ('simdint', 1, 0x5e200000, 0xdf200c00, 'int'),
    'si_2misc':     ('simdint', 5, 0x0e200800, 0x9f3e0c00, 'int'),
    'si_2misc_s':   ('simdint', 2, 0x5e200800, 0xdf3e0c00, 'int'),
    'si_across':    ('simdint', 2, 0x0e300800, 0x9f3e0c00, 'int'),
    'si_pair_s':    ('simdint', 1, 0x5ef1b800, 0xfffffc00, 'int'),
    'si_copy':      ('simdint', 3, 0x0e000400, 0x9fe08400, 'int'),
    'si_copy_s':    ('simdint', 1, 0x5e000400, 0xffe0fc00, 'int'),
    'si_modimm':    ('simdint', 2, 0x0f000400, 0x9ff80400, 'int'),
    'si_shift':     ('simdint', 5, 0x0f000400, 0x9f800400, 'int'),
    'si_shift_s':   ('simdint', 2, 0x5f000400, 0xdf800400, 'int'),
    'si_elem':      ('simdint', 3, 0x0f000000, 0x9f000400, 'int'),
    'si_elem_s':    ('simdint', 1, 0x5f000000, 0xdf000400, 'int'),
    'si_perm':      ('simdint', 2, 0x0e000800, 0xbf208c00, 'int'),
    'si_ext':       ('simdint', 1, 0x2e000000, 0xbfe08400, 'int'),
    'si_tbl':       ('simdint', 1, 0x0e000000, 0xbfe08c00, 'int'),
    'sf_3same':     ('simdfp', 8, 0x0e200400, 0x9f200400, 'fp'),
    'sf_3same_s':   ('simdfp', 3, 0x5e200400, 0xdf200400, 'fp'),
    'sf_2misc':     ('simdfp', 6, 0x0e200800, 0x9f3e0c00, 'fp'),
    'sf_2misc_s':   ('simdfp', 3, 0x5e200800, 0xdf3e0c00, 'fp'),
    'sf_across':    ('simdfp', 1, 0x4e30c800, 0xdf7ecc00, 'fp'),
    'sf_pair_s':    ('simdfp', 2, 0x5e300800, 0xdf3e0c00, 'fp'),
    'sf_modimm':    ('simdfp', 1, 0x0f00f400, 0x9ff8fc00, 'fp'),
    'sf_shift':     ('simdfp', 2, 0x0f000400, 0x9f800400, 'fp'),
    'sf_shift_s':   ('simdfp', 1, 0x5f000400, 0xdf800400, 'fp'),
    'sf_elem':      ('simdfp', 3, 0x0f000000, 0x9f000400, 'fp'),
    'sf_elem_s':    ('simdfp', 2, 0x5f000000, 0xdf000400, 'fp'),
    'cr_aes':       ('crypto', 3, 0x4e284800, 0xff3ecc00, 'any'),
    'cr_sha3':      ('crypto', 3, 0x5e000000, 0xff208c00, 'any'),
    'cr_sha2':      ('crypto', 2, 0x5e280800, 0xff3fcc00, 'any'),
    'cr_pmull':     ('crypto', 1, 0x0e20e000, 0x9f20fc00, 'any'),
    'cr_crc32':     ('crypto', 3, 0x1ac04000, 0x7fe0e000, 'any'),
}
# Mnemonics of extensions the assembler does not refuse with -march
# (binutils 2.40 takes SHA512/SHA3/SM3/SM4 under +crypto/+sha2).
WORD_DENY = ('sha512', 'eor3', 'rax1', 'xar', 'bcax', 'sm3', 'sm4')
FP_INT_MNEMONICS = ('scvtf', 'ucvtf', 'urecpe', 'ursqrte')
FLAG_MNEMONICS = ('fcmp', 'fcmpe', 'fccmp', 'fccmpe')


def is_fp_mnemonic(mn):
    return mn.startswith('f') or mn in FP_INT_MNEMONICS


def word_check(text, want):
    """From objdump's text of a drawn word: (ok, writes)."""
    if not text or '.inst' in text or 'undefined' in text:
        return False, ()
    mn, _, ops = text.partition(' ')
    if mn.startswith(WORD_DENY):
        return False, ()
    if want == 'fp' and not is_fp_mnemonic(mn):
        return False, ()
    if want == 'int' and is_fp_mnemonic(mn):
        return False, ()
    ops = ops.strip()
    if mn in FLAG_MNEMONICS:
        return True, (FLAG_WRITE, 'fpsr')
    first = ops.split(',')[0].strip().lstrip('{')
    if first[:1] in 'wx' and first[1:].isdigit():
        if int(first[1:]) == RESERVED:
            return False, ()   # x28 is the scratch base
        return True, ('x' + first[1:], 'fpsr')
    if first[:1] in 'vqdshb':
        num = ''.join(c for c in first[1:].split('.')[0] if c.isdigit())
        if num:
            return True, ('v' + num, 'fpsr')
    return True, ('fpsr',)


class WordItem(Item):
    """A drawn encoding, named by the disassembler (render resolves it)."""
    def __init__(self, word, group, want):
        super().__init__([], (), group)
        self.word, self.want = word, want


def draw_word(rng, group):
    fam, w, value, mask, want = WORD_GROUPS[group]
    return WordItem((rng.getrandbits(32) & ~mask) | value, group, want)


VSIZE = {'b': 1, 'h': 2, 's': 4, 'd': 8, 'q': 16}
ARRANGE = [('8b', 8), ('16b', 16), ('4h', 8), ('8h', 16), ('2s', 8),
           ('4s', 16), ('1d', 8), ('2d', 16)]
ELEMS = [('b', 1, 16), ('h', 2, 8), ('s', 4, 4), ('d', 8, 2)]


class FpGen(Gen):
    """Loads and stores of SIMD&FP registers, FPCR/FPSR moves, and the
    state special values (the data-processing words are WORD_GROUPS)."""

    def vreg(self):
        return self.r.randrange(32)

    def fldst_offset(self):
        """LDR/STR B/H/S/D/Q: scaled unsigned offset, unscaled (LDUR)."""
        sz = self.r.choice('bhsdq')
        n = VSIZE[sz]
        load = self.r.random() < 0.5
        vt = self.vreg()
        if self.r.random() < 0.5:
            off = self.r.randrange(0, WINDOW_HI - n + 1, n)
            mn = 'ldr' if load else 'str'
        else:
            off = self.r.randrange(-256, WINDOW_HI - n + 1)
            mn = 'ldur' if load else 'stur'
        return Item(['%s %s%d, [x28, #%d]' % (mn, sz, vt, off)],
                    ['v%d' % vt if load else 'mem'])

    def fldst_regoff(self):
        sz = self.r.choice('bhsdq')
        n = VSIZE[sz]
        load = self.r.random() < 0.5
        vt, rm = self.vreg(), self.dst(0)
        scale = {1: 0, 2: 1, 4: 2, 8: 3, 16: 4}[n]
        ext = self.r.choice(['lsl', 'uxtw', 'sxtw', 'sxtx'])
        s = self.r.choice([0, scale])
        lo = 0 if ext == 'uxtw' else WINDOW_LO
        off = self.r.randrange(lo, WINDOW_HI - n + 1)
        off -= off % (1 << s)
        idx = off >> s
        if ext in ('uxtw', 'sxtw'):
            lines = ['mov w%d, #%d' % (rm, idx),
                     'movk x%d, #0x%x, lsl #%d' % (rm, self.r.getrandbits(16),
                                                   self.r.choice([32, 48]))]
            mreg = 'w%d' % rm
        else:
            lines = ['mov x%d, #%d' % (rm, idx)]
            mreg = 'x%d' % rm
        if n == 1:
            amt = (', %s' % ext if ext != 'lsl' else '') + \
                (' #0' if self.r.random() < 0.5 or ext == 'lsl' else '')
            if ext == 'lsl':
                amt = ', lsl #0' if self.r.random() < 0.5 else ''
        elif ext == 'lsl':
            amt = ', lsl #%d' % s if s else ''
        else:
            amt = ', %s' % ext + (' #%d' % s if s else '')
        lines.append('%s %s%d, [x28, %s%s]' % ('ldr' if load else 'str', sz,
                                               vt, mreg, amt))
        return Item(lines, [wname(rm), 'v%d' % vt if load else 'mem'])

    def fldst_wb(self):
        sz = self.r.choice('bhsdq')
        n = VSIZE[sz]
        load = self.r.random() < 0.5
        vt, rb = self.vreg(), self.base_reg()
        imm = self.r.randrange(-256, 256)
        mn = 'ldr' if load else 'str'
        if self.r.random() < 0.5:
            base = self.window_off(n, 1) - imm
            text = '%s %s%d, [x%d, #%d]!' % (mn, sz, vt, rb, imm)
        else:
            base = self.window_off(n, 1)
            text = '%s %s%d, [x%d], #%d' % (mn, sz, vt, rb, imm)
        return Item([self.set_base(rb, base), text],
                    [wname(rb), 'v%d' % vt if load else 'mem'])

    def fldst_pair(self):
        sz = self.r.choice('sdq')
        n = VSIZE[sz]
        load = self.r.random() < 0.5
        nt = self.r.random() < 0.25
        mn = ('ld' if load else 'st') + ('np' if nt else 'p')
        mode = 0 if nt else self.r.randrange(3)
        vt = self.vreg()
        vt2 = self.vreg()
        while load and vt2 == vt:      # CONSTRAINED UNPREDICTABLE
            vt2 = self.vreg()
        imm = self.r.randrange(-64, 64) * n
        acc = self.window_off(2 * n, 1)
        rb = 28 if mode == 0 and self.r.random() < 0.4 else self.base_reg()
        lines = []
        if mode == 0:
            if rb == 28:
                imm = self.window_off(2 * n, n)
            else:
                lines.append(self.set_base(rb, acc - imm))
            text = '%s %s%d, %s%d, [x%d, #%d]' % (mn, sz, vt, sz, vt2, rb,
                                                  imm)
        elif mode == 1:
            lines.append(self.set_base(rb, acc - imm))
            text = '%s %s%d, %s%d, [x%d, #%d]!' % (mn, sz, vt, sz, vt2, rb,
                                                   imm)
        else:
            lines.append(self.set_base(rb, acc))
            text = '%s %s%d, %s%d, [x%d], #%d' % (mn, sz, vt, sz, vt2, rb,
                                                  imm)
        lines.append(text)
        w = [wname(rb) if rb != 28 else None]
        w += ['v%d' % vt, 'v%d' % vt2] if load else ['mem']
        return Item(lines, w)

    def fldst_literal(self):
        sz = self.r.choice('sdq')
        vt = self.vreg()
        lab = 'lit_%d' % (self.r.randrange(0, 16, 2) if sz == 'q'
                          else self.r.randrange(16))
        return Item(['ldr %s%d, %s' % (sz, vt, lab)], ['v%d' % vt])

    def struct_addr(self, nbytes, lines, w):
        """Base (and post-index) operand text for a structure access of
        nbytes from a random window offset."""
        rb = self.base_reg()
        lines.append(self.set_base(rb, self.window_off(nbytes, 1)))
        w.append(wname(rb))
        k = self.r.randrange(3)
        if k == 0:
            return '[x%d]' % rb
        if k == 1:
            return '[x%d], #%d' % (rb, nbytes)
        rm = self.base_reg(avoid=(rb,))
        lines.append('mov x%d, #%d' % (rm, self.r.randrange(-256, 256)))
        w.append(wname(rm))
        return '[x%d], x%d' % (rb, rm)

    def vlist(self, first, count, suffix):
        return '{%s}' % ', '.join('v%d.%s' % ((first + i) % 32, suffix)
                                  for i in range(count))

    def fldst_multi(self):
        """LD1-4/ST1-4 (multiple structures), register lists wrapping."""
        load = self.r.random() < 0.5
        n = self.r.randrange(1, 5)
        arr, nb = self.r.choice(ARRANGE if n == 1 else ARRANGE[:6] +
                                [('2d', 16)])
        regs = self.r.randrange(1, 5) if n == 1 else n
        vt = self.vreg()
        lines, w = [], []
        addr = self.struct_addr(regs * nb, lines, w)
        lines.append('%s%d %s, %s' % ('ld' if load else 'st', n,
                                      self.vlist(vt, regs, arr), addr))
        w += ['v%d' % ((vt + i) % 32) for i in range(regs)] if load \
            else ['mem']
        return Item(lines, w)

    def fldst_single(self):
        """LD1-4/ST1-4 (single structure, one lane) and LD1R-LD4R."""
        load = self.r.random() < 0.5
        n = self.r.randrange(1, 5)
        es, nbe, lanes = self.r.choice(ELEMS)
        vt = self.vreg()
        lines, w = [], []
        if load and self.r.random() < 0.35:
            arr, _ = self.r.choice([a for a in ARRANGE if a[0][-1] == es])
            addr = self.struct_addr(n * nbe, lines, w)
            lines.append('ld%dr %s, %s' % (n, self.vlist(vt, n, arr), addr))
        else:
            addr = self.struct_addr(n * nbe, lines, w)
            lines.append('%s%d %s[%d], %s' % (
                'ld' if load else 'st', n, self.vlist(vt, n, es),
                self.r.randrange(lanes), addr))
        w += ['v%d' % ((vt + i) % 32) for i in range(n)] if load \
            else ['mem']
        return Item(lines, w)

    def fpcr_set(self):
        """FPCR changed inside a block (and FPSR read or written)."""
        rt = self.dst(0)
        k = self.r.randrange(3)
        if k == 0:
            v = self.r.getrandbits(32) & FPCR_MODE_BITS
            return Item(self.mov32(rt, v) + ['msr fpcr, x%d' % rt],
                        [wname(rt), 'fpcr'])
        if k == 1:
            return Item(['mrs x%d, fpsr' % rt], [wname(rt)])
        v = self.r.getrandbits(32) & FPSR_BITS
        return Item(self.mov32(rt, v) + ['msr fpsr, x%d' % rt],
                    [wname(rt), 'fpsr'])

    @staticmethod
    def mov32(rt, v):
        return ['movz x%d, #0x%x, lsl #16' % (rt, v >> 16),
                'movk x%d, #0x%x' % (rt, v & 0xffff)]

    # ---- state -----------------------------------------------------------
    def fp_lanes(self, bits):
        """128 bits of lanes of one size, specials favoured."""
        v = 0
        for i in range(128 // bits):
            if self.r.random() < 0.7:
                e = self.r.choice(FP_SPECIAL[bits])
            else:
                e = self.r.getrandbits(bits)
            v |= e << (i * bits)
        return v

    def vstate(self):
        k = self.r.random()
        if k < 0.25:
            return self.fp_lanes(32)
        if k < 0.5:
            return self.fp_lanes(64)
        if k < 0.6:
            return self.fp_lanes(16)
        if k < 0.8:
            return self.special() | (self.special() << 64)
        return self.r.getrandbits(128)

    def special_fp(self):
        """An X register value: sometimes an FP bit pattern (FMOV/SCVTF)."""
        if self.r.random() < 0.3:
            bits = self.r.choice([32, 64])
            return self.r.choice(FP_SPECIAL[bits])
        return self.special()

# name: (family, weight, method). Families are switched on as a whole.
CLASSES = {
    'addsub_imm':   ('int', 6, Gen.addsub_imm),
    'logic_imm':    ('int', 5, Gen.logic_imm),
    'movwide':      ('int', 3, Gen.movwide),
    'adr':          ('int', 1, Gen.adr),
    'bitfield':     ('int', 5, Gen.bitfield),
    'extr':         ('int', 2, Gen.extr),
    'logic_reg':    ('int', 6, Gen.logic_reg),
    'addsub_shift': ('int', 6, Gen.addsub_shift),
    'addsub_ext':   ('int', 5, Gen.addsub_ext),
    'adc':          ('int', 4, Gen.adc),
    'ccmp':         ('int', 4, Gen.ccmp),
    'csel':         ('int', 4, Gen.csel),
    'dp1':          ('int', 4, Gen.dp1),
    'dp2':          ('int', 5, Gen.dp2),
    'div_special':  ('int', 1, Gen.div_special),
    'dp3':          ('int', 5, Gen.dp3),
    'nzcv':         ('int', 2, Gen.nzcv),
    'ldst_offset':  ('ldst', 6, Gen.ldst_offset),
    'ldst_regoff':  ('ldst', 4, Gen.ldst_regoff),
    'ldst_wb':      ('ldst', 4, Gen.ldst_wb),
    'ldst_pair':    ('ldst', 4, Gen.ldst_pair),
    'ldst_literal': ('ldst', 1, Gen.ldst_literal),
    'prfm':         ('ldst', 1, Gen.prfm),
    'ldst_sp':      ('ldst', 2, Gen.ldst_sp),
    'excl':         ('ldst', 2, Gen.excl),
    'acqrel':       ('ldst', 2, Gen.acqrel),
    'fldst_offset': ('fpldst', 5, FpGen.fldst_offset),
    'fldst_regoff': ('fpldst', 3, FpGen.fldst_regoff),
    'fldst_wb':     ('fpldst', 3, FpGen.fldst_wb),
    'fldst_pair':   ('fpldst', 4, FpGen.fldst_pair),
    'fldst_literal': ('fpldst', 1, FpGen.fldst_literal),
    'fldst_multi':  ('fpldst', 5, FpGen.fldst_multi),
    'fldst_single': ('fpldst', 5, FpGen.fldst_single),
    'fpcr_set':     ('fpctl', 1, FpGen.fpcr_set),
}
for _name, (_fam, _w, _v, _m, _want) in WORD_GROUPS.items():
    CLASSES[_name] = (_fam, _w, _name)
FAMILIES = ('int', 'ldst', 'branch', 'fp', 'simdint', 'simdfp', 'crypto',
            'fpldst', 'fpctl')
FP_FAMILIES = ('fp', 'simdint', 'simdfp', 'crypto', 'fpldst', 'fpctl')
BRANCH_RATE = 0.06


def disassemble(words):
    """objdump's text for each 32-bit word (one call for all)."""
    objdump = shutil.which('aarch64-linux-gnu-objdump')
    if not objdump:
        raise RuntimeError('aarch64-linux-gnu-objdump not installed')
    with tempfile.NamedTemporaryFile(suffix='.bin') as f:
        f.write(b''.join(struct.pack('<I', w) for w in words))
        f.flush()
        p = subprocess.run([objdump, '-D', '-b', 'binary', '-m', 'aarch64',
                            f.name], capture_output=True, text=True,
                           check=True)
    texts = {}
    for line in p.stdout.splitlines():
        m = re.match(r'\s*([0-9a-f]+):\s+[0-9a-f]{8}\s+(.*)$', line)
        if m:
            text = m.group(2).split('//')[0].split(';')[0].strip()
            if '.inst' in m.group(2) or 'undefined' in m.group(2):
                text = ''
            texts[int(m.group(1), 16) // 4] = ' '.join(text.split())
    return [texts.get(i, '') for i in range(len(words))]


def assembler_filter(texts):
    """texts with '' for what the assembler refuses or warns about at
    ARMv8.0 + AES/SHA1/SHA2/CRC32 (later extensions, FP16)."""
    asm = shutil.which('aarch64-linux-gnu-as')
    if not asm:
        raise RuntimeError('aarch64-linux-gnu-as not installed')
    with tempfile.TemporaryDirectory() as d:
        src = d + '/w.S'
        with open(src, 'w') as f:
            f.write(''.join((t or 'nop') + '\n' for t in texts))
        p = subprocess.run([asm, MARCH, '--fatal-warnings', '-o',
                            d + '/w.o', src], capture_output=True,
                           text=True)
    bad = {int(m.group(1)) - 1 for m in
           re.finditer(r'w\.S:(\d+): (?:Error|Warning)', p.stderr)}
    return ['' if i in bad else t for i, t in enumerate(texts)]


class Block:
    def __init__(self, items):
        self.items = items
        self.branches = {}     # item index -> (branch text, target index)


class Program:
    """A generated program: its blocks and the state each starts from."""
    def __init__(self, seed, nblocks, ninsns, families):
        self.seed, self.nblocks, self.ninsns = seed, nblocks, ninsns
        self.families = tuple(families)
        unknown = set(self.families) - set(FAMILIES)
        if unknown:
            raise ValueError('unknown families: %s (known: %s)' % (
                ','.join(sorted(unknown)), ','.join(FAMILIES)))
        self.rng = random.Random(seed)
        self.gen = FpGen(self.rng)
        self.fp = any(f in FP_FAMILIES for f in self.families)
        self.table = [(n, w, f) for n, (fam, w, f) in CLASSES.items()
                      if fam in self.families]
        self.blocks = [self._block() for _ in range(nblocks)]
        self.states = [self._state() for _ in range(nblocks)]
        self.scratch = bytes(self.rng.getrandbits(8) for _ in range(512))
        if self.fp:
            self.scratch = self._fp_scratch()
        self.literals = [self.rng.getrandbits(64) for _ in range(16)]

    def new_item(self):
        names, weights = [t[0] for t in self.table], [t[1] for t in
                                                      self.table]
        name = self.rng.choices(range(len(names)), weights)[0]
        how = self.table[name][2]
        if isinstance(how, str):
            return draw_word(self.rng, how)
        item = how(self.gen)
        item.cls = names[name]
        return item

    def _block(self):
        blk = Block([self.new_item() for _ in range(self.ninsns)])
        if 'branch' in self.families:
            for i in range(self.ninsns):
                if self.rng.random() < BRANCH_RATE:
                    blk.branches[i] = (self._branch(),
                                       self.rng.randrange(i + 1,
                                                          self.ninsns + 1))
        return blk

    def _branch(self):
        """A forward branch; {} stands for the target label."""
        k = self.rng.randrange(3)
        if k == 0:
            return 'b.%s {}' % self.rng.choice(CONDS)
        sf = self.rng.randrange(2)
        r = rname(self.gen.src(), sf)
        if k == 1:
            return '%s %s, {}' % (self.rng.choice(['cbz', 'cbnz']), r)
        return '%s %s, #%d, {}' % (self.rng.choice(['tbz', 'tbnz']), r,
                                   self.rng.randrange(64 if sf else 32))

    def _state(self):
        g = self.gen
        regs = [g.special_fp() if self.fp else g.special()
                for _ in range(31)]
        sp = g.special()
        nzcv = self.rng.randrange(16) << 28
        vregs = [g.vstate() for _ in range(32)]
        fpcr = fpsr = 0
        if self.fp:
            fpcr = self.rng.getrandbits(32) & FPCR_MODE_BITS
            if self.rng.random() < 0.5:
                fpsr = self.rng.getrandbits(32) & FPSR_BITS
        return regs, sp, nzcv, fpcr, fpsr, vregs

    def _fp_scratch(self):
        """The window for FP programs: half its doublewords are special
        values (one double or two singles), so FP loads feed them too."""
        out = b''
        for _ in range(512 // 8):
            k = self.rng.random()
            if k < 0.25:
                v = self.rng.choice(FP_SPECIAL[64])
            elif k < 0.5:
                v = (self.rng.choice(FP_SPECIAL[32]) |
                     self.rng.choice(FP_SPECIAL[32]) << 32)
            else:
                v = self.rng.getrandbits(64)
            out += v.to_bytes(8, 'little')
        return out

    def resolve_words(self):
        """Name every drawn word with objdump; draw again (same group)
        the ones that are unallocated, of another group's kind or write
        x28, until all are named."""
        for _ in range(500):
            todo = [(blk, i) for blk in self.blocks
                    for i, it in enumerate(blk.items)
                    if isinstance(it, WordItem) and not it.lines]
            if not todo:
                return
            texts = disassemble([blk.items[i].word for blk, i in todo])
            texts = assembler_filter(texts)
            for (blk, i), text in zip(todo, texts):
                it = blk.items[i]
                ok, writes = word_check(text, it.want)
                if ok:
                    it.lines = [text]
                    it.writes = set(writes)
                else:
                    blk.items[i] = draw_word(self.rng, it.cls)
        raise RuntimeError('seed %d: no valid word drawn' % self.seed)

    def render(self):
        """Assembly text, and for each line the (block, item) it belongs
        to (None for fixed lines)."""
        self.resolve_words()
        out, owner = [], []

        def emit(line, who=None):
            out.append(line)
            owner.append(who)

        emit('/* difftest program: seed %d, %d blocks of %d, %s */' % (
            self.seed, self.nblocks, self.ninsns, ','.join(self.families)))
        emit('    .include "runtime.S"')
        emit('    .text')
        emit('body:')
        for b, blk in enumerate(self.blocks):
            emit('blk_%d:' % b)
            emit('    LOAD_STATE st_%d' % b)
            for i, item in enumerate(blk.items):
                emit('b%d_l%d:' % (b, i))
                if i in blk.branches:
                    text, tgt = blk.branches[i]
                    emit('    ' + text.format('b%d_l%d' % (b, tgt)),
                         (b, ('br', i)))
                for line in item.lines:
                    emit('    ' + line, (b, i))
            emit('b%d_l%d:' % (b, len(blk.items)))
            emit('    SAVE_STATE %d' % b)
        emit('    b finish')
        emit('    .balign 16')
        for i, v in enumerate(self.literals):
            emit('lit_%d: .quad 0x%016x' % (i, v))
        for b, (regs, sp, nzcv, fpcr, fpsr, vregs) in \
                enumerate(self.states):
            emit('st_%d:' % b)
            for r, v in enumerate(regs):
                emit('    .quad scratch + 256' if r == RESERVED
                     else '    .quad 0x%016x' % v)
            for v in (sp, nzcv, fpcr, fpsr, 0):
                emit('    .quad 0x%016x' % v)
            for v in vregs:
                emit('    .quad 0x%016x, 0x%016x' % (v & (2**64 - 1),
                                                      v >> 64))
        emit('    .balign 4096')
        emit('scratch:')
        for i in range(0, len(self.scratch), 16):
            emit('    .byte ' + ', '.join(
                '0x%02x' % c for c in self.scratch[i:i + 16]))
        emit('    .balign 16')
        emit('save_area:')
        emit('    .space 800')
        return '\n'.join(out) + '\n', owner

    def regenerate(self, b, i):
        """Replace an item the assembler refused."""
        if isinstance(i, tuple):
            text, tgt = self.blocks[b].branches[i[1]]
            self.blocks[b].branches[i[1]] = (self._branch(), tgt)
        else:
            self.blocks[b].items[i] = self.new_item()

    def writers(self, b, field):
        """Items of block b that may have written field, last first."""
        return [it for it in reversed(self.blocks[b].items)
                if field in it.writes]
