"""What every chart shares: a read-only plot on the person's palette, and hover figures.

A chart keeps its plot items and curve handles for its whole life and only feeds them new
figures (`setData` / `setOpts`), so switching ranges or logging a run never rebuilds a plot.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QLocale, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsGridLayout, QGraphicsItem, QToolTip, QWidget

from runjournal.domain.model import WeekTotals
from runjournal.figures.charts import ChartData
from runjournal.ui.views.charts.axes import DAY, WEEK, DateAxis, QuietLabelAxis, day_x
from runjournal.ui.views.charts.palette import ChartColours

SWATCH_BAR = "bar"
SWATCH_LINE = "line"
SWATCH_DASHED = "dashed"
SWATCH_DOTTED = "dotted"
SWATCH_BAND = "band"
SWATCH_POINT = "point"
SWATCH_TICK = "tick"


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: what a colour and a mark mean."""

    label: str
    colour: QColor
    kind: str = SWATCH_BAR
    symbol: str = "o"  # the marker shape of a SWATCH_POINT: "o", "s" or "t1" (triangle)


def number(value: float, decimals: int = 0) -> str:
    """A number in the person's locale."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


class ReadingPlotWidget(pg.GraphicsLayoutWidget):
    """A plot canvas that reads like a page: the wheel scrolls the page, Ctrl+wheel zooms the
    dates, Shift+wheel or a drag moves along them; with the keyboard + and − zoom, ← and →
    move, 0 shows the whole range again."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ci.layout.setContentsMargins(4, 8, 12, 4)
        self.chart: Chart | None = None
        self._dragged_from: float | None = None  # the view x where a left-button drag began

    def _view_x(self, event: QMouseEvent) -> float | None:
        chart = self.chart
        if chart is None:
            return None
        return float(chart.plot.vb.mapSceneToView(self.mapToScene(event.position().toPoint())).x())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragged_from = self._view_x(event)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start, chart = self._dragged_from, self.chart
        if start is not None and chart is not None and event.buttons() & Qt.MouseButton.LeftButton:
            now = self._view_x(event)
            if now is not None:
                left, right = chart.shown_range()
                chart.pan((start - now) / (right - left) if right > left else 0.0)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragged_from = None
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        chart = self.chart
        if chart is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            steps = (event.angleDelta().y() or event.angleDelta().x()) / 120
            chart.pan(-0.1 * steps)
            event.accept()
            return
        if chart is None or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()  # let the scroll area around the charts have it
            return
        steps = event.angleDelta().y() / 120
        if steps:
            scene = self.mapToScene(event.position().toPoint())
            centre = chart.plot.vb.mapSceneToView(scene).x()
            chart.zoom(0.8**steps, centre)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chart = self.chart
        key = event.key()
        actions = {
            Qt.Key.Key_Plus: lambda c: c.zoom(0.5),
            Qt.Key.Key_Equal: lambda c: c.zoom(0.5),
            Qt.Key.Key_Minus: lambda c: c.zoom(2.0),
            Qt.Key.Key_Left: lambda c: c.pan(-0.25),
            Qt.Key.Key_Right: lambda c: c.pan(0.25),
            Qt.Key.Key_0: lambda c: c.reset_view(),
            Qt.Key.Key_Home: lambda c: c.reset_view(),
        }
        if chart is None or key not in actions:
            super().keyPressEvent(event)
            return
        actions[Qt.Key(key)](chart)
        event.accept()


