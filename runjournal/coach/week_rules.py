"""VOL and FREQ (docs/coach.md): the person's calendar week against their own goal.

Both read the week through `domain.progress`, the same function Today's panel, the run log,
the charts and the printed page use, so "about N minutes to go" is the same number on every
screen. They ask for more only once at least half the week is gone and the rest is within
reach: no "do more" on a Monday, no push towards a goal that can no longer be met. Every kind
of movement counts.
"""

from __future__ import annotations

from collections.abc import Callable

from runjournal.coach.model import History, Level, Nudge
from runjournal.domain.model import SESSION_MIN_S
from runjournal.domain.progress import DEFAULT_WEEKLY_MINUTES, WeekProgress, week_progress
from runjournal.domain.units import count
from runjournal.domain.weeks import week_start

VOL_SOURCE = "WHO 2020; WebMD 2021"
FREQ_SOURCE = "WebMD 2021; Garber et al. 2011 (ACSM)"


def this_week(h: History) -> WeekProgress:
    """The person's week as far as today, as every view shows it."""
    settings = h.settings
    first = week_start(h.today, settings.week_start)
    return week_progress(
        h.runs_between(first, h.today),
        h.today,
        settings.week_start,
        settings.weekly_minutes_goal,
        settings.weekly_sessions_goal,
    )


def _moved_in_last_days(h: History, days: int) -> bool:
    """A session (≥ 10 minutes, any kind of movement) in the last `days` days."""
    return any(r.duration_s >= SESSION_MIN_S for r in h.runs_between(*h.last_days(days)))


def _goal_words(p: WeekProgress) -> str:
    if p.goal_minutes == DEFAULT_WEEKLY_MINUTES:
        return f"the {DEFAULT_WEEKLY_MINUTES} moderate minutes a week the WHO suggests"
    return f"your own goal of {count(p.goal_minutes, 'minute')} a week"


def _kind_of_minutes(p: WeekProgress) -> str:
    return "moderate-equivalent minutes" if p.hard_minutes_count_double else "active minutes"


def vol(h: History) -> Nudge | None:
    """VOL (suggest / celebrate): this week's moderate-equivalent minutes against the person's
    goal (else 150). Celebrates once the goal is met. Suggests "about N minutes to go this
    week" only with a session in the last 7 days, at least half the week gone and at most
    2 × 45 minutes still to go.

    SOURCE: WHO 2020; WebMD 2021
    """
    p = this_week(h)
    hard = " (hard minutes count double)" if p.hard_minutes_count_double else ""
    why = (
        f"You moved {count(p.moderate_equivalent_minutes, 'moderate-equivalent minute')}{hard}, "
        f"{p.label}; your weekly goal is {p.goal_minutes}."
    )
    numbers: dict[str, float | int | str | None] = {
        "meq_minutes": p.moderate_equivalent_minutes,
        "minutes_to_go": p.minutes_to_go,
        "goal_minutes": p.goal_minutes,
        "week_start": p.week_start.isoformat(),
        "counted_to": p.window[1].isoformat(),
    }
    if p.goal_reached:  # goals are at least 1 minute, so an empty week never lands here
        return Nudge(
            rule_id="VOL",
            level=Level.CELEBRATE,
            title=f"Weekly goal reached: {p.moderate_equivalent_minutes} {_kind_of_minutes(p)}",
            message=f"You've reached {_goal_words(p)}. Every run counts, and yours are adding up.",
            why=why,
            source=VOL_SOURCE,
            numbers=numbers,
        )
    if not (_moved_in_last_days(h, 7) and p.half_gone and p.reachable):
        return None
    to_go = count(p.minutes_to_go, "minute")
    return Nudge(
        rule_id="VOL",
        level=Level.SUGGEST,
        title=f"About {to_go} to go this week",
        message=(
            f"Every run counts: about {to_go} to go this week towards {_goal_words(p)}. "
            "Even 50 minutes a week is good for your heart."
        ),
        why=why,
        source=VOL_SOURCE,
        numbers=numbers,
    )


def freq(h: History) -> Nudge | None:
    """FREQ (suggest): fewer sessions of ≥ 10 minutes this week than the person's target
    (default 3), at least half the week gone, the missing sessions still fitting in the days
    left (today included), and a session in the last 14 days: someone who has been away
    hears RETURN instead.

    SOURCE: WebMD 2021; Garber et al. 2011 (ACSM)
    """
    p = this_week(h)
    if p.sessions_to_go == 0 or not (p.half_gone and p.sessions_fit and _moved_in_last_days(h, 14)):
        return None
    return Nudge(
        rule_id="FREQ",
        level=Level.SUGGEST,
        title="Short sessions count",
        message=(
            "Short sessions count. Aim for 3 to 5 a week of about 30 minutes; "
            "a brisk 10-minute walk is a fine start."
        ),
        why=(
            f"You had {count(p.sessions, 'session')} of 10 minutes or more, {p.label}; "
            f"your target is {p.session_target} a week, so {count(p.sessions_to_go, 'more session')} "
            "would reach it."
        ),
        source=FREQ_SOURCE,
        numbers={
            "sessions": p.sessions,
            "target": p.session_target,
            "sessions_to_go": p.sessions_to_go,
            "week_start": p.week_start.isoformat(),
            "counted_to": p.window[1].isoformat(),
        },
    )


WEEK_RULES: tuple[tuple[str, Callable[[History], Nudge | None]], ...] = (("VOL", vol), ("FREQ", freq))
