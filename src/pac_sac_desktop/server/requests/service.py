"""Request intake and follow-up on the server.

``PUT /requests/{uuid}`` is idempotent: the same payload again answers the same reference; a
different payload under the same UUID is a conflict and never overwrites. Follow-up events have
their own UUIDs and the same rule, so offline work from several workstations merges without loss.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import URL, Engine, Integer, bindparam, cast, func, select, text, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, ProgrammingError
from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import (
    EVENT_KINDS,
    STATUSES,
    due_dates,
    normalize_address,
    validate_request,
)
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Category, ReferenceCounter, Request, RequestEvent
from pac_sac_desktop.server.taxonomy import service as taxonomy
from pac_sac_desktop.server.types import utcnow

MAX_CLOCK_SKEW = dt.timedelta(days=7)
_years_with_counter: set[int] = set()  # per process: skip the insert once a year's row exists
_sequence_oids: dict[tuple[URL, int], int] = {}  # (database, year): its sequence's object id


# Built once: the intake runs them for every upload of every workstation.
_REQUEST_BY_UUID = select(Request.__table__).where(Request.__table__.c.uuid == bindparam("uuid"))
_CATEGORY = select(Category.code, Category.deadline_hours, Category.data).where(
    Category.code == bindparam("code")
)
_INSERT_REQUEST = Request.__table__.insert()
_NEXTVAL = text("SELECT nextval(CAST(CAST(:oid AS oid) AS regclass))")
_SEQUENCE_OID = text("SELECT CAST(to_regclass(:name) AS oid)")


class Conflict(Exception):
    """Same UUID, different content."""


class NotFound(Exception):
    pass


class Forbidden(Exception):
    pass


def payload_hash(payload: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def next_reference(session: Session, year: int) -> str:
    """'2026-004213': a yearly sequence of public numbers.

    PostgreSQL takes it from a sequence of the year, which locks nothing, so concurrent intakes
    do not queue on it; a failed upload may leave a gap in the numbers, never a duplicate.
    SQLite (one writer at a time) keeps a counter row per year.
    """
    if session.get_bind().dialect.name == "postgresql":
        oid = _year_sequence(session, year)
        try:
            value = session.connection().execute(_NEXTVAL, {"oid": oid}).scalar_one()
        except DBAPIError:
            # The sequence is gone (a restored backup, a dropped object): this upload fails and
            # its retry creates the sequence again after the numbers already given.
            _sequence_oids.clear()
            raise
        return f"{year}-{value:06d}"
    # The first request of a year creates the row; concurrent first requests must not collide.
    if year not in _years_with_counter:
        session.execute(
            sqlite_insert(ReferenceCounter).values(year=year, last=0).on_conflict_do_nothing()
        )
    value = session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
        .returning(ReferenceCounter.last)
    ).scalar_one_or_none()
    if value is None:  # the row vanished (a test emptied the tables): create it again
        _years_with_counter.discard(year)
        return next_reference(session, year)
    _years_with_counter.add(year)
    return f"{year}-{value:06d}"


def _year_sequence(session: Session, year: int) -> int:
    """The object id of the year's PostgreSQL sequence, created at the year's first upload after
    the numbers already given that year (by stored references or by the counter table of earlier
    versions, so that an upgraded database goes on where it was).

    It is created on a connection of its own, in autocommit, so that concurrent first uploads do
    not wait for one another's transactions; the upload then calls it by object id, because a
    transaction that began before the creation may still see the name as missing.
    """
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    key = (engine.url, year)
    if key in _sequence_oids:
        return _sequence_oids[key]
    name = f"request_ref_{year}"
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        oid = conn.scalar(_SEQUENCE_OID, {"name": name})
        if oid is None:
            number = cast(func.substr(Request.reference, 6), Integer)
            given = conn.scalar(
                select(func.coalesce(func.max(number), 0)).where(
                    Request.reference.like(f"{year}-%")
                )
            )
            counted = conn.scalar(
                select(func.coalesce(func.max(ReferenceCounter.last), 0)).where(
                    ReferenceCounter.year == year
                )
            )
            # Two creators at the same instant: the loser's error means the sequence is there.
            with contextlib.suppress(IntegrityError, ProgrammingError):
                conn.execute(
                    text(f"CREATE SEQUENCE IF NOT EXISTS {name} START {max(given, counted) + 1}")
                )
            oid = conn.scalar(_SEQUENCE_OID, {"name": name})
    _sequence_oids[key] = int(oid)
    return int(oid)


def _clock_start(created_at: dt.datetime | None, received_at: dt.datetime) -> dt.datetime:
    """SLA clocks start at capture when the workstation's clock is plausible, else at receipt."""
    if created_at is None or created_at > received_at or received_at - created_at > MAX_CLOCK_SKEW:
        return received_at
    return created_at


def _parse_time(value: Any) -> dt.datetime | None:
    """An aware ISO-8601 time from a workstation, or None when absent or unusable."""
    try:
        parsed = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def to_wire(
    row: Request, events: list[RequestEvent] | None = None, *, payload: bool = True
) -> dict:
    """The server's view of a request; an upload's answer leaves out the payload it just sent."""
    out = {
        "uuid": row.uuid,
        "reference": row.reference,
        "nature": row.nature,
        "category": row.category,
        "channel": row.channel,
        "status": row.status,
        "assigned_to": row.assigned_to,
        "created_at": row.created_at.isoformat(),
        "received_at": row.received_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "due_at": row.due_at.isoformat() if row.due_at else None,
        "followup_due_at": row.followup_due_at.isoformat() if row.followup_due_at else None,
        "created_by": row.created_by,
    }
    if payload:
        out["payload"] = row.payload
    if events is not None:
        out["events"] = [event_to_wire(e) for e in events]
    return out


