"""``pac-sac requests …`` and ``pac-sac taxonomy …``: capture, find, follow and act on requests
from scripts, over the same services as the window, offline (actions are sent at the next sync).

Exit codes: 0 done, 2 invalid input or an action refused for the role or the status (French
message on stderr), 1 nothing found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.events import EventKind
from pac_sac_desktop.core.paths import data_home
from pac_sac_desktop.core.requests import RequestDraft
from pac_sac_desktop.core.timefmt import datetime_fr
from pac_sac_desktop.core.vocabulary import NATURE_LABELS, STATUS_LABELS
from pac_sac_desktop.services.request_queries import RequestSummary
from pac_sac_desktop.services.workstation import Workstation

QUEUE_NAMES = ("first-followup", "meeting", "unassigned", "overdue", "blocked")


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _refused(exc: ValidationFailed) -> int:
    print(exc.message, file=sys.stderr)
    for field, message in exc.fields.items():
        if message != exc.message:
            print(f"  {field} : {message}", file=sys.stderr)
    return 2


def _read_draft(path: str) -> RequestDraft:
    """The CLI's JSON, parsed once into a typed draft (ValidationFailed in French otherwise)."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationFailed({"json": f"fichier illisible : {exc}"}, "JSON illisible.") from exc
    except ValueError as exc:
        raise ValidationFailed({"json": f"JSON invalide : {exc}"}, "JSON illisible.") from exc
    except RecursionError:  # [[[…]]] 100,000 deep: a traceback and exit 1 before
        raise ValidationFailed({"json": "JSON trop imbriqué"}, "JSON illisible.") from None
    return RequestDraft.from_wire(data)


def _line(r: RequestSummary) -> str:
    when = datetime_fr(r.created_at)
    status = STATUS_LABELS.get(r.status, r.status)
    nature = NATURE_LABELS.get(r.nature, r.nature)
    return f"{r.label:16} {nature:11} {r.category_label[:32]:32} {status:13} {r.citizen_name[:24]:24} {when}"


def _print_rows(rows: list[RequestSummary], as_json: bool) -> None:
    if as_json:
        _print_json([r.to_wire() for r in rows])
        return
    if not rows:
        print("Aucune requête.")
    for r in rows:
        print(_line(r))


def cmd_add(args: argparse.Namespace) -> int:
    ws = Workstation(data_home())
    try:
        draft = _read_draft(args.json)
        ws.requests.ensure_taxonomy()
        saved = ws.requests.save(draft, user=ws.user_name())
    except ValidationFailed as exc:
        return _refused(exc)
    finally:
        ws.close()
    _print_json(saved.to_wire())
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ws = Workstation(data_home())
    try:
        rows = ws.requests.list(status=args.status)
    finally:
        ws.close()
    _print_rows(rows, args.json)
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    ws = Workstation(data_home())
    try:
        rows = ws.requests.find(" ".join(args.text), limit=args.limit)
    finally:
        ws.close()
    _print_rows(rows, args.json)
    return 0 if rows else 1


def cmd_show(args: argparse.Namespace) -> int:
    ws = Workstation(data_home())
    try:
        detail = ws.requests.detail(args.ref, viewer=ws.viewer())
    except KeyError:
        print(f"Requête introuvable sur ce poste : {args.ref}", file=sys.stderr)
        return 1
    finally:
        ws.close()
    if args.json:
        _print_json(detail.to_wire())
        return 0
    s = detail.summary
    aliases = f" (provisoire {', '.join(detail.aliases)})" if detail.aliases else ""
    print(f"{s.label}{aliases} — {s.category_label} — {STATUS_LABELS.get(s.status, s.status)}")
    print(f"  Reçue le {datetime_fr(s.created_at)} par {s.created_by}")
    if s.followup_due_at:
        print(f"  Premier suivi au plus tard le {datetime_fr(s.followup_due_at)}")
    if s.due_at:
        print(f"  Délai de traitement : {datetime_fr(s.due_at)}")
    for event in detail.events:
        pending = "" if event.synced else " (en attente d'envoi)"
        print(f"  · {datetime_fr(event.created_at)} {event.author} : {event.summary()}{pending}")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    ws = Workstation(data_home())
    try:
        page = ws.requests.queue(
            args.name,
            department=args.department,
            district=args.district,
            limit=args.limit,
            now=ws.server_now(),
        )
    except ValidationFailed as exc:
        return _refused(exc)
    finally:
        ws.close()
    if args.json:
        _print_json(
            {"queue": args.name, "total": page.total, "rows": [r.to_wire() for r in page.rows]}
        )
    else:
        print(f"{page.total} requête(s) dans la file {args.name}")
        _print_rows(page.rows, False)
    return 0


