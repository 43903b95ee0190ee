"""Article vectors are derived data: computed in the background, never waited for, healed."""

from pac_sac_desktop.services.knowledge import VECTORS_DIRNAME, KnowledgeBase
from pac_sac_desktop.store import kb_repo
from tests.conftest import TODAY


def ids(kb, text, mode="hybrid"):
    return [r.hit.id for r in kb.search(text, limit=3, today=TODAY, mode=mode)]


def open_kb(home, small_kb_dir):
    kb = KnowledgeBase.open(home, semantic=True)
    assert kb.import_path(small_kb_dir).ok
    assert kb.wait_for_vectors(timeout=60)
    return kb


def test_english_query_finds_the_french_sheet_through_vectors(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    progress = kb.index_progress()
    assert progress.semantic_ready and progress.vectors == progress.vectors_total > 0
    assert progress.fraction == 1.0
    assert ids(kb, "boil water notice", mode="vectors")[0] == "avis-ebullition"
    assert "avis-ebullition" in ids(kb, "boil water notice")
    kb.close()


def test_damaged_vectors_leave_lexical_search_working_and_are_rebuilt(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    kb.close()
    (home / VECTORS_DIRNAME / "vectors.npz").write_bytes(b"PK\x03\x04 not a zip at all")
    kb = KnowledgeBase.open(home, semantic=True)
    assert kb.vectors is not None and kb.vectors.state() is None
    assert ids(kb, "recyclage")[0] == "recyclage-bac-bleu"  # lexical alone
    assert ids(kb, "boil water notice", mode="vectors") == []
    assert not kb.index_progress().semantic_ready
    kb.ensure_index()  # what the application does at start, in the background
    assert kb.wait_for_vectors(timeout=60)
    assert ids(kb, "boil water notice", mode="vectors")[0] == "avis-ebullition"
    kb.close()
    kb = KnowledgeBase.open(home, semantic=True)  # and the rebuilt file reads back
    assert kb.vectors is not None and kb.vectors.state() is not None
    kb.close()


def test_stale_vectors_never_bring_back_a_withdrawn_article(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    with kb.db.transaction() as s:  # another process withdrew it; vectors not caught up yet
        kb_repo.withdraw_article(s, "avis-ebullition")
    kb.index.ensure(kb.source)
    assert kb.vectors is not None and "avis-ebullition" in kb.vectors.state().ids
    assert "avis-ebullition" not in ids(kb, "boil water notice")
    assert "avis-ebullition" not in ids(kb, "boil water notice", mode="vectors")
    kb.close()


def test_vectors_follow_the_changed_articles_only(home, small_kb_dir, tmp_path):
    kb = open_kb(home, small_kb_dir)
    before = kb.vectors.state()
    assert kb.withdraw("avis-ebullition")
    assert kb.wait_for_vectors(timeout=60)
    after = kb.vectors.state()
    assert set(after.ids) == set(before.ids) - {"avis-ebullition"}
    assert after.kb_seq == kb.kb_seq()
    # Unchanged articles keep their vectors (copied, not re-encoded).
    row = before.row["recyclage-bac-bleu"]
    assert (after.matrix[after.row["recyclage-bac-bleu"]] == before.matrix[row]).all()
    kb.close()


def test_semantic_off_is_plain_lexical(home, small_kb_dir):
    kb = KnowledgeBase.open(home, semantic=False)
    assert kb.import_path(small_kb_dir).ok
    assert kb.vectors is None and not kb.wait_for_vectors(timeout=1)
    assert ids(kb, "recyclage")[0] == "recyclage-bac-bleu"
    assert not (home / VECTORS_DIRNAME).exists()
    kb.close()


def test_while_typing_the_meaning_comes_from_the_finished_words(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    lexical = ids(kb, "boil", mode="lexical")
    assert [r.hit.id for r in kb.search("boil", limit=3, today=TODAY, typing=True)] == lexical
    typed = [r.hit.id for r in kb.search("boil water noti", limit=3, today=TODAY, typing=True)]
    assert "avis-ebullition" in typed  # from the vector of "boil water", computed once
    kb.close()
