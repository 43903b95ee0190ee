"""Acting on a request after capture, offline: one event per action, stored with its outbox
entry in one transaction, and the request's state refreshed from its history.

The permission and status rules are core's (``core.events.refusal``), the same the server
applies, so an action refused by the server later is the exception (a role changed meanwhile),
not the rule; such a refusal blocks the outbox entry for a supervisor to see, nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Any

from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.events import Event, EventKind, clean_data, refusal
from pac_sac_desktop.store import requests_repo as repo

REFUSED = "Action refusée."


def record_event(
    session: Session,
    request_uuid: str,
    kind: EventKind,
    data: dict[str, Any],
    *,
    user: str,
    now: dt.datetime,
) -> Event:
    """Keep the event in the request's history and queue it for the server."""
    event = Event(
        uuid=str(uuidlib.uuid4()),
        request_uuid=request_uuid,
        kind=kind,
        data=data,
        author=user,
        created_at=now,
    )
    repo.put_event(session, request_uuid, event)
    repo.add_outbox(
        session,
        kind="event",
        entity_uuid=event.uuid,
        parent_uuid=request_uuid,
        payload={"kind": str(kind), "data": dict(data), "created_at": now.isoformat()},
        now=now,
    )
    return event


def act(
    session: Session,
    ref_or_uuid: str,
    kind: str,
    data: dict[str, Any],
    *,
    user: str,
    role: str | None,
    now: dt.datetime,
) -> Event:
    row = repo.by_label(session, ref_or_uuid)
    if row is None:
        raise ValidationFailed(
            {"request": f"requête introuvable sur ce poste : {ref_or_uuid}"}, REFUSED
        )
    if not role:
        message = "Connectez-vous au serveur pour agir sur une requête."
        raise ValidationFailed({"action": message}, message)
    clean = clean_data(kind, data)
    if kind == EventKind.MERGE:
        target = repo.by_label(session, clean["into"])
        if target is None:
            raise ValidationFailed(
                {"data.into": f"requête introuvable sur ce poste : {clean['into']}"}, REFUSED
            )
        if target.uuid == row.uuid:
            raise ValidationFailed(
                {"data.into": "une requête ne peut pas être fusionnée dans elle-même"}, REFUSED
            )
        clean["into"] = target.uuid
        clean["into_label"] = target.reference or target.number
    state = repo.refresh_state(session, row)
    reason = refusal(kind, role=role, own=row.created_by == user, state=state, data=clean)
    if reason:
        raise ValidationFailed({"action": reason}, reason)
    event = record_event(session, row.uuid, EventKind(kind), clean, user=user, now=now)
    repo.refresh_state(session, row)
    row.updated_at = now
    return event
