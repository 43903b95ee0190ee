"""Privacy (Quebec Law 25) on PostgreSQL: what the access log costs a page of the requests feed,
how long a request's log takes to read, and how fast the retention job anonymises.

    flock /tmp/pac-sac-bench.lock .venv/bin/python benchmarks/privacy_bench.py --requests 20000

A throw-away database on the local PostgreSQL (PAC_SAC_TEST_PG); figures in
docs/reliability-privacy.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import insert

from pac_sac_desktop.server import db as dbmod
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Request, RequestEvent
from pac_sac_desktop.server.privacy import access, retention
from pac_sac_desktop.server.requests import feed_page
from pac_sac_desktop.server.scratch_db import scratch_database
from pac_sac_desktop.server.taxonomy import service as taxonomy

PG_ADMIN = os.environ.get("PAC_SAC_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
NOW = dt.datetime(2026, 12, 4, tzinfo=dt.UTC)
STREETS = ("rue Principale", "boulevard des Pionniers", "rue des Merisiers", "rue Saint-Jean")
CATEGORY = {
    "code": "nid-de-poule",
    "label": "Nid-de-poule",
    "field": "voirie",
    "department": "Travaux publics",
    "deadline_hours": 72,
    "natures": ["request", "complaint"],
    "questions": [],
}


def generate(db: dbmod.ServerDB, count: int) -> None:
    """``count`` requests with a citizen, a note and (one in two) a close three years ago."""
    rng = random.Random(12)
    with db.transaction() as s:
        feed.ensure_counters(s)
        taxonomy.upsert(s, CATEGORY)
    for start in range(0, count, 5000):
        requests, events, changes = [], [], []
        for n in range(start, min(count, start + 5000)):
            key = str(uuid.UUID(int=n + 1))
            created = NOW - dt.timedelta(days=rng.randint(1, 1500))
            closed = n % 2 == 0
            address = f"{rng.randint(1, 2000)}, {rng.choice(STREETS)}"
            payload = {
                "nature": "complaint",
                "category": "nid-de-poule",
                "channel": "phone",
                "description": "Trou profond devant chez moi, voie de droite.",
                "citizen": {
                    "first_name": "Sylvie",
                    "last_name": f"Tremblay{n}",
                    "phone": "4505550199",
                    "email": f"sylvie{n}@exemple.ca",
                    "contact": "email",
                },
                "location": {"address": address},
                "answers": {},
                "resolved_first_contact": False,
            }
            requests.append(
                {
                    "uuid": key,
                    "reference": f"B-{n:08d}",
                    "payload": payload,
                    "payload_hash": "x" * 64,
                    "nature": "complaint",
                    "category": "nid-de-poule",
                    "channel": "phone",
                    "status": "closed" if closed else "received",
                    "address_key": address.lower().replace(",", ""),
                    "created_at": created,
                    "received_at": created,
                    "updated_at": created,
                    "created_by": "agent",
                    "department": "Travaux publics",
                    "closed_at": created + dt.timedelta(days=3) if closed else None,
                    "resolution": "Colmaté devant chez Mme Tremblay." if closed else "",
                }
            )
            note = {"text": "La citoyenne rappelle, très inquiète."}
            events.append(_event(key, "note", note, created + dt.timedelta(hours=1)))
            if closed:
                done = {"resolution": "Colmaté devant chez Mme Tremblay."}
                events.append(_event(key, "close", done, created + dt.timedelta(days=3)))
            changes.append(key)
        with db.transaction() as s:
            s.execute(insert(Request), requests)
            s.execute(insert(RequestEvent), events)
            for key in changes:
                feed.record(s, "requests", key, new=True)


def _event(key: str, kind: str, data: dict, at: dt.datetime) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "request_uuid": key,
        "kind": kind,
        "data": data,
        "data_hash": "y" * 64,
        "author": "superviseur",
        "created_at": at,
        "received_at": at,
    }


def ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{statistics.median(ordered) * 1000:.1f} / {p95 * 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--workstations", type=int, default=20)
    args = parser.parse_args()
    user = Caller(1, "agent", "Agent", "agent")
    with scratch_database("pacsac_privacy_bench", PG_ADMIN) as url:
        db = dbmod.ServerDB(url)
        dbmod.upgrade(db.engine)
        started = time.perf_counter()
        generate(db, args.requests)
        print(f"generated {args.requests} requests in {time.perf_counter() - started:.1f} s")
        reads, audits = [], []
        since = 0
        pages = []
        while True:  # one workstation's first download, page by page
            t0 = time.perf_counter()
            with db.transaction(read_only=True) as s:
                encoded = feed_page.changes(s, since, 500)
            t1 = time.perf_counter()
            page, uuids = json.loads(encoded.body), list(encoded.carried)
            with db.transaction() as s:
                access.record_export(s, user, uuids, "GET /api/v1/requests/changes")
            t2 = time.perf_counter()
            reads.append(t1 - t0)
            audits.append(t2 - t1)
            pages.append(uuids)
            since = page["next"]
            if not page["more"]:
                break
        print(f"feed page of 500 read (median / p95 ms): {ms(reads)}  ({len(reads)} pages)")
        print(f"its access-log row, own transaction (median / p95 ms): {ms(audits)}")
        for _ in range(args.workstations - 1):  # the other workstations' first downloads
            with db.transaction() as s:
                for uuids in pages:
                    access.record_export(s, user, uuids, "GET /api/v1/requests/changes")
        with db.transaction() as s:
            for n in range(0, args.requests, 7):
                access.record(s, user, str(uuid.UUID(int=n + 1)), "read", "GET …")
        lookups = []
        rng = random.Random(3)
        for _ in range(20):
            key = str(uuid.UUID(int=rng.randint(1, args.requests)))
            t0 = time.perf_counter()
            with db.transaction(read_only=True) as s:
                found = access.entries(s, access.LogQuery(request_uuid=key))
            lookups.append(time.perf_counter() - t0)
            assert len(found) >= args.workstations
        rows = args.workstations * len(pages) + len(range(0, args.requests, 7))
        print(
            f"log of one request among {rows} rows ({args.workstations} workstations' downloads):"
            f" {ms(lookups)} ms (median / p95)"
        )
        t0 = time.perf_counter()
        outcome = retention.run(db, days=730, now=NOW)
        took = time.perf_counter() - t0
        print(
            f"retention: {outcome.requests} requests, {outcome.events} events anonymised in "
            f"{took:.1f} s ({outcome.requests / took:.0f} requests/s)"
        )
        db.dispose()
    print("load average:", Path("/proc/loadavg").read_text().split()[:3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
