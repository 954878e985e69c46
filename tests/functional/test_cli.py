#!/usr/bin/env python3
"""Command-line behaviour of the built binary on the 'none' machine:
help lists, version format, and one clear line plus exit status 1 for every
bad option, as QEMU users expect."""
import os
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktest  # noqa: E402

PROG = "kestrel-system-x86_64"


def fails_with(args, pattern, target="x86_64"):
    """Exit status 1 and exactly one stderr line matching pattern."""
    r = ktest.run(args, target=target)
    assert r.returncode == 1, (args, r.returncode, r.stderr)
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, (args, r.stderr)
    assert re.search(pattern, lines[0]), (args, lines[0], pattern)
    assert lines[0].startswith("kestrel-system-%s: " % target), lines[0]
    return lines[0]


def prints(args, pattern, target="x86_64"):
    r = ktest.run(args, target=target)
    assert r.returncode == 0, (args, r.returncode, r.stderr)
    assert re.search(pattern, r.stdout, re.M), (args, r.stdout)
    return r.stdout


def test_version_keeps_qemu_format():
    for target in ("x86_64", "aarch64"):
        out = prints(["-version"], r"^QEMU emulator version 7\.2\.0 "
                     r"\(Kestrel \d+\.\d+\.\d+\)$", target)
        assert out.splitlines()[0].startswith("QEMU emulator version")


def test_help_first_line_is_version():
    out = prints(["-h"], r"^-device ")
    assert out.splitlines()[0].startswith("QEMU emulator version 7.2.0 ")


def test_machine_help_lists_none():
    for arg in ("help", "?"):
        out = prints(["-M", arg], r"^none\s+empty machine")
        assert out.startswith("Supported machines are:"), out
    out = prints(["-M", "help"], r"^pc\s+Standard PC \(i440FX \+ PIIX, 1996\) "
                 r"\(alias of pc-i440fx-7\.2\)$")
    assert re.search(r"^pc-i440fx-7\.2\s+Standard PC .*\(default\)$", out,
                     re.M), out


def test_device_help_lists_loader():
    for arg in ("help", "?"):
        prints(["-device", arg], r'name "loader"')


def test_device_property_help():
    prints(["-device", "loader,help"], r"^\s+addr=<uint64>")


def test_object_help_lists_memory_backend():
    prints(["-object", "help"], r"memory-backend-ram")
    prints(["-object", "memory-backend-ram,help"], r"^\s+size=<size>")


def test_chardev_help_lists_backends():
    out = prints(["-chardev", "help"], r"socket")
    for name in ("null", "stdio", "file", "pipe", "pty", "socket"):
        assert re.search(r"^\s*%s$" % name, out, re.M), (name, out)


def test_log_help_lists_items():
    prints(["-d", "help"], r"^guest_errors\s")


def test_cpu_and_accel_help():
    out = prints(["-cpu", "help"], r"^Available CPUs:")
    assert re.search(r"^x86 qemu64\s", out, re.M), out
    assert re.search(r"^x86 host\s", out, re.M), out
    out = prints(["-accel", "help"], r"^Accelerators supported in QEMU binary:")
    assert re.search(r"^kvm$", out, re.M), out
    prints(["-cpu", "help"], r"^Available CPUs:", target="aarch64")
    out = prints(["-accel", "help"], r"^tcg$", target="aarch64")
    assert "kvm" not in out, out


def test_invalid_option():
    fails_with(["-foo"], r": -foo: invalid option$")


def test_qemu_option_not_supported_yet():
    fails_with(["-usb"], r"-usb: not supported by Kestrel yet")
    fails_with(["-M", "none", "-hda", "x.img"], r"-hda: not supported by Kestrel yet")


def test_missing_argument():
    fails_with(["-m"], r"-m: requires an argument")


def test_no_machine_no_default():
    # aarch64 has no board yet; x86_64's default is pc.
    r = ktest.run(["-display", "none"], target="aarch64")
    assert r.returncode == 1
    assert "No machine specified" in r.stderr, r.stderr


def test_unknown_machine():
    r = ktest.run(["-M", "nosuch"])
    assert r.returncode == 1
    assert 'unsupported machine type: "nosuch"' in r.stderr, r.stderr


def test_bad_memory_size():
    r = ktest.run(["-M", "none", "-m", "foo"])
    assert r.returncode == 1
    first = r.stderr.splitlines()[0]
    assert re.search(r"-m foo: Parameter 'size' expects a non-negative "
                     r"number below 2\^64", first), first


def test_unknown_device():
    fails_with(["-M", "none", "-device", "nosuch"],
               r"-device nosuch: 'nosuch' is not a valid device model name")


def test_unknown_device_property():
    fails_with(["-M", "none", "-device", "loader,foo=1"],
               r"-device loader,foo=1: Property 'loader\.foo' not found")


