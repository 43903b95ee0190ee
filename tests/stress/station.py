"""The workstation the loops kill: real code (RequestService.save, SyncEngine.sync_once, the
SQLite file) in a child process that saves requests and syncs until it is killed.

Each acknowledged save is written to the acknowledgement file with one ``write(2)`` after
``save()`` returned, i.e. after the commit: what the agent saw on the receipt. A sync thread runs
beside the saves, as the window's background sync does, so a kill lands anywhere: in a save, in
an upload, between an upload's answer and the transaction that records it, in a feed page.

Children are forked by multiprocessing's fork server, which imports this module (and the
workstation's code with it) once: a child starts in milliseconds instead of the ~2 s an import
of SQLAlchemy and the services takes, so a thousand kills take minutes, not an hour.
"""

from __future__ import annotations

import os
import random
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.errors import NetworkError, SyncError
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.requests import RequestDraft
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.server import db as server_db_module
from pac_sac_desktop.server.models import Article
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import ArticleRow
from pac_sac_desktop.store.state import get_int
from pac_sac_desktop.sync.client import ServerClient
from pac_sac_desktop.sync.engine import Backoff, SyncEngine, sync_status

STREETS = StreetIndex.load(resources_dir() / "streets.yaml")  # read once, in the fork server

CITIZENS = (
    ("Lucie", "Gagnon", "450 555-0199"),
    ("Jean-François", "Tremblay", "450 555-0142"),
    ("Marie-Ève", "Côté", "450 555-0117"),
    ("Mohamed", "Benali", "450 555-0188"),
    ("Nguyen", "Thi Lan", "450 555-0163"),
    ("Gilles", "Bouchard", "450 555-0124"),
)
ADDRESSES = (
    "120, rue Principale",
    "455, rue Principale",
    "1250, boulevard des Pionniers",
    "310, chemin de la Carrière",
    "88, rue du Parc",
    "640, rue de la Gare",
    "215, rue des Pins",
    "730, rue des Érables",
)
DESCRIPTIONS = (
    "Trou profond dans la chaussée, voie de droite, les voitures font un écart.",
    "Lampadaire éteint depuis trois soirs devant la résidence.",
    "Bac de recyclage non ramassé lors de la dernière collecte.",
    "Branche cassée qui pend au-dessus du trottoir après le vent d'hier.",
    "Bouche d'égout qui refoule lors des fortes pluies.",
    "Panneau d'arrêt penché à l'intersection, peu visible le soir.",
)
NOTES = (
    "Le citoyen rappelle : la situation est inchangée.",
    "Photo reçue par courriel, jointe au dossier papier.",
    "Le citoyen précise que le problème s'aggrave la nuit.",
)


@dataclass(frozen=True)
class StationConfig:
    home: str
    server_url: str
    token: str
    ack_path: str
    log_path: str
    seed: int
    timeout: tuple[float, float] = (2.0, 5.0)
    save_pause: float = 0.02  # at most this long between two saves
    notes_every: int = 4  # every n-th save also adds a note to an earlier request
    kb_check_db: str | None = None  # server database URL: check the KB feed after each sync
    backoff: tuple[float, float] = (0.05, 0.5)  # base and cap of the sync retry delay


@dataclass
class Shared:
    """Counters in shared memory (multiprocessing.RawValue: no lock a killed child could hold),
    each written by one thread of the one living child, read by the loop that kills."""

    saving: Any  # 1: the agent keeps saving; 0: saves paused
    in_save: Any  # a save is in its transaction
    in_sync: Any  # a sync pass is running
    uploads: Any  # PUTs in flight
    clean_syncs: Any  # passes that ended with nothing waiting
    failed_syncs: Any  # passes that failed on the network
    kb_problems: Any  # skipped or reordered KB changes seen after a pass
    acked: Any  # uploads the server acknowledged (a 2xx answer naming what was sent)
    acked_in_failed: Any  # of which during passes that then failed on the network
    passes_ok: Any  # passes that succeeded (whatever was left waiting)


