"""The three loops and their figures; ``python -m tests.stress.loops`` runs them on demand.

    python -m tests.stress.loops --scenario all --iterations 1000 --backend postgresql

- ``workstation``: the station killed with SIGKILL at a random moment while it saves and
  syncs, started again (it syncs its outbox), ``iterations`` times;
- ``server``: the server process killed with SIGKILL during uploads and started again;
- ``network``: the station behind the fault proxy while an editor publishes answer sheets,
  until ``iterations`` faults were injected; then the proxy turns clean and the station must
  recover by itself.

Each ends with one more sync and the account: every acknowledged request and note on the server
exactly once, nothing the station holds missing there, no number or reference twice, the
station's database passing ``PRAGMA integrity_check`` (and the server's, on SQLite).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import sqlite3
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import requests

from pac_sac_desktop.services.embedded_server import free_port
from tests.stress import harness, station
from tests.stress.fault_proxy import FaultProxy
from tests.stress.server_child import ForkedServer

_CTX: Any = None


def context() -> Any:
    """The fork server, which imports the station's code once for all the children."""
    global _CTX
    if _CTX is None:
        _CTX = multiprocessing.get_context("forkserver")
        _CTX.set_forkserver_preload(["tests.stress.station", "tests.stress.server_child"])
    return _CTX


@dataclass
class Figures:
    scenario: str
    backend: str
    iterations: int
    seconds: float = 0.0
    kills: int = 0
    kills_in_save: int = 0
    kills_in_sync: int = 0
    kills_with_uploads_in_flight: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    failed_syncs: int = 0
    failed_syncs_after_clean: int = 0
    passes_ok: int = 0
    uploads_acked: int = 0  # outbox items the server acknowledged, in all passes
    uploads_acked_in_failed: int = 0  # of which in passes that failed on the network
    acked_per_failed_pass: float = 0.0
    backlog_at_clean: int = 0  # outbox items waiting when the network turned clean
    recovery_seconds: float = 0.0  # from then to the second pass that left nothing waiting
    kb_versions_published: int = 0
    kb_problems: int = 0
    acknowledged: int = 0
    acknowledged_events: int = 0
    station_requests: int = 0
    server_requests: int = 0
    duplicates: int = 0
    lost: int = 0
    lost_locally: int = 0
    problems: list[str] = field(default_factory=list)

    def take(self, account: harness.Account) -> None:
        self.acknowledged = account.acknowledged
        self.acknowledged_events = account.acknowledged_events
        self.station_requests = account.station_requests
        self.server_requests = account.server_requests
        self.duplicates = len(account.duplicates)
        self.lost = len(account.lost)
        self.lost_locally = len(account.lost_locally)
        self.problems += account.problems()


def _shared(ctx: Any) -> station.Shared:
    return station.Shared(*(ctx.RawValue("i", 0) for _ in range(len(fields(station.Shared)))))


def _child_failed(process: Any, log_path: Path) -> str:
    log = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
    errors = [line for line in log.splitlines() if line.startswith("error")]
    return f"station ended by itself (exit {process.exitcode}): {errors[-1:] or log[-2000:]}"


class _Run:
    """One loop's folder, server and station configuration."""

    def __init__(self, folder: Path, backend: str, seed: int) -> None:
        self.folder = folder
        self.backend = backend
        self.rng = random.Random(seed)
        self.seed = seed
        self.home = folder / "poste"
        self.ack = folder / "acquittements.txt"
        self.log = folder / "poste.log"

    def station(self, server_url: str, token: str, **options: Any) -> station.StationConfig:
        return station.StationConfig(
            home=str(self.home),
            server_url=server_url,
            token=token,
            ack_path=str(self.ack),
            log_path=str(self.log),
            seed=self.rng.randrange(2**31),
            **options,
        )

    def finish(self, figures: Figures, server: ForkedServer, token: str) -> None:
        harness.final_sync(self.home, server.url, token)
        account = harness.account(self.home, server.db_url, harness.Acks.read(self.ack))
        account.server_integrity = harness.server_integrity(server.db_url)
        figures.take(account)


def _start(folder: Path, url: str) -> ForkedServer:
    harness.prepare_server_db(url)
    server = ForkedServer(context(), folder / "serveur", db_url=url, port=free_port())
    server.start()
    return server


