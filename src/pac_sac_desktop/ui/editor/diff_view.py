"""Two versions of a sheet: a line diff in colour, or side by side (conflicts)."""

from __future__ import annotations

import html
from collections.abc import Iterable

from pac_sac_desktop.core.kb_history import DiffLine

_STYLE = {
    "-": "background-color:#fde2e1; color:#7a1b14;",
    "+": "background-color:#dff3e3; color:#17552a;",
    " ": "color:#333;",
    "@": "color:#888;",
}


def diff_html(lines: Iterable[DiffLine], *, removed: str, added: str) -> str:
    """A table, one row per line, with − / + in the margin; readable without colours too."""
    rows = []
    for line in lines:
        mark = {"-": "−", "+": "+", " ": "", "@": "⋯"}[line.op]
        text = html.escape(line.text) or "&nbsp;"
        rows.append(
            f'<tr><td width="18" style="{_STYLE[line.op]} font-weight:bold">{mark}</td>'
            f'<td style="{_STYLE[line.op]} font-family:monospace; white-space:pre-wrap">{text}</td></tr>'
        )
    legend = (
        f'<p><span style="{_STYLE["-"]}">&nbsp;− {html.escape(removed)}&nbsp;</span> &nbsp; '
        f'<span style="{_STYLE["+"]}">&nbsp;+ {html.escape(added)}&nbsp;</span></p>'
    )
    return (
        legend + '<table width="100%" cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>"
    )
