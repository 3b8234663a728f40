"""Dates on a chart's x axis.

Every chart puts a day at whole days since 1970-01-01 times 86,400 seconds (UTC midnight)
and reads the axis with a UTC offset of zero, so a week is always seven equal days, no
daylight-saving hour slips in, and a tick label reads as the calendar date the person logged.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QLocale

from runjournal.ui.dates import short_day

DAY = 86_400.0
WEEK = 7 * DAY
EPOCH = date(1970, 1, 1)
BAR_WIDTH = 5 * DAY  # a week's bar covers 5 of its 7 days, leaving a gap either side
MIN_LABEL_GAP_PX = 16


def day_x(day: date) -> float:
    """Where a day starts on the axis."""
    return (day - EPOCH).days * DAY


def day_centre(day: date) -> float:
    """Where a day's point sits: the middle of its day, so it falls inside its week's bar."""
    return day_x(day) + DAY / 2


def week_centre(week_start: date) -> float:
    return day_x(week_start) + WEEK / 2


def day_at(x: float) -> date:
    """The day under an axis position."""
    return EPOCH + timedelta(days=math.floor(x / DAY))


def long_date(day: date) -> str:
    """ "9 Nov 2026" as the window writes a day (runjournal.ui.dates), without the weekday."""
    return short_day(day, with_weekday=False)


def weekday_date(day: date) -> str:
    """ "Mon 9 Nov 2026" as the window writes a day (runjournal.ui.dates)."""
    return short_day(day)


def month_year(month: date) -> str:
    """ "November 2026" in the person's language."""
    return f"{QLocale().monthName(month.month)} {month.year}"


def _month_name(month: int) -> str:
    return QLocale().monthName(month, QLocale.FormatType.ShortFormat)


def _months(first: date, last: date, step: int) -> list[date]:
    """Starts of months from `first` to `last` whose month number fits `step` (1, 3, 6, 12)."""
    days = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        if (month - 1) % step == 0 and date(year, month, 1) >= first:
            days.append(date(year, month, 1))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return days


class QuietLabelAxis(pg.AxisItem):
    """An axis that sets its title's rich text only when the text changes.

    pg.AxisItem rewrites the title (QGraphicsTextItem.setHtml, a full text layout) on every
    range change, pen or font change: a few hundred times while the charts open, for
    titles that never change. Everything else it does on those calls still happens.
    """

    _label_html: str | None = None

    def _updateLabel(self) -> None:
        html = self.labelString()
        if html != self._label_html:
            self._label_html = html
            self.label.setHtml(html)
        self._adjustSize()
        self.picture = None
        self.update()


