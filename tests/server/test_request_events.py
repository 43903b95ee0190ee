"""Request follow-up events on the server: kinds, who may add them, their effect on the state
columns, server order in the feed, hostile bodies, concurrent replays, Open311's view."""

import json
import threading
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from pac_sac_desktop.server.app import create_app
from pac_sac_desktop.server.models import Change, RequestEvent
from pac_sac_desktop.server.requests import feed_page, service

from .test_requests_api import payload


def new_request(client, headers, **overrides):
    key = str(uuid.uuid4())
    r = client.put(f"/api/v1/requests/{key}", json=payload(**overrides), headers=headers)
    assert r.status_code == 201, r.text
    return key


def put(client, key, headers, kind, data=None, event=None, **extra):
    body = {"kind": kind, "data": data or {}, **extra}
    return client.put(
        f"/api/v1/requests/{key}/events/{event or uuid.uuid4()}", json=body, headers=headers
    )


def ok(response, status=201):
    assert response.status_code == status, response.text
    return response.json()


def stored(client, key, headers):
    return ok(client.get(f"/api/v1/requests/{key}", headers=headers), 200)


@pytest.fixture()
def sup(as_user):
    return as_user("superviseur")


@pytest.fixture()
def agent(as_user):
    return as_user("agent")


def test_intake_copies_the_department_and_finds_the_district(client, agent):
    key = new_request(client, agent)
    row = stored(client, key, agent)
    assert row["department"] == "Travaux publics"
    assert row["district"] == 1  # 120, rue Principale: district du Vieux-Moulin
    assert row["status"] == "received" and row["closed_at"] is None and row["resolution"] == ""
    elsewhere = new_request(client, agent, location={"address": "12, rue Inconnue"})
    assert stored(client, elsewhere, agent)["district"] is None


