"""Search benchmark: our engine (Whoosh lexical + sentence vectors) against SQLite FTS5.

    python benchmarks/search_bench.py [--sizes 1000,10000,100000] [--json] [--quick]
                                      [--workdir DIR] [--keep]
    python benchmarks/search_bench.py --from-json SAVED_OUTPUT   # re-print the tables

For each corpus size (the demo articles unchanged, then deterministic synthetic variants;
benchmarks/common.py) and each engine, in its own subprocess so resident memory is not mixed:

* build times: our word index (what ``ensure_index`` does on a first start), the moment its
  first segment (urgent and recent articles) is searchable, the article vectors (computed in the
  background by the app), and the FTS5 table;
* full-query latency (every relevance query, top 10 with snippets) and as-you-type latency
  (every prefix of the agent-typed queries; a fixed sample above 10,000 articles), for our
  hybrid ranking, our lexical ranking alone, and FTS5;
* resident memory, the vectors' size;
* recall@3 and MRR@10 on ``tests/search/relevance/*.yaml``, per kind, for lexical alone,
  vectors alone, the fusion, and FTS5.

At 10,000 articles (or the size nearest) it also measures re-indexing one changed article and
start-up to a usable search field (fresh interpreter, offscreen Qt). The peer is described in
benchmarks/fts5_peer.py. Top-level imports: standard library and the two sibling modules.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fts5_peer
from common import (
    REPO,
    SEED,
    SRC,
    TODAY,
    TX_BATCH,
    WORKER_ENV,
    dir_size_mb,
    emit,
    f1,
    family_recall,
    load_demo_articles,
    load_relevance,
    log,
    machine,
    peak_rss_mb,
    rss_mb,
    run_worker,
    sampled_prefixes,
    summary_ms,
    table,
    write_corpus,
)

SCRIPT = Path(__file__).resolve()
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
STARTUP_RUNS = 5
REINDEX_RUNS = 10
WARMUP = fts5_peer.WARMUP
MODES = ("hybrid", "lexical", "vectors")
# As-you-type is measured on the queries agents type (the nine kinds of the first benchmark,
# 2,956 prefixes), so its figures stay comparable from run to run; situations told by a citizen
# are typed after listening, and count in the full-query pass.
TYPED_KINDS = (
    "exact",
    "synonym",
    "no_accents",
    "typo",
    "prefix",
    "inflection",
    "question",
    "colloquial",
    "english",
)
TARGETS = {"as_you_type_p95_ms": 9.4, "build_10k_s": 15.0, "build_100k_s": 180.0, "recall": 0.90}


# =============================================================================== our engine
def _evaluation(ev, ranked=None, queries=None) -> dict:  # type: ignore[no-untyped-def]
    out = {
        "recall_at_3": ev.recall_at_3,
        "mrr_at_10": ev.mrr_at_10,
        "by_kind": {k: list(v) for k, v in ev.by_kind.items()},
    }
    if ranked is not None:
        out["family"] = family_recall(queries, ranked)
    return out


def worker_ours(home: Path, size: int) -> dict:
    from pac_sac_desktop.search.evaluation import evaluate
    from pac_sac_desktop.services.knowledge import KnowledgeBase

    queries = load_relevance()
    typed, how = sampled_prefixes(load_relevance(TYPED_KINDS), size)
    rss_start = rss_mb()
    kb = KnowledgeBase.open(home, semantic=True)
    first_segment: list[float] = []
    t0 = time.perf_counter()
    count = kb.index.rebuild(
        kb.source.iter_articles(priority=True),
        kb.kb_seq(),
        total=kb.count(),
        on_progress=lambda done, total: first_segment.append(time.perf_counter() - t0),
    )
    build_s = time.perf_counter() - t0
    rss_index = rss_mb()
    assert kb.vectors is not None
    t0 = time.perf_counter()
    kb.vectors.update(kb.source)
    vectors_s = time.perf_counter() - t0
    for w in WARMUP:
        kb.search(w, limit=10, today=TODAY)

    result: dict = {
        "articles": count,
        "build_s": build_s,
        "first_segment_s": first_segment[0] if first_segment else None,
        "vectors_s": vectors_s,
        "vectors_mb": kb.vectors.nbytes() / 1e6,
        "typing_prefixes": how,
        "modes": {},
    }
    for mode in MODES:
        full_ns: list[int] = []
        ranked: dict[str, list[str]] = {}

        def timed(text: str, mode=mode, full_ns=full_ns, ranked=ranked) -> list[str]:
            t = time.perf_counter_ns()
            hits = kb.search(text, limit=10, prefix_last=True, today=TODAY, mode=mode)
            full_ns.append(time.perf_counter_ns() - t)
            ranked[text] = [r.hit.id for r in hits]
            return ranked[text]

        entry = _evaluation(evaluate(queries, timed), ranked, queries)
        entry["full"] = summary_ms(full_ns)
        result["modes"][mode] = entry
    # Keystrokes: each prefix typed in every mode in turn, the first mode alternating, so that
    # neither pass finds the postings cache warmed by the other (a whole pass per mode, run
    # one after the other, favoured the second). Vectors alone is not a way to search.
    typing_modes = [m for m in MODES if m != "vectors"]
    typing_ns: dict[str, list[int]] = {m: [] for m in typing_modes}
    for i, text in enumerate(typed):
        for mode in typing_modes if i % 2 == 0 else typing_modes[::-1]:
            t = time.perf_counter_ns()
            kb.search(text, limit=10, prefix_last=True, today=TODAY, mode=mode, typing=True)
            typing_ns[mode].append(time.perf_counter_ns() - t)
    for mode in typing_modes:
        result["modes"][mode]["typing"] = summary_ms(typing_ns[mode])
    kb.close()
    result.update(
        rss_start_mb=rss_start,
        rss_index_mb=rss_index,
        rss_mb=rss_mb(),
        peak_rss_mb=peak_rss_mb(),
        index_mb=dir_size_mb(home / "index"),
    )
    return result


def worker_fts5(home: Path, size: int) -> dict:
    typed, how = sampled_prefixes(load_relevance(TYPED_KINDS), size)
    return fts5_peer.measure(home, size, load_relevance(), typed, how)


def worker_demo(home: Path) -> dict:
    """Relevance on the demo knowledge base alone: the set the queries were written against."""
    from pac_sac_desktop.search.evaluation import evaluate
    from pac_sac_desktop.services.knowledge import KnowledgeBase
    from pac_sac_desktop.store import kb_repo
    from pac_sac_desktop.store.db import Database

    queries = load_relevance()
    demo, _problems = load_demo_articles()
    corpus = write_corpus(home, len(demo))
    kb = KnowledgeBase.open(home, semantic=True)
    kb.index.rebuild(kb.source.iter_articles(), kb.kb_seq())
    assert kb.vectors is not None
    kb.vectors.update(kb.source)
    ours = {}
    for mode in MODES:
        ev = evaluate(
            queries,
            lambda q, mode=mode: [r.hit.id for r in kb.search(q, limit=10, today=TODAY, mode=mode)],
        )
        ours[mode] = _evaluation(ev)
        ours[mode]["misses"] = [[m.q, m.kind, list(m.expected), top] for m, top in ev.misses]
    kb.close()
    db = Database.in_home(home)
    engine = fts5_peer.Fts5Engine(home / "fts5.sqlite3")
    with db.reading() as s:
        engine.build(kb_repo.iter_articles(s))
    db.close()
    stops = fts5_peer.generic_stop_words()
    fts = {
        name: _evaluation(evaluate(queries, fts5_peer.variant_search(engine, name, stops)))
        for name in fts5_peer.FTS_VARIANTS
    }
    engine.close()
    return {"articles": corpus["articles"], "queries": len(queries), "ours": ours, "fts5": fts}


def worker_reindex(home: Path) -> dict:
    """Change one article in the database, then ``ensure_index`` (what the app does).

    Vectors off: the app updates them afterwards in the background (one article: ~20 ms)."""
    from pac_sac_desktop.services.knowledge import KnowledgeBase
    from pac_sac_desktop.store import kb_repo

    kb = KnowledgeBase.open(home, semantic=False)
    state = kb.ensure_index()
    kb.search(WARMUP[0], limit=10, today=TODAY)
    with kb.db.reading() as s:
        ids = [a.id for a in kb_repo.iter_articles(s)]
    rng = random.Random(SEED)
    total_ns, outcomes = [], []
    for run in range(REINDEX_RUNS):
        article = kb.article(rng.choice(ids))
        assert article is not None
        changed = dataclasses.replace(
            article, body=article.body + f"\n\nMise à jour de suivi n° {run + 1} : horaire révisé."
        )
        t0 = time.perf_counter_ns()
        with kb.db.transaction() as session:
            kb_repo.upsert_article(session, changed, today=TODAY)
        outcomes.append(kb.ensure_index())
        total_ns.append(time.perf_counter_ns() - t0)
    kb.close()
    return {
        "initial_state": state,
        "outcomes": outcomes,
        "total_ms": statistics.median(total_ns) / 1e6,
        "max_ms": max(total_ns) / 1e6,
    }


STARTUP_CHILD = r"""
import os, sys, time
t_start = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QSettings
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.app import install_translations, make_application
from pac_sac_desktop.ui.main_window import MainWindow
home = Path(sys.argv[1])
app = make_application(["pac-sac"])
settings = QSettings(str(home / "bench-settings.ini"), QSettings.Format.IniFormat)
install_translations(app, "fr")
window = MainWindow(Workstation(home), settings)
window.show()
field = window.kb_page.field
deadline = time.perf_counter() + 30
while time.perf_counter() < deadline:
    app.processEvents()
    handle = window.windowHandle()
    if handle is not None and handle.isExposed() and field.hasFocus():
        break
    time.sleep(0.001)
