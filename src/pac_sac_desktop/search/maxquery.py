"""A correct "best alternative" query for Whoosh.

Whoosh 2.7.4's ``DisjunctionMaxMatcher.score`` takes the max of both sub-matchers even when they
sit on different documents, so a document inherits the score of another one (seen here: an
article matching two common words scored like the one matching the rare expression). This
matcher scores only the sub-matchers positioned on the current document, and turns off
block-quality skipping, whose Whoosh shortcuts assume scores add up.
"""

from __future__ import annotations

from whoosh.matching import NullMatcher, UnionMatcher
from whoosh.query import DisjunctionMax


class MaxMatcher(UnionMatcher):
    def __init__(self, a, b, tiebreak: float = 0.0) -> None:  # type: ignore[no-untyped-def]
        super().__init__(a, b)
        self.tiebreak = tiebreak

    def copy(self):  # type: ignore[no-untyped-def]
        return self.__class__(self.a.copy(), self.b.copy(), tiebreak=self.tiebreak)

    def supports_block_quality(self) -> bool:
        return False

    def replace(self, minquality=0):  # type: ignore[no-untyped-def]
        a, b = self.a, self.b
        if not (a.is_active() or b.is_active()):
            return NullMatcher()
        if not a.is_active():
            return b.replace(0)
        if not b.is_active():
            return a.replace(0)
        a2, b2 = a.replace(0), b.replace(0)
        if a2 is not a or b2 is not b:
            return self.__class__(a2, b2, tiebreak=self.tiebreak)
        return self

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return b.score()
        if not b.is_active():
            return a.score()
        ida, idb = a.id(), b.id()
        if ida < idb:
            return a.score()
        if idb < ida:
            return b.score()
        sa, sb = a.score(), b.score()
        return max(sa, sb) + self.tiebreak * min(sa, sb)


class BestOf(DisjunctionMax):
    """Matches any alternative; scores the best one (plus ``tiebreak`` × the others)."""

    def _matcher(self, subs, searcher, context):  # type: ignore[no-untyped-def]
        reader = searcher.reader()
        return self._tree_matcher(
            subs,
            MaxMatcher,
            searcher,
            context,
            lambda q: q.estimate_size(reader),
            tiebreak=self.tiebreak,
        )
