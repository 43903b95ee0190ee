"""The knowledge base as the UI and the CLI use it: import, search, read, notices.

This is the only place that ties the database (truth) to the search index (cache): every write
goes to SQLite first, then the index catches up from the ``kb_seq`` it recorded.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pac_sac_desktop.core.errors import ArticleRejected
from pac_sac_desktop.core.kb import (
    Article,
    ImportReport,
    find_article_files,
    read_article_file,
)
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.render import highlight_html, to_html
from pac_sac_desktop.core.timefmt import LOCAL_TZ, local_today
from pac_sac_desktop.search.analysis import STOP_WORDS, stem, stems, word_spans
from pac_sac_desktop.search.index import KnowledgeIndex
from pac_sac_desktop.search.query import Hit, KnowledgeSearcher, Mode, ParsedQuery
from pac_sac_desktop.search.snippets import Snippet, make_snippet
from pac_sac_desktop.search.synonyms import load_synonyms
from pac_sac_desktop.search.vectors import VectorStore
from pac_sac_desktop.services import search_fallback
from pac_sac_desktop.services.background_pass import BackgroundPass
from pac_sac_desktop.services.index_keeper import IndexKeeper
from pac_sac_desktop.store import kb_repo
from pac_sac_desktop.store.db import Database

log = logging.getLogger(__name__)

INDEX_DIRNAME = "index"
LIFTED_DAYS = 7  # a lifted notice stays on show (as lifted) this long


def moment_of(today: dt.date | None) -> dt.datetime:
    """The moment to judge notices by: now, or noon on ``today`` when a screen or a test runs on
    another day than the clock's."""
    now = dt.datetime.now(dt.UTC)
    if today is None or now.astimezone(LOCAL_TZ).date() == today:
        return now
    return dt.datetime.combine(today, dt.time(12), LOCAL_TZ).astimezone(dt.UTC)


VECTORS_DIRNAME = "index-vectors"


def semantic_enabled() -> bool:
    """Semantic ranking is on unless ``PAC_SAC_SEMANTIC=off`` (a slow or tiny workstation)."""
    return os.environ.get("PAC_SAC_SEMANTIC", "on").strip().lower() not in {"off", "0", "no"}


@dataclass(frozen=True)
class IndexProgress:
    """Where the derived data stands, for a progress bar: search works at every stage.

    ``indexed``/``total``: articles searchable in the word index and articles there will be,
    while it is (re)built or a sync downloads the knowledge base (equal when done);
    ``vectors``/``vectors_total``: articles encoded by the background task (semantic ranking
    joins in when it finishes)."""

    building: bool
    indexed: int
    total: int
    vectors_running: bool
    vectors: int
    vectors_total: int
    semantic_ready: bool

    @property
    def fraction(self) -> float:
        """0..1 over both stages (the index counts for half when vectors are on)."""
        parts = [self.indexed / self.total if self.total else 1.0]
        if self.vectors_total or self.vectors_running:
            parts.append(self.vectors / self.vectors_total if self.vectors_total else 0.0)
        elif not self.semantic_ready:
            parts.append(0.0)
        return sum(parts) / len(parts)


@dataclass(frozen=True)
class SearchOutcome:
    """Results plus how the query was understood, for the window's heading and highlights."""

    results: list[SearchResult]
    stems: set[str]
    corrected: dict[str, str]
    #: The best match is a notice that was lifted: no such notice is in force now.
    lifted_top: Article | None = None
    #: Matched on titles only (services/search_fallback.py): the index is being built or
    #: repaired and could not answer yet.
    titles_only: bool = False


@dataclass(frozen=True)
class SearchResult:
    """A hit with the extract to show under its title."""

    hit: Hit
    snippet: Snippet
    summary: str
    lifted_on: dt.date | None = None
    needs_review: bool = False


def _lifted_match(
    text: str, results: list[SearchResult], articles: dict[str, Article], now: dt.datetime
) -> Article | None:
    """The lifted notice the search is about: the first result, or a lifted notice whose title
    holds every word typed (lifted notices rank after current sheets, so "avis d'ébullition"
    lists it last while it is what the agent asked for)."""
    if not results:
        return None
    first = articles.get(results[0].hit.id)
    if first is not None and first.lifted_on(now):
        return first
    wanted = stems(text)
    if not wanted:
        return None
    for result in results:
        article = articles.get(result.hit.id)
        if article is None or result.lifted_on is None:
            continue
        title = stems(article.title)
        if all(any(t.startswith(w) for t in title) for w in wanted):
            return article
    return None


