#!/usr/bin/env python3
"""The Linux boot path of the aarch64 virt board: the device tree
(-M virt,dumpdtb=) against the one Debian's QEMU writes for the same
options, and the -kernel loader with a tiny arm64 Image that reports what
it was given (x0, its own load address, the tree's magic, whether
-append reached /chosen, what lies where the initrd goes) on the PL011;
the same program runs on QEMU where it is installed and must print the
same. Needs the aarch64 cross binutils and dtc (skipped without them)."""
import gzip
import os
import re
import shutil
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

CROSS = "aarch64-linux-gnu-"
QEMU = shutil.which("qemu-system-aarch64")
MARKER = "KMRK"             # looked for, as a 32-bit word, in the tree

# An arm64 Image (Linux's booting.rst header) that prints, one hex line
# each: x0, where it runs, the word at x0 (byte-swapped: the FDT magic
# d00dfeed), how many words of the tree equal MARKER, and the word at
# 0x48000000 (the initrd with 512 MiB of RAM). Then PSCI SYSTEM_OFF.
PROG = r"""
    .text
    .globl _start
_start:
    b start
    .word 0
    .quad TEXT_OFFSET
    .quad 0x10000               /* image_size */
    .quad 0xa                   /* flags: LE, 4 KiB pages, anywhere */
    .quad 0, 0, 0
    .ascii "ARM\x64"
    .word 0
start:
    mov x19, x0
    ldr x21, =0x09000000
    bl puthex
    adr x0, _start
    bl puthex
    mov x0, #0
    mov x22, #0
    cbz x19, 3f
    ldr w0, [x19]
    rev w0, w0
    ldr w23, [x19, #4]          /* totalsize, big endian */
    rev w23, w23
    ldr w24, =0x4b524d4b        /* "KMRK" */
    mov x25, #0
1:  ldr w26, [x19, x25]
    cmp w26, w24
    cinc x22, x22, eq
    add x25, x25, #4
    cmp x25, x23
    b.lo 1b
3:  bl puthex
    mov x0, x22
    bl puthex
    ldr x0, =0x48000000
    ldr w0, [x0]
    bl puthex
    ldr x0, =0x84000008
    hvc #0
    b .

puthex:                         /* x0 as 16 hex digits and a newline */
    mov x9, #60
2:  lsr x10, x0, x9
    and x10, x10, #0xf
    add x11, x10, #0x30
    add x12, x10, #0x57
    cmp x10, #10
    csel x10, x11, x12, lt
    strb w10, [x21]
    subs x9, x9, #4
    b.ge 2b
    mov w10, #0x0a
    strb w10, [x21]
    ret
    .ltorg
"""

# Nodes QEMU writes for devices Kestrel does not have.
QEMU_ONLY = ("platform-bus@c000000", "pcie@10000000", "pmu",
             "v2m@8020000", "its@8080000")


def need_tools(*tools):
    for t in tools:
        if not shutil.which(t):
            ktest.skip(t + " not installed")


def build_image(d, name, text_offset=0, raw=False):
    need_tools(CROSS + "as", CROSS + "ld", CROSS + "objcopy")
    s, o, elf, img = (os.path.join(d, name + e)
                      for e in (".S", ".o", ".elf", ""))
    with open(s, "w") as f:
        f.write(PROG.replace("TEXT_OFFSET", hex(text_offset)))
    subprocess.run([CROSS + "as", "-o", o, s], check=True)
    subprocess.run([CROSS + "ld", "-Ttext=0", "-o", elf, o], check=True)
    subprocess.run([CROSS + "objcopy", "-O", "binary", elf, img],
                   check=True)
    if raw:
        with open(img, "r+b") as f:
            f.seek(0x38)
            f.write(b"\0\0\0\0")
    return img


def gzip_file(path):
    with open(path, "rb") as f, open(path + ".gz", "wb") as g:
        g.write(gzip.compress(f.read()))
    return path + ".gz"


BOOT_ARGS = ["-M", "virt", "-cpu", "cortex-a57", "-m", "512",
             "-nodefaults", "-serial", "stdio", "-display", "none"]


def run_kestrel(args):
    return ktest.run(BOOT_ARGS + ["-accel", "tcg"] + args,
                     target="aarch64", timeout=60)


def run_qemu(args):
    return subprocess.run([QEMU] + BOOT_ARGS + args, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=60)


def check_boot(args, want):
    """Kestrel prints want (a list of numbers); so does QEMU if present."""
    want = "".join("%016x\n" % w for w in want)
    r = run_kestrel(args)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert r.stdout == want, (r.stdout, want)
    if QEMU:
        q = run_qemu(args)
        assert q.stdout == want, ("QEMU printed", q.stdout, want)


def test_image_initrd_append():
    d = ktest.tmpdir()
    img = build_image(d, "Image")
    rd = os.path.join(d, "initrd")
    with open(rd, "wb") as f:
        f.write(b"INIT" + b"x" * 5000)
    # text_offset 0: the kernel 2 MiB up; the initrd at 128 MiB; the tree
    # on the next 2 MiB after it.
    check_boot(["-kernel", img, "-initrd", rd, "-append",
                "console=ttyAMA0 " + MARKER + "x"],
               [0x48200000, 0x40200000, 0xd00dfeed, 1, 0x54494e49])


