"""Knowledge-base articles: what an answer sheet is and how a Markdown file becomes one.

The parser is strict about what would mislead an agent (no title, an impossible date) and
lenient about the rest (missing tags or service get defaults), so that one bad file never
blocks a whole import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pac_sac_desktop.core.errors import ArticleRejected
from pac_sac_desktop.core.timefmt import LOCAL_TZ

DEFAULT_SERVICE = "Service aux citoyens (311)"
CATEGORY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
#: How long an answer sheet stays trusted before its owner service must re-read it, by service
#: (days); any other service: DEFAULT_REVIEW_DAYS. Sheets about works and collections change with
#: the seasons, so they are re-read twice a year; rules and by-laws once a year.
REVIEW_DAYS = {
    "Travaux publics": 180,
    "Environnement": 180,
    "Loisirs, culture et vie communautaire": 180,
    "Sécurité incendie et sécurité civile": 180,
}
DEFAULT_REVIEW_DAYS = 365
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")
MAX_TITLE = 200
MAX_BODY = 200_000


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so an impossible date is our error, not PyYAML's."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The sheet's section of citizens' own words (docs/kb-format.md): what a caller says when this
# sheet is the answer. The semantic ranking reads them beside the title and summary.
PHRASINGS_HEADING = "Ce que disent les citoyens"
MAX_PHRASINGS = 12
MAX_PHRASING = 300
_PHRASINGS_START = re.compile(r"^#{2,3}[ \t]+ce que disent les citoyens[ \t]*:?[ \t]*$", re.I | re.M)
_NEXT_HEADING = re.compile(r"^#", re.M)
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(.+)$", re.M)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Article:
    """One answer sheet as the communications service wrote it."""

    id: str
    title: str
    body: str
    service: str = DEFAULT_SERVICE
    tags: tuple[str, ...] = ()
    summary: str = ""
    updated: dt.date | None = None
    expires: dt.date | None = None
    urgent: bool = False
    source: str = field(default="", compare=False)
    #: Request categories (taxonomy codes) this sheet answers for, from ``categories:``.
    categories: tuple[str, ...] = ()
    #: A precise end (UTC) for a time-boxed notice; ``expires`` is then its local date.
    expires_at: dt.datetime | None = None
    #: The date by which the owner service must re-read the sheet (default: see review_due).
    review_by: dt.date | None = None
    #: When a scheduled publication goes live (UTC); only meaningful on a draft.
    publish_at: dt.datetime | None = field(default=None, compare=False)

    def is_expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def is_current_urgent(self, today: dt.date) -> bool:
        return self.urgent and not self.is_expired(today)

    def ends_at(self) -> dt.datetime | None:
        """The moment (UTC) the sheet stops being current: ``expires_at``, else the end of the
        ``expires`` day on the city's clock."""
        if self.expires_at is not None:
            return self.expires_at
        if self.expires is None:
            return None
        midnight = dt.datetime.combine(self.expires + dt.timedelta(days=1), dt.time(), LOCAL_TZ)
        return midnight.astimezone(dt.UTC)

    def is_over(self, now: dt.datetime) -> bool:
        end = self.ends_at()
        return end is not None and end <= now

    def in_force(self, now: dt.datetime) -> bool:
        """An urgent notice that has not reached its end: the banner shows it."""
        return self.urgent and not self.is_over(now)

    def lifted_on(self, now: dt.datetime) -> dt.date | None:
        """For an urgent notice that has ended: the local day it was lifted (else None).

        A notice valid "until 30 November" was lifted on 30 November, at the end of that day."""
        if not self.urgent or not self.is_over(now):
            return None
        if self.expires_at is not None:
            return self.expires_at.astimezone(LOCAL_TZ).date()
        return self.expires

    def review_due(self) -> dt.date | None:
        """``review_by``, else the last update plus the owner service's review period."""
        if self.review_by is not None:
            return self.review_by
        if self.updated is None:
            return None
        days = REVIEW_DAYS.get(self.service, DEFAULT_REVIEW_DAYS)
        return self.updated + dt.timedelta(days=days)

    def needs_review(self, today: dt.date) -> bool:
        """Overdue for its review: agents see « à vérifier ». Urgent notices end by themselves."""
        due = self.review_due()
        return not self.urgent and due is not None and due < today

    def citizen_phrasings(self) -> tuple[str, ...]:
        """The bullets under « ## Ce que disent les citoyens », quotes removed; none without it.

        Bounded (MAX_PHRASINGS of MAX_PHRASING characters): each one is encoded, and a pasted
        novel must not make the background vectors crawl."""
        start = _PHRASINGS_START.search(self.body)
        if start is None:
            return ()
        section = self.body[start.end() :]
        end = _NEXT_HEADING.search(section)
        if end is not None:
            section = section[: end.start()]
        found = []
        for match in _BULLET.finditer(section):
            text = match.group(1).strip().strip("«»\"“”").strip()
            if text:
                found.append(text[:MAX_PHRASING])
        return tuple(found[:MAX_PHRASINGS])

    def content_hash(self) -> str:
        """A fingerprint of what an agent sees; an import that changes nothing keeps the version."""
        payload = json.dumps(
            [
                self.title,
                self.body,
                self.service,
                list(self.tags),
                self.summary,
                self.updated.isoformat() if self.updated else None,
                self.expires.isoformat() if self.expires else None,
                self.urgent,
            ]
            # New fields only when set: sheets written before them keep their fingerprint.
            + ([list(self.categories)] if self.categories else [])
            + ([f"end:{self.expires_at.isoformat()}"] if self.expires_at else [])
            + ([f"review:{self.review_by.isoformat()}"] if self.review_by else []),
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _as_date(value: object, name: str, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ArticleRejected(path, f"date « {name} » invalide ({value!r}) : format attendu AAAA-MM-JJ")


def _as_moment(value: object, name: str, path: str) -> dt.datetime | None:
    """'2026-12-05 18:00' (the city's clock) or an ISO moment with its offset, as UTC."""
    if value is None or value == "":
        return None
    moment: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    if moment is None:
        raise ArticleRejected(
            path, f"moment « {name} » invalide ({value!r}) : format attendu AAAA-MM-JJ HH:MM"
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(dt.UTC)


def _as_categories(value: object, path: str) -> tuple[str, ...]:
    codes = _as_tags(value, path, "categories")
    for code in codes:
        if not CATEGORY_PATTERN.match(code):
            raise ArticleRejected(path, f"catégorie « {code} » invalide (code de la taxonomie)")
    return codes


def _as_bool(value: object, name: str, path: str) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"oui", "non", "true", "false"}:
        return value.strip().lower() in {"oui", "true"}
    raise ArticleRejected(path, f"« {name} » doit valoir true ou false ({value!r})")


def _as_tags(value: object, path: str, name: str = "tags") -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [t for t in value.split(",")]
    if not isinstance(value, list) or any(isinstance(t, dict | list) for t in value):
        raise ArticleRejected(path, f"« {name} » doit être une liste")
    tags = [str(t).strip() for t in value if str(t).strip()]
    return tuple(dict.fromkeys(tags))


def _storable(meta: dict, body: str, path: str) -> None:
    """No NUL byte nor lone surrogate in any field, name or value (a YAML "\\ud800" crashed the
    draft's save, and the refusal's own message when it echoed the value)."""
    from pac_sac_desktop.core.requests import text_problem

    def texts(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list | tuple):
            return [t for item in value for t in texts(item)]
        if isinstance(value, dict):
            return [t for k, v in value.items() for t in (*texts(k), *texts(v))]
        return []

    for name, value in [("body", body), *meta.items()]:
        for text in [*texts(name), *texts(value)]:
            problem = text_problem(text)
            if problem:
                label = name if isinstance(name, str) and not text_problem(name) else "?"
                raise ArticleRejected(path, f"champ « {label} » : {problem}")


def _article_from_fields(meta: dict, body: str, path: str, *, source: str = "") -> Article:
    """The one place that turns fields (front matter or JSON) into a checked Article."""
    _storable(meta, body, path)
    article_id = str(meta.get("id") or "").strip()
    if not article_id:
        raise ArticleRejected(path, "champ « id » manquant")
    if not ID_PATTERN.match(article_id):
        raise ArticleRejected(
            path,
            f"identifiant « {article_id} » invalide (minuscules, chiffres et tirets seulement)",
        )
    title = str(meta.get("title") or "").strip()
    if not title:
        raise ArticleRejected(path, "titre manquant (champ « title »)")
    if len(title) > MAX_TITLE:
        raise ArticleRejected(
            path, f"titre trop long ({len(title)} caractères, maximum {MAX_TITLE})"
        )
    if len(body) > MAX_BODY:
        raise ArticleRejected(path, "article trop long (maximum 200 000 caractères)")
    expires_at = _as_moment(meta.get("expires_at"), "expires_at", path)
    expires = _as_date(meta.get("expires"), "expires", path)
    if expires_at is not None:
        expires = expires_at.astimezone(LOCAL_TZ).date()
    publish_at = _as_moment(meta.get("publish_at"), "publish_at", path)
    if publish_at is not None and expires_at is not None and expires_at <= publish_at:
        raise ArticleRejected(path, "la fin de l'avis doit suivre sa publication")
    return Article(
        id=article_id,
        title=title,
        body=body,
        service=str(meta.get("service") or DEFAULT_SERVICE).strip(),
        tags=_as_tags(meta.get("tags"), path),
        summary=str(meta.get("summary") or "").strip(),
        updated=_as_date(meta.get("updated"), "updated", path),
        expires=expires,
        urgent=_as_bool(meta.get("urgent"), "urgent", path),
        source=source,
        categories=_as_categories(meta.get("categories"), path),
        expires_at=expires_at,
        review_by=_as_date(meta.get("review_by"), "review_by", path),
        publish_at=publish_at,
    )


def parse_article(text: str, path: str = "<texte>") -> Article:
    """Read one Markdown article with YAML front matter; raise ArticleRejected with a French reason."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ArticleRejected(path, "en-tête YAML absent (le fichier doit commencer par ---)")
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
    except RecursionError:  # [[[…]]] nested past Python's limit: a traceback before
        raise ArticleRejected(path, "en-tête YAML illisible : valeurs trop imbriquées") from None
    except (yaml.YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 2})" if mark is not None else ""
        raise ArticleRejected(
            path,
            f"en-tête YAML illisible{where} : mettez la valeur entre guillemets "
            "si elle contient « : », « # » ou commence par « [ »",
        ) from exc
    if not isinstance(meta, dict):
        raise ArticleRejected(path, "en-tête YAML invalide : une liste de champs est attendue")
    body = text[match.end() :].strip()
    return _article_from_fields(meta, body, path, source=path)


def read_article_file(path: Path) -> Article:
    """Read a file from disk, refusing what is not UTF-8 with a reason an editor understands."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleRejected(str(path), f"lecture impossible ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleRejected(
            str(path), f"fichier non encodé en UTF-8 (octet invalide à la position {exc.start})"
        ) from exc
    return parse_article(text, str(path))


def find_article_files(root: Path) -> list[Path]:
    """Markdown files under ``root`` (or ``root`` itself), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in {".md", ".markdown"}
    )


@dataclass
class ImportReport:
    """What an import did, file by file, for the CLI and the editor's dialog."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[ArticleRejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary_fr(self) -> str:
        return (
            f"{len(self.created)} créé(s), {len(self.updated)} mis à jour, "
            f"{len(self.unchanged)} inchangé(s), {len(self.rejected)} rejeté(s)"
        )


def article_to_wire(article: Article) -> dict:
    """The JSON form exchanged between the server and workstations."""
    return {
        "id": article.id,
        "title": article.title,
        "service": article.service,
        "tags": list(article.tags),
        "summary": article.summary,
        "body": article.body,
        "updated": article.updated.isoformat() if article.updated else None,
        "expires": article.expires.isoformat() if article.expires else None,
        "urgent": article.urgent,
        "categories": list(article.categories),
        "expires_at": article.expires_at.isoformat() if article.expires_at else None,
        "review_by": article.review_by.isoformat() if article.review_by else None,
    }


def article_to_markdown(article: Article) -> str:
    """The Markdown file an editor would have written: front matter, blank line, body."""
    meta: dict = {"id": article.id, "title": article.title, "service": article.service}
    if article.tags:
        meta["tags"] = list(article.tags)
    if article.categories:
        meta["categories"] = list(article.categories)
    if article.updated:
        meta["updated"] = article.updated.isoformat()
    if article.expires_at:
        meta["expires_at"] = article.expires_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    elif article.expires:
        meta["expires"] = article.expires.isoformat()
    if article.publish_at:
        meta["publish_at"] = article.publish_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    if article.review_by:
        meta["review_by"] = article.review_by.isoformat()
    if article.urgent:
        meta["urgent"] = True
    if article.summary:
        meta["summary"] = article.summary
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n{article.body}\n"


def article_from_wire(data: dict) -> Article:
    """Validate a wire article with the same rules as a Markdown file."""
    path = f"article {data.get('id', '?') if isinstance(data, dict) else '?'}"
    if not isinstance(data, dict):
        raise ArticleRejected(path, "objet JSON attendu")
    return _article_from_fields(data, str(data.get("body") or ""), path)


def article_from_record(record: object) -> Article:
    """An Article from any row with the article's attributes (workstation or server table)."""
    return Article(
        id=record.id,  # type: ignore[attr-defined]
        title=record.title,  # type: ignore[attr-defined]
        body=record.body,  # type: ignore[attr-defined]
        service=record.service,  # type: ignore[attr-defined]
        tags=tuple(record.tags or ()),  # type: ignore[attr-defined]
        summary=record.summary,  # type: ignore[attr-defined]
        updated=record.updated,  # type: ignore[attr-defined]
        expires=record.expires,  # type: ignore[attr-defined]
        urgent=record.urgent,  # type: ignore[attr-defined]
        categories=tuple(getattr(record, "categories", None) or ()),
        expires_at=_utc(getattr(record, "expires_at", None)),
        review_by=getattr(record, "review_by", None),
    )


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
