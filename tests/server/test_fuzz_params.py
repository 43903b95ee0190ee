"""Fuzzing every query parameter and every path parameter of the server (issue 6/6, point 4),
on SQLite and PostgreSQL: cursors past 2^63, dates in year 1 or 9999, NUL bytes (``%00``),
bytes that are not UTF-8, 20,000-character values, repeated and unknown parameters. Never a
5xx; after a refused write, the database as it was.

Path parameters are taken from the access table (tests/server/test_access_table.py), which is
itself checked against the OpenAPI schema: a new route is fuzzed without being listed here.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import quote

from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import budget, counted, texts
from tests.server.test_access_table import ALL, PUBLIC, TABLE, USERNAMES
from tests.server.test_fuzz_bodies import ARTICLE, EVENTS, snapshot
from tests.server.test_requests_api import payload

TRAPS = [
    "",
    "0",
    "-1",
    "1",
    "2000",
    "2001",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1" * 5_000,
    "1e3",
    "NaN",
    "inf",
    "0x10",
    "2026-11-01",
    "2026-11-30",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-11-23T10:00:00",
    "2026-11-23T10:00:00Z",
    "2026-11-23T10:00:00+99:00",
    "0001-01-01T00:00:00-05:00",
    "9999-12-31T23:59:59-12:00",
    "open",
    "all",
    "request",
    "phone",
    "nid-de-poule",
    "received,closed",
    "2026-000001",
    "Travaux publics",
]


def values() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(TRAPS), texts(), st.integers().map(str))


def encoded(value: str) -> str:
    """Percent-encoded as a hostile client would: a lone surrogate goes as the bytes CESU-8
    gives it (not valid UTF-8), NUL as %00, '/' and '&' escaped. Cut at 4,000 characters: the
    HTTP client refuses URLs over 64 KiB (and servers, long before that)."""
    return quote(value[:4_000].encode("utf-8", "surrogatepass"), safe="")


def query_string(params: list[tuple[str, str]]) -> str:
    return "&".join(f"{encoded(k)}={encoded(v)}" for k, v in params)


QUERIES = {
    "/api/v1/kb/changes": ("agent", ("since", "limit")),
    "/api/v1/requests/changes": ("superviseur", ("since", "limit")),
    "/api/v1/taxonomy/changes": ("agent", ("since", "limit")),
    "/api/v1/users/changes": ("agent", ("since", "limit")),
    "/api/v1/kb/articles/collecte-ordures/diff": ("agent", ("from", "to")),
    "/api/v1/kb/gaps": ("editeur", ("from", "to")),
    "/api/v1/kb/feedback": ("editeur", ("state",)),
    "/api/v1/reports": (
        "superviseur",
        ("from", "to", "department", "district", "category", "channel", "nature"),
    ),
    "/open311/v2/requests.json": (
        None,
        ("service_request_id", "service_code", "start_date", "end_date", "status"),
    ),
    "/open311/v2/requests.xml": (None, ("service_code", "start_date", "end_date", "status")),
}


def query_target(client, server_db, path: str, headers: dict, names: tuple[str, ...]):
    pairs = st.lists(st.tuples(st.sampled_from(names) | texts(), values()), min_size=1, max_size=6)

    @given(params=pairs)
    @budget()
    def fuzz(params: list[tuple[str, str]]) -> None:
        counted(f"query GET {path} ({server_db.kind})")
        r = client.get(f"{path}?{query_string(params)}", headers=headers)
        assert r.status_code < 500, (path, params, r.status_code, r.text[:500])

    return fuzz


def test_hostile_query_parameters_never_5xx(client, server_db, as_user):
    for path, (user, names) in QUERIES.items():
        headers = as_user(user) if user else {}
        query_target(client, server_db, path, headers, names)()


# Valid bodies for the writes whose path is fuzzed: the path is then what gets refused.
BODIES: dict[tuple[str, str], Any] = {
    ("PUT", "/api/v1/requests/{request_uuid}"): payload(),
    ("PUT", "/api/v1/requests/{request_uuid}/events/{event_uuid}"): EVENTS[3],
    ("PUT", "/api/v1/satisfaction/{request_uuid}/{event_uuid}"): {"score": 5},
    ("PUT", "/api/v1/kb/articles/{article_id}"): {k: v for k, v in ARTICLE.items() if k != "id"},
    ("PUT", "/api/v1/kb/feedback/{feedback_uuid}"): {
        "article_id": "collecte-ordures",
        "kind": "useful",
        "created_at": "2026-11-23T10:00:00-05:00",
    },
}
VALID = {
    "article_id": "collecte-ordures",
    "number": "1",
    "username": "agent",
    "fmt": "json",
    "service_code": "nid-de-poule",
    "service_request_id": "2026-000001",
    "path": "inconnu",
    "token": "x" * 32,
}


def _user(allowed: Any) -> str | None:
    if allowed == PUBLIC:
        return None
    role = "agent" if "agent" in allowed else sorted(allowed & ALL)[0]
    return USERNAMES[role]


def path_target(client, server_db, method: str, template: str, headers: dict):
    names = re.findall(r"{(\w+)}", template)
    body = BODIES.get((method, template))

    @given(name=st.sampled_from(names), value=values())
    @budget(0.5)
    def fuzz(name: str, value: str) -> None:
        counted(f"path {method} {template} ({server_db.kind})")
        filled = {n: VALID.get(n, str(uuid.uuid4())) for n in names}
        filled[name] = value
        url = template.format(**{k: encoded(v) for k, v in filled.items()})
        before = snapshot(server_db) if method != "GET" else None
        r = client.request(method, url, json=body, headers=headers)
        assert r.status_code < 500, (method, url, r.status_code, r.text[:500])
        if before is not None and r.status_code >= 400:
            assert snapshot(server_db) == before, (method, url, r.text[:300])

    return fuzz


def test_hostile_path_parameters_never_5xx_and_refused_writes_write_nothing(
    client, server_db, as_user
):
    for method, template in sorted(t for t in TABLE if "{" in t[1]):
        user = _user(TABLE[(method, template)])
        headers = as_user(user) if user else {}
        path_target(client, server_db, method, template, headers)()
