"""A year of seasonal demo requests, so that the report page and the public report look real at
first start: snow in winter, potholes and sewer backups in spring, wasps and watering in summer,
leaves in autumn, collection all year; every nature and channel; follow-ups, closures, repeat
complaints with their V.I.P. meetings, satisfaction answers.

Everything goes through the server's own service functions (``put_request``, ``put_event``) so
references, feeds and history are what real use gives; the service's clock is set to each
moment of the past while it runs (references are numbered by the year of their receipt).
Deterministic: the same seed gives the same year.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import random
import uuid as uuidlib
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.timefmt import LOCAL_TZ, local_today
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Category
from pac_sac_desktop.server.reports.service import street_index
from pac_sac_desktop.server.requests import service as requests

AGENT = Caller(id=0, username="agent", display_name="Agente 311 (démo)", role="agent")
SUPERVISOR = Caller(
    id=0, username="superviseur", display_name="Superviseure (démo)", role="supervisor"
)

PER_DAY = 4.0  # about 1,450 requests a year: ~40 s through the services on a busy 2-core box
# Busier in the snow months and at the spring thaw, calmer at the end of summer.
MONTH_FACTOR = (1.35, 1.25, 1.2, 1.15, 1.05, 0.9, 0.85, 0.8, 0.85, 0.9, 0.9, 1.2)
WINTER = (12, 1, 2, 3)
SPRING = (3, 4, 5)
SUMMER = (6, 7, 8)
AUTUMN = (9, 10, 11)
ALL = tuple(range(1, 13))
# (category, months, weight)
SEASONS: tuple[tuple[str, tuple[int, ...], float], ...] = (
    ("rue-non-deneigee", WINTER, 9),
    ("trottoir-non-deneige", WINTER, 6),
    ("epandage-abrasif", WINTER, 5),
    ("visibilite-banc-de-neige", WINTER, 3),
    ("dommages-deneigement", (1, 2, 3, 4), 3),
    ("entree-eau-gelee", (1, 2), 2),
    ("info-stationnement-hivernal", WINTER, 4),
    ("nid-de-poule", SPRING, 12),
    ("nid-de-poule", (6, 7, 8, 9, 10, 11), 2),
    ("reparation-trottoir-bordure", (4, 5, 6), 3),
    ("refoulement-egout", (4, 5, 7, 8), 2),
    ("rue-non-balayee", (4, 5), 4),
    ("collecte-branches", (5, 6, 9, 10), 3),
    ("arrosage-non-respect", SUMMER, 4),
    ("nid-guepes", (7, 8, 9), 3),
    ("herbe-a-poux", (7, 8), 2),
    ("toilettes-publiques", SUMMER, 2),
    ("coyote", (5, 6, 7, 8, 9), 1.5),
    ("info-inscription-loisirs", (1, 5, 6, 8, 9), 3),
    ("feuilles-gazon-dans-la-rue", AUTUMN, 4),
    ("arbre-public", (5, 6, 7, 8, 9, 10), 2),
    ("collecte-manquee", ALL, 7),
    ("bac-brise", ALL, 2.5),
    ("livraison-bacs", ALL, 1.5),
    ("info-horaire-collectes", ALL, 4),
    ("info-taxes", (2, 3, 6), 4),
    ("info-permis", (4, 5, 6, 7), 3),
    ("eclairage-defectueux", (10, 11, 12, 1, 2), 3),
    ("qualite-eau", ALL, 1),
    ("depot-sauvage", (5, 6, 7, 8, 9, 10), 2),
    ("brigadier-commentaire", (9, 10, 11, 12, 1, 2, 3, 4, 5, 6), 1),
    ("info-ecocentre", (4, 5, 6, 7, 8, 9, 10), 2),
)
DESCRIPTIONS = {
    "rue-non-deneigee": [
        "La rue n'a pas été déneigée depuis la tempête d'hier soir; les voitures restent prises.",
        "Il reste une bonne épaisseur de neige durcie dans la rue, l'autobus scolaire ne passe plus.",
        "La charrue est passée sur la rue voisine mais pas sur la nôtre depuis deux jours.",
    ],
    "trottoir-non-deneige": [
        "Le trottoir devant l'école n'est pas déneigé; les enfants marchent dans la rue.",
        "Trottoir impraticable pour une personne en fauteuil roulant depuis la dernière chute de neige.",
    ],
    "epandage-abrasif": [
        "La côte est glacée, deux voitures ont glissé ce matin; il faudrait épandre de l'abrasif.",
        "Le trottoir est une patinoire devant l'arrêt d'autobus.",
    ],
    "visibilite-banc-de-neige": [
        "Le banc de neige au coin de la rue cache complètement les voitures qui arrivent.",
    ],
    "dommages-deneigement": [
        "La déneigeuse a arraché une partie de la pelouse et de la bordure devant la maison.",
        "Le souffleur a projeté de la glace sur la voiture stationnée dans l'entrée.",
    ],
    "entree-eau-gelee": ["Plus d'eau depuis ce matin, l'entrée d'eau semble gelée."],
    "info-stationnement-hivernal": [
        "Le citoyen demande les règles du stationnement de nuit en hiver.",
        "Question sur l'avis de déneigement et l'heure de fin de l'interdiction de stationner.",
    ],
    "nid-de-poule": [
        "Un nid-de-poule profond dans la voie de droite, une roue a été endommagée.",
        "Plusieurs nids-de-poule en série près de l'intersection, dangereux pour les cyclistes.",
        "Gros trou dans la chaussée devant l'entrée du garage, il s'agrandit chaque jour.",
    ],
    "reparation-trottoir-bordure": [
        "La bordure de béton est brisée et des morceaux traînent sur le trottoir."
    ],
    "refoulement-egout": ["Refoulement d'égout au sous-sol après la forte pluie de cette nuit."],
    "rue-non-balayee": [
        "Il reste beaucoup de gravier de l'hiver dans la rue, la poussière entre dans les maisons."
    ],
    "collecte-branches": [
        "Demande de collecte pour un tas de branches après l'élagage de la haie."
    ],
    "arrosage-non-respect": [
        "Un voisin arrose sa pelouse tous les jours en plein après-midi malgré l'interdiction."
    ],
    "nid-guepes": ["Un nid de guêpes dans l'arbre du parc, juste au-dessus des balançoires."],
    "herbe-a-poux": ["Un terrain vacant couvert d'herbe à poux à côté de la piste cyclable."],
    "toilettes-publiques": ["Les toilettes du parc sont fermées à clé depuis la fin de semaine."],
    "coyote": [
        "Un coyote a été vu plusieurs soirs de suite près du boisé, les parents sont inquiets."
    ],
    "info-inscription-loisirs": [
        "Question sur la date d'ouverture des inscriptions au camp de jour."
    ],
    "feuilles-gazon-dans-la-rue": [
        "Un entrepreneur souffle les feuilles dans la rue, les puisards sont bouchés."
    ],
    "arbre-public": ["L'arbre devant la maison a une grosse branche morte au-dessus du trottoir."],
    "collecte-manquee": [
        "Le bac de recyclage n'a pas été vidé ce matin alors que les voisins ont été collectés.",
        "Les ordures n'ont pas été ramassées sur toute la rue cette semaine.",
        "Le bac brun est resté plein après le passage du camion.",
    ],
    "bac-brise": ["Le couvercle du bac roulant s'est brisé lors de la collecte."],
    "livraison-bacs": [
        "Nouvelle propriétaire : demande de livraison des bacs de recyclage et de compost."
    ],
    "info-horaire-collectes": [
        "Le citoyen veut connaître le jour de collecte des encombrants dans son secteur."
    ],
    "info-taxes": ["Question sur la date du deuxième versement du compte de taxes."],
    "info-permis": [
        "Le citoyen demande s'il faut un permis pour installer une piscine hors terre."
    ],
    "eclairage-defectueux": [
        "Le lampadaire devant le numéro civique clignote et s'éteint toute la nuit."
    ],
    "qualite-eau": ["L'eau du robinet est brunâtre depuis les travaux dans la rue."],
    "depot-sauvage": ["Des matelas et des pneus ont été abandonnés au bout du rang."],
    "brigadier-commentaire": [
        "Le brigadier scolaire est toujours souriant et prudent, la citoyenne tient à le souligner."
    ],
    "info-ecocentre": [
        "Question sur les heures d'ouverture de l'écocentre et les matières acceptées."
    ],
}
FIRST_NAMES = ("Marie", "Jean", "Sylvie", "Luc", "Nathalie", "François", "Isabelle", "Mathieu",
               "Chantal", "Éric", "Julie", "Stéphane", "Geneviève", "Alexandre", "Catherine",
               "Gabriel", "Émilie", "Olivier", "Mélanie", "Samuel")  # fmt: skip
LAST_NAMES = ("Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie",
              "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron",
              "Leblanc", "Paquette", "Girard", "Simard", "Boucher")  # fmt: skip
CHANNELS = (("phone", 45), ("counter", 12), ("email", 13), ("web", 20), ("mobile", 10))
CONTACTS = (("email", 35), ("sms", 15), ("phone", 30), ("none", 20))


@contextlib.contextmanager
def service_clock(moment_holder: list[dt.datetime]) -> Iterator[None]:
    """The request service's clock reads ``moment_holder[0]`` while the demo is written."""
    original = requests.utcnow
    requests.utcnow = lambda: moment_holder[0]  # type: ignore[assignment]
    try:
        yield
    finally:
        requests.utcnow = original  # type: ignore[assignment]


