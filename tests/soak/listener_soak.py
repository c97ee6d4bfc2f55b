#!/usr/bin/env python3
"""Soak of the agent's HTTP listener: the real `dnswatch --headless` under a mixed hostile load.

Usage: listener_soak.py DNSWATCH_BINARY [SECONDS]   (default 180)

Everything stays on loopback: the agent listens on 127.0.0.1, the normal client connects from
127.0.0.1 and the hostile ones from other loopback addresses (127.0.0.2 to 127.0.0.9), so the
agent sees them as different clients. Every loop is bounded by the deadline and the script stops
by itself. For the whole run:
  - idle holders open more connections than the agent has slots and send nothing;
  - askers send one request every few seconds on each of their connections and never close;
  - drippers send a request's head a few bytes at a time;
  - garbage senders write random bytes and oversized heads;
  - pipeliners write bursts of pipelined requests, sometimes without reading the answers;
  - the normal client asks /healthz four times a second (and /readyz, /metrics now and then),
    each on a new connection with a timeout, like a prober or Prometheus would.
It checks that no normal request went unanswered within NORMAL_TIMEOUT_S (no lockout), and that
the agent's resident memory (VmRSS from /proc/PID/status, sampled every second) did not grow by
more than RSS_GROWTH_BOUND_KIB between the end of the warm-up (the first fifth of the run, at
least 10 s) and the end (each the median of 5 samples). It prints a table of what it measured.
Exit code 0 when both checks pass, 1 when one fails, 2 when the agent did not start.
"""
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