ok = bool(window.windowHandle() and window.windowHandle().isExposed() and field.hasFocus())
print("@@READY %d" % ok, flush=True)
os._exit(0)
"""


def measure_startup(home: Path) -> dict:
    walls, oks = [], []
    for _ in range(STARTUP_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", STARTUP_CHILD, str(home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **WORKER_ENV},
            cwd=str(REPO),
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("@@READY"):
                walls.append(time.perf_counter() - t0)
                oks.append(line.split()[1] == "1")
                break
        proc.wait(timeout=120)
    if not walls:
        return {"error": "start-up child failed"}
    return {"median_s": statistics.median(walls), "all_ok": all(oks), "runs": len(walls)}


# =============================================================================== tables
def _recall(entry: dict, kind: str | None = None) -> str:
    if kind is None:
        return f1(entry["recall_at_3"], 3)
    hit, n = entry["by_kind"].get(kind, (0, 0))
    return f1(hit / n, 2) if n else "—"


class _Run:
    """Accessors over one saved run: ``ours(s, mode)``, ``o(s)`` (ours, all modes), ``fts(s)``."""

    def __init__(self, report: dict) -> None:
        self.sizes, self.res = report["sizes"], report["results"]
        self.demo = report.get("demo")
        self.extra = report.get("ours_extra")

    def ours(self, s: int, mode: str = "hybrid") -> dict:
        return self.res[str(s)]["ours"]["modes"][mode]

    def o(self, s: int) -> dict:
        return self.res[str(s)]["ours"]

    def fts(self, s: int) -> dict:
        return self.res[str(s)]["fts5"]

    @property
    def kinds(self) -> list[str]:
        return sorted(self.ours(self.sizes[0])["by_kind"])


def _corpora(r: _Run) -> str:
    keys = ("demo_articles", "text_mb", "db_mb", "write_s")
    rows = []
    for s in r.sizes:
        corpus = r.res[str(s)]["corpus"]
        rows.append(
            [f"{s:,}"]
            + [str(corpus[k]) if k == "demo_articles" else f1(corpus[k], 1) for k in keys]
        )
    return table(
        "Corpora",
        ["articles", "demo articles", "text (MB)", "SQLite DB (MB)", "write time (s)"],
        rows,
        f"Written through `Database` + `kb_repo.upsert_article`, {TX_BATCH:,} articles per "
        "transaction (not a measure of either engine).",
    )


def _build(r: _Run) -> str:
    return table(
        "Build time (s)",
        ["articles", "ours: word index", "ours: first 1,000 searchable", "ours: vectors", "FTS5"],
        [
            [
                f"{s:,}",
                f1(r.o(s)["build_s"], 2),
                f1(r.o(s)["first_segment_s"], 2),
                f1(r.o(s)["vectors_s"], 1),
                f1(r.fts(s)["build_s"], 2),
            ]
            for s in r.sizes
        ],
        "Ours: `kb.index.rebuild(kb.source.iter_articles(priority=True), ...)`, what "
        "`ensure_index` does on a first start (urgent and recent first, in segments; search "
        "answers once the first segment is written). Vectors: `kb.vectors.update(kb.source)`, "
        "which the app runs in a background thread after the index is ready (one BLAS "
        "thread). FTS5: the same articles into one `INSERT` transaction, then `optimize`. "
        "All include reading the articles from the workstation database.",
    )


_LATENCY_NOTES = {
    "full": (
        "Full-query latency (ms)",
        "Every relevance query once, top 10 with snippets "
        "(`kb.search(q, limit=10, prefix_last=True)`). Hybrid includes encoding the query "
        "(each query is new to the cache) and the nearest-vector scan.",
    ),
    "typing": (
        "As-you-type latency (ms)",
        "Every prefix `q[:1]`, `q[:2]`, … of the "
        "agent-typed queries (nine kinds), in typing order, no debounce, `typing=True`: the "
        "hybrid never encodes while typing (it fuses the vector of the last full query when "
        "the agent extends or trims it, or one cached for the finished words; otherwise "
        "lexical alone). Hybrid and lexical take each prefix in turn, the first of the two "
        "alternating. Above 10,000 articles a fixed sample of the prefixes, the same for "
        "every engine.",
    ),
}


def _latency(r: _Run, key: str) -> str:
    title, note = _LATENCY_NOTES[key]
    rows = []
    for s in r.sizes:
        how = r.o(s)["typing_prefixes"] if key == "typing" else str(r.ours(s)[key]["n"])
        rows.append(
            [f"{s:,}", how]
            + [f1(r.ours(s, m)[key][p], 1) for m in ("hybrid", "lexical") for p in ("p50", "p95")]
            + [f1(r.fts(s)[key][p], 2) for p in ("p50", "p95")]
        )
    head = ["articles", "queries"] + [
        f"{e} {p}" for e in ("hybrid", "lexical", "FTS5") for p in ("p50", "p95")
    ]
    return table(title, head, rows, note)


def _memory(r: _Run) -> str:
    cells = (
        ("ours after index", lambda s: r.o(s)["rss_index_mb"]),
        ("ours after vectors+queries", lambda s: r.o(s)["rss_mb"]),
        ("ours peak", lambda s: r.o(s)["peak_rss_mb"]),
        ("vectors", lambda s: r.o(s)["vectors_mb"]),
        ("index on disk", lambda s: r.o(s)["index_mb"]),
        ("FTS5 after build+queries", lambda s: r.fts(s)["rss_mb"]),
        ("FTS5 on disk", lambda s: r.fts(s)["index_mb"]),
    )
    return table(
        "Resident memory (MB)",
        ["articles"] + [name for name, _ in cells],
        [[f"{s:,}"] + [f1(get(s), 0) for _, get in cells] for s in r.sizes],
        "RSS (psutil) of one process per engine and size; peak is `ru_maxrss` (build included). "
        "Vectors: the float32 matrix (512 per article) held in memory; the encoder's weights "
        "add ~100 MB once loaded.",
    )


def _relevance(r: _Run) -> str:
    def row(s: int) -> list[str]:
        return [
            f"{s:,}",
            str(sum(v[1] for v in r.ours(s)["by_kind"].values())),
            _recall(r.ours(s)),
            f1(r.ours(s)["mrr_at_10"], 3),
            _recall(r.ours(s, "lexical")),
            _recall(r.ours(s, "vectors")),
            _recall(r.fts(s)),
            f1(r.ours(s)["family"]["recall_at_3"], 3),
            f1(r.fts(s)["family"]["recall_at_3"], 3),
        ]

    return table(
        "Relevance",
        [
            "articles",
            "queries",
            "hybrid recall@3",
            "hybrid MRR@10",
            "lexical recall@3",
            "vectors recall@3",
            "FTS5 recall@3",
            "hybrid recall@3, variant ok",
            "FTS5 recall@3, variant ok",
        ],
        [row(s) for s in r.sizes],
        "`pac_sac_desktop.search.evaluation.evaluate` on `tests/search/relevance/*.yaml`. The "
        "synthetic variants share their base article's words and subject, so strict figures fall "
        'with size for every engine; "variant ok" also counts a variant of the expected article '
        "(id `expected-xNNNNNN`).",
    )


def _demo_by_kind(r: _Run) -> str:
    demo = r.demo
    assert demo is not None
    plain = "OR, stock stop words"

    def cells(kind: str | None) -> list[str]:
        return [_recall(demo["ours"][m], kind) for m in ("lexical", "vectors", "hybrid")] + [
            _recall(demo["fts5"][fts5_peer.FTS_MAIN], kind),
            _recall(demo["fts5"][plain], kind),
        ]

    rows = [[k, str(demo["ours"]["hybrid"]["by_kind"][k][1]), *cells(k)] for k in r.kinds]
    rows.append(["**all**", str(demo["queries"]), *cells(None)])
    return table(
        f"Recall@3 by kind, demo knowledge base alone ({demo['articles']} articles)",
        ["kind", "queries", "lexical", "vectors", "hybrid", "FTS5 main", "FTS5 plain OR"],
        rows,
        "The set the queries were written against (without looking at what any engine "
        "returns). Lexical: words, stems, synonyms, completion, typo correction. Vectors: "
        "nearest article by sentence embedding alone. Hybrid: the two fused (what the app "
        "serves).",
    )


def _by_kind_and_size(r: _Run) -> str:
    def cell(s: int, k: str) -> str:
        engines = (r.ours(s, "lexical"), r.ours(s, "vectors"), r.ours(s), r.fts(s))
        return " / ".join(_recall(x, k) for x in engines)

    return table(
        "Recall@3 by kind and size (lexical / vectors / hybrid / FTS5)",
        ["kind"] + [f"{s:,}" for s in r.sizes],
        [[k] + [cell(s, k) for s in r.sizes] for k in r.kinds],
    )


def _fts5_variants(r: _Run) -> str:
    demo = r.demo
    return table(
        "FTS5 variants (full queries, recall@3)",
        ["FTS5 query"] + [f"{s:,}" for s in r.sizes] + (["demo"] if demo else []),
        [
            [name]
            + [_recall(r.fts(s)["variants"][name]) for s in r.sizes]
            + ([_recall(demo["fts5"][name])] if demo else [])
            for name in fts5_peer.FTS_VARIANTS
        ],
        f"Main configuration: {fts5_peer.FTS_MAIN} (the best on these queries, which favours "
        "the peer). See benchmarks/fts5_peer.py.",
    )


def _upkeep(r: _Run) -> str:
    extra = r.extra
    assert extra is not None
    return table(
        f"Upkeep and start-up ({extra['size']:,} articles)",
        ["measure", "value"],
        [
            [
                f"re-index one changed article (median of {REINDEX_RUNS}, ms)",
                f1(extra["reindex"]["total_ms"], 0),
            ],
            ["re-index, worst run (ms)", f1(extra["reindex"]["max_ms"], 0)],
            [
                f"start-up to a usable search field (median of {STARTUP_RUNS}, s)",
                f1(extra["startup"].get("median_s"), 2),
            ],
        ],
    )


def render(report: dict) -> str:
    """Every table of a run, in the order docs/benchmarks.md shows them."""
    r = _Run(report)
    out = [_corpora(r), _build(r), _latency(r, "full"), _latency(r, "typing")]
    out += [_memory(r), _relevance(r)]
    if r.demo:
        out.append(_demo_by_kind(r))
    out += [_by_kind_and_size(r), _fts5_variants(r)]
    if r.extra:
        out.append(_upkeep(r))
    return "\n".join(out)


# =============================================================================== orchestration
def run(sizes: list[int], workdir: Path, keep: bool) -> dict:
    report: dict = {
        "machine": machine(),
        "sizes": sizes,
        "seed": SEED,
        "today": TODAY.isoformat(),
        "results": {},
        "workdir": str(workdir),
    }
    log("demo KB alone: relevance")
    demo_home = workdir / "demo"
    shutil.rmtree(demo_home, ignore_errors=True)
    demo_home.mkdir(parents=True)
    report["demo"] = run_worker(SCRIPT, "demo", home=demo_home)
    extra_size = min(sizes, key=lambda s: abs(s - 10_000))
    for size in sizes:
        home = workdir / f"n{size}"
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        entry: dict = {"corpus": run_worker(SCRIPT, "corpus", home=home, size=size)}
        log(f"{size:,}: corpus {entry['corpus']['write_s']:.1f} s; ours")
        entry["ours"] = run_worker(SCRIPT, "ours", home=home, size=size)
        log(
            f"{size:,}: ours index {entry['ours']['build_s']:.1f} s, vectors "
            f"{entry['ours']['vectors_s']:.1f} s; fts5"
        )
        entry["fts5"] = run_worker(SCRIPT, "fts5", home=home, size=size)
        report["results"][str(size)] = entry
        (workdir / "partial.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        if size == extra_size:
            log(f"{size:,}: start-up and re-index")
            report["ours_extra"] = {
                "size": size,
                "startup": measure_startup(home),
                "reindex": run_worker(SCRIPT, "reindex", home=home, size=size),
            }
        if not keep:
            shutil.rmtree(home, ignore_errors=True)
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    p.add_argument("--quick", action="store_true", help="only 1,000 and 10,000 articles")
    p.add_argument("--json", action="store_true", help="every figure as JSON after the tables")
    p.add_argument("--workdir", type=Path, help="where corpora go (default: a temp folder)")
    p.add_argument("--keep", action="store_true", help="keep the corpora and indexes afterwards")
    p.add_argument("--from-json", type=Path, help="only print the tables of a saved --json run")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.worker:
        sys.path.insert(0, str(SRC))
        os.environ.setdefault("PAC_SAC_HOME", str(args.home))
        import logging
        import warnings

        warnings.simplefilter("ignore")
        logging.disable(logging.WARNING)
        emit(
            {
                "corpus": lambda: write_corpus(args.home, args.size),
                "ours": lambda: worker_ours(args.home, args.size),
                "fts5": lambda: worker_fts5(args.home, args.size),
                "reindex": lambda: worker_reindex(args.home),
                "demo": lambda: worker_demo(args.home),
            }[args.worker]()
        )
        return 0
    if args.from_json:
        text = args.from_json.read_text(encoding="utf-8")
        if "```json" in text:
            text = text.split("```json", 1)[1].rsplit("```", 1)[0]
        print_report(json.loads(text), with_json=False)
        return 0
    sizes = list(QUICK_SIZES) if args.quick else [int(s) for s in args.sizes.split(",") if s]
    started = time.perf_counter()
    own_tmp = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="pac-sac-bench-")) if own_tmp else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        report = run(sizes, workdir, args.keep)
    finally:
        if own_tmp and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    report["total_s"] = time.perf_counter() - started
    report["loadavg_end"] = os.getloadavg()
    print_report(report, with_json=args.json)
    return 0


def print_report(report: dict, *, with_json: bool) -> None:
    m = report["machine"]
    print(f"## Search benchmark — {m['date']}\n")
    print(
        f"Machine: {m['nproc']} CPU ({m['cpu']}), {m['mem_gb']} GB RAM, Python {m['python']}, "
        f"SQLite {m['sqlite']}. Total run time {report['total_s'] / 60:.1f} min. Seed {SEED}, "
        f"today = {TODAY.isoformat()}. Load average at start "
        f"{' '.join(f'{x:.2f}' for x in m['loadavg'])}, at end "
        f"{' '.join(f'{x:.2f}' for x in report['loadavg_end'])}.\n"
    )
    print(render(report))
    if with_json:
        print("```json")
        print(json.dumps(report, indent=1, ensure_ascii=False))
        print("```")


if __name__ == "__main__":
    sys.exit(main())
