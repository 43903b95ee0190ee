"""French text analysis shared by indexing, querying, synonyms and snippets.

Order matters: lowercase, fold accents, drop stop words (folded too), then stem. Folding before
stemming makes "déneigement", "deneigement" and "DÉNEIGEMENT" one term; the stemmer then joins
plurals and inflections ("collectes", "collecté" -> "collect").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stemmer_for_language, stopwords_for_language

# Letters and digits; apostrophes and hyphens split words (l'écocentre, nids-de-poule).
TOKEN_PATTERN = r"[^\W_]+"
_TOKEN_RE = re.compile(TOKEN_PATTERN)

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase and strip accents: 'Écocentre' -> 'ecocentre', 'cœur' -> 'coeur'."""
    text = text.translate(_LIGATURES).lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_word(word: str) -> str:
    return fold(word)


# Words that carry no subject in what agents type: French stop words, question words and
# politeness, and the English function words of anglophone callers.
_EXTRA_STOPS = [
    "est-ce",
    "qu",
    "quoi",
    "comment",
    "quand",
    "pourquoi",
    "combien",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "ou",
    "où",
    "peux",
    "peut",
    "peuvent",
    "pouvez",
    "puis",
    "veux",
    "veut",
    "voudrais",
    "voudrait",
    "aimerais",
    "aimerait",
    "faire",
    "fait",
    "faut",
    "dois",
    "doit",
    "besoin",
    "savoir",
    "sais",
    "connaitre",
    "connaître",
    "bonjour",
    "allo",
    "allô",
    "svp",
    "merci",
    "madame",
    "monsieur",
    "ça",
    "cela",
    "ceci",
    "ici",
    "là",
    "chez",
    "mes",
    "mon",
    "ma",
    "nos",
    "notre",
    "leur",
    "leurs",
    "the",
    "a",
    "an",
    "my",
    "our",
    "your",
    "his",
    "her",
    "its",
    "their",
    "is",
    "are",
    "was",
    "be",
    "been",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "and",
    "or",
    "how",
    "what",
    "where",
    "when",
    "who",
    "why",
    "do",
    "does",
    "did",
    "can",
    "could",
    "i",
    "we",
    "you",
    "it",
    "this",
    "that",
    "there",
    "please",
    "hi",
    "hello",
]

STOP_WORDS: frozenset[str] = frozenset(
    fold(w) for w in (*stopwords_for_language("fr"), *_EXTRA_STOPS)
)

_french_stem = stemmer_for_language("fr")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem a folded word; cached because agents type the same words all day."""
    return _french_stem(word)


class FoldFilter(Filter):
    """Accent folding as a Whoosh filter (same function as queries and synonyms use)."""

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for t in tokens:
            t.text = _fold_word(t.text)
            yield t


def french_analyzer():  # type: ignore[no-untyped-def]
    """Indexing analyzer for scored fields: fold, stop, stem."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=2)
        | StemFilter(stemfn=stem, cachesize=-1)
    )


def surface_analyzer():  # type: ignore[no-untyped-def]
    """Unstemmed folded words: the lexicon behind prefix completion and typo correction."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=2)
    )


def words(text: str) -> list[str]:
    """Folded words of a text, stop words included (synonym patterns may contain them)."""
    return [fold(m.group(0)) for m in _TOKEN_RE.finditer(text)]


def content_words(text: str) -> list[str]:
    """Folded words without stop words or one-letter tokens."""
    return [w for w in words(text) if len(w) >= 2 and w not in STOP_WORDS]


def stems(text: str) -> list[str]:
    """What the index stores for a text: the stems of its content words, in order."""
    return [stem(w) for w in content_words(text)]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for every word of a text; used to highlight snippets."""
    return [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN_RE.finditer(text)]
