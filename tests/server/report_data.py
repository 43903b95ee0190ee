"""A small fixed data set whose report figures are computed by hand in test_reports.py."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib

from pac_sac_desktop.server.models import Request, RequestEvent

T0 = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


def _at(day: int, hour: int = 14) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=dt.UTC)


def _request(n, nature, category, channel, created, *, status="received", fcr=False, address=""):
    payload = {
        "nature": nature,
        "category": category,
        "channel": channel,
        "description": f"Situation décrite par le citoyen numéro {n}.",
        "answers": {},
        "kb_articles": [],
        "resolved_first_contact": fcr,
        "citizen": {
            "first_name": "Louise",
            "last_name": f"Gagnon{n}",
            "phone": "4505550311",
            "email": f"louise{n}@exemple.ca",
            "contact": "email",
        },
    }
    if address:
        payload["location"] = {"address": address}
    from pac_sac_desktop.core.requests import normalize_address

    return Request(
        uuid=str(uuidlib.UUID(int=n)),
        reference=f"2026-{n:06d}",
        payload=payload,
        payload_hash="x" * 64,
        nature=nature,
        category=category,
        channel=channel,
        status=status,
        address_key=normalize_address(address),
        created_at=created,
        received_at=created,
        updated_at=created,
        created_by="agent",
    )


def _event(n, request, kind, data, at):
    return RequestEvent(
        uuid=str(uuidlib.UUID(int=1000 + n)),
        request_uuid=request.uuid,
        kind=kind,
        data=data,
        data_hash="y" * 64,
        author="superviseur",
        created_at=at,
        received_at=at,
    )


def load(session) -> None:
    r1 = _request(
        1,
        "complaint",
        "nid-de-poule",
        "phone",
        _at(2),
        status="closed",
        address="120, rue Principale",
    )
    r2 = _request(2, "complaint", "collecte-manquee", "counter", _at(3), status="resolved")
    r3 = _request(3, "complaint", "nid-de-poule", "email", _at(10), address="500, rue Principale")
    r4 = _request(4, "complaint", "nid-de-poule", "web", _at(20))
    r5 = _request(5, "request", "collecte-manquee", "phone", _at(5), status="closed", fcr=True)
    r6 = _request(6, "information", "nid-de-poule", "phone", _at(6), status="closed", fcr=True)
    r7 = _request(7, "request", "nid-de-poule", "mobile", _at(15), status="closed")
    # Outside the period (local dates): 1 April 10 h, and 28 February 23 h in Montréal.
    r8 = _request(
        8, "complaint", "nid-de-poule", "phone", dt.datetime(2026, 4, 1, 14, tzinfo=dt.UTC)
    )
    r9 = _request(
        9, "complaint", "nid-de-poule", "phone", dt.datetime(2026, 3, 1, 4, tzinfo=dt.UTC)
    )
    session.add_all([r1, r2, r3, r4, r5, r6, r7, r8, r9])
    session.flush()
    events = [
        _event(
            1,
            r1,
            "followup",
            {"outcome": "reached", "text": "Citoyen joint."},
            r1.created_at + 2 * H,
        ),
        _event(2, r1, "meeting", {"status": "to_schedule"}, r1.created_at + 3 * H),
        _event(3, r1, "close", {"resolution": "Nid-de-poule colmaté."}, r1.created_at + 48 * H),
        _event(4, r1, "satisfaction", {"score": 4, "source": "phone"}, r1.created_at + 50 * H),
        _event(5, r1, "satisfaction", {"score": 5, "source": "link"}, r1.created_at + 51 * H),
        _event(
            6,
            r2,
            "followup",
            {"outcome": "message", "text": "Message laissé."},
            r2.created_at + 30 * H,
        ),
        _event(7, r2, "status", {"status": "resolved"}, r2.created_at + 30 * H),
        _event(
            8,
            r2,
            "meeting",
            {"status": "held", "outcome": "Horaire de collecte revu."},
            r2.created_at + 40 * H,
        ),
        _event(9, r2, "satisfaction", {"score": 2, "source": "link"}, r2.created_at + 41 * H),
        _event(
            10,
            r3,
            "followup",
            {"outcome": "reached", "text": "Équipe en route."},
            r3.created_at + 10 * H,
        ),
        _event(11, r3, "status", {"status": "in_progress"}, r3.created_at + 11 * H),
        _event(12, r7, "close", {"resolution": "Réparé."}, r7.created_at + 100 * H),
        _event(
            13,
            r8,
            "followup",
            {"outcome": "reached", "text": "Hors période."},
            r8.created_at + 1 * H,
        ),
    ]
    session.add_all(events)
