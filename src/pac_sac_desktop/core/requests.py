"""Citizen requests: vocabulary, validation and deadlines, shared by the workstation and the server.

The same function validates a request typed at the counter, read from ``pac-sac requests add``
and received by the server, so a request accepted offline is never refused later for a rule
the workstation did not know. Messages are French, per field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pac_sac_desktop.core.attachments import MAX_PER_REQUEST, Attachment
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.events import EventKind
from pac_sac_desktop.core.taxonomy import (
    Category,
    Question,
    questions_from_data,
)
from pac_sac_desktop.core.vocabulary import (
    CHANNEL_LABELS,
    CHANNELS,
    CONTACTS,
    FINAL_STATUSES,
    NATURE_LABELS,
    NATURES,
    OPEN_STATUSES,
    STATUS_LABELS,
    STATUSES,
    Channel,
    Contact,
    Nature,
    Status,
    SyncState,
)

EVENT_KINDS = tuple(k.value for k in EventKind)

COMPLAINT_FIRST_FOLLOWUP = dt.timedelta(hours=24)
MAX_DESCRIPTION = 4000
MAX_NAME = 80
MAX_ADDRESS = 200
MAX_ANSWER = 1000

_PHONE = re.compile(
    r"^\s*(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-]?(\d{4})"
    r"(?:\s*,?\s*(?:poste|p\.|ext\.?|x|#)\s*(\d{1,6}))?\s*$",
    re.I,
)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[a-z]{2,}$", re.I)
_POSTAL = re.compile(
    r"^\s*([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s*-?\s*(\d[ABCEGHJ-NPRSTV-Z]\d)\s*$", re.I
)


def normalize_phone(value: str) -> str | None:
    """'(450) 555-0311 poste 12' -> '4505550311x12'; None when not a Canadian number."""
    match = _PHONE.match(value or "")
    if not match:
        return None
    number = "".join(match.group(i) for i in (1, 2, 3))
    return number + (f"x{match.group(4)}" if match.group(4) else "")


def format_phone(normalized: str) -> str:
    number, _, ext = normalized.partition("x")
    text = f"{number[:3]} {number[3:6]}-{number[6:]}"
    return f"{text}, poste {ext}" if ext else text


def normalize_postal_code(value: str) -> str | None:
    """'j7x1a1' -> 'J7X 1A1'; None when not a Canadian postal code."""
    match = _POSTAL.match(value or "")
    return f"{match.group(1)} {match.group(2)}".upper() if match else None


def valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value or "")) and ".." not in value


def normalize_name(value: str) -> str:
    """Case-, accent- and space-insensitive key for matching a citizen by name."""
    decomposed = unicodedata.normalize("NFD", value or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", plain.lower()))


def normalize_address(value: str) -> str:
    """Key for matching addresses: '120, Rue Principale' == '120 rue principale'."""
    return normalize_name(value)


def street_key(address: str) -> str:
    """'120, rue Principale' -> 'rue principale': the street without the civic number."""
    words = normalize_address(address).split()
    while words and words[0].isdigit():
        words.pop(0)
    return " ".join(words)


class _Check:
    """Collects French messages per field while a payload is read, so all show at once.

    Text is refused when it is not text, holds a NUL byte or a lone surrogate (PostgreSQL stores
    neither), or is longer than its column: the same rules on the workstation and the server.
    """

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def text(self, value: Any, name: str, limit: int) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(name, "texte attendu")
            return ""
        problem = text_problem(value)
        if problem:
            self.fail(name, problem)
            return ""
        value = value.strip()
        if len(value) > limit:
            self.fail(name, f"{limit} caractères au plus")
        return value

    def mapping(self, value: Any, name: str) -> Mapping[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.fail(name, "objet attendu")
            return {}
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors, "La requête contient des erreurs.")


def text_problem(value: str) -> str | None:
    """Why a text cannot be stored anywhere (NUL, lone surrogate), or None."""
    if "\x00" in value:
        return "caractère nul interdit"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "caractère invalide (encodage)"
    return None


@dataclass(frozen=True)
class CitizenKey:
    """How a citizen is recognised: normalised phone, e-mail, name + address (all normalised)."""

    phone: str = ""
    email: str = ""
    name: str = ""
    address: str = ""

    def matches(self, other: CitizenKey) -> bool:
        if self.phone and self.phone.split("x")[0] == other.phone.split("x")[0]:
            return True
        if self.email and self.email == other.email:
            return True
        return bool(
            self.name and self.address and self.name == other.name and self.address == other.address
        )

    @property
    def empty(self) -> bool:
        return not (self.phone or self.email or (self.name and self.address))


@dataclass(frozen=True)
class Citizen:
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    postal_code: str = ""
    contact: str = Contact.NONE

    @classmethod
    def parse(cls, data: Any, check: _Check) -> Citizen:
        item = check.mapping(data, "citizen")
        return cls(
            first_name=check.text(item.get("first_name"), "citizen.first_name", MAX_NAME),
            last_name=check.text(item.get("last_name"), "citizen.last_name", MAX_NAME),
            phone=check.text(item.get("phone"), "citizen.phone", 40),
            email=check.text(item.get("email"), "citizen.email", 200),
            address=check.text(item.get("address"), "citizen.address", MAX_ADDRESS),
            postal_code=check.text(item.get("postal_code"), "citizen.postal_code", 10),
            contact=check.text(item.get("contact"), "citizen.contact", 10) or Contact.NONE,
        )

    @property
    def name(self) -> str:
        return " ".join(filter(None, [self.first_name, self.last_name]))

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.first_name,
                self.last_name,
                self.phone,
                self.email,
                self.address,
                self.postal_code,
            )
        )

    def to_wire(self) -> dict[str, str]:
        out = {k: v for k, v in self.__dict__.items() if v and k != "contact"}
        out["contact"] = str(self.contact)
        return out

    def normalized(self, check: _Check) -> Citizen:
        phone, email, postal = self.phone, self.email, self.postal_code
        if phone:
            phone = normalize_phone(phone) or ""
            if not phone:
                check.fail(
                    "citizen.phone", "numéro de téléphone invalide (ex. 450 555-0311, poste 12)"
                )
        if email:
            if valid_email(email):
                email = email.lower()
            else:
                check.fail("citizen.email", "adresse courriel invalide (ex. nom@exemple.ca)")
        if postal:
            postal = normalize_postal_code(postal) or ""
            if not postal:
                check.fail("citizen.postal_code", "code postal invalide (format A1A 1A1)")
        contact = self.contact or Contact.NONE
        if contact not in CONTACTS:
            check.fail(
                "citizen.contact", "mode de suivi invalide (téléphone, texto, courriel ou aucun)"
            )
        elif contact in (Contact.PHONE, Contact.SMS) and not self.phone:
            check.fail(
                "citizen.phone", "un numéro est nécessaire pour un suivi par téléphone ou texto"
            )
        elif contact == Contact.EMAIL and not self.email:
            check.fail(
                "citizen.email", "une adresse courriel est nécessaire pour un suivi par courriel"
            )
        return replace(self, phone=phone, email=email, postal_code=postal, contact=contact)


@dataclass(frozen=True)
class Location:
    address: str = ""
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def parse(cls, data: Any, check: _Check) -> Location:
        item = check.mapping(data, "location")
        coords: dict[str, float | None] = {}
        for key, low, high in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
            value = item.get(key)
            coords[key] = None
            if value is None or value == "":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                check.fail(f"location.{key}", "coordonnée invalide")
                continue
            try:
                number = float(value)
            except (TypeError, ValueError, OverflowError):
                check.fail(f"location.{key}", "coordonnée invalide")
                continue
            if not low <= number <= high:  # also refuses NaN and infinities
                check.fail(f"location.{key}", "coordonnée hors limites")
                continue
            coords[key] = number
        return cls(
            address=check.text(item.get("address"), "location.address", MAX_ADDRESS),
            lat=coords["lat"],
            lon=coords["lon"],
        )

    @property
    def empty(self) -> bool:
        return not self.address and self.lat is None and self.lon is None

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.address:
            out["address"] = self.address
        if self.lat is not None:
            out["lat"] = self.lat
        if self.lon is not None:
            out["lon"] = self.lon
        return out


def _answers(data: Any, check: _Check) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for code, value in check.mapping(data, "answers").items():
        name = f"answers.{code}"
        if not isinstance(code, str) or len(code) > 80 or text_problem(code):
            check.fail("answers", "code de question invalide")
        elif isinstance(value, str):
            out[code] = check.text(value, name, MAX_ANSWER)
        elif isinstance(value, float) and value != value:  # NaN
            check.fail(name, "nombre invalide")
        elif value is None or isinstance(value, bool | int | float):
            out[code] = value
        else:
            check.fail(name, "réponse invalide")
    return out


def _attachments(data: Any, check: _Check) -> tuple[Attachment, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        check.fail("attachments", "liste attendue")
        return ()
    out = []
    for item in data[: MAX_PER_REQUEST + 1]:
        entry = check.mapping(item, "attachments")
        size = entry.get("size", 0)
        out.append(
            Attachment(
                sha256=check.text(entry.get("sha256"), "attachments", 64),
                name=check.text(entry.get("name"), "attachments", 255),
                type=check.text(entry.get("type"), "attachments", 60),
                size=size if isinstance(size, int) and not isinstance(size, bool) else 0,
            )
        )
    if len(data) > MAX_PER_REQUEST:
        check.fail("attachments", f"{MAX_PER_REQUEST} pièces jointes au plus")
    return tuple(out)


@dataclass(frozen=True)
class RequestDraft:
    """A request as the agent captured it: what is uploaded, and nothing the server decides.

    Built by the form, or parsed once from JSON (``from_wire``: the CLI, a stored payload, an
    upload on the server); rendered once (``to_wire``) into the payload that travels.
    """

    nature: str = ""
    category: str = ""
    channel: str = ""
    description: str = ""
    citizen: Citizen = field(default_factory=Citizen)
    location: Location = field(default_factory=Location)
    answers: Mapping[str, Any] = field(default_factory=dict)
    kb_articles: tuple[str, ...] = ()
    resolved_first_contact: bool = False
    attachments: tuple[Attachment, ...] = ()

    @classmethod
    def from_wire(cls, data: Any) -> RequestDraft:
        """Read a payload; ValidationFailed (French, per field) when its shape is wrong."""
        check = _Check()
        if not isinstance(data, Mapping):
            raise ValidationFailed({"request": "objet JSON attendu"}, "La requête est illisible.")
        kb = data.get("kb_articles") or []
        if not isinstance(kb, list) or not all(isinstance(k, str) for k in kb):
            check.fail("kb_articles", "liste d'identifiants attendue")
            kb = []
        first = data.get("resolved_first_contact", False)
        if not isinstance(first, bool):
            check.fail("resolved_first_contact", "vrai ou faux attendu")
        draft = cls(
            nature=check.text(data.get("nature"), "nature", 20),
            category=check.text(data.get("category"), "category", 80),
            channel=check.text(data.get("channel"), "channel", 20),
            description=check.text(data.get("description"), "description", MAX_DESCRIPTION),
            citizen=Citizen.parse(data.get("citizen"), check),
            location=Location.parse(data.get("location"), check),
            answers=_answers(data.get("answers"), check),
            kb_articles=tuple(check.text(k, "kb_articles", 120) for k in kb[:50]),
            resolved_first_contact=first is True,
            attachments=_attachments(data.get("attachments"), check),
        )
        check.raise_if_any()
        return draft

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "nature": self.nature,
            "category": self.category,
            "channel": self.channel,
            "description": self.description,
            "answers": dict(self.answers),
            "kb_articles": list(self.kb_articles),
            "resolved_first_contact": self.resolved_first_contact,
        }
        if not self.citizen.empty or self.citizen.contact != Contact.NONE:
            out["citizen"] = self.citizen.to_wire()
        if not self.location.empty:
            out["location"] = self.location.to_wire()
        if self.attachments:
            out["attachments"] = [a.to_wire() for a in self.attachments]
        return out

    @property
    def place(self) -> str:
        """Where the problem is: the place given, else the citizen's address."""
        return self.location.address or self.citizen.address

    def citizen_key(self) -> CitizenKey:
        """The match keys of the caller, computed once, normalised as stored."""
        c = self.citizen
        return CitizenKey(
            phone=(normalize_phone(c.phone) or "").split("x")[0],
            email=c.email.strip().lower(),
            name=normalize_name(c.name),
            address=normalize_address(self.place),
        )

    def validated(self, category: Category | None = None) -> RequestDraft:
        """The draft normalised (phone, e-mail, postal code), or ValidationFailed listing every
        problem. ``category`` is the taxonomy's when it is known here: its questions and natures
        are checked too."""
        check = _Check()
        if self.nature not in NATURES:
            check.fail("nature", "nature invalide (requête, plainte, information ou commentaire)")
        elif category is not None and not category.accepts(self.nature):
            check.fail("nature", "cette nature ne s'applique pas à cette catégorie")
        if self.channel not in CHANNELS:
            check.fail(
                "channel", "canal invalide (comptoir, téléphone, courriel, web ou application)"
            )
        if not self.category:
            check.fail("category", "catégorie obligatoire")
        if len(self.description) > MAX_DESCRIPTION:
            check.fail(
                "description", f"description trop longue ({MAX_DESCRIPTION} caractères au plus)"
            )
        elif self.nature in (Nature.REQUEST, Nature.COMPLAINT) and not self.description:
            check.fail("description", "décrivez la situation")
        citizen = self.citizen.normalized(check)
        for question in category.questions if category else ():
            message = question.check(self.answers.get(question.code))
            if message:
                check.fail(f"answers.{question.code}", message)
        if len(self.attachments) > MAX_PER_REQUEST:
            check.fail("attachments", f"{MAX_PER_REQUEST} pièces jointes au plus")
        check.raise_if_any()
        return replace(self, citizen=citizen)


