"""The KB window's new behaviours (preview on move, notices first, lifted notices, feedback)
and the editor's workspace, offscreen against a real database."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTextBrowser

from pac_sac_desktop.core.kb import parse_article
from pac_sac_desktop.store.state import set_value
from pac_sac_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.test_kb_window import search

LIFTED_DAY = dt.date(2026, 12, 4)  # the boil-water notice of the small bank ended on 30 November


def test_moving_in_the_results_previews_and_the_pane_follows_the_list(window, qtbot):
    page = window.kb_page
    ids = search(qtbot, window, "rue")
    assert page.viewer.article.id == ids[0]  # the first result is previewed at once
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    assert page.viewer.article.id == ids[1]
    search(qtbot, window, "zzzzqqq introuvable")
    assert page.results.count() == 0 and page.viewer.article is None


def test_the_empty_field_lists_notices_in_force_first_and_never_an_expired_sheet_first(
    window, qtbot
):
    page = window.kb_page
    search(qtbot, window, "x")
    with qtbot.waitSignal(page.searched, timeout=3000):
        page.field.setText("")
    qtbot.waitUntil(lambda: page.results.count() > 0)
    assert page.results.ids()[0] == "avis-ebullition"
    assert page.heading.text().startswith("Avis en vigueur")
    first_expired = [i for i in range(page.results.count()) if page.results.entry(i).expired]
    assert "travaux-rue-principale" not in page.results.ids()  # latest updates: never expired
    assert not first_expired


@pytest.fixture()
def lifted_window(qtbot, ws, settings, french):
    w = MainWindow(ws, settings, today_fn=lambda: LIFTED_DAY)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_lifted_notice_cannot_be_mistaken_for_a_current_one(lifted_window, qtbot):
    w = lifted_window
    qtbot.waitUntil(lambda: w.banner.isVisible())
    assert w.banner.notices == []  # no longer in the red list
    assert not w.banner.current.isVisible() and w.banner.past.isVisible()
    assert "Levé le 30 novembre" in w.banner.lifted_label.text()
    page = w.kb_page
    search(qtbot, w, "ébullition")
    assert "Aucun avis de ce genre n'est en vigueur" in page.heading.text()
    assert "30 novembre" in page.heading.text()
    assert page.results.entry(0).lifted and not page.results.entry(0).urgent
    page.open_article("avis-ebullition")
    assert "LEVÉ" in page.viewer.title.text() and "URGENT" not in page.viewer.title.text()
    assert "Avis levé le 30 novembre" in page.viewer.browser.toHtml()
    assert "levé le 30 novembre 2026" in page.viewer.meta.text()


def test_an_agent_marks_a_sheet_useful_or_to_fix_offline(window, qtbot, ws):
    page = window.kb_page
    page.open_article("collecte-ordures")
    assert page.viewer.feedback_bar.isVisible()
    page.give_feedback("collecte-ordures", "fix", "Le jour de collecte a changé.")
    qtbot.waitUntil(lambda: "Merci" in page.viewer.feedback_note.text())
    pending = ws.usage.pending_feedback()
    assert [(f.kind, f.comment) for f in pending] == [("fix", "Le jour de collecte a changé.")]


def test_finished_searches_are_recorded_with_what_was_opened(window, qtbot, ws):
    page = window.kb_page
    search(qtbot, window, "collecte des ord")
    search(qtbot, window, "collecte des ordures")
    page.open_current()
    search(qtbot, window, "piscine à vagues")
    with qtbot.waitSignal(page.searched, timeout=3000):
        page.field.setText("")
    qtbot.waitUntil(lambda: len(ws.usage.pending_searches()) == 2)
    events = ws.usage.pending_searches()
    assert (events[0].query, events[0].opened) == ("collecte des ordures", "collecte-ordures")
    assert events[1].query == "piscine à vagues" and events[1].opened is None


@pytest.fixture()
def editor_window(qtbot, ws, settings, french):
    with ws.db.transaction() as s:
        set_value(s, "server:role", "editor")
    ws.requests.ensure_taxonomy()
    w = MainWindow(ws, settings, today_fn=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_editor_writes_previews_and_queues_a_sheet(editor_window, qtbot, ws):
    w = editor_window
    assert w.editor_page is not None and w.tabs.tabText(w.tabs.count() - 1) == "Rédaction"
    page = w.editor_page
    editor = page.editor
    editor.id_edit.setText("ecocentre-hiver")
    editor.title_edit.setText("Écocentre : horaire d'hiver")
    editor.categories.setText("nid-de-poule")
    editor.body.setPlainText("## À dire au citoyen\nOuvert le **samedi** seulement.")
    editor.refresh_preview()
    assert (
        "<b>samedi</b>" in editor.preview.browser.toHtml()
        or "samedi" in editor.preview.browser.toPlainText()
    )
    assert editor.preview.title.text().count("Écocentre") == 1
    editor.save_button.click()
    assert ws.authoring.draft("ecocentre-hiver").state == "draft"
    assert page.drafts_heading.text() == "Mes brouillons (1)"
    editor.publish_button.click()
    assert ws.authoring.draft("ecocentre-hiver").state == "queued"
    assert "prochaine synchronisation" in editor.status.text()


def test_a_contradiction_is_shown_live_and_asked_before_publishing(editor_window, qtbot, ws):
    from PySide6.QtWidgets import QMessageBox

    page = editor_window.editor_page
    editor = page.editor
    editor.id_edit.setText("nid-test")
    editor.title_edit.setText("Nid-de-poule")
    editor.categories.setText("nid-de-poule")
    editor.body.setPlainText("Les délais visés sont :\n- **5 jours ouvrables** partout.")
    editor.refresh_preview()
    assert "72 h" in editor.findings.text()
    editor.publish_button.click()
    assert ws.authoring.draft("nid-test").state == "draft"  # not queued before the answer
    box = page._question
    box.button(QMessageBox.StandardButton.Yes).click()
    draft = ws.authoring.draft("nid-test")
    assert draft.state == "queued" and draft.force


def test_a_conflict_shows_both_versions_side_by_side(editor_window, qtbot, ws):
    from pac_sac_desktop.store.models import DraftRow

    article = parse_article("---\nid: piscine\ntitle: Piscine\n---\nBain libre à 19 h.")
    ws.authoring.save_draft(article)
    with ws.db.transaction() as s:
        row = s.get(DraftRow, "piscine")
        row.state, row.server_version = "conflict", 2
        row.server_copy = {"id": "piscine", "title": "Piscine", "body": "Bain libre à 20 h."}
    page = editor_window.editor_page
    page.refresh_lists()
    dialog = page.resolve_conflict(ws.authoring.draft("piscine"))
    assert "19 h" in dialog.findChild(QTextBrowser, "mineText").toPlainText()
    assert "20 h" in dialog.findChild(QTextBrowser, "theirsText").toPlainText()
    dialog.findChild(QPushButton, "keepMine").click()
    draft = ws.authoring.draft("piscine")
    assert draft.state == "draft" and draft.base_version == 2


def test_every_sheet_is_listed_with_its_status_service_and_review_date(editor_window, ws):
    page = editor_window.editor_page
    editor = page.editor
    editor.id_edit.setText("ecocentre-hiver")
    editor.title_edit.setText("Écocentre : horaire d'hiver")
    editor.body.setPlainText("## À dire au citoyen\nOuvert le samedi seulement.")
    editor.save_button.click()
    page.tabs.setCurrentIndex(1)
    table = page.sheets_table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
        for r in range(table.rowCount())
    }
    assert rows["Écocentre : horaire d'hiver"][0] == "brouillon"
    published = [values for values in rows.values() if values[0] == "publiée"]
    assert published and all(values[1] for values in published)  # owner service shown
    assert len(rows) == ws.kb.count() + 1  # every published sheet and the new draft
    row = next(
        r for r in range(table.rowCount()) if table.item(r, 0).text().startswith("Écocentre")
    )
    page._open_listed_sheet(row, 0)
    assert page.tabs.currentIndex() == 0 and editor.id_edit.text() == "ecocentre-hiver"
