"""Per-run figures: how mood moved from before a run to after it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from runjournal.domain.model import Activity, Intensity, Run


@dataclass(frozen=True, slots=True)
class MoodChange:
    """A session with mood recorded both before and after it."""

    day: date
    before: int
    after: int
    intensity: Intensity
    effort: int | None
    activity: Activity
    minutes: float
    title: str = ""

    @property
    def change(self) -> int:
        return self.after - self.before


def mood_changes(runs: Iterable[Run]) -> list[MoodChange]:
    """Every session with both moods recorded, in the order they happened."""
    changes = [
        MoodChange(
            day=r.day,
            before=r.mood_before,
            after=r.mood_after,
            intensity=r.intensity,
            effort=r.effort,
            activity=r.activity,
            minutes=r.minutes,
            title=r.title,
        )
        for r in runs
        if r.mood_before is not None and r.mood_after is not None
    ]
    return sorted(changes, key=lambda c: c.day)


def run_days(runs: Iterable[Run]) -> list[date]:
    """The days with at least one session, for marking on a time axis."""
    return sorted({r.day for r in runs})


def mood_changes_from_rows(rows: Iterable[Sequence[Any]]) -> list[MoodChange]:
    """As `mood_changes`, from (day, before, after, effort, activity, duration_s, title) rows
    of sessions with both moods recorded, already in the order they happened."""
    return [
        MoodChange(
            day=day,
            before=before,
            after=after,
            intensity=Intensity.of_effort(effort),
            effort=effort,
            activity=Activity(activity),
            minutes=duration_s / 60.0,
            title=title,
        )
        for day, before, after, effort, activity, duration_s, title in rows
    ]
