"""A person can look closer at any chart: zoom and pan with the mouse or the keyboard, and
go back to the whole range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from runjournal.domain.model import Run
from runjournal.figures.charts import ChartRange
from runjournal.service.journal import Journal

pytest.importorskip("pyqtgraph")
from runjournal.ui.views.charts.minutes_chart import MinutesChart

TODAY = date(2026, 11, 18)


def _span(chart: MinutesChart) -> tuple[float, float]:
    left, right = chart.plot.vb.viewRange()[0]
    return left, right


@pytest.fixture
def chart(qtbot, journal: Journal) -> MinutesChart:
    journal.add_entries(
        [Run(day=TODAY - timedelta(days=d), duration_s=1800, effort=3) for d in range(0, 360, 2)], []
    )
    shown = MinutesChart()
    qtbot.addWidget(shown.canvas)
    shown.canvas.resize(800, 300)
    shown.canvas.show()
    qtbot.waitExposed(shown.canvas)
    shown.show_data(journal.chart_data(ChartRange.WEEKS_52, TODAY))
    return shown


def test_the_keyboard_zooms_pans_and_resets(qtbot, chart: MinutesChart) -> None:
    whole = _span(chart)
    chart.canvas.setFocus()
    qtbot.keyClick(chart.canvas, Qt.Key.Key_Plus)
    zoomed = _span(chart)
    assert zoomed[1] - zoomed[0] == pytest.approx((whole[1] - whole[0]) / 2, rel=0.01)
    qtbot.keyClick(chart.canvas, Qt.Key.Key_Left)
    moved = _span(chart)
    assert moved[0] < zoomed[0] and moved[1] - moved[0] == pytest.approx(zoomed[1] - zoomed[0])
    for _ in range(20):
        qtbot.keyClick(chart.canvas, Qt.Key.Key_Left)
    assert _span(chart)[0] == pytest.approx(whole[0])  # never past the first day shown
    qtbot.keyClick(chart.canvas, Qt.Key.Key_0)
    assert _span(chart) == pytest.approx(whole)


def test_ctrl_and_the_wheel_zoom_while_the_wheel_alone_scrolls_the_page(chart: MinutesChart) -> None:
    whole = _span(chart)
    centre = QPointF(400, 150)

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(
            centre, chart.canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(chart.canvas.viewport(), event)

    wheel(Qt.KeyboardModifier.NoModifier)
    assert _span(chart) == pytest.approx(whole)
    wheel(Qt.KeyboardModifier.ControlModifier)
    left, right = _span(chart)
    assert right - left < (whole[1] - whole[0]) * 0.9


def test_dragging_with_the_mouse_moves_a_closer_look(qtbot, chart: MinutesChart) -> None:
    whole = _span(chart)
    chart.zoom(0.25)
    before = _span(chart)
    viewport = chart.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(500, 150))
    qtbot.mouseMove(viewport, QPoint(300, 150))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(300, 150))
    after = _span(chart)
    assert after[0] > before[0]  # dragged leftwards: later dates come into view
    assert after[1] - after[0] == pytest.approx(before[1] - before[0])
    assert after[1] <= whole[1] + 1