class _DatabaseSource:
    """The index's view of the database (the search package never imports the store)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def kb_seq(self) -> int:
        with self.db.reading() as s:
            return kb_repo.kb_seq(s)

    def count(self) -> int:
        with self.db.reading() as s:
            return kb_repo.count_articles(s)

    def iter_articles(self, *, priority: bool = False) -> Iterator[Article]:
        with self.db.reading() as s:
            yield from kb_repo.iter_articles(s, priority=priority)

    def changes_since(self, seq: int) -> tuple[list[Article], list[str]]:
        with self.db.reading() as s:
            return kb_repo.changes_since(s, seq)


class KnowledgeBase:
    """One workstation's knowledge base: ``KnowledgeBase.open(home)`` then use from any thread."""

    def __init__(
        self,
        db: Database,
        index_dir: Path,
        synonyms_path: Path | None = None,
        *,
        semantic: bool | None = None,
    ) -> None:
        self.db = db
        self.source = _DatabaseSource(db)
        self.index = KnowledgeIndex(index_dir)
        self.keeper = IndexKeeper(self.index, self.source)
        if semantic is None:
            semantic = semantic_enabled()
        self.vectors = VectorStore(index_dir.with_name(VECTORS_DIRNAME)) if semantic else None
        self.synonyms_path = synonyms_path or resources_dir() / "synonyms.txt"
        self.searcher = KnowledgeSearcher(
            self.index, load_synonyms(self.synonyms_path), self.vectors
        )
        self._vector_pass = BackgroundPass("pac-sac-vectors", self._vectors_task, threading.Event())

    @classmethod
    def open(
        cls, home: Path, *, synonyms_path: Path | None = None, semantic: bool | None = None
    ) -> KnowledgeBase:
        return cls(Database.in_home(home), home / INDEX_DIRNAME, synonyms_path, semantic=semantic)

    def close(self) -> None:
        self._vector_pass.stop.set()
        self._vector_pass.wait()
        self.keeper.stop()
        self.index.close()
        self.db.close()

    # ------------------------------------------------------------- index upkeep
    def ensure_index(self) -> str:
        """Heal the index if needed ('ok', 'updated', 'rebuilt'), then load what queries need.

        Slow when rebuilding: call it off the GUI thread."""
        state = self.index.ensure(self.source)
        self.index.warm()
        self.start_vectors()
        return state

    def page_stored(self, changes: int, remaining: int) -> None:
        """A sync stored a page of the knowledge base: its articles become searchable in the
        background while the next pages download (services/index_keeper.py)."""
        self.keeper.page_stored(changes, remaining)

    def sync_pulled(self) -> str:
        """The sync's knowledge-base pull ended (or stopped on an error): index what is left."""
        try:
            return self.ensure_index()
        finally:
            self.keeper.settled()

    def wait_for_index(self, timeout: float | None = None) -> bool:
        """Block until the background indexing is done (tests, the CLI); True if it is."""
        return self.keeper.wait(timeout)

    # ------------------------------------------------------------- vectors (background)
    def start_vectors(self) -> bool:
        """Bring the article vectors up to the database in a background thread (once at a time).

        Never waited for by a search: until it finishes, ranking is lexical (or fused with the
        previous vectors, stale only for the changed articles)."""
        return self.vectors is not None and self._vector_pass.request()

    def _vectors_task(self) -> None:
        assert self.vectors is not None
        try:
            outcome = self.vectors.update(self.source, stop=self._vector_pass.stop)
            log.info("article vectors: %s", outcome)
        except Exception:
            log.exception("article vectors not computed; search stays lexical")

    def wait_for_vectors(self, timeout: float | None = None) -> bool:
        """Block until the background vectors are done (tests, the CLI); True if ready."""
        self._vector_pass.wait(timeout)
        return self.vectors is not None and self.vectors.state() is not None

    def index_progress(self) -> IndexProgress:
        """A snapshot for the status bar; cheap enough to poll every few hundred ms."""
        indexed, total, building = self.keeper.progress()
        running = self._vector_pass.busy()
        done, vtotal = self.vectors.progress if self.vectors is not None else (0, 0)
        ready = self.vectors is not None and not running and self.vectors._state is not None
        return IndexProgress(building, indexed, total, running, done, vtotal, ready)

    def reload_synonyms(self) -> int:
        """Pick up an editor's change to the synonyms file without restarting."""
        synonyms = load_synonyms(self.synonyms_path)
        self.searcher = KnowledgeSearcher(self.index, synonyms, self.vectors)
        return synonyms.size

    # ------------------------------------------------------------- import
    def import_path(self, path: Path, *, today: dt.date | None = None) -> ImportReport:
        """Import a file or folder: good files in one transaction, bad ones reported."""
        report = ImportReport()
        articles: list[Article] = []
        seen: dict[str, str] = {}
        files = find_article_files(path)
        if not files:
            report.rejected.append(
                ArticleRejected(str(path), "aucun fichier Markdown (.md) trouvé")
            )
        for file in files:
            try:
                article = read_article_file(file)
            except ArticleRejected as exc:
                report.rejected.append(exc)
                continue
            if article.id in seen:
                report.rejected.append(
                    ArticleRejected(
                        str(file),
                        f"identifiant « {article.id} » déjà utilisé par {seen[article.id]}",
                    )
                )
                continue
            seen[article.id] = str(file)
            articles.append(article)
        with self.db.transaction() as session:
            for article in articles:
                outcome = kb_repo.upsert_article(session, article, today=today)
                getattr(report, outcome).append(article.id)
        if report.created or report.updated:
            self.ensure_index()
        return report

    def withdraw(self, article_id: str) -> bool:
        with self.db.transaction() as session:
            done = kb_repo.withdraw_article(session, article_id)
        if done:
            self.ensure_index()
        return done

    # ------------------------------------------------------------- reading
    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        service: str | None = None,
        prefix_last: bool = True,
        today: dt.date | None = None,
        mode: Mode = "hybrid",
        typing: bool = False,
    ) -> list[SearchResult]:
        return self.lookup(
            text,
            limit=limit,
            service=service,
            prefix_last=prefix_last,
            today=today,
            mode=mode,
            typing=typing,
        ).results

    def lookup(
        self,
        text: str,
        *,
        limit: int = 10,
        service: str | None = None,
        prefix_last: bool = True,
        today: dt.date | None = None,
        mode: Mode = "hybrid",
        typing: bool = False,
    ) -> SearchOutcome:
        """Results for what was typed. ``typing=True`` at every keystroke (the meaning comes from
        the finished words, no encoding per keystroke); the default after a pause."""
        failed = False
        try:
            hits, parsed = self.searcher.search(
                text,
                limit=limit,
                service=service,
                prefix_last=prefix_last,
                today=today,
                mode=mode,
                typing=typing,
            )
            self.keeper.search_worked()
        except Exception as exc:  # the index is a cache: never let it fail a search
            log.warning("search failed, answering from titles: %r", exc)
            self.keeper.search_failed(exc)
            hits, parsed, failed = [], ParsedQuery(stems=set(stems(text))), True
        titles_only = failed or (not hits and self.keeper.incomplete())
        if titles_only:
            # The index failed, or has nothing yet while it is built (a first sync, a repair):
            # the titles of what the database already holds.
            hits = search_fallback.title_hits(
                self.db, text, limit=limit, service=service, today=today or local_today()
            )
        if not hits:
            return SearchOutcome([], parsed.stems, parsed.corrected, titles_only=titles_only)
        with self.db.reading() as session:
            articles = kb_repo.get_articles(session, [h.id for h in hits])
        results = []
        now, day = moment_of(today), today or local_today()
        for hit in hits:
            article = articles.get(hit.id)
            if article is None:  # index behind a withdrawal: the database wins
                continue
            snippet = make_snippet(article.summary, article.body, parsed.stems)
            results.append(
                SearchResult(
                    hit,
                    snippet,
                    article.summary,
                    article.lifted_on(now),
                    article.needs_review(day),
                )
            )
        return SearchOutcome(
            results,
            parsed.stems,
            parsed.corrected,
            _lifted_match(text, results, articles, now),
            titles_only,
        )

    def article(self, article_id: str) -> Article | None:
        with self.db.reading() as session:
            return kb_repo.get_article(session, article_id)

    def article_html(self, article: Article, highlight: set[str] | None = None) -> str:
        fragment = to_html(article.body)
        if highlight:
            fragment = highlight_html(
                fragment,
                lambda text: [
                    (s, e)
                    for s, e, w in word_spans(text)
                    if w not in STOP_WORDS and stem(w) in highlight
                ],
            )
        return fragment

    def record_view(self, article_id: str) -> None:
        with self.db.transaction() as session:
            kb_repo.record_view(session, article_id)

    def recent(self, limit: int = 10) -> list[Article]:
        with self.db.reading() as session:
            return kb_repo.recent_views(session, limit)

    def recently_updated(self, limit: int = 10, today: dt.date | None = None) -> list[Article]:
        """The latest updates; with ``today``, never an expired sheet."""
        with self.db.reading() as session:
            return kb_repo.recently_updated(session, limit, today)

    def urgent_notices(
        self, today: dt.date | None = None, *, now: dt.datetime | None = None
    ) -> list[Article]:
        """Notices in force now (or at noon on ``today``)."""
        with self.db.reading() as session:
            return kb_repo.urgent_articles(session, now or moment_of(today))

    def lifted_notices(
        self, today: dt.date | None = None, *, now: dt.datetime | None = None
    ) -> list[Article]:
        """Notices lifted in the last days, to be shown as lifted, never as current."""
        with self.db.reading() as session:
            return kb_repo.lifted_notices(session, now or moment_of(today), LIFTED_DAYS)

    def due_for_review(self, today: dt.date, within_days: int = 30) -> list[Article]:
        with self.db.reading() as session:
            return kb_repo.due_for_review(session, today, within_days)

    def server_version(self, article_id: str) -> int:
        with self.db.reading() as session:
            return kb_repo.server_version(session, article_id)

    def services(self) -> list[str]:
        with self.db.reading() as session:
            return kb_repo.services(session)

    def count(self) -> int:
        return self.source.count()

    def kb_seq(self) -> int:
        return self.source.kb_seq()
