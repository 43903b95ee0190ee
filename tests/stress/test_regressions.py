"""Regression tests for what the crash and network loops found, each against the real server
behind the fault proxy pinned to the one fault that broke the workstation."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import select, text

from pac_sac_desktop.core.errors import NetworkError, StoreDamaged
from pac_sac_desktop.server.models import Request
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.sync.client import ServerClient
from pac_sac_desktop.sync.engine import SyncEngine, sync_status
from tests.stress import harness, station
from tests.stress.conftest import Stack
from tests.stress.fault_proxy import FaultProxy
from tests.stress.loops import context


def on_server(stack: Stack, uuid: str) -> int:
    db = harness.server_db_module.ServerDB(stack.server.db_url)
    try:
        with db.transaction(read_only=True) as s:
            return len(list(s.scalars(select(Request.uuid).where(Request.uuid == uuid))))
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "body", [b"{}", b"[]", b"", b"<html><body>Portail du reseau invite</body></html>"]
)
def test_a_success_answer_that_is_not_the_servers_leaves_the_request_in_the_outbox(
    stack, home, body
):
    """Found by the network loop: a ``200 OK`` from something else than the server (a captive
    portal, a cache) with ``{}`` was taken as the server's receipt and the request left the
    outbox without having reached the server (2 of 120 lost); with ``[]`` the sync crashed."""
    proxy = FaultProxy(
        stack.server.port, seed=1, rate=1.0, faults=("garbage_200",), forward=False, body=body
    ).start()
    db = Database.in_home(home)
    try:
        service = RequestService(db)
        categories = [c for c in service.categories() if c.active]
        saved = service.save(station.draft(random.Random(7), categories), user="agent")
        engine = SyncEngine(db, ServerClient(proxy.url, stack.token), role="agent")
        with pytest.raises(NetworkError):
            engine.sync_once()
        assert sync_status(db)["waiting"] == 1
        assert on_server(stack, saved.uuid) == 0
        proxy.clean = True
        engine.sync_once()
        assert sync_status(db)["waiting"] == 0
        assert on_server(stack, saved.uuid) == 1
    finally:
        proxy.stop()
        db.close()


@pytest.mark.parametrize("body", [b'{"changes": "rien", "next": 5}', b"{}", b'{"changes": []}'])
def test_a_feed_page_that_is_not_the_servers_moves_no_cursor(stack, home, body):
    """Found by the network loop: a feed page of the wrong shape ended the sync with a
    KeyError or TypeError (a traceback for the agent) instead of a retry; now it is a network
    failure, no cursor moves, and the next clean pass brings the new version."""
    editor = ServerClient(stack.server.url)
    editor.login("editeur", harness.password("editeur"))
    sheet = {
        "title": "Fermeture de la piscine Léo-Lavoie pour entretien",
        "service": "Loisirs",
        "tags": ["piscine", "entretien"],
        "body": "La piscine est fermée du 1er au 14 décembre pour le remplacement des filtres.",
    }
    editor.put("/kb/articles/piscine-leo-lavoie-entretien", sheet)
    proxy = FaultProxy(
        stack.server.port, seed=1, rate=1.0, faults=("garbage_200",), forward=True, body=body
    ).start()
    db = Database.in_home(home)
    try:
        before = harness.kb_versions_here(db)
        engine = SyncEngine(db, ServerClient(proxy.url, stack.token), role="agent")
        with pytest.raises(NetworkError):
            engine.sync_once()
        assert harness.kb_versions_here(db) == before
        proxy.clean = True
        engine.sync_once()
        assert harness.kb_versions_here(db) == harness.kb_versions_on_server(stack.server.db_url)
    finally:
        proxy.stop()
        db.close()


def test_the_proxy_passes_a_clean_request_through(stack):
    """The proxy itself: a clean request reaches the server and its answer comes back whole."""
    proxy = FaultProxy(stack.server.port, seed=1, rate=0.0).start()
    try:
        r = requests.get(f"{proxy.url}/api/v1/health", timeout=10)
        assert r.ok and r.json()
        assert proxy.counts["clean"] == 1
    finally:
        proxy.stop()


def _first_start_killed(home: str, where: str) -> None:
    """A workstation's first start, killed (SIGKILL) at ``where``: as the migrations begin, or
    at a random moment of its first second."""
    import os
    import signal
    import threading

    from pac_sac_desktop.store import db as db_module

    if where == "migrations":
        real = db_module.upgrade

        def upgrade_then_die(engine):  # type: ignore[no-untyped-def]
            threading.Timer(0.0, os.kill, (os.getpid(), signal.SIGKILL)).start()
            real(engine)

        db_module.upgrade = upgrade_then_die
    db_module.Database.in_home(Path(home))
    time.sleep(30)


@pytest.mark.parametrize("where", ["migrations", *(f"random-{n}" for n in range(5))])
def test_a_workstation_killed_during_its_first_start_starts_next_time(tmp_path, where):
    """Found by killing first starts: the file was created empty at its own name, then
    migrated; a kill in between left a 0-byte or half-migrated file that every later start
    refused as damaged (4 of 30 random kills). Now it is built under a temporary name."""
    ctx = context()
    home = tmp_path / "poste"
    process = ctx.Process(target=_first_start_killed, args=(str(home), where), daemon=True)
    process.start()
    if where != "migrations":
        time.sleep(random.Random(where).uniform(0.0, 0.5))
        process.kill()
    process.join(60)
    assert process.exitcode == -9
    db = Database.in_home(home)  # no StoreDamaged
    try:
        with db.reading() as s:
            assert s.execute(text("SELECT count(*) FROM requests")).scalar_one() == 0
    finally:
        db.close()


def test_a_file_set_aside_takes_its_rollback_journal_with_it(tmp_path):
    """Seen in the same loop: the damaged file went aside but its ``-journal`` stayed, where
    SQLite would roll it into the next database of that name."""
    home = tmp_path / "poste"
    home.mkdir()
    (home / "pac-sac.sqlite3").write_bytes(b"")
    (home / "pac-sac.sqlite3-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" * 64)
    with pytest.raises(StoreDamaged):
        Database.in_home(home)
    assert not (home / "pac-sac.sqlite3-journal").exists()
    assert len(list(home.glob("pac-sac.sqlite3.endommagee-*-journal"))) == 1
