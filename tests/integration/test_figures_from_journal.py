"""The charts' and the report's figures, read from a real journal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import CheckIn, Run, Settings
from runjournal.domain.weeks import IsoWeek
from runjournal.figures.charts import ChartRange
from runjournal.service.journal import Journal

TODAY = date(2026, 11, 21)  # Saturday of ISO week 47


def test_chart_data_holds_every_week_of_the_range_with_its_minutes(journal: Journal) -> None:
    journal.log_run(Run(day=date(2026, 11, 17), duration_s=30 * 60, effort=3, mood_before=4, mood_after=7))
    journal.log_run(Run(day=date(2026, 11, 18), duration_s=20 * 60, effort=8))
    journal.log_run(Run(day=date(2026, 11, 3), duration_s=45 * 60, effort=5))
    journal.save_check_in(CheckIn(day=date(2026, 11, 20), mood=6, sleep_hours=7.5))

    data = journal.chart_data(ChartRange.WEEKS_4, TODAY)

    assert (data.first, data.last) == (date(2026, 10, 26), date(2026, 11, 22))
    assert [w.week_start.day for w in data.weeks] == [26, 2, 9, 16]
    assert [w.minutes for w in data.weeks] == [0, 45, 0, 50]
    this_week = data.weeks[-1]
    assert (this_week.easy_minutes, this_week.hard_minutes, this_week.sessions) == (30, 20, 2)
    assert this_week.easy_share == pytest.approx(0.6)
    assert [c.change for c in data.mood_changes] == [3]
    assert data.run_days == (date(2026, 11, 3), date(2026, 11, 17), date(2026, 11, 18))
    assert data.daily["mood"].value_on(date(2026, 11, 20)) == 6
    assert data.has_runs and data.has_check_ins


def test_chart_weeks_follow_the_persons_week_start(journal: Journal) -> None:
    journal.save_settings(Settings(week_start=6))  # weeks start on Sunday
    journal.log_run(Run(day=date(2026, 11, 15), duration_s=1800))  # a Sunday
    data = journal.chart_data(ChartRange.WEEKS_4, TODAY)
    assert data.weeks[-1].week_start == date(2026, 11, 15)
    assert data.weeks[-1].minutes == 30


def test_an_empty_journal_has_weeks_but_nothing_to_draw(journal: Journal) -> None:
    data = journal.chart_data(ChartRange.ALL, TODAY)
    assert len(data.weeks) == 1
    assert not data.has_sessions and not data.has_check_ins and not data.mood_changes


def test_week_report_compares_the_week_with_the_one_before(journal: Journal) -> None:
    week = IsoWeek(2026, 47)
    for offset, minutes in ((0, 30), (2, 40), (4, 25)):
        journal.log_run(Run(day=week.monday + timedelta(days=offset), duration_s=minutes * 60, effort=4))
    journal.log_run(
        Run(day=(week - 1).monday, duration_s=60 * 60, effort=6, note="Long one", note_private=True)
    )
    journal.save_check_in(CheckIn(day=week.monday, mood=7, stress=3, note="Good start"))
    journal.save_check_in(CheckIn(day=week.monday + timedelta(days=1), mood=5))
    journal.save_check_in(CheckIn(day=(week - 1).monday, mood=4))

    report = journal.week_report(week, TODAY)

    assert report.totals.minutes == 95 and report.totals.sessions == 3
    assert report.previous.minutes == 60
    assert report.averages.mood == 6 and report.previous_averages.mood == 4
    assert len(report.weeks) == 12 and report.weeks[-1].week_start == week.monday
    assert len(report.daily["mood"].values) == 28
    assert len(report.runs) == 3
    assert [line.text for line in report.notes] == ["Good start"]
    assert not report.is_empty


def test_week_report_of_an_empty_week_says_it_is_empty(journal: Journal) -> None:
    journal.log_run(Run(day=date(2026, 10, 1), duration_s=1800))
    report = journal.week_report(IsoWeek(2026, 47), TODAY)
    assert report.is_empty
    assert report.has_history
    assert report.totals.minutes == 0
