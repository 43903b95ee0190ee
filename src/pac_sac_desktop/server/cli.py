"""``pac-sac-server``: create or upgrade the database, load demo data, manage users, run."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from pac_sac_desktop.core.demo import DEMO_USERS
from pac_sac_desktop.core.errors import ArticleRejected
from pac_sac_desktop.core.kb import find_article_files, read_article_file
from pac_sac_desktop.core.paths import data_home, resources_dir
from pac_sac_desktop.core.timefmt import local_today
from pac_sac_desktop.server import db as dbmod
from pac_sac_desktop.server import demo_requests, feed
from pac_sac_desktop.server.auth import service as auth
from pac_sac_desktop.server.kb import service as kb
from pac_sac_desktop.server.models import User
from pac_sac_desktop.server.taxonomy import service as taxonomy


def default_db_url() -> str:
    env = os.environ.get("PAC_SAC_SERVER_DB")
    if env:
        return env
    folder = data_home() / "server"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'pac-sac-server.sqlite3'}"


def _db(args: argparse.Namespace) -> dbmod.ServerDB:
    return dbmod.ServerDB(args.db or default_db_url())


def import_articles(
    server_db: dbmod.ServerDB, path: Path, author: str
) -> tuple[dict[str, int], list[ArticleRejected]]:
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    rejected: list[ArticleRejected] = []
    articles = []
    for file in find_article_files(path):
        try:
            articles.append(read_article_file(file))
        except ArticleRejected as exc:
            rejected.append(exc)
    with server_db.transaction() as session:
        for article in articles:
            counts[kb.publish(session, article, author=author)] += 1
    return counts, rejected


def cmd_init(args: argparse.Namespace) -> int:
    server_db = _db(args)
    migrated = dbmod.upgrade(server_db.engine)
    with server_db.transaction() as session:
        feed.ensure_counters(session)
    print("Schéma créé ou mis à jour." if migrated else "Schéma déjà à jour.")
    if args.demo:
        with server_db.transaction() as session:
            changed = taxonomy.load_file(session, resources_dir() / "taxonomy.yaml")
            created = []
            for username, role, display, password in DEMO_USERS:
                if session.scalar(select(User).where(User.username == username)) is None:
                    auth.create_user(
                        session,
                        username=username,
                        password=password,
                        role=role,
                        display_name=display,
                    )
                    created.append((username, role, password))
        counts, rejected = import_articles(server_db, resources_dir() / "kb", "demo")
        with server_db.transaction() as session:
            summary = demo_requests.generate(session)
        print(f"Taxonomie : {changed} catégorie(s) créée(s) ou modifiée(s).")
        print(
            f"Base de connaissances : {counts['created']} créé(s), {counts['updated']} mis à jour, {counts['unchanged']} inchangé(s)."
        )
        if summary.already:
            print("Requêtes de démonstration : déjà présentes.")
        else:
            print(
                f"Requêtes de démonstration : {summary.requests} créée(s), "
                f"{summary.events} action(s) de suivi."
            )
        for r in rejected:
            print(f"Rejeté : {r.path} : {r.reason}", file=sys.stderr)
        _demo_year(server_db)
        if created:
            print("Comptes de démonstration (mots de passe affichés une seule fois) :")
            for username, role, password in created:
                print(f"  {username:12} {role:11} {password}")
    server_db.dispose()
    return 0


def _demo_year(server_db: dbmod.ServerDB) -> None:
    """A year of seasonal requests for the reports (once), then notices start from now."""
    from pac_sac_desktop.server.notices import service as notices
    from pac_sac_desktop.server.reports import demo_year
    from pac_sac_desktop.server.types import utcnow

    per_day = float(os.environ.get("PAC_SAC_DEMO_YEAR", str(demo_year.PER_DAY)))
    with server_db.transaction() as session:
        if per_day > 0 and not demo_year.already_written(session):
            summary = demo_year.generate(session, per_day=per_day)
            demo_year.mark_written(session, utcnow())
            print(
                f"Requêtes de démonstration : {summary.requests} sur un an ({summary.events} événements)."
            )
        notices.start_from(session, utcnow())  # the demo's history is not announced to anyone


def cmd_run(args: argparse.Namespace) -> int:
    import uvicorn

    from pac_sac_desktop.server.app import create_app

    server_db = _db(args)
    if not dbmod.is_current(server_db.engine):
        print("La base n'est pas à jour : lancez d'abord « pac-sac-server init ».", file=sys.stderr)
        return 2
    quiet = {"host": args.host, "port": args.port, "log_level": "warning", "access_log": False}
    if args.workers > 1:
        # Several processes on one socket (the server keeps no state between calls); each one
        # builds its own app from the database URL in the environment.
        server_db.dispose()
        os.environ["PAC_SAC_SERVER_DB"] = server_db.url
        uvicorn.run(
            "pac_sac_desktop.server.app:app_from_environment",
            factory=True,
            workers=args.workers,
            **quiet,
        )
        return 0
    app = create_app(server_db)
    from pac_sac_desktop.server.notices.worker import attach
    from pac_sac_desktop.server.privacy import worker as retention

    attach(app, server_db, data_home() / "server")
    retention.attach(app, server_db)
    uvicorn.run(app, **quiet)
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    if not args.password_stdin:
        print(
            "Le mot de passe doit être fourni sur l'entrée standard (--password-stdin).",
            file=sys.stderr,
        )
        return 2
    password = sys.stdin.readline().rstrip("\n")
    server_db = _db(args)
    try:
        with server_db.transaction() as session:
            auth.create_user(
                session,
                username=args.name,
                password=password,
                role=args.role,
                display_name=args.display_name,
            )
    except ValueError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    print(f"Utilisateur {args.name} créé ({args.role}).")
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    from pac_sac_desktop.server.auth import throttle

    server_db = _db(args)
    with server_db.transaction() as session:
        cleared = throttle.unlock(session, args.name)
    print(f"Délais de connexion levés pour {args.name} ({cleared} compteur(s)).")
    return 0


def cmd_kb_import(args: argparse.Namespace) -> int:
    counts, rejected = import_articles(_db(args), Path(args.path), args.author)
    for r in rejected:
        print(f"Rejeté : {r.path} : {r.reason}", file=sys.stderr)
    print(
        f"Publication : {counts['created']} créé(s), {counts['updated']} nouvelle(s) version(s), {counts['unchanged']} inchangé(s), {len(rejected)} rejeté(s)."
    )
    return 1 if rejected else 0


def cmd_kb_gaps(args: argparse.Namespace) -> int:
    """The period's searches with no result or no sheet opened, and the most used sheets."""
    import datetime as dt
    import json

    from pac_sac_desktop.server.kb import usage
    from pac_sac_desktop.server.kb.views import day_range

    try:
        end = dt.date.fromisoformat(args.to) if args.to else local_today()
        start = dt.date.fromisoformat(args.start) if args.start else end - dt.timedelta(days=6)
    except ValueError:
        print("Erreur : dates attendues au format AAAA-MM-JJ.", file=sys.stderr)
        return 2
    with _db(args).transaction(read_only=True) as session:
        report = usage.gaps(session, *day_range(start, end), limit=args.limit)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"Recherches du {start} au {end} : {report['searches']}")
    for title, key in (("Sans résultat", "no_result"), ("Aucune fiche ouverte", "not_opened")):
        print(f"\n{title} :")
        for row in report[key] or [{"query": "(aucune)", "count": 0}]:
            print(f"  {row['count']:>4}  {row['query']}")
    print("\nFiches les plus consultées :")
    for row in report["most_used"] or [{"title": "(aucune)", "count": 0}]:
        print(f"  {row['count']:>4}  {row['title']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pac-sac-server", description="Serveur central PAC SAC")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="créer ou mettre à jour le schéma")
    p.add_argument("--db")
    p.add_argument(
        "--demo",
        action="store_true",
        help="charger la taxonomie, les fiches, les comptes et les requêtes de démonstration",
    )
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("run", help="démarrer le serveur")
    p.add_argument("--db")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8311)
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processus serveurs sur le même port (en production : un par cœur)",
    )
    p.set_defaults(func=cmd_run)
    user = sub.add_parser("user").add_subparsers(dest="user_command", required=True)
    p = user.add_parser("add", help="créer un compte")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=auth.ROLES)
    p.add_argument("--display-name")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument("--db")
    p.set_defaults(func=cmd_user_add)
    p = user.add_parser("unlock", help="lever les délais de connexion d'un compte")
    p.add_argument("name")
    p.add_argument("--db")
    p.set_defaults(func=cmd_user_unlock)
    kbp = sub.add_parser("kb").add_subparsers(dest="kb_command", required=True)
    p = kbp.add_parser("import", help="publier des articles Markdown")
    p.add_argument("path")
    p.add_argument("--author", default="import")
    p.add_argument("--db")
    p.set_defaults(func=cmd_kb_import)
    p = kbp.add_parser("gaps", help="recherches sans réponse et fiches les plus consultées")
    p.add_argument(
        "--from", dest="start", help="premier jour (AAAA-MM-JJ; défaut : il y a 6 jours)"
    )
    p.add_argument("--to", help="dernier jour (AAAA-MM-JJ; défaut : aujourd'hui)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.add_argument("--db")
    p.set_defaults(func=cmd_kb_gaps)
    from pac_sac_desktop.server.reports import cli as reports_cli

    reports_cli.add_parser(sub, _db)
    from pac_sac_desktop.server.notices import cli as notices_cli

    notices_cli.add_parser(sub, _db)
    from pac_sac_desktop.server.privacy import cli as privacy_cli

    privacy_cli.add_parser(sub, _db)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
