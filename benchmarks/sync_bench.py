"""Sync benchmark: workstation <-> central server, on a SQLite server and on a PostgreSQL server.

    .venv/bin/python benchmarks/sync_bench.py [--quick] [--json] [--save FILE]
                     [--backends sqlite,postgresql] [--workdir DIR] [--keep]
                     [--py-spy PATH | --no-profile] [--render FILE]

One run measures, for each server database (the server is the real ``pac-sac-server`` program,
started in its own process on 127.0.0.1 through ``EmbeddedServer``):

1. **First sync of 10,000 articles.** 10,000 French articles are derived from the demo knowledge
   base (``resources/kb``: sections recombined, streets, dates and numbers substituted, new ids and
   titles; fixed seed), written as Markdown files to a temporary folder and published with the
   server's own publishing path, ``pac-sac-server kb import PATH --db URL`` (a subprocess; the
   same ``kb.publish`` the editor's API calls, one transaction for the whole import). A fresh
   ``Workstation`` then logs in as ``agent`` and runs ``sync_once()``. The total is split by
   wrapping, on that engine instance only: ``ServerClient.changes`` (download = HTTP + JSON
   decoding; the HTTP part measured on the ``requests`` session), ``on_kb_changed`` (index =
   Whoosh, a full rebuild on a fresh workstation) and the ``pull_*``/``push`` phases; store (the
   SQLite page-apply transactions) = ``pull_kb`` - download(kb) - index.
2. **A sync with nothing new**: 20 runs after the first, median and p95 (target <= 100 ms).
3. **Pushing 1,000 queued requests**: the server is stopped, 1,000 requests are saved on the
   workstation (a sync attempt fails with NetworkError, as offline), the server is started again
   and the sync that pushes them is timed (target <= 10 s). Then the server database is queried:
   exactly 1,000 rows for those UUIDs, 1,000 distinct references, nothing else; a second sync
   pushes nothing.
4. **Server intake under concurrent clients**: a *second process* (this script with
   ``--worker intake``) runs N threads, each with its own keep-alive ``http.client`` connection
   (cheaper per call than ``requests``, so the load generator steals less of the 2 cores from the
   server), PUTting distinct valid requests for a bounded time and count. Requests/s, latency
   p50/p95/p99, errors, and the CPU used in the window by the server process(es), PostgreSQL's
   backends and the load generator. After each run the server database must hold exactly as
   many new rows as 201 answers. On PostgreSQL also with 2 and 4 ``pac-sac-server run``
   processes on different ports against the same database, clients spread over them (a control
   run PUTs the same request again and again: the idempotent path, no write; on PostgreSQL
   ``pg_stat_activity`` is polled during every run to show lock waits;
   target >= 300 uploads/s on PostgreSQL). When ``py-spy`` is available a separate, shorter
   intake run is sampled (``py-spy record --gil``) and the hot spots are listed.

PostgreSQL: a throw-away database ``pacsac_bench_<pid>`` on 127.0.0.1:5432 (user postgres, trust
auth), dropped at the end. Only 127.0.0.1 traffic. Logs go to stderr; the Markdown tables (or,
with ``--json``, every figure as JSON) to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from pac_sac_desktop.core.demo import sample_answers

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    DISTRICTS,
    SEED,
    SRC,
    load_demo_articles,
    log,
    sections,
    short_title,
    substitute,
)
from common import machine as base_machine
from common import percentile_linear as percentile

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
AGENT = ("agent", "agent-demo-2026")
CATEGORY = "nid-de-poule"

FULL = {
    "articles": 10_000,
    "noop_runs": 20,
    "push": 1_000,
    "intake_clients": (8, 32),
    "intake_seconds": 12.0,
    "intake_max": 40_000,
    "multi_procs": (2, 4),
    "multi_clients": 32,
    "profile_seconds": 8.0,
}
QUICK = {
    "articles": 1_000,
    "noop_runs": 10,
    "push": 200,
    "intake_clients": (8,),
    "intake_seconds": 4.0,
    "intake_max": 10_000,
    "multi_procs": (2,),
    "multi_clients": 16,
    "profile_seconds": 4.0,
}
TARGETS = {"noop_p95_ms": 100.0, "push_s": 10.0, "pg_uploads_per_s": 300.0}

sys.path.insert(0, str(SRC))
os.environ.setdefault("PAC_SAC_NO_KEYRING", "1")


# The sync corpus draws street names from this shorter list (figures comparable across runs).
STREETS = (
    "Principale", "des Pionniers", "du Parc", "de la Gare", "des Merisiers", "Industriel",
    "de la Carrière", "des Érables", "du Vieux-Moulin", "des Cèdres", "Saint-Laurent",
    "des Bouleaux", "Lafontaine", "de la Rivière", "du Boisé", "Papineau", "Champlain",
    "Notre-Dame", "Laurier", "du Plateau",
)  # fmt: skip


def write_corpus(folder: Path, size: int) -> dict:
    """``size`` synthetic articles as Markdown files (front matter + body), deterministic."""
    import yaml

    demo, problems = load_demo_articles()
    for problem in problems:  # a demo file being edited by someone else right now
        log(f"demo article skipped: {problem}")
    by_service: dict[str, list] = defaultdict(list)
    for a in demo:
        by_service[a.service].append(a)
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    chars = 0
    for i in range(size):
        rng = random.Random(SEED * 1_000_003 + i)
        base = rng.choice(demo)
        pool = [a for a in by_service[base.service] if a.id != base.id] or demo
        donors = [base, *rng.sample(pool, min(len(pool), rng.randint(1, 3)))]
        target = len(rng.choice(demo).body) * rng.uniform(0.7, 0.95)
        blocks: list[str] = []
        used: set[tuple[str, int]] = set()
        for _ in range(16):
            donor = base if not blocks else rng.choice(donors)
            parts = sections(donor.body)
            free = [n for n in range(len(parts)) if (donor.id, n) not in used]
            if free:
                n = rng.choice(free)
                used.add((donor.id, n))
                blocks.append(parts[n])
            if sum(map(len, blocks)) >= target and len(blocks) >= 2:
                break
        body = substitute("\n\n".join(blocks), rng, STREETS)
        other = short_title(donors[-1].title)
        title = rng.choice(
            (
                f"{short_title(base.title)} : secteur {rng.choice(DISTRICTS)}",
                f"{short_title(base.title)} et {other[:1].lower() + other[1:]}",
                f"{short_title(base.title)} : cas de la rue {rng.choice(STREETS)}",
                f"{base.title} ({rng.choice(DISTRICTS)}, fiche {i})",
            )
        )[:200]
        tags = list(dict.fromkeys([*rng.sample(list(base.tags), min(3, len(base.tags)))]))
        for d in donors[1:]:
            if d.tags:
                tags.append(rng.choice(d.tags))
        meta = {
            "id": f"{base.id[:90]}-s{i:05d}",
            "title": title,
            "service": base.service,
            "tags": list(dict.fromkeys(tags)),
            "updated": dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 445)),
            "summary": substitute(base.summary, rng, STREETS),
        }
        text = (
            "---\n"
            + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n"
            + body
            + "\n"
        )
        chars += len(text)
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{meta['id']}.md").write_text(text, encoding="utf-8")
    return {
        "articles": size,
        "demo_sources": len(demo),
        "mb": round(chars / 1e6, 1),
        "write_s": round(time.perf_counter() - t0, 2),
    }


# =============================================================================== servers
def pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def pg_drop_stale() -> list[str]:
    """Drop the ``pacsac_bench_<pid>`` databases of benchmark runs that no longer exist."""
    import psycopg

    dropped = []
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "select datname from pg_database where datname ~ '^pacsac_bench_[0-9]+$'"
            ).fetchall()
        ]
        for name in names:
            pid = int(name.rsplit("_", 1)[1])
            if pid != os.getpid() and not Path(f"/proc/{pid}").exists():
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                dropped.append(name)
    return dropped


def pg_version() -> str:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            return str(conn.execute("show server_version").fetchone()[0])
    except Exception as exc:
        return f"unavailable ({exc.__class__.__name__})"


class Backend:
    """One server database (SQLite file or throw-away PostgreSQL database) and its processes."""

    def __init__(self, kind: str, workdir: Path) -> None:
        from pac_sac_desktop.services.embedded_server import EmbeddedServer

        self.kind = kind
        self.folder = workdir / f"server-{kind}"
        if kind == "postgresql":
            self.dbname = f"pacsac_bench_{os.getpid()}"
            pg_admin(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)")
            pg_admin(f"CREATE DATABASE {self.dbname}")
            self.url: str | None = PG_URL.format(name=self.dbname)
        else:
            self.dbname = ""
            self.url = None
        self.server = EmbeddedServer(self.folder, db_url=self.url)
        self.url = self.server.db_url

    def cli(self, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pac_sac_desktop.server.cli", *args],
            capture_output=True,
            text=True,
            env=self.server.env,
            timeout=timeout,
            check=True,
        )

    def restart(self, workers: int) -> None:
        """The server again, as ``pac-sac-server run --workers N`` on the same port."""
        self.server.stop()
        self.server.workers = workers
        self.server.start()

    def pids(self) -> list[int]:
        """The server's processes: the main one and, with --workers, its worker children."""
        if self.server.proc is None:
            return []
        return _process_tree(self.server.proc.pid)

    def scalar(self, sql: str, **params):  # type: ignore[no-untyped-def]
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql), params).one()
        finally:
            engine.dispose()

    def close(self) -> None:
        self.server.stop()
        if self.kind == "postgresql":
            try:
                pg_admin(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)")
            except Exception as exc:
                log(f"could not drop {self.dbname}: {exc!r}")


