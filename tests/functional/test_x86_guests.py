#!/usr/bin/env python3
"""Small x86 guests of our own (tests/x86/*.S, built here with the host's
binutils) on the pc board under KVM. Each reports on COM1 and ends through
isa-debug-exit. Skipped, counted as skipped, where /dev/kvm is missing."""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))), "x86")
EXIT_DEV = "isa-debug-exit,iobase=0xf4,iosize=0x04"


def need_kvm():
    try:
        fd = os.open("/dev/kvm", os.O_RDWR)
        os.close(fd)
    except OSError as e:
        ktest.skip("/dev/kvm unusable: %s" % e.strerror)


def build_bios(name, defsyms=()):
    """Assemble tests/x86/NAME.S into a flat 64 KiB image; defsyms are
    "SYM=VALUE" strings for as --defsym."""
    d = ktest.tmpdir()
    obj, elf, out = (os.path.join(d, name + ext)
                     for ext in (".o", ".elf", ".bin"))
    defs = [a for sym in defsyms for a in ("--defsym", sym)]
    for cmd in (["as", "--32", "-I", SRC] + defs +
                ["-o", obj, os.path.join(SRC, name + ".S")],
                ["ld", "-m", "elf_i386", "-Ttext", "0", "-o", elf, obj],
                ["objcopy", "-O", "binary", elf, out]):
        subprocess.run(cmd, check=True)
    assert os.path.getsize(out) == 65536
    return out


def run_bios(image, extra=()):
    return ktest.run(["-M", "pc", "-accel", "kvm", "-bios", image,
                      "-nographic", "-nodefaults", "-serial", "stdio",
                      "-device", EXIT_DEV] + list(extra), timeout=20)


def test_bios_reset_vector_smoke():
    need_kvm()
    r = run_bios(build_bios("bios-smoke"))
    out = r.stdout
    assert re.search(r"^pci 00:00\.0 12378086$", out, re.M), out
    assert re.search(r"^pci 00:01\.0 70008086$", out, re.M), out
    assert re.search(r"^pci 00:05\.0 ffffffff$", out, re.M), out
    assert re.search(r"^cmos seconds 000000[0-5][0-9]$", out, re.M), out
    assert re.search(r"^port 0x2ee 000000ff$", out, re.M), out
    assert "bios-smoke: PASS" in out, out
    # The boot-timer port logs once (QEMU has no such port: a write there
    # is ignored).
    assert re.search(r"info: guest boot time: [\d.]+ ms since start, "
                     r"[\d.]+ ms CPU$", r.stderr, re.M), r.stderr
    # isa-debug-exit: (0 << 1) | 1
    assert r.returncode == 1, (r.returncode, r.stderr)


def connect_hmp(mon, p):
    """The monitor socket's file appears at bind(), a moment before the
    emulator listens (a window wide enough to hit under ASan): retry a
    refused connection for a while."""
    ktest.wait_for_path(mon, p)
    end = time.monotonic() + 10
    while True:
        try:
            return ktest.Hmp(mon)
        except ConnectionRefusedError:
            if time.monotonic() > end or p.poll() is not None:
                raise
            time.sleep(0.02)


def _ecx(h):
    m = re.search(r"ECX=([0-9a-f]{8})", h.cmd("info registers"))
    assert m, "no ECX in info registers"
    return int(m.group(1), 16)


