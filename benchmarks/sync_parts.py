"""The parts of ``sync_bench.py`` that are about one measure each: the timed sync (phases
split by wrapping one engine instance), the intake load generator (a second process of
``sync_bench.py --worker intake``) and the SQL statements per call. See docs/benchmarks-sync.md.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
import time
from collections import defaultdict
from pathlib import Path

from common import (
    AGENT,
    Backend,
    CpuWindow,
    PgSampler,
    cpu_check_ms,
    read_py_spy,
    run_worker,
    wait_idle,
)
from common import percentile_linear as percentile
from pac_sac_desktop.core.demo import sample_answers

SYNC_BENCH = Path(__file__).resolve().parent / "sync_bench.py"
CATEGORY = "nid-de-poule"
fill_answers = sample_answers  # the same rule as the tests and the demo
WAIT_IDLE = {"max_s": 0.0}  # set by --wait-idle: wait for other jobs before each intake run


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


# =============================================================================== intake
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
    with CpuWindow(server_pids, bool(cfg.get("postgres"))) as cpu:
        window["deadline"] = time.perf_counter() + cfg["seconds"]
        start_barrier.wait()
        for th in threads:
            th.join(cfg["seconds"] + 120)
    elapsed = cpu.elapsed
    spy_err = ""
    if spy is not None:
        try:
            spy_err = spy.communicate(timeout=60)[1] or ""
        except subprocess.TimeoutExpired:
            spy.kill()
            spy_err = "py-spy did not stop"
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
        "server_cpu_s": cpu.server_s,
        "server_kernel_pct": 100.0 * cpu.server_sys_s / cpu.server_s if cpu.server_s else None,
        "postgres_cpu_s": cpu.postgres_s,
        "client_cpu_s": cpu.client_s,
        "machine_busy_pct": cpu.busy_pct,
        # CPU the machine spent on anything but this run's server(s), PostgreSQL and the load
        # generator (other people's jobs on a shared machine), in cores
        "others_cpu_cores": cpu.others_cores,
        "server_cpu_ms_per_upload": 1000 * cpu.server_s / ok if ok else None,
        "postgres_cpu_ms_per_upload": (
            1000 * cpu.postgres_s / ok if ok and cfg.get("postgres") else None
        ),
    }


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
    try:
        result = run_worker(SYNC_BENCH, "intake", cfg=json.dumps(cfg))
    finally:
        if sampler is not None:
            sampler.stop.set()
            sampler.join(10)
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
    keys = ("clients", "rps", "p95_ms", "errors", "others_cpu_cores", "server_cpu_ms_per_upload")
    return {
        **read_py_spy(raw, STAGES, SELF_GROUPS, rate * int(seconds)),
        "rate_hz": rate,
        "load": {k: load[k] for k in keys},
    }


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
