"""Authoring fields, lifted notices, review dates, the consistency check, usage events."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pac_sac_desktop.core.consistency import check_all, check_article, stated_delays
from pac_sac_desktop.core.errors import ArticleRejected, ValidationFailed
from pac_sac_desktop.core.kb import (
    article_from_wire,
    article_to_markdown,
    article_to_wire,
    find_article_files,
    parse_article,
    read_article_file,
)
from pac_sac_desktop.core.kb_usage import Feedback, SearchEvent, redact_query
from pac_sac_desktop.core.paths import resources_dir

NOTICE = """---
id: avis-ebullition
title: "Avis d'ébullition préventive : secteur du Plateau"
service: Environnement
tags: [eau, ébullition]
categories: [eau-embouteillee]
updated: 2026-11-27
expires_at: 2026-11-30 18:00
urgent: true
---
Faire bouillir l'eau une minute.
"""


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_new_front_matter_fields_are_parsed_and_round_trip():
    a = parse_article(NOTICE)
    assert a.categories == ("eau-embouteillee",)
    assert a.expires_at == utc(2026, 11, 30, 23, 0)  # 18 h in Montreal
    assert a.expires == dt.date(2026, 11, 30)
    assert article_from_wire(article_to_wire(a)) == a
    assert parse_article(article_to_markdown(a)) == a


def test_a_notice_is_in_force_until_its_end_then_lifted_on_its_day():
    a = parse_article(NOTICE)
    assert a.in_force(utc(2026, 11, 30, 22, 59))
    assert not a.in_force(utc(2026, 11, 30, 23, 0))
    assert a.lifted_on(utc(2026, 12, 4)) == dt.date(2026, 11, 30)
    dated = parse_article(NOTICE.replace("expires_at: 2026-11-30 18:00", "expires: 2026-11-30"))
    assert dated.in_force(utc(2026, 12, 1, 4, 59))  # still 30 November in Quebec
    assert not dated.in_force(utc(2026, 12, 1, 5, 0))
    assert dated.lifted_on(utc(2026, 12, 4)) == dt.date(2026, 11, 30)


def test_sheets_written_before_the_new_fields_keep_their_fingerprint():
    old = parse_article("---\nid: a\ntitle: T\n---\nCorps")
    assert (
        old.content_hash()
        == parse_article("---\nid: a\ntitle: T\ncategories: []\n---\nCorps").content_hash()
    )


def test_review_date_defaults_per_service_and_flags_overdue_sheets():
    a = parse_article("---\nid: a\ntitle: T\nservice: Travaux publics\nupdated: 2026-01-10\n---\nx")
    assert a.review_due() == dt.date(2026, 7, 9)
    assert a.needs_review(dt.date(2026, 12, 4))
    b = parse_article("---\nid: b\ntitle: T\nupdated: 2026-01-10\nreview_by: 2027-01-01\n---\nx")
    assert not b.needs_review(dt.date(2026, 12, 4))


@pytest.mark.parametrize(
    "line", ["categories: [Nid De Poule]", "expires_at: demain", "categories: [{a: 1}]"]
)
def test_bad_authoring_fields_are_refused_in_french(line):
    with pytest.raises(ArticleRejected):
        parse_article(f"---\nid: a\ntitle: T\n{line}\n---\nx")


POTHOLE = """---
id: nid
title: Nid-de-poule
categories: [nid-de-poule]
---
Les délais visés sont :
- **48 heures** sur les artères;
- **5 jours ouvrables** sur les rues résidentielles.

Sortir le bac 12 h avant la collecte.
"""


def test_the_check_flags_a_promise_longer_than_the_category_deadline():
    deadlines = {"nid-de-poule": ("Nid-de-poule", 72)}
    assert [d.hours for d in stated_delays(parse_article(POTHOLE).body)] == [48, 168]
    (finding,) = check_article(parse_article(POTHOLE), deadlines)
    assert finding.category == "nid-de-poule"
    assert "5 jours ouvrables" in finding.message and "72 h" in finding.message
    fixed = POTHOLE.replace("5 jours ouvrables", "72 heures")
    assert check_article(parse_article(fixed), deadlines) == []
    unknown = check_article(parse_article(POTHOLE), {})
    assert "inconnue" in unknown[0].message


def test_the_demo_bank_agrees_with_its_taxonomy():
    root = resources_dir()
    taxonomy = yaml.safe_load((root / "taxonomy.yaml").read_text())
    deadlines = {c["code"]: (c["label"], c["deadline_hours"]) for c in taxonomy["categories"]}
    articles = [read_article_file(p) for p in find_article_files(Path(root / "kb"))]
    assert check_all(articles, deadlines) == []
    pothole = next(a for a in articles if a.id == "nid-de-poule-signaler")
    assert pothole.categories == ("nid-de-poule",)


def test_feedback_and_search_events_are_parsed_once_and_refuse_hostile_input():
    now = utc(2026, 12, 4, 13)
    f = Feedback.new("nid-de-poule-signaler", 3, "fix", "Le délai a changé.", now)
    assert Feedback.from_wire(f.to_wire()) == f
    for bad in (
        {**f.to_wire(), "comment": "a\x00b"},
        {**f.to_wire(), "comment": "\ud800"},
        {**f.to_wire(), "version": float("nan")},
        {**f.to_wire(), "kind": "bof"},
        {**f.to_wire(), "comment": ""},
        [1, 2],
    ):
        with pytest.raises(ValidationFailed):
            Feedback.from_wire(bad)
    e = SearchEvent.from_wire(
        {"query": " Nid de POULE ", "results": 4, "opened": None, "at": now.isoformat()}
    )
    assert e.query == "nid de poule"
    assert redact_query("rappeler 450 555-0199 ou lucie@example.com") == (
        "rappeler [nombre] ou [courriel]"
    )
