"""Spotting a run the journal already has, so an import does not count it twice.

The same outing often arrives more than once: from the watch (FIT), again from Garmin
Connect (TCX or GPX) and again in a Strava export, each with different bytes. Matching
the file's hash catches a file imported twice; matching start and duration catches the
same outing in another format.

Rules:
- Both runs have a start time: the starts are at most 2 minutes apart and the durations
  within 2 % of the longer one. The activity type is not compared, because services
  name sports differently and two different outings cannot start together anyway.
- Otherwise (a run typed in by hand, a CSV row without a time): the same local day, the
  same activity, durations within 2 %, and, when both have one, distances within 2 %.
  Without a clock time two similar runs on one day cannot be told apart, so this rule
  is deliberately stricter.
"""

from __future__ import annotations

from collections.abc import Iterable

from runjournal.domain.model import Run

START_TOLERANCE_S = 120.0
RELATIVE_TOLERANCE = 0.02


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    largest = max(abs(a), abs(b))
    return largest == 0 or abs(a - b) <= RELATIVE_TOLERANCE * largest


def same_activity(a: Run, b: Run) -> bool:
    """True when `a` and `b` are very probably the same outing (see the module's rules)."""
    if not _close(a.duration_s, b.duration_s):
        return False
    if a.started_at is not None and b.started_at is not None:
        return abs((a.started_at - b.started_at).total_seconds()) <= START_TOLERANCE_S
    if a.day != b.day or a.activity != b.activity:
        return False
    if a.distance_m is not None and b.distance_m is not None:
        return _close(a.distance_m, b.distance_m)
    return True


def find_duplicate(run: Run, existing: Iterable[Run]) -> Run | None:
    """The existing run that `run` repeats: the same content hash first, else the same outing."""
    candidates = list(existing)
    if run.content_hash:
        for other in candidates:
            if other.content_hash == run.content_hash:
                return other
    for other in candidates:
        if same_activity(run, other):
            return other
    return None
