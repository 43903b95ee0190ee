"""Change feeds (KB, taxonomy, users, requests) that workstations follow with a cursor.

Each change takes the next value of one counter row with ``UPDATE ... RETURNING``. That row stays
locked until the writer commits, so a second writer waits for the first to commit before it
gets its number: numbers become visible in commit order, and a reader that stored cursor N can
never later find a change numbered below N (tested with two concurrent writers on PostgreSQL).

On PostgreSQL the number is taken while the transaction commits: :func:`record` inserts the
change with a provisional negative number and a deferred trigger (migration 0002) numbers it at
commit time, so the counter's lock lasts only as long as the commit, inside the database. A long
transaction (publishing thousands of articles) or a busy server process no longer holds every
other writer up. SQLite has one writer at a time; there the number is taken at insert.

The feed keeps one row per entity, its latest change; tombstones (op ``delete``) are purged after
a retention period, which moves the feed's horizon: a cursor below the horizon must resync.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Insert,
    Row,
    bindparam,
    delete,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from pac_sac_desktop.server.models import Change, Counter
from pac_sac_desktop.server.types import utcnow

FEEDS = ("kb", "taxonomy", "users", "requests")
SEQUENCE = "feed_seq"
TOMBSTONE_RETENTION = dt.timedelta(days=90)


class ResyncRequired(Exception):
    """The cursor is older than the oldest tombstone kept: download everything again."""

    def __init__(self, horizon: int) -> None:
        super().__init__(f"cursor older than horizon {horizon}")
        self.horizon = horizon


def ensure_counters(session: Session) -> None:
    for name in (SEQUENCE, *(f"horizon:{f}" for f in FEEDS)):
        if session.get(Counter, name) is None:
            session.add(Counter(name=name, value=0))
    session.flush()


def next_seq(session: Session) -> int:
    """Take the next number; the counter row stays locked until this transaction ends."""
    value = session.execute(
        update(Counter)
        .where(Counter.name == SEQUENCE)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one()
    return int(value)


def record(
    session: Session, feed: str, entity_id: str, op: str = "upsert", *, new: bool = False
) -> None:
    """Note that ``entity_id`` changed, in the caller's transaction.

    ``new`` says the entity was just created, so it has no earlier change row to replace.
    """
    assert feed in FEEDS and op in ("upsert", "delete")
    session.flush()
    conn = session.connection()
    if not new:
        conn.execute(_DELETE_CHANGE, {"feed": feed, "entity_id": entity_id})
    values = {"feed": feed, "entity_id": entity_id, "op": op, "changed_at": utcnow()}
    if conn.dialect.name == "postgresql":
        conn.execute(_INSERT_PROVISIONAL, values)
    else:
        conn.execute(_INSERT_CHANGE, {"seq": next_seq(session), **values})


def record_new_from(feed: str, entity_ids: ColumnElement[str]) -> Insert:
    """PostgreSQL: the statement that records, like ``record(..., new=True)``, a change for each
    entity id the select ``entity_ids`` gives, so that a caller inserting new entities with a
    ``RETURNING`` records them in the same statement (a data-modifying ``WITH``). Built once by
    the caller; executed with the parameter ``change_at`` (the time of the change)."""
    assert feed in FEEDS
    rows = select(
        -func.nextval("change_provisional_seq"),
        literal(feed, Change.feed.type),
        entity_ids,
        literal("upsert", Change.op.type),
        bindparam("change_at", type_=Change.changed_at.type),
    )
    return Change.__table__.insert().from_select(
        ["seq", "feed", "entity_id", "op", "changed_at"], rows
    )


_INSERT_CHANGE = Change.__table__.insert()
_INSERT_PROVISIONAL = Change.__table__.insert().values(seq=-func.nextval("change_provisional_seq"))
_DELETE_CHANGE = delete(Change).where(
    Change.feed == bindparam("feed"), Change.entity_id == bindparam("entity_id")
)


def horizon(session: Session, feed: str) -> int:
    """The number below which this feed's tombstones were purged (0: none yet)."""
    value = session.connection().execute(_HORIZON, {"name": f"horizon:{feed}"}).scalar()
    return int(value or 0)


# Built once: every workstation polls every feed. One statement gives the page and how many
# changes follow its cursor (the count, uncorrelated, runs once per statement).
_HORIZON = select(Counter.value).where(Counter.name == bindparam("name"))
_AFTER = (
    select(func.count())
    .select_from(Change)
    .where(Change.feed == bindparam("feed"), Change.seq > bindparam("since"))
    .scalar_subquery()
)
_PAGE = (
    select(Change.seq, Change.op, Change.entity_id, _AFTER.label("after"))
    .where(Change.feed == bindparam("feed"), Change.seq > bindparam("since"))
    .order_by(Change.seq)
    .limit(bindparam("n"))
)


@dataclass(frozen=True)
class Page:
    """``changes``: rows with ``seq``, ``op`` and ``entity_id`` (plain rows, no ORM objects:
    every workstation polls every feed)."""

    changes: list[Row]
    next_cursor: int
    more: bool
    remaining: int = 0

    def envelope(self, items: list[dict]) -> dict:
        """The JSON answer of every ``/changes`` route."""
        return {
            "changes": items,
            "next": self.next_cursor,
            "more": self.more,
            "remaining": self.remaining,
        }


def read(session: Session, feed: str, since: int, limit: int) -> Page:
    """Changes after ``since`` in order; raises ResyncRequired when tombstones were purged since.

    Two statements (the horizon, then the page with the number of changes after ``since``):
    a page of ``limit`` rows ends at the ``limit``-th change after ``since``, so the changes
    after the page's cursor are that number minus ``limit``.
    """
    floor = horizon(session, feed)
    if 0 < since < floor:
        raise ResyncRequired(floor)
    rows = session.connection().execute(_PAGE, {"feed": feed, "since": since, "n": limit + 1}).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1].seq if rows else max(since, floor)
    remaining = int(rows[0].after) - limit if more else 0
    return Page(rows, next_cursor, more, remaining)


def last_seq(session: Session, feed: str) -> int:
    return int(session.scalar(select(func.max(Change.seq)).where(Change.feed == feed)) or 0)


def purge_tombstones(
    session: Session, feed: str, older_than: dt.timedelta = TOMBSTONE_RETENTION
) -> int:
    """Forget old deletions; readers whose cursor predates them must resync."""
    cutoff = utcnow() - older_than
    purged = list(
        session.scalars(
            select(Change.seq).where(
                Change.feed == feed, Change.op == "delete", Change.changed_at < cutoff
            )
        )
    )
    if not purged:
        return 0
    session.execute(delete(Change).where(Change.seq.in_(purged)))
    session.execute(
        update(Counter)
        .where(Counter.name == f"horizon:{feed}", Counter.value < max(purged))
        .values(value=max(purged))
    )
    return len(purged)
