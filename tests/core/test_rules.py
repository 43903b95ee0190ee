"""Capture rules on tables of cases (no window, no database)."""

import datetime as dt

import pytest

from pac_sac_desktop.core.rules import (
    CitizenKey,
    PastRequest,
    caller_history,
    is_repeat_complaint,
    possible_duplicates,
)

NOW = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)
LUCIE = CitizenKey(
    phone="4505550199", email="lucie@exemple.ca", name="lucie gagnon", address="120 rue principale"
)


def past(**kw):
    base = dict(
        uuid="u1",
        label="2026-000001",
        nature="complaint",
        category="nid-de-poule",
        status="received",
        created_at=NOW - dt.timedelta(days=10),
        closed_at=None,
        citizen=LUCIE,
        address="120 rue principale",
        segment="rue principale#1",
    )
    base.update(kw)
    return PastRequest(**base)


@pytest.mark.parametrize(
    ("case", "citizen", "earlier", "nature", "expected"),
    [
        ("same phone, open complaint", CitizenKey(phone="4505550199"), past(), "complaint", True),
        ("phone with an extension", CitizenKey(phone="4505550199x12"), past(), "complaint", True),
        ("same e-mail", CitizenKey(email="lucie@exemple.ca"), past(), "complaint", True),
        (
            "same name and address",
            CitizenKey(name="lucie gagnon", address="120 rue principale"),
            past(),
            "complaint",
            True,
        ),
        (
            "same name, other address",
            CitizenKey(name="lucie gagnon", address="9 rue du parc"),
            past(),
            "complaint",
            False,
        ),
        ("another citizen", CitizenKey(phone="5145550000"), past(), "complaint", False),
        ("anonymous", CitizenKey(), past(), "complaint", False),
        ("new one is a request", CitizenKey(phone="4505550199"), past(), "request", False),
        (
            "earlier one was a request",
            CitizenKey(phone="4505550199"),
            past(nature="request"),
            "complaint",
            False,
        ),
        (
            "other category",
            CitizenKey(phone="4505550199"),
            past(category="graffiti-domaine-public"),
            "complaint",
            False,
        ),
        (
            "11 months ago",
            CitizenKey(phone="4505550199"),
            past(created_at=NOW - dt.timedelta(days=335)),
            "complaint",
            True,
        ),
        (
            "13 months ago",
            CitizenKey(phone="4505550199"),
            past(created_at=NOW - dt.timedelta(days=400)),
            "complaint",
            False,
        ),
        (
            "closed 10 days ago",
            CitizenKey(phone="4505550199"),
            past(status="closed", closed_at=NOW - dt.timedelta(days=10)),
            "complaint",
            True,
        ),
        (
            "closed 45 days ago",
            CitizenKey(phone="4505550199"),
            past(status="closed", closed_at=NOW - dt.timedelta(days=45)),
            "complaint",
            False,
        ),
        (
            "resolved 30 days ago exactly",
            CitizenKey(phone="4505550199"),
            past(status="resolved", closed_at=NOW - dt.timedelta(days=30)),
            "complaint",
            True,
        ),
    ],
)
def test_repeat_complaint(case, citizen, earlier, nature, expected):
    assert (
        is_repeat_complaint(
            nature=nature, category="nid-de-poule", citizen=citizen, past=earlier, now=NOW
        )
        is expected
    ), case


@pytest.mark.parametrize(
    ("case", "candidate", "expected"),
    [
        ("same address, open, recent", past(nature="request"), True),
        ("same segment, other number", past(address="150 rue principale"), True),
        (
            "other segment of the street",
            past(address="900 rue principale", segment="rue principale#2"),
            False,
        ),
        ("other category", past(category="collecte-manquee"), False),
        ("resolved", past(status="resolved"), False),
        ("40 days old", past(created_at=NOW - dt.timedelta(days=40)), False),
    ],
)
def test_possible_duplicates(case, candidate, expected):
    found = possible_duplicates(
        category="nid-de-poule",
        address="120 rue principale",
        segment="rue principale#1",
        candidates=[candidate],
        now=NOW,
    )
    assert bool(found) is expected, case


def test_duplicates_at_the_same_address_come_first():
    near = past(uuid="a", address="150 rue principale", created_at=NOW - dt.timedelta(days=1))
    same = past(uuid="b", created_at=NOW - dt.timedelta(days=5))
    found = possible_duplicates(
        category="nid-de-poule",
        address="120 rue principale",
        segment="rue principale#1",
        candidates=[near, same],
        now=NOW,
    )
    assert [p.uuid for p in found] == ["b", "a"]


def test_caller_history_is_newest_first_and_only_the_citizen():
    older = past(uuid="old", created_at=NOW - dt.timedelta(days=50))
    newer = past(uuid="new", created_at=NOW - dt.timedelta(days=2))
    other = past(uuid="x", citizen=CitizenKey(phone="5145550000"))
    assert [p.uuid for p in caller_history(citizen=LUCIE, history=[older, other, newer])] == [
        "new",
        "old",
    ]
    assert caller_history(citizen=CitizenKey(), history=[older]) == []
