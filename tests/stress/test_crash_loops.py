"""Crash and network loops (issue 10, point 5), short in the suite, long on demand.

    .venv/bin/pytest tests/stress -m stress                        # the short loops
    PAC_SAC_STRESS=long .venv/bin/pytest tests/stress -m stress -s # 1,000 kills / faults each

``PAC_SAC_STRESS_BACKEND=sqlite|postgresql`` runs every loop's server on that database (by
default the workstation and network loops use PostgreSQL, the production database, and the
server loop SQLite, whose file the killed server was writing). ``PAC_SAC_STRESS_REPORT=path``
appends each loop's figures there as one JSON line.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from tests.stress import loops

LONG = os.environ.get("PAC_SAC_STRESS") == "long"

pytestmark = pytest.mark.stress


def iterations(short: int) -> int:
    return int(os.environ.get("PAC_SAC_STRESS_ITERATIONS", "1000")) if LONG else short


def backend(default: str) -> str:
    return os.environ.get("PAC_SAC_STRESS_BACKEND", default)


def check(figures: loops.Figures) -> None:
    line = json.dumps(asdict(figures), ensure_ascii=False)
    print(line)
    report = os.environ.get("PAC_SAC_STRESS_REPORT")
    if report:
        with Path(report).open("a", encoding="utf-8") as out:
            out.write(line + "\n")
    assert figures.problems == []
    assert figures.acknowledged > 0 and figures.acknowledged_events > 0
    assert (figures.lost, figures.lost_locally, figures.duplicates) == (0, 0, 0)
    assert figures.station_requests == figures.server_requests >= figures.acknowledged


def test_workstation_killed_at_random_while_saving_and_syncing(tmp_path):
    """kill -9 of the workstation anywhere (a save, an upload, a feed page), started again each
    time: every acknowledged request and note on the server exactly once, the file intact."""
    n = iterations(30)
    figures = loops.kill_workstation(n, backend=backend("postgresql"), folder=tmp_path)
    check(figures)
    assert figures.kills == n
    assert figures.kills_in_save > 0 and figures.kills_in_sync > 0


def test_server_killed_during_uploads(tmp_path):
    """kill -9 of the server process while the station uploads, started again each time."""
    n = iterations(6)
    figures = loops.kill_server(n, backend=backend("sqlite"), folder=tmp_path)
    check(figures)
    assert figures.kills == n
    assert figures.failed_syncs > 0  # the kills were seen by the station


def test_faulty_network_delivers_exactly_once_and_skips_no_kb_change(tmp_path):
    """Resets, truncation, garbage, 5xx, stalls and duplicated deliveries between station and
    server while an editor publishes: nothing lost or doubled, every KB version here in order
    (checked after each pass), and recovery by itself once the network is clean."""
    n = iterations(30)
    figures = loops.faulty_network(n, backend=backend("postgresql"), folder=tmp_path)
    check(figures)
    assert sum(v for k, v in figures.faults.items() if k != "clean") >= n
    assert figures.kb_versions_published > 0 and figures.kb_problems == 0
