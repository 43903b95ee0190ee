"""Behaviour of the French search on a small corpus written for the purpose."""

import datetime as dt
import time

import pytest

from pac_sac_desktop.core.timefmt import local_today
from pac_sac_desktop.services.knowledge import KnowledgeBase
from tests.conftest import TODAY, write_article


@pytest.fixture()
def kb(home, small_kb_dir, synonyms_file):
    base = KnowledgeBase.open(home, synonyms_path=synonyms_file)
    report = base.import_path(small_kb_dir)
    assert report.ok
    yield base
    base.close()


def top(kb, query, n=3, **kw):
    return [r.hit.id for r in kb.search(query, limit=n, today=TODAY, **kw)]


@pytest.mark.parametrize("query", ["déneigement", "deneigement", "DÉNEIGEMENT", "Deneigement"])
def test_accents_and_case_are_folded(kb, query):
    assert top(kb, query, 1) == ["deneigement-priorites"]


@pytest.mark.parametrize("query", ["nids de poule", "nid-de-poule", "nids-de-poule"])
def test_hyphens_and_plurals(kb, query):
    assert top(kb, query, 1) == ["nids-de-poule"]


def test_apostrophes_are_split(kb):
    assert top(kb, "l'écocentre", 1) == ["ecocentre-horaire"]


@pytest.mark.parametrize("query", ["deneigemnt", "stationnment", "ecocentere", "recylage"])
def test_typos_are_forgiven(kb, query):
    assert top(kb, query, 1)[0] in {
        "deneigement-priorites",
        "stationnement-hiver",
        "ecocentre-horaire",
        "recyclage-bac-bleu",
    }
    assert len(top(kb, query, 1)) == 1


def test_typo_correction_does_not_drown_exact_matches(kb):
    # "bac" is a known word: no correction happens and exact matches lead.
    assert set(top(kb, "bac noir", 1)) == {"collecte-ordures"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("stationnem", "stationnement-hiver"),
        ("collecte des ord", "collecte-ordures"),
        ("écoc", "ecocentre-horaire"),
        ("ecla", "eclairage-rue"),
    ],
)
def test_last_word_is_completed_while_typing(kb, query, expected):
    assert top(kb, query, 1) == [expected]


def test_a_finished_query_does_not_complete_its_last_word(kb):
    assert top(kb, "stationnem ", 3, prefix_last=True) == []
    assert top(kb, "stationnem", 3, prefix_last=False) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vidanges", "collecte-ordures"),
        ("lampadaire", "eclairage-rue"),
        ("lumière de rue", "eclairage-rue"),
        ("char remorqué", "stationnement-hiver"),
        ("garbage", "collecte-ordures"),
        ("dompe", "ecocentre-horaire"),
    ],
)
def test_citizen_words_reach_the_kb_words_through_synonyms(kb, query, expected):
    assert top(kb, query, 1) == [expected]


def test_one_way_rules_do_not_pollute_official_words(kb):
    stems = kb.lookup("ordures ").stems
    assert "vidang" not in stems and "poubel" not in stems


def test_expired_articles_rank_last_and_are_marked(kb):
    results = kb.search("travaux rue principale", limit=5, today=TODAY)
    ids = [r.hit.id for r in results]
    assert ids[-1] == "travaux-rue-principale"
    assert results[-1].hit.expired and not results[0].hit.expired


def test_urgent_current_notices_get_a_boost(kb):
    results = kb.search("eau", limit=5, today=TODAY)
    assert results[0].hit.id == "avis-ebullition" and results[0].hit.urgent


def test_service_filter(kb):
    assert set(top(kb, "bac", 5, service="Environnement")) <= {
        "collecte-ordures",
        "recyclage-bac-bleu",
    }
    assert top(kb, "bac", 5, service="Travaux publics") == []


def test_snippets_highlight_the_matching_words(kb):
    result = kb.search("remorqué", limit=1, today=TODAY)[0]
    assert "**remorqué**" in result.snippet.marked()


