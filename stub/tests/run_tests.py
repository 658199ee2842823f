#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""User-space tests for ugdbserver; no kernel module needed.

The harness plays the module: UGDB_DEVICE names a unix-domain socket the
relay connects to once per session (or UGDB_DEVICE_FD hands it one end of
a socketpair), and the ioctls are emulated by the relay's fake device
layer.  Only loopback addresses are used.

Usage: run_tests.py PATH/TO/ugdbserver [TEST-NAME-SUBSTRING...]
The last line of output is "N passed, N failed"; exit status 1 on failure.
"""

import os
import pty
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import tty

SERVER = None
TIMEOUT = 5.0


class Fail(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)


class FakeModule:
    """Listening unix socket standing in for /dev/ugdb."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="ugdb-test-")
        self.path = os.path.join(self.dir, "ugdb.sock")
        self.lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.lsock.bind(self.path)
        self.lsock.listen(4)
        self.lsock.settimeout(TIMEOUT)

    def session(self):
        s, _ = self.lsock.accept()
        s.settimeout(TIMEOUT)
        return s

    def close(self):
        self.lsock.close()
        try:
            os.unlink(self.path)
            os.rmdir(self.dir)
        except OSError:
            pass


class Server:
    """A running ugdbserver with its stderr collected line by line."""

    def __init__(self, args, env=None, stdin=subprocess.DEVNULL,
                 stdout=subprocess.DEVNULL, pass_fds=()):
        e = dict(os.environ)
        e.update(env or {})
        self.p = subprocess.Popen([SERVER] + args, env=e, stdin=stdin,
                                  stdout=stdout, stderr=subprocess.PIPE,
                                  pass_fds=pass_fds)
        self.err = b""

    def _pump(self, timeout):
        r, _, _ = select.select([self.p.stderr], [], [], timeout)
        if not r:
            return False
        chunk = os.read(self.p.stderr.fileno(), 65536)
        if not chunk:
            return None
        self.err += chunk
        return True

    def expect(self, pattern, timeout=TIMEOUT):
        """Wait for a regex on stderr; return the match."""
        end = time.time() + timeout
        while True:
            m = re.search(pattern.encode(), self.err, re.M)
            if m:
                return m
            left = end - time.time()
            if left <= 0 or self._pump(left) is None:
                raise Fail("stderr never matched %r; got %r"
                           % (pattern, self.err.decode(errors="replace")))

    def wait(self, timeout=TIMEOUT):
        end = time.time() + timeout
        while self._pump(max(0, end - time.time())):
            pass
        try:
            return self.p.wait(max(0.1, end - time.time()))
        except subprocess.TimeoutExpired:
            raise Fail("ugdbserver did not exit; stderr %r" % self.err)

    def text(self):
        return self.err.decode(errors="replace")

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


