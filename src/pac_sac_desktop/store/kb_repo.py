"""Knowledge-base rows. Functions never commit: the caller owns the transaction.

Every change to an article takes the next value of the ``kb_seq`` counter; the search index
records the last ``kb_seq`` it reflects, so it can catch up with exactly what changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.kb import Article, article_from_record
from pac_sac_desktop.store.models import ArticleRow, ArticleVersionRow, RecentViewRow
from pac_sac_desktop.store.state import get_int, next_int
from pac_sac_desktop.store.types import utcnow

KB_SEQ = "kb_seq"
RECENT_KEEP = 30


def kb_seq(session: Session) -> int:
    return get_int(session, KB_SEQ)


def to_article(row: ArticleRow) -> Article:
    return article_from_record(row)


def _meta(article: Article) -> dict:
    return {
        "service": article.service,
        "tags": list(article.tags),
        "summary": article.summary,
        "updated": article.updated.isoformat() if article.updated else None,
        "expires": article.expires.isoformat() if article.expires else None,
        "urgent": article.urgent,
        "categories": list(article.categories),
        "expires_at": article.expires_at.isoformat() if article.expires_at else None,
        "review_by": article.review_by.isoformat() if article.review_by else None,
    }


def upsert_article(
    session: Session,
    article: Article,
    *,
    today: dt.date | None = None,
    server_version: int | None = None,
) -> str:
    """Store an article as a new version when it changed; returns created/updated/unchanged.

    ``server_version`` is the server's number for it (from the feed): an editor's draft edited
    from this row is sent with it, and the server refuses it if another was published since."""
    digest = article.content_hash()
    row = session.get(ArticleRow, article.id)
    if row is not None and row.content_hash == digest and not row.deleted:
        if server_version is not None:
            row.server_version = server_version
        return "unchanged"
    now = utcnow()
    updated = article.updated or today or now.date()
    seq = next_int(session, KB_SEQ)
    if row is None:
        outcome = "created"
        row = ArticleRow(id=article.id, version=1)
        session.add(row)
    else:
        outcome = "updated"
        row.version = (row.version or 0) + 1
    row.title = article.title
    row.service = article.service
    row.tags = list(article.tags)
    row.summary = article.summary
    row.body = article.body
    row.updated = updated
    row.expires = article.expires
    row.urgent = article.urgent
    row.categories = list(article.categories)
    row.expires_at = article.expires_at
    row.review_by = article.review_by
    row.server_version = server_version
    row.content_hash = digest
    row.seq = seq
    row.deleted = False
    row.changed_at = now
    session.flush()
    session.add(
        ArticleVersionRow(
            article_id=article.id,
            version=row.version,
            title=article.title,
            body=article.body,
            meta=_meta(article),
            content_hash=digest,
            created_at=now,
        )
    )
    return outcome


def withdraw_article(session: Session, article_id: str) -> bool:
    """Mark an article deleted (a tombstone the index and later syncs follow)."""
    row = session.get(ArticleRow, article_id)
    if row is None or row.deleted:
        return False
    row.deleted = True
    row.seq = next_int(session, KB_SEQ)
    row.changed_at = utcnow()
    session.execute(delete(RecentViewRow).where(RecentViewRow.article_id == article_id))
    return True


def get_article(session: Session, article_id: str) -> Article | None:
    row = session.get(ArticleRow, article_id)
    return None if row is None or row.deleted else to_article(row)


def get_articles(session: Session, ids: Iterable[str]) -> dict[str, Article]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = session.scalars(
        select(ArticleRow).where(ArticleRow.id.in_(wanted), ArticleRow.deleted.is_(False))
    )
    return {row.id: to_article(row) for row in rows}


def iter_articles(
    session: Session, *, batch: int = 500, priority: bool = False
) -> Iterator[Article]:
    """Current articles by id, or with ``priority`` urgent notices first, then the most recently
    updated (what an index built in steps should make searchable first)."""
    order = (
        (ArticleRow.urgent.desc(), ArticleRow.updated.desc().nulls_last(), ArticleRow.id)
        if priority
        else (ArticleRow.id,)
    )
    stmt = (
        select(ArticleRow)
        .where(ArticleRow.deleted.is_(False))
        .order_by(*order)
        .execution_options(yield_per=batch)
    )
    for row in session.scalars(stmt):
        yield to_article(row)


def changes_since(session: Session, seq: int) -> tuple[list[Article], list[str]]:
    """Articles changed after ``seq`` (to upsert) and ids withdrawn after it (to delete)."""
    rows = session.scalars(select(ArticleRow).where(ArticleRow.seq > seq).order_by(ArticleRow.seq))
    upserts: list[Article] = []
    deletions: list[str] = []
    for row in rows:
        if row.deleted:
            deletions.append(row.id)
        else:
            upserts.append(to_article(row))
    return upserts, deletions


def titles(session: Session, service: str | None = None) -> list[tuple[str, str]]:
    """(id, title) of every current article, urgent then most recent first: what a search
    answers from while the index is being repaired."""
    stmt = select(ArticleRow.id, ArticleRow.title).where(ArticleRow.deleted.is_(False))
    if service is not None:
        stmt = stmt.where(ArticleRow.service == service)
    stmt = stmt.order_by(ArticleRow.urgent.desc(), ArticleRow.updated.desc().nulls_last())
    return [(row.id, row.title) for row in session.execute(stmt)]


def count_articles(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(ArticleRow).where(ArticleRow.deleted.is_(False))
        )
        or 0
    )


def services(session: Session) -> list[str]:
    rows = session.scalars(
        select(ArticleRow.service).where(ArticleRow.deleted.is_(False)).distinct()
    )
    return sorted(rows, key=str.casefold)


def _urgent(session: Session) -> list[Article]:
    rows = session.scalars(
        select(ArticleRow)
        .where(ArticleRow.deleted.is_(False), ArticleRow.urgent.is_(True))
        .order_by(ArticleRow.updated.desc(), ArticleRow.title)
    )
    return list(map(to_article, rows))


def urgent_articles(session: Session, now: dt.datetime) -> list[Article]:
    """Notices in force at ``now``."""
    return [a for a in _urgent(session) if a.in_force(now)]


def lifted_notices(session: Session, now: dt.datetime, days: int) -> list[Article]:
    """Notices lifted in the last ``days`` days, most recently lifted first."""
    since = now - dt.timedelta(days=days)
    lifted = [a for a in _urgent(session) if a.is_over(now) and a.ends_at() >= since]  # type: ignore[operator]
    return sorted(lifted, key=lambda a: a.ends_at(), reverse=True)  # type: ignore[arg-type, return-value]


def server_version(session: Session, article_id: str) -> int:
    row = session.get(ArticleRow, article_id)
    return 0 if row is None or row.deleted else row.server_version or 0


def versions(session: Session, article_id: str) -> list[ArticleVersionRow]:
    return list(
        session.scalars(
            select(ArticleVersionRow)
            .where(ArticleVersionRow.article_id == article_id)
            .order_by(ArticleVersionRow.version)
        )
    )


def record_view(session: Session, article_id: str) -> None:
    row = session.get(RecentViewRow, article_id)
    if row is None:
        session.add(RecentViewRow(article_id=article_id, viewed_at=utcnow()))
    else:
        row.viewed_at = utcnow()
    session.flush()
    stale = (
        select(RecentViewRow.article_id)
        .order_by(RecentViewRow.viewed_at.desc())
        .offset(RECENT_KEEP)
    )
    session.execute(delete(RecentViewRow).where(RecentViewRow.article_id.in_(stale)))


def recent_views(session: Session, limit: int = 10) -> list[Article]:
    rows = session.execute(
        select(ArticleRow)
        .join(RecentViewRow, RecentViewRow.article_id == ArticleRow.id)
        .where(ArticleRow.deleted.is_(False))
        .order_by(RecentViewRow.viewed_at.desc())
        .limit(limit)
    ).scalars()
    return [to_article(r) for r in rows]


def recently_updated(
    session: Session, limit: int = 10, today: dt.date | None = None
) -> list[Article]:
    """The latest updates; with ``today``, only sheets still current (never an expired one)."""
    stmt = select(ArticleRow).where(ArticleRow.deleted.is_(False))
    if today is not None:
        stmt = stmt.where((ArticleRow.expires.is_(None)) | (ArticleRow.expires >= today))
    rows = session.scalars(stmt.order_by(ArticleRow.updated.desc(), ArticleRow.title).limit(limit))
    return [to_article(r) for r in rows]


def due_for_review(session: Session, today: dt.date, within_days: int = 30) -> list[Article]:
    """Sheets whose review date is past or within ``within_days``, most overdue first."""
    horizon = today + dt.timedelta(days=within_days)
    due = [
        a
        for a in iter_articles(session)
        if not a.urgent and a.review_due() is not None and a.review_due() <= horizon  # type: ignore[operator]
    ]
    return sorted(due, key=lambda a: (a.review_due(), a.title))  # type: ignore[arg-type, return-value]
