"""The run log, driven as a person would: clicking headers and rows, typing into filters."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime

from runjournal.domain.model import Activity, DistanceUnit, Run
from runjournal.domain.weeks import week_start
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.runs.run_table_model import (
    COL_ACTIVITY,
    COL_DATE,
    COL_DISTANCE,
    COL_DURATION,
    COL_EFFORT,
    COL_MOOD,
    COL_NOTE,
    COL_PACE,
    RunTableModel,
)
from runjournal.ui.views.runs.runs_view import RunsView
from runjournal.ui.views.runs.week_totals_table import (
    WEEK_COL_DISTANCE,
    WEEK_COL_EASY,
    WEEK_COL_MINUTES,
    WEEK_COL_SESSIONS,
    WEEK_COL_WEEK,
)

TODAY = date.today()


@pytest.fixture
def view(qtbot, journal: Journal) -> RunsView:
    shown = RunsView(JournalBridge(journal))
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def log(journal: Journal, days_ago: int, minutes: float, **fields: Any) -> Run:
    return journal.log_run(Run(day=TODAY - timedelta(days=days_ago), duration_s=minutes * 60, **fields))


def column(view: RunsView, col: int) -> list[str]:
    model = view.table.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def header_text(view: RunsView, col: int) -> str:
    return view.table.model().headerData(col, Qt.Orientation.Horizontal)


def click_header(qtbot, view: RunsView, col: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def row_centre(view: RunsView, row: int) -> QPoint:
    return view.table.visualRect(view.table.model().index(row, COL_ACTIVITY)).center()


def test_pace_follows_the_units_setting(view: RunsView, journal: Journal) -> None:
    log(journal, 1, 32 + 10 / 60, distance_m=5000)
    assert column(view, COL_DURATION) == ["32:10"]
    assert column(view, COL_DISTANCE) == ["5.00 km"]
    assert column(view, COL_PACE) == ["6:26 /km"]
    assert header_text(view, COL_PACE) == "Pace (min/km)"
    assert header_text(view, COL_DISTANCE) == "Distance (km)"

    journal.save_settings(journal.settings().replace(units=DistanceUnit.MI))

    assert column(view, COL_DISTANCE) == ["3.11 mi"]
    assert column(view, COL_PACE) == ["10:21 /mi"]
    assert header_text(view, COL_PACE) == "Pace (min/mi)"
    assert "mi in view" in view.summary_label.text()


def test_newest_first_then_sorted_by_duration_on_header_clicks(
    qtbot, view: RunsView, journal: Journal
) -> None:
    log(journal, 3, 30)
    log(journal, 2, 50)
    log(journal, 1, 20)
    assert column(view, COL_DURATION) == ["20:00", "50:00", "30:00"]  # newest first

    click_header(qtbot, view, COL_DURATION)
    assert column(view, COL_DURATION) == ["20:00", "30:00", "50:00"]
    click_header(qtbot, view, COL_DURATION)
    assert column(view, COL_DURATION) == ["50:00", "30:00", "20:00"]


def test_runs_without_a_distance_sort_last_both_ways(qtbot, view: RunsView, journal: Journal) -> None:
    log(journal, 3, 30, distance_m=4000)
    log(journal, 2, 40)  # a treadmill run with no distance
    log(journal, 1, 35, distance_m=6000)

    click_header(qtbot, view, COL_DISTANCE)
    assert column(view, COL_DISTANCE) == ["4.00 km", "6.00 km", ""]
    click_header(qtbot, view, COL_DISTANCE)
    assert column(view, COL_DISTANCE) == ["6.00 km", "4.00 km", ""]


def test_the_activity_filter_hides_walks(qtbot, view: RunsView, journal: Journal) -> None:
    log(journal, 2, 30, activity=Activity.RUN)
    log(journal, 1, 45, activity=Activity.WALK)
    assert sorted(column(view, COL_ACTIVITY)) == ["Run", "Walk"]

    view.activity_combo.setFocus()
    qtbot.keyClicks(view.activity_combo, "Run")

    assert view.activity_combo.currentText() == "Run"
    assert column(view, COL_ACTIVITY) == ["Run"]
    assert view.summary_label.text().startswith("1 run · 30 min")


def test_the_period_hides_older_runs(qtbot, view: RunsView, journal: Journal) -> None:
    log(journal, 10, 30, title="recent")
    log(journal, 120, 40, title="old")
    assert view.period_combo.currentText() == "Last 12 weeks"
    assert column(view, COL_NOTE) == ["recent"]
    assert "Choose “All activities” and “All time”" not in view.summary_label.text()

    view.period_combo.setFocus()
    qtbot.keyClicks(view.period_combo, "All")
    assert view.period_combo.currentText() == "All time"
    assert column(view, COL_NOTE) == ["recent", "old"]

    # Typing a From date makes the period Custom and applies it.
    start = TODAY - timedelta(days=5)
    view.from_edit.setFocus()
    view.from_edit.selectAll()
    qtbot.keyClicks(view.from_edit, view.from_edit.textFromDateTime(QDateTime(_qdate(start), QTime(0, 0))))
    assert view.from_edit.date() == _qdate(start)
    assert view.period_combo.currentText() == "Custom"
    assert column(view, COL_NOTE) == []
    assert "No runs in view; the journal holds 2 runs." in view.summary_label.text()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_weekly_totals_show_a_known_week(view: RunsView, journal: Journal) -> None:
    last_week = week_start(TODAY) - timedelta(days=7)
    journal.log_run(Run(day=last_week, duration_s=30 * 60, distance_m=5000, effort=3))
    journal.log_run(Run(day=last_week + timedelta(days=2), duration_s=45 * 60, distance_m=7000, effort=7))
    journal.log_run(Run(day=last_week + timedelta(days=4), duration_s=20 * 60, activity=Activity.WALK))

    weeks = view.weeks_table
    assert weeks.rowCount() == 2  # from the week of the first run to this week
    assert "(this week)" in weeks.item(0, WEEK_COL_WEEK).text()
    assert weeks.item(0, WEEK_COL_MINUTES).text() == "0 min"
    assert weeks.item(1, WEEK_COL_MINUTES).text() == "95 min"
    assert weeks.item(1, WEEK_COL_SESSIONS).text() == "3"
    assert weeks.item(1, WEEK_COL_DISTANCE).text() == "12.0"
    assert weeks.item(1, WEEK_COL_EASY).text() == "40 %"  # 30 of 75 running minutes
    assert str(last_week.day) in weeks.item(1, WEEK_COL_WEEK).text()

    journal.save_settings(journal.settings().replace(units=DistanceUnit.MI))
    assert weeks.item(1, WEEK_COL_DISTANCE).text() == "7.5"
    assert weeks.horizontalHeaderItem(WEEK_COL_DISTANCE).text() == "Run distance (mi)"


def test_double_click_and_enter_open_a_run(qtbot, view: RunsView, journal: Journal) -> None:
    older = log(journal, 2, 30)
    newer = log(journal, 1, 40)

    # A real double-click arrives as press, release, double-click; QTest's mouseDClick
    # sends only the last, so the first click comes before it.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(view, 0))
    with qtbot.waitSignal(view.runActivated) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(view, 0))
    assert opened.args == [newer]

    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(view, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.runActivated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [older]


def test_selected_runs_after_selecting_two_rows(qtbot, view: RunsView, journal: Journal) -> None:
    first = log(journal, 3, 30)
    log(journal, 2, 40)
    third = log(journal, 1, 50)
    assert view.selected_runs() == []

    with qtbot.waitSignal(view.selectionChanged):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(view, 0))
    qtbot.mouseClick(
        view.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        pos=row_centre(view, 2),
    )

    assert view.selected_runs() == [third, first]
    assert "(2 selected)" in view.summary_label.text()


def test_an_empty_journal_says_how_to_start(view: RunsView, journal: Journal) -> None:
    assert view.empty_label.isVisible()
    assert "No runs yet" in view.empty_label.text()
    assert "File → Log run…" in view.empty_label.text()
    assert not view.table.isVisible()

    log(journal, 0, 25)

    assert not view.empty_label.isVisible()
    assert view.table.isVisible()
    assert column(view, COL_DURATION) == ["25:00"]


def test_refreshing_keeps_the_selected_run(qtbot, view: RunsView, journal: Journal) -> None:
    log(journal, 3, 30)
    kept = log(journal, 2, 40)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(view, 0))
    assert view.selected_runs() == [kept]

    with qtbot.waitSignal(view.selectionChanged):
        log(journal, 0, 20)  # a new run at the top, logged straight into the journal

    assert column(view, COL_DURATION) == ["20:00", "40:00", "30:00"]
    assert view.selected_runs() == [kept]
    assert view.table.currentIndex().row() == 1


def test_select_run_widens_the_filters_to_show_it(qtbot, view: RunsView, journal: Journal) -> None:
    old_walk = log(journal, 200, 60, activity=Activity.WALK)
    log(journal, 1, 30)
    view.activity_combo.setFocus()
    qtbot.keyClicks(view.activity_combo, "Run")
    assert column(view, COL_ACTIVITY) == ["Run"]

    assert old_walk.id is not None
    assert view.select_run(old_walk.id)

    assert view.activity_combo.currentText() == "All activities"
    assert view.period_combo.currentText() == "All time"
    assert view.selected_runs() == [old_walk]
    assert not view.select_run(9999)


def test_another_journal_replaces_the_rows(view: RunsView, journal: Journal, tmp_path: Path) -> None:
    log(journal, 1, 30)
    bridge: JournalBridge = view._bridge
    with Journal.open(tmp_path / "other.sqlite") as other:
        other.log_run(Run(day=TODAY, duration_s=55 * 60))
        other.log_run(Run(day=TODAY - timedelta(days=1), duration_s=15 * 60))
        bridge.replace(other)
        assert column(view, COL_DURATION) == ["55:00", "15:00"]
        bridge.replace(journal)
    assert column(view, COL_DURATION) == ["30:00"]


def test_the_model_reads_like_a_diary(qapp) -> None:
    model = RunTableModel()
    runs = [
        Run(day=date(2026, 1, 5), duration_s=1930, distance_m=5000, effort=3, mood_after=7, id=1),
        Run(day=date(2026, 1, 6), duration_s=600, effort=7, mood_before=4, mood_after=7, note="Windy.", id=2),
        Run(day=date(2026, 1, 7), duration_s=900, note="Worried about work.", note_private=True, id=3),
    ]
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)  # oldest first, as listed here
    model.set_runs(runs, DistanceUnit.KM)

    def text(row: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(row, col).data(role)  # each role holds a type of its own

    assert text(0, COL_DATE).startswith("Mon ")
    assert text(0, COL_EFFORT) == "3 · easy"
    assert text(1, COL_EFFORT) == "7 · hard"
    assert text(0, COL_MOOD) == "— → 7"
    assert text(1, COL_MOOD) == "4 → 7"
    assert text(2, COL_MOOD) == ""
    assert text(1, COL_NOTE) == "✎ Windy."
    assert text(1, COL_NOTE, Qt.ItemDataRole.ToolTipRole) == "Windy."
    assert text(2, COL_NOTE) == "Private note"  # the words stay out of sight
    assert "Worried about work." in text(2, COL_NOTE, Qt.ItemDataRole.ToolTipRole)
    assert text(2, COL_NOTE, Qt.ItemDataRole.DecorationRole) is not None  # the padlock
    assert text(0, COL_DURATION, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert text(1, COL_PACE, Qt.ItemDataRole.UserRole) is None  # no distance, no pace
    assert model.run_at(2).id == 3 and model.row_of(2) == 1 and model.row_of(42) is None
