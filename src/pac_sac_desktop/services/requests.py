"""Capturing requests on the workstation: validated, stored with their outbox entry in one
transaction (synchronous=FULL), so a saved request survives a crash the next millisecond and
reaches the server exactly once through the sync engine.

The form and the CLI hand in a typed :class:`RequestDraft`; finding, following and acting on
requests after capture live in ``request_queries`` and ``request_actions``, reached through the
same service object.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pac_sac_desktop.core.attachments import Attachment
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.events import Event, EventKind
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.privacy import Viewer
from pac_sac_desktop.core.receipt import Receipt
from pac_sac_desktop.core.requests import (
    CHANNELS,
    NATURES,
    Citizen,
    RequestDraft,
    SyncState,
    due_dates,
)
from pac_sac_desktop.core.rules import (
    DUPLICATE_WINDOW,
    MEETING_REQUIRED,
    POSSIBLE_DUPLICATE,
    REPEAT_WINDOW,
    PastRequest,
    caller_history,
    open_same_subject,
    possible_duplicates,
    repeat_complaints,
)
from pac_sac_desktop.core.streets import District, StreetIndex
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.services import request_actions, request_queries
from pac_sac_desktop.services.attachments import AttachmentStore
from pac_sac_desktop.services.request_queries import QueuePage, RequestDetail, RequestSummary
from pac_sac_desktop.store import privacy_repo
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.types import utcnow

INVALID = "La requête contient des erreurs."


@dataclass(frozen=True)
class Assessment:
    """What the form shows while the agent types: repeat complaint, duplicates, history, district."""

    repeats: list[PastRequest]
    duplicates: list[PastRequest]
    history: list[PastRequest]
    district: District | None
    segment: str
    # Open requests of the same caller on the same subject, whatever nature was picked: the
    # form offers to record the call as a complaint (which then is a repeat complaint).
    open_same_subject: list[PastRequest]

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

    def to_wire(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "number": self.number,
            "due_at": self.due_at.isoformat() if self.due_at else None,
            "followup_due_at": self.followup_due_at.isoformat() if self.followup_due_at else None,
            "flags": self.flags,
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

    # ------------------------------------------------------------------ capture
    def assess(self, draft: RequestDraft, *, now: dt.datetime | None = None) -> Assessment:
        """Run the capture rules on a draft (possibly incomplete). Cheap: indexed lookups only."""
        with self.db.reading() as session:
            return self._assess(session, draft, now or utcnow())

    def _assess(self, session: Any, draft: RequestDraft, now: dt.datetime) -> Assessment:
        key = draft.citizen_key()
        place = self.streets.locate(draft.place) if draft.place else None
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
        history = caller_history(citizen=key, history=[repo.past_request(r) for r in history_rows])
        repeats = repeat_complaints(
            nature=draft.nature, category=draft.category, citizen=key, history=history, now=now
        )
        duplicates: list[PastRequest] = []
        if draft.category and place is not None:
            rows = repo.place_candidates(
                session,
                category=draft.category,
                address=key.address,
                segment=place.segment,
                since=now - DUPLICATE_WINDOW,
            )
            duplicates = possible_duplicates(
                category=draft.category,
                address=key.address,
                segment=place.segment,
                candidates=[repo.past_request(r) for r in rows],
                now=now,
            )
        return Assessment(
            repeats,
            duplicates,
            history,
            place.district if place else None,
            place.segment if place else "",
            open_same_subject(category=draft.category, history=history),
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
                repo.upsert_category(session, Category.from_wire(item))
            return len(items)

    def categories(self) -> list[Category]:
        with self.db.reading() as session:
            return [Category.from_row(r) for r in repo.categories(session)]

    def category(self, code: str) -> Category | None:
        with self.db.reading() as session:
            row = repo.get_category(session, code)
            return Category.from_row(row) if row is not None else None

    def save(
        self, draft: RequestDraft, *, user: str, now: dt.datetime | None = None
    ) -> SavedRequest:
        """Validate and store a request and its outbox entry atomically; ValidationFailed otherwise."""
        now = now or utcnow()
        with self.db.transaction() as session:
            row = repo.get_category(session, draft.category) if draft.category else None
            if draft.category and row is None:
                raise ValidationFailed({"category": "catégorie inconnue"}, INVALID)
            category = Category.from_row(row) if row is not None else None
            clean = draft.validated(category)
            self._check_attachments(clean.attachments)
            request_uuid = str(uuidlib.uuid4())
            number = repo.next_provisional_number(session)
            due, followup = due_dates(
                clean.nature, now, category.deadline_hours if category else None
            )
            assessment = self._assess(session, clean, now)
            flags = assessment.flags
            payload = {
                **clean.to_wire(),
                "created_at": now.isoformat(),
                "number": number,
                "flags": flags,
            }
            place = self.streets.locate(clean.place) if clean.place else None
            stored = repo.request_row(
                uuid=request_uuid,
                number=number,
                draft=clean,
                payload=payload,
                status="new",
                sync_state=SyncState.PENDING,
                created_at=now,
                created_by=user,
                segment=assessment.segment,
                district=place.district.number if place and place.district else None,
                department=category.department if category else "",
                due_at=due,
                followup_due_at=followup,
                flags=flags,
                now=now,
            )
            session.add(stored)
            repo.add_outbox(
                session, kind="request", entity_uuid=request_uuid, payload=payload, now=now
            )
            if assessment.repeats:
                self._meeting_task(session, request_uuid, assessment, user, now)
            repo.set_search_keys(session, stored)
            repo.refresh_state(session, stored)
        return SavedRequest(request_uuid, number, due, followup, flags)

    @staticmethod
    def _meeting_task(
        session: Any, request_uuid: str, assessment: Assessment, user: str, now: dt.datetime
    ) -> None:
        """The V.I.P. meeting: the district councillor and a city official, queued as an event."""
        district = assessment.district
        earlier = assessment.repeats[0]
        data = {
            "reason": f"Deuxième plainte du même citoyen sur le même sujet (plainte antérieure {earlier.label}).",
            "earlier": earlier.uuid,
            "district": district.number if district else None,
            "district_name": district.name if district else "",
            "councillor": district.councillor if district else "district à confirmer",
            "official": "fonctionnaire à désigner par le service responsable",
            "status": "to_schedule",
        }
        request_actions.record_event(
            session, request_uuid, EventKind.MEETING, data, user=user, now=now
        )

    def attach_to(
        self,
        existing_uuid: str,
        draft: RequestDraft,
        *,
        user: str,
        now: dt.datetime | None = None,
    ) -> str:
        """Add the caller to an existing request (a duplicate) instead of opening a new one.

        The citizen's details and words become a ``caller`` event on that request, queued for
        the server; any agent may add one, whoever captured the request.
        """
        now = now or utcnow()
        check = RequestDraft(
            nature="comment",
            channel=draft.channel or "phone",
            category="-",
            citizen=draft.citizen,
            description=draft.description,
        ).validated()
        citizen: Citizen = check.citizen
        who = citizen.name or "Citoyen anonyme"
        contact = citizen.phone or citizen.email
        text = f"{who} {('(' + contact + ') ') if contact else ''}signale aussi ce problème. {check.description}".strip()
        with self.db.transaction() as session:
            row = repo.get_request(session, existing_uuid)
            if row is None:
                raise ValidationFailed({"duplicate": "requête introuvable sur ce poste"})
            request_actions.record_event(
                session,
                existing_uuid,
                EventKind.CALLER,
                {"text": text, "citizen": citizen.to_wire()},
                user=user,
                now=now,
            )
            row.updated_at = now
            return row.reference or row.number

    def _check_attachments(self, items: tuple[Attachment, ...]) -> None:
        for item in items:
            if self.attachments is None or not self.attachments.has(item.sha256):
                raise ValidationFailed(
                    {"attachments": f"pièce jointe introuvable sur ce poste : {item.name or '?'}"}
                )

    def receipt(self, uuid: str) -> Receipt:
        with self.db.reading() as session:
            row = repo.get_request(session, uuid)
            if row is None:
                raise KeyError(uuid)
            category = repo.get_category(session, row.category)
            return Receipt(
                number=row.number,
                reference=row.reference,
                nature=row.nature,
                category_label=category.label if category else row.category,
                department=category.department if category else "",
                created_at=row.created_at,
                due_at=row.due_at,
                followup_due_at=row.followup_due_at,
                address=row.place,
                resolved_first_contact=bool((row.payload or {}).get("resolved_first_contact")),
            )

    def list(self, *, status: str | None = None) -> list[RequestSummary]:
        with self.db.reading() as session:
            return request_queries.summaries(
                session, repo.list_requests(session, status=status), self.streets
            )

    def waiting(self) -> int:
        with self.db.reading() as session:
            return repo.count_waiting(session)

    # ------------------------------------------------------------------ after capture
    def find(self, text: str, *, limit: int = 50) -> list[RequestSummary]:
        with self.db.reading() as session:
            return request_queries.find(session, text, self.streets, limit=limit)

    def mine(self, user: str, *, limit: int = 200) -> list[RequestSummary]:
        with self.db.reading() as session:
            rows = repo.requests_by(session, created_by=user, limit=limit)
            return request_queries.summaries(session, rows, self.streets)

    def station(self, *, limit: int = 200) -> list[RequestSummary]:
        with self.db.reading() as session:
            rows = repo.requests_by(session, local_only=True, limit=limit)
            return request_queries.summaries(session, rows, self.streets)

    def detail(
        self, ref_or_uuid: str, *, viewer: Viewer | None = None, now: dt.datetime | None = None
    ) -> RequestDetail:
        """A request as the detail pane shows it. With ``viewer`` (someone opens it), a detail
        that shows a citizen's data is recorded for the server's access log, in the same
        transaction as the read (docs/privacy.md)."""
        if viewer is None:
            with self.db.reading() as session:
                return request_queries.detail(session, ref_or_uuid, self.streets)
        with self.db.transaction() as session:
            detail = request_queries.detail(session, ref_or_uuid, self.streets)
            if detail.shows_personal_data:
                privacy_repo.record_access(session, detail.summary.uuid, viewer, now or utcnow())
            return detail

    def queue(
        self,
        name: str,
        *,
        department: str | None = None,
        district: int | None = None,
        sort: str = "due",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        now: dt.datetime | None = None,
    ) -> QueuePage:
        query = repo.QueueQuery(
            name, now or utcnow(), department, district, sort, descending, offset, limit
        )
        with self.db.reading() as session:
            return request_queries.queue(session, query, self.streets)

    def queue_counts(
        self,
        *,
        department: str | None = None,
        district: int | None = None,
        now: dt.datetime | None = None,
    ) -> dict[str, int]:
        with self.db.reading() as session:
            return {
                name: repo.queue_count(
                    session, name, now=now or utcnow(), department=department, district=district
                )
                for name in repo.QUEUES
            }

    def departments(self) -> list[str]:
        with self.db.reading() as session:
            return repo.departments(session)

    def districts(self) -> list[tuple[int, str]]:
        return sorted((d.number, d.name) for d in self.streets.districts.values())

    def resend(self, ref_or_uuid: str, *, now: dt.datetime | None = None) -> int:
        """Send a refused upload again (after the taxonomy or the account was fixed on the
        server); the request leaves the blocked queue until the server answers."""
        with self.db.transaction() as session:
            row = repo.by_label(session, ref_or_uuid)
            if row is None:
                raise ValidationFailed({"request": "requête introuvable sur ce poste"})
            count = repo.unblock(session, row.uuid)
            if count == 0:
                raise ValidationFailed(
                    {"request": "aucun envoi refusé pour cette requête"}, "Rien à renvoyer."
                )
            if SyncState(row.sync_state).blocked:
                row.sync_state = SyncState.PENDING
                row.sync_error = ""
            row.updated_at = now or utcnow()
            return count

    def act(
        self,
        ref_or_uuid: str,
        kind: EventKind | str,
        data: dict[str, Any],
        *,
        user: str,
        role: str | None,
        now: dt.datetime | None = None,
    ) -> Event:
        """Add one action to a request's history, offline; it is sent at the next sync."""
        with self.db.transaction() as session:
            return request_actions.act(
                session, ref_or_uuid, str(kind), data, user=user, role=role, now=now or utcnow()
            )


__all__ = [
    "CHANNELS",
    "NATURES",
    "Assessment",
    "QueuePage",
    "RequestDetail",
    "RequestService",
    "RequestSummary",
    "SavedRequest",
]
