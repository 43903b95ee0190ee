"""What every loop needs: a small real server (its own database, SQLite or PostgreSQL, a real
``pac-sac-server run`` process), a logged-in workstation folder, and the final account of what
arrived where.

The server database is prepared in this process with the server's own functions (schema,
taxonomy, the demo accounts, a few answer sheets): the demo ``init`` takes ~20 s on a loaded
machine, most of it importing 150 sheets the loops do not need.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

os.environ.setdefault("PAC_SAC_FAST_HASH", "1")  # before the server's hashing is imported
os.environ.setdefault("PAC_SAC_NO_KEYRING", "1")
os.environ.setdefault("PAC_SAC_NOTICES", "off")
os.environ.setdefault("PAC_SAC_DEMO_YEAR", "0")

from pac_sac_desktop.core.demo import DEMO_USERS
from pac_sac_desktop.core.kb import find_article_files, read_article_file
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.server import db as server_db_module
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.kb import service as kb
from pac_sac_desktop.server.models import Article, Request, RequestEvent
from pac_sac_desktop.server.taxonomy import service as taxonomy
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import ArticleRow, OutboxRow, RequestEventRow, RequestRow
from pac_sac_desktop.sync.client import ServerClient
from pac_sac_desktop.sync.engine import SyncEngine

SHEETS = 12  # answer sheets published at the start; the loops publish more


def prepare_server_db(url: str, sheets: int = SHEETS) -> None:
    """Schema, counters, taxonomy, the demo accounts and ``sheets`` answer sheets."""
    server_db = server_db_module.ServerDB(url)
    try:
        server_db_module.upgrade(server_db.engine)
        with server_db.transaction() as session:
            feed.ensure_counters(session)
            taxonomy.load_file(session, resources_dir() / "taxonomy.yaml")
            for username, role, display, password in DEMO_USERS:
                auth.create_user(
                    session, username=username, password=password, role=role, display_name=display
                )
        files = sorted(find_article_files(resources_dir() / "kb"))[:sheets]
        with server_db.transaction() as session:
            for file in files:
                kb.publish(session, read_article_file(file), author="demo")
    finally:
        server_db.dispose()


@contextlib.contextmanager
def server_database(backend: str, folder: Path) -> Iterator[str]:
    """A new server database URL: a SQLite file in ``folder`` or a throw-away PostgreSQL one."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'serveur.sqlite3'}"
        return
    from tests.conftest import fresh_pg_database

    with fresh_pg_database() as url:
        yield url


def password(username: str) -> str:
    return next(p for u, _r, _d, p in DEMO_USERS if u == username)


def open_station(home: Path, server_url: str, token: str) -> None:
    """A workstation folder that has synced once (taxonomy, sheets): what an agent has at the
    start of a day. The loops then run the real code against it in other processes."""
    db = Database.in_home(home)
    try:
        SyncEngine(db, ServerClient(server_url, token), role="agent").sync_once()
    finally:
        db.close()


def final_sync(home: Path, server_url: str, token: str) -> None:
    """The sync once more of every loop's end, on a clean network, as a fresh start does."""
    db = Database.in_home(home)
    try:
        SyncEngine(db, ServerClient(server_url, token), role="agent").sync_once()
    finally:
        db.close()


@dataclass
class Acks:
    """What the workstation acknowledged (printed after the save returned, i.e. committed)."""

    requests: dict[str, str] = field(default_factory=dict)  # uuid -> provisional number
    events: dict[str, str] = field(default_factory=dict)  # event uuid -> request uuid
    torn_lines: int = 0

    @classmethod
    def read(cls, path: Path) -> Acks:
        acks = cls()
        if not path.exists():
            return acks
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "request":
                acks.requests[parts[1]] = parts[2]
            elif len(parts) == 3 and parts[0] == "event":
                acks.events[parts[1]] = parts[2]
            else:
                acks.torn_lines += 1
        return acks


