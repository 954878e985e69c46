"""Random A64 instruction generator for the differential test.

Deterministic from a seed: gen_program(seed, ...) returns the assembly
text of a whole program (runtime.S included first) and, per block, the
generated items with the registers each one writes, so that a difference
can be traced to an instruction. Instruction classes are a table
(CLASSES): each entry has a family ('int', 'ldst', 'branch'; 'fp' and
'simd' come when the interpreter has them) and a weight; callers choose the
families. The assembler validates every line: items it rejects or warns
about (UNPREDICTABLE combinations) are generated again (see difftest.py).

Register conventions inside a block: x28 holds scratch + 256 and is never
written, so every load and store lands in the 512-byte window
[x28 - 256, x28 + 256). Writeback and exclusive forms first copy x28 plus
an offset into another register and use that as the base.
"""

import random

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
}
FAMILIES = ('int', 'ldst', 'branch')
BRANCH_RATE = 0.06


class Block:
    def __init__(self, items):
        self.items = items
        self.branches = {}     # item index -> (branch text, target index)


class Program:
    """A generated program: its blocks and the state each starts from."""
    def __init__(self, seed, nblocks, ninsns, families):
        self.seed, self.nblocks, self.ninsns = seed, nblocks, ninsns
        self.families = tuple(families)
        self.rng = random.Random(seed)
        self.gen = Gen(self.rng)
        self.table = [(n, w, f) for n, (fam, w, f) in CLASSES.items()
                      if fam in self.families]
        self.blocks = [self._block() for _ in range(nblocks)]
        self.states = [self._state() for _ in range(nblocks)]
        self.scratch = bytes(self.rng.getrandbits(8) for _ in range(512))
        self.literals = [self.rng.getrandbits(64) for _ in range(16)]

    def new_item(self):
        names, weights = [t[0] for t in self.table], [t[1] for t in
                                                      self.table]
        name = self.rng.choices(range(len(names)), weights)[0]
        item = self.table[name][2](self.gen)
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
        regs = [self.gen.special() for _ in range(31)]
        sp = self.gen.special()
        nzcv = self.rng.randrange(16) << 28
        return regs, sp, nzcv

    def render(self):
        """Assembly text, and for each line the (block, item) it belongs
        to (None for fixed lines)."""
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
        emit('    .balign 8')
        for i, v in enumerate(self.literals):
            emit('lit_%d: .quad 0x%016x' % (i, v))
        for b, (regs, sp, nzcv) in enumerate(self.states):
            emit('st_%d:' % b)
            for r, v in enumerate(regs):
                emit('    .quad scratch + 256' if r == RESERVED
                     else '    .quad 0x%016x' % v)
            emit('    .quad 0x%016x' % sp)
            emit('    .quad 0x%016x' % nzcv)
        emit('    .balign 4096')
        emit('scratch:')
        for i in range(0, len(self.scratch), 16):
            emit('    .byte ' + ', '.join(
                '0x%02x' % c for c in self.scratch[i:i + 16]))
        emit('save_area:')
        emit('    .space 272')
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
