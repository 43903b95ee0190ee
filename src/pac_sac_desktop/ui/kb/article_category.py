"""Which request category an answer sheet is about, for Ctrl+N from an open sheet.

Three signals, in order:

0. The sheet's own ``categories`` front-matter field (docs/kb-format.md): its first category
   the taxonomy knows.
1. The sheet names the request to open: the taxonomy's labels repeat word for word the request
   names the sheets quote (« Ouvrir une requête « Entrée d'eau gelée » »), so the first category
   label quoted in the body wins.
2. Otherwise its tags, then its title, are matched against the category labels and keywords
   with ``core.requests.rank_categories`` (the form's own ranking); the first tag that matches
   decides.

No match: the form opens with an empty category, as from anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.core.requests import normalize_name, rank_categories
from pac_sac_desktop.core.taxonomy import Category

_QUOTED = re.compile(r"«\s*([^«»]{2,120}?)\s*»")


def category_for_article(article: Article, categories: Iterable[Category]) -> str | None:
    cats = list(categories)
    known = {c.code for c in cats}
    for code in article.categories:
        if code in known:
            return code
    by_label = {normalize_name(c.label): c.code for c in cats}
    for match in _QUOTED.finditer(article.body):
        code = by_label.get(normalize_name(match.group(1)))
        if code:
            return code
    entries = [(c.code, c.label, list(c.keywords)) for c in cats]
    for query in (*article.tags, article.title):
        codes = rank_categories(query, entries, limit=1)
        if codes and normalize_name(query):
            return codes[0]
    return None
