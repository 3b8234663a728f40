"""Before → after shows its direction: better and worse are drawn apart and the legend says so."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import Run
from runjournal.figures.charts import ChartRange
from runjournal.service.journal import Journal

pytest.importorskip("pyqtgraph")
from PySide6.QtGui import QColor, QPalette

from runjournal.ui.views.charts.mood_change_chart import MoodChangeChart
from runjournal.ui.views.charts.palette import colours_from

TODAY = date(2026, 11, 18)


def test_better_and_worse_are_drawn_in_their_own_colours_with_a_legend(qtbot, journal: Journal) -> None:
    journal.log_run(
        Run(day=TODAY - timedelta(days=1), duration_s=1800, effort=3, mood_before=4, mood_after=7)
    )
    journal.log_run(
        Run(day=TODAY - timedelta(days=2), duration_s=1800, effort=3, mood_before=6, mood_after=5)
    )
    journal.log_run(
        Run(day=TODAY - timedelta(days=3), duration_s=1800, effort=8, mood_before=5, mood_after=5)
    )
    chart = MoodChangeChart()
    qtbot.addWidget(chart.canvas)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    colours = colours_from(palette)
    chart.restyle(colours, chart.canvas.font())
    assert chart.show_data(journal.chart_data(ChartRange.WEEKS_4, TODAY))
    assert chart.direction_counts() == {"better": 1, "worse": 1, "same": 1}
    assert chart.direction_pen("better") == colours.better.name()
    assert chart.direction_pen("worse") == colours.worse.name()
    labels = [entry.label for entry in chart.legend_entries(colours)]
    assert "▲ Better after" in labels and "▼ Worse after" in labels and "No change" in labels


def test_years_of_sessions_show_each_months_average_before_and_after(qtbot, journal: Journal) -> None:
    from runjournal.figures.charts import monthly_mood_changes

    runs = [
        Run(day=TODAY - timedelta(days=d), duration_s=1800, effort=3, mood_before=5, mood_after=6 + d % 2)
        for d in range(0, 2 * 365, 2)
    ]
    journal.add_entries(runs, [])
    data = journal.chart_data(ChartRange.ALL, TODAY)
    months = monthly_mood_changes(data.mood_changes)
    assert 24 <= len(months) <= 26
    assert all(m.before == pytest.approx(5.0) and 6.0 <= m.after <= 7.0 for m in months)
    chart = MoodChangeChart()
    qtbot.addWidget(chart.canvas)
    assert chart.show_data(data)
    assert chart.direction_counts()["better"] == len(months)  # one line a month, not 365
    assert "average" in (chart.describe_at(chart.segments["better"].xData[0], 6) or "")
