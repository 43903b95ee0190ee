"""Fuzzing every body the server reads (issue 6/6, point 4), on SQLite and PostgreSQL.

Each route gets a valid body gone wrong in one place (a NUL, a lone surrogate, NaN, 1e400, an
integer past 2^63, 260,000 characters, 100,000 nested brackets, the wrong JSON type at any
level), random JSON, and bytes that are not UTF-8, sent by the role that reaches its validation.
The promise: never a 5xx, a refusal in the API's French error shape, and after a refusal the
database exactly as it was (row counts of every table, reference counters and sequences); after
an acceptance, what was stored reads back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from pac_sac_desktop.server import db as dbmod
from tests.hostile import bodies, budget, counted, encode, sweep, texts
from tests.server.conftest import PASSWORDS
from tests.server.test_requests_api import payload

# Tables a refused login writes on purpose (throttle and audit of failures).
LOGIN_AUDIT = frozenset({"login_throttle", "login_failures"})


def snapshot(server_db) -> dict[str, int]:
    """Row counts of every table, the reference counters and (PostgreSQL) the reference
    sequences: a refused body must leave all of them as they were, a burnt number included."""
    tables = [t.name for t in dbmod.metadata().sorted_tables]
    counts = ", ".join(f'(SELECT count(*) FROM "{name}")' for name in tables)
    with server_db.engine.connect() as conn:
        row = conn.execute(text(f"SELECT {counts}")).one()
        state = dict(zip(tables, row, strict=True))
        state["reference_counters.last"] = conn.scalar(
            text("SELECT coalesce(sum(last), 0) FROM reference_counters")
        )
        if server_db.kind == "postgresql":
            for name, last in conn.execute(
                text("SELECT sequencename, last_value FROM pg_sequences")
            ):
                state[f"sequence {name}"] = last
    return state


def assert_refusal_shape(response) -> None:
    """Native API refusals: ``{"error": {"code", "message", "fields"}}``, never FastAPI's
    English ``{"detail": …}``."""
    body = response.json()
    assert set(body) >= {"error"}, response.text
    error = body["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["fields"], dict)


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    path: str  # may hold {uuid}: a new UUID per example
    user: str | None
    valid: list[Any]  # valid bodies (valid for the settled request, for events)
    known: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()  # GETs that must answer 200 after an acceptance
    audit: frozenset[str] = field(default_factory=frozenset)


EVENTS = [
    {**e, "created_at": "2026-11-23T15:00:00+00:00"}
    for e in [
        {"kind": "status", "data": {"status": "in_progress", "text": "Équipe en route"}},
        {"kind": "assignment", "data": {"to": "Travaux publics", "kind": "department"}},
        {"kind": "note", "data": {"text": "Citoyenne rappelée.", "citizen": {"phone": "450"}}},
        {"kind": "caller", "data": {"text": "Un voisin appelle pour le même trou."}},
        {"kind": "followup", "data": {"outcome": "reached", "at": "2026-11-23T10:30"}},
        {
            "kind": "meeting",
            "data": {"status": "planned", "date": "2026-12-08T19:00", "councillor": "Mme Roy"},
        },
        {"kind": "close", "data": {"resolution": "Trou colmaté."}},
        {"kind": "satisfaction", "data": {"score": 4, "comment": "Merci", "source": "phone"}},
        {"kind": "merge", "data": {"into": "2026-000001"}},
        {"kind": "unmerge", "data": {}},
    ]
]

ARTICLE = {
    "id": "feuilles-mortes",
    "title": "Collecte des feuilles mortes",
    "service": "Environnement",
    "tags": ["feuilles", "automne"],
    "categories": ["collecte-manquee"],
    "summary": "Deux collectes en novembre.",
    "body": "Déposez les sacs de papier en bordure de rue la veille de la collecte.",
    "updated": "2026-11-01",
    "expires": "2027-01-15",
    "urgent": False,
    "base_version": 0,
    "force": True,
}
AT = "2026-11-23T10:00:00-05:00"

ROUTES = [
    Route(
        "login",
        "POST",
        "/api/v1/auth/login",
        None,
        [{"username": "agent", "password": PASSWORDS["agent"]}],
        ("username", "password"),
        audit=LOGIN_AUDIT,
    ),
    Route(
        "request",
        "PUT",
        "/api/v1/requests/{uuid}",
        "agent",
        [payload(), payload(nature="complaint", answers={"taille": "Petit"}, attachments=[])],
        ("nature", "category", "channel", "citizen", "location", "answers", "description"),
        reads=("/api/v1/requests/{uuid}", "/api/v1/requests/changes"),
    ),
    Route(
        "event",
        "PUT",
        "/api/v1/requests/{request}/events/{uuid}",
        "superviseur",
        EVENTS,
        ("kind", "data", "created_at", "status", "text", "to", "score", "date", "outcome"),
        reads=("/api/v1/requests/{request}", "/api/v1/requests/changes"),
    ),
    Route(
        "satisfaction",
        "PUT",
        "/api/v1/satisfaction/{request}/{uuid}",
        "agent",
        [{"score": 4, "comment": "Très bon service au comptoir.", "source": "counter"}],
        ("score", "comment", "source"),
        reads=("/api/v1/requests/{request}",),
    ),
    Route(
        "article",
        "PUT",
        "/api/v1/kb/articles/feuilles-mortes",
        "editeur",
        [ARTICLE, {"title": "Feuilles mortes", "publish_at": "2030-01-01 08:00"}],
        (*ARTICLE, "publish_at", "expires_at", "review_by"),
        reads=("/api/v1/kb/articles/feuilles-mortes", "/api/v1/kb/changes"),
    ),
    Route(
        "feedback",
        "PUT",
        "/api/v1/kb/feedback/{uuid}",
        "agent",
        [
            {
                "article_id": "collecte-ordures",
                "version": 1,
                "kind": "fix",
                "comment": "Horaire changé en novembre.",
                "created_at": AT,
            }
        ],
        ("article_id", "version", "kind", "comment", "created_at"),
    ),
    Route(
        "searches",
        "POST",
        "/api/v1/kb/searches",
        "agent",
        [
            {
                "batch": "6f1c1b8e-3f5a-4c1e-9a57-2b8f0f6d2a10",
                "events": [
                    {"query": "bac brisé", "results": 3, "opened": "collecte-ordures", "at": AT}
                ],
            }
        ],
        ("batch", "events", "query", "results", "opened", "at"),
    ),
    Route(
        "user",
        "POST",
        "/api/v1/users",
        "admin",
        [
            {
                "username": "nouvel-agent",
                "password": "mot-de-passe-1",
                "role": "agent",
                "display_name": "Nouvel agent",
            }
        ],
        ("username", "password", "role", "display_name"),
        reads=("/api/v1/users/changes",),
    ),
]


@pytest.fixture()
def settled_request(client, as_user) -> str:
    """A resolved request: events and the clerk's satisfaction reach their deepest checks."""
    key = str(uuid.uuid4())
    agent, sup = as_user("agent"), as_user("superviseur")
    assert client.put(f"/api/v1/requests/{key}", json=payload(), headers=agent).status_code == 201
    body = {"kind": "status", "data": {"status": "resolved"}}
    r = client.put(f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=body, headers=sup)
    assert r.status_code == 201, r.text
    return key


