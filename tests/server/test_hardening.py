"""Hostile clients against the server (issue 6/6): sizes, ranges and races answer 4xx in
French or the idempotent replay, never a 500, and nothing is half-written. Both databases."""

import threading
import uuid

from fastapi.testclient import TestClient

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.server.app import MAX_BODY, create_app
from pac_sac_desktop.server.models import Change, Request
from pac_sac_desktop.server.privacy.models import AccessEntry
from pac_sac_desktop.server.taxonomy import service as taxonomy
from tests.server.conftest import PASSWORDS


def pothole(server_db, **extra):
    with server_db.transaction() as s:
        questions = taxonomy.questions(taxonomy.get(s, "nid-de-poule"))
    return {
        "nature": "request",
        "category": "nid-de-poule",
        "channel": "counter",
        "description": "Trou profond devant le 120.",
        "location": {"address": "120, rue Principale"},
        "answers": sample_answers(questions),
        **extra,
    }


def stored(server_db) -> int:
    with server_db.transaction() as s:
        return s.query(Request).count()


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, server_db, as_user):
    before = stored(server_db)
    huge = pothole(server_db, extra="x" * (MAX_BODY + 10))
    r = client.put(f"/api/v1/requests/{uuid.uuid4()}", json=huge, headers=as_user("agent"))
    assert r.status_code == 413 and "trop volumineux" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: counted as it streams
        yield b'{"nature": "request", "extra": "'
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"y" * 65536
        yield b'"}'

    r = client.put(
        f"/api/v1/requests/{uuid.uuid4()}",
        content=chunks(),
        headers={**as_user("agent"), "content-type": "application/json"},
    )
    assert r.status_code == 413
    assert stored(server_db) == before
    login = client.post("/api/v1/auth/login", content=b"{" + b" " * (MAX_BODY + 1) + b"}")
    assert login.status_code == 413


def test_cursors_and_limits_out_of_range_are_422(client, as_user):
    for query in ("since=9223372036854775808", "since=-1", "limit=0", "limit=99999", "since=abc"):
        r = client.get(f"/api/v1/requests/changes?{query}", headers=as_user("superviseur"))
        assert r.status_code == 422, (query, r.text)
        assert r.json()["error"]["message"]


def test_the_same_new_request_sent_at_once_from_six_threads(server_db):
    key = str(uuid.uuid4())
    body = pothole(server_db)
    statuses: list[int] = []
    references: set[str] = set()
    with TestClient(create_app(server_db)) as first:
        token = first.post(
            "/api/v1/auth/login",
            json={"username": "agent", "password": PASSWORDS["agent"]},
        ).json()["token"]
    barrier = threading.Barrier(6)

    def send() -> None:
        with TestClient(create_app(server_db)) as c:  # one app per thread: one event loop each
            barrier.wait()
            r = c.put(
                f"/api/v1/requests/{key}", json=body, headers={"Authorization": f"Bearer {token}"}
            )
            statuses.append(r.status_code)
            if r.status_code < 300:
                references.add(r.json()["reference"])

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(statuses) == [200] * 5 + [201], statuses
    assert len(references) == 1
    with server_db.transaction() as s:
        assert s.query(Request).filter_by(uuid=key).count() == 1
        # The feed entry and the access-log row are written with the request (one statement on
        # PostgreSQL): once, for the upload that stored it, none for the five replays.
        assert s.query(Change).filter_by(feed="requests", entity_id=key).count() == 1
        assert s.query(Change).filter(Change.entity_id.is_(None)).count() == 0
        logged = s.query(AccessEntry).filter_by(request_uuid=key).all()
        assert [(e.action, e.username) for e in logged] == [("change", "agent")]
