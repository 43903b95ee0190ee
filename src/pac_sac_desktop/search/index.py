"""The Whoosh index: a cache derived from the SQLite knowledge base, and healing it.

The index never holds anything the database lacks. A JSON file beside the segments records the
KB change number (``kb_seq``) and article count it reflects; at start the index is checked and,
without asking anyone, caught up (changed articles only), or rebuilt when it is missing, from an
older schema, unreadable, or its write lock is held by a process that died. A rebuild writes a
fresh folder and swaps it in, so a crash mid-build leaves the old index or none, never half.
When there is no usable index at all (first start, corrupt), the build happens in place instead,
a segment at a time, urgent and recent articles first: search answers on what is already
indexed while the rest follows, and ``progress()`` says how far it is.
Whoosh does not fsync; that is acceptable because everything here can be rebuilt.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Protocol

from whoosh import index as windex
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.searching import Searcher

from pac_sac_desktop.core.errors import IndexUnavailable
from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.search.analysis import content_words, french_analyzer, surface_analyzer
from pac_sac_desktop.search.bulk import Analysis, stored_meta, write_segment
from pac_sac_desktop.search.integrity import read_through
from pac_sac_desktop.search.lexicon import Lexicon
from pac_sac_desktop.search.scoring import Scorer

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
META_FILE = "pac-sac-index.json"
LOCK_WAIT_S = 10.0
# A build in steps: the first segment small so that search answers within a second, then
# segments big enough that searching a handful of them costs no more than one.
FIRST_SEGMENT = 1_000
SEGMENT = 20_000
BULK_APPLY = 500  # changed articles from which an update goes through the bulk writer


def make_schema() -> Schema:
    fr = french_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        # Title and tags: what the editor says the article is about; weighs most.
        head=TEXT(analyzer=fr, phrase=False, field_boost=2.5),
        # Everything an agent might quote: title, tags, summary, body.
        text=TEXT(analyzer=fr, phrase=False),
        # Unstemmed folded words: vocabulary for completion and typo correction only.
        words=TEXT(analyzer=surface_analyzer(), phrase=False),
        service=ID(stored=True),
        title=STORED,
        meta=STORED,
    )


class ArticleSource(Protocol):
    """What the index needs from the database (implemented by the services layer)."""

    def kb_seq(self) -> int: ...
    def count(self) -> int: ...
    def iter_articles(self, *, priority: bool = False) -> Iterator[Article]: ...
    def changes_since(self, seq: int) -> tuple[list[Article], list[str]]: ...


@dataclass(frozen=True)
class IndexMeta:
    schema: int
    kb_seq: int
    count: int
    built_at: float

    @classmethod
    def read(cls, directory: Path) -> IndexMeta | None:
        try:
            data = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
            return cls(
                int(data["schema"]),
                int(data["kb_seq"]),
                int(data["count"]),
                float(data["built_at"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, directory: Path) -> None:
        tmp = directory / (META_FILE + ".tmp")
        tmp.write_text(json.dumps(self.__dict__), encoding="utf-8")
        os.replace(tmp, directory / META_FILE)


def _document(article: Article) -> dict:
    tags = " ".join(article.tags)
    head = f"{article.title} {tags}"
    return {
        "id": article.id,
        "head": head,
        "text": f"{head}\n{article.summary}\n{article.body}",
        "words": f"{head}\n{article.summary}\n{article.body}",
        "service": article.service,
        "title": article.title,
        "meta": stored_meta(article),
    }


class KnowledgeIndex:
    """One index folder; thread-safe: searches share one searcher, writes are serialised.

    Two locks: ``_write_lock`` serialises writers (a rebuild holds it for its whole length),
    ``_lock`` guards the shared searcher and is only held for a query or a swap, so searches go
    on during a rebuild."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.RLock()
        self._write_lock = threading.RLock()
        self._index: windex.Index | None = None
        self._searcher: Searcher | None = None
        self._lexicon: Lexicon | None = None
        self._scorer: Scorer | None = None
        self.last_heal: str = "none"
        self._progress = (0, 0, False)  # indexed, total, building
        # Set when reading the index failed (a search raised): the next ensure() rebuilds it.
        self._damage: str | None = None

    def progress(self) -> tuple[int, int, bool]:
        """(articles indexed, articles to index, rebuilding now); polled by the status bar."""
        return self._progress

    # ----------------------------------------------------------------- health
    def meta(self) -> IndexMeta | None:
        return IndexMeta.read(self.directory)

    def mark_damaged(self, reason: str) -> None:
        """A read failed (a search raised): the index no longer counts as healthy, so the next
        ``ensure()`` rebuilds it in place, whatever its metadata says."""
        log.warning("search index marked damaged: %s", reason)
        self._damage = reason

    def verify(self) -> str | None:
        """Damage found by reading the whole index (search/integrity.py), in French, or None.

        Unlike ``problem()`` (metadata, counts, first term: cheap enough for every start), this
        decodes every segment: seconds on a big index, for ``pac-sac kb status``. An index that
        is absent or from an older schema is not damaged: ``ensure()`` simply builds it."""
        meta = self.meta()
        if meta is None or meta.schema != SCHEMA_VERSION:
            return None
        if self._health() == "index illisible":
            return "index illisible"
        return read_through(self.directory)

    def problem(self, source: ArticleSource) -> str | None:
        """Why the index cannot serve as it is (French, for the status bar), or None."""
        problem = self._health()
        if problem:
            return problem
        meta = self.meta()
        if meta is not None and meta.kb_seq > source.kb_seq():
            return "index plus récent que la base"
        return None

    def _health(self) -> str | None:
        """What is wrong with the index on disk, whatever the database says."""
        if self._damage is not None:
            return "index endommagé"
        meta = self.meta()
        if meta is None:
            return "index absent"
        if meta.schema != SCHEMA_VERSION:
            return "index d'une version antérieure"
        try:
            if not windex.exists_in(str(self.directory)):
                return "index absent"
            ix = windex.open_dir(str(self.directory))
            with ix.searcher() as s:
                if s.doc_count() != meta.count:
                    return "index incohérent"
                for _ in s.reader().lexicon("words"):
                    break
        except Exception as exc:
            log.warning("index unreadable: %r", exc)
            return "index illisible"
        return None

    def ensure(self, source: ArticleSource) -> str:
        """Make the index reflect the database and load what queries need: 'ok', 'updated' or
        'rebuilt'. An index that looks sound but fails to load (a damaged segment) is rebuilt."""
        with self._write_lock:
            state = self._catch_up(source)
            try:
                self.warm()
            except Exception as exc:
                self.mark_damaged(repr(exc))
                state = self._catch_up(source)
                self.warm()
            return state

    def _catch_up(self, source: ArticleSource) -> str:
        with self._write_lock:
            problem = self.problem(source)
            if problem:
                log.info("rebuilding search index: %s", problem)
                kb_seq = source.kb_seq()
                self.rebuild(source.iter_articles(priority=True), kb_seq, total=source.count())
                self.last_heal = "rebuilt"
                return "rebuilt"
            meta = self.meta()
            assert meta is not None
            kb_seq = source.kb_seq()
            if meta.kb_seq < kb_seq:
                # The number first: a sync may store a page meanwhile, and the index must never
                # claim a change it has not read (re-reading one is harmless).
                upserts, deletions = source.changes_since(meta.kb_seq)
                self.apply(upserts, deletions, kb_seq)
                self.last_heal = "updated"
                return "updated"
            self._progress = (meta.count, meta.count, False)
            self.last_heal = "ok"
            return "ok"

    # ----------------------------------------------------------------- writing
    def rebuild(
        self,
        articles: Iterable[Article],
        kb_seq: int,
        *,
        total: int | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Index every article anew, a segment at a time (search/bulk.py); returns the count.

        A healthy index keeps serving until the new one, built beside it, is swapped in. With
        none to keep, the build goes in place and each segment is searchable once written, so
        pass the articles urgent and recent first."""
        with self._write_lock:
            in_place = self._health() is not None
            staging = self.directory.with_name(self.directory.name + ".new")
            shutil.rmtree(staging, ignore_errors=True)
            target = self.directory if in_place else staging
            if in_place:
                with self._lock:
                    self._close()
                    shutil.rmtree(self.directory, ignore_errors=True)
                    self.directory.mkdir(parents=True)
                    ix = windex.create_in(str(target), make_schema())
                    self._damage = None
            else:
                staging.mkdir(parents=True)
                ix = windex.create_in(str(target), make_schema())
            expected = total or 0
            self._progress = (0, expected, True)
            analysis = Analysis()
            vocabulary: dict[str, int] = {}
            remaining = iter(articles)
            count, size = 0, FIRST_SEGMENT
            try:
                while chunk := list(islice(remaining, size)):
                    count += write_segment(ix, chunk, analysis, vocabulary)
                    expected = max(expected, count)
                    self._progress = (count, expected, True)
                    if on_progress is not None:
                        on_progress(count, expected)
                    if in_place:
                        with self._lock:
                            self._reload(vocabulary)
                    size = SEGMENT
            finally:
                self._progress = (count, max(expected, count), False)
                ix.close()
            IndexMeta(SCHEMA_VERSION, kb_seq, count, time.time()).write(target)
            with self._lock:
                if not in_place:
                    self._close()
                    old = self.directory.with_name(self.directory.name + ".old")
                    shutil.rmtree(old, ignore_errors=True)
                    if self.directory.exists():
                        os.replace(self.directory, old)
                    os.replace(staging, self.directory)
                    shutil.rmtree(old, ignore_errors=True)
                    self._damage = None
                self._reload(vocabulary)
            return count

    def _reload(self, vocabulary: dict[str, int]) -> None:
        """After a segment landed: fresh searcher, and the build's vocabulary (not re-read)."""
        if self._searcher is None:
            self._searcher = self._open().searcher()
        else:
            self._refresh()
        self._lexicon = Lexicon(vocabulary.items())
        self._scorer = None

    def apply(self, upserts: list[Article], deletions: list[str], kb_seq: int) -> None:
        """Index changed articles and drop withdrawn ones in one commit.

        Only writers wait for each other here: searches go on with the searcher they hold
        (Whoosh readers see the generation they opened) and switch to the new one at the end,
        so a big catch-up during a first sync never freezes the search field."""
        with self._write_lock:
            if self.meta() is None:
                raise IndexUnavailable("L'index de recherche est absent.")
            with self._lock:
                ix = self._open()
            bulk = len(upserts) >= BULK_APPLY
            with self._writer(ix) as writer:
                for article_id in deletions:
                    writer.delete_by_term("id", article_id)
                for article in upserts:
                    if bulk:
                        writer.delete_by_term("id", article.id)
                    else:
                        writer.update_document(**_document(article))
            if bulk:
                # A big catch-up (a first sync, a long-offline workstation, a large import): the
                # new versions go in as one segment through the bulk writer. Between the two
                # commits the changed articles are briefly absent; a crash there leaves the meta
                # file behind and the next check re-applies the same changes.
                write_segment(ix, upserts)
            with ix.searcher() as s:
                count = s.doc_count()
            IndexMeta(SCHEMA_VERSION, kb_seq, count, time.time()).write(self.directory)
            self._progress = (count, count, False)
            with self._lock:
                lexicon = self._lexicon
                self._refresh()
                if lexicon is not None and self._lexicon is None:
                    # Re-reading the vocabulary of every segment takes 150+ ms at 10,000
                    # articles; a few changed articles only add their words.
                    lexicon.add(w for a in upserts for w in content_words(_document(a)["words"]))
                    self._lexicon = lexicon

    @contextmanager
    def _writer(self, ix: windex.Index) -> Iterator:
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                writer = ix.writer()
                break
            except LockError as exc:
                # The OS releases the lock of a dead process; a live one (another instance of
                # the app) gets a few seconds before we give up and keep the older index.
                if time.monotonic() > deadline:
                    raise IndexUnavailable(
                        "L'index de recherche est verrouillé par un autre programme."
                    ) from exc
                time.sleep(0.1)
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    # ----------------------------------------------------------------- reading
    def _open(self) -> windex.Index:
        if self._index is None:
            try:
                self._index = windex.open_dir(str(self.directory))
            except Exception as exc:
                raise IndexUnavailable(
                    "L'index de recherche est illisible.", details=str(exc)
                ) from exc
        return self._index

    def _refresh(self) -> None:
        if self._searcher is not None:
            fresh = self._searcher.refresh()
            if fresh is not self._searcher:
                self._searcher = fresh
                self._lexicon = None
                self._scorer = None

    def _close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._index is not None:
            self._index.close()
        self._searcher = None
        self._index = None
        self._lexicon = None
        self._scorer = None

    @contextmanager
    def reading(self) -> Iterator[tuple[Searcher, Lexicon, Scorer]]:
        """The shared searcher, vocabulary and scorer, held under the index lock for one query."""
        with self._lock:
            if self._searcher is None:
                self._searcher = self._open().searcher()
            if self._lexicon is None:
                reader = self._searcher.reader()
                self._lexicon = Lexicon(
                    (term.decode("utf-8"), info.doc_frequency())
                    for term, info in reader.iter_field("words")
                )
            if self._scorer is None:
                self._scorer = Scorer(self._searcher)
            yield self._searcher, self._lexicon, self._scorer

    def warm(self) -> None:
        """Load the vocabulary and lengths now (in the background) rather than at the first query."""
        with self.reading():
            pass

    def close(self) -> None:
        with self._lock:
            self._close()
