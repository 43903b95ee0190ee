"""A draft meets a newer published version: both side by side, the editor chooses."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.kb import article_to_markdown
from pac_sac_desktop.core.kb_history import diff_articles
from pac_sac_desktop.services.authoring import Draft
from pac_sac_desktop.ui.editor.diff_view import diff_html

KEEP_MINE, TAKE_THEIRS = 1, 2


class ConflictDialog(QDialog):
    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Another version was published"))
        self.resize(1200, 680)
        intro = QLabel(
            self.tr(
                "While you were editing, version %1 of this sheet was published. Nothing was "
                "overwritten: compare, then keep your text (it will replace version %1 when you "
                "publish) or take the published one (your draft is dropped)."
            ).replace("%1", str(draft.server_version or "?"))
        )
        intro.setWordWrap(True)
        mine = QTextBrowser()
        mine.setObjectName("mineText")
        mine.setPlainText(article_to_markdown(draft.article))
        theirs = QTextBrowser()
        theirs.setObjectName("theirsText")
        theirs.setPlainText(article_to_markdown(draft.server_copy) if draft.server_copy else "")
        diff = QTextBrowser()
        if draft.server_copy is not None:
            diff.setHtml(
                diff_html(
                    diff_articles(draft.server_copy, draft.article),
                    removed=self.tr("only in the published version"),
                    added=self.tr("only in your draft"),
                )
            )
        columns = QHBoxLayout()
        for title, widget in (
            (self.tr("Your draft"), mine),
            (self.tr("Published version"), theirs),
            (self.tr("Differences"), diff),
        ):
            box = QVBoxLayout()
            label = QLabel(f"<b>{html.escape(title)}</b>")
            box.addWidget(label)
            box.addWidget(widget, 1)
            columns.addLayout(box, 1)
        keep = QPushButton(self.tr("Keep my version"))
        keep.setObjectName("keepMine")
        keep.clicked.connect(lambda: self.done(KEEP_MINE))
        take = QPushButton(self.tr("Take the published version"))
        take.setObjectName("takeTheirs")
        take.clicked.connect(lambda: self.done(TAKE_THEIRS))
        later = QPushButton(self.tr("Decide later"))
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(take)
        buttons.addWidget(keep)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
