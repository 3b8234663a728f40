"""This week day by day, for Today's week panel: each day's mood and sessions with their
minutes, summed by the same domain rules as the week's totals (`week_totals_of`), so the
days add up to what the panel's bars, the run log, the charts and the coach say.

"This week" is the person's own week holding today (docs/coach.md, Definitions); its days
after today are listed, empty, so the week keeps its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from runjournal.domain.model import Run, WeekTotals
from runjournal.domain.progress import WEEK_DAYS, is_session, week_totals_of, whole_minutes
from runjournal.domain.weeks import week_start

if TYPE_CHECKING:
    from runjournal.service.journal import Journal


@dataclass(frozen=True)
class DaySession:
    """One activity of a day, as the panel names it."""

    activity: str  # "Run", "Walk", …
    minutes: int  # whole minutes, rounded down as everywhere
    counts_as_session: bool  # at least 10 minutes (docs/coach.md)


@dataclass(frozen=True)
class WeekDay:
    day: date
    mood: int | None
    sessions: tuple[DaySession, ...]
    totals: WeekTotals  # the day's sums, by the week's rules
    is_today: bool
    is_ahead: bool  # after today: nothing counted yet

    @property
    def minutes(self) -> int:
        """The day's whole minutes, its share of the week's (see _RunningMinutes)."""
        return sum(session.minutes for session in self.sessions)

    @property
    def session_count(self) -> int:
        """Sessions of 10 minutes or more, as the week's session bar counts them."""
        return self.totals.sessions_10min


@dataclass(frozen=True)
class WeekDays:
    first: date
    last: date
    days: tuple[WeekDay, ...]


class _RunningMinutes:
    """Whole minutes handed out in order so that they always add up to the whole minutes of
    everything so far: the days' and sessions' figures then sum to the week's exact figure
    (each shown number is its share of the rounded total, never off by a rounding)."""

    def __init__(self) -> None:
        self._seconds = 0.0

    def take(self, seconds: float) -> int:
        before = whole_minutes(self._seconds / 60.0)
        self._seconds += seconds
        return whole_minutes(self._seconds / 60.0) - before


def _day_sessions(runs: list[Run], minutes: _RunningMinutes) -> tuple[DaySession, ...]:
    return tuple(
        DaySession(run.activity.label, minutes.take(run.duration_s), is_session(run)) for run in runs
    )


def week_days(journal: Journal, today: date) -> WeekDays:
    """The person's week holding `today`, one entry a day, read in one transaction; runs
    after today are not counted (as in every "this week so far")."""
    with journal._read() as uow:
        first = week_start(today, uow.settings.load().week_start)
        last = first + timedelta(days=WEEK_DAYS - 1)
        counted_to = min(last, today)
        runs = uow.runs.between(first, counted_to) if counted_to >= first else []  # oldest first
        moods = {c.day: c.mood for c in uow.check_ins.between(first, counted_to)}
    days = []
    minutes = _RunningMinutes()
    for offset in range(WEEK_DAYS):
        day = first + timedelta(days=offset)
        of_day = [run for run in runs if run.day == day]
        days.append(
            WeekDay(
                day=day,
                mood=moods.get(day),
                sessions=_day_sessions(of_day, minutes),
                totals=week_totals_of(of_day, first),
                is_today=day == today,
                is_ahead=day > today,
            )
        )
    return WeekDays(first, last, tuple(days))
