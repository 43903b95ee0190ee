"""Request intake: idempotent PUT, conflicts, references, validation, events, feed."""

import re
import threading
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, text
from sqlalchemy.exc import DBAPIError

from pac_sac_desktop.server.app import create_app
from pac_sac_desktop.server.models import ReferenceCounter
from pac_sac_desktop.server.requests import service
from pac_sac_desktop.server.taxonomy import service as taxonomy
from pac_sac_desktop.server.types import utcnow
from tests.server.conftest import CATEGORIES


def payload(**overrides):
    base = {
        "nature": "request",
        "category": "nid-de-poule",
        "channel": "phone",
        "citizen": {
            "first_name": "Lucie",
            "last_name": "Gagnon",
            "phone": "450 555-0199",
            "contact": "phone",
        },
        "location": {"address": "120, rue Principale"},
        "description": "Trou profond devant le 120, voie de droite.",
        "answers": {"taille": "Grand"},
        "created_at": "2026-11-23T14:05:00+00:00",
    }
    base.update(overrides)
    return base


def test_same_payload_twice_gives_the_same_reference(client, as_user):
    key = str(uuid.uuid4())
    first = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    assert first.status_code == 201, first.text
    again = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
    assert re.fullmatch(r"\d{4}-\d{6}", first.json()["reference"])


def test_different_payload_under_the_same_uuid_is_a_conflict_and_keeps_the_first(client, as_user):
    key = str(uuid.uuid4())
    client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    r = client.put(
        f"/api/v1/requests/{key}", json=payload(description="Autre chose"), headers=as_user("agent")
    )
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"
    stored = client.get(f"/api/v1/requests/{key}", headers=as_user("agent")).json()
    assert stored["payload"]["description"] == "Trou profond devant le 120, voie de droite."


def test_a_replay_answers_as_before_after_its_category_rules_changed(server_db, client, as_user):
    """Uploads are checked before the insert that detects a replay: a stored upload sent again
    after its category gained a required question still answers 200 with its reference, and
    another body under its UUID is still the conflict, not a 422."""
    key = str(uuid.uuid4())
    first = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    assert first.status_code == 201, first.text
    stricter = {
        **CATEGORIES[0],
        "questions": [
            *CATEGORIES[0]["questions"],
            {"code": "voie", "label": "Voie", "type": "text", "required": True},
        ],
    }
    with server_db.transaction() as s:
        taxonomy.upsert(s, stricter)
    again = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    assert again.status_code == 200, again.text
    assert again.json()["reference"] == first.json()["reference"]
    other = client.put(
        f"/api/v1/requests/{key}", json=payload(description="Autre"), headers=as_user("agent")
    )
    assert other.status_code == 409
    new = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent"))
    assert new.status_code == 422  # the new rule holds for new uploads


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_replays_take_no_reference_number_on_sqlite(client, as_user):
    """The SQLite server's references stay gapless: a replay gives back the number it took."""
    key = str(uuid.uuid4())
    first = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    for _ in range(2):
        again = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
        assert again.status_code == 200
    after = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent"))
    number = int(first.json()["reference"].split("-")[1])
    assert after.json()["reference"].endswith(f"-{number + 1:06d}")


def test_references_follow_a_yearly_sequence(client, as_user):
    refs = [
        client.put(
            f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent")
        ).json()["reference"]
        for _ in range(3)
    ]
    numbers = [int(r.split("-")[1]) for r in refs]
    assert numbers == [numbers[0], numbers[0] + 1, numbers[0] + 2]
    refused = client.put(
        f"/api/v1/requests/{uuid.uuid4()}", json=payload(answers={}), headers=as_user("agent")
    )
    assert refused.status_code == 422
    after = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent"))
    assert int(after.json()["reference"].split("-")[1]) == numbers[2] + 1  # no number lost


def test_references_go_on_after_the_numbers_a_database_already_gave(server_db, client, as_user):
    """A database whose numbers came from the counter table (before PostgreSQL sequences) or
    whose sequence is gone: the next reference follows the highest one already given."""
    year = utcnow().year
    with server_db.transaction() as s:
        s.execute(delete(ReferenceCounter))
        s.add(ReferenceCounter(year=year, last=41))
        if server_db.kind == "postgresql":
            s.execute(text(f"DROP SEQUENCE IF EXISTS request_ref_{year}"))
    service._sequence_oids.clear()
    service._years_with_counter.clear()
    r = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent"))
    assert r.json()["reference"] == f"{year}-000042"
    if server_db.kind == "postgresql":  # the sequence also follows references already stored
        with server_db.transaction() as s:
            s.execute(text(f"DROP SEQUENCE request_ref_{year}"))
            s.execute(delete(ReferenceCounter))
        service._sequence_oids.clear()
        r = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent"))
        assert r.json()["reference"] == f"{year}-000043"


def test_validation_errors_are_french_and_per_field(client, as_user):
    bad = payload(
        channel="fax",
        citizen={"phone": "123", "email": "pas-un-courriel", "postal_code": "12345"},
        answers={},
    )
    r = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=bad, headers=as_user("agent"))
    assert r.status_code == 422
    fields = r.json()["error"]["fields"]
    assert fields["channel"].startswith("canal invalide")
    assert fields["citizen.phone"].startswith("numéro de téléphone invalide")
    assert fields["citizen.email"].startswith("adresse courriel invalide")
    assert fields["citizen.postal_code"] == "code postal invalide (format A1A 1A1)"
    assert fields["answers.taille"] == "réponse obligatoire"
    r = client.put(
        f"/api/v1/requests/{uuid.uuid4()}",
        json=payload(category="inconnue"),
        headers=as_user("agent"),
    )
    assert r.json()["error"]["fields"] == {"category": "catégorie inconnue du serveur"}
    assert (
        client.put(
            "/api/v1/requests/pas-un-uuid", json=payload(), headers=as_user("agent")
        ).status_code
        == 422
    )


