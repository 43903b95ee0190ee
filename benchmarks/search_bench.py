"""Search benchmark: our engine (KnowledgeBase / Whoosh) against SQLite FTS5, side by side.

    python benchmarks/search_bench.py [--sizes 1000,10000,100000] [--json] [--quick]
                                      [--workdir DIR] [--keep] [--no-profile]
    python benchmarks/search_bench.py --from-json SAVED_OUTPUT   # re-print the tables

One run builds French corpora of the requested sizes derived from the demo knowledge base
(``resources/kb``: the demo articles unchanged, then deterministic synthetic variants), and for
each size and engine measures, each engine in its own subprocess (so resident memory is not mixed):

* index build time;
* full-query latency (every relevance query, top 10 with snippets);
* as-you-type latency (every prefix of every relevance query; a fixed sample above 10,000
  articles);
* resident memory after building and querying;
* recall@3 and MRR@10 on ``tests/search/relevance/*.yaml``;
* index size on disk.

For our engine at 10,000 articles (or the size nearest to it) it also measures re-indexing one
changed article, start-up to a usable search field (fresh interpreter, offscreen Qt) and profiles
a sample of as-you-type queries with cProfile.

The peer is what a developer would pick instead of Whoosh: one SQLite FTS5 table
(``unicode61 remove_diacritics 2``, ``prefix='2 3 4'``), ranked by ``bm25()`` with column weights
title 10, tags 5, summary 2, body 1, and ``snippet()`` for the extract. Its query is the words of
what was typed, each quoted, joined by OR (see ``fts_query`` for why); its main configuration
(``FTS_MAIN``) is the best of the variants tried, all reported in the "FTS5 variants" table.

The top-level imports are the standard library only: the workers import the application.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
DEMO_KB = REPO / "resources" / "kb"
RELEVANCE_DIR = REPO / "tests" / "search" / "relevance"
TODAY = dt.date(2026, 11, 23)
SEED = 20261123
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
TX_BATCH = 2_000  # articles per transaction when writing a corpus
# As-you-type measures every prefix of every query up to this corpus size; above it, a fixed
# deterministic sample of this many prefixes (the same sample for both engines).
ALL_PREFIXES_UP_TO = 10_000
PREFIX_SAMPLE = 300
PROFILE_QUERIES = 10  # queries whose every prefix is profiled at 10,000
STARTUP_RUNS = 5
REINDEX_RUNS = 10
FTS_WEIGHTS = (10.0, 5.0, 2.0, 1.0)  # title, tags, summary, body
FTS_SNIPPET_TOKENS = 24
# Queries run once before measuring, to open the searcher and load caches that any session
# loads at its first keystroke; they are not in the relevance set.
WARMUP = ("horaire", "permis", "eau", "bibliothèque", "stationnement")
RECALL_MARGIN = 0.10  # how we read "recall@3 well above FTS5's"
TARGETS = {
    "as_you_type_p95_ms": 30.0,
    "full_p95_ms": 20.0,
    "startup_s": 1.5,
    "reindex_ms": 300.0,
}

WORKER_ENV = {
    "PYTHONPATH": str(SRC),
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONWARNINGS": "ignore",
}


# =============================================================================== helpers
def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (p95 of 100 values is the 95th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(values_ns: list[int]) -> dict:
    ms = [v / 1e6 for v in values_ns]
    return {
        "n": len(ms),
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "max": max(ms) if ms else float("nan"),
        "mean": statistics.fmean(ms) if ms else float("nan"),
    }


def dir_size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux


def prefixes(text: str) -> list[str]:
    return [text[:i] for i in range(1, len(text) + 1)]


def all_prefixes(queries) -> list[str]:  # type: ignore[no-untyped-def]
    return [p for q in queries for p in prefixes(q.q)]


def sampled_prefixes(queries, size: int) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    """Every prefix, or above ALL_PREFIXES_UP_TO a fixed sample kept in typing order."""
    every = all_prefixes(queries)
    if size <= ALL_PREFIXES_UP_TO or len(every) <= PREFIX_SAMPLE:
        return every, "all"
    rng = random.Random(SEED)
    keep = sorted(rng.sample(range(len(every)), PREFIX_SAMPLE))
    return [every[i] for i in keep], f"sample of {PREFIX_SAMPLE} of {len(every)}"


_VARIANT_SUFFIX = re.compile(r"-x\d{6}$")


def family(article_id: str) -> str:
    """A synthetic variant's demo article (its id minus ``-xNNNNNN``); a demo id is its own."""
    return _VARIANT_SUFFIX.sub("", article_id)


