"""Open311 GeoReport v2: discovery, services, intake through the native service, public reads.

Runs on SQLite and PostgreSQL through the ``server_db`` fixture, like the native API tests.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET

import pytest

from pac_sac_desktop.server.taxonomy import service as taxonomy
from tests.server.conftest import token_for

BASE = "/open311/v2"
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
W3C = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")

RICH = {
    "code": "lampadaire",
    "label": "Lampadaire éteint",
    "field": "eclairage",
    "department": "Travaux publics",
    "deadline_hours": 120,
    "natures": ["request"],
    "keywords": ["lampadaire", "lumière de rue"],
    "description": "Lampadaire de rue éteint ou qui clignote.",
    "questions": [
        {"code": "numero", "label": "Numéro du poteau", "type": "text"},
        {"code": "nombre", "label": "Nombre de lampadaires", "type": "number", "required": True},
        {"code": "danger", "label": "Secteur dangereux?", "type": "yes_no", "required": True},
        {"code": "depuis", "label": "Éteint depuis le", "type": "date"},
        {"code": "couleur", "label": "Couleur", "type": "choice", "choices": ["Jaune", "Blanc"]},
    ],
}
COMPLAINT_ONLY = {
    "code": "bruit",
    "label": "Bruit d'appareil",
    "field": "securite-et-nuisances",
    "department": "Urbanisme",
    "deadline_hours": 168,
    "natures": ["complaint"],
    "questions": [],
}
INFO_ONLY = {
    "code": "info-taxes",
    "label": "Taxes",
    "field": "information",
    "department": "Finances",
    "natures": ["information"],
    "questions": [],
}


@pytest.fixture()
def extra_categories(server_db):
    with server_db.transaction() as session:
        for item in (RICH, COMPLAINT_ONLY, INFO_ONLY):
            taxonomy.upsert(session, item)


@pytest.fixture()
def api_key(client):
    return token_for(client, "agent")


def form(api_key, **overrides):
    data = {
        "api_key": api_key,
        "service_code": "nid-de-poule",
        "address_string": "120, rue Principale",
        "description": "Trou profond devant le 120, voie de droite.",
        "attribute[taille]": "Grand",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post(client, data, fmt="json"):
    return client.post(f"{BASE}/requests.{fmt}", data=data)


def native_payload(**overrides):
    base = {
        "nature": "request",
        "category": "nid-de-poule",
        "channel": "phone",
        "citizen": {
            "first_name": "Lucie",
            "last_name": "Gagnon",
            "phone": "450 555-0199",
            "email": "lucie.gagnon@exemple.ca",
            "address": "77, rue des Érables",
            "postal_code": "J7X 1A1",
            "contact": "phone",
        },
        "location": {"address": "120, rue Principale", "lat": 45.25, "lon": -74.13},
        "description": "Trou profond devant le 120, voie de droite.",
        "answers": {"taille": "Grand"},
    }
    base.update(overrides)
    return base


def put_native(client, as_user, **overrides):
    key = str(uuid.uuid4())
    r = client.put(
        f"/api/v1/requests/{key}", json=native_payload(**overrides), headers=as_user("agent")
    )
    assert r.status_code == 201, r.text
    return key, r.json()["reference"]


def feed_requests(client, as_user):
    changes = client.get("/api/v1/requests/changes", headers=as_user("agent")).json()["changes"]
    return {c["request"]["reference"]: c["request"] for c in changes if "request" in c}


def xml_root(response):
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    return ET.fromstring(response.content)


def errors_of(response):
    body = response.json()
    assert isinstance(body, list) and body
    assert all(e["code"] == response.status_code for e in body)
    return [e["description"] for e in body]


# ---------------------------------------------------------------- discovery and services


def test_discovery_in_json_and_xml(client):
    r = client.get(f"{BASE}/discovery.json")
    assert r.status_code == 200
    body = r.json()
    assert W3C.match(body["changeset"])
    assert body["contact"] and body["key_service"]
    [endpoint] = body["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2")
    assert endpoint["type"] == "production"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    root = xml_root(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert root.findtext("endpoints/endpoint/specification") == endpoint["specification"]
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
        "text/xml",
        "application/json",
    ]


def test_services_list_offers_reportable_categories_in_json_and_xml(client, extra_categories):
    r = client.get(f"{BASE}/services.json")
    assert r.status_code == 200
    services = {s["service_code"]: s for s in r.json()}
    assert set(services) == {"nid-de-poule", "collecte-manquee", "lampadaire", "bruit"}
    pothole = services["nid-de-poule"]
    assert pothole["service_name"] == "Nid-de-poule"
    assert pothole["metadata"] is True and services["collecte-manquee"]["metadata"] is False
    assert pothole["type"] == "realtime"
    assert pothole["group"] == "Voies de circulation"
    lamp = services["lampadaire"]
    assert lamp["keywords"] == "lampadaire, lumière de rue"
    assert lamp["description"] == "Lampadaire de rue éteint ou qui clignote."
    root = xml_root(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    assert {s.findtext("service_code") for s in root.findall("service")} == set(services)
    lamp_xml = next(
        s for s in root.findall("service") if s.findtext("service_code") == "lampadaire"
    )
    assert lamp_xml.findtext("metadata") == "true"
    assert lamp_xml.findtext("service_name") == "Lampadaire éteint"


def test_service_definition_maps_every_question_type(client, extra_categories):
    r = client.get(f"{BASE}/services/lampadaire.json")
    assert r.status_code == 200
    definition = r.json()
    assert definition["service_code"] == "lampadaire"
    attrs = {a["code"]: a for a in definition["attributes"]}
    assert [a["order"] for a in definition["attributes"]] == [1, 2, 3, 4, 5]
    assert {code: a["datatype"] for code, a in attrs.items()} == {
        "numero": "text",
        "nombre": "number",
        "danger": "singlevaluelist",
        "depuis": "datetime",
        "couleur": "singlevaluelist",
    }
    assert all(a["variable"] is True for a in attrs.values())
    assert attrs["nombre"]["required"] is True and attrs["numero"]["required"] is False
    assert attrs["danger"]["values"] == [
        {"key": "oui", "name": "Oui"},
        {"key": "non", "name": "Non"},
    ]
    assert attrs["couleur"]["values"] == [
        {"key": "Jaune", "name": "Jaune"},
        {"key": "Blanc", "name": "Blanc"},
    ]
    assert attrs["depuis"]["description"] == "Éteint depuis le"
    assert attrs["depuis"]["datatype_description"]
    root = xml_root(client.get(f"{BASE}/services/nid-de-poule.xml"))
    assert root.tag == "service_definition"
    [attribute] = root.findall("attributes/attribute")
    assert attribute.findtext("code") == "taille"
    assert attribute.findtext("required") == "true"
    assert [v.findtext("key") for v in attribute.findall("values/value")] == ["Petit", "Grand"]


def test_unknown_or_information_only_service_is_404(client, extra_categories):
    r = client.get(f"{BASE}/services/inconnu.json")
    assert r.status_code == 404
    assert errors_of(r) == ["Service « inconnu » introuvable."]
    assert client.get(f"{BASE}/services/info-taxes.json").status_code == 404
    root = xml_root(client.get(f"{BASE}/services/inconnu.xml"))
    assert root.tag == "errors"
    assert root.findtext("error/code") == "404"
    assert root.findtext("error/description") == "Service « inconnu » introuvable."


def test_unknown_format_path_and_method_answer_in_the_error_shape(client):
    r = client.get(f"{BASE}/services.csv")
    assert r.status_code == 400 and "json" in errors_of(r)[0]
    r = client.get(f"{BASE}/nulle-part.xml")
    assert r.status_code == 404 and xml_root(r).tag == "errors"
    r = client.delete(f"{BASE}/services.json")
    assert r.status_code == 405 and errors_of(r)


# ---------------------------------------------------------------- POST requests


def test_post_creates_a_native_request_that_workstations_receive(client, as_user, api_key):
    data = form(
        api_key,
        address_string=None,
        lat="45.2531",
        long="-74.1305",
        email="Lucie.Gagnon@Exemple.ca",
        first_name="Lucie",
        last_name="Gagnon",
        phone="450 555-0199",
        device_id="appareil-42",
        account_id="compte-7",
        media_url="https://photos.exemple.ca/trou.jpg",
    )
    r = post(client, data)
    assert r.status_code == 201, r.text
    [answer] = r.json()
    assert re.fullmatch(r"\d{4}-\d{6}", answer["service_request_id"])
    assert answer["service_notice"] == "Délai de traitement visé : 3 jours."
    assert answer["account_id"] == "compte-7"
    stored = feed_requests(client, as_user)[answer["service_request_id"]]
    assert stored["channel"] == "web" and stored["nature"] == "request"
    assert stored["category"] == "nid-de-poule" and stored["status"] == "received"
    assert stored["created_by"] == "agent"
    payload = stored["payload"]
    assert payload["location"] == {"lat": 45.2531, "lon": -74.1305}
    assert payload["answers"] == {"taille": "Grand"}
    assert payload["citizen"]["last_name"] == "Gagnon"
    assert payload["citizen"]["contact"] == "email"
    assert payload["open311"] == {
        "device_id": "appareil-42",
        "account_id": "compte-7",
        "media_url": "https://photos.exemple.ca/trou.jpg",
    }


def test_post_in_xml_and_complaint_only_category(client, as_user, api_key, extra_categories):
    r = post(
        client,
        form(
            api_key,
            service_code="bruit",
            description="Thermopompe la nuit.",
            **{"attribute[taille]": None},
        ),
        fmt="xml",
    )
    assert r.status_code == 201, r.text
    root = xml_root(r)
    assert root.tag == "service_requests"
    reference = root.findtext("request/service_request_id")
    assert root.find("request/account_id") is not None
    assert feed_requests(client, as_user)[reference]["nature"] == "complaint"


def test_attributes_are_converted_to_native_answers(client, as_user, api_key, extra_categories):
    data = form(
        api_key,
        service_code="lampadaire",
        **{
            "attribute[taille]": None,
            "attribute[nombre]": "3",
            "attribute[danger]": "true",
            "attribute[depuis]": "2026-11-20T23:30:00-05:00",
            "attribute[couleur]": "Jaune",
            "attribute[numero]": "  P-1234 ",
        },
    )
    r = post(client, data)
    assert r.status_code == 201, r.text
    stored = feed_requests(client, as_user)[r.json()[0]["service_request_id"]]
    assert stored["payload"]["answers"] == {
        "nombre": 3,
        "danger": "oui",
        "depuis": "2026-11-20",
        "couleur": "Jaune",
        "numero": "P-1234",
    }


def test_missing_required_attribute_is_400_in_french_and_consumes_no_reference(client, api_key):
    first = post(client, form(api_key)).json()[0]["service_request_id"]
    r = post(client, form(api_key, **{"attribute[taille]": None}))
    assert r.status_code == 400
    assert errors_of(r) == ["attribute[taille] (Taille) : réponse obligatoire"]
    r = post(client, form(api_key, **{"attribute[taille]": "Énorme"}), fmt="xml")
    assert r.status_code == 400
    root = xml_root(r)
    assert root.tag == "errors" and root.findtext("error/code") == "400"
    assert root.findtext("error/description") == (
        "attribute[taille] (Taille) : choisir une des réponses proposées"
    )
    after = post(client, form(api_key)).json()[0]["service_request_id"]
    assert int(after.split("-")[1]) == int(first.split("-")[1]) + 1


@pytest.mark.parametrize(
    ("overrides", "status", "expected"),
    [
        ({"service_code": None}, 400, "service_code : paramètre obligatoire."),
        ({"service_code": "inconnu"}, 404, "Service « inconnu » introuvable."),
        ({"address_string": None}, 400, "Emplacement obligatoire"),
        ({"lat": "45.2"}, 400, "lat et long"),
        ({"lat": "nord", "long": "-74"}, 400, "lat : coordonnée invalide"),
        ({"lat": "95", "long": "-74"}, 400, "lat : coordonnée hors limites"),
        ({"attribute[couleur]": "Jaune"}, 400, "attribute[couleur] : attribut inconnu"),
        ({"description": None}, 400, "description : décrivez la situation"),
        ({"email": "pas-un-courriel"}, 400, "email : adresse courriel invalide"),
        ({"phone": "123"}, 400, "phone : numéro de téléphone invalide"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url : adresse web"),
    ],
)
def test_invalid_parameters_are_explained(client, api_key, overrides, status, expected):
    r = post(client, form(api_key, **overrides))
    assert r.status_code == status, r.text
    assert any(d.startswith(expected) for d in errors_of(r)), errors_of(r)


def test_bad_missing_or_powerless_api_key_is_403(client):
    r = post(client, form("pas-une-clé"))
    assert r.status_code == 403
    assert errors_of(r) == ["api_key : clé d'API invalide ou expirée."]
    r = post(client, form(None))
    assert r.status_code == 403 and errors_of(r) == ["api_key : clé d'API manquante."]
    r = post(client, form(token_for(client, "editeur")), fmt="xml")
    assert r.status_code == 403
    assert xml_root(r).findtext("error/description") == (
        "api_key : ce compte ne peut pas créer de requêtes."
    )


def test_json_body_is_refused(client, api_key):
    r = client.post(f"{BASE}/requests.json", json=form(api_key))
    assert r.status_code == 400
    assert "application/x-www-form-urlencoded" in errors_of(r)[0]


# ---------------------------------------------------------------- GET requests


def test_native_requests_are_listed_with_open311_fields(client, as_user):
    _key, reference = put_native(client, as_user)
    r = client.get(f"{BASE}/requests.json")
    assert r.status_code == 200
    [item] = r.json()
    assert set(item) == REQUEST_FIELDS
    assert item["service_request_id"] == reference
    assert item["status"] == "open" and item["status_notes"] == "Reçue"
    assert item["service_code"] == "nid-de-poule" and item["service_name"] == "Nid-de-poule"
    assert item["agency_responsible"] == "Travaux publics"
    assert item["address"] == "120, rue Principale"
    assert (item["lat"], item["long"]) == (45.25, -74.13)
    assert item["description"] == "Trou profond devant le 120, voie de droite."
    for name in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert W3C.match(item[name]), item[name]
    assert item["requested_datetime"][-6:] in ("-05:00", "-04:00")
    requested = dt.datetime.fromisoformat(item["requested_datetime"])
    expected = dt.datetime.fromisoformat(item["expected_datetime"])
    assert expected - requested == dt.timedelta(hours=72)


def test_filters_status_service_code_dates_and_ids(client, as_user):
    now = dt.datetime.now(dt.UTC)
    _old_key, old = put_native(client, as_user, created_at=(now - dt.timedelta(days=5)).isoformat())
    done_key, done = put_native(client, as_user)
    _bin_key, missed = put_native(client, as_user, category="collecte-manquee", answers={})
    client.put(
        f"/api/v1/requests/{done_key}/events/{uuid.uuid4()}",
        json={"kind": "status", "data": {"status": "resolved"}},
        headers=as_user("superviseur"),
    )

    def ids(query=""):
        r = client.get(f"{BASE}/requests.json{query}")
        assert r.status_code == 200, r.text
        return {item["service_request_id"] for item in r.json()}

    assert ids() == {old, done, missed}
    assert ids("?status=closed") == {done}
    assert ids("?status=open") == {old, missed}
    assert ids("?status=open,closed") == {old, done, missed}
    assert ids("?service_code=collecte-manquee") == {missed}
    assert ids("?service_code=nid-de-poule&status=open") == {old}
    day_ago = (now - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert ids(f"?start_date={day_ago}") == {done, missed}
    assert ids(f"?end_date={day_ago}") == {old}
    in_montreal = (now - dt.timedelta(days=1)).astimezone(dt.timezone(dt.timedelta(hours=-5)))
    query = f"?start_date={in_montreal.isoformat(timespec='seconds').replace('+', '%2B')}"
    assert ids(query) == {done, missed}
    assert ids(f"?service_request_id={old},{missed}&status=closed") == {old, missed}
    closed = client.get(f"{BASE}/requests.xml?status=closed")
    root = xml_root(closed)
    assert root.tag == "service_requests"
    assert [r.findtext("status") for r in root.findall("request")] == ["closed"]
    assert root.findtext("request/status_notes") == "Résolue"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=pending", "status : « pending » invalide"),
        ("start_date=2026-11-01T00:00:00", "start_date : précisez le fuseau horaire"),
        ("end_date=hier", "end_date : date invalide"),
        ("start_date=2026-13-01T00:00:00Z", "start_date : date invalide"),
        ("start_date=2026-01-01&end_date=2026-11-01", "start_date et end_date"),
        ("start_date=2026-11-01&end_date=2026-10-01", "end_date : doit suivre start_date."),
    ],
)
def test_bad_filters_are_400(client, query, expected):
    r = client.get(f"{BASE}/requests.json?{query}")
    assert r.status_code == 400
    assert errors_of(r)[0].startswith(expected), errors_of(r)


def test_one_request_by_id_and_by_token(client, as_user, api_key):
    reference = post(client, form(api_key)).json()[0]["service_request_id"]
    r = client.get(f"{BASE}/requests/{reference}.json")
    assert r.status_code == 200
    [item] = r.json()
    assert item["service_request_id"] == reference and set(item) == REQUEST_FIELDS
    root = xml_root(client.get(f"{BASE}/requests/{reference}.xml"))
    assert root.findtext("request/service_request_id") == reference
    missing = client.get(f"{BASE}/requests/2000-999999.json")
    assert missing.status_code == 404
    assert errors_of(missing) == ["Requête « 2000-999999 » introuvable."]
    key = feed_requests(client, as_user)[reference]["uuid"]
    assert client.get(f"{BASE}/tokens/{key}.json").json() == [
        {"token": key, "service_request_id": reference}
    ]
    root = xml_root(client.get(f"{BASE}/tokens/{key}.xml"))
    assert root.findtext("request/token") == key
    assert root.findtext("request/service_request_id") == reference
    assert client.get(f"{BASE}/tokens/{uuid.uuid4()}.json").status_code == 404
    assert client.get(f"{BASE}/tokens/pas-un-jeton.xml").status_code == 404


def test_public_reads_never_show_personal_data(client, as_user, api_key):
    put_native(client, as_user)
    reference = post(
        client,
        form(
            api_key,
            first_name="Rémi",
            last_name="Tremblay",
            phone="514 555-0142",
            email="remi.tremblay@exemple.ca",
            device_id="appareil-secret",
            account_id="compte-secret",
        ),
    ).json()[0]["service_request_id"]
    secrets = [
        "Lucie",
        "Gagnon",
        "5550199",
        "555-0199",
        "lucie.gagnon",
        "Érables",
        "J7X",
        "Rémi",
        "Tremblay",
        "555-0142",
        "5550142",
        "remi.tremblay",
        "appareil-secret",
        "compte-secret",
        "agent",
    ]
    for url in (
        "requests.json",
        "requests.xml",
        f"requests/{reference}.json",
        f"requests/{reference}.xml",
    ):
        text = client.get(f"{BASE}/{url}").text
        assert reference in text
        for secret in secrets:
            assert secret not in text, (url, secret)


def test_complaints_show_their_status_but_not_their_details(client, as_user, extra_categories):
    _key, reference = put_native(
        client, as_user, nature="complaint", description="Le voisin du 12 fait du bruit."
    )
    [item] = client.get(f"{BASE}/requests/{reference}.json").json()
    assert item["status"] == "open" and item["service_code"] == "nid-de-poule"
    assert item["description"] is None and item["address"] is None
    assert item["lat"] is None and item["long"] is None and item["media_url"] is None
    _key, info = put_native(
        client, as_user, nature="information", category="info-taxes", answers={}, description="?"
    )
    assert client.get(f"{BASE}/requests/{info}.json").status_code == 404
    assert info not in client.get(f"{BASE}/requests.json").text


def test_xml_is_escaped_and_well_formed(client, as_user, api_key):
    nasty = 'Trou <b>énorme</b> & "dangereux" \x0b ]]> fin'
    reference = post(
        client, form(api_key, description=nasty, address_string="1 & 2, rue <Nord>")
    ).json()[0]["service_request_id"]
    r = client.get(f"{BASE}/requests/{reference}.xml")
    assert r.content.startswith(b"<?xml")
    assert b"<b>" not in r.content
    root = ET.fromstring(r.content)
    assert root.findtext("request/description") == nasty.replace("\x0b", "")
    assert root.findtext("request/address") == "1 & 2, rue <Nord>"
    assert client.get(f"{BASE}/requests/{reference}.json").json()[0]["description"] == nasty


def test_every_operation_of_the_schema_has_its_own_id(client):
    """A schema client (a city's integration, a fuzzer) names operations by id: one catch-all
    route for five methods gave five operations the same one."""
    ids = [
        operation["operationId"]
        for methods in client.app.openapi()["paths"].values()
        for operation in methods.values()
    ]
    assert len(ids) > 40 and len(ids) == len(set(ids))
