"""``pac-sac kb draft|publish|history|urgent|check``: the editor's workflow from scripts.

Drafts live on this workstation and are sent at the next ``pac-sac sync`` (an editor's
workstation); ``history`` asks the server; ``urgent`` reads the notices in force here.
Exit codes: 0 done, 1 findings (``check``), 2 refused input (French message on stderr),
3 server unreachable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from pac_sac_desktop.core.errors import ArticleRejected, NetworkError, ValidationFailed
from pac_sac_desktop.core.kb import article_to_wire
from pac_sac_desktop.core.paths import data_home
from pac_sac_desktop.core.roles import can_author
from pac_sac_desktop.core.timefmt import date_fr, datetime_fr, local_today
from pac_sac_desktop.services.workstation import Workstation


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _ws() -> Workstation:
    return Workstation(data_home())


def cmd_draft(args: argparse.Namespace) -> int:
    ws = _ws()
    try:
        try:
            draft = ws.authoring.import_draft(Path(args.path))
        except ArticleRejected as exc:
            print(f"Refusé : {exc.path} : {exc.reason}", file=sys.stderr)
            return 2
        findings = ws.authoring.check(draft.article)
    finally:
        ws.close()
    base = f"modifie la version {draft.base_version}" if draft.base_version else "nouvelle fiche"
    print(f"Brouillon « {draft.article.title} » ({draft.article.id}, {base}) enregistré.")
    for f in findings:
        print(f"Attention : {f.message}", file=sys.stderr)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    ws = _ws()
    try:
        if not can_author(ws.role()):
            print("Seul un poste connecté comme rédacteur peut publier.", file=sys.stderr)
            return 2
        try:
            draft = ws.authoring.publish(args.id, force=args.force)
        except ValidationFailed as exc:
            print(exc.message, file=sys.stderr)
            return 2
    finally:
        ws.close()
    when = (
        f"programmée pour le {datetime_fr(draft.article.publish_at)}"
        if draft.scheduled and draft.article.publish_at
        else "immédiate"
    )
    print(
        f"Publication {when} de « {draft.article.title} » envoyée à la prochaine synchronisation."
    )
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    ws = _ws()
    try:
        try:
            versions = ws.authoring.history(args.id)
        except NetworkError as exc:
            print(f"Historique indisponible : {exc.message}", file=sys.stderr)
            return 3
    finally:
        ws.close()
    if args.json:
        _print_json(versions)
        return 0
    if not versions:
        print("Aucune version publiée.")
        return 1
    for v in versions:
        print(
            f"v{v['version']}  {datetime_fr(dt.datetime.fromisoformat(v['created_at']))}  "
            f"{v['author']}  {v['article']['title']}"
        )
    return 0


def cmd_urgent(args: argparse.Namespace) -> int:
    ws = _ws()
    try:
        notices = ws.kb.urgent_notices()
    finally:
        ws.close()
    if args.json:
        _print_json(
            [
                {**article_to_wire(a), "ends_at": a.ends_at().isoformat() if a.ends_at() else None}
                for a in notices
            ]
        )
        return 0
    if not notices:
        print("Aucun avis en vigueur.")
    for a in notices:
        end = a.ends_at()
        until = f" (jusqu'au {datetime_fr(end)})" if end else ""
        print(f"⚠ {a.title}{until}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    ws = _ws()
    try:
        findings = ws.authoring.check_bank()
        due = ws.kb.due_for_review(local_today(), 0)
    finally:
        ws.close()
    if args.json:
        _print_json(
            {
                "contradictions": [
                    {"id": f.article_id, "category": f.category, "message": f.message}
                    for f in findings
                ],
                "overdue": [
                    {"id": a.id, "title": a.title, "review_by": a.review_due().isoformat()}  # type: ignore[union-attr]
                    for a in due
                ],
            }
        )
    else:
        for f in findings:
            print(f"{f.article_id} : {f.message}")
        for a in due:
            print(f"{a.id} : à vérifier depuis le {date_fr(a.review_due())}")  # type: ignore[arg-type]
        if not findings and not due:
            print("Aucune contradiction, aucune fiche en retard de révision.")
    return 1 if findings else 0


def add_parsers(kb: argparse._SubParsersAction) -> None:
    p = kb.add_parser("draft", help="enregistrer un fichier Markdown comme brouillon")
    p.add_argument("path")
    p.set_defaults(func=cmd_draft)
    p = kb.add_parser("publish", help="publier un brouillon à la prochaine synchronisation")
    p.add_argument("id")
    p.add_argument("--force", action="store_true", help="publier malgré une contradiction signalée")
    p.set_defaults(func=cmd_publish)
    p = kb.add_parser("history", help="versions publiées d'une fiche (serveur)")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)
    p = kb.add_parser("urgent", help="avis urgents en vigueur")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_urgent)
    p = kb.add_parser("check", help="contradictions avec la taxonomie, fiches à réviser")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)
