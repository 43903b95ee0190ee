"""After capture, in the window: the Requêtes page, the supervisor's desk, the actions, the
checks on leaving a field, quitting with an unsaved form, Ctrl+N from an answer sheet.
Real Workstation on a temporary data folder; only modal boxes are recorded instead of shown."""

import datetime as dt
import re

from PySide6.QtCore import QModelIndex, Qt, QTimer

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft
from pac_sac_desktop.store.state import set_value
from pac_sac_desktop.ui.kb.article_category import category_for_article
from pac_sac_desktop.ui.main_window import MainWindow
from pac_sac_desktop.ui.supervision.queue_model import DUE_COLUMN
from tests.conftest import TODAY

FRENCH_MOMENT = re.compile(
    r"\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre) \d{4} à \d{1,2} h \d{2}"
)


def sign_in(ws, user, role, name):
    with ws.db.transaction() as s:
        set_value(s, "server:user", user)
        set_value(s, "server:role", role)
        set_value(s, "server:display_name", name)


def complaint(ws, *, user="agent", first="Lucie", last="Gagnon", phone="450 555-0199"):
    ws.requests.ensure_taxonomy()
    category = next(c for c in ws.requests.categories() if c.code == "collecte-manquee")
    draft = RequestDraft(
        nature="complaint",
        category=category.code,
        channel="phone",
        description="Le bac n'a pas été vidé lundi.",
        citizen=Citizen(first_name=first, last_name=last, phone=phone, contact="phone"),
        location=Location(address="120, rue Principale"),
        answers=sample_answers(category.questions),
    )
    return ws.requests.save(draft, user=user)


def open_window(qtbot, ws, settings):
    w = MainWindow(ws, settings, today_fn=lambda: TODAY)
    qtbot.addWidget(w, before_close_func=lambda w: w.capture_page.new_request())
    w.show()
    qtbot.waitExposed(w)
    return w


# ------------------------------------------------------------------ the form
def test_a_field_is_checked_when_the_clerk_leaves_it_and_the_error_goes_once_fixed(window, qtbot):
    page = window.capture_page
    window.go_capture()
    page.phone.setFocus()
    page.phone.setText("555-12")
    page.email.setFocus()  # leave the phone field
    qtbot.waitUntil(lambda: page.errors["citizen.phone"].isVisible())
    assert page.errors["citizen.phone"].text().startswith("numéro de téléphone invalide")
    page.phone.setText("(450) 555-0199")  # fixed while the error shows
    assert not page.errors["citizen.phone"].isVisible()
    page.phone.setFocus()
    page.postal_code.setFocus()
    assert page.phone.text() == "450 555-0199"  # shown the usual way once right
    page.postal_code.setText("j7x1a1")
    page.email.setFocus()
    page.email.setText("pas-un-courriel")
    page.phone.setFocus()
    assert page.postal_code.text() == "J7X 1A1"
    qtbot.waitUntil(lambda: page.errors["citizen.email"].isVisible())
    page.email.setText("lucie@exemple.ca")
    assert not page.errors["citizen.email"].isVisible()


def test_a_required_answer_is_checked_on_leave(window, qtbot):
    page = window.capture_page
    window.go_capture()
    qtbot.waitUntil(lambda: len(page.categories) > 50, timeout=5000)
    page.category.setText("Nid-de-poule")
    required = [q for q in page.questions.questions if q.required]
    assert required
    widget = page.questions.widgets[required[0].code]
    qtbot.waitUntil(widget.isVisible)  # new rows are shown at the next turn of the event loop
    widget.setFocus()
    page.location.setFocus()
    qtbot.waitUntil(lambda: page.questions.errors[required[0].code].isVisible())
    assert page.questions.errors[required[0].code].text() == "réponse obligatoire"