@dataclass
class Summary:
    requests: int = 0
    events: int = 0


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _w in weighted], weights=[w for _k, w in weighted])[0]


@functools.lru_cache(maxsize=1)
def _streets() -> list[tuple[str, list[tuple[int, int]]]]:
    """Street names as the city writes them (accents, capitals) with their civic ranges."""
    data = yaml.safe_load((resources_dir() / "streets.yaml").read_text(encoding="utf-8")) or {}
    return [
        (str(s["name"]), [(int(g["from"]), int(g["to"])) for g in s.get("segments", [])])
        for s in data.get("streets", [])
    ]


def _address(rng: random.Random) -> str:
    streets = _streets()
    if not streets:
        return "100, rue Principale"
    name, segments = rng.choice(streets)
    if not segments:
        return name
    low, high = rng.choice(segments)
    return f"{rng.randint(low, min(high, low + 300))}, {name}"


def generate(
    session: Session, *, end: dt.date | None = None, per_day: float = PER_DAY, seed: int = 2026
) -> Summary:
    """Write a year of requests ending the day before ``end`` (today by default)."""
    rng = random.Random(seed)
    end = end or local_today()
    start = end - dt.timedelta(days=365)
    categories = {c.code: c for c in session.scalars(select(Category))}
    seasons = [(c, m, w) for c, m, w in SEASONS if c in categories]
    if not seasons:
        return Summary()
    already = _requests_per_day(session, start)
    now_real = dt.datetime.now(dt.UTC)
    clock = [now_real]
    summary = Summary()
    complaints_by_citizen: dict[tuple[str, str], int] = {}

    def event(request_uuid: str, at: dt.datetime, kind: str, data: dict) -> None:
        if at >= now_real:
            return
        clock[0] = at
        requests.put_event(
            session, request_uuid, str(uuidlib.UUID(int=rng.getrandbits(128))),
            {"kind": kind, "data": data}, user=SUPERVISOR,
        )  # fmt: skip
        summary.events += 1

    with service_clock(clock):
        day = start
        while day < end:
            weekday_factor = 0.45 if day.weekday() >= 5 else 1.15
            season_factor = MONTH_FACTOR[day.month - 1]
            wanted = round(rng.gauss(per_day * weekday_factor * season_factor, 2))
            count = max(0, wanted - already.get(day, 0))
            month_choices = [(c, w) for c, months, w in seasons if day.month in months]
            for _ in range(count):
                code = rng.choices([c for c, _w in month_choices], [w for _c, w in month_choices])[
                    0
                ]
                category = categories[code]
                summary.requests += 1
                _one(session, rng, category, day, event, clock, complaints_by_citizen)
            day += dt.timedelta(days=1)
    from pac_sac_desktop.server.reports import facts

    facts.invalidate(session)  # history written in the past: rebuild the report cache
    return summary