# ---------------------------------------------------------------------- 1. the workstation
def kill_workstation(
    iterations: int,
    *,
    backend: str,
    folder: Path,
    seed: int = 1,
    alive: tuple[float, float] = (0.1, 2.0),
) -> Figures:
    figures = Figures("workstation", backend, iterations)
    run = _Run(folder, backend, seed)
    ctx = context()
    started = time.monotonic()
    with harness.server_database(backend, folder) as url:
        server = _start(folder, url)
        try:
            token = server.login("agent", harness.password("agent"))
            harness.open_station(run.home, server.url, token)
            shared = _shared(ctx)
            shared.saving.value = 1
            for _ in range(iterations):
                config = run.station(server.url, token)
                process = ctx.Process(target=station.run, args=(config, shared), daemon=True)
                process.start()
                time.sleep(run.rng.uniform(*alive))
                if not process.is_alive():
                    figures.problems.append(_child_failed(process, run.log))
                    break
                figures.kills_in_save += shared.in_save.value
                figures.kills_in_sync += shared.in_sync.value
                figures.kills_with_uploads_in_flight += shared.uploads.value > 0
                process.kill()
                process.join(30)
                figures.kills += 1
                shared.in_save.value = shared.in_sync.value = shared.uploads.value = 0
            figures.failed_syncs = shared.failed_syncs.value
            run.finish(figures, server, token)
        finally:
            server.stop()
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


# ---------------------------------------------------------------------- 2. the server
def kill_server(
    iterations: int,
    *,
    backend: str,
    folder: Path,
    seed: int = 2,
    up: tuple[float, float] = (0.3, 1.5),
) -> Figures:
    figures = Figures("server", backend, iterations)
    run = _Run(folder, backend, seed)
    ctx = context()
    started = time.monotonic()
    with harness.server_database(backend, folder) as url:
        server = _start(folder, url)
        process = None
        try:
            token = server.login("agent", harness.password("agent"))
            harness.open_station(run.home, server.url, token)
            shared = _shared(ctx)
            shared.saving.value = 1
            config = run.station(server.url, token, timeout=(2.0, 10.0), save_pause=0.05)
            process = ctx.Process(target=station.run, args=(config, shared), daemon=True)
            process.start()
            for _ in range(iterations):
                time.sleep(run.rng.uniform(*up))
                if not process.is_alive():
                    figures.problems.append(_child_failed(process, run.log))
                    break
                figures.kills_with_uploads_in_flight += shared.uploads.value > 0
                server.kill()
                figures.kills += 1
                time.sleep(run.rng.uniform(0, 0.3))
                server.start(timeout=120)
            _recover(process, shared, figures, run)
            process.kill()
            process.join(30)
            _pass_figures(figures, shared)
            run.finish(figures, server, token)
        finally:
            if process is not None and process.is_alive():
                process.kill()
            server.stop()
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


def _recover(process: Any, shared: station.Shared, figures: Figures, run: _Run) -> None:
    """Saves stop; the station must reach an empty outbox by its own retries (two clean passes:
    the first may have begun before the network turned clean). A bound, not a measure."""
    shared.saving.value = 0
    failed = shared.failed_syncs.value
    target = shared.clean_syncs.value + 2
    deadline = time.monotonic() + 300
    while shared.clean_syncs.value < target:
        if not process.is_alive():
            figures.problems.append(_child_failed(process, run.log))
            return
        if time.monotonic() > deadline:
            figures.problems.append("the station did not recover by itself within 300 s")
            return
        time.sleep(0.1)
    figures.failed_syncs_after_clean = shared.failed_syncs.value - failed
    figures.recovery_seconds = round(time.monotonic() - deadline + 300, 1)


def _pass_figures(figures: Figures, shared: station.Shared) -> None:
    figures.failed_syncs = shared.failed_syncs.value
    figures.passes_ok = shared.passes_ok.value
    figures.uploads_acked = shared.acked.value
    figures.uploads_acked_in_failed = shared.acked_in_failed.value
    if figures.failed_syncs:
        figures.acked_per_failed_pass = round(
            figures.uploads_acked_in_failed / figures.failed_syncs, 2
        )


def waiting(home: Path) -> int:
    """Outbox items waiting in the station's file, read beside the running station (WAL)."""
    with contextlib.closing(sqlite3.connect(home / "pac-sac.sqlite3", timeout=30)) as c:
        return int(c.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])


