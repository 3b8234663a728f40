"""Week progress: what "this week" means, once, for every view and the coach.

docs/coach.md ("Definitions"): this week is the person's calendar week (their own first
day), from its first day to today; progress is measured against the person's own goal, else
150 moderate-equivalent minutes. Today's panel, the run log's weekly totals, the charts, the
printed page and the coach's VOL and FREQ all read a `WeekProgress` made here, so one day
shows one set of numbers everywhere.

Two ways in, one rule: `week_progress` sums the runs of a week itself (the coach has them in
memory), `progress_of_week` takes the same sums as the journal's SQL computed them
(`WeekTotals`); both end in `progress_of_week`. The effort bands (`Intensity.of_effort`)
and the 10-minute session (`SESSION_MIN_S`) live in `model`, and the SQL sums are built from
the same constants.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from runjournal.domain.model import SESSION_MIN_S, Activity, Intensity, Run, WeekTotals
from runjournal.domain.units import format_day
from runjournal.domain.weeks import week_start

WEEK_DAYS = 7
DEFAULT_WEEKLY_MINUTES = 150  # WHO 2020: 150 moderate minutes a week, when the person set no goal
DEFAULT_SESSION_TARGET = 3  # "3 to 5 times a week"
# VOL speaks only while the rest of the goal is reachable: at most two sessions of 45 minutes.
REACHABLE_SESSIONS = 2
REACHABLE_SESSION_MINUTES = 45
REACHABLE_MINUTES = REACHABLE_SESSIONS * REACHABLE_SESSION_MINUTES
# Sums of fractional seconds may land a hair under a whole minute in one adder and on it
# in another (SQLite's and Python's); this much is forgiven before rounding down.
_ROUNDING_SLACK = 1e-6


def whole_minutes(minutes: float) -> int:
    """The one rounding rule for minutes shown anywhere: whole minutes done, rounded down
    (so a goal is never shown as met before it is)."""
    return max(0, math.floor(minutes + _ROUNDING_SLACK))


def is_session(run: Run) -> bool:
    """A session is any activity of at least 10 minutes (docs/coach.md)."""
    return run.duration_s >= SESSION_MIN_S


def week_totals_of(runs: Iterable[Run], first_day: date) -> WeekTotals:
    """The sums of the runs of the week starting on `first_day` (runs of other days are
    left out), by the same rules the journal's SQL uses for `WeekTotals`."""
    last_day = first_day + timedelta(days=WEEK_DAYS - 1)
    sessions = sessions_10min = runs_count = 0
    minutes = easy = moderate = hard = run_minutes = easy_run = distance = run_distance = 0.0
    for run in runs:
        if not first_day <= run.day <= last_day:
            continue
        m = run.duration_s / 60.0
        is_run = run.activity is Activity.RUN
        band = run.intensity  # no effort recorded counts as moderate
        is_easy, is_hard = band is Intensity.EASY, band is Intensity.HARD
        sessions += 1
        sessions_10min += is_session(run)
        runs_count += is_run
        minutes += m
        if is_easy:
            easy += m
        elif is_hard:
            hard += m
        else:
            moderate += m
        if is_run:
            run_minutes += m
            easy_run += m if is_easy else 0.0
            run_distance += run.distance_m or 0.0
        distance += run.distance_m or 0.0
    return WeekTotals(
        week_start=first_day,
        sessions=sessions,
        sessions_10min=sessions_10min,
        runs=runs_count,
        minutes=minutes,
        easy_minutes=easy,
        moderate_minutes=moderate,
        hard_minutes=hard,
        run_minutes=run_minutes,
        easy_run_minutes=easy_run,
        distance_m=distance,
        run_distance_m=run_distance,
    )


def weekly_goal(goal_minutes: int | None) -> int:
    """The person's own goal in minutes if set, else 150 (docs/coach.md)."""
    return goal_minutes if goal_minutes is not None and goal_minutes > 0 else DEFAULT_WEEKLY_MINUTES


def _day_text(day: date, with_year: bool) -> str:
    """ "Mon 30 Nov" (with the year when asked), in English whatever the C library's locale:
    format_day spells the names out for the same reason."""
    text = format_day(day)
    return text if with_year else text.rsplit(" ", 1)[0]


