"""Daily mood, stress, anxiety, energy and sleep: each day's value as a point, the 7-day mean
as a line, and a cross over each day the person was ill or injured. Over more than a year the
points would be a barcode: the chart then draws each month's mean instead.

Sleep hours (0–12) get their own small plot under the 1–10 scores, sharing the date axis,
so neither scale squeezes the other and no reader has to match a line to a second axis.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from runjournal.figures import palette as shared
from runjournal.figures.charts import DAYS_BY_MONTH, ChartData
from runjournal.figures.daily import DAILY_SERIES, DailySeries
from runjournal.ui.views.charts.axes import DAY, day_at, day_centre, month_year, weekday_date
from runjournal.ui.views.charts.chart_base import (
    SWATCH_LINE,
    SWATCH_POINT,
    SWATCH_TICK,
    Chart,
    LegendEntry,
    number,
)
from runjournal.ui.views.charts.dots import DotsItem
from runjournal.ui.views.charts.legend import swatch_icon
from runjournal.ui.views.charts.palette import ChartColours
from runjournal.ui.views.charts.rollup import month_centres

SCORES = ("mood", "stress", "anxiety", "energy")
LONG_DAYS = DAYS_BY_MONTH  # longer ranges show monthly means instead of every day
ILL_MARK_Y = 10.25
TAG_MARK_Y = 0.7  # just above the run ticks: the days with the tag the person chose
PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dash": Qt.PenStyle.DashLine,
    "dot": Qt.PenStyle.DotLine,
    "dashdot": Qt.PenStyle.DashDotLine,
}
SLEEP = "sleep_hours"
RUN_MARK_LOW, RUN_MARK_HIGH = 0.0, 0.4  # a short upright tick under the scores
MIN_DAYS = 2  # one check-in is a dot, not a picture


def _array(values: tuple[float | None, ...]) -> np.ndarray:
    """Values as floats, NaN where none was recorded (numpy reads None as NaN)."""
    return np.array(values, dtype=float)


class DailyChart(Chart):
    key = "daily"
    title = "Mood, stress, anxiety, energy and sleep, day by day"
    explanation = (
        "Points are your daily check-ins, lines their 7-day average (over more than a year, each "
        "month's average); marks along the bottom are the days you ran, crosses at the top the "
        "days you were ill or injured. Adults need 7 hours of sleep or more (AASM/SRS 2015)."
    )
    empty_message = "Check in with your mood for a few days to see it here"
    file_slug = "daily-mood"

    def __init__(self) -> None:
        super().__init__(plot_rows=2)
        self.scores_plot, self.sleep_plot = self.plots
        self.series: dict[str, DailySeries] = {}
        self.months: dict[str, list[tuple[date, float]]] = {}  # a long range's monthly means
        self.run_days: tuple = ()
        self.points: dict[str, DotsItem] = {}
        self.lines: dict[str, pg.PlotCurveItem] = {}
        for name in DAILY_SERIES:
            plot = self.sleep_plot if name == SLEEP else self.scores_plot
            self.points[name] = DotsItem(size=5)
            self.lines[name] = pg.PlotCurveItem(x=[], y=[], connect="finite")
            plot.addItem(self.points[name])
            plot.addItem(self.lines[name])
        # One path of tick pairs: a scatter of 1,800 "|" symbols costs far more to feed.
        self.run_marks = pg.PlotCurveItem(x=[], y=[], connect="pairs")
        self.scores_plot.addItem(self.run_marks)
        self.ill_marks = pg.ScatterPlotItem(x=[], y=[], symbol="x", size=9)
        self.scores_plot.addItem(self.ill_marks)
        self.ill: tuple[date, ...] = ()
        self.tag_marks = pg.ScatterPlotItem(x=[], y=[], symbol="t1", size=9)  # a small triangle
        self.scores_plot.addItem(self.tag_marks)
        self.tagged: tuple[date, ...] = ()
        # Where the days with a tag come from (the charts view sets it to the journal's).
        self.tag_days_source: Callable[[str], set[date]] | None = None
        self.long = False
        self.sleep_plot.setXLink(self.scores_plot)
        self.scores_plot.getAxis("bottom").setStyle(showValues=False)
        self.scores_plot.setYRange(0, 10.5, padding=0)
        self.scores_plot.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 11)], []])
        self.scores_plot.setLabel("left", "Score (1–10)")
        self.sleep_plot.setYRange(0, 12.5, padding=0)
        self.sleep_plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 3, 6, 9, 12)], []])
        self.sleep_plot.setLabel("left", "Sleep (h)")
        self.canvas.ci.layout.setRowStretchFactor(0, 5)
        self.canvas.ci.layout.setRowStretchFactor(1, 2)
        self.canvas.ci.layout.setVerticalSpacing(2)

        self._controls = QWidget()
        rows = QVBoxLayout(self._controls)  # the series toggles, then the tag to mark
        rows.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(row)
        self.toggles: dict[str, QCheckBox] = {}
        for name in DAILY_SERIES:
            label = {"sleep_hours": "Sleep (hours)"}.get(name, name.capitalize())
            box = QCheckBox(label)
            box.setChecked(True)
            box.setAccessibleName(f"Show {label.lower()}")
            box.setToolTip(f"Show or hide {label.lower()} on the chart")
            box.toggled.connect(lambda on, n=name: self.set_series_visible(n, on))
            row.addWidget(box)
            self.toggles[name] = box
        self.tag_combo = QComboBox()
        self.tag_combo.addItem("No tag marked", None)
        self.tag_combo.setAccessibleName("Mark the days with a tag")
        # Narrow enough that the chart's controls still fit a narrow window.
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_combo.setMinimumContentsLength(12)
        self.tag_combo.setToolTip("Mark the days whose check-in has this tag (▲ along the bottom)")
        self.tag_combo.currentIndexChanged.connect(lambda _index: self._mark_tagged_days())
        row.addStretch(1)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_combo)
        tag_row.addStretch(1)
        rows.addLayout(tag_row)

    def controls(self) -> QWidget:
        return self._controls

    def set_series_visible(self, name: str, visible: bool) -> None:
        self.points[name].setVisible(visible and not self.long)
        self.lines[name].setVisible(visible)
        if self.toggles[name].isChecked() != visible:
            self.toggles[name].setChecked(visible)

    def show_data(self, data: ChartData) -> bool:
        steps = self.show_steps(data)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return bool(done.value)

    def show_steps(self, data: ChartData) -> Generator[None, None, bool]:
        """One series at a time, each handed over as arrays in one call."""
        self.series = data.daily
        self.months = data.daily_months if data.days_by_month else {}
        self.run_days = data.run_days
        self.long = data.days_by_month
        for name in DAILY_SERIES:
            self.points[name].setVisible(not self.long and self.toggles[name].isChecked())
            if self.long:
                means = self.months.get(name, [])
                x_months = month_centres([m for m, _ in means])
                self.points[name].setData(x=np.array([]), y=np.array([]))
                self.lines[name].setData(x=x_months, y=np.array([v for _, v in means], dtype=float))
                yield
                continue
            series = data.daily[name]
            x = day_centre(series.first) + DAY * np.arange(len(series.values), dtype=float)
            values = _array(series.values)
            recorded = ~np.isnan(values)
            self.points[name].setData(x=x[recorded], y=values[recorded])
            self.lines[name].setData(x=x, y=_array(series.rolling), connect="finite")
            yield
        self.ill = data.ill_days
        self.ill_marks.setData(x=self.ill_x(), y=[ILL_MARK_Y] * len(self.ill))
        days = () if self.long else data.run_days  # over years the sessions chart says how often
        x = np.repeat([day_centre(d) for d in days], 2)
        y = np.tile([RUN_MARK_LOW, RUN_MARK_HIGH], len(days))
        self.run_marks.setData(x=x, y=y, connect="pairs")
        self.set_days(data.first, data.last, data.settings.week_start)
        self._set_tag_choices(data.settings.tags)
        self._mark_tagged_days()
        return any(days >= MIN_DAYS for days in data.recorded.values())

    def _set_tag_choices(self, tags: tuple[str, ...]) -> None:
        chosen = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("No tag marked", None)
        for tag in tags:
            self.tag_combo.addItem(f"Mark days with “{tag}”", tag)
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(chosen)) if chosen else 0)
        self.tag_combo.blockSignals(False)

    def _mark_tagged_days(self) -> None:
        tag = self.tag_combo.currentData()
        days = self.tag_days_source(tag) if tag and self.tag_days_source is not None else set()
        # Over years a mark a day would be a barcode: the marks are for weeks and months.
        self.tagged = () if self.long else tuple(sorted(d for d in days if self.first <= d <= self.last))
        self.tag_marks.setData(x=self.tag_x(), y=[TAG_MARK_Y] * len(self.tagged))
        self.legendChanged.emit()

    def tagged_days(self) -> list[date]:
        return list(self.tagged)

    def tag_x(self) -> list[float]:
        return [day_centre(d) for d in self.tagged]

    def ill_days(self) -> list[date]:
        return sorted(self.ill)

    def ill_x(self) -> list[float]:
        return [day_centre(d) for d in self.ill]

    def unit_label(self) -> str:
        return "monthly mean" if self.long else "7-day mean"

    def describe_at(self, x: float, y: float) -> str | None:
        day = day_at(x)
        if self.long:
            return self._describe_month(day)
        if not self.series:
            return None
        parts = []
        for name in DAILY_SERIES:
            series = self.series[name]
            if not self.toggles[name].isChecked():
                continue
            value, mean = series.value_on(day), series.rolling_on(day)
            unit = " h" if name == SLEEP else ""
            label = "sleep" if name == SLEEP else name
            shown = "not recorded" if value is None else f"{number(value, 1 if name == SLEEP else 0)}{unit}"
            if mean is not None:
                shown += f" (7-day {number(mean, 1)}{unit})"
            parts.append(f"{label} {shown}")
        if day < self.first or day > self.last:
            return None
        ran = " — a run day" if day in self.run_days else ""
        ill = " — ill or injured" if day in self.ill else ""
        tagged = f" — tagged “{self.tag_combo.currentData()}”" if day in self.tagged else ""
        return f"{weekday_date(day)}: " + ", ".join(parts) + ran + ill + tagged

    def _describe_month(self, day: date) -> str | None:
        if day < self.first or day > self.last:
            return None
        month = day.replace(day=1)
        parts = []
        for name in DAILY_SERIES:
            if not self.toggles[name].isChecked():
                continue
            mean = dict(self.months.get(name, [])).get(month)
            label = "sleep" if name == SLEEP else name
            unit = " h" if name == SLEEP else ""
            parts.append(f"{label} {'not recorded' if mean is None else number(mean, 1) + unit}")
        ill = sum(1 for d in self.ill if d.replace(day=1) == month)
        extra = f" — {ill} day{'s' if ill != 1 else ''} ill or injured" if ill else ""
        return f"{month_year(month)}, monthly means: " + ", ".join(parts) + extra

    def legend_entries(self, colours: ChartColours) -> list[LegendEntry]:
        entries = [LegendEntry("Ill or injured (×)", colours.foreground, SWATCH_POINT)]
        if self.tag_combo.currentData() and not self.long:
            entries.append(
                LegendEntry(
                    f"Days with “{self.tag_combo.currentData()}” (▲)", colours.foreground, SWATCH_POINT
                )
            )
        if self.long:
            entries.insert(0, LegendEntry("Lines: each month's average", colours.foreground, SWATCH_LINE))
        else:
            entries.insert(0, LegendEntry("Run day", colours.foreground, SWATCH_TICK))
        return entries

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        super().restyle(colours, font)
        for name in DAILY_SERIES:
            colour = colours.series(name)
            faint = pg.mkColor(colour)
            faint.setAlpha(150)
            self.points[name].setColour(faint)
            style = PEN_STYLES[shared.SERIES_DASHES[name]]
            self.lines[name].setPen(pg.mkPen(colour, width=2.2, style=style))
            self.toggles[name].setIcon(swatch_icon(LegendEntry("", colour, SWATCH_LINE), colours))
        self.run_marks.setPen(pg.mkPen(colours.foreground, width=1.5))
        self.ill_marks.setPen(pg.mkPen(colours.foreground, width=1.6))
        self.ill_marks.setBrush(pg.mkBrush(colours.foreground))
        self.tag_marks.setPen(pg.mkPen(colours.foreground, width=1.2))
        self.tag_marks.setBrush(pg.mkBrush(colours.foreground))