def family_recall(queries, ranked: dict) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Recall@3 / MRR@10 when a synthetic variant of the expected article also counts."""
    from pac_sac_desktop.search.evaluation import evaluate

    ev = evaluate(queries, lambda q: [family(i) for i in ranked[q]])
    return {"recall_at_3": ev.recall_at_3, "mrr_at_10": ev.mrr_at_10}


def load_relevance():  # type: ignore[no-untyped-def]
    from pac_sac_desktop.search.evaluation import load_queries

    return load_queries(RELEVANCE_DIR)


def emit(result: dict) -> None:
    """A worker's answer: one JSON line on stdout, marked so library noise cannot confuse it."""
    sys.stdout.write("@@RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


# =============================================================================== corpus
STREETS = (
    "Principale",
    "des Pionniers",
    "du Parc",
    "de la Gare",
    "des Merisiers",
    "Industriel",
    "de la Carrière",
    "des Érables",
    "du Vieux-Moulin",
    "des Cèdres",
    "Saint-Laurent",
    "des Bouleaux",
    "Lafontaine",
    "de la Rivière",
    "du Boisé",
    "Papineau",
    "des Ormes",
    "Champlain",
    "Notre-Dame",
    "des Peupliers",
    "Laurier",
    "des Tilleuls",
    "du Plateau",
)
STREET_KINDS = ("rue", "avenue", "boulevard", "chemin", "montée", "rang", "place")
DISTRICTS = (
    "Vieux-Moulin",
    "des Cèdres",
    "de la Rivière",
    "du Boisé",
    "des Pionniers",
    "de la Gare",
    "du Plateau",
    "des Érables",
)
UPDATED_FROM, UPDATED_TO = dt.date(2025, 9, 1), dt.date(2026, 11, 20)
_STREET_RE = re.compile(
    r"\b(rue|avenue|boulevard|chemin|montée|rang|place)\s+"
    r"((?:de la |du |des |de l'|d')?[A-ZÉÈÀÂÎÔ][\w'-]+)"
)
_DATE_RE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_NUMBER_RE = re.compile(r"(?<![\w:/.-])(\d{1,4})(?![\w-])")
_KEEP_NUMBERS = {"311", "911", "555", "0311", "24"}
_SECTION_RE = re.compile(r"(?m)^(?=## )")


def _short_title(title: str) -> str:
    return re.split(r"\s+[:(—–-]\s+|\s*\(", title, maxsplit=1)[0].strip() or title


def _title_tail(title: str) -> str:
    return title.split(" : ", 1)[1].strip() if " : " in title else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _substitute(text: str, rng: random.Random) -> str:
    """New street names, dates and numbers, so variants are not copies of each other."""

    def street(m: re.Match) -> str:
        return f"{m.group(1)} {rng.choice(STREETS)}"

    def date(_m: re.Match) -> str:
        d = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 1_060))
        return d.isoformat()

    def number(m: re.Match) -> str:
        raw = m.group(1)
        if raw in _KEEP_NUMBERS or rng.random() < 0.4:
            return raw
        value = int(raw)
        if 1990 <= value <= 2099:  # a year stays a plausible year
            return str(rng.randint(2024, 2027))
        low, high = max(1, value // 2), max(2, value * 2)
        return str(rng.randint(low, high))

    text = _STREET_RE.sub(street, text)
    text = _DATE_RE.sub(date, text)
    return _NUMBER_RE.sub(number, text)


def _sections(body: str) -> list[str]:
    parts = [p.strip() for p in _SECTION_RE.split(body) if p.strip()]
    return parts or [body]


def load_demo_articles() -> tuple[list, list[str]]:  # type: ignore[type-arg]
    """Every readable demo article (files still being written are skipped and reported)."""
    from pac_sac_desktop.core.errors import ArticleRejected
    from pac_sac_desktop.core.kb import find_article_files, read_article_file

    articles, problems, seen = [], [], set()
    for path in find_article_files(DEMO_KB):
        try:
            article = read_article_file(path)
        except ArticleRejected as exc:
            problems.append(f"{exc.path}: {exc.reason}")
            continue
        if article.id in seen:
            problems.append(f"{path}: duplicate id {article.id}")
            continue
        seen.add(article.id)
        articles.append(article)
    return articles, problems


def synthetic_article(i: int, demo: list, by_service: dict):  # type: ignore[no-untyped-def,type-arg]
    """Synthetic article number ``i``: deterministic, same for every corpus size."""
    from pac_sac_desktop.core.kb import Article

    rng = random.Random(SEED * 1_000_003 + i)
    base = rng.choice(demo)
    pool = [a for a in by_service[base.service] if a.id != base.id]
    k = min(len(pool), rng.randint(1, 3))
    donors = [base, *rng.sample(pool, k)]
    # Body: a section or two of the base, one of each donor, then more of them until about as
    # long as a demo article (so length normalisation favours neither originals nor variants).
    target = len(rng.choice(demo).body) * rng.uniform(0.7, 0.95)
    used: set[tuple[str, int]] = set()
    blocks: list[str] = []

    def take(donor) -> None:  # type: ignore[no-untyped-def]
        sections = _sections(donor.body)
        free = [n for n in range(len(sections)) if (donor.id, n) not in used]
        if free:
            n = rng.choice(free)
            used.add((donor.id, n))
            blocks.append(sections[n])

    for _ in range(rng.randint(1, 2)):
        take(base)
    for donor in donors[1:]:
        take(donor)
    for _ in range(12):
        if sum(map(len, blocks)) >= target:
            break
        take(rng.choice(donors))
    body = _substitute("\n\n".join(blocks), rng)
    # A new title recombined from the donors' titles (head of one, tail of another, or a local
    # qualifier), about as long as the demo titles so length normalisation favours neither.
    head = _short_title(base.title)
    other = _short_title(donors[-1].title)
    donor_tail = _title_tail(donors[-1].title) or _lower_first(other)
    qualifiers = (
        f"secteur {rng.choice(DISTRICTS)}",
        f"cas de la rue {rng.choice(STREETS)}",
        "questions fréquentes",
        f"mise à jour {rng.randint(2025, 2027)}",
        f"district {rng.choice(DISTRICTS)}",
    )
    templates = (
        lambda: f"{head} : {donor_tail}",
        lambda: f"{head} : {rng.choice(qualifiers)}",
        lambda: f"{other} et {_lower_first(head)}",
        lambda: f"{base.title} ({rng.choice(DISTRICTS)})",
    )
    title = rng.choice(templates)()[:200]
    tags = list(base.tags)
    keep = rng.sample(tags, max(1, round(len(tags) * 0.7))) if tags else []
    for donor in donors[1:]:
        if donor.tags:
            keep.append(rng.choice(donor.tags))
    if rng.random() < 0.3:
        keep.append(rng.choice(DISTRICTS))
    summary = _substitute(base.summary, rng)
    if len(donors) > 1 and rng.random() < 0.5:
        summary = f"{summary} Voir aussi : {_lower_first(other)}."
    # Dates drawn like the demo's (docs/demo-city.md: updated 2025-09-01 .. 2026-11-20), so the
    # recency boost of our engine does not favour the demo articles over their variants; a
    # variant of a notice is a notice (an expiry near the base's, some already past).
    updated = UPDATED_FROM + dt.timedelta(
        days=rng.randrange(0, (UPDATED_TO - UPDATED_FROM).days + 1)
    )
    expires = None
    if base.expires is not None:
        expires = base.expires + dt.timedelta(days=rng.randint(-45, 45))
    return Article(
        id=f"{base.id[:100]}-x{i:06d}",
        title=title,
        body=body,
        service=base.service,
        tags=tuple(dict.fromkeys(keep)),
        summary=summary,
        updated=updated,
        expires=expires,
        urgent=False,
    )


def worker_corpus(home: Path, size: int) -> dict:
    """Write the corpus straight into the workstation database (Database + kb_repo)."""
    from collections import defaultdict

    from pac_sac_desktop.store import kb_repo
    from pac_sac_desktop.store.db import Database

    demo, problems = load_demo_articles()
    by_service: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for a in demo:
        by_service[a.service].append(a)
    t0 = time.perf_counter()
    db = Database.in_home(home)
    text_chars = 0
    batch: list = []  # type: ignore[type-arg]

    def flush() -> None:
        with db.transaction() as session:
            for article in batch:
                kb_repo.upsert_article(session, article, today=TODAY)
        batch.clear()

    for n in range(size):
        article = demo[n] if n < len(demo) else synthetic_article(n, demo, by_service)
        text_chars += (
            len(article.title)
            + len(article.summary)
            + len(article.body)
            + sum(map(len, article.tags))
        )
        batch.append(article)
        if len(batch) >= TX_BATCH:
            flush()
    flush()
    with db.reading() as s:
        count = kb_repo.count_articles(s)
    db.close()
    return {
        "articles": count,
        "demo_articles": min(size, len(demo)),
        "demo_problems": problems,
        "text_mb": text_chars / 1e6,
        "write_s": time.perf_counter() - t0,
        "db_mb": dir_size_mb(home / "pac-sac.sqlite3"),
    }


# =============================================================================== our engine
def worker_ours(home: Path, size: int) -> dict:
    import gc

    from pac_sac_desktop.search.evaluation import evaluate
    from pac_sac_desktop.services.knowledge import KnowledgeBase

    queries = load_relevance()
    rss_start = rss_mb()
    kb = KnowledgeBase.open(home)
    t0 = time.perf_counter()
    count = kb.index.rebuild(kb.source.iter_articles(), kb.kb_seq())
    build_s = time.perf_counter() - t0
    gc.collect()
    # First search after the build: opens the searcher and loads the completion lexicon.
    t0 = time.perf_counter_ns()
    kb.search(WARMUP[0], limit=10, today=TODAY)
    first_ns = time.perf_counter_ns() - t0
    for w in WARMUP[1:]:
        kb.search(w, limit=10, today=TODAY)

    full_ns: list[int] = []
    ranked: dict[str, list[str]] = {}

    def timed_search(text: str) -> list[str]:
        t = time.perf_counter_ns()
        results = kb.search(text, limit=10, prefix_last=True, today=TODAY)
        full_ns.append(time.perf_counter_ns() - t)
        ranked[text] = [r.hit.id for r in results]
        return ranked[text]

    ev = evaluate(queries, timed_search) if queries else None
    typed, how = sampled_prefixes(queries, size)
    typing_ns: list[int] = []
    for text in typed:
        t = time.perf_counter_ns()
        kb.search(text, limit=10, prefix_last=True, today=TODAY)
        typing_ns.append(time.perf_counter_ns() - t)
    rss_after = rss_mb()
    # Not timed, up to 10,000 articles: the queries as finished words (no completion).
    ev_exact = (
        evaluate(
            queries,
            lambda q: [r.hit.id for r in kb.search(q, limit=10, prefix_last=False, today=TODAY)],
        )
        if queries and size <= ALL_PREFIXES_UP_TO
        else None
    )
    kb.close()
    return {
        "articles": count,
        "build_s": build_s,
        "first_search_ms": first_ns / 1e6,
        "full": summary_ms(full_ns),
        "typing": summary_ms(typing_ns),
        "typing_prefixes": how,
        "rss_start_mb": rss_start,
        "rss_mb": rss_after,
        "peak_rss_mb": peak_rss_mb(),
        "index_mb": dir_size_mb(home / "index"),
        "recall_at_3": ev.recall_at_3 if ev else None,
        "mrr_at_10": ev.mrr_at_10 if ev else None,
        "by_kind": {k: list(v) for k, v in ev.by_kind.items()} if ev else {},
        "misses": [[m.q, list(m.expected), top] for m, top in ev.misses] if ev else [],
        "family": family_recall(queries, ranked) if queries else None,
        "recall_at_3_no_prefix": ev_exact.recall_at_3 if ev_exact else None,
        "mrr_at_10_no_prefix": ev_exact.mrr_at_10 if ev_exact else None,
    }


def worker_reindex(home: Path) -> dict:
    """Change one article in the database, then ``ensure_index`` (what the app does)."""
    import dataclasses

    from pac_sac_desktop.services.knowledge import KnowledgeBase
    from pac_sac_desktop.store import kb_repo

    kb = KnowledgeBase.open(home)
    state = kb.ensure_index()
    kb.search(WARMUP[0], limit=10, today=TODAY)
    with kb.db.reading() as s:
        ids = [a.id for a in kb_repo.iter_articles(s)]
    rng = random.Random(SEED)
    upsert_ns, ensure_ns, next_search_ns, outcomes = [], [], [], []
    for run in range(REINDEX_RUNS):
        article = kb.article(rng.choice(ids))
        assert article is not None
        changed = dataclasses.replace(
            article, body=article.body + f"\n\nMise à jour de suivi n° {run + 1} : horaire révisé."
        )
        t0 = time.perf_counter_ns()
        with kb.db.transaction() as session:
            kb_repo.upsert_article(session, changed, today=TODAY)
        t1 = time.perf_counter_ns()
        outcomes.append(kb.ensure_index())
        t2 = time.perf_counter_ns()
        kb.search("horaire révisé", limit=10, today=TODAY)
        t3 = time.perf_counter_ns()
        upsert_ns.append(t1 - t0)
        ensure_ns.append(t2 - t1)
        next_search_ns.append(t3 - t2)
    kb.close()
    total = [a + b for a, b in zip(upsert_ns, ensure_ns, strict=True)]
    return {
        "initial_state": state,
        "outcomes": outcomes,
        "runs": REINDEX_RUNS,
        "upsert_ms": statistics.median(upsert_ns) / 1e6,
        "ensure_index_ms": statistics.median(ensure_ns) / 1e6,
        "total_ms": statistics.median(total) / 1e6,
        "total_all_ms": [t / 1e6 for t in total],
        "next_search_ms": statistics.median(next_search_ns) / 1e6,
    }


def worker_profile(home: Path) -> dict:
    """cProfile of as-you-type searches (steady state: searcher and lexicon already loaded)."""
    import cProfile
    import io
    import pstats

    from pac_sac_desktop.services.knowledge import KnowledgeBase

    queries = load_relevance()
    kb = KnowledgeBase.open(home)
    kb.ensure_index()
    for w in WARMUP:
        kb.search(w, limit=10, today=TODAY)
    rng = random.Random(SEED + 1)
    chosen = rng.sample(queries, min(PROFILE_QUERIES, len(queries))) if queries else []
    typed = [p for q in chosen for p in prefixes(q.q)]
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    for text in typed:
        kb.search(text, limit=10, prefix_last=True, today=TODAY)
    profiler.disable()
    elapsed = time.perf_counter() - t0
    kb.close()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(30)
    rows = []
    for (filename, line, name), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((ct, tt, nc, f"{Path(filename).name}:{line}({name})"))
    rows.sort(reverse=True)
    n = max(1, len(typed))
    return {
        "searches": len(typed),
        "elapsed_s": elapsed,
        "top": [
            {
                "function": f,
                "calls": nc,
                "cum_ms_per_search": ct * 1e3 / n,
                "tot_ms_per_search": tt * 1e3 / n,
            }
            for ct, tt, nc, f in rows[:30]
        ],
        "top_tottime": [
            {
                "function": f,
                "calls": nc,
                "tot_ms_per_search": tt * 1e3 / n,
                "cum_ms_per_search": ct * 1e3 / n,
            }
            for ct, tt, nc, f in sorted(rows, key=lambda r: r[1], reverse=True)[:15]
        ],
        "raw": out.getvalue(),
    }


# =============================================================================== FTS5 peer
FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE kb_fts USING fts5("
    "id UNINDEXED, title, tags, summary, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
)
_FTS_TOKEN = re.compile(r"[^\W_]+")


def _generic_stop_words() -> frozenset[str]:
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


def worker_fts5(home: Path, size: int) -> dict:
    from pac_sac_desktop.search.evaluation import evaluate
    from pac_sac_desktop.store import kb_repo
    from pac_sac_desktop.store.db import Database

    queries = load_relevance()
    stops = _generic_stop_words()
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
    typed, how = sampled_prefixes(queries, size)
    typing_ns: list[int] = []
    for text in typed:
        t = time.perf_counter_ns()
        engine.search(fts_query(text, prefix_last=True, op=op, stops=stop_set, trunc=trunc))
        typing_ns.append(time.perf_counter_ns() - t)
    rss_after = rss_mb()
    index_mb = dir_size_mb(path)

    variants = {}
    for name, (v_op, v_stops, v_star, v_fallback, v_trunc) in FTS_VARIANTS.items():
        v_stop_set = stops if v_stops else frozenset()
        v_ns: list[int] = []

        def v_search(
            text: str,
            v_op=v_op,
            v_stop_set=v_stop_set,
            v_star=v_star,
            v_fallback=v_fallback,
            v_trunc=v_trunc,
            v_ns=v_ns,
        ) -> list[str]:
            t = time.perf_counter_ns()
            rows = engine.search(
                fts_query(text, prefix_last=v_star, op=v_op, stops=v_stop_set, trunc=v_trunc)
            )
            if v_fallback and len(rows) < 3:
                seen = {r[0] for r in rows}
                more = engine.search(
                    fts_query(text, prefix_last=v_star, op="OR", stops=v_stop_set, trunc=v_trunc)
                )
                rows = rows + [r for r in more if r[0] not in seen]
            v_ns.append(time.perf_counter_ns() - t)
            return [r[0] for r in rows]

        v_ev = evaluate(queries, v_search) if queries else None
        variants[name] = {
            "recall_at_3": v_ev.recall_at_3 if v_ev else None,
            "mrr_at_10": v_ev.mrr_at_10 if v_ev else None,
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


def worker_demo(home: Path) -> dict:
    """Relevance on the demo knowledge base alone: the set the queries were written against."""
    from pac_sac_desktop.search.evaluation import evaluate
    from pac_sac_desktop.services.knowledge import KnowledgeBase
    from pac_sac_desktop.store import kb_repo
    from pac_sac_desktop.store.db import Database

    queries = load_relevance()
    demo, _problems = load_demo_articles()
    corpus = worker_corpus(home, len(demo))
    kb = KnowledgeBase.open(home)
    kb.index.rebuild(kb.source.iter_articles(), kb.kb_seq())
    ours = evaluate(queries, lambda q: [r.hit.id for r in kb.search(q, limit=10, today=TODAY)])
    kb.close()
    db = Database.in_home(home)
    engine = Fts5Engine(home / "fts5.sqlite3")
    with db.reading() as s:
        engine.build(kb_repo.iter_articles(s))
    db.close()
    stops = _generic_stop_words()
    variants = {}
    for name, (v_op, v_stops, v_star, v_fallback, v_trunc) in FTS_VARIANTS.items():
        stop_set = stops if v_stops else frozenset()

        def search(
            text: str,
            v_op=v_op,
            stop_set=stop_set,
            v_star=v_star,
            v_fallback=v_fallback,
            v_trunc=v_trunc,
        ) -> list[str]:
            rows = engine.search(
                fts_query(text, prefix_last=v_star, op=v_op, stops=stop_set, trunc=v_trunc)
            )
            if v_fallback and len(rows) < 3:
                seen = {r[0] for r in rows}
                more = engine.search(
                    fts_query(text, prefix_last=v_star, op="OR", stops=stop_set, trunc=v_trunc)
                )
                rows = rows + [r for r in more if r[0] not in seen]
            return [r[0] for r in rows]

        ev = evaluate(queries, search)
        variants[name] = {
            "recall_at_3": ev.recall_at_3,
            "mrr_at_10": ev.mrr_at_10,
            "by_kind": {k: list(v) for k, v in ev.by_kind.items()},
        }
    engine.close()
    return {
        "articles": corpus["articles"],
        "queries": ours.total,
        "ours": {
            "recall_at_3": ours.recall_at_3,
            "mrr_at_10": ours.mrr_at_10,
            "by_kind": {k: list(v) for k, v in ours.by_kind.items()},
            "misses": [[m.q, list(m.expected), top] for m, top in ours.misses],
        },
        "fts5": variants,
    }


# =============================================================================== start-up
STARTUP_CHILD = r"""
import inspect, os, sys, time
t_start = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QSettings
from pac_sac_desktop.services.knowledge import KnowledgeBase
from pac_sac_desktop.ui.app import install_translations, make_application
from pac_sac_desktop.ui.main_window import MainWindow
t_imported = time.perf_counter()
home = Path(sys.argv[1])
app = make_application(["pac-sac"])
settings = QSettings(str(home / "bench-settings.ini"), QSettings.Format.IniFormat)
install_translations(app, "fr")
# As the app's own run_app does: MainWindow(kb) originally, MainWindow(Workstation) since the
# workstation object (knowledge base + requests + sync) wraps the KnowledgeBase.
first = list(inspect.signature(MainWindow.__init__).parameters)[1]
if first == "kb":
    kb = KnowledgeBase.open(home)
    window_arg = kb
else:
    from pac_sac_desktop.services.workstation import Workstation
    window_arg = Workstation(home)
    kb = window_arg.kb
t_kb = time.perf_counter()
window = MainWindow(window_arg, settings)
window.show()
field = window.kb_page.field
deadline = time.perf_counter() + 30
while time.perf_counter() < deadline:
    app.processEvents()
    handle = window.windowHandle()
    if handle is not None and handle.isExposed() and field.hasFocus():
        break
    time.sleep(0.001)
t_ready = time.perf_counter()
ok = bool(window.windowHandle() and window.windowHandle().isExposed() and field.hasFocus())
print("@@READY %d %.6f %.6f %.6f %s" % (ok, t_imported - t_start, t_kb - t_start, t_ready - t_start, first),
      flush=True)
import datetime as dt
t0 = time.perf_counter()
kb.search("collecte des ordures", limit=30, today=dt.date(2026, 11, 23))
print("@@FIRST_SEARCH %.6f" % (time.perf_counter() - t0), flush=True)
os._exit(0)
"""


def measure_startup(home: Path) -> dict:
    env = {**os.environ, **WORKER_ENV}
    runs = []
    for _ in range(STARTUP_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", STARTUP_CHILD, str(home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=str(REPO),
        )
        ready = None
        first = None
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("@@READY"):
                wall = time.perf_counter() - t0
                _tag, ok, imported, kb_open, inner, window_arg = line.split()
                ready = {
                    "wall_s": wall,
                    "ok": ok == "1",
                    "imports_s": float(imported),
                    "kb_open_s": float(kb_open),
                    "child_ready_s": float(inner),
                    "window_arg": window_arg,
                }
            elif line.startswith("@@FIRST_SEARCH"):
                first = float(line.split()[1]) * 1e3
        err = proc.stderr.read() if proc.stderr else ""
        proc.wait(timeout=120)
        if ready is None:
            return {"error": "start-up child failed: " + err[-1500:]}
        ready["first_search_ms"] = first
        runs.append(ready)
    walls = [r["wall_s"] for r in runs]
    return {
        "runs": runs,
        "window_arg": runs[0]["window_arg"],
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "max_s": max(walls),
        "all_ok": all(r["ok"] for r in runs),
        "median_imports_s": statistics.median(r["imports_s"] for r in runs),
        "median_first_search_ms": statistics.median(
            r["first_search_ms"] for r in runs if r["first_search_ms"] is not None
        ),
    }


# =============================================================================== orchestration
def run_worker(kind: str, home: Path, size: int) -> dict:
    env = {**os.environ, **WORKER_ENV}
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        kind,
        "--home",
        str(home),
        "--size",
        str(size),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=str(REPO))
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT "):
            return json.loads(line[len("@@RESULT ") :])
    raise RuntimeError(
        f"worker {kind} ({size}) failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    )


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    try:
        mem = next(
            int(line.split()[1]) / 1e6
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        mem = float("nan")
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "mem_gb": round(mem, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "loadavg": os.getloadavg(),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def f1(x, nd: int = 1) -> str:  # type: ignore[no-untyped-def]
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{x:.{nd}f}"


def render(report: dict) -> str:
    sizes = report["sizes"]
    res = report["results"]
    out: list[str] = []

    def table(
        title: str, header: list[str], rows: list[list[str]], note: str = "", left: int = 1
    ) -> None:
        """Markdown table; the first ``left`` columns are text, the others numbers."""
        out.append(f"### {title}\n")
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join("---" if i < left else "---:" for i in range(len(header))) + "|")
        out.extend("| " + " | ".join(r) + " |" for r in rows)
        if note:
            out.append(f"\n{note}")
        out.append("")

    def n(size: int) -> str:
        return f"{size:,}"

    table(
        "Corpora",
        ["articles", "demo articles", "text (MB)", "SQLite DB (MB)", "write time (s)"],
        [
            [
                n(s),
                str(res[str(s)]["corpus"]["demo_articles"]),
                f1(res[str(s)]["corpus"]["text_mb"]),
                f1(res[str(s)]["corpus"]["db_mb"]),
                f1(res[str(s)]["corpus"]["write_s"]),
            ]
            for s in sizes
        ],
        "Written through `Database` + `kb_repo.upsert_article`, "
        f"{TX_BATCH:,} articles per transaction (not a measure of either engine).",
    )
    table(
        "Index build time (s)",
        ["articles", "ours (Whoosh)", "FTS5"],
        [
            [n(s), f1(res[str(s)]["ours"]["build_s"], 2), f1(res[str(s)]["fts5"]["build_s"], 2)]
            for s in sizes
        ],
        "Ours: `kb.index.rebuild(kb.source.iter_articles(), kb.kb_seq())`. FTS5: the same article "
        "iterator into one `INSERT` transaction, then `optimize`. Both include reading the articles "
        "from the workstation database.",
    )
    table(
        "Full-query latency (ms)",
        ["articles", "queries", "ours p50", "ours p95", "FTS5 p50", "FTS5 p95"],
        [
            [
                n(s),
                str(res[str(s)]["ours"]["full"]["n"]),
                f1(res[str(s)]["ours"]["full"]["p50"]),
                f1(res[str(s)]["ours"]["full"]["p95"]),
                f1(res[str(s)]["fts5"]["full"]["p50"], 2),
                f1(res[str(s)]["fts5"]["full"]["p95"], 2),
            ]
            for s in sizes
        ],
        "Every relevance query once, top 10 with snippets. Ours: `kb.search(q, limit=10, "
        "prefix_last=True)` as the CLI does (snippets made from the database rows). FTS5: "
        "`SELECT id, snippet(...) ... ORDER BY bm25(...) LIMIT 10`, query built by `fts_query` "
        f"({FTS_MAIN}).",
    )
    notes = sorted({res[str(s)]["ours"]["typing_prefixes"] for s in sizes})
    table(
        "As-you-type latency (ms)",
        ["articles", "prefixes", "ours p50", "ours p95", "FTS5 p50", "FTS5 p95"],
        [
            [
                n(s),
                res[str(s)]["ours"]["typing_prefixes"],
                f1(res[str(s)]["ours"]["typing"]["p50"]),
                f1(res[str(s)]["ours"]["typing"]["p95"]),
                f1(res[str(s)]["fts5"]["typing"]["p50"], 2),
                f1(res[str(s)]["fts5"]["typing"]["p95"], 2),
            ]
            for s in sizes
        ],
        "Every prefix `q[:1]`, `q[:2]`, … `q` of every relevance query, in typing order"
        + (
            f"; above {ALL_PREFIXES_UP_TO:,} articles a fixed random sample (seed {SEED}) of "
            f"{PREFIX_SAMPLE} prefixes, the same for both engines, because every prefix would "
            "take too long with our engine"
            if any(x != "all" for x in notes)
            else ""
        )
        + '. Ours: `prefix_last=True`; FTS5: last word as `"tok"*`.',
    )
    table(
        "Resident memory (MB)",
        [
            "articles",
            "ours after imports",
            "ours after build+queries",
            "ours peak",
            "FTS5 after imports",
            "FTS5 after build+queries",
            "FTS5 peak",
        ],
        [
            [
                n(s),
                f1(res[str(s)]["ours"]["rss_start_mb"], 0),
                f1(res[str(s)]["ours"]["rss_mb"], 0),
                f1(res[str(s)]["ours"]["peak_rss_mb"], 0),
                f1(res[str(s)]["fts5"]["rss_start_mb"], 0),
                f1(res[str(s)]["fts5"]["rss_mb"], 0),
                f1(res[str(s)]["fts5"]["peak_rss_mb"], 0),
            ]
            for s in sizes
        ],
        "RSS (psutil) of a separate process per engine and size; both import the application's "
        "store (SQLAlchemy) to read the articles. Peak is `ru_maxrss` (includes the build).",
    )

    def fam(engine: str, s: int, key: str) -> str:
        d = res[str(s)][engine].get("family")
        return f1(d[key], 3) if d else "—"

    table(
        "Relevance",
        [
            "articles",
            "queries",
            "ours recall@3",
            "ours MRR@10",
            "FTS5 recall@3",
            "FTS5 MRR@10",
            "ours recall@3, variant ok",
            "FTS5 recall@3, variant ok",
        ],
        [
            [
                n(s),
                str(res[str(s)]["ours"]["full"]["n"]),
                f1(res[str(s)]["ours"]["recall_at_3"], 3),
                f1(res[str(s)]["ours"]["mrr_at_10"], 3),
                f1(res[str(s)]["fts5"]["recall_at_3"], 3),
                f1(res[str(s)]["fts5"]["mrr_at_10"], 3),
                fam("ours", s, "recall_at_3"),
                fam("fts5", s, "recall_at_3"),
            ]
            for s in sizes
        ],
        "`pac_sac_desktop.search.evaluation.evaluate` on `tests/search/relevance/*.yaml` (the "
        "full-query pass above). The demo articles are in every corpus unchanged; the synthetic "
        "variants compete with them and many share the expected article's title words, so the "
        'strict figures fall with size for both engines. "Variant ok" also counts a synthetic '
        "variant built on the expected article (id `expected-xNNNNNN`) as a right answer: it "
        'separates "found the right subject" from "picked the original among its look-alikes".',
    )
    kinds = sorted({k for s in sizes for k in res[str(s)]["ours"]["by_kind"]})
    if kinds:
        rows = []
        for k in kinds:
            row = [k, str(res[str(sizes[0])]["ours"]["by_kind"].get(k, [0, 0])[1])]
            for s in sizes:
                o = res[str(s)]["ours"]["by_kind"].get(k, [0, 1])
                f = res[str(s)]["fts5"]["by_kind"].get(k, [0, 1])
                row += [f1(o[0] / max(o[1], 1), 2), f1(f[0] / max(f[1], 1), 2)]
            rows.append(row)
        header = ["kind", "queries"]
        for s in sizes:
            header += [f"ours {n(s)}", f"FTS5 {n(s)}"]
        table("Recall@3 by query kind", header, rows)
    demo = report.get("demo")
    header = ["FTS5 query"]
    if demo:
        header.append(f"demo ({demo['articles']}) recall@3")
    for s in sizes:
        header += [f"{n(s)} recall@3", f"{n(s)} MRR@10", f"{n(s)} p95 ms"]
    rows = []
    for v in FTS_VARIANTS:
        row = [v + (" **(main)**" if v == FTS_MAIN else "")]
        if demo:
            row.append(f1(demo["fts5"][v]["recall_at_3"], 3))
        for s in sizes:
            d = res[str(s)]["fts5"]["variants"][v]
            row += [f1(d["recall_at_3"], 3), f1(d["mrr_at_10"], 3), f1(d["full"]["p95"], 2)]
        rows.append(row)
    row = ["ours, `prefix_last=True` (as measured above)"]
    if demo:
        row.append(f1(demo["ours"]["recall_at_3"], 3))
    for s in sizes:
        o = res[str(s)]["ours"]
        row += [f1(o["recall_at_3"], 3), f1(o["mrr_at_10"], 3), f1(o["full"]["p95"], 1)]
    rows.append(row)
    row = ["ours, `prefix_last=False` (for reference, not timed)"]
    if demo:
        row.append("—")
    for s in sizes:
        o = res[str(s)]["ours"]
        row += [f1(o["recall_at_3_no_prefix"], 3), f1(o["mrr_at_10_no_prefix"], 3), "—"]
    rows.append(row)
    table(
        "FTS5 variants (full queries)",
        header,
        rows,
        "Every configuration of the peer that was tried, on the same queries. Stock stop words: "
        "the Snowball French + English lists (as NLTK ships them), folded; nothing app-specific. "
        '"last word*": the last word of a full query is also a prefix (what our engine does with '
        '`prefix_last=True`). "cut to N letters*": every word longer than N letters is cut and '
        "searched as a prefix, the usual poor man's stemmer of FTS5 users. The main configuration "
        "is the best on recall@3 on the demo KB, 1,000 and 10,000 articles; chosen on this same "
        "query set, which favours the peer.",
    )
    if demo:
        kinds = sorted(demo["ours"]["by_kind"])
        main = demo["fts5"][FTS_MAIN]["by_kind"]
        plain = demo["fts5"]["OR, stock stop words"]["by_kind"]
        rows = [
            [
                k,
                str(demo["ours"]["by_kind"][k][1]),
                f1(demo["ours"]["by_kind"][k][0] / demo["ours"]["by_kind"][k][1], 2),
                f1(main[k][0] / main[k][1], 2),
                f1(plain[k][0] / plain[k][1], 2),
            ]
            for k in kinds
        ]
        rows.append(
            [
                "**all**",
                str(demo["queries"]),
                f1(demo["ours"]["recall_at_3"], 3),
                f1(demo["fts5"][FTS_MAIN]["recall_at_3"], 3),
                f1(demo["fts5"]["OR, stock stop words"]["recall_at_3"], 3),
            ]
        )
        rows.append(
            [
                "MRR@10",
                "",
                f1(demo["ours"]["mrr_at_10"], 3),
                f1(demo["fts5"][FTS_MAIN]["mrr_at_10"], 3),
                f1(demo["fts5"]["OR, stock stop words"]["mrr_at_10"], 3),
            ]
        )
        misses = "; ".join(
            f'"{m[0]}" → {", ".join(m[2]) or "nothing"}' for m in demo["ours"]["misses"]
        )
        table(
            f"Relevance on the demo knowledge base alone ({demo['articles']} articles), recall@3",
            ["kind", "queries", "ours", f"FTS5 main ({FTS_MAIN})", "FTS5 plain OR"],
            rows,
            "The corpus the relevance queries were written against, without synthetic variants."
            + (f" Our misses (top 3 shown): {misses}." if misses else ""),
        )
    table(
        "Index size on disk (MB)",
        ["articles", "ours (Whoosh)", "FTS5"],
        [
            [n(s), f1(res[str(s)]["ours"]["index_mb"]), f1(res[str(s)]["fts5"]["index_mb"])]
            for s in sizes
        ],
        "Whoosh stores no article text (snippets come from the database); the FTS5 file holds its "
        "own copy of the text (needed by `snippet()`), so it includes about the corpus text size.",
    )
    table(
        "First search after opening (ms)",
        ["articles", "ours", "FTS5"],
        [
            [
                n(s),
                f1(res[str(s)]["ours"]["first_search_ms"]),
                f1(res[str(s)]["fts5"]["first_search_ms"], 2),
            ]
            for s in sizes
        ],
        "One query right after the build: ours opens the searcher and loads the completion "
        "lexicon (whole vocabulary) at this moment.",
    )
    extra = report.get("ours_extra")
    if extra:
        re_ = extra["reindex"]
        st = extra["startup"]
        if "error" in st:
            st = {
                "median_s": None,
                "min_s": None,
                "max_s": None,
                "median_imports_s": None,
                "all_ok": st["error"][:300],
                "median_first_search_ms": None,
            }
        table(
            f"Our engine at {n(extra['size'])} articles: upkeep and start-up",
            ["measure", "median", "details"],
            [
                [
                    "re-index one changed article (upsert + `ensure_index`)",
                    f"{f1(re_['total_ms'])} ms",
                    f"upsert {f1(re_['upsert_ms'])} ms + ensure_index {f1(re_['ensure_index_ms'])} ms; "
                    f"{re_['runs']} runs, all: " + ", ".join(f1(x, 0) for x in re_["total_all_ms"]),
                ],
                [
                    "next search after that re-index",
                    f"{f1(re_['next_search_ms'])} ms",
                    "reloads the completion lexicon",
                ],
                [
                    "start-up to usable search field",
                    f"{f1(st['median_s'], 2)} s",
                    f"{STARTUP_RUNS} runs, min {f1(st['min_s'], 2)} s, max {f1(st['max_s'], 2)} s; "
                    f"imports alone {f1(st['median_imports_s'], 2)} s; focus+exposed reached: {st['all_ok']}; "
                    f"window built from: {st.get('window_arg', '?')}",
                ],
                [
                    "first search after start-up",
                    f"{f1(st['median_first_search_ms'])} ms",
                    "`kb.search('collecte des ordures', limit=30)` right after the field is usable",
                ],
            ],
            "Start-up: wall time measured by the parent from launching `python -c` (interpreter "
            "start included) until the child prints that the window is exposed and the search "
            "field has focus (QT_QPA_PLATFORM=offscreen; QApplication, translations, then as the "
            "app's `run_app` does: `KnowledgeBase.open(home)` + `MainWindow(kb)`, or since the "
            "window takes a `Workstation`, `Workstation(home)` (which opens the KnowledgeBase) + "
            "`MainWindow(ws)`; show, processEvents).",
            left=3,
        )
    tg = report.get("targets")
    if tg:
        table(
            "Targets",
            ["target", "measured", "met"],
            [[t["target"], t["measured"], t["met"]] for t in tg],
            left=3,
        )
    prof = report.get("profile")
    if prof:
        out.append(f"### Profile: as-you-type at {n(prof['size'])} articles\n")
        out.append(
            f"cProfile over {prof['searches']} as-you-type searches ({PROFILE_QUERIES} queries, "
            f"every prefix), {f1(prof['elapsed_s'], 1)} s under the profiler; per search:\n"
        )
        out.append("| function | calls | cumulative ms/search | own ms/search |")
        out.append("|---|---:|---:|---:|")
        for r in prof["top"][:25]:
            out.append(
                f"| `{r['function']}` | {r['calls']} | {f1(r['cum_ms_per_search'], 2)} | {f1(r['tot_ms_per_search'], 2)} |"
            )
        out.append("\nTop by own time:\n")
        out.append("| function | calls | own ms/search | cumulative ms/search |")
        out.append("|---|---:|---:|---:|")
        for r in prof["top_tottime"]:
            out.append(
                f"| `{r['function']}` | {r['calls']} | {f1(r['tot_ms_per_search'], 2)} | {f1(r['cum_ms_per_search'], 2)} |"
            )
        out.append("")
    return "\n".join(out)


def targets(report: dict) -> list[dict]:
    extra = report.get("ours_extra")
    size = extra["size"] if extra else None
    if size is None or str(size) not in report["results"]:
        return []
    r = report["results"][str(size)]
    o, f = r["ours"], r["fts5"]
    rows = []

    def add(name: str, measured: str, met: bool | None) -> None:
        rows.append(
            {
                "target": name,
                "measured": measured,
                "met": "—" if met is None else ("met" if met else "**not met**"),
            }
        )

    add(
        f"as-you-type p95 ≤ {TARGETS['as_you_type_p95_ms']:.0f} ms at {size:,}",
        f"{o['typing']['p95']:.1f} ms (FTS5 {f['typing']['p95']:.2f} ms)",
        o["typing"]["p95"] <= TARGETS["as_you_type_p95_ms"],
    )
    add(
        f"full query p95 ≤ {TARGETS['full_p95_ms']:.0f} ms at {size:,}",
        f"{o['full']['p95']:.1f} ms (FTS5 {f['full']['p95']:.2f} ms)",
        o["full"]["p95"] <= TARGETS["full_p95_ms"],
    )
    if o["recall_at_3"] is not None and f["recall_at_3"] is not None:
        # "Well above" read as at least RECALL_MARGIN higher, on each of three views of recall.
        gap = o["recall_at_3"] - f["recall_at_3"]
        add(
            f"recall@3 well above FTS5's at {size:,}, strict (≥ +{RECALL_MARGIN:.2f})",
            f"{o['recall_at_3']:.3f} vs {f['recall_at_3']:.3f} ({gap:+.3f})",
            gap >= RECALL_MARGIN,
        )
        if o.get("family") and f.get("family"):
            of, ff = o["family"]["recall_at_3"], f["family"]["recall_at_3"]
            add(
                f"recall@3 well above FTS5's at {size:,}, variant ok (≥ +{RECALL_MARGIN:.2f})",
                f"{of:.3f} vs {ff:.3f} ({of - ff:+.3f})",
                of - ff >= RECALL_MARGIN,
            )
        demo = report.get("demo")
        if demo:
            od, fd = demo["ours"]["recall_at_3"], demo["fts5"][FTS_MAIN]["recall_at_3"]
            add(
                f"recall@3 well above FTS5's on the demo KB alone (≥ +{RECALL_MARGIN:.2f})",
                f"{od:.3f} vs {fd:.3f} ({od - fd:+.3f})",
                od - fd >= RECALL_MARGIN,
            )
    else:
        add("recall@3 well above FTS5's", "no relevance queries", None)
    st = extra["startup"]
    if "error" in st:
        add(f"start-up to usable search field ≤ {TARGETS['startup_s']} s", "failed to start", False)
    else:
        add(
            f"start-up to usable search field ≤ {TARGETS['startup_s']} s",
            f"{st['median_s']:.2f} s (median of {STARTUP_RUNS})",
            st["median_s"] <= TARGETS["startup_s"],
        )
    ri = extra["reindex"]
    add(
        f"re-indexing one changed article ≤ {TARGETS['reindex_ms']:.0f} ms",
        f"{ri['total_ms']:.0f} ms (median of {ri['runs']})",
        ri["total_ms"] <= TARGETS["reindex_ms"],
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    p.add_argument("--quick", action="store_true", help="only 1,000 and 10,000 articles")
    p.add_argument(
        "--json", action="store_true", help="print every figure as JSON (after the tables)"
    )
    p.add_argument(
        "--workdir", type=Path, default=None, help="where corpora go (default: a temp folder)"
    )
    p.add_argument("--keep", action="store_true", help="keep the corpora and indexes afterwards")
    p.add_argument("--no-profile", action="store_true", help="skip the cProfile step")
    p.add_argument(
        "--from-json", type=Path, help="only print the tables of a report saved with --json"
    )
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.worker:
        sys.path.insert(0, str(SRC))
        os.environ.setdefault("PAC_SAC_HOME", str(args.home))
        import logging
        import warnings

        warnings.simplefilter("ignore")
        logging.disable(logging.WARNING)
        fn = {
            "corpus": lambda: worker_corpus(args.home, args.size),
            "ours": lambda: worker_ours(args.home, args.size),
            "fts5": lambda: worker_fts5(args.home, args.size),
            "reindex": lambda: worker_reindex(args.home),
            "profile": lambda: worker_profile(args.home),
            "demo": lambda: worker_demo(args.home),
        }[args.worker]
        emit(fn())
        return 0

    if args.from_json:
        text = args.from_json.read_text(encoding="utf-8")
        if "```json" in text:
            text = text.split("```json", 1)[1].rsplit("```", 1)[0]
        report = json.loads(text)
        report["targets"] = targets(report)
        print_report(report, with_json=args.json)
        return 0

    sizes = (
        list(QUICK_SIZES)
        if args.quick
        else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    )
    started = time.perf_counter()
    own_tmp = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="pac-sac-bench-")) if own_tmp else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    extra_size = min(sizes, key=lambda s: abs(s - 10_000))
    report: dict = {
        "machine": machine(),
        "sizes": sizes,
        "seed": SEED,
        "today": TODAY.isoformat(),
        "results": {},
        "workdir": str(workdir),
    }
    log(f"workdir {workdir}")
    try:
        log("demo KB alone: relevance")
        demo_home = workdir / "demo"
        shutil.rmtree(demo_home, ignore_errors=True)
        demo_home.mkdir(parents=True)
        report["demo"] = run_worker("demo", demo_home, 0)
        if not args.keep:
            shutil.rmtree(demo_home, ignore_errors=True)
        for size in sizes:
            home = workdir / f"n{size}"
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir(parents=True)
            entry: dict = {}
            log(f"{size:,}: writing corpus")
            entry["corpus"] = run_worker("corpus", home, size)
            log(
                f"{size:,}: corpus {entry['corpus']['articles']} articles in {entry['corpus']['write_s']:.1f} s; ours"
            )
            entry["ours"] = run_worker("ours", home, size)
            log(
                f"{size:,}: ours build {entry['ours']['build_s']:.1f} s, typing p95 {entry['ours']['typing']['p95']:.1f} ms; fts5"
            )
            entry["fts5"] = run_worker("fts5", home, size)
            log(
                f"{size:,}: fts5 build {entry['fts5']['build_s']:.1f} s, typing p95 {entry['fts5']['typing']['p95']:.2f} ms"
            )
            report["results"][str(size)] = entry
            (workdir / "partial.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
            if size == extra_size:
                log(f"{size:,}: start-up x{STARTUP_RUNS}")
                startup = measure_startup(home)
                log(f"{size:,}: start-up {startup.get('median_s', startup.get('error'))}")
                if not args.no_profile:
                    log(f"{size:,}: profile")
                    report["profile"] = {"size": size, **run_worker("profile", home, size)}
                log(f"{size:,}: re-index x{REINDEX_RUNS}")
                reindex = run_worker("reindex", home, size)
                report["ours_extra"] = {"size": size, "startup": startup, "reindex": reindex}
            if not args.keep:
                shutil.rmtree(home, ignore_errors=True)
    finally:
        if own_tmp and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report["targets"] = targets(report)
    report["total_s"] = time.perf_counter() - started
    report["loadavg_end"] = os.getloadavg()
    print_report(report, with_json=args.json)
    return 0


def print_report(report: dict, *, with_json: bool) -> None:
    demo_problems = (
        next(iter(report["results"].values()))["corpus"]["demo_problems"]
        if report["results"]
        else []
    )
    m = report["machine"]
    print(f"## Search benchmark — {m['date']}\n")
    print(
        f"Machine: {m['nproc']} CPU ({m['cpu']}), {m['mem_gb']} GB RAM, Python {m['python']}, "
        f"SQLite {m['sqlite']}. Total run time {report['total_s'] / 60:.1f} min. Seed {SEED}, "
        f"today = {TODAY.isoformat()}. Load average at start "
        f"{' '.join(f'{x:.2f}' for x in m['loadavg'])}, at end "
        f"{' '.join(f'{x:.2f}' for x in report['loadavg_end'])}.\n"
    )
    if demo_problems:
        print("Demo files skipped: " + "; ".join(demo_problems) + "\n")
    print(render(report))
    if with_json:
        slim = json.loads(json.dumps(report))
        if "profile" in slim:
            slim["profile"].pop("raw", None)
        print("```json")
        print(json.dumps(slim, indent=1, ensure_ascii=False))
        print("```")


if __name__ == "__main__":
    sys.exit(main())
