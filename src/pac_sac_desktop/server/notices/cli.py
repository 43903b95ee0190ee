"""``pac-sac-server notices run [--once]``, ``notices status`` and ``notices retry``."""

from __future__ import annotations

import argparse
import sys
import time

from pac_sac_desktop.core.paths import data_home


def add_parser(sub: argparse._SubParsersAction, db_of) -> None:  # type: ignore[type-arg]
    notices = sub.add_parser("notices", help="avis aux citoyens").add_subparsers(
        dest="notices_command", required=True
    )
    p = notices.add_parser("run", help="écrire et envoyer les avis dus")
    p.add_argument("--db")
    p.add_argument("--once", action="store_true", help="une seule passe, puis quitter")
    p.add_argument("--interval", type=float, default=5.0)
    p.add_argument("--batch", type=int, default=20)
    p.set_defaults(func=lambda args: run(args, db_of(args)))
    p = notices.add_parser("status", help="nombre d'avis par état")
    p.add_argument("--db")
    p.set_defaults(func=lambda args: status(db_of(args)))
    p = notices.add_parser(
        "retry",
        help="renvoyer des avis incertains (envoi interrompu par un arrêt) ou en échec",
        description="Remet en file d'attente les avis choisis ; le prochain passage les envoie. "
        "Un avis incertain a peut-être déjà été reçu : le citoyen pourrait le recevoir deux "
        "fois (même Message-ID).",
    )
    p.add_argument("--db")
    p.add_argument("--uncertain", action="store_true", help="tous les avis incertains")
    p.add_argument("--failed", action="store_true", help="tous les avis en échec")
    p.add_argument("ids", nargs="*", metavar="ID", help="identifiants d'avis précis")
    p.set_defaults(func=lambda args: retry(args, db_of(args)))


def run(args: argparse.Namespace, db) -> int:  # type: ignore[no-untyped-def]
    from pac_sac_desktop.server.notices.senders import mail_from_environment, sms_from_environment
    from pac_sac_desktop.server.notices.worker import run_once

    sms = sms_from_environment()
    while True:
        result = run_once(db, mail_from_environment(data_home() / "server"), sms, batch=args.batch)
        print(
            f"Avis : {result.written} écrit(s), {result.sent} envoyé(s), {result.retried} à "
            f"réessayer, {result.failed} en échec, {result.stale} envoi(s) interrompu(s) réglé(s).",
            flush=True,
        )
        if args.once:
            db.dispose()
            return 0
        time.sleep(args.interval)


def status(db) -> int:  # type: ignore[no-untyped-def]
    from pac_sac_desktop.server.notices import service

    labels = {
        "pending": "en attente",
        "sending": "en cours d'envoi",
        "sent": "envoyés",
        "failed": "en échec",
        "uncertain": "incertains (envoi interrompu)",
    }
    with db.transaction(read_only=True) as session:
        counts = service.counts(session)
    for state, label in labels.items():
        print(f"{label:32} {counts.get(state, 0)}")
    db.dispose()
    return 0


def retry(args: argparse.Namespace, db) -> int:  # type: ignore[no-untyped-def]
    """An administrator's decision after a crash: send again the notices whose fate is unknown
    (``uncertain``) or that failed, all of a state or by id (service.requeue)."""
    from sqlalchemy import select

    from pac_sac_desktop.server.notices import service
    from pac_sac_desktop.server.notices.models import Notice

    states = [s for s, chosen in (("uncertain", args.uncertain), ("failed", args.failed)) if chosen]
    if not states and not args.ids:
        print(
            "Erreur : précisez --uncertain, --failed ou des identifiants d'avis.", file=sys.stderr
        )
        db.dispose()
        return 2
    refused: list[str] = []
    with db.transaction() as session:
        chosen = list(args.ids)
        if states:
            chosen += session.scalars(select(Notice.id).where(Notice.state.in_(states))).all()
        requeued = 0
        for notice_id in dict.fromkeys(chosen):
            if service.requeue(session, notice_id):
                requeued += 1
            else:
                refused.append(notice_id)
    for notice_id in refused:
        print(
            f"Avis {notice_id} : inconnu, ou ni incertain ni en échec ; laissé tel quel.",
            file=sys.stderr,
        )
    print(f"Avis remis en file d'attente : {requeued}.")
    db.dispose()
    return 1 if refused else 0
