"""``pac-sac``: the workstation's command line over the same services the window uses.

Exit codes: 0 success, 1 partial failure (some files rejected), 2 invalid input or usage.
Messages for people are in French; ``--json`` output is for programs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pac_sac_desktop import cli_kb, cli_requests
from pac_sac_desktop.core.errors import PacError, StoreDamaged
from pac_sac_desktop.core.logs import setup_logging
from pac_sac_desktop.core.paths import data_home, resources_dir
from pac_sac_desktop.services.knowledge import KnowledgeBase, SearchResult
from pac_sac_desktop.services.workstation import Workstation

log = logging.getLogger(__name__)


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _result_json(result: SearchResult) -> dict:
    hit = result.hit
    return {
        "id": hit.id,
        "title": hit.title,
        "service": hit.service,
        "score": hit.score,
        "snippet": result.snippet.marked(),
        "expired": hit.expired,
        "urgent": hit.urgent,
    }


def cmd_kb_import(args: argparse.Namespace) -> int:
    kb = KnowledgeBase.open(data_home())
    try:
        report = kb.import_path(Path(args.path))
    finally:
        kb.close()
    for rejected in report.rejected:
        print(f"Rejeté : {rejected.path} : {rejected.reason}", file=sys.stderr)
    print(f"Importation terminée : {report.summary_fr()}.")
    return 0 if report.ok else 1


def _print_results(results: list[SearchResult]) -> None:
    if not results:
        print("Aucun article trouvé.")
    for rank, r in enumerate(results, start=1):
        flag = " [EXPIRÉ]" if r.hit.expired else (" [URGENT]" if r.hit.urgent else "")
        print(f"{rank:2}. {r.hit.title}{flag}  ({r.hit.service}, {r.hit.id}, {r.hit.score:.2f})")
        print(f"    {r.snippet.marked('«', '»')}")


def cmd_kb_search(args: argparse.Namespace) -> int:
    kb = KnowledgeBase.open(data_home())
    try:
        kb.ensure_index()
        if args.stdin:
            for line in sys.stdin:
                query = line.rstrip("\n")
                results = (
                    kb.search(query, limit=args.limit, service=args.service)
                    if query.strip()
                    else []
                )
                if args.json:
                    _print_json([_result_json(r) for r in results])
                else:
                    print(f"# {query}")
                    _print_results(results)
            return 0
        if not args.query:
            print("Indiquez une recherche, ou --stdin.", file=sys.stderr)
            return 2
        results = kb.search(" ".join(args.query), limit=args.limit, service=args.service)
        if args.json:
            _print_json([_result_json(r) for r in results])
        else:
            _print_results(results)
        return 0
    finally:
        kb.close()


def cmd_kb_status(args: argparse.Namespace) -> int:
    """The database and the index, the index read through (every segment): a damaged one is
    reported (exit 1) rather than repaired, so that the check says what it found."""
    kb = KnowledgeBase.open(data_home())
    try:
        damage = kb.index.verify()
        state = "damaged" if damage else kb.ensure_index()
        meta = kb.index.meta()
        info = {
            "home": str(data_home()),
            "articles": kb.count(),
            "kb_seq": kb.kb_seq(),
            "index": state,
            "index_kb_seq": meta.kb_seq if meta else None,
        }
    finally:
        kb.close()
    if args.json:
        _print_json({**info, "damage": damage})
    else:
        for k, v in info.items():
            print(f"{k} : {'endommagé' if v == 'damaged' else v}")
        if damage:
            print(
                f"L'index de recherche est endommagé ({damage}). L'application le reconstruit "
                "d'elle-même à la prochaine recherche ; ou maintenant : pac-sac kb reindex",
                file=sys.stderr,
            )
    return 1 if damage else 0


def cmd_kb_reindex(_args: argparse.Namespace) -> int:
    kb = KnowledgeBase.open(data_home())
    try:
        count = kb.index.rebuild(kb.source.iter_articles(), kb.kb_seq())
    finally:
        kb.close()
    print(f"Index reconstruit : {count} articles.")
    return 0


def cmd_app(_args: argparse.Namespace) -> int:
    return _open_window(data_home())


def cmd_demo(args: argparse.Namespace) -> int:
    """The README's run command: embedded demo server, workstation logged in as the demo agent,
    first sync, then the window. Closing the window stops the server."""
    import importlib.util

    from pac_sac_desktop.core.demo import demo_password
    from pac_sac_desktop.services.embedded_server import EmbeddedServer

    if not os.environ.get("PAC_SAC_HOME"):
        os.environ["PAC_SAC_HOME"] = str(data_home() / "demo")
    home = data_home()
    if importlib.util.find_spec("fastapi") is None:
        # A desktop-only install has no server: fall back to the shipped knowledge base.
        kb = KnowledgeBase.open(home)
        try:
            report = kb.import_path(resources_dir() / "kb")
            kb.ensure_index()
        finally:
            kb.close()
        print(f"Serveur absent de cette installation ; fiches locales : {report.summary_fr()}.")
        return 0 if args.no_window else _open_window(home)
    server = EmbeddedServer(home / "server", port=args.port)
    print(f"Serveur de démonstration : {server.url} (base {server.db_url}).")
    server.init(demo=True)
    server.start()
    try:
        ws = Workstation(home)
        try:
            ws.login(server.url, "agent", demo_password("agent"))
            ws.requests.ensure_taxonomy()
            report = ws.sync_once()
        finally:
            ws.close()
        print(f"Poste connecté comme « agent » ; première synchronisation : {report.summary_fr()}.")
        if args.no_window:
            return 0
        return _open_window(home)
    finally:
        server.stop()


def _open_window(home: Path) -> int:
    from pac_sac_desktop.ui.app import run_app  # Qt is loaded only for the window

    return run_app(home)


def _workstation() -> Workstation:
    return Workstation(data_home())


def cmd_login(args: argparse.Namespace) -> int:
    if not args.password_stdin:
        print(
            "Le mot de passe doit être fourni sur l'entrée standard (--password-stdin).",
            file=sys.stderr,
        )
        return 2
    password = sys.stdin.readline().rstrip("\n")
    ws = _workstation()
    try:
        user = ws.login(args.server, args.user, password)
    finally:
        ws.close()
    print(f"Connecté à {args.server} : {user['display_name']} ({user['role']}).")
    return 0


def cmd_logout(_args: argparse.Namespace) -> int:
    ws = _workstation()
    try:
        ws.logout()
    finally:
        ws.close()
    print("Session fermée.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """One pass; transient network failures are retried a few times with backoff and jitter."""
    import time

    from pac_sac_desktop.core.errors import NetworkError
    from pac_sac_desktop.sync.engine import Backoff

    ws = _workstation()
    backoff = Backoff(base=0.5, cap=4.0)
    try:
        for attempt in range(1, args.retries + 2):
            try:
                report = ws.sync_once()
                break
            except NetworkError as exc:
                if attempt > args.retries:
                    print(
                        f"Synchronisation impossible : {exc.message} Rien n'est perdu : "
                        f"{ws.requests.waiting()} élément(s) restent en attente.",
                        file=sys.stderr,
                    )
                    return 3
                time.sleep(backoff.failure())
        status = ws.sync_status()
    finally:
        ws.close()
    print(f"Synchronisation terminée : {report.summary_fr()}.")
    if status["blocked"]:
        print(
            f"Attention : {status['blocked']} envoi(s) refusé(s) par le serveur, à revoir.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    """check | backup | restore | start-fresh: the local database's safety net."""
    from pac_sac_desktop.core.errors import StoreDamaged
    from pac_sac_desktop.core.timefmt import datetime_fr
    from pac_sac_desktop.store import safety
    from pac_sac_desktop.store.db import DB_FILENAME, Database

    home = data_home()
    path = home / DB_FILENAME
    if args.db_command == "restore":
        print(Workstation.restore_latest(home).summary_fr())
        return 0
    if args.db_command == "start-fresh":
        archive = safety.start_fresh(path)
        print(f"Fichiers endommagés archivés dans {archive}." if archive else "Rien à archiver.")
        return 0
    try:
        db = Database(path)
    except StoreDamaged as exc:
        print(f"{exc.message}", file=sys.stderr)
        if exc.set_aside:
            print(f"  Fichier mis de côté : {exc.set_aside}", file=sys.stderr)
        if exc.backups:
            latest = safety.backup_time(Path(exc.backups[0]))
            print(
                f"  Copie la plus récente : {datetime_fr(latest)} — `pac-sac db restore`.",
                file=sys.stderr,
            )
        return 2
    try:
        if args.db_command == "backup":
            print(f"Copie de sauvegarde : {safety.make_backup(db.path)}")
        else:
            copies = safety.backups(db.path)
            last = datetime_fr(safety.backup_time(copies[0])) if copies else "aucune"
            print(f"Base locale intègre ({db.path}); dernière copie : {last}.")
    finally:
        db.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pac-sac", description="PAC SAC Desktop")
    parser.add_argument("-v", "--verbose", action="store_true", help="journal détaillé")
    sub = parser.add_subparsers(dest="command", required=True)

    kb = sub.add_parser("kb", help="base de connaissances").add_subparsers(
        dest="kb_command", required=True
    )
    p = kb.add_parser("import", help="importer des articles Markdown (fichier ou dossier)")
    p.add_argument("path")
    p.set_defaults(func=cmd_kb_import)
    p = kb.add_parser("search", help="rechercher dans la base de connaissances")
    p.add_argument("query", nargs="*")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--service")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--stdin", action="store_true", help="une recherche par ligne sur l'entrée standard"
    )
    p.set_defaults(func=cmd_kb_search)
    p = kb.add_parser("status", help="état de la base et de l'index")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_kb_status)
    p = kb.add_parser("reindex", help="reconstruire l'index de recherche")
    p.set_defaults(func=cmd_kb_reindex)
    cli_kb.add_parsers(kb)

    p = sub.add_parser("login", help="se connecter au serveur central")
    p.add_argument("--server", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_login)
    p = sub.add_parser("logout", help="fermer la session")
    p.set_defaults(func=cmd_logout)
    p = sub.add_parser("sync", help="synchroniser avec le serveur central")
    p.add_argument("--once", action="store_true", help="une seule passe (défaut)")
    p.add_argument("--retries", type=int, default=2)
    p.set_defaults(func=cmd_sync)

    cli_requests.add_parsers(sub)
    p = sub.add_parser("db", help="base locale : vérifier, copier, restaurer")
    p.add_argument("db_command", choices=("check", "backup", "restore", "start-fresh"))
    p.set_defaults(func=cmd_db)

    p = sub.add_parser("app", help="ouvrir la fenêtre")
    p.set_defaults(func=cmd_app)
    p = sub.add_parser("demo", help="ouvrir la fenêtre sur les données de démonstration")
    p.add_argument(
        "--no-window", action="store_true", help="préparer les données sans ouvrir la fenêtre"
    )
    p.add_argument(
        "--port", type=int, default=None, help="port du serveur de démonstration (libre par défaut)"
    )
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(verbose=args.verbose)
    try:
        return int(args.func(args))
    except PacError as exc:
        print(f"Erreur : {exc.message}", file=sys.stderr)
        if isinstance(exc, StoreDamaged):
            print("  Voir `pac-sac db check`, puis `pac-sac db restore`.", file=sys.stderr)
        if getattr(exc, "details", ""):
            print(f"  {exc.details}", file=sys.stderr)
        if exc.details:
            log.debug("details: %s", exc.details)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
