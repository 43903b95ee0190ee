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
import threading
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


# The sync corpus draws street names from this shorter list (figures comparable across runs).
SYNC_STREETS = (
    "Principale", "des Pionniers", "du Parc", "de la Gare", "des Merisiers", "Industriel",
    "de la Carrière", "des Érables", "du Vieux-Moulin", "des Cèdres", "Saint-Laurent",
    "des Bouleaux", "Lafontaine", "de la Rivière", "du Boisé", "Papineau", "Champlain",
    "Notre-Dame", "Laurier", "du Plateau",
)  # fmt: skip


def write_markdown_corpus(folder: Path, size: int, streets: Sequence[str] = SYNC_STREETS) -> dict:
    """``size`` synthetic articles as Markdown files (front matter + body), deterministic: what
    ``pac-sac-server kb import`` publishes in the sync benchmark."""
    from collections import defaultdict

    import yaml

    demo, problems = load_demo_articles()
    for problem in problems:  # a demo file being edited by someone else right now
        log(f"demo article skipped: {problem}")
    by_service: dict[str, list] = defaultdict(list)
    for a in demo:
        by_service[a.service].append(a)
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    chars = 0
    for i in range(size):
        rng = random.Random(SEED * 1_000_003 + i)
        base = rng.choice(demo)
        pool = [a for a in by_service[base.service] if a.id != base.id] or demo
        donors = [base, *rng.sample(pool, min(len(pool), rng.randint(1, 3)))]
        target = len(rng.choice(demo).body) * rng.uniform(0.7, 0.95)
        blocks: list[str] = []
        used: set[tuple[str, int]] = set()
        for _ in range(16):
            donor = base if not blocks else rng.choice(donors)
            parts = sections(donor.body)
            free = [n for n in range(len(parts)) if (donor.id, n) not in used]
            if free:
                n = rng.choice(free)
                used.add((donor.id, n))
                blocks.append(parts[n])
            if sum(map(len, blocks)) >= target and len(blocks) >= 2:
                break
        body = substitute("\n\n".join(blocks), rng, streets)
        other = short_title(donors[-1].title)
        title = rng.choice(
            (
                f"{short_title(base.title)} : secteur {rng.choice(DISTRICTS)}",
                f"{short_title(base.title)} et {other[:1].lower() + other[1:]}",
                f"{short_title(base.title)} : cas de la rue {rng.choice(streets)}",
                f"{base.title} ({rng.choice(DISTRICTS)}, fiche {i})",
            )
        )[:200]
        tags = list(dict.fromkeys([*rng.sample(list(base.tags), min(3, len(base.tags)))]))
        for d in donors[1:]:
            if d.tags:
                tags.append(rng.choice(d.tags))
        meta = {
            "id": f"{base.id[:90]}-s{i:05d}",
            "title": title,
            "service": base.service,
            "tags": list(dict.fromkeys(tags)),
            "updated": dt.date(2025, 9, 1) + dt.timedelta(days=rng.randrange(0, 445)),
            "summary": substitute(base.summary, rng, streets),
        }
        text = (
            "---\n"
            + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n"
            + body
            + "\n"
        )
        chars += len(text)
        sub = folder / f"{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{meta['id']}.md").write_text(text, encoding="utf-8")
    return {
        "articles": size,
        "demo_sources": len(demo),
        "mb": round(chars / 1e6, 1),
        "write_s": round(time.perf_counter() - t0, 2),
    }


# =============================================================================== servers
# A real ``pac-sac-server`` process on 127.0.0.1, on a SQLite file or a throw-away PostgreSQL
# database (127.0.0.1:5432, user postgres, trust auth), and the CPU the machine spent meanwhile.
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
AGENT = ("agent", "agent-demo-2026")


def pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def pg_drop_stale() -> list[str]:
    """Drop the ``pacsac_bench_<pid>[_n]`` databases of benchmark runs that no longer exist."""
    import psycopg

    dropped = []
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "select datname from pg_database where datname ~ '^pacsac_bench_[0-9]+(_[0-9]+)?$'"
            ).fetchall()
        ]
        for name in names:
            pid = int(name.split("_")[2])
            if pid != os.getpid() and not Path(f"/proc/{pid}").exists():
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                dropped.append(name)
    return dropped


def pg_version() -> str:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            return str(conn.execute("show server_version").fetchone()[0])
    except Exception as exc:
        return f"unavailable ({exc.__class__.__name__})"