def validate_request(
    data: dict[str, Any], questions: list[Question] | None = None
) -> dict[str, Any]:
    """A payload checked and normalised, as a payload (for callers that hold JSON)."""
    category = Category(code="-", label="-", questions=tuple(questions or ()))
    return RequestDraft.from_wire(data).validated(category).to_wire()


def due_dates(
    nature: str, created_at: dt.datetime, deadline_hours: int | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(due date from the category's deadline, first follow-up due for a complaint)."""
    due = created_at + dt.timedelta(hours=deadline_hours) if deadline_hours else None
    followup = created_at + COMPLAINT_FIRST_FOLLOWUP if nature == "complaint" else None
    return due, followup


def rank_categories(
    query: str, categories: list[tuple[str, str, list[str]]], limit: int = 12
) -> list[str]:
    """Category codes for what the agent typed ("nid" → nid-de-poule first), accents ignored.

    ``categories`` are (code, label, keywords). A label starting with the query beats a word of
    the label starting with it, which beats a keyword; shorter labels first (the general case
    before its variants).
    """
    typed = normalize_name(query)
    if not typed:
        return [code for code, _label, _kw in sorted(categories, key=lambda c: c[1].casefold())][
            :limit
        ]
    ranked: list[tuple[int, int, str, str]] = []
    for code, label, keywords in categories:
        name = normalize_name(label)
        words = name.split()
        if name.startswith(typed):
            rank = 0
        elif any(w.startswith(typed) for w in words) or f" {typed}" in f" {name}":
            rank = 1
        elif typed in name:
            rank = 2
        elif any(normalize_name(k).startswith(typed) for k in keywords):
            rank = 3
        else:
            continue
        ranked.append((rank, len(label), label.casefold(), code))
    return [code for *_rest, code in sorted(ranked)[:limit]]


__all__ = [
    "CHANNELS",
    "CHANNEL_LABELS",
    "COMPLAINT_FIRST_FOLLOWUP",
    "CONTACTS",
    "EVENT_KINDS",
    "FINAL_STATUSES",
    "NATURES",
    "NATURE_LABELS",
    "OPEN_STATUSES",
    "STATUSES",
    "STATUS_LABELS",
    "Category",
    "Channel",
    "Citizen",
    "CitizenKey",
    "Contact",
    "Location",
    "Nature",
    "Question",
    "RequestDraft",
    "Status",
    "SyncState",
    "due_dates",
    "questions_from_data",
    "rank_categories",
    "street_key",
    "text_problem",
    "validate_request",
]
