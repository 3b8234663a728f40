"""The day-by-day chart marks the days with a chosen tag, so a person can see them against mood."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.domain.model import CheckIn
from runjournal.figures.charts import ChartRange
from runjournal.service.journal import Journal

pytest.importorskip("pyqtgraph")
from runjournal.ui.views.charts.daily_chart import DailyChart

TODAY = date(2026, 11, 18)


def test_days_with_the_chosen_tag_are_marked_and_named_on_hover(qtbot, journal: Journal) -> None:
    journal.add_entries(
        [],
        [
            CheckIn(day=TODAY - timedelta(days=d), mood=5, tags=("alcohol",) if d in (2, 9) else ())
            for d in range(20)
        ],
    )
    chart = DailyChart()
    qtbot.addWidget(chart.canvas)
    chart.tag_days_source = journal.days_with_tag
    assert chart.show_data(journal.chart_data(ChartRange.WEEKS_4, TODAY))
    combo = chart.tag_combo
    assert combo.itemText(0) == "No tag marked" and combo.findData("alcohol") > 0
    assert chart.tagged_days() == []
    combo.setCurrentIndex(combo.findData("alcohol"))
    assert chart.tagged_days() == [TODAY - timedelta(days=9), TODAY - timedelta(days=2)]
    assert len(chart.tag_marks.data) == 2
    assert "“alcohol”" in (chart.describe_at(chart.tag_x()[0], 5) or "")
    assert any("alcohol" in entry.label for entry in chart.legend_entries(chart_colours()))
    combo.setCurrentIndex(0)
    assert chart.tagged_days() == [] and len(chart.tag_marks.data) == 0


def chart_colours():
    from PySide6.QtWidgets import QApplication

    from runjournal.ui.views.charts.palette import colours_from

    return colours_from(QApplication.palette())
