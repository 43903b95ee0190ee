"""Requests, outbox and taxonomy rows on the workstation. Functions never commit."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pac_sac_desktop.store.models import CategoryRow, OutboxRow, RequestRow
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


def pending_outbox(session: Session, limit: int = 100) -> list[OutboxRow]:
    return list(
        session.scalars(
            select(OutboxRow)
            .where(OutboxRow.state == "pending")
            .order_by(OutboxRow.id)
            .limit(limit)
        )
    )


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


def upsert_category(session: Session, data: dict) -> None:
    extra = {
        k: v
        for k, v in data.items()
        if k not in {"code", "label", "department", "deadline_hours", "active"}
    }
    row = session.get(CategoryRow, data["code"])
    if row is None:
        row = CategoryRow(code=data["code"])
        session.add(row)
    row.label = data["label"]
    row.department = data.get("department", "")
    row.deadline_hours = int(data.get("deadline_hours") or 0)
    row.data = extra
    row.active = bool(data.get("active", True))


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
    from sqlalchemy import and_, or_

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
    from sqlalchemy import or_

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
