"""The demo year: seasonal, every nature and channel, repeat complaints, meetings, satisfaction."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.server.models import Request, RequestEvent
from pac_sac_desktop.server.reports import demo_year, service
from pac_sac_desktop.server.reports.schemas import parse_query
from pac_sac_desktop.server.taxonomy import service as taxonomy


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_a_seasonal_year(server_db):
    with server_db.transaction() as session:
        taxonomy.load_file(session, resources_dir() / "taxonomy.yaml")
        summary = demo_year.generate(session, end=dt.date(2026, 12, 1), per_day=3)
    assert summary.requests > 700 and summary.events > summary.requests
    with server_db.transaction() as session:
        rows = session.scalars(select(Request).order_by(Request.created_at)).all()
        kinds = Counter(e.kind for e in session.scalars(select(RequestEvent)))
        report = service.compute(session, parse_query({"from": "2025-12-01", "to": "2026-11-30"}))
    assert {r.nature for r in rows} == {"request", "complaint", "information", "comment"}
    assert {r.channel for r in rows} == {"counter", "phone", "email", "web", "mobile"}
    by_month = Counter((r.created_at.month, r.category) for r in rows)
    assert by_month[(1, "rue-non-deneigee")] > by_month[(7, "rue-non-deneigee")] == 0
    assert by_month[(4, "nid-de-poule")] > by_month[(1, "nid-de-poule")]
    assert sum(v for (m, c), v in by_month.items() if c == "collecte-manquee" and m in (1, 7)) > 0
    # References follow the moments of receipt, year by year.
    assert rows[0].reference.startswith("2025-") and rows[-1].reference.startswith("2026-")
    assert rows[0].received_at.date() == rows[0].created_at.date()
    assert kinds["followup"] and kinds["close"] and kinds["satisfaction"] and kinds["meeting"]
    r = report
    assert r["counts"]["total"] == len(rows)
    assert 0.6 < r["complaints"]["followed_up_within_24h_rate"] < 0.95
    assert r["repeat_complaints"]["meetings_held"] > 0
    assert 3.3 < r["satisfaction"]["mean"] < 4.5 and r["satisfaction"]["response_rate"] > 0.1
    assert 0.1 < r["first_contact"]["rate"] < 0.5
    assert len(r["counts"]["by_month"]) == 12


def test_init_demo_writes_the_year_once(tmp_path, monkeypatch, capsys):
    from pac_sac_desktop.server.cli import main as server_main

    monkeypatch.setenv("PAC_SAC_DEMO_YEAR", "0.3")
    monkeypatch.setenv("PAC_SAC_HOME", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert server_main(["init", "--db", url, "--demo"]) == 0
    assert "sur un an" in capsys.readouterr().out
    assert server_main(["init", "--db", url, "--demo"]) == 0
    assert "sur un an" not in capsys.readouterr().out  # the year is written once


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_the_recent_weeks_of_the_demo_count_toward_the_year(server_db):
    """``init --demo`` writes the recent weeks of requests, then the year: a day the recent demo
    already fills gets nothing more, else the report's last months would double."""
    from pac_sac_desktop.server import demo_requests
    from pac_sac_desktop.server.types import utcnow

    with server_db.transaction() as session:
        taxonomy.load_file(session, resources_dir() / "taxonomy.yaml")
        demo_requests.generate(session, now=utcnow())
        recent = {r.uuid for r in session.scalars(select(Request))}
        demo_year.generate(session, per_day=1)
        rows = session.scalars(select(Request)).all()

    def day(r: Request) -> dt.date:
        return r.created_at.replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ).date()

    demo_per_day = Counter(day(r) for r in rows if r.uuid in recent)
    year_per_day = Counter(day(r) for r in rows if r.uuid not in recent)
    full_days = [d for d, n in demo_per_day.items() if n >= 7]
    assert len(full_days) >= 5 and sum(year_per_day.values()) > 250
    assert [year_per_day[d] for d in full_days] == [0] * len(full_days)
