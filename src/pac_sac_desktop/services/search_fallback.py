"""What a search answers while the index cannot: titles read from SQLite.

Used only when the index cannot answer: it raised (a damaged segment, a file gone), or it is
being built (a first sync, a repair) and found nothing among the articles indexed so far. Every word typed must begin a
word of the title (stems, so plurals and missing accents still match), urgent notices and the
latest updates first: the agent at the counter still finds a sheet by its name.
"""

from __future__ import annotations

import datetime as dt

from pac_sac_desktop.search.analysis import stems
from pac_sac_desktop.search.query import Hit
from pac_sac_desktop.store import kb_repo
from pac_sac_desktop.store.db import Database


def title_hits(
    db: Database, text: str, *, limit: int, service: str | None, today: dt.date
) -> list[Hit]:
    wanted = stems(text)
    if not wanted:
        return []
    with db.reading() as session:
        matches = [
            article_id
            for article_id, title in kb_repo.titles(session, service)
            if _all_begin(wanted, stems(title))
        ][:limit]
        articles = kb_repo.get_articles(session, matches)
    hits = []
    for article_id in matches:
        article = articles.get(article_id)
        if article is None:
            continue
        expired = article.expires is not None and article.expires < today
        hits.append(
            Hit(
                id=article.id,
                title=article.title,
                service=article.service,
                score=0.0,
                updated=article.updated,
                expires=article.expires,
                urgent=bool(article.urgent),
                expired=expired,
            )
        )
    hits.sort(key=lambda h: h.expired)
    return hits


def _all_begin(wanted: list[str], title: list[str]) -> bool:
    return all(any(t.startswith(w) for t in title) for w in wanted)