@dataclass
class Account:
    """The end of a loop: what was acknowledged, what the station holds, what the server holds."""

    acknowledged: int = 0
    acknowledged_events: int = 0
    station_requests: int = 0
    server_requests: int = 0
    lost: list[str] = field(default_factory=list)  # acknowledged, or held here, not on the server
    lost_locally: list[str] = field(default_factory=list)  # acknowledged, gone from the station
    duplicates: list[str] = field(default_factory=list)  # a number or reference given twice
    strangers: list[str] = field(default_factory=list)  # on the server, unknown to the station
    waiting: int = 0
    blocked: int = 0
    integrity: str = ""
    server_integrity: str = "ok"

    def problems(self) -> list[str]:
        out = []
        for name in ("lost", "lost_locally", "duplicates", "strangers"):
            items = getattr(self, name)
            if items:
                out.append(f"{name}: {len(items)} ({items[:5]})")
        if self.waiting or self.blocked:
            out.append(
                f"outbox after the final sync: {self.waiting} waiting, {self.blocked} blocked"
            )
        if self.integrity != "ok":
            out.append(f"station integrity_check: {self.integrity}")
        if self.server_integrity != "ok":
            out.append(f"server integrity_check: {self.server_integrity}")
        return out


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


def account(home: Path, server_db_url: str, acks: Acks) -> Account:
    """Compare the acknowledgements, the station's database and the server's database."""
    out = Account(acknowledged=len(acks.requests), acknowledged_events=len(acks.events))
    db_path = home / "pac-sac.sqlite3"
    out.integrity = integrity(db_path)
    db = Database(db_path)
    try:
        with db.reading() as s:
            own = {
                r.uuid: r.number
                for r in s.scalars(select(RequestRow).where(RequestRow.sync_state != "remote"))
            }
            own_events = {
                e.uuid: e.request_uuid
                for e in s.scalars(select(RequestEventRow).where(RequestEventRow.author == "agent"))
            }
            outbox = list(s.scalars(select(OutboxRow)))
    finally:
        db.close()
    out.station_requests = len(own)
    out.waiting = sum(1 for o in outbox if o.state == "pending")
    out.blocked = len(outbox) - out.waiting
    out.lost_locally = sorted(set(acks.requests) - set(own)) + sorted(
        set(acks.events) - set(own_events)
    )
    numbers = Counter(own.values())
    out.duplicates += [f"station number {n}" for n, c in numbers.items() if c > 1]

    server = server_db_module.ServerDB(server_db_url)
    try:
        with server.transaction(read_only=True) as s:
            remote = {r.uuid: (r.reference, r.payload) for r in s.scalars(select(Request))}
            remote_events = {e.uuid: e.request_uuid for e in s.scalars(select(RequestEvent))}
    finally:
        server.dispose()
    out.server_requests = len(remote)
    out.lost = sorted((set(acks.requests) | set(own)) - set(remote)) + sorted(
        (set(acks.events) | set(own_events)) - set(remote_events)
    )
    out.strangers = sorted(set(remote) - set(own))
    references = Counter(ref for ref, _p in remote.values())
    out.duplicates += [f"reference {r}" for r, c in references.items() if c > 1]
    sent_numbers = Counter(p.get("number") for _r, p in remote.values())
    out.duplicates += [f"server number {n}" for n, c in sent_numbers.items() if c > 1]
    mismatched = [u for u, (_r, p) in remote.items() if u in own and p.get("number") != own[u]]
    out.duplicates += [f"number changed for {u}" for u in mismatched]
    return out


def server_integrity(db_url: str) -> str:
    if db_url.startswith("sqlite:///"):
        return integrity(Path(db_url.removeprefix("sqlite:///")))
    return "ok"  # PostgreSQL: the server process never writes its files


def kb_versions_on_server(db_url: str) -> dict[str, int]:
    """Every live answer sheet on the server and its version (deleted ones left out)."""
    server = server_db_module.ServerDB(db_url)
    try:
        with server.transaction(read_only=True) as s:
            return {
                a.id: a.version
                for a in s.scalars(select(Article).where(Article.deleted.is_(False)))
            }
    finally:
        server.dispose()


def kb_versions_here(db: Database) -> dict[str, int]:
    with db.reading() as s:
        return {
            a.id: a.server_version or 0
            for a in s.scalars(select(ArticleRow).where(ArticleRow.deleted.is_(False)))
        }
