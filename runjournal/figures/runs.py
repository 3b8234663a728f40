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
    """Every session with both moods recorded, in the order they happened: the rows of
    `mood_changes_from_rows`, taken from Run records."""
    kept = sorted(
        (r for r in runs if r.mood_before is not None and r.mood_after is not None), key=lambda r: r.day
    )
    return mood_changes_from_rows(
        (r.day, r.mood_before, r.mood_after, r.effort, r.activity, r.duration_s, r.title) for r in kept
    )


# Years of sessions repeat the same few efforts and activities: look them up once.
_INTENSITIES = {effort: Intensity.of_effort(effort) for effort in (None, *range(1, 11))}
_ACTIVITIES = {str(activity.value): activity for activity in Activity}


def mood_changes_from_rows(rows: Iterable[Sequence[Any]]) -> list[MoodChange]:
    """The one path to MoodChange: from (day, before, after, effort, activity, duration_s,
    title) rows of sessions with both moods recorded, already in the order they happened
    (what the journal reads for the charts and the printed page)."""
    intensities, activities = _INTENSITIES, _ACTIVITIES
    return [
        MoodChange(
            day=day,
            before=before,
            after=after,
            intensity=intensities[effort] if effort in intensities else Intensity.of_effort(effort),
            effort=effort,
            activity=activities[activity] if activity in activities else Activity(activity),
            minutes=duration_s / 60.0,
            title=title,
        )
        for day, before, after, effort, activity, duration_s, title in rows
    ]
