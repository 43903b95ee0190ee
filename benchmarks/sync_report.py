"""The Markdown tables of ``sync_bench.py`` (also from a saved JSON report, ``--render``)."""

from __future__ import annotations

import math

from common import profile_lines


# =============================================================================== report
def f(x, nd: int = 1) -> str:  # type: ignore[no-untyped-def]
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{x:,.{nd}f}".replace(",", " ")


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _table(kinds: list[str], label: dict, rows: list, data: dict) -> list[str]:
    out = ["| | " + " | ".join(label[k] for k in kinds) + " |", "|---|" + "---:|" * len(kinds)]
    for name, fn in rows:
        out.append(f"| {name} | " + " | ".join(fn(data[k]) for k in kinds) + " |")
    return out


def render(r: dict) -> str:
    targets = r["targets"]
    b = r["backends"]
    kinds = list(b)
    label = {"sqlite": "SQLite server", "postgresql": "PostgreSQL server"}
    m = r["machine"]
    c = r.get("corpus", {})
    lines = [
        f"Machine: {m['nproc']} × {m['cpu']}, {m['mem_gb']} GB, Python {m['python']}, "
        f"SQLite {m['sqlite']}, PostgreSQL {m['postgresql']}; {m['date']}; "
        f"whole run {f(r.get('wall_s', 0) / 60)} min. Corpus: {c.get('articles')} articles, "
        f"{c.get('mb')} MB of Markdown. 4 KiB write + fsync: median "
        f"{f(m.get('fsync_ms', {}).get('median'), 2)} ms. Load average at start: "
        f"{m.get('loadavg_at_start')}. Code measured: src/ fingerprint "
        f"{m.get('src', {}).get('sha256_12')} (newest file change "
        f"{m.get('src', {}).get('newest_change')}).",
        "",
        "### 1. First sync of the knowledge base (fresh workstation)",
        "",
    ]
    lines += _table(kinds, label, [
        ("publishing the corpus (kb import, one transaction), s", lambda x: f(x["publish"]["s"])),
        ("articles on the server (corpus + demo)", lambda x: f(x["publish"]["server_articles"], 0)),
        ("articles received and stored", lambda x: f(x["first_sync"]["articles_received"], 0)),
        ("pages of 500 / MB of JSON downloaded",
         lambda x: f"{x['first_sync']['pages']} / {f(x['first_sync']['mb'])}"),
        ("**total sync_once(), s**", lambda x: f"**{f(x['first_sync']['total_s'])}**"),
        ("download (client.changes), s", lambda x: f(x["first_sync"]["download_s"])),
        ("… of which HTTP (server work + transfer), s",
         lambda x: f(x["first_sync"]["download_http_s"])),
        ("… of which JSON decode, s", lambda x: f(x["first_sync"]["download_decode_s"])),
        ("store (SQLite page-apply transactions), s", lambda x: f(x["first_sync"]["store_s"])),
        ("index (Whoosh rebuild, on_kb_changed), s", lambda x: f(x["first_sync"]["index_s"])),
        ("other feeds and push, s", lambda x: f(x["first_sync"]["other_s"], 2)),
        ("articles/s end to end", lambda x: f(x["first_sync"]["articles_per_s"], 0)),
        ("other jobs on the machine meanwhile, cores",
         lambda x: f(x["first_sync"].get("others_cores"), 2)),
    ], b)  # fmt: skip
    lines += [
        "",
        f"### 2. Sync with nothing new ({b[kinds[0]]['noop']['runs']} runs; target p95 ≤ "
        f"{targets['noop_p95_ms']:.0f} ms)",
        "",
    ]
    lines += _table(kinds, label, [
        ("median, ms", lambda x: f(x["noop"]["median_ms"])),
        ("p95, ms", lambda x: f(x["noop"]["p95_ms"])),
        ("max, ms", lambda x: f(x["noop"]["max_ms"])),
        ("HTTP calls per sync", lambda x: f(x["noop"]["http_calls"], 0)),
        ("… time in HTTP (median), ms", lambda x: f(x["noop"]["http_median_ms"])),
        ("… local work (median), ms", lambda x: f(x["noop"]["local_median_ms"])),
        ("other jobs on the machine meanwhile, cores",
         lambda x: f(x["noop"].get("others_cores"), 2)),
        ("target", lambda x: met(x["noop"]["p95_ms"] <= targets["noop_p95_ms"])),
    ], b)  # fmt: skip
    n_push = b[kinds[0]]["push"]["saved"]
    lines += [
        "",
        f"### 3. Pushing {n_push} requests queued offline (target ≤ {targets['push_s']:.0f} s)",
        "",
    ]
    lines += _table(kinds, label, [
        ("saving them offline (RequestService.save), s", lambda x: f(x["push"]["save_s"])),
        ("sync attempt while offline refused (NetworkError)",
         lambda x: "yes" if x["push"]["offline_sync_refused"] else "no"),
        ("**sync_once() after reconnecting, s**", lambda x: f"**{f(x['push']['sync_s'])}**"),
        ("… push phase, s", lambda x: f(x["push"]["push_s"])),
        ("… per request pushed, ms", lambda x: f(x["push"]["push_ms_each"])),
        ("… uploads in parallel (engine's PUSH_WORKERS)",
         lambda x: f(x["push"].get("push_workers", 1), 0)),
        ("… … waiting for the server's answers (push − storing), s",
         lambda x: f(x["push"].get("push_wait_s"))),
        ("… … storing the answers (_requests_sent, a transaction per batch of 64), s",
         lambda x: f(x["push"].get("push_store_s"))),
        ("… … PUT latency summed over all uploads, s",
         lambda x: f(x["push"].get("push_http_sum_s", x["push"].get("push_http_s")))),
        ("… pulling the request feed back, s", lambda x: f(x["push"]["pull_back_s"])),
        ("pushed / blocked / pushed by the next sync",
         lambda x: f"{x['push']['pushed']} / {x['push']['blocked']} / "
                   f"{x['push']['second_sync_pushed']}"),
        ("server rows for these UUIDs / new rows / distinct references",
         lambda x: f"{x['push']['server_rows_mine']} / "
                   f"{x['push']['server_rows_total'] - x['push']['server_rows_before']} / "
                   f"{x['push']['server_distinct_refs']}"),
        ("exactly once", lambda x: "yes" if x["push"]["exactly_once"] else "**NO**"),
        ("other jobs on the machine during the sync, cores",
         lambda x: f(x["push"].get("others_cores"), 2)),
        ("target", lambda x: met(x["push"]["sync_s"] <= targets["push_s"])),
    ], b)  # fmt: skip
    lines += [
        "",
        "### 4. Server intake: concurrent uploads from a second process "
        f"(target ≥ {targets['pg_uploads_per_s']:.0f}/s on PostgreSQL)",
        "",
        "| server DB | uploads | server processes | clients | per s | p50 ms | p95 ms | p99 ms | errors "
        "| count | server CPU ms/upload (kernel %) | PostgreSQL CPU ms/upload "
        "| load-generator CPU s "
        "| machine busy % | other jobs, cores | CPU check, ms | server rows as expected |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for k in kinds:
        for x in b[k].get("intake", []):
            lines.append(
                f"| {k} | {'replays (control)' if x.get('mode') == 'replay' else 'new'} "
                f"| {x['servers']} | {x['clients']} | {f(x['rps'], 0)} | {f(x['p50_ms'])} "
                f"| {f(x['p95_ms'])} | {f(x['p99_ms'])} | {x['errors']} | {x['created']} "
                f"| {f(x['server_cpu_ms_per_upload'], 2)} ({f(x.get('server_kernel_pct'), 0)}) "
                f"| {f(x['postgres_cpu_ms_per_upload'], 2)} "
                f"| {f(x['client_cpu_s'])} | {f(x['machine_busy_pct'], 0)} "
                f"| {f(x.get('others_cpu_cores'), 2)} | {f(x.get('cpu_check_ms'))} "
                f"| {'yes' if x['rows_match'] and x['distinct_refs_ok'] else '**NO**'} |"
            )
    pg_rows = [x for x in b.get("postgresql", {}).get("intake", []) if "pg_sessions" in x]
    if pg_rows:
        lines += [
            "",
            "What PostgreSQL's sessions were doing during those runs (pg_stat_activity polled at "
            "20 Hz; average number of sessions in each state):",
            "",
            "| uploads | server processes | clients | active | … waiting for a row lock | idle in transaction "
            "(transaction open, server's Python busy or queued) |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for x in pg_rows:
            ps = x["pg_sessions"]
            lines.append(
                f"| {'replays' if x.get('mode') == 'replay' else 'new'} "
                f"| {x['servers']} | {x['clients']} | {f(ps.get('active', 0.0), 2)} "
                f"| {f(ps.get('lock_wait', 0.0), 2)} | {f(ps.get('idle_in_tx', 0.0), 2)} |"
            )
    if "postgresql" in b and b["postgresql"].get("intake"):
        new = [x for x in b["postgresql"]["intake"] if x.get("mode", "new") == "new"]
        several = [x["rps"] for x in new if x["servers"] > 1] or [0.0]
        best = max(several)
        single = max(x["rps"] for x in new if x["servers"] == 1)
        lines += [
            "",
            f"Target ≥ {targets['pg_uploads_per_s']:.0f} uploads/s on PostgreSQL: one server "
            f"process {f(single, 0)}/s: {met(single >= targets['pg_uploads_per_s'])}; best with "
            f"several processes {f(best, 0)}/s: {met(best >= targets['pg_uploads_per_s'])}.",
        ]
    if any("statements" in b[k] for k in kinds):
        calls = list(next(b[k]["statements"] for k in kinds if "statements" in b[k]))
        lines += [
            "",
            "Work per call on the server (SQL statements executed, BEGIN/COMMIT not counted; "
            "hand-offs from the event loop to the thread pool, anyio.to_thread.run_sync):",
            "",
        ]
        lines += _table(
            [k for k in kinds if "statements" in b[k]],
            label,
            [(c, lambda x, c=c: f"{x['statements'][c]['statements']} statements, "
                                f"{x['statements'][c].get('thread_hops', '?')} thread-pool hop(s) "
                                f"(HTTP {x['statements'][c]['status']})") for c in calls],
            b,
        )  # fmt: skip
    for k in kinds:
        p = b[k].get("profile")
        if p and "error" not in p:
            title = (
                f"Profile of the server process ({label[k]}, {p['load']['clients']} clients, "
                f"{f(p['load']['rps'], 0)} uploads/s while sampled; py-spy --gil at "
                f"{p.get('rate_hz', 250)} Hz: the GIL was held {f(p['gil_busy_pct'], 0)} % of "
                "the time)"
            )
            lines += profile_lines(title, p)
        elif p:
            lines += profile_lines(f"Profile ({k})", p)
    return "\n".join(lines)
