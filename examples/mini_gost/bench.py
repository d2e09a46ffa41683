#!/usr/bin/env python3
"""Throughput and per-connection cost of mini_gost, against direct loopback.

    bench.py --bin path/to/mini_gost [options]      the measurement
    bench.py --bin path/to/mini_gost --smoke        a few seconds: every path works

In one run, on 127.0.0.1:
  * single stream: one download of --size MiB, directly from a source server
    and through one and two mini_gost hops, for HTTP CONNECT and SOCKS5.
    The paths are interleaved, --rounds times, so that a change in the
    machine's speed hits every path alike; the report gives each path's
    median MiB/s and the median of its per-round ratios to the direct figure
    of the same round.
  * parallel: --parallel downloads of --parallel-size KiB started at once
    (connect, proxy handshake, transfer), --parallel-rounds times per path;
    aggregate MiB/s, ratio to direct, and failed transfers.
  * per-connection cost: --idle connections held open against a freshly
    started mini_gost, accepted ones that never send a request, or (with
    another fresh one) idle CONNECT tunnels; the growth of its descriptors
    (/proc/PID/fd), threads (/proc/PID/task) and resident memory (VmRSS),
    divided by the number of connections.

Topology: a source server (this script, in a process of its own) sends the
requested number of bytes to whoever asks; "1 hop" goes through one
mini_gost (-L http -L socks5), "2 hops" through a mini_gost whose chain has
a second one (-F http://...). The client is this script, one blocking socket
per transfer (a thread each for the parallel runs).

--smoke shrinks everything, checks the bytes of every transfer against the
source's pattern, and prints "mini_gost bench smoke: PASS"; CTest runs it.
Exit status 1 when a transfer failed. The goals (1 hop >= 0.8x direct, 2 hops
>= 0.6x, no failed parallel transfer) are reported, not enforced: figures
depend on the machine. Only the standard library is used.
"""

import argparse
import hashlib
import os
import random
import re
import resource
import selectors
import signal
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # importing the test driver must not write into the source tree
from test_mini_gost import socks5_connect  # noqa: E402

MIB = 1 << 20
BLOCK = random.Random(17).randbytes(MIB)  # the source repeats this block
TIMEOUT = 120  # seconds any socket operation may block


# ---------------------------------------------------------------------------
# The source server (runs in its own process: bench.py --serve)


class SourceHandler(socketserver.BaseRequestHandler):
    """Reads "<n>\\n", sends n bytes of the pattern, closes. A connection that
    never sends a request is simply held until the client closes it."""

    def handle(self):
        sock = self.request
        line = b""
        while not line.endswith(b"\n"):
            chunk = sock.recv(64)
            if not chunk:
                return
            line += chunk
        left = int(line)
        view = memoryview(BLOCK)
        while left > 0:
            n = min(left, MIB)
            sock.sendall(view[:n])
            left -= n


class SourceServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 4096


def serve():
    srv = SourceServer(("127.0.0.1", 0), SourceHandler)
    print(srv.server_address[1], flush=True)
    srv.serve_forever()


def expected_digest(n):
    h = hashlib.sha256()
    while n > 0:
        k = min(n, MIB)
        h.update(BLOCK[:k])
        n -= k
    return h.hexdigest()


# ---------------------------------------------------------------------------
# Processes


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def read_ports(proc, count, what):
    """The ports a child prints on stdout: bare numbers (the source) or
    mini_gost's "listening on" lines."""
    ports, buf = [], b""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 30
    while len(ports) < count:
        if time.monotonic() > deadline or not sel.select(deadline - time.monotonic()):
            raise RuntimeError("%s did not report its ports" % what)
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            raise RuntimeError("%s exited early with status %s" % (what, proc.poll()))
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            m = re.match(rb"(?:mini_gost: listening on \w+://.*:)?(\d+)$", line.strip())
            if m:
                ports.append(int(m.group(1)))
    sel.close()
    return ports


class Procs:
    """Every child started, stopped together (mini_gost gets SIGTERM and must
    exit with status 0)."""

    def __init__(self):
        self.all = []

    def start(self, args, count, what):
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True)
        self.all.append((proc, what))
        return proc, read_ports(proc, count, what)

    def stop(self):
        bad = []
        for proc, what in self.all:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc, what in self.all:
            try:
                status = proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                status = proc.wait()
            if what.startswith("mini_gost") and status != 0:
                bad.append("%s exited with status %s" % (what, status))
        return bad


# ---------------------------------------------------------------------------
# The client


