"""Work off the window's thread: only the newest answer arrives, failures are told, and
cancelled work stops early."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool

from runjournal.ui.background import BackgroundLoader, Task

TIMEOUT_MS = 5000


def test_only_the_newest_answer_arrives(qtbot) -> None:
    loader = BackgroundLoader()
    release = threading.Event()
    answers: list[object] = []
    loader.loaded.connect(answers.append)

    loader.start(lambda: (release.wait(5), "old")[1])  # still running when the next starts
    with qtbot.waitSignal(loader.loaded, timeout=TIMEOUT_MS):
        loader.start(lambda: "new")
    release.set()
    QThreadPool.globalInstance().waitForDone(TIMEOUT_MS)
    QCoreApplication.sendPostedEvents()  # the old answer's queued signal has had its turn
    assert answers == ["new"] and not loader.is_loading


def test_a_failure_is_told_in_words(qtbot) -> None:
    loader = BackgroundLoader()

    def broken() -> object:
        raise OSError("the disk went away")

    with qtbot.waitSignal(loader.failed, timeout=TIMEOUT_MS) as told:
        loader.start(broken)
    assert told.args == ["the disk went away"] and not loader.is_loading


def test_cancelled_work_stops_between_steps_and_says_nothing_more(qtbot) -> None:
    loader = BackgroundLoader()
    reported: list[object] = []
    answers: list[object] = []
    loader.progress.connect(reported.append)
    loader.loaded.connect(answers.append)
    first_step, cancelled, steps_done = threading.Event(), threading.Event(), []

    def steps(task: Task) -> object:
        for step in range(1000):
            if task.stopped:
                return None
            task.report(step)
            steps_done.append(step)
            first_step.set()
            cancelled.wait(5)  # the next step starts only once the test has cancelled
        return "all done"

    loader.start_task(steps)
    qtbot.waitUntil(lambda: bool(reported), timeout=TIMEOUT_MS)  # progress arrives while it runs
    assert first_step.wait(5)
    loader.cancel()
    cancelled.set()
    QThreadPool.globalInstance().waitForDone(TIMEOUT_MS)
    QCoreApplication.sendPostedEvents()  # whatever it still sent has arrived
    assert steps_done == [0]  # it gave up at the first step after the cancel
    assert answers == [] and not loader.is_loading


def test_work_outliving_its_owner_emits_into_nothing(qtbot) -> None:
    owner = QObject()
    loader = BackgroundLoader(owner)
    release = threading.Event()
    loader.start(lambda: release.wait(5))
    with qtbot.waitSignal(owner.destroyed, timeout=TIMEOUT_MS):  # the owner and its loader are gone
        owner.deleteLater()
    release.set()
    QThreadPool.globalInstance().waitForDone(TIMEOUT_MS)
    QCoreApplication.sendPostedEvents()  # nothing crashes when the answer comes back
