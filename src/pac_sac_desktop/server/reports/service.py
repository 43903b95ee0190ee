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

import collections
import datetime as dt
import functools
import math
import re
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
_GROUP_KEYS = ("category", "department", "district")
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

    def local_month(self, column: str) -> str:
        """The month of a UTC timestamp on the city's clock, as an integer: 202603."""
        if self.pg:
            local = f"timezone('{LOCAL_TZ.key}', {column})"
            return (
                f"CAST(EXTRACT(YEAR FROM {local}) * 100 + EXTRACT(MONTH FROM {local}) AS INTEGER)"
            )
        return f"pac_local_month({column})"

    def prepare(self, session: Session) -> None:
        """SQLite has no time zones: the local month comes from a Python function registered on
        the connection (the demo's few thousand requests)."""
        if not self.pg:
            raw = session.connection().connection.driver_connection
            raw.create_function("pac_local_month", 1, _sqlite_local_month, deterministic=True)


def _sqlite_local_month(value: str | None) -> int | None:
    if value is None:
        return None
    local = dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ)
    return local.year * 100 + local.month


def _where(filters: ReportFilters, params: dict[str, Any]) -> str:
    """The period and filters on ``report_facts f``; fills ``params``."""
    where = ["f.created_at >= :start", "f.created_at < :end"]
    for name in ("department", "category", "channel", "nature", "district"):
        value = getattr(filters, name)
        if value is not None:
            params[name] = value
            where.append(f"f.{name} = :{name}")
    return " AND ".join(where)


def _source(sql: _Sql, filters: ReportFilters, params: dict[str, Any]) -> str:
    """Rollup rows of the period and filters: the local months wholly inside the period are read
    from ``report_rollup``; the days of a month cut by the period are summed from
    ``report_facts`` into rows of the same shape (facts.rollup_select)."""
    from pac_sac_desktop.server.reports import facts

    whole, cut = [], []
    for first, last in _months(filters.start, filters.end):
        low, high = max(first, filters.start), min(last, filters.end)
        if (low, high) == (first, last):
            whole.append(first.year * 100 + first.month)
        else:
            cut.append(ReportFilters(start=low, end=high).bounds())
    keys = []
    for name in ("department", "category", "channel", "nature", "district"):
        value = getattr(filters, name)
        if value is not None:
            params[name] = value
            keys.append(f"{{t}}.{name} = :{name}")
    columns = f"{facts.KEYS}, {', '.join(facts.MEASURES)}"
    parts = []
    if whole:
        where = " AND ".join([f"r.month IN ({', '.join(map(str, whole))})", *keys]).format(t="r")
        parts.append(f"SELECT {columns} FROM report_rollup r WHERE {where}")
    if cut:
        ranges = []
        for i, (low, high) in enumerate(cut):
            params[f"cut{i}_low"], params[f"cut{i}_high"] = low, high
            ranges.append(f"(f.created_at >= :cut{i}_low AND f.created_at < :cut{i}_high)")
        where = " AND ".join([f"({' OR '.join(ranges)})", *keys]).format(t="f")
        parts.append(facts.rollup_select(sql, where=where))
    return " UNION ALL ".join(parts)


def _months(low: dt.date, high: dt.date) -> list[tuple[dt.date, dt.date]]:
    """First and last day of every month the period touches."""
    out = []
    first = low.replace(day=1)
    while first <= high:
        following = (first + dt.timedelta(days=32)).replace(day=1)
        out.append((first, following - dt.timedelta(days=1)))
        first = following
    return out


def _sums(months: list[int]) -> str:
    """The report's figures per category, department and district, from rollup rows ``s``."""
    parts = [
        ("total", "s.total"),
        ("complaints", "CASE WHEN s.nature = 'complaint' THEN s.total ELSE 0 END"),
        ("complaints_followed", "CASE WHEN s.nature = 'complaint' THEN s.followed ELSE 0 END"),
        ("complaints_24h", "CASE WHEN s.nature = 'complaint' THEN s.within_24h ELSE 0 END"),
        ("with_deadline", f"CASE WHEN {_DEADLINED} THEN s.with_deadline ELSE 0 END"),
        ("within_deadline", f"CASE WHEN {_DEADLINED} THEN s.within_deadline ELSE 0 END"),
        ("settled", "s.settled"),
        ("fcr", "s.fcr"),
        ("timed", "s.timed"),
        ("repeat_complaints", "CASE WHEN s.nature = 'complaint' THEN s.meeting ELSE 0 END"),
        ("meetings_held", "CASE WHEN s.nature = 'complaint' THEN s.held ELSE 0 END"),
        *((f"score_{k}", f"s.score_{k}") for k in range(1, 6)),
    ]
    for column, values in (("nature", NATURES), ("channel", CHANNELS), ("status", STATUSES)):
        parts += [
            (f"{column}__{v}", f"CASE WHEN s.{column} = '{v}' THEN s.total ELSE 0 END")
            for v in values
        ]
    parts += [
        (f"month__{i}", f"CASE WHEN s.month = {month} THEN s.total ELSE 0 END")
        for i, month in enumerate(months)
    ]
    return ",\n    ".join(f"SUM({expr}) AS {name}" for name, expr in parts)


