"""Daily check-in values and their 7-day rolling means, one value per calendar day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from runjournal.domain.model import CheckIn

# The series the charts can show, in the order of their legend.
DAILY_SERIES = ("mood", "stress", "anxiety", "energy", "sleep_hours")
# What the charts read of each day: the series, and whether the person was ill or injured
# (1.0 or 0.0), which the day-by-day chart marks.
ILL = "ill"
CHART_COLUMNS = (*DAILY_SERIES, ILL)
SERIES_LABELS = {
    "mood": "Mood",
    "stress": "Stress",
    "anxiety": "Anxiety",
    "energy": "Energy",
    "sleep_hours": "Sleep (hours)",
    "sleep_quality": "Sleep quality",
    "ill": "Ill or injured",
}
ROLLING_DAYS = 7
# A mean of one or two days in a week says little; the line starts once three are recorded.
ROLLING_MIN_VALUES = 3


@dataclass(frozen=True, slots=True)
class DailySeries:
    """One check-in value per calendar day from `first` to `last`; None where not recorded."""

    name: str
    first: date
    values: tuple[float | None, ...]
    rolling: tuple[float | None, ...]
    # Worked out with the values when they are read (see `daily_series_from_offsets`), so a
    # chart of years need not go through every day again; None: work them out when asked.
    months: tuple[tuple[date, float], ...] | None = field(default=None, compare=False, repr=False)
    count: int | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        return SERIES_LABELS[self.name]

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(len(self.values))]

    @property
    def recorded(self) -> int:
        if self.count is not None:
            return self.count
        return sum(v is not None for v in self.values)

    def value_on(self, day: date) -> float | None:
        index = (day - self.first).days
        return self.values[index] if 0 <= index < len(self.values) else None

    def rolling_on(self, day: date) -> float | None:
        index = (day - self.first).days
        return self.rolling[index] if 0 <= index < len(self.rolling) else None


def monthly_means(series: DailySeries) -> list[tuple[date, float]]:
    """(first day of the month, mean of its recorded days) for each month with a value:
    what a chart of years draws instead of thousands of daily points."""
    if series.months is not None:
        return list(series.months)
    return _monthly_means(np.array(series.values, dtype=float), series.first)  # None reads as NaN


def _monthly_means(values: np.ndarray, first: date) -> list[tuple[date, float]]:
    """`monthly_means` of an array holding one value a day from `first`, NaN where none."""
    if not len(values):
        return []
    months, starts = [], []
    month = first.replace(day=1)
    last = first + timedelta(days=len(values) - 1)
    while month <= last:
        months.append(month)
        starts.append(max((month - first).days, 0))
        month = (month + timedelta(days=32)).replace(day=1)
    recorded = ~np.isnan(values)
    totals = np.add.reduceat(np.where(recorded, values, 0.0), starts)
    counts = np.add.reduceat(recorded.astype(np.int64), starts)
    return [
        (month, float(total / count))
        for month, total, count in zip(months, totals.tolist(), counts.tolist(), strict=True)
        if count
    ]


def lead_in_start(first: date) -> date:
    """The first day whose check-in the rolling mean on `first` reads."""
    return first - timedelta(days=ROLLING_DAYS - 1)


def rolling_mean(
    values: Sequence[float | None], window: int = ROLLING_DAYS, min_values: int = ROLLING_MIN_VALUES
) -> tuple[float | None, ...]:
    """Mean of the values recorded in the `window` calendar days ending on each day.

    Days without a value are left out rather than counted as zero, so a missed check-in
    does not drag the line down.
    """
    return _optional(_rolling(np.array(values, dtype=float), window, min_values))


def _rolling(
    values: np.ndarray, window: int = ROLLING_DAYS, min_values: int = ROLLING_MIN_VALUES
) -> np.ndarray:
    """`rolling_mean` on an array with NaN for the days not recorded; NaN where too few are.

    Each day's window is summed afresh (a convolution), so years of days cost a few array
    passes and no error piles up along the way.
    """
    if not len(values):
        return values
    recorded = ~np.isnan(values)
    ones = np.ones(window)
    totals = np.convolve(np.where(recorded, values, 0.0), ones)[: len(values)]
    counts = np.convolve(recorded.astype(float), ones)[: len(values)]
    enough = counts >= min_values
    return np.divide(totals, counts, out=np.full(len(values), np.nan), where=enough)


def _optional(values: np.ndarray) -> tuple[float | None, ...]:
    """An array's values as floats, None where NaN (not recorded)."""
    boxed = values.astype(object)
    boxed[np.isnan(values)] = None
    return tuple(boxed.tolist())


def daily_series(
    check_ins: Iterable[CheckIn], first: date, last: date, names: Sequence[str] = DAILY_SERIES
) -> dict[str, DailySeries]:
    """Each named check-in value laid out by calendar day, with its rolling mean.

    The rolling mean on `first` already counts the six days before it (pass their
    check-ins too), so a chart of four weeks starts with a proper line.
    """
    rows = ((c.day, *(getattr(c, name) for name in names)) for c in check_ins)
    return daily_series_from_rows(rows, first, last, names)


def daily_series_from_rows(
    rows: Iterable[Sequence[Any]], first: date, last: date, names: Sequence[str] = DAILY_SERIES
) -> dict[str, DailySeries]:
    """As `daily_series`, from (day, *values) rows in the order of `names`."""
    start = lead_in_start(first)
    offset_rows = (((row[0] - start).days, *row[1:]) for row in rows)
    return daily_series_from_offsets(offset_rows, first, last, names)


def daily_series_from_offsets(
    rows: Iterable[Sequence[Any]], first: date, last: date, names: Sequence[str] = DAILY_SERIES
) -> dict[str, DailySeries]:
    """As `daily_series`, from (days since `lead_in_start(first)`, *values) rows: what the
    journal reads for the charts, without a `date` made for every row."""
    start = lead_in_start(first)
    span = max((last - start).days + 1, 0)
    skip = (first - start).days
    table = np.array([row[: len(names) + 1] for row in rows], dtype=float).reshape(-1, len(names) + 1)
    slots = np.full((len(names), span), np.nan)
    offsets = table[:, 0].astype(np.int64)
    inside = (offsets >= 0) & (offsets < span)
    slots[:, offsets[inside]] = table[inside, 1:].T
    result = {}
    for name, values in zip(names, slots, strict=True):
        rolling = _rolling(values)
        shown = values[skip:]
        result[name] = DailySeries(
            name,
            first,
            _optional(shown),
            _optional(rolling[skip:]),
            months=tuple(_monthly_means(shown, first)),
            count=int(np.count_nonzero(~np.isnan(shown))),
        )
    return result


def mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
