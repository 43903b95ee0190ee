"""Issue 4/6 end to end, against a real server process: an agent captures a complaint while the
server is down; the supervisor's workstation finds it in its first-follow-up queue, logs the
follow-up and closes it; the agent's workstation and Open311 then show it closed."""

from __future__ import annotations

import pytest
import requests

from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft
from pac_sac_desktop.services.workstation import Workstation
from tests.e2e.conftest import ServerProcess, fill_answers


@pytest.fixture()
def stations(tmp_path, monkeypatch):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    server = ServerProcess(tmp_path / "server")
    server.init()
    server.start()
    agent, supervisor = Workstation(tmp_path / "agent"), Workstation(tmp_path / "superviseur")
    try:
        agent.login(server.url, "agent", "agent-demo-2026")
        supervisor.login(server.url, "superviseur", "superviseur-demo-2026")
        agent.sync_once()
        supervisor.sync_once()
        yield server, agent, supervisor
    finally:
        agent.close()
        supervisor.close()
        server.stop()


def test_offline_complaint_is_followed_up_and_closed_by_the_supervisor(stations):
    server, agent, supervisor = stations
    server.stop()
    complaint = RequestDraft(
        nature="complaint",
        category="collecte-manquee",
        channel="phone",
        description="Mon bac de recyclage n'a pas été ramassé mardi, deuxième semaine de suite.",
        citizen=Citizen(
            first_name="Ginette", last_name="Lapointe", phone="450 555-0177", contact="phone"
        ),
        location=Location(address="210, rue des Merisiers"),
        answers=fill_answers(agent, "collecte-manquee"),
    )
    saved = agent.requests.save(complaint, user="agent")
    assert agent.requests.find("Lapointe")[0].label == saved.number  # found offline

    server.start()
    agent.sync_once()
    reference = agent.requests.detail(saved.uuid).summary.reference
    assert reference and reference != saved.number
    assert agent.requests.detail(saved.number).aliases == [saved.number]

    supervisor.sync_once()
    waiting = supervisor.requests.queue("first-followup", now=supervisor.server_now())
    assert saved.uuid in [r.uuid for r in waiting.rows]
    row = next(r for r in waiting.rows if r.uuid == saved.uuid)
    assert row.label == reference
    assert row.department == supervisor.requests.category("collecte-manquee").department
    supervisor.requests.act(
        reference,
        "followup",
        {"text": "Citoyenne jointe : collecte spéciale jeudi.", "outcome": "reached"},
        user="superviseur",
        role=supervisor.role(),
    )
    supervisor.requests.act(
        reference,
        "close",
        {"resolution": "Bac vidé jeudi par l'équipe de collecte spéciale."},
        user="superviseur",
        role=supervisor.role(),
    )
    supervisor.sync_once()
    assert supervisor.requests.waiting() == 0
    after = supervisor.requests.queue("first-followup", now=supervisor.server_now())
    assert saved.uuid not in [r.uuid for r in after.rows]

    agent.sync_once()
    seen = agent.requests.detail(reference)
    assert seen.summary.status == "closed"
    assert [str(e.kind) for e in seen.events] == ["followup", "close"]
    assert all(e.synced and e.author == "superviseur" for e in seen.events)
    assert seen.state.resolution.startswith("Bac vidé jeudi")

    public = requests.get(f"{server.url}/open311/v2/requests/{reference}.json", timeout=10)
    assert public.status_code == 200 and public.json()[0]["status"] == "closed"


def test_agent_actions_are_checked_offline_and_by_the_server(stations):
    server, agent, supervisor = stations
    mine = agent.requests.save(
        RequestDraft(
            nature="request",
            category="nid-de-poule",
            channel="counter",
            description="Trou profond devant l'école.",
            location=Location(address="15, rue de l'École"),
            answers=fill_answers(agent, "nid-de-poule"),
        ),
        user="agent",
    )
    agent.requests.act(
        mine.number, "note", {"text": "Photo promise par courriel."}, user="agent", role="agent"
    )
    agent.sync_once()
    reference = agent.requests.detail(mine.uuid).summary.reference
    supervisor.sync_once()
    # Two supervisors' offline work on one request: both events kept, in the server's order.
    other = Workstation(agent.home.parent / "superviseur-2")
    try:
        other.login(server.url, "superviseur", "superviseur-demo-2026")
        other.sync_once()
        supervisor.requests.act(
            reference, "assignment", {"to": "Voirie"}, user="superviseur", role="supervisor"
        )
        other.requests.act(
            reference, "status", {"status": "in_progress"}, user="superviseur", role="supervisor"
        )
        supervisor.sync_once()
        other.sync_once()
        supervisor.sync_once()
        mine_now, theirs_now = (
            supervisor.requests.detail(reference),
            other.requests.detail(reference),
        )
        kinds = [str(e.kind) for e in mine_now.events]
        assert kinds == ["note", "assignment", "status"]
        assert [e.uuid for e in mine_now.events] == [e.uuid for e in theirs_now.events]
        assert mine_now.summary.status == theirs_now.summary.status == "in_progress"
        assert mine_now.summary.assigned_to == "Voirie"
    finally:
        other.close()
    agent.sync_once()
    assert agent.requests.detail(reference).summary.status == "in_progress"
