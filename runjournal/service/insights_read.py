"""What the Insights read from the journal: the run days, the sessions with both moods and
each check-in's feelings, sleep and tags — a few columns, never every run built in full —
and whether the coach's MOOD-LOW pauses them, from the coach's own bounded window."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from runjournal.service import coach_window
from runjournal.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from runjournal.insights import InsightsInput

DAILY_COLUMNS = ("mood", "anxiety", "stress", "sleep_hours")


def insights_input(uow: UnitOfWork, today: date) -> InsightsInput:
    """Everything the comparisons read, up to and including `today`."""
    from runjournal.insights.entries import entries_of, paired_session

    sessions = [
        paired_session(day, activity, effort, before, after)
        for day, before, after, effort, activity, *_rest in uow.runs.mood_rows(date.min, today)
    ]
    return entries_of(
        uow.runs.run_days_until(today),
        sessions,
        uow.check_ins.values_between(date.min, today, DAILY_COLUMNS),
        uow.check_ins.tags_until(today),
    )


def insights_paused(uow: UnitOfWork, today: date) -> bool:
    """True while MOOD-LOW is active on `today` (the insights are paused then)."""
    from runjournal.coach.engine import mood_low_active

    return mood_low_active(coach_window.coach_history(uow, today))
