"""Publishing and the KB changes feed, on SQLite and PostgreSQL."""

import datetime as dt
import sqlite3
import threading

import pytest
from sqlalchemy import update

from pac_sac_desktop.server import feed
from pac_sac_desktop.server.models import Change


def publish(client, headers, article_id, title, body="Corps de l'article.", **extra):
    return client.put(
        f"/api/v1/kb/articles/{article_id}",
        json={"title": title, "body": body, **extra},
        headers=headers,
    )


def changes(client, headers, since=0, limit=500):
    r = client.get(f"/api/v1/kb/changes?since={since}&limit={limit}", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def test_publish_update_withdraw_flow_through_the_feed(client, as_user):
    editor, agent = as_user("editeur"), as_user("agent")
    assert publish(client, editor, "ecocentre", "Écocentre").json()["outcome"] == "created"
    assert publish(client, editor, "collecte", "Collecte").json()["outcome"] == "created"
    first = changes(client, agent)
    assert [c["id"] for c in first["changes"]] == ["ecocentre", "collecte"]
    assert first["changes"][0]["article"]["title"] == "Écocentre"
    cursor = first["next"]
    assert (
        publish(client, editor, "ecocentre", "Écocentre", body="Corps de l'article.").json()[
            "outcome"
        ]
        == "unchanged"
    )
    assert changes(client, agent, cursor)["changes"] == []
    assert (
        publish(client, editor, "ecocentre", "Écocentre des Cèdres").json()["outcome"] == "updated"
    )
    assert client.delete("/api/v1/kb/articles/collecte", headers=editor).status_code == 200
    later = changes(client, agent, cursor)
    assert [(c["id"], c["op"]) for c in later["changes"]] == [
        ("ecocentre", "upsert"),
        ("collecte", "delete"),
    ]
    assert later["changes"][0]["version"] == 2
    # a fresh workstation sees one row per article: the latest state, tombstones included
    full = changes(client, agent)
    assert [(c["id"], c["op"]) for c in full["changes"]] == [
        ("ecocentre", "upsert"),
        ("collecte", "delete"),
    ]


def test_versions_keep_who_and_when(client, as_user):
    editor = as_user("editeur")
    publish(client, editor, "a", "Version un")
    publish(client, editor, "a", "Version deux")
    versions = client.get("/api/v1/kb/articles/a/versions", headers=as_user("agent")).json()
    assert [(v["version"], v["author"], v["article"]["title"]) for v in versions] == [
        (1, "editeur", "Version un"),
        (2, "editeur", "Version deux"),
    ]


def test_pages_follow_the_cursor(client, as_user):
    editor, agent = as_user("editeur"), as_user("agent")
    for i in range(7):
        publish(client, editor, f"art-{i}", f"Article {i}")
    seen, cursor, more = [], 0, True
    while more:
        page = changes(client, agent, cursor, limit=3)
        seen += [c["id"] for c in page["changes"]]
        cursor, more = page["next"], page["more"]
    assert seen == [f"art-{i}" for i in range(7)]


def test_invalid_article_is_refused_in_french(client, as_user):
    r = publish(client, as_user("editeur"), "mauvais", "", body="x")
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("titre manquant")
    r = publish(client, as_user("editeur"), "date", "T", updated="2026-02-30")
    assert r.status_code == 422 and "date « updated » invalide" in r.json()["error"]["message"]


def test_a_cursor_older_than_purged_tombstones_must_resync(client, as_user, server_db):
    editor, agent = as_user("editeur"), as_user("agent")
    publish(client, editor, "vieux", "Vieux")
    cursor = changes(client, agent)["next"]
    client.delete("/api/v1/kb/articles/vieux", headers=editor)
    publish(client, editor, "neuf", "Neuf")
    with server_db.transaction() as s:
        s.execute(
            update(Change)
            .where(Change.op == "delete")
            .values(changed_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
        )
        assert feed.purge_tombstones(s, "kb") == 1
    r = client.get(f"/api/v1/kb/changes?since={cursor}", headers=agent)
    assert r.status_code == 410 and r.json()["error"]["code"] == "resync_required"
    full = changes(client, agent)
    assert [c["id"] for c in full["changes"]] == ["neuf"]


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)  # PostgreSQL readers never wait
def test_feeds_are_read_while_an_upload_holds_sqlite_s_write_lock(client, as_user, server_db):
    """The SQLite server: workstations polling the feeds do not queue behind a writer."""
    headers = as_user("agent")
    writer = sqlite3.connect(server_db.engine.url.database, timeout=1)
    writer.execute("BEGIN IMMEDIATE")  # an upload in progress
    answers: list[int] = []
    reader = threading.Thread(
        target=lambda: answers.append(
            client.get("/api/v1/taxonomy/changes?since=0", headers=headers).status_code
        )
    )
    try:
        reader.start()
        reader.join(5)  # a writing transaction would wait here for the busy timeout (30 s)
        assert answers == [200]
    finally:
        writer.rollback()
        writer.close()
        reader.join(40)
