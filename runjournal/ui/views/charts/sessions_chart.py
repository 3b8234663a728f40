"""Sessions each week against the "3 to 5 times a week" band."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from runjournal.domain.units import count
from runjournal.figures.charts import SESSIONS_BAND, ChartData
from runjournal.ui.views.charts.axes import BAR_WIDTH, long_date
from runjournal.ui.views.charts.chart_base import (
    SWATCH_BAND,
    SWATCH_BAR,
    SWATCH_LINE,
    Chart,
    LegendEntry,
    number,
    set_ticks,
)
from runjournal.ui.views.charts.palette import ChartColours
from runjournal.ui.views.charts.rollup import Slots, add_trend_and_so_far, month_name, slots_for


class SessionsChart(Chart):
    key = "sessions"
    title = "Sessions each week"
    explanation = "ACSM 2011: about 30 minutes, 3 to 5 times a week — short sessions count too."
    empty_message = "Log a run to see how many sessions you fit into each week"
    file_slug = "weekly-sessions"

    def __init__(self) -> None:
        super().__init__()
        low, high = SESSIONS_BAND
        self.band = pg.LinearRegionItem(
            values=(low, high), orientation="horizontal", movable=False, pen=pg.mkPen(None)
        )
        self.band.setZValue(-10)
        self.plot.addItem(self.band)
        self.bars = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH)
        self.plot.addItem(self.bars)
        self.plot.setLabel("left", "Sessions a week")
        self.slots: Slots | None = None
        self.trend_line, self.so_far = add_trend_and_so_far(self.plot)

    def show_data(self, data: ChartData) -> bool:
        self.slots = slots = slots_for(data)
        self.weeks = slots.weeks
        heights = [float(b.sessions_10min) for b in (slots.months if slots.monthly else slots.weeks)]
        self.bars.setOpts(x=slots.x, height=heights, width=slots.widths)
        self.trend_line.setData(*slots.trend(heights))
        self.so_far.setVisible(slots.unfinished and bool(heights))
        if slots.unfinished and heights:
            self.so_far.setPos(slots.x[-1], heights[-1])
        top = max([*heights, SESSIONS_BAND[1] + 1])
        self.plot.setYRange(0, top + 0.5, padding=0)
        left = self.plot.getAxis("left")
        step = 1 if top <= 10 else 2 if top <= 20 else 5
        set_ticks(left, [(float(v), str(v)) for v in range(0, int(top) + 1, step)])
        self.set_days(data.first, data.last, data.settings.week_start)
        return data.has_sessions

    def heights(self) -> list[float]:
        return [float(h) for h in self.bars.opts["height"]]

    def trend_points(self) -> list[float]:
        _, y = self.trend_line.getData()
        return [] if y is None else [float(v) for v in y]

    def describe_at(self, x: float, y: float) -> str | None:
        if self.slots is not None and self.slots.monthly:
            month = self.slots.month_at(x)
            if month is None:
                return None
            return (
                f"{month_name(month)}: {number(month.sessions_10min, 1)} sessions a week on average, "
                f"over {month.weeks} weeks"
            )
        week = self.week_at(x)
        if week is None:
            return None
        low, high = SESSIONS_BAND
        verdict = (
            "within 3 to 5"
            if low <= week.sessions_10min <= high
            else "fewer than 3"
            if week.sessions_10min < low
            else "more than 5"
        )
        return f"Week of {long_date(week.week_start)}: {count(week.sessions_10min, 'session')} ({verdict})"

    def legend_entries(self, colours: ChartColours) -> list[LegendEntry]:
        monthly = self.slots is not None and self.slots.monthly
        entries = [
            LegendEntry(
                "Sessions: an average week of each month" if monthly else "Sessions", colours.bars, SWATCH_BAR
            ),
            LegendEntry("3 to 5 a week", colours.band, SWATCH_BAND),
        ]
        if self.trend_points():  # four weeks have no 4-week trend yet
            window = "3-month" if monthly else "4-week"
            entries.append(LegendEntry(f"Trend: {window} average", colours.foreground, SWATCH_LINE))
        return entries

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        super().restyle(colours, font)
        self.bars.setOpts(brush=pg.mkBrush(colours.bars), pen=pg.mkPen(colours.background, width=1))
        self.band.setBrush(pg.mkBrush(colours.band))
        self.trend_line.setPen(pg.mkPen(colours.foreground, width=2.4))
        self.so_far.setColor(colours.foreground)
        for line in self.band.lines:
            line.setPen(pg.mkPen(colours.band.darker(110), width=1, style=Qt.PenStyle.SolidLine))