NORMAL_TIMEOUT_S = 5.0
RSS_GROWTH_BOUND_KIB = 8 * 1024
HOSTILE = {
    "holder": ["127.0.0.2", "127.0.0.3", "127.0.0.4"],
    "asker": ["127.0.0.5", "127.0.0.6"],
    "dripper": ["127.0.0.7"],
    "garbage": ["127.0.0.8"],
    "pipeliner": ["127.0.0.9"],
}
CONFIG = """{
  "probes": {"check_timeout_ms": 1000},
  "targets": [{"name": "self", "host": "localhost", "interval_s": 5, "critical": false}]
}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Soak:
    def __init__(self, port, deadline):
        self.port = port
        self.deadline = deadline
        self.opened = {role: 0 for role in HOSTILE}
        self.normal_ok = 0
        self.normal_failed = []
        self.latencies = []

    def running(self):
        return time.monotonic() < self.deadline

    async def connect(self, source):
        return await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", self.port, local_addr=(source, 0)), 5)

    async def hold(self, role, source, session):
        """Keeps one connection open as long as the run lasts, reconnecting when closed."""
        while self.running():
            try:
                reader, writer = await self.connect(source)
            except (OSError, asyncio.TimeoutError):
                await asyncio.sleep(0.2)
                continue
            self.opened[role] += 1
            try:
                await session(reader, writer)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                pass
            finally:
                writer.close()
            await asyncio.sleep(random.uniform(0.3, 0.7))

    async def idle(self, reader, writer):
        while self.running() and not reader.at_eof():
            try:
                await asyncio.wait_for(reader.read(1024), 1)
            except asyncio.TimeoutError:
                pass

    async def ask(self, reader, writer):
        while self.running():
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            await writer.drain()
            answer = await asyncio.wait_for(reader.read(4096), 10)
            if not answer:
                return
            await asyncio.sleep(random.uniform(2, 4))

    async def drip(self, reader, writer):
        head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
        for at in range(0, len(head), 3):
            if not self.running() or reader.at_eof():
                return
            writer.write(head[at:at + 3])
            await writer.drain()
            await asyncio.sleep(0.5)

    async def garbage(self, reader, writer):
        kind = random.randrange(3)
        if kind == 0:
            writer.write(os.urandom(random.randrange(1, 4096)))
        elif kind == 1:
            writer.write(b"GET /healthz HTTP/1.1\r\nX-Big: " + b"b" * 100000 + b"\r\n\r\n")
        else:
            writer.write(b"POST /metrics HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789")
        await writer.drain()
        await asyncio.wait_for(reader.read(65536), 5)

    async def pipeline(self, reader, writer):
        request = b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        writer.write(request * random.randrange(2, 40))
        await writer.drain()
        if random.random() < 0.5:
            await asyncio.sleep(random.uniform(0.5, 3))  # without reading the answers
        while self.running():
            if not await asyncio.wait_for(reader.read(65536), 10):
                return

    async def normal(self):
        paths = ["/healthz"] * 6 + ["/readyz", "/metrics"]
        while self.running():
            path = random.choice(paths)
            started = time.monotonic()
            try:
                reader, writer = await self.connect("127.0.0.1")
                writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                             .encode())
                await writer.drain()
                answer = await asyncio.wait_for(reader.read(), NORMAL_TIMEOUT_S)
                writer.close()
                if not re.match(rb"HTTP/1\.1 (200|503) ", answer):
                    raise OSError(f"answer {answer[:40]!r}")
                self.normal_ok += 1
                self.latencies.append(time.monotonic() - started)
            except (OSError, asyncio.TimeoutError) as error:
                self.normal_failed.append(f"{path}: {error!r}")
            await asyncio.sleep(max(0.0, 0.25 - (time.monotonic() - started)))

    async def run(self):
        tasks = [asyncio.create_task(self.normal())]
        sessions = {"holder": (self.idle, 30), "asker": (self.ask, 24),
                    "dripper": (self.drip, 12), "garbage": (self.garbage, 4),
                    "pipeliner": (self.pipeline, 4)}
        for role, (session, each) in sessions.items():
            for source in HOSTILE[role]:
                tasks += [asyncio.create_task(self.hold(role, source, session))
                          for _ in range(each)]
        await asyncio.gather(*tasks, return_exceptions=True)


def scrape(port):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    binary = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) == 3 else 180
    warmup = max(10, seconds // 5)
    port = free_port()
    with tempfile.TemporaryDirectory() as scratch:
        config = os.path.join(scratch, "soak.json")
        with open(config, "w") as out:
            out.write(CONFIG)
        log = open(os.path.join(scratch, "agent.log"), "w+")
        agent = subprocess.Popen([binary, "--headless", "--config", config,
                                  "--listen", f"127.0.0.1:{port}"],
                                 stdout=log, stderr=subprocess.STDOUT,
                                 env=dict(os.environ, DNSWATCH_FALLBACK_IPS=""))
        try:
            for _ in range(100):
                try:
                    scrape(port)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                print("soak: the agent did not start listening", file=sys.stderr)
                return 2
            soak = Soak(port, time.monotonic() + seconds)
            samples = []

            async def sample():
                started = time.monotonic()
                while soak.running():
                    samples.append((time.monotonic() - started, rss_kib(agent.pid)))
                    await asyncio.sleep(1)

            async def everything():
                await asyncio.gather(soak.run(), sample())

            asyncio.run(everything())
            closed = dict(re.findall(
                r'dnswatch_http_connections_closed_total\{reason="(\w+)"\} (\d+)', scrape(port)))
            alive = agent.poll() is None
        finally:
            agent.terminate()
            try:
                agent.wait(10)
            except subprocess.TimeoutExpired:
                agent.kill()
        log.seek(0)
        summaries = [line for line in log if "closed or refused" in line]

    after = [kib for at, kib in samples if at >= warmup]
    start = statistics.median(after[:5]) if after else 0
    end = statistics.median(after[-5:]) if after else 0
    peak = max((kib for _, kib in samples), default=0)
    growth = end - start
    lat = sorted(soak.latencies)
    pct = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0)
    no_lockout = not soak.normal_failed and soak.normal_ok > 0 and alive
    flat = bool(after) and growth <= RSS_GROWTH_BOUND_KIB
    mib = lambda kib: f"{kib / 1024:.1f} MiB"
    rows = [
        ("duration", f"{seconds} s (warm-up {warmup} s)"),
        ("normal requests", f"{soak.normal_ok} answered, {len(soak.normal_failed)} not within "
                            f"{NORMAL_TIMEOUT_S:.0f} s"),
        ("normal latency", f"p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, "
                           f"max {pct(1.0):.1f} ms"),
        ("hostile connections", ", ".join(f"{role} {n}" for role, n in soak.opened.items())),
        ("closed by the agent", ", ".join(f"{r} {n}" for r, n in closed.items() if n != "0")
         or "none"),
        ("log summaries", f"{len(summaries)} line(s)"),
        ("RSS after warm-up", mib(start)),
        ("RSS at the end", mib(end)),
        ("RSS peak", mib(peak)),
        ("RSS growth", f"{mib(growth)} (bound {mib(RSS_GROWTH_BOUND_KIB)})"),
        ("no lockout", "ok" if no_lockout else "FAILED"),
        ("flat memory", "ok" if flat else "FAILED"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    for failure in soak.normal_failed[:10]:
        print(f"  unanswered: {failure}")
    if not alive:
        print("  the agent exited during the soak")
    print(f"soak: {int(no_lockout) + int(flat)} passed, {2 - int(no_lockout) - int(flat)} failed")
    return 0 if no_lockout and flat else 1


if __name__ == "__main__":
    sys.exit(main())
