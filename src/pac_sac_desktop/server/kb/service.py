"""Publishing answer sheets: versions kept, who and when, every change in the KB feed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.kb import Article, article_from_record, article_to_wire
from pac_sac_desktop.server import feed
from pac_sac_desktop.server.models import Article as ArticleRow
from pac_sac_desktop.server.models import ArticleVersion
from pac_sac_desktop.server.types import utcnow


def to_article(row: ArticleRow) -> Article:
    return article_from_record(row)


def publish(session: Session, article: Article, *, author: str) -> str:
    """Create or update; 'unchanged' when the content is the same (no new version, no change)."""
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
    return outcome


def withdraw(session: Session, article_id: str, *, author: str) -> bool:
    row = session.get(ArticleRow, article_id, with_for_update=True)
    if row is None or row.deleted:
        return False
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


def changes(session: Session, since: int, limit: int) -> dict:
    page = feed.read(session, "kb", since, limit)
    ids = [c.entity_id for c in page.changes if c.op == "upsert"]
    rows = (
        {r.id: r for r in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))}
        if ids
        else {}
    )
    out = []
    for change in page.changes:
        item: dict = {"seq": change.seq, "op": change.op, "id": change.entity_id}
        if change.op == "upsert":
            row = rows[change.entity_id]
            item["article"] = article_to_wire(to_article(row))
            item["version"] = row.version
        out.append(item)
    return page.envelope(out)
