"""Minutes moved each week, stacked easy / moderate / hard, against the WHO guideline."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from runjournal.domain.model import Intensity, WeekTotals
from runjournal.figures.charts import GUIDELINE_MINUTES, LOWER_MINUTES, ChartData, MonthTotals
from runjournal.ui.views.charts.axes import BAR_WIDTH, day_x, long_date
from runjournal.ui.views.charts.chart_base import (
    SWATCH_BAR,
    SWATCH_DASHED,
    SWATCH_DOTTED,
    SWATCH_LINE,
    Chart,
    LegendEntry,
    guideline,
    nice_ticks,
    number,
    set_ticks,
    style_line_label,
)
from runjournal.ui.views.charts.palette import ChartColours
from runjournal.ui.views.charts.rollup import Slots, add_trend_and_so_far, month_name, slots_for

_INTENSITIES = (Intensity.EASY, Intensity.MODERATE, Intensity.HARD)


def _minutes(week: WeekTotals | MonthTotals, intensity: Intensity) -> float:
    return {
        Intensity.EASY: week.easy_minutes,
        Intensity.MODERATE: week.moderate_minutes,
        Intensity.HARD: week.hard_minutes,
    }[intensity]


def week_text(week: WeekTotals) -> str:
    """ "Week of 9 Nov 2026: 196 min easy, 54 moderate, 38 hard — 288 in all"."""
    return (
        f"Week of {long_date(week.week_start)}: {number(week.easy_minutes)} min easy, "
        f"{number(week.moderate_minutes)} moderate, {number(week.hard_minutes)} hard — "
        f"{number(week.minutes)} in all"
    )


def month_text(month: MonthTotals) -> str:
    """ "March 2024: 142 min a week on average (96 easy, 30 moderate, 16 hard), over 4 weeks"."""
    return (
        f"{month_name(month)}: {number(month.minutes)} min a week on average "
        f"({number(month.easy_minutes)} easy, {number(month.moderate_minutes)} moderate, "
        f"{number(month.hard_minutes)} hard), over {month.weeks} weeks"
    )


class MinutesChart(Chart):
    key = "minutes"
    title = "Minutes moved each week"
    explanation = (
        "WHO 2020: 150–300 minutes of moderate activity a week. Every minute counts: "
        "even 50 minutes a week is good for your heart."
    )
    empty_message = "Log a run to see your weekly minutes"
    file_slug = "weekly-minutes"

    def __init__(self) -> None:
        super().__init__()
        self.goal = GUIDELINE_MINUTES
        self.bars = {
            intensity: pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH) for intensity in _INTENSITIES
        }
        for bar in self.bars.values():
            self.plot.addItem(bar)
        self.guideline = guideline(GUIDELINE_MINUTES, "150 min (WHO)", pg.mkColor("k"), Qt.PenStyle.DashLine)
        self.lower_line = guideline(LOWER_MINUTES, "50 min", pg.mkColor("k"), Qt.PenStyle.DotLine)
        self.goal_line = guideline(
            GUIDELINE_MINUTES, "Your goal", pg.mkColor("k"), Qt.PenStyle.DashLine, 0.01
        )
        for line in (self.guideline, self.lower_line, self.goal_line):
            self.plot.addItem(line)
        self.goal_line.hide()
        self.plot.setLabel("left", "Minutes a week")
        self.slots: Slots | None = None
        self.trend_line, self.so_far = add_trend_and_so_far(self.plot)

    def show_data(self, data: ChartData) -> bool:
        self.slots = slots = slots_for(data)
        self.weeks = slots.weeks
        self.goal = data.settings.weekly_minutes_goal
        bars = slots.months if slots.monthly else slots.weeks
        bottom = [0.0] * len(bars)
        for intensity in _INTENSITIES:
            height = [_minutes(b, intensity) for b in bars]
            self.bars[intensity].setOpts(x=slots.x, height=height, y0=list(bottom), width=slots.widths)
            bottom = [b + h for b, h in zip(bottom, height, strict=True)]
        self.trend_line.setData(*slots.trend(bottom))
        self.so_far.setVisible(slots.unfinished and bool(bottom))
        if slots.unfinished and bottom:
            self.so_far.setPos(slots.x[-1], bottom[-1])
        self.goal_line.setVisible(self.goal != GUIDELINE_MINUTES)
        self.goal_line.setValue(self.goal)
        self.goal_line.setToolTip(f"Your goal: {number(self.goal)} min")
        top = max([*bottom, GUIDELINE_MINUTES, self.goal if self.goal_line.isVisible() else 0])
        self.plot.setYRange(0, top * 1.12, padding=0)
        set_ticks(self.plot.getAxis("left"), nice_ticks(top * 1.12, most=8))
        self.set_days(data.first, data.last, data.settings.week_start)
        return data.has_sessions

    def total_heights(self) -> list[float]:
        """Each bar's whole height (a week's minutes, or a month's average week)."""
        heights = [self.heights(i) for i in _INTENSITIES]
        return [sum(values) for values in zip(*heights, strict=True)]

    def bar_x(self) -> list[float]:
        return self.slots.x if self.slots else []

    def unit_label(self) -> str:
        return self.slots.unit_label if self.slots else "each week"

    def trend_points(self) -> list[float]:
        _, y = self.trend_line.getData()
        return [] if y is None else [float(v) for v in y]

    def heights(self, intensity: Intensity) -> list[float]:
        """The bar heights drawn for one intensity, week by week."""
        return [float(h) for h in self.bars[intensity].opts["height"]]

    def describe_at(self, x: float, y: float) -> str | None:
        if self.slots is not None and self.slots.monthly:
            month = self.slots.month_at(x)
            return month_text(month) if month is not None else None
        week = self.week_at(x)
        return week_text(week) if week is not None else None

    def week_of(self, day: date) -> WeekTotals | None:
        return self.week_at(day_x(day))

    def legend_entries(self, colours: ChartColours) -> list[LegendEntry]:
        entries = [LegendEntry(i.value.capitalize(), colours.intensity(i), SWATCH_BAR) for i in _INTENSITIES]
        if self.slots is not None and self.slots.monthly:
            entries.insert(0, LegendEntry("Bars: an average week of each month", colours.muted, SWATCH_BAR))
        window = "3-month" if self.slots is not None and self.slots.monthly else "4-week"
        if self.trend_points():  # four weeks have no 4-week trend yet
            entries.append(LegendEntry(f"Trend: {window} average", colours.foreground, SWATCH_LINE))
        entries.append(LegendEntry("150 minutes, WHO 2020", colours.foreground, SWATCH_DASHED))
        entries.append(LegendEntry("50 minutes", colours.foreground, SWATCH_DOTTED))
        if self.goal != GUIDELINE_MINUTES:
            entries.append(LegendEntry(f"Your goal: {number(self.goal)} min", colours.goal, SWATCH_DASHED))
        return entries

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        super().restyle(colours, font)
        for intensity, bar in self.bars.items():
            bar.setOpts(
                brush=pg.mkBrush(colours.intensity(intensity)), pen=pg.mkPen(colours.background, width=1)
            )
        self.guideline.setPen(pg.mkPen(colours.foreground, width=1.6, style=Qt.PenStyle.DashLine))
        self.lower_line.setPen(pg.mkPen(colours.foreground, width=1.6, style=Qt.PenStyle.DotLine))
        self.goal_line.setPen(pg.mkPen(colours.goal, width=2, style=Qt.PenStyle.DashLine))
        self.trend_line.setPen(pg.mkPen(colours.foreground, width=2.4))
        self.so_far.setColor(colours.foreground)
        for line in (self.guideline, self.lower_line, self.goal_line):
            style_line_label(line, colours)
