"""Citizen requests: vocabulary, validation and deadlines, shared by the workstation and the server.

The same function validates a request typed at the counter, read from ``pac-sac requests add``
and received by the server, so a request accepted offline is never refused later for a rule
the workstation did not know. Messages are French, per field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pac_sac_desktop.core.errors import ValidationFailed

NATURES = ("request", "complaint", "information", "comment")
CHANNELS = ("counter", "phone", "email", "web", "mobile")
STATUSES = ("new", "received", "assigned", "in_progress", "resolved", "closed", "cancelled")
OPEN_STATUSES = ("new", "received", "assigned", "in_progress")
CONTACTS = ("phone", "sms", "email", "none")
EVENT_KINDS = ("status", "assignment", "note", "followup", "meeting", "merge")

NATURE_LABELS = {
    "request": "Requête",
    "complaint": "Plainte",
    "information": "Information",
    "comment": "Commentaire",
}
CHANNEL_LABELS = {
    "counter": "Comptoir",
    "phone": "Téléphone",
    "email": "Courriel",
    "web": "Web",
    "mobile": "Application mobile",
}
STATUS_LABELS = {
    "new": "Nouvelle",
    "received": "Reçue",
    "assigned": "Assignée",
    "in_progress": "En traitement",
    "resolved": "Résolue",
    "closed": "Fermée",
    "cancelled": "Annulée",
}

COMPLAINT_FIRST_FOLLOWUP = dt.timedelta(hours=24)
MAX_DESCRIPTION = 4000
MAX_NAME = 80
MAX_ADDRESS = 200

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


@dataclass(frozen=True)
class Question:
    code: str
    label: str
    type: str  # text | number | choice | yes_no | date
    required: bool = False
    choices: tuple[str, ...] = ()


def questions_from_data(items: list[dict] | None) -> list[Question]:
    """A category's questions as the taxonomy (YAML, server, feed) writes them."""
    return [
        Question(
            code=q["code"],
            label=q.get("label", q["code"]),
            type=q.get("type", "text"),
            required=bool(q.get("required")),
            choices=tuple(q.get("choices") or ()),
        )
        for q in items or []
    ]


def check_answer(question: Question, value: Any) -> str | None:
    """French message when ``value`` is not an acceptable answer, else None."""
    if value is None or value == "":
        return "réponse obligatoire" if question.required else None
    if question.type == "number":
        try:
            float(str(value).replace(",", "."))
        except ValueError:
            return "un nombre est attendu"
    elif question.type == "yes_no":
        if value not in (True, False, "oui", "non", "yes", "no"):
            return "répondre oui ou non"
    elif question.type == "choice":
        if str(value) not in question.choices:
            return "choisir une des réponses proposées"
    elif question.type == "date":
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return "date invalide (AAAA-MM-JJ)"
    elif len(str(value)) > 1000:
        return "réponse trop longue (1000 caractères au plus)"
    return None


def validate_request(
    data: dict[str, Any], questions: list[Question] | None = None
) -> dict[str, Any]:
    """Check a request payload; return it normalised, or raise ValidationFailed (French, per field).

    ``questions`` are the category's questions when the category is known here.
    """
    errors: dict[str, str] = {}
    out = dict(data)
    if out.get("nature") not in NATURES:
        errors["nature"] = "nature invalide (requête, plainte, information ou commentaire)"
    if out.get("channel") not in CHANNELS:
        errors["channel"] = "canal invalide (comptoir, téléphone, courriel, web ou application)"
    if not str(out.get("category") or "").strip():
        errors["category"] = "catégorie obligatoire"
    description = str(out.get("description") or "").strip()
    if len(description) > MAX_DESCRIPTION:
        errors["description"] = f"description trop longue ({MAX_DESCRIPTION} caractères au plus)"
    elif out.get("nature") in ("request", "complaint") and not description:
        errors["description"] = "décrivez la situation"
    out["description"] = description

    citizen = dict(out.get("citizen") or {})
    if citizen:
        for key in ("first_name", "last_name"):
            if len(str(citizen.get(key) or "")) > MAX_NAME:
                errors[f"citizen.{key}"] = f"{MAX_NAME} caractères au plus"
        phone = str(citizen.get("phone") or "").strip()
        if phone:
            normalized = normalize_phone(phone)
            if normalized is None:
                errors["citizen.phone"] = (
                    "numéro de téléphone invalide (ex. 450 555-0311, poste 12)"
                )
            else:
                citizen["phone"] = normalized
        email = str(citizen.get("email") or "").strip()
        if email:
            if not valid_email(email):
                errors["citizen.email"] = "adresse courriel invalide (ex. nom@exemple.ca)"
            else:
                citizen["email"] = email.lower()
        postal = str(citizen.get("postal_code") or "").strip()
        if postal:
            normalized_postal = normalize_postal_code(postal)
            if normalized_postal is None:
                errors["citizen.postal_code"] = "code postal invalide (format A1A 1A1)"
            else:
                citizen["postal_code"] = normalized_postal
        if len(str(citizen.get("address") or "")) > MAX_ADDRESS:
            errors["citizen.address"] = f"{MAX_ADDRESS} caractères au plus"
        contact = citizen.get("contact") or "none"
        if contact not in CONTACTS:
            errors["citizen.contact"] = (
                "mode de suivi invalide (téléphone, texto, courriel ou aucun)"
            )
        elif contact in ("phone", "sms") and not phone:
            errors["citizen.phone"] = (
                "un numéro est nécessaire pour un suivi par téléphone ou texto"
            )
        elif contact == "email" and not email:
            errors["citizen.email"] = (
                "une adresse courriel est nécessaire pour un suivi par courriel"
            )
        citizen["contact"] = contact
        out["citizen"] = citizen

    location = dict(out.get("location") or {})
    if location:
        if len(str(location.get("address") or "")) > MAX_ADDRESS:
            errors["location.address"] = f"{MAX_ADDRESS} caractères au plus"
        for key, low, high in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
            value = location.get(key)
            if value is None or value == "":
                location.pop(key, None)
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                errors[f"location.{key}"] = "coordonnée invalide"
                continue
            if not low <= number <= high:
                errors[f"location.{key}"] = "coordonnée hors limites"
            location[key] = number
        out["location"] = location

    answers = dict(out.get("answers") or {})
    for question in questions or ():
        message = check_answer(question, answers.get(question.code))
        if message:
            errors[f"answers.{question.code}"] = message
    out["answers"] = answers
    if errors:
        raise ValidationFailed(errors, "La requête contient des erreurs.")
    return out


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
