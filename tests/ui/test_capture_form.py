"""The capture form driven by keyboard, against a real workstation database (offscreen)."""

from PySide6.QtCore import Qt

from pac_sac_desktop.services.drafts import DraftStore


def open_form(window, qtbot):
    qtbot.keyClick(window.kb_page.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.capture_page
    assert window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: len(page.categories) > 50, timeout=5000)
    return page


def fill(page, qtbot, *, category="Nid-de-poule", phone="450 555-0199", nature="request"):
    page.nature.setCurrentIndex(page.nature.findData(nature))
    page.category.setText(category)
    for code, widget in page.questions.widgets.items():
        q = next(q for q in page.questions.questions if q.code == code)
        if q.required and hasattr(widget, "setCurrentIndex"):
            widget.setCurrentIndex(1)
        elif q.required and hasattr(widget, "setText"):
            widget.setText("2")
    page.first_name.setText("Lucie")
    page.last_name.setText("Gagnon")
    page.phone.setText(phone)
    page.location.setText("120, rue Principale")
    page.description.setPlainText("Trou profond dans la voie de droite.")


def test_ctrl_n_opens_the_form_and_the_category_filters_as_you_type(window, qtbot):
    page = open_form(window, qtbot)
    assert page.category.hasFocus()
    assert page.suggestions("nid")[0] == "Nid-de-poule"
    assert page.suggestions("eclairage")[0].startswith("Éclairage")
    page.category.setText("Nid-de-poule")
    assert page.category_code() == "nid-de-poule"
    assert page.questions.widgets, "the category's questions appear inline"
    qtbot.waitUntil(lambda: "Travaux publics" in page.category_info.text())


def test_errors_are_shown_next_to_their_fields_in_french(window, qtbot, ws):
    page = open_form(window, qtbot)
    fill(page, qtbot, phone="555-12")
    page.email.setText("pas-un-courriel")
    qtbot.keyClick(page.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.errors["citizen.phone"].isVisible(), timeout=5000)
    assert page.errors["citizen.phone"].text().startswith("numéro de téléphone invalide")
    assert page.errors["citizen.email"].text().startswith("adresse courriel invalide")
    assert "corrigez les champs en rouge" in page.status.text()
    assert page.phone.hasFocus()
    assert ws.requests.list() == []


def test_ctrl_enter_saves_shows_the_receipt_and_clears_the_draft(window, qtbot, ws):
    page = open_form(window, qtbot)
    fill(page, qtbot)
    page.save_draft()
    qtbot.waitUntil(lambda: ws.drafts.load() is not None, timeout=5000)
    with qtbot.waitSignal(page.saved, timeout=5000):
        qtbot.keyClick(page.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = ws.requests.list()
    assert len(saved) == 1 and saved[0].category == "nid-de-poule"
    assert page.status.text().startswith("Enregistrée : P-")
    assert page.receipt.isVisible() and "Nid-de-poule" in page.receipt.view.toPlainText()
    assert ws.drafts.load() is None
    assert page.category.text() == ""  # ready for the next citizen


def test_second_complaint_shows_the_meeting_warning_as_the_agent_types(window, qtbot, ws):
    page = open_form(window, qtbot)
    fill(page, qtbot, category="Collecte manquée", nature="complaint")
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.save_request()
    page.receipt.close()
    fill(page, qtbot, category="Collecte manquée", nature="complaint")
    qtbot.waitUntil(lambda: page.warning.isVisible(), timeout=5000)
    assert "rencontre" in page.warning.text() and "obligatoire" in page.warning.text()
    assert page.history.count() == 1


def test_a_draft_left_by_a_crash_is_offered_back(qtbot, ws, settings, french, home):
    from pac_sac_desktop.ui.main_window import MainWindow
    from tests.conftest import TODAY

    DraftStore(home).save(
        {
            "nature": "complaint",
            "channel": "phone",
            "category_text": "Nid-de-poule",
            "description": "Texte tapé avant la panne",
            "citizen": {"first_name": "Lucie"},
        }
    )
    w = MainWindow(ws, settings, today_fn=lambda: TODAY)
    qtbot.addWidget(w, before_close_func=lambda w: w.capture_page.new_request())
    w.show()
    page = w.capture_page
    assert page.draft_box.isVisible() or page.pending_draft is not None
    page._resume_draft(True)
    assert page.description.toPlainText() == "Texte tapé avant la panne"
    assert page.first_name.text() == "Lucie"
    assert page.nature.currentData() == "complaint"


def test_attachments_are_checked_stored_and_saved_with_the_request(window, qtbot, ws, tmp_path):
    page = open_form(window, qtbot)
    fill(page, qtbot)
    photo, fake = tmp_path / "trou.jpg", tmp_path / "virus.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"pixels" * 50)
    fake.write_bytes(b"MZ pas une photo")
    page.add_attachments([photo, fake])
    qtbot.waitUntil(lambda: page.errors["attachments"].isVisible(), timeout=5000)
    assert "virus.jpg" in page.errors["attachments"].text()
    assert [a.name for a in page.attachments] == ["trou.jpg"]
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        page.save_request()
    with ws.db.reading() as s:
        from pac_sac_desktop.store import requests_repo

        row = requests_repo.get_request(s, saved.args[0])
        assert [a["type"] for a in row.payload["attachments"]] == ["image/jpeg"]


def test_receipt_pdf_is_written_and_text_reads_out(window, qtbot, ws, tmp_path):
    from pac_sac_desktop.ui.capture.receipt_dialog import write_pdf

    page = open_form(window, qtbot)
    fill(page, qtbot)
    with qtbot.waitSignal(page.saved, timeout=5000) as saved:
        page.save_request()
    receipt = ws.requests.receipt(saved.args[0])
    text = receipt.text()
    assert (
        "accusé de réception" in text
        and "provisoire" in text
        and "Délai prévu de traitement" in text
    )
    pdf = tmp_path / "recu.pdf"
    write_pdf(receipt, pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_a_caller_can_be_attached_to_a_duplicate_instead_of_a_new_request(window, qtbot, ws):
    page = open_form(window, qtbot)
    fill(page, qtbot)
    with qtbot.waitSignal(page.saved, timeout=5000) as first:
        page.save_request()
    page.receipt.close()
    fill(page, qtbot, phone="514 555-0123")
    page.first_name.setText("Paul")
    page.last_name.setText("Roy")
    qtbot.waitUntil(lambda: page.duplicates.count() == 1, timeout=5000)
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.attach_to_duplicate(page.duplicates.item(0))
    assert "rattaché" in page.status.text()
    assert len(ws.requests.list()) == 1  # no second request
    with ws.db.reading() as s:
        from pac_sac_desktop.store import requests_repo

        notes = [o for o in requests_repo.pending_outbox(s) if o.kind == "event"]
    assert notes[0].parent_uuid == first.args[0] and "Paul Roy" in notes[0].payload["data"]["text"]
