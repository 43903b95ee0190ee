"""Does an answer sheet promise what the request's category promises?

A sheet linked to a category (``categories:`` in its front matter) must not state a delay that
contradicts the category's ``deadline_hours``: the receipt prints the category's deadline, and a
citizen told "48 hours" at the counter and "72 hours" on paper trusts neither. The check reads
the blocks of the body that talk about a delay (a paragraph or a list with "délai", "sous",
"dans les", "d'ici"…) and converts each duration it states to hours: "72 h", "3 jours" (72 h),
"5 jours ouvrables" (a calendar week, 168 h, as in the taxonomy). A promise *longer* than the
category's deadline contradicts the receipt; a shorter one (a priority case treated faster) does
not. Run on publish and on demand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pac_sac_desktop.core.kb import Article

_DELAY_WORDS = re.compile(
    r"(délais? visés?|réparée?s? dans|traitée?s? (?:en|dans)|dans un délai de|"
    r"se rend sur place dans|rappelle .{0,40}dans les|prise en charge (?:en|dans|sous)|"
    r"colmatée?s? (?:en|dans|sous))",
    re.I,
)
_DURATION = re.compile(
    r"(?<![\d,.])(\d{1,3})\s*(?:\*\*)?\s*"
    r"(h\b|heures?\b|jours? ouvrables?\b|jours?\b|semaines?\b)",
    re.I,
)


@dataclass(frozen=True)
class StatedDelay:
    text: str  # as written, e.g. "48 heures"
    hours: int


@dataclass(frozen=True)
class Finding:
    """One contradiction, in French for the editor."""

    article_id: str
    category: str
    message: str
    stated: tuple[StatedDelay, ...] = ()


def _hours(number: int, unit: str) -> int:
    unit = unit.lower()
    if unit.startswith("h"):
        return number
    if "ouvrable" in unit:
        return -(-number // 5) * 168 if number % 5 == 0 else round(number * 7 / 5) * 24
    if unit.startswith("semaine"):
        return number * 168
    return number * 24


def stated_delays(body: str, about: str | None = None) -> list[StatedDelay]:
    """Durations promised in the blocks of ``body`` that speak of a service delay; with
    ``about`` (a category label), only in the sections (## …) that name it."""
    found: list[StatedDelay] = []
    sections = re.split(r"(?m)^(?=#{1,3} )", body)
    if about is not None:
        sections = [s for s in sections if about.casefold() in s.casefold()]
    blocks = [b for s in sections for b in re.split(r"\n\s*\n", s)]
    for block in blocks:
        if not _DELAY_WORDS.search(block):
            continue
        for match in _DURATION.finditer(block):
            number, unit = int(match.group(1)), match.group(2)
            text = f"{number} {unit}"
            found.append(StatedDelay(text, _hours(number, unit)))
    return found


def check_article(article: Article, deadlines: Mapping[str, tuple[str, int]]) -> list[Finding]:
    """Contradictions between ``article`` and its categories.

    ``deadlines`` maps a category code to (label, deadline_hours); an unknown code is a finding
    too (the request button would open nothing)."""
    findings: list[Finding] = []
    single = len(article.categories) == 1
    for code in article.categories:
        if code not in deadlines:
            findings.append(
                Finding(article.id, code, f"catégorie « {code} » inconnue de la taxonomie")
            )
            continue
        label, hours = deadlines[code]
        if hours <= 0:
            continue
        # One category: every promise in the sheet is about it; several: only the sections
        # that name the request.
        delays = stated_delays(article.body, None if single else label)
        wrong = tuple(d for d in delays if d.hours > hours)
        if wrong:
            said = ", ".join(d.text for d in wrong)
            findings.append(
                Finding(
                    article.id,
                    code,
                    f"la fiche annonce {said} alors que le délai de la catégorie « {label} » "
                    f"est de {_say_hours(hours)} (celui qu'imprime le reçu)",
                    wrong,
                )
            )
    return findings


def check_all(
    articles: Iterable[Article], deadlines: Mapping[str, tuple[str, int]]
) -> list[Finding]:
    return [f for a in articles for f in check_article(a, deadlines)]


def _say_hours(hours: int) -> str:
    if hours % 24:
        return f"{hours} h"
    days = hours // 24
    return f"{hours} h ({days} jour{'s' if days > 1 else ''})"
