"""Satisfaction: the one-time link of the closing notice and the clerk's entry, one event kind."""

from __future__ import annotations

import os
import re
import uuid as uuidlib

import pytest
from sqlalchemy import select

from pac_sac_desktop.server.models import RequestEvent
from pac_sac_desktop.server.notices.senders import FileSms, FolderMailSender
from pac_sac_desktop.server.notices.worker import run_once
from tests.server.test_notices import add_event, new_request, opened


@pytest.fixture()
def closed(server_db, tmp_path):
    """A closed complaint whose closing e-mail (with its survey link) was written to a folder."""
    opened(server_db)
    with server_db.transaction() as session:
        key = new_request(session, 1)
        add_event(session, key, "close", {"resolution": "Colmaté le jour même."})
    folder = tmp_path / "mail"
    run_once(server_db, FolderMailSender(folder), FileSms(os.devnull))
    text = "".join(p.read_text() for p in folder.glob("*.eml"))
    link = re.search(r"http://127\.0\.0\.1:8311(/satisfaction/[\w-]+)", text).group(1)
    return key, link


def events(server_db, key):
    with server_db.transaction(read_only=True) as session:
        return [
            (e.kind, e.data)
            for e in session.scalars(select(RequestEvent).where(RequestEvent.request_uuid == key))
            if e.kind == "satisfaction"
        ]


def test_link_answers_once(server_db, client, closed):
    key, link = closed
    page = client.get(link)
    assert page.status_code == 200 and 'lang="fr-CA"' in page.text
    assert 'name="viewport"' in page.text and page.text.count('type="radio"') == 5
    assert client.post(link, data={"score": "9"}).status_code == 422
    assert client.post(link, data={"score": "4", "comment": "x\x00"}).status_code == 422
    done = client.post(link, data={"score": "4", "comment": "Rapide et poli, merci !"})
    assert done.status_code == 200 and "2026-" in done.text and "Merci" in done.text
    again = client.post(link, data={"score": "1"})
    assert again.status_code == 200 and "déjà été reçue" in again.text
    assert client.get(link).status_code == 200 and "déjà" in client.get(link).text
    assert events(server_db, key) == [
        ("satisfaction", {"score": 4, "comment": "Rapide et poli, merci !", "source": "link"})
    ]
    assert client.get("/satisfaction/inconnu").status_code == 404


def test_clerk_enters_the_answer(server_db, client, as_user, closed):
    key, _link = closed
    url = f"/api/v1/satisfaction/{key}/{uuidlib.uuid4()}"
    body = {"score": 5, "comment": "Très satisfaite.", "source": "phone"}
    first = client.put(url, json=body, headers=as_user("agent"))
    assert first.status_code == 201, first.text
    assert client.put(url, json=body, headers=as_user("agent")).status_code == 200
    changed = client.put(url, json={**body, "score": 3}, headers=as_user("agent"))
    assert changed.status_code == 409
    assert events(server_db, key)[-1][1]["source"] == "phone"
    for bad in (
        {"score": "5"},
        {"score": 0},
        {"score": 6},
        {"score": 10**30},
        {"score": 4.5},
        {"score": True},
        {"score": 4, "comment": "a\x00b"},
        {"score": 4, "comment": "x" * 3000},
        {"score": 4, "source": "pigeon"},
        {},
    ):
        r = client.put(
            f"/api/v1/satisfaction/{key}/{uuidlib.uuid4()}", json=bad, headers=as_user("agent")
        )
        assert r.status_code == 422, (bad, r.text)
        assert r.json()["error"]["message"] == "Réponse de satisfaction invalide."
    raw = '{"score": 4, "comment": "\\ud800"}'  # a lone surrogate, as JSON escapes it
    r = client.put(
        f"/api/v1/satisfaction/{key}/{uuidlib.uuid4()}",
        content=raw,
        headers={**as_user("agent"), "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    nan = '{"score": NaN}'
    r = client.put(
        f"/api/v1/satisfaction/{key}/{uuidlib.uuid4()}",
        content=nan,
        headers={**as_user("agent"), "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    with server_db.transaction() as session:
        other = new_request(session, 2)
    r = client.put(
        f"/api/v1/satisfaction/{other}/{uuidlib.uuid4()}", json=body, headers=as_user("agent")
    )
    assert r.status_code == 409 and "résolue ou fermée" in r.json()["error"]["message"]
    assert client.put(url, json=body).status_code == 401
