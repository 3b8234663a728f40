"""After start-up, while the window is idle, the run log is read and listed and the charts
are built, hidden: one after the other, so the run log's rows joining the table on the
window's thread never compete with the charts' libraries loading in the background (on a
30,000-run journal the two together held the window up for 50–100 ms)."""

from __future__ import annotations

import pytest

from runjournal.service.journal import Journal
from runjournal.ui.main_window import MainWindow
from runjournal.ui.views.charts.charts_tab import ChartsTab
from runjournal.ui.views.runs.runs_tab import RunsTab


def test_the_charts_are_prepared_once_the_run_log_is_listed(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared: list[bool] = []
    listing = [True]
    monkeypatch.setattr(RunsTab, "is_listing", property(lambda _tab: listing[0]))
    monkeypatch.setattr(ChartsTab, "prepare", lambda _tab: prepared.append(listing[0]))
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.prepare_charts_after_runs()
    assert prepared == []  # the run log is still arriving: the charts wait
    listing[0] = False
    qtbot.waitUntil(lambda: prepared != [], timeout=5000)
    assert prepared == [False]  # prepared once, with every run listed


def test_a_run_log_that_never_finishes_listing_does_not_keep_the_charts_waiting(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared: list[bool] = []
    monkeypatch.setattr(RunsTab, "is_listing", property(lambda _tab: True))
    monkeypatch.setattr(ChartsTab, "prepare", lambda _tab: prepared.append(True))
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.prepare_charts_after_runs(waits=2)
    qtbot.waitUntil(lambda: prepared != [], timeout=5000)
    assert prepared == [True]


def test_a_run_log_read_from_the_journal_is_listed_and_then_no_longer_listing(
    qtbot, journal: Journal
) -> None:
    from datetime import date, timedelta

    from runjournal.domain.model import Run

    journal.add_entries([Run(day=date.today() - timedelta(days=d), duration_s=1800) for d in range(40)], [])
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.runs.prepare_runs()
    assert window.runs.is_listing  # read on a worker thread
    qtbot.waitUntil(lambda: not window.runs.is_listing, timeout=10_000)
    assert len(window.runs.model.runs()) == 40


def test_a_window_closed_while_its_charts_wait_leaves_nothing_behind(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shiboken6
    from PySide6.QtCore import QTimer

    listing = [True]
    monkeypatch.setattr(RunsTab, "is_listing", property(lambda _tab: listing[0]))
    window = MainWindow(journal)
    window.prepare_charts_after_runs()
    shiboken6.delete(window)  # closed and gone, as when the person quits
    listing[0] = False  # the next check would prepare the charts of a window no longer there
    later: list[bool] = []
    QTimer.singleShot(300, lambda: later.append(True))  # past the charts' next check
    qtbot.waitUntil(lambda: later != [], timeout=5000)  # no error from a deleted window