def _one(session, rng, category, day, event, clock, complaints_by_citizen) -> None:  # type: ignore[no-untyped-def]
    data = category.data or {}
    natures = [n for n in data.get("natures", ["request"]) if n]
    weights = {"request": 55, "complaint": 30, "information": 60, "comment": 25}
    nature = rng.choices(natures, [weights.get(n, 10) for n in natures])[0]
    hour = rng.choices(range(7, 21), weights=[3, 6, 8, 8, 7, 5, 6, 7, 6, 5, 3, 2, 2, 1])[0]
    created = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)), LOCAL_TZ).astimezone(
        dt.UTC
    )
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    contact = _pick(rng, CONTACTS)
    # A few citizens call again about the same problem: the V.I.P. policy's repeat complaints.
    repeat = nature == "complaint" and rng.random() < 0.07
    citizen = {
        "first_name": first,
        "last_name": last,
        "phone": f"450 555-{rng.randint(100, 9999):04d}",
        "email": f"{first.lower().replace('é', 'e').replace('ç', 'c')}.{last.lower().replace('ô', 'o').replace('é', 'e')}@exemple.ca",
        "contact": contact,
    }
    channel = _pick(rng, CHANNELS)
    fcr = (nature == "information" and rng.random() < 0.85) or (
        nature in ("request", "comment") and rng.random() < 0.08
    )
    payload = {
        "nature": nature,
        "category": category.code,
        "channel": channel,
        "description": rng.choice(
            DESCRIPTIONS.get(
                category.code, [f"{category.label} : situation signalée par le citoyen."]
            )
        ),
        "answers": sample_answers(data.get("questions", [])),
        "kb_articles": [],
        "resolved_first_contact": fcr,
        "citizen": citizen,
        "created_at": created.isoformat(),
    }
    if nature != "information":
        payload["location"] = {"address": _address(rng)}
    key = str(uuidlib.UUID(int=rng.getrandbits(128)))
    clock[0] = created
    requests.put_request(session, key, payload, user=AGENT)
    h = dt.timedelta(hours=1)
    if fcr:
        event(
            key,
            created + dt.timedelta(minutes=rng.randint(2, 12)),
            "status",
            {"status": "closed", "text": "Réglée au premier contact."},
        )
        return
    if nature in ("information", "comment"):
        event(
            key,
            created + rng.uniform(1, 48) * h,
            "status",
            {"status": "closed", "text": "Réponse transmise au citoyen."},
        )
        return
    event(
        key,
        created + rng.uniform(0.2, 3) * h,
        "assignment",
        {"to": category.department, "kind": "department"},
    )
    if nature == "complaint":
        if rng.random() < 0.92:
            delay = rng.lognormvariate(2.2, 0.8)  # median about 9 h; most within 24 h
            outcome = rng.choice(["reached", "reached", "reached", "message", "written"])
            event(
                key,
                created + delay * h,
                "followup",
                {
                    "outcome": outcome,
                    "text": "Premier suivi : la citoyenne a été informée de la prise en charge.",
                },
            )
        if repeat:
            district = street_index().locate(payload.get("location", {}).get("address", ""))
            councillor = district.district.councillor if district and district.district else ""
            event(
                key,
                created + 4 * h,
                "meeting",
                {
                    "status": "to_schedule",
                    "reason": "Deuxième plainte sur le même sujet en moins d'un an.",
                },
            )
            if rng.random() < 0.75:
                date = created + rng.uniform(5, 20) * 24 * h
                event(
                    key,
                    created + 30 * h,
                    "meeting",
                    {
                        "status": "planned",
                        "date": date.isoformat(),
                        "councillor": councillor,
                        "official": "Chef de division, Travaux publics",
                    },
                )
                if rng.random() < 0.8:
                    event(
                        key,
                        date + 2 * h,
                        "meeting",
                        {
                            "status": "held",
                            "date": date.isoformat(),
                            "councillor": councillor,
                            "official": "Chef de division, Travaux publics",
                            "outcome": "Correctif convenu et échéancier remis au citoyen.",
                        },
                    )
    deadline = max(category.deadline_hours or 72, 2)
    if rng.random() < 0.88:
        factor = rng.lognormvariate(-0.35, 0.6)  # about three in four within the deadline
        done = created + max(0.5, deadline * factor) * h
        if rng.random() < 0.4:
            event(
                key,
                created + min(deadline * factor * 0.5, 48) * h,
                "status",
                {"status": "in_progress"},
            )
        event(key, done, "status", {"status": "resolved", "text": "Travaux terminés."})
        done += rng.uniform(0.1, 6) * h
        event(
            key,
            done,
            "close",
            {"resolution": "Intervention réalisée par l'équipe : situation corrigée."},
        )
        if rng.random() < 0.38:
            score = rng.choices([1, 2, 3, 4, 5], weights=[5, 8, 17, 36, 34])[0]
            comments = {1: "Beaucoup trop long, j'ai dû rappeler trois fois.", 2: "Réglé, mais sans nouvelles pendant des jours.",
                        3: "Correct.", 4: "Merci pour le suivi.", 5: "Service rapide et courtois, bravo à l'équipe !"}  # fmt: skip
            source = "link" if rng.random() < 0.6 else "phone"
            event(
                key,
                done + rng.uniform(2, 96) * h,
                "satisfaction",
                {
                    "score": score,
                    "comment": comments[score] if rng.random() < 0.5 else "",
                    "source": source,
                },
            )


def _requests_per_day(session: Session, since: dt.date) -> dict[dt.date, int]:
    """Requests the database already holds per local day: the recent weeks of the requests' own
    demo count toward the year's days, else the last month of the report doubles."""
    from pac_sac_desktop.server.models import Request

    start = dt.datetime.combine(since, dt.time(), LOCAL_TZ).astimezone(dt.UTC)
    days: dict[dt.date, int] = {}
    for created in session.scalars(select(Request.created_at).where(Request.created_at >= start)):
        moment = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
        day = moment.astimezone(LOCAL_TZ).date()
        days[day] = days.get(day, 0) + 1
    return days


MARKER = "demo_year"


def already_written(session: Session) -> bool:
    """True once the demo year is in this database (a marker row, whatever other demo data the
    database holds, e.g. the few recent weeks of the requests' own demo)."""
    from pac_sac_desktop.server.notices.models import NoticeCursor

    return session.get(NoticeCursor, MARKER) is not None


def mark_written(session: Session, moment: dt.datetime) -> None:
    from pac_sac_desktop.server.notices.models import NoticeCursor

    session.add(NoticeCursor(name=MARKER, value=moment))
