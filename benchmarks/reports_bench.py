"""A year's report and open-data export over 1,000,000 requests on PostgreSQL.

    .venv/bin/python benchmarks/reports_bench.py [--requests 1000000] [--runs 3] [--keep URL]

Generates the requests and their history with COPY into a throw-away database (created on the
local PostgreSQL, dropped at the end), then times, in the same run:
- ours: ``reports.service.compute`` (SQL: conditional sums over the monthly rollup, two
  percentiles by rank on partial indexes) for the whole year, and with filters;
- ours: ``reports.opendata.write`` of the year (CSV blocks kept by the server, stale ones
  written again first);
- peer: the same figures computed in Python over the fetched rows (what a first version does:
  read requests and events, fold per request, sort for percentiles), checked equal to ours.
Targets (issue 12, 2 cores shared): full report ≤ 2 s, open-data export ≤ 10 s.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid

import psycopg
from sqlalchemy import text

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.server import db as dbmod
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.reports import facts, opendata, service
from pac_sac_desktop.server.reports.schemas import parse_query
from pac_sac_desktop.server.scratch_db import scratch_database
from pac_sac_desktop.server.taxonomy import service as taxonomy

PG_ADMIN = os.environ.get("PAC_SAC_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
START = dt.datetime(2025, 12, 1, 5, tzinfo=dt.UTC)
END = START + dt.timedelta(days=365)
YEAR = {"from": "2025-12-01", "to": "2026-11-30"}
STREETS = ("rue Principale", "boulevard des Pionniers", "boulevard Industriel",
           "chemin de la Carrière", "rue du Parc", "rue des Érables", "rue Notre-Dame")  # fmt: skip
FIRST = ("Marie", "Jean", "Sylvie", "Luc", "Nathalie", "François", "Isabelle", "Mathieu")
LAST = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie")


def throwaway_database(keep: str | None) -> contextlib.AbstractContextManager[str]:
    """``--keep URL``: that database, kept; else a new one, dropped at the end."""
    if keep:
        return contextlib.nullcontext(keep)
    return scratch_database("pacsac_reports_bench", PG_ADMIN)


def _ts(moment: dt.datetime) -> str:
    return moment.isoformat()


def generate(url: str, count: int, seed: int = 12) -> dict[str, int]:
    """COPY ``count`` requests over a year and their history (about 2.6 events each)."""
    rng = random.Random(seed)
    server_db = dbmod.ServerDB(url)
    dbmod.upgrade(server_db.engine)
    with server_db.transaction() as session:
        feed.ensure_counters(session)
        taxonomy.load_file(session, resources_dir() / "taxonomy.yaml")
        cats = [
            (code, data.get("natures") or ["request"], hours)
            for code, data, hours in session.execute(
                text("SELECT code, data, deadline_hours FROM categories")
            )
        ]
    server_db.dispose()
    raw = url.replace("postgresql+psycopg://", "postgresql://")
    counts = {"requests": 0, "events": 0}
    span = 365 * 86400
    addresses = [f"{rng.randrange(1, 2400)}, {rng.choice(STREETS)}" for _ in range(20000)]
    events_file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed below)
    events = events_file
    with psycopg.connect(raw) as conn, conn.cursor() as cur:
        with cur.copy(
            "COPY requests (uuid, reference, payload, payload_hash, nature, category, channel, "
            "status, address_key, created_at, received_at, updated_at, created_by) FROM STDIN"
        ) as req_copy:
            for i in range(count):
                code, natures, hours = rng.choice(cats)
                nature = rng.choice(natures)
                created = START + dt.timedelta(seconds=rng.randrange(span))
                channel = rng.choices(
                    ["phone", "counter", "email", "web", "mobile"], [45, 12, 13, 20, 10]
                )[0]
                fcr = nature == "information" or rng.random() < 0.1
                address = "" if nature == "information" else rng.choice(addresses)
                payload = {
                    "nature": nature,
                    "category": code,
                    "channel": channel,
                    "description": "Requête générée pour le banc d'essai des rapports.",
                    "answers": {},
                    "kb_articles": [],
                    "resolved_first_contact": fcr,
                    "citizen": {"first_name": rng.choice(FIRST), "last_name": rng.choice(LAST),
                                "phone": f"450555{rng.randrange(10000):04d}", "contact": "phone"},
                }  # fmt: skip
                if address:
                    payload["location"] = {"address": address}
                key = str(uuid.UUID(int=rng.getrandbits(128)))
                status = "closed" if fcr else "assigned"
                ev: list[tuple[str, dict, dt.datetime]] = []
                if fcr:
                    ev.append(("status", {"status": "closed"}, created + dt.timedelta(minutes=5)))
                else:
                    if nature == "complaint" and rng.random() < 0.9:
                        delay = dt.timedelta(hours=rng.lognormvariate(2.2, 0.8))
                        ev.append(
                            ("followup", {"outcome": "reached", "text": "Suivi."}, created + delay)
                        )
                        if rng.random() < 0.07:
                            ev.append(("meeting", {"status": "to_schedule"}, created + delay))
                            if rng.random() < 0.6:
                                ev.append(
                                    (
                                        "meeting",
                                        {"status": "held", "outcome": "Convenu."},
                                        created + 10 * delay,
                                    )
                                )
                    if rng.random() < 0.85:
                        done = created + dt.timedelta(
                            hours=max(1, hours or 72) * rng.lognormvariate(-0.3, 0.6)
                        )
                        ev.append(("close", {"resolution": "Réglé."}, done))
                        status = "closed"
                        if rng.random() < 0.3:
                            score = rng.choices([1, 2, 3, 4, 5], [5, 8, 17, 36, 34])[0]
                            ev.append(
                                (
                                    "satisfaction",
                                    {"score": score, "source": "link"},
                                    done + dt.timedelta(hours=20),
                                )
                            )
                # Nothing is received after the end of the year (the server stamps what it
                # receives with its clock): a request closed later is still open here.
                ev = [item for item in ev if item[2] <= END]
                if status == "closed" and not any(k in ("close", "status") for k, _d, _a in ev):
                    status = "assigned"
                req_copy.write_row((
                    key, f"B{i:09d}", json.dumps(payload, ensure_ascii=False), "0" * 64, nature,
                    code, channel, status, address.lower().replace(",", ""), created, created,
                    created, "agent",
                ))  # fmt: skip
                for kind, data, at in ev:
                    events.write(
                        "\t".join(
                            (
                                str(uuid.UUID(int=rng.getrandbits(128))),
                                key,
                                kind,
                                json.dumps(data, ensure_ascii=False).replace("\\", "\\\\"),
                                "0" * 64,
                                "superviseur",
                                _ts(at),
                                _ts(at),
                            )
                        )
                        + "\n"
                    )
                counts["events"] += len(ev)
                counts["requests"] += 1
        conn.commit()
        events_file.seek(0)
        with cur.copy(
            "COPY request_events (uuid, request_uuid, kind, data, data_hash, author, created_at, "
            "received_at) FROM STDIN"
        ) as ev_copy:
            while chunk := events_file.read(1 << 20):
                ev_copy.write(chunk)
        conn.commit()
        events_file.close()
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE requests")
        conn.execute("VACUUM ANALYZE request_events")
    return counts


def timed(fn, runs: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def peer_report(session, filters) -> dict:  # type: ignore[no-untyped-def]
    """The peer: fetch rows, fold in Python (what a first version would write)."""
    low, high = filters.bounds()
    rows = session.execute(
        text(
            "SELECT r.uuid, r.nature, r.created_at, c.deadline_hours, r.payload "
            "FROM requests r JOIN categories c ON c.code = r.category "
            "WHERE r.created_at >= :low AND r.created_at < :high"
        ),
        {"low": low, "high": high},
    ).all()
    per = {u: {"nature": n, "created": c, "deadline": d, "fcr": bool(p.get("resolved_first_contact")),
               "followup": None, "resolved": None, "score": None, "score_at": None}
           for u, n, c, d, p in rows}  # fmt: skip
    for uuid_, kind, data, at, received in session.execute(
        text("SELECT request_uuid, kind, data, created_at, received_at FROM request_events")
    ):
        item = per.get(uuid_)
        if item is None:
            continue
        if kind == "followup" and (item["followup"] is None or at < item["followup"]):
            item["followup"] = at
        elif kind == "close" or (kind == "status" and data.get("status") in ("resolved", "closed")):
            if item["resolved"] is None or at < item["resolved"]:
                item["resolved"] = at
        elif kind == "satisfaction" and (item["score_at"] is None or received > item["score_at"]):
            item["score"], item["score_at"] = data.get("score"), received
    complaints = [p for p in per.values() if p["nature"] == "complaint"]
    delays = sorted(
        (p["followup"] - p["created"]).total_seconds() for p in complaints if p["followup"]
    )
    within = sum(
        1
        for p in complaints
        if p["followup"] and (p["followup"] - p["created"]).total_seconds() <= 86400
    )

    def cont(values: list[float], q: float) -> float | None:
        if not values:
            return None
        pos = (len(values) - 1) * q
        lo = int(pos)
        hi = min(lo + 1, len(values) - 1)
        return values[lo] + (pos - lo) * (values[hi] - values[lo])

    scores = [p["score"] for p in per.values() if p["score"] is not None]
    return {
        "total": len(per),
        "complaints": len(complaints),
        "within_24h": within,
        "median_h": round(cont(delays, 0.5) / 3600, 2) if delays else None,
        "p90_h": round(cont(delays, 0.9) / 3600, 2) if delays else None,
        "fcr": sum(p["fcr"] for p in per.values()),
        "responses": len(scores),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="an already generated database URL (skip generation)")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    with throwaway_database(args.keep) as url:
        if not args.keep:
            t0 = time.perf_counter()
            counts = generate(url, args.requests)
            print(f"Generated {counts['requests']:,} requests and {counts['events']:,} events "
                  f"with COPY in {time.perf_counter() - t0:.1f} s")  # fmt: skip
        server_db = dbmod.ServerDB(url)
        dbmod.upgrade(server_db.engine)
        year = parse_query(YEAR)
        results = []
        with server_db.transaction() as session:
            facts.invalidate(session)
        t0 = time.perf_counter()
        with server_db.transaction() as session:
            built = facts.refresh(session)
        build = time.perf_counter() - t0
        print(f"Report cache (facts, rollup, open-data blocks) built for {built:,} requests "
              f"in {build:.1f} s")  # fmt: skip
        # What autovacuum does on its own a minute later (it is off on the benchmark host): the
        # visibility map that lets the percentiles read their indexes without the table.
        t0 = time.perf_counter()
        raw = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(raw, autocommit=True) as conn:
            for table in ("report_facts", "report_rollup", "report_blocks"):
                conn.execute(f"VACUUM (ANALYZE) {table}")
        print(f"VACUUM (ANALYZE) of the cache tables in {time.perf_counter() - t0:.1f} s")

        def ours(filters):  # type: ignore[no-untyped-def]
            with server_db.transaction(read_only=True) as session:
                return service.compute(session, filters)

        def ours_write(filters):  # type: ignore[no-untyped-def]
            with server_db.transaction() as session:
                return service.compute(session, filters)

        ours = ours_write  # noqa: F811 (the report refreshes its cache: a writing transaction)
        med, best, report = timed(lambda: ours(year), args.runs)
        results.append(("Full report, a year, no filter (ours, SQL)", med, best, 2.0))
        for label, extra in (
            ("Report, a year, department = Travaux publics", {"department": "Travaux publics"}),
            ("Report, a year, nature = complaint", {"nature": "complaint"}),
            ("Report, a year, district = 5", {"district": 5}),
            ("Report, one month (March)", {"from": "2026-03-01", "to": "2026-03-31"}),
            ("Report, 15 March to 10 May (cut months)", {"from": "2026-03-15", "to": "2026-05-10"}),
        ):
            filters = parse_query({**YEAR, **extra})
            m, b, _r = timed(lambda f=filters: ours(f), args.runs)
            results.append((label, m, b, 2.0))

        with server_db.transaction() as session:
            some = session.execute(text("SELECT uuid FROM requests LIMIT 1000")).scalars().all()
            now = dt.datetime.now(dt.UTC)
            session.execute(
                text(
                    "INSERT INTO request_events (uuid, request_uuid, kind, data, data_hash, author, "
                    "created_at, received_at) VALUES (:u, :r, 'note', '{}', '', 'bench', :t, :t)"
                ),
                [{"u": str(uuid.uuid4()), "r": r, "t": now} for r in some],
            )
        m, b, _r = timed(lambda: ours(year), 1)
        results.append(("Report right after 1,000 new events (incremental refresh)", m, b, 2.0))

        def export() -> int:
            with (
                server_db.transaction(read_only=True) as session,
                open(os.devnull, "w", encoding="utf-8") as out,
            ):
                return opendata.write(session, year, out)

        m, b, rows = timed(export, 1)
        results.append((f"Open-data CSV of the year ({rows:,} rows, ours)", m, b, 10.0))
        peer = None
        if not args.no_peer:

            def run_peer():  # type: ignore[no-untyped-def]
                with server_db.transaction(read_only=True) as session:
                    return peer_report(session, year)

            m, b, peer = timed(run_peer, 1)
            results.append(("Same figures in Python over fetched rows (peer)", m, b, None))
        print()
        print(f"{'Measure':58} {'median':>9} {'best':>9} {'target':>8}")
        for label, m, b, target in results:
            verdict = (
                "" if target is None else (f"≤ {target:.0f} s ok" if m <= target else "MISSED")
            )
            print(f"{label:58} {m:8.2f}s {b:8.2f}s {verdict:>8}")
        k = report["complaints"]
        ours_figures = {
            "total": report["counts"]["total"],
            "complaints": k["total"],
            "within_24h": k["followed_up_within_24h"],
            "median_h": k["first_followup_hours"]["median"],
            "p90_h": k["first_followup_hours"]["p90"],
            "fcr": report["first_contact"]["resolved"],
            "responses": report["satisfaction"]["responses"],
        }
        print("\nOurs :", ours_figures)
        if peer is not None:
            print("Peer :", peer)
            print("Same figures:", ours_figures == peer)
        server_db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
