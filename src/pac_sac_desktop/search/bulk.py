"""Writing many articles into a Whoosh segment at once, without Whoosh's per-posting machinery.

Profiled on 3,000 synthetic articles (docs/search.md, "Index build"), Whoosh's own
``add_document`` + ``commit`` spent its time in three places: its analyzer chain (generators and
token objects per word), pickling every posting into an external sort then merging the runs
back, and writing postings one Python call at a time while looking each document's length up
again. Here the same analysis (same tokenizer, folding, stop words and stemmer, so queries and
incremental updates agree) runs through one dictionary per distinct word form, postings are
gathered in memory per term, already in document order, and written a block of 128 at a time
through the codec's own block writer. The files are Whoosh's: readers, merges, deletions and
``update_document`` work on them unchanged.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import NO_MERGE

from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.search.analysis import _TOKEN_RE, STOP_WORDS, fold, stem

BLOCK = 128  # postings per block: the codec's block limit (W3Codec default)
TEXT_FIELDS = ("head", "text", "words")


class Analysis:
    """Word form -> (surface word, stem), or None for stop words; shared across articles."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, str] | None] = {}

    def terms(self, text: str) -> tuple[list[str], list[str]]:
        """Surface words and stems of a text's content words, in order."""
        cache = self._cache
        surface: list[str] = []
        stems: list[str] = []
        for token in _TOKEN_RE.findall(text):
            entry = cache.get(token, False)
            if entry is False:
                word = fold(token)
                entry = None if len(word) < 2 or word in STOP_WORDS else (word, stem(word))
                cache[token] = entry
            if entry is not None:
                surface.append(entry[0])
                stems.append(entry[1])
        return surface, stems


@dataclass
class _Postings:
    docs: array
    freqs: array


def _count(words: Sequence[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def stored_meta(article: Article) -> tuple[str | None, str | None, bool]:
    return (
        article.updated.isoformat() if article.updated else None,
        article.expires.isoformat() if article.expires else None,
        bool(article.urgent),
    )


def write_segment(
    ix,  # type: ignore[no-untyped-def]
    articles: Iterable[Article],
    analysis: Analysis | None = None,
    vocabulary: dict[str, int] | None = None,
) -> int:
    """Add ``articles`` to ``ix`` as one new segment (no merge); returns how many were added.

    ``vocabulary`` (surface word -> number of articles) is increased by this segment's words,
    so the caller has the completion vocabulary without reading it back from the index. The
    new segment is visible to searchers once this returns (``Searcher.refresh()``)."""
    analysis = analysis or Analysis()
    writer = ix.writer()
    try:
        count = _fill(writer, articles, analysis, vocabulary)
        if count:
            writer.docnum = count
            writer._added = True
        writer.commit(mergetype=NO_MERGE)
    except BaseException:
        writer.cancel()
        raise
    return count


def _fill(writer, articles: Iterable[Article], analysis: Analysis, vocabulary) -> int:  # type: ignore[no-untyped-def]
    schema = writer.schema
    perdoc = writer.perdocwriter
    postings: dict[str, dict[str, _Postings]] = {f: {} for f in (*TEXT_FIELDS, "id", "service")}
    lengths: dict[str, array] = {f: array("I") for f in TEXT_FIELDS}
    docnum = 0
    for article in articles:
        head_surface, head_stems = analysis.terms(f"{article.title} {' '.join(article.tags)}")
        rest_surface, rest_stems = analysis.terms(f"{article.summary}\n{article.body}")
        per_field = {
            "head": _count(head_stems),
            "text": _count(head_stems + rest_stems),
            "words": _count(head_surface + rest_surface),
            "id": {article.id: 1},
            "service": {article.service: 1},
        }
        for field, counts in per_field.items():
            table = postings[field]
            for term, freq in counts.items():
                p = table.get(term)
                if p is None:
                    p = table[term] = _Postings(array("I"), array("I"))
                p.docs.append(docnum)
                p.freqs.append(freq)
        perdoc.start_doc(docnum)
        # Same calls, same order (sorted field names) as SegmentWriter.add_document.
        for field in ("head", "id", "meta", "service", "text", "title", "words"):
            obj = schema[field]
            if field in TEXT_FIELDS:
                length = len(head_stems) if field == "head" else len(head_stems) + len(rest_stems)
                lengths[field].append(length)
                perdoc.add_field(field, obj, None, length)
            else:
                value = {
                    "id": article.id,
                    "meta": stored_meta(article),
                    "service": article.service,
                    "title": article.title,
                }[field]
                perdoc.add_field(field, obj, value, 0)
        perdoc.finish_doc()
        docnum += 1
    if docnum:
        _write_postings(writer, postings, lengths)
    if vocabulary is not None:
        for word, p in postings["words"].items():
            vocabulary[word] = vocabulary.get(word, 0) + len(p.docs)
    return docnum


def _write_postings(
    writer, postings: dict[str, dict[str, _Postings]], lengths: dict[str, array]
) -> None:  # type: ignore[no-untyped-def]
    schema = writer.schema
    fw = writer.fieldwriter
    # Lengths as the reader will see them (one byte each), for the blocks' length bounds.
    seen = {f: [byte_to_length(length_to_byte(n)) for n in v] for f, v in lengths.items()}
    for field in sorted(postings):
        obj = schema[field]
        boost = float(getattr(obj.format, "field_boost", 1.0))
        has_values = field in TEXT_FIELDS  # Frequency format: a packed frequency per posting
        field_lengths = seen.get(field)
        fw.start_field(field, obj)
        # UTF-8 keeps code point order, so sorting the strings sorts the stored bytes.
        for term in sorted(postings[field]):
            p = postings[field][term]
            fw.start_term(term.encode("utf-8"))
            pw = fw._postwriter
            n = len(p.docs)
            for start in range(0, n, BLOCK):
                ids = p.docs[start : start + BLOCK]
                freqs = p.freqs[start : start + BLOCK]
                pw._ids = ids
                pw._weights = array("f", [f * boost for f in freqs])
                pw._values = [pack_uint(f) for f in freqs] if has_values else []
                pw._maxweight = max(pw._weights)
                if field_lengths is not None:
                    block_lengths = [field_lengths[d] for d in ids]
                    pw._minlength = min((x for x in block_lengths if x), default=None)
                    pw._maxlength = max(block_lengths)
                else:
                    pw._minlength, pw._maxlength = None, 0
                pw._write_block(last=start + BLOCK >= n)
            fw.finish_term()
        fw.finish_field()
