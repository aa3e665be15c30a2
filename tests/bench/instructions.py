#!/usr/bin/env python3
"""Instructions per request of the API process, counted by valgrind's callgrind.

Requests per second move by up to a factor of two within minutes on a shared 2-core machine,
which hides any change worth less than that. The number of instructions the server executes per
request does not move: callgrind counts them (user space only: the kernel's share of sockets and
the database server's work are not in it), the same for the same binary, data and requests
whatever else the machine is doing. So a change to the hot path is judged here first, by a
deterministic figure, and by `compare.py` for what it does to throughput.

What it does:
  1. builds the release binary (or takes `--binary`);
  2. loads the SYNTHETIC data set (`api demo-data --placements N`) into a fresh SQLite file, or
     uses `--database-url` (a database the caller prepared, with the account below);
  3. starts the binary under `valgrind --tool=callgrind`, signs in as the secretariat, and for
     each canonical query of `compare.py` sends `--warmup` requests, zeroes the counters, sends
     `--requests` requests one after another and dumps the counters;
  4. prints the instructions per request of each query (the whole process: every thread).

Needs valgrind (`apt-get install valgrind`). About three minutes at the defaults.

    python3 tests/bench/instructions.py [--binary PATH] [--placements N] [--requests N]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (the canonical queries, the account and the helpers)


def counted(out_dir, pid, part):
    """The instruction count of callgrind's dump `part` of process `pid`."""
    path = os.path.join(out_dir, f"callgrind.out.{pid}.{part}")
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.path.exists(path):
            with open(path, errors="replace") as f:
                for line in f:
                    if line.startswith("summary:") or line.startswith("totals:"):
                        return int(line.split()[1])
        time.sleep(0.2)
    raise SystemExit(f"callgrind wrote no {path}")


def send(url, body, token, n):
    for _ in range(n):
        req = urllib.request.Request(url, data=body, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(req, timeout=120) as r:
            answer = json.loads(r.read())
        if answer.get("errors"):
            raise SystemExit(f"the query failed: {answer['errors']}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", help="an api binary to measure instead of building the release one")
    p.add_argument("--placements", type=int, default=100_000)
    p.add_argument("--database-url", help="a prepared database (default: a fresh SQLite file)")
    p.add_argument("--requests", type=int, default=200, help="counted requests per query")
    p.add_argument("--warmup", type=int, default=50, help="requests per query before counting")
    args = p.parse_args()

    if subprocess.run(["which", "valgrind"], capture_output=True).returncode != 0:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    if args.binary:
        compare.API = os.path.abspath(args.binary)
    else:
        compare.run(["cargo", "build", "--release", "-q", "-p", "api"], cwd=compare.ROOT)

    with tempfile.TemporaryDirectory(prefix="alliance-instructions-") as work:
        url = args.database_url or f"sqlite://{work}/bench.sqlite"
        api = compare.Api(work, url, "callgrind")
        if not args.database_url:
            compare.load(api, args.placements)
        out_dir = os.path.join(work, "callgrind")
        os.makedirs(out_dir)
        env = dict(api.env, BIND_ADDR=f"127.0.0.1:{api.port}")
        proc = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--quiet",
             f"--callgrind-out-file={out_dir}/callgrind.out.%p", compare.API],
            env=env, stdout=subprocess.DEVNULL)
        try:
            compare.wait_http(f"http://127.0.0.1:{api.port}/readyz", seconds=300)
            token = api.token("bench@example.org")
            rows = []
            for part, (name, query, _peer, _rows, _floor) in enumerate(compare.CANONICAL, 1):
                body = json.dumps({"query": query}).encode()
                send(api.url, body, token, args.warmup)
                subprocess.run(["callgrind_control", "-z", str(proc.pid)],
                               check=True, capture_output=True)
                send(api.url, body, token, args.requests)
                subprocess.run(["callgrind_control", "-d", str(proc.pid)],
                               check=True, capture_output=True)
                total = counted(out_dir, proc.pid, part)
                rows.append((name, total // args.requests))
                compare.log(f"{name}: {total // args.requests:,} instructions per request")
        finally:
            proc.terminate()
            proc.wait(timeout=60)
        backend = "SQLite" if url.startswith("sqlite") else "PostgreSQL"
        print(f"\nInstructions per request, API process, {backend}, "
              f"{args.requests} sequential requests after {args.warmup}:")
        for name, per in rows:
            print(f"| {name} | {per:,} |")


if __name__ == "__main__":
    main()
