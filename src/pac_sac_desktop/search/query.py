"""From what an agent typed to ranked answer sheets.

The query is built in code, word by word, never through Whoosh's parser:
- each word searches its stem in the title/tags field and in the full text;
- a citizen expression found in the synonyms file also searches the KB's own words;
- a word the KB does not know is replaced by the known words one or two edits away
  (only then, so typo correction never drowns an exact match);
- while typing, the last word also searches the most frequent words it begins
  (completions come from the unstemmed vocabulary: a stemmed ``*`` query finds nothing).
Whoosh ranks with BM25F; the top of that list is then re-ranked: a small boost for current
urgent notices and recent updates, and expired articles go last.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from whoosh import query as wq

from pac_sac_desktop.search.analysis import STOP_WORDS, stem, words
from pac_sac_desktop.search.index import KnowledgeIndex
from pac_sac_desktop.search.lexicon import Lexicon
from pac_sac_desktop.search.maxquery import BestOf
from pac_sac_desktop.search.synonyms import Synonyms

FIELDS = ("head", "text")
SYNONYM_BOOST = 0.8
COMPLETION_BOOST = 0.7
CORRECTION_BOOST = 0.6
RERANK_WINDOW = 40
TIEBREAK = 0.1
COVERAGE_WEIGHT = 0.5
URGENT_BOOST = 0.15
RECENCY_BOOST = 0.10
RECENCY_DAYS = 365.0


@dataclass(frozen=True)
class Hit:
    """One ranked article; ``terms`` are the stems that matched, for highlighting."""

    id: str
    title: str
    service: str
    score: float
    updated: dt.date | None
    expires: dt.date | None
    urgent: bool
    expired: bool


@dataclass
class ParsedQuery:
    """The Whoosh query, every stem it may match (for snippets), and its concepts.

    A concept is one thing the agent asked about (a word, or a multi-word expression and its
    synonyms); ``concepts`` holds the stems that satisfy each, to reward answers covering more
    of the question.
    """

    query: wq.Query | None
    stems: set[str] = field(default_factory=set)
    concepts: list[frozenset[str]] = field(default_factory=list)
    corrected: dict[str, str] = field(default_factory=dict)  # typed word -> word searched


def _term(stem_: str, boost: float = 1.0) -> wq.Query:
    return wq.Or([wq.Term(f, stem_, boost=boost) for f in FIELDS])


def _pattern_query(pattern: tuple[str, ...], boost: float) -> wq.Query:
    if len(pattern) == 1:
        return _term(pattern[0], boost)
    return wq.And([_term(s) for s in pattern], boost=boost)


def _either(options: list[wq.Query]) -> wq.Query:
    """Alternatives for one concept: the best one counts, so twenty completions never add up."""
    return options[0] if len(options) == 1 else BestOf(options, tiebreak=TIEBREAK)


class QueryBuilder:
    def __init__(self, synonyms: Synonyms) -> None:
        self.synonyms = synonyms

    def build(self, text: str, lexicon: Lexicon, *, prefix_last: bool) -> ParsedQuery:
        raw = [w for w in words(text) if len(w) >= 2 or w.isdigit()]
        typing_last = prefix_last and bool(raw) and not text[-1:].isspace()
        content = [w for w in raw if w not in STOP_WORDS]
        if typing_last and raw[-1] in STOP_WORDS and raw[-1] not in content[-1:]:
            # A half-typed word may look like a stop word ("de" on the way to "déneigement").
            content.append(raw[-1])
        if not content:
            return ParsedQuery(None)
        query_stems = [stem(w) for w in content]
        all_stems: set[str] = set()
        concepts: list[wq.Query] = []
        last = len(content) - 1
        concept_stems: list[frozenset[str]] = []
        corrected: dict[str, str] = {}
        i = 0
        while i < len(content):
            length, alternatives = self.synonyms.match(query_stems, i)
            if length:
                own: set[str] = set()
                parts = [
                    self._word(
                        content[j],
                        query_stems[j],
                        lexicon,
                        typing_last and j == last,
                        own,
                        corrected,
                    )
                    for j in range(i, i + length)
                ]
                options = [parts[0] if length == 1 else wq.And(parts)]
                options += [_pattern_query(alt, SYNONYM_BOOST) for alt in alternatives]
                for alt in alternatives:
                    own.update(alt)
                concepts.append(_either(options))
                i += length
            else:
                own = set()
                concepts.append(
                    self._word(
                        content[i],
                        query_stems[i],
                        lexicon,
                        typing_last and i == last,
                        own,
                        corrected,
                    )
                )
                i += 1
            all_stems.update(own)
            concept_stems.append(frozenset(own))
        query = wq.Or(concepts) if len(concepts) > 1 else concepts[0]
        return ParsedQuery(query, all_stems, concept_stems, corrected)

    def _word(
        self,
        word: str,
        stem_: str,
        lexicon: Lexicon,
        is_last: bool,
        all_stems: set[str],
        corrected: dict[str, str],
    ) -> wq.Query:
        options: dict[str, float] = {stem_: 1.0}
        if is_last:
            for completion in lexicon.completions(word):
                options.setdefault(stem(completion), COMPLETION_BOOST)
        if len(options) == 1 and word not in lexicon:
            corrections = lexicon.corrections(word)
            if corrections:
                corrected[word] = corrections[0]
            for correction in corrections:
                options.setdefault(stem(correction), CORRECTION_BOOST)
            if is_last and len(options) == 1:
                # A typo in a half-typed word: correct its beginning, then complete.
                for correction in corrections:
                    for completion in lexicon.completions(correction):
                        options.setdefault(stem(completion), CORRECTION_BOOST * COMPLETION_BOOST)
        all_stems.update(options)
        return _either([_term(s, b) for s, b in options.items()])


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _coverage(result, concepts: list[frozenset[str]]) -> float:  # type: ignore[no-untyped-def]
    """Share of the query's concepts this article matched (1.0 for one-concept queries)."""
    if len(concepts) < 2:
        return 1.0
    matched = {term.decode("utf-8") for _field, term in result.matched_terms()}
    return sum(1 for c in concepts if c & matched) / len(concepts)


