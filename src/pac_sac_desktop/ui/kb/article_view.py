"""The answer sheet as the agent reads it: header, badges, sanitized body, copy button."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.ui.format import freshness
from pac_sac_desktop.ui.kb.dates import day_text, moment_text
from pac_sac_desktop.ui.kb.results import (
    EXPIRED_COLOR,
    LIFTED_COLOR,
    REVIEW_COLOR,
    URGENT_COLOR,
    badge,
)

STYLE = """
body { font-size: 11pt; line-height: 140%; }
h1, h2, h3 { color: #1d3b5c; margin-top: 12px; margin-bottom: 4px; }
h2 { font-size: 13pt; } h3 { font-size: 12pt; }
mark { background-color: #ffe58a; }
a { color: #0b57d0; }
li { margin-bottom: 2px; }
"""


class ArticleView(QWidget):
    open_article = Signal(str)
    feedback = Signal(str, str)  # article id, "useful" | "fix"

    def __init__(self, parent: QWidget | None = None, *, feedback: bool = False) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(self.title.textFormat().RichText)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy the answer"))
        self.copy_button.setToolTip(
            self.tr("Copy the article's text to paste it in an e-mail (Ctrl+Shift+C)")
        )
        self.copy_button.setShortcut("Ctrl+Shift+C")
        self.copy_button.clicked.connect(self.copy_answer)
        self.copy_button.setEnabled(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("articleBody")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.document().setDefaultStyleSheet(STYLE)
        top = QHBoxLayout()
        head = QVBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.meta)
        top.addLayout(head, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self.useful_button = QPushButton(self.tr("Useful"))
        self.useful_button.setObjectName("usefulButton")
        self.useful_button.setToolTip(self.tr("Tell the editors this sheet helped"))
        self.fix_button = QPushButton(self.tr("Needs a fix…"))
        self.fix_button.setObjectName("fixButton")
        self.fix_button.setToolTip(self.tr("Tell the editors what is wrong or missing"))
        self.feedback_note = QLabel()
        self.feedback_note.setStyleSheet("color: #1e6b34;")
        self.useful_button.clicked.connect(lambda: self._feedback("useful"))
        self.fix_button.clicked.connect(lambda: self._feedback("fix"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.feedback_note, 1)
        bottom.addWidget(self.useful_button)
        bottom.addWidget(self.fix_button)
        self.feedback_bar = QWidget()
        self.feedback_bar.setLayout(bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.feedback_bar)
        self.feedback_bar.setVisible(False)
        self._feedback_enabled = feedback
        self.clear()

    def _feedback(self, kind: str) -> None:
        if self.article is not None:
            self.feedback.emit(self.article.id, kind)

    def feedback_sent(self, kind: str) -> None:
        self.feedback_note.setText(
            self.tr("Thank you: sent to the editors at the next sync.")
            if kind == "fix"
            else self.tr("Marked as useful.")
        )

    def clear(self) -> None:
        self.article = None
        title = self.tr("Knowledge base")
        self.title.setText(
            f"<span style='font-size:16pt; color:#1d3b5c'>{html.escape(title)}</span>"
        )
        self.meta.setText(
            self.tr("Answer sheets of the communications service, available offline.")
        )
        self.browser.setHtml(self._welcome_html())
        self.copy_button.setEnabled(False)
        self.feedback_bar.setVisible(False)

    def _welcome_html(self) -> str:
        rows = [
            ("Ctrl+K, F3", self.tr("search from anywhere")),
            ("↑ ↓", self.tr("move in the results")),
            (self.tr("Enter"), self.tr("open the selected answer sheet")),
            (self.tr("Esc"), self.tr("back to the search field; again to clear it")),
            (self.tr("Ctrl+Shift+C"), self.tr("copy the open answer")),
        ]
        table = "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
        )
        tips = self.tr(
            "Type the citizen's own words: accents, typos, plurals and unfinished words are "
            "forgiven, and everyday or English words (vidanges, char, garbage) find the official ones."
        )
        keyboard, advice = self.tr("Keyboard"), self.tr("Tips")
        return (
            f"<h2>{html.escape(keyboard)}</h2>"
            f'<table border="0" cellpadding="4">{table}</table>'
            f"<h2>{html.escape(advice)}</h2><p>{html.escape(tips)}</p>"
        )

    def show_article(
        self,
        article: Article,
        body_html: str,
        today: dt.date,
        now: dt.datetime | None = None,
        *,
        feedback: bool | None = None,
    ) -> None:
        """Show a sheet; ``now`` decides whether a notice is in force or lifted."""
        self.article = article
        lifted = article.lifted_on(now) if now is not None else None
        in_force = article.in_force(now) if now is not None else article.is_current_urgent(today)
        badges = ""
        if in_force:
            badges += " " + badge(self.tr("URGENT"), URGENT_COLOR)
        if lifted is not None:
            badges += " " + badge(self.tr("LIFTED"), LIFTED_COLOR)
        elif article.is_expired(today):
            badges += " " + badge(self.tr("EXPIRED"), EXPIRED_COLOR)
        if article.needs_review(today):
            badges += " " + badge(self.tr("TO CHECK"), REVIEW_COLOR)
        color = "#6b6b6b" if lifted is not None else "#1d3b5c"
        self.title.setText(
            f"<span style='font-size:16pt; font-weight:bold; color:{color}'>{html.escape(article.title)}</span>{badges}"
        )
        parts = [article.service, freshness(article.updated, today)]
        end = article.ends_at()
        if lifted is not None:
            parts.append(self.tr("lifted on %1").replace("%1", day_text(lifted)))
        elif article.expires_at is not None and end is not None:
            parts.append(self.tr("in force until %1").replace("%1", moment_text(end)))
        elif article.expires:
            label = (
                self.tr("expired on %1") if article.is_expired(today) else self.tr("valid until %1")
            )
            parts.append(label.replace("%1", day_text(article.expires)))
        due = article.review_due()
        if article.needs_review(today) and due is not None:
            parts.append(self.tr("to check: review was due on %1").replace("%1", day_text(due)))
        self.meta.setText(" · ".join(p for p in parts if p))
        notice = ""
        if lifted is not None:
            heading = self.tr("Notice lifted on %1").replace("%1", day_text(lifted, year=False))
            text = self.tr(
                "This notice is no longer in force. Do not give it to a citizen as current."
            )
            notice = (
                '<table width="100%" cellpadding="10" style="background-color:#e3f1e6;'
                ' border: 1px solid #1e6b34; margin-bottom: 8px"><tr><td>'
                f'<span style="font-size:14pt; font-weight:bold; color:{LIFTED_COLOR}">'
                f"✔ {html.escape(heading)}</span><br>{html.escape(text)}</td></tr></table>"
            )
        summary = f"<p><i>{html.escape(article.summary)}</i></p>" if article.summary else ""
        self.browser.setHtml(notice + summary + body_html)
        self.copy_button.setEnabled(True)
        show = self._feedback_enabled if feedback is None else feedback
        self.feedback_bar.setVisible(show)
        self.feedback_note.setText("")

    def answer_text(self) -> str:
        if self.article is None:
            return ""
        return f"{self.article.title}\n\n{self.browser.toPlainText().strip()}\n"

    def copy_answer(self) -> None:
        if self.article is not None:
            QGuiApplication.clipboard().setText(self.answer_text())

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "kb":
            self.open_article.emit(url.path() or url.toString().removeprefix("kb:"))
        elif url.scheme() in {"http", "https", "mailto", "tel"}:
            QDesktopServices.openUrl(url)
