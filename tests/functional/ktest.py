"""Tiny TAP harness for Kestrel's functional tests.

Each test script calls ktest.main(globals()) after defining test_* functions;
every function is one TAP test. A test may call skip("why") to be counted as
skipped. The build directory is argv[1] (meson passes it).
"""
import os
import socket
import subprocess
import sys
import tempfile
import time
import traceback


class Skip(Exception):
    pass


def skip(why):
    raise Skip(why)


BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")


def binary(target="x86_64"):
    return os.path.join(BUILD, "kestrel-system-" + target)


def run(args, target="x86_64", timeout=20, stdin=subprocess.DEVNULL):
    """Run the emulator to completion; returns CompletedProcess (text)."""
    return subprocess.run([binary(target)] + args, stdin=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=timeout)


def start(args, target="x86_64", **kw):
    """Start the emulator in the background."""
    kw.setdefault("stdin", subprocess.DEVNULL)
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([binary(target)] + args, text=True, **kw)


def tmpdir():
    return tempfile.mkdtemp(prefix="kestrel-test-")


def wait_for_path(path, proc=None, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if os.path.exists(path):
            return
        if proc is not None and proc.poll() is not None:
            raise AssertionError("process exited (%s) before creating %s: %s"
                                 % (proc.returncode, path, proc.stderr.read()))
        time.sleep(0.02)
    raise AssertionError("timed out waiting for " + path)


class Hmp:
    """An HMP client on a unix socket: cmd() returns the command's output."""

    def __init__(self, path, timeout=10):
        # The socket file exists from bind(); connecting before the
        # emulator's listen() is refused: retry for a moment.
        end = time.monotonic() + timeout
        while True:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.sock.settimeout(timeout)
            try:
                self.sock.connect(path)
                break
            except ConnectionRefusedError:
                self.sock.close()
                if time.monotonic() > end:
                    raise
                time.sleep(0.02)
        self.buf = b""
        self.banner = self._until_prompt()

    def _until_prompt(self):
        while b"(qemu) " not in self.buf:
            data = self.sock.recv(4096)
            if not data:
                raise EOFError("monitor closed: %r" % self.buf)
            self.buf += data
        out, _, self.buf = self.buf.partition(b"(qemu) ")
        return out.decode(errors="replace")

    def cmd(self, line):
        self.sock.sendall(line.encode() + b"\n")
        out = self._until_prompt()
        # The monitor echoes the line (and may redraw it); drop the echo.
        text = out.replace("\r\n", "\n").replace("\r", "")
        lines = text.split("\n")
        if lines and line in lines[0]:
            lines = lines[1:]
        return "\n".join(lines).strip("\n")

    def send(self, line):
        """Send a line without waiting for a prompt (e.g. quit)."""
        self.sock.sendall(line.encode() + b"\n")

    def close(self):
        self.sock.close()


def main(namespace):
    tests = [(n, f) for n, f in namespace.items()
             if n.startswith("test_") and callable(f)]
    tests.sort(key=lambda t: t[1].__code__.co_firstlineno)
    print("1..%d" % len(tests), flush=True)
    failed = 0
    for i, (name, fn) in enumerate(tests, 1):
        try:
            fn()
            print("ok %d %s" % (i, name), flush=True)
        except Skip as e:
            print("ok %d %s # SKIP %s" % (i, name, e), flush=True)
        except Exception:
            failed += 1
            print("not ok %d %s" % (i, name), flush=True)
            for line in traceback.format_exc().splitlines():
                print("# " + line, flush=True)
    sys.exit(1 if failed else 0)