class Sender:
    """Sends one body to one route as its role and checks the promise on the answer."""

    def __init__(self, client, server_db, as_user, route: Route, request_key: str) -> None:
        self.client, self.server_db, self.route, self.request_key = (
            client,
            server_db,
            route,
            request_key,
        )
        self.headers = {"content-type": "application/json"}
        if route.user:
            self.headers |= as_user(route.user)
        reader = {"user": "admin", "article": "editeur"}.get(route.name, "superviseur")
        self.reader = as_user(reader)

    def __call__(self, body: Any, key: uuid.UUID, target: str) -> None:
        counted(f"{target} {self.route.name} ({self.server_db.kind})")
        route = self.route
        path = route.path.format(uuid=key, request=self.request_key)
        before = snapshot(self.server_db)
        r = self.client.request(route.method, path, content=encode(body), headers=self.headers)
        assert r.status_code < 500, (route.name, body, r.status_code, r.text[:500])
        if r.status_code >= 400:
            assert_refusal_shape(r)
            after = snapshot(self.server_db)
            changed = {k for k in before if before[k] != after[k]} - route.audit
            assert not changed, f"{route.name}: {r.status_code} but {changed} changed: {r.text}"
            return
        for read in route.reads:
            url = read.format(uuid=key, request=self.request_key)
            again = self.client.get(url, headers=self.reader)
            assert again.status_code == 200, (read, again.status_code, again.text[:300])


