"""Everything the charts view draws for one range of weeks, read in one go."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from runjournal.domain.model import Settings, WeekTotals
from runjournal.domain.weeks import week_start
from runjournal.figures.daily import DailySeries
from runjournal.figures.runs import MoodChange

# Guideline lines drawn on the charts (COACH_RULES.md): WHO 2020's 150 moderate minutes a
# week, the 50 minutes a week that already lower heart-disease risk, "3 to 5 times a week",
# and "at least a quarter of your time at an easy pace".
GUIDELINE_MINUTES = 150
LOWER_MINUTES = 50
SESSIONS_BAND = (3, 5)
EASY_SHARE_LINE = 0.25


class ChartRange(enum.IntEnum):
    """How many weeks the charts show, ending with the current week; ALL is the whole journal."""

    WEEKS_4 = 4
    WEEKS_12 = 12
    WEEKS_26 = 26
    WEEKS_52 = 52
    ALL = 0

    @property
    def label(self) -> str:
        return "All" if self is ChartRange.ALL else f"{self.value} weeks"

    def first_day(self, today: date, journal_first: date | None, first_weekday: int) -> date:
        """The first day shown: the start of the earliest week in range."""
        this_week = week_start(today, first_weekday)
        if self is ChartRange.ALL:
            start = journal_first if journal_first and journal_first < this_week else this_week
            return week_start(start, first_weekday)
        return this_week - timedelta(weeks=self.value - 1)


@dataclass(frozen=True)
class ChartData:
    """The figures of every chart for the days `first`..`last`."""

    first: date
    last: date
    settings: Settings
    weeks: tuple[WeekTotals, ...]
    daily: dict[str, DailySeries]
    run_days: tuple[date, ...]
    mood_changes: tuple[MoodChange, ...]

    @property
    def has_sessions(self) -> bool:
        return any(w.sessions for w in self.weeks)

    @property
    def has_runs(self) -> bool:
        return any(w.run_minutes > 0 for w in self.weeks)

    @property
    def has_check_ins(self) -> bool:
        return any(series.recorded for series in self.daily.values())