def test_device_help_for_unknown_driver_fails():
    r = ktest.run(["-device", "nosuch,help"])
    assert r.returncode == 1, r
    assert "'nosuch' is not a valid device model name" in r.stderr, r.stderr


def test_duplicate_device_id():
    fails_with(["-M", "none", "-device", "loader,id=a,data=1,data-len=1",
                "-device", "loader,id=a,data=1,data-len=1"],
               r"-device loader,id=a,data=1,data-len=1: "
               r"Duplicate ID 'a' for device")


def test_bad_device_property_value():
    fails_with(["-M", "none", "-device", "loader,addr=abc"],
               r"-device loader,addr=abc: .*'addr'.*")


def test_bad_object_property_value():
    fails_with(["-M", "none", "-object", "memory-backend-ram,id=m,size=12Q"],
               r"-object memory-backend-ram,id=m,size=12Q: "
               r"Parameter 'size' expects a size value")


def test_unknown_object_type():
    fails_with(["-M", "none", "-object", "nosuch,id=x"], r"nosuch")


def test_bad_chardev():
    fails_with(["-M", "none", "-chardev", "nosuch,id=x"],
               r"-chardev nosuch,id=x: .*nosuch")
    fails_with(["-M", "none", "-chardev", "null"], r"no id specified")


def test_kernel_refused_on_none():
    fails_with(["-M", "none", "-kernel", "/nonexistent"],
               r"-kernel parameter is not supported")


def test_accel_choices():
    fails_with(["-M", "none", "-accel", "tcg"], r"not supported by Kestrel yet")
    fails_with(["-M", "none", "-accel", "nosuch"], r"invalid accelerator nosuch")
    fails_with(["-M", "none", "-accel", "hvf"], r"not supported by Kestrel$")
    fails_with(["-M", "none", "-accel", "kvm"],
               r"an aarch64 guest needs an aarch64 host", target="aarch64")
    fails_with(["-M", "none,accel=kvm", "-accel", "kvm"],
               r'The -accel and "-machine accel=" options are incompatible')


def test_accel_fallback_messages_without_kvm():
    # KESTREL_KVM_DEVICE points the KVM accelerator at another device node:
    # here one that does not exist, as on a host without KVM.
    env = dict(os.environ, KESTREL_KVM_DEVICE="/nonexistent/kvm")
    r = subprocess.run([ktest.binary(), "-M", "none", "-accel", "kvm"],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=20, env=env)
    assert r.returncode == 1, r
    lines = r.stderr.splitlines()
    assert lines[0] == "Could not access KVM kernel module: No such file " \
        "or directory", lines
    assert lines[1] == "kestrel-system-x86_64: failed to " \
        "initialize kvm: No such file or directory", lines
    r = subprocess.run([ktest.binary(), "-M", "none,accel=kvm:tcg"],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=20, env=env)
    assert r.returncode == 1, r
    assert "failed to initialize kvm" in r.stderr, r.stderr
    assert "accelerator 'tcg': not supported by Kestrel yet" in r.stderr, \
        r.stderr


def test_accel_kvm_on_none():
    try:
        os.close(os.open("/dev/kvm", os.O_RDWR))
    except OSError as e:
        ktest.skip("/dev/kvm unusable: %s" % e.strerror)
    for args in (["-accel", "kvm"], ["-enable-kvm"], ["-M", "none,accel=kvm"],
                 ["-accel", "kvm:tcg"]):
        p = ktest.start(["-M", "none"] + args)
        time.sleep(0.3)
        assert p.poll() is None, (args, p.stderr.read())
        p.send_signal(signal.SIGTERM)
        p.communicate(timeout=10)
        assert p.returncode == 0, args


def test_smp_limits_of_none():
    fails_with(["-M", "none", "-smp", "2"],
               r"Invalid SMP CPUs 2\. The max CPUs supported by machine "
               r"'none' is 1")


def test_bad_uuid_and_name():
    fails_with(["-M", "none", "-uuid", "xyz"],
               r"-uuid xyz: failed to parse UUID string")
    fails_with(["-M", "none", "-name", "guest=a,foo=1"],
               r"Invalid parameter 'foo'")


def test_display_choices():
    fails_with(["-M", "none", "-display", "gtk"], r"not supported by Kestrel yet")
    fails_with(["-M", "none", "-display", "nosuch"],
               r"Parameter 'type' does not accept value 'nosuch'")


def test_qmp_not_supported_yet():
    fails_with(["-M", "none", "-chardev", "null,id=c", "-mon",
                "chardev=c,mode=control"], r"QMP.*not supported by Kestrel yet")


