"""The index's vocabulary in memory: completions for a half-typed word and corrections for typos.

Whoosh's own prefix and fuzzy queries expand through the stemmer or walk the whole term list;
both are too slow or wrong for as-you-type. This lexicon is loaded once per index generation and
answers in well under a millisecond: prefix ranges by bisection, typos by an edit-distance scan
(rapidfuzz, C speed) restricted to words of the same first letter.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_PREFIX = 3
MAX_COMPLETIONS = 12
MIN_FUZZY_LEN = 4
MAX_CORRECTIONS = 3


def max_edits(word: str) -> int:
    """One typo for short words, two for long ones (beyond that the word becomes another word)."""
    return 1 if len(word) <= 6 else 2


class Lexicon:
    """Folded surface words of the knowledge base with their document frequencies."""

    def __init__(self, entries: Iterable[tuple[str, int]]) -> None:
        self.df: dict[str, int] = dict(entries)
        self.sorted_words: list[str] = sorted(self.df)
        buckets: dict[str, list[str]] = defaultdict(list)
        for w in self.sorted_words:
            if len(w) >= MIN_FUZZY_LEN - 1:
                buckets[w[0]].append(w)
        self._buckets = dict(buckets)
        self.completions = lru_cache(maxsize=4096)(self._completions)
        self.corrections = lru_cache(maxsize=4096)(self._corrections)

    def add(self, new_words: Iterable[str]) -> None:
        """Take in the words of articles just indexed, without re-reading the whole vocabulary.

        Frequencies grow by one per article; words of withdrawn articles stay as (harmless)
        completion candidates until the next full rebuild.
        """
        for word in set(new_words):
            if word in self.df:
                self.df[word] += 1
                continue
            self.df[word] = 1
            bisect.insort(self.sorted_words, word)
            if len(word) >= MIN_FUZZY_LEN - 1:
                bisect.insort(self._buckets.setdefault(word[0], []), word)
        self.completions.cache_clear()
        self.corrections.cache_clear()

    def __len__(self) -> int:
        return len(self.sorted_words)

    def __contains__(self, word: str) -> bool:
        return word in self.df

    def _completions(self, prefix: str) -> tuple[str, ...]:
        """The most frequent words starting with ``prefix`` (the prefix itself first if a word)."""
        if len(prefix) < MIN_PREFIX:
            return (prefix,) if prefix in self.df else ()
        lo = bisect.bisect_left(self.sorted_words, prefix)
        hi = bisect.bisect_left(self.sorted_words, prefix + "\uffff", lo)
        candidates = self.sorted_words[lo:hi]
        if len(candidates) > MAX_COMPLETIONS:
            candidates = heapq.nlargest(MAX_COMPLETIONS, candidates, key=self.df.__getitem__)
        return tuple(candidates)

    def _corrections(self, word: str) -> tuple[str, ...]:
        """Known words within one or two edits of an unknown word, closest and most frequent first."""
        if len(word) < MIN_FUZZY_LEN or word in self.df:
            return ()
        limit = max_edits(word)
        bucket = self._buckets.get(word[0], ())
        found = process.extract(word, bucket, scorer=OSA.distance, score_cutoff=limit, limit=None)
        ranked = sorted(found, key=lambda m: (m[1], -self.df[m[0]]))
        return tuple(m[0] for m in ranked[:MAX_CORRECTIONS])
