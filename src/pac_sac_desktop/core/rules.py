"""Rules applied while an agent captures a request, tested without a window.

- **Repeat complaint** (the V.I.P. policy): a complaint from the same citizen (same phone, same
  e-mail, or same name at the same address), in the same category, within 12 months, whose
  earlier complaint is still open or was closed at most 30 days ago, requires a meeting with the
  district councillor and a city official.
- **Possible duplicates**: open requests of the same category at the same address or on the
  same street segment in the last 30 days; the agent may attach the citizen to one of them.
- **Caller history**: the citizen's earlier requests, newest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pac_sac_desktop.core.requests import OPEN_STATUSES, CitizenKey

REPEAT_WINDOW = dt.timedelta(days=365)
CLOSED_GRACE = dt.timedelta(days=30)
DUPLICATE_WINDOW = dt.timedelta(days=30)
MEETING_REQUIRED = "meeting_required"
POSSIBLE_DUPLICATE = "possible_duplicate"


@dataclass(frozen=True)
class PastRequest:
    uuid: str
    label: str  # reference, or provisional number until synced
    nature: str
    category: str
    status: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    citizen: CitizenKey
    address: str
    segment: str


def is_repeat_complaint(
    *, nature: str, category: str, citizen: CitizenKey, past: PastRequest, now: dt.datetime
) -> bool:
    if nature != "complaint" or past.nature != "complaint" or past.category != category:
        return False
    if citizen.empty or not citizen.matches(past.citizen):
        return False
    if now - past.created_at > REPEAT_WINDOW:
        return False
    if past.status in OPEN_STATUSES:
        return True
    return past.closed_at is not None and now - past.closed_at <= CLOSED_GRACE


def repeat_complaints(
    *, nature: str, category: str, citizen: CitizenKey, history: list[PastRequest], now: dt.datetime
) -> list[PastRequest]:
    return [
        p
        for p in history
        if is_repeat_complaint(nature=nature, category=category, citizen=citizen, past=p, now=now)
    ]


def possible_duplicates(
    *, category: str, address: str, segment: str, candidates: list[PastRequest], now: dt.datetime
) -> list[PastRequest]:
    """Same category, open, recent, same address or same street segment; nearest first."""
    found = [
        p
        for p in candidates
        if p.category == category
        and p.status in OPEN_STATUSES
        and now - p.created_at <= DUPLICATE_WINDOW
        and ((address and p.address == address) or (segment and p.segment == segment))
    ]
    return sorted(found, key=lambda p: (p.address != address, -p.created_at.timestamp()))


def caller_history(*, citizen: CitizenKey, history: list[PastRequest]) -> list[PastRequest]:
    if citizen.empty:
        return []
    return sorted(
        (p for p in history if citizen.matches(p.citizen)), key=lambda p: p.created_at, reverse=True
    )


def open_same_subject(*, category: str, history: list[PastRequest]) -> list[PastRequest]:
    """The caller's open requests in this category, whatever their nature: calling again about
    them is what the V.I.P. policy calls a second complaint."""
    if not category:
        return []
    return [p for p in history if p.category == category and p.status in OPEN_STATUSES]
