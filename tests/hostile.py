"""Hostile JSON for the fuzz tests (issue 6/6): what a broken or malicious client sends.

Shared by the server's fuzz tests and the CLI's. Values a Python client cannot build with
``json.dumps`` (NaN, 1e400, 100,000 nested brackets, a lone surrogate escaped) are ``Raw``
JSON text that ``encode`` writes as is. Bodies come from two places: random JSON of any shape,
and a valid body with one node replaced, removed or added (``mutated``), so that the wrong
type reaches every level of the real validation and not only its first check.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

from hypothesis import Phase, settings
from hypothesis import strategies as st

FUZZ_PHASES = (Phase.explicit, Phase.generate, Phase.target, Phase.shrink)  # no replay database


class Raw(str):
    """JSON text sent as is: a literal ``json.dumps`` refuses or would recurse on."""

    def __repr__(self) -> str:
        return f"Raw({self[:24]!r}…{len(self)})" if len(self) > 40 else f"Raw({str(self)!r})"


class Long(str):
    """A long text whose repr stays short in hypothesis's reports."""

    def __repr__(self) -> str:
        return f"Long({self[:12]!r}…{len(self)})"


DEPTHS = (64, 1_000, 100_000)
RAW = [
    Raw(text)
    for text in (
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "1e-400",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "123456789012345678901234567890123456789",
        "2147483648",
        "-0.0",
        "1.5",
        '"\\ud800"',
        '"\\udfff x"',
        '"a\\u0000b"',
        '"\\u0000"',
    )
]
DEEP = [Raw("[" * d + "]" * d) for d in DEPTHS] + [Raw('{"a":' * d + "1" + "}" * d) for d in DEPTHS]
SPECIAL_TEXT = [
    "",
    " ",
    "\x00",
    "Lucie\x00Gagnon",
    "\ud800",
    "rue \udc00 Principale",
    "\ufffe\uffff",
    "\U0010ffff",
    "\u202e120 rue Principale",
    "'; DROP TABLE requests; --",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    Long("é" * 121),
    Long("x" * 201),
    Long("y" * 2_001),
    Long("z" * 20_001),
    Long("Nid-de-poule " * 20_000),  # 260,000 characters: under the 1 MiB body limit
    "2026-02-30",
    "0001-01-01",
    "9999-12-31T23:59:59+14:00",
    "2026-11-23T10:30",
]
BROKEN = ["\x00", "\ud800", "\udfff", "\ud83d", "\U0010ffff", "\x7f", "\u2028"]


def texts() -> st.SearchStrategy[str]:
    """Text with, often, a NUL byte or a lone surrogate somewhere inside, or a known trap."""
    around = st.text(max_size=12)
    spiked = st.builds(lambda a, bad, b: a + bad + b, around, st.sampled_from(BROKEN), around)
    return st.one_of(st.sampled_from(SPECIAL_TEXT), spiked, st.text(max_size=40))


def numbers() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(),
        st.integers(min_value=2**62, max_value=2**80),
        st.integers(min_value=-(2**80), max_value=-(2**62)),
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from([0, -1, 1, 5, 6, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 10**400]),
    )


def leaves() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        numbers(),
        texts(),
        st.sampled_from(RAW),
        st.sampled_from(DEEP),
    )


# One of each JSON type, hostile or plain: swapped in for a node, the wrong type at that level.
WRONG_TYPES = [
    None,
    True,
    0,
    -1,
    2**64,
    1.5,
    "",
    "texte",
    [],
    ["a", 1],
    {},
    {"a": None},
    Raw("NaN"),
    Raw("1e400"),
    Raw('"\\ud800"'),
    Raw('"\\u0000"'),
]


def wrong_types() -> st.SearchStrategy[Any]:
    return st.sampled_from(WRONG_TYPES)


