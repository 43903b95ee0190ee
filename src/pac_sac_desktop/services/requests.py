"""Capturing requests on the workstation: validated, stored with their outbox entry in one
transaction (synchronous=FULL), so a saved request survives a crash the next millisecond and
reaches the server exactly once through the sync engine.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.requests import (
    CHANNELS,
    NATURES,
    Question,
    due_dates,
    normalize_address,
    normalize_name,
    street_key,
    validate_request,
)
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import CategoryRow, RequestRow
from pac_sac_desktop.store.types import utcnow

PAYLOAD_KEYS = (
    "nature",
    "category",
    "channel",
    "citizen",
    "location",
    "description",
    "answers",
    "kb_articles",
    "resolved_first_contact",
)


@dataclass(frozen=True)
class SavedRequest:
    uuid: str
    number: str
    due_at: dt.datetime | None
    followup_due_at: dt.datetime | None
    flags: list[str]


def category_questions(row: CategoryRow) -> list[Question]:
    return [
        Question(
            code=q["code"],
            label=q.get("label", q["code"]),
            type=q.get("type", "text"),
            required=bool(q.get("required")),
            choices=tuple(q.get("choices") or ()),
        )
        for q in (row.data or {}).get("questions", [])
    ]


def request_to_wire(row: RequestRow) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "number": row.number,
        "reference": row.reference,
        "nature": row.nature,
        "category": row.category,
        "channel": row.channel,
        "status": row.status,
        "flags": list(row.flags or []),
        "sync_state": row.sync_state,
        "created_at": row.created_at.isoformat(),
        "due_at": row.due_at.isoformat() if row.due_at else None,
        "followup_due_at": row.followup_due_at.isoformat() if row.followup_due_at else None,
    }


class RequestService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ensure_taxonomy(self, path: Path | None = None) -> int:
        """Seed the shipped taxonomy when the server has not sent one yet (first start offline)."""
        with self.db.transaction() as session:
            if repo.categories(session, active_only=False):
                return 0
            source = path or resources_dir() / "taxonomy.yaml"
            if not source.exists():
                return 0
            items = (yaml.safe_load(source.read_text(encoding="utf-8")) or {}).get("categories", [])
            for item in items:
                repo.upsert_category(session, item)
            return len(items)

    def categories(self) -> list[CategoryRow]:
        with self.db.reading() as session:
            return repo.categories(session)

    def save(
        self, draft: dict[str, Any], *, user: str, now: dt.datetime | None = None
    ) -> SavedRequest:
        """Validate and store a request and its outbox entry atomically; ValidationFailed otherwise."""
        now = now or utcnow()
        data = {k: draft.get(k) for k in PAYLOAD_KEYS if draft.get(k) is not None}
        data.setdefault("answers", {})
        data.setdefault("kb_articles", [])
        data["resolved_first_contact"] = bool(draft.get("resolved_first_contact", False))
        with self.db.transaction() as session:
            category = repo.get_category(session, str(data.get("category") or ""))
            if data.get("category") and category is None:
                raise ValidationFailed(
                    {"category": "catégorie inconnue"}, "La requête contient des erreurs."
                )
            clean = validate_request(data, category_questions(category) if category else [])
            if category is not None and clean["nature"] not in (category.data or {}).get(
                "natures", NATURES
            ):
                raise ValidationFailed(
                    {"nature": "cette nature ne s'applique pas à cette catégorie"},
                    "La requête contient des erreurs.",
                )
            request_uuid = str(uuidlib.uuid4())
            number = repo.next_provisional_number(session)
            due, followup = due_dates(
                clean["nature"], now, category.deadline_hours if category else None
            )
            payload = {**clean, "created_at": now.isoformat(), "number": number}
            citizen = clean.get("citizen") or {}
            address = (clean.get("location") or {}).get("address", "") or citizen.get("address", "")
            flags: list[str] = []
            row = RequestRow(
                uuid=request_uuid,
                number=number,
                reference=None,
                nature=clean["nature"],
                category=clean["category"],
                channel=clean["channel"],
                status="new",
                payload=payload,
                flags=flags,
                citizen_phone=citizen.get("phone", ""),
                citizen_email=citizen.get("email", ""),
                citizen_key=normalize_name(
                    f"{citizen.get('first_name', '')} {citizen.get('last_name', '')}"
                ),
                address_key=normalize_address(address),
                street_key=street_key(address),
                created_at=now,
                created_by=user,
                due_at=due,
                followup_due_at=followup,
                sync_state="pending",
                sync_error="",
                updated_at=now,
            )
            session.add(row)
            repo.add_outbox(
                session, kind="request", entity_uuid=request_uuid, payload=payload, now=now
            )
        return SavedRequest(request_uuid, number, due, followup, flags)

    def list(self, *, status: str | None = None) -> list[dict[str, Any]]:
        with self.db.reading() as session:
            return [request_to_wire(r) for r in repo.list_requests(session, status=status)]

    def waiting(self) -> int:
        with self.db.reading() as session:
            return repo.count_waiting(session)


__all__ = ["CHANNELS", "NATURES", "RequestService", "SavedRequest"]
