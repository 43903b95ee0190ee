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
joined through a temporary table. A category changed since the last refresh (department,
deadline, label: the taxonomy feed numbers its changes) has its requests recomputed too.

Two more caches follow the facts in the same transaction (docs/reports.md):
- ``report_rollup``, the facts summed per local month and per category, department, district,
  channel, nature and status. Incrementally, the touched requests' old rows are subtracted
  before their facts are recomputed and the new ones added after: a request's keys never change
  except its status, which the subtraction and the addition both follow.
- ``report_blocks`` (PostgreSQL), the open-data CSV per local day and bucket of requests: the
  blocks of touched requests are deleted, the next export writes them again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from pac_sac_desktop.server.notices.models import NoticeCursor
from pac_sac_desktop.server.reports.models import ReportCursor, block_bucket, block_day
from pac_sac_desktop.server.reports.service import FOLLOWUP_TARGET_S, district_of
from pac_sac_desktop.server.reports.service import _Sql as Sql
from pac_sac_desktop.server.types import UTCDateTime, utcnow

CURSOR = "report_facts"
ADVISORY_LOCK = 0x5E9047  # any constant: the reports' cache refresh
BLOCK_DAY = block_day("f.")
BLOCK_BUCKET = block_bucket("f.")
OVERLAP = dt.timedelta(minutes=2)  # intake and event transactions commit in milliseconds
COLUMNS = (
    "request_uuid, created_at, nature, channel, status, category, department, district, "
    "deadline_hours, fcr, followup_s, resolution_s, meeting, held, score"
)
_UPDATE = ", ".join(
    f"{c} = excluded.{c}" for c in COLUMNS.replace(" ", "").split(",") if c != "request_uuid"
)
# Above this many touched requests (a category of 100,000 requests moved to another department)
# a rebuild is cheaper than looking each one up by index.
REBUILD_ABOVE = 100_000
KEYS = "month, category, department, district, channel, nature, status"
# Each measure counts the requests of a rollup row for which the condition holds; the report
# adds the nature conditions (complaints only, requests and complaints for deadlines).
MEASURES = {
    "total": "1 = 1",
    "followed": "f.followup_s IS NOT NULL",
    "within_24h": f"f.followup_s <= {FOLLOWUP_TARGET_S}",
    "with_deadline": "f.deadline_hours > 0",
    "within_deadline": (
        "f.deadline_hours > 0 AND (f.fcr = 1 OR f.resolution_s <= f.deadline_hours * 3600.0)"
    ),
    "settled": ("f.fcr = 1 OR f.resolution_s IS NOT NULL OR f.status IN ('resolved', 'closed')"),
    "fcr": "f.fcr = 1",
    "timed": "f.fcr = 0 AND f.resolution_s IS NOT NULL",  # the resolution percentiles' count
    "meeting": "f.meeting = 1",
    "held": "f.held = 1",
    **{f"score_{k}": f"f.score = {k}" for k in range(1, 6)},
}


def rollup_select(sql: Sql, *, where: str = "1 = 1", join: str = "", sign: str = "") -> str:
    """Rows of ``report_rollup`` summed from ``report_facts f``: the rollup's own build, and the
    report's partial months, which are read from the facts."""
    sums = ", ".join(
        f"{sign}SUM(CASE WHEN {cond} THEN 1 ELSE 0 END) AS {name}"
        for name, cond in MEASURES.items()
    )
    return f"""SELECT {sql.local_month("f.created_at")} AS month, f.category, f.department,
            COALESCE(f.district, 0) AS district, f.channel, f.nature, f.status, {sums}
        FROM report_facts f {join} WHERE {where}
        GROUP BY 1, 2, 3, 4, 5, 6, 7"""


def _add_to_rollup(session: Session, sql: Sql, *, sign: str, replace: bool = False) -> None:
    names = ", ".join(MEASURES)
    if replace:
        update = ", ".join(f"{m} = excluded.{m}" for m in MEASURES)
    else:
        update = ", ".join(f"{m} = report_rollup.{m} + excluded.{m}" for m in MEASURES)
    join = "" if replace else "JOIN facts_todo t ON t.uuid = f.request_uuid"
    session.execute(
        text(
            f"INSERT INTO report_rollup ({KEYS}, {names}) "
            f"{rollup_select(sql, join=join, sign=sign)} "
            f"ON CONFLICT ({KEYS}) DO UPDATE SET {update}"
        )
    )