def test_complaints_get_a_first_followup_due_24_hours_after_capture(client, as_user):
    r = client.put(
        f"/api/v1/requests/{uuid.uuid4()}",
        json=payload(nature="complaint"),
        headers=as_user("agent"),
    ).json()
    assert (
        r["followup_due_at"].startswith("2026-11-24T14:05")
        or r["followup_due_at"] > r["received_at"]
    )
    assert r["due_at"] is not None


def test_events_are_idempotent_and_respect_roles(client, as_user):
    key = str(uuid.uuid4())
    client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    note = {
        "kind": "note",
        "data": {"text": "Citoyenne rappelée."},
        "created_at": "2026-11-23T15:00:00+00:00",
    }
    event = str(uuid.uuid4())
    assert (
        client.put(
            f"/api/v1/requests/{key}/events/{event}", json=note, headers=as_user("agent")
        ).status_code
        == 201
    )
    assert (
        client.put(
            f"/api/v1/requests/{key}/events/{event}", json=note, headers=as_user("agent")
        ).status_code
        == 200
    )
    changed = {**note, "data": {"text": "Autre"}}
    assert (
        client.put(
            f"/api/v1/requests/{key}/events/{event}", json=changed, headers=as_user("agent")
        ).status_code
        == 409
    )
    status = {"kind": "status", "data": {"status": "in_progress"}}
    forbidden = client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=status, headers=as_user("agent")
    )
    assert forbidden.status_code == 403
    other_agent = client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=note, headers=as_user("agent2")
    )
    assert other_agent.status_code == 403  # notes on one's own requests only
    caller = {"kind": "caller", "data": {"text": "M. Roy signale le même trou."}}
    other_caller = client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=caller, headers=as_user("agent2")
    )
    assert other_caller.status_code == 201  # a caller attached to someone else's request
    meeting = {"kind": "meeting", "data": {"reason": "x"}}
    foreign_meeting = client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=meeting, headers=as_user("agent2")
    )
    assert foreign_meeting.status_code == 403
    ok = client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=status, headers=as_user("superviseur")
    )
    assert ok.status_code == 201
    stored = client.get(f"/api/v1/requests/{key}", headers=as_user("agent")).json()
    assert stored["status"] == "in_progress"
    assert [e["kind"] for e in stored["events"]] == ["note", "caller", "status"]


def test_request_updates_flow_back_through_the_feed(client, as_user):
    key = str(uuid.uuid4())
    client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    start = client.get("/api/v1/requests/changes", headers=as_user("agent")).json()
    assert [c["id"] for c in start["changes"]] == [key]
    client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}",
        json={"kind": "status", "data": {"status": "resolved"}},
        headers=as_user("superviseur"),
    )
    later = client.get(
        f"/api/v1/requests/changes?since={start['next']}", headers=as_user("agent")
    ).json()
    assert later["changes"][0]["request"]["status"] == "resolved"


def test_concurrent_uploads_get_unique_references(server_db, as_user, client):
    headers = as_user("agent")
    keys = [str(uuid.uuid4()) for _ in range(16)]
    refs: list[str] = []
    lock = threading.Lock()

    def upload(chunk):
        with TestClient(create_app(server_db)) as c:
            for key in chunk:
                r = c.put(f"/api/v1/requests/{key}", json=payload(), headers=headers)
                assert r.status_code == 201, r.text
                with lock:
                    refs.append(r.json()["reference"])

    threads = [threading.Thread(target=upload, args=(keys[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(refs) == 16 and len(set(refs)) == 16


@pytest.mark.parametrize("server_db", ["postgresql"], indirect=True)
def test_a_lost_reference_sequence_fails_one_upload_and_the_retry_recreates_it(
    server_db, client, as_user
):
    year = utcnow().year
    first = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=payload(), headers=as_user("agent"))
    number = int(first.json()["reference"].split("-")[1])
    with server_db.transaction() as s:
        s.execute(text(f"DROP SEQUENCE request_ref_{year}"))  # e.g. a partial restore
    key = str(uuid.uuid4())
    with pytest.raises(DBAPIError):
        client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    again = client.put(f"/api/v1/requests/{key}", json=payload(), headers=as_user("agent"))
    assert again.status_code == 201
    assert again.json()["reference"] == f"{year}-{number + 1:06d}"


@pytest.mark.parametrize(
    "body",
    [
        '{"nature": "request", "category": "nid-de-poule", "x": "\\ud800"}',
        '{"nature": "request", "category": "nid-de-poule", "created_at": NaN}',
        '{"nature": "request", "category": "nid-de-poule", "x": [1e400]}',
        '{"nature": "request", "category": "nid-de-poule", "description": "a\\u0000b"}',
        '["pas", "un", "objet"]',
    ],
)
def test_unstorable_uploads_are_refused_in_french_before_anything_is_written(client, as_user, body):
    """Lone surrogates, NaN and infinities anywhere in a payload cannot be hashed nor stored on
    PostgreSQL: 422 in French, never a 500, and no reference number spent."""
    key = str(uuid.uuid4())
    headers = {**as_user("agent"), "Content-Type": "application/json"}
    r = client.put(
        f"/api/v1/requests/{key}", content=body.encode("utf-8", "surrogatepass"), headers=headers
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["message"] and r.json()["error"]["fields"]
    assert client.get(f"/api/v1/requests/{key}", headers=as_user("agent")).status_code == 404
