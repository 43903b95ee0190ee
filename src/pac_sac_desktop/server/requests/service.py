"""Request intake and follow-up on the server.

``PUT /requests/{uuid}`` is idempotent: the same payload again answers the same reference; a
different payload under the same UUID is a conflict and never overwrites. Follow-up events have
their own UUIDs and the same rule, so offline work from several workstations merges without loss.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import math
import uuid as uuidlib
from typing import Any

from sqlalchemy import (
    URL,
    Connection,
    Engine,
    Integer,
    bindparam,
    cast,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError, ProgrammingError
from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.events import (
    Event,
    EventKind,
    RequestState,
    Role,
    apply,
    clean_data,
    refusal,
)
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.privacy import Action
from pac_sac_desktop.core.requests import RequestDraft, due_dates, normalize_address, text_problem
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.taxonomy import Category as CategoryDef
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Category, ReferenceCounter, Request, RequestEvent
from pac_sac_desktop.server.privacy import access
from pac_sac_desktop.server.types import utcnow

MAX_CLOCK_SKEW = dt.timedelta(days=7)
_years_with_counter: set[int] = set()  # per process: skip the insert once a year's row exists
_sequence_oids: dict[tuple[URL, int], int] = {}  # (database, year): its sequence's object id


# Built once: the intake runs them for every upload of every workstation.
_REQUEST_BY_UUID = select(Request.__table__).where(Request.__table__.c.uuid == bindparam("uuid"))
_CATEGORY = select(
    Category.code,
    Category.label,
    Category.field,
    Category.department,
    Category.deadline_hours,
    Category.data,
    Category.active,
).where(Category.code == bindparam("code"))
_NEW = (
    pg_insert(Request.__table__)
    .values({c.name: bindparam(c.name, type_=c.type) for c in Request.__table__.c})
    .on_conflict_do_nothing(index_elements=["uuid"])
    .returning(Request.__table__.c.uuid)
    .cte("new")
)
# PostgreSQL runs every data-modifying WITH exactly once: the feed entry and the access-log row
# are written for the row inserted, and for nothing when the UUID was taken.
_STORE_PG_UNLOGGED = select(_NEW.c.uuid).add_cte(
    feed.record_new_from("requests", _NEW.c.uuid).cte("change")
)
_STORE_PG = _STORE_PG_UNLOGGED.add_cte(access.record_from(_NEW.c.uuid).cte("access"))
_INSERT_NEW_SQLITE = (
    sqlite_insert(Request.__table__)
    .on_conflict_do_nothing(index_elements=["uuid"])
    .returning(Request.__table__.c.uuid)
)
_NEXTVAL = text("SELECT nextval(CAST(CAST(:oid AS oid) AS regclass))")
_SEQUENCE_OID = text("SELECT CAST(to_regclass(:name) AS oid)")


class Conflict(Exception):
    """Same UUID, different content."""


class NotFound(Exception):
    pass


class Refused(Exception):
    """The rules of core.events refuse this event: 403 for the caller's role, 409 for the
    request's state (what a supervisor would be refused too). ``message`` is French."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def payload_hash(payload: dict[str, Any]) -> str:
    """The digest that makes uploads idempotent. A body that cannot be hashed (a lone surrogate,
    NaN or an infinity) cannot be stored on PostgreSQL either: refused here, in French."""
    try:
        encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, allow_nan=False).encode()
    except ValueError:  # UnicodeEncodeError is one
        raise ValidationFailed(
            {"request": "caractère ou nombre invalide (encodage, NaN ou infini)"},
            "Le contenu envoyé est illisible.",
        ) from None
    return hashlib.sha256(encoded).hexdigest()


@functools.cache
def _streets() -> StreetIndex:
    """The city's streets and districts, read once per process (intake stays query-free)."""
    return StreetIndex.load(resources_dir() / "streets.yaml")


