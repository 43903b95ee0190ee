"""Supervisors' report on a period, computed in SQL on PostgreSQL (production) and SQLite (demo).

Everything is derived from what the server already stores: ``requests`` (created_at, nature,
channel, status, payload) joined with ``categories`` (department, deadline_hours) and the
request history ``request_events``:

- first follow-up of a complaint: its earliest ``followup`` event (the moment it was logged);
- resolution: the first ``close`` event or ``status`` event to resolved/closed; a request
  resolved at the first contact (``payload.resolved_first_contact``) counts as resolved at once;
- repeat complaints: requests with at least one ``meeting`` event (the V.I.P. policy queues a
  meeting on a second complaint); meetings held: requests with a ``meeting`` event ``held``;
- satisfaction: the latest ``satisfaction`` event of each request.

The period is a range of days on the city's clock (America/Montreal), applied to ``created_at``
(the SLA clock's start). The JSON keys are stable and documented in docs/reports.md.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.core.vocabulary import CHANNELS, NATURES, STATUSES
from pac_sac_desktop.server.types import UTCDateTime, utcnow

REPORT_VERSION = 1
FOLLOWUP_TARGET_S = 24 * 3600
UNKNOWN_DISTRICT = "inconnu"


@dataclass(frozen=True)
class ReportFilters:
    start: dt.date
    end: dt.date  # inclusive
    department: str | None = None
    district: int | None = None
    category: str | None = None
    channel: str | None = None
    nature: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """UTC bounds of the period: local midnight of ``start`` to local midnight after ``end``."""
        low = dt.datetime.combine(self.start, dt.time(), LOCAL_TZ).astimezone(dt.UTC)
        high = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), LOCAL_TZ)
        return low, high.astimezone(dt.UTC)

    def to_wire(self) -> dict[str, Any]:
        return {
            "department": self.department,
            "district": self.district,
            "category": self.category,
            "channel": self.channel,
            "nature": self.nature,
        }


@functools.lru_cache(maxsize=1)
def street_index() -> StreetIndex:
    return StreetIndex.load(resources_dir() / "streets.yaml")


@functools.lru_cache(maxsize=200_000)
def district_of(address_key: str) -> int | None:
    place = street_index().locate(address_key) if address_key else None
    return place.district.number if place and place.district else None


def district_label(number: int | None) -> str:
    if number is None:
        return "District inconnu"
    district = street_index().districts.get(number)
    return f"District {district.name}" if district else f"District {number}"


class _Sql:
    """The few expressions that differ between PostgreSQL and SQLite."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def json_text(self, column: str, key: str) -> str:
        return f"({column} ->> '{key}')" if self.pg else f"json_extract({column}, '$.{key}')"

    def json_true(self, column: str, key: str) -> str:
        if self.pg:
            return f"(({column} ->> '{key}') = 'true')"
        return f"(json_extract({column}, '$.{key}') = 1)"

    def seconds(self, later: str, earlier: str) -> str:
        if self.pg:
            return f"EXTRACT(EPOCH FROM ({later} - {earlier}))"
        return f"((julianday({later}) - julianday({earlier})) * 86400.0)"


def _scope(
    sql: _Sql, filters: ReportFilters, params: dict[str, Any], keys: list[str] | None
) -> str:
    where = ["r.created_at >= :start", "r.created_at < :end"]
    for name in ("department", "category", "channel", "nature"):
        value = getattr(filters, name)
        if value is not None:
            params[name] = value
            column = "c.department" if name == "department" else f"r.{name}"
            where.append(f"{column} = :{name}")
    if keys is not None:
        if keys:
            params["district_keys"] = keys
            where.append("r.address_key IN :district_keys")
        else:
            where.append("1 = 0")
    fcr = sql.json_true("r.payload", "resolved_first_contact")
    return f"""
        scope AS (
            SELECT r.uuid, r.nature, r.status, r.created_at, c.deadline_hours,
                   CASE WHEN {fcr} THEN 1 ELSE 0 END AS fcr
            FROM requests r JOIN categories c ON c.code = r.category
            WHERE {" AND ".join(where)}
        )"""


