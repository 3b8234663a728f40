"""Everything the charts view draws for one range of weeks, read in one go."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np

from runjournal.domain.model import JournalCounts, Settings, WeekTotals
from runjournal.domain.progress import WeekProgress, progress_of_week
from runjournal.domain.weeks import week_start
from runjournal.figures.daily import DAILY_SERIES, ILL, DailySeries, monthly_means
from runjournal.figures.runs import MoodChange

# Guideline lines drawn on the charts (docs/coach.md): WHO 2020's 150 moderate minutes a
# week, the 50 minutes a week that already lower heart-disease risk, "3 to 5 times a week",
# and "at least a quarter of your time at an easy pace".
GUIDELINE_MINUTES = 150
LOWER_MINUTES = 50
SESSIONS_BAND = (3, 5)
EASY_SHARE_LINE = 0.25
# Ranges longer than this many days show each month's mean check-ins and mood change rather
# than every day and every session, which over years would be a barcode.
DAYS_BY_MONTH = 400


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
class MonthlyOverview:
    """What a range of years draws of the check-ins and the sessions' moods: each month's
    figures, summed as they are read, instead of every day and every session."""

    daily_months: dict[str, tuple[tuple[date, float], ...]]  # as `monthly_means`, by series
    recorded: dict[str, int]  # days with a value, by series (ILL: days checked in)
    ill_days: tuple[date, ...]
    mood_change_months: tuple[MonthMoodChange, ...]


@dataclass(frozen=True)
class ChartData:
    """The figures of every chart for the days `first`..`last`.

    With an `overview` (a range of years, read to be drawn month by month) the check-ins and
    sessions are there only as each month's figures: `daily`, `run_days` and `mood_changes`
    are empty, and no shorter range can be cut from it (see `narrowed`).
    """

    first: date
    last: date
    settings: Settings
    weeks: tuple[WeekTotals, ...]
    daily: dict[str, DailySeries]
    run_days: tuple[date, ...]
    mood_changes: tuple[MoodChange, ...]
    today: date | None = None  # the day the figures were read for; None: the range's last day
    overview: MonthlyOverview | None = None
    # The whole journal's counts as they stood when the figures were read (whether older
    # entries exist outside the range); None when not read with them.
    counts: JournalCounts | None = field(default=None, compare=False)

    def progress(self, week: WeekTotals) -> WeekProgress:
        """A week of the charts as Today's panel, the run log and the coach count it: the
        person's goal, "so far" for the week still running."""
        settings = self.settings
        today = self.today or self.last
        return progress_of_week(week, today, settings.weekly_minutes_goal, settings.weekly_sessions_goal)

    @property
    def this_week(self) -> WeekProgress | None:
        """The week holding today (the last week of every range), or None before it is read."""
        return self.progress(self.weeks[-1]) if self.weeks else None

    @property
    def has_sessions(self) -> bool:
        return any(w.sessions for w in self.weeks)

    @property
    def has_runs(self) -> bool:
        return any(w.run_minutes > 0 for w in self.weeks)

    @property
    def has_check_ins(self) -> bool:
        return any(self.recorded.values())

    @cached_property
    def recorded(self) -> dict[str, int]:
        """How many days each daily series has a value on."""
        if self.overview is not None:
            return self.overview.recorded
        return {name: series.recorded for name, series in self.daily.items()}

    # The month by month figures of a long range. Each is worked out once, on first use;
    # `prepare_months` works out those the range draws while it is being read, so the charts
    # only hand them over.
    @property
    def days_by_month(self) -> bool:
        """Over this many days the daily chart and the mood change chart draw months."""
        return (self.last - self.first).days + 1 > DAYS_BY_MONTH

    @cached_property
    def months(self) -> tuple[MonthTotals, ...]:
        """Each month's average week, counted from whole weeks only: the week still running
        would pull its month down for no reason."""
        progress = self.this_week
        unfinished = progress is not None and not progress.is_finished
        return by_month(self.weeks[:-1] if unfinished else self.weeks)

    @cached_property
    def daily_months(self) -> dict[str, list[tuple[date, float]]]:
        """Each daily series' monthly means (see `monthly_means`)."""
        if self.overview is not None:
            return {name: list(months) for name, months in self.overview.daily_months.items()}
        return {name: monthly_means(self.daily[name]) for name in DAILY_SERIES if name in self.daily}

    @cached_property
    def mood_change_months(self) -> tuple[MonthMoodChange, ...]:
        if self.overview is not None:
            return self.overview.mood_change_months
        return monthly_mood_changes(self.mood_changes)

    @cached_property
    def ill_days(self) -> tuple[date, ...]:
        """The days the person was ill or injured, oldest first."""
        if self.overview is not None:
            return self.overview.ill_days
        ill = self.daily.get(ILL)
        if ill is None:
            return ()
        flags = np.array(ill.values, dtype=float)
        return tuple(ill.first + timedelta(days=int(i)) for i in np.flatnonzero(flags > 0))

    def prepare(self) -> None:
        """Works out now the figures this range is drawn with that are not read as they are
        (the ill days, and the monthly figures of a long range)."""
        _ = self.ill_days, self.recorded
        if reads_by_month(self):
            _ = self.months
        if self.days_by_month:
            _ = self.daily_months, self.mood_change_months


