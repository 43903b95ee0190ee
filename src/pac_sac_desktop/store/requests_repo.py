"""Requests, outbox and taxonomy rows on the workstation. Functions never commit."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Select,
    String,
    and_,
    delete,
    func,
    insert,
    intersect,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from pac_sac_desktop.core.events import Event, RequestState, fold
from pac_sac_desktop.core.requests import (
    CitizenKey,
    RequestDraft,
    SyncState,
    normalize_address,
    normalize_name,
    street_key,
)
from pac_sac_desktop.core.rules import PastRequest
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.store.models import (
    BLOCKED_SQL,
    COMPLAINT_SQL,
    MEETING_SQL,
    OPEN_SQL,
    CategoryRow,
    OutboxRow,
    RequestEventRow,
    RequestKeyRow,
    RequestRow,
)
from pac_sac_desktop.store.state import get_value, next_int, set_value

WORKSTATION_ID = "workstation_id"
NUMBER_SEQ = "provisional_seq"


def workstation_id(session: Session) -> str:
    value = get_value(session, WORKSTATION_ID)
    if value is None:
        value = secrets.token_hex(2).upper()
        set_value(session, WORKSTATION_ID, value)
    return value


def next_provisional_number(session: Session) -> str:
    """'P-7F3A-000042': unique on this workstation until the server's reference arrives."""
    return f"P-{workstation_id(session)}-{next_int(session, NUMBER_SEQ):06d}"


def add_outbox(
    session: Session,
    *,
    kind: str,
    entity_uuid: str,
    payload: dict,
    parent_uuid: str | None = None,
    now: dt.datetime,
) -> None:
    session.add(
        OutboxRow(
            kind=kind,
            entity_uuid=entity_uuid,
            parent_uuid=parent_uuid,
            payload=payload,
            attempts=0,
            last_error="",
            state="pending",
            created_at=now,
        )
    )


def pending_outbox(
    session: Session, limit: int = 100, *, after: int = 0, upto: int | None = None
) -> list[OutboxRow]:
    """Waiting items in the order they were made, from id ``after`` (excluded) to ``upto``: a
    sync pass walks the outbox once, past what it leaves waiting, and stops at what was queued
    when it began."""
    stmt = select(OutboxRow).where(OutboxRow.state == "pending", OutboxRow.id > after)
    if upto is not None:
        stmt = stmt.where(OutboxRow.id <= upto)
    return list(session.scalars(stmt.order_by(OutboxRow.id).limit(limit)))


def last_outbox_id(session: Session) -> int:
    return session.scalar(select(func.max(OutboxRow.id))) or 0


def count_waiting(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.state == "pending")
        )
        or 0
    )


def count_blocked(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.state == "blocked")
        )
        or 0
    )


def block(session: Session, outbox_id: int, message: str, conflict: bool) -> None:
    """Keep a refused upload aside with the server's reason; its request (the event's parent
    for a refused event) shows in the supervisor's blocked queue."""
    item = session.get(OutboxRow, outbox_id)
    if item is None:
        return
    item.state = "blocked"
    item.attempts += 1
    item.last_error = message
    row = get_request(session, item.parent_uuid or item.entity_uuid)
    if row is not None:
        row.sync_state = SyncState.CONFLICT if conflict else SyncState.REJECTED
        row.sync_error = message


def unblock(session: Session, uuid: str) -> int:
    """Put a refused upload (and its refused events) back in line; returns how many."""
    items = list(
        session.scalars(
            select(OutboxRow).where(
                OutboxRow.state == "blocked",
                or_(OutboxRow.entity_uuid == uuid, OutboxRow.parent_uuid == uuid),
            )
        )
    )
    for item in items:
        item.state = "pending"
    return len(items)


def remove_outbox(session: Session, outbox_id: int) -> None:
    session.execute(delete(OutboxRow).where(OutboxRow.id == outbox_id))


def get_request(session: Session, uuid: str) -> RequestRow | None:
    return session.get(RequestRow, uuid)


def list_requests(
    session: Session, *, status: str | None = None, limit: int = 1000
) -> list[RequestRow]:
    stmt = select(RequestRow).order_by(RequestRow.created_at.desc()).limit(limit)
    if status:
        stmt = stmt.where(RequestRow.status == status)
    return list(session.scalars(stmt))


