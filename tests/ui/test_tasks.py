"""The background-task helper: results on the GUI thread, nothing for an owner that is gone."""

import logging
import threading

from PySide6.QtCore import QObject

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.ui.tasks import _alive, run_task


def test_the_result_arrives_on_the_gui_thread(qtbot, qapp):
    owner = QObject()
    seen: list[tuple[int, bool]] = []
    run_task(
        owner,
        lambda: threading.get_ident(),
        lambda worker: seen.append(
            (worker, threading.get_ident() == threading.main_thread().ident)
        ),
    )
    qtbot.waitUntil(lambda: bool(seen))
    worker, on_gui_thread = seen[0]
    assert worker != threading.main_thread().ident and on_gui_thread
    qtbot.waitUntil(lambda: not _alive)  # the signals object is released once it reported


def test_errors_go_to_on_error_with_their_traceback(qtbot, qapp):
    owner = QObject()
    errors: list[tuple[BaseException, str]] = []

    def boom() -> None:
        raise ValueError("fiche illisible")

    run_task(owner, boom, on_error=lambda exc, details: errors.append((exc, details)))
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0][0], ValueError) and "fiche illisible" in errors[0][1]


def test_refused_input_is_logged_in_one_line_and_a_fault_with_its_traceback(qtbot, qapp, caplog):
    caplog.set_level(logging.INFO, logger="pac_sac_desktop.ui.tasks")
    owner = QObject()
    errors: list[BaseException] = []

    def refused() -> None:
        raise ValidationFailed({"citizen.phone": "numéro de téléphone invalide"})

    def fault() -> None:
        raise ValueError("fiche illisible")

    for count, fn in enumerate((refused, fault), start=1):
        run_task(owner, fn, on_error=lambda exc, _details: errors.append(exc))
        qtbot.waitUntil(lambda count=count: len(errors) == count)
    refusal, failure = [r for r in caplog.records if r.name == "pac_sac_desktop.ui.tasks"]
    assert refusal.levelname == "INFO" and refusal.exc_info is None
    assert "numéro de téléphone invalide" in refusal.getMessage()
    assert failure.levelname == "ERROR" and failure.exc_info is not None
    assert isinstance(errors[0], ValidationFailed)  # the window still shows it


def test_a_task_whose_owner_was_destroyed_reports_to_nobody(qtbot, qapp):
    owner = QObject()
    release = threading.Event()
    called: list[object] = []
    run_task(owner, lambda: release.wait(5), called.append, lambda *a: called.append(a))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _is_alive(owner))
    release.set()  # the worker now emits: its signals object must still exist
    qtbot.waitUntil(lambda: not _alive)
    qtbot.wait(50)
    assert called == []


def _is_alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
