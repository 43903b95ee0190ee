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

from pac_sac_desktop.core.attachments import MAX_PER_REQUEST
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.receipt import Receipt
from pac_sac_desktop.core.requests import (
    CHANNELS,
    NATURES,
    Question,
    due_dates,
    normalize_address,
    normalize_name,
    normalize_phone,
    questions_from_data,
    street_key,
    validate_request,
)
from pac_sac_desktop.core.rules import (
    DUPLICATE_WINDOW,
    MEETING_REQUIRED,
    POSSIBLE_DUPLICATE,
    REPEAT_WINDOW,
    CitizenKey,
    PastRequest,
    caller_history,
    possible_duplicates,
    repeat_complaints,
)
from pac_sac_desktop.core.streets import District, StreetIndex
from pac_sac_desktop.services.attachments import AttachmentStore
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
    "attachments",
)


@dataclass(frozen=True)
class Assessment:
    """What the form shows while the agent types: repeat complaint, duplicates, history, district."""

    repeats: list[PastRequest]
    duplicates: list[PastRequest]
    history: list[PastRequest]
    district: District | None
    segment: str

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.repeats:
            flags.append(MEETING_REQUIRED)
        if self.duplicates:
            flags.append(POSSIBLE_DUPLICATE)
        return flags


@dataclass(frozen=True)
class SavedRequest:
    uuid: str
    number: str
    due_at: dt.datetime | None
    followup_due_at: dt.datetime | None
    flags: list[str]


def _past(row: RequestRow) -> PastRequest:
    return PastRequest(
        uuid=row.uuid,
        label=row.reference or row.number,
        nature=row.nature,
        category=row.category,
        status=row.status,
        created_at=row.created_at,
        closed_at=row.closed_at,
        citizen=CitizenKey(row.citizen_phone, row.citizen_email, row.citizen_key, row.address_key),
        address=row.address_key,
        segment=row.street_key,
    )


def _citizen_key(citizen: dict[str, Any], address: str) -> CitizenKey:
    phone = normalize_phone(str(citizen.get("phone") or "")) or ""
    email = str(citizen.get("email") or "").strip().lower()
    name = normalize_name(f"{citizen.get('first_name', '')} {citizen.get('last_name', '')}")
    return CitizenKey(phone, email, name, normalize_address(address))