def test_monitor_cpus_registers_stop_cont():
    need_kvm()
    d = ktest.tmpdir()
    mon = os.path.join(d, "m.sock")
    p = ktest.start(["-M", "pc", "-accel", "kvm", "-smp", "2", "-S",
                     "-bios", build_bios("bios-spin"), "-nodefaults",
                     "-monitor", "unix:%s,server=on,wait=off" % mon])
    try:
        h = connect_hmp(mon, p)
        assert h.cmd("info status") == "VM status: paused (prelaunch)"
        cpus = h.cmd("info cpus").splitlines()
        assert len(cpus) == 2, cpus
        assert re.match(r"^\* CPU #0: thread_id=\d+$", cpus[0]), cpus
        assert re.match(r"^  CPU #1: thread_id=\d+$", cpus[1]), cpus
        # -S: nothing has run yet; the reset state is visible.
        regs = h.cmd("info registers")
        assert "EIP=0000fff0" in regs and "CS =f000 ffff0000" in regs, regs
        h.cmd("cont")
        end = time.monotonic() + 10
        while _ecx(h) == 0 and time.monotonic() < end:
            time.sleep(0.05)
        regs = h.cmd("info registers")
        assert "EAX=00001234 EBX=00005678" in regs, regs
        h.cmd("stop")
        a = _ecx(h)
        time.sleep(0.3)
        assert _ecx(h) == a, "vCPU still running while stopped"
        h.cmd("cont")
        time.sleep(0.3)
        assert _ecx(h) != a, "vCPU did not resume"
        h.send("quit")
        p.wait(timeout=10)
        assert p.returncode == 0
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_bios_file_errors():
    r = ktest.run(["-M", "pc", "-accel", "kvm", "-bios", "/nonexistent.bin"])
    if "failed to initialize kvm" in r.stderr:
        ktest.skip("no usable KVM")
    assert r.returncode == 1
    assert "could not load PC BIOS '/nonexistent.bin'" in r.stderr, r.stderr
    d = ktest.tmpdir()
    odd = os.path.join(d, "odd.bin")
    with open(odd, "wb") as f:
        f.write(b"\0" * 1000)
    r = ktest.run(["-M", "pc", "-accel", "kvm", "-bios", odd])
    assert r.returncode == 1
    assert "multiple of 64 KiB" in r.stderr, r.stderr


# ---- -kernel: bzImage and multiboot (hw/i386/x86-boot.c, multiboot.c) ----

def build_gas(name, ttext, binary=True):
    """Assemble tests/x86/NAME.S (C preprocessor, 32-bit) and link it at
    ttext; returns the flat binary, or the ELF when binary is False."""
    d = ktest.tmpdir()
    obj, elf, out = (os.path.join(d, name + ext)
                     for ext in (".o", ".elf", ".bin"))
    cmds = [["gcc", "-m32", "-c", "-o", obj, os.path.join(SRC, name + ".S")],
            ["ld", "-m", "elf_i386", "-Ttext", hex(ttext), "-o", elf, obj]]
    if binary:
        cmds.append(["objcopy", "-O", "binary", elf, out])
    for cmd in cmds:
        subprocess.run(cmd, check=True)
    return out if binary else elf


def build_multiboot_lm():
    """tests/x86/multiboot-lm.S: 32-bit multiboot entry, 64-bit code, so it
    is assembled as x86_64 and converted to the ELF32 multiboot wants."""
    d = ktest.tmpdir()
    obj, elf64, elf = (os.path.join(d, "lm" + e)
                       for e in (".o", ".elf64", ".elf"))
    for cmd in (["gcc", "-m64", "-c", "-o", obj,
                 os.path.join(SRC, "multiboot-lm.S")],
                ["ld", "-m", "elf_x86_64", "-Ttext", "0x100000", "-o", elf64,
                 obj],
                ["objcopy", "-O", "elf32-i386", elf64, elf]):
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    return elf


def test_multiboot_long_mode_pit_smp():
    need_kvm()
    d = ktest.tmpdir()
    m1, m2 = os.path.join(d, "m1"), os.path.join(d, "m2")
    for path in (m1, m2):
        with open(path, "w") as f:
            f.write("module\n")
    r = run_kernel(build_multiboot_lm(),
                   ["-smp", "4", "-append", "hello mb",
                    "-initrd", "%s a1,%s" % (m1, m2)])
    out = r.stdout
    assert "mb: eax 2badb002" in out, out
    assert re.search(r"^mb: cmdline \[\S*lm\.elf hello mb\]$", out, re.M), out
    assert "mb: mods_count 00000002" in out, out
    assert re.search(r"^mb: mod 00000007 \[\S*m1 a1\]$", out, re.M), out
    assert "mb: long mode" in out, out
    assert "mb: pit irq via ioapic ok" in out, out
    assert "mb: cpus 00000004" in out, out
    assert r.returncode == 85, (r.returncode, r.stderr)


