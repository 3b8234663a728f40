"""Where the weekly charts put their bars: one a week for a few months, one a month (its
average week) for longer ranges, and the trend line through them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from runjournal.domain.model import WeekTotals
from runjournal.figures.charts import (
    MONTHLY_TREND,
    WEEKLY_TREND,
    ChartData,
    MonthTotals,
    reads_by_month,
    trend,
)
from runjournal.ui.views.charts.axes import BAR_WIDTH, DAY, EPOCH, day_x, month_year, week_centre

MONTH_BAR_SHARE = 0.72  # of the month's width; the rest is air between bars


@dataclass(frozen=True)
class Slots:
    """The bars of a weekly chart for one range."""

    monthly: bool
    weeks: tuple[WeekTotals, ...]  # weekly: one per bar
    months: tuple[MonthTotals, ...]  # monthly: one per bar
    x: list[float]
    widths: list[float]
    unfinished: bool  # weekly: the last bar is a week still running ("so far")

    @property
    def unit_label(self) -> str:
        return "an average week of each month" if self.monthly else "each week"

    def trend(self, values: list[float]) -> tuple[list[float], list[float]]:
        """The trend line's points through `values` (one per bar), leaving out a week still
        running, which would pull the line down for no reason."""
        window = MONTHLY_TREND if self.monthly else WEEKLY_TREND
        counted = values[:-1] if self.unfinished else values
        means = trend(counted, window)
        xs = [x for x, mean in zip(self.x[: len(means)], means, strict=True) if mean is not None]
        return xs, [mean for mean in means if mean is not None]

    def month_at(self, x: float) -> MonthTotals | None:
        for month in self.months:
            if day_x(month.month) <= x < day_x(month.last_day) + DAY:
                return month
        return None


def slots_for(data: ChartData) -> Slots:
    progress = data.this_week
    unfinished = progress is not None and not progress.is_finished
    if reads_by_month(data):
        months = data.months  # counted from whole weeks only
        return Slots(
            monthly=True,
            weeks=(),
            months=months,
            x=month_centres([m.month for m in months]).tolist(),
            widths=(month_days([m.month for m in months]) * DAY * MONTH_BAR_SHARE).tolist(),
            unfinished=False,
        )
    return Slots(
        monthly=False,
        weeks=data.weeks,
        months=(),
        x=[week_centre(w.week_start) for w in data.weeks],
        widths=[BAR_WIDTH] * len(data.weeks),
        unfinished=unfinished,
    )


def month_centres(months: Sequence[date]) -> np.ndarray:
    """Where each month's mark sits on the axis (the middle of the month), worked out for
    all of them at once: a chart of decades has hundreds."""
    starts = np.array(months, dtype="datetime64[D]")
    ends = (starts.astype("datetime64[M]") + 1).astype("datetime64[D]")
    epoch = np.datetime64(EPOCH, "D")
    return ((starts - epoch).astype(float) + (ends - epoch).astype(float)) * DAY / 2


def month_days(months: Sequence[date]) -> np.ndarray:
    """How many days each month has."""
    starts = np.array(months, dtype="datetime64[D]")
    return ((starts.astype("datetime64[M]") + 1).astype("datetime64[D]") - starts).astype(float)


def month_name(month: MonthTotals) -> str:
    return month_year(month.month)


def add_trend_and_so_far(plot: Any) -> tuple[Any, Any]:
    """The trend line and the "so far" mark that every weekly bar chart draws on its plot."""
    import pyqtgraph as pg

    trend_line = pg.PlotCurveItem(x=[], y=[])
    trend_line.setZValue(5)
    plot.addItem(trend_line)
    so_far = pg.TextItem("so far", anchor=(0.9, 1.1))  # right of centre: never past the edge
    so_far.hide()
    plot.addItem(so_far)
    return trend_line, so_far