class CountingClient(ServerClient):
    """The real client; it only counts the uploads in flight, for the figures of the kills.

    The count is kept under a lock of this process and published to shared memory: a lock in
    shared memory held by a killed child would stop the next one."""

    _lock = threading.Lock()
    _in_flight = 0

    def __init__(self, *args: Any, uploads: Any, acked: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.uploads = uploads
        self.acked = acked

    def _count(self, step: int, acked: int = 0) -> None:
        with CountingClient._lock:
            CountingClient._in_flight += step
            self.uploads.value = CountingClient._in_flight
            if acked and self.acked is not None:
                self.acked.value += acked

    def _call(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        if method != "PUT":
            return super()._call(method, path, **kwargs)
        self._count(1)
        answered = 0
        try:
            answer = super()._call(method, path, **kwargs)
            answered = _acknowledged(path, answer[1])
            return answer
        finally:
            self._count(-1, answered)

    def clone(self) -> CountingClient:
        return CountingClient(
            self.base_url, self.token, timeout=self.timeout, uploads=self.uploads, acked=self.acked
        )


def _acknowledged(path: str, answer: Any) -> int:
    """Outbox items a 2xx answer acknowledges: one per PUT of a request or event whose answer
    names it (the engine's own check), for the figures of items per pass."""
    if not path.startswith("/requests/") or not isinstance(answer, dict):
        return 0
    return int(path.rsplit("/", 1)[-1] == answer.get("uuid"))


def draft(rng: random.Random, categories: list[Category]) -> RequestDraft:
    category = rng.choice(categories)
    first, last, phone = rng.choice(CITIZENS)
    return RequestDraft.from_wire(
        {
            "nature": str(rng.choice(category.natures)) if category.natures else "request",
            "category": category.code,
            "channel": rng.choice(("counter", "phone", "email")),
            "citizen": {
                "first_name": first,
                "last_name": last,
                "phone": phone,
                "contact": "phone",
            },
            "location": {"address": rng.choice(ADDRESSES)},
            "description": rng.choice(DESCRIPTIONS),
            "answers": sample_answers(category.questions),
        }
    )


class _Log:
    """Lines appended with one write(2) each: nothing half-written survives a SIGKILL."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def line(self, text: str) -> None:
        os.write(self.fd, (text.replace("\n", " | ") + "\n").encode())


def run(cfg: StationConfig, shared: Shared) -> None:
    """The child's body: never returns; an unexpected error ends it with exit code 3."""
    log = _Log(cfg.log_path)
    try:
        _run(cfg, shared, log)
    except BaseException:
        log.line("error " + traceback.format_exc())
        os._exit(3)


def _run(cfg: StationConfig, shared: Shared, log: _Log) -> None:
    rng = random.Random(cfg.seed)
    db = Database.in_home(Path(cfg.home))
    service = RequestService(db, streets=STREETS)
    sync = threading.Thread(
        target=_sync_loop, args=(cfg, shared, log, db, rng.random()), daemon=True
    )
    sync.start()
    ack = _Log(cfg.ack_path)
    categories = [c for c in service.categories() if c.active]
    mine: list[str] = []
    count = 0
    while True:
        if not shared.saving.value:
            time.sleep(0.02)
            continue
        shared.in_save.value = 1
        saved = service.save(draft(rng, categories), user="agent")
        shared.in_save.value = 0
        ack.line(f"request {saved.uuid} {saved.number}")
        mine.append(saved.uuid)
        count += 1
        if cfg.notes_every and count % cfg.notes_every == 0:
            target = rng.choice(mine[-50:])
            shared.in_save.value = 1
            event = service.act(
                target, "note", {"text": rng.choice(NOTES)}, user="agent", role="agent"
            )
            shared.in_save.value = 0
            ack.line(f"event {event.uuid} {target}")
        time.sleep(rng.uniform(0, cfg.save_pause))


def _sync_loop(
    cfg: StationConfig,
    shared: Shared,
    log: _Log,
    db: Database,
    seed: float,
) -> None:
    """The window's background sync: a pass, and on a network failure a pass again after a
    backoff with jitter. Anything but a network failure is a finding: logged, child ended."""
    backoff = Backoff(base=cfg.backoff[0], cap=cfg.backoff[1], rng=random.Random(seed))
    client = CountingClient(
        cfg.server_url, cfg.token, timeout=cfg.timeout, uploads=shared.uploads, acked=shared.acked
    )
    engine = SyncEngine(db, client, role="agent")  # built here: saves start without waiting
    seen: dict[str, int] = {}
    cursor = 0
    try:
        while True:
            truth = _server_kb(cfg.kb_check_db) if cfg.kb_check_db else None
            shared.in_sync.value = 1
            acked = shared.acked.value
            try:
                engine.sync_once()
            except NetworkError as exc:
                shared.in_sync.value = 0
                shared.failed_syncs.value += 1
                shared.acked_in_failed.value += shared.acked.value - acked
                log.line(f"network {exc.message} {exc.details[:200]}")
                time.sleep(backoff.failure())
                continue
            except SyncError as exc:
                log.line(f"error sync {exc.kind} {exc.message} {exc.details}")
                os._exit(4)
            shared.in_sync.value = 0
            shared.passes_ok.value += 1
            backoff.success()
            if truth is not None:
                cursor = _check_kb(db, truth, seen, cursor, shared, log)
            if sync_status(db)["waiting"] == 0:
                shared.clean_syncs.value += 1
            time.sleep(0.02)
    except BaseException:
        log.line("error sync thread " + traceback.format_exc())
        os._exit(5)


def _server_kb(url: str) -> dict[str, int]:
    """The server's live sheets and versions, read in its database before a pass starts."""
    server = server_db_module.ServerDB(url)
    try:
        with server.transaction(read_only=True) as s:
            return {
                a.id: a.version
                for a in s.scalars(select(Article).where(Article.deleted.is_(False)))
            }
    finally:
        server.dispose()


def _check_kb(
    db: Database,
    truth: dict[str, int],
    seen: dict[str, int],
    cursor: int,
    shared: Shared,
    log: _Log,
) -> int:
    """After a pass that succeeded, every version the server had before the pass is here (or a
    later one), no sheet went back to an older version, and the cursor never moved back.

    Sheets are never withdrawn during these loops, so a sheet live before the pass must be here.
    """
    with db.reading() as s:
        here = {
            a.id: a.server_version or 0
            for a in s.scalars(select(ArticleRow).where(ArticleRow.deleted.is_(False)))
        }
        now_cursor = get_int(s, "cursor:kb")
    problems = [
        f"{sheet} v{version} on the server, v{here.get(sheet)} here"
        for sheet, version in truth.items()
        if here.get(sheet, 0) < version
    ]
    problems += [
        f"{sheet} went back from v{before} to v{here.get(sheet)}"
        for sheet, before in seen.items()
        if here.get(sheet, 0) < before
    ]
    if now_cursor < cursor:
        problems.append(f"cursor went back from {cursor} to {now_cursor}")
    for problem in problems:
        log.line(f"kb {problem}")
    if problems:
        shared.kb_problems.value += len(problems)
    seen.update(here)
    return now_cursor