# =============================================================================== workstation side
fill_answers = sample_answers  # the same rule as the tests and the demo


def draft(answers: dict, n: int) -> dict:
    return {
        "nature": "request",
        "category": CATEGORY,
        "channel": "counter",
        "citizen": {
            "first_name": "Lucie",
            "last_name": f"Gagnon-{n}",
            "phone": f"450 555-{n % 10_000:04d}",
            "contact": "phone",
        },
        "location": {"address": f"{n + 1}, rue Principale"},
        "description": f"Trou profond devant le {n + 1}, voie de droite (envoi différé n° {n}).",
        "answers": answers,
    }


def instrumented_sync(ws) -> dict:  # type: ignore[no-untyped-def]
    """``ws.sync_once()`` with its phases timed (wrappers on this engine instance only)."""
    engine = ws.sync_engine()
    t: dict[str, float] = defaultdict(float)
    n: dict[str, int] = defaultdict(int)
    phase = ["other"]
    pc = time.perf_counter

    lock = threading.Lock()

    def wrap_http(client) -> None:  # type: ignore[no-untyped-def]
        http_request = client.http.request

        def request(method, url, **kw):  # type: ignore[no-untyped-def]
            t0 = pc()
            r = http_request(method, url, **kw)
            with lock:  # uploads may run on several threads (clones of the client)
                t[f"http:{phase[0]}"] += pc() - t0
                n[f"http_calls:{phase[0]}"] += 1
                n["bytes"] += len(r.content)
            return r

        client.http.request = request

    wrap_http(engine.client)
    if hasattr(engine.client, "clone"):  # parallel uploads use clones of the client
        clone = engine.client.clone

        def timed_clone():  # type: ignore[no-untyped-def]
            c = clone()
            wrap_http(c)
            with lock:
                n["clones"] += 1
            return c

        engine.client.clone = timed_clone
    if hasattr(engine, "_requests_sent"):  # storing the uploads' answers locally
        requests_sent = engine._requests_sent

        def timed_requests_sent(*a):  # type: ignore[no-untyped-def]
            t0 = pc()
            try:
                return requests_sent(*a)
            finally:
                t["push_store"] += pc() - t0
                n["push_store_transactions"] += 1

        engine._requests_sent = timed_requests_sent

    changes = engine.client.changes

    def timed_changes(feed, since, limit=500):  # type: ignore[no-untyped-def]
        t0 = pc()
        page = changes(feed, since, limit)
        t[f"download:{feed}"] += pc() - t0
        n[f"pages:{feed}"] += 1
        return page

    engine.client.changes = timed_changes

    for name in ("push", "pull_taxonomy", "pull_kb", "pull_users", "pull_requests"):
        method = getattr(engine, name)

        def wrapped(*a, _m=method, _name=name):  # type: ignore[no-untyped-def]
            phase[0] = _name
            t0 = pc()
            try:
                return _m(*a)
            finally:
                t[_name] += pc() - t0
                phase[0] = "other"

        setattr(engine, name, wrapped)

    if engine.on_kb_changed is not None:
        on_kb = engine.on_kb_changed

        def index():  # type: ignore[no-untyped-def]
            t0 = pc()
            try:
                return on_kb()
            finally:
                t["index"] += pc() - t0

        engine.on_kb_changed = index

    t0 = pc()
    report = engine.sync_once()
    total = pc() - t0
    return {"total": total, "t": dict(t), "n": dict(n), "report": report}


class Others:
    """CPU the machine spent during a block on anything but this benchmark (cores, averaged).

    Ours = this process (the workstation), the server process(es) and, on PostgreSQL, every
    ``postgres`` process; the rest is other people's jobs on a shared machine.
    """

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.cores: float | None = None

    def _ours(self) -> dict[str, float]:
        t = os.times()
        out = {"self": t.user + t.system}
        for pid in self.backend.pids():
            out[f"pid{pid}"] = _proc_cpu(pid)
        if self.backend.kind == "postgresql":
            out.update({f"pg{k}": v for k, v in _postgres_cpu().items()})
        return out

    def __enter__(self) -> Others:
        self.t0, self.busy0, self.ours0 = time.perf_counter(), _machine_busy(), self._ours()
        return self

    def __exit__(self, *_exc: object) -> None:
        elapsed = time.perf_counter() - self.t0
        busy1, ours1 = _machine_busy(), self._ours()
        ours = sum(v - self.ours0.get(k, 0.0) for k, v in ours1.items())
        busy = (busy1[0] - self.busy0[0]) / os.sysconf("SC_CLK_TCK")
        self.cores = max(0.0, busy - ours) / elapsed if elapsed > 0 else None


def first_sync(backend: Backend, home: Path, expected: int) -> dict:
    from pac_sac_desktop.services.workstation import Workstation

    ws = Workstation(home)
    t0 = time.perf_counter()
    ws.login(backend.server.url, *AGENT)
    login_s = time.perf_counter() - t0
    with Others(backend) as others:
        r = instrumented_sync(ws)
    t, n, rep = r["t"], r["n"], r["report"]
    download = t.get("download:kb", 0.0)
    index = t.get("index", 0.0)
    store = t.get("pull_kb", 0.0) - download - index
    count = ws.kb.count()
    meta = ws.kb.index.meta()
    hits = ws.kb.search("nid de poule", limit=3)
    out = {
        "articles_received": rep.kb_upserts,
        "articles_local": count,
        "index_docs": meta.count if meta else None,
        "expected": expected,
        "search_ok": bool(hits),
        "login_s": login_s,
        "total_s": r["total"],
        "download_s": download,
        "download_http_s": t.get("http:pull_kb", 0.0),
        "download_decode_s": download - t.get("http:pull_kb", 0.0),
        "store_s": store,
        "index_s": index,
        "other_s": r["total"] - t.get("pull_kb", 0.0),
        "pages": n.get("pages:kb", 0),
        "mb": n.get("bytes", 0) / 1e6,
        "articles_per_s": rep.kb_upserts / r["total"] if r["total"] else None,
        "others_cores": others.cores,
    }
    assert count == expected, f"workstation has {count} articles, server published {expected}"
    return {"result": out, "ws": ws}


