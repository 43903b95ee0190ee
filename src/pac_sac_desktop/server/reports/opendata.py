"""Open data: the requests of a period as a CSV in the column vocabulary of Montréal's 311 open
data (« Requêtes 311 »), UTF-8 with a BOM, without personal data.

- Nothing about the citizen is written: no name, phone, e-mail, citizen address, description,
  answers or comments (free text may name people). LIN_CODE_POSTAL stays empty.
- Requests, information and comments keep their street (RUE, without the civic number), the
  district (ARRONDISSEMENT) and coordinates rounded to three decimals (about 100 m).
- Complaints are published without their place: RUE, ARRONDISSEMENT and coordinates empty.
- Rows stream from a server-side cursor: a year of a big city is written without holding it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from typing import IO, Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.core.vocabulary import NATURE_LABELS
from pac_sac_desktop.server.reports.service import (
    ReportFilters,
    _Sql,
    district_keys,
    district_of,
    street_index,
)
from pac_sac_desktop.server.types import UTCDateTime

COLUMNS = (
    "ID_UNIQ",
    "NATURE",
    "ACTI_NOM",
    "TYPE_LIEU_INTERV",
    "RUE",
    "RUE_INTERSECTION1",
    "RUE_INTERSECTION2",
    "LIN_CODE_POSTAL",
    "ARRONDISSEMENT",
    "ARRONDISSEMENT_GEO",
    "UNITE_RESP_PARENT",
    "DDS_DATE_CREATION",
    "PROVENANCE_ORIGINALE",
    "PROVENANCE_TELEPHONE",
    "PROVENANCE_COURRIEL",
    "PROVENANCE_PERSONNE",
    "PROVENANCE_MEDIASOCIAUX",
    "PROVENANCE_SITEINTERNET",
    "PROVENANCE_APPLICATION",
    "DERNIER_STATUT",
    "DATE_DERNIER_STATUT",
    "LOC_LONG",
    "LOC_LAT",
)
PROVENANCE = {
    "phone": "Téléphone",
    "email": "Courriel",
    "counter": "Personne",
    "web": "Site internet",
    "mobile": "Application",
}
_PROVENANCE_COLUMNS = {
    "phone": 13,
    "email": 14,
    "counter": 15,
    "web": 17,
    "mobile": 18,
}
LAST_STATUS = {
    "new": "Acceptée",
    "received": "Acceptée",
    "assigned": "Prise en charge",
    "in_progress": "Prise en charge",
    "resolved": "Terminée",
    "closed": "Terminée",
    "cancelled": "Annulée",
}
_CIVIC = re.compile(r"^\s*\d+[a-zA-Z]?\s*,?\s*")


@functools.lru_cache(maxsize=100_000)
def street_of(address: str) -> str:
    """'120, rue Principale' -> 'rue Principale' (the civic number identifies a home)."""
    return _CIVIC.sub("", address or "").strip()


@functools.lru_cache(maxsize=64)
def _district_name(number: int | None) -> str:
    if number is None:
        return ""
    district = street_index().districts.get(number)
    return f"District {district.name}" if district else ""


def _local(moment: Any) -> str:
    if isinstance(moment, str):  # SQLite through a raw text() column
        moment = dt.datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M:%S")


def _coord(value: Any) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    return f"{number:.3f}" if number == number else ""


def csv_field(value: str) -> str:
    """A text field as PostgreSQL's COPY … (FORMAT csv) writes it: quoted when empty (an empty
    string is told from a NULL) or when it holds a comma, a quote or a line break."""
    if value == "" or any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _csv_sql(column: str) -> str:
    """The same rule in SQL, for a text column that may be NULL (written empty)."""
    return (
        f"CASE WHEN {column} IS NULL THEN '' "
        f"WHEN {column} = '' OR {column} ~ '[\",\\r\\n]' "
        f"THEN '\"' || replace({column}, '\"', '\"\"') || '\"' ELSE {column} END"
    )


def _quoted(value: str) -> str:
    """A Python constant as an SQL literal holding its CSV form."""
    return "'" + csv_field(value).replace("'", "''") + "'"


def _case(column: str, mapping: dict[str, str]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {_quoted(v)}" for k, v in mapping.items())
    return f"CASE {column} {whens} ELSE {_csv_sql(column)} END"


def _line_sql() -> str:
    """One request's CSV line (without its end of line) from ``x``: the columns of
    ``_SOURCE``. Written by the server; the same text COPY (FORMAT csv) gave."""
    local = "AT TIME ZONE 'America/Montreal', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
    place = "(x.nature <> 'complaint' AND COALESCE(x.address, '') <> '')"
    districts = {n: f"District {d.name}" for n, d in street_index().districts.items()}
    district_case = (
        "CASE x.district "
        + " ".join(f"WHEN {n} THEN {_quoted(name)}" for n, name in districts.items())
        + " ELSE '' END"
    )
    flags = [
        f"CASE WHEN x.channel = '{channel}' THEN '1' ELSE '0' END" if channel else "'0'"
        for channel in ("phone", "email", "counter", None, "web", "mobile")
    ]
    coordinate = "to_char(round(CAST(x.{} AS numeric), 3), 'FM990.000')"
    fields = [
        _csv_sql("x.reference"),
        _case("x.nature", NATURE_LABELS),
        _csv_sql("x.label"),
        f"CASE WHEN {place} THEN 'Rue' ELSE '' END",
        f"CASE WHEN {place} THEN {_csv_sql('x.street')} ELSE '' END",
        "''",
        "''",
        "''",
        f"CASE WHEN {place} THEN {district_case} ELSE '' END",
        f"CASE WHEN {place} THEN {district_case} ELSE '' END",
        _csv_sql("x.department"),
        f"to_char(x.created_at {local}",
        _case("x.channel", PROVENANCE),
        *flags,
        _case("x.status", LAST_STATUS),
        f"to_char(x.updated_at {local}",
        f"CASE WHEN {place} THEN COALESCE({coordinate.format('lon')}, '') ELSE '' END",
        f"CASE WHEN {place} THEN COALESCE({coordinate.format('lat')}, '') ELSE '' END",
    ]
    assert len(fields) == len(COLUMNS)
    return "concat_ws(',', " + ", ".join(fields) + ")"


# What a line is made of: the request, its category, and the district from the reports' cache.
_SOURCE = """SELECT r.reference, r.nature, r.channel, r.status, r.created_at, r.updated_at,
        r.category, c.label, c.department, f.district, f.request_uuid, l.address,
        regexp_replace(l.address, '^\\s*\\d+[a-zA-Z]?\\s*,?\\s*', '') AS street,
        l.lat, l.lon
    FROM report_facts f
    JOIN requests r ON r.uuid = f.request_uuid
    JOIN categories c ON c.code = r.category
    CROSS JOIN LATERAL (
        SELECT r.payload -> 'location' ->> 'address' AS address,
               r.payload -> 'location' ->> 'lat' AS lat,
               r.payload -> 'location' ->> 'lon' AS lon
    ) l"""


def write_blocks(session: Session, period: tuple[dt.date, dt.date] | None = None) -> int:
    """Write the open-data blocks of every request (``period`` None: the cache was rebuilt) or
    the stale blocks of the days of ``period``; returns how many blocks were written.

    A stale block's requests are found through the index on the facts' block expressions
    (migration 0009): some forty rows each, not their whole day."""
    from pac_sac_desktop.server.reports.facts import BLOCK_BUCKET, BLOCK_DAY

    if period is None:
        source = ""
    else:
        first, last = (day.isoformat() for day in period)
        source = (
            f"JOIN report_blocks b ON b.stale AND b.day >= DATE '{first}' "
            f"AND b.day <= DATE '{last}' AND b.day = {BLOCK_DAY} AND b.bucket = {BLOCK_BUCKET}"
        )
    inner = _SOURCE.replace("FROM report_facts f", f"FROM report_facts f {source}")
    statement = f"""INSERT INTO report_blocks (day, bucket, stale, rows, csv)
            SELECT y.day, y.bucket, false, COUNT(*),
                   string_agg(y.line, E'\\n' ORDER BY y.created_at, y.reference) || E'\\n'
            FROM (
                SELECT {BLOCK_DAY.replace("f.", "x.")} AS day,
                       {BLOCK_BUCKET.replace("f.", "x.")} AS bucket,
                       x.created_at, x.reference, {_line_sql()} AS line
                FROM ({inner}) x
            ) y
            GROUP BY y.day, y.bucket
            ON CONFLICT (day, bucket) DO UPDATE
            SET stale = false, rows = excluded.rows, csv = excluded.csv"""
    # No parameters: every colon (the dates' HH24:MI:SS) is text, not a bind.
    written = session.execute(text(statement.replace(":", "\\:"))).rowcount
    if period is not None:
        # A stale block none of whose requests is left (never in practice: requests stay).
        session.execute(
            text("DELETE FROM report_blocks WHERE stale AND day >= :first AND day <= :last"),
            {"first": period[0], "last": period[1]},
        )
    return int(written or 0)


def _write_postgresql(session: Session, filters: ReportFilters, out: IO[str]) -> int:
    """PostgreSQL: the lines are written by the server. Without filters (the published file)
    they are read from the blocks kept in ``report_blocks`` (the stale ones written again
    first), a few tens of thousands of rows instead of a million; with filters they are written
    for the export. Either way in order of creation day."""
    from pac_sac_desktop.server.reports import facts

    session.execute(text("SET LOCAL jit = off"))
    facts.refresh(session)
    out.write("\ufeff")
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(COLUMNS)
    out.write(header.getvalue())
    raw = session.connection().connection.driver_connection
    names = ("department", "category", "channel", "nature", "district")
    if all(getattr(filters, n) is None for n in names):
        period = {"start": filters.start, "end": filters.end}
        write_blocks(session, (filters.start, filters.end))
        count = 0
        with raw.cursor(name="opendata_blocks") as cursor:
            cursor.itersize = 200
            cursor.execute(
                "SELECT rows, csv FROM report_blocks WHERE day >= %(start)s AND day <= %(end)s "
                "ORDER BY day, bucket",
                period,
            )
            for rows, block in cursor:
                out.write(block)
                count += rows
        return count
    low, high = filters.bounds()
    where = ["x.created_at >= %(low)s", "x.created_at < %(high)s"]
    params: dict[str, Any] = {"low": low, "high": high}
    for name in names:
        value = getattr(filters, name)
        if value is not None:
            where.append(f"x.{name} = %({name})s")
            params[name] = value
    query = (
        f"SELECT {_line_sql()} FROM ({_SOURCE}) x WHERE {' AND '.join(where)} "
        "ORDER BY x.created_at, x.reference"
    )
    count = 0
    with raw.cursor(name="opendata_lines") as cursor:
        cursor.execute(query, params)
        while batch := cursor.fetchmany(5000):
            out.write("\n".join(line for (line,) in batch) + "\n")
            count += len(batch)
    return count


def write(session: Session, filters: ReportFilters, out: IO[str]) -> int:
    """Write the CSV (BOM included) to a text stream; returns the number of rows."""
    sql = _Sql(session.get_bind().dialect.name)
    if sql.pg:
        return _write_postgresql(session, filters, out)
    low, high = filters.bounds()
    params: dict[str, Any] = {"start": low, "end": high}
    where = ["r.created_at >= :start", "r.created_at < :end"]
    for name in ("department", "category", "channel", "nature"):
        value = getattr(filters, name)
        if value is not None:
            params[name] = value
            where.append(f"{'c.department' if name == 'department' else 'r.' + name} = :{name}")
    keys = district_keys(session, filters)
    binds = [bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime())]
    if keys is not None:
        params["keys"] = keys or [""]
        where.append("r.address_key IN :keys" if keys else "1 = 0")
        binds.append(bindparam("keys", expanding=True))
    if sql.pg:
        place = "r.payload -> 'location'"
        address, lat, lon = (f"({place} ->> '{k}')" for k in ("address", "lat", "lon"))
    else:
        address, lat, lon = (
            f"json_extract(r.payload, '$.location.{k}')" for k in ("address", "lat", "lon")
        )
    statement = text(
        f"""SELECT r.reference, r.nature, c.label, c.department, r.channel, r.status,
                   r.created_at, r.updated_at, r.address_key, {address}, {lat}, {lon}
            FROM requests r JOIN categories c ON c.code = r.category
            WHERE {" AND ".join(where)}
            ORDER BY r.created_at, r.reference"""
    ).bindparams(*binds)
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    result = session.execute(statement, params, execution_options={"yield_per": 5000})
    count = 0
    blank = [""] * len(COLUMNS)
    for (
        reference,
        nature,
        label,
        department,
        channel,
        status,
        created,
        updated,
        key,
        addr,
        la,
        lo,
    ) in result:
        row = list(blank)
        row[0] = reference
        row[1] = NATURE_LABELS.get(nature, nature)
        row[2] = label
        row[10] = department
        row[11] = _local(created)
        row[12] = PROVENANCE.get(channel, channel)
        for name, index in _PROVENANCE_COLUMNS.items():
            row[index] = "1" if name == channel else "0"
        row[16] = "0"
        row[19] = LAST_STATUS.get(status, status)
        row[20] = _local(updated)
        if nature != "complaint" and addr:
            row[3] = "Rue"
            row[4] = street_of(addr)
            row[8] = row[9] = _district_name(district_of(key or ""))
            row[21], row[22] = _coord(lo), _coord(la)
        writer.writerow(row)
        count += 1
    return count