def narrowed(whole: ChartData, first: date) -> ChartData | None:
    """The figures of a range starting on `first`, cut from those of the whole journal.

    Every range ends with the same week, and a day's 7-day mean already reads the days
    before it, so the weeks, days and runs from `first` on are exactly what a fresh read of
    that range would give. Nothing was logged before the whole journal's first week, so a
    range reaching further back gets empty weeks and unrecorded days there. Keeps switching
    ranges instant once the whole journal has been read. None when `first` is past the end,
    or when `whole` holds only the monthly overview of its check-ins and sessions.
    """
    if first > whole.last or whole.overview is not None:
        return None
    skip = (first - whole.first).days
    pad_days = max(-skip, 0)
    pad_weeks = tuple(WeekTotals(first + timedelta(weeks=i)) for i in range(pad_days // 7))
    skip = max(skip, 0)

    def cut(values: tuple[float | None, ...]) -> tuple[float | None, ...]:
        return (None,) * pad_days + values[skip:]

    return ChartData(
        first=first,
        last=whole.last,
        settings=whole.settings,
        weeks=pad_weeks + tuple(w for w in whole.weeks if w.week_start >= first),
        daily={
            name: DailySeries(name, first, cut(series.values), cut(series.rolling))
            for name, series in whole.daily.items()
        },
        run_days=tuple(d for d in whole.run_days if d >= first),
        mood_changes=tuple(c for c in whole.mood_changes if c.day >= first),
        today=whole.today,
    )


# Ranges longer than this many weeks are drawn by month: ten years of weekly bars would be
# a barcode. A month's bar is its average week, so the weekly guideline lines still apply.
MONTHS_FROM_WEEKS = 60
WEEKLY_TREND = 4  # weeks in the trend line's mean
MONTHLY_TREND = 3  # months


@dataclass(frozen=True, slots=True)
class MonthTotals:
    """An average week of one calendar month (the weeks whose Thursday falls in it)."""

    month: date  # its first day
    weeks: int
    easy_minutes: float = 0.0
    moderate_minutes: float = 0.0
    hard_minutes: float = 0.0
    sessions_10min: float = 0.0
    run_minutes: float = 0.0
    easy_run_minutes: float = 0.0

    @property
    def easy_share(self) -> float | None:
        return self.easy_run_minutes / self.run_minutes if self.run_minutes > 0 else None

    @property
    def minutes(self) -> float:
        return self.easy_minutes + self.moderate_minutes + self.hard_minutes

    @property
    def last_day(self) -> date:
        following = date(self.month.year + self.month.month // 12, self.month.month % 12 + 1, 1)
        return following - timedelta(days=1)


def by_month(weeks: Sequence[WeekTotals]) -> tuple[MonthTotals, ...]:
    """Each month's average week; a week belongs to the month its middle day (the start
    plus three days) falls in, so no week is counted twice or split."""
    groups: dict[date, list[WeekTotals]] = {}
    for week in weeks:
        middle = week.week_start + timedelta(days=3)
        groups.setdefault(middle.replace(day=1), []).append(week)
    months = []
    for month, members in groups.items():
        n = len(members)
        months.append(
            MonthTotals(
                month=month,
                weeks=n,
                easy_minutes=sum(w.easy_minutes for w in members) / n,
                moderate_minutes=sum(w.moderate_minutes for w in members) / n,
                hard_minutes=sum(w.hard_minutes for w in members) / n,
                sessions_10min=sum(w.sessions_10min for w in members) / n,
                run_minutes=sum(w.run_minutes for w in members) / n,
                easy_run_minutes=sum(w.easy_run_minutes for w in members) / n,
            )
        )
    return tuple(months)


def trend(values: Sequence[float], window: int) -> list[float | None]:
    """The mean of each value and the `window - 1` before it; None until there are enough."""
    means: list[float | None] = []
    total = 0.0
    for index, value in enumerate(values):
        total += value
        if index >= window:
            total -= values[index - window]
        means.append(total / window if index >= window - 1 else None)
    return means


def reads_by_month(data: ChartData) -> bool:
    return len(data.weeks) > MONTHS_FROM_WEEKS


@dataclass(frozen=True, slots=True)
class MonthMoodChange:
    """The average mood before and after the sessions of one month."""

    month: date  # its first day
    sessions: int
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def last_day(self) -> date:
        following = date(self.month.year + self.month.month // 12, self.month.month % 12 + 1, 1)
        return following - timedelta(days=1)


def monthly_mood_changes(changes: Sequence[MoodChange]) -> tuple[MonthMoodChange, ...]:
    """Each month's average before and after: what a chart of years draws instead of a line
    for every session."""
    sums: dict[date, list[float]] = {}
    for change in changes:
        row = sums.setdefault(change.day.replace(day=1), [0, 0.0, 0.0])
        row[0] += 1
        row[1] += change.before
        row[2] += change.after
    return tuple(
        MonthMoodChange(month, int(n), before / n, after / n)
        for month, (n, before, after) in sorted(sums.items())
    )
