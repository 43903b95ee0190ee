"""Article Markdown -> sanitized HTML for the viewer, with the query's words highlighted.

Articles come from editors and, through sync, from the server: the HTML is cleaned with an
allow-list (nh3) so nothing in an article can run or load anything on a workstation.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "mark",
    "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "span": {"class"}, "mark": {"class"}}
URL_SCHEMES = {"kb", "http", "https", "mailto", "tel"}
_TEXT_NODES = re.compile(r">([^<]+)<")
# CommonMark, as editors expect from GitHub-like tools: a list may follow its paragraph
# without a blank line. Raw HTML is off: articles are Markdown, and nh3 cleans the output anyway.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def to_html(body: str) -> str:
    raw = _MARKDOWN.render(body)
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    # Qt's rich text draws table borders from attributes only (its CSS subset ignores them).
    return clean.replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">')


def highlight_html(fragment: str, is_match: Callable[[str], list[tuple[int, int]]]) -> str:
    """Wrap matching words of the text nodes (never inside tags) in <mark>."""

    def mark(text: str) -> str:
        spans = is_match(html.unescape(text))
        if not spans:
            return text
        plain = html.unescape(text)
        out, pos = [], 0
        for start, end in spans:
            out += [
                html.escape(plain[pos:start], quote=False),
                "<mark>",
                html.escape(plain[start:end], quote=False),
                "</mark>",
            ]
            pos = end
        out.append(html.escape(plain[pos:], quote=False))
        return "".join(out)

    return _TEXT_NODES.sub(lambda m: ">" + mark(m.group(1)) + "<", fragment)
