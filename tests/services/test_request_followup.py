"""After capture, on the workstation and offline: find a request, follow it, act on it, and the
supervisor's queues. Real SQLite file, real services; the server's part is in tests/e2e."""

import datetime as dt
from dataclasses import replace

import pytest

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store import requests_repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.sync.engine import SyncEngine

NOW = dt.datetime(2026, 12, 4, 13, 28, tzinfo=dt.UTC)


@pytest.fixture()
def service(home):
    db = Database.in_home(home)
    svc = RequestService(db)
    svc.ensure_taxonomy()
    yield svc
    db.close()


def draft(service, *, nature="complaint", category="collecte-manquee", **citizen):
    person = {"first_name": "Lucie", "last_name": "Gagnon", "phone": "450 555-0199"}
    person.update(citizen)
    return RequestDraft(
        nature=nature,
        category=category,
        channel="phone",
        description="Le bac n'a pas été vidé lundi.",
        citizen=Citizen(**person, contact="phone"),
        location=Location(address="120, rue Principale"),
        answers=sample_answers(service.category(category).questions),
    )


def reference_arrives(service, uuid, reference):
    """What the sync engine does with the server's answer to an upload."""
    answer = {"uuid": uuid, "reference": reference, "status": "received", "events": []}
    with service.db.transaction() as s:
        row = requests_repo.get_request(s, uuid)
        SyncEngine._apply_server_request(s, row, answer)


def test_a_request_is_found_by_number_phone_email_name_and_address(service):
    saved = service.save(draft(service, email="lucie.gagnon@exemple.ca"), user="agent", now=NOW)
    other = service.save(
        draft(service, first_name="Paul", last_name="Roy", phone="819 555-0123"),
        user="agent",
        now=NOW,
    )
    for typed in (
        saved.number,
        saved.number.lower(),
        "(450) 555-0199",
        "4505550199",
        "555-0199",
        "LUCIE.GAGNON@exemple.ca",
        "gagnon",
        "Gagn",
        "lucie gag",
        "Gagnon Lucie",
    ):
        assert [r.uuid for r in service.find(typed)] == [saved.uuid], typed
    assert {r.uuid for r in service.find("120 principale")} == {saved.uuid, other.uuid}
    assert [r.uuid for r in service.find("roy")] == [other.uuid]
    assert service.find("tremblay") == [] and service.find("   ") == []


def test_the_final_reference_finds_it_and_the_provisional_number_stays_an_alias(service):
    saved = service.save(draft(service), user="agent", now=NOW)
    reference_arrives(service, saved.uuid, "2026-000042")
    for typed in ("2026-000042", "2026-42", saved.number, "42"):
        assert saved.uuid in [r.uuid for r in service.find(typed)], typed
    detail = service.detail("2026-000042")
    assert detail.summary.label == "2026-000042"
    assert detail.aliases == [saved.number]
    assert service.detail(saved.number).summary.uuid == saved.uuid
    assert detail.summary.sync_state == "sent" and detail.summary.status == "received"


def test_mine_and_this_station(service):
    mine = service.save(draft(service), user="agent", now=NOW)
    theirs = service.save(draft(service, phone="819 555-0100"), user="autre", now=NOW)
    assert [r.uuid for r in service.mine("agent")] == [mine.uuid]
    assert {r.uuid for r in service.station()} == {mine.uuid, theirs.uuid}


def test_a_complaint_waits_in_first_followup_until_a_followup_is_logged(service):
    saved = service.save(draft(service), user="agent", now=NOW)
    request = service.save(
        draft(service, nature="request", phone="819 555-0100"), user="agent", now=NOW
    )
    page = service.queue("first-followup", now=NOW)
    assert [r.uuid for r in page.rows] == [saved.uuid] and page.total == 1
    assert page.rows[0].followup_due_at == NOW + dt.timedelta(hours=24)
    with pytest.raises(ValidationFailed) as refused:
        service.act(saved.number, "followup", {"text": "Rappel"}, user="agent", role="agent")
    assert refused.value.message == "Cette action est réservée aux superviseurs."
    event = service.act(
        saved.number,
        "followup",
        {"text": "Citoyenne rappelée, collecte reprise demain.", "outcome": "reached"},
        user="superviseur",
        role="supervisor",
        now=NOW + dt.timedelta(hours=3),
    )
    assert service.queue("first-followup", now=NOW).total == 0
    detail = service.detail(saved.uuid)
    assert detail.summary.first_followup_at == NOW + dt.timedelta(hours=3)
    assert [e.uuid for e in detail.events] == [event.uuid] and not event.synced
    assert "Citoyen joint" in event.summary()
    assert request.uuid in [r.uuid for r in service.queue("unassigned", now=NOW).rows]
    with service.db.reading() as s:
        queued = [o for o in requests_repo.pending_outbox(s) if o.kind == "event"]
    assert [(o.entity_uuid, o.parent_uuid) for o in queued] == [(event.uuid, saved.uuid)]