def invalidate(session: Session) -> None:
    """Rebuild everything at the next refresh (history written in the past, taxonomy changed)."""
    row = session.get(NoticeCursor, CURSOR)
    if row is not None:
        session.delete(row)
        session.flush()


def _affected(session: Session, low: dt.datetime) -> set[str]:
    """Requests received or with an event received since ``low``."""
    found: set[str] = set()
    for statement in (
        "SELECT uuid FROM requests WHERE received_at >= :low",
        "SELECT request_uuid FROM request_events WHERE received_at >= :low",
    ):
        found.update(
            session.execute(
                text(statement).bindparams(bindparam("low", type_=UTCDateTime())), {"low": low}
            ).scalars()
        )
    return found


def _taxonomy(session: Session, *, rebuilt: bool) -> set[str]:
    """Requests of the categories changed since the cache last looked (their department,
    deadline or label are copied in the cache). The taxonomy feed numbers its changes in commit
    order, so the last number seen is an exact cursor."""
    # Two server processes refreshing at once on a new database: one row, no key violation.
    session.execute(
        text(
            "INSERT INTO report_cursors (name, seq) VALUES ('taxonomy', 0) "
            "ON CONFLICT (name) DO NOTHING"
        )
    )
    seen = session.get(ReportCursor, "taxonomy", with_for_update=True, populate_existing=True)
    assert seen is not None
    rows = session.execute(
        text("SELECT entity_id, seq FROM changes WHERE feed = 'taxonomy' AND seq > :seq"),
        {"seq": seen.seq},
    ).all()
    if not rows:
        return set()
    seen.seq = max(int(seq) for _code, seq in rows)
    if rebuilt:
        return set()
    codes = [code for code, _seq in rows]
    return set(
        session.execute(
            text("SELECT uuid FROM requests WHERE category IN :codes").bindparams(
                bindparam("codes", expanding=True)
            ),
            {"codes": codes},
        ).scalars()
    )


def refresh(session: Session, *, now: dt.datetime | None = None) -> int:
    """Bring report_facts up to date; returns how many rows were recomputed."""
    now = now or utcnow()
    sql = Sql(session.get_bind().dialect.name)
    if sql.pg:
        # One refresh at a time across server processes: on a new database there is no cursor
        # row to lock yet, and two rebuilds would both insert it (SQLite: one writer already).
        session.execute(text(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})"))
    cursor = session.get(NoticeCursor, CURSOR, with_for_update=True, populate_existing=True)
    sql.prepare(session)
    uuids: set[str] | None = None
    moved = _taxonomy(session, rebuilt=cursor is None)
    if cursor is not None:
        uuids = _affected(session, cursor.value - OVERLAP) | moved
        if not uuids:
            cursor.value = now
            return 0
        if len(uuids) > REBUILD_ABOVE:
            uuids = None
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
    if uuids is not None:
        _add_to_rollup(session, sql, sign="-")  # the touched requests' rows as they were
    session.execute(text(statement))
    if uuids is not None:
        _add_to_rollup(session, sql, sign="")
        session.execute(text("DELETE FROM report_rollup WHERE total = 0"))
        if sql.pg:
            session.execute(
                text(
                    "INSERT INTO report_blocks (day, bucket, stale, rows, csv) "
                    f"SELECT DISTINCT {BLOCK_DAY}, {BLOCK_BUCKET}, true, 0, '' "
                    "FROM report_facts f JOIN facts_todo t ON t.uuid = f.request_uuid "
                    "ON CONFLICT (day, bucket) DO UPDATE SET stale = true"
                )
            )
    else:
        session.execute(text("DELETE FROM report_rollup"))
        _add_to_rollup(session, sql, sign="", replace=True)
    if sql.pg and uuids is not None:
        session.execute(text("SET LOCAL enable_seqscan = on"))
        session.execute(text("SET LOCAL enable_hashjoin = on"))
    if uuids is None and sql.pg:
        from pac_sac_desktop.server.reports import opendata

        # Fresh statistics for the planner (autovacuum may be slow or off), then the open data.
        session.execute(text("ANALYZE report_facts"))
        session.execute(text("ANALYZE report_rollup"))
        session.execute(text("DELETE FROM report_blocks"))
        opendata.write_blocks(session)
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