class Backend:
    """One server database (SQLite file or throw-away PostgreSQL database) and its processes.

    ``src``: run the server from another source tree (an older commit, the peer column of a
    before/after run); the benchmark's own process keeps this checkout's code.
    """

    databases = 0  # PostgreSQL databases created by this process

    def __init__(
        self, kind: str, workdir: Path, *, name: str = "", src: Path | None = None
    ) -> None:
        from pac_sac_desktop.services.embedded_server import EmbeddedServer

        self.kind = kind
        self.name = name or kind
        self.folder = workdir / f"server-{self.name}"
        if kind == "postgresql":
            Backend.databases += 1
            suffix = "" if Backend.databases == 1 else f"_{Backend.databases}"
            self.dbname = f"pacsac_bench_{os.getpid()}{suffix}"
            pg_admin(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)")
            pg_admin(f"CREATE DATABASE {self.dbname}")
            self.url: str | None = PG_URL.format(name=self.dbname)
        else:
            self.dbname = ""
            self.url = None
        self.server = EmbeddedServer(self.folder, db_url=self.url)
        if src is not None:
            self.server.env["PYTHONPATH"] = str(source_tree(src))
        self.url = self.server.db_url

    def cli(self, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pac_sac_desktop.server.cli", *args],
            capture_output=True,
            text=True,
            env=self.server.env,
            timeout=timeout,
            check=True,
        )

    def restart(self, workers: int) -> None:
        """The server again, as ``pac-sac-server run --workers N`` on the same port."""
        self.server.stop()
        self.server.workers = workers
        self.server.start()

    def pids(self) -> list[int]:
        """The server's processes: the main one and, with --workers, its worker children."""
        if self.server.proc is None:
            return []
        return process_tree(self.server.proc.pid)

    def scalar(self, sql: str, **params):  # type: ignore[no-untyped-def]
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                return conn.execute(text(sql), params).one()
        finally:
            engine.dispose()

    def rows(self, sql: str) -> list:  # type: ignore[type-arg]
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                return list(conn.execute(text(sql)))
        finally:
            engine.dispose()

    def close(self) -> None:
        self.server.stop()
        if self.kind == "postgresql":
            try:
                pg_admin(f"DROP DATABASE IF EXISTS {self.dbname} WITH (FORCE)")
            except Exception as exc:
                log(f"could not drop {self.dbname}: {exc!r}")


