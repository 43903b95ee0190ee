"""Quebec Law 25 end to end, against a real server process: consultations opened offline reach
the server's access log once, after the outage; the server's retention job reaches the
workstation's copy through the requests feed."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
from sqlalchemy import update

from pac_sac_desktop.core.errors import NetworkError
from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.models import Request
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.store import privacy_repo
from tests.e2e.conftest import ServerProcess, fill_answers


@pytest.fixture()
def station(tmp_path, monkeypatch):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    server = ServerProcess(tmp_path / "server")
    server.init()
    server.start()
    agent = Workstation(tmp_path / "agent")
    try:
        agent.login(server.url, "agent", "agent-demo-2026")
        agent.sync_once()
        yield server, agent
    finally:
        agent.close()
        server.stop()


def _log(server: ServerProcess, request_uuid: str) -> list[dict]:
    headers = server.token("superviseur", "superviseur-demo-2026")
    r = requests.get(
        f"{server.url}/api/v1/privacy/log",
        params={"request": request_uuid},
        headers=headers,
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["entries"]


def _waiting(ws: Workstation) -> int:
    with ws.db.reading() as s:
        return len(privacy_repo.pending_accesses(s, 1000))


def test_offline_consultations_reach_the_log_once_and_retention_reaches_the_copy(station):
    server, agent = station
    draft = RequestDraft(
        nature="complaint",
        category="collecte-manquee",
        channel="phone",
        description="Bac de recyclage oublié deux mardis de suite, chez Mme Lapointe.",
        citizen=Citizen(
            first_name="Ginette", last_name="Lapointe", phone="450 555-0177", contact="phone"
        ),
        location=Location(address="210, rue des Merisiers"),
        answers=fill_answers(agent, "collecte-manquee"),
    )
    saved = agent.requests.save(draft, user="agent")
    agent.sync_once()
    server.stop()
    for _ in range(2):  # opened twice during the outage
        agent.requests.detail(saved.uuid, viewer=agent.viewer())
    with pytest.raises(NetworkError):
        agent.sync_once()
    assert _waiting(agent) == 2  # kept through the failed pass
    server.start()
    report = agent.sync_once()
    assert report.accesses_sent == 2 and _waiting(agent) == 0
    rows = _log(server, saved.uuid)
    reads = [e for e in rows if e["source"] == "workstation"]
    assert [(e["username"], e["action"], e["reported_by"]) for e in reads] == [
        ("agent", "read", "agent")
    ] * 2
    assert {e["action"] for e in rows if e["source"] == "server"} == {"change", "export"}
    agent.sync_once()
    assert len([e for e in _log(server, saved.uuid) if e["source"] == "workstation"]) == 2

    # The supervisor closes it; three years later the server's job anonymises it.
    sup = server.token("superviseur", "superviseur-demo-2026")
    close = {"kind": "close", "data": {"resolution": "Collecte faite, Mme Lapointe avisée."}}
    event = "3f0c6a52-8a5e-4c1e-9d55-0a8f3c2b7e11"
    r = requests.put(
        f"{server.url}/api/v1/requests/{saved.uuid}/events/{event}",
        json=close,
        headers=sup,
        timeout=10,
    )
    assert r.status_code == 201, r.text
    db = ServerDB(server.db_url)
    with db.transaction() as s:
        s.execute(
            update(Request)
            .where(Request.uuid == saved.uuid)
            .values(closed_at=dt.datetime(2023, 1, 1, tzinfo=dt.UTC))
        )
    db.dispose()
    out = server.cli("privacy", "anonymise", "--db", server.db_url).stdout
    assert ": 1 anonymisée(s)" in out
    agent.sync_once()
    detail = agent.requests.detail(saved.uuid, viewer=agent.viewer())
    assert not detail.shows_personal_data and _waiting(agent) == 0
    assert "Lapointe" not in str(detail.to_wire())
    assert saved.uuid not in {r.uuid for r in agent.requests.find("Lapointe")}
