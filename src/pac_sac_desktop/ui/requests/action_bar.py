"""The buttons under a request's title: the actions this person's role allows.

Agents note their requests and record a citizen's satisfaction; supervisors also assign, change
the status, log follow-up calls, plan and hold the meeting, close, merge and undo a merge.
Whether an action is allowed *now* is the service's call (core.events.refusal): a refusal
comes back as a French message shown by ui/errors.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pac_sac_desktop.core.events import EventKind
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.operations import requests as ops
from pac_sac_desktop.ui.requests import action_dialogs as dialogs
from pac_sac_desktop.ui.requests.detail_view import title_of

AGENT_ACTIONS = ("note", "satisfaction")
SUPERVISOR_ACTIONS = (
    "assign",
    "status",
    "followup",
    "meeting",
    "close",
    "satisfaction",
    "merge",
    "unmerge",
    "note",
)


class ActionBar(QWidget):
    done = Signal(str)  # what was done, for the status line

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.detail: Any = None
        self.role = ""
        self.departments: list[str] = []
        self.dialog: dialogs.ActionDialog | None = None
        labels = {
            "assign": self.tr("Assign…"),
            "status": self.tr("Status…"),
            "followup": self.tr("Follow-up call…"),
            "meeting": self.tr("Meeting…"),
            "close": self.tr("Close…"),
            "satisfaction": self.tr("Satisfaction…"),
            "merge": self.tr("Merge…"),
            "unmerge": self.tr("Undo merge…"),
            "note": self.tr("Add a note…"),
        }
        self.buttons: dict[str, QPushButton] = {}
        # Two rows: the supervisor's nine actions fit from 1000 px wide windows up.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 2, 0, 2)
        rows.setSpacing(2)
        lines = [QHBoxLayout(), QHBoxLayout()]
        for n, (key, label) in enumerate(labels.items()):
            button = QPushButton(label)
            button.setObjectName(f"action_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.start(k))
            lines[0 if n < 5 else 1].addWidget(button)
            self.buttons[key] = button
        self.no_actions = QLabel(self.tr("Your role does not allow acting on requests."))
        self.no_actions.setStyleSheet("color:#6b6b6b")
        lines[1].addWidget(self.no_actions)
        for line in lines:
            line.addStretch(1)
            rows.addLayout(line)
        self.set_detail(None, "")

    def set_detail(self, detail, role: str) -> None:  # type: ignore[no-untyped-def]
        self.detail, self.role = detail, role
        allowed = (
            SUPERVISOR_ACTIONS if role == "supervisor" else AGENT_ACTIONS if role == "agent" else ()
        )
        merged = bool(detail and detail.state.merged_into)
        for key, button in self.buttons.items():
            visible = detail is not None and key in allowed
            if key == "unmerge":
                visible = visible and merged
            if key == "merge":
                visible = visible and not merged
            button.setVisible(visible)
        self.no_actions.setVisible(detail is not None and not allowed)

    # ------------------------------------------------------------------ actions
    def start(self, key: str) -> None:
        """Open the action's form; Save sends it through ui.operations."""
        if self.detail is None:
            return
        label = title_of(self.detail.summary)
        build: dict[str, Callable[[], dialogs.ActionDialog]] = {
            "assign": lambda: dialogs.assign_dialog(self, label, self.departments),
            "status": lambda: dialogs.status_dialog(self, label, self.detail.state.status),
            "followup": lambda: dialogs.followup_dialog(self, label),
            "meeting": lambda: dialogs.meeting_dialog(self, label, self._last_meeting()),
            "close": lambda: dialogs.close_dialog(self, label),
            "satisfaction": lambda: dialogs.satisfaction_dialog(self, label),
            "merge": lambda: dialogs.merge_dialog(self, label),
            "unmerge": lambda: dialogs.unmerge_dialog(self, label),
            "note": lambda: dialogs.note_dialog(self, label),
        }
        self.dialog = dialog = build[key]()
        dialog.submitted.connect(lambda values: self.submit(key, values, dialog))
        dialog.open()

    def submit(self, key: str, v: dict[str, Any], dialog: dialogs.ActionDialog) -> None:
        ref = self.detail.summary.uuid
        common = {"parent": self, "ws": self.ws}
        op = {
            "assign": lambda: ops.assign(**common, refs=[ref], to=v["to"], kind=v["kind"]),
            "status": lambda: ops.change_status(
                **common, ref=ref, status=v["status"], text=v["text"]
            ),
            "followup": lambda: ops.log_followup(
                **common, ref=ref, at=v["at"], outcome=v["outcome"], text=v["text"]
            ),
            "meeting": lambda: ops.record_meeting(**common, ref=ref, data=v),
            "close": lambda: ops.close_request(**common, ref=ref, resolution=v["resolution"]),
            "satisfaction": lambda: ops.record_satisfaction(
                **common, ref=ref, score=v["score"], comment=v["comment"]
            ),
            "merge": lambda: ops.merge_into(**common, ref=ref, into=v["into"]),
            "unmerge": lambda: ops.undo_merge(**common, ref=ref, text=v["text"]),
            "note": lambda: ops.add_note(**common, ref=ref, text=v["text"]),
        }[key]()

        def done(_events) -> None:  # type: ignore[no-untyped-def]
            dialog.finish()
            self.done.emit(key)

        def refused(exc: BaseException, details: str) -> None:
            from pac_sac_desktop.ui.errors import show_error

            dialog.refused()
            show_error(dialog, exc, details)

        op.success(done).failure(refused).run_in_background()

    def _last_meeting(self) -> dict[str, Any]:
        meetings = [e for e in self.detail.events if e.kind == EventKind.MEETING]
        return dict(meetings[-1].data) if meetings else {}
