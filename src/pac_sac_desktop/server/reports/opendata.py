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

import codecs
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


def _case(column: str, mapping: dict[str, str]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in mapping.items())
    return f"CASE {column} {whens} ELSE {column} END"


def _write_postgresql(session: Session, filters: ReportFilters, out: IO[str]) -> int:
    """PostgreSQL: the whole CSV is made by the server (COPY … TO STDOUT, CSV); Python only
    copies the bytes through. Rows come in storage order (about the order of receipt): sorting a
    year of wide rows would double the time."""
    from psycopg import sql as pgsql

    from pac_sac_desktop.server.reports import facts

    session.execute(text("SET LOCAL jit = off"))
    facts.refresh(session)  # districts come from the reports' cache (a regular table: the join
    # runs on parallel workers, which a temporary table would forbid)
    low, high = filters.bounds()
    where = [
        pgsql.SQL("r.created_at >= {}").format(pgsql.Literal(low)),
        pgsql.SQL("r.created_at < {}").format(pgsql.Literal(high)),
    ]
    for name in ("department", "category", "channel", "nature", "district"):
        value = getattr(filters, name)
        if value is not None:
            table = {"department": "c", "district": "f"}.get(name, "r")
            where.append(
                pgsql.SQL("{}.{} = {}").format(
                    pgsql.Identifier(table), pgsql.Identifier(name), pgsql.Literal(value)
                )
            )
    local = "AT TIME ZONE 'America/Montreal', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
    place = "(x.nature <> 'complaint' AND COALESCE(x.address, '') <> '')"
    districts = {n: f"District {d.name}" for n, d in street_index().districts.items()}
    district_case = (
        "CASE x.district "
        + " ".join(
            f"WHEN {n} THEN '{name.replace(chr(39), chr(39) * 2)}'" for n, name in districts.items()
        )
        + " END"
    )
    flags = ", ".join(
        f"CASE WHEN x.channel = '{channel}' THEN '1' ELSE '0' END" if channel else "'0'"
        for channel in ("phone", "email", "counter", None, "web", "mobile")
    )
    coordinate = "to_char(round(CAST(x.{} AS numeric), 3), 'FM990.000')"
    columns = f"""
        x.reference, {_case("x.nature", NATURE_LABELS)}, x.label,
        CASE WHEN {place} THEN 'Rue' END,
        CASE WHEN {place}
             THEN regexp_replace(x.address, '^\\s*\\d+[a-zA-Z]?\\s*,?\\s*', '') END,
        NULL, NULL, NULL,
        CASE WHEN {place} THEN {district_case} END,
        CASE WHEN {place} THEN {district_case} END,
        x.department,
        to_char(x.created_at {local},
        {_case("x.channel", PROVENANCE)},
        {flags},
        {_case("x.status", LAST_STATUS)},
        to_char(x.updated_at {local},
        CASE WHEN {place} THEN {coordinate.format("lon")} END,
        CASE WHEN {place} THEN {coordinate.format("lat")} END
    """
    inner = (
        "SELECT r.reference, r.nature, r.channel, r.status, r.created_at, r.updated_at, "
        "c.label, c.department, f.district, loc ->> 'address' AS address, "
        "loc ->> 'lat' AS lat, loc ->> 'lon' AS lon "
        "FROM requests r JOIN categories c ON c.code = r.category "
        "JOIN report_facts f ON f.request_uuid = r.uuid "
        "CROSS JOIN LATERAL (SELECT r.payload -> 'location' AS loc) l WHERE {}"
    )
    query = pgsql.SQL(
        "COPY (SELECT " + columns + " FROM (" + inner + ") x) TO STDOUT (FORMAT csv)"
    ).format(pgsql.SQL(" AND ").join(where))
    out.write("\ufeff")
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(COLUMNS)
    out.write(header.getvalue())
    raw = session.connection().connection.driver_connection
    decoder = codecs.getincrementaldecoder("utf-8")()  # a character may span two blocks
    buffer = bytearray()
    with raw.cursor() as cursor:
        with cursor.copy(query) as copy:
            for chunk in copy:  # one row each: gathered into 1 MB blocks before decoding
                buffer += chunk
                if len(buffer) >= 1 << 20:
                    out.write(decoder.decode(buffer))
                    buffer.clear()
        out.write(decoder.decode(buffer, final=True))
        return max(int(cursor.rowcount), 0)


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
