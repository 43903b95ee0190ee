"""A readable difference between two versions of an answer sheet, line by line.

Both versions are rendered as the Markdown file an editor writes (front matter then body), so a
changed title, end date or category shows as plainly as a changed sentence.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from pac_sac_desktop.core.kb import Article, article_to_markdown


@dataclass(frozen=True)
class DiffLine:
    op: str  # " " same, "-" only in the older, "+" only in the newer, "@" a gap of same lines
    text: str

    def to_wire(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def diff_articles(old: Article, new: Article, *, context: int = 3) -> list[DiffLine]:
    a = article_to_markdown(old).splitlines()
    b = article_to_markdown(new).splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("@", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine(" ", t) for t in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                lines.extend(DiffLine("-", t) for t in a[i1:i2])
            if tag in ("replace", "insert"):
                lines.extend(DiffLine("+", t) for t in b[j1:j2])
    return lines