def test_supervisor_assigns_closes_and_records_satisfaction(service):
    saved = service.save(draft(service), user="agent", now=NOW)
    service.act(saved.number, "assignment", {"to": "Travaux publics"}, user="s", role="supervisor")
    summary = service.detail(saved.number).summary
    assert summary.status == "assigned" and summary.assigned_to == "Travaux publics"
    assert service.queue("unassigned", now=NOW).total == 0
    with pytest.raises(ValidationFailed) as early:
        service.act(saved.number, "satisfaction", {"score": 5}, user="agent", role="agent")
    assert "résolue ou fermée" in early.value.message
    with pytest.raises(ValidationFailed) as empty:
        service.act(saved.number, "close", {"resolution": "  "}, user="s", role="supervisor")
    assert "data.resolution" in empty.value.fields
    service.act(
        saved.number, "close", {"resolution": "Collecte faite le 5."}, user="s", role="supervisor"
    )
    service.act(
        saved.number,
        "satisfaction",
        {"score": 4, "comment": "Merci, c'est réglé."},
        user="agent",
        role="agent",
    )
    detail = service.detail(saved.number)
    assert detail.summary.status == "closed" and detail.state.satisfaction == 4
    assert detail.state.resolution == "Collecte faite le 5."
    assert [str(e.kind) for e in detail.events] == ["assignment", "close", "satisfaction"]
    with pytest.raises(ValidationFailed):
        service.act(saved.number, "close", {"resolution": "encore"}, user="s", role="supervisor")


def test_agents_annotate_their_own_requests_only(service):
    mine = service.save(draft(service), user="agent", now=NOW)
    theirs = service.save(draft(service, phone="819 555-0100"), user="autre", now=NOW)
    service.act(mine.number, "note", {"text": "Rappeler après 17 h."}, user="agent", role="agent")
    with pytest.raises(ValidationFailed) as refused:
        service.act(theirs.number, "note", {"text": "x"}, user="agent", role="agent")
    assert "propres requêtes" in refused.value.message
    with pytest.raises(ValidationFailed) as editor:
        service.act(mine.number, "note", {"text": "x"}, user="e", role="editor")
    assert "rôle" in editor.value.message
    with pytest.raises(ValidationFailed) as offline:
        service.act(mine.number, "note", {"text": "x"}, user="local", role=None)
    assert "Connectez-vous" in offline.value.message


def test_merge_into_another_request_and_undo(service):
    first = service.save(draft(service, nature="request", category="nid-de-poule"), user="a")
    second = service.save(
        draft(service, nature="request", category="nid-de-poule", phone="819 555-0100"), user="a"
    )
    service.act(second.number, "assignment", {"to": "Voirie"}, user="s", role="supervisor")
    service.act(second.number, "merge", {"into": first.number}, user="s", role="supervisor")
    merged = service.detail(second.number)
    assert merged.state.merged_into == first.uuid and merged.summary.status == "closed"
    assert f"Fusionnée dans {first.number}" in merged.events[-1].summary()
    with pytest.raises(ValidationFailed):
        service.act(second.number, "merge", {"into": first.number}, user="s", role="supervisor")
    with pytest.raises(ValidationFailed) as itself:
        service.act(first.number, "merge", {"into": first.number}, user="s", role="supervisor")
    assert "data.into" in itself.value.fields
    service.act(second.number, "unmerge", {}, user="s", role="supervisor")
    restored = service.detail(second.number)
    assert restored.state.merged_into is None and restored.summary.status == "assigned"


def test_meeting_queue_holds_repeat_complaints_until_the_meeting_is_held(service):
    service.save(draft(service), user="agent", now=NOW - dt.timedelta(days=3))
    second = service.save(draft(service), user="agent", now=NOW)
    assert "meeting_required" in second.flags
    assert [r.uuid for r in service.queue("meeting", now=NOW).rows] == [second.uuid]
    with pytest.raises(ValidationFailed) as no_date:
        service.act(second.number, "meeting", {"status": "planned"}, user="s", role="supervisor")
    assert "data.date" in no_date.value.fields
    service.act(
        second.number,
        "meeting",
        {"status": "planned", "date": "2026-12-10T18:30", "councillor": "Mme Hélène Tremblay"},
        user="s",
        role="supervisor",
    )
    assert service.queue("meeting", now=NOW).rows[0].meeting == "planned"
    service.act(
        second.number,
        "meeting",
        {"status": "held", "date": "2026-12-10T18:30", "outcome": "Collecte ajoutée au trajet."},
        user="s",
        role="supervisor",
    )
    assert service.queue("meeting", now=NOW).total == 0
    detail = service.detail(second.number)
    assert "10 décembre 2026 à 18 h 30" in detail.events[-1].summary()


