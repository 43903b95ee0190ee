"""One narrow row per request with what the reports need, derived from the request and its
history: a cache the server refreshes incrementally, never a source of truth.

Why: the report of a year of a big city reads a million requests. The ``requests`` rows are wide
(the payload JSON) and the figures need the history folded per request; scanning and folding it
at each report took 10–20 s on the 2-core machine (docs/benchmarks.md). ``report_facts`` holds
about 140 bytes per request; the report is a couple of aggregations over it.

Refresh: the requests received or updated and the events received since the cursor (minus a
10-minute overlap, for transactions committed late) have their row recomputed in SQL
(INSERT … SELECT … ON CONFLICT DO UPDATE), so a refresh is cheap when little changed. Without a
cursor (new database, demo data just written) everything is rebuilt. The report refreshes before
computing, and the notices worker refreshes at every pass, so the report usually finds it done.
Districts come from resources/streets.yaml, located in Python once per distinct address and
joined through a temporary table.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from pac_sac_desktop.server.notices.models import NoticeCursor
from pac_sac_desktop.server.reports.service import _Sql as Sql
from pac_sac_desktop.server.reports.service import district_of
from pac_sac_desktop.server.types import UTCDateTime, utcnow

CURSOR = "report_facts"
OVERLAP = dt.timedelta(minutes=2)  # intake and event transactions commit in milliseconds
COLUMNS = (
    "request_uuid, created_at, nature, channel, status, category, department, district, "
    "deadline_hours, fcr, followup_s, resolution_s, meeting, held, score"
)
_UPDATE = ", ".join(
    f"{c} = excluded.{c}" for c in COLUMNS.replace(" ", "").split(",") if c != "request_uuid"
)


def invalidate(session: Session) -> None:
    """Rebuild everything at the next refresh (history written in the past, taxonomy changed)."""
    row = session.get(NoticeCursor, CURSOR)
    if row is not None:
        session.delete(row)
        session.flush()


def _affected(session: Session, low: dt.datetime) -> set[str]:
    stamp = bindparam("low", type_=UTCDateTime())
    found = set(
        session.execute(
            text("SELECT uuid FROM requests WHERE received_at >= :low").bindparams(stamp),
            {"low": low},
        ).scalars()
    )
    found.update(
        session.execute(
            text("SELECT request_uuid FROM request_events WHERE received_at >= :low").bindparams(
                stamp
            ),
            {"low": low},
        ).scalars()
    )
    return found


def refresh(session: Session, *, now: dt.datetime | None = None) -> int:
    """Bring report_facts up to date; returns how many rows were recomputed."""
    now = now or utcnow()
    sql = Sql(session.get_bind().dialect.name)
    cursor = session.get(NoticeCursor, CURSOR, with_for_update=True)
    uuids: set[str] | None = None
    if cursor is not None:
        uuids = _affected(session, cursor.value - OVERLAP)
        if not uuids:
            cursor.value = now
            return 0
    temp = "CREATE TEMPORARY TABLE"
    session.execute(text("DROP TABLE IF EXISTS facts_districts"))
    session.execute(text("DROP TABLE IF EXISTS facts_todo"))
    session.execute(
        text(f"{temp} facts_districts (address_key VARCHAR(200) PRIMARY KEY, district SMALLINT)")
    )
    if uuids is not None:
        session.execute(text(f"{temp} facts_todo (uuid VARCHAR(36) PRIMARY KEY)"))
        session.execute(
            text("INSERT INTO facts_todo (uuid) VALUES (:u)"), [{"u": u} for u in uuids]
        )
        # A few requests to look up by index, not a scan of the history: the planner's guess for
        # a fresh temporary table (or even its statistics at ten thousand rows) picks hash joins
        # over the whole events table, 2–5 s measured; index lookups take milliseconds.
        session.execute(text("ANALYZE facts_todo"))
        if sql.pg:
            session.execute(text("SET LOCAL enable_seqscan = off"))
            session.execute(text("SET LOCAL enable_hashjoin = off"))
        keys_sql = (
            "SELECT DISTINCT r.address_key FROM requests r JOIN facts_todo t ON t.uuid = r.uuid"
        )
    else:
        keys_sql = "SELECT DISTINCT address_key FROM requests"
    mapping = [
        {"k": key, "d": district}
        for key in session.execute(text(keys_sql)).scalars()
        if key and (district := district_of(key)) is not None
    ]
    if mapping:
        session.execute(
            text("INSERT INTO facts_districts (address_key, district) VALUES (:k, :d)"), mapping
        )
    only_requests = "JOIN facts_todo t ON t.uuid = r.uuid" if uuids is not None else ""
    only_events = "JOIN facts_todo t ON t.uuid = e.request_uuid" if uuids is not None else ""
    status = sql.json_text("e.data", "status")
    score = "CAST(" + sql.json_text("e.data", "score") + " AS INTEGER)"
    statement = f"""
        WITH ev AS (
            SELECT e.request_uuid,
                MIN(CASE WHEN e.kind = 'followup' THEN e.created_at END) AS first_followup,
                MIN(CASE WHEN e.kind = 'close'
                          OR (e.kind = 'status' AND {status} IN ('resolved', 'closed'))
                         THEN e.created_at END) AS resolved_at,
                MAX(CASE WHEN e.kind = 'meeting' THEN 1 ELSE 0 END) AS meeting,
                MAX(CASE WHEN e.kind = 'meeting' AND {status} = 'held' THEN 1 ELSE 0 END) AS held
            FROM request_events e {only_events}
            WHERE e.kind IN ('followup', 'close', 'status', 'meeting')
            GROUP BY e.request_uuid
        ),
        sat AS (
            SELECT request_uuid, score FROM (
                SELECT e.request_uuid, {score} AS score,
                       ROW_NUMBER() OVER (PARTITION BY e.request_uuid
                                          ORDER BY e.received_at DESC, e.uuid DESC) AS rn
                FROM request_events e {only_events}
                WHERE e.kind = 'satisfaction'
            ) ranked WHERE rn = 1
        )
        INSERT INTO report_facts ({COLUMNS})
        SELECT r.uuid, r.created_at, r.nature, r.channel, r.status, r.category, c.department,
               d.district, c.deadline_hours,
               CASE WHEN {sql.first_contact("r.payload")} THEN 1 ELSE 0 END,
               {sql.seconds("ev.first_followup", "r.created_at")},
               {sql.seconds("ev.resolved_at", "r.created_at")},
               COALESCE(ev.meeting, 0), COALESCE(ev.held, 0),
               CASE WHEN sat.score BETWEEN 1 AND 5 THEN sat.score END
        FROM requests r {only_requests}
        JOIN categories c ON c.code = r.category
        LEFT JOIN ev ON ev.request_uuid = r.uuid
        LEFT JOIN sat ON sat.request_uuid = r.uuid
        LEFT JOIN facts_districts d ON d.address_key = r.address_key
        WHERE true
        ON CONFLICT (request_uuid) DO UPDATE SET {_UPDATE}
    """
    session.execute(text(statement))
    if sql.pg and uuids is not None:
        session.execute(text("SET LOCAL enable_seqscan = on"))
        session.execute(text("SET LOCAL enable_hashjoin = on"))
    count = (
        len(uuids)
        if uuids is not None
        else session.execute(text("SELECT COUNT(*) FROM report_facts")).scalar_one()
    )
    session.execute(text("DROP TABLE facts_districts"))
    if uuids is not None:
        session.execute(text("DROP TABLE facts_todo"))
    if cursor is None:
        session.add(NoticeCursor(name=CURSOR, value=now))
    else:
        cursor.value = now
    session.flush()
    return int(count or 0)
