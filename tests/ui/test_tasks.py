"""The background-task helper: results on the GUI thread, nothing for an owner that is gone."""

import threading

from PySide6.QtCore import QObject

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