def test_overdue_follows_the_category_deadline_and_filters_apply(service):
    old = service.save(
        draft(service, nature="request", category="nid-de-poule"),
        user="a",
        now=NOW - dt.timedelta(days=4),
    )
    fresh = service.save(
        draft(service, nature="request", category="nid-de-poule", phone="819 555-0100"),
        user="a",
        now=NOW,
    )
    overdue = service.queue("overdue", now=NOW)
    assert [r.uuid for r in overdue.rows] == [old.uuid]
    department = overdue.rows[0].department
    assert department == "Travaux publics" and department in service.departments()
    assert service.queue("overdue", now=NOW, department="Loisirs").total == 0
    district = overdue.rows[0].district
    assert district is not None and overdue.rows[0].district_name
    assert service.queue("overdue", now=NOW, district=district).total == 1
    counts = service.queue_counts(now=NOW)
    assert counts["overdue"] == 1 and counts["unassigned"] == 2 and counts["blocked"] == 0
    page = service.queue("unassigned", now=NOW, sort="created", descending=True, limit=1)
    assert [r.uuid for r in page.rows] == [fresh.uuid] and page.total == 2
    with pytest.raises(ValidationFailed):
        service.queue("inconnue", now=NOW)


def test_the_form_learns_of_an_open_request_on_the_same_subject_whatever_the_nature(service):
    first = service.save(draft(service, nature="request"), user="agent", now=NOW)
    information = replace(draft(service), nature="information", description="")
    assessment = service.assess(information, now=NOW)
    assert [p.uuid for p in assessment.open_same_subject] == [first.uuid]
    assert assessment.repeats == []  # it becomes a repeat complaint only when recorded as one
    other_subject = replace(information, category="nid-de-poule")
    assert service.assess(other_subject, now=NOW).open_same_subject == []


def test_a_refused_upload_waits_in_blocked_until_it_is_sent_again(service):
    saved = service.save(draft(service), user="agent", now=NOW)
    with service.db.transaction() as s:
        item = requests_repo.pending_outbox(s)[0]
        requests_repo.block(s, item.id, "Catégorie inconnue du serveur.", conflict=False)
    blocked = service.queue("blocked", now=NOW)
    assert [r.uuid for r in blocked.rows] == [saved.uuid]
    assert blocked.rows[0].sync_error.startswith("Catégorie inconnue")
    assert service.waiting() == 0
    assert service.resend(saved.number) == 1
    assert service.queue("blocked", now=NOW).total == 0 and service.waiting() == 1
    with pytest.raises(ValidationFailed):
        service.resend(saved.number)


def test_a_refused_event_shows_its_request_in_blocked(service):
    saved = service.save(draft(service, nature="request"), user="agent", now=NOW)
    event = service.act(saved.number, "note", {"text": "Rappeler."}, user="agent", role="agent")
    with service.db.transaction() as s:
        item = next(o for o in requests_repo.pending_outbox(s) if o.entity_uuid == event.uuid)
        requests_repo.block(s, item.id, "Votre rôle ne permet pas cette action.", conflict=False)
    assert [r.uuid for r in service.queue("blocked", now=NOW).rows] == [saved.uuid]
    assert service.resend(saved.uuid) == 1 and service.waiting() == 2


def test_a_resolved_request_still_gets_its_followup_call_and_is_closed(service):
    saved = service.save(draft(service), user="agent", now=NOW)
    service.act(saved.number, "status", {"status": "resolved"}, user="s", role="supervisor")
    service.act(saved.number, "followup", {"outcome": "reached"}, user="s", role="supervisor")
    service.act(saved.number, "close", {"resolution": "Confirmé."}, user="s", role="supervisor")
    assert service.detail(saved.number).summary.status == "closed"
    with pytest.raises(ValidationFailed):
        service.act(saved.number, "followup", {"outcome": "reached"}, user="s", role="supervisor")
    with pytest.raises(ValidationFailed):
        service.act(saved.number, "assignment", {"to": "Voirie"}, user="s", role="supervisor")
