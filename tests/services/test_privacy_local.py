"""Quebec Law 25 on the workstation, without a server: consultations recorded when a detail is
opened, local copies anonymised after the retention period, files readable by the user only."""

from __future__ import annotations

import datetime as dt
import os
import stat

from sqlalchemy import delete, select

from pac_sac_desktop.core.privacy import REMOVED, Viewer
from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft, SyncState
from pac_sac_desktop.services import privacy
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.models import AccessOutboxRow, OutboxRow, RequestRow

AGENT = Viewer("agent", "agent")
NOW = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)


def _draft(ws: Workstation, **citizen: str) -> RequestDraft:
    from pac_sac_desktop.core.demo import sample_answers

    return RequestDraft(
        nature="complaint",
        category="collecte-manquee",
        channel="phone",
        description="Le bac de Mme Lapointe n'a pas été ramassé mardi.",
        citizen=Citizen(**citizen) if citizen else Citizen(),
        location=Location(address="210, rue des Merisiers"),
        answers=sample_answers(ws.requests.category("collecte-manquee").questions),
    )


def _station(home) -> Workstation:
    ws = Workstation(home)
    ws.requests.ensure_taxonomy()
    return ws


def _accesses(ws: Workstation) -> list[AccessOutboxRow]:
    with ws.db.reading() as s:
        return list(s.scalars(select(AccessOutboxRow)))


def test_opening_a_detail_with_a_citizen_records_one_consultation(home):
    ws = _station(home)
    try:
        named = ws.requests.save(
            _draft(ws, first_name="Ginette", last_name="Lapointe", phone="450 555-0177"),
            user="agent",
        )
        anonymous = ws.requests.save(_draft(ws), user="agent")
        ws.requests.detail(named.number, viewer=AGENT, now=NOW)
        ws.requests.detail(named.uuid)  # a refresh of the open pane: not a new consultation
        ws.requests.detail(anonymous.uuid, viewer=AGENT)  # no citizen on screen: nothing
        [entry] = _accesses(ws)
        assert (entry.request_uuid, entry.username, entry.role, entry.action, entry.at) == (
            named.uuid,
            "agent",
            "agent",
            "read",
            NOW,
        )
    finally:
        ws.close()


def _closed_long_ago(ws: Workstation, uuid: str, *, synced: bool = True) -> None:
    with ws.db.transaction() as s:
        row = repo.get_request(s, uuid)
        row.status = "closed"
        row.closed_at = dt.datetime(2023, 1, 10, tzinfo=dt.UTC)
        if synced:
            row.sync_state = SyncState.SENT
            s.execute(delete(OutboxRow).where(OutboxRow.entity_uuid == uuid))


def test_synced_requests_closed_long_ago_lose_their_citizen_here_too(home):
    ws = _station(home)
    try:
        citizen = {"first_name": "Ginette", "last_name": "Lapointe", "phone": "450 555-0177"}
        old = ws.requests.save(_draft(ws, **citizen), user="agent")
        waiting = ws.requests.save(_draft(ws, **citizen), user="agent")
        recent = ws.requests.save(_draft(ws, **citizen), user="agent")
        _closed_long_ago(ws, old.uuid)
        _closed_long_ago(ws, waiting.uuid, synced=False)  # still in the outbox: kept for now
        assert privacy.purge(ws.db, ws.requests.streets, ws.attachments, days=730).requests == 1
        with ws.db.reading() as s:
            row = s.get(RequestRow, old.uuid)
            assert row.anonymised_at is not None
            assert (row.citizen_name, row.citizen_phone, row.citizen_key) == ("", "", "")
            assert row.payload["citizen"] == {"contact": "none"}
            assert row.payload["description"] == REMOVED
            assert row.place == "rue des Merisiers" and row.nature == "complaint"
            assert s.get(RequestRow, waiting.uuid).anonymised_at is None
            assert s.get(RequestRow, recent.uuid).anonymised_at is None
        found = {r.uuid for r in ws.requests.find("Lapointe")}
        assert found == {waiting.uuid, recent.uuid}  # the search keys went too
        assert not ws.requests.detail(old.uuid).shows_personal_data
        again = privacy.purge(ws.db, ws.requests.streets, ws.attachments, days=730)
        assert again.requests == 0
    finally:
        ws.close()


def test_attachments_are_readable_by_the_user_only(home, tmp_path):
    os.umask(0o022)
    photo = tmp_path / "trou.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"photo du trou" * 100)
    ws = Workstation(home)
    try:
        attachment = ws.attachments.add_file(photo)
        path = ws.attachments.path(attachment.sha256)
        for folder in (ws.attachments.root, path.parent):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        os.chmod(path, 0o644)  # as an older version left it
        os.chmod(path.parent, 0o755)
    finally:
        ws.close()
    ws = Workstation(home)  # tightened at the next start
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        assert stat.S_IMODE(ws.db.path.stat().st_mode) == 0o600
    finally:
        ws.close()