def event_to_wire(e: RequestEvent) -> dict:
    return {
        "uuid": e.uuid,
        "kind": e.kind,
        "data": e.data,
        "author": e.author,
        "created_at": e.created_at.isoformat(),
        "received_at": e.received_at.isoformat(),
    }


def put_request(
    session: Session, uuid: str, payload: dict[str, Any], *, user: Caller
) -> tuple[bool, dict]:
    """Store a request once; returns (created, answer). Raises Conflict or ValidationFailed.

    The hot path of every workstation's push: plain Core statements built once, and nothing that
    makes concurrent uploads queue (the reference comes from a sequence on PostgreSQL, and the
    change feed numbers the entry at commit, see feed.py).
    """
    digest = payload_hash(payload)
    conn = session.connection()
    existing = conn.execute(_REQUEST_BY_UUID, {"uuid": uuid}).first()
    if existing is not None:
        if existing.payload_hash != digest:
            raise Conflict(uuid)
        return False, to_wire(existing, payload=False)  # type: ignore[arg-type]
    category = conn.execute(_CATEGORY, {"code": str(payload.get("category") or "")}).first()
    if category is None:
        raise ValidationFailed(
            {"category": "catégorie inconnue du serveur"}, "La requête contient des erreurs."
        )
    clean = validate_request(payload, taxonomy.questions(category))  # type: ignore[arg-type]
    received = utcnow()
    start = _clock_start(_parse_time(payload.get("created_at")), received)
    due, followup = due_dates(clean["nature"], start, category.deadline_hours)
    values = {
        "uuid": uuid,
        "reference": next_reference(session, received.year),
        "payload": payload,
        "payload_hash": digest,
        "nature": clean["nature"],
        "category": category.code,
        "channel": clean["channel"],
        "status": "received",
        "address_key": normalize_address((clean.get("location") or {}).get("address", "")),
        "created_at": start,
        "received_at": received,
        "updated_at": received,
        "due_at": due,
        "followup_due_at": followup,
        "created_by": user.username,
        "assigned_to": None,
    }
    conn.execute(_INSERT_REQUEST, values)
    feed.record(session, "requests", uuid, new=True)
    return True, to_wire(Request(**values), payload=False)


def get_request(session: Session, uuid: str) -> Request | None:
    return session.get(Request, uuid)


def get_by_reference(session: Session, reference: str) -> Request | None:
    return session.scalar(select(Request).where(Request.reference == reference))


def events_of(session: Session, uuid: str) -> list[RequestEvent]:
    return list(
        session.scalars(
            select(RequestEvent)
            .where(RequestEvent.request_uuid == uuid)
            .order_by(RequestEvent.created_at, RequestEvent.uuid)
        )
    )


def _check_event(kind: str, data: dict[str, Any]) -> None:
    if kind not in EVENT_KINDS:
        raise ValidationFailed({"kind": "type d'événement inconnu"})
    if kind == "status" and data.get("status") not in STATUSES:
        raise ValidationFailed({"data.status": "statut inconnu"})
    if kind == "assignment" and not str(data.get("to") or "").strip():
        raise ValidationFailed({"data.to": "indiquez à qui la requête est assignée"})
    if kind in ("note", "followup") and not str(data.get("text") or "").strip():
        raise ValidationFailed({"data.text": "le texte est obligatoire"})
    if kind == "merge" and not str(data.get("into") or "").strip():
        raise ValidationFailed({"data.into": "indiquez la requête qui la remplace"})


def put_event(
    session: Session,
    request_uuid: str,
    event_uuid: str,
    body: dict[str, Any],
    *,
    user: Caller,
    can_manage: bool,
) -> tuple[bool, RequestEvent]:
    row = session.get(Request, request_uuid, with_for_update=True)
    if row is None:
        raise NotFound(request_uuid)
    kind = str(body.get("kind") or "")
    data = dict(body.get("data") or {})
    digest = payload_hash({"kind": kind, "data": data, "created_at": body.get("created_at")})
    existing = session.get(RequestEvent, event_uuid)
    if existing is not None:
        if existing.data_hash != digest or existing.request_uuid != request_uuid:
            raise Conflict(event_uuid)
        return False, existing
    _check_event(kind, data)
    # Agents add notes to any request (a caller attached to a duplicate) and schedule the V.I.P.
    # meeting on their own; everything else is a supervisor's.
    own_meeting = kind == "meeting" and row.created_by == user.username
    if not can_manage and kind != "note" and not own_meeting:
        raise Forbidden(kind)
    now = utcnow()
    created = _clock_start(_parse_time(body.get("created_at")), now)
    event = RequestEvent(
        uuid=event_uuid,
        request_uuid=request_uuid,
        kind=kind,
        data=data,
        data_hash=digest,
        author=user.username,
        created_at=created,
        received_at=now,
    )
    session.add(event)
    if kind == "status":
        row.status = data["status"]
    elif kind == "assignment":
        row.assigned_to = data["to"]
        if row.status in ("new", "received"):
            row.status = "assigned"
    elif kind == "merge":
        row.status = "closed"
    row.updated_at = now
    session.flush()
    feed.record(session, "requests", request_uuid)
    return True, event


def changes(session: Session, since: int, limit: int) -> dict:
    page = feed.read(session, "requests", since, limit)
    ids = [c.entity_id for c in page.changes]
    rows = (
        {r.uuid: r for r in session.scalars(select(Request).where(Request.uuid.in_(ids)))}
        if ids
        else {}
    )
    out = []
    for change in page.changes:
        row = rows.get(change.entity_id)
        item: dict = {"seq": change.seq, "op": change.op, "id": change.entity_id}
        if row is not None:
            item["request"] = to_wire(row, events_of(session, row.uuid))
        out.append(item)
    return page.envelope(out)