def noop_syncs(backend: Backend, ws, runs: int) -> dict:  # type: ignore[no-untyped-def]
    totals, downloads, http_calls = [], [], []
    others = Others(backend).__enter__()
    for _ in range(runs):
        r = instrumented_sync(ws)
        rep = r["report"]
        assert rep.pushed == rep.kb_upserts == rep.request_updates == 0, "sync was not empty"
        totals.append(r["total"] * 1000)
        downloads.append(sum(v for k, v in r["t"].items() if k.startswith("http:")) * 1000)
        http_calls.append(sum(v for k, v in r["n"].items() if k.startswith("http_calls:")))
    others.__exit__()
    return {
        "others_cores": others.cores,
        "runs": runs,
        "median_ms": statistics.median(totals),
        "p95_ms": percentile(totals, 95),
        "max_ms": max(totals),
        "http_median_ms": statistics.median(downloads),
        "http_calls": statistics.median(http_calls),
        "local_median_ms": statistics.median(
            [a - b for a, b in zip(totals, downloads, strict=True)]
        ),
    }


def _push_workers() -> int:
    from pac_sac_desktop.sync import engine as engine_module

    return int(getattr(engine_module, "PUSH_WORKERS", 1))


def push_queued(backend: Backend, ws, count: int) -> dict:  # type: ignore[no-untyped-def]
    from pac_sac_desktop.core.errors import NetworkError

    before = backend.scalar("select count(*) from requests")[0]
    category = next(c for c in ws.requests.categories() if c.code == CATEGORY)
    answers = fill_answers((category.data or {}).get("questions", []))
    backend.server.stop()
    t0 = time.perf_counter()
    saved = [ws.requests.save(draft(answers, i), user=AGENT[0]) for i in range(count)]
    save_s = time.perf_counter() - t0
    offline_refused = False
    try:
        ws.sync_once()
    except NetworkError:
        offline_refused = True
    waiting_offline = ws.requests.waiting()
    backend.server.start()
    with Others(backend) as others:
        r = instrumented_sync(ws)
    rep = r["report"]
    again = ws.sync_once()
    uuids = [s.uuid for s in saved]
    mine = 0
    for k in range(0, len(uuids), 500):
        chunk = uuids[k : k + 500]
        marks = ",".join(f"'{u}'" for u in chunk)  # UUIDs generated here: safe to inline
        mine += backend.scalar(f"select count(*) from requests where uuid in ({marks})")[0]
    total, refs = backend.scalar("select count(*), count(distinct reference) from requests")
    local = ws.requests.list()
    local_refs = {row["reference"] for row in local if row["reference"]}
    push_s = r["t"].get("push", 0.0)
    return {
        "others_cores": others.cores,
        "saved": count,
        "save_s": save_s,
        "save_ms_each": save_s / count * 1000,
        "offline_sync_refused": offline_refused,
        "waiting_offline": waiting_offline,
        "sync_s": r["total"],
        "push_s": push_s,
        "push_http_sum_s": r["t"].get("http:push", 0.0),
        "push_http_calls": r["n"].get("http_calls:push", 0),
        "push_store_s": r["t"].get("push_store", 0.0),
        "push_wait_s": push_s - r["t"].get("push_store", 0.0),
        "push_workers": _push_workers(),
        "push_ms_each": push_s / max(1, rep.pushed) * 1000,
        "pull_back_s": r["t"].get("pull_requests", 0.0),
        "pushed": rep.pushed,
        "blocked": rep.blocked,
        "second_sync_pushed": again.pushed,
        "waiting_after": ws.requests.waiting(),
        "server_rows_before": before,
        "server_rows_mine": mine,
        "server_rows_total": total,
        "server_distinct_refs": refs,
        "local_distinct_refs": len(local_refs),
        "exactly_once": (
            mine == count
            and total - before == count
            and refs == total
            and ws.requests.waiting() == 0
        ),
    }