def _per_request(sql: _Sql) -> str:
    status = sql.json_text("e.data", "status")
    return f"""
        ev AS (
            SELECT e.request_uuid,
                MIN(CASE WHEN e.kind = 'followup' THEN e.created_at END) AS first_followup,
                MIN(CASE WHEN e.kind = 'close'
                          OR (e.kind = 'status' AND {status} IN ('resolved', 'closed'))
                         THEN e.created_at END) AS resolved_at,
                MAX(CASE WHEN e.kind = 'meeting' THEN 1 ELSE 0 END) AS meeting,
                MAX(CASE WHEN e.kind = 'meeting' AND {status} = 'held' THEN 1 ELSE 0 END) AS held
            FROM request_events e JOIN scope s ON s.uuid = e.request_uuid
            WHERE e.kind IN ('followup', 'close', 'status', 'meeting')
            GROUP BY e.request_uuid
        ),
        per AS (
            SELECT s.nature, s.status, s.deadline_hours, s.fcr,
                   COALESCE(ev.meeting, 0) AS meeting, COALESCE(ev.held, 0) AS held,
                   {sql.seconds("ev.first_followup", "s.created_at")} AS followup_s,
                   CASE WHEN s.fcr = 1 THEN 0.0
                        ELSE {sql.seconds("ev.resolved_at", "s.created_at")} END AS resolution_s
            FROM scope s LEFT JOIN ev ON ev.request_uuid = s.uuid
        )"""


_SUMS = """
    COUNT(*) AS total,
    SUM(CASE WHEN nature = 'complaint' THEN 1 ELSE 0 END) AS complaints,
    SUM(CASE WHEN nature = 'complaint' AND followup_s IS NOT NULL THEN 1 ELSE 0 END)
        AS complaints_followed,
    SUM(CASE WHEN nature = 'complaint' AND followup_s <= :target THEN 1 ELSE 0 END)
        AS complaints_24h,
    SUM(CASE WHEN deadline_hours > 0 AND nature IN ('request', 'complaint') THEN 1 ELSE 0 END)
        AS with_deadline,
    SUM(CASE WHEN deadline_hours > 0 AND nature IN ('request', 'complaint')
              AND resolution_s <= deadline_hours * 3600.0 THEN 1 ELSE 0 END) AS within_deadline,
    SUM(CASE WHEN resolution_s IS NOT NULL OR status IN ('resolved', 'closed')
             THEN 1 ELSE 0 END) AS settled,
    SUM(fcr) AS fcr,
    SUM(CASE WHEN nature = 'complaint' AND meeting = 1 THEN 1 ELSE 0 END) AS repeat_complaints,
    SUM(CASE WHEN nature = 'complaint' AND held = 1 THEN 1 ELSE 0 END) AS meetings_held"""

_PG_PERCENTILES = """,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY followup_s)
        FILTER (WHERE nature = 'complaint') AS followup_p50,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY followup_s)
        FILTER (WHERE nature = 'complaint') AS followup_p90,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_s)
        FILTER (WHERE resolution_s IS NOT NULL AND fcr = 0) AS resolution_p50,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_s)
        FILTER (WHERE resolution_s IS NOT NULL AND fcr = 0) AS resolution_p90"""


def _sqlite_percentiles(
    session: Session, head: str, params: dict, column: str, where: str
) -> tuple:
    """percentile_cont (linear interpolation, as PostgreSQL) with window functions."""
    rows = session.execute(
        _bind(
            f"""{head},
            vals AS (SELECT {column} AS v FROM per WHERE {column} IS NOT NULL AND {where}),
            ranked AS (
                SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n FROM vals
            )
            SELECT v, i, n FROM ranked
            WHERE i IN (CAST((n - 1) * 0.5 AS INTEGER), CAST((n - 1) * 0.5 AS INTEGER) + 1,
                        CAST((n - 1) * 0.9 AS INTEGER), CAST((n - 1) * 0.9 AS INTEGER) + 1)""",
            params,
        ),
        params,
    ).all()
    if not rows:
        return None, None
    values = {int(i): float(v) for v, i, _n in rows}
    n = int(rows[0][2])

    def cont(p: float) -> float:
        pos = (n - 1) * p
        low = int(pos)
        high = min(low + 1, n - 1)
        return values[low] + (pos - low) * (values[high] - values[low])

    return cont(0.5), cont(0.9)


