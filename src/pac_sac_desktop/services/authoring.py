"""The editor's workspace: drafts kept on this workstation, published at the next sync.

A draft remembers the server version it was edited from. Publishing queues it; the sync sends
it (sync/kb_push.py) and the server refuses it if someone published another version meanwhile:
the draft then holds both texts (state ``conflict``) until the editor keeps one. Reads of the
history, corrections and search gaps ask the server directly (the editor is online to publish
anyway); they raise NetworkError when it cannot be reached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from pac_sac_desktop.core.consistency import Finding, check_all, check_article
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.kb import Article, article_from_wire, article_to_wire, read_article_file
from pac_sac_desktop.core.kb_history import DiffLine
from pac_sac_desktop.core.requests import normalize_name
from pac_sac_desktop.store import kb_repo, requests_repo
from pac_sac_desktop.store.models import ArticleRow, DraftRow
from pac_sac_desktop.store.types import utcnow

if TYPE_CHECKING:
    from pac_sac_desktop.services.workstation import Workstation

STATES = ("draft", "queued", "conflict", "rejected")


@dataclass(frozen=True)
class Draft:
    article: Article
    base_version: int  # server version it was edited from; 0 = a new sheet
    state: str  # draft | queued (waits for the sync) | conflict | rejected
    action: str  # publish | withdraw
    updated_at: dt.datetime
    server_copy: Article | None = None
    server_version: int | None = None
    error: str = ""
    force: bool = False

    @property
    def scheduled(self) -> bool:
        return self.article.publish_at is not None and self.article.publish_at > utcnow()


@dataclass(frozen=True)
class SheetStatus:
    """One line of the editor's list of sheets."""

    id: str
    title: str
    service: str
    status: str  # draft, queued, conflict, rejected, scheduled, published, expired, withdrawn
    review_due: dt.date | None


def _wire(article: Article) -> dict[str, Any]:
    data = article_to_wire(article)
    data["publish_at"] = article.publish_at.isoformat() if article.publish_at else None
    return data


def _from_row(row: DraftRow) -> Draft:
    return Draft(
        article=article_from_wire(row.data),
        base_version=row.base_version,
        state=row.state,
        action=row.action,
        updated_at=row.updated_at,
        server_copy=article_from_wire(row.server_copy) if row.server_copy else None,
        server_version=row.server_version,
        error=row.error,
        force=row.force,
    )


