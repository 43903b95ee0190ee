"""Interoperability: the third-party ``georeport`` client (PyPI) against a real server process.

georeport reads (services, definitions, requests) in JSON and XML but cannot create requests, so
the POST is a plain form-encoded HTTP call as any Open311 app sends it; everything the library
reads back must then agree with the native API the workstations use.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import requests

from tests.e2e.conftest import ServerProcess

georeport = pytest.importorskip("georeport")

SAMPLE = {"number": "1", "datetime": "2026-11-20T08:00:00-05:00", "text": "Précision"}


def as_list(value):
    """xmltodict gives a dict for a single child element and a list for several."""
    return value if isinstance(value, list) else [value]


def answer(attribute: dict) -> str:
    """A valid answer for an attribute, chosen only from what the definition says."""
    values = attribute.get("values") or []
    if isinstance(values, dict):  # XML: {"value": {...} or [...]}
        values = as_list(values["value"])
    return values[0]["key"] if values else SAMPLE.get(attribute["datatype"], "Précision")


def test_georeport_client_reads_what_open311_and_native_clients_wrote(server: ServerProcess):
    root = f"{server.url}/open311/v2"
    as_json = georeport.GeoReport(root)
    as_xml = georeport.GeoReport(root, output_format="xml")

    services = {s["service_code"]: s for s in as_json.get_service_list()}
    assert services["nid-de-poule"]["service_name"] == "Nid-de-poule"
    assert services["nid-de-poule"]["metadata"] is True
    xml_services = {s["service_code"]: s for s in as_list(as_xml.get_service_list())}
    assert set(xml_services) == set(services)
    assert xml_services["nid-de-poule"]["metadata"] == "true"

    definition = as_json.get_service_definition("nid-de-poule")
    attributes = definition["attributes"]
    assert any(a["code"] == "taille" and a["required"] for a in attributes)
    xml_definition = as_xml.get_service_definition("nid-de-poule")
    xml_attributes = as_list(xml_definition["attributes"]["attribute"])
    assert [a["code"] for a in xml_attributes] == [a["code"] for a in attributes]

    # POST as an Open311 app does, answering every attribute from the fetched definition.
    login = requests.post(
        f"{server.url}/api/v1/auth/login",
        json={"username": "agent", "password": "agent-demo-2026"},
        timeout=10,
    )
    login.raise_for_status()
    form = {
        "api_key": login.json()["token"],
        "service_code": "nid-de-poule",
        "lat": "45.2531",
        "long": "-74.1305",
        "address_string": "120, rue Principale",
        "description": "Trou profond <voie de droite> & bordure abîmée.",
        "email": "citoyenne@exemple.ca",
        "first_name": "Lucie",
        "last_name": "Gagnon",
    }
    for a in attributes:
        form[f"attribute[{a['code']}]"] = answer(a)
    posted = requests.post(f"{root}/requests.json", data=form, timeout=10)
    assert posted.status_code == 201, posted.text
    reference = posted.json()[0]["service_request_id"]

    one = as_json.get_service_request(reference)
    assert one["service_request_id"] == reference
    assert one["status"] == "open" and one["service_code"] == "nid-de-poule"
    assert one["description"] == form["description"]
    assert (one["lat"], one["long"]) == (45.2531, -74.1305)
    xml_one = as_xml.get_service_request(reference)
    assert xml_one["service_request_id"] == reference
    assert xml_one["description"] == form["description"]

    # A request captured natively at the counter shows up for the library too.
    supervisor = server.token("superviseur", "superviseur-demo-2026")
    native_key = str(uuid.uuid4())
    native = requests.put(
        f"{server.url}/api/v1/requests/{native_key}",
        json={
            "nature": "request",
            "category": "nid-de-poule",
            "channel": "counter",
            "citizen": {"first_name": "Rémi", "last_name": "Tremblay", "contact": "none"},
            "location": {"address": "12, rue du Port"},
            "description": "Trou au coin de la rue du Port.",
            "answers": {a["code"]: answer(a) for a in attributes},
        },
        headers=supervisor,
        timeout=10,
    )
    assert native.status_code == 201, native.text
    native_reference = native.json()["reference"]

    since = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    listed = as_json.get_service_requests(
        service_code="nid-de-poule", status="open", start_date=since
    )
    assert {reference, native_reference} <= {r["service_request_id"] for r in listed}
    xml_listed = as_list(as_xml.get_service_requests(service_request_id=native_reference))
    assert [r["service_request_id"] for r in xml_listed] == [native_reference]
    assert as_json.get_service_requests(status="closed", start_date=since) == []
    for text in (str(listed), str(xml_listed), str(one), str(xml_one)):
        for secret in ("Lucie", "Gagnon", "citoyenne@", "Rémi", "Tremblay"):
            assert secret not in text

    # And the Open311 request reached the native change feed the workstations follow.
    changes = requests.get(
        f"{server.url}/api/v1/requests/changes?limit=2000", headers=supervisor, timeout=10
    ).json()["changes"]
    by_reference = {c["request"]["reference"]: c["request"] for c in changes if "request" in c}
    assert by_reference[reference]["channel"] == "web"
    assert by_reference[reference]["payload"]["citizen"]["email"] == "citoyenne@exemple.ca"
    token = requests.get(f"{root}/tokens/{by_reference[reference]['uuid']}.json", timeout=10)
    assert token.json() == [
        {"token": by_reference[reference]["uuid"], "service_request_id": reference}
    ]
