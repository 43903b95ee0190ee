"""Quebec Law 25 on the workstation's database: consultations waiting for the server, and local
copies of requests stripped of their citizen (the rules are core/privacy.py, the server's)."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.privacy import (
    REMOVED,
    Action,
    Viewer,
    anonymised_event,
    general_address_key,
    street_only,
)
from pac_sac_desktop.core.requests import SyncState
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.models import AccessOutboxRow, OutboxRow, RequestRow

DETAIL = "poste : détail de la requête"
ENDED = ("closed", "cancelled")


def record_access(
    session: Session, request_uuid: str, viewer: Viewer, now: dt.datetime, route: str = DETAIL
) -> str:
    """One consultation, in the caller's transaction; sent at the next sync."""
    key = str(uuidlib.uuid4())
    session.add(
        AccessOutboxRow(
            uuid=key,
            request_uuid=request_uuid,
            username=viewer.username[:60],
            role=viewer.role[:20],
            action=str(Action.READ),
            route=route,
            at=now,
        )
    )
    return key


def pending_accesses(session: Session, limit: int) -> list[AccessOutboxRow]:
    return list(
        session.scalars(
            select(AccessOutboxRow).order_by(AccessOutboxRow.at, AccessOutboxRow.uuid).limit(limit)
        )
    )


def remove_accesses(session: Session, uuids: list[str]) -> None:
    session.execute(delete(AccessOutboxRow).where(AccessOutboxRow.uuid.in_(uuids)))


def due_for_purge(session: Session, cutoff: dt.datetime, limit: int) -> list[RequestRow]:
    """Closed before ``cutoff``, known to the server, with nothing of theirs still waiting to be
    sent (a pending event is this agent's fresh work: it leaves first)."""
    waiting = select(OutboxRow.entity_uuid).union(
        select(OutboxRow.parent_uuid).where(OutboxRow.parent_uuid.is_not(None))
    )
    return list(
        session.scalars(
            select(RequestRow)
            .where(
                RequestRow.anonymised_at.is_(None),
                RequestRow.status.in_(ENDED),
                RequestRow.closed_at.is_not(None),
                RequestRow.closed_at < cutoff,
                RequestRow.sync_state.in_((SyncState.SENT, SyncState.REMOTE)),
                RequestRow.uuid.not_in(waiting),
            )
            .order_by(RequestRow.closed_at)
            .limit(limit)
        )
    )


def anonymise_row(
    session: Session,
    row: RequestRow,
    payload: Mapping[str, Any],
    streets: StreetIndex,
    now: dt.datetime,
) -> None:
    """Replace the local copy's payload (the server's anonymised one, or ours computed by the
    same rule), blank the citizen's columns and search keys, and strip the synced history."""
    row.payload = dict(payload)
    row.citizen_phone = row.citizen_email = row.citizen_key = row.citizen_name = ""
    row.place = street_only(row.place)
    row.address_key = general_address_key(row.address_key, streets)
    if row.server and row.server.get("resolution"):
        row.server = {**row.server, "resolution": REMOVED}
    for event in repo.events_of(session, row.uuid):
        if event.received_at is not None:  # a pending one is still on its way to the server
            event.data = anonymised_event(event.kind, event.data or {})
    row.anonymised_at = now
    repo.refresh_state(session, row)
    repo.set_search_keys(session, row)