def run_kernel(kernel, extra=(), timeout=20):
    return ktest.run(["-M", "pc", "-accel", "kvm", "-kernel", kernel,
                      "-nographic", "-nodefaults", "-serial", "stdio",
                      "-device", EXIT_DEV] + list(extra), timeout=timeout)


def test_bzimage_boot_params():
    need_kvm()
    d = ktest.tmpdir()
    initrd = os.path.join(d, "initrd.img")
    with open(initrd, "wb") as f:
        f.write(os.urandom(123457))
    append = "console=ttyS0 root=/dev/ram0 kestrel=yes"
    r = run_kernel(build_gas("bzimage-fake", 0),
                   ["-m", "256", "-append", append, "-initrd", initrd])
    out = r.stdout
    assert r.returncode == 85, (r.returncode, out, r.stderr)
    assert "bz: type_of_loader 000000ff" in out, out
    e820 = re.findall(r"^bz: e820 ([0-9a-f]{16}) ([0-9a-f]{16}) "
                      r"([0-9a-f]{8})$", out, re.M)
    e820 = [(int(a, 16), int(s, 16), int(t, 16)) for a, s, t in e820]
    assert e820 == [(0, 0xa0000, 1), (0xa0000, 0x60000, 2),
                    (0x100000, 256 * 2**20 - 0x100000, 1)], e820
    assert "bz: e820_entries 00000003" in out, out
    assert "bz: cmdline [%s]" % append in out, out
    m = re.search(r"^bz: initrd ([0-9a-f]{8}) ([0-9a-f]{8})$", out, re.M)
    assert m, out
    addr, size = int(m.group(1), 16), int(m.group(2), 16)
    assert size == 123457, size
    assert addr % 4096 == 0 and 0x100000 < addr
    assert addr + size <= 256 * 2**20 and addr + size > 256 * 2**20 - 8192
    # 32-bit entry at 1 MiB with the protocol's __BOOT_CS/__BOOT_DS.
    assert "bz: code32_start cs ds 00100000 00000010 00000018" in out, out


def test_bzimage_above_4g_e820():
    need_kvm()
    r = run_kernel(build_gas("bzimage-fake", 0), ["-m", "4G"])
    if r.returncode != 85 and "Cannot allocate" in r.stderr:
        ktest.skip("no 4 GiB of host memory")
    assert r.returncode == 85, (r.returncode, r.stderr)
    e820 = re.findall(r"^bz: e820 ([0-9a-f]{16}) ([0-9a-f]{16}) 00000001$",
                      r.stdout, re.M)
    assert ("0000000000100000", "00000000bff00000") in e820, r.stdout
    assert ("0000000100000000", "0000000040000000") in e820, r.stdout


def _kernel_error(args):
    r = ktest.run(["-M", "pc", "-accel", "kvm", "-nodefaults"] + args)
    if "failed to initialize kvm" in r.stderr:
        ktest.skip("no usable KVM")
    assert r.returncode == 1, (r.returncode, r.stderr)
    lines = [x for x in r.stderr.splitlines() if "warning:" not in x]
    assert len(lines) == 1, r.stderr
    return lines[0]


def test_kernel_bad_inputs():
    d = ktest.tmpdir()
    err = _kernel_error(["-kernel", "/nonexistent/vmlinuz"])
    assert err.endswith("could not open kernel file '/nonexistent/vmlinuz': "
                        "No such file or directory"), err
    rnd = os.path.join(d, "random.bin")
    with open(rnd, "wb") as f:
        f.write(bytes((i * 7 + 3) & 0xff for i in range(20000)))
    err = _kernel_error(["-kernel", rnd])
    assert "not a bzImage or multiboot kernel" in err and rnd in err, err
    good = open(build_gas("bzimage-fake", 0), "rb").read()
    trunc = os.path.join(d, "trunc.bin")
    with open(trunc, "wb") as f:
        f.write(good[:0x240])
    err = _kernel_error(["-kernel", trunc])
    assert "truncated" in err and trunc in err, err
    old = bytearray(good)
    old[0x206:0x208] = (0x0201).to_bytes(2, "little")
    oldf = os.path.join(d, "old.bin")
    with open(oldf, "wb") as f:
        f.write(old)
    err = _kernel_error(["-kernel", oldf])
    assert "protocol too old" in err and "2.01" in err and oldf in err, err
    big = os.path.join(d, "big.img")
    with open(big, "wb") as f:
        f.truncate(200 * 2**20)     # sparse: larger than -m 128
    err = _kernel_error(["-m", "128", "-kernel", _write(d, "ok.bin", good),
                         "-initrd", big])
    assert "initrd is too large" in err, err
    err = _kernel_error(["-kernel", _write(d, "ok2.bin", good),
                         "-initrd", "/nonexistent/initrd"])
    assert "/nonexistent/initrd" in err, err


