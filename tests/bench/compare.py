#!/usr/bin/env python3
"""Throughput of this API beside PostGraphile v5 and a hand-written SQL floor, on one database.

    python3 tests/bench/compare.py                      # 100,000 placements, PostgreSQL + SQLite
    python3 tests/bench/compare.py --placements 1000000 --skip-sqlite --only-views

What it does, from a clean clone (nothing here runs in CI):
  1. builds the release binary (`cargo build --release -p api`);
  2. starts a throwaway PostgreSQL cluster (Debian's `postgresql`: initdb/pg_ctl; as the
     `postgres` user when run as root) in a temporary folder, on a free loopback port;
  3. loads the SYNTHETIC data set (`api demo-data --placements N`: members from the seeds, then
     order classes, sponsors, enrolments, students, placements, sites, stations, events and
     outcomes; labelled synthetic; refused on a database holding real rows);
  4. starts the API (pool of 16) with a secretariat's token, and, when `npm` is present,
     PostGraphile v5 (installed with Node.js 22 from the npm registry into
     ~/.cache/alliance-bench) on the same database with the same pool size, no token;
  5. runs `wrk -t2 -c16` (3 s warm-up, then 10 s) on the three canonical queries against both,
     and `pgbench -M prepared` of one SQL statement returning the same JSON (the floor);
  6. runs the committee views (`allianceCompliance`, `internshipRuleFindings`, `retention`,
     `internshipPostCompliance`, a school's placements page with a search) against the API and
     reports the API's peak memory (VmHWM);
  7. with SQLite (the embedded default): the same data set in a file, the three canonical
     queries against the API, compared with PostGraphile v5's figures of the same run.

Every answer is checked once before it is timed (no `errors`, the expected number of rows), so
a broken query cannot pass for a fast one. Needs: cargo, wrk, pgbench and PostgreSQL's server
binaries (`apt-get install wrk postgresql postgresql-contrib`); npm for the peer.
"""

import argparse
import glob
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
API = os.path.join(ROOT, "target", "release", "api")
PASSWORD = "Bench-Weihai-2026-synthetic!"
PEER_VERSION = "5.1.5"
CACHE = os.path.expanduser("~/.cache/alliance-bench")

# The three canonical queries: (name, this API's query, PostGraphile v5's query, expected rows,
# the floor's SQL returning the same JSON in one statement).
CANONICAL = [
    (
        "20 member units: id name kind district",
        "{ memberUnits(first: 20) { nodes { id name kind district } } }",
        "{ allMemberUnits(first: 20, orderBy: LIST_ORDER_ASC) { nodes { id name kind district } } }",
        20,
        """select json_agg(json_build_object('id', id, 'name', name, 'kind', kind, 'district', district))
           from (select id, name, kind, district from member_unit order by list_order limit 20) t""",
    ),
    (
        "20 order classes → school name, sponsors → seats + firm name, enrolled count",
        "{ orderClasses(first: 20) { nodes { name school { name } "
        "sponsors { nodes { seats enterprise { name } } } enrolledCount } } }",
        "{ allOrderClasses(first: 20, orderBy: PRIMARY_KEY_DESC) { nodes { name "
        "memberUnitBySchoolId { name } orderClassSponsorsByOrderClassId { nodes { seats "
        "memberUnitByEnterpriseId { name } } } enrolmentsByOrderClassId { totalCount } } } }",
        20,
        """select json_agg(json_build_object('name', c.name, 'school', s.name, 'sponsors', sp.j, 'enrolled', e.n))
           from (select id, name, school_id from order_class order by id desc limit 20) c
           join member_unit s on s.id = c.school_id
           cross join lateral (select json_agg(json_build_object('seats', o.seats, 'firm', f.name)) j
                               from order_class_sponsor o join member_unit f on f.id = o.enterprise_id
                               where o.order_class_id = c.id) sp
           cross join lateral (select count(*) n from enrolment where order_class_id = c.id) e""",
    ),
    (
        "50 placements → post, start, status, student name, school name, host name",
        "{ internshipPlacements(first: 50) { nodes { postTitle startDate status "
        "student { name } school { name } host { name } } } }",
        "{ allInternshipPlacements(first: 50, orderBy: PRIMARY_KEY_DESC) { nodes { postTitle "
        "startDate status studentByStudentId { name } memberUnitBySchoolId { name } "
        "memberUnitByHostUnitId { name } } } }",
        50,
        """select json_agg(json_build_object('post', p.post_title, 'start', p.start_date, 'status', p.status,
                                            'student', st.name, 'school', s.name, 'host', h.name))
           from (select * from internship_placement order by id desc limit 50) p
           join student st on st.id = p.student_id
           join member_unit s on s.id = p.school_id
           left join member_unit h on h.id = p.host_unit_id""",
    ),
]