def district_of(address: str) -> int | None:
    place = _streets().locate(address) if address else None
    return place.district.number if place is not None and place.district is not None else None


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
        "department": row.department,
        "district": row.district,
        "first_followup_at": _iso(row.first_followup_at),
        "meeting": row.meeting,
        "meeting_at": _iso(row.meeting_at),
        "merged_into": row.merged_into,
        "satisfaction": row.satisfaction,
        "closed_at": _iso(row.closed_at),
        "resolution": row.resolution or "",
        "anonymised_at": _iso(row.anonymised_at),
    }
    if payload:
        out["payload"] = row.payload
    if events is not None:
        out["events"] = [event_to_wire(e) for e in events]
    return out


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def event_to_wire(e: RequestEvent, *, data: bool = True) -> dict:
    """An event as the API answers it; a feed page splices ``data`` in as stored JSON text."""
    out = {
        "uuid": e.uuid,
        "kind": e.kind,
        "author": e.author,
        "created_at": e.created_at.isoformat(),
        "received_at": e.received_at.isoformat(),
    }
    if data:
        out["data"] = e.data
    return out


def put_request(
    session: Session,
    uuid: str,
    payload: dict[str, Any],
    *,
    user: Caller,
    now: dt.datetime | None = None,
    route: str | None = None,
) -> tuple[bool, dict]:
    """Store a request once; returns (created, answer). Raises Conflict or ValidationFailed.

    ``route``: the route an access-log row names when the request is stored (none for a
    replay), written with it: on PostgreSQL the request, its feed entry and that row are one
    statement (a data-modifying ``WITH``), a round trip instead of three.

    The hot path of every workstation's push: plain Core statements built once, one read (the
    category), one insert that is also the idempotence check, and nothing that makes
    concurrent uploads queue (the reference comes
    from a sequence on PostgreSQL, and the change feed numbers the entry at commit, see
    feed.py). The payload is parsed once into a typed draft and checked against the category's
    own rules (natures, questions), the same code the workstation ran before saving it. The
    district comes from the city's street list held in memory. ``now`` stands for the server's
    clock (the demo data captures requests weeks ago).
    """
    digest = payload_hash(payload)
    conn = session.connection()
    try:
        draft, category = _checked(conn, payload)
    except ValidationFailed:
        # Stored earlier (its category since retired, its rules since changed): the replay
        # answers as it did then; another body under that UUID is still the conflict.
        replay = _replay_of(conn, uuid, digest)
        if replay is None:
            raise
        return replay
    received = now or utcnow()
    start = _clock_start(_parse_time(payload.get("created_at")), received)
    due, followup = due_dates(draft.nature, start, category.deadline_hours)
    reference = next_reference(session, received.year)
    values = {
        "uuid": uuid,
        "reference": reference,
        "payload": payload,
        "payload_hash": digest,
        "nature": draft.nature,
        "category": category.code,
        "channel": draft.channel,
        "status": "received",
        "address_key": normalize_address(draft.location.address),
        "created_at": start,
        "received_at": received,
        "updated_at": received,
        "due_at": due,
        "followup_due_at": followup,
        "created_by": user.username,
        "assigned_to": None,
        "department": category.department,
        "district": district_of(draft.place),
        "first_followup_at": None,
        "meeting": None,
        "meeting_at": None,
        "merged_into": None,
        "satisfaction": None,
        "closed_at": None,
        "resolution": "",
        "anonymised_at": None,
    }
    # One statement whatever came before: a new UUID is stored; a UUID already stored (a
    # replay, or the same upload racing in from a lost first try, whose commit this insert
    # waits for) inserts nothing and is answered from the stored row, never a 500.
    postgresql = conn.dialect.name == "postgresql"
    if postgresql:
        statement = _STORE_PG if route is not None else _STORE_PG_UNLOGGED
        params = {**values, "change_at": received}
        if route is not None:
            params |= access.record_params(user, Action.CHANGE, route, now=received)
        stored = conn.execute(statement, params).first()
    else:
        stored = conn.execute(_INSERT_NEW_SQLITE, values).first()
    if stored is None:
        _give_back(session, received.year, reference)
        replay = _replay_of(conn, uuid, digest)
        if replay is None:  # gone between the two statements: nothing sensible to answer
            raise RuntimeError(f"request {uuid} neither inserted nor found")
        return replay
    if not postgresql:
        feed.record(session, "requests", uuid, new=True)
        if route is not None:
            access.record(session, user, uuid, Action.CHANGE, route, now=received)
    return True, to_wire(Request(**values), payload=False)


