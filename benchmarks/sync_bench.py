"""Sync benchmark: workstation <-> central server, on a SQLite server and on a PostgreSQL server.

    .venv/bin/python benchmarks/sync_bench.py [--quick] [--json] [--save FILE]
                     [--backends sqlite,postgresql] [--workdir DIR] [--keep]
                     [--py-spy PATH | --no-profile] [--render FILE]

One run measures, for each server database (the real ``pac-sac-server`` program in its own
process on 127.0.0.1, through ``EmbeddedServer``):

1. **First sync of 10,000 articles** published with ``pac-sac-server kb import`` (corpus derived
   from the demo knowledge base, fixed seed), on a fresh ``Workstation``, split into download,
   store and index (``sync_parts.instrumented_sync``).
2. **A sync with nothing new**: 20 runs, median and p95 (target <= 100 ms).
3. **Pushing 1,000 requests queued offline**, then the server database checked: exactly once.
4. **Server intake under concurrent clients** from a second process (``sync_parts``), with one,
   two and four server processes on PostgreSQL, a control run of idempotent replays, the CPU of
   every party and ``pg_stat_activity``; with ``py-spy`` a profile of the server under load.

Method and figures: docs/benchmarks-sync.md. PostgreSQL: a throw-away database
``pacsac_bench_<pid>`` on 127.0.0.1:5432, dropped at the end. Only 127.0.0.1 traffic. Logs go to
stderr; the Markdown tables (or, with ``--json``, every figure as JSON) to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pac_sac_desktop.core.requests import RequestDraft

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sync_parts
from common import (
    AGENT,
    SRC,
    Backend,
    CpuWindow,
    emit,
    log,
    pg_drop_stale,
    server_machine,
    wait_idle,
    write_markdown_corpus,
)
from common import percentile_linear as percentile
from sync_parts import (
    CATEGORY,
    fill_answers,
    instrumented_sync,
    profile_server,
    run_intake,
    statements_per_call,
)
from sync_report import render

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


# =============================================================================== workstation side
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


def first_sync(backend: Backend, home: Path, expected: int) -> dict:
    from pac_sac_desktop.services.workstation import Workstation

    ws = Workstation(home)
    t0 = time.perf_counter()
    ws.login(backend.server.url, *AGENT)
    login_s = time.perf_counter() - t0
    with CpuWindow(backend.pids(), backend.kind == "postgresql") as others:
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
        "others_cores": others.others_cores,
    }
    assert count == expected, f"workstation has {count} articles, server published {expected}"
    return {"result": out, "ws": ws}


def noop_syncs(backend: Backend, ws, runs: int) -> dict:  # type: ignore[no-untyped-def]
    totals, downloads, http_calls = [], [], []
    others = CpuWindow(backend.pids(), backend.kind == "postgresql").__enter__()
    for _ in range(runs):
        r = instrumented_sync(ws)
        rep = r["report"]
        assert rep.pushed == rep.kb_upserts == rep.request_updates == 0, "sync was not empty"
        totals.append(r["total"] * 1000)
        downloads.append(sum(v for k, v in r["t"].items() if k.startswith("http:")) * 1000)
        http_calls.append(sum(v for k, v in r["n"].items() if k.startswith("http_calls:")))
    others.__exit__()
    return {
        "others_cores": others.others_cores,
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
    answers = fill_answers(category.questions)
    backend.server.stop()
    t0 = time.perf_counter()
    saved = [
        ws.requests.save(RequestDraft.from_wire(draft(answers, i)), user=AGENT[0])
        for i in range(count)
    ]
    save_s = time.perf_counter() - t0
    offline_refused = False
    try:
        ws.sync_once()
    except NetworkError:
        offline_refused = True
    waiting_offline = ws.requests.waiting()
    backend.server.start()
    with CpuWindow(backend.pids(), backend.kind == "postgresql") as others:
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
    local_refs = {row.reference for row in local if row.reference}
    push_s = r["t"].get("push", 0.0)
    return {
        "others_cores": others.others_cores,
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
    ap.add_argument("--cfg", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker == "intake":
        emit(sync_parts.worker_intake(json.loads(args.cfg)))
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
        sync_parts.WAIT_IDLE["max_s"] = min(args.wait_idle, 90.0)
    load = os.getloadavg()[0]
    if load > 0.5:
        log(f"warning: load average {load:.2f} before starting: other jobs will skew the figures")
    report: dict = {
        "command": " ".join(["benchmarks/sync_bench.py", *sys.argv[1:]]),
        "machine": server_machine(),
        "sizes": {k: list(v) if isinstance(v, tuple) else v for k, v in sizes.items()},
        "targets": TARGETS,
        "profiler": py_spy,
        "backends": {},
    }
    try:
        log(f"writing {sizes['articles']} articles to {workdir / 'corpus'}")
        report["corpus"] = write_markdown_corpus(workdir / "corpus", sizes["articles"])
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


if __name__ == "__main__":
    sys.exit(main())
