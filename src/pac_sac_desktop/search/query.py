"""From what an agent typed to ranked answer sheets.

The query is built in code, word by word, never through Whoosh's parser. Each word (or each
citizen expression found in the synonyms file) is a *concept* with alternatives:
- its own stem, searched in the title/tags field and in the full text;
- the knowledge base's words for a citizen expression (synonyms file);
- while typing, the most frequent words the last word begins (completions come from the
  unstemmed vocabulary: a stemmed ``*`` query finds nothing);
- for a word the knowledge base does not know, and only then, the known words one or two edits
  away (so typo correction never drowns an exact match).
A concept scores its best alternative (BM25F); concepts add up; the sum is multiplied by the
share of concepts matched (search/scoring.py). The top of that list is then re-ranked: a small
boost for current urgent notices and recent updates, in proportion to that share, and expired
articles go last.

When article vectors are ready (search/vectors.py), the lexical top 40 is fused with the 40
articles nearest to the query's meaning (cosine corrected for "hub" articles close to
everything, precomputed per article) by weighted reciprocal-rank fusion: rank positions, not
scores, are added, so neither scale dominates, an article both rankings agree on rises, and an
article no word matches (an English or situation query) can still enter the top. When some
article holds every word typed, the others are discounted by the share of words they miss: a
clerk's keywords ("bac bleu brisé", "nid de poule rue") are not outranked by a sheet that is
only close in meaning. Without vectors (first minutes after install, damaged file) the lexical
ranking is served alone. While typing nothing is encoded: the last full query's vector serves.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Literal

from pac_sac_desktop.core.timefmt import local_today
from pac_sac_desktop.search.analysis import STOP_WORDS, stem, words
from pac_sac_desktop.search.index import KnowledgeIndex
from pac_sac_desktop.search.lexicon import Lexicon
from pac_sac_desktop.search.scoring import Alternative
from pac_sac_desktop.search.synonyms import Synonyms
from pac_sac_desktop.search.vectors import VectorState, VectorStore, nearest

SYNONYM_BOOST = 0.8
COMPLETION_BOOST = 0.7
CORRECTION_BOOST = 0.6
RERANK_WINDOW = 40
COVERAGE_WEIGHT = 0.5
URGENT_BOOST = 0.15
RECENCY_BOOST = 0.10
RECENCY_DAYS = 365.0
# Fusion, tuned on the whole relevance set (docs/search.md): score = 1/(K + lexical rank)
# + VECTOR_WEIGHT/(K + vector rank), each ranking cut at FUSION_DEPTH.
FUSION_K = 1.0
VECTOR_WEIGHT = 1.5
FUSION_DEPTH = 40
# When some article matches every concept of the query, the fused score of each article is
# multiplied by (1 - w) + w × its share of concepts matched (0 for one the vectors alone found).
# 0.5 before the hub correction; 0.7 with it keeps "bac bleu brisé" first (docs/search.md).
COMPLETE_MATCH_WEIGHT = 0.7
# An article no word of the query matches enters only this close in meaning: below it, any
# text (a half-typed word, "asdf") has some nearest article, and "no result" must stay possible.
VECTOR_ONLY_MIN_COSINE = 0.3
NEIGHBOUR_CACHE = 128
FIELDS_CACHE = 20_000
_MISSING: dict = {}

Mode = Literal["hybrid", "lexical", "vectors"]


@dataclass(frozen=True)
class Hit:
    """One ranked article."""

    id: str
    title: str
    service: str
    score: float
    updated: dt.date | None
    expires: dt.date | None
    urgent: bool
    expired: bool
    coverage: float = 0.0  # share of the query's concepts the article matched (lexical)


@dataclass
class ParsedQuery:
    """The concepts to score, every stem they may match (for highlights), and corrections made."""

    concepts: list[list[Alternative]] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)
    corrected: dict[str, str] = field(default_factory=dict)  # typed word -> word searched

    @property
    def empty(self) -> bool:
        return not self.concepts


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
        parsed = ParsedQuery()
        if not content:
            return parsed
        query_stems = [stem(w) for w in content]
        last = len(content) - 1
        i = 0
        while i < len(content):
            length, alternatives = self.synonyms.match(query_stems, i)
            if length:
                own = [
                    self._word(
                        content[j], query_stems[j], lexicon, typing_last and j == last, parsed
                    )
                    for j in range(i, i + length)
                ]
                # A multi-word expression as typed: every one of its words must match.
                concept = (
                    list(own[0]) if length == 1 else [(tuple(query_stems[i : i + length]), 1.0)]
                )
                concept += [(alt, SYNONYM_BOOST) for alt in alternatives]
                i += length
            else:
                concept = self._word(
                    content[i], query_stems[i], lexicon, typing_last and i == last, parsed
                )
                i += 1
            parsed.concepts.append(concept)
            for stems, _weight in concept:
                parsed.stems.update(stems)
        return parsed

    def _word(
        self, word: str, stem_: str, lexicon: Lexicon, is_last: bool, parsed: ParsedQuery
    ) -> list[Alternative]:
        options: dict[str, float] = {stem_: 1.0}
        if is_last:
            for completion in lexicon.completions(word):
                options.setdefault(stem(completion), COMPLETION_BOOST)
        if len(options) == 1 and word not in lexicon:
            corrections = lexicon.corrections(word)
            if corrections:
                parsed.corrected[word] = corrections[0]
            for correction in corrections:
                options.setdefault(stem(correction), CORRECTION_BOOST)
            if is_last and len(options) == 1:
                # A typo in a half-typed word: correct its beginning, then complete.
                for correction in corrections:
                    for completion in lexicon.completions(correction):
                        options.setdefault(stem(completion), CORRECTION_BOOST * COMPLETION_BOOST)
        return [((s,), weight) for s, weight in options.items()]


def _key(text: str) -> str:
    """One spelling per query for the caches: lower case, single spaces."""
    return " ".join(text.lower().split())


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class KnowledgeSearcher:
    """Runs queries against a KnowledgeIndex; one instance serves the whole application."""

    def __init__(
        self, index: KnowledgeIndex, synonyms: Synonyms, vectors: VectorStore | None = None
    ) -> None:
        self.index = index
        self.builder = QueryBuilder(synonyms)
        self.vectors = vectors
        self._neighbours: OrderedDict[str, list[tuple[str, float]]] = OrderedDict()
        self._neighbours_of: VectorState | None = None
        self._last_full: tuple[str, list[tuple[str, float]]] | None = None
        # Stored fields of articles the vectors proposed, per searcher generation: looking an
        # id up in Whoosh costs 0.1-0.2 ms, and while typing the same 40 come back every key.
        self._fields: dict[str, dict | None] = {}
        self._fields_of: object = None

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
    ) -> tuple[list[Hit], ParsedQuery]:
        """Ranked hits and how the query was understood (stems to highlight, corrections).

        ``typing``: called at every keystroke, the last word still being typed. Nothing is
        encoded then: the vector of the last full query is reused while the agent extends or
        trims it (or a cached one of the finished words), else the keystroke is lexical alone,
        so it costs lexical scoring plus fusion. Without it (the search after a pause, the CLI)
        the whole text is encoded, once per distinct text.
        ``mode`` is for measuring each half alone (benchmark); the application uses hybrid."""
        today = today or local_today()
        state = self.vectors.state() if self.vectors is not None and mode != "lexical" else None
        window = max(limit, RERANK_WINDOW)
        with self.index.reading() as (searcher, lexicon, scorer):
            parsed = self.builder.build(text, lexicon, prefix_last=prefix_last)
            hits: list[Hit] = []
            if not parsed.empty and mode != "vectors":
                ranked = scorer.rank(parsed.concepts, window=window, service=service)
                hits = [
                    self._hit(searcher.stored_fields(int(d)), float(s), float(c), today)
                    for d, s, c in zip(ranked.docnums, ranked.scores, ranked.coverage, strict=True)
                ]
                hits.sort(key=lambda h: (h.expired, -h.score))
            neighbours = None
            if state is not None and typing:
                neighbours = self._typing_neighbours(state, text)
            elif state is not None and any(len(w) >= 2 for w in words(text)):
                neighbours = self._nearest(state, text)
            if neighbours is not None:
                hits = self._fuse(hits, neighbours, searcher, service, today, mode)
        return hits[:limit], parsed

    def _typing_neighbours(self, state: VectorState, text: str) -> list[tuple[str, float]] | None:
        """The meaning to fuse at a keystroke, without encoding anything (None: lexical alone).

        The words already finished, if a full query of exactly those words was encoded (the
        cache); else the last full query when the agent is extending or trimming it (its words
        begin the finished ones, or the finished ones begin it); else nothing: a new query stays
        lexical until the pause that searches it in full."""
        if state is not self._neighbours_of:
            return None
        typed = text.lower().split()
        finished = typed if text[-1:].isspace() else typed[:-1]
        if not finished:
            return None
        found = self._neighbours.get(" ".join(finished))
        if found is not None:
            return found
        if self._last_full is not None:
            last_words, last_found = self._last_full[0].split(), self._last_full[1]
            shared = min(len(last_words), len(finished))
            if last_words[:shared] == finished[:shared]:
                return last_found
        return None

    def _nearest(self, state: VectorState, text: str) -> list[tuple[str, float]]:
        """The articles nearest to the query, cached per text and vector generation."""
        assert self.vectors is not None
        if state is not self._neighbours_of:  # a new generation of vectors
            self._neighbours.clear()
            self._neighbours_of = state
            self._last_full = None
        key = _key(text)
        found = self._neighbours.get(key)
        if found is None:
            found = nearest(state, self.vectors.query_vector(text), FUSION_DEPTH)
            self._neighbours[key] = found
            if len(self._neighbours) > NEIGHBOUR_CACHE:
                self._neighbours.popitem(last=False)
        self._last_full = (key, found)
        return found

    def _fuse(
        self,
        lexical: list[Hit],
        neighbours: list[tuple[str, float]],
        searcher,  # type: ignore[no-untyped-def]
        service: str | None,
        today: dt.date,
        mode: Mode,
    ) -> list[Hit]:
        """Weighted reciprocal-rank fusion of the two rankings, expired articles still last."""
        fused: dict[str, float] = {}
        by_id = {h.id: h for h in lexical[:FUSION_DEPTH]}
        for rank, hit in enumerate(lexical[:FUSION_DEPTH], start=1):
            fused[hit.id] = 1.0 / (FUSION_K + rank)
        weight = 1.0 if mode == "vectors" else VECTOR_WEIGHT
        for rank, (article_id, cosine) in enumerate(neighbours, start=1):
            hit = by_id.get(article_id)
            if hit is None:
                if cosine < VECTOR_ONLY_MIN_COSINE and mode != "vectors":
                    continue
                fields = self._stored(searcher, article_id)
                if fields is None:  # withdrawn since the vectors were computed
                    continue
                hit = self._hit(fields, 0.0, 0.0, today)
                if service is not None and hit.service != service:
                    continue
                by_id[article_id] = hit
            fused[article_id] = fused.get(article_id, 0.0) + weight / (FUSION_K + rank)
        if mode != "vectors" and any(h.coverage >= 1.0 for h in lexical[:FUSION_DEPTH]):
            # Some article holds every word typed ("bac bleu brisé"): the others, however close
            # in meaning, are discounted by the share of the words they miss.
            keep = 1.0 - COMPLETE_MATCH_WEIGHT
            for article_id in fused:
                fused[article_id] *= keep + COMPLETE_MATCH_WEIGHT * by_id[article_id].coverage
        order = sorted(fused, key=lambda a: (by_id[a].expired, -fused[a]))
        return [replace(by_id[a], score=round(fused[a] * 100, 4)) for a in order]

    def _stored(self, searcher, article_id: str) -> dict | None:  # type: ignore[no-untyped-def]
        if searcher is not self._fields_of or len(self._fields) > FIELDS_CACHE:
            self._fields = {}
            self._fields_of = searcher
        fields = self._fields.get(article_id, _MISSING)
        if fields is _MISSING:
            docnum = searcher.document_number(id=article_id)
            fields = None if docnum is None else searcher.stored_fields(docnum)
            self._fields[article_id] = fields
        return fields

    @staticmethod
    def _hit(fields: dict, score: float, coverage: float, today: dt.date) -> Hit:
        updated_s, expires_s, urgent = fields["meta"]
        updated, expires = _date(updated_s), _date(expires_s)
        expired = expires is not None and expires < today
        boost = URGENT_BOOST if urgent and not expired else 0.0
        if updated is not None:
            age = max(0, (today - updated).days)
            boost += RECENCY_BOOST * max(0.0, 1.0 - age / RECENCY_DAYS)
        # The boost in proportion to the words matched: a current notice is what the agent
        # means when the query is about it, not when one incidental word of a citizen's long
        # description ("… dormir ce soir") falls in its tags.
        factor = (1.0 - COVERAGE_WEIGHT) + (COVERAGE_WEIGHT + boost) * coverage
        return Hit(
            id=fields["id"],
            title=fields["title"],
            service=fields["service"],
            score=round(score * factor, 4),
            updated=updated,
            expires=expires,
            urgent=bool(urgent),
            expired=expired,
            coverage=coverage,
        )
