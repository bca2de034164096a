"""Latency and load of `numdiff-plot serve` on loopback, with the standard
library only.

Starts `BINARY serve --port 0`, then
1. latency: REPEAT requests of each panel's figure with the book's flags,
   one at a time: p50, p95 and the slowest, in milliseconds;
2. load: CLIENTS threads each sending REQUESTS figure requests (the
   figures in turn) at once: percentiles, errors, requests per second, and
   the server's peak resident memory (VmHWM from /proc).
Prints a Markdown table of each. Every loop is bounded; the server is
stopped at the end.

    python3 python/benchmarks/serve_load.py target/release/numdiff-plot
    python3 python/benchmarks/serve_load.py BINARY --repeat 50 --clients 4 --requests 500
"""

import argparse
import http.client
import json
import subprocess
import sys
import threading
import time

FIGURES = [
    "loss", "sigmoid", "tangent", "surface", "quiver", "descent", "simplenet", "error",
]
# The page's typical moves: a learning rate that diverges, a small h, another x.
MOVED = [
    "descent?lr=10&steps=20", "tangent?x=10", "error?x=2", "quiver?at=1,1",
]


def percentile(values, p):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def get(address, target):
    """One GET on a new connection: (status, milliseconds)."""
    host, port = address.rsplit(":", 1)
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        conn.request("GET", target)
        response = conn.getresponse()
        body = response.read()
        status = response.status
        if status == 200:
            json.loads(body)
    finally:
        conn.close()
    return status, (time.perf_counter() - started) * 1000


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()

    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        line = server.stdout.readline()
        address = line.split("http://", 1)[1].split("/", 1)[0]

        print("| request | p50 ms | p95 ms | slowest ms |")
        print("|---|--:|--:|--:|")
        for name in FIGURES + MOVED:
            target = "/api/figure/" + name
            get(address, target)  # the first of each, warming caches, is not counted
            times = []
            for _ in range(args.repeat):
                status, ms = get(address, target)
                assert status == 200, (target, status)
                times.append(ms)
            print(f"| `{name}` | {percentile(times, 50):.1f} | {percentile(times, 95):.1f} "
                  f"| {max(times):.1f} |")

        times, errors, lock = [], [], threading.Lock()
        targets = ["/api/figure/" + name for name in FIGURES + MOVED]

        def client(k):
            for i in range(args.requests):
                target = targets[(k + i) % len(targets)]
                try:
                    status, ms = get(address, target)
                except OSError as e:
                    status, ms = str(e), 0
                with lock:
                    (times.append(ms) if status == 200 else errors.append(status))

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        total = args.clients * args.requests
        print()
        print("| clients × requests | errors | p50 ms | p95 ms | p99 ms | slowest ms "
              "| requests/s | server peak RSS |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        print(f"| {args.clients} × {args.requests} | {len(errors)} "
              f"| {percentile(times, 50):.1f} | {percentile(times, 95):.1f} "
              f"| {percentile(times, 99):.1f} | {max(times):.1f} | {total / wall:.0f} "
              f"| {peak_rss_mib(server.pid):.1f} MiB |")
        if errors:
            print("errors:", sorted(set(map(str, errors))), file=sys.stderr)
            return 1
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
