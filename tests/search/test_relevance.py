"""Relevance of the search over the demo knowledge base, per kind of query, for each engine half.

The queries (tests/search/relevance/*.yaml) are what agents type: exact words, citizen synonyms,
missing accents, typos, half-typed last words, inflections, full questions, Quebec colloquial and
English words; and what the citizen says: situations in their own words, natural English, slang
absent from the article, clerk-typed keyword compounds. The figures per kind (lexical alone,
vectors alone, the fusion the application serves) are printed at the end of the test run.
"""

from pathlib import Path

import pytest

from pac_sac_desktop.core.kb import read_article_file
from pac_sac_desktop.search.analysis import words
from pac_sac_desktop.search.evaluation import evaluate, load_queries
from pac_sac_desktop.services.knowledge import KnowledgeBase
from tests.conftest import DEMO_KB, TODAY

QUERIES = Path(__file__).parent / "relevance"
REPORT: list[str] = []
NEW_KINDS = {"situation", "english_citizen", "slang", "compound"}


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory):
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("demo-home"), semantic=True)
    report = kb.import_path(DEMO_KB)
    assert report.ok, [str(r) for r in report.rejected]
    assert kb.wait_for_vectors(timeout=120), "article vectors not computed"
    yield kb
    kb.close()


def test_labelled_queries_cover_every_kind_and_exist():
    queries = load_queries(QUERIES)
    assert len(queries) >= 220
    kinds = {q.kind for q in queries}
    assert {
        "exact",
        "synonym",
        "no_accents",
        "typo",
        "prefix",
        "inflection",
        "question",
        "colloquial",
        *NEW_KINDS,
    } <= kinds
    for kind in NEW_KINDS:
        assert sum(q.kind == kind for q in queries) >= 20, kind


def test_expected_articles_exist(demo_kb):
    missing = [
        (q.q, e) for q in load_queries(QUERIES) for e in q.expected if demo_kb.article(e) is None
    ]
    assert missing == []


def test_slang_words_are_absent_from_their_article():
    """A 'slang' query is only a test of generalisation if the article never uses the word."""
    files = {p.stem: p for p in DEMO_KB.glob("*/*.md")}
    present = []
    for q in load_queries(QUERIES):
        if q.kind != "slang":
            continue
        assert q.word, q.q
        slang = words(q.word)[0]
        assert slang in words(q.q), q.q
        for expected in q.expected:
            a = read_article_file(files[expected])
            if slang in words(f"{a.title} {' '.join(a.tags)} {a.summary} {a.body}"):
                present.append((q.q, expected))
    assert present == []


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Above "Bac bleu : matières recyclables" and "Ce qui ne va pas dans le bac bleu",
        # close in meaning but without "brisé".
        ("bac bleu brisé", "bac-brise-vole"),
        # Above "Poules urbaines", whose vector is close to "poule".
        ("nid de poule rue", "nid-de-poule-signaler"),
    ],
)
def test_article_holding_every_word_typed_comes_first(demo_kb, query, first):
    """Issue 13, found at the counter: the fusion let a sheet close in meaning, matching part
    of the words, outrank the sheet holding all of them."""
    ranked = [r.hit.id for r in demo_kb.search(query, limit=10, today=TODAY)]
    assert ranked[0] == first, ranked


def _evaluate(kb, mode):
    queries = load_queries(QUERIES)
    return evaluate(
        queries, lambda q: [r.hit.id for r in kb.search(q, limit=10, today=TODAY, mode=mode)]
    )


def test_recall_at_3_per_kind(demo_kb):
    results = {mode: _evaluate(demo_kb, mode) for mode in ("lexical", "vectors", "hybrid")}
    hybrid = results["hybrid"]
    kinds = sorted(hybrid.by_kind)
    lines = ["| kind | queries | lexical | vectors | hybrid |", "|---|---:|---:|---:|---:|"]
    for kind in kinds:
        cells = [results[m].by_kind[kind] for m in ("lexical", "vectors", "hybrid")]
        lines.append(
            f"| {kind} | {cells[0][1]} | " + " | ".join(f"{h / n:.2f}" for h, n in cells) + " |"
        )
    lines.append(
        f"| **all** | {hybrid.total} | "
        + " | ".join(f"{results[m].recall_at_3:.3f}" for m in ("lexical", "vectors", "hybrid"))
        + " |"
    )
    misses = "\n".join(
        f"  [{q.kind}] {q.q!r} expected {list(q.expected)} got {got}" for q, got in hybrid.misses
    )
    REPORT.append(
        f"Recall@3 on {hybrid.total} queries:\n" + "\n".join(lines) + f"\nMisses:\n{misses}"
    )
    # The fusion must beat each half alone, and stay above the floors below on every kind.
    assert hybrid.recall_at_3 > results["lexical"].recall_at_3, REPORT[-1]
    assert hybrid.recall_at_3 > results["vectors"].recall_at_3, REPORT[-1]
    assert hybrid.recall_at_3 >= 0.95, REPORT[-1]
    low = {k: round(h / n, 2) for k, (h, n) in hybrid.by_kind.items() if h / n < FLOOR.get(k, 0.9)}
    assert low == {}, REPORT[-1]


# Every kind at 0.90 or more. Situations were the one below it (37 of 42, 0.881) until the
# sheets listed the citizens' own words, written by helpers who never saw these queries
# (search/vectors.py, docs/search.md): 40 of 42. A kind measured below 0.90 gets its floor
# here with the reason beside it.
FLOOR: dict[str, float] = {}
