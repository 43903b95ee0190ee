"""Open311 GeoReport v2 on top of the native taxonomy and request intake.

Nothing here stores requests by itself: a request POSTed through Open311 becomes a native payload
and goes through ``requests.service.put_request``, so it gets the same validation, reference,
deadlines and change-feed entry as one typed at a counter, and workstations receive it through
``/api/v1/requests/changes``. Reading is public per the specification, so the answers are built
from an explicit list of non-personal fields (see docs/open311.md).

Every function takes keyword-only arguments after the session and raises ``Open311Error``, whose
French descriptions the views render as the specification's ``errors`` list.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import uuid as uuidlib
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.requests import OPEN_STATUSES, STATUS_LABELS, STATUSES
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Category, Change, Request
from pac_sac_desktop.server.requests import service as requests_service
from pac_sac_desktop.server.taxonomy import service as taxonomy
from pac_sac_desktop.server.types import utcnow

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = ("json", "xml")
MEDIA_TYPES = ["text/xml", "application/json"]
MAX_RESULTS = 1000
DEFAULT_SPAN = dt.timedelta(days=90)
# Natures that Open311 knows as service requests; information calls and comments are not.
OPEN311_NATURES = ("request", "complaint")
# Only plain service requests are published with their description, place and photo: complaints
# usually target a person (a neighbour, an employee) whose privacy the public list must respect.
DETAILED_NATURES = ("request",)
MAX_META = 200
MAX_MEDIA_URL = 2000

DATATYPES = {
    "text": "text",
    "number": "number",
    "choice": "singlevaluelist",
    "yes_no": "singlevaluelist",
    "date": "datetime",
}
DATATYPE_DESCRIPTIONS = {
    "text": "Texte libre, 1000 caractères au plus.",
    "number": "Nombre (ex. 12 ou 1,5).",
    "choice": "Une des clés proposées dans values.",
    "yes_no": "oui ou non.",
    "date": "Date AAAA-MM-JJ ou date et heure W3C (ex. 2026-11-20T09:00:00-05:00); "
    "seule la date, à l'heure de Montréal, est retenue.",
}
YES_NO_VALUES = [{"key": "oui", "name": "Oui"}, {"key": "non", "name": "Non"}]
_YES = ("oui", "yes", "true", "1", "o", "y")
_NO = ("non", "no", "false", "0", "n")

# Native validation field -> the Open311 parameter the client sent, for error descriptions.
PARAMETERS = {
    "category": "service_code",
    "nature": "service_code",
    "channel": "service_code",
    "description": "description",
    "location.address": "address_string",
    "location.lat": "lat",
    "location.lon": "long",
    "citizen.first_name": "first_name",
    "citizen.last_name": "last_name",
    "citizen.phone": "phone",
    "citizen.email": "email",
}
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")


class Open311Error(Exception):
    """An answer the specification lists: HTTP status and French descriptions, one per problem."""

    def __init__(self, status: int, *descriptions: str) -> None:
        super().__init__("; ".join(descriptions))
        self.status = status
        self.descriptions = list(descriptions)


@functools.cache
def _zone() -> dt.tzinfo:
    """The city's time zone; UTC where the system has no zone database (Windows without tzdata)."""
    try:
        return ZoneInfo("America/Montreal")
    except ZoneInfoNotFoundError:
        return dt.UTC


def w3c(value: dt.datetime | None) -> str | None:
    """'2026-11-23T09:05:00-05:00': the specification wants W3C times with their offset."""
    if value is None:
        return None
    return value.astimezone(_zone()).isoformat(timespec="seconds")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Open311Error(400, f"Format « {fmt} » non pris en charge : utilisez .json ou .xml.")
    return fmt


# ---------------------------------------------------------------- discovery and services


