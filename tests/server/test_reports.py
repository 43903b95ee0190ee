"""Report figures against hand-computed expectations, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.server.reports import service
from pac_sac_desktop.server.reports.schemas import parse_query
from tests.server import report_data

MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


@pytest.fixture()
def loaded(server_db):
    with server_db.transaction() as session:
        report_data.load(session)
    return server_db


def _report(db, **extra):
    with db.transaction() as session:
        return service.compute(session, parse_query({**MARCH, **extra}))


def test_figures_by_hand(loaded):
    r = _report(loaded)
    c = r["counts"]
    assert c["total"] == 7
    assert c["by_nature"] == {"request": 2, "complaint": 4, "information": 1, "comment": 0}
    assert c["by_channel"] == {"counter": 1, "phone": 3, "email": 1, "web": 1, "mobile": 1}
    assert c["by_department"] == {"Environnement": 2, "Travaux publics": 5}
    assert c["by_month"] == [{"month": "2026-03", "total": 7}]
    assert c["by_category"]["nid-de-poule"] == {"label": "Nid-de-poule", "total": 5}
    assert c["by_district"] == {"1": 1, "2": 1, "inconnu": 5}
    k = r["complaints"]
    assert (k["total"], k["followed_up"], k["followed_up_within_24h"]) == (4, 3, 2)
    assert k["followed_up_within_24h_rate"] == 0.5
    # first follow-ups 2 h, 10 h, 30 h: median 10, p90 = 10 + 0.8 x 20
    assert k["first_followup_hours"] == {"median": 10.0, "p90": 26.0}
    d = r["deadlines"]
    assert (d["with_deadline"], d["resolved_within_deadline"], d["resolved"]) == (6, 2, 5)
    assert d["resolved_within_deadline_rate"] == 0.3333
    # resolutions 30 h, 48 h, 100 h (first-contact ones left out): median 48, p90 = 48 + 0.8 x 52
    assert d["resolution_hours"] == {"median": 48.0, "p90": 89.6}
    assert r["first_contact"] == {"resolved": 2, "rate": 0.2857}
    assert r["repeat_complaints"] == {"total": 2, "meetings_held": 1}
    s = r["satisfaction"]
    assert s["responses"] == 2 and s["eligible"] == 5 and s["response_rate"] == 0.4
    assert s["mean"] == 3.5
    assert s["distribution"] == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}


def test_filters(loaded):
    assert _report(loaded, department="Environnement")["counts"]["total"] == 2
    assert _report(loaded, category="nid-de-poule")["counts"]["total"] == 5
    assert _report(loaded, channel="phone")["counts"]["total"] == 3
    only = _report(loaded, nature="complaint")
    assert only["counts"]["total"] == 4 and only["first_contact"]["rate"] == 0
    assert _report(loaded, district=1)["counts"]["total"] == 1
    assert _report(loaded, district=8)["counts"]["total"] == 0
    empty = _report(loaded, district=8)
    assert empty["satisfaction"]["mean"] is None
    assert empty["complaints"]["first_followup_hours"] == {"median": None, "p90": None}


def test_period_is_on_the_citys_clock(loaded):
    with loaded.transaction() as session:
        april = service.compute(session, parse_query({"from": "2026-04-01", "to": "2026-04-30"}))
        feb = service.compute(session, parse_query({"from": "2026-02-28", "to": "2026-02-28"}))
    assert april["counts"]["total"] == 1 and feb["counts"]["total"] == 1


@pytest.mark.parametrize(
    "values",
    [
        {"from": "0001-01-01", "to": "2026-01-01"},
        {"from": "2026-01-01"},
        {"from": "abc", "to": "2026-01-01"},
        {"from": "2026-02-01", "to": "2026-01-01"},
        {"from": "2020-01-01", "to": "2026-01-01"},
        {**MARCH, "district": "99999999999999999999999"},
        {**MARCH, "district": "NaN"},
        {**MARCH, "nature": "x\x00"},
        {**MARCH, "department": "\ud800"},
        {**MARCH, "channel": "pigeon"},
        {**MARCH, "category": "x" * 500},
    ],
)
def test_hostile_query_is_refused_in_french(values):
    with pytest.raises(ValidationFailed) as info:
        parse_query(values)
    assert info.value.message == "Paramètres du rapport invalides."
    assert all(isinstance(m, str) and m for m in info.value.fields.values())


def test_route_permission_and_errors(loaded, client, as_user):
    url = "/api/v1/reports?from=2026-03-01&to=2026-03-31"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=as_user("agent")).status_code == 403
    ok = client.get(url, headers=as_user("superviseur"))
    assert ok.status_code == 200 and ok.json()["counts"]["total"] == 7
    for bad in (
        "from=0001-01-01&to=2026-03-31",
        "from=2026-03-01&to=2026-03-31&district=1e400",
        "from=2026-03-01&to=2026-03-31&nature=%00",
        "from=2026-03-01",
    ):
        r = client.get(f"/api/v1/reports?{bad}", headers=as_user("superviseur"))
        assert r.status_code == 422, (bad, r.text)
        assert r.json()["error"]["message"] == "Paramètres du rapport invalides."
    # A lone surrogate in the URL is decoded with a replacement character: a plain empty answer.
    r = client.get(f"{url}&department=%ED%A0%80", headers=as_user("superviseur"))
    assert r.status_code == 200 and r.json()["counts"]["total"] == 0


def test_generated_at_is_given(loaded):
    with loaded.transaction() as session:
        now = dt.datetime(2026, 4, 2, tzinfo=dt.UTC)
        r = service.compute(session, parse_query(MARCH), now=now)
    assert r["generated_at"] == now.isoformat() and r["version"] == 1


def test_the_cache_follows_new_history(loaded):
    from pac_sac_desktop.server.models import RequestEvent
    from pac_sac_desktop.server.reports import facts
    from pac_sac_desktop.server.types import utcnow

    assert _report(loaded)["satisfaction"]["responses"] == 2
    with loaded.transaction() as session:  # a late answer for R7, received now
        session.add(
            RequestEvent(
                uuid="00000000-0000-0000-0000-00000000aaaa",
                request_uuid=report_data._request(7, "request", "x", "phone", report_data.T0).uuid,
                kind="satisfaction",
                data={"score": 3, "source": "phone"},
                data_hash="z" * 64,
                author="agent",
                created_at=utcnow(),
                received_at=utcnow(),
            )
        )
    r = _report(loaded)
    assert r["satisfaction"]["responses"] == 3 and r["satisfaction"]["mean"] == 3.33
    with loaded.transaction() as session:
        assert facts.refresh(session) == 1  # within the overlap: recomputed again, harmlessly
        facts.invalidate(session)
        assert facts.refresh(session) == 9  # rebuilt: every request of the database