def category_questions(row: CategoryRow) -> list[Question]:
    return questions_from_data((row.data or {}).get("questions"))


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
    def __init__(
        self,
        db: Database,
        streets: StreetIndex | None = None,
        attachments: AttachmentStore | None = None,
    ) -> None:
        self.db = db
        self.attachments = attachments
        self.streets = streets or StreetIndex.load(resources_dir() / "streets.yaml")

    def assess(self, draft: dict[str, Any], *, now: dt.datetime | None = None) -> Assessment:
        """Run the capture rules on a draft (possibly incomplete). Cheap: indexed lookups only."""
        with self.db.reading() as session:
            return self._assess(session, draft, now or utcnow())

    def _assess(self, session: Any, draft: dict[str, Any], now: dt.datetime) -> Assessment:
        citizen = dict(draft.get("citizen") or {})
        address = str((draft.get("location") or {}).get("address") or citizen.get("address") or "")
        key = _citizen_key(citizen, address)
        place = self.streets.locate(address) if address else None
        category = str(draft.get("category") or "")
        history_rows = (
            repo.citizen_candidates(
                session,
                phone=key.phone,
                email=key.email,
                name=key.name,
                address=key.address,
                since=now - REPEAT_WINDOW,
            )
            if not key.empty
            else []
        )
        history = caller_history(citizen=key, history=[_past(r) for r in history_rows])
        repeats = repeat_complaints(
            nature=str(draft.get("nature") or ""),
            category=category,
            citizen=key,
            history=history,
            now=now,
        )
        duplicates: list[PastRequest] = []
        if category and place is not None:
            rows = repo.place_candidates(
                session,
                category=category,
                address=key.address,
                segment=place.segment,
                since=now - DUPLICATE_WINDOW,
            )
            duplicates = possible_duplicates(
                category=category,
                address=key.address,
                segment=place.segment,
                candidates=[_past(r) for r in rows],
                now=now,
            )
        return Assessment(
            repeats,
            duplicates,
            history,
            place.district if place else None,
            place.segment if place else "",
        )

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
            self._check_attachments(clean.get("attachments") or [])
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
            assessment = self._assess(session, clean, now)
            flags = assessment.flags
            payload["flags"] = flags
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
                citizen_phone=citizen.get("phone", "").split("x")[0],
                citizen_email=citizen.get("email", ""),
                citizen_key=normalize_name(
                    f"{citizen.get('first_name', '')} {citizen.get('last_name', '')}"
                ),
                address_key=normalize_address(address),
                street_key=assessment.segment or street_key(address),
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
            if assessment.repeats:
                self._meeting_task(session, request_uuid, assessment, now)
        return SavedRequest(request_uuid, number, due, followup, flags)

    @staticmethod
    def _meeting_task(
        session: Any, request_uuid: str, assessment: Assessment, now: dt.datetime
    ) -> None:
        """The V.I.P. meeting: the district councillor and a city official, queued as an event."""
        district = assessment.district
        earlier = assessment.repeats[0]
        data = {
            "reason": f"Deuxième plainte du même citoyen sur le même sujet (plainte antérieure {earlier.label}).",
            "earlier": earlier.uuid,
            "district": district.number if district else None,
            "district_name": district.name if district else None,
            "councillor": district.councillor if district else "district à confirmer",
            "official": "fonctionnaire à désigner par le service responsable",
            "status": "to_schedule",
        }
        repo.add_outbox(
            session,
            kind="event",
            entity_uuid=str(uuidlib.uuid4()),
            parent_uuid=request_uuid,
            payload={"kind": "meeting", "data": data, "created_at": now.isoformat()},
            now=now,
        )

    def attach_to(
        self,
        existing_uuid: str,
        draft: dict[str, Any],
        *,
        user: str,
        now: dt.datetime | None = None,
    ) -> str:
        """Add the caller to an existing request (a duplicate) instead of opening a new one.

        The citizen's details and words become a note on that request, queued for the server.
        """
        now = now or utcnow()
        citizen = dict(draft.get("citizen") or {})
        check = validate_request(
            {
                "nature": "comment",
                "channel": draft.get("channel") or "phone",
                "category": "-",
                "citizen": citizen,
                "description": draft.get("description") or "",
            }
        )
        who = (
            " ".join(filter(None, [citizen.get("first_name"), citizen.get("last_name")]))
            or "Citoyen anonyme"
        )
        contact = check["citizen"].get("phone") or check["citizen"].get("email") or ""
        text = f"{who} {('(' + contact + ') ') if contact else ''}signale aussi ce problème. {check['description']}".strip()
        with self.db.transaction() as session:
            row = repo.get_request(session, existing_uuid)
            if row is None:
                raise ValidationFailed({"duplicate": "requête introuvable sur ce poste"})
            event_uuid = str(uuidlib.uuid4())
            repo.add_outbox(
                session,
                kind="event",
                entity_uuid=event_uuid,
                parent_uuid=existing_uuid,
                payload={
                    "kind": "note",
                    "data": {"text": text, "citizen": check["citizen"]},
                    "created_at": now.isoformat(),
                },
                now=now,
            )
            row.updated_at = now
            return row.reference or row.number

    def _check_attachments(self, items: list[dict]) -> None:
        if len(items) > MAX_PER_REQUEST:
            raise ValidationFailed({"attachments": f"{MAX_PER_REQUEST} pièces jointes au plus"})
        for item in items:
            if self.attachments is None or not self.attachments.has(str(item.get("sha256", ""))):
                raise ValidationFailed(
                    {
                        "attachments": f"pièce jointe introuvable sur ce poste : {item.get('name', '?')}"
                    }
                )

    def receipt(self, uuid: str) -> Receipt:
        with self.db.reading() as session:
            row = repo.get_request(session, uuid)
            if row is None:
                raise KeyError(uuid)
            category = repo.get_category(session, row.category)
            payload = row.payload or {}
            address = (payload.get("location") or {}).get("address") or (
                payload.get("citizen") or {}
            ).get("address", "")
            return Receipt(
                number=row.number,
                reference=row.reference,
                nature=row.nature,
                category_label=category.label if category else row.category,
                department=category.department if category else "",
                created_at=row.created_at,
                due_at=row.due_at,
                followup_due_at=row.followup_due_at,
                address=address,
                resolved_first_contact=bool(payload.get("resolved_first_contact")),
            )

    def list(self, *, status: str | None = None) -> list[dict[str, Any]]:
        with self.db.reading() as session:
            return [request_to_wire(r) for r in repo.list_requests(session, status=status)]

    def waiting(self) -> int:
        with self.db.reading() as session:
            return repo.count_waiting(session)


__all__ = ["CHANNELS", "NATURES", "RequestService", "SavedRequest"]
