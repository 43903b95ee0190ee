"""One synchronisation pass: push the outbox, then pull taxonomy, knowledge base, users and
request updates, page by page.

Every page is applied together with its cursor in one SQLite transaction: a crash or a cut
network between pages leaves the workstation consistent and the next pass resumes where it
stopped. Uploads are idempotent on the server (PUT by UUID), so an upload whose answer was lost
is simply sent again and answered with the same reference: never a duplicate.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import NetworkError, SyncError, ValidationFailed
from pac_sac_desktop.core.events import Event
from pac_sac_desktop.core.kb import article_from_wire
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.requests import RequestDraft, SyncState
from pac_sac_desktop.core.roles import can_author, readable_feeds
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.store import kb_repo, privacy_repo
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import OutboxRow, RequestRow
from pac_sac_desktop.store.state import get_int, get_value, set_value
from pac_sac_desktop.store.types import utcnow
from pac_sac_desktop.sync import kb_push, outbox_push, privacy_push
from pac_sac_desktop.sync.client import ServerClient

log = logging.getLogger(__name__)

PAGE = 500
PUSH_WORKERS = outbox_push.PUSH_WORKERS
LAST_SYNC = "sync:last_success"
LAST_ERROR = "sync:last_error"
USERS = "sync:users"
CLOCK_OFFSET = "sync:clock_offset"

Progress = Callable[[str, int, int], None]  # (feed, done, remaining)


@dataclass
class SyncReport:
    pushed: int = 0
    blocked: int = 0
    kb_upserts: int = 0
    kb_deletions: int = 0
    categories: int = 0
    request_updates: int = 0
    resynced: list[str] = field(default_factory=list)
    drafts_sent: int = 0
    drafts_refused: int = 0
    feedback_sent: int = 0
    searches_sent: int = 0
    accesses_sent: int = 0

    def summary_fr(self) -> str:
        return (
            f"{self.pushed} envoi(s), {self.blocked} bloqué(s), {self.kb_upserts} fiche(s) reçue(s), "
            f"{self.kb_deletions} retirée(s), {self.categories} catégorie(s), "
            f"{self.request_updates} suivi(s) de requête"
        )


class Backoff:
    """Exponential backoff with full jitter: 2, 4, 8 … seconds, at most ``cap``."""

    def __init__(
        self, base: float = 2.0, cap: float = 300.0, rng: random.Random | None = None
    ) -> None:
        self.base, self.cap, self.failures = base, cap, 0
        self.rng = rng or random.Random()

    def success(self) -> None:
        self.failures = 0

    def failure(self) -> float:
        self.failures += 1
        ceiling = min(self.cap, self.base * (2 ** (self.failures - 1)))
        return self.rng.uniform(ceiling / 2, ceiling)


class SyncEngine:
    def __init__(
        self,
        db: Database,
        client: ServerClient,
        *,
        on_kb_changed: Callable[[], object] | None = None,
        on_kb_page: Callable[[int, int], object] | None = None,
        progress: Progress | None = None,
        role: str | None = None,
    ) -> None:
        self.db = db
        self.role = role
        self.client = client
        self.on_kb_changed = on_kb_changed
        # (changes stored, changes still on the server) after each knowledge-base page: the
        # index makes them searchable while the next pages download (first sync).
        self.on_kb_page = on_kb_page
        self.progress = progress or (lambda *_: None)
        self.streets = StreetIndex.load(resources_dir() / "streets.yaml")
        self.last_report = SyncReport()

    # ------------------------------------------------------------------ pass
    def sync_once(self) -> SyncReport:
        # Kept for after a failed pass too: what it did before the failure (sent, stored).
        report = self.last_report = SyncReport()
        feeds = readable_feeds(self.role)  # only what the role may read: never a failed pass
        pulls = {
            "taxonomy": lambda: self.pull_taxonomy(report),
            "kb": lambda: self.pull_kb(report),
            "users": self.pull_users,
            "requests": lambda: self.pull_requests(report),
        }
        try:
            self.push(report)
            self.push_kb(report)
            if "requests" in feeds:  # the roles that open requests' details
                report.accesses_sent = privacy_push.push_accesses(self.db, self.client)
            for feed in ("taxonomy", "kb", "users", "requests"):
                if feed in feeds:
                    pulls[feed]()
        except (NetworkError, SyncError) as exc:
            with self.db.transaction() as s:
                set_value(s, LAST_ERROR, exc.message)
            raise
        with self.db.transaction() as s:
            set_value(s, LAST_SYNC, utcnow().isoformat())
            set_value(s, LAST_ERROR, "")
            offset = self.client.clock_offset
            if offset is not None:
                set_value(s, CLOCK_OFFSET, f"{offset.total_seconds():.3f}")
        return report

    # ------------------------------------------------------------------ push
    def push_kb(self, report: SyncReport) -> None:
        """Editors' drafts, then agents' feedback and finished searches (sync/kb_push.py)."""
        if can_author(self.role):
            report.drafts_sent, report.drafts_refused = kb_push.push_drafts(self.db, self.client)
        report.feedback_sent = kb_push.push_feedback(self.db, self.client)
        report.searches_sent = kb_push.push_searches(self.db, self.client)

    def push(self, report: SyncReport) -> None:
        """Send the outbox, each request with its events, as far as the network lets them
        (sync/outbox_push.py): a failure holds back only what follows it in its request, and
        every answer received is recorded, whatever happens later in the pass."""
        result = outbox_push.PushResult()
        try:
            outbox_push.push_outbox(
                self.db,
                self.client,
                self._requests_sent,
                lambda item, exc: self._block(item.id, exc),
                result=result,
            )
        finally:  # also when the pass failed: what was recorded counts
            report.pushed += result.pushed
            report.blocked += result.blocked

    def _requests_sent(self, sent: list[tuple[OutboxRow, dict]]) -> None:
        """Acknowledged items leave the outbox; a request takes the server's view (reference,
        deadlines) in the same transaction."""
        if not sent:
            return
        with self.db.transaction() as s:
            for item, answer in sent:
                if item.kind == "request":
                    row = repo.get_request(s, item.entity_uuid)
                    if row is not None:
                        self._apply_server_request(s, row, answer)
                repo.remove_outbox(s, item.id)

    def _block(self, outbox_id: int, exc: SyncError) -> None:
        """The server refused for good (conflict, invalid): keep everything, flag it for a supervisor."""
        with self.db.transaction() as s:
            repo.block(s, outbox_id, f"{exc.message} {exc.details}".strip(), exc.kind == "conflict")

    @staticmethod
    def _apply_server_request(session: Session, row: RequestRow, answer: dict) -> None:
        """The server's view of a request: its reference and deadlines, and, from the feed, its
        history; the state columns are then the fold of that history and of the events still
        waiting here, as the server computes them."""
        reference_arrived = answer.get("reference") and row.reference != answer["reference"]
        row.reference = answer.get("reference") or row.reference
        for key in ("due_at", "followup_due_at"):
            if answer.get(key):
                setattr(row, key, dt.datetime.fromisoformat(answer[key]))
        row.server = {k: v for k, v in answer.items() if k not in ("payload", "events")}
        for item in answer.get("events") or ():
            repo.put_event(session, row.uuid, Event.from_wire(item, row.uuid))
        if row.sync_state == SyncState.PENDING:
            row.sync_state = SyncState.SENT
        repo.refresh_state(session, row)
        if reference_arrived:
            repo.set_search_keys(session, row)
        row.updated_at = utcnow()

    # ------------------------------------------------------------------ pull
    def _pages(
        self,
        feed: str,
        apply: Callable[[list[dict], int], None],
        stored: Callable[[int, int], object] | None = None,
    ) -> bool:
        """Follow a feed to its end; each page is applied with its cursor. True if it resynced."""
        cursor_key = f"cursor:{feed}"
        with self.db.reading() as s:
            since = get_int(s, cursor_key)
        resynced = False
        done = 0
        while True:
            try:
                page = self.client.changes(feed, since, PAGE)
            except SyncError as exc:
                if exc.kind != "resync" or since == 0:
                    raise
                log.warning("feed %s: cursor %s too old, downloading everything", feed, since)
                since, resynced = 0, True
                self._start_resync(feed)
                continue
            apply(page["changes"], page["next"])
            done += len(page["changes"])
            if stored is not None:
                stored(len(page["changes"]), int(page.get("remaining", 0)))
            self.progress(feed, done, int(page.get("remaining", 0)))
            since = page["next"]
            if not page.get("more"):
                break
        if resynced:
            self._finish_resync(feed)
        return resynced

    def _start_resync(self, feed: str) -> None:
        with self.db.transaction() as s:
            set_value(s, f"resync:{feed}", "[]")

    def _finish_resync(self, feed: str) -> None:
        """After a full download, what the server no longer lists is gone."""
        if feed != "kb":
            return
        with self.db.transaction() as s:
            seen = set(json.loads(get_value(s, "resync:kb", "[]") or "[]"))
            for article in list(kb_repo.iter_articles(s)):
                if article.id not in seen:
                    kb_repo.withdraw_article(s, article.id)
            set_value(s, "resync:kb", "[]")

    def pull_kb(self, report: SyncReport) -> None:
        changed = False

        def apply(changes: list[dict], cursor: int) -> None:
            nonlocal changed
            with self.db.transaction() as s:
                tracking = get_value(s, "resync:kb")
                seen = set(json.loads(tracking)) if tracking and tracking != "[]" else None
                for change in changes:
                    if change["op"] == "delete":
                        if kb_repo.withdraw_article(s, change["id"]):
                            report.kb_deletions += 1
                    else:
                        outcome = kb_repo.upsert_article(
                            s,
                            article_from_wire(change["article"]),
                            server_version=change.get("version"),
                        )
                        if outcome != "unchanged":
                            report.kb_upserts += 1
                        if seen is not None:
                            seen.add(change["id"])
                    changed = True
                if seen is not None:
                    set_value(s, "resync:kb", json.dumps(sorted(seen)))
                set_value(s, "cursor:kb", str(cursor))

        try:
            resynced = self._pages("kb", apply, self.on_kb_page)
        except Exception:
            # The pages stored before a cut network are indexed now, not at the next pass.
            if changed and self.on_kb_changed is not None:
                try:
                    self.on_kb_changed()
                except Exception:
                    log.exception("index not brought up to the pages stored")
            raise
        if resynced:
            report.resynced.append("kb")
        if changed and self.on_kb_changed is not None:
            self.on_kb_changed()

    def pull_taxonomy(self, report: SyncReport) -> None:
        def apply(changes: list[dict], cursor: int) -> None:
            with self.db.transaction() as s:
                for change in changes:
                    if change["op"] == "delete" or "category" not in change:
                        repo.delete_category(s, change["id"])
                    else:
                        repo.upsert_category(s, Category.from_wire(change["category"]))
                    report.categories += 1
                set_value(s, "cursor:taxonomy", str(cursor))

        self._pages("taxonomy", apply)

    def pull_users(self) -> None:
        def apply(changes: list[dict], cursor: int) -> None:
            with self.db.transaction() as s:
                directory = json.loads(get_value(s, USERS, "{}") or "{}")
                for change in changes:
                    if "user" in change:
                        directory[change["id"]] = change["user"]
                    else:
                        directory.pop(change["id"], None)
                set_value(s, USERS, json.dumps(directory, ensure_ascii=False))
                set_value(s, "cursor:users", str(cursor))

        self._pages("users", apply)

    def pull_requests(self, report: SyncReport) -> None:
        with self.db.reading() as s:
            departments = {c.code: c.department for c in repo.categories(s, active_only=False)}

        def apply(changes: list[dict], cursor: int) -> None:
            with self.db.transaction() as s:
                for change in changes:
                    data = change.get("request")
                    if data is None:
                        continue
                    row = repo.get_request(s, change["id"])
                    if row is None:
                        row = _remote_row(data, self.streets, departments)
                        s.add(row)
                        repo.set_search_keys(s, row)
                    self._apply_server_request(s, row, data)
                    if data.get("anonymised_at") and row.anonymised_at is None:
                        # The server's retention job reached it: so does this copy.
                        payload = data.get("payload") or {}
                        privacy_repo.anonymise_row(s, row, payload, self.streets, utcnow())
                    report.request_updates += 1
                set_value(s, "cursor:requests", str(cursor))

        self._pages("requests", apply)


def server_now(db: Database) -> dt.datetime:
    """Now on the server's clock, as last measured (this clock when never synced)."""
    with db.reading() as s:
        offset = float(get_value(s, CLOCK_OFFSET, "0") or 0)
    return utcnow() + dt.timedelta(seconds=offset)


