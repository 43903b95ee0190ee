"""Ten weeks of requests for the demo city (Ville de Rivière-des-Cèdres, docs/demo-city.md).

``pac-sac-server init --demo`` calls :func:`generate` so that a supervisor opening the demo sees
real queues: open requests past their category's deadline, complaints waiting for their first
follow-up (some past 24 hours), two repeat complaints whose V.I.P. meeting with the district
councillor is to be planned, closed requests with their resolution and the citizen's
satisfaction, a merged duplicate. Everything goes through the same service functions as a
workstation's uploads (``put_request``, ``put_event``), so references, deadlines, feed entries
and state columns are exactly what real use would give.

Deterministic: one seeded random generator and UUIDs derived from the request's rank; the
times are relative to ``now``. Running it again finds the first request and adds nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import unicodedata
import uuid as uuidlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.taxonomy import Category as CategoryDef
from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.models import Category, Request, User
from pac_sac_desktop.server.requests import service
from pac_sac_desktop.server.types import utcnow

SEED = 311
COUNT = 300
SPAN = dt.timedelta(days=70)  # ~4 a day, the density of the demo year behind it
NAMESPACE = uuidlib.UUID("6f1c2a9e-4b7d-4c11-9a35-3d0c8e5b7a21")

TEXTS = "demo_requests.yaml"  # in resources/: descriptions, resolutions, names, parks


@functools.cache
def texts() -> dict[str, Any]:
    """The demo's words (resources/demo_requests.yaml), kept out of the code that uses them."""
    return yaml.safe_load((resources_dir() / TEXTS).read_text(encoding="utf-8"))


CHANNELS = (("phone", 45), ("counter", 20), ("web", 15), ("email", 12), ("mobile", 8))
SCORES = ((5, 30), (4, 35), (3, 20), (2, 10), (1, 5))


@dataclass
class Summary:
    """What a run created; ``already`` when the demo requests were there before."""

    requests: int = 0
    events: int = 0
    already: bool = False
    natures: Counter = field(default_factory=Counter)


@dataclass
class _Spec:
    rank: int
    created: dt.datetime
    category: CategoryDef
    nature: str
    text: str
    answers: dict[str, Any]
    citizen: dict[str, str]
    address: str
    channel: str
    author: Caller
    role: str = "random"  # random | awaiting | repeat_first | repeat_second | dup_target | dup
    uuid: str = ""
    earlier: _Spec | None = None  # the first complaint of a repeat, the target of a duplicate
    last: dt.datetime | None = None  # its latest event so far


def request_uuid(rank: int) -> str:
    return str(uuidlib.uuid5(NAMESPACE, f"demande-{rank}"))


