"""Personal data of requests under Quebec's Law 25: what is kept after the retention period.

One definition, run by the server's retention job and by the workstation's purge of its local
copies, so both sides blank the same things. The rule is an allow-list: what the statistics need
(nature, category, channel, dates, statuses, the choices answered, satisfaction scores, the
street and district) stays; everything else of the citizen goes, and free text, which may name
anyone, is replaced by one French sentence. A field this module does not know is dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.taxonomy import Category

#: Two years after a request is closed (docs/privacy.md says why).
DEFAULT_RETENTION_DAYS = 730
REMOVED = "Renseignements retirés à l'échéance du délai de conservation."
_CIVIC = re.compile(r"^\s*\d+[a-zA-Z]?\s*(?:[-,]\s*\d*\s*)?,?\s*")

#: Payload keys kept as they are: statistics, never the citizen.
_PAYLOAD_KEPT = (
    "nature",
    "category",
    "channel",
    "kb_articles",
    "resolved_first_contact",
    "created_at",
    "number",
    "flags",
)
#: Per event kind, the data keys kept; the free-text ones are replaced by REMOVED when set.
_EVENT_KEPT: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "assignment": ("to", "kind"),
    "note": (),
    "caller": (),
    "followup": ("outcome", "at"),
    "meeting": ("status", "date", "councillor", "official", "district", "district_name", "earlier"),
    "close": (),
    "satisfaction": ("score", "source"),
    "merge": ("into",),
    "unmerge": (),
}
_EVENT_TEXT: dict[str, tuple[str, ...]] = {
    "status": ("text",),
    "note": ("text",),
    "caller": ("text",),
    "followup": ("text",),
    "meeting": ("outcome", "reason"),
    "close": ("resolution",),
    "satisfaction": ("comment",),
    "unmerge": ("text",),
}


class Action(StrEnum):
    """What an access log entry records: personal data shown, changed, or copied out."""

    READ = "read"
    CHANGE = "change"
    EXPORT = "export"


@dataclass(frozen=True)
class Viewer:
    """Who is looking at a request's detail on a workstation (for the access log)."""

    username: str
    role: str


def retention_days() -> int:
    """``PAC_SAC_RETENTION_DAYS`` (days after closure), default two years; at least one day."""
    raw = os.environ.get("PAC_SAC_RETENTION_DAYS", "")
    try:
        days = int(raw) if raw.strip() else DEFAULT_RETENTION_DAYS
    except ValueError:
        days = DEFAULT_RETENTION_DAYS
    return max(days, 1)


def street_only(address: str) -> str:
    """'120, rue Principale' -> 'rue Principale': the street without the civic number."""
    return _CIVIC.sub("", address or "", count=1).strip()


def general_address_key(address_key: str, streets: StreetIndex) -> str:
    """The normalised address generalised to its street segment: the civic number becomes the
    first number of its segment, so the street index still finds the same district (the reports
    group by it) while the house is no longer named. Unknown streets keep the street only."""
    place = streets.locate(address_key) if address_key else None
    if place is None:
        return ""
    segments = streets.streets.get(place.street) or []
    _street, _sep, index = place.segment.partition("#")
    if index.isdigit() and 0 < int(index) <= len(segments):
        return f"{segments[int(index) - 1][0]} {place.street}"
    return place.street


@dataclass(frozen=True)
class Choices:
    """The category's closed questions: answers among their choices are statistics, kept."""

    by_question: Mapping[str, frozenset[str]]

    @classmethod
    def none(cls) -> Choices:
        return cls({})

    @classmethod
    def of(cls, category: Category | None) -> Choices:
        if category is None:
            return cls.none()
        return cls(
            {
                q.code: frozenset(q.choices if q.type == "choice" else ("oui", "non", "yes", "no"))
                for q in category.questions
                if q.type in ("choice", "yes_no")
            }
        )

    def keeps(self, code: str, value: Any) -> bool:
        if value is None or isinstance(value, bool | int | float):
            return True
        return isinstance(value, str) and value in self.by_question.get(code, frozenset())


def anonymised_payload(payload: Mapping[str, Any], choices: Choices) -> dict[str, Any]:
    """The request as captured, without its citizen: see the module's docstring."""
    out: dict[str, Any] = {k: payload[k] for k in _PAYLOAD_KEPT if k in payload}
    if payload.get("description"):
        out["description"] = REMOVED
    answers = payload.get("answers")
    if isinstance(answers, Mapping):
        out["answers"] = {k: v for k, v in answers.items() if choices.keeps(str(k), v)}
    citizen = payload.get("citizen")
    if isinstance(citizen, Mapping):
        out["citizen"] = {"contact": str(citizen.get("contact") or "none")}
    location = payload.get("location")
    if isinstance(location, Mapping):
        place: dict[str, Any] = {}
        street = street_only(str(location.get("address") or ""))
        if street:
            place["address"] = street
        for key in ("lat", "lon"):
            value = location.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                place[key] = round(float(value), 3)  # about 100 m, as the open data
        if place:
            out["location"] = place
    return out


def anonymised_event(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """An event's data without what may name someone (its kind and effect on the state stay)."""
    out = {k: data[k] for k in _EVENT_KEPT.get(kind, ()) if k in data}
    for key in _EVENT_TEXT.get(kind, ()):
        if data.get(key):
            out[key] = REMOVED
    return out


def has_personal_data(payload: Mapping[str, Any], events: list[Mapping[str, Any]]) -> bool:
    """Does this request show a citizen's name, phone, e-mail or address (the detail's test
    for recording a consultation)?"""
    citizen = payload.get("citizen")
    if isinstance(citizen, Mapping) and any(
        citizen.get(k) for k in ("first_name", "last_name", "phone", "email", "address")
    ):
        return True
    return any(isinstance(d.get("citizen"), Mapping) and d["citizen"] for d in events)
