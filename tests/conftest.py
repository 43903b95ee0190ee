"""Shared fixtures: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "PAC_SAC_FAST_HASH", "1"
)  # argon2id with small parameters: many accounts per run
os.environ.setdefault("PAC_SAC_NO_KEYRING", "1")  # tests never touch the developer's keyring
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
# Servers started by tests: no year of demo requests at init, no notices or retention worker
# (their own tests turn them on).
os.environ.setdefault("PAC_SAC_DEMO_YEAR", "0")
os.environ.setdefault("PAC_SAC_NOTICES", "off")
os.environ.setdefault("PAC_SAC_RETENTION", "off")  # the retention worker: its own test

# One hypothesis profile for the suite: the same examples on every run (CI reproduces a failure
# seen anywhere), no deadline (two shared cores), no example database left on disk. The fuzz
# tests set their own number of examples (tests/hostile.py, PAC_SAC_FUZZ_EXAMPLES).
settings.register_profile(
    "pac-sac",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # fuzz tests share one server per test, on purpose
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
settings.load_profile(os.environ.get("PAC_SAC_HYPOTHESIS_PROFILE", "pac-sac"))

from pac_sac_desktop.server.scratch_db import scratch_database  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEMO_KB = REPO / "resources" / "kb"
TODAY = dt.date(2026, 11, 23)


PG_ADMIN = os.environ.get("PAC_SAC_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def fresh_pg_database() -> contextlib.AbstractContextManager[str]:
    """A new, empty PostgreSQL database on the local server; dropped afterwards."""
    return scratch_database("pacsac_test", PG_ADMIN)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """One database per test session (per xdist worker), shared by the server tests."""
    with fresh_pg_database() as url:
        yield url


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread(request: pytest.FixtureRequest) -> None:
    """Qt tests run with the app's own collector: no cycle is freed from a worker thread."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        from pac_sac_desktop.ui.gui_thread_gc import collect_on_gui_thread

        collect_on_gui_thread(request.getfixturevalue("qapp"))


# Waits without an explicit timeout: generous, because the suite runs on two shared cores where
# a background index build can take several seconds. A wait ends as soon as its condition holds,
# so this only changes how long a failing test takes to fail.
QT_WAIT_MS = 30_000


@pytest.fixture()
def qtbot(qtbot):  # type: ignore[no-untyped-def]
    """pytest-qt's qtbot whose waitUntil and waitSignal default to ``QT_WAIT_MS``."""
    for name in ("waitUntil", "waitSignal"):
        wait = getattr(qtbot, name)

        def patient(*args, _wait=wait, **kwargs):  # type: ignore[no-untyped-def]
            kwargs.setdefault("timeout", QT_WAIT_MS)
            return _wait(*args, **kwargs)

        setattr(qtbot, name, patient)
    return qtbot


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("PAC_SAC_HOME", str(folder))
    return folder


def write_article(folder: Path, article_id: str, title: str, body: str, **meta: object) -> Path:
    """Write one Markdown article with front matter; ``meta`` values are YAML literals."""
    lines = ["---", f"id: {article_id}", f'title: "{title}"']
    lines += [f"{k}: {v}" for k, v in meta.items()]
    lines += ["---", textwrap.dedent(body).strip(), ""]
    path = folder / f"{article_id}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture()