class _Generator:
    def __init__(self, session: Session, now: dt.datetime, seed: int) -> None:
        self.session = session
        self.now = now
        self.rng = random.Random(seed)
        rows = session.scalars(
            select(Category).where(Category.code.in_(list(texts()["templates"])))
        )
        self.categories = {r.code: CategoryDef.from_row(r) for r in rows}
        users = {u.username: u for u in session.scalars(select(User))}
        missing = {"agent", "superviseur"} - set(users)
        if missing:
            raise ValueError(f"comptes de démonstration absents : {', '.join(sorted(missing))}")
        self.agent, self.supervisor = (
            Caller(users[n].id, n, users[n].display_name, users[n].role)
            for n in ("agent", "superviseur")
        )
        self.streets = service._streets()
        document = yaml.safe_load((resources_dir() / "streets.yaml").read_text("utf-8")) or {}
        self.street_list = [
            (s["name"], [(g["from"], g["to"]) for g in s.get("segments", [])])
            for s in document.get("streets", [])
        ]
        self.summary = Summary()
        self.words = texts()

    # ------------------------------------------------------------ what a request looks like
    def address(self) -> tuple[str, str]:
        name, segments = self.rng.choice(self.street_list)
        low, high = self.rng.choice(segments)
        civic = self.rng.randint(low, min(high, low + 300))
        return f"{civic}, {name}", name

    def citizen(self, nature: str) -> dict[str, str]:
        first, last = (
            self.rng.choice(self.words["first_names"]),
            self.rng.choice(self.words["last_names"]),
        )
        phone = f"450 555-{self.rng.randint(100, 999):04d}"
        citizen = {"first_name": first, "last_name": last, "phone": phone, "contact": "phone"}
        if nature in ("information", "comment") and self.rng.random() < 0.5:
            return {"first_name": first, "contact": "none"}
        if self.rng.random() < 0.3:
            citizen["email"] = f"{_ascii(first)}.{_ascii(last)}@exemple.ca".lower()
            citizen["contact"] = "email"
        citizen["address"] = self.address()[0]
        return citizen

    def spec(
        self,
        rank: int,
        created: dt.datetime,
        code: str | None = None,
        nature: str | None = None,
        where: tuple[str, str] | None = None,
    ) -> _Spec:
        code = code or self.rng.choice(list(self.categories))
        category = self.categories[code]
        templates = self.words["templates"][code]
        template = self.rng.choice([t for t in templates if nature in (None, t["nature"])])
        kind, text = template["nature"], template["text"]
        place, street = where or self.address()
        civic = place.split(",")[0]
        cross = self.rng.choice(self.street_list)[0]
        fill = {
            "civic": civic,
            "street": street,
            "park": self.rng.choice(self.words["parks"]),
            "la_rue": _article(street),
            "de_la_rue": _article(street, of=True),
            "la_cross": _article(cross),
            "de_la_cross": _article(cross, of=True),
        }
        citizen = self.citizen(kind)
        answers = self.answers(category, created, fill)
        answers.update(template.get("answers") or {})
        channel = self.rng.choices([c for c, _w in CHANNELS], [w for _c, w in CHANNELS])[0]
        author = self.supervisor if self.rng.random() < 0.1 else self.agent
        located = kind in ("request", "complaint") or "{" in text
        return _Spec(
            rank=rank,
            created=created,
            category=category,
            nature=kind,
            text=text.format(**fill),
            answers=answers,
            citizen=citizen,
            address=place if located else "",
            channel=channel,
            author=author,
        )

    def answers(self, category: CategoryDef, created: dt.datetime, fill: dict) -> dict:
        day = (created.astimezone(LOCAL_TZ) - dt.timedelta(days=self.rng.randint(0, 2))).date()
        texts = {
            "troncon": f"entre {fill['la_cross']} et la rue suivante",
            "parc": fill["park"].replace("parc", "Parc", 1),
            "rue_transversale": fill["la_cross"],
            "intersection": f"{fill['la_rue']} et {fill['la_cross']}",
            "lieu": fill["park"],
            "emplacement": f"devant le {fill['civic']}, {fill['street']}",
        }
        out: dict[str, Any] = {}
        for q in category.questions:
            if not q.required:
                continue
            if q.type == "choice":
                out[q.code] = self.rng.choice(q.choices)
            elif q.type == "yes_no":
                out[q.code] = "oui" if self.rng.random() < 0.15 else "non"
            elif q.type == "number":
                civic = int(fill["civic"])
                numbers = {"debut_troncon": civic, "fin_troncon": civic + 120}
                out[q.code] = numbers.get(q.code, self.rng.randint(1, 4))
            elif q.type == "date":
                out[q.code] = day.isoformat()
            else:
                out[q.code] = texts.get(q.code, "Précision donnée par le citoyen.")
        return out

    # ------------------------------------------------------------ through the services
    def upload(self, spec: _Spec) -> None:
        spec.uuid = request_uuid(spec.rank)
        payload: dict[str, Any] = {
            "nature": spec.nature,
            "category": spec.category.code,
            "channel": spec.channel,
            "description": spec.text,
            "citizen": spec.citizen,
            "answers": spec.answers,
            "kb_articles": [],
            "resolved_first_contact": spec.nature in ("information", "comment"),
            "created_at": spec.created.isoformat(),
        }
        if spec.address:
            payload["location"] = {"address": spec.address}
        received = spec.created + dt.timedelta(seconds=self.rng.randint(20, 400))
        service.put_request(self.session, spec.uuid, payload, user=spec.author, now=received)
        self.summary.requests += 1
        self.summary.natures[spec.nature] += 1

    def event(self, spec: _Spec, at: dt.datetime, user: Caller, kind: str, data: dict) -> None:
        """One action through ``put_event``, at a moment after the request's previous one."""
        if spec.last is not None:
            at = max(at, spec.last + dt.timedelta(minutes=1))
        at = min(at, self.now - dt.timedelta(minutes=1))
        spec.last = at
        n = self.summary.events
        event_uuid = str(uuidlib.uuid5(NAMESPACE, f"{spec.uuid}/{n}"))
        body = {"kind": kind, "data": data, "created_at": at.isoformat()}
        service.put_event(self.session, spec.uuid, event_uuid, body, user=user, now=at)
        self.summary.events += 1

    def life(self, spec: _Spec) -> None:
        """What happened to the request since it was captured, by its age and nature."""
        rng, sup = self.rng, self.supervisor
        age = self.now - spec.created
        t = spec.created + dt.timedelta(minutes=rng.randint(5, 60))
        if spec.nature in self.words["closed_at_once"]:
            resolution = self.words["closed_at_once"][spec.nature]
            self.event(spec, t, sup, "close", {"resolution": resolution})
            return
        if spec.nature == "complaint" and spec.role != "awaiting":
            soon = min(age * 0.8, dt.timedelta(hours=rng.uniform(1, 20)))
            outcome = rng.choice(["reached", "reached", "message"])
            text = "Accusé de réception et explication des prochaines étapes."
            self.event(
                spec, spec.created + soon, sup, "followup", {"outcome": outcome, "text": text}
            )
        if spec.role == "repeat_second":
            self.meeting(spec)
        if spec.role == "dup":
            self.merge(spec)
        if spec.role in ("awaiting", "repeat_second", "dup"):
            return
        hours = age.total_seconds() / 3600
        closing = 0.93 if hours > 240 else 0.75 if hours > 96 else 0.3 if hours > 24 else 0.05
        if rng.random() < 0.1 and spec.nature == "request":
            self.event(
                spec,
                t,
                self.agent,
                "caller",
                {
                    "text": "Un deuxième citoyen signale le même problème.",
                    "citizen": {
                        "first_name": rng.choice(self.words["first_names"]),
                        "last_name": rng.choice(self.words["last_names"]),
                    },
                },
            )
        closed = rng.random() < closing
        if not closed and rng.random() < 0.35:
            return  # still waiting to be dispatched
        steps = sorted(rng.uniform(0.05, 0.9) for _ in range(3))
        at = [spec.created + age * s for s in steps]
        self.event(
            spec, at[0], sup, "assignment", {"to": spec.category.department, "kind": "department"}
        )
        if closed or rng.random() < 0.5:
            self.event(spec, at[1], sup, "status", {"status": "in_progress"})
        if not closed:
            return
        resolutions = self.words["resolutions"].get(spec.category.department, ["Travaux réalisés."])
        self.event(spec, at[2], sup, "close", {"resolution": rng.choice(resolutions)})
        if rng.random() < 0.5:
            score = rng.choices([s for s, _w in SCORES], [w for _s, w in SCORES])[0]
            comment = {5: "Très satisfait, merci!", 1: "Trop long à mon goût."}.get(score, "")
            later = at[2] + (self.now - at[2]) * 0.5
            self.event(
                spec,
                later,
                self.agent,
                "satisfaction",
                {"score": score, "comment": comment, "source": "phone"},
            )

    # ------------------------------------------------------------ the special cases
    def repeat_pair(self, rank: int, code: str, where: tuple[str, str]) -> list[_Spec]:
        """Two complaints from one citizen on one subject: the second calls for a meeting."""
        first_at = self.now - dt.timedelta(days=self.rng.randint(18, 26), hours=3)
        second_at = self.now - dt.timedelta(days=self.rng.randint(2, 4), hours=5)
        first = self.spec(rank, first_at, code, "complaint", where)
        civic, street = where[0].split(", ")
        first.citizen["address"] = f"{int(civic) + 2}, {street}"  # next door
        second = self.spec(rank + 1, second_at, code, "complaint")
        second.citizen, second.address, second.author = first.citizen, first.address, self.agent
        second.text = "Deuxième plainte : " + first.text[0].lower() + first.text[1:]
        first.role, second.role, second.earlier = "repeat_first", "repeat_second", first
        return [first, second]

    def meeting(self, second: _Spec) -> None:
        """The agent who took the second complaint queues the V.I.P. meeting (to schedule)."""
        assert second.earlier is not None
        place = self.streets.locate(second.address or second.citizen.get("address", ""))
        district = place.district if place is not None else None
        data = {
            "status": "to_schedule",
            "reason": "Deuxième plainte du même citoyen sur le même sujet : rencontre "
            "obligatoire avec le conseiller du district et un fonctionnaire (politique V.I.P.).",
            "earlier": second.earlier.uuid,
        }
        if district is not None:
            title = "conseillère" if district.councillor.startswith("Mme") else "conseiller"
            data["reason"] = (
                "Deuxième plainte du même citoyen sur le même sujet : rencontre obligatoire "
                f"avec {district.councillor}, {title} du district {district.name}, et un "
                "fonctionnaire (politique V.I.P.)."
            )
            data.update(
                councillor=district.councillor,
                district=district.number,
                district_name=district.name,
            )
        self.event(second, second.created + dt.timedelta(minutes=12), self.agent, "meeting", data)

    def merge(self, duplicate: _Spec) -> None:
        """A supervisor finds the same pothole reported twice and merges the second."""
        assert duplicate.earlier is not None
        target = self.session.get(Request, duplicate.earlier.uuid)
        data = {"into": duplicate.earlier.uuid, "into_label": target.reference if target else ""}
        self.event(
            duplicate, duplicate.created + dt.timedelta(hours=2), self.supervisor, "merge", data
        )

    def run(self, count: int) -> Summary:
        rng, now = self.rng, self.now
        specs: list[_Spec] = []
        for code, where in (
            ("bruit-appareil-mecanique", ("46, rue des Merisiers", "rue des Merisiers")),
            ("collecte-manquee", ("215, rue Sainte-Anne", "rue Sainte-Anne")),
        ):
            specs += self.repeat_pair(len(specs), code, where)
        for hours in (3, 9, 16, 22, 30, 52, 75, 110):  # complaints awaiting a first follow-up
            spec = self.spec(
                len(specs),
                now - dt.timedelta(hours=hours),
                "collecte-manquee" if hours % 2 else "nid-de-poule",
                "complaint",
            )
            spec.role = "awaiting"
            specs.append(spec)
        target = self.spec(
            len(specs), now - dt.timedelta(days=6, hours=2), "nid-de-poule", "request"
        )
        duplicate = self.spec(len(specs) + 1, now - dt.timedelta(days=5), "nid-de-poule", "request")
        duplicate.address, target.role, duplicate.role = target.address, "dup_target", "dup"
        duplicate.earlier = target
        specs += [target, duplicate]
        while len(specs) < count:
            created = now - SPAN * rng.random() ** 0.8  # a little busier lately
            specs.append(self.spec(len(specs), _office_hours(created, rng)))
        specs.sort(key=lambda s: s.created)
        for spec in specs:  # oldest first: references follow the capture order
            self.upload(spec)
            self.life(spec)
        return self.summary