# =============================================================================== intake worker
def _proc_cpu(pid: int, part: str = "both") -> float:
    """CPU seconds of a process: user + system, or only "user" or "system"."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        user, system = int(fields[11]), int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0.0
    ticks = {"user": user, "system": system}.get(part, user + system)
    return ticks / os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                parents[int(p.name)] = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        tree += children
        frontier = children
    return tree


def _postgres_cpu() -> dict[int, float]:
    out = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if (p / "comm").read_text().strip().startswith("postgres"):
                    out[int(p.name)] = _proc_cpu(int(p.name))
            except OSError:
                continue
    return out


def _machine_busy() -> tuple[float, float]:
    parts = [float(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = parts[3] + parts[4]
    return sum(parts) - idle, sum(parts)


WAIT_IDLE = {"max_s": 0.0}


def cpu_check_ms() -> float:
    """Milliseconds for a fixed pure-Python loop (best of 5), taken before each intake run.

    On this virtual machine the same code has cost from 1.4 to 3.9 ms of server CPU per upload
    from one run to the next, with no other job visible inside the VM: the host's load changes
    the speed of the cores. This figure shows how fast the cores were when the run started.
    """
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        total = 0
        for i in range(300_000):
            total += i * i % 7
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def wait_idle(max_s: float, threshold_cores: float = 0.3) -> float:
    """Wait (at most ``max_s``) until the machine is nearly idle; returns the busy cores seen."""
    deadline = time.monotonic() + max_s
    while True:
        b0 = _machine_busy()
        time.sleep(2.0)
        b1 = _machine_busy()
        cores = (b1[0] - b0[0]) / max(1e-9, b1[1] - b0[1]) * (os.cpu_count() or 1)
        if cores < threshold_cores or time.monotonic() >= deadline:
            if cores >= threshold_cores and max_s > 0:
                log(f"machine still busy ({cores:.2f} cores used by other jobs); going on")
            return cores
        log(f"waiting for other jobs: {cores:.2f} cores busy")
        time.sleep(3.0)


def worker_intake(cfg: dict) -> dict:
    """N threads in this process PUT distinct requests for a bounded time and count."""
    import http.client
    import uuid as uuidlib
    from urllib.parse import urlsplit

    urls = cfg["urls"]

    def connect(url: str) -> http.client.HTTPConnection:
        u = urlsplit(url)
        return http.client.HTTPConnection(u.hostname, u.port, timeout=60)

    def call(conn, method, path, body=None, token=None):  # type: ignore[no-untyped-def]
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()

    # One login for the whole process (argon2id: ~0.2 s of server CPU each): the token lookup
    # per request costs the same whichever token a client carries.
    conn = connect(urls[0])
    status, raw = call(
        conn,
        "POST",
        "/api/v1/auth/login",
        json.dumps({"username": AGENT[0], "password": AGENT[1]}).encode(),
    )
    assert status == 200, raw
    token = json.loads(raw)["token"]
    _, raw = call(conn, "GET", "/api/v1/taxonomy/changes?since=0&limit=2000", token=token)
    category = next(c["category"] for c in json.loads(raw)["changes"] if c.get("id") == CATEGORY)
    answers = fill_answers(category.get("questions", []))
    conn.close()

    clients = int(cfg["clients"])
    tag = cfg["tag"]
    lock = threading.Lock()
    issued = [0]
    start_barrier = threading.Barrier(clients + 1)
    window: dict[str, float] = {}
    results: list[list[tuple[float, int | str]]] = [[] for _ in range(clients)]
    warm_ok = [0] * clients

    def body(i: int, n: int) -> bytes:
        now = dt.datetime.now(dt.UTC).isoformat()
        return json.dumps(
            {
                "nature": "request",
                "category": CATEGORY,
                "channel": "phone",
                "citizen": {
                    "first_name": "Marc",
                    "last_name": f"Tremblay-{i}",
                    "phone": f"450 555-{(i * 97 + n) % 10_000:04d}",
                    "contact": "phone",
                },
                "location": {"address": f"{n % 900 + 1}, rue des Érables"},
                "description": f"Nid-de-poule signalé (charge {tag}, poste {i}, appel {n}).",
                "answers": answers,
                "kb_articles": [],
                "resolved_first_contact": False,
                "created_at": now,
                "number": f"B{tag}-{i}-{n}",
            },
            ensure_ascii=False,
        ).encode()

    replay = cfg.get("mode") == "replay"
    ok_status = 200 if replay else 201

    def run(i: int) -> None:
        url = urls[i % len(urls)]
        conn = connect(url)
        # In "replay" mode each client sends one request again and again (same UUID, same
        # payload): the idempotent path, 3 SELECTs and no write, as a control.
        fixed = (str(uuidlib.uuid4()), body(i, -1))
        for w in range(2):  # warm the connection and the server's code paths; counted apart
            key, payload = fixed if replay else (str(uuidlib.uuid4()), body(i, -1 - w))
            try:
                status, _ = call(conn, "PUT", f"/api/v1/requests/{key}", payload, token)
                warm_ok[i] += status == 201
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = connect(url)
        start_barrier.wait()
        deadline = window["deadline"]
        mine = results[i]
        n = 0
        while True:
            with lock:
                if issued[0] >= cfg["max_requests"]:
                    break
                issued[0] += 1
            if time.perf_counter() >= deadline:
                break
            key, payload = fixed if replay else (str(uuidlib.uuid4()), body(i, n))
            n += 1
            t0 = time.perf_counter()
            try:
                status, _ = call(conn, "PUT", f"/api/v1/requests/{key}", payload, token)
            except (OSError, http.client.HTTPException) as exc:
                status = exc.__class__.__name__
                conn.close()
                conn = connect(url)
            mine.append((time.perf_counter() - t0, status))
        conn.close()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(clients)]
    for th in threads:
        th.start()
    server_pids = cfg.get("server_pids", [])
    cpu0 = {p: _proc_cpu(p) for p in server_pids}
    sys0 = {p: _proc_cpu(p, "system") for p in server_pids}
    pg0 = _postgres_cpu() if cfg.get("postgres") else {}
    me0 = os.times()
    busy0 = _machine_busy()
    spy = None
    if cfg.get("py_spy"):
        spy = subprocess.Popen(
            [cfg["py_spy"], "record", "--pid", str(server_pids[0]), "--rate", str(cfg["rate"]),
             "--gil", "--format", "raw", "--duration", str(int(cfg["seconds"])),
             "--output", cfg["py_spy_out"], "--nonblocking"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        time.sleep(0.5)  # let it attach; the clients are warmed up and waiting at the barrier
    window["deadline"] = time.perf_counter() + cfg["seconds"]
    t_start = time.perf_counter()
    start_barrier.wait()
    for th in threads:
        th.join(cfg["seconds"] + 120)
    elapsed = time.perf_counter() - t_start
    me1 = os.times()
    busy1 = _machine_busy()
    spy_err = ""
    if spy is not None:
        try:
            spy_err = spy.communicate(timeout=60)[1] or ""
        except subprocess.TimeoutExpired:
            spy.kill()
            spy_err = "py-spy did not stop"
    server_cpu = sum(_proc_cpu(p) - cpu0.get(p, 0.0) for p in server_pids)
    server_sys = sum(_proc_cpu(p, "system") - sys0.get(p, 0.0) for p in server_pids)
    pg_cpu = (
        sum(v - pg0.get(pid, 0.0) for pid, v in _postgres_cpu().items())
        if cfg.get("postgres")
        else 0.0
    )
    latencies = [lat * 1000 for r in results for lat, _s in r]
    statuses: dict[str, int] = defaultdict(int)
    for r in results:
        for _lat, s in r:
            statuses[str(s)] += 1
    ok = statuses.get(str(ok_status), 0)
    ok_lat = [lat * 1000 for r in results for lat, s in r if s == ok_status]
    return {
        "mode": cfg.get("mode", "new"),
        "py_spy_stderr": spy_err[-500:],
        "clients": clients,
        "servers": cfg.get("servers", len(urls)),
        "seconds": elapsed,
        "sent": len(latencies),
        "created": ok,
        "warmup_created": sum(warm_ok),
        "errors": len(latencies) - ok,
        "statuses": dict(statuses),
        "rps": ok / elapsed if elapsed else 0.0,
        "p50_ms": percentile(ok_lat, 50),
        "p95_ms": percentile(ok_lat, 95),
        "p99_ms": percentile(ok_lat, 99),
        "max_ms": max(latencies) if latencies else float("nan"),
        "server_cpu_s": server_cpu,
        "server_kernel_pct": 100.0 * server_sys / server_cpu if server_cpu else None,
        "postgres_cpu_s": pg_cpu,
        "client_cpu_s": (me1.user - me0.user) + (me1.system - me0.system),
        "machine_busy_pct": 100.0 * (busy1[0] - busy0[0]) / max(1e-9, busy1[1] - busy0[1]),
        # CPU the machine spent on anything but this run's server(s), PostgreSQL and the load
        # generator (other people's jobs on a shared machine), in cores
        "others_cpu_cores": max(
            0.0,
            (busy1[0] - busy0[0]) / os.sysconf("SC_CLK_TCK")
            - server_cpu
            - pg_cpu
            - ((me1.user - me0.user) + (me1.system - me0.system)),
        )
        / elapsed,
        "server_cpu_ms_per_upload": 1000 * server_cpu / ok if ok else None,
        "postgres_cpu_ms_per_upload": 1000 * pg_cpu / ok if ok and cfg.get("postgres") else None,
    }


class PgSampler(threading.Thread):
    """Polls pg_stat_activity (20 Hz) while a load runs: what the database's sessions are doing.

    ``idle in transaction`` = a transaction is open (holding its row locks) while the server's
    Python code works or waits; ``Lock`` = waiting for another transaction's row lock.
    """

    def __init__(self, dbname: str) -> None:
        super().__init__(daemon=True)
        self.dbname = dbname
        self.stop = threading.Event()
        self.samples = 0
        self.sums: dict[str, float] = defaultdict(float)

    def run(self) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            while not self.stop.is_set():
                rows = conn.execute(
                    "select state, wait_event_type, wait_event from pg_stat_activity "
                    "where datname = %s and pid <> pg_backend_pid()",
                    (self.dbname,),
                ).fetchall()
                self.samples += 1
                for state, wtype, wevent in rows:
                    if state == "active":
                        self.sums["active"] += 1
                        if wtype == "Lock":
                            self.sums["lock_wait"] += 1
                            self.sums[f"lock:{wevent}"] += 1
                        elif wtype == "IO":
                            self.sums["io_wait"] += 1
                    elif state == "idle in transaction":
                        self.sums["idle_in_tx"] += 1
                time.sleep(0.05)

    def result(self) -> dict:
        n = max(1, self.samples)
        return {k: v / n for k, v in sorted(self.sums.items())} | {"samples": self.samples}


def run_intake(backend: Backend, urls: list[str], clients: int, seconds: float, limit: int,
               tag: str, pids: list[int], profile: dict | None = None,
               mode: str = "new") -> dict:  # fmt: skip
    cfg = {
        "mode": mode,
        **(profile or {}),
        "urls": urls,
        "clients": clients,
        "seconds": seconds,
        "max_requests": limit,
        "tag": tag,
        "server_pids": pids,
        "servers": backend.server.workers,
        "postgres": backend.kind == "postgresql",
    }
    before = backend.scalar("select count(*) from requests")[0]
    busy_before = wait_idle(WAIT_IDLE["max_s"]) if WAIT_IDLE["max_s"] else None
    speed_ms = cpu_check_ms()
    sampler = PgSampler(backend.dbname) if backend.kind == "postgresql" else None
    if sampler is not None:
        sampler.start()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "intake", json.dumps(cfg)],
        capture_output=True,
        text=True,
        timeout=seconds + 300,
        env=dict(os.environ, PYTHONPATH=str(SRC)),
    )
    if sampler is not None:
        sampler.stop.set()
        sampler.join(10)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("@@RESULT ")), None)
    if line is None:
        raise RuntimeError(f"intake worker failed:\n{proc.stderr[-3000:]}")
    result = json.loads(line[len("@@RESULT ") :])
    after, refs = backend.scalar("select count(*), count(distinct reference) from requests")
    result["busy_cores_before"] = busy_before
    result["cpu_check_ms"] = speed_ms
    if sampler is not None:  # the whole run, warm-up and logins included (a few % of it)
        result["pg_sessions"] = sampler.result()
    result["server_new_rows"] = after - before
    new_rows = 0 if result["mode"] == "replay" else result["created"]
    result["rows_match"] = (after - before) == new_rows + result["warmup_created"]
    result["distinct_refs_ok"] = refs == after
    return result


# =============================================================================== profiling
# Where the server's GIL time goes, inclusive (a sample counts for every stage on its stack).
STAGES = (
    ("event-loop thread: uvicorn, middleware, routing, body, response", ("Server.run (uvicorn/",)),
    ("thread pool (run_as)", ("WorkerThread.run (anyio/",)),
    ("… token check (_user_of)", ("_user_of (pac_sac_desktop/",)),
    ("… run_as unit of work (token, service, commit), total", ("unit (pac_sac_desktop/server/auth",)),
    ("… service put_request, total", ("put_request (pac_sac_desktop/server/requests/service",)),
    ("… … feed.record (PostgreSQL: one INSERT, numbered at commit; SQLite: UPDATE + INSERT)",
     ("record (pac_sac_desktop/server/feed",)),
    ("… … next_reference (PostgreSQL: nextval; SQLite: counter row)", ("next_reference (",)),
    ("… … validate_request", ("validate_request (",)),
    ("… to_wire (answer dict)", ("to_wire (pac_sac_desktop/",)),
    ("… commit (Session.commit)", ("Session.commit (sqlalchemy/",)),
    ("SQLAlchemy, anywhere (statement building, ORM, unit of work)", ("(sqlalchemy/",)),
    ("psycopg, anywhere", ("(psycopg/",)),
    ("JSON, anywhere (json, jsonable_encoder, serialize_response)",
     ("(json/", "jsonable_encoder (", "serialize_response (")),
    ("pydantic, anywhere", ("(pydantic",)),
    ("argon2, anywhere", ("argon2",)),
)  # fmt: skip
# Self time (the innermost frame), by the package of that frame; sums to 100 %.
SELF_GROUPS = (
    ("SQLAlchemy", ("sqlalchemy/",)),
    ("psycopg", ("psycopg/",)),
    ("sqlite3 module", ("sqlite3/",)),
    ("uvicorn / httptools / h11", ("uvicorn/", "httptools", "h11/")),
    ("FastAPI / Starlette", ("fastapi/", "starlette/")),
    ("pydantic", ("pydantic",)),
    ("asyncio / anyio / threading / selectors", ("asyncio/", "anyio/", "threading.py",
                                                  "selectors.py", "queue.py", "concurrent/")),
    ("json", ("json/",)),
    ("argon2", ("argon2",)),
    ("app code (pac_sac_desktop)", ("pac_sac_desktop/",)),
)  # fmt: skip


def _frame_parts(frame: str) -> tuple[str, str]:
    m = re.match(r"(.*) \((.*?)(?::\d+)?\)$", frame)
    return (m.group(1), m.group(2)) if m else (frame, "")


def _short(path: str) -> str:
    for key in ("site-packages/", "src/", "lib/python3"):
        if key in path:
            return path.split(key, 1)[1]
    return path


def profile_server(backend: Backend, py_spy: str, seconds: float, clients: int,
                   outdir: Path) -> dict:  # fmt: skip
    """Sample the single server process with py-spy (GIL holder only) under a load run."""
    raw = outdir / f"py-spy-{backend.kind}.txt"
    rate = 250
    profile = {"py_spy": py_spy, "py_spy_out": str(raw), "rate": rate}
    load = run_intake(backend, [backend.server.url], clients, seconds, 10**6, f"P{backend.kind[0]}",
                      backend.pids(), profile)  # fmt: skip
    if not raw.exists():
        return {"error": (load.get("py_spy_stderr") or "py-spy wrote nothing")[-500:]}
    total = 0
    leaf: dict[str, int] = defaultdict(int)
    inclusive: dict[str, int] = defaultdict(int)
    stages: dict[str, int] = defaultdict(int)
    groups: dict[str, int] = defaultdict(int)
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_s = line.rpartition(" ")
        if not count_s.isdigit():
            continue
        count = int(count_s)
        frames = [f for f in stack.split(";") if "(" in f]
        if not frames:
            continue
        total += count
        name, path = _frame_parts(frames[-1])
        leaf[f"{name} ({_short(path)})"] += count
        group = next(
            (g for g, prefixes in SELF_GROUPS if any(path.startswith(x) for x in prefixes)),
            "other (stdlib: uuid, datetime, hashlib, typing …)",
        )
        groups[group] += count
        keys = set()
        for fr in frames:
            n, p = _frame_parts(fr)
            keys.add(f"{n} ({_short(p)})")
        for key in keys:
            inclusive[key] += count
        for label, needles in STAGES:
            if any(any(nd in fr for nd in needles) for fr in frames):
                stages[label] += count
    expected = rate * int(seconds)
    return {
        "samples": total,
        "rate_hz": rate,
        "gil_busy_pct": 100.0 * total / expected if expected else None,
        "load": {
            k: load[k]
            for k in (
                "clients",
                "rps",
                "p95_ms",
                "errors",
                "others_cpu_cores",
                "server_cpu_ms_per_upload",
            )
        },
        "stages": [(label, stages.get(label, 0)) for label, _n in STAGES],
        "self_groups": sorted(groups.items(), key=lambda kv: -kv[1]),
        "top_self": sorted(leaf.items(), key=lambda kv: -kv[1])[:15],
        "top_inclusive": sorted(inclusive.items(), key=lambda kv: -kv[1])[:60],
        "raw_file": str(raw),
    }


# =============================================================================== machine
def fsync_ms(runs: int = 50) -> dict:
    """Latency of a 4 KiB write + fsync in the temporary folder (what one SQLite commit waits)."""
    times = []
    with tempfile.NamedTemporaryFile() as tmp:
        for _ in range(runs):
            t0 = time.perf_counter()
            os.write(tmp.fileno(), os.urandom(4096))
            os.fsync(tmp.fileno())
            times.append((time.perf_counter() - t0) * 1000)
    return {"median": statistics.median(times), "p95": percentile(times, 95)}


def statements_per_call(url: str) -> dict:
    """SQL statements the real app executes per call (in-process ASGI client, same database)."""
    import uuid as uuidlib
    import warnings

    from sqlalchemy import event

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    import anyio.to_thread

    from pac_sac_desktop.server.app import create_app
    from pac_sac_desktop.server.db import ServerDB

    db = ServerDB(url)
    seen: list[str] = []
    hops = [0]
    run_sync = anyio.to_thread.run_sync

    async def counted_run_sync(*a, **kw):  # type: ignore[no-untyped-def]
        hops[0] += 1
        return await run_sync(*a, **kw)

    anyio.to_thread.run_sync = counted_run_sync  # this process only; restored below
    event.listen(db.engine, "before_cursor_execute", lambda _c, _cur, stmt, *_a: seen.append(stmt))
    out: dict = {}
    try:
        with TestClient(create_app(db)) as client:
            answer = client.post(
                "/api/v1/auth/login", json={"username": AGENT[0], "password": AGENT[1]}
            ).json()
            headers = {"Authorization": f"Bearer {answer['token']}"}
            category = next(
                c["category"]
                for c in client.get(
                    "/api/v1/taxonomy/changes?since=0&limit=2000", headers=headers
                ).json()["changes"]
                if c.get("id") == CATEGORY
            )
            payload = {
                "nature": "request",
                "category": CATEGORY,
                "channel": "phone",
                "citizen": {"first_name": "Léa", "last_name": "Roy", "contact": "none"},
                "location": {"address": "5, rue du Parc"},
                "description": "Comptage des requêtes SQL.",
                "answers": fill_answers(category.get("questions", [])),
            }
            # one upload first: a server process creates the year's counter row once
            client.put(f"/api/v1/requests/{uuidlib.uuid4()}", json=payload, headers=headers)
            key = str(uuidlib.uuid4())
            calls = {
                "PUT /requests/{uuid} (new)": ("PUT", f"/api/v1/requests/{key}", payload),
                "PUT /requests/{uuid} (same again)": ("PUT", f"/api/v1/requests/{key}", payload),
                "GET /kb/changes (nothing new)": ("GET", "/api/v1/kb/changes?since=10000000", None),
            }
            for name, (method, path, body) in calls.items():
                seen.clear()
                hops[0] = 0
                r = client.request(method, path, json=body, headers=headers)
                out[name] = {"status": r.status_code, "statements": sum(not x.lstrip().upper().startswith("BEGIN") for x in seen),
                             "thread_hops": hops[0], "sql": [" ".join(x.split())[:90] for x in seen]}  # fmt: skip
    finally:
        anyio.to_thread.run_sync = run_sync
        db.dispose()
    return out


def src_fingerprint() -> dict:
    """Which code was measured (others edit src/ meanwhile): a hash of the files that matter."""
    import hashlib

    h = hashlib.sha256()
    newest = 0.0
    files = sorted(
        p
        for sub in ("server", "sync", "store", "search", "services", "core")
        for p in (SRC / "pac_sac_desktop" / sub).rglob("*.py")
    )
    for p in files:
        h.update(str(p.relative_to(SRC)).encode())
        h.update(p.read_bytes())
        newest = max(newest, p.stat().st_mtime)
    return {
        "sha256_12": h.hexdigest()[:12],
        "files": len(files),
        "newest_change": dt.datetime.fromtimestamp(newest)
        .astimezone()
        .isoformat(timespec="seconds"),
    }


def machine() -> dict:
    import importlib.metadata as md
    import importlib.util

    versions = {}
    for pkg in ("fastapi", "starlette", "uvicorn", "sqlalchemy", "psycopg", "whoosh", "requests"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = None
    base = base_machine()
    return {
        **{k: base[k] for k in ("nproc", "cpu", "mem_gb", "python", "sqlite", "platform")},
        "postgresql": pg_version(),
        "packages": versions,
        "uvloop": importlib.util.find_spec("uvloop") is not None,
        "httptools": importlib.util.find_spec("httptools") is not None,
        "orjson": importlib.util.find_spec("orjson") is not None,
        "loadavg_at_start": [round(x, 2) for x in base["loadavg"]],
        "fsync_ms": fsync_ms(),
        "date": base["date"],
        "src": src_fingerprint(),
    }


# =============================================================================== run
def run_backend(
    kind: str, workdir: Path, corpus: Path, sizes: dict, py_spy: str | None, parts: set[str]
) -> dict:
    out: dict = {"kind": kind}
    log(f"{kind}: creating the server database")
    backend = Backend(kind, workdir)
    ws = None
    try:
        t0 = time.perf_counter()
        backend.server.init(demo=True)
        out["init_s"] = time.perf_counter() - t0
        demo_count = backend.scalar("select count(*) from kb_articles")[0]
        log(f"{kind}: publishing {sizes['articles']} articles (pac-sac-server kb import)")
        t0 = time.perf_counter()
        proc = backend.cli("kb", "import", str(corpus), "--db", backend.url, "--author", "bench")
        out["publish"] = {
            "method": "pac-sac-server kb import PATH --db URL (subprocess, one transaction)",
            "s": time.perf_counter() - t0,
            "cli_output": proc.stdout.strip(),
        }
        total_articles = backend.scalar("select count(*) from kb_articles where not deleted")[0]
        out["publish"]["server_articles"] = total_articles
        out["publish"]["demo_articles"] = demo_count
        out["publish"]["per_s"] = (total_articles - demo_count) / out["publish"]["s"]
        backend.server.start()

        log(f"{kind}: first sync of {total_articles} articles on a fresh workstation")
        first = first_sync(backend, workdir / f"ws-{kind}", total_articles)
        ws = first["ws"]
        out["first_sync"] = first["result"]
        log(f"{kind}: first sync {out['first_sync']['total_s']:.1f} s")

        if "noop" in parts:
            log(f"{kind}: {sizes['noop_runs']} syncs with nothing new")
            out["noop"] = noop_syncs(backend, ws, sizes["noop_runs"])

        if "push" in parts:
            log(f"{kind}: {sizes['push']} requests saved offline, then pushed")
            out["push"] = push_queued(backend, ws, sizes["push"])
            log(f"{kind}: push sync {out['push']['sync_s']:.1f} s")
        ws.close()
        ws = None

        out["intake"] = []
        for clients in sizes["intake_clients"] if "intake" in parts else ():
            log(f"{kind}: intake, 1 server process, {clients} clients")
            r = run_intake(backend, [backend.server.url], clients, sizes["intake_seconds"],
                           sizes["intake_max"], f"{kind[0]}{clients}", backend.pids())  # fmt: skip
            log(f"{kind}: {r['rps']:.0f} uploads/s, p95 {r['p95_ms']:.0f} ms, {r['errors']} errors")
            out["intake"].append(r)
        if "intake" not in parts:
            return out
        clients = max(sizes["intake_clients"])
        log(f"{kind}: control, idempotent replays (no write), {clients} clients")
        r = run_intake(backend, [backend.server.url], clients, sizes["intake_seconds"],
                       sizes["intake_max"], f"r{kind[0]}", backend.pids(), mode="replay")  # fmt: skip
        log(f"{kind}: {r['rps']:.0f} replays/s, p95 {r['p95_ms']:.0f} ms, {r['errors']} errors")
        out["intake"].append(r)
        if kind == "postgresql":
            for procs in sizes["multi_procs"]:
                log(f"{kind}: intake, run --workers {procs}, {sizes['multi_clients']} clients")
                backend.restart(workers=procs)
                r = run_intake(backend, [backend.server.url], sizes["multi_clients"],
                               sizes["intake_seconds"], sizes["intake_max"], f"m{procs}",
                               backend.pids())  # fmt: skip
                log(f"{kind}: {r['rps']:.0f} uploads/s, p95 {r['p95_ms']:.0f} ms")
                out["intake"].append(r)
            backend.restart(workers=1)
        out["statements"] = statements_per_call(backend.url)
        if py_spy:
            clients = max(sizes["intake_clients"])
            log(f"{kind}: profiling the server with py-spy under {clients} clients")
            out["profile"] = profile_server(backend, py_spy, sizes["profile_seconds"], clients,
                                            workdir)  # fmt: skip
    finally:
        if ws is not None:
            ws.close()
        backend.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (about 2 minutes)")
    ap.add_argument("--json", action="store_true", help="print every figure as JSON")
    ap.add_argument("--save", help="also write the JSON report to this file")
    ap.add_argument("--render", help="print the Markdown tables of a saved JSON report")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--workdir", help="working folder (default: a new temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the working folder")
    ap.add_argument("--py-spy", dest="py_spy", help="py-spy executable (default: on PATH)")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument(
        "--wait-idle",
        type=float,
        default=0.0,
        metavar="S",
        help="on a shared machine: wait up to S seconds for other jobs to finish before starting "
        "(and up to min(S, 90) before each intake run)",
    )
    ap.add_argument(
        "--parts",
        default="noop,push,intake",
        help="what to measure after the first sync (default: noop,push,intake)",
    )
    ap.add_argument("--articles", type=int, help="size of the published corpus (default: 10,000)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("worker_cfg", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker == "intake":
        sys.stdout.write(
            "@@RESULT " + json.dumps(worker_intake(json.loads(args.worker_cfg))) + "\n"
        )
        return 0
    if args.render:
        print(render(json.loads(Path(args.render).read_text())))
        return 0

    # A terminated run still stops its servers and drops its database (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if "postgresql" in args.backends:
        try:
            for name in pg_drop_stale():
                log(f"dropped {name}, left by a benchmark run that was killed")
        except Exception as exc:
            log(f"PostgreSQL not reachable: {exc!r}")
    sizes = dict(QUICK if args.quick else FULL)
    if args.articles is not None:
        sizes["articles"] = args.articles
    parts = {p.strip() for p in args.parts.split(",")}
    py_spy = None if args.no_profile else (args.py_spy or shutil.which("py-spy"))
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="sync-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.wait_idle:
        wait_idle(args.wait_idle)
        WAIT_IDLE["max_s"] = min(args.wait_idle, 90.0)
    load = os.getloadavg()[0]
    if load > 0.5:
        log(f"warning: load average {load:.2f} before starting: other jobs will skew the figures")
    report: dict = {
        "command": " ".join(["benchmarks/sync_bench.py", *sys.argv[1:]]),
        "machine": machine(),
        "sizes": {k: list(v) if isinstance(v, tuple) else v for k, v in sizes.items()},
        "targets": TARGETS,
        "profiler": py_spy,
        "backends": {},
    }
    try:
        log(f"writing {sizes['articles']} articles to {workdir / 'corpus'}")
        report["corpus"] = write_corpus(workdir / "corpus", sizes["articles"])
        for kind in [k.strip() for k in args.backends.split(",") if k.strip()]:
            report["backends"][kind] = run_backend(
                kind, workdir, workdir / "corpus", sizes, py_spy, parts
            )
    finally:
        report["wall_s"] = time.perf_counter() - started
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.save:
        Path(args.save).write_text(json.dumps(report, indent=1, ensure_ascii=False))
    whole = {"noop", "push", "intake"} <= parts  # the tables need every part
    if not (args.json or whole):
        log("a partial run (--parts): JSON instead of the tables")
    print(
        render(report)
        if whole and not args.json
        else json.dumps(report, indent=1, ensure_ascii=False)
    )
    return 0


# =============================================================================== report
def f(x, nd: int = 1) -> str:  # type: ignore[no-untyped-def]
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{x:,.{nd}f}".replace(",", " ")


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _table(kinds: list[str], label: dict, rows: list, data: dict) -> list[str]:
    out = ["| | " + " | ".join(label[k] for k in kinds) + " |", "|---|" + "---:|" * len(kinds)]
    for name, fn in rows:
        out.append(f"| {name} | " + " | ".join(fn(data[k]) for k in kinds) + " |")
    return out


def render(r: dict) -> str:
    b = r["backends"]
    kinds = list(b)
    label = {"sqlite": "SQLite server", "postgresql": "PostgreSQL server"}
    m = r["machine"]
    c = r.get("corpus", {})
    lines = [
        f"Machine: {m['nproc']} × {m['cpu']}, {m['mem_gb']} GB, Python {m['python']}, "
        f"SQLite {m['sqlite']}, PostgreSQL {m['postgresql']}; {m['date']}; "
        f"whole run {f(r.get('wall_s', 0) / 60)} min. Corpus: {c.get('articles')} articles, "
        f"{c.get('mb')} MB of Markdown. 4 KiB write + fsync: median "
        f"{f(m.get('fsync_ms', {}).get('median'), 2)} ms. Load average at start: "
        f"{m.get('loadavg_at_start')}. Code measured: src/ fingerprint "
        f"{m.get('src', {}).get('sha256_12')} (newest file change "
        f"{m.get('src', {}).get('newest_change')}).",
        "",
        "### 1. First sync of the knowledge base (fresh workstation)",
        "",
    ]
    lines += _table(kinds, label, [
        ("publishing the corpus (kb import, one transaction), s", lambda x: f(x["publish"]["s"])),
        ("articles on the server (corpus + demo)", lambda x: f(x["publish"]["server_articles"], 0)),
        ("articles received and stored", lambda x: f(x["first_sync"]["articles_received"], 0)),
        ("pages of 500 / MB of JSON downloaded",
         lambda x: f"{x['first_sync']['pages']} / {f(x['first_sync']['mb'])}"),
        ("**total sync_once(), s**", lambda x: f"**{f(x['first_sync']['total_s'])}**"),
        ("download (client.changes), s", lambda x: f(x["first_sync"]["download_s"])),
        ("… of which HTTP (server work + transfer), s",
         lambda x: f(x["first_sync"]["download_http_s"])),
        ("… of which JSON decode, s", lambda x: f(x["first_sync"]["download_decode_s"])),
        ("store (SQLite page-apply transactions), s", lambda x: f(x["first_sync"]["store_s"])),
        ("index (Whoosh rebuild, on_kb_changed), s", lambda x: f(x["first_sync"]["index_s"])),
        ("other feeds and push, s", lambda x: f(x["first_sync"]["other_s"], 2)),
        ("articles/s end to end", lambda x: f(x["first_sync"]["articles_per_s"], 0)),
        ("other jobs on the machine meanwhile, cores",
         lambda x: f(x["first_sync"].get("others_cores"), 2)),
    ], b)  # fmt: skip
    lines += [
        "",
        f"### 2. Sync with nothing new ({b[kinds[0]]['noop']['runs']} runs; target p95 ≤ "
        f"{TARGETS['noop_p95_ms']:.0f} ms)",
        "",
    ]
    lines += _table(kinds, label, [
        ("median, ms", lambda x: f(x["noop"]["median_ms"])),
        ("p95, ms", lambda x: f(x["noop"]["p95_ms"])),
        ("max, ms", lambda x: f(x["noop"]["max_ms"])),
        ("HTTP calls per sync", lambda x: f(x["noop"]["http_calls"], 0)),
        ("… time in HTTP (median), ms", lambda x: f(x["noop"]["http_median_ms"])),
        ("… local work (median), ms", lambda x: f(x["noop"]["local_median_ms"])),
        ("other jobs on the machine meanwhile, cores",
         lambda x: f(x["noop"].get("others_cores"), 2)),
        ("target", lambda x: met(x["noop"]["p95_ms"] <= TARGETS["noop_p95_ms"])),
    ], b)  # fmt: skip
    n_push = b[kinds[0]]["push"]["saved"]
    lines += [
        "",
        f"### 3. Pushing {n_push} requests queued offline (target ≤ {TARGETS['push_s']:.0f} s)",
        "",
    ]
    lines += _table(kinds, label, [
        ("saving them offline (RequestService.save), s", lambda x: f(x["push"]["save_s"])),
        ("sync attempt while offline refused (NetworkError)",
         lambda x: "yes" if x["push"]["offline_sync_refused"] else "no"),
        ("**sync_once() after reconnecting, s**", lambda x: f"**{f(x['push']['sync_s'])}**"),
        ("… push phase, s", lambda x: f(x["push"]["push_s"])),
        ("… per request pushed, ms", lambda x: f(x["push"]["push_ms_each"])),
        ("… uploads in parallel (engine's PUSH_WORKERS)",
         lambda x: f(x["push"].get("push_workers", 1), 0)),
        ("… … waiting for the server's answers (push − storing), s",
         lambda x: f(x["push"].get("push_wait_s"))),
        ("… … storing the answers (_requests_sent, a transaction per batch of 64), s",
         lambda x: f(x["push"].get("push_store_s"))),
        ("… … PUT latency summed over all uploads, s",
         lambda x: f(x["push"].get("push_http_sum_s", x["push"].get("push_http_s")))),
        ("… pulling the request feed back, s", lambda x: f(x["push"]["pull_back_s"])),
        ("pushed / blocked / pushed by the next sync",
         lambda x: f"{x['push']['pushed']} / {x['push']['blocked']} / "
                   f"{x['push']['second_sync_pushed']}"),
        ("server rows for these UUIDs / new rows / distinct references",
         lambda x: f"{x['push']['server_rows_mine']} / "
                   f"{x['push']['server_rows_total'] - x['push']['server_rows_before']} / "
                   f"{x['push']['server_distinct_refs']}"),
        ("exactly once", lambda x: "yes" if x["push"]["exactly_once"] else "**NO**"),
        ("other jobs on the machine during the sync, cores",
         lambda x: f(x["push"].get("others_cores"), 2)),
        ("target", lambda x: met(x["push"]["sync_s"] <= TARGETS["push_s"])),
    ], b)  # fmt: skip
    lines += [
        "",
        "### 4. Server intake: concurrent uploads from a second process "
        f"(target ≥ {TARGETS['pg_uploads_per_s']:.0f}/s on PostgreSQL)",
        "",
        "| server DB | uploads | server processes | clients | per s | p50 ms | p95 ms | p99 ms | errors "
        "| count | server CPU ms/upload (kernel %) | PostgreSQL CPU ms/upload "
        "| load-generator CPU s "
        "| machine busy % | other jobs, cores | CPU check, ms | server rows as expected |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for k in kinds:
        for x in b[k].get("intake", []):
            lines.append(
                f"| {k} | {'replays (control)' if x.get('mode') == 'replay' else 'new'} "
                f"| {x['servers']} | {x['clients']} | {f(x['rps'], 0)} | {f(x['p50_ms'])} "
                f"| {f(x['p95_ms'])} | {f(x['p99_ms'])} | {x['errors']} | {x['created']} "
                f"| {f(x['server_cpu_ms_per_upload'], 2)} ({f(x.get('server_kernel_pct'), 0)}) "
                f"| {f(x['postgres_cpu_ms_per_upload'], 2)} "
                f"| {f(x['client_cpu_s'])} | {f(x['machine_busy_pct'], 0)} "
                f"| {f(x.get('others_cpu_cores'), 2)} | {f(x.get('cpu_check_ms'))} "
                f"| {'yes' if x['rows_match'] and x['distinct_refs_ok'] else '**NO**'} |"
            )
    pg_rows = [x for x in b.get("postgresql", {}).get("intake", []) if "pg_sessions" in x]
    if pg_rows:
        lines += [
            "",
            "What PostgreSQL's sessions were doing during those runs (pg_stat_activity polled at "
            "20 Hz; average number of sessions in each state):",
            "",
            "| uploads | server processes | clients | active | … waiting for a row lock | idle in transaction "
            "(transaction open, server's Python busy or queued) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for x in pg_rows:
            ps = x["pg_sessions"]
            lines.append(
                f"| {'replays' if x.get('mode') == 'replay' else 'new'} "
                f"| {x['servers']} | {x['clients']} | {f(ps.get('active', 0.0), 2)} "
                f"| {f(ps.get('lock_wait', 0.0), 2)} | {f(ps.get('idle_in_tx', 0.0), 2)} |"
            )
    if "postgresql" in b and b["postgresql"].get("intake"):
        new = [x for x in b["postgresql"]["intake"] if x.get("mode", "new") == "new"]
        several = [x["rps"] for x in new if x["servers"] > 1] or [0.0]
        best = max(several)
        single = max(x["rps"] for x in new if x["servers"] == 1)
        lines += [
            "",
            f"Target ≥ {TARGETS['pg_uploads_per_s']:.0f} uploads/s on PostgreSQL: one server "
            f"process {f(single, 0)}/s: {met(single >= TARGETS['pg_uploads_per_s'])}; best with "
            f"several processes {f(best, 0)}/s: {met(best >= TARGETS['pg_uploads_per_s'])}.",
        ]
    if any("statements" in b[k] for k in kinds):
        calls = list(next(b[k]["statements"] for k in kinds if "statements" in b[k]))
        lines += [
            "",
            "Work per call on the server (SQL statements executed, BEGIN/COMMIT not counted; "
            "hand-offs from the event loop to the thread pool, anyio.to_thread.run_sync):",
            "",
        ]
        lines += _table(
            [k for k in kinds if "statements" in b[k]],
            label,
            [(c, lambda x, c=c: f"{x['statements'][c]['statements']} statements, "
                                f"{x['statements'][c].get('thread_hops', '?')} thread-pool hop(s) "
                                f"(HTTP {x['statements'][c]['status']})") for c in calls],
            b,
        )  # fmt: skip
    for k in kinds:
        p = b[k].get("profile")
        if not p:
            continue
        if "error" in p:
            lines += ["", f"Profile ({k}): py-spy failed: {p['error']}"]
            continue
        n = max(1, p["samples"])
        lines += [
            "",
            f"### Profile of the server process ({label[k]}, {p['load']['clients']} clients, "
            f"{f(p['load']['rps'], 0)} uploads/s while sampled; py-spy --gil at "
            f"{p.get('rate_hz', 250)} Hz: the GIL was held {f(p['gil_busy_pct'], 0)} % of the time)",
            "",
            "| stage (inclusive share of GIL samples) | % |",
            "|---|---:|",
        ]
        lines += [f"| {name} | {f(100 * c / n, 0)} |" for name, c in p["stages"]]
        lines += ["", "| self time by package | % |", "|---|---:|"]
        lines += [f"| {name} | {f(100 * c / n, 0)} |" for name, c in p["self_groups"]]
        lines += ["", "| hottest functions (self) | % |", "|---|---:|"]
        lines += [f"| `{name}` | {f(100 * c / n, 1)} |" for name, c in p["top_self"][:10]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