# The committee views: (name, query, a function of the answer's `data` that must be true, and
# optionally "single": timed as three requests one after another, not under load, because one
# request checks a whole year).
VIEWS = [
    (
        "allianceCompliance(year: 2026)",
        "{ allianceCompliance(year: 2026) { rule applicable met } }",
        lambda d: len(d["allianceCompliance"]) > 0,
    ),
    (
        "internshipRuleFindings(year: 2025, first: 50)",
        "{ internshipRuleFindings(year: 2025, first: 50) { nodes { id postTitle "
        "ruleFindings { rule severity } } pageInfo { hasNextPage endCursor } } }",
        lambda d: len(d["internshipRuleFindings"]["nodes"]) == 50,
    ),
    (
        "internshipRuleFindings(year: 2025, first: 50) with totalCount",
        "{ internshipRuleFindings(year: 2025, first: 50) { totalCount nodes { id postTitle "
        "ruleFindings { rule severity } } } }",
        lambda d: len(d["internshipRuleFindings"]["nodes"]) == 50,
        "single",
    ),
    (
        "retention(year: 2025, groupBy: SCHOOL)",
        "{ retention(year: 2025, groupBy: SCHOOL) { label graduates employedInWeihai retentionRate } }",
        lambda d: len(d["retention"]) > 0,
    ),
    (
        "internshipPostCompliance(year: 2026)",
        "{ internshipPostCompliance(year: 2026) { firms { enterprise { name } placementsHosted "
        "requiredPosts meetsRule } sizeUnknown { name } } }",
        lambda d: d["internshipPostCompliance"] is not None,
    ),
    (
        "a school's placements page with a search for a host (school staff)",
        '{ internshipPlacements(first: 20, filter: { search: "SEARCH" }) '
        "{ nodes { postTitle student { name } host { name } } pageInfo { hasNextPage endCursor } } }",
        lambda d: len(d["internshipPlacements"]["nodes"]) > 0,
    ),
    (
        "a school's placements page with a search for a host, with totalCount (school staff)",
        '{ internshipPlacements(first: 20, filter: { search: "SEARCH" }) '
        "{ totalCount nodes { postTitle student { name } host { name } } } }",
        lambda d: len(d["internshipPlacements"]["nodes"]) > 0,
    ),
]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("$", " ".join(cmd) if isinstance(cmd, list) else cmd)
    return subprocess.run(cmd, check=True, **kw)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_http(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def post(url, query, token=None):
    req = urllib.request.Request(
        url,
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json",
                 **({"Authorization": f"Bearer {token}"} if token else {})},
    )
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def rows_of(data):
    """The `nodes` of the answer's one top-level connection."""
    (value,) = data.values()
    return value["nodes"]