def test_image_gzip():
    d = ktest.tmpdir()
    img = gzip_file(build_image(d, "Image"))
    # No initrd: the tree where it would have gone.
    check_boot(["-kernel", img],
               [0x48000000, 0x40200000, 0xd00dfeed, 0, 0xedfe0dd0])


def test_image_text_offset():
    d = ktest.tmpdir()
    img = build_image(d, "Image", text_offset=0x80000)
    check_boot(["-kernel", img, "-append", MARKER],
               [0x48000000, 0x40080000, 0xd00dfeed, 1, 0xedfe0dd0])


def test_raw_image_gets_dtb():
    d = ktest.tmpdir()
    img = build_image(d, "raw", raw=True)
    check_boot(["-kernel", img, "-append", MARKER],
               [0x48000000, 0x40080000, 0xd00dfeed, 1, 0xedfe0dd0])


def test_user_dtb():
    need_tools("dtc")
    d = ktest.tmpdir()
    img = build_image(d, "Image")
    dts = os.path.join(d, "my.dts")
    dtb = os.path.join(d, "my.dtb")
    with open(dts, "w") as f:
        f.write('/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>;\n'
                '  model = "' + MARKER + '"; };\n')
    subprocess.run(["dtc", "-I", "dts", "-O", "dtb", "-o", dtb, dts],
                   check=True)
    # The user's tree (its model holds the marker), /chosen added.
    check_boot(["-kernel", img, "-dtb", dtb],
               [0x48000000, 0x40200000, 0xd00dfeed, 1, 0xedfe0dd0])


def error_line(args):
    r = run_kestrel(args)
    assert r.returncode == 1, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def test_errors():
    d = ktest.tmpdir()
    img = build_image(d, "Image")
    gz = gzip_file(img)
    with open(gz, "rb") as f:
        data = f.read()
    trunc = os.path.join(d, "trunc.gz")
    with open(trunc, "wb") as f:
        f.write(data[:len(data) // 2])
    bad = os.path.join(d, "bad.dtb")
    with open(bad, "w") as f:
        f.write("not a device tree\n")
    msg = error_line(["-kernel", trunc])
    assert "unable to decompress gzipped kernel file" in msg, msg
    msg = error_line(["-kernel", img, "-initrd", d + "/nope"])
    assert "could not load initrd '" + d + "/nope'" in msg, msg
    msg = error_line(["-kernel", img, "-dtb", bad])
    assert "Couldn't open dtb file " + bad in msg, msg
    msg = error_line(["-kernel", d + "/nope"])
    assert ("could not open kernel file '" + d + "/nope': "
            "No such file or directory") in msg, msg


def decompile(dtb):
    """dtc's text without the random seeds and QEMU-only nodes."""
    r = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", dtb],
                       stdout=subprocess.PIPE, text=True, check=True)
    text = re.sub(r"\n\t*(rng-seed|kaslr-seed) = <[^>]*>;", "", r.stdout)
    for n in QEMU_ONLY:
        text = re.sub(r"\n(\t+)" + re.escape(n) + r" \{.*?\n\1\};\n", "\n",
                      text, flags=re.S)
    return re.sub(r"\n\s*\n", "\n", text)


def need_dumpdtb():
    """The minimal virt board accepted dumpdtb= (a machine property every
    board has) without acting on it; the full one came with gic-version."""
    r = ktest.run(["-M", "virt,help"], target="aarch64")
    if "gic-version" not in r.stdout:
        ktest.skip("this build's virt board does not write its tree yet")


def compare_dtb(opts, smp, extra=()):
    need_tools("dtc")
    if not QEMU:
        ktest.skip("qemu-system-aarch64 not installed")
    need_dumpdtb()
    d = ktest.tmpdir()
    mine, theirs = os.path.join(d, "k.dtb"), os.path.join(d, "q.dtb")
    args = ["-cpu", "cortex-a57", "-smp", str(smp), "-m", "512",
            "-display", "none"] + list(extra)
    r = ktest.run(["-M", "virt," + opts + "dumpdtb=" + mine] + args,
                  target="aarch64", timeout=30)
    assert r.returncode == 0, (r.returncode, r.stderr)
    q = subprocess.run([QEMU, "-M", "virt," + opts + "dumpdtb=" + theirs]
                       + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=30)
    assert q.returncode == 0, q.stderr
    a, b = decompile(mine), decompile(theirs)
    assert a == b, "\n".join(
        __import__("difflib").unified_diff(b.splitlines(), a.splitlines(),
                                           "qemu", "kestrel", lineterm=""))


def test_dumpdtb_gicv2_smp2():
    compare_dtb("", 2)


def test_dumpdtb_gicv3_smp4():
    compare_dtb("gic-version=3,", 4)


def test_dumpdtb_smp1():
    compare_dtb("", 1)


def test_dumpdtb_with_kernel():
    # With -kernel, QEMU dumps the tree as the loader placed it: /chosen
    # has bootargs and the initrd range.
    d = ktest.tmpdir()
    img = build_image(d, "Image")
    rd = os.path.join(d, "initrd")
    with open(rd, "wb") as f:
        f.write(b"INIT" * 100)
    compare_dtb("", 1, ["-kernel", img, "-initrd", rd,
                        "-append", "console=ttyAMA0 panic=-1"])


if __name__ == "__main__":
    ktest.main(globals())
