"""Mixed load on one server process: new request uploads and feed/KB reads at once (issue 10).

    .venv/bin/python benchmarks/load_bench.py [--quick] [--json] [--save FILE] [--repeat N]
                     [--backends postgresql,sqlite] [--peer-src DIR] [--py-spy PATH]

For each server database a real ``pac-sac-server run`` (uvicorn, one process) is started on
127.0.0.1 over a fresh database seeded with ``pac-sac-server init --demo`` (the demo knowledge
base, the demo requests and a year of seasonal requests with their histories). Then:

1. **Idle page cost**: one client reads the first page of the requests feed and of the KB feed
   (``since=0``, ``limit`` 500 as workstations ask, and 100), 20 times each, one at a time.
2. **Mixed load**: a second process runs 32 threads, each with its own keep-alive
   ``http.client`` connection, sharing one shuffled list of 1,800 operations: 1,000 ``PUT
   /api/v1/requests/{uuid}`` of new valid requests, 400 pages of the requests feed, 200 pages of
   the KB feed (cursors drawn from each feed's numbers, ``limit=500``: a workstation catching up)
   and 200 article reads. ops/s = operations answered 2xx / wall time; latency per kind;
   errors = any other status or exception. The server must then hold one new row per 201.
3. With ``--py-spy``: the same load again while py-spy samples the server (``--gil``).

``--peer-src DIR`` adds a PostgreSQL column whose server runs the code of another source tree
(``git archive <commit> src | tar -x -C DIR``): before and after, side by side, in one run.
PostgreSQL: throw-away databases ``pacsac_bench_<pid>[_n]`` on 127.0.0.1:5432, dropped at the
end. Only 127.0.0.1 traffic. Logs on stderr; the Markdown tables (or JSON) on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    AGENT,
    SRC,
    Backend,
    CpuWindow,
    PgSampler,
    cpu_check_ms,
    emit,
    f1,
    log,
    percentile,
    pg_drop_stale,
    profile_lines,
    read_py_spy,
    run_worker,
    server_machine,
    source_tree,
    src_fingerprint,
    table,
)

CATEGORY = "nid-de-poule"
MIX = {"put": 1_000, "requests_feed": 400, "kb_feed": 200, "article": 200}
QUICK_MIX = {"put": 300, "requests_feed": 120, "kb_feed": 60, "article": 60}
CLIENTS = 32
PAGE = 500
IDLE_RUNS = 20
LOGIN = {"username": AGENT[0], "password": AGENT[1]}
TARGETS = {"ops_per_s": 300.0, "p95_ms": 250.0}
KINDS = ("put", "requests_feed", "kb_feed", "article")
KIND_LABEL = {
    "put": "PUT /requests/{uuid} (new)",
    "requests_feed": "GET /requests/changes (page)",
    "kb_feed": "GET /kb/changes (page)",
    "article": "GET /kb/articles/{id}",
}
STAGES = (
    ("event-loop thread: uvicorn, middleware, routing, body, response", ("Server.run (uvicorn/",)),
    ("thread pool (run_as and sync routes)", ("WorkerThread.run (anyio/",)),
    ("… token check (_user_of)", ("_user_of (pac_sac_desktop/",)),
    ("… requests feed page (requests.service.changes)", ("changes (pac_sac_desktop/server/requests",)),
    ("… KB feed page (kb.service.changes)", ("changes (pac_sac_desktop/server/kb",)),
    ("… upload (put_request)", ("put_request (pac_sac_desktop/server/requests/service",)),
    ("… to_wire / event_to_wire / article_to_wire", ("to_wire (pac_sac_desktop/",)),
    ("SQLAlchemy, anywhere", ("(sqlalchemy/",)),
    ("… ORM object loading (loading.py, instances)", ("(sqlalchemy/orm/loading",)),
    ("psycopg, anywhere", ("(psycopg/",)),
    ("JSON, anywhere (json, render, jsonable_encoder)",
     ("(json/", "jsonable_encoder (", "serialize_response (", "render (starlette")),
    ("pydantic, anywhere", ("(pydantic",)),
    ("argon2, anywhere", ("argon2",)),
)  # fmt: skip
SELF_GROUPS = (
    ("SQLAlchemy", ("sqlalchemy/",)),
    ("psycopg", ("psycopg/",)),
    ("sqlite3 module", ("sqlite3/",)),
    ("uvicorn / httptools / h11", ("uvicorn/", "httptools", "h11/")),
    ("FastAPI / Starlette", ("fastapi/", "starlette/")),
    ("pydantic", ("pydantic",)),
    ("asyncio / anyio / threading", ("asyncio/", "anyio/", "threading.py", "selectors.py",
                                     "queue.py", "concurrent/")),
    ("json", ("json/",)),
    ("app code (pac_sac_desktop)", ("pac_sac_desktop/",)),
)  # fmt: skip


# =============================================================================== load worker
def _body(answers: dict, tag: str, n: int) -> dict:
    return {
        "nature": "request",
        "category": CATEGORY,
        "channel": "phone",
        "citizen": {
            "first_name": "Marc",
            "last_name": f"Tremblay-{n}",
            "phone": f"450 555-{n % 10_000:04d}",
            "contact": "phone",
        },
        "location": {"address": f"{n % 900 + 1}, rue des Érables"},
        "description": f"Nid-de-poule devant le {n % 900 + 1} (charge mixte {tag}, appel {n}).",
        "answers": answers,
        "kb_articles": [],
        "resolved_first_contact": False,
        "number": f"L{tag}-{n}",
    }


def worker_load(cfg: dict) -> dict:
    """CLIENTS threads, each with its own keep-alive ``http.client`` connection, share one list
    of operations (bodies encoded beforehand: the generator shares the cores with the server,
    and ``requests`` cost it about a third of a core more)."""
    import http.client
    import uuid as uuidlib
    from urllib.parse import urlsplit

    import requests

    from pac_sac_desktop.core.demo import sample_answers

    base = cfg["url"] + "/api/v1"
    login = requests.post(f"{base}/auth/login", json=LOGIN)
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    taxonomy = requests.get(f"{base}/taxonomy/changes?limit=2000", headers=headers).json()
    category = next(c["category"] for c in taxonomy["changes"] if c["id"] == CATEGORY)
    answers = sample_answers(category.get("questions", []))
    rng = random.Random(cfg["seed"])
    ops = [kind for kind, n in cfg["mix"].items() for _ in range(n)]
    rng.shuffle(ops)
    plan: list[tuple[str, str, str, bytes | None]] = []
    for n, kind in enumerate(ops):
        if kind == "put":
            body = json.dumps(_body(answers, cfg["tag"], n)).encode()
            plan.append((kind, "PUT", f"/requests/{uuidlib.uuid4()}", body))
        elif kind == "requests_feed":
            since = rng.choice(cfg["request_seqs"])
            plan.append((kind, "GET", f"/requests/changes?since={since}&limit={PAGE}", None))
        elif kind == "kb_feed":
            since = rng.choice(cfg["kb_seqs"])
            plan.append((kind, "GET", f"/kb/changes?since={since}&limit={PAGE}", None))
        else:
            plan.append((kind, "GET", f"/kb/articles/{rng.choice(cfg['article_ids'])}", None))
    clients = int(cfg["clients"])
    lock = threading.Lock()
    nxt = [0]
    results: list[list[tuple[str, float, int | str]]] = [[] for _ in range(clients)]
    barrier = threading.Barrier(clients + 1)
    where = urlsplit(cfg["url"])
    prefix = where.path.rstrip("/") + "/api/v1"
    get_headers = {**headers, "Connection": "keep-alive"}
    put_headers = {**get_headers, "Content-Type": "application/json"}

    def connect() -> http.client.HTTPConnection:
        return http.client.HTTPConnection(where.hostname, where.port, timeout=120)

    def call(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None) -> int:
        conn.request(method, prefix + path, body=body, headers=put_headers if body else get_headers)
        answer = conn.getresponse()
        answer.read()  # the whole answer is read before the clock stops
        return answer.status

    def run(i: int) -> None:
        conn = connect()
        call(conn, "GET", f"/kb/articles/{cfg['article_ids'][0]}", None)  # warm the connection
        barrier.wait()
        while True:
            with lock:
                if nxt[0] >= len(plan):
                    break
                kind, method, path, body = plan[nxt[0]]
                nxt[0] += 1
            t0 = time.perf_counter()
            try:
                status: int | str = call(conn, method, path, body)
            except (OSError, http.client.HTTPException) as exc:
                status = exc.__class__.__name__
                conn.close()
                conn = connect()  # the next operation starts on a new connection
            results[i].append((kind, time.perf_counter() - t0, status))
        conn.close()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(clients)]
    for th in threads:
        th.start()
    spy = None
    if cfg.get("py_spy"):
        spy = subprocess.Popen(
            [cfg["py_spy"], "record", "--pid", str(cfg["server_pids"][0]), "--rate", "250",
             "--gil", "--format", "raw", "--output", cfg["py_spy_out"], "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(1.0)  # let it attach; the clients wait at the barrier
    with CpuWindow(cfg["server_pids"], cfg["postgres"]) as cpu:
        barrier.wait()
        for th in threads:
            th.join(600)
    spy_err = ""
    if spy is not None:
        spy.send_signal(signal.SIGINT)  # py-spy writes its file when interrupted
        spy_err = (spy.communicate(timeout=60)[1] or "")[-500:]
    flat = [x for r in results for x in r]
    ok = [x for x in flat if isinstance(x[2], int) and 200 <= x[2] < 300]
    per_kind = {}
    for kind in cfg["mix"]:
        lat = [t * 1000 for k, t, _s in ok if k == kind]
        statuses: dict[str, int] = {}
        for k, _t, s in flat:
            if k == kind:
                statuses[str(s)] = statuses.get(str(s), 0) + 1
        per_kind[kind] = {
            "n": len(lat),
            "errors": sum(1 for k, _t, s in flat if k == kind) - len(lat),
            "statuses": statuses,
            "p50_ms": percentile(lat, 50),
            "p95_ms": percentile(lat, 95),
            "p99_ms": percentile(lat, 99),
        }
    all_ms = [t * 1000 for _k, t, _s in ok]
    return {
        "clients": clients,
        "ops": len(flat),
        "ok": len(ok),
        "errors": len(flat) - len(ok),
        "created": sum(1 for k, _t, s in flat if k == "put" and s == 201),
        "seconds": cpu.elapsed,
        "ops_per_s": len(ok) / cpu.elapsed,
        "p50_ms": percentile(all_ms, 50),
        "p95_ms": percentile(all_ms, 95),
        "p99_ms": percentile(all_ms, 99),
        "per_kind": per_kind,
        "server_cpu_s": cpu.server_s,
        "postgres_cpu_s": cpu.postgres_s,
        "client_cpu_s": cpu.client_s,
        "others_cores": cpu.others_cores,
        "py_spy_stderr": spy_err,
    }


# =============================================================================== parent side
def idle_pages(url: str) -> dict:
    """One client, one call at a time: the first page of each feed, ``IDLE_RUNS`` times."""
    import requests

    http = requests.Session()
    r = http.post(f"{url}/api/v1/auth/login", json=LOGIN)
    http.headers["Authorization"] = f"Bearer {r.json()['token']}"
    out = {}
    for feed in ("requests", "kb"):
        for limit in (PAGE, 100):
            path = f"{url}/api/v1/{feed}/changes?since=0&limit={limit}"
            t0 = time.perf_counter()
            http.get(path).raise_for_status()  # the first read after start: nothing kept yet
            first = (time.perf_counter() - t0) * 1000
            times, size, items = [], 0, 0
            for _ in range(IDLE_RUNS):
                t0 = time.perf_counter()
                r = http.get(path)
                times.append((time.perf_counter() - t0) * 1000)
                size, items = len(r.content), len(r.json()["changes"])
            out[f"{feed}:{limit}"] = {
                "first_ms": first,
                "median_ms": statistics.median(times),
                "p95_ms": percentile(times, 95),
                "items": items,
                "kb": size / 1024,
            }
    return out


def mixed_load(backend: Backend, mix: dict, tag: str, py_spy: str | None, workdir: Path) -> dict:
    seqs = {
        feed: [
            r[0]
            for r in backend.rows(f"select seq from changes where feed = '{feed}' order by seq")
        ]
        for feed in ("requests", "kb")
    }
    ids = [r[0] for r in backend.rows("select id from kb_articles where not deleted order by id")]
    before = backend.scalar("select count(*) from requests")[0]
    cfg = {
        "url": backend.server.url,
        "mix": mix,
        "clients": CLIENTS,
        "seed": 20261204,
        "tag": tag,
        "request_seqs": [0, *seqs["requests"][:-PAGE]],
        "kb_seqs": [0, *seqs["kb"][:-50]],
        "article_ids": ids,
        "server_pids": backend.pids(),
        "postgres": backend.kind == "postgresql",
    }
    raw = workdir / f"py-spy-{backend.name}.txt"
    if py_spy:
        cfg |= {"py_spy": py_spy, "py_spy_out": str(raw)}
    cfg_file = workdir / f"load-{tag}.json"
    cfg_file.write_text(json.dumps(cfg))
    speed = cpu_check_ms()
    sampler = PgSampler(backend.dbname) if backend.kind == "postgresql" else None
    if sampler:
        sampler.start()
    result = run_worker(Path(__file__).resolve(), "load", cfg=cfg_file)
    if sampler:
        sampler.stop.set()
        sampler.join(5)
        result["pg_sessions"] = sampler.result()
    after, refs = backend.scalar("select count(*), count(distinct reference) from requests")
    result["cpu_check_ms"] = speed
    result["rows_ok"] = after - before == result["created"] and refs == after
    if py_spy:
        result["profile"] = (
            read_py_spy(raw, STAGES, SELF_GROUPS, int(250 * result["seconds"]))
            if raw.exists()
            else {"error": result.get("py_spy_stderr") or "py-spy wrote nothing"}
        )
    return result


def run_backend(kind: str, name: str, src: Path | None, args, workdir: Path) -> dict:  # type: ignore[no-untyped-def]
    mix = QUICK_MIX if args.quick else MIX
    backend = Backend(kind, workdir, name=name, src=src)
    out: dict = {"kind": kind, "src": src_fingerprint(src or SRC)}
    try:
        log(f"{name}: init --demo (knowledge base, demo requests, a year of requests)")
        t0 = time.perf_counter()
        backend.server.init(demo=True)
        out["init_s"] = time.perf_counter() - t0
        out["seeded"] = {
            "requests": backend.scalar("select count(*) from requests")[0],
            "events": backend.scalar("select count(*) from request_events")[0],
            "articles": backend.scalar("select count(*) from kb_articles")[0],
        }
        backend.server.start()
        log(f"{name}: idle page cost")
        out["idle"] = idle_pages(backend.server.url)
        runs = []
        for i in range(args.repeat):
            log(
                f"{name}: mixed load {i + 1}/{args.repeat}, {CLIENTS} clients, {sum(mix.values())} operations"
            )
            runs.append(mixed_load(backend, mix, f"{name[:2]}{i + 1}", None, workdir))
            log(f"{name}: {runs[-1]['ops_per_s']:.0f} ops/s, p95 {runs[-1]['p95_ms']:.0f} ms")
        # The run of median throughput stands for the backend; every run is listed beside it.
        out["load"] = sorted(runs, key=lambda x: x["ops_per_s"])[len(runs) // 2]
        out["runs"] = [{k: x[k] for k in ("ops_per_s", "p95_ms", "others_cores")} for x in runs]
        if args.py_spy:
            log(f"{name}: the same load again under py-spy")
            out["profiled"] = mixed_load(backend, mix, f"{name[:2]}p", args.py_spy, workdir)
    finally:
        backend.close()
    return out


# =============================================================================== report
def render(r: dict) -> str:
    b = r["backends"]
    names = list(b)
    m = r["machine"]
    mix = r["mix"]
    head = [
        f"Machine: {m['nproc']} × {m['cpu']}, Python {m['python']}, PostgreSQL {m['postgresql']}, "
        f"SQLite {m['sqlite']}; {m['date']}; load average at start {m['loadavg_at_start']}, at "
        f"end {r.get('loadavg_at_end')}; whole run {f1(r['wall_s'] / 60)} min. Mix: "
        + ", ".join(f"{n} × {KIND_LABEL[k]}" for k, n in mix.items())
        + f"; {CLIENTS} clients, one server process.",
        "",
    ]
    header = ["", *[f"{n} ({b[n]['src']['sha256_12']})" for n in names]]
    load = [b[n]["load"] for n in names]
    rows = [
        ["**ops/s** (target ≥ 300)", *[f"**{f1(x['ops_per_s'], 0)}**" for x in load]],
        ["every run: ops/s, p95 ms (the median run is shown)",
         *["; ".join(f"{f1(r['ops_per_s'], 0)}, {f1(r['p95_ms'], 0)}" for r in b[n].get("runs", []))
           or "one run" for n in names]],
        ["wall time, s", *[f1(x["seconds"]) for x in load]],
        ["all operations p50 / p95 / p99, ms",
         *[f"{f1(x['p50_ms'], 0)} / **{f1(x['p95_ms'], 0)}** / {f1(x['p99_ms'], 0)}" for x in load]],
    ]  # fmt: skip
    for kind in mix:
        rows.append(
            [f"{KIND_LABEL[kind]} p50 / p95 / p99, ms"]
            + [
                f"{f1(x['per_kind'][kind]['p50_ms'], 0)} / {f1(x['per_kind'][kind]['p95_ms'], 0)}"
                f" / {f1(x['per_kind'][kind]['p99_ms'], 0)}"
                for x in load
            ]
        )
    rows += [
        ["errors (non-2xx or exception)", *[str(x["errors"]) for x in load]],
        ["server rows = 201 answers, distinct references", *["yes" if x["rows_ok"] else "**NO**" for x in load]],
        ["server CPU / PostgreSQL CPU / load generator CPU, s",
         *[f"{f1(x['server_cpu_s'])} / {f1(x['postgres_cpu_s'])} / {f1(x['client_cpu_s'])}" for x in load]],
        ["other jobs on the machine meanwhile, cores", *[f1(x["others_cores"], 2) for x in load]],
        ["CPU check before the run, ms", *[f1(x["cpu_check_ms"]) for x in load]],
        ["seeded requests / events / articles",
         *[f"{b[n]['seeded']['requests']} / {b[n]['seeded']['events']} / {b[n]['seeded']['articles']}" for n in names]],
    ]  # fmt: skip
    out = [*head, table("Mixed load", header, rows).rstrip(), ""]
    idle_rows = []
    for key, label in (("requests:500", "requests feed, first page, limit 500"),
                       ("kb:500", "KB feed, first page, limit 500"),
                       ("requests:100", "requests feed, first page, limit 100"),
                       ("kb:100", "KB feed, first page, limit 100")):  # fmt: skip
        idle_rows.append(
            [label]
            + [
                f"{f1(b[n]['idle'][key].get('first_ms'))}; {f1(b[n]['idle'][key]['median_ms'])} / "
                f"{f1(b[n]['idle'][key]['p95_ms'])} "
                f"({b[n]['idle'][key]['items']} items, {f1(b[n]['idle'][key]['kb'], 0)} KiB)"
                for n in names
            ]
        )
    out.append(
        table(
            f"Idle page cost, one client: first read after start; median / p95 of the next {IDLE_RUNS}, ms",
            header,
            idle_rows,
        )
    )
    for n in names:
        p = b[n].get("profiled", {}).get("profile")
        if p:
            x = b[n]["profiled"]
            title = (f"Profile of the server ({n}; {f1(x['ops_per_s'], 0)} ops/s while sampled, "
                     f"py-spy --gil at 250 Hz: GIL held {f1(p.get('gil_busy_pct'), 0)} % of the time)")  # fmt: skip
            out += profile_lines(title, p)
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a smaller mix and a smaller demo year")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--save", help="also write the JSON report to this file")
    ap.add_argument("--render", help="print the tables of a saved JSON report")
    ap.add_argument("--backends", default="postgresql,sqlite")
    ap.add_argument("--peer-src", help="a source tree whose server runs as the peer PostgreSQL")
    ap.add_argument("--py-spy", dest="py_spy", help="py-spy executable: profile each server")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="mixed-load runs per backend on the same server; the median one is shown",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--cfg", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker == "load":
        emit(worker_load(json.loads(Path(args.cfg).read_text())))
        return 0
    if args.render:
        print(render(json.loads(Path(args.render).read_text())))
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    for name in pg_drop_stale():
        log(f"dropped {name}, left by a benchmark run that was killed")
    if args.quick:
        os.environ["PAC_SAC_DEMO_YEAR"] = "1.5"
    os.environ.setdefault("PAC_SAC_NO_KEYRING", "1")
    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    started = time.perf_counter()
    specs = [(k.strip(), k.strip(), None) for k in args.backends.split(",") if k.strip()]
    if args.peer_src:
        peer = source_tree(Path(args.peer_src))
        specs.insert(1, ("postgresql", "postgresql, peer code", peer))
    report: dict = {
        "command": " ".join(["benchmarks/load_bench.py", *sys.argv[1:]]),
        "machine": server_machine(),
        "mix": QUICK_MIX if args.quick else MIX,
        "backends": {},
    }
    try:
        for kind, name, src in specs:
            try:
                report["backends"][name] = run_backend(kind, name, src, args, workdir)
            except subprocess.CalledProcessError as exc:  # the others still run and print
                log(f"{name} failed: {exc}\n{(exc.stderr or '')[-3000:]}")
    finally:
        report["wall_s"] = time.perf_counter() - started
        report["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
        shutil.rmtree(workdir, ignore_errors=True)
    if args.save:
        Path(args.save).write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
