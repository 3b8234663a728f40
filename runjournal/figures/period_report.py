"""The figures of the period report: several of the person's weeks (4, 8, 12, or dates they
picked, widened to whole weeks), one row a week, for an appointment with a GP, a therapist
or a coach.

Insights and the coach's notes arrive as plain text (`TextNote`), so this module, like every
figure, needs nothing but domain records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from runjournal.domain.model import CheckIn, Settings, WeekTotals
from runjournal.domain.progress import WeekProgress, progress_of_week
from runjournal.domain.weeks import week_start
from runjournal.figures.daily import DailySeries
from runjournal.figures.week_report import WeekAverages

PERIOD_CHOICES = (4, 8, 12)  # weeks, as the report dialog offers them


@dataclass(frozen=True, slots=True)
class TextNote:
    """An insight or a coach's note as it is printed: a title, a sentence and where it comes from."""

    title: str
    text: str
    source: str = ""
    key: str = ""  # the coach rule (or insight) it comes from: said once per period


@dataclass(frozen=True, slots=True)
class PeriodWeek:
    """One row of the report: the week as every view counts it, and its check-ins."""

    progress: WeekProgress
    averages: WeekAverages
    ill_days: int


@dataclass(frozen=True)
class PeriodReport:
    first: date  # the first day of the first week
    last: date  # the last day of the last week
    today: date
    settings: Settings
    weeks: tuple[WeekTotals, ...]
    rows: tuple[PeriodWeek, ...]
    daily: dict[str, DailySeries]
    run_days: tuple[date, ...]
    insights: tuple[TextNote, ...] = ()
    coach_notes: tuple[TextNote, ...] = ()

    @property
    def weeks_count(self) -> int:
        return len(self.rows)

    @property
    def is_empty(self) -> bool:
        return not any(row.progress.sessions or row.averages.check_ins for row in self.rows)


def whole_weeks(first: date, last: date, first_weekday: int) -> tuple[date, date]:
    """`first`..`last` widened to the person's whole weeks."""
    start = week_start(first, first_weekday)
    end = week_start(last, first_weekday) + timedelta(days=6)
    return start, end


def last_full_weeks(today: date, first_weekday: int, count: int) -> tuple[date, date]:
    """The `count` weeks that ended before the week holding `today`."""
    end = week_start(today, first_weekday) - timedelta(days=1)
    return end - timedelta(weeks=count) + timedelta(days=1), end


def period_rows(
    weeks: Sequence[WeekTotals], check_ins: Iterable[CheckIn], today: date, settings: Settings
) -> tuple[PeriodWeek, ...]:
    by_week: dict[date, list[CheckIn]] = {w.week_start: [] for w in weeks}
    for check_in in check_ins:
        key = week_start(check_in.day, settings.week_start)
        if key in by_week:
            by_week[key].append(check_in)
    return tuple(
        PeriodWeek(
            progress=progress_of_week(
                week, today, settings.weekly_minutes_goal, settings.weekly_sessions_goal
            ),
            averages=WeekAverages.of(by_week[week.week_start]),
            ill_days=sum(1 for c in by_week[week.week_start] if c.ill),
        )
        for week in weeks
    )


def unique_notes(notes: Iterable[TextNote]) -> tuple[TextNote, ...]:
    """Each rule's note once, where it was first said, in the words it was last said in
    ("24 weeks in a row" rather than 22, 23 and 24)."""
    kept: dict[str, TextNote] = {}
    for note in notes:
        kept[note.key or note.title] = note
    return tuple(kept.values())