class DateAxis(QuietLabelAxis, pg.DateAxisItem):
    """A bottom axis whose ticks fall on week or month starts and read as dates.

    The scheme (weeks, months, quarters, years) is the finest whose labels fit the width
    the axis has, so labels never run into each other at any range or window size.
    """

    def __init__(self, first_weekday: int = 0, **kwargs: object) -> None:
        super().__init__(orientation="bottom", utcOffset=0, **kwargs)
        self.first_weekday = first_weekday
        self._labels: dict[float, str] = {}
        self._widths_for: object = None
        self._widths: dict[str, float] = {}
        self._ticks_for: object = None  # what the ticks in `_ticks` were worked out for
        self._ticks: list = []

    def _font_key(self) -> object:
        """What tells one tick font from another (pyqtgraph sets a new metrics object each paint)."""
        metrics = getattr(self, "fontMetrics", None)
        return None if metrics is None else (metrics.height(), metrics.horizontalAdvance("Sep 0000"))

    def _text_width(self, text: str) -> float:
        metrics = getattr(self, "fontMetrics", None)
        if metrics is None:
            return 7.0 * len(text)
        # The same few month names and years are measured for every scheme tried, on every
        # paint after a range change: remember them for the font in use.
        font = self._font_key()
        if font != self._widths_for:
            self._widths_for, self._widths = font, {}
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = metrics.horizontalAdvance(text)
        return width

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if maxVal <= minVal or size <= 0:
            return []
        key = (minVal, maxVal, size, self.first_weekday, self._font_key())
        if key == self._ticks_for:
            return self._ticks  # the same dates on the same width: the same ticks
        # The view ends half a day after the last day: no tick for the day after it.
        first, last = day_at(minVal), day_at(maxVal - 0.75 * DAY)
        px_per_day = size / max((maxVal - minVal) / DAY, 1e-9)
        self._labels = {}
        ticks = self._weekly(first, last, px_per_day)
        if ticks is None:
            ticks = self._monthly(first, last, px_per_day)
        self._ticks_for, self._ticks = key, ticks
        return ticks

    def _monthly(self, first: date, last: date, px_per_day: float) -> list:
        """Ticks at the starts of months, quarters, half years, years or longer: the finest
        whose widest label fits."""
        for step in (1, 3, 6, 12, 24, 60):
            if self._widest_label(first, last, step) + MIN_LABEL_GAP_PX > px_per_day * 30.4 * step:
                continue
            starts = self._starts(first, last, step)
            self._labels = {day_x(d): self._month_label(d, step) for d in starts}
            # Small ticks a step finer than the labels: months, quarters under yearly labels,
            # years under labels every few years (quarters over decades would be a comb).
            minor = [day_x(d) for d in _months(first, last, 1 if step < 12 else 3 if step == 12 else 12)]
            minor = [x for x in minor if x not in self._labels]
            return [(step * 30 * DAY, list(self._labels)), (DAY, minor)]
        return []

    @staticmethod
    def _starts(first: date, last: date, step: int) -> list[date]:
        if step <= 12:
            return _months(first, last, step)
        years = step // 12
        starts = [date(y, 1, 1) for y in range(first.year, last.year + 1) if y % years == 0]
        return [d for d in starts if first <= d <= last]

    def _widest_label(self, first: date, last: date, step: int) -> float:
        """The width of the widest label ticks every `step` months would have.

        Over a year or more every month begins in the range, so the labels differ only in
        their month names and years: a few dozen to measure, not one per month of decades.
        """
        if (last - first).days < 400:
            labels = [self._month_label(d, step) for d in self._starts(first, last, step)]
        else:
            years = [y for y in range(first.year, last.year + 1) if first <= date(y, 1, 1) <= last]
            if step >= 12:
                labels = [str(y) for y in years if y % (step // 12) == 0]
            else:
                labels = [_month_name(m) for m in range(2, 13) if (m - 1) % step == 0]
                labels += [f"{_month_name(1)} {y}" for y in years]
        return max((self._text_width(text) for text in labels), default=0.0)

    def _weekly(self, first: date, last: date, px_per_day: float) -> list | None:
        """Ticks at each week start (or every other one) while their labels fit."""
        start = first + timedelta(days=(self.first_weekday - first.weekday()) % 7)
        for every in (1, 2):
            if px_per_day * 7 * every < self._text_width("30 Sep") + MIN_LABEL_GAP_PX:
                continue
            days = [start + timedelta(weeks=i) for i in range(0, (last - start).days // 7 + 1, every)]
            for i, day in enumerate(days):
                text = f"{day.day} {_month_name(day.month)}"
                new_year = i > 0 and day.year != days[i - 1].year
                self._labels[day_x(day)] = f"{text} {day.year}" if new_year else text
            weeks = [day_x(start + timedelta(weeks=i)) for i in range((last - start).days // 7 + 1)]
            return [(7 * every * DAY, list(self._labels)), (DAY, [x for x in weeks if x not in self._labels])]
        return None

    @staticmethod
    def _month_label(day: date, step: int) -> str:
        if step >= 12:
            return str(day.year)
        if day.month == 1:
            return f"{_month_name(1)} {day.year}"
        return _month_name(day.month)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._labels.get(v, "") for v in values]