def _bind(sql: str, params: dict[str, Any]) -> Any:
    statement = text(sql)
    binds = [bindparam(k, type_=UTCDateTime()) for k in ("start", "end") if k in params]
    if "district_keys" in params:
        binds.append(bindparam("district_keys", expanding=True))
    return statement.bindparams(*binds)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(float(seconds) / 3600.0, 2)


def _month_starts(low: dt.date, high: dt.date) -> list[tuple[str, dt.datetime]]:
    out = []
    day = low.replace(day=1)
    while day <= high:
        start = dt.datetime.combine(day, dt.time(), LOCAL_TZ).astimezone(dt.UTC)
        out.append((day.strftime("%Y-%m"), start))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


def district_keys(session: Session, filters: ReportFilters) -> list[str] | None:
    """The address keys of the period that fall in the filtered district (None: no filter).

    Districts come from resources/streets.yaml (civic-number segments), located in Python once
    per distinct address; the SQL then filters on ``address_key``.
    """
    if filters.district is None:
        return None
    low, high = filters.bounds()
    rows = session.execute(
        _bind(
            "SELECT DISTINCT address_key FROM requests "
            "WHERE created_at >= :start AND created_at < :end",
            {"start": low, "end": high},
        ),
        {"start": low, "end": high},
    ).scalars()
    return [k for k in rows if district_of(k or "") == filters.district]


