from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.search.analysis import stems
from pac_sac_desktop.search.synonyms import load_synonyms, parse_synonyms


def test_equivalence_and_one_way_rules():
    syn = parse_synonyms("bac bleu, recyclage\nvidanges => ordures\n")
    q = stems("bac bleu")
    assert syn.match(q, 0) == (2, (tuple(stems("recyclage")),))
    assert syn.match(stems("Vidange"), 0)[1] == (tuple(stems("ordures")),)
    assert syn.match(stems("ordures"), 0) == (0, ())


def test_malformed_lines_are_reported_not_fatal():
    syn = parse_synonyms("seul\n=> rien\nchar => véhicule\n")
    assert len(syn.errors) == 2
    assert syn.size == 1


def test_the_shipped_synonyms_file_parses_cleanly():
    syn = load_synonyms(resources_dir() / "synonyms.txt")
    assert syn.errors == []
    assert syn.size > 150
    for citizen, official in [
        ("vidanges", "ordur"),
        ("lampadaire", "eclairag"),
        ("char", "vehicul"),
    ]:
        length, alternatives = syn.match(stems(citizen), 0)
        assert length and any(official in alt for alt in alternatives), citizen
