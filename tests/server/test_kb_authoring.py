"""Authoring on the server: scheduling, conflicts, history, consistency, feedback, analytics.

Every test runs on SQLite and on PostgreSQL (fixtures in conftest)."""

import datetime as dt
import uuid

import pytest
from sqlalchemy import update

from pac_sac_desktop.server.cli import main as server_main
from pac_sac_desktop.server.models import ScheduledArticle


def put(client, headers, article_id, title="Écocentre", body="Ouvert le samedi.", **extra):
    return client.put(
        f"/api/v1/kb/articles/{article_id}",
        json={"title": title, "body": body, **extra},
        headers=headers,
    )


def feed_ids(client, headers):
    r = client.get("/api/v1/kb/changes?since=0", headers=headers)
    assert r.status_code == 200, r.text
    return {c["id"]: c for c in r.json()["changes"]}


def iso(moment):
    return moment.isoformat()


def test_workflow_scheduled_then_published_then_expired(client, as_user, server_db):
    editor, agent = as_user("editeur"), as_user("agent")
    now = dt.datetime.now(dt.UTC)
    r = put(
        client,
        editor,
        "avis-tempete",
        "Avis de tempête : collectes reportées",
        urgent=True,
        publish_at=iso(now + dt.timedelta(hours=2)),
        expires_at=iso(now + dt.timedelta(hours=5)),
    )
    assert r.json()["outcome"] == "scheduled", r.text
    assert "avis-tempete" not in feed_ids(client, agent)  # scheduled: nobody sees it yet
    assert [s["id"] for s in client.get("/api/v1/kb/scheduled", headers=editor).json()] == [
        "avis-tempete"
    ]
    with server_db.transaction() as s:  # its time comes
        s.execute(update(ScheduledArticle).values(publish_at=now - dt.timedelta(seconds=1)))
    seen = feed_ids(client, agent)
    assert seen["avis-tempete"]["article"]["urgent"] is True
    assert seen["avis-tempete"]["version"] == 1
    assert client.get("/api/v1/kb/scheduled", headers=editor).json() == []
    assert [a["id"] for a in client.get("/api/v1/kb/urgent", headers=agent).json()] == [
        "avis-tempete"
    ]
    # Expired: its end is past; it stays readable but is no longer a notice in force.
    put(
        client,
        editor,
        "avis-tempete",
        "Avis de tempête : collectes reportées",
        urgent=True,
        expires_at=iso(now - dt.timedelta(minutes=1)),
        base_version=1,
    )
    assert client.get("/api/v1/kb/urgent", headers=agent).json() == []
    assert client.get("/api/v1/kb/articles/avis-tempete", headers=agent).status_code == 200


def test_a_version_edited_from_an_old_one_is_refused_with_the_current(client, as_user):
    editor = as_user("editeur")
    put(client, editor, "ecocentre", body="Ouvert le samedi.")
    assert (
        put(
            client, editor, "ecocentre", body="Ouvert le samedi et le dimanche.", base_version=1
        ).json()["version"]
        == 2
    )
    r = put(client, editor, "ecocentre", body="Fermé l'hiver.", base_version=1)
    assert r.status_code == 409
    answer = r.json()
    assert answer["version"] == 2 and "dimanche" in answer["current"]["body"]
    assert "entre-temps" in answer["error"]["message"]
    got = client.get("/api/v1/kb/articles/ecocentre", headers=editor).json()
    assert got["body"] == "Ouvert le samedi et le dimanche." and got["version"] == 2
    # a new sheet sent as new (base 0) while someone else created it: refused too
    assert put(client, editor, "ecocentre", base_version=0).status_code == 409


def test_history_diff_and_restore_as_a_new_version(client, as_user):
    editor = as_user("editeur")
    put(client, editor, "piscine", "Piscine", body="Bain libre à 19 h.\nGratuit.")
    put(client, editor, "piscine", "Piscine", body="Bain libre à 20 h.\nGratuit.")
    history = client.get("/api/v1/kb/articles/piscine/versions", headers=editor).json()
    assert [(v["version"], v["author"]) for v in history] == [(1, "editeur"), (2, "editeur")]
    lines = client.get("/api/v1/kb/articles/piscine/diff?from=1&to=2", headers=editor).json()[
        "lines"
    ]
    assert {"op": "-", "text": "Bain libre à 19 h."} in lines
    assert {"op": "+", "text": "Bain libre à 20 h."} in lines
    r = client.post("/api/v1/kb/articles/piscine/restore/1", headers=editor)
    assert r.json()["version"] == 3
    assert "19 h" in client.get("/api/v1/kb/articles/piscine", headers=editor).json()["body"]
    assert (
        client.get("/api/v1/kb/articles/piscine/diff?from=1&to=9", headers=editor).status_code
        == 404
    )
    assert (
        client.post("/api/v1/kb/articles/piscine/restore/1", headers=as_user("agent")).status_code
        == 403
    )