@dataclass(frozen=True, slots=True)
class WeekProgress:
    """One week of the person's, as far as `today`, against their goal."""

    week_start: date
    week_end: date  # the week's last day
    today: date
    days_gone: int  # days of the week up to and including today (7 once it has ended)
    days_left: int  # days of the week after today
    is_finished: bool  # today is past the week's last day
    minutes: int  # every minute moved, whole (rounded down)
    moderate_equivalent_minutes: int  # easy and moderate minutes + 2 × hard minutes, whole
    hard_minutes: int
    sessions: int  # sessions of at least 10 minutes
    goal_minutes: int  # the person's goal, else 150
    session_target: int
    minutes_to_go: int
    sessions_to_go: int
    half_gone: bool  # at least half of the week's days are gone (today included)
    reachable: bool  # what is left of the goal fits in two sessions of 45 minutes
    totals: WeekTotals  # the sums behind the numbers, for the views that show more of them

    @property
    def goal_reached(self) -> bool:
        return self.minutes_to_go == 0

    @property
    def hard_minutes_count_double(self) -> bool:
        """True when mEq differs from the minutes moved, so titles say "moderate-equivalent"."""
        return self.totals.hard_minutes > 0

    @property
    def sessions_fit(self) -> bool:
        """The sessions still missing fit in the days left, today included (it is not over)."""
        open_days = 0 if self.is_finished else self.days_left + 1
        return self.sessions_to_go <= open_days

    @property
    def window(self) -> tuple[date, date]:
        """The days counted: the week's first day to today, or the whole week once it ended."""
        return self.week_start, min(self.today, self.week_end)

    @property
    def label(self) -> str:
        """ "this week so far, Mon 30 Nov – Thu 3 Dec", or "week of Mon 23 Nov – Sun 29 Nov"
        for a week that has ended (the year is added when it is not today's year)."""
        first, last = self.window
        with_year = last.year != self.today.year or first.year != last.year
        span = f"{_day_text(first, with_year and first.year != last.year)} – {_day_text(last, with_year)}"
        if self.is_finished or self.today < self.week_start:
            return f"week of {span}"
        return f"this week so far, {span}"


def progress_of_week(
    totals: WeekTotals, today: date, goal_minutes: int | None, session_target: int = DEFAULT_SESSION_TARGET
) -> WeekProgress:
    """The progress of the week `totals` sums (its `week_start` is the week's first day) as
    it stands on `today`: a week that ended before today is finished and counted whole."""
    first = totals.week_start
    last = first + timedelta(days=WEEK_DAYS - 1)
    days_gone = min(max((today - first).days + 1, 0), WEEK_DAYS)
    goal = weekly_goal(goal_minutes)
    target = session_target if session_target > 0 else DEFAULT_SESSION_TARGET
    meq = whole_minutes(totals.moderate_equivalent_minutes)
    to_go = max(0, goal - meq)
    return WeekProgress(
        week_start=first,
        week_end=last,
        today=today,
        days_gone=days_gone,
        days_left=WEEK_DAYS - days_gone,
        is_finished=today > last,
        minutes=whole_minutes(totals.minutes),
        moderate_equivalent_minutes=meq,
        hard_minutes=whole_minutes(totals.hard_minutes),
        sessions=totals.sessions_10min,
        goal_minutes=goal,
        session_target=target,
        minutes_to_go=to_go,
        sessions_to_go=max(0, target - totals.sessions_10min),
        half_gone=2 * days_gone >= WEEK_DAYS,
        reachable=to_go <= REACHABLE_MINUTES,
        totals=totals,
    )


def week_progress(
    runs_of_week: Iterable[Run],
    today: date,
    first_weekday: int,
    goal_minutes: int | None,
    session_target: int = DEFAULT_SESSION_TARGET,
    *,
    week_of: date | None = None,
) -> WeekProgress:
    """The progress of the person's week holding `week_of` (default: today), counting the
    given runs that fall in it and on or before today."""
    first = week_start(week_of or today, first_weekday)
    counted = (r for r in runs_of_week if r.day <= today)
    return progress_of_week(week_totals_of(counted, first), today, goal_minutes, session_target)
