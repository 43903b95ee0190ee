"""The knowledge base's part of a sync push: editors' drafts, agents' feedback, searches.

Each item is sent on its own and removed (or marked) in its own transaction, so a cut network
halfway leaves the rest waiting for the next pass. Nothing is overwritten silently: a draft the
server refuses because another version was published meanwhile keeps its text and gets the
published one beside it (state ``conflict``).
"""

from __future__ import annotations

import logging
import uuid as uuidlib

from sqlalchemy import delete, select

from pac_sac_desktop.core.errors import SyncError
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import DraftRow, FeedbackOutboxRow, SearchLogRow
from pac_sac_desktop.store.state import get_value, set_value
from pac_sac_desktop.store.types import utcnow
from pac_sac_desktop.sync.client import ServerClient

log = logging.getLogger(__name__)

ANALYTICS = "kb:analytics"  # "on" / "off", as the server last answered
SEARCH_BATCH = 200


def push_drafts(db: Database, client: ServerClient) -> tuple[int, int]:
    """Send the drafts queued for publication or withdrawal; (sent, refused)."""
    with db.reading() as s:
        queued = list(
            s.scalars(
                select(DraftRow).where(DraftRow.state == "queued").order_by(DraftRow.updated_at)
            )
        )
    sent = refused = 0
    for draft in queued:
        try:
            if draft.action == "withdraw":
                try:
                    client.delete_article(draft.article_id)
                except SyncError as exc:
                    if exc.kind != "not_found":
                        raise
            else:
                body = {**draft.data, "base_version": draft.base_version, "force": draft.force}
                client.put(f"/kb/articles/{draft.article_id}", body)
        except SyncError as exc:
            if exc.kind in ("auth", "forbidden", "locked"):
                raise
            _refused(db, draft.article_id, exc)
            refused += 1
            continue
        with db.transaction() as s:
            s.execute(delete(DraftRow).where(DraftRow.article_id == draft.article_id))
        sent += 1
    return sent, refused


def _refused(db: Database, article_id: str, exc: SyncError) -> None:
    with db.transaction() as s:
        row = s.get(DraftRow, article_id)
        if row is None:
            return
        data = exc.data if isinstance(exc.data, dict) else {}
        if exc.kind == "conflict":
            row.state = "conflict"
            row.server_copy = data.get("current")
            row.server_version = data.get("version")
        else:
            row.state = "rejected"
        row.error = f"{exc.message} {exc.details}".strip()
        row.updated_at = utcnow()


def push_feedback(db: Database, client: ServerClient) -> int:
    with db.reading() as s:
        pending = list(
            s.scalars(select(FeedbackOutboxRow).where(FeedbackOutboxRow.state == "pending"))
        )
    sent = 0
    for item in pending:
        body = {k: v for k, v in item.data.items() if k != "uuid"}
        try:
            client.put_feedback(item.uuid, body)
        except SyncError as exc:
            if exc.kind in ("auth", "forbidden", "locked"):
                raise
            with db.transaction() as s:
                row = s.get(FeedbackOutboxRow, item.uuid)
                if row is not None:
                    row.state, row.error = "blocked", exc.message
            continue
        with db.transaction() as s:
            s.execute(delete(FeedbackOutboxRow).where(FeedbackOutboxRow.uuid == item.uuid))
        sent += 1
    return sent


def analytics_on(db: Database) -> bool:
    with db.reading() as s:
        return get_value(s, ANALYTICS, "on") != "off"


def push_searches(db: Database, client: ServerClient) -> int:
    """Send finished searches in batches; a batch's UUID makes a resend count once. When the
    city has opted out, the local log is emptied and no longer written."""
    sent = 0
    while True:
        with db.reading() as s:
            pending = get_value(s, "kb:search_batch") or ""
            stmt = select(SearchLogRow).order_by(SearchLogRow.id).limit(SEARCH_BATCH)
            if pending:  # a batch sent before without an answer: the very same rows again
                stmt = stmt.where(SearchLogRow.id <= int(pending.split(":")[1]))
            rows = list(s.scalars(stmt))
        if not rows:
            with db.transaction() as s:
                set_value(s, "kb:search_batch", "")
            return sent
        batch = pending.split(":")[0] if pending else str(uuidlib.uuid4())
        if not pending:
            with db.transaction() as s:
                set_value(s, "kb:search_batch", f"{batch}:{rows[-1].id}")
        answer = client.post_searches(batch, [r.data for r in rows])
        last = rows[-1].id
        with db.transaction() as s:
            if answer.get("analytics") is False:
                set_value(s, ANALYTICS, "off")
                s.execute(delete(SearchLogRow))
            else:
                set_value(s, ANALYTICS, "on")
                s.execute(delete(SearchLogRow).where(SearchLogRow.id <= last))
            set_value(s, "kb:search_batch", "")
        sent += int(answer.get("accepted") or 0)
        if answer.get("analytics") is False:
            return sent