def proc_cpu(pid: int, part: str = "both") -> float:
    """CPU seconds of a process: user + system, or only "user" or "system"."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        user, system = int(fields[11]), int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0.0
    ticks = {"user": user, "system": system}.get(part, user + system)
    return ticks / os.sysconf("SC_CLK_TCK")


def process_tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                parents[int(p.name)] = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        tree += children
        frontier = children
    return tree


def postgres_cpu() -> dict[int, float]:
    out = {}
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if (p / "comm").read_text().strip().startswith("postgres"):
                    out[int(p.name)] = proc_cpu(int(p.name))
            except OSError:
                continue
    return out


def machine_busy() -> tuple[float, float]:
    """(busy, total) clock ticks of the whole machine since boot."""
    parts = [float(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = parts[3] + parts[4]
    return sum(parts) - idle, sum(parts)


def cpu_check_ms() -> float:
    """Milliseconds for a fixed pure-Python loop (best of 5), taken before each load run.

    On this virtual machine the same code has cost from 1.4 to 3.9 ms of server CPU per upload
    from one run to the next, with no other job visible inside the VM: the host's load changes
    the speed of the cores. This figure shows how fast the cores were when the run started.
    """
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        total = 0
        for i in range(300_000):
            total += i * i % 7
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def wait_idle(max_s: float, threshold_cores: float = 0.3) -> float:
    """Wait (at most ``max_s``) until the machine is nearly idle; returns the busy cores seen."""
    deadline = time.monotonic() + max_s
    while True:
        b0 = machine_busy()
        time.sleep(2.0)
        b1 = machine_busy()
        cores = (b1[0] - b0[0]) / max(1e-9, b1[1] - b0[1]) * (os.cpu_count() or 1)
        if cores < threshold_cores or time.monotonic() >= deadline:
            if cores >= threshold_cores and max_s > 0:
                log(f"machine still busy ({cores:.2f} cores used by other jobs); going on")
            return cores
        log(f"waiting for other jobs: {cores:.2f} cores busy")
        time.sleep(3.0)


class CpuWindow:
    """CPU spent during a block by the server processes, PostgreSQL, this process and the rest of
    the machine (other people's jobs on a shared machine), in seconds and cores."""

    def __init__(self, server_pids: list[int], postgres: bool) -> None:
        self.pids, self.postgres = server_pids, postgres

    def __enter__(self) -> CpuWindow:
        self.t0 = time.perf_counter()
        self.server0 = {p: proc_cpu(p) for p in self.pids}
        self.sys0 = {p: proc_cpu(p, "system") for p in self.pids}
        self.pg0 = postgres_cpu() if self.postgres else {}
        self.me0, self.busy0 = os.times(), machine_busy()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.elapsed = time.perf_counter() - self.t0
        me1, busy1 = os.times(), machine_busy()
        self.server_s = sum(proc_cpu(p) - self.server0.get(p, 0.0) for p in self.pids)
        self.server_sys_s = sum(proc_cpu(p, "system") - self.sys0.get(p, 0.0) for p in self.pids)
        self.postgres_s = (
            sum(v - self.pg0.get(pid, 0.0) for pid, v in postgres_cpu().items())
            if self.postgres
            else 0.0
        )
        self.client_s = (me1.user - self.me0.user) + (me1.system - self.me0.system)
        busy_s = (busy1[0] - self.busy0[0]) / os.sysconf("SC_CLK_TCK")
        self.busy_pct = 100.0 * (busy1[0] - self.busy0[0]) / max(1e-9, busy1[1] - self.busy0[1])
        ours = self.server_s + self.postgres_s + self.client_s
        self.others_cores = max(0.0, busy_s - ours) / self.elapsed if self.elapsed else 0.0


class PgSampler(threading.Thread):
    """Polls pg_stat_activity (20 Hz) while a load runs: what the database's sessions are doing.

    ``idle in transaction`` = a transaction is open (holding its row locks) while the server's
    Python code works or waits; ``Lock`` = waiting for another transaction's row lock.
    """

    def __init__(self, dbname: str) -> None:
        super().__init__(daemon=True)
        self.dbname = dbname
        self.stop = threading.Event()
        self.samples = 0
        self.sums: dict[str, float] = {}

    def _add(self, key: str) -> None:
        self.sums[key] = self.sums.get(key, 0.0) + 1

    def run(self) -> None:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            while not self.stop.is_set():
                rows = conn.execute(
                    "select state, wait_event_type, wait_event from pg_stat_activity "
                    "where datname = %s and pid <> pg_backend_pid()",
                    (self.dbname,),
                ).fetchall()
                self.samples += 1
                for state, wtype, wevent in rows:
                    if state == "active":
                        self._add("active")
                        if wtype == "Lock":
                            self._add("lock_wait")
                            self._add(f"lock:{wevent}")
                        elif wtype == "IO":
                            self._add("io_wait")
                    elif state == "idle in transaction":
                        self._add("idle_in_tx")
                time.sleep(0.05)

    def result(self) -> dict:
        n = max(1, self.samples)
        return {k: v / n for k, v in sorted(self.sums.items())} | {"samples": self.samples}


def fsync_ms(runs: int = 50) -> dict:
    """Latency of a 4 KiB write + fsync in the temporary folder (what one SQLite commit waits)."""
    import tempfile

    times = []
    with tempfile.NamedTemporaryFile() as tmp:
        for _ in range(runs):
            t0 = time.perf_counter()
            os.write(tmp.fileno(), os.urandom(4096))
            os.fsync(tmp.fileno())
            times.append((time.perf_counter() - t0) * 1000)
    return {"median": statistics.median(times), "p95": percentile_linear(times, 95)}


def source_tree(path: Path) -> Path:
    """The folder holding ``pac_sac_desktop`` in ``path`` (``git archive <commit> src | tar -x -C
    DIR`` gives DIR/src/pac_sac_desktop; DIR and DIR/src are both accepted). Anything else is
    refused: a PYTHONPATH without the package would silently measure the installed code as the
    peer (it did once: a "peer" column that was our own code)."""
    for candidate in (path, path / "src"):
        if (candidate / "pac_sac_desktop" / "server" / "cli.py").is_file():
            return candidate.resolve()
    raise SystemExit(f"{path}: no pac_sac_desktop source tree here (nor in {path / 'src'})")


def src_fingerprint(src: Path = SRC) -> dict:
    """Which code was measured (others edit src/ meanwhile): a hash of the files that matter."""
    import hashlib

    h = hashlib.sha256()
    newest = 0.0
    files = sorted(
        p
        for sub in ("server", "sync", "store", "search", "services", "core")
        for p in (src / "pac_sac_desktop" / sub).rglob("*.py")
    )
    for p in files:
        h.update(str(p.relative_to(src)).encode())
        h.update(p.read_bytes())
        newest = max(newest, p.stat().st_mtime)
    return {
        "sha256_12": h.hexdigest()[:12],
        "files": len(files),
        "newest_change": dt.datetime.fromtimestamp(newest)
        .astimezone()
        .isoformat(timespec="seconds"),
    }


def server_machine() -> dict:
    """``machine()`` plus what a server benchmark depends on: PostgreSQL, the HTTP stack, the
    disk's fsync and the code measured."""
    import importlib.metadata as md
    import importlib.util

    versions = {}
    for pkg in ("fastapi", "starlette", "uvicorn", "sqlalchemy", "psycopg", "whoosh", "requests"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = None
    base = machine()
    return {
        **{k: base[k] for k in ("nproc", "cpu", "mem_gb", "python", "sqlite", "platform")},
        "postgresql": pg_version(),
        "packages": versions,
        "uvloop": importlib.util.find_spec("uvloop") is not None,
        "httptools": importlib.util.find_spec("httptools") is not None,
        "orjson": importlib.util.find_spec("orjson") is not None,
        "loadavg_at_start": [round(x, 2) for x in base["loadavg"]],
        "fsync_ms": fsync_ms(),
        "date": base["date"],
        "src": src_fingerprint(),
    }


# =============================================================================== profiles
def frame_parts(frame: str) -> tuple[str, str]:
    m = re.match(r"(.*) \((.*?)(?::\d+)?\)$", frame)
    return (m.group(1), m.group(2)) if m else (frame, "")


def short_path(path: str) -> str:
    for key in ("site-packages/", "src/", "lib/python3"):
        if key in path:
            return path.split(key, 1)[1]
    return path


def read_py_spy(raw: Path, stages: Sequence, self_groups: Sequence, expected: int) -> dict:
    """A ``py-spy record --format raw`` file summed: inclusive share of each stage (a sample
    counts for every stage on its stack), self time by package, hottest functions.

    ``stages`` and ``self_groups`` are (label, needles) pairs; ``expected`` = rate × seconds,
    so that the share of samples says how busy the GIL was.
    """
    total = 0
    leaf: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    stage_n: dict[str, int] = {}
    groups: dict[str, int] = {}

    def add(d: dict[str, int], key: str, n: int) -> None:
        d[key] = d.get(key, 0) + n

    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_s = line.rpartition(" ")
        if not count_s.isdigit():
            continue
        count = int(count_s)
        frames = [f for f in stack.split(";") if "(" in f]
        if not frames:
            continue
        total += count
        name, path = frame_parts(frames[-1])
        add(leaf, f"{name} ({short_path(path)})", count)
        group = next(
            (g for g, prefixes in self_groups if any(path.startswith(x) for x in prefixes)),
            "other (stdlib: uuid, datetime, hashlib, typing …)",
        )
        add(groups, group, count)
        keys = set()
        for fr in frames:
            n, p = frame_parts(fr)
            keys.add(f"{n} ({short_path(p)})")
        for key in keys:
            add(inclusive, key, count)
        for label, needles in stages:
            if any(any(nd in fr for nd in needles) for fr in frames):
                add(stage_n, label, count)
    return {
        "samples": total,
        "gil_busy_pct": 100.0 * total / expected if expected else None,
        "stages": [(label, stage_n.get(label, 0)) for label, _n in stages],
        "self_groups": sorted(groups.items(), key=lambda kv: -kv[1]),
        "top_self": sorted(leaf.items(), key=lambda kv: -kv[1])[:15],
        "top_inclusive": sorted(inclusive.items(), key=lambda kv: -kv[1])[:60],
        "raw_file": str(raw),
    }


def profile_lines(title: str, p: dict) -> list[str]:
    """The Markdown of ``read_py_spy``'s result: stages, packages, hottest functions."""
    if "error" in p:
        return ["", f"{title}: py-spy failed: {p['error']}"]
    n = max(1, p["samples"])
    lines = ["", f"### {title}", "", "| stage (inclusive share of GIL samples) | % |", "|---|---:|"]
    lines += [f"| {name} | {f1(100 * c / n, 0)} |" for name, c in p["stages"]]
    lines += ["", "| self time by package | % |", "|---|---:|"]
    lines += [f"| {name} | {f1(100 * c / n, 0)} |" for name, c in p["self_groups"]]
    lines += ["", "| hottest functions (self) | % |", "|---|---:|"]
    lines += [f"| `{name}` | {f1(100 * c / n, 1)} |" for name, c in p["top_self"][:10]]
    return lines
