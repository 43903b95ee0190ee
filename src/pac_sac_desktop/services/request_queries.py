"""Finding and reading requests on the workstation, offline: search by what the citizen says
on the phone ("j'ai appelé mardi, c'est rendu où?"), the clerk's own lists, one request's
detail with its history, and the supervisor's queues, paged.

Everything reads local SQLite through indexed queries (``store.requests_repo``): a prefix of a
name, a phone number or a reference is a range scan of one key index, a queue is a partial
index read in its own order. Rows become typed :class:`RequestSummary` objects once, here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.events import Event, RequestState, server_order
from pac_sac_desktop.core.privacy import has_personal_data
from pac_sac_desktop.core.requests import (
    RequestDraft,
    normalize_name,
    normalize_phone,
    valid_email,
)
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.models import RequestRow

_REFERENCE = re.compile(r"^\s*(\d{4})-(\d{1,6})\s*$")
_PROVISIONAL = re.compile(r"^\s*p-[0-9a-f]{0,4}(?:-\d{0,6})?\s*$", re.I)


@dataclass(frozen=True)
class RequestSummary:
    """One line of a list or a queue."""

    uuid: str
    label: str  # the final reference once synced, else the provisional number
    number: str
    reference: str | None
    nature: str
    category: str
    category_label: str
    department: str
    district: int | None
    district_name: str
    status: str
    sync_state: str
    sync_error: str
    citizen_name: str
    place: str
    created_at: dt.datetime
    created_by: str
    due_at: dt.datetime | None
    followup_due_at: dt.datetime | None
    first_followup_at: dt.datetime | None
    assigned_to: str | None
    meeting: str | None
    flags: tuple[str, ...]

    @property
    def aliases(self) -> list[str]:
        """The provisional number stays a name of the request after the reference arrives."""
        return [self.number] if self.reference and self.number != self.reference else []

    def to_wire(self) -> dict:
        out = {k: v for k, v in self.__dict__.items()}
        for key, value in out.items():
            if isinstance(value, dt.datetime):
                out[key] = value.isoformat()
        out["flags"] = list(self.flags)
        out["aliases"] = self.aliases
        return out


@dataclass(frozen=True)
class RequestDetail:
    summary: RequestSummary
    draft: RequestDraft
    events: list[Event]  # server order, then this workstation's pending ones
    state: RequestState
    aliases: list[str]

    @property
    def shows_personal_data(self) -> bool:
        """A citizen's name, phone, e-mail or address is on screen (Quebec Law 25's log)."""
        return has_personal_data(self.draft.to_wire(), [e.data for e in self.events])

    def to_wire(self) -> dict:
        return {
            **self.summary.to_wire(),
            "request": self.draft.to_wire(),
            "resolution": self.state.resolution,
            "satisfaction": self.state.satisfaction,
            "merged_into": self.state.merged_into,
            "meeting_at": self.state.meeting_at.isoformat() if self.state.meeting_at else None,
            "closed_at": self.state.closed_at.isoformat() if self.state.closed_at else None,
            "events": [
                {
                    "uuid": e.uuid,
                    "kind": str(e.kind),
                    "data": dict(e.data),
                    "author": e.author,
                    "created_at": e.created_at.isoformat(),
                    "received_at": e.received_at.isoformat() if e.received_at else None,
                    "summary": e.summary(),
                }
                for e in self.events
            ],
        }


@dataclass(frozen=True)
class QueuePage:
    rows: list[RequestSummary]
    total: int


def summaries(
    session: Session, rows: list[RequestRow], streets: StreetIndex
) -> list[RequestSummary]:
    labels = repo.category_labels(session)
    return [_summary(r, labels, streets) for r in rows]


def _summary(row: RequestRow, labels: dict[str, str], streets: StreetIndex) -> RequestSummary:
    district = streets.districts.get(row.district) if row.district is not None else None
    return RequestSummary(
        uuid=row.uuid,
        label=row.reference or row.number,
        number=row.number,
        reference=row.reference,
        nature=row.nature,
        category=row.category,
        category_label=labels.get(row.category, row.category),
        department=row.department,
        district=row.district,
        district_name=district.name if district else "",
        status=row.status,
        sync_state=row.sync_state,
        sync_error=row.sync_error,
        citizen_name=row.citizen_name,
        place=row.place,
        created_at=row.created_at,
        created_by=row.created_by,
        due_at=row.due_at,
        followup_due_at=row.followup_due_at,
        first_followup_at=row.first_followup_at,
        assigned_to=row.assigned_to,
        meeting=row.meeting,
        flags=tuple(row.flags or ()),
    )


def search_terms(text: str) -> list[tuple[str, bool]]:
    """What was typed, as keys of the index: (key, is a prefix)."""
    text = text.strip()
    if not text:
        return []
    if "@" in text and valid_email(text):
        return [(text.lower(), False)]
    reference = _REFERENCE.match(text)
    if reference:
        return [(f"{reference.group(1)}-{int(reference.group(2)):06d}", False)]
    if _PROVISIONAL.match(text):
        return [(text.lower(), True)]
    phone = normalize_phone(text)
    if phone:
        return [(phone.split("x")[0], False)]
    digits = re.sub(r"[\s.()-]", "", text)
    if digits.isdigit() and len(digits) == 7:  # a number without its area code
        return [(digits, False)]
    if digits.isdigit() and len(digits) == 10:
        return [(digits, False)]
    words = [w for w in normalize_name(text).split() if w not in repo.ADDRESS_WORDS]
    return [(w.lstrip("0") or w, True) if w.isdigit() else (w, True) for w in words]


def find(
    session: Session, text: str, streets: StreetIndex, *, limit: int = 50
) -> list[RequestSummary]:
    rows = repo.find_requests(session, search_terms(text), limit)
    return summaries(session, rows, streets)


def detail(session: Session, ref_or_uuid: str, streets: StreetIndex) -> RequestDetail:
    row = repo.by_label(session, ref_or_uuid)
    if row is None:
        raise KeyError(ref_or_uuid)
    summary = summaries(session, [row], streets)[0]
    events = server_order(Event.from_row(e) for e in repo.events_of(session, row.uuid))
    try:
        draft = RequestDraft.from_wire(row.payload or {})
    except ValidationFailed:  # an old or foreign payload: show what the columns know
        draft = RequestDraft(nature=row.nature, category=row.category, channel=row.channel)
    state = RequestState(
        status=row.status,
        assigned_to=row.assigned_to,
        first_followup_at=row.first_followup_at,
        meeting=row.meeting,
        meeting_at=next(
            (
                dt.datetime.fromisoformat(e.data["date"])
                for e in reversed(events)
                if e.kind == "meeting" and e.data.get("date")
            ),
            None,
        ),
        merged_into=row.merged_into,
        satisfaction=row.satisfaction,
        closed_at=row.closed_at,
        resolution=row.resolution,
    )
    return RequestDetail(summary, draft, events, state, summary.aliases)


def queue(session: Session, query: repo.QueueQuery, streets: StreetIndex) -> QueuePage:
    if query.name not in repo.QUEUES:
        raise ValidationFailed(
            {"queue": f"file inconnue : {query.name} (choix : {', '.join(repo.QUEUES)})"},
            "File de travail inconnue.",
        )
    rows, total = repo.queue_page(session, query)
    return QueuePage(summaries(session, rows, streets), total)