def http_connect(sock, target_port):
    """Asks an HTTP proxy for a tunnel to 127.0.0.1:target_port. Returns the
    bytes that arrived past its reply (the start of the data)."""
    sock.sendall(b"CONNECT 127.0.0.1:%d HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % (target_port, target_port))
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("proxy closed before its reply")
        head += chunk
    head, rest = head.split(b"\r\n\r\n", 1)
    if not re.match(rb"HTTP/1\.[01] 200", head):
        raise ConnectionError("proxy refused: %r" % head.split(b"\r\n")[0])
    return rest


def open_path(path, source_port):
    """A socket through `path` ((kind, port) of the first hop, or None for a
    direct connection) to the source. Returns (socket, early data)."""
    if path is None:
        return socket.create_connection(("127.0.0.1", source_port), timeout=TIMEOUT), b""
    kind, port = path
    if kind == "socks5":
        mrep, rep, sock = socks5_connect(port, 1, socket.inet_aton("127.0.0.1"), source_port)
        sock.settimeout(TIMEOUT)
        if mrep != b"\x05\x00" or len(rep) < 2 or rep[1] != 0:
            sock.close()
            raise ConnectionError("socks5 refused: method reply %r, request reply %r" % (mrep, rep))
        return sock, b""
    sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    try:
        return sock, http_connect(sock, source_port)
    except BaseException:
        sock.close()
        raise


def download(path, source_port, size, verify, buf):
    """Fetches `size` bytes from the source through `path`; raises on any
    failure (a short or, with verify, a wrong stream)."""
    sock, early = open_path(path, source_port)
    with sock:
        sock.sendall(b"%d\n" % size)
        got = len(early)
        h = hashlib.sha256(early) if verify else None
        view = memoryview(buf)
        while True:
            n = sock.recv_into(view)
            if n == 0:
                break
            got += n
            if h:
                h.update(view[:n])
    if got != size:
        raise ConnectionError("got %d bytes of %d" % (got, size))
    if h and h.hexdigest() != expected_digest(size):
        raise ConnectionError("the bytes differ from what the source sent")


def single(path, source_port, size, verify):
    buf = bytearray(4 * MIB)
    t0 = time.perf_counter()
    download(path, source_port, size, verify, buf)
    return size / MIB / (time.perf_counter() - t0)


def parallel(path, source_port, count, size, verify):
    """`count` downloads started together; returns (MiB/s, failures)."""
    start = threading.Barrier(count + 1)
    failures = []
    lock = threading.Lock()

    def one():
        start.wait()
        try:
            download(path, source_port, size, verify, bytearray(256 * 1024))
        except Exception as e:  # noqa: BLE001 - every failure is counted
            with lock:
                failures.append(repr(e))

    threads = [threading.Thread(target=one, daemon=True) for _ in range(count)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    return count * size / MIB / elapsed, failures


# ---------------------------------------------------------------------------
# Per-connection cost


def proc_figures(pid):
    """(descriptors, threads, VmRSS in KiB) of a process."""
    fds = len(os.listdir("/proc/%d/fd" % pid))
    threads = len(os.listdir("/proc/%d/task" % pid))
    rss = 0
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    return fds, threads, rss


def settled(pid):
    """The figures once they stop moving (sampled every 100 ms)."""
    last, same = None, 0
    for _ in range(100):
        now = proc_figures(pid)
        same = same + 1 if now == last else 0
        if same >= 3:
            break
        last = now
        time.sleep(0.1)
    return last


def open_idle(kind, port, source_port, count):
    """`count` idle connections to mini_gost at `port`: accepted ones that
    never send a request, or CONNECT tunnels to the source that carry
    nothing."""
    socks = []
    try:
        for _ in range(count):
            if kind == "accepted":
                socks.append(socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT))
            else:
                socks.append(open_path(("http", port), source_port)[0])
    except BaseException:
        for s in socks:
            s.close()
        raise
    return socks


def connection_cost(start, source_port, count):
    """Per-connection growth of the figures of a fresh mini_gost (`start()`
    gives its process and port), one per kind: `count` accepted connections
    that send nothing, and `count` idle CONNECT tunnels."""
    rows = []
    for kind, what in (("accepted", "accepted, no request yet"), ("tunnel", "idle CONNECT tunnel")):
        proc, port = start()
        before = settled(proc.pid)
        socks = open_idle(kind, port, source_port, count)
        after = settled(proc.pid)
        for s in socks:
            s.close()
        rows.append((what,) + tuple((a - b) / count for a, b in zip(after, before)))
    return rows


# ---------------------------------------------------------------------------
# The run


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", help="the mini_gost binary (a Release build for figures)")
    ap.add_argument("--size", type=int, default=1024, help="MiB per single-stream transfer (1024)")
    ap.add_argument("--rounds", type=int, default=5, help="single-stream rounds (5)")
    ap.add_argument("--parallel", type=int, default=1000, help="transfers in a parallel run (1000)")
    ap.add_argument("--parallel-size", type=int, default=1024, help="KiB per parallel transfer (1024)")
    ap.add_argument("--parallel-rounds", type=int, default=3, help="parallel rounds (3)")
    ap.add_argument("--idle", type=int, default=500, help="connections for the cost figures; 0 skips (500)")
    ap.add_argument("--verify", action="store_true", help="check every byte (costs CPU on the client)")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, verified: a quick check that all paths work")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve()
        return 0
    if not args.bin:
        ap.error("--bin is required")
    if args.smoke:
        args.size, args.rounds, args.parallel, args.parallel_size = 4, 1, 50, 64
        args.parallel_rounds, args.idle, args.verify = 1, 20, True
    raise_fd_limit()

    procs = Procs()
    try:
        _, (source,) = procs.start([sys.executable, os.path.abspath(__file__), "--serve"], 1, "source")
        quiet = ["-q", "--grace", "1s"]
        _, one_ports = procs.start([args.bin, "-L", "http://127.0.0.1:0", "-L", "socks5://127.0.0.1:0"] + quiet,
                                     2, "mini_gost (1 hop)")
        _, (second,) = procs.start([args.bin, "-L", "http://127.0.0.1:0"] + quiet, 1, "mini_gost (2nd hop)")
        _, two_ports = procs.start([args.bin, "-L", "http://127.0.0.1:0", "-L", "socks5://127.0.0.1:0",
                                    "-F", "http://127.0.0.1:%d" % second] + quiet, 2, "mini_gost (2 hops)")
        paths = [("direct", None, 1.0),
                 ("http, 1 hop", ("http", one_ports[0]), 0.8),
                 ("http, 2 hops", ("http", two_ports[0]), 0.6),
                 ("socks5, 1 hop", ("socks5", one_ports[1]), 0.8),
                 ("socks5, 2 hops", ("socks5", two_ports[1]), 0.6)]

        def start_fresh():
            proc, (port,) = procs.start([args.bin, "-L", "http://127.0.0.1:0"] + quiet, 1, "mini_gost (cost)")
            return proc, port

        failed = run(args, paths, source, start_fresh)
    finally:
        failed_exits = procs.stop()
    for line in failed_exits:
        print("FAIL: " + line)
    ok = not failed and not failed_exits
    if args.smoke:
        print("mini_gost bench smoke: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


def run(args, paths, source, start_fresh):
    """Measures and prints; returns the number of failed transfers."""
    failed = 0
    print("single stream: %d MiB per transfer, %d rounds, interleaved" % (args.size, args.rounds), flush=True)
    speeds = {name: [] for name, _, _ in paths}
    ratios = {name: [] for name, _, _ in paths}
    for _ in range(args.rounds):
        direct = None
        for name, path, _ in paths:
            try:
                mib_s = single(path, source, args.size * MIB, args.verify)
            except Exception as e:  # noqa: BLE001
                print("FAIL: %s: %r" % (name, e), flush=True)
                failed += 1
                continue
            direct = mib_s if path is None else direct
            speeds[name].append(mib_s)
            if direct:
                ratios[name].append(mib_s / direct)
    print("  %-16s %10s %8s %6s  %s" % ("path", "MiB/s", "ratio", "goal", "rounds (MiB/s)"))
    for name, path, goal in paths:
        if not speeds[name]:
            continue
        ratio = statistics.median(ratios[name]) if ratios[name] else float("nan")
        mark = "-" if path is None else ("met" if ratio >= goal else "MISSED")
        print("  %-16s %10.0f %8.2f %6s  %s" % (name, statistics.median(speeds[name]), ratio, mark,
                                              " ".join("%.0f" % s for s in speeds[name])), flush=True)

    print("parallel: %d transfers of %d KiB started at once, %d rounds, interleaved" %
          (args.parallel, args.parallel_size, args.parallel_rounds), flush=True)
    speeds = {name: [] for name, _, _ in paths}
    failures = {name: [] for name, _, _ in paths}
    for _ in range(args.parallel_rounds):
        for name, path, _ in paths:
            mib_s, failed_now = parallel(path, source, args.parallel, args.parallel_size * 1024, args.verify)
            speeds[name].append(mib_s)
            failures[name] += failed_now
    print("  %-16s %10s %8s %9s  %s" % ("path", "MiB/s", "ratio", "failures", "rounds (MiB/s)"))
    direct = statistics.median(speeds["direct"])
    for name, _, _ in paths:
        failed += len(failures[name])
        median = statistics.median(speeds[name])
        print("  %-16s %10.0f %8.2f %9d  %s" % (name, median, median / direct, len(failures[name]),
                                                 " ".join("%.0f" % s for s in speeds[name])), flush=True)
        for f in sorted(set(failures[name]))[:5]:
            print("FAIL: %s: %s" % (name, f), flush=True)

    if args.idle > 0:
        print("per connection, a fresh mini_gost for each kind, %d connections:" % args.idle, flush=True)
        print("  %-26s %12s %9s %14s" % ("connection", "descriptors", "threads", "VmRSS (KiB)"))
        for what, fds, threads, rss in connection_cost(start_fresh, source, args.idle):
            print("  %-26s %12.2f %9.2f %14.1f" % (what, fds, threads, rss), flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(main())