class Postgres:
    """A throwaway cluster in a temporary folder."""

    def __init__(self, work):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
        if not bins:
            raise SystemExit("PostgreSQL's server is not installed (apt-get install postgresql)")
        self.bin = bins[-1]
        self.dir = os.path.join(work, "pg")
        os.makedirs(self.dir)
        self.root = os.geteuid() == 0
        if self.root:
            subprocess.run(["useradd", "--system", "--no-create-home", "postgres"],
                           stderr=subprocess.DEVNULL)
            shutil.chown(work, "postgres")
            shutil.chown(self.dir, "postgres")
        self.port = free_port()
        self.as_pg([f"{self.bin}/initdb", "-D", f"{self.dir}/data", "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"])
        self.as_pg([f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/log", "-w",
                    "-o", f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} "
                          "-c max_connections=200 -c shared_buffers=512MB -c fsync=off "
                          "-c synchronous_commit=off -c full_page_writes=off", "start"])
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def as_pg(self, cmd):
        if self.root:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        run(cmd, stdout=subprocess.DEVNULL)

    def psql(self, sql):
        return subprocess.run(["psql", self.url, "-Atc", sql], check=True, capture_output=True,
                              text=True).stdout.strip()

    def stop(self):
        self.as_pg([f"{self.bin}/pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "stop"])


class Api:
    """The release binary serving one database."""

    def __init__(self, work, database_url, name):
        self.data = os.path.join(work, f"api-{name}")
        os.makedirs(self.data, exist_ok=True)
        self.env = dict(os.environ, DATABASE_URL=database_url, DATA_DIR=self.data,
                        RUST_LOG="warn", DB_MAX_CONNECTIONS="16",
                        JWT_SECRET="bench-secret-bench-secret-bench-secret-0123")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/graphql"
        self.proc = None

    def command(self, *args, stdin=None):
        run([API, *args], env=self.env, input=stdin, text=True, stdout=sys.stderr)

    def start(self):
        env = dict(self.env, BIND_ADDR=f"127.0.0.1:{self.port}")
        self.proc = subprocess.Popen([API], env=env, stdout=subprocess.DEVNULL)
        wait_http(f"http://127.0.0.1:{self.port}/readyz")

    def token(self, email):
        answer = post(self.url, 'mutation { login(input: { email: "%s", password: "%s" }) '
                                '{ token } }' % (email, PASSWORD))
        return answer["data"]["login"]["token"]

    def peak_rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            status = f.read()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(timeout=15)


class PostGraphile:
    """PostGraphile v5 (amber preset) on Node.js 22 from the npm registry."""

    def __init__(self, work, database_url):
        self.home = os.path.join(CACHE, f"postgraphile-{PEER_VERSION}")
        node = os.path.join(self.home, "node_modules", ".bin", "node")
        if not os.path.exists(node):
            os.makedirs(self.home, exist_ok=True)
            run(["npm", "install", "--prefix", self.home, "--no-audit", "--no-fund",
                 "node@22", f"postgraphile@{PEER_VERSION}"], stdout=sys.stderr)
        self.port = free_port()
        # The config sits beside node_modules so that its imports resolve there.
        config = os.path.join(self.home, "graphile.config.mjs")
        with open(config, "w") as f:
            f.write("""
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
export default {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.BENCH_DATABASE_URL,
                               schemas: ["public"], poolConfig: { max: 16 } })],
  grafserv: { port: Number(process.env.BENCH_PORT), host: "127.0.0.1" },
};
""")
        self.url = f"http://127.0.0.1:{self.port}/graphql"
        env = dict(os.environ, NODE_ENV="production", GRAPHILE_ENV="production",
                   BENCH_DATABASE_URL=database_url, BENCH_PORT=str(self.port))
        self.proc = subprocess.Popen(
            [node, os.path.join(self.home, "node_modules", "postgraphile", "dist", "cli-run.js"),
             "-C", config], env=env, stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(work, "postgraphile.log"), "w"), cwd=self.home)
        deadline = time.time() + 120
        while True:
            try:
                post(self.url, "{ __typename }")
                break
            except Exception:
                if time.time() > deadline or self.proc.poll() is not None:
                    raise SystemExit("PostGraphile did not start")
                time.sleep(0.5)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=15)


