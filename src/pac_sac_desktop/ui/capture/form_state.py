"""What the capture form holds, both ways: a typed ``RequestDraft`` for the service, and the
draft file's state (the draft plus what the clerk typed in the category field) to restore."""

from __future__ import annotations

from typing import Any

from pac_sac_desktop.core.attachments import Attachment
from pac_sac_desktop.core.requests import Location, RequestDraft


def draft_of(page) -> RequestDraft:  # type: ignore[no-untyped-def]
    """What the form holds, typed; the service checks it when saved."""
    return RequestDraft(
        nature=page.nature.currentData(),
        channel=page.channel.currentData(),
        category=page.category_code() or page.category.text().strip(),
        description=page.description.toPlainText(),
        citizen=page.citizen_form.citizen(),
        location=Location(address=page.location.text().strip()),
        answers=page.questions.answers(),
        resolved_first_contact=page.resolved.isChecked(),
        kb_articles=tuple(page.used_articles),
        attachments=tuple(page.attachments),
    )


def state_of(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        **draft_of(page).to_wire(),
        "category_text": page.category.text(),
        "anonymous": page.anonymous.isChecked(),
    }


def restore(page, state: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    page.nature.setCurrentIndex(max(page.nature.findData(state.get("nature")), 0))
    page.channel.setCurrentIndex(max(page.channel.findData(state.get("channel")), 0))
    page.category.setText(state.get("category_text") or "")
    page.questions.set_answers(state.get("answers") or {})
    page.description.setPlainText(state.get("description") or "")
    page.location.setText((state.get("location") or {}).get("address", ""))
    page.citizen_form.set_citizen(state.get("citizen") or {}, bool(state.get("anonymous")))
    page.resolved.setChecked(bool(state.get("resolved_first_contact")))
    page.used_articles = list(state.get("kb_articles") or [])
    page.attachments_box.set_items(
        [
            Attachment(a["sha256"], a["name"], a["type"], a["size"])
            for a in state.get("attachments") or []
        ]
    )


def has_content(page) -> bool:  # type: ignore[no-untyped-def]
    d = draft_of(page)
    return bool(
        page.category.text().strip()
        or d.description.strip()
        or not d.citizen.empty
        or not d.location.empty
    )


def focus_first_error(page, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    order = [
        ("category", page.category),
        ("location.address", page.location),
        ("description", page.description),
        ("citizen.phone", page.phone),
        ("citizen.email", page.email),
        ("citizen.postal_code", page.postal_code),
    ]
    for key, widget in order:
        if key in fields:
            widget.setFocus()
            return
    for key in fields:
        if key.startswith("answers."):
            widget = page.questions.widgets.get(key.removeprefix("answers."))
            if widget is not None:
                widget.setFocus()
                return
