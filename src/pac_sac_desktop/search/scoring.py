"""BM25F scoring over Whoosh's postings with numpy, for every keystroke.

Whoosh scores a query by walking each matching posting in Python; as-you-type queries (a word,
its completions, in two fields) match thousands of articles, which cost 100+ ms at 10,000
articles (docs/benchmarks.md). Here Whoosh stays the index: analysis, segments, postings on
disk, stored fields. Its postings are read a block at a time into arrays (cached per index
generation, so the next keystroke reuses them) and scored with vector arithmetic over dense
per-document arrays, which also makes "best alternative per concept" and "share of concepts
matched" exact and cheap.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

K1 = 1.2
B = {"head": 0.3, "text": 0.75}
FIELD_WEIGHT = {"head": 2.5, "text": 1.0}
CACHE_TERMS = 4096
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)

Alternative = tuple[tuple[str, ...], float]  # stems that must all match, weight


@dataclass(frozen=True)
class Ranked:
    docnums: np.ndarray
    scores: np.ndarray
    coverage: np.ndarray


class Scorer:
    """Per index generation: document lengths, live documents, and a cache of term postings."""

    def __init__(self, searcher: Searcher) -> None:
        reader = searcher.reader()
        self.searcher = searcher
        self.n = reader.doc_count_all()
        self.alive = np.zeros(self.n, dtype=bool)
        self.lengths = {f: np.zeros(self.n, dtype=np.float32) for f in FIELD_WEIGHT}
        self.leaves = list(reader.leaf_readers())
        for leaf, offset in self.leaves:
            count = leaf.doc_count_all()
            deleted = set(leaf._perdoc.deleted_docs()) if leaf.has_deletions() else set()
            mask = np.ones(count, dtype=bool)
            if deleted:
                mask[np.fromiter(deleted, dtype=np.int64)] = False
            self.alive[offset : offset + count] = mask
            for field in FIELD_WEIGHT:
                self.lengths[field][offset : offset + count] = _field_lengths(leaf, field, count)
        any_alive = bool(self.alive.any())  # an index whose every article was withdrawn
        self.live = max(int(self.alive.sum()), 1)
        self.avg = {
            f: max(float(self.lengths[f][self.alive].mean()) if any_alive else 1.0, 1.0)
            for f in FIELD_WEIGHT
        }
        self._postings: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._service: dict[str, np.ndarray] = {}

    # ---------------------------------------------------------------- postings
    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        key = (field, term)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        ids_parts: list[np.ndarray] = []
        tf_parts: list[np.ndarray] = []
        for leaf, offset in self.leaves:
            if (field, term) not in leaf:
                continue
            ids, tfs = _read_postings(leaf.postings(field, term))
            ids_parts.append(ids + offset)
            tf_parts.append(tfs)
        if ids_parts:
            result = (np.concatenate(ids_parts), np.concatenate(tf_parts))
        else:
            result = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
        self._postings[key] = result
        if len(self._postings) > CACHE_TERMS:
            self._postings.popitem(last=False)
        return result

    def term_scores(self, stem: str) -> np.ndarray:
        """Dense BM25F scores of one stem over both fields (0 where absent)."""
        dense = np.zeros(self.n, dtype=np.float32)
        for field, weight in FIELD_WEIGHT.items():
            ids, tfs = self.postings(field, stem)
            if not len(ids):
                continue
            df = len(ids)
            idf = math.log(1.0 + (self.live - df + 0.5) / (df + 0.5))
            norm = K1 * (1.0 - B[field] + B[field] * self.lengths[field][ids] / self.avg[field])
            dense[ids] += weight * idf * (tfs * (K1 + 1.0)) / (tfs + norm)
        return dense

    def service_mask(self, service: str) -> np.ndarray:
        if service not in self._service:
            ids, _ = self.postings("service", service)
            mask = np.zeros(self.n, dtype=bool)
            mask[ids] = True
            self._service[service] = mask
        return self._service[service]

    # ---------------------------------------------------------------- ranking
    def rank(
        self,
        concepts: list[list[Alternative]],
        *,
        window: int,
        service: str | None = None,
        tiebreak: float = 0.1,
    ) -> Ranked:
        """Top ``window`` documents: sum over concepts of the best alternative, times coverage."""
        total = np.zeros(self.n, dtype=np.float32)
        matched = np.zeros(self.n, dtype=np.float32)
        cache: dict[str, np.ndarray] = {}

        def stem_scores(stem: str) -> np.ndarray:
            if stem not in cache:
                cache[stem] = self.term_scores(stem)
            return cache[stem]

        for alternatives in concepts:
            best = np.zeros(self.n, dtype=np.float32)
            extra = np.zeros(self.n, dtype=np.float32)
            for stems, weight in alternatives:
                parts = [stem_scores(s) for s in stems]
                score = (
                    parts[0].copy()
                    if len(parts) == 1
                    else np.where(
                        np.all([p > 0 for p in parts], axis=0), np.sum(parts, axis=0), 0.0
                    ).astype(np.float32)
                )
                score *= weight
                extra += np.minimum(best, score)
                best = np.maximum(best, score)
            total += best + tiebreak * extra
            matched += best > 0
        total[~self.alive] = 0.0
        if service is not None:
            total[~self.service_mask(service)] = 0.0
        candidates = np.flatnonzero(total > 0)
        if len(candidates) > window:
            top = np.argpartition(-total[candidates], window - 1)[:window]
            candidates = candidates[top]
        order = candidates[np.argsort(-total[candidates], kind="stable")]
        coverage = matched[order] / max(len(concepts), 1)
        return Ranked(order, total[order], coverage)


def _field_lengths(leaf, field: str, count: int) -> np.ndarray:  # type: ignore[no-untyped-def]
    """All documents' lengths of a field, read from Whoosh's length column in one pass."""
    perdoc = getattr(leaf, "_perdoc", None)
    column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN) if perdoc is not None else None
    if column is not None:
        raw = np.fromiter((column[d] for d in range(count)), dtype=np.uint8, count=count)
        return _LENGTH_OF_BYTE[raw]
    return np.array([leaf.doc_field_length(d, field, 0) for d in range(count)], dtype=np.float32)


def _read_postings(matcher) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Document numbers and term frequencies, a block at a time (deleted ones are masked later)."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids: list[np.ndarray] = []
    tfs: list[np.ndarray] = []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            start = matcher._i
            block_ids = np.asarray(matcher._ids[start:], dtype=np.int64)
            weights = matcher._weights
            ids.append(block_ids)
            tfs.append(
                np.ones(len(block_ids), dtype=np.float32)
                if weights is None
                else np.asarray(weights[start:], dtype=np.float32)
            )
            matcher._next_block()
    else:  # any other matcher: the slow, general way
        id_list, tf_list = [], []
        while matcher.is_active():
            id_list.append(matcher.id())
            tf_list.append(matcher.weight())
            matcher.next()
        ids.append(np.asarray(id_list, dtype=np.int64))
        tfs.append(np.asarray(tf_list, dtype=np.float32))
    if not ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(tfs)
