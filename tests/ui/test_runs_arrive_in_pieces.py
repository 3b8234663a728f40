"""A big run log joins the table a piece at a time, so the window keeps answering while
30,000 runs arrive; once they are all there, the table, its sorting and its filter hold
every run exactly once, and a run logged meanwhile is listed once too."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer

from runjournal.domain.model import Activity, Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.runs import run_table_model
from runjournal.ui.views.runs.run_filter_bar import PERIOD_ALL
from runjournal.ui.views.runs.run_table_model import COL_DURATION
from runjournal.ui.views.runs.runs_tab import RunsTab

TODAY = date.today()
RUNS = 60


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run_table_model, "ROWS_PER_TURN", 7)


@pytest.fixture
def logged(journal: Journal, test_seed: int) -> list[Run]:
    rng = random.Random(test_seed)
    activities = [Activity.RUN, Activity.WALK]
    journal.add_entries(
        [
            Run(
                day=TODAY - timedelta(days=rng.randrange(900)),
                duration_s=rng.randrange(600, 5400),
                activity=rng.choice(activities),
            )
            for _ in range(RUNS)
        ],
        [],
    )
    return journal.runs()


def _prepared_tab(qtbot, journal: Journal) -> RunsTab:
    tab = RunsTab(JournalBridge(journal))
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.prepare_runs()
    return tab


def _ids(tab: RunsTab) -> list[int | None]:
    return [run.id for run in tab.model.runs()]


def test_the_rows_join_the_table_in_pieces_and_every_run_is_there_once(
    qtbot, journal: Journal, logged: list[Run], small_pieces: None
) -> None:
    tab = _prepared_tab(qtbot, journal)
    pieces: list[int] = []
    tab.model.rowsInserted.connect(lambda _parent, first, last: pieces.append(last - first + 1))
    qtbot.waitUntil(lambda: tab.model.rowCount() == RUNS and not tab.model.is_filling)
    assert len(pieces) > 1, "all the rows arrived in one go"
    ids = _ids(tab)
    assert len(ids) == len(set(ids)) == RUNS
    assert set(ids) == {run.id for run in logged}
    tab.show()
    qtbot.waitExposed(tab)
    tab.view.filters.set_period_choice(PERIOD_ALL)
    assert tab.view.proxy.rowCount() == RUNS
    assert tab.view.summary_label.text().startswith(f"{RUNS} runs")


def test_sorting_and_the_filter_see_every_run_even_when_asked_while_rows_arrive(
    qtbot, journal: Journal, logged: list[Run], small_pieces: None
) -> None:
    tab = _prepared_tab(qtbot, journal)
    tab.show()
    qtbot.waitExposed(tab)
    view = tab.view
    assert view is not None
    view.filters.set_period_choice(PERIOD_ALL)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    tab.table.sortByColumn(COL_DURATION, Qt.SortOrder.AscendingOrder)  # perhaps mid-way
    qtbot.waitUntil(lambda: not tab.model.is_filling and not view.is_reading)
    proxy = view.proxy
    durations = [
        proxy.index(row, COL_DURATION).data(run_table_model.SORT_ROLE) for row in range(proxy.rowCount())
    ]
    assert durations == sorted(run.duration_s for run in logged)
    walks = sum(run.activity is Activity.WALK for run in logged)
    view.activity_combo.setCurrentIndex(view.activity_combo.findData(Activity.WALK.value))
    assert proxy.rowCount() == walks


def test_a_run_logged_while_rows_are_still_arriving_is_listed_exactly_once(
    qtbot, journal: Journal, logged: list[Run], small_pieces: None
) -> None:
    tab = _prepared_tab(qtbot, journal)
    tab.show()
    qtbot.waitExposed(tab)
    seen: dict[str, object] = {}

    def log_once() -> None:
        if "run" not in seen:
            seen["filling"] = tab.model.is_filling
            seen["run"] = journal.log_run(Run(day=TODAY, duration_s=4321))

    tab.model.rowsInserted.connect(lambda *_: QTimer.singleShot(0, log_once))
    qtbot.waitUntil(lambda: "run" in seen and not tab.model.is_filling and tab.model.rowCount() == RUNS + 1)
    assert seen["filling"] is True
    ids = _ids(tab)
    assert len(ids) == len(set(ids)) == RUNS + 1
    assert sum(run.duration_s == 4321 for run in tab.model.runs()) == 1


def test_runs_read_a_span_of_days_at_a_time_are_each_listed_once(
    qtbot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runjournal.ui.views.runs import runs_view

    monkeypatch.setattr(runs_view, "DAYS_PER_PIECE", 10)
    start = TODAY - timedelta(days=400)
    # Both ends of the journal, the days either side of where one span meets the next,
    # two runs on one day and a long gap.
    days = [start, start + timedelta(days=9), start + timedelta(days=10), start + timedelta(days=10)]
    days += [start + timedelta(days=11), start + timedelta(days=395), TODAY]
    journal.add_entries([Run(day=day, duration_s=1200 + n) for n, day in enumerate(days)], [])
    tab = _prepared_tab(qtbot, journal)
    qtbot.waitUntil(lambda: tab.view is not None and not tab.view.is_reading and not tab.model.is_filling)
    assert sorted(run.duration_s for run in tab.model.runs()) == [1200 + n for n in range(len(days))]
    assert [run.day for run in tab.model.runs()] == sorted(days, reverse=True)


def test_the_weekly_totals_of_a_first_open_are_summed_off_the_windows_thread(
    qtbot, journal: Journal, logged: list[Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    threads: list[threading.Thread] = []
    every_week = journal.week_totals

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return every_week(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(journal, "week_totals", spy)
    tab = _prepared_tab(qtbot, journal)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.weeks_table.rowCount() > 0)
    assert threads and all(thread is not threading.main_thread() for thread in threads)


def test_the_runs_read_for_the_run_log_are_kept_out_of_the_garbage_collectors_sweeps(
    qtbot, journal: Journal, logged: list[Run]
) -> None:
    import gc

    tab = _prepared_tab(qtbot, journal)
    try:
        qtbot.waitUntil(lambda: tab.view is not None and not tab.view.is_reading and not tab.model.is_filling)
        swept = {id(thing) for thing in gc.get_objects()}  # every generation a sweep looks at
        shown = tab.model.runs()
        assert len(shown) == RUNS
        assert not [run for run in shown if gc.is_tracked(run) and id(run) in swept]
    finally:
        gc.unfreeze()  # the rest of the tests start from a collector as usual
