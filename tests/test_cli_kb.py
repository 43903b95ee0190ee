"""The ``pac-sac kb`` commands, run as real processes the way an editor or a script runs them."""

import json
import os
import subprocess
import sys

from tests.conftest import write_article


def run(home, *args, stdin=None):
    env = dict(os.environ, PAC_SAC_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "pac_sac_desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_import_reports_bad_files_in_french_and_keeps_the_good_ones(home, small_kb_dir):
    (small_kb_dir / "sans-entete.md").write_text("Juste du texte\n", encoding="utf-8")
    (small_kb_dir / "sous-dossier").mkdir()
    (small_kb_dir / "sous-dossier" / "latin1.md").write_bytes(
        "---\nid: z\ntitle: Été\n---\n".encode("latin-1")
    )
    write_article(small_kb_dir / "sous-dossier", "sans-titre", "", "corps")
    write_article(
        small_kb_dir / "sous-dossier", "date-invalide", "T", "corps", updated="2026-02-30"
    )
    proc = run(home, "kb", "import", str(small_kb_dir))
    assert proc.returncode == 1
    assert "sans-entete.md : en-tête YAML absent" in proc.stderr
    assert "latin1.md : fichier non encodé en UTF-8" in proc.stderr
    assert "sans-titre.md : titre manquant" in proc.stderr
    assert "date-invalide.md : date « updated » invalide" in proc.stderr
    assert "10 créé(s)" in proc.stdout and "4 rejeté(s)" in proc.stdout
    found = json.loads(run(home, "kb", "search", "recyclage", "--json").stdout)
    assert found[0]["id"] == "recyclage-bac-bleu"


def test_import_is_idempotent_and_updates_by_id(home, small_kb_dir):
    assert run(home, "kb", "import", str(small_kb_dir)).returncode == 0
    again = run(home, "kb", "import", str(small_kb_dir))
    assert again.returncode == 0 and "0 créé(s), 0 mis à jour, 10 inchangé(s)" in again.stdout
    write_article(
        small_kb_dir,
        "recyclage-bac-bleu",
        "Recyclage : le bac bleu et le styromousse",
        "Le styromousse va à l'écocentre.",
        service="Environnement",
    )
    single = run(home, "kb", "import", str(small_kb_dir / "recyclage-bac-bleu.md"))
    assert "0 créé(s), 1 mis à jour" in single.stdout
    hits = json.loads(run(home, "kb", "search", "styromousse", "--json").stdout)
    assert [h["id"] for h in hits][:1] == ["recyclage-bac-bleu"]
    status = json.loads(run(home, "kb", "status", "--json").stdout)
    assert status["articles"] == 10 and status["kb_seq"] == 11 and status["index_kb_seq"] == 11


def test_search_json_shape_limit_and_service_filter(home, small_kb_dir):
    run(home, "kb", "import", str(small_kb_dir))
    proc = run(home, "kb", "search", "bac", "--limit", "1", "--service", "Environnement", "--json")
    assert proc.returncode == 0
    hits = json.loads(proc.stdout)
    assert len(hits) == 1
    assert set(hits[0]) >= {"id", "title", "service", "score", "snippet"}
    assert hits[0]["service"] == "Environnement"


def test_search_stdin_prints_one_array_per_query_in_order(home, small_kb_dir):
    run(home, "kb", "import", str(small_kb_dir))
    proc = run(
        home,
        "kb",
        "search",
        "--stdin",
        "--json",
        stdin="écocentre\n\nlampadaire zzzz\nnid de poule\n",
    )
    lines = proc.stdout.splitlines()
    assert len(lines) == 4
    first, empty, _, last = (json.loads(x) for x in lines)
    assert first[0]["id"] == "ecocentre-horaire"
    assert empty == []
    assert last[0]["id"] == "nids-de-poule"


def test_import_of_a_missing_folder_fails_clearly(home, tmp_path):
    proc = run(home, "kb", "import", str(tmp_path / "nulle-part"))
    assert proc.returncode == 1
    assert "aucun fichier Markdown" in proc.stderr


def test_drafts_and_notices_from_the_command_line(home, small_kb_dir, tmp_path):
    assert run(home, "kb", "import", str(small_kb_dir)).returncode == 0
    notices = json.loads(run(home, "kb", "urgent", "--json").stdout)
    assert isinstance(notices, list)  # the small bank's notice ended on 30 November
    sheet = tmp_path / "nid.md"
    sheet.write_text(
        "---\nid: nid-test\ntitle: Nid-de-poule\ncategories: [nid-de-poule]\n---\n"
        "Les délais visés sont :\n- **5 jours ouvrables** partout.\n",
        encoding="utf-8",
    )
    proc = run(home, "kb", "draft", str(sheet))
    assert proc.returncode == 0 and "Brouillon « Nid-de-poule »" in proc.stdout
    proc = run(home, "kb", "publish", "nid-test")
    assert proc.returncode == 2 and "rédacteur" in proc.stderr  # not an editor's workstation
    bad = tmp_path / "bad.md"
    bad.write_text("---\nid: Mauvais Id\ntitle: T\n---\nx", encoding="utf-8")
    proc = run(home, "kb", "draft", str(bad))
    assert proc.returncode == 2 and "identifiant" in proc.stderr
