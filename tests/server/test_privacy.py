"""Quebec Law 25 on the server: the access log of requests' personal data and the retention job
(docs/privacy.md), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid

import pytest
from sqlalchemy import select, update

from pac_sac_desktop.core.privacy import REMOVED
from pac_sac_desktop.server import cli
from pac_sac_desktop.server.models import Request, RequestEvent
from pac_sac_desktop.server.notices.models import Notice
from pac_sac_desktop.server.privacy import retention
from pac_sac_desktop.server.privacy.models import AccessEntry
from pac_sac_desktop.server.reports import facts, opendata
from pac_sac_desktop.server.reports import service as reports
from pac_sac_desktop.server.reports.schemas import parse_query
from tests.server import report_data

from .test_requests_api import payload

LATER = dt.datetime(2029, 6, 1, tzinfo=dt.UTC)  # more than two years after March 2026


def _log(server_db) -> list[AccessEntry]:
    with server_db.transaction(read_only=True) as s:
        return list(s.scalars(select(AccessEntry).order_by(AccessEntry.id)))


def _capture(client, headers, **overrides) -> str:
    key = str(uuid.uuid4())
    r = client.put(f"/api/v1/requests/{key}", json=payload(**overrides), headers=headers)
    assert r.status_code == 201, r.text
    return key


# ------------------------------------------------------------------ the access log
def test_each_route_that_shows_or_changes_citizen_data_writes_one_row(server_db, client, as_user):
    agent, sup = as_user("agent"), as_user("superviseur")
    key = _capture(client, agent)
    again = client.put(f"/api/v1/requests/{key}", json=payload(), headers=agent)
    assert again.status_code == 200  # a replay shows nothing new: no row
    assert client.get(f"/api/v1/requests/{key}", headers=sup).status_code == 200
    note = {"kind": "note", "data": {"text": "Rappeler après 16 h."}}
    r = client.put(f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=note, headers=agent)
    assert r.status_code == 201
    missing = client.get(f"/api/v1/requests/{uuid.uuid4()}", headers=sup)
    assert missing.status_code == 404  # nothing shown: no row
    page = client.get("/api/v1/requests/changes", params={"since": 0}, headers=as_user("agent2"))
    assert page.status_code == 200 and page.json()["changes"]
    empty = client.get(
        "/api/v1/requests/changes", params={"since": page.json()["next"]}, headers=agent
    )
    assert empty.json()["changes"] == []  # an empty page copies nothing: no row
    rows = [(e.username, e.role, e.action, e.route, e.request_uuid) for e in _log(server_db)]
    assert rows == [
        ("agent", "agent", "change", "PUT /api/v1/requests/{request_uuid}", key),
        ("superviseur", "supervisor", "read", "GET /api/v1/requests/{request_uuid}", key),
        (
            "agent",
            "agent",
            "change",
            "PUT /api/v1/requests/{request_uuid}/events/{event_uuid}",
            key,
        ),
        ("agent2", "agent", "export", "GET /api/v1/requests/changes", key),
    ]
    assert all(e.source == "server" and e.at is not None for e in _log(server_db))


def test_a_refused_change_leaves_no_row(server_db, client, as_user):
    theirs = _capture(client, as_user("agent2"))
    before = len(_log(server_db))
    note = {"kind": "note", "data": {"text": "Pas ma requête."}}
    r = client.put(
        f"/api/v1/requests/{theirs}/events/{uuid.uuid4()}", json=note, headers=as_user("agent")
    )
    assert r.status_code == 403
    assert len(_log(server_db)) == before


def test_a_feed_page_is_one_export_row_found_for_each_of_its_requests(server_db, client, as_user):
    agent, sup = as_user("agent"), as_user("superviseur")
    keys = [_capture(client, agent) for _ in range(3)]
    assert client.get("/api/v1/requests/changes", headers=sup).status_code == 200
    exports = [e for e in _log(server_db) if e.action == "export"]
    assert len(exports) == 1 and sorted(exports[0].requests.split()) == sorted(keys)
    answer = client.get("/api/v1/privacy/log", params={"request": keys[1]}, headers=sup)
    assert answer.status_code == 200, answer.text
    found = [(e["action"], e["username"]) for e in answer.json()["entries"]]
    assert found == [("export", "superviseur"), ("change", "agent")]  # newest first
    assert answer.json()["entries"][0]["requests"] == 3
    by_admin = client.get("/api/v1/privacy/log", params={"user": "agent"}, headers=as_user("admin"))
    assert [e["request_uuid"] for e in by_admin.json()["entries"]] == keys[::-1]
    refused = client.get("/api/v1/privacy/log", params={"request": keys[0]}, headers=agent)
    assert refused.status_code == 403


def test_a_page_served_from_kept_items_still_names_every_request_it_carried(
    server_db, client, as_user
):
    """The export row names what the page carried, whether its items were built for this read,
    kept from an earlier one, or both (feed_cache keeps items; the audit no longer decodes)."""
    agent, sup = as_user("agent"), as_user("superviseur")
    first = [_capture(client, agent) for _ in range(3)]
    pages = [client.get("/api/v1/requests/changes", headers=sup).json()]  # builds all three
    pages.append(client.get("/api/v1/requests/changes", headers=sup).json())  # all kept
    later = [_capture(client, agent) for _ in range(2)]
    pages.append(client.get("/api/v1/requests/changes", headers=sup).json())  # kept + built
    cursor = pages[0]["next"]
    pages.append(
        client.get("/api/v1/requests/changes", params={"since": cursor}, headers=sup).json()
    )
    exports = [e for e in _log(server_db) if e.action == "export"]
    assert [[c["id"] for c in p["changes"]] for p in pages] == [first, first, first + later, later]
    assert [e.requests.split() for e in exports] == [first, first, first + later, later]


def test_workstation_consultations_are_stored_once_whatever_the_resends(server_db, client, as_user):
    key = _capture(client, as_user("agent"))
    batch = {
        "entries": [
            {
                "uuid": str(uuid.uuid4()),
                "request_uuid": key,
                "at": "2026-11-23T14:05:00-05:00",
                "username": "agent",
                "role": "agent",
                "route": "poste : détail de la requête",
            }
            for _ in range(2)
        ]
    }
    first = client.post("/api/v1/privacy/accesses", json=batch, headers=as_user("agent2"))
    assert first.status_code == 200 and first.json() == {"received": 2, "stored": 2}
    again = client.post("/api/v1/privacy/accesses", json=batch, headers=as_user("agent2"))
    assert again.json() == {"received": 2, "stored": 0}
    rows = [e for e in _log(server_db) if e.source == "workstation"]
    assert len(rows) == 2
    assert {(e.username, e.reported_by, e.action) for e in rows} == {("agent", "agent2", "read")}
    assert rows[0].at == dt.datetime(2026, 11, 23, 19, 5, tzinfo=dt.UTC)
    bad = {"entries": [{**batch["entries"][0], "username": "a\x00b"}]}
    assert (
        client.post("/api/v1/privacy/accesses", json=bad, headers=as_user("agent")).status_code
        == 422
    )


def test_cli_prints_the_log_of_a_request_by_its_reference(server_db, client, as_user, capsys):
    agent = as_user("agent")
    key = _capture(client, agent)
    reference = client.get(f"/api/v1/requests/{key}", headers=agent).json()["reference"]
    assert cli.main(["privacy", "log", "--request", reference, "--db", server_db.url]) == 0
    out = capsys.readouterr().out
    assert "consultation" in out and "modification" in out and "agent" in out
    assert cli.main(["privacy", "log", "--request", key, "--json", "--db", server_db.url]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [e["action"] for e in entries] == ["read", "change"]
    assert cli.main(["privacy", "log", "--request", "2026-999999", "--db", server_db.url]) == 2


# ------------------------------------------------------------------ retention
@pytest.fixture()
def closed_long_ago(server_db):
    """The reports' fixed data set, its closed requests closed two days after capture, and a
    notice written to each citizen."""
    with server_db.transaction() as session:
        report_data.load(session)
        session.flush()
        for row in session.scalars(select(Request)):
            if row.status in ("closed", "resolved"):
                row.closed_at = row.created_at + dt.timedelta(days=2)
            session.add(
                Notice(
                    id=str(uuid.uuid4()),
                    request_uuid=row.uuid,
                    kind="received",
                    channel="email",
                    recipient="louise@exemple.ca",
                    language="fr",
                    subject="Votre requête",
                    body="Bonjour Louise Gagnon, votre requête est reçue.",
                    state="sent",
                    attempts=1,
                    next_attempt_at=row.created_at,
                    created_at=row.created_at,
                )
            )
    return server_db


MARCH = {"from": "2026-03-01", "to": "2026-03-31"}
FILTERS = [{}, {"district": "1"}, {"district": "2"}, {"nature": "complaint"}, {"channel": "phone"}]


def _figures(db) -> list[dict]:
    out = []
    with db.transaction() as session:
        for extra in FILTERS:
            report = reports.compute(session, parse_query({**MARCH, **extra}))
            report.pop("generated_at", None)
            out.append(report)
    return out


def _open_data(db) -> str:
    out = io.StringIO()
    with db.transaction(read_only=True) as session:
        opendata.write(session, parse_query(MARCH), out)
    return out.getvalue()


def test_reports_give_the_same_figures_after_anonymisation(closed_long_ago):
    db = closed_long_ago
    before, csv_before = _figures(db), _open_data(db)
    outcome = retention.run(db, days=730, now=LATER)
    assert outcome.requests == 4  # closed ones; the resolved one waits for its closure
    assert _figures(db) == before  # the cache as it was
    with db.transaction() as session:
        facts.invalidate(session)
    assert _figures(db) == before  # the cache rebuilt from the anonymised rows
    # Same rows (PostgreSQL's COPY writes them in table order, which updates change).
    assert sorted(_open_data(db).splitlines()) == sorted(csv_before.splitlines())


def test_anonymisation_removes_the_citizen_and_free_text_and_keeps_the_rest(closed_long_ago):
    db = closed_long_ago
    dry = retention.run(db, days=730, now=LATER, dry_run=True)
    assert (dry.requests, dry.dry_run) == (4, True)
    with db.transaction(read_only=True) as s:
        assert s.scalar(select(Request).where(Request.anonymised_at.is_not(None))) is None
    outcome = retention.run(db, days=730, now=LATER)
    assert (outcome.requests, outcome.notices) == (4, 4)
    with db.transaction(read_only=True) as s:
        first = s.get(Request, report_data._request(1, "", "", "", LATER).uuid)
        assert first.anonymised_at == LATER
        assert first.payload["citizen"] == {"contact": "email"}
        assert first.payload["description"] == REMOVED
        assert first.payload["location"] == {"address": "rue Principale"}
        assert first.address_key == "1 rue principale"  # its segment: district 1 still
        assert (first.nature, first.status, first.channel) == ("complaint", "closed", "phone")
        history = {
            e.kind: e.data
            for e in s.scalars(select(RequestEvent).where(RequestEvent.request_uuid == first.uuid))
        }
        assert history["followup"] == {"outcome": "reached", "text": REMOVED}
        assert history["close"] == {"resolution": REMOVED}
        assert history["satisfaction"]["score"] in (4, 5)
        text = json.dumps([first.payload, *history.values()], ensure_ascii=False)
        for personal in ("Louise", "Gagnon", "4505550311", "exemple.ca", "120"):
            assert personal not in text
        notice = s.scalar(select(Notice).where(Notice.request_uuid == first.uuid))
        assert (notice.recipient, notice.body) == ("", "")
        waiting = s.get(Request, report_data._request(2, "", "", "", LATER).uuid)  # resolved
        assert waiting.anonymised_at is None and waiting.payload["citizen"]["first_name"]
        recent = retention.run(db, days=730, now=LATER)  # nothing left to do
    assert recent.requests == 0


def test_not_yet_due_requests_are_untouched_and_anonymised_ones_reach_the_feed(
    server_db, client, as_user
):
    agent, sup = as_user("agent"), as_user("superviseur")
    key = _capture(client, agent)
    close = {"kind": "close", "data": {"resolution": "Trou colmaté devant chez Mme Gagnon."}}
    r = client.put(f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=close, headers=sup)
    assert r.status_code == 201
    cursor = client.get("/api/v1/requests/changes", headers=agent).json()["next"]
    assert retention.run(server_db, days=730).requests == 0  # closed today
    with server_db.transaction() as s:
        s.execute(
            update(Request)
            .where(Request.uuid == key)
            .values(closed_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=731))
        )
    assert retention.run(server_db, days=730).requests == 1
    page = client.get("/api/v1/requests/changes", params={"since": cursor}, headers=agent).json()
    [change] = page["changes"]
    assert change["request"]["anonymised_at"] is not None
    assert change["request"]["payload"]["citizen"] == {"contact": "phone"}
    assert change["request"]["resolution"] == REMOVED


def test_old_access_log_rows_are_purged_with_the_period(server_db, client, as_user):
    key = _capture(client, as_user("agent"))
    with server_db.transaction() as s:
        s.execute(update(AccessEntry).values(at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)))
    assert client.get(f"/api/v1/requests/{key}", headers=as_user("agent")).status_code == 200
    assert retention.run(server_db, days=730).log_rows == 1
    assert [e.action for e in _log(server_db)] == ["read"]


def test_cli_anonymise_dry_run_changes_nothing(closed_long_ago, capsys):
    db = closed_long_ago
    assert cli.main(["privacy", "anonymise", "--dry-run", "--days", "1", "--db", db.url]) == 0
    assert "4 seraient anonymisée(s)" in capsys.readouterr().out
    with db.transaction(read_only=True) as s:
        assert s.scalar(select(Request).where(Request.anonymised_at.is_not(None))) is None
    assert cli.main(["privacy", "anonymise", "--days", "1", "--json", "--db", db.url]) == 0
    assert json.loads(capsys.readouterr().out)["requests"] == 4
    assert cli.main(["privacy", "anonymise", "--days", "0", "--db", db.url]) == 2


def test_the_server_worker_runs_the_job_by_itself(closed_long_ago, monkeypatch):
    import time

    from pac_sac_desktop.server.privacy.worker import worker as retention_worker

    monkeypatch.setenv("PAC_SAC_RETENTION_DAYS", "1")
    worker = retention_worker(closed_long_ago, interval=3600, first=0)
    worker.start()
    try:
        deadline = time.monotonic() + 30
        done = 0
        while done < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
            with closed_long_ago.transaction(read_only=True) as s:
                done = len(
                    list(s.scalars(select(Request.uuid).where(Request.anonymised_at.is_not(None))))
                )
    finally:
        worker.stop()
    assert done == 4


def test_open311_intake_and_a_clerks_satisfaction_answer_are_logged(server_db, client, as_user):
    from .conftest import token_for

    data = {
        "api_key": token_for(client, "agent"),
        "service_code": "nid-de-poule",
        "address_string": "120, rue Principale",
        "description": "Trou profond devant le 120.",
        "attribute[taille]": "Grand",
        "first_name": "Lucie",
        "email": "lucie@exemple.ca",
    }
    r = client.post("/open311/v2/requests.json", data=data)
    assert r.status_code == 201, r.text
    [intake] = _log(server_db)
    assert (intake.username, intake.action, intake.route) == (
        "agent",
        "change",
        "POST /open311/v2/requests.{fmt}",
    )
    key = _capture(client, as_user("agent"))
    sup = as_user("superviseur")
    close = {"kind": "close", "data": {"resolution": "Réglé."}}
    assert (
        client.put(f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=close, headers=sup)
    ).status_code == 201
    answer = client.put(
        f"/api/v1/satisfaction/{key}/{uuid.uuid4()}", json={"score": 5}, headers=as_user("agent")
    )
    assert answer.status_code == 201, answer.text
    last = _log(server_db)[-1]
    assert (last.request_uuid, last.action, last.route) == (
        key,
        "change",
        "PUT /api/v1/satisfaction/{request_uuid}/{event_uuid}",
    )