def test_quitting_with_an_unsaved_form_asks_first(window, qtbot, ws):
    page = window.capture_page
    window.go_capture()
    page.description.setPlainText("Lampadaire éteint devant le 12")

    def answer(which):
        def click():
            box = window.quit_box
            button = next(b for b in box.buttons() if b.text() == which)
            button.click()

        return click

    QTimer.singleShot(0, answer("Annuler"))
    assert not window.close()
    assert window.isVisible()
    QTimer.singleShot(0, answer("Enregistrer le brouillon"))
    assert window.close()
    assert ws.drafts.load()["description"] == "Lampadaire éteint devant le 12"


def test_quit_without_saving_drops_the_draft(window, qtbot, ws):
    window.go_capture()
    window.capture_page.location.setText("12, rue des Érables")
    window.capture_page.save_draft()
    qtbot.waitUntil(lambda: ws.drafts.load() is not None)

    def click():
        box = window.quit_box
        next(b for b in box.buttons() if b.text() == "Quitter sans enregistrer").click()

    QTimer.singleShot(0, click)
    assert window.close()
    assert ws.drafts.load() is None


def test_ctrl_n_from_an_answer_sheet_preselects_its_category(window, qtbot):
    page = window.capture_page
    qtbot.waitUntil(lambda: len(page.categories) > 50, timeout=5000)
    kb = window.kb_page
    article = Article(
        id="bac-noir",
        title="Collecte des ordures",
        body="Bac oublié : ouvrir une requête « Collecte manquée » le lendemain.",
    )
    kb.viewer.article = article
    kb.opened_id = article.id  # opened by the agent (not the home list's preview)
    window.tabs.setCurrentWidget(kb)
    window.go_capture()
    assert window.tabs.currentWidget() is page
    assert page.category_code() == "collecte-manquee"
    assert page.location.hasFocus()


def test_an_article_without_a_quoted_request_is_matched_by_its_tags(window, qtbot):
    page = window.capture_page
    qtbot.waitUntil(lambda: len(page.categories) > 50, timeout=5000)
    article = Article(id="x", title="Trous dans la chaussée", body="…", tags=("nid-de-poule",))
    assert category_for_article(article, page.categories.values()) == "nid-de-poule"
    assert category_for_article(Article(id="y", title="Zzz", body="…"), []) is None


def test_the_window_opens_at_a_usable_size_and_shows_who_is_signed_in(qtbot, ws, settings, french):
    sign_in(ws, "mtremblay", "agent", "Marie Tremblay")
    w = open_window(qtbot, ws, settings)
    assert w.width() >= 1000 and w.height() >= 640
    assert "Marie Tremblay" in w.account_badge.text() and "Agent(e)" in w.account_badge.text()
    assert w.tabs.indexOf(w.desk_page) < 0  # the desk is the supervisor's
    assert w.tabs.tabText(w.tabs.indexOf(w.requests_page)) == "Requêtes"
    assert w.menuBar().actions()[0].text() == "&Fichier"  # the menus' mixin too


# ------------------------------------------------------------------ the Requêtes page
def test_the_requests_page_finds_a_request_by_number_phone_and_name(qtbot, ws, settings, french):
    sign_in(ws, "agent", "agent", "Marie Tremblay")
    saved = complaint(ws)
    complaint(ws, first="Paul", last="Roy", phone="819 555-0123")
    ws.requests.act(saved.uuid, "note", {"text": "Rappeler après 16 h"}, user="agent", role="agent")
    w = open_window(qtbot, ws, settings)
    page = w.requests_page
    w.tabs.setCurrentWidget(page)
    for typed in (saved.number, "450 555-0199", "lucie gagnon"):
        page.search.setText(typed)
        page.run_search()
        qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 1, timeout=5000)
        qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
        assert page.detail.detail.summary.uuid == saved.uuid
    title = page.detail.title.text()
    facts = page.detail.facts.toPlainText()
    assert f"{saved.number} (provisoire)" in title and "Nouvelle" in title
    assert "Plainte" in facts and "Collecte manquée" in facts and "Lucie Gagnon" in facts
    assert "En attente d'envoi" in facts  # sync state in French
    assert "Premier suivi au plus tard" in facts or "Premier suivi dû" in facts
    assert FRENCH_MOMENT.search(facts), facts
    (when, who, what), *_ = page.detail.timeline_rows
    assert who == "agent" and what == "Note — Rappeler après 16 h (pas encore transmis)"
    assert FRENCH_MOMENT.fullmatch(when), when
    assert page.mine.topLevelItemCount() == 2


