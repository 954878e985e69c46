#!/usr/bin/env python3
"""Fetch and build a reference guest from Debian 12 packages into a cache.

  fetch-guest.py aarch64 [--cache DIR] [--print]

aarch64: Debian 12's current linux-image-*-arm64 (an uncompressed arm64
Image; a gzip'd copy Image.gz is written too, as other distributions ship
it) and an initramfs around busybox-static:arm64 whose /init mounts proc,
sys and devtmpfs, loads the power-button modules, prints the marker
BOOT-OK, the CPU count and the date, then runs what the kernel command line
asks (kestrel.run=shell for an interactive shell, kestrel.run=NAME for
/bin/NAME) and powers off. Any key event on the power button
(system_powerdown) powers it off as well.

The host's apt configuration is not touched: package lists live in the
cache (../shared/design/guests.md). Nothing is downloaded when the cache
already holds the files. Prints the directory holding Image, Image.gz and
initrd.gz (with --print, only that).
"""
import argparse
import glob
import gzip
import io
import os
import shutil
import subprocess
import sys
import tempfile

INIT = r"""#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /tmp /bin /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in /lib/modules/*.ko; do insmod "$m" 2>/dev/null; done
echo BOOT-OK
echo "cpus: $(grep -c ^processor /proc/cpuinfo)"
echo "date: $(date +%s)"
# The power button (system_powerdown): any event from an input device.
for e in /dev/input/event*; do
    [ -e "$e" ] && (head -c 1 "$e" >/dev/null && echo POWER-BUTTON &&
                    poweroff -f) &
done
echo POWER-BUTTON-READY
run=
for a in $(cat /proc/cmdline); do
    case "$a" in kestrel.run=*) run="${a#kestrel.run=}" ;; esac
done
case "$run" in
"") ;;
shell) setsid cttyhack sh ;;
wait) while true; do sleep 1; done ;;
*) "/bin/$run" ;;
esac
poweroff -f
"""

# Modules the initramfs loads: evdev + gpio_keys make the PL061 power
# button an input device (both are modules in Debian's arm64 kernel).
MODULES = ["drivers/input/evdev.ko", "drivers/input/keyboard/gpio_keys.ko"]


def cache_dir(arg):
    if arg:
        return arg
    if os.environ.get("KESTREL_GUEST_CACHE"):
        return os.environ["KESTREL_GUEST_CACHE"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "kestrel", "guests")


def apt_opts(work, arch):
    return ["-o", "APT::Architecture=" + arch,
            "-o", "APT::Architectures=" + arch,
            "-o", "Dir::State::Lists=" + os.path.join(work, "lists"),
            "-o", "Dir::Cache=" + os.path.join(work, "apt-cache"),
            "-o", "Debug::NoLocking=1",
            "-o", "APT::Sandbox::User=" + ("root" if os.geteuid() == 0
                                           else os.environ.get("USER", ""))]


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, **kw)
    if r.returncode != 0:
        sys.exit("fetch-guest: %s failed:\n%s" % (" ".join(cmd[:3]),
                                                  r.stderr.strip()))
    return r.stdout


def fetch_debs(work, arch, packages):
    for d in ("lists/partial", "apt-cache/archives/partial", "debs"):
        os.makedirs(os.path.join(work, d), exist_ok=True)
    opts = apt_opts(work, arch)
    run(["apt-get"] + opts + ["update"])
    # The metapackage names the current kernel package.
    out = run(["apt-cache"] + opts + ["depends", "linux-image-" + arch])
    kpkg = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("Depends: linux-image-"):
            kpkg = line.split()[1]
            break
    if not kpkg:
        sys.exit("fetch-guest: cannot resolve linux-image-%s" % arch)
    debs = os.path.join(work, "debs")
    run(["apt-get"] + opts + ["download", kpkg] + packages, cwd=debs)
    return kpkg, sorted(glob.glob(os.path.join(debs, "*.deb")))


