import datetime as dt
from pathlib import Path

import pytest

from pac_sac_desktop.core.errors import ArticleRejected
from pac_sac_desktop.core.kb import parse_article, read_article_file

GOOD = """---
id: collecte-ordures
title: Collecte des ordures
service: Environnement
tags: [ordures, déchets]
updated: 2026-10-14
expires: 2026-12-31
urgent: true
summary: Jours de collecte.
---
## À dire au citoyen
Le lundi.
"""


def test_parses_every_front_matter_field():
    a = parse_article(GOOD, "x.md")
    assert a.id == "collecte-ordures"
    assert a.title == "Collecte des ordures"
    assert a.service == "Environnement"
    assert a.tags == ("ordures", "déchets")
    assert a.updated == dt.date(2026, 10, 14)
    assert a.expires == dt.date(2026, 12, 31)
    assert a.urgent is True
    assert a.summary == "Jours de collecte."
    assert a.body.startswith("## À dire au citoyen")


def test_defaults_when_optional_fields_are_missing():
    a = parse_article("---\nid: a1\ntitle: T\n---\nCorps", "x.md")
    assert a.service == "Service aux citoyens (311)"
    assert a.tags == () and a.updated is None and a.expires is None and a.urgent is False


def test_expiry_and_urgency_depend_on_the_day():
    a = parse_article(GOOD, "x.md")
    assert not a.is_expired(dt.date(2026, 12, 31))
    assert a.is_expired(dt.date(2027, 1, 1))
    assert a.is_current_urgent(dt.date(2026, 11, 23))
    assert not a.is_current_urgent(dt.date(2027, 1, 1))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Pas d'en-tête\n", "en-tête YAML absent"),
        ("---\nid: a\n---\ncorps", "titre manquant"),
        ("---\ntitle: Sans id\n---\ncorps", "champ « id » manquant"),
        ("---\nid: a\ntitle: T\nupdated: 2026-13-45\n---\n", "date « updated » invalide"),
        ("---\nid: a\ntitle: T\nexpires: demain\n---\n", "date « expires » invalide"),
        ("---\nid: A B\ntitle: T\n---\n", "identifiant « A B » invalide"),
        ("---\nid: a\ntitle: [T\n---\n", "en-tête YAML illisible"),
        ("---\nid: a\ntitle: T\nurgent: peut-être\n---\n", "« urgent » doit valoir true ou false"),
    ],
)
def test_bad_articles_are_rejected_with_a_french_reason(text, reason):
    with pytest.raises(ArticleRejected) as info:
        parse_article(text, "dossier/x.md")
    assert reason in info.value.reason
    assert info.value.path == "dossier/x.md"


def test_a_file_that_is_not_utf8_is_rejected(tmp_path: Path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\nid: a\ntitle: Été\n---\n".encode("latin-1"))
    with pytest.raises(ArticleRejected, match="UTF-8"):
        read_article_file(path)


def test_content_hash_changes_only_with_content():
    a = parse_article(GOOD, "x.md")
    b = parse_article(GOOD, "y.md")
    c = parse_article(GOOD.replace("Le lundi.", "Le mardi."), "x.md")
    assert a.content_hash() == b.content_hash() != c.content_hash()


def _with_body(body: str):
    return parse_article(GOOD.split("## À dire au citoyen")[0] + body)


def test_the_citizens_own_words_are_read_from_their_section():
    article = _with_body(
        "## À dire au citoyen\nLe lundi.\n\n"
        "## Ce que disent les citoyens\n"
        "- « Le camion a pas passé chez nous ce matin »\n"
        '* "Mes vidanges sont encore au chemin"\n'
        "-    \n"  # an empty bullet
        "Une ligne sans puce n'est pas une formulation.\n"
        "## Voir aussi\n- [Écocentre](kb:ecocentre)\n"
    )
    assert article.citizen_phrasings() == (
        "Le camion a pas passé chez nous ce matin",
        "Mes vidanges sont encore au chemin",
    )


def test_without_the_section_or_with_a_hostile_one_the_phrasings_stay_bounded():
    assert _with_body("## À dire au citoyen\nLe lundi.\n- une puce ailleurs\n").citizen_phrasings() == ()
    # Another heading level, upper case, a colon: still the section.
    assert _with_body("### CE QUE DISENT LES CITOYENS :\n- « oui »\n").citizen_phrasings() == ("oui",)
    pasted = "## Ce que disent les citoyens\n" + "".join(
        f"- {'mot ' * 200}{i}\n" for i in range(50)
    )
    phrasings = _with_body(pasted).citizen_phrasings()
    assert len(phrasings) == 12 and all(len(p) <= 300 for p in phrasings)
