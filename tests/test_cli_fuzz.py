"""Fuzzing the CLI's structured inputs (issue 6/6, point 4): ``pac-sac requests add --json``
(a file or standard input) and ``pac-sac kb draft`` (a Markdown file whose front matter is
YAML, hence JSON-like values of any type).

The same hostile bodies as the server's fuzz tests (tests/hostile.py). The promise: a refused
input exits 2 with a French message on stderr and no traceback, and the workstation database is
exactly as it was (row counts of every table); an accepted one reads back. The CLI runs in this
process (``main(argv)``): a subprocess per example would cost a second each.
"""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pac_sac_desktop.cli import main
from pac_sac_desktop.store.db import DB_FILENAME
from tests.hostile import NUL, SURROGATE, Raw, bodies, budget, counted, encode, sweep

DRAFT = {
    "nature": "complaint",
    "category": "collecte-manquee",
    "channel": "counter",
    "citizen": {
        "first_name": "Lucie",
        "last_name": "Gagnon",
        "phone": "450 555-0199",
        "email": "lucie.gagnon@courriel.qc.ca",
        "contact": "sms",
    },
    "location": {"address": "120, rue Principale"},
    "description": "Bac oublié lundi matin.",
    "answers": {
        "type_collecte": "Recyclage (bac bleu)",
        "sorti_avant_7h": "oui",
        "rue_complete": "non",
        "precisions": "Bac bleu au coin de la rue des Érables.",
    },
    "attachments": [],
}
KNOWN = (*DRAFT, "first_name", "last_name", "phone", "address", "postal_code")
# Bytes that stop the reading itself: not UTF-8, not JSON, JSON nested past the recursion limit.
UNREADABLE = [b"\xff\xfe{", b"{pas du json", b"", Raw("[" * 100_000 + "]" * 100_000)]


_READ_ONCE: dict[tuple[str, Path], Any] = {}