def upsert_category(session: Session, category: Category) -> None:
    row = session.get(CategoryRow, category.code)
    if row is None:
        row = CategoryRow(code=category.code)
        session.add(row)
    row.label = category.label
    row.department = category.department
    row.deadline_hours = category.deadline_hours
    row.data = {**category.data(), "field": category.field}
    row.active = category.active


def delete_category(session: Session, code: str) -> None:
    row = session.get(CategoryRow, code)
    if row is not None:
        row.active = False


def categories(session: Session, *, active_only: bool = True) -> list[CategoryRow]:
    stmt = select(CategoryRow).order_by(CategoryRow.label)
    if active_only:
        stmt = stmt.where(CategoryRow.active.is_(True))
    return list(session.scalars(stmt))


def get_category(session: Session, code: str) -> CategoryRow | None:
    return session.get(CategoryRow, code)


def citizen_candidates(
    session: Session,
    *,
    phone: str,
    email: str,
    name: str,
    address: str,
    since: dt.datetime,
    limit: int = 200,
) -> list[RequestRow]:
    """Requests that may be the same citizen's: equality on indexed keys only (the rule decides).

    ``phone`` is compared without its extension; a name alone never matches (too many Gagnon and
    Roy in a city), only a name at the same address.
    """
    conditions = []
    if phone:
        conditions.append(RequestRow.citizen_phone == phone.split("x")[0])
    if email:
        conditions.append(RequestRow.citizen_email == email)
    if name and address:
        conditions.append(and_(RequestRow.citizen_key == name, RequestRow.address_key == address))
    if not conditions:
        return []
    stmt = (
        select(RequestRow)
        .where(or_(*conditions), RequestRow.created_at >= since)
        .order_by(RequestRow.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def place_candidates(
    session: Session,
    *,
    category: str,
    address: str,
    segment: str,
    since: dt.datetime,
    limit: int = 50,
) -> list[RequestRow]:
    conditions = []
    if address:
        conditions.append(RequestRow.address_key == address)
    if segment:
        conditions.append(RequestRow.street_key == segment)
    if not category or not conditions:
        return []
    stmt = (
        select(RequestRow)
        .where(RequestRow.category == category, or_(*conditions), RequestRow.created_at >= since)
        .order_by(RequestRow.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


# Lists and queues show columns only: the payload (the request as captured) and the server's
# answer are read for one request's detail, not for a hundred rows.
LISTED = (
    RequestRow.uuid,
    RequestRow.number,
    RequestRow.reference,
    RequestRow.nature,
    RequestRow.category,
    RequestRow.department,
    RequestRow.district,
    RequestRow.status,
    RequestRow.sync_state,
    RequestRow.sync_error,
    RequestRow.citizen_name,
    RequestRow.place,
    RequestRow.created_at,
    RequestRow.created_by,
    RequestRow.due_at,
    RequestRow.followup_due_at,
    RequestRow.first_followup_at,
    RequestRow.assigned_to,
    RequestRow.meeting,
    RequestRow.flags,
)
ListedRow = Any  # a Core row with the LISTED columns as attributes


def _listed() -> Select:
    """Lists read these columns as plain rows: a hundred ORM objects cost more than the query."""
    return select(*LISTED)


# ---------------------------------------------------------------- request rows, one builder
ADDRESS_WORDS = frozenset(
    [
        "rue",
        "avenue",
        "av",
        "boulevard",
        "boul",
        "bd",
        "chemin",
        "ch",
        "montee",
        "rang",
        "place",
        "croissant",
        "impasse",
        "allee",
        "terrasse",
        "cote",
        "route",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "d",
        "l",
    ]
)


def request_row(
    *,
    uuid: str,
    number: str,
    draft: RequestDraft,
    payload: dict,
    status: str,
    sync_state: str,
    created_at: dt.datetime,
    created_by: str,
    segment: str,
    district: int | None,
    department: str,
    due_at: dt.datetime | None = None,
    followup_due_at: dt.datetime | None = None,
    reference: str | None = None,
    flags: list[str] | None = None,
    now: dt.datetime,
) -> RequestRow:
    """The one place a request row is built, for a capture here and for one received from the
    server: the match keys and display columns come from the typed draft, never from keys."""
    key = draft.citizen_key()
    return RequestRow(
        uuid=uuid,
        number=number,
        reference=reference,
        nature=draft.nature,
        category=draft.category,
        channel=draft.channel,
        status=status,
        payload=payload,
        flags=list(flags or []),
        citizen_phone=key.phone,
        citizen_email=key.email,
        citizen_key=key.name,
        address_key=key.address,
        street_key=segment or street_key(draft.place),
        citizen_name=draft.citizen.name[:200],
        place=draft.place[:200],
        department=department,
        district=district,
        created_at=created_at,
        created_by=created_by,
        due_at=due_at,
        followup_due_at=followup_due_at,
        sync_state=sync_state,
        sync_error="",
        updated_at=now,
        resolution="",
    )


def search_keys(row: RequestRow) -> set[str]:
    """What a clerk may type to find this request: its numbers, the caller, the place."""
    keys: set[str] = set()
    for label in filter(None, (row.reference, row.number)):
        keys.add(label.lower())
        tail = label.rsplit("-", 1)[-1].lstrip("0")
        if tail.isdigit():
            keys.add(tail)
    if row.citizen_phone:
        keys.add(row.citizen_phone)
        keys.add(row.citizen_phone[3:])  # the number without its area code
    if row.citizen_email:
        keys.add(row.citizen_email)
    keys.update(w for w in normalize_name(row.citizen_name).split() if len(w) > 1)
    keys.update(w for w in normalize_address(row.place).split() if w not in ADDRESS_WORDS)
    return {k[:200] for k in keys}


def set_search_keys(session: Session, row: RequestRow) -> None:
    session.execute(delete(RequestKeyRow).where(RequestKeyRow.uuid == row.uuid))
    keys = search_keys(row)
    if keys:
        session.execute(
            insert(RequestKeyRow),
            [{"key": k, "created_at": row.created_at, "uuid": row.uuid} for k in keys],
        )


def find_requests(session: Session, terms: list[tuple[str, bool]], limit: int) -> list[ListedRow]:
    """Requests having every term, newest first. A term is (key, prefix?): an exact key or a
    range scan of the key index; terms are intersected and the newest picked inside that index,
    then only those requests are read."""
    if not terms:
        return []
    selects = []
    for key, prefix in terms:
        column = RequestKeyRow.key
        condition = and_(column >= key, column < key + "\uffff") if prefix else column == key
        selects.append(select(RequestKeyRow.created_at, RequestKeyRow.uuid).where(condition))
    matching = (selects[0] if len(selects) == 1 else intersect(*selects)).subquery()
    newest = select(matching.c.uuid).order_by(matching.c.created_at.desc()).limit(limit).subquery()
    stmt = (
        _listed()
        .where(RequestRow.uuid.in_(select(newest.c.uuid)))
        .order_by(RequestRow.created_at.desc())
    )
    return list(session.execute(stmt))


def requests_by(
    session: Session,
    *,
    created_by: str | None = None,
    local_only: bool = False,
    limit: int = 200,
) -> list[ListedRow]:
    stmt = _listed().order_by(RequestRow.created_at.desc()).limit(limit)
    if created_by is not None:
        stmt = stmt.where(RequestRow.created_by == created_by)
    if local_only:
        stmt = stmt.where(RequestRow.sync_state != SyncState.REMOTE)
    return list(session.execute(stmt))


def by_label(session: Session, label: str) -> RequestRow | None:
    """A request by UUID, final reference or provisional number (kept as an alias)."""
    label = label.strip()
    row = session.get(RequestRow, label)
    if row is not None:
        return row
    return session.scalar(
        select(RequestRow).where(or_(RequestRow.reference == label, RequestRow.number == label))
    )


def payload_mentions(session: Session, text: str) -> bool:
    """Does any request not yet anonymised carry ``text`` in its payload (an attachment hash)?"""
    found = func.instr(RequestRow.payload, literal(text, type_=String)) > 0
    stmt = select(RequestRow.uuid).where(RequestRow.anonymised_at.is_(None), found)
    return session.scalar(stmt.limit(1)) is not None


def events_of(session: Session, uuid: str) -> list[RequestEventRow]:
    return list(
        session.scalars(select(RequestEventRow).where(RequestEventRow.request_uuid == uuid))
    )


def put_event(session: Session, request_uuid: str, item: Event) -> None:
    """Keep an event (the server's copy replaces a pending one with the same UUID)."""
    row = session.get(RequestEventRow, item.uuid)
    if row is None:
        row = RequestEventRow(uuid=item.uuid, request_uuid=request_uuid)
        session.add(row)
    row.kind = str(item.kind)
    row.data = dict(item.data)
    row.author = item.author
    row.created_at = item.created_at
    row.received_at = item.received_at


# ---------------------------------------------------------------- the supervisor's queues
QUEUES = ("first-followup", "meeting", "unassigned", "overdue", "blocked")


def queue_filter(
    name: str, now: dt.datetime, *, department: str | None = None, district: int | None = None
) -> tuple[list, list]:
    conditions, order = _queue_terms(name, now)
    if department:
        conditions.append(RequestRow.department == department)
    if district is not None:
        conditions.append(RequestRow.district == district)
    return conditions, order


def _queue_terms(name: str, now: dt.datetime) -> tuple[list, list]:
    """(conditions, default order) of a queue.

    The conditions are the partial indexes' own SQL, literally: SQLite uses a partial index
    only when the query's terms match its WHERE clause, and a bound parameter never does
    (``status IN (?, ?)`` made every queue a table scan).
    """
    if name == "first-followup":
        return (
            [text(OPEN_SQL), text(COMPLAINT_SQL), RequestRow.first_followup_at.is_(None)],
            [RequestRow.followup_due_at],
        )
    if name == "meeting":
        return [text(MEETING_SQL)], [RequestRow.created_at]
    if name == "unassigned":
        return [text(OPEN_SQL), RequestRow.assigned_to.is_(None)], [RequestRow.created_at]
    if name == "overdue":
        return [text(OPEN_SQL), RequestRow.due_at < now], [RequestRow.due_at]
    if name == "blocked":
        return [text(BLOCKED_SQL)], [RequestRow.updated_at]
    raise ValueError(name)


SORTS = {
    "due": None,  # the queue's own order
    "created": RequestRow.created_at,
    "reference": RequestRow.number,
    "category": RequestRow.category,
    "department": RequestRow.department,
    "district": RequestRow.district,
    "status": RequestRow.status,
}


@dataclass(frozen=True)
class QueueQuery:
    """One page of a supervisor's queue: which queue, filters, order and window, built once by
    the service and read here."""

    name: str
    now: dt.datetime
    department: str | None = None
    district: int | None = None
    sort: str = "due"
    descending: bool = False
    offset: int = 0
    limit: int = 100


def queue_page(session: Session, q: QueueQuery) -> tuple[list[ListedRow], int]:
    conditions, order = queue_filter(q.name, q.now, department=q.department, district=q.district)
    column = SORTS.get(q.sort)
    ordering = [column] if column is not None else order
    ordering = [c.desc() if q.descending else c for c in ordering]
    stmt = _listed().where(*conditions).order_by(*ordering)
    rows = list(session.execute(stmt.offset(q.offset).limit(q.limit)))
    total = queue_count(session, q.name, now=q.now, department=q.department, district=q.district)
    return rows, total


def queue_count(
    session: Session,
    name: str,
    *,
    now: dt.datetime,
    department: str | None = None,
    district: int | None = None,
) -> int:
    conditions, _order = queue_filter(name, now, department=department, district=district)
    stmt = select(func.count()).select_from(RequestRow).where(*conditions)
    return int(session.scalar(stmt) or 0)


def category_labels(session: Session) -> dict[str, str]:
    """Code → label, without reading each category's questions (lists show only the label)."""
    return {
        code: label for code, label in session.execute(select(CategoryRow.code, CategoryRow.label))
    }


def departments(session: Session) -> list[str]:
    return sorted(d for d in session.scalars(select(CategoryRow.department).distinct()) if d)


def refresh_state(session: Session, row: RequestRow) -> RequestState:
    """Bring the row's state columns to the fold of its history (server events, then pending
    ones): the same function the server applies, so both sides agree."""
    session.flush()
    start = RequestState(status="received" if row.reference else "new")
    state = fold([Event.from_row(e) for e in events_of(session, row.uuid)], start)
    state.store_on(row, meeting_at=False)
    return state


def past_request(row: RequestRow) -> PastRequest:
    """A stored request as the capture rules read it."""
    return PastRequest(
        uuid=row.uuid,
        label=row.reference or row.number,
        nature=row.nature,
        category=row.category,
        status=row.status,
        created_at=row.created_at,
        closed_at=row.closed_at,
        citizen=CitizenKey(row.citizen_phone, row.citizen_email, row.citizen_key, row.address_key),
        address=row.address_key,
        segment=row.street_key,
    )
