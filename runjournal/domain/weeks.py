"""ISO weeks ("2026-W47"), which the report and the command line name weeks by, and the
person's own week, which may start on another day than Monday."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        # date.fromisocalendar knows which years have a week 53.
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError:
            raise ValueError(f"{self.year} has no week {self.week}.") from None

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        match = _ISO_WEEK.match(text.strip())
        if not match:
            raise ValueError(f"“{text.strip()}” is not a week: write it as 2026-W47.")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]

    def __add__(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __sub__(self, weeks: int) -> IsoWeek:
        return self + (-weeks)

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the person's week holding `day` (first_weekday: Monday = 0)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def week_starts(first: date, last: date, first_weekday: int = 0) -> Iterator[date]:
    """Every week start from the week holding `first` to the one holding `last`."""
    current = week_start(first, first_weekday)
    while current <= last:
        yield current
        current += timedelta(days=7)
