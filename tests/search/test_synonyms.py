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


def test_an_expression_that_stop_words_reduce_to_one_word_is_refused():
    """ "pas de courant" is « courant » without its stop words, and « courant » stems like
    « cour »: the rule fired on "cour arrière" and "cour municipale". Reported, left out; the
    rest of the line still works."""
    syn = parse_synonyms("pas de courant, manque de courant => panne de courant\n")
    assert len(syn.errors) == 1 and "« pas de courant » → « courant »" in syn.errors[0]
    assert syn.match(stems("cour arrière"), 0) == (0, ())
    assert syn.match(stems("manque de courant"), 0)[0] == 2
    # A one-word expression and a multi-word one that keeps two words are not concerned.
    assert parse_synonyms("frette => froid\nbac bleu => recyclage\n").errors == []


def test_hostile_lines_are_reported_never_fatal():
    """An editor's file with a NUL, a lone surrogate, only stop words or a huge line."""
    text = "\x00 de la => x\n\ud800 pas => y\nle la => z\n" + "a, " * 100_000 + "b => c\n"
    syn = parse_synonyms(text + "vidanges => ordures\n")
    assert len(syn.errors) == 4
    assert syn.match(stems("vidanges"), 0)[0] == 1
