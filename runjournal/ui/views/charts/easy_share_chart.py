"""The share of running time at an easy effort each week, against the one-quarter line."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from runjournal.figures.charts import EASY_SHARE_LINE, ChartData
from runjournal.ui.views.charts.axes import BAR_WIDTH, long_date
from runjournal.ui.views.charts.chart_base import (
    SWATCH_BAR,
    SWATCH_DASHED,
    Chart,
    LegendEntry,
    guideline,
    number,
    style_line_label,
)
from runjournal.ui.views.charts.palette import ChartColours
from runjournal.ui.views.charts.rollup import Slots, month_name, slots_for


class EasyShareChart(Chart):
    key = "easy_share"
    title = "Share of easy running each week"
    explanation = (
        "Spend at least a quarter of your running time at an easy, conversational pace "
        "(effort 4 or less; CDC talk test: you can talk, but not sing)."
    )
    empty_message = "Log a run with how hard it felt to see how much of your running was easy"
    file_slug = "easy-share"

    def __init__(self) -> None:
        super().__init__()
        self.bars = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH)
        self.plot.addItem(self.bars)
        self.line = guideline(EASY_SHARE_LINE * 100, "One quarter", pg.mkColor("k"), Qt.PenStyle.DashLine)
        self.plot.addItem(self.line)
        self.plot.setYRange(0, 105, padding=0)
        self.plot.getAxis("left").setTicks([[(v, f"{number(v)} %") for v in (0, 25, 50, 75, 100)], []])
        self.plot.setLabel("left", "Easy share")
        self.slots: Slots | None = None

    def show_data(self, data: ChartData) -> bool:
        self.slots = slots = slots_for(data)
        self.weeks = slots.weeks
        shares = (
            [b.easy_share for b in slots.months] if slots.monthly else [w.easy_share for w in slots.weeks]
        )
        shown = [i for i, share in enumerate(shares) if share is not None]
        self.bars.setOpts(
            x=[slots.x[i] for i in shown],
            height=[100 * (shares[i] or 0.0) for i in shown],
            width=[slots.widths[i] for i in shown],
        )
        self.set_days(data.first, data.last, data.settings.week_start)
        return data.has_runs

    def heights(self) -> list[float]:
        return [float(h) for h in self.bars.opts["height"]]

    def describe_at(self, x: float, y: float) -> str | None:
        if self.slots is not None and self.slots.monthly:
            month = self.slots.month_at(x)
            if month is None or month.easy_share is None:
                return None if month is None else f"{month_name(month)}: no runs"
            return f"{month_name(month)}: {number(100 * month.easy_share)} % easy"
        week = self.week_at(x)
        if week is None:
            return None
        if week.easy_share is None:
            return f"Week of {long_date(week.week_start)}: no runs"
        return (
            f"Week of {long_date(week.week_start)}: {number(100 * week.easy_share)} % easy — "
            f"{number(week.easy_run_minutes)} of {number(week.run_minutes)} running minutes"
        )

    def legend_entries(self, colours: ChartColours) -> list[LegendEntry]:
        return [
            LegendEntry(
                "Easy share of running time, month by month"
                if self.slots is not None and self.slots.monthly
                else "Easy share of running time",
                colours.bars,
                SWATCH_BAR,
            ),
            LegendEntry("One quarter (25 %)", colours.foreground, SWATCH_DASHED),
        ]

    def restyle(self, colours: ChartColours, font: QFont) -> None:
        super().restyle(colours, font)
        self.bars.setOpts(brush=pg.mkBrush(colours.bars), pen=pg.mkPen(colours.background, width=1))
        self.line.setPen(pg.mkPen(colours.foreground, width=1.6, style=Qt.PenStyle.DashLine))
        style_line_label(self.line, colours)
