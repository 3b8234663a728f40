"""The run log's filter "days with a tag": only the runs of days whose check-in has it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.runs.run_table_model import COL_DATE, COL_DURATION
from runjournal.ui.views.runs.runs_view import RunsView

TODAY = date.today()


@pytest.fixture
def view(qtbot, journal: Journal) -> RunsView:
    for days_ago, minutes in ((1, 20), (2, 30), (3, 40)):
        journal.log_run(Run(day=TODAY - timedelta(days=days_ago), duration_s=minutes * 60))
    journal.save_check_in(CheckIn(day=TODAY - timedelta(days=1), tags=("time outside", "therapy")))
    journal.save_check_in(CheckIn(day=TODAY - timedelta(days=3), tags=("time outside",)))
    journal.save_check_in(CheckIn(day=TODAY - timedelta(days=2), mood=5))
    shown = RunsView(JournalBridge(journal))
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def durations(view: RunsView) -> list[str]:
    model = view.table.model()
    return sorted(model.index(row, COL_DURATION).data() for row in range(model.rowCount()))


def test_days_with_a_tag_shows_only_the_runs_of_those_days(qtbot, view: RunsView) -> None:
    bar = view.filters
    assert bar.tag_combo.itemText(0) == "Any day"
    qtbot.waitUntil(lambda: len(durations(view)) == 3)
    bar.tag_combo.setCurrentIndex(bar.tag_combo.findData("time outside"))
    assert durations(view) == ["20:00", "40:00"]
    assert bar.is_narrowed()
    bar.tag_combo.setCurrentIndex(bar.tag_combo.findData("therapy"))
    assert durations(view) == ["20:00"]
    assert view.summary_label.text().startswith("1 run · 20 min")
    bar.tag_combo.setCurrentIndex(0)
    assert len(durations(view)) == 3
    assert view.table.model().index(0, COL_DATE).data()


def test_a_day_tagged_later_joins_the_filtered_runs(qtbot, view: RunsView, journal: Journal) -> None:
    bar = view.filters
    bar.tag_combo.setCurrentIndex(bar.tag_combo.findData("therapy"))
    assert durations(view) == ["20:00"]
    journal.save_check_in(CheckIn(day=TODAY - timedelta(days=2), mood=5, tags=("therapy",)))
    view._bridge.check_ins_changed.emit()
    qtbot.waitUntil(lambda: durations(view) == ["20:00", "30:00"])
