"""Capturing requests on the workstation: validation, flags, the V.I.P. meeting, durability."""

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import RequestDraft
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store import requests_repo
from pac_sac_desktop.store.db import Database

NOW = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)


@pytest.fixture()
def service(home):
    db = Database.in_home(home)
    svc = RequestService(db)
    assert svc.ensure_taxonomy() > 50
    yield svc
    db.close()


def complaint(**overrides):
    data = {
        "nature": "complaint",
        "category": "collecte-manquee",
        "channel": "phone",
        "citizen": {
            "first_name": "Lucie",
            "last_name": "Gagnon",
            "phone": "450 555-0199",
            "contact": "phone",
        },
        "location": {"address": "120, rue Principale"},
        "description": "Le bac n'a pas été vidé lundi.",
        "answers": {},
    }
    data.update(overrides)
    return RequestDraft.from_wire(data)


def answers_for(service, code):
    return sample_answers(service.category(code).questions)


def test_a_second_complaint_on_the_same_subject_requires_a_meeting_with_the_councillor(service):
    draft = complaint(answers=answers_for(service, "collecte-manquee"))
    first = service.save(draft, user="agent", now=NOW - dt.timedelta(days=20))
    assert first.flags == []
    assessment = service.assess(draft, now=NOW)
    assert [p.uuid for p in assessment.repeats] == [first.uuid]
    assert assessment.district is not None and assessment.district.councillor
    second = service.save(
        replace(draft, citizen=replace(draft.citizen, phone="(450) 555-0199")),
        user="agent",
        now=NOW,
    )
    assert "meeting_required" in second.flags
    with service.db.reading() as s:
        events = [o for o in requests_repo.pending_outbox(s) if o.kind == "event"]
    assert len(events) == 1
    meeting = events[0].payload
    assert meeting["kind"] == "meeting" and events[0].parent_uuid == second.uuid
    assert meeting["data"]["councillor"] == assessment.district.councillor
    assert "2026" in meeting["data"]["reason"] or "P-" in meeting["data"]["reason"]


def test_possible_duplicates_on_the_same_street_segment(service):
    answers = answers_for(service, "nid-de-poule")
    first = service.save(
        complaint(nature="request", category="nid-de-poule", answers=answers), user="agent", now=NOW
    )
    other_citizen = {"first_name": "Paul", "last_name": "Roy", "contact": "none"}
    draft = complaint(
        nature="request",
        category="nid-de-poule",
        citizen=other_citizen,
        location={"address": "130, rue Principale"},
        answers=answers,
    )
    assessment = service.assess(draft, now=NOW)
    assert [p.uuid for p in assessment.duplicates] == [first.uuid]
    assert assessment.history == []
    saved = service.save(draft, user="agent", now=NOW)
    assert saved.flags == ["possible_duplicate"]


def test_invalid_request_is_refused_per_field_and_nothing_is_stored(service):
    with pytest.raises(ValidationFailed) as info:
        service.save(
            complaint(
                citizen={"phone": "555-12", "contact": "phone"},
                channel="pigeon",
                answers=answers_for(service, "collecte-manquee"),
            ),
            user="agent",
        )
    assert set(info.value.fields) == {"citizen.phone", "channel"}
    assert service.list() == [] and service.waiting() == 0


def test_required_answers_of_the_category_are_checked(service):
    category = next(c for c in service.categories() if any(q.required for q in c.questions))
    with pytest.raises(ValidationFailed) as info:
        service.save(
            complaint(category=category.code, nature=category.natures[0]),
            user="agent",
        )
    assert any(k.startswith("answers.") for k in info.value.fields)


def test_a_saved_request_survives_a_kill_the_next_instant(home):
    """Save in a child process, kill -9 it right after save returns: the request is on disk."""
    script = textwrap.dedent(
        f"""
        import json, os, sys
        from pathlib import Path
        from pac_sac_desktop.services.requests import RequestService
        from pac_sac_desktop.store.db import Database
        svc = RequestService(Database.in_home(Path({str(home)!r})))
        svc.ensure_taxonomy()
        from pac_sac_desktop.core.requests import RequestDraft
        draft = RequestDraft.from_wire(json.loads(sys.stdin.readline()))
        saved = svc.save(draft, user="agent")
        print(saved.uuid, flush=True)
        os.kill(os.getpid(), 9)
        """
    )
    db = Database.in_home(home)
    svc = RequestService(db)
    svc.ensure_taxonomy()
    draft = complaint(answers=answers_for(svc, "collecte-manquee"))
    db.close()
    proc = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(draft.to_wire()) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert proc.returncode == -signal.SIGKILL
    uuid = proc.stdout.strip()
    db = Database.in_home(home)
    service = RequestService(db)
    assert [r.uuid for r in service.list()] == [uuid]
    assert service.waiting() == 1
    db.close()