class Authoring:
    def __init__(self, ws: Workstation) -> None:
        self.ws = ws
        self.db = ws.db

    # ------------------------------------------------------------ drafts (local)
    def drafts(self) -> list[Draft]:
        with self.db.reading() as s:
            rows = s.scalars(select(DraftRow).order_by(DraftRow.updated_at.desc()))
            return [_from_row(r) for r in rows]

    def draft(self, article_id: str) -> Draft | None:
        with self.db.reading() as s:
            row = s.get(DraftRow, article_id)
            return _from_row(row) if row is not None else None

    def save_draft(self, article: Article) -> Draft:
        """Keep the editor's text here; a sheet already published is edited from its version."""
        with self.db.transaction() as s:
            row = s.get(DraftRow, article.id)
            if row is None:
                row = DraftRow(
                    article_id=article.id,
                    base_version=kb_repo.server_version(s, article.id),
                    action="publish",
                    force=False,
                    error="",
                )
                s.add(row)
            elif row.state != "conflict":  # a conflict stays until the editor resolves it
                row.state, row.error = "draft", ""
            row.data, row.action, row.updated_at = _wire(article), "publish", utcnow()
            s.flush()
            return _from_row(row)

    def import_draft(self, path: Path) -> Draft:
        """``pac-sac kb draft PATH``: a Markdown file becomes a draft (ArticleRejected if bad)."""
        return self.save_draft(read_article_file(path))

    def publish(self, article_id: str, *, force: bool = False) -> Draft:
        """Queue the draft for the next sync (scheduled if it has a future ``publish_at``)."""
        return self._queue(article_id, "publish", force=force)

    def withdraw(self, article_id: str) -> Draft:
        """Queue the withdrawal of a published sheet (and of its scheduled version)."""
        with self.db.transaction() as s:
            if s.get(DraftRow, article_id) is None:
                article = kb_repo.get_article(s, article_id)
                if article is None:
                    raise ValidationFailed({"id": "fiche introuvable"}, "Fiche introuvable.")
                s.add(
                    DraftRow(
                        article_id=article_id,
                        data=_wire(article),
                        base_version=kb_repo.server_version(s, article_id),
                        state="draft",
                        action="withdraw",
                        force=False,
                        error="",
                        updated_at=utcnow(),
                    )
                )
        return self._queue(article_id, "withdraw")

    def _queue(self, article_id: str, action: str, *, force: bool = False) -> Draft:
        with self.db.transaction() as s:
            row = s.get(DraftRow, article_id)
            if row is None:
                raise ValidationFailed(
                    {"id": "aucun brouillon"}, "Aucun brouillon pour cette fiche."
                )
            if row.state == "conflict":
                raise ValidationFailed(
                    {"id": "conflit"},
                    "Une autre version a été publiée : gardez la vôtre ou la leur avant de publier.",
                )
            row.state, row.action, row.force, row.error = "queued", action, force, ""
            row.updated_at = utcnow()
            s.flush()
            return _from_row(row)

    def keep_mine(self, article_id: str) -> Draft:
        """Resolve a conflict with the draft's text, now edited from the published version."""
        with self.db.transaction() as s:
            row = s.get(DraftRow, article_id)
            if row is None or row.state != "conflict":
                raise ValidationFailed({"id": "aucun conflit"}, "Aucun conflit pour cette fiche.")
            row.base_version = row.server_version or 0
            row.state, row.server_copy, row.server_version, row.error = "draft", None, None, ""
            row.updated_at = utcnow()
            s.flush()
            return _from_row(row)

    def discard(self, article_id: str) -> bool:
        """Drop the draft (also: keep the published version after a conflict)."""
        with self.db.transaction() as s:
            row = s.get(DraftRow, article_id)
            if row is None:
                return False
            s.delete(row)
            return True

    def status(self, article_id: str, now: dt.datetime | None = None) -> str:
        """Where a sheet stands, seen from here: ``draft`` (or queued/conflict/rejected, not yet
        on the server), ``scheduled``, ``published``, ``expired`` (its end passed; a lifted
        notice) or ``withdrawn`` (or ``unknown``)."""
        now = now or utcnow()
        draft = self.draft(article_id)
        if draft is not None and draft.state != "queued":
            return draft.state
        if draft is not None:
            if draft.action == "withdraw":
                return "withdrawn"
            return "scheduled" if draft.scheduled else "published"
        with self.db.reading() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return "unknown"
            if row.deleted:
                return "withdrawn"
            article = kb_repo.to_article(row)
        return "expired" if article.is_over(now) else "published"

    def sheets(self, now: dt.datetime | None = None) -> list[SheetStatus]:
        """Every sheet this workstation knows (published here, withdrawn, or only a draft),
        with where it stands, its owner service and its review date, by title."""
        now = now or utcnow()
        drafts = {d.article.id: d for d in self.drafts()}
        with self.db.reading() as s:
            rows = list(s.scalars(select(ArticleRow)))
            published = {r.id: (kb_repo.to_article(r), r.deleted) for r in rows}
        out = []
        for article_id in sorted(set(published) | set(drafts)):
            article = drafts[article_id].article if article_id in drafts else None
            if article is None:
                article = published[article_id][0]
            out.append(
                SheetStatus(
                    article.id,
                    article.title or article.id,
                    article.service,
                    self.status(article_id, now),
                    article.review_due(),
                )
            )
        return sorted(out, key=lambda sheet: normalize_name(sheet.title))  # É with E

    def working_copy(self, article_id: str) -> Article | None:
        """What the editor opens: the draft if any, else the sheet as published here."""
        draft = self.draft(article_id)
        return draft.article if draft is not None else self.ws.kb.article(article_id)

    # ------------------------------------------------------------ checks (local)
    def deadlines(self) -> dict[str, tuple[str, int]]:
        with self.db.reading() as s:
            return {
                c.code: (c.label, c.deadline_hours)
                for c in requests_repo.categories(s, active_only=False)
            }

    def check(self, article: Article) -> list[Finding]:
        return check_article(article, self.deadlines())

    def check_bank(self) -> list[Finding]:
        with self.db.reading() as s:
            articles = list(kb_repo.iter_articles(s))
        return check_all(articles, self.deadlines())

    def with_review_date(self, article: Article) -> Article:
        return article if article.review_by else replace(article, review_by=article.review_due())

    # ------------------------------------------------------------ server reads (online)
    def history(self, article_id: str) -> list[dict]:
        return self.ws.client().get(f"/kb/articles/{article_id}/versions")

    def diff(self, article_id: str, old: int, new: int) -> list[DiffLine]:
        answer = self.ws.client().get(f"/kb/articles/{article_id}/diff", **{"from": old, "to": new})
        return [DiffLine(x["op"], x["text"]) for x in answer["lines"]]

    def restore(self, article_id: str, version: int) -> int:
        return int(self.ws.client().post(f"/kb/articles/{article_id}/restore/{version}")["version"])

    def corrections(self) -> list[dict]:
        return self.ws.client().get("/kb/feedback")

    def close_correction(self, uuid: str) -> None:
        self.ws.client().post(f"/kb/feedback/{uuid}/close")

    def scheduled(self) -> list[dict]:
        return self.ws.client().get("/kb/scheduled")

    def gaps(self, start: dt.date, end: dt.date) -> dict:
        return self.ws.client().get(
            "/kb/gaps", **{"from": start.isoformat(), "to": end.isoformat()}
        )