def test_hostile_bodies_never_5xx_and_refusals_write_nothing(
    client, server_db, as_user, settled_request
):
    """Every JSON body of the API, random hostile bodies, in one test per database."""
    for route in ROUTES:
        send = Sender(client, server_db, as_user, route, settled_request)

        @given(body=bodies(route.valid, route.known), key=st.uuids())
        @budget()
        def fuzz(body: Any, key: uuid.UUID) -> None:
            send(body, key, "body")  # noqa: B023 (run at once, inside the loop)

        fuzz()


def test_every_node_of_every_body_with_the_wrong_type(client, server_db, as_user, settled_request):
    """Deterministic sweep: each node of each valid body replaced, in turn, by a list, an
    object, null, 2^64, NaN, a lone surrogate and a NUL."""
    for route in ROUTES:
        send = Sender(client, server_db, as_user, route, settled_request)
        for body in sweep(route.valid):
            send(body, uuid.uuid4(), "sweep")


FORM_FIELDS = (
    "service_code",
    "description",
    "address_string",
    "lat",
    "long",
    "first_name",
    "email",
    "phone",
    "attribute[taille]",
    "media_url",
    "device_id",
    "address_id",
)


def _form(fields: dict[str, str]) -> bytes:
    from urllib.parse import quote

    return "&".join(
        f"{quote(k.encode('utf-8', 'surrogatepass'))}={quote(v.encode('utf-8', 'surrogatepass'))}"
        for k, v in fields.items()
    ).encode()


@given(
    fields=st.dictionaries(st.sampled_from(FORM_FIELDS) | texts(), texts(), max_size=8),
    valid=st.booleans(),
)
@budget()
def test_open311_form_never_5xx_and_refusals_write_nothing(
    client, server_db, as_user, fields, valid
):
    """Open311's POST reads a form, not JSON: the same hostile text in every field, with the
    api_key of an agent so that the fields reach the intake."""
    counted(f"form open311 POST requests.json ({server_db.kind})")
    token = as_user("agent")["Authorization"][7:]
    base = (
        {
            "service_code": "nid-de-poule",
            "address_string": "120, rue Principale",
            "attribute[taille]": "Grand",
            "description": "Trou",
        }
        if valid
        else {}
    )
    form = {**base, **fields, "api_key": token}
    before = snapshot(server_db)
    r = client.post(
        "/open311/v2/requests.json",
        content=_form(form),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code < 500, (r.status_code, r.text[:500])
    if r.status_code >= 400:
        assert isinstance(r.json(), list) and r.json()[0]["description"]
        assert snapshot(server_db) == before, r.text[:300]


@given(score=texts() | st.integers().map(str), comment=texts())
@budget(0.5)
def test_survey_form_never_5xx(client, server_db, score, comment):
    counted(f"form satisfaction page ({server_db.kind})")
    before = snapshot(server_db)
    r = client.post(
        f"/satisfaction/{uuid.uuid4().hex}",
        content=_form({"score": score, "comment": comment}),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code < 500, (r.status_code, r.text[:500])
    assert snapshot(server_db) == before
