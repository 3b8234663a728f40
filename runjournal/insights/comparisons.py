"""What a person's own entries show about running and mood (docs/coach.md, "Insights").

Each insight compares the person with themself: mood on days they ran against other days,
mood the day after, sleep, and how mood moved from before to after a session. A pattern is
called clear only when its 95 % interval leaves out zero and the difference is at least
half a point; otherwise the sentence says there is no clear difference. Every insight
carries the same caveat, because these are associations, not causes. Nothing is shown
while MOOD-LOW is active.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

from runjournal.coach.engine import mood_low_active
from runjournal.coach.model import History
from runjournal.domain.model import Activity, Intensity, Run
from runjournal.insights.model import CLEAR_DIFFERENCE, Insight
from runjournal.insights.stats import (
    DEFAULT_SEED,
    block_bootstrap_interval,
    bootstrap_mean_interval,
    hedges_g,
    hedges_g_change,
)

MIN_DAYS_EACH = 14  # days of each kind before a day comparison is shown
MIN_SPAN_DAYS = 28  # first to last compared day, both counted
MIN_RUNS = 14  # sessions with mood before and after before a change is shown


_ACTIVITY_PLURAL = {
    Activity.RUN: "runs",
    Activity.WALK: "walks",
    Activity.BIKE: "bike rides",
    Activity.SWIM: "swims",
    Activity.OTHER: "other sessions",
}


def insights(history: History) -> list[Insight] | None:
    """The insights these entries support, in a fixed order; None while MOOD-LOW is active.

    A comparison without enough entries is left out rather than shown with a guess.
    """
    if mood_low_active(history):
        return None
    run_days = {r.day for r in history.runs if r.activity is Activity.RUN}
    moods = {c.day: float(c.mood) for c in history.check_ins if c.mood is not None}
    sleep = {c.day: float(c.sleep_hours) for c in history.check_ins if c.sleep_hours is not None}

    found: list[Insight | None] = [
        _day_comparison(
            "mood-run-days",
            "Mood on days you ran",
            moods,
            lambda day: day in run_days,
            lambda a, b: f"On days you ran, your mood averaged {_num(a)} against {_num(b)} on other days",
            unit="points",
        ),
        _day_comparison(
            "mood-next-day",
            "Mood the day after a run",
            moods,
            lambda day: day - timedelta(days=1) in run_days,
            lambda a, b: (
                f"The day after you ran, your mood averaged {_num(a)} against {_num(b)} after other days"
            ),
            unit="points",
        ),
        _day_comparison(
            "sleep-run-days",
            "Sleep on days you ran",
            sleep,
            lambda day: day in run_days,
            lambda a, b: (
                f"On days you ran, your check-ins recorded {_num(a)} hours of sleep "
                f"against {_num(b)} on other days"
            ),
            unit="hours",
        ),
    ]

    paired = [r for r in history.runs if r.mood_before is not None and r.mood_after is not None]
    found.append(_change("mood-change", "Mood before and after moving", "sessions", paired))
    for activity in Activity:
        found.append(
            _change(
                f"mood-change-{activity.value}",
                f"Mood before and after: {_ACTIVITY_PLURAL[activity]}",
                _ACTIVITY_PLURAL[activity],
                [r for r in paired if r.activity is activity],
            )
        )
    for band in Intensity:
        found.append(
            _change(
                f"mood-change-{band.value}",
                f"Mood before and after: {band.value} efforts",
                f"{band.value}-effort sessions",
                [r for r in paired if r.intensity is band],
            )
        )
    return [i for i in found if i is not None]


def _day_comparison(
    key: str,
    title: str,
    values: Mapping[date, float],
    in_group: Callable[[date], bool],
    means: Callable[[float, float], str],
    *,
    unit: str,
) -> Insight | None:
    a = {day: v for day, v in values.items() if in_group(day)}
    b = {day: v for day, v in values.items() if not in_group(day)}
    if len(a) < MIN_DAYS_EACH or len(b) < MIN_DAYS_EACH:
        return None
    if (max(values) - min(values)).days + 1 < MIN_SPAN_DAYS:
        return None
    mean_a = math.fsum(a.values()) / len(a)
    mean_b = math.fsum(b.values()) / len(b)
    difference = mean_a - mean_b
    low, high = block_bootstrap_interval(a, b, seed=_seed(key))
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    clear = _is_clear(difference, low, high)
    detail = (
        f"({_signed(difference)} {unit}, 95 % interval {_signed(low)} to {_signed(high)}, "
        f"{len(a)} and {len(b)} days)"
    )
    lead = means(mean_a, mean_b)
    sentence = f"{lead} {detail}." if clear else f"{lead}: no clear difference {detail}."
    return Insight(
        key=key,
        title=title,
        sentence=sentence,
        difference=difference,
        low=low,
        high=high,
        hedges_g=hedges_g(a.values(), b.values()),
        days_with=len(a),
        days_without=len(b),
        clear=clear,
    )


def _change(key: str, title: str, noun: str, runs: Iterable[Run]) -> Insight | None:
    pairs = [(float(r.mood_before), float(r.mood_after)) for r in runs]  # type: ignore[arg-type]
    if len(pairs) < MIN_RUNS:
        return None
    changes = [after - before for before, after in pairs]
    n = len(changes)
    difference = math.fsum(changes) / n
    low, high = bootstrap_mean_interval(changes, seed=_seed(key))
    clear = _is_clear(difference, low, high)
    before = math.fsum(p[0] for p in pairs) / n
    after = math.fsum(p[1] for p in pairs) / n
    lead = (
        f"Across {n} {noun} where you noted your mood before and after, "
        f"it went from {_num(before)} to {_num(after)} on average"
    )
    detail = f"({_signed(difference)} points, 95 % interval {_signed(low)} to {_signed(high)})"
    sentence = f"{lead} {detail}." if clear else f"{lead}: no clear change {detail}."
    return Insight(
        key=key,
        title=title,
        sentence=sentence,
        difference=difference,
        low=low,
        high=high,
        hedges_g=hedges_g_change(changes),
        days_with=n,
        days_without=None,
        clear=clear,
    )


def _is_clear(difference: float, low: float, high: float) -> bool:
    excludes_zero = low > 0 or high < 0
    return excludes_zero and abs(difference) >= CLEAR_DIFFERENCE - 1e-9


def _seed(key: str) -> int:
    """A fixed seed per insight, so the same entries always give the same interval."""
    return DEFAULT_SEED + zlib.crc32(key.encode("utf-8"))


def _num(x: float) -> str:
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text.replace("-", "−")


def _signed(x: float) -> str:
    text = f"{x:+.1f}"
    return "±0.0" if text in ("+0.0", "-0.0") else text.replace("-", "−")
