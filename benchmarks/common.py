"""What the benchmarks share: timing and percentiles, corpora derived from the demo knowledge
base, subprocess workers, the machine's description and Markdown tables.

Each benchmark runs its measures in worker subprocesses (so resident memory is not mixed and a
crash is contained) and prints tables; these helpers keep every script about what it measures.
The top-level imports are the standard library only: workers import the application.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
DEMO_KB = REPO / "resources" / "kb"
RELEVANCE_DIR = REPO / "tests" / "search" / "relevance"
TODAY = dt.date(2026, 11, 23)
SEED = 20261123
TX_BATCH = 2_000  # articles per transaction when writing a corpus
# As-you-type measures every prefix of every query up to this corpus size; above it, a fixed
# deterministic sample of this many prefixes (the same sample for every engine).
ALL_PREFIXES_UP_TO = 10_000
PREFIX_SAMPLE = 300
WORKER_ENV = {
    "PYTHONPATH": str(SRC),
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONWARNINGS": "ignore",
}


# =============================================================================== timing
def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (p95 of 100 values is the 95th smallest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]


def percentile_linear(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (q in 0..100); the sync benchmark's rule."""
    if not values:
        return float("nan")
    s = sorted(values)
    pos = (len(s) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


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


def timed_ns(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """(result, elapsed nanoseconds) of one call."""
    t = time.perf_counter_ns()
    result = fn(*args, **kwargs)
    return result, time.perf_counter_ns() - t


def load_relevance(kinds: Sequence[str] | None = None):  # type: ignore[no-untyped-def]
    """The labelled queries (tests/search/relevance), optionally only some kinds."""
    from pac_sac_desktop.search.evaluation import load_queries

    queries = load_queries(RELEVANCE_DIR)
    return [q for q in queries if kinds is None or q.kind in kinds]


# =============================================================================== workers
def emit(result: dict) -> None:
    """A worker's answer: one JSON line on stdout, marked so library noise cannot confuse it."""
    sys.stdout.write("@@RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


def run_worker(script: Path, kind: str, **args: object) -> dict:
    """Run ``script --worker KIND --name value ...`` in a fresh interpreter; its emitted result."""
    env = {**os.environ, **WORKER_ENV}
    cmd = [sys.executable, str(script), "--worker", kind]
    for name, value in args.items():
        cmd += [f"--{name.replace('_', '-')}", str(value)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=str(REPO))
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT "):
            return json.loads(line[len("@@RESULT ") :])
    raise RuntimeError(
        f"worker {kind} {args} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
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


def table(
    title: str, header: list[str], rows: list[list[str]], note: str = "", left: int = 1
) -> str:
    """A Markdown table under a ``###`` title; the first ``left`` columns are text."""
    out = [f"### {title}\n", "| " + " | ".join(header) + " |"]
    out.append("|" + "|".join("---" if i < left else "---:" for i in range(len(header))) + "|")
    out.extend("| " + " | ".join(r) + " |" for r in rows)
    if note:
        out.append(f"\n{note}")
    out.append("")
    return "\n".join(out)


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


def short_title(title: str) -> str:
    return re.split(r"\s+[:(—–-]\s+|\s*\(", title, maxsplit=1)[0].strip() or title


def _title_tail(title: str) -> str:
    return title.split(" : ", 1)[1].strip() if " : " in title else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def substitute(text: str, rng: random.Random, streets: Sequence[str] = STREETS) -> str:
    """New street names, dates and numbers, so variants are not copies of each other."""

    def street(m: re.Match) -> str:
        return f"{m.group(1)} {rng.choice(streets)}"

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


def sections(body: str) -> list[str]:
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
        parts = sections(donor.body)
        free = [n for n in range(len(parts)) if (donor.id, n) not in used]
        if free:
            n = rng.choice(free)
            used.add((donor.id, n))
            blocks.append(parts[n])

    for _ in range(rng.randint(1, 2)):
        take(base)
    for donor in donors[1:]:
        take(donor)
    for _ in range(12):
        if sum(map(len, blocks)) >= target:
            break
        take(rng.choice(donors))
    body = substitute("\n\n".join(blocks), rng)
    # A new title recombined from the donors' titles (head of one, tail of another, or a local
    # qualifier), about as long as the demo titles so length normalisation favours neither.
    head = short_title(base.title)
    other = short_title(donors[-1].title)
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
    summary = substitute(base.summary, rng)
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


def write_corpus(home: Path, size: int) -> dict:
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