@pytest.fixture(autouse=True)
def _static_files_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each in-process command builds a Workstation, which parses the city's street list and
    the synonyms (2-3 s of YAML on a busy machine): the same files, so read them once per run.
    The real readers run, only not again for every example."""
    from pac_sac_desktop.core import streets
    from pac_sac_desktop.services import knowledge

    streets_load = streets.StreetIndex.load.__func__  # type: ignore[attr-defined]
    synonyms_load = knowledge.load_synonyms

    def once(kind: str, path: Path, read: Any) -> Any:
        if (kind, path) not in _READ_ONCE:
            _READ_ONCE[kind, path] = read()
        return _READ_ONCE[kind, path]

    monkeypatch.setattr(
        streets.StreetIndex,
        "load",
        classmethod(lambda cls, path: once("streets", path, lambda: streets_load(cls, path))),
    )
    monkeypatch.setattr(
        knowledge, "load_synonyms", lambda path: once("synonyms", path, lambda: synonyms_load(path))
    )


def counts(home: Path) -> dict[str, int]:
    """Rows of every table of the workstation database (opened read-only, beside the CLI)."""
    with sqlite3.connect(f"file:{home / DB_FILENAME}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(argv)
    finally:
        sys.stdin = old
    return code, capsys.readouterr().err


def check(code: int, err: str, before: dict[str, int], home: Path, what: str) -> None:
    assert code in (0, 2), (what, code, err)
    assert "Traceback" not in err, err
    if code == 2:
        assert err.strip(), f"{what}: exit 2 without a message"
        assert counts(home) == before, f"{what} refused but stored: {err}"


@pytest.fixture()
def workstation(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, err = run(["taxonomy", "list", "--json"], capsys)  # creates the database
    assert code == 0, err
    return home


def add(home: Path, capsys: pytest.CaptureFixture[str], body: Any, *, stdin: bool) -> None:
    data = encode(body)
    before = counts(home)
    if stdin:
        code, err = run(["requests", "add", "--json", "-"], capsys, data.decode("latin-1"))
    else:
        path = home / f"requete-{uuid.uuid4().hex}.json"
        path.write_bytes(data)
        code, err = run(["requests", "add", "--json", str(path)], capsys)
    check(code, err, before, home, "requests add")
    if code == 0:
        listed, _ = run(["requests", "list", "--json"], capsys)
        assert listed == 0


def test_requests_add_hostile_json_exits_2_in_french_and_stores_nothing(workstation, capsys):
    @given(body=bodies([DRAFT], KNOWN) | st.sampled_from(UNREADABLE), stdin=st.booleans())
    @budget()
    def fuzz(body: Any, stdin: bool) -> None:
        counted("cli requests add --json")
        add(workstation, capsys, body, stdin=stdin)

    fuzz()


def test_requests_add_every_node_with_the_wrong_type(workstation, capsys):
    # Four values, not the server's seven: each example opens a workstation (0.1-0.3 s).
    for body in [*sweep([DRAFT], [[], None, SURROGATE, NUL]), *UNREADABLE]:
        counted("cli sweep requests add --json")
        add(workstation, capsys, body, stdin=False)


FRONT = {
    "id": "feuilles-mortes",
    "title": "Collecte des feuilles mortes",
    "service": "Environnement",
    "tags": ["feuilles", "automne"],
    "categories": ["collecte-manquee"],
    "updated": "2026-11-01",
    "expires": "2027-01-15",
    "urgent": False,
    "review_by": "2027-06-01",
}


def _markdown(front: Any) -> bytes:
    """A sheet whose front matter is the hostile document, one ``key: value`` per line (JSON is
    YAML), or the whole document on one line when it is not a mapping."""
    if isinstance(front, dict):
        lines = [f"{encode(str(k)).decode()}: {encode(v).decode()}" for k, v in front.items()]
    else:
        lines = [encode(front).decode()] if not isinstance(front, bytes) else ["\ufffd"]
    body = "Déposez les sacs de papier en bordure de rue la veille de la collecte."
    return ("---\n" + "\n".join(lines) + "\n---\n" + body + "\n").encode("utf-8", "surrogatepass")


def test_kb_draft_hostile_front_matter_exits_2_in_french_and_stores_nothing(workstation, capsys):
    @given(front=bodies([FRONT], tuple(FRONT)))
    @budget(0.5)
    def fuzz(front: Any) -> None:
        counted("cli kb draft (front matter)")
        path = workstation / f"fiche-{uuid.uuid4().hex}.md"
        path.write_bytes(_markdown(front))
        before = counts(workstation)
        code, err = run(["kb", "draft", str(path)], capsys)
        check(code, err, before, workstation, "kb draft")

    fuzz()


def test_the_valid_examples_are_accepted(workstation, capsys):
    """The bodies the fuzz starts from are valid: the refusals above come from what was broken."""
    code, err = run(["requests", "add", "--json", "-"], capsys, json.dumps(DRAFT))
    assert code == 0, err
    path = workstation / "fiche.md"
    path.write_bytes(_markdown(FRONT))
    code, err = run(["kb", "draft", str(path)], capsys)
    assert code == 0, err


# Plain examples of what the fuzz found (each a traceback and exit 1 before its fix).


def test_requests_add_json_nested_100000_deep_exits_2(workstation, capsys):
    before = counts(workstation)
    code, err = run(["requests", "add", "--json", "-"], capsys, "[" * 100_000 + "]" * 100_000)
    assert (code, err.splitlines()[0]) == (2, "JSON illisible.")
    assert "trop imbriqué" in err and counts(workstation) == before


@pytest.mark.parametrize(
    "line", ['tags: ["feuilles", "\\ud800"]', 'title: "Feuilles\\0mortes"', 'summary: "\\udfff"']
)
def test_kb_draft_with_a_surrogate_or_nul_in_its_front_matter_exits_2(workstation, capsys, line):
    path = workstation / "fiche.md"
    text = "---\nid: feuilles-mortes\ntitle: Feuilles mortes\n" + line + "\n---\nCorps.\n"
    path.write_text(text, encoding="utf-8")
    before = counts(workstation)
    code, err = run(["kb", "draft", str(path)], capsys)
    assert code == 2 and "Refusé" in err, err
    assert "caractère nul interdit" in err or "caractère invalide (encodage)" in err, err
    assert counts(workstation) == before
