"""The retention job: a request closed (or cancelled) more than the retention period ago loses
its citizen's personal data; its statistics stay (core/privacy.py says what is kept).

Why the reports give the same figures afterwards: every column they read (nature, category,
channel, status, dates, department, satisfaction, the events' kinds, statuses and scores,
``resolved_first_contact``) is kept, ``updated_at`` and ``received_at`` are not touched (so the
report cache is not recomputed for nothing), and the address key keeps its street segment, which
is what the district is computed from when the cache is rebuilt (tests/server/test_privacy.py).

Each batch is one transaction: the rows are taken with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL,
so two server processes running the job at once share the work; every anonymised request goes
into the requests feed again, which is how the workstations' copies are anonymised too.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.privacy import (
    REMOVED,
    Choices,
    anonymised_event,
    anonymised_payload,
    general_address_key,
    retention_days,
)
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.taxonomy import Category as CategoryDef
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.models import Category, Request, RequestEvent
from pac_sac_desktop.server.notices.models import Notice
from pac_sac_desktop.server.privacy import access
from pac_sac_desktop.server.privacy.models import AccessEntry
from pac_sac_desktop.server.requests.service import payload_hash
from pac_sac_desktop.server.types import utcnow

ENDED = ("closed", "cancelled")
BATCH = 200


@functools.cache
def _streets() -> StreetIndex:
    return StreetIndex.load(resources_dir() / "streets.yaml")


@dataclass
class Outcome:
    """What a run did (or, with ``dry_run``, would do)."""

    cutoff: dt.datetime
    requests: int = 0
    events: int = 0
    notices: int = 0
    log_rows: int = 0
    dry_run: bool = False

    def to_wire(self) -> dict:
        return {
            "cutoff": self.cutoff.isoformat(),
            "requests": self.requests,
            "events": self.events,
            "notices": self.notices,
            "log_rows": self.log_rows,
            "dry_run": self.dry_run,
        }


def _due(cutoff: dt.datetime):  # type: ignore[no-untyped-def]
    return (
        Request.anonymised_at.is_(None),
        Request.status.in_(ENDED),
        Request.closed_at.is_not(None),
        Request.closed_at < cutoff,
    )


def run(
    db: ServerDB,
    *,
    days: int | None = None,
    now: dt.datetime | None = None,
    dry_run: bool = False,
    batch: int = BATCH,
) -> Outcome:
    """Anonymise every request closed before ``now - days`` (``PAC_SAC_RETENTION_DAYS``) and drop
    access-log rows older than that; with ``dry_run``, count only."""
    now = now or utcnow()
    cutoff = now - dt.timedelta(days=days or retention_days())
    outcome = Outcome(cutoff=cutoff, dry_run=dry_run)
    if dry_run:
        with db.transaction(read_only=True) as session:
            due = select(Request.uuid).where(*_due(cutoff))
            outcome.requests = session.scalar(select(func.count()).select_from(due.subquery()))
            outcome.events = session.scalar(
                select(func.count()).where(RequestEvent.request_uuid.in_(due))
            )
            outcome.log_rows = session.scalar(select(func.count()).where(AccessEntry.at < cutoff))
        return outcome
    while True:
        with db.transaction() as session:
            done = anonymise_batch(session, cutoff, now, batch, outcome)
        if done < batch:
            break
    with db.transaction() as session:
        outcome.log_rows = access.purge(session, cutoff)
    return outcome


def anonymise_batch(
    session: Session, cutoff: dt.datetime, now: dt.datetime, limit: int, outcome: Outcome
) -> int:
    """Anonymise up to ``limit`` due requests in this transaction; returns how many."""
    stmt = select(Request).where(*_due(cutoff)).order_by(Request.closed_at).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    rows = list(session.scalars(stmt))
    choices: dict[str, Choices] = {}
    for row in rows:
        if row.category not in choices:
            category = session.get(Category, row.category)
            choices[row.category] = Choices.of(
                CategoryDef.from_row(category) if category is not None else None
            )
        anonymise_request(session, row, choices[row.category], now, outcome)
    session.flush()
    return len(rows)


def anonymise_request(
    session: Session, row: Request, choices: Choices, now: dt.datetime, outcome: Outcome
) -> None:
    """One request, its history and its notices, in the caller's transaction."""
    row.payload = anonymised_payload(row.payload or {}, choices)
    row.payload_hash = payload_hash({"anonymised": row.payload})
    row.address_key = general_address_key(row.address_key, _streets())
    if row.resolution:
        row.resolution = REMOVED
    row.anonymised_at = now
    for event in session.scalars(select(RequestEvent).where(RequestEvent.request_uuid == row.uuid)):
        event.data = anonymised_event(event.kind, event.data or {})
        event.data_hash = payload_hash({"anonymised": event.data, "kind": event.kind})
        outcome.events += 1
    result = session.execute(
        update(Notice)
        .where(Notice.request_uuid == row.uuid)
        .values(recipient="", subject="", body="", last_error=None)
    )
    outcome.notices += int(result.rowcount or 0)  # type: ignore[attr-defined]
    feed.record(session, "requests", row.uuid)
    outcome.requests += 1
