"""``pac-sac requests`` and ``pac-sac taxonomy`` as a script would use them (no server needed)."""

import json

from tests.test_cli_kb import run


def test_taxonomy_list_json(home):
    proc = run(home, "taxonomy", "list", "--json")
    assert proc.returncode == 0
    categories = json.loads(proc.stdout)
    assert len(categories) >= 50
    pothole = next(c for c in categories if c["code"] == "nid-de-poule")
    assert set(pothole) == {"code", "label", "department", "deadline_hours", "questions"}
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
