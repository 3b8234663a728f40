"""The coach's History read from a bounded window of recent weeks plus a few totals of the
weeks before it, computed by SQLite, so what the coach says costs the same at thirty years
of entries as at one, and is word for word what it would say reading every run.

The window holds every run the rules look at day by day: 26 weeks (SPIKE-RUN looks 97 days
back at most), and, for RETURN, the 28 days before the last run ahead of the past week. The
rules that look further (the first run, the run count of MILESTONE, the first week to reach
the goal, the weeks in a row of ROUTINE) read `EarlierRuns`.
"""

from __future__ import annotations

from datetime import date, timedelta

from runjournal.coach.model import EarlierRuns, History
from runjournal.domain.model import Intensity, Settings
from runjournal.domain.weeks import week_start
from runjournal.storage.unit_of_work import UnitOfWork

COACH_RUN_DAYS = 182  # 26 weeks: more than any rule's day-by-day look back
RETURN_BEFORE_DAYS = 27  # RETURN counts the runs of the 28 days ending on the last one before a gap
CHECK_IN_DAYS = 90  # MOOD-LOW compares the last 14 days with the person's own 60
_STREAK_CHUNK = 400  # run days read at a time while counting ROUTINE's weeks back


def window_start(uow: UnitOfWork, today: date, settings: Settings) -> date:
    """The first day of the coach's window: the start of one of the person's weeks."""
    first = today - timedelta(days=COACH_RUN_DAYS)
    before_this_week = uow.runs.last_run_day(today - timedelta(days=7))
    if before_this_week is not None:
        first = min(first, before_this_week - timedelta(days=RETURN_BEFORE_DAYS))
    return week_start(first, settings.week_start)


def coach_history(uow: UnitOfWork, today: date) -> History:
    """Everything the coach rules read, up to and including `today`."""
    settings = uow.settings.load()
    since = window_start(uow, today, settings)
    return History(
        today=today,
        runs=tuple(uow.runs.between(since, today)),
        check_ins=tuple(uow.check_ins.between(today - timedelta(days=CHECK_IN_DAYS), today)),
        settings=settings,
        earlier=_earlier(uow, since, settings),
    )


def _earlier(uow: UnitOfWork, since: date, settings: Settings) -> EarlierRuns:
    count, first_run = uow.runs.runs_before(since)
    if count == 0:
        return EarlierRuns(since=since)
    return EarlierRuns(
        since=since,
        runs=count,
        first_run=first_run,
        goal_week=_first_goal_week(uow, since, settings),
        weeks_in_a_row=_weeks_in_a_row_before(uow, since, settings.week_start),
    )


def _first_goal_week(uow: UnitOfWork, since: date, settings: Settings) -> date | None:
    """The first of the person's weeks before `since` to reach their weekly goal in
    moderate-equivalent minutes (MILESTONE's walk, with the same sums): a long-time runner's
    is in their first months, so the walk reads little of the years after it."""
    goal, first_weekday = settings.weekly_minutes_goal, settings.week_start
    week, total = None, 0.0
    sessions = uow.runs.sessions_before(since)
    try:
        for day, duration_s, effort in sessions:
            start = week_start(day, first_weekday)
            if start != week:
                week, total = start, 0.0
            total += duration_s / 60.0 * (2 if Intensity.of_effort(effort) is Intensity.HARD else 1)
            if total >= goal:
                return week
    finally:
        sessions.close()  # stops the read
    return None


def _weeks_in_a_row_before(uow: UnitOfWork, since: date, first_weekday: int) -> int:
    """The person's weeks with a run, counted back from the week just before `since` until
    a week without one (ROUTINE's row, as it goes on before the window)."""
    expected, weeks, before = since - timedelta(weeks=1), 0, since
    while True:
        days = uow.runs.run_days_before(before, _STREAK_CHUNK)
        for day in days:
            start = week_start(day, first_weekday)
            if start == expected:
                weeks += 1
                expected -= timedelta(weeks=1)
            elif start < expected:
                return weeks
        if len(days) < _STREAK_CHUNK:
            return weeks
        before = days[-1]