def _action(args: argparse.Namespace) -> tuple[EventKind, dict[str, Any]]:
    """The one action asked for on the command line, as an event kind and its data."""
    if args.status:
        return EventKind.STATUS, {"status": args.status}
    if args.assign:
        return EventKind.ASSIGNMENT, {
            "to": args.assign,
            "kind": "person" if args.person else "department",
        }
    if args.followup is not None:
        data = {"text": args.followup, "outcome": args.outcome}
        return EventKind.FOLLOWUP, {**data, **({"at": args.at} if args.at else {})}
    if args.meeting:
        state = "held" if args.held else "planned"
        data = {"status": state, "date": args.meeting, "outcome": args.held or ""}
        if args.councillor:
            data["councillor"] = args.councillor
        if args.official:
            data["official"] = args.official
        return EventKind.MEETING, data
    if args.close is not None:
        return EventKind.CLOSE, {"resolution": args.close}
    if args.satisfaction is not None:
        return EventKind.SATISFACTION, {
            "score": args.satisfaction,
            "comment": args.comment or "",
            "source": "phone",
        }
    if args.merge_into:
        return EventKind.MERGE, {"into": args.merge_into}
    if args.unmerge:
        return EventKind.UNMERGE, {}
    return EventKind.NOTE, {"text": args.note}


def cmd_act(args: argparse.Namespace) -> int:
    kind, data = _action(args)
    ws = Workstation(data_home())
    try:
        event = ws.requests.act(args.ref, kind, data, user=ws.user_name(), role=ws.role())
    except ValidationFailed as exc:
        return _refused(exc)
    finally:
        ws.close()
    _print_json({"event": event.uuid, "kind": str(event.kind), "summary": event.summary()})
    return 0


def cmd_taxonomy_list(args: argparse.Namespace) -> int:
    ws = Workstation(data_home())
    try:
        ws.requests.ensure_taxonomy()
        categories = ws.requests.categories()
    finally:
        ws.close()
    if args.json:
        _print_json([c.to_wire() for c in categories])
    else:
        for c in categories:
            print(f"{c.code:32} {c.label:40} {c.department:28} {c.deadline_hours} h")
    return 0


def add_parsers(sub: Any) -> None:
    req = sub.add_parser("requests", help="requêtes citoyennes").add_subparsers(
        dest="req_command", required=True
    )
    p = req.add_parser("add", help="enregistrer une requête (JSON)")
    p.add_argument("--json", required=True, help="fichier JSON, ou - pour l'entrée standard")
    p.set_defaults(func=cmd_add)
    p = req.add_parser("list", help="lister les requêtes du poste")
    p.add_argument("--json", action="store_true")
    p.add_argument("--status")
    p.set_defaults(func=cmd_list)
    p = req.add_parser(
        "find", help="trouver une requête (numéro, nom, téléphone, courriel ou adresse)"
    )
    p.add_argument("text", nargs="+")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_find)
    p = req.add_parser("show", help="une requête, son statut, ses délais et son historique")
    p.add_argument("ref", help="référence, numéro provisoire ou UUID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
    p = req.add_parser("queue", help="une file de travail du superviseur")
    p.add_argument("name", choices=QUEUE_NAMES)
    p.add_argument("--json", action="store_true")
    p.add_argument("--department")
    p.add_argument("--district", type=int)
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=cmd_queue)
    p = req.add_parser("act", help="agir sur une requête (envoyé à la prochaine synchronisation)")
    p.add_argument("ref")
    one = p.add_mutually_exclusive_group(required=True)
    one.add_argument("--status", choices=tuple(STATUS_LABELS))
    one.add_argument("--assign", metavar="SERVICE_OU_PERSONNE")
    one.add_argument("--followup", metavar="TEXTE")
    one.add_argument("--meeting", metavar="DATE_ISO")
    one.add_argument("--close", metavar="RÉSOLUTION")
    one.add_argument("--satisfaction", type=int, metavar="1-5")
    one.add_argument("--merge-into", metavar="RÉFÉRENCE")
    one.add_argument("--unmerge", action="store_true")
    one.add_argument("--note", metavar="TEXTE")
    p.add_argument("--person", action="store_true", help="avec --assign : une personne")
    p.add_argument(
        "--outcome", default="reached", choices=("reached", "message", "no_answer", "written")
    )
    p.add_argument("--at", help="avec --followup : moment de l'appel (ISO)")
    p.add_argument("--councillor")
    p.add_argument("--official")
    p.add_argument("--held", metavar="RÉSULTAT", help="avec --meeting : la rencontre a eu lieu")
    p.add_argument("--comment")
    p.set_defaults(func=cmd_act)
    tax = sub.add_parser("taxonomy", help="catégories de requêtes").add_subparsers(
        dest="tax_command", required=True
    )
    p = tax.add_parser("list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_taxonomy_list)
