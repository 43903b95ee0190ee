"""Publishing answer sheets: versions kept, who and when, every change in the KB feed.

An editor's version is published now, or scheduled (``kb_scheduled``) and published by the first
feed read after its time. A version sent with the number it was edited from (``base_version``)
is refused when someone published another meanwhile: nothing is overwritten silently.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.consistency import Finding, check_all, check_article
from pac_sac_desktop.core.kb import Article, article_from_record, article_from_wire, article_to_wire
from pac_sac_desktop.core.kb_history import DiffLine, diff_articles
from pac_sac_desktop.server import feed, feed_cache
from pac_sac_desktop.server.feed_cache import members
from pac_sac_desktop.server.models import Article as ArticleRow
from pac_sac_desktop.server.models import ArticleVersion, Category, ScheduledArticle
from pac_sac_desktop.server.types import utcnow


class Stale(Exception):
    """The version was edited from an older one than the published version."""

    def __init__(self, current: Article | None, version: int) -> None:
        super().__init__(version)
        self.current, self.version = current, version


def to_article(row: ArticleRow) -> Article:
    return article_from_record(row)


def current_version(session: Session, article_id: str) -> int:
    row = session.get(ArticleRow, article_id)
    return 0 if row is None or row.deleted else row.version


def _check_base(session: Session, article_id: str, base_version: int | None) -> None:
    if base_version is None:
        return
    row = session.get(ArticleRow, article_id, with_for_update=True)
    live = 0 if row is None or row.deleted else row.version
    if live != base_version:
        raise Stale(to_article(row) if row is not None and live else None, live)


def publish(
    session: Session, article: Article, *, author: str, base_version: int | None = None
) -> str:
    """Create or update; 'unchanged' when the content is the same (no new version, no change)."""
    _check_base(session, article.id, base_version)
    digest = article.content_hash()
    row = session.get(ArticleRow, article.id, with_for_update=True)
    if row is not None and not row.deleted and row.content_hash == digest:
        return "unchanged"
    now = utcnow()
    if row is None:
        outcome, row = "created", ArticleRow(id=article.id, version=1)
        session.add(row)
    else:
        outcome = "updated"
        row.version += 1
    row.title, row.service, row.tags = article.title, article.service, list(article.tags)
    row.summary, row.body = article.summary, article.body
    row.updated = article.updated or now.date()
    row.expires, row.urgent = article.expires, article.urgent
    row.categories, row.expires_at, row.review_by = (
        list(article.categories),
        article.expires_at,
        article.review_by,
    )
    row.content_hash, row.deleted = digest, False
    row.changed_by, row.changed_at = author, now
    session.flush()
    session.add(
        ArticleVersion(
            article_id=row.id,
            version=row.version,
            data=article_to_wire(to_article(row)),
            author=author,
            created_at=now,
        )
    )
    feed.record(session, "kb", row.id)
    session.execute(delete(ScheduledArticle).where(ScheduledArticle.article_id == article.id))
    return outcome


def schedule(
    session: Session,
    article: Article,
    publish_at: dt.datetime,
    *,
    author: str,
    base_version: int | None = None,
) -> str:
    """Keep the version until ``publish_at``; one scheduled version per article (the last)."""
    _check_base(session, article.id, base_version)
    row = session.get(ScheduledArticle, article.id)
    if row is None:
        row = ScheduledArticle(article_id=article.id)
        session.add(row)
    row.publish_at, row.data, row.base_version = publish_at, article_to_wire(article), base_version
    row.author, row.created_at = author, utcnow()
    return "scheduled"


def due_scheduled(session: Session, now: dt.datetime) -> bool:
    return (
        session.scalar(
            select(ScheduledArticle.article_id).where(ScheduledArticle.publish_at <= now).limit(1)
        )
        is not None
    )


def release_due(session: Session, now: dt.datetime) -> list[str]:
    """Publish every scheduled version whose time has come (idempotent: rows are removed)."""
    rows = list(
        session.scalars(
            select(ScheduledArticle)
            .where(ScheduledArticle.publish_at <= now)
            .order_by(ScheduledArticle.publish_at)
            .with_for_update(skip_locked=True)
        )
    )
    released = []
    for row in rows:
        article, author = article_from_wire(row.data), row.author
        session.delete(row)
        session.flush()
        publish(session, article, author=author)
        released.append(article.id)
    return released


def scheduled(session: Session) -> list[dict]:
    rows = session.scalars(select(ScheduledArticle).order_by(ScheduledArticle.publish_at))
    return [
        {
            "id": r.article_id,
            "publish_at": r.publish_at.isoformat(),
            "author": r.author,
            "title": r.data.get("title", ""),
        }
        for r in rows
    ]


def withdraw(session: Session, article_id: str, *, author: str) -> bool:
    cancelled = session.execute(
        delete(ScheduledArticle).where(ScheduledArticle.article_id == article_id)
    ).rowcount
    row = session.get(ArticleRow, article_id, with_for_update=True)
    if row is None or row.deleted:
        return bool(cancelled)
    row.deleted, row.changed_by, row.changed_at = True, author, utcnow()
    feed.record(session, "kb", article_id, op="delete")
    return True


def get(session: Session, article_id: str) -> Article | None:
    row = session.get(ArticleRow, article_id)
    return None if row is None or row.deleted else to_article(row)


def versions(session: Session, article_id: str) -> list[dict]:
    rows = session.scalars(
        select(ArticleVersion)
        .where(ArticleVersion.article_id == article_id)
        .order_by(ArticleVersion.version)
    )
    return [
        {
            "version": v.version,
            "author": v.author,
            "created_at": v.created_at.isoformat(),
            "article": v.data,
        }
        for v in rows
    ]


def version(session: Session, article_id: str, number: int) -> Article | None:
    row = session.get(ArticleVersion, (article_id, number))
    return None if row is None else article_from_wire(row.data)


def diff(session: Session, article_id: str, old: int, new: int) -> list[DiffLine] | None:
    a, b = version(session, article_id, old), version(session, article_id, new)
    if a is None or b is None:
        return None
    return diff_articles(a, b)


def restore(session: Session, article_id: str, number: int, *, author: str) -> int | None:
    """Publish an older version again, as a new version; returns the new number."""
    old = version(session, article_id, number)
    if old is None:
        return None
    publish(session, old, author=author)
    return current_version(session, article_id)


def deadlines(session: Session) -> dict[str, tuple[str, int]]:
    rows = session.execute(select(Category.code, Category.label, Category.deadline_hours))
    return {code: (label, hours) for code, label, hours in rows}


def consistency(session: Session, article: Article | None = None) -> list[Finding]:
    """Findings for one sheet (before publishing it) or for the whole published bank."""
    table = deadlines(session)
    if article is not None:
        return check_article(article, table)
    rows = session.scalars(select(ArticleRow).where(ArticleRow.deleted.is_(False)))
    return check_all((to_article(r) for r in rows), table)


def urgent(session: Session, now: dt.datetime) -> list[Article]:
    rows = session.scalars(
        select(ArticleRow).where(ArticleRow.deleted.is_(False), ArticleRow.urgent.is_(True))
    )
    return [a for a in map(to_article, rows) if a.in_force(now)]


def changes(session: Session, since: int, limit: int) -> bytes:
    """The ``GET /kb/changes`` answer: each upserted article as a workstation stores it, with
    its version, built once per feed entry (``feed_cache``)."""
    return feed_cache.page(session, "kb", since, limit, _wire_articles).body


def _wire_articles(session: Session, ids: list[str]) -> dict[str, str]:
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))
    return {
        r.id: members({"article": article_to_wire(to_article(r)), "version": r.version})
        for r in rows
    }