def small_kb_dir(tmp_path: Path) -> Path:
    """A handful of articles whose words exercise folding, stemming, synonyms and typos."""
    d = tmp_path / "kb"
    d.mkdir()
    write_article(
        d,
        "deneigement-priorites",
        "Déneigement : ordre de priorité des rues",
        "Les artères et les circuits d'autobus sont déneigés en premier. "
        "Les rues résidentielles suivent dans les 24 heures après la fin de la précipitation.",
        service="Travaux publics",
        tags="[déneigement, neige, rues]",
        updated="2026-11-01",
    )
    write_article(
        d,
        "stationnement-hiver",
        "Stationnement de nuit en hiver",
        "Le stationnement sur rue est interdit la nuit de 1 h à 7 h lors des opérations. "
        "Un véhicule remorqué coûte 150 $.",
        service="Sécurité publique et nuisances",
        tags="[stationnement, remorquage]",
        updated="2026-10-20",
    )
    write_article(
        d,
        "collecte-ordures",
        "Collecte des ordures ménagères",
        "Les ordures sont ramassées le lundi dans le secteur Est et le mardi dans le secteur Ouest. "
        "Sortez le bac noir la veille après 19 h.",
        service="Environnement",
        tags="[ordures, déchets, bac noir]",
        updated="2026-09-10",
    )
    write_article(
        d,
        "recyclage-bac-bleu",
        "Recyclage : le bac bleu",
        "Le papier, le carton, les contenants de plastique et de verre vont dans le bac bleu.",
        service="Environnement",
        tags="[recyclage]",
        updated="2026-08-01",
    )
    write_article(
        d,
        "nids-de-poule",
        "Signaler un nid-de-poule",
        "Un nid-de-poule sur la chaussée est réparé en 72 heures ouvrables après le signalement.",
        service="Travaux publics",
        tags="[chaussée, trou]",
        updated="2026-05-01",
    )
    write_article(
        d,
        "eclairage-rue",
        "Éclairage de rue défectueux",
        "Notez le numéro inscrit sur le poteau de l'éclairage de rue avant d'appeler.",
        service="Travaux publics",
        tags="[éclairage]",
        updated="2026-06-01",
    )
    write_article(
        d,
        "ecocentre-horaire",
        "Horaire de l'écocentre",
        "L'écocentre est ouvert du mardi au samedi, de 8 h à 17 h, d'avril à novembre.",
        service="Environnement",
        tags="[écocentre]",
        updated="2025-10-01",
    )
    write_article(
        d,
        "travaux-rue-principale",
        "Travaux sur la rue Principale",
        "Fermeture de la rue Principale pour le remplacement de la conduite d'eau.",
        service="Travaux publics",
        tags="[travaux, fermeture de rue]",
        updated="2026-09-01",
        expires="2026-10-15",
    )
    write_article(
        d,
        "travaux-rue-principale-2",
        "Travaux sur la rue Principale : deuxième phase",
        "Fermeture de la rue Principale pour la deuxième phase des travaux d'eau.",
        service="Travaux publics",
        tags="[travaux, fermeture de rue]",
        updated="2026-09-01",
    )
    write_article(
        d,
        "avis-ebullition",
        "Avis d'ébullition préventive : secteur du Boisé",
        "Faites bouillir l'eau du robinet une minute avant de la boire.",
        service="Eau et égouts",
        tags="[eau potable, ébullition]",
        updated="2026-11-20",
        urgent="true",
        expires="2026-11-30",
    )
    return d


@pytest.fixture()
def synonyms_file(tmp_path: Path) -> Path:
    path = tmp_path / "synonyms.txt"
    path.write_text(
        "# test rules\n"
        "vidanges, poubelle, garbage => ordures\n"
        "lampadaire, lumière de rue, streetlight => éclairage de rue\n"
        "char, auto, car => véhicule\n"
        "bac bleu, recyclage\n"
        "dompe, dump => écocentre\n",
        encoding="utf-8",
    )
    return path


def pytest_terminal_summary(terminalreporter):
    """Print the relevance figures (recall@3 per kind, MRR@10) after every run."""
    from tests.search import test_relevance

    for text in test_relevance.REPORT:
        terminalreporter.write_sep("-", "search relevance")
        terminalreporter.write_line(text)
    from tests import hostile

    if hostile.COUNTS:  # examples per fuzz target (in this process: run without -n to see all)
        terminalreporter.write_sep("-", "fuzz examples")
        for target, count in sorted(hostile.COUNTS.items()):
            terminalreporter.write_line(f"{count:6d}  {target}")
