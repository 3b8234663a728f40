"""Opening Runs for the first time on a big journal: the runs are read on a worker thread
while the window is idle, so the first open shows them without freezing the window, and a
run logged meanwhile is never missing from the list."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from runjournal.domain.model import Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.runs.runs_tab import RunsTab

TODAY = date.today()


@pytest.fixture
def reads(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    threads: list[threading.Thread] = []
    every_run = journal.runs

    def spy(first: date | None = None, last: date | None = None) -> list[Run]:
        threads.append(threading.current_thread())
        return every_run(first, last)

    monkeypatch.setattr(journal, "runs", spy)
    return threads


def _tab(qtbot, journal: Journal) -> RunsTab:
    tab = RunsTab(JournalBridge(journal))
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    return tab


def test_the_runs_are_read_off_the_windows_thread_before_the_first_open(
    qtbot, journal: Journal, reads: list[threading.Thread]
) -> None:
    journal.add_entries([Run(day=TODAY - timedelta(days=d), duration_s=1800) for d in range(40)], [])
    tab = _tab(qtbot, journal)
    tab.prepare_runs()  # what the window does while idle after start-up
    qtbot.waitUntil(lambda: tab.view is not None and not tab.view.is_reading)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.model.rowCount() == 40
    assert reads and all(thread is not threading.main_thread() for thread in reads)


def test_a_run_logged_while_the_runs_are_read_is_in_the_list(
    qtbot, journal: Journal, reads: list[threading.Thread]
) -> None:
    journal.add_entries([Run(day=TODAY - timedelta(days=d), duration_s=1800) for d in range(5)], [])
    bridge = JournalBridge(journal)
    tab = RunsTab(bridge)
    qtbot.addWidget(tab)
    tab.prepare_runs()
    journal.log_run(Run(day=TODAY, duration_s=2400))  # the bridge tells the view
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 6)
    assert any(run.duration_s == 2400 for run in tab.model.runs())


def test_runs_read_in_the_background_are_in_the_order_the_table_sorts_them(
    qtbot, journal: Journal, test_seed: int
) -> None:
    import random
    from datetime import UTC, datetime

    rng = random.Random(test_seed)
    runs = []
    for _ in range(60):
        day = TODAY - timedelta(days=rng.randrange(30))
        started = rng.choice([None, datetime(day.year, day.month, day.day, rng.randrange(24), tzinfo=UTC)])
        runs.append(
            Run(
                day=day,
                duration_s=rng.randrange(600, 3600),
                started_at=started,
                utc_offset_min=rng.choice([None, 60, -300]),
            )
        )
    journal.add_entries(runs, [])
    tab = _tab(qtbot, journal)
    tab.prepare_runs()
    qtbot.waitUntil(lambda: tab.view is not None and not tab.view.is_reading and tab.model.rowCount() == 60)
    read_in_background = tab.model.runs()
    tab.view.refresh()  # read and sorted on the window's thread
    assert read_in_background == tab.model.runs()
