"""The requests feed page built from stored JSON text and kept per request (feed_page.py) says
exactly what ``service.to_wire`` says, and never an older state of a request."""

from __future__ import annotations

import json

from pac_sac_desktop.server.requests import service

from .test_request_events import agent, new_request, ok, put, sup  # noqa: F401 - fixtures


def feed(client, headers, since=0, limit=500):
    r = client.get(f"/api/v1/requests/changes?since={since}&limit={limit}", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def wire(server_db, key):
    """What the other routes answer for a request, through the same JSON round trip."""
    with server_db.transaction(read_only=True) as session:
        row = service.get_request(session, key)
        return json.loads(json.dumps(service.to_wire(row, service.events_of(session, key))))


def test_a_page_says_what_to_wire_says(server_db, client, agent, sup):  # noqa: F811
    keys = [new_request(client, agent) for _ in range(3)]
    ok(put(client, keys[0], sup, "assignment", {"to": "Travaux publics"}))
    ok(put(client, keys[0], sup, "note", {"text": "Citoyenne « très » patiente,\nrappel à 9 h."}))
    ok(put(client, keys[1], sup, "status", {"status": "in_progress", "text": "Équipe en route"}))
    for _ in range(2):  # built, then kept
        page = feed(client, agent)
        assert [item["id"] for item in page["changes"]] == [keys[2], keys[0], keys[1]]
        for item in page["changes"]:
            assert item["request"] == wire(server_db, item["id"])
    assert page["next"] == page["changes"][-1]["seq"] and page["more"] is False


def test_a_request_changed_after_a_read_is_read_changed(server_db, client, agent, sup):  # noqa: F811
    key = new_request(client, agent)
    other = new_request(client, agent)
    before = feed(client, agent)
    ok(put(client, key, sup, "assignment", {"to": "Travaux publics"}))
    for since in (0, before["next"]):
        changed = {i["id"]: i for i in feed(client, agent, since)["changes"]}
        assert changed[key]["request"]["status"] == "assigned"
        assert [e["kind"] for e in changed[key]["request"]["events"]] == ["assignment"]
        assert changed[key]["request"] == wire(server_db, key)
    assert other not in {i["id"] for i in feed(client, agent, before["next"])["changes"]}


def test_pages_cut_a_feed_without_loss(server_db, client, agent):  # noqa: F811
    keys = [new_request(client, agent) for _ in range(5)]
    seen, since, more = [], 0, True
    while more:
        page = feed(client, agent, since, limit=2)
        seen += [item["id"] for item in page["changes"]]
        since, more = page["next"], page["more"]
        assert page["remaining"] == (len(keys) - len(seen) if more else 0)
    assert seen == keys