def test_publishing_a_sheet_that_contradicts_its_category_is_stopped(client, as_user):
    editor = as_user("editeur")
    body = "Les délais visés sont :\n- **48 heures** sur les artères;\n- **5 jours ouvrables** ailleurs."
    r = put(client, editor, "nid", "Nid-de-poule", body=body, categories=["nid-de-poule"])
    assert r.status_code == 422 and r.json()["error"]["code"] == "inconsistent"
    assert "72 h" in r.json()["error"]["fields"]["categories.nid-de-poule"]
    r = put(
        client, editor, "nid", "Nid-de-poule", body=body, categories=["nid-de-poule"], force=True
    )
    assert r.status_code == 200 and r.json()["findings"]
    assert client.get("/api/v1/kb/consistency", headers=editor).json()[0]["id"] == "nid"
    fixed = body.replace("5 jours ouvrables", "72 heures")
    assert (
        put(
            client, editor, "nid", "Nid-de-poule", body=fixed, categories=["nid-de-poule"]
        ).status_code
        == 200
    )
    assert client.get("/api/v1/kb/consistency", headers=editor).json() == []


def test_feedback_is_idempotent_and_corrections_reach_the_editors(client, as_user):
    editor, agent = as_user("editeur"), as_user("agent")
    put(client, editor, "ecocentre")
    fix = str(uuid.uuid4())
    body = {
        "article_id": "ecocentre",
        "version": 1,
        "kind": "fix",
        "comment": "L'écocentre ouvre aussi le dimanche.",
        "created_at": "2026-12-04T14:00:00+00:00",
    }
    assert client.put(f"/api/v1/kb/feedback/{fix}", json=body, headers=agent).status_code == 201
    assert client.put(f"/api/v1/kb/feedback/{fix}", json=body, headers=agent).status_code == 200
    other = {**body, "comment": "Autre chose."}
    assert client.put(f"/api/v1/kb/feedback/{fix}", json=other, headers=agent).status_code == 409
    useful = {**body, "kind": "useful", "comment": ""}
    assert (
        client.put(f"/api/v1/kb/feedback/{uuid.uuid4()}", json=useful, headers=agent).status_code
        == 201
    )
    queue = client.get("/api/v1/kb/feedback", headers=editor).json()
    assert [(q["title"], q["author"]) for q in queue] == [("Écocentre", "agent")]
    assert client.get("/api/v1/kb/feedback", headers=agent).status_code == 403
    assert client.post(f"/api/v1/kb/feedback/{fix}/close", headers=editor).status_code == 200
    assert client.get("/api/v1/kb/feedback", headers=editor).json() == []


def test_search_analytics_are_aggregated_once_per_batch(
    client, as_user, monkeypatch, capsys, server_db
):
    editor, agent = as_user("editeur"), as_user("agent")
    put(client, editor, "ecocentre")
    at = "2026-12-02T15:00:00+00:00"
    events = (
        [{"query": "compost gratuit", "results": 0, "opened": None, "at": at}] * 3
        + [{"query": "écocentre", "results": 4, "opened": "ecocentre", "at": at}] * 2
        + [{"query": "permis piscine", "results": 2, "opened": None, "at": at}]
        + [{"query": "appeler 450 555-0199", "results": 0, "opened": None, "at": at}]
        + [{"query": "vieux", "results": 0, "opened": None, "at": "2026-11-01T15:00:00+00:00"}]
    )
    batch = {"batch": str(uuid.uuid4()), "events": events}
    assert client.post("/api/v1/kb/searches", json=batch, headers=agent).json() == {
        "accepted": 8,
        "analytics": True,
    }
    assert client.post("/api/v1/kb/searches", json=batch, headers=agent).json()["accepted"] == 0
    gaps = client.get("/api/v1/kb/gaps?from=2026-11-30&to=2026-12-06", headers=editor).json()
    assert gaps["searches"] == 7
    assert gaps["no_result"][0] == {"query": "compost gratuit", "count": 3}
    assert {"query": "appeler [nombre]", "count": 1} in gaps["no_result"]
    assert gaps["not_opened"] == [{"query": "permis piscine", "count": 1}]
    assert gaps["most_used"] == [{"id": "ecocentre", "title": "Écocentre", "count": 2}]
    assert (
        client.get("/api/v1/kb/gaps?from=2026-12-06&to=2026-11-30", headers=editor).status_code
        == 422
    )
    if server_db.kind == "sqlite":
        url = str(server_db.engine.url)
        assert (
            server_main(
                ["kb", "gaps", "--from", "2026-11-30", "--to", "2026-12-06", "--json", "--db", url]
            )
            == 0
        )
        assert '"compost gratuit"' in capsys.readouterr().out
    monkeypatch.setenv("PAC_SAC_SEARCH_ANALYTICS", "off")
    batch = {"batch": str(uuid.uuid4()), "events": events[:1]}
    assert client.post("/api/v1/kb/searches", json=batch, headers=agent).json() == {
        "accepted": 0,
        "analytics": False,
    }


