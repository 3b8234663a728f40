"""Mood before and after each run: a line from before to a mark after. The line's colour says
the direction (better, worse, no change), the mark's shape the effort, and a small ▲ or ▼ at
the after mark repeats the direction for anyone who cannot tell the colours apart."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from runjournal.domain.model import Intensity
from runjournal.domain.units import count
from runjournal.figures.charts import DAYS_BY_MONTH, ChartData, MonthMoodChange
from runjournal.figures.runs import MoodChange
from runjournal.ui.views.charts.axes import DAY, day_at, day_centre, long_date, month_year
from runjournal.ui.views.charts.chart_base import SWATCH_LINE, SWATCH_POINT, Chart, LegendEntry, number
from runjournal.ui.views.charts.palette import INTENSITY_SYMBOLS, ChartColours
from runjournal.ui.views.charts.rollup import month_centres

_INTENSITIES = (Intensity.EASY, Intensity.MODERATE, Intensity.HARD)
DIRECTIONS = ("better", "worse", "same")
LONG_DAYS = DAYS_BY_MONTH  # longer ranges show each month's average instead of every session
MAX_ARROWS = 300
DIRECTION_LABELS = {"better": "▲ Better after", "worse": "▼ Worse after", "same": "No change"}
DIRECTION_SYMBOLS = {"better": "t1", "worse": "t", "same": None}  # pyqtgraph: t1 ▲, t ▼


def direction(change: MoodChange | MonthMoodChange) -> str:
    return "better" if change.change > 0 else "worse" if change.change < 0 else "same"


def change_text(change: MoodChange) -> str:
    """ "10 Nov 2026, easy run, 30 min: mood 5 → 7 (+2)"."""
    delta = change.change
    signed = f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "±0"
    what = change.title or change.activity.label.lower()
    return (
        f"{long_date(change.day)}, {change.intensity.value} {what}, {number(change.minutes)} min: "
        f"mood {change.before} → {change.after} ({signed})"
    )


class MoodChangeChart(Chart):
    key = "mood_change"
    title = "Mood before and after each run"
    explanation = (
        "Each line runs from your mood before a session to the mark after it; its colour and the "
        "▲ or ▼ say whether you felt better or worse after, the mark's shape how hard it was. "
        "A few minutes of easy or moderate movement often lift mood; hard efforts can feel worse "
        "at first (Ekkekakis 2011)."
    )
    empty_message = "Record your mood before and after a run to see how it changes"
    file_slug = "mood-change"

    def __init__(self) -> None:
        super().__init__()
        self.changes: tuple[MoodChange, ...] = ()
        self.months: tuple[MonthMoodChange, ...] = ()
        self.segments: dict[str, pg.PlotCurveItem] = {}
        self.arrows: dict[str, pg.ScatterPlotItem] = {}
        self.marks: dict[Intensity, pg.ScatterPlotItem] = {}
        self._pens: dict[str, str] = {}
        for name in DIRECTIONS:
            segment = pg.PlotCurveItem(x=[], y=[], connect="pairs")
            self.plot.addItem(segment)
            self.segments[name] = segment
            symbol = DIRECTION_SYMBOLS[name]
            if symbol is not None:
                arrow = pg.ScatterPlotItem(x=[], y=[], symbol=symbol, size=7)
                self.plot.addItem(arrow)
                self.arrows[name] = arrow
        for intensity in _INTENSITIES:
            mark = pg.ScatterPlotItem(x=[], y=[], symbol=INTENSITY_SYMBOLS[intensity], size=9)
            self.plot.addItem(mark)
            self.marks[intensity] = mark
        self.plot.setYRange(0.5, 10.5, padding=0)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 11)], []])
        self.plot.setLabel("left", "Mood")

    def show_data(self, data: ChartData) -> bool:
        self.changes = data.mood_changes
        self.months = data.mood_change_months if data.days_by_month else ()
        if self.months:
            self._show_months()
            self.set_days(data.first, data.last, data.settings.week_start)
            return True
        for name in DIRECTIONS:
            mine = [c for c in self.changes if direction(c) == name]
            xs = [x for c in mine for x in (day_centre(c.day),) * 2]
            ys = [float(v) for c in mine for v in (c.before, c.after)]
            self.segments[name].setData(x=xs, y=ys, connect="pairs")
            if name in self.arrows:
                # Over hundreds of sessions the arrows would be a blur (and slow to draw); the
                # after mark at the line's end still shows the way it went.
                few = mine if len(self.changes) <= MAX_ARROWS else []
                offset = 0.45 if name == "better" else -0.45
                self.arrows[name].setData(
                    x=[day_centre(c.day) for c in few], y=[c.after + offset for c in few]
                )
        for intensity in _INTENSITIES:
            mine = [c for c in self.changes if c.intensity is intensity]
            self.marks[intensity].setData(
                x=[day_centre(c.day) for c in mine], y=[float(c.after) for c in mine]
            )
        self.set_days(data.first, data.last, data.settings.week_start)
        return bool(self.changes)

    def _show_months(self) -> None:
        """Years of sessions: one line a month, from its average before to its average after."""
        for name in DIRECTIONS:
            mine = [m for m in self.months if direction(m) == name]
            centres = month_centres([m.month for m in mine])
            xs = np.repeat(centres, 2)
            ys = [v for m in mine for v in (m.before, m.after)]
            self.segments[name].setData(x=xs, y=ys, connect="pairs")
            if name in self.arrows:
                offset = 0.45 if name == "better" else -0.45
                self.arrows[name].setData(
                    x=centres, y=np.array([m.after + offset for m in mine], dtype=float)
                )
        for intensity in _INTENSITIES:
            self.marks[intensity].setData(x=[], y=[])

    def direction_counts(self) -> dict[str, int]:
        shown = self.months or self.changes
        return {name: sum(1 for c in shown if direction(c) == name) for name in DIRECTIONS}

    def direction_pen(self, name: str) -> str:
        """The colour the lines of one direction are drawn in (as #rrggbb)."""
        return self._pens.get(name, "")

    def describe_at(self, x: float, y: float) -> str | None:
        if self.months:
            day = day_at(x)
            month = next((m for m in self.months if m.month <= day <= m.last_day), None)
            if month is None:
                return None
            return (
                f"{month_year(month.month)}: mood {number(month.before, 1)} → {number(month.after, 1)} on average, "
                f"over {count(month.sessions, 'session')}"
            )
        if not self.changes:
            return None
        tolerance = max(DAY, (self.last - self.first).days * DAY / 150)
        nearest = min(self.changes, key=lambda c: abs(day_centre(c.day) - x))
        if abs(day_centre(nearest.day) - x) > tolerance:
            return None
        same_day = [c for c in self.changes if c.day == nearest.day]
        return "\n".join(change_text(c) for c in same_day)

    def legend_entries(self, colours: ChartColours) -> list[LegendEntry]:
        entries = [
            LegendEntry(DIRECTION_LABELS[name], self._direction_colour(colours, name), SWATCH_LINE)
            for name in DIRECTIONS
        ]
        if self.months:
            return [
                LegendEntry("Each month's average before → after", colours.foreground, SWATCH_LINE),
                *entries,
            ]
        entries += [
            LegendEntry(
                f"{i.value.capitalize()} effort", colours.foreground, SWATCH_POINT, INTENSITY_SYMBOLS[i]
            )
            for i in _INTENSITIES
        ]
        return entries

    @staticmethod
    def _direction_colour(colours: ChartColours, name: str) -> QColor:
        return {"better": colours.better, "worse": colours.worse, "same": colours.muted}[name]

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        super().restyle(colours, font)
        for name in DIRECTIONS:
            colour = self._direction_colour(colours, name)
            self._pens[name] = colour.name()
            self.segments[name].setPen(pg.mkPen(colour, width=2.2))
            if name in self.arrows:
                self.arrows[name].setBrush(pg.mkBrush(colour))
                self.arrows[name].setPen(pg.mkPen(colour, width=1))
        for intensity in _INTENSITIES:
            self.marks[intensity].setBrush(pg.mkBrush(colours.foreground))
            self.marks[intensity].setPen(pg.mkPen(colours.background, width=1))
