"""The agent's side of the bank's feedback loop: « utile » / « à corriger » marks and finished
searches, written locally (offline too) and sent at the next sync (sync/kb_push.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from pac_sac_desktop.core.kb_usage import Feedback, SearchEvent, redact_query
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import FeedbackOutboxRow, SearchLogRow
from pac_sac_desktop.sync.kb_push import analytics_on

SETTLE_SECONDS = 30  # a query left alone this long without an opening is a finished search


class Usage:
    def __init__(self, db: Database) -> None:
        self.db = db

    def give_feedback(
        self, article_id: str, kind: str, comment: str = "", *, version: int = 0
    ) -> Feedback:
        """Store a mark for the next sync; raises ValidationFailed (French) when incomplete."""
        feedback = Feedback.new(article_id, version, kind, comment, dt.datetime.now(dt.UTC))
        with self.db.transaction() as s:
            s.add(FeedbackOutboxRow(uuid=feedback.uuid, data=feedback.to_wire(), state="pending"))
        return feedback

    def pending_feedback(self) -> list[Feedback]:
        with self.db.reading() as s:
            rows = s.scalars(select(FeedbackOutboxRow))
            return [Feedback.from_wire(r.data) for r in rows]

    def record_search(self, event: SearchEvent) -> bool:
        """Keep a finished search for the next sync, unless the city opted out."""
        if not analytics_on(self.db):
            return False
        with self.db.transaction() as s:
            s.add(SearchLogRow(data=event.to_wire()))
        return True

    def pending_searches(self) -> list[SearchEvent]:
        with self.db.reading() as s:
            return [SearchEvent.from_wire(r.data) for r in s.scalars(select(SearchLogRow))]


class SearchTracker:
    """Turns keystrokes into finished searches: "nid", "nid de", "nid de poule" is one search.

    A search is finished when a sheet is opened from it, when the agent starts another one (a
    text that does not extend it), or after SETTLE_SECONDS without either. Plain Python: the
    window feeds it and passes what it returns to ``Usage.record_search``.
    """

    def __init__(self) -> None:
        self.query = ""
        self.results = 0
        self.at: dt.datetime | None = None

    def typed(self, text: str, results: int, now: dt.datetime) -> SearchEvent | None:
        text = " ".join(text.split())
        previous = self._finish(None) if self.query and not _extends(text, self.query) else None
        if self.at is not None and now - self.at > dt.timedelta(seconds=SETTLE_SECONDS):
            previous = previous or self._finish(None)
        if text:
            self.query, self.results, self.at = text, results, now
        return previous

    def opened(self, article_id: str) -> SearchEvent | None:
        return self._finish(article_id) if self.query else None

    def flush(self, now: dt.datetime) -> SearchEvent | None:
        if (
            self.query
            and self.at is not None
            and now - self.at > dt.timedelta(seconds=SETTLE_SECONDS)
        ):
            return self._finish(None)
        return None

    def _finish(self, opened: str | None) -> SearchEvent | None:
        query, results, at = self.query, self.results, self.at
        self.query, self.results, self.at = "", 0, None
        if not query or at is None or not redact_query(query):
            return None
        return SearchEvent(redact_query(query), results, opened, at)


def _extends(new: str, old: str) -> bool:
    """The agent went on typing (or fixed the last letters) rather than starting over."""
    a, b = new.casefold(), old.casefold()
    common = len(next((a[:i] for i in range(min(len(a), len(b)), 0, -1) if a[:i] == b[:i]), ""))
    return common >= max(1, min(len(a), len(b)) - 2)
