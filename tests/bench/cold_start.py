#!/usr/bin/env python3
"""Cold-start benchmark: time from starting the release binary on an empty data directory until it
answers `{ memberUnits(first: 100) { totalCount } }` (migrations and seeds included), then the same
for a restart on the seeded database.

    cargo build --release -p api && python3 tests/bench/cold_start.py
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

BIN = os.path.join(os.path.dirname(__file__), "..", "..", "target", "release", "api")
ADDR = "127.0.0.1:18181"
BODY = json.dumps({"query": "{ memberUnits(first: 100) { totalCount } }"}).encode()


def ask():
    req = urllib.request.Request(f"http://{ADDR}/graphql", data=BODY, headers={"content-type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=1))


def start_and_wait(env):
    t0 = time.time()
    proc = subprocess.Popen([BIN], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t0 + 60
    while True:
        try:
            data = ask()
            break
        except Exception:
            if time.time() > deadline:
                proc.kill()
                sys.exit("no answer within 60 s")
            time.sleep(0.005)
    elapsed = time.time() - t0
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    return elapsed, data


with tempfile.TemporaryDirectory() as data_dir:
    env = dict(os.environ, DATA_DIR=data_dir, BIND_ADDR=ADDR)
    env.pop("DATABASE_URL", None)
    first, data = start_and_wait(env)
    assert data["data"]["memberUnits"]["totalCount"] == 177, data
    again, _ = start_and_wait(env)
    print(f"first start (migrate + seed 177 units): answered in {first * 1000:.0f} ms")
    print(f"restart (already seeded):              answered in {again * 1000:.0f} ms")
