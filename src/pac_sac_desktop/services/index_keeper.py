"""Keeping the word index up with the database in the background, and healing it.

Two situations made the index lag behind what the agent needs:
- a first sync downloads the whole knowledge base page by page, and the index used to be built
  only after the last page: nothing could be searched for the minute that took;
- a damaged segment made searches raise, and nothing repaired the index.

The keeper runs one background thread that brings the index up to the database
(``KnowledgeIndex.ensure``: rebuilt when missing or damaged, else only the changes). During a
sync the engine reports each stored page; the index catches up when the articles waiting are
at least as many as those already sent to it (1, 1, 2, 4, 8… pages, at most a full segment):
the first page is searchable at once, every article soon after, and a first sync of 10,000
articles leaves about six segments rather than twenty (as-you-type time grows with segments).
A search that raises marks the index damaged and starts ONE rebuild; if searches still fail
after it, the keeper does not loop (the fault is elsewhere and is logged).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.search.index import SEGMENT, ArticleSource, KnowledgeIndex
from pac_sac_desktop.services.background_pass import BackgroundPass

log = logging.getLogger(__name__)


class Stopped(Exception):
    """The application is closing: an unfinished rebuild is dropped (never recorded as done)."""


class _StoppableSource:
    """The database as the index reads it, interrupted between articles when asked to stop.

    Stopping raises rather than ending the iteration early: a rebuild that ended early would
    record the KB change number with half the articles, and never be redone."""

    def __init__(self, source: ArticleSource, stop: threading.Event) -> None:
        self.source, self.stop = source, stop

    def kb_seq(self) -> int:
        return self.source.kb_seq()

    def count(self) -> int:
        return self.source.count()

    def iter_articles(self, *, priority: bool = False) -> Iterator[Article]:
        for article in self.source.iter_articles(priority=priority):
            if self.stop.is_set():
                raise Stopped
            yield article

    def changes_since(self, seq: int) -> tuple[list[Article], list[str]]:
        return self.source.changes_since(seq)


class IndexKeeper:
    """One per knowledge base; every method may be called from any thread."""

    def __init__(self, index: KnowledgeIndex, source: ArticleSource) -> None:
        self.index = index
        self.source = _StoppableSource(source, threading.Event())
        self._lock = threading.Lock()  # guards the healing flags
        self._pass = BackgroundPass("pac-sac-index", self._one_pass, self.source.stop)
        # First-sync schedule: articles stored but not yet handed to the index, articles handed.
        self._waiting = 0
        self._handed = 0
        self._expected = 0  # articles the knowledge base will hold when the sync ends
        self._healing = False
        self._healed_unproven = False  # a heal finished and no search has worked since

    # ------------------------------------------------------------------ sync pages
    def page_stored(self, changes: int, remaining: int) -> None:
        """The sync engine stored a page of ``changes``; ``remaining`` more are on the server.

        The last page is left to the end of the pull (``KnowledgeBase.ensure_index``)."""
        if remaining <= 0:
            return
        self._expected = self.source.count() + remaining
        self._waiting += changes
        if self._waiting >= min(max(self._handed, 1), SEGMENT):
            self._handed += self._waiting
            self._waiting = 0
            self.catch_up()

    def settled(self) -> None:
        """The pull ended (the index was just brought up to the database): no more expected."""
        self._waiting = self._handed = self._expected = 0

    # ------------------------------------------------------------------ background work
    def catch_up(self) -> None:
        """Bring the index up to the database in the background (once at a time; a call during
        a pass asks for one more pass)."""
        self._pass.request()

    def _one_pass(self) -> None:
        try:
            state = self.index.ensure(self.source)
            log.info("search index caught up in the background: %s", state)
        except Stopped:
            log.info("search index: background pass stopped (closing)")
        except Exception:
            log.exception("search index: background pass failed; searches fall back")
        with self._lock:
            if self._healing:
                self._healing, self._healed_unproven = False, True

    def busy(self) -> bool:
        return self._pass.busy()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the background pass is done (tests, the CLI); True if it is."""
        return self._pass.wait(timeout)

    def stop(self) -> None:
        """Closing: an unfinished rebuild is abandoned (rebuilt at the next start)."""
        self.source.stop.set()
        self.wait()

    # ------------------------------------------------------------------ healing
    def search_failed(self, exc: BaseException) -> None:
        """A search raised from the index: rebuild it once, in the background."""
        with self._lock:
            if self._healing:
                return
            if self._healed_unproven:
                log.error("search fails again after a rebuild, not rebuilding again: %r", exc)
                return
            self._healing = True
        log.warning("search failed (%r): rebuilding the index in the background", exc)
        self.index.mark_damaged(repr(exc))
        self.catch_up()

    def search_worked(self) -> None:
        if self._healed_unproven:
            self._healed_unproven = False

    # ------------------------------------------------------------------ progress
    def incomplete(self) -> bool:
        """Articles are missing from the index for now: being built, repaired, or a repair is
        due (searches then also look at titles)."""
        indexed, total, working = self.progress()
        return self._healing or (working and indexed < total)

    def progress(self) -> tuple[int, int, bool]:
        """(articles searchable, articles there will be, still working); no database access."""
        indexed, total, building = self.index.progress()
        total = max(total, self._expected, indexed)
        working = building or self.busy() or indexed < total
        return indexed, total, working
