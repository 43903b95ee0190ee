"""The command lines as an administrator and an agent use them, against a real server process."""

from __future__ import annotations

import json
import stat
import subprocess
import sys

from tests.e2e.conftest import ServerProcess, fill_answers
from tests.test_cli_kb import run

pac_sac = run  # the same helper as the kb CLI tests: a real `pac-sac` process


def test_server_cli_user_add_and_kb_import(tmp_path, small_kb_dir):
    srv = ServerProcess(tmp_path / "srv")
    srv.cli("init", "--db", srv.db_url)
    out = srv.cli(
        "user",
        "add",
        "marie",
        "--role",
        "supervisor",
        "--password-stdin",
        "--db",
        srv.db_url,
        stdin="un-long-mot-de-passe\n",
    )
    assert "Utilisateur marie créé (supervisor)." in out.stdout
    short = subprocess.run(
        [
            sys.executable,
            "-m",
            "pac_sac_desktop.server.cli",
            "user",
            "add",
            "luc",
            "--role",
            "agent",
            "--password-stdin",
            "--db",
            srv.db_url,
        ],
        input="court\n",
        capture_output=True,
        text=True,
        env=srv.env,
    )
    assert short.returncode == 2 and "au moins 8 caractères" in short.stderr
    first = srv.cli("kb", "import", str(small_kb_dir), "--db", srv.db_url)
    assert "10 créé(s)" in first.stdout
    (small_kb_dir / "collecte-ordures.md").write_text(
        (small_kb_dir / "collecte-ordures.md")
        .read_text(encoding="utf-8")
        .replace("lundi", "mercredi"),
        encoding="utf-8",
    )
    second = srv.cli("kb", "import", str(small_kb_dir), "--db", srv.db_url)
    assert "0 créé(s), 1 nouvelle(s) version(s), 9 inchangé(s)" in second.stdout


def test_agent_cli_login_capture_offline_then_sync(tmp_path):
    srv = ServerProcess(tmp_path / "srv")
    srv.init()
    srv.start()
    home = tmp_path / "poste"
    try:
        login = pac_sac(
            home,
            "login",
            "--server",
            srv.url,
            "--user",
            "agent",
            "--password-stdin",
            stdin="agent-demo-2026\n",
        )
        assert login.returncode == 0, login.stderr
        assert "Connecté à" in login.stdout
        token_file = home / "credentials.json"
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        bad = pac_sac(
            home,
            "login",
            "--server",
            srv.url,
            "--user",
            "agent",
            "--password-stdin",
            stdin="faux\n",
        )
        assert bad.returncode == 2 and "Nom d'utilisateur ou mot de passe incorrect." in bad.stderr
        first = pac_sac(home, "sync", "--once")
        assert first.returncode == 0 and "fiche(s) reçue(s)" in first.stdout
        srv.stop()
        from pac_sac_desktop.services.workstation import Workstation

        ws = Workstation(home)
        answers = fill_answers(ws, "nid-de-poule")
        ws.close()
        draft = {
            "nature": "complaint",
            "category": "nid-de-poule",
            "channel": "phone",
            "citizen": {
                "first_name": "Paul",
                "last_name": "Roy",
                "email": "paul.roy@exemple.ca",
                "contact": "email",
            },
            "location": {"address": "45, rue des Merisiers"},
            "description": "Trou dangereux.",
            "answers": answers,
        }
        added = pac_sac(home, "requests", "add", "--json", "-", stdin=json.dumps(draft))
        assert added.returncode == 0, added.stderr
        saved = json.loads(added.stdout)
        assert saved["number"].startswith("P-") and saved["followup_due_at"]
        offline = pac_sac(home, "sync", "--once", "--retries", "0")
        assert offline.returncode == 3
        assert (
            "injoignable" in offline.stderr and "Rien n'est perdu : 1 élément(s)" in offline.stderr
        )
        srv.start()
        online = pac_sac(home, "sync", "--once")
        assert online.returncode == 0, online.stderr
        listed = json.loads(pac_sac(home, "requests", "list", "--json").stdout)
        mine = [r for r in listed if r["sync_state"] != "remote"]  # not the demo city's
        assert len(mine) == 1 and mine[0]["reference"] and mine[0]["sync_state"] == "sent"
    finally:
        srv.stop()


def test_demo_command_prepares_server_workstation_and_first_sync(tmp_path):
    home = tmp_path / "demo"
    out = pac_sac(home, "demo", "--no-window")
    assert out.returncode == 0, out.stderr
    assert "Poste connecté comme « agent »" in out.stdout
    assert "165 fiche(s) reçue(s)" in out.stdout or "fiche(s) reçue(s)" in out.stdout
    status = json.loads(pac_sac(home, "kb", "status", "--json").stdout)
    assert status["articles"] >= 150
    again = pac_sac(home, "demo", "--no-window")  # a second start reuses the same data
    assert again.returncode == 0 and "0 fiche(s) reçue(s)" in again.stdout
