"""Schemathesis on the server's own OpenAPI schema (issue 6/6, point 4), both databases.

For every operation of ``/openapi.json``, schemathesis generates requests that fit the schema and
requests that break it (positive and negative modes), sent with the token of a role the access
table allows (tests/server/test_access_table.py), so that they pass the door and reach the
validation. The promise: no server error, and no status the schema does not declare (the
declarations live in server/errors.py and the routers; this test keeps them honest), and every
declared refusal in its declared shape.
"""

from __future__ import annotations

import warnings
from collections import defaultdict

import schemathesis
from hypothesis import given
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.hostile import budget, counted
from tests.server.test_access_table import ALL, PUBLIC, TABLE, USERNAMES

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def _user(allowed) -> str | None:  # type: ignore[no-untyped-def]
    if allowed == PUBLIC:
        return None
    role = "agent" if "agent" in allowed else sorted(allowed & ALL)[0]
    return USERNAMES[role]


def operation_target(operation, headers: dict, kind: str, failures: dict):  # type: ignore[no-untyped-def]
    label = f"{operation.method.upper()} {operation.path}"
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @budget(0.4)
    def fuzz(case) -> None:  # type: ignore[no-untyped-def]
        counted(f"schema {label} ({kind})")
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS)
        except (Failure, FailureGroup) as exc:  # every operation's failures, not the first only
            found = exc.exceptions if isinstance(exc, FailureGroup) else [exc]
            for failure in found:
                failures[label].add(
                    f"{response.status_code} {failure.title}: {response.text[:200]}"
                )

    return fuzz


def test_schemathesis_finds_no_server_error_and_no_undocumented_status(client, server_db, as_user):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Open311's catch-all routes share an operation id
        schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    failures: dict[str, set[str]] = defaultdict(set)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(TABLE)
    for operation in operations:
        user = _user(TABLE[(operation.method.upper(), operation.path)])
        headers = as_user(user) if user else {}
        operation_target(operation, headers, server_db.kind, failures)()
    assert not failures, "\n".join(f"{op}: {sorted(f)}" for op, f in sorted(failures.items()))
