"""A damaged index never fails a search: titles answer meanwhile, one rebuild heals it, and
``pac-sac kb status`` finds the damage by reading the index through."""

from __future__ import annotations

import json
import logging
import random

import pytest
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.structfile import StructFile

from pac_sac_desktop.services.knowledge import KnowledgeBase
from tests.conftest import DEMO_KB
from tests.test_cli_kb import run

QUERIES = ["stationnement", "bac bleu", "collecte des ordures", "permis de piscine", "eau"]


def segment(index_dir):
    (seg,) = index_dir.glob("*.seg")
    return seg


def damage(seg, start: float, end: float, seed: int = 13) -> None:
    """Random bytes over a share of the segment's postings, written in place as a failing disk
    would (a running reader sees them). The postings' place in the compound file is read from
    its directory: the order of the parts inside a segment varies from one build to the next."""
    with seg.open("rb") as f:
        parts = CompoundStorage(StructFile(f), use_mmap=False)._dir
    (postings,) = (info for name, info in parts.items() if name.endswith(".pst"))
    offset, length = postings["offset"], postings["length"]
    first, last = offset + int(length * start), offset + int(length * end)
    noise = random.Random(seed).randbytes(max(last - first, 1))
    with seg.open("r+b") as f:
        f.seek(first)
        f.write(noise)


@pytest.fixture()
def demo_home(home):
    kb = KnowledgeBase.open(home, semantic=False)
    assert kb.import_path(DEMO_KB).ok
    kb.close()
    return home


def test_searches_on_a_damaged_segment_answer_and_one_rebuild_heals(demo_home, caplog):
    kb = KnowledgeBase.open(demo_home, semantic=False)
    try:
        assert kb.ensure_index() == "ok"
        damage(segment(demo_home / "index"), 0.2, 0.8)
        caplog.set_level(logging.INFO, logger="pac_sac_desktop")
        outcomes = [kb.lookup(q) for q in QUERIES]  # none raises
        assert any(o.titles_only for o in outcomes)
        fallback = next(o for o in outcomes if o.titles_only)
        assert fallback.results
        assert kb.wait_for_index(timeout=120)
        rebuilds = [r for r in caplog.records if "rebuilding search index" in r.getMessage()]
        assert len(rebuilds) == 1
        healed = kb.lookup("stationnement de nuit")
        assert not healed.titles_only
        assert healed.results[0].hit.id == "stationnement-hivernal-regles"
        assert kb.index.verify() is None
    finally:
        kb.close()


def test_search_answers_from_titles_while_the_index_is_unreadable(demo_home):
    kb = KnowledgeBase.open(demo_home, semantic=False)
    try:
        kb.ensure_index()
        kb.index.close()
        for toc in (demo_home / "index").glob("*.toc"):
            toc.write_bytes(b"not a toc")
        outcome = kb.lookup("Stationnement de nuit")
        assert outcome.titles_only
        assert [r.hit.id for r in outcome.results][:1] == ["stationnement-hivernal-regles"]
        assert kb.wait_for_index(timeout=120)
        assert not kb.lookup("stationnement de nuit").titles_only
    finally:
        kb.close()


def test_kb_status_reads_the_index_and_reports_damage(demo_home):
    ok = run(demo_home, "kb", "status", "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["index"] == "ok"
    damage(segment(demo_home / "index"), 0.5, 0.5001)  # a few bytes in the middle
    found = run(demo_home, "kb", "status")
    assert found.returncode == 1
    assert "index : endommagé" in found.stdout
    assert "pac-sac kb reindex" in found.stderr
    assert run(demo_home, "kb", "reindex").returncode == 0
    again = run(demo_home, "kb", "status", "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout)["damage"] is None
