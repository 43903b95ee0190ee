"""Authoring against a real server process: the editor's workstation syncs with its role,
publishes drafts (offline conflicts kept side by side), notices reach another workstation and
leave by themselves, agents' feedback and searches reach the editors."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

import pytest
import requests

from pac_sac_desktop.cli import main as cli_main
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.kb import Article, parse_article
from pac_sac_desktop.core.kb_usage import SearchEvent
from pac_sac_desktop.services.workstation import Workstation


@pytest.fixture()
def editor_ws(tmp_path, server, monkeypatch):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    ws = Workstation(tmp_path / "poste-redaction")
    ws.login(server.url, "editeur", "editeur-demo-2026")
    yield ws
    ws.close()


def notice(article_id: str, ends: dt.datetime) -> Article:
    return replace(
        parse_article(
            f'---\nid: {article_id}\ntitle: "Avis d\'ébullition préventive : rue des Lilas"\n'
            "service: Environnement\ntags: [eau, ébullition, avis]\nurgent: true\n---\n"
            "## À dire au citoyen\nFaire bouillir l'eau une minute avant de la boire.\n"
        ),
        expires_at=ends,
    )


def test_an_editor_workstation_syncs_the_feeds_its_role_may_read(editor_ws, monkeypatch, capsys):
    report = editor_ws.sync_once()
    assert editor_ws.kb.count() >= 150 and report.categories > 0
    editor_ws.close()
    monkeypatch.setenv("PAC_SAC_HOME", str(editor_ws.home))
    assert cli_main(["sync", "--once"]) == 0  # the repro: never "Votre rôle ne permet…"
    assert "Synchronisation terminée" in capsys.readouterr().out


def test_a_notice_published_by_an_editor_reaches_another_workstation_then_leaves(
    editor_ws, workstation
):
    editor_ws.sync_once()
    workstation.sync_once()
    ends = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=6)
    t0 = time.monotonic()
    editor_ws.authoring.save_draft(notice("avis-lilas", ends))
    editor_ws.authoring.publish("avis-lilas")
    pushed = editor_ws.sync_once()
    t_server = time.monotonic() - t0
    assert pushed.drafts_sent == 1 and editor_ws.authoring.draft("avis-lilas") is None
    t1 = time.monotonic()
    workstation.sync_once()
    t_pass = time.monotonic() - t1
    assert "avis-lilas" in [a.id for a in workstation.kb.urgent_notices()]
    print(f"\npublish→server {t_server:.2f} s; one agent pass {t_pass:.2f} s")
    # its end comes: it leaves the notices in force with no sync, shown as lifted instead
    time.sleep(max(0.0, (ends - dt.datetime.now(dt.UTC)).total_seconds()) + 0.2)
    assert "avis-lilas" not in [a.id for a in workstation.kb.urgent_notices()]
    lifted = workstation.kb.lifted_notices()
    assert lifted[0].id == "avis-lilas"
    top = workstation.kb.lookup("ébullition rue des Lilas", limit=3)
    assert top.lifted_top is not None and top.lifted_top.id == "avis-lilas"


def test_an_offline_draft_meets_a_newer_version_and_nothing_is_overwritten(
    editor_ws, server, tmp_path
):
    editor_ws.sync_once()
    base = editor_ws.kb.article("ecocentre-horaire-depot") or next(
        iter(editor_ws.kb.recently_updated(1))
    )
    version = editor_ws.kb.server_version(base.id)
    assert version >= 1
    mine = replace(base, body=base.body + "\n\nFermé le 25 décembre.")
    editor_ws.authoring.save_draft(mine)  # offline: no sync yet
    colleague = server.token("editeur", "editeur-demo-2026")
    theirs = {
        "title": base.title,
        "service": base.service,
        "body": base.body + "\n\nHoraire d'hiver.",
        "tags": list(base.tags),
        "categories": list(base.categories),
        "base_version": version,
    }
    r = requests.put(
        f"{server.url}/api/v1/kb/articles/{base.id}", json=theirs, headers=colleague, timeout=10
    )
    assert r.status_code == 200, r.text
    editor_ws.authoring.publish(base.id)
    report = editor_ws.sync_once()
    assert report.drafts_refused == 1
    draft = editor_ws.authoring.draft(base.id)
    assert draft.state == "conflict" and draft.article.body == mine.body
    assert draft.server_copy is not None and "Horaire d'hiver" in draft.server_copy.body
    assert draft.server_version == version + 1
    assert "Horaire d'hiver" in editor_ws.kb.article(base.id).body  # the published one arrived
    with pytest.raises(ValidationFailed):
        editor_ws.authoring.publish(base.id)  # not before the editor chose
    editor_ws.authoring.keep_mine(base.id)
    editor_ws.authoring.publish(base.id)
    assert editor_ws.sync_once().drafts_sent == 1
    history = editor_ws.authoring.history(base.id)
    assert [v["author"] for v in history[-2:]] == ["editeur", "editeur"]
    assert "25 décembre" in history[-1]["article"]["body"]
    assert "Horaire d'hiver" in history[-2]["article"]["body"]
    lines = editor_ws.authoring.diff(base.id, history[-2]["version"], history[-1]["version"])
    assert any(x.op == "+" and "25 décembre" in x.text for x in lines)


def test_feedback_and_searches_from_the_front_line_reach_the_editors(editor_ws, workstation):
    workstation.sync_once()
    article = workstation.kb.recently_updated(1)[0]
    workstation.usage.give_feedback(article.id, "fix", "Le tarif a changé en 2026.", version=1)
    workstation.usage.give_feedback(article.id, "useful")
    now = dt.datetime.now(dt.UTC)
    workstation.usage.record_search(SearchEvent("compost gratuit", 0, None, now))
    workstation.usage.record_search(SearchEvent("écocentre", 3, article.id, now))
    report = workstation.sync_once()
    assert report.feedback_sent == 2 and report.searches_sent == 2
    assert workstation.usage.pending_feedback() == []
    queue = editor_ws.authoring.corrections()
    assert any(q["comment"] == "Le tarif a changé en 2026." for q in queue)
    today = dt.date.today()
    gaps = editor_ws.authoring.gaps(today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    assert {"query": "compost gratuit", "count": 1} in gaps["no_result"]
    assert any(m["id"] == article.id for m in gaps["most_used"])


def test_the_publishing_workflow_draft_scheduled_published_expired(editor_ws, workstation):
    """The whole life of a notice, seen from the editor's and from an agent's workstation."""
    editor_ws.sync_once()
    workstation.sync_once()
    now = dt.datetime.now(dt.UTC)
    article = replace(
        notice("avis-cycle", now + dt.timedelta(seconds=8)),
        publish_at=now + dt.timedelta(seconds=3),
    )
    editor_ws.authoring.save_draft(article)
    assert editor_ws.authoring.status("avis-cycle") == "draft"
    editor_ws.authoring.publish("avis-cycle")
    assert editor_ws.authoring.status("avis-cycle") == "scheduled"
    assert editor_ws.sync_once().drafts_sent == 1  # now waiting on the server
    assert [s["id"] for s in editor_ws.authoring.scheduled()] == ["avis-cycle"]
    workstation.sync_once()
    assert workstation.kb.article("avis-cycle") is None  # nobody sees it before its time
    time.sleep(max(0.0, (article.publish_at - dt.datetime.now(dt.UTC)).total_seconds()) + 0.2)
    workstation.sync_once()  # the first feed read after its time publishes it
    assert "avis-cycle" in [a.id for a in workstation.kb.urgent_notices()]
    editor_ws.sync_once()
    assert editor_ws.authoring.status("avis-cycle") == "published"
    time.sleep(max(0.0, (article.expires_at - dt.datetime.now(dt.UTC)).total_seconds()) + 0.2)
    assert editor_ws.authoring.status("avis-cycle") == "expired"
    assert "avis-cycle" not in [a.id for a in workstation.kb.urgent_notices()]
    assert editor_ws.authoring.history("avis-cycle")[0]["author"] == "editeur"