def cpio_newc(entries):
    """entries: (name, mode, data or None for a directory / target for a
    symlink). Returns the archive bytes (SVR4 newc, no checksums)."""
    out = io.BytesIO()
    ino = 1
    for name, mode, data in entries + [("TRAILER!!!", 0, b"")]:
        data = data or b""
        nb = name.encode() + b"\0"
        hdr = "070701" + "".join("%08x" % v for v in (
            ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(nb), 0))
        out.write(hdr.encode() + nb)
        out.write(b"\0" * ((4 - (110 + len(nb)) % 4) % 4))
        out.write(data)
        out.write(b"\0" * ((4 - len(data) % 4) % 4))
        ino += 1
    return out.getvalue()


def build_initrd(root, modules_dir, path):
    with open(os.path.join(root, "bin", "busybox"), "rb") as f:
        busybox = f.read()
    entries = [("bin", 0o40755, None), ("dev", 0o40755, None),
               ("proc", 0o40755, None), ("sys", 0o40755, None),
               ("lib", 0o40755, None), ("lib/modules", 0o40755, None),
               ("bin/busybox", 0o100755, busybox),
               ("bin/sh", 0o120777, b"busybox"),
               ("init", 0o100755, INIT.encode())]
    for m in MODULES:
        with open(os.path.join(modules_dir, "kernel", m), "rb") as f:
            entries.append(("lib/modules/" + os.path.basename(m),
                            0o100644, f.read()))
    with gzip.open(path, "wb", compresslevel=6) as f:
        f.write(cpio_newc(entries))


# Bumped whenever INIT or MODULES change, so cached guests are rebuilt.
INITRD_REV = "initrd-rev 2"


def cached(out):
    files = [os.path.join(out, n) for n in ("Image", "Image.gz", "initrd.gz")]
    try:
        with open(os.path.join(out, "VERSION")) as f:
            rev_ok = INITRD_REV in f.read().splitlines()
    except OSError:
        return False
    return rev_ok and all(os.path.exists(f) for f in files)


def fetch_aarch64(cache):
    out = os.path.join(cache, "aarch64")
    if cached(out):
        return out
    if not shutil.which("apt-get") or not shutil.which("dpkg"):
        sys.exit("fetch-guest: needs apt-get and dpkg (Debian)")
    os.makedirs(cache, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as work:
        kpkg, debs = fetch_debs(work, "arm64", ["busybox-static"])
        root = os.path.join(work, "root")
        for d in debs:
            run(["dpkg", "-x", d, root])
        images = glob.glob(os.path.join(root, "boot", "vmlinuz-*"))
        mods = glob.glob(os.path.join(root, "lib", "modules", "*"))
        if len(images) != 1 or len(mods) != 1:
            sys.exit("fetch-guest: unexpected contents of " + kpkg)
        stage = os.path.join(work, "out")
        os.makedirs(stage)
        shutil.copy(images[0], os.path.join(stage, "Image"))
        with open(images[0], "rb") as src, \
                gzip.open(os.path.join(stage, "Image.gz"), "wb", 6) as dst:
            shutil.copyfileobj(src, dst)
        build_initrd(root, mods[0], os.path.join(stage, "initrd.gz"))
        with open(os.path.join(stage, "VERSION"), "w") as f:
            f.write(kpkg + "\n" + INITRD_REV + "\n")
        # Appears whole or not at all.
        if os.path.exists(out):
            shutil.rmtree(out)
        os.rename(stage, out)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("arch", choices=["aarch64"])
    p.add_argument("--cache")
    p.add_argument("--print", action="store_true",
                   help="print only the directory")
    a = p.parse_args()
    out = fetch_aarch64(cache_dir(a.cache))
    if a.print:
        print(out)
    else:
        print("reference guest in %s: %s" % (out, ", ".join(
            sorted(os.listdir(out)))))


if __name__ == "__main__":
    main()