def test_a_supervisor_walks_a_request_through_every_kind(client, agent, sup):
    key = new_request(client, agent, nature="complaint")
    ok(put(client, key, sup, "assignment", {"to": "Travaux publics"}))
    row = stored(client, key, sup)
    assert row["assigned_to"] == "Travaux publics" and row["status"] == "assigned"
    ok(put(client, key, sup, "status", {"status": "in_progress", "text": "Équipe en route"}))
    assert stored(client, key, sup)["status"] == "in_progress"
    ok(put(client, key, sup, "followup", {"outcome": "reached", "at": "2026-11-23T10:30"}))
    row = stored(client, key, sup)
    assert row["first_followup_at"] == "2026-11-23T15:30:00+00:00"  # Montréal time, in UTC
    ok(put(client, key, sup, "note", {"text": "Citoyenne très patiente."}))
    ok(put(client, key, sup, "caller", {"text": "Un voisin rappelle pour le même trou."}))
    meeting = {"status": "planned", "date": "2026-12-08T19:00", "councillor": "Mme Tremblay"}
    ok(put(client, key, sup, "meeting", meeting))
    row = stored(client, key, sup)
    assert row["meeting"] == "planned" and row["meeting_at"] == "2026-12-09T00:00:00+00:00"
    held = {"status": "held", "date": "2026-12-08T19:00", "outcome": "Resurfaçage au printemps."}
    ok(put(client, key, sup, "meeting", held))
    assert stored(client, key, sup)["meeting"] == "held"
    refused = put(client, key, sup, "satisfaction", {"score": 4})
    assert refused.status_code == 409
    assert refused.json()["error"]["message"].startswith("La satisfaction se note")
    ok(put(client, key, sup, "close", {"resolution": "Trou colmaté le 24 novembre."}))
    row = stored(client, key, sup)
    assert row["status"] == "closed" and row["closed_at"] is not None
    assert row["resolution"] == "Trou colmaté le 24 novembre."
    ok(put(client, key, sup, "satisfaction", {"score": 4, "comment": "Rapide."}))
    assert stored(client, key, sup)["satisfaction"] == 4
    again = put(client, key, sup, "close", {"resolution": "Encore"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "refused"
    kinds = [e["kind"] for e in stored(client, key, sup)["events"]]
    assert kinds == [
        "assignment",
        "status",
        "followup",
        "note",
        "caller",
        "meeting",
        "meeting",
        "close",
        "satisfaction",
    ]


def test_merge_then_unmerge_restores_the_status(client, agent, sup):
    key, target = new_request(client, agent), new_request(client, agent)
    ok(put(client, key, sup, "status", {"status": "in_progress"}))
    ok(put(client, key, sup, "merge", {"into": target.upper(), "into_label": "2026-000002"}))
    row = stored(client, key, sup)
    assert row["merged_into"] == target and row["status"] == "closed"
    assert row["closed_at"] is not None
    twice = put(client, key, sup, "merge", {"into": target})
    assert twice.status_code == 409
    ok(put(client, key, sup, "unmerge", {"text": "Pas le même trou."}))
    row = stored(client, key, sup)
    assert row["merged_into"] is None and row["status"] == "in_progress"
    assert row["closed_at"] is None
    assert put(client, key, sup, "unmerge").status_code == 409
    itself = put(client, key, sup, "merge", {"into": key})
    assert itself.status_code == 422 and "data.into" in itself.json()["error"]["fields"]
    unknown = put(client, key, sup, "merge", {"into": str(uuid.uuid4())})
    assert unknown.json()["error"]["fields"]["data.into"].startswith("requête de destination")


def test_what_agents_may_and_may_not_add(client, as_user, agent, sup):
    mine = new_request(client, agent, nature="complaint")
    theirs = new_request(client, as_user("agent2"))
    ok(put(client, mine, agent, "note", {"text": "Rappel prévu demain."}))
    foreign = put(client, theirs, agent, "note", {"text": "Je note chez l'autre."})
    assert foreign.status_code == 403
    assert (
        foreign.json()["error"]["message"] == "Un agent ne peut annoter que ses propres requêtes."
    )
    ok(put(client, theirs, agent, "caller", {"text": "Deuxième signalement, M. Roy."}))
    for kind, data in (
        ("close", {"resolution": "Réglé"}),
        ("assignment", {"to": "Travaux publics"}),
        ("status", {"status": "in_progress"}),
        ("merge", {"into": theirs}),
    ):
        refused = put(client, mine, agent, kind, data)
        assert refused.status_code == 403, kind
        assert refused.json()["error"]["message"] == "Cette action est réservée aux superviseurs."
    ok(put(client, mine, agent, "meeting", {"status": "to_schedule", "councillor": "Mme Tremblay"}))
    assert put(client, theirs, agent, "meeting", {"status": "to_schedule"}).status_code == 403
    assert (
        put(client, mine, agent, "meeting", {"status": "planned", "date": "2026-12-01"}).status_code
        == 403
    )
    assert put(client, mine, agent, "satisfaction", {"score": 5}).status_code == 409
    ok(put(client, mine, sup, "close", {"resolution": "Réglé avec le citoyen."}))
    ok(put(client, mine, agent, "satisfaction", {"score": 5, "source": "phone"}))
    assert stored(client, mine, agent)["meeting"] == "to_schedule"
    editor = put(client, mine, as_user("editeur"), "note", {"text": "x"})
    assert editor.status_code == 403


def test_replays_answer_the_same_event_and_other_bodies_conflict(client, agent):
    key = new_request(client, agent)
    event = str(uuid.uuid4())
    body = {"text": "Citoyenne rappelée."}
    first = ok(
        put(client, key, agent, "note", body, event=event, created_at="2026-11-23T15:00:00Z")
    )
    again = ok(
        put(client, key, agent, "note", body, event=event, created_at="2026-11-23T15:00:00Z"), 200
    )
    assert again == first
    assert set(first) == {"uuid", "kind", "data", "author", "created_at", "received_at"}
    other = put(client, key, agent, "note", {"text": "Autre"}, event=event)
    assert other.status_code == 409 and other.json()["error"]["code"] == "conflict"
    elsewhere = put(
        client,
        new_request(client, agent),
        agent,
        "note",
        body,
        event=event,
        created_at="2026-11-23T15:00:00Z",
    )
    assert elsewhere.status_code == 409
    assert len(stored(client, key, agent)["events"]) == 1


def test_two_supervisors_events_are_both_kept_in_server_order(client, as_user, agent, sup):
    key = new_request(client, agent)
    start = ok(client.get("/api/v1/requests/changes", headers=agent), 200)["next"]
    # Offline on two workstations: the second supervisor's action was taken earlier but
    # reaches the server later; both stay, in the order the server received them.
    ok(
        put(
            client,
            key,
            sup,
            "assignment",
            {"to": "Travaux publics"},
            created_at="2026-11-23T16:00:00Z",
        )
    )
    ok(
        put(
            client, key, sup, "status", {"status": "in_progress"}, created_at="2026-11-23T15:00:00Z"
        )
    )
    later = ok(client.get(f"/api/v1/requests/changes?since={start}", headers=agent), 200)
    [item] = later["changes"]
    events = item["request"]["events"]
    assert [e["kind"] for e in events] == ["assignment", "status"]
    assert events[0]["received_at"] < events[1]["received_at"]
    assert item["request"]["status"] == "in_progress"
    assert item["request"]["assigned_to"] == "Travaux publics"
    for column in (
        "department",
        "district",
        "first_followup_at",
        "meeting",
        "meeting_at",
        "merged_into",
        "satisfaction",
        "closed_at",
        "resolution",
        "payload",
    ):
        assert column in item["request"]


def test_a_feed_page_loads_its_events_in_one_query(server_db, client, agent, sup):
    def queries_for_page() -> tuple[int, int]:
        statements = []

        def count(*_args):
            statements.append(1)

        sa_event.listen(server_db.engine, "before_cursor_execute", count)
        try:
            with server_db.transaction(read_only=True) as session:
                page = json.loads(feed_page.changes(session, 0, 500).body)
        finally:
            sa_event.remove(server_db.engine, "before_cursor_execute", count)
        return len(page["changes"]), len(statements)

    for _ in range(3):
        key = new_request(client, agent)
        ok(put(client, key, sup, "assignment", {"to": "Travaux publics"}))
    small = queries_for_page()
    for _ in range(12):
        key = new_request(client, agent)
        ok(put(client, key, sup, "note", {"text": "Vu."}))
    large = queries_for_page()
    assert (small[0], large[0]) == (3, 15)
    assert large[1] == small[1]


HOSTILE = [
    ("data is a list", {"kind": "note", "data": ["texte"]}),
    ("data is a string", {"kind": "note", "data": "texte"}),
    ("kind is a number", {"kind": 3, "data": {}}),
    ("kind missing", {"data": {"text": "x"}}),
    ("unknown kind", {"kind": "delete", "data": {}}),
    ("NUL in text", {"kind": "note", "data": {"text": "a\x00b"}}),
    ("huge text", {"kind": "note", "data": {"text": "é" * 100_000}}),
    ("score true", {"kind": "satisfaction", "data": {"score": True}}),
    ("score as text", {"kind": "satisfaction", "data": {"score": "5"}}),
    ("score too big", {"kind": "satisfaction", "data": {"score": 10**30}}),
    ("status unknown", {"kind": "status", "data": {"status": "deleted"}}),
    ("assignee too long", {"kind": "assignment", "data": {"to": "x" * 500}}),
    ("meeting date", {"kind": "meeting", "data": {"status": "planned", "date": "demain"}}),
    ("NUL in a meeting key", {"kind": "meeting", "data": {"earlier": "a\x00"}}),
    ("NUL in a citizen key", {"kind": "caller", "data": {"text": "x", "citizen": {"a\x00": "b"}}}),
]
RAW = [
    ("lone surrogate", '{"kind": "note", "data": {"text": "\\ud800"}}'),
    ("lone surrogate elsewhere", '{"kind": "note", "data": {"text": "ok", "x": "\\udfff"}}'),
    ("NaN", '{"kind": "satisfaction", "data": {"score": NaN}}'),
    ("score 1e400", '{"kind": "satisfaction", "data": {"score": 1e400}}'),
    ("infinity in an ignored key", '{"kind": "note", "data": {"text": "ok", "x": Infinity}}'),
    ("created_at surrogate", '{"kind": "note", "data": {"text": "ok"}, "created_at": "\\ud800"}'),
    ("not JSON", '{"kind": "note", "data": '),
]


def _refused_in_french(response):
    assert 400 <= response.status_code < 500, response.text
    error = response.json()["error"]
    assert error["message"] and error["fields"]
    text = " ".join([error["message"], *error["fields"].values()])
    for english in ("Field required", "Input should", "valid dictionary", "JSON decode"):
        assert english not in text


@pytest.mark.parametrize(("name", "body"), HOSTILE + RAW, ids=[n for n, _ in HOSTILE + RAW])
def test_hostile_event_bodies_are_refused_in_french_and_write_nothing(
    server_db, client, agent, sup, name, body
):
    key = new_request(client, agent)
    ok(put(client, key, sup, "close", {"resolution": "Réglé."}))  # satisfaction would be allowed
    with server_db.transaction() as session:
        before = session.scalar(select(func.max(Change.seq)))
    url = f"/api/v1/requests/{key}/events/{uuid.uuid4()}"
    if isinstance(body, str):
        headers = {**agent, "Content-Type": "application/json"}
        response = client.put(url, content=body.encode("utf-8", "surrogatepass"), headers=headers)
    else:
        response = client.put(url, json=body, headers=agent)
    _refused_in_french(response)
    with server_db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(RequestEvent)) == 1
        assert session.scalar(select(func.max(Change.seq))) == before


def test_concurrent_puts_of_one_new_event_store_it_once(server_db, client, agent):
    key = new_request(client, agent)
    event = str(uuid.uuid4())
    body = {"kind": "note", "data": {"text": "Rappel fait."}, "created_at": "2026-11-23T15:00:00Z"}
    threads_count = 6
    barrier = threading.Barrier(threads_count)
    statuses: list[int] = []
    lock = threading.Lock()

    def send():
        with TestClient(create_app(server_db)) as c:
            barrier.wait()
            r = c.put(f"/api/v1/requests/{key}/events/{event}", json=body, headers=agent)
            with lock:
                statuses.append(r.status_code)

    threads = [threading.Thread(target=send) for _ in range(threads_count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200] * (threads_count - 1) + [201]
    assert len(stored(client, key, agent)["events"]) == 1


def test_the_same_new_event_racing_into_the_unique_key_answers_the_replay(
    server_db, client, agent, monkeypatch
):
    """The path the row lock normally closes: the event is stored by the time this insert
    runs, though the replay check did not see it (forced here: the check is made to miss)."""
    key = new_request(client, agent)
    event = str(uuid.uuid4())
    body = {"kind": "note", "data": {"text": "Rappel fait."}}
    first = ok(put(client, key, agent, "note", body["data"], event=event))
    monkeypatch.setattr(service, "find_event", lambda _session, _uuid: None)
    assert ok(put(client, key, agent, "note", body["data"], event=event), 200) == first
    other = put(client, key, agent, "note", {"text": "Autre"}, event=event)
    assert other.status_code == 409
    # Under another request, only the unique key sees it: a conflict, never a 500.
    elsewhere = new_request(client, agent)
    assert put(client, elsewhere, agent, "note", body["data"], event=event).status_code == 409
    assert len(stored(client, key, agent)["events"]) == 1
    assert stored(client, elsewhere, agent)["events"] == []


def test_open311_shows_the_resolution_of_a_closed_request_not_of_a_complaint(client, agent, sup):
    request_key = new_request(client, agent)
    complaint_key = new_request(client, agent, nature="complaint")
    for key in (request_key, complaint_key):
        ok(
            put(
                client,
                key,
                sup,
                "close",
                {"resolution": "Colmaté le 24 novembre par l'équipe de M. Roy."},
            )
        )
    refs = {k: stored(client, k, agent)["reference"] for k in (request_key, complaint_key)}
    [plain] = client.get(f"/open311/v2/requests/{refs[request_key]}.json").json()
    assert plain["status"] == "closed"
    assert plain["status_notes"] == "Colmaté le 24 novembre par l'équipe de M. Roy."
    [complaint] = client.get(f"/open311/v2/requests/{refs[complaint_key]}.json").json()
    assert complaint["status"] == "closed" and complaint["status_notes"] == "Fermée"
    assert "Roy" not in client.get(f"/open311/v2/requests/{refs[complaint_key]}.xml").text
