"""Access control as a table (issue 6/6): every route × every kind of caller.

The table is the specification, written by hand; the routes come from the OpenAPI schema, so a
new route without a row fails here. For each route and caller (anonymous, an expired token, a
revoked token, each role), a refused caller never gets a 2xx (401 without a valid token, 403 for
a role, 422 where the body is checked before the token), and an allowed one is never answered
401 or 403.

The own/other dimension is a second table, for every route on one request (a path with
``{request_uuid}``) and, for the events route, every event kind: what an agent gets on a request
they captured, on another agent's, and what a supervisor gets on an agent's (docs/sync.md,
"Request events"). A new request route or event kind without its row fails here too.
"""

import datetime as dt
import secrets
import uuid
import warnings

import pytest
from sqlalchemy import select

from pac_sac_desktop.core.events import EventKind
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.models import Token, User
from pac_sac_desktop.server.types import utcnow

from .test_requests_api import payload

ALL = frozenset({"agent", "supervisor", "editor", "admin"})
FIELD = frozenset({"agent", "supervisor"})
SUPERVISOR = frozenset({"supervisor"})
EDITOR = frozenset({"editor"})
FEEDBACK = frozenset({"agent", "supervisor", "editor"})
ADMIN = frozenset({"admin"})
AUDIT = frozenset({"supervisor", "admin"})
PUBLIC = "public"

TABLE = {
    ("POST", "/api/v1/auth/login"): PUBLIC,
    # Logout revokes the token it is sent, whatever its state (an expired one too): harmless.
    ("POST", "/api/v1/auth/logout"): PUBLIC,
    ("GET", "/api/v1/auth/me"): ALL,
    ("GET", "/api/v1/health"): PUBLIC,
    ("GET", "/api/v1/kb/changes"): ALL,
    ("GET", "/api/v1/kb/urgent"): ALL,
    ("GET", "/api/v1/kb/articles/{article_id}"): ALL,
    ("PUT", "/api/v1/kb/articles/{article_id}"): EDITOR,
    ("DELETE", "/api/v1/kb/articles/{article_id}"): EDITOR,
    ("GET", "/api/v1/kb/articles/{article_id}/versions"): ALL,
    ("GET", "/api/v1/kb/articles/{article_id}/diff"): ALL,
    ("POST", "/api/v1/kb/articles/{article_id}/restore/{number}"): EDITOR,
    ("GET", "/api/v1/kb/scheduled"): EDITOR,
    ("GET", "/api/v1/kb/consistency"): EDITOR,
    ("PUT", "/api/v1/kb/feedback/{feedback_uuid}"): FEEDBACK,
    ("GET", "/api/v1/kb/feedback"): EDITOR,
    ("POST", "/api/v1/kb/feedback/{feedback_uuid}/close"): EDITOR,
    ("POST", "/api/v1/kb/searches"): FEEDBACK,
    ("GET", "/api/v1/kb/gaps"): EDITOR,
    ("GET", "/api/v1/taxonomy/changes"): ALL,
    ("GET", "/api/v1/taxonomy/categories"): ALL,
    ("PUT", "/api/v1/requests/{request_uuid}"): FIELD,
    ("GET", "/api/v1/requests/{request_uuid}"): FIELD,
    ("GET", "/api/v1/requests/changes"): FIELD,
    ("PUT", "/api/v1/requests/{request_uuid}/events/{event_uuid}"): FIELD,
    ("PUT", "/api/v1/satisfaction/{request_uuid}/{event_uuid}"): FIELD,
    ("GET", "/api/v1/users/changes"): ALL,
    ("POST", "/api/v1/users"): ADMIN,
    ("POST", "/api/v1/users/{username}/unlock"): ADMIN,
    ("GET", "/api/v1/reports"): SUPERVISOR,
    # Workstations report the details opened there; the log is for supervisors and admins.
    ("POST", "/api/v1/privacy/accesses"): FIELD,
    ("GET", "/api/v1/privacy/log"): AUDIT,
    # Open311 is public by design (its POST checks its own api_key; docs/open311.md), and so is
    # the citizen's one-time satisfaction page (the token is the key).
    ("GET", "/open311/v2/discovery.{fmt}"): PUBLIC,
    ("GET", "/open311/v2/services.{fmt}"): PUBLIC,
    ("GET", "/open311/v2/services/{service_code}.{fmt}"): PUBLIC,
    ("POST", "/open311/v2/requests.{fmt}"): PUBLIC,
    ("GET", "/open311/v2/requests.{fmt}"): PUBLIC,
    ("GET", "/open311/v2/requests/{service_request_id}.{fmt}"): PUBLIC,
    ("GET", "/open311/v2/tokens/{token_id}.{fmt}"): PUBLIC,
    ("GET", "/open311/v2/{path}"): PUBLIC,
    ("PUT", "/open311/v2/{path}"): PUBLIC,
    ("PATCH", "/open311/v2/{path}"): PUBLIC,
    ("POST", "/open311/v2/{path}"): PUBLIC,
    ("DELETE", "/open311/v2/{path}"): PUBLIC,
    ("GET", "/satisfaction/{token}"): PUBLIC,
    ("POST", "/satisfaction/{token}"): PUBLIC,
}
# Required query parameters, so that the token is what decides (not a 422 on the query).
QUERIES = {
    "/api/v1/reports": {"from": "2026-11-01", "to": "2026-11-30"},
    "/api/v1/kb/articles/{article_id}/diff": {"from": "1", "to": "1"},
    "/api/v1/kb/gaps": {"from": "2026-11-01", "to": "2026-11-30"},
}
USERNAMES = {"agent": "agent", "supervisor": "superviseur", "editor": "editeur", "admin": "admin"}
PARAMS = {
    "article_id": "collecte-ordures",
    "number": "1",
    "username": "agent",
    "fmt": "json",
    "service_code": "nid-de-poule",
    "service_request_id": "2026-000001",
    "path": "inconnu",
    "token": "x" * 32,
}