def test_an_action_refused_for_an_agent_shows_the_french_message(
    qtbot, ws, settings, french, shown_errors
):
    saved = complaint(ws, user="someone-else")
    sign_in(ws, "agent", "agent", "Marie Tremblay")
    w = open_window(qtbot, ws, settings)
    page = w.requests_page
    page.show_request(saved.uuid)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
    bar = page.actions
    assert bar.buttons["note"].isVisibleTo(bar) and not bar.buttons["close"].isVisibleTo(bar)
    bar.buttons["note"].click()
    bar.dialog.fields["text"].setPlainText("Rappeler demain")
    bar.dialog.accept()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    assert "Un agent ne peut annoter que ses propres requêtes." in shown_errors[0]
    assert bar.dialog.isVisible()  # kept as typed
    assert bar.dialog.fields["text"].toPlainText() == "Rappeler demain"


# ------------------------------------------------------------------ the desk
def test_the_desk_counts_down_a_first_followup_and_moves_it_out_once_logged(
    qtbot, ws, settings, french, shown_errors
):
    sign_in(ws, "sup", "supervisor", "Sylvie Bouchard")
    saved = complaint(ws)
    w = open_window(qtbot, ws, settings)
    assert "Superviseur(e)" in w.account_badge.text()
    desk = w.desk_page
    assert w.tabs.indexOf(desk) >= 0
    w.tabs.setCurrentWidget(desk)
    qtbot.waitUntil(lambda: len(desk.model.rows) == 1, timeout=5000)
    assert desk.model.rows[0].uuid == saved.uuid
    due = desk.model.data(desk.model.index(0, DUE_COLUMN))
    assert re.search(r"\b2[34] h \d{2} min\b", due), due  # 24 h from now, on server time
    qtbot.waitUntil(lambda: desk.counts.get("first-followup") == 1, timeout=5000)
    assert desk.queues.item(0).text().endswith("(1)")
    desk.model.set_now(dt.datetime.now(dt.UTC) + dt.timedelta(hours=25))
    late = desk.model.index(0, DUE_COLUMN)
    assert "en retard" in desk.model.data(late)
    assert desk.model.data(late, Qt.ItemDataRole.ForegroundRole) is not None  # red

    desk.table.doubleClicked.emit(desk.model.index(0, 0))
    page = w.requests_page
    assert w.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
    bar = page.actions
    bar.buttons["followup"].click()
    bar.dialog.fields["text"].setPlainText("Citoyenne rassurée : collecte reprise jeudi.")
    bar.dialog.accept()
    qtbot.waitUntil(lambda: page.detail.detail.state.first_followup_at is not None, timeout=5000)
    assert not bar.dialog.isVisible()  # closed once stored
    w.tabs.setCurrentWidget(desk)
    qtbot.waitUntil(lambda: desk.counts.get("first-followup") == 0, timeout=5000)
    qtbot.waitUntil(lambda: len(desk.model.rows) == 0, timeout=5000)
    assert not shown_errors
    qtbot.waitUntil(
        lambda: any("Citoyen joint" in what for _w, _a, what in page.detail.timeline_rows),
        timeout=5000,
    )


