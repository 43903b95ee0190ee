"""What agents tell the bank: feedback on sheets and the searches they ran.

Feedback is an idempotent PUT by UUID (a workstation may send it twice). Search events arrive in
batches with a UUID, counted once; they hold the query text only. A city that opts out
(``PAC_SAC_SEARCH_ANALYTICS=off`` on the server) receives nothing, and workstations stop
recording when the answer says so.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.kb_usage import Feedback, SearchEvent
from pac_sac_desktop.server.models import Article as ArticleRow
from pac_sac_desktop.server.models import ArticleFeedback, SearchBatch, SearchLog
from pac_sac_desktop.server.types import utcnow

MAX_BATCH = 500


class Conflict(Exception):
    """Another feedback already uses this UUID."""


def analytics_enabled() -> bool:
    return os.environ.get("PAC_SAC_SEARCH_ANALYTICS", "on").strip().lower() not in {
        "off",
        "0",
        "non",
        "false",
    }


def put_feedback(session: Session, feedback: Feedback) -> bool:
    """Store it; False when the same feedback was already stored (idempotent)."""
    row = session.get(ArticleFeedback, feedback.uuid)
    if row is not None:
        same = (row.article_id, row.kind, row.comment, row.author) == (
            feedback.article_id,
            feedback.kind,
            feedback.comment,
            feedback.author,
        )
        if not same:
            raise Conflict(feedback.uuid)
        return False
    now = utcnow()
    session.add(
        ArticleFeedback(
            uuid=feedback.uuid,
            article_id=feedback.article_id,
            version=feedback.version,
            kind=feedback.kind,
            comment=feedback.comment,
            author=feedback.author,
            created_at=min(feedback.created_at, now),
            received_at=now,
        )
    )
    return True


def corrections(session: Session, *, open_only: bool = True) -> list[dict]:
    """The editors' queue: « à corriger » marks, oldest first, with the sheet's title."""
    stmt = (
        select(ArticleFeedback, ArticleRow.title)
        .join(ArticleRow, ArticleRow.id == ArticleFeedback.article_id, isouter=True)
        .where(ArticleFeedback.kind == "fix")
        .order_by(ArticleFeedback.created_at)
    )
    if open_only:
        stmt = stmt.where(ArticleFeedback.closed_at.is_(None))
    return [
        {
            "uuid": f.uuid,
            "article_id": f.article_id,
            "title": title or f.article_id,
            "version": f.version,
            "comment": f.comment,
            "author": f.author,
            "created_at": f.created_at.isoformat(),
            "closed_at": f.closed_at.isoformat() if f.closed_at else None,
        }
        for f, title in session.execute(stmt)
    ]


def close_correction(session: Session, uuid: str, *, editor: str) -> bool:
    row = session.get(ArticleFeedback, uuid, with_for_update=True)
    if row is None or row.kind != "fix":
        return False
    if row.closed_at is None:
        row.closed_at, row.closed_by = utcnow(), editor
    return True


def useful_counts(session: Session) -> dict[str, int]:
    rows = session.scalars(
        select(ArticleFeedback.article_id).where(ArticleFeedback.kind == "useful")
    )
    return dict(Counter(rows))


def record_searches(session: Session, batch: str, events: Iterable[SearchEvent]) -> int:
    """Store a batch once; returns how many events were stored now (0 for a repeat)."""
    if session.get(SearchBatch, batch) is not None:
        return 0
    now = utcnow()
    session.add(SearchBatch(uuid=batch, received_at=now))
    count = 0
    for event in events:
        session.add(
            SearchLog(
                at=min(event.at, now),
                query=event.query,
                results=event.results,
                opened=event.opened,
            )
        )
        count += 1
    return count


def gaps(session: Session, start: dt.datetime, end: dt.datetime, *, limit: int = 20) -> dict:
    """The period's searches that found nothing, those where no sheet was opened, and the most
    opened sheets: where the bank should grow."""
    rows = session.execute(
        select(SearchLog.query, SearchLog.results, SearchLog.opened).where(
            SearchLog.at >= start, SearchLog.at < end
        )
    ).all()
    no_result: Counter[str] = Counter()
    not_opened: Counter[str] = Counter()
    opened: Counter[str] = Counter()
    for query, results, article in rows:
        if results == 0:
            no_result[query] += 1
        elif article is None:
            not_opened[query] += 1
        else:
            opened[article] += 1
    titles = (
        dict(
            session.execute(
                select(ArticleRow.id, ArticleRow.title).where(ArticleRow.id.in_(list(opened)))
            ).all()
        )
        if opened
        else {}
    )

    def top(counter: Counter[str]) -> list[dict]:
        return [
            {"query": q, "count": n}
            for q, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        ]

    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "searches": len(rows),
        "no_result": top(no_result),
        "not_opened": top(not_opened),
        "most_used": [
            {"id": a, "title": titles.get(a, a), "count": n}
            for a, n in sorted(opened.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        ],
    }
