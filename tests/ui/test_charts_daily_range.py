"""The day-by-day chart draws energy and marks ill or injured days, and over years shows
each month's mean instead of thousands of points."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import CheckIn
from runjournal.figures.charts import ChartRange
from runjournal.figures.daily import DAILY_SERIES, monthly_means
from runjournal.service.journal import Journal

pytest.importorskip("pyqtgraph")
from runjournal.ui.views.charts.daily_chart import DailyChart

TODAY = date(2026, 11, 18)


def _check_ins(journal: Journal, days: int) -> None:
    journal.add_entries(
        [],
        [
            CheckIn(day=TODAY - timedelta(days=d), mood=5 + d % 3, energy=4 + d % 4, ill=d in (3, 4))
            for d in range(days)
        ],
    )


def test_energy_is_a_series_and_ill_days_are_marked(qtbot, journal: Journal) -> None:
    assert "energy" in DAILY_SERIES
    _check_ins(journal, 40)
    chart = DailyChart()
    qtbot.addWidget(chart.canvas)
    data = journal.chart_data(ChartRange.WEEKS_4, TODAY)
    assert chart.show_data(data)
    assert len(chart.points["energy"].x) == (TODAY - data.first).days + 1 and "energy" in chart.toggles
    assert chart.ill_days() == [TODAY - timedelta(days=4), TODAY - timedelta(days=3)]
    assert "ill or injured" in (chart.describe_at(chart.ill_x()[0], 5) or "")


def test_monthly_means_average_the_recorded_days_of_each_month() -> None:
    from runjournal.figures.daily import DailySeries

    series = DailySeries("mood", date(2026, 1, 30), (4.0, 6.0, None, 8.0), (None,) * 4)
    assert monthly_means(series) == [(date(2026, 1, 1), 5.0), (date(2026, 2, 1), 8.0)]


def test_years_show_monthly_means_not_every_day(qtbot, journal: Journal) -> None:
    _check_ins(journal, 3 * 365)
    chart = DailyChart()
    qtbot.addWidget(chart.canvas)
    assert chart.show_data(journal.chart_data(ChartRange.ALL, TODAY))
    assert not chart.points["mood"].isVisible()
    x, _y = chart.lines["mood"].getData()
    assert 36 <= len(x) <= 38
    assert chart.unit_label() == "monthly mean"