def _checked(conn: Connection, payload: dict[str, Any]) -> tuple[RequestDraft, CategoryDef]:
    """The payload as a typed draft checked against its category's rules; ValidationFailed."""
    draft = RequestDraft.from_wire(payload)
    row = conn.execute(_CATEGORY, {"code": draft.category}).first()
    if row is None:
        raise ValidationFailed(
            {"category": "catégorie inconnue du serveur"}, "La requête contient des erreurs."
        )
    category = CategoryDef.from_row(row)
    return draft.validated(category), category


def _replay_of(conn: Connection, uuid: str, digest: str) -> tuple[bool, dict] | None:
    """The answer to an upload whose UUID is stored already (None when it is not)."""
    existing = conn.execute(_REQUEST_BY_UUID, {"uuid": uuid}).first()
    if existing is None:
        return None
    if existing.payload_hash != digest:
        raise Conflict(uuid)
    return False, to_wire(existing, payload=False)  # type: ignore[arg-type]


def _give_back(session: Session, year: int, reference: str) -> None:
    """SQLite keeps its references gapless: the number an upload took and did not use goes
    back (this transaction holds the only write lock, so it is still the last one given).
    PostgreSQL's sequence cannot give back: a replay leaves a gap there, like a failed upload."""
    if session.get_bind().dialect.name != "sqlite":
        return
    number = int(reference.partition("-")[2])
    session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year, ReferenceCounter.last == number)
        .values(last=number - 1)
    )


def get_request(session: Session, uuid: str) -> Request | None:
    return session.get(Request, uuid)


def get_by_reference(session: Session, reference: str) -> Request | None:
    return session.scalar(select(Request).where(Request.reference == reference))


_EVENT_ORDER = (RequestEvent.received_at, RequestEvent.uuid)  # the server order, see docs


def events_of(session: Session, uuid: str) -> list[RequestEvent]:
    """A request's history in server order: ``received_at``, then ``uuid``."""
    return list(
        session.scalars(
            select(RequestEvent).where(RequestEvent.request_uuid == uuid).order_by(*_EVENT_ORDER)
        )
    )


def state_of(history: list[RequestEvent]) -> RequestState:
    """The fold of a history already in server order (core.events.apply, event by event)."""
    state = RequestState()
    for row in history:
        state = apply(state, Event.from_row(row))
    return state


MAX_ASSIGNEE = 120  # the assigned_to column
MAX_INT = 2**53  # what every JSON reader (JavaScript included) reads back exactly


