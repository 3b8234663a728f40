"""Reading the figures of the charts and the weekly page, inside one of the journal's read
transactions: only the columns each figure needs, aggregated in SQL where it can be."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runjournal.domain.model import WeekTotals
from runjournal.domain.weeks import IsoWeek, week_start, week_starts
from runjournal.storage.repositories import journal_counts
from runjournal.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from runjournal.coach.model import Nudge
    from runjournal.figures.charts import ChartData, ChartRange
    from runjournal.figures.daily import DailySeries
    from runjournal.figures.runs import MoodChange
    from runjournal.figures.week_report import WeekReport


def week_totals(uow: UnitOfWork, first: date, last: date, first_weekday: int) -> list[WeekTotals]:
    """Every week from the one holding `first` to the one holding `last`, empty ones as zeros."""
    start = week_start(first, first_weekday)
    found = {w.week_start: w for w in uow.runs.week_totals(start, last, first_weekday)}
    return [found.get(s, WeekTotals(week_start=s)) for s in week_starts(first, last, first_weekday)]


def chart_data(uow: UnitOfWork, chart_range: ChartRange, today: date) -> ChartData:
    from runjournal.figures.charts import ChartData

    settings = uow.settings.load()
    journal_first = journal_counts(uow.connection).first_day
    first = chart_range.first_day(today, journal_first, settings.week_start)
    last = week_start(today, settings.week_start) + timedelta(days=6)
    return ChartData(
        first=first,
        last=last,
        settings=settings,
        weeks=tuple(week_totals(uow, first, last, settings.week_start)),
        daily=daily_series(uow, first, last),
        run_days=tuple(uow.runs.days_between(first, last)),
        mood_changes=tuple(mood_changes(uow, first, last)),
    )


def week_report(uow: UnitOfWork, week: IsoWeek, nudges: Sequence[Nudge]) -> WeekReport:
    """The printed page's figures for an ISO week (Monday weeks, as the command line names
    them), read from the same rows as the charts' figures."""
    from runjournal.figures.week_report import REPORT_DAYS, REPORT_WEEKS, WeekAverages, WeekReport, note_lines

    first_week = week - (REPORT_WEEKS - 1)
    daily_first = week.sunday - timedelta(days=REPORT_DAYS - 1)
    weeks = week_totals(uow, first_week.monday, week.sunday, 0)
    # The week's and the week before's check-ins whole: their averages and notes.
    check_ins = uow.check_ins.between((week - 1).monday, week.sunday)
    runs = uow.runs.between(week.monday, week.sunday)
    this_week = [c for c in check_ins if c.day >= week.monday]
    last_week = [c for c in check_ins if c.day < week.monday]
    return WeekReport(
        week=week,
        settings=uow.settings.load(),
        totals=weeks[-1],
        previous=weeks[-2],
        averages=WeekAverages.of(this_week),
        previous_averages=WeekAverages.of(last_week),
        weeks=tuple(weeks),
        daily=daily_series(uow, daily_first, week.sunday),
        runs=tuple(runs),
        run_days=tuple(uow.runs.days_between(daily_first, week.sunday)),
        mood_changes=tuple(mood_changes(uow, week.monday, week.sunday)),
        nudges=tuple(nudges),
        notes=tuple(note_lines(runs, this_week)),
    )


# One path from rows to each figure, shared by the charts and the printed page: only the
# columns a figure draws, not every Run and CheckIn of years of entries.


def daily_series(uow: UnitOfWork, first: date, last: date) -> dict[str, DailySeries]:
    from runjournal.figures.daily import DAILY_SERIES, daily_series_from_rows, lead_in_start

    rows = uow.check_ins.values_between(lead_in_start(first), last, DAILY_SERIES)
    return daily_series_from_rows(rows, first, last, DAILY_SERIES)


def mood_changes(uow: UnitOfWork, first: date, last: date) -> list[MoodChange]:
    from runjournal.figures.runs import mood_changes_from_rows

    return mood_changes_from_rows(uow.runs.mood_rows(first, last))