class ReadingPlot(pg.GraphicsWidget):
    """A view box with a left value axis and a bottom date axis, laid out as pg.PlotItem does.

    A read-only chart needs none of PlotItem's context menus and option forms, which cost
    about 20 ms to build per plot; this keeps only the parts the charts use, so opening
    the Charts view stays quick.
    """

    def __init__(self, first_weekday: int = 0) -> None:
        super().__init__()
        layout = QGraphicsGridLayout()
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setHorizontalSpacing(0)
        layout.setVerticalSpacing(0)
        self.setLayout(layout)
        for row in range(4):
            layout.setRowPreferredHeight(row, 0)
            layout.setRowMinimumHeight(row, 0)
            layout.setRowSpacing(row, 0)
            layout.setRowStretchFactor(row, 1)
        for col in range(3):
            layout.setColumnPreferredWidth(col, 0)
            layout.setColumnMinimumWidth(col, 0)
            layout.setColumnSpacing(col, 0)
            layout.setColumnStretchFactor(col, 1)
        layout.setRowStretchFactor(2, 100)
        layout.setColumnStretchFactor(1, 100)
        # PlotItem's title, top axis and right axis rest hidden at no size in these places.
        layout.setRowMaximumHeight(0, 0)
        layout.setRowMaximumHeight(1, 0)
        layout.setColumnMaximumWidth(2, 0)
        self.vb = pg.ViewBox(parent=self, enableMenu=False, enableMouse=False)
        layout.addItem(self.vb, 2, 1)
        self.axes: dict[str, pg.AxisItem] = {
            "left": QuietLabelAxis("left", parent=self),
            "bottom": DateAxis(first_weekday, parent=self),
        }
        for name, axis in self.axes.items():
            axis.linkToView(self.vb)
            layout.addItem(axis, *((2, 0) if name == "left" else (3, 1)))
            axis.setZValue(0.5)
            axis.setFlag(QGraphicsItem.GraphicsItemFlag.ItemNegativeZStacksBehindParent)

    def getAxis(self, name: str) -> pg.AxisItem:
        return self.axes[name]

    def addItem(self, item: QGraphicsItem) -> None:
        self.vb.addItem(item)

    def setLabel(self, axis: str, text: str) -> None:
        self.axes[axis].setLabel(text)

    def setXRange(self, left: float, right: float, padding: float = 0) -> None:
        self.vb.setXRange(left, right, padding=padding)

    def setYRange(self, low: float, high: float, padding: float = 0) -> None:
        self.vb.setYRange(low, high, padding=padding)

    def setXLink(self, other: ReadingPlot) -> None:
        self.vb.setXLink(other.vb)


def reading_plot(canvas: ReadingPlotWidget, row: int, first_weekday: int = 0) -> ReadingPlot:
    """A plot with a date axis, no zooming, panning, menu or auto-range button."""
    plot = ReadingPlot(first_weekday)
    canvas.addItem(plot, row=row, col=0)
    plot.vb.disableAutoRange()
    plot.getAxis("left").setGrid(int(0.25 * 255))
    plot.getAxis("left").setWidth(56)
    # A week-start label at the very edge may reach a little past it rather than vanish.
    plot.getAxis("bottom").setStyle(hideOverlappingLabels=40)
    return plot


def nice_ticks(top: float, most: int = 6) -> list[tuple[float, str]]:
    """Round tick values from 0 up to `top`, at most `most` of them (one level, no minor grid)."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= most:
            break
    return [(float(v), number(v)) for v in range(0, int(top) + 1, step)]


def set_ticks(axis: pg.AxisItem, ticks: list[tuple[float, str]]) -> None:
    """Gives a value axis its ticks, only when they change: new ticks lay the axis out and
    draw it again, which switching between ranges of the same height need not."""
    if getattr(axis, "_ticks_shown", None) != ticks:
        axis._ticks_shown = ticks
        axis.setTicks([ticks, []])


def style_plot(plot: ReadingPlot, colours: ChartColours, font: QFont) -> None:
    for axis in plot.axes.values():
        axis.setPen(pg.mkPen(colours.muted))
        axis.setTextPen(pg.mkPen(colours.foreground))
        axis.setTickFont(font)
        axis.setStyle(tickTextOffset=6)
        axis.label.setDefaultTextColor(colours.foreground)
        axis.label.setFont(font)


def style_line_label(line: pg.InfiniteLine, colours: ChartColours) -> None:
    """A guideline's label on a little plate of background, so bars under it stay readable."""
    if line.label is None:
        return
    plate = QColor(colours.background)
    plate.setAlpha(215)
    line.label.setColor(colours.foreground)
    line.label.fill = pg.mkBrush(plate)
    line.label.update()


def guideline(
    y: float, text: str, colour: QColor, style: Qt.PenStyle, position: float = 0.99
) -> pg.InfiniteLine:
    """A reference line. Its name (`text`) goes in the legend and the tooltip, never on the
    plot, where it would cover the most recent bars."""
    line = pg.InfiniteLine(pos=y, angle=0, movable=False, pen=pg.mkPen(colour, width=1.6, style=style))
    line.setToolTip(text)
    line.label = None  # pyqtgraph sets this attribute only for a labelled line
    return line


