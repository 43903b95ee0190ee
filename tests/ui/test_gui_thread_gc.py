"""Cycles are collected on the GUI thread only, however much the workers allocate."""

import gc
import threading
import weakref

from pac_sac_desktop.ui.gui_thread_gc import collect_on_gui_thread
from pac_sac_desktop.ui.tasks import run_task


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_workers_never_run_the_collector_and_the_gui_thread_does(qtbot, qapp):
    collect_on_gui_thread(qapp)
    assert not gc.isenabled()
    threads: list[int] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(note)
    try:
        node = Node()
        alive = weakref.ref(node)
        del node
        results: list[int] = []
        # Garbage cycles far past the collector's thresholds: with automatic collection on, the
        # worker itself would collect in the middle of this.
        run_task(qapp, lambda: len([Node() for _ in range(20_000)]), results.append)
        qtbot.waitUntil(lambda: results == [20_000], timeout=10_000)
        qtbot.waitUntil(lambda: alive() is None, timeout=5_000)
    finally:
        gc.callbacks.remove(note)
    assert threads and set(threads) == {threading.main_thread().ident}
