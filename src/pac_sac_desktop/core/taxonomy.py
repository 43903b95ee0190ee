"""The request taxonomy as typed objects: a category and the questions it asks.

A category arrives as YAML (the shipped demo set, ``pac-sac-server`` imports), as JSON (the
taxonomy feed) and as a database row (both sides). It is parsed once, here, into a
:class:`Category`; every later stop (the capture form, the validation of a request, the CLI,
the server) reads attributes, never keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.vocabulary import NATURES, Nature

QUESTION_TYPES = ("text", "number", "choice", "yes_no", "date")
MAX_ANSWER = 1000


@dataclass(frozen=True)
class Question:
    code: str
    label: str
    type: str  # text | number | choice | yes_no | date
    required: bool = False
    choices: tuple[str, ...] = ()

    @classmethod
    def from_wire(cls, item: Mapping[str, Any]) -> Question:
        kind = str(item.get("type") or "text")
        return cls(
            code=str(item["code"]),
            label=str(item.get("label") or item["code"]),
            type=kind if kind in QUESTION_TYPES else "text",
            required=bool(item.get("required")),
            choices=tuple(str(c) for c in item.get("choices") or ()),
        )

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "label": self.label,
            "type": self.type,
            "required": self.required,
        }
        if self.choices:
            out["choices"] = list(self.choices)
        return out

    def check(self, value: Any) -> str | None:
        """French message when ``value`` is not an acceptable answer, else None."""
        if value is None or value == "":
            return "réponse obligatoire" if self.required else None
        if isinstance(value, dict | list):
            return "réponse invalide"
        if self.type == "number":
            if isinstance(value, bool):
                return "un nombre est attendu"
            try:
                number = float(str(value).replace(",", "."))
            except ValueError:
                return "un nombre est attendu"
            if number != number or abs(number) > 1e12:  # NaN, infinities, absurd sizes
                return "nombre hors limites"
        elif self.type == "yes_no":
            if value not in (True, False, "oui", "non", "yes", "no"):
                return "répondre oui ou non"
        elif self.type == "choice":
            if str(value) not in self.choices:
                return "choisir une des réponses proposées"
        elif self.type == "date":
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                return "date invalide (AAAA-MM-JJ)"
        elif len(str(value)) > MAX_ANSWER:
            return f"réponse trop longue ({MAX_ANSWER} caractères au plus)"
        return None


def questions_from_data(items: list[dict] | None) -> list[Question]:
    """A category's questions as the taxonomy (YAML, server, feed) writes them."""
    return [Question.from_wire(q) for q in items or []]


# Keys of a category kept in its free ``data`` column (both databases): everything that is not
# a column of its own.
DATA_KEYS = ("natures", "keywords", "description", "questions")


@dataclass(frozen=True)
class Category:
    """A service type: who handles it, in what delay, for which natures, with which questions."""

    code: str
    label: str
    department: str = ""
    deadline_hours: int = 0
    field: str = ""
    natures: tuple[Nature, ...] = tuple(Nature)
    keywords: tuple[str, ...] = ()
    description: str = ""
    questions: tuple[Question, ...] = ()
    active: bool = True

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Category:
        """From the YAML/JSON form (``code``, ``label``, … and the data keys at top level)."""
        try:
            natures = tuple(Nature(n) for n in data.get("natures") or NATURES)
        except ValueError:
            raise ValidationFailed({"natures": "nature inconnue"}) from None
        return cls(
            code=str(data["code"]),
            label=str(data.get("label") or data["code"]),
            department=str(data.get("department") or ""),
            deadline_hours=int(data.get("deadline_hours") or 0),
            field=str(data.get("field") or ""),
            natures=natures,
            keywords=tuple(str(k) for k in data.get("keywords") or ()),
            description=str(data.get("description") or ""),
            questions=tuple(questions_from_data(data.get("questions"))),
            active=bool(data.get("active", True)),
        )

    @classmethod
    def from_row(cls, row: Any) -> Category:
        """From a database row of either side (columns + the ``data`` JSON of DATA_KEYS)."""
        return cls.from_wire(
            {
                **(row.data or {}),
                "code": row.code,
                "label": row.label,
                "department": row.department,
                "deadline_hours": row.deadline_hours,
                "field": getattr(row, "field", "") or (row.data or {}).get("field", ""),
                "active": row.active,
            }
        )

    def data(self) -> dict[str, Any]:
        """What a database stores in its ``data`` column."""
        return {
            "natures": [str(n) for n in self.natures],
            "keywords": list(self.keywords),
            "description": self.description,
            "questions": [q.to_wire() for q in self.questions],
        }

    def to_wire(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "field": self.field,
            "department": self.department,
            "deadline_hours": self.deadline_hours,
            "active": self.active,
            **self.data(),
        }

    def accepts(self, nature: str) -> bool:
        return nature in self.natures

    def question(self, code: str) -> Question | None:
        return next((q for q in self.questions if q.code == code), None)
