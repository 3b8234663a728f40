"""Reading the figures of the charts and the weekly page, inside one of the journal's read
transactions: only the columns each figure needs, aggregated in SQL where it can be."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runjournal.domain.model import WeekTotals
from runjournal.domain.weeks import IsoWeek, week_start, week_starts
from runjournal.storage import chart_rows
from runjournal.storage.repositories import journal_counts
from runjournal.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from runjournal.coach.model import Nudge
    from runjournal.domain.progress import WeekProgress
    from runjournal.figures.charts import ChartData, ChartRange, MonthlyOverview
    from runjournal.figures.daily import DailySeries
    from runjournal.figures.runs import MoodChange
    from runjournal.figures.week_report import WeekReport


def week_totals(uow: UnitOfWork, first: date, last: date, first_weekday: int) -> list[WeekTotals]:
    """Every week from the one holding `first` to the one holding `last`, empty ones as zeros."""
    start = week_start(first, first_weekday)
    found = {w.week_start: w for w in chart_rows.week_totals(uow.connection, start, last)}
    return [found.get(s, WeekTotals(week_start=s)) for s in week_starts(first, last, first_weekday)]


def chart_data(uow: UnitOfWork, chart_range: ChartRange, today: date) -> ChartData:
    return _chart_data(uow, chart_range, today, overview=False)


def chart_overview(uow: UnitOfWork, chart_range: ChartRange, today: date) -> ChartData:
    """The figures of `chart_range` as the charts first draw them: for a range of years,
    each month's check-ins and sessions' moods summed by SQLite (a few hundred rows rather
    than every day and every session, which only shorter ranges draw); otherwise the same as
    `chart_data`."""
    return _chart_data(uow, chart_range, today, overview=True)


def _chart_data(uow: UnitOfWork, chart_range: ChartRange, today: date, *, overview: bool) -> ChartData:
    from runjournal.figures.charts import DAYS_BY_MONTH, ChartData

    settings = uow.settings.load()
    counts = journal_counts(uow.connection)
    first = chart_range.first_day(today, counts.first_day, settings.week_start)
    last = week_start(today, settings.week_start) + timedelta(days=6)
    # This week counts from its first day to today, as on Today's panel (docs/coach.md).
    weeks = tuple(week_totals(uow, first, min(last, today), settings.week_start))
    if overview and (last - first).days + 1 > DAYS_BY_MONTH:
        return ChartData(
            first=first,
            last=last,
            settings=settings,
            weeks=weeks,
            daily={},
            run_days=(),
            mood_changes=(),
            today=today,
            overview=monthly_overview(uow, first, last),
            counts=counts,
        )
    return ChartData(
        first=first,
        last=last,
        settings=settings,
        weeks=weeks,
        daily=daily_series(uow, first, last),
        run_days=tuple(chart_rows.session_days(uow.connection, first, last)),
        mood_changes=tuple(mood_changes(uow, first, last)),
        today=today,
        counts=counts,
    )


def monthly_overview(uow: UnitOfWork, first: date, last: date) -> MonthlyOverview:
    """Each month's check-in means and counts, the ill days and each month's moods around
    sessions from `first` to `last`: what the daily and mood charts draw over years."""
    from runjournal.figures.charts import MonthlyOverview, MonthMoodChange
    from runjournal.figures.daily import CHART_COLUMNS, DAILY_SERIES

    rows = chart_rows.check_in_months(uow.connection, first, last, CHART_COLUMNS)
    daily_months: dict[str, tuple[tuple[date, float], ...]] = {}
    recorded: dict[str, int] = {}
    for index, name in enumerate(CHART_COLUMNS):
        counts = [(row[0], row[1 + 2 * index], row[2 + 2 * index]) for row in rows]
        recorded[name] = sum(n for _month, n, _total in counts)
        if name in DAILY_SERIES:
            daily_months[name] = tuple((month, total / n) for month, n, total in counts if n)
    moods = tuple(
        MonthMoodChange(month, n, before / n, after / n)
        for month, n, before, after in chart_rows.mood_months(uow.connection, first, last)
    )
    return MonthlyOverview(
        daily_months=daily_months,
        recorded=recorded,
        ill_days=tuple(chart_rows.ill_days(uow.connection, first, last)),
        mood_change_months=moods,
    )


def week_report(uow: UnitOfWork, first_day: date, today: date, nudges: Sequence[Nudge]) -> WeekReport:
    """The printed page's figures for the person's week starting on `first_day`, counted as
    every view counts it (their goal; "so far" while it has not ended on `today`), read from
    the same rows as the charts' figures."""
    from runjournal.domain.progress import progress_of_week
    from runjournal.figures.week_report import REPORT_DAYS, REPORT_WEEKS, WeekAverages, WeekReport, note_lines

    settings = uow.settings.load()
    last_day = first_day + timedelta(days=6)
    # A week still running counts to today ("so far"), as on Today's panel.
    counted_to = max(first_day, min(last_day, today))
    first_week = first_day - timedelta(weeks=REPORT_WEEKS - 1)
    daily_first = last_day - timedelta(days=REPORT_DAYS - 1)
    weeks = week_totals(uow, first_week, counted_to, settings.week_start)
    # The week's and the week before's check-ins whole: their averages and notes.
    check_ins = uow.check_ins.between(first_day - timedelta(days=7), counted_to)
    runs = uow.runs.between(first_day, counted_to)
    this_week = [c for c in check_ins if c.day >= first_day]
    last_week = [c for c in check_ins if c.day < first_day]

    def progress(totals: WeekTotals) -> WeekProgress:
        return progress_of_week(totals, today, settings.weekly_minutes_goal, settings.weekly_sessions_goal)

    return WeekReport(
        week=IsoWeek.of(first_day),
        settings=settings,
        totals=weeks[-1],
        previous=weeks[-2],
        averages=WeekAverages.of(this_week),
        previous_averages=WeekAverages.of(last_week),
        weeks=tuple(weeks),
        daily=daily_series(uow, daily_first, last_day),
        runs=tuple(runs),
        run_days=tuple(uow.runs.days_between(daily_first, counted_to)),
        mood_changes=tuple(mood_changes(uow, first_day, counted_to)),
        nudges=tuple(nudges),
        notes=tuple(note_lines(runs, this_week)),
        progress=progress(weeks[-1]),
        previous_progress=progress(weeks[-2]),
        check_ins=tuple(this_week),
    )


# One path from rows to each figure, shared by the charts and the printed page: only the
# columns a figure draws, not every Run and CheckIn of years of entries.


def daily_series(uow: UnitOfWork, first: date, last: date) -> dict[str, DailySeries]:
    """Every column the charts and the page draw day by day (moods, sleep, the ill flag)."""
    from runjournal.figures.daily import CHART_COLUMNS, daily_series_from_offsets, lead_in_start

    rows = chart_rows.check_in_values(uow.connection, lead_in_start(first), last, CHART_COLUMNS)
    return daily_series_from_offsets(rows, first, last, CHART_COLUMNS)


def mood_changes(uow: UnitOfWork, first: date, last: date) -> list[MoodChange]:
    from runjournal.figures.runs import mood_changes_from_rows

    return mood_changes_from_rows(chart_rows.mood_rows(uow.connection, first, last))
