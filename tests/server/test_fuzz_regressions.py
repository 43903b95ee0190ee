"""Plain examples of what the fuzz tests found (issue 6/6, point 4), both databases: each was a
500, a traceback or an English answer before its fix, and stays a named test beside the property
tests (docs/reliability-fuzzing.md lists them)."""

import uuid

import pytest

from tests.hostile import encode
from tests.server.test_fuzz_bodies import snapshot
from tests.server.test_requests_api import payload


def french_refusal(response, status: int = 422) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] and error["message"]
    return error


@pytest.mark.parametrize("body", [b"\xff\xfe\x00{", b"[" * 100_000 + b"]" * 100_000])
def test_a_body_that_is_not_utf8_or_nested_100000_deep_is_a_french_422(
    client, as_user, server_db, body
):
    """FastAPI answered 400 ``{"detail": "There was an error parsing the body"}``."""
    headers = {**as_user("agent"), "content-type": "application/json"}
    before = snapshot(server_db)
    r = client.put(f"/api/v1/requests/{uuid.uuid4()}", content=body, headers=headers)
    assert french_refusal(r)["fields"]
    assert snapshot(server_db) == before


def test_unknown_address_and_wrong_method_answer_in_french(client):
    assert french_refusal(client.get("/api/v1/nulle-part"), 404)["code"] == "not_found"
    wrong = client.delete("/api/v1/health")
    assert french_refusal(wrong, 405)["message"] == "Méthode non permise à cette adresse."
    assert wrong.headers["allow"] == "GET"


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("followup", {"outcome": [], "at": "2026-11-23T10:30"}, "data.outcome"),
        ("meeting", {"status": {"a": 1}, "date": "2026-12-08T19:00"}, "data.status"),
        ("status", {"status": ["resolved"]}, "data.status"),
        ("assignment", {"to": "Travaux publics", "kind": []}, "data.kind"),
    ],
)
def test_an_event_code_sent_as_a_list_or_an_object_is_a_422(client, as_user, kind, data, field):
    """``[] in FOLLOWUP_OUTCOMES`` raised TypeError (unhashable): a 500."""
    key = str(uuid.uuid4())
    sup = as_user("superviseur")
    assert client.put(f"/api/v1/requests/{key}", json=payload(), headers=sup).status_code == 201
    r = client.put(
        f"/api/v1/requests/{key}/events/{uuid.uuid4()}",
        json={"kind": kind, "data": data},
        headers=sup,
    )
    assert field in french_refusal(r)["fields"]


@pytest.mark.parametrize(
    "changed",
    [
        {"role": "\ud800"},  # the refusal echoed it: the answer itself could not be encoded
        {"username": "agent\x00bis"},
        {"display_name": "Nouvel \udfff agent"},
        {"username": "a" * 61},  # varchar(60) on PostgreSQL
        {"role": "x" * 21},
    ],
)
def test_a_new_account_with_text_the_database_refuses_is_a_422(client, as_user, server_db, changed):
    body = {"username": "nouvel-agent", "password": "mot-de-passe-1", "role": "agent", **changed}
    headers = {**as_user("admin"), "content-type": "application/json"}
    before = snapshot(server_db)
    r = client.post("/api/v1/users", content=encode(body), headers=headers)
    french_refusal(r)
    assert snapshot(server_db) == before


def test_a_nul_byte_anywhere_in_open311_is_a_400_in_the_specification_shape(client, as_user):
    """PostgreSQL refused ``service_code=\\x00`` with a 500 (DataError)."""
    token = as_user("agent")["Authorization"][7:]
    created = client.post(
        "/open311/v2/requests.json",
        data={"api_key": token, "service_code": "\x00", "address_string": "120, rue Principale"},
    )
    for r in (
        created,
        client.get("/open311/v2/requests.json?service_code=%00"),
        client.get("/open311/v2/services/nid%00de-poule.json"),
        client.get("/open311/v2/requests/2026-%00.json"),
    ):
        assert r.status_code == 400, r.text
        assert "caractère nul interdit" in r.json()[0]["description"]


def test_a_kb_cursor_past_a_bigint_is_a_422(client, as_user):
    """The requests feed had the bound; the KB's did not (PostgreSQL: bigint out of range)."""
    r = client.get("/api/v1/kb/changes?since=9223372036854775808", headers=as_user("agent"))
    assert "since" in french_refusal(r)["fields"]


def test_the_schema_declares_every_refusal_in_the_one_shape(client):
    """What schemathesis holds the routes to, spelled out on the busiest one."""
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/requests/{request_uuid}"]
    responses = operation["put"]["responses"]
    assert set(responses) == {"200", "201", "401", "403", "409", "413", "422"}
    for status in ("401", "403", "409", "413", "422"):
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorBody"}
