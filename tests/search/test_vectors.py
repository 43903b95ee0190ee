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
    # The hub correction follows, updated from the stored neighbours, as if recomputed in full.
    import numpy as np

    from pac_sac_desktop.search.vectors import hubness

    assert np.allclose(after.hub, hubness(after.matrix), atol=1e-6)
    kb.close()


def test_semantic_off_is_plain_lexical(home, small_kb_dir):
    kb = KnowledgeBase.open(home, semantic=False)
    assert kb.import_path(small_kb_dir).ok
    assert kb.vectors is None and not kb.wait_for_vectors(timeout=1)
    assert ids(kb, "recyclage")[0] == "recyclage-bac-bleu"
    assert not (home / VECTORS_DIRNAME).exists()
    kb.close()


def test_while_typing_nothing_is_encoded_and_the_last_full_query_serves(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    store = kb.vectors
    assert store is not None

    def typed(text):
        return [r.hit.id for r in kb.search(text, limit=3, today=TODAY, typing=True)]

    # A new query while typing: lexical alone, and no encoding at any keystroke.
    assert typed("boil water noti") == ids(kb, "boil water noti", mode="lexical")
    assert len(store._queries) == 0
    # The search after a pause encodes the full query once...
    assert "avis-ebullition" in ids(kb, "boil water")
    assert len(store._queries) == 1
    # ...and its vector serves the keystrokes that extend or trim it, still without encoding.
    for text in ("boil water n", "boil water notice fo", "boil wa"):
        assert "avis-ebullition" in typed(text), text
    assert len(store._queries) == 1
    # Another query typed afterwards does not inherit that meaning.
    assert typed("recyclage ba") == ids(kb, "recyclage ba", mode="lexical")
    assert len(store._queries) == 1
    kb.close()


def test_hubness_is_stored_with_the_vectors_and_recomputed_when_missing(home, small_kb_dir):
    """The hub correction is derived data of the matrix: computed with each new generation in
    the background (never per query), stored beside it, and recomputed for a file without it."""
    import numpy as np

    from pac_sac_desktop.search.vectors import VECTORS_FILE, hubness

    kb = open_kb(home, small_kb_dir)
    state = kb.vectors.state()
    assert state.hub is not None and np.allclose(state.hub, hubness(state.matrix))
    kb.close()
    path = home / VECTORS_DIRNAME / VECTORS_FILE
    with np.load(path) as z:  # a file written before the correction existed
        older = {name: z[name] for name in z.files if not name.startswith(("near_", "hub_"))}
    with path.open("wb") as f:
        np.savez(f, **older)
    kb = KnowledgeBase.open(home, semantic=True)
    assert kb.vectors.state().hub is None
    assert "avis-ebullition" in ids(kb, "boil water notice")  # plain cosine meanwhile
    assert kb.vectors.needs_update(kb.kb_seq())
    assert kb.vectors.update(kb.source) == "hub"
    assert np.allclose(kb.vectors.state().hub, hubness(kb.vectors.state().matrix))
    kb.close()
    kb = KnowledgeBase.open(home, semantic=True)  # and it reads back
    assert kb.vectors.state().hub is not None and not kb.vectors.needs_update(kb.kb_seq())
    kb.close()


def test_closing_while_another_thread_starts_the_vectors_waits_for_it(
    home, small_kb_dir, monkeypatch
):
    """The application closes the window while a background task is still starting the
    vectors: close must wait for that thread, not fail on one not yet started."""
    import threading

    kb = open_kb(home, small_kb_dir)
    starting = threading.Event()
    real_start = threading.Thread.start

    def slow_start(thread):
        if thread.name == "pac-sac-vectors":
            starting.set()
            threading.Event().wait(0.3)  # published, not yet started
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", slow_start)
    starter = threading.Thread(target=kb.start_vectors)
    starter.start()
    assert starting.wait(10)
    kb.close()  # raised RuntimeError: cannot join thread before it is started
    starter.join()
    assert not kb.index_progress().vectors_running


def test_a_sheets_vector_joins_its_gist_and_the_citizens_words():
    """Weighed equally: the gist, and the mean of the phrasings (the gist alone without)."""
    import numpy as np

    from pac_sac_desktop.core.kb import Article
    from pac_sac_desktop.search.vectors import article_text, encode, encode_articles

    plain = Article(id="coyote", title="Coyote : observation", body="## À dire\nNe pas nourrir.")
    said = Article(
        id="coyote",
        title="Coyote : observation",
        body=plain.body
        + "\n\n## Ce que disent les citoyens\n- « Un gros chien sauvage rôde dans la ruelle »\n"
        "- « J'ai vu une bête comme un loup près du parc ce matin »\n",
    )
    rows = encode_articles([plain, said])
    gist, one, two = encode([article_text(plain), *said.citizen_phrasings()])
    assert np.allclose(rows[0], gist, atol=1e-5)
    expected = gist + (one + two) / 2
    assert np.allclose(rows[1], expected / np.linalg.norm(expected), atol=1e-5)
    # A citizen's description is nearer to the sheet that lists citizens' words.
    query = encode(["une sorte de loup se promène dans ma ruelle la nuit"])[0]
    assert rows[1] @ query > rows[0] @ query
