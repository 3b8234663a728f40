"""Mood before and after each run: a line from before to a mark after, coloured by effort."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

from runjournal.domain.model import Intensity
from runjournal.figures.charts import ChartData
from runjournal.figures.runs import MoodChange
from runjournal.ui.views.charts.axes import DAY, day_centre, long_date
from runjournal.ui.views.charts.chart_base import SWATCH_POINT, Chart, LegendEntry, number
from runjournal.ui.views.charts.palette import INTENSITY_SYMBOLS, ChartColours

_INTENSITIES = (Intensity.EASY, Intensity.MODERATE, Intensity.HARD)


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
        "Each line runs from your mood before a session to the mark after it. A few minutes of "
        "easy or moderate movement often lift mood; hard efforts can feel worse at first "
        "(Ekkekakis 2011)."
    )
    empty_message = "Record your mood before and after a run to see how it changes"
    file_slug = "mood-change"

    def __init__(self) -> None:
        super().__init__()
        self.changes: tuple[MoodChange, ...] = ()
        self.segments: dict[Intensity, pg.PlotCurveItem] = {}
        self.marks: dict[Intensity, pg.ScatterPlotItem] = {}
        for intensity in _INTENSITIES:
            segment = pg.PlotCurveItem(x=[], y=[], connect="pairs")
            mark = pg.ScatterPlotItem(x=[], y=[], symbol=INTENSITY_SYMBOLS[intensity], size=9)
            self.plot.addItem(segment)
            self.plot.addItem(mark)
            self.segments[intensity] = segment
            self.marks[intensity] = mark
        self.plot.setYRange(0.5, 10.5, padding=0)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 11)], []])
        self.plot.setLabel("left", "Mood")

    def show_data(self, data: ChartData) -> bool:
        self.changes = data.mood_changes
        for intensity in _INTENSITIES:
            mine = [c for c in self.changes if c.intensity is intensity]
            xs = [x for c in mine for x in (day_centre(c.day),) * 2]
            ys = [float(v) for c in mine for v in (c.before, c.after)]
            self.segments[intensity].setData(x=xs, y=ys, connect="pairs")
            self.marks[intensity].setData(
                x=[day_centre(c.day) for c in mine], y=[float(c.after) for c in mine]
            )
        self.set_days(data.first, data.last, data.settings.week_start)
        return bool(self.changes)

    def describe_at(self, x: float, y: float) -> str | None:
        if not self.changes:
            return None
        tolerance = max(DAY, (self.last - self.first).days * DAY / 150)
        nearest = min(self.changes, key=lambda c: abs(day_centre(c.day) - x))
        if abs(day_centre(nearest.day) - x) > tolerance:
            return None
        same_day = [c for c in self.changes if c.day == nearest.day]
        return "\n".join(change_text(c) for c in same_day)

    def legend_entries(self, colours: ChartColours) -> list[LegendEntry]:
        return [
            LegendEntry(i.value.capitalize(), colours.intensity(i), SWATCH_POINT, INTENSITY_SYMBOLS[i])
            for i in _INTENSITIES
        ]

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        super().restyle(colours, font)
        for intensity in _INTENSITIES:
            colour = colours.intensity(intensity)
            self.segments[intensity].setPen(pg.mkPen(colour, width=2))
            self.marks[intensity].setBrush(pg.mkBrush(colour))
            self.marks[intensity].setPen(pg.mkPen(colours.background, width=1))
