"""Finding a request and reading the supervisor's queues with 100,000 requests on the workstation.

    .venv/bin/python benchmarks/requests_bench.py [--requests 100000] [--samples 200] [--json]

Ours: ``RequestService.find`` (the key index: a prefix is a range scan, terms intersected in
SQL) and ``RequestService.queue`` (partial indexes read in the queue's order, first page of
100 rows plus the queue's total), exactly what the Requêtes page and the desk call.
Peer, side by side in the same run and the same file: what a first version would write, a
``LIKE '%…%'`` over the stored JSON for finding, and the queue's SQL with ``NOT INDEXED``.
Targets (issue 11, 2 cores): find p95 ≤ 100 ms, first rows of a queue p95 ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, text

from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import RequestKeyRow, RequestRow

sys.path.insert(0, str(Path(__file__).resolve().parent))
from capture_bench import FIRST, LAST, STREETS, percentile

NOW = dt.datetime(2026, 12, 4, 13, 28, tzinfo=dt.UTC)
QUEUES = ("first-followup", "meeting", "unassigned", "overdue", "blocked")


def seed(service: RequestService, count: int, rng: random.Random) -> list[dict]:
    """``count`` requests over 13 months, built by the same row builder as capture and sync."""
    categories = service.categories()
    rows, keys, samples = [], [], []
    for i in range(count):
        category = rng.choice(categories)
        nature = rng.choice(
            [n for n in category.natures if n in ("request", "complaint")] or ["request"]
        )
        first, last = rng.choice(FIRST), rng.choice(LAST)
        phone = f"450555{rng.randrange(10000):04d}"
        address = f"{rng.randrange(1, 900)}, {rng.choice(STREETS)}"
        draft = RequestDraft(
            nature=nature,
            category=category.code,
            channel=rng.choice(["phone", "counter", "email", "web"]),
            description="Requête générée pour le banc d'essai.",
            citizen=Citizen(first_name=first, last_name=last, phone=phone, contact="phone"),
            location=Location(address=address),
        )
        created = NOW - dt.timedelta(minutes=rng.randrange(60 * 24 * 400))
        place = service.streets.locate(address)
        row = repo.request_row(
            uuid=str(uuid.UUID(int=rng.getrandbits(128))),
            number=f"P-BE{i // 100000:02d}-{i:06d}",
            reference=f"2026-{i + 1:06d}",
            draft=draft,
            payload=draft.to_wire(),
            status=rng.choice(["received", "assigned", "in_progress", "closed", "closed"]),
            sync_state=rng.choice(["remote"] * 200 + ["rejected"]),
            created_at=created,
            created_by=rng.choice(["agent", "bgagnon", "mroy"]),
            segment=place.segment if place else "",
            district=place.district.number if place and place.district else None,
            department=category.department,
            due_at=created + dt.timedelta(hours=category.deadline_hours or 72),
            followup_due_at=created + dt.timedelta(hours=24) if nature == "complaint" else None,
            now=created,
        )
        row.first_followup_at = None if rng.random() < 0.3 else created + dt.timedelta(hours=5)
        row.assigned_to = None if row.status == "received" else category.department
        row.meeting = "to_schedule" if nature == "complaint" and rng.random() < 0.01 else None
        values = {c.key: getattr(row, c.key) for c in RequestRow.__table__.columns}
        rows.append(values)
        keys.extend(
            {"key": k, "created_at": row.created_at, "uuid": row.uuid}
            for k in repo.search_keys(row)
        )
        if i % (count // 50 or 1) == 0:
            samples.append(
                {
                    "reference": row.reference,
                    "number": row.number,
                    "phone": phone,
                    "name": f"{first} {last}",
                    "last": last[:4],
                    "street": address,
                }
            )
    with service.db.transaction() as s:
        for start in range(0, len(rows), 5000):
            s.execute(insert(RequestRow), rows[start : start + 5000])
        for start in range(0, len(keys), 20000):
            s.execute(insert(RequestKeyRow), keys[start : start + 20000])
    with service.db.transaction() as s:
        s.execute(text("ANALYZE"))
    return samples


def timed(fn, samples: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(samples):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def find_queries(samples: list[dict], rng: random.Random, n: int) -> list[tuple[str, str]]:
    kinds = [
        ("référence", lambda s: s["reference"]),
        ("provisoire", lambda s: s["number"]),
        ("téléphone", lambda s: f"{s['phone'][:3]} {s['phone'][3:6]}-{s['phone'][6:]}"),
        ("nom complet", lambda s: s["name"]),
        ("début du nom", lambda s: s["last"]),
        ("adresse", lambda s: s["street"]),
    ]
    return [(kind, make(rng.choice(samples))) for kind, make in kinds for _ in range(n)]


def peer_find(db: Database, typed: str) -> list:
    with db.engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT uuid FROM requests WHERE payload LIKE :t OR reference LIKE :t "
                    "OR number LIKE :t ORDER BY created_at DESC LIMIT 50"
                ),
                {"t": f"%{typed}%"},
            )
        )


def peer_queue(db: Database, name: str) -> list:
    """The same queue in SQL, but read without the partial indexes (``NOT INDEXED``)."""
    conditions, _order = repo.queue_filter(name, NOW)
    from sqlalchemy import func, select

    with db.reading() as s:
        compiled = select(RequestRow).where(*conditions).order_by(RequestRow.created_at).limit(100)
        sql = str(compiled.compile(compile_kwargs={"literal_binds": True})).replace(
            "FROM requests", "FROM requests NOT INDEXED"
        )
        rows = list(s.execute(text(sql)))
        count = str(
            select(func.count())
            .select_from(RequestRow)
            .where(*conditions)
            .compile(compile_kwargs={"literal_binds": True})
        ).replace("FROM requests", "FROM requests NOT INDEXED")
        return [rows, s.execute(text(count)).scalar()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=20, help="queries per kind")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(20261204)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.sqlite3")
        service = RequestService(db)
        service.ensure_taxonomy()
        start = time.perf_counter()
        samples = seed(service, args.requests, rng)
        seeded = time.perf_counter() - start
        results: dict[str, dict] = {}
        for kind, typed in find_queries(samples, rng, args.samples):
            entry = results.setdefault(f"find: {kind}", {"ours": [], "peer": [], "hits": []})
            t0 = time.perf_counter()
            found = service.find(typed)
            entry["ours"].append((time.perf_counter() - t0) * 1000)
            entry["hits"].append(len(found))
            entry["peer"].extend(timed(lambda t=typed: peer_find(db, t), 1))
        for name in QUEUES:
            results[f"queue: {name}"] = {
                "ours": timed(lambda n=name: service.queue(n, now=NOW), args.samples),
                "peer": timed(lambda n=name: peer_queue(db, n), max(3, args.samples // 4)),
                "hits": [service.queue(name, now=NOW).total],
            }
        results["queue: all five counts"] = {
            "ours": timed(lambda: service.queue_counts(now=NOW), args.samples),
            "peer": [],
            "hits": [sum(service.queue_counts(now=NOW).values())],
        }
        db.close()
    if args.json:
        print(json.dumps({"requests": args.requests, "results": results}))
        return 0
    print(f"{args.requests:,} requests seeded in {seeded:.1f} s (2 cores)\n")
    print("| operation | ours p50 | ours p95 | peer p50 | peer p95 | results (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        peer = (
            f"{percentile(r['peer'], 50):.1f} ms | {percentile(r['peer'], 95):.1f} ms"
            if r["peer"]
            else "– | –"
        )
        print(
            f"| {name} | {percentile(r['ours'], 50):.1f} ms | {percentile(r['ours'], 95):.1f} ms "
            f"| {peer} | {statistics.median(r['hits']):.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