def keys(known: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    names = st.sampled_from(known) if known else st.nothing()
    return st.one_of(names, texts())


def json_values(known: tuple[str, ...] = ()) -> st.SearchStrategy[Any]:
    """Any JSON, of any shape, with hostile leaves and keys."""
    return st.recursive(
        leaves(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(keys(known), inner, max_size=4),
        ),
        max_leaves=10,
    )


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every node of a JSON document, as the path of keys and indexes that reaches it."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


def _remove(value: Any, path: tuple) -> Any:
    if len(path) == 1:
        if isinstance(value, dict):
            return {k: v for k, v in value.items() if k != path[0]}
        return [v for i, v in enumerate(value) if i != path[0]]
    head = path[0]
    if isinstance(value, dict):
        return {**value, head: _remove(value[head], path[1:])}
    copy = list(value)
    copy[head] = _remove(copy[head], path[1:])
    return copy


@st.composite
def mutated(draw: st.DrawFn, valid: Sequence[Any], known: tuple[str, ...] = ()) -> Any:
    """One of the ``valid`` documents with one node replaced by a hostile value (of any type),
    removed, or with a hostile key added beside it."""
    document = draw(st.sampled_from(valid))
    path = draw(st.sampled_from(_paths(document)))
    action = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
    if action == "remove" and path:
        return _remove(document, path)
    if action == "add":
        target = document
        for step in path:
            target = target[step]
        if isinstance(target, dict):
            extra = {draw(keys(known)): draw(json_values(known))}
            return _replace(document, path, {**target, **extra})
    return _replace(document, path, draw(st.one_of(wrong_types(), json_values(known))))


# The sweep's values: a container for a scalar and back, nothing, what PostgreSQL refuses.
SURROGATE, NUL = Raw('"\\ud800"'), Raw('"a\\u0000b"')
SWEEP = [[], {"a": 1}, None, 2**64, Raw("NaN"), SURROGATE, NUL]


def sweep(documents: Sequence[Any], values: Sequence[Any] = SWEEP) -> list[Any]:
    """Each document with each of its nodes, in turn, replaced by each ``SWEEP`` value: the wrong
    type at every level, deterministically (random bodies rarely hit a deep field's type). Bodies
    that come out the same (the root replaced, say) are sent once."""
    seen: dict[bytes, Any] = {}
    for document in documents:
        for path in _paths(document):
            for value in values:
                body = _replace(document, path, value)
                seen.setdefault(encode(body), body)
    return list(seen.values())


def bodies(valid: Sequence[Any], known: tuple[str, ...] = ()) -> st.SearchStrategy[Any]:
    """What a fuzz test sends: mostly a valid body gone wrong in one place, sometimes anything,
    sometimes bytes that are not UTF-8 at all."""
    return st.one_of(
        mutated(valid, known),
        mutated(valid, known),
        mutated(valid, known),
        json_values(known),
        st.binary(max_size=64).map(lambda b: b"\xff" + b),
    )


def encode(value: Any) -> bytes:
    """The body bytes: strings escaped to ASCII (a lone surrogate travels as ``\\ud800``, as a
    hostile client would send it), ``Raw`` text as is, bytes untouched."""
    if isinstance(value, bytes):
        return value
    return _text(value).encode("ascii")


def _text(value: Any) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        items = (f"{_text(str(k))}:{_text(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_text(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=True, allow_nan=True)


EXAMPLES = int(os.environ.get("PAC_SAC_FUZZ_EXAMPLES", "30"))
COUNTS: dict[str, int] = {}  # examples run per target, printed after the run (tests/conftest.py)


def budget(share: float = 1.0) -> settings:
    """The number of examples of one fuzz target: ``PAC_SAC_FUZZ_EXAMPLES`` (30 by default, so
    that the whole fuzz part stays near two minutes on two cores; raise it for a long run)."""
    return settings(max_examples=max(1, int(EXAMPLES * share)), phases=FUZZ_PHASES)


def counted(target: str) -> None:
    COUNTS[target] = COUNTS.get(target, 0) + 1
