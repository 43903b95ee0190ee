"""The KB window driven as an agent drives it: keyboard first, offscreen, against a real database."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def search(qtbot, window, text):
    page = window.kb_page
    with qtbot.waitSignal(page.searched, timeout=5000, check_params_cb=lambda t, _n: t == text):
        page.field.setText(
            text
        )  # keyClicks with accents can crash; set text as an input method would
    return page.results.ids()


def test_search_field_has_focus_at_start(window, qtbot):
    qtbot.waitUntil(lambda: window.kb_page.field.hasFocus())


def test_results_follow_typing_with_completion_of_the_last_word(window, qtbot):
    assert search(qtbot, window, "stationnem")[0] == "stationnement-hiver"
    assert search(qtbot, window, "collecte des ord")[0] == "collecte-ordures"
    assert (
        "1 résultat" in window.kb_page.heading.text()
        or "résultats" in window.kb_page.heading.text()
    )


def test_arrows_move_in_results_enter_opens_escape_returns(window, qtbot):
    page = window.kb_page
    ids = search(qtbot, window, "rue")
    assert len(ids) >= 2
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    assert page.results.currentRow() == 1
    qtbot.keyClick(page.field, Qt.Key.Key_Up)
    assert page.results.currentRow() == 0
    qtbot.keyClick(page.field, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.article_opened, timeout=3000) as opened:
        qtbot.keyClick(page.field, Qt.Key.Key_Return)
    assert opened.args == [ids[1]]
    assert page.viewer.article.id == ids[1]
    page.viewer.browser.setFocus()
    qtbot.keyClick(page.viewer.browser, Qt.Key.Key_Escape)
    assert page.field.hasFocus()


def test_ctrl_k_and_f3_come_back_to_search_from_anywhere(window, qtbot):
    page = window.kb_page
    page.viewer.browser.setFocus()
    qtbot.keyClick(page.viewer.browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert page.field.hasFocus()
    page.viewer.browser.setFocus()
    qtbot.keyClick(page.viewer.browser, Qt.Key.Key_F3)
    assert page.field.hasFocus()


def test_escape_in_the_field_clears_it_and_shows_recent_articles(window, qtbot):
    page = window.kb_page
    search(qtbot, window, "écocentre")
    page.open_current()
    with qtbot.waitSignal(page.searched, timeout=3000):
        qtbot.keyClick(page.field, Qt.Key.Key_Escape)
    assert page.field.text() == ""
    qtbot.waitUntil(lambda: page.heading.text() == "Avis en vigueur, puis consultés récemment")
    assert page.results.ids() == ["avis-ebullition", "ecocentre-horaire"]


def test_urgent_banner_shows_current_urgent_notices_and_opens_them(window, qtbot):
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert [a.id for a in window.banner.notices] == ["avis-ebullition"]
    window.banner.label.linkActivated.emit("kb:avis-ebullition")
    assert window.kb_page.viewer.article.id == "avis-ebullition"
    assert "URGENT" in window.kb_page.viewer.title.text()


def test_expired_articles_are_flagged_in_results_and_viewer(window, qtbot):
    page = window.kb_page
    ids = search(qtbot, window, "travaux rue principale")
    assert ids[-1] == "travaux-rue-principale"
    assert page.results.entry(len(ids) - 1).expired
    page.open_article("travaux-rue-principale")
    assert "EXPIRÉ" in page.viewer.title.text()
    assert "expiré le 15 octobre 2026" in page.viewer.meta.text()


def test_viewer_highlights_terms_follows_kb_links_and_copies_text(window, qtbot, kb, small_kb_dir):
    from tests.conftest import write_article

    write_article(
        small_kb_dir,
        "bacs-voir-aussi",
        "Bacs roulants",
        "Voir aussi [le recyclage](kb:recyclage-bac-bleu).",
    )
    kb.import_path(small_kb_dir)
    page = window.kb_page
    search(qtbot, window, "carton")
    page.open_current()
    assert "<mark>carton</mark>" in page.kb.article_html(page.viewer.article, page._highlight)
    page.open_article("bacs-voir-aussi")
    page.viewer.browser.anchorClicked.emit(
        __import__("PySide6.QtCore").QtCore.QUrl("kb:recyclage-bac-bleu")
    )
    assert page.viewer.article.id == "recyclage-bac-bleu"
    page.viewer.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Recyclage : le bac bleu") and "carton" in copied


def test_service_filter_restricts_results(window, qtbot):
    page = window.kb_page
    qtbot.waitUntil(lambda: page.service.count() > 3)
    assert page.service.itemText(0) == "Tous les services"
    search(qtbot, window, "bac")
    with qtbot.waitSignal(page.searched, timeout=3000):
        page.service.setCurrentIndex(page.service.findData("Travaux publics"))
    assert page.results.ids() == []
    assert "Aucune fiche" in page.heading.text()


def test_interface_is_french_by_default(window, qtbot):
    assert window.tabs.tabText(0) == "Base de connaissances"
    assert window.kb_page.field.placeholderText().startswith("Rechercher")
    assert window.menuBar().actions()[0].text() == "&Fichier"
    # The count comes from a background task, which may finish after the index is checked.
    qtbot.waitUntil(
        lambda: "fiches dans la base de connaissances locale" in window.status_articles.text()
    )


def test_fits_a_1366_by_768_screen(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    window.resize(1366, 768)
    assert window.width() <= 1366
