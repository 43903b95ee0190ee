"""``pac-sac requests`` and ``pac-sac taxonomy`` as a script would use them (no server needed)."""

import json

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.state import set_value
from tests.test_cli_kb import run


def test_taxonomy_list_json(home):
    proc = run(home, "taxonomy", "list", "--json")
    assert proc.returncode == 0
    categories = json.loads(proc.stdout)
    assert len(categories) >= 50
    pothole = next(c for c in categories if c["code"] == "nid-de-poule")
    assert set(pothole) >= {"code", "label", "department", "deadline_hours", "questions", "natures"}
    assert pothole["natures"] == ["request", "complaint"]
    assert pothole["deadline_hours"] == 72 and pothole["department"] == "Travaux publics"


def test_invalid_request_prints_french_errors_per_field_exits_2_and_stores_nothing(home):
    bad = {
        "nature": "complaint",
        "category": "nid-de-poule",
        "channel": "pigeon",
        "citizen": {"phone": "12", "email": "x@", "postal_code": "123"},
        "description": "",
    }
    proc = run(home, "requests", "add", "--json", "-", stdin=json.dumps(bad))
    assert proc.returncode == 2
    for field in (
        "channel",
        "citizen.phone",
        "citizen.email",
        "citizen.postal_code",
        "description",
    ):
        assert f"{field} : " in proc.stderr
    assert json.loads(run(home, "requests", "list", "--json").stdout) == []
    assert run(home, "requests", "add", "--json", "-", stdin="{pas du json").returncode == 2


def test_valid_request_prints_uuid_number_due_date_and_flags(home):
    categories = json.loads(run(home, "taxonomy", "list", "--json").stdout)
    missed = next(c for c in categories if c["code"] == "collecte-manquee")
    answers = {
        q["code"]: (q.get("choices") or ["x"])[0]
        if q["type"] == "choice"
        else {"yes_no": "oui", "number": 1, "date": "2026-11-20"}.get(q["type"], "précision")
        for q in missed["questions"]
        if q.get("required")
    }
    good = {
        "nature": "complaint",
        "category": "collecte-manquee",
        "channel": "counter",
        "citizen": {
            "first_name": "Lucie",
            "last_name": "Gagnon",
            "phone": "450 555-0199",
            "contact": "sms",
        },
        "location": {"address": "120, rue Principale"},
        "description": "Bac oublié.",
        "answers": answers,
    }
    first = json.loads(run(home, "requests", "add", "--json", "-", stdin=json.dumps(good)).stdout)
    assert set(first) >= {"uuid", "number", "due_at", "flags"} and first["flags"] == []
    second = json.loads(run(home, "requests", "add", "--json", "-", stdin=json.dumps(good)).stdout)
    assert "meeting_required" in second["flags"]
    listed = json.loads(run(home, "requests", "list", "--json").stdout)
    assert {r["uuid"] for r in listed} == {first["uuid"], second["uuid"]}
    assert all(r["reference"] is None and r["sync_state"] == "pending" for r in listed)
    assert json.loads(run(home, "requests", "list", "--json", "--status", "closed").stdout) == []


def _capture(home, **overrides):
    categories = json.loads(run(home, "taxonomy", "list", "--json").stdout)
    missed = next(c for c in categories if c["code"] == "collecte-manquee")
    body = {
        "nature": "complaint",
        "category": "collecte-manquee",
        "channel": "phone",
        "citizen": {"first_name": "Réjean", "last_name": "Bouchard", "phone": "819 555-0142"},
        "location": {"address": "45, rue des Merisiers"},
        "description": "Bac de recyclage oublié deux semaines de suite.",
        "answers": sample_answers(missed["questions"]),
        **overrides,
    }
    proc = run(home, "requests", "add", "--json", "-", stdin=json.dumps(body))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _as_role(home, role):
    db = Database.in_home(home)
    with db.transaction() as s:
        set_value(s, "server:role", role)
        set_value(s, "server:user", "superviseur" if role == "supervisor" else "agent")
    db.close()


def test_find_show_queue_and_act_from_the_command_line(home):
    saved = _capture(home)
    found = json.loads(run(home, "requests", "find", "Bouchard", "--json").stdout)
    assert [r["uuid"] for r in found] == [saved["uuid"]]
    assert run(home, "requests", "find", "Tremblay").returncode == 1
    shown = json.loads(run(home, "requests", "show", saved["number"], "--json").stdout)
    assert shown["status"] == "new" and shown["followup_due_at"] and shown["events"] == []
    queue = json.loads(run(home, "requests", "queue", "first-followup", "--json").stdout)
    assert queue["total"] == 1 and queue["rows"][0]["uuid"] == saved["uuid"]

    refused = run(home, "requests", "act", saved["number"], "--close", "Réglé.")
    assert refused.returncode == 2 and "Connectez-vous" in refused.stderr
    _as_role(home, "agent")
    refused = run(home, "requests", "act", saved["number"], "--close", "Réglé.")
    assert refused.returncode == 2 and "réservée aux superviseurs" in refused.stderr

    _as_role(home, "supervisor")
    followup = run(
        home,
        "requests",
        "act",
        saved["number"],
        "--followup",
        "Rappel fait.",
        "--outcome",
        "message",
    )
    assert followup.returncode == 0, followup.stderr
    assert "Message laissé" in json.loads(followup.stdout)["summary"]
    assert (
        json.loads(run(home, "requests", "queue", "first-followup", "--json").stdout)["total"] == 0
    )
    assert (
        run(home, "requests", "act", saved["number"], "--close", "Collecte faite.").returncode == 0
    )
    again = run(home, "requests", "act", saved["number"], "--close", "Encore.")
    assert again.returncode == 2 and "déjà réglée" in again.stderr
    bad_date = run(home, "requests", "act", saved["number"], "--status", "in_progress")
    assert bad_date.returncode == 0
    late = run(home, "requests", "act", saved["number"], "--meeting", "pas une date")
    assert late.returncode == 2 and "data.date" in late.stderr
    text = run(home, "requests", "show", saved["number"]).stdout
    assert "Message laissé" in text and "Fermée : Collecte faite." in text
    assert "(en attente d'envoi)" in text
    unknown = run(home, "requests", "act", "2026-999999", "--note", "x")
    assert unknown.returncode == 2 and "introuvable" in unknown.stderr


def test_hostile_json_exits_2_in_french_and_stores_nothing(home):
    for body in (
        '{"citizen": "Jean"}',
        '{"nature": "complaint", "description": "a\\u0000b"}',
        '{"nature": "complaint", "description": "\\ud800"}',
        '{"location": {"lat": NaN}}',
        '{"location": {"lat": 1e400}}',
        '{"answers": [1, 2]}',
        "[1, 2, 3]",
        '"texte"',
        '{"kb_articles": "pas une liste"}',
        '{"nature": {"deep": {"deeper": [1]}}}',
    ):
        proc = run(home, "requests", "add", "--json", "-", stdin=body)
        assert proc.returncode == 2, (body, proc.stderr)
        assert "Traceback" not in proc.stderr and proc.stderr.strip(), body
    assert json.loads(run(home, "requests", "list", "--json").stdout) == []
