"""Relevance of the search over the demo knowledge base: recall@3 ≥ 0.90 on the labelled queries.

The queries (tests/search/relevance/*.yaml) are what agents type: exact words, citizen synonyms,
missing accents, typos, half-typed last words, inflections, full questions, Quebec colloquial and
English words. The figures per kind are printed at the end of the test run.
"""

from pathlib import Path

import pytest

from pac_sac_desktop.search.evaluation import evaluate, load_queries
from pac_sac_desktop.services.knowledge import KnowledgeBase
from tests.conftest import DEMO_KB, TODAY

QUERIES = Path(__file__).parent / "relevance"
REPORT: list[str] = []


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory):
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("demo-home"))
    report = kb.import_path(DEMO_KB)
    assert report.ok, [str(r) for r in report.rejected]
    yield kb
    kb.close()


def test_labelled_queries_cover_every_kind_and_exist():
    queries = load_queries(QUERIES)
    assert len(queries) >= 120
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
    } <= kinds


def test_expected_articles_exist(demo_kb):
    missing = [
        (q.q, e) for q in load_queries(QUERIES) for e in q.expected if demo_kb.article(e) is None
    ]
    assert missing == []


def test_recall_at_3_is_at_least_0_90(demo_kb):
    queries = load_queries(QUERIES)
    result = evaluate(
        queries, lambda q: [r.hit.id for r in demo_kb.search(q, limit=10, today=TODAY)]
    )
    misses = "\n".join(
        f"  [{q.kind}] {q.q!r} expected {list(q.expected)} got {got}" for q, got in result.misses
    )
    REPORT.append(f"Relevance on {len(queries)} queries:\n{result.table()}\nMisses:\n{misses}")
    assert result.recall_at_3 >= 0.90, REPORT[-1]
