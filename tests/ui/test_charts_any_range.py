"""Charts that read at any range: weeks for a few months, months (an average week of each)
for years, and a trend line through either, so ten years is not a barcode."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import Run, WeekTotals
from runjournal.figures.charts import ChartRange, by_month, trend
from runjournal.service.journal import Journal

pytest.importorskip("pyqtgraph")
from runjournal.ui.views.charts.minutes_chart import MinutesChart
from runjournal.ui.views.charts.sessions_chart import SessionsChart

TODAY = date(2026, 11, 18)


def test_a_month_is_the_average_week_of_the_weeks_mostly_in_it() -> None:
    weeks = [WeekTotals(date(2026, 3, 2) + timedelta(weeks=n), easy_minutes=30.0 * n) for n in range(5)]
    march, april = by_month(weeks)  # 2, 9, 16, 23 and 30 March: the 30th's Thursday is 2 April
    assert march.month == date(2026, 3, 1) and march.weeks == 4
    assert march.easy_minutes == pytest.approx((0 + 30 + 60 + 90) / 4)
    assert april.month == date(2026, 4, 1) and april.easy_minutes == pytest.approx(120)


def test_the_trend_is_the_mean_of_the_last_few_values() -> None:
    assert trend([2, 4, 6, 8], 3) == [None, None, pytest.approx(4), pytest.approx(6)]
    assert trend([], 3) == []


def _three_years(journal: Journal) -> None:
    runs = [
        Run(day=TODAY - timedelta(days=d), duration_s=(30 + d % 20) * 60, effort=3 + d % 5)
        for d in range(0, 3 * 365, 3)
    ]
    journal.add_entries(runs, [])


def test_years_are_drawn_by_month_with_a_trend(qtbot, journal: Journal) -> None:
    _three_years(journal)
    data = journal.chart_data(ChartRange.ALL, TODAY)
    minutes, sessions = MinutesChart(), SessionsChart()
    qtbot.addWidget(minutes.canvas)
    qtbot.addWidget(sessions.canvas)
    assert minutes.show_data(data) and sessions.show_data(data)
    assert 36 <= len(minutes.total_heights()) <= 38  # months, not 157 weeks
    assert 36 <= len(sessions.heights()) <= 38
    assert minutes.unit_label() == "an average week of each month"
    assert minutes.trend_points() and sessions.trend_points()
    hover = minutes.describe_at(minutes.bar_x()[5], 10)
    assert hover is not None and "a week on average" in hover


def test_a_few_weeks_stay_weekly_with_a_trend(qtbot, journal: Journal) -> None:
    _three_years(journal)
    data = journal.chart_data(ChartRange.WEEKS_12, TODAY)
    minutes = MinutesChart()
    qtbot.addWidget(minutes.canvas)
    assert minutes.show_data(data)
    assert len(minutes.total_heights()) == 12
    assert minutes.unit_label() == "each week"
    # A 4-week mean from the fourth week on, leaving out this week, which is still running.
    assert len(minutes.trend_points()) == 12 - 1 - 3
    assert minutes.so_far.isVisible()


def test_the_easy_share_of_years_is_drawn_by_month(qtbot, journal: Journal) -> None:
    from runjournal.ui.views.charts.easy_share_chart import EasyShareChart

    _three_years(journal)
    chart = EasyShareChart()
    qtbot.addWidget(chart.canvas)
    assert chart.show_data(journal.chart_data(ChartRange.ALL, TODAY))
    assert 36 <= len(chart.heights()) <= 38
    assert all(0 <= h <= 100 for h in chart.heights())
    hover = chart.describe_at(chart.slots.x[3], 50)
    assert hover is not None and "% easy" in hover


def test_reference_lines_are_named_in_the_legend_not_over_the_bars(qtbot, journal: Journal) -> None:
    from runjournal.ui.views.charts.easy_share_chart import EasyShareChart

    _three_years(journal)
    data = journal.chart_data(ChartRange.WEEKS_4, TODAY)
    minutes, easy = MinutesChart(), EasyShareChart()
    for chart in (minutes, easy):
        qtbot.addWidget(chart.canvas)
        chart.show_data(data)
    for line in (minutes.guideline, minutes.lower_line, minutes.goal_line, easy.line):
        assert line.label is None or not line.label.isVisible()


def test_the_legend_names_a_trend_only_when_one_is_drawn(qtbot, journal: Journal) -> None:
    from PySide6.QtGui import QPalette

    from runjournal.ui.views.charts.palette import colours_from

    _three_years(journal)
    colours = colours_from(QPalette())
    for chart_range, drawn in ((ChartRange.WEEKS_4, False), (ChartRange.WEEKS_12, True)):
        minutes, sessions = MinutesChart(), SessionsChart()
        for chart in (minutes, sessions):
            qtbot.addWidget(chart.canvas)
            chart.show_data(journal.chart_data(chart_range, TODAY))
            labels = [entry.label for entry in chart.legend_entries(colours)]
            assert any(label.startswith("Trend") for label in labels) is drawn, (chart_range, labels)
