"""How fast a workstation's outbox drains through a faulty network: a measure, not a test.

    python -m tests.stress.drain --requests 400 --rate 0.35 --seed 1 --backend sqlite

A real server (a ``pac-sac-server run`` process), a workstation folder with ``--requests``
requests and a note on every fourth saved offline, the fault proxy of the loops between them
(every fault type at ``--rate`` per HTTP request, stalls longer than the client waits), and the
station's own sync loop (a pass, and after a network failure a backoff of 0.05-0.5 s) until the
outbox is empty. Prints passes, failed passes, items acknowledged per failed pass and the time
to drain, as one JSON line. The backlog is fixed, unlike the network loop's (whose saves go on
while the faults last), so two versions of the engine compare on the same work.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from pathlib import Path

from pac_sac_desktop.core.errors import NetworkError
from pac_sac_desktop.services.embedded_server import free_port
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.sync.client import ServerClient
from pac_sac_desktop.sync.engine import Backoff, SyncEngine, sync_status
from tests.stress import harness, station
from tests.stress.fault_proxy import FaultProxy
from tests.stress.loops import context
from tests.stress.server_child import ForkedServer


def queue_offline(db: Database, count: int, rng: random.Random) -> int:
    """``count`` requests, a note on every fourth: what an agent queues during an outage."""
    service = RequestService(db, streets=station.STREETS)
    categories = [c for c in service.categories() if c.active]
    saved: list[str] = []
    for n in range(1, count + 1):
        saved.append(service.save(station.draft(rng, categories), user="agent").uuid)
        if n % 4 == 0:
            target = rng.choice(saved[-50:])
            service.act(
                target, "note", {"text": rng.choice(station.NOTES)}, user="agent", role="agent"
            )
    return sync_status(db)["waiting"]


def drain(folder: Path, *, backend: str, requests: int, rate: float, seed: int) -> dict:
    rng = random.Random(seed)
    with harness.server_database(backend, folder) as url:
        harness.prepare_server_db(url)
        server = ForkedServer(context(), folder / "serveur", db_url=url, port=free_port())
        server.start()
        proxy = FaultProxy(server.port, seed=seed, rate=rate, stall=4.0).start()
        db = None
        try:
            token = server.login("agent", harness.password("agent"))
            home = folder / "poste"
            harness.open_station(home, server.url, token)
            db = Database.in_home(home)
            backlog = queue_offline(db, requests, rng)
            engine = SyncEngine(
                db, ServerClient(proxy.url, token, timeout=(1.0, 3.0)), role="agent"
            )
            backoff = Backoff(base=0.05, cap=0.5, rng=random.Random(seed))
            passes = failed = acked_in_failed = 0
            started = time.monotonic()
            waiting = backlog
            while waiting:
                passes += 1
                try:
                    engine.sync_once()
                    backoff.success()
                except NetworkError:
                    failed += 1
                    # no saves meanwhile: what left the outbox is what the server acknowledged
                    acked_in_failed += waiting - sync_status(db)["waiting"]
                    time.sleep(backoff.failure())
                waiting = sync_status(db)["waiting"]
            seconds = time.monotonic() - started
            return {
                "backend": backend,
                "rate": rate,
                "seed": seed,
                "backlog": backlog,
                "seconds": round(seconds, 1),
                "passes": passes,
                "failed_passes": failed,
                "acked_per_failed_pass": round(acked_in_failed / failed, 1) if failed else None,
                "faults": dict(sorted(proxy.counts.items())),
                "http_requests": len(proxy.seen),
                "load_average": [round(x, 2) for x in os.getloadavg()],
            }
        finally:
            if db is not None:
                db.close()
            proxy.stop()
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rate", type=float, default=0.35)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pac-sac-drain-") as tmp:
        figures = drain(
            Path(tmp), backend=args.backend, requests=args.requests, rate=args.rate, seed=args.seed
        )
    print(json.dumps(figures, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
