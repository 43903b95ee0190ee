"""Capture benchmark: durable save latency and the as-you-type lookups with 100,000 stored requests.

    .venv/bin/python benchmarks/capture_bench.py [--requests 100000] [--samples 300] [--json]

Ours: the RequestService path the form uses (validation, rules, one transaction with the outbox,
synchronous=FULL) and its indexed lookups (repeat complaint, duplicates, caller history).
Peers, side by side: the same save with synchronous=NORMAL (what gives up durability), and the
lookups done the way a first version would, by scanning the stored JSON (no indexes).
Targets on 2 cores: save p95 ≤ 50 ms, lookups p95 ≤ 50 ms.
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

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.requests import (
    Citizen,
    Location,
    RequestDraft,
    normalize_address,
    normalize_name,
)
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import RequestRow

STREETS = [
    "rue Principale",
    "rue des Merisiers",
    "boulevard des Pionniers",
    "rue du Parc",
    "rue de la Gare",
    "avenue du Plateau",
    "rue des Érables",
    "chemin de la Carrière",
    "rue du Rivage",
    "montée du Moulin",
]
FIRST = [
    "Lucie",
    "Marc",
    "Josée",
    "François",
    "Nathalie",
    "Stéphane",
    "Geneviève",
    "Alain",
    "Chantal",
    "Luc",
]
LAST = [
    "Gagnon",
    "Roy",
    "Tremblay",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Pelletier",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def seed(db: Database, service: RequestService, count: int, rng: random.Random) -> list[str]:
    categories = [c.code for c in service.categories()]
    now = dt.datetime.now(dt.UTC)
    rows, phones = [], []
    for i in range(count):
        phone = f"450555{rng.randrange(10000):04d}"
        phones.append(phone)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        address = f"{rng.randrange(1, 900)}, {rng.choice(STREETS)}"
        place = service.streets.locate(address)
        created = now - dt.timedelta(minutes=rng.randrange(60 * 24 * 400))
        payload = {
            "citizen": {"first_name": first, "last_name": last, "phone": phone},
            "location": {"address": address},
            "description": "Demande générée pour le banc d'essai.",
        }
        rows.append(
            dict(
                uuid=str(uuid.UUID(int=rng.getrandbits(128))),
                number=f"B-{i:07d}",
                reference=f"2026-{i:06d}",
                nature=rng.choice(["request", "complaint"]),
                category=rng.choice(categories),
                channel="phone",
                status=rng.choice(["received", "assigned", "closed"]),
                payload=payload,
                flags=[],
                citizen_phone=phone,
                citizen_email="",
                citizen_key=normalize_name(f"{first} {last}"),
                address_key=normalize_address(address),
                street_key=place.segment if place else "",
                created_at=created,
                created_by="bench",
                sync_state="remote",
                sync_error="",
                updated_at=created,
            )
        )
    with db.transaction() as s:
        for start in range(0, len(rows), 5000):
            s.execute(insert(RequestRow), rows[start : start + 5000])
    return phones


def draft(rng: random.Random, phones: list[str], service: RequestService) -> RequestDraft:
    return RequestDraft(
        nature=rng.choice(["request", "complaint"]),
        category="nid-de-poule",
        channel="phone",
        citizen=Citizen(
            first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST),
            phone=rng.choice(phones),
            contact="phone",
        ),
        location=Location(address=f"{rng.randrange(1, 900)}, {rng.choice(STREETS)}"),
        description="Trou dans la chaussée.",
        answers=sample_answers(service.category("nid-de-poule").questions),
    )


def naive_lookup(db: Database, d: RequestDraft) -> int:
    """What a first version would do: scan the stored JSON for the phone and the street."""
    phone = d.citizen.phone
    street = d.location.address.split(", ", 1)[1]
    with db.engine.connect() as conn:
        a = conn.execute(
            text("SELECT count(*) FROM requests WHERE payload LIKE :p"), {"p": f"%{phone}%"}
        ).scalar()
        b = conn.execute(
            text("SELECT count(*) FROM requests WHERE category = :c AND payload LIKE :s"),
            {"c": d.category, "s": f"%{street}%"},
        ).scalar()
    return int(a or 0) + int(b or 0)


def timed(fn, samples: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(samples):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def run(count: int, samples: int) -> dict:
    rng = random.Random(42)
    folder = Path(tempfile.mkdtemp(prefix="pac-sac-capture-bench-"))
    db = Database(folder / "poste.sqlite3")
    service = RequestService(db)
    service.ensure_taxonomy()
    t0 = time.perf_counter()
    phones = seed(db, service, count, rng)
    seed_s = time.perf_counter() - t0
    drafts = [draft(rng, phones, service) for _ in range(samples)]
    it = iter(drafts * 3)
    results = {
        "requests_stored": count,
        "seed_s": round(seed_s, 1),
        "save_full": timed(lambda: service.save(next(it), user="bench"), samples),
        "assess_indexed": timed(lambda: service.assess(next(it)), samples),
        "lookup_json_scan": timed(lambda: naive_lookup(db, next(it)), min(samples, 60)),
    }
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
    db.engine.dispose()
    normal = Database(folder / "poste.sqlite3")

    @__import__("sqlalchemy").event.listens_for(normal.engine, "connect")
    def _normal(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    normal.engine.dispose()
    service_normal = RequestService(normal)
    it2 = iter(drafts)
    results["save_normal"] = timed(lambda: service_normal.save(next(it2), user="bench"), samples)
    return results


def table(r: dict) -> str:
    def row(name: str, values: list[float], target: str) -> str:
        return f"| {name} | {statistics.median(values):.1f} | {percentile(values, 95):.1f} | {target} |"

    return "\n".join(
        [
            f"Stored requests: {r['requests_stored']:,} (seeded in {r['seed_s']} s)",
            "",
            "| operation | p50 ms | p95 ms | target |",
            "|---|---:|---:|---|",
            row(
                "save, ours (validation + rules + outbox, synchronous=FULL)",
                r["save_full"],
                "p95 ≤ 50 ms",
            ),
            row(
                "save, peer: same with synchronous=NORMAL (not power-cut safe)",
                r["save_normal"],
                "—",
            ),
            row(
                "repeat/duplicate/history lookups, ours (indexed)",
                r["assess_indexed"],
                "p95 ≤ 50 ms",
            ),
            row("same lookups, peer: scan of stored JSON", r["lookup_json_scan"], "—"),
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args.requests, args.samples)
    if args.json:
        print(
            json.dumps(
                {
                    k: (
                        v
                        if not isinstance(v, list)
                        else {"p50": statistics.median(v), "p95": percentile(v, 95)}
                    )
                    for k, v in results.items()
                }
            )
        )
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