HOSTILE = [
    ("put", "/api/v1/kb/articles/x", {"title": "a\x00b", "body": "x"}),
    ("put", "/api/v1/kb/articles/x", {"title": "\ud800", "body": "x"}),
    ("put", "/api/v1/kb/articles/x", {"title": ["liste"], "body": "x"}),
    ("put", "/api/v1/kb/articles/x", {"title": "T", "body": "x", "base_version": float("nan")}),
    ("put", "/api/v1/kb/articles/x", {"title": "T", "body": "x", "base_version": 2**70}),
    ("put", "/api/v1/kb/articles/x", {"title": "T", "body": "x", "expires_at": "bientôt"}),
    ("put", "/api/v1/kb/articles/x", {"title": "T", "body": "x" * 200_001}),
    ("put", "/api/v1/kb/articles/x", {"title": "T", "body": "x", "categories": ["Pas Un Code"]}),
    ("put", "/api/v1/kb/articles/x", {"title": "T", "body": "x", "inconnu": 1}),
    (
        "put",
        f"/api/v1/kb/feedback/{uuid.UUID(int=1)}",
        {
            "article_id": "x",
            "kind": "fix",
            "comment": "\ud800",
            "created_at": "2026-12-04T10:00:00",
        },
    ),
    (
        "put",
        f"/api/v1/kb/feedback/{uuid.UUID(int=1)}",
        {"article_id": "x", "kind": "bof", "created_at": "2026-12-04T10:00:00"},
    ),
    (
        "put",
        "/api/v1/kb/feedback/pas-un-uuid",
        {"article_id": "x", "kind": "useful", "created_at": "2026-12-04T10:00:00"},
    ),
    ("post", "/api/v1/kb/searches", {"batch": "x", "events": []}),
    (
        "post",
        "/api/v1/kb/searches",
        {
            "batch": str(uuid.UUID(int=2)),
            "events": [{"query": "a\x00", "results": 1, "at": "2026-12-04T10:00:00"}],
        },
    ),
    (
        "post",
        "/api/v1/kb/searches",
        {
            "batch": str(uuid.UUID(int=3)),
            "events": [{"query": "a", "results": -1, "at": "2026-12-04T10:00:00"}],
        },
    ),
]


@pytest.mark.parametrize("method,url,body", HOSTILE)
def test_hostile_bodies_get_a_french_4xx_and_write_nothing(client, as_user, method, url, body):
    import json

    raw = json.dumps(body, allow_nan=True)
    headers = {**as_user("editeur"), "Content-Type": "application/json"}
    r = getattr(client, method)(url, content=raw.encode("utf-8", "surrogatepass"), headers=headers)
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["error"]["message"]
    assert client.get("/api/v1/kb/articles/x", headers=headers).status_code == 404
    assert client.get("/api/v1/kb/feedback", headers=headers).json() == []


def test_a_huge_body_is_refused_before_it_is_read(client, as_user):
    r = client.put(
        "/api/v1/kb/articles/x",
        content=b"{" + b" " * 1_100_000 + b"}",
        headers={**as_user("editeur"), "Content-Type": "application/json"},
    )
    assert r.status_code == 413 and "volumineux" in r.json()["error"]["message"]
