"""Daily check-in values and their 7-day rolling means, one value per calendar day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

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

    @property
    def label(self) -> str:
        return SERIES_LABELS[self.name]

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(len(self.values))]

    @property
    def recorded(self) -> int:
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
    sums: dict[date, list[float]] = {}
    for offset, value in enumerate(series.values):
        if value is not None:
            month = (series.first + timedelta(days=offset)).replace(day=1)
            sums.setdefault(month, [0.0, 0.0])
            sums[month][0] += value
            sums[month][1] += 1
    return [(month, total / count) for month, (total, count) in sums.items()]


def lead_in_start(first: date) -> date:
    """The first day whose check-in the rolling mean on `first` reads."""
    return first - timedelta(days=ROLLING_DAYS - 1)


def rolling_mean(
    values: Sequence[float | None], window: int = ROLLING_DAYS, min_values: int = ROLLING_MIN_VALUES
) -> tuple[float | None, ...]:
    """Mean of the values recorded in the `window` calendar days ending on each day.

    Days without a value are left out rather than counted as zero, so a missed check-in
    does not drag the line down. One running sum, so years of days cost one pass.
    """
    means: list[float | None] = []
    total = 0.0
    present = 0
    for i, value in enumerate(values):
        if value is not None:
            total += value
            present += 1
        if i >= window:
            leaving = values[i - window]
            if leaving is not None:
                total -= leaving
                present -= 1
        means.append(total / present if present >= min_values else None)
    return tuple(means)


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
    span = max((last - start).days + 1, 0)
    skip = (first - start).days
    slots: list[list[float | None]] = [[None] * span for _ in names]
    for row in rows:
        index = (row[0] - start).days
        if 0 <= index < span:
            for values, value in zip(slots, row[1:], strict=True):
                if value is not None:
                    values[index] = float(value)
    result = {}
    for name, values in zip(names, slots, strict=True):
        rolling = rolling_mean(values)
        result[name] = DailySeries(name, first, tuple(values[skip:]), rolling[skip:])
    return result


def mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