def test_full_questions_find_the_answer(kb):
    assert top(kb, "à quelle heure ouvre l'écocentre le samedi?", 1) == ["ecocentre-horaire"]


def test_empty_and_stopword_only_queries_return_nothing(kb):
    assert top(kb, "") == []
    assert top(kb, "   ") == []
    assert top(kb, "de la ", 3) == []


def test_withdrawn_article_disappears_from_search(kb):
    assert kb.withdraw("eclairage-rue")
    assert "eclairage-rue" not in top(kb, "éclairage", 5)


def test_corrections_are_reported_so_the_agent_sees_them(kb):
    outcome = kb.lookup("deneigemnt", today=TODAY)
    assert outcome.corrected == {"deneigemnt": "deneigement"}
    assert kb.lookup("déneigement", today=TODAY).corrected == {}


@pytest.fixture()
def machine_clock_on_another_day(monkeypatch):
    """The machine's own time zone set where the date is not Quebec's right now (a server or a
    CI runner on UTC is already tomorrow from 19 h in Quebec). One of UTC+14 and UTC−12 always
    differs from Montreal."""
    quebec = local_today()
    for zone in ("Etc/GMT-14", "Etc/GMT+12"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        if dt.date.today() != quebec:
            break
    assert dt.date.today() != quebec
    yield quebec
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("ended_days_ago", [0, 1])
def test_a_notice_is_current_until_the_end_of_its_day_in_quebec_whatever_the_machine_clock(
    kb, tmp_path, machine_clock_on_another_day, ended_days_ago
):
    """Ahead of Quebec, the machine would call tonight's notice expired; behind, it would keep
    yesterday's as current. Each zone the fixture picks fails one of the two on a machine date."""
    last_day = machine_clock_on_another_day - dt.timedelta(days=ended_days_ago)
    folder = tmp_path / "avis"
    folder.mkdir()
    write_article(
        folder,
        "avis-lilas",
        "Avis d'ébullition préventive : rue des Lilas",
        "Faire bouillir l'eau une minute avant de la boire.",
        service="Environnement",
        urgent="true",
        expires=last_day.isoformat(),
    )
    assert kb.import_path(folder).ok
    hits = [r.hit for r in kb.search("ébullition rue des Lilas", limit=10)]
    notice = next(h for h in hits if h.id == "avis-lilas")
    assert notice.expired == (ended_days_ago > 0)


def test_a_current_notice_matched_on_one_word_of_a_long_description_does_not_lead(home, tmp_path):
    """Issue 13: the urgent boost lifted tonight's parking ban, tagged « ce soir », above the
    sheet the citizen describes ("… nulle part où dormir ce soir"). The boost now counts in
    proportion to the words matched; on a notice's own words it is whole."""
    folder = tmp_path / "kb"
    folder.mkdir()
    write_article(
        folder,
        "interdiction-ce-soir",
        "Stationnement interdit ce soir",
        "Chargement de la neige : le stationnement dans la rue est interdit ce soir et cette "
        "nuit, de 23 h à 7 h. Remorquage actif.",
        tags="[ce soir, cette nuit, stationnement]",
        urgent="true",
        updated=TODAY.isoformat(),
        expires=(TODAY + dt.timedelta(days=2)).isoformat(),
    )
    write_article(
        folder,
        "hebergement-urgence",
        "Hébergement d'urgence par grand froid",
        "Par grand froid, à moins trente, une personne sans abri qui n'a nulle part où dormir "
        "est accueillie au refuge.",
        tags="[froid, refuge, sans-abri]",
        updated="2025-01-10",
    )
    base = KnowledgeBase.open(home)
    try:
        assert base.import_path(folder).ok
        # The notice matches 1 word of 6 (« soir », in its title and tags); the sheet 5.
        described = "il fait moins trente et je n'ai nulle part où dormir ce soir"
        assert top(base, described, 2, mode="lexical") == [
            "hebergement-urgence",
            "interdiction-ce-soir",
        ]
        assert top(base, "stationnement ce soir", 1) == ["interdiction-ce-soir"]
    finally:
        base.close()
