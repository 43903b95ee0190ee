"""Highlighted extracts: the sentence of an article that best answers the query.

Computed for the few hits on screen from the article text in the database (the index stores no
bodies), by comparing each word's stem with the query's stems: cheaper than Whoosh's highlighter
and consistent with how the query matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pac_sac_desktop.search.analysis import STOP_WORDS, stem, word_spans

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)|[*_`]{1,3}", re.M)
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$", re.M)
_TABLE_PIPE = re.compile(r"\s*\|\s*")
MAX_CHARS = 220


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]

    def marked(self, before: str = "**", after: str = "**") -> str:
        out, pos = [], 0
        for start, end in self.spans:
            out += [self.text[pos:start], before, self.text[start:end], after]
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


def plain_text(markdown: str) -> str:
    """Markdown without its markup: what a person reads."""
    text = _LINK.sub(r"\1", markdown)
    text = _TABLE_RULE.sub("", text)
    text = "\n".join(
        _TABLE_PIPE.sub(" · ", line.strip().strip("|")).strip() if "|" in line else line
        for line in text.splitlines()
    )
    return _MARKUP.sub("", text)


def _matches(sentence: str, stems: set[str]) -> list[tuple[int, int, str]]:
    return [
        (s, e, st)
        for s, e, w in word_spans(sentence)
        if w not in STOP_WORDS and (st := stem(w)) in stems
    ]


def make_snippet(summary: str, body: str, stems: set[str], max_chars: int = MAX_CHARS) -> Snippet:
    """The sentence with most distinct query stems (the summary when none matches)."""
    candidates = [summary] if summary else []
    candidates += [s.strip() for s in _SENTENCE.split(plain_text(body)) if len(s.strip()) > 15]
    best, best_key = (candidates[0] if candidates else ""), (-1, 0)
    for index, sentence in enumerate(candidates[:200]):
        found = {m[2] for m in _matches(sentence, stems)}
        key = (len(found), -index)
        if found and key > best_key:
            best, best_key = sentence, key
    text = best
    if len(text) > max_chars:
        first = _matches(text, stems)
        start = max(0, (first[0][0] - 40) if first else 0)
        cut = text[start : start + max_chars].rsplit(" ", 1)[0]
        text = ("…" if start else "") + cut + "…"
    spans = tuple((s, e) for s, e, _ in _matches(text, stems))
    return Snippet(text, spans)