# ---------------------------------------------------------------------- 3. the network
class Editor:
    """Publishes answer sheets straight to the server (not through the proxy) while the station
    syncs through it: new sheets and new versions of existing ones."""

    def __init__(self, server_url: str, token: str, rng: random.Random) -> None:
        self.url = server_url
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.rng = rng
        self.published = 0
        self.stop = threading.Event()
        self.error: str = ""
        self.thread = threading.Thread(target=self._loop, daemon=True, name="editor")

    def _publish(self, n: int) -> None:
        sheet = f"avis-travaux-{self.rng.randrange(8)}"
        article = {
            "title": f"Avis de travaux, secteur {sheet[-1]}",
            "service": "Travaux publics",
            "tags": ["travaux", "circulation"],
            "body": f"Mise à jour n° {n} : la voie de droite reste fermée entre 7 h et 17 h. "
            "Le stationnement est interdit des deux côtés pendant les travaux.",
        }
        r = self.http.put(f"{self.url}/api/v1/kb/articles/{sheet}", json=article, timeout=30)
        r.raise_for_status()
        self.published += 1

    def _loop(self) -> None:
        n = 0
        while not self.stop.is_set():
            n += 1
            try:
                self._publish(n)
            except requests.RequestException as exc:
                self.error = repr(exc)
                return
            self.stop.wait(self.rng.uniform(0.05, 0.4))


def faulty_network(
    iterations: int, *, backend: str, folder: Path, seed: int = 3, stall: float = 4.0
) -> Figures:
    """``iterations`` faults injected, then a clean network and the station on its own."""
    figures = Figures("network", backend, iterations)
    run = _Run(folder, backend, seed)
    ctx = context()
    started = time.monotonic()
    with harness.server_database(backend, folder) as url:
        server = _start(folder, url)
        proxy = FaultProxy(server.port, seed=seed, stall=stall).start()
        process = None
        editor = Editor(server.url, server.login("editeur", harness.password("editeur")), run.rng)
        try:
            token = server.login("agent", harness.password("agent"))
            harness.open_station(run.home, server.url, token)
            shared = _shared(ctx)
            shared.saving.value = 1
            config = run.station(
                proxy.url, token, timeout=(1.0, stall - 1.0), save_pause=0.05, kb_check_db=url
            )
            process = ctx.Process(target=station.run, args=(config, shared), daemon=True)
            process.start()
            editor.thread.start()
            while proxy.faults_injected() < iterations:
                if not process.is_alive():
                    figures.problems.append(_child_failed(process, run.log))
                    break
                time.sleep(0.1)
            editor.stop.set()
            editor.thread.join(60)
            shared.saving.value = 0
            proxy.clean = True
            figures.backlog_at_clean = waiting(run.home)
            if process.is_alive():
                _recover(process, shared, figures, run)
            process.kill()
            process.join(30)
            figures.faults = dict(sorted(proxy.counts.items()))
            _pass_figures(figures, shared)
            figures.kb_problems = shared.kb_problems.value
            figures.kb_versions_published = editor.published
            if editor.error:
                figures.problems.append(f"editor: {editor.error}")
            if figures.kb_problems:
                figures.problems.append(f"KB feed: {figures.kb_problems} problem(s), see {run.log}")
            _final_kb(run, server, url, figures)
            run.finish(figures, server, token)
        finally:
            if process is not None and process.is_alive():
                process.kill()
            proxy.stop()
            server.stop()
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


def _final_kb(run: _Run, server: ForkedServer, url: str, figures: Figures) -> None:
    """At the end every sheet's server version is the one here, none more, none less."""
    there = harness.kb_versions_on_server(url)
    db = harness.Database.in_home(run.home)
    try:
        here = harness.kb_versions_here(db)
    finally:
        db.close()
    if here != there:
        diff = {
            k: (here.get(k), there.get(k))
            for k in set(here) | set(there)
            if here.get(k) != there.get(k)
        }
        figures.problems.append(f"KB at the end differs from the server (here, there): {diff}")


SCENARIOS = {"workstation": kill_workstation, "server": kill_server, "network": faulty_network}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", choices=[*SCENARIOS, "all"], default="all")
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="postgresql")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", type=Path, help="folder kept after the run (logs, databases)")
    args = parser.parse_args(argv)
    names = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    failed = False
    with tempfile.TemporaryDirectory(prefix="pac-sac-stress-") as tmp:
        base = args.keep or Path(tmp)
        for name in names:
            folder = base / name
            folder.mkdir(parents=True, exist_ok=True)
            figures = SCENARIOS[name](
                args.iterations, backend=args.backend, folder=folder, seed=args.seed
            )
            print(json.dumps(asdict(figures), ensure_ascii=False), flush=True)
            failed = failed or bool(figures.problems)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["Counter", "Figures", "faulty_network", "kill_server", "kill_workstation"]
