"""Today's week summary and the run log's weekly rows read the week as the coach does: the
person's first day and goal, hard minutes counted double on the goal bar, sessions from 10
minutes, and the days counted named."""

from __future__ import annotations

from datetime import date

import pytest

from runjournal.domain.model import Activity, Run, Settings
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.runs.week_totals_table import WEEK_COL_MINUTES, WEEK_COL_SESSIONS, WeekTotalsTable
from runjournal.ui.views.today.week_summary import WeekSummary

THURSDAY = date(2026, 12, 3)
MONDAY = date(2026, 11, 30)
SUNDAY_BEFORE = date(2026, 11, 29)
GOAL_ROLE = 257  # Qt.UserRole + 1: the share of the goal the bar is drawn to


@pytest.fixture
def sunday_45(journal: Journal) -> Journal:
    journal.save_settings(Settings(week_start=6, weekly_minutes_goal=45))
    journal.log_run(Run(day=SUNDAY_BEFORE, duration_s=20 * 60, effort=3))
    journal.log_run(Run(day=MONDAY, duration_s=5 * 60, activity=Activity.WALK))
    return journal


def test_todays_summary_counts_the_sunday_week_against_a_45_minute_goal(qtbot, sunday_45: Journal) -> None:
    panel = WeekSummary(JournalBridge(sunday_45))
    qtbot.addWidget(panel)
    panel.refresh(THURSDAY)
    assert panel.minutes_bar.format() == "25 of 45 min"
    assert panel.minutes_note.text() == "About 20 minutes to go."
    assert panel.sessions_bar.format() == "1 of 3"  # the 5-minute walk is not a session
    assert "29 Nov – 5 Dec, so far" in panel.heading.text()
    assert panel.heading.toolTip() == "This week so far, Sun 29 Nov – Thu 3 Dec"


def test_the_run_logs_goal_bar_counts_hard_minutes_double_against_the_persons_goal(
    qtbot, journal: Journal
) -> None:
    journal.save_settings(Settings(weekly_minutes_goal=120))
    journal.log_run(Run(day=MONDAY, duration_s=30 * 60, effort=8))
    journal.log_run(Run(day=THURSDAY, duration_s=9 * 60, activity=Activity.WALK, effort=2))
    table = WeekTotalsTable()
    qtbot.addWidget(table)
    table.show_weeks(journal.week_totals(THURSDAY, THURSDAY), journal.settings(), THURSDAY)
    minutes = table.item(0, WEEK_COL_MINUTES)
    assert minutes.text() == "39 min"  # every minute moved
    assert minutes.data(GOAL_ROLE) == pytest.approx(69 / 120)  # 60 hard-equivalent + 9 easy
    assert "69 of your 120 moderate-equivalent minutes a week, about 51 min to go" in minutes.toolTip()
    assert table.item(0, WEEK_COL_SESSIONS).text() == "1"  # the 9-minute walk is not a session
    assert table.item(0, 0).toolTip() == "This week so far, Mon 30 Nov – Thu 3 Dec"


def test_the_sessions_charts_count_sessions_of_ten_minutes_or_more(qtbot, journal: Journal) -> None:
    from runjournal.figures.charts import ChartRange
    from runjournal.ui.views.charts.sessions_chart import SessionsChart

    journal.log_run(Run(day=MONDAY, duration_s=30 * 60))
    journal.log_run(Run(day=THURSDAY, duration_s=5 * 60, activity=Activity.WALK))
    data = journal.chart_data(ChartRange.WEEKS_4, THURSDAY)
    chart = SessionsChart()
    chart.show_data(data)
    assert chart.heights()[-1] == 1  # as Today's panel: "1 of 3"
    assert data.this_week is not None and data.this_week.sessions == 1
