"""The one background thread behind the word index and the vectors: a burst of requests
during a pass gives one more pass, never a second thread."""

import threading

from pac_sac_desktop.services.background_pass import BackgroundPass


def test_requests_during_a_pass_give_exactly_one_more_pass():
    release, entered = threading.Event(), threading.Semaphore(0)
    passes, running, overlap = [], [0], []

    def work():
        running[0] += 1
        overlap.append(running[0])
        entered.release()
        release.wait(10)
        passes.append(1)
        running[0] -= 1

    background = BackgroundPass("test-pass", work, threading.Event())
    assert background.request()
    assert entered.acquire(timeout=10)  # the first pass is running
    for _ in range(5):  # a burst of changes
        assert background.request()
    release.set()
    assert background.wait(10)
    assert len(passes) == 2 and max(overlap) == 1


def test_nothing_starts_once_stopping():
    ran = []
    background = BackgroundPass("test-pass", lambda: ran.append(1), threading.Event())
    background.stop.set()
    assert not background.request()
    assert background.wait(1) and ran == []
