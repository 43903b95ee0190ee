"""The KB page says how far the search index is while a first sync or a repair builds it."""

from __future__ import annotations

NBSP = "\u00a0"


def test_index_progress_shows_during_a_first_sync_and_goes_away(window, qtbot, kb):
    line = window.kb_page.index_progress
    assert not line.isVisible()
    here = kb.count()
    # What the sync engine reports after storing a page: 1,200 more articles on the server.
    kb.page_stored(0, 1200)
    qtbot.waitUntil(line.isVisible)
    assert line.label.text() == f"Index : {here} fiches sur 1{NBSP}{200 + here}…"
    assert line.bar.value() == here and line.bar.maximum() == 1200 + here
    assert window.status_index.text() == "Index de recherche en construction…"
    kb.sync_pulled()  # the pull ended: the index holds everything the database does
    qtbot.waitUntil(lambda: not line.isVisible())
    assert window.status_index.text() == "Index de recherche à jour"


def test_titles_answer_while_the_index_is_repaired(window, qtbot, kb):
    kb.index.close()
    for toc in kb.index.directory.glob("*.toc"):
        toc.write_bytes(b"not a toc")
    window.kb_page.field.setText("stationnement de nuit")
    qtbot.waitUntil(lambda: "titres seulement" in window.kb_page.heading.text())
    assert window.kb_page.results.count() >= 1
    assert kb.wait_for_index(timeout=60)
    window.kb_page.run_search()
    qtbot.waitUntil(lambda: "titres" not in window.kb_page.heading.text())
    assert window.kb_page.results.count() >= 1
