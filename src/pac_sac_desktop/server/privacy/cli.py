"""``pac-sac-server privacy log`` (who saw or changed a request's personal data) and
``privacy anonymise [--dry-run]`` (the retention job, also run by the server's worker)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import uuid as uuidlib

from pac_sac_desktop.core.timefmt import LOCAL_TZ

ACTIONS = {"read": "consultation", "change": "modification", "export": "copie vers un poste"}


def add_parser(sub: argparse._SubParsersAction, db_of) -> None:  # type: ignore[type-arg]
    privacy = sub.add_parser(
        "privacy", help="renseignements personnels (Loi 25) : journal d'accès, conservation"
    ).add_subparsers(dest="privacy_command", required=True)
    p = privacy.add_parser("log", help="qui a consulté ou modifié les renseignements personnels")
    p.add_argument("--request", help="UUID ou numéro de référence (2026-000123) d'une requête")
    p.add_argument("--user", help="nom d'utilisateur")
    p.add_argument("--from", dest="start", help="premier jour (AAAA-MM-JJ)")
    p.add_argument("--to", help="dernier jour (AAAA-MM-JJ)")
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--json", action="store_true")
    p.add_argument("--db")
    p.set_defaults(func=lambda args: log(args, db_of(args)))
    p = privacy.add_parser(
        "anonymise",
        help="retirer les renseignements personnels des requêtes fermées depuis longtemps",
    )
    p.add_argument(
        "--days", type=int, help="délai après la fermeture (défaut : PAC_SAC_RETENTION_DAYS ou 730)"
    )
    p.add_argument("--dry-run", action="store_true", help="compter sans rien modifier")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db")
    p.set_defaults(func=lambda args: anonymise(args, db_of(args)))


def _day(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), tzinfo=LOCAL_TZ)


def log(args: argparse.Namespace, db) -> int:  # type: ignore[no-untyped-def]
    from pac_sac_desktop.server.privacy import access
    from pac_sac_desktop.server.requests import service as requests

    try:
        start = _day(args.start)
        end = _day(args.to)
    except ValueError:
        print("Erreur : dates attendues au format AAAA-MM-JJ.", file=sys.stderr)
        return 2
    with db.transaction(read_only=True) as session:
        key = None
        if args.request:
            try:
                key = str(uuidlib.UUID(args.request))
            except ValueError:
                row = requests.get_by_reference(session, args.request)
                if row is None:
                    print(f"Erreur : requête introuvable : {args.request}", file=sys.stderr)
                    return 2
                key = row.uuid
        query = access.LogQuery(
            request_uuid=key,
            username=args.user,
            start=start,
            end=end + dt.timedelta(days=1) if end else None,
            limit=args.limit,
        )
        rows = [access.to_wire(e) for e in access.entries(session, query)]
    db.dispose()
    if args.json:
        print(json.dumps({"entries": rows}, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Aucun accès enregistré pour ces critères.")
        return 0
    for row in rows:
        when = dt.datetime.fromisoformat(row["at"]).astimezone(LOCAL_TZ)
        where = "poste" if row["source"] == "workstation" else "serveur"
        print(
            f"{when:%Y-%m-%d %H:%M:%S}  {row['username']:<14} {row['role']:<10} "
            f"{ACTIONS.get(row['action'], row['action']):<20} {where:<8} {row['route']}"
        )
    return 0


def anonymise(args: argparse.Namespace, db) -> int:  # type: ignore[no-untyped-def]
    from pac_sac_desktop.server.privacy import retention

    if args.days is not None and args.days < 1:
        print("Erreur : --days doit valoir au moins 1.", file=sys.stderr)
        return 2
    outcome = retention.run(db, days=args.days, dry_run=args.dry_run)
    db.dispose()
    if args.json:
        print(json.dumps(outcome.to_wire(), ensure_ascii=False, indent=2))
        return 0
    verb = "seraient anonymisée(s)" if outcome.dry_run else "anonymisée(s)"
    cutoff = outcome.cutoff.astimezone(LOCAL_TZ)
    print(f"Requêtes fermées avant le {cutoff:%Y-%m-%d %H:%M} : {outcome.requests} {verb}")
    print(f"  {outcome.events} événement(s) d'historique, {outcome.notices} avis aux citoyens")
    gone = "à supprimer" if outcome.dry_run else "supprimée(s)"
    print(f"Journal d'accès : {outcome.log_rows} ligne(s) plus ancienne(s) {gone}")
    return 0