def discovery(session: Session, *, url: str) -> dict[str, Any]:
    """The discovery document; its changeset is the last change of the service list."""
    last = session.scalar(select(func.max(Change.changed_at)).where(Change.feed == "taxonomy"))
    changeset = w3c(last or utcnow())
    return {
        "changeset": changeset,
        "contact": os.environ.get(
            "PAC_SAC_OPEN311_CONTACT", "Service à la clientèle de la Ville : composez le 311."
        ),
        "key_service": os.environ.get(
            "PAC_SAC_OPEN311_KEY_SERVICE",
            "La clé d'API (api_key) est un jeton de session PAC SAC : demandez un compte au "
            "service à la clientèle, puis obtenez le jeton par POST /api/v1/auth/login.",
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": os.environ.get("PAC_SAC_OPEN311_URL", url),
                "changeset": changeset,
                "type": "production",
                "formats": list(MEDIA_TYPES),
            }
        ],
    }


@functools.cache
def _field_labels() -> dict[str, str]:
    """Labels of the fields of activity: the database keeps only their codes on categories."""
    try:
        document = yaml.safe_load((resources_dir() / "taxonomy.yaml").read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return {f["code"]: f.get("label", f["code"]) for f in document.get("fields") or []}


def _offered(category: Category | None) -> bool:
    """Categories a citizen can report through Open311: active, and not information-only."""
    if category is None or not category.active:
        return False
    natures = category.data.get("natures") or OPEN311_NATURES
    return any(n in natures for n in OPEN311_NATURES)


def _nature_for(category: Category) -> str:
    """'request', unless the category takes complaints only (noise, bylaw infractions)."""
    natures = category.data.get("natures") or OPEN311_NATURES
    return "request" if "request" in natures else "complaint"


def service_notice(category: Category | None) -> str | None:
    if category is None or not category.deadline_hours:
        return None
    hours = category.deadline_hours
    if hours < 48 or hours % 24:
        return f"Délai de traitement visé : {hours} heures."
    return f"Délai de traitement visé : {hours // 24} jours."


def _service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.label,
        "description": category.data.get("description") or "",
        "metadata": bool(category.data.get("questions")),
        "type": "realtime",
        "keywords": ", ".join(str(k) for k in category.data.get("keywords") or []),
        "group": _field_labels().get(category.field, category.field) or category.department,
    }


def list_services(session: Session) -> list[dict[str, Any]]:
    return [_service(c) for c in taxonomy.all_categories(session) if _offered(c)]


def _category(session: Session, code: str | None) -> Category:
    if not code:
        raise Open311Error(400, "service_code : paramètre obligatoire.")
    category = taxonomy.get(session, code)
    if not _offered(category):
        raise Open311Error(404, f"Service « {code} » introuvable.")
    assert category is not None
    return category


def _attribute(order: int, question: dict[str, Any]) -> dict[str, Any]:
    kind = question.get("type", "text")
    if kind == "choice":
        values = [{"key": str(c), "name": str(c)} for c in question.get("choices") or []]
    elif kind == "yes_no":
        values = list(YES_NO_VALUES)
    else:
        values = []
    return {
        "variable": True,
        "code": question["code"],
        "datatype": DATATYPES.get(kind, "string"),
        "required": bool(question.get("required")),
        "datatype_description": DATATYPE_DESCRIPTIONS.get(kind),
        "order": order,
        "description": question.get("label", question["code"]),
        "values": values,
    }


def service_definition(session: Session, *, service_code: str) -> dict[str, Any]:
    category = _category(session, service_code)
    questions = category.data.get("questions") or []
    return {
        "service_code": category.code,
        "attributes": [_attribute(i, q) for i, q in enumerate(questions, start=1)],
    }


# ---------------------------------------------------------------- POST requests


def authenticate(session: Session, *, api_key: str | None) -> Caller:
    """The api_key is a native bearer token of an account allowed to create requests."""
    if not api_key:
        raise Open311Error(403, "api_key : clé d'API manquante.")
    user = auth.user_for_token(session, api_key)
    if user is None:
        raise Open311Error(403, "api_key : clé d'API invalide ou expirée.")
    if not auth.allowed(user, "requests:create"):
        raise Open311Error(403, "api_key : ce compte ne peut pas créer de requêtes.")
    return user


