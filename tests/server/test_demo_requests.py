"""The demo city's five weeks of requests: what a supervisor must find in them, created once."""

import datetime as dt
from collections import Counter

from sqlalchemy import func, select

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.vocabulary import CHANNELS, NATURES, OPEN_STATUSES
from pac_sac_desktop.server import cli, demo_requests
from pac_sac_desktop.server import db as dbmod
from pac_sac_desktop.server.models import Change, Request, RequestEvent
from pac_sac_desktop.server.taxonomy import service as taxonomy

NOW = dt.datetime(2026, 12, 4, 15, 0, tzinfo=dt.UTC)


def _generate(server_db):
    with server_db.transaction() as session:
        taxonomy.load_file(session, resources_dir() / "taxonomy.yaml")
        return demo_requests.generate(session, now=NOW)


def test_demo_requests_fill_every_queue_a_supervisor_reads(server_db):
    summary = _generate(server_db)
    assert summary.requests == 300 and not summary.already
    with server_db.transaction() as session:
        rows = list(session.scalars(select(Request)))
        events = list(session.scalars(select(RequestEvent)))
        feed_entries = session.scalar(
            select(func.count()).select_from(Change).where(Change.feed == "requests")
        )
    assert len(rows) == 300 and feed_entries == 300
    assert len(events) == summary.events
    assert set(Counter(r.nature for r in rows)) == set(NATURES)
    assert set(Counter(r.channel for r in rows)) == set(CHANNELS)
    assert all(NOW - demo_requests.SPAN - dt.timedelta(days=1) < r.created_at < NOW for r in rows)
    assert all(r.department for r in rows)
    assert sum(r.district is not None for r in rows) > 200

    open_rows = [r for r in rows if r.status in OPEN_STATUSES]
    overdue = [r for r in open_rows if r.due_at is not None and r.due_at < NOW]
    assert len(overdue) >= 5
    awaiting = [r for r in open_rows if r.nature == "complaint" and r.first_followup_at is None]
    late = [r for r in awaiting if r.followup_due_at < NOW]
    assert len(late) >= 3 and len(awaiting) - len(late) >= 3

    closed = [r for r in rows if r.status == "closed" and r.merged_into is None]
    assert len(closed) > 100 and all(r.resolution and r.closed_at for r in closed)
    assert 20 < sum(r.satisfaction is not None for r in rows) < len(closed)
    assert sum(r.assigned_to is not None for r in open_rows) >= 5
    assert sum(r.merged_into is not None for r in rows) == 1

    streets = StreetIndex.load(resources_dir() / "streets.yaml")
    councillors = {d.councillor for d in streets.districts.values()}
    repeats = [r for r in rows if r.meeting == "to_schedule"]
    assert len(repeats) == 2
    by_uuid = {r.uuid: r for r in rows}
    for second in repeats:
        [meeting] = [e for e in events if e.request_uuid == second.uuid and e.kind == "meeting"]
        assert meeting.data["councillor"] in councillors
        assert meeting.data["district"] == second.district
        first = by_uuid[meeting.data["earlier"]]
        assert first.nature == second.nature == "complaint"
        assert first.category == second.category
        assert first.payload["citizen"]["phone"] == second.payload["citizen"]["phone"]
        assert first.created_at < second.created_at
    assert len({r.district for r in repeats}) == 2

    again = _generate(server_db)
    assert again.already and again.requests == 0
    with server_db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Request)) == 300


def test_init_demo_twice_creates_the_requests_once(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert cli.main(["init", "--db", url, "--demo"]) == 0
    assert "Requêtes de démonstration : 300 créée(s)" in capsys.readouterr().out
    assert cli.main(["init", "--db", url, "--demo"]) == 0
    assert "Requêtes de démonstration : déjà présentes." in capsys.readouterr().out
    server_db = dbmod.ServerDB(url)
    with server_db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Request)) == 300
    server_db.dispose()
