"""The insights' input: one value per day and the sessions with both moods, built from a
journal's entries or from the few columns a journal reads for them (service/insights_read)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from runjournal.domain.model import Activity, CheckIn, Intensity, Run
from runjournal.insights.model import InsightsInput, PairedSession


def entries_from(runs: Iterable[Run], check_ins: Iterable[CheckIn]) -> InsightsInput:
    """The daily values and paired sessions the insights read, from a journal's entries."""
    run_days: set[date] = set()
    sessions: list[PairedSession] = []
    for run in runs:
        if run.activity is Activity.RUN:
            run_days.add(run.day)
        if run.mood_before is not None and run.mood_after is not None:
            sessions.append(
                paired_session(run.day, run.activity, run.effort, run.mood_before, run.mood_after)
            )
    ordered = sorted(check_ins, key=lambda c: c.day)
    return entries_of(
        run_days,
        sessions,
        [(c.day, c.mood, c.anxiety, c.stress, c.sleep_hours) for c in ordered],
        [(c.day, c.tags) for c in ordered if c.tags],
    )


def entries_of(
    run_days: Iterable[date],
    sessions: Iterable[PairedSession],
    daily: Iterable[tuple[date, int | None, int | None, int | None, float | None]],
    tagged: Iterable[tuple[date, tuple[str, ...]]],
) -> InsightsInput:
    """The insights' input from what a journal can read without building every entry:
    the run days, the sessions with moods, (day, mood, anxiety, stress, sleep hours) of each
    check-in, and (day, tags) of each check-in with tags."""
    days_by_tag: dict[str, set[date]] = {}
    for day, tags in sorted(tagged, key=lambda pair: pair[0]):
        for tag in tags:
            days_by_tag.setdefault(tag, set()).add(day)
    return InsightsInput(
        frozenset(run_days),
        tuple(sorted(daily, key=lambda values: values[0])),
        tuple(sorted(sessions, key=lambda s: s.day)),
        tuple((tag, frozenset(found)) for tag, found in days_by_tag.items()),
    )


def paired_session(
    day: date, activity: Activity | str, effort: int | None, mood_before: int, mood_after: int
) -> PairedSession:
    """A session with both moods noted; its intensity only when an effort was recorded."""
    intensity = None if effort is None else Intensity.of_effort(effort)
    return PairedSession(day, Activity(activity), intensity, mood_before, mood_after)