def _number(value: str) -> Any:
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return value  # the native validation answers « un nombre est attendu »
    return int(number) if number.is_integer() and re.fullmatch(r"[+-]?\d+", value) else number


def _yes_no(value: str) -> str:
    low = value.lower()
    return "oui" if low in _YES else "non" if low in _NO else value


def _date(value: str) -> str:
    """A date for the native question; a W3C date-time is reduced to its day in Montréal."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value  # the native validation answers « date invalide »
    if moment.tzinfo is not None:
        moment = moment.astimezone(_zone())
    return moment.date().isoformat()


def _answers(category: Category, fields: Mapping[str, list[str]]) -> dict[str, Any]:
    questions = {q["code"]: q for q in category.data.get("questions") or []}
    answers: dict[str, Any] = {}
    errors: list[str] = []
    for key, values in fields.items():
        match = _ATTRIBUTE.match(key)
        if not match:
            continue
        code = match.group(1)
        question = questions.get(code)
        if question is None:
            errors.append(f"{key} : attribut inconnu pour le service « {category.code} ».")
            continue
        present = [v.strip() for v in values if v.strip()]
        if match.group(2) or len(present) > 1:
            errors.append(f"{key} : une seule valeur est attendue.")
            continue
        if not present:
            continue
        value = present[0]
        kind = question.get("type", "text")
        if kind == "number":
            answers[code] = _number(value)
        elif kind == "yes_no":
            answers[code] = _yes_no(value)
        elif kind == "date":
            answers[code] = _date(value)
        else:
            answers[code] = value
    if errors:
        raise Open311Error(400, *errors)
    return answers


def _coordinate(name: str, value: str) -> float:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise Open311Error(400, f"{name} : coordonnée invalide (nombre décimal attendu).") from None


def _location(fields: Mapping[str, str]) -> dict[str, Any]:
    lat, lon = fields.get("lat", ""), fields.get("long", "")
    address, address_id = fields.get("address_string", ""), fields.get("address_id", "")
    if bool(lat) != bool(lon):
        raise Open311Error(400, "lat et long : indiquez les deux coordonnées, ou aucune.")
    if not (lat or address or address_id):
        raise Open311Error(
            400, "Emplacement obligatoire : indiquez lat et long, address_string ou address_id."
        )
    if len(address_id) > MAX_META:
        raise Open311Error(400, f"address_id : {MAX_META} caractères au plus.")
    location: dict[str, Any] = {}
    if address:
        location["address"] = address
    if address_id:
        location["address_id"] = address_id
    if lat:
        location["lat"] = _coordinate("lat", lat)
        location["lon"] = _coordinate("long", lon)
    return location


def _citizen(fields: Mapping[str, str]) -> dict[str, Any] | None:
    citizen = {k: fields[k] for k in ("first_name", "last_name", "phone", "email") if fields.get(k)}
    if not citizen:
        return None
    # A citizen who leaves an address through an app expects news there first.
    citizen["contact"] = (
        "email" if "email" in citizen else "phone" if "phone" in citizen else "none"
    )
    return citizen


def _metadata(fields: Mapping[str, str]) -> dict[str, str]:
    meta = {k: fields[k] for k in ("device_id", "account_id", "media_url") if fields.get(k)}
    for key in ("device_id", "account_id"):
        if len(meta.get(key, "")) > MAX_META:
            raise Open311Error(400, f"{key} : {MAX_META} caractères au plus.")
    media = meta.get("media_url", "")
    if media and (len(media) > MAX_MEDIA_URL or not re.match(r"^https?://[^\s]+$", media, re.I)):
        raise Open311Error(400, "media_url : adresse web http:// ou https:// attendue.")
    return meta


def native_payload(category: Category, fields: Mapping[str, list[str]]) -> dict[str, Any]:
    """The Open311 form as the native request payload the workstations already understand."""
    single = {k: (v[0].strip() if v else "") for k, v in fields.items()}
    payload: dict[str, Any] = {
        "nature": _nature_for(category),
        "category": category.code,
        "channel": "web",
        "description": single.get("description", ""),
        "location": _location(single),
        "answers": _answers(category, fields),
        "kb_articles": [],
        "resolved_first_contact": False,
    }
    citizen = _citizen(single)
    if citizen:
        payload["citizen"] = citizen
    meta = _metadata(single)
    if meta:
        payload["open311"] = meta
    return payload


def _describe(category: Category, field: str, message: str) -> str:
    if field.startswith("answers."):
        code = field.removeprefix("answers.")
        labels = {q["code"]: q.get("label", code) for q in category.data.get("questions") or []}
        return f"attribute[{code}] ({labels.get(code, code)}) : {message}"
    return f"{PARAMETERS.get(field, field)} : {message}"


def create_request(
    session: Session, *, api_key: str | None, fields: Mapping[str, list[str]]
) -> dict[str, Any]:
    """Create one request through the native intake; answer the public reference at once.

    The reference is known synchronously, so no token is handed out. The intake runs inside a
    savepoint: a refused request must not consume a reference number nor leave half a row.
    """
    user = authenticate(session, api_key=api_key)
    code = (fields.get("service_code") or [""])[0].strip()
    category = _category(session, code)
    payload = native_payload(category, fields)
    key = str(uuidlib.uuid4())
    try:
        with session.begin_nested():
            _created, answer = requests_service.put_request(
                session, key, payload, user=user, route="POST /open311/v2/requests.{fmt}"
            )
    except ValidationFailed as exc:
        raise Open311Error(
            400, *(_describe(category, f, m) for f, m in exc.fields.items())
        ) from None
    return {
        "service_request_id": answer["reference"],
        "service_notice": service_notice(category),
        "account_id": (payload.get("open311") or {}).get("account_id"),
    }


# ---------------------------------------------------------------- GET requests


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _parse_moment(name: str, value: str) -> dt.datetime:
    """A W3C date (midnight in Montréal) or date-time with its offset; naive times are refused."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        pass
    else:
        return dt.datetime.combine(day, dt.time(), tzinfo=_zone())
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise Open311Error(
            400, f"{name} : date invalide (format W3C, ex. 2026-11-23T09:05:00-05:00)."
        ) from None
    if moment.tzinfo is None:
        raise Open311Error(
            400, f"{name} : précisez le fuseau horaire (ex. 2026-11-23T09:05:00-05:00 ou …Z)."
        )
    return moment