def run(args, env=None, timeout=TIMEOUT):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([SERVER] + args, env=e, capture_output=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def connect(port):
    c = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    return c


def recv_exactly(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise Fail("EOF after %d of %d bytes" % (len(buf), n))
        buf += chunk
    return buf


def recv_eof(s):
    """Read until EOF; return what came."""
    buf = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return buf
        buf += chunk


def dead_pid():
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def listening_port(srv):
    return int(srv.expect(r"^Listening on port (\d+)$").group(1))


# --- tests -----------------------------------------------------------------

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


@test
def help_and_version():
    r = run(["--help"])
    check(r.returncode == 0, "--help exit status %d" % r.returncode)
    check(r.stdout.startswith(b"Usage:\tugdbserver [OPTIONS] COMM PROG"),
          "--help text: %r" % r.stdout[:80])
    check(b"--attach COMM PID" in r.stdout and b"--multi COMM" in r.stdout,
          "--help lists all three forms")
    r = run(["--version"])
    check(r.returncode == 0 and r.stdout.startswith(b"ugdbserver"),
          "--version: %r" % r.stdout)


@test
def usage_errors():
    for args in ([], ["127.0.0.1:0"], ["--attach", "127.0.0.1:0"]):
        r = run(args)
        check(r.returncode == 1, "%s: exit %d" % (args, r.returncode))
        check(r.stderr.startswith(b"Usage:"), "%s: usage on stderr" % args)
    r = run(["--bogus", "127.0.0.1:0", "true"])
    check(r.returncode == 1 and r.stderr == b"Unknown argument: --bogus\n",
          "unknown option: %r" % r.stderr)


@test
def missing_device():
    r = run(["127.0.0.1:0", "true"], env={"UGDB_DEVICE": "/nonexistent"})
    check(r.returncode == 1, "exit status %d" % r.returncode)
    want = ("ugdbserver: cannot open /nonexistent: No such file or "
            "directory \u2014 is the ugdb module loaded? "
            "(insmod kmod/ugdb.ko)\n").encode()
    check(r.stderr == want, "message: %r" % r.stderr)


@test
def bad_pid():
    for pid in ("abc", "0", "-5", "12x", "", "99999999999"):
        r = run(["--attach", "127.0.0.1:0", pid],
                env={"UGDB_DEVICE": "/nonexistent"})
        want = ("ugdbserver: invalid PID '%s': expected a positive "
                "process id\n" % pid).encode()
        check(r.returncode == 1 and r.stderr == want,
              "PID %r: %d %r" % (pid, r.returncode, r.stderr))


@test
def attach_no_such_process():
    fm = FakeModule()
    try:
        pid = dead_pid()
        r = run(["--attach", "127.0.0.1:0", str(pid)],
                env={"UGDB_DEVICE": fm.path})
        want = ("Cannot attach to process %d: No such process (3)\n"
                "Exiting\n" % pid).encode()
        check(r.returncode == 1 and r.stderr == want,
              "%d %r" % (r.returncode, r.stderr))
    finally:
        fm.close()


@test
def exec_failure():
    fm = FakeModule()
    try:
        r = run(["127.0.0.1:0", "/nonexistent/prog"],
                env={"UGDB_DEVICE": fm.path})
        want = (b"ugdbserver: Cannot exec /nonexistent/prog\n"
                b"ugdbserver: Error: No such file or directory\n"
                b"During startup program exited with code 127.\n"
                b"Exiting\n")
        check(r.returncode == 1 and r.stderr == want,
              "%d %r" % (r.returncode, r.stderr))
    finally:
        fm.close()


@test
def port_in_use():
    fm = FakeModule()
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    try:
        port = busy.getsockname()[1]
        r = run(["127.0.0.1:%d" % port, "true"],
                env={"UGDB_DEVICE": fm.path})
        want = b"Can't bind address: Address already in use.\nExiting\n"
        check(r.returncode == 1 and r.stderr == want,
              "%d %r" % (r.returncode, r.stderr))
    finally:
        busy.close()
        fm.close()


@test
def tcp_forwarding_both_ways():
    fm = FakeModule()
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--attach", "127.0.0.1:0", str(target.pid)],
                 env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        srv.expect(r"^Attached; pid = %d$" % target.pid)
        port = listening_port(srv)
        c = connect(port)
        srv.expect(r"^Remote debugging from host 127\.0\.0\.1, port %d$"
                   % c.getsockname()[1])
        c.sendall(b"+$qSupported#37")
        check(recv_exactly(dev, 15) == b"+$qSupported#37", "gdb -> dev")
        dev.sendall(b"+$PacketSize=4000#00")
        check(recv_exactly(c, 20) == b"+$PacketSize=4000#00", "dev -> gdb")
        # Every byte value, and more than one buffer's worth, each way.
        blob = bytes(range(256)) * 1024
        c.sendall(blob)
        check(recv_exactly(dev, len(blob)) == blob, "big gdb -> dev")
        dev.sendall(blob)
        check(recv_exactly(c, len(blob)) == blob, "big dev -> gdb")
        c.close()
        check(dev.recv(10) == b"", "device sees EOF when gdb leaves")
        check(srv.wait() == 0, "exit status 0 after one connection")
        check("Killing" not in srv.text(), "attached process not killed")
    finally:
        srv.kill()
        target.kill()
        target.wait()
        fm.close()


@test
def device_eof_closes_gdb():
    fm = FakeModule()
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--attach", "127.0.0.1:0", str(target.pid)],
                 env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        c = connect(listening_port(srv))
        srv.expect(r"^Remote debugging from host")
        c.sendall(b"$k#6b")
        recv_exactly(dev, 5)
        # Last reply then end of session: gdb must get both, in order.
        dev.sendall(b"+$X09#00")
        dev.close()
        check(recv_eof(c) == b"+$X09#00", "reply flushed before EOF")
        check(srv.wait() == 0, "exit status 0")
    finally:
        srv.kill()
        target.kill()
        target.wait()
        fm.close()


@test
def launch_and_child_exit_status():
    fm = FakeModule()
    cases = [(["sh", "-c", "read x; exit 3"],
              r"^\nChild exited with status 3$"),
             (["sh", "-c", "read x; kill -TERM $$"],
              r"^\nChild terminated with signal = 0xf \(SIGTERM\)$")]
    try:
        for prog, pattern in cases:
            # The program waits for our word on its stdin, so the
            # report can only come while gdb is connected.
            rd, wr = os.pipe()
            srv = Server(["127.0.0.1:0"] + prog,
                         env={"UGDB_DEVICE": fm.path}, stdin=rd)
            os.close(rd)
            try:
                dev = fm.session()
                srv.expect(r"^Process sh created; pid = \d+$")
                c = connect(listening_port(srv))
                srv.expect(r"^Remote debugging from host")
                os.write(wr, b"go\n")
                srv.expect(pattern)
                dev.sendall(b"$W03#00")
                dev.close()
                check(recv_eof(c) == b"$W03#00", "stop reply relayed")
                check(srv.wait() == 0, "exit status 0")
            finally:
                os.close(wr)
                srv.kill()
    finally:
        fm.close()


@test
def gdb_leaves_kills_launched():
    fm = FakeModule()
    srv = Server(["127.0.0.1:0", "sleep", "30"],
                 env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        pid = int(srv.expect(r"^Process sleep created; pid = (\d+)$")
                  .group(1))
        c = connect(listening_port(srv))
        srv.expect(r"^Remote debugging from host")
        c.close()
        # The device is closed first, and only then does the relay
        # judge how the program ended.
        check(dev.recv(10) == b"", "device closed")
        check("Killing" not in srv.text(), "no verdict before the close")
        # The fake module kills nothing: do its job, as the real one
        # does on close.
        os.kill(pid, signal.SIGKILL)
        srv.expect(r"^Killing process\(es\): %d$" % pid)
        check(srv.wait() == 0, "exit status 0")
        check("Child" not in srv.text(), "a kill is no child report")
    finally:
        srv.kill()
        fm.close()


@test
def exit_reply_before_zombie():
    """The module sends W from the exit tracepoint, before the program
    is a zombie; gdb leaves (or the session ends) at once.  The relay
    must close the device, then see the real exit status."""
    fm = FakeModule()
    try:
        for ending in ("gdb leaves", "device EOF"):
            rd, wr = os.pipe()
            srv = Server(["127.0.0.1:0", "sh", "-c", "read x; exit 7"],
                         env={"UGDB_DEVICE": fm.path}, stdin=rd)
            os.close(rd)
            try:
                dev = fm.session()
                srv.expect(r"^Process sh created; pid = \d+$")
                c = connect(listening_port(srv))
                srv.expect(r"^Remote debugging from host")
                dev.sendall(b"$W07#00")
                check(recv_exactly(c, 7) == b"$W07#00", "W relayed")
                if ending == "gdb leaves":
                    c.close()
                    check(dev.recv(10) == b"", "device closed")
                else:
                    dev.close()
                    check(recv_eof(c) == b"", "gdb sees EOF")
                    c.close()
                # The relay has closed the device and is waiting.
                time.sleep(0.2)
                check("Child" not in srv.text() and
                      "Killing" not in srv.text(),
                      "%s: verdict before the exit" % ending)
                # Only now does the program finish its exit.
                os.write(wr, b"go\n")
                srv.expect(r"^\nChild exited with status 7$")
                check(srv.wait() == 0, "%s: exit status 0" % ending)
                check("Killing" not in srv.text(),
                      "%s: no kill reported: %r" % (ending, srv.text()))
            finally:
                os.close(wr)
                srv.kill()
                if ending == "device EOF":
                    dev.close()
    finally:
        fm.close()


@test
def detached_launched_left_running():
    """gdb detached the program (the module lets it run): the relay
    must neither kill it nor wait for it forever."""
    fm = FakeModule()
    srv = Server(["127.0.0.1:0", "sleep", "30"],
                 env={"UGDB_DEVICE": fm.path})
    pid = None
    try:
        dev = fm.session()
        pid = int(srv.expect(r"^Process sleep created; pid = (\d+)$")
                  .group(1))
        c = connect(listening_port(srv))
        srv.expect(r"^Remote debugging from host")
        c.sendall(b"$D#44")
        recv_exactly(dev, 5)
        dev.sendall(b"$OK#9a")
        check(recv_exactly(c, 6) == b"$OK#9a", "OK relayed")
        c.close()
        check(dev.recv(10) == b"", "device closed")
        # (srv.wait() would read stderr to EOF, which the program,
        # sharing it, holds open.)
        start = time.time()
        try:
            status = srv.p.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Fail("ugdbserver waits for a detached program")
        check(status == 0, "exit status %d" % status)
        check(time.time() - start < 4, "bounded wait")
        srv._pump(0.1)
        check("Killing" not in srv.text() and "Child" not in srv.text(),
              "nothing said about it: %r" % srv.text())
        os.kill(pid, 0)         # still running
    finally:
        srv.kill()
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        fm.close()


@test
def empty_host_is_loopback():
    fm = FakeModule()
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--attach", ":0", str(target.pid)],
                 env={"UGDB_DEVICE": fm.path})
    try:
        fm.session()
        port = listening_port(srv)
        with open("/proc/net/tcp") as f:
            local = [l.split()[1] for l in f.readlines()[1:]
                     if l.split()[3] == "0A"]
        check("0100007F:%04X" % port in local,
              "listens on 127.0.0.1:%d: %r" % (port, local))
        check("00000000:%04X" % port not in local, "not on 0.0.0.0")
        connect(port).close()
        check(srv.wait() == 0, "exit status 0")
    finally:
        srv.kill()
        target.kill()
        target.wait()
        fm.close()


@test
def stdio_mode():
    fm = FakeModule()
    srv = Server(["-", "sh", "-c", "echo from-child"],
                 env={"UGDB_DEVICE": fm.path},
                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        dev = fm.session()
        srv.expect(r"^stdin/stdout redirected$")
        srv.expect(r"^Process sh created; pid = \d+$")
        srv.expect(r"^Remote debugging using stdio$")
        srv.expect(r"^from-child$")
        srv.p.stdin.write(b"+$?#3f")
        srv.p.stdin.flush()
        check(recv_exactly(dev, 6) == b"+$?#3f", "stdin -> dev")
        dev.sendall(b"+$S05#b8")
        out = os.read(srv.p.stdout.fileno(), 100)
        check(out == b"+$S05#b8", "dev -> stdout: %r" % out)
        srv.p.stdin.close()
        check(dev.recv(10) == b"", "stdin EOF closes the session")
        check(srv.wait() == 0, "exit status 0")
        rest = srv.p.stdout.read()
        check(rest == b"", "nothing but RSP on stdout: %r" % rest)
    finally:
        srv.kill()
        fm.close()


@test
def stdio_with_inherited_device_fd():
    a, b = socket.socketpair()
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--attach", "stdio", str(target.pid)],
                 env={"UGDB_DEVICE_FD": str(b.fileno())},
                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                 pass_fds=(b.fileno(),))
    b.close()
    try:
        srv.expect(r"^Remote debugging using stdio$")
        a.settimeout(TIMEOUT)
        a.sendall(b"$OK#9a")
        check(os.read(srv.p.stdout.fileno(), 100) == b"$OK#9a", "relay")
        a.close()
        check(srv.p.stdout.read() == b"", "device EOF closes stdout")
        check(srv.wait() == 0, "exit status 0")
    finally:
        srv.kill()
        target.kill()
        target.wait()


@test
def multi_reopens_with_new_session():
    fm = FakeModule()
    srv = Server(["--multi", "127.0.0.1:0"], env={"UGDB_DEVICE": fm.path})
    try:
        dev1 = fm.session()
        port = listening_port(srv)
        c = connect(port)
        srv.expect(r"^Remote debugging from host")
        c.sendall(b"$!#21")
        check(recv_exactly(dev1, 5) == b"$!#21", "first session")
        c.close()
        check(dev1.recv(10) == b"", "first session closed")
        srv.expect(r"^Remote side has terminated connection\.  GDBserver "
                   r"will reopen the connection\.$")
        dev2 = fm.session()
        srv.expect(r"(?s)reopen the connection\.\nListening on port %d\n"
                   % port)
        c = connect(port)
        c.sendall(b"$qRcmd,65786974#d7")
        check(recv_exactly(dev2, 18) == b"$qRcmd,65786974#d7",
              "second session")
        # "monitor exit": the extended session ends, and so do we.
        dev2.sendall(b"$OK#9a")
        dev2.close()
        check(recv_eof(c) == b"$OK#9a", "OK flushed")
        check(srv.wait() == 0, "exit status 0 after monitor exit")
    finally:
        srv.kill()
        fm.close()


@test
def multi_once_exits_after_first():
    fm = FakeModule()
    srv = Server(["--multi", "--once", "127.0.0.1:0"],
                 env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        c = connect(listening_port(srv))
        srv.expect(r"^Remote debugging from host")
        c.close()
        check(dev.recv(10) == b"", "session closed")
        check(srv.wait() == 0, "exit status 0")
        check("reopen" not in srv.text(), "no reopen with --once")
    finally:
        srv.kill()
        fm.close()


@test
def sigterm_closes_session():
    fm = FakeModule()
    srv = Server(["--multi", "127.0.0.1:0"], env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        listening_port(srv)
        srv.p.send_signal(signal.SIGTERM)
        check(dev.recv(10) == b"", "device closed on SIGTERM")
        check(srv.wait() == -signal.SIGTERM, "dies of SIGTERM")
    finally:
        srv.kill()
        fm.close()


@test
def serial_pty():
    fm = FakeModule()
    master, slave = pty.openpty()
    path = os.ttyname(slave)
    os.close(slave)
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--attach", path, str(target.pid)],
                 env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        srv.expect(r"^Remote debugging using %s$" % re.escape(path))
        # Raw mode: \r, \n, ^C and ^D must pass untouched.
        data = b"$m0,4#fd\r\n\x03\x04\x7f"
        os.write(master, data)
        check(recv_exactly(dev, len(data)) == data, "tty -> dev raw")
        dev.sendall(b"\r\n\x03$OK#9a")
        got = b""
        while len(got) < 9:
            r, _, _ = select.select([master], [], [], TIMEOUT)
            check(r, "tty output")
            got += os.read(master, 100)
        check(got == b"\r\n\x03$OK#9a", "dev -> tty raw: %r" % got)
        os.close(master)
        master = -1
        check(dev.recv(10) == b"", "hangup closes the session")
        check(srv.wait() == 0, "exit status 0")
    finally:
        if master >= 0:
            os.close(master)
        srv.kill()
        target.kill()
        target.wait()
        fm.close()


class PtyPort:
    """Stand-in for a virtio-serial port: a pty master polls POLLHUP while
    no slave is open, as the port does while its host side has no client.
    The relay gets the master (UGDB_COMM_FD); "gdb connects" = open the
    slave, "gdb leaves" = close it."""

    def __init__(self, leftover=b""):
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        tty.setraw(slave)
        # Unread bytes make the master poll POLLIN|POLLHUP, as the port.
        os.write(slave, leftover)
        os.close(slave)
        self.slave = -1

    def env(self):
        return {"UGDB_COMM_FD": str(self.master)}

    def connect(self):
        self.slave = os.open(self.path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.slave)

    def disconnect(self):
        os.close(self.slave)
        self.slave = -1

    def recv(self, n):
        got = b""
        while len(got) < n:
            r, _, _ = select.select([self.slave], [], [], TIMEOUT)
            check(r, "port output (got %r)" % got)
            got += os.read(self.slave, n - len(got))
        return got

    def close(self):
        for fd in (self.slave, self.master):
            if fd >= 0:
                os.close(fd)


def check_idle(srv, dev, what):
    """Nothing happens while the port has no client: no session end."""
    time.sleep(0.6)
    check(srv.p.poll() is None, "%s: relay exited: %r" % (what, srv.text()))
    srv._pump(0)
    check(b"Remote debugging using" not in srv.err.split(b"reopen")[-1],
          "%s: connected without a client: %r" % (what, srv.text()))
    dev.settimeout(0.1)
    try:
        check(dev.recv(10) != b"", "%s: session closed" % what)
    except socket.timeout:
        pass
    dev.settimeout(TIMEOUT)


@test
def serial_hup_before_connect_waits():
    fm = FakeModule()
    port = PtyPort(leftover=b"+")
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--attach", port.path, str(target.pid)],
                 env=dict(port.env(), UGDB_DEVICE=fm.path),
                 pass_fds=[port.master])
    try:
        dev = fm.session()
        check_idle(srv, dev, "before connect")
        port.connect()
        srv.expect(r"^Remote debugging using %s$" % re.escape(port.path))
        os.write(port.slave, b"$?#3f")
        check(recv_exactly(dev, 6) == b"+$?#3f", "port -> dev")
        dev.sendall(b"$S05#b8")
        check(port.recv(7) == b"$S05#b8", "dev -> port")
        # gdb's last packet, then it leaves: still delivered.
        os.write(port.slave, b"$D#44")
        port.disconnect()
        check(recv_eof(dev) == b"$D#44", "last words, then session closed")
        check(srv.wait() == 0, "exit status 0")
        check(srv.text().count("Remote debugging using") == 1, srv.text())
    finally:
        srv.kill()
        target.kill()
        target.wait()
        port.close()
        fm.close()


@test
def multi_serial_reconnects_same_port():
    fm = FakeModule()
    port = PtyPort()
    srv = Server(["--multi", port.path],
                 env=dict(port.env(), UGDB_DEVICE=fm.path),
                 pass_fds=[port.master])
    try:
        dev1 = fm.session()
        check_idle(srv, dev1, "before first connect")
        port.connect()
        srv.expect(r"^Remote debugging using %s$" % re.escape(port.path))
        os.write(port.slave, b"$!#21")
        check(recv_exactly(dev1, 5) == b"$!#21", "first session")
        dev1.sendall(b"$OK#9a")
        check(port.recv(6) == b"$OK#9a", "first reply")
        port.disconnect()
        check(dev1.recv(10) == b"", "first session closed")
        srv.expect(r"^Remote side has terminated connection\.  GDBserver "
                   r"will reopen the connection\.$")
        dev2 = fm.session()
        check_idle(srv, dev2, "between connections")
        port.connect()
        srv.expect(r"(?s)reopen the connection\.\nRemote debugging using "
                   r"%s\n" % re.escape(port.path))
        os.write(port.slave, b"$qRcmd,65786974#d7")
        check(recv_exactly(dev2, 18) == b"$qRcmd,65786974#d7",
              "second session")
        dev2.sendall(b"$OK#9a")
        dev2.close()
        check(port.recv(6) == b"$OK#9a", "OK flushed")
        check(srv.wait() == 0, "exit status 0 after monitor exit")
    finally:
        srv.kill()
        port.close()
        fm.close()


@test
def debug_trace_and_ignored_options():
    fm = FakeModule()
    target = subprocess.Popen(["sleep", "30"])
    srv = Server(["--no-startup-with-shell", "--disable-randomization",
                  "--debug", "--once", "--attach", "127.0.0.1:0",
                  str(target.pid)], env={"UGDB_DEVICE": fm.path})
    try:
        dev = fm.session()
        c = connect(listening_port(srv))
        c.sendall(b"+$?#3f\x03")
        recv_exactly(dev, 7)
        srv.expect(r"^ugdbserver: gdb -> ugdb: \+\$\?#3f\\x03$")
        dev.sendall(b"\\\n")
        recv_exactly(c, 2)
        srv.expect(r"^ugdbserver: ugdb -> gdb: \\x5c\\x0a$")
        c.close()
        check(srv.wait() == 0, "exit status 0")
    finally:
        srv.kill()
        target.kill()
        target.wait()
        fm.close()


@test
def serial_open_failure():
    fm = FakeModule()
    try:
        r = run(["--multi", "/nonexistent/tty"], env={"UGDB_DEVICE": fm.path})
        want = (b"Could not open remote device: No such file or "
                b"directory.\nExiting\n")
        check(r.returncode == 1 and r.stderr == want,
              "%d %r" % (r.returncode, r.stderr))
    finally:
        fm.close()



# --- vRun: the relay launches what the session asks ---------------------

SHOW = ("import os, sys; print('args=%r' % sys.argv[1:]); "
        "print('A=%r B=%r' % (os.environ.get('UGDB_T_A'), "
        "os.environ.get('UGDB_T_B'))); print('cwd=%s' % os.getcwd()); "
        "p = open('/proc/self/personality').read().strip(); "
        "print('pers=%s' % p, flush=True)")


def run_request(fm_dev, tmp, flags, argv, cwd="", edits=()):
    """Write the fake request, raise POLLPRI, return the outcome."""
    req = os.path.join(tmp, "req")
    res = os.path.join(tmp, "res")
    if os.path.exists(res):
        os.unlink(res)
    body = b"".join(a.encode() + b"\0" for a in argv)
    body += cwd.encode() + b"\0"
    body += b"".join(e.encode() + b"\0" for e in edits)
    with open(req + ".new", "wb") as f:
        f.write(b"%d %d %d\n" % (flags, len(argv), len(edits)) + body)
    os.rename(req + ".new", req)
    fm_dev.send(b"!", socket.MSG_OOB)
    end = time.time() + TIMEOUT
    while time.time() < end:
        if os.path.exists(res):
            with open(res) as f:
                text = f.read()
            if text.endswith("\n"):
                check(not os.path.exists(req), "request taken")
                return int(text)
        time.sleep(0.02)
    raise Fail("no outcome for the run request")


def vrun_server(tmp):
    fm = FakeModule()
    out = open(os.path.join(tmp, "out"), "wb+")
    env = {"UGDB_DEVICE": fm.path,
           "UGDB_FAKE_RUN_REQUEST": os.path.join(tmp, "req"),
           "UGDB_FAKE_RUN_RESULT": os.path.join(tmp, "res"),
           "UGDB_T_B": "inherited", "SHELL": "/bin/sh"}
    srv = Server(["--multi", "127.0.0.1:0"], env=env, stdout=out)
    return fm, srv, out


def program_output(out, pattern):
    end = time.time() + TIMEOUT
    while time.time() < end:
        out.seek(0)
        text = out.read().decode(errors="replace")
        if re.search(pattern, text):
            return text
        time.sleep(0.02)
    raise Fail("program output never matched %r: %r" % (pattern, text))


@test
def vrun_shell_quoting_env_cwd_aslr():
    tmp = tempfile.mkdtemp(prefix="ugdb-vrun-")
    fm, srv, out = vrun_server(tmp)
    try:
        dev = fm.session()
        # the relay serves requests while gdb is connected
        c = connect(listening_port(srv))
        argv = [sys.executable, "-c", SHOW, "a b", 'c"d', "$HOME", "",
                "x'y", "*", "l1\nl2"]
        pid = run_request(dev, tmp, 3, argv, cwd=tmp,
                          edits=["+UGDB_T_A=one two", "-UGDB_T_B"])
        check(pid == 0, "outcome 0 (exec'd), got %d" % pid)
        srv.expect(r"^Process %s created; pid = \d+$" % re.escape(argv[0]))
        text = program_output(out, r"pers=")
        check("args=%r" % argv[3:] in text, "arguments kept: %r" % text)
        check("A='one two' B=None" in text, "environment edits: %r" % text)
        check("cwd=%s" % os.path.realpath(tmp) in text, "cwd: %r" % text)
        pers = int(re.search(r"pers=([0-9a-f]+)", text).group(1), 16)
        check(pers & 0x0040000, "ADDR_NO_RANDOMIZE set: %x" % pers)
        # Again without a shell and with randomization: plain execvp.
        out.seek(0)
        out.truncate()
        script = os.path.join(tmp, "show.py")
        with open(script, "w") as f:
            f.write(SHOW + "\n")
        argv = [sys.executable, script, "$HOME", "*"]
        r = run_request(dev, tmp, 0, argv)
        check(r == 0, "second run: %d %s" % (r, srv.text()))
        text = program_output(out, r"pers=")
        check("args=['$HOME', '*']" in text, "no shell: %r" % text)
        check("B='inherited'" in text, "own environment: %r" % text)
        pers = int(re.search(r"pers=([0-9a-f]+)", text).group(1), 16)
        check(not pers & 0x0040000, "randomization left on: %x" % pers)
    finally:
        srv.kill()
        fm.close()


@test
def vrun_failures_reported():
    tmp = tempfile.mkdtemp(prefix="ugdb-vrun-")
    fm, srv, out = vrun_server(tmp)
    try:
        dev = fm.session()
        c = connect(listening_port(srv))
        # without a shell gdbserver refuses arguments with whitespace
        r = run_request(dev, tmp, 0, ["/bin/true", "a b"])
        check(r == -22, "whitespace without a shell: %d" % r)
        srv.expect(r"can't handle command-line argument containing "
                   r"whitespace")
        r = run_request(dev, tmp, 0, ["/nonexistent/prog"])
        check(r == -2, "no such program: %d" % r)
        srv.expect(r"Cannot exec /nonexistent/prog")
        r = run_request(dev, tmp, 0, ["/bin/true"], cwd="/nonexistent/dir")
        check(r == -2, "no such cwd: %d" % r)
        srv.expect(r"cannot chdir to /nonexistent/dir")
        # a POLLPRI without a request: nothing happens, relay goes on
        dev.send(b"!", socket.MSG_OOB)
        c.sendall(b"$?#3f")
        check(recv_exactly(dev, 5) == b"$?#3f", "still relaying")
        c.close()
    finally:
        srv.kill()
        fm.close()


def osdata_request(fm_dev, tmp, annex, offset, length):
    """Play the module asking for a piece of an "info os" table."""
    req = os.path.join(tmp, "oreq")
    res = os.path.join(tmp, "ores")
    if os.path.exists(res):
        os.unlink(res)
    with open(req + ".new", "wb") as f:
        f.write(b"%d %d\n" % (offset, length) + annex)
    os.rename(req + ".new", req)
    fm_dev.send(b"!", socket.MSG_OOB)
    end = time.time() + TIMEOUT
    while time.time() < end:
        if os.path.exists(res):
            with open(res, "rb") as f:
                data = f.read()
            head, _, body = data.partition(b"\n")
            err, n = (int(x) for x in head.split())
            check(len(body) == n, "answer length %d, header %d" %
                  (len(body), n))
            check(not os.path.exists(req), "osdata request taken")
            return err, body
        time.sleep(0.02)
    raise Fail("no answer to the osdata request")


@test
def osdata_served_by_relay():
    tmp = tempfile.mkdtemp(prefix="ugdb-osdata-")
    fm = FakeModule()
    env = {"UGDB_DEVICE": fm.path,
           "UGDB_FAKE_OSDATA_REQUEST": os.path.join(tmp, "oreq"),
           "UGDB_FAKE_OSDATA_RESULT": os.path.join(tmp, "ores")}
    srv = Server(["--multi", "127.0.0.1:0"], env=env)
    try:
        dev = fm.session()
        c = connect(listening_port(srv))
        err, doc = osdata_request(dev, tmp, b"", 0, 0x4000)
        check(err == 0 and doc.startswith(b'<osdata type="types">\n'
                                          b'<item><column name="Type">'
                                          b'cpus</column>'),
              "list of tables: %r" % doc[:80])
        check(doc.endswith(b"</osdata>\n") and doc.count(b"<item>") == 10,
              "ten tables: %r" % doc[-80:])
        # pieces of one copy; at most the length asked
        err, a = osdata_request(dev, tmp, b"processes", 0, 50)
        check(err == 0 and len(a) == 50, "first piece: %r" % a)
        err, b = osdata_request(dev, tmp, b"processes", 50, 50)
        check(err == 0 and len(b) == 50, "second piece: %r" % b)
        check((a + b).startswith(b'<osdata type="processes">\n<item>'
                                 b'<column name="pid">'),
              "pieces fit together: %r" % (a + b))
        check(b'<column name="pid">%d</column>' % srv.p.pid in
              osdata_request(dev, tmp, b"processes", 0, 1 << 20)[1],
              "the relay lists itself")
        # an unknown table, a read past the end: no data
        check(osdata_request(dev, tmp, b"nosuch", 0, 100) == (0, b""),
              "unknown table")
        check(osdata_request(dev, tmp, b"", 1 << 30, 100) == (0, b""),
              "past the end")
        # the relay goes on relaying
        c.sendall(b"$?#3f")
        check(recv_exactly(dev, 5) == b"$?#3f", "still relaying")
        c.close()
    finally:
        srv.kill()
        fm.close()


def main():
    global SERVER
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-2])
        return 2
    SERVER = os.path.abspath(sys.argv[1])
    only = sys.argv[2:]
    passed = failed = 0
    for t in TESTS:
        if only and not any(o in t.__name__ for o in only):
            continue
        try:
            t()
        except Exception as e:
            failed += 1
            print("FAIL %s: %s" % (t.__name__, e))
            if not isinstance(e, Fail):
                traceback.print_exc(file=sys.stdout)
        else:
            passed += 1
            print("PASS %s" % t.__name__)
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
