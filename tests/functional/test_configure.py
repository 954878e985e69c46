#!/usr/bin/env python3
"""The configure wrapper: its options reach meson, bad ones fail clearly."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

SRC = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def configure(*args):
    return subprocess.run(["sh", os.path.join(SRC, "configure")] + list(args),
                          cwd=SRC, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=120)


def test_help_lists_options():
    r = configure("--help")
    assert r.returncode == 0, r.stderr
    for opt in ("--prefix", "--target-list", "--enable-sanitizers",
                "--enable-werror"):
        assert opt in r.stdout, opt


def test_bad_option_and_target():
    r = configure("--no-such-option")
    assert r.returncode == 1 and "--no-such-option" in r.stderr, r.stderr
    r = configure("--target-list=mips-softmmu")
    assert r.returncode == 1 and "mips-softmmu" in r.stderr, r.stderr


def test_options_reach_meson():
    d = ktest.tmpdir()
    build = os.path.join(d, "b")
    try:
        r = configure("--builddir=" + build, "--prefix=/opt/kestrel",
                      "--target-list=aarch64-softmmu", "--enable-werror")
        assert r.returncode == 0, r.stdout + r.stderr
        out = subprocess.run(["meson", "introspect", "--buildoptions", build],
                             stdout=subprocess.PIPE, text=True, check=True)
        opts = {o["name"]: o["value"] for o in json.loads(out.stdout)}
        assert opts["prefix"] == "/opt/kestrel", opts["prefix"]
        assert opts["targets"] == ["aarch64"], opts["targets"]
        assert opts["werror"] is True
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    ktest.main(globals())
