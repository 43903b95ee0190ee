"""The peer of the search benchmark: one SQLite FTS5 table, what a developer would pick instead.

``unicode61 remove_diacritics 2`` with prefix indexes 2, 3 and 4, ranked by ``bm25()`` with column
weights title 10, tags 5, summary 2, body 1, and ``snippet()`` for the extract. Its query is the
words of what was typed, each quoted, joined by OR (see ``fts_query`` for why); its main
configuration (``FTS_MAIN``) is the best of the variants tried, all measured by ``measure``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from common import dir_size_mb, family_recall, peak_rss_mb, rss_mb, summary_ms

FTS_WEIGHTS = (10.0, 5.0, 2.0, 1.0)  # title, tags, summary, body
FTS_SNIPPET_TOKENS = 24
WARMUP = ("horaire", "permis", "eau", "bibliothèque", "stationnement")


FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE kb_fts USING fts5("
    "id UNINDEXED, title, tags, summary, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
)
_FTS_TOKEN = re.compile(r"[^\W_]+")


def generic_stop_words() -> frozenset[str]:
    """The stock Snowball French + English lists (what NLTK ships), folded; nothing app-specific."""
    import unicodedata

    from whoosh.lang import stopwords_for_language

    def fold(w: str) -> str:
        return "".join(
            c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c)
        )

    return frozenset(fold(w) for lang in ("fr", "en") for w in stopwords_for_language(lang))


def fts_query(
    text: str,
    *,
    prefix_last: bool,
    op: str = "OR",
    stops: frozenset[str] = frozenset(),
    trunc: int = 0,
) -> str | None:
    """An FTS5 MATCH expression from what was typed.

    Tokens are split like unicode61 does (letters and digits; apostrophes and hyphens split) and
    each is double-quoted, so no user input is read as FTS5 syntax. One-letter tokens are dropped
    (our engine ignores them too; a one-letter prefix would expand to thousands of terms). While
    typing, the last token becomes a prefix query ("tok"*). Stop words of the stock lists are
    dropped except the word being typed ("de" on the way to "déneigement").

    Why OR: agents type natural phrases ("mon voisin fait du bruit la nuit", "comment payer mon
    constat"); with AND every word must be in the article, so one word the article does not use
    (a synonym, a typo, a politeness word missing from the stop list) returns nothing. bm25()
    already ranks the articles that contain more of the rare words first. The "FTS5 variants"
    table measures AND and AND-then-OR as well. ``trunc`` is the poor man's stemmer of FTS5
    users: every word longer than ``trunc`` letters is cut and searched as a prefix.
    """
    raw = [t.lower() for t in _FTS_TOKEN.findall(text)]
    if not raw:
        return None
    typing = prefix_last and not text[-1:].isspace()
    kept: list[tuple[str, bool]] = []
    for n, tok in enumerate(raw):
        last = n == len(raw) - 1
        if len(tok) < 2 and not tok.isdigit():
            continue
        if tok in stops and not (typing and last):
            continue
        kept.append((tok, typing and last))
    if not kept:
        return None
    if trunc:
        kept = [
            (tok[:trunc], True) if len(tok) > trunc and not tok.isdigit() else (tok, star)
            for tok, star in kept
        ]
    parts = ['"' + tok.replace('"', '""') + '"' + ("*" if star else "") for tok, star in kept]
    return f" {op} ".join(parts)


class Fts5Engine:
    def __init__(self, path: Path) -> None:
        import sqlite3

        self.path = path
        self.con = sqlite3.connect(str(path))
        self.con.execute("PRAGMA journal_mode=WAL")
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        self.sql = (
            f"SELECT id, snippet(kb_fts, -1, '[', ']', '…', {FTS_SNIPPET_TOKENS}) FROM kb_fts "
            f"WHERE kb_fts MATCH ? ORDER BY bm25(kb_fts, 0.0, {weights}) LIMIT ?"
        )

    def build(self, articles) -> int:  # type: ignore[no-untyped-def]
        con = self.con
        con.execute("DROP TABLE IF EXISTS kb_fts")
        con.execute(FTS_SCHEMA)
        count = 0
        with con:
            rows = ((a.id, a.title, ", ".join(a.tags), a.summary, a.body) for a in articles)
            for row in rows:
                con.execute(
                    "INSERT INTO kb_fts(id, title, tags, summary, body) VALUES (?,?,?,?,?)", row
                )
                count += 1
        con.execute("INSERT INTO kb_fts(kb_fts) VALUES ('optimize')")
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count

    def search(self, match: str | None, limit: int = 10) -> list[tuple[str, str]]:
        if not match:
            return []
        return self.con.execute(self.sql, (match, limit)).fetchall()

    def close(self) -> None:
        self.con.close()


FTS_VARIANTS = {
    # name: (operator, drop stock stop words, star on the last word of a full query,
    #        AND->OR fallback, truncate every word to N letters + * (0: no))
    "OR, stock stop words": ("OR", True, False, False, 0),
    "OR, no stop list": ("OR", False, False, False, 0),
    "AND, stock stop words": ("AND", True, False, False, 0),
    "AND then OR if < 3 hits": ("AND", True, False, True, 0),
    "OR, stock stop words, last word*": ("OR", True, True, False, 0),
    "OR, stock stop words, words cut to 4 letters*": ("OR", True, True, False, 4),
    "OR, stock stop words, words cut to 5 letters*": ("OR", True, True, False, 5),
    "OR, stock stop words, words cut to 6 letters*": ("OR", True, True, False, 6),
}
# The peer's best configuration on the relevance set at every size tried (demo, 1,000, 10,000):
# OR, stock stop words, every word cut to 4 letters and searched as a prefix (served by the
# prefix='2 3 4' index). The plain OR query is in the variants table.
FTS_MAIN = "OR, stock stop words, words cut to 4 letters*"


def variant_search(
    engine: Fts5Engine, name: str, stops: frozenset[str], timings: list[int] | None = None
):  # type: ignore[no-untyped-def]
    """A ranked-ids search function for one configuration of ``FTS_VARIANTS``."""
    op, use_stops, star, fallback, trunc = FTS_VARIANTS[name]
    stop_set = stops if use_stops else frozenset()

    def search(text: str) -> list[str]:
        t = time.perf_counter_ns()
        rows = engine.search(fts_query(text, prefix_last=star, op=op, stops=stop_set, trunc=trunc))
        if fallback and len(rows) < 3:
            seen = {r[0] for r in rows}
            more = engine.search(
                fts_query(text, prefix_last=star, op="OR", stops=stop_set, trunc=trunc)
            )
            rows = rows + [r for r in more if r[0] not in seen]
        if timings is not None:
            timings.append(time.perf_counter_ns() - t)
        return [r[0] for r in rows]

    return search


def measure(home: Path, size: int, queries, typed: list[str], how: str) -> dict:  # type: ignore[no-untyped-def]
    """Build the FTS5 table from the workstation database and measure it like ours."""
    from pac_sac_desktop.search.evaluation import evaluate
    from pac_sac_desktop.store import kb_repo
    from pac_sac_desktop.store.db import Database

    stops = generic_stop_words()
    rss_start = rss_mb()
    db = Database.in_home(home)
    path = home / "fts5.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    engine = Fts5Engine(path)
    t0 = time.perf_counter()
    with db.reading() as s:
        count = engine.build(kb_repo.iter_articles(s))
    build_s = time.perf_counter() - t0
    db.close()
    op, use_stops, star_full, _fallback, trunc = FTS_VARIANTS[FTS_MAIN]
    stop_set = stops if use_stops else frozenset()
    t0 = time.perf_counter_ns()
    engine.search(fts_query(WARMUP[0], prefix_last=False, op=op, stops=stop_set))
    first_ns = time.perf_counter_ns() - t0
    for w in WARMUP[1:]:
        engine.search(fts_query(w, prefix_last=False, op=op, stops=stop_set))

    full_ns: list[int] = []
    ranked: dict[str, list[str]] = {}

    def timed_search(text: str) -> list[str]:
        t = time.perf_counter_ns()
        rows = engine.search(
            fts_query(text, prefix_last=star_full, op=op, stops=stop_set, trunc=trunc)
        )
        full_ns.append(time.perf_counter_ns() - t)
        ranked[text] = [r[0] for r in rows]
        return ranked[text]

    ev = evaluate(queries, timed_search) if queries else None
    typing_ns: list[int] = []
    for text in typed:
        t = time.perf_counter_ns()
        engine.search(fts_query(text, prefix_last=True, op=op, stops=stop_set, trunc=trunc))
        typing_ns.append(time.perf_counter_ns() - t)
    rss_after = rss_mb()
    index_mb = dir_size_mb(path)

    variants = {}
    for name in FTS_VARIANTS:
        v_ns: list[int] = []
        v_ev = evaluate(queries, variant_search(engine, name, stops, v_ns))
        variants[name] = {
            "recall_at_3": v_ev.recall_at_3,
            "mrr_at_10": v_ev.mrr_at_10,
            "by_kind": {k: list(v) for k, v in v_ev.by_kind.items()},
            "full": summary_ms(v_ns),
        }
    engine.close()
    return {
        "articles": count,
        "config": FTS_MAIN,
        "build_s": build_s,
        "first_search_ms": first_ns / 1e6,
        "full": summary_ms(full_ns),
        "typing": summary_ms(typing_ns),
        "typing_prefixes": how,
        "rss_start_mb": rss_start,
        "rss_mb": rss_after,
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": index_mb,
        "recall_at_3": ev.recall_at_3 if ev else None,
        "mrr_at_10": ev.mrr_at_10 if ev else None,
        "by_kind": {k: list(v) for k, v in ev.by_kind.items()} if ev else {},
        "family": family_recall(queries, ranked) if queries else None,
        "variants": variants,
    }
