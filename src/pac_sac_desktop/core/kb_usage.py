"""What agents do with the knowledge base, as typed events: feedback on a sheet, searches.

Both are written on the workstation (offline too), sent at the next sync, and parsed once here
on either side. Search events carry the query text only: no user, no workstation, and digits
that could be a phone, civic or file number are masked before the query is even stored.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import text_problem

FEEDBACK_KINDS = ("useful", "fix")
MAX_COMMENT = 2000
MAX_QUERY = 200
_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d[\d\s().-]{3,}\d")


@dataclass(frozen=True)
class Feedback:
    """An agent's mark on a sheet: « utile » or « à corriger » with a comment."""

    uuid: str
    article_id: str
    version: int
    kind: str
    comment: str
    created_at: dt.datetime
    author: str = ""

    def to_wire(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "article_id": self.article_id,
            "version": self.version,
            "kind": self.kind,
            "comment": self.comment,
            "created_at": self.created_at.isoformat(),
        }

    @classmethod
    def new(
        cls, article_id: str, version: int, kind: str, comment: str, now: dt.datetime
    ) -> Feedback:
        return cls.from_wire(
            {
                "uuid": str(uuidlib.uuid4()),
                "article_id": article_id,
                "version": version,
                "kind": kind,
                "comment": comment,
                "created_at": now.isoformat(),
            }
        )

    @classmethod
    def from_wire(cls, data: Any, author: str = "") -> Feedback:
        errors: dict[str, str] = {}
        if not isinstance(data, Mapping):
            raise ValidationFailed({"feedback": "objet attendu"}, "Avis invalide.")
        uid = _text(data, "uuid", 36, errors)
        try:
            uid = str(uuidlib.UUID(uid))
        except ValueError:
            errors.setdefault("uuid", "UUID attendu")
        kind = _text(data, "kind", 10, errors)
        if kind not in FEEDBACK_KINDS:
            errors.setdefault("kind", "« useful » ou « fix » attendu")
        comment = _text(data, "comment", MAX_COMMENT, errors)
        if kind == "fix" and not comment:
            errors.setdefault("comment", "dites ce qu'il faut corriger")
        version = data.get("version", 0)
        if isinstance(version, bool) or not isinstance(version, int) or not 0 <= version < 2**31:
            errors["version"] = "numéro de version attendu"
            version = 0
        created = _moment(data.get("created_at"), errors)
        article_id = _text(data, "article_id", 120, errors)
        if not article_id:
            errors.setdefault("article_id", "article manquant")
        if errors:
            raise ValidationFailed(errors, "Avis invalide.")
        return cls(uid, article_id, version, kind, comment, created, author)


@dataclass(frozen=True)
class SearchEvent:
    """One finished search: the query, how many results, which sheet was opened (if any)."""

    query: str
    results: int
    opened: str | None
    at: dt.datetime

    def to_wire(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "results": self.results,
            "opened": self.opened,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_wire(cls, data: Any) -> SearchEvent:
        errors: dict[str, str] = {}
        if not isinstance(data, Mapping):
            raise ValidationFailed({"event": "objet attendu"}, "Recherche invalide.")
        query = redact_query(_text(data, "query", MAX_QUERY, errors))
        results = data.get("results", 0)
        if isinstance(results, bool) or not isinstance(results, int) or not 0 <= results < 10_000:
            errors["results"] = "nombre attendu"
            results = 0
        opened = data.get("opened")
        if opened is not None:
            opened = _text(data, "opened", 120, errors) or None
        at = _moment(data.get("at"), errors, "at")
        if not query:
            errors.setdefault("query", "recherche vide")
        if errors:
            raise ValidationFailed(errors, "Recherche invalide.")
        return cls(query, results, opened, at)


def redact_query(text: str) -> str:
    """The query as stored: trimmed, lower case, e-mails and long numbers masked."""
    text = " ".join(text.split()).casefold()[:MAX_QUERY]
    text = _EMAIL.sub("[courriel]", text)
    return _DIGITS.sub("[nombre]", text)


def _text(data: Mapping[str, Any], key: str, limit: int, errors: dict[str, str]) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[key] = "texte attendu"
        return ""
    problem = text_problem(value)
    if problem:
        errors[key] = problem
        return ""
    value = value.strip()
    if len(value) > limit:
        errors[key] = f"{limit} caractères au plus"
        return ""
    return value


def _moment(value: Any, errors: dict[str, str], key: str = "created_at") -> dt.datetime:
    if isinstance(value, str) and "\x00" not in value:
        try:
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
            return moment.astimezone(dt.UTC)
        except ValueError:
            pass
    errors[key] = "date ISO attendue"
    return dt.datetime.now(dt.UTC)
