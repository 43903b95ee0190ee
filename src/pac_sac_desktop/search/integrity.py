"""Reading a Whoosh index through, to tell a damaged one from a sound one.

Whoosh keeps no checksums. Random bytes inside a segment are only noticed when a query happens
to read them (a postings block that no longer unpickles, a term dictionary that points outside
the file), so an index can open, count its documents and still fail one search in five. This
module decodes everything a search may touch: every term of every field and its postings, a
block at a time, every document's lengths and stored fields, and checks that the numbers make
sense (document numbers inside the segment, in order; frequencies positive). It is slow on a
big index (seconds at 10,000 articles): for ``pac-sac kb status``, never for a keystroke.
"""

from __future__ import annotations

import logging
import math
from itertools import pairwise
from pathlib import Path

from whoosh import index as windex
from whoosh.matching.wrappers import FilterMatcher

log = logging.getLogger(__name__)


def read_through(directory: Path) -> str | None:
    """What is wrong with the index in ``directory`` (French), or None when all of it reads."""
    try:
        ix = windex.open_dir(str(directory))
    except Exception as exc:
        log.warning("index unreadable: %r", exc)
        return "index illisible (table des segments)"
    try:
        with ix.reader() as reader:
            for leaf, _offset in reader.leaf_readers():
                _check_segment(leaf)
    except Exception as exc:
        log.warning("index damaged: %r", exc)
        return f"index endommagé ({type(exc).__name__})"
    finally:
        ix.close()
    return None


class DamagedSegment(Exception):
    """A segment decoded without error but holds impossible numbers."""


def _check_segment(leaf) -> None:  # type: ignore[no-untyped-def]
    count = leaf.doc_count_all()
    schema = leaf.schema
    for docnum in range(count):
        if not leaf.is_deleted(docnum):
            leaf.stored_fields(docnum)
    for name in schema.names():
        if schema[name].scorable:
            for docnum in range(count):
                leaf.doc_field_length(docnum, name, 0)
    # Every term of every field in one pass over the term table, then looked up again through
    # the hash table (what a search does: damage there fails some words only), then its
    # postings, a block at a time.
    terms = leaf._terms
    for (name, term), info in terms.items():
        if terms.term_info(name, term).doc_frequency() != info.doc_frequency():
            raise DamagedSegment(f"{name}:{term!r}: term table and hash table disagree")
        matcher = terms._codec.postings_reader(
            terms._postfile, info, schema[name].format, term=(name, term)
        )
        ids = _read_postings(matcher)
        if len(ids) != info.doc_frequency():
            raise DamagedSegment(
                f"{name}:{term!r}: {len(ids)} postings, not {info.doc_frequency()}"
            )
        if ids and (ids[0] < 0 or ids[-1] >= count):
            raise DamagedSegment(f"{name}:{term!r}: document number out of the segment")


def _read_postings(matcher) -> list[int]:  # type: ignore[no-untyped-def]
    """Every document number of a term, each block's weights decoded and checked too."""
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    ids: list[int] = []
    while matcher.is_active():
        if hasattr(matcher, "_read_ids"):
            matcher._read_ids()
            matcher._read_weights()
            block = list(matcher._ids[matcher._i :])
            weights = matcher._weights
            if weights is not None and not all(
                w > 0 and math.isfinite(w) for w in weights[matcher._i :]
            ):
                raise DamagedSegment("impossible term frequency")
            matcher._next_block()
        else:
            block = [matcher.id()]
            matcher.next()
        if any(b <= a for a, b in pairwise(block)) or (ids and block and block[0] <= ids[-1]):
            raise DamagedSegment("document numbers out of order")
        ids.extend(block)
    return ids