def _period(params: Mapping[str, str], now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The window on requested_datetime: 90 days at most, the last 90 days by default."""
    start_text, end_text = params.get("start_date", ""), params.get("end_date", "")
    start = _parse_moment("start_date", start_text) if start_text else None
    end = _parse_moment("end_date", end_text) if end_text else None
    if start is None and end is None:
        return now - DEFAULT_SPAN, now
    if start is None:
        assert end is not None
        return end - DEFAULT_SPAN, end
    if end is None:
        return start, start + DEFAULT_SPAN
    if end < start:
        raise Open311Error(400, "end_date : doit suivre start_date.")
    if end - start > DEFAULT_SPAN:
        raise Open311Error(400, "start_date et end_date : l'intervalle ne peut dépasser 90 jours.")
    return start, end


def _native_statuses(values: list[str]) -> list[str]:
    wanted: set[str] = set()
    for value in values:
        if value == "open":
            wanted.update(OPEN_STATUSES)
        elif value == "closed":
            wanted.update(s for s in STATUSES if s not in OPEN_STATUSES)
        else:
            raise Open311Error(400, f"status : « {value} » invalide (open ou closed).")
    return sorted(wanted)


def _float(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _clean(value: Any) -> str | None:
    text = str(value or "").strip()
    return text or None


def _status_notes(row: Request, detailed: bool) -> str:
    """How the request was settled (the resolution of its ``close`` event) for plain service
    requests; a complaint's resolution may name people, so it shows only its status label."""
    if detailed and row.resolution and row.status not in OPEN_STATUSES:
        return row.resolution
    return STATUS_LABELS.get(row.status, row.status)


def public_request(row: Request, category: Category | None) -> dict[str, Any]:
    """The public view of a request: never the citizen block, the author nor the history.

    Description, place and photo are given for plain service requests only (DETAILED_NATURES).
    """
    payload = row.payload or {}
    detailed = row.nature in DETAILED_NATURES
    location = (payload.get("location") or {}) if detailed else {}
    meta = (payload.get("open311") or {}) if detailed else {}
    return {
        "service_request_id": row.reference,
        "status": "open" if row.status in OPEN_STATUSES else "closed",
        "status_notes": _status_notes(row, detailed),
        "service_name": category.label if category else row.category,
        "service_code": row.category,
        "description": _clean(payload.get("description")) if detailed else None,
        "agency_responsible": (category.department or None) if category else None,
        "service_notice": service_notice(category),
        "requested_datetime": w3c(row.created_at),
        "updated_datetime": w3c(row.updated_at),
        "expected_datetime": w3c(row.due_at),
        "address": _clean(location.get("address")),
        "address_id": _clean(location.get("address_id")),
        "zipcode": None,
        "lat": _float(location.get("lat")),
        "long": _float(location.get("lon")),
        "media_url": _clean(meta.get("media_url")),
    }


def _public_list(session: Session, rows: list[Request]) -> list[dict[str, Any]]:
    categories = {c.code: c for c in taxonomy.all_categories(session)}
    return [public_request(row, categories.get(row.category)) for row in rows]


def find_requests(
    session: Session, *, params: Mapping[str, str], now: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """GET requests: by references (which override every other filter), or by service code,
    status and period; newest first, MAX_RESULTS at most."""
    stmt = select(Request).where(Request.nature.in_(OPEN311_NATURES))
    references = _split(params.get("service_request_id"))
    if references:
        if len(references) > MAX_RESULTS:
            raise Open311Error(400, f"service_request_id : {MAX_RESULTS} identifiants au plus.")
        stmt = stmt.where(Request.reference.in_(references))
    else:
        start, end = _period(params, now or utcnow())
        stmt = stmt.where(Request.created_at >= start, Request.created_at <= end)
        codes = _split(params.get("service_code"))
        if codes:
            stmt = stmt.where(Request.category.in_(codes))
        statuses = _split(params.get("status"))
        if statuses:
            stmt = stmt.where(Request.status.in_(_native_statuses(statuses)))
    stmt = stmt.order_by(Request.created_at.desc(), Request.reference.desc()).limit(MAX_RESULTS)
    return _public_list(session, list(session.scalars(stmt)))


def get_request(session: Session, *, service_request_id: str) -> list[dict[str, Any]]:
    row = requests_service.get_by_reference(session, service_request_id)
    if row is None or row.nature not in OPEN311_NATURES:
        raise Open311Error(404, f"Requête « {service_request_id} » introuvable.")
    return _public_list(session, [row])


def token_lookup(session: Session, *, token: str) -> list[dict[str, Any]]:
    """Tokens are the native request UUIDs: the reference is always known at once."""
    try:
        key = str(uuidlib.UUID(token))
    except ValueError:
        raise Open311Error(404, f"Jeton « {token} » introuvable.") from None
    row = requests_service.get_request(session, key)
    if row is None or row.nature not in OPEN311_NATURES:
        raise Open311Error(404, f"Jeton « {token} » introuvable.")
    return [{"token": row.uuid, "service_request_id": row.reference}]