_DEADLINED = "s.nature IN ('request', 'complaint')"
# The facts a percentile reads: the predicates of the partial indexes (reports/models.py).
_FOLLOWUP = "f.nature = 'complaint' AND f.followup_s IS NOT NULL"
_RESOLUTION = "f.fcr = 0 AND f.resolution_s IS NOT NULL"


def _percentile(
    session: Session, column: str, where: str, params: dict[str, Any], n: int, p: float
) -> float | None:
    """percentile_cont(p) of ``column`` over ``n`` facts, exactly as PostgreSQL computes it (the
    two values around rank (n - 1)·p, interpolated), reading only those two values: a walk of
    the partial index in value order from the nearer end, which stops at the rank."""
    if n <= 0:
        return None
    pos = p * (n - 1)
    low, high = math.floor(pos), math.ceil(pos)
    ascending = low < n - 1 - high
    offset = low if ascending else n - 1 - high
    statement = (
        f"SELECT f.{column} FROM report_facts f WHERE {where} "
        f"ORDER BY f.{column} {'ASC' if ascending else 'DESC'} "
        f"LIMIT {high - low + 1} OFFSET {offset}"
    )
    values = [float(v) for v in session.execute(_bind(statement, params), params).scalars()]
    if not values:  # a refresh committed between the counts and this statement
        return None
    if not ascending:
        values.reverse()
    first, second = values[0], values[-1]
    return first if high == low else first + (second - first) * (pos - low)


def _bind(sql: str, params: dict[str, Any]) -> Any:
    statement = text(sql)
    binds = [
        bindparam(k, type_=UTCDateTime())
        for k, v in params.items()
        if isinstance(v, dt.datetime) and re.search(rf":{k}\b", sql)
    ]
    return statement.bindparams(*binds)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(float(seconds) / 3600.0, 2)


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
    sql.prepare(session)
    months = [first.year * 100 + first.month for first, _l in _months(filters.start, filters.end)]
    params: dict[str, Any] = {}
    source = _source(sql, filters, params)
    # One pass over the rollup rows of the period: per category, department and district, every
    # figure as a conditional sum; the totals are the sums of these few hundred rows.
    grouped = (
        session.execute(
            _bind(
                f"""SELECT s.category, s.department, s.district, {_sums(months)}
                FROM ({source}) s GROUP BY s.category, s.department, s.district""",
                params,
            ),
            params,
        )
        .mappings()
        .all()
    )
    names = [k for k in (grouped[0].keys() if grouped else []) if k not in _GROUP_KEYS]
    sums: dict[str, int] = collections.defaultdict(int)
    labels = dict(session.execute(text("SELECT code, label FROM categories")).all())
    by_department: dict[str, int] = {}
    by_category: dict[str, dict[str, Any]] = {}
    by_district: dict[str, int] = {}
    for row in grouped:
        for name in names:
            sums[name] += int(row[name] or 0)
        n = int(row["total"] or 0)
        category, department, district = row["category"], row["department"], row["district"]
        by_department[department] = by_department.get(department, 0) + n
        entry = by_category.setdefault(
            category, {"label": labels.get(category, category), "total": 0}
        )
        entry["total"] += n
        name = str(district) if district else UNKNOWN_DISTRICT
        by_district[name] = by_district.get(name, 0) + n
    by_nature = {v: sums[f"nature__{v}"] for v in NATURES}
    by_channel = {v: sums[f"channel__{v}"] for v in CHANNELS}
    by_status = {v: sums[f"status__{v}"] for v in STATUSES}
    by_month = {f"{m // 100:04d}-{m % 100:02d}": sums[f"month__{i}"] for i, m in enumerate(months)}

    low, high = filters.bounds()
    facts_params: dict[str, Any] = {"start": low, "end": high}
    where = _where(filters, facts_params)
    followup = tuple(
        _percentile(
            session, "followup_s", f"{_FOLLOWUP} AND {where}", facts_params,
            sums["complaints_followed"], p,
        )
        for p in (0.5, 0.9)
    )  # fmt: skip
    resolution = tuple(
        _percentile(
            session, "resolution_s", f"{_RESOLUTION} AND {where}", facts_params, sums["timed"], p
        )
        for p in (0.5, 0.9)
    )

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
