"""Citizen words -> the knowledge base's words, from an editable Solr-style synonyms file.

Format (one rule per line, ``#`` comments):
    ``a, b, c``          equivalence: any of them in a query also searches the others;
    ``a, b => c, d``     one-way: a or b in a query also searches c and d.
Expressions are matched on stems, so plurals and missing accents match too
("Vidanges" = "vidange"), and may span several words ("bac bleu", "nid de poule").
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pac_sac_desktop.search.analysis import content_words, stems, words

log = logging.getLogger(__name__)

Pattern = tuple[str, ...]


@dataclass
class Synonyms:
    """Rules keyed by the first stem of their left-hand expression."""

    rules: dict[str, list[tuple[Pattern, tuple[Pattern, ...]]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.rules.values())

    def match(self, query_stems: list[str], start: int) -> tuple[int, tuple[Pattern, ...]]:
        """Longest rule matching at ``start``: (length, alternatives), or (0, ())."""
        best_len, best_alts = 0, ()
        for pattern, alternatives in self.rules.get(query_stems[start], ()):
            n = len(pattern)
            if n > best_len and tuple(query_stems[start : start + n]) == pattern:
                best_len, best_alts = n, alternatives
        return best_len, best_alts


def _expressions(side: str, collapsed: list[str] | None = None) -> list[Pattern]:
    """The stem patterns of a side; with ``collapsed``, a citizen expression of several words
    that stop words reduce to one ("pas de courant" → « courant », whose stem is the one of
    « cour ») is left out and named there: it would fire on every query holding that word."""
    found = []
    for expr in side.split(","):
        pattern = tuple(stems(expr))
        if not pattern:
            continue
        several = sum(len(w) >= 2 for w in words(expr)) > 1
        if collapsed is not None and len(pattern) == 1 and several:
            collapsed.append(f"« {expr.strip()} » → « {content_words(expr)[0]} »")
            continue
        found.append(pattern)
    return list(dict.fromkeys(found))


def parse_synonyms(text: str, source: str = "<synonymes>") -> Synonyms:
    """Parse rules; a malformed line is skipped and reported, never fatal."""
    table: dict[Pattern, set[Pattern]] = defaultdict(set)
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        collapsed: list[str] = []
        if "=>" in line:
            left, _, right = line.partition("=>")
            sources, targets = _expressions(left, collapsed), _expressions(right)
            _report_collapsed(errors, source, number, collapsed)
            if not sources or not targets or "=>" in right:
                errors.append(f"{source}:{number} : règle à sens unique incomplète")
                continue
            for s in sources:
                table[s].update(t for t in targets if t != s)
        else:
            group = _expressions(line, collapsed)
            _report_collapsed(errors, source, number, collapsed)
            if len(group) < 2:
                errors.append(f"{source}:{number} : au moins deux expressions sont attendues")
                continue
            for s in group:
                table[s].update(t for t in group if t != s)
    rules: dict[str, list[tuple[Pattern, tuple[Pattern, ...]]]] = defaultdict(list)
    for pattern, alternatives in table.items():
        if alternatives:
            rules[pattern[0]].append((pattern, tuple(sorted(alternatives))))
    for msg in errors:
        log.warning("synonymes : %s", msg)
    return Synonyms(rules=dict(rules), errors=errors)


def _report_collapsed(errors: list[str], source: str, number: int, collapsed: list[str]) -> None:
    if collapsed:
        errors.append(
            f"{source}:{number} : expression réduite à un seul mot une fois les mots vides "
            f"retirés, ignorée (elle s'appliquerait à toute recherche de ce mot) : "
            + ", ".join(collapsed)
        )


def load_synonyms(path: Path) -> Synonyms:
    if not path.exists():
        log.warning("fichier de synonymes absent : %s", path)
        return Synonyms()
    return parse_synonyms(path.read_text(encoding="utf-8"), str(path))