def _office_hours(moment: dt.datetime, rng: random.Random) -> dt.datetime:
    """Move a moment to a plausible hour of the day in Montréal (8 h to 20 h)."""
    local = moment.astimezone(LOCAL_TZ)
    local = local.replace(hour=rng.randint(8, 19), minute=rng.randint(0, 59))
    return min(local.astimezone(dt.UTC), moment)


_ARTICLES = {
    "rue": "la",
    "montée": "la",
    "place": "la",
    "boulevard": "le",
    "chemin": "le",
    "rang": "le",
    "croissant": "le",
    "avenue": "l'",
    "impasse": "l'",
}


def _article(street: str, *, of: bool = False) -> str:
    """'rue des Pins' -> 'la rue des Pins' (or 'de la rue des Pins'); 'boulevard X' -> 'le
    boulevard X' ('du boulevard X'); 'avenue X' -> "l'avenue X" ("de l'avenue X")."""
    article = _ARTICLES.get(street.split()[0], "la")
    if article == "l'":
        return f"de l'{street}" if of else f"l'{street}"
    if of:
        return f"du {street}" if article == "le" else f"de la {street}"
    return f"{article} {street}"


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFD", text)
    return "".join(c for c in plain if c.isalnum() and c.isascii())


def generate(
    session: Session, *, now: dt.datetime | None = None, seed: int = SEED, count: int = COUNT
) -> Summary:
    """Create the demo requests once (in the caller's transaction); see the module's docstring."""
    if session.get(Request, request_uuid(0)) is not None:
        return Summary(already=True)
    return _Generator(session, now or utcnow(), seed).run(count)
