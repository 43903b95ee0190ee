"""The access log: every route that shows, changes or copies out a request's personal data
writes a row, in the transaction of the work it records (a rolled-back change leaves no row, a
committed one always has its row).

Functions never commit; the caller owns the transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Insert, bindparam, insert, literal, or_, select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.privacy import Action
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.privacy.models import AccessEntry
from pac_sac_desktop.server.types import utcnow

SERVER = "server"
WORKSTATION = "workstation"
_TABLE = AccessEntry.__table__


def record(
    session: Session,
    user: Caller,
    request_uuid: str,
    action: Action,
    route: str,
    *,
    now: dt.datetime | None = None,
) -> None:
    """One row: ``user`` did ``action`` on the request's data through ``route``."""
    session.connection().execute(
        insert(_TABLE),
        {
            "at": now or utcnow(),
            "username": user.username,
            "role": user.role,
            "request_uuid": request_uuid,
            "action": str(action),
            "route": route[:120],
            "source": SERVER,
        },
    )


def record_from(request_uuids: ColumnElement[str]) -> Insert:
    """The statement that writes, like :func:`record`, one row per request the select
    ``request_uuids`` gives, so that the statement storing those requests writes their rows too
    (on PostgreSQL, one data-modifying ``WITH``): a row exists exactly when they were stored.
    Built once by the caller; executed with :func:`record_params`."""
    values = {
        "at": bindparam("access_at", type_=_TABLE.c.at.type),
        "username": bindparam("access_username", type_=_TABLE.c.username.type),
        "role": bindparam("access_role", type_=_TABLE.c.role.type),
        "request_uuid": request_uuids,
        "action": bindparam("access_action", type_=_TABLE.c.action.type),
        "route": bindparam("access_route", type_=_TABLE.c.route.type),
        "source": literal(SERVER, _TABLE.c.source.type),
    }
    return insert(_TABLE).from_select(list(values), select(*values.values()))


def record_params(
    user: Caller, action: Action, route: str, *, now: dt.datetime | None = None
) -> dict[str, object]:
    """The parameters of a :func:`record_from` statement."""
    return {
        "access_at": now or utcnow(),
        "access_username": user.username,
        "access_role": user.role,
        "access_action": str(action),
        "access_route": route[:120],
    }


def record_export(session: Session, user: Caller, uuids: Sequence[str], route: str) -> None:
    """A page of the requests feed: one row naming every request it carried (none when empty)."""
    if not uuids:
        return
    session.connection().execute(
        insert(_TABLE),
        {
            "at": utcnow(),
            "username": user.username,
            "role": user.role,
            "request_uuid": uuids[0] if len(uuids) == 1 else None,
            "requests": " ".join(uuids) if len(uuids) > 1 else None,
            "action": str(Action.EXPORT),
            "route": route[:120],
            "source": SERVER,
        },
    )


@dataclass(frozen=True, slots=True)
class Reported:
    """A consultation recorded on a workstation, as its sync reports it."""

    uuid: str
    request_uuid: str
    at: dt.datetime
    username: str
    role: str
    action: str
    route: str


def record_reported(session: Session, sender: Caller, entries: Iterable[Reported]) -> int:
    """Store what a workstation reports; an entry already stored (a batch sent again after a
    lost answer) is skipped by its UUID. Returns how many were new."""
    items = list({e.uuid: e for e in entries}.values())
    if not items:
        return 0
    known = set(
        session.scalars(
            select(AccessEntry.uuid).where(AccessEntry.uuid.in_([e.uuid for e in items]))
        )
    )
    new = [e for e in items if e.uuid not in known]
    if new:
        session.connection().execute(
            insert(_TABLE),
            [
                {
                    "uuid": e.uuid,
                    "at": e.at,
                    "username": e.username,
                    "role": e.role,
                    "request_uuid": e.request_uuid,
                    "action": e.action,
                    "route": e.route[:120],
                    "source": WORKSTATION,
                    "reported_by": sender.username,
                }
                for e in new
            ],
        )
    return len(new)


@dataclass(frozen=True)
class LogQuery:
    request_uuid: str | None = None
    username: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    limit: int = 500


def entries(session: Session, query: LogQuery) -> list[AccessEntry]:
    """The log, newest first, for a request (its own rows and the feed pages that carried it),
    an account, a period."""
    stmt = select(AccessEntry).order_by(AccessEntry.at.desc(), AccessEntry.id.desc())
    if query.request_uuid:
        stmt = stmt.where(
            or_(
                AccessEntry.request_uuid == query.request_uuid,
                AccessEntry.requests.contains(query.request_uuid, autoescape=True),
            )
        )
    if query.username:
        stmt = stmt.where(AccessEntry.username == query.username)
    if query.start is not None:
        stmt = stmt.where(AccessEntry.at >= query.start)
    if query.end is not None:
        stmt = stmt.where(AccessEntry.at < query.end)
    return list(session.scalars(stmt.limit(query.limit)))


def to_wire(entry: AccessEntry) -> dict:
    return {
        "at": entry.at.isoformat(),
        "username": entry.username,
        "role": entry.role,
        "request_uuid": entry.request_uuid,
        "requests": len(entry.requests.split())
        if entry.requests
        else (1 if entry.request_uuid else 0),
        "action": entry.action,
        "route": entry.route,
        "source": entry.source,
        "reported_by": entry.reported_by,
    }


def purge(session: Session, before: dt.datetime) -> int:
    """Rows older than the retention period go too (they name employees, not citizens)."""
    from sqlalchemy import delete

    result = session.execute(delete(AccessEntry).where(AccessEntry.at < before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