def _write(d, name, data):
    path = os.path.join(d, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def build_bios_acpi(pwrbtn):
    """tests/x86/bios-acpi.S, with the power-button wait when pwrbtn."""
    return build_bios("bios-acpi", ["PWRBTN=%d" % int(pwrbtn)])


def test_acpi_tables_and_s5_poweroff():
    """The guest finds the RSDP through fw_cfg, checks every checksum,
    walks XSDT -> FADT/MADT/DSDT, counts the CPUs and powers off with
    SLP_TYP(\\_S5)|SLP_EN: the process ends with status 0."""
    need_kvm()
    image = build_bios_acpi(False)
    for n in (1, 4, 8):
        r = run_bios(image, ["-smp", str(n)])
        out = r.stdout
        assert re.search(r"^xsdt [0-9a-f]{8}$", out, re.M), out
        assert re.search(r"^pm1a_cnt 00000604$", out, re.M), out
        assert re.search(r"^s5 00000000$", out, re.M), out
        assert re.search(r"^cpus %08x$" % n, out, re.M), (n, out)
        assert re.search(r"^pm_tmr ok$", out, re.M), out
        assert "acpi: PASS" in out and "bad checksum" not in out, out
        # Not isa-debug-exit (odd status): ACPI S5 ends the process with 0.
        assert r.returncode == 0, (n, r.returncode, r.stderr)


def test_acpi_system_powerdown_sci():
    """system_powerdown sets PWRBTN_STS and raises the SCI (IRQ 9 through
    the PIC); the guest's handler sees the status and powers off."""
    need_kvm()
    d = ktest.tmpdir()
    mon = os.path.join(d, "m.sock")
    ser = os.path.join(d, "serial.txt")
    p = ktest.start(["-M", "pc", "-accel", "kvm", "-smp", "2",
                     "-bios", build_bios_acpi(True), "-nodefaults",
                     "-serial", "file:" + ser, "-device", EXIT_DEV,
                     "-monitor", "unix:%s,server=on,wait=off" % mon])
    try:
        h = connect_hmp(mon, p)
        end = time.monotonic() + 15
        out = ""
        while "waiting for power button" not in out:
            assert time.monotonic() < end and p.poll() is None, out
            time.sleep(0.05)
            with open(ser) as f:
                out = f.read()
        assert "pwrbtn" not in out, out
        h.send("system_powerdown")
        p.wait(timeout=15)
        with open(ser) as f:
            out = f.read()
        assert re.search(r"^pwrbtn sci 0000010[0-9a-f]$", out, re.M), out
        assert "acpi: PASS" in out, out
        assert p.returncode == 0, (p.returncode, p.stderr.read())
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


# ---- MMIO device (HPET) and the reset control register 0xcf9 ----

def build_multiboot64(name):
    """tests/x86/NAME.S: a multiboot kernel with 64-bit code, assembled as
    x86_64 and converted to the ELF32 multiboot wants."""
    d = ktest.tmpdir()
    obj, elf64, elf = (os.path.join(d, name + e)
                       for e in (".o", ".elf64", ".elf"))
    for cmd in (["gcc", "-m64", "-c", "-o", obj,
                 os.path.join(SRC, name + ".S")],
                ["ld", "-m", "elf_x86_64", "-Ttext", "0x100000", "-o", elf64,
                 obj],
                ["objcopy", "-O", "elf32-i386", elf64, elf]):
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    return elf


# What the same kernel prints on Debian's QEMU 7.2
# (qemu-system-x86_64 -M pc -accel kvm -kernel mmio-hpet.elf ...), after
# SeaBIOS's banner.
MMIO_HPET_QEMU = """\
hpet: gcap_id 009896808086a201
hpet: gen_conf 0000000000000000
hpet: t0 conf 0000000400000030
hpet: t1 conf 0000000400000030
hpet: t2 conf 0000000400000030
hpet: t0 cmp ffffffffffffffff
hpet: counter increases
hpet: timer 0 irq via ioapic pin 2 ok
hpet: gintr_sta 0000000000000000
hpet: periodic timer 0: 3 irqs
hpet: t0 cmp moved by whole periods: ok
hpet: level irq: gintr_sta in handler, irq seen 00000001 00000001
hpet: gintr_sta 0000000000000000
hpet: t2 cmp 0123456789abcdef
hpet: t2 conf 0000000400000130
hpet: t2 cmp 0000000089abcdef
hpet: halted counter 9abcdef012345678
hpet: done
"""


def test_mmio_hpet():
    """The HPET through MMIO at 0xfed00000: identification, a running
    counter, timer 0 firing through IOAPIC pin 2 in legacy replacement
    (one shot, periodic, level triggered with GINTR_STA), comparator and
    counter read-back; same text as on QEMU."""
    need_kvm()
    r = run_kernel(build_multiboot64("mmio-hpet"))
    assert r.stdout == MMIO_HPET_QEMU, r.stdout
    assert r.returncode == 85, (r.returncode, r.stderr)


def build_bios_reset(mode):
    """tests/x86/bios-reset.S: 0 resets through 0xcf9, 1 counts its boots
    in CMOS."""
    return build_bios("bios-reset", ["MODE=%d" % mode])


def test_reset_cf9_no_reboot():
    """0x06 to 0xcf9 resets; with -no-reboot that ends the process with
    status 0, as QEMU."""
    need_kvm()
    r = run_bios(build_bios_reset(0), ["-no-reboot"])
    assert r.stdout == "reset: writing 0x06 to 0xcf9\n", r.stdout
    assert r.returncode == 0, (r.returncode, r.stderr)


def test_reset_cf9_reboots_cmos_kept():
    """Without -no-reboot the machine boots again from the reset vector;
    CMOS NVRAM survives and 0xcf9 reads 0 again; dword CONFIG_ADDRESS
    cycles next to the register are unaffected (output as on QEMU)."""
    need_kvm()
    r = run_bios(build_bios_reset(1))
    assert r.stdout == ("reset: first boot, marker stored\n"
                        "reset: rcr 00000002\n"
                        "reset: 0xcf8 80000000 00:00.0 ids 12378086\n"
                        "reset: rcr 00000002\n"
                        "reset: second boot, marker found\n"
                        "reset: rcr 00000000\n"
                        "reset: done\n"), r.stdout
    assert r.returncode == 85, (r.returncode, r.stderr)


def _xp_bytes(h, addr, n):
    """n bytes (a multiple of 4) of guest memory at addr via HMP xp."""
    out = h.cmd("xp /%dxw 0x%x" % (n // 4, addr))
    words = []
    for line in out.splitlines():
        m = re.match(r"^[0-9a-f]+:((?: 0x[0-9a-f]{8})+)$", line.strip())
        assert m, out
        words += [int(w, 16) for w in m.group(1).split()]
    return b"".join(w.to_bytes(4, "little") for w in words)


def _acpi_table(mem, base, addr):
    off = addr - base
    length = int.from_bytes(mem[off + 4:off + 8], "little")
    t = mem[off:off + length]
    assert len(t) == length and sum(t) & 0xff == 0, (t[:4], "checksum")
    return t


def test_acpi_hpet_table_and_dsdt_device():
    """With -kernel (or a 64 KiB -bios) the tables sit in RAM at 0xe0000:
    the RSDT and XSDT list an HPET table (block id 8086a201 at 0xfed00000,
    QEMU's values) and the DSDT declares \\_SB.HPET (PNP0103) with QEMU's
    HPTM region and _CRS; every checksum holds."""
    need_kvm()
    d = ktest.tmpdir()
    mon = os.path.join(d, "m.sock")
    p = ktest.start(["-M", "pc", "-accel", "kvm", "-S", "-nodefaults",
                     "-bios", build_bios_reset(0),
                     "-monitor", "unix:%s,server=on,wait=off" % mon])
    try:
        h = connect_hmp(mon, p)
        rsdp = _xp_bytes(h, 0xe0000, 36)
        assert rsdp[:8] == b"RSD PTR ", rsdp
        assert sum(rsdp[:20]) & 0xff == 0 and sum(rsdp) & 0xff == 0
        base = 0xe1000
        mem = _xp_bytes(h, base, 4096)
        rsdt = _acpi_table(mem, base, int.from_bytes(rsdp[16:20], "little"))
        xsdt = _acpi_table(mem, base, int.from_bytes(rsdp[24:32], "little"))
        r_entries = [int.from_bytes(rsdt[i:i + 4], "little")
                     for i in range(36, len(rsdt), 4)]
        x_entries = [int.from_bytes(xsdt[i:i + 8], "little")
                     for i in range(36, len(xsdt), 8)]
        assert r_entries == x_entries, (r_entries, x_entries)
        tables = {_acpi_table(mem, base, a)[:4]: _acpi_table(mem, base, a)
                  for a in r_entries}
        assert set(tables) == {b"FACP", b"APIC", b"HPET"}, tables.keys()
        hpet = tables[b"HPET"]
        assert len(hpet) == 56 and hpet[8] == 1, hpet
        assert hpet[36:40] == bytes.fromhex("01a28680"), hpet[36:40]
        # GAS: system memory, address 0xfed00000; number 0, tick 0, flags 0.
        assert hpet[40:56] == bytes.fromhex(
            "00000000" "0000d0fe00000000" "00" "0000" "00"), hpet[40:]
        fadt = tables[b"FACP"]
        dsdt_addr = int.from_bytes(fadt[40:44], "little")
        assert int.from_bytes(fadt[140:148], "little") == dsdt_addr
        # Reset register: I/O port 0xcf9, value 6.
        assert fadt[116] == 1 and fadt[120:128] == (0xcf9).to_bytes(8,
                                                                   "little")
        assert fadt[128] == 6, fadt[128]
        dsdt = _acpi_table(mem, base, dsdt_addr)
        # Device (HPET) { Name (_HID, EisaId ("PNP0103")) ... }
        i = dsdt.find(b"\x5b\x82")
        assert i > 0 and b"HPET\x08_HID\x0c\x41\xd0\x01\x03" in dsdt, dsdt
        # OperationRegion (HPTM, SystemMemory, 0xFED00000, 0x0400)
        assert (b"\x5b\x80HPTM\x00\x0c\x00\x00\xd0\xfe\x0b\x00\x04"
                in dsdt), dsdt
        # _CRS: Memory32Fixed (ReadOnly, 0xFED00000, 0x400), end tag.
        assert (b"\x86\x09\x00\x00\x00\x00\xd0\xfe\x00\x04\x00\x00"
                b"\x79\x00" in dsdt), dsdt
        assert b"_STA" in dsdt and b"VEND" in dsdt and b"PRD_" in dsdt
        h.send("quit")
        p.wait(timeout=10)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


TRIPLE_FIRST = "triple-fault: first boot, ud2 with an empty IDT\n"


def test_triple_fault_no_reboot():
    """A triple fault in long mode (ud2, IDT limit 0): KVM_EXIT_SHUTDOWN
    runs the board's reset path; with -no-reboot the process ends with 0,
    as QEMU (same output there)."""
    need_kvm()
    r = run_kernel(build_multiboot64("triple-fault"), ["-no-reboot"])
    assert r.stdout == TRIPLE_FIRST, r.stdout
    assert r.returncode == 0, (r.returncode, r.stderr)


def test_triple_fault_reboots():
    """Without -no-reboot the machine resets and the kernel boots again;
    CMOS tells the second boot apart, which exits through isa-debug-exit."""
    need_kvm()
    r = run_kernel(build_multiboot64("triple-fault"))
    assert r.stdout == (TRIPLE_FIRST +
                        "triple-fault: second boot after the reset\n"), \
        r.stdout
    assert r.returncode == 85, (r.returncode, r.stderr)


if __name__ == "__main__":
    ktest.main(globals())