def sync_status(db: Database) -> dict:
    """Last success, last error, items waiting and items blocked, for the status bar and CLI."""
    with db.reading() as s:
        return {
            "last_success": get_value(s, LAST_SYNC),
            "last_error": get_value(s, LAST_ERROR, "") or "",
            "waiting": repo.count_waiting(s),
            "blocked": repo.count_blocked(s),
        }


def _remote_row(data: dict, streets: StreetIndex, categories: dict[str, str]) -> RequestRow:
    """A request captured elsewhere, kept for caller history, duplicates and the desk."""
    try:
        draft = RequestDraft.from_wire(data.get("payload") or {})
    except ValidationFailed:  # an old payload the rules of today refuse: keep what is certain
        draft = RequestDraft()
    draft = replace(
        draft,
        nature=data.get("nature") or draft.nature or "request",
        category=data.get("category") or draft.category,
        channel=data.get("channel") or draft.channel or "web",
    )
    place = streets.locate(draft.place) if draft.place else None
    district = data.get("district")
    if district is None and place is not None and place.district is not None:
        district = place.district.number
    now = utcnow()
    return repo.request_row(
        uuid=data["uuid"],
        number=data.get("reference") or data["uuid"],
        reference=data.get("reference"),
        draft=draft,
        payload=data.get("payload") or {},
        status=data.get("status", "received"),
        sync_state=SyncState.REMOTE,
        created_at=_time(data.get("created_at")) or now,
        created_by=data.get("created_by", ""),
        segment=place.segment if place else "",
        district=district,
        department=data.get("department") or categories.get(draft.category, ""),
        now=now,
    )


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None