def test_the_desk_assigns_several_requests_at_once(qtbot, ws, settings, french, shown_errors):
    sign_in(ws, "sup", "supervisor", "Sylvie Bouchard")
    complaint(ws)
    complaint(ws, first="Paul", last="Roy", phone="819 555-0123")
    w = open_window(qtbot, ws, settings)
    desk = w.desk_page
    w.tabs.setCurrentWidget(desk)
    desk.queues.setCurrentRow(2)  # unassigned
    qtbot.waitUntil(lambda: len(desk.model.rows) == 2, timeout=5000)
    desk.table.selectAll()
    desk.assign_selection()
    desk.dialog.fields["to"].setEditText("Travaux publics")
    desk.dialog.accept()
    qtbot.waitUntil(lambda: desk.counts.get("unassigned") == 0, timeout=5000)
    assert not shown_errors
    assert all(r.assigned_to == "Travaux publics" for r in ws.requests.mine("agent"))


def test_sorting_a_column_asks_the_service(qtbot, ws, settings, french):
    sign_in(ws, "sup", "supervisor", "Sylvie Bouchard")
    complaint(ws)
    complaint(ws, first="Paul", last="Roy", phone="819 555-0123")
    w = open_window(qtbot, ws, settings)
    desk = w.desk_page
    w.tabs.setCurrentWidget(desk)
    qtbot.waitUntil(lambda: len(desk.model.rows) == 2, timeout=5000)
    first = desk.model.rows[0].uuid
    desk.model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: desk.model.sort_key == "reference" and len(desk.model.rows) == 2)
    assert desk.model.descending
    assert not desk.model.canFetchMore(QModelIndex())
    assert first in {r.uuid for r in desk.model.rows}


def test_an_open_request_on_the_same_subject_offers_to_record_a_complaint(window, qtbot, ws):
    first = complaint(ws)
    page = window.capture_page
    window.go_capture()
    qtbot.waitUntil(lambda: len(page.categories) > 50, timeout=5000)
    page.nature.setCurrentIndex(page.nature.findData("request"))
    page.category.setText("Collecte manquée")
    page.first_name.setText("Lucie")
    page.last_name.setText("Gagnon")
    page.phone.setText("450 555-0199")
    notice = page.side.same_subject
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert first.number in page.side.same_subject_text.text()
    assert "requête ouverte sur ce sujet" in page.side.same_subject_text.text()
    page.side.complaint_button.click()
    assert page.nature.currentData() == "complaint"
    qtbot.waitUntil(lambda: page.warning.isVisible(), timeout=5000)  # now a repeat complaint
    qtbot.waitUntil(lambda: not page.side.complaint_button.isVisible(), timeout=5000)


def test_the_receipt_reads_dates_in_quebec_french(window, qtbot, ws):
    from pac_sac_desktop.ui.capture.receipt_dialog import receipt_lines, receipt_text

    saved = complaint(ws)
    receipt = ws.requests.receipt(saved.uuid)
    lines = dict(receipt_lines(receipt))
    assert FRENCH_MOMENT.fullmatch(lines["Reçue le"]), lines
    assert FRENCH_MOMENT.fullmatch(lines["Premier suivi au plus tard"])
    assert "provisoire" in lines["Numéro"]
    assert lines["Reçue le"] in receipt_text(receipt)


def test_the_window_remembers_its_geometry(qtbot, ws, settings, french):
    w = open_window(qtbot, ws, settings)
    w.resize(1000, 700)
    assert w.close()
    assert settings.value("window/geometry") is not None
    again = open_window(qtbot, ws, settings)
    # (the offscreen screen is small: Qt fits a restored width to it; the height is kept)
    assert again.height() == 700


def test_a_sheets_own_categories_come_first(window, qtbot):
    from pac_sac_desktop.ui.kb.article_category import category_for_article

    page = window.capture_page
    qtbot.waitUntil(lambda: len(page.categories) > 50, timeout=5000)
    article = Article(
        id="chaussee",
        title="Chaussée abîmée",
        body="Si le bac a aussi été oublié, ouvrir une requête « Collecte manquée ».",
        categories=("nid-de-poule", "inconnue"),
    )
    assert category_for_article(article, page.categories.values()) == "nid-de-poule"
    unknown = Article(id="x", title="Sans lien", body="Rien.", categories=("inconnue",))
    assert category_for_article(unknown, page.categories.values()) is None