def compute(session: Session, filters: ReportFilters, *, now: dt.datetime | None = None) -> dict:
    """The report as a JSON-ready dict (stable keys, see docs/reports.md)."""
    sql = _Sql(session.get_bind().dialect.name)
    low, high = filters.bounds()
    params: dict[str, Any] = {"start": low, "end": high, "target": FOLLOWUP_TARGET_S}
    keys = district_keys(session, filters)
    head = "WITH " + _scope(sql, filters, params, keys) + "," + _per_request(sql)

    select = f"{head}\nSELECT {_SUMS}{_PG_PERCENTILES if sql.pg else ''} FROM per"
    row = session.execute(_bind(select, params), params).mappings().one()
    sums = {k: int(row[k] or 0) for k in row if not k.endswith(("_p50", "_p90"))}
    if sql.pg:
        followup = (row["followup_p50"], row["followup_p90"])
        resolution = (row["resolution_p50"], row["resolution_p90"])
    else:
        followup = _sqlite_percentiles(session, head, params, "followup_s", "nature = 'complaint'")
        resolution = _sqlite_percentiles(session, head, params, "resolution_s", "fcr = 0")

    # Breakdowns: one scan of the scope grouped on every dimension, summed here.
    months = _month_starts(filters.start, filters.end)
    month_case = (
        "CASE "
        + " ".join(
            f"WHEN r.created_at >= :m{i} THEN '{label}'"
            for i, (label, _s) in reversed(list(enumerate(months)))
        )
        + " END"
    )
    group_params = dict(params)
    group_params.update({f"m{i}": start for i, (_label, start) in enumerate(months)})
    scope_sql = _scope(sql, filters, group_params, keys)
    grouped = session.execute(
        _bind(
            f"""WITH {scope_sql}
            SELECT r.nature, r.channel, r.status, c.department, r.category, c.label,
                   {month_case} AS month, COUNT(*) AS n
            FROM requests r JOIN categories c ON c.code = r.category
            WHERE r.uuid IN (SELECT uuid FROM scope)
            GROUP BY r.nature, r.channel, r.status, c.department, r.category, c.label, month""",
            group_params,
        ).bindparams(*[bindparam(f"m{i}", type_=UTCDateTime()) for i in range(len(months))]),
        group_params,
    ).all()
    by_nature = dict.fromkeys(NATURES, 0)
    by_channel = dict.fromkeys(CHANNELS, 0)
    by_status = dict.fromkeys(STATUSES, 0)
    by_department: dict[str, int] = {}
    by_category: dict[str, dict[str, Any]] = {}
    by_month = {label: 0 for label, _s in months}
    for nature, channel, status, department, category, label, month, n in grouped:
        by_nature[nature] = by_nature.get(nature, 0) + n
        by_channel[channel] = by_channel.get(channel, 0) + n
        by_status[status] = by_status.get(status, 0) + n
        by_department[department] = by_department.get(department, 0) + n
        entry = by_category.setdefault(category, {"label": label, "total": 0})
        entry["total"] += n
        if month in by_month:
            by_month[month] += n

    by_district: dict[str, int] = {}
    address_rows = session.execute(
        _bind(
            f"""WITH {_scope(sql, filters, dict(params), keys)}
            SELECT r.address_key, COUNT(*) FROM requests r
            WHERE r.uuid IN (SELECT uuid FROM scope) GROUP BY r.address_key""",
            params,
        ),
        params,
    ).all()
    for key, n in address_rows:
        number = district_of(key or "")
        name = str(number) if number is not None else UNKNOWN_DISTRICT
        by_district[name] = by_district.get(name, 0) + n

    score = "CAST(" + sql.json_text("e.data", "score") + " AS INTEGER)"
    scores = session.execute(
        _bind(
            f"""WITH {_scope(sql, filters, dict(params), keys)},
            latest AS (
                SELECT {score} AS score,
                       ROW_NUMBER() OVER (PARTITION BY e.request_uuid
                                          ORDER BY e.received_at DESC, e.uuid DESC) AS rn
                FROM request_events e JOIN scope s ON s.uuid = e.request_uuid
                WHERE e.kind = 'satisfaction'
            )
            SELECT score, COUNT(*) FROM latest WHERE rn = 1 GROUP BY score""",
            params,
        ),
        params,
    ).all()
    distribution = {str(k): 0 for k in range(1, 6)}
    for value, n in scores:
        if value is not None and 1 <= int(value) <= 5:
            distribution[str(int(value))] += n
    responses = sum(distribution.values())
    mean = (
        round(sum(int(k) * v for k, v in distribution.items()) / responses, 2)
        if responses
        else None
    )

    total = sums["total"]
    return {
        "version": REPORT_VERSION,
        "period": {"from": filters.start.isoformat(), "to": filters.end.isoformat()},
        "filters": filters.to_wire(),
        "generated_at": (now or utcnow()).isoformat(),
        "counts": {
            "total": total,
            "by_nature": by_nature,
            "by_channel": by_channel,
            "by_status": by_status,
            "by_department": dict(sorted(by_department.items())),
            "by_category": dict(sorted(by_category.items(), key=lambda kv: -kv[1]["total"])),
            "by_district": dict(sorted(by_district.items())),
            "by_month": [{"month": m, "total": n} for m, n in by_month.items()],
        },
        "complaints": {
            "total": sums["complaints"],
            "followed_up": sums["complaints_followed"],
            "followed_up_within_24h": sums["complaints_24h"],
            "followed_up_within_24h_rate": _rate(sums["complaints_24h"], sums["complaints"]),
            "first_followup_hours": {"median": _hours(followup[0]), "p90": _hours(followup[1])},
        },
        "deadlines": {
            "with_deadline": sums["with_deadline"],
            "resolved": sums["settled"],
            "resolved_within_deadline": sums["within_deadline"],
            "resolved_within_deadline_rate": _rate(sums["within_deadline"], sums["with_deadline"]),
            "resolution_hours": {"median": _hours(resolution[0]), "p90": _hours(resolution[1])},
        },
        "first_contact": {"resolved": sums["fcr"], "rate": _rate(sums["fcr"], total)},
        "repeat_complaints": {
            "total": sums["repeat_complaints"],
            "meetings_held": sums["meetings_held"],
        },
        "satisfaction": {
            "responses": responses,
            "eligible": sums["settled"],
            "response_rate": _rate(responses, sums["settled"]),
            "mean": mean,
            "distribution": distribution,
        },
    }