def wrk(url, query, token, args, work):
    """(requests per second, p99 in ms) of `query` at `url`, after a warm-up."""
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                'wrk.body = os.getenv("BODY")\n'
                'local t = os.getenv("TOKEN")\n'
                'if t and #t > 0 then wrk.headers["Authorization"] = "Bearer " .. t end\n')
    env = dict(os.environ, BODY=json.dumps({"query": query}), TOKEN=token or "")
    base = ["wrk", "-t2", f"-c{args.connections}", "-s", script, "--latency", "--timeout", "30s"]
    subprocess.run(base + [f"-d{args.warmup}s", url], env=env, check=True, capture_output=True)
    out = subprocess.run(base + [f"-d{args.duration}s", url], env=env, check=True,
                         capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    failures = int(failed.group(1)) if failed else 0
    failures += int(timeouts.group(1)) if timeouts else 0
    figures = (rps, float(p99.group(1)) * scale, failures)
    log(f"  {rps:,.0f} requests/s, p99 {figures[1]:.1f} ms, {failures} failed")
    return figures


def floor(pg, sql, args, work):
    """Transactions per second of one prepared statement with pgbench."""
    script = os.path.join(work, "floor.sql")
    with open(script, "w") as f:
        f.write(" ".join(sql.split()) + ";\n")
    out = subprocess.run(["pgbench", "-n", "-M", "prepared", "-f", script,
                          f"-c{args.connections}", "-j2", f"-T{args.duration}", pg.url],
                         check=True, capture_output=True, text=True).stdout
    return float(re.search(r"tps = ([\d.]+)", out).group(1))


def check(url, query, token, expect):
    answer = post(url, query, token)
    if answer.get("errors"):
        raise SystemExit(f"{url}: {query}\n{json.dumps(answer['errors'], ensure_ascii=False)}")
    ok = expect(answer["data"]) if callable(expect) else len(rows_of(answer["data"])) == expect
    if not ok:
        raise SystemExit(f"{url}: unexpected answer to {query}")


def load(api, placements):
    started = time.time()
    api.command("demo-data", "--placements", str(placements))
    log(f"loaded in {time.time() - started:.0f} s")
    api.command("account", "create", "--email", "bench@example.org", "--role", "SECRETARIAT",
                stdin=PASSWORD + "\n")


def school_account(api, school):
    api.command("account", "create", "--email", "school@example.org", "--role", "SCHOOL_STAFF",
                "--unit", school, stdin=PASSWORD + "\n")


def table(title, header, rows):
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    sys.stdout.flush()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--placements", type=int, default=100_000)
    p.add_argument("--duration", type=int, default=10, help="seconds of each timed run")
    p.add_argument("--warmup", type=int, default=3, help="seconds of each warm-up run")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--no-peer", action="store_true", help="skip PostGraphile")
    p.add_argument("--skip-sqlite", action="store_true")
    p.add_argument("--only-views", action="store_true", help="only the committee views")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--binary", help="an api binary to measure instead of building the release one")
    args = p.parse_args()
    global API
    if args.binary:
        API = os.path.abspath(args.binary)
    for tool in ["cargo", "wrk", "pgbench", "psql"]:
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (apt-get install wrk postgresql postgresql-contrib)")
    if not args.binary:
        run(["cargo", "build", "--release", "--locked", "-p", "api"], cwd=ROOT, stdout=sys.stderr)
    work = tempfile.mkdtemp(prefix="alliance-bench-")
    os.chmod(work, 0o755)
    pg = api = peer = None
    try:
        pg = Postgres(work)
        api = Api(work, pg.url, "pg")
        load(api, args.placements)
        pg.psql("vacuum analyze")
        school = pg.psql("select name from member_unit where category = 'SCHOOL' "
                         "order by list_order limit 1")
        school_account(api, school)
        # The search: the name of a firm hosting the school's students (matches its placements).
        search = pg.psql("select p.host_name from internship_placement p join member_unit m "
                         "on m.id = p.school_id where m.name = '%s' and p.host_unit_id is not null "
                         "order by p.id limit 1" % school.replace("'", "''"))
        api.start()
        token = api.token("bench@example.org")
        school_token = api.token("school@example.org")
        n = f"{args.placements:,}"
        peer_figures = {}
        if not args.only_views:
            if not args.no_peer and shutil.which("npm"):
                peer = PostGraphile(work, pg.url)
            rows = []
            for name, ours, theirs, expect, sql in CANONICAL:
                check(api.url, ours, token, expect)
                a = wrk(api.url, ours, token, args, work)
                b = None
                if peer:
                    check(peer.url, theirs, None, expect)
                    b = peer_figures[name] = wrk(peer.url, theirs, None, args, work)
                f = floor(pg, sql, args, work)
                rows.append([name, f"{a[0]:,.0f} ({a[1]:.1f})",
                             f"{b[0]:,.0f} ({b[1]:.1f})" if b else "—", f"{f:,.0f}",
                             f"{a[0] / b[0]:.2f}" if b else "—", f"{a[0] / f:.2f}"])
            if peer:
                peer.stop()
                peer = None
            table(f"PostgreSQL, {n} placements: requests/s (p99 ms), wrk -t2 -c{args.connections} "
                  f"-d{args.duration}s",
                  ["query", "this API", f"PostGraphile {PEER_VERSION}", "SQL floor (pgbench)",
                   "this / peer", "this / floor"], rows)
        rows = []
        for name, query, expect, *single in VIEWS:
            query = query.replace("SEARCH", search)
            who = school_token if "school staff" in name else token
            check(api.url, query, who, expect)
            if single:
                times = []
                for _ in range(3):
                    started = time.time()
                    post(api.url, query, who)
                    times.append((time.time() - started) * 1000)
                rows.append([name + " (one at a time, median)", "—", f"{sorted(times)[1]:.0f}",
                             "0"])
                continue
            rps, p99, failed = wrk(api.url, query, who, args, work)
            rows.append([name, f"{rps:,.1f}", f"{p99:.1f}", str(failed)])
        table(f"Committee views, PostgreSQL, {n} placements, {args.connections} connections "
              f"(API peak RSS {api.peak_rss_mb():.0f} MB)", ["view", "requests/s", "p99 ms", "failed"], rows)
        api.stop()
        api = None
        if not args.skip_sqlite and not args.only_views:
            api = Api(work, f"sqlite://{work}/sqlite.db?mode=rwc", "sqlite")
            load(api, args.placements)
            api.start()
            token = api.token("bench@example.org")
            rows = []
            for name, ours, _, expect, _ in CANONICAL:
                check(api.url, ours, token, expect)
                rps, p99, _ = wrk(api.url, ours, token, args, work)
                b = peer_figures.get(name)
                rows.append([name, f"{rps:,.0f} ({p99:.1f})",
                             f"{b[0]:,.0f} ({b[1]:.1f})" if b else "—",
                             f"{rps / b[0]:.2f}" if b else "—"])
            table(f"SQLite, {n} placements (PostGraphile on PostgreSQL, same run)",
                  ["query", "this API on SQLite", f"PostGraphile {PEER_VERSION}", "this / peer"],
                  rows)
    finally:
        for s in (peer, api):
            if s:
                s.stop()
        if pg:
            pg.stop()
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
