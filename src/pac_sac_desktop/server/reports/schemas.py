"""The report's query (HTTP and CLI alike), checked once at the edge with French refusals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.vocabulary import CHANNELS, NATURES
from pac_sac_desktop.server.reports.service import ReportFilters

MAX_DAYS = 3 * 366 + 1
_FRENCH = {
    "from": "date de début invalide (AAAA-MM-JJ)",
    "to": "date de fin invalide (AAAA-MM-JJ)",
    "district": "numéro de district invalide",
}


def _clean_text(value: Any, label: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{label} : texte attendu")
    if "\x00" in value:
        raise ValueError(f"{label} : caractère nul interdit")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{label} : caractère invalide") from None
    value = value.strip()
    if len(value) > 120:
        raise ValueError(f"{label} : 120 caractères au plus")
    return value or None


class ReportQuery(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")
    department: str | None = None
    district: int | None = Field(default=None, ge=1, le=999)
    category: str | None = None
    channel: str | None = None
    nature: str | None = None

    @field_validator("department", "category", "channel", "nature", mode="before")
    @classmethod
    def _text(cls, value: Any, info: Any) -> str | None:
        return _clean_text(value, info.field_name)

    @field_validator("start", "end")
    @classmethod
    def _year(cls, value: dt.date) -> dt.date:
        if not 2000 <= value.year <= 2100:
            raise ValueError("date hors limites (2000 à 2100)")
        return value

    @model_validator(mode="after")
    def _period(self) -> ReportQuery:
        if self.end < self.start:
            raise ValueError("la date de fin précède la date de début")
        if (self.end - self.start).days > MAX_DAYS:
            raise ValueError("période de trois ans au plus")
        if self.channel is not None and self.channel not in CHANNELS:
            raise ValueError("canal inconnu (counter, phone, email, web, mobile)")
        if self.nature is not None and self.nature not in NATURES:
            raise ValueError("nature inconnue (request, complaint, information, comment)")
        return self

    def filters(self) -> ReportFilters:
        return ReportFilters(
            start=self.start,
            end=self.end,
            department=self.department,
            district=self.district,
            category=self.category,
            channel=self.channel,
            nature=self.nature,
        )


def parse_query(values: Mapping[str, Any]) -> ReportFilters:
    """Filters from query parameters or CLI options; ValidationFailed with French messages."""
    try:
        return ReportQuery.model_validate(dict(values)).filters()
    except ValidationError as exc:
        fields: dict[str, str] = {}
        for error in exc.errors():
            name = ".".join(str(p) for p in error["loc"]) or "période"
            message = str(error.get("msg", ""))
            if message.startswith("Value error, "):
                message = message[len("Value error, ") :]
            elif name in _FRENCH:
                message = _FRENCH[name]
            elif error.get("type") == "missing":
                message = "paramètre obligatoire"
            else:
                message = "valeur invalide"
            fields[name] = message
        raise ValidationFailed(fields, "Paramètres du rapport invalides.") from None