def routes(client) -> set[tuple[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Open311's catch-all routes share an operation id
        paths = client.app.openapi()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() for method in ops}


def test_every_route_has_a_row(client):
    assert routes(client) == set(TABLE)


def _token(server_db, role: str, *, expired: bool = False, revoked: bool = False) -> str:
    """A fresh token of the role's demo account (logout routes revoke what they are sent)."""
    raw = secrets.token_urlsafe(32)
    now = utcnow()
    with server_db.transaction() as s:
        user = s.scalar(select(User).where(User.username == USERNAMES[role]))
        s.add(
            Token(
                digest=auth._digest(raw),
                user_id=user.id,
                created_at=now - dt.timedelta(hours=20),
                expires_at=now - dt.timedelta(hours=8) if expired else now + dt.timedelta(hours=4),
                revoked_at=now if revoked else None,
            )
        )
    return raw


def _path(template: str) -> str:
    values = {**PARAMS, "request_uuid": str(uuid.uuid4()), "event_uuid": str(uuid.uuid4())}
    values |= {"feedback_uuid": str(uuid.uuid4()), "token_id": str(uuid.uuid4())}
    return template.format(**values)


@pytest.mark.parametrize("caller", ["anonymous", "expired", "revoked", *sorted(ALL)])
def test_each_caller_gets_only_what_the_table_allows(client, server_db, caller):
    refusals = []
    for (method, template), allowed in sorted(TABLE.items()):
        headers = {}
        if caller != "anonymous":
            role = caller if caller in ALL else "agent"
            token = _token(
                server_db, role, expired=caller == "expired", revoked=caller == "revoked"
            )
            headers["Authorization"] = f"Bearer {token}"
        body = {} if method in ("POST", "PUT", "PATCH") else None
        r = client.request(
            method, _path(template), json=body, headers=headers, params=QUERIES.get(template)
        )
        assert r.status_code < 500, (method, template, caller, r.text)
        if allowed == PUBLIC:
            continue
        if caller in allowed:
            if r.status_code in (401, 403):
                refusals.append((method, template, r.status_code))
        else:
            expected = {401, 422} if caller not in ALL else {403, 422}
            assert r.status_code in expected, (method, template, caller, r.status_code, r.text)
    assert refusals == [], f"{caller} refused where the table allows: {refusals}"


# ------------------------------------------------------------------ own / other object
EVENTS = "/api/v1/requests/{request_uuid}/events/{event_uuid}"
REQUEST = "/api/v1/requests/{request_uuid}"
CLERK = "/api/v1/satisfaction/{request_uuid}/{event_uuid}"
SETTLED = "settled"  # the request is closed by a supervisor before the call
# (method, path, case): (setup, body, {agent on own, agent on other's, supervisor on agent's}).
# Agents read every request of the city (docs/decisions.md) but annotate only their own.
OBJECT_TABLE = {
    ("GET", REQUEST, "read"): (None, None, {"own": 200, "other": 200, "supervisor": 200}),
    # The same payload again is the idempotent replay (no payload in the answer); another one is
    # a conflict: nobody overwrites a request, theirs or not.
    ("PUT", REQUEST, "replay"): (None, "same", {"own": 200, "other": 200, "supervisor": 200}),
    ("PUT", REQUEST, "overwrite"): (None, "different", {"own": 409, "other": 409, "supervisor": 409}),
    ("PUT", EVENTS, "note"): (None, {"text": "Rappeler lundi."}, {"own": 201, "other": 403, "supervisor": 201}),
    ("PUT", EVENTS, "caller"): (None, {"text": "Une voisine signale aussi le trou."}, {"own": 201, "other": 201, "supervisor": 201}),
    ("PUT", EVENTS, "meeting"): (None, {"status": "to_schedule"}, {"own": 201, "other": 403, "supervisor": 201}),
    ("PUT", EVENTS, "satisfaction"): (SETTLED, {"score": 4}, {"own": 201, "other": 201, "supervisor": 201}),
    ("PUT", EVENTS, "status"): (None, {"status": "in_progress"}, {"own": 403, "other": 403, "supervisor": 201}),
    ("PUT", EVENTS, "assignment"): (None, {"to": "Travaux publics"}, {"own": 403, "other": 403, "supervisor": 201}),
    ("PUT", EVENTS, "followup"): (None, {"outcome": "reached"}, {"own": 403, "other": 403, "supervisor": 201}),
    ("PUT", EVENTS, "close"): (None, {"resolution": "Trou colmaté."}, {"own": 403, "other": 403, "supervisor": 201}),
    ("PUT", EVENTS, "merge"): (None, "into-other", {"own": 403, "other": 403, "supervisor": 201}),
    # Nothing merged: the supervisor meets the request's state (409), the agent the role (403).
    ("PUT", EVENTS, "unmerge"): (None, {}, {"own": 403, "other": 403, "supervisor": 409}),
    ("PUT", CLERK, "clerk"): (SETTLED, {"score": 5}, {"own": 201, "other": 201, "supervisor": 201}),
}  # fmt: skip


def test_every_request_route_and_event_kind_has_own_and_other_rows(client):
    on_a_request = {(m, p) for m, p in routes(client) if "{request_uuid}" in p}
    assert on_a_request == {(m, p) for m, p, _case in OBJECT_TABLE}
    kinds = {case for _m, p, case in OBJECT_TABLE if p == EVENTS}
    assert kinds == {str(k) for k in EventKind}


def _capture(client, headers, **overrides) -> str:
    key = str(uuid.uuid4())
    r = client.put(f"/api/v1/requests/{key}", json=payload(**overrides), headers=headers)
    assert r.status_code == 201, r.text
    return key


def _settle(client, key, headers) -> None:
    body = {"kind": "close", "data": {"resolution": "Réglé."}}
    r = client.put(f"/api/v1/requests/{key}/events/{uuid.uuid4()}", json=body, headers=headers)
    assert r.status_code == 201, r.text


@pytest.mark.parametrize("row", sorted(OBJECT_TABLE), ids=lambda r: f"{r[0]} {r[2]}")
def test_own_and_other_requests_get_what_the_table_says(client, as_user, row):
    method, template, case = row
    setup, body, expected = OBJECT_TABLE[row]
    agent, sup = as_user("agent"), as_user("superviseur")
    got = {}
    for who, owner, caller in (
        ("own", "agent", agent),
        ("other", "agent2", agent),
        ("supervisor", "agent", sup),
    ):
        key = _capture(client, as_user(owner), nature="complaint")
        if setup == SETTLED:
            _settle(client, key, sup)
        path = template.format(request_uuid=key, event_uuid=uuid.uuid4())
        if template == REQUEST and method == "PUT":
            json = payload(
                nature="complaint",
                description="Autre chose" if body == "different" else payload()["description"],
            )
        elif template == EVENTS:
            data = {"into": _capture(client, agent)} if body == "into-other" else body
            json = {"kind": case, "data": data}
        else:
            json = body
        r = client.request(method, path, json=json, headers=caller)
        assert r.status_code < 500, r.text
        got[who] = r.status_code
    assert got == expected