def _storable(value: Any, path: str = "data") -> str | None:
    """Why a cleaned event's data could not be stored on PostgreSQL or read back (NUL, lone
    surrogate, NaN, infinity, absurd integer), anywhere in it, keys included; or None."""
    if isinstance(value, str):
        return text_problem(value) and f"{path} : {text_problem(value)}"
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{path} : nombre invalide"
    if isinstance(value, int):
        return None if abs(value) < MAX_INT else f"{path} : nombre hors limites"
    if isinstance(value, dict):
        for key, item in value.items():
            problem = _storable(key, path) or _storable(item, f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(value, list | tuple):
        return next(filter(None, (_storable(v, path) for v in value)), None)
    return f"{path} : valeur invalide"


def _check_event_data(session: Session, request_uuid: str, kind: str, data: dict) -> dict:
    """What the server adds to core.events.clean_data: what fits its columns and what only it
    can check (the request a merge points to exists)."""
    problem = _storable(data)
    if problem:
        name, _, message = problem.partition(" : ")
        raise ValidationFailed({name: message}, "Action invalide.")
    if kind == EventKind.ASSIGNMENT and len(data["to"]) > MAX_ASSIGNEE:
        raise ValidationFailed(
            {"data.to": f"{MAX_ASSIGNEE} caractères au plus"}, "Action invalide."
        )
    if kind == EventKind.MERGE:
        try:
            into = str(uuidlib.UUID(data["into"]))
        except ValueError:
            into = ""
        if into == request_uuid:
            raise ValidationFailed(
                {"data.into": "une requête ne peut pas être fusionnée dans elle-même"},
                "Action invalide.",
            )
        if not into or session.get(Request, into) is None:
            raise ValidationFailed(
                {"data.into": "requête de destination introuvable sur le serveur"},
                "Action invalide.",
            )
        data = {**data, "into": into}
    return data


def find_event(session: Session, event_uuid: str) -> RequestEvent | None:
    return session.get(RequestEvent, event_uuid)


def _replay(existing: RequestEvent, request_uuid: str, digest: str) -> tuple[bool, RequestEvent]:
    if existing.data_hash != digest or existing.request_uuid != request_uuid:
        raise Conflict(existing.uuid)
    return False, existing


def put_event(
    session: Session,
    request_uuid: str,
    event_uuid: str,
    body: dict[str, Any],
    *,
    user: Caller,
    now: dt.datetime | None = None,
) -> tuple[bool, RequestEvent]:
    """Append one event to a request's history; (created, event). Idempotent like uploads.

    The request's row is locked first, so events of one request are appended one at a time:
    each gets a ``received_at`` later than every event already there (the server order is
    ``received_at`` then ``uuid``; a server clock that stepped back still appends after), the
    permission rule (core.events.refusal) sees the state the history gives now, and the state
    columns are that state after the new event (core.events.apply). The same new UUID sent
    twice at once: the second waits for the lock and answers the replay; should another path
    insert it first anyway (the same UUID under another request), the unique key decides and
    the answer is the replay or the conflict, never a 500.
    """
    row = session.get(Request, request_uuid, with_for_update=True)
    if row is None:
        raise NotFound(request_uuid)
    kind = str(body.get("kind") or "")
    raw = body.get("data")
    created_text = body.get("created_at")
    digest = payload_hash({"kind": kind, "data": raw, "created_at": created_text})
    existing = find_event(session, event_uuid)
    if existing is not None:
        return _replay(existing, request_uuid, digest)
    data = _check_event_data(session, request_uuid, kind, clean_data(kind, raw))
    history = events_of(session, request_uuid)
    stored = next((e for e in history if e.uuid == event_uuid), None)
    if stored is not None:  # committed by a concurrent PUT since the first look
        return _replay(stored, request_uuid, digest)
    state = state_of(history)
    own = row.created_by == user.username
    message = refusal(kind, role=user.role, own=own, state=state, data=data)
    if message:
        as_supervisor = refusal(kind, role=Role.SUPERVISOR, own=own, state=state, data=data)
        raise Refused(message, 409 if as_supervisor == message else 403)
    received = now or utcnow()
    if history and received <= history[-1].received_at:
        received = history[-1].received_at + dt.timedelta(microseconds=1)
    event = RequestEvent(
        uuid=event_uuid,
        request_uuid=request_uuid,
        kind=kind,
        data=data,
        data_hash=digest,
        author=user.username,
        created_at=_clock_start(_parse_time(created_text), received),
        received_at=received,
    )
    try:
        with session.begin_nested():
            session.add(event)
    except IntegrityError:
        existing = session.get(RequestEvent, event_uuid, populate_existing=True)
        if existing is None:
            raise
        return _replay(existing, request_uuid, digest)
    apply(state, Event.from_row(event)).store_on(row)
    row.updated_at = received
    session.flush()
    feed.record(session, "requests", request_uuid)
    return True, event