class Chart(QObject):
    """One chart of the Charts view; subclasses draw their figures on `self.plots`."""

    hovered = Signal(str)  # the figures under the pointer, "" when it leaves them
    legendChanged = Signal()  # what the legend lists changed after drawing (a marked tag)

    key = ""
    title = ""
    explanation = ""
    empty_message = ""
    file_slug = ""

    def __init__(self, plot_rows: int = 1) -> None:
        super().__init__()
        self.canvas = ReadingPlotWidget()
        self.canvas.chart = self
        self.canvas.setAccessibleName(self.title)
        self.plots = [reading_plot(self.canvas, row) for row in range(plot_rows)]
        self.plot = self.plots[0]
        self.first = date.today()
        self.last = date.today()
        self.canvas.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # What every chart provides, checked when the chart's class is defined:
    # show_data(data) puts the figures on the plot and says False when there is too little
    # to draw; describe_at(x, y) gives the exact figures at an axis position as a sentence
    # (or None); legend_entries(colours) lists what the legend shows.
    show_data: Callable[[ChartData], bool]
    describe_at: Callable[[float, float], str | None]
    legend_entries: Callable[[ChartColours], list[LegendEntry]]
    REQUIRED = ("show_data", "describe_at", "legend_entries")

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        missing = [name for name in Chart.REQUIRED if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)} to be drawn as a chart.")

    weeks: tuple[WeekTotals, ...] = ()  # the weeks a weekly chart shows, set by its show_data

    def week_at(self, x: float) -> WeekTotals | None:
        """The week whose bar (or slot) spans axis position `x`, for hover text."""
        for week in self.weeks:
            start = day_x(week.week_start)
            if start <= x < start + WEEK:
                return week
        return None

    def show_steps(self, data: ChartData) -> Generator[None, None, bool]:
        """`show_data` in pieces, pausing where the view may let the window breathe.

        A chart with a lot to draw (the daily chart over ten years) overrides this; the
        answer is what `show_data` returns.
        """
        return self.show_data(data)
        yield  # a generator, so callers can step through any chart alike

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        self.canvas.setBackground(colours.background)
        for plot in self.plots:
            style_plot(plot, colours, font)

    def controls(self) -> QWidget | None:
        """Extra controls beside the legend (the daily chart's series switches)."""
        return None

    # Shared ------------------------------------------------------------------------------
    def set_days(self, first: date, last: date, first_weekday: int) -> None:
        """Fixes every plot's x range to the chosen days, with half a day of margin."""
        self.first, self.last = first, last
        left = day_x(first) - DAY / 2
        right = day_x(last + timedelta(days=1)) + DAY / 2
        for plot in self.plots:
            plot.getAxis("bottom").first_weekday = first_weekday
            plot.setXRange(left, right, padding=0)

    # Looking closer ---------------------------------------------------------------------
    def whole_range(self) -> tuple[float, float]:
        return day_x(self.first) - DAY / 2, day_x(self.last + timedelta(days=1)) + DAY / 2

    def shown_range(self) -> tuple[float, float]:
        left, right = self.plot.vb.viewRange()[0]
        return float(left), float(right)

    def zoom(self, factor: float, centre: float | None = None) -> None:
        """Show `factor` times the dates shown now (less than 1: closer), around `centre`."""
        left, right = self.shown_range()
        low, high = self.whole_range()
        span = min(max((right - left) * factor, 7 * DAY), high - low)
        middle = (left + right) / 2 if centre is None else centre
        share = (middle - left) / (right - left) if right > left else 0.5
        self._show_x(middle - share * span, middle - share * span + span)

    def pan(self, fraction: float) -> None:
        """Move by `fraction` of the dates shown (negative: back in time)."""
        left, right = self.shown_range()
        shift = (right - left) * fraction
        self._show_x(left + shift, right + shift)

    def reset_view(self) -> None:
        self._show_x(*self.whole_range())

    def _show_x(self, left: float, right: float) -> None:
        """Show `left`..`right`, kept inside the range's first and last day."""
        low, high = self.whole_range()
        span = min(right - left, high - low)
        left = min(max(left, low), high - span)
        for plot in self.plots:
            plot.setXRange(left, left + span, padding=0)

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(pos):
                point = plot.vb.mapSceneToView(pos)
                text = self.describe_at(point.x(), point.y()) or ""
                self.hovered.emit(text)
                if text:
                    QToolTip.showText(QCursor.pos(), text, self.canvas)
                else:
                    QToolTip.hideText()
                return
        self.hovered.emit("")