def test_bad_log_options():
    fails_with(["-M", "none", "-D", "/nonexistent/dir/log", "-d", "guest_errors"],
               r"/nonexistent/dir/log")
    r = ktest.run(["-M", "none", "-d", "nosuch"])
    assert r.returncode == 1, r


def test_guest_errors_logged_to_file():
    # No RAM on 'none' without -m: the loader's write hits unmapped space,
    # which the memory core logs under -d guest_errors.
    d = ktest.tmpdir()
    log = os.path.join(d, "log.txt")
    p = ktest.start(["-M", "none", "-d", "guest_errors", "-D", log,
                     "-device", "loader,addr=0x1000,data=0x1,data-len=1"])
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=10)
    assert p.returncode == 0
    text = open(log).read()
    assert "0x1000" in text, text


def test_positional_image_refused():
    fails_with(["-M", "none", "disk.img"], r"disk.img: .*not supported")


def test_msg_timestamp_prefix():
    r = ktest.run(["-msg", "timestamp=on", "-M", "none", "-device", "nosuch"])
    assert r.returncode == 1
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z ", r.stderr), r.stderr


def test_sigterm_ends_cleanly():
    p = ktest.start(["-M", "none", "-display", "none"])
    time.sleep(0.5)
    assert p.poll() is None, p.stderr.read()
    p.send_signal(signal.SIGTERM)
    out, err = p.communicate(timeout=10)
    assert p.returncode == 0, (p.returncode, err)
    assert re.search(r"terminating on signal 15", err), err


def test_socket_wait_blocks_until_client():
    d = ktest.tmpdir()
    path = os.path.join(d, "wait.sock")
    mon = os.path.join(d, "mon.sock")
    p = ktest.start(["-M", "none", "-display", "none",
                     "-chardev", "socket,id=c0,path=%s,server=on" % path,
                     "-monitor", "unix:%s,server,nowait" % mon])
    ktest.wait_for_path(path, p)
    time.sleep(0.5)
    # Still waiting: the monitor after it has not been created yet.
    assert p.poll() is None
    assert not os.path.exists(mon)
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    ktest.wait_for_path(mon, p)
    h = ktest.Hmp(mon)
    h.send("quit")
    p.wait(timeout=10)
    err = p.stderr.read()
    assert p.returncode == 0, err
    assert "info: QEMU waiting for connection on: disconnected:unix:%s,server=on" \
        % path in err, err
    s.close()


def test_socket_wait_ctrl_c_exits():
    d = ktest.tmpdir()
    path = os.path.join(d, "wait.sock")
    p = ktest.start(["-M", "none", "-display", "none",
                     "-chardev", "socket,id=c0,path=%s,server=on" % path])
    ktest.wait_for_path(path, p)
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=10)
    assert p.returncode is not None and p.returncode >= 0, (p.returncode, err)
    assert "terminating on signal 2" in err, err


def test_nographic_mux_monitor_on_stdio():
    p = ktest.start(["-M", "none", "-nographic"], stdin=subprocess.PIPE)
    out, err = p.communicate("info status\nquit\n", timeout=10)
    assert p.returncode == 0, (out, err)
    assert "VM status: running" in out, out


def test_nographic_ctrl_a_x_quits():
    p = ktest.start(["-M", "none", "-nographic"], stdin=subprocess.PIPE)
    p.stdin.write("\x01x")
    p.stdin.flush()
    out, err = p.communicate(timeout=10)
    assert p.returncode == 0, (out, err)
    assert "QEMU: Terminated" in out + err, (out, err)


def _raw_then_restore(stop):
    """Run -nographic on a pty; stop(proc, master) ends it; the terminal
    must be raw while running and exactly as before afterwards."""
    import pty
    import termios
    master, slave = pty.openpty()
    before = termios.tcgetattr(slave)
    p = subprocess.Popen([ktest.binary(), "-M", "none", "-nographic"],
                         stdin=slave, stdout=slave, stderr=subprocess.PIPE)
    try:
        end = time.monotonic() + 10
        while time.monotonic() < end:
            if not termios.tcgetattr(slave)[3] & termios.ICANON:
                break
            time.sleep(0.02)
        assert not termios.tcgetattr(slave)[3] & termios.ICANON, \
            "stdio not in raw mode"
        stop(p, master)
        p.wait(timeout=10)
        assert termios.tcgetattr(slave) == before, "terminal not restored"
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        p.stderr.close()
        os.close(master)
        os.close(slave)


def test_stdio_terminal_restored_after_signal():
    _raw_then_restore(lambda p, m: p.send_signal(signal.SIGTERM))


def test_stdio_terminal_restored_after_ctrl_a_x():
    _raw_then_restore(lambda p, m: os.write(m, b"\x01x"))


if __name__ == "__main__":
    ktest.main(globals())
