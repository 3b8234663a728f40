"""Spotting a run the journal already has, so an import does not count it twice.

The same outing often arrives more than once: from the watch (FIT), again from Garmin
Connect (TCX or GPX) and again in a Strava export, each with different bytes. Matching
the file's hash catches a file imported twice; matching start and duration catches the
same outing in another format.

Rules:
- Both runs have a start time: the same outing, not the same numbers. The same activity
  (a run and a walk that start together are two people's outings; "other", which some
  services call any sport they do not know, matches any), the starts at most 5 minutes
  apart, and time spans that overlap. Durations are not compared: a watch counts timer
  time (paused at a café) while a service counts the wall clock.
- Otherwise (a run typed in by hand, a CSV row without a time): the same local day, the
  same activity, durations within 2 %, and, when both have one, distances within 2 %.
  Without a clock time two similar runs on one day cannot be told apart, so this rule
  is deliberately stricter.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import date

from runjournal.domain.model import Activity, Run

START_TOLERANCE_S = 300.0
RELATIVE_TOLERANCE = 0.02


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    largest = max(abs(a), abs(b))
    return largest == 0 or abs(a - b) <= RELATIVE_TOLERANCE * largest


def _same_outing(a: Run, b: Run) -> bool:
    assert a.started_at is not None and b.started_at is not None
    if Activity.OTHER not in (a.activity, b.activity) and a.activity is not b.activity:
        return False
    if abs((a.started_at - b.started_at).total_seconds()) > START_TOLERANCE_S:
        return False
    start_a, start_b = a.started_at.timestamp(), b.started_at.timestamp()
    return max(start_a, start_b) < min(start_a + a.duration_s, start_b + b.duration_s)


def same_activity(a: Run, b: Run) -> bool:
    """True when `a` and `b` are very probably the same outing (see the module's rules)."""
    if a.started_at is not None and b.started_at is not None:
        return _same_outing(a, b)
    if not _close(a.duration_s, b.duration_s):
        return False
    if a.day != b.day or a.activity != b.activity:
        return False
    if a.distance_m is not None and b.distance_m is not None:
        return _close(a.distance_m, b.distance_m)
    return True


class RunIndex:
    """Runs arranged so that the one a new run repeats is found without comparing it with
    every run: by content hash, by start time (within the tolerance), and by day for runs
    without a clock time. Finds what comparing with every run would: a run with the same
    content hash, else the first same outing in the order the runs were added."""

    def __init__(self, runs: Iterable[Run] = ()) -> None:
        self._order = 0
        self._by_hash: dict[str, tuple[int, Run]] = {}
        self._starts: list[tuple[float, int, Run]] = []  # sorted by start
        self._by_day: dict[date, list[tuple[int, Run]]] = {}
        self._untimed_by_day: dict[date, list[tuple[int, Run]]] = {}
        for run in runs:
            self.add(run)

    def add(self, run: Run) -> None:
        order, self._order = self._order, self._order + 1
        if run.content_hash:
            self._by_hash.setdefault(run.content_hash, (order, run))
        if run.started_at is not None:
            bisect.insort(self._starts, (run.started_at.timestamp(), order, run), key=lambda e: e[:2])
        else:
            self._untimed_by_day.setdefault(run.day, []).append((order, run))
        self._by_day.setdefault(run.day, []).append((order, run))

    def find(self, run: Run) -> Run | None:
        if run.content_hash and run.content_hash in self._by_hash:
            return self._by_hash[run.content_hash][1]
        if run.started_at is None:
            candidates = self._by_day.get(run.day, [])  # the day rule, whatever the other has
        else:
            start = run.started_at.timestamp()
            low = bisect.bisect_left(self._starts, start - START_TOLERANCE_S - 1, key=lambda e: e[0])
            high = bisect.bisect_right(self._starts, start + START_TOLERANCE_S + 1, key=lambda e: e[0])
            candidates = [(order, other) for _, order, other in self._starts[low:high]]
            candidates += self._untimed_by_day.get(run.day, [])
        matches = [(order, other) for order, other in candidates if same_activity(run, other)]
        return min(matches, key=lambda match: match[0])[1] if matches else None


def find_duplicate(run: Run, existing: Iterable[Run]) -> Run | None:
    """The existing run that `run` repeats: the same content hash first, else the same
    outing (the first in `existing` order). For many runs, keep a RunIndex instead."""
    return RunIndex(existing).find(run)