class KnowledgeSearcher:
    """Runs queries against a KnowledgeIndex; one instance serves the whole application."""

    def __init__(self, index: KnowledgeIndex, synonyms: Synonyms) -> None:
        self.index = index
        self.builder = QueryBuilder(synonyms)

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        service: str | None = None,
        prefix_last: bool = True,
        today: dt.date | None = None,
    ) -> tuple[list[Hit], ParsedQuery]:
        """Ranked hits and how the query was understood (stems to highlight, corrections)."""
        today = today or dt.date.today()
        with self.index.reading() as (searcher, lexicon):
            parsed = self.builder.build(text, lexicon, prefix_last=prefix_last)
            if parsed.query is None:
                return [], parsed
            flt = wq.Term("service", service) if service else None
            results = searcher.search(
                parsed.query, limit=max(limit, RERANK_WINDOW), filter=flt, terms=True
            )
            hits = [self._hit(r, today, _coverage(r, parsed.concepts)) for r in results]
        hits.sort(key=lambda h: (h.expired, -h.score))
        return hits[:limit], parsed

    @staticmethod
    def _hit(result, today: dt.date, coverage: float) -> Hit:  # type: ignore[no-untyped-def]
        updated_s, expires_s, urgent = result["meta"]
        updated, expires = _date(updated_s), _date(expires_s)
        expired = expires is not None and expires < today
        factor = (1.0 - COVERAGE_WEIGHT) + COVERAGE_WEIGHT * coverage
        if urgent and not expired:
            factor += URGENT_BOOST
        if updated is not None:
            age = max(0, (today - updated).days)
            factor += RECENCY_BOOST * max(0.0, 1.0 - age / RECENCY_DAYS)
        return Hit(
            id=result["id"],
            title=result["title"],
            service=result["service"],
            score=round(result.score * factor, 4) if math.isfinite(result.score) else 0.0,
            updated=updated,
            expires=expires,
            urgent=bool(urgent),
            expired=expired,
        )
