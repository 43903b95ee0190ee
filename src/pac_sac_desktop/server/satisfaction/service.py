"""Satisfaction answers: from the one-time link of the closing notice or entered by a clerk on
the phone; both become the same ``satisfaction`` event (data score, comment, source)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid as uuidlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.events import clean_data
from pac_sac_desktop.core.vocabulary import FINAL_STATUSES
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Request, RequestEvent
from pac_sac_desktop.server.notices.models import SatisfactionLink
from pac_sac_desktop.server.requests import service as requests
from pac_sac_desktop.server.types import utcnow

LINK_AUTHOR = Caller(id=0, username="citoyen-lien", display_name="Citoyen (lien)", role="agent")
_NAMESPACE = uuidlib.UUID("0f5c8a8e-6b4e-4d0b-9a43-5a1a2c3d4e5f")


class LinkGone(Exception):
    """Unknown, expired or already used (``used`` tells which)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # unknown | expired | used


class NotSettled(Exception):
    pass


def _closed(session: Session, request_uuid: str) -> bool:
    return (
        session.scalar(
            select(RequestEvent.uuid)
            .where(RequestEvent.request_uuid == request_uuid, RequestEvent.kind == "close")
            .limit(1)
        )
        is not None
    )


def link_of(session: Session, token: str, *, now: dt.datetime | None = None) -> SatisfactionLink:
    digest = hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
    link = session.get(SatisfactionLink, digest, with_for_update=True)
    now = now or utcnow()
    if link is None:
        raise LinkGone("unknown")
    if link.used_at is not None:
        raise LinkGone("used")
    if link.expires_at <= now:
        raise LinkGone("expired")
    return link


def answer_by_link(session: Session, token: str, score: int, comment: str) -> str:
    """Record the citizen's answer once; returns the request's reference."""
    link = link_of(session, token)
    now = utcnow()
    data = clean_data("satisfaction", {"score": score, "comment": comment, "source": "link"})
    event_uuid = str(uuidlib.uuid5(_NAMESPACE, link.digest))
    body = {"kind": "satisfaction", "data": data}
    requests.put_event(session, link.request_uuid, event_uuid, body, user=LINK_AUTHOR)
    link.used_at = now
    request = session.get(Request, link.request_uuid)
    return request.reference if request else ""


def answer_by_clerk(
    session: Session,
    request_uuid: str,
    event_uuid: str,
    *,
    score: int,
    comment: str,
    source: str,
    user: Caller,
) -> tuple[bool, dict]:
    """A clerk enters what the citizen said on the phone or at the counter (idempotent PUT)."""
    request = session.get(Request, request_uuid)
    if request is None:
        raise requests.NotFound(request_uuid)
    if request.status not in FINAL_STATUSES and not _closed(session, request_uuid):
        raise NotSettled(request_uuid)
    data = clean_data("satisfaction", {"score": score, "comment": comment, "source": source})
    body = {"kind": "satisfaction", "data": data}  # the server's clock: retries hash alike
    created, event = requests.put_event(session, request_uuid, event_uuid, body, user=user)
    return created, requests.event_to_wire(event)
