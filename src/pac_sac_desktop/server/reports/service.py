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
from pac_sac_desktop.server.reports import models as _models  # noqa: F401 (report_facts table)
from pac_sac_desktop.server.types import UTCDateTime, utcnow

REPORT_VERSION = 1
FOLLOWUP_TARGET_S = 24 * 3600
UNKNOWN_DISTRICT = "inconnu"
WORK_MEM = "64MB"


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

    def first_contact(self, payload: str) -> str:
        """payload.resolved_first_contact is true. PostgreSQL: a substring test on the stored
        JSON text (every payload is written by the same serializer, ``"key": value``; a quote
        inside a string is escaped, so free text cannot fake it), ten times cheaper than parsing
        a million payloads with ->>; SQLite (the demo) parses."""
        if self.pg:
            return f"(strpos(CAST({payload} AS TEXT), '\"resolved_first_contact\": true') > 0)"
        return self.json_true(payload, "resolved_first_contact")

    def seconds(self, later: str, earlier: str) -> str:
        if self.pg:
            return f"EXTRACT(EPOCH FROM ({later} - {earlier}))"
        return f"((julianday({later}) - julianday({earlier})) * 86400.0)"


def _where(filters: ReportFilters, params: dict[str, Any]) -> str:
    """The period and filters on ``report_facts f``; fills ``params``."""
    where = ["f.created_at >= :start", "f.created_at < :end"]
    for name in ("department", "category", "channel", "nature", "district"):
        value = getattr(filters, name)
        if value is not None:
            params[name] = value
            where.append(f"f.{name} = :{name}")
    return " AND ".join(where)


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
              AND (fcr = 1 OR resolution_s <= deadline_hours * 3600.0) THEN 1 ELSE 0 END)
        AS within_deadline,
    SUM(CASE WHEN fcr = 1 OR resolution_s IS NOT NULL OR status IN ('resolved', 'closed')
             THEN 1 ELSE 0 END) AS settled,
    SUM(fcr) AS fcr,
    SUM(CASE WHEN nature = 'complaint' AND meeting = 1 THEN 1 ELSE 0 END) AS repeat_complaints,
    SUM(CASE WHEN nature = 'complaint' AND held = 1 THEN 1 ELSE 0 END) AS meetings_held,
    SUM(CASE WHEN score = 1 THEN 1 ELSE 0 END) AS score_1,
    SUM(CASE WHEN score = 2 THEN 1 ELSE 0 END) AS score_2,
    SUM(CASE WHEN score = 3 THEN 1 ELSE 0 END) AS score_3,
    SUM(CASE WHEN score = 4 THEN 1 ELSE 0 END) AS score_4,
    SUM(CASE WHEN score = 5 THEN 1 ELSE 0 END) AS score_5"""

_PG_PERCENTILES = """,
    percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY followup_s)
        FILTER (WHERE nature = 'complaint') AS followup_pct,
    percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_s)
        FILTER (WHERE fcr = 0) AS resolution_pct"""


def _breakdown_sums(months: list[tuple[str, dt.datetime]], params: dict[str, Any]) -> str:
    """Counts per nature, channel, status and month as conditional sums of the same pass."""
    parts = []
    for column, values in (("nature", NATURES), ("channel", CHANNELS), ("status", STATUSES)):
        parts += [
            f"SUM(CASE WHEN f.{column} = '{v}' THEN 1 ELSE 0 END) AS {column}__{v}" for v in values
        ]
    for i, (_label, start) in enumerate(months):
        params[f"m{i}"] = start
        upper = f"f.created_at < :m{i + 1}" if i + 1 < len(months) else "1 = 1"
        parts.append(
            f"SUM(CASE WHEN f.created_at >= :m{i} AND {upper} THEN 1 ELSE 0 END) AS month__{i}"
        )
    return ",\n    " + ",\n    ".join(parts)


def _sqlite_percentiles(
    session: Session, where: str, params: dict, column: str, condition: str
) -> tuple:
    """percentile_cont (linear interpolation, as PostgreSQL) with window functions."""
    rows = session.execute(
        _bind(
            f"""WITH vals AS (
                SELECT f.{column} AS v FROM report_facts f
                WHERE {where} AND f.{column} IS NOT NULL AND {condition}
            ),
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
    """The report as a JSON-ready dict (stable keys, see docs/reports.md).

    Refreshes ``report_facts`` first (cheap when the notices worker has just done it), so the
    session must be allowed to write."""
    from pac_sac_desktop.server.reports import facts

    sql = _Sql(session.get_bind().dialect.name)
    if sql.pg:
        # A report is a few big aggregations: JIT compilation costs more than it saves here
        # (1.3 s measured on 1M rows), and hash aggregation needs more than 4 MB to stay in memory.
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
    facts.refresh(session)
    low, high = filters.bounds()
    params: dict[str, Any] = {"start": low, "end": high, "target": FOLLOWUP_TARGET_S}
    where = _where(filters, params)
    months = _month_starts(filters.start, filters.end)
    breakdown = _breakdown_sums(months, params)
    select = f"SELECT {_SUMS}{breakdown} FROM report_facts f WHERE {where}"
    statement = _bind(select, params).bindparams(
        *[bindparam(f"m{i}", type_=UTCDateTime()) for i in range(len(months))]
    )
    row = session.execute(statement, params).mappings().one()
    sums = {k: int(row[k] or 0) for k in row}
    if sql.pg:
        # Apart from the sums: an ordered-set aggregate makes the whole query serial, the sums
        # alone run on parallel workers. One sort per column gives both percentiles.
        pct = (
            session.execute(
                _bind(
                    f"SELECT {_PG_PERCENTILES.lstrip(',')} FROM report_facts f WHERE {where}",
                    params,
                ),
                params,
            )
            .mappings()
            .one()
        )
        followup = tuple(pct["followup_pct"] or (None, None))
        resolution = tuple(pct["resolution_pct"] or (None, None))
    else:
        followup = _sqlite_percentiles(
            session, where, params, "followup_s", "f.nature = 'complaint'"
        )
        resolution = _sqlite_percentiles(session, where, params, "resolution_s", "f.fcr = 0")
    by_nature = {v: sums[f"nature__{v}"] for v in NATURES}
    by_channel = {v: sums[f"channel__{v}"] for v in CHANNELS}
    by_status = {v: sums[f"status__{v}"] for v in STATUSES}
    by_month = {label: sums[f"month__{i}"] for i, (label, _s) in enumerate(months)}

    # Categories and districts: one small hash aggregation; departments follow the categories.
    grouped = session.execute(
        _bind(
            f"""SELECT f.category, f.department, f.district, COUNT(*) AS n FROM report_facts f
            WHERE {where} GROUP BY f.category, f.department, f.district""",
            params,
        ),
        params,
    ).all()
    labels = dict(session.execute(text("SELECT code, label FROM categories")).all())
    by_department: dict[str, int] = {}
    by_category: dict[str, dict[str, Any]] = {}
    by_district: dict[str, int] = {}
    for category, department, district, n in grouped:
        by_department[department] = by_department.get(department, 0) + n
        entry = by_category.setdefault(
            category, {"label": labels.get(category, category), "total": 0}
        )
        entry["total"] += n
        name = str(district) if district is not None else UNKNOWN_DISTRICT
        by_district[name] = by_district.get(name, 0) + n

    distribution = {str(k): sums[f"score_{k}"] for k in range(1, 6)}
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
